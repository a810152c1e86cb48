import type { OffsetRange } from './types';

/**
 * The first index in `[0, n)` where `predicate` holds, for a predicate that is false, then true,
 * along the indices (`n` when it never holds): the one binary search the core and the protocol layer
 * use over sorted tokens, sentences, paragraphs, mentions and line starts.
 */
export function lowerBound(n: number, predicate: (index: number) => boolean): number {
  let low = 0;
  let high = n;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (predicate(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * True when two half-open ranges overlap: each starts before the other ends. Ranges that only touch (one ends
 * where the other starts) do not; an empty range overlaps a range it lies strictly inside, none it lies at an end of.
 */
export function overlaps(a: OffsetRange, b: OffsetRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The first of sorted, non-overlapping ranges that overlaps `range`, if any. */
export function firstOverlapping<T extends OffsetRange>(sorted: readonly T[], range: OffsetRange): T | undefined {
  const i = firstEndingAfter(sorted, range.start);
  return i < sorted.length && sorted[i].start < range.end ? sorted[i] : undefined;
}

/** The one of sorted, non-overlapping ranges that contains `offset`, if any. */
export function rangeContaining<T extends OffsetRange>(sorted: readonly T[], offset: number): T | undefined {
  const i = firstEndingAfter(sorted, offset);
  return i < sorted.length && sorted[i].start <= offset ? sorted[i] : undefined;
}

/**
 * The index of the first of `sorted` (ranges in order of their starts: tokens, mentions, paragraphs) that starts at or
 * after `offset`, `sorted.length` when none: {@link lowerBound} of `sorted[k].start >= offset`, written out, as below.
 * Asked for every mention the entity repair locates and at every role read: a predicate closure there captured the
 * loop's variables, and V8 allocated a context for them at each iteration and a closure per search.
 */
export function firstStartingFrom(sorted: readonly OffsetRange[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid].start >= offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * {@link lowerBound} of `sorted[k].end > offset`, written out: the two searches above run for tokens and mentions
 * all through the analysis (the roles' walk asks at every word it crosses), and the predicate as a closure was an
 * allocation per search that read `offset` from a context object.
 */
function firstEndingAfter(sorted: readonly OffsetRange[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid].end > offset) high = mid;
    else low = mid + 1;
  }
  return low;
}
