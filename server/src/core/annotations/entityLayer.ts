import { isEntityLabel } from './labels';
import type { Annotation } from './model';
import { overlaps } from '../search';
import type { OffsetRange } from '../types';

/**
 * The entities an article has once the person's annotations are applied to the machine's suggestions:
 * the person always wins. Used by every export, and meant for the analysis (the label wins over the
 * tagger everywhere).
 */

/** An entity the tagger proposes (UTF-16 offsets; `label` in our vocabulary: `person`, …). */
export interface EntitySuggestion extends OffsetRange {
  readonly label: string;
}

/** An entity with where it comes from. */
export interface LabeledSpan extends OffsetRange {
  readonly label: string;
  /** `human`: labelled by a person; `confirmed`: a suggestion the person accepted; `suggested`: the machine's alone. */
  readonly origin: 'human' | 'confirmed' | 'suggested';
  readonly annotationId?: string;
  /** When the person last decided it (ISO 8601), for the person's labels and acceptances. */
  readonly modified?: string;
}

/**
 * Human labels and confirmations (anchored ones; a discontinuous target gives one span per fragment), and
 * the suggestions the person left standing. A suggestion goes when a rejection covers exactly its range
 * (*not an entity*, this occurrence), when a rejection *everywhere* has its text, when it overlaps a
 * human entity label (`person`, `organization`, `location`, `misc`), or when a human label of any kind
 * has exactly its range. A user label over a longer stretch (`claim` over a sentence) leaves the entities
 * inside it alone. Sorted by start, then end, then label (not by annotation ids, which are random).
 */
export function effectiveEntities(text: string, annotations: readonly Annotation[], suggestions: readonly EntitySuggestion[] = []): LabeledSpan[] {
  const human: LabeledSpan[] = [];
  const rejectedRanges = new Set<string>();
  const rejectedTexts = new Set<string>();
  for (const a of annotations) {
    if (a.status !== 'anchored') continue;
    if (a.body.kind === 'label' || a.body.kind === 'confirm') {
      for (const span of a.target) human.push({ start: span.start, end: span.end, label: a.body.label, origin: a.body.kind === 'label' ? 'human' : 'confirmed', annotationId: a.id, modified: a.modified });
    } else if (a.body.kind === 'reject') {
      for (const span of a.target) {
        if (a.body.extent === 'everywhere') rejectedTexts.add(text.slice(span.start, span.end));
        else rejectedRanges.add(`${span.start}:${span.end}`);
      }
    }
  }
  const entityLabels = human.filter((h) => isEntityLabel(h.label)).sort((a, b) => a.start - b.start);
  const sameRange = new Set(human.map((h) => `${h.start}:${h.end}`));
  const kept = suggestions.filter((s) => {
    const key = `${s.start}:${s.end}`;
    if (rejectedRanges.has(key) || sameRange.has(key) || rejectedTexts.has(text.slice(s.start, s.end))) return false;
    return !entityLabels.some((h) => overlaps(h, s));
  });
  return [...human, ...kept.map((s): LabeledSpan => ({ start: s.start, end: s.end, label: s.label, origin: 'suggested' }))].sort(
    (a, b) => a.start - b.start || a.end - b.end || compareText(a.label, b.label),
  );
}

/**
 * The entities with no two overlapping, for formats that cannot nest (BIO tags): the person's before the
 * machine's, entity labels before user labels, then the longer and the earlier first; of two on one span, the
 * later decision (the editor keeps only the later one, `decisions.ts`; two in a store come from imports or
 * hand edits), then the label's name — never the order of random ids. An entity that overlaps one already
 * taken is left out. Sorted by start.
 */
export function withoutOverlaps(spans: readonly LabeledSpan[]): LabeledSpan[] {
  const rank = (s: LabeledSpan): number => (s.origin === 'suggested' ? 2 : 0) + (isEntityLabel(s.label) ? 0 : 1);
  const ordered = [...spans].sort(
    (a, b) => rank(a) - rank(b) || b.end - b.start - (a.end - a.start) || a.start - b.start || compareText(b.modified ?? '', a.modified ?? '') || compareText(a.label, b.label),
  );
  const taken: LabeledSpan[] = [];
  for (const s of ordered) if (!taken.some((t) => overlaps(t, s))) taken.push(s);
  return taken.sort((a, b) => a.start - b.start);
}

/** Code-unit order, the same in every locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
