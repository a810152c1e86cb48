/**
 * Undoes the two kinds of encoding damage scrapers leave in text, so that a copy damaged that way
 * compares equal to a clean one: HTML entities (`&amp;`, `&#8217;`, `&rsquo;`) and mojibake, UTF-8
 * bytes read as Windows-1252 (`â€™` for `’`, `Ã©` for `é`).
 *
 * Entities are decoded by the `entities` package (the decoder of htmlparser2 and cheerio: the whole
 * HTML5 named-entity table, numeric references, legacy forms without `;`). Mojibake is undone here:
 * Node's own `TextDecoder` reads the bytes as UTF-8, and the only table needed is the 27 characters
 * Windows-1252 puts at bytes 0x80–0x9F (the WHATWG encoding standard's index), too small a job for
 * a dependency (ftfy, which does this well, is Python; the npm ports are unmaintained).
 */
import { decodeHTML } from 'entities';

/** What one repair changed, for naming the difference in a diagnostic. */
export interface RepairSample {
  /** The damaged characters as they are in the text (`â€™`, `&#8217;`). */
  readonly damaged: string;
  /** What they stand for (`’`). */
  readonly repaired: string;
}

/** The repaired text, and the first repair made (undefined when the text needed none). */
export interface RepairResult {
  readonly text: string;
  readonly sample?: RepairSample;
}

/** Windows-1252 bytes 0x80–0x9F as the characters a Windows-1252 reading gives them. */
const CP1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const BYTE_OF = new Map<string, number>([...CP1252_HIGH].map((c, i) => [c, 0x80 + i]));

/** A UTF-8 continuation byte (0x80–0xBF) as Windows-1252 or Latin-1 shows it. */
const CONTINUATION = `[\\u00A0-\\u00BF${CP1252_HIGH}]`;
/**
 * A UTF-8 sequence read as Windows-1252: a lead byte (Â–ß for two bytes, à–ï for three, ð–ô for four)
 * and its continuation bytes. `â€` alone at the end of a word is `”` whose last byte (0x9D, undefined
 * in Windows-1252) was dropped, the commonest form of the damage in scraped news.
 */
const MOJIBAKE = new RegExp(`[\\u00C2-\\u00DF]${CONTINUATION}|[\\u00E0-\\u00EF]${CONTINUATION}{2}|[\\u00F0-\\u00F4]${CONTINUATION}{3}|\\u00E2\\u20AC`, 'g');
/** An HTML character reference: named, decimal or hexadecimal. */
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * True when the text may hold encoding damage: an `&` (an entity) or a mojibake lead character
 * (Â–ô) next to something a continuation byte can look like. Cheap enough to run on every paragraph.
 */
export function mayNeedRepair(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 38) return true;
    if (c >= 0xc2 && c <= 0xf4) {
      const next = text.charCodeAt(i + 1);
      if ((next >= 0xa0 && next <= 0xbf) || next > 0x152) return true;
    }
  }
  return false;
}

/** Decodes HTML entities, then mojibake; returns the text itself when nothing needed repair. */
export function repairText(text: string): RepairResult {
  let sample: RepairSample | undefined;
  let result = text;
  if (text.includes('&') && ENTITY.test(text)) {
    const decoded = decodeHTML(text);
    if (decoded !== text) {
      const match = ENTITY.exec(text);
      if (match) sample = { damaged: match[0], repaired: decodeHTML(match[0]) };
      result = decoded;
    }
  }
  MOJIBAKE.lastIndex = 0;
  if (MOJIBAKE.test(result)) {
    MOJIBAKE.lastIndex = 0;
    result = result.replace(MOJIBAKE, (damaged) => {
      const repaired = decodeMojibake(damaged);
      if (repaired !== undefined && !sample) sample = { damaged, repaired };
      return repaired ?? damaged;
    });
  }
  return { text: result, sample };
}

/** The character a mojibake sequence stands for, or undefined when its bytes are not UTF-8. */
function decodeMojibake(sequence: string): string | undefined {
  if (sequence === '\u00E2\u20AC') return '\u201D';
  const bytes = new Uint8Array(sequence.length);
  for (let i = 0; i < sequence.length; i++) {
    const c = sequence.charCodeAt(i);
    bytes[i] = c <= 0xff ? c : (BYTE_OF.get(sequence[i]) ?? 0);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
