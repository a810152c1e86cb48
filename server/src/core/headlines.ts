import type { NameLexicon } from './nameLexicon';
import { storyAfterWidget } from './pageFurniture/lines';
import type { Sentence, Token } from './types';

/** A title-case line longer than this many tokens is prose that happens to be capitalised, not a headline. */
const MAX_HEADLINE_TOKENS = 30;
/** The words title case leaves in lower case (`of`, `for`, `with`, `amid`); any other lower-case word makes a line prose (`met`, `said`). */
export const TITLE_CASE_LOWER: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'for', 'of', 'on', 'in', 'to', 'at', 'by', 'with', 'from', 'into', 'onto', 'over', 'amid', 'upon',
  'as', 'per', 'via', 'vs', 'vs.', 'v.', 'than', 'that', 'if', 'so', 'up', 'out', 'off', 'is', 'are', 'be', 'it', 'its', 'not', 'after', 'about',
]);

/**
 * Which sentences lie on title-case lines: headlines, section titles, bylines, teasers
 * (`Hillary Clinton Goes After Donald Trump As The New Mitt Romney`, `Retired General Reveals
 * ‘Demoralizing’ Experience Of Serving Under Obama`). In such a line every word is capitalised, so a
 * capital says nothing about a name, and the tagger (trained on sentence-case and ALL-CAPS news)
 * glues ordinary words to names (`Barack Obama Just`). A line is title case when it has at most
 * {@link MAX_HEADLINE_TOKENS} tokens, no lower-case word but those title case keeps in lower case
 * ({@link TITLE_CASE_LOWER}; `met` or `said` make a line prose; a clitic, `n’t` of `Won’t` or `’s`, belongs to the
 * capitalised word before it), at least three capitalised words, and enough ordinary words among them that it is no
 * row of names (`Jeb Bush, Marco Rubio and Ted Cruz`, `Reporting by Amanda Becker; Editing by Matthew Lewis`): see
 * {@link isTitleCase}. ALL-CAPS lines are left alone.
 * Lines are what the sentences cover between line breaks; returns one flag per sentence.
 */
export function headlineSentences(text: string, sentences: readonly Sentence[], lexicon: NameLexicon): Uint8Array {
  // The entity repair and the actor pass both ask, of the same sentences: the second gets the first's answer.
  const known = answered.get(sentences);
  if (known && known.text === text && known.lexicon === lexicon && known.flags.length === sentences.length) return known.flags;
  const flags = findHeadlines(text, sentences, lexicon);
  answered.set(sentences, { text, lexicon, flags });
  return flags;
}

/**
 * The flags given for each list of sentences, while it lives (an analysis makes its list and keeps it unchanged).
 * Readers of the flags never write to them.
 */
const answered = new WeakMap<readonly Sentence[], { readonly text: string; readonly lexicon: NameLexicon; readonly flags: Uint8Array }>();

function findHeadlines(text: string, sentences: readonly Sentence[], lexicon: NameLexicon): Uint8Array {
  const flags = new Uint8Array(sentences.length);
  // A live blog's comment widget glued to the next entry's heading is read from the heading on (most texts have none).
  const widgets = WIDGET.test(text);
  let first = 0;
  while (first < sentences.length) {
    // The sentences of one line (or of lines a sentence runs across).
    let last = first;
    let lineEnd = lineEndAfter(text, sentences[first].end);
    while (last + 1 < sentences.length && sentences[last + 1].start < lineEnd) {
      last++;
      // Only a sentence that runs past the line end moves it (searching again from every sentence's
      // end made a long paragraph quadratic).
      if (sentences[last].end > lineEnd) lineEnd = lineEndAfter(text, sentences[last].end);
    }
    const from = widgets ? headingAfterWidget(text, sentences[first].start, lineEnd) : 0;
    if (isTitleCase(sentences, first, last, lexicon, from)) flags.fill(1, first, last + 1);
    first = last + 1;
  }
  return flags;
}

function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

/** The comment widget's buttons, as `pageFurniture/lines.ts` knows them. */
const WIDGET = /ShareLikeReply/i;
/** How far into a line a widget's time stamp is looked for (as far as the furniture reading looks). */
const WIDGET_REACH = 300;

/**
 * Where the heading starts in a line that opens with a comment widget and its time stamp
 * (`Igor BobicFlagShareLikeReply…9:23PMRubio Says Abandoning Comprehensive Immigration Reform Was A Sign Of
 * Leadership`): the heading is title case though the widget is not. 0 for any other line.
 */
function headingAfterWidget(text: string, sentenceStart: number, lineEnd: number): number {
  const newline = text.lastIndexOf('\n', sentenceStart - 1);
  const lineStart = newline + 1;
  const line = text.slice(lineStart, Math.min(lineEnd, lineStart + WIDGET_REACH));
  if (!WIDGET.test(line)) return 0;
  const story = storyAfterWidget(line);
  return story === undefined ? 0 : lineStart + story;
}

/**
 * Whether the sentences `first` to `last` make a title-case line, reading their tokens from offset `from` on.
 *
 * Every word but those title case keeps in lower case is capitalised, and the line must read as a headline rather than
 * as a row of names (a list of people, a byline, `Contributing: Brittney Bennett and Greg Toppo`): at least a third of
 * its capitalised words, two at least, are words whose capital says nothing of a name, and one of them a content word.
 * Such words are function words (the words title case keeps in lower case, `Of`, `With`, `Is`; the closed class of
 * {@link FUNCTION_WORDS}, `He`, `Will`, `Why`; a word before a negation, `Wo` of `Won’t`, an auxiliary) and ordinary
 * content words, those the word lists call ordinary English words or nouns of groups of people (`Conservative`,
 * `Republicans`: no one's name). A row of names has function words too (`and`, `By`), hence the content word. A clitic
 * (`n’t`, `’s`, `’m`) is part of the word before it, not a lower-case word that makes the line prose: `Why Republicans
 * Won’t Renounce Trump` is a headline. (The article's own lower-case words are no evidence here: a credit line's `White
 * House Correspondent` would make its reporter a headline's name.)
 */
function isTitleCase(sentences: readonly Sentence[], first: number, last: number, lexicon: NameLexicon, from = 0): boolean {
  let tokens = 0;
  let capitalised = 0;
  let numbers = 0;
  for (let s = first; s <= last; s++) {
    for (const token of sentences[s].tokens) {
      if (token.start < from) continue;
      if (++tokens > MAX_HEADLINE_TOKENS) return false;
      const kind = wordCase(token);
      // Results and tables have numbers (`2. Paddy Lad 16-1 ( Peter Bloomfield )`); a headline has one at most.
      if (kind === 'other' && /\d/.test(token.text) && ++numbers > 1) return false;
      if (kind === 'lower') {
        if (!TITLE_CASE_LOWER.has(token.text) && !isClitic(token.text)) return false;
      } else if (kind === 'capitalised') {
        capitalised++;
      }
    }
  }
  if (capitalised < 3) return false;
  // Only a line that reads as title case so far asks the word lists (most lines are prose, and
  // fail above at their first lower-case word).
  let functionWords = 0;
  let ordinary = 0;
  for (let s = first; s <= last; s++) {
    const line = sentences[s].tokens;
    for (let i = 0; i < line.length; i++) {
      const token = line[i];
      if (token.start < from || wordCase(token) !== 'capitalised') continue;
      const lower = token.text.toLowerCase();
      if (TITLE_CASE_LOWER.has(lower) || FUNCTION_WORDS.has(lower) || (i + 1 < line.length && NEGATION.test(line[i + 1].text))) functionWords++;
      else if (lexicon.isOrdinaryWord(token.text) || lexicon.isGroupNoun(token.text)) ordinary++;
    }
  }
  // Headlines are made of ordinary words; a row of names (`Hove : Sussex 363 ( W. Athey 111 , V. Drakes 52`) is not one.
  return ordinary >= 1 && ordinary + functionWords >= 2 && (ordinary + functionWords) * 3 >= capitalised;
}

/**
 * Closed-class words a headline capitalises (pronouns, auxiliaries and modals, question words, demonstratives and a few
 * quantifiers): no names, whatever their capital, though some are names elsewhere (`Will`, `May`). {@link isTitleCase}
 * counts them with the ordinary words, but never alone: a byline's `By` and `And` make no headline.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'i', 'me', 'my', 'we', 'our', 'us', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'they', 'them', 'their', 'who', 'whom', 'whose',
  'what', 'which', 'why', 'how', 'when', 'where', 'this', 'these', 'those', 'there', 'here', 'am', 'was', 'were', 'been', 'being', 'has',
  'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must', 'no', 'all', 'any',
  'some', 'more', 'most', 'just', 'now', 'yet', 'too', 'very', 'while',
]);

/** The negation clitic as the tokeniser splits it off (`n’t` of `Won’t`, `Can’t`). */
export const NEGATION = /^n['’]t$/i;

/** A clitic the tokeniser splits off the word before it (`n’t`, `’s`, `’m`, `’re`, `’ll`, `’ve`, `’d`). */
export function isClitic(text: string): boolean {
  return NEGATION.test(text) || /^['’](?:s|m|d|re|ve|ll)$/i.test(text);
}

/**
 * True for a word that title case capitalises whatever it is: a word it keeps in lower case
 * ({@link TITLE_CASE_LOWER}: `Of`, `The`), a closed-class word ({@link FUNCTION_WORDS}: `He`, `Can`), or an ordinary
 * English word (`Leadership`, `Street`); and a clitic, part of the word before it (`n’t` of `Don’t`). In a headline
 * such a word's capital says nothing of a name; an acronym (`US`), a figure or a proper name (`Rubio`) does.
 */
export function isTitleCaseWord(token: Token, lexicon: NameLexicon): boolean {
  const kind = wordCase(token);
  if (kind === 'lower') return TITLE_CASE_LOWER.has(token.text) || isClitic(token.text);
  if (kind !== 'capitalised') return false;
  const lower = token.text.toLowerCase();
  return TITLE_CASE_LOWER.has(lower) || FUNCTION_WORDS.has(lower) || lexicon.isOrdinaryWord(token.text);
}

/** `capitalised` (`Goes`), `lower` (`goes`), `upper` (`NYPD`, `A`), or `other` (numbers, punctuation). */
export function wordCase(token: Token): 'capitalised' | 'lower' | 'upper' | 'other' {
  const text = token.text;
  const code = text.charCodeAt(0);
  // ASCII first: this runs on every token of the article.
  if (code >= 97 && code <= 122) return 'lower';
  if (code >= 65 && code <= 90) return hasLowerCase(text) ? 'capitalised' : 'upper';
  if (code < 128) return 'other';
  const first = text.charAt(0);
  if (first.toLowerCase() === first.toUpperCase()) return 'other';
  if (first !== first.toUpperCase()) return 'lower';
  return hasLowerCase(text) ? 'capitalised' : 'upper';
}

function hasLowerCase(text: string): boolean {
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) return true;
    if (code >= 128) {
      const c = text.charAt(i);
      if (c !== c.toUpperCase()) return true;
    }
  }
  return false;
}
