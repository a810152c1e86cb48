import { existsSync, realpathSync, statSync, type Stats } from 'fs';
import * as fs from 'fs/promises';
import { availableParallelism } from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { URI } from 'vscode-uri';
import { DEFAULT_ARTICLE_PATTERNS, IGNORED_FOLDERS } from '../core/articleFiles';
import type { AnnotationInput } from '../core/annotationInput';
import type { ArticleService } from '../core/languageService';
import { maxFileBytes, type ArticleSettings } from '../core/settings';
import type { ArticleSummary } from '../core/workspaceIndex';
import { AnnotationDependencies } from '../indexCache/annotationDependency';
import { readForIndex } from '../indexCache/fileSnapshot';
import type { DependencyStamp } from '../indexCache/format';
import type { FileSnapshot, IndexCacheStore } from '../indexCache/store';
import { linkProblem, linkTarget } from '../symbolicLinks';
import { isArticleInFolder } from './watchedFiles';

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
  /** The content hash the cache knows for this file: if the file still has it, no analysis is needed. */
  readonly knownHash?: string;
  /** The stamps of its dependencies when the cache was checked: the known summary stands only if they are still these. */
  readonly knownDeps?: readonly DependencyStamp[];
  /** The workspace folder the file was found in: an annotation store above it does not apply. */
  readonly folder: string;
}

/**
 * The worker's answer: the summary and how the file looked when read; `unchanged` when its content
 * hash was the known one (the cached summary stands); neither when the file is unreadable or too large.
 */
export interface IndexResponse {
  readonly id: number;
  readonly summary?: ArticleSummary;
  readonly snapshot?: FileSnapshot;
  readonly unchanged?: boolean;
}

/** Where to find the worker script, how many workers to start, and the persistent cache. */
export interface ScanOptions {
  /** `dist/indexWorker.js`; when absent or missing the scan runs on the calling thread. */
  readonly workerScript?: string;
  readonly workers?: number;
  /** The persistent index cache of a workspace folder, by the folder's URI (`indexCache/summaryCache.ts`: each summary read is of its file's URI). */
  readonly cacheOf?: (folderUri: string) => Promise<IndexCacheStore<ArticleSummary>>;
  /** Where the cache's saving failures go. */
  readonly log?: (message: string) => void;
  /** Awaited before each step of saving the cache (the server: until the editor is quiet, `AnalysisRunner.quiet`), so saving gives way to the editor. */
  readonly pace?: () => Promise<void>;
  /** Called once every article the cache vouches for is in the index, before the others are read. */
  readonly cachedIn?: () => void;
  /** People's annotations of an article (its store file), for the scan on this thread (workers read them themselves). */
  readonly annotationInput?: (file: string, text: string) => Promise<AnnotationInput | undefined>;
  /** How long a worker may take over a file of so many bytes before it is stopped as hung ({@link workerFileDeadlineMs}; tests shorten it). */
  readonly fileDeadlineMs?: (bytes: number) => number;
}

/** What a scan did. */
export interface ScanResult {
  /** Article files found. */
  readonly files: number;
  /** Indexed from the persistent cache without reading the file. */
  readonly fromCache: number;
  /** Read again, but found unchanged by content hash (touched, not changed). */
  readonly unchanged: number;
  /** Read and analysed. */
  readonly analysed: number;
  /**
   * The files read and analysed (absolute paths): new or changed since the index cache, every file on a
   * first scan. An article renamed while the server was not running is among them (by its new path).
   */
  readonly analysedFiles: readonly string[];
  /** Settles when the caches are written (after the scan: saving never delays the index). */
  readonly saved: Promise<void>;
}

/** A file the scan has yet to read, with what its folder's cache knows of it. */
interface PendingFile {
  readonly file: string;
  readonly uri: string;
  /** The workspace folder it was found in (a file system path). */
  readonly folder: string;
  readonly cache?: IndexCacheStore<ArticleSummary>;
  /**
   * The cached summary, and the content hash under which it still stands (none: a dependency changed),
   * with its dependencies' stamps as checked.
   */
  readonly known?: { readonly hash?: string; readonly deps: readonly DependencyStamp[]; readonly summary: ArticleSummary };
}

/** Files stat-ed at once while checking them against the cache. */
const STAT_BATCH = 256;

/**
 * Indexes every article file under the workspace folders in the background. With a persistent
 * cache, a file whose size and modification time match its entry, and whose annotation store file is
 * as it was, is indexed from the cache without being read; one that may have changed is indexed from
 * the cache at once too, then read, and kept if its content hash is the same (and its annotations
 * did not change), else analysed again; only the others wait for their analysis. With a worker script (the bundled server has one), files
 * are analysed by worker threads at lower priority, two files queued per worker, and only their
 * compact summaries come back to the index; otherwise files are analysed one at a time on this
 * thread, yielding to the event loop after each. Either way editor requests are answered while the
 * scan runs. Unreadable files and files over the size limit are skipped quietly: they are not open,
 * and the index is a convenience, never a gate. The scan is a load of the index (`WorkspaceIndex.load`):
 * hovers meanwhile do not cluster a large group again for every article added to it, and the index
 * answers exactly again when the scan resolves.
 */
export async function scanWorkspace(
  folders: readonly string[],
  service: ArticleService,
  settings: ArticleSettings,
  progress: ScanProgress,
  isOpen: (uri: string) => boolean,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const endLoad = service.loadWorkspace();
  try {
    return await scanFolders(folders, service, settings, progress, isOpen, options, () => endLoad.settle());
  } finally {
    endLoad();
  }
}

/** {@link scanWorkspace} inside the index's load; `settle` brings the groups it left behind up to date. */
async function scanFolders(folders: readonly string[], service: ArticleService, settings: ArticleSettings, progress: ScanProgress, isOpen: (uri: string) => boolean, options: ScanOptions, settle: () => void): Promise<ScanResult> {
  const log = options.log ?? (() => undefined);
  const found: ListedFolder[] = [];
  for (const folder of folders) {
    const root = URI.parse(folder);
    if (root.scheme !== 'file') continue;
    // The cache is read while the folder is listed: each waits for the disk now and then.
    const opening = options.cacheOf ? options.cacheOf(folder).catch((error: unknown) => void log(`index cache not opened: ${String(error)}`)) : undefined;
    const files: string[] = [];
    const links: ListedLink[] = [];
    await collect(root.fsPath, root.fsPath, '', settings, files, links, (problem) => log(`workspace index: ${problem} (not indexed)`));
    const cache = await opening;
    found.push({ root: root.fsPath, files, links, cache: cache ?? undefined });
  }
  leaveOutSecondCopies(found);
  const total = found.reduce((n, f) => n + f.files.length, 0);
  const counts = { done: 0, fromCache: 0, unchanged: 0, analysed: 0 };
  const analysedFiles: string[] = [];
  progress.begin(total);
  const report = throttled(() => progress.report(counts.done, total));
  const maxBytes = maxFileBytes(settings);

  const pending: PendingFile[] = [];
  const annotationStores = new AnnotationDependencies();
  for (const { root: folder, files, cache } of found) {
    if (!cache || cache.size === 0) {
      // Nothing to check against (a first scan): every file is read, and recorded if there is a cache.
      for (const file of files) pending.push({ file, uri: URI.file(file).toString(), folder, cache });
      continue;
    }
    for (let from = 0; from < files.length; from += STAT_BATCH) {
      const batch = files.slice(from, from + STAT_BATCH);
      batch.forEach((file) => {
        // On this thread, between pauses: a promise per file cost the thread twice the system call
        // (about 130 against 60 ms for 10,000 files), and the batch's additions hold it longer anyway.
        const stat = statOf(file);
        const indexable = fitsIndex(stat, maxBytes);
        const deps = indexable ? annotationStores.stampsOf(file, folder) : [];
        const check = indexable ? cache.check(file, stat.size, stat.mtimeMs, deps, stat.ctimeMs) : undefined;
        // A cached summary's URI is this file's (the cache checks it when read): no second one made per file.
        const uri = check && check.state !== 'unknown' ? check.value.uri : URI.file(file).toString();
        if (isOpen(uri) || !indexable) {
          // Open (the editor's text wins), gone, or too large: nothing to read. A summary from before
          // (a scan again after `maxFileSize` was lowered) leaves the index.
          if (!isOpen(uri)) service.removeArticle(uri);
          counts.done++;
        } else if (check?.state === 'fresh') {
          service.addSummary(check.value);
          counts.fromCache++;
          counts.done++;
        } else if (check?.state === 'verify') {
          // Maybe changed: indexed as it was until it is read again (soon), so that every article is
          // in the index as early as the unchanged ones; replaced or removed by `take`.
          service.addSummary(check.value);
          pending.push({ file, uri, folder, cache, known: { hash: check.hash, deps, summary: check.value } });
        } else {
          pending.push({ file, uri, folder, cache });
        }
      });
      report();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  // Every article the cache knows is in the index (those that may have changed as they were): the
  // groups asked for meanwhile answer for all of them now, not when the last changed file is read
  // again (issue 17: a reopen with 100 changed files waited for the index workers to start and
  // return a changed article of the hovered actor's group).
  settle();
  options.cachedIn?.();

  /** Indexes what was read of a pending file, and records it in its folder's cache. */
  const take = (item: PendingFile, response: Omit<IndexResponse, 'id'>) => {
    const read = response.unchanged ? item.known?.summary : response.summary;
    let summary = read;
    if (!isOpen(item.uri)) {
      // The cache keeps the index's own copy: one object per article, not two; and the URI is this
      // scan's string, not a second copy from the worker's message (100,000 of them at the end of a scan).
      if (read) summary = service.addSummary(read.uri === item.uri ? { ...read, uri: item.uri } : read);
      // Gone, unreadable or grown too large since the cache knew it: its old summary leaves the index. So
      // does one of an earlier scan of a file gone or over the limit now (`maxFileSize` lowered), but not
      // one of a file that failed to read this once (busy, too many open files): it stays as it was.
      else if (item.known || !fitsIndex(statOf(item.file), maxBytes)) service.removeArticle(item.uri);
    } else if (read) {
      summary = service.compactSummary(read);
    }
    if (summary && response.snapshot) item.cache?.set(item.file, response.snapshot, summary);
    if (response.unchanged) counts.unchanged++;
    else if (response.summary) {
      counts.analysed++;
      analysedFiles.push(item.file);
    }
    counts.done++;
    report();
  };

  let leftToThisThread: readonly PendingFile[] = pending;
  if (options.workerScript && pending.length > 1 && existsSync(options.workerScript)) {
    const workers = options.workers ?? Math.max(1, Math.min(4, availableParallelism()));
    leftToThisThread = await scanWithWorkers(pending, options.workerScript, workers, settings, isOpen, take, log, options.fileDeadlineMs ?? workerFileDeadlineMs, () => {
      counts.done++;
      report();
    }, (uri) => service.removeArticle(uri));
  }
  for (const item of leftToThisThread) {
    if (isOpen(item.uri)) {
      counts.done++;
    } else {
      const read = readForIndex(item.file, maxBytes, (file) => annotationStores.stampsOf(file, item.folder), item.known?.hash, item.known?.deps);
      const input = read?.text === undefined ? undefined : await options.annotationInput?.(item.file, read.text).catch(() => undefined);
      take(item, read ? { snapshot: read.snapshot, unchanged: read.text === undefined, summary: read.text === undefined ? undefined : service.summarizeArticle(item.uri, read.text, settings, input) } : {});
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  progress.report(counts.done, total);
  progress.done();
  const saved = Promise.all(found.map(({ cache }) => cache?.save(log, options.pace))).then(() => undefined);
  return { files: total, fromCache: counts.fromCache, unchanged: counts.unchanged, analysed: counts.analysed, analysedFiles, saved };
}

/** True when a file is there and within the size limit: the index holds a summary of it. */
function fitsIndex(stat: Stats | undefined, maxBytes: number): stat is Stats {
  return stat !== undefined && stat.size <= maxBytes;
}

/** The file's size and modification time now; undefined when it is gone or cannot be read. */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Calls `report` at most every 100 ms. */
function throttled(report: () => void): () => void {
  let last = 0;
  return () => {
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    report();
  };
}

/**
 * What a scan worker may use. At 100,000 articles the server's peak memory was mostly the index's
 * summaries plus each worker's heap, and a worker's heap was mostly garbage: under V8's default
 * limits (several GB here) its old generation may grow to 4× what survived the last collection
 * before it is collected again, and its young generation to 48 MB. Under a 512 MB old generation
 * V8 grows it by about 1.4× instead, and an 8 MB young generation is collected more often; the work
 * per file is the same (measured: the same CPU time for PolNeAR train). A file whose analysis needs
 * more than that is left out of the index, as one that fails to analyse, and its worker is started again.
 */
export const INDEX_WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 8 } as const;
/** Workers started again after one stopped (out of memory, a crash, hung), per scan: past this the others go on alone. */
const WORKER_RESTARTS = 4;

/**
 * How long a scan worker may take over one file before it is stopped as hung: a minute, and half a
 * minute more per megabyte (a megabyte takes one to three seconds on a cold worker of lower priority
 * on a loaded machine, so only a file whose analysis never ends reaches it). Without a deadline one
 * such file kept the scan, and so the index's load, open for as long as the server ran: the clusters
 * of large groups stayed those of the load, and the cache was never saved.
 */
export function workerFileDeadlineMs(bytes: number): number {
  return 60_000 + (30_000 * bytes) / 1_000_000;
}

/**
 * Files handed to each scan worker at once: while it analyses one, the next is already in its queue,
 * so a worker never waits for this thread between files (this thread may be busy with a request, a
 * warm-up stage or a collection when an answer comes in). The worker answers them in order.
 */
const FILES_PER_WORKER = 2;

/**
 * Hands files to worker threads, {@link FILES_PER_WORKER} queued per worker, and passes what they read
 * to `take` (skipping files opened meanwhile: the editor's version wins). A worker that stops (its
 * file's analysis ran out of memory) or takes longer over a file than `deadlineMs` allows for its size
 * (an analysis that never ends) is replaced, a few times per scan; the file it was analysing is left
 * out with a log line, the files queued behind it go to another worker. Returns the files no worker
 * took: none, unless every worker failed and the caller must go on.
 */
async function scanWithWorkers(
  pending: readonly PendingFile[],
  script: string,
  count: number,
  settings: ArticleSettings,
  isOpen: (uri: string) => boolean,
  take: (item: PendingFile, response: IndexResponse) => void,
  log: (message: string) => void,
  deadlineMs: (bytes: number) => number,
  skip: () => void,
  removeArticle: (uri: string) => void,
): Promise<PendingFile[]> {
  let next = 0;
  /** Files that were queued behind a file whose worker stopped: handed out again first. */
  const returned: number[] = [];
  let restarts = WORKER_RESTARTS;
  await new Promise<void>((resolve) => {
    let alive = 0;
    const stopped = new WeakSet<Worker>();
    const stop = (worker: Worker) => {
      if (stopped.has(worker)) return;
      stopped.add(worker);
      alive--;
      void worker.terminate();
      if (alive === 0) resolve();
    };
    /** The next file to hand out (one opened meanwhile is skipped), or undefined when none is left. */
    const nextFile = (): number | undefined => {
      for (;;) {
        const id = returned.length > 0 ? returned.pop() : next < pending.length ? next++ : undefined;
        if (id === undefined || !isOpen(pending[id].uri)) return id;
        skip();
      }
    };
    const hasMore = () => returned.length > 0 || next < pending.length;
    /** Starts a worker and keeps it fed; false when threads are unavailable. */
    const start = (): boolean => {
      let worker: Worker;
      try {
        worker = new Worker(script, { resourceLimits: INDEX_WORKER_LIMITS });
      } catch {
        return false;
      }
      alive++;
      /** The files sent to this worker and not answered yet, in order: the first is the one it is analysing. */
      const queued: number[] = [];
      let watchdog: NodeJS.Timeout | undefined;
      /** The file being analysed is lost with the worker (left out of the index); the others queued go to another worker, which takes its place. */
      const replace = (reason: string) => {
        if (stopped.has(worker)) return;
        clearTimeout(watchdog);
        const lost = queued.shift();
        if (lost !== undefined) {
          log(`workspace index: ${pending[lost].file} left out (${reason})`);
          // Indexed from the cache while it waited to be read again: it may have changed, and it is left out.
          if (pending[lost].known && !isOpen(pending[lost].uri)) removeArticle(pending[lost].uri);
          skip();
        }
        returned.push(...queued.reverse());
        queued.length = 0;
        if (hasMore() && restarts > 0) {
          restarts--;
          start();
        }
        stop(worker);
      };
      /** Stops the worker once the file it is analysing has had the time its size allows (read when first due: no stat per file). */
      const watch = () => {
        clearTimeout(watchdog);
        const id = queued[0];
        if (id === undefined) return;
        const startedAt = Date.now();
        const check = (allowedMs: number) => {
          watchdog = setTimeout(() => {
            if (queued[0] !== id) return;
            const elapsed = Date.now() - startedAt;
            const allowed = deadlineMs(fileSize(pending[id].file));
            if (elapsed < allowed) return check(allowed - elapsed);
            replace(`no answer after ${Math.round(elapsed / 1000)} s: its worker was stopped`);
          }, allowedMs);
        };
        check(deadlineMs(0));
      };
      const feed = (depth = FILES_PER_WORKER) => {
        while (queued.length < depth) {
          const id = nextFile();
          if (id === undefined) break;
          const item = pending[id];
          const request: IndexRequest = { id, uri: item.uri, file: item.file, folder: item.folder, settings, ...(item.known?.hash ? { knownHash: item.known.hash, knownDeps: item.known.deps } : {}) };
          queued.push(id);
          if (queued.length === 1) watch();
          worker.postMessage(request);
        }
        if (queued.length === 0) stop(worker);
      };
      worker.on('message', (response: IndexResponse) => {
        if (stopped.has(worker)) return;
        // Answers come in the order the files were sent: the next queued file is being analysed from now.
        const at = queued.indexOf(response.id);
        if (at < 0) return;
        queued.splice(at, 1);
        if (at === 0) watch();
        take(pending[response.id], response);
        feed();
      });
      // A worker that fails (out of memory, an uncaught error) is replaced once it has exited, not at its
      // 'error': that event travels apart from the answers, which can still be on their way — the answers
      // of files it finished before failing, which would be left out as lost. Node delivers every answer
      // before 'exit', so the file then first in the queue is the one it failed on.
      let failure: string | undefined;
      worker.once('error', (error: Error) => (failure = error.message));
      worker.once('exit', (code) => replace(failure ?? `its worker stopped (exit code ${code})`));
      // One file first: a small scan's files go one to each worker, not two to the first.
      feed(1);
      topUps.push(() => {
        if (!stopped.has(worker)) feed();
      });
      return true;
    };
    /** Each worker's queue filled once all have their first file. */
    const topUps: (() => void)[] = [];
    for (let i = 0; i < count; i++) start();
    for (const topUp of topUps) topUp();
    // Threads unavailable: with no worker at all the caller indexes on its own thread.
    if (alive === 0) resolve();
  });
  const left = returned.reverse().map((id) => pending[id]);
  for (let id = next; id < pending.length; id++) left.push(pending[id]);
  return left;
}

/** A file's size in bytes, 0 when it cannot be read (the deadline's least allowance). */
function fileSize(file: string): number {
  return statOf(file)?.size ?? 0;
}

/** One workspace folder's listing: its article files (links to files among them, also in `links`) and its index cache. */
interface ListedFolder {
  readonly root: string;
  files: string[];
  readonly links: readonly ListedLink[];
  readonly cache?: IndexCacheStore<ArticleSummary>;
}

/** A symbolic link to an article file, and the real path of that file (undefined when it could not be had). */
interface ListedLink {
  readonly file: string;
  readonly real: string | undefined;
}

/**
 * Leaves out the symbolic links whose real file is listed already — under its own path, in this or
 * another workspace folder, or through another link (the first in code-unit order of paths is kept):
 * one text is one article of the index, or a hover's "in other articles (N)" and the views' counts
 * would count it once per path (a corpus's `latest.txt` link beside the dated file counted twice).
 * Folders are not followed, so a listed file's real path is its folder's real path and the same
 * relative path: one `realpath` per folder here, one per link as it was listed, and nothing at all
 * when there is no link (a git-annex corpus, all links, pays one system call per file more).
 */
function leaveOutSecondCopies(listed: ListedFolder[]): void {
  const links: ListedLink[] = [];
  for (const folder of listed) links.push(...folder.links);
  if (links.length === 0) return;
  const linkFiles = new Set(links.map((link) => link.file));
  const realFiles = new Set<string>();
  for (const { root, files } of listed) {
    const realRoot = realPathOf(root) ?? root;
    for (const file of files) if (!linkFiles.has(file)) realFiles.add(path.join(realRoot, path.relative(root, file)));
  }
  const copies = new Set<string>();
  for (const { file, real } of links.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    if (real === undefined) continue;
    if (realFiles.has(real)) copies.add(file);
    else realFiles.add(real);
  }
  if (copies.size === 0) return;
  for (const folder of listed) if (folder.links.some((link) => copies.has(link.file))) folder.files = folder.files.filter((file) => !copies.has(file));
}

/** The real path of a file or folder (links resolved; the system's own call, not Node's walk of each part), or undefined. */
function realPathOf(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

/**
 * Lists the articles under `folder` (`relativeDir` from the root) into `into`. Paths are put together
 * from the names read rather than with `path.join`/`path.relative` per file: the folder is already
 * normalised, and a name from `readdir` holds no separator and is never `.` or `..`. A symbolic link
 * to an article file is listed as the CLI lists it (`symbolicLinks.ts`: links to folders are not
 * followed), and into `links` too ({@link leaveOutSecondCopies}); a broken one or a loop is passed
 * to `problem`, once per scan.
 */
async function collect(root: string, folder: string, relativeDir: string, settings: ArticleSettings, into: string[], links: ListedLink[], problem: (message: string) => void): Promise<void> {
  let entries: import('fs').Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  const folderPrefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
  const relativePrefix = relativeDir ? relativeDir + path.sep : '';
  const isArticle = articleTest(root, relativePrefix, settings);
  for (let i = 0; i < entries.length; i++) {
    // A folder of many thousand files: let editor requests in now and then.
    if (i > 0 && i % 2000 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const entry = entries[i];
    if (entry.isDirectory()) {
      if (!IGNORED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await collect(root, folderPrefix + entry.name, relativePrefix + entry.name, settings, into, links, problem);
    } else if (entry.isFile() && isArticle(entry.name)) {
      into.push(folderPrefix + entry.name);
    } else if (entry.isSymbolicLink() && isArticle(entry.name)) {
      // Rare: one stat each, which follows the chain and never reads (a link to a pipe is not waited on).
      const target = linkTarget(folderPrefix + entry.name);
      const unusable = linkProblem(target);
      if (target === 'file') {
        into.push(folderPrefix + entry.name);
        links.push({ file: folderPrefix + entry.name, real: realPathOf(folderPrefix + entry.name) });
      } else if (unusable) problem(`${folderPrefix + entry.name}: ${unusable}`);
    }
  }
}

/** Whether every default article pattern ends in `*.ext` (an ASCII extension), as {@link articleTest} needs. */
const DEFAULTS_BY_EXTENSION = DEFAULT_ARTICLE_PATTERNS.every((pattern) => /(^|\/)\*\.[a-z0-9]+$/i.test(pattern));

/**
 * Whether a file of one folder (`relativePrefix` from the root, ending with a separator) is an
 * article, by its name: `isArticleInFolder`. With the default patterns only (no `articleLens.files`,
 * no `index.exclude`), a name's answer is that of any other name of its class (a leading dot, an
 * ignored folder's name, the extension in lower case), and is asked once per class: every default
 * pattern's last segment is `*` and an ASCII extension, which minimatch (case-insensitive, no dot
 * files) matches by exactly those. Matching the default globs against both paths of 10,000 files took
 * 60–130 ms of a reopened workspace's thread (issue 17).
 */
export function articleTest(root: string, relativePrefix: string, settings: ArticleSettings): (name: string) => boolean {
  const test = (name: string) => isArticleInFolder(root, relativePrefix + name, settings.files, settings.index.exclude);
  if (settings.files.length > 0 || settings.index.exclude.length > 0 || !DEFAULTS_BY_EXTENSION) return test;
  const byClass = new Map<string, boolean>();
  return (name) => {
    // A back slash (legal in a Linux or macOS name) is a separator to `isArticleInFolder`: no class answers for it.
    if (name.includes('\\')) return test(name);
    const dot = name.lastIndexOf('.');
    const nameClass = `${name.charCodeAt(0) === 46 ? '.' : ''}${IGNORED_FOLDERS.has(name) ? `/${name}` : ''}:${dot < 0 ? '' : name.slice(dot + 1).toLowerCase()}`;
    let answer = byClass.get(nameClass);
    if (answer === undefined) byClass.set(nameClass, (answer = test(name)));
    return answer;
  };
}
