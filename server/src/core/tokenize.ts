import { MOJIBAKE_LEAD } from './formatCharacters';
import { isHighSurrogate, isLowSurrogate, splitsSurrogatePair } from './surrogates';
import type { OffsetRange, Sentence, Token } from './types';

/**
 * Tokeniser and sentence splitter for English news text, close to the CoNLL-2003 conventions the
 * entity tagger is trained on: punctuation is split off, the possessive `'s` is its own token,
 * hyphenated and apostrophe names (`Frank-Walter`, `al-Ja’afari`) stay whole, initialisms keep their
 * dots (`U.S.`, `U.N.`) and known abbreviations keep theirs (`Dr.`, `Gen.`).
 */

/** Abbreviations that end with a dot and usually do not end a sentence. Lower-case, without the dot. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'rep', 'sen', 'gov', 'pres',
  'st', 'jr', 'sr', 'mt', 'ft', 'rev', 'hon', 'amb', 'adm', 'cmdr', 'corp', 'inc', 'ltd', 'co', 'bros',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'vs', 'etc', 'approx', 'dept', 'est', 'fig', 'vol', 'ave', 'blvd',
]);

/** Abbreviations after which a capitalised word still continues the sentence (titles before names). */
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'rep', 'sen', 'gov',
  'st', 'mt', 'rev', 'hon', 'amb', 'adm', 'cmdr', 'no', 'vs',
  'del', // only ever a token with its dot as a delegate's title (`keepsDotBefore`); Delaware's `Del` keeps its dot apart
]);

/**
 * Titles in the plural before a list of names (`Sens. Ted Cruz and Marco Rubio`, `U.S. Reps. …`), capitalised as
 * written: in lower case `reps.` may end a sentence (`ten reps.`).
 */
const PLURAL_TITLE_ABBREVIATIONS = new Set(['Sens', 'Reps', 'Govs']);

/**
 * True when the word keeps the dot after it: a known abbreviation, or the lower-case `v` of a court case (`Roe v.
 * Wade`; a capital `V.` is an initial or a numeral, `Title V.`, and may end a sentence).
 */
function keepsDot(word: string): boolean {
  return word === 'v' || ABBREVIATIONS.has(word.toLowerCase()) || PLURAL_TITLE_ABBREVIATIONS.has(word);
}

/**
 * True when the word at `text[start]` keeps its dot by what follows: `No.` before a figure (`No. 1`, also after a
 * no-break space; `he voted no. He` ends a sentence), and `Del.` as the title of a delegate (`said Del. Stacey
 * Plaskett`, `state Del. Marcia Price`): written so, its dot, one space and a name. After a hyphen or a dash or a
 * comma, or before a word that opens sentences, `Del` is Delaware, which may end the sentence (`Sen. Chris Coons,
 * D-Del. He voted`, `Dover, Del. The`, `Wilmington Del. The firm`), and keeps the split it always had.
 */
function keepsDotBefore(text: string, start: number, word: string): boolean {
  const dot = start + word.length;
  if (word.length === 2 && (word === 'No' || word === 'no' || word === 'NO')) {
    const gap = text.charCodeAt(dot + 1);
    const figure = text.charCodeAt(gap === 32 || gap === 0xa0 ? dot + 2 : dot + 1);
    return figure >= 48 && figure <= 57;
  }
  if (word !== 'Del' || text.charCodeAt(dot + 1) !== 32) return false;
  // A name follows: a capitalised word, not one that opens sentences, then a capital, an initial or a quoted
  // nickname (`Del. Stacey Plaskett`, `Del. Jennifer L. McClellan`, `Del. Marcia "Cia" Price`).
  const name = /^([A-Z][a-z]+) +["“A-Z]/.exec(text.slice(dot + 2, dot + 40));
  if (!name || SENTENCE_OPENERS.has(name[1])) return false;
  let k = start - 1;
  while (k >= 0 && text.charCodeAt(k) === 32) k--;
  const before = k >= 0 ? text.charCodeAt(k) : 32;
  // After a hyphen or a dash (`D-Del.`, `D–Del.`) or a comma (`Dover, Del.`) it is Delaware.
  return before !== 45 && before !== 0x2013 && before !== 0x2014 && before !== 44;
}

/** Capitalised words that open sentences and no name (`Del. The governors`, `Del. He died`). */
const SENTENCE_OPENERS = new Set(['The', 'He', 'She', 'It', 'They', 'We', 'In', 'A', 'An', 'But', 'And', 'This', 'That', 'His', 'Her', 'Their', 'Its', 'On', 'At', 'For', 'As', 'If', 'When', 'After', 'There']);

/**
 * A character of a script written without spaces between words (Chinese, Japanese kanji and kana): each is a token
 * of its own, with the marks after it, as in character-level Chinese NER corpora. Read as letters of one word, a
 * name written in Latin letters inside such text took in the characters around it (`俄罗斯外长Sergei Lavrov说` was
 * one mention, and a rename deleted `俄罗斯外长` and `说`). Hangul is written with spaces and stays in words.
 */
const IDEOGRAPH = String.raw`[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]`;
const IDEOGRAPH_CHARACTER = new RegExp(IDEOGRAPH, 'u');
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

/**
 * True when a word boundary lies between `text[offset - 1]` and `text[offset]`: they are not both word characters
 * (letters, marks, digits), or either is a character of a spaceless script ({@link IDEOGRAPH}), a word of its own.
 * Surrogate pairs are read whole (`𠮷` is Han).
 */
export function isWordBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  // Between the two halves of one character there is no boundary of any kind.
  if (splitsSurrogatePair(text, offset)) return false;
  const low = text.charCodeAt(offset - 1);
  // A low half is read with the character before only when that is its high half: a lone one (broken text) is no
  // letter, and the character before it is not the one beside the offset.
  const before = isLowSurrogate(low) && offset >= 2 && isHighSurrogate(text.charCodeAt(offset - 2)) ? text.codePointAt(offset - 2)! : low;
  const a = String.fromCodePoint(before);
  const b = String.fromCodePoint(text.codePointAt(offset)!);
  if (!WORD_CHARACTER.test(a) || !WORD_CHARACTER.test(b)) return true;
  return IDEOGRAPH_CHARACTER.test(a) || IDEOGRAPH_CHARACTER.test(b);
}

/**
 * A character that continues a word: a letter, a mark or a digit, or the second character of a UTF-8 letter read
 * as Latin-1 or Windows-1252 (`PeÃ±a` for `Peña`): after `Ã`, `Ä` or `Å` (lead bytes of the Latin letters; `Ã`
 * sometimes decomposed as `A` and a combining tilde) a symbol (`±`, `©`) or a C1 control. Not a no-break space (the
 * mojibake of `à`, but a space too often), nor after `Â` (`Â£`, `Â«`, `Â°`: symbols, not letters) but inside a
 * letter garbled twice (`Ã\x83Â±`); a capital whose second byte Windows-1252 maps to punctuation (`Ã‰` for `É`)
 * still splits.
 */
const WORD_CHAR = String.raw`(?:(?!${IDEOGRAPH})[\p{L}\p{M}\p{N}]|${MOJIBAKE_LEAD}[\u0080-\u009F\u00A1-\u00BF])`;

/**
 * A format character inside a word: Unicode category Cf but the zero-width space (U+200B), which Unicode's word
 * boundaries (UAX #29: Word_Break Other, not Format or Extend) read as a break between words, as a space.
 */
const IN_WORD_FORMAT = String.raw`[^\P{Cf}\u200B]`;

/**
 * A run of word characters ({@link WORD_CHAR}), and more runs after format characters ({@link IN_WORD_FORMAT}),
 * which print as nothing and join the letters on either side: a soft hyphen, a zero-width joiner or non-joiner, a
 * word joiner inside a name (`Stein\u00admeier`, scraped web text) leaves one word, whose range covers them
 * (`formatCharacters.ts`: what reads the word for its meaning reads it without them). Format characters that no
 * letter follows are no part of a word. Written as runs, not a format character tried before each letter: the
 * pattern reads most words as it did.
 */
const WORD_RUNS = String.raw`${WORD_CHAR}*(?:${IN_WORD_FORMAT}+${WORD_CHAR}+)*`;
const JOINED_RUNS = String.raw`${IN_WORD_FORMAT}*${WORD_CHAR}+(?:${IN_WORD_FORMAT}+${WORD_CHAR}+)*`;

/**
 * A letter of a number's suffix (`24th`, `1990s`, `20-year-old`): not a character of a spaceless script, which is a
 * word of its own after a figure too (`2016年中国外长王毅说` was one token, and a rename of `王毅` missed it).
 */
const NUMBER_SUFFIX_LETTER = String.raw`(?:(?!${IDEOGRAPH})\p{L})`;

// Order matters: a character of a spaceless script ({@link IDEOGRAPH}), initialisms, a capital initial before a name ("George W. Bush", "Robert C. “Bobby” Scott", "Robert C. ''Bobby'' Scott"), words (with inner
// hyphens/apostrophes, no dots; {@link WORD_CHAR}), a clitic standing alone ("Kremlin 's" in pre-tokenised text), numbers
// (dates, scores and ages stay whole as in CoNLL: 1996-08-22, 6-2, 20-year-old, 24th, 1990s), any other char.
const TOKEN_PATTERN = new RegExp(
  String.raw`${IDEOGRAPH}\p{M}*|(?:\p{L}\.){2,}|\p{Lu}\.(?=[ \t]+(?:\p{Lu}|(?:["“‘]|'')\p{Lu}\p{Ll}*(?:["”’]|'')[ \t]+\p{Lu}))|\p{L}${WORD_RUNS}(?:[-'’‘]${JOINED_RUNS})*|['’](?:[sSmMdD]|re|ve|ll|RE|VE|LL)(?![\p{L}\p{N}])|\p{N}+(?:[-.,:/]\p{N}+)*(?:%|${NUMBER_SUFFIX_LETTER}+(?:-${NUMBER_SUFFIX_LETTER}+)*|(?:-${NUMBER_SUFFIX_LETTER}+)+)?|\.\.\.|…|--|—|[^\s\p{Cf}]`,
  'gu',
);

/** {@link TOKEN_PATTERN} anchored at `lastIndex`. */
export const TOKEN_AT = new RegExp(TOKEN_PATTERN.source, 'uy');

/** The one-character string of each ASCII code unit. */
const ASCII_STRINGS: readonly string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/** 1 for ASCII letters, 2 for ASCII digits, 0 otherwise. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = ASCII_WORD[c + 32] = 1;
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 2;

/**
 * Where the token starting at `position` (not white space) ends: what {@link TOKEN_AT} matches there,
 * or -1 when it matches nothing. Plain ASCII words and punctuation, most of any English text, are
 * read directly; anything the pattern's other alternatives could take (a dot after a single letter,
 * an inner hyphen or apostrophe, a digit, a non-ASCII character, `'s`, `...`, `--`) goes to the
 * pattern. A test checks both agree at every position of the seeds and the corpora.
 */
export function tokenEndAt(slice: string, position: number): number {
  const plain = plainWordEnd(slice, position);
  return plain >= 0 ? plain : otherTokenEnd(slice, position);
}

/**
 * Where a plain word starting at `position` ends: ASCII letters and digits after an ASCII letter,
 * followed by nothing the pattern could join to it (a hyphen, an apostrophe, a non-ASCII character,
 * the dot of an initial). -1 when the token there is no such word. A plain word has no hyphen and no
 * apostrophe, which {@link tokenize} need not look for then.
 */
function plainWordEnd(slice: string, position: number): number {
  // Non-ASCII (and NaN past the end) ruled out before the table is read: an index past the table was
  // compiled as a deoptimisation the first time a word began with a non-ASCII letter.
  const first = slice.charCodeAt(position);
  if (!(first < 128) || ASCII_WORD[first] !== 1) return -1;
  const length = slice.length;
  let end = position + 1;
  // Past the end reads as 0 (NUL, no word character), as NaN would, without reading past the string:
  // V8 compiles the read for within bounds and threw the code away the first time a word ended a paragraph.
  let next = end < length ? slice.charCodeAt(end) : 0;
  while (next < 128 && ASCII_WORD[next] !== 0) next = ++end < length ? slice.charCodeAt(end) : 0;
  // Past the end no character follows, so the run is the word.
  if (!(next >= 128 || next === 45 /* - */ || next === 39 /* ' */ || (next === 46 /* . */ && end === position + 1))) return end;
  return -1;
}

/** {@link tokenEndAt} where no plain word starts: ASCII punctuation directly, the rest by the pattern. */
function otherTokenEnd(slice: string, position: number): number {
  const c = slice.charCodeAt(position);
  // Any other ASCII character is a token of its own (`\S`).
  if (c < 128 && ASCII_WORD[c] === 0 && c !== 39 && c !== 46 && c !== 45) return position + 1;
  TOKEN_AT.lastIndex = position;
  return TOKEN_AT.test(slice) ? TOKEN_AT.lastIndex : -1;
}

/** Tab, line feed, vertical tab, form feed, carriage return, space: white space for `\s`. */
function isAsciiWhiteSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** A list number at the start of a paragraph ("1. Michael Schumacher") keeps its dot. */
const LIST_NUMBER = /^\p{N}{1,3}$/u;

const GLUED_DATELINE = /^(\p{Lu}{2,})-(?=\p{Lu}\p{Ll})/u;
// The possessive and the contracted verbs (I’m, they’re, we’ve, she’ll, he’d) are their own tokens.
// A left quotation mark typed for the apostrophe (`Donald Trump‘s remarks`) is one too.
// Only before `s`: `Sa‘d` is a name.
const POSSESSIVE = /^(.+?)(['’](?:[sSmMdD]|re|ve|ll|RE|VE|LL)|‘[sS])$/;
const NEGATION = /^(.+?)(n['’]t)$/i;

/** Splits `text[range)` into tokens. Offsets are absolute in `text`. */
export function tokenize(text: string, range?: OffsetRange): Token[] {
  // The range's two numbers are read here, not in the loop below: ranges come as paragraphs (with more
  // fields) and as plain ranges (the name lists at load time), two hidden classes, and the tokeniser
  // compiled for one was thrown away and compiled again on meeting the other.
  return range === undefined ? tokenizeBetween(text, 0, text.length) : tokenizeBetween(text, range.start, range.end);
}

/** {@link tokenize} of `text[rangeStart, rangeEnd)`. */
function tokenizeBetween(text: string, rangeStart: number, rangeEnd: number): Token[] {
  const tokens: Token[] = [];
  const slice = rangeStart === 0 && rangeEnd === text.length ? text : text.slice(rangeStart, rangeEnd);
  // What `TOKEN_PATTERN.exec` in a loop would find, without a match array per token (the largest
  // allocation of the whole analysis): no token starts with white space and every other character
  // starts one (`\S`), so skip white space and match there, anchored.
  const length = slice.length;
  let position = 0;
  for (;;) {
    while (position < length && isAsciiWhiteSpace(slice.charCodeAt(position))) position++;
    if (position >= length) break;
    const plainEnd = plainWordEnd(slice, position);
    const plain = plainEnd >= 0;
    const end = plain ? plainEnd : otherTokenEnd(slice, position);
    if (end < 0) {
      // Other white space (no-break space, …), or a format character no letter follows (`Doug \u00adAndres`): skipped
      // whole, both halves of one outside the BMP (a tag character of an emoji flag).
      position += isHighSurrogate(slice.charCodeAt(position)) && isLowSurrogate(slice.charCodeAt(position + 1)) ? 2 : 1;
      continue;
    }
    // A one-character token (punctuation, `a`, `I`: a fifth of all tokens) shares one string per
    // character instead of a fresh copy each: less to allocate, and less for the collector to trace
    // through a large document's token list.
    let word = end === position + 1 && slice.charCodeAt(position) < 128 ? ASCII_STRINGS[slice.charCodeAt(position)] : slice.slice(position, end);
    let start = rangeStart + position;
    position = end;
    const first = word.charCodeAt(0);
    const isLetterStart = first > 64 && (first < 91 || (first > 96 && first < 123) || first > 127);
    if (isLetterStart && word.length > 2) {
      // A dateline agency glued to the lead's first word ("Moscow, SANA-Russian Foreign Minister"):
      // an all-caps part before the hyphen and a capitalised word after it are separate tokens.
      // (Each regex below needs a character that most words lack: test for it first, same result;
      // a plain word has neither a hyphen nor an apostrophe.)
      const glued = !plain && word.indexOf('-', 2) > 0 ? GLUED_DATELINE.exec(word) : null;
      if (glued) {
        tokens.push({ start, end: start + glued[1].length, text: glued[1] });
        tokens.push({ start: start + glued[1].length, end: start + glued[1].length + 1, text: '-' });
        start += glued[1].length + 1;
        word = word.slice(glued[1].length + 1);
        // The rest ("Russian", "Syria’s") goes through the clitic split below.
      }
      // Split clitics the way CoNLL does: "Syria's" -> "Syria" "'s", "don't" -> "do" "n't".
      const clitic = !plain && (word.indexOf("'", 1) > 0 || word.indexOf('’', 1) > 0 || word.indexOf('‘', 1) > 0) ? (POSSESSIVE.exec(word) ?? NEGATION.exec(word)) : null;
      if (clitic) {
        tokens.push({ start, end: start + clitic[1].length, text: clitic[1] });
        start += clitic[1].length;
        word = clitic[2];
        tokens.push({ start, end: start + word.length, text: word });
        continue;
      }
      // Keep the dot of a known abbreviation ("Dr.", a delegate's "Del.").
      const next = start + word.length;
      if (next < rangeEnd && text.charCodeAt(next) === 46 /* . */ && (keepsDot(word) || keepsDotBefore(text, start, word))) {
        word += '.';
        position++;
      }
    } else if (isLetterStart) {
      const next = start + word.length;
      if (next < rangeEnd && text.charCodeAt(next) === 46 && (keepsDot(word) || keepsDotBefore(text, start, word))) {
        word += '.';
        position++;
      }
    } else if (tokens.length === 0 && LIST_NUMBER.test(word)) {
      const next = start + word.length;
      if (next + 1 < rangeEnd && text.charCodeAt(next) === 46 && /\s/.test(text[next + 1])) {
        word += '.';
        position++;
      }
    }
    tokens.push({ start, end: start + word.length, text: word });
  }
  return tokens;
}

const CLOSING_PUNCTUATION = new Set(['"', '”', '’', "'", ')', ']']);

/**
 * True for a dot inside an initialism that a hyphenated word ran into: `(D-N.Y.)`, `(D-W.Va.)` are read as `D-N`
 * `.` `Y` `.` (the word takes the first letter). A dot with no space on either side and one or two letters after
 * it, then another dot, is no sentence end (`al-Khatib.This`, a missing space, still is). The sentence splitter
 * and the quote pass's own sentence ends (`quotes/document.ts`) both ask it.
 */
export function isDotInsideInitialism(text: string, dot: Token, next: Token): boolean {
  return next.start === dot.end && dot.start > 0 && /[\p{L}\p{N}]/u.test(text[dot.start - 1]) && text.charCodeAt(next.end) === 46 /* . */ && next.end - next.start <= 2 && /^\p{Lu}\p{Ll}?$/u.test(next.text);
}

/** True when a sentence may end after `token` given the token that follows. */
function endsSentence(token: Token, next: Token | undefined, text: string): boolean {
  const t = token.text;
  // Every token that may end a sentence ends in `.`, `!`, `?` or `…`: the last code unit rules out the others (most
  // tokens) without the comparisons below (asked of every token of the article).
  const last = t.charCodeAt(t.length - 1);
  if (last !== 46 && last !== 33 && last !== 63 && last !== 0x2026) return false;
  if (t === '.' || t === '!' || t === '?' || t === '…' || t === '...') {
    if (!next) return true;
    const c = next.text.charCodeAt(0);
    // Lower-case continuation ("e.g. the") does not start a sentence.
    if (startsLowerCase(next.text)) return false;
    if (isDotInsideInitialism(text, token, next)) return false;
    // "al-Khatib.This" — a missing space still ends the sentence when a capital follows.
    return c !== 44 /* , */;
  }
  if (t.length > 1 && t.endsWith('.')) {
    // "U.S." or an abbreviation: ends a sentence only before a clearly new sentence (a capitalised
    // word after a line break or a non-title abbreviation followed by a capital and a gap).
    if (!next) return true;
    const lower = t.slice(0, -1).toLowerCase();
    // A court case's `v.` (`Roe v. Wade`) goes on with its sentence like a title.
    if (TITLE_ABBREVIATIONS.has(lower) || PLURAL_TITLE_ABBREVIATIONS.has(t.slice(0, -1)) || t === 'v.') return false;
    if (t.indexOf('.') < t.length - 1) {
      // Initialism: "U.S. Vice President" continues; a line break after it ends.
      return /[\r\n]/.test(text.slice(token.end, next.start));
    }
    return /^\p{Lu}/u.test(next.text) && /[\r\n]/.test(text.slice(token.end, next.start));
  }
  return false;
}

/** True when a word begins with a lower-case letter (one that has a capital). */
function startsLowerCase(word: string): boolean {
  return word[0] !== word[0].toUpperCase();
}

/**
 * Splits the tokens of one paragraph into sentences. Closing quotes and brackets that follow the
 * final punctuation stay with the sentence they close.
 */
export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let begin = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!endsSentence(tokens[i], tokens[i + 1], text)) continue;
    let last = i;
    while (last + 1 < tokens.length && CLOSING_PUNCTUATION.has(tokens[last + 1].text) && tokens[last + 1].start === tokens[last].end) last++;
    // A lower-case word, a comma or a semicolon after the closing quote or bracket goes on with the sentence:
    // `(I-Vt.) on Saturday said`, `“Go!” she said`, `Sen. Claire McCaskill (D-Mo.), who has endorsed …`.
    if (last > i && last + 1 < tokens.length && (startsLowerCase(tokens[last + 1].text) || tokens[last + 1].text === ',' || tokens[last + 1].text === ';')) continue;
    const sentenceTokens = tokens.slice(begin, last + 1);
    sentences.push({ start: sentenceTokens[0].start, end: sentenceTokens[sentenceTokens.length - 1].end, tokens: sentenceTokens });
    begin = last + 1;
    i = last;
  }
  if (begin < tokens.length) {
    const rest = tokens.slice(begin);
    sentences.push({ start: rest[0].start, end: rest[rest.length - 1].end, tokens: rest });
  }
  return sentences;
}
