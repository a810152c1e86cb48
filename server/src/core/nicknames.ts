/**
 * Nicknames in quotation marks inside a person's name (`Rep. Robert C. “Bobby” Scott`, `Marcia "Cia" Price`,
 * `John “Tig” Tiegen`): the recogniser reads the parts apart (`Robert C.`, `Cia` an organisation, `Tiegen`), and
 * the quote pass would read the nickname as a quotation (`“Bobby” Scott said` gave Scott the words "Bobby").
 * This step, after the entity repair, makes the whole name one person mention, from the given name to the surname,
 * and drops the mentions inside it. The quote pass skips quotation marks inside a person's name
 * (`quotes/index.ts`).
 *
 * A nickname is one or two capitalised words between marks that touch them, right after a capitalised given name
 * the lists know (with an initial, `C.`, or as initials, `C.L.`) and right before a capitalised word: `Trump “Won”
 * Iowa` (no given name), `sue "Crooked" Hillary Clinton` (a verb) and a headline's `Felt “Invisible” As` stay as
 * they are.
 */
import { MONTHS, WEEKDAYS } from './figures';
import { headlineSentences } from './headlines';
import type { NameLexicon } from './nameLexicon';
import { rangeContaining } from './search';
import type { EntityMention, Sentence, Token } from './types';

const OPENING: ReadonlyMap<string, string> = new Map([['“', '”'], ['"', '"'], ['‘', '’']]);
/** Words of the surname after the nickname, at most (`Juan “Chico” Manriquez`, `Eldrick “Tiger” Woods Jr`). */
const SURNAME_WORDS = 2;
/** Words that title case capitalises and no surname is (`Trump Tells Paul ‘Get Out’ Of Race`). */
const NOT_SURNAMES = new Set(['of', 'to', 'in', 'on', 'at', 'for', 'from', 'after', 'before', 'and', 'or', 'the', 'a', 'an', 'as', 'by', 'with', 'over', 'says', 'said']);

/**
 * `mentions` (sorted, non-overlapping, as the repair returns them) with each name around a quoted nickname made
 * one person mention. Headlines are left alone: title case capitalises every word (`Hillary ‘Feels Great’ After
 * Collapse`).
 */
export function joinQuotedNicknames(text: string, sentences: readonly Sentence[], mentions: EntityMention[], lexicon: NameLexicon): EntityMention[] {
  // Most articles have no quotation mark right after a given name: one pass over the tokens decides, and the
  // names found are merged into the list once (a list copied per name was quadratic in a file of many).
  let names: EntityMention[] | undefined;
  let headline: Uint8Array | undefined;
  for (let s = 0; s < sentences.length; s++) {
    const tokens = sentences[s].tokens;
    for (let i = 1; i + 3 < tokens.length; i++) {
      // Every opening mark is a token of one character: the length rules out most tokens before the look-up, which
      // hashes the token's text (a pass over every token of the article).
      if (tokens[i].text.length !== 1) continue;
      const close = doubledMarkAt(tokens, i) ? DOUBLED : OPENING.get(tokens[i].text);
      if (close === undefined) continue;
      const name = nicknamedName(tokens, i, close, mentions, lexicon);
      if (!name) continue;
      headline ??= headlineSentences(text, sentences, lexicon);
      if (headline[s]) break;
      // From the given name: a title the recogniser took in (`Marine John`) stays out, as in the repair's names.
      const start = tokens[name.given].start;
      (names ??= []).push({ start, end: name.end, type: 'person', text: text.slice(start, name.end) });
      i = name.last;
    }
  }
  return names ? mergeNames(mentions, names) : mentions;
}

/** The given name's token, the surname's last token and its end when the mark at `open` opens a nickname inside a name. */
function nicknamedName(tokens: readonly Token[], open: number, close: string, mentions: readonly EntityMention[], lexicon: NameLexicon): { given: number; last: number; end: number } | undefined {
  // A capitalised given name right before the mark (`sue "Crooked" Hillary` is a verb), or one before an initial
  // (`Robert C. “Bobby” Scott`), or initials that stand for the given names and that the recogniser did not read
  // as a place or an organisation (`Gov. C.L. "Butch" Otter`; not `The U.S. "Dream" Team`).
  const before = tokens[open - 1];
  let given: number;
  if (INITIALS.test(before.text)) {
    const typed = rangeContaining(mentions, before.start);
    if (typed && typed.type !== 'person') return undefined;
    given = open - 1;
  } else {
    given = isInitial(before.text) ? open - 2 : open - 1;
    if (given < 0 || !/^\p{Lu}/u.test(tokens[given].text) || !lexicon.isGivenName(tokens[given].text)) return undefined;
  }
  // The nickname: one or two capitalised words, the marks touching them (a doubled mark is two tokens).
  const width = close === DOUBLED ? 2 : 1;
  const first = open + width;
  let k = first;
  if (k >= tokens.length || tokens[k].start !== tokens[k - 1].end) return undefined;
  while (k < tokens.length && k - first < 2 && isCapitalisedWord(tokens[k].text)) k++;
  const closes = close === DOUBLED ? doubledMarkAt(tokens, k) : k < tokens.length && tokens[k].text === close;
  if (k === first || !closes || tokens[k].start !== tokens[k - 1].end) return undefined;
  // The surname: capitalised words after the closing mark, up to a word of another kind the recogniser found
  // (`John “Tig” Tiegen Tuesday`: a date) or a word title case capitalises.
  k += width - 1;
  let last = k;
  while (last + 1 < tokens.length && last - k < SURNAME_WORDS && isSurnameWord(tokens[last + 1], mentions)) last++;
  return last === k ? undefined : { given, last, end: tokens[last].end };
}

function isSurnameWord(token: Token, mentions: readonly EntityMention[]): boolean {
  const lower = token.text.toLowerCase();
  // Nor is a day or a month a sentence goes on with (`John “Tig” Tiegen Tuesday`: figures are found after this step).
  if (!isCapitalisedWord(token.text) || NOT_SURNAMES.has(lower) || WEEKDAYS.has(lower) || MONTHS.has(lower)) return false;
  const typed = rangeContaining(mentions, token.start);
  return typed === undefined || typed.type === 'person' || typed.type === 'organization' || typed.type === 'location';
}

/** `mentions` without those overlapping a name of `names`, and the names, in order (both lists sorted). */
function mergeNames(mentions: readonly EntityMention[], names: readonly EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  let n = 0;
  for (const m of mentions) {
    while (n < names.length && names[n].end <= m.start) out.push(names[n++]);
    // Overlapping a name: a name may cover several mentions, and a mention may run past a name's end.
    let overlaps = false;
    for (let k = n; k < names.length && names[k].start < m.end; k++) if (names[k].end > m.start) overlaps = true;
    if (!overlaps) out.push(m);
  }
  while (n < names.length) out.push(names[n++]);
  return out;
}

/** The closing mark of a nickname between doubled apostrophes (`Robert C. ''Bobby'' Scott`, the New York Times archive's marks). */
const DOUBLED = "''";

/** True when tokens `i` and `i + 1` are two apostrophes (or backquotes) side by side: one doubled quotation mark. */
function doubledMarkAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]?.text;
  return (t === "'" || t === '`') && tokens[i + 1]?.text === t && tokens[i + 1].start === tokens[i].end && tokens[i + 2]?.text !== t;
}

/** Two or three initials written as one word (`C.L.`). */
const INITIALS = /^(?:\p{Lu}\.){2,3}$/u;

/** A capital and its full stop (`C.`): `A` alone opens headlines (`A ‘Seismic Shift’ Among Voters`). */
function isInitial(word: string): boolean {
  return /^\p{Lu}\.$/u.test(word);
}

function isCapitalisedWord(word: string): boolean {
  return /^\p{Lu}[\p{L}'’.-]*$/u.test(word) && !OPENING.has(word);
}
