import { actorAt } from '../actors';
import type { ArticleAnalysis } from '../analysis';
import { normalizeName } from '../names';
import { uncertainty } from '../quoteSpeakers';
import type { ArticleSettings } from '../settings';
import { summaryMentions, type ActorCluster, type ActorIdentity, type ArticleSummary, type IndexChange, type IndexSubscription } from '../workspaceIndex';
import { actorMap } from './actorMap';
import { annotatedArticles, annotationGroups, annotationRow, groupOf, reviewStateOf, workspaceAnnotations } from './annotationGroups';
import { ActorTable, type ViewActor } from './actorTable';
import { problemCounts, type IssueKind } from './articleFacts';
import { compareText, pageOf, type AnnotatedArticleRow, type AnnotationFilter, type AnnotationGroupRow, type AnnotationListRequest, type AnnotationRow, type ActorArticleRow, type ActorFilter, type ActorMap, type ActorMapRequest, type ActorRow, type ArticleRow, type MentionTarget, type Page, type PageRequest, type QuoteFilter, type QuoteRow, type SpeakerRow } from './rows';
import { speakerGroups, type SpeakerGroup } from './speakerGroups';

export { UNATTRIBUTED_SPEAKER } from './speakerGroups';

/**
 * The workspace views (Actors, Quotes, Articles, Annotations) and the actor map, as queries over the workspace
 * index: rows with counts, paged, so a tree shows its first rows of 10,000 articles at once and
 * fetches children when they are expanded. The workspace actors are kept up to date article by
 * article (`actorTable.ts`); the rest (quotes by speaker, articles in order, filtered lists, the
 * map) is derived when first asked for after a change, and kept until the next one.
 */

/** What the views need from the workspace index. */
export interface ViewsIndex {
  uris(): Iterable<string>;
  get(uri: string): ArticleSummary | undefined;
  /** Every workspace actor: the articles' actors joined across the workspace. */
  clusters(): readonly ActorCluster[];
  /** The workspace actor an actor of an article belongs to. */
  clusterOf(actor: ActorIdentity, uri?: string): ActorCluster | undefined;
  onDidChange(listener: (change: IndexChange) => void): IndexSubscription;
}

/** What the views need from the language service: the analysis of an open document (for the actor under the cursor). */
export interface ViewsDeps {
  analyze(document: { readonly uri: string; readonly version: number; getText(): string }, settings?: ArticleSettings, token?: { readonly isCancellationRequested: boolean }): ArticleAnalysis;
  readonly workspace: ViewsIndex;
}

/** Creates the view queries over a language service's analysis and workspace index. */
export function createWorkspaceViews({ analyze, workspace }: ViewsDeps) {
  const actors = new ActorTable(workspace);
  /** Counts the index's changes: derived lists are kept while it stays. */
  let revision = 0;
  /** Derived lists (filtered actors, speakers, articles, maps) of the current revision, by what they are. */
  let derived = new Map<string, unknown>();
  let derivedRevision = 0;
  workspace.onDidChange((change) => {
    revision++;
    if (change.kind === 'regroup') actors.regrouped();
    else actors.changed(change.uri);
  });

  function memo<T>(key: string, compute: () => T): T {
    if (derivedRevision !== revision) {
      derived = new Map();
      derivedRevision = revision;
    }
    if (derived.has(key)) return derived.get(key) as T;
    const value = compute();
    if (derived.size >= 64) derived.clear();
    derived.set(key, value);
    return value;
  }

  /** Every indexed article, in URI order. */
  const articles = () =>
    memo('articles', () => {
      const list: ArticleSummary[] = [];
      for (const uri of workspace.uris()) {
        const article = workspace.get(uri);
        if (article) list.push(article);
      }
      return list.sort((a, b) => compareText(a.uri, b.uri));
    });
  const speakers = () => memo('speakers', () => speakerGroups(articles(), actors));
  const speakerById = () => memo('speakers by id', () => new Map<string, SpeakerGroup>(speakers().map((g) => [g.id, g])));
  /** Every annotation (or every orphan), articles still to review first. */
  const annotations = (orphanedOnly: boolean) => memo(`annotations\u0000${orphanedOnly}`, () => workspaceAnnotations(articles(), orphanedOnly));

  return {
    /** How many changes the index has seen: the revision a map or a refresh notice refers to. */
    viewsRevision(): number {
      return revision;
    },

    /** Calls `listener` after each change of the indexed articles. */
    onWorkspaceChange(listener: (change: IndexChange) => void): IndexSubscription {
      return workspace.onDidChange(listener);
    },

    /** Actors of the workspace, most mentioned first, optionally of some types or matching a name. */
    getActors(filter: ActorFilter = {}): Page<ActorRow> {
      const types = filter.types?.length ? new Set(filter.types) : undefined;
      const query = normalizeName(filter.query?.trim() ?? '');
      const rows = memo(`actors\u0000${JSON.stringify([...(types ?? [])])}\u0000${query}`, () =>
        actors
          .actors()
          .filter((a) => (!types || types.has(a.row.type)) && (!query || normalizeName(a.row.name).includes(query)))
          .map((a) => a.row),
      );
      return pageOf(rows, filter);
    },

    /** One actor by id, or undefined when no indexed article has it any more. */
    getActor(id: string): ActorRow | undefined {
      return actors.get(id)?.row;
    },

    /** The articles an actor appears in, in URI order. */
    getActorArticles(id: string, request: PageRequest = {}): Page<ActorArticleRow> {
      const actor = actors.get(id);
      return pageOf(actor ? memo(`articles of\u0000${id}`, () => articleRowsOf(actor)) : [], request);
    },

    /** Every mention of an actor in one article, in document order. */
    getActorMentions(id: string, uri: string): MentionTarget[] {
      const mentions: MentionTarget[] = [];
      for (const { article, actor } of actors.get(id)?.members ?? []) {
        if (article.uri !== uri) continue;
        for (const m of summaryMentions(article, actor)) mentions.push({ uri, start: m.start, end: m.end, kind: m.kind });
      }
      return mentions.sort((a, b) => a.start - b.start);
    },

    /** The workspace actor under the cursor in an open document, if any. */
    getViewActorAt(document: Parameters<typeof analyze>[0], offset: number, settings?: ArticleSettings, token?: Parameters<typeof analyze>[2]): ActorRow | undefined {
      const hit = actorAt(analyze(document, settings, token).actors, offset);
      const cluster = hit && workspace.clusterOf(hit.actor, document.uri);
      return cluster ? actors.get(cluster.id)?.row : undefined;
    },

    /** Speakers with the number of their quotes that match the filter, most quoted first; quotes without a speaker last. */
    getQuoteSpeakers(filter: QuoteFilter = {}): Page<SpeakerRow> {
      const text = normalizeName(filter.text?.trim() ?? '');
      const speaker = normalizeName(filter.speaker?.trim() ?? '');
      const rows = memo(`speakers\u0000${text}\u0000${speaker}`, () => {
        const out: SpeakerRow[] = [];
        for (const group of speakers()) {
          if (speaker && !normalizeName(group.name).includes(speaker)) continue;
          const quotes = text ? group.quotes.filter((q) => normalizeName(q.quote.text).includes(text)).length : group.quotes.length;
          if (quotes > 0) out.push({ id: group.id, name: group.name, ...(group.type ? { type: group.type } : {}), quotes });
        }
        return out;
      });
      return pageOf(rows, filter);
    },

    /** The quotes of one speaker (a `SpeakerRow` id) that contain `text`, in URI and text order. */
    getSpeakerQuotes(speakerId: string, request: PageRequest & { readonly text?: string } = {}): Page<QuoteRow> {
      const text = normalizeName(request.text?.trim() ?? '');
      const rows = memo(`quotes\u0000${speakerId}\u0000${text}`, () =>
        (speakerById().get(speakerId)?.quotes ?? [])
          .filter((q) => !text || normalizeName(q.quote.text).includes(text))
          .map(({ article, quote }): QuoteRow => ({ uri: article.uri, title: article.title, start: quote.start, end: quote.end, text: quote.text, ...(quote.speaker ? { speaker: quote.speaker } : {}), ...(quote.uncertain !== undefined ? { uncertainty: uncertainty(quote.uncertain) } : {}) })),
      );
      return pageOf(rows, request);
    },

    /** Every indexed article in URI order, with its counts of actors, quotes and problems. */
    getArticles(request: PageRequest = {}, settings: Pick<ArticleSettings, IssueKind>): Page<ArticleRow> {
      const page = pageOf(articles(), request);
      return { ...page, items: page.items.map((article) => articleRow(article, settings)) };
    },

    /** The groups of the Annotations view (labels, corrections, notes) with their counts. */
    getAnnotationGroups(filter: AnnotationFilter = {}): Page<AnnotationGroupRow> {
      const orphanedOnly = filter.orphanedOnly === true;
      return pageOf(memo(`annotation groups\u0000${orphanedOnly}`, () => annotationGroups(annotations(orphanedOnly))), filter);
    },

    /** The annotated articles, still to review first (then in URI order), with their counts. */
    getAnnotatedArticles(filter: AnnotationFilter = {}): Page<AnnotatedArticleRow> {
      const orphanedOnly = filter.orphanedOnly === true;
      return pageOf(memo(`annotated articles\u0000${orphanedOnly}`, () => annotatedArticles(annotations(orphanedOnly))), filter);
    },

    /** The annotations of a group and/or an article, articles still to review first, each article's in text order. */
    getAnnotations(request: AnnotationListRequest = {}): Page<AnnotationRow> {
      const orphanedOnly = request.orphanedOnly === true;
      const { group, uri } = request;
      const list = memo(`annotation list\u0000${orphanedOnly}\u0000${group ?? ''}\u0000${uri ?? ''}`, () =>
        annotations(orphanedOnly).filter((a) => (uri === undefined || a.article.uri === uri) && (group === undefined || groupOf(a.entry).id === group)),
      );
      const page = pageOf(list, request);
      return { ...page, items: page.items.map(annotationRow) };
    },

    /**
     * The actor map: the `maxNodes` most mentioned actors, lines between actors of the same articles
     * (the strongest few per actor in a dense workspace) and from speakers to the actors their quotes name.
     */
    getActorMap(request: ActorMapRequest = {}): ActorMap {
      return memo(`map\u0000${request.maxNodes ?? ''}\u0000${JSON.stringify(request.types ?? null)}`, () => actorMap(actors, articles(), request, revision));
    },
  };
}

/** The view queries' type, for the LSP layer. */
export type WorkspaceViews = ReturnType<typeof createWorkspaceViews>;

/** The articles of an actor, one row per article (an article may hold two of its spellings, not joined there). */
function articleRowsOf(actor: ViewActor): ActorArticleRow[] {
  const rows: ActorArticleRow[] = [];
  const { members } = actor;
  for (let i = 0; i < members.length; ) {
    const { article, actor: first } = members[i];
    let mentions = 0;
    let quotes = 0;
    const roles: string[] = [];
    for (; i < members.length && members[i].article === article; i++) {
      mentions += members[i].actor.mentionCount;
      quotes += members[i].actor.quoteCount;
      for (const role of members[i].actor.roles) if (!roles.includes(role)) roles.push(role);
    }
    const introduction = summaryMentions(article, first).find((m) => m.start === first.introOffset);
    rows.push({ uri: article.uri, title: article.title, mentions, quotes, roles, introduction: { uri: article.uri, start: first.introOffset, end: introduction?.end ?? first.introOffset + first.name.length } });
  }
  return rows;
}

function articleRow(article: ArticleSummary, settings: Pick<ArticleSettings, IssueKind>): ArticleRow {
  return {
    uri: article.uri,
    title: article.title,
    actors: article.actors.length,
    quotes: article.quotes.length,
    ...(article.date ? { date: article.date } : {}),
    problems: problemCounts(article.issues, settings),
    reviewState: reviewStateOf(article),
  };
}
