import { firstAtOrAfter, type ClusterNode } from './actorClusters';
import { containsWords } from './roles';
import { compareText } from './views/rows';

/** A role the workspace gives an actor, and in how many articles. */
export interface RoleCount {
  readonly role: string;
  readonly articles: number;
}

/** What a profile needs of a whole cluster: computed once per cluster, kept until the cluster changes. */
export interface ClusterStats {
  /** The most common roles, normalised, with the number of articles giving each. */
  readonly roles: readonly RoleCount[];
  /** Other spellings than the cluster's name, the most used first. */
  readonly spellings: readonly string[];
  readonly quoteCount: number;
  /**
   * The most relevant members (at most {@link RANKED_KEPT}): quotes, then date (newest), then
   * mentions, then URI. Found in one pass, not by sorting 70,000 members: a profile names three.
   */
  readonly ranked: readonly ClusterNode[];
  /** True when `ranked` holds every member of the cluster. */
  readonly complete: boolean;
}

/** Roles and spellings shown on a profile. */
const PROFILE_ROLES = 3;
const PROFILE_SPELLINGS = 3;
/** Members kept in a cluster's ranking: enough for a profile's few articles, skipping the one asked from and repeats. */
const RANKED_KEPT = 16;
/** After an edit, a ranking that lost more than this many of its members is made again from all. */
const RANKED_MIN = RANKED_KEPT / 2;

/** A member with what ranks it. */
interface RankedMember {
  readonly member: ClusterNode;
  readonly quotes: number;
  /** `YYYY-MM-DD`, or empty. */
  readonly date: string;
  readonly mentions: number;
}

function ranked(member: ClusterNode): RankedMember {
  return { member, quotes: member.quoteCount, date: member.date, mentions: member.weight };
}

/** Relevance order without the last tie-break: more quotes, then newer, then more mentions. */
function byRelevanceOnly(a: RankedMember, b: RankedMember): number {
  const byDate = a.date === b.date ? 0 : a.date < b.date ? 1 : -1;
  return b.quotes - a.quotes || byDate || b.mentions - a.mentions;
}

/** Relevance order, then member order (URI, then actor index): a total order. */
function byRelevance(a: RankedMember, b: RankedMember): number {
  return byRelevanceOnly(a, b) || (a.member.uri === b.member.uri ? a.member.index - b.member.index : a.member.uri < b.member.uri ? -1 : 1);
}

/** Every member in relevance order, ties in member order (the sort is stable and members come in that order). */
export function rankAll(members: readonly ClusterNode[]): ClusterNode[] {
  return members
    .map(ranked)
    .sort(byRelevanceOnly)
    .map((r) => r.member);
}

/** The articles giving a role (by its key), with how many members there give it, and the role's texts with their counts. */
interface RoleTally {
  readonly texts: Map<string, number>;
  readonly uris: Map<string, number>;
}

/**
 * What a cluster's profile statistics are made from, in a form an edit can change by the members of
 * the articles it touched (issue 17: an edit that adds a mention of an actor in 70,000 articles made
 * the whole tally again). Everything in it is a count or a ranking prefix, and what is derived from
 * it ({@link stats}) does not depend on the order members were counted in (ties are broken by name, in code-unit order),
 * so a patched tally gives exactly what counting from scratch gives.
 */
export class ClusterTally {
  private readonly roles = new Map<string, RoleTally>();
  /** Counted by spellings list first (the index shares one list among the articles that spell an actor alike), then by spelling. */
  private readonly spellingLists = new Map<readonly string[], number>();
  private quoteCount = 0;
  /** An exact prefix of the members in relevance order. */
  private top: RankedMember[] = [];
  private memberCount = 0;
  /**
   * The roles shown, kept while the role counts stay as they are: joining a role's articles into a more
   * specific one's copies their sets, which for roles given in 50,000 articles was most of a hover
   * after an edit that left the roles alone (a mention more of an actor).
   */
  private roleRanking: RoleCount[] | undefined;

  private constructor(private readonly roleKey: (role: string) => string) {}

  /** The tally of a cluster's members (in member order), in one pass over them. */
  static of(members: readonly ClusterNode[], roleKey: (role: string) => string): ClusterTally {
    const tally = new ClusterTally(roleKey);
    const top = tally.top;
    for (const member of members) {
      tally.count(member, 1);
      // Offered in member order: a member that only ties the last one kept comes after it.
      if (top.length === RANKED_KEPT && byRelevanceOnly(ranked(member), top[top.length - 1]) >= 0) continue;
      tally.insert(ranked(member));
    }
    tally.memberCount = members.length;
    return tally;
  }

  /**
   * This tally (of the members `before`) brought to the members `after`, when the two lists are
   * equal but for the members in the articles `changed`; undefined when they differ elsewhere, or
   * when the ranking kept lost too many members to stay useful. Changes this tally: the one of
   * `before` is not kept.
   */
  patched(before: readonly ClusterNode[], after: readonly ClusterNode[], changed: readonly string[]): ClusterTally | undefined {
    // The changed articles' members are runs in member order (URI order), found by halving: the rest
    // is compared node by node, without looking each member's URI up among the changed ones.
    const sorted = [...new Set(changed)].sort();
    const skipBefore = runsOf(before, sorted);
    const skipAfter = runsOf(after, sorted);
    let i = 0;
    let j = 0;
    let si = 0;
    let sj = 0;
    for (;;) {
      // Runs can follow each other directly: skipped while one starts here.
      while (si < skipBefore.length && i === skipBefore[si][0]) i = skipBefore[si++][1];
      while (sj < skipAfter.length && j === skipAfter[sj][0]) j = skipAfter[sj++][1];
      if (i === before.length || j === after.length) break;
      const a = before[i];
      const b = after[j];
      if (a !== b && (a.uri !== b.uri || a.index !== b.index)) return undefined;
      i++;
      j++;
    }
    if (i !== before.length || j !== after.length) return undefined;
    const changedSet = new Set(sorted);
    const isChanged = (uri: string) => changedSet.has(uri);
    const complete = this.top.length === this.memberCount;
    const gone = skipBefore.flatMap(([from, to]) => before.slice(from, to));
    const added = skipAfter.flatMap(([from, to]) => after.slice(from, to));
    if (rolesByArticle(gone) !== rolesByArticle(added)) this.roleRanking = undefined;
    for (const member of gone) this.count(member, -1);
    this.top = this.top.filter((r) => !isChanged(r.member.uri));
    this.memberCount -= gone.length;
    for (const member of added) {
      this.count(member, 1);
      this.memberCount++;
      const candidate = ranked(member);
      const last = this.top[this.top.length - 1];
      // A member after the last one kept may come after members not kept: it is kept only when all are.
      if (complete || (last !== undefined && byRelevance(candidate, last) < 0)) this.insert(candidate);
    }
    if (this.top.length < Math.min(RANKED_MIN, this.memberCount) && this.top.length < this.memberCount) return undefined;
    return this;
  }

  /** The statistics shown for a cluster named `name`. */
  stats(name: string): ClusterStats {
    const spellingCounts = new Map<string, number>();
    for (const [list, count] of this.spellingLists) for (const spelling of list) if (spelling !== name) spellingCounts.set(spelling, (spellingCounts.get(spelling) ?? 0) + count);
    const spellings = [...spellingCounts.entries()]
      .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
      .slice(0, PROFILE_SPELLINGS)
      .map(([spelling]) => spelling);
    return { roles: (this.roleRanking ??= this.topRoles()), spellings, quoteCount: this.quoteCount, ranked: this.top.map((r) => r.member), complete: this.top.length === this.memberCount };
  }

  private topRoles(): RoleCount[] {
    // A role's articles are the tally's own until another role's are added to them (then a copy).
    const entries = new Map<string, { texts: Map<string, number>; uris: ReadonlyMap<string, number> | Set<string>; words: number }>();
    for (const [key, tally] of this.roles) entries.set(key, { texts: tally.texts, uris: tally.uris, words: key.split(' ').length });
    // A role inside a more specific one the workspace also gives (`Secretary` in `Secretary of State`)
    // counts for the one most articles give; only into a common elaboration (a quarter of the articles
    // at least), not a one-off double title.
    const keys = [...entries.keys()]
      .map((key) => ({ key, words: key.split(' '), own: entries.get(key)!.uris.size }))
      .sort((a, b) => a.words.length - b.words.length || compareText(a.key, b.key));
    for (const { key, words, own } of keys) {
      let into: { uris: ReadonlyMap<string, number> | Set<string> } | undefined;
      let intoOwn = 0;
      for (const other of keys) {
        if (other.words.length <= words.length || other.own * 4 < own || other.own <= intoOwn || !containsWords(other.words, words)) continue;
        into = entries.get(other.key);
        intoOwn = other.own;
      }
      if (!into) continue;
      const uris = into.uris instanceof Set ? into.uris : (into.uris = new Set(into.uris.keys()));
      for (const uri of entries.get(key)!.uris.keys()) uris.add(uri);
      entries.delete(key);
    }
    const mostUsed = (counts: Map<string, number>) => displayedRole([...counts.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0][0], counts);
    // Once two articles agree on a role, a role one article alone gives is left out: over the PolNeAR workspace such
    // roles were most of what filled the last places of the big clusters' hovers, and many were misreadings
    // (`chief strategist on President` for Barack Obama, `supporter of Grayson's … opponent` for Harry Reid, `father of
    // John Ellis Bush` for the son). An actor no two articles describe alike keeps the roles each gives.
    const corroborated = [...entries.values()].some((entry) => entry.uris.size >= 2);
    return [...entries.entries()]
      .filter(([, entry]) => !corroborated || entry.uris.size >= 2)
      .sort(([ka, a], [kb, b]) => b.uris.size - a.uris.size || b.words - a.words || compareText(ka, kb))
      .slice(0, PROFILE_ROLES)
      .map(([, entry]) => ({ role: mostUsed(entry.texts), articles: entry.uris.size }));
  }

  /** Adds (`sign` 1) or takes away (-1) what a member counts for. */
  private count(member: ClusterNode, sign: 1 | -1): void {
    this.quoteCount += sign * member.quoteCount;
    changeCount(this.spellingLists, member.spellings, sign);
    for (const role of member.roles) {
      const key = this.roleKey(role);
      let tally = this.roles.get(key);
      if (!tally) this.roles.set(key, (tally = { texts: new Map(), uris: new Map() }));
      changeCount(tally.texts, role, sign);
      changeCount(tally.uris, member.uri, sign);
      if (tally.uris.size === 0) this.roles.delete(key);
    }
  }

  /** Puts a member in its place in the ranking kept, which keeps {@link RANKED_KEPT} at most. */
  private insert(candidate: RankedMember): void {
    const top = this.top;
    let at = top.length;
    while (at > 0 && byRelevance(candidate, top[at - 1]) < 0) at--;
    if (at >= RANKED_KEPT) return;
    top.splice(at, 0, candidate);
    if (top.length > RANKED_KEPT) top.pop();
  }
}

/**
 * How a role is shown: as most written, but a role of several words that opens with a capital only where a sentence
 * opened with it is shown as written in the middle of one, when some article writes it so (`presumptive Democratic
 * presidential nominee`, `former Secretary of State`, not `Presumptive …`, `Former …`: the capital is the sentence's).
 * A title alone keeps its capital (`President`).
 */
function displayedRole(text: string, counts: ReadonlyMap<string, number>): string {
  const first = text.charAt(0);
  if (first === first.toLowerCase() || !/\s/.test(text)) return text;
  const midSentence = first.toLowerCase() + text.slice(1);
  return counts.has(midSentence) ? midSentence : text;
}

/** The roles some members give, by article, as one comparable text (members in URI order, so the same roles give the same text). */
function rolesByArticle(members: readonly ClusterNode[]): string {
  return members.map((m) => `${m.uri}\u0000${[...m.roles].sort().join('\u0001')}`).sort().join('\u0002');
}

/** Where the members of each of `uris` (in order) are among `members` (in URI order): `[from, to)` runs, in order, empty ones left out. */
function runsOf(members: readonly ClusterNode[], uris: readonly string[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const uri of uris) {
    const from = firstAtOrAfter(members, uri);
    let to = from;
    while (to < members.length && members[to].uri === uri) to++;
    if (to > from) runs.push([from, to]);
  }
  return runs;
}

function changeCount<K>(counts: Map<K, number>, key: K, by: number): void {
  const count = (counts.get(key) ?? 0) + by;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}
