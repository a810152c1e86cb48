/**
 * Custom protocol messages between the Article Lens client and server, imported by both sides
 * (as vscode-eslint and rust-analyzer's lsp_ext.ts do), so names and payloads cannot drift apart.
 */
import { NotificationType, RequestType, type Location, type Range, type TextDocumentPositionParams } from 'vscode-languageserver-protocol';
import type { ActorArticleRow, ActorMap, ActorRow, AnnotatedArticleRow, AnnotationGroupRow, AnnotationRow, ArticleRow, ArticleTarget, Page, QuoteRow, SpeakerRow } from './core/views/rows';
import type { ReviewState } from './core/annotations/model';

/** The server's state, shown in the client's status bar item. */
export interface ServerStatusParams {
  /** `ready` when idle, `indexing` while the workspace scan runs. */
  readonly state: 'ready' | 'indexing';
  /** Articles in the workspace index. */
  readonly articles: number;
  /** Human-readable detail for the tooltip. */
  readonly message?: string;
}

export const ServerStatusNotification = new NotificationType<ServerStatusParams>('articleLens/status');

/** The language id articles open with. */
export const ARTICLE_LANGUAGE_ID = 'article';

/** Diagnostic source shown in the Problems panel. */
export const DIAGNOSTIC_SOURCE = 'article-lens';

// ---------------------------------------------------------------------------------------------
// Human annotations (issue 12). The five commands other editors call go through
// `workspace/executeCommand` with these exact names and shapes; the requests below serve the VS Code
// client's pickers, comment threads and review navigation.

/** The `workspace/executeCommand` commands of the annotation layer. */
export const ANNOTATION_COMMANDS = {
  add: 'articleLens.annotation.add',
  list: 'articleLens.annotation.list',
  remove: 'articleLens.annotation.remove',
  export: 'articleLens.annotation.export',
  import: 'articleLens.annotation.import',
  /** Edit, resolve, reopen or reply to a note (the Comments API's actions). */
  updateNote: 'articleLens.annotation.updateNote',
  /**
   * `[{ uri }]`: the store files whose article is gone (`{ strays: [{ article, file }] }`); `[{ uri, from }]`:
   * moves the store of the article once at `from` (a path as listed) to `uri`, an article without annotations.
   */
  reattach: 'articleLens.annotation.reattach',
} as const;

/**
 * Client commands that ask the person something first (a quick pick of actors, a name, a note's text),
 * named by the server's code actions only for a client that said it has them
 * (`initializationOptions.annotationPrompts`). Each takes `{ uri, range }` and ends in an `add`.
 */
export const ANNOTATION_PROMPTS = {
  sameAs: 'articleLens.annotate.sameAs',
  identity: 'articleLens.annotate.actorName',
  speaker: 'articleLens.annotate.attributeQuote',
  note: 'articleLens.annotate.addNote',
} as const;

/** A place in an article: a document URI and an LSP range. */
export interface MentionLocation {
  readonly uri: string;
  readonly range: Range;
}

/**
 * `articleLens.annotation.add`: one annotation on `range` (an empty range means the entity, actor mention
 * or quote at that position), saying exactly one of the optional fields.
 */
export interface AnnotationAddParams extends MentionLocation {
  /** `person`, `organization`, `location`, `misc` or a user label. */
  readonly label?: string;
  /** *Accept*: the machine entity at `range` becomes confirmed. */
  readonly accept?: boolean;
  /** *Not an entity*: `true` or `occurrence` for this occurrence, `everywhere` for every occurrence of its text. */
  readonly reject?: boolean | 'occurrence' | 'everywhere';
  /** A note (a comment thread). */
  readonly note?: string;
  /** *Attribute quote to…*: the quote at `range` was said by this mention; `null`: by nobody. */
  readonly speaker?: MentionLocation | null;
  /** *Same person as…*: the mention at `range` names the same actor as this one. */
  readonly sameAs?: MentionLocation;
  /** *Not the same person*: the mention at `range` is not the actor of this one. */
  readonly differentFrom?: MentionLocation;
  /** The actor of the mention at `range` has this canonical name, and optionally an external id (`Q42`). */
  readonly identity?: { readonly name: string; readonly externalId?: string };
  /** *Not a quote* / *Scare quote* for the quote at `range`. */
  readonly quoteKind?: 'not-a-quote' | 'scare';
}

/** One annotation as `articleLens.annotation.list` returns it. */
export interface AnnotationListItem {
  readonly id: string;
  /** Where it is now (an orphan: where its text last was). */
  readonly range: Range;
  /** The annotated text (an orphan: its last text). */
  readonly text: string;
  readonly status: 'anchored' | 'orphaned';
  /** The kind of body: label, confirm, reject, sameAs, differentFrom, identity, speaker, quoteKind, note. */
  readonly kind: string;
  readonly label?: string;
  readonly reject?: 'occurrence' | 'everywhere';
  readonly note?: string;
  /** The quote's speaker; `null` when the person said it has none. */
  readonly speaker?: (MentionLocation & { readonly text: string }) | null;
  readonly sameAs?: MentionLocation & { readonly text: string };
  readonly differentFrom?: MentionLocation & { readonly text: string };
  readonly identity?: { readonly name: string; readonly externalId?: string };
  readonly quoteKind?: 'not-a-quote' | 'scare';
  /** Notes: resolved or open, and the replies. */
  readonly resolved?: boolean;
  readonly replies?: readonly { readonly id: string; readonly text: string; readonly creator?: string; readonly modified: string }[];
  readonly creator?: string;
  readonly created: string;
  readonly modified: string;
}

/** `articleLens.annotation.export`: the articles (or folders, for every article under them) in `format`. */
export interface AnnotationExportParams {
  readonly uris: readonly string[];
  readonly format: 'brat' | 'conll' | 'doccano' | 'w3c';
  /** Include the machine's entities the person left standing (the person's annotations always win). */
  readonly includeSuggestions?: boolean;
  /** A folder (URI or path) to write the files to as well: brat `.ann` + `.txt`, W3C `.json` per article, one CoNLL or JSONL file. */
  readonly out?: string;
}

/** One article of `articleLens.annotation.export`'s answer. */
export interface AnnotationExportResult {
  readonly uri: string;
  /** The article in the format asked for. */
  readonly text: string;
  /** What the format could not carry, one line per reason with how many (`2 × entity starting or ending inside a token …`). */
  readonly leftOut: readonly string[];
}

/** `articleLens.annotation.import`: a brat `.ann` file's text, for the article at `uri`. */
export interface AnnotationImportParams {
  readonly uri: string;
  readonly format: 'brat';
  readonly text: string;
}

/** `articleLens.annotation.updateNote`: one change to a note's thread. */
export interface NoteUpdateParams {
  readonly uri: string;
  readonly id: string;
  /** The note's new text. */
  readonly text?: string;
  readonly resolved?: boolean;
  /** A reply's text: a new reply, or with `replyId` the reply's new text. */
  readonly reply?: string;
  readonly replyId?: string;
  /** With `replyId`: delete that reply. */
  readonly deleteReply?: boolean;
}

/** An actor of an article, for the *Same person as…* and *Attribute quote to…* pickers. */
export interface ArticleActorItem {
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly externalId?: string;
  readonly roles: readonly string[];
  readonly mentions: number;
  /** Where the article introduces the actor: the mention an annotation refers to. */
  readonly range: Range;
}

/** The actors of an open article, most mentioned first. */
export const ArticleActorsRequest = new RequestType<{ readonly uri: string }, ArticleActorItem[], void>('articleLens/articleActors');

/** The next (or previous) entity after `position` that nobody has accepted, labelled or rejected yet; null when none is left. */
export const UnreviewedEntityRequest = new RequestType<{ readonly uri: string; readonly position: Range['start']; readonly direction: 'next' | 'previous' }, Range | null, void>('articleLens/unreviewedEntity');

/** Sent when an open article's annotations changed (a command, a reload, or typing that moved them): the client refreshes its comment threads. */
export const AnnotationsChangedNotification = new NotificationType<{ readonly uri: string }>('articleLens/annotationsChanged');

// ---------------------------------------------------------------------------------------------
// Workspace views and the actor map (issue 16). Rows are computed by `core/workspaceViews.ts` and
// sent as they are; places in articles travel as character offsets (`ArticleTarget`) that the
// client hands back to `articleLens/locate` when the user goes there, so listing a page of 10,000
// articles' quotes reads no file.

export type {
  ActorArticleRow,
  ActorMap,
  ActorRow,
  AnnotatedArticleRow,
  AnnotationGroupRow,
  AnnotationRow,
  ArticleRow,
  ArticleTarget,
  MapEdge,
  MapNode,
  Page,
  QuoteRow,
  SpeakerRow,
} from './core/views/rows';

/** Which rows of a list to return: at most `limit` (default 200, at most 1,000) from `offset`. */
export interface PageParams {
  readonly offset?: number;
  readonly limit?: number;
}

/** The actor types the views show. */
export type ViewActorType = 'person' | 'organization' | 'location';

export interface ActorsParams extends PageParams {
  /** Only these types; all when absent or empty. */
  readonly types?: readonly ViewActorType[];
  /** Only actors whose name contains these words. */
  readonly query?: string;
}

/** Actors of the workspace, most mentioned first. */
export const ActorsRequest = new RequestType<ActorsParams, Page<ActorRow>, void>('articleLens/actors');

/** One actor by id; null when no article has it any more. */
export const ActorRequest = new RequestType<{ readonly id: string }, ActorRow | null, void>('articleLens/actor');

/** The articles an actor is in, in URI order. */
export const ActorArticlesRequest = new RequestType<PageParams & { readonly id: string }, Page<ActorArticleRow>, void>('articleLens/actorArticles');

/** One mention, with the line it is on. */
export interface MentionItem {
  readonly uri: string;
  readonly range: Range;
  readonly kind: 'name' | 'nominal' | 'pronoun';
  /** The line of the mention, trimmed and shortened. */
  readonly preview: string;
}

/** An actor's mentions in one article, in document order. */
export const ActorMentionsRequest = new RequestType<{ readonly id: string; readonly uri: string }, MentionItem[], void>('articleLens/actorMentions');

/** The workspace actor under the cursor, for revealing it in the Actors view. */
export const ActorAtRequest = new RequestType<TextDocumentPositionParams, ActorRow | null, void>('articleLens/actorAt');

export interface QuoteSpeakersParams extends PageParams {
  /** Only quotes containing these words. */
  readonly text?: string;
  /** Only speakers whose name contains these words. */
  readonly speaker?: string;
}

/** Speakers and how many of their quotes match, most quoted first; quotes without a speaker last. */
export const QuoteSpeakersRequest = new RequestType<QuoteSpeakersParams, Page<SpeakerRow>, void>('articleLens/quoteSpeakers');

/** The quotes of one speaker (a `SpeakerRow` id) that contain `text`. */
export const SpeakerQuotesRequest = new RequestType<PageParams & { readonly id: string; readonly text?: string }, Page<QuoteRow>, void>('articleLens/speakerQuotes');

/** Every indexed article, in URI order, with its counts. */
export const ArticlesRequest = new RequestType<PageParams, Page<ArticleRow>, void>('articleLens/articles');

/** Which annotations the Annotations view lists. */
export interface AnnotationsViewParams extends PageParams {
  /** Only orphaned annotations (their text is no longer in the article), and the groups and articles that have some. */
  readonly orphanedOnly?: boolean;
}

/** The groups of the Annotations view: labels, then corrections, then notes, with their counts. */
export const AnnotationGroupsRequest = new RequestType<AnnotationsViewParams, Page<AnnotationGroupRow>, void>('articleLens/annotationGroups');

/** The annotated articles, those still to review (unreviewed, in progress) first, with their review state and counts. */
export const AnnotatedArticlesRequest = new RequestType<AnnotationsViewParams, Page<AnnotatedArticleRow>, void>('articleLens/annotatedArticles');

/** The annotations of a group (`AnnotationGroupRow.id`) and/or an article: still to review first, then in text order. */
export const AnnotationsRequest = new RequestType<AnnotationsViewParams & { readonly group?: string; readonly uri?: string }, Page<AnnotationRow>, void>('articleLens/annotations');

/** Where a target is now, as an LSP location (the open document's text, else the file's); null when it cannot be read. */
export const LocateRequest = new RequestType<ArticleTarget, Location | null, void>('articleLens/locate');

export interface ActorMapParams {
  /** How many actors, most mentioned first (default 300, at most 5,000). */
  readonly maxNodes?: number;
  readonly types?: readonly ViewActorType[];
}

/** The actor map's nodes and lines. */
export const ActorMapRequest = new RequestType<ActorMapParams, ActorMap, void>('articleLens/actorMap');

/** Sent (at most a few times a second) when indexed articles changed: the views refresh. */
export interface WorkspaceChangedParams {
  readonly revision: number;
  readonly articles: number;
  /** False when only places in the articles moved (typing that added or renamed no actor). */
  readonly actorsChanged: boolean;
}

export const WorkspaceChangedNotification = new NotificationType<WorkspaceChangedParams>('articleLens/workspaceChanged');

// ---------------------------------------------------------------------------------------------
// Review, learning from corrections and curation (issue 13). Commands through
// `workspace/executeCommand`; requests for the status item and the views that list articles.

/** The `workspace/executeCommand` commands of review, learning and curation. */
export const REVIEW_COMMANDS = {
  /** Confirms every suggestion of the article, or of the paragraph at `position` ({@link AcceptAllParams}) → `{ accepted }`. */
  acceptAll: 'articleLens.annotation.acceptAll',
  /** Sets the article's review state ({@link ReviewStateParams}). */
  setReviewState: 'articleLens.annotation.setReviewState',
  /** Compares the open articles with another annotator's annotations in a folder ({@link CompareParams}) → {@link CompareResult}. */
  compare: 'articleLens.annotation.compare',
  /** Settles one disagreement of a comparison ({@link ResolveDisagreementParams}). */
  resolveDisagreement: 'articleLens.annotation.resolveDisagreement',
  /** Forgets what corrections taught the tagger: the shipped model's suggestions again (no arguments). */
  resetLearning: 'articleLens.learning.reset',
} as const;

/** The review states of an article, as stored with its annotations: `unreviewed`, `in-progress`, `reviewed`. */
export type ArticleReviewState = ReviewState;

/** `articleLens.annotation.acceptAll`: the suggestions of the whole article, or of the paragraph at `position`. */
export interface AcceptAllParams {
  readonly uri: string;
  readonly scope: 'article' | 'paragraph';
  readonly position?: Range['start'];
}

/** `articleLens.annotation.setReviewState`. */
export interface ReviewStateParams {
  readonly uri: string;
  readonly state: ArticleReviewState;
}

/** `articleLens.annotation.compare`: a folder (URI or path) of another annotator's work; `null` stops comparing. */
export interface CompareParams {
  readonly folder: string | null;
}

/** What a comparison found in the open articles. */
export interface CompareResult {
  /** The folder compared with, as a path; absent once comparing stopped. */
  readonly folder?: string;
  /** Open articles that have annotations in the folder. */
  readonly articles: number;
  readonly disagreements: number;
  /** Files of the folder that could not be read, one line each. */
  readonly problems: readonly string[];
}

/** `articleLens.annotation.resolveDisagreement`: keep this article's annotations there, or take the other annotator's. */
export interface ResolveDisagreementParams {
  readonly uri: string;
  /** The disagreement's id (its diagnostic's `data.id`). */
  readonly id: string;
  readonly take: 'mine' | 'theirs';
}

/** Code of the Information diagnostics of a comparison. */
export const DISAGREEMENT_CODE = 'annotation-disagreement';

/** One article's review: its state and the counts of its entities. */
export interface ReviewSummary {
  readonly uri: string;
  readonly state: ArticleReviewState;
  /** Entities a person labelled or accepted. */
  readonly confirmed: number;
  /** Machine suggestions nobody reviewed yet. */
  readonly suggested: number;
  /** Machine suggestions a person rejected. */
  readonly rejected: number;
}

/** The review of an open article; null when it is not open. */
export const ReviewSummaryRequest = new RequestType<{ readonly uri: string }, ReviewSummary | null, void>('articleLens/reviewSummary');

/** Sent when an open article's review changed (a decision, a state, suggestions that learning changed). */
export const ReviewSummaryNotification = new NotificationType<ReviewSummary>('articleLens/reviewSummaryChanged');
