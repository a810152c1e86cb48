import type { AnnotationDigest } from './annotations/digest';
import { clusterActors, GroupClustering, type ActorCluster, type ClusterNode } from './actorClusters';
import { ClusterTally, rankAll, type ClusterStats, type RoleCount } from './clusterStats';
import { aliasKey } from './aliases';
import { AliasLinks } from './aliasLinks';
import { matchEvidence } from './actorMatching';
import type { Actor, ActorMentionKind } from './actors';
import type { NameLexicon } from './nameLexicon';
import { normalizeName, SurnameIndex, type PersonNames } from './names';
import { roleKey } from './roles';
import { markedSpeaker, quoteSpeakers } from './quoteSpeakers';
import { NameBlock } from './nameBlock';
import { SummaryPool, type SummaryCompactor } from './summaryPool';
import type { EntityType, OffsetRange, Quote } from './types';

export type { ActorCluster, ClusterNode } from './actorClusters';
export type { RoleCount } from './clusterStats';

/** The fields of an actor that cross-article matching looks at. */
export type ActorIdentity = Pick<Actor, 'key' | 'type' | 'name' | 'spellings' | 'roles'>;

/**
 * What the workspace keeps of one actor in one article: small, so 10,000 articles fit in memory.
 * Its identity fields are the actor's own; `roles` are those this article gives (roles over time stay
 * with the article they come from).
 */
export interface ActorSummary extends ActorIdentity {
  readonly mentionCount: number;
  readonly quoteCount: number;
  /** Offset of the mention where the article introduces the actor (with a role, else the first). */
  readonly introOffset: number;
  /** This actor's mentions are `mentionFrom … mentionTo - 1` in the article's mention table. */
  readonly mentionFrom: number;
  readonly mentionTo: number;
}

/** A quote as the workspace keeps it, for workspace symbol search. */
export interface QuoteSummary extends OffsetRange {
  /** The quoted words, shortened. */
  readonly text: string;
  /** The speaker's name, when the article attributes the quote to an actor. */
  readonly speaker?: string;
  /** How sure the rankers are of the speaker, when below the mark's threshold (`QuoteSpeaker.uncertain`). */
  readonly uncertain?: number;
}

/** What the workspace keeps of one article. */
export interface ArticleSummary {
  readonly uri: string;
  /** The first line, shortened: how the hover names the article. */
  readonly title: string;
  readonly actors: readonly ActorSummary[];
  /**
   * Every actor mention as `[start, end]` pairs, actor after actor: one typed array per article
   * rather than one per actor keeps 10,000 articles small.
   */
  readonly mentionOffsets: Uint32Array;
  /** One letter per mention: `n` name, `o` nominal, `p` pronoun. */
  readonly mentionKinds: string;
  readonly quotes: readonly QuoteSummary[];
  /** How many diagnostics of each kind the article has, by settings key (`duplicateParagraphs` → 2): the Articles view's counts. */
  readonly issues?: Readonly<Record<string, number>>;
  /** The date the article carries (`YYYY-MM-DD`, `core/articleDate.ts`), for the actor map's time axis. */
  readonly date?: string;
  /** People's annotations of the article and its review state (absent: none, unreviewed), for the Annotations and Articles views. */
  readonly annotations?: AnnotationDigest;
  /** Who wrote it: the names its page furniture credits (a byline, `X contributed reporting`). */
  readonly authors?: readonly string[];
}

/** One mention of an actor in an indexed article. */
export interface SummaryMention extends OffsetRange {
  readonly kind: ActorMentionKind;
}

/** One article that mentions an actor, as the hover lists it. */
export interface ArticleReference {
  readonly uri: string;
  readonly title: string;
  readonly actor: ActorSummary;
  /** Why the actor there is taken for this one: same spelling, edit distance, role agreement. */
  readonly evidence: readonly string[];
  /** The article's date, when it carries one. */
  readonly date?: string;
  /** The article's authors, when its byline names them. */
  readonly authors?: readonly string[];
}

/**
 * Who a workspace actor is, at a glance and the same size however many articles mention them: the
 * roles the articles give most often, how many articles and quotes, and the few most relevant
 * articles (those that quote the actor most, then the newest).
 */
export interface ActorProfile {
  /** The workspace actor's id (`person:hillary rodham clinton`), for a command that shows it. */
  readonly id: string;
  readonly name: string;
  /** The most common roles, normalised (`Syria's` = `Syrian`), with the number of articles giving each. */
  readonly roles: readonly RoleCount[];
  /** Other spellings, the most used first (`Hillary Clinton`, `Clinton`). */
  readonly spellings: readonly string[];
  readonly articleCount: number;
  readonly quoteCount: number;
  /** The most relevant articles other than the one asked from. */
  readonly relevant: readonly ArticleReference[];
}

/** A workspace symbol search hit: an actor in an article, or a quote. */
export interface WorkspaceSearchHit extends OffsetRange {
  readonly uri: string;
  readonly title: string;
  readonly kind: 'actor' | 'quote';
  /** The actor's name, or the quote's words. */
  readonly name: string;
  readonly type?: EntityType;
  /** The quote's speaker, or the actor's first role in that article. */
  readonly detail?: string;
}

const KIND_LETTER: Record<ActorMentionKind, string> = { name: 'n', nominal: 'o', pronoun: 'p' };
const LETTER_KIND: Record<string, ActorMentionKind> = { n: 'name', o: 'nominal', p: 'pronoun' };
const QUOTE_SUMMARY_LENGTH = 120;

/** Summarises an analysed article for the workspace index. */
export function summarizeArticle(uri: string, text: string, actors: readonly Actor[], quotes: readonly Quote[], authors: readonly string[] = []): ArticleSummary {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0].trim();
  const kept = actors.filter((a) => a.type === 'person' || a.type === 'organization' || a.type === 'location');
  const mentionTotal = kept.reduce((n, a) => n + a.mentions.length, 0);
  const offsets = new Uint32Array(mentionTotal * 2);
  let kinds = '';
  let next = 0;
  const speakers = quoteSpeakers(quotes, actors);
  const summaries = kept.map((a): ActorSummary => {
    const from = next;
    for (const m of a.mentions) {
      offsets[next * 2] = m.start;
      offsets[next * 2 + 1] = m.end;
      kinds += KIND_LETTER[m.kind];
      next++;
    }
    return {
      key: a.key,
      type: a.type,
      name: a.name,
      spellings: a.spellings,
      roles: a.roles,
      mentionCount: a.mentions.length,
      quoteCount: a.quotes.length,
      introOffset: a.introduction.start,
      mentionFrom: from,
      mentionTo: next,
    };
  });
  const quoteSummaries = quotes
    .filter((q) => q.kind === 'direct')
    .map((q) => {
      const flat = q.text.replace(/\s+/g, ' ').trim();
      const speaker = speakers.get(q);
      return {
        start: q.start,
        end: q.end,
        text: flat.length > QUOTE_SUMMARY_LENGTH ? `${flat.slice(0, QUOTE_SUMMARY_LENGTH - 1)}…` : flat,
        ...(speaker ? { speaker: speaker.label } : {}),
        ...(speaker?.uncertain !== undefined ? { uncertain: speaker.uncertain } : {}),
      };
    });
  return {
    uri,
    title: firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine,
    actors: summaries,
    mentionOffsets: offsets,
    mentionKinds: kinds,
    quotes: quoteSummaries,
    ...(authors.length > 0 ? { authors } : {}),
  };
}

/** The mentions of one summarised actor, in document order. */
export function summaryMentions(article: ArticleSummary, actor: ActorSummary): SummaryMention[] {
  const mentions: SummaryMention[] = [];
  for (let i = actor.mentionFrom; i < actor.mentionTo; i++) {
    mentions.push({ start: article.mentionOffsets[i * 2], end: article.mentionOffsets[i * 2 + 1], kind: LETTER_KIND[article.mentionKinds[i]] ?? 'name' });
  }
  return mentions;
}



/**
 * What changed in the index: one article added, replaced or removed (`uri`), or, at the end of a
 * load ({@link WorkspaceIndex.load}), no article but the grouping of their actors (`regroup`, `uri` empty).
 */
export interface IndexChange {
  readonly uri: string;
  readonly kind: 'update' | 'remove' | 'regroup';
  /**
   * False when an update kept every actor's identity and counts (name, spellings, roles, mentions, quotes; only offsets moved, as
   * when the user types): workspace actors did not change, and views need not redraw them.
   */
  readonly actorsChanged: boolean;
}

/** A load of the index under way ({@link WorkspaceIndex.load}): called, it ends. */
export interface IndexLoad {
  (): void;
  /** Brings the groups the load has left behind up to date now; the load goes on. */
  settle(): void;
}

/** A listener's handle: `dispose()` stops the events. */
export interface IndexSubscription {
  dispose(): void;
}

/** One group of name blocks whose actors could match, with its clusters once computed. */
interface BlockGroup {
  readonly blocks: readonly string[];
  clusters: readonly ActorCluster[] | undefined;
  /** For a large group, what its clusters were made from: an edit of one article patches them ({@link WorkspaceIndex.patchClusters}). */
  clustering?: GroupClustering;
  /** How many actors its clusters were made from. */
  clustered?: number;
  /** Actors of articles added while the index loaded that its clusters leave out for now ({@link WorkspaceIndex.load}). */
  pending?: number;
}

/** Options of a {@link WorkspaceIndex}. */
export interface WorkspaceIndexOptions {
  /**
   * Groups of at least this many actors keep what their clusters were made from, so that an edit
   * patches them instead of clustering them again (smaller ones cluster again in well under a
   * millisecond, and keep nothing more). Tests set 0 to patch every group.
   */
  readonly patchFrom?: number;
}

/** See {@link WorkspaceIndexOptions.patchFrom}. */
const PATCH_FROM = 1000;

/**
 * The actors of every article in the workspace, clustered into workspace actors. Each article's
 * actors fall into name blocks (a person's bare surname, an organisation's or place's normalised
 * name); blocks whose surnames are a typo or a transliteration apart form one group, as do blocks of names
 * that articles declare to be one (`aliasLinks.ts`), and a group's
 * actors are clustered transitively (`actorClusters.ts`) when first asked for, then kept until an
 * article of the group changes its actors. So a hover asks for a cluster and reads its article list,
 * instead of judging every article again; typing in an article that keeps its actors' names changes
 * nothing here. Subscribers hear every change ({@link onDidChange}).
 */
export class WorkspaceIndex {
  private readonly articles = new Map<string, ArticleSummary>();
  /**
   * How many indexed articles each folder URI holds directly: whether a deleted name was a folder with
   * articles under it is asked of the folders, a few hundred, not of every article.
   */
  private readonly folders = new Map<string, number>();
  /** Block key → the articles with an actor in the block, and those actors' indexes. */
  private readonly blocks = new Map<string, NameBlock>();
  /** Shares what repeats across the kept summaries (names, spellings, roles). */
  private readonly pool = new SummaryPool();
  /** Person blocks by surname, for close spellings across blocks. */
  private readonly personBlocks = new SurnameIndex<string>();
  /**
   * The person blocks whose group is known, by surname: a new surname close to one of them changes
   * that group. Looked up instead of every person block (issue 17: reopening 10,000 articles made
   * 3,000 person blocks, each compared with the surnames of its first letter, while a hover had asked
   * for a few groups).
   */
  private readonly groupedSurnames = new SurnameIndex<string>();
  /** Blocks of organisations and places that an article's actor shows to be one (`ISIS` and `Islamic State`): grouped together. */
  private readonly aliasLinks = new AliasLinks();
  /** The group of each block whose clusters are known (or whose group was found). */
  private readonly groups = new Map<string, BlockGroup>();
  private readonly listeners = new Set<(change: IndexChange) => void>();
  /** The URIs in order and each one's place, for clustering; forgotten when an article is added (an edit or a removal keeps it right). */
  private order: { readonly places: Map<string, number>; readonly sorted: readonly string[] } | undefined;
  /** Normalised names and quote texts for search, computed once per summary rather than per keystroke. */
  private readonly searchText = new WeakMap<object, string>();

  /** Per cluster object: its roles, spellings and ranking, and the tally they come from (a cluster is rebuilt when its articles change). */
  private readonly stats = new WeakMap<ActorCluster, { readonly tally: ClusterTally; readonly stats: ClusterStats }>();
  /**
   * The tallies of clusters forgotten since (by id), with their members then and the articles
   * changed since: the cluster made again from them patches the tally by those articles' members
   * instead of counting 70,000 members again ({@link ClusterTally.patched} checks the rest is equal).
   */
  private retired = new Map<string, { readonly members: readonly ClusterNode[]; readonly tally: ClusterTally; readonly changed: string[] }>();
  /** Each clustered block's actors as nodes in article order ({@link nodesOfBlock}). */
  private readonly blockNodes = new Map<string, ClusterNode[]>();
  /** Block keys by type and name ({@link blockKeyOf}). */
  private readonly blockKeys = new Map<string, Map<string, string>>();
  /** Role keys by role text: the workspace has few distinct roles and asks for them again and again. */
  private readonly roleKeys = new Map<string, string>();

  /** Loads under way ({@link load}): while one is, articles added leave the clusters of large groups as they were for a while. */
  private loads = 0;
  /** Groups whose clusters leave out actors of articles added during a load: clustered again when the load ends. */
  private readonly pendingGroups = new Set<BlockGroup>();
  /** See {@link clusteredActors}. */
  private clusteredCount = 0;
  /** How many edits patched a group's clusters rather than clustering it again: for tests and benchmarks. */
  private patches = 0;
  private readonly patchFrom: number;

  constructor(
    private readonly names: PersonNames,
    private readonly lexicon?: NameLexicon,
    options: WorkspaceIndexOptions = {},
  ) {
    this.patchFrom = options.patchFrom ?? PATCH_FROM;
  }

  /** How many edits patched a group's clusters (see {@link WorkspaceIndexOptions.patchFrom}). */
  get clusterPatches(): number {
    return this.patches;
  }

  /** How many actors groups were clustered from, in all (patches aside): for tests and benchmarks. */
  get clusteredActors(): number {
    return this.clusteredCount;
  }

  /**
   * Marks a load of many new articles (a workspace scan adding what its cache holds): until the
   * returned function is called, a new article's actors leave the clusters already made of a group
   * as they were, until the actors left out outnumber those the clusters were made from; then the
   * group is clustered again when next asked for. When the load ends every group left
   * behind is clustered again (when next asked for), so what the index answers then is exactly what
   * it answers without loads. Why: the hovers of an open article while a scan adds 100,000 cached
   * summaries each clustered the 70,000 actors of its group again, since every article added changed
   * it (issue 17: 800 hovers took 144 s); now a group is clustered again each time its actors have
   * doubled, a dozen times in a load of any size, twice its final size in all. Only additions wait: an edit or removal of an article in such a group
   * forgets its clusters at once (its articles' actors must be as the clusters say). What a hover
   * shows meanwhile is the workspace as it was a little earlier in the load, as while a scan without
   * cache indexes it. The returned function's `settle()` brings the groups left behind up to date
   * without ending the load (a scan, once every article its cache knows is in: what follows comes
   * one file at a time).
   */
  load(): IndexLoad {
    this.loads++;
    let ended = false;
    return Object.assign(
      () => {
        if (ended) return;
        ended = true;
        if (--this.loads === 0) this.regroupLeftBehind();
      },
      { settle: () => void (ended || this.regroupLeftBehind()) },
    );
  }

  /** Clusters again the groups whose clusters leave out articles added during a load ({@link load}). */
  private regroupLeftBehind(): void {
    if (this.pendingGroups.size === 0) return;
    const behind = [...this.pendingGroups];
    for (const group of behind) this.forgetGroup(group);
    // Clustered again now rather than at the next request: these are the groups asked for during the
    // load (an open article's actors), which are asked for again, and the load's end usually leaves
    // the thread idle until then (issue 17: the first hover after reopening a workspace waited for
    // its 7,000-actor group).
    for (const group of behind) {
      const block = group.blocks.find((key) => this.blocks.has(key));
      if (block !== undefined) this.clustersOf(this.groupOf(block));
    }
    // No article changed, but workspace actors may now be grouped otherwise: views that keep what
    // they derived from the clusters (the Actors view, the actor map) must hear of it.
    this.emit({ uri: '', kind: 'regroup', actorsChanged: true });
  }

  /**
   * Adds or replaces an article. Returns the summary the index keeps: equal to `summary`, its
   * repeated parts shared with other articles' ({@link compact}); keep that one rather than `summary`.
   */
  update(incoming: ArticleSummary): ArticleSummary {
    const summary = this.pool.compact(incoming);
    const previous = this.articles.get(summary.uri);
    if (!previous) {
      // A new article changes every article's place in the order: the nodes kept in that order go.
      this.order = undefined;
      this.blockNodes.clear();
    }
    const actorsChanged = !previous || !sameActors(previous, summary);
    // Large groups the edit touches whose clusters can be patched rather than made again.
    const patching = previous && actorsChanged ? this.patchableGroups(previous, summary) : undefined;
    if (previous) this.unlink(previous, actorsChanged, patching);
    if (!previous) this.countFolder(summary.uri, 1);
    this.articles.set(summary.uri, summary);
    if (actorsChanged) this.relink(previous, summary);
    summary.actors.forEach((actor, index) => {
      const key = this.blockKeyOf(actor);
      let block = this.blocks.get(key);
      if (!block) {
        this.blocks.set(key, (block = new NameBlock()));
        if (actor.type === 'person') {
          const surname = key.slice(PERSON_PREFIX.length);
          this.personBlocks.add(surname, key);
          // A new surname can join the groups of its close spellings into one.
          // (A copy of the values: forgetting a group takes its blocks out of the index looked through.)
          if (surname.length >= MIN_CHAINED_SURNAME) {
            for (const { surname: close, values } of this.groupedSurnames.similar(surname)) {
              if (close.length >= MIN_CHAINED_SURNAME) for (const other of [...values]) this.forgetGroupOf(other);
            }
          }
        }
      }
      if (!previous && this.loads > 0) this.leaveOut(key);
      else if (actorsChanged && !patching?.has(this.groups.get(key)!)) this.forgetGroupOf(key);
      block.add(summary.uri, index);
    });
    if (previous && actorsChanged) this.patchBlockNodes(summary.uri, previous, summary);
    for (const group of patching ?? []) {
      // Still the group of its blocks (a block made or emptied by this edit forgets the groups near it).
      if (this.groups.get(group.blocks[0]) === group && !this.patchClusters(group, previous!, summary)) this.forgetGroupOf(group.blocks[0]);
    }
    if (actorsChanged) this.retireChanged(summary.uri);
    this.emit({ uri: summary.uri, kind: 'update', actorsChanged });
    return summary;
  }

  /**
   * The summary as the index would keep it (see {@link update}), without indexing it: for the index
   * cache, so that what it holds and what the index holds are one object, not two.
   */
  compact(summary: ArticleSummary): ArticleSummary {
    return this.pool.compact(summary);
  }

  /** The pool that makes the summaries this index keeps, for a reader that makes them itself (the index cache). */
  get compactor(): SummaryCompactor {
    return this.pool;
  }

  /** Forgets an article (deleted or no longer an article). */
  remove(uri: string): void {
    const previous = this.articles.get(uri);
    if (!previous) return;
    this.unlink(previous, true);
    this.relink(previous, undefined);
    this.articles.delete(uri);
    this.countFolder(uri, -1);
    this.patchBlockNodes(uri, previous, undefined);
    this.retireChanged(uri);
    this.emit({ uri, kind: 'remove', actorsChanged: true });
  }

  /** Calls `listener` after every change of the index. */
  onDidChange(listener: (change: IndexChange) => void): IndexSubscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  get size(): number {
    return this.articles.size;
  }

  has(uri: string): boolean {
    return this.articles.has(uri);
  }

  /** True when an indexed article lies under the folder URI `folderUri` (at any depth). */
  hasArticlesUnder(folderUri: string): boolean {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    for (const folder of this.folders.keys()) if (`${folder}/`.startsWith(prefix)) return true;
    return false;
  }

  private countFolder(uri: string, change: 1 | -1): void {
    const folder = uri.slice(0, Math.max(0, uri.lastIndexOf('/')));
    const count = (this.folders.get(folder) ?? 0) + change;
    if (count > 0) this.folders.set(folder, count);
    else this.folders.delete(folder);
  }

  /** The URIs of every indexed article. */
  uris(): IterableIterator<string> {
    return this.articles.keys();
  }

  /** The summary of one article, if indexed. */
  get(uri: string): ArticleSummary | undefined {
    return this.articles.get(uri);
  }

  /**
   * The workspace actor an actor of an article belongs to: found by its id in that article when the
   * article is indexed as it is, else by matching its names against the clusters of its block.
   */
  clusterOf(actor: ActorIdentity, uri?: string): ActorCluster | undefined {
    const group = this.groupOf(this.blockKeyOf(actor));
    const clusters = this.clustersOf(group);
    const article = uri !== undefined ? this.articles.get(uri) : undefined;
    if (article) {
      const index = article.actors.findIndex((a) => a.key === actor.key);
      // Members are in URI order: found by halving, no table of 70,000 members per group.
      const found = index >= 0 ? clusters.find((c) => memberAt(c.members, uri!, index) >= 0) : undefined;
      if (found) return found;
    }
    // Not indexed (yet) as it is now: the cluster of a member with the same spellings, else one that matches.
    const signature = spellingSignature(actor);
    const bySpellings = clusters.find((c) => c.type === actor.type && c.members.some((m) => spellingSignature(m) === signature));
    if (bySpellings) return bySpellings;
    // A person named in full joins, as clustering joins them, only a cluster of a full name it matches: a member that
    // is a surname alone (`Bush`) fits any full name, and took `George HW Bush` into George W. Bush's articles.
    const full = actor.type === 'person' && this.names.isFullName(actor.name);
    return clusters.find((c) => !c.ambiguous && c.members.some((m) => (!full || this.names.isFullName(m.name)) && matchEvidence(actor, m, this.names)));
  }

  /** Every workspace actor (computed group by group, then kept until the group changes). */
  clusters(): ActorCluster[] {
    const all: ActorCluster[] = [];
    const seen = new Set<BlockGroup>();
    for (const key of this.blocks.keys()) {
      const group = this.groupOf(key);
      if (seen.has(group)) continue;
      seen.add(group);
      all.push(...this.clustersOf(group));
    }
    return all;
  }

  /** The summary of a cluster member: its article's actor. */
  memberSummary(member: ClusterNode): ActorSummary | undefined {
    return this.articles.get(member.uri)?.actors[member.index];
  }

  /** Every other article that mentions the actor (its workspace cluster), with why it is taken for the same actor, in URI order. */
  findReferences(actor: ActorIdentity, exceptUri?: string): ArticleReference[] {
    const cluster = this.clusterOf(actor, exceptUri);
    if (!cluster) return [];
    return cluster.uris.filter((uri) => uri !== exceptUri).map((uri) => this.referenceIn(actor, cluster, uri));
  }

  /**
   * The first `limit` of {@link findReferences} and how many there are in all, without building the
   * rest: what a hover shows. The cluster's article list is kept, so this costs `limit` lookups.
   */
  findFirstReferences(actor: ActorIdentity, exceptUri: string | undefined, limit: number): { references: ArticleReference[]; total: number } {
    const cluster = this.clusterOf(actor, exceptUri);
    if (!cluster) return { references: [], total: 0 };
    const references: ArticleReference[] = [];
    for (const uri of cluster.uris) {
      if (references.length >= limit) break;
      if (uri !== exceptUri) references.push(this.referenceIn(actor, cluster, uri));
    }
    const total = cluster.uris.length - (exceptUri !== undefined && this.articles.has(exceptUri) && hasUri(cluster.uris, exceptUri) ? 1 : 0);
    return { references, total };
  }

  /** The reference to one article of a cluster: its first member there (or `member`), and the evidence. */
  private referenceIn(actor: ActorIdentity, cluster: ActorCluster, uri: string, member = cluster.members[memberAt(cluster.members, uri, -1)]): ArticleReference {
    const article = this.articles.get(uri)!;
    const other = article.actors[member.index];
    const evidence = matchEvidence(actor, other, this.names) ?? [`the same ${cluster.type === 'person' ? 'person' : 'actor'} across the workspace (${cluster.name})`];
    return { uri, title: article.title, actor: other, evidence, ...(article.date ? { date: article.date } : {}), ...(article.authors ? { authors: article.authors } : {}) };
  }

  /**
   * Who the workspace actor of `actor` is (see {@link ActorProfile}), with at most `limit` relevant
   * articles other than `exceptUri`. Its size does not grow with the workspace; what it reads of the
   * cluster is computed once per cluster and kept until the cluster changes, so a hover after an edit
   * that keeps the article's actors costs a few lookups.
   */
  actorProfile(actor: ActorIdentity, exceptUri: string | undefined, limit: number): ActorProfile | undefined {
    const cluster = this.clusterOf(actor, exceptUri);
    if (!cluster) return undefined;
    const stats = this.statsOf(cluster);
    const pick = (ranked: readonly ClusterNode[]) => {
      const relevant: ArticleReference[] = [];
      const seen = new Set<string>();
      for (const member of ranked) {
        if (relevant.length >= limit) break;
        if (member.uri === exceptUri || seen.has(member.uri)) continue;
        seen.add(member.uri);
        relevant.push(this.referenceIn(actor, cluster, member.uri, member));
      }
      return relevant;
    };
    let relevant = pick(stats.ranked);
    // The kept few were not enough (many members in one article, or a long limit): rank them all.
    if (relevant.length < limit && !stats.complete) relevant = pick(rankAll(cluster.members));
    return { id: cluster.id, name: cluster.name, roles: stats.roles, spellings: stats.spellings, articleCount: cluster.uris.length, quoteCount: stats.quoteCount, relevant };
  }

  private statsOf(cluster: ActorCluster): ClusterStats {
    const known = this.stats.get(cluster);
    if (known) return known.stats;
    const retired = this.retired.get(cluster.id);
    if (retired) this.retired.delete(cluster.id);
    const roleKeyOf = (role: string) => this.roleKeyOf(role);
    // The members carry what is counted (their actor's spellings, roles and counts, the date): no
    // article is looked up, which for 70,000 members scattered in memory was most of the time.
    const tally = retired?.tally.patched(retired.members, cluster.members, retired.changed) ?? ClusterTally.of(cluster.members, roleKeyOf);
    const stats = tally.stats(cluster.name);
    this.stats.set(cluster, { tally, stats });
    return stats;
  }

  /** A role's identity across articles (`Syria's Deputy Prime Minister` = `Syrian Deputy Prime Minister`). */
  private roleKeyOf(role: string): string {
    let key = this.roleKeys.get(role);
    if (key === undefined) {
      if (this.roleKeys.size >= MAX_ROLE_KEYS) this.roleKeys.clear();
      key = this.lexicon ? roleKey(role, this.lexicon).join(' ') : normalizeName(role);
      this.roleKeys.set(role, key);
    }
    return key;
  }

  /**
   * Actors and quotes whose words match `query`, across the workspace: actors whose name contains
   * the query's letters in order (as editors filter symbols), quotes that contain it. Stops at `limit`.
   */
  search(query: string, limit = 256): WorkspaceSearchHit[] {
    const q = normalizeName(query);
    const hits: WorkspaceSearchHit[] = [];
    const quoteHits: WorkspaceSearchHit[] = [];
    for (const article of this.articles.values()) {
      for (const actor of article.actors) {
        if (hits.length >= limit) break;
        if (!isSubsequence(q, this.searchTextOf(actor, actor.name))) continue;
        hits.push({ uri: article.uri, title: article.title, kind: 'actor', name: actor.name, type: actor.type, start: actor.introOffset, end: actor.introOffset + actorLengthAt(article, actor), ...(actor.roles[0] ? { detail: actor.roles[0] } : {}) });
      }
      if (q.length < 3) continue;
      for (const quote of article.quotes) {
        if (hits.length + quoteHits.length >= limit) break;
        if (!this.searchTextOf(quote, quote.text).includes(q)) continue;
        quoteHits.push({ uri: article.uri, title: article.title, kind: 'quote', name: quote.text, start: quote.start, end: quote.end, ...(quote.speaker ? { detail: markedSpeaker(quote.speaker, quote.uncertain) } : {}) });
      }
      if (hits.length + quoteHits.length >= limit) break;
    }
    return [...hits, ...quoteHits].slice(0, limit);
  }

  private searchTextOf(item: object, text: string): string {
    let normalized = this.searchText.get(item);
    if (normalized === undefined) this.searchText.set(item, (normalized = normalizeName(text)));
    return normalized;
  }

  /** {@link blockKeyOf} as a function, for the alias links' spellings. */
  private readonly keyOfName = (actor: Pick<ActorIdentity, 'type' | 'name'>): string => this.blockKeyOf(actor);

  /**
   * A person's bare surname, or an organisation's or place's alias key (`aliasKey`: a country's code, so `USA` and
   * `America` share a block; its initials for an acronym or a long form, so `U.N.` and `United Nations` do; else its
   * normalised name), with the type.
   */
  private blockKeyOf(actor: Pick<ActorIdentity, 'type' | 'name'>): string {
    // Kept by type and name: the same few thousand names come back in every article (indexing
    // 100,000 articles asked for the alias key of 2 million actors).
    let byName = this.blockKeys.get(actor.type);
    if (!byName) this.blockKeys.set(actor.type, (byName = new Map()));
    let key = byName.get(actor.name);
    if (key === undefined) {
      if (byName.size >= MAX_ROLE_KEYS) byName.clear();
      key = actor.type === 'person' ? `${PERSON_PREFIX}${this.names.bareSurname(actor.name)}` : `${actor.type}:${aliasKey(actor.name)}`;
      byName.set(actor.name, key);
    }
    return key;
  }

  /**
   * Counts the alias links of an article's actors as they were and are ({@link AliasLinks}); the groups of blocks whose
   * links appeared or went are made again (a group is its blocks and every block linked to them).
   */
  private relink(before: ArticleSummary | undefined, after: ArticleSummary | undefined): void {
    const toggled = new Set<string>();
    for (const actor of before?.actors ?? []) {
      const key = this.blockKeyOf(actor);
      this.aliasLinks.count(key, this.aliasLinks.linkedKeys(actor, key, this.keyOfName), -1, toggled);
    }
    for (const actor of after?.actors ?? []) {
      const key = this.blockKeyOf(actor);
      this.aliasLinks.count(key, this.aliasLinks.linkedKeys(actor, key, this.keyOfName), 1, toggled);
    }
    for (const key of toggled) this.forgetGroupOf(key);
  }

  private unlink(previous: ArticleSummary, actorsChanged: boolean, patching?: ReadonlySet<BlockGroup>): void {
    previous.actors.forEach((actor) => {
      const key = this.blockKeyOf(actor);
      const block = this.blocks.get(key);
      if (!block) return;
      block.delete(previous.uri);
      if (actorsChanged && !patching?.has(this.groups.get(key)!)) this.forgetGroupOf(key);
      if (block.size === 0) {
        this.blocks.delete(key);
        this.forgetGroupOf(key);
        if (key.startsWith(PERSON_PREFIX)) this.personBlocks.delete(key.slice(PERSON_PREFIX.length), key);
      }
    });
  }

  private articleOrder(): { readonly places: Map<string, number>; readonly sorted: readonly string[] } {
    if (!this.order) {
      // Code unit order, as `<` compares: the order members and article lists were always given in.
      const sorted = [...this.articles.keys()].sort();
      this.order = { places: new Map(sorted.map((uri, place) => [uri, place])), sorted };
    }
    return this.order;
  }

  private forgetGroupOf(key: string): void {
    const group = this.groups.get(key);
    if (group) this.forgetGroup(group);
  }

  private forgetGroup(group: BlockGroup): void {
    for (const block of group.blocks) {
      if (this.groups.get(block) !== group) continue;
      this.groups.delete(block);
      if (block.startsWith(PERSON_PREFIX)) this.groupedSurnames.delete(block.slice(PERSON_PREFIX.length), block);
    }
    this.pendingGroups.delete(group);
    this.retire(group.clusters ?? []);
  }

  /**
   * A new article's actor in block `key` during a load: its group's clusters stay as they are while
   * the actors they leave out are no more than those they were made from ({@link load}).
   */
  private leaveOut(key: string): void {
    const group = this.groups.get(key);
    // No clusters yet: they will be made from the blocks as they are when asked for.
    if (!group?.clusters) return;
    group.pending = (group.pending ?? 0) + 1;
    if (group.pending > (group.clustered ?? 0)) this.forgetGroup(group);
    else this.pendingGroups.add(group);
  }

  /** Keeps the tallies of clusters being replaced, for the clusters made in their place ({@link retired}). */
  private retire(clusters: readonly ActorCluster[]): void {
    if (this.retired.size > MAX_RETIRED) this.retired = new Map();
    for (const cluster of clusters) {
      const known = this.stats.get(cluster);
      if (known) this.retired.set(cluster.id, { members: cluster.members, tally: known.tally, changed: [] });
    }
  }

  /** The groups, known with what their clusters were made from, of the blocks an article's actors were and are in. */
  private patchableGroups(before: ArticleSummary, after: ArticleSummary): Set<BlockGroup> | undefined {
    let found: Set<BlockGroup> | undefined;
    for (const actor of [...before.actors, ...after.actors]) {
      const group = this.groups.get(this.blockKeyOf(actor));
      // Not a group whose clusters leave actors out (a load): patching them would keep leaving them out.
      if (group?.clustering && !group.pending) (found ??= new Set()).add(group);
    }
    return found;
  }

  /**
   * Brings a group's clusters up to date after an edit of one article (its actors `before` and
   * `after`, the blocks and nodes already updated) by patching them; false when the group must be
   * clustered again. Clusters the patch replaced give their tallies to those made in their place.
   */
  private patchClusters(group: BlockGroup, before: ArticleSummary, after: ArticleSummary): boolean {
    const clustering = group.clustering;
    if (!clustering) return false;
    const inGroup = (actor: ActorSummary) => group.blocks.includes(this.blockKeyOf(actor));
    const nodes: ClusterNode[] = [];
    after.actors.forEach((actor, index) => {
      if (inGroup(actor)) nodes.push(this.nodeOf(after.uri, index));
    });
    const replaced = clustering.patch(after.uri, before.actors.filter(inGroup), nodes);
    if (!replaced) return false;
    this.retire(replaced);
    group.clusters = clustering.clusters;
    this.patches++;
    return true;
  }

  /** Notes an article whose actors changed (or that came or went) in the tallies retired ({@link retired}). */
  private retireChanged(uri: string): void {
    for (const [id, retired] of this.retired) {
      if (retired.changed.includes(uri)) continue;
      if (retired.changed.length >= MAX_CHANGED) this.retired.delete(id);
      else retired.changed.push(uri);
    }
  }

  /**
   * The group of a block: itself, and for a person's surname of five letters or more, every block a
   * chain of close spellings of five letters or more away (`Steinmeier` / `Steimeier`), so that clusters
   * are the same from whichever block they are asked for. Both ends of a link are long: a link from
   * `Kerry` to `Kery` that `Kery` does not follow back gave `Kery`'s mentions other references when
   * `Kerry` was asked for first. For an organisation or place, every block its alias links reach
   * ({@link AliasLinks}: `ISIS` with `Islamic State` once two articles declared them one). Either way, more blocks
   * than {@link MAX_GROUP_BLOCKS} make no group: each is its own.
   */
  private groupOf(key: string): BlockGroup {
    const known = this.groups.get(key);
    if (known) return known;
    const blocks = [key];
    if (key.startsWith(PERSON_PREFIX)) {
      // As for alias links below: a chain larger than the bound groups nothing. Cut at the bound, a chain's group
      // depended on the block asked for first, and two groups shared blocks: one person in two workspace actors.
      const seen = new Set(blocks);
      for (let i = 0; i < blocks.length && blocks.length <= MAX_GROUP_BLOCKS; i++) {
        const surname = blocks[i].slice(PERSON_PREFIX.length);
        if (surname.length < MIN_CHAINED_SURNAME) continue;
        for (const { surname: close, values } of this.personBlocks.similar(surname)) {
          if (close.length < MIN_CHAINED_SURNAME) continue;
          for (const other of values) {
            if (!seen.has(other)) {
              seen.add(other);
              blocks.push(other);
            }
          }
        }
      }
      if (blocks.length > MAX_GROUP_BLOCKS) blocks.length = 1;
    } else {
      // Organisations and places: every block that articles showed to name the same (`ISIS`, `Islamic State`),
      // transitively. A component larger than the bound groups nothing (each block alone), so that a group never
      // depends on which of its blocks was asked for first.
      const seen = new Set(blocks);
      for (let i = 0; i < blocks.length && blocks.length <= MAX_GROUP_BLOCKS; i++) {
        for (const other of this.aliasLinks.neighbours(blocks[i])) {
          if (!seen.has(other)) {
            seen.add(other);
            blocks.push(other);
          }
        }
      }
      if (blocks.length > MAX_GROUP_BLOCKS) blocks.length = 1;
    }
    const group: BlockGroup = { blocks, clusters: undefined };
    for (const block of blocks) {
      this.groups.set(block, group);
      if (block.startsWith(PERSON_PREFIX)) this.groupedSurnames.add(block.slice(PERSON_PREFIX.length), block);
    }
    return group;
  }

  /**
   * The clusters of a group, computed from its actors in article order (URI, then actor index), so
   * that they are the same whatever order the articles were indexed or edited in; the order is
   * numbers compared (each article's place among the URIs), never the long URIs themselves.
   */
  private clustersOf(group: BlockGroup): readonly ActorCluster[] {
    if (group.clusters) return group.clusters;
    const nodes = group.blocks.length === 1 ? this.nodesOfBlock(group.blocks[0]) : this.sortedNodes(group.blocks);
    group.clustered = nodes.length;
    this.clusteredCount += nodes.length;
    if (nodes.length >= this.patchFrom) {
      group.clustering = GroupClustering.of(nodes, this.names, this.lexicon);
      group.clusters = group.clustering.clusters;
    } else {
      group.clusters = clusterActors(nodes, this.names, this.lexicon);
    }
    return group.clusters;
  }

  /**
   * A block's actors as cluster nodes in article order, kept: an edit of one article patches its few
   * nodes in place (found by halving), so clustering a group of 70,000 actors again after an edit does
   * not build and sort 70,000 nodes again.
   */
  private nodesOfBlock(block: string): readonly ClusterNode[] {
    const known = this.blockNodes.get(block);
    if (known) return known;
    const nodes = this.sortedNodes([block]);
    if (this.blocks.has(block)) this.blockNodes.set(block, nodes);
    return nodes;
  }

  /** Brings the kept nodes of the blocks an article's actors were and are in up to date (`after` undefined: removed). */
  private patchBlockNodes(uri: string, before: ArticleSummary, after: ArticleSummary | undefined): void {
    if (this.blockNodes.size === 0) return;
    const keys = new Set<string>();
    for (const actor of before.actors) keys.add(this.blockKeyOf(actor));
    for (const actor of after?.actors ?? []) keys.add(this.blockKeyOf(actor));
    // No article was added since the nodes were kept (that drops them): the order still holds.
    const { places } = this.articleOrder();
    const place = places.get(uri)!;
    for (const key of keys) {
      const nodes = this.blockNodes.get(key);
      if (!nodes) continue;
      const block = this.blocks.get(key);
      if (!block) {
        this.blockNodes.delete(key);
        continue;
      }
      let low = 0;
      let high = nodes.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (places.get(nodes[middle].uri)! < place) low = middle + 1;
        else high = middle;
      }
      let end = low;
      while (end < nodes.length && nodes[end].uri === uri) end++;
      const indexes = block.get(uri);
      const fresh = indexes === undefined ? [] : (typeof indexes === 'number' ? [indexes] : indexes).map((index) => this.nodeOf(uri, index));
      nodes.splice(low, end - low, ...fresh);
    }
  }

  private nodeOf(uri: string, index: number): ClusterNode {
    const article = this.articles.get(uri)!;
    const a = article.actors[index];
    return { uri, index, type: a.type, name: a.name, spellings: a.spellings, roles: a.roles, weight: a.mentionCount, quoteCount: a.quoteCount, date: article.date ?? '' };
  }

  /** The actors of some blocks as cluster nodes in article order (URI, then actor index). */
  private sortedNodes(blocks: readonly string[]): ClusterNode[] {
    const { places, sorted } = this.articleOrder();
    let count = 0;
    for (const block of blocks) for (const indexes of this.blocks.get(block)?.values() ?? []) count += typeof indexes === 'number' ? 1 : indexes.length;
    // Place × 2^21 + actor index: one number per actor, sorted natively.
    const keys = new Float64Array(count);
    let next = 0;
    for (const block of blocks) {
      for (const [uri, indexes] of this.blocks.get(block)?.entries() ?? []) {
        const place = places.get(uri)! * ACTOR_SLOTS;
        if (typeof indexes === 'number') keys[next++] = place + indexes;
        else for (const index of indexes) keys[next++] = place + index;
      }
    }
    keys.sort();
    return Array.from(keys, (key) => this.nodeOf(sorted[Math.floor(key / ACTOR_SLOTS)], key % ACTOR_SLOTS));
  }

  private emit(change: IndexChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

const PERSON_PREFIX = 'person:';
/** Actor indexes per article in a clustering key (place × ACTOR_SLOTS + index stays an exact number up to 2^32 articles). */
const ACTOR_SLOTS = 2 ** 21;
/** Role keys and block keys kept per name at most (past this the table starts again). */
const MAX_ROLE_KEYS = 50_000;
/** Retired tallies kept at most (past this they start again), and articles changed since one's retirement (past this it is counted again). */
const MAX_RETIRED = 256;
const MAX_CHANGED = 32;
/** Surnames shorter than this join no group of close spellings (`Li`, `Cruz`: too many namesakes one letter apart). */
const MIN_CHAINED_SURNAME = 5;
/**
 * Close surname spellings or alias links that reach more blocks than this group none of them: each block is its own
 * group (a pathological workspace must not join everything, and a group cut at the bound depended on the block asked
 * for first).
 */
const MAX_GROUP_BLOCKS = 64;

/**
 * Where the member for `uri` and actor `index` is among members in URI then index order, or -1;
 * with `index` -1, the first member in that article.
 */
function memberAt(members: readonly ClusterNode[], uri: string, index: number): number {
  let low = 0;
  let high = members.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const m = members[middle];
    if (m.uri < uri || (m.uri === uri && m.index < index)) low = middle + 1;
    else high = middle;
  }
  const found = members[low];
  return found && found.uri === uri && (index < 0 || found.index === index) ? low : -1;
}

/** True when `uri` is in a list of URIs in order. */
function hasUri(uris: readonly string[], uri: string): boolean {
  let low = 0;
  let high = uris.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (uris[middle] < uri) low = middle + 1;
    else high = middle;
  }
  return uris[low] === uri;
}

function spellingSignature(actor: Pick<ActorIdentity, 'type' | 'name' | 'spellings'>): string {
  const spellings = actor.spellings.length > 0 ? actor.spellings : [actor.name];
  return `${actor.type}\u0000${[...new Set(spellings.map(normalizeName))].sort().join('\u0001')}`;
}

/** True when two summaries of an article have the same actors, in order, named and counted the same (offsets aside). */
function sameActors(a: ArticleSummary, b: ArticleSummary): boolean {
  // The date and the quote counts rank a cluster's members and count on its profile: kept with the cluster, so they count as a change.
  if (a.actors.length !== b.actors.length || (a.date ?? '') !== (b.date ?? '')) return false;
  for (let i = 0; i < a.actors.length; i++) {
    const x = a.actors[i];
    const y = b.actors[i];
    if (x.key !== y.key || x.type !== y.type || x.name !== y.name || x.mentionCount !== y.mentionCount || x.quoteCount !== y.quoteCount || !sameList(x.spellings, y.spellings) || !sameList(x.roles, y.roles)) return false;
  }
  return true;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The length of the mention at the actor's introduction, for a symbol's range. */
function actorLengthAt(article: ArticleSummary, actor: ActorSummary): number {
  for (let i = actor.mentionFrom; i < actor.mentionTo; i++) {
    if (article.mentionOffsets[i * 2] === actor.introOffset) return article.mentionOffsets[i * 2 + 1] - actor.introOffset;
  }
  return actor.name.length;
}

/** True when the letters of `query` appear in `name` in order (an empty query matches everything). */
function isSubsequence(query: string, name: string): boolean {
  let i = 0;
  for (let j = 0; j < name.length && i < query.length; j++) if (name[j] === query[i]) i++;
  return i === query.length;
}
