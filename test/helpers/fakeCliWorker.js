// A CLI worker for tests (see test/cli/workerPool.test.ts): it answers each job with an output that names
// the thread's young-generation limit, and stops with an uncaught error on a file named `crash.txt`, as a
// worker whose analysis ran out of memory.
const { parentPort, resourceLimits } = require('worker_threads');

parentPort.on('message', (job) => {
  if (job.file.endsWith('crash.txt')) throw new Error('simulated: the analysis ran out of memory');
  parentPort.postMessage({ seq: job.seq, output: `worker young=${resourceLimits.maxYoungGenerationSizeMb}`, warnings: 0 });
});
