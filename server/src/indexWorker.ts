/**
 * The workspace scan's worker thread: reads article files and sends back their workspace summaries,
 * so analysing thousands of files runs beside, not on, the thread that answers the editor. Started
 * by `lsp/workspaceScan.ts` from `dist/indexWorker.js`; the messages are typed there.
 */
import * as os from 'os';
import { parentPort } from 'worker_threads';
import { loadClosedArticleInputIn } from './annotationStore/storeRoot';
import { createArticleService } from './core/languageService';
import { maxFileBytes } from './core/settings';
import { loadDefaultResources } from './diskData';
import { AnnotationDependencies } from './indexCache/annotationDependency';
import { readForIndex } from './indexCache/fileSnapshot';
import type { IndexRequest, IndexResponse } from './lsp/workspaceScan';

// On Linux this lowers this thread only: the editor's thread wins when both want the core.
try {
  os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not permitted or not supported: the scan still works, at normal priority.
}

const service = createArticleService(loadDefaultResources());
/** The annotation store files summaries depend on, for the index cache (store roots looked up once per folder). */
const annotationStores = new AnnotationDependencies();

/** The files queued are summarised one after another, in the order sent: the scan watches the first for a hang. */
let queue = Promise.resolve();
parentPort?.on('message', (request: IndexRequest) => {
  queue = queue.then(() => summarize(request)).then((response) => parentPort?.postMessage(response));
});

/**
 * The file's summary, with the people's annotations of its store file applied (the nearest store
 * above it), and how the file looked when read; `unchanged` when its content hash is the known one.
 */
async function summarize(request: IndexRequest): Promise<IndexResponse> {
  try {
    const read = readForIndex(request.file, maxFileBytes(request.settings), (file) => annotationStores.stampsOf(file, request.folder), request.knownHash, request.knownDeps);
    if (!read) return { id: request.id };
    if (read.text === undefined) return { id: request.id, snapshot: read.snapshot, unchanged: true };
    // The store root as found for the stamps, once per folder: looked up again per file, it asked the disk
    // once per folder level for every file.
    const input = await loadClosedArticleInputIn(annotationStores.storeRootOf(request.file, request.folder), request.file, read.text).catch(() => undefined);
    return { id: request.id, snapshot: read.snapshot, summary: service.summarizeArticle(request.uri, read.text, request.settings, input) };
  } catch {
    // An analysis that failed on this file: it stays out of the index, the scan goes on.
    return { id: request.id };
  }
}
