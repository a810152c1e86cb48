import { Worker } from 'worker_threads';
import type { FileJob, FileOutcome, JobSettings } from './fileJobs';

/**
 * Jobs handed to each worker at once: while it analyses one, the next is already in its queue, so
 * no worker waits for the main thread between files.
 */
const JOBS_PER_WORKER = 2;

/** What the pool needs from its caller. */
export interface PoolHost {
  /** The worker script: `dist/cli.js`, which serves jobs when started as a worker thread. */
  readonly script: string;
  readonly workers: number;
  readonly settings: JobSettings;
  /** False while job `seq` may not start yet (ordered output waiting for a slow file: bounds what it holds). */
  mayStart(seq: number): boolean;
  /** Called with each outcome as it arrives, in completion order. */
  done(outcome: FileOutcome): void;
}

/**
 * Runs the jobs on worker threads, each with its own language service, until every job has an
 * outcome. A worker that dies (out of memory, a crash in native code) turns the files it held into
 * problems and is replaced, a few times at most; if no worker is left, the remaining files are
 * reported as not analysed rather than lost.
 */
export function runInWorkers(jobs: Iterator<FileJob>, host: PoolHost): Promise<void> {
  return new Promise<void>((resolve) => {
    interface Slot {
      readonly worker: Worker;
      readonly held: Map<number, FileJob>;
    }
    const slots = new Set<Slot>();
    let waiting: FileJob | undefined;
    let exhausted = false;
    let replacements = host.workers * 2;
    let finished = false;

    const peek = (): FileJob | undefined => {
      if (waiting || exhausted) return waiting;
      const next = jobs.next();
      if (next.done) exhausted = true;
      else waiting = next.value;
      return waiting;
    };

    const finishIfIdle = () => {
      if (finished || !exhausted || waiting) return;
      for (const slot of slots) if (slot.held.size > 0) return;
      finished = true;
      for (const slot of slots) void slot.worker.terminate();
      slots.clear();
      resolve();
    };

    const dispatch = () => {
      for (const slot of slots) {
        while (slot.held.size < JOBS_PER_WORKER) {
          const job = peek();
          if (!job || !host.mayStart(job.seq)) break;
          waiting = undefined;
          slot.held.set(job.seq, job);
          slot.worker.postMessage(job);
        }
      }
      if (slots.size === 0) {
        // No worker left to run anything: every remaining file is reported, none silently dropped.
        for (let job = peek(); job; job = peek()) {
          waiting = undefined;
          host.done({ seq: job.seq, problem: `${job.file}: not analysed (no worker thread left)` });
        }
      }
      finishIfIdle();
    };

    const fail = (slot: Slot, reason: string) => {
      if (!slots.delete(slot)) return;
      void slot.worker.terminate();
      for (const job of slot.held.values()) host.done({ seq: job.seq, problem: `${job.file}: internal error: ${reason}` });
      slot.held.clear();
      if (replacements-- > 0 && !finished) start();
      dispatch();
    };

    const start = () => {
      const worker = new Worker(host.script, { workerData: host.settings });
      const slot: Slot = { worker, held: new Map() };
      slots.add(slot);
      worker.on('message', (outcome: FileOutcome) => {
        slot.held.delete(outcome.seq);
        host.done(outcome);
        dispatch();
      });
      worker.once('error', (error) => fail(slot, `worker thread failed (${error.message})`));
      worker.once('exit', (code) => fail(slot, `worker thread stopped (exit code ${code})`));
    };

    for (let i = 0; i < host.workers; i++) start();
    dispatch();
  });
}
