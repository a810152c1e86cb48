import { contextAgreement, findQuote, occursAcross } from './quoteMatch';
import { localSpans, withLocalSpans, type AnchoredSpan, type Annotation } from './model';
import { NormalizedText } from './normalizedText';
import { quoteFitsAt, respan } from './selectors';
import { spacedOccurrences } from './spacedText';
import { overlaps } from '../search';
import type { OffsetRange } from '../types';

/**
 * Placing annotations again after their article changed outside the editor (git checkout, another editor,
 * a script), when no edit list exists. The stored offsets are hints. Three passes over the spans in their
 * old order:
 * 1. Sure placements: the quote with its full stored context (32 characters each side) where the spans
 *    before it suggest (its old offset moved by their drift: after a paragraph inserted above, nearly every
 *    span is found in one comparison), at its old offset, or — to learn a new drift — the only occurrence of
 *    quote and context in the whole text.
 * 2. Order: of those, only the longest run in the old order whose new offsets also keep that order is
 *    trusted. A span found in a repeated paragraph's other copy breaks the order, and must not drag the spans
 *    after it along: with a drift learned from it, their own copies would be skipped too.
 * 3. Search (`quoteMatch.ts`) for every other span, expected where the trusted span before it (or after it)
 *    says the text moved.
 * A span that cannot be placed, or could be in more than one place, orphans its annotation: it is kept with
 * its quotes, never dropped and never moved to a guessed place.
 */

/** How an annotation came through re-anchoring. */
export type ReanchorOutcome =
  /** Every span where it was, with its text. */
  | 'unchanged'
  /** Moved, with exactly its text (its context may have changed). */
  | 'moved'
  /** Placed where the text differs a little from its quote (a typo fixed or made; the quote was updated): worth a look. */
  | 'approximate'
  /** Some span could not be placed. */
  | 'orphaned';

/** What {@link reanchor} did. */
export interface ReanchorResult {
  /** The annotations, in the same order; unchanged ones are the same objects. */
  readonly annotations: Annotation[];
  /** The outcome of each annotation that was tried, by id. */
  readonly outcomes: ReadonlyMap<string, ReanchorOutcome>;
}

interface Entry {
  readonly annotation: number;
  readonly slot: number;
  readonly span: AnchoredSpan;
}

interface Placement {
  readonly span: AnchoredSpan;
  readonly outcome: Exclude<ReanchorOutcome, 'orphaned'>;
}

/** What {@link reanchor} is told besides the text. */
export interface ReanchorOptions {
  /** Only these are placed; the others are left as they are (orphans tried again after an undo brought their text back, say). */
  readonly only?: (annotation: Annotation) => boolean;
  readonly hintsArePlaces?: boolean;
}

/**
 * Places the annotations in `text`. Quotes and their context are compared in Unicode NFC (`normalizedText.ts`):
 * a text rewritten in NFD, or a quote stored in NFD, looks the same and places as if nothing had changed
 * (every label of such a file was orphaned, ASCII ones too, by their context). The places are the original
 * text's offsets, and a placed span's quote is taken from the original text.
 */
export function reanchor(annotations: readonly Annotation[], text: string, options: ReanchorOptions = {}): ReanchorResult {
  const view = NormalizedText.of(text);
  const isNfc = (s: string): boolean => s.normalize('NFC') === s;
  const tried = (a: Annotation): boolean => !options.only || options.only(a);
  if (!view && annotations.every((a) => !tried(a) || localSpans(a).every((span) => isNfc(span.exact) && isNfc(span.prefix) && isNfc(span.suffix)))) {
    return reanchorAsWritten(annotations, text, options);
  }
  const normalText = view ? view.text : text;
  const toNormal = (offset: number, side: 'start' | 'end'): number => (view ? view.fromOriginal(offset, side) : offset);
  const toOriginal = (offset: number, side: 'start' | 'end'): number => (view ? view.toOriginal(offset, side) : offset);
  const normalised = annotations.map((a) =>
    withLocalSpans(
      a,
      localSpans(a).map((span) => ({
        start: toNormal(span.start, 'start'),
        end: toNormal(span.end, 'end'),
        exact: span.exact.normalize('NFC'),
        prefix: span.prefix.normalize('NFC'),
        suffix: span.suffix.normalize('NFC'),
      })),
      a.status,
    ),
  );
  const originalOf = new Map(normalised.map((copy, i) => [copy, annotations[i]]));
  const placed = reanchorAsWritten(normalised, normalText, { ...options, only: (copy) => tried(originalOf.get(copy)!) });
  const outcomes = new Map<string, ReanchorOutcome>();
  const result = placed.annotations.map((annotation, i) => {
    const original = annotations[i];
    const outcome = placed.outcomes.get(original.id);
    if (outcome === undefined) return original;
    if (annotation.status === 'orphaned') {
      outcomes.set(original.id, 'orphaned');
      return withLocalSpans(original, localSpans(original), 'orphaned');
    }
    const before = localSpans(original);
    const spans = localSpans(annotation).map((span, k) => respan(text, before[k], { start: toOriginal(span.start, 'start'), end: toOriginal(span.end, 'end') }));
    const same = spans.every((span, k) => span === before[k]);
    outcomes.set(original.id, outcome === 'approximate' ? 'approximate' : same ? 'unchanged' : 'moved');
    return withLocalSpans(original, spans, 'anchored');
  });
  return { annotations: result, outcomes };
}

/** {@link reanchor} comparing quotes, context and text as they are written. */
function reanchorAsWritten(annotations: readonly Annotation[], text: string, options: ReanchorOptions): ReanchorResult {
  const spansOf = annotations.map((a) => (!options.only || options.only(a) ? localSpans(a) : []));
  const entries: Entry[] = [];
  spansOf.forEach((spans, annotation) => spans.forEach((span, slot) => entries.push({ annotation, slot, span })));
  entries.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);

  const placements = spansOf.map((spans) => new Array<Placement | undefined>(spans.length).fill(undefined));
  const sure = placeSurely(text, entries);
  const trusted = longestOrderedRun(sure);
  const driftOfTrusted = (i: number): number => sure[i]! - entries[i].span.start;
  let before = -1;
  let after = trusted.findIndex((t) => t);
  entries.forEach((entry, i) => {
    if (trusted[i]) {
      before = i;
      const at = sure[i]!;
      // The quote decides where the span ends: a stored end that disagrees with it (a store file edited by
      // hand, or counted in other units around an emoji in the span) is put right, and the file rewritten.
      const moved = at !== entry.span.start || entry.span.end !== at + entry.span.exact.length;
      placements[entry.annotation][entry.slot] = { span: moved ? { ...entry.span, start: at, end: at + entry.span.exact.length } : entry.span, outcome: moved ? 'moved' : 'unchanged' };
      return;
    }
    if (after >= 0 && after < i) after = trusted.findIndex((t, j) => t && j > i);
    const drift = before >= 0 ? driftOfTrusted(before) : after >= 0 ? driftOfTrusted(after) : 0;
    let placed = search(text, entry.span, drift);
    // Between two trusted spans that moved differently the text changed: a span there moved with the one
    // before it or with the one after it. Two copies of a paragraph made adjacent by deleting what stood
    // between them are equally near the first drift's guess, and only the second one's tells them apart.
    if (placed === undefined && before >= 0 && after >= 0 && driftOfTrusted(after) !== drift) placed = search(text, entry.span, driftOfTrusted(after));
    placements[entry.annotation][entry.slot] = placed;
  });

  unplaceCollisions(text, entries, placements, (entry) => options.hintsArePlaces === true || annotations[entry.annotation].status === 'anchored');

  const outcomes = new Map<string, ReanchorOutcome>();
  const result = annotations.map((annotation, index) => {
    const spans = spansOf[index];
    if (spans.length === 0) return annotation;
    const placed = placements[index];
    if (placed.some((p) => p === undefined)) {
      outcomes.set(annotation.id, 'orphaned');
      return withLocalSpans(annotation, spans, 'orphaned');
    }
    const all = placed as Placement[];
    const outcome = all.some((p) => p.outcome === 'approximate') ? 'approximate' : all.some((p) => p.outcome === 'moved') ? 'moved' : 'unchanged';
    outcomes.set(annotation.id, outcome);
    return withLocalSpans(annotation, all.map((p) => p.span), 'anchored');
  });
  return { annotations: result, outcomes };
}

/**
 * Spans of anchored annotations that were on different occurrences of the same words (their old starts
 * differ) cannot both be on one occurrence now: one of them lost its words — deleted, or changed in one
 * copy of a repeated paragraph — and was found on the other's copy, dragging its neighbours along. The
 * one whose stored context agrees best with the place's keeps it (as the search scores a place); of
 * those that agree equally (copies of a paragraph: context is read within the paragraph), the one that
 * moved as its neighbours did — the nearest spans before and after it in the old order that landed
 * alone — and then the one that moved least; the others are left unplaced (their annotations become
 * orphans). Distance alone chose wrongly twice: when a paragraph was deleted, the survivor after it moved
 * by the paragraph's length while the search put the deleted one's words right at its old offset; and
 * when the first of two copies with a short paragraph between them was deleted, the first copy's spans,
 * found on the second, had moved less (the short paragraph's length) than the second copy's own (the
 * deleted one's), which were orphaned though never touched. When two old places tie on all three, all stay.
 * Only spans whose old start was a place take part (`wasPlace`): an orphan's offsets are a hint, except in
 * the editor, where the edit that orphaned it kept its place within the text it wrote.
 */
function unplaceCollisions(text: string, entries: readonly Entry[], placements: Array<Array<Placement | undefined>>, wasPlace: (entry: Entry) => boolean): void {
  const byPlace = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    const placed = placements[entry.annotation][entry.slot];
    if (placed === undefined || !wasPlace(entry)) return;
    const key = `${placed.span.start}:${placed.span.end}`;
    const group = byPlace.get(key);
    if (group) group.push(i);
    else byPlace.set(key, [i]);
  });
  const groups = [...byPlace.values()].filter((group) => group.some((i) => entries[i].span.start !== entries[group[0]].span.start));
  if (groups.length === 0) return;
  // How far each span that landed alone moved, in old order: what its neighbours' moves are compared with.
  const colliding = new Set(groups.flat());
  const moves = entries.map((entry, i) => {
    const placed = placements[entry.annotation][entry.slot];
    return placed === undefined || colliding.has(i) ? undefined : placed.span.start - entry.span.start;
  });
  const neighbourMoves = (i: number): number[] => {
    const found: number[] = [];
    for (let j = i - 1; j >= 0; j--) if (moves[j] !== undefined) { found.push(moves[j]!); break; }
    for (let j = i + 1; j < entries.length; j++) if (moves[j] !== undefined) { found.push(moves[j]!); break; }
    return found;
  };
  for (const group of groups) {
    const first = entries[group[0]];
    const place = placements[first.annotation][first.slot]!.span;
    const moved = (i: number): number => place.start - entries[i].span.start;
    const agreement = new Map(group.map((i) => [i, contextAgreement(text, entries[i].span, place.start, place.end)]));
    const unlike = new Map(group.map((i) => [i, neighbourMoves(i).reduce((sum, m) => sum + Math.abs(moved(i) - m), 0)]));
    let kept = keepBest(group, (i) => agreement.get(i)!, AGREEMENT_TIE);
    kept = keepBest(kept, (i) => -unlike.get(i)!, 0);
    kept = keepBest(kept, (i) => -Math.abs(moved(i)), 0);
    if (kept.some((i) => entries[i].span.start !== entries[kept[0]].span.start)) continue;
    for (const i of group) if (entries[i].span.start !== entries[kept[0]].span.start) placements[entries[i].annotation][entries[i].slot] = undefined;
  }
}

/** The members of `group` whose `score` is within `tie` of the best. */
function keepBest(group: readonly number[], score: (i: number) => number, tie: number): number[] {
  const best = Math.max(...group.map(score));
  return group.filter((i) => best - score(i) <= tie);
}

/** Context agreements closer than this are equal (sums of similarities computed alike). */
const AGREEMENT_TIE = 1e-9;

/** Tries the orphaned annotations again; anchored ones are untouched. */
export function reanchorOrphans(annotations: readonly Annotation[], text: string): ReanchorResult {
  return reanchor(annotations, text, { only: (a) => a.status === 'orphaned' });
}

/**
 * Orphans placed again after an edit in the editor, but only where the edit brought their exact text back
 * (an undo, the words typed or pasted in again): every span of a placed orphan either is where the edits left
 * its hint or has written text in it — it overlaps a range of `written` (`editShift.writtenRanges`), or a
 * deletion closed up inside it. The quote alone cannot tell copies
 * of a repeated paragraph apart: an annotation whose words were just deleted must stay an orphan, not
 * move to the same words in the other copy.
 */
export function reanchorOrphansWhereWritten(annotations: readonly Annotation[], text: string, written: readonly OffsetRange[]): ReanchorResult {
  // Only orphans whose every span has its exact words at its hint or across written text are searched:
  // this runs on every keystroke, and a search for words that are nowhere reads the whole text.
  // Exact or in NFC, as the search compares: an edit that rewrote the words in NFD brings them back too.
  const occursAt = (exact: string, range: OffsetRange): boolean => occursAcross(text, exact, range) || occursAcrossInNfc(text, exact, range);
  const couldComeBack = (orphan: Annotation): boolean => localSpans(orphan).every((span) => occursAt(span.exact, span) || written.some((range) => occursAt(span.exact, range)));
  const candidates = new Set(annotations.filter((a) => a.status === 'orphaned' && couldComeBack(a)));
  if (candidates.size === 0) return { annotations: [...annotations], outcomes: new Map() };
  // Their hints are places: the edit that orphaned them kept each one's place within the text it wrote (an
  // editor reloading a changed file sends one edit over every paragraph between two changes).
  const tried = reanchor(annotations, text, { only: (a) => candidates.has(a), hintsArePlaces: true });
  const outcomes = new Map(tried.outcomes);
  // Words an annotation that no edit touched still holds: an orphan placed there lost its own words (a
  // deleted copy of a paragraph) and found its copy's.
  const held = new Set<string>();
  for (const annotation of annotations) if (annotation.status === 'anchored') for (const span of localSpans(annotation)) held.add(`${span.start}:${span.end}`);
  const result = tried.annotations.map((placed, i) => {
    const orphan = annotations[i];
    if (orphan.status !== 'orphaned' || placed.status !== 'anchored') return placed;
    const hints = localSpans(orphan);
    const onHeldWords = localSpans(placed).some((span, k) => span.start !== hints[k].start && held.has(`${span.start}:${span.end}`));
    // Exactly its words: typed back a letter at a time, `Lavr` is already near enough `Lavrov` for the
    // search (a quarter of its letters may differ), and the label would stay on `Lavr` once the name is whole.
    const broughtBack = localSpans(placed).every(
      (span, k) =>
        sameInNfc(text.slice(span.start, span.end), hints[k].exact) &&
        ((span.start === hints[k].start && span.end === hints[k].end) || written.some((range) => overlaps(range, span))),
    );
    if (broughtBack && !onHeldWords) return placed;
    outcomes.set(orphan.id, 'orphaned');
    return orphan;
  });
  return { annotations: result, outcomes };
}

/**
 * Characters of decomposed text one character of a quote may take: Hangul's three jamo, or a letter with two marks
 * (`ệ`); beyond, a quote is not looked for in NFC around a written range.
 */
const NFD_EXPANSION = 3;

/**
 * True when `exact` in NFC occurs in NFC across `range` of `text` (a pre-filter, so loosely: anywhere in the stretch of
 * text around the range that such an occurrence could span). Only that stretch is normalised: this runs on every
 * keystroke while an orphan waits, and the NFC view of a whole decomposed text costs 0.1–1 s a megabyte.
 */
function occursAcrossInNfc(text: string, exact: string, range: OffsetRange): boolean {
  const normalExact = exact.normalize('NFC');
  const reach = normalExact.length * NFD_EXPANSION + 2;
  const from = Math.max(0, range.start - reach);
  const stretch = text.slice(from, Math.min(text.length, range.end + reach));
  const normalStretch = stretch.normalize('NFC');
  if (normalStretch === stretch && normalExact === exact) return false;
  return normalStretch.includes(normalExact);
}

/** True when the two texts are the same in NFC (the same words, one written decomposed). */
function sameInNfc(a: string, b: string): boolean {
  return a === b || a.normalize('NFC') === b.normalize('NFC');
}

/** Pass 1: the offset of each entry's quote where its full context makes it sure, or `undefined`. */
function placeSurely(text: string, entries: readonly Entry[]): Array<number | undefined> {
  let drift = 0;
  // Each span the nearer-copy look leaves unsure is searched for in the whole text later: bounded, so that
  // a text made of many copies of itself with a long insertion above them is not read once per span.
  let doubts = Math.max(MIN_NEARER_COPY_DOUBTS, Math.floor(NEARER_COPY_SEARCH_BUDGET / Math.max(1, text.length)));
  const doubted = (span: AnchoredSpan, at: number, hint: number): boolean => {
    if (doubts === 0 || !nearerCopy(text, span, at, hint)) return false;
    doubts--;
    return true;
  };
  return entries.map(({ span }) => {
    const hint = Math.min(span.start, text.length);
    const fits = (at: number): boolean => quoteFitsAt(text, span, at) && !doubted(span, at, hint);
    let at: number | undefined;
    if (fits(hint + drift)) at = hint + drift;
    else if (fits(hint)) at = hint;
    else at = onlyOccurrence(text, span);
    if (at !== undefined) drift = at - span.start;
    return at;
  });
}

/**
 * Characters of text that the searches of spans {@link nearerCopy} left unsure may read in one re-anchoring
 * (each reads the whole text), and the fewest such spans allowed whatever the text's length. Past it, a
 * span whose quote and context fit where the drift puts it is placed there, as before the look: 1 MB of
 * the seeds repeated 60 times with 100 KB of other text inserted above took 8.5 s of CPU unbounded (2,430
 * spans, a whole-text search each).
 */
const NEARER_COPY_SEARCH_BUDGET = 64_000_000;
const MIN_NEARER_COPY_DOUBTS = 64;

/** Characters each side of a span's old offset where {@link nearerCopy} looks (a copy further away is not seen). */
const NEARER_COPY_WINDOW = 4096;

/**
 * True when the quote with its full context also occurs at a place other than `at` that is no farther from
 * the old offset `hint`: then the drift that led to `at` may come from a span found in the other copy of a
 * repeated paragraph (its own words deleted), and only the search, which takes the nearest, decides.
 */
function nearerCopy(text: string, span: AnchoredSpan, at: number, hint: number): boolean {
  if (at === hint) return false;
  // Looked for within a window of the old offset: every span after a long insertion is far from its hint.
  const distance = Math.min(Math.abs(at - hint), NEARER_COPY_WINDOW);
  const whole = span.prefix + span.exact + span.suffix;
  const from = Math.max(0, hint - distance - span.prefix.length);
  const window = text.slice(from, Math.min(text.length, hint + distance - span.prefix.length + whole.length));
  for (let i = window.indexOf(whole); i >= 0; i = window.indexOf(whole, i + 1)) {
    if (from + i + span.prefix.length !== at) return true;
  }
  return false;
}

/**
 * Where quote and full context occur, if exactly once in `text` — and once with white space compared as one
 * space (`spacedText.ts`): an article re-wrapped at another width may have the same words with a line break
 * at the same place by chance elsewhere, while the span's own place differs only in its line breaks. Found
 * only so (a text re-spaced), the quote is there exactly.
 */
function onlyOccurrence(text: string, span: AnchoredSpan): number | undefined {
  if (span.exact.length === 0) return undefined;
  const whole = span.prefix + span.exact + span.suffix;
  const first = text.indexOf(whole);
  if (first >= 0 && text.indexOf(whole, first + 1) >= 0) return undefined;
  const spaced = spacedOccurrences(text, span.prefix, span.exact, span.suffix);
  if (first >= 0) return spaced.count === 1 ? first + span.prefix.length : undefined;
  return spaced.count === 1 ? spaced.at : undefined;
}

/**
 * Pass 2: which of the placed entries (in old order) form the longest subsequence whose new offsets never
 * decrease (patience sorting, O(n log n)).
 */
function longestOrderedRun(offsets: ReadonlyArray<number | undefined>): boolean[] {
  const tails: number[] = []; // index into offsets of the smallest tail of a run of each length
  const previous = new Int32Array(offsets.length).fill(-1);
  offsets.forEach((offset, i) => {
    if (offset === undefined) return;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (offsets[tails[mid]]! <= offset) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1];
    tails[low] = i;
  });
  const kept = new Array<boolean>(offsets.length).fill(false);
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) kept[i] = true;
  return kept;
}

/** Pass 3: where one span goes, searched for near its old offset moved by `drift`, or `undefined`. */
function search(text: string, span: AnchoredSpan, drift: number): Placement | undefined {
  const expected = Math.max(0, Math.min(text.length, span.start + drift));
  const match = findQuote(text, span, expected);
  if (match.kind !== 'found') return undefined;
  const next = respan(text, span, match);
  return { span: next, outcome: !match.exact ? 'approximate' : next.start === span.start ? 'unchanged' : 'moved' };
}
