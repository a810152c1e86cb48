/**
 * Training of the quote pass's rankers (`ranker.ts`): a listwise conditional-logit (softmax) model with an L2
 * penalty, fitted full-batch by L-BFGS. Only the training scripts and tests call it; the server scores with the
 * weights it writes (`ranker.ts`), so none of this is in the server bundle.
 *
 * Per quotation the candidates' scores (sums of feature weights, as at run time) give a softmax distribution,
 * and training maximises the log of the probability of its gold candidates (several when several mentions of
 * the speaker are candidates: any of them is right) minus λ/2 ‖w‖². The objective is convex and, with λ > 0,
 * strictly so: it has one optimum, which the optimiser reaches whatever the order of the examples, so the
 * weights depend on the examples alone and move little when a few examples change (the averaged perceptron
 * this replaced hung on the order it met them in). λ is chosen by cross-validation (`scripts/trainQuotes.ts`).
 */
import { SPEAKER_FEATURE_VERSION, type RankingExample, type SpeakerModel, type Weights } from './ranker';

/** Options of {@link trainSoftmaxRanker}. */
export interface SoftmaxOptions {
  /** Strength of the L2 penalty λ, against the summed log-likelihood of the examples. */
  readonly l2: number;
  /** Iterations of L-BFGS at most (default 2,000; it converges in a few hundred). */
  readonly maxIterations?: number;
}

/** The examples as dense arrays: each candidate's feature indices (a feature twice counts twice). */
interface Problem {
  readonly names: string[];
  /** Per example, per candidate, the feature indices. */
  readonly candidates: Int32Array[][];
  /** Per example, whether each candidate is gold. */
  readonly gold: boolean[][];
}

function index(examples: readonly RankingExample[]): Problem {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const candidates: Int32Array[][] = [];
  const gold: boolean[][] = [];
  for (const ex of examples) {
    // A malformed example would make the loss infinite or NaN, which the optimiser reads as nothing left to gain:
    // an all-zero model and no error.
    if (ex.candidates.length === 0 || ex.gold.some((g) => !Number.isInteger(g) || g < 0 || g >= ex.candidates.length)) {
      throw new RangeError(`a ranking example needs candidates and gold indices among them (${ex.candidates.length} candidates, gold ${ex.gold.join(', ')})`);
    }
    // An example with no gold, or whose candidates are all gold, says nothing about the weights.
    if (ex.gold.length === 0 || new Set(ex.gold).size === ex.candidates.length) continue;
    candidates.push(
      ex.candidates.map((c) =>
        Int32Array.from(c.features, (f) => {
          let id = ids.get(f);
          if (id === undefined) {
            ids.set(f, (id = names.length));
            names.push(f);
          }
          return id;
        }),
      ),
    );
    gold.push(ex.candidates.map((_, i) => ex.gold.includes(i)));
  }
  return { names, candidates, gold };
}

/**
 * The negative penalised log-likelihood at `w`, its gradient written into `grad`. Per example:
 * log Σ_all e^s − log Σ_gold e^s, whose gradient is the expected features under the softmax over all
 * candidates minus that over the gold ones.
 */
function objective(problem: Problem, l2: number, w: Float64Array, grad: Float64Array): number {
  let loss = 0;
  for (let j = 0; j < w.length; j++) {
    loss += 0.5 * l2 * w[j] * w[j];
    grad[j] = l2 * w[j];
  }
  const scores: number[] = [];
  const goodScores: number[] = [];
  for (let e = 0; e < problem.candidates.length; e++) {
    const cands = problem.candidates[e];
    const gold = problem.gold[e];
    scores.length = goodScores.length = cands.length;
    let max = -Infinity;
    for (let i = 0; i < cands.length; i++) {
      let s = 0;
      for (const f of cands[i]) s += w[f];
      scores[i] = s;
      if (s > max) max = s;
    }
    // The gold candidates' sum is taken from their own best score: from the best of all, gold candidates far behind
    // it would underflow to a zero sum (an infinite loss, a NaN gradient).
    let goodMax = -Infinity;
    for (let i = 0; i < cands.length; i++) if (gold[i] && scores[i] > goodMax) goodMax = scores[i];
    let all = 0;
    let good = 0;
    for (let i = 0; i < cands.length; i++) {
      const s = scores[i];
      scores[i] = Math.exp(s - max);
      all += scores[i];
      if (gold[i]) {
        goodScores[i] = Math.exp(s - goodMax);
        good += goodScores[i];
      }
    }
    loss += Math.log(all) + max - Math.log(good) - goodMax;
    for (let i = 0; i < cands.length; i++) {
      const d = scores[i] / all - (gold[i] ? goodScores[i] / good : 0);
      if (d !== 0) for (const f of cands[i]) grad[f] += d;
    }
  }
  return loss;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Pairs of the L-BFGS memory. */
const MEMORY = 10;

/**
 * Minimises a smooth convex function by L-BFGS with a backtracking (Armijo) line search, from zero.
 * Stops when the largest gradient component is below `tolerance`, when no step lowers the function any more, or
 * after `maxIterations`. On PolNeAR it stops the second way, with the largest gradient component 2.5e-6 to 2e-5:
 * with an L2 penalty λ every weight is then within ‖g‖/λ of the optimum, 2e-6 at the shipped λ = 10 and 5e-5 at the
 * weakest tried (0.3), below the model file's 1e-4 rounding. Written here rather than taken from npm: seventy lines,
 * no dependency, and every operation in a fixed order, so the result is the same to the bit. A function that is not
 * finite where it starts is an error (a malformed problem), not a minimum.
 */
export function minimize(
  f: (x: Float64Array, grad: Float64Array) => number,
  dimension: number,
  maxIterations: number,
  tolerance = 1e-7,
): Float64Array {
  let x: Float64Array = new Float64Array(dimension);
  let g: Float64Array = new Float64Array(dimension);
  let fx = f(x, g);
  if (!Number.isFinite(fx)) throw new RangeError(`the function to minimise is ${fx} where it starts`);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Array<number>(MEMORY);
  const direction = new Float64Array(dimension);
  let xNew: Float64Array = new Float64Array(dimension);
  let gNew: Float64Array = new Float64Array(dimension);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let gMax = 0;
    for (let i = 0; i < dimension; i++) gMax = Math.max(gMax, Math.abs(g[i]));
    if (gMax < tolerance) break;
    // The two-loop recursion: direction = −H g.
    for (let i = 0; i < dimension; i++) direction[i] = -g[i];
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(s[k], direction);
      for (let i = 0; i < dimension; i++) direction[i] -= alpha[k] * y[k][i];
    }
    const gamma = s.length > 0 ? dot(s[s.length - 1], y[y.length - 1]) / dot(y[y.length - 1], y[y.length - 1]) : 1 / Math.sqrt(dot(g, g));
    for (let i = 0; i < dimension; i++) direction[i] *= gamma;
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k] * dot(y[k], direction);
      for (let i = 0; i < dimension; i++) direction[i] += (alpha[k] - beta) * s[k][i];
    }
    let slope = dot(g, direction);
    if (slope >= 0) {
      // Not a descent direction (rounding): restart from the steepest descent.
      s.length = y.length = rho.length = 0;
      const scale = 1 / Math.sqrt(dot(g, g));
      for (let i = 0; i < dimension; i++) direction[i] = -g[i] * scale;
      slope = dot(g, direction);
    }
    let step = 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < dimension; i++) xNew[i] = x[i] + step * direction[i];
      fNew = f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    // No decrease left at double precision (the loss is about 1,000 nats for the speakers and 700 for the
    // antecedents at λ 10; its last bits are ~1e-13): done.
    if (!(fNew < fx)) break;
    const sk = new Float64Array(dimension);
    const yk = new Float64Array(dimension);
    for (let i = 0; i < dimension; i++) {
      sk[i] = xNew[i] - x[i];
      yk[i] = gNew[i] - g[i];
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      if (s.length === MEMORY) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    fx = fNew;
  }
  return x;
}

/**
 * Trains a softmax ranker on the examples: the weights that maximise the summed log-probability of each
 * example's gold candidates less λ/2 ‖w‖². Deterministic: no shuffling, no seed; the same examples in the
 * same order give the same weights to the last bit.
 */
export function trainSoftmaxRanker(examples: readonly RankingExample[], options: SoftmaxOptions): Weights {
  // Without a positive penalty the optimum need not exist (separable examples) and the weights run off.
  if (!(Number.isFinite(options.l2) && options.l2 > 0)) throw new RangeError(`the L2 strength must be a positive number, not ${options.l2}`);
  const problem = index(examples);
  const w = minimize((x, grad) => objective(problem, options.l2, x, grad), problem.names.length, options.maxIterations ?? 2000);
  const weights = new Map<string, number>();
  problem.names.forEach((name, i) => weights.set(name, w[i]));
  return weights;
}

/**
 * The penalised negative log-likelihood that training minimises, at `weights` (0 for a feature they lack): for
 * tests and diagnostics.
 */
export function penalisedLoss(examples: readonly RankingExample[], weights: Weights, l2: number): number {
  const problem = index(examples);
  const w = Float64Array.from(problem.names, (name) => weights.get(name) ?? 0);
  return objective(problem, l2, w, new Float64Array(w.length));
}

/** Options of {@link trainSpeakerModel}. */
export interface TrainingOptions {
  /** The L2 strength λ of both rankers (chosen by the cross-validation of `scripts/trainQuotes.ts`). */
  readonly l2: number;
}

/** Trains both rankers of the model on their examples (see {@link trainSoftmaxRanker}). */
export function trainSpeakerModel(speakers: readonly RankingExample[], antecedents: readonly RankingExample[], options: TrainingOptions): SpeakerModel {
  return {
    featureVersion: SPEAKER_FEATURE_VERSION,
    speakers: trainSoftmaxRanker(speakers, { l2: options.l2 }),
    antecedents: trainSoftmaxRanker(antecedents, { l2: options.l2 }),
  };
}
