import type { ArticleSummary } from '../workspaceIndex';
import type { ActorTable, ViewActor } from './actorTable';
import { type ActorMap, type ActorMapRequest, type MapEdge, type MapNode } from './rows';

const DEFAULT_MAP_NODES = 300;
const MAX_MAP_NODES = 5000;
/**
 * Up to this many `together` lines per node the map shows them all; beyond it, each node keeps its
 * strongest {@link TOGETHER_EDGES_PER_NODE} (a line stays when either end keeps it): a dense
 * workspace would otherwise be a hairball that also takes seconds to lay out. Among lines of equal
 * weight, those to the more mentioned actor are kept (Kerry's line to Lavrov before his line to Iraq).
 */
const ALL_TOGETHER_EDGES_PER_NODE = 6;
const TOGETHER_EDGES_PER_NODE = 5;

/** Lines between actors on the map, by the pair of their ranks on the map: numbers, not strings, as keys (millions of pairs at 10,000 articles). */
type Lines = Map<number, number>;

/**
 * The actor map: the `maxNodes` most mentioned actors (of the types asked for), with the dates of
 * their articles; a `together` line for each pair that shares articles (weight: how many), and a
 * `quotes` line from a speaker to each actor on the map their quotes name (weight: how many quotes).
 * One pass over the articles; quotes find the mentions inside them by binary search.
 */
export function actorMap(actors: ActorTable, articles: readonly ArticleSummary[], request: ActorMapRequest, revision: number): ActorMap {
  const types = request.types?.length ? new Set(request.types) : undefined;
  const max = Math.min(Math.max(1, Math.floor(request.maxNodes ?? DEFAULT_MAP_NODES)), MAX_MAP_NODES);
  const matching = types ? actors.actors().filter((a) => types.has(a.row.type)) : actors.actors();
  const shown = matching.slice(0, max);
  /** Rank on the map of each actor shown. */
  const rank = new Map<ViewActor, number>(shown.map((actor, i) => [actor, i]));
  const n = shown.length;

  const together: Lines = new Map();
  const quotes: Lines = new Map();
  const present: number[] = [];
  for (const article of articles) {
    const workspaceActors = actors.actorsOf(article.uri);
    if (!workspaceActors) continue;
    present.length = 0;
    for (const actor of workspaceActors.values()) {
      const r = rank.get(actor);
      if (r !== undefined && !present.includes(r)) present.push(r);
    }
    if (present.length < 2) continue;
    present.sort((a, b) => a - b);
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) addLine(together, present[i] * n + present[j]);
    }
    if (article.quotes.length > 0) quoteLines(article, workspaceActors, rank, (speaker, named) => addLine(quotes, speaker * n + named));
  }

  const edges: MapEdge[] = [];
  const kept = strongestTogether(together, shown);
  for (const [pair, weight] of together) if (!kept || kept.has(pair)) edges.push({ source: shown[Math.floor(pair / n)].id, target: shown[pair % n].id, kind: 'together', weight });
  for (const [pair, weight] of quotes) edges.push({ source: shown[Math.floor(pair / n)].id, target: shown[pair % n].id, kind: 'quotes', weight });
  return { nodes: shown.map(mapNode), edges, totalActors: matching.length, revision };
}

function addLine(lines: Lines, pair: number): void {
  lines.set(pair, (lines.get(pair) ?? 0) + 1);
}

/** An actor on the map, with the first and last date of its dated articles. */
function mapNode(actor: ViewActor): MapNode {
  let firstDate: string | undefined;
  let lastDate: string | undefined;
  for (const { article } of actor.members) {
    if (!article.date) continue;
    if (!firstDate || article.date < firstDate) firstDate = article.date;
    if (!lastDate || article.date > lastDate) lastDate = article.date;
  }
  return firstDate ? { ...actor.row, firstDate, lastDate } : actor.row;
}

/**
 * Calls `found` once per quote of the article and actor on the map that the quote's words name, with
 * the speaker (both as ranks on the map).
 */
function quoteLines(article: ArticleSummary, workspaceActors: ReadonlyMap<number, ViewActor>, rank: ReadonlyMap<ViewActor, number>, found: (speaker: number, named: number) => void): void {
  const speakerByName = new Map<string, number>();
  article.actors.forEach((summary, index) => {
    const actor = workspaceActors.get(index);
    const r = actor && rank.get(actor);
    if (r !== undefined && !speakerByName.has(summary.name)) speakerByName.set(summary.name, r);
  });
  if (!article.quotes.some((q) => q.speaker !== undefined && speakerByName.has(q.speaker))) return;
  // The mentions of actors on the map, by start: a quote's are a binary search away.
  const mentions: { start: number; end: number; actor: number }[] = [];
  article.actors.forEach((summary, index) => {
    const actor = workspaceActors.get(index);
    const r = actor && rank.get(actor);
    if (r === undefined) return;
    for (let i = summary.mentionFrom; i < summary.mentionTo; i++) mentions.push({ start: article.mentionOffsets[i * 2], end: article.mentionOffsets[i * 2 + 1], actor: r });
  });
  mentions.sort((a, b) => a.start - b.start);
  for (const quote of article.quotes) {
    const speaker = quote.speaker !== undefined ? speakerByName.get(quote.speaker) : undefined;
    if (speaker === undefined) continue;
    let low = 0;
    let high = mentions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (mentions[mid].start < quote.start) low = mid + 1;
      else high = mid;
    }
    const named = new Set<number>();
    for (let i = low; i < mentions.length && mentions[i].start < quote.end; i++) {
      if (mentions[i].end <= quote.end && mentions[i].actor !== speaker) named.add(mentions[i].actor);
    }
    for (const actor of named) found(speaker, actor);
  }
}

/** The pairs of the `together` lines to keep, or undefined for all (see {@link ALL_TOGETHER_EDGES_PER_NODE}). */
function strongestTogether(together: Lines, shown: readonly ViewActor[]): Set<number> | undefined {
  const n = shown.length;
  if (together.size <= n * ALL_TOGETHER_EDGES_PER_NODE) return undefined;
  const byNode: { pair: number; weight: number; other: number }[][] = shown.map(() => []);
  for (const [pair, weight] of together) {
    const a = Math.floor(pair / n);
    const b = pair % n;
    byNode[a].push({ pair, weight, other: shown[b].row.mentions });
    byNode[b].push({ pair, weight, other: shown[a].row.mentions });
  }
  const kept = new Set<number>();
  for (const list of byNode) {
    list.sort((x, y) => y.weight - x.weight || y.other - x.other || x.pair - y.pair);
    for (const { pair } of list.slice(0, TOGETHER_EDGES_PER_NODE)) kept.add(pair);
  }
  return kept;
}
