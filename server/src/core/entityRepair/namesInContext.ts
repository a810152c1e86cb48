/**
 * People's names read against the names the article's body gives: an ordinary word glued after a name the body writes
 * alone is cut off (`Hillary Clinton Goes`), and a person in a headline is kept only as far as the body names that
 * person (`Clinton Hid` → `Clinton`, `Reveals` → nothing), or as the shape of a person's name (`Paul Ryan`).
 */

import { isTitleCaseWord } from '../headlines';
import type { NameLexicon } from '../nameLexicon';
import { normalizeName } from '../names';
import type { Sentence } from '../types';
import type { DocumentEvidence } from './evidence';
import type { Work } from './work';

/**
 * An ordinary word glued after a name that the article writes elsewhere on its own is cut off
 * (`Hillary Clinton Goes` where the article has `Hillary Clinton`; a word before a name is left, as
 * `Tiger` of `Tiger Woods` is one). People in headlines are kept only as far as
 * the body names them: the longest part of the mention that is a person's name outside headlines,
 * or its surname (`Clinton` in `Clinton Hid`), or for a one-word mention its given name (`Hillary`); one that holds
 * none of these is kept only when it has the shape of a person's name ({@link isPersonNameShaped}).
 */
export function repairNamesInContext(text: string, sentences: readonly Sentence[], work: Work[], evidence: DocumentEvidence, lexicon: NameLexicon): void {
  const names = new Set<string>();
  const surnames = new Set<string>();
  const firstWords = new Set<string>();
  const nameOf = (item: Work, first = item.first, last = item.last) => {
    const tokens = sentences[item.sentence].tokens;
    return normalizeName(text.slice(tokens[first].start, tokens[last - 1].end));
  };
  // Most articles have neither a glued word nor a person in a headline: nothing to read then.
  const glued = work.filter((item) => {
    if (item.headline || item.dropped || item.type !== 'person' || item.last - item.first < 2) return false;
    const last = sentences[item.sentence].tokens[item.last - 1].text;
    return lexicon.isOrdinaryWord(last) && !lexicon.isGivenName(last);
  });
  if (glued.length === 0 && !work.some((item) => item.headline && !item.dropped && item.type === 'person')) return;
  for (const item of work) {
    if (item.headline || item.dropped || item.type !== 'person') continue;
    names.add(nameOf(item));
    surnames.add(normalizeName(sentences[item.sentence].tokens[item.last - 1].text));
    firstWords.add(normalizeName(sentences[item.sentence].tokens[item.first].text));
  }
  for (const item of glued) if (names.has(nameOf(item, item.first, item.last - 1))) item.last--;
  // An article that is all headline (a one-line note) has no body to tell its names by.
  if (names.size === 0) return;
  for (const item of work) {
    if (!item.headline || item.dropped || item.type !== 'person') continue;
    const tokens = sentences[item.sentence].tokens;
    let best: [number, number] | undefined;
    // Longest first: the first part found at this length wins.
    for (let length = item.last - item.first; length >= 1 && !best; length--) {
      for (let from = item.first; from + length <= item.last; from++) {
        const slice = normalizeName(text.slice(tokens[from].start, tokens[from + length - 1].end));
        // A given name alone only for a one-word mention (`Hillary`), never cut out of a full name (`John` of `John Nolte`).
        if (names.has(slice) || (length === 1 && (surnames.has(slice) || (item.last - item.first === 1 && firstWords.has(slice))))) {
          best = [from, from + length];
          break;
        }
      }
    }
    if (best) [item.first, item.last] = best;
    else if (!isPersonNameShaped(sentences, item, evidence, lexicon)) item.dropped = true;
  }
}

/**
 * Whether a headline's person the body does not name has the shape of a person's name all the same, and is kept: a
 * given name the lists know, then (for a name of several words) initials or capitalised words (`Paul Ryan`, `George W.
 * Bush`, `Janet Yellen`; `Hillary` alone where the body writes only `Clinton`). Not when a word is one title case
 * capitalises whatever it is or one the article writes in lower case (`Infuriate`, `Decimate Hillary`, `Game Changer`),
 * nor a run of words glued together (`Zach CarterFlagShareLikeReplySara Bondioli`, a live blog's widget): what the
 * tagger ran on into the capitals of a headline is no name, a person's name is one wherever it stands.
 */
function isPersonNameShaped(sentences: readonly Sentence[], item: Work, evidence: DocumentEvidence, lexicon: NameLexicon): boolean {
  const tokens = sentences[item.sentence].tokens;
  if (!lexicon.isGivenName(tokens[item.first].text)) return false;
  const lowerCase = evidence.lowerCaseWords;
  for (let i = item.first; i < item.last; i++) {
    const token = tokens[i];
    if (i > item.first && INITIAL.test(token.text)) continue;
    if (!NAME_WORD.test(token.text) || isTitleCaseWord(token, lexicon) || lowerCase.has(token.text.toLowerCase())) return false;
  }
  return true;
}

/** An initial (`W.`). */
const INITIAL = /^\p{Lu}\.$/u;
/** A capitalised word with at most one capital inside (`McCaul`, `DeSantis`), letters, apostrophes and hyphens only. */
const NAME_WORD = /^\p{Lu}\p{Ll}*(?:[\p{Lu}'’-]\p{Ll}+)?(?:-\p{Lu}\p{Ll}+)?$/u;
