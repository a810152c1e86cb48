import { parseShippedLabels } from './annotationInput';
import { readListFile, type DataSource } from './dataSource';
import { loadEnglishWords, loadNameLexicon, type NameLexicon } from './nameLexicon';
import { PersonNames } from './names';
import { loadFurnitureLexicon, type FurnitureLexicon } from './pageFurniture';
import { loadRecognizer } from './ner';
import { loadQuoteLexicon, loadSpeakerModel, type QuoteLexicon, type SpeakerModel } from './quotes';
import type { EntityRecognizer } from './types';
import { loadVocabulary, type Vocabulary } from './vocabulary';
import { loadKnownWords, type KnownWords } from './duplicates';

/** The shipped tier of the annotation input: labels by mention text (`Kremlin` → organization). */
export const SHIPPED_LABELS_FILE = 'annotations/shipped-labels.tsv';

/**
 * Everything the analysis reads from data files, loaded once and passed down: the language service,
 * the CLI, the index workers and the tests all start from {@link loadArticleResources}. Nothing in the
 * core reads a data file by itself, and nothing keeps loaded data in a module global.
 */
export interface ArticleResources {
  /** Honorifics, name particles, role words. */
  readonly vocabulary: Vocabulary;
  /** Person-name rules over that vocabulary (surname, given names, spelling comparison). */
  readonly names: PersonNames;
  /** Word classes that tell names from other capitalised words, for the entity repair. */
  readonly nameLexicon: NameLexicon;
  /** The entity recogniser (the trained tagger with its lists). */
  readonly recognizer: EntityRecognizer;
  /** The word lists of quote attribution (speech verbs, first names, phrase heads, title forms). */
  readonly quotes: QuoteLexicon;
  /** The trained speaker and antecedent rankers of quote attribution (`quotes/speaker-model.json`). */
  readonly speakers: SpeakerModel;
  /** Labels by mention text that ship with the extension, under every person's own labels. */
  readonly shippedLabels: ReadonlyMap<string, string>;
  /** Name lists that tell a byline from a heading (page furniture). */
  readonly furniture: FurnitureLexicon;
  /** Real words, which damage seldom makes: a near repeat whose word became another one was edited (duplicates). */
  readonly knownWords: KnownWords;
}

/**
 * Loads every data file the analysis needs through `source`. A missing, unreadable or stale file
 * (a model trained for other features) throws one `DataFileError` that names the file and what to
 * do; there is no silent fallback, so a broken installation shows itself at start-up.
 */
export function loadArticleResources(source: DataSource): ArticleResources {
  const resources = loadResourcesBesideRecognizer(source);
  return Object.freeze({ ...resources, recognizer: loadRecognizer(source, resources.vocabulary) });
}

/** Everything the analysis reads but the recogniser, for a caller that brings recognisers of its own. */
export type ResourcesBesideRecognizer = Omit<ArticleResources, 'recognizer'>;

/**
 * {@link loadArticleResources} without the recogniser (the tagger's model and its name lists), which is the
 * largest part of the load: a benchmark that measures recognisers it makes itself (`scripts/editorSuggestions.ts`)
 * would decode the shipped model only to throw it away.
 */
export function loadResourcesBesideRecognizer(source: DataSource): ResourcesBesideRecognizer {
  const vocabulary = loadVocabulary(source);
  const quotes = loadQuoteLexicon(source, vocabulary);
  // The largest list, shared by the name lexicon and the duplicates' known words (read once).
  const englishWords = loadEnglishWords(source);
  const nameLexicon = loadNameLexicon(source, quotes.firstNames.keys(), englishWords);
  return Object.freeze({
    vocabulary,
    names: new PersonNames(
      vocabulary,
      (word) => nameLexicon.isGivenName(word),
      (word) => quotes.givenNameGenders.get(word),
    ),
    nameLexicon,
    quotes,
    speakers: loadSpeakerModel(source),
    shippedLabels: parseShippedLabels(readListFile(source, SHIPPED_LABELS_FILE)),
    furniture: loadFurnitureLexicon(source),
    knownWords: loadKnownWords(source, englishWords),
  });
}
