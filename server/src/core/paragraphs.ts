import type { Paragraph } from './types';

/**
 * Splits an article into paragraphs.
 *
 * Scraped articles come in two shapes: one paragraph per line (no blank lines at all, or blank
 * lines between single-line paragraphs) and hard-wrapped blocks separated by blank lines. The choice
 * is made per block (a run of non-blank lines): a block is one paragraph when the document has blank
 * lines and the block's lines read as sentences running on (most lines are long for the document and
 * do not end a sentence); otherwise each of its lines is a paragraph, which is what the seed articles
 * need. Deciding per block keeps the reading of every other block unchanged when a repeated block is
 * removed, so "remove all duplicates" is idempotent; only removing the last blank line can change it.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const lines = splitLines(text);
  const blank = lines.map((line) => isBlank(text, line.start, line.end));
  // Without a single blank line the article is one paragraph per line: the scraped-article convention.
  const hasBlankLines = blank.some((b, i) => b && i < lines.length - 1);
  const paragraphs: Paragraph[] = [];
  const push = (start: number, end: number) => paragraphs.push({ index: paragraphs.length, start, end, text: text.slice(start, end) });
  for (let first = 0; first < lines.length; first++) {
    if (blank[first]) continue;
    let last = first;
    while (last + 1 < lines.length && !blank[last + 1]) last++;
    if (hasBlankLines && last > first && blockLooksWrapped(text, lines, first, last)) {
      push(trimLine(text, lines[first].start, lines[first].end).start, trimLine(text, lines[last].start, lines[last].end).end);
    } else {
      for (let i = first; i <= last; i++) {
        const { start, end } = trimLine(text, lines[i].start, lines[i].end);
        push(start, end);
      }
    }
    first = last;
  }
  return paragraphs;
}

/** A line of the text: `[start, end)` without its line break; `next` is where the next line starts. */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

/** Splits text into lines on `\n`, `\r\n` and a lone `\r`, the line breaks LSP recognises. */
export function splitLines(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ start, end: i, next });
      start = next;
      i = next - 1;
    }
  }
  lines.push({ start, end: text.length, next: text.length });
  return lines;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xfeff && c !== 0xa0 && c !== 0x3000) return false;
  }
  return true;
}

/** Leading white space and a BOM are not part of a paragraph; trailing white space neither. */
function trimLine(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xfeff || c === 0xa0;
}

/**
 * Most adjacent line pairs of the block must read as one sentence running on, not a list of one-line
 * paragraphs: the line does not end a sentence and is long for its block. Narrow columns (wrapped at
 * 30–40 characters) have short lines that still run on, so the bar is relative to the block's longest
 * line; measuring within the block keeps the decision independent of every other block.
 */
function blockLooksWrapped(text: string, lines: readonly LineSpan[], first: number, last: number): boolean {
  let longest = 0;
  for (let i = first; i <= last; i++) longest = Math.max(longest, lines[i].end - lines[i].start);
  const minWrapped = Math.min(30, Math.floor(longest * 0.6));
  let wrapped = 0;
  for (let i = first; i < last; i++) {
    const line = lines[i];
    const ending = text.slice(Math.max(line.start, line.end - 3), line.end).trimEnd();
    if (!/[.!?:"”’)\]]$/.test(ending) && line.end - line.start > minWrapped) wrapped++;
  }
  return wrapped * 2 >= last - first;
}
