/**
 * An article's text as an editor shows it. VS Code, like most editors, reads a UTF-8 byte-order mark as
 * the file's encoding and leaves it out of the document, so every offset the server hands the editor
 * counts from the first character after it. A closed article read from disk with the mark kept was one
 * character ahead on its first line: a rename there replaced `Sergei Lavrov` one character late
 * (`SSergei Lavrovahas`). Every place that reads an article file for the editor's offsets (the index,
 * closed articles' texts, the watcher) goes through this; the CLI's decoder drops the mark too.
 */
export function articleTextOf(decoded: string): string {
  return decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
}
