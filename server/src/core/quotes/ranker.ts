/**
 * The speaker ranker: a linear model over candidate features (`candidates.ts`) that picks each quotation's
 * speaker, or no speaker, among its candidates — the last step of the quote pass, trained on PolNeAR train by
 * `npm run train:quotes` (`scripts/trainQuotes.ts`, the training itself in `training.ts`) into
 * `server/data/quotes/speaker-model.json`.
 *
 * Why this model: a quotation has a handful of candidates and the signals are sparse indicators (which rule
 * fired, a speech verb next to the phrase, distance buckets) and their conjunctions, so a listwise linear
 * ranker fits: the score of a candidate is the sum of its features' weights and the best-scoring candidate
 * wins. The weights are those of a conditional-logit (softmax) model over each quotation's candidates with an
 * L2 penalty (`training.ts`): a convex objective with one optimum, fitted full-batch, so the weights follow
 * from the examples alone. The averaged perceptron it replaced (issue 15) hung on the order of the examples:
 * retrained without 1% of the train articles it moved 92, 101 and 113 of PolNeAR's 8,207 quotations (three
 * such 1%), the softmax model 20, 13 and 5, at the same cross-validated accuracy. Scoring costs a few map
 * look-ups per feature.
 */
import { DataFileError, readOrFail, type DataSource } from '../dataSource';
import type { Feature } from './featureNames';

/** The model file, relative to the data folder. */
export const SPEAKER_MODEL_FILE = 'quotes/speaker-model.json';

/**
 * Version of the candidate features (`candidates.ts`). Bump it when a feature changes meaning: a model
 * trained on other features refuses to load instead of scoring nonsense.
 */
export const SPEAKER_FEATURE_VERSION = 7;

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
  const data = JSON.parse(json) as { featureVersion?: number; speakers?: unknown; antecedents?: unknown } | null;
  if (data?.featureVersion !== SPEAKER_FEATURE_VERSION) {
    throw new DataFileError(SPEAKER_MODEL_FILE, `trained for features version ${data?.featureVersion}, the code has ${SPEAKER_FEATURE_VERSION}: run npm run train:quotes`);
  }
  return { featureVersion: data.featureVersion, speakers: weightsOf(data.speakers, 'speakers'), antecedents: weightsOf(data.antecedents, 'antecedents') };
}

/**
 * One ranker's weights from the file: an object of finite numbers. Anything else is a damaged file, refused: a weight
 * written as a string made scores strings (`0` + `"1e3"`), compared as text.
 */
function weightsOf(section: unknown, name: string): Weights {
  if (typeof section !== 'object' || section === null || Array.isArray(section)) throw new DataFileError(SPEAKER_MODEL_FILE, `has no ${name} weights: run npm run train:quotes`);
  const weights = new Map<string, number>();
  for (const [feature, weight] of Object.entries(section)) {
    if (typeof weight !== 'number' || !Number.isFinite(weight)) throw new DataFileError(SPEAKER_MODEL_FILE, `has a ${name} weight that is not a number (${feature}): run npm run train:quotes`);
    weights.set(feature, weight);
  }
  return weights;
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
  return rankedChoice(weights, candidates).index;
}

/** The candidate a ranker picks and the probabilities its softmax gives the candidates. */
export interface RankedChoice {
  /** Index of the best-scoring candidate (the first of equals), or -1 for none. */
  readonly index: number;
  /**
   * The pick's probability among the candidates, `exp(score) / Σ exp(scores)`: the quantity the conditional-logit
   * model is trained on (`training.ts` maximises the log of it for the gold candidates). 0 when there is no
   * candidate. How well it matches how often such picks are right is measured, not assumed: `npm run bench:quotes`
   * prints the cross-validated calibration.
   */
  readonly probability: number;
  /** Every candidate's probability, in the candidates' order (`probabilities[index] === probability`). */
  readonly probabilities: readonly number[];
}

/** {@link bestRanked} with the softmax probabilities of its candidates. */
export function rankedChoice(weights: Weights, candidates: readonly Ranked[]): RankedChoice {
  // A quotation or anaphor has a handful of candidates: their scores become their probabilities in place.
  const probabilities = new Array<number>(candidates.length);
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < candidates.length; i++) {
    let s = 0;
    for (const f of candidates[i].rankerFeatures) s += f.weightIn(weights);
    probabilities[i] = s;
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  if (best < 0) return { index: -1, probability: 0, probabilities };
  // Shifted by the best score, so no exponential overflows: the best term is exactly 1.
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) total += probabilities[i] = Math.exp(probabilities[i] - bestScore);
  for (let i = 0; i < probabilities.length; i++) probabilities[i] /= total;
  return { index: best, probability: probabilities[best], probabilities };
}
