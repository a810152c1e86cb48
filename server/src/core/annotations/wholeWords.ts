/**
 * Where a rejection of every occurrence of a text applies: the text's occurrences as a word of its own,
 * shared by learning (each occurrence teaches) and the review's counts (each is a place ruled out).
 */

/** Where `word` occurs in `text` with no letter or digit glued to either side. */
export function wholeWordOccurrences(text: string, word: string): number[] {
  const found: number[] = [];
  if (word === '') return found;
  const glued = /[\p{L}\p{N}]/u;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at > 0 ? text[at - 1] : ' ';
    const after = at + word.length < text.length ? text[at + word.length] : ' ';
    if (!glued.test(before) && !glued.test(after)) found.push(at);
  }
  return found;
}
