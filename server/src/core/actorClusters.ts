import { matchEvidence, type ActorIdentity } from './actorMatching';
import { acronymOf, isLongForm, sameOrganisation } from './aliases';
import { repairText } from './duplicates';
import { capitalsLast, normalizeName, type GenerationsApart, type PersonNames } from './names';
import type { EntityType } from './types';

/** One actor of one article, as the clustering sees it: where it is, and what identifies it. */
export interface ClusterNode extends ActorIdentity {
  readonly uri: string;
  /** Index of the actor in its article's summary. */
  readonly index: number;
  /** How many mentions, for picking the cluster's name. */
  readonly weight: number;
  /** How many quotes the actor has there: with `date`, what ranks the members, kept on the node so that ranking a cluster of 70,000 reads no article. */
  readonly quoteCount: number;
  /** The article's date (`YYYY-MM-DD`), or empty. */
  readonly date: string;
}

/**
 * One actor of the workspace: the per-article actors that name the same person, organisation or
 * place, joined transitively (`Sergei Lavrov` here, `Sergey Lavrov` there, `Lavrov` in a third).
 */
export interface ActorCluster {
  /** `person:sergei lavrov`: the type and the normalised name, stable while that name stays the usual one. */
  readonly id: string;
  readonly type: EntityType;
  /** The spelling most mentions use (full names before surnames alone). */
  readonly name: string;
  /** Every member, in URI order (an article may hold more than one member: two spellings not joined there). */
  readonly members: readonly ClusterNode[];
  /** The articles, in URI order, each once. */
  readonly uris: readonly string[];
  /** True for a surname alone that fits several people of the workspace equally well (`Clinton`). */
  readonly ambiguous: boolean;
}

/**
 * A surname alone joins the one person cluster it fits; with several, it joins the usual one only
 * when that one has at least this many times the mentions of the next (else it stays on its own).
 */
const DOMINANCE = 4;

/**
 * What the name lists know of an acronym, for joining it with a long form across articles (`NameLexicon` gives it;
 * without it every acronym joins the one long form of its letters, as it did before the lists were asked).
 */
export interface AcronymKnowledge {
  /** True for a name the lists know on its own (`NBC`, `ISIS`, `UN`): one that has a meaning before any article spells it out. */
  isListedName(name: string): boolean;
  /** The US state an abbreviation in capitals names (`SC`, from `S.C.` → South Carolina), if the lists give one. */
  stateOfLetters(letters: string): string | undefined;
}

/**
 * Clusters the actors of one group of name blocks (the actors whose names could match at all: one
 * surname and its close spellings, or one organisation or place name). People: full-name spellings
 * are joined when {@link matchEvidence} accepts them, transitively (union–find over the distinct
 * spellings, so thousands of articles that write `Donald Trump` cost one comparison); then each
 * surname alone joins the one cluster it fits, or the clearly dominant one. Organisations and
 * places: spellings of one organisation joined, an acronym with the long form it abbreviates
 * ({@link clusterOrganisations}). `nodes` come in article order (URI, then actor index): each
 * cluster's members keep that order, and the result depends on nothing else (not on the order in
 * which articles were indexed).
 */
export function clusterActors(nodes: readonly ClusterNode[], names: PersonNames, acronyms?: AcronymKnowledge): ActorCluster[] {
  return [...GroupClustering.of(nodes, names, acronyms).clusters];
}

/**
 * The clusters of one group with what they were made from, so that an edit of one article can be
 * applied to them ({@link patch}) instead of clustering 70,000 actors again (issue 17: a hover after
 * an edit that adds a mention of an actor named in 70,000 articles). What a patch gives is exactly
 * what {@link clusterActors} gives for the group's actors after the edit, or nothing (then the
 * group is clustered again): the joins between spellings depend only on each spelling group's
 * identity (its first actor's names, and the roles its first actors give), so they are kept while no
 * identity changes; the steps that depend on mention counts (which cluster a surname alone joins,
 * the cluster's name) are made again over the spelling groups, not over their actors.
 */
export class GroupClustering {
  /** Full-name spelling groups joined transitively (persons), before surnames alone join them. */
  private readonly fullPartition: readonly (readonly SpellingGroup[])[];
  /** Surname-alone spelling groups, in group order. */
  private readonly alone: readonly SpellingGroup[];
  /** Organisations and places: long forms and acronyms joined by spelling, before acronyms join long forms. */
  private readonly organisations: { readonly long: readonly (readonly SpellingGroup[])[]; readonly short: readonly (readonly SpellingGroup[])[] };
  /** Each cluster's spelling groups, in the order of {@link clusters}. */
  private clusterGroups: readonly (readonly SpellingGroup[])[];
  private clusterList: readonly ActorCluster[];
  /** Whether a surname alone fits a spelling group (by {@link matchEvidence}), asked once per pair while neither's identity changes. */
  private readonly fits = new Map<SpellingGroup, Map<SpellingGroup, boolean>>();
  /** Whether an acronym's and a long form's spellings name one organisation, likewise. */
  private readonly sameOrganisation = new Map<SpellingGroup, Map<SpellingGroup, boolean>>();

  private constructor(
    private readonly groups: ReadonlyMap<string, SpellingGroup>,
    private readonly names: PersonNames,
    private readonly acronyms: AcronymKnowledge | undefined,
  ) {
    const all = [...groups.values()];
    const persons = all.filter((g) => g.type === 'person');
    this.organisations = joinOrganisations(all.filter((g) => g.type !== 'person'), (a, b) => this.same(a, b, false));
    this.fullPartition = joinFullNames(persons.filter((g) => g.full), names, generationsNamedApart(persons, names));
    this.alone = persons.filter((g) => !g.full);
    this.clusterGroups = [];
    this.clusterList = [];
  }

  /** The clustering of `nodes` (in article order: URI, then actor index). */
  static of(nodes: readonly ClusterNode[], names: PersonNames, acronyms?: AcronymKnowledge): GroupClustering {
    const groups = new Map<string, SpellingGroup>();
    // The index shares one spellings list among the articles that spell an actor alike: the group of a
    // list is found by the list itself (no signature looked up for each of 70,000 nodes).
    const byList = new Map<readonly string[], SpellingGroup>();
    nodes.forEach((node, position) => {
      let group = node.spellings.length > 0 ? byList.get(node.spellings) : undefined;
      if (group === undefined || group.type !== node.type) {
        const signature = signatureOf(node);
        group = groups.get(signature);
        if (!group) groups.set(signature, (group = new SpellingGroup(node, node.type === 'person' ? node.spellings.some((s) => names.isFullName(s)) : node.spellings.some(isLongForm))));
        if (node.spellings.length > 0) byList.set(node.spellings, group);
      }
      group.add(node, position);
    });
    const clustering = new GroupClustering(groups, names, acronyms);
    const { clusterGroups, ambiguous } = clustering.decide();
    clustering.clusterGroups = clusterGroups;
    clustering.clusterList = clusterGroups.map((list) => toCluster(list, ambiguous.has(list), nodes));
    // Positions were for the members' order: a patch keeps members in order by splicing.
    for (const group of groups.values()) group.positions.length = 0;
    return clustering;
  }

  get clusters(): readonly ActorCluster[] {
    return this.clusterList;
  }

  /**
   * Applies an edit of the article `uri` whose actors in this group were `before` (their names) and
   * are now `after` (in actor order): returns the clusters it replaced (the rest are kept as they
   * are, the same objects), or undefined when the edit changes what the joins depend on — a new or
   * emptied spelling group, a group's first actor, the roles it is known by — and the group must be
   * clustered again. Either way this clustering is changed: after undefined it is not to be used.
   */
  patch(uri: string, before: readonly Pick<ClusterNode, 'type' | 'name' | 'spellings'>[], after: readonly ClusterNode[]): ActorCluster[] | undefined {
    // An article that names two generations decides which suffixed names join (generationsNamedApart).
    if (namesTwoGenerations(before, this.names) || namesTwoGenerations(after, this.names)) return undefined;
    const touched = new Set<SpellingGroup>();
    for (const node of before) {
      const group = this.groups.get(signatureOf(node));
      if (!group) return undefined;
      touched.add(group);
    }
    const added = new Map<SpellingGroup, ClusterNode[]>();
    for (const node of after) {
      const group = this.groups.get(signatureOf(node));
      if (!group) return undefined;
      touched.add(group);
      const list = added.get(group);
      if (list) list.push(node);
      else added.set(group, [node]);
    }
    // The groups' order (by their first nodes) decides joins: the groups whose first node is in this
    // article must stay the same ones, in the same order (the others' first nodes did not move).
    const firstHere = (group: SpellingGroup) => group.nodes[0].uri === uri;
    const leadingBefore = [...this.groups.values()].filter((g) => touched.has(g) && firstHere(g));
    for (const group of touched) {
      if (!group.replaceArticle(uri, added.get(group) ?? [])) return undefined;
    }
    const leadingAfter = [...touched].filter(firstHere).sort((a, b) => a.nodes[0].index - b.nodes[0].index);
    if (leadingAfter.length !== leadingBefore.length || leadingAfter.some((g, i) => g !== leadingBefore[i])) return undefined;
    const { clusterGroups, ambiguous } = this.decide();
    // Clusters of the same spelling groups as before: kept, or their members spliced; any other → cluster again.
    const previousByFirst = new Map<SpellingGroup, number>();
    this.clusterGroups.forEach((list, i) => previousByFirst.set(list[0], i));
    const replaced: ActorCluster[] = [];
    const clusters: ActorCluster[] = [];
    for (const list of clusterGroups) {
      const at = previousByFirst.get(list[0]);
      const previousGroups = at === undefined ? undefined : this.clusterGroups[at];
      if (at === undefined || !previousGroups || previousGroups.length !== list.length || previousGroups.some((g, i) => g !== list[i])) return undefined;
      const previous = this.clusterList[at];
      const isAmbiguous = ambiguous.has(list);
      if (!list.some((g) => touched.has(g)) && previous.ambiguous === isAmbiguous) {
        clusters.push(previous);
        continue;
      }
      const mine = after.filter((node) => list.includes(this.groups.get(signatureOf(node))!));
      clusters.push(spliced(previous, list, isAmbiguous, uri, mine));
      replaced.push(previous);
    }
    this.clusterGroups = clusterGroups;
    this.clusterList = clusters;
    return replaced;
  }

  /** The steps that depend on mention counts, over the spelling groups: each cluster's groups, and the ambiguous ones. */
  private decide(): { clusterGroups: SpellingGroup[][]; ambiguous: Set<SpellingGroup[]> } {
    const organisations = assignAcronyms(this.organisations.long, this.organisations.short, (a, b) => this.same(a, b, true), this.acronyms);
    const fullClusters = this.fullPartition.map((list) => [...list]);
    const personClusters = [...fullClusters];
    const ambiguous = new Set<SpellingGroup[]>();
    for (const alone of this.alone) {
      const fits = fullClusters.filter((cluster) => cluster.some((g) => this.fit(alone, g)));
      const weights = fits.map((cluster) => cluster.reduce((n, g) => n + g.weight, 0)).sort((a, b) => b - a);
      const best = fits.length === 1 ? fits[0] : fits.length > 1 && weights[0] >= DOMINANCE * weights[1] ? fits.find((c) => c.reduce((n, g) => n + g.weight, 0) === weights[0]) : undefined;
      if (best) {
        best.push(alone);
      } else {
        const own = [alone];
        if (fits.length > 1) ambiguous.add(own);
        personClusters.push(own);
      }
    }
    return { clusterGroups: [...organisations, ...personClusters], ambiguous };
  }

  private fit(alone: SpellingGroup, group: SpellingGroup): boolean {
    return remembered(this.fits, alone, group, () => matchEvidence(alone, group, this.names) !== undefined);
  }

  /** {@link sameOrganisationGroups}, remembered only for the acronym step (`remember`): the joins are made once. */
  private same(a: SpellingGroup, b: SpellingGroup, remember: boolean): boolean {
    return remember ? remembered(this.sameOrganisation, a, b, () => sameOrganisationGroups(a, b)) : sameOrganisationGroups(a, b);
  }
}

/** A pair's answer, asked of `compute` once. */
function remembered(memo: Map<SpellingGroup, Map<SpellingGroup, boolean>>, a: SpellingGroup, b: SpellingGroup, compute: () => boolean): boolean {
  let row = memo.get(a);
  if (!row) memo.set(a, (row = new Map()));
  let answer = row.get(b);
  if (answer === undefined) row.set(b, (answer = compute()));
  return answer;
}

/**
 * Which given names the workspace names two generations of: those of a full name with a generational suffix and one
 * without, or with another, that one article holds as two people (`Donald Trump Jr.` beside `Donald Trump`). For
 * the others a suffix is how some articles write the one person (`Joseph R. Biden Jr.` in The New York Times,
 * `Joseph R. Biden` and `Joe Biden` elsewhere, `John G. Roberts Jr.`), and the names join. Read from the group's
 * articles that hold a suffixed name; most groups have none.
 */
function generationsNamedApart(persons: readonly SpellingGroup[], names: PersonNames): GenerationsApart {
  const apart = new Set<string>();
  const suffixed = new Set<string>();
  for (const group of persons) {
    if (!group.full || !group.spellings.some((s) => names.generationOf(s) !== '')) continue;
    for (const node of group.nodes) suffixed.add(node.uri);
  }
  if (suffixed.size === 0) return () => false;
  const byArticle = new Map<string, ClusterNode[]>();
  for (const group of persons) {
    if (!group.full) continue;
    for (const node of group.nodes) {
      if (!suffixed.has(node.uri)) continue;
      const list = byArticle.get(node.uri);
      if (list) list.push(node);
      else byArticle.set(node.uri, [node]);
    }
  }
  for (const nodes of byArticle.values()) for (const given of twoGenerationsOf(nodes, names)) apart.add(given);
  return (given) => apart.has(given);
}

/** The given names of which one article's people hold two generations (a name with a suffix, and one without or with another). */
function twoGenerationsOf(nodes: readonly Pick<ClusterNode, 'type' | 'name'>[], names: PersonNames): string[] {
  const found: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i].type !== 'person' || !names.isFullName(nodes[i].name)) continue;
    const given = names.givenNamesOf(nodes[i].name)[0];
    const generation = names.generationOf(nodes[i].name);
    for (let j = i + 1; j < nodes.length; j++) {
      if (nodes[j].type !== 'person' || !names.isFullName(nodes[j].name)) continue;
      const other = names.generationOf(nodes[j].name);
      // The same given name as written: a son has his father's name; `Joe Biden` beside `Joseph R. Biden, Jr.` is the
      // one person an article did not join (it joins no suffix to none), not two generations.
      if (other !== generation && given === names.givenNamesOf(nodes[j].name)[0] && names.bareSurname(nodes[i].name) === names.bareSurname(nodes[j].name)) found.push(given);
    }
  }
  return found;
}

function namesTwoGenerations(nodes: readonly Pick<ClusterNode, 'type' | 'name'>[], names: PersonNames): boolean {
  return nodes.some((node) => node.type === 'person' && names.generationOf(node.name) !== '') && twoGenerationsOf(nodes, names).length > 0;
}

/** Full-name spelling groups joined when {@link matchEvidence} accepts them, transitively: depends on the groups' identities alone. */
function joinFullNames(full: readonly SpellingGroup[], names: PersonNames, generationsApart: GenerationsApart): SpellingGroup[][] {
  const parent = full.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // Each set's spellings that tell people apart, one per distinct reading (a few per set however many articles):
  // two sets join only when none of one contradicts one of the other (`George W. Bush` and `George H.W. Bush`, both
  // alike to `George Bush`, stay two people whichever of them `George Bush` joins).
  const telling = full.map((group) => new Map(group.spellings.filter((s) => names.isFullName(s)).map((s) => [names.tellingKey(s), s])));
  const contradict = (i: number, j: number) => [...telling[i].values()].some((x) => [...telling[j].values()].some((y) => names.contradicts(x, y, generationsApart)));
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (contradict(a, b)) return;
    parent[b] = a;
    for (const [key, spelling] of telling[b]) if (!telling[a].has(key)) telling[a].set(key, spelling);
  };
  // Two full names can only match with the same initial of the first given name, or when one is a compound
  // surname ending the other (`Wasserman Schultz`, `Debbie Wasserman Schultz`, whose second "given name" it
  // begins with; see `PersonNames.similarPersonNames`): compare within buckets by the initials of every given
  // name, not every pair of the group.
  const byInitial = new Map<string, number[]>();
  full.forEach((group, i) => {
    const initials = new Set<string>();
    // A short form's full names too (`Bill` is compared with `William`).
    for (const spelling of group.spellings) for (const given of names.givenNamesOf(spelling)) for (const form of names.vocabulary.givenNameForms(given)) if (form.length > 0) initials.add(form[0]);
    for (const initial of initials) {
      const bucket = byInitial.get(initial);
      if (bucket) bucket.push(i);
      else byInitial.set(initial, [i]);
    }
  });
  for (const bucket of byInitial.values()) {
    for (let a = 0; a < bucket.length; a++) {
      for (let b = a + 1; b < bucket.length; b++) {
        const i = bucket[a];
        const j = bucket[b];
        if (find(i) !== find(j) && matchEvidence(full[i], full[j], names, generationsApart)) union(i, j);
      }
    }
  }
  const byRoot = new Map<number, SpellingGroup[]>();
  full.forEach((group, i) => {
    const root = find(i);
    const members = byRoot.get(root);
    if (members) members.push(group);
    else byRoot.set(root, [group]);
  });
  return [...byRoot.values()];
}

/** True when two spelling groups of organisations or places name one (`United Nations` / `UN`). */
function sameOrganisationGroups(a: SpellingGroup, b: SpellingGroup): boolean {
  return a.type === b.type && a.spellings.some((x) => b.spellings.some((y) => sameOrganisation(x, y)));
}

/**
 * True when two groups known by long forms name one by those long forms (`United Nations Security Council` / `UN
 * Security Council`), not by an acronym one of them is also known by: an article that writes `New Hampshire` and `N.H.`
 * says nothing of `Newburgh Heights`, which those letters abbreviate too, nor one with `South Carolina` and `S.C.` of
 * `St. Clairsville` (joined so, the state's workspace actor held a dozen places and a court). An acronym joins a long
 * form in the second step ({@link assignAcronyms}), where the evidence for it is weighed.
 */
function sameLongForms(a: SpellingGroup, b: SpellingGroup): boolean {
  return a.type === b.type && a.spellings.some((x) => acronymOf(x) === undefined && b.spellings.some((y) => acronymOf(y) === undefined && sameOrganisation(x, y)));
}

/**
 * Organisations and places of one alias block, first step: spellings that name one organisation are
 * joined (`United Nations`, `UN Security Council` / `United Nations Security Council`), long forms
 * and acronyms apart. Depends on the groups' identities alone.
 */
function joinOrganisations(groups: readonly SpellingGroup[], same: (a: SpellingGroup, b: SpellingGroup) => boolean): { long: SpellingGroup[][]; short: SpellingGroup[][] } {
  const join = (list: readonly SpellingGroup[], joins: (a: SpellingGroup, b: SpellingGroup) => boolean): SpellingGroup[][] => {
    const out: SpellingGroup[][] = [];
    for (const group of list) {
      const found = out.find((cluster) => cluster.some((g) => joins(g, group)));
      if (found) found.push(group);
      else out.push([group]);
    }
    return out;
  };
  const long = groups.filter((g) => g.full);
  return { long: join(long, sameLongForms), short: join(groups.filter((g) => !g.full), same) };
}

/**
 * Second step: a group known only by its acronym (`U.N.`) joins the one long form it abbreviates, or
 * the clearly dominant one (`NRA` between two long forms of those initials stays apart otherwise), when the
 * evidence allows ({@link acronymMayJoin}).
 */
function assignAcronyms(
  longForms: readonly (readonly SpellingGroup[])[],
  short: readonly (readonly SpellingGroup[])[],
  same: (a: SpellingGroup, b: SpellingGroup) => boolean,
  acronyms: AcronymKnowledge | undefined,
): SpellingGroup[][] {
  const long = longForms.map((cluster) => [...cluster]);
  const weight = (cluster: readonly SpellingGroup[]) => cluster.reduce((n, g) => n + g.weight, 0);
  const alone: SpellingGroup[][] = [];
  for (const cluster of short) {
    const fits = long.filter((l) => l.some((g) => cluster.some((c) => same(g, c))));
    const weights = fits.map(weight).sort((a, b) => b - a);
    const best = fits.length === 1 ? fits[0] : fits.length > 1 && weights[0] >= DOMINANCE * weights[1] ? fits.find((f) => weight(f) === weights[0]) : undefined;
    // The evidence is weighed for the long form chosen, after the choice: a long form it rules out still makes the
    // choice between the others an open one (`D.C.` between `Dallas Cowboys` and another of its letters).
    if (best && (!acronyms || acronymMayJoin(cluster, best, acronyms, weight))) best.push(...cluster);
    else alone.push([...cluster]);
  }
  return [...long, ...alone];
}

/**
 * Whether the articles that write an acronym alone (`cluster`) may be taken to mean a long form of its letters that
 * other articles write (`long`). In one article the two are one name when nothing else there has those letters; across
 * articles only what the workspace and the lists show counts:
 * - a state's abbreviation (`S.C.`, `SC`) is that state, and joins nothing else of its letters (`Supreme Court`);
 * - a name the lists know on its own (`NBC`, `ISIS`, `CIA`) has a meaning before any article spells it out, and the
 *   only long form of its letters in the workspace may be another organisation (`National Baptist Convention`, the
 *   `Institute for Science and International Security` that one article calls ISIS): it joins a long form the lists
 *   know too (`UN` and `United Nations`), or one that articles spell it out as, two of them, or one when the
 *   articles writing the acronym alone are not {@link DOMINANCE} times as many mentions as the long form's.
 *   Otherwise it stays an actor of its own, named as the articles write it (`CIA`, when no article gives `Central
 *   Intelligence Agency (CIA)`): a split that a reader recognises, rather than one organisation's articles shown
 *   under another's name;
 * - an acronym the lists do not know joins the long form, as before.
 */
function acronymMayJoin(cluster: readonly SpellingGroup[], long: readonly SpellingGroup[], acronyms: AcronymKnowledge, weight: (cluster: readonly SpellingGroup[]) => number): boolean {
  const letters = new Set<string>();
  let listed = false;
  for (const group of cluster) {
    for (const spelling of group.spellings) {
      const acronym = acronymOf(spelling);
      if (acronym === undefined) continue;
      letters.add(acronym);
      listed ||= acronyms.isListedName(spelling) || acronyms.isListedName(acronym);
    }
  }
  for (const acronym of letters) {
    const state = acronyms.stateOfLetters(acronym);
    if (state !== undefined) return long.some((g) => g.spellings.some((s) => normalizeName(s) === normalizeName(state)));
  }
  // The lists know both names (`UN` and `United Nations`, `EU` and `European Union`): of one organisation.
  if (!listed || long.some((g) => g.spellings.some((s) => acronymOf(s) === undefined && acronyms.isListedName(s)))) return true;
  // The articles that spell the acronym out as this long form: an actor of theirs is known by both.
  const spelledOut = new Set<string>();
  for (const group of long) {
    if (!group.spellings.some((s) => letters.has(acronymOf(s) ?? ''))) continue;
    for (const node of group.nodes) spelledOut.add(node.uri);
  }
  return spelledOut.size >= 2 || (spelledOut.size === 1 && weight(cluster) <= DOMINANCE * weight(long));
}

/** The distinct spellings of one actor across articles: what matching compares, once for all its nodes. */
class SpellingGroup implements ActorIdentity {
  readonly type: EntityType;
  readonly name: string;
  readonly spellings: readonly string[];
  readonly roles: string[] = [];
  readonly nodes: ClusterNode[] = [];
  /** The place of each node in the input, for the cluster's member order. */
  readonly positions: number[] = [];
  weight = 0;

  constructor(
    first: ClusterNode,
    readonly full: boolean,
  ) {
    this.type = first.type;
    this.name = first.name;
    this.spellings = first.spellings;
  }

  /** The names its nodes give and their mentions, in first-seen order (a few: the nodes share one spelling set). */
  readonly names: string[] = [];
  readonly nameWeights: number[] = [];

  add(node: ClusterNode, position: number): void {
    this.nodes.push(node);
    this.positions.push(position);
    this.weight += node.weight;
    const at = this.names.indexOf(node.name);
    if (at >= 0) this.nameWeights[at] += node.weight;
    else {
      this.names.push(node.name);
      this.nameWeights.push(node.weight);
    }
    // Roles only decide a match across a typo in the surname: a few distinct ones are enough.
    for (const role of node.roles) if (this.roles.length < MAX_GROUP_ROLES && !this.roles.includes(role)) this.roles.push(role);
  }

  /**
   * Replaces the nodes of article `uri` with `nodes` (its nodes now, in actor order). False, the group
   * left half changed, when that changes what the group is known by: its first node's names (which
   * are the group's), or the first distinct roles its nodes give, or when it is left empty.
   */
  replaceArticle(uri: string, nodes: readonly ClusterNode[]): boolean {
    const from = firstAtOrAfter(this.nodes, uri);
    let to = from;
    while (to < this.nodes.length && this.nodes[to].uri === uri) to++;
    if (this.nodes.length - (to - from) + nodes.length === 0) return false;
    for (let i = from; i < to; i++) this.count(this.nodes[i], -1);
    for (const node of nodes) this.count(node, 1);
    this.nodes.splice(from, to - from, ...nodes);
    // A name no node gives any more goes (the names' order does not matter: the cluster's name is picked by a total order).
    for (let at = this.names.length - 1; at >= 0; at--) {
      if (this.nameWeights[at] !== 0 || this.nodes.some((n) => n.name === this.names[at])) continue;
      this.names.splice(at, 1);
      this.nameWeights.splice(at, 1);
    }
    const first = this.nodes[0];
    if (from === 0 && (first.name !== this.name || first.spellings.length !== this.spellings.length || first.spellings.some((spelling, i) => spelling !== this.spellings[i]))) return false;
    return this.sameRoles();
  }

  /** Adds (`sign` 1) or takes away (-1) a node's mentions from the group's and its name's weight. */
  private count(node: ClusterNode, sign: 1 | -1): void {
    this.weight += sign * node.weight;
    const at = this.names.indexOf(node.name);
    if (at >= 0) this.nameWeights[at] += sign * node.weight;
    else {
      this.names.push(node.name);
      this.nameWeights.push(sign * node.weight);
    }
  }

  /** True when the first distinct roles of the nodes, in order, are still {@link roles}. */
  private sameRoles(): boolean {
    const roles: string[] = [];
    const seen = new Set<readonly string[]>();
    for (const node of this.nodes) {
      if (roles.length >= MAX_GROUP_ROLES) break;
      if (node.roles.length === 0 || seen.has(node.roles)) continue;
      seen.add(node.roles);
      for (const role of node.roles) if (roles.length < MAX_GROUP_ROLES && !roles.includes(role)) roles.push(role);
    }
    return roles.length === this.roles.length && roles.every((role, i) => role === this.roles[i]);
  }
}

const MAX_GROUP_ROLES = 16;

/**
 * Signatures by spellings list: the workspace index shares one list among every article that spells
 * an actor the same way (`summaryPool.ts`), so 70,000 nodes of `Donald Trump` cost one signature.
 */
const signatures = new WeakMap<readonly string[], Map<string, string>>();

function signatureOf(node: Pick<ClusterNode, 'type' | 'name' | 'spellings'>): string {
  if (node.spellings.length === 0) return `${node.type}\u0000${normalizeName(node.name)}`;
  let byType = signatures.get(node.spellings);
  if (!byType) signatures.set(node.spellings, (byType = new Map()));
  let signature = byType.get(node.type);
  if (signature === undefined) byType.set(node.type, (signature = `${node.type}\u0000${[...new Set(node.spellings.map(normalizeName))].sort().join('\u0001')}`));
  return signature;
}

/** A cluster of spelling groups; its members in the order of the input (`nodes`), which is URI order. */
function toCluster(groups: readonly SpellingGroup[], ambiguous: boolean, nodes: readonly ClusterNode[]): ActorCluster {
  // Positions, not URIs, are compared: sorting 70,000 long URIs that share their first 60 letters is
  // what made a hover after an edit slow in a large workspace.
  // Each group's positions are in order already: one group's are the members as they are.
  let total = 0;
  for (const group of groups) total += group.positions.length;
  const positions = new Int32Array(total);
  let at = 0;
  for (const group of groups) {
    positions.set(group.positions, at);
    at += group.positions.length;
  }
  if (groups.length > 1) positions.sort();
  const members = new Array<ClusterNode>(total);
  for (let i = 0; i < total; i++) members[i] = nodes[positions[i]];
  const uris: string[] = [];
  for (const member of members) if (uris[uris.length - 1] !== member.uri) uris.push(member.uri);
  return named(groups, members, uris, ambiguous);
}

/** The cluster `previous` (of the same spelling groups) after the members in article `uri` became `mine` (in actor order). */
function spliced(previous: ActorCluster, groups: readonly SpellingGroup[], ambiguous: boolean, uri: string, mine: readonly ClusterNode[]): ActorCluster {
  const from = firstAtOrAfter(previous.members, uri);
  let to = from;
  while (to < previous.members.length && previous.members[to].uri === uri) to++;
  const members = previous.members.slice();
  members.splice(from, to - from, ...mine);
  const uris = previous.uris.slice();
  const place = firstAtOrAfter(uris, uri);
  const listed = uris[place] === uri;
  if (listed && mine.length === 0) uris.splice(place, 1);
  else if (!listed && mine.length > 0) uris.splice(place, 0, uri);
  return named(groups, members, uris, ambiguous);
}

/**
 * The cluster of these members, named by the spelling most mentions use (full names before surnames alone), a spelling
 * that a wrong decoding garbled (`Enrique PeÃ±a Nieto`, `&amp;`) after every clean one however often articles have it.
 */
function named(groups: readonly SpellingGroup[], members: readonly ClusterNode[], uris: readonly string[], ambiguous: boolean): ActorCluster {
  const nameWeights = new Map<string, number>();
  const anyFull = groups.some((g) => g.full);
  for (const group of groups) {
    if (anyFull && !group.full) continue;
    group.names.forEach((name, i) => nameWeights.set(name, (nameWeights.get(name) ?? 0) + group.nameWeights[i]));
  }
  // Each name's damage is read once, not at every comparison of the sort.
  const name = [...nameWeights.entries()]
    .map(([spelling, weight]) => ({ spelling, weight, garbled: garbled(spelling) }))
    .sort(
      (a, b) =>
        a.garbled - b.garbled ||
        b.weight - a.weight ||
        capitalsLast(a.spelling) - capitalsLast(b.spelling) ||
        b.spelling.length - a.spelling.length ||
        (a.spelling < b.spelling ? -1 : a.spelling > b.spelling ? 1 : 0),
    )[0].spelling;
  return { id: `${groups[0].type}:${normalizeName(name)}`, type: groups[0].type, name, members, uris, ambiguous };
}

/** 1 for a name with encoding damage (mojibake, an HTML entity: `duplicates/repair.ts` would repair it), else 0. */
function garbled(name: string): number {
  // Composed first: scraped text often writes the lead letter decomposed (`A` and a combining tilde for `Ã`).
  const composed = name.normalize('NFC');
  return repairText(composed).text === composed ? 0 : 1;
}

/** The first of `items` (in URI order: URIs, or members by their URI) whose URI is `uri` or comes after it. */
export function firstAtOrAfter(items: readonly (string | { readonly uri: string })[], uri: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const item = items[middle];
    if ((typeof item === 'string' ? item : item.uri) < uri) low = middle + 1;
    else high = middle;
  }
  return low;
}
