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
    const hashes: number[] = [];
    const classes: number[] = [];
    let levels = -1;
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('# ')) continue;
      const parts = line.replace(/\r$/, '').split('\t');
      if (levels < 0) levels = parts.length - 1;
      if (parts.length - 1 !== levels || levels < 1) throw new Error(`clusters.tsv: expected a word and ${levels} classes: ${line.slice(0, 80)}`);
      hashes.push(hashWord(parts[0]));
      for (let k = 1; k < parts.length; k++) classes.push(Number(parts[k]));
    }
    return new WordClusters(Math.max(levels, 0), Int32Array.from(hashes), Int32Array.from(classes), checksumOf(text));
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

/** FNV-1a over the raw UTF-16 code units (unlike the feature hashes, digits are not folded). */
function checksumOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
