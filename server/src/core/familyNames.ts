/**
 * Signs that an article names two people of one family: a surname written after a man's honorific and after a
 * woman's (`Mr. Khan`, `Ms. Khan`). Entity repair reads it to type a given name coordinated before the other's full
 * name (`Khizr and Ghazala Khan`), the actors to give that given name the surname.
 */
import type { Sentence } from './types';
import type { Vocabulary } from './vocabulary';

/** Of the `surnames`, those the article writes after a man's honorific and after a woman's (`Mr. Khan`, `Ms. Khan`). */
export function surnamesOfBothGenders(sentences: readonly Sentence[], surnames: ReadonlySet<string>, vocabulary: Vocabulary): Set<string> {
  const genders = new Map<string, Set<string>>();
  for (const sentence of sentences) {
    const tokens = sentence.tokens;
    for (let i = 1; i < tokens.length; i++) {
      if (!surnames.has(tokens[i].text)) continue;
      // The honorific's full stop may be a token of its own.
      const before = tokens[i - 1].text === '.' && i >= 2 ? `${tokens[i - 2].text}.` : tokens[i - 1].text;
      const gender = vocabulary.honorificGender(before);
      if (gender === undefined) continue;
      let seen = genders.get(tokens[i].text);
      if (!seen) genders.set(tokens[i].text, (seen = new Set()));
      seen.add(gender);
    }
  }
  const both = new Set<string>();
  for (const [surname, seen] of genders) if (seen.has('f') && seen.has('m')) both.add(surname);
  return both;
}
