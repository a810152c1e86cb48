/**
 * The workspace scan's worker thread: reads article files and sends back their workspace summaries,
 * so analysing thousands of files runs beside, not on, the thread that answers the editor. Started
 * by `lsp/workspaceScan.ts` from `dist/indexWorker.js`; the messages are typed there.
 */
import * as fs from 'fs';
import * as os from 'os';
import { parentPort } from 'worker_threads';
import { loadClosedArticleInput } from './annotationStore/storeRoot';
import { createArticleService } from './core/languageService';
import { maxFileBytes } from './core/settings';
import { loadDefaultResources } from './diskData';
import type { IndexRequest, IndexResponse } from './lsp/workspaceScan';

// On Linux this lowers this thread only: the editor's thread wins when both want the core.
try {
  os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not permitted or not supported: the scan still works, at normal priority.
}

const service = createArticleService(loadDefaultResources());

parentPort?.on('message', (request: IndexRequest) => {
  void summarize(request).then((response) => parentPort?.postMessage(response));
});

/** The file's summary, with the people's annotations of its store file applied (the nearest store above it). */
async function summarize(request: IndexRequest): Promise<IndexResponse> {
  try {
    const size = fs.statSync(request.file).size;
    if (size > maxFileBytes(request.settings)) return { id: request.id };
    const text = fs.readFileSync(request.file, 'utf8');
    const input = await loadClosedArticleInput(request.file, text).catch(() => undefined);
    return { id: request.id, summary: service.summarizeArticle(request.uri, text, request.settings, input) };
  } catch {
    // Deleted or unreadable between listing and reading: nothing to index.
    return { id: request.id };
  }
}
