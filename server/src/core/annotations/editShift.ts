import { CONTEXT_LENGTH, localSpans, withLocalSpans, type AnchoredSpan, type Annotation } from './model';
import { respan } from './selectors';
import type { OffsetRange } from '../types';

/**
 * Exact shifting of annotations through text edits made in the editor (LSP `didChange`). No search is
 * involved: an edit moves the spans after it by its length difference, and a span whose text no edit
 * touched keeps exactly its text (property-tested over random edit sequences).
 *
 * An edit and a span `[s, e)`, the edit replacing `[a, b)` with `n` characters:
 * - before the span or touching its start (`b <= s`, including typing right before it): the span moves;
 * - after the span or touching its end (`a >= e`, including typing right after it): nothing changes;
 *   typing at either edge does not grow the span, as a decoration with closed-open stickiness;
 * - inside the span (`s <= a`, `b <= e`, not the whole span): the span takes in the change (an edited
 *   name keeps its label) and its quote is taken afresh;
 * - over one edge (`a < s < b < e` or `s < a < e < b`): the span keeps its part the edit left, unless the
 *   edit is coarse (the span between two differences of a whole-text change): then as over the whole span;
 * - over the whole span (`a <= s`, `e <= b`), also a replacement of exactly its text: the span is gone, and
 *   its annotation becomes orphaned — kept with its quote, never moved to the new text by a guess.
 */

/** One change, as offsets into the text before it: `[start, end)` is replaced by `text`. */
export interface TextEdit extends OffsetRange {
  readonly text: string;
  /**
   * The edit runs from the first to the last of many differences between two whole texts (a full-text
   * change too large to diff), not over one change: its ends say nothing about where a span was edited, so
   * a span it overlaps at one edge is not cut to the part outside it (`Jose\u0301 García` had become `Jos`)
   * but treated as one it covers: orphaned, and placed again where its words are.
   */
  readonly coarse?: boolean;
}

/** Where a span goes through one edit: its new range, or `undefined` when the edit removed all of it. */
export function shiftRange(span: OffsetRange, edit: TextEdit): OffsetRange | undefined {
  const { start: s, end: e } = span;
  const { start: a, end: b } = edit;
  const delta = edit.text.length - (b - a);
  if (b <= s) return delta === 0 ? span : { start: s + delta, end: e + delta };
  if (a >= e) return span;
  if (a <= s && b >= e) return undefined;
  if (a >= s && b <= e) return { start: s, end: e + delta };
  if (edit.coarse) return undefined;
  if (a < s) return { start: a + edit.text.length, end: e + delta };
  return { start: s, end: a };
}

/**
 * The places of the text after `edits` (applied in order, as {@link applyEdits} takes them) that they wrote,
 * each `[start, end]` closed: an insertion is the text it put in, a deletion the point where the text closed
 * up. Later edits move earlier places, and one that touches an earlier place takes it in.
 */
export function writtenRanges(edits: readonly TextEdit[]): OffsetRange[] {
  let written: OffsetRange[] = [];
  for (const edit of edits) {
    const { start: a, end: b } = edit;
    if (a === b && edit.text === '') continue; // changes nothing
    const delta = edit.text.length - (b - a);
    written = written.map((range) => {
      if (b < range.start) return { start: range.start + delta, end: range.end + delta };
      if (a > range.end) return range;
      return { start: Math.min(range.start, a), end: Math.max(range.end, b) + delta };
    });
    written.push({ start: a, end: a + edit.text.length });
  }
  return written;
}

/** What {@link applyEdits} did. */
export interface EditShiftResult {
  /** The annotations after the edits, in the same order; unchanged ones are the same objects. */
  readonly annotations: Annotation[];
  /** Ids of annotations these edits orphaned. */
  readonly newlyOrphaned: string[];
}

/**
 * Shifts every annotation through `edits` (applied in order, each against the text the previous one left,
 * as LSP content changes are). `newText` is the text after all of them: spans near an edit take their
 * quote afresh from it. Orphaned annotations keep their quotes; their offsets shift too, as hints for
 * placing them again (an undo brings the text back: see `reanchorOrphansWhereWritten`).
 */
export function applyEdits(annotations: readonly Annotation[], edits: readonly TextEdit[], newText: string): EditShiftResult {
  const newlyOrphaned: string[] = [];
  const result = annotations.map((annotation) => {
    const spans = localSpans(annotation);
    let lost = false;
    const moved = spans.map((span) => {
      let range: OffsetRange = span;
      let near = false;
      for (const edit of edits) {
        if (edit.end >= range.start - CONTEXT_LENGTH && edit.start <= range.end + CONTEXT_LENGTH) near = true;
        const next = shiftRange(range, edit);
        if (next === undefined) {
          lost = true;
          // The hint keeps the span's place within the replaced text: an editor that reloads a file changed
          // on disk sends one edit over everything between the first and the last change, and spans hinted
          // at its end could no longer tell the copies of a repeated paragraph apart when placed again.
          const at = edit.start + Math.min(range.start - edit.start, edit.text.length);
          range = { start: at, end: Math.min(at + (range.end - range.start), edit.start + edit.text.length) };
        } else {
          range = next;
        }
      }
      return { span, range, near };
    });
    if (annotation.status === 'orphaned' || lost) {
      if (annotation.status === 'anchored') newlyOrphaned.push(annotation.id);
      const hints = moved.map(({ span, range }): AnchoredSpan => (range === span ? span : { ...span, start: range.start, end: range.end }));
      return withLocalSpans(annotation, hints, 'orphaned');
    }
    const placed = moved.map(({ span, range, near }) => (near || range !== span ? respan(newText, span, range) : span));
    return withLocalSpans(annotation, placed, 'anchored');
  });
  return { annotations: result, newlyOrphaned };
}
