/**
 * People the tagger typed as organisations or places: it learned some surnames and given names as companies or bills in
 * its 1996 Reuters text, so `Ivanka Trump` beside `Donald Trump`, or `Bill` of `Bill, Hillary, and Chelsea`, came out as
 * organisations, and `Solomon Yue, an RNC member` as a place. A name of a person's form with a sign from the article
 * becomes a person; `Al Qaeda`, `Morgan Stanley` and `the Blaze` stay organisations.
 */

import { wordCase } from '../headlines';
import { ARTICLES, POSSESSIVE_MARKS } from '../roles';
import type { NameLexicon } from '../nameLexicon';
import { POSSESSIVE_DETERMINERS } from '../quotes/words';
import type { Sentence, Token } from '../types';
import { describedAsBody } from './describedNames';
import { isTitled, personBesideTest } from './person';
import { NOT_IN_A_NAME, appositionWords, type RepairResources, type Work } from './work';

/**
 * An "organisation" or a "place" that has the form of a person's name and that the article treats as a person is a
 * person. The tagger learned some surnames as organisations (in its 1996 Reuters training text `Trump` is
 * a company), so the family of a person of the article comes out as one: `Ivanka Trump` and `Melania Trump`
 * beside `Donald Trump`, and sometimes the person too. The form: two or three capitalised words, none in
 * capitals, the first neither an ordinary word nor a group noun unless it is a given name (not `Team Trump`,
 * `Stop Trump`, `Republican Trump`), the last no head noun of an organisation, a place or an event unless a
 * surname may be one (`Pacific Command`, `Marine Corps`). The sign, at any mention of the name outside
 * headlines: its last word is the surname of a person the tagger found in the article (`Trump` of `Donald
 * Trump`); or, when the first word is a given name, a title, honorific or role word before it
 * (`candidate Donald Trump`, `Rep. Hakeem Jeffries`, `leader, Marine Le Pen`) or another person beside it
 * (`Charlie Sheen and Bill Cosby`), or a description of a person (`Sandy Phillips, who`, `Solomon Yue, an RNC
 * member`, `MSNBC's Megyn Kelly`: {@link describedAsPerson}); or three names, a given name, a middle name and a surname
 * (`Ruth Bader Ginsburg`: {@link isMiddleName}), a person's form whatever the type, unless a head noun follows it or the
 * sentence describes it as a body ({@link namesABody}). Otherwise a place needs a given name and such a description:
 * `Wisconsin Trump` is no relative of Donald Trump, and `Sri Lanka` beside a cricket captain is no person. Every
 * organisation or place mention of the name then becomes a person, and an
 * organisation such as `Al Qaeda` or `Morgan Stanley`, with a given name's form but no such sign, stays one.
 */
export function peopleTakenForBodiesOrPlaces(sentences: readonly Sentence[], work: readonly Work[], resources: RepairResources, placeNames: ReadonlySet<string> = NO_PLACES): void {
  const { nameLexicon: lexicon, vocabulary } = resources;
  const nameOf = (item: Work) => {
    const tokens = sentences[item.sentence].tokens;
    let name = tokens[item.first].text;
    for (let i = item.first + 1; i < item.last; i++) name += ` ${tokens[i].text}`;
    return name;
  };
  const besidePerson = personBesideTest(work);
  // The sign the article gives is what makes the name a person's (`candidate Art Halvorson`).
  const isGiven = (word: string) => isGivenNameOfListsOrRegisters(word, resources);
  // The surnames of the people left after the repair of person mentions (not the tagger's `Pacific Command`).
  const surnames = new Set<string>();
  for (const item of work) {
    if (!item.dropped && item.type === 'person' && !item.headline && item.last - item.first >= 2) surnames.add(sentences[item.sentence].tokens[item.last - 1].text);
  }
  const people = new Set<string>();
  const others = new Set<string>();
  for (const item of work) {
    if (item.dropped || (item.type !== 'organization' && item.type !== 'location') || item.headline) continue;
    const n = item.last - item.first;
    if (n < 2 || n > 3) continue;
    const tokens = sentences[item.sentence].tokens;
    const name = nameOf(item);
    if (people.has(name) || others.has(name)) continue;
    if (!hasPersonNameForm(tokens, item, lexicon, isGiven)) {
      others.add(name);
      continue;
    }
    // A given name of the registers alone needs a title or a description: `Houston Astros fans` beside a person is a team.
    const given = lexicon.isGivenName(tokens[item.first].text);
    const registered = !given && isGiven(tokens[item.first].text);
    const before = tokens[item.first - 1];
    const roleBefore = isTitled(tokens, item.first, vocabulary) || (before?.text === ',' && vocabulary.isRoleWord(tokens[item.first - 2]?.text ?? ''));
    // A place needs its given name and a description of a person: `Wisconsin Trump` is no relative of Donald Trump, and
    // a place beside a person is no person (`Sri Lanka - Arjuna Ranatunga ( captain )`).
    const signed =
      (given && n === 3 && isMiddleName(tokens[item.first + 1].text, lexicon) && !namesABody(tokens, item, lexicon)) ||
      (item.type === 'organization'
        ? surnames.has(tokens[item.last - 1].text) || (given && (roleBefore || besidePerson(item) || describedAsPerson(tokens, item, vocabulary))) || (registered && (roleBefore || describedAsPerson(tokens, item, vocabulary)))
        : (given || registered) && describedAsPerson(tokens, item, vocabulary));
    if (signed) people.add(name);
  }
  if (people.size === 0) return;
  // The name's short forms go with it (`Le Pen` of `Marine Le Pen`, `Trump` of `Melania Trump`): one person, not a person and an organisation.
  for (const name of [...people]) {
    for (let space = name.indexOf(' '); space >= 0; space = name.indexOf(' ', space + 1)) people.add(name.slice(space + 1));
  }
  for (const item of work) {
    if (item.dropped || (item.type !== 'organization' && item.type !== 'location') || item.last - item.first > 3) continue;
    const name = nameOf(item);
    // A short form the article places is the place (`Adams, Massachusetts` beside `John Quincy Adams`).
    if (people.has(name) && !placeNames.has(name)) item.type = 'person';
  }
}

const NO_PLACES: ReadonlySet<string> = new Set();

/**
 * True when a name of a person's form is a body's all the same: a head noun right after it (`the John Quincy Adams
 * school`, the tagger's `Martin Luther King` of `Martin Luther King Boulevard`) or a description of a body
 * (`the law firm Paul Weiss Rifkind`).
 */
function namesABody(tokens: readonly Token[], item: Work, lexicon: NameLexicon): boolean {
  const next = tokens[item.last]?.text;
  return (next !== undefined && lexicon.headOf(next) !== undefined) || describedAsBody(tokens, item);
}

/**
 * A second word that makes three names a person's full name with a middle name (`Ruth Bader Ginsburg`, `John Paul
 * Jones`): a given name or a surname the lists know, and no ordinary word. Bodies named after a person end in a head
 * noun or an ordinary word (`Charles Schwab Corp`, `John Hancock Financial`: not of a person's form).
 */
function isMiddleName(word: string, lexicon: NameLexicon): boolean {
  return (lexicon.isGivenName(word) || lexicon.isKnownSurname(word)) && !lexicon.isOrdinaryWord(word);
}

/** Words that open a relative clause about a person (`Sandy Phillips, who lost her daughter`). */
const PERSON_RELATIVES: ReadonlySet<string> = new Set(['who', 'whom', 'whose']);

/**
 * What the sentence says of a name that makes it a person's, for a name that begins with a given name: a relative
 * clause about a person after it (`Sandy Phillips, who`), an apposition with a role word before any preposition
 * (`Solomon Yue, an RNC member from Oregon`: `appositionWords`), or a body's possessive right before it, the name heading what follows (`MSNBC's Tamron Hall`: someone of
 * that body; not `Israel's Ben Gurion airport`).
 */
function describedAsPerson(tokens: readonly Token[], item: Work, vocabulary: RepairResources['vocabulary']): boolean {
  if (tokens[item.last]?.text === ',' && PERSON_RELATIVES.has(tokens[item.last + 1]?.text.toLowerCase() ?? '')) return true;
  const apposition = appositionWords(tokens, item.last);
  for (let i = apposition?.from ?? 0; i < (apposition?.to ?? 0); i++) if (vocabulary.isRoleWord(tokens[i].text)) return true;
  // The name must head what follows the possessive: `Israel's Ben Gurion airport` is a place's.
  const before = tokens[item.first - 1]?.text;
  return before !== undefined && POSSESSIVE_MARKS.has(before) && /^\p{Lu}/u.test(tokens[item.first - 2]?.text ?? '') && !/^\p{Ll}/u.test(tokens[item.last]?.text ?? '');
}

/** What joins the names of a list of people (`Bill, Hillary, and Chelsea`, `Bill & Melinda`). */
const COORDINATORS = new Set([',', 'and', 'or', '&']);

/**
 * A given name alone read as an organisation is a person of the article: the tagger learned `Bill` as one
 * (a bill before a parliament, in its 1996 Reuters text), so `Bill, Hillary, and Chelsea`, `not me, not Bill,
 * nobody` and `the Bill Clinton years` put an organisation `Bill` among the article's actors. Right before a
 * person's name the given name begins it (`Bill` | `Clinton` → `Bill Clinton`); elsewhere the sign is a person
 * of the article with that given name, or another person joined to it by `and`, `or`, `&` or a comma (`Steph
 * Curry and Carlton`; not `The Blaze’s Matt Walsh`, nor a name before a lower-case word it qualifies, `Mark Kennedy
 * and Chelsea defender Terry Phelan`: a club). A name after an article (`the Blaze`), in capitals, in a headline, or
 * in the tagger's list of organisations stays.
 */
export function givenNamesTakenForOrganisations(sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon): void {
  const isGivenNameAlone = (item: Work): boolean => {
    if (item.dropped || item.headline || item.type !== 'organization' || item.last - item.first !== 1) return false;
    const token = sentences[item.sentence].tokens[item.first];
    return wordCase(token) === 'capitalised' && lexicon.isGivenName(token.text) && !lexicon.isListedOrganisation(token.text);
  };
  const afterArticle = (item: Work): boolean => item.first > 0 && ARTICLES.has(sentences[item.sentence].tokens[item.first - 1].text.toLowerCase());
  /** Before a lower-case word other than a coordinator the name may qualify it (`Chelsea defender`), as a club's or a firm's does. */
  const qualifies = (item: Work): boolean => {
    const after = sentences[item.sentence].tokens[item.last]?.text;
    return after !== undefined && /^\p{Ll}/u.test(after) && !COORDINATORS.has(after);
  };
  // Most articles have none: nothing else is read then.
  if (!work.some(isGivenNameAlone)) return;
  // People named in full or by a given name: a list of places may hold one the tagger took for a person (`Dewsbury`).
  const people = work.filter((w) => !w.dropped && w.type === 'person' && (w.last - w.first >= 2 || lexicon.isGivenName(sentences[w.sentence].tokens[w.first].text)));
  /** Another person joined to `item` by coordinators and commas only (`Bill, Hillary, and Chelsea`). */
  const coordinatedWithPerson = (item: Work): boolean => {
    const tokens = sentences[item.sentence].tokens;
    const joined = (from: number, to: number) => {
      if (to <= from || to - from > 3) return false;
      for (let i = from; i < to; i++) if (!COORDINATORS.has(tokens[i].text.toLowerCase())) return false;
      return true;
    };
    return people.some((other) => other !== item && other.sentence === item.sentence && (joined(item.last, other.first) || joined(other.last, item.first)));
  };
  const givenNames = new Set<string>();
  for (const item of work) {
    if (!item.dropped && !item.headline && item.type === 'person' && item.last - item.first >= 2) givenNames.add(sentences[item.sentence].tokens[item.first].text);
  }
  for (let k = 0; k < work.length; k++) {
    const item = work[k];
    if (!isGivenNameAlone(item)) continue;
    const next = work[k + 1];
    if (next && !next.dropped && next.type === 'person' && next.sentence === item.sentence && next.first === item.last) {
      next.first = item.first;
      item.dropped = true;
    } else if (!afterArticle(item) && (givenNames.has(sentences[item.sentence].tokens[item.first].text) || (!qualifies(item) && coordinatedWithPerson(item)))) item.type = 'person';
  }
}

/**
 * A given name alone right after a possessive and a noun English marks for a person's sex (`vocabulary/gendered-nouns.tsv`:
 * `his son Beau`, `her husband, Bill`, `Clinton's daughter Chelsea`) is that person, whatever the tagger typed: a given
 * name of the lists or of the birth registers, not one the lists know as a place's or a body's.
 */
export function relativesTakenForBodiesOrPlaces(sentences: readonly Sentence[], work: readonly Work[], resources: RepairResources): void {
  const { nameLexicon: lexicon, vocabulary } = resources;
  for (const item of work) {
    if (item.dropped || item.headline || (item.type !== 'organization' && item.type !== 'location') || item.last - item.first !== 1) continue;
    const tokens = sentences[item.sentence].tokens;
    const word = tokens[item.first].text;
    if (wordCase(tokens[item.first]) !== 'capitalised' || lexicon.isListedName(word) || lexicon.isStateName(word) || !isGivenNameOfListsOrRegisters(word, resources)) continue;
    let noun = item.first - 1;
    if (tokens[noun]?.text === ',') noun--;
    if (noun < 1 || vocabulary.nounGender(tokens[noun].text.toLowerCase()) === undefined) continue;
    const owner = tokens[noun - 1].text;
    if (POSSESSIVE_DETERMINERS.has(owner.toLowerCase()) || POSSESSIVE_MARKS.has(owner)) item.type = 'person';
  }
}

/**
 * A given name of the tagger's lists, or of the birth registers (`Art`, an ordinary word the lists leave out; `Beau`)
 * when the lists know it as no place's or body's name and it is no state's (`Houston Astros`, `Austin`, `Virginia`).
 */
function isGivenNameOfListsOrRegisters(word: string, resources: RepairResources): boolean {
  const lexicon = resources.nameLexicon;
  return lexicon.isGivenName(word) || (resources.quotes.givenNameGenders.has(word) && !lexicon.isListedName(word) && !lexicon.isStateName(word));
}

/** Two or three capitalised words that can be a person's name (see {@link peopleTakenForOrganisations}). */
function hasPersonNameForm(tokens: readonly Token[], item: Work, lexicon: NameLexicon, isGiven: (word: string) => boolean): boolean {
  for (let i = item.first; i < item.last; i++) {
    if (wordCase(tokens[i]) !== 'capitalised' || NOT_IN_A_NAME.test(tokens[i].text)) return false;
  }
  for (let i = item.first; i < item.last - 1; i++) {
    const word = tokens[i].text;
    if (!isGiven(word) && (lexicon.isOrdinaryWord(word) || lexicon.isGroupNoun(word) || lexicon.headOf(word) !== undefined)) return false;
  }
  const last = tokens[item.last - 1].text;
  // An ordinary word at the end leaves it a thing's name, if not always (`Samantha Power`): an organisation stays one.
  if (lexicon.isGroupNoun(last) || lexicon.isOrdinaryWord(last)) return false;
  // As for a person's name (`repairPerson`): after a given name a place word or a surname-like organisation word is a surname (`Anita Hill`).
  const head = lexicon.headOf(last);
  return head === undefined || (isGiven(tokens[item.first].text) && head.kind !== 'event' && (head.kind !== 'organization' || head.surname));
}
