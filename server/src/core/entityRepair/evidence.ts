/**
 * What the whole article says about its words, read once for all the passes: how it writes a word (in lower case
 * somewhere, capitalised mid-sentence), which words make up its people's full names and surnames, and which mention a
 * token is part of. A pass that cut a sentence's first word (`Sadly`) or kept it (`Bill Maher`) decided on this.
 */

import { wordCase } from '../headlines';
import type { NameLexicon } from '../nameLexicon';
import { isPluralOf } from '../plurals';
import { lowerBound } from '../search';
import type { Sentence } from '../types';
import { WordScreen } from '../wordScreen';
import { isInitial, type Work } from './work';

/** What the article says about its words: how it writes them, and which are parts of people's names. */
export class DocumentEvidence {
  /** Words of multi-word person names outside headlines, lower-cased (`hillary`, `clinton`). */
  readonly fullNameWords = new Set<string>();
  /** Last words of multi-word person names outside headlines, as written (`Clinton`, `Obama`). */
  readonly surnames = new Set<string>();
  /** First words of multi-word person names outside headlines, as written (`Hillary`, `Marco`). */
  readonly firstWords = new Set<string>();
  /**
   * True for the plural of a surname of the article's people (`Khans` where Khizr Khan is named, `Rickettses`):
   * a family, which names several people and no body.
   */
  isFamilyName(word: string): boolean {
    return isPluralOf(word, (singular) => this.surnames.has(singular));
  }

  /**
   * The words the article writes in lower case somewhere (any sentence; a title-case line has none but the words title
   * case keeps in lower case), as written: what the article says of a capitalised word of its headlines that the word
   * lists do not know (`Battle`, `White`, `Boasters` where the body has `battle`, `white`, `boasters`). Read on first
   * use ({@link capitalisedByPosition} looks for its few words itself).
   */
  get lowerCaseWords(): ReadonlySet<string> {
    if (this.lowerCase) return this.lowerCase;
    const words = new Set<string>();
    for (const sentence of this.sentences) {
      const tokens = sentence.tokens;
      for (let i = 0; i < tokens.length; i++) {
        // wordCase's own ASCII answers read here, without a call per token (every token of the article, on the cold
        // path to a large article's first colours): a lower-case ASCII letter first is `lower`, any other ASCII is not.
        const code = tokens[i].text.charCodeAt(0);
        if ((code >= 97 && code <= 122) || (code >= 128 && wordCase(tokens[i]) === 'lower')) words.add(tokens[i].text);
      }
    }
    return (this.lowerCase = words);
  }

  private lowerCase: ReadonlySet<string> | undefined;

  /** How the article writes its words, read on first use (most articles never ask). */
  private cases: { readonly lowerCase: ReadonlySet<string>; readonly capitalisedMid: ReadonlySet<string> } | undefined;

  constructor(
    private readonly sentences: readonly Sentence[],
    private readonly headline: Uint8Array,
    private readonly work: readonly Work[],
  ) {
    for (const item of work) {
      if (item.type !== 'person' || item.headline || item.last - item.first < 2) continue;
      const tokens = sentences[item.sentence].tokens;
      for (let i = item.first; i < item.last; i++) this.fullNameWords.add(tokens[i].text.toLowerCase());
      this.surnames.add(tokens[item.last - 1].text);
      this.firstWords.add(tokens[item.first].text);
    }
  }

  /**
   * A word capitalised only by its position: never capitalised mid-sentence here, not a given name,
   * and alone (`Sadly`, `Keepin`) an ordinary English word or one the article writes in lower case;
   * before a full name an ordinary word (`Libertarian`); before one more word an ordinary word the
   * article also writes in lower case (`Given Obama`, but not `Tiger Woods`, nor `Bill Maher` where
   * `Bill` is a name).
   */
  capitalisedByPosition(word: string, lexicon: NameLexicon, alone: boolean, fullNameAfter: boolean): boolean {
    const lower = word.toLowerCase();
    const { lowerCase, capitalisedMid } = this.casesOf();
    if (capitalisedMid.has(lower) || lexicon.isGivenName(word)) return false;
    if (alone) return lexicon.isOrdinaryWord(word) || lowerCase.has(lower);
    // Before one more word only when the article also writes it in lower case (`Given Obama`, not `Tiger Woods`).
    return lexicon.isOrdinaryWord(word) && (fullNameAfter || lowerCase.has(lower));
  }

  /**
   * Words the article writes in lower case, and words it capitalises where position does not
   * (mid-sentence, outside headlines), both lower-cased.
   */
  private casesOf(): NonNullable<DocumentEvidence['cases']> {
    if (this.cases) return this.cases;
    // Only the words that can be asked about (people's names that begin a sentence) are looked for,
    // as written and in lower case, nothing lower-cased per token.
    const asked = new Map<string, string>();
    for (const item of this.work) {
      const tokens = this.sentences[item.sentence].tokens;
      if (item.type !== 'person' || item.headline || !isInitial(tokens, item.first)) continue;
      const word = tokens[item.first].text;
      asked.set(word, word.toLowerCase());
    }
    const lowered = new Set(asked.values());
    const lowerCase = new Set<string>();
    const capitalisedMid = new Set<string>();
    // The words asked about as written and lowered are looked for in one pass over the tokens below: a lowered word is
    // written so in the article when a token is that word, whatever its case reads as. A lowered word that reads as
    // lower case ({@link wordCase} reads a word's characters only) is so written exactly when it is one of the
    // article's lower-case words ({@link lowerCaseWords}): answered there when a headline pass has gathered them
    // already (an article of many headlines, which asks about words of most initials), and not gathered for this
    // alone (most tokens hashed into a set, where the first characters and lengths of a few words let most pass).
    const articleLowerCase = this.lowerCase;
    const words = [...asked.keys()];
    for (const word of lowered) {
      if (articleLowerCase === undefined || wordCase({ text: word, start: 0, end: word.length }) !== 'lower') words.push(word);
      else if (articleLowerCase.has(word)) lowerCase.add(word);
    }
    // The set look-ups hash each token's text: the first character and the length of the words
    // looked for rule out most tokens first (a pass over every token of the article).
    // A long article asks about words of most initials: a table of first code units, not a list to search.
    const screen = SCREEN;
    for (const word of words) screen.mark(word);
    try {
      this.sentences.forEach((sentence, s) => {
        const tokens = sentence.tokens;
        for (let i = 0; i < tokens.length; i++) {
          const text = tokens[i].text;
          if (!screen.mayHold(text)) continue;
          if (lowered.has(text)) lowerCase.add(text);
          else if (asked.has(text) && !this.headline[s] && !isInitial(tokens, i)) capitalisedMid.add(asked.get(text)!);
        }
      });
    } finally {
      for (const word of words) screen.forget(word);
    }
    this.cases = { lowerCase, capitalisedMid };
    return this.cases;
  }

  /** The recogniser's mention a token is part of, if any (mentions are in document order). */
  mentionAt(sentence: number, index: number): Work | undefined {
    const work = this.work;
    const k = lowerBound(work.length, (i) => work[i].sentence > sentence || (work[i].sentence === sentence && work[i].last > index));
    const found = work[k];
    return found && found.sentence === sentence && found.first <= index && index < found.last ? found : undefined;
  }
}

/**
 * The screen {@link DocumentEvidence} marks the words it looks for in, over every first code unit, one for the process
 * and left empty after each use: a fresh 64 KB table per article (an array buffer, allocated outside the heap and
 * zeroed) was most of the repair's time when many articles are repaired one after another.
 */
const SCREEN = new WordScreen(65536);
