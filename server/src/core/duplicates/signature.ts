/**
 * What one paragraph's text yields for repeat detection, computed once per distinct text (the
 * incremental analysis keeps it per paragraph across edits):
 *
 * - the exact key: lower-case letters and digits only (in NFC), compared by length and hash first (exact
 *   and normalised repeats: white space, case, punctuation, composed or decomposed accents);
 * - for near repeats, on the text with its encoding repaired (`repair.ts`) and in NFC: word tokens (lower-case
 *   letter/digit runs) as hashes with their offsets, and winnowed fingerprints of token 3-grams
 *   (Schleimer, Wilkerson & Aiken 2003): any run of six tokens two paragraphs share gives them a
 *   fingerprint in common, so a damaged copy shares many with its original while unrelated
 *   paragraphs share few. Candidates are found by fingerprint (`candidates.ts`), then compared
 *   token by token (`compare.ts`).
 */
import type { NearMatch } from './compare';
import { mayNeedRepair, repairText, type RepairSample } from './repair';

/** Token n-grams hashed for fingerprints. */
const GRAM = 3;
/** Winnowing window: one fingerprint per window of this many n-grams (about 2 per 5 tokens). */
const WINDOW = 4;

/**
 * Paragraphs longer than this (characters) are not compared for repeats: no article repeats a
 * paragraph this long, and normalising one (a one-line file of megabytes) took seconds. Such a
 * paragraph gets an empty key and no tokens, which match nothing.
 */
const MAX_COMPARED_PARAGRAPH = 100_000;

const FNV_OFFSET = 0x811c9dc5 | 0;
/** Stands for any number in fingerprints. */
const NUMBER_HASH = 0x2a2a2a2a;
const FNV_PRIME = 0x01000193;

/** The tokens and fingerprints of a paragraph, on its repaired text. */
export interface ParagraphTokens {
  /** The text with HTML entities and mojibake decoded (the paragraph's own text when it had none). */
  readonly text: string;
  /** The first encoding repair made, if any. */
  readonly repair?: RepairSample;
  /** Hash of each lower-cased token. */
  readonly hashes: Int32Array;
  /** The same with every number (a token of digits only) as one value: what the alignment compares. */
  readonly masked: Int32Array;
  /** Offsets of each token in {@link text}. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Winnowed fingerprints of token 3-grams (at most one of each value). */
  readonly fingerprints: Int32Array;
}

/**
 * A paragraph text's signature: the exact key's length and hash (and the key, built when needed),
 * and its tokens and fingerprints, computed on first use. Pass one per paragraph text to
 * `findDuplicateParagraphs` to have it reused across edits.
 */
export class ParagraphSignature {
  /** Length of {@link key}. */
  readonly keyLength: number;
  /** FNV-1a hash of {@link key}. */
  readonly keyHash: number;
  private builtKey: string | undefined;
  private builtTokens: ParagraphTokens | undefined;
  private builtFingerprints: { fingerprints: Int32Array; tokenCount: number } | undefined;
  /** Comparison results with other signatures (`compare.ts`), kept as long as both texts live. */
  private comparisonCache: WeakMap<ParagraphSignature, NearMatch | null> | undefined;

  constructor(readonly text: string) {
    const streamed = text.length <= MAX_COMPARED_PARAGRAPH ? streamKey(text) : { length: 0, hash: FNV_OFFSET, key: '' };
    this.keyLength = streamed.length;
    this.keyHash = streamed.hash;
    this.builtKey = streamed.key;
  }

  /** Lower-case letters and digits only: see {@link paragraphKey}. */
  get key(): string {
    return (this.builtKey ??= paragraphKey(this.text));
  }

  /** The cache of comparisons with later paragraphs, made on first use (most paragraphs never need one). */
  get comparisons(): WeakMap<ParagraphSignature, NearMatch | null> {
    return (this.comparisonCache ??= new WeakMap());
  }

  private splitCache: WeakMap<ParagraphSignature, WeakMap<ParagraphSignature, NearMatch | null>> | undefined;

  /**
   * Comparisons of this paragraph, as the first part of a split copy, by the paragraph compared with
   * and then by the second part (the line between them is not compared, so it is no key).
   */
  splitComparisons(original: ParagraphSignature): WeakMap<ParagraphSignature, NearMatch | null> {
    this.splitCache ??= new WeakMap();
    let bySecond = this.splitCache.get(original);
    if (!bySecond) this.splitCache.set(original, (bySecond = new WeakMap()));
    return bySecond;
  }

  /**
   * Winnowed fingerprints of the repaired text and its number of tokens: all the candidate search
   * needs, kept without the tokens themselves (those are made again for a comparison).
   */
  get fingerprints(): { readonly fingerprints: Int32Array; readonly tokenCount: number } {
    return (this.builtFingerprints ??= this.builtTokens ? { fingerprints: this.builtTokens.fingerprints, tokenCount: this.builtTokens.hashes.length } : fingerprintsOf(this.text.length <= MAX_COMPARED_PARAGRAPH ? this.text : ''));
  }

  /** Tokens and fingerprints of the repaired text, made when the paragraph is compared with another. */
  get tokens(): ParagraphTokens {
    return (this.builtTokens ??= tokenizeForComparison(this.text.length <= MAX_COMPARED_PARAGRAPH ? this.text : ''));
  }
}

/**
 * The comparison key of a paragraph: lower-case letters and digits, and the marks that make a number what it is.
 * Scrapers repeat paragraphs with changed white space, punctuation, case or a lost space after a full stop
 * (`al-Khatib.This`); all of these vanish in the key, while any changed word keeps two paragraphs apart. A
 * figure's marks stay (`numberMark`): without them `1.5 percent` and `15 percent`, `-20` and `20`, `$1,500` and
 * `$15.00` had one key, and a fix-all removed the paragraph with the other figure as an exact repeat.
 */
export function paragraphKey(text: string): string {
  // Fast path, same result: ASCII letters and digits kept (lower-cased), ASCII and common non-ASCII
  // punctuation dropped; any other non-ASCII character (a letter that may lower-case to something
  // longer, a surrogate pair) takes the general path.
  if (keyBuffer.length < text.length) keyBuffer = new Uint16Array(text.length * 2);
  const buffer = keyBuffer;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 ? c <= 122 : c >= 65 ? c <= 90 : c >= 48 && c <= 57) buffer[n++] = c >= 65 && c <= 90 ? c + 32 : c;
      else if (numberMark(text, i, c)) buffer[n++] = c;
    } else if (!(c === 0xa0 || (c >= 0x2000 && c <= 0x206f))) {
      return generalKey(text);
    }
  }
  let key = '';
  for (let i = 0; i < n; i += 4096) key += String.fromCharCode.apply(null, buffer.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return key;
}

let keyBuffer = new Uint16Array(1024);

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetterOrDigit = (c: number): boolean => (c >= 97 ? c <= 122 : c >= 65 ? c <= 90 : c >= 48 && c <= 57);

/**
 * True when the ASCII mark `c` at `i` belongs to a number: a decimal or thousands separator between digits
 * (`1.5`, `1,500`), a sign before a digit that follows no letter or digit (`-20`, `+3`; not the hyphen of
 * `COVID-19`), a per cent after a digit, a dollar before one.
 */
function numberMark(text: string, i: number, c: number): boolean {
  switch (c) {
    case 46: // .
    case 44: // ,
      return isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1));
    case 45: // -
    case 43: // +
      return isDigitCode(text.charCodeAt(i + 1)) && !isAsciiLetterOrDigit(text.charCodeAt(i - 1));
    case 37: // %
      return isDigitCode(text.charCodeAt(i - 1));
    case 36: // $
      return isDigitCode(text.charCodeAt(i + 1));
    default:
      return false;
  }
}

/**
 * {@link paragraphKey} of a text with other than ASCII letters, digits and punctuation: letters and digits of any
 * script, in NFC and lower-cased, the ASCII number marks as in the fast path, and the minus sign (U+2212) and the currency
 * signs (€ £ ¥) of figures.
 */
function generalKey(text: string): string {
  // In NFC: a copy with `e` + U+0301 for `é` (looks the same) had the key of `e` alone, and was no repeat.
  const lower = text.normalize('NFC').toLowerCase();
  let key = '';
  for (const m of lower.matchAll(/[\p{L}\p{N}]+|[.,+\-%$\u2212\u20ac\u00a3\u00a5]/gu)) {
    const token = m[0];
    if (token.length > 1 || /[\p{L}\p{N}]/u.test(token)) key += token;
    else {
      const c = token.charCodeAt(0);
      const at = m.index!;
      if (c < 128) {
        if (numberMark(lower, at, c)) key += token;
      } else if (c === 0x2212 ? isDigitCode(lower.charCodeAt(at + 1)) && !/[\p{L}\p{N}]/u.test(lower[at - 1] ?? '') : isDigitCode(lower.charCodeAt(at + 1))) key += token;
    }
  }
  return key;
}

/** FNV-1a hash of a key's characters (the same whether the key was built or streamed). */
export function hashKey(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * The length and hash of {@link paragraphKey}`(text)` without building the key when the text takes
 * its ASCII fast path (a whole article's keys were the third largest allocation of the analysis);
 * otherwise the key itself (built the general way) is returned too.
 */
function streamKey(text: string): { length: number; hash: number; key?: string } {
  let h = FNV_OFFSET;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 ? c <= 122 : c >= 65 ? c <= 90 : c >= 48 && c <= 57) {
        h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
        n++;
      } else if (numberMark(text, i, c)) {
        h = Math.imul(h ^ c, FNV_PRIME);
        n++;
      }
    } else if (!(c === 0xa0 || (c >= 0x2000 && c <= 0x206f))) {
      const key = paragraphKey(text);
      return { length: key.length, hash: hashKey(key), key };
    }
  }
  return { length: n, hash: h };
}

let hashScratch = new Int32Array(256);
let startScratch = new Int32Array(256);
let endScratch = new Int32Array(256);
let gramScratch = new Int32Array(256);

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * The text compared: with its encoding damage repaired, when it has any, and in NFC (a copy whose `é` is `e` +
 * U+0301 looks the same and reads the same). Its offsets are this text's only: what a fix removes is whole
 * paragraphs, by their own offsets.
 */
function repairedOf(original: string): { text: string; sample?: RepairSample } {
  const repaired = mayNeedRepair(original) ? repairText(original) : { text: original };
  const normal = repaired.text.normalize('NFC');
  return normal === repaired.text ? repaired : { ...repaired, text: normal };
}

/**
 * Hashes the tokens of `text` (lower-case letter and digit runs) into the scratch arrays, with their
 * offsets when `withOffsets`; returns how many there are.
 */
function hashTokens(text: string, withOffsets: boolean): number {
  if (hashScratch.length < text.length / 2 + 2) {
    const size = Math.ceil(text.length / 2) + 256;
    hashScratch = new Int32Array(size);
    startScratch = new Int32Array(size);
    endScratch = new Int32Array(size);
    gramScratch = new Int32Array(size);
  }
  const hashes = hashScratch;
  const grams = gramScratch;
  let count = 0;
  let h = FNV_OFFSET;
  let start = -1;
  let digits = true;
  const length = text.length;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? text.charCodeAt(i) : 32;
    let lower: number;
    if (c < 128) {
      lower = c >= 97 ? (c <= 122 ? c : -1) : c >= 65 ? (c <= 90 ? c + 32 : -1) : c >= 48 && c <= 57 ? c : -1;
    } else if (c === 0xa0 || (c >= 0x2000 && c <= 0x206f)) {
      // Spaces, dashes, curly quotes: the commonest non-ASCII characters of news text, never in a word.
      lower = -1;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // Astral letters arrive as surrogate halves: both are kept as part of the word.
      lower = c;
    } else {
      lower = WORD_CHAR.test(text[i]) ? text[i].toLowerCase().charCodeAt(0) : -1;
    }
    if (lower >= 0) {
      if (start < 0) {
        start = i;
        h = FNV_OFFSET;
        digits = true;
      }
      h = Math.imul(h ^ lower, FNV_PRIME);
      if (lower < 48 || lower > 57) digits = false;
    } else if (start >= 0) {
      hashes[count] = h;
      // Fingerprints see every number as the same word, so an updated figure leaves them unchanged.
      grams[count] = digits ? NUMBER_HASH : h;
      if (withOffsets) {
        startScratch[count] = start;
        endScratch[count] = i;
      }
      count++;
      start = -1;
    }
  }
  return count;
}

/** Winnowed fingerprints of a paragraph's repaired text and its number of tokens, without keeping the tokens. */
function fingerprintsOf(original: string): { fingerprints: Int32Array; tokenCount: number } {
  const count = hashTokens(repairedOf(original).text, false);
  return { fingerprints: winnow(count), tokenCount: count };
}

/** Tokens (lower-case letter and digit runs) and fingerprints of a paragraph's repaired text. */
export function tokenizeForComparison(original: string): ParagraphTokens {
  const repaired = repairedOf(original);
  const count = hashTokens(repaired.text, true);
  // Read the masked hashes before winnowing turns them into n-gram hashes in place.
  const masked = gramScratch.slice(0, count);
  const fingerprints = winnow(count);
  return { text: repaired.text, repair: repaired.sample, hashes: hashScratch.slice(0, count), masked, starts: startScratch.slice(0, count), ends: endScratch.slice(0, count), fingerprints };
}

/** Winnowing's picks before they are sorted: reused, as the other scratch arrays (one paragraph at a time). */
let pickedScratch = new Int32Array(256);

/** Below this many values an insertion sort is cheaper than a typed array's `sort` (a call into the runtime). */
const INSERTION_SORT_MAX = 64;

/**
 * `values[0..n)` sorted ascending in place, returned as that part of the array: what
 * `values.subarray(0, n).sort()` does, without the view and the runtime call for the short lists
 * of most paragraphs' fingerprints.
 */
function sortInt32(values: Int32Array, n: number): Int32Array {
  if (n > INSERTION_SORT_MAX) return values.subarray(0, n).sort();
  for (let i = 1; i < n; i++) {
    const value = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > value) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = value;
  }
  return values;
}

/** Mixes three token hashes into one n-gram hash (murmur3's finaliser spreads the bits). */
function gramHash(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Winnowing over the first `count` token hashes in the scratch array: of each window of
 * {@link WINDOW} consecutive n-gram hashes the smallest (the rightmost on ties) is a fingerprint.
 * Returned sorted and without repeats, so a phrase repeated inside one paragraph counts once.
 */
function winnow(count: number): Int32Array {
  const grams = count - GRAM + 1;
  if (grams <= 0) return new Int32Array(0);
  // The token hashes for fingerprints (numbers masked) become n-gram hashes in place.
  const gram = gramScratch;
  for (let i = 0; i < grams; i++) gram[i] = gramHash(gram[i], gram[i + 1], gram[i + 2]);
  const windows = Math.max(1, grams - WINDOW + 1);
  if (pickedScratch.length < windows) pickedScratch = new Int32Array(windows * 2);
  const picked = pickedScratch;
  let n = 0;
  let last = -1;
  for (let w = 0; w < windows; w++) {
    let best = w;
    const end = Math.min(grams, w + WINDOW);
    for (let i = w + 1; i < end; i++) if (gram[i] <= gram[best]) best = i;
    if (best !== last) {
      picked[n++] = gram[best];
      last = best;
    }
  }
  const sorted = sortInt32(picked, n);
  let unique = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i];
  return sorted.slice(0, unique);
}
