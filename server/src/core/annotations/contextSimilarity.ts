/**
 * How well the text beside a candidate place agrees with a quote's stored prefix or suffix: 1 for the same
 * characters, less for each edit. Anchored at the span: the stored context must sit right beside the
 * candidate (a context found further away says nothing about this place), so this is an edit distance with
 * a free far end, not a search; the 32-character contexts make it a few hundred cell updates.
 */

/** Extra characters of the actual context read beyond the stored one, so that deletions there cost one edit each. */
export const CONTEXT_SLACK = 8;

/**
 * Similarity in [0, 1] of `stored` and `actual`, both read outward from the span (index 0 is the character
 * next to it: pass prefixes reversed). An empty stored context carries no evidence and scores 1.
 */
export function anchoredSimilarity(stored: string, actual: string): number {
  const m = stored.length;
  if (m === 0) return 1;
  const n = Math.min(actual.length, m + CONTEXT_SLACK);
  // previous[j]: edit distance of stored[0..i) and actual[0..j); the answer is the best over all j (free end).
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    const c = stored.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitution = previous[j - 1] + (actual.charCodeAt(j - 1) === c ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  let best = m;
  for (let j = 0; j <= n; j++) if (previous[j] < best) best = previous[j];
  return 1 - best / m;
}

/** The longest word or words beside a span that {@link besideWordSimilarity} takes in or leaves out. */
export const MAX_GAP = 24;
/** Stored characters {@link besideWordSimilarity} must still compare when it leaves some out (all of a shorter context). */
const MIN_COMPARED = 16;

/**
 * {@link anchoredSimilarity} once a word or words right beside the span (up to {@link MAX_GAP} characters)
 * are taken out of the actual context (written since: "met Kerry" → "met John Kerry") or out of the stored
 * one (deleted since), whichever agrees best. A context cut at a paragraph's start a few characters before
 * a name lost most of its similarity to one inserted word (`Moscow, ` → `Moscow, new `: 0.56). Only beside
 * the span: a word changed further out is a different sentence as often as the same one (news repeats its
 * formulas), and a context may lose at most what leaves {@link MIN_COMPARED} of its characters compared (or
 * only its paragraph's end: the words deleted were all there was between it and the span).
 */
export function besideWordSimilarity(stored: string, actual: string): number {
  let best = anchoredSimilarity(stored, actual);
  for (let k = 1; k <= MAX_GAP && best < 1; k++) {
    if (k < actual.length) best = Math.max(best, anchoredSimilarity(stored, actual.slice(k)));
    // Left out of the stored context: all but MIN_COMPARED characters, or all but the paragraph's end (a
    // line break or the text's end, as `quoteMatch` reads contexts) when the words were all that stood there.
    const rest = stored.length - k;
    if (rest >= MIN_COMPARED || (rest === 1 && stored.endsWith('\n'))) best = Math.max(best, anchoredSimilarity(stored.slice(k), actual));
  }
  return best;
}

/**
 * Cheap first look, without copying: how many characters of `prefix` agree with `text` just before
 * `start`, aligned at `start` (a substitution costs one, an insertion everything beyond it).
 */
export function agreementBefore(text: string, start: number, prefix: string): number {
  let same = 0;
  for (let i = 1; i <= prefix.length && start - i >= 0; i++) if (prefix.charCodeAt(prefix.length - i) === text.charCodeAt(start - i)) same++;
  return same;
}

/** {@link agreementBefore} for the suffix, read from `end` on. */
export function agreementAfter(text: string, end: number, suffix: string): number {
  let same = 0;
  for (let i = 0; i < suffix.length && end + i < text.length; i++) if (suffix.charCodeAt(i) === text.charCodeAt(end + i)) same++;
  return same;
}

/** `text` reversed by code unit (for reading a prefix outward from the span). */
export function reversed(text: string): string {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}
