/**
 * Names that are no actor though the tagger typed them as one: CoNLL's miscellaneous names. A law, a document or an era
 * read as an organisation (`Freedom of Information Act`, `Constitution`, `Great Recession`), and a person or an
 * organisation that ends a longer title-case name the tagger cut (`State of the` `Union`, `Star of` `David`), a
 * virus or a disease (`Zika virus`), and the short forms of a law (`Glass-Steagall`, `ACA`). Also a description of a
 * person read as an organisation (`Patrick J. Leahy, Democrat of Vermont,`).
 */

import { initialsOf } from '../aliases';
import { wordCase } from '../headlines';
import type { NameLexicon } from '../nameLexicon';
import type { Sentence, Token } from '../types';
import type { DocumentEvidence } from './evidence';
import { LINK_WORDS, isInitial, keyOf, nameKey, type RepairResources, type Work } from './work';

/**
 * Whether an organisation's name ends in the head noun of a law, a document or an era (`name-heads.tsv`, `document`),
 * and is not a body's name that goes on with what it deals with (`Committee on the Constitution`: a body's head noun
 * before the link). Events are left alone: `convention` ends bodies' names too (`National Baptist Convention`).
 */
export function namesDocument(tokens: readonly Token[], item: Work, lexicon: NameLexicon): boolean {
  const head = tokens[item.last - 1].text;
  // An acronym is no head noun (`ACT`, the testing body); a name the lists know as an organisation is one.
  if (lexicon.headOf(head)?.document !== true || head === head.toUpperCase() || lexicon.isListedOrganisation(item.original.text)) return false;
  for (let i = item.first + 1; i < item.last - 1; i++) {
    if (LINK_WORDS.has(tokens[i].text) && lexicon.headOf(tokens[i - 1].text)?.kind === 'organization') return false;
  }
  return true;
}

/** A member of a party, as the New York Times writes one after a name (`Patrick J. Leahy, Democrat of Vermont,`). */
const PARTY_MEMBERS: ReadonlySet<string> = new Set(['Democrat', 'Republican', 'Independent', 'Libertarian']);

/**
 * Where an organisation's name is a party member of a place (`Democrat of Vermont`, `Republican of Iowa`), the place:
 * the tokens `[from, last)` of the place, a listed one; undefined for any other name. The member is a description of
 * the person named before it, no body, and the place stays a place. `Republican Party of Wyoming`, `Democrats of
 * Vermont` (a body, in the plural) and `the GOP of Texas` (the state party) name bodies.
 */
export function partyMemberPlace(tokens: readonly Token[], item: Work, lexicon: NameLexicon): number | undefined {
  if (item.last - item.first < 3 || tokens[item.first + 1].text !== 'of' || !PARTY_MEMBERS.has(tokens[item.first].text)) return undefined;
  const place = tokens.slice(item.first + 2, item.last).map((t) => t.text).join(' ');
  return lexicon.isListedPlace(place) ? item.first + 2 : undefined;
}

/**
 * Where an organisation's or a place's name is a party member's word before a person's name (`over Republican Trump`,
 * `Democrat Zephyr Teachout`), the person's first token: the name after the word ends in a surname of the article's
 * people ({@link DocumentEvidence.surnames}) and is written in capitals. The member word describes the person, as a
 * title does; `Republican National Committee`, `Democrat Party` end in no one's surname.
 */
export function partyMemberBeforePerson(tokens: readonly Token[], item: Work, evidence: DocumentEvidence): number | undefined {
  if (item.last - item.first < 2 || !PARTY_MEMBERS.has(tokens[item.first].text) || !evidence.surnames.has(tokens[item.last - 1].text)) return undefined;
  for (let i = item.first + 1; i < item.last; i++) if (wordCase(tokens[i]) !== 'capitalised') return undefined;
  return item.first + 1;
}

/**
 * A person or an organisation that ends a longer title-case name the tagger cut (`State of the` `Union`, `Star of`
 * `David`, `Day of the` `Donald`): the name is a title, a show or an event, CoNLL's miscellaneous, and what it ends
 * names no actor. Read where an ordinary word is capitalised before `of` or `of the` in the body (in a title-case line
 * every word is) and not at the start of a sentence, nor a role (`Speaker of the House`), a group (`Supporters of
 * Hillary Clinton`) or a head noun that begins a body's or a place's name (`University of`, `District of`). Places are
 * left alone: `Horn of Africa` is still somewhere.
 */
export function dropNamesEndingTitles(sentences: readonly Sentence[], work: readonly Work[], evidence: DocumentEvidence, resources: RepairResources): void {
  const lexicon = resources.nameLexicon;
  for (const item of work) {
    if (item.dropped || item.headline || (item.type !== 'person' && item.type !== 'organization')) continue;
    const tokens = sentences[item.sentence].tokens;
    let of = item.first - 1;
    if (tokens[of]?.text === 'the') of--;
    if (of < 2 || tokens[of].text !== 'of') continue;
    const word = tokens[of - 1];
    if (word.end + 1 !== tokens[of].start || wordCase(word) !== 'capitalised') continue;
    // At the start of a sentence or a quotation the capital says nothing (`“Because of Bernie Sanders`), unless the
    // quotation is the name itself, closing right after it (`CNN’s “State of the Union,”`).
    if (isInitial(tokens, of - 1) && !(QUOTE_OPENERS.has(tokens[of - 2]?.text) && closesQuote(tokens, item.last))) continue;
    // A plural heads a group of people or things, or a body (`Fans of Bradley Cooper`, `Generals of the USFL`, `Friends of
    // the Earth Action`).
    if (/[^s]s$/.test(word.text)) continue;
    if (!lexicon.isOrdinaryWord(word.text) || lexicon.isGroupNoun(word.text) || resources.vocabulary.isRoleWord(word.text) || resources.vocabulary.isHonorific(word.text)) continue;
    const head = lexicon.headOf(word.text);
    if ((head && head.kind !== 'event') || evidence.mentionAt(item.sentence, of - 1)) continue;
    item.dropped = true;
  }
}

/** The quotation marks that open a title (`“State of the Union”`). */
const QUOTE_OPENERS: ReadonlySet<string> = new Set(['“', '‘', '"', "'", "''", '``']);

/** True when a quotation closes at `index`, after a comma or a full stop maybe (`Union,”`). */
function closesQuote(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index]?.text === ',' || tokens[index]?.text === '.' ? tokens[index + 1] : tokens[index];
  return next !== undefined && (next.text === '”' || next.text === '’' || next.text === '"' || next.text === "'" || next.text === "''");
}

/** Nouns a disease's or a virus's name stands before (`Zika virus`, `Lyme disease`). */
const DISEASE_NOUNS: ReadonlySet<string> = new Set(['virus', 'disease']);

/**
 * A name the article writes right before `virus` or `disease` names that virus or disease (`Zika virus`, `West Nile
 * virus`): CoNLL's miscellaneous, no actor, at any of its mentions (`Zika funding`, `fight Zika`), where the tagger
 * read it as a place. A name the lists know stays (`China` of a `China virus` is the country elsewhere).
 */
export function dropDiseaseNames(sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon): void {
  const diseases = new Set<string>();
  for (const item of work) {
    if (item.dropped) continue;
    const next = sentences[item.sentence].tokens[item.last];
    if (next && DISEASE_NOUNS.has(next.text.toLowerCase())) {
      const name = keyOf(sentences, item);
      if (!lexicon.isListedName(name) && !lexicon.isStateName(name)) diseases.add(name);
    }
  }
  if (diseases.size === 0) return;
  for (const item of work) if (!item.dropped && diseases.has(keyOf(sentences, item))) item.dropped = true;
}

/**
 * The short forms of a law or a document the article names in full are that law too, where the tagger read them as
 * organisations or places: the name without its head noun (`Glass-Steagall` of the `Glass-Steagall Act`, `Dodd-Frank`)
 * and its initials as an acronym (`ACA` of the `Affordable Care Act`). CoNLL's miscellaneous, no actor. The full names
 * are read from the text, as the tagger leaves most of them out (miscellaneous): capitalised words, with `of`, `the`,
 * `and`, `for` or `on` between them, before a document's head noun (`name-heads.tsv` `document`: `Act`, `Agreement`).
 * A name the lists know stays.
 */
export function dropShortFormsOfDocuments(text: string, sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon): void {
  const shortForms = new Set<string>();
  for (const { tokens } of sentences) {
    for (let head = 1; head < tokens.length; head++) {
      const word = tokens[head].text;
      if (wordCase(tokens[head]) !== 'capitalised' || !lexicon.isDocumentHead(word)) continue;
      let first = head;
      const stop = Math.max(0, head - MAX_DOCUMENT_NAME_WORDS);
      while (first > stop && (wordCase(tokens[first - 1]) === 'capitalised' || (DOCUMENT_NAME_LINKS.has(tokens[first - 1].text) && first - 1 > stop && wordCase(tokens[first - 2]) === 'capitalised'))) first--;
      // A sentence's first word is capitalised by its place (`The`, `Under`): no part of the name.
      if (first === 0 && head - first >= 2 && lexicon.isOrdinaryWord(tokens[0].text)) first = 1;
      if (head - first < 1) continue;
      shortForms.add(nameKey(tokens, first, head));
      const initials = initialsOf(text.slice(tokens[first].start, tokens[head].end));
      if (initials.length >= 3) shortForms.add(initials.toLowerCase());
    }
  }
  if (shortForms.size === 0) return;
  for (const item of work) {
    if (item.dropped || (item.type !== 'organization' && item.type !== 'location')) continue;
    const key = keyOf(sentences, item);
    if (shortForms.has(key) && !lexicon.isListedName(key)) item.dropped = true;
  }
}

/**
 * How far back from its head noun a law's name is read: longer than any law's name (`Justice for Victims of Trafficking
 * Act`), and a bound on the walk, which would be quadratic in a title-case line of `Act`s.
 */
const MAX_DOCUMENT_NAME_WORDS = 12;

/** Lower-case words inside the name of a law (`Freedom of Information Act`). */
const DOCUMENT_NAME_LINKS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for', 'on']);
