/**
 * Where a body's name begins and ends, when the tagger cut it short, ran it on, or ran two together: a chamber without
 * its leaders' title (`Senate Majority` of `Senate Majority Leader`), a head noun with the place it is `of` (`University
 * of New Hampshire`), a body with what it serves or deals with (`Brennan Center for Justice`, `Council on Foreign
 * Relations`), and two bodies joined by `and` split apart (`Ithaca College and Cornell University`).
 */

import { namesBodyByFirstWord } from '../genericBodyWords';
import { wordCase } from '../headlines';
import type { NameLexicon } from '../nameLexicon';
import { lowerBound } from '../search';
import { POSSESSIVE_MARKS } from '../roles';
import type { Sentence, Token } from '../types';
import type { Vocabulary } from '../vocabulary';
import type { DocumentEvidence } from './evidence';
import { namesDescribedAsPlaces } from './describedNames';
import { ARTICLE_WORDS, NOT_IN_A_NAME, isInitial, keyOf, nameKey, newWork, noOriginal, wordsOfPeopleNamedInFull, type RepairResources, type Work } from './work';

/** The sides of a legislature whose leaders' titles follow its name (`Senate Majority Leader`). */
const CHAMBER_SIDES: ReadonlySet<string> = new Set(['Majority', 'Minority']);

/**
 * A body's name read with the first word of a title that goes on after it: the organisation is the body, the title
 * its officer's (`Senate Majority` of `Senate Majority Leader Mitch McConnell`, `House Minority` of `House Minority
 * Whip`, `Breitbart News Executive` of `Breitbart News Executive Chairman Stephen K. Bannon`, `State Department
 * Inspector` of `State Department Inspector General`). A title word that ends a name is the name's when no title word
 * follows it (`the New Hampshire Union Leader reported`: a newspaper).
 */
export function leaveTitleAfterBody(tokens: readonly Token[], item: Work, vocabulary: Vocabulary): void {
  while (item.last - item.first >= 2) {
    const end = tokens[item.last - 1].text;
    const next = tokens[item.last]?.text ?? '';
    if (!(CHAMBER_SIDES.has(end) || (/^\p{Lu}/u.test(end) && vocabulary.isRoleWord(end))) || !/^\p{Lu}/u.test(next) || !vocabulary.isRoleWord(next)) return;
    // What stays must end as a body's name does, in a capitalised word that is no title's (`Breitbart News`, `Senate`):
    // `Department of Justice` of `… Justice Inspector General`, `Office of the Attorney General` stay whole.
    const kept = tokens[item.last - 2].text;
    if (!/^\p{Lu}/u.test(kept) || vocabulary.isRoleWord(kept)) return;
    item.last--;
  }
}

/**
 * A body's name read with its officer's title before it and `of` (`CEO of Washington Restaurant Association`): the
 * organisation is what follows `of`, when that ends in a body's head noun (`Association`, `Committee`); an office named
 * with `of` is left whole (`Director of National Intelligence`, `Secretary of State's Office`).
 */
export function leaveTitleBeforeBody(tokens: readonly Token[], item: Work, vocabulary: Vocabulary, lexicon: NameLexicon): void {
  let of = item.first;
  while (of < item.last && tokens[of].text !== 'of') {
    const word = tokens[of].text;
    if (!/^\p{Lu}/u.test(word) || !(vocabulary.isRoleWord(word) || vocabulary.isRoleModifier(word.toLowerCase()))) return;
    of++;
  }
  if (of === item.first || of >= item.last || !vocabulary.isRoleWord(tokens[of - 1].text)) return;
  let first = of + 1;
  if (/^the$/i.test(tokens[first]?.text ?? '') && first + 1 < item.last) first++;
  if (item.last - first < 2 || lexicon.headOf(tokens[item.last - 1].text)?.kind !== 'organization') return;
  // `the Secretary of State's Office`: the office of the title, whole.
  for (let k = first; k < item.last; k++) if (POSSESSIVE_MARKS.has(tokens[k].text) || /['’]s$/.test(tokens[k].text)) return;
  item.first = first;
}

/**
 * An organisation's head word read apart from the place it is `of` is one name with it (`University` + `New
 * Hampshire` → `University of New Hampshire`, `Bank of America`, `Times of India`): the tagger, which has seen few
 * such names, stops at `of`, and the place left alone puts a university among the article's places.
 */
export function joinHeadOfPlace(sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon): void {
  for (let k = 0; k + 1 < work.length; k++) {
    const head = work[k];
    const place = work[k + 1];
    if (head.dropped || place.dropped || head.sentence !== place.sentence || head.last - head.first !== 1) continue;
    if (place.type !== 'location' || (head.type !== 'organization' && head.type !== 'location')) continue;
    const tokens = sentences[head.sentence].tokens;
    if (place.first !== head.last + 1 || tokens[head.last].text !== 'of') continue;
    if (lexicon.headOf(tokens[head.first].text)?.kind !== 'organization') continue;
    head.last = place.last;
    head.type = 'organization';
    place.dropped = true;
  }
}

/**
 * A body's name goes on with `of`, `for` or `on` and what the body serves or deals with (`Committee for a Responsible
 * Federal Budget`, `Brennan Center for Justice`, `Council on Foreign Relations`, `Institute for the Study of Labor`):
 * the recogniser joins such a name only when it found both halves as names with at most `the` between
 * (`joinInstitutionNames` in ner/recognizer.ts), and the tagger often leaves the field unnamed (`Justice`, `Foreign
 * Relations`), reads the head as a place (`Washington Center`) or stops at `a`, so the body came out as `Center`, a
 * place, or `Responsible Federal Budget`. The evidence here is the text's capitals: a capitalised head noun of an
 * institution (`name-heads.tsv`, `institution`; `topic` for `on`) outside a title-case line, the link (`the`, after
 * `for` also `a` or `an`), then capitalised words, with `of` (and `the`) or `and` between them (`Center on Budget and
 * Policy Priorities`; not before a name of its own the tagger found). The whole is one organisation, from the first
 * word of the head's mention, or of the capitalised words before an unnamed head. Guards:
 * - no person in it or right after it (`Committee for Trump`, `Campaign of Donald Trump`), and no title, honorific,
 *   calendar word or number ends the head's words (`Council on Tuesday`, `Committee on May 5`, `Office of the
 *   Secretary of State` is left as it was);
 * - no possessive after it (`thanked the Democratic Party for Iowa's support`);
 * - after `for`, not another body (`Monmouth University for the Asbury Park Press`, `left the Oversight Committee for
 *   the Judiciary Committee`): a name the lists know, one ending in an institution's head, or one ending in another
 *   head noun that holds a word no dictionary has (`Asbury`); a field's words are ordinary (`Public Opinion
 *   Research`);
 * - after `for`, not a law (`College for All Act`), unless the document is what the field is of (`Office for the
 *   Protection of the Constitution`);
 * - after `on`, a subject: none of the words named apart as a place or a listed name (`Security Council on Syria`,
 *   `Intelligence Committee on CNN`).
 */
export function joinBodiesToWhatTheyServe(sentences: readonly Sentence[], work: Work[], headline: Uint8Array, evidence: DocumentEvidence, resources: RepairResources): void {
  const lexicon = resources.nameLexicon;
  for (let s = 0; s < sentences.length; s++) {
    if (headline[s]) continue;
    const tokens = sentences[s].tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      const link = tokens[i + 1].text;
      if (link !== 'of' && link !== 'for' && link !== 'on') continue;
      if (wordCase(tokens[i]) !== 'capitalised') continue;
      const head = lexicon.headOf(tokens[i].text);
      if (head?.kind !== 'organization' || !(link === 'on' ? head.topic : head.institution)) continue;
      const joined = bodyAndField(sentences, s, i, work, evidence, resources);
      if (!joined) continue;
      const { first, last } = joined;
      // The mentions inside become the one organisation: the first of them is kept (an unnamed name gets a new one).
      // The items are in document order: only the sentence's own are read (a scan of every item per body joined was
      // quadratic in a long article).
      let kept: Work | undefined;
      for (let k = firstItemOfSentence(work, s); k < work.length && work[k].sentence === s; k++) {
        const item = work[k];
        if (item.dropped || item.last <= first || item.first >= last) continue;
        if (!kept) kept = item;
        else item.dropped = true;
      }
      if (kept) {
        kept.first = first;
        kept.last = last;
        kept.type = 'organization';
      } else {
        // In document order, as the output and `mentionAt` read the list; no recogniser's mention to keep (`original`).
        work.splice(firstItemAfter(work, s, last), 0, newWork(s, first, last, 'organization', false, noOriginal('organization')));
      }
      i = last - 1;
    }
  }
}

/*
 * The two searches of the items are functions of their own, not closures written in the loop above: a closure there
 * captures the loop's `s` and `last`, so V8 allocated a context for the loop's body at every token of the article,
 * most of which go no further than the link test (27 MB of a warm pass over PolNeAR train, the repair's largest
 * allocation, measured with the sampling heap profiler).
 */

/** The index of the first item of sentence `s` in `work` (items are in document order), or where it would be. */
function firstItemOfSentence(work: readonly Work[], s: number): number {
  return lowerBound(work.length, (j) => work[j].sentence >= s);
}

/** The index of the first item after token `last` of sentence `s`, or of a later sentence: where an item ending there goes. */
function firstItemAfter(work: readonly Work[], s: number, last: number): number {
  return lowerBound(work.length, (k) => work[k].sentence > s || (work[k].sentence === s && work[k].first >= last));
}

/**
 * The tokens `[first, last)` of a body's name whose head noun is token `head`, before `of`, `for` or `on`, with what the
 * body serves (see {@link joinBodiesToWhatTheyServe}), or undefined when the words after the link are no part of it.
 */
function bodyAndField(sentences: readonly Sentence[], s: number, head: number, work: readonly Work[], evidence: DocumentEvidence, resources: RepairResources): { first: number; last: number } | undefined {
  const { nameLexicon: lexicon, vocabulary } = resources;
  const tokens = sentences[s].tokens;
  const link = tokens[head + 1].text;
  const own = evidence.mentionAt(s, head);
  // The head ends the name the tagger found (a name it already took on, `Center for Media`, is left as it is); a person
  // or another kind of entity is not a body.
  if (own && (own.dropped || own.last !== head + 1 || (own.type !== 'organization' && own.type !== 'location'))) return undefined;
  const mentionOf = (k: number) => {
    const found = evidence.mentionAt(s, k);
    return found && !found.dropped ? found : undefined;
  };
  let first = own ? own.first : head;
  if (!own) {
    // An unnamed head takes the capitalised words before it (`Annenberg Institute`), not an article, a title, or a
    // sentence's first word capitalised by its position alone; and a place or a body named right before them, which
    // the tagger read apart (`Rhode Island` `School of Design`).
    while (first > 0) {
      const word = tokens[first - 1];
      const kind = wordCase(word);
      if ((kind !== 'capitalised' && kind !== 'upper') || ARTICLE_WORDS.has(word.text)) break;
      const before = mentionOf(first - 1);
      if (before) {
        if (before.type === 'organization' || before.type === 'location') first = before.first;
        break;
      }
      if (vocabulary.isRoleWord(word.text) || vocabulary.isHonorific(word.text) || NOT_IN_A_NAME.test(word.text)) break;
      if (isInitial(tokens, first - 1) && evidence.capitalisedByPosition(word.text, lexicon, false, false)) break;
      first--;
    }
  }
  // A court case (`Brown v. Board of Education`, `Fisher v. University of Texas`) names no body: the recogniser leaves
  // the parties out, and so does this.
  if (/^vs?\.?$/.test(tokens[first - 1]?.text ?? '')) return undefined;
  let start = head + 2;
  const article = tokens[start]?.text;
  if (article === 'the' || (link === 'for' && (article === 'a' || article === 'an'))) start++;
  /** A person's name begins within three capitalised words from `k` (`President Richard Haass`, `Vice President Joe Biden`). */
  const personAhead = (k: number) => {
    for (let j = k; j < k + 3 && tokens[j] && wordCase(tokens[j]) !== 'lower'; j++) if (mentionOf(j)?.type === 'person') return true;
    return false;
  };
  /**
   * A word of the field's name: capitalised, no calendar word or number, in no person; a title or an honorific only
   * when no person follows it (`Brennan Center for Justice`, not `Council on Foreign Relations President Richard Haass`).
   */
  const fieldWord = (k: number) => {
    const word = tokens[k];
    if (!word) return false;
    const kind = wordCase(word);
    if ((kind !== 'capitalised' && kind !== 'upper') || NOT_IN_A_NAME.test(word.text)) return false;
    if ((vocabulary.isRoleWord(word.text) || vocabulary.isHonorific(word.text)) && personAhead(k + 1)) return false;
    const wordHead = lexicon.headOf(word.text);
    if (wordHead?.kind === 'event' && !wordHead.document) return false;
    const mention = mentionOf(k);
    return !mention || mention.type === 'organization' || mention.type === 'location';
  };
  const isNameOfItsOwn = (other: Work): boolean => {
    const otherTokens = sentences[other.sentence].tokens;
    const key = keyOf(sentences, other);
    if (other.type === 'person' || lexicon.headOf(otherTokens[other.last - 1].text)?.kind === 'organization' || lexicon.isListedName(key)) return true;
    return work.some((w) => w !== other && !w.dropped && w.last - w.first === other.last - other.first && sentences[w.sentence].tokens[w.first - 1]?.text !== 'and' && keyOf(sentences, w) === key);
  };
  let last = start;
  for (let k = start; fieldWord(k); ) {
    last = ++k;
    const joiner = tokens[k]?.text;
    if (joiner === 'of' || joiner === 'and') {
      let next = k + 1;
      if (joiner === 'of' && tokens[next]?.text === 'the') next++;
      // After `and`, a name the tagger found apart may be another body (`Center for American Progress and Media
      // Matters`): one ending in a head noun of its own, one the lists know, or one the article names elsewhere not
      // after `and`. The rest of a field (`Center on Budget and` `Policy Priorities`) is named nowhere else.
      const other = joiner === 'and' ? mentionOf(next) : undefined;
      const apart = other !== undefined && other !== mentionOf(k - 1) && isNameOfItsOwn(other);
      if (fieldWord(next) && !apart) k = next;
    }
  }
  if (last === start) return undefined;
  // Cut by a title before a person, one word is more often the title's first (`Awami League of Prime Minister Sheikh
  // Hasina`, CoNLL eng.train: the league of the person) than a field (`Council on Foreign Relations President`).
  if (last - start === 1 && (vocabulary.isRoleWord(tokens[last]?.text ?? '') || vocabulary.isHonorific(tokens[last]?.text ?? '')) && personAhead(last + 1)) return undefined;
  const after = tokens[last];
  // A person or a number right after the words (`Committee for Hillary Clinton`, `Committee on May 5`), a possessive.
  if (after) {
    const mention = mentionOf(last);
    if ((mention && mention.type === 'person') || /^\d/.test(after.text) || POSSESSIVE_MARKS.has(after.text)) return undefined;
  }
  // Every mention in the field lies inside it, and none is a person.
  for (let k = start; k < last; k++) {
    const mention = mentionOf(k);
    if (mention && (mention.first < start || mention.last > last)) return undefined;
  }
  const fieldName = nameKey(tokens, start, last);
  const lastHead = lexicon.headOf(tokens[last - 1].text);
  if (link === 'for') {
    if (lexicon.isListedName(fieldName) || lastHead?.institution) return undefined;
    if (lastHead?.kind === 'organization') {
      for (let k = start; k < last; k++) if (wordCase(tokens[k]) === 'capitalised' && !lexicon.isOrdinaryWord(tokens[k].text) && tokens[k].text !== tokens[last - 1].text) return undefined;
    }
    if (lastHead?.document) {
      let ofBefore = false;
      for (let k = start; k < last && !ofBefore; k++) ofBefore = tokens[k].text === 'of';
      if (!ofBefore) return undefined;
    }
  }
  if (link === 'on') {
    if (lexicon.isListedName(fieldName)) return undefined;
    for (let k = start; k < last; k++) if (mentionOf(k)?.type === 'location') return undefined;
  }
  return { first, last };
}

/**
 * Two bodies joined by `and` read as one organisation (`Twitter and Facebook`, `Urban Institute and Brookings
 * Institution`, `Ithaca College and Cornell University`) are two: the tagger runs a list of names together as it does
 * the words of one name. Split only where both sides are names by themselves, as the lists know them, as the article
 * names them elsewhere (as an organisation or a place), or as a head noun ends them after a capitalised word; an
 * `and` inside a name joins words that are no names alone (`Securities and Exchange Commission`, `Office of
 * Management and Budget`, `Centers for Disease Control and Prevention`, `Labor and Pensions Committee`). A single
 * ordinary word is never a name alone here (`Labor`), an acronym always is (`IRS`), and before a name built on a head
 * noun a first name without one may share it (`Parks and Recreation Department`), unless the lists know it as an
 * organisation or an acronym, which stands for a whole name (`IRS and Drug Enforcement Administration`).
 */
export function splitBodiesJoinedByAnd(sentences: readonly Sentence[], work: Work[], lexicon: NameLexicon): void {
  let named: Set<string> | undefined;
  /**
   * `known`: the lists, the article or the form of an acronym name it; `proper`: a head noun builds it on a word no
   * dictionary has (`Cornell University`); `form`: a head noun builds it on ordinary words (`Telecommunications
   * Administration`, which may be a description); else none.
   */
  const evidenceOf = (tokens: readonly Token[], first: number, last: number): 'known' | 'proper' | 'form' | undefined => {
    if (last <= first) return undefined;
    const opening = wordCase(tokens[first]);
    if (opening !== 'capitalised' && opening !== 'upper') return undefined;
    const key = nameKey(tokens, first, last);
    // An acronym is a name by its form (`IRS`).
    if (lexicon.isListedName(key) || isAcronym(tokens, first, last)) return 'known';
    if (last - first === 1 && lexicon.isOrdinaryWord(tokens[first].text)) return undefined;
    if (!named) {
      named = new Set();
      for (const other of work) {
        if (!other.dropped && (other.type === 'organization' || other.type === 'location')) named.add(keyOf(sentences, other));
      }
    }
    if (named.has(key)) return 'known';
    if (!endsInHead(tokens, first, last) || wordCase(tokens[last - 2]) === 'lower') return undefined;
    // Head nouns alone build no name (`Holdings Ltd`, `Bank Group`): the end of the first side's name, shared.
    let built = false;
    for (let i = first; i < last - 1; i++) {
      if (lexicon.headOf(tokens[i].text) !== undefined) continue;
      built = true;
      if (!lexicon.isOrdinaryWord(tokens[i].text)) return 'proper';
    }
    return built ? 'form' : undefined;
  };
  const isAcronym = (tokens: readonly Token[], first: number, last: number): boolean => last - first === 1 && /^\p{Lu}{2,}$/u.test(tokens[first].text);
  const endsInHead = (tokens: readonly Token[], first: number, last: number): boolean => {
    const kind = lexicon.headOf(tokens[last - 1].text)?.kind;
    return last - first >= 2 && (kind === 'organization' || kind === 'location');
  };
  for (let k = 0; k < work.length; k++) {
    const item = work[k];
    if (item.dropped || item.headline || item.type !== 'organization' || item.last - item.first < 3) continue;
    const tokens = sentences[item.sentence].tokens;
    for (let and = item.first + 1; and < item.last - 1; and++) {
      if (tokens[and].text !== 'and') continue;
      const second = tokens[and + 1].text === 'the' ? and + 2 : and + 1;
      // A firm named for its founders and their partners is one (`Arthur Yates and Co Ltd`, CoNLL eng.train).
      if (FIRM_PARTNERS.test(tokens[second].text)) break;
      // Both sides names, one at least known or both built on proper names (`Ithaca College and Cornell University`):
      // a head noun after ordinary words may describe what the whole name's body does (`Guangdong Post and
      // Telecommunications Administration`, CoNLL testa: one body).
      const before = evidenceOf(tokens, item.first, and);
      const after = before && evidenceOf(tokens, second, item.last);
      if (!after || (before !== 'known' && after !== 'known' && (before !== 'proper' || after !== 'proper'))) continue;
      // Before a second name built on a head noun, a first without one may share that head (`Parks and Recreation
      // Department`, the department of both): only a name the lists know as an organisation's is one alone there.
      if (endsInHead(tokens, second, item.last) && !endsInHead(tokens, item.first, and) && !isAcronym(tokens, item.first, and) && !lexicon.isListedOrganisation(nameKey(tokens, item.first, and))) continue;
      // The second body is a mention of its own, right after the first in document order.
      work.splice(k + 1, 0, newWork(item.sentence, second, item.last, item.type, false, noOriginal(item.type)));
      item.last = and;
      break;
    }
  }
}

/** What follows `and` in the name of a firm of partners (`Arthur Yates and Co`, `Smith and Sons`). */
const FIRM_PARTNERS = /^(?:Co\.?|Company|Sons|Partners|Associates)$/;

/**
 * A one-word "place" that begins a body's name of the article followed only by generic body words is that body's
 * short form: `Valeant` beside `Valeant Pharmaceuticals International`, `Quinnipiac` beside `Quinnipiac University`,
 * `Evercore` beside `Evercore Partners` (`genericBodyWords.ts`). The tagger, trained on 1996 newswire, reads an unknown
 * capitalised word after `at` or `in` as a place. Only for a word that no list of places or of proper names knows
 * (`Indiana` beside `Indiana University`, or `Columbia`, stays a place), that the article does not place (`Middlebury,
 * Vt.` beside `Middlebury College`: `placeNames`) nor describe as a place (`Khorasan, a historical region,` beside the
 * `Khorasan Group`), and that is no word of a person's full name in the article.
 */
export function placesShorteningBodies(sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon, placeNames: ReadonlySet<string>): void {
  const bodies = new Set<string>();
  for (const item of work) {
    if (item.dropped || item.type !== 'organization' || item.last - item.first < 2) continue;
    const tokens = sentences[item.sentence].tokens;
    const words: string[] = [];
    for (let i = item.first; i < item.last; i++) words.push(tokens[i].text.toLowerCase());
    if (namesBodyByFirstWord(words)) bodies.add(tokens[item.first].text);
  }
  if (bodies.size === 0) return;
  const personWords = wordsOfPeopleNamedInFull(sentences, work);
  const describedPlaces = namesDescribedAsPlaces(sentences, work);
  const unknownPlace = (word: string) =>
    !lexicon.isListedName(word) && !lexicon.isKnownName(word) && !lexicon.isStateName(word) && !personWords.has(word) && !placeNames.has(word) && !describedPlaces.has(word.toLowerCase());
  for (const item of work) {
    if (item.dropped || item.type !== 'location' || item.last - item.first !== 1) continue;
    const word = sentences[item.sentence].tokens[item.first].text;
    if (bodies.has(word) && unknownPlace(word)) item.type = 'organization';
  }
}
