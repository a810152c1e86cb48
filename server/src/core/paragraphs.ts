import type { Paragraph } from './types';

/**
 * Splits an article into paragraphs.
 *
 * Scraped articles come in two shapes: one paragraph per line (no blank lines at all, or blank
 * lines between single-line paragraphs) and hard-wrapped blocks separated by blank lines. We treat a
 * run of non-blank lines as one paragraph only when the document separates blocks with blank lines
 * and at least one block looks hard-wrapped (a line that does not end a sentence continues on the
 * next line). Otherwise every non-blank line is a paragraph, which is what the seed articles need.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const lines = splitLines(text);
  const blockMode = looksHardWrapped(text, lines);
  const paragraphs: Paragraph[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  const flush = () => {
    if (blockStart < 0) return;
    paragraphs.push({ index: paragraphs.length, start: blockStart, end: blockEnd, text: text.slice(blockStart, blockEnd) });
    blockStart = -1;
  };
  for (const line of lines) {
    const blank = isBlank(text, line.start, line.end);
    if (blank) {
      flush();
      continue;
    }
    const { start, end } = trimLine(text, line.start, line.end);
    if (!blockMode) {
      blockStart = start;
      blockEnd = end;
      flush();
    } else {
      if (blockStart < 0) blockStart = start;
      blockEnd = end;
    }
  }
  flush();
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

function looksHardWrapped(text: string, lines: readonly LineSpan[]): boolean {
  let sawBlank = false;
  let wrapped = 0;
  let joined = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(text, line.start, line.end)) {
      sawBlank = true;
      continue;
    }
    const next = lines[i + 1];
    if (!next || isBlank(text, next.start, next.end)) continue;
    joined++;
    const last = text.slice(Math.max(line.start, line.end - 3), line.end).trimEnd();
    if (!/[.!?:"”’)\]]$/.test(last) && line.end - line.start > 30) wrapped++;
  }
  // Most adjacent line pairs must read as one sentence running on, not a list of one-line paragraphs.
  return sawBlank && joined > 0 && wrapped * 2 >= joined;
}
