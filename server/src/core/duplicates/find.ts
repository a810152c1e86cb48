/**
 * Finds repeated paragraphs: exact and normalised repeats by key, then near repeats (damaged or
 * updated copies) by fingerprint candidates and a token comparison. Each repeat names the copy that
 * is kept; no paragraph that "remove all" removes is the kept copy of another, so removing them
 * always leaves one copy of each paragraph.
 */
import type { Paragraph } from '../types';
import { FingerprintIndex } from './candidates';
import { compareParagraphs, compareSplitCopy, type Difference, type NearMatch } from './compare';
import type { KnownWords } from './knownWords';
import { ParagraphSignature } from './signature';
import { symbolsOnlyInRepeat } from './symbols';
import { packedMap } from '../packedMap';

/** A paragraph that repeats another one. */
export interface DuplicateParagraph {
  /** The repeated copy, which the diagnostic marks and the fix removes. */
  readonly duplicate: Paragraph;
  /** The copy that is kept: the first one, unless that one is the other cut short. */
  readonly original: Paragraph;
  /** For a near repeat (a damaged or updated copy), what differs; absent when the letters and digits are the same. */
  readonly near?: NearRepeat;
}

/** What makes a repeat a near one. */
export interface NearRepeat {
  /** The differences, in text order, each read from the kept paragraph (`original`) to this copy: at least one. */
  readonly differences: readonly Difference[];
  /** When the copy was split in two by an inserted line: that line, and the copy's other part. */
  readonly split?: { readonly line: Paragraph; readonly otherPart: Paragraph };
  /**
   * False when the copy may say something else: its figures differ, or a word became another word
   * (`million` → `billion`), so either copy may be the up-to-date one; or a line inside it is not in
   * the paragraph it repeats, and removing the copy would remove that line too. "Remove all" leaves
   * such a pair for the user to decide (the quick fixes still offer both ways).
   */
  readonly removedByFixAll: boolean;
}

/** Paragraphs shorter than this (letters and digits only) are headings or furniture, not repeats worth a warning. */
const MIN_SIGNIFICANT_CHARACTERS = 20;
/** A near repeat needs at least this many words on both sides to be told from a different paragraph. */
const MIN_NEAR_TOKENS = 6;
/** A line inserted into a copy (splitting it in two) is at most this long. */
const MAX_INSERTED_LINE_LENGTH = 80;
/** Each part of a split copy has at least this many words (a list number before a copy is no part of it). */
const MIN_PART_TOKENS = 3;

/**
 * Finds every paragraph that repeats another one. `signatureOf` lets an incremental analysis pass
 * the signature it cached per paragraph text (`ParagraphSignature`); without it, signatures are made
 * here (keys are compared by length and hash first and built only for paragraphs that might repeat).
 *
 * Short paragraphs (furniture, a one-line heading) are not repeats worth a warning on their own, but
 * one inside a repeated run (a line of a quote split over lines, a dateline before a repeated story)
 * is part of that repeat: runs of exact repeats are extended over the short paragraphs next to them
 * that repeat the paragraphs next to the original. Otherwise removing a run would leave its short
 * lines behind, and they could read differently once their neighbours are gone.
 */
export function findDuplicateParagraphs(paragraphs: readonly Paragraph[], words: KnownWords, signatureOf?: (paragraph: Paragraph) => ParagraphSignature): DuplicateParagraph[] {
  const count = paragraphs.length;
  // Packed in every tier (packedMap.ts): the passes below are compiled for one kind of array.
  const signatures = packedMap(paragraphs, (p) => (signatureOf ? signatureOf(p) : new ParagraphSignature(p.text)));
  const { originalOf, withSymbols } = findExactRepeats(paragraphs, signatures);
  const near = findNearRepeats(paragraphs, signatures, originalOf, words);
  for (const [i, repeat] of withSymbols) near[i] = repeat;
  const duplicates: DuplicateParagraph[] = [];
  for (let i = 0; i < count; i++) {
    const original = originalOf[i];
    if (original !== undefined) duplicates.push(near[i] ? { duplicate: paragraphs[i], original: paragraphs[original], near: near[i] } : { duplicate: paragraphs[i], original: paragraphs[original] });
  }
  return duplicates;
}

/**
 * The exact repeats with a symbol their first copy lacks (an emoji, an arrow), as near repeats that "remove all"
 * leaves (`symbols.ts`); a later copy with no symbol beyond such a kept one's repeats that one instead (`originalOf`
 * changed), so that fix-all leaves one copy of each.
 */
function keepRepeatsWithSymbols(paragraphs: readonly Paragraph[], originalOf: (number | undefined)[]): Map<number, NearRepeat> {
  const kept = new Map<number, NearRepeat>();
  /** The copies of each first paragraph kept for their symbols, in text order. */
  const keptFor = new Map<number, number[]>();
  for (let i = 0; i < paragraphs.length; i++) {
    const original = originalOf[i];
    if (original === undefined) continue;
    const symbols = symbolsOnlyInRepeat(paragraphs[original].text, paragraphs[i].text);
    if (!symbols) continue;
    const copies = keptFor.get(original) ?? [];
    const covering = copies.find((k) => !symbolsOnlyInRepeat(paragraphs[k].text, paragraphs[i].text));
    if (covering !== undefined) {
      originalOf[i] = covering;
      continue;
    }
    kept.set(i, { differences: [{ kind: 'symbols', original: symbols.kept, copy: symbols.repeat }], removedByFixAll: false });
    keptFor.set(original, [...copies, i]);
  }
  return kept;
}

/** Exact and normalised repeats (same key), each mapped to the first paragraph with its key. */
function findExactRepeats(paragraphs: readonly Paragraph[], signatures: readonly ParagraphSignature[]): { originalOf: (number | undefined)[]; withSymbols: Map<number, NearRepeat> } {
  const count = paragraphs.length;
  const sameKey = (i: number, j: number): boolean => {
    const a = signatures[i];
    const b = signatures[j];
    return a.keyLength === b.keyLength && a.keyHash === b.keyHash && a.key === b.key;
  };
  const originalOf: (number | undefined)[] = new Array(count);
  /** First paragraphs of each distinct significant key, by hash. */
  const firstsByHash = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    if (signatures[i].keyLength < MIN_SIGNIFICANT_CHARACTERS) continue;
    const hash = signatures[i].keyHash;
    const firsts = firstsByHash.get(hash);
    const first = firsts?.find((j) => sameKey(i, j));
    if (first !== undefined) originalOf[i] = first;
    else if (firsts) firsts.push(i);
    else firstsByHash.set(hash, [i]);
  }
  // Copies kept for a symbol are no repeats that fix-all removes: no run extends over their neighbours.
  const withSymbols = keepRepeatsWithSymbols(paragraphs, originalOf);
  const removable = (i: number) => originalOf[i] !== undefined && !withSymbols.has(i);
  const sameShort = (i: number, j: number) =>
    j >= 0 && j < i && sameKey(i, j) && (signatures[i].keyLength > 0 || paragraphs[i].text === paragraphs[j].text) && !symbolsOnlyInRepeat(paragraphs[j].text, paragraphs[i].text);
  for (let i = 1; i < count; i++) {
    const previous = originalOf[i - 1];
    if (originalOf[i] === undefined && removable(i - 1) && sameShort(i, previous! + 1)) originalOf[i] = originalOf[previous! + 1] ?? previous! + 1;
  }
  for (let i = count - 2; i >= 0; i--) {
    const next = originalOf[i + 1];
    if (originalOf[i] === undefined && removable(i + 1) && sameShort(i, next! - 1)) originalOf[i] = originalOf[next! - 1] ?? next! - 1;
  }
  // The two passes can point a short repeat at a copy that the other pass then found to be a repeat
  // itself (`“He said` after a repeated run, twice): every copy here has the same key, so each points at
  // the first — the one copy fix-all keeps.
  // A copy kept for its symbols stays what its own repeats point at.
  for (let i = 0; i < count; i++) {
    let original = originalOf[i];
    while (original !== undefined && originalOf[original] !== undefined && !withSymbols.has(original)) original = originalOf[original];
    originalOf[i] = original;
  }
  return { originalOf, withSymbols };
}

/**
 * Near repeats among the paragraphs that are not exact repeats, in document order: each paragraph is
 * compared with the kept paragraphs before it that share fingerprints with it. Fills `originalOf`
 * and returns what differs per repeated paragraph.
 */
function findNearRepeats(paragraphs: readonly Paragraph[], signatures: readonly ParagraphSignature[], originalOf: (number | undefined)[], words: KnownWords): (NearRepeat | undefined)[] {
  const count = paragraphs.length;
  const near: (NearRepeat | undefined)[] = new Array(count);
  const eligible = (i: number) => originalOf[i] === undefined && signatures[i].keyLength >= MIN_SIGNIFICANT_CHARACTERS;
  let capacity = 0;
  for (let i = 0; i < count; i++) if (eligible(i)) capacity += signatures[i].fingerprints.fingerprints.length;
  const index = new FingerprintIndex(count, capacity);
  const record = (copy: number, kept: number, match: NearMatch, split?: NearRepeat['split']) => {
    originalOf[copy] = kept;
    // Differences read from the kept paragraph to the copy, whichever came first.
    const differences = match.copy === 'later' ? match.differences : match.differences.map((d) => ({ kind: d.kind, original: d.copy, copy: d.original }));
    // A line inserted inside the copy goes with it; the line between the parts of a split copy stays.
    const splitLine = split?.line.text.trim();
    const removedByFixAll = !differences.some((d) => d.kind === 'figures' || d.kind === 'words' || (d.kind === 'inserted-line' && d.copy !== '' && d.copy !== splitLine));
    near[copy] = { differences, split, removedByFixAll };
    // Repeats of a copy that "remove all" removes (exact ones, found first) are repeats of the kept
    // paragraph now, with the same differences: what a removed repeat points at is always kept. (A
    // copy whose figures differ stays, and so can stay what its own repeats point at.)
    if (!removedByFixAll) return;
    for (let k = 0; k < count; k++) {
      if (originalOf[k] !== copy || k === copy) continue;
      // A near repeat of a copy cut short, before the complete copy kept now, was compared with that copy
      // alone. It is the complete one cut short as well, a little later (`… Canada. On` of `… Canada. O …`):
      // told against the complete one, read as the later of the two, since the cut the first copy marks
      // vouches for it (an earlier copy must otherwise mark its own cut, `compare.ts`), so that its
      // diagnostic names what differs from the paragraph it now repeats.
      const retold = k < kept && near[k] !== undefined && near[k] !== near[copy] ? compareCached(signatures[kept], signatures[k], words) : undefined;
      if (retold?.copy === 'later' && retold.differences.some((d) => d.kind === 'cut-short')) {
        record(k, kept, retold);
        continue;
      }
      originalOf[k] = kept;
      near[k] ??= near[copy];
    }
  };
  for (let i = 0; i < count; i++) {
    if (originalOf[i] !== undefined) continue;
    const own = eligible(i) ? signatures[i].fingerprints : undefined;
    let found: { kept: number; match: NearMatch } | undefined;
    if (own && own.tokenCount >= MIN_NEAR_TOKENS) {
      for (const j of index.candidates(own.fingerprints)) {
        const match = compareCached(signatures[j], signatures[i], words);
        if (match) {
          found = { kept: j, match };
          break;
        }
      }
    }
    // A copy split by an inserted line reads, part by part, as a copy cut short (or as none): the
    // two parts read together explain more.
    const onlyCut = found && found.match.copy === 'later' && found.match.differences.some((d) => d.kind === 'cut-short');
    if ((!found || onlyCut) && splitShaped(paragraphs, signatures, originalOf, i) && findSplitCopy(paragraphs, signatures, index, i, record, words)) continue;
    if (!found) {
      // Kept: later paragraphs are compared with it (keys repeated exactly, through their first paragraph).
      if (own) index.add(i, own.fingerprints);
      continue;
    }
    const { kept: j, match } = found;
    if (match.copy === 'later') {
      record(i, j, match);
      continue;
    }
    // The earlier paragraph is this one cut short: it is the copy (with its own repeats), this one is kept.
    record(j, i, match);
    index.remove(j);
    if (own) index.add(i, own.fingerprints);
  }
  return near;
}

/** The comparison of two paragraph texts, from the earlier one's cache when it was made before. */
function compareCached(earlier: ParagraphSignature, later: ParagraphSignature, words: KnownWords): NearMatch | undefined {
  const cached = earlier.comparisons.get(later);
  if (cached !== undefined) return cached ?? undefined;
  const match = compareParagraphs(earlier.tokens, later.tokens, words);
  earlier.comparisons.set(later, match ?? null);
  return match;
}

/**
 * Paragraph `i` may be the first part of a copy split by an inserted line: the next paragraph is a
 * short line, and neither it nor the one after it is a repeat already.
 */
function splitShaped(paragraphs: readonly Paragraph[], signatures: readonly ParagraphSignature[], originalOf: readonly (number | undefined)[], i: number): boolean {
  if (i + 2 >= paragraphs.length || originalOf[i + 2] !== undefined || originalOf[i + 1] !== undefined) return false;
  return signatures[i].keyLength > 0 && paragraphs[i + 1].text.length <= MAX_INSERTED_LINE_LENGTH && signatures[i + 2].keyLength > 0;
}

function findSplitCopy(
  paragraphs: readonly Paragraph[],
  signatures: readonly ParagraphSignature[],
  index: FingerprintIndex,
  i: number,
  record: (copy: number, kept: number, match: NearMatch, split?: NearRepeat['split']) => void,
  words: KnownWords,
): boolean {
  const first = signatures[i].fingerprints;
  const second = signatures[i + 2].fingerprints;
  if (first.tokenCount < MIN_PART_TOKENS || second.tokenCount < MIN_PART_TOKENS || first.tokenCount + second.tokenCount < MIN_NEAR_TOKENS) return false;
  for (const j of index.candidates(first.fingerprints, second.fingerprints)) {
    const cache = signatures[i].splitComparisons(signatures[j]);
    let cached = cache.get(signatures[i + 2]);
    if (cached === undefined) cache.set(signatures[i + 2], (cached = compareSplitCopy(signatures[j].tokens, signatures[i].tokens, '', signatures[i + 2].tokens, words) ?? null));
    if (!cached) continue;
    // The line between the parts is named here: the cached comparison is the same whatever it says.
    const match: NearMatch = { copy: cached.copy, differences: cached.differences.map((d) => (d.kind === 'inserted-line' && d.copy === '' && d.original === '' ? { ...d, copy: paragraphs[i + 1].text.trim() } : d)) };
    record(i, j, match, { line: paragraphs[i + 1], otherPart: paragraphs[i + 2] });
    record(i + 2, j, match, { line: paragraphs[i + 1], otherPart: paragraphs[i] });
    return true;
  }
  return false;
}
