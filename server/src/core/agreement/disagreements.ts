import type { OffsetRange } from '../types';
import { placeKey, placesOverlap, type LabeledPlace } from './spanSets';

/** A place's label and fragments, the fragments counted from `origin`. */
function relativeKey(place: LabeledPlace, origin: number): string {
  return placeKey({ label: place.label, fragments: place.fragments.map((f) => ({ start: f.start - origin, end: f.end - origin })) });
}

/**
 * Where two annotators of one article disagree, for curation (*Compare with Annotations in…*): the
 * places that are not exactly the same on both sides, grouped where they overlap, so that `Sergei
 * Lavrov` (person) on one side and `Lavrov` (person) plus `Sergei` (misc) on the other is one
 * disagreement to settle, not three.
 */

/** One disagreement: the places of each side in an overlapping group (either side may have none). */
export interface Disagreement extends OffsetRange {
  /**
   * The same for the same places on both sides, counted from the disagreement's start (and, of
   * disagreements alike, which one in text order): a settled disagreement is recognised when it comes
   * back, also after text was typed above it. With absolute offsets, typing one character at the top of
   * the article brought back every disagreement *Keep mine* had settled.
   */
  readonly id: string;
  readonly mine: readonly LabeledPlace[];
  readonly theirs: readonly LabeledPlace[];
}

/** The disagreements between two annotators' places, in text order. */
export function findDisagreements(mine: readonly LabeledPlace[], theirs: readonly LabeledPlace[]): Disagreement[] {
  const theirKeys = new Set(theirs.map(placeKey));
  const myKeys = new Set(mine.map(placeKey));
  const open = [...mine.filter((p) => !theirKeys.has(placeKey(p))).map((place) => ({ place, mine: true })), ...theirs.filter((p) => !myKeys.has(placeKey(p))).map((place) => ({ place, mine: false }))];
  // Groups of places connected by overlaps (a union-find over the few places left).
  const parent = open.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < open.length; i++) for (let j = i + 1; j < open.length; j++) if (placesOverlap(open[i].place, open[j].place)) parent[find(i)] = find(j);
  const groups = new Map<number, typeof open>();
  open.forEach((entry, i) => {
    const root = find(i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(entry);
  });
  const result: Disagreement[] = [];
  for (const group of groups.values()) {
    const fragments = group.flatMap((entry) => entry.place.fragments);
    const start = Math.min(...fragments.map((f) => f.start));
    const end = Math.max(...fragments.map((f) => f.end));
    const side = (isMine: boolean) => group.filter((entry) => entry.mine === isMine).map((entry) => entry.place).sort(byPlace);
    const mineSide = side(true);
    const theirSide = side(false);
    const shape = `${mineSide.map((p) => relativeKey(p, start)).join('|')}\u0001${theirSide.map((p) => relativeKey(p, start)).join('|')}`;
    result.push({ start, end, id: shape, mine: mineSide, theirs: theirSide });
  }
  result.sort((a, b) => a.start - b.start || a.end - b.end);
  const seen = new Map<string, number>();
  return result.map((d) => {
    const nth = seen.get(d.id) ?? 0;
    seen.set(d.id, nth + 1);
    return { ...d, id: `${d.id}\u0002${nth}` };
  });
}

function byPlace(a: LabeledPlace, b: LabeledPlace): number {
  return a.fragments[0].start - b.fragments[0].start || a.fragments[0].end - b.fragments[0].end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}
