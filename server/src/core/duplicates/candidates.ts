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

/** Integers per slot of the index's table: the fingerprint, its first and last postings' entries (entries count from 1: a head of 0 is an empty slot), its postings' count. */
const SLOT = 4;
const KEY = 0, HEAD = 1, TAIL = 2, SIZE = 3;

/**
 * Paragraphs by fingerprint, in document order; a paragraph can be taken out again. A slot's four
 * integers lie side by side (a probe reads one cache line, and an index is three allocations, not
 * nine: one is made per analysis).
 */
export class FingerprintIndex {
  private readonly mask: number;
  /** Slot `s` at `s * SLOT`: see {@link SLOT}. */
  private readonly slots: Int32Array;
  /** Entry `e` (from 1) at `e * 2`: its paragraph, then the next entry of the same slot (0: none). */
  private readonly postings: Int32Array;
  private entries = 0;
  /** Paragraph `p` at `p * 2`: how many fingerprints it was added with, then its count of shared fingerprints during {@link candidates}. */
  private readonly paragraphCounts: Int32Array;
  private readonly removed: Uint8Array;

  /** `capacity`: how many fingerprints will be added at most (all paragraphs' together). */
  constructor(paragraphCount: number, capacity: number) {
    let size = 16;
    while (size < capacity * 2) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size * SLOT);
    this.postings = new Int32Array((capacity + 1) * 2);
    this.paragraphCounts = new Int32Array(paragraphCount * 2);
    this.removed = new Uint8Array(paragraphCount);
  }

  /** Where the slot of `key` starts: where it is, or the empty slot where it would go. */
  private slotOf(key: number): number {
    const slots = this.slots;
    let slot = Math.imul(key, 0x9e3779b1) & this.mask;
    while (slots[slot * SLOT + HEAD] !== 0 && slots[slot * SLOT + KEY] !== key) slot = (slot + 1) & this.mask;
    return slot * SLOT;
  }

  add(paragraph: number, fingerprints: Int32Array): void {
    const slots = this.slots, postings = this.postings;
    this.paragraphCounts[paragraph * 2] = fingerprints.length;
    this.removed[paragraph] = 0;
    for (let i = 0; i < fingerprints.length; i++) {
      const at = this.slotOf(fingerprints[i]);
      if (slots[at + SIZE] >= MAX_POSTINGS) continue;
      const entry = ++this.entries;
      postings[entry * 2] = paragraph;
      postings[entry * 2 + 1] = 0;
      if (slots[at + HEAD] === 0) {
        slots[at + KEY] = fingerprints[i];
        slots[at + HEAD] = entry;
      } else {
        postings[slots[at + TAIL] * 2 + 1] = entry;
      }
      slots[at + TAIL] = entry;
      slots[at + SIZE]++;
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
    const counts = this.paragraphCounts;
    const postings = this.postings;
    for (const fingerprints of lists) {
      for (let i = 0; i < fingerprints.length; i++) {
        const at = this.slotOf(fingerprints[i]);
        for (let entry = this.slots[at + HEAD]; entry !== 0; entry = postings[entry * 2 + 1]) {
          const p = postings[entry * 2];
          if (this.removed[p]) continue;
          if (counts[p * 2 + 1]++ === 0) touched.push(p);
        }
      }
    }
    if (touched.length === 0) return [];
    const found: { paragraph: number; shared: number }[] = [];
    for (const p of touched) {
      const shared = counts[p * 2 + 1];
      counts[p * 2 + 1] = 0;
      const smaller = Math.min(own, counts[p * 2]);
      if (shared >= (smaller <= 4 ? 1 : Math.max(2, Math.ceil(MIN_SHARED_SHARE * smaller)))) found.push({ paragraph: p, shared });
    }
    found.sort((x, y) => y.shared - x.shared || x.paragraph - y.paragraph);
    return found.slice(0, MAX_CANDIDATES).map((c) => c.paragraph);
  }
}
