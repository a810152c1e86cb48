/**
 * Format characters (Unicode category Cf) that scraped web text carries inside words and that print as nothing: the
 * soft hyphen (U+00AD, `Stein\u00admeier`), non-joiner and joiner (U+200C, U+200D),
 * the word joiner (U+2060), the zero-width no-break space (U+FEFF), direction marks (U+200E, U+202A…). The tokeniser
 * keeps them inside the word they sit in (offsets cover the text as written, so a rename edits it exactly); what
 * reads a word or a name for its meaning (the tagger's features and lists, actor names and keys) reads it without
 * them, so that `Stein\u00admeier` is `Steinmeier`. The zero-width space (U+200B) is a break between words, as
 * Unicode's word boundaries (UAX #29) have it: read as a space.
 *
 * Not a format character: a soft hyphen that is the second byte of a UTF-8 letter read as Latin-1 or Windows-1252
 * (`GarcÃ\u00ada` for `García`; the tokeniser reads it as a letter, `tokenize.ts`), which stays.
 */

/**
 * Lead characters of a letter garbled by a wrong decoding, before its second byte (`Ã` of `Ã\u00ad`, `í`): the
 * lookbehind of the tokeniser's word characters.
 */
export const MOJIBAKE_LEAD = String.raw`(?<=[ÃÄÅ]|A[\u0303\u0308\u030A]|[\u0080-\u009F](?:Â|A\u0302))`;

/** A format character, not a mojibake letter's second byte. */
const FORMAT_CHARACTER_SOURCE = String.raw`(?!${MOJIBAKE_LEAD}\u00AD)\p{Cf}`;
const FORMAT_CHARACTER = new RegExp(FORMAT_CHARACTER_SOURCE, 'u');
const FORMAT_CHARACTERS = new RegExp(FORMAT_CHARACTER_SOURCE, 'gu');

/**
 * True when `s` has a format character. The tagger asks for every word: a scan of its code units answers most
 * without the pattern, which reads only a word with a code unit where format characters are (U+00AD; U+0600 to
 * U+200F, which holds the other format characters below U+2010 with letters of other scripts; U+202A–U+202E;
 * U+2060–U+206F; surrogates and above, U+FEFF among them). Letters with accents, curly quotes and dashes need no
 * pattern.
 */
export function hasFormatCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xad) continue;
    if (c === 0xad || (c >= 0x600 && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) || c >= 0xd800) return FORMAT_CHARACTER.test(s);
  }
  return false;
}

/**
 * `s` without its format characters, a zero-width space read as the space it stands for between the words of a name
 * (`Sergei\u200bLavrov` is `Sergei Lavrov`; the tokeniser breaks words there, as Unicode's word boundaries do); `s`
 * itself (no new string) when it has none.
 */
export function withoutFormatCharacters(s: string): string {
  return hasFormatCharacter(s) ? s.replace(FORMAT_CHARACTERS, (c) => (c === '\u200b' ? ' ' : '')) : s;
}

/** Any format character, a mojibake letter's soft hyphen too: the quick test of a whole text. */
const ANY_FORMAT_CHARACTER = /\p{Cf}/gu;

/**
 * False when `text[start, end)` has no format character (nearly every article): then no word in it has one, and
 * none need be read without them. One scan of the text costs a small part of what a test of each word did.
 */
export function mayHoldFormatCharacters(text: string, start: number, end: number): boolean {
  ANY_FORMAT_CHARACTER.lastIndex = start;
  const found = ANY_FORMAT_CHARACTER.exec(text);
  return found !== null && found.index < end;
}
