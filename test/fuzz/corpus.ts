import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { ROOT } from '../helpers/seeds';

/**
 * Shared set-up of the fuzz and property tests: the fixed seed, the bounded budget, the real
 * article text the generated documents mix with hostile content, and the counters the run prints.
 *
 * `npm test` runs a bounded budget with a fixed seed, so a failure is reproducible; set
 * `ARTICLE_LENS_FUZZ_RUNS` (core documents; the other properties scale from it) and
 * `ARTICLE_LENS_FUZZ_SEED` for a longer or different run (`npm run fuzz`: 45,000, over 100,000 cases in all).
 */
export const FUZZ_SEED = Number(process.env.ARTICLE_LENS_FUZZ_SEED ?? 20261122);
const DEFAULT_CORE_RUNS = 1000;
export const CORE_RUNS = Math.max(1, Number(process.env.ARTICLE_LENS_FUZZ_RUNS ?? DEFAULT_CORE_RUNS));

/**
 * Runs for a property whose default is `defaultRuns` when the core budget is the default one,
 * scaled with `ARTICLE_LENS_FUZZ_RUNS` between `minimum` and `maximum` (the slow properties are capped
 * so a long run spends its time on many cheap documents rather than on few expensive ones).
 */
export function scaledRuns(defaultRuns: number, minimum = 1, maximum = Infinity): number {
  return Math.min(maximum, Math.max(minimum, Math.round((defaultRuns * CORE_RUNS) / DEFAULT_CORE_RUNS)));
}

/**
 * fast-check parameters: fixed seed, bounded runs. Shrinking a failing megabyte-sized document can
 * take many minutes on a shared machine, so it is off unless `ARTICLE_LENS_FUZZ_SHRINK=1`; the
 * report still gives the seed and path to replay the failure.
 */
export function fcParams(numRuns: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns, endOnFailure: process.env.ARTICLE_LENS_FUZZ_SHRINK !== '1', verbose: 1 };
}

/** What the run counts and prints at the end (see `counts.test.ts`). */
export const counts = {
  cases: new Map<string, number>(),
  crashes: 0,
  lostCharacters: 0,
  /** Fix-all removed the last blank line, so the fixed text is read one paragraph per line; see invariants.ts. */
  blankLinesGone: 0,
  /** Fix-all removed a furniture line inside a block of lines, so the block was read afresh; see invariants.ts. */
  blocksReread: 0,
  /** Edits sent in the incremental sequences (each sequence is one case). */
  edits: 0,
};

/** Adds `n` generated cases to the named group. */
export function countCases(group: string, n = 1): void {
  counts.cases.set(group, (counts.cases.get(group) ?? 0) + n);
}

// ---------------------------------------------------------------------------------------------------------
// Real text: the seeds, and PolNeAR texts when ../shared/data is present (read in place, never copied).
// ---------------------------------------------------------------------------------------------------------

const POLNEAR = path.resolve(ROOT, '..', 'shared', 'data', 'polnear', 'train', 'text');
const POLNEAR_FILES = 60;

function loadRealTexts(): { texts: string[]; polnear: number } {
  const texts: string[] = [];
  for (const name of fs.readdirSync(path.join(ROOT, 'seeds')).sort()) {
    if (name.endsWith('.txt')) texts.push(fs.readFileSync(path.join(ROOT, 'seeds', name), 'utf8'));
  }
  let polnear = 0;
  if (fs.existsSync(POLNEAR)) {
    const names = fs.readdirSync(POLNEAR).filter((n) => n.endsWith('.txt')).sort();
    // A fixed, spread-out sample keeps the run deterministic and its memory small.
    const step = Math.max(1, Math.floor(names.length / POLNEAR_FILES));
    for (let i = 0; i < names.length && polnear < POLNEAR_FILES; i += step, polnear++) texts.push(fs.readFileSync(path.join(POLNEAR, names[i]), 'utf8'));
  }
  return { texts, polnear };
}

const real = loadRealTexts();
export const REAL_TEXTS: readonly string[] = real.texts;
export const POLNEAR_COUNT = real.polnear;
export const POLNEAR_NOTE = POLNEAR_COUNT > 0 ? `${POLNEAR_COUNT} PolNeAR texts from ${POLNEAR}` : `PolNeAR texts skipped: ${POLNEAR} is absent`;

/** Paragraphs of the real texts that are long enough to count as duplicates when repeated. */
export const REAL_PARAGRAPHS: readonly string[] = [
  ...new Set(REAL_TEXTS.flatMap((t) => t.split(/\r?\n|\r/)).map((l) => l.trim()).filter((l) => l.replace(/[^\p{L}\p{N}]/gu, '').length >= 25 && l.length < 1500)),
];

// ---------------------------------------------------------------------------------------------------------
// Hostile content
// ---------------------------------------------------------------------------------------------------------

export const HOSTILE_PIECES: readonly string[] = [
  // Surrogate pairs: emoji, ZWJ sequences, flags, skin tones, astral letters and digits, CJK extension B.
  '😀', '👨‍👩‍👧‍👦', '🇺🇸🇷🇺', '👍🏽', '𝐋𝐚𝐯𝐫𝐨𝐯', '𝐒𝐞𝐫𝐠𝐞𝐢 𝐋𝐚𝐯𝐫𝐨𝐯', '𠜎𠜱𠝹', '𝟏𝟐𝟑', '🏳️‍🌈', 'Lavrov😀', '😀Lavrov', '“😀”', '"𝐋𝐚𝐯𝐫𝐨𝐯"',
  // Combining marks.
  'e\u0301', 'Jose\u0301 Garci\u0301a', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇', '\u0301\u0302\u0303', 'Ла\u0301вров', 'a\u20dd',
  // Right-to-left text and bidi controls.
  'مرحبا بالعالم', 'قال لافروف “نعم”', 'שלום עולם', '\u202Eevil\u202C', '\u200F\u200E', '\u2067abc\u2069',
  // Line breaks of every kind, and separators LSP does not count as line breaks.
  '\r\n', '\r', '\n', '\n\n', '\r\r', '\n\r', '\u2028', '\u2029', '\u0085', '\r\n\r\n',
  // BOM, NUL and other control characters.
  '\uFEFF', '\u0000', '\u0001\u0002\u0003', '\u0007', '\u001b[31m', '\u007f', '\f', '\v', '\b',
  // Quotes: only quotes, unbalanced, nested, mixed glyphs.
  '"', '“', '”', '‘', '’', "'", '«', '»', '„', '‹›', '""', '“”', '“““', '”””', '"“”"', '“unclosed', 'closed”', '“He said',
  '“We will,” he said.', '"No," Lavrov said, "never."', '’s', "'s", '“', '„Ja“', '«Non»',
  // Doubled apostrophes and backquotes (the New York Times archive, Penn Treebank): runs of one to five.
  "''", "'''", "''''", "'''''", '``', '```', "``We will,'' he said.", "''No,''' Lavrov said, '''Sir,", "6'2''", "''\n''",
  // White space.
  ' ', '\t', '\u00a0', '\u3000', '\u200b', '    ', '\t\t',
  // Name-like, abbreviations and punctuation runs that exercise the tokeniser.
  'U.S.', 'Dr.', 'al-Khatib.This', 'MOSCOW —', 'Moscow, SANA-Russian', '...', '…', '--', '—', 'Mr.', 'he said', 'said Lavrov',
  '12,000', '3.5%', '2015-11-11', 'O’Neill', "D'Arcy", 'Ｌａｖｒｏｖ', 'İstanbul', 'ß', 'ﬁ',
  // Lone surrogates: invalid UTF-16 that an editor can still hold.
  '\ud83d', '\ude00', 'a\udc00b',
];

/** A piece of real article text, cut at code-point boundaries so real text never splits a pair itself. */
const realSlice: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: REAL_TEXTS.length - 1 }), fc.nat(), fc.integer({ min: 0, max: 1200 }))
  .map(([which, from, length]) => {
    const text = REAL_TEXTS[which];
    let start = text.length === 0 ? 0 : from % text.length;
    if (isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
    let end = Math.min(text.length, start + length);
    if (isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    return text.slice(start, end);
  });

const realParagraph: fc.Arbitrary<string> = fc.constantFrom(...REAL_PARAGRAPHS);

/** Random characters from ranges that matter: ASCII, Latin-1, general punctuation, quotes, astral planes. */
const hostileChar: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.constantFrom(...HOSTILE_PIECES),
);

/** One building block of a generated document. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: realSlice },
  { weight: 2, arbitrary: realParagraph },
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
  { weight: 2, arbitrary: hostileChar },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_PIECES).map((p) => p.repeat(20)) },
);

/**
 * A random document mixing real article text with hostile content. Real pieces are sometimes
 * transformed as a whole: line breaks swapped for CRLF or lone CR, a BOM put in front, emoji or
 * combining marks inserted inside words.
 */
export const hostileDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(piece, { maxLength: 24 }),
    fc.constantFrom('', ' ', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n'),
    fc.constantFrom('none', 'crlf', 'cr', 'bom', 'emoji-in-words', 'combining', 'rtl-marks', 'nul'),
  )
  .map(([pieces, separator, transform]) => {
    let text = pieces.join(separator);
    switch (transform) {
      case 'crlf':
        text = text.replace(/\r?\n/g, '\r\n');
        break;
      case 'cr':
        text = text.replace(/\r?\n/g, '\r');
        break;
      case 'bom':
        text = `\uFEFF${text}`;
        break;
      case 'emoji-in-words':
        text = text.replace(/(\p{L})(\p{L})/gu, (_m, a: string, b: string) => `${a}😀${b}`);
        break;
      case 'combining':
        text = text.replace(/(\p{L})/gu, '$1\u0301');
        break;
      case 'rtl-marks':
        text = text.replace(/ /g, ' \u200F');
        break;
      case 'nul':
        text = text.replace(/ /g, '\u0000');
        break;
    }
    return text;
  });

/** A document made of whole paragraphs, some repeated (exactly or nearly), with varied separators. */
export const documentWithRepeats: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 4, arbitrary: realParagraph }, { weight: 1, arbitrary: piece }), { minLength: 1, maxLength: 8 }),
    fc.array(
      fc.tuple(fc.nat(), fc.constantFrom('exact', 'case', 'spaces', 'punctuation', 'indent', 'emoji', 'dropped-letter', 'mojibake', 'entities', 'cut', 'furniture-line', 'dateline', 'figures', 'furniture')),
      { maxLength: 12 },
    ),
    fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n \n', '\n\t\n\n'),
    fc.boolean(),
    fc.boolean(),
    fc.array(fc.nat(), { maxLength: 20 }),
    fc.option(fc.tuple(fc.integer({ min: 30, max: 90 }), fc.constantFrom('\n', '\r\n', '\r')), { freq: 3 }),
  )
  .map(([distinct, repeats, separator, bom, trailing, shuffle, wrap]) => {
    const paragraphs = distinct.map((p) => p.replace(/[\r\n]+/g, ' ').trim()).filter((p) => p.length > 0);
    if (paragraphs.length === 0) paragraphs.push('A paragraph that is long enough to be compared with others.');
    const sequence = [...paragraphs];
    for (const [which, how] of repeats) {
      const original = paragraphs[which % paragraphs.length];
      sequence.push(vary(original, how, which));
    }
    // Move repeats around so copies also come before and between the originals they repeat.
    for (let i = 0; i < shuffle.length; i++) {
      const a = shuffle[i] % sequence.length;
      const b = (shuffle[i] >> 3) % sequence.length;
      [sequence[a], sequence[b]] = [sequence[b], sequence[a]];
    }
    if (wrap) {
      // Hard-wrapped blocks separated by blank lines: each paragraph spans several lines.
      const [width, lineBreak] = wrap;
      const blocks = sequence.map((p) => hardWrap(p, width, lineBreak));
      return `${bom ? '\uFEFF' : ''}${blocks.join(lineBreak + lineBreak)}${trailing ? lineBreak : ''}`;
    }
    return `${bom ? '\uFEFF' : ''}${sequence.join(separator)}${trailing ? separator : ''}`;
  });

/** Page furniture lines put among the paragraphs. */
const FURNITURE = [
  'Check Also',
  'Advertisement',
  'Share this:',
  'Post a Comment',
  'Follow Pam Key on Twitter @pamkeyNEN.',
  'By Jane Doe',
  'Getty Images',
  'Related:',
  // A live blog's comment widget glued to the next entry's heading: only the widget is furniture.
  'Jane DoeFlagShareLikeReplyJohn Roe 5ptsmoderatorFeaturedFebruary 6, 2016 10:57PMKerry Meets Lavrov In Geneva',
];

/** Breaks a paragraph into lines of about `width` characters at spaces. */
function hardWrap(paragraph: string, width: number, lineBreak: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line.length > 0 && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines.join(lineBreak);
}

/**
 * A copy of `paragraph`, changed the way `how` says: normalised (case, spaces, punctuation), damaged
 * (a letter dropped, mojibake, HTML entities, cut short, a furniture line inside, a dateline added),
 * updated (figures changed), or a furniture line in its place.
 */
function vary(paragraph: string, how: string, seed: number): string {
  switch (how) {
    case 'dropped-letter': {
      const at = seed % Math.max(1, paragraph.length);
      return paragraph.slice(0, at) + paragraph.slice(at + 1);
    }
    case 'mojibake':
      return [...Buffer.from(paragraph, 'utf8')].map((b) => String.fromCharCode(b)).join('');
    case 'entities':
      return paragraph.replace(/&/g, '&amp;').replace(/’/g, '&#8217;').replace(/"/g, '&quot;');
    case 'cut':
      return `${paragraph.slice(0, Math.max(1, Math.floor(paragraph.length * (0.4 + (seed % 5) / 10))))} …`;
    case 'furniture-line': {
      const at = paragraph.indexOf(' ', paragraph.length >> 1);
      return at < 0 ? paragraph : `${paragraph.slice(0, at)}\n${FURNITURE[seed % FURNITURE.length]}\n${paragraph.slice(at + 1)}`;
    }
    case 'dateline':
      return `MOSCOW — ${paragraph}`;
    case 'figures':
      return paragraph.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
    case 'furniture':
      return FURNITURE[seed % FURNITURE.length];
    case 'case':
      return paragraph.toUpperCase();
    case 'spaces':
      return paragraph.replace(/ /g, '  ');
    case 'punctuation':
      return paragraph.replace(/[.,]/g, '');
    case 'indent':
      return `  ${paragraph}`;
    case 'emoji':
      return `${paragraph} 😀`;
    default:
      return paragraph;
  }
}

/** The named extreme documents, each run once through every check. */
export function extremeDocuments(): { name: string; text: string }[] {
  const seed = REAL_TEXTS[0];
  const oneLine = seed.replace(/\r?\n|\r/g, ' ');
  const megabyteLine = oneLine.repeat(Math.ceil(1_048_576 / oneLine.length)).slice(0, 1_048_576);
  return [
    { name: 'the empty file', text: '' },
    { name: 'only white space', text: ' \t\u00a0\u3000\n\n   \r\n\t\r  ' },
    { name: 'only a BOM', text: '\uFEFF' },
    { name: 'only line breaks', text: '\n\r\n\r\r\n\n' },
    { name: 'only quotes', text: '"“”‘’\'«»„'.repeat(5000) },
    { name: 'only straight quotes', text: '"'.repeat(100_000) },
    { name: 'unbalanced quotes', text: '“He said “no” and “yes and then ” left ”” “'.repeat(2000) },
    { name: 'opening quotes on every line', text: '“Lavrov said\n'.repeat(20_000) },
    { name: 'doubled apostrophes, in runs and on every line', text: "''Lavrov said ''' no '''' ``yes'' \n".repeat(10_000) + "'".repeat(200_000) },
    { name: 'a 1 MB single line of article text', text: megabyteLine },
    { name: 'a 1 MB single line of one letter', text: 'x'.repeat(1_048_576) },
    { name: '100,000 one-word paragraphs', text: Array.from({ length: 100_000 }, (_, i) => `Word${i % 97}`).join('\n') },
    { name: '100,000 one-word paragraphs, CRLF, repeated', text: 'Lavrov\r\n'.repeat(100_000) },
    { name: 'emoji only', text: '😀👨‍👩‍👧‍👦🇺🇸'.repeat(10_000) },
    { name: 'combining marks only', text: '\u0301\u0302'.repeat(10_000) },
    { name: 'right-to-left article', text: 'قال وزير الخارجية الروسي سيرغي لافروف “لن نسمح بذلك”.\n'.repeat(200) },
    { name: 'NUL bytes', text: `${seed}\u0000${seed}` },
    { name: 'control characters', text: '\u0001\u0002\u0003\u0004\u0005'.repeat(2000) },
    { name: 'lone CR line endings', text: seed.replace(/\r?\n/g, '\r') },
    { name: 'CRLF line endings with BOM', text: `\uFEFF${seed.replace(/\r?\n/g, '\r\n')}` },
    { name: 'lone surrogates', text: 'Lavrov \ud83d said \ude00 “\udc00” \ud800'.repeat(100) },
    { name: 'a repeated paragraph 5,000 times', text: `${REAL_PARAGRAPHS[0]}\n`.repeat(5000) },
    { name: 'astral capitalised names', text: '𝐒𝐞𝐫𝐠𝐞𝐢 𝐋𝐚𝐯𝐫𝐨𝐯 said “𝐍𝐨”. 𝐋𝐚𝐯𝐫𝐨𝐯 met 𝐉𝐨𝐡𝐧 𝐊𝐞𝐫𝐫𝐲.\n'.repeat(500) },
  ];
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
