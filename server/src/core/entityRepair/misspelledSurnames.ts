/**
 * A person's surname misspelled in the article (`McLenney` and `McLenny` for Tyresha McClenney, `Keidis` for Anthony
 * Kiedis, `Brazille` for Donna Brazile). The tagger has never seen the misspelled word, and a word it has never seen
 * comes out as an organisation or a place as often as a person; the article then has an actor that is a typo, and the
 * quotation of `McLenney said … “…,” she said` went to Hillary Clinton, since `she` could not be an organisation.
 */

import { wordCase } from '../headlines';
import { similarNameWord } from '../names';
import type { Sentence } from '../types';
import type { RepairResources, Work } from './work';

/** Shorter words are too often another name a letter away, or an abbreviation (`Conn.` beside a Cohn). */
const MIN_LETTERS = 5;

/** Prepositions of place: a word after one is where something happens (`a rally in Durham`), whoever is named like it. */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'from', 'near', 'to', 'of', 'outside', 'across']);

/**
 * A one-word organisation or place that is a spelling of exactly one person's surname in the article, a letter or two
 * apart (`similarNameWord`, as the `name-variant` diagnostic reads spellings), is that person when the article treats
 * it as one: its mentions become person mentions, and the actors join it to the full name as a spelling, which the
 * diagnostic then shows. The lists of places and bodies are thin (`Durham`, `Stanford`, `Lazio` are in none), so a
 * spelling close to a surname is not enough (`Durham` beside Lena Dunham, `Stanford` beside Mark Sanford): one of the
 * word's mentions must be a person's, followed by a speech verb (`McLenney said`, `Keidis continued`), after an
 * honorific, or after a speech verb and `with` (`agreed with McLenny`), and none a place's (after `in`, `at`, `from`
 * …; before a state, `Durham, N.C.`; a name the article places, `placeNames`). Only a word no list knows, not an
 * ordinary word, written capitalised, and never itself the last word of a person of the article (`Sanders` beside
 * Bernie Sanders is his name, not a misspelling of Sarah Sandes's). Every mention of the word alike.
 */
export function misspelledSurnames(sentences: readonly Sentence[], work: readonly Work[], resources: RepairResources, placeNames: ReadonlySet<string>): void {
  const { nameLexicon: lexicon, vocabulary } = resources;
  const speechVerbs = resources.quotes.speechVerbs;
  const wordOf = (item: Work) => sentences[item.sentence].tokens[item.first].text;
  const isCandidate = (item: Work): boolean => {
    if (item.dropped || item.headline || (item.type !== 'organization' && item.type !== 'location') || item.last - item.first !== 1) return false;
    const token = sentences[item.sentence].tokens[item.first];
    return (
      wordCase(token) === 'capitalised' &&
      token.text.length >= MIN_LETTERS &&
      /^\p{L}+$/u.test(token.text) &&
      !placeNames.has(token.text) &&
      !lexicon.isListedName(token.text) &&
      !lexicon.isOrdinaryWord(token.text)
    );
  };
  // Most articles have none: nothing else is read then.
  if (!work.some(isCandidate)) return;
  // The surnames of the people the article names in full, and every word any person mention ends in.
  const fullSurnames = new Set<string>();
  const personWords = new Set<string>();
  for (const item of work) {
    if (item.dropped || item.type !== 'person') continue;
    const last = sentences[item.sentence].tokens[item.last - 1].text;
    personWords.add(last);
    if (item.last - item.first >= 2 && !item.headline) fullSurnames.add(last);
  }
  // The surnames lower-cased once, by their first character: `similarNameWord` compares only words that begin alike, so
  // a word is compared with those alone (comparing each candidate with every surname, lower-casing both each time, grew
  // with the square of a long article's names).
  const surnamesByInitial = new Map<string, { readonly surname: string; readonly lower: string }[]>();
  for (const surname of fullSurnames) {
    const lower = surname.toLowerCase();
    let bucket = surnamesByInitial.get(lower[0]);
    if (!bucket) surnamesByInitial.set(lower[0], (bucket = []));
    bucket.push({ surname, lower });
  }
  const spellingOf = new Map<string, string | undefined>();
  const surnameSpelled = (word: string): string | undefined => {
    if (spellingOf.has(word)) return spellingOf.get(word);
    let found: string | undefined;
    let count = 0;
    if (!personWords.has(word)) {
      const lowerWord = word.toLowerCase();
      for (const { surname, lower } of surnamesByInitial.get(lowerWord[0]) ?? []) {
        if (surname !== word && similarNameWord(lower, lowerWord)) {
          found = surname;
          count++;
        }
      }
    }
    const result = count === 1 ? found : undefined;
    spellingOf.set(word, result);
    return result;
  };
  const isState = (word: string) => lexicon.stateNamed(word) !== undefined || lexicon.isStateName(word);
  /** How a mention reads: as a person's (a sign), as a place's, or neither. */
  const reading = (item: Work): 'person' | 'place' | undefined => {
    const tokens = sentences[item.sentence].tokens;
    const before = tokens[item.first - 1]?.text ?? '';
    const after = tokens[item.last]?.text ?? '';
    if (PLACE_PREPOSITIONS.has(before.toLowerCase()) || (after === ',' && isState(tokens[item.last + 1]?.text ?? ''))) return 'place';
    if (speechVerbs.has(after.toLowerCase()) || vocabulary.isHonorific(before)) return 'person';
    if (before.toLowerCase() === 'with' && speechVerbs.has(tokens[item.first - 2]?.text.toLowerCase() ?? '')) return 'person';
    return undefined;
  };
  const signs = new Map<string, { person: boolean; place: boolean }>();
  for (const item of work) {
    if (!isCandidate(item) || surnameSpelled(wordOf(item)) === undefined) continue;
    const word = wordOf(item);
    let sign = signs.get(word);
    if (!sign) signs.set(word, (sign = { person: false, place: false }));
    const read = reading(item);
    if (read === 'person') sign.person = true;
    else if (read === 'place') sign.place = true;
  }
  for (const item of work) {
    if (!isCandidate(item)) continue;
    const sign = signs.get(wordOf(item));
    if (sign?.person && !sign.place) item.type = 'person';
  }
}
