/**
 * The entity repair: the recogniser's mentions repaired with evidence from the whole article (`repairEntities`), one
 * step between recognition and the figures. Independent passes over the same work items, in a fixed order (the order
 * matters: later passes read what earlier ones dropped, cut or retyped). One concern per file:
 *
 *   work.ts                   the work items (a mention as tokens of its sentence), resources, shared word tests
 *   evidence.ts               what the article says about its words: how it writes them, its people's names
 *   headlineNames.ts          organisations and places in title-case headlines: split at clauses, dropped, cut, or a person found in them
 *   person.ts                 person mentions: cut to the name, or turned into a group, body, place or nothing
 *   miscellaneousNames.ts     laws, documents, titles and shows read as actors (no entity)
 *   bodyNames.ts              bodies' names cut short, run on or run together (`Brennan Center for Justice`)
 *   committees.ts             political action committees (`Ready for Hillary PAC`, `super PAC`)
 *   coordinatedNames.ts       given names before what they share (`Khizr and Ghazala Khan`, `Bill and Melinda Gates Foundation`)
 *   peopleAsOrganisations.ts  people typed as organisations or places (`Ivanka Trump`, `Bill`, `Solomon Yue`)
 *   misspelledSurnames.ts     a person's surname misspelled, typed as an organisation or a place (`McLenney`)
 *   namesInContext.ts         names against the body's names: glued words, people in headlines
 *   describedNames.ts         names the article describes as a body (`Tinder, the mobile dating application`)
 *   oneTypePerName.ts         one type for all mentions of a name
 *
 * The list is roughly in pipeline order; `repairEntities` below calls the passes in their exact order. To find the
 * pass that made a wrong call: a person cut or retyped is `person.ts` (in a headline `namesInContext.ts`), a body's
 * wrong extent `bodyNames.ts` or `committees.ts`, an organisation that should be a person `peopleAsOrganisations.ts`
 * (a misspelled surname `misspelledSurnames.ts`),
 * a name given the other type everywhere `oneTypePerName.ts`.
 */

import { headlineSentences } from '../headlines';
import type { NameLexicon } from '../nameLexicon';
import { ACTOR_TYPES, type EntityMention, type Sentence, type Token } from '../types';
import { namesDescribedAsBodies } from './describedNames';
import { joinBodiesToWhatTheyServe, joinHeadOfPlace, leaveTitleAfterBody, leaveTitleBeforeBody, placesShorteningBodies, splitBodiesJoinedByAnd } from './bodyNames';
import { repairPoliticalActionCommittees } from './committees';
import { givenNamesSharingASurname, joinGivenNamesToBodyNamedAfterThem } from './coordinatedNames';
import { DocumentEvidence } from './evidence';
import { cutHeadlineNamesToKnownParts, dropHeadlineWordsTakenForNames, findPeopleInHeadlineNames, splitHeadlineNamesAtClauses } from './headlineNames';
import { dropDiseaseNames, dropNamesEndingTitles, dropShortFormsOfDocuments, namesDocument, partyMemberBeforePerson, partyMemberPlace } from './miscellaneousNames';
import { repairNamesInContext } from './namesInContext';
import { misspelledSurnames } from './misspelledSurnames';
import { oneTypePerName } from './oneTypePerName';
import { givenNamesTakenForOrganisations, peopleTakenForBodiesOrPlaces, relativesTakenForBodiesOrPlaces } from './peopleAsOrganisations';
import { DERIVED_NON_NAME_SUFFIXES, MODIFIER_SUFFIX, dropNamesWithoutEvidence, followLongerNames, followedByState, isTagOrTitle, madeFromSurname, repairPerson, takeGenerationalSuffixes } from './person';
import { locate, type RepairResources, type Work } from './work';

export type { RepairResources } from './work';

/**
 * Repairs the recogniser's mentions with evidence from the whole article, after recognition and
 * before figures and people's input (`analysis.ts`). A person is a person:
 * - **headlines**: in a title-case line (`headlines.ts`) a person is kept only as far as the body of
 *   the article names that person (`Barack Obama Just` → `Barack Obama`, `Clinton Hid` → `Clinton`,
 *   `Reveals` → nothing) or as it is written as a person's name (`How Paul Ryan Thinks`), and an organisation or a
 *   place needs the body, the lists or a head noun (`headlineNames.ts`: `U.S. Flexes Muscles As Asia …` → `U.S.`,
 *   `Asia`; `‘Boasters’` → nothing);
 * - **words capitalised by position** are not names: a sentence-initial word (or one right after an
 *   opening quote) that the article writes in lower case elsewhere, or an ordinary English word it
 *   never capitalises mid-sentence, is cut off (`Sadly`, `Take`, `Do` of `Don't`); so are a leading
 *   group word (`Libertarian Gary Johnson`), a plural title (`Senators Charles E. Grassley`), a lower-case
 *   word (`no. Rasmussen`), a modifier suffix (`Warren-style`) and anything from a bracket on;
 * - **groups, places, events, organisations** are not people: names of groups of people (`Muslims`,
 *   `Hispanic`, `Reagan Democrats`, `the Clintons`), names ending in a head noun (`Trauma Center` →
 *   organisation, `Capitol Hill` → place, `Super Tuesday` → no entity), names made of ordinary words
 *   only (`Fancy Bear`), an ordinary word alone (`Times`, `Patriot`) with no title before it and no
 *   full name of the article containing it, a word made from a person's surname (`Obamacare`), a
 *   name followed by a state (`Charlotte, N.C.` → place, and `Charlotte` elsewhere in the article too),
 *   handles (`@HillaryClinton`), names with digits or `&`, and party tags (`(D-Va.)`, `(Ky.)`); a law or
 *   doctrine made from a surname is no place or organisation either (`Obamacare`, `Reaganomics`), nor is a law, a
 *   document or an era named with its head noun (`Freedom of Information Act`, `Constitution`, `Great Recession`);
 * - **the article's own types**: a one-word "person" the article gives no sign of being one is
 *   dropped (`Theranos`), and one that begins a longer organisation or place takes its type
 *   (`Peabody` beside `Peabody Energy`); a one-word place that begins such a body's name followed by generic words
 *   (`Valeant` beside `Valeant Pharmaceuticals International`) or that the article describes as a body (`Tinder, the
 *   mobile dating application`) is an organisation.
 * Returns mentions sorted, non-overlapping, each with `text === text.slice(start, end)`.
 */
export function repairEntities(text: string, sentences: readonly Sentence[], mentions: readonly EntityMention[], resources: RepairResources): EntityMention[] {
  if (mentions.length === 0) return [];
  const lexicon = resources.nameLexicon;
  const headline = headlineSentences(text, sentences, lexicon);
  const work = locate(sentences, mentions, headline);
  const evidence = new DocumentEvidence(sentences, headline, work);
  const placeNames = new Set<string>();
  splitHeadlineNamesAtClauses(sentences, work, lexicon);
  dropHeadlineWordsTakenForNames(sentences, work, evidence, lexicon);
  findPeopleInHeadlineNames(sentences, work, evidence, lexicon);
  cutHeadlineNamesToKnownParts(sentences, work, lexicon);
  // A law or a doctrine named after a person (`Obamacare` read as a place): no entity of any type, in a headline too
  // (the word says so, not its capital).
  const namedAfterPerson = (item: Work) =>
    (item.type === 'location' || item.type === 'organization') && item.last - item.first === 1 && madeFromSurname(sentences[item.sentence].tokens[item.first].text, DERIVED_NON_NAME_SUFFIXES, evidence, lexicon);
  // Where a party member's place or person starts (`Democrat of` `Vermont`, `Republican` `Trump`), read in the loop's conditions.
  let place: number | undefined;
  for (const item of work) {
    if (item.headline) {
      if (namedAfterPerson(item)) item.dropped = true;
      continue;
    }
    const before = sentences[item.sentence].tokens[item.first - 1];
    // Handles and hashtags (`@HillaryClinton`, `@NolteNC`, `#NeverTrump`): an account or a topic, not a name.
    if (ACTOR_TYPES.has(item.type) && before && (before.text === '@' || before.text === '#') && before.end === sentences[item.sentence].tokens[item.first].start) item.dropped = true;
    else if (item.type === 'person') {
      const verdict = repairPerson(sentences, item, evidence, resources, placeNames);
      if (verdict === 'drop') item.dropped = true;
      else if (verdict !== undefined) item.type = verdict;
    }
    // A party tag or a title read as a place or an organisation (`(R-Fla.)`, `Sens.`): no entity of any type.
    else if (item.last - item.first === 1 && isTagOrTitle(sentences[item.sentence].tokens[item.first].text, resources.vocabulary)) item.dropped = true;
    else if (namedAfterPerson(item)) item.dropped = true;
    // A family read as an organisation or a place (`the Khans`, `The Ebelings`): people, not a body; as for a person mention.
    else if ((item.type === 'organization' || item.type === 'location') && item.last - item.first === 1 && evidence.isFamilyName(sentences[item.sentence].tokens[item.first].text)) item.dropped = true;
    // A group word alone read as a place (`the first Latina`, `Mormon loathing`, `Latino growth`): a nationality or a
    // people, CoNLL's miscellaneous, no actor. Not an organisation (a club: `the Indians`, `Roma`), a name the lists know
    // (`Philippines`), nor a word that a capitalised one or a line's end may continue (`Czech` ¶ `Republic`).
    else if (item.type === 'location' && item.last - item.first === 1 && isGroupWordAlone(sentences[item.sentence].tokens, item.first, lexicon)) item.dropped = true;
    // A law, a document or an era read as an organisation (`Freedom of Information Act`, the `Constitution`, `Great
    // Recession`): CoNLL's miscellaneous names, which the analysis reports as no actor. Not `Revolution`: `Our Revolution`
    // is a body, `New England Revolution` a club.
    else if (item.type === 'organization' && namesDocument(sentences[item.sentence].tokens, item, lexicon)) item.dropped = true;
    // A member of a party from a place (`Patrick J. Leahy, Democrat of Vermont,`): a description of the person, no
    // body; the place stays a place.
    else if (item.type === 'organization' && (place = partyMemberPlace(sentences[item.sentence].tokens, item, lexicon)) !== undefined) {
      item.first = place;
      item.type = 'location';
    }
    // A party member's word before a person's name (`over Republican Trump`): the person, the word a description.
    else if ((item.type === 'organization' || item.type === 'location') && (place = partyMemberBeforePerson(sentences[item.sentence].tokens, item, evidence)) !== undefined) {
      item.first = place;
      item.type = 'person';
    }
    // An organisation the lists know and no place list names, read as a place after `on`, `to` or `in` (`on Twitter`,
    // `posted on Facebook`, `told Politico`): the tagger's list feature lost to the preposition; the name is no place.
    else if (item.type === 'location' && lexicon.isListedOrganisation(item.original.text)) item.type = 'organization';
    // The tagger may have read the placed mention itself as a place already: the text places the name all the same.
    else if (item.type === 'location' && item.last - item.first === 1 && followedByState(sentences[item.sentence].tokens, item.last, lexicon)) {
      placeNames.add(sentences[item.sentence].tokens[item.first].text);
    }
  }
  for (const item of work) {
    if (item.dropped || item.type !== 'organization') continue;
    leaveTitleAfterBody(sentences[item.sentence].tokens, item, resources.vocabulary);
    leaveTitleBeforeBody(sentences[item.sentence].tokens, item, resources.vocabulary, lexicon);
  }
  joinHeadOfPlace(sentences, work, lexicon);
  joinBodiesToWhatTheyServe(sentences, work, headline, evidence, resources);
  splitBodiesJoinedByAnd(sentences, work, lexicon);
  joinGivenNamesToBodyNamedAfterThem(sentences, work, lexicon);
  repairPoliticalActionCommittees(sentences, work, evidence, lexicon);
  dropNamesEndingTitles(sentences, work, evidence, resources);
  dropDiseaseNames(sentences, work, lexicon);
  dropShortFormsOfDocuments(text, sentences, work, lexicon);
  // A name the article places (`Charlotte, N.C.`) is a place wherever it stands alone.
  if (placeNames.size > 0) {
    for (const item of work) {
      if (!item.dropped && item.type === 'person' && item.last - item.first === 1 && placeNames.has(sentences[item.sentence].tokens[item.first].text)) item.type = 'location';
    }
  }
  peopleTakenForBodiesOrPlaces(sentences, work, resources, placeNames);
  givenNamesSharingASurname(sentences, work);
  givenNamesTakenForOrganisations(sentences, work, lexicon);
  relativesTakenForBodiesOrPlaces(sentences, work, resources);
  dropNamesWithoutEvidence(sentences, work, evidence, resources);
  misspelledSurnames(sentences, work, resources, placeNames);
  followLongerNames(sentences, work, resources.vocabulary);
  placesShorteningBodies(sentences, work, lexicon, placeNames);
  const describedBodies = namesDescribedAsBodies(sentences, work, lexicon, resources.vocabulary, placeNames);
  repairNamesInContext(text, sentences, work, evidence, lexicon);
  oneTypePerName(text, sentences, work, lexicon, describedBodies);
  takeGenerationalSuffixes(sentences, work);
  const out: EntityMention[] = [];
  for (const item of work) {
    if (item.dropped || item.first >= item.last) continue;
    const tokens = sentences[item.sentence].tokens;
    const start = tokens[item.first].start;
    let end = tokens[item.last - 1].end;
    const last = tokens[item.last - 1].text;
    const suffix = item.type === 'person' && last.includes('-') ? MODIFIER_SUFFIX.exec(last) : null;
    if (suffix) end -= suffix[0].length;
    // Most mentions come through unchanged: keep the recogniser's object.
    const original = item.original;
    if (original.start === start && original.end === end && original.type === item.type) {
      out.push(original);
      continue;
    }
    out.push({ start, end, type: item.type, text: text.slice(start, end) });
  }
  return out;
}

/**
 * The group noun at `index` in the singular (`Latina`, `Mormon`; a plural may be a country the place lists lack and the
 * nationalities hold, `Philippines`), no name the lists hold, followed in its sentence by a word that is not
 * capitalised: at a line's end it may go on (`Czech` ¶ `Republic`, where the line break ends the sentence).
 */
function isGroupWordAlone(tokens: readonly Token[], index: number, lexicon: NameLexicon): boolean {
  const word = tokens[index].text;
  const next = tokens[index + 1]?.text;
  return next !== undefined && !/^\p{Lu}/u.test(next) && !word.endsWith('s') && lexicon.isGroupNoun(word) && !lexicon.isListedName(word);
}
