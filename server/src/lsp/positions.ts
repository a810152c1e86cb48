import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { eachLineBreak } from '../core/lineBreaks';
import { lowerBound } from '../core/search';
import { changedRange, replacementsBetween } from '../core/textDiff';
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
    eachLineBreak(text, 0, text.length, (_, next) => starts.push(next));
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
    // The last line starting at or before the offset.
    const line = lowerBound(this.lineStarts.length, (i) => this.lineStarts[i] > clamped) - 1;
    return { line, character: clamped - this.lineStarts[line] };
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

  /** The text of a line, without its line break; empty past the last line. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line], this.lineContentEnd(line));
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

/** One content change as offsets into the text before it: `[start, end)` replaced by `text`. */
export interface OffsetEdit extends OffsetRange {
  readonly text: string;
  /** From the first to the last of many differences, not one change (see `editShift.TextEdit.coarse`). */
  readonly coarse?: boolean;
}

/**
 * LSP content changes, applied in order as `didChange` applies them, as offset edits: each one against
 * the text the previous one left (multi-cursor typing sends several). A change without a range replaces
 * the whole text and becomes the edits of its actual changes (`core/textDiff.ts` `replacementsBetween`: an
 * annotation moves through each, as through typing); past the diff's budget, one coarse edit from the first
 * difference to the last. `positions` is the line table of `text`
 * when the caller has it. Returns the edits and the text after them.
 */
export function offsetEditsOf(text: string, changes: readonly TextDocumentContentChangeEvent[], positions?: PositionMapper): { edits: OffsetEdit[]; text: string } {
  let current = text;
  const edits: OffsetEdit[] = [];
  changes.forEach((change, i) => {
    let edit: OffsetEdit;
    if ('range' in change && change.range) {
      const mapper = i === 0 && positions ? positions : new PositionMapper(current);
      edit = { ...mapper.offsetsOf(change.range), text: change.text };
    } else {
      const replacements = replacementsBetween(current, change.text);
      if (replacements) {
        // Last first: each one's offsets still hold in the text the ones after it left.
        for (let r = replacements.length - 1; r >= 0; r--) edits.push(replacements[r]);
        current = change.text;
        return;
      }
      // Too many differences to diff: one edit over all of them, which annotations are not cut by.
      edit = { ...changedRange(current, change.text), coarse: true };
    }
    current = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
    edits.push(edit);
  });
  return { edits, text: current };
}
