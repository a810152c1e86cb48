import * as assert from 'assert';
import { FirstColours } from '../../server/src/lsp/firstColours';

/**
 * An article's first colours wait for its store file and the learned corrections (lsp/firstColours.ts):
 * once per opened article, at most the patience, and a read that fails does not hold or blank them.
 */
describe('first colours wait for the article’s inputs', () => {
  /** A promise the test resolves or rejects itself, and whether it has settled. */
  function gate() {
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }
  const settled = async (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    return done;
  };

  it('waits for the store file and the learned corrections, and only the first time', async () => {
    const store = gate();
    const learned = gate();
    let storeReads = 0;
    const colours = new FirstColours(() => (storeReads++, store.promise), () => learned.promise, 60_000);
    const first = colours.ready('file:///a.txt');
    assert.strictEqual(await settled(first), false, 'nothing read yet');
    store.resolve();
    assert.strictEqual(await settled(first), false, 'the learned corrections not read yet');
    learned.resolve();
    assert.strictEqual(await settled(first), true);
    assert.strictEqual(await settled(colours.ready('file:///a.txt')), true, 'later requests do not wait');
    assert.strictEqual(storeReads, 1);
    colours.delete('file:///a.txt');
    colours.ready('file:///a.txt');
    assert.strictEqual(storeReads, 2, 'reopened, the article waits for its store again');
  });

  it('does not hold the colours past its patience, nor after a read that fails', async () => {
    const never = new Promise<void>(() => undefined);
    const patient = new FirstColours(() => never, () => Promise.resolve(), 30);
    const waited = patient.ready('file:///slow.txt');
    assert.strictEqual(await settled(waited), false);
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.strictEqual(await settled(waited), true, 'the patience ran out: the colours go out');
    const failing = new FirstColours(() => Promise.reject(new Error('EIO')), () => Promise.resolve(), 60_000);
    await failing.ready('file:///broken.txt'); // resolves: the store's failure is said elsewhere
  });
});
