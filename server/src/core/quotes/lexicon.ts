/**
 * The word lists of the quote pass that are data rather than grammar, loaded once through a `DataSource`
 * (`loadQuoteLexicon`) and passed to `findQuotes`: speech verbs, first names with their usual pronoun, the
 * head words of person, organisation, group and document phrases, and the title forms written before names.
 * Honorifics and role words come from the shared vocabulary (`core/vocabulary.ts`), so the quotes cannot
 * disagree with names, roles and actors about what `Mrs.` or `counterpart` is.
 */
import { readListFile, readLowerCaseList, type DataSource } from '../dataSource';
import { loadVocabulary, VOCABULARY_FILES, type Gender, type Vocabulary } from '../vocabulary';

/** The data files of the quote pass, relative to the data folder. */
export const QUOTE_LEXICON_FILES = {
  speechVerbs: 'quotes/speech-verbs.txt',
  firstNames: 'quotes/first-names.tsv',
  givenNameGenders: 'quotes/given-name-genders.tsv',
  personHeads: 'quotes/person-heads.txt',
  organizationHeads: 'quotes/organization-heads.txt',
  groupHeads: 'quotes/group-heads.txt',
  documentHeads: 'quotes/document-heads.txt',
  workHeads: 'quotes/work-heads.txt',
  titleForms: 'quotes/title-forms.tsv',
  agencies: 'ner/agencies.txt',
} as const;

/** Everything the quote pass reads besides the text: built by {@link loadQuoteLexicon}, immutable. */
export interface QuoteLexicon {
  /** Speech and attribution cues, one inflected form each (`said`, `saying`, `according`). */
  readonly speechVerbs: ReadonlySet<string>;
  /** First names with the pronoun usually used for them (`Hillary` → f): the hand-written list, also read as names. */
  readonly firstNames: ReadonlyMap<string, Gender>;
  /**
   * The pronoun of a given name, for gender agreement only: `firstNames`, then the derived SSA list
   * (`given-name-genders.tsv`, about 5,000 names) where the hand-written one has none. Not a list of names: read only
   * for a word before a person's surname, since many of its names are surnames too (`Clinton`, `Christie`, `Warren`).
   */
  readonly givenNameGenders: ReadonlyMap<string, Gender>;
  /** News agencies and broadcasters, lower case (`ap`, `afp`, `associated press`): the bracket of a dateline. */
  readonly agencies: ReadonlySet<string>;
  /** Heads of phrases naming a person: the vocabulary's role words and `person-heads.txt` (`minister`, `woman`). */
  readonly personHeads: ReadonlySet<string>;
  /** Heads of phrases naming an organisation (`ministry`, `campaign`). */
  readonly organizationHeads: ReadonlySet<string>;
  /** Heads of phrases naming a group of people (`sides`, `officials`). */
  readonly groupHeads: ReadonlySet<string>;
  /** Heads of phrases naming a text (`statement`, `report`). */
  readonly documentHeads: ReadonlySet<string>;
  /** Heads of phrases naming a work, a sign or a slogan (`book`, `anthem`, `slogan`), with the document heads. */
  readonly workHeads: ReadonlySet<string>;
  /** Role noun → the forms written before a name as its title (`senator` → `senator`, `sen`). */
  readonly titleForms: ReadonlyMap<string, readonly string[]>;
  /** Title form → role noun (`sen` → `senator`). */
  readonly titleOfForm: ReadonlyMap<string, string>;
  /** Finds the last title form before a name in lower-cased text (`… sen. ted ` → `sen`). */
  readonly titleBefore: RegExp;
  /** Finds a title form in an appositive right after a name (`, the russian foreign minister,` → `minister`). */
  readonly titleApposed: RegExp;
  /** …unless the title starts a clause (`, the mayor said`). */
  readonly titleApposedClause: RegExp;
  /** Honorifics (`Mrs.` → f) and role words, shared with names, roles and actors. */
  readonly vocabulary: Vocabulary;
}

/**
 * Reads the quote pass's data files through `source`. A missing or unreadable file throws a
 * `DataFileError` naming it: the analysis never runs on a silently shortened word list.
 */
export function loadQuoteLexicon(source: DataSource, vocabulary: Vocabulary = loadVocabulary(source)): QuoteLexicon {
  const list = (file: string): string[] => readListFile(source, file);
  const lowerSet = (file: string): Set<string> => readLowerCaseList(source, file);
  const readGenders = (file: string, into: Map<string, Gender>): Map<string, Gender> => {
    for (const line of list(file)) {
      const [name, gender] = line.split('\t');
      if (name && (gender === 'f' || gender === 'm') && !into.has(name)) into.set(name, gender);
    }
    return into;
  };
  const firstNames = readGenders(QUOTE_LEXICON_FILES.firstNames, new Map());
  const givenNameGenders = readGenders(QUOTE_LEXICON_FILES.givenNameGenders, new Map(firstNames));
  const personHeads = lowerSet(QUOTE_LEXICON_FILES.personHeads);
  const documentHeads = lowerSet(QUOTE_LEXICON_FILES.documentHeads);
  // The shared role words (one definition with names, roles and actors) are person heads too.
  for (const w of list(VOCABULARY_FILES.roleWords)) personHeads.add(w.toLowerCase());
  const titleForms = new Map<string, string[]>();
  for (const line of list(QUOTE_LEXICON_FILES.titleForms)) {
    const [role, forms] = line.split('\t');
    if (role && forms) titleForms.set(role.toLowerCase(), forms.trim().split(/\s+/).map((f) => f.toLowerCase()));
  }
  const titleOfForm = new Map<string, string>();
  for (const [role, forms] of titleForms) for (const f of forms) titleOfForm.set(f, role);
  const formsPattern = [...titleOfForm.keys()].map(escapeRegExp).join('|');
  return {
    speechVerbs: lowerSet(QUOTE_LEXICON_FILES.speechVerbs),
    firstNames,
    givenNameGenders,
    agencies: lowerSet(QUOTE_LEXICON_FILES.agencies),
    personHeads,
    organizationHeads: lowerSet(QUOTE_LEXICON_FILES.organizationHeads),
    groupHeads: lowerSet(QUOTE_LEXICON_FILES.groupHeads),
    documentHeads,
    workHeads: new Set([...lowerSet(QUOTE_LEXICON_FILES.workHeads), ...documentHeads]),
    titleForms,
    titleOfForm,
    titleBefore: new RegExp(`\\b(${formsPattern})\\.?\\s+(?:[\\p{L}.'’-]+\\s+){0,2}[\\p{L}.'’-]*$`, 'u'),
    titleApposed: new RegExp(`^\\s*,\\s*(?:the|a|an)\\b[^,.]{0,35}\\b(${formsPattern})\\b[^,.]{0,40}[,.]`, 'u'),
    titleApposedClause: new RegExp(`^\\s*,\\s*(?:the|a|an)\\b[^,.]{0,35}\\b(?:${formsPattern})\\s+(?:also\\s+)?(?:said|says|told|added|noted)\\b`, 'u'),
    vocabulary,
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
