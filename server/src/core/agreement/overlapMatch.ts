import type { MatchCounts } from './matchCounts';
import { byLabel, placeKey, placesOverlap, type LabeledPlace } from './spanSets';

/**
 * Overlap match ("lenient" match): a place of A and a place of B may be paired when they have the same
 * label and share at least one character. The pairs are a maximum one-to-one matching, so one long span of
 * A over three short ones of B counts one pair, not three: F1 stays symmetric and cannot be inflated by
 * splitting a span. (Counting every overlapped span instead — recall = share of A overlapped, precision =
 * share of B overlapped — is the other convention in use; it gives 1.0 for the split case.)
 */
export function overlapMatches(a: readonly LabeledPlace[], b: readonly LabeledPlace[]): MatchCounts {
  const uniqueA = unique(a);
  const uniqueB = unique(b);
  const groupsB = byLabel(uniqueB);
  let matched = 0;
  for (const [label, placesA] of byLabel(uniqueA)) matched += maximumMatching(placesA, groupsB.get(label) ?? []);
  return { a: uniqueA.length, b: uniqueB.length, matched };
}

function unique(places: readonly LabeledPlace[]): LabeledPlace[] {
  return [...new Map(places.map((p) => [placeKey(p), p])).values()];
}

/**
 * The size of a maximum matching of the bipartite graph "overlaps" (augmenting paths found breadth-first,
 * Kuhn's method: O(|A|·edges), small for the places of one label in one article).
 */
function maximumMatching(a: readonly LabeledPlace[], b: readonly LabeledPlace[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const neighbours = a.map((place) => b.flatMap((other, j) => (placesOverlap(place, other) ? [j] : [])));
  const partnerOfB = new Array<number>(b.length).fill(-1);
  const partnerOfA = new Array<number>(a.length).fill(-1);
  let size = 0;
  for (let start = 0; start < a.length; start++) {
    if (neighbours[start].length === 0) continue;
    // Breadth-first search for an augmenting path from `start`: `cameFrom[j]` is the A vertex that reached B vertex j.
    const cameFrom = new Array<number>(b.length).fill(-1);
    const queue = [start];
    let freeB = -1;
    for (let head = 0; head < queue.length && freeB < 0; head++) {
      for (const j of neighbours[queue[head]]) {
        if (cameFrom[j] >= 0) continue;
        cameFrom[j] = queue[head];
        if (partnerOfB[j] < 0) {
          freeB = j;
          break;
        }
        queue.push(partnerOfB[j]);
      }
    }
    if (freeB < 0) continue;
    // Flip the path: each B vertex on it takes the A vertex that reached it.
    for (let j = freeB; j >= 0; ) {
      const i = cameFrom[j];
      const previous = partnerOfA[i]; // -1 for `start`, which was free
      partnerOfB[j] = i;
      partnerOfA[i] = j;
      j = previous;
    }
    size++;
  }
  return size;
}

