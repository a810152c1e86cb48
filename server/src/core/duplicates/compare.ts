/**
 * Whether a paragraph is a damaged or updated copy of another, and what differs. The two token lists
 * (`signature.ts`) are aligned with jsdiff's `diffArrays` (Myers' O(ND) diff); each stretch where
 * they differ is then explained, or the pair is not a repeat:
 *
 * - letters: a word with a dropped, doubled or swapped letter, a lost or added space, an OCR
 *   confusion (`rn`/`m`, `l`/`1`, `O`/`0`), within a small edit distance (fastest-levenshtein, a
 *   bit-parallel Myers implementation) — a negation gained or lost (`won` → `won't`) is a change;
 * - figures: digits for digits (`60,000` → `70,000`), an update the user should see;
 * - a dateline present in one copy only (at the start);
 * - a copy cut short (at the end, mid-sentence or marked with an ellipsis);
 * - a whole line inserted (page furniture that got into the copy).
 *
 * Anything else (another word, another sentence) means two different paragraphs, however much they
 * share. Encoding damage (entities, mojibake) was repaired before the tokens were made, so it shows as
 * no token difference at all, and is named from the repair.
 */
import { diffArrays } from 'diff';
import { distance } from 'fastest-levenshtein';
import { splitSentences, tokenize } from '../tokenize';
import { datelineLength } from './dateline';
import type { KnownWords } from './knownWords';
import type { ParagraphTokens } from './signature';

/** What kind of difference a near repeat has. */
export type DifferenceKind = 'letters' | 'words' | 'encoding' | 'figures' | 'dateline' | 'cut-short' | 'inserted-line'
  /** Symbols only (emoji, arrows) between paragraphs of the same letters and digits: `symbols.ts`. */
  | 'symbols';

/** One difference between a near repeat and the paragraph it repeats, as the two texts show it. */
export interface Difference {
  readonly kind: DifferenceKind;
  /** The words in the paragraph kept (empty when the copy added something). */
  readonly original: string;
  /** The words in the copy (empty when the copy lacks something). */
  readonly copy: string;
}

/** Two paragraphs found to be copies of one another. */
export interface NearMatch {
  /**
   * Which of the two is the copy to remove: the later one, unless the earlier one is the later one
   * cut short (removing the complete copy would lose its end).
   */
  readonly copy: 'earlier' | 'later';
  /** The differences, in text order (none are lost; the diagnostic names the first few). */
  readonly differences: readonly Difference[];
}

/** The smallest number of tokens both copies must share, and the share of the shorter. */
const MIN_COMMON_TOKENS = 6;
const MIN_COMMON_SHARE = 0.6;
/** A cut-short copy keeps at least this many tokens and this share of the complete one. */
const MIN_CUT_TOKENS = 6;
const MIN_CUT_SHARE = 0.25;
/** At most one damaged stretch per this many tokens (and two in any paragraph). */
const TOKENS_PER_DAMAGE = 10;
/** An inserted line holds at most this many tokens. */
const MAX_INSERTED_LINE_TOKENS = 15;
/** Words whose presence in one copy only changes the meaning, however small the edit. */
const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 't']);

interface Hunk {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/**
 * Compares an earlier paragraph with a later one: a match when one is a copy of the other. A word the
 * copy turned into another of the known `words` is a `words` difference (an edit), not damage.
 */
export function compareParagraphs(earlier: ParagraphTokens, later: ParagraphTokens, words: KnownWords): NearMatch | undefined {
  return new Judge(earlier, later, words).run();
}

/**
 * Compares a paragraph with a copy split in two by an inserted line (`first`, a line, `second`): the
 * two parts read as one must be a copy of `original` that is not cut short.
 */
export function compareSplitCopy(original: ParagraphTokens, first: ParagraphTokens, line: string, second: ParagraphTokens, words: KnownWords): NearMatch | undefined {
  const match = compareParagraphs(original, joinTokens(first, second), words);
  if (!match || match.differences.some((d) => d.kind === 'cut-short')) return undefined;
  const named = match.differences.filter((d) => d.original || d.copy);
  return { copy: 'later', differences: [...named, { kind: 'inserted-line', original: '', copy: line.trim() }] };
}

/** Two token lists read as one, the second's offsets moved past the first's text and a line break. */
function joinTokens(first: ParagraphTokens, second: ParagraphTokens): ParagraphTokens {
  const shift = first.text.length + 1;
  const concat = (x: Int32Array, y: Int32Array, delta = 0) => {
    const out = new Int32Array(x.length + y.length);
    out.set(x);
    for (let i = 0; i < y.length; i++) out[x.length + i] = y[i] + delta;
    return out;
  };
  return {
    text: `${first.text}\n${second.text}`,
    repair: first.repair ?? second.repair,
    hashes: concat(first.hashes, second.hashes),
    masked: concat(first.masked, second.masked),
    starts: concat(first.starts, second.starts, shift),
    ends: concat(first.ends, second.ends, shift),
    fingerprints: new Int32Array(0),
  };
}

/** One comparison: aligns the tokens, then explains each differing stretch or gives up. */
class Judge {
  private readonly differences: Difference[] = [];
  private copy: 'earlier' | 'later' = 'later';
  private damaged = 0;
  private damagedTokens = 0;

  constructor(
    private readonly a: ParagraphTokens,
    private readonly b: ParagraphTokens,
    private readonly words: KnownWords,
  ) {}

  run(): NearMatch | undefined {
    const { a, b } = this;
    const na = a.hashes.length;
    const nb = b.hashes.length;
    // Cheap tests first. Copies much shorter than the other can only be cut short, so they start alike.
    if (Math.abs(na - nb) > lengthAllowance(Math.min(na, nb)) && !startsAlike(a.hashes, b.hashes)) return undefined;
    // The tokens in common, order aside, must already be most of the shorter copy.
    if (sharedTokens(a.hashes, b.hashes) < MIN_COMMON_SHARE * Math.min(na, nb)) return undefined;
    const aligned = align(a, b);
    if (!aligned) return undefined;
    const { hunks, common } = aligned;
    if (common < MIN_COMMON_TOKENS) return undefined;
    for (const hunk of hunks) {
      const leading = hunk.aStart === 0 && hunk.bStart === 0;
      const trailing = hunk.aEnd === na && hunk.bEnd === nb;
      if (leading && !trailing && this.dateline(hunk)) continue;
      if (this.figures(hunk) || this.letters(hunk)) continue;
      if (trailing && !leading && this.cutShort(hunk)) continue;
      if (this.insertedLine(hunk)) continue;
      return undefined;
    }
    // What both copies share must be most of the shorter one (a cut-short copy is all shared).
    const compared = Math.min(na, nb);
    if (common < MIN_COMMON_SHARE * compared) return undefined;
    if (this.damaged > Math.max(2, Math.floor(compared / TOKENS_PER_DAMAGE)) || this.damagedTokens > 0.25 * compared) return undefined;
    if (this.differences.length === 0) {
      // Same tokens, other figures: a sign or a mark the tokens drop (`-20` and `20`) changes a figure.
      const figure = differingFigure(a.text, b.text);
      if (figure) return { copy: this.copy, differences: [{ kind: 'figures', original: figure[0], copy: figure[1] }] };
      // Same tokens: the encoding differed (repaired entities or mojibake), or only what the tokens drop.
      const repair = b.repair ?? a.repair;
      this.differences.push(repair ? (b.repair ? { kind: 'encoding', original: repair.repaired, copy: repair.damaged } : { kind: 'encoding', original: repair.damaged, copy: repair.repaired }) : { kind: 'letters', original: '', copy: '' });
    }
    return { copy: this.copy, differences: this.differences };
  }

  private token(side: ParagraphTokens, i: number): string {
    return side.text.slice(side.starts[i], side.ends[i]).toLowerCase();
  }

  private tokens(side: ParagraphTokens, from: number, to: number): string[] {
    const out: string[] = [];
    for (let i = from; i < to; i++) out.push(this.token(side, i));
    return out;
  }

  /** The text of tokens `[from, to)` as written (empty for none). */
  private dateline(h: Hunk): boolean {
    const covered = (side: ParagraphTokens, end: number) => {
      if (end === 0) return 0;
      const length = datelineLength(side.text);
      // The stretch is exactly the dateline's words: they end inside it and the next word starts after it.
      return length > 0 && side.ends[end - 1] <= length && (end >= side.hashes.length || side.starts[end] >= length) ? length : -1;
    };
    const inA = covered(this.a, h.aEnd);
    const inB = covered(this.b, h.bEnd);
    if (inA < 0 || inB < 0 || inA + inB === 0) return false;
    this.differences.push({ kind: 'dateline', original: this.a.text.slice(0, inA).trim(), copy: this.b.text.slice(0, inB).trim() });
    return true;
  }

  /**
   * Numbers for numbers (`60,000` → `70,000`, `1980s` → `1990s`, `99th` → `118th`), a number added or
   * dropped, or a word that differs in its digits only (`@IslamicState100`).
   */
  private figures(h: Hunk): boolean {
    const x = this.tokens(this.a, h.aStart, h.aEnd);
    const y = this.tokens(this.b, h.bStart, h.bEnd);
    const numeric = (t: string) => /^\d+(?:st|nd|rd|th|s)?$/.test(t);
    const digitsOnly = x.length === 1 && y.length === 1 && /\d/.test(x[0]) && /\d/.test(y[0]) && x[0].replace(/\d+/g, '#') === y[0].replace(/\d+/g, '#');
    // A number added or dropped counts only inside the paragraph: at its edges it is a list number or a stray figure.
    const edge = h.aStart === 0 || h.aEnd === this.a.hashes.length;
    if (!digitsOnly && ((x.length === 0 || y.length === 0) && edge)) return false;
    if (!digitsOnly && (x.length + y.length === 0 || !x.every(numeric) || !y.every(numeric))) return false;
    this.differences.push({ kind: 'figures', original: numberAround(this.a, h.aStart, h.aEnd), copy: numberAround(this.b, h.bStart, h.bEnd) });
    return true;
  }

  private letters(h: Hunk): boolean {
    const x = this.tokens(this.a, h.aStart, h.aEnd);
    const y = this.tokens(this.b, h.bStart, h.bEnd);
    const xs = x.join('');
    const ys = y.join('');
    if (!isDamage(x, y, xs, ys)) return false;
    this.damaged++;
    this.damagedTokens += Math.max(x.length, y.length);
    // Within the edit distance of damage, but a word on both sides: edited (`million` → `billion`).
    const edited = x.length === 1 && y.length === 1 && x[0] !== y[0] && this.words.has(x[0]) && this.words.has(y[0]);
    this.differences.push({ kind: edited ? 'words' : 'letters', original: wordsAround(this.a, h.aStart, h.aEnd), copy: wordsAround(this.b, h.bStart, h.bEnd) });
    return true;
  }

  /**
   * The trailing stretch is the rest of one copy, which the other lacks: that one is cut short,
   * mid-sentence (possibly mid-word) or where an ellipsis marks the cut. A copy that ends where a
   * sentence of the other ends only shares its first sentences with it: not a repeat.
   */
  private cutShort(h: Hunk): boolean {
    const aRest = h.aEnd - h.aStart;
    const bRest = h.bEnd - h.bStart;
    const [cut, complete, cutFrom, completeFrom, cutRest, completeRest] = bRest < aRest ? [this.b, this.a, h.bStart, h.aStart, bRest, aRest] : [this.a, this.b, h.aStart, h.bStart, aRest, bRest];
    if (cutRest > 1 || completeRest < 1 + cutRest) return false;
    const cutLength = cut.hashes.length;
    if (cutLength < MIN_CUT_TOKENS || cutLength < MIN_CUT_SHARE * complete.hashes.length) return false;
    // A last word cut in the middle: a prefix of the complete copy's word there.
    const partial = cutRest === 1;
    if (partial && !this.token(complete, completeFrom).startsWith(this.token(cut, cutFrom))) return false;
    // An ellipsis marks a cut only where the complete copy has none.
    const mark = /^\W*?(?:…|\.\.\.)/;
    const ellipsis = mark.test(cut.text.slice(cut.ends[cutLength - 1])) && !(completeFrom > 0 && mark.test(complete.text.slice(complete.ends[completeFrom - 1])));
    if (!partial && !ellipsis) {
      // A scraper's cut adds no full stop: a copy ending a sentence where the other goes on was rewritten.
      const ending = cut.text.slice(cut.ends[cutLength - 1]).trim();
      if (/^[.!?]["”’)]*$/.test(ending) && !complete.text.startsWith(ending, complete.ends[completeFrom - 1])) return false;
      // A copy that ends where a sentence of the other ends shares its first sentences: not a copy.
      if (endsSentence(complete, completeFrom - 1)) return false;
      // A complete copy after a cut one is unusual (scrapers cut the later copy, a teaser marks its
      // cut): the earlier paragraph must show the cut, mid-word or by an ellipsis.
      if (cut === this.a) return false;
    }
    this.copy = cut === this.a ? 'earlier' : 'later';
    const end = cut.text.slice(cut.starts[Math.max(0, cutLength - 6)], cut.ends[cutLength - 1]);
    const lost = complete.text.slice(complete.starts[completeFrom], complete.ends[Math.min(complete.hashes.length, completeFrom + 6) - 1]);
    this.differences.push(cut === this.b ? { kind: 'cut-short', original: lost, copy: end } : { kind: 'cut-short', original: end, copy: lost });
    return true;
  }

  /** A whole line in one copy only (at most a few words: page furniture, a caption). */
  private insertedLine(h: Hunk): boolean {
    const aCount = h.aEnd - h.aStart;
    const bCount = h.bEnd - h.bStart;
    if ((aCount > 0) === (bCount > 0)) return false;
    const [side, from, to] = aCount > 0 ? [this.a, h.aStart, h.aEnd] : [this.b, h.bStart, h.bEnd];
    if (to - from > MAX_INSERTED_LINE_TOKENS || from === 0 || to >= side.hashes.length) return false;
    const before = side.text.slice(side.ends[from - 1], side.starts[from]);
    const after = side.text.slice(side.ends[to - 1], side.starts[to]);
    if (!/[\r\n]/.test(before) || !/[\r\n]/.test(after)) return false;
    const lineStart = side.ends[from - 1] + Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
    const afterBreak = after.search(/[\r\n]/);
    const line = side.text.slice(lineStart, side.ends[to - 1] + afterBreak).trim();
    this.differences.push(side === this.b ? { kind: 'inserted-line', original: '', copy: line } : { kind: 'inserted-line', original: line, copy: '' });
    return true;
  }
}

/** How many more tokens one copy may have than the other without being cut short: damage, a dateline, a line. */
function lengthAllowance(shorter: number): number {
  return Math.max(8, Math.ceil(0.25 * shorter)) + MAX_INSERTED_LINE_TOKENS;
}

/** Two of the shorter list's first three tokens are among the longer one's first dozen (a dateline may come first). */
function startsAlike(a: Int32Array, b: Int32Array): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  let found = 0;
  for (let i = 0; i < Math.min(3, shorter.length); i++) {
    for (let j = 0; j < Math.min(12, longer.length); j++) {
      if (longer[j] === shorter[i]) {
        found++;
        break;
      }
    }
  }
  return found >= Math.min(2, shorter.length);
}

/** How many tokens two lists have in common as multisets: an upper bound of what an alignment shares. */
function sharedTokens(a: Int32Array, b: Int32Array): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < a.length; i++) counts.set(a[i], (counts.get(a[i]) ?? 0) + 1);
  let shared = 0;
  for (let i = 0; i < b.length; i++) {
    const left = counts.get(b[i]);
    if (left) {
      shared++;
      counts.set(b[i], left - 1);
    }
  }
  return shared;
}

/**
 * The differing stretches of two token lists, and how many tokens they share. Numbers are aligned as
 * one word (so `40 or 50` → `50 or 97` pairs the numbers by position rather than matching the 50s);
 * a number that differs inside an aligned run is a stretch of its own.
 */
function align(a: ParagraphTokens, b: ParagraphTokens): { hunks: Hunk[]; common: number } | undefined {
  // A copy differs by its cut tail (the length difference), a few damaged words, a dateline and an
  // inserted line: past that many insertions and deletions it is not a copy, and the diff stops early.
  const maxEditLength = Math.abs(a.masked.length - b.masked.length) + lengthAllowance(Math.min(a.masked.length, b.masked.length));
  const changes = diffArrays(Array.from(a.masked), Array.from(b.masked), { maxEditLength });
  if (!changes) return undefined;
  const hunks: Hunk[] = [];
  let ai = 0;
  let bi = 0;
  let common = 0;
  let open: { aStart: number; bStart: number } | undefined;
  for (const change of changes) {
    const count = change.value.length;
    if (!change.added && !change.removed) {
      if (open) hunks.push({ aStart: open.aStart, aEnd: ai, bStart: open.bStart, bEnd: bi });
      open = undefined;
      for (let k = 0; k < count; k++) {
        if (a.hashes[ai + k] === b.hashes[bi + k]) {
          common++;
          continue;
        }
        // Numbers in the same place that differ: one stretch per run of them.
        const last = hunks[hunks.length - 1];
        if (last && last.aEnd === ai + k && last.bEnd === bi + k) hunks[hunks.length - 1] = { ...last, aEnd: ai + k + 1, bEnd: bi + k + 1 };
        else hunks.push({ aStart: ai + k, aEnd: ai + k + 1, bStart: bi + k, bEnd: bi + k + 1 });
      }
      ai += count;
      bi += count;
    } else {
      open ??= { aStart: ai, bStart: bi };
      if (change.removed) ai += count;
      else bi += count;
    }
  }
  if (open) hunks.push({ aStart: open.aStart, aEnd: ai, bStart: open.bStart, bEnd: bi });
  return { hunks, common };
}

/** Whether the tokens `x` became `y` by damage to their letters rather than by another word. */
function isDamage(x: readonly string[], y: readonly string[], xs: string, ys: string): boolean {
  if (xs === ys) return xs.length > 0; // a space lost or added: `al-Khatib.This`, `metwith`
  if (x.length + y.length > 4) return false;
  // A one-letter word or a clitic lost or added: `A developer` → `developer`, `nation’s` → `nation’`.
  if (x.length + y.length === 1 && xs.length + ys.length === 1) return !NEGATIONS.has(xs + ys);
  // A negation gained or lost is a change (`won` → `won't`); a damaged one is not (`not` → `nott`).
  if (x.length !== y.length && (x.some((t) => NEGATIONS.has(t) && !y.includes(t)) || y.some((t) => NEGATIONS.has(t) && !x.includes(t)))) return false;
  if (ocrForm(xs) === ocrForm(ys)) return true;
  const longer = Math.max(xs.length, ys.length);
  const edits = distance(xs, ys);
  // One letter dropped, added or changed (not a whole one-letter word); two letters swapped; two
  // edits in a long word.
  if (edits === 1) return longer >= 2;
  return edits === 2 && (isSwap(xs, ys) || longer >= 7);
}

/**
 * Whether a sentence ends after token `i`, as the article's sentence splitter reads it (so `Sen.` or
 * `U.S.` before a name does not end one). Only asked for a copy that looks cut short.
 */
function endsSentence(side: ParagraphTokens, i: number): boolean {
  const end = side.ends[i];
  const next = i + 1 < side.hashes.length ? side.starts[i + 1] : side.text.length;
  if (!/[.!?:;…]/.test(side.text.slice(end, next))) return false;
  const sentences = splitSentences(side.text, tokenize(side.text, { start: 0, end: side.text.length }));
  return sentences.some((s, k) => k < sentences.length - 1 && s.end >= end && s.end <= next);
}

/** OCR's usual confusions folded to one form: `rn` read for `m`, `vv` for `w`, `1` for `l`, `0` for `o`. */
function ocrForm(s: string): string {
  return s.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/1/g, 'l').replace(/0/g, 'o');
}

/** Two letters swapped next to each other. */
function isSwap(x: string, y: string): boolean {
  if (x.length !== y.length) return false;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2);
}

/** The whole words around tokens `[from, to)` as written (`Syria’s`, not the `Syria` that differs), without the punctuation after them. */
function wordsAround(side: ParagraphTokens, from: number, to: number): string {
  if (from >= to) return '';
  let start = side.starts[from];
  let end = side.ends[to - 1];
  while (start > 0 && !/\s/.test(side.text[start - 1])) start--;
  while (end < side.text.length && !/\s/.test(side.text[end])) end++;
  // The marks are stripped by loops: `/[…]+$/` tries every start in a run of marks (a copy glued to
  // 90,000 `!` took 35 s), and the message shows 40 characters of the words anyway.
  while (start < end && OPENING_MARKS.includes(side.text[start])) start++;
  while (end > start && CLOSING_MARKS.includes(side.text[end - 1])) end--;
  return side.text.slice(start, end);
}

/** Marks before and after the words of a difference, left out of the words shown. */
const OPENING_MARKS = '"“‘(';
const CLOSING_MARKS = '"”’),.;:!?';

/** A figure with its sign, currency and marks (`-20`, `$1,500`, `3.5%`); a hyphen after a word is no sign. */
const FIGURE = /(?<![\p{L}\p{N}])[-+\u2212]?[$€£¥]?\d(?:[\d.,]*\d)?%?/gu;

/** The first pair of figures that differ between two texts whose tokens are the same, if any. */
function differingFigure(a: string, b: string): [string, string] | undefined {
  const inA = a.match(FIGURE) ?? [];
  const inB = b.match(FIGURE) ?? [];
  for (let i = 0; i < Math.max(inA.length, inB.length); i++) if (inA[i] !== inB[i]) return [inA[i] ?? '', inB[i] ?? ''];
  return undefined;
}

/** The whole number around tokens `[from, to)`: `60,000` rather than the `60` that differs. */
function numberAround(side: ParagraphTokens, from: number, to: number): string {
  let start = side.starts[from];
  let end = side.ends[to - 1];
  const digit = (i: number) => /\d/.test(side.text[i] ?? '');
  const separator = (i: number) => side.text[i] === ',' || side.text[i] === '.';
  for (;;) {
    if (digit(start - 1)) start--;
    else if (separator(start - 1) && digit(start - 2)) start -= 2;
    else break;
  }
  for (;;) {
    if (digit(end)) end++;
    else if (separator(end) && digit(end + 1)) end += 2;
    else break;
  }
  return side.text.slice(start, end);
}
