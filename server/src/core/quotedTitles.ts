import { firstOverlapping, lowerBound, rangeContaining } from './search';
import type { EntityMention, OffsetRange, Quote } from './types';

/**
 * Names that are the titles of works, not actors. News style sets the titles of shows, songs, books
 * and films in quotation marks (`on “Fox & Friends,”`, `she sang “American Skin”`), and the tagger,
 * which reads the words and not the marks, takes a title-case title for an organisation or a person.
 * A mention is such a title when it is the whole of a quotation without a speaker, or one of the names joined by `and`,
 * `&` or `of` that make up the whole (`“Thelma and Louise”`) (a scare quote:
 * `quotes/index.ts` gives short and title-case quotations no speaker unless one is attributed), a
 * leading `The` and the punctuation the style puts inside the marks aside, and the article never writes
 * the name outside quotation marks: an organisation or a person that is an actor of the article is
 * named plainly somewhere (`“Hamas”` beside Hamas). The mention stays an entity, coloured as the
 * tagger said; only the actor lists leave it out. A mention a person labelled or accepted is kept.
 *
 * Returns the start offsets of those mentions. `entities` and `quotes` are sorted by start.
 */
export function quotedTitleStarts(text: string, entities: readonly EntityMention[], quotes: readonly Quote[]): Set<number> {
  const titles = new Set<number>();
  for (const quote of quotes) {
    if (quote.kind !== 'scare') continue;
    const words = titleWords(text, quote);
    if (!words) continue;
    const mentions = mentionsMakingTitle(text, entities, words);
    if (!mentions) continue;
    if (mentions.some((m) => (m.type !== 'person' && m.type !== 'organization') || m.confirmed)) continue;
    for (const mention of mentions) if (!namedOutsideQuotes(text, mention.text, quotes)) titles.add(mention.start);
  }
  return titles;
}

/**
 * What may join the names a title is made of: one `and`, `&`, `of` or `of the` (`“Thelma and Louise”`, `“Law & Order”`,
 * `“Lord of the Rings”`). Not a comma, `or` or `vs.`: `“Bernie, Bernie”` is a chant of a name and `“Trump or Cruz”` a
 * choice between two people, and dropping those mentions would drop actors the article may name nowhere else.
 */
const TITLE_JOINERS = /^\s*(?:and|&|of(?:\s+the)?)\s*$/i;

/**
 * The mentions that make up the title's words: one from its start (or after its `The`) to its end, or several joined
 * by {@link TITLE_JOINERS} only (`“Thelma and Louise”`: both names are the film's); undefined otherwise.
 */
function mentionsMakingTitle(text: string, entities: readonly EntityMention[], words: OffsetRange & { afterArticle: number }): EntityMention[] | undefined {
  const first = firstOverlapping(entities, words);
  if (!first || (first.start !== words.start && first.start !== words.afterArticle)) return undefined;
  const mentions = [first];
  let at = lowerBound(entities.length, (i) => entities[i].start >= first.start);
  while (mentions[mentions.length - 1].end < words.end) {
    const next = entities[++at];
    if (!next || next.end > words.end || !TITLE_JOINERS.test(text.slice(mentions[mentions.length - 1].end, next.start))) return undefined;
    mentions.push(next);
  }
  return mentions[mentions.length - 1].end === words.end ? mentions : undefined;
}

/** Trailing characters news style puts inside the closing mark (`“Fox & Friends,”`). */
const INSIDE_PUNCTUATION = /[\s.,;:!?]/;

/**
 * The words of a quotation without surrounding space and trailing punctuation; `afterArticle` is
 * where they start without a leading `The ` (`“The Revenant.”` names the film `Revenant` too).
 */
function titleWords(text: string, quote: Quote): (OffsetRange & { afterArticle: number }) | undefined {
  let start = quote.contentStart;
  let end = quote.contentEnd;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && INSIDE_PUNCTUATION.test(text[end - 1])) end--;
  if (end <= start) return undefined;
  const afterArticle = text.startsWith('The ', start) ? start + 4 : start;
  return { start, end, afterArticle };
}

/** True when `name` occurs in the text outside every quotation (as a whole word). */
function namedOutsideQuotes(text: string, name: string, quotes: readonly Quote[]): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (isWordChar(text.charCodeAt(at - 1)) || isWordChar(text.charCodeAt(at + name.length))) continue;
    if (!rangeContaining(quotes, at)) return true;
  }
  return false;
}

/** Letters and digits (a NaN code, outside the text, is none). */
function isWordChar(code: number): boolean {
  return code === code && /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}
