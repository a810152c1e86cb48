import type { AnnotationDigest } from './annotations/digest';
import { foldApostrophes } from './apostrophes';
import { overlaps } from './search';
import type { OffsetRange, Attribution, EntityMention, EntityType, Quote } from './types';

/**
 * What people decided about an article, as an input of its analysis: entity labels, accepted and
 * rejected machine entities, same- and different-actor constraints, actor names, quote speakers and
 * quote kinds. The annotation layer (its store, anchoring and commands) builds one per article; the
 * analysis pipeline applies it once, in `analysis.ts`, right after the stage each part corrects, so
 * that semantic tokens, hovers, actors, the outline, navigation, the workspace index and the CLI all
 * follow without special cases. Offsets are the document's (UTF-16), for the version being analysed.
 *
 * The data folder ships a tier of the same mechanism: `annotations/shipped-labels.tsv` retypes every
 * machine entity with a given text (`Kremlin` → organisation), layered under the person's input.
 */
export interface AnnotationInput {
  /**
   * Changes whenever anything below changes (the annotation layer counts its edits): part of every
   * cache key of the analysis, so a new label is never hidden by a cached result.
   */
  readonly revision: number;
  /** Spans a person labelled. A label wins over every machine entity it overlaps. */
  readonly labels: readonly LabelledSpan[];
  /** Machine entities a person accepted, by their exact range: shown as confirmed. */
  readonly confirmed: readonly OffsetRange[];
  /** Machine entities a person rejected, by their exact range (*not an entity*: this occurrence). */
  readonly rejected: readonly OffsetRange[];
  /** Texts of which no occurrence is an entity (*not an entity*: every occurrence in the article). */
  readonly rejectedTexts: readonly string[];
  /** Machine entities with exactly this text (typographic apostrophes folded) take this label. */
  readonly textLabels: ReadonlyMap<string, string>;
  /** Two mentions (by a range inside each) that name the same actor. */
  readonly sameActor: readonly MentionPair[];
  /** Two mentions that name different actors: the second leaves the first's actor. */
  readonly differentActor: readonly MentionPair[];
  /** A canonical name and/or an external id (e.g. a Wikidata QID) for the actor of a mention. */
  readonly actorNames: readonly ActorNaming[];
  /** Who said a quote (by a range inside the quote): a mention range, or none at all. */
  readonly speakers: readonly SpeakerAssignment[];
  /** What a quotation really is: reported speech, a scare quote, or no quote at all. */
  readonly quoteKinds: readonly QuoteKindCorrection[];
  /**
   * Not read by the analysis: every annotation of the article (orphans and notes too) and its review
   * state, as the workspace index keeps them for the Annotations view. It rides with the input so that
   * an open article and a closed one's store file reach the index by the same path.
   */
  readonly digest?: AnnotationDigest;
}

/** A labelled span; `label` is `person`, `organization`, `location`, `misc` or a label the user declared. */
export interface LabelledSpan extends OffsetRange {
  readonly label: string;
}

export interface MentionPair {
  readonly first: OffsetRange;
  readonly second: OffsetRange;
}

export interface ActorNaming {
  readonly mention: OffsetRange;
  readonly name?: string;
  readonly externalId?: string;
}

export interface SpeakerAssignment {
  readonly quote: OffsetRange;
  /** The speaker's mention; undefined means the quote has no speaker. */
  readonly speaker?: OffsetRange;
}

export interface QuoteKindCorrection {
  readonly quote: OffsetRange;
  readonly kind: 'direct' | 'scare' | 'none';
}

/** No human input: what an article without annotations is analysed with. */
export const NO_ANNOTATIONS: AnnotationInput = Object.freeze({
  revision: 0,
  labels: [],
  confirmed: [],
  rejected: [],
  rejectedTexts: [],
  textLabels: new Map(),
  sameActor: [],
  differentActor: [],
  actorNames: [],
  speakers: [],
  quoteKinds: [],
});

/** An annotation input with the given parts, every other part empty. */
export function annotationInput(parts: Partial<AnnotationInput> & { readonly revision: number }): AnnotationInput {
  return Object.freeze({ ...NO_ANNOTATIONS, ...parts });
}

/** The entity types a label names; any other label is a `custom` span carrying its label. */
const LABEL_TYPES: ReadonlyMap<string, EntityType> = new Map<string, EntityType>([
  ['person', 'person'],
  ['organization', 'organization'],
  ['location', 'location'],
  ['misc', 'misc'],
]);

/** The entity type of a label (`organization` → organization; `claim` → custom). */
export function entityTypeOfLabel(label: string): EntityType {
  return LABEL_TYPES.get(label) ?? 'custom';
}

/**
 * Applies the entity part of the input to the recogniser's mentions (sorted, non-overlapping): text
 * labels (the shipped tier first, the person's over it), rejections, confirmations, and the
 * person's labels, which replace every machine mention they overlap. With `within`, only the labels
 * inside that range are added: callers that recognise part of a document (a paragraph being typed
 * in, the visible lines of a large file) pass the part. The result is sorted and non-overlapping.
 */
export function applyEntityInput(text: string, machine: readonly EntityMention[], input: AnnotationInput, shippedLabels: ReadonlyMap<string, string>, within?: OffsetRange): EntityMention[] {
  const hasTextLabels = shippedLabels.size > 0 || input.textLabels.size > 0;
  if (!hasTextLabels && input.revision === 0) return machine as EntityMention[];
  const rejected = new Set(input.rejected.map(rangeKey));
  const rejectedTexts = new Set(input.rejectedTexts);
  const confirmed = new Set(input.confirmed.map(rangeKey));
  const labels = input.labels
    .filter((l) => l.start < l.end && l.end <= text.length && (!within || (l.start >= within.start && l.end <= within.end)))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const result: EntityMention[] = [];
  let next = 0;
  let lastLabelEnd = -1;
  const addLabelsBefore = (offset: number) => {
    for (; next < labels.length && labels[next].start < offset; next++) {
      const label = labels[next];
      // Two labels that overlap: the first (then the longer) wins; the annotation layer warns of it.
      if (label.start < lastLabelEnd) continue;
      const type = entityTypeOfLabel(label.label);
      result.push({ start: label.start, end: label.end, type, text: text.slice(label.start, label.end), confirmed: true, ...(type === 'custom' ? { label: label.label } : {}) });
      lastLabelEnd = label.end;
    }
  };
  for (const mention of machine) {
    addLabelsBefore(mention.end);
    // Every label starting before the mention ends is placed by now: one that reaches into it wins.
    if (mention.start < lastLabelEnd) continue;
    // Most articles have no rejected or confirmed ranges: no key string per mention then.
    const key = rejected.size > 0 || confirmed.size > 0 ? rangeKey(mention) : '';
    if (rejected.has(key) || rejectedTexts.has(mention.text)) continue;
    let out = mention;
    if (hasTextLabels) {
      const folded = foldApostrophes(mention.text);
      const label = input.textLabels.get(folded) ?? shippedLabels.get(folded);
      if (label !== undefined) {
        const type = entityTypeOfLabel(label);
        // A machine mention retyped (the shipped `Kremlin` → organisation) is written out as the recogniser writes
        // its own: a spread copy was a hidden class of its own, met by every later reader of the entities.
        out = type !== 'custom' && out.confirmed === undefined && out.label === undefined ? { start: out.start, end: out.end, type, text: out.text } : { ...out, type, ...(type === 'custom' ? { label } : {}) };
      }
    }
    if (confirmed.has(key)) out = { ...out, confirmed: true };
    result.push(out);
  }
  addLabelsBefore(Number.POSITIVE_INFINITY);
  return result;
}

/**
 * Applies the quote part of the input: a quote a person called *not a quote* leaves the list, a kind
 * correction changes its kind (a scare quote has no speaker), and an assigned speaker replaces the
 * one the attribution rules found (`resolved` is left out: the person named the mention itself).
 */
export function applyQuoteInput(text: string, quotes: readonly Quote[], input: AnnotationInput, entities: readonly EntityMention[]): Quote[] {
  if (input.quoteKinds.length === 0 && input.speakers.length === 0) return quotes as Quote[];
  const result: Quote[] = [];
  for (const quote of quotes) {
    const kind = input.quoteKinds.find((k) => overlaps(k.quote, quote));
    if (kind?.kind === 'none') continue;
    let out: Quote = quote;
    if (kind) out = kind.kind === 'scare' ? withoutAttribution({ ...quote, kind: 'scare' }) : { ...quote, kind: 'direct' };
    const assigned = input.speakers.find((s) => overlaps(s.quote, quote));
    if (assigned && out.kind === 'direct') {
      if (!assigned.speaker) {
        out = withoutAttribution(out);
      } else if (assigned.speaker.end <= text.length && assigned.speaker.start < assigned.speaker.end) {
        const speaker = assigned.speaker;
        const { start, end } = speaker;
        const entity = entities.find((e) => overlaps(e, speaker));
        const sourceKind: Attribution['sourceKind'] = entity?.type === 'organization' ? 'organization' : 'person';
        out = { ...out, attribution: { mention: { start, end, text: text.slice(start, end) }, sourceKind, assigned: true } };
      }
    }
    result.push(out);
  }
  return result;
}

function withoutAttribution(quote: Quote): Quote {
  const { attribution: _dropped, ...rest } = quote;
  return rest;
}

/** True when the input corrects actors: grouping then takes its constraints into account. */
export function hasActorInput(input: AnnotationInput): boolean {
  return input.sameActor.length > 0 || input.differentActor.length > 0 || input.actorNames.length > 0;
}

/** Parses the shipped tier: `text<TAB>label` lines (`Kremlin<TAB>organization`). */
export function parseShippedLabels(lines: readonly string[]): ReadonlyMap<string, string> {
  const labels = new Map<string, string>();
  for (const line of lines) {
    const [mention, label] = line.split('\t');
    if (mention?.trim() && label?.trim()) labels.set(foldApostrophes(mention.trim()), label.trim());
  }
  return labels;
}

function rangeKey(range: OffsetRange): string {
  return `${range.start}:${range.end}`;
}
