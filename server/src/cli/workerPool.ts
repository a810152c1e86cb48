import { Worker } from 'worker_threads';
import type { FileJob, FileOutcome, JobSettings } from './fileJobs';

/**
 * A small young generation for each worker: V8's default lets every thread's nursery grow to tens of
 * megabytes, which the CLI's peak memory paid once per core for no speed (an article's garbage dies young
 * either way). The old generation is not bounded: a file near the size limit must still be analysed.
 */
export const CLI_WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 } as const;

/**
 * Jobs handed to each worker at once: while it analyses one, the next are already in its queue, so
 * no worker waits for the main thread between files. The main thread analyses files too, and only
 * hands out more between two of its own: with two queued, a worker finished them and waited while
 * the main thread was on one article of its first, still unoptimised, hundred (a CPU profile over
 * PolNeAR train with 2 threads: the worker idle 295 ms of its ~5 s; with eight, 13 ms). At the end the
 * main thread may wait for the few the worker still holds: PolNeAR articles take a few milliseconds each.
 */
export const JOBS_PER_WORKER = 8;

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
  /**
   * Runs a job on this thread, which then works as one more worker between the others' messages: on
   * a machine of few cores a thread that only waits wastes one, and every worker started costs the
   * compilation of the whole analysis once more (about half of a small run's CPU). First called after
   * the workers have started, so whatever it prepares on its first call (the CLI loads its data then)
   * overlaps their start; if it throws, the workers are stopped and the run fails with that error.
   */
  readonly local?: (job: FileJob) => FileOutcome;
}

/**
 * Runs the jobs on worker threads, each with its own language service, until every job has an
 * outcome. A worker that dies (out of memory, a crash in native code) turns the file it died on into
 * a problem, hands the files queued behind it to the other threads, and is replaced, a few times at
 * most; if no worker is left, the remaining files are reported as not analysed rather than lost.
 */
export function runInWorkers(jobs: Iterator<FileJob>, host: PoolHost): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    interface Slot {
      readonly worker: Worker;
      readonly held: Map<number, FileJob>;
    }
    const slots = new Set<Slot>();
    /** The job this thread runs next (with `host.local`), one at a time. */
    let localJob: FileJob | undefined;
    let waiting: FileJob | undefined;
    /** Jobs that were queued behind the one a worker died on: handed out again first, in their order. */
    const returned: FileJob[] = [];
    let exhausted = false;
    let replacements = host.workers * 2;
    let finished = false;

    const peek = (): FileJob | undefined => {
      if (waiting) return waiting;
      if (returned.length > 0) return (waiting = returned.shift());
      if (exhausted) return undefined;
      const next = jobs.next();
      if (next.done) exhausted = true;
      else waiting = next.value;
      return waiting;
    };

    const finishIfIdle = () => {
      if (finished || !exhausted || waiting || returned.length > 0 || localJob) return;
      for (const slot of slots) if (slot.held.size > 0) return;
      finished = true;
      for (const slot of slots) void slot.worker.terminate();
      slots.clear();
      resolve();
    };

    const runLocal = () => {
      if (finished) return;
      const job = localJob!;
      let outcome: FileOutcome;
      try {
        outcome = host.local!(job);
      } catch (error) {
        // Not a file's problem (those come back as outcomes): this thread cannot analyse at all.
        finished = true;
        for (const slot of slots) void slot.worker.terminate();
        slots.clear();
        reject(error);
        return;
      }
      host.done(outcome);
      localJob = undefined;
      dispatch();
      finishIfIdle();
    };

    const dispatch = () => {
      if (host.local && !localJob && !finished) {
        const job = peek();
        if (job && host.mayStart(job.seq)) {
          waiting = undefined;
          localJob = job;
          // After the messages already queued: the workers are fed before this thread analyses.
          setImmediate(runLocal);
        }
      }
      for (const slot of slots) {
        while (slot.held.size < JOBS_PER_WORKER) {
          const job = peek();
          if (!job || !host.mayStart(job.seq)) break;
          waiting = undefined;
          slot.held.set(job.seq, job);
          slot.worker.postMessage(job);
        }
      }
      if (slots.size === 0 && !host.local) {
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
      // A worker takes its jobs in order: it died on the first it still held. Those queued behind that one
      // were never started, and go to another thread rather than being reported as failed.
      const [diedOn, ...queuedBehind] = slot.held.values();
      if (diedOn) host.done({ seq: diedOn.seq, problem: `${diedOn.file}: internal error: ${reason}` });
      if (waiting) queuedBehind.push(waiting);
      waiting = undefined;
      returned.unshift(...queuedBehind);
      slot.held.clear();
      if (replacements-- > 0 && !finished) start();
      dispatch();
    };

    const start = () => {
      const worker = new Worker(host.script, { workerData: host.settings, resourceLimits: CLI_WORKER_LIMITS });
      const slot: Slot = { worker, held: new Map() };
      slots.add(slot);
      worker.on('message', (outcome: FileOutcome) => {
        // After the run failed (this thread could not analyse), what a stopped worker had sent is dropped.
        if (finished) return;
        slot.held.delete(outcome.seq);
        host.done(outcome);
        dispatch();
      });
      // Its jobs fail once it has exited, not at its 'error': that event travels apart from the outcomes,
      // and the outcomes of jobs it finished before failing could still be on their way (reported as
      // failed, then done a second time). Node delivers every outcome before 'exit'.
      let failure: string | undefined;
      worker.once('error', (error) => (failure = `worker thread failed (${error.message})`));
      worker.once('exit', (code) => fail(slot, failure ?? `worker thread stopped (exit code ${code})`));
    };

    for (let i = 0; i < host.workers; i++) start();
    dispatch();
  });
}
