import * as assert from 'assert';
import type { FileJob } from '../../server/src/cli/fileJobs';
import { BYTES_PER_EXTRA_THREAD, defaultThreads, takeFirstJobs } from '../../server/src/cli/threadCount';

const MB = 1024 * 1024;

/** Jobs over files named by their size in megabytes (`3.txt`), a look-up of those sizes, and how many jobs were listed. */
function jobsOf(megabytes: number[]): { jobs: Iterator<FileJob>; sizeOf: (file: string) => number; taken: () => number } {
  let taken = 0;
  const all = megabytes.map((mb, seq) => ({ seq, file: `${mb}.txt` }));
  const jobs = (function* () {
    for (const job of all) {
      taken++;
      yield job;
    }
  })();
  return { jobs, sizeOf: (file) => Number.parseFloat(file) * MB, taken: () => taken };
}

describe('cli: how many threads a run starts', () => {
  it('by default one thread for a small input, and a thread per core for PolNeAR train (3.9 MB), which two threads run faster on 2 cores', () => {
    assert.strictEqual(defaultThreads(0.4 * MB, 105, 2), 1);
    assert.strictEqual(defaultThreads(3.9 * MB, 840, 2), 2);
    assert.strictEqual(defaultThreads(BYTES_PER_EXTRA_THREAD - 1, 3000, 2), 1);
    assert.strictEqual(defaultThreads(BYTES_PER_EXTRA_THREAD, 3000, 2), 2);
    assert.strictEqual(defaultThreads(100 * BYTES_PER_EXTRA_THREAD, 100_000, 8), 8, 'at most one per core');
    assert.strictEqual(defaultThreads(100 * BYTES_PER_EXTRA_THREAD, 3, 8), 3, 'at most one per file');
    assert.strictEqual(defaultThreads(0, 0, 4), 1);
  });

  it('looks ahead only until the input is known to be large enough for every core, and keeps the jobs it took in order', () => {
    const { jobs, sizeOf, taken } = jobsOf([1, 2, 3, 4, 5, 6, 7, 8]);
    const { first, threads } = takeFirstJobs(jobs, undefined, 2, sizeOf, 5 * MB);
    assert.strictEqual(threads, 2);
    assert.deepStrictEqual(
      first.map((j) => j.file),
      ['1.txt', '2.txt', '3.txt'],
    );
    assert.strictEqual(taken(), 3, 'nothing listed beyond what decided it');
    assert.deepStrictEqual(jobs.next().value, { seq: 3, file: '4.txt' }, 'the rest still comes from the listing');
  });

  it('takes a small input whole and starts one thread for it', () => {
    const { jobs, sizeOf } = jobsOf([1, 1, 1]);
    const { first, threads } = takeFirstJobs(jobs, undefined, 4, sizeOf, 5 * MB);
    assert.strictEqual(threads, 1);
    assert.strictEqual(first.length, 3);
  });

  it('--jobs N: as asked, never more threads than files, whatever their size', () => {
    const few = jobsOf([0.001, 0.001]);
    assert.deepStrictEqual(takeFirstJobs(few.jobs, 4, 2, few.sizeOf).threads, 2);
    const many = jobsOf([0.001, 0.001, 0.001, 0.001]);
    const asked = takeFirstJobs(many.jobs, 3, 2, many.sizeOf);
    assert.strictEqual(asked.threads, 3);
    assert.strictEqual(many.taken(), 3);
    const one = jobsOf([50]);
    assert.strictEqual(takeFirstJobs(one.jobs, 1, 8, one.sizeOf).threads, 1);
  });
});
