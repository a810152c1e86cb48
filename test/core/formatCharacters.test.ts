import * as assert from 'assert';
import { analyzeArticle, type ArticleAnalysis } from '../../server/src/core/analysis';
import { hasFormatCharacter, withoutFormatCharacters } from '../../server/src/core/formatCharacters';
import { tokenize } from '../../server/src/core/tokenize';
import { summarizeArticle, WorkspaceIndex } from '../../server/src/core/workspaceIndex';
import { context, newService, resources } from '../helpers/resources';
import { readSeed, SEEDS } from '../helpers/seeds';

/**
 * Format characters (Unicode category Cf: soft hyphen, zero-width space, joiner and non-joiner, word joiner) that
 * scraped web text carries inside names print as nothing, and the analysis reads through them: a seed article with
 * one inside a name gives the entities and actors of the clean article, at offsets that cover the text as written.
 */

const SOFT_HYPHEN = '\u00ad';
const ZERO_WIDTH_SPACE = '\u200b';
const ZERO_WIDTH_NON_JOINER = '\u200c';
const ZERO_WIDTH_JOINER = '\u200d';
const WORD_JOINER = '\u2060';

/** The text with `character` inserted at each of `at` (offsets of the clean text), and the offsets mapped both ways. */
function withInserted(clean: string, at: readonly number[], character: string): { text: string; toClean: (offset: number) => number } {
  const sorted = [...at].sort((a, b) => a - b);
  let text = '';
  let last = 0;
  for (const offset of sorted) {
    text += clean.slice(last, offset) + character;
    last = offset;
  }
  text += clean.slice(last);
  // A dirty offset: as many inserted characters lie before it as insertions before its place in the clean text.
  const dirtyAt = sorted.map((offset, k) => offset + k * character.length);
  const toClean = (offset: number) => {
    let before = 0;
    while (before < dirtyAt.length && dirtyAt[before] < offset) before++;
    return offset - before * character.length;
  };
  return { text, toClean };
}

/** Offsets of every `needle` in `text`, plus `within` (where inside the word the character goes). */
function inside(text: string, needle: string, within: number, count = Infinity): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i >= 0 && found.length < count; i = text.indexOf(needle, i + 1)) found.push(i + within);
  assert.ok(found.length > 0, `${needle} not in the text`);
  return found;
}

const OFFSET_FIELDS = new Set(['start', 'end', 'contentStart', 'contentEnd']);

/**
 * The analysis of the dirty text read back in the clean text's terms: offsets mapped back, and the `text` of tokens,
 * mentions and quotes (slices of the text as written) without their format characters. Names, spellings, keys and
 * roles are left as they are: they must be clean already.
 */
function inCleanTerms(analysis: ArticleAnalysis, toClean: (offset: number) => number): unknown {
  const walk = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, ''));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = walk(v, k);
      return out;
    }
    if (typeof value === 'number' && OFFSET_FIELDS.has(key)) return toClean(value);
    // The inserted characters taken out again (a zero-width space too: here it was inserted, not written for a space).
    if (typeof value === 'string' && key === 'text') return value.replace(/\p{Cf}/gu, '');
    return value;
  };
  const { text: _text, ...rest } = analysis;
  return walk(rest, '');
}

function plain(analysis: ArticleAnalysis): unknown {
  const { text: _text, ...rest } = analysis;
  return JSON.parse(JSON.stringify(rest));
}

/** Asserts the dirty article reads as the clean one, and that every mention's range is the text as written. */
function assertReadsAsClean(cleanText: string, at: readonly number[], character: string): ArticleAnalysis {
  const clean = analyzeArticle(cleanText, context);
  const { text, toClean } = withInserted(cleanText, at, character);
  const dirty = analyzeArticle(text, context);
  for (const e of dirty.entities) assert.strictEqual(text.slice(e.start, e.end), e.text);
  for (const actor of dirty.actors) for (const m of actor.mentions) assert.strictEqual(text.slice(m.start, m.end), m.text);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(inCleanTerms(dirty, toClean))), plain(clean));
  return dirty;
}

describe('format characters inside names (soft hyphen, zero-width characters)', () => {
  it('a soft hyphen inside `Steinmeier` leaves the entities and actors of the clean seed, the name shown clean', () => {
    const cleanText = readSeed(SEEDS.lavrovSteinmeier);
    const dirty = assertReadsAsClean(cleanText, inside(cleanText, 'Steinmeier', 5), SOFT_HYPHEN);
    const person = dirty.entities.find((e) => e.text.includes('Stein'))!;
    assert.strictEqual(person.type, 'person');
    assert.strictEqual(person.text, `Frank-Walter Stein${SOFT_HYPHEN}meier`);
    const actor = dirty.actors.find((a) => a.name.includes('Stein'))!;
    assert.strictEqual(actor.name, 'Frank-Walter Steinmeier');
    assert.strictEqual(actor.key, 'person:frank-walter steinmeier');
    assert.deepStrictEqual(actor.spellings, ['Frank-Walter Steinmeier']);
  });

  it('one soft-hyphenated `Bra\u00adhimi` joins the clean `Brahimi`s of its article: one actor, as in the clean seed', () => {
    const cleanText = readSeed(SEEDS.lavrovMunich);
    const dirty = assertReadsAsClean(cleanText, inside(cleanText, 'Brahimi', 3, 1), SOFT_HYPHEN);
    const brahimi = dirty.actors.filter((a) => a.name.includes('Brahimi'));
    assert.strictEqual(brahimi.length, 1);
    assert.strictEqual(brahimi[0].name, 'Lakhdar Brahimi');
    assert.strictEqual(brahimi[0].mentions[0].text, `Lakhdar Bra${SOFT_HYPHEN}himi`);
  });

  it('a zero-width joiner inside every `al-Khatib` and a non-joiner in `Brahimi`', () => {
    const cleanText = readSeed(SEEDS.lavrovMunich);
    assertReadsAsClean(cleanText, inside(cleanText, 'al-Khatib', 6), ZERO_WIDTH_JOINER);
    assertReadsAsClean(cleanText, inside(cleanText, 'Brahimi', 4), ZERO_WIDTH_NON_JOINER);
  });

  it('a zero-width space is a break between words, as Unicode\'s word boundaries have it: `Sergei\u200bLavrov` reads as `Sergei Lavrov`', () => {
    const clean = readSeed(SEEDS.lavrovJamil);
    // The space of every `Sergei Lavrov` and `Qadri Jamil` written as a zero-width space: the same length, the same offsets.
    const text = clean.replace(/Sergei Lavrov|Qadri Jamil/g, (name) => name.replace(' ', ZERO_WIDTH_SPACE));
    assert.notStrictEqual(text, clean);
    const [dirty, plainSeed] = [analyzeArticle(text, context), analyzeArticle(clean, context)];
    const ranges = (a: ArticleAnalysis) => a.sentences.flatMap((s) => s.tokens.map((t) => [t.start, t.end]));
    assert.deepStrictEqual(ranges(dirty), ranges(plainSeed), 'the same tokens');
    assert.deepStrictEqual(dirty.entities.map((e) => [e.start, e.end, e.type]), plainSeed.entities.map((e) => [e.start, e.end, e.type]));
    assert.deepStrictEqual(dirty.actors.map((a) => [a.name, a.key, a.mentions.length]), plainSeed.actors.map((a) => [a.name, a.key, a.mentions.length]));
  });

  it('a word joiner inside `Zannier`', () => {
    const zannier = readSeed(SEEDS.lavrovZannier);
    assertReadsAsClean(zannier, inside(zannier, 'Zannier', 3), WORD_JOINER);
  });

  it('a format character before a name no letter precedes is no token (`Doug \u00adAndres`, `\u200bLavrov`)', () => {
    const lavrov = readSeed(SEEDS.lavrovKerry);
    assertReadsAsClean(lavrov, inside(lavrov, 'Lavrov', 0), ZERO_WIDTH_SPACE);
    assertReadsAsClean(lavrov, inside(lavrov, 'Kerry', 0), SOFT_HYPHEN);
  });

  it('the workspace takes `Stein\u00admeier` of one article and `Steinmeier` of another for one person', () => {
    const clean = readSeed(SEEDS.lavrovSteinmeier);
    const { text } = withInserted(clean, inside(clean, 'Steinmeier', 5), SOFT_HYPHEN);
    const index = new WorkspaceIndex(resources.names);
    const dirty = analyzeArticle(text, context);
    for (const [uri, article, analysis] of [['file:///clean.txt', clean, analyzeArticle(clean, context)], ['file:///dirty.txt', text, dirty]] as const) {
      index.update(summarizeArticle(uri, article, analysis.actors, analysis.quotes));
    }
    const actor = dirty.actors.find((a) => a.name === 'Frank-Walter Steinmeier')!;
    assert.deepStrictEqual(index.findReferences(actor, 'file:///dirty.txt').map((r) => r.uri), ['file:///clean.txt']);
    assert.strictEqual(index.clusterOf(actor, 'file:///dirty.txt')!.name, 'Frank-Walter Steinmeier');
  });

  it('rename edits the soft-hyphenated mention exactly where it is written, and the clean one of another article', () => {
    const clean = readSeed(SEEDS.lavrovSteinmeier);
    const { text } = withInserted(clean, inside(clean, 'Steinmeier', 5), SOFT_HYPHEN);
    const service = newService();
    service.indexArticle('file:///clean.txt', clean);
    const document = { uri: 'file:///dirty.txt', version: 1, getText: () => text };
    const at = text.indexOf(`Stein${SOFT_HYPHEN}meier`) + 2;
    assert.deepStrictEqual(service.prepareRename(document, at), { range: { start: text.indexOf('Frank-Walter'), end: text.indexOf('meier') + 5 }, placeholder: `Frank-Walter Stein${SOFT_HYPHEN}meier` });
    const renames = service.getRenameEdits(document, at, 'Frank-Walter Steinmeyer', [], (uri) => (uri === 'file:///clean.txt' ? clean : undefined));
    const edited = (uri: string, source: string) =>
      [...renames.find((r) => r.uri === uri)!.edits].sort((a, b) => b.range.start - a.range.start).reduce((t, e) => t.slice(0, e.range.start) + e.newText + t.slice(e.range.end), source);
    // The seed also spells him `Steimeier` once: a variant of the same person, renamed too.
    const renamed = clean.replace('Frank-Walter Steinmeier', 'Frank-Walter Steinmeyer').replace('Steimeier', 'Steinmeyer');
    assert.strictEqual(edited('file:///dirty.txt', text), renamed);
    assert.strictEqual(edited('file:///clean.txt', clean), renamed);
  });
});

describe('tokenize: format characters', () => {
  it('keeps a word whole across a soft hyphen, zero-width joiner, non-joiner or word joiner, offsets exact; a zero-width space breaks it', () => {
    assert.deepStrictEqual(tokenize(`Stein${ZERO_WIDTH_SPACE}meier`).map((t) => [t.text, t.start, t.end]), [['Stein', 0, 5], ['meier', 6, 11]]);
    for (const c of [SOFT_HYPHEN, ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER, WORD_JOINER]) {
      const text = `Frank-Walter Stein${c}meier’s talks`;
      assert.deepStrictEqual(
        tokenize(text).map((t) => [t.text, t.start, t.end]),
        [['Frank-Walter', 0, 12], [`Stein${c}meier`, 13, 24], ['’s', 24, 26], ['talks', 27, 32]],
      );
    }
  });

  it('makes no token of a format character beside no letter, whole when outside the BMP (an emoji flag’s tags)', () => {
    assert.deepStrictEqual(tokenize(`Doug ${SOFT_HYPHEN}Andres${ZERO_WIDTH_SPACE}, ${ZERO_WIDTH_SPACE}x`).map((t) => t.text), ['Doug', 'Andres', ',', 'x']);
    assert.deepStrictEqual(tokenize('a 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} b').map((t) => t.text), ['a', '🏴', 'b']);
    assert.deepStrictEqual(tokenize(`Stein${SOFT_HYPHEN} meier`).map((t) => t.text), ['Stein', 'meier']);
  });

  it('keeps the soft hyphen of a letter garbled by a wrong decoding (`GarcÃ\u00ada`): a letter, not a format character', () => {
    assert.deepStrictEqual(tokenize('GarcÃ\u00ada said').map((t) => t.text), ['GarcÃ\u00ada', 'said']);
    assert.strictEqual(hasFormatCharacter('GarcÃ\u00ada'), false);
    assert.strictEqual(withoutFormatCharacters(`Stein${SOFT_HYPHEN}meier`), 'Steinmeier');
    assert.strictEqual(withoutFormatCharacters('Lavrov'), 'Lavrov');
    assert.strictEqual(withoutFormatCharacters(`Sergei${ZERO_WIDTH_SPACE}Lavrov`), 'Sergei Lavrov');
  });

  it('finds every format character of this Unicode version, whatever its quick scan skips', () => {
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const character = String.fromCodePoint(c);
      if (/\p{Cf}/u.test(character)) assert.ok(hasFormatCharacter(`a${character}b`), `U+${c.toString(16)}`);
    }
  });
});
