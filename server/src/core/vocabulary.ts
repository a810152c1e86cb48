import { readListFile, type DataSource } from './dataSource';
import { WordMemo } from './wordMemo';
import { WordScreen } from './wordScreen';

/** Pronoun gender an honorific or first name implies. */
export type Gender = 'f' | 'm';

/** The vocabulary files, relative to the data folder. */
export const VOCABULARY_FILES = {
  honorifics: 'vocabulary/honorifics.tsv',
  nameParticles: 'vocabulary/name-particles.txt',
  roleWords: 'vocabulary/role-words.txt',
  titles: 'vocabulary/titles.txt',
  roleAbbreviations: 'vocabulary/role-abbreviations.tsv',
  roleModifiers: 'vocabulary/role-modifiers.txt',
  genderedNouns: 'vocabulary/gendered-nouns.tsv',
  hypocorisms: 'vocabulary/hypocorisms.tsv',
} as const;

/**
 * The closed word classes that name handling, roles, nominals, quotes and the recogniser share:
 * honorifics (`Mr.`, `Dr.`), name particles (`de`, `van`, `al`), role head words (`minister`, `envoy`,
 * `counterpart`: what a role in an apposition is about) and titles written before a name (`Gen.`,
 * `Archbishop`, `Sen.`: what the tagger keeps out of a person span). One definition each, read from
 * `server/data/vocabulary/`, so the actor grouping, rename, name variants, roles, quotes and the tagger
 * cannot disagree about what a word is (they used to keep seven honorific lists and four role lists).
 */
export class Vocabulary {
  private readonly honorifics: ReadonlyMap<string, Gender | undefined>;
  private readonly particles: ReadonlySet<string>;
  private readonly roles: ReadonlySet<string>;
  /** Titles written before a name, lower case, as listed (`gen.`, `archbishop`). */
  readonly titles: readonly string[];
  private readonly abbreviations: ReadonlyMap<string, string>;
  private readonly modifiers: ReadonlySet<string>;
  private readonly nounGenders: ReadonlyMap<string, Gender>;
  /** Per given name in lower case, the full names it is or is short for (`joe` → joseph; `joseph` → joseph). */
  private readonly fullGivenNames: ReadonlyMap<string, readonly string[]>;
  /**
   * Per word as written, whether it is a role word ({@link ROLE_WORD}) and an honorific ({@link HONORIFIC}): the roles,
   * the repair and the quote pass ask of the same tokens again and again, and each answer cut off the full stop and
   * lower-cased the word (a new string, hashed afresh) before its look-up.
   */
  private readonly wordClasses = new WordMemo<number>((word) => {
    const lower = stripStop(word).toLowerCase();
    return (this.roles.has(lower) ? ROLE_WORD : 0) | (this.honorifics.has(lower) ? HONORIFIC : 0);
  });
  /**
   * The first letters (either case) and lengths (with and without a full stop) of the role words and honorifics: most
   * words asked about share neither with any of them and have no class, answered without a look-up. The remembered
   * classes are a map of tens of thousands of words, and a look-up there missed the processor's caches about as often
   * as it was made (most of `classOf`'s time in a profile of the whole analysis).
   */
  private readonly classScreen = new WordScreen(128);

  constructor(lists: {
    readonly honorifics: ReadonlyMap<string, Gender | undefined>;
    readonly nameParticles: Iterable<string>;
    readonly roleWords: Iterable<string>;
    readonly titles?: Iterable<string>;
    readonly roleAbbreviations?: ReadonlyMap<string, string>;
    readonly roleModifiers?: Iterable<string>;
    readonly genderedNouns?: ReadonlyMap<string, Gender>;
    /** Full given names and their short forms, lower case (`joseph` → `joe`, `joey`). */
    readonly hypocorisms?: ReadonlyMap<string, readonly string[]>;
  }) {
    this.honorifics = lists.honorifics;
    this.particles = new Set([...lists.nameParticles].map((w) => w.toLowerCase()));
    this.roles = new Set([...lists.roleWords].map((w) => w.toLowerCase()));
    this.titles = Object.freeze([...(lists.titles ?? [])].map((w) => w.toLowerCase()));
    this.abbreviations = lists.roleAbbreviations ?? new Map();
    this.modifiers = new Set(lists.roleModifiers ?? []);
    this.nounGenders = lists.genderedNouns ?? new Map();
    const fullGivenNames = new Map<string, string[]>();
    const addFull = (word: string, full: string) => {
      const known = fullGivenNames.get(word);
      if (!known) fullGivenNames.set(word, [full]);
      else if (!known.includes(full)) known.push(full);
    };
    for (const [full, shortForms] of lists.hypocorisms ?? []) {
      addFull(full, full);
      for (const short of shortForms) addFull(short, full);
    }
    this.fullGivenNames = fullGivenNames;
    for (const word of this.roles) markClassWord(this.classScreen, word);
    for (const word of this.honorifics.keys()) markClassWord(this.classScreen, word);
  }

  /**
   * True when two given names, lower case, are one name: equal, or a short form and its full name, or two short forms
   * of one full name (`joe` / `joseph`, `bill` / `william`, `steve` / `stephen`).
   */
  sameGivenName(a: string, b: string): boolean {
    if (a === b) return true;
    const fullA = this.fullGivenNames.get(a);
    const fullB = fullA && this.fullGivenNames.get(b);
    return fullB !== undefined && fullA!.some((full) => fullB.includes(full));
  }

  /** The full names a given name (lower case) is or is short for, with itself: `bill` → bill, william. */
  givenNameForms(word: string): readonly string[] {
    const full = this.fullGivenNames.get(word);
    return full === undefined ? [word] : full.includes(word) ? full : [word, ...full];
  }

  /** The pronoun gender a lower-case noun for a person implies (`widow` → `f`, `husband` → `m`), if English marks one. */
  nounGender(word: string): Gender | undefined {
    return this.nounGenders.get(word);
  }

  /**
   * True for a lower-case word that qualifies a title before a name (`presidential` of `presidential nominee`), and
   * for a hyphenated one made of such words (`vice-presidential`).
   */
  isRoleModifier(word: string): boolean {
    if (this.modifiers.has(word)) return true;
    if (!word.includes('-')) return false;
    const parts = word.split('-');
    return parts.every((part) => this.modifiers.has(part));
  }

  /** The title an abbreviation stands for (`Gov.` → `Governor`), or undefined for any other word. */
  spelledOutTitle(word: string): string | undefined {
    return this.abbreviations.get(word);
  }

  /** True for an honorific as written before a name, with or without its full stop, any case (`Mr.`, `DR`, `sheikh`). */
  isHonorific(word: string): boolean {
    return (this.classOf(word) & HONORIFIC) !== 0;
  }

  /** The pronoun gender an honorific implies (`Mrs.` → `f`), if it implies one. */
  honorificGender(word: string): Gender | undefined {
    return (this.classOf(word) & HONORIFIC) === 0 ? undefined : this.honorifics.get(stripStop(word).toLowerCase());
  }

  /** True for a lower-case name particle (`de`, `van`, `bin`); capitalised words are never particles. */
  isNameParticle(word: string): boolean {
    return this.particles.has(word);
  }

  /** True when the word heads a role or title (`Minister`, `envoy`, `counterpart`, `Gov.`), any case, with or without a full stop. */
  isRoleWord(word: string): boolean {
    return (this.classOf(word) & ROLE_WORD) !== 0;
  }

  /** {@link ROLE_WORD} and {@link HONORIFIC} of a word as written (see {@link wordClasses}). */
  private classOf(word: string): number {
    return this.classScreen.mayHold(word) ? this.wordClasses.get(word) : 0;
  }


  /** The leading honorific of a name (`Dr. Bashar al-Ja'afari` → `Dr. `, with its space), or ''. */
  leadingHonorific(name: string): string {
    const space = name.search(/\s/);
    if (space <= 0 || !this.isHonorific(name.slice(0, space))) return '';
    let end = space;
    while (end < name.length && /\s/.test(name[end])) end++;
    return name.slice(0, end);
  }
}

/** Reads the vocabulary files; a missing file throws a `DataFileError` naming it. */
export function loadVocabulary(source: DataSource): Vocabulary {
  const honorifics = new Map<string, Gender | undefined>();
  for (const line of readListFile(source, VOCABULARY_FILES.honorifics)) {
    const [word, gender] = line.split(/\t+/);
    honorifics.set(word.toLowerCase(), gender === 'f' || gender === 'm' ? gender : undefined);
  }
  const genderedNouns = new Map<string, Gender>();
  for (const line of readListFile(source, VOCABULARY_FILES.genderedNouns)) {
    const [word, gender] = line.split(/\t+/);
    if (gender === 'f' || gender === 'm') genderedNouns.set(word, gender);
  }
  return new Vocabulary({
    honorifics,
    genderedNouns,
    hypocorisms: new Map(
      readListFile(source, VOCABULARY_FILES.hypocorisms).map((line) => {
        const [full, shortForms] = line.split(/\t+/);
        return [full, (shortForms ?? '').split(',').map((w) => w.trim()).filter((w) => w.length > 0)] as const;
      }),
    ),
    nameParticles: readListFile(source, VOCABULARY_FILES.nameParticles),
    roleWords: readListFile(source, VOCABULARY_FILES.roleWords),
    titles: readListFile(source, VOCABULARY_FILES.titles),
    roleModifiers: readListFile(source, VOCABULARY_FILES.roleModifiers),
    roleAbbreviations: new Map(
      readListFile(source, VOCABULARY_FILES.roleAbbreviations).map((line) => line.split(/\t+/) as [string, string]),
    ),
  });
}

/** Bits of {@link Vocabulary.classOf}. */
const ROLE_WORD = 1;
const HONORIFIC = 2;
/** The most words {@link Vocabulary.classOf} remembers before it starts again (as the name lexicon's `classOf`). */

/**
 * Marks what a word as written must look like to be `word` (lower case) once its full stop is cut and it is
 * lower-cased: `word`'s first code unit in either case (ASCII: lower-casing keeps a word's first code unit ASCII or
 * not), its length or one more. Lower-casing keeps a word's length but for `İ` (U+0130 → `i` + U+0307): a listed word
 * with U+0307 could be written shorter, and marks every length.
 */
function markClassWord(screen: WordScreen, word: string): void {
  if (word.length === 0) {
    screen.mark('.');
    return;
  }
  const lengths = word.includes('\u0307') ? [...Array(31).keys()].map((k) => k + 1) : [word.length, word.length + 1];
  for (const first of new Set([word[0], word[0].toUpperCase()])) {
    if (first.length !== 1) continue;
    for (const length of lengths) screen.mark(first + 'x'.repeat(length - 1));
  }
}

function stripStop(word: string): string {
  return word.endsWith('.') ? word.slice(0, -1) : word;
}
