/**
 * Where a paragraph's dateline ends: `MOSCOW —`, `NASHUA, N.H. -`, `WASHINGTON (AP) —`,
 * `LOS ANGELES, Sept. 28 (UPI) —`, `Moscow, SANA-`, `Mexico City (AFP) –`. A copy of a paragraph
 * with or without its dateline is still a copy; the TextMate grammar marks the same shapes.
 */

/**
 * A place of one to four capitalised words, optionally a region or agency after a comma, a date
 * (`Sept. 28`) and an agency in brackets, then a dash. Words may hold dots, apostrophes and inner
 * hyphens; a dash counts with white space on either side, or glued to the next word after a name in
 * capitals (`SANA-Russian Foreign Minister`), never inside a name (`Frank-Walter Steinmeier`).
 */
const DATELINE =
  /^\s*\p{Lu}[\p{L}.'’]*(?:-\p{Lu}[\p{L}.'’]*)*(?:\s+\p{Lu}[\p{L}.'’]*){0,3}(?:,\s*\p{Lu}[\p{L}.'’]*(?:\s+\p{Lu}[\p{L}.'’]*){0,2})?(?:,?\s+\p{Lu}[a-z]{2,4}\.?\s+\d{1,2})?(?:\s*\([\p{L} .]{2,20}\))?(?:\s*[—–-]{1,2}(?:\s+|$)|\s+[—–-]{1,2}|(?<=\p{Lu}{2})[—–-](?=\p{Lu}))\s*/u;

/** Length of the dateline at the start of `text` (with the white space after it), or 0. */
export function datelineLength(text: string): number {
  const match = DATELINE.exec(text);
  return match ? match[0].length : 0;
}
