import * as assert from 'assert';
import * as path from 'path';
import type { FileJob, FileOutcome } from '../../server/src/cli/fileJobs';
import { CLI_WORKER_LIMITS, JOBS_PER_WORKER, runInWorkers } from '../../server/src/cli/workerPool';

/**
 * The CLI's pool (`cli/workerPool.ts`): this thread analyses beside the workers, the workers run with a
 * small young generation, and a worker that dies loses no file — its files are reported, and the rest go on.
 */
describe('command line: the worker pool', () => {
  const WORKER = path.join(__dirname, '..', 'helpers', 'fakeCliWorker.js');
  const jobsOf = (files: string[]): FileJob[] => files.map((file, seq) => ({ seq, file }));
  async function run(files: string[], workers: number, withThisThread = true) {
    const outcomes: FileOutcome[] = [];
    await runInWorkers(jobsOf(files)[Symbol.iterator](), {
      script: WORKER,
      workers,
      settings: { format: 'text', strict: false },
      mayStart: () => true,
      done: (outcome) => outcomes.push(outcome),
      ...(withThisThread ? { local: (job: FileJob) => ({ seq: job.seq, output: 'this thread', warnings: 0 }) } : {}),
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

  it("calls this thread's job first once the workers were started, so its own preparation (the CLI loads its data then) overlaps theirs; each worker has several files queued meanwhile", async () => {
    const started = new SharedArrayBuffer(8);
    const count = new Int32Array(started);
    let workersAtFirstJob = -1;
    let answeredMeanwhile = -1;
    const outcomes: FileOutcome[] = [];
    await runInWorkers(jobsOf(Array.from({ length: 40 }, (_, i) => `f${i}.txt`))[Symbol.iterator](), {
      script: WORKER,
      workers: 2,
      settings: { format: 'text', strict: false, started } as never,
      mayStart: () => true,
      done: (outcome) => outcomes.push(outcome),
      local: (job) => {
        if (workersAtFirstJob < 0) {
          // Blocks this thread as a data load does: the workers can only run if they were started before.
          for (let seen = Atomics.load(count, 0); seen < 2; seen = Atomics.load(count, 0)) Atomics.wait(count, 0, seen, 10_000);
          workersAtFirstJob = Atomics.load(count, 0);
          // Still blocked: the workers analyse the files they were given before this thread began, and no more.
          const deadline = Date.now() + 2000;
          for (let seen = Atomics.load(count, 1); seen < 2 * JOBS_PER_WORKER && Date.now() < deadline; seen = Atomics.load(count, 1)) Atomics.wait(count, 1, seen, 100);
          answeredMeanwhile = Atomics.load(count, 1);
        }
        return { seq: job.seq, output: 'this thread', warnings: 0 };
      },
    });
    assert.strictEqual(workersAtFirstJob, 2);
    assert.strictEqual(answeredMeanwhile, 2 * JOBS_PER_WORKER);
    assert.ok(JOBS_PER_WORKER >= 4, `${JOBS_PER_WORKER} files queued per worker`);
    assert.deepStrictEqual(outcomes.map((o) => o.seq).sort((a, b) => a - b), Array.from({ length: 40 }, (_, i) => i));
  });

  it("a failure of this thread that is not a file's (its data cannot be read) stops the workers and fails the run with it", async () => {
    const failure = new Error('ner/model.bin: cannot be read');
    const outcomes: FileOutcome[] = [];
    const run = runInWorkers(jobsOf(Array.from({ length: 20 }, (_, i) => `f${i}.txt`))[Symbol.iterator](), {
      script: WORKER,
      workers: 2,
      settings: { format: 'text', strict: false },
      mayStart: () => true,
      done: (outcome) => outcomes.push(outcome),
      local: () => {
        throw failure;
      },
    });
    await assert.rejects(run, (error) => error === failure);
    // Stopped: nothing more arrives after the failure.
    const after = outcomes.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.strictEqual(outcomes.length, after);
  });

  it('a worker that dies reports the file it died on as a problem, and every other file is analysed', async () => {
    // With this thread working too (it takes most files of a small run), and with workers alone.
    for (const [crashAt, workers, withThisThread] of [[0, 1, true], [3, 1, true], [17, 1, true], [0, 1, false], [3, 1, false], [17, 2, false], [29, 2, false]] as const) {
      const files = Array.from({ length: 30 }, (_, i) => (i === crashAt ? 'crash.txt' : `f${i}.txt`));
      const outcomes = await run(files, workers, withThisThread);
      assert.deepStrictEqual(outcomes.map((o) => o.seq).sort((a, b) => a - b), Array.from({ length: 30 }, (_, i) => i), 'every file once');
      const crashed = outcomes.find((o) => o.seq === crashAt)!;
      // The crash is the worker's when it held the file (a problem), or nobody's when this thread took it.
      assert.ok(/internal error: worker thread failed \(simulated/.test(text(crashed)) || (withThisThread && text(crashed) === 'this thread'), text(crashed));
      // Neither the file queued behind it in the dead worker nor one it finished just before is lost.
      const problems = outcomes.filter((o) => 'problem' in o);
      assert.ok(problems.every((o) => o.seq === crashAt), JSON.stringify(problems));
    }
  });
});
