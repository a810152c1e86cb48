import * as assert from 'assert';
import * as path from 'path';
import type { FileJob, FileOutcome } from '../../server/src/cli/fileJobs';
import { CLI_WORKER_LIMITS, runInWorkers } from '../../server/src/cli/workerPool';

/**
 * The CLI's pool (`cli/workerPool.ts`): this thread analyses beside the workers, the workers run with a
 * small young generation, and a worker that dies loses no file — its files are reported, and the rest go on.
 */
describe('command line: the worker pool', () => {
  const WORKER = path.join(__dirname, '..', 'helpers', 'fakeCliWorker.js');
  const jobsOf = (files: string[]): FileJob[] => files.map((file, seq) => ({ seq, file }));
  async function run(files: string[], workers: number) {
    const outcomes: FileOutcome[] = [];
    await runInWorkers(jobsOf(files)[Symbol.iterator](), {
      script: WORKER,
      workers,
      settings: { format: 'text', strict: false },
      mayStart: () => true,
      done: (outcome) => outcomes.push(outcome),
      local: (job) => ({ seq: job.seq, output: 'this thread', warnings: 0 }),
    });
    return outcomes;
  }
  const text = (outcome: FileOutcome) => ('output' in outcome ? outcome.output : outcome.problem);

  it('shares the files between this thread and the workers, each file once; workers with a small young generation', async () => {
    const outcomes = await run(Array.from({ length: 40 }, (_, i) => `f${i}.txt`), 1);
    assert.deepStrictEqual(outcomes.map((o) => o.seq).sort((a, b) => a - b), Array.from({ length: 40 }, (_, i) => i));
    const by = new Set(outcomes.map(text));
    assert.ok(by.has('this thread'), 'this thread analysed some files');
    assert.ok(by.has(`worker young=${CLI_WORKER_LIMITS.maxYoungGenerationSizeMb}`), [...by].join(', '));
  });

  it('a worker that dies reports its file as a problem, and the other files are still analysed', async () => {
    const files = Array.from({ length: 30 }, (_, i) => (i === 3 ? 'crash.txt' : `f${i}.txt`));
    const outcomes = await run(files, 1);
    assert.deepStrictEqual(outcomes.map((o) => o.seq).sort((a, b) => a - b), Array.from({ length: 30 }, (_, i) => i), 'every file once');
    const crashed = outcomes.find((o) => o.seq === 3)!;
    // The crash is the worker's when it held the file (a problem), or nobody's when this thread took it.
    assert.ok(/internal error: worker thread/.test(text(crashed)) || text(crashed) === 'this thread', text(crashed));
    const problems = outcomes.filter((o) => 'problem' in o);
    assert.ok(problems.every((o) => o.seq === 3 || /internal error: worker thread/.test(text(o))), JSON.stringify(problems));
    assert.ok(outcomes.filter((o) => 'output' in o).length >= 30 - 2 * 2, 'at most the jobs the dead worker held are lost to problems');
  });
});
