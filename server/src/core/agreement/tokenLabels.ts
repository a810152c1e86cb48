import type { Token } from '../types';
import type { LabeledPlace } from './spanSets';

/** The category of a token no place covers (as in BIO tagging). */
export const OUTSIDE = 'O';

/**
 * Each token's labels under one annotator's places: the labels of every place that shares at least a
 * character with the token (a span that cuts a word still labels the word), sorted, each once. A token
 * under nested places of different labels (a Source inside someone else's Content) has both.
 */
export function tokenLabels(text: string, tokens: readonly Token[], places: readonly LabeledPlace[]): string[][] {
  const labels = tokens.map((): string[] => []);
  // firstAfter[c]: the first token that ends after offset c, so a fragment finds its first token at once.
  const firstAfter = new Int32Array(text.length + 1).fill(tokens.length);
  for (let t = tokens.length - 1; t >= 0; t--) {
    const stop = t > 0 ? tokens[t - 1].end : 0;
    for (let c = Math.min(tokens[t].end, text.length) - 1; c >= stop; c--) firstAfter[c] = t;
  }
  for (const place of places) {
    for (const fragment of place.fragments) {
      const from = firstAfter[Math.min(Math.max(fragment.start, 0), text.length)];
      for (let t = from; t < tokens.length && tokens[t].start < fragment.end; t++) {
        if (!labels[t].includes(place.label)) labels[t].push(place.label);
      }
    }
  }
  for (const list of labels) list.sort();
  return labels;
}

/** One category per token for κ over all labels: its labels joined by `+` (`Content+Source`), or `O`. */
export function tokenCategory(labels: readonly string[]): string {
  return labels.length === 0 ? OUTSIDE : labels.join('+');
}
