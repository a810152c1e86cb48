/**
 * Words a damaged copy does not make. A copy that differs from the paragraph it repeats by one word
 * turned into another real word — `million` → `billion`, `now` → `not`, `Iran` → `Iraq`, `He` → `She`
 * — was edited, not damaged: it says something else, however small the edit. Such a copy is still
 * flagged as a near repeat that names the words, but "remove all" leaves it to the user, as it does a
 * copy whose figures differ. Scraping damage (a dropped or doubled letter, an OCR confusion) seldom
 * makes a word of these lists: ordinary English words (SCOWL, as the name lexicon reads them), the
 * tagger's words that news writes in lower case, and its lists of names, places and nationalities.
 */
import { readListFile, type DataSource } from '../dataSource';
import { loadEnglishWords } from '../nameLexicon';

/** Known words, lower case: `has` tells a real word from a damaged one. */
export interface KnownWords {
  /** True for a known word (a token: letters and digits, no white space). */
  has(lowerCaseWord: string): boolean;
}

/** The lists read besides the English words (each entry's words, lower case). */
const KNOWN_WORD_FILES = ['ner/lowercase-words.txt', 'ner/firstnames.txt', 'ner/lastnames.txt', 'ner/countries.txt', 'ner/cities.txt', 'ner/nationalities.txt'];

/**
 * Reads the known words through `source` (part of `loadArticleResources`). `englishWords` are the
 * name lexicon's ({@link loadEnglishWords}): the largest list is kept once, not copied here.
 */
export function loadKnownWords(source: DataSource, englishWords: ReadonlySet<string> = loadEnglishWords(source)): KnownWords {
  // The files are read now, so a missing one fails at start as every other list does; their words are
  // gathered on the first look-up an English word does not answer (only near repeats ask): saves ~25 ms of every start.
  const lists = KNOWN_WORD_FILES.map((file) => readListFile(source, file));
  let more: Set<string> | undefined;
  const gather = () => {
    const words = new Set<string>();
    const add = (entry: string) => {
      for (const word of entry.toLowerCase().split(/\s+/)) if (word && !englishWords.has(word)) words.add(word);
    };
    // An English entry of several words (none shipped) is known word by word, as an entry of the other lists.
    for (const entry of englishWords) if (/\s/.test(entry)) add(entry);
    for (const list of lists) for (const entry of list) add(entry);
    return words;
  };
  return { has: (word) => englishWords.has(word) || (more ??= gather()).has(word) };
}
