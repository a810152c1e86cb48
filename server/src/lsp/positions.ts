import type { Position, Range } from 'vscode-languageserver';
import type { OffsetRange } from '../core/types';

/**
 * The one place that converts between core character offsets and LSP positions. Both count UTF-16
 * code units, so only lines need mapping; `\n`, `\r\n` and a lone `\r` end a line, as in LSP.
 * Positions past the end of a line or of the document are clamped, never thrown on.
 */
export class PositionMapper {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of a position; a character past the line end maps to the line end. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line];
    const lineEnd = this.lineContentEnd(position.line);
    const offset = Math.min(Math.max(lineStart + Math.max(0, position.character), lineStart), lineEnd);
    return offset;
  }

  /** Position of an offset; offsets outside the text are clamped to it. */
  positionAt(offset: number): Position {
    const clamped = Math.min(Math.max(0, offset), this.text.length);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  /** LSP range of an offset range. */
  rangeOf(range: OffsetRange): Range {
    return { start: this.positionAt(range.start), end: this.positionAt(range.end) };
  }

  /** Offset range of an LSP range, with reversed ranges put in order. */
  offsetsOf(range: Range): OffsetRange {
    const a = this.offsetAt(range.start);
    const b = this.offsetAt(range.end);
    return a <= b ? { start: a, end: b } : { start: b, end: a };
  }

  /** Length of a line's content in UTF-16 code units, without its line break. */
  lineLength(line: number): number {
    return this.lineContentEnd(line) - this.lineStarts[line];
  }

  /** Where the content of a line ends, before its line break. */
  private lineContentEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}
