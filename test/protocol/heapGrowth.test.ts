import * as assert from 'assert';
import { withTightHeap } from '../../server/src/lsp/heapGrowth';

/** The tighter heap lasts while the index loads, and V8 chooses again once the last scan ended, even a failed one. */
describe('heap growth while the index loads (lsp/heapGrowth.ts)', () => {
  it('sets V8’s growing percent for overlapping scans once, and puts it back after the last, also when one fails', async () => {
    const set: string[] = [];
    // The module object itself (an import's namespace only has getters onto it).
    const v8 = require('v8') as { setFlagsFromString: (flags: string) => void };
    const original = v8.setFlagsFromString;
    v8.setFlagsFromString = (flags) => void set.push(flags);
    try {
      let finishFirst!: () => void;
      const first = withTightHeap(() => new Promise<void>((resolve) => (finishFirst = resolve)));
      const second = withTightHeap(async () => {
        throw new Error('the scan failed');
      });
      await assert.rejects(second, /the scan failed/);
      assert.deepStrictEqual(set, ['--heap-growing-percent=20'], 'still loading: the first scan runs');
      finishFirst();
      await first;
      assert.deepStrictEqual(set, ['--heap-growing-percent=20', '--heap-growing-percent=0']);
      assert.strictEqual(await withTightHeap(async () => 'summaries'), 'summaries');
      assert.deepStrictEqual(set.slice(2), ['--heap-growing-percent=20', '--heap-growing-percent=0']);
    } finally {
      v8.setFlagsFromString = original;
    }
  });
});
