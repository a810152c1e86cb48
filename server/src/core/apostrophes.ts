/**
 * `Ja’afari` → `Ja'afari`: curly apostrophes (and the opening quotation mark typed for one) as the straight one, so a
 * name is the same name however the article's typesetting wrote it. Allocates only when there is something to fold
 * (asked of every word the tagger's lists look up).
 */
export function foldApostrophes(s: string): string {
  return s.indexOf('’') < 0 && s.indexOf('‘') < 0 ? s : s.replace(/[’‘]/g, "'");
}
