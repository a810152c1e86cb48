/**
 * Offsets in code points ↔ offsets in UTF-16 code units. The editor, LSP and the core count UTF-16 code
 * units (JavaScript string indices); the W3C TextPositionSelector, brat (Python `str` indices) and doccano
 * count code points. They differ after every astral character (emoji, 𝐦𝐚𝐭𝐡 letters, rare CJK), which takes
 * two code units and one code point. Conversion happens at the format boundary only, with this index.
 */
export class CodePointIndex {
  /** UTF-16 offset of the low surrogate of every surrogate pair, ascending. */
  private readonly pairLows: number[] = [];
  /** Code-point offset of every surrogate pair's character, ascending. */
  private readonly pairCodePoints: number[] = [];
  /** Length of the text in code points. */
  readonly codePointLength: number;

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.pairCodePoints.push(i - this.pairLows.length);
          this.pairLows.push(i + 1);
          i++;
        }
      }
    }
    this.codePointLength = text.length - this.pairLows.length;
  }

  /** True when the text has no astral character, so both units agree everywhere. */
  get isIdentity(): boolean {
    return this.pairLows.length === 0;
  }

  /**
   * Code-point offset of a UTF-16 offset (clamped to the text). An offset between the two halves of a
   * pair counts the character as passed: it maps to the code point after it.
   */
  toCodePoints(utf16: number): number {
    const offset = Math.min(Math.max(0, utf16), this.text.length);
    return offset - countBelow(this.pairLows, offset);
  }

  /** UTF-16 offset of a code-point offset (clamped to the text). */
  toUtf16(codePoints: number): number {
    const offset = Math.min(Math.max(0, codePoints), this.codePointLength);
    return offset + countBelow(this.pairCodePoints, offset);
  }
}

/** How many values of the ascending array are below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
