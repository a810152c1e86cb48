/**
 * Candidate search for near repeats: an index from fingerprint to the paragraphs kept so far, and
 * the earlier paragraphs that share enough fingerprints with a new one to be worth comparing. An
 * article of a megabyte has some 65,000 fingerprints and the index is rebuilt per analysis (per
 * keystroke for diagnostics) from fingerprints cached per paragraph text, so it lives in typed
 * arrays (open addressing, postings as linked entries): a few milliseconds, next to no garbage.
 */

/** A fingerprint in more paragraphs than this says nothing (a stock phrase): it stops collecting them. */
const MAX_POSTINGS = 48;
/**
 * Share of the smaller paragraph's fingerprints two paragraphs must have in common. A damaged word
 * changes one or two fingerprints, a cut keeps all but the last: copies share far more than half
 * (a paragraph of a dozen words has three or four fingerprints: one in common is enough there).
 */
const MIN_SHARED_SHARE = 0.5;
/** Candidates compared per paragraph, most fingerprints in common first. */
const MAX_CANDIDATES = 6;

/** Paragraphs by fingerprint, in document order; a paragraph can be taken out again. */
export class FingerprintIndex {
  private readonly mask: number;
  private readonly slotKeys: Int32Array;
  /** 1 + the first entry of the slot's postings (0: empty slot). */
  private readonly slotHeads: Int32Array;
  private readonly slotTails: Int32Array;
  private readonly slotSizes: Int32Array;
  private readonly entryParagraphs: Int32Array;
  private readonly entryNext: Int32Array;
  private entries = 0;
  private readonly fingerprintCounts: Int32Array;
  private readonly removed: Uint8Array;
  private readonly counts: Int32Array;

  /** `capacity`: how many fingerprints will be added at most (all paragraphs' together). */
  constructor(paragraphCount: number, capacity: number) {
    let size = 16;
    while (size < capacity * 2) size <<= 1;
    this.mask = size - 1;
    this.slotKeys = new Int32Array(size);
    this.slotHeads = new Int32Array(size);
    this.slotTails = new Int32Array(size);
    this.slotSizes = new Int32Array(size);
    this.entryParagraphs = new Int32Array(capacity + 1);
    this.entryNext = new Int32Array(capacity + 1);
    this.fingerprintCounts = new Int32Array(paragraphCount);
    this.removed = new Uint8Array(paragraphCount);
    this.counts = new Int32Array(paragraphCount);
  }

  /** The slot of `key`: where it is, or the empty slot where it would go. */
  private slotOf(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) & this.mask;
    while (this.slotHeads[slot] !== 0 && this.slotKeys[slot] !== key) slot = (slot + 1) & this.mask;
    return slot;
  }

  add(paragraph: number, fingerprints: Int32Array): void {
    this.fingerprintCounts[paragraph] = fingerprints.length;
    this.removed[paragraph] = 0;
    for (let i = 0; i < fingerprints.length; i++) {
      const slot = this.slotOf(fingerprints[i]);
      if (this.slotSizes[slot] >= MAX_POSTINGS) continue;
      const entry = ++this.entries;
      this.entryParagraphs[entry] = paragraph;
      this.entryNext[entry] = 0;
      if (this.slotHeads[slot] === 0) {
        this.slotKeys[slot] = fingerprints[i];
        this.slotHeads[slot] = entry;
      } else {
        this.entryNext[this.slotTails[slot]] = entry;
      }
      this.slotTails[slot] = entry;
      this.slotSizes[slot]++;
    }
  }

  /** Takes a paragraph out of later candidate lists (it turned out to be a copy itself). */
  remove(paragraph: number): void {
    this.removed[paragraph] = 1;
  }

  /**
   * Paragraphs in the index sharing enough of `fingerprints` (the union of the given lists) to be
   * compared, the most shared first, at most {@link MAX_CANDIDATES}.
   */
  candidates(...lists: Int32Array[]): number[] {
    let own = 0;
    for (const list of lists) own += list.length;
    if (own === 0 || this.entries === 0) return [];
    const touched: number[] = [];
    const counts = this.counts;
    for (const fingerprints of lists) {
      for (let i = 0; i < fingerprints.length; i++) {
        const slot = this.slotOf(fingerprints[i]);
        for (let entry = this.slotHeads[slot]; entry !== 0; entry = this.entryNext[entry]) {
          const p = this.entryParagraphs[entry];
          if (this.removed[p]) continue;
          if (counts[p]++ === 0) touched.push(p);
        }
      }
    }
    if (touched.length === 0) return [];
    const found: { paragraph: number; shared: number }[] = [];
    for (const p of touched) {
      const shared = counts[p];
      counts[p] = 0;
      const smaller = Math.min(own, this.fingerprintCounts[p]);
      if (shared >= (smaller <= 4 ? 1 : Math.max(2, Math.ceil(MIN_SHARED_SHARE * smaller)))) found.push({ paragraph: p, shared });
    }
    found.sort((x, y) => y.shared - x.shared || x.paragraph - y.paragraph);
    return found.slice(0, MAX_CANDIDATES).map((c) => c.paragraph);
  }
}
