/**
 * What every pass of the entity repair works on: a recogniser's mention as the tokens `[first, last)` of its sentence
 * (`Work`, found by `locate`), the resources the repair reads, and the small word tests and word sets more than one
 * pass shares (a name's key, a word capitalised by its position, what a name never holds). The passes change the
 * items in place, one after another (`index.ts`); nothing here decides anything about a name.
 */

import type { NameLexicon } from '../nameLexicon';
import { ARTICLES } from '../roles';
import { firstStartingFrom } from '../search';
import type { EntityMention, EntityType, Sentence, Token } from '../types';
import type { Vocabulary } from '../vocabulary';

/** What the repair reads besides the text: the name lexicon, the shared vocabulary, the speech verbs. */
export interface RepairResources {
  readonly nameLexicon: NameLexicon;
  readonly vocabulary: Vocabulary;
  /** The quote pass's speech verbs, and the given names of the birth registers with their gender (`Art`, `Beau`). */
  readonly quotes: { readonly speechVerbs: ReadonlySet<string>; readonly givenNameGenders: ReadonlyMap<string, 'f' | 'm'> };
}

/** Tokens after which a word is capitalised by position, as at the start of a sentence. */
const OPENERS = new Set(['“', '‘', '"', "'", "''", '``', '(', '[', '—', '–', '-', ':', '«', '…', '―']);

/** Characters never found in a person's name (`C2I`, `Moore & Van Allen`, `@HillaryClinton`). */
export const NOT_IN_A_NAME = /[\d&@#/]/;

/** The words a body's name goes on with to what it serves or deals with. */
export const LINK_WORDS: ReadonlySet<string> = new Set(['of', 'for', 'on']);

/** How many words an apposition may hold up to its head noun (`the former Ohio state senator`). */
const MAX_APPOSITION_WORDS = 5;

/** Words after which an apposition's words belong to another noun (`a city in the West Bank`, `the site of the debate`). */
const APPOSITION_STOPS: ReadonlySet<string> = new Set(['of', 'for', 'in', 'at', 'with', 'to', 'from', 'by', 'on']);

/**
 * The words of the apposition that opens at token `at` (`, a|an|the` …) that may hold its head noun: the tokens
 * `[from, to)`, at most {@link MAX_APPOSITION_WORDS}, ending before punctuation or a preposition. Undefined when no
 * apposition opens there. Read for what an article says a name is (`Teck, the Canadian mining company`; `Solomon Yue,
 * an RNC member from Oregon`).
 */
export function appositionWords(tokens: readonly Token[], at: number): { readonly from: number; readonly to: number } | undefined {
  if (tokens[at]?.text !== ',' || !ARTICLES.has(tokens[at + 1]?.text.toLowerCase() ?? '')) return undefined;
  const from = at + 2;
  let to = from;
  while (to < tokens.length && to < from + MAX_APPOSITION_WORDS && /^[\p{L}\d]/u.test(tokens[to].text) && !APPOSITION_STOPS.has(tokens[to].text)) to++;
  return { from, to };
}

/** Capitalised articles: the start of a sentence, not of a name. */
export const ARTICLE_WORDS: ReadonlySet<string> = new Set(['The', 'A', 'An']);

/** A mention being repaired: its tokens in its sentence, `[first, last)`. */
export interface Work {
  readonly sentence: number;
  first: number;
  last: number;
  type: EntityType;
  /** Dropped: not an entity after all. */
  dropped: boolean;
  readonly headline: boolean;
  readonly original: EntityMention;
  /**
   * {@link nameKey} of the tokens `[keyFirst, keyLast)`, as {@link keyOf} last made it: several passes read the keys of
   * every item, and a pass that moves `first` or `last` makes the next reading make it again. A new item has none
   * ({@link newWork}).
   */
  key: string;
  keyFirst: number;
  keyLast: number;
}

/**
 * A new item, no key made yet. Every item is made here, its fields in one order: items of one map, so
 * the passes' reads of `item.dropped`, `item.headline` … stay monomorphic. Items written as literals
 * with a spread (`...NO_KEY`) had maps of their own, and the first article that made one deoptimised
 * each pass that then met it (`--trace-deopt`: a dozen "wrong map" bailouts of the repair's passes in a
 * first run over PolNeAR train + dev, each pass compiled again).
 */
export function newWork(sentence: number, first: number, last: number, type: EntityType, headline: boolean, original: EntityMention): Work {
  return { sentence, first, last, type, dropped: false, headline, original, key: '', keyFirst: -1, keyLast: -1 };
}

/** The `original` of an item the repair made (no recogniser's mention to keep). */
export function noOriginal(type: EntityType): EntityMention {
  return { start: -1, end: -1, type, text: '' };
}

/** {@link nameKey} of an item's tokens as they are now, made once per extent (see {@link Work.key}). */
export function keyOf(sentences: readonly Sentence[], item: Work): string {
  if (item.keyFirst !== item.first || item.keyLast !== item.last) {
    item.key = nameKey(sentences[item.sentence].tokens, item.first, item.last);
    item.keyFirst = item.first;
    item.keyLast = item.last;
  }
  return item.key;
}

/** The words of a mention, lower case, one space between them: `Department Of Homeland Security` is `department of homeland security`. */
export function nameKey(tokens: readonly Token[], first: number, last: number): string {
  let key = tokens[first].text.toLowerCase();
  for (let i = first + 1; i < last; i++) key += ' ' + tokens[i].text.toLowerCase();
  return key;
}

/** Finds each mention's tokens; mentions that do not fall on token boundaries are kept as they are (figures, labels). */
export function locate(sentences: readonly Sentence[], mentions: readonly EntityMention[], headline: Uint8Array): Work[] {
  const work: Work[] = [];
  let s = 0;
  for (const mention of mentions) {
    while (s < sentences.length && sentences[s].end <= mention.start) s++;
    if (s >= sentences.length) break;
    const tokens = sentences[s].tokens;
    const first = firstStartingFrom(tokens, mention.start);
    let last = first;
    while (last < tokens.length && tokens[last].end <= mention.end) last++;
    if (first >= last || tokens[first].start !== mention.start || tokens[last - 1].end !== mention.end) continue;
    work.push(newWork(s, first, last, mention.type, headline[s] === 1, mention));
  }
  return work;
}

/**
 * The words of the people the article names with two words or more, as written (`Donald`, `Trump`): a one-word name
 * among them is a person's, whatever a pass would otherwise make of it (`Peabody` beside `Peabody Energy` is no person's
 * word; `Trump` beside `Donald Trump` is).
 */
export function wordsOfPeopleNamedInFull(sentences: readonly Sentence[], work: readonly Work[]): Set<string> {
  const words = new Set<string>();
  for (const item of work) {
    if (item.dropped || item.type !== 'person' || item.last - item.first < 2) continue;
    const tokens = sentences[item.sentence].tokens;
    for (let i = item.first; i < item.last; i++) words.add(tokens[i].text);
  }
  return words;
}

/** Whether token `i` stands where a word is capitalised by its position: first in its sentence, or after an opener ({@link OPENERS}). */
export function isInitial(tokens: readonly Token[], i: number): boolean {
  return i === 0 || OPENERS.has(tokens[i - 1].text);
}

/**
 * Nouns of natural features, which a name before them in lower case names (`the Amazon rainforest`, `the Hudson river`,
 * `the Congo basin`). Not a built place's (`the Amazon building`, `the Trump tower`): a body's name before those is the
 * body's, the owner of the building.
 */
const NATURAL_FEATURES: ReadonlySet<string> = new Set([
  'river', 'rainforest', 'forest', 'jungle', 'basin', 'delta', 'lake', 'sea', 'ocean', 'bay', 'gulf', 'coast', 'desert',
  'valley', 'canyon', 'mountain', 'mountains', 'peninsula', 'island', 'islands', 'falls', 'hills', 'atoll', 'glacier',
]);

/**
 * True when the word after a name is a natural feature's noun in lower case (`the Amazon rainforest`): there the name
 * is the place's, whatever body the article also calls by it (`the retailer Amazon`): no description of the body
 * retypes it, nor the vote of its other mentions (`oneTypePerName.ts`).
 */
export function namesPlaceFeature(tokens: readonly Token[], after: number): boolean {
  const next = tokens[after]?.text;
  return next !== undefined && NATURAL_FEATURES.has(next);
}
