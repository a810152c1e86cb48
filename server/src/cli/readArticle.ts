import { constants } from 'buffer';
import * as fs from 'fs';
import { looksBinary } from '../core/languageService';

const MAX_STRING_LENGTH = constants.MAX_STRING_LENGTH;

/** A file that cannot be analysed: unreadable, binary, not UTF-8 or too large for a string. The message names the file. */
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
  } catch (error) {
    // Past V8's longest string (about 512 million characters) the decoder fails too, for valid UTF-8.
    if ((error as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG') throw new UnreadableArticle(`${file}: too large to read as one text (${bytes.length.toLocaleString('en')} bytes; the most is ${MAX_STRING_LENGTH.toLocaleString('en')} characters)`);
    throw new UnreadableArticle(`${file}: not valid UTF-8 text`);
  }
  if (looksBinary(text)) throw new UnreadableArticle(`${file}: binary file (control characters), not an article`);
  return text;
}
