import type { EntityMention, Sentence, Token } from './types';

/**
 * Dates and figures: what fact-checkers check (`March 3, 2016`, `Tuesday`, `$2.5 billion`,
 * `35 percent`, `60,000`). Found from the tokens with closed word classes (months, weekdays, scale
 * words, currency and percent signs), not learned: their form is regular, and the tagger's training
 * data does not mark them. Linear in the number of tokens; mentions come back sorted, non-overlapping.
 */
export function findFigures(text: string, sentences: readonly Sentence[]): EntityMention[] {
  const figures: EntityMention[] = [];
  for (const sentence of sentences) {
    const tokens = sentence.tokens;
    for (let i = 0; i < tokens.length; ) {
      const found = mayStartFigure(tokens[i].text) ? (dateAt(tokens, i) ?? numberAt(tokens, i)) : undefined;
      if (!found) {
        i++;
        continue;
      }
      const start = tokens[i].start;
      const end = tokens[found.last].end;
      figures.push({ start, end, type: found.type, text: text.slice(start, end) });
      i = found.last + 1;
    }
  }
  return figures;
}

/**
 * Adds figures to the recogniser's mentions, both sorted: a figure overlapping a named entity gives
 * way (`the Group of 20`, `Super Tuesday` stay what the recogniser says).
 */
export function mergeFigures(entities: readonly EntityMention[], figures: readonly EntityMention[]): EntityMention[] {
  if (figures.length === 0) return entities as EntityMention[];
  const merged: EntityMention[] = [];
  let e = 0;
  for (const figure of figures) {
    while (e < entities.length && entities[e].end <= figure.start) merged.push(entities[e++]);
    const next = entities[e];
    if (next && next.start < figure.end) continue;
    if (e > 0 && entities[e - 1].end > figure.start) continue;
    merged.push(figure);
  }
  while (e < entities.length) merged.push(entities[e++]);
  return merged;
}

interface Found {
  readonly type: 'date' | 'number';
  /** Index of the figure's last token. */
  readonly last: number;
}

export const MONTHS: ReadonlySet<string> = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.']);
export const WEEKDAYS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const SCALES = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'bn', 'mn']);
const UNITS_AFTER = new Set(['percent', '%', 'per']);
const CURRENCY = new Set(['$', '€', '£', '¥', 'US$', 'USD', 'EUR']);
/** First code units of {@link CURRENCY}: most tokens start with none, and need no set look-up (which hashes the token's text). */
const CURRENCY_FIRST = new Set([...CURRENCY].map((sign) => sign.charCodeAt(0)));
const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
const ORDINAL_DAY = /^(?:[12]?\d|3[01])(?:st|nd|rd|th)?$/;
const YEAR = /^(?:1[89]|20)\d\d$/;
const ISO_DATE = /^(?:1[89]|20)\d\d-[01]\d-[0-3]\d$/;
const DECADE = /^(?:1[89]|20)\d0s$/;

function lower(token: Token | undefined): string {
  return token ? token.text.toLowerCase() : '';
}

/** Adjacent tokens with at most one space between them (figures do not run across line breaks). */
function joined(tokens: readonly Token[], i: number): boolean {
  return i + 1 < tokens.length && tokens[i + 1].start - tokens[i].end <= 1;
}

/** A capitalised month or weekday (`May` the month, not `may` the verb). */
export function isCapitalisedIn(set: ReadonlySet<string>, token: Token | undefined): boolean {
  if (token === undefined) return false;
  const text = token.text;
  // Month and weekday names are 3–9 letters (`Jan.` … `September`), capitalised in ASCII: most tokens
  // are ruled out by their length and first letter before a lower-cased copy is made.
  if (text.length < 3 || text.length > 9) return false;
  const first = text.charCodeAt(0);
  return first >= 65 && first <= 90 && set.has(text.toLowerCase());
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether a token can start a figure at all: a digit, an ASCII capital (a month or weekday), or a currency sign. */
function mayStartFigure(text: string): boolean {
  const c = text.charCodeAt(0);
  return isDigit(c) || (c >= 65 && c <= 90) || (CURRENCY_FIRST.has(c) && CURRENCY.has(text));
}

function dateAt(tokens: readonly Token[], i: number): Found | undefined {
  const t = tokens[i];
  // Every pattern below but the month and weekday names starts with a digit.
  const digit = isDigit(t.text.charCodeAt(0));
  if (digit && (ISO_DATE.test(t.text) || DECADE.test(t.text))) return { type: 'date', last: i };
  if (isCapitalisedIn(WEEKDAYS, t)) {
    // "Tuesday, March 1": the weekday and the date after it.
    if (tokens[i + 1]?.text === ',' && isCapitalisedIn(MONTHS, tokens[i + 2])) return { type: 'date', last: dateAt(tokens, i + 2)?.last ?? i + 2 };
    return { type: 'date', last: i };
  }
  if (isCapitalisedIn(MONTHS, t)) {
    // "May" alone is too often a name or the verb; a month stands alone only when written out with a day or year.
    let last = -1;
    if (joined(tokens, i) && ORDINAL_DAY.test(tokens[i + 1].text)) {
      last = i + 1;
      // "March 3, 2016"
      if (tokens[i + 2]?.text === ',' && YEAR.test(tokens[i + 3]?.text ?? '')) last = i + 3;
    } else if (joined(tokens, i) && YEAR.test(tokens[i + 1].text)) {
      last = i + 1;
    } else if (lower(t).length > 3 && !t.text.endsWith('.') && lower(t) !== 'march' && lower(t) !== 'may') {
      last = i;
    }
    return last >= 0 ? { type: 'date', last } : undefined;
  }
  if (!digit) return undefined;
  // "3 March 2016", "3 March"
  if (ORDINAL_DAY.test(t.text) && joined(tokens, i) && isCapitalisedIn(MONTHS, tokens[i + 1])) {
    const last = joined(tokens, i + 1) && YEAR.test(tokens[i + 2]?.text ?? '') ? i + 2 : i + 1;
    return { type: 'date', last };
  }
  // A year on its own: "in 2016", "the 2016 election" (not "2016 people": a count is a number).
  if (YEAR.test(t.text) && !SCALES.has(lower(tokens[i + 1])) && !UNITS_AFTER.has(lower(tokens[i + 1]))) return { type: 'date', last: i };
  return undefined;
}

function numberAt(tokens: readonly Token[], i: number): Found | undefined {
  let first = i;
  if (!isDigit(tokens[i].text.charCodeAt(0)) && !CURRENCY.has(tokens[i].text)) return undefined;
  if (CURRENCY.has(tokens[i].text) && joined(tokens, i) && DIGITS.test(tokens[i + 1]?.text ?? '')) first = i + 1;
  if (!DIGITS.test(tokens[first].text)) return undefined;
  let last = first;
  if (joined(tokens, last) && SCALES.has(lower(tokens[last + 1]))) last++;
  const after = last + 1 < tokens.length ? lower(tokens[last + 1]) : '';
  if (joined(tokens, last) && (after === 'percent' || after === '%')) last++;
  else if (after === 'per' && last + 2 < tokens.length && lower(tokens[last + 2]) === 'cent') last += 2;
  return { type: 'number', last };
}
