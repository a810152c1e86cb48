import { readListFile, readOrFail, type DataSource } from './dataSource';
import type { Attribution, EntityMention, Paragraph, Quote, Sentence, TextSlice, Token } from './types';
import type { Vocabulary } from './vocabulary';

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
  'famously', 'just', 'already', 'frequently', 'always', 'once', 'allegedly', 'long', 'almost', 'since', 'subsequently',
  'immediately', 'angrily', 'openly', 'wo', 'ca', "'d", '’d', "'ve", '’ve', "'ll", '’ll', 'would', 'should', 'must',
]);
/** Verbs that name something with the quoted words (`called it “a disaster”`). */
const NAMING_VERBS = new Set(['call', 'calls', 'called', 'calling', 'dub', 'dubs', 'dubbed', 'label', 'labels', 'labeled', 'labelled', 'describe', 'describes', 'described', 'term', 'termed', 'brand', 'branded']);
/** After a speech verb, these open an indirect question (`refused to say where …`), not reported words. */
const WH_WORDS = new Set(['where', 'what', 'why', 'how', 'whether', 'if', 'when', 'who', 'which']);
/** Heads of noun phrases naming a person by role (`the foreign minister`, `a spokesman`). */
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
  'employee', 'worker', 'staffer', 'volunteer', 'speechwriter', 'strategist', 'chairwoman', 'senior', 'owner', 'teacher',
]);
/** Heads of noun phrases naming an organisation (`the Russian Foreign Ministry`, `the campaign`). */
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

// Opening typographic marks: “ „ « (0x201c, 0x201e, 0xab); closing: ” » (0x201d, 0xbb).
const STRAIGHT = 0x22; // "

function isQuoteMark(c: number): boolean {
  // Plain comparisons: this runs for every mark candidate of the document.
  return c === STRAIGHT || (c >= 0x201c && c <= 0x201f) || c === 0xab || c === 0xbb;
}

/** Finds the next quotation mark; a regular expression scan is much faster than a loop over characters. */
const QUOTE_MARK_RE = /["\u201c-\u201f\u00ab\u00bb]/g;

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

/** Characters after which a quotation mark opens: start (-1), space, brackets, dashes, slash. */
function opensAfter(c: number): boolean {
  return c < 0 || isSpaceChar(c) || c === 40 || c === 91 || c === 123 || c === 0x2014 || c === 0x2013 || c === 45 || c === 47 || c === 58;
}

/** Characters before which a quotation mark closes: end (-1), space, punctuation. */
function closesBefore(c: number): boolean {
  return (
    c < 0 || isSpaceChar(c) || c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 ||
    c === 41 || c === 93 || c === 125 || c === 0x2014 || c === 0x2013 || c === 45 || c === 0x2026 || c === 0x2019
  );
}

/**
 * Decides whether the mark at `i` opens (+1) or closes (-1) a quotation, or cannot tell (0). The glyph
 * decides for curly marks unless the context clearly says the opposite (scraped text often has `”` for `“`).
 */
function markDirection(text: string, i: number, lo: number, hi: number): number {
  // -1 stands for "no character" (paragraph edge); plain numbers keep this hot path cheap.
  const c = text.charCodeAt(i);
  const prev = i > lo ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < hi ? text.charCodeAt(i + 1) : -1;
  const openCtx = opensAfter(prev) && next >= 0 && !isSpaceChar(next);
  const closeCtx = closesBefore(next) && prev >= 0 && !isSpaceChar(prev);
  if (c === 0x201c || c === 0x201e || c === 0xab) return closeCtx && !openCtx && (next < 0 || isSpaceChar(next)) ? -1 : 1;
  if (c === 0x201d || c === 0xbb) return openCtx && !closeCtx && next >= 0 && isWordChar(next) && (prev < 0 || isSpaceChar(prev)) ? 1 : -1;
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
function pairQuotationMarks(text: string, paragraphs: readonly Paragraph[]): RawQuote[] {
  const paras: readonly Paragraph[] =
    paragraphs.length > 0 ? paragraphs : text.length > 0 ? [{ index: 0, start: 0, end: text.length, text }] : [];
  const out: RawQuote[] = [];
  // A quotation left open at the end of the previous paragraph and continued in this one.
  let carried: { start: number; paragraph: number } | undefined;
  let nextMark = -1;
  for (let pi = 0; pi < paras.length; pi++) {
    const p = paras[pi];
    let openAt = -1;
    let openPara = pi;
    let openFamily = 0;
    // A quotation of the other family inside the open one (“He said "no" to me”): closed with it, not emitted
    // on its own unless the outer quotation turns out never to close.
    let innerAt = -1;
    let innerFamily = 0;
    const pendingInner: RawQuote[] = [];
    let i = p.start;
    if (carried) {
      // The paragraph starts with the continuing opening mark: skip it, the quotation stays open.
      while (i < p.end && isSpaceChar(text.charCodeAt(i))) i++;
      openFamily = markFamily(text.charCodeAt(i));
      i++;
      openAt = carried.start;
      openPara = carried.paragraph;
      carried = undefined;
    }
    for (; i < p.end; i++) {
      // The next mark is remembered across paragraphs, so the text is scanned once in all (no rescans of
      // mark-free paragraphs: linear even for a million short paragraphs and one mark at the end).
      if (nextMark < i && isQuoteMark(text.charCodeAt(i))) {
        nextMark = i; // dense marks: no regular expression call
      } else if (nextMark < i) {
        QUOTE_MARK_RE.lastIndex = i;
        const hit = QUOTE_MARK_RE.exec(text);
        nextMark = hit ? hit.index : text.length;
      }
      if (nextMark >= p.end) break;
      i = nextMark;
      const family = markFamily(text.charCodeAt(i));
      let dir = markDirection(text, i, p.start, p.end);
      if (dir === 0) {
        // A straight mark between two words: it closes a quotation of its own family, else it opens one.
        if (innerAt >= 0) dir = innerFamily === family ? -1 : 1;
        else if (openAt >= 0) dir = openFamily === family ? -1 : 1;
        else dir = 1;
      }
      if (dir > 0) {
        if (openAt >= 0 && innerAt < 0 && openFamily !== family) {
          innerAt = i;
          innerFamily = family;
        } else if (openAt >= 0 && innerAt >= 0 && innerFamily === family) {
          innerAt = i; // the inner one was never closed; start it again here
        } else {
          // A second opening mark of the same family: the earlier one was never closed; start again here.
          if (openAt >= 0 && openPara === pi) flushInner(out, pendingInner);
          openAt = i;
          openPara = pi;
          openFamily = family;
          innerAt = -1;
          pendingInner.length = 0;
        }
      } else if (innerAt >= 0 && innerFamily === family) {
        if (hasWord(text, innerAt + 1, i)) pendingInner.push({ start: innerAt, end: i + 1, contentStart: innerAt + 1, contentEnd: i, paragraph: pi, lastParagraph: pi });
        innerAt = -1;
      } else if (openAt >= 0) {
        if (hasWord(text, openAt + 1, i)) {
          out.push({ start: openAt, end: i + 1, contentStart: openAt + 1, contentEnd: i, paragraph: openPara, lastParagraph: pi });
        }
        openAt = -1;
        innerAt = -1;
        pendingInner.length = 0;
      }
      // A closing mark with nothing open is a stray mark: ignored.
    }
    const continued = openAt >= 0 && pi + 1 < paras.length && startsWithOpeningMark(text, paras[pi + 1]);
    if (continued && !startsWithSpeakerLabel(text, paras[pi + 1])) {
      carried = { start: openAt, paragraph: openPara };
    } else if (continued && hasWord(text, openAt + 1, p.end)) {
      // Transcripts open every turn with a mark and a speaker label ("PENCE: …", "WALLACE: …"): each turn
      // is its own quotation, ending with its paragraph.
      out.push({ start: openAt, end: p.end, contentStart: openAt + 1, contentEnd: p.end, paragraph: openPara, lastParagraph: pi });
    } else if (openAt >= 0 && openPara < pi) {
      // A carried quotation whose last paragraph has no closing mark: end it with the paragraph.
      out.push({ start: openAt, end: p.end, contentStart: openAt + 1, contentEnd: p.end, paragraph: openPara, lastParagraph: pi });
    } else if (openAt >= 0) {
      // An opening mark never closed: the quotations found inside it stand on their own.
      flushInner(out, pendingInner);
    }
  }
  return out;
}

/** True when the paragraph opens with a quotation mark and a transcript speaker label (`"PENCE: Well, …`). */
function startsWithSpeakerLabel(text: string, p: Paragraph): boolean {
  return /^\s*["“„«]\s*[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}:\s/.test(text.slice(p.start, Math.min(p.end, p.start + 48)));
}

/** 0 for straight marks, 1 for typographic ones: the two families nest inside each other. */
function markFamily(c: number): number {
  return c === STRAIGHT || c === 0x201f ? 0 : 1;
}

function flushInner(out: RawQuote[], inner: RawQuote[]): void {
  for (const q of inner) out.push(q);
  inner.length = 0;
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
  /** Titles given to each surname anywhere in the document (`Cruz` → {senator}). */
  titles: Map<string, Set<string>>;
  /** Gender of person mentions by their last word, from first names seen in the document (`x` = conflicting). */
  surnameGender: Map<string, 'f' | 'm' | 'x'>;
  entities: readonly EntityMention[];
  verbs: ReadonlySet<string>;
  lexicon: QuoteLexicon;
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
  if (doc.inQuote[i] !== 0 || isCapitalized(doc.tokens[i].text)) return false;
  // "Sanders shot back, “…”", "Trump fired back".
  if (i + 1 < doc.tokens.length && doc.lower[i + 1] === 'back' && /^(shot|shoots|fired|fires|hit|hits|pushed|struck|snapped|lashed|wrote|responded|punched)$/.test(doc.lower[i])) return true;
  if (!doc.verbs.has(doc.lower[i])) return false;
  // "a report in", "his remarks", "the post": after a determiner or a possessive the word is a noun.
  const prev = i > 0 ? doc.lower[i - 1] : '';
  // "he's claiming": after a pronoun the clitic is "is"/"has", not a possessive.
  const clitic = (prev === "'s" || prev === '’s') && i > 1 && SUBJECT_PRONOUNS.has(doc.lower[i - 2]);
  if ((DETERMINERS.has(prev) && prev !== 'both' && prev !== 'all') || ((prev === "'s" || prev === '’s') && !clitic) || prev === 'which') return false;
  // "hundreds of screaming supporters": a participle after "of" is an adjective.
  if (prev === 'of' && doc.lower[i].endsWith('ing')) return false;
  if (!NOUN_VERBS.has(doc.lower[i])) return true;
  // "many Asian states", "such talk": a form that is also a noun is a verb only after a pronoun or an
  // auxiliary, or before "that", a colon or a quotation.
  const next = i + 1 < doc.tokens.length ? doc.tokens[i + 1].text : '';
  return SUBJECT_PRONOUNS.has(prev) || VERB_PREFIX.has(prev) || clitic || next === 'that' || next === ':' || isQuoteMark(next.charCodeAt(0));
}

/** Right after a quotation and its subject (`“…,” the Daily Caller reports`) any listed form is a verb. */
function isCueAfterSubject(doc: Doc, i: number): boolean {
  return doc.verbs.has(doc.lower[i]) && doc.inQuote[i] === 0 && !isCapitalized(doc.tokens[i].text);
}

/** Speech-verb forms that are also common nouns (`state`, `claims`, `talk`). */
const NOUN_VERBS = new Set([
  'state', 'states', 'talk', 'talks', 'claim', 'claims', 'post', 'note', 'notes', 'call', 'calls', 'comment',
  'comments', 'report', 'reports', 'charge', 'charges', 'demand', 'demands', 'counter', 'counters', 'term', 'brand',
  'brands', 'label', 'labels', 'vow', 'vows', 'pledge', 'pledges', 'promise', 'promises', 'remark', 'remarks',
  'tweet', 'tweets', 'joke', 'jokes', 'quote', 'muse', 'cry', 'blast', 'blasts', 'slam', 'slams', 'mock', 'praise',
  'dub', 'fear', 'fears', 'hope', 'hopes', 'worry', 'worries', 'thought', 'feel', 'read', 'reads', 'mention',
  'mentions', 'question', 'wonder', 'repeat', 'continue', 'add', 'answer', 'reply', 'cite', 'echo', 'echoes',
  'caution', 'marvel', 'gripe', 'gripes', 'brag',
]);

/** The first token after the quotation holding token `i`. */
function nextOutside(doc: Doc, i: number): number {
  let k = i;
  while (k < doc.tokens.length && doc.inQuote[k] && doc.quoteOpen[k] === doc.quoteOpen[i]) k++;
  return k;
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
  // The dot of an initial ("George W. Bush", "Harry M. Reid").
  if (t === '.' && i > 0 && doc.tokens[i - 1].text.length === 1 && isCapitalized(doc.tokens[i - 1].text) && doc.tokens[i - 1].end === doc.tokens[i].start && i + 1 < doc.tokens.length && isCapitalized(doc.tokens[i + 1].text)) return true;
  if (l === "'s" || l === '’s') return true;
  if (isPunct(t)) return t === '.' ? false : t === '&';
  if (/^\p{N}/u.test(t)) return true;
  if (isCapitalized(t)) {
    // Sentence-initial function words ("But Kelly") are not part of a name; "Will" and "May" may be names.
    if (NP_STOP.has(l) && l !== 'will' && l !== 'may' && !DETERMINERS.has(l)) return false;
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

function leadsToHead(doc: Doc, i: number, limit: number): boolean {
  if (doc.lower[i] === "'s" || doc.lower[i] === '’s') return true; // "Twitter's Adam Sharp"
  for (let k = i; k < Math.min(limit, i + 3); k++) {
    const l = doc.lower[k];
    if (PERSON_ROLES.has(l) || ORG_HEADS.has(l) || GROUP_HEADS.has(l) || DOCUMENT_HEADS.has(l)) return true;
    if (!npToken(doc, k) || isCapitalized(doc.tokens[k].text)) return false;
  }
  return false;
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
      // "Mr. Morgan of the Sierra Club": the link word and the determiners after it belong to the phrase.
      to++;
      while (to + 1 < limit && DETERMINERS.has(doc.lower[to]) && npToken(doc, to + 1)) to++;
      continue;
    }
    // "chief of staff", "secretary of state", "director of communications": a role's complement.
    if (lt === 'of' && to + 1 < limit && (PERSON_ROLES.has(doc.lower[to - 1]) || TITLE_FORMS.has(doc.lower[to - 1])) && npToken(doc, to + 1) && !doc.verbs.has(doc.lower[to + 1])) {
      to += 2;
      continue;
    }
    if (lt === 'and' && to + 1 < limit && isCapitalized(doc.tokens[to + 1].text) && isCapitalized(doc.tokens[to - 1].text) && !doc.verbs.has(doc.lower[to + 1])) {
      to++;
      continue;
    }
    // "the Florida senator and Republican presidential candidate": two roles of one person (no determiner after
    // "and"; "the senator and the governor" are two people).
    if (lt === 'and' && to + 1 < limit && PERSON_ROLES.has(doc.lower[to - 1]) && !DETERMINERS.has(doc.lower[to + 1]) && npToken(doc, to + 1)) {
      let r = to + 1;
      while (r < limit && r < to + 5 && npToken(doc, r) && !PERSON_ROLES.has(doc.lower[r])) r++;
      if (r < limit && PERSON_ROLES.has(doc.lower[r])) {
        to = r + 1;
        continue;
      }
    }
    // A determiner after the head starts a new phrase ("said Lavrov the …"); "the two sides" stays whole.
    if (!npToken(doc, to) || (DETERMINERS.has(lt) && lt !== 'both' && !onlyDeterminers(doc, start, to))) break;
    // After a name, a lower-case word is a verb ("Trump shot back") unless a nominal head follows within two
    // words ("the Senate minority leader").
    if (!isCapitalized(doc.tokens[to].text) && isCapitalized(doc.tokens[to - 1].text) && !/^\p{N}/u.test(doc.tokens[to].text) && !leadsToHead(doc, to, limit)) break;
    // A capitalised day name or month after a name ends the phrase ("said Lavrov Monday").
    if (NP_STOP.has(lt)) break;
    to++;
  }
  return { from: start, to };
}

/** Skips auxiliaries and adverbs leftwards from `i` (inclusive); returns the new index. */
function skipVerbPrefixLeft(doc: Doc, i: number, lowest: number): number {
  for (;;) {
    if (i < lowest) return i;
    const l = doc.lower[i];
    if (VERB_PREFIX.has(l) || (l.endsWith('ly') && l.length > 4 && !isCapitalized(doc.tokens[i].text))) {
      i--;
    } else if ((l === "'s" || l === '’s') && i - 1 >= lowest && SUBJECT_PRONOUNS.has(doc.lower[i - 1])) {
      i--; // "he's said": the clitic is "has"
    } else if (TIME_WORDS.has(l)) {
      // "Trump on Friday described", "Lavrov last week said"
      i--;
      while (i >= lowest && /^(on|last|this|next|early|late|earlier|later)$/.test(doc.lower[i])) i--;
    } else {
      return i;
    }
  }
}

/** Month names and their abbreviations, which start a date ("Dec. 8, …"). */
const MONTHS = /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(january|february|march|april|may|june|july|august|september|october|november|december)$/;

const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night',
]);

/** Subject of the verb at token `v`: the noun phrase before it, passing over an appositive between commas. */
function subjectOf(doc: Doc, v: number, lowest: number): NounPhrase | undefined {
  let j = skipVerbPrefixLeft(doc, v - 1, lowest);
  if (j < lowest) return undefined;
  if (doc.tokens[j].text === ')') {
    // "Harry M. Reid (D-Nev.) told reporters"
    let k = j - 1;
    while (k > lowest && k > j - 8 && doc.tokens[k].text !== '(') k--;
    if (doc.tokens[k].text === '(' && k - 1 >= lowest) j = k - 1;
  }
  // "critics who say …": the relative pronoun stands for the phrase before it.
  if ((doc.lower[j] === 'who' || doc.lower[j] === 'which') && j - 1 >= lowest) {
    let h = j - 1;
    if (doc.tokens[h].text === ',') h--;
    return h >= lowest ? npLeftOf(doc, h, lowest) : undefined;
  }
  if (doc.tokens[j].text === ',') {
    // "Lavrov, the foreign minister, said" / "Trump, who …, said": the subject precedes the first comma.
    let k = j - 1;
    while (k >= lowest && j - k < 20 && doc.tokens[k].text !== ',' && !isSentenceEnd(doc, k) && !doc.inQuote[k]) k--;
    if (k >= lowest && doc.tokens[k].text === ',' && k - 1 >= lowest) {
      let h = k - 1;
      if (doc.tokens[h].text === ')') {
        // "Rep. Zoe Lofgren (D-Calif.), who …, said"
        while (h > lowest && h > k - 8 && doc.tokens[h].text !== '(') h--;
        if (doc.tokens[h].text === '(') h--;
        else h = k - 1;
      }
      const np = h >= lowest ? npLeftOf(doc, h, lowest) : undefined;
      // "Her campaign manager, Robby Mook, suggested": the name in the appositive is the better mention.
      if (np && !hasCapital(doc, np.from, np.to) && j - k - 1 <= 4 && j - k - 1 >= 1 && isCapitalized(doc.tokens[k + 1].text)) {
        const name = npRightOf(doc, k + 1, j);
        if (name && name.to === j && hasCapital(doc, name.from, name.to)) return name;
      }
      // "…, Gov. John Kasich (R-OH), said": a named person between the commas is the subject when the phrase
      // before them is not one ("after winning Ohio in the primary, Gov. John Kasich (R-OH), said").
      if (np && speakerKind(doc, np) !== 'person' && k + 1 < j && isCapitalized(doc.tokens[k + 1].text)) {
        let e = j;
        if (doc.tokens[e - 1].text === ')') {
          let o = e - 1;
          while (o > k + 1 && o > e - 8 && doc.tokens[o].text !== '(') o--;
          if (doc.tokens[o].text === '(') e = o;
        }
        const name = npRightOf(doc, k + 1, e);
        if (name && name.to === e && speakerKind(doc, name) === 'person' && isCapitalized(doc.tokens[e - 1].text)) return name;
      }
      // "Clinton, during a town hall meeting in Columbus, Ohio, said": a place (or a time) before the comma is
      // part of the inserted phrase; the subject precedes an earlier comma.
      if (np && (overlapsEntity(doc, np.from, np.to, 'location') || TIME_WORDS.has(headLower(doc, np)))) {
        let c = np.from - 1;
        for (let n = 0; c >= lowest && n < 2; n++) {
          while (c >= lowest && k - c < 30 && doc.tokens[c].text !== ',' && !isSentenceEnd(doc, c) && !doc.inQuote[c]) c--;
          if (c < lowest || doc.tokens[c].text !== ',' || c - 1 < lowest) break;
          const outer = npLeftOf(doc, c - 1, lowest);
          if (outer && (speakerKind(doc, outer) === 'person' || speakerKind(doc, outer) === 'organization') && !overlapsEntity(doc, outer.from, outer.to, 'location')) {
            // Only a clause-initial phrase: "Clinton, during …", not "… told Clinton, in Ohio, …".
            const before = outer.from - 1;
            if (before < lowest || isSentenceEnd(doc, before) || isPunct(doc.tokens[before].text) || /^(and|but|as|while|when|that)$/.test(doc.lower[before])) return outer;
            break;
          }
          c--;
        }
      }
      if (np && isSpeakerLike(doc, np)) return np;
    }
    return undefined;
  }
  const np = npLeftOf(doc, j, lowest);
  // "Trump in his announcement speech called …": the phrase is a complement; the subject precedes it.
  if (np && np.from - 1 > lowest && /^(in|during|at|on|with|after|before|over|via|through|from)$/.test(doc.lower[np.from - 1]) && !hasCapital(doc, np.from, np.to)) {
    const outer = npLeftOf(doc, np.from - 2, lowest);
    if (outer && isSpeakerLike(doc, outer) && doc.lower[outer.from] !== 'it') return outer;
  }
  // "Another intelligence source speaking to Fox News said", "a White House official who spoke anonymously to
  // discuss internal strategy said": a reduced or relative clause stands between the subject and the verb.
  if (np && np.from - 1 > lowest && /^(to|with)$/.test(doc.lower[np.from - 1])) {
    for (let k = np.from - 2; k > lowest && k > np.from - 16 && !isSentenceEnd(doc, k) && !doc.inQuote[k]; k--) {
      const l = doc.lower[k];
      if ((l === 'who' || (l.endsWith('ing') && l.length > 4 && !isCapitalized(doc.tokens[k].text))) && npToken(doc, k - 1)) {
        const outer = npLeftOf(doc, k - 1, lowest);
        if (outer && speakerKind(doc, outer) !== 'unknown') return outer;
        break;
      }
    }
  }
  return np;
}

function isSentenceEnd(doc: Doc, i: number): boolean {
  const t = doc.tokens[i].text;
  if (doc.inQuote[i] !== 0) return false;
  if (t === '.') {
    const next = i + 1 < doc.tokens.length ? doc.tokens[i + 1].text : '';
    // "(D-Calif.)", "Calif., who": a dot before a bracket, a comma or a lower-case word ends nothing.
    if (next === ')' || next === ',' || (next !== '' && !isCapitalized(next) && /^\p{L}/u.test(next))) return false;
    // "J. Gerald Hebert": the dot of an initial before a name does not end the sentence.
    const prev = i > 0 ? doc.tokens[i - 1].text : '';
    return !(prev.length === 1 && isCapitalized(prev) && doc.tokens[i - 1].end === doc.tokens[i].start && isCapitalized(next) && !isQuoteMark(next.charCodeAt(0)));
  }
  return t === '!' || t === '?' || t === ';';
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

function speakerKind(doc: Doc, whole: NounPhrase): Attribution['sourceKind'] {
  // "Mr. Morgan of the Sierra Club", "a spokesman for the campaign": the phrase before the link is the head.
  let np = whole;
  for (let i = whole.from + 1; i < whole.to - 1; i++) {
    const l = doc.lower[i];
    if (l === 'of' || l === 'for' || l === 'at' || l === 'from') {
      if (PERSON_ROLES.has(doc.lower[i - 1]) || (isCapitalized(doc.tokens[i - 1].text) && overlapsEntity(doc, i - 1, i, 'person'))) np = { from: whole.from, to: i };
      break;
    }
  }
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
  // A name the recogniser missed: a known first name, or a surname seen with a first name or a title.
  if (endsWithName) {
    const words = doc.text.slice(doc.tokens[np.from].start, doc.tokens[np.to - 1].end).split(/\s+/);
    const last = words[words.length - 1].replace(/['’]s$/, '');
    if (words.some((w) => doc.lexicon.firstNames.has(w)) || doc.surnameGender.has(last) || doc.titles.has(last)) return 'person';
  }
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

const AFTER_WINDOW = 25;
const BEFORE_WINDOW = 60;
/** Earlier quotations the before-window may pass over (`“…,” he said, adding “…”`). */
const MAX_QUOTE_JUMPS = 6;

/** Attribution after the quotation: `“…,” Lavrov said`, `“…,” said Lavrov`, `“…,” according to X`. */
function findAfter(doc: Doc, closeTok: number, limit: number): Found | undefined {
  let p = closeTok;
  const para = doc.para[closeTok - 1] ?? -1;
  let dashed = false;
  while (p < limit && /^(,|—|–|-|--|―)$/.test(doc.tokens[p].text)) {
    if (doc.tokens[p].text !== ',') dashed = true;
    p++;
  }
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
  // "“…,” told POLITICO" has no inversion: the phrase after "told" is the hearer.
  if ((isCue(doc, p) || isCueAfterSubject(doc, p)) && !doc.lower[p].endsWith('ing') && doc.lower[p] !== 'told' && doc.lower[p] !== 'tells') {
    let q = p + 1;
    while (q < stop && VERB_PREFIX.has(doc.lower[q])) q++;
    // The inverted pattern is unambiguous: any noun phrase is the speaker ("said a source close to …").
    const np = npRightOf(doc, q, stop);
    if (np) return { np, cue: { from: p, to: p + 1 }, strength: afterStrength(doc, closeTok, p, stop) };
    return undefined;
  }
  // Inverted with an unlisted verb: "“This is fantastic!” beamed Donald Hartley".
  if (/^[a-z]+ed$/.test(doc.tokens[p].text) && p + 1 < stop && isCapitalized(doc.tokens[p + 1].text)) {
    const np = npRightOf(doc, p + 1, stop);
    if (np && hasCapital(doc, np.from, np.to)) return { np, cue: { from: p, to: p + 1 }, strength: 1.5 };
  }
  // Subject first: "Lavrov said", "the Russian Foreign Minister told reporters", "Lavrov, the minister, said".
  const np = npRightOf(doc, p, stop);
  if (!np || onlyDeterminers(doc, np.from, np.to)) return undefined;
  // A byline after a dash closing the paragraph or sentence: "“…” ― Pamela Padilla".
  if (dashed && hasCapital(doc, np.from, np.to) && (np.to >= stop || doc.tokens[np.to].text === ',') && (np.to >= doc.tokens.length || doc.para[np.to] !== para || isSentenceEnd(doc, np.to) || np.to >= stop)) {
    return { np, strength: 1.5 };
  }
  let q = np.to;
  if (q < stop && doc.tokens[q].text === '(') {
    // "Sen. Marco Rubio (R-Fla.) said"
    let k = q + 1;
    while (k < stop && k < q + 8 && doc.tokens[k].text !== ')') k++;
    if (k < stop && doc.tokens[k].text === ')') q = k + 1;
  }
  if (q < stop && doc.tokens[q].text === ',') {
    let k = q + 1;
    while (k < stop && doc.tokens[k].text !== ',') k++;
    if (k < stop) q = k + 1;
  } else if (q < stop && /^(of|at|in|from|with|for)$/.test(doc.lower[q])) {
    // "a voice-over in the ad states", "Jeffrey Lewis of the James Martin Center wrote"
    let k = q + 1;
    while (k < stop && k < q + 7 && (npToken(doc, k) || /^(of|at|in|for)$/.test(doc.lower[k])) && !isCueAfterSubject(doc, k)) k++;
    if (k < stop && isCueAfterSubject(doc, k)) q = k;
  }
  while (q < stop && (VERB_PREFIX.has(doc.lower[q]) || (doc.lower[q].endsWith('ly') && doc.lower[q].length > 4))) q++;
  // "“unhinged” a Donald Trump tweet attacking …": after a singular determiner, the bare form of a word that is
  // also a noun is the head of the phrase (the verb would be "tweets" or "tweeted").
  const bareNoun = q === np.to && /^(a|an|this|that)$/.test(doc.lower[np.from]) && NOUN_VERBS.has(doc.lower[q]) && !/(s|ed)$/.test(doc.lower[q]) && doc.lower[q] !== 'read';
  if (q < stop && !bareNoun && (isCue(doc, q) || isCueAfterSubject(doc, q))) {
    return { np, cue: { from: q, to: q + 1 }, strength: afterStrength(doc, closeTok, q, stop) };
  }
  // "“…,” Trump shot back." — an unlisted verb closing the sentence right after a named or pronoun subject.
  if (q < stop && q + 2 >= stop && isSpeakerLike(doc, np) && doc.lower[np.from] !== 'it' && /^[a-z]+ed$|^(shot|fired|went|hit|spoke|wrote|struck)$/.test(doc.tokens[q].text)) {
    return { np, cue: { from: q, to: q + 1 }, strength: 1.5 };
  }
  return undefined;
}

/**
 * How firmly an attribution after the quotation belongs to it. Weaker (so that a cue before the quotation wins)
 * when the cue introduces the next quotation ("“…,” Trump said: “…”"), or when the quotation ended its
 * sentence and a new sentence goes on past the cue ("“… material.” The candidate reiterated that …").
 */
function afterStrength(doc: Doc, closeTok: number, cue: number, stop: number): number {
  if (doc.tokens[cue + 1]?.text === ':') return 1;
  const lastInside = doc.tokens[closeTok - 2]?.text ?? '';
  if (lastInside === '.' && stop - cue > 4) return 0.25;
  return 2;
}

/** Attribution closing the sentence that holds the quotation: `“…” because she would …, he said.` */
function findSentenceFinal(doc: Doc, closeTok: number): Found | undefined {
  const para = doc.para[closeTok - 1] ?? -1;
  let e = closeTok;
  const limit = Math.min(doc.tokens.length, closeTok + AFTER_WINDOW * 2);
  while (e < limit && doc.para[e] === para && !doc.inQuote[e] && !isSentenceEnd(doc, e)) e++;
  if (e >= limit || doc.para[e] !== para || doc.inQuote[e] || e - closeTok < 3) return undefined;
  // A closing clause: ", NP CUE." or ", CUE NP[, appositive]." — tried from the last comma backwards.
  let c = e - 1;
  for (let tries = 0; tries < 3; tries++) {
    while (c > closeTok && doc.tokens[c].text !== ',') c--;
    if (c <= closeTok) return undefined;
    const found = findAfter(doc, c + 1, e);
    if (found) return { ...found, strength: 1 };
    c--;
  }
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
    const weak =
      WH_WORDS.has(next ?? '') ||
      (v > 1 && doc.lower[v - 1] === 'to' && /^(refused|refuses|refusing|declined|declines|declining|not|unwilling|reluctant|afraid)$/.test(doc.lower[v - 2])) ||
      (doc.lower[v].startsWith('call') && /^(on|for|upon)$/.test(next ?? ''));
    // "a short film called “…”", "items labeled “…”": a participle naming a thing, not a speaker's verb.
    const prevLower = v > 0 ? doc.lower[v - 1] : '';
    if (NAMING_VERBS.has(doc.lower[v]) && /ed$/.test(doc.lower[v]) && v > 0 && !isCapitalized(doc.tokens[v - 1].text) && /^\p{Ll}/u.test(prevLower) && !SUBJECT_PRONOUNS.has(prevLower) && !VERB_PREFIX.has(prevLower) && !prevLower.endsWith('ly') && prevLower !== 'and' && prevLower !== 'who' && prevLower !== 'which' && prevLower !== 'that') {
      continue;
    }
    // Passive: "Sanders was asked by host Bill Maher, “…”".
    if (/ed$|^told$/.test(doc.lower[v]) && doc.lower[v + 1] === 'by' && v + 2 < openTok) {
      const agent = npRightOf(doc, v + 2, openTok);
      if (agent && hasCapital(doc, agent.from, agent.to)) return { np: agent, cue: { from: v, to: v + 1 }, strength: gap <= 12 ? 2 : 1 };
    }
    const naming = NAMING_VERBS.has(doc.lower[v]) && gap <= 5;
    const strength = weak ? 0 : gap <= 2 || naming || (gap <= 4 && /[:,]/.test(doc.tokens[openTok - 1].text)) ? 2 : next === 'that' ? 1 : 0.5;
    // "With Democratic leaders worried …, President Obama is rolling out a new message: “…”": a distant cue in an
    // introductory phrase loses to the clause that introduces the quotation with a colon.
    if (strength < 1 && doc.tokens[openTok - 1].text === ':') {
      const intro = colonIntro(doc, openTok, lowest);
      if (intro && intro.np.from - 1 > v && doc.tokens[intro.np.from - 1].text === ',' && (speakerKind(doc, intro.np) === 'person' || speakerKind(doc, intro.np) === 'organization')) return { ...intro, strength: Math.max(intro.strength, strength) };
    }
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
    if (participle) {
      // "with Trump reportedly yelling: “…”": a name right before the participle (past adverbs) is its subject.
      let a = v - 1;
      while (a >= lowest && a > v - 3 && doc.lower[a].endsWith('ly') && doc.lower[a].length > 4 && !isCapitalized(doc.tokens[a].text)) a--;
      const np = a >= lowest && isCapitalized(doc.tokens[a].text) && !doc.inQuote[a] ? npLeftOf(doc, a, lowest) : undefined;
      if (np && np.from - 1 >= lowest && /^(with|as)$/.test(doc.lower[np.from - 1]) && speakerKind(doc, np) === 'person') {
        return { np, cue: { from: v, to: v + 1 }, strength };
      }
    }
    if (!participle || (prevTok !== ',' && prevTok !== '—' && !VERB_PREFIX.has(doc.lower[v - 1] ?? '') && v - 1 >= lowest && doc.lower[v - 1] !== 'and')) {
      const np = participle ? undefined : subjectOf(doc, v, lowest) ?? coordinatedSubject(doc, v, lowest);
      // Any subject of a speech verb is its source ("one employee told …", "the petition accuses …"), except
      // "it" under an outer speaker ("She says it underscores that …"): the outer speaker is meant.
      // The same for a subject that names no speaker at all ("… said police shootings and protests demands
      // that …").
      const nobody = np !== undefined && ((np.to - np.from === 1 && doc.lower[np.from] === 'it') || (speakerKind(doc, np) === 'unknown' && !hasCapital(doc, np.from, np.to) && !DOCUMENT_HEADS.has(headLower(doc, np))));
      // "Stacy Baker says she really thinks …", "Another said he hoped …": a pronoun right after an outer speech
      // verb is its subject again; the outer subject names the speaker.
      if (np && np.to - np.from === 1 && (doc.lower[np.from] === 'he' || doc.lower[np.from] === 'she')) {
        let o = np.from - 1;
        if (o >= lowest && doc.lower[o] === 'that') o--;
        if (o >= lowest && isCue(doc, o) && !doc.lower[o].endsWith('ing')) {
          const outer = subjectOf(doc, o, lowest);
          if (outer && !SUBJECT_PRONOUNS.has(doc.lower[outer.from])) return { np: outer, cue: { from: o, to: o + 1 }, strength };
        }
      }
      if (np && !(nobody && outerSpeaker(doc, v, lowest))) {
        return { np, cue: { from: v, to: v + 1 }, strength };
      }
      // "was quoted as saying" / "by saying": the governing subject, below.
    }
    // Participle or no subject: the subject of the governing clause — the nearest earlier speech verb with a
    // speaker-like subject, else the first noun phrase of the sentence.
    for (let w = prevOutside(doc, v); w >= lowest; w = prevOutside(doc, w)) {
      if (!isCue(doc, w)) continue;
      if (doc.lower[w].endsWith('ing')) {
        // "with Donald Trump tweeting that … and asking, “…”": a named subject right before a participle.
        const np = w - 1 >= lowest && isCapitalized(doc.tokens[w - 1].text) ? npLeftOf(doc, w - 1, lowest) : undefined;
        if (np && speakerKind(doc, np) === 'person') return { np, cue: { from: v, to: v + 1 }, strength };
        continue;
      }
      const np = subjectOf(doc, w, lowest);
      if (np && speakerKind(doc, np) !== 'unknown') return { np, cue: { from: v, to: v + 1 }, strength };
    }
    const np = sentenceSubject(doc, lowest, v);
    if (np) return { np, cue: { from: v, to: v + 1 }, strength };
    return undefined;
  }
  return colonIntro(doc, openTok, lowest);
}

/** The phrase introducing a quotation with a colon (`Michael P. McDonald: “…”`, `From the report: “…”`). */
function colonIntro(doc: Doc, openTok: number, lowest: number): Found | undefined {
  // "Michael P. McDonald: “…”", "From the report: “…”": the phrase introducing the quotation with a colon.
  if (doc.tokens[openTok - 1].text === ':' && openTok - 2 >= lowest) {
    const np = npLeftOf(doc, openTok - 2, lowest);
    // "McConnell delivered a blunt message to Trump: “…”", "Clinton released the following statement: “…”",
    // "Here's Clinton in December 1992: “…”": a phrase after a preposition or a verb is a complement; the one
    // introducing the words is the clause's subject (or the name the prepositional phrase hangs on).
    const pre = np && np.from - 1 >= lowest ? np.from - 1 : -1;
    if (np && pre >= 0 && (/^(to|in|on|at|from|with|for|about|into|during|before|after|by)$/.test(doc.lower[pre]) || (verbLike(doc, pre) && !isCue(doc, pre)))) {
      const subject = sentenceSubject(doc, lowest, pre);
      if (subject && subject.to <= pre && speakerKind(doc, subject) !== 'unknown' && !overlapsEntity(doc, subject.from, subject.to, 'location')) return { np: subject, strength: 1 };
      if (/^(in|on|at|during)$/.test(doc.lower[pre]) && pre - 1 >= lowest && isCapitalized(doc.tokens[pre - 1].text)) {
        const named = npLeftOf(doc, pre - 1, lowest);
        if (named && speakerKind(doc, named) === 'person') return { np: named, strength: 1 };
      }
    }
    if (np && !hasCapital(doc, np.from, np.to) && DOCUMENT_HEADS.has(headLower(doc, np)) && np.from > lowest) {
      // "President Obama is rolling out a new campaign message: “…”": the subject whose message it is.
      const subject = sentenceSubject(doc, lowest, np.from);
      if (subject && subject.to < np.from && (speakerKind(doc, subject) === 'person' || speakerKind(doc, subject) === 'organization')) return { np: subject, strength: 1 };
    }
    if (np && (hasCapital(doc, np.from, np.to) || DOCUMENT_HEADS.has(headLower(doc, np)))) return { np, strength: 1 };
    const subject = sentenceSubject(doc, lowest, openTok - 1);
    if (subject) return { np: subject, strength: 0.5 };
  }
  return undefined;
}

/** True when a speech verb with a person-like subject precedes token `v` in the window. */
function outerSpeaker(doc: Doc, v: number, lowest: number): boolean {
  for (let w = prevOutside(doc, v); w >= lowest; w = prevOutside(doc, w)) {
    if (!isCue(doc, w)) continue;
    const np = subjectOf(doc, w, lowest);
    if (np && speakerKind(doc, np) !== 'unknown') return true;
  }
  return false;
}

/**
 * Subject of a verb coordinated with an earlier one ("Cruz knocked Rubio on trade and called him …",
 * "he supported Obama over Clinton and said …"): the nearest earlier subject–verb pair in the sentence.
 */
function coordinatedSubject(doc: Doc, v: number, lowest: number): NounPhrase | undefined {
  if (v - 1 < lowest || doc.lower[v - 1] !== 'and') return undefined;
  // "Lazar said he welcomed extradition … and added, “…”": the speaker of an earlier speech verb first.
  for (let k = prevOutside(doc, v - 1), n = 0; k >= lowest && n < 40; k = prevOutside(doc, k), n++) {
    if (!isCue(doc, k) || doc.lower[k].endsWith('ing')) continue;
    const np = subjectOf(doc, k, lowest);
    if (np && speakerKind(doc, np) !== 'unknown' && !SUBJECT_PRONOUNS.has(doc.lower[np.from])) return np;
  }
  for (let k = v - 2, n = 0; k > lowest && n < 25; k = prevOutside(doc, k), n++) {
    if (!verbLike(doc, k)) continue;
    const j = skipVerbPrefixLeft(doc, k - 1, lowest);
    if (j < lowest) continue;
    const np = npLeftOf(doc, j, lowest);
    if (np && (speakerKind(doc, np) === 'person' || speakerKind(doc, np) === 'organization' || SUBJECT_PRONOUNS.has(doc.lower[np.from]))) return np;
  }
  return undefined;
}

/** First noun phrase of a clause, skipping an introductory phrase that ends with a comma. */
function sentenceSubject(doc: Doc, from: number, to: number): NounPhrase | undefined {
  let start = from;
  while (start < to && (isPunct(doc.tokens[start].text) || doc.inQuote[start])) start++;
  // A dateline ("WASHINGTON —", "MOSCOW, SANA-") is not the subject.
  let d = start;
  while (d < to && /^\p{Lu}[\p{Lu}.'’-]+$/u.test(doc.tokens[d].text)) d++;
  if (d > start && d < to && /^[—–-]$|^--$|^,$|^\($/.test(doc.tokens[d].text)) {
    start = d + 1;
    while (start < to && isPunct(doc.tokens[start].text)) start++;
  }
  // "At a news conference in Geneva, Kerry said …", "On Thursday, after remaining neutral …, Warren
  // appeared …": skip introductory phrases, each ending with a comma.
  for (let intro = 0; intro < 3; intro++) {
    const first = doc.lower[start];
    if (first === undefined || !((NP_STOP.has(first) && !DETERMINERS.has(first)) || (first.endsWith('ing') && first.length > 5) || first.endsWith('ly'))) break;
    let k = start;
    while (k < to && doc.tokens[k].text !== ',') k++;
    if (k >= to) return undefined;
    start = k + 1;
  }
  let np = npRightOf(doc, start, to);
  // "Hours later, Trump …", "Last week, Lavrov …": a time phrase before a comma is introductory.
  if (np && np.to + 2 < to && (TIME_WORDS.has(headLower(doc, np)) || MONTHS.test(doc.lower[np.from]) || /^(later|ago|earlier)$/.test(doc.lower[np.to]))) {
    let k = np.to;
    if (doc.tokens[k].text !== ',') k++;
    if (doc.tokens[k].text === ',') np = npRightOf(doc, k + 1, to);
  }
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
function resolvePronoun(doc: Doc, offset: number, pronoun: string, state: SpeakerState): TextSlice | undefined {
  // "Kerry said that he spoke …": the named subject of a speech verb earlier in the same sentence.
  const pt = tokenAt(doc, offset);
  for (let v = pt - 1, n = 0; v >= 0 && n < 30 && doc.para[v] === doc.para[pt] && !isSentenceEnd(doc, v); v--, n++) {
    if (!isCue(doc, v)) continue;
    const np = subjectOf(doc, v, Math.max(0, v - 12));
    if (np && hasCapital(doc, np.from, np.to) && !SUBJECT_PRONOUNS.has(doc.lower[np.from]) && speakerKind(doc, np) === 'person' && genderAgrees(doc, slice(doc, np.from, np.to).text, pronoun)) {
      return slice(doc, np.from, np.to);
    }
    break;
  }
  let fallback: EntityMention | undefined;
  let subject: EntityMention | undefined;
  let speaker: EntityMention | undefined;
  let seen = 0;
  const para = doc.para[Math.min(pt, doc.tokens.length - 1)] ?? 0;
  for (let k = lastPersonBefore(doc, offset); k >= 0 && seen < 15; k--) {
    const m = doc.persons[k];
    if (offset - m.end > RESOLVE_CHARS) break;
    if (isInsideQuote(doc, m.start)) continue;
    seen++;
    if (!genderAgrees(doc, m.text, pronoun)) continue;
    fallback ??= m;
    const rank = state.speakers.has(m.start) ? 2 : subjectRank(doc, m);
    if (rank === 1) subject ??= m;
    if (rank === 2) {
      speaker = m;
      break;
    }
  }
  // People quoted in news are introduced with a speech verb: the subject of the nearest speech verb in this or
  // the previous paragraph beats a more recent subject of another verb ("Westmacott also said that Obama
  // shows … ¶ “…,” he said").
  // A named speaker the recogniser missed ("campaign chairman John Podesta told …", "according to a post from
  // Arianna Huffington"): the nearest speech verb with a capitalised subject, found in the tokens themselves.
  const named = namedSpeakerBefore(doc, pt, pronoun);
  if (named && (!speaker || named.start > speaker.start) && (!subject || named.start > subject.start || doc.para[tokenAt(doc, named.start)] === doc.para[tokenAt(doc, subject.start)])) {
    speaker = named;
  }
  // Only when they compete in one paragraph: a plain subject in a later paragraph has taken over the topic.
  const mp = speaker ? doc.para[tokenAt(doc, speaker.start)] : -1;
  const sp = subject ? doc.para[tokenAt(doc, subject.start)] : -1;
  if (speaker && (!subject || (para - mp <= 1 && sp === mp))) subject = speaker;
  // The speaker of the previous quotation keeps the floor ("“…,” Lavrov said. … “…,” he added") unless a
  // person was introduced as a subject since, or the pronoun's gender contradicts the one used for them.
  const last = state.last;
  if (last && offset - last.at < RESOLVE_CHARS && (!subject || last.at >= subject.start) && (!last.pronoun || last.pronoun === pronoun) && genderAgrees(doc, last.name.text, pronoun)) {
    return last.name;
  }
  const m = subject ?? fallback;
  return m ? { start: m.start, end: m.end, text: m.text } : undefined;
}

/**
 * The nearest capitalised subject of a speech verb (or object of "according to") before token `pt`, within
 * this and the previous paragraph and a bounded number of tokens; as a mention-like slice.
 */
function namedSpeakerBefore(doc: Doc, pt: number, pronoun: string): EntityMention | undefined {
  const para = doc.para[Math.min(pt, doc.tokens.length - 1)] ?? 0;
  // At most a few speech verbs are examined: a run of "he said" must not make every quotation pay for all.
  for (let v = prevOutside(doc, pt), n = 0, cues = 0; v >= 0 && n < 80 && cues < 4 && para - doc.para[v] <= 1; v = prevOutside(doc, v), n++) {
    let np: NounPhrase | undefined;
    if (doc.lower[v] === 'according' && doc.lower[v + 1] === 'to') np = npRightOf(doc, v + 2, Math.min(doc.tokens.length, v + 12));
    else if (isCue(doc, v) && !doc.lower[v].endsWith('ing')) {
      cues++;
      np = subjectOf(doc, v, Math.max(0, v - 15));
    }
    if (!np || SUBJECT_PRONOUNS.has(doc.lower[np.from]) || !isCapitalized(doc.tokens[np.to - 1].text)) continue;
    const kind = speakerKind(doc, np);
    if (kind === 'organization' || kind === 'group' || overlapsEntity(doc, np.from, np.to, 'location')) continue;
    // The name itself: the capitalised tail of the phrase ("campaign chairman John Podesta" → "John Podesta").
    let from = np.to - 1;
    while (from - 1 >= np.from && isCapitalized(doc.tokens[from - 1].text) && !DETERMINERS.has(doc.lower[from - 1])) from--;
    const m = slice(doc, from, np.to);
    if (!genderAgrees(doc, m.text, pronoun)) continue;
    return { start: m.start, end: m.end, text: m.text, type: 'person' };
  }
  return undefined;
}

/** Gender of a person name, from its first name or from the document's use of the surname. */
function genderOf(doc: Doc, name: string): 'f' | 'm' | undefined {
  const words = name.split(/\s+/);
  const names = doc.lexicon.firstNames;
  for (const w of words) {
    const g = names.get(w) ?? doc.lexicon.vocabulary.honorificGender(w);
    if (g) return g;
  }
  const g = doc.surnameGender.get(words[words.length - 1].replace(/['’]s$/, ''));
  return g === 'f' || g === 'm' ? g : undefined;
}

/** False only when the name is known to take the other pronoun. */
function genderAgrees(doc: Doc, name: string, pronoun: string): boolean {
  const g = genderOf(doc, name);
  if (!g) return true;
  return pronoun === 'she' ? g === 'f' : pronoun === 'he' ? g === 'm' : true;
}

/** What the attribution pass remembers from one quotation to the next. */
interface SpeakerState {
  /** Starts of person mentions already seen as speakers. */
  readonly speakers: Set<number>;
  /** The last named person speaker: the name, where it was last referred to, and the pronoun used then. */
  last?: { name: TextSlice; at: number; pronoun?: string };
}

/**
 * How a person mention stands in its sentence: 2 = the subject (or inverted agent) of a speech verb,
 * 1 = the subject of another verb, 0 = not a subject (an object, a possessor, inside a prepositional phrase).
 */
function subjectRank(doc: Doc, m: EntityMention): 0 | 1 | 2 {
  const t = tokenAt(doc, m.start);
  const e0 = tokenAt(doc, m.end);
  if (t >= doc.tokens.length) return 0;
  // Before the mention (over titles, determiners, lower-case role words: "councilmember Mark Levine").
  let pb = t - 1;
  while (
    pb >= 0 && pb > t - 6 && doc.para[pb] === doc.para[t] && !doc.inQuote[pb] &&
    (DETERMINERS.has(doc.lower[pb]) || isCapitalized(doc.tokens[pb].text) || PERSON_ROLES.has(doc.lower[pb]) || /^\p{N}/u.test(doc.tokens[pb].text) || doc.lower[pb] === "'s" || doc.lower[pb] === '’s') &&
    !isPunct(doc.tokens[pb].text)
  ) pb--;
  // "“…,” said Grant Green" / ", said Grant Green": the agent of an inverted speech verb.
  // Not a possessor ("…, said Ivanka Trump's statement didn't …"): the agent ends its clause.
  if (pb >= 0 && isCue(doc, pb) && pb - 1 >= 0 && (doc.inQuote[pb - 1] || doc.tokens[pb - 1].text === ',')) {
    const after = doc.lower[e0] ?? '';
    if (after !== "'s" && after !== '’s') return 2;
  }
  const prevWord = pb >= 0 && doc.para[pb] === doc.para[t] ? doc.lower[pb] : '';
  // A subject starts a clause: sentence start, after a comma, a conjunction or a complementiser. After a
  // preposition or a verb the name is an object ("terminating Trump contracts", "He said Mateen …").
  // "Then there's Axelrod.": a presentational sentence introduces its subject.
  if ((prevWord === "'s" || prevWord === '’s' || prevWord === 'is') && pb - 1 >= 0 && doc.lower[pb - 1] === 'there') return 1;
  const clauseStart = prevWord === '' || isSentenceEnd(doc, pb) || doc.inQuote[pb] === 1 || /^(,|;|:|—|–|--|and|but|that|when|while|as|because|after|before|since|if|though|although|so|then|where)$/.test(prevWord);
  if (!clauseStart) return 0;
  // After the mention: an auxiliary, a speech verb, a past or present verb form; or an appositive first.
  let e = e0;
  if (doc.tokens[e]?.text === '(') {
    // "Sen. David Perdue (R-Ga.) said"
    let k = e + 1;
    while (k < doc.tokens.length && k < e + 8 && doc.tokens[k].text !== ')') k++;
    if (doc.tokens[k]?.text === ')') e = k + 1;
  }
  if (doc.tokens[e]?.text === ',') {
    // "Herman Cain, the pizza maven …, was asked", "Woodrow Benford, 58, who lives …, says", "Sen. Dianne
    // Feinstein of California, the ranking Democrat …, who said": a verb right after a later comma (or after
    // "who") makes the name the subject of the sentence.
    const lim = Math.min(doc.tokens.length, e + 40);
    for (let k = e + 1; k < lim && !isSentenceEnd(doc, k) && !doc.inQuote[k]; k++) {
      if (doc.tokens[k - 1].text !== ',' && !(doc.lower[k - 1] === 'who' && doc.tokens[k - 2]?.text === ',')) continue;
      // "…, who say …" is a side remark about the person: a subject, not the main speaker.
      if (isCue(doc, k)) return doc.lower[k - 1] === 'who' ? 1 : 2;
      if (k > e + 1 && verbLike(doc, k) && doc.tokens[k - 1].text === ',') return 1;
    }
    return 0;
  }
  if (doc.lower[e] === 'of' || doc.lower[e] === 'at' || doc.lower[e] === 'from') {
    // "Jeffrey Lewis of the James Martin Center wrote"
    const lim = Math.min(doc.tokens.length, e + 12);
    let k = e + 1;
    while (k < lim && (npToken(doc, k) || /^(of|at|for|in|and|from)$/.test(doc.lower[k]))) k++;
    e = k;
  }
  // "Cruz openly admitted", "Christie's been making the case": adverbs and a clitic auxiliary first.
  while (e < doc.tokens.length && !isCapitalized(doc.tokens[e].text) && ((doc.lower[e].endsWith('ly') && doc.lower[e].length > 4) || VERB_PREFIX.has(doc.lower[e]) || ((doc.lower[e] === "'s" || doc.lower[e] === '’s') && /^(been|not|got|going|said|told|\w+ed|\w+ing)$/.test(doc.lower[e + 1] ?? '')))) {
    if (isCue(doc, e + 1)) return 2;
    e++;
  }
  if (e >= doc.tokens.length) return 0;
  if (isCue(doc, e)) return 2;
  return verbLike(doc, e) ? 1 : 0;
}

/** True when token `i` reads as the verb of a clause: an auxiliary, a speech verb or a past/3rd-person form. */
function verbLike(doc: Doc, i: number): boolean {
  const l = doc.lower[i];
  const t = doc.tokens[i].text;
  if (isCapitalized(t) || isPunct(t) || doc.inQuote[i]) return false;
  if (VERB_PREFIX.has(l) || doc.verbs.has(l)) return true;
  if (NP_STOP.has(l) || DETERMINERS.has(l) || l === "'s" || l === '’s') return false;
  return /ed$/.test(l) || (/[^s]s$/.test(l) && l.length > 3) || IRREGULAR_PAST.has(l);
}

/** Irregular past forms that head a clause after a subject ("Trump sought to rally …"). */
const IRREGULAR_PAST = new Set([
  'sought', 'took', 'made', 'went', 'came', 'gave', 'got', 'held', 'left', 'met', 'ran', 'saw', 'won', 'lost',
  'began', 'brought', 'found', 'kept', 'stood', 'sat', 'put', 'set', 'led', 'became', 'knew', 'heard', 'meant',
  'paid', 'sent', 'spent', 'built', 'fought', 'cut', 'hit', 'let', 'drew', 'grew', 'threw', 'wore', 'broke',
  'chose', 'rose', 'fell', 'felt', 'thought', 'taught', 'caught', 'bought', 'sold', 'struck', 'stuck', 'swore',
  'cast', 'shot', 'spoke', 'wrote', 'told', 'said', 'read', 'bit', 'hid', 'fled', 'slid', 'spun', 'won', 'sang',
  'can', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'is', 'was', 'has', 'had', 'did', 'does',
]);

/** The person named with a role (`Foreign Minister Sergei Lavrov`, `Lavrov, the foreign minister`). */
function resolveNominal(doc: Doc, np: NounPhrase, offset: number): TextSlice | undefined {
  const head = headLower(doc, np);
  // Only titles single out one person; "the source", "the aide" could be anybody.
  const forms = TITLE_FORMS.get(head);
  if (!forms || doc.lower[np.from] !== 'the') return undefined;
  const patterns = forms.map(titlePatterns);
  let seen = 0;
  for (let k = lastPersonBefore(doc, offset); k >= 0 && seen < 40; k--) {
    const m = doc.persons[k];
    seen++;
    // A person given this title anywhere in the article ("Sen. Ted Cruz" early on, "Cruz" since).
    if (doc.titles.get(surname(m.text))?.has(head)) return { start: m.start, end: m.end, text: m.text };
    // The title right before the name ("Foreign Minister Sergei Lavrov", "Indiana Gov. Mike Pence") or in an
    // appositive right after it ("Lavrov, the Russian foreign minister,").
    const before = doc.text.slice(Math.max(0, m.start - 40), m.start).toLowerCase();
    const after = doc.text.slice(m.end, Math.min(doc.text.length, m.end + 50)).toLowerCase();
    const inner = m.text.toLowerCase();
    const titled = patterns.some((p) => p.before.test(before) || p.inner.test(inner));
    // The appositive must close ("Lavrov, the foreign minister, said"); "in Chelsea, the mayor said" is a clause.
    const apposed = patterns.some((p) => p.apposed.test(after) && !p.apposedClause.test(after));
    if (titled || apposed) return { start: m.start, end: m.end, text: m.text };
  }
  // No one carries the title: the person the text is about, i.e. the nearest subject in this or the
  // previous paragraph ("Hillary Clinton wants … ¶ The Democratic frontrunner wrote …").
  const para = doc.para[Math.min(tokenAt(doc, offset), doc.tokens.length - 1)] ?? 0;
  for (let k = lastPersonBefore(doc, offset), n = 0; k >= 0 && n < 8; k--, n++) {
    const m = doc.persons[k];
    if (para - doc.para[tokenAt(doc, m.start)] > 1) break;
    if (!isInsideQuote(doc, m.start) && subjectRank(doc, m) > 0) return { start: m.start, end: m.end, text: m.text };
  }
  return undefined;
}

/** The patterns that find a title form next to a name, compiled once per form. */
interface TitlePatterns {
  /** The title right before the name: `foreign minister sergei ` + `lavrov`. */
  readonly before: RegExp;
  /** The title inside the mention itself (`Minister Lavrov`). */
  readonly inner: RegExp;
  /** An appositive after the name: `, the russian foreign minister,`. */
  readonly apposed: RegExp;
  /** …unless the title starts a clause: `, the mayor said`. */
  readonly apposedClause: RegExp;
}
const titlePatternCache = new Map<string, TitlePatterns>();
function titlePatterns(form: string): TitlePatterns {
  let patterns = titlePatternCache.get(form);
  if (!patterns) {
    patterns = {
      before: new RegExp(`\\b${form}\\.?\\s+(?:[\\p{L}.'’-]+\\s+){0,1}$`, 'u'),
      inner: new RegExp(`^(?:[\\p{L}.'’-]+\\s+){0,2}${form}\\b`, 'u'),
      apposed: new RegExp(`^\\s*,\\s*(the|a|an)\\b[^,.]{0,35}\\b${form}\\b[^,.]{0,40}[,.]`, 'u'),
      apposedClause: new RegExp(`^\\s*,\\s*(the|a|an)\\b[^,.]{0,35}\\b${form}\\s+(also\\s+)?(said|says|told|added|noted)\\b`, 'u'),
    };
    titlePatternCache.set(form, patterns);
  }
  return patterns;
}

function surname(name: string): string {
  const words = name.split(/\s+/);
  return words[words.length - 1].replace(/['’]s$/, '');
}

/** Role nouns that single out a person, with the abbreviations used as titles before names. */
const TITLE_FORMS_LIST: Array<[string, string[]]> = [
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
const TITLE_FORMS = new Map<string, string[]>(TITLE_FORMS_LIST);

/** Title form → role noun, and a pattern finding the last title form before a name. */
const TITLE_OF_FORM = new Map<string, string>();
const TITLE_BEFORE_RE = (() => {
  for (const [role, forms] of TITLE_FORMS_LIST) for (const f of forms) TITLE_OF_FORM.set(f, role);
  return new RegExp(`\\b(${[...TITLE_OF_FORM.keys()].join('|')})\\.?\\s+(?:[\\p{L}.'’-]+\\s+){0,2}[\\p{L}.'’-]*$`, 'u');
})();

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
/** Longest title-case quotation taken for a title rather than speech. */
const TITLE_MAX_WORDS = 7;
const TITLE_FUNCTION_WORDS = /^(of|the|a|an|and|in|on|with|for|to|is|at|by|or|from|are|be|vs\.?)$/;

/** True for "New Day", "Orange is the New Black": every word capitalised or a short function word, two capitals at least. */
function isTitleCase(text: string, from: number, to: number): boolean {
  const words = text.slice(from, to).match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  if (!words || words.length > TITLE_MAX_WORDS) return false;
  let capitals = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (/^\p{Lu}/u.test(w)) capitals++;
    else if (i === 0 || !TITLE_FUNCTION_WORDS.test(w)) return false;
  }
  // A sentence of one capitalised word ("No.") or all-capitals shouting is not a title.
  return capitals >= 2 && words.some((w) => /\p{Ll}/u.test(w));
}

/** Pattern strength a short quotation needs to be reported speech: a tight pattern or a `that` clause. */
const SHORT_MIN_STRENGTH = 0.5;

/**
 * Finds every quotation of the document, in document order, with its speaker when the text names one.
 *
 * A quotation continued over paragraphs (opening mark, no closing mark, next paragraph opening again) is one
 * `Quote` from its first opening mark to its last closing mark; its `text` then includes the paragraph break
 * and the repeated opening mark. Unbalanced marks never throw: a stray closing mark is ignored, an opening
 * mark left open at the end of its paragraph (and not continued) yields no quotation. Short quotations (up to
 * four words) with no speech verb attributing them are `scare` quotes without attribution. Every window the
 * attribution looks at is bounded, so the pass is linear in the size of the document.
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
  lexicon: QuoteLexicon,
): Quote[] {
  const raws = pairQuotationMarks(text, paragraphs);
  if (raws.length === 0) return [];
  const doc = buildDoc(text, paragraphs, sentences, entities, raws, lexicon);
  const state: SpeakerState = { speakers: new Set<number>() };
  const quotes: Quote[] = [];
  let previous: { raw: RawQuote; attribution?: Attribution; closeTok: number } | undefined;
  for (const raw of raws) {
    const openTok = tokenAt(doc, raw.start);
    const closeTok = tokenAt(doc, raw.end);
    const words = wordCount(text, raw.contentStart, raw.contentEnd, TITLE_MAX_WORDS + 1);
    const short = words <= SCARE_MAX_WORDS;
    const afterLimit = Math.min(doc.tokens.length, closeTok + AFTER_WINDOW + 4);
    const prevParaEndsWithColon = raw.paragraph > 0 && openTok > 0 && doc.para[openTok - 1] === raw.paragraph - 1 && doc.tokens[openTok - 1].text === ':';
    // Transcripts: "PENCE: Well, look, …" — the speaker label opens the quoted words.
    const c0 = text.charCodeAt(raw.contentStart);
    const c1 = text.charCodeAt(raw.contentStart + 1);
    const label =
      c0 >= 65 && c0 <= 90 && c1 >= 65 && c1 <= 90 // two capitals first: only then is a label possible
        ? /^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s/.exec(text.slice(raw.contentStart, Math.min(raw.contentEnd, raw.contentStart + 40)))
        : null;
    if (label && label[1].length > 1) {
      const ls = raw.contentStart + label.index + label[0].indexOf(label[1]);
      const mention = { start: ls, end: ls + label[1].length, text: label[1] };
      const attribution: Attribution = { mention, sourceKind: 'person' };
      quotes.push({ start: raw.start, end: raw.end, contentStart: raw.contentStart, contentEnd: raw.contentEnd, text: text.slice(raw.contentStart, raw.contentEnd), kind: 'direct', attribution });
      previous = { raw, attribution, closeTok };
      continue;
    }
    let found = findAfter(doc, closeTok, afterLimit);
    const before = findBefore(doc, openTok, prevParaEndsWithColon);
    if (!found || (before && before.strength > found.strength)) found = before ?? found;
    // "Jeb Bush called Trump “unhinged.” Sen. Marco Rubio called the statement …": a quotation that closes its
    // sentence belongs to the tight cue before it rather than to the next sentence's subject.
    if (found && before && found !== before && before.strength >= 2 && found.strength <= before.strength && found.np.from === closeTok && closeTok < doc.tokens.length && isCapitalized(doc.tokens[closeTok].text) && doc.tokens[closeTok - 2]?.text === '.' && !(openTok > 0 && isSentenceEnd(doc, openTok - 1))) {
      found = before;
    }
    // "“…,” Mr. Obama said …, where Mrs. Clinton also spoke. “Tolerance is …”": a quotation opening a new
    // sentence right after a quotation of the same paragraph continues it; the verb of the sentence between
    // does not introduce it.
    if (found && found === before && previous?.attribution && previous.raw.lastParagraph === raw.paragraph && openTok > 0 && isSentenceEnd(doc, openTok - 1) && doc.tokens[openTok - 1].text !== ';' && (found.cue?.from ?? 0) > previous.closeTok) {
      found = undefined;
    }
    if (!found) found = findSentenceFinal(doc, closeTok);
    if (!found) found = findAsComplement(doc, openTok);
    // Short quotations need a tight pattern or a clause-level cue that reports words; else they are scare quotes.
    if (found && short && found.strength < SHORT_MIN_STRENGTH) found = undefined;
    // Titles of shows, books and slogans ("New Day", "Orange is the New Black", "Gang of Eight") are named,
    // not said, unless a speech verb touches them ("he said, “Make America Great Again”").
    const title = words <= TITLE_MAX_WORDS + 1 && isTitleCase(text, raw.contentStart, raw.contentEnd);
    if (title && found && found.strength < 1) found = undefined;
    let attribution: Attribution | undefined;
    if (found) {
      attribution = makeAttribution(doc, found, raw.start, state);
    } else if (previous?.attribution && startsSentence(doc, openTok, previous.closeTok, raw)) {
      // Second part of a split quotation ("“…,” he said. “…”") or a quotation paragraph following one:
      // the same speaker.
      attribution = previous.attribution;
    } else if (!short && openTok > 0 && doc.para[openTok - 1] !== doc.para[openTok]) {
      // A quotation paragraph after a paragraph whose last sentence reports someone ("Carter said that …
      // ¶ “That’s because …”", "Howard continued his scathing remarks. ¶ “…”").
      const lead = findLeadIn(doc, openTok - 1);
      if (lead) attribution = makeAttribution(doc, lead, raw.start, state);
    }
    if (!attribution && !short) {
      // A byline paragraph right after the quotation ("“…” ¶ - Sanders.", "¶ —Michelle Marks, Philadelphia.").
      const byline = findBylineParagraph(doc, closeTok);
      if (byline) attribution = makeAttribution(doc, byline, raw.start, state);
    }
    const kind: Quote['kind'] = attribution || (!short && !title) ? 'direct' : 'scare';
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
  inheritWithinSentence(doc, quotes);
  return quotes;
}

/**
 * `Guns are “the ultimate public health crisis” and “stunt children’s growth,” Howard Dean said`: a quotation
 * left without a speaker takes the speaker found after a later quotation of the same sentence. One backward
 * pass; the tokens between neighbours are looked at once, within a bound.
 */
function inheritWithinSentence(doc: Doc, quotes: Quote[]): void {
  for (let i = quotes.length - 2; i >= 0; i--) {
    const q = quotes[i];
    const next = quotes[i + 1];
    const a = next.attribution;
    if (q.attribution || !a || !a.cue || a.cue.start < next.end) continue;
    const from = tokenAt(doc, q.end);
    const to = tokenAt(doc, next.start);
    if (to - from > 12 || from >= doc.tokens.length || doc.para[from] !== doc.para[Math.min(to, doc.tokens.length - 1)]) continue;
    let ok = true;
    for (let k = from; k < to; k++) if (isSentenceEnd(doc, k) || doc.inQuote[k] || isCue(doc, k)) ok = false;
    // The quotation must not end its sentence inside its marks ("“No.” “Yes,” he said" are two sentences).
    if (!ok || /[.!?]\s*$/.test(q.text)) continue;
    quotes[i] = { ...q, kind: 'direct', attribution: a };
  }
}

/** A short paragraph after the quotation's paragraph that is a dash and a name: the quotation's byline. */
function findBylineParagraph(doc: Doc, closeTok: number): Found | undefined {
  const k = closeTok;
  if (k >= doc.tokens.length || k === 0 || doc.para[k] === doc.para[k - 1]) return undefined;
  if (!/^(-|—|–|―|--)$/.test(doc.tokens[k].text) || k + 1 >= doc.tokens.length || !isCapitalized(doc.tokens[k + 1].text)) return undefined;
  const para = doc.para[k];
  let end = k + 1;
  while (end < doc.tokens.length && doc.para[end] === para && end - k < 12) end++;
  if (end < doc.tokens.length && doc.para[end] === para) return undefined; // a sentence, not a byline
  const np = npRightOf(doc, k + 1, end);
  if (!np || !hasCapital(doc, np.from, np.to)) return undefined;
  return { np, strength: 1.5 };
}

/** Verbs that characterise something with the words of the quotation (`likened the rules to “…”`). */
const COMPARE_VERBS = new Set(['liken', 'likens', 'likened', 'likening', 'compare', 'compares', 'compared', 'comparing']);
/** Participles that make `as “…”` passive or a general view (`known as`, `seen as`): nobody is quoted. */
const AS_PASSIVE = /^(known|seen|regarded|viewed|considered|perceived|described|billed|touted|characterized|characterised|portrayed|labeled|labelled|branded|dubbed|referred|identified|listed|classified|framed|cast|treated|used|such|same)$/;

/**
 * A characterising complement: `Trump openly admires Putin as a “strong leader”`, `Obama condemned the test as
 * “provocative and destabilizing”`, `Tribe likened the rules to “burning the Constitution”`. The subject of the
 * verb is the one whose words are quoted (a reported clause without a speech verb); passives and general views
 * (`is known as “…”`, `seen as “…”` without an agent) attribute nothing.
 */
function findAsComplement(doc: Doc, openTok: number): Found | undefined {
  let k = openTok - 1;
  if (k < 1 || doc.inQuote[k]) return undefined;
  const para = doc.para[openTok];
  if (DETERMINERS.has(doc.lower[k]) && doc.lower[k] !== 'no') k--;
  if (k < 1 || (doc.lower[k] !== 'as' && doc.lower[k] !== 'to')) return undefined;
  const link = doc.lower[k];
  // The verb: the nearest verb-like word before the object, within the clause (no comma, no other quotation).
  for (let w = k - 1, n = 0; w >= 0 && n < 10 && doc.para[w] === para; w--, n++) {
    const t = doc.tokens[w].text;
    if (doc.inQuote[w] || t === ',' || t === ';' || t === ':' || isSentenceEnd(doc, w)) return undefined;
    const l = doc.lower[w];
    if (link === 'to' ? !COMPARE_VERBS.has(l) : !verbLike(doc, w) && !l.endsWith('ing')) continue;
    // "known as", "seen as", "described as" read as passives (often reduced: "a man known as …"); "was" etc.
    // before the object ("what it was as …") end the search.
    if (link === 'as' && (AS_PASSIVE.test(l) || VERB_PREFIX.has(l))) return undefined;
    // "is seen as", "was described as": a passive.
    const prev = w > 0 ? doc.lower[w - 1] : '';
    if (/^(is|was|were|are|be|been|being|gets|got)$/.test(prev) && /ed$/.test(l)) return undefined;
    if (l.endsWith('ing')) return undefined; // "…, describing X as": a participle clause, left to the cue rules
    const np = subjectOf(doc, w, Math.max(0, w - 15));
    if (!np || doc.lower[np.from] === 'it' || doc.lower[np.from] === 'they' || doc.lower[np.from] === 'we' || doc.lower[np.from] === 'i') return undefined;
    const kind = speakerKind(doc, np);
    if (kind !== 'person' && kind !== 'organization') return undefined;
    return { np, cue: { from: w, to: w + 1 }, strength: 1 };
  }
  return undefined;
}

/** The speaker of the last sentence of the paragraph ending at token `last`, when it has a speech verb. */
function findLeadIn(doc: Doc, last: number): Found | undefined {
  const para = doc.para[last];
  let lowest = last;
  while (lowest - 1 >= 0 && last - lowest < BEFORE_WINDOW && doc.para[lowest - 1] === para && !isSentenceEnd(doc, lowest - 1)) lowest--;
  // The first speech verb of the sentence: the outermost speaker ("Carter said that critics had predicted …").
  for (let v = lowest; v <= last; v = doc.inQuote[v] ? nextOutside(doc, v) : v + 1) {
    const remarks = /^(remarks|comments|statement|words)$/.test(doc.lower[v]) && v - 1 >= lowest && /^(his|her|their)$/.test(doc.lower[v - 1]);
    if (!isCue(doc, v) && !remarks) continue;
    if (remarks) {
      // "Howard continued his scathing remarks."
      const np = sentenceSubject(doc, lowest, v);
      if (np) return { np, cue: { from: v, to: v + 1 }, strength: 0.5 };
      continue;
    }
    // "…, the Daily Caller reports." names the outlet, not the next speaker.
    if (/^report/.test(doc.lower[v])) return undefined;
    const np = doc.lower[v].endsWith('ing') ? sentenceSubject(doc, lowest, v) : subjectOf(doc, v, lowest);
    if (np && speakerKind(doc, np) !== 'unknown' && doc.lower[np.from] !== 'it') return { np, cue: { from: v, to: v + 1 }, strength: 0.5 };
    return undefined;
  }
  return undefined;
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

function makeAttribution(doc: Doc, found: Found, quoteStart: number, state: SpeakerState): Attribution {
  const mention = slice(doc, found.np.from, found.np.to);
  const kind = speakerKind(doc, found.np);
  const l = doc.lower[found.np.from];
  let resolved: TextSlice | undefined;
  const single = found.np.to - found.np.from === 1;
  if (single && (l === 'he' || l === 'she')) {
    resolved = resolvePronoun(doc, Math.min(mention.start, quoteStart), l, state);
    if (resolved) state.last = { name: resolved, at: mention.start, pronoun: l };
  } else if (single && l === 'i') {
    // "I" outside a quotation is the writer (first-person journalism, op-eds): nobody to resolve to.
  } else if (!hasCapital(doc, found.np.from, found.np.to) || (l === 'the' && TITLE_FORMS.has(headLower(doc, found.np)) && !isCapitalized(doc.tokens[found.np.to - 1].text))) {
    // "the foreign minister", "The Democratic frontrunner": a role nominal.
    resolved = resolveNominal(doc, found.np, Math.min(mention.start, quoteStart));
    if (resolved && kind === 'person') state.last = { name: resolved, at: mention.start };
  } else {
    const personStart = personStartIn(doc, mention);
    state.speakers.add(personStart ?? mention.start);
    // A capitalised speaker the recogniser did not type is most often a person in news text.
    if (kind === 'person' || (kind === 'unknown' && !overlapsEntity(doc, found.np.from, found.np.to, 'location'))) {
      state.last = { name: mention, at: mention.start };
    }
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

/** `s.toLowerCase()`, without allocating when `s` is ASCII with no capital (most tokens). */
function lowerOf(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return s.toLowerCase();
  }
  return s;
}

/** Whitespace as `/\s/` matches it (ECMAScript WhiteSpace and LineTerminator). */
function isRegexSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Index of the first `/\s/` character of `s`, or -1. */
function firstSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (isRegexSpace(s.charCodeAt(i))) return i;
  return -1;
}

/** Index of the last `/\s/` character of `s`, or -1. */
function lastSpace(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (isRegexSpace(s.charCodeAt(i))) return i;
  return -1;
}

/** `w.replace(/['’]s$/, '')`. */
function stripPossessive(w: string): string {
  const n = w.length;
  if (n >= 2 && w.charCodeAt(n - 1) === 115) {
    const a = w.charCodeAt(n - 2);
    if (a === 0x27 || a === 0x2019) return w.slice(0, n - 2);
  }
  return w;
}

/** A one-character token after which a capital may open a sentence or a quotation: `. ! ? : " “ ” ‘ ' ( [ — – -`. */
function isSentenceOpener(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x22 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x27 || c === 0x28 || c === 0x5b || c === 0x2014 || c === 0x2013 || c === 0x2d;
}

function buildDoc(
  text: string,
  paragraphs: readonly Paragraph[],
  sentences: readonly Sentence[],
  entities: readonly EntityMention[],
  raws: readonly RawQuote[],
  lexicon: QuoteLexicon,
): Doc {
  const tokens: Token[] = [];
  for (const s of sentences) for (const t of s.tokens) tokens.push(t);
  const lower = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) lower[i] = lowerOf(tokens[i].text);
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
    if (para[i - 1] !== para[i] || (prev.length === 1 && isSentenceOpener(prev.charCodeAt(0))) || prev === '...' || prev === '…') continue;
    midCaps.add(t);
  }
  // A mention with a space is credible; a single word must have been seen capitalised mid-sentence (with or
  // without a possessive `'s`).
  const credible = (e: EntityMention): boolean => {
    const t = e.text;
    if (firstSpace(t) >= 0) return true;
    if (midCaps.has(t)) return true;
    const bare = stripPossessive(t);
    return bare !== t && midCaps.has(bare);
  };
  // Subject pronouns are at most 4 characters, and lower-casing never shortens a string.
  const persons = entities.filter((e) => e.type === 'person' && !(e.text.length <= 4 && SUBJECT_PRONOUNS.has(lowerOf(e.text))) && credible(e));
  // "Hillary Clinton … Clinton said … she": a surname inherits the gender of the first name it came with.
  const names = lexicon.firstNames;
  const surnameGender = new Map<string, 'f' | 'm' | 'x'>();
  for (const m of persons) {
    const t = m.text;
    const sp = firstSpace(t);
    if (sp < 0) continue; // a single word
    const g = names.get(t.slice(0, sp));
    if (!g) continue;
    const last = stripPossessive(t.slice(lastSpace(t) + 1));
    const prev = surnameGender.get(last);
    surnameGender.set(last, prev && prev !== g ? 'x' : g);
  }
  const titles = new Map<string, Set<string>>();
  for (const m of persons) {
    // The 30 characters before the mention, a space, and the mention's words but the last (single-spaced).
    const lead = lowerOf(text.slice(Math.max(0, m.start - 30), m.start));
    const before = firstSpace(m.text) < 0 ? lead + ' ' : lead + ' ' + m.text.toLowerCase().split(/\s+/).slice(0, -1).join(' ');
    const hit = TITLE_BEFORE_RE.exec(before);
    if (!hit) continue;
    const role = TITLE_OF_FORM.get(hit[1]);
    if (!role) continue;
    const key = surname(m.text);
    let set = titles.get(key);
    if (!set) titles.set(key, (set = new Set()));
    set.add(role);
  }
  return {
    titles,
    text,
    tokens,
    lower,
    para,
    inQuote,
    quoteOpen,
    persons,
    surnameGender,
    entities,
    verbs: lexicon.speechVerbs,
    lexicon,
  };
}
