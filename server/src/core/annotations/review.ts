import type { AnnotationInput } from '../annotationInput';
import { overlaps } from '../search';
import type { EntityMention, EntityType, OffsetRange } from '../types';
import { wholeWordOccurrences } from './wholeWords';

/**
 * How far a person has got reviewing an article's entities (issue 13): what they confirmed (labelled
 * or accepted), what the machine still suggests, what they rejected; and which suggestions *Accept All*
 * takes. Dates and figures are not reviewed.
 */

/** The entity types a person reviews: what the recogniser suggests and what people label. */
const REVIEWED: ReadonlySet<EntityType> = new Set<EntityType>(['person', 'organization', 'location', 'misc', 'custom']);

/** True for an entity a person reviews (not a date or a figure). */
export function isReviewed(entity: EntityMention): boolean {
  return REVIEWED.has(entity.type);
}

/** Counts of one article's review. */
export interface ReviewCounts {
  /** Entities a person labelled or accepted. */
  readonly confirmed: number;
  /** Machine suggestions shown that nobody reviewed yet. */
  readonly suggested: number;
  /** Machine suggestions a person rejected (each occurrence a rejection removed). */
  readonly rejected: number;
}

/**
 * The review counts of an analysis: `entities` are what is shown (people's input applied), `input` the
 * person's decisions the analysis applied. A rejection counts the places it rules out (its span, or each
 * occurrence of a text rejected everywhere) where nothing is shown: a place a person labelled afterwards
 * is confirmed, not also rejected. Counted from the decisions, not from what the machine still suggests:
 * once the tagger learned a rejection it suggests nothing there, and the count fell to 0.
 */
export function reviewCounts(analysis: { readonly text: string; readonly entities: readonly EntityMention[] }, input: AnnotationInput): ReviewCounts {
  let confirmed = 0;
  let suggested = 0;
  const shown: EntityMention[] = [];
  for (const entity of analysis.entities) {
    if (!isReviewed(entity)) continue;
    shown.push(entity);
    if (entity.confirmed) confirmed++;
    else suggested++;
  }
  const places = new Map<string, OffsetRange>();
  for (const range of input.rejected) places.set(`${range.start}:${range.end}`, range);
  for (const text of new Set(input.rejectedTexts)) {
    for (const start of wholeWordOccurrences(analysis.text, text)) places.set(`${start}:${start + text.length}`, { start, end: start + text.length });
  }
  let rejected = 0;
  for (const place of places.values()) if (!shown.some((e) => overlaps(e, place))) rejected++;
  return { confirmed, suggested, rejected };
}

/** The suggestions *Accept All* confirms: shown, not reviewed yet, inside `within` (the whole article when absent). */
export function acceptableSuggestions(entities: readonly EntityMention[], within?: OffsetRange): EntityMention[] {
  return entities.filter((e) => isReviewed(e) && !e.confirmed && (!within || (e.start >= within.start && e.end <= within.end)));
}
