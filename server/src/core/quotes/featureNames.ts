/**
 * The rankers' features (`candidates.ts`, `antecedents.ts`), made once per process. A feature is its name (what
 * the model file and training read) and the features made from it by appending a part (`k=name` + `|` +
 * `side=L`), so that making a conjunction costs one look-up in the feature it extends: every part comes from
 * a closed set (rule names, candidate kinds, distance buckets, small counts capped by the features), so a
 * few thousand features exist however many articles are read. A feature also remembers its weight in the
 * model it was last scored with, so the ranker adds weights without looking names up: names made afresh for
 * every candidate and looked up by their text (two look-ups to make each, one more to score it) were a third
 * of the quote pass's ranking time.
 */
import type { Weights } from './ranker';

/** What {@link Feature.and} appends to a feature's name. */
type Part = string | number | boolean | Feature;

/** No part: what {@link Feature.and} has been asked last before its first call. */
const NO_PART: unique symbol = Symbol('no part');

export class Feature {
  /** Features made from this one by appending a part, by part. */
  private readonly extended = new Map<string | number | boolean | Feature, Feature>();
  /**
   * The last two parts asked of {@link and} and their features, compared before the map: a pass over PolNeAR train
   * makes 722,000 conjunctions from 229 features, and the part asked is one of the last two 47 % of the time. The map's
   * look-up, though its entries are few, cost about 80 ns a call inside the analysis (1.5 % of a warm pass's self time), where these
   * fields share the feature's own cache line.
   */
  private lastPart: Part | typeof NO_PART = NO_PART;
  private lastExtended: Feature | undefined = undefined;
  private previousPart: Part | typeof NO_PART = NO_PART;
  private previousExtended: Feature | undefined = undefined;
  /** The weights this feature was last scored with, and its weight there. */
  private scoredWith: Weights | undefined = undefined;
  private weight = 0;

  constructor(readonly name: string) {}

  /** This feature's name followed by `part` (written as a template literal writes it), the same object each time. */
  and(part: Part): Feature {
    // `===` is the map's key equality but for NaN, which finds nothing here and is left to the map.
    if (part === this.lastPart) return this.lastExtended!;
    if (part === this.previousPart) return this.previousExtended!;
    let f = this.extended.get(part);
    if (f === undefined) this.extended.set(part, (f = new Feature(`${this.name}${part instanceof Feature ? part.name : part}`)));
    this.previousPart = this.lastPart;
    this.previousExtended = this.lastExtended;
    this.lastPart = part;
    this.lastExtended = f;
    return f;
  }

  /**
   * The feature's weight in `weights` (0 when absent). Remembered for the weights last asked: a trained
   * model's weights never change (training, whose weights do, scores its own arrays of feature indices: `training.ts`).
   */
  weightIn(weights: Weights): number {
    if (this.scoredWith !== weights) {
      this.weight = weights.get(this.name) ?? 0;
      this.scoredWith = weights;
    }
    return this.weight;
  }
}

const named = new Map<string, Feature>();

/** The feature named `name`, the same object each time. */
export function feature(name: string): Feature {
  let f = named.get(name);
  if (f === undefined) named.set(name, (f = new Feature(name)));
  return f;
}

/** Features by name, for a closed set of names written out where they are used (`F['rec=']`). */
export function featuresNamed<N extends string>(names: readonly N[]): Record<N, Feature> {
  const out = {} as Record<N, Feature>;
  for (const name of names) out[name] = feature(name);
  return out;
}

/** The names of `features`, in order (what training and the model file read). */
export function featureNames(features: readonly Feature[]): string[] {
  const names = new Array<string>(features.length);
  for (let i = 0; i < features.length; i++) names[i] = features[i].name;
  return names;
}
