/**
 * The token-level view of a document that every attribution step reads (`Doc`): tokens, their lower-case
 * forms, paragraph of each token, which tokens lie inside quotations, credible person mentions, gender and
 * titles seen per surname; and the small predicates over single tokens (capitalised, punctuation, sentence
 * end, speech verb, verb-like). Built once per `findQuotes` call.
 */
import { withoutFormatCharacters } from '../formatCharacters';
import type { NominalResolver } from '../nominals';
import { LOWER_RANK_WORDS } from '../roles';
import { lowerBound } from '../search';
import { isDotInsideInitialism } from '../tokenize';
import { WordScreen } from '../wordScreen';
import type { QuoteLexicon } from './lexicon';
import type { Gender, Vocabulary } from '../vocabulary';
import { type RawQuote, isQuoteMark, isWordChar } from './marks';
import { DETERMINERS, IRREGULAR_PAST, NOUN_VERBS, NP_STOP, QUANTIFIERS, SUBJECT_PRONOUNS, VERB_PREFIX } from './words';
import type { EntityMention, Paragraph, Sentence, TextSlice, Token } from '../types';

/** Token-level view of the document shared by the attribution rules. */
export interface Doc {
  text: string;
  tokens: Token[];
  lower: string[];
  /** Paragraph index of each token. */
  para: Int32Array;
  /** Sentence index of each token. */
  sent: Int32Array;
  /** 1 when the token lies inside a quotation (including its marks). */
  inQuote: Uint8Array;
  /** For a token inside a quotation, the index of the quotation's opening mark. */
  quoteOpen: Int32Array;
  /** Person mentions, sorted. */
  persons: EntityMention[];
  /** Titles given to each surname anywhere in the document (`Cruz` → {senator}). */
  titles: Map<string, Set<string>>;
  /** Gender of person mentions by their last word, from first names seen in the document (`x` = conflicting). */
  surnameGender: Map<string, 'f' | 'm' | 'x'>;
  /** Gender of person names (as written, without `'s`) that a gendered noun stands before (`widow Terry Strada`; `x` = conflicting). */
  namedGender: Map<string, 'f' | 'm' | 'x'>;
  entities: readonly EntityMention[];
  /** The speech verbs (`lex.speechVerbs`), at hand for the hot paths. */
  verbs: ReadonlySet<string>;
  /** The word lists of the pass. */
  lex: QuoteLexicon;
  /** Who a role description stands for (surname keys, roles from `titles`), built when first needed (`coreference.ts`). */
  nominals?: NominalResolver<string>;
  /** Ends of the person mentions of each surname, built when first needed (`antecedents.ts`). */
  surnameMentions?: Map<string, number[]>;
  /** Grammatical role of person and organisation mentions by start, built when first needed (`antecedents.ts`). */
  mentionRoles?: Map<number, string>;
  /** Subject ranks of mentions by first token, filled as they are asked for (`coreference.ts`); 0 = not yet. */
  subjectRanks: Int32Array;
  /** Per token, whether it is a cue (`isCue`): 0 = not yet read, 1 = no, 2 = yes. */
  cueFlags: Uint8Array;
  /** Per token, the kind of phrase its word heads (`candidates.ts`), filled as they are asked for; 0 = not yet. */
  headKinds: Uint8Array;
  /** Gender of person names, by name, filled as they are asked for (`coreference.ts`); '' = unknown. */
  genders: Map<string, 'f' | 'm' | ''>;
  /** Last words of the person mentions of several words, built when first needed (`coreference.ts`). */
  fullNameSurnames?: Set<string>;
  /** Gender that the article's own pronouns give a name (`Rubio sold his house`), built when first needed (`coreference.ts`). */
  pronounGenders?: Map<string, 'f' | 'm' | 'x'>;
  /** The surname and the first token of each person mention (`persons`), built when first needed (`personKeys`, `personTokens`). */
  personKeys?: string[];
  personTokens?: Int32Array;
}

export interface NounPhrase {
  from: number; // token index, inclusive
  to: number; // token index, exclusive
}

export function isCapitalized(tok: string): boolean {
  const c = tok.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && tok[0] !== tok[0].toLowerCase());
}

export function isPunct(tok: string): boolean {
  return tok.length === 1 && !isWordChar(tok.charCodeAt(0));
}

export function isCue(doc: Doc, i: number): boolean {
  // Asked of the same tokens again and again (each quotation's windows, each rule, each candidate): read once a
  // token. Outside the document the flag is undefined: not a cue.
  const known = doc.cueFlags[i];
  if (known !== 0) return known === 2;
  const cue = readsAsCue(doc, i);
  doc.cueFlags[i] = cue ? 2 : 1;
  return cue;
}

function readsAsCue(doc: Doc, i: number): boolean {
  // Lower-case only: "the United States", "the Washington Post" are not speech verbs.
  if (doc.inQuote[i] !== 0 || isCapitalized(doc.tokens[i].text)) return false;
  // "Sanders shot back, “…”", "Trump fired back".
  if (i + 1 < doc.tokens.length && doc.lower[i + 1] === 'back' && /^(shot|shoots|fired|fires|hit|hits|pushed|struck|snapped|lashed|wrote|responded|punched)$/.test(doc.lower[i])) return true;
  if (!doc.verbs.has(doc.lower[i])) return false;
  // "a report in", "his remarks", "the post": after a determiner or a possessive the word is a noun.
  const prev = i > 0 ? doc.lower[i - 1] : '';
  // "he's claiming": after a pronoun the clitic is "is"/"has", not a possessive.
  const clitic = (prev === "'s" || prev === '’s') && i > 1 && SUBJECT_PRONOUNS.has(doc.lower[i - 2]);
  if ((DETERMINERS.has(prev) && prev !== 'both' && prev !== 'all') || ((prev === "'s" || prev === '’s') && !clitic)) return false;
  // "delivered a snappy retort: “…”", "joined in a thunderous chant of “…”": the bare form after `a`/`an` and one
  // word is a noun, the head of that phrase: a singular subject would take `retorts` or `retorted`. Not after a
  // quantifier or a word for people (`a few say`, `a couple chant`), which can be a plural subject.
  const l = doc.lower[i];
  if (i > 1 && (doc.lower[i - 2] === 'a' || doc.lower[i - 2] === 'an') && /^\p{Ll}+$/u.test(prev) && !QUANTIFIERS.has(prev) && !doc.lex.personHeads.has(prev) && !doc.lex.groupHeads.has(prev) && !/(s|ed|ing)$/.test(l) && !IRREGULAR_PAST.has(l)) return false;
  // "hundreds of screaming supporters": a participle after "of" is an adjective.
  if (prev === 'of' && doc.lower[i].endsWith('ing')) return false;
  // After `which` a form that is only a verb is one (`the department, which reported “…”`); one that is also a
  // noun is read as a noun (`which statement`, `which reports`).
  if (!NOUN_VERBS.has(doc.lower[i])) return true;
  if (prev === 'which') return false;
  // "many Asian states", "such talk": a form that is also a noun is a verb only after a pronoun or an
  // auxiliary, or before "that", a colon or a quotation.
  const next = i + 1 < doc.tokens.length ? doc.tokens[i + 1].text : '';
  return SUBJECT_PRONOUNS.has(prev) || VERB_PREFIX.has(prev) || clitic || next === 'that' || next === ':' || isQuoteMark(next.charCodeAt(0)) || apostrophePairAt(doc, i + 1) || next === '`';
}

/** Right after a quotation and its subject (`“…,” the Daily Caller reports`) any listed form is a verb. */
export function isCueAfterSubject(doc: Doc, i: number): boolean {
  return doc.verbs.has(doc.lower[i]) && doc.inQuote[i] === 0 && !isCapitalized(doc.tokens[i].text);
}

/** The first token after the quotation holding token `i`. */
export function nextOutside(doc: Doc, i: number): number {
  let k = i;
  while (k < doc.tokens.length && doc.inQuote[k] && doc.quoteOpen[k] === doc.quoteOpen[i]) k++;
  return k;
}

/** The token before `i`, jumping over a whole quotation (to the token before its opening mark). */
export function prevOutside(doc: Doc, i: number): number {
  const j = i - 1;
  return j >= 0 && doc.inQuote[j] ? doc.quoteOpen[j] - 1 : j;
}

export function onlyDeterminers(doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!DETERMINERS.has(doc.lower[i])) return false;
  return true;
}

export function hasCapital(doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isCapitalized(doc.tokens[i].text) && !DETERMINERS.has(doc.lower[i])) return true;
  return false;
}

export function isSentenceEnd(doc: Doc, i: number): boolean {
  const t = doc.tokens[i].text;
  if (doc.inQuote[i] !== 0) return false;
  if (t === '.') {
    const next = i + 1 < doc.tokens.length ? doc.tokens[i + 1].text : '';
    // "(D-Calif.)", "Calif., who": a dot before a bracket, a comma or a lower-case word ends nothing.
    if (next === ')' || next === ',' || (next !== '' && !isCapitalized(next) && /^\p{L}/u.test(next))) return false;
    // "(D-N.Y.)": a dot inside an initialism that a hyphenated word ran into (as the sentence splitter reads it).
    if (i + 1 < doc.tokens.length && isDotInsideInitialism(doc.text, doc.tokens[i], doc.tokens[i + 1])) return false;
    // "J. Gerald Hebert": the dot of an initial before a name does not end the sentence.
    const prev = i > 0 ? doc.tokens[i - 1].text : '';
    return !(prev.length === 1 && isCapitalized(prev) && doc.tokens[i - 1].end === doc.tokens[i].start && isCapitalized(next) && !isQuoteMark(next.charCodeAt(0)));
  }
  if (t === '!' || t === '?') {
    // "Jeb Bush (Jeb!), who …": a mark inside brackets that the sentence goes on after, as the splitter reads it.
    const n = doc.tokens.length;
    if (i + 2 < n && doc.tokens[i + 1].text === ')' && (doc.tokens[i + 2].text === ',' || doc.tokens[i + 2].text === ';' || /^\p{Ll}/u.test(doc.tokens[i + 2].text))) return false;
    return true;
  }
  return t === ';';
}

export function headLower(doc: Doc, np: NounPhrase): string {
  let h = np.to - 1;
  while (h > np.from && (doc.lower[h] === "'s" || doc.lower[h] === '’s')) h--;
  return doc.lower[h];
}

export function overlapsEntity(doc: Doc, from: number, to: number, type: string): EntityMention | undefined {
  const s = doc.tokens[from].start;
  const e = doc.tokens[to - 1].end;
  const list = doc.entities;
  for (let k = lowerBound(list.length, (i) => list[i].end > s); k < list.length && list[k].start < e; k++) if (list[k].type === type) return list[k];
  return undefined;
}

/** The person mention of the recogniser that starts at token `k` (`Hope` of `Hope Hicks`), if any. */
export function personStartingAt(doc: Doc, k: number): EntityMention | undefined {
  const m = overlapsEntity(doc, k, k + 1, 'person');
  return m !== undefined && m.start === doc.tokens[k].start ? m : undefined;
}

export function slice(doc: Doc, from: number, to: number): TextSlice {
  const start = doc.tokens[from].start;
  const end = doc.tokens[to - 1].end;
  return { start, end, text: doc.text.slice(start, end) };
}

/** The last token inside a quotation whose closing mark ends right before token `closeTok` (the mark is one token, or two for `''`). */
export function lastInsideTok(doc: Doc, closeTok: number): number {
  const k = closeTok - 2;
  return k >= 0 && apostrophePairAt(doc, k) ? k - 1 : k;
}

/**
 * True when the quotation closed right before token `closeTok` ends on `.`, `?` or `!` (`“Why now?” Clinton asked`
 * too: the callers read what follows).
 */
export function endsWithSentenceMark(doc: Doc, closeTok: number): boolean {
  const last = doc.tokens[lastInsideTok(doc, closeTok)]?.text;
  return last === '.' || last === '?' || last === '!';
}

/** True when tokens `i` and `i + 1` are two apostrophes side by side: the tokeniser's halves of one `''` mark. */
function apostrophePairAt(doc: Doc, i: number): boolean {
  const t = doc.tokens;
  return i + 1 < t.length && t[i].text === "'" && t[i + 1].text === "'" && t[i].end === t[i + 1].start;
}

/** First token index whose start is >= offset. */
export function tokenAt(doc: Doc, offset: number): number {
  const tokens = doc.tokens;
  return lowerBound(tokens.length, (i) => tokens[i].start >= offset);
}

/** True when token `i` reads as the verb of a clause: an auxiliary, a speech verb or a past/3rd-person form. */
export function verbLike(doc: Doc, i: number): boolean {
  const l = doc.lower[i];
  const t = doc.tokens[i].text;
  if (isCapitalized(t) || isPunct(t) || doc.inQuote[i]) return false;
  if (VERB_PREFIX.has(l) || doc.verbs.has(l)) return true;
  if (NP_STOP.has(l) || DETERMINERS.has(l) || l === "'s" || l === '’s') return false;
  return /ed$/.test(l) || (/[^s]s$/.test(l) && l.length > 3) || IRREGULAR_PAST.has(l);
}

/** The token that ends the sentence at token `i` (or where its paragraph or a quotation begins), at most 16 tokens on. */
export function sentenceEndFrom(doc: Doc, i: number): number {
  let end = i;
  while (end < doc.tokens.length && end < i + 16 && !doc.inQuote[end] && !isSentenceEnd(doc, end) && doc.para[end] === doc.para[i]) end++;
  return end;
}

/**
 * The last word of a name, the key people are grouped by in the quote pass: read without format characters, as
 * actor keys are (`formatCharacters.ts`), so a soft-hyphenated `Bra\u00adhimi` is the `Brahimi` of the article's other
 * mentions, one person with one salience, not two.
 */
export function surname(name: string): string {
  const words = withoutFormatCharacters(name).trim().split(/\s+/);
  return stripPossessive(words[words.length - 1]);
}

/** The surname of each person mention, by its index in `doc.persons`: the key antecedents and titles group people by. */
export function personKeys(doc: Doc): readonly string[] {
  return (doc.personKeys ??= doc.persons.map((m) => surname(m.text)));
}

/** The first token of each person mention, by its index in `doc.persons`. */
export function personTokens(doc: Doc): Int32Array {
  let tokens = doc.personTokens;
  if (!tokens) {
    tokens = doc.personTokens = new Int32Array(doc.persons.length);
    for (let i = 0; i < tokens.length; i++) tokens[i] = tokenAt(doc, doc.persons[i].start);
  }
  return tokens;
}

/** `s.toLowerCase()`, without allocating when `s` is ASCII with no capital (most tokens). */
export function lowerOf(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return s.toLowerCase();
  }
  return s;
}

/** Whitespace as `/\s/` matches it (ECMAScript WhiteSpace and LineTerminator). */
export function isRegexSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Index of the first `/\s/` character of `s`, or -1. */
export function firstSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (isRegexSpace(s.charCodeAt(i))) return i;
  return -1;
}

/** Index of the last `/\s/` character of `s`, or -1. */
export function lastSpace(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (isRegexSpace(s.charCodeAt(i))) return i;
  return -1;
}

/**
 * True when the words between a title found before a name and the name (`hit`: the title and what follows it, in
 * lower case) are parts of a name as written in `written` (the same text as written): capitalised, joining words
 * of a title (`Secretary of State John Kerry`, `Press Secretary Josh Earnest`) or the vocabulary's name particles
 * (`Crown Prince Mohammed bin Salman`). A lower-case word between is a clause's (`The Democratic presidential
 * candidate blasted Trump's call` gives Trump no title).
 */
function titleReachesName(hit: RegExpExecArray, written: string, vocabulary: Vocabulary): boolean {
  const between = hit[0].slice(hit[1].length).split(/[\s.]+/).filter((w) => w.length > 0).length;
  if (between === 0) return true;
  const words = written.split(/\s+/).filter((w) => w.length > 0);
  for (let i = words.length - between; i < words.length; i++) {
    if (i < 0) return false;
    if (!/^\p{Lu}/u.test(words[i]) && !TITLE_JOINING_WORDS.has(words[i]) && !vocabulary.isNameParticle(words[i])) return false;
  }
  return true;
}

/** The word of `s` that ends right before position `at` (white space and a dot between), or ''. */
function wordBefore(s: string, at: number): string {
  let end = at;
  while (end > 0 && (isRegexSpace(s.charCodeAt(end - 1)) || s.charCodeAt(end - 1) === 46)) end--;
  let start = end;
  while (start > 0 && !isRegexSpace(s.charCodeAt(start - 1))) start--;
  return s.slice(start, end);
}

/** Lower-case words inside a title (`Secretary of State`, `Minister for the Economy`); a name's are the vocabulary's particles. */
const TITLE_JOINING_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'for', 'and']);

/** Start of the `count`-th last run of characters other than `/\s/` in `s` (0 when there are fewer). */
function startOfLastWords(s: string, count: number): number {
  let i = s.length;
  for (let words = 0; i > 0; ) {
    while (i > 0 && isRegexSpace(s.charCodeAt(i - 1))) i--;
    if (i === 0) return 0;
    while (i > 0 && !isRegexSpace(s.charCodeAt(i - 1))) i--;
    if (++words === count) return i;
  }
  return 0;
}

/** `w` without a possessive `'s` or `’s` at its end (`Trump’s` → `Trump`): the one way the quote pass strips one. */
export function stripPossessive(w: string): string {
  const n = w.length;
  if (n >= 2 && w.charCodeAt(n - 1) === 115) {
    const a = w.charCodeAt(n - 2);
    if (a === 0x27 || a === 0x2019) return w.slice(0, n - 2);
  }
  return w;
}

/**
 * The gender the derived list (`given-name-genders.tsv`) gives a name of two words or more, read from the word before
 * the surname past middle initials (`Gilda Cobb-Hunter`, `Wendy R. Sherman`): never the surname itself (`Clinton`,
 * `Deacon` are boys' names in the birth registers), nor a place or a title before the given name (`Houston Mayor
 * Gilda Parker`).
 */
export function derivedGivenNameGender(lex: QuoteLexicon, words: readonly string[]): Gender | undefined {
  const i = givenNameIndex(words);
  return i >= 0 ? lex.givenNameGenders.get(words[i]) : undefined;
}

/**
 * Where a name's given name is: the word before the surname, past middle initials and a quoted nickname
 * (`Wendy R. Sherman`, `John “Tig” Tiegen` → 0); -1 for one word.
 */
export function givenNameIndex(words: readonly string[]): number {
  let i = words.length - 2;
  while (i > 0 && (isInitial(words[i]) || isQuotedNickname(words[i]))) i--;
  return i;
}

/** A word of a nickname in quotation marks inside a name (`“Tig”`, `"Bobby"`, `"The` and `Situation"`: `core/nicknames.ts`). */
function isQuotedNickname(word: string): boolean {
  const first = word.charCodeAt(0);
  const last = word.charCodeAt(word.length - 1);
  return first === 0x201c || first === 0x22 || first === 0x2018 || last === 0x201d || last === 0x22 || last === 0x2019;
}

/** A capital alone, with or without its full stop (`R.`, `W`). */
export function isInitial(word: string): boolean {
  return /^\p{Lu}\.?$/u.test(word);
}

/**
 * Records gender evidence `g` for `key`: the first evidence, or `x` once two disagree. The gender maps of the
 * document (`namedGender`, `surnameGender`, the pronouns' in `coreference.ts`) all keep evidence this way.
 */
export function noteGender(genders: Map<string, 'f' | 'm' | 'x'>, key: string, g: 'f' | 'm' | 'x'): void {
  const prev = genders.get(key);
  // Compared on every call, not only after a first hit: a comparison V8 had never seen run was compiled as a
  // deoptimisation, taken (and the caller's optimised loop entered again) whenever a surname came back.
  const same = prev === g;
  genders.set(key, prev === undefined || same ? g : 'x');
}

/** The lower-case word right before a name, past a comma (`wife, ` of `his wife, Melania`). */
const GENDERED_NOUN_BEFORE = /(?:^|[^\p{L}])(\p{Ll}+),? $/u;

/**
 * What {@link GENDERED_NOUN_BEFORE} captures in `text.slice(from, to)`, or undefined, read backwards from `to` over ASCII
 * without slicing (the pattern, unanchored at its start, was tried at every position of the 20 characters before each
 * person mention: 0.7 % of a warm pass's self time). The capture can only be the run of lower-case letters before `,? ` at the
 * end; a character other than ASCII in it or right before it is left to the pattern.
 */
function genderedNounBefore(text: string, from: number, to: number): string | undefined {
  if (to <= from || text.charCodeAt(to - 1) !== 32) return undefined;
  let end = to - 1;
  if (end > from && text.charCodeAt(end - 1) === 44) end--;
  let start = end;
  for (; start > from; start--) {
    const c = text.charCodeAt(start - 1);
    if (c >= 97 && c <= 122) continue;
    if (c >= 128) return GENDERED_NOUN_BEFORE.exec(text.slice(from, to))?.[1];
    // An ASCII capital before the run: no match starts there nor inside the run. Any other ASCII character opens one.
    if (c >= 65 && c <= 90) return undefined;
    break;
  }
  return start < end ? text.slice(start, end) : undefined;
}

/** A one-character token after which a capital may open a sentence or a quotation: `. ! ? : " “ ” ‘ ' ( [ — – -`. */
export function isSentenceOpener(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x22 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x27 || c === 0x28 || c === 0x5b || c === 0x2014 || c === 0x2013 || c === 0x2d;
}

export function buildDoc(
  text: string,
  paragraphs: readonly Paragraph[],
  sentences: readonly Sentence[],
  entities: readonly EntityMention[],
  raws: readonly RawQuote[],
  lex: QuoteLexicon,
): Doc {
  // Sized first: the token list of a whole article grown by pushes, and its sentence numbers kept in
  // a second list to copy, were the largest allocation of the quote pass.
  let count = 0;
  for (const sentence of sentences) count += sentence.tokens.length;
  const tokens = new Array<Token>(count);
  // The per-token numbers share one buffer: each typed array of its own was a buffer allocated outside the
  // heap, and the five of them a tenth of the time spent building a document's view.
  const buffer = new ArrayBuffer(count * 19);
  const sent = new Int32Array(buffer, 0, count);
  const para = new Int32Array(buffer, count * 4, count);
  const quoteOpen = new Int32Array(buffer, count * 8, count);
  const subjectRanks = new Int32Array(buffer, count * 12, count);
  const inQuote = new Uint8Array(buffer, count * 16, count);
  const cueFlags = new Uint8Array(buffer, count * 17, count);
  const headKinds = new Uint8Array(buffer, count * 18, count);
  for (let si = 0, k = 0; si < sentences.length; si++) {
    for (const t of sentences[si].tokens) {
      sent[k] = si;
      tokens[k++] = t;
    }
  }
  const lower = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) lower[i] = lowerOf(tokens[i].text);
  let pi = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (pi + 1 < paragraphs.length && paragraphs[pi].end <= tokens[i].start) pi++;
    para[i] = pi;
  }
  let ti = 0;
  for (const q of raws) {
    while (ti < tokens.length && tokens[ti].start < q.start) ti++;
    let k = ti;
    while (k < tokens.length && tokens[k].start < q.end) {
      quoteOpen[k] = ti;
      inQuote[k++] = 1;
    }
  }
  // Words written with a capital inside a sentence are names; a capital at the start of a sentence proves
  // nothing. Used to discard person mentions such as "Asked" or "Instead" from a weak recogniser.
  // Only single-word person mentions are tested, so only their words (with and without `'s`) are looked for:
  // a token whose first letter and length none of them has is passed over without a look-up.
  const sought = new Set<string>();
  const soughtScreen = new WordScreen(128);
  for (const e of entities) {
    if (e.type !== 'person' || firstSpace(e.text) >= 0) continue;
    sought.add(e.text);
    sought.add(stripPossessive(e.text));
    soughtScreen.mark(e.text);
    soughtScreen.mark(stripPossessive(e.text));
  }
  const midCaps = new Set<string>();
  for (let i = 1; i < tokens.length && sought.size > 0; i++) {
    const t = tokens[i].text;
    if (!isCapitalized(t) || !soughtScreen.mayHold(t)) continue;
    const prev = tokens[i - 1].text;
    if (para[i - 1] !== para[i] || (prev.length === 1 && isSentenceOpener(prev.charCodeAt(0))) || prev === '...' || prev === '…') continue;
    if (sought.has(t)) midCaps.add(t);
  }
  // A mention with a space is credible; a single word must have been seen capitalised mid-sentence (with or
  // without a possessive `'s`).
  const credible = (e: EntityMention): boolean => {
    const t = e.text;
    if (firstSpace(t) >= 0) return true;
    if (midCaps.has(t)) return true;
    const bare = stripPossessive(t);
    return bare !== t && midCaps.has(bare);
  };
  // Subject pronouns are at most 4 characters, and lower-casing never shortens a string.
  const persons = entities.filter((e) => e.type === 'person' && !(e.text.length <= 4 && SUBJECT_PRONOUNS.has(lowerOf(e.text))) && credible(e));
  // "9/11 widow Terry Strada", "his wife, Melania": the noun before a name says the gender, whatever the first name
  // suggests (`Terry` is mostly a man's).
  const namedGender = new Map<string, 'f' | 'm' | 'x'>();
  for (const m of persons) {
    const before = genderedNounBefore(text, Math.max(0, m.start - 20), m.start);
    const g = before !== undefined ? lex.vocabulary.nounGender(before) : undefined;
    if (g) noteGender(namedGender, stripPossessive(m.text), g);
  }
  // "Hillary Clinton … Clinton said … she": a surname inherits the gender of the first name it came with.
  const surnameGender = new Map<string, 'f' | 'm' | 'x'>();
  for (const m of persons) {
    // Read without format characters, as the surnames it is looked up by are (`surname`).
    const t = withoutFormatCharacters(m.text);
    const sp = firstSpace(t);
    if (sp < 0) continue; // a single word
    const named = namedGender.size > 0 ? namedGender.get(stripPossessive(t)) : undefined;
    const g = (named === 'f' || named === 'm' ? named : undefined) ?? lex.firstNames.get(t.slice(0, sp)) ?? derivedGivenNameGender(lex, t.split(/\s+/));
    if (!g) continue;
    noteGender(surnameGender, stripPossessive(t.slice(lastSpace(t) + 1)), g);
  }
  const titles = new Map<string, Set<string>>();
  const addRoleWord = (m: EntityMention, word: string): void => {
    const key = surname(m.text);
    let set = titles.get(key);
    if (!set) titles.set(key, (set = new Set()));
    set.add(word);
  };
  const addTitle = (m: EntityMention, form: string): void => {
    const role = lex.titleOfForm.get(form);
    if (role) addRoleWord(m, role);
  };
  for (const m of persons) {
    // The 30 characters before the mention, a space, and the mention's words but the last (single-spaced).
    const leadText = text.slice(Math.max(0, m.start - 30), m.start);
    const givenWords = firstSpace(m.text) < 0 ? undefined : m.text.split(/\s+/).slice(0, -1).join(' ');
    const before = givenWords === undefined ? lowerOf(leadText) + ' ' : lowerOf(leadText) + ' ' + givenWords.toLowerCase();
    // The pattern ends with the title and at most three words after it: it is tried from the fourth last word
    // on (the same match: where it starts a space precedes, as at the start of the text).
    const from = startOfLastWords(before, 4);
    const hit = lex.titleBefore.exec(from > 0 ? before.slice(from) : before);
    if (hit && titleReachesName(hit, givenWords === undefined ? leadText : leadText + ' ' + givenWords, lex.vocabulary)) {
      addTitle(m, hit[1]);
      // `Vice President Joe Biden`: the word that makes the title an office below its head's is the holder's too, so
      // that `the vice president` is Biden's description and not President Obama's.
      const office = wordBefore(before, from + hit.index);
      if (LOWER_RANK_WORDS.has(office)) addRoleWord(m, office);
    }
    // An appositive that closes ("Lavrov, the Russian foreign minister, said"); "in Chelsea, the mayor said" is a clause.
    // Read within the text only: a read past its end (a name closing the article) was a deoptimisation the first time.
    if ((m.end < text.length && text.charCodeAt(m.end) === 44) || (m.end + 1 < text.length && text.charCodeAt(m.end + 1) === 44)) {
      const after = lowerOf(text.slice(m.end, Math.min(text.length, m.end + 50)));
      const apposed = lex.titleApposed.exec(after);
      if (apposed && !lex.titleApposedClause.test(after)) addTitle(m, apposed[1]);
    }
  }
  return {
    titles,
    text,
    tokens,
    lower,
    para,
    sent,
    inQuote,
    quoteOpen,
    persons,
    surnameGender,
    namedGender,
    entities,
    verbs: lex.speechVerbs,
    lex,
    // Built when first needed, but present from the start: every Doc has one shape, so the quote
    // pass's functions see one hidden class (added later, in varying order, they made several and
    // the optimised code of the largest functions was thrown away and compiled again).
    nominals: undefined,
    surnameMentions: undefined,
    mentionRoles: undefined,
    subjectRanks,
    cueFlags,
    headKinds,
    genders: new Map(),
    fullNameSurnames: undefined,
    pronounGenders: undefined,
    personKeys: undefined,
    personTokens: undefined,
  };
}
