import type { Actor } from './actors';
import { similarPersonNames, surnameOf, similarNameWord } from './names';
import type { EntityType } from './types';

/** What the workspace keeps of one actor in one article: small, so 10,000 articles fit in memory. */
export interface ActorSummary {
  readonly key: string;
  readonly type: EntityType;
  readonly name: string;
  readonly spellings: readonly string[];
  readonly roles: readonly string[];
  readonly mentionCount: number;
  readonly quoteCount: number;
  /** Offset of the first mention, for links into the article. */
  readonly firstOffset: number;
}

/** What the workspace keeps of one article. */
export interface ArticleSummary {
  readonly uri: string;
  /** The first line, shortened: how the hover names the article. */
  readonly title: string;
  readonly actors: readonly ActorSummary[];
}

/** One article that mentions an actor, as the hover lists it. */
export interface ArticleReference {
  readonly uri: string;
  readonly title: string;
  readonly actor: ActorSummary;
}

/** Summarises an analysed article for the workspace index. */
export function summarizeArticle(uri: string, text: string, actors: readonly Actor[]): ArticleSummary {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0].trim();
  return {
    uri,
    title: firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine,
    actors: actors
      .filter((a) => a.type === 'person' || a.type === 'organization')
      .map((a) => ({
        key: a.key,
        type: a.type,
        name: a.name,
        spellings: a.spellings,
        roles: a.roles,
        mentionCount: a.mentions.length,
        quoteCount: a.quotes.length,
        firstOffset: a.mentions[0].start,
      })),
  };
}

/**
 * The actors of every article in the workspace, joined by key (type plus surname for people).
 * Lookups for an actor go through the key, then keep only the articles whose spellings are
 * plausibly the same person (`Sergei` / `Sergey Lavrov`, `Sataffan` / `Staffan de Mistura`).
 */
export class WorkspaceIndex {
  private readonly articles = new Map<string, ArticleSummary>();
  private readonly urisByKey = new Map<string, Set<string>>();

  /** Adds or replaces an article. */
  update(summary: ArticleSummary): void {
    this.remove(summary.uri);
    this.articles.set(summary.uri, summary);
    for (const actor of summary.actors) {
      const key = joinKey(actor.key);
      let uris = this.urisByKey.get(key);
      if (!uris) this.urisByKey.set(key, (uris = new Set()));
      uris.add(summary.uri);
    }
  }

  /** Forgets an article (deleted or no longer an article). */
  remove(uri: string): void {
    const previous = this.articles.get(uri);
    if (!previous) return;
    this.articles.delete(uri);
    for (const actor of previous.actors) {
      const key = joinKey(actor.key);
      const uris = this.urisByKey.get(key);
      uris?.delete(uri);
      if (uris && uris.size === 0) this.urisByKey.delete(key);
    }
  }

  get size(): number {
    return this.articles.size;
  }

  has(uri: string): boolean {
    return this.articles.has(uri);
  }

  /** Every other article that mentions the actor. */
  findReferences(actor: Pick<Actor, 'key' | 'type' | 'name' | 'spellings'>, exceptUri?: string): ArticleReference[] {
    const references: ArticleReference[] = [];
    const key = joinKey(actor.key);
    for (const candidateKey of this.candidateKeys(key, actor.type)) {
      for (const uri of this.urisByKey.get(candidateKey) ?? []) {
        if (uri === exceptUri) continue;
        const article = this.articles.get(uri);
        const match = article?.actors.find((a) => joinKey(a.key) === candidateKey && sameActor(actor, a));
        if (article && match) references.push({ uri, title: article.title, actor: match });
      }
    }
    return references.sort((a, b) => a.uri.localeCompare(b.uri));
  }

  /** Keys equal to `key`, and for people keys whose surname is a close spelling (typos across articles). */
  private *candidateKeys(key: string, type: EntityType): Iterable<string> {
    yield key;
    if (type !== 'person') return;
    const surname = key.slice('person:'.length);
    if (surname.length < 5) return;
    for (const other of this.urisByKey.keys()) {
      if (other !== key && other.startsWith('person:') && similarNameWord(other.slice(7), surname)) yield other;
    }
  }
}

/** Keys are unique within an article by a `#n` suffix; across articles they join without it. */
function joinKey(key: string): string {
  const hash = key.indexOf('#');
  return hash < 0 ? key : key.slice(0, hash);
}

function sameActor(actor: Pick<Actor, 'type' | 'name' | 'spellings'>, other: ActorSummary): boolean {
  if (actor.type !== 'person') return true;
  const names = actor.spellings.length > 0 ? actor.spellings : [actor.name];
  const others = other.spellings.length > 0 ? other.spellings : [other.name];
  // A surname-only actor in either article matches any full name with that surname.
  if (names.every((n) => !n.includes(' ')) || others.every((n) => !n.includes(' '))) return similarNameWord(surnameOf(actor.name), surnameOf(other.name));
  return names.some((a) => others.some((b) => similarPersonNames(a, b)));
}
