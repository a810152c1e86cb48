import { matchEvidence, type ActorIdentity } from './actorMatching';
import { isLongForm, sameOrganisation } from './aliases';
import { capitalsLast, normalizeName, type PersonNames } from './names';
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
export function clusterActors(nodes: readonly ClusterNode[], names: PersonNames): ActorCluster[] {
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
  const all = [...groups.values()];
  const persons = all.filter((g) => g.type === 'person');
  const clusters: SpellingGroup[][] = clusterOrganisations(all.filter((g) => g.type !== 'person'));

  const full = persons.filter((g) => g.full);
  const parent = full.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // Two full names can only match with the same initial of the first given name (see
  // `PersonNames.similarPersonNames`): compare within those buckets, not every pair of the group.
  const byInitial = new Map<string, number[]>();
  full.forEach((group, i) => {
    const initials = new Set(group.spellings.map((s) => names.givenNamesOf(s)[0]?.[0]).filter((c): c is string => c !== undefined));
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
        if (find(i) !== find(j) && matchEvidence(full[i], full[j], names)) parent[find(j)] = find(i);
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
  const fullClusters = [...byRoot.values()];
  const personClusters = [...fullClusters];
  const ambiguous = new Set<SpellingGroup[]>();
  for (const alone of persons.filter((g) => !g.full)) {
    const fits = fullClusters.filter((cluster) => cluster.some((g) => matchEvidence(alone, g, names)));
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
  return [...clusters, ...personClusters].map((groups) => toCluster(groups, ambiguous.has(groups), nodes));
}

/**
 * Organisations and places of one alias block: spellings that name one organisation are joined
 * (`United Nations`, `UN Security Council` / `United Nations Security Council`); then a group known
 * only by its acronym (`U.N.`) joins the one long form it abbreviates, or the clearly dominant one
 * (`NRA` between two long forms of those initials stays apart otherwise).
 */
function clusterOrganisations(groups: readonly SpellingGroup[]): SpellingGroup[][] {
  const same = (a: SpellingGroup, b: SpellingGroup) => a.type === b.type && a.spellings.some((x) => b.spellings.some((y) => sameOrganisation(x, y)));
  const join = (list: readonly SpellingGroup[]): SpellingGroup[][] => {
    const out: SpellingGroup[][] = [];
    for (const group of list) {
      const found = out.find((cluster) => cluster.some((g) => same(g, group)));
      if (found) found.push(group);
      else out.push([group]);
    }
    return out;
  };
  const long = join(groups.filter((g) => g.full));
  const short = join(groups.filter((g) => !g.full));
  const weight = (cluster: readonly SpellingGroup[]) => cluster.reduce((n, g) => n + g.weight, 0);
  const alone: SpellingGroup[][] = [];
  for (const cluster of short) {
    const fits = long.filter((l) => l.some((g) => cluster.some((c) => same(g, c))));
    const weights = fits.map(weight).sort((a, b) => b - a);
    const best = fits.length === 1 ? fits[0] : fits.length > 1 && weights[0] >= DOMINANCE * weights[1] ? fits.find((f) => weight(f) === weights[0]) : undefined;
    if (best) best.push(...cluster);
    else alone.push(cluster);
  }
  return [...long, ...alone];
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
}

const MAX_GROUP_ROLES = 16;

/**
 * Signatures by spellings list: the workspace index shares one list among every article that spells
 * an actor the same way (`summaryPool.ts`), so 70,000 nodes of `Donald Trump` cost one signature.
 */
const signatures = new WeakMap<readonly string[], Map<string, string>>();

function signatureOf(node: ClusterNode): string {
  if (node.spellings.length === 0) return `${node.type}\u0000${normalizeName(node.name)}`;
  let byType = signatures.get(node.spellings);
  if (!byType) signatures.set(node.spellings, (byType = new Map()));
  let signature = byType.get(node.type);
  if (signature === undefined) byType.set(node.type, (signature = `${node.type}\u0000${[...new Set(node.spellings.map(normalizeName))].sort().join('\u0001')}`));
  return signature;
}

/** A cluster of spelling groups; its members in the order of the input (`nodes`), which is URI order. */
function toCluster(groups: readonly SpellingGroup[], ambiguous: boolean, nodes: readonly ClusterNode[]): ActorCluster {
  const nameWeights = new Map<string, number>();
  const anyFull = groups.some((g) => g.full);
  for (const group of groups) {
    if (anyFull && !group.full) continue;
    group.names.forEach((name, i) => nameWeights.set(name, (nameWeights.get(name) ?? 0) + group.nameWeights[i]));
  }
  const name = [...nameWeights.entries()].sort((a, b) => b[1] - a[1] || capitalsLast(a[0]) - capitalsLast(b[0]) || b[0].length - a[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0][0];
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
  return { id: `${groups[0].type}:${normalizeName(name)}`, type: groups[0].type, name, members, uris, ambiguous };
}
