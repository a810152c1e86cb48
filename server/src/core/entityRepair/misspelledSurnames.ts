/**
 * A person's surname misspelled in the article (`McLenney` and `McLenny` for Tyresha McClenney, `Keidis` for Anthony
 * Kiedis, `Brazille` for Donna Brazile). The tagger has never seen the misspelled word, and a word it has never seen
 * comes out as an organisation or a place as often as a person; the article then has an actor that is a typo, and the
 * quotation of `McLenney said … “…,” she said` went to Hillary Clinton, since `she` could not be an organisation.
 */

import { wordCase } from '../headlines';
import type { NameLexicon } from '../nameLexicon';
import { similarNameWord } from '../names';
import type { Sentence } from '../types';
import type { Work } from './work';

/** Shorter words are too often another name a letter away, or an abbreviation (`Conn.` beside a Cohn). */
const MIN_LETTERS = 5;

/**
 * A one-word organisation or place that is a spelling of exactly one person's surname in the article, a letter or two
 * apart (`similarNameWord`, as the `name-variant` diagnostic reads spellings), is that person: its mentions become
 * person mentions, and the actors join it to the full name as a spelling, which the diagnostic then shows. Only a word
 * no list knows as a place or an organisation (`Florida` is no spelling of Fiorina, nor `France` of Franco), not an
 * ordinary word, written capitalised, and never itself the surname of a person of the article (`Collins` beside
 * `Collin` is two people). Every mention of the word alike, so that the article reads it one way.
 */
export function misspelledSurnames(sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon): void {
  const wordOf = (item: Work) => sentences[item.sentence].tokens[item.first].text;
  const isCandidate = (item: Work): boolean => {
    if (item.dropped || item.headline || (item.type !== 'organization' && item.type !== 'location') || item.last - item.first !== 1) return false;
    const token = sentences[item.sentence].tokens[item.first];
    return (
      wordCase(token) === 'capitalised' &&
      token.text.length >= MIN_LETTERS &&
      /^\p{L}+$/u.test(token.text) &&
      !lexicon.isListedName(token.text) &&
      !lexicon.isOrdinaryWord(token.text) &&
      !lexicon.isStateAbbreviation(token.text)
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
  const spellingOf = new Map<string, string | undefined>();
  const surnameSpelled = (word: string): string | undefined => {
    if (spellingOf.has(word)) return spellingOf.get(word);
    let found: string | undefined;
    let count = 0;
    if (!personWords.has(word)) {
      for (const surname of fullSurnames) {
        if (surname !== word && similarNameWord(surname.toLowerCase(), word.toLowerCase())) {
          found = surname;
          count++;
        }
      }
    }
    const result = count === 1 ? found : undefined;
    spellingOf.set(word, result);
    return result;
  };
  const retyped = new Set<string>();
  for (const item of work) if (isCandidate(item) && surnameSpelled(wordOf(item)) !== undefined) retyped.add(wordOf(item));
  if (retyped.size === 0) return;
  for (const item of work) if (isCandidate(item) && retyped.has(wordOf(item))) item.type = 'person';
}
