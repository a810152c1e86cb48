import type { MatchCounts } from './matchCounts';
import { placeKey, type LabeledPlace } from './spanSets';

/**
 * Exact match: a place of A and a place of B match when they have the same label and exactly the same
 * fragments (every boundary equal). Places that repeat on one side count once, so the matching is one to
 * one: matched = |A ∩ B|.
 */
export function exactMatches(a: readonly LabeledPlace[], b: readonly LabeledPlace[]): MatchCounts {
  const inA = new Set(a.map(placeKey));
  const inB = new Set(b.map(placeKey));
  let matched = 0;
  for (const key of inB) if (inA.has(key)) matched++;
  return { a: inA.size, b: inB.size, matched };
}
