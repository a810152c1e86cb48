/**
 * Word clustering by the bidirectional predictive exchange algorithm (Uszkoreit & Brants 2008,
 * "Distributed Word Clustering for Large Scale Class-Based Language Modeling"; the two-sided form as
 * in Dehdari et al. 2016, ClusterCat). Used by `npm run train:clusters` to learn the word clusters the
 * entity tagger reads as features (Ratinov & Roth 2009 use Brown clusters to the same end).
 *
 * Why not Brown clustering: Brown's agglomerative search costs O(V·C²) with an intricate incremental
 * bookkeeping; the exchange algorithm optimises a closely related class-bigram likelihood with a
 * loop simple enough to check by eye, and runs in seconds on the ~1M tokens we have. No npm package
 * does either (searched: no Brown, exchange or word2vec clustering library is published for Node).
 * A hierarchy comes from clustering the clusters: the fine classes' sequence is clustered again into
 * fewer classes, so coarse classes are unions of fine ones, like prefixes of a Brown bit path.
 *
 * Model: P(w_i | w_{i-1}) ≈ P(w_i | c_i) · P(c_i | w_{i-1}), and the same to the right. Up to
 * constants, the log-likelihood of a clustering is
 *   Σ_{v,c} f(N(v→c)) + Σ_{c,v} f(N(c→v)) − 2 Σ_c f(N(c)),   f(x) = x ln x,
 * where N(v→c) counts word v followed by a word of class c and N(c→v) a word of class c followed by
 * v. Moving one word changes only the counts of its own neighbours, so the best class for a word is
 * found in O((distinct neighbours) · C). Words are visited in frequency order; a sweep moves each to
 * its best class; sweeps repeat until few words move. Deterministic: no randomness, and ties go to
 * the lower class id.
 */

/** x ln x for integer counts below this are read from a table. */
const TABLE_SIZE = 1 << 20;
const XLOGX = (() => {
  const t = new Float64Array(TABLE_SIZE);
  for (let x = 1; x < TABLE_SIZE; x++) t[x] = x * Math.log(x);
  return t;
})();

function xlogx(x: number): number {
  return x < TABLE_SIZE ? XLOGX[x] : x * Math.log(x);
}

/** A corpus as word ids (0…vocabulary−1), with the count of each id. */
export interface IdCorpus {
  readonly ids: Int32Array;
  readonly vocabulary: number;
}

/** Distinct neighbour pairs of each word, both directions, as compact adjacency lists. */
interface Neighbours {
  /** `pred[predStart[w]..predStart[w+1])`: words seen just before w, with `predCount` occurrences. */
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
  readonly predCount: Int32Array;
  readonly succStart: Int32Array;
  readonly succ: Int32Array;
  readonly succCount: Int32Array;
  readonly count: Int32Array;
}

function neighbours(corpus: IdCorpus): Neighbours {
  const V = corpus.vocabulary;
  const ids = corpus.ids;
  const count = new Int32Array(V);
  for (const id of ids) count[id]++;
  // Bigram counts keyed by (a, b) in a Map of numbers: a·V + b fits a double exactly.
  const bigrams = new Map<number, number>();
  for (let i = 1; i < ids.length; i++) {
    const key = ids[i - 1] * V + ids[i];
    bigrams.set(key, (bigrams.get(key) ?? 0) + 1);
  }
  const keys = [...bigrams.keys()].sort((a, b) => a - b);
  const build = (by: (key: number) => number, other: (key: number) => number) => {
    const start = new Int32Array(V + 1);
    for (const k of keys) start[by(k) + 1]++;
    for (let w = 0; w < V; w++) start[w + 1] += start[w];
    const fill = start.slice(0, V);
    const list = new Int32Array(keys.length);
    const counts = new Int32Array(keys.length);
    for (const k of keys) {
      const at = fill[by(k)]++;
      list[at] = other(k);
      counts[at] = bigrams.get(k)!;
    }
    return { start, list, counts };
  };
  const first = (k: number) => Math.floor(k / V);
  const second = (k: number) => k % V;
  const p = build(second, first);
  const s = build(first, second);
  return { predStart: p.start, pred: p.list, predCount: p.counts, succStart: s.start, succ: s.list, succCount: s.counts, count };
}

/** Progress of one sweep, for the training log. */
export interface SweepReport {
  readonly sweep: number;
  readonly moved: number;
  readonly objective: number;
}

/**
 * Clusters the corpus's word ids into `classes` classes. `order` lists the ids to move, most
 * frequent first; ids not in it keep their initial class (round-robin over `order`'s ranks, and
 * class 0 for ids outside it). Returns the class of every id.
 */
export function exchangeCluster(
  corpus: IdCorpus,
  classes: number,
  order: readonly number[],
  options: { maxSweeps?: number; minMovedFraction?: number; onSweep?: (report: SweepReport) => void } = {},
): Int32Array {
  const V = corpus.vocabulary;
  const C = classes;
  const nb = neighbours(corpus);
  const cls = new Int32Array(V);
  order.forEach((w, rank) => (cls[w] = rank % C));
  // left[v·C + c] = N(v→c), right[v·C + c] = N(c→v), size[c] = N(c).
  const left = new Int32Array(V * C);
  const right = new Int32Array(V * C);
  const size = new Float64Array(C);
  for (let w = 0; w < V; w++) {
    size[cls[w]] += nb.count[w];
    for (let k = nb.predStart[w]; k < nb.predStart[w + 1]; k++) left[nb.pred[k] * C + cls[w]] += nb.predCount[k];
    for (let k = nb.succStart[w]; k < nb.succStart[w + 1]; k++) right[nb.succ[k] * C + cls[w]] += nb.succCount[k];
  }
  const objective = (): number => {
    let total = 0;
    for (let i = 0; i < left.length; i++) total += xlogx(left[i]) + xlogx(right[i]);
    for (let c = 0; c < C; c++) total -= 2 * xlogx(size[c]);
    return total;
  };
  const gain = new Float64Array(C);
  /** Adds to `gain[c]` what w's neighbours on one side (`list`, with counts) gain in `table` if w joins class c. */
  const addGains = (start: Int32Array, list: Int32Array, counts: Int32Array, table: Int32Array, w: number): void => {
    for (let k = start[w]; k < start[w + 1]; k++) {
      const m = counts[k];
      const row = list[k] * C;
      for (let c = 0; c < C; c++) {
        const x = table[row + c];
        gain[c] += xlogx(x + m) - xlogx(x);
      }
    }
  };
  const maxSweeps = options.maxSweeps ?? 20;
  const minMoved = Math.ceil((options.minMovedFraction ?? 0.001) * order.length);
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    let moved = 0;
    for (const w of order) {
      const from = cls[w];
      const n = nb.count[w];
      // Take w out of its class.
      size[from] -= n;
      for (let k = nb.predStart[w]; k < nb.predStart[w + 1]; k++) left[nb.pred[k] * C + from] -= nb.predCount[k];
      for (let k = nb.succStart[w]; k < nb.succStart[w + 1]; k++) right[nb.succ[k] * C + from] -= nb.succCount[k];
      // Gain of putting it in each class.
      for (let c = 0; c < C; c++) gain[c] = -2 * (xlogx(size[c] + n) - xlogx(size[c]));
      addGains(nb.predStart, nb.pred, nb.predCount, left, w);
      addGains(nb.succStart, nb.succ, nb.succCount, right, w);
      // Stay unless another class is strictly better (ties and rounding noise never move a word).
      let best = from;
      for (let c = 0; c < C; c++) if (gain[c] > gain[best] + 1e-9) best = c;
      if (best !== from) moved++;
      cls[w] = best;
      size[best] += n;
      for (let k = nb.predStart[w]; k < nb.predStart[w + 1]; k++) left[nb.pred[k] * C + best] += nb.predCount[k];
      for (let k = nb.succStart[w]; k < nb.succStart[w + 1]; k++) right[nb.succ[k] * C + best] += nb.succCount[k];
    }
    options.onSweep?.({ sweep, moved, objective: objective() });
    if (moved < minMoved) break;
  }
  return cls;
}

/**
 * Nested clusterings: the corpus clustered into `levels[last]` classes (the finest), then the
 * sequence of those classes clustered into `levels[last − 1]`, and so on, so each coarse class is a
 * union of finer ones. Returns per level (coarsest first) the class of every word id.
 */
export function hierarchicalExchange(
  corpus: IdCorpus,
  levels: readonly number[],
  order: readonly number[],
  onSweep?: (level: number, report: SweepReport) => void,
): Int32Array[] {
  const out: Int32Array[] = new Array(levels.length);
  let current = corpus;
  let currentOrder = order;
  let mapping: Int32Array | undefined; // word id → class of the level below
  for (let li = levels.length - 1; li >= 0; li--) {
    const classes = exchangeCluster(current, levels[li], currentOrder, { onSweep: (r) => onSweep?.(levels[li], r) });
    const perWord = new Int32Array(corpus.vocabulary);
    for (let w = 0; w < corpus.vocabulary; w++) perWord[w] = classes[mapping ? mapping[w] : w];
    out[li] = perWord;
    // The next (coarser) level clusters this level's classes, read as the corpus's tokens.
    const ids = new Int32Array(corpus.ids.length);
    for (let i = 0; i < ids.length; i++) ids[i] = perWord[corpus.ids[i]];
    const counts = new Int32Array(levels[li]);
    for (const id of ids) counts[id]++;
    currentOrder = Array.from({ length: levels[li] }, (_, c) => c)
      .filter((c) => counts[c] > 0)
      .sort((a, b) => counts[b] - counts[a] || a - b);
    current = { ids, vocabulary: levels[li] };
    mapping = perWord;
  }
  return out;
}
