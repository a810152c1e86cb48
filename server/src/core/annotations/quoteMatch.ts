import approximateSearch from 'approx-string-match';
import { agreementAfter, agreementBefore, anchoredSimilarity, CONTEXT_SLACK, besideWordSimilarity, MAX_GAP, reversed } from './contextSimilarity';
import { CONTEXT_LENGTH, type AnchoredSpan } from './model';
import type { OffsetRange } from '../types';
import { overlaps } from '../search';

/**
 * Finding a quote (exact text + prefix + suffix) in a text that changed outside the editor, after the
 * approach of the Hypothesis client: exact occurrences first, then approximate ones with a bounded number
 * of errors, each scored by the similarity of its text to the quote, of its surroundings to the stored
 * context, and by its distance from where the quote is expected. Unlike a "best score wins" rule, a quote
 * that fits more than one place about equally well is reported as ambiguous: the caller orphans it rather
 * than guess.
 *
 * Approximate matching uses `approx-string-match` (Myers' bit-parallel algorithm, by a Hypothesis author;
 * the library their client uses): no pattern-length limit, unlike diff-match-patch's Bitap (32 characters),
 * and it returns every lowest-cost match with its error count. Because it returns only the lowest-cost
 * matches, an exact occurrence would hide an approximate one beside it: the window around the expected
 * position is searched in the segments between exact occurrences.
 */

/** The outcome of {@link findQuote}. */
export type QuoteMatch =
  | { readonly kind: 'found'; readonly start: number; readonly end: number; readonly exact: boolean }
  | { readonly kind: 'none' }
  | { readonly kind: 'ambiguous'; readonly places: readonly OffsetRange[] };

/** A scored candidate place. */
interface Candidate extends OffsetRange {
  readonly errors: number;
  /** Mean similarity of prefix and suffix. */
  readonly context: number;
  /** The similarity of the less well kept side. */
  readonly weakerSide: number;
  /** Quote and context similarity together, in [0, 1]. */
  readonly score: number;
}

// Weights of the quote's own text and of each side's context (Hypothesis weighs them 50 / 20 / 20).
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
/**
 * A place is plausible only with this score, and with both sides of its context close to the stored ones.
 * Context is read within the paragraph only (up to a line break, written as PARAGRAPH_END like the ends of
 * the text): paragraphs move independently, so what lies beyond the break says nothing. Both sides are
 * needed because news repeats formulas ("Russian Foreign Minister Sergei Lavrov said …" twice in one
 * article: the same prefix, a different suffix), and similar phrasing elsewhere scores about 0.8 on a
 * side, while a typo next to a span costs a side about 0.03.
 */
const MIN_SCORE = 0.75;
const MIN_SIDE = 0.85;
/** An exact occurrence whose context agrees this well makes an approximate search pointless. */
const CONFIDENT_CONTEXT = 0.9;
/** A place whose score leads every other plausible place by this much is taken, wherever it is. */
const CLEAR_LEAD = 0.1;
/** Places within this score of the best count as equal; among them, the nearest is taken if it is decisively nearest. */
const EQUAL_SCORE = 0.05;
/** "Decisively nearest": the second nearest is at least this many times as far from the expected position. */
const NEAREST_RATIO = 4;
/** Stands for a line break or an end of the text in a context. */
const PARAGRAPH_END = '\n';
/** Characters each side of the expected position searched approximately before the whole text. */
const WINDOW = 4096;
/** Exact occurrences given the full context score (the rest are ranked by a cheap aligned comparison). */
const EXACT_SCORED = 16;
/** At most this many errors in an approximate match: a quarter of the quote, rounded up, and 64 in all. */
export function maxErrorsFor(quoteLength: number): number {
  return Math.min(64, Math.ceil(quoteLength / 4));
}

/**
 * True when `exact` occurs across `range` (overlapping it; an empty range, the place where a deletion
 * closed up: with that place strictly inside). A cheap look before the full search, for orphans that only
 * their exact words bring back (`reanchor.reanchorOrphansWhereWritten`).
 */
export function occursAcross(text: string, exact: string, range: OffsetRange): boolean {
  if (exact.length === 0) return false;
  for (let at = text.indexOf(exact, Math.max(0, range.start - exact.length)); at >= 0 && at <= range.end; at = text.indexOf(exact, at + 1)) {
    if (at < range.end && range.start < at + exact.length) return true;
  }
  return false;
}

/**
 * Where `quote` is in `text`, expected near `expected` (a UTF-16 offset). Contexts are read within a
 * paragraph, a line. When that places the quote nowhere, or only approximately, they are read again with a
 * paragraph ending only at a blank line (every single line break as white space; in a text without blank
 * lines, contexts then run across lines): a text wrapped at another width — 72 → 50 columns — moves every
 * line's end, and with it nearly every context, while its words and their order stay. The exact words so
 * placed win over an approximate place (a formula repeated elsewhere, read up to its line's end, could beat
 * the quote's own words whose context the re-wrap cut).
 */
export function findQuote(text: string, quote: Pick<AnchoredSpan, 'exact' | 'prefix' | 'suffix'>, expected: number): QuoteMatch {
  if (quote.exact.length === 0) return { kind: 'none' };
  const places = new QuotePlaces(text, quote.exact, expected);
  const byLines = findQuoteWith(places, quote, false);
  if (byLines.kind === 'ambiguous' || (byLines.kind === 'found' && byLines.exact)) return byLines;
  const byParagraphs = findQuoteWith(places, quote, true);
  return byParagraphs.kind === 'found' && (byLines.kind === 'none' || byParagraphs.exact) ? byParagraphs : byLines;
}

/** A place of the quote's text, exact or approximate (`errors` > 0). */
interface Place extends OffsetRange {
  readonly errors: number;
}

/**
 * The places where a quote's text occurs in a text, found once for both readings of its context (by
 * lines, by paragraphs): its exact occurrences, the approximate ones in the window around the expected
 * position (between the exact ones), and, asked only when needed, those of the whole text.
 */
class QuotePlaces {
  readonly exactStarts: number[] = [];
  readonly maxErrors: number;
  readonly windowStart: number;
  readonly windowEnd: number;
  private inWindow: Place[] | undefined;
  private whole: Place[] | undefined;

  constructor(readonly text: string, readonly exact: string, readonly expected: number) {
    for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) this.exactStarts.push(at);
    this.maxErrors = maxErrorsFor(exact.length);
    this.windowStart = Math.max(0, expected - WINDOW);
    this.windowEnd = Math.min(text.length, expected + exact.length + WINDOW);
  }

  approximateInWindow(): Place[] {
    if (this.inWindow) return this.inWindow;
    this.inWindow = [];
    for (const segment of segmentsBetween(this.windowStart, this.windowEnd, this.exactStarts, this.exact.length)) {
      if (segment.end - segment.start < this.exact.length - this.maxErrors) continue;
      for (const m of approximateSearch(this.text.slice(segment.start, segment.end), this.exact, this.maxErrors)) {
        if (m.errors > 0) this.inWindow.push({ start: segment.start + m.start, end: segment.start + m.end, errors: m.errors });
      }
    }
    return this.inWindow;
  }

  approximateInWholeText(): Place[] {
    return (this.whole ??= approximateSearch(this.text, this.exact, this.maxErrors).map((m) => ({ start: m.start, end: m.end, errors: m.errors })));
  }

  get windowIsWholeText(): boolean {
    return this.windowStart === 0 && this.windowEnd === this.text.length;
  }
}

function findQuoteWith(places: QuotePlaces, quote: Pick<AnchoredSpan, 'exact' | 'prefix' | 'suffix'>, blankLines: boolean): QuoteMatch {
  const { text, exactStarts, expected } = places;
  const { exact } = quote;
  const stored = storedContext(quote, blankLines);
  const score = (start: number, end: number, errors: number): Candidate => {
    const [prefixSimilarity, suffixSimilarity] = contextSimilarities(text, stored, start, end);
    const context = (prefixSimilarity + suffixSimilarity) / 2;
    const quoteSimilarity = 1 - errors / exact.length;
    return { start, end, errors, context, weakerSide: Math.min(prefixSimilarity, suffixSimilarity), score: (QUOTE_WEIGHT * quoteSimilarity + 2 * CONTEXT_WEIGHT * context) / (QUOTE_WEIGHT + 2 * CONTEXT_WEIGHT) };
  };
  const candidates = scoreExact(text, quote, exactStarts, expected, score);

  if (!candidates.some((c) => c.context >= CONFIDENT_CONTEXT)) {
    for (const m of places.approximateInWindow()) candidates.push(score(m.start, m.end, m.errors));
    if (exactStarts.length === 0 && !candidates.some(isPlausible) && !places.windowIsWholeText) {
      for (const m of places.approximateInWholeText()) candidates.push(score(m.start, m.end, m.errors));
    }
  }
  const decided = decide(candidates, expected);
  return decided.kind === 'none' ? nearbyWithWordChanged(text, stored, exactStarts, exact.length, expected) : decided;
}

/**
 * Stored characters (within the paragraph, its end counted) a side of the context needs for agreeing with a word
 * taken out to count as evidence (`nearbyWithWordChanged`); as many as `besideWordSimilarity` compares at least.
 */
const MIN_BESIDE_EVIDENCE = 16;

/** Characters each side of the expected position where {@link nearbyWithWordChanged} looks. */
const NEARBY = 1024;

/**
 * The last chance of a quote the search could not place: its exact words once in the neighbourhood of
 * where it is expected, with one side of the context as stored and the other as stored but for a word or
 * two written or deleted right beside it (`besideWordSimilarity`) — "Lavrov met Kerry" → "Lavrov met John Kerry" in a file changed on disk.
 * Only one such place: two are ambiguous, and the quote stays an orphan.
 */
function nearbyWithWordChanged(text: string, stored: StoredContext, exactStarts: readonly number[], length: number, expected: number): QuoteMatch {
  const places: OffsetRange[] = [];
  for (const start of exactStarts) {
    if (start < expected - NEARBY || start > expected + NEARBY) continue;
    const [before, after] = contextSimilarities(text, stored, start, start + length);
    if (before < MIN_SIDE && after < MIN_SIDE) continue; // one side at least is as stored
    const [beforeBeside, afterBeside] = contextSimilarities(text, stored, start, start + length, besideWordSimilarity, MAX_GAP);
    // A side that agrees only once a word is taken out must have had something to agree with: a stored context of
    // a few characters (a name that ended its paragraph: `.` and the paragraph's end) agrees with nearly any place
    // once up to 24 characters are taken out, so the other side must then be exactly as stored. A name of a
    // deleted paragraph (`Bashar al-Assad.`) went to `… Bashar al-Assad's government.` in another one, its prefix
    // differing in a word (0.88).
    const sideAgrees = (plain: number, beside: number, storedSide: string, other: number): boolean =>
      plain >= MIN_SIDE || (beside >= MIN_SIDE && (storedSide.length >= MIN_BESIDE_EVIDENCE || other === 1));
    if (sideAgrees(before, beforeBeside, stored.before, after) && sideAgrees(after, afterBeside, stored.after, before)) places.push({ start, end: start + length });
  }
  if (places.length === 1) return { kind: 'found', ...places[0], exact: true };
  return places.length === 0 ? { kind: 'none' } : { kind: 'ambiguous', places };
}

/** A quote's stored context as {@link contextSimilarities} compares it (read once per quote). */
interface StoredContext {
  readonly before: string;
  readonly after: string;
  /** Paragraphs end only at blank lines, not at every line break (see {@link findQuote}). */
  readonly blankLines: boolean;
}

function storedContext(quote: Pick<AnchoredSpan, 'prefix' | 'suffix'>, blankLines: boolean): StoredContext {
  return {
    before: contextBefore(quote.prefix, quote.prefix.length < CONTEXT_LENGTH - 1, blankLines),
    after: contextAfter(quote.suffix, quote.suffix.length < CONTEXT_LENGTH - 1, blankLines),
    blankLines,
  };
}

/**
 * How well the text around `[start, end)` agrees with a stored context, before and after (each 0–1, within
 * the paragraph), by `similarity` reading `extra` characters more each side.
 */
function contextSimilarities(text: string, stored: StoredContext, start: number, end: number, similarity = anchoredSimilarity, extra = 0): [number, number] {
  const from = start - CONTEXT_LENGTH - CONTEXT_SLACK - extra;
  const before = contextBefore(text.slice(Math.max(0, from), start), from <= 0, stored.blankLines);
  const to = end + CONTEXT_LENGTH + CONTEXT_SLACK + extra;
  const after = contextAfter(text.slice(end, to), to >= text.length, stored.blankLines);
  return [similarity(stored.before, before), similarity(stored.after, after)];
}

/**
 * How well the text around `[start, end)` agrees with `quote`'s stored context: the sum of the two sides'
 * similarities (0–2) that {@link findQuote} scores a place by. Re-anchoring compares annotations that
 * landed on one place with it.
 */
export function contextAgreement(text: string, quote: Pick<AnchoredSpan, 'prefix' | 'suffix'>, start: number, end: number): number {
  const [before, after] = contextSimilarities(text, storedContext(quote, false), start, end);
  return before + after;
}

/**
 * The context before a span, read outward from it (reversed), within its paragraph: up to the last line
 * break, which is kept as PARAGRAPH_END, as is the start of the text when `textStart` says it was reached.
 */
function contextBefore(raw: string, textStart: boolean, blankLines: boolean): string {
  const lineBreak = blankLines ? lastBlankLineEnd(raw) : Math.max(raw.lastIndexOf('\n'), raw.lastIndexOf('\r'));
  if (lineBreak >= 0) return reversed(spaced(raw.slice(lineBreak + 1), blankLines).trimStart()) + PARAGRAPH_END;
  return textStart ? reversed(spaced(raw, blankLines).trimStart()) + PARAGRAPH_END : reversed(spaced(raw, blankLines));
}

/** The context after a span within its paragraph, as {@link contextBefore} (not reversed). */
function contextAfter(raw: string, textEnd: boolean, blankLines: boolean): string {
  const lineBreak = blankLines ? raw.search(BLANK_LINE) : raw.search(/[\r\n]/);
  if (lineBreak >= 0) return spaced(raw.slice(0, lineBreak), blankLines).trimEnd() + PARAGRAPH_END;
  return textEnd ? spaced(raw, blankLines).trimEnd() + PARAGRAPH_END : spaced(raw, blankLines);
}

/** A blank line: where a paragraph ends in a text that wraps its lines. */
const BLANK_LINE = /\r?\n[^\S\n]*\n/;
/** {@link BLANK_LINE}, every one in a text. */
const BLANK_LINES = new RegExp(BLANK_LINE.source, 'g');

/** The offset of the last character of the last blank line in `raw`, or -1. */
function lastBlankLineEnd(raw: string): number {
  let end = -1;
  for (const m of raw.matchAll(BLANK_LINES)) end = m.index! + m[0].length - 1;
  return end;
}

/**
 * White space within a paragraph as one space: a context compared after a tool re-spaced the text (spaces
 * at line ends trimmed, double spaces, no-break spaces, lines wrapped at another width) still agrees.
 */
function spaced(text: string, blankLines: boolean): string {
  return text.replace(blankLines ? /\s+/g : /[^\S\r\n]+/g, ' ');
}

/** The exact occurrences worth a full score: the best by a cheap aligned comparison and the two nearest. */
function scoreExact(
  text: string,
  quote: Pick<AnchoredSpan, 'exact' | 'prefix' | 'suffix'>,
  starts: readonly number[],
  expected: number,
  score: (start: number, end: number, errors: number) => Candidate,
): Candidate[] {
  const length = quote.exact.length;
  let chosen: number[] = [...starts];
  if (starts.length > EXACT_SCORED) {
    const cheap = (start: number): number => agreementBefore(text, start, quote.prefix) + agreementAfter(text, start + length, quote.suffix);
    const byCheap = [...starts].sort((a, b) => cheap(b) - cheap(a)).slice(0, EXACT_SCORED);
    const byDistance = [...starts].sort((a, b) => Math.abs(a - expected) - Math.abs(b - expected)).slice(0, 2);
    chosen = [...new Set([...byCheap, ...byDistance])];
  }
  return chosen.map((start) => score(start, start + length, 0));
}

/** `[start, end)` without the exact occurrences in it. */
function segmentsBetween(start: number, end: number, exactStarts: readonly number[], length: number): OffsetRange[] {
  const segments: OffsetRange[] = [];
  let from = start;
  for (const at of exactStarts) {
    if (at + length <= start || at >= end) continue;
    if (at > from) segments.push({ start: from, end: at });
    from = Math.max(from, at + length);
  }
  if (from < end) segments.push({ start: from, end });
  return segments;
}

function isPlausible(c: Candidate): boolean {
  return c.score >= MIN_SCORE && c.weakerSide >= MIN_SIDE;
}

/**
 * The place to take, if one is clearly right: the only plausible place; else one whose score leads all
 * others clearly; else, among places of equal score, one decisively nearer the expected position than the
 * rest. Anything else is ambiguous.
 */
function decide(candidates: readonly Candidate[], expected: number): QuoteMatch {
  const places: Candidate[] = [];
  for (const c of [...candidates].sort((a, b) => b.score - a.score || a.errors - b.errors || a.start - b.start)) {
    if (!places.some((p) => overlaps(p, c))) places.push(c);
  }
  const plausible = places.filter(isPlausible);
  if (plausible.length === 0) return { kind: 'none' };
  const best = plausible[0];
  const found = (c: Candidate): QuoteMatch => ({ kind: 'found', start: c.start, end: c.end, exact: c.errors === 0 });
  if (plausible.length === 1 || best.score - plausible[1].score >= CLEAR_LEAD) return found(best);
  const equal = plausible.filter((c) => best.score - c.score <= EQUAL_SCORE);
  if (equal.length === plausible.length) {
    const distance = (c: Candidate): number => Math.abs(c.start - expected);
    const [nearest, next] = [...equal].sort((a, b) => distance(a) - distance(b));
    if (distance(nearest) * NEAREST_RATIO < distance(next)) return found(nearest);
  }
  return { kind: 'ambiguous', places: plausible.map(({ start, end }) => ({ start, end })) };
}
