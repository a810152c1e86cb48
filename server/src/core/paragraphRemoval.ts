import type { OffsetRange, Paragraph } from './types';

/**
 * The ranges to delete so that the given paragraphs disappear with their separators and nothing
 * else does. A paragraph is removed together with the line breaks and blank lines that follow it up
 * to the next paragraph; the last paragraph of the document takes the separator before it instead,
 * so the text before it ends exactly as it did (no stray trailing line break is left or added). So
 * does a paragraph, or a run of them, on the line after a kept one with a blank line after it (the end of a
 * block): the blank line then still separates the blocks, which would otherwise run together as one. A run
 * between two kept lines that crosses a blank line keeps that blank line, for the same reason.
 * Overlapping and touching ranges are merged, so the result is a valid set of LSP edits.
 */
export function paragraphRemovalRanges(text: string, all: readonly Paragraph[], toRemove: readonly Paragraph[]): OffsetRange[] {
  const removing = new Set(toRemove.map((p) => p.index));
  const ranges: OffsetRange[] = [];
  // Each paragraph once (a run is told by consecutive indexes).
  const sorted = [...new Map(toRemove.map((p) => [p.index, p])).values()].sort((a, b) => a.start - b.start);
  // Runs of paragraphs removed one after the other go as one: the separators to keep are those around the run
  // (the last two lines of a block, removed together, left the blank line after them with the second and took it).
  for (let i = 0; i < sorted.length; ) {
    const first = sorted[i];
    let last = first;
    while (i + 1 < sorted.length && sorted[i + 1].index === last.index + 1) last = sorted[++i];
    i++;
    const next = all[last.index + 1];
    const previous = all[first.index - 1];
    const start = lineStartOf(text, first.start);
    let range = next ? { start, end: lineStartOf(text, next.start) } : { start, end: trailingEnd(text, last.end) };
    let rest: OffsetRange | undefined;
    if (next && previous && lineBreaks(text, previous.end, first.start) === 1) {
      if (lineBreaks(text, last.end, next.start) >= 2) range = { start: lineEndOf(text, previous.end), end: lineEndOf(text, last.end) };
      else {
        // A run that crosses a blank line between two kept lines keeps that blank line (`A ¶ B ¶¶ C ¶ D` without B and C
        // is `A ¶¶ D`): the kept lines were in two blocks, and stay so.
        for (let k = first.index; k < last.index; k++) {
          if (lineBreaks(text, all[k].end, all[k + 1].start) < 2) continue;
          range = { start: lineEndOf(text, previous.end), end: lineEndOf(text, all[k].end) };
          rest = { start: lineStartOf(text, all[k + 1].start), end: lineStartOf(text, next.start) };
          break;
        }
      }
    }
    for (const r of rest ? [range, rest] : [range]) {
      const before = ranges[ranges.length - 1];
      if (before && before.end >= r.start) ranges[ranges.length - 1] = { start: before.start, end: Math.max(before.end, r.end) };
      else ranges.push(r);
    }
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
      // Moved back, it may now reach the range before it: merged, as LSP edits must not overlap.
      while (ranges.length > 1 && ranges[ranges.length - 2].end >= ranges[ranges.length - 1].start) {
        const last = ranges.pop()!;
        const before = ranges[ranges.length - 1];
        ranges[ranges.length - 1] = { start: Math.min(before.start, last.start), end: Math.max(before.end, last.end) };
      }
    }
  }
  return ranges;
}

/** How many line breaks lie between `from` and `to` (CR LF counts once). */
export function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) count++;
  }
  return count;
}

/** Where the line holding `offset` starts, when only indentation precedes it on that line. */
function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && isLineBlank(text[i - 1])) i--;
  return i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r' ? i : offset;
}

/** Where the line holding `offset` ends, past trailing blanks (the line break itself excluded). */
function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && isLineBlank(text[i])) i++;
  return i;
}

/**
 * White space a paragraph's line may be indented or ended with, as `paragraphs.ts` trims it: a no-break space
 * too (scraped HTML indents with `&nbsp;`: left behind, it moved onto the next paragraph). Not a byte-order mark,
 * which belongs to the file's start, not to a line.
 */
function isLineBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0';
}

/** End of a final paragraph including trailing white space and line breaks. */
function trailingEnd(text: string, end: number): number {
  let i = end;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}
