/**
 * Anonymous sources: `A Republican committee aide … “…,” the aide said`, `said a senior Cruz adviser … the senior Cruz
 * adviser added`, `a middle-aged cashier … said the woman`. A definite description whose person the article brought in
 * without a name (`a`, `an`, `one`, `another` before the head) goes on speaking for that unnamed person: it is no named
 * person's mention, however well a named person's role matches its words. Resolving it to the article's best match gave
 * a Republican aide's words to the committee's chairman and an organiser's to the candidate she introduced (issue 15's
 * audit of the cross-validated misses; issue 14's audit of 40 train articles found 16 such joins).
 */
import { lowerBound } from '../search';
import { type Doc, type NounPhrase, headLower, isCapitalized, isSentenceEnd } from './document';

/** How far back (tokens) the introduction of a description's head is looked for: some two pages of news text. */
const INTRODUCTION_WINDOW = 1500;

/** Words that bring in someone new when they open the phrase the head ends. */
const INDEFINITE = new Set(['a', 'an', 'one', 'another']);

/** A phrase after one of these is said of someone already there (`Bush would be a great president`, `served as an aide`). */
const PREDICATIVE = new Set(['is', 'was', 'be', 'been', 'being', 'are', 'were', 'become', 'became', 'becomes', 'as', "'s", '’s', 'remains', 'remained']);

/** Modifiers between a determiner and its head, at most (`a senior Obama administration official`). */
const MAX_MODIFIERS = 5;

/**
 * True when the definite description `np` (`the aide`) continues a person the article introduced without a name: the
 * nearest earlier phrase with the same head word, past other definite ones, opens with an indefinite determiner, is
 * not said of someone (a predicate: `was an adviser`) and has no name set beside it (`a senior aide, John Smith,`;
 * `John Smith, a senior aide`). Mentions inside quotations are passed over. Bounded by {@link INTRODUCTION_WINDOW}.
 */
export function continuesAnonymousSource(doc: Doc, np: NounPhrase): boolean {
  let h = np.to - 1;
  while (h > np.from && (doc.lower[h] === "'s" || doc.lower[h] === '’s')) h--;
  // A name (`the Rev. Al Sharpton`) is nobody's description.
  if (isCapitalized(doc.tokens[h].text)) return false;
  const head = headLower(doc, np);
  const stop = Math.max(0, np.from - INTRODUCTION_WINDOW);
  for (let k = np.from - 1; k >= stop; k--) {
    if (doc.lower[k] !== head || doc.inQuote[k] !== 0) continue;
    const next = k + 1 < doc.tokens.length ? doc.tokens[k + 1].text : '';
    // `Mayor Bill de Blasio`, `former mayor Rudy Giuliani`: a title before a name; the person is named.
    if (isCapitalized(doc.tokens[k].text) || (isCapitalized(next) && !doc.inQuote[k + 1])) return false;
    // `the delegate list`: the word modifies another noun here, it heads no phrase.
    if (/^\p{Ll}/u.test(next) && !doc.inQuote[k + 1] && !FOLLOWERS.has(doc.lower[k + 1])) continue;
    let d = k - 1;
    for (let steps = 0; d >= 0 && steps < MAX_MODIFIERS && isModifierWord(doc, d); steps++) d--;
    if (d < 0) return false;
    const determiner = doc.lower[d];
    if (determiner === 'the') continue; // an earlier link of the same chain
    if (!INDEFINITE.has(determiner)) return false;
    if (d > 0 && PREDICATIVE.has(doc.lower[d - 1])) return false;
    if (namedBeside(doc, d, k)) return false;
    return true;
  }
  return false;
}

/** Words that may follow a phrase's head (`an aide who`, `a source familiar with`): the phrase ends at the head. */
const FOLLOWERS = new Set(['who', 'whom', 'whose', 'that', 'and', 'or', 'but', 'said', 'says', 'told', 'to', 'of', 'for', 'with', 'in', 'at', 'on', 'from', 'familiar', 'close', 'involved', 'who’s', "who's", 'speaking', 'said.', 'added', 'asked', 'wrote']);

/** A word that can stand between a determiner and its head (`senior`, `Obama`, `middle-aged`, `26-year-old`). */
function isModifierWord(doc: Doc, i: number): boolean {
  if (doc.inQuote[i] !== 0 || isSentenceEnd(doc, i)) return false;
  const l = doc.lower[i];
  return /^[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u.test(doc.tokens[i].text) && !INDEFINITE.has(l) && l !== 'the' && !PREDICATIVE.has(l);
}

/**
 * True when a person's name stands right beside the phrase of tokens `[d, k]`: `John Smith, a senior aide` or `a senior
 * aide, John Smith,` (a capitalised word the recogniser typed a person), or `a senior aide named John Smith`.
 */
function namedBeside(doc: Doc, d: number, k: number): boolean {
  const before = d - 1;
  if (before > 0 && doc.tokens[before].text === ',' && isPersonToken(doc, before - 1)) return true;
  let after = k + 1;
  if (after < doc.tokens.length && (doc.tokens[after].text === ',' || doc.lower[after] === 'named' || doc.lower[after] === 'called')) after++;
  return after > k + 1 && after < doc.tokens.length && isPersonToken(doc, after);
}

/** True when token `i` lies in a person mention of the recogniser. */
function isPersonToken(doc: Doc, i: number): boolean {
  if (i < 0 || i >= doc.tokens.length || !isCapitalized(doc.tokens[i].text)) return false;
  const at = doc.tokens[i].start;
  const persons = doc.persons;
  const k = lowerBound(persons.length, (j) => persons[j].end > at);
  return k < persons.length && persons[k].start <= at;
}
