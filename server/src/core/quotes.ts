import * as fs from 'fs';
import { resolveDataFile } from './dataFiles';
import type { Attribution, EntityMention, Paragraph, Quote, Sentence, TextSlice, Token } from './types';

/**
 * Direct-quote detection and speaker attribution.
 *
 * The pass has three steps, each linear in the size of the document:
 * 1. pair quotation marks paragraph by paragraph (curly marks by glyph, straight marks by the characters
 *    around them), carrying a quotation that is left open at the end of a paragraph into the next paragraph
 *    when that one starts with an opening mark (the news convention for multi-paragraph quotations);
 * 2. for each quotation, look for an attribution in a bounded window of tokens after it (`“…,” Lavrov said`,
 *    `“…,” said Lavrov`) and then before it (`Lavrov said “…”`, `…, saying “…”`, `according to X, “…”`), using
 *    a list of speech verbs (`server/data/quotes/speech-verbs.txt`) and a shallow noun-phrase chunker;
 * 3. resolve pronouns and role nominals (`he`, `the foreign minister`) to a preceding person mention, inherit
 *    the speaker for the second part of a split quotation, and call short unattributed quotations `scare`.
 *
 * Windows are bounded (a fixed number of tokens, paragraphs or candidate mentions) so that no quotation can
 * make the pass quadratic, whatever the input.
 */

// ---------------------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------------------

let speechVerbs: ReadonlySet<string> | undefined;

/** Loads the speech-verb list once per process; falls back to a minimal list if the data file is missing. */
function getSpeechVerbs(): ReadonlySet<string> {
  if (speechVerbs) return speechVerbs;
  let words: string[];
  try {
    words = fs
      .readFileSync(resolveDataFile('quotes/speech-verbs.txt'), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l.length > 0 && !l.startsWith('#'));
  } catch {
    // The analysis must keep working without its data folder (e.g. a broken bundle): keep the core verbs.
    words = ['say', 'says', 'said', 'saying', 'told', 'tells', 'added', 'adding', 'stated', 'wrote', 'asked', 'noted'];
  }
  speechVerbs = new Set(words);
  return speechVerbs;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);
const PERSON_PRONOUNS = new Set(['he', 'she', 'i']);
const GROUP_PRONOUNS = new Set(['they', 'we']);
const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'both', 'two', 'three',
  'four', 'several', 'many', 'some', 'other', 'another', 'each', 'every', 'all', 'one', 'most', 'few', 'no',
]);
/** Words that end a noun phrase when met by the chunker (prepositions, conjunctions, auxiliaries, relatives). */
const NP_STOP = new Set([
  'in', 'on', 'at', 'during', 'to', 'from', 'with', 'by', 'about', 'after', 'before', 'while', 'when', 'as', 'into',
  'over', 'under', 'against', 'without', 'through', 'since', 'until', 'amid', 'among', 'than', 'like', 'per', 'via',
  'but', 'or', 'so', 'because', 'if', 'though', 'although', 'that', 'which', 'who', 'whom', 'whose', 'what', 'where',
  'why', 'how', 'whether', 'also', 'not', 'is', 'was', 'were', 'are', 'be', 'been', 'being', 'has', 'had', 'have',
  'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'did', 'does', 'do', 'then', 'later', 'once',
  'there', 'here', 'now', 'just', 'even', 'still', 'again', 'too', 'very', 'only', 'yet', 'ago', 'instead',
  'him', 'them', 'us', 'me', 'it', 'this', 'and', 'nor', 'for', 'of', 'up', 'out', 'off', 'down', 'upon', 'around',
  'said', 'says', 'say', 'today', 'yesterday', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'last', 'next', 'week', 'year', 'month', 'however', 'meanwhile', 'earlier', 'according',
]);
/** Auxiliaries and adverbs that may stand between a subject and its speech verb (`Lavrov has also said`). */
const VERB_PREFIX = new Set([
  'has', 'had', 'have', 'also', 'later', 'then', 'once', 'previously', 'recently', 'repeatedly', 'again', 'was',
  'were', 'is', 'are', 'will', 'would', 'could', 'might', 'may', 'reportedly', 'further', 'simply', 'publicly',
  'privately', 'flatly', 'firmly', 'quickly', 'did', 'does', 'do', 'not', "n't", 'never', 'even', 'often', 'first',
  'famously', 'just', 'already', 'frequently', 'always', 'had', 'once', 'allegedly',
]);
/** Time words that may follow a speech verb in `“…,” Lavrov said Monday`. */
/** Verbs that name something with the quoted words (`called it “a disaster”`). */
const NAMING_VERBS = new Set(['call', 'calls', 'called', 'calling', 'dub', 'dubs', 'dubbed', 'label', 'labels', 'labeled', 'labelled', 'describe', 'describes', 'described', 'term', 'termed', 'brand', 'branded']);
const WH_WORDS = new Set(['where', 'what', 'why', 'how', 'whether', 'if', 'when', 'who', 'which']);
const PERSON_ROLES = new Set([
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
]);
const ORG_HEADS = new Set([
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
const DOCUMENT_HEADS = new Set([
  'statement', 'report', 'poll', 'survey', 'study', 'memo', 'letter', 'document', 'release', 'tweet', 'post', 'ad',
  'video', 'article', 'editorial', 'book', 'email', 'message', 'transcript', 'complaint', 'filing', 'lawsuit', 'website',
]);
/** Heads of noun phrases that read as a group of people (`the two sides`, `officials`). */
const GROUP_HEADS = new Set([
  'sides', 'officials', 'leaders', 'ministers', 'people', 'experts', 'critics', 'supporters', 'democrats',
  'republicans', 'voters', 'analysts', 'diplomats', 'lawmakers', 'members', 'residents', 'protesters', 'activists',
  'observers', 'sources', 'aides', 'advisers', 'advisors', 'authorities', 'parties', 'countries', 'delegates',
  'pair', 'both', 'others', 'many', 'some', 'candidates', 'rivals', 'conservatives', 'liberals', 'americans',
  'students', 'women', 'men', 'friends', 'fans', 'organizers', 'donors', 'allies', 'opponents', 'reporters',
]);

// ---------------------------------------------------------------------------------------------------------
// Step 1: quotation marks
// ---------------------------------------------------------------------------------------------------------

/** A paired quotation before attribution. */
interface RawQuote {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  /** Index of the paragraph holding the opening mark. */
  paragraph: number;
  /** Index of the paragraph holding the closing mark (differs for multi-paragraph quotations). */
  lastParagraph: number;
}

const OPEN_CURLY = new Set([0x201c, 0x201e, 0x00ab]); // “ „ «
const CLOSE_CURLY = new Set([0x201d, 0x00bb]); // ” »
const STRAIGHT = 0x22; // "

function isQuoteMark(c: number): boolean {
  return c === STRAIGHT || OPEN_CURLY.has(c) || CLOSE_CURLY.has(c) || c === 0x201f;
}

function isWordChar(c: number): boolean {
  // Letters, digits and the characters that may start or end a quoted word.
  if (c >= 48 && c <= 57) return true;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c > 127 && !isQuoteMark(c) && c !== 0x2014 && c !== 0x2013 && c !== 0x2026 && c !== 0xa0 && c !== 0x2019 && c !== 0x2018) {
    return !/\s/.test(String.fromCharCode(c));
  }
  return false;
}

function isSpaceChar(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0xfeff;
}

/** Characters after which a quotation mark opens: start, space, brackets, dashes, slash. */
function opensAfter(c: number): boolean {
  return Number.isNaN(c) || isSpaceChar(c) || c === 40 || c === 91 || c === 123 || c === 0x2014 || c === 0x2013 || c === 45 || c === 47 || c === 58;
}

/** Characters before which a quotation mark closes: end, space, punctuation. */
function closesBefore(c: number): boolean {
  return (
    Number.isNaN(c) || isSpaceChar(c) || c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 ||
    c === 41 || c === 93 || c === 125 || c === 0x2014 || c === 0x2013 || c === 45 || c === 0x2026 || c === 0x2019
  );
}

/**
 * Decides whether the mark at `i` opens (+1) or closes (-1) a quotation, or cannot tell (0). The glyph
 * decides for curly marks unless the context clearly says the opposite (scraped text often has `”` for `“`).
 */
function markDirection(text: string, i: number, lo: number, hi: number): number {
  const c = text.charCodeAt(i);
  const prev = i > lo ? text.charCodeAt(i - 1) : NaN;
  const next = i + 1 < hi ? text.charCodeAt(i + 1) : NaN;
  const openCtx = opensAfter(prev) && !Number.isNaN(next) && !isSpaceChar(next);
  const closeCtx = closesBefore(next) && !Number.isNaN(prev) && !isSpaceChar(prev);
  if (OPEN_CURLY.has(c)) return closeCtx && !openCtx && (Number.isNaN(next) || isSpaceChar(next)) ? -1 : 1;
  if (CLOSE_CURLY.has(c)) return openCtx && !closeCtx && isWordChar(next) && (Number.isNaN(prev) || isSpaceChar(prev)) ? 1 : -1;
  if (openCtx && !closeCtx) return 1;
  if (closeCtx && !openCtx) return -1;
  return 0;
}

/** First non-space character position of a paragraph, or -1. */
function startsWithOpeningMark(text: string, p: Paragraph): boolean {
  let i = p.start;
  while (i < p.end && isSpaceChar(text.charCodeAt(i))) i++;
  if (i >= p.end) return false;
  const c = text.charCodeAt(i);
  return isQuoteMark(c) && markDirection(text, i, p.start, p.end) >= 0;
}

/** True when `[from, to)` contains at least one letter or digit: empty quotes (`""`) are not quotations. */
function hasWord(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isWordChar(text.charCodeAt(i))) return true;
  return false;
}

/** Pairs quotation marks, paragraph by paragraph, in one pass over the text. */
export function pairQuotationMarks(text: string, paragraphs: readonly Paragraph[]): RawQuote[] {
  const paras: readonly Paragraph[] =
    paragraphs.length > 0 ? paragraphs : text.length > 0 ? [{ index: 0, start: 0, end: text.length, text }] : [];
  const out: RawQuote[] = [];
  // A quotation left open at the end of the previous paragraph and continued in this one.
  let carried: { start: number; paragraph: number } | undefined;
  for (let pi = 0; pi < paras.length; pi++) {
    const p = paras[pi];
    let openAt = -1;
    let openPara = pi;
    let i = p.start;
    if (carried) {
      // The paragraph starts with the continuing opening mark: skip it, the quotation stays open.
      while (i < p.end && isSpaceChar(text.charCodeAt(i))) i++;
      i++;
      openAt = carried.start;
      openPara = carried.paragraph;
      carried = undefined;
    }
    for (; i < p.end; i++) {
      const c = text.charCodeAt(i);
      if (!isQuoteMark(c)) continue;
      let dir = markDirection(text, i, p.start, p.end);
      if (dir === 0) dir = openAt >= 0 ? -1 : 1; // straight mark between two words: alternate by position
      if (dir > 0) {
        // A second opening mark while one is open: the earlier one was never closed; start again here.
        openAt = i;
        openPara = pi;
      } else if (openAt >= 0) {
        if (hasWord(text, openAt + 1, i)) {
          out.push({ start: openAt, end: i + 1, contentStart: openAt + 1, contentEnd: i, paragraph: openPara, lastParagraph: pi });
        }
        openAt = -1;
      }
      // A closing mark with nothing open is a stray mark: ignored.
    }
    if (openAt >= 0 && pi + 1 < paras.length && startsWithOpeningMark(text, paras[pi + 1])) {
      carried = { start: openAt, paragraph: openPara };
    } else if (openAt >= 0 && openPara < pi) {
      // A carried quotation whose last paragraph has no closing mark: end it with the paragraph.
      out.push({ start: openAt, end: p.end, contentStart: openAt + 1, contentEnd: p.end, paragraph: openPara, lastParagraph: pi });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Step 2: attribution
// ---------------------------------------------------------------------------------------------------------

/** Token-level view of the document shared by the attribution rules. */
interface Doc {
  text: string;
  tokens: Token[];
  lower: string[];
  /** Paragraph index of each token. */
  para: Int32Array;
  /** 1 when the token lies inside a quotation (including its marks). */
  inQuote: Uint8Array;
  /** For a token inside a quotation, the index of the quotation's opening mark. */
  quoteOpen: Int32Array;
  /** Person mentions, sorted. */
  persons: EntityMention[];
  entities: readonly EntityMention[];
  verbs: ReadonlySet<string>;
}

interface NounPhrase {
  from: number; // token index, inclusive
  to: number; // token index, exclusive
}

function isCapitalized(tok: string): boolean {
  const c = tok.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && tok[0] !== tok[0].toLowerCase());
}

function isPunct(tok: string): boolean {
  return tok.length === 1 && !isWordChar(tok.charCodeAt(0));
}

function isCue(doc: Doc, i: number): boolean {
  // Lower-case only: "the United States", "the Washington Post" are not speech verbs.
  return doc.verbs.has(doc.lower[i]) && doc.inQuote[i] === 0 && !isCapitalized(doc.tokens[i].text);
}

/** The token before `i`, jumping over a whole quotation (to the token before its opening mark). */
function prevOutside(doc: Doc, i: number): number {
  const j = i - 1;
  return j >= 0 && doc.inQuote[j] ? doc.quoteOpen[j] - 1 : j;
}

/** True for a token that can be part of a noun phrase. */
function npToken(doc: Doc, i: number): boolean {
  const t = doc.tokens[i].text;
  const l = doc.lower[i];
  if (doc.inQuote[i]) return false;
  if (l === "'s" || l === '’s') return true;
  if (isPunct(t)) return t === '.' ? false : t === '&';
  if (/^\p{N}/u.test(t)) return true;
  if (isCapitalized(t)) {
    // A capitalised speech verb at the start of a sentence ("Said Lavrov") is still a verb.
    return !(doc.verbs.has(l) && !DETERMINERS.has(l)) || l === 'post' || l === 'report';
  }
  if (DETERMINERS.has(l)) return true;
  if (NP_STOP.has(l) || doc.verbs.has(l) || SUBJECT_PRONOUNS.has(l)) return false;
  if (l.endsWith('ly') && l.length > 4) return false;
  return true;
}

/** Noun phrase ending at token `end` (inclusive), read leftwards. */
function npLeftOf(doc: Doc, end: number, lowest: number): NounPhrase | undefined {
  if (end < lowest || end < 0) return undefined;
  const l = doc.lower[end];
  if (doc.inQuote[end]) return undefined;
  if (SUBJECT_PRONOUNS.has(l)) return { from: end, to: end + 1 };
  if (!npToken(doc, end) || DETERMINERS.has(l)) return undefined;
  let from = end;
  while (from - 1 >= lowest && end - from < 9) {
    const j = from - 1;
    const lj = doc.lower[j];
    if (DETERMINERS.has(lj)) {
      // "the two sides": a run of determiners starts the phrase.
      from = j;
      while (from - 1 >= lowest && DETERMINERS.has(doc.lower[from - 1]) && !doc.inQuote[from - 1]) from--;
      break;
    }
    // "the leader of the group", "spokesman for the campaign": keep the link when a name-ish word precedes.
    if ((lj === 'of' || lj === 'for') && j - 1 >= lowest && npToken(doc, j - 1) && from < end + 1) {
      from = j;
      continue;
    }
    if (lj === 'and' && j - 1 >= lowest && isCapitalized(doc.tokens[j - 1].text) && isCapitalized(doc.tokens[from].text)) {
      from = j;
      continue;
    }
    if (!npToken(doc, j)) break;
    from = j;
  }
  // Do not start with a link word.
  while (from < end && (doc.lower[from] === 'of' || doc.lower[from] === 'for' || doc.lower[from] === 'and')) from++;
  // A phrase of only lower-case words longer than four tokens is more likely a clause than a subject.
  if (end - from > 4 && !hasCapital(doc, from, end + 1) && !DETERMINERS.has(doc.lower[from])) from = end - 1;
  return { from, to: end + 1 };
}

function onlyDeterminers(doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!DETERMINERS.has(doc.lower[i])) return false;
  return true;
}

function hasCapital(doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isCapitalized(doc.tokens[i].text) && !DETERMINERS.has(doc.lower[i])) return true;
  return false;
}

/** Noun phrase starting at token `start`, read rightwards, not beyond `limit` (exclusive). */
function npRightOf(doc: Doc, start: number, limit: number): NounPhrase | undefined {
  if (start >= limit) return undefined;
  const l = doc.lower[start];
  if (doc.inQuote[start]) return undefined;
  if (SUBJECT_PRONOUNS.has(l)) return { from: start, to: start + 1 };
  if (!npToken(doc, start)) return undefined;
  let to = start + 1;
  while (to < limit && to - start < 10) {
    const lt = doc.lower[to];
    if ((lt === 'of' || lt === 'for') && to + 1 < limit && npToken(doc, to + 1) && (DETERMINERS.has(doc.lower[to + 1]) || isCapitalized(doc.tokens[to + 1].text))) {
      to++;
      continue;
    }
    if (lt === 'and' && to + 1 < limit && isCapitalized(doc.tokens[to + 1].text) && isCapitalized(doc.tokens[to - 1].text) && !doc.verbs.has(doc.lower[to + 1])) {
      to++;
      continue;
    }
    // A determiner after the head starts a new phrase ("said Lavrov the …"); "the two sides" stays whole.
    if (!npToken(doc, to) || (DETERMINERS.has(lt) && lt !== 'both' && !onlyDeterminers(doc, start, to))) break;
    // A capitalised day name or month after a name ends the phrase ("said Lavrov Monday").
    if (NP_STOP.has(lt)) break;
    to++;
  }
  return { from: start, to };
}

/** Skips auxiliaries and adverbs leftwards from `i` (inclusive); returns the new index. */
function skipVerbPrefixLeft(doc: Doc, i: number, lowest: number): number {
  while (i >= lowest && (VERB_PREFIX.has(doc.lower[i]) || (doc.lower[i].endsWith('ly') && doc.lower[i].length > 4 && !isCapitalized(doc.tokens[i].text)))) i--;
  return i;
}

/** Subject of the verb at token `v`: the noun phrase before it, passing over an appositive between commas. */
function subjectOf(doc: Doc, v: number, lowest: number): NounPhrase | undefined {
  let j = skipVerbPrefixLeft(doc, v - 1, lowest);
  if (j < lowest) return undefined;
  if (doc.tokens[j].text === ',') {
    // "Lavrov, the foreign minister, said" / "Trump, who …, said": the subject precedes the first comma.
    let k = j - 1;
    while (k >= lowest && j - k < 20 && doc.tokens[k].text !== ',' && !isSentenceEnd(doc, k) && !doc.inQuote[k]) k--;
    if (k >= lowest && doc.tokens[k].text === ',' && k - 1 >= lowest) {
      const np = npLeftOf(doc, k - 1, lowest);
      if (np && isSpeakerLike(doc, np)) return np;
    }
    return undefined;
  }
  return npLeftOf(doc, j, lowest);
}

function isSentenceEnd(doc: Doc, i: number): boolean {
  const t = doc.tokens[i].text;
  return (t === '.' || t === '!' || t === '?' || t === ';') && doc.inQuote[i] === 0;
}

/** Rough test that a noun phrase can be a speaker: a pronoun, a name, or a person/organisation/group head. */
function isSpeakerLike(doc: Doc, np: NounPhrase): boolean {
  return speakerKind(doc, np) !== 'unknown' || hasCapital(doc, np.from, np.to) || DOCUMENT_HEADS.has(headLower(doc, np));
}

function headLower(doc: Doc, np: NounPhrase): string {
  let h = np.to - 1;
  while (h > np.from && (doc.lower[h] === "'s" || doc.lower[h] === '’s')) h--;
  return doc.lower[h];
}

function overlapsEntity(doc: Doc, from: number, to: number, type: string): EntityMention | undefined {
  const s = doc.tokens[from].start;
  const e = doc.tokens[to - 1].end;
  const list = doc.entities;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end <= s) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < list.length && list[k].start < e; k++) if (list[k].type === type) return list[k];
  return undefined;
}

function speakerKind(doc: Doc, np: NounPhrase): Attribution['sourceKind'] {
  const first = doc.lower[np.from];
  if (np.to - np.from === 1 && PERSON_PRONOUNS.has(first)) return 'person';
  if (np.to - np.from === 1 && GROUP_PRONOUNS.has(first)) return 'group';
  const head = headLower(doc, np);
  for (let i = np.from; i < np.to; i++) {
    if (doc.lower[i] === 'and' && isCapitalized(doc.tokens[np.from].text)) return 'group';
  }
  if (GROUP_HEADS.has(head) || first === 'both') return 'group';
  // The entity recogniser knows names; the head word knows nominals ("the foreign minister").
  const endsWithName = isCapitalized(doc.tokens[np.to - 1].text);
  if (endsWithName && overlapsEntity(doc, np.to - 1, np.to, 'person')) return 'person';
  if (overlapsEntity(doc, np.from, np.to, 'organization')) return 'organization';
  if (ORG_HEADS.has(head)) return 'organization';
  if (PERSON_ROLES.has(head)) return 'person';
  if (overlapsEntity(doc, np.from, np.to, 'person')) return 'person';
  if (head.endsWith('s') && !head.endsWith('ss') && !isCapitalized(doc.tokens[np.to - 1].text) && head.length > 3) return 'group';
  return 'unknown';
}

function slice(doc: Doc, from: number, to: number): TextSlice {
  const start = doc.tokens[from].start;
  const end = doc.tokens[to - 1].end;
  return { start, end, text: doc.text.slice(start, end) };
}

/** A candidate attribution before pronoun resolution. */
interface Found {
  np: NounPhrase;
  cue?: NounPhrase;
  /** How tight the pattern is: 2 = adjacent to the quote (`“…,” he said`, `said: “…”`), 1 = same clause. */
  strength: number;
}

/** First token index whose start is >= offset (binary search). */
function tokenAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const AFTER_WINDOW = 14;
const BEFORE_WINDOW = 60;
/** Earlier quotations the before-window may pass over (`“…,” he said, adding “…”`). */
const MAX_QUOTE_JUMPS = 6;

/** Attribution after the quotation: `“…,” Lavrov said`, `“…,” said Lavrov`, `“…,” according to X`. */
function findAfter(doc: Doc, closeTok: number, limit: number): Found | undefined {
  let p = closeTok;
  const para = doc.para[closeTok - 1] ?? -1;
  while (p < limit && (doc.tokens[p].text === ',' || doc.tokens[p].text === '—' || doc.tokens[p].text === '–' || doc.tokens[p].text === '-' || doc.tokens[p].text === '--')) p++;
  if (p >= limit || doc.para[p] !== para || doc.inQuote[p]) return undefined;
  const end = Math.min(limit, p + AFTER_WINDOW);
  let stop = p;
  while (stop < end && doc.para[stop] === para && !doc.inQuote[stop] && !isSentenceEnd(doc, stop)) stop++;
  // "according to X"
  if (doc.lower[p] === 'according' && doc.lower[p + 1] === 'to') {
    const np = npRightOf(doc, p + 2, stop);
    if (np) return { np, cue: { from: p, to: p + 2 }, strength: 2 };
  }
  // Inverted: "said Lavrov", "added the minister".
  // A participle after the quotation ("“…,” saying …") continues the clause before it: not an inversion.
  if (isCue(doc, p) && !doc.lower[p].endsWith('ing')) {
    let q = p + 1;
    while (q < stop && VERB_PREFIX.has(doc.lower[q])) q++;
    const np = npRightOf(doc, q, stop);
    if (np && isSpeakerLike(doc, np)) return { np, cue: { from: p, to: p + 1 }, strength: 2 };
    return undefined;
  }
  // Subject first: "Lavrov said", "the Russian Foreign Minister told reporters", "Lavrov, the minister, said".
  const np = npRightOf(doc, p, stop);
  if (!np) return undefined;
  let q = np.to;
  if (q < stop && doc.tokens[q].text === ',') {
    let k = q + 1;
    while (k < stop && doc.tokens[k].text !== ',') k++;
    if (k < stop) q = k + 1;
  }
  while (q < stop && (VERB_PREFIX.has(doc.lower[q]) || (doc.lower[q].endsWith('ly') && doc.lower[q].length > 4))) q++;
  if (q < stop && isCue(doc, q)) return { np, cue: { from: q, to: q + 1 }, strength: 2 };
  return undefined;
}

/** Attribution before the quotation, within its sentence: `Lavrov said “…”`, `…, saying “…”`, `according to X, “…”`. */
function findBefore(doc: Doc, openTok: number, allowPrevParagraph: boolean): Found | undefined {
  if (openTok <= 0) return undefined;
  const para = doc.para[openTok];
  let lowest = openTok - 1;
  // Tokens inside earlier quotations do not count against the window ("saying “…long…,” adding “…”"), but
  // the scan is still bounded so that a document of quotations stays linear.
  let outside = 0;
  let jumps = 0;
  while (lowest - 1 >= 0 && outside < BEFORE_WINDOW && jumps < MAX_QUOTE_JUMPS) {
    let j = lowest - 1;
    if (doc.para[j] !== para && !(allowPrevParagraph && doc.para[j] === para - 1)) break;
    if (doc.inQuote[j]) {
      j = doc.quoteOpen[j];
      jumps++;
      if (doc.para[j] !== para && !(allowPrevParagraph && doc.para[j] === para - 1)) break;
    } else {
      if (isSentenceEnd(doc, j)) break;
      outside++;
    }
    lowest = j;
  }
  if (lowest >= openTok || doc.para[lowest] !== para && !allowPrevParagraph) return undefined;
  // "According to X, “…”"
  for (let i = prevOutside(doc, openTok - 1); i >= lowest; i = prevOutside(doc, i)) {
    if (doc.lower[i] === 'according' && doc.lower[i + 1] === 'to' && !doc.inQuote[i]) {
      const np = npRightOf(doc, i + 2, openTok);
      if (np) return { np, cue: { from: i, to: i + 2 }, strength: openTok - np.to <= 2 ? 2 : 1 };
    }
  }
  for (let v = openTok - 1; v >= lowest; v = prevOutside(doc, v)) {
    if (!isCue(doc, v)) continue;
    const gap = openTok - v; // 1 when the verb touches the quote
    const next = doc.lower[v + 1];
    // "refused to say where “…” is": a wh-clause or an infinitive does not report the quoted words.
    // "called on X to …", "called for …" urge rather than report words.
    const weak = WH_WORDS.has(next ?? '') || (v > 0 && doc.lower[v - 1] === 'to') || (doc.lower[v].startsWith('call') && /^(on|for|upon)$/.test(next ?? ''));
    const naming = NAMING_VERBS.has(doc.lower[v]) && gap <= 5;
    const strength = weak ? 0 : gap <= 2 || naming || (gap <= 4 && /[:,]/.test(doc.tokens[openTok - 1].text)) ? 2 : next === 'that' ? 1 : 0.5;
    const l = doc.lower[v];
    const participle = l.endsWith('ing');
    // Inverted after an earlier part of the quotation: "“…,” said the Florida senator, “…”".
    if (!participle && v - 1 >= 0 && (doc.inQuote[v - 1] || (doc.tokens[v - 1].text === ',' && v - 2 >= 0 && doc.inQuote[v - 2]))) {
      let q = v + 1;
      while (q < openTok && VERB_PREFIX.has(doc.lower[q])) q++;
      const np = npRightOf(doc, q, openTok);
      if (np && isSpeakerLike(doc, np)) return { np, cue: { from: v, to: v + 1 }, strength: 2 };
    }
    const prevTok = v - 1 >= lowest ? doc.tokens[v - 1].text : '';
    if (!participle || (prevTok !== ',' && prevTok !== '—' && !VERB_PREFIX.has(doc.lower[v - 1] ?? '') && v - 1 >= lowest && doc.lower[v - 1] !== 'and')) {
      const np = participle ? undefined : subjectOf(doc, v, lowest);
      if (np && isSpeakerLike(doc, np)) return { np, cue: { from: v, to: v + 1 }, strength };
      if (participle) {
        // "was quoted as saying" / "by saying": find the governing subject below.
      }
    }
    // Participle or no subject: the subject of the governing clause — the nearest earlier speech verb with a
    // speaker-like subject, else the first noun phrase of the sentence.
    for (let w = prevOutside(doc, v); w >= lowest; w = prevOutside(doc, w)) {
      if (!isCue(doc, w) || doc.lower[w].endsWith('ing')) continue;
      const np = subjectOf(doc, w, lowest);
      if (np && speakerKind(doc, np) !== 'unknown') return { np, cue: { from: v, to: v + 1 }, strength };
    }
    const np = sentenceSubject(doc, lowest, v);
    if (np) return { np, cue: { from: v, to: v + 1 }, strength };
    return undefined;
  }
  return undefined;
}

/** First noun phrase of a clause, skipping an introductory phrase that ends with a comma. */
function sentenceSubject(doc: Doc, from: number, to: number): NounPhrase | undefined {
  let start = from;
  while (start < to && (isPunct(doc.tokens[start].text) || doc.inQuote[start])) start++;
  const first = doc.lower[start];
  if (first !== undefined && (NP_STOP.has(first) && !DETERMINERS.has(first))) {
    // "At a news conference in Geneva, Kerry said …": skip to after the first comma.
    let k = start;
    while (k < to && doc.tokens[k].text !== ',') k++;
    if (k >= to) return undefined;
    start = k + 1;
  }
  const np = npRightOf(doc, start, to);
  return np && isSpeakerLike(doc, np) ? np : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Step 3: resolution
// ---------------------------------------------------------------------------------------------------------

const RESOLVE_CHARS = 3000;

/** Index of the last person mention ending at or before `offset`. */
function lastPersonBefore(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.persons.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.persons[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function isInsideQuote(doc: Doc, offset: number): boolean {
  const t = tokenAt(doc, offset);
  return t < doc.tokens.length && doc.tokens[t].start === offset && doc.inQuote[t] === 1;
}

/**
 * The named person a pronoun refers to: the nearest preceding person mention outside quotations that stands
 * as a subject (sentence-initial, before a verb, or a known speaker); else the nearest person mention.
 */
function resolvePronoun(doc: Doc, offset: number, speakers: ReadonlySet<number>): TextSlice | undefined {
  let fallback: EntityMention | undefined;
  let seen = 0;
  for (let k = lastPersonBefore(doc, offset); k >= 0 && seen < 15; k--) {
    const m = doc.persons[k];
    if (offset - m.end > RESOLVE_CHARS) break;
    if (isInsideQuote(doc, m.start)) continue;
    seen++;
    fallback ??= m;
    if (speakers.has(m.start) || isSubjectPosition(doc, m)) return { start: m.start, end: m.end, text: m.text };
  }
  return fallback ? { start: fallback.start, end: fallback.end, text: fallback.text } : undefined;
}

function isSubjectPosition(doc: Doc, m: EntityMention): boolean {
  const t = tokenAt(doc, m.start);
  let e = tokenAt(doc, m.end);
  // After the mention: a verb-like word (lower-case, not a preposition or determiner).
  while (e < doc.tokens.length && (doc.tokens[e].text === ',' || VERB_PREFIX.has(doc.lower[e]))) {
    if (doc.tokens[e].text === ',') break;
    e++;
  }
  const after = doc.lower[e];
  if (after !== undefined && doc.verbs.has(after)) return true;
  if (after !== undefined && !isCapitalized(doc.tokens[e].text) && !isPunct(doc.tokens[e].text) && !NP_STOP.has(after) && !DETERMINERS.has(after) && after !== "'s" && after !== '’s') {
    if (/(ed|s)$/.test(after)) return true;
  }
  // Before the mention: sentence start, possibly after titles/determiners.
  let b = t - 1;
  while (b >= 0 && doc.para[b] === doc.para[t] && (isCapitalized(doc.tokens[b].text) || DETERMINERS.has(doc.lower[b])) && !isPunct(doc.tokens[b].text)) b--;
  return b < 0 || doc.para[b] !== doc.para[t] || isSentenceEnd(doc, b);
}

/** The person named with a role (`Foreign Minister Sergei Lavrov`, `Lavrov, the foreign minister`). */
function resolveNominal(doc: Doc, np: NounPhrase, offset: number): TextSlice | undefined {
  const head = headLower(doc, np);
  if (!PERSON_ROLES.has(head)) return undefined;
  let seen = 0;
  for (let k = lastPersonBefore(doc, offset); k >= 0 && seen < 40; k--) {
    const m = doc.persons[k];
    seen++;
    const before = doc.text.slice(Math.max(0, m.start - 60), m.start).toLowerCase();
    const after = doc.text.slice(m.end, Math.min(doc.text.length, m.end + 60)).toLowerCase();
    const titled = new RegExp(`\\b${head}\\b[\\w\\s.’'-]{0,25}$`).test(before);
    const apposed = new RegExp(`^\\s*,\\s*(the|a)\\b[^,.]{0,40}\\b${head}\\b`).test(after);
    if (titled || apposed) return { start: m.start, end: m.end, text: m.text };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------------------

/** Counts words (runs of letters/digits) in `[from, to)`, stopping early past `cap`. */
function wordCount(text: string, from: number, to: number, cap: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const w: boolean = isWordChar(text.charCodeAt(i)) || (inWord && (text[i] === '’' || text[i] === "'" || text[i] === '-'));
    if (w && !inWord) {
      n++;
      if (n > cap) return n;
    }
    inWord = w;
  }
  return n;
}

/** Largest quotation, in words, still taken for a scare quote when nothing attributes it. */
const SCARE_MAX_WORDS = 4;
/** Pattern strength a short quotation needs to be reported speech: a tight pattern or a `that` clause. */
const SHORT_MIN_STRENGTH = 1;

/**
 * Finds every quotation of the document, in document order, with its speaker when the text names one.
 *
 * @param text the document
 * @param paragraphs from `splitParagraphs(text)`
 * @param sentences all sentences in order (`splitSentences` over each paragraph's tokens)
 * @param entities from the entity recogniser, sorted by `start`
 * @returns quotations sorted by `start`; `kind` is `scare` for a short quoted term with no speaker
 */
export function findQuotes(
  text: string,
  paragraphs: readonly Paragraph[],
  sentences: readonly Sentence[],
  entities: readonly EntityMention[],
): Quote[] {
  const raws = pairQuotationMarks(text, paragraphs);
  if (raws.length === 0) return [];
  const doc = buildDoc(text, paragraphs, sentences, entities, raws);
  const speakers = new Set<number>();
  const quotes: Quote[] = [];
  let previous: { raw: RawQuote; attribution?: Attribution; closeTok: number } | undefined;
  for (const raw of raws) {
    const openTok = tokenAt(doc, raw.start);
    const closeTok = tokenAt(doc, raw.end);
    const words = wordCount(text, raw.contentStart, raw.contentEnd, SCARE_MAX_WORDS + 1);
    const short = words <= SCARE_MAX_WORDS;
    const afterLimit = Math.min(doc.tokens.length, closeTok + AFTER_WINDOW + 4);
    const prevParaEndsWithColon = raw.paragraph > 0 && openTok > 0 && doc.para[openTok - 1] === raw.paragraph - 1 && doc.tokens[openTok - 1].text === ':';
    let found = findAfter(doc, closeTok, afterLimit);
    const before = findBefore(doc, openTok, prevParaEndsWithColon);
    if (!found || (before && before.strength > found.strength)) found = before ?? found;
    // Short quotations need a tight pattern or a clause-level cue that reports words; else they are scare quotes.
    if (found && short && found.strength < SHORT_MIN_STRENGTH) found = undefined;
    let attribution: Attribution | undefined;
    if (found) {
      attribution = makeAttribution(doc, found, raw.start, speakers);
    } else if (previous?.attribution && startsSentence(doc, openTok, previous.closeTok, raw)) {
      // Second part of a split quotation ("“…,” he said. “…”") or a quotation paragraph following one:
      // the same speaker.
      attribution = previous.attribution;
    }
    const kind: Quote['kind'] = attribution || !short ? 'direct' : 'scare';
    quotes.push({
      start: raw.start,
      end: raw.end,
      contentStart: raw.contentStart,
      contentEnd: raw.contentEnd,
      text: text.slice(raw.contentStart, raw.contentEnd),
      kind,
      ...(attribution ? { attribution } : {}),
    });
    if (kind === 'direct') previous = { raw, attribution, closeTok };
  }
  return quotes;
}

/**
 * True when the quotation opens its sentence and follows the previous direct quotation closely: in the same
 * paragraph, or at the start of the next paragraph.
 */
function startsSentence(doc: Doc, openTok: number, prevClose: number, raw: RawQuote): boolean {
  const para = raw.paragraph;
  const prevPara = prevClose > 0 ? doc.para[prevClose - 1] : -1;
  if (prevPara !== para && prevPara !== para - 1) return false;
  if (openTok === 0) return false;
  const b = openTok - 1;
  if (doc.para[b] !== para) return prevPara === para - 1;
  return isSentenceEnd(doc, b) || (doc.inQuote[b] === 1 && /[.!?]/.test(doc.tokens[b - 1]?.text ?? '')) || doc.tokens[b].text === ':';
}

function makeAttribution(doc: Doc, found: Found, quoteStart: number, speakers: Set<number>): Attribution {
  const mention = slice(doc, found.np.from, found.np.to);
  const kind = speakerKind(doc, found.np);
  const l = doc.lower[found.np.from];
  let resolved: TextSlice | undefined;
  const single = found.np.to - found.np.from === 1;
  if (single && PERSON_PRONOUNS.has(l)) {
    resolved = resolvePronoun(doc, Math.min(mention.start, quoteStart), speakers);
  } else if (!hasCapital(doc, found.np.from, found.np.to)) {
    resolved = resolveNominal(doc, found.np, Math.min(mention.start, quoteStart));
  } else {
    speakers.add(personStartIn(doc, mention) ?? mention.start);
  }
  return {
    mention,
    ...(resolved ? { resolved } : {}),
    ...(found.cue ? { cue: slice(doc, found.cue.from, found.cue.to) } : {}),
    sourceKind: kind,
  };
}

function personStartIn(doc: Doc, s: TextSlice): number | undefined {
  const k = lastPersonBefore(doc, s.end);
  const m = doc.persons[k];
  return m && m.start >= s.start ? m.start : undefined;
}

function buildDoc(
  text: string,
  paragraphs: readonly Paragraph[],
  sentences: readonly Sentence[],
  entities: readonly EntityMention[],
  raws: readonly RawQuote[],
): Doc {
  const tokens: Token[] = [];
  for (const s of sentences) for (const t of s.tokens) tokens.push(t);
  const lower = tokens.map((t) => t.text.toLowerCase());
  const para = new Int32Array(tokens.length);
  let pi = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (pi + 1 < paragraphs.length && paragraphs[pi].end <= tokens[i].start) pi++;
    para[i] = pi;
  }
  const inQuote = new Uint8Array(tokens.length);
  const quoteOpen = new Int32Array(tokens.length);
  let ti = 0;
  for (const q of raws) {
    while (ti < tokens.length && tokens[ti].start < q.start) ti++;
    let k = ti;
    while (k < tokens.length && tokens[k].start < q.end) {
      quoteOpen[k] = ti;
      inQuote[k++] = 1;
    }
  }
  // Words written with a capital inside a sentence are names; a capital at the start of a sentence proves
  // nothing. Used to discard person mentions such as "Asked" or "Instead" from a weak recogniser.
  const midCaps = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (!isCapitalized(t)) continue;
    const prev = tokens[i - 1].text;
    if (para[i - 1] !== para[i] || /^[.!?:"“”‘'(\[—–-]$/.test(prev) || prev === '...' || prev === '…') continue;
    midCaps.add(t);
  }
  const credible = (e: EntityMention): boolean => {
    for (const w of e.text.split(/\s+/)) if (midCaps.has(w) || midCaps.has(w.replace(/['’]s$/, ''))) return true;
    return false;
  };
  return {
    text,
    tokens,
    lower,
    para,
    inQuote,
    quoteOpen,
    persons: entities.filter((e) => e.type === 'person' && credible(e)),
    entities,
    verbs: getSpeechVerbs(),
  };
}
