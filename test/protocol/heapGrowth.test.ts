import * as assert from 'assert';
import { collectGarbage, withTightHeap } from '../../server/src/lsp/heapGrowth';

/** The tighter heap lasts while the index loads, and V8 chooses again once the last scan ended, even a failed one. */
describe('heap growth while the index loads (lsp/heapGrowth.ts)', () => {
  it('sets V8’s growing percent for overlapping scans once, and puts it back after the last, also when one fails; only once the heap in use reaches the threshold', async () => {
    const set: string[] = [];
    // The module object itself (an import's namespace only has getters onto it).
    const v8 = require('v8') as { setFlagsFromString: (flags: string) => void };
    const original = v8.setFlagsFromString;
    v8.setFlagsFromString = (flags) => void set.push(flags);
    let collections = 0;
    const collect = () => void collections++;
    try {
      let finishFirst!: () => void;
      const first = withTightHeap(() => new Promise<void>((resolve) => (finishFirst = resolve)), 0, collect);
      const second = withTightHeap(async () => {
        throw new Error('the scan failed');
      }, 0, collect);
      await assert.rejects(second, /the scan failed/);
      assert.deepStrictEqual(set, ['--heap-growing-percent=20'], 'still loading: the first scan runs');
      assert.strictEqual(collections, 0, 'nothing collected while a scan still loads');
      finishFirst();
      await first;
      assert.deepStrictEqual(set, ['--heap-growing-percent=20', '--heap-growing-percent=0']);
      assert.strictEqual(collections, 1, 'the heap collected once the last scan ended');
      assert.strictEqual(await withTightHeap(async () => 'summaries', 0, collect), 'summaries');
      assert.deepStrictEqual(set.slice(2), ['--heap-growing-percent=20', '--heap-growing-percent=0']);
      // A heap below the threshold is left to V8 (a small workspace), until it grows past it during the load.
      assert.strictEqual(await withTightHeap(async () => 'small', Number.MAX_SAFE_INTEGER, collect), 'small');
      assert.strictEqual(set.length, 4, 'nothing set for a small heap');
      assert.strictEqual(collections, 3, 'a load that never tightened the heap is collected after too');
      // The heap in use is read from V8: stubbed here, since what a real allocation adds to it depends on
      // when V8 collects the garbage of the tests before (a collection can free more than it adds).
      const statistics = require('v8') as { getHeapStatistics: () => { used_heap_size: number } };
      const realStatistics = statistics.getHeapStatistics;
      let used = 100 * 1024 * 1024;
      statistics.getHeapStatistics = () => ({ ...realStatistics(), used_heap_size: used });
      try {
        await withTightHeap(async () => {
          await new Promise((resolve) => setTimeout(resolve, 150));
          assert.strictEqual(set.length, 4, 'below the threshold: nothing set yet');
          used = 140 * 1024 * 1024;
          for (let waited = 0; waited < 5000 && set.length === 4; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
        }, 128 * 1024 * 1024, collect);
      } finally {
        statistics.getHeapStatistics = realStatistics;
      }
      assert.deepStrictEqual(set.slice(4), ['--heap-growing-percent=20', '--heap-growing-percent=0'], 'tightened once the heap grew past it, put back at the end');
    } finally {
      v8.setFlagsFromString = original;
    }
  });

  it('collects garbage on demand, without --expose-gc (collectGarbage)', async () => {
    let garbage: object | undefined = { summaries: new Array(1000).fill('left by the scan') };
    const left = new WeakRef(garbage);
    garbage = undefined;
    // A WeakRef's target lives until the end of the job that made or read it.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    assert.strictEqual(left.deref(), undefined);
  });
});
