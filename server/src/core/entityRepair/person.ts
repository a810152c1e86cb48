/**
 * Person mentions: whether each is a person, and how far its name runs. `repairPerson` cuts the words in front that are
 * no part of the name (`Sadly`, `Libertarian`, `Senators`), ends it before a word no name has inside it (`Carson two
 * Pinocchios`), and turns groups, bodies, places, events and words made
 * from surnames into what they are (`Muslims`, `Trauma Center`, `Charlotte, N.C.`, `Obamacare`); later passes drop a
 * one-word "person" the article gives no sign of (`Theranos`) and give a short form the type of the longer name it
 * begins (`Peabody` beside `Peabody Energy`). The word tests here (a title before a name, a state after it, a surname
 * with a suffix) are also read by the pipeline for other types and by `peopleAsOrganisations.ts`.
 */

import { TITLE_CASE_LOWER, wordCase } from '../headlines';
import type { NameLexicon } from '../nameLexicon';
import { generationOfWord } from '../names';
import type { EntityType, Sentence, Token } from '../types';
import type { Vocabulary } from '../vocabulary';
import type { DocumentEvidence } from './evidence';
import { NOT_IN_A_NAME, isInitial, wordsOfPeopleNamedInFull, type RepairResources, type Work } from './work';

/** Hyphenated suffixes that make a name into a modifier (`Warren-style`, `Saudi-led`): cut off. */
export const MODIFIER_SUFFIX = /-(?:style|led|backed|era|like|based|linked|allied|type|esque|friendly|inspired|owned|funded|controlled)$/i;

/** What makes a surname into another word (`Obamacare`, `Clintonism`, `Reaganomics`, `Trumpian`). */
const DERIVED_SUFFIXES = ['care', 'ism', 'isms', 'ist', 'ists', 'ite', 'ites', 'ian', 'ians', 'esque', 'mania', 'nomics', 'omics', 'gate', 'world', 'land', 'ville'];

/**
 * The suffixes of those that make no place or organisation either: a law, a doctrine, a scandal (`Obamacare`,
 * `Reaganomics`, `Trumpism`, `Bridgegate`), which the tagger also takes for a place or an organisation. Not
 * `land`, `ville`, `world` (`Disneyland`) nor the adjectives' `ite`, `ian`.
 */
export const DERIVED_NON_NAME_SUFFIXES = ['care', 'ism', 'isms', 'mania', 'nomics', 'omics', 'gate'];

/** How close another person's name must stand to count as a list of people. */
const NEIGHBOUR_TOKENS = 2;

/** A name particle glued to a surname (`al-Khatib`, `el-Sisi`): lower case, but part of the name. */
const GLUED_PARTICLE = /^(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu|abd)-/;

/** A party's initial and a state (`R-Fla`, `D-N` of `D-N.J.`, `I-Vt`), as in the tags after US politicians' names. */
const PARTY_TAG = /^[DRI]-\p{Lu}/u;

/**
 * An epithet before a given name the article gives a person of in full (`Crooked Hillary` beside Hillary Clinton,
 * `Little Marco` beside Marco Rubio): an ordinary word, no given name, in capitals as a nickname writes it. Read as a
 * full name it made `Hillary` a surname, and every `Hillary` of the article and the workspace its person's.
 */
function isEpithet(tokens: readonly Token[], item: Work, evidence: DocumentEvidence, lexicon: NameLexicon): boolean {
  if (item.last - item.first !== 2) return false;
  const word = tokens[item.first].text;
  const name = tokens[item.first + 1].text;
  // The article's first words of full names first: a small set, which most two-word names' second word is not in, where
  // the word classes are looked up in the lexicon's large table (this runs for every person mention of two words).
  return evidence.firstWords.has(name) && wordCase(tokens[item.first]) === 'capitalised' && lexicon.isOrdinaryWord(word) && !lexicon.isGivenName(word) && lexicon.isGivenName(name);
}

/** The words after which a body's or place's name goes on with what it serves (`Hall of Science`). */
const LINKS: ReadonlySet<string> = new Set(['of', 'for']);

/**
 * A word that title case capitalises and leaves in lower case elsewhere (`The`, `On` of `Miss The Mark On
 * Discrimination`, a headline the tagger read as a name after `Miss`), but no initial (`A`, `V.`) or particle.
 */
function isCapitalisedFunctionWord(word: string, vocabulary: Vocabulary): boolean {
  const lower = word.toLowerCase();
  return TITLE_CASE_LOWER.has(lower) && word.length > 1 && !word.includes('.') && !vocabulary.isNameParticle(lower);
}

/**
 * The first word after a name's first that no name has inside it, where the name must end: an ordinary lower-case
 * word that is no particle (`Carson two Pinocchios`, `Bush has Heffley`: the tagger ran a name on over a number or a
 * verb into the next capitalised word; `de`, `bin`, `al-` are the name's), or a function word as title case writes it
 * (`Miss The Mark On Discrimination`, a headline run into a line of page furniture) beside another such word: one alone
 * may be a name's (`Al From`, `Reem As Saba’ee`). Headlines have their own pass (`namesInContext.ts`). Undefined when
 * the name has none.
 */
function wordNoNameHas(tokens: readonly Token[], item: Work, vocabulary: Vocabulary, lexicon: NameLexicon): number | undefined {
  let capitalised: number | undefined;
  for (let i = item.first + 1; i < item.last; i++) {
    const word = tokens[i].text;
    const kind = wordCase(tokens[i]);
    if (kind === 'lower' && !vocabulary.isNameParticle(word) && !GLUED_PARTICLE.test(word) && lexicon.isOrdinaryWord(word)) return capitalised ?? i;
    if (kind !== 'capitalised' || !isCapitalisedFunctionWord(word, vocabulary)) continue;
    if (capitalised !== undefined) return capitalised;
    capitalised = i;
  }
  return undefined;
}

/**
 * What a person mention is after all: `drop` (no entity), another type, or undefined (a person, its words
 * `[first, last)` cut to the name here). The drop or the new type is returned, not applied: each of the many rare exits is then a constant,
 * which V8 compiles without the type feedback a call or a store needs (each such exit taken for the first time
 * threw away this function's optimised code and compiled it again).
 */
export function repairPerson(sentences: readonly Sentence[], item: Work, evidence: DocumentEvidence, resources: RepairResources, placeNames: Set<string>): 'drop' | EntityType | undefined {
  const { nameLexicon: lexicon, vocabulary } = resources;
  const tokens = sentences[item.sentence].tokens;
  const before = tokens[item.first - 1];
  // Party tags (`(D-Va.)`, `(Ky.)`); handles and hashtags went before (`repairEntities`).
  const only = tokens[item.first].text;
  if (item.last - item.first === 1 && (PARTY_TAG.test(only) || (before?.text === '(' && (lexicon.isStateAbbreviation(only) || lexicon.isStateAbbreviation(`${only}.`))))) return 'drop';
  // A name ends where a bracket opens (`Scott (D-Va`).
  for (let i = item.first; i < item.last; i++) {
    if (tokens[i].text === '(' || tokens[i].text === ')') {
      item.last = i;
      break;
    }
  }
  for (let i = item.first; i < item.last; i++) if (NOT_IN_A_NAME.test(tokens[i].text)) return 'drop';
  // Words in front of the name that are not part of it. A capitalised word is cut only where a full
  // name stays after it (`Libertarian Gary Johnson`), or alone (`Sadly`): `Tiger Woods`, `Christian Arrue`.
  while (item.last - item.first > 0) {
    const word = tokens[item.first].text;
    const alone = item.last - item.first === 1;
    const nameAfter = item.last - item.first > 2;
    const leading =
      (wordCase(tokens[item.first]) === 'lower' && !vocabulary.isNameParticle(word) && !GLUED_PARTICLE.test(word)) ||
      (isInitial(tokens, item.first) && evidence.capitalisedByPosition(word, lexicon, alone, nameAfter)) ||
      (nameAfter && lexicon.isGroupNoun(word) && !lexicon.isGivenName(word)) ||
      (!alone && /s\.?$/.test(word) && vocabulary.isRoleWord(word.replace(/\.$/, '').slice(0, -1))) ||
      isEpithet(tokens, item, evidence, lexicon);
    if (!leading) break;
    item.first++;
  }
  const inner = wordNoNameHas(tokens, item, vocabulary, lexicon);
  if (inner !== undefined) {
    // A body's or a place's head noun and the link to what it serves (`Hall of Science`) make a name of that kind.
    const head = LINKS.has(tokens[inner].text) && inner + 1 < item.last ? lexicon.headOf(tokens[inner - 1].text) : undefined;
    if (head && head.kind !== 'event') return head.kind;
    item.last = inner;
    // What stays may be a title alone (`Miss` of `Miss The Mark`): no name.
    let titleOnly = true;
    for (let i = item.first; i < item.last && titleOnly; i++) titleOnly = isTagOrTitle(tokens[i].text, vocabulary);
    if (titleOnly) return 'drop';
  }
  const n = item.last - item.first;
  if (n === 0) return 'drop';
  const words: string[] = [];
  for (let i = item.first; i < item.last; i++) words.push(tokens[i].text);
  if (words[n - 1].includes('-')) words[n - 1] = words[n - 1].replace(MODIFIER_SUFFIX, '');
  const last = words[n - 1];
  // Groups of people: `Muslims`, `Reagan Democrats`, the `Clintons`; but `Mark Cuban` is a person.
  const givenNameFirst = n > 1 && words.slice(0, -1).some((w) => lexicon.isGivenName(w));
  if (lexicon.isGroupNoun(last) && !(givenNameFirst && !/s$/.test(last))) return 'drop';
  if (evidence.isFamilyName(last)) return 'drop';
  // A name followed by a head noun the tagger left out (`Steve Harvey Morning` `Show`) names that thing.
  const next = tokens[item.last];
  const nextHead = next && next.start === tokens[item.last - 1].end + 1 && wordCase(next) === 'capitalised' ? lexicon.headOf(next.text) : undefined;
  if (nextHead && nextHead.kind !== 'event' && !(givenNameFirst && nextHead.kind !== 'organization')) {
    // The head may be a mention of its own (`Show` read as a person): it becomes part of this one.
    const own = evidence.mentionAt(item.sentence, item.last);
    if (!own || own.last - own.first === 1) {
      if (own) own.dropped = true;
      item.last++;
      return nextHead.kind;
    }
  }
  const head = lexicon.headOf(last);
  if (head && n > 1) {
    // After a given name a place or calendar word is a surname (`Michael Bay`, `Kristen Day`); an
    // organisation's head only when it is a common surname too (`Emily Post`, not `Charlotte Observer`).
    if (!(givenNameFirst && (head.kind !== 'organization' || head.surname))) return head.kind === 'event' ? 'drop' : head.kind;
  }
  if (head && n === 1 && !isTitled(tokens, item.first, vocabulary)) {
    if (head.kind === 'event') return 'drop';
    // `Healthcare`, `the Times`, `Awards Fund` (a name cut short); but `Hill said` is Mr. Hill.
    const previous = item.first > 0 ? tokens[item.first - 1] : undefined;
    const surnameToo = head.kind !== 'organization' || head.surname;
    if (!surnameToo || (previous && (previous.text === 'the' || previous.text === 'The' || wordCase(previous) === 'capitalised'))) return head.kind;
  }
  if (n > 1 && words.every((w) => lexicon.isOrdinaryWord(w) || lexicon.headOf(w)?.kind === 'event')) return 'drop';
  // An ordinary word after ordinary words or a surname is not a name (`Zero Hedge`, `Trump Rally`,
  // `Sanders Is`); after a given name or an unknown word it may be one (`Samantha Power`, `Butch Otter`).
  const surnameOrWord = (w: string) => lexicon.isOrdinaryWord(w) || lexicon.isKnownSurname(w) || evidence.surnames.has(w);
  if (n > 1 && lexicon.isOrdinaryWord(last) && !givenNameFirst && words.slice(0, -1).every(surnameOrWord)) return 'drop';
  if (n === 1) {
    if (!isTitled(tokens, item.first, vocabulary) && lexicon.isOrdinaryWord(last) && !evidence.fullNameWords.has(last.toLowerCase())) return 'drop';
    // A word made from a surname (`Obamacare`, `Clintonite`, `Reaganomics`).
    if (madeFromSurname(last, DERIVED_SUFFIXES, evidence, lexicon)) return 'drop';
  }
  // A name followed by a state is a place (`Charlotte, N.C.`, `Everett, Wash.`), but not one in a
  // list followed by a state's politician (`Chris Christie, Ohio Gov. John Kasich`).
  if (followedByState(tokens, item.last, lexicon)) {
    if (n === 1) placeNames.add(tokens[item.first].text);
    return 'location';
  }
  return undefined;
}

/** True for a word made of a surname (of the article or the lists) and one of `suffixes`, unless it is a given name itself. */
export function madeFromSurname(word: string, suffixes: readonly string[], evidence: DocumentEvidence, lexicon: NameLexicon): boolean {
  for (const suffix of suffixes) {
    if (word.length < suffix.length + 3 || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if ((evidence.surnames.has(stem) || lexicon.isKnownSurname(stem)) && !lexicon.isGivenName(word)) return true;
  }
  return false;
}

/** `, N.C.`, `, Wash.,` or `, Ohio.` at `index`: a comma, a state, then no capitalised word. */
export function followedByState(tokens: readonly Token[], index: number, lexicon: NameLexicon): boolean {
  const state = tokens[index + 1];
  if (tokens[index]?.text !== ',' || !state) return false;
  let next = index + 2;
  let abbreviation = lexicon.isStateAbbreviation(state.text) && state.text.endsWith('.');
  if (!abbreviation && tokens[next]?.text === '.' && tokens[next].start === state.end && lexicon.isStateAbbreviation(`${state.text}.`)) {
    abbreviation = true;
    next++;
  }
  if (!abbreviation && !lexicon.isStateAbbreviation(state.text)) return false;
  return next >= tokens.length || wordCase(tokens[next]) !== 'capitalised';
}

/**
 * A party tag (`R-Fla` of `(R-Fla.)`, `D-N` of `(D-N.J.)`: party, hyphen, state) or a title (`Sens` of `Sens. Jeff
 * Merkley`), which the tagger may read as a place or an organisation; a person so read is repaired by
 * {@link repairPerson}.
 */
export function isTagOrTitle(word: string, vocabulary: Vocabulary): boolean {
  return PARTY_TAG.test(word) || vocabulary.isRoleWord(word) || vocabulary.isHonorific(word);
}

/** A title or honorific right before the word (`President Obama`, `Mr. Young`, `Gov. Kasich`). */
export function isTitled(tokens: readonly Token[], index: number, vocabulary: Vocabulary): boolean {
  const previous = tokens[index - 1]?.text;
  return previous !== undefined && (vocabulary.isHonorific(previous) || vocabulary.isRoleWord(previous));
}

/**
 * A one-word "person" the article gives no sign of being one is dropped (`Theranos`, `Instagram`,
 * `Jukebox`): a sign is a given name (`Bernie`), a known surname or name (`Obama`, `Yeltsin`), a
 * surname of a full name of the article, a title or honorific before it (`Pope Francis`), a speech
 * verb beside it (`Gearan said`, `said Gearan`), or another person's name beside it (a list) at any
 * of its mentions.
 */
export function dropNamesWithoutEvidence(sentences: readonly Sentence[], work: readonly Work[], evidence: DocumentEvidence, resources: RepairResources): void {
  const { nameLexicon: lexicon, vocabulary, quotes } = resources;
  const speech = (token: Token | undefined) => token !== undefined && quotes.speechVerbs.has(token.text.toLowerCase());
  const signed = new Set<string>();
  const candidates: Work[] = [];
  const besidePerson = personBesideTest(work);
  for (const item of work) {
    if (item.dropped || item.type !== 'person' || item.headline || item.last - item.first !== 1) continue;
    const tokens = sentences[item.sentence].tokens;
    const word = tokens[item.first].text;
    if (signed.has(word)) continue;
    const known = lexicon.isGivenName(word) || lexicon.isKnownSurname(word) || lexicon.isKnownName(word) || evidence.fullNameWords.has(word.toLowerCase());
    if (known || isTitled(tokens, item.first, vocabulary) || speech(item.first + 1 < tokens.length ? tokens[item.first + 1] : undefined) || speech(item.first > 0 ? tokens[item.first - 1] : undefined) || besidePerson(item)) signed.add(word);
    else candidates.push(item);
  }
  for (const item of candidates) if (!signed.has(sentences[item.sentence].tokens[item.first].text)) item.dropped = true;
}

/**
 * Whether another person's name stands within {@link NEIGHBOUR_TOKENS} of a mention: a list or a score line
 * (`Dharmasena , Vaas , Muralitharan`, `c Vaas b Chandana`, `Charlie Sheen and Bill Cosby`). The people
 * of each sentence, as typed when the test is made, are indexed on its first use (most articles never ask).
 */
export function personBesideTest(work: readonly Work[]): (item: Work) => boolean {
  let peopleBySentence: Map<number, Work[]> | undefined;
  return (item) => {
    if (!peopleBySentence) {
      peopleBySentence = new Map();
      for (const w of work) {
        if (w.dropped || w.type !== 'person') continue;
        const list = peopleBySentence.get(w.sentence);
        if (list) list.push(w);
        else peopleBySentence.set(w.sentence, [w]);
      }
    }
    return (peopleBySentence.get(item.sentence) ?? []).some((other) => other !== item && (Math.abs(other.first - item.last) <= NEIGHBOUR_TOKENS || Math.abs(item.first - other.last) <= NEIGHBOUR_TOKENS));
  };
}

/**
 * A one-word "person" that begins an organisation or a place of the article and is no part of a
 * person's full name there takes that type: `Peabody` where the article has `Peabody Energy`,
 * `Walter` beside `Walter Energy` (the tagger's type for the longer name, applied to its short form).
 */
export function followLongerNames(sentences: readonly Sentence[], work: readonly Work[], vocabulary: Vocabulary): void {
  const typeOfFirstWord = new Map<string, EntityType>();
  for (const item of work) {
    if (!item.dropped && item.last - item.first >= 2 && (item.type === 'organization' || item.type === 'location')) typeOfFirstWord.set(sentences[item.sentence].tokens[item.first].text, item.type);
  }
  if (typeOfFirstWord.size === 0) return;
  const candidates = work.filter((item) => !item.dropped && item.type === 'person' && item.last - item.first === 1 && typeOfFirstWord.has(sentences[item.sentence].tokens[item.first].text));
  if (candidates.length === 0) return;
  const personWords = wordsOfPeopleNamedInFull(sentences, work);
  for (const item of candidates) {
    const tokens = sentences[item.sentence].tokens;
    const word = tokens[item.first].text;
    if (!personWords.has(word) && !isTitled(tokens, item.first, vocabulary)) item.type = typeOfFirstWord.get(word)!;
  }
}

/**
 * A person's name goes on over the generational suffix right after it, with or without a comma (`Joseph R. Biden Jr.`
 * at the end of a line, `William F. Buckley, Jr.`, `Donald Trump, Jr., 38`): the tagger left it out where it ends a
 * sentence or follows a comma, and the name without it is the father's (`Donald Trump`). A mention of the suffix
 * alone is dropped into the name; one that goes on past it stays, and the name ends before it.
 */
export function takeGenerationalSuffixes(sentences: readonly Sentence[], work: readonly Work[]): void {
  for (let k = 0; k < work.length; k++) {
    const item = work[k];
    if (item.dropped || item.type !== 'person' || item.last - item.first < 2) continue;
    const tokens = sentences[item.sentence].tokens;
    let at = item.last;
    if (tokens[at]?.text === ',' && tokens[at].start === tokens[at - 1].end) at++;
    const suffix = tokens[at];
    if (!suffix || !isGenerationSuffix(suffix.text) || suffix.start !== tokens[at - 1].end + 1) continue;
    // The tagger may have read the suffix as a name of its own (`Jr.` a place): it is this one's.
    const next = work[k + 1];
    const own = next && !next.dropped && next.sentence === item.sentence && next.first <= at;
    if (own && !(next.first === at && next.last === at + 1)) continue;
    if (own) next.dropped = true;
    item.last = at + 1;
  }
}

/** A generational suffix as a token after a person's name (`Jr.`, `Sr`, `III`; capitalised, as names write it). */
function isGenerationSuffix(word: string): boolean {
  return /^\p{Lu}/u.test(word) && !word.endsWith(',') && generationOfWord(word) !== '';
}
