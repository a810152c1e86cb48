import { eachLineBreak } from './lineBreaks';
import { firstStartingFrom } from './search';
import type { Paragraph } from './types';
import { commonPrefixLength, commonSuffixLength } from './textDiff';

/**
 * Splits an article into paragraphs.
 *
 * Scraped articles come in two shapes: one paragraph per line (no blank lines at all, or blank
 * lines between single-line paragraphs) and hard-wrapped blocks separated by blank lines. The choice
 * is made per block (a run of non-blank lines): a block is one paragraph when the document has blank
 * lines and the block's lines read as sentences running on (most lines are long for the document and
 * do not end a sentence); otherwise each of its lines is a paragraph, which is what the seed articles
 * need. Deciding per block keeps the reading of every other block unchanged when a repeated block is
 * removed, so "remove all duplicates" is idempotent; only removing the last blank line can change it, and
 * removing some lines of a block read line by line changes the reading of that block: its lines left may
 * run on as one paragraph (fix-all reads such a block again, {@link blockParagraph}).
 */
export function splitParagraphs(text: string): Paragraph[] {
  return splitParagraphsWithInfo(text).paragraphs;
}

/** A paragraph split together with the document-level condition it depended on. */
export interface ParagraphSplit {
  readonly text: string;
  readonly paragraphs: Paragraph[];
  /** Whether the text has a blank line other than its last line. */
  readonly hasBlankLines: boolean;
}

/** {@link splitParagraphs}, also saying whether the text has blank lines (for {@link resplitParagraphs}). */
export function splitParagraphsWithInfo(text: string): ParagraphSplit {
  const lines = splitLines(text);
  const blank = lines.map((line) => isBlank(text, line.start, line.end));
  // Without a single blank line the article is one paragraph per line: the scraped-article convention.
  const hasBlankLines = blankLineIn(blank);
  const paragraphs: Paragraph[] = [];
  splitLinesInto(text, lines, blank, hasBlankLines, paragraphs);
  return { text, paragraphs, hasBlankLines };
}

/** Whether a text whose lines are `blank` or not has a blank line other than its last line (else it is read line by line). */
function blankLineIn(blank: readonly boolean[]): boolean {
  return blank.some((b, i) => b && i < blank.length - 1);
}

/** Whether the text has a blank line other than its last line: without one, each line is a paragraph. */
export function hasBlankLines(text: string): boolean {
  return blankLineIn(splitLines(text).map((line) => isBlank(text, line.start, line.end)));
}

/**
 * How a block reads in a text with blank lines: `block` is its lines (non-blank, with the line breaks between them and
 * nothing else). The span in `block` of the one paragraph they make, or undefined when each line is a paragraph. Fix-all
 * asks it of a block read line by line that loses some of its lines (`duplicates/removal.ts`): fewer lines may run on.
 */
export function blockParagraph(block: string): { start: number; end: number } | undefined {
  const lines = splitLines(block);
  const last = lines.length - 1;
  if (last < 1 || lines.some((line) => isBlank(block, line.start, line.end)) || !blockLooksWrapped(block, lines, 0, last)) return undefined;
  return { start: trimLine(block, lines[0].start, lines[0].end).start, end: trimLine(block, lines[last].start, lines[last].end).end };
}

function splitLinesInto(text: string, lines: readonly LineSpan[], blank: readonly boolean[], hasBlankLines: boolean, paragraphs: Paragraph[]): void {
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
}

/** How far from an edit {@link resplitParagraphs} looks for a block boundary before giving up. */
const MAX_RESPLIT_REACH = 50_000;

/**
 * The split of `text` from the split of an earlier version: paragraphs before the edited region are
 * kept (the same objects), those after it are shifted, and only the blocks around the edit are split
 * again. The result equals {@link splitParagraphsWithInfo} of `text`; when that cannot be ensured
 * cheaply (the edit may change whether the document has blank lines, no block boundary near the
 * edit) this falls back to a full split.
 */
export function resplitParagraphs(previous: ParagraphSplit, text: string): ParagraphSplit {
  const old = previous.text;
  if (old === text) return previous;
  const prefix = commonPrefixLength(old, text);
  const suffix = commonSuffixLength(old, text, Math.min(old.length, text.length) - prefix);
  const delta = text.length - old.length;
  const blankMode = previous.hasBlankLines;

  // Region start: the start of a line lying (with its line break) wholly in the common prefix; with
  // blank lines, the start of such a blank line (blocks never span one), or the document start.
  let from = 0;
  let foundBlank = false;
  {
    let lineStart = prefix;
    while (lineStart > 0 && !isBreakChar(text.charCodeAt(lineStart - 1))) lineStart--;
    // Step back to the previous line, whose break ends before the prefix does.
    let start = lineStart;
    while (start > 0) {
      let end = start - 1;
      if (end > 0 && text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13) end--;
      let s = end;
      while (s > 0 && !isBreakChar(text.charCodeAt(s - 1))) s--;
      if (!blankMode) {
        from = s;
        break;
      }
      if (prefix - s > MAX_RESPLIT_REACH) return splitParagraphsWithInfo(text);
      if (isBlank(text, s, end)) {
        from = s;
        foundBlank = true;
        break;
      }
      start = s;
    }
  }

  // Region end: the end of a line lying wholly in the common suffix (a blank one with blank lines).
  let to = text.length;
  {
    let lineEnd = text.length - suffix;
    while (lineEnd < text.length && !isBreakChar(text.charCodeAt(lineEnd))) lineEnd++;
    while (lineEnd < text.length) {
      let start = lineEnd + 1;
      if (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(start) === 10) start++;
      let end = start;
      while (end < text.length && !isBreakChar(text.charCodeAt(end))) end++;
      if (!blankMode) {
        to = end;
        break;
      }
      if (end - (text.length - suffix) > MAX_RESPLIT_REACH) return splitParagraphsWithInfo(text);
      if (isBlank(text, start, end) && end < text.length) {
        to = end;
        foundBlank = true;
        break;
      }
      lineEnd = end;
    }
  }
  // With blank lines, a blank line kept on either side keeps the document-level condition true.
  if (blankMode && !foundBlank) return splitParagraphsWithInfo(text);
  if (from > prefix || to < text.length - suffix) return splitParagraphsWithInfo(text);

  // The lines of the region, split as a full split would split them.
  const lines = splitLines(text, from, to);
  const blank = lines.map((line) => isBlank(text, line.start, line.end));
  if (!blankMode) {
    // Without blank lines before, the edit must not add one (the document's last line may be blank).
    for (let i = 0; i < lines.length; i++) if (blank[i] && !(to === text.length && i === lines.length - 1)) return splitParagraphsWithInfo(text);
  }

  const before = previous.paragraphs;
  const oldTo = to - delta;
  const keep = firstStartingAt(before, from);
  const after = firstStartingAt(before, oldTo);
  const paragraphs: Paragraph[] = before.slice(0, keep);
  const region: Paragraph[] = [];
  splitLinesInto(text, lines, blank, blankMode, region);
  for (const p of region) paragraphs.push({ index: paragraphs.length, start: p.start, end: p.end, text: p.text });
  for (let i = after; i < before.length; i++) {
    const p = before[i];
    const index = paragraphs.length;
    paragraphs.push(delta === 0 && index === p.index ? p : { index, start: p.start + delta, end: p.end + delta, text: p.text });
  }
  return { text, paragraphs, hasBlankLines: blankMode };
}

/** Index of the first paragraph starting at or after `offset` (paragraphs are sorted). */
function firstStartingAt(paragraphs: readonly Paragraph[], offset: number): number {
  return firstStartingFrom(paragraphs, offset);
}

function isBreakChar(c: number): boolean {
  return c === 10 || c === 13;
}

/** A line of the text: `[start, end)` without its line break; `next` is where the next line starts. */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

/**
 * Splits `text[from, to)` into lines on `\n`, `\r\n` and a lone `\r`, the line breaks LSP recognises
 * (the whole text by default; the incremental re-split passes the edited region).
 */
export function splitLines(text: string, from = 0, to = text.length): LineSpan[] {
  const lines: LineSpan[] = [];
  let start = from;
  eachLineBreak(text, from, to, (at, next) => {
    lines.push({ start, end: at, next });
    start = next;
  });
  lines.push({ start, end: to, next: to });
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
  // Lines are measured and read without the white space after them: a sentence that ends before
  // trailing spaces still ends its line.
  const endOf = (line: LineSpan) => {
    let end = line.end;
    while (end > line.start && /\s/.test(text[end - 1])) end--;
    return end;
  };
  let longest = 0;
  for (let i = first; i <= last; i++) longest = Math.max(longest, endOf(lines[i]) - lines[i].start);
  const minWrapped = Math.min(30, Math.floor(longest * 0.6));
  let wrapped = 0;
  for (let i = first; i < last; i++) {
    const start = lines[i].start;
    const end = endOf(lines[i]);
    if (!/[.!?:"”’)\]]$|''$/.test(text.slice(Math.max(start, end - 2), end)) && end - start > minWrapped) wrapped++;
  }
  return wrapped * 2 >= last - first;
}
