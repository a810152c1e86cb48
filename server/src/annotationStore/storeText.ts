import { promises as fs } from 'fs';

/**
 * How a store file's bytes become its text. Store files are UTF-8 JSON (the W3C store), and a file in any
 * other encoding is refused rather than read leniently: Node's lenient decoding turns each byte it cannot
 * read into U+FFFD, so a note another editor saved as Latin-1 (`Café`) would be read as `Caf�`, and the next
 * save would write the replacement character for good. A UTF-8 byte-order mark (Notepad writes one) is no
 * part of the JSON and is left out; the next save writes the file without it.
 */

/** A store file whose bytes are not UTF-8 text. */
export class NotUtf8StoreError extends Error {}

/** The text of a store file's bytes; throws {@link NotUtf8StoreError} when they are not UTF-8. */
export function decodeStoreText(bytes: Uint8Array): string {
  try {
    // `ignoreBOM: false` (the default) drops a leading byte-order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    throw new NotUtf8StoreError(`is not UTF-8 text (byte 0x${bytes[at]?.toString(16).toUpperCase().padStart(2, '0')} at offset ${at}); save it as UTF-8 to use it`);
  }
}

/** Reads a store file as text (see {@link decodeStoreText}); file-system errors are thrown as they are. */
export async function readStoreText(file: string): Promise<string> {
  return decodeStoreText(await fs.readFile(file));
}

/** The offset of the first byte that does not decode as UTF-8 (the length when all do). */
function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Grows a valid prefix by whole characters: a lead byte and its continuation bytes.
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}
