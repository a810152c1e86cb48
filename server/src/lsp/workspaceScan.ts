import { existsSync } from 'fs';
import * as fs from 'fs/promises';
import { availableParallelism } from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { URI } from 'vscode-uri';
import { IGNORED_FOLDERS } from '../core/articleFiles';
import type { AnnotationInput } from '../core/annotationInput';
import type { ArticleService } from '../core/languageService';
import { maxFileBytes, type ArticleSettings } from '../core/settings';
import type { ArticleSummary } from '../core/workspaceIndex';
import { isWorkspaceArticle } from './watchedFiles';

/** How the scan reports progress; the server maps it to LSP work-done progress. */
export interface ScanProgress {
  begin(total: number): void;
  report(done: number, total: number): void;
  done(): void;
}

/** A file for a scan worker (`server/src/indexWorker.ts`) to summarise. */
export interface IndexRequest {
  readonly id: number;
  readonly uri: string;
  readonly file: string;
  readonly settings: ArticleSettings;
}

/** The worker's answer: the summary, or none when the file is unreadable or too large. */
export interface IndexResponse {
  readonly id: number;
  readonly summary?: ArticleSummary;
}

/** Where to find the worker script, and how many workers to start. */
export interface ScanOptions {
  /** `dist/indexWorker.js`; when absent or missing the scan runs on the calling thread. */
  readonly workerScript?: string;
  readonly workers?: number;
  /** People's annotations of an article (its store file), for the scan on this thread (workers read them themselves). */
  readonly annotationInput?: (file: string, text: string) => Promise<AnnotationInput | undefined>;
}

/**
 * Indexes every article file under the workspace folders in the background. With a worker script
 * (the bundled server has one), files are analysed by worker threads at lower priority, one file in
 * flight per worker, and only their compact summaries come back to the index; otherwise files are
 * analysed one at a time on this thread, yielding to the event loop after each. Either way editor
 * requests are answered while the scan runs. Unreadable files and files over the size limit are
 * skipped quietly: they are not open, and the index is a convenience, never a gate.
 */
export async function scanWorkspace(
  folders: readonly string[],
  service: ArticleService,
  settings: ArticleSettings,
  progress: ScanProgress,
  isOpen: (uri: string) => boolean,
  options: ScanOptions = {},
): Promise<number> {
  const files: string[] = [];
  for (const folder of folders) {
    const root = URI.parse(folder);
    if (root.scheme !== 'file') continue;
    await collect(root.fsPath, root.fsPath, settings, files);
  }
  progress.begin(files.length);
  let done = 0;
  if (options.workerScript && files.length > 1 && existsSync(options.workerScript)) {
    done = await scanWithWorkers(files, options.workerScript, options.workers ?? Math.max(1, Math.min(4, availableParallelism())), service, settings, progress, isOpen);
    if (done >= files.length) {
      progress.done();
      return files.length;
    }
  }
  for (const file of files.slice(done)) {
    const uri = URI.file(file).toString();
    if (!isOpen(uri)) {
      try {
        const stat = await fs.stat(file);
        if (stat.size <= maxFileBytes(settings)) {
          const text = await fs.readFile(file, 'utf8');
          service.indexArticle(uri, text, settings, await options.annotationInput?.(file, text));
        }
      } catch {
        // Deleted or unreadable between listing and reading: nothing to index.
      }
    }
    done++;
    if (done % 20 === 0 || done === files.length) progress.report(done, files.length);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  progress.done();
  return files.length;
}

/**
 * Hands files to worker threads, one in flight per worker, and indexes the summaries they send
 * back (unless the file was opened meanwhile: the editor's version wins). Returns the index of the
 * first file not handed out: all of them, unless every worker failed and the caller must go on.
 */
async function scanWithWorkers(
  files: readonly string[],
  script: string,
  count: number,
  service: ArticleService,
  settings: ArticleSettings,
  progress: ScanProgress,
  isOpen: (uri: string) => boolean,
): Promise<number> {
  let next = 0;
  let done = 0;
  let lastReport = 0;
  const report = () => {
    const now = Date.now();
    if (done === files.length || now - lastReport >= 100) {
      lastReport = now;
      progress.report(done, files.length);
    }
  };
  await new Promise<void>((resolve) => {
    let alive = count;
    const stop = (worker: Worker) => {
      alive--;
      void worker.terminate();
      if (alive === 0) resolve();
    };
    const feed = (worker: Worker) => {
      while (next < files.length && isOpen(URI.file(files[next]).toString())) {
        next++;
        done++;
      }
      if (next >= files.length) return stop(worker);
      const file = files[next];
      const request: IndexRequest = { id: next++, uri: URI.file(file).toString(), file, settings };
      worker.postMessage(request);
    };
    for (let i = 0; i < count; i++) {
      let worker: Worker;
      try {
        worker = new Worker(script);
      } catch {
        // Threads unavailable: with no worker at all the caller indexes on its own thread.
        if (--alive === 0) resolve();
        continue;
      }
      let inFlight = true;
      worker.on('message', (response: IndexResponse) => {
        inFlight = false;
        if (response.summary && !isOpen(response.summary.uri)) service.addSummary(response.summary);
        done++;
        report();
        inFlight = true;
        feed(worker);
      });
      worker.once('error', () => {
        // The file in flight is lost with the worker; the others (or the caller) go on.
        if (inFlight) done++;
        inFlight = false;
        stop(worker);
      });
      feed(worker);
    }
  });
  return next;
}

async function collect(root: string, folder: string, settings: ArticleSettings, into: string[]): Promise<void> {
  let entries: import('fs').Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (let i = 0; i < entries.length; i++) {
    // A folder of many thousand files: let editor requests in now and then.
    if (i > 0 && i % 2000 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const entry = entries[i];
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!IGNORED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await collect(root, full, settings, into);
    } else if (entry.isFile() && isWorkspaceArticle(root, full, settings.files)) {
      into.push(full);
    }
  }
}
