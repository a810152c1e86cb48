/**
 * Quotations that name rather than report: the titles of shows, books and songs, slogans and nicknames set in
 * quotation marks (`“New Day”`, `his 2002 book, “Make Your Kid a Millionaire,”`). The pass (`index.ts`) gives such
 * a quotation no speaker: a person who wrote a book did not *say* its title, and the quote outline would list
 * `Mr. Cruz: “A Time for Truth”` as his words.
 *
 * A title is recognised by its form (title case, a few words) and by the phrase around it, never by a list of
 * titles: the noun it is the title of (`the civil rights anthem “…”`, `a memo titled “…”`), the noun it modifies
 * (`the “Dear Walter” letters`), a possessive that makes it a noun phrase (`his “Feel the Bern” wave`), the verb it
 * is the subject of (`“Sons of Trump” is an adaptation`) or the one told (`Fiorina told “Fox and Friends”`).
 * Words a speech verb reports stay reported, titles and all (`Jones said … into the “Super Tuesday” primary`,
 * `… his weekly radio show, “Generations with Kevin Swanson,” Right Wing Watch first reported.`): PolNeAR's
 * annotators count them as the speaker's words, and so do readers.
 */
import { reportedClauseStart, type Found } from './cues';
import { isCue, isSentenceEnd, verbLike, type Doc } from './document';
import type { RawQuote } from './marks';
import { POSSESSIVE_DETERMINERS, WH_WORDS } from './words';

/** Longest title-case quotation taken for a title rather than speech. */
export const TITLE_MAX_WORDS = 7;

const TITLE_FUNCTION_WORDS = /^(of|the|a|an|and|in|on|with|for|to|is|at|by|or|from|are|be|vs\.?)$/;

/** True for "New Day", "Orange is the New Black": every word capitalised, a number or a short function word, `minCapitals` capitals at least. */
export function isTitleCase(text: string, from: number, to: number, minCapitals = 2): boolean {
  const words = text.slice(from, to).match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  if (!words || words.length > TITLE_MAX_WORDS) return false;
  let capitals = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (/^\p{Lu}/u.test(w)) capitals++;
    // A number is part of a title as written (`“American Skin (41 Shots)”`, `“The 411”`), neither a capital nor a small word.
    else if (/^\p{N}/u.test(w)) continue;
    else if (i === 0 || !TITLE_FUNCTION_WORDS.test(w)) return false;
  }
  // A sentence of one capitalised word ("No.") or all-capitals shouting is not a title.
  return capitals >= minCapitals && words.some((w) => /\p{Ll}/u.test(w));
}

/** Words before a quoted title that make it the name of something (`broadcast of “…”`, `CBS's “…”`). */
const NAMING_BEFORE_TITLE = new Set(['of', 'on', 'in', 'at', 'from', 'to', 'with', 'by', 'for', 'about', "'s", '’s']);

/** True when the quotation opening at token `openTok` follows a preposition or a possessive `'s`. */
export function namedAfterPreposition(doc: Doc, openTok: number): boolean {
  return openTok > 0 && !doc.inQuote[openTok - 1] && NAMING_BEFORE_TITLE.has(doc.lower[openTok - 1]);
}

/** A cry or a question is said, whatever its case (`chants of “Feel the Bern!”`, `He asked her “Where Is the Money?”`). */
export function isCryOrQuestion(content: string): boolean {
  return /[!?][\s,.]*$/.test(content);
}

/** `told` and its forms: a title-case quotation right after one is the one told (a show, a paper), not what was told. */
const TELL = new Set(['tell', 'tells', 'told', 'telling']);

/** Participles between a work and its title (`a show called “…”`); `titled` and `entitled` name a title alone. */
const NAMING_PARTICIPLES = new Set(['called', 'named', 'dubbed', 'titled', 'entitled']);

/** Verbs a title-case quotation right before is the subject of (`“The Big Short” was nominated`). */
const SUBJECT_VERBS = new Set(['is', 'was', 'are', 'were', 'has', 'had', 'will', 'would', 'remains', 'becomes', 'became']);

/**
 * True when the phrase around a title-case quotation makes it a name (see the file's comment). `before` and
 * `after` are the cue patterns the pass found on either side: a quotation inside the words they report is not
 * a name, whatever its case.
 */
export function namedByItsPhrase(doc: Doc, raw: RawQuote, openTok: number, closeTok: number, before: Found | undefined, after: readonly (Found | undefined)[]): boolean {
  const paragraph = raw.paragraph;
  const content = doc.text.slice(raw.contentStart, raw.contentEnd);
  if (isCryOrQuestion(content)) return false;
  const prev = openTok > 0 && !doc.inQuote[openTok - 1] && doc.para[openTok - 1] === paragraph ? openTok - 1 : -1;
  // A sentence inside the marks is said (`Then he told her “Get Out of My Office.”`: `her` is no possessive there, and
  // what is told no name); a name has no full stop of its own before a possessive or `told`.
  if (prev >= 0 && (possessiveAt(doc, prev) || TELL.has(doc.lower[prev])) && !/[.;:][\s]*$/.test(content)) return true;
  if (insideReportedWords(doc, openTok, before, after)) return false;
  if (prev >= 0) {
    const l = doc.lower[prev];
    if (l === 'titled' || l === 'entitled') return true;
    // The noun the quotation is the title of, right before it or before a comma or `called`.
    const noun = doc.tokens[prev].text === ',' || NAMING_PARTICIPLES.has(l) ? prev - 1 : prev;
    if (noun >= 0 && !doc.inQuote[noun] && doc.para[noun] === paragraph && /^\p{Ll}/u.test(doc.tokens[noun].text) && isWorkHead(doc, noun)) return true;
  }
  if (closeTok >= doc.tokens.length || doc.inQuote[closeTok] || doc.para[closeTok] !== paragraph) return false;
  const next = doc.tokens[closeTok].text;
  // The noun it modifies (`the “Party of Trump” campaign`), when nothing inside the marks closes a clause first:
  // `“We Will Not Back Down,” officials said` is said by the officials.
  if (/^\p{Ll}/u.test(next) && isHeadNoun(doc, closeTok) && !/[,.;:][\s]*$/.test(content)) return true;
  // The verb it is the subject of; `, which`.
  if (SUBJECT_VERBS.has(next)) return true;
  const comma = next === ',' || /,\s*$/.test(content);
  const which = next === ',' ? closeTok + 1 : closeTok;
  return comma && which < doc.tokens.length && doc.lower[which] === 'which';
}

/** How far past its verb a closing speaker's sentence may go on with time words and the like (`Cruz said on Tuesday.`). */
const AFTER_VERB_TOKENS = 6;

/**
 * True when the quotation lies in the words a speech verb reports: after the verb and its speaker, in one clause
 * (`Jones said … into the “Super Tuesday” primary`, `Clinton said “Love Trumps Hate,” which …`), or before a speaker
 * and verb that close the sentence ({@link closedByItsSpeaker}). A title right after the speaker's phrase is that
 * phrase's apposition, not reported (`according to his book “The Art of the Deal.”`), and a verb that reports an
 * earlier quotation reports nothing after it (`“…,” said Cuban, who hosts the show “Shark Tank.”`).
 */
function insideReportedWords(doc: Doc, openTok: number, before: Found | undefined, after: readonly (Found | undefined)[]): boolean {
  if (before?.cue && !reportsEarlierQuotation(doc, before.cue.from)) {
    const from = Math.max(before.np.to, before.cue.to);
    // The verb touching the marks reports them when it ends the pattern (`Clinton said “…”`), not a phrase after it,
    // and a participle naming a thing names it (`The ad, entitled “…”`, `a short film called “…”`).
    const touching = from === openTok && before.cue.to >= before.np.to && !NAMING_PARTICIPLES.has(doc.lower[before.cue.to - 1]);
    if ((from < openTok && reportedClauseStart(doc, from, openTok) >= 0 && !sentenceEndsBetween(doc, from, openTok)) || touching) return true;
  }
  return closedByItsSpeaker(doc, after);
}

/**
 * True when a speaker and a finite verb after the quotation close its sentence, with no clause of their own after
 * them: the sentence is what they said, titles and all (`…, “Generations with Kevin Swanson,” Right Wing Watch first
 * reported.`, `… famous in ''The 40-Year-Old Virgin,'' Mr. Oppenheim noted.`, `… Cruz said on Tuesday.`; not
 * `Mr. Cruz described how …`). `after` are the cue patterns the pass found after the quotation. With
 * `closeTok` (the token after the closing mark), only a speaker right after the marks counts (a comma between),
 * before its verb: `Serafinowicz, who’s starred in “…,” posted the clip` is the subject's own relative clause; with
 * `openTok`, a sentence whose words before the marks have no verb is an opening phrase's, not reported.
 */
export function closedByItsSpeaker(doc: Doc, after: readonly (Found | undefined)[], closeTok?: number, openTok?: number): boolean {
  // A phrase that opens the sentence is not what the speaker said (`Asked … on CBS’s “Face the Nation,” Ryan said no.`,
  // `In an interview on “…,” Ryan said so.`): the words before the marks need a verb past the sentence's first word.
  if (openTok !== undefined && !verbBefore(doc, openTok)) return false;
  for (const closing of after) {
    // A finite verb closes a speaker's sentence; a participle is some other phrase's (`… speaking in Spanish.`).
    if (!closing?.cue || /ing$/.test(doc.lower[closing.cue.to - 1])) continue;
    if (closeTok !== undefined && !nextAfterComma(doc, closeTok, closing.np.from)) continue;
    const end = Math.max(closing.cue.to, closing.np.to);
    for (let k = end; k < doc.tokens.length && k <= end + AFTER_VERB_TOKENS && doc.para[k] === doc.para[end - 1]; k++) {
      if (/^[.!?]$/.test(doc.tokens[k].text)) return true;
      const l = doc.lower[k];
      if (doc.inQuote[k] || isCue(doc, k) || verbLike(doc, k) || /ing$/.test(l) || l === 'that' || WH_WORDS.has(l)) break;
    }
  }
  return false;
}

/** True when a verb other than an opening participle stands between the start of the sentence and token `openTok`. */
function verbBefore(doc: Doc, openTok: number): boolean {
  let start = openTok;
  while (start > 0 && doc.sent[start - 1] === doc.sent[openTok] && doc.para[start - 1] === doc.para[openTok]) start--;
  for (let k = start + 1; k < openTok; k++) if (!doc.inQuote[k] && verbLike(doc, k) && !/ing$/.test(doc.lower[k])) return true;
  return false;
}

/** True when token `at` is token `closeTok` or the one after a comma there. */
function nextAfterComma(doc: Doc, closeTok: number, at: number): boolean {
  return at === closeTok || (at === closeTok + 1 && doc.tokens[closeTok]?.text === ',');
}

/** True when token `i` is a possessive determiner: `her` only where no verb comes right before it (`told her “…”`: an object). */
function possessiveAt(doc: Doc, i: number): boolean {
  const l = doc.lower[i];
  if (!POSSESSIVE_DETERMINERS.has(l)) return false;
  return l !== 'her' || i === 0 || !(isCue(doc, i - 1) || verbLike(doc, i - 1));
}

/** True when the speech verb at token `cue` follows a quotation (`“…,” said Cuban`): it reports that one. */
function reportsEarlierQuotation(doc: Doc, cue: number): boolean {
  const before = doc.tokens[cue - 1]?.text === ',' ? cue - 2 : cue - 1;
  return before >= 0 && doc.inQuote[before] !== 0;
}

/** True when a sentence or paragraph ends among tokens `from` … `to - 1`. */
function sentenceEndsBetween(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isSentenceEnd(doc, k) || doc.para[k] !== doc.para[to]) return true;
  return false;
}

/** A noun naming a work, a sign or a slogan (`book`, `anthem`, `letters`): `lex.workHeads`, singular or plural. */
function isWorkHead(doc: Doc, i: number): boolean {
  const l = doc.lower[i];
  return doc.lex.workHeads.has(l) || (l.endsWith('s') && doc.lex.workHeads.has(l.slice(0, -1)));
}

/** A noun a name can modify: a work's, a person's, a group's or an organisation's (`letters`, `crowd`, `campaign`). */
function isHeadNoun(doc: Doc, i: number): boolean {
  if (isWorkHead(doc, i)) return true;
  const { personHeads, groupHeads, organizationHeads } = doc.lex;
  const l = doc.lower[i];
  for (const w of l.endsWith('s') ? [l, l.slice(0, -1)] : [l]) if (personHeads.has(w) || groupHeads.has(w) || organizationHeads.has(w)) return true;
  return false;
}
