import { lowerBound } from '../search';

/**
 * A text in Unicode NFC, with the way back to the original text's UTF-16 offsets. A file rewritten in NFD (macOS
 * tools, a normaliser: `u` + U+0308 for `ü`) looks the same as before, and re-anchoring compares quotes and their
 * context in this form, so such a difference costs nothing (it orphaned even an ASCII label, whose context held a
 * decomposed name).
 *
 * Only the places NFC changes are kept (a base character and the marks after it, or one character
 * with a decomposition of its own): between them the two texts are the same, and an offset maps one to one.
 * An offset inside a changed place has no exact counterpart: a start goes to the place's start, an end to its end
 * (outward, never inside a character and its marks).
 */
export class NormalizedText {
  private constructor(
    /** The text in NFC. */
    readonly text: string,
    /** The changed places, in order: their starts and ends in the original text and in the NFC text. */
    private readonly originalStarts: readonly number[],
    private readonly originalEnds: readonly number[],
    private readonly normalStarts: readonly number[],
    private readonly normalEnds: readonly number[],
  ) {}

  /**
   * The NFC view of `text`; `undefined` when the text is already NFC (nothing to map) or, defensively, when the
   * places found do not make up its NFC form (then quotes are compared as they are, as before).
   */
  static of(text: string): NormalizedText | undefined {
    const normal = text.normalize('NFC');
    if (normal === text) return undefined;
    const originalStarts: number[] = [];
    const originalEnds: number[] = [];
    const normalStarts: number[] = [];
    const normalEnds: number[] = [];
    const pieces: string[] = [];
    let copied = 0;
    let shift = 0;
    for (const m of text.matchAll(MAY_CHANGE)) {
      const piece = m[0];
      const nfc = piece.normalize('NFC');
      if (nfc === piece) continue;
      const start = m.index!;
      pieces.push(text.slice(copied, start), nfc);
      copied = start + piece.length;
      originalStarts.push(start);
      originalEnds.push(copied);
      normalStarts.push(start + shift);
      shift += nfc.length - piece.length;
      normalEnds.push(copied + shift);
    }
    pieces.push(text.slice(copied));
    if (pieces.join('') !== normal) return undefined;
    return new NormalizedText(normal, originalStarts, originalEnds, normalStarts, normalEnds);
  }

  /** The NFC offset of an original `offset`. */
  fromOriginal(offset: number, side: 'start' | 'end'): number {
    return mapOffset(offset, side, this.originalStarts, this.originalEnds, this.normalStarts, this.normalEnds);
  }

  /** The original offset of an NFC `offset`. */
  toOriginal(offset: number, side: 'start' | 'end'): number {
    return mapOffset(offset, side, this.normalStarts, this.normalEnds, this.originalStarts, this.originalEnds);
  }
}

/**
 * What NFC can change: a character followed by combining marks (or Hangul vowel and final jamo, which compose
 * with the syllable before them), marks at the start, and any single character from U+0300 on (singletons such
 * as U+212B ANGSTROM SIGN; everything below U+0300 is NFC alone).
 */
const MAY_CHANGE = /[^\p{M}\u1160-\u11FF]?[\p{M}\u1160-\u11FF]+|[^\u0000-\u02FF]/gu;

function mapOffset(offset: number, side: 'start' | 'end', fromStarts: readonly number[], fromEnds: readonly number[], toStarts: readonly number[], toEnds: readonly number[]): number {
  // The last changed place starting at or before the offset.
  const i = lowerBound(fromStarts.length, (k) => fromStarts[k] > offset) - 1;
  if (i < 0) return offset;
  if (offset >= fromEnds[i]) return offset - fromEnds[i] + toEnds[i];
  if (offset === fromStarts[i]) return toStarts[i];
  return side === 'start' ? toStarts[i] : toEnds[i];
}
