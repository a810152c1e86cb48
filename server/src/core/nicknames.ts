/**
 * Nicknames in quotation marks inside a person's name (`Rep. Robert C. “Bobby” Scott`, `Marcia "Cia" Price`,
 * `John “Tig” Tiegen`): the recogniser reads the parts apart (`Robert C.`, `Cia` an organisation, `Tiegen`), and
 * the quote pass would read the nickname as a quotation (`“Bobby” Scott said` gave Scott the words "Bobby").
 * This step, after the entity repair, makes the whole name one person mention, from the given name to the surname,
 * and drops the mentions inside it. The quote pass skips quotation marks inside a person's name
 * (`quotes/index.ts`).
 *
 * A nickname is one or two capitalised words between marks that touch them, right after a given name the lists
 * know or an initial (`C.`) and right before a capitalised word: `Trump “Won” Iowa` (no given name) and a
 * headline's `Felt “Invisible” As` stay as they are.
 */
import type { NameLexicon } from './nameLexicon';
import type { EntityMention, Sentence, Token } from './types';

const OPENING: ReadonlyMap<string, string> = new Map([['“', '”'], ['"', '"'], ['‘', '’']]);
/** Words of the surname after the nickname, at most (`Juan “Chico” Manriquez`, `Eldrick “Tiger” Woods Jr`). */
const SURNAME_WORDS = 2;

/** `mentions` (sorted, as the repair returns them) with each name around a quoted nickname made one person mention. */
export function joinQuotedNicknames(text: string, sentences: readonly Sentence[], mentions: EntityMention[], lexicon: NameLexicon): EntityMention[] {
  // Most articles have no quotation mark right after a given name: one pass over the tokens decides.
  let joined: EntityMention[] | undefined;
  for (const sentence of sentences) {
    const tokens = sentence.tokens;
    for (let i = 1; i + 3 < tokens.length; i++) {
      const close = OPENING.get(tokens[i].text);
      if (close === undefined) continue;
      const name = nicknamedName(tokens, i, close, lexicon);
      if (!name) continue;
      // From the given name: a title the recogniser took in (`Marine John`) stays out, as in the repair's names.
      const start = tokens[name.given].start;
      joined = replaceSpan(joined ?? [...mentions], { start, end: name.end, type: 'person', text: text.slice(start, name.end) });
      i = name.last;
    }
  }
  return joined ?? mentions;
}

/** The given name's token, the surname's last token and its end when the mark at `open` opens a nickname inside a name. */
function nicknamedName(tokens: readonly Token[], open: number, close: string, lexicon: NameLexicon): { given: number; last: number; end: number } | undefined {
  // A given name right before the mark, or one before an initial (`Robert C. “Bobby” Scott`), or initials that
  // stand for the given names (`Gov. C.L. "Butch" Otter`).
  const before = tokens[open - 1].text;
  const given = isInitial(before) ? open - 2 : open - 1;
  const named = INITIALS.test(before) || (given >= 0 && lexicon.isGivenName(tokens[given].text));
  if (!named) return undefined;
  // The nickname: one or two capitalised words, the marks touching them.
  let k = open + 1;
  if (tokens[k].start !== tokens[open].end) return undefined;
  while (k < tokens.length && k - open <= 2 && isCapitalisedWord(tokens[k].text)) k++;
  if (k === open + 1 || k >= tokens.length || tokens[k].text !== close || tokens[k].start !== tokens[k - 1].end) return undefined;
  // The surname: capitalised words after the closing mark.
  let last = k;
  while (last + 1 < tokens.length && last - k < SURNAME_WORDS && isCapitalisedWord(tokens[last + 1].text)) last++;
  return last === k ? undefined : { given: INITIALS.test(before) ? open - 1 : given, last, end: tokens[last].end };
}

/** `mentions` without those overlapping `mention`, and `mention`, in order. */
function replaceSpan(mentions: EntityMention[], mention: EntityMention): EntityMention[] {
  const out: EntityMention[] = [];
  let placed = false;
  for (const m of mentions) {
    if (m.end > mention.start && m.start < mention.end) continue;
    if (!placed && m.start >= mention.end) {
      out.push(mention);
      placed = true;
    }
    out.push(m);
  }
  if (!placed) out.push(mention);
  return out;
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
