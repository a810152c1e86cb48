import type { ActorMentionKind } from '../actors';
import type { AnnotationKind, ReviewState } from '../annotations/model';
import type { EntityType, OffsetRange } from '../types';
import type { ProblemCounts } from './articleFacts';

/**
 * The rows the workspace views show and the actor map draws, as the server sends them (protocol.ts
 * re-exports them): counts and names, and places in articles as character offsets (`ArticleTarget`).
 */

/** A place in an article, by character offsets into the text the index was built from. */
export interface ArticleTarget extends OffsetRange {
  readonly uri: string;
}

/** Which rows of a list to return. */
export interface PageRequest {
  readonly offset?: number;
  readonly limit?: number;
}

/** Some rows of a longer list: `total` rows match in all, `items` start at `offset`. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly offset: number;
}

/** One actor of the workspace: the same person, organisation or place across articles. */
export interface ActorRow {
  /** Stable while the actor's articles exist; the key the other requests take. */
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  /** Mentions in all articles (names, descriptions, pronouns of attributions). */
  readonly mentions: number;
  readonly articles: number;
  readonly quotes: number;
  /** The roles articles give the actor, most frequent first (at most three). */
  readonly roles: readonly string[];
}

/** An actor in one article. */
export interface ActorArticleRow {
  readonly uri: string;
  readonly title: string;
  readonly mentions: number;
  readonly quotes: number;
  readonly roles: readonly string[];
  /** Where the article introduces the actor. */
  readonly introduction: ArticleTarget;
}

/** One mention of an actor in an article. */
export interface MentionTarget extends ArticleTarget {
  readonly kind: ActorMentionKind;
}

/** A speaker of the Quotes view: an actor, or the group of quotes without one. */
export interface SpeakerRow {
  readonly id: string;
  readonly name: string;
  readonly type?: EntityType;
  /** Quotes that match the filter. */
  readonly quotes: number;
}

/** One quote. */
export interface QuoteRow extends ArticleTarget {
  readonly title: string;
  /** The quoted words, shortened. */
  readonly text: string;
  readonly speaker?: string;
  /**
   * The mark of a speaker the rankers are unsure of, as the server writes it (`uncertain, 57 %`: `quoteSpeakers.ts`),
   * so that the client's views render it rather than format a confidence of their own.
   */
  readonly uncertainty?: string;
}

/** One article of the Articles view. */
export interface ArticleRow {
  readonly uri: string;
  readonly title: string;
  readonly actors: number;
  readonly quotes: number;
  readonly date?: string;
  /** Diagnostics as the Problems panel would count them with the current severities. */
  readonly problems: ProblemCounts;
  /** The article's review state, from its annotation store (`unreviewed` when it has none). */
  readonly reviewState?: ReviewState;
}

/**
 * A group of the Annotations view: one label (the labels and accepted entities that say it), one kind of
 * correction (not an entity, same actor, speaker, …), or the notes.
 */
export interface AnnotationGroupRow {
  /** `label:person`, `kind:reject`, `kind:note`: the key the annotations request takes. */
  readonly id: string;
  /** `Person`, `claim`, `Not an entity`, `Notes`. */
  readonly name: string;
  readonly kind: 'label' | 'correction' | 'note';
  readonly annotations: number;
  readonly orphaned: number;
  /** Annotations in articles not reviewed yet (unreviewed or in progress). */
  readonly unreviewed: number;
  readonly articles: number;
}

/** An article of the Annotations view, with its review state and counts. */
export interface AnnotatedArticleRow {
  readonly uri: string;
  readonly title: string;
  readonly reviewState: ReviewState;
  readonly annotations: number;
  readonly orphaned: number;
}

/** One annotation; its target is the annotated text (an orphan's: where that text last was). */
export interface AnnotationRow extends ArticleTarget {
  readonly id: string;
  readonly title: string;
  /** The group it is listed under (`AnnotationGroupRow.id`). */
  readonly group: string;
  readonly kind: AnnotationKind;
  readonly label?: string;
  /** The annotated text, shortened. */
  readonly text: string;
  /** What it says (`label Person`, `note “check the date”`). */
  readonly description: string;
  /** Its text could not be found in the article: it is kept, at its last place, until someone removes it. */
  readonly orphaned: boolean;
  readonly reviewState: ReviewState;
}

/** Which annotations the Annotations view lists. */
export interface AnnotationFilter extends PageRequest {
  /** Only orphaned annotations (and the groups and articles that have some). */
  readonly orphanedOnly?: boolean;
}

/** The annotations of one group or one article (or both), filtered. */
export interface AnnotationListRequest extends AnnotationFilter {
  /** An `AnnotationGroupRow.id`. */
  readonly group?: string;
  readonly uri?: string;
}

/** An actor on the map, with the dates of the articles it appears in. */
export interface MapNode extends ActorRow {
  /** Earliest and latest date (`YYYY-MM-DD`) of its dated articles. */
  readonly firstDate?: string;
  readonly lastDate?: string;
}

/**
 * A line of the map: `together` joins actors of the same articles (weight: how many), `quotes`
 * goes from a speaker to an actor named inside their quotes (weight: how many quotes).
 */
export interface MapEdge {
  readonly source: string;
  readonly target: string;
  readonly kind: 'together' | 'quotes';
  readonly weight: number;
}

/** The actor map: the most mentioned actors and the lines between them. */
export interface ActorMap {
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
  /** Actors that matched in all (the map shows the `nodes.length` most mentioned). */
  readonly totalActors: number;
  /** The index revision the map was computed from. */
  readonly revision: number;
}

export interface ActorFilter extends PageRequest {
  /** Only these types (all when absent or empty). */
  readonly types?: readonly EntityType[];
  /** Only actors whose name contains these words (case and accents ignored). */
  readonly query?: string;
}

export interface QuoteFilter extends PageRequest {
  /** Only quotes containing these words. */
  readonly text?: string;
  /** Only speakers whose name contains these words. */
  readonly speaker?: string;
}

export interface ActorMapRequest {
  readonly maxNodes?: number;
  readonly types?: readonly EntityType[];
}

const DEFAULT_PAGE = 200;
const MAX_PAGE = 1000;

/**
 * Rows `offset … offset + limit` of a list (the limit kept between 1 and 1,000, default 200). An offset
 * or limit that is not a number counts as not given (it made an empty page at offset null).
 */
export function pageOf<T>(rows: readonly T[], request: PageRequest): Page<T> {
  const limit = Math.min(Math.max(1, Math.floor(finiteOr(request.limit, DEFAULT_PAGE))), MAX_PAGE);
  const offset = Math.min(Math.max(0, Math.floor(finiteOr(request.offset, 0))), rows.length);
  return { items: rows.slice(offset, offset + limit), total: rows.length, offset };
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Code-unit order: locale comparison was a cost at 10,000 articles, and the order only has to be stable. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
