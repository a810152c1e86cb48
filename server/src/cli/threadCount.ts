import * as fs from 'fs';
import type { FileJob } from './fileJobs';

/**
 * Bytes of input each thread beyond the first needs before it is worth starting, when `--jobs` is not
 * given (issue 17). A thread is an isolate of its own: it loads the data again and V8 compiles the whole
 * analysis again for it, and on the 2-core machines we measure on the second thread's compilations take
 * the core that the first thread's optimising compiler was using. With V8's default tiering two threads
 * were slower than one up to about 11 MB of input; with the CLI's later optimisation (`v8Tuning.ts`)
 * they compile less, and two threads are ahead from about 0.8 MB (PolNeAR train articles, `--jsonl`,
 * on 2 cores: 0.4 MB 1.30–1.35 s with one thread and 1.32–1.34 s with two; 0.8 MB 1.74–1.90 against
 * 1.64–1.75 s; 2 MB 2.60–2.63 against 2.37–2.40 s; ARCHITECTURE.md, "The command line at scale").
 */
export const BYTES_PER_EXTRA_THREAD = 1024 * 1024;

/** How many threads the default run starts: one, and one more per {@link BYTES_PER_EXTRA_THREAD} of input, at most one per core and per file. */
export function defaultThreads(inputBytes: number, files: number, cores: number, bytesPerExtraThread = BYTES_PER_EXTRA_THREAD): number {
  return Math.max(1, Math.min(cores, files, 1 + Math.floor(inputBytes / bytesPerExtraThread)));
}

/** The size of a file to analyse, 0 when it cannot be read now (its job reports that). */
export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Takes jobs from the front of `jobs` until the number of threads is known, and returns them (the run
 * starts with them) with that number. `--jobs N` (`asked`): the first N files, so that a run of fewer
 * files starts no thread it cannot use. Without it: files until their sizes call for a thread on every
 * core, or until the input ends, so a small run is never split (at most `cores − 1` times the bytes per
 * thread are held as paths, never the texts).
 */
export function takeFirstJobs(jobs: Iterator<FileJob>, asked: number | undefined, cores: number, sizeOf = fileSize, bytesPerExtraThread = BYTES_PER_EXTRA_THREAD): { first: FileJob[]; threads: number } {
  const first: FileJob[] = [];
  if (asked !== undefined) {
    while (first.length < asked) {
      const next = jobs.next();
      if (next.done) break;
      first.push(next.value);
    }
    return { first, threads: Math.max(1, Math.min(asked, first.length)) };
  }
  let bytes = 0;
  while (defaultThreads(bytes, first.length, cores, bytesPerExtraThread) < cores) {
    const next = jobs.next();
    if (next.done) break;
    first.push(next.value);
    bytes += sizeOf(next.value.file);
  }
  return { first, threads: defaultThreads(bytes, first.length, cores, bytesPerExtraThread) };
}
