/**
 * Calls `found(at, next)` for every line break in `[from, to)`, in order: `at` is where the break
 * starts, `next` where the next line starts (`\n`, `\r\n` and a lone `\r` end a line, as in LSP).
 * The scanning is done by the string's own `indexOf`, which on a file of megabytes is an order of
 * magnitude faster than reading it one character at a time; each kind of break is searched for
 * again only once passed, so the whole scan stays linear.
 */
export function eachLineBreak(text: string, from: number, to: number, found: (at: number, next: number) => void): void {
  let lf = text.indexOf('\n', from);
  let cr = text.indexOf('\r', from);
  for (;;) {
    if (lf < 0 || lf >= to) lf = -1;
    if (cr < 0 || cr >= to) cr = -1;
    if (lf < 0 && cr < 0) return;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      const next = text.charCodeAt(cr + 1) === 10 && cr + 1 < to ? cr + 2 : cr + 1;
      found(cr, next);
      cr = text.indexOf('\r', next);
      if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
    } else {
      found(lf, lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
}

/**
 * True when `text` has more than `max` line breaks (`\n`, `\r\n` or a lone `\r`), counted only as far as
 * needed: a text with no more characters than `max` has no more breaks, and counting stops past `max`.
 */
export function hasMoreLineBreaks(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) if (++count > max) return true;
  // A lone `\r` (an old Mac file): most texts have none, and one search says so.
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 10 && ++count > max) return true;
  return false;
}
