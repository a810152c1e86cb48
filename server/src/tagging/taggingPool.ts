import { existsSync } from 'fs';
import { availableParallelism } from 'os';
import { Worker } from 'worker_threads';
import type { SentenceTaggingPool, TokenSpan } from '../core/types';
import { decodeSpans, encodeRequest, type TagRequest, type TagResponse, type WorkerReady } from './messages';

/** What the pool needs to know. */
export interface TaggingPoolOptions {
  /** `dist/taggingWorker.js`. */
  readonly script: string;
  /** Worker threads to start. */
  readonly threads: number;
  /** Where a worker's failure is told. */
  readonly log?: (message: string) => void;
  /** The workers' environment (default: the server's). */
  readonly env?: NodeJS.ProcessEnv;
}

/** A request handed to a worker, waiting for its answer. */
interface Pending {
  readonly id: number;
  readonly sentences: number;
  readonly resolve: (spans: TokenSpan[][]) => void;
  readonly reject: (error: Error) => void;
}

/** One worker thread and the request it is working on. */
interface Slot {
  readonly worker: Worker;
  ready: boolean;
  busy: Pending | undefined;
}

/**
 * Tagging worker threads for the first full analysis of a large article (`SentenceTaggingPool`):
 * started at `initialize`, each loads the model and warms up, then tags the sentences it is handed,
 * one request at a time. Nothing waits in a queue here: a request goes to a free worker or is refused
 * (the recogniser tags it itself), so a worker that is still loading or slow never delays an analysis.
 * A worker that fails fails its request (the recogniser then tags those sentences itself) and is
 * started again, a few times at most; after that the server tags on its own thread.
 */
export class TaggingPool implements SentenceTaggingPool {
  private readonly slots = new Set<Slot>();
  private nextId = 1;
  private restarts: number;
  private disposed = false;
  private started = false;
  /** Workers started so far (the next one's `workerData.index`). */
  private startedWorkers = 0;

  constructor(private readonly options: TaggingPoolOptions) {
    this.restarts = options.threads * 2;
  }

  /** Starts the workers (once); without the worker script (sources run through tsx) the pool stays empty. */
  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    if (!existsSync(this.options.script)) return;
    for (let i = 0; i < this.options.threads; i++) this.startWorker();
  }

  /** Workers started and not lost (ready or still loading). */
  get threads(): number {
    return this.slots.size;
  }

  tryTag(sentences: readonly (readonly string[])[], evidence: readonly string[]): Promise<TokenSpan[][]> | undefined {
    if (this.disposed) return undefined;
    let free: Slot | undefined;
    for (const slot of this.slots) {
      if (slot.ready && !slot.busy) {
        free = slot;
        break;
      }
    }
    if (!free) return undefined;
    const slot = free;
    const request = encodeRequest(this.nextId++, sentences, evidence);
    return new Promise<TokenSpan[][]>((resolve, reject) => {
      slot.busy = { id: request.id, sentences: sentences.length, resolve, reject };
      slot.worker.postMessage(request);
    });
  }

  /** Stops the workers; requests still out fail. */
  dispose(): void {
    this.disposed = true;
    for (const slot of this.slots) {
      slot.busy?.reject(new Error('the tagging pool was closed'));
      void slot.worker.terminate();
    }
    this.slots.clear();
  }

  private startWorker(): void {
    const index = this.startedWorkers++;
    const worker = new Worker(this.options.script, { env: this.options.env, workerData: { index } });
    // The server exits when its connection ends, whatever its workers are doing.
    worker.unref();
    const slot: Slot = { worker, ready: false, busy: undefined };
    this.slots.add(slot);
    worker.on('message', (message: TagResponse | WorkerReady) => {
      if ('ready' in message) {
        slot.ready = true;
        this.options.log?.(`tagging worker ${index} ready`);
        return;
      }
      const pending = slot.busy;
      if (!pending || pending.id !== message.id) return;
      slot.busy = undefined;
      const spans = 'spans' in message ? decodeSpans(message.spans, message.types, pending.sentences) : undefined;
      if (spans) pending.resolve(spans);
      else pending.reject(new Error('error' in message ? message.error : 'a tagging worker answered with spans that do not add up'));
    });
    const fail = (reason: string) => {
      if (!this.slots.delete(slot)) return;
      void worker.terminate();
      slot.busy?.reject(new Error(reason));
      if (this.disposed) return;
      this.options.log?.(`tagging worker ${reason}${this.restarts > 0 ? '; started again' : '; tagging on the server thread from now on'}`);
      if (this.restarts-- > 0) this.startWorker();
    };
    worker.once('error', (error) => fail(`failed (${error.message})`));
    worker.once('exit', (code) => fail(`stopped (exit code ${code})`));
  }
}

/**
 * How many tagging workers the server starts: one per core beyond two (one core for the server's own
 * thread, which tags a share too, one left for the editor), at most three; `ARTICLE_LENS_TAGGING_THREADS`
 * sets it (0: none, every article tagged on the server's thread). On two cores, a worker made the cold
 * open of a megabyte slower, not faster (`npm run bench -- --only=cold`): loading its model and warming
 * up takes the core the server's thread needs.
 */
export function taggingThreads(): number {
  const set = Number(process.env.ARTICLE_LENS_TAGGING_THREADS);
  if (process.env.ARTICLE_LENS_TAGGING_THREADS !== undefined && Number.isInteger(set) && set >= 0) return set;
  return Math.min(3, Math.max(0, availableParallelism() - 2));
}
