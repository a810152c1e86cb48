import { derivedGivenNameGender } from './quotes/document';
import type { QuoteLexicon } from './quotes/lexicon';
import { firstOverlapping, lowerBound } from './search';
import type { EntityMention, Sentence, TextSlice } from './types';
import type { Gender, Vocabulary } from './vocabulary';

/**
 * Who a surname alone stands for when several people of the article share it (`Clinton` beside Hillary and Bill
 * Clinton; `Cruz` beside Ted, Heidi and Rafael Cruz).
 *
 * News writing settles it by two conventions. The person the story is about is named in full first, and is the
 * one the bare surname means from then on; a relative or namesake who comes up later is named again in full, or
 * with a first name or an honorific, each time (`former President Bill Clinton`, `Mrs. Cruz`). So a bare surname
 * goes to the person whose full name the article gave first, unless what is written around it says otherwise: a
 * gendered honorific before it (`Mrs. Clinton`, `Mr. Obama`), or, failing that, the first personal pronoun after
 * it in its sentence, when it is the sentence's first person and no other is named between (`Clinton arrived …
 * where he met`). The gender of a
 * candidate is that of its given name (`given-name-genders.tsv`), unknown when its spellings disagree.
 *
 * Measured on bare surnames of PolNeAR train and dev shared by two or more people, each labelled by hand with the
 * person meant (`test/data/surname-referent-sample.tsv`; ARCHITECTURE.md, "A surname shared by several people"):
 * the person named last before it, the rule before, was right for 181 of 277; this choice for 260.
 */
export class SurnameReferents<T extends NamedPerson> {
  private readonly genders = new Map<T, Gender | undefined>();

  constructor(
    private readonly text: string,
    private readonly sentences: readonly Sentence[],
    /** The article's person mentions, sorted: a pronoun after another person may be theirs. */
    private readonly persons: readonly EntityMention[],
    private readonly lexicon: QuoteLexicon,
    private readonly vocabulary: Vocabulary,
  ) {}

  /**
   * The candidate a surname alone refers to; undefined when an honorific rules out every candidate (`Ms. Trump`
   * with only Donald Trump named in full is someone else).
   */
  choose(candidates: readonly T[], mention: TextSlice): T | undefined {
    const honorific = this.honorificBefore(mention);
    let pool = honorific ? candidates.filter((c) => this.agrees(c, honorific)) : candidates;
    if (pool.length === 0) return undefined;
    if (pool.length > 1 && !honorific) {
      const pronoun = this.pronounAfter(mention);
      const agreeing = pronoun ? pool.filter((c) => this.agrees(c, pronoun)) : pool;
      if (agreeing.length > 0) pool = agreeing;
    }
    return firstNamed(pool);
  }

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

  /** True when an honorific before the mention rules this person out (`Mr. Obama` is not Michelle Obama). */
  rulesOut(candidate: T, mention: TextSlice): boolean {
    const honorific = this.honorificBefore(mention);
    return honorific !== undefined && !this.agrees(candidate, honorific);
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
   * The gender of an honorific written right before the mention on its line (`Mrs. Clinton`, `Lady Astor`), if any: a
   * capitalised word, with a full stop only as an abbreviation (`Mr.`), so that `the first lady.` ending the line or
   * sentence before is none.
   */
  private honorificBefore(mention: TextSlice): Gender | undefined {
    const before = HONORIFIC_BEFORE.exec(this.text.slice(Math.max(0, mention.start - 12), mention.start));
    if (!before || (before[2] === '.' && before[1].length > 3)) return undefined;
    return this.vocabulary.honorificGender(before[1]);
  }

  /** The gender of the first personal pronoun after the mention in its sentence, when no person comes before it or between. */
  private pronounAfter(mention: TextSlice): Gender | undefined {
    const sentences = this.sentences;
    const index = lowerBound(sentences.length, (k) => sentences[k].end > mention.start);
    const sentence = sentences[index];
    if (!sentence || sentence.start > mention.start) return undefined;
    const tokens = sentence.tokens;
    // Only for the first person of the sentence: after another (`Sanders is trailing Clinton, where he says`,
    // `his case against Clinton`) the pronoun is as likely that one's.
    const at = lowerBound(tokens.length, (k) => tokens[k].start >= mention.start);
    for (let i = 0; i < at; i++) if (PRONOUN_GENDERS.has(tokens[i].text.toLowerCase()) || firstOverlapping(this.persons, tokens[i])) return undefined;
    for (let i = lowerBound(tokens.length, (k) => tokens[k].start >= mention.end); i < tokens.length; i++) {
      const token = tokens[i];
      const gender = PRONOUN_GENDERS.get(token.text.toLowerCase());
      if (gender) return gender;
      if (firstOverlapping(this.persons, token)) return undefined;
    }
    return undefined;
  }
}

/** What the choice reads of a person: the full-name spellings, and where the full names are (in order). */
export interface NamedPerson {
  readonly spellings: readonly string[];
  readonly fullStarts: readonly number[];
}

/** A capitalised word, a full stop maybe, and spaces (no line break) at the end of the text before a name. */
const HONORIFIC_BEFORE = /(?:^|[^\p{L}])(\p{Lu}\p{L}*)(\.?)[ \t\u00a0]+$/u;

const PRONOUN_GENDERS: ReadonlyMap<string, Gender> = new Map([
  ['he', 'm'], ['him', 'm'], ['his', 'm'], ['himself', 'm'],
  ['she', 'f'], ['her', 'f'], ['hers', 'f'], ['herself', 'f'],
]);

/** The candidate whose full name the article gives first (a candidate with none comes last). */
function firstNamed<T extends NamedPerson>(candidates: readonly T[]): T {
  let best = candidates[0];
  for (const candidate of candidates) if ((candidate.fullStarts[0] ?? Infinity) < (best.fullStarts[0] ?? Infinity)) best = candidate;
  return best;
}
