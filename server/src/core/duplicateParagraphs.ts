import type { OffsetRange, Paragraph } from './types';

/** A paragraph that repeats an earlier one. */
export interface DuplicateParagraph {
  /** The repeated copy, which the diagnostic marks and the fix removes. */
  readonly duplicate: Paragraph;
  /** The first occurrence, which is kept. */
  readonly original: Paragraph;
}

/** Paragraphs shorter than this (letters and digits only) are headings or furniture, not repeats worth a warning. */
const MIN_SIGNIFICANT_CHARACTERS = 20;

/**
 * The comparison key of a paragraph: lower-case letters and digits only. Scrapers repeat paragraphs
 * with changed white space, punctuation, case or a lost space after a full stop (`al-Khatib.This`);
 * all of these vanish in the key, while any changed word keeps two paragraphs apart.
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
    } else if (!(c === 0xa0 || (c >= 0x2000 && c <= 0x206f))) {
      return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    }
  }
  let key = '';
  for (let i = 0; i < n; i += 4096) key += String.fromCharCode.apply(null, buffer.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return key;
}

let keyBuffer = new Uint16Array(1024);

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Hash of a paragraph key's characters (the same whether the key was built or streamed). */
function hashKey(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * The length and hash of {@link paragraphKey}`(text)` without building the key when the text takes
 * its ASCII fast path; otherwise the key itself (built the general way) is returned too.
 */
function keySignature(text: string): { length: number; hash: number; key?: string } {
  let h = FNV_OFFSET;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 ? c <= 122 : c >= 65 ? c <= 90 : c >= 48 && c <= 57) {
        h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
        n++;
      }
    } else if (!(c === 0xa0 || (c >= 0x2000 && c <= 0x206f))) {
      const key = paragraphKey(text);
      return { length: key.length, hash: hashKey(key), key };
    }
  }
  return { length: n, hash: h };
}

/**
 * Finds every paragraph whose key equals the key of an earlier paragraph. `keyOf` lets an
 * incremental analysis pass keys it cached per paragraph text; without it, keys are compared by
 * length and hash first and built only for paragraphs that might repeat (a whole article's keys
 * were the third largest allocation of the analysis).
 *
 * Short paragraphs (furniture, a one-line heading) are not repeats worth a warning on their own, but
 * one inside a repeated run (a line of a quote split over lines, a dateline before a repeated story)
 * is part of that repeat: runs of repeats are extended over the short paragraphs next to them that
 * repeat the paragraphs next to the original. Otherwise removing a run would leave its short lines
 * behind, and they could read differently once their neighbours are gone.
 */
export function findDuplicateParagraphs(paragraphs: readonly Paragraph[], keyOf?: (paragraph: Paragraph) => string): DuplicateParagraph[] {
  const count = paragraphs.length;
  const lengths = new Int32Array(count);
  const hashes = new Int32Array(count);
  const keys: (string | undefined)[] = new Array(count);
  for (let i = 0; i < count; i++) {
    if (keyOf) {
      const key = keyOf(paragraphs[i]);
      keys[i] = key;
      lengths[i] = key.length;
      hashes[i] = hashKey(key);
    } else {
      const signature = keySignature(paragraphs[i].text);
      keys[i] = signature.key;
      lengths[i] = signature.length;
      hashes[i] = signature.hash;
    }
  }
  const keyAt = (i: number): string => (keys[i] ??= paragraphKey(paragraphs[i].text));
  const sameKey = (i: number, j: number): boolean => lengths[i] === lengths[j] && hashes[i] === hashes[j] && keyAt(i) === keyAt(j);
  const originalOf: (number | undefined)[] = new Array(count);
  /** First paragraphs of each distinct significant key, by hash. */
  const firstsByHash = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    if (lengths[i] < MIN_SIGNIFICANT_CHARACTERS) continue;
    const firsts = firstsByHash.get(hashes[i]);
    const first = firsts?.find((j) => sameKey(i, j));
    if (first !== undefined) originalOf[i] = first;
    else if (firsts) firsts.push(i);
    else firstsByHash.set(hashes[i], [i]);
  }
  const sameShort = (i: number, j: number) => j >= 0 && j < i && sameKey(i, j) && (lengths[i] > 0 || paragraphs[i].text === paragraphs[j].text);
  for (let i = 1; i < count; i++) {
    const previous = originalOf[i - 1];
    if (originalOf[i] === undefined && previous !== undefined && sameShort(i, previous + 1)) originalOf[i] = originalOf[previous + 1] ?? previous + 1;
  }
  for (let i = count - 2; i >= 0; i--) {
    const next = originalOf[i + 1];
    if (originalOf[i] === undefined && next !== undefined && sameShort(i, next - 1)) originalOf[i] = originalOf[next - 1] ?? next - 1;
  }
  const duplicates: DuplicateParagraph[] = [];
  for (let i = 0; i < count; i++) {
    const original = originalOf[i];
    if (original !== undefined) duplicates.push({ duplicate: paragraphs[i], original: paragraphs[original] });
  }
  return duplicates;
}

/**
 * The ranges to delete so that the given paragraphs disappear with their separators and nothing
 * else does. A paragraph is removed together with the line breaks and blank lines that follow it up
 * to the next paragraph; the last paragraph of the document takes the separator before it instead,
 * so the text before it ends exactly as it did (no stray trailing line break is left or added).
 * Overlapping and touching ranges are merged, so the result is a valid set of LSP edits.
 */
export function paragraphRemovalRanges(text: string, all: readonly Paragraph[], toRemove: readonly Paragraph[]): OffsetRange[] {
  const removing = new Set(toRemove.map((p) => p.index));
  const ranges: OffsetRange[] = [];
  for (const paragraph of [...toRemove].sort((a, b) => a.start - b.start)) {
    const next = all[paragraph.index + 1];
    const start = lineStartOf(text, paragraph.start);
    const range = next ? { start, end: lineStartOf(text, next.start) } : { start, end: trailingEnd(text, paragraph.end) };
    const last = ranges[ranges.length - 1];
    if (last && last.end >= range.start) ranges[ranges.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else ranges.push(range);
  }
  // A removal that reaches the end of the document takes the separator in front of it instead.
  const final = ranges[ranges.length - 1];
  if (final && final.end === text.length) {
    let kept: Paragraph | undefined;
    for (const p of all) if (p.end <= final.start && !removing.has(p.index)) kept = p;
    if (kept) {
      let start = lineEndOf(text, kept.end);
      // A document that ends with a line break keeps one: the kept paragraph's own stays.
      if (/[\r\n]$/.test(text)) start += text.startsWith('\r\n', start) ? 2 : text[start] === '\r' || text[start] === '\n' ? 1 : 0;
      ranges[ranges.length - 1] = { start, end: final.end };
    }
  }
  return ranges;
}

/** Where the line holding `offset` starts, when only indentation precedes it on that line. */
function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r' ? i : offset;
}

/** Where the line holding `offset` ends, past trailing blanks (the line break itself excluded). */
function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** End of a final paragraph including trailing white space and line breaks. */
function trailingEnd(text: string, end: number): number {
  let i = end;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}
