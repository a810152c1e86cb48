/**
 * The injection benchmark's generator (`npm run bench:duplicates`): real articles with damaged copies
 * of their own paragraphs put in (what a scraper does) and hard negatives (different paragraphs that
 * look alike), deterministic for a seed. Shared by the benchmark and a core test on the seeds.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { paragraphKey } from '../server/src/core/duplicates';
import { splitParagraphs } from '../server/src/core/paragraphs';
import { overlaps } from '../server/src/core/search';
import { splitSentences, tokenize } from '../server/src/core/tokenize';

/** Damage done to a copy that detection must still see through. */
export const DAMAGE_KINDS = [
  'normalised',
  'dropped-letter',
  'doubled-letter',
  'swapped-letters',
  'ocr',
  'mojibake',
  'html-entities',
  'cut-short',
  'furniture-line',
  'dateline',
  'figures-only',
] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

/** Paragraphs that look like a copy but are not one: detection must flag none of them. */
export const NEGATIVE_KINDS = ['shared-sentence', 'first-sentences', 'figures-and-words', 'word-changed'] as const;
export type NegativeKind = (typeof NEGATIVE_KINDS)[number];

/** One paragraph put into an article, and where. */
export interface Injected {
  readonly kind: DamageKind | NegativeKind;
  readonly positive: boolean;
  /** Offset range of the source paragraph in the final text. */
  readonly source: { start: number; end: number };
  /** Offset range of the inserted paragraph (all its lines) in the final text. */
  readonly inserted: { start: number; end: number };
}

export interface InjectedArticle {
  readonly text: string;
  readonly injected: readonly Injected[];
}

/** Numbers in [0, 1) from a seeded generator (pure-rand's xoroshiro128+): the same figures every run. */
export function randomGenerator(seed: number): () => number {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Lines of page furniture as the corpora have them, put into the middle of a copy. */
const FURNITURE_LINES = ['Advertisement', 'Check Also', 'Share this:', 'Getty.', 'Post a Comment', 'Watch the video above.', 'Follow Pam Key on Twitter @pamkeyNEN.', 'Related:', 'English Bulletin'];
const DATELINES = ['WASHINGTON (AP) — ', 'MOSCOW — ', 'NEW YORK, Dec. 11 (UPI) — ', 'Moscow, SANA- ', 'NASHUA, N.H. - '];
const ENTITIES: Record<string, string[]> = {
  '&': ['&amp;'],
  '’': ['&#8217;', '&rsquo;'],
  '‘': ['&#8216;', '&lsquo;'],
  '“': ['&ldquo;', '&#8220;'],
  '”': ['&rdquo;', '&#8221;'],
  '"': ['&quot;', '&#34;'],
  "'": ['&#39;', '&apos;'],
  '—': ['&mdash;', '&#8212;'],
  '–': ['&ndash;'],
  é: ['&eacute;'],
};

const CP1252 = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** UTF-8 bytes read back as Windows-1252, as a misconfigured scraper does. */
function mojibake(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) out += byte >= 0x80 && byte <= 0x9f ? CP1252[byte - 0x80] : String.fromCharCode(byte);
  return out;
}

/** Offsets of letters inside words of the text (any word: short words are damaged as often as long ones). */
function letterPositions(text: string): number[] {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) if (/\p{L}/u.test(text[i])) positions.push(i);
  return positions;
}

/** Sentences of a paragraph, as the project's sentence splitter reads them. */
function sentencesOf(text: string): string[] {
  return splitSentences(text, tokenize(text, { start: 0, end: text.length })).map((s) => text.slice(s.start, s.end));
}

/** True when a sentence of `text` ends at `offset`. */
function sentenceEndsAt(text: string, offset: number): boolean {
  return splitSentences(text, tokenize(text, { start: 0, end: text.length })).some((s) => s.end === offset);
}

const WORD = /\p{L}{4,}/gu;

/** The damaged copy of `text`, or undefined when this text cannot take that damage. */
export function damage(kind: DamageKind, text: string, random: Random): string | undefined {
  switch (kind) {
    case 'normalised':
      return pick(random, [text.toUpperCase(), text.replace(/ /g, '  '), text.replace(/[,;]/g, ''), text.replace(/\. /, '.')]);
    case 'dropped-letter': {
      const at = pick(random, letterPositions(text));
      return text.slice(0, at) + text.slice(at + 1);
    }
    case 'doubled-letter': {
      const at = pick(random, letterPositions(text));
      return text.slice(0, at + 1) + text.slice(at);
    }
    case 'swapped-letters': {
      const positions = letterPositions(text).filter((i) => /\p{L}/u.test(text[i + 1] ?? '') && text[i] !== text[i + 1]);
      if (positions.length === 0) return undefined;
      const at = pick(random, positions);
      return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
    }
    case 'ocr': {
      const confusions: [string, string][] = [['m', 'rn'], ['l', '1'], ['O', '0'], ['w', 'vv']];
      const usable = confusions.filter(([from]) => text.includes(from));
      if (usable.length === 0) return undefined;
      const [from, to] = pick(random, usable);
      const hits = [...text].map((c, i) => (c === from ? i : -1)).filter((i) => i >= 0);
      const at = pick(random, hits);
      return text.slice(0, at) + to + text.slice(at + 1);
    }
    case 'mojibake':
      return /[^\x00-\x7f]/.test(text) ? mojibake(text) : undefined;
    case 'html-entities': {
      const encodable = [...text].some((c) => ENTITIES[c]);
      if (!encodable) return undefined;
      return [...text].map((c) => (ENTITIES[c] ? pick(random, ENTITIES[c]) : c)).join('');
    }
    case 'cut-short': {
      const at = Math.floor(text.length * (0.4 + 0.5 * random()));
      let cut = at;
      if (random() < 0.7) {
        // At a word boundary, usually; sometimes in the middle of a word.
        while (cut > 0 && text[cut - 1] !== ' ') cut--;
      }
      const kept = text.slice(0, cut).trimEnd();
      // A cut right after a sentence reads as the paragraph's first sentences: that is the hard
      // negative `first-sentences`, not a copy (no detector can call the same text both).
      if (sentenceEndsAt(text, kept.length)) return undefined;
      return random() < 0.5 ? `${kept} …` : kept;
    }
    case 'furniture-line': {
      let at = Math.floor(text.length * (0.35 + 0.3 * random()));
      while (at > 0 && text[at - 1] !== ' ') at--;
      if (at === 0) return undefined;
      return `${text.slice(0, at).trimEnd()}\n${pick(random, FURNITURE_LINES)}\n${text.slice(at)}`;
    }
    case 'dateline': {
      const existing = /^\p{Lu}[\p{Lu}.,' ]+(?:\([^)]{1,12}\))?\s*[—–-]\s+/u.exec(text);
      return existing ? text.slice(existing[0].length) : `${pick(random, DATELINES)}${text}`;
    }
    case 'figures-only':
      return changeFigures(text, random);
    default:
      return undefined;
  }
}

/** Every number changed to another (a paragraph updated as the story moved on), or undefined without numbers. */
function changeFigures(text: string, random: Random): string | undefined {
  if (!/\d/.test(text)) return undefined;
  return text.replace(/\d+/g, (digits) => {
    let changed = digits;
    while (changed === digits) changed = String(Math.max(1, Math.round(Number(digits) * (1.1 + random())))).padStart(digits.length, '0');
    return changed;
  });
}

/** A paragraph that looks like a copy of `text` but is not one, or undefined when `text` does not lend itself. */
export function lookalike(kind: NegativeKind, text: string, random: Random, other: string): string | undefined {
  const sentences = sentencesOf(text);
  switch (kind) {
    case 'shared-sentence': {
      // One sentence of this paragraph, then sentences of another one.
      const otherSentences = sentencesOf(other);
      if (sentences.length < 2 || otherSentences.length < 1) return undefined;
      const kept = pick(random, sentences);
      return random() < 0.5 ? `${kept} ${otherSentences.join(' ')}` : `${otherSentences.join(' ')} ${kept}`;
    }
    case 'first-sentences':
      // The paragraph's first sentences alone: shares them, says less.
      return sentences.length >= 2 ? text.slice(0, text.indexOf(sentences[Math.max(0, Math.floor(sentences.length / 2) - 1)]) + sentences[Math.max(0, Math.floor(sentences.length / 2) - 1)].length) : undefined;
    case 'figures-and-words': {
      const updated = changeFigures(text, random);
      return updated === undefined ? undefined : replaceWord(updated, random, other);
    }
    case 'word-changed':
      return replaceWord(text, random, other);
    default:
      return undefined;
  }
}

/** One word of four letters or more replaced by a different word of `other` (not a near spelling). */
function replaceWord(text: string, random: Random, other: string): string | undefined {
  const words = [...text.matchAll(WORD)];
  const replacements = [...new Set(other.match(WORD) ?? [])];
  if (words.length === 0 || replacements.length === 0) return undefined;
  const target = pick(random, words);
  const choices = replacements.filter((w) => w.toLowerCase() !== target[0].toLowerCase() && editDistance(w.toLowerCase(), target[0].toLowerCase()) >= 3);
  if (choices.length === 0) return undefined;
  return text.slice(0, target.index) + pick(random, choices) + text.slice(target.index + target[0].length);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length];
}

/** Paragraphs long enough to be copied: a dozen words or more. */
function sourceParagraphs(text: string): { start: number; end: number; text: string }[] {
  return splitParagraphs(text).filter((p) => (p.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 12 && !/[\r\n]/.test(p.text));
}

/**
 * An article with `positives` damaged copies and `negatives` lookalikes put in, each after its source
 * at a random paragraph boundary. `kinds` are tried in turn from `offset` (so a corpus covers every kind
 * evenly); a kind the article cannot take (no numbers for figures) moves on to the next. `others` gives
 * text from other articles for the lookalikes. `linePerParagraph` drops the blank lines first.
 */
export function injectInto(
  original: string,
  random: Random,
  options: { positives: number; negatives: number; offset: number; linePerParagraph: boolean; other: string },
): InjectedArticle {
  let text = options.linePerParagraph ? original.replace(/(\r?\n)[ \t]*(?:\r?\n[ \t]*)+/g, '$1') : original;
  const separator = options.linePerParagraph ? '\n' : '\n\n';
  const plans: { kind: DamageKind | NegativeKind; positive: boolean }[] = [];
  for (let i = 0; i < options.positives; i++) plans.push({ kind: DAMAGE_KINDS[(options.offset + i) % DAMAGE_KINDS.length], positive: true });
  for (let i = 0; i < options.negatives; i++) plans.push({ kind: NEGATIVE_KINDS[(options.offset + i) % NEGATIVE_KINDS.length], positive: false });
  const injected: Injected[] = [];
  const used = new Set<string>();
  const otherSources = sourceParagraphs(options.other).map((p) => p.text);
  for (const plan of plans) {
    // Sources: long paragraphs not injected and not copied yet, tried in random order until one can
    // take this kind (figures need numbers, mojibake non-ASCII characters); else the family's next kind.
    const sources = sourceParagraphs(text).filter((p) => !used.has(p.text) && !injected.some((x) => overlaps(p, x.inserted)));
    const family: readonly string[] = plan.positive ? DAMAGE_KINDS : NEGATIVE_KINDS;
    const keys = new Set(splitParagraphs(text).map((p) => paragraphKey(p.text)));
    let made: string | undefined;
    let kind = plan.kind;
    let source: (typeof sources)[number] | undefined;
    for (let step = 0; made === undefined && step < family.length; step++) {
      kind = family[(family.indexOf(plan.kind) + step) % family.length] as DamageKind | NegativeKind;
      for (let attempt = 0; attempt < 12 && made === undefined && sources.length > 0; attempt++) {
        source = pick(random, sources);
        const other = otherSources.length > 0 ? pick(random, otherSources) : '';
        made = plan.positive ? damage(kind as DamageKind, source.text, random) : lookalike(kind as NegativeKind, source.text, random, other);
        // A lookalike that happens to repeat a paragraph of the article is no lookalike.
        if (made !== undefined && (made === source.text || (!plan.positive && keys.has(paragraphKey(made))))) made = undefined;
      }
    }
    if (made === undefined || !source) continue;
    // After the source, at a paragraph boundary.
    // Where a blank line follows (in blank-line articles), so the copy is a block of its own.
    const blockEnd = (end: number) => options.linePerParagraph || end === text.length || /^[ \t]*\r?\n[ \t]*\r?\n/.test(text.slice(end, end + 8));
    const after = splitParagraphs(text).filter((p) => p.start >= source.end && blockEnd(p.end) && !injected.some((x) => overlaps(p, x.inserted)));
    const anchor = after.length > 0 && random() < 0.7 ? pick(random, after) : undefined;
    if (!anchor && !blockEnd(source.end)) continue;
    const at = anchor ? anchor.end : source.end;
    const piece = `${separator}${made}`;
    // Offsets of earlier injections after the insertion point move by the inserted length.
    for (let k = 0; k < injected.length; k++) injected[k] = shift(injected[k], at, piece.length);
    text = text.slice(0, at) + piece + text.slice(at);
    injected.push({ kind, positive: plan.positive, source: { start: source.start, end: source.end }, inserted: { start: at + separator.length, end: at + piece.length } });
    used.add(source.text);
    used.add(made);
  }
  return { text, injected };
}

function shift(item: Injected, at: number, by: number): Injected {
  const move = (r: { start: number; end: number }) => (r.start >= at ? { start: r.start + by, end: r.end + by } : r);
  return { ...item, source: move(item.source), inserted: move(item.inserted) };
}
