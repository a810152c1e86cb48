/**
 * Step 1 of the quote pass: pairing quotation marks. Curly marks pair by glyph (unless the characters around
 * them clearly say the opposite: scraped text often has `”` for `“`), straight marks by the characters
 * around them. Two apostrophes (`''`) and two backquotes (` `` `) are marks of a family of their own, paired
 * by the characters around them as straight ones are: the New York Times archive writes every quotation
 * `''…''` (116 of PolNeAR's 120 train articles from it, none of whose quotations the pass found before), and
 * text from Penn Treebank-style tools writes ` ``…'' `. A quotation of one family nests inside an open one of
 * another. A quotation left open at the end of a paragraph is carried into the next paragraph when that one
 * starts with an opening mark (the news convention for multi-paragraph quotations). One pass over the text;
 * no attribution here.
 */
import type { Paragraph } from '../types';

/** A paired quotation before attribution. */
export interface RawQuote {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  /** Index of the paragraph holding the opening mark. */
  paragraph: number;
  /** Index of the paragraph holding the closing mark (differs for multi-paragraph quotations). */
  lastParagraph: number;
}

// Opening typographic marks: “ „ « (0x201c, 0x201e, 0xab); closing: ” » (0x201d, 0xbb).
export const STRAIGHT = 0x22; // "

export function isQuoteMark(c: number): boolean {
  // Plain comparisons: this runs for every mark candidate of the document.
  return c === STRAIGHT || (c >= 0x201c && c <= 0x201f) || c === 0xab || c === 0xbb;
}

/**
 * Finds the next quotation mark, or the next run of two or more apostrophes or backquotes (which holds one:
 * {@link doubledMark}); a regular expression scan is much faster than a loop over characters.
 */
export const QUOTE_MARK_RE = /["\u201c-\u201f\u00ab\u00bb]|''+|``+/g;

const APOSTROPHE = 0x27;
const BACKQUOTE = 0x60;

/** A quotation mark written with two characters: where it starts in the text. */
interface DoubledMark {
  readonly at: number;
  /** Where the run of apostrophes or backquotes holding the mark ends: the scan goes on from there. */
  readonly runEnd: number;
}

/**
 * The two-character mark in the run of apostrophes or backquotes starting at `i`, if the run holds one. A run
 * of three is a single quotation mark beside a double one (`,''' he said`: an inner quotation closes with the
 * outer one; `'''Sir,`: both open): the double mark is the last two characters where the run closes, the first
 * two where it opens. A single apostrophe is an apostrophe (or an inner quotation, which the pass leaves to the
 * text); a run of four or more is no mark.
 */
function doubledMark(text: string, i: number, lo: number, hi: number): DoubledMark | undefined {
  const c = text.charCodeAt(i);
  if (c !== APOSTROPHE && c !== BACKQUOTE) return undefined;
  let end = i + 1;
  while (end < hi && text.charCodeAt(end) === c) end++;
  const n = end - i;
  if (n < 2 || n > 3) return undefined;
  if (n === 2) return { at: i, runEnd: end };
  const prev = i > lo ? text.charCodeAt(i - 1) : -1;
  const next = end < hi ? text.charCodeAt(end) : -1;
  const closes = prev >= 0 && !isSpaceChar(prev) && closesBefore(next);
  return { at: closes ? end - 2 : i, runEnd: end };
}

/** How many characters the quotation mark at `i` takes: 1, or 2 for `''` and ` `` ` (found by {@link doubledMark}). */
function markLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c === APOSTROPHE || c === BACKQUOTE ? 2 : 1;
}

export function isWordChar(c: number): boolean {
  // Letters, digits and the characters that may start or end a quoted word.
  if (c >= 48 && c <= 57) return true;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c <= 127) return false;
  // The common ones first, without the pattern: dashes, ellipsis, no-break space, apostrophes.
  if (c === 0x2014 || c === 0x2013 || c === 0x2026 || c === 0xa0 || c === 0x2019 || c === 0x2018) return false;
  // The Unicode hyphens join a word as `-` does (the tokenizer splits at them, so as punctuation they would end a
  // speaker's phrase: `Anti‐war activist Jane Doe` read as `war activist Jane Doe`).
  if (c === 0x2010 || c === 0x2011) return true;
  // Otherwise anything but space and punctuation: the horizontal bar of `… made public ― Trump boasted` is no part of
  // a word (read as one, it joined `public ― Trump` into the speaker's phrase), nor are `•`, `·` or `¶`. Symbols (`€`,
  // `°`, an emoji's halves) stay word characters, as they were.
  return !isQuoteMark(c) && !NON_WORD_BEYOND_ASCII.test(String.fromCharCode(c));
}

/** Space and punctuation (dashes, ellipsis, apostrophes, bullets…) beyond ASCII. */
const NON_WORD_BEYOND_ASCII = /[\s\p{P}]/u;

export function isSpaceChar(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0xfeff;
}

/** Characters after which a quotation mark opens: start (-1), space, brackets, dashes, slash. */
export function opensAfter(c: number): boolean {
  return c < 0 || isSpaceChar(c) || c === 40 || c === 91 || c === 123 || c === 0x2014 || c === 0x2013 || c === 45 || c === 47 || c === 58;
}

/** Characters before which a quotation mark closes: end (-1), space, punctuation. */
export function closesBefore(c: number): boolean {
  return (
    c < 0 || isSpaceChar(c) || c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 ||
    c === 41 || c === 93 || c === 125 || c === 0x2014 || c === 0x2013 || c === 45 || c === 0x2026 || c === 0x2019
  );
}

/**
 * Decides whether the mark at `i` opens (+1) or closes (-1) a quotation, or cannot tell (0). The glyph
 * decides for curly marks unless the context clearly says the opposite (scraped text often has `”` for `“`).
 */
export function markDirection(text: string, i: number, lo: number, hi: number): number {
  // -1 stands for "no character" (paragraph edge); plain numbers keep this hot path cheap.
  const c = text.charCodeAt(i);
  const length = markLength(text, i);
  const prev = i > lo ? text.charCodeAt(i - 1) : -1;
  const next = i + length < hi ? text.charCodeAt(i + length) : -1;
  // ` `` ` only ever opens (Penn Treebank's closing mark is `''`).
  if (c === BACKQUOTE) return 1;
  const openCtx = opensAfter(prev) && next >= 0 && !isSpaceChar(next);
  const closeCtx = closesBefore(next) && prev >= 0 && !isSpaceChar(prev);
  if (c === 0x201c || c === 0x201e || c === 0xab) return closeCtx && !openCtx && (next < 0 || isSpaceChar(next)) ? -1 : 1;
  if (c === 0x201d || c === 0xbb) return openCtx && !closeCtx && next >= 0 && isWordChar(next) && (prev < 0 || isSpaceChar(prev)) ? 1 : -1;
  if (openCtx && !closeCtx) return 1;
  if (closeCtx && !openCtx) return -1;
  return 0;
}

/** The family ({@link markFamily}) of the opening mark that starts a paragraph (after white space), or -1 for none. */
export function openingMarkFamily(text: string, p: Paragraph): number {
  let i = p.start;
  while (i < p.end && isSpaceChar(text.charCodeAt(i))) i++;
  if (i >= p.end) return -1;
  const c = text.charCodeAt(i);
  if (c === APOSTROPHE || c === BACKQUOTE) {
    const mark = doubledMark(text, i, p.start, p.end);
    return mark !== undefined && mark.at === i && markDirection(text, i, p.start, p.end) >= 0 ? markFamily(c) : -1;
  }
  return isQuoteMark(c) && markDirection(text, i, p.start, p.end) >= 0 ? markFamily(c) : -1;
}

/** True when `[from, to)` contains at least one letter or digit: empty quotes (`""`) are not quotations. */
export function hasWord(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isWordChar(text.charCodeAt(i))) return true;
  return false;
}

/** Pairs quotation marks, paragraph by paragraph, in one pass over the text. */
export function pairQuotationMarks(text: string, paragraphs: readonly Paragraph[]): RawQuote[] {
  const paras: readonly Paragraph[] =
    paragraphs.length > 0 ? paragraphs : text.length > 0 ? [{ index: 0, start: 0, end: text.length, text }] : [];
  const out: RawQuote[] = [];
  // A quotation left open at the end of the previous paragraph and continued in this one.
  let carried: { start: number; length: number; paragraph: number } | undefined;
  let nextMark = -1;
  for (let pi = 0; pi < paras.length; pi++) {
    const p = paras[pi];
    let openAt = -1;
    /** The opening mark's length (1, or 2 for `''`): the content starts after it. */
    let openLength = 1;
    let openPara = pi;
    let openFamily = 0;
    // A quotation of the other family inside the open one (“He said "no" to me”): closed with it, not emitted
    // on its own unless the outer quotation turns out never to close.
    let innerAt = -1;
    let innerLength = 1;
    let innerFamily = 0;
    const pendingInner: RawQuote[] = [];
    let i = p.start;
    if (carried) {
      // The paragraph starts with the continuing opening mark: skip it, the quotation stays open.
      while (i < p.end && isSpaceChar(text.charCodeAt(i))) i++;
      openFamily = markFamily(text.charCodeAt(i));
      i += markLength(text, i);
      openAt = carried.start;
      openLength = carried.length;
      openPara = carried.paragraph;
      carried = undefined;
    }
    for (; i < p.end; i++) {
      // The next mark is remembered across paragraphs, so the text is scanned once in all (no rescans of
      // mark-free paragraphs: linear even for a million short paragraphs and one mark at the end).
      if (nextMark < i && isQuoteMark(text.charCodeAt(i))) {
        nextMark = i; // dense marks: no regular expression call
      } else if (nextMark < i) {
        QUOTE_MARK_RE.lastIndex = i;
        const hit = QUOTE_MARK_RE.exec(text);
        nextMark = hit ? hit.index : text.length;
      }
      if (nextMark >= p.end) break;
      i = nextMark;
      let length = 1;
      /** Where the scan resumes (the loop's `i++` steps past it): past a run of apostrophes as a whole. */
      let resume = i;
      const c = text.charCodeAt(i);
      if (c === APOSTROPHE || c === BACKQUOTE) {
        const mark = doubledMark(text, i, p.start, p.end);
        if (!mark) {
          // Four apostrophes or more: no mark; the scan goes on after the run.
          while (i + 1 < p.end && text.charCodeAt(i + 1) === c) i++;
          continue;
        }
        // Seconds and inches (`40°26'46''N`, `6'2''`): a unit, no mark.
        if (c === APOSTROPHE && mark.runEnd - mark.at === 2 && UNIT_BEFORE.test(text.slice(Math.max(p.start, mark.at - 4), mark.at))) {
          i = mark.runEnd - 1;
          continue;
        }
        i = mark.at;
        length = 2;
        resume = mark.runEnd - 1;
      }
      const family = markFamily(text.charCodeAt(i));
      let dir = markDirection(text, i, p.start, p.end);
      if (dir === 0) {
        // A straight mark between two words: it closes a quotation of its own family, else it opens one.
        if (innerAt >= 0) dir = innerFamily === family ? -1 : 1;
        else if (openAt >= 0) dir = openFamily === family ? -1 : 1;
        else dir = 1;
        // `x = ''` (an empty string in code): a doubled mark after an assignment or an opening bracket, with white
        // space after it, opens nothing (`said, '' We will`, a scraper's space after a real mark, still opens).
        if (dir > 0 && length === 2 && (i + 2 >= p.end || isSpaceChar(text.charCodeAt(i + 2))) && EMPTY_STRING_BEFORE.test(text.slice(Math.max(p.start, i - 3), i))) {
          i = resume;
          continue;
        }
      }
      if (dir > 0) {
        if (openAt >= 0 && innerAt < 0 && openFamily !== family) {
          innerAt = i;
          innerLength = length;
          innerFamily = family;
        } else if (openAt >= 0 && innerAt >= 0 && innerFamily === family) {
          innerAt = i; // the inner one was never closed; start it again here
          innerLength = length;
        } else {
          // A second opening mark of the same family: the earlier one was never closed; start again here.
          if (openAt >= 0 && openPara === pi) flushInner(out, pendingInner);
          openAt = i;
          openLength = length;
          openPara = pi;
          openFamily = family;
          innerAt = -1;
          pendingInner.length = 0;
        }
      } else if (innerAt >= 0 && innerFamily === family) {
        if (hasWord(text, innerAt + innerLength, i)) pendingInner.push({ start: innerAt, end: i + length, contentStart: innerAt + innerLength, contentEnd: i, paragraph: pi, lastParagraph: pi });
        innerAt = -1;
      } else if (openAt >= 0) {
        if (hasWord(text, openAt + openLength, i)) {
          out.push({ start: openAt, end: i + length, contentStart: openAt + openLength, contentEnd: i, paragraph: openPara, lastParagraph: pi });
        }
        openAt = -1;
        innerAt = -1;
        pendingInner.length = 0;
      }
      // A closing mark with nothing open is a stray mark: ignored.
      i = resume;
    }
    // The news convention repeats the quotation's own opening mark at the start of each paragraph it continues
    // into. A paragraph that starts with a mark of another family starts a quotation of its own: a block quoted in
    // straight marks (`"The administration is still reluctant …`) followed by a paragraph quoting someone in
    // curly ones (`“I don’t want to talk about …,” Earnest said."`) had been read as one quotation closed at `”`,
    // with `Earnest said` as its cue.
    const continued = openAt >= 0 && pi + 1 < paras.length && openingMarkFamily(text, paras[pi + 1]) === openFamily;
    if (continued && !startsWithSpeakerLabel(text, paras[pi + 1])) {
      carried = { start: openAt, length: openLength, paragraph: openPara };
    } else if (continued && hasWord(text, openAt + openLength, p.end)) {
      // Transcripts open every turn with a mark and a speaker label ("PENCE: …", "WALLACE: …"): each turn
      // is its own quotation, ending with its paragraph.
      out.push({ start: openAt, end: p.end, contentStart: openAt + openLength, contentEnd: p.end, paragraph: openPara, lastParagraph: pi });
    } else if (openAt >= 0 && openPara < pi) {
      // A carried quotation whose last paragraph has no closing mark: end it with the paragraph.
      out.push({ start: openAt, end: p.end, contentStart: openAt + openLength, contentEnd: p.end, paragraph: openPara, lastParagraph: pi });
    } else if (openAt >= 0) {
      // An opening mark never closed: the quotations found inside it stand on their own.
      flushInner(out, pendingInner);
    }
  }
  return withSingleMarkQuotations(text, paras, out);
}

export const LEFT_SINGLE = '\u2018'; // ‘
const RIGHT_SINGLE = '\u2019'; // ’, also the apostrophe

/**
 * The quotations `out` and those set in single curly marks (`Trump: ‘I’m the Worst Thing …’`) in paragraphs with no
 * quotation in double marks, sorted by start. Headlines set their quotations so (95 of PolNeAR's 924 first lines have
 * a `‘`), and so does British style in the text. Where double marks quote, single ones are inner quotations and stay
 * in the text. The right mark is also the apostrophe: one between two letters (`Trump’s`) is never a closing
 * mark, and one after an `s` or an `in` (`voters’`, `Lyin’`) closes only when no other closing mark follows before
 * the next opening one (`‘The voters’ concerns are real’`, `‘Lyin’ Ted’`, `‘Nasty Politics’`).
 */
function withSingleMarkQuotations(text: string, paras: readonly Paragraph[], out: RawQuote[]): RawQuote[] {
  let open = text.indexOf(LEFT_SINGLE);
  if (open < 0) return out;
  const quoted = new Uint8Array(paras.length);
  for (const q of out) for (let p = q.paragraph; p <= q.lastParagraph && p < paras.length; p++) quoted[p] = 1;
  const found: RawQuote[] = [];
  // Both marks are looked for forwards only, each from where the last search stopped: one pass over the text
  // however many paragraphs and marks it has.
  const rights = new ForwardSearch(text, RIGHT_SINGLE);
  let pi = 0;
  while (open >= 0) {
    while (pi < paras.length && paras[pi].end <= open) pi++;
    if (pi >= paras.length) break;
    const p = paras[pi];
    if (open < p.start || quoted[pi]) {
      open = text.indexOf(LEFT_SINGLE, Math.max(open + 1, quoted[pi] ? p.end : p.start));
      continue;
    }
    const next = text.indexOf(LEFT_SINGLE, open + 1);
    const bound = next < 0 || next > p.end ? p.end : next;
    const prev = open > p.start ? text.charCodeAt(open - 1) : -1;
    if (opensAfter(prev) && open + 1 < bound && !isSpaceChar(text.charCodeAt(open + 1)) && !ELISION.test(text.slice(open + 1, open + 7))) {
      const close = singleClosingMark(text, rights, open + 1, bound, p.end);
      if (close >= 0 && wordCharacters(text, open + 1, close) >= 2) {
        found.push({ start: open, end: close + 1, contentStart: open + 1, contentEnd: close, paragraph: pi, lastParagraph: pi });
      }
    }
    open = next;
  }
  if (found.length === 0) return out;
  return [...out, ...found].sort((a, b) => a.start - b.start);
}

/** What follows a `‘` typed for an apostrophe (`‘90s`, `Let ‘em go`, `rock ‘n’ roll`, `‘til`, `‘cause`): no quotation opens. */
const ELISION = /^(?:\d\ds\b|em\b|til\b|tis\b|twas\b|cause\b|n[’'])/i;

/** The occurrences of one character at or after increasing positions, each found once. */
class ForwardSearch {
  /** The last occurrence found; -1 when there is none further on, -2 before the first search. */
  private at = -2;
  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** The first occurrence at or after `from` (never less than a position asked before), or -1. */
  from(from: number): number {
    if (this.at === -1 || (this.at >= 0 && this.at >= from)) return this.at;
    this.at = this.text.indexOf(this.char, from);
    return this.at;
  }
}

/**
 * The right single mark in `[from, bound)` that closes a quotation opened before `from` (see above), or -1: the first
 * that no letter follows, but one that may end a word (after `s`, after `in`) only when no other does (and then the
 * first: `‘fake news’, citing the networks’ ratings`).
 */
function singleClosingMark(text: string, rights: ForwardSearch, from: number, bound: number, paragraphEnd: number): number {
  let afterS = -1;
  for (let i = rights.from(from); i >= 0 && i < bound; i = rights.from(i + 1)) {
    const before = text.charCodeAt(i - 1);
    const after = i + 1 < paragraphEnd ? text.charCodeAt(i + 1) : -1;
    if (isSpaceChar(before) || (after >= 0 && isWordChar(after)) || !closesBefore(after)) continue;
    // An apostrophe may end a word: a plural's possessive (`voters’`), a dropped `g` (`‘Lyin’ Ted’`).
    const mayEndWord = before === 0x73 /* s */ || (before === 0x6e /* n */ && text.charCodeAt(i - 2) === 0x69 /* i */);
    if (!mayEndWord) return i;
    if (afterS < 0) afterS = i;
  }
  return afterS;
}

/** How many letters and digits `[from, to)` holds (`‘n’` of `rock ‘n’ roll` is no quotation). */
function wordCharacters(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to && n < 2; i++) if (isWordChar(text.charCodeAt(i))) n++;
  return n;
}

/** True when the paragraph opens with a quotation mark and a transcript speaker label (`"PENCE: Well, …`). */
export function startsWithSpeakerLabel(text: string, p: Paragraph): boolean {
  return /^\s*(?:["“„«]|''|``)\s*[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}:\s/.test(text.slice(p.start, Math.min(p.end, p.start + 48)));
}

/**
 * 0 for straight marks, 1 for typographic ones, 2 for the doubled `''` and ` `` `: a quotation of one family nests
 * inside an open quotation of another (`“He told me ''no'' twice,”`, `''He said "no" to me''`).
 */
export function markFamily(c: number): number {
  return c === STRAIGHT || c === 0x201f ? 0 : c === APOSTROPHE || c === BACKQUOTE ? 2 : 1;
}

/** An assignment or an opening bracket before a doubled mark (`x = ''`, `f('')`): code, where `''` is an empty string. */
const EMPTY_STRING_BEFORE = /[=(\[{]\s*$/;

/** A figure and a prime before `''`: minutes or feet (`46'`, `6'`, `6' `) and its seconds or inches. */
const UNIT_BEFORE = /\d['′]\s?\d{1,2}$/;

export function flushInner(out: RawQuote[], inner: RawQuote[]): void {
  for (const q of inner) out.push(q);
  inner.length = 0;
}
