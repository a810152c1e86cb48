import { withoutFormatCharacters } from './formatCharacters';
import { ownString } from './ownStrings';
import { WordMemo } from './wordMemo';
import type { Gender, Vocabulary } from './vocabulary';

/**
 * Name normalisation and comparison, shared by actor grouping within an article and across the
 * workspace. Transliterated names vary in spelling (Sergei / Sergey, Moallem / Moallen), case
 * (de Mistura / De Mistura), apostrophes (Ja’afari / Ja'afari) and diacritics.
 */

/**
 * 1 for a spelling in capitals throughout (`MOSCOW`, a dateline's or headline's typographic habit), else
 * 0: a sort key that puts the ordinary spelling of a name first among equally good ones.
 */
export function capitalsLast(spelling: string): number {
  return spelling === spelling.toUpperCase() && spelling !== spelling.toLowerCase() ? 1 : 0;
}

/** Lower case, no diacritics, straight apostrophes, single spaces, no format characters (`Stein\u00admeier`). */
export function normalizeName(name: string): string {
  // Grouping compares the same few thousand names over and over (a profile hot spot): remembered.
  return normalized.get(name);
}

const normalized = new WordMemo<string>((name) =>
  // A string of its own, kept past the analysis that asked (a slice of the name would keep its article's text).
  ownString(
    withoutFormatCharacters(name)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[’‘`´]/g, "'")
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase(),
  ),
);

/**
 * True when `name` is ASCII without white space: one word however it is normalised (ASCII has no
 * compatibility decompositions, such as the space NFKD makes of `´`).
 */
function isOneAsciiWord(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128 || c === 32 || (c >= 9 && c <= 13)) return false;
  }
  return true;
}

/** Particles that are glued to a surname with a hyphen (`al-Assad`) and may be dropped (`Assad`). */
const GLUED_PARTICLE = /^(al|el|ad|as|ash|at|az|ar|an)-(?=\p{L})/u;

/** Optimal string alignment distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three reused rows (grouping calls this for every close surname pair): no allocation per call.
  const width = b.length + 1;
  if (distanceRows.length < width * 3) distanceRows = new Int32Array(width * 6);
  const rows = distanceRows;
  let previous2 = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j <= b.length; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) value = Math.min(value, rows[previous2 + j - 2] + 1);
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    const spare = previous2;
    previous2 = previous;
    previous = current;
    current = spare;
  }
  return rows[previous + b.length];
}

let distanceRows = new Int32Array(64);

/**
 * True when two spellings of a word are plausibly one transliterated or mistyped name: equal, or
 * within one edit for short words and two for long ones, with the same first letter.
 */
export function similarNameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a[0] !== b[0]) return false;
  const limit = Math.min(a.length, b.length) >= 7 ? 2 : 1;
  return Math.min(a.length, b.length) >= 4 && editDistance(a, b, limit) <= limit;
}

/** The parts of a name that grouping asks for again and again, computed once per spelling. */
interface NameInfo {
  readonly parts: readonly string[];
  readonly surname: string;
  readonly bare: string;
  readonly given: readonly string[];
  /** A generational suffix after the surname (`jr.`, `sr.`, `iii`), normalised; '' for none. */
  readonly generation: string;
  /** The initials of the given names after the first (`hw` of `George H.W. Bush`), '' for none; see {@link middleNamesConflict}. */
  readonly middleInitials: string;
  /** Whether every given name after the first is written as initials (`H.W.`, `W.`), not spelled out (`Walker`). */
  readonly middleAsInitials: boolean;
}

/**
 * Generational suffixes after a surname (`Joseph R. Biden Jr.`, `Brent Bozell III`), lower case without the full
 * stop: the one list of them. The names here read past them for the surname, so that `Biden` joins the full name, and
 * `Sr.` tells a father from his son of the same name; the entity repair keeps them in the person's name
 * (`entityRepair/person.ts`). Read through {@link generationOfWord}, which normalises a word as written (`Jr.,`).
 */
const GENERATIONS: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** The generation a word written after a surname names (`Jr.`, `III`, `jr,` → `jr`, `iii`), normalised; '' for none. */
export function generationOfWord(word: string): string {
  const bare = word.replace(/[.,]+$/, '').toLowerCase();
  return GENERATIONS.has(bare) ? bare : '';
}

/**
 * Whether a full name with a generational suffix and one without, of this given name (normalised), are two people
 * (`Donald Trump Jr.` and `Donald Trump`) rather than one written with and without it (`Joseph R. Biden Jr.` and
 * `Joseph R. Biden`). Within an article they are always two (the article wrote both); the workspace answers by whether
 * any article names both with the same given name as written (`actorClusters.ts`). Without an answer they are two.
 */
export type GenerationsApart = (given: string) => boolean;

/**
 * How person names are taken apart and compared: which word is the surname, which are given names,
 * when two spellings name one person. Honorifics and name particles come from the {@link Vocabulary}
 * (one definition for every caller). One instance per loaded vocabulary; it remembers the names it
 * has taken apart, since grouping asks about the same few thousand names again and again.
 */
export class PersonNames {
  /** The names taken apart, remembered: grouping asks about the same few thousand again and again. */
  private readonly infos = new WordMemo<NameInfo>((name) => this.takeApart(name));

  /**
   * `isGivenName`: true for a common given name (`nameLexicon.ts`); it tells a compound surname (`Wasserman
   * Schultz`) from a given name and a surname (`Ted Cruz`) in {@link similarPersonNames}.
   */
  constructor(
    readonly vocabulary: Vocabulary,
    private readonly isGivenName: (word: string) => boolean,
    /**
     * The pronoun usually used for a person of this given name, as written (`Erica` → f), when the lists know:
     * two given names a letter apart that are a man's and a woman's are two people (`Eric` / `Erica Garner`).
     */
    private readonly genderOfGivenName: (word: string) => Gender | undefined = () => undefined,
  ) {}

  /** A name's parts, surname, given names and generation (asked through {@link infos}). */
  private takeApart(name: string): NameInfo {
    const parts = normalizeName(name)
      .split(' ')
      .filter((w) => w.length > 0);
    if (parts.length > 1 && this.vocabulary.isHonorific(parts[0])) parts.shift();
    // A suffix after a given name and a surname (not `Abdullah II`, nor `Fred Sr.`).
    const generation = parts.length > 2 ? generationOfWord(parts[parts.length - 1]) : '';
    const end = generation !== '' ? parts.length - 1 : parts.length;
    let surname = parts[end - 1] ?? '';
    for (let i = end - 1; i >= 0; i--) {
      if (!this.vocabulary.isNameParticle(parts[i])) {
        surname = parts[i];
        break;
      }
    }
    const given = parts.slice(0, parts.lastIndexOf(surname)).filter((w) => !this.vocabulary.isNameParticle(w));
    const { initials: middleInitials, asInitials: middleAsInitials } = initialsOfMiddleNames(given);
    return Object.freeze({
      parts: Object.freeze(parts),
      surname: surname.replace(/,$/, ''),
      bare: surname.replace(/,$/, '').replace(GLUED_PARTICLE, ''),
      given: Object.freeze(given),
      generation,
      middleInitials,
      middleAsInitials,
    });
  }

  /** The words of a person's name, normalised, honorifics dropped. */
  nameParts(name: string): readonly string[] {
    return this.infos.get(name).parts;
  }

  /**
   * The surname used to join a full name with surname-only mentions: the last word, with a leading
   * `al-` kept (`al-Khatib` is written whole in the text). Particles written apart (`de Mistura`)
   * are skipped so that `Mistura` alone would still match.
   */
  surnameOf(name: string): string {
    return this.infos.get(name).surname;
  }

  /** The generational suffix after the surname, normalised (`jr`, `sr`, `iii`), or ''. */
  generationOf(name: string): string {
    return this.infos.get(name).generation;
  }

  /**
   * True when the name's first given name is an initial (`E. J. Mannix`, `B. Hussein Obama`): a spelling that names
   * the person less plainly than one with the given name written out (`Eddie Mannix`, `Barack Obama`).
   */
  givenNameAsInitial(name: string): boolean {
    const given = this.infos.get(name).given;
    return given.length > 0 && isInitialWord(given[0]);
  }

  /** The given names, without particles. */
  givenNamesOf(name: string): readonly string[] {
    return this.infos.get(name).given;
  }

  /**
   * The surname without a glued Arabic article, so that `Assad` and `al-Assad` join while the text
   * keeps whichever form it used: `bareSurname('Bashar al-Assad') === 'assad'`.
   */
  bareSurname(name: string): string {
    return this.infos.get(name).bare;
  }

  /** True when the name has given names besides its surname (`Sergei Lavrov`, not `de Mistura`). */
  isFullName(name: string): boolean {
    // One ASCII word (`Clinton`, most mentions of a person) has no given name: no look-up for it.
    return !isOneAsciiWord(name) && this.givenNamesOf(name).length > 0;
  }

  /** True when two full person names plausibly name the same person (Sergei / Sergey Lavrov). */
  similarPersonNames(a: string, b: string, generationsApart?: GenerationsApart): boolean {
    if (!similarNameWord(this.surnameOf(a), this.surnameOf(b))) return false;
    // Two generations of one name are two people (`Duncan Hunter Sr.` is not `Duncan Hunter`, `Donald Trump Jr.` not
    // `Donald J. Trump`, nor `Charles Elliott Jr.` `Charles Elliott III`), nor are two whose middle or given names say so.
    if (this.contradicts(a, b, generationsApart)) return false;
    // Where `generationsApart` lets a suffix against none pass, the names must be the same but for it.
    if (this.generationOf(a) !== this.generationOf(b) && !this.sameButForGeneration(a, b)) return false;
    const givenA = this.givenNamesOf(a);
    const givenB = this.givenNamesOf(b);
    if (givenA.length === 0 || givenB.length === 0) return true;
    // An initial alone (`J Smith`), not one with its full stop: `C. Rick Martin` goes by his second name, and is not
    // `Carmel Martin` of another article.
    if (similarNameWord(givenA[0], givenB[0]) || (givenA[0][0] === givenB[0][0] && (givenA[0].length === 1 || givenB[0].length === 1))) return true;
    // A short form and its full name (`Joe` / `Joseph R. Biden`, `Chuck` / `Charles E. Grassley`, `Bill` / `William Weld`).
    if (this.vocabulary.sameGivenName(givenA[0], givenB[0])) return true;
    // `Wasserman Schultz` of `Debbie Wasserman Schultz`, `Peña Nieto` of `Enrique Peña Nieto`: a compound surname
    // the article keeps when it drops the given name reads as a given name, and differs.
    return this.oneIsCompoundSurnameOfOther(a, b);
  }

  /**
   * What {@link contradicts} reads of a spelling, as one string: spellings with equal keys contradict the same names
   * (`George W. Bush` and `GEORGE W. BUSH`).
   */
  tellingKey(name: string): string {
    const info = this.infos.get(name);
    return `${info.given[0] ?? ''}|${info.middleInitials}|${info.middleAsInitials ? 'i' : 'w'}|${info.generation}`;
  }

  /**
   * True when two spellings of a surname name two people for certain, however alike they look: another
   * generation (`Donald Trump Jr.`; a suffix against none only where `generationsApart` says so, or when it is not
   * given, as within an article), middle names that cannot be the same (`George W.` / `George H.W. Bush`), given names
   * of a man and a woman (`Eric` / `Erica Garner`), or two given names in their own right (`Ivana` / `Ivanka`).
   * Spellings that are alike pass through a third one compatible with both (`George Bush`); the workspace's clustering
   * asks this so as not to join such two through it.
   */
  contradicts(a: string, b: string, generationsApart?: GenerationsApart): boolean {
    const x = this.infos.get(a);
    const y = this.infos.get(b);
    if (x.generation !== y.generation) {
      // A suffix against none is certainly two people only where an article names both (see GenerationsApart); two
      // suffixes always are.
      if (x.generation !== '' && y.generation !== '') return true;
      if (!generationsApart || x.given.length === 0 || y.given.length === 0 || generationsApart(x.given[0]) || generationsApart(y.given[0])) return true;
    }
    if (x.given.length === 0 || y.given.length === 0) return false;
    return middleNamesConflict(x, y) || this.givenNamesOfTwoSexes(x.given[0], y.given[0]) || this.twoKnownGivenNames(x.given[0], y.given[0]);
  }

  /**
   * True when a name without a generational suffix is a shorter writing of one with it: one person, where nothing
   * says the two generations are named apart. The suffix must come with a middle name, as a person's full formal name
   * writes it (`Joseph R. Biden Jr.`, `William F. Buckley, Jr.`, `Leonard Dozier Hill III`), and the shorter name must
   * agree with the rest: the same given name or a short form of it (`Joe Biden`), the same middle names or none
   * (`William F. Buckley`, `Leonard Hill`). A suffix on a name without a middle name is the name the person goes by,
   * the suffix the only thing that tells him from his father (`Donald Trump Jr.` beside `Donald Trump`, `Jerry Falwell
   * Jr.`, `Ronald Johnson III`), and `Sr.` is written only to tell a father from his son who goes without it (`Duncan
   * Hunter Sr.` beside `Duncan Hunter`, `Cassius Clay Sr.`): those stay two.
   */
  private sameButForGeneration(a: string, b: string): boolean {
    const x = this.infos.get(a);
    const y = this.infos.get(b);
    if ((x.generation === '') === (y.generation === '')) return false;
    const [suffixed, bare] = x.generation !== '' ? [x, y] : [y, x];
    if (suffixed.generation === 'sr' || suffixed.middleInitials === '' || (bare.middleInitials !== '' && bare.middleInitials !== suffixed.middleInitials)) return false;
    return suffixed.given.length > 0 && bare.given.length > 0 && this.vocabulary.sameGivenName(suffixed.given[0], bare.given[0]);
  }

  /**
   * True when two different given names are a man's and a woman's (`Eric` / `Erica`): a letter apart, which the
   * comparison of spellings forgives as a typo, yet two people (a father and his daughter, `Eric` and `Erica Garner`).
   * Names the lists do not know, or know for one sex, are left to the spelling (`Melanie` / `Melanne`).
   */
  private givenNamesOfTwoSexes(a: string, b: string): boolean {
    if (a === b || a.length < 2 || b.length < 2) return false;
    const genderA = this.genderOfGivenName(capitalised(a));
    const genderB = genderA && this.genderOfGivenName(capitalised(b));
    return genderA !== undefined && genderB !== undefined && genderA !== genderB;
  }

  /**
   * True when two given names are names in their own right a consonant apart (`Ivana` / `Ivanka Trump`, `Jon` /
   * `John`): the comparison of spellings forgives one letter as a typo or a transliteration, but a transliteration
   * changes vowels (`Sergei` / `Sergey`, `Mohammed` / `Mohammad`) or doubles a letter (`Alan` / `Allan`), and a typo
   * rarely makes another name the lists know. A short form and its full name (`Pete` / `Peter`) are one name.
   */
  private twoKnownGivenNames(a: string, b: string): boolean {
    if (a === b || Math.abs(a.length - b.length) !== 1) return false;
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    let i = 0;
    while (i < short.length && short[i] === long[i]) i++;
    if (long.slice(i + 1) !== short.slice(i)) return false;
    const inserted = long[i];
    if (/[aeiouy]/.test(inserted) || long[i - 1] === inserted || long[i + 1] === inserted) return false;
    if (this.vocabulary.sameGivenName(a, b)) return false;
    const known = (word: string) => this.isGivenName(capitalised(word)) || this.genderOfGivenName(capitalised(word)) !== undefined;
    return known(a) && known(b);
  }

  /**
   * True when one name is a compound surname that ends the other, a longer full name (`Wasserman Schultz` of
   * `Debbie Wasserman Schultz`): two words or more that end it, the first neither a common given name (`Ted Cruz` of
   * a headline's `Conflates Ted Cruz`) nor an initial (`W. Bush` of `George H. W. Bush`, `F. Kennedy`).
   */
  private oneIsCompoundSurnameOfOther(a: string, b: string): boolean {
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    if (!isTailOf(short, long)) return false;
    const first = this.firstWord(short);
    return !/^\p{L}\.?$/u.test(first) && !this.isGivenName(first);
  }

  /**
   * How a person is called in short: the surname as written, with the particles written before it
   * (`Lavrov`, `De Mistura`, `al-Khatib`), for inlay hints and labels.
   */
  shortNameOf(name: string): string {
    const words = name.trim().split(/\s+/);
    let i = words.length - 1;
    while (i > 0 && this.vocabulary.isNameParticle(normalizeName(words[i - 1]))) i--;
    return words.slice(i).join(' ');
  }

  /**
   * Why two spellings of a person's name were taken for one person, in words a hover can show:
   * `case only`, `surname 1 edit apart (Steimeier / Steinmeier)`, `given name 1 edit apart
   * (Sergei / Sergey): transliteration`. Empty when the spellings are equal.
   */
  spellingEvidence(a: string, b: string): string[] {
    if (a === b) return [];
    if (normalizeName(a) === normalizeName(b)) return ['differ in case, accents or apostrophes only'];
    const evidence: string[] = [];
    const surnameA = this.bareSurname(a);
    const surnameB = this.bareSurname(b);
    if (surnameA !== surnameB) {
      const distance = editDistance(surnameA, surnameB, 3);
      evidence.push(`surname ${distance} edit${distance === 1 ? '' : 's'} apart (${lastWord(a)} / ${lastWord(b)}): likely a typo or transliteration`);
    } else if (this.surnameOf(a) !== this.surnameOf(b)) {
      evidence.push(`same surname with and without its article (${lastWord(a)} / ${lastWord(b)})`);
    } else {
      evidence.push(`same surname (${lastWord(a)})`);
    }
    const givenA = this.givenNamesOf(a);
    const givenB = this.givenNamesOf(b);
    if (this.oneIsCompoundSurnameOfOther(a, b)) {
      evidence.push(`one spelling is a compound surname without its given name (${a.length < b.length ? a : b})`);
    } else if (givenA.length > 0 && givenB.length > 0 && givenA[0] !== givenB[0]) {
      const distance = editDistance(givenA[0], givenB[0], 3);
      const shown = `${this.firstWord(a)} / ${this.firstWord(b)}`;
      evidence.push(distance <= 3 ? `given name ${distance} edit${distance === 1 ? '' : 's'} apart (${shown}): transliteration or typo` : `initial matches (${shown})`);
    } else if (givenA.length === 0 || givenB.length === 0) {
      evidence.push('one spelling is the surname alone');
    }
    return evidence;
  }

  /**
   * True when `spelling` spells a name differently from `reference`: another surname (`Steimeier` /
   * `Steinmeier`) or another given name (`Sergey` / `Sergei`). A surname alone, a given name alone
   * (`Hillary` / `Hillary Clinton`), a dropped article (`Assad` / `al-Assad`) and case are not variants.
   */
  isVariantSpelling(reference: string, spelling: string): boolean {
    if (!/\s/.test(spelling.trim()) && normalizeName(spelling) === normalizeName(this.firstWord(reference))) return false;
    if (this.bareSurname(reference) !== this.bareSurname(spelling)) return true;
    const a = this.givenNamesOf(reference);
    const b = this.givenNamesOf(spelling);
    return a.length > 0 && b.length > 0 && a[0] !== b[0];
  }

  /** The first word of a name as written, after an honorific. */
  firstWord(name: string): string {
    const words = name.trim().split(/\s+/);
    return words.length > 1 && this.vocabulary.isHonorific(words[0]) ? words[1] : words[0];
  }
}

/** One letter, with or without its full stop (`b.` of `B. Hussein Obama`): an initial standing for a given name. */
function isInitialWord(word: string): boolean {
  return word.length === 1 || (word.length === 2 && word[1] === '.');
}

/** A normalised word as name lists write it: its first letter in capitals (`erica` → `Erica`). */
function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A given name written as initials: letters with full stops (`h.w.`, `w.`), one letter alone (`w`), or two or three
 * consonants, which no name is (`HW` of `George HW Bush`, read in lower case).
 */
const INITIALS = /^(?:\p{L}\.)+$|^\p{L}$|^[b-df-hj-np-tv-xz]{2,3}$/u;

/**
 * The initials of the given names after the first, and whether each is written as initials (`george h.w.` → `hw`,
 * yes; `george walker` → `w`, no). A nickname in quotation marks (`Robert "Bobby"`) is no middle name.
 */
function initialsOfMiddleNames(given: readonly string[]): { initials: string; asInitials: boolean } {
  let initials = '';
  let asInitials = true;
  for (let i = 1; i < given.length; i++) {
    const word = given[i];
    if (!/^\p{L}/u.test(word)) continue;
    if (INITIALS.test(word)) initials += word.replace(/\./g, '');
    else {
      initials += word.charAt(0);
      asInitials = false;
    }
  }
  return { initials, asInitials };
}

/**
 * True when both names give middle names and these cannot be the same: `George W. Bush`, `George H.W. Bush` and
 * `George P. Bush` are three people, whom the first given name and the surname alone take for one. Initials against
 * initials must be equal; where one side spells a middle name out, one side's initials may end the other's (`Hillary
 * Rodham Clinton` and `Hillary Diane Rodham Clinton`, `Walker` and `Herbert Walker`), since a full name is often
 * shortened to the middle name a person goes by.
 */
function middleNamesConflict(a: NameInfo, b: NameInfo): boolean {
  const x = a.middleInitials;
  const y = b.middleInitials;
  if (x === '' || y === '' || x === y) return false;
  if (a.middleAsInitials && b.middleAsInitials) return true;
  return !(x.endsWith(y) || y.endsWith(x));
}

/** True when `short` is two words or more that end `long`, which has more (`Peña Nieto`, `Enrique Peña Nieto`). */
function isTailOf(short: string, long: string): boolean {
  // Normalised names have single spaces.
  const s = normalizeName(short).split(' ');
  const l = normalizeName(long).split(' ');
  if (s.length < 2 || s.length >= l.length) return false;
  for (let i = 1; i <= s.length; i++) if (s[s.length - i] !== l[l.length - i]) return false;
  return true;
}

function lastWord(name: string): string {
  const words = name.trim().split(/\s+/);
  return words[words.length - 1] ?? name;
}

/**
 * Values indexed by a surname, with lookups of the exact surname and of close spellings (one or two
 * edits, same first letter). Buckets by first letter and length keep a lookup from scanning every
 * surname, so grouping stays near-linear in the number of mentions and articles.
 */
export class SurnameIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly buckets = new Map<number, Set<string>>();

  add(surname: string, value: T): void {
    if (!surname) return;
    let values = this.exact.get(surname);
    if (!values) {
      this.exact.set(surname, (values = []));
      const bucket = bucketKey(surname, surname.length);
      let set = this.buckets.get(bucket);
      if (!set) this.buckets.set(bucket, (set = new Set()));
      set.add(surname);
    }
    if (!values.includes(value)) values.push(value);
  }

  delete(surname: string, value: T): void {
    const values = this.exact.get(surname);
    if (!values) return;
    const index = values.indexOf(value);
    if (index >= 0) values.splice(index, 1);
    if (values.length === 0) {
      this.exact.delete(surname);
      this.buckets.get(bucketKey(surname, surname.length))?.delete(surname);
    }
  }

  /** Values stored under exactly this surname. */
  get(surname: string): readonly T[] {
    return this.exact.get(surname) ?? [];
  }

  /** Other surnames that `similarNameWord` accepts as spellings of this one, with their values. */
  similar(surname: string): { surname: string; values: readonly T[] }[] {
    // An array rather than a generator: this runs for every new name, and usually finds nothing.
    const found: { surname: string; values: readonly T[] }[] = [];
    if (surname.length < 4) return found;
    for (let length = surname.length - 2; length <= surname.length + 2; length++) {
      const bucket = this.buckets.get(bucketKey(surname, length));
      if (!bucket) continue;
      for (const other of bucket) {
        if (other !== surname && similarNameWord(other, surname)) found.push({ surname: other, values: this.exact.get(other) ?? [] });
      }
    }
    return found;
  }
}

/** First code unit and length, as one number (no string to build per lookup). */
function bucketKey(surname: string, length: number): number {
  return surname.charCodeAt(0) * 65536 + length;
}
