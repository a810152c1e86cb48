import * as assert from 'assert';
import { withTightHeap } from '../../server/src/lsp/heapGrowth';

/** The tighter heap lasts while the index loads, and V8 chooses again once the last scan ended, even a failed one. */
describe('heap growth while the index loads (lsp/heapGrowth.ts)', () => {
  it('sets V8’s growing percent for overlapping scans once, and puts it back after the last, also when one fails; only once the heap in use reaches the threshold', async () => {
    const set: string[] = [];
    // The module object itself (an import's namespace only has getters onto it).
    const v8 = require('v8') as { setFlagsFromString: (flags: string) => void };
    const original = v8.setFlagsFromString;
    v8.setFlagsFromString = (flags) => void set.push(flags);
    try {
      let finishFirst!: () => void;
      const first = withTightHeap(() => new Promise<void>((resolve) => (finishFirst = resolve)), 0);
      const second = withTightHeap(async () => {
        throw new Error('the scan failed');
      }, 0);
      await assert.rejects(second, /the scan failed/);
      assert.deepStrictEqual(set, ['--heap-growing-percent=20'], 'still loading: the first scan runs');
      finishFirst();
      await first;
      assert.deepStrictEqual(set, ['--heap-growing-percent=20', '--heap-growing-percent=0']);
      assert.strictEqual(await withTightHeap(async () => 'summaries', 0), 'summaries');
      assert.deepStrictEqual(set.slice(2), ['--heap-growing-percent=20', '--heap-growing-percent=0']);
      // A heap below the threshold is left to V8 (a small workspace), until it grows past it during the load.
      assert.strictEqual(await withTightHeap(async () => 'small', Number.MAX_SAFE_INTEGER), 'small');
      assert.strictEqual(set.length, 4, 'nothing set for a small heap');
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
        }, 128 * 1024 * 1024);
      } finally {
        statistics.getHeapStatistics = realStatistics;
      }
      assert.deepStrictEqual(set.slice(4), ['--heap-growing-percent=20', '--heap-growing-percent=0'], 'tightened once the heap grew past it, put back at the end');
    } finally {
      v8.setFlagsFromString = original;
    }
  });
});
