/**
 * Words that follow a body's own name in its full name and add nothing to it (`Fox News`, `Apple Inc.`,
 * `Quinnipiac University`, `Centerview Partners`, `Valeant Pharmaceuticals International`): the first word alone
 * names the same body. Read by the entity repair (a short form the tagger took for a place is the body) and by the
 * actor grouping (the short form joins the full name). Lower case, as `normalizeName` writes words.
 */
export const GENERIC_BODY_WORDS: ReadonlySet<string> = new Set([
  'news', 'inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'company', 'university', 'college', 'department',
  // Company designators.
  'llc', 'l.l.c.', 'llp', 'lp', 'l.p.', 'ltd', 'ltd.', 'plc', 'gmbh', 'group', 'holdings', 'partners', 'international',
  'pharmaceutical', 'pharmaceuticals', 'technologies',
]);

/** True when every word after a name's first is a {@link GENERIC_BODY_WORDS} word (`Valeant Pharmaceuticals International`); words in lower case. */
export function namesBodyByFirstWord(words: readonly string[]): boolean {
  return words.length >= 2 && words.slice(1).every((w) => GENERIC_BODY_WORDS.has(w));
}
