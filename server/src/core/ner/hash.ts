/**
 * Allocation-free string hashing for the tagger's features. The tagger never builds feature strings:
 * every feature is a 32-bit hash of a template id and one or two value hashes, computed from the
 * token's characters through lookup tables. The same functions run at training and at run time, so
 * the model file only stores the hashes of the features it keeps.
 */

/** Per UTF-16 code unit: the character the word features see (typographic quotes, dashes and digits folded). */
const NORM = new Uint16Array(65536);
/** As {@link NORM}, lower-cased. */
const NORM_LOWER = new Uint16Array(65536);
/** Character class for shapes: 1 upper, 2 lower, 3 digit, 0 other. */
const CHAR_CLASS = new Uint8Array(65536);

/** Where the code units whose case or folding the tables record end: before CJK punctuation (U+3000). */
const CASED_END = 0x3000;

// Built once per process (a few milliseconds). Only the ranges where letters change case are probed
// with the (allocating) String methods; beyond them characters map to themselves.
(function buildTables(): void {
  const letter = /\p{L}/u;
  for (let c = 0; c < CASED_END; c++) {
    let n = c;
    if (c >= 48 && c <= 57) n = 48; // every digit is '0': 1996-08-22 and 2016-11-08 share features
    else if (c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0x0060 || c === 0x00b4) n = 39; // ’ ‘ ʼ ` ´ -> '
    else if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x00ab || c === 0x00bb) n = 34; // “ ” „ « » -> "
    else if (c === 0x2013 || c === 0x2014 || c === 0x2012 || c === 0x2212) n = 45; // – — ‒ − -> -
    NORM[c] = n;
    let lower = n;
    let cls = 0;
    if (c >= 48 && c <= 57) cls = 3;
    else if (c < 128) {
      if (c >= 65 && c <= 90) {
        cls = 1;
        lower = c + 32;
      } else if (c >= 97 && c <= 122) cls = 2;
    } else {
      const s = String.fromCharCode(c);
      const l = s.toLowerCase();
      const u = s.toUpperCase();
      if (l.length === 1 && l !== s) {
        cls = 1;
        lower = l.charCodeAt(0);
      } else if (l !== s && u === s) {
        // A capital whose lower case is two code units: Turkish `İ` (`i` and a combining dot). Read as a
        // lower-case letter it made `İstanbul` and `İbrahim` look like lower-case words to the tagger.
        cls = 1;
        lower = l.charCodeAt(0);
      } else if (u !== s) cls = 2;
      else if (letter.test(s)) cls = 2;
    }
    NORM_LOWER[c] = lower;
    CHAR_CLASS[c] = cls;
  }
  // From CJK punctuation on (surrogates, private use and the rest included), nothing folds and nothing
  // changes case: each character is itself, of class 0. A loop of its own, which does nothing else,
  // because this runs at the start of every process and worker, mostly before V8 optimises it (the
  // tables took 21 ms to build with the tests above made for all 65,536 code units, 16 ms now: medians
  // of ten cold processes).
  for (let c = CASED_END; c < 65536; c++) {
    NORM[c] = c;
    NORM_LOWER[c] = c;
  }
})();

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Hash of `s[from, to)` after normalisation (case kept). */
export function hashWord(s: string, from = 0, to = s.length): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ NORM[s.charCodeAt(i)], FNV_PRIME);
  return h | 0;
}

/**
 * {@link hashWord} of the characters whose codes are `bytes[from, to)`: of an ASCII word read from a
 * UTF-8 file without decoding it (`clusters.ts`); a byte of 0x80 or more is not a character of its own.
 */
export function hashWordBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ NORM[bytes[i]], FNV_PRIME);
  return h | 0;
}

/** Hash of `s[from, to)` after normalisation, lower-cased. */
export function hashLower(s: string, from = 0, to = s.length): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ NORM_LOWER[s.charCodeAt(i)], FNV_PRIME);
  return h | 0;
}

/** {@link hashWord} of the word with its first character kept and the rest lower-cased (`BRUSSELS` → `Brussels`). */
export function hashCapitalised(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ (i === 0 ? NORM[s.charCodeAt(i)] : NORM_LOWER[s.charCodeAt(i)]), FNV_PRIME);
  return h | 0;
}

/**
 * Lower-cased prefix and suffix hashes of lengths 1..4 in one pass: `out[k-1]` = hashLower(s, 0, k),
 * `out[4+k-1]` = the hash of the last k characters read right to left (seeded apart from prefixes,
 * so `ab` as prefix and as suffix differ). Returns how many lengths were filled (min(4, s.length)).
 */
export function affixHashes(s: string, out: Int32Array): number {
  const n = s.length < 4 ? s.length : 4;
  let hp = FNV_OFFSET;
  let hs = FNV_OFFSET ^ 0x5bd1e995;
  for (let k = 0; k < n; k++) {
    hp = Math.imul(hp ^ NORM_LOWER[s.charCodeAt(k)], FNV_PRIME);
    hs = Math.imul(hs ^ NORM_LOWER[s.charCodeAt(s.length - 1 - k)], FNV_PRIME);
    out[k] = hp;
    out[4 + k] = hs;
  }
  return n;
}

/** Shape class of one code unit: 1 upper, 2 lower, 3 digit, 0 other. */
export function charClass(c: number): number {
  return CHAR_CLASS[c];
}


/**
 * Hash of the word's short shape: `Lavrov` → Xx, `OSCE` → X, `U.S.` → X.X., `al-Nusra` → x-Xx,
 * `1996-08-22` → d-d-d. Runs of one class collapse, except that words of up to four characters keep
 * their exact length so `UN` and `NATO` stay apart from longer all-caps words.
 */
export function hashShape(s: string): number {
  wordHashes(s, scratch);
  return scratch[2];
}

const scratch = new Int32Array(3);

/**
 * {@link hashWord}, {@link hashLower} and {@link hashShape} of `s` in one pass over its characters,
 * written to `out[0..2]`: every token of a document needs all three. The shape is defined here.
 */
export function wordHashes(s: string, out: Int32Array): void {
  let hw = FNV_OFFSET;
  let hl = FNV_OFFSET;
  let hs = FNV_OFFSET ^ 0x27d4eb2f;
  let prev = -1;
  const exact = s.length <= 4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    hw = Math.imul(hw ^ NORM[c], FNV_PRIME);
    hl = Math.imul(hl ^ NORM_LOWER[c], FNV_PRIME);
    const cls = CHAR_CLASS[c];
    const sym = cls === 1 ? 88 : cls === 2 ? 120 : cls === 3 ? 100 : NORM[c];
    if (sym === prev && !exact) continue;
    prev = sym;
    hs = Math.imul(hs ^ sym, FNV_PRIME);
  }
  out[0] = hw;
  out[1] = hl;
  out[2] = hs;
}

/** Combines two 32-bit values into a well-mixed 32-bit hash (murmur3 finaliser). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Combines three values. */
export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}
