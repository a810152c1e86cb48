/**
 * Benchmarks the named-entity recogniser on CoNLL-2003 eng.testa and compares it with `compromise`.
 *
 *   npm run bench:ner                 # the committed model, server/data/ner/model.bin, then a 5-fold CV of its recipe
 *   npm run bench:ner -- --model /tmp/model.bin
 *   npm run bench:ner -- --cv 10      # k folds instead of 5 (eng.testa added to every training fold: the shipped recipe)
 *   npm run bench:ner -- --train-only # the CV without testa (the recipe before it)
 *   npm run bench:ner -- --no-cv      # testa and speed only
 *
 * Prints (figures only, nothing asserted):
 * - which model is measured and what it was trained on (its header);
 * - P/R/F1 per type (PER, ORG, LOC) and overall, exact spans as conlleval counts them, MISC left out:
 *   (a) on the gold tokenisation (the tagger's score), (b) through the full analysis path (the raw
 *   text of each pseudo-document, tokens joined by spaces and one sentence per line, split into
 *   paragraphs, tokenised and sentence-split by the runtime code), (c) compromise on the same text.
 *   The shipped model was trained on eng.testa, so its testa figures are no measure of accuracy: for
 *   such a model the held-out testa figures are those of the eng.train-only reference model (the same
 *   recipe without testa, built once and cached, scripts/nerReferenceModel.ts), and the recipe's own
 *   accuracy is the cross-validation of `--cv`;
 * - tokens per second, single thread: the tagger alone, the recogniser, the full path, compromise;
 * - model size on disk, load time, process memory after loading;
 * - last, k-fold cross-validation over eng.train (the test folds), unless `--no-cv`.
 * Takes about a minute (compromise is the slow part; a few minutes more the first time the reference
 * model is built), plus the cross-validation at the end (about a minute and a half on 2 cores; `--no-cv` skips it).
 * Speeds are medians of several timing windows, as wall-clock and per CPU second of this process (the
 * fair figure when other processes share the cores).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import nlp from 'compromise';
import { MODEL_FILE, loadRecognizer } from '../server/src/core/ner';
import type { NerRecognizer } from '../server/src/core/ner/recognizer';
import { loadVocabulary } from '../server/src/core/vocabulary';
import { dataFolder, diskDataSource } from '../server/src/diskData';
import { splitParagraphs } from '../server/src/core/paragraphs';
import { splitSentences, tokenize } from '../server/src/core/tokenize';
import type { Sentence } from '../server/src/core/types';
import { Gazetteers } from '../server/src/core/ner/gazetteer';
import { CONLL_DIR, documentText, mentionSpans, readConll, segmentDocuments, SpanScore, type DocumentText, type TypedSpan } from './nerShared';
import { trainOnlyModel } from './nerReferenceModel';
import { crossValidate, DEFAULT_TRAINING, formatFolds, sawTesta } from './nerTraining';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const rate = (tokens: number, ms: number) => `${Math.round((tokens / ms) * 1000).toLocaleString('en-US')} tokens/s`;

interface Timing {
  /** Wall-clock ms per run. */
  readonly wall: number;
  /** CPU ms (user + system) of this process per run: the fair figure when other processes share the cores. */
  readonly cpu: number;
}

/**
 * Times `fn` (after two warm-up runs) in `windows` windows of at least `minMs` each and returns the
 * median ms per run of each measure: shared machines are noisy, and the median of several windows is
 * steadier than one long window.
 */
function timeIt(fn: () => void, minMs = 700, windows = 5): Timing {
  fn();
  fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let w = 0; w < windows; w++) {
    let runs = 0;
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    let elapsed = 0;
    do {
      fn();
      runs++;
      elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    } while (elapsed < minMs);
    const cpu = process.cpuUsage(cpuStart);
    walls.push(elapsed / runs);
    cpus.push((cpu.user + cpu.system) / 1000 / runs);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: median(walls), cpu: median(cpus) };
}

const speed = (tokens: number, t: Timing) => `${rate(tokens, t.wall)} wall-clock, ${rate(tokens, t.cpu)} per CPU second`;

/** The analysis path of the server: paragraphs, then tokens and sentences per paragraph. */
function analyse(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const p of splitParagraphs(text)) sentences.push(...splitSentences(text, tokenize(text, p)));
  return sentences;
}

/** compromise's people, organisations and places as CoNLL-typed spans (edge punctuation trimmed). */
function compromiseSpans(text: string): TypedSpan[] {
  const doc = nlp(text);
  const spans: TypedSpan[] = [];
  const add = (list: { offset: { start: number; length: number } }[], type: string) => {
    for (const m of list) {
      let start = m.offset.start;
      let end = start + m.offset.length;
      while (start < end && !/[\p{L}\p{N}]/u.test(text[start])) start++;
      while (end > start && !/[\p{L}\p{N}]/u.test(text[end - 1])) end--;
      if (end > start) spans.push({ start, end, type });
    }
  };
  add(doc.people().json({ offset: true }), 'PER');
  add(doc.organizations().json({ offset: true }), 'ORG');
  add(doc.places().json({ offset: true }), 'LOC');
  return spans;
}

/**
 * k-fold cross-validation over eng.train (`--cv k`, default 5; `--no-cv` skips it) with the training defaults of
 * `npm run train:ner`, eng.testa added to every training fold as the shipped model was trained
 * (`--train-only`: without it): the estimate of how the tagger does on news it was not trained on
 * (test B is held out). Trains k models.
 */
function crossValidation(): void {
  const k = Number(argValue('--cv')) || 5;
  const docs = segmentDocuments(readConll(path.join(CONLL_DIR, 'eng.train')));
  const withTesta = !process.argv.includes('--train-only');
  const testa = withTesta ? segmentDocuments(readConll(path.join(CONLL_DIR, 'eng.testa'))) : [];
  const t0 = Date.now();
  const results = crossValidate(docs, Gazetteers.load(diskDataSource()), loadVocabulary(diskDataSource()), DEFAULT_TRAINING, k, [DEFAULT_TRAINING.epochs], undefined, {}, testa);
  const added = withTesta ? `, eng.testa (${testa.length} pseudo-documents) added to every training fold (the shipped recipe)` : ', eng.train only (--train-only)';
  console.log(`${k}-fold cross-validation over eng.train (${docs.length} pseudo-documents in contiguous blocks)${added}, ${DEFAULT_TRAINING.epochs} epochs × ${DEFAULT_TRAINING.runs} runs, ${((Date.now() - t0) / 1000).toFixed(0)} s:`);
  console.log(formatFolds('through the recogniser (quantised, pruned, post-processed; exact spans, MISC left out), mean ± sd over folds:', results.map((r) => r.recognizer)));
  console.log(formatFolds('tagger alone (float weights, no post-processing):', results.map((r) => r.tokens)));
  console.log(formatFolds('through the recogniser, unseen names only (mentions none of whose words is in the training folds):', results.map((r) => r.unseen)));
  console.log('');
}

/** A recogniser of a model file, with the committed gazetteers and vocabulary. */
function recognizerWith(model: Buffer): NerRecognizer {
  const source = diskDataSource();
  return loadRecognizer({ ...source, readBytes: (file) => (file === MODEL_FILE ? model : source.readBytes(file)) }, loadVocabulary(source));
}

/** P/R/F1 of a recogniser on the documents: on the gold tokenisation, and through the full analysis path. */
function scoreOn(recognizer: NerRecognizer, docs: readonly DocumentText[]): { gold: SpanScore; full: SpanScore } {
  const gold = new SpanScore();
  const full = new SpanScore();
  for (const d of docs) {
    gold.add(d.gold, mentionSpans(recognizer.recognize(d.text, d.sentences)));
    full.add(d.gold, mentionSpans(recognizer.recognize(d.text, analyse(d.text))));
  }
  return { gold, full };
}

function main(): void {
  const modelPath = path.resolve(argValue('--model') ?? path.join(dataFolder(), MODEL_FILE));
  if (!fs.existsSync(modelPath)) throw new Error(`No model at ${modelPath}: run npm run train:ner first`);
  const testa = path.join(CONLL_DIR, 'eng.testa');
  if (!fs.existsSync(testa)) throw new Error(`${testa} not found (../shared/data is needed for the benchmark)`);

  const before = process.memoryUsage();
  const t0 = process.hrtime.bigint();
  const recognizer = recognizerWith(fs.readFileSync(modelPath));
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const after = process.memoryUsage();
  const dataDir = path.dirname(modelPath);
  const dataBytes = fs.readdirSync(dataDir).reduce((sum, f) => sum + fs.statSync(path.join(dataDir, f)).size, 0);

  const docs: DocumentText[] = segmentDocuments(readConll(testa)).map(documentText);
  const tokens = docs.reduce((sum, d) => sum + d.tokens, 0);
  const words = docs.map((d) => d.sentences.map((s) => s.tokens.map((t) => t.text)));

  const scores = scoreOn(recognizer, docs);
  const header = recognizer.tagger.model.header;

  // Speed, single thread.
  const taggerMs = timeIt(() => {
    for (const w of words) recognizer.tagger.tagDocument(w);
  });
  const recognizerMs = timeIt(() => {
    for (const d of docs) recognizer.recognize(d.text, d.sentences);
  });
  const fullMs = timeIt(() => {
    for (const d of docs) recognizer.recognize(d.text, analyse(d.text));
  });
  const analyseMs = timeIt(() => {
    for (const d of docs) analyse(d.text);
  });
  // A model trained on testa is scored on it, but the held-out figures are the reference model's:
  // trained (once, cached) after the timings above, so that its garbage does not slow them.
  const reference = sawTesta(header) ? trainOnlyModel() : undefined;
  const referenceScores = reference && scoreOn(recognizerWith(reference.file), docs);
  // compromise last, scores and speed: its large heap must not slow the measurements above.
  const baseline = new SpanScore();
  for (const d of docs) baseline.add(d.gold, compromiseSpans(d.text));
  const compromiseMs = timeIt(() => {
    for (const d of docs) compromiseSpans(d.text);
  }, 1, 3);
  const load = os.loadavg()[0];

  console.log(`Article Lens NER benchmark — CoNLL-2003 eng.testa, ${docs.length} pseudo-documents, ${tokens.toLocaleString('en-US')} tokens`);
  console.log(`model measured: ${modelPath} (trained on ${header.training.data ?? 'unknown data'})`);
  console.log(`  ${header.features.toLocaleString('en-US')} features × ${header.tags.length} tags (${header.tags.join(' ')}); training: ${JSON.stringify(header.training)}`);
  console.log(`  size on disk: model ${mb(fs.statSync(modelPath).size)}, all of server/data/ner ${mb(dataBytes)}`);
  console.log(`  load time (model + gazetteers): ${loadMs.toFixed(0)} ms`);
  console.log(`  memory after loading: rss ${mb(after.rss)} (+${mb(after.rss - before.rss)}), heap used ${mb(after.heapUsed)} (+${mb(after.heapUsed - before.heapUsed)}), array buffers ${mb(after.arrayBuffers)}`);
  console.log('');
  if (reference && referenceScores) {
    console.log('This model was trained on eng.testa: its testa figures are no measure of accuracy. Held out are:');
    console.log('  - cross-validation of its recipe over eng.train folds, testa added to every training fold: printed at the end (npm run bench:ner)');
    console.log(`  - eng.testa scored by the eng.train-only reference model (the same recipe without testa, ${reference.built ? 'built now' : 'cached'}: ${reference.path}):`);
    console.log(referenceScores.gold.format('held out — reference model (eng.train only), gold tokenisation (exact spans, MISC left out):'));
    console.log(referenceScores.full.format('held out — reference model (eng.train only), full analysis path (paragraphs + tokenize + splitSentences + recognize):'));
    console.log(scores.gold.format('NOT held out — the measured model on the eng.testa it was trained on, gold tokenisation (a check that training took):'));
    console.log(scores.full.format('NOT held out — the measured model on the eng.testa it was trained on, full analysis path:'));
  } else {
    console.log(scores.gold.format('perceptron tagger, gold tokenisation (exact spans, MISC left out):'));
    console.log(scores.full.format('perceptron tagger, full analysis path (paragraphs + tokenize + splitSentences + recognize):'));
  }
  console.log(baseline.format('compromise baseline, same text (people/organizations/places):'));
  console.log('');
  console.log(`speed, single thread (load average ${load.toFixed(1)} on ${os.cpus().length} cores while measuring):`);
  console.log(`  tagger alone (features + Viterbi, gold tokens): ${speed(tokens, taggerMs)}`);
  console.log(`  recogniser (tagger + truecasing + document consistency + offsets): ${speed(tokens, recognizerMs)}`);
  console.log(`  full path (paragraphs + tokenize + splitSentences + recognize): ${speed(tokens, fullMs)}`);
  console.log(`    of which paragraphs + tokenize + splitSentences: ${speed(tokens, analyseMs)}`);
  console.log(`  compromise (nlp + people/organizations/places): ${speed(tokens, compromiseMs)}`);
  const end = process.memoryUsage();
  console.log(`memory at the end: rss ${mb(end.rss)}, heap used ${mb(end.heapUsed)}`);
  // Last: training k models leaves garbage and compiled code that would weigh on the memory and speed figures above.
  if (!process.argv.includes('--no-cv')) {
    console.log('');
    crossValidation();
  }
}

main();
