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
      const growing = new Array<number[]>();
      const used = (require('v8') as typeof import('v8')).getHeapStatistics().used_heap_size;
      await withTightHeap(async () => {
        for (let i = 0; i < 40 && set.length === 4; i++) {
          growing.push(new Array(250_000).fill(i));
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      }, used + 32 * 1024 * 1024);
      assert.deepStrictEqual(set.slice(4), ['--heap-growing-percent=20', '--heap-growing-percent=0'], 'tightened once the heap grew past it, put back at the end');
    } finally {
      v8.setFlagsFromString = original;
    }
  });
});
