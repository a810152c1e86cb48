/**
 * Copies of strings that do not hold on to the text they were cut from. V8 makes a substring of 13
 * characters or more (`slice`, `split`, a regular expression's match) a view into its parent string,
 * and a view keeps the whole parent alive: an article's title kept in the workspace index kept the
 * article's full text, 39 MB for a long word list, for as long as the article stayed in the index.
 * What outlives an analysis (the workspace summary of an article analysed on this thread) is copied
 * with this; a summary from a scan worker is a copy already (a message's strings are new strings).
 */

/** `text` as a string of its own: equal to it, sharing no characters with the string it was cut from. */
export function ownString(text: string): string {
  // Joining forces a flat copy of the characters; slicing off the added one leaves a view of that
  // copy (one character longer than `text`), not of the original.
  return text.length === 0 ? '' : (' ' + text).slice(1);
}

/**
 * A copy of a plain value (objects, arrays, strings, numbers, typed arrays) with every string its own
 * ({@link ownString}). Typed arrays hold no strings and are kept as they are; so are values of other
 * classes (none are expected in a summary).
 */
export function withOwnStrings<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (typeof value === 'string') return ownString(value);
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copied: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copied[key] = copy(field);
  return copied;
}
