/**
 * What removing page furniture deletes: a region of whole paragraphs goes with its separators
 * (`paragraphRemovalRanges`); a region that is only the start of its paragraph (a comment widget glued to
 * the heading of a live blog's next entry) goes alone, from its line's start, and leaves the heading.
 */
import { paragraphRemovalRanges } from '../paragraphRemoval';
import type { OffsetRange, Paragraph } from '../types';
import { isPartOfParagraph, type FurnitureRegion } from './find';

/**
 * The deletions that remove `regions` and the paragraphs of `alsoWhole` (repeats a fix-all removes), in text
 * order, merged where they meet so that they are a valid set of LSP edits. A paragraph removed whole takes the
 * part of it a region covers with it.
 */
export function furnitureRemovalRanges(text: string, all: readonly Paragraph[], regions: readonly FurnitureRegion[], alsoWhole: ReadonlyMap<number, Paragraph>): OffsetRange[] {
  const whole = new Map(alsoWhole);
  const parts: OffsetRange[] = [];
  for (const region of regions) {
    if (!isPartOfParagraph(region)) for (const p of region.paragraphs) whole.set(p.index, p);
  }
  for (const region of regions) {
    if (isPartOfParagraph(region) && !whole.has(region.paragraphs[0].index)) parts.push({ start: lineStart(text, region.start), end: region.end });
  }
  const ranges = [...(whole.size === 0 ? [] : paragraphRemovalRanges(text, all, [...whole.values()])), ...parts].sort((a, b) => a.start - b.start);
  const merged: OffsetRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && last.end >= range.start) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push(range);
  }
  return merged;
}

/** The start of the line holding `offset` when only indentation precedes it there, else `offset`. */
function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\u00a0')) i--;
  return i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r' ? i : offset;
}
