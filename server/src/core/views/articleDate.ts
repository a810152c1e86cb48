import { decodeUriComponentLeniently } from '../uriComponent';
/**
 * The date an article carries, for the actor map's time axis. Collections name their files by date
 * (PolNeAR: `breitbart_2016-03-11_activists-….txt`), and articles often open with a dated line
 * (`WASHINGTON, March 11, 2016 —`, `11 March 2016`, `2016-03-11`). Weekday datelines (`on Monday`)
 * give no date and are ignored.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?`;
const ISO_DATE = /(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)/;
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+((?:19|20)\\d\\d)\\b`, 'i');
/** How much of the text's beginning is searched: the headline, the byline and the dateline. */
const HEAD_LENGTH = 400;

/**
 * The article's date as `YYYY-MM-DD`: from an ISO date in the file name, else from the first
 * {@link HEAD_LENGTH} characters of the text; undefined when neither gives a valid date.
 */
export function articleDate(uri: string, text: string): string | undefined {
  const name = decodeUriComponentLeniently(uri.slice(uri.lastIndexOf('/') + 1));
  return isoDate(ISO_DATE.exec(name)) ?? dateIn(text.slice(0, HEAD_LENGTH));
}

function dateIn(head: string): string | undefined {
  const iso = isoDate(ISO_DATE.exec(head));
  if (iso) return iso;
  const monthFirst = MONTH_DAY_YEAR.exec(head);
  if (monthFirst) return formatDate(Number(monthFirst[3]), monthIndex(monthFirst[1]), Number(monthFirst[2]));
  const dayFirst = DAY_MONTH_YEAR.exec(head);
  if (dayFirst) return formatDate(Number(dayFirst[3]), monthIndex(dayFirst[2]), Number(dayFirst[1]));
  return undefined;
}

function isoDate(match: RegExpExecArray | null): string | undefined {
  return match ? formatDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

function monthIndex(word: string): number {
  const prefix = word.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(prefix)) + 1;
}

/** `YYYY-MM-DD`, or undefined when the day does not exist (`2016-02-30`). */
function formatDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
