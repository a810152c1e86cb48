import { Uint32Slab } from './uint32Slab';
import type { ActorSummary, ArticleSummary, QuoteSummary } from './workspaceIndex';

/**
 * Past this many distinct strings (or lists) the pool starts again: what it shared stays shared, the
 * next articles share among themselves. It keeps a workspace of renamed-and-removed articles from
 * holding every name it ever saw; a real workspace has far fewer distinct names than this.
 */
const MAX_POOLED = 1_000_000;

const EMPTY: readonly string[] = Object.freeze([]);

/** What identifies an actor across articles: pooled once, shared by every article that names it so. */
export type ActorIdentityFields = Pick<ActorSummary, 'key' | 'type' | 'name' | 'spellings' | 'roles'>;
/** The fields of an actor summary that are the article's own. */
type ActorCounts = Omit<ActorSummary, keyof ActorIdentityFields>;

/**
 * What a reader that knows each actor's identity before its actors (the index cache's table of
 * identities, `indexCache/summaryCodec.ts`) uses to make the summaries the workspace index keeps: the
 * shared copy of each identity once, then each actor kept with it at once, instead of every actor
 * read as a plain object and its identity compared again by {@link SummaryPool.compact} (issue 17:
 * 230,000 actors when reopening 10,000 articles).
 */
export interface SummaryCompactor {
  /** The summary with its repeated parts shared; actors made by {@link keptActor} are kept as they are. */
  compact(summary: ArticleSummary): ArticleSummary;
  /** The shared copy of an actor identity, equal to `identity`. */
  sharedIdentity(identity: ActorIdentityFields): ActorIdentityFields;
  /** An actor as the index keeps it, of an identity from {@link sharedIdentity}, equal to the actor with these fields. */
  keptActor(identity: ActorIdentityFields, mentionCount: number, quoteCount: number, introOffset: number, mentionFrom: number, mentionTo: number): ActorSummary;
}

/** True when two actors have the same identity: key, type, name, spellings and roles (lists by content). */
export function sameIdentity(a: ActorIdentityFields, b: ActorIdentityFields): boolean {
  return a.key === b.key && a.type === b.type && a.name === b.name && sameItems(a.spellings, b.spellings) && sameItems(a.roles, b.roles);
}

/** True when two lists hold the same strings in the same order. */
function sameItems(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Makes the summaries the workspace index keeps small (issue 17: 100,000 articles in ≤ 1 GB). A
 * summary arrives as its own copy (from a scan worker's message or the index cache file), so the
 * same actor in 70,000 articles is 70,000 copies of `person`, `Donald Trump`, `["Donald Trump",
 * "Trump"]` and `person:donald trump`. The pool gives each article's summary the one shared copy of
 * every string and list that repeats across articles (actor keys, types, names, spellings, roles,
 * quote speakers, dates, authors, issue counts), and builds its actor and quote records with one
 * fixed shape each (a copied object keeps its fields out of line, in a second array). What is kept
 * is equal, field for field, to what came in: nothing the hovers, views or CLI read is dropped.
 * Quote texts, titles and URIs are the article's own and are not pooled.
 */
export class SummaryPool implements SummaryCompactor {
  private strings = new Map<string, string>();
  private lists = new Map<string, readonly string[]>();
  private issues = new Map<string, Readonly<Record<string, number>>>();
  private identities = new Map<string, ActorIdentityFields>();
  /**
   * The identity last kept for an incoming roles list. The index cache's reader gives every actor of
   * one identity the same lists (`indexCache/summaryCodec.ts`): those actors are found by the list,
   * not by their key, which for an actor known by several roles (Donald Trump in 7,000 articles) is
   * one of several identities, each asked for in turn.
   */
  private byRoles = new WeakMap<readonly string[], ActorIdentityFields>();
  /** The mention offsets of every kept summary, in shared chunks rather than a buffer each. */
  private readonly offsets = new Uint32Slab();
  /** Summaries this pool made: compacting one again returns it as it is. */
  private readonly made = new WeakSet<ArticleSummary>();

  /** The summary with its repeated parts shared; `summary` itself when this pool made it. */
  compact(summary: ArticleSummary): ArticleSummary {
    if (this.made.has(summary)) return summary;
    if (this.strings.size > MAX_POOLED || this.lists.size > MAX_POOLED) {
      this.strings = new Map();
      this.lists = new Map();
      this.issues = new Map();
      this.identities = new Map();
      this.byRoles = new WeakMap();
    }
    const kept: ArticleSummary = {
      uri: summary.uri,
      title: summary.title,
      actors: summary.actors.map((actor) => this.actor(actor)),
      mentionOffsets: this.offsets.copy(summary.mentionOffsets),
      mentionKinds: summary.mentionKinds,
      quotes: summary.quotes.map((quote) => this.quote(quote)),
      ...(summary.issues ? { issues: this.issueCounts(summary.issues) } : {}),
      ...(summary.date !== undefined ? { date: this.string(summary.date) } : {}),
      ...(summary.annotations ? { annotations: summary.annotations } : {}),
      ...(summary.authors ? { authors: this.list(summary.authors) } : {}),
    };
    this.made.add(kept);
    return kept;
  }

  private actor(actor: ActorSummary): ActorSummary {
    // Already kept (read from the index cache through `keptActor`, or a kept summary copied with a new URI).
    if (actor instanceof KeptActor) return actor;
    return this.keptActor(this.sharedIdentity(actor), actor.mentionCount, actor.quoteCount, actor.introOffset, actor.mentionFrom, actor.mentionTo);
  }

  keptActor(identity: ActorIdentityFields, mentionCount: number, quoteCount: number, introOffset: number, mentionFrom: number, mentionTo: number): ActorSummary {
    if (mentionCount === mentionTo - mentionFrom) return new KeptActor(identity, quoteCount, introOffset, mentionFrom, mentionTo);
    // A count that is not its mention range's length (never from `summarizeArticle`) is kept as it came.
    return plainActor({ mentionCount, quoteCount, introOffset, mentionFrom, mentionTo }, identity);
  }

  private quote(quote: QuoteSummary): QuoteSummary {
    if (quote.speaker === undefined) return { start: quote.start, end: quote.end, text: quote.text };
    const speaker = this.string(quote.speaker);
    return quote.uncertain === undefined ? { start: quote.start, end: quote.end, text: quote.text, speaker } : { start: quote.start, end: quote.end, text: quote.text, speaker, uncertain: quote.uncertain };
  }

  /**
   * The pooled identity fields of an actor. The last identity seen under each key is kept whole: the
   * same actor in the next article is one lookup and a few comparisons, not one lookup per string
   * (reopening 10,000 articles from the cache spent most of its pooling time hashing the strings).
   */
  sharedIdentity(actor: ActorIdentityFields): ActorIdentityFields {
    const sameAs = (known: ActorIdentityFields | undefined): known is ActorIdentityFields => known !== undefined && sameIdentity(known, actor);
    const byList = this.byRoles.get(actor.roles);
    if (sameAs(byList)) return byList;
    let identity = this.identities.get(actor.key);
    if (!sameAs(identity)) {
      identity = { key: this.string(actor.key), type: this.string(actor.type) as ActorSummary['type'], name: this.string(actor.name), spellings: this.list(actor.spellings), roles: this.list(actor.roles) };
      this.identities.set(identity.key, identity);
    }
    this.byRoles.set(actor.roles, identity);
    return identity;
  }

  /** The pooled copy of a string (a string read from a message or a file is a new copy each time). */
  private string(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  /** One shared, frozen list per content (most actors have one or two spellings and no role). */
  private list(items: readonly string[]): readonly string[] {
    if (items.length === 0) return EMPTY;
    const key = items.length === 1 ? items[0] : items.join('\u0000');
    const known = this.lists.get(key);
    // The key of a list is its items joined: checked, so that no two lists can share one.
    if (known && known.length === items.length && known.every((item, i) => item === items[i])) return known;
    const list = Object.freeze(items.map((item) => this.string(item)));
    this.lists.set(items.length === 1 ? list[0] : key, list);
    return list;
  }

  private issueCounts(issues: Readonly<Record<string, number>>): Readonly<Record<string, number>> {
    const key = JSON.stringify(issues);
    const known = this.issues.get(key);
    if (known) return known;
    const frozen = Object.freeze({ ...issues });
    this.issues.set(key, frozen);
    return frozen;
  }
}

/**
 * An actor as the index keeps it: five fields instead of ten (64 bytes instead of 104, for the 2.3
 * million actors of 100,000 PolNeAR articles). The identity fields are read through the one identity
 * object the pool shares among the articles that name the actor alike, and the mention count is the
 * length of its mention range. It reads as the {@link ActorSummary} it was made from; `toJSON` gives
 * that summary as a plain object, which is what JSON (the protocol) and MessagePack (the index
 * cache: msgpackr writes a class instance through its `toJSON`) carry.
 */
class KeptActor implements ActorSummary {
  constructor(
    private readonly identity: ActorIdentityFields,
    readonly quoteCount: number,
    readonly introOffset: number,
    readonly mentionFrom: number,
    readonly mentionTo: number,
  ) {}

  get key(): string {
    return this.identity.key;
  }

  get type(): ActorSummary['type'] {
    return this.identity.type;
  }

  get name(): string {
    return this.identity.name;
  }

  get spellings(): readonly string[] {
    return this.identity.spellings;
  }

  get roles(): readonly string[] {
    return this.identity.roles;
  }

  get mentionCount(): number {
    return this.mentionTo - this.mentionFrom;
  }

  toJSON(): ActorSummary {
    return plainActor(this);
  }
}

/**
 * An actor summary as a plain object with its fields in the usual order (as `summarizeArticle` makes
 * it), its identity fields taken from `identity`.
 */
export function plainActor(actor: ActorSummary): ActorSummary;
export function plainActor(counts: ActorCounts, identity: ActorIdentityFields): ActorSummary;
export function plainActor(actor: ActorCounts & Partial<ActorIdentityFields>, identity: ActorIdentityFields = actor as ActorSummary): ActorSummary {
  return { key: identity.key, type: identity.type, name: identity.name, spellings: identity.spellings, roles: identity.roles, mentionCount: actor.mentionCount, quoteCount: actor.quoteCount, introOffset: actor.introOffset, mentionFrom: actor.mentionFrom, mentionTo: actor.mentionTo };
}

/**
 * A summary as plain objects, as `summarizeArticle` makes it: for what copies a kept summary by its
 * own fields (`structuredClone`, a worker message), which would miss a kept actor's shared ones.
 */
export function plainSummary(summary: ArticleSummary): ArticleSummary {
  return { ...summary, actors: summary.actors.map((actor) => plainActor(actor)) };
}
