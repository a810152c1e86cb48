/**
 * The two halves of a UTF-16 surrogate pair (a character outside the Basic Multilingual Plane: an emoji,
 * `𝐊`, a rare CJK ideograph). Offsets everywhere are UTF-16 code units, so any place that cuts or widens a
 * range asks here whether it would leave half a character, which no file format can write.
 */

/** True for the high (first) half of a surrogate pair. */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** True for the low (second) half of a surrogate pair. */
export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when offset `at` of `text` falls between the two halves of one character. */
export function splitsSurrogatePair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHighSurrogate(text.charCodeAt(at - 1)) && isLowSurrogate(text.charCodeAt(at));
}
