import { readListFile, readLowerCaseList, type DataSource } from './dataSource';
import { withoutFormatCharacters } from './formatCharacters';
import { isPluralOf } from './plurals';
import { WordMemo } from './wordMemo';
import { WordScreen } from './wordScreen';

/** The data files of the name lexicon, relative to the data folder. */
export const NAME_LEXICON_FILES = {
  englishWords: 'vocabulary/english-words.txt',
  properNames: 'vocabulary/proper-names.txt',
  groupNouns: 'vocabulary/group-nouns.txt',
  nameHeads: 'vocabulary/name-heads.tsv',
  usStates: 'vocabulary/us-states.txt',
  /** The tagger's lists, read here too (one list of nationalities and of first names for the project). */
  nationalities: 'ner/nationalities.txt',
  firstNames: 'ner/firstnames.txt',
  lastNames: 'ner/lastnames.txt',
  /** Organisations and places the tagger's lists know: a listed organisation that no place list names is no place. */
  organizations: 'ner/organizations.txt',
  countries: 'ner/countries.txt',
  cities: 'ner/cities.txt',
  metonymicPlaces: 'vocabulary/metonymic-places.txt',
} as const;

/** What a name ending in a head noun names (`Trauma Center` → organization). */
export interface NameHead {
  readonly kind: 'organization' | 'location' | 'event';
  /** The capitalised word is also a common surname (`Hill`): after a given name it stays a person. */
  readonly surname: boolean;
  /** A body's name that goes on with `of` or `for` and what it serves (`Institute of California`). */
  readonly institution: boolean;
  /** A body's name that goes on with `on` and its subject (`Committee on Taxation`). */
  readonly topic: boolean;
  /** An event head that ends the names of laws, documents and eras, never a body's (`Act`, `Constitution`, `Recession`). */
  readonly document: boolean;
}

/** The head nouns of `name-heads.tsv`, by lower-case word; a missing file throws a `DataFileError` naming it. */
export function loadNameHeads(source: DataSource): Map<string, NameHead> {
  const heads = new Map<string, NameHead>();
  for (const line of readListFile(source, NAME_LEXICON_FILES.nameHeads)) {
    const [word, kind, flagList] = line.split('\t');
    const flags = (flagList ?? '').split(',');
    if (kind === 'organization' || kind === 'location' || kind === 'event') heads.set(word.toLowerCase(), { kind, surname: flags.includes('surname'), institution: flags.includes('institution'), topic: flags.includes('topic'), document: flags.includes('document') });
  }
  return heads;
}

/**
 * Word classes that tell a person's name from other capitalised words, for the entity repair
 * (`entityRepair/`): ordinary English words (capitalised only by position or by a headline:
 * `Sadly`, `Reveals`), nouns of groups of people (`Muslims`, `Democrats`, nationalities), head nouns
 * of organisation, place and event names (`Center`, `Hill`, `Tuesday`), US state abbreviations
 * (`Wash.`, `Ky.`), given names and common surnames.
 */
export class NameLexicon {
  /**
   * The classes of each word asked about, as bits: the repair asks about the same names again and
   * again (`Trump` hundreds of times in a long article), and lower-casing each time was its cost.
   */
  private readonly classes = new WordMemo<number>((word) => this.classesOf(word));

  constructor(
    private readonly ordinary: ReadonlySet<string>,
    private readonly groups: ReadonlySet<string>,
    private readonly heads: ReadonlyMap<string, NameHead>,
    /** State abbreviations, each with the state's name (empty for a postal code or a state written whole). */
    private readonly states: ReadonlyMap<string, string>,
    private readonly givenNames: ReadonlySet<string>,
    private readonly surnames: ReadonlySet<string>,
    private readonly properNames: ReadonlySet<string>,
    private readonly organisationsOnly: ReadonlySet<string> = new Set(),
    private readonly listedNames: ReadonlySet<string> = new Set(),
    /** State abbreviations that are also words or titles (`Mass.`, `Ind.`). */
    private readonly stateWords: ReadonlySet<string> = new Set(),
  ) {
    // Marked as written in lower case and capitalised: an ASCII word asked about is screened as written (`Act`, `act`).
    for (const [word, head] of heads) {
      if (!head.document) continue;
      this.documentHeadScreen.mark(word);
      this.documentHeadScreen.mark(word.charAt(0).toUpperCase() + word.slice(1));
    }
  }

  /**
   * The first letters and lengths of the heads of documents' names (`act`, `Treaty`): {@link isDocumentHead} rules
   * out most ASCII words by these before any look-up.
   */
  private readonly documentHeadScreen = new WordScreen(128);

  /**
   * True for the whole name of an organisation or a place in the tagger's lists (`World Bank`, `Middle East`,
   * `Daily Beast`), any case and spacing: a name that needs no other evidence of being one.
   */
  isListedName(name: string): boolean {
    return this.listedNames.has(withoutFormatCharacters(name).replace(/\s+/g, ' ').toLowerCase());
  }

  /**
   * True for the whole name of an organisation in the tagger's list that no list of places also holds
   * (`Facebook`, `Twitter`; not `Sanaa`, nor `the Kremlin`, which stands for what it houses), any case and spacing.
   */
  isListedOrganisation(name: string): boolean {
    return this.organisationsOnly.has(withoutFormatCharacters(name).replace(/\s+/g, ' ').toLowerCase());
  }

  /**
   * True for the whole name of a place in the tagger's lists, whether or not a list of organisations holds it too
   * (`Middle East`, `New York`, the `Kremlin`), any case and spacing.
   */
  isListedPlace(name: string): boolean {
    return this.isListedName(name) && !this.isListedOrganisation(name);
  }

  /** True for an ordinary English word that is not also a common name (`times`, `sadly`; not `will`, `brown`), any case. */
  isOrdinaryWord(word: string): boolean {
    return (this.classes.get(word) & ORDINARY) !== 0;
  }

  /** True for a noun or adjective of a group of people, singular or plural (`Muslims`, `Hispanic`, `Democrats`, `Russians`). */
  isGroupNoun(word: string): boolean {
    return (this.classes.get(word) & GROUP) !== 0;
  }

  /** The head noun class of a word, if names ending in it are organisations, places or events. */
  headOf(word: string): NameHead | undefined {
    return (this.classes.get(word) & HEAD) !== 0 ? this.heads.get(withoutFormatCharacters(word).toLowerCase()) : undefined;
  }

  /**
   * True for the head noun of a document's name (`Act`, `Amendment`, `Constitution`, `Treaty`), any case: as
   * `headOf(word)?.document === true`, asked of every capitalised word of an article (`dropShortFormsOfDocuments`).
   * An ASCII word has no format characters and lower-cases to its own length: one whose first letter and length no
   * such head has is none, without the word's look-up (a hash of each capitalised token's text).
   */
  isDocumentHead(word: string): boolean {
    if (isAscii(word) && !this.documentHeadScreen.mayHold(word)) return false;
    return this.headOf(word)?.document === true;
  }

  /** The classes of a word, read without its format characters (`Stein\u00admeier` is `Steinmeier`); asked through {@link classes}. */
  private classesOf(word: string): number {
    const lower = withoutFormatCharacters(word).toLowerCase();
    let bits = 0;
    if (this.ordinary.has(lower)) bits |= ORDINARY;
    if (this.groups.has(lower) || isPluralOf(lower, (singular) => this.groups.has(singular))) bits |= GROUP;
    if (this.heads.has(lower)) bits |= HEAD;
    if (this.givenNames.has(lower)) bits |= GIVEN;
    if (this.surnames.has(lower)) bits |= SURNAME;
    if (this.properNames.has(lower)) bits |= KNOWN;
    return bits;
  }


  /** True for a US state abbreviation as news writes it (`Wash.`, `N.J.`, `Ky.`, `Ohio`). */
  isStateAbbreviation(word: string): boolean {
    return this.states.has(word);
  }

  /**
   * The state an AP abbreviation names, read with or without its full stop (`Calif.` or `Calif` → `California`), if
   * the word is one.
   */
  stateNamed(word: string): string | undefined {
    return this.states.get(word) || this.states.get(`${word}.`) || undefined;
  }

  /**
   * The state an abbreviation in capitals names, however it is dotted (`S.C.`, `SC` → South Carolina): by the letters of
   * the news style table's abbreviations that give a state (`N.H.`, `S.C.`, `N.Y.`); undefined for other letters, and for
   * those of a postal code the table gives no state for (`MI`, `OH`, `DC`).
   */
  stateOfLetters(letters: string): string | undefined {
    if (!this.statesByLetters) {
      this.statesByLetters = new Map();
      for (const [abbreviation, state] of this.states) {
        const upper = abbreviation.replace(/\./g, '');
        if (state && /^\p{Lu}{2,}$/u.test(upper)) this.statesByLetters.set(upper, state);
      }
    }
    return this.statesByLetters.get(letters);
  }

  private statesByLetters: Map<string, string> | undefined;

  /** True for the name of a US state as the news style table gives it (`Arizona`, `New York`), any case. */
  isStateName(name: string): boolean {
    if (!this.stateNames) {
      this.stateNames = new Set();
      for (const state of this.states.values()) if (state) this.stateNames.add(state.toLowerCase());
    }
    return this.stateNames.has(name.toLowerCase());
  }

  private stateNames: Set<string> | undefined;

  /** True for a state abbreviation that is also a word or a title (`Mass.`, `Ind.`), with or without its full stop. */
  isStateAlsoWord(word: string): boolean {
    return this.stateWords.has(word) || this.stateWords.has(`${word}.`);
  }

  /** True for a common surname (`Obama`, `Sanders`), any case. */
  isKnownSurname(word: string): boolean {
    return (this.classes.get(word) & SURNAME) !== 0;
  }

  /** True for a well-known proper name of any kind (`Yeltsin`, `Arafat`, `Denver`), any case. */
  isKnownName(word: string): boolean {
    return (this.classes.get(word) & KNOWN) !== 0;
  }

  /** True for a common given name (`Charlotte`, `Walter`), any case. */
  isGivenName(word: string): boolean {
    return (this.classes.get(word) & GIVEN) !== 0;
  }
}

const ORDINARY = 1;
const GROUP = 2;
const HEAD = 4;
const GIVEN = 8;
const SURNAME = 16;
const KNOWN = 32;

/** True when every code unit of `word` is ASCII. */
function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) return false;
  return true;
}

/**
 * The ordinary English words (`vocabulary/english-words.txt`, SCOWL), lower case: the largest list,
 * read once at start-up for the name lexicon and the duplicates' known words (`loadArticleResources`).
 */
export function loadEnglishWords(source: DataSource): ReadonlySet<string> {
  return readLowerCaseList(source, NAME_LEXICON_FILES.englishWords);
}

/**
 * Reads the lexicon's files; a missing file throws a `DataFileError` naming it. `moreGivenNames` are
 * first names loaded elsewhere (the quote lexicon's, which know `Bill`, `Mitt` and `Jeb`);
 * `englishWords` those of {@link loadEnglishWords}, when the caller shares them.
 */
export function loadNameLexicon(source: DataSource, moreGivenNames: Iterable<string> = [], englishWords: ReadonlySet<string> = loadEnglishWords(source)): NameLexicon {
  const list = (file: string) => readListFile(source, file);
  const lower = (file: string) => readLowerCaseList(source, file);
  const heads = loadNameHeads(source);
  const groups = lower(NAME_LEXICON_FILES.groupNouns);
  for (const nationality of list(NAME_LEXICON_FILES.nationalities)) groups.add(nationality.toLowerCase());
  const givenNames = lower(NAME_LEXICON_FILES.firstNames);
  for (const name of moreGivenNames) givenNames.add(name.toLowerCase());
  // Each state abbreviation, and after a tab the state it stands for (`Calif.` → California).
  const stateNames = new Map<string, string>();
  const stateWords = new Set<string>();
  for (const line of list(NAME_LEXICON_FILES.usStates)) {
    const [abbreviation, name, flag] = line.split('\t');
    stateNames.set(abbreviation.trim(), name?.trim() || '');
    if (flag?.trim() === 'word') stateWords.add(abbreviation.trim());
  }
  const places = new Set([...lower(NAME_LEXICON_FILES.countries), ...lower(NAME_LEXICON_FILES.cities), ...[...stateNames.keys()].map((a) => a.toLowerCase()), ...lower(NAME_LEXICON_FILES.metonymicPlaces)]);
  const organisations = lower(NAME_LEXICON_FILES.organizations);
  const organisationsOnly = new Set([...organisations].filter((name) => !places.has(name)));
  const listedNames = new Set([...organisations, ...places]);
  return new NameLexicon(englishWords, groups, heads, stateNames, givenNames, lower(NAME_LEXICON_FILES.lastNames), lower(NAME_LEXICON_FILES.properNames), organisationsOnly, listedNames, stateWords);
}
