import { editDistance } from '../../names';

/**
 * Whether `found`, text of the article, holds the words a brat line says it marks (`stored`), allowing only
 * damage that leaves them the same words: white space, punctuation and quotation marks between them (`"` for
 * `“`), a space lost or added inside a word (`Stein meier`), and a letter or two changed inside a long word
 * (`Steinmeir`, a typo fixed since). Never a different word, however few letters apart: `Hillary Clinton` is not
 * `Bill Clinton`, `Donald Trump` not `Donald Tusk`, `Austria` not `Australia`. Words are runs of letters and
 * digits, compared in order and in their case.
 */
export function sameWordsDamaged(stored: string, found: string): boolean {
  const want = wordsOf(stored);
  const have = wordsOf(found);
  if (want.length === 0) return false;
  if (want.join('') === have.join('')) return true;
  return want.length === have.length && want.every((word, i) => sameWordMistyped(word, have[i]));
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Letters a word needs for one changed letter to be read as a typo rather than another word: shorter names
 * are other names one letter away (`Obama`, `Osama`; `Bush`, `Rush`; `Tusk`, `Tuck`).
 */
const LONG_WORD = 7;
/** Letters a word needs for two changed letters to be a typo. */
const VERY_LONG_WORD = 12;

/** Equal, or one long word with a letter or two changed inside it (its first letter as it was). */
function sameWordMistyped(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < LONG_WORD || a[0] !== b[0]) return false;
  const allowed = shorter >= VERY_LONG_WORD ? 2 : 1;
  return editDistance(a, b, allowed) <= allowed;
}
