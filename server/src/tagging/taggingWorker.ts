/**
 * A tagging worker thread (`dist/taggingWorker.js`, started by `taggingPool.ts`): its own tagger over
 * the shipped model, sentences with their document evidence in, spans out. Nothing else of the
 * analysis runs here; the server's thread does the document-level stages.
 */
import { parentPort, workerData } from 'worker_threads';
import { CLUSTER_FILE, Gazetteers } from '../core/ner/gazetteer';
import { loadTaggerModel } from '../core/ner';
import { SequenceTagger } from '../core/ner/tagger';
import { diskDataSource } from '../diskData';
import { decodeRequest, encodeSpans, type TagRequest, type TagResponse, type WorkerReady } from './messages';

const source = diskDataSource();
const tagger = new SequenceTagger(loadTaggerModel(source), Gazetteers.load(source));
warmUp();

/**
 * For the tests of a lost worker only: the first N workers the pool starts (`workerData.index` < N)
 * end their thread on their first request, as a worker that ran out of memory would.
 */
const exitOnRequest = (workerData as { index?: number } | undefined)?.index !== undefined && workerData.index < Number(process.env.ARTICLE_LENS_TEST_TAGGING_WORKER_EXIT ?? 0);

parentPort?.on('message', (request: TagRequest) => {
  if (exitOnRequest) process.exit(1);
  let response: TagResponse;
  try {
    const { sentences, evidence } = decodeRequest(request);
    response = encodeSpans(request.id, tagger.tagWithEvidence(sentences, evidence));
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response, 'spans' in response ? [response.spans.buffer as ArrayBuffer] : []);
});
parentPort?.postMessage({ ready: true } satisfies WorkerReady);

/**
 * Tags the word clusters' vocabulary (the words news text uses most), twelve words a sentence,
 * before the first request: the tagger's code is compiled by V8 and its per-word cache holds those
 * words, so the first large article is tagged at full speed. Tags nothing anyone reads.
 */
function warmUp(): void {
  const words = source
    .readText(`ner/${CLUSTER_FILE}`)
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('# '))
    .map((line) => line.slice(0, line.indexOf('\t')));
  const sentences: string[][] = [];
  for (let i = 0; i < words.length; i += 12) sentences.push(words.slice(i, i + 12));
  tagger.tagDocument(sentences);
}
