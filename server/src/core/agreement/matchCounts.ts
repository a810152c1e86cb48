/**
 * Pairwise F1 between two annotators, with A as the reference: A's places are the "gold", B's the
 * "system". Recall = matched / |A|, precision = matched / |B|, F1 = 2·matched / (|A| + |B|) — with a
 * one-to-one matching F1 is the same whichever side is the reference (Hripcsak & Rothschild 2005,
 * "Agreement, the F-measure, and reliability in information retrieval", JAMIA 12(3): 296–298); the
 * reference only decides which of precision and recall is which.
 */

/** How many places each side has and how many of them are matched one to one. */
export interface MatchCounts {
  /** Places of A (the reference). */
  readonly a: number;
  /** Places of B. */
  readonly b: number;
  /** Pairs matched (each place in at most one pair). */
  readonly matched: number;
}

/** No places. */
export const NO_MATCHES: MatchCounts = Object.freeze({ a: 0, b: 0, matched: 0 });

/** The counts of two sets of comparisons together (micro-averaging). */
export function addCounts(x: MatchCounts, y: MatchCounts): MatchCounts {
  return { a: x.a + y.a, b: x.b + y.b, matched: x.matched + y.matched };
}

/** F1 = 2·matched / (|A| + |B|); `null` when neither side has a place (nothing to agree on: 0/0). */
export function f1Of(counts: MatchCounts): number | null {
  const total = counts.a + counts.b;
  return total === 0 ? null : (2 * counts.matched) / total;
}

/** matched / |B|, `null` when B has no place. */
export function precisionOf(counts: MatchCounts): number | null {
  return counts.b === 0 ? null : counts.matched / counts.b;
}

/** matched / |A|, `null` when A has no place. */
export function recallOf(counts: MatchCounts): number | null {
  return counts.a === 0 ? null : counts.matched / counts.a;
}
