import type { AnnotationInput } from '../annotationInput';
import type { EntityMention, EntityType, OffsetRange } from '../types';

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
 * The review counts of an analysis: `entities` are what is shown (people's input applied), `recognized`
 * what the machine suggested, `input` the person's decisions the analysis applied.
 */
export function reviewCounts(analysis: { readonly recognized: readonly EntityMention[]; readonly entities: readonly EntityMention[] }, input: AnnotationInput): ReviewCounts {
  let confirmed = 0;
  let suggested = 0;
  for (const entity of analysis.entities) {
    if (!isReviewed(entity)) continue;
    if (entity.confirmed) confirmed++;
    else suggested++;
  }
  const rejectedRanges = new Set(input.rejected.map((r) => `${r.start}:${r.end}`));
  const rejectedTexts = new Set(input.rejectedTexts);
  let rejected = 0;
  for (const entity of analysis.recognized) {
    if (isReviewed(entity) && (rejectedRanges.has(`${entity.start}:${entity.end}`) || rejectedTexts.has(entity.text))) rejected++;
  }
  return { confirmed, suggested, rejected };
}

/** The suggestions *Accept All* confirms: shown, not reviewed yet, inside `within` (the whole article when absent). */
export function acceptableSuggestions(entities: readonly EntityMention[], within?: OffsetRange): EntityMention[] {
  return entities.filter((e) => isReviewed(e) && !e.confirmed && (!within || (e.start >= within.start && e.end <= within.end)));
}
