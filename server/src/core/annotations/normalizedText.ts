import { lowerBound } from '../search';

/**
 * A text in Unicode NFC, with the way back to the original text's UTF-16 offsets. A file rewritten in NFD (macOS
 * tools, a normaliser: `u` + U+0308 for `ü`) looks the same as before, and re-anchoring compares quotes and their
 * context in this form, so such a difference costs nothing (it orphaned even an ASCII label, whose context held a
 * decomposed name).
 *
 * Only the places NFC changes matter (a base character and the marks after it, or one character with a
 * decomposition of its own): between them the two texts are the same, and an offset maps one to one. An offset
 * inside a changed place has no exact counterpart: a start goes to the place's start, an end to its end (outward,
 * never inside a character and its marks).
 *
 * The text is cut into chunks of about {@link CHUNK} characters, each before a character below U+0300 (no such
 * character composes with what precedes it, and marks are all from U+0300 on, so NFC of the whole is NFC of each
 * chunk put together). The changed places of a chunk are found when an offset in it is first mapped: a
 * re-anchoring maps a few offsets, and finding every changed place of a decomposed megabyte took 0.15 s (French)
 * to 1.2 s (Korean, every syllable decomposed).
 */
export class NormalizedText {
  /** Per chunk, its changed places (found when first needed; `null` before, an empty list when the chunk is NFC). */
  private readonly places: Array<ChangedPlaces | null>;

  private constructor(
    /** The text as written. */
    private readonly original: string,
    /** The text in NFC. */
    readonly text: string,
    /** Where each chunk starts, in the original text and in the NFC text. */
    private readonly originalChunkStarts: readonly number[],
    private readonly normalChunkStarts: readonly number[],
    unchanged: readonly boolean[],
  ) {
    this.places = unchanged.map((same) => (same ? NO_PLACES : null));
  }

  /**
   * The NFC view of `text`; `undefined` when the text is already NFC (nothing to map) or, defensively, when the
   * chunks' NFC forms do not make up the text's (then quotes are compared as they are, as before).
   */
  static of(text: string): NormalizedText | undefined {
    const normal = text.normalize('NFC');
    if (normal === text) return undefined;
    const originalChunkStarts: number[] = [];
    const normalChunkStarts: number[] = [];
    const unchanged: boolean[] = [];
    let normalAt = 0;
    for (let start = 0; start < text.length; ) {
      let end = Math.min(text.length, start + CHUNK);
      while (end < text.length && text.charCodeAt(end) >= 0x300) end++;
      const chunk = text.slice(start, end);
      const nfc = chunk.normalize('NFC');
      if (!normal.startsWith(nfc, normalAt)) return undefined;
      originalChunkStarts.push(start);
      normalChunkStarts.push(normalAt);
      unchanged.push(nfc === chunk);
      normalAt += nfc.length;
      start = end;
    }
    if (normalAt !== normal.length) return undefined;
    return new NormalizedText(text, normal, originalChunkStarts, normalChunkStarts, unchanged);
  }

  /** The NFC offset of an original `offset`. */
  fromOriginal(offset: number, side: 'start' | 'end'): number {
    const chunk = this.chunkAt(this.originalChunkStarts, offset);
    const places = this.placesOf(chunk);
    const relative = mapOffset(offset - this.originalChunkStarts[chunk], side, places.originalStarts, places.originalEnds, places.normalStarts, places.normalEnds);
    return this.normalChunkStarts[chunk] + relative;
  }

  /** The original offset of an NFC `offset`. */
  toOriginal(offset: number, side: 'start' | 'end'): number {
    const chunk = this.chunkAt(this.normalChunkStarts, offset);
    const places = this.placesOf(chunk);
    const relative = mapOffset(offset - this.normalChunkStarts[chunk], side, places.normalStarts, places.normalEnds, places.originalStarts, places.originalEnds);
    return this.originalChunkStarts[chunk] + relative;
  }

  /** The last chunk starting at or before `offset` in the given starts (an offset at a chunk's start is that chunk's). */
  private chunkAt(starts: readonly number[], offset: number): number {
    return Math.max(0, lowerBound(starts.length, (k) => starts[k] > offset) - 1);
  }

  private placesOf(chunk: number): ChangedPlaces {
    const known = this.places[chunk];
    if (known) return known;
    const start = this.originalChunkStarts[chunk];
    const end = chunk + 1 < this.originalChunkStarts.length ? this.originalChunkStarts[chunk + 1] : this.original.length;
    return (this.places[chunk] = changedPlaces(this.original.slice(start, end)));
  }
}

/** Characters of the original text per chunk, at least (a chunk ends before a character below U+0300). */
const CHUNK = 4096;

/** The places NFC changes in a piece of text, offsets relative to it, in order. */
interface ChangedPlaces {
  readonly originalStarts: readonly number[];
  readonly originalEnds: readonly number[];
  readonly normalStarts: readonly number[];
  readonly normalEnds: readonly number[];
}

const NO_PLACES: ChangedPlaces = { originalStarts: [], originalEnds: [], normalStarts: [], normalEnds: [] };

/**
 * What NFC can change: a character followed by combining marks (or Hangul vowel and final jamo, which compose
 * with the syllable before them), marks at the start, and any single character from U+0300 on (singletons such
 * as U+212B ANGSTROM SIGN; everything below U+0300 is NFC alone).
 */
const MAY_CHANGE = /[^\p{M}\u1160-\u11FF]?[\p{M}\u1160-\u11FF]+|[^\u0000-\u02FF]/gu;

function changedPlaces(text: string): ChangedPlaces {
  const originalStarts: number[] = [];
  const originalEnds: number[] = [];
  const normalStarts: number[] = [];
  const normalEnds: number[] = [];
  let shift = 0;
  for (const m of text.matchAll(MAY_CHANGE)) {
    const piece = m[0];
    const nfc = piece.normalize('NFC');
    if (nfc === piece) continue;
    const start = m.index!;
    const end = start + piece.length;
    originalStarts.push(start);
    originalEnds.push(end);
    normalStarts.push(start + shift);
    shift += nfc.length - piece.length;
    normalEnds.push(end + shift);
  }
  return { originalStarts, originalEnds, normalStarts, normalEnds };
}

function mapOffset(offset: number, side: 'start' | 'end', fromStarts: readonly number[], fromEnds: readonly number[], toStarts: readonly number[], toEnds: readonly number[]): number {
  // The last changed place starting at or before the offset.
  const i = lowerBound(fromStarts.length, (k) => fromStarts[k] > offset) - 1;
  if (i < 0) return offset;
  if (offset >= fromEnds[i]) return offset - fromEnds[i] + toEnds[i];
  if (offset === fromStarts[i]) return toStarts[i];
  return side === 'start' ? toStarts[i] : toEnds[i];
}
