import { hashWord } from './hash';

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
      const next = end + 1;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      if (end === start || (text.charCodeAt(start) === 35 && text.charCodeAt(start + 1) === 32)) {
        // An empty line or a comment (`# `); a line of a lone `\r` counts as a (malformed) line, as before.
        if (end === start && next - start === 2) WordClusters.parseLine('\r', 0, 1, parsed, lines);
        start = next;
        continue;
      }
      WordClusters.parseLine(text, start, end, parsed, lines);
      start = next;
    }
    const { hashes, classes, words, levels } = parsed;
    return new WordClusters(Math.max(levels, 0), hashes.subarray(0, words), classes.subarray(0, words * Math.max(levels, 0)), checksumOf(text));
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
  readonly hashes: Int32Array;
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

/** FNV-1a over the raw UTF-16 code units (unlike the feature hashes, digits are not folded). */
function checksumOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
