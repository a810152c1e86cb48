/**
 * Symbols an exact repeat has that the copy kept lacks. The repeat key (`signature.ts`) holds letters, digits and a
 * figure's marks only, so `Lavrov arrived 🎉` and `Lavrov arrived`, or `prices → up` and `prices ← up`, are one
 * paragraph to it; removing the repeat would lose the emoji or the arrow. Symbols are the characters of Unicode's
 * symbol categories (emoji, arrows, ©, ™, °, currency signs) outside ASCII, whose marks (`$`, `+`, `|`) scrapers
 * add and drop with the rest of the punctuation.
 */

/** A symbol character outside ASCII: a code point of category S (Sm, Sc, Sk, So). */
const SYMBOL = /(?![\x00-\x7f])\p{S}/gu;
/** Any character outside ASCII: an ASCII paragraph has no symbol to compare. */
const NON_ASCII = /[^\x00-\x7f]/;

/** The symbols of `text`, in order (none for most paragraphs). */
function symbolsOf(text: string): string[] {
  return NON_ASCII.test(text) ? (text.match(SYMBOL) ?? []) : [];
}

/**
 * The symbols of `text` in a fixed order (sorted), one string: paragraphs of one repeat key keep apart in a
 * fix-all's result when these differ (`symbolsOnlyInRepeat` kept the one with a symbol more).
 */
export function symbolSet(text: string): string {
  return symbolsOf(text).sort().join('');
}

/**
 * The symbols of the kept paragraph and of its exact repeat when the repeat has one the kept paragraph has not
 * (counted: a second `🎉` is one more), so that removing it would lose it; otherwise undefined.
 */
export function symbolsOnlyInRepeat(kept: string, repeat: string): { readonly kept: string; readonly repeat: string } | undefined {
  const inRepeat = symbolsOf(repeat);
  if (inRepeat.length === 0) return undefined;
  const left = new Map<string, number>();
  const inKept = symbolsOf(kept);
  for (const symbol of inKept) left.set(symbol, (left.get(symbol) ?? 0) + 1);
  let lost = false;
  for (const symbol of inRepeat) {
    const count = left.get(symbol) ?? 0;
    if (count === 0) lost = true;
    else left.set(symbol, count - 1);
  }
  return lost ? { kept: inKept.join(' '), repeat: inRepeat.join(' ') } : undefined;
}
