/**
 * Names the article itself describes as a body: `Tinder, the mobile dating application,`, `Teck, the Canadian mining
 * company,`, `the tech news site Pando`. The tagger, trained on 1996 newswire, reads a new company's one-word name as a
 * place or a person; the article's own description of it settles its type for every mention.
 */

import type { NameLexicon } from '../nameLexicon';
import type { Sentence, Token } from '../types';
import { keyOf, type Work } from './work';

/**
 * Nouns that describe a body, not a place or a person, when they head a description of a name (an apposition after
 * it or a noun right before it). Not `group` (an ethnic group is people), nor `school` (`a high school senior`).
 */
const BODY_NOUNS: ReadonlySet<string> = new Set([
  'company', 'firm', 'website', 'site', 'app', 'application', 'startup', 'start-up', 'retailer', 'pollster', 'newspaper',
  'magazine', 'publication', 'tabloid', 'network', 'broadcaster', 'publisher', 'maker', 'manufacturer', 'brand', 'chain',
  'insurer', 'airline', 'bank', 'nonprofit', 'charity', 'organization', 'organisation', 'agency', 'service', 'platform',
  'conglomerate', 'giant', 'outlet', 'corporation', 'studio',
]);

/** Articles that open an apposition (`, the …`, `, a …`). */
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the']);

/**
 * What may follow the head noun of an apposition that describes the name: the apposition's end, or a clause about the
 * noun (`the firm the party has hired`, `a group that favors`), never `of` (`the site of the debate` is a place).
 */
const AFTER_HEAD: ReadonlySet<string> = new Set([',', '.', ';', ':', ')', '—', '–', 'that', 'which', 'who', 'whose', 'it', 'the', 'based', 'founded', 'owned', 'run', 'with', 'in']);

/** How many words an apposition may hold between its article and its head noun (`the Canadian mining company`). */
const MAX_MODIFIERS = 4;

/**
 * Every mention of a name the article describes as a body becomes an organisation, where the tagger read it as a
 * place, or as a one-word person that is no word of a person's longer name in the article. The description: an
 * apposition right after a mention, whose head noun is a body noun ({@link BODY_NOUNS}) and ends it or starts a clause
 * about it (`Crowdpac, a political crowdfunding website,`), or a body noun after an article right before the mention
 * (`the retailer Amazon`, `the fact-checking site Politifact`). A name the lists know as a place stays one (`Milwaukee,
 * the site of the debate`; `a network Russia has financed`).
 */
export function namesDescribedAsBodies(sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon): void {
  const described = new Set<string>();
  for (const item of work) {
    if (item.dropped || item.headline || (item.type !== 'location' && item.type !== 'person')) continue;
    const tokens = sentences[item.sentence].tokens;
    if (appositionNamesBody(tokens, item.last) || nounBeforeNamesBody(tokens, item.first)) described.add(keyOf(sentences, item));
  }
  if (described.size === 0) return;
  const personWords = new Set<string>();
  for (const item of work) {
    if (item.dropped || item.type !== 'person' || item.last - item.first < 2) continue;
    const tokens = sentences[item.sentence].tokens;
    for (let i = item.first; i < item.last; i++) personWords.add(tokens[i].text.toLowerCase());
  }
  for (const name of [...described]) {
    if ((lexicon.isListedName(name) && !lexicon.isListedOrganisation(name)) || lexicon.isStateName(name) || personWords.has(name)) described.delete(name);
  }
  for (const item of work) {
    if (item.dropped || (item.type !== 'location' && !(item.type === 'person' && item.last - item.first === 1))) continue;
    if (described.has(keyOf(sentences, item))) item.type = 'organization';
  }
}

/** `, a|an|the` words `NOUN` then the apposition's end or a clause, from token `at` on (see {@link namesDescribedAsBodies}). */
function appositionNamesBody(tokens: readonly Token[], at: number): boolean {
  if (tokens[at]?.text !== ',' || !DETERMINERS.has(tokens[at + 1]?.text.toLowerCase() ?? '')) return false;
  for (let i = at + 2; i < tokens.length && i <= at + 2 + MAX_MODIFIERS; i++) {
    const word = tokens[i].text;
    if (!/^[\p{L}\d]/u.test(word)) return false;
    if (BODY_NOUNS.has(word.toLowerCase())) return AFTER_HEAD.has(tokens[i + 1]?.text.toLowerCase() ?? '.');
  }
  return false;
}

/** A body noun right before token `at`, after an article and lower-case words only (`the tech news site` Pando). */
function nounBeforeNamesBody(tokens: readonly Token[], at: number): boolean {
  if (at < 2 || !BODY_NOUNS.has(tokens[at - 1].text)) return false;
  for (let i = at - 2; i >= 0 && i >= at - 2 - MAX_MODIFIERS; i--) {
    const word = tokens[i].text;
    if (DETERMINERS.has(word.toLowerCase())) return true;
    if (!/^[\p{Ll}\d]/u.test(word)) return false;
  }
  return false;
}
