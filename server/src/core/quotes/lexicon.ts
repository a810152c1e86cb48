/**
 * The word lists of the quote pass that are data rather than grammar: speech verbs and first names, read once
 * through a `DataSource` (`loadQuoteLexicon`) and passed to `findQuotes`; and the head words of person,
 * organisation, group and document phrases and the title forms that precede names.
 */
import { readListFile, readOrFail, type DataSource } from '../dataSource';
import type { Vocabulary } from '../vocabulary';

/** The word lists the attribution reads, loaded once through the data source (see `loadQuoteLexicon`). */
export interface QuoteLexicon {
  /** Speech verbs (`server/data/quotes/speech-verbs.txt`), lower case. */
  readonly speechVerbs: ReadonlySet<string>;
  /** First names with the pronoun usually used for them (`server/data/quotes/first-names.tsv`). */
  readonly firstNames: ReadonlyMap<string, 'f' | 'm'>;
  /** Honorifics and their genders. */
  readonly vocabulary: Vocabulary;
}

/** Reads the quote word lists; a missing file throws a `DataFileError` naming it. */
export function loadQuoteLexicon(source: DataSource, vocabulary: Vocabulary): QuoteLexicon {
  const verbs = readOrFail('quotes/speech-verbs.txt', () => readListFile(source, 'quotes/speech-verbs.txt'));
  const firstNames = new Map<string, 'f' | 'm'>();
  for (const line of readOrFail('quotes/first-names.tsv', () => readListFile(source, 'quotes/first-names.tsv'))) {
    const [name, g] = line.split('\t');
    if (name && (g === 'f' || g === 'm')) firstNames.set(name, g);
  }
  return Object.freeze({ speechVerbs: new Set(verbs.map((v) => v.toLowerCase())), firstNames, vocabulary });
}

/** Heads of noun phrases naming a person by role (`the foreign minister`, `a spokesman`). */
export const PERSON_ROLES = new Set([
  'minister', 'president', 'spokesman', 'spokeswoman', 'spokesperson', 'senator', 'candidate', 'nominee', 'leader',
  'secretary', 'governor', 'chairman', 'chairwoman', 'director', 'envoy', 'ambassador', 'official', 'adviser',
  'advisor', 'aide', 'mayor', 'congressman', 'congresswoman', 'representative', 'chief', 'manager', 'strategist',
  'analyst', 'expert', 'professor', 'author', 'host', 'anchor', 'billionaire', 'mogul', 'businessman', 'woman', 'man',
  'frontrunner', 'front-runner', 'lawmaker', 'speaker', 'attorney', 'lawyer', 'judge', 'general', 'commander',
  'counterpart', 'diplomat', 'premier', 'chancellor', 'king', 'prince', 'pope', 'sheikh', 'head', 'founder', 'ceo',
  'economist', 'pollster', 'consultant', 'operative', 'voter', 'supporter', 'donor', 'writer', 'columnist', 'reporter',
  'journalist', 'editor', 'correspondent', 'mother', 'father', 'wife', 'husband', 'daughter', 'son', 'friend',
  'rival', 'opponent', 'challenger', 'incumbent', 'republican', 'democrat', 'veteran', 'activist', 'organizer',
  'source', 'insider', 'member', 'resident', 'student', 'officer', 'agent', 'attendee', 'delegate', 'pastor', 'surrogate',
  'employee', 'worker', 'staffer', 'volunteer', 'speechwriter', 'strategist', 'chairwoman', 'senior', 'owner', 'teacher',
]);

/** Heads of noun phrases naming an organisation (`the Russian Foreign Ministry`, `the campaign`). */
export const ORG_HEADS = new Set([
  'ministry', 'government', 'campaign', 'committee', 'agency', 'department', 'office', 'house', 'kremlin', 'party',
  'council', 'newspaper', 'network', 'company', 'group', 'administration', 'embassy',
  'organization', 'organisation', 'coalition', 'alliance', 'union', 'court', 'commission', 'foundation', 'institute',
  'center', 'centre', 'pentagon', 'army', 'military', 'police', 'board', 'bureau', 'service', 'corporation', 'firm',
  'paper', 'magazine', 'channel', 'station', 'team', 'senate', 'congress', 'parliament', 'cabinet',
  'side',
]);

/**
 * Heads of phrases naming a text rather than a speaker (`the statement said`): acceptable sources, but the
 * subject of a governing clause is looked for past them (`the two sides affirmed, the statement said, adding “…”`).
 */
export const DOCUMENT_HEADS = new Set([
  'statement', 'report', 'poll', 'survey', 'study', 'memo', 'letter', 'document', 'release', 'tweet', 'post', 'ad',
  'video', 'article', 'editorial', 'book', 'email', 'message', 'transcript', 'complaint', 'filing', 'lawsuit', 'website',
]);

/** Heads of noun phrases that read as a group of people (`the two sides`, `officials`). */
export const GROUP_HEADS = new Set([
  'sides', 'officials', 'leaders', 'ministers', 'people', 'experts', 'critics', 'supporters', 'democrats',
  'republicans', 'voters', 'analysts', 'diplomats', 'lawmakers', 'members', 'residents', 'protesters', 'activists',
  'observers', 'sources', 'aides', 'advisers', 'advisors', 'authorities', 'parties', 'countries', 'delegates',
  'pair', 'both', 'others', 'many', 'some', 'candidates', 'rivals', 'conservatives', 'liberals', 'americans',
  'students', 'women', 'men', 'friends', 'fans', 'organizers', 'donors', 'allies', 'opponents', 'reporters',
]);

/** Role nouns that single out a person, with the abbreviations used as titles before names. */
export const TITLE_FORMS_LIST: Array<[string, string[]]> = [
  ['minister', ['minister']], ['president', ['president', 'pres']], ['senator', ['senator', 'sen']],
  ['governor', ['governor', 'gov']], ['secretary', ['secretary', 'sec']], ['candidate', ['candidate']],
  ['nominee', ['nominee']], ['chairman', ['chairman']], ['chairwoman', ['chairwoman']], ['director', ['director']],
  ['envoy', ['envoy']], ['ambassador', ['ambassador', 'amb']], ['mayor', ['mayor']], ['congressman', ['congressman', 'rep']],
  ['congresswoman', ['congresswoman', 'rep']], ['speaker', ['speaker']], ['leader', ['leader']], ['chief', ['chief']],
  ['spokesman', ['spokesman']], ['spokeswoman', ['spokeswoman']], ['pope', ['pope']], ['chancellor', ['chancellor']],
  ['premier', ['premier']], ['king', ['king']], ['prince', ['prince']], ['general', ['general', 'gen']],
  ['billionaire', ['billionaire']], ['mogul', ['mogul']], ['businessman', ['businessman']], ['frontrunner', ['frontrunner']],
  ['front-runner', ['front-runner']], ['judge', ['judge']], ['attorney', ['attorney']], ['commander', ['commander']],
  ['justice', ['justice']], ['representative', ['representative', 'rep']], ['host', ['host']], ['anchor', ['anchor']],
  ['counterpart', ['counterpart']], ['diplomat', ['diplomat']], ['pastor', ['pastor', 'rev']], ['manager', ['manager']],
];

export const TITLE_FORMS = new Map<string, string[]>(TITLE_FORMS_LIST);

/** Title form → role noun, and a pattern finding the last title form before a name. */
export const TITLE_OF_FORM = new Map<string, string>();

export const TITLE_BEFORE_RE = (() => {
  for (const [role, forms] of TITLE_FORMS_LIST) for (const f of forms) TITLE_OF_FORM.set(f, role);
  return new RegExp(`\\b(${[...TITLE_OF_FORM.keys()].join('|')})\\.?\\s+(?:[\\p{L}.'’-]+\\s+){0,2}[\\p{L}.'’-]*$`, 'u');
})();
