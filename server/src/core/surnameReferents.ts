import { derivedGivenNameGender } from './quotes/document';
import type { QuoteLexicon } from './quotes/lexicon';
import { ARTICLES } from './roles';
import type { TextSlice } from './types';
import type { Gender, Vocabulary } from './vocabulary';

/**
 * Who a surname alone stands for when several people of the article share it (`Clinton` beside Hillary and Bill
 * Clinton; `Cruz` beside Ted, Heidi and Rafael Cruz).
 *
 * News writing settles it by two conventions. The person the story is about is named in full first, and is the
 * one the bare surname means from then on; a relative or namesake who comes up later is named again in full, or
 * with a first name or an honorific, each time (`former President Bill Clinton`, `Mrs. Cruz`). So a bare surname
 * goes to the person whose full name the article gave first, unless a gendered honorific before it says otherwise
 * (`Mrs. Clinton`, `Mr. Obama`). The gender of a candidate is that of its given names (`given-name-genders.tsv`),
 * unknown when they disagree. (A pronoun after the surname was read as well, for the sentence's first person; over
 * PolNeAR train + dev it changed 16 choices, 12 of them wrongly: `The Clinton campaign is active,'' he said`.)
 *
 * Measured on bare surnames of PolNeAR train and dev shared by two or more people, each labelled by hand with the
 * person meant (`test/data/surname-referent-sample.tsv`; ARCHITECTURE.md, "A surname shared by several people"):
 * the person named last before it, the rule before, was right for 181 of 277; this choice for 257.
 */
export class SurnameReferents<T extends NamedPerson> {
  private readonly genders = new Map<T, Gender | undefined>();

  constructor(
    private readonly text: string,
    private readonly lexicon: QuoteLexicon,
    private readonly vocabulary: Vocabulary,
    /** The article's people named by one word (`Obama`, `Mr. Obama`: the mention is the surname). */
    private readonly surnameMentions: readonly TextSlice[] = [],
    /** True for an offset in a headline (a title-case line: `headlines.ts`). */
    private readonly inHeadline: (offset: number) => boolean = () => false,
  ) {}

  /**
   * The candidate a surname alone refers to; undefined when an honorific rules out every candidate (`Ms. Trump`
   * with only Donald Trump named in full is someone else).
   */
  choose(candidates: readonly T[], mention: TextSlice): T | undefined {
    const honorific = this.honorificBefore(mention);
    const pool = honorific ? candidates.filter((c) => this.agrees(c, honorific)) : candidates;
    if (pool.length === 0 || this.titleNamesAnother(mention, pool)) return undefined;
    // A title before the surname names the one whose full name the article gave with that title (`Secretary
    // Clinton` beside `former Secretary of State Hillary Clinton` and `former President Bill Clinton`).
    const title = pool.length > 1 ? this.titleBefore(mention) : undefined;
    const among = title === undefined ? pool : this.holdersOf(title, pool);
    if (among.length > 1) this.guesses.add(mention.start);
    return firstNamed(among);
  }

  /**
   * The candidates a title before a surname can mean: those the article gave it in full; failing that, those it gave
   * no title at all when another was given a different one and the one named first is among them (`Secretary Clinton`
   * beside `President Bill Clinton` and a `Hillary Clinton` named first with no title is Hillary: an article that titles
   * one namesake tells the other apart by its own title; but `President Bush` beside `Gov. Jeb Bush` and his mother
   * named after him is likely neither, a third one the article never names in full); failing that, all of them.
   */
  private holdersOf(title: string, pool: readonly T[]): readonly T[] {
    const titled = pool.filter((c) => this.titlesOf(c).has(title));
    if (titled.length > 0) return titled;
    const untitled = pool.filter((c) => this.titlesOf(c).size === 0);
    return untitled.includes(firstNamed(pool)) ? untitled : pool;
  }

  /**
   * True when {@link choose} took the mention at `start` for the person named first among several it could be, by
   * the convention alone, with nothing before it (an honorific, a title the article gave one of them, or another
   * title given the others: {@link holdersOf}) to tell them apart. Such a choice is right most of the time (260 of
   * 277 bare surnames of the hand-labelled sample), but far less often after a title, which is how news tells such
   * people apart (`Secretary Clinton`, `President Obama`; over PolNeAR train + dev, 18 of 26 such titles went to the
   * person meant): read as a role, the title of a wrong choice is shown in every hover of that person across the
   * workspace (`Bill Clinton`: `former Secretary`; `Michelle Obama`: `President`), so `actors.ts` reads none there.
   */
  guessed(start: number): boolean {
    return this.guesses.has(start);
  }

  private readonly guesses = new Set<number>();

  /**
   * The person a quote's pronoun stands for when the quote pass resolved it to a bare surname (`She says …` resolved
   * to a `Trump`): the owner chosen for the surname, unless the pronoun rules that one out and rules in another of the
   * candidates (the one named first of those).
   */
  forPronoun(owner: T, candidates: readonly T[], pronoun: string): T {
    const gender = PRONOUN_GENDERS.get(pronoun.toLowerCase());
    if (gender === undefined || this.agrees(owner, gender)) return owner;
    const agreeing = candidates.filter((c) => this.agrees(c, gender));
    return agreeing.length > 0 ? firstNamed(agreeing) : owner;
  }

  /**
   * True when an honorific before the mention rules this person out (`Mr. Obama` is not Michelle Obama), or a title
   * names another ({@link titleNamesAnother}: `President Obama` in an article that writes `Mr. Obama` beside her).
   */
  rulesOut(candidate: T, mention: TextSlice): boolean {
    const honorific = this.honorificBefore(mention);
    return honorific !== undefined ? !this.agrees(candidate, honorific) : this.titleNamesAnother(mention, [candidate]);
  }

  /**
   * True when a title before the surname (`President Obama`) names none of the candidates while the article writes the
   * surname after an honorific that rules every one of them out (`Mr. Obama`, where Michelle Obama is the one Obama
   * named in full): the title names that other person, whom the article knows by title and surname alone, as news writes
   * someone every reader knows. Only where each candidate is named in full after the title, and described there with
   * another role and never this title (`the first lady, Michelle Obama`): a person named in full first keeps the bare
   * surname with any title (`Nikki Haley … Governor Haley … Mr. Haley, her husband`), and one whose description holds
   * the title is its holder (`Barack Obama, the president` beside a `Mrs. Obama`). Without such an honorific a title says
   * nothing of a namesake the article never shows. A headline's title is no evidence (`Senator Clinton Wins Iowa`).
   */
  private titleNamesAnother(mention: TextSlice, pool: readonly T[]): boolean {
    const title = this.titleBefore(mention);
    if (title === undefined || this.inHeadline(mention.start)) return false;
    for (const candidate of pool) {
      if ((candidate.fullStarts[0] ?? Infinity) < mention.start || this.titlesOf(candidate).has(title)) return false;
      const descriptions = this.descriptionsOf(candidate);
      if (descriptions.length === 0 || descriptions.includes(title)) return false;
    }
    for (const gender of this.honorificGendersOf(mention.text)) {
      if (!pool.every((c) => !this.agrees(c, gender))) continue;
      // The one it names has that honorific's gender (`Mrs. Obama` later is Michelle again).
      this.titledNamesakes.set(mention.start, gender);
      return true;
    }
    return false;
  }

  /**
   * The descriptions the article gives a person's full names, in lower case word by word: the capitalised titles before
   * them ({@link titlesOf}), and an apposition with an article right before or after one (`the first lady, Michelle
   * Obama`, `Barack Obama, the president,` → `first`, `lady`; `president`).
   */
  private descriptionsOf(candidate: T): readonly string[] {
    let found = this.descriptions.get(candidate);
    if (found) return found;
    const words = new Set<string>(this.titlesOf(candidate));
    for (const start of candidate.fullStarts) {
      const before = DESCRIPTION_BEFORE.exec(this.text.slice(Math.max(0, start - DESCRIPTION_REACH), start));
      const spelling = candidate.spellings.find((s) => this.text.startsWith(s, start));
      const after = spelling === undefined ? null : DESCRIPTION_AFTER.exec(this.text.slice(start + spelling.length, start + spelling.length + DESCRIPTION_REACH));
      for (const description of [before?.[1], after?.[1]]) {
        if (description === undefined) continue;
        for (const word of description.toLowerCase().split(/[^\p{L}]+/u)) if (word !== '' && !ARTICLES.has(word)) words.add(word);
      }
    }
    this.descriptions.set(candidate, (found = [...words]));
    return found;
  }

  private readonly descriptions = new Map<T, readonly string[]>();

  /** The gender of the person a title names ({@link titleNamesAnother}), by the mention's start. */
  private readonly titledNamesakes = new Map<number, Gender>();

  /** The genders of the honorifics the article writes before the surname as a person's name (`Mr. Obama`, `Mrs. Obama`). */
  private honorificGendersOf(surname: string): ReadonlySet<Gender> {
    if (!this.honorificGenders) {
      this.honorificGenders = new Map();
      for (const mention of this.surnameMentions) {
        const gender = this.honorificBefore(mention);
        if (gender === undefined) continue;
        let genders = this.honorificGenders.get(mention.text);
        if (!genders) this.honorificGenders.set(mention.text, (genders = new Set()));
        genders.add(gender);
      }
    }
    return this.honorificGenders.get(surname) ?? NO_GENDERS;
  }

  private honorificGenders: Map<string, Set<Gender>> | undefined;

  /**
   * A person made for a surname whose honorific ruled out the one named in full (`Mr. Obama`) has that honorific's
   * gender; one made for a title that names another ({@link titleNamesAnother}), that of the honorific that told.
   */
  madeFor(person: T, mention: TextSlice): void {
    const gender = this.honorificBefore(mention) ?? this.titledNamesakes.get(mention.start);
    if (gender) this.genders.set(person, gender);
  }

  private agrees(candidate: T, gender: Gender): boolean {
    const own = this.genderOf(candidate);
    return own === undefined || own === gender;
  }

  private genderOf(candidate: T): Gender | undefined {
    if (this.genders.has(candidate)) return this.genders.get(candidate);
    let gender: Gender | undefined;
    let mixed = false;
    for (const spelling of candidate.spellings) {
      const words = spelling.split(/\s+/);
      if (words.length < 2) continue;
      // The word before the surname, and the first word too: `Giovanni Maria Vian` is no woman.
      for (const own of [derivedGivenNameGender(this.lexicon, words), this.lexicon.givenNameGenders.get(words[0])]) {
        if (own === undefined) continue;
        if (gender !== undefined && gender !== own) mixed = true;
        gender = own;
      }
    }
    const result = mixed ? undefined : gender;
    this.genders.set(candidate, result);
    return result;
  }

  /**
   * The title written right before the mention on its line, spelled out and in lower case (`Sen. Clinton` →
   * `senator`), when the word is one the vocabulary knows as a role word; undefined otherwise.
   */
  private titleBefore(mention: TextSlice): string | undefined {
    const before = this.capitalisedWordBefore(mention, 16);
    return before ? this.titleOf(`${before[1]}${before[2]}`) : undefined;
  }

  /** A word as a title, spelled out and in lower case (`Sen.` → `senator`, `President,` → `president`), if it is a role word. */
  private titleOf(word: string): string | undefined {
    const title = this.vocabulary.spelledOutTitle(word) ?? word.replace(/[.,;:]$/, '');
    return this.vocabulary.isRoleWord(title) ? title.toLowerCase() : undefined;
  }

  /** {@link HONORIFIC_BEFORE} over the `reach` characters before the mention: the word and its full stop, if any. */
  private capitalisedWordBefore(mention: TextSlice, reach: number): RegExpExecArray | null {
    return HONORIFIC_BEFORE.exec(this.text.slice(Math.max(0, mention.start - reach), mention.start));
  }

  /**
   * The role words written in capitals in the few words before each of the person's full names, spelled out and in
   * lower case (`former Secretary of State Hillary Clinton` → `secretary`, `state`): the titles the article gives them.
   */
  private titlesOf(candidate: T): ReadonlySet<string> {
    let titles = this.titles.get(candidate);
    if (titles) return titles;
    const found = new Set<string>();
    for (const start of candidate.fullStarts) {
      // The words of its line before the name, back to a sentence's end or a word in lower case that is no link of a
      // title (`said former Secretary of State` → `former Secretary of State`).
      const line = this.text.slice(Math.max(0, start - TITLE_REACH), start).split(/\r\n?|\n/).pop()!;
      const words = line.split(/[ \t\u00a0]+/);
      for (let i = words.length - 1; i >= 0; i--) {
        const word = words[i];
        if (word === '') continue;
        if (/[.!?]["”’]?$/.test(word) && !this.vocabulary.spelledOutTitle(word)) break;
        if (!/^\p{Lu}/u.test(word) && !TITLE_LINKS.test(word)) break;
        const title = this.titleOf(word);
        if (title !== undefined) found.add(title);
      }
    }
    this.titles.set(candidate, found);
    return found;
  }

  private readonly titles = new Map<T, ReadonlySet<string>>();

  /**
   * The gender of an honorific written right before the mention on its line (`Mrs. Clinton`, `Lady Astor`), if any: a
   * capitalised word, with a full stop only as an abbreviation (`Mr.`), so that `the first lady.` ending the line or
   * sentence before is none.
   */
  private honorificBefore(mention: TextSlice): Gender | undefined {
    const before = this.capitalisedWordBefore(mention, 12);
    if (!before || (before[2] === '.' && before[1].length > 3)) return undefined;
    return this.vocabulary.honorificGender(before[1]);
  }
}

/** What the choice reads of a person: the full-name spellings, and where the full names are (in order). */
export interface NamedPerson {
  readonly spellings: readonly string[];
  readonly fullStarts: readonly number[];
  readonly mentions: readonly { readonly start: number }[];
}

/** How far around a full name an apposition describing it is looked for. */
const DESCRIPTION_REACH = 60;

/**
 * An apposition with an article that ends right before a name, from its last article (`the president and the first
 * lady, ` Michelle Obama: `the first lady`).
 */
const DESCRIPTION_BEFORE = /\b((?:the|a|an)\s(?:(?!\b(?:the|a|an)\s)[^,.;:!?\n]){1,50}),\s+$/iu;

/** An apposition with an article right after a name (Barack Obama`, the president,`). */
const DESCRIPTION_AFTER = /^,\s+((?:the|a|an)\s[^,.;:!?\n]{1,50})[,.;:]/iu;

/** How far before a full name its title is looked for (`former Secretary of State ` fits). */
const TITLE_REACH = 48;

/** Words in lower case inside or before a title (`Secretary of State`, `former President`). */
const TITLE_LINKS = /^(?:of|the|and|for|on|former|then|ex-)$/i;

/** A capitalised word, a full stop maybe, and spaces or one line break (a wrapped line: `Mr.` ¶ `Clinton`) before a name. */
const HONORIFIC_BEFORE = /(?:^|[^\p{L}])(\p{Lu}\p{L}*)(\.?)(?:[ \t\u00a0]+|[ \t\u00a0]*(?:\r\n?|\n)[ \t\u00a0]*)$/u;

const NO_GENDERS: ReadonlySet<Gender> = new Set();

const PRONOUN_GENDERS: ReadonlyMap<string, Gender> = new Map([
  ['he', 'm'], ['him', 'm'], ['his', 'm'], ['himself', 'm'],
  ['she', 'f'], ['her', 'f'], ['hers', 'f'], ['herself', 'f'],
]);

/**
 * The candidate the article names first: by its first full name, or, for one named by surname only (`Mr. Obama`
 * beside Michelle Obama), by its first mention.
 */
function firstNamed<T extends NamedPerson>(candidates: readonly T[]): T {
  const at = (c: T) => c.fullStarts[0] ?? c.mentions[0]?.start ?? Infinity;
  let best = candidates[0];
  for (const candidate of candidates) if (at(candidate) < at(best)) best = candidate;
  return best;
}
