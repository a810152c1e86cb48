import { completeAnalysisInStages, recognizeInStages, type AnalysisContext, type ArticleAnalysis } from './analysis';
import { findDuplicateParagraphs, ParagraphSignature, type DuplicateParagraph, type KnownWords } from './duplicates';
import { resplitParagraphs, splitParagraphs, splitParagraphsWithInfo, type ParagraphSplit } from './paragraphs';
import { lowerBound } from './search';
import { finish, type Staged } from './stages';
import { splitSentences, tokenize } from './tokenize';
import { commonPrefixLength, commonSuffixLength } from './textDiff';
import type { EntityMention, OffsetRange, Paragraph, Sentence, Token } from './types';

/** Recognises the entities of some sentences of a document that cover `within` (a paragraph, the visible lines). */
export type PartRecognizer = (text: string, sentences: readonly Sentence[], within: OffsetRange) => EntityMention[];

/**
 * Incremental analysis of one open document. The result is always the one {@link analyzeArticle}
 * gives for the same text (a test checks it after random edits); what changes is how much is redone:
 *
 * - paragraphs are split afresh (one linear scan), but each paragraph's tokens, sentences and
 *   duplicate key are cached by its text, so an edit re-tokenises only the paragraphs it touches;
 * - the recogniser is told the document's identity, so it can keep its own per-document caches (the
 *   trained tagger re-decodes only the sentences whose words, or whose words' evidence elsewhere in the
 *   article, changed); the document-level consistency pass, quotes, actor clusters and the duplicate
 *   index depend on the whole article and are recomputed from the cached parts;
 * - caches keep only what the last analysis used, so memory follows the document, not its history.
 *
 * Typing needs less than a full analysis: {@link IncrementalAnalyzer.paragraphLayer} (duplicates, for
 * diagnostics) and {@link updateProvisionalEntities} (entities for semantic tokens) are cheap.
 */
export class IncrementalAnalyzer {
  private parses = new Map<string, ParagraphParse>();
  private lastLayer: { text: string; layer: ParagraphLayer; split: ParagraphSplit } | undefined;

  /** `document` identifies the document to the recogniser's caches (its URI); `words` tell an edited near repeat from a damaged one. */
  constructor(
    private readonly document: string,
    private readonly words: KnownWords,
  ) {}

  /**
   * The duplicate key this analyzer keeps for a paragraph's text (one of the last text it read), or undefined:
   * a key depends on the paragraph's text alone, so a caller that searches again among the paragraphs (fix-all's
   * second look) need not make them twice.
   */
  signatureOf(paragraph: Paragraph): ParagraphSignature | undefined {
    return this.parses.get(paragraph.text)?.key;
  }

  /** Paragraphs and repeated paragraphs: everything diagnostics need, without tokens or entities. */
  paragraphLayer(text: string): ParagraphLayer {
    if (this.lastLayer?.text === text) return this.lastLayer.layer;
    // Only the blocks around the edit are split again; the rest is reused or shifted.
    const split = this.lastLayer ? resplitParagraphs(this.lastLayer.split, text) : splitParagraphsWithInfo(text);
    const paragraphs = split.paragraphs;
    const used = new Map<string, ParagraphParse>();
    for (const paragraph of paragraphs) this.parseOf(paragraph, used);
    this.keepOnly(used);
    // Keys through `used` (by paragraph text) rather than a second map per keystroke. Found when first
    // read: a full analysis reads them after the entities, so a large article's colours do not wait.
    let duplicates: readonly DuplicateParagraph[] | undefined;
    const words = this.words;
    const layer: ParagraphLayer = {
      paragraphs,
      get duplicates() {
        return (duplicates ??= findDuplicateParagraphs(paragraphs, words, (p) => used.get(p.text)!.key));
      },
    };
    this.lastLayer = { text, layer, split };
    return layer;
  }

  /** The full analysis of `text`, reusing what earlier versions computed. */
  analyze(text: string, context: AnalysisContext): ArticleAnalysis {
    return finish(this.analyzeInStages(text, context));
  }

  /**
   * {@link analyze} one stage per step (sentences, tagging, entity clean-up, quotes, actors). Each
   * step leaves the caches consistent, so a caller may drop the generator between steps (the text
   * changed) and the next analysis still reuses what was done; other analyses may run between steps.
   * `onEntities` hears the entities as soon as they are final, before quotes and actors (semantic
   * tokens need nothing more).
   */
  *analyzeInStages(text: string, context: AnalysisContext, onEntities?: (found: { recognized: EntityMention[]; entities: EntityMention[] }) => void): Staged<ArticleAnalysis> {
    const layer = this.paragraphLayer(text);
    const { paragraphs } = layer;
    const used = new Map<string, ParagraphParse>();
    const sentences: Sentence[] = [];
    for (const paragraph of paragraphs) {
      for (const sentence of this.parseOf(paragraph, used).sentencesAt(text, paragraph.start)) sentences.push(sentence);
    }
    this.keepOnly(used);
    yield;
    const { recognized, entities } = yield* recognizeInStages(text, sentences, context, this.document);
    onEntities?.({ recognized, entities });
    yield;
    return yield* completeAnalysisInStages({ text, paragraphs, sentences, recognized, entities, duplicates: layer.duplicates }, context);
  }

  private parseOf(paragraph: Paragraph, used: Map<string, ParagraphParse>): ParagraphParse {
    let parse = used.get(paragraph.text) ?? this.parses.get(paragraph.text);
    if (!parse) parse = new ParagraphParse(paragraph.text);
    used.set(paragraph.text, parse);
    return parse;
  }

  private keepOnly(used: Map<string, ParagraphParse>): void {
    // The paragraph layer and the full analysis each see every paragraph, so `used` is complete.
    this.parses = used;
  }
}

/** Paragraphs of a text and the repeated ones among them. */
export interface ParagraphLayer {
  readonly paragraphs: readonly Paragraph[];
  readonly duplicates: readonly DuplicateParagraph[];
}

/**
 * What one paragraph's text yields on its own: its duplicate key, and (on demand) its tokens and
 * sentences, kept at the offset where they were last used and shifted when the paragraph moves.
 */
class ParagraphParse {
  private signature: ParagraphSignature | undefined;
  private base = -1;
  private sentences: Sentence[] = [];

  constructor(private readonly text: string) {}

  /**
   * The paragraph's duplicate key, made when the repeated paragraphs are first looked for: a large
   * article's first colours do not wait for it (a full analysis reads the duplicates after the entities).
   */
  get key(): ParagraphSignature {
    return (this.signature ??= new ParagraphSignature(this.text));
  }

  sentencesAt(documentText: string, start: number): readonly Sentence[] {
    if (this.base === start) return this.sentences;
    if (this.base < 0) {
      const tokens = tokenize(documentText, { start, end: start + this.text.length });
      this.sentences = splitSentences(documentText, tokens);
    } else {
      this.sentences = shiftSentences(this.sentences, start - this.base);
    }
    this.base = start;
    return this.sentences;
  }
}

function shiftSentences(sentences: readonly Sentence[], delta: number): Sentence[] {
  return sentences.map((s) => ({
    start: s.start + delta,
    end: s.end + delta,
    tokens: s.tokens.map((t): Token => ({ start: t.start + delta, end: t.end + delta, text: t.text })),
  }));
}

/** Entities of a document version that has not been fully analysed yet, derived from an earlier one. */
export interface ProvisionalEntities {
  readonly text: string;
  /** Sorted, non-overlapping, as the recogniser returns them. */
  readonly entities: readonly EntityMention[];
  /** True when the document has one paragraph per line (no hard-wrapped blocks). */
  readonly linePerParagraph: boolean;
}

/** Starts a provisional chain from a complete analysis. */
export function provisionalFromAnalysis(analysis: Pick<ArticleAnalysis, 'text' | 'entities' | 'paragraphs'>): ProvisionalEntities {
  return new LazyProvisionalEntities(analysis.text, !analysis.paragraphs.some((p) => /[\r\n]/.test(p.text)), analysis.entities, [], 0, 0);
}

/**
 * Provisional entities as `head` (exact) followed by `tail[tailFrom..]` shifted by `tailDelta`: a
 * keystroke shifts the entities after it by changing one number, not by copying each of them, and
 * the shifted objects are made only when someone reads {@link entities} (a full token request).
 */
class LazyProvisionalEntities implements ProvisionalEntities {
  private materialized: readonly EntityMention[] | undefined;

  constructor(
    readonly text: string,
    readonly linePerParagraph: boolean,
    readonly head: readonly EntityMention[],
    readonly tail: readonly EntityMention[],
    readonly tailFrom: number,
    readonly tailDelta: number,
  ) {}

  get length(): number {
    return this.head.length + this.tail.length - this.tailFrom;
  }

  startAt(i: number): number {
    return i < this.head.length ? this.head[i].start : this.tail[this.tailFrom + i - this.head.length].start + this.tailDelta;
  }

  endAt(i: number): number {
    return i < this.head.length ? this.head[i].end : this.tail[this.tailFrom + i - this.head.length].end + this.tailDelta;
  }

  at(i: number): EntityMention {
    if (i < this.head.length) return this.head[i];
    const e = this.tail[this.tailFrom + i - this.head.length];
    const d = this.tailDelta;
    return d === 0 ? e : shiftedMention(e, d);
  }

  get entities(): readonly EntityMention[] {
    if (!this.materialized) {
      if (this.tailFrom >= this.tail.length) {
        this.materialized = this.head;
      } else {
        const all = this.head.slice();
        for (let i = this.head.length, n = this.length; i < n; i++) all.push(this.at(i));
        this.materialized = all;
      }
    }
    return this.materialized;
  }

  /** The entities touching `range`, as `entities.filter((e) => overlaps(e, range))`. */
  entitiesIn(range: OffsetRange): EntityMention[] {
    const n = this.length;
    const low = lowerBound(n, (i) => this.endAt(i) > range.start);
    const result: EntityMention[] = [];
    for (let i = low; i < n && this.startAt(i) < range.end; i++) {
      const e = this.at(i);
      if (e.end > range.start) result.push(e);
    }
    return result;
  }
}

function lazyOf(p: ProvisionalEntities): LazyProvisionalEntities {
  return p instanceof LazyProvisionalEntities ? p : new LazyProvisionalEntities(p.text, p.linePerParagraph, p.entities, [], 0, 0);
}

/** The provisional entities touching `range` (all of them without one), without shifting the others. */
export function provisionalEntitiesIn(p: ProvisionalEntities, range?: OffsetRange): readonly EntityMention[] {
  if (!range) return p.entities;
  return lazyOf(p).entitiesIn(range);
}

/**
 * Entities of the paragraphs that overlap `range`, recognised on their own: what a large document
 * can show at once when it is opened, before its full analysis exists. Inexact: the document-level
 * agreement (a surname taking the type of a full name elsewhere) sees only these paragraphs.
 */
export function entitiesOfParagraphsIn(text: string, paragraphs: readonly Paragraph[], range: OffsetRange, recognize: PartRecognizer): EntityMention[] {
  const low = lowerBound(paragraphs.length, (i) => paragraphs[i].end > range.start);
  const high = lowerBound(paragraphs.length, (i) => paragraphs[i].start >= range.end);
  if (high <= low) return [];
  // A paragraph of megabytes (a one-line file) is read only around the range.
  const window = clipToReach(text, paragraphs[low].start, paragraphs[high - 1].end, range.start, range.end);
  const sentences: Sentence[] = [];
  for (let i = low; i < high; i++) {
    const part = { start: Math.max(paragraphs[i].start, window.start), end: Math.min(paragraphs[i].end, window.end) };
    if (part.start < part.end) for (const sentence of splitSentences(text, tokenize(text, part))) sentences.push(sentence);
  }
  if (sentences.length === 0) return [];
  return recognize(text, sentences, window);
}

/**
 * Beyond this many characters around an edit the re-recognised block stops: at a line break in a
 * hard-wrapped block, else (a paragraph of megabytes on one line) after a sentence end or a space.
 */
const MAX_BLOCK_REACH = 20_000;

/**
 * `[start, end)` cut to at most {@link MAX_BLOCK_REACH} characters before `from` and after `to`, the
 * cuts moved to a sentence end (or at least a space) so that no word, and rarely a sentence, is split.
 */
function clipToReach(text: string, start: number, end: number, from: number, to: number): OffsetRange {
  let clippedStart = start;
  if (from - start > MAX_BLOCK_REACH) {
    const at = from - MAX_BLOCK_REACH;
    const head = text.slice(at, from);
    const sentenceEnd = /[.!?]["”’)]?\s+/.exec(head);
    const space = head.search(/\s/);
    clippedStart = sentenceEnd ? at + sentenceEnd.index + sentenceEnd[0].length : space >= 0 ? at + space + 1 : at;
  }
  let clippedEnd = end;
  if (end - to > MAX_BLOCK_REACH) {
    const at = to + MAX_BLOCK_REACH;
    const before = text.slice(to, at);
    let cut = -1;
    for (const match of before.matchAll(/[.!?]["”’)]?(?=\s)/g)) cut = match.index! + match[0].length;
    if (cut < 0) cut = Math.max(before.lastIndexOf(' '), 0);
    clippedEnd = to + cut;
  }
  return { start: clippedStart, end: Math.max(clippedEnd, clippedStart) };
}

/**
 * What a semantic-token request after a keystroke must compute, and no more: the entities of the new
 * text from those of the previous version. The text before the edit keeps its entities, the text
 * after it keeps them shifted, and the paragraph(s) the edit touches are tokenised and recognised
 * again on their own. Cost: two scans for the common prefix and suffix plus one paragraph, whatever
 * the document size. The result can differ from a full analysis where document-level evidence would
 * change (a name's type elsewhere), which is why the server runs the full analysis after a pause and
 * refreshes the tokens when it disagrees.
 */
export function updateProvisionalEntities(previous: ProvisionalEntities, text: string, recognize: PartRecognizer): ProvisionalEntities {
  const old = previous.text;
  if (old === text) return previous;
  const prefix = commonPrefixLength(old, text);
  const suffix = commonSuffixLength(old, text, Math.min(old.length, text.length) - prefix);
  const delta = text.length - old.length;
  // The block to recognise again: whole paragraphs around the changed characters.
  const block = clipToReach(text, paragraphBoundaryBefore(text, prefix, previous.linePerParagraph), paragraphBoundaryAfter(text, text.length - suffix, previous.linePerParagraph), prefix, text.length - suffix);
  const blockStart = block.start;
  const blockEnd = block.end;
  const oldBlockEnd = blockEnd - delta;
  const entities = lazyOf(previous);
  const count = entities.length;
  const firstInside = lowerBound(count, (i) => entities.endAt(i) > blockStart);
  const firstAfter = lowerBound(count, (i) => entities.startAt(i) >= oldBlockEnd);
  const sentences: Sentence[] = [];
  for (const paragraph of splitParagraphs(text.slice(blockStart, blockEnd))) {
    const range = { start: blockStart + paragraph.start, end: blockStart + paragraph.end };
    for (const sentence of splitSentences(text, tokenize(text, range))) sentences.push(sentence);
  }
  const headLength = entities.head.length;
  const next: EntityMention[] = entities.head.slice(0, Math.min(firstInside, headLength));
  for (let i = headLength; i < firstInside; i++) next.push(entities.at(i));
  if (sentences.length > 0) for (const mention of recognize(text, sentences, { start: blockStart, end: blockEnd })) next.push(mention);
  if (firstAfter >= headLength) {
    // Everything after the block is still in the shared tail: shift it by one more delta.
    return new LazyProvisionalEntities(text, previous.linePerParagraph, next, entities.tail, entities.tailFrom + firstAfter - headLength, entities.tailDelta + delta);
  }
  const tail: EntityMention[] = [];
  for (let i = firstAfter; i < count; i++) {
    const e = entities.at(i);
    tail.push(delta === 0 ? e : shiftedMention(e, delta));
  }
  return new LazyProvisionalEntities(text, previous.linePerParagraph, next, tail, 0, 0);
}

/** A mention moved by `delta` characters, with everything else it carries (confirmed, label). */
function shiftedMention(e: EntityMention, delta: number): EntityMention {
  // Field by field for the common case: this runs for every entity after a keystroke's paragraph.
  if (e.confirmed === undefined && e.label === undefined) return { start: e.start + delta, end: e.end + delta, type: e.type, text: e.text };
  return { ...e, start: e.start + delta, end: e.end + delta };
}

function paragraphBoundaryBefore(text: string, offset: number, linePerParagraph: boolean): number {
  let lineStart = offset;
  while (lineStart > 0 && !isBreak(text.charCodeAt(lineStart - 1))) lineStart--;
  if (linePerParagraph) return lineStart;
  // Hard-wrapped blocks: back to the line after a blank line (or the start), within reach.
  const first = lineStart;
  while (lineStart > 0) {
    if (first - lineStart > MAX_BLOCK_REACH) return first;
    let end = lineStart - 1;
    if (end > 0 && text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13) end--;
    let start = end;
    while (start > 0 && !isBreak(text.charCodeAt(start - 1))) start--;
    if (isBlankRange(text, start, end)) return lineStart;
    lineStart = start;
  }
  return 0;
}

function paragraphBoundaryAfter(text: string, offset: number, linePerParagraph: boolean): number {
  let lineEnd = offset;
  while (lineEnd < text.length && !isBreak(text.charCodeAt(lineEnd))) lineEnd++;
  if (linePerParagraph) return lineEnd;
  const first = lineEnd;
  while (lineEnd < text.length) {
    if (lineEnd - first > MAX_BLOCK_REACH) return first;
    let start = lineEnd + 1;
    if (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(start) === 10) start++;
    let end = start;
    while (end < text.length && !isBreak(text.charCodeAt(end))) end++;
    if (isBlankRange(text, start, end)) return lineEnd;
    lineEnd = end;
  }
  return text.length;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0xfeff && c !== 0x3000) return false;
  }
  return true;
}
