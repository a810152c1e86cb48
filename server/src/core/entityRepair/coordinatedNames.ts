/**
 * Given names coordinated before what they share. English writes two people of one family with one surname
 * (`Khizr and Ghazala Khan`, `brothers Ammon and Ryan Bundy`) and a body named after a couple or a family with one
 * head (`Bill and Melinda Gates Foundation`, `the Bill, Hillary and Chelsea Clinton Foundation`). The tagger reads
 * only the last name of the list as a whole name; the given names before it come out as a name of their own, and
 * often of the wrong type (`Khizr` a place, `Bill` an organisation). The actors read the surname a given name shares
 * (`actors.ts`); here the types and extents are put right.
 */

import { wordCase } from '../headlines';
import type { NameLexicon } from '../nameLexicon';
import type { Sentence, Token } from '../types';
import type { Work } from './work';

/** What joins the names of a list (`Bill, Hillary and Chelsea`, `Bill & Melinda`). */
const COORDINATORS: ReadonlySet<string> = new Set([',', 'and', '&']);

/**
 * A body or place named after people given by their given names (`Bill and Melinda Gates Foundation`): the given
 * names before it, joined by `and`, `&` or commas, are part of its name. The name must begin with a given name and
 * end in a head noun (`Foundation`, `Center`), and every word taken into it must be a given name in capitals; a
 * mention that covered one of them alone is dropped into the name.
 */
export function joinGivenNamesToBodyNamedAfterThem(sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon): void {
  for (let k = 0; k < work.length; k++) {
    const body = work[k];
    if (body.dropped || body.headline || (body.type !== 'organization' && body.type !== 'location') || body.last - body.first < 3) continue;
    const tokens = sentences[body.sentence].tokens;
    if (!isGivenNameWord(tokens[body.first], lexicon) || lexicon.headOf(tokens[body.last - 1].text) === undefined) continue;
    const first = coordinatedGivenNamesBefore(tokens, body.first, lexicon);
    if (first === body.first) continue;
    // A mention that begins before the list and runs into it (`Microsoft Bill` of `Microsoft Bill and Melinda Gates
    // Foundation`) would overlap the joined name: then nothing is joined.
    let j = k - 1;
    while (j >= 0 && work[j].sentence === body.sentence && work[j].first >= first) j--;
    if (j >= 0 && work[j].sentence === body.sentence && !work[j].dropped && work[j].last > first) continue;
    for (let m = k - 1; m > j; m--) work[m].dropped = true;
    body.first = first;
  }
}

/**
 * A one-word name right before `and` or `&` and a person's full name, where the article writes that word with the
 * person's surname as a name elsewhere (`Khizr and Ghazala Khan` beside `Khizr Khan`), is a person, whatever type
 * the tagger gave it: the second person of the pair. Without that sign a place or a body stays one (`Georgia and
 * John Boozman`: senators of Georgia and of Arkansas).
 */
export function givenNamesSharingASurname(sentences: readonly Sentence[], work: readonly Work[]): void {
  // The pairs asked about first, then one pass over the article for them: a set of every pair of consecutive
  // words, made for the first such list, was most of this repair's time in a 1 MB article.
  const sought: { item: Work; given: string; surname: string }[] = [];
  for (let k = 0; k + 1 < work.length; k++) {
    const item = work[k];
    if (item.dropped || item.headline || item.type === 'person' || item.last - item.first !== 1) continue;
    const tokens = sentences[item.sentence].tokens;
    const person = work[k + 1];
    if (person.dropped || person.type !== 'person' || person.sentence !== item.sentence || person.last - person.first < 2) continue;
    if (person.first !== item.last + 1 || (tokens[item.last].text !== 'and' && tokens[item.last].text !== '&')) continue;
    if (wordCase(tokens[item.first]) !== 'capitalised') continue;
    sought.push({ item, given: tokens[item.first].text, surname: tokens[person.last - 1].text });
  }
  if (sought.length === 0) return;
  const written = pairsWritten(sentences, sought);
  for (const { item, given, surname } of sought) if (written.get(given)?.has(surname)) item.type = 'person';
}

/** Of the word pairs `sought` (`given surname`), those the article writes as consecutive words: per given name, the surnames. */
function pairsWritten(sentences: readonly Sentence[], sought: readonly { given: string; surname: string }[]): Map<string, Set<string>> {
  const surnamesOf = new Map<string, Set<string>>();
  for (const { given, surname } of sought) {
    let surnames = surnamesOf.get(given);
    if (!surnames) surnamesOf.set(given, (surnames = new Set()));
    surnames.add(surname);
  }
  const written = new Map<string, Set<string>>();
  for (const sentence of sentences) {
    const tokens = sentence.tokens;
    for (let i = 1; i < tokens.length; i++) {
      const given = tokens[i - 1].text;
      // The given names sought are capitalised: a word beginning with another ASCII character (most of them) is not
      // looked up (the look-up hashes the word).
      const code = given.charCodeAt(0);
      if (code < 65 || (code > 90 && code < 128)) continue;
      const surnames = surnamesOf.get(given);
      if (!surnames?.has(tokens[i].text)) continue;
      let found = written.get(given);
      if (!found) written.set(given, (found = new Set()));
      found.add(tokens[i].text);
    }
  }
  return written;
}

/** The first of the given names coordinated right before token `at` (`Bill` of `Bill, Hillary and` before `Chelsea`), or `at`. */
function coordinatedGivenNamesBefore(tokens: readonly Token[], at: number, lexicon: NameLexicon): number {
  let first = at;
  let i = at - 1;
  while (i >= 1 && COORDINATORS.has(tokens[i].text)) {
    // `, and` is one link of the list.
    let name = i - 1;
    if (tokens[i].text === 'and' && tokens[name]?.text === ',') name--;
    if (name < 0 || !isGivenNameWord(tokens[name], lexicon)) break;
    first = name;
    i = name - 1;
  }
  return first;
}

function isGivenNameWord(token: Token, lexicon: NameLexicon): boolean {
  return wordCase(token) === 'capitalised' && lexicon.isGivenName(token.text);
}
