/**
 * A screen of words by their first code unit and length, asked before a set look-up: most words of an article share
 * neither with the few words looked for, and are ruled out without hashing their text (the look-up's cost, asked of
 * every token). It only rules out: a word it lets through may still be none of those marked, and the look-up decides.
 */
export class WordScreen {
  /** Per first code unit, a bit per length (31 for any longer). */
  private readonly shapes: Uint32Array;

  /**
   * `codes`: how many first code units the table holds (128 for ASCII, 65536 for all); a word whose first code unit
   * lies past them is never ruled out.
   */
  constructor(codes: number) {
    this.shapes = new Uint32Array(codes);
  }

  /** Marks `word` (as written: the screen tells case apart) as one that may be looked for. */
  mark(word: string): void {
    const first = word.charCodeAt(0);
    if (first < this.shapes.length) this.shapes[first] |= lengthBit(word);
  }

  /**
   * Unmarks every word that shares `word`'s first code unit: a screen shared by many callers one after another (a
   * fresh table for each was the cost it saves) is left empty by forgetting each word it marked.
   */
  forget(word: string): void {
    const first = word.charCodeAt(0);
    if (first < this.shapes.length) this.shapes[first] = 0;
  }

  /** False when no word marked has `word`'s first code unit and length; true otherwise, and for an empty word. */
  mayHold(word: string): boolean {
    const first = word.charCodeAt(0);
    // An empty word's first code unit is NaN, past every table: let through, as is a code unit the table does not hold.
    if (!(first < this.shapes.length)) return true;
    return (this.shapes[first] & lengthBit(word)) !== 0;
  }
}

/** The bit of a word's length (31 for any longer). */
function lengthBit(word: string): number {
  return 1 << Math.min(word.length, 31);
}
