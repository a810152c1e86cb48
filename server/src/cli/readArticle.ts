import * as fs from 'fs';
import { looksBinary } from '../core/languageService';

/** A file that cannot be analysed: unreadable, binary or not UTF-8. The message names the file. */
export class UnreadableArticle extends Error {}

/** Reads a file as UTF-8 text, refusing binary files, UTF-16 and invalid UTF-8 with a clear message. */
export function readArticle(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableArticle(`${file}: cannot read file${code ? ` (${code})` : ''}`);
  }
  // Text saved as UTF-16 (Windows' "Unicode") is full of NUL bytes: name the encoding rather than call it binary.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new UnreadableArticle(`${file}: UTF-16 text (it starts with a UTF-16 byte-order mark); only UTF-8 is read: convert it, e.g. iconv -f UTF-16 -t UTF-8`);
  }
  if (bytes.includes(0)) throw new UnreadableArticle(`${file}: binary file (contains NUL bytes), not an article`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableArticle(`${file}: not valid UTF-8 text`);
  }
  if (looksBinary(text)) throw new UnreadableArticle(`${file}: binary file (control characters), not an article`);
  return text;
}
