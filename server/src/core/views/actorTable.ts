import type { ActorCluster, ArticleSummary, ActorSummary } from '../workspaceIndex';
import { compareText, type ActorRow } from './rows';

/** What the actor table reads from the workspace index. */
export interface ActorTableIndex {
  get(uri: string): ArticleSummary | undefined;
  /** The workspace actors: the articles' actors joined across the workspace (kept by the index until their group changes). */
  clusters(): readonly ActorCluster[];
}

/** One article's actor within a workspace actor. */
export interface Member {
  readonly article: ArticleSummary;
  readonly actor: ActorSummary;
  /** Its index in the article's summary. */
  readonly index: number;
}

/** One workspace actor as the views show it: the index's cluster, its row, and its members' summaries in URI order. */
export interface ViewActor {
  readonly id: string;
  readonly row: ActorRow;
  readonly members: readonly Member[];
}

/** Roles shown per actor. */
const MAX_ROLES = 3;

/**
 * The workspace actors with their rows, most mentioned first, kept across changes of the index: an
 * actor is computed again only when the index re-clustered it (a new cluster object) or one of its
 * articles changed; the others are reused. So typing in one article recomputes that article's few
 * actors (the most mentioned one included, a sum over its articles), not the workspace's, and an
 * actor whose cluster stayed is updated in place (its articles and their places are the same).
 */
export class ActorTable {
  /** The view actor of each cluster object the index handed out. */
  private readonly computed = new WeakMap<ActorCluster, ViewActor>();
  private sorted: ViewActor[] = [];
  private readonly byId = new Map<string, ViewActor>();
  /** Article URI → actor index in its summary → the workspace actor. */
  private readonly byArticle = new Map<string, Map<number, ViewActor>>();
  private readonly dirty = new Set<string>();
  private upToDate = false;

  constructor(private readonly index: ActorTableIndex) {}

  /** Notes that an article changed (added, replaced, removed): the next read brings its actors up to date. */
  changed(uri: string): void {
    this.dirty.add(uri);
    this.upToDate = false;
  }

  /** The index grouped its actors again (the end of a load): every actor is read from the clusters again. */
  regrouped(): void {
    this.upToDate = false;
  }

  /** Every workspace actor, most mentioned first. */
  actors(): readonly ViewActor[] {
    this.refresh();
    return this.sorted;
  }

  get(id: string): ViewActor | undefined {
    this.refresh();
    return this.byId.get(id);
  }

  /** The workspace actors of an article, by the index of each actor in its summary. */
  actorsOf(uri: string): ReadonlyMap<number, ViewActor> | undefined {
    this.refresh();
    return this.byArticle.get(uri);
  }

  private refresh(): void {
    if (this.upToDate) return;
    const stale = new Set<ViewActor>();
    for (const uri of this.dirty) for (const actor of this.byArticle.get(uri)?.values() ?? []) stale.add(actor);
    this.dirty.clear();
    const previous = new Set(this.sorted);
    const next: ViewActor[] = [];
    for (const cluster of this.index.clusters()) {
      let actor = this.computed.get(cluster);
      if (actor && stale.has(actor)) {
        // Same cluster, so the same articles and places in them: only the summaries there are new.
        const counted = viewActorOf(cluster, this.index);
        if (!counted) continue;
        Object.assign(actor, counted);
      } else if (!actor) {
        actor = viewActorOf(cluster, this.index);
        if (!actor) continue;
        this.computed.set(cluster, actor);
      }
      next.push(actor);
    }
    const kept = new Set(next);
    for (const actor of previous) if (!kept.has(actor)) this.unlink(actor);
    for (const actor of next) if (!previous.has(actor)) this.link(actor);
    next.sort((a, b) => b.row.mentions - a.row.mentions || b.row.articles - a.row.articles || compareText(a.row.name, b.row.name));
    this.sorted = next;
    this.upToDate = true;
  }

  private link(actor: ViewActor): void {
    this.byId.set(actor.id, actor);
    for (const { article, index } of actor.members) {
      let slots = this.byArticle.get(article.uri);
      if (!slots) this.byArticle.set(article.uri, (slots = new Map()));
      slots.set(index, actor);
    }
  }

  private unlink(actor: ViewActor): void {
    if (this.byId.get(actor.id) === actor) this.byId.delete(actor.id);
    for (const { article, index } of actor.members) {
      const slots = this.byArticle.get(article.uri);
      if (slots?.get(index) !== actor) continue;
      slots.delete(index);
      if (slots.size === 0) this.byArticle.delete(article.uri);
    }
  }
}

/** The view actor of a cluster: its members' summaries and its counts; undefined when none of its articles is indexed. */
function viewActorOf(cluster: ActorCluster, index: ActorTableIndex): ViewActor | undefined {
  const members: Member[] = [];
  let mentions = 0;
  let quotes = 0;
  let articles = 0;
  const roles = new Map<string, number>();
  for (const node of cluster.members) {
    const article = index.get(node.uri);
    const actor = article?.actors[node.index];
    if (!article || !actor) continue;
    if (members.length === 0 || members[members.length - 1].article !== article) articles++;
    members.push({ article, actor, index: node.index });
    mentions += actor.mentionCount;
    quotes += actor.quoteCount;
    for (const role of actor.roles) roles.set(role, (roles.get(role) ?? 0) + 1);
  }
  if (members.length === 0) return undefined;
  const topRoles = [...roles.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).slice(0, MAX_ROLES).map(([role]) => role);
  return { id: cluster.id, row: { id: cluster.id, name: cluster.name, type: cluster.type, mentions, articles, quotes, roles: topRoles }, members };
}
