/**
 * Offsets counted on the article with its line breaks written the other way. A standoff file made where the
 * article had LF line breaks counts one character per break; the same article checked out with CRLF (git's
 * `autocrlf` on Windows) has two, and every offset after the first line lands short by one per line — and
 * the other way round. The text without those offsets is the same, so an importer can read the file's
 * offsets in the article as it was counted, and place them in the article as it is.
 */

/** The article as another tool may have counted it, and the way back to offsets of the article itself. */
export interface LineBreakVariant {
  /** The article with each CRLF written LF, or each LF written CRLF. */
  readonly text: string;
  /** How the variant counts a line break, for a message: `LF` or `CRLF`. */
  readonly counting: 'LF' | 'CRLF';
  /** The UTF-16 offset in the article of a UTF-16 offset in the variant (inside a CRLF: before it). */
  toArticle(offset: number): number;
}

/**
 * The article with its line breaks written the other way: LF where it has CRLF (it has at least one), CRLF
 * where it has only LF; `undefined` for an article without line breaks or with a mix of bare CR.
 */
export function lineBreakVariant(article: string): LineBreakVariant | undefined {
  const hasCrlf = article.includes('\r\n');
  if (!hasCrlf && (article.includes('\r') || !article.includes('\n'))) return undefined;
  // Offsets in the variant where one character of the article starts, in order: variant offset → article offset.
  const toArticle = new Int32Array(article.length * 2 + 1);
  let variant = '';
  let at = 0;
  let pieces: string[] = [];
  for (let i = 0; i < article.length; i++) {
    const c = article[i];
    if (hasCrlf && c === '\r' && article[i + 1] === '\n') {
      // CRLF → LF: the variant's LF stands for both characters.
      toArticle[at++] = i;
      pieces.push('\n');
      i++;
    } else if (!hasCrlf && c === '\n') {
      // LF → CRLF: the variant's CR and LF both stand for the LF.
      toArticle[at++] = i;
      toArticle[at++] = i;
      pieces.push('\r\n');
    } else {
      toArticle[at++] = i;
      pieces.push(c);
    }
    if (pieces.length >= 4096) {
      variant += pieces.join('');
      pieces = [];
    }
  }
  variant += pieces.join('');
  toArticle[at] = article.length;
  return { text: variant, counting: hasCrlf ? 'LF' : 'CRLF', toArticle: (offset) => toArticle[Math.max(0, Math.min(offset, at))] };
}
