/**
 * The rankers' feature names (`candidates.ts`, `antecedents.ts`), made once per process: each is the
 * same string object every time it is made, so the model's map finds it by a hash computed once.
 * Made afresh for every article (or every candidate), each name was a new string whose hash every
 * look-up computed again; the rankers' scoring cost about twice as much.
 */

/**
 * Names made so far, by their two parts. Every part comes from a closed set (rule names, candidate
 * kinds, distance buckets, small counts capped by the features), so the table holds a few thousand
 * names however many articles are read.
 */
const names = new Map<string, Map<string | number | boolean, string>>();

/** `a + b` (`b` written as a template literal writes it), the same string object each time. */
export function featureName(a: string, b: string | number | boolean): string {
  let inner = names.get(a);
  if (!inner) names.set(a, (inner = new Map()));
  let joined = inner.get(b);
  if (joined === undefined) inner.set(b, (joined = `${a}${b}`));
  return joined;
}

/** `${a}${x}${b}${y}`, a conjunction of two features (`rec=2|role=speech`), the same string object each time. */
export function featurePair(a: string, x: string | number | boolean, b: string, y: string | number | boolean): string {
  return featureName(featureName(featureName(a, x), b), y);
}
