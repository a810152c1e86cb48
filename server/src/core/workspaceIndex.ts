import type { Actor, ActorMentionKind } from './actors';
import { bareSurname, isFullName, normalizeName, similarNameWord, similarPersonNames, spellingEvidence, SurnameIndex } from './names';
import { isRoleWord } from './roles';
import type { EntityType, OffsetRange, Quote } from './types';

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
  /** Offset of the first mention, for links into the article. */
  readonly firstOffset: number;
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
export function summarizeArticle(uri: string, text: string, actors: readonly Actor[], quotes: readonly Quote[] = []): ArticleSummary {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0].trim();
  const kept = actors.filter((a) => a.type === 'person' || a.type === 'organization');
  const mentionTotal = kept.reduce((n, a) => n + a.mentions.length, 0);
  const offsets = new Uint32Array(mentionTotal * 2);
  let kinds = '';
  let next = 0;
  const speakerOf = new Map<Quote, string>();
  const summaries = kept.map((a): ActorSummary => {
    const from = next;
    for (const m of a.mentions) {
      offsets[next * 2] = m.start;
      offsets[next * 2 + 1] = m.end;
      kinds += KIND_LETTER[m.kind];
      next++;
    }
    for (const q of a.quotes) speakerOf.set(q, a.name);
    return {
      key: a.key,
      type: a.type,
      name: a.name,
      spellings: a.spellings,
      roles: a.roles,
      mentionCount: a.mentions.length,
      quoteCount: a.quotes.length,
      firstOffset: a.mentions[0].start,
      introOffset: a.introduction.start,
      mentionFrom: from,
      mentionTo: next,
    };
  });
  const quoteSummaries = (quotes.length > 0 ? quotes : [...speakerOf.keys()])
    .filter((q) => q.kind === 'direct')
    .map((q) => {
      const flat = q.text.replace(/\s+/g, ' ').trim();
      const speaker = speakerOf.get(q);
      return { start: q.start, end: q.end, text: flat.length > QUOTE_SUMMARY_LENGTH ? `${flat.slice(0, QUOTE_SUMMARY_LENGTH - 1)}…` : flat, ...(speaker ? { speaker } : {}) };
    });
  return {
    uri,
    title: firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine,
    actors: summaries,
    mentionOffsets: offsets,
    mentionKinds: kinds,
    quotes: quoteSummaries,
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
 * The actors of every article in the workspace, joined by key (type plus surname for people).
 * Lookups for an actor go through the key and, for people, through surnames a typo or a
 * transliteration away (bucketed, never a scan of all keys); then keep only the articles whose
 * spellings are plausibly the same person (`Sergei` / `Sergey Lavrov`, `Sataffan` / `Staffan de
 * Mistura`), with the evidence.
 */
export class WorkspaceIndex {
  private readonly articles = new Map<string, ArticleSummary>();
  /** Join key → article URI → that article's actors with the key, in article order. */
  private readonly urisByKey = new Map<string, Map<string, ActorSummary[]>>();
  private readonly keysBySurname = new SurnameIndex<string>();
  /** Normalised names and quote texts for search, computed once per summary rather than per keystroke. */
  private readonly searchText = new WeakMap<object, string>();
  /** Per actor summary: its matching signature (see {@link signatureOf}). */
  private readonly signatures = new WeakMap<ActorSummary, string>();
  /**
   * Answers of {@link findFirstReferences}, by the article they leave out: the pointer resting on a
   * name asks the same question again and again, and with thousands of articles each answer is a
   * pass over all of them. A change to an article drops every answer that could include it, which
   * keeps the answers asked from that article itself: typing in an article leaves its hovers'
   * answers about the rest of the workspace valid.
   */
  private firstReferences = new Map<string, Map<string, { references: ArticleReference[]; total: number }>>();

  /** Adds or replaces an article. */
  update(summary: ArticleSummary): void {
    this.remove(summary.uri);
    this.forgetAnswersIncluding(summary.uri);
    this.articles.set(summary.uri, summary);
    for (const actor of summary.actors) {
      const key = joinKey(actor.key);
      let uris = this.urisByKey.get(key);
      if (!uris) {
        this.urisByKey.set(key, (uris = new Map()));
        if (actor.type === 'person') this.keysBySurname.add(surnameOfKey(key), key);
      }
      const actors = uris.get(summary.uri);
      if (actors) actors.push(actor);
      else uris.set(summary.uri, [actor]);
    }
  }

  /** Forgets an article (deleted or no longer an article). */
  remove(uri: string): void {
    const previous = this.articles.get(uri);
    if (!previous) return;
    this.forgetAnswersIncluding(uri);
    this.articles.delete(uri);
    for (const actor of previous.actors) {
      const key = joinKey(actor.key);
      const uris = this.urisByKey.get(key);
      uris?.delete(uri);
      if (uris && uris.size === 0) {
        this.urisByKey.delete(key);
        if (key.startsWith('person:')) this.keysBySurname.delete(surnameOfKey(key), key);
      }
    }
  }

  get size(): number {
    return this.articles.size;
  }

  has(uri: string): boolean {
    return this.articles.has(uri);
  }

  /** The URIs of every indexed article. */
  uris(): IterableIterator<string> {
    return this.articles.keys();
  }

  /** The summary of one article, if indexed. */
  get(uri: string): ArticleSummary | undefined {
    return this.articles.get(uri);
  }

  /** Every other article that mentions the actor, with why it is taken for the same actor, in URI order. */
  findReferences(actor: ActorIdentity, exceptUri?: string): ArticleReference[] {
    const references: ArticleReference[] = [];
    this.eachReference(actor, exceptUri, (uri, article, other, evidence) => {
      references.push({ uri, title: article.title, actor: other, evidence });
    });
    // Code-unit order (stable for equal URIs): `localeCompare` was the cost of a hover with thousands of articles.
    return references.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  /**
   * The first `limit` of {@link findReferences} and how many there are in all, without building or
   * sorting the rest: what a hover shows.
   */
  findFirstReferences(actor: ActorIdentity, exceptUri: string | undefined, limit: number): { references: ArticleReference[]; total: number } {
    const question = `${joinKey(actor.key)}\u0000${actor.type}\u0000${actor.name}\u0000${actor.spellings.join('\u0001')}\u0000${actor.roles.join('\u0001')}\u0000${limit}`;
    let answers = this.firstReferences.get(exceptUri ?? '');
    const known = answers?.get(question);
    if (known) return { references: [...known.references], total: known.total };
    const answer = this.computeFirstReferences(actor, exceptUri, limit);
    if (!answers || answers.size >= 256) this.firstReferences.set(exceptUri ?? '', (answers = new Map()));
    answers.set(question, answer);
    return { references: [...answer.references], total: answer.total };
  }

  /** Drops the kept answers that may list `uri`: all but those asked from `uri` itself. */
  private forgetAnswersIncluding(uri: string): void {
    if (this.firstReferences.size === 0) return;
    const own = this.firstReferences.get(uri);
    this.firstReferences = own ? new Map([[uri, own]]) : new Map();
  }

  private computeFirstReferences(actor: ActorIdentity, exceptUri: string | undefined, limit: number): { references: ArticleReference[]; total: number } {
    const first: ArticleReference[] = [];
    let total = 0;
    this.eachReference(actor, exceptUri, (uri, article, other, evidence) => {
      total++;
      if (first.length >= limit && !(uri < first[first.length - 1].uri)) return;
      // After every equal URI, as the stable sort of findReferences places it.
      let at = first.length;
      while (at > 0 && uri < first[at - 1].uri) at--;
      first.splice(at, 0, { uri, title: article.title, actor: other, evidence });
      if (first.length > limit) first.pop();
    });
    return { references: first, total };
  }

  /** Calls `found` for each reference, in index order (not sorted). */
  private eachReference(actor: ActorIdentity, exceptUri: string | undefined, found: (uri: string, article: ArticleSummary, other: ActorSummary, evidence: string[]) => void): void {
    const key = joinKey(actor.key);
    // Many articles spell an actor the same way with the same roles: judge each combination once.
    const judged = new Map<string, string[] | undefined>();
    for (const candidateKey of this.candidateKeys(key, actor.type)) {
      const uris = this.urisByKey.get(candidateKey);
      if (!uris) continue;
      for (const [uri, actors] of uris) {
        if (uri === exceptUri) continue;
        const article = this.articles.get(uri);
        if (!article) continue;
        for (const other of actors) {
          const signature = this.signatureOf(other);
          let evidence = judged.get(signature);
          if (evidence === undefined && !judged.has(signature)) judged.set(signature, (evidence = matchEvidence(actor, other)));
          if (evidence) {
            found(uri, article, other, evidence);
            break;
          }
        }
      }
    }
  }

  /** What {@link matchEvidence} looks at in an actor summary, as one string, computed once per summary. */
  private signatureOf(other: ActorSummary): string {
    let signature = this.signatures.get(other);
    if (signature === undefined) {
      signature = `${other.type}\u0000${other.name}\u0000${other.spellings.join('\u0001')}\u0000${other.roles.join('\u0001')}`;
      this.signatures.set(other, signature);
    }
    return signature;
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
        quoteHits.push({ uri: article.uri, title: article.title, kind: 'quote', name: quote.text, start: quote.start, end: quote.end, ...(quote.speaker ? { detail: quote.speaker } : {}) });
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

  /** Keys equal to `key`, and for people keys whose surname is a close spelling (typos across articles). */
  private *candidateKeys(key: string, type: EntityType): Iterable<string> {
    yield key;
    if (type !== 'person') return;
    const surname = surnameOfKey(key);
    const seen = new Set([key]);
    for (const candidate of [surname, ...(surname.length >= 5 ? [...this.keysBySurname.similar(surname)].map((s) => s.surname) : [])]) {
      for (const other of this.keysBySurname.get(candidate)) {
        if (!seen.has(other)) {
          seen.add(other);
          yield other;
        }
      }
    }
  }
}

/** Keys are unique within an article by a `#n` suffix; across articles they join without it. */
function joinKey(key: string): string {
  const hash = key.indexOf('#');
  return hash < 0 ? key : key.slice(0, hash);
}

/** The surname a person key is indexed under, without a glued article (`al-assad` → `assad`). */
function surnameOfKey(key: string): string {
  return bareSurname(key.slice(key.indexOf(':') + 1));
}

/** The length of the mention at the actor's introduction, for a symbol's range. */
function actorLengthAt(article: ArticleSummary, actor: ActorSummary): number {
  for (let i = actor.mentionFrom; i < actor.mentionTo; i++) {
    if (article.mentionOffsets[i * 2] === actor.introOffset) return article.mentionOffsets[i * 2 + 1] - actor.introOffset;
  }
  return actor.name.length;
}

/**
 * Why `other` (in another article) is the same actor as `actor`, or undefined when it is not.
 * People match on a plausible spelling of the full name (or on the surname when either article
 * gives the surname only); when the surnames differ (a typo), the roles must agree too.
 */
export function matchEvidence(actor: ActorIdentity, other: Pick<ActorSummary, 'type' | 'name' | 'spellings' | 'roles'>): string[] | undefined {
  if (actor.type !== other.type) return undefined;
  if (actor.type !== 'person') return [normalizeName(actor.name) === normalizeName(other.name) ? 'same name' : 'same name up to case'];
  const names = actor.spellings.length > 0 ? actor.spellings : [actor.name];
  const others = other.spellings.length > 0 ? other.spellings : [other.name];
  let pair: [string, string] | undefined;
  // A surname-only actor in either article matches any full name with that surname.
  if (!names.some(isFullName) || !others.some(isFullName)) {
    if (similarNameWord(bareSurname(actor.name), bareSurname(other.name))) pair = [actor.name, other.name];
  } else {
    pair = exactPair(names, others) ?? firstPair(names, others);
  }
  if (!pair) return undefined;
  const [a, b] = pair;
  const evidence = a === b ? [`same spelling (${a})`] : [`spelled ${b} there, ${a} here`, ...spellingEvidence(a, b)];
  const roles = roleAgreement(actor.roles, other.roles);
  if (roles) evidence.push(roles);
  // A different surname is a typo only when the context agrees.
  if (bareSurname(a) !== bareSurname(b) && !roles && normalizeName(a.split(/\s+/)[0]) !== normalizeName(b.split(/\s+/)[0])) return undefined;
  return evidence;
}

function exactPair(names: readonly string[], others: readonly string[]): [string, string] | undefined {
  for (const a of names) for (const b of others) if (normalizeName(a) === normalizeName(b)) return [a, b];
  return undefined;
}

function firstPair(names: readonly string[], others: readonly string[]): [string, string] | undefined {
  for (const a of names) for (const b of others) if (similarPersonNames(a, b)) return [a, b];
  return undefined;
}

const ROLE_STOP = new Set(['of', 'the', 'for', 'and', 'to', 'in', 'on', 's']);

/** `same role: X`, or `roles agree: X / Y` when they share a title word (`minister`), else undefined. */
function roleAgreement(a: readonly string[], b: readonly string[]): string | undefined {
  for (const x of a) for (const y of b) if (normalizeName(x) === normalizeName(y)) return `same role (${x})`;
  for (const x of a) {
    const words = new Set(normalizeName(x).split(/[^\p{L}]+/u).filter((w) => w && !ROLE_STOP.has(w)));
    for (const y of b) {
      const shared = normalizeName(y).split(/[^\p{L}]+/u).filter((w) => words.has(w));
      if (shared.some((w) => isRoleWord(w)) && shared.length >= 2) return `roles agree (${x} / ${y})`;
    }
  }
  return undefined;
}

/** True when the letters of `query` appear in `name` in order (an empty query matches everything). */
function isSubsequence(query: string, name: string): boolean {
  let i = 0;
  for (let j = 0; j < name.length && i < query.length; j++) if (name[j] === query[i]) i++;
  return i === query.length;
}
