/**
 * The speaker ranker: a linear model over candidate features (`candidates.ts`) that picks each quotation's
 * speaker, or no speaker, among its candidates — the last step of the quote pass, trained on PolNeAR train by
 * `npm run train:quotes` (`scripts/trainQuotes.ts`) into `server/data/quotes/speaker-model.json`.
 *
 * Why this model: a quotation has a handful of candidates and the signals are sparse indicators (which rule
 * fired, a speech verb next to the phrase, distance buckets) and their conjunctions, so a listwise linear
 * ranker fits: the score of a candidate is the sum of its features' weights and the best-scoring candidate
 * wins. It is trained as an averaged perceptron (the same recipe as the entity tagger): each quotation whose
 * top candidate is not a gold one moves the weights towards the best gold candidate; the weights averaged
 * over all steps generalise like a regularised model, and the shipped weights are the mean of such runs over
 * several orders of the examples (`TRAINING_ORDERS`). Training takes seconds, is deterministic (the order of
 * examples is shuffled by a seeded generator) and scoring costs a few map look-ups per feature.
 */
import { seededRandom } from '../random';
import { DataFileError, readOrFail, type DataSource } from '../dataSource';
import type { Feature } from './featureNames';

/** The model file, relative to the data folder. */
export const SPEAKER_MODEL_FILE = 'quotes/speaker-model.json';

/**
 * Version of the candidate features (`candidates.ts`). Bump it when a feature changes meaning: a model
 * trained on other features refuses to load instead of scoring nonsense.
 */
export const SPEAKER_FEATURE_VERSION = 6;

/** Weights per feature name. */
export type Weights = ReadonlyMap<string, number>;

/** The trained model: weights of the speaker ranker and of the antecedent ranker (`antecedents.ts`). */
export interface SpeakerModel {
  readonly featureVersion: number;
  /** Scores speaker candidates (`candidates.ts`). */
  readonly speakers: Weights;
  /** Scores antecedents of pronouns and descriptions (`antecedents.ts`). */
  readonly antecedents: Weights;
}

/** Anything with features: a candidate. */
export interface Scored {
  readonly features: readonly string[];
}

/** One quotation for training: its candidates and the indices of the correct ones (at least one). */
export interface RankingExample {
  readonly candidates: readonly Scored[];
  readonly gold: readonly number[];
}

/** Reads and checks the model file; a missing, unreadable or stale one throws a `DataFileError`. */
export function loadSpeakerModel(source: DataSource): SpeakerModel {
  return readOrFail(SPEAKER_MODEL_FILE, () => parseSpeakerModel(source.readText(SPEAKER_MODEL_FILE)));
}

/** Parses a model file's JSON (see {@link serializeSpeakerModel}). */
export function parseSpeakerModel(json: string): SpeakerModel {
  const data = JSON.parse(json) as { featureVersion?: number; speakers?: Record<string, number>; antecedents?: Record<string, number> };
  if (data.featureVersion !== SPEAKER_FEATURE_VERSION) {
    throw new DataFileError(SPEAKER_MODEL_FILE, `trained for features version ${data.featureVersion}, the code has ${SPEAKER_FEATURE_VERSION}: run npm run train:quotes`);
  }
  return { featureVersion: data.featureVersion, speakers: new Map(Object.entries(data.speakers ?? {})), antecedents: new Map(Object.entries(data.antecedents ?? {})) };
}

/** The model as JSON: features sorted, weights rounded, so that the same training writes the same bytes. */
export function serializeSpeakerModel(model: SpeakerModel, info: Record<string, unknown> = {}): string {
  const plain = (weights: Weights): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const key of [...weights.keys()].sort()) {
      const w = Math.round(weights.get(key)! * 1e4) / 1e4;
      if (w !== 0) out[key] = w;
    }
    return out;
  };
  return JSON.stringify({ featureVersion: model.featureVersion, ...info, speakers: plain(model.speakers), antecedents: plain(model.antecedents) }, null, 1) + '\n';
}

/** The sum of the candidate's feature weights. */
export function scoreCandidate(weights: Weights, candidate: Scored): number {
  let s = 0;
  for (const f of candidate.features) s += weights.get(f) ?? 0;
  return s;
}

/** Index of the best-scoring candidate (the first of equals), or -1 for none. */
export function bestCandidate(weights: Weights, candidates: readonly Scored[]): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const s = scoreCandidate(weights, candidates[i]);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}

/** A candidate of the quote pass: its features as objects that remember their weight (`featureNames.ts`). */
export interface Ranked {
  readonly rankerFeatures: readonly Feature[];
}

/**
 * {@link bestCandidate} for the quote pass's own candidates under a trained model: the same weights added in
 * the same order (so the same sums and the same pick), read from the features instead of looked up by name.
 */
export function bestRanked(weights: Weights, candidates: readonly Ranked[]): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < candidates.length; i++) {
    let s = 0;
    for (const f of candidates[i].rankerFeatures) s += f.weightIn(weights);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}

/** Options of {@link trainSpeakerModel}. */
export interface TrainingOptions {
  readonly epochs: number;
  /** Seed of the shuffle: the same seed and examples give the same model. */
  readonly seed: number;
  /** How many orders of the examples to train in and average (default {@link TRAINING_ORDERS}); 1 is a single run. */
  readonly orders?: number;
}

/**
 * Orders of the examples a ranker is trained in, its weights the mean of theirs. The speaker and antecedent
 * examples are a few thousand, and a perceptron's weights depend on the order it meets them: on PolNeAR train
 * the cross-validated speaker actor accuracy was 0.798, 0.801 and 0.802 for three shuffle seeds, a spread as wide
 * as the effect of most changes to the candidates. The mean over five orders gave 0.801 for two seeds (0.8012,
 * 0.8015); it is still one linear model (a mean of linear models), so scoring costs the same.
 */
export const TRAINING_ORDERS = 5;

/** Seed of the k-th order: the first is `seed` itself (one order gives the single-run model). */
function orderSeed(seed: number, k: number): number {
  return seed + k * 7919;
}

/**
 * Trains an averaged-perceptron ranker in `options.orders` shuffled orders and averages their weights.
 * Deterministic: each order is shuffled by a seeded generator, and nothing else is random.
 */
export function trainRanker(examples: readonly RankingExample[], options: TrainingOptions): Weights {
  const orders = options.orders ?? TRAINING_ORDERS;
  if (orders <= 1) return trainInOrder(examples, options.epochs, options.seed);
  const mean = new Map<string, number>();
  for (let k = 0; k < orders; k++) {
    for (const [f, w] of trainInOrder(examples, options.epochs, orderSeed(options.seed, k))) mean.set(f, (mean.get(f) ?? 0) + w / orders);
  }
  return mean;
}

/** One averaged-perceptron run over the examples, shuffled anew each epoch by a generator seeded with `seed`. */
function trainInOrder(examples: readonly RankingExample[], epochs: number, seed: number): Weights {
  const weights = new Map<string, number>();
  // Averaging without touching every weight at every step: `totals` accumulates step × update.
  const totals = new Map<string, number>();
  let step = 1;
  const order = examples.map((_, i) => i);
  const random = seededRandom(seed);
  const update = (features: readonly string[], delta: number): void => {
    for (const f of features) {
      weights.set(f, (weights.get(f) ?? 0) + delta);
      totals.set(f, (totals.get(f) ?? 0) + step * delta);
    }
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const index of order) {
      const { candidates, gold } = examples[index];
      if (gold.length === 0) continue;
      const predicted = bestCandidate(weights, candidates);
      if (!gold.includes(predicted)) {
        let target = gold[0];
        let targetScore = -Infinity;
        for (const g of gold) {
          const s = scoreCandidate(weights, candidates[g]);
          if (s > targetScore) {
            target = g;
            targetScore = s;
          }
        }
        update(candidates[target].features, 1);
        update(candidates[predicted].features, -1);
      }
      step++;
    }
  }
  const averaged = new Map<string, number>();
  for (const [f, w] of weights) averaged.set(f, w - (totals.get(f) ?? 0) / step);
  return averaged;
}

/** Trains both rankers of the model on their examples (see {@link trainRanker}). */
export function trainSpeakerModel(speakers: readonly RankingExample[], antecedents: readonly RankingExample[], options: TrainingOptions): SpeakerModel {
  return { featureVersion: SPEAKER_FEATURE_VERSION, speakers: trainRanker(speakers, options), antecedents: trainRanker(antecedents, options) };
}

