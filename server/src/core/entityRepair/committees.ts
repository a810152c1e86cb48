/**
 * Political action committees (`Ready for Hillary PAC`, `super PAC`): `PAC` names a body after capitalised words and
 * none as a common noun, and the tagger cuts the name before it or reads it as a place. Kept apart from the other
 * bodies' names because US campaign news names them in nearly every article about money.
 */

import { wordCase } from '../headlines';
import type { NameLexicon } from '../nameLexicon';
import type { Sentence, Token } from '../types';
import type { DocumentEvidence } from './evidence';
import { ARTICLE_WORDS, isInitial, type Work } from './work';

/** The acronym of a political action committee as US news writes it, the head noun of the body's name (`Conservative Solutions PAC`). */
const PAC = /^PACs?$/;

/** Lower-case words that join the words of a committee's name (`Keep the Promise PAC`, `Ready for Hillary PAC`). */
const NAME_JOINERS: ReadonlySet<string> = new Set(['the', 'for', 'of', 'and', '&']);

/**
 * Political action committees, which US campaign news names in nearly every article about money (about 170 mentions
 * over PolNeAR train + dev). `PAC` is a common noun as often as a name: `super PAC`, `a PAC`, `PACs` name no body (no
 * entity), `the PAC` does (the short form of the article's one committee, `actors.ts`). A name the tagger cut before
 * `PAC` takes it in (`House Majority` `PAC`), a `PAC` after capitalised words takes them in (`Ready` `PAC`, `Keep the
 * Promise` `PAC`), and a name ending in `PAC` is an organisation (`Our Principles PAC` was read as a place).
 */
export function repairPoliticalActionCommittees(sentences: readonly Sentence[], work: readonly Work[], evidence: DocumentEvidence, lexicon: NameLexicon): void {
  for (const item of work) {
    if (item.dropped) continue;
    const tokens = sentences[item.sentence].tokens;
    // A headline capitalises the common noun (`She’s Challenging A Donor To His Super PAC`): its words say so, not its
    // capitals, so `Super PAC` and `PACs` alone are no body there either (the rest of this pass reads capitals, and
    // leaves headlines alone).
    if (item.headline) {
      if (isCommonNoun(tokens, item)) item.dropped = true;
      continue;
    }
    const next = tokens[item.last];
    // The common noun before a committee's name is no part of it (`super PAC` `Priorities USA Action`), nor a sentence's
    // opening word (`As Purple PAC's Crane said`).
    if (item.last - item.first > 1 && PAC.test(tokens[item.first].text) && tokens[item.first - 1]?.text.toLowerCase() === 'super') item.first++;
    if (item.last - item.first > 1 && isInitial(tokens, item.first) && CLAUSE_OPENING_WORDS.has(tokens[item.first].text) && PAC.test(tokens[item.last - 1].text)) item.first++;
    if (!PAC.test(tokens[item.last - 1].text)) {
      if (!next || !PAC.test(next.text) || next.start !== tokens[item.last - 1].end + 1) continue;
      const own = evidence.mentionAt(item.sentence, item.last);
      if (own && own.last - own.first !== 1) continue;
      if (own) own.dropped = true;
      item.last++;
      // `Ready for` `Hillary` `PAC`: the words before the name the tagger found are the committee's too.
      item.first = committeeNameStart(tokens, item, evidence, lexicon);
      item.type = 'organization';
      continue;
    }
    const words = item.last - item.first;
    const before = tokens[item.first - 1];
    const superPac = words === 2 && tokens[item.first].text.toLowerCase() === 'super';
    if (words === 1 || superPac) {
      // `super PAC`, `PACs`, `a PAC`, `leadership PAC`: the common noun.
      if (superPac || tokens[item.last - 1].text === 'PACs' || (before && before.text.toLowerCase() === 'super') || (before && wordCase(before) === 'lower' && before.text !== 'the')) {
        item.dropped = true;
        continue;
      }
    }
    const start = committeeNameStart(tokens, item, evidence, lexicon);
    // `a Republican PAC`: a kind of committee, not one.
    const determiner = tokens[start - 1]?.text.toLowerCase();
    if (words === 1 && start < item.first && (determiner === 'a' || determiner === 'an')) {
      item.dropped = true;
      continue;
    }
    item.first = start;
    item.type = 'organization';
  }
}

/** `Super PAC`, `PAC` after `super`, or `PACs` alone, whatever their capitals: the common noun, no committee's name. */
function isCommonNoun(tokens: readonly Token[], item: Work): boolean {
  const words = item.last - item.first;
  const last = tokens[item.last - 1].text;
  if (!PAC.test(last)) return false;
  if (words === 2) return tokens[item.first].text.toLowerCase() === 'super';
  return words === 1 && (last === 'PACs' || tokens[item.first - 1]?.text.toLowerCase() === 'super');
}

/**
 * Where the name of a committee ending at `item` begins: the capitalised words before it and the lower-case words
 * joining them (`Keep the Promise PAC`), not an article, another mention, nor a sentence's first word capitalised by its
 * position alone (`As Purple PAC's Crane said`).
 */
function committeeNameStart(tokens: readonly Token[], item: Work, evidence: DocumentEvidence, lexicon: NameLexicon): number {
  const capitalised = (token: Token) => wordCase(token) === 'capitalised' && !ARTICLE_WORDS.has(token.text);
  let start = item.first;
  for (let i = item.first - 1; i >= 0; i--) {
    const token = tokens[i];
    if (evidence.mentionAt(item.sentence, i) || CLAUSE_OPENING_WORDS.has(token.text)) break;
    if (isInitial(tokens, i) && evidence.capitalisedByPosition(token.text, lexicon, false, false)) break;
    if (capitalised(token)) start = i;
    else if (!(NAME_JOINERS.has(token.text) && i > 0 && capitalised(tokens[i - 1]))) break;
  }
  return start;
}

/** Words that open a sentence or a clause and never a committee's name (`As Purple PAC's Crane said`). */
const CLAUSE_OPENING_WORDS: ReadonlySet<string> = new Set(['As', 'But', 'And', 'Or', 'When', 'While', 'If', 'Since', 'After', 'Before', 'Because', 'Although', 'Though', 'So', 'Yet', 'Then']);
