// A CLI worker for tests (see test/cli/workerPool.test.ts): it answers each job with an output that names
// the thread's young-generation limit, and stops with an uncaught error on a file named `crash.txt`, as a
// worker whose analysis ran out of memory. Given a SharedArrayBuffer as `workerData.started`, it adds 1 to its
// first integer once running and to its second for each job answered, so a test can see what the workers did when.
const { parentPort, resourceLimits, workerData } = require('worker_threads');

const counts = workerData && workerData.started instanceof SharedArrayBuffer ? new Int32Array(workerData.started) : undefined;
if (counts) {
  Atomics.add(counts, 0, 1);
  Atomics.notify(counts, 0);
}

parentPort.on('message', (job) => {
  if (job.file.endsWith('crash.txt')) throw new Error('simulated: the analysis ran out of memory');
  parentPort.postMessage({ seq: job.seq, output: `worker young=${resourceLimits.maxYoungGenerationSizeMb}`, warnings: 0 });
  if (counts) {
    Atomics.add(counts, 1, 1);
    Atomics.notify(counts, 1);
  }
});
