/**
 * The data model of human annotations, after the W3C Web Annotation model (target + selectors + body),
 * held in the form the editor works in: offsets are UTF-16 code units, like every offset of the core.
 * `w3c.ts` writes it as JSON-LD (code-point offsets, as TextPositionSelector requires) and reads it back.
 *
 * Every place an annotation points at is a list of {@link AnchoredSpan}s: one span, or the fragments of a
 * discontinuous selection (brat's `T1 Source 0 5;7 9`). Each span carries its quote (exact text, 32
 * characters of context each side) so that it can be found again after the text changed outside the
 * editor (`reanchor.ts`).
 */

/** A span of an article with the quote that re-anchors it. `start`/`end` are UTF-16 offsets, end exclusive. */
export interface AnchoredSpan {
  readonly start: number;
  readonly end: number;
  /** The text of the span when it was last placed. */
  readonly exact: string;
  /** Up to {@link CONTEXT_LENGTH} characters before the span (fewer at the start of the text). */
  readonly prefix: string;
  /** Up to {@link CONTEXT_LENGTH} characters after the span (fewer at the end of the text). */
  readonly suffix: string;
}

/** How many characters of context a quote keeps on each side (as the Hypothesis client does). */
export const CONTEXT_LENGTH = 32;

/** A mention an annotation refers to: in the same article, or in `article` (a workspace-relative path). */
export interface MentionRef {
  readonly spans: readonly AnchoredSpan[];
  /** Workspace-relative path of another article; absent for the annotated article itself. */
  readonly article?: string;
}

/** A label the person gave a span: an entity label (`person`, …) or a user label (`claim`, …). */
export interface LabelBody {
  readonly kind: 'label';
  readonly label: string;
}

/** A machine entity the person accepted, with the label it had: confirmed, as a label is. */
export interface ConfirmBody {
  readonly kind: 'confirm';
  readonly label: string;
}

/** *Not an entity*: at this occurrence, or at every occurrence of the same string in the article. */
export interface RejectBody {
  readonly kind: 'reject';
  readonly extent: 'occurrence' | 'everywhere';
}

/** The target mention is the same actor as `other` (*Same person as…*). */
export interface SameAsBody {
  readonly kind: 'sameAs';
  readonly other: MentionRef;
}

/** The target mention is not the same actor as `other` (*Not the same person*). */
export interface DifferentFromBody {
  readonly kind: 'differentFrom';
  readonly other: MentionRef;
}

/** The actor the target mention names, by its canonical name and optionally an external id. */
export interface IdentityBody {
  readonly kind: 'identity';
  readonly canonicalName: string;
  /** A Wikidata QID (`Q211049`) or an absolute IRI. */
  readonly externalId?: string;
}

/** Extra detail kept from an imported brat event so that exporting it writes the same spans again. */
export interface BratEventDetail {
  /** The event type when it is not the one we would write (`Attribution`, `Attribution-no-source` without a source). */
  readonly eventType?: string;
  /** The event's trigger when it is not the cue span. */
  readonly trigger?: MentionRef;
  /** Further arguments by role, e.g. PolNeAR's `Content2`. */
  readonly arguments?: readonly { readonly role: string; readonly ref: MentionRef }[];
  /** The event had no Content argument: the annotation's target is the event's trigger. */
  readonly noContent?: true;
}

/** Who said the target quotation (PolNeAR: Source), with the speech cue (Cue) when known. */
export interface SpeakerBody {
  readonly kind: 'speaker';
  readonly speaker?: MentionRef;
  readonly cue?: MentionRef;
  /** Only on annotations imported from brat. */
  readonly brat?: BratEventDetail;
}

/** The target is not a quotation, or a scare quote (a quoted term with no speaker). */
export interface QuoteKindBody {
  readonly kind: 'quoteKind';
  readonly quoteKind: 'not-a-quote' | 'scare';
}

/**
 * How a store file wrote a creator that Article Lens would write otherwise (its own form is `{ "type":
 * "Person", "name": … }`), kept so that saving the file writes it as it was: an object of another type
 * (`Software`, `Organization`), or of none (`type` absent), or a plain string (an IRI, say).
 */
export type CreatorForm = { readonly type?: string | readonly string[] } | 'string';

/** One reply in a note's thread. */
export interface NoteReply {
  readonly id: string;
  readonly creator?: string;
  /** Only when the store file wrote the creator in another form than Article Lens's. */
  readonly creatorForm?: CreatorForm;
  readonly created: string;
  readonly modified: string;
  readonly text: string;
  /** The text's media type when the store file gave one other than `text/plain` (`text/markdown`). */
  readonly format?: string;
}

/** A free-text note on a span: a thread that can be replied to, edited and resolved. */
export interface NoteBody {
  readonly kind: 'note';
  readonly text: string;
  readonly resolved: boolean;
  readonly replies: readonly NoteReply[];
}

/** What an annotation says about its target. */
export type AnnotationBody =
  | LabelBody
  | ConfirmBody
  | RejectBody
  | SameAsBody
  | DifferentFromBody
  | IdentityBody
  | SpeakerBody
  | QuoteKindBody
  | NoteBody;

/** Kinds of body, the discriminant of {@link AnnotationBody}. */
export type AnnotationKind = AnnotationBody['kind'];

/**
 * `anchored`: every span sits where its text is. `orphaned`: some span could not be placed (its text was
 * deleted, or could be in more than one place); the annotation is kept with its last spans and quotes,
 * shown to the person, and removed only by them.
 */
export type AnchorStatus = 'anchored' | 'orphaned';

/** One human annotation. */
export interface Annotation {
  /** Unique in the workspace, e.g. `urn:uuid:…`. */
  readonly id: string;
  /** The person's name (the author setting, or the OS user name). */
  readonly creator?: string;
  /** Only when the store file wrote the creator in another form than Article Lens's (a `Software` agent). */
  readonly creatorForm?: CreatorForm;
  /**
   * The media type (`format`) of body parts, by purpose (`commenting`: a note's text), where the store
   * file gave one other than Article Lens writes (`text/plain` for a note, none for the others).
   */
  readonly formats?: Readonly<Record<string, string>>;
  /** ISO 8601 times. */
  readonly created: string;
  readonly modified: string;
  /** The annotated place: one span, or the fragments of a discontinuous one in the order given. */
  readonly target: readonly AnchoredSpan[];
  readonly body: AnnotationBody;
  readonly status: AnchorStatus;
}

/** How far the person has got reviewing an article (issue 13), stored with its annotations. */
export type ReviewState = 'unreviewed' | 'in-progress' | 'reviewed';

/** The review states, in order. */
export const REVIEW_STATES: readonly ReviewState[] = ['unreviewed', 'in-progress', 'reviewed'];

/**
 * What a store file holds about itself that Article Lens would write otherwise, kept so that saving the
 * file changes none of what another tool (or a person) wrote there.
 */
export interface StoreExtras {
  /** The file's `@context` (JSON as read) when it is not the one Article Lens writes: another tool's terms. */
  readonly context?: unknown;
  /** The collection's `label` when it is not Article Lens's own (`Annotations of <article path>`). */
  readonly label?: string;
}

/** Everything stored for one article. */
export interface ArticleAnnotations {
  readonly reviewState: ReviewState;
  readonly annotations: readonly Annotation[];
  /** Only when its store file holds such things. */
  readonly store?: StoreExtras;
}

/** An article with no annotation, not reviewed. */
export const EMPTY_ARTICLE_ANNOTATIONS: ArticleAnnotations = Object.freeze({ reviewState: 'unreviewed', annotations: Object.freeze([]) }) as ArticleAnnotations;

/** The mentions a body refers to, in a fixed order (the order {@link withLocalSpans} reads them back in). */
function bodyRefs(body: AnnotationBody): MentionRef[] {
  switch (body.kind) {
    case 'sameAs':
    case 'differentFrom':
      return [body.other];
    case 'speaker': {
      const refs: MentionRef[] = [];
      if (body.speaker) refs.push(body.speaker);
      if (body.cue) refs.push(body.cue);
      if (body.brat?.trigger) refs.push(body.brat.trigger);
      for (const argument of body.brat?.arguments ?? []) refs.push(argument.ref);
      return refs;
    }
    default:
      return [];
  }
}

/**
 * Every span of the annotated article an annotation holds: its target, then the mentions its body refers
 * to in the same article. Spans in other articles are not included: they move with that article.
 */
export function localSpans(annotation: Annotation): AnchoredSpan[] {
  const spans = [...annotation.target];
  for (const ref of bodyRefs(annotation.body)) if (ref.article === undefined) spans.push(...ref.spans);
  return spans;
}

/**
 * The annotation with its local spans replaced, in the order {@link localSpans} gives them, and the given
 * status. Returns the same object when nothing changed.
 */
export function withLocalSpans(annotation: Annotation, spans: readonly AnchoredSpan[], status: AnchorStatus): Annotation {
  const old = localSpans(annotation);
  if (old.length !== spans.length) throw new Error(`annotation ${annotation.id}: ${spans.length} spans given for ${old.length}`);
  if (status === annotation.status && old.every((span, i) => span === spans[i])) return annotation;
  let next = 0;
  const take = (count: number): AnchoredSpan[] => spans.slice(next, (next += count));
  const mapRef = (ref: MentionRef): MentionRef => (ref.article === undefined ? { ...ref, spans: take(ref.spans.length) } : ref);
  const target = take(annotation.target.length);
  const body = annotation.body;
  let newBody: AnnotationBody = body;
  if (body.kind === 'sameAs' || body.kind === 'differentFrom') {
    newBody = { ...body, other: mapRef(body.other) };
  } else if (body.kind === 'speaker') {
    const speaker = body.speaker && mapRef(body.speaker);
    const cue = body.cue && mapRef(body.cue);
    let brat = body.brat;
    if (brat) {
      const trigger = brat.trigger && mapRef(brat.trigger);
      const args = brat.arguments?.map((argument) => ({ role: argument.role, ref: mapRef(argument.ref) }));
      brat = { ...brat, ...(trigger ? { trigger } : {}), ...(args ? { arguments: args } : {}) };
    }
    newBody = { ...body, ...(speaker ? { speaker } : {}), ...(cue ? { cue } : {}), ...(brat ? { brat } : {}) };
  }
  return { ...annotation, target, body: newBody, status };
}

/** The text of a place: its spans' quotes joined by a space (as brat writes a discontinuous span). */
export function placeText(spans: readonly AnchoredSpan[]): string {
  return spans.map((span) => span.exact).join(' ');
}

/** From the first fragment's start to the last one's end (an empty list: the start of the text). */
export function extentOf(spans: readonly AnchoredSpan[]): { readonly start: number; readonly end: number } {
  if (spans.length === 0) return { start: 0, end: 0 };
  let start = spans[0].start;
  let end = spans[0].end;
  for (const span of spans) {
    start = Math.min(start, span.start);
    end = Math.max(end, span.end);
  }
  return { start, end };
}

/** True for the bodies that say what entity a span is: labels and confirmations. */
export function isLabelling(body: AnnotationBody): body is LabelBody | ConfirmBody {
  return body.kind === 'label' || body.kind === 'confirm';
}
