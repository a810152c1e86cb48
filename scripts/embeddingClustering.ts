/**
 * Hierarchical clustering of word vectors by spherical k-means (cosine similarity), for the entity
 * tagger's embedding clusters (`npm run train:embedding-clusters`, scripts/trainEmbeddingClusters.ts).
 *
 * The finest level clusters the words' unit vectors; each coarser level clusters the finer level's
 * centroids (weighted by their sizes), so a coarse class is a union of fine ones, like a prefix of a
 * Brown bit path (the same shape as the exchange clusters of `scripts/exchangeClustering.ts`).
 * Initialisation is k-means++ (Arthur & Vassilvitskii 2007) with a seeded generator: the same vectors
 * and seed give the same classes byte for byte on one platform.
 *
 * Why hand-written: the loop is thirty lines over Float32Arrays, and the npm k-means packages
 * (ml-kmeans and others) take arrays of arrays of doubles, have no cosine distance or weights, and are
 * several times slower on 100,000 × 100 points.
 */
import { seededRandom } from '../server/src/core/random';

/** Points as rows of a matrix, each of unit length. */
export interface UnitVectors {
  /** `data[i * dimensions + d]`. */
  readonly data: Float32Array;
  readonly count: number;
  readonly dimensions: number;
}

/** Scales each row of `data` to unit length in place (a zero row stays zero). */
export function normaliseRows(data: Float32Array, dimensions: number): void {
  for (let at = 0; at < data.length; at += dimensions) {
    let norm = 0;
    for (let d = 0; d < dimensions; d++) norm += data[at + d] * data[at + d];
    norm = Math.sqrt(norm);
    if (norm > 0) for (let d = 0; d < dimensions; d++) data[at + d] /= norm;
  }
}

/** One iteration's figures, for progress lines. */
export interface KMeansProgress {
  readonly iteration: number;
  readonly moved: number;
  /** Points whose bounds spared the comparison with every centroid. */
  readonly skipped: number;
}

/**
 * Spherical k-means of `points` into `k` classes: each point goes to the centroid of highest cosine
 * (on unit vectors the nearest in Euclidean distance), each centroid is the normalised weighted sum
 * of its points. Stops when at most `tolerance` × the points move or after `maxIterations`. Returns
 * each point's class (0…k−1) and the centroids.
 *
 * Hamerly's bounds (2010, "Making k-means even faster") skip most of the work once centroids settle:
 * per point an upper bound on the distance to its centroid and a lower bound on the distance to any
 * other; a point is compared with every centroid only when the bounds cannot rule out a move.
 */
export function sphericalKMeans(
  points: UnitVectors,
  k: number,
  options: { seed: number; weights?: Float32Array; maxIterations?: number; tolerance?: number; onIteration?: (p: KMeansProgress) => void },
): { classes: Int32Array; centroids: UnitVectors } {
  const { count: n, dimensions: D, data } = points;
  if (k > n) throw new Error(`cannot make ${k} classes of ${n} points`);
  const weights = options.weights ?? new Float32Array(n).fill(1);
  const centroids = kMeansPlusPlus(points, k, weights, seededRandom(options.seed));
  const classes = new Int32Array(n).fill(-1);
  const upper = new Float64Array(n).fill(Infinity);
  const lower = new Float64Array(n);
  const halfGap = new Float64Array(k);
  const drift = new Float64Array(k);
  const maxIterations = options.maxIterations ?? 25;
  const tolerance = options.tolerance ?? 0.01;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    // Half the distance from each centroid to its nearest other centroid: a point closer than that to its own stays.
    halfGap.fill(Infinity);
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++) {
        const half = distance(centroids, a * D, centroids, b * D, D) / 2;
        if (half < halfGap[a]) halfGap[a] = half;
        if (half < halfGap[b]) halfGap[b] = half;
      }
    }
    let moved = 0;
    let skipped = 0;
    for (let i = 0; i < n; i++) {
      const own = classes[i];
      const bound = Math.max(halfGap[own] ?? 0, lower[i]);
      if (own >= 0 && upper[i] <= bound) {
        skipped++;
        continue;
      }
      if (own >= 0) {
        upper[i] = distance(data, i * D, centroids, own * D, D);
        if (upper[i] <= bound) {
          skipped++;
          continue;
        }
      }
      // Compare with every centroid: the nearest and the second nearest (ties to the lower index).
      let best = -1, bestDot = -Infinity, secondDot = -Infinity;
      for (let c = 0, cAt = 0; c < k; c++, cAt += D) {
        let dot = 0;
        for (let d = 0, at = i * D; d < D; d++) dot += data[at + d] * centroids[cAt + d];
        if (dot > bestDot) {
          secondDot = bestDot;
          bestDot = dot;
          best = c;
        } else if (dot > secondDot) secondDot = dot;
      }
      if (best !== own) moved++;
      classes[i] = best;
      upper[i] = chord(bestDot);
      lower[i] = chord(secondDot);
    }
    // New centroids: the normalised weighted sums; a class left empty keeps its old centroid.
    const sums = new Float64Array(k * D);
    const sizes = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const c = classes[i];
      sizes[c] += weights[i];
      for (let d = 0; d < D; d++) sums[c * D + d] += weights[i] * data[i * D + d];
    }
    const next = centroids.slice();
    for (let c = 0; c < k; c++) if (sizes[c] > 0) for (let d = 0; d < D; d++) next[c * D + d] = sums[c * D + d];
    normaliseRows(next, D);
    // Move the bounds by how far the centroids moved.
    let most = -1, mostDrift = 0, secondDrift = 0;
    for (let c = 0; c < k; c++) {
      drift[c] = distance(centroids, c * D, next, c * D, D);
      if (drift[c] > mostDrift) {
        secondDrift = mostDrift;
        mostDrift = drift[c];
        most = c;
      } else if (drift[c] > secondDrift) secondDrift = drift[c];
    }
    centroids.set(next);
    for (let i = 0; i < n; i++) {
      upper[i] += drift[classes[i]];
      lower[i] -= classes[i] === most ? secondDrift : mostDrift;
    }
    options.onIteration?.({ iteration, moved, skipped });
    if (moved <= tolerance * n) break;
  }
  return { classes, centroids: { data: centroids, count: k, dimensions: D } };
}

/** Euclidean distance between two unit vectors of cosine `dot`. */
function chord(dot: number): number {
  return Math.sqrt(Math.max(0, 2 - 2 * dot));
}

/** Euclidean distance between the rows at `a` of `x` and at `b` of `y`. */
function distance(x: Float32Array, a: number, y: Float32Array, b: number, D: number): number {
  let sum = 0;
  for (let d = 0; d < D; d++) {
    const diff = x[a + d] - y[b + d];
    sum += diff * diff;
  }
  return Math.sqrt(sum);
}

/** k-means++ seeding with cosine distance (1 − cos), points drawn in proportion to weight × distance². */
function kMeansPlusPlus(points: UnitVectors, k: number, weights: Float32Array, random: () => number): Float32Array {
  const { count: n, dimensions: D, data } = points;
  const centroids = new Float32Array(k * D);
  const distance = new Float64Array(n).fill(Infinity);
  let chosen = Math.min(n - 1, Math.floor(random() * n));
  for (let c = 0; c < k; c++) {
    centroids.set(data.subarray(chosen * D, chosen * D + D), c * D);
    let total = 0;
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let d = 0; d < D; d++) dot += data[i * D + d] * data[chosen * D + d];
      const dist = Math.max(0, 1 - dot);
      if (dist * dist < distance[i]) distance[i] = dist * dist;
      total += weights[i] * distance[i];
    }
    if (c === k - 1) break;
    let target = random() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= weights[i] * distance[i];
      if (target <= 0 && distance[i] > 0) {
        chosen = i;
        break;
      }
    }
  }
  return centroids;
}

/**
 * Classes at several levels, coarse first: the finest (`levels` last) clusters the points, each
 * coarser one the next finer level's centroids weighted by how many points they hold. `result[l][i]`
 * is point i's class at level l.
 */
export function hierarchicalKMeans(
  points: UnitVectors,
  levels: readonly number[],
  seed: number,
  log: (line: string) => void = () => {},
): Int32Array[] {
  const sorted = [...levels].sort((a, b) => a - b);
  if (sorted.join() !== levels.join()) throw new Error(`levels must grow: ${levels.join(',')}`);
  const result: Int32Array[] = new Array(levels.length);
  let current = points;
  let weights: Float32Array | undefined;
  // What each point of `current` stands for: at the finest level a word, above it a finer class.
  let pointClass: Int32Array | undefined;
  for (let l = levels.length - 1; l >= 0; l--) {
    const { classes, centroids } = sphericalKMeans(current, levels[l], {
      seed: seed + l,
      weights,
      onIteration: (p) => log(`  ${levels[l]} classes, iteration ${p.iteration}: ${p.moved} moved (${p.skipped} of ${current.count} spared by their bounds)`),
    });
    result[l] = pointClass ? pointClass.map((c) => classes[c]) : classes;
    // The next level weighs each class by the points (words) it holds, not by its finer classes.
    weights = new Float32Array(levels[l]);
    for (const c of result[l]) weights[c]++;
    pointClass = result[l];
    current = centroids;
  }
  return result;
}
