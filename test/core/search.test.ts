import * as assert from 'assert';
import { firstOverlapping, overlaps } from '../../server/src/core/search';

describe('the overlap of two ranges (search.ts)', () => {
  it('reads ranges as half-open: sharing an offset overlaps, touching does not, either way round', () => {
    const range = { start: 3, end: 8 };
    for (const [other, expected] of [
      [{ start: 0, end: 4 }, true],
      [{ start: 7, end: 12 }, true],
      [{ start: 4, end: 6 }, true],
      [{ start: 0, end: 20 }, true],
      [{ start: 0, end: 3 }, false],
      [{ start: 8, end: 12 }, false],
      [{ start: 10, end: 12 }, false],
    ] as const) {
      assert.strictEqual(overlaps(range, other), expected, `[3, 8) and [${other.start}, ${other.end})`);
      assert.strictEqual(overlaps(other, range), expected, `[${other.start}, ${other.end}) and [3, 8)`);
    }
  });

  it('has an empty range overlap a range it lies strictly inside, not one it lies at an end of, as firstOverlapping does', () => {
    const sorted = [{ start: 3, end: 8 }];
    for (const [at, expected] of [[5, true], [3, false], [8, false]] as const) {
      const empty = { start: at, end: at };
      assert.strictEqual(overlaps(empty, sorted[0]), expected, `empty at ${at}`);
      assert.strictEqual(firstOverlapping(sorted, empty) !== undefined, expected, `firstOverlapping, empty at ${at}`);
    }
  });
});
