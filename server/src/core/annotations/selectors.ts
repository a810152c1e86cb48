import { CONTEXT_LENGTH, type AnchoredSpan } from './model';
import { ownString } from '../ownStrings';
import type { OffsetRange } from '../types';
import { isHighSurrogate, isLowSurrogate } from '../surrogates';

/**
 * Quote selectors (W3C TextQuoteSelector: exact text, prefix, suffix) taken from a text, and the test of
 * whether a quote still sits at a position.
 */

/**
 * The span `[start, end)` of `text` with its quote. Context stops at the text's ends and never cuts a
 * surrogate pair in half (a lone half would be invalid Unicode in the stored JSON).
 */
export function spanAt(text: string, range: OffsetRange): AnchoredSpan {
  const start = Math.max(0, Math.min(range.start, text.length));
  const end = Math.max(start, Math.min(range.end, text.length));
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--;
  // Annotations outlive the text version they were placed in (an open article's later versions, what learning remembers).
  return { start, end, exact: ownString(text.slice(start, end)), prefix: ownString(text.slice(prefixStart, start)), suffix: ownString(text.slice(end, suffixEnd)) };
}

/** The span moved to `range` of `text`, with its quote taken afresh; the same object when nothing changed. */
export function respan(text: string, span: AnchoredSpan, range: OffsetRange): AnchoredSpan {
  const fresh = spanAt(text, range);
  return fresh.start === span.start && fresh.end === span.end && fresh.exact === span.exact && fresh.prefix === span.prefix && fresh.suffix === span.suffix
    ? span
    : fresh;
}

/** True when the span's exact text and full context sit at `start` in `text`. */
export function quoteFitsAt(text: string, span: AnchoredSpan, start: number): boolean {
  const end = start + span.exact.length;
  return (
    start >= span.prefix.length &&
    end + span.suffix.length <= text.length &&
    text.startsWith(span.exact, start) &&
    text.startsWith(span.prefix, start - span.prefix.length) &&
    text.startsWith(span.suffix, end)
  );
}
