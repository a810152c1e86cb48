import { hashWord, hashWordBytes } from './hash';

/**
 * Word clusters learned from unlabelled news text (`server/data/ner/clusters.tsv`, written by
 * `npm run train:clusters`): per word, its class at a few levels, coarse to fine, each class a union
 * of classes of the next level. Words that occur in the same contexts share classes (`Monday`,
 * `Friday`; `Moscow`, `Beijing`), so the tagger can generalise from names it was trained on to names
 * it only saw in unlabelled text (Ratinov & Roth 2009 use Brown clusters to the same end).
 *
 * Looked up by the tagger's case-kept word hash ({@link hashWord}), allocation-free.
 */
export class WordClusters {
  /** Number of levels per word. */
  readonly levels: number;
  /** Open addressing: word hash → entry + 1 (0 = empty). */
  private readonly slots: Int32Array;
  private readonly slotKeys: Int32Array;
  private readonly mask: number;
  /** Number of words. */
  readonly size: number;
  /**
   * A hash of the file's content: the model records the clusters it was trained with, and a
   * tagger refuses clusters that differ (their class numbers would mean something else).
   */
  readonly checksum: number;
  /** `classes[entry * levels + level]`. */
  private readonly classes: Int32Array;

  private constructor(levels: number, hashes: Int32Array, classes: Int32Array, checksum: number) {
    this.levels = levels;
    this.checksum = checksum;
    let size = 1024;
    while (size < hashes.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.slotKeys = new Int32Array(size);
    this.classes = classes;
    this.size = hashes.length;
    for (let e = 0; e < hashes.length; e++) {
      let slot = hashes[e] & this.mask;
      while (this.slots[slot] !== 0 && this.slotKeys[slot] !== hashes[e]) slot = (slot + 1) & this.mask;
      // Words that hash alike after normalisation (`1996` and `2016`: digits fold) keep the first class.
      if (this.slots[slot] !== 0) continue;
      this.slots[slot] = e + 1;
      this.slotKeys[slot] = hashes[e];
    }
  }

  /** No clusters (every word unknown): for a checkout without the file and for ablations. */
  static empty(levels = 0): WordClusters {
    return new WordClusters(levels, new Int32Array(0), new Int32Array(0), 0);
  }

  /** Parses `clusters.tsv`: lines `word<TAB>class<TAB>class…`; lines starting with `# ` are comments. */
  static parse(text: string): WordClusters {
    // Read in place, a line and a field at a time, into typed arrays sized by the line count: the
    // 100,000 lines of the embedding clusters are parsed in every process and worker at start, and a
    // string per line, then lists grown number by number, were most of it (issue 17: the reopened
    // server's data load, before its first analysis).
    let lines = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
    const parsed: ParsedClusters = { hashes: new Int32Array(lines), classes: new Int32Array(0), words: 0, levels: -1 };
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      WordClusters.readLine(text, start, end, parsed, lines);
      start = end + 1;
    }
    return WordClusters.fromParsed(parsed, checksumOf(text));
  }

  /**
   * {@link parse} of the file's UTF-8 bytes, without decoding them into a string first: what the
   * tagger loads, in every process and worker at start. A line of ASCII (all but a few dozen of the
   * embedding clusters' 100,000) is read from the bytes, its word hashed as {@link hashWord} hashes the
   * same characters; any other line, and any line the quick reading does not take as it is (a field
   * that is not a plain number, a wrong number of fields, a comment, a carriage return alone), is
   * decoded and read by {@link readLine}, as {@link parse} reads it. The checksum is that of the
   * decoded text (over UTF-16 code units, which are the bytes themselves in ASCII). Decoding the 2 MB
   * embedding clusters into a string (a two-byte one, for the few words with accents) and finding its
   * lines and fields with `indexOf` took 99 ms of every process's start with the word clusters (wall,
   * medians of cold processes on the 2-core machine, both files); read from the bytes, 67.
   */
  static parseBytes(bytes: Uint8Array): WordClusters {
    // Sized by a guess rather than a pass counting the lines (a pass over 2 MB is 10 ms here), and grown.
    const parsed: ParsedClusters = { hashes: new Int32Array((bytes.length >> 4) + 16), classes: new Int32Array(0), words: 0, levels: -1 };
    let checksum = CHECKSUM_SEED;
    let decoder: InstanceType<typeof TextDecoder> | undefined;
    const scan = { ascii: true };
    for (let start = 0; start < bytes.length; ) {
      if (parsed.words === parsed.hashes.length) {
        const grown = new Int32Array(parsed.hashes.length * 2);
        grown.set(parsed.hashes);
        parsed.hashes = grown;
        const classes = new Int32Array(grown.length * Math.max(parsed.levels, 0));
        classes.set(parsed.classes);
        parsed.classes = classes;
      }
      const before = checksum;
      const end = lineEnd(bytes, start, scan);
      checksum = foldBytes(checksum, bytes, start, end);
      const ascii = scan.ascii;
      if (!ascii || !WordClusters.readAsciiLine(bytes, start, end, parsed)) {
        // `ignoreBOM`: a byte order mark stays a character, as Node's decoding of a file (diskData.ts) keeps it.
        decoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
        const line = decoder.decode(bytes.subarray(start, end));
        if (!ascii) {
          checksum = before;
          for (let i = 0; i < line.length; i++) checksum = Math.imul(checksum ^ line.charCodeAt(i), CHECKSUM_PRIME);
        }
        // Room for the classes of as many lines as there are words' places, when this line is the first.
        WordClusters.readLine(line, 0, line.length, parsed, parsed.hashes.length);
      }
      if (end < bytes.length) checksum = Math.imul(checksum ^ 10, CHECKSUM_PRIME);
      start = end + 1;
    }
    return WordClusters.fromParsed(parsed, checksum >>> 0);
  }

  private static fromParsed(parsed: ParsedClusters, checksum: number): WordClusters {
    const { hashes, classes, words, levels } = parsed;
    return new WordClusters(Math.max(levels, 0), hashes.subarray(0, words), classes.subarray(0, words * Math.max(levels, 0)), checksum);
  }

  /** Reads the line `text[start, end)` (without its line feed): a comment, an empty line, or a word and its classes. */
  private static readLine(text: string, start: number, end: number, parsed: ParsedClusters, lines: number): void {
    const next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    if (end === start || (text.charCodeAt(start) === 35 && text.charCodeAt(start + 1) === 32)) {
      // An empty line or a comment (`# `); a line of a lone `\r` counts as a (malformed) line, as before.
      if (end === start && next - start === 2) WordClusters.parseLine('\r', 0, 1, parsed, lines);
      return;
    }
    WordClusters.parseLine(text, start, end, parsed, lines);
  }

  /**
   * Reads the ASCII line `bytes[start, end)` (without its line feed) when it is a word and as many
   * plain numbers (one to nine digits) as the lines before had, as {@link parseLine} reads it; returns
   * false for any other line (or the first, which sets the number of levels), having counted no word:
   * the classes it may have written are the line's own places, which {@link parseLine} writes again.
   */
  private static readAsciiLine(bytes: Uint8Array, start: number, end: number, parsed: ParsedClusters): boolean {
    const levels = parsed.levels;
    if (levels < 1) return false;
    if (end > start && bytes[end - 1] === 13) end--;
    // A comment (`# `) or an empty line: readLine's.
    if (end === start || (bytes[start] === 35 && bytes[start + 1] === 32)) return false;
    let tab = start;
    while (tab < end && bytes[tab] !== 9) tab++;
    if (tab === end) return false;
    const classes = parsed.classes;
    let next = parsed.words * levels;
    const last = next + levels;
    for (let from = tab + 1; ; ) {
      let value = 0;
      let at = from;
      for (; at < end; at++) {
        const digit = bytes[at] - 48;
        if (digit < 0 || digit > 9) break;
        value = value * 10 + digit;
      }
      // An empty field, more than nine digits or anything but a digit: parseLine reads those (Number()).
      if (at === from || at - from > 9 || next === last || (at < end && bytes[at] !== 9)) return false;
      classes[next++] = value;
      if (at === end) break;
      from = at + 1;
    }
    if (next !== last) return false;
    parsed.hashes[parsed.words++] = hashWordBytes(bytes, start, tab);
    return true;
  }

  /** The word hash and classes of the line `text[start, end)` into `parsed` (its first line sets the number of levels). */
  private static parseLine(text: string, start: number, end: number, parsed: ParsedClusters, lines: number): void {
    const tabAt = text.indexOf('\t', start);
    const tab = tabAt < end ? tabAt : -1;
    let fields = 0;
    for (let at = tab; at >= 0 && at < end; at = text.indexOf('\t', at + 1)) fields++;
    if (parsed.levels < 0) {
      parsed.levels = fields;
      parsed.classes = new Int32Array(lines * Math.max(fields, 0));
    }
    const levels = parsed.levels;
    if (fields !== levels || levels < 1) throw new Error(`clusters.tsv: expected a word and ${levels} classes: ${text.slice(start, Math.min(end, start + 80))}`);
    parsed.hashes[parsed.words] = hashWord(text, start, tab);
    let next = parsed.words * levels;
    for (let from = tab + 1; from <= end; ) {
      let to = text.indexOf('\t', from);
      if (to < 0 || to > end) to = end;
      parsed.classes[next++] = decimalOrNumber(text, from, to);
      from = to + 1;
    }
    parsed.words++;
  }

  /** The entry of a word by its {@link hashWord}, or -1 when the word was not clustered. */
  entry(wordHash: number): number {
    let slot = wordHash & this.mask;
    while (this.slots[slot] !== 0) {
      if (this.slotKeys[slot] === wordHash) return this.slots[slot] - 1;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  /** Class of an entry at a level (0 = coarsest). */
  classOf(entry: number, level: number): number {
    return this.classes[entry * this.levels + level];
  }
}

/** What {@link WordClusters.parse} has read so far. */
interface ParsedClusters {
  hashes: Int32Array;
  /** `levels` numbers per word, allocated when the first line says how many. */
  classes: Int32Array;
  words: number;
  levels: number;
}

/** `Number(line.slice(from, to))`, without the string for a plain run of up to nine digits. */
function decimalOrNumber(line: string, from: number, to: number): number {
  if (to === from || to - from > 9) return Number(line.slice(from, to));
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = line.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number(line.slice(from, to));
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Where the line starting at `bytes[start]` ends (its line feed, or the end of the bytes); sets
 * `scan.ascii` to whether its bytes are all below 0x80. A function of its own, as {@link foldBytes}:
 * called per line, V8 optimises it within the first lines; the same loop inside `parseBytes`, run once
 * over the whole file, made the parse a sixth slower (the embedding clusters, cold: 62 against 54 ms).
 */
function lineEnd(bytes: Uint8Array, start: number, scan: { ascii: boolean }): number {
  let end = start;
  let high = 0;
  for (; end < bytes.length; end++) {
    const b = bytes[end];
    if (b === 10) break;
    high |= b;
  }
  scan.ascii = high < 0x80;
  return end;
}

/** {@link checksumOf}'s hash `h` continued over the code units `bytes[from, to)`. */
function foldBytes(h: number, bytes: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i], CHECKSUM_PRIME);
  return h;
}

/** FNV-1a over the raw UTF-16 code units (unlike the feature hashes, digits are not folded). */
function checksumOf(text: string): number {
  let h = CHECKSUM_SEED;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), CHECKSUM_PRIME);
  return h >>> 0;
}

const CHECKSUM_SEED = 0x811c9dc5 | 0;
const CHECKSUM_PRIME = 0x01000193;
