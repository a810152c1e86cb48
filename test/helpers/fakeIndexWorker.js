// A workspace scan worker for tests (see test/indexCache/scanWorkers.test.ts): it answers each file
// with an empty summary whose title says which resource limits the thread runs under, and stops with
// an uncaught error on a file named `crash.txt`, as a worker whose analysis ran out of memory, and never
// answers (a loop that never ends) on a file named `hang.txt`.
const { parentPort, resourceLimits } = require('worker_threads');

parentPort.on('message', (request) => {
  if (request.file.endsWith('crash.txt')) throw new Error('simulated: the analysis ran out of memory');
  if (request.file.endsWith('hang.txt')) for (;;);
  const summary = { uri: request.uri, title: JSON.stringify(resourceLimits), actors: [], mentionOffsets: new Uint32Array(0), mentionKinds: '', quotes: [] };
  parentPort.postMessage({ id: request.id, summary });
});
