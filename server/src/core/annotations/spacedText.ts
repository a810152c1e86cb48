/**
 * A quote with its context looked up with every run of white space (line breaks included) compared as one
 * space. Re-anchoring asks when the text may only have been re-spaced: an article wrapped at another width
 * (72 → 50 columns) keeps its words and moves every line break, so the quote's stored context is nowhere
 * character for character — and, worse, the same words with a line break at the same place by chance may
 * be somewhere else, a different occurrence. Only the quote's own exact occurrences are looked at (a name
 * occurs a few dozen times at most; the text is never copied), each first by the few characters beside it.
 */

/** Where a quote and its context occur, white space compared as one space: how often (0, 1 or 2 = more) and the first. */
export interface SpacedOccurrences {
  readonly count: 0 | 1 | 2;
  /** The quote's offset in the text at the first occurrence. */
  readonly at?: number;
}

/** Characters each side compared before the whole context (most occurrences differ right beside the quote). */
const FIRST_LOOK = 8;

/** The occurrences of `exact` in `text` whose surroundings equal `prefix` and `suffix` with white space runs as one space. */
export function spacedOccurrences(text: string, prefix: string, exact: string, suffix: string): SpacedOccurrences {
  if (exact.length === 0) return { count: 0 };
  const before = [...squeezed(prefix)].reverse().join('');
  const after = squeezed(suffix);
  let count: 0 | 1 | 2 = 0;
  let first: number | undefined;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    if (!agrees(text, at - 1, -1, before, FIRST_LOOK) || !agrees(text, at + exact.length, 1, after, FIRST_LOOK)) continue;
    if (!agrees(text, at - 1, -1, before, before.length) || !agrees(text, at + exact.length, 1, after, after.length)) continue;
    if (count === 0) first = at;
    count = count === 0 ? 1 : 2;
    if (count === 2) break;
  }
  return count === 0 ? { count } : { count, at: first };
}

/** `text` with white space runs as one space. */
function squeezed(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * True when the text read from `from` in direction `step` (white space runs as one space) starts with the
 * first `length` characters of `expected` (also squeezed; read outward). The text's end counts as agreeing
 * only where `expected` ends too.
 */
function agrees(text: string, from: number, step: 1 | -1, expected: string, length: number): boolean {
  const wanted = Math.min(length, expected.length);
  let i = from;
  for (let k = 0; k < wanted; k++) {
    if (i < 0 || i >= text.length) return false;
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (expected.charCodeAt(k) !== 32) return false;
      while (i >= 0 && i < text.length && isSpace(text.charCodeAt(i))) i += step;
      continue;
    }
    if (code !== expected.charCodeAt(k)) return false;
    i += step;
  }
  return true;
}

/** White space as `\s` matches it. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
