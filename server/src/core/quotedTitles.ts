import { firstOverlapping, rangeContaining } from './search';
import type { EntityMention, OffsetRange, Quote } from './types';

/**
 * Names that are the titles of works, not actors. News style sets the titles of shows, songs, books
 * and films in quotation marks (`on “Fox & Friends,”`, `she sang “American Skin”`), and the tagger,
 * which reads the words and not the marks, takes a title-case title for an organisation or a person.
 * A mention is such a title when it is the whole of a quotation without a speaker (a scare quote:
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
    const mention = firstOverlapping(entities, words);
    if (!mention || mention.end !== words.end || (mention.start !== words.start && mention.start !== words.afterArticle)) continue;
    if ((mention.type !== 'person' && mention.type !== 'organization') || mention.confirmed) continue;
    if (!namedOutsideQuotes(text, mention.text, quotes)) titles.add(mention.start);
  }
  return titles;
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
