/**
 * Names the article itself describes: `Tinder, the mobile dating application,`, `Teck, the Canadian mining company,`,
 * `the tech news site Pando` are bodies; `Khorasan, a historical region,` is a place. The tagger, trained on 1996
 * newswire, reads a new company's one-word name as a place or a person; the article's own description of it settles
 * its type for every mention.
 */

import type { NameLexicon } from '../nameLexicon';
import type { Sentence, Token } from '../types';
import type { Vocabulary } from '../vocabulary';
import { isTitled } from './person';
import { ARTICLES } from '../roles';
import { appositionWords, keyOf, namesPlaceFeature, wordsOfPeopleNamedInFull, type Work } from './work';

/**
 * Nouns that describe a body when they head a description of a name (an apposition after it or a noun right before
 * it), written in lower case. Not `group` (an ethnic group is people), `school` (`a high school senior`), nor `pollster`
 * or `publisher`, which describe people as often (`Mr. Mellman, the Democratic pollster`).
 */
const BODY_NOUNS: ReadonlySet<string> = new Set([
  'company', 'firm', 'website', 'site', 'app', 'application', 'startup', 'start-up', 'retailer', 'newspaper',
  'magazine', 'publication', 'tabloid', 'network', 'broadcaster', 'maker', 'manufacturer', 'brand', 'chain',
  'insurer', 'airline', 'bank', 'nonprofit', 'charity', 'organization', 'organisation', 'agency', 'service', 'platform',
  'conglomerate', 'giant', 'outlet', 'corporation', 'studio',
]);

/** Nouns that describe a place when they head an apposition after its name (`Khorasan, a historical region,`). */
const PLACE_NOUNS: ReadonlySet<string> = new Set([
  'city', 'town', 'village', 'hamlet', 'suburb', 'region', 'province', 'county', 'district', 'neighborhood',
  'neighbourhood', 'island', 'country', 'state', 'territory', 'enclave', 'port', 'capital',
]);

/**
 * What may follow the head noun of an apposition: the apposition's end, or a clause about the noun (`the firm the party
 * has hired`, `a group that favors`), never `of` (`the site of the debate` is a place).
 */
const AFTER_HEAD: ReadonlySet<string> = new Set([',', '.', ';', ':', ')', '—', '–', 'that', 'which', 'who', 'whose', 'it', 'the', 'based', 'founded', 'owned', 'run', 'with', 'in']);

/** How many words may stand between an article and a body noun before a name (`the tech news site` Pando). */
const MAX_MODIFIERS = 4;

/**
 * Every mention of a name the article describes as a body becomes an organisation, where the tagger read it as a
 * place, or as a one-word person that is no word of a person's longer name in the article and never has a title or
 * honorific before it (`Mr. Sulzberger, the publisher`). The description: an apposition right after a mention whose
 * head noun is a body noun ({@link BODY_NOUNS}; see {@link appositionHead}) (`Crowdpac, a political crowdfunding
 * website,`), or a body noun after an article right before the mention (`the retailer Amazon`, `the fact-checking site
 * Politifact`). A name the article places (`Middlebury, Vt.`: `placeNames`) or the lists know as a place stays one (`a
 * network Russia has financed`), and so does a mention before a natural feature's noun (`the Amazon rainforest`).
 * Returns the keys ({@link keyOf}) of the names it found described as bodies (the vote of `oneTypePerName.ts` reads them).
 */
export function namesDescribedAsBodies(sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon, vocabulary: Vocabulary, placeNames: ReadonlySet<string>): ReadonlySet<string> {
  const described = new Set<string>();
  for (const item of work) {
    if (item.dropped || item.headline || (item.type !== 'location' && item.type !== 'person')) continue;
    const tokens = sentences[item.sentence].tokens;
    if (describedAsBody(tokens, item)) described.add(keyOf(sentences, item));
  }
  if (described.size === 0) return described;
  const personWords = wordsOfPeopleNamedInFull(sentences, work);
  for (const item of work) {
    if (item.dropped || item.last - item.first !== 1) continue;
    const tokens = sentences[item.sentence].tokens;
    const word = tokens[item.first].text;
    if (placeNames.has(word) || personWords.has(word) || (item.type === 'person' && isTitled(tokens, item.first, vocabulary))) described.delete(keyOf(sentences, item));
  }
  for (const name of [...described]) {
    if (lexicon.isListedPlace(name) || lexicon.isStateName(name)) described.delete(name);
  }
  for (const item of work) {
    if (item.dropped || (item.type !== 'location' && !(item.type === 'person' && item.last - item.first === 1))) continue;
    if (described.has(keyOf(sentences, item)) && !namesPlaceFeature(sentences[item.sentence].tokens, item.last)) item.type = 'organization';
  }
  return described;
}

/**
 * True when the sentence describes the mention as a body: an apposition after it headed by a body noun (`Crowdpac, a
 * political crowdfunding website,`) or a body noun after an article right before it (`the retailer Amazon`, `the law
 * firm Paul Weiss Rifkind`).
 */
export function describedAsBody(tokens: readonly Token[], item: Pick<Work, 'first' | 'last'>): boolean {
  return BODY_NOUNS.has(appositionHead(tokens, item.last) ?? '') || nounBeforeNamesBody(tokens, item.first, item.last);
}

/**
 * The keys ({@link keyOf}) of the names the article describes as places by an apposition (`Khorasan, a historical
 * region,`): no body's short form, whatever body is named after them (`Khorasan Group`).
 */
export function namesDescribedAsPlaces(sentences: readonly Sentence[], work: readonly Work[]): Set<string> {
  const places = new Set<string>();
  for (const item of work) {
    if (!item.dropped && PLACE_NOUNS.has(appositionHead(sentences[item.sentence].tokens, item.last) ?? '')) places.add(keyOf(sentences, item));
  }
  return places;
}

/**
 * The head noun of an apposition that opens at token `at` ({@link appositionWords}), in lower case: its first body or
 * place noun, written in lower case (a capitalised one is another name's: `the Sustainable Development Solutions
 * Network`) and followed by the apposition's end or a clause about it ({@link AFTER_HEAD}). Undefined when there is none.
 */
function appositionHead(tokens: readonly Token[], at: number): string | undefined {
  const words = appositionWords(tokens, at);
  if (!words) return undefined;
  for (let i = words.from; i < words.to; i++) {
    const word = tokens[i].text;
    if (BODY_NOUNS.has(word) || PLACE_NOUNS.has(word)) return AFTER_HEAD.has(tokens[i + 1]?.text.toLowerCase() ?? '.') ? word : undefined;
  }
  return undefined;
}

/** Participles that name what the noun before them is called (`a company called Cambridge Analytica`). */
const NAMING_PARTICIPLES: ReadonlySet<string> = new Set(['called', 'named', 'dubbed']);

/**
 * A body noun right before token `at` (the name's first; `end` is past its last), after an article and lower-case
 * words only (`the tech news site` Pando); or after `a` / `an` and before a participle that names the name ending a
 * phrase (`a company called` Cambridge Analytica`,`, `a firm known as` …). After `the` the participle is as often the
 * verb (`The newspaper named Trump its person of the year`), and so it is before more words (`a network called Kasich
 * a moderate`).
 */
function nounBeforeNamesBody(tokens: readonly Token[], at: number, end: number): boolean {
  // The words between the noun and the name: a naming participle (`called`), `known as`, or none.
  const naming = at >= 3 && NAMING_PARTICIPLES.has(tokens[at - 1].text) ? 1 : at >= 4 && tokens[at - 1].text === 'as' && tokens[at - 2].text === 'known' ? 2 : 0;
  const named = naming > 0;
  if (named && !NAME_ENDS.has(tokens[end]?.text ?? '.')) return false;
  at -= naming;
  if (at < 2 || !BODY_NOUNS.has(tokens[at - 1].text)) return false;
  for (let i = at - 2; i >= 0 && i >= at - 2 - MAX_MODIFIERS; i--) {
    const word = tokens[i].text;
    if (ARTICLES.has(word.toLowerCase())) return !named || word.toLowerCase() !== 'the';
    if (!/^[\p{Ll}\d]/u.test(word)) return false;
  }
  return false;
}

/** What may follow a name a participle introduces (`a company called Cambridge Analytica, which …`). */
const NAME_ENDS: ReadonlySet<string> = new Set([',', '.', ';', ':', ')', '—', '–', 'which', 'that', 'who']);
