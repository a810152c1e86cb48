import * as assert from 'assert';
import fc from 'fast-check';
import { resplitParagraphs, splitParagraphs, splitParagraphsWithInfo } from '../../server/src/core/paragraphs';
import { readSeed, SEEDS } from '../helpers/seeds';

describe('paragraphs', () => {
  it('takes every line as a paragraph in one-paragraph-per-line articles (000)', () => {
    const text = readSeed(SEEDS.lavrovJamil);
    const paragraphs = splitParagraphs(text);
    assert.strictEqual(paragraphs.length, 20);
    assert.strictEqual(paragraphs[0].text, 'MOSCOW —');
  });

  it('skips blank lines between single-line paragraphs (002)', () => {
    const paragraphs = splitParagraphs(readSeed(SEEDS.lavrovZannier));
    assert.strictEqual(paragraphs[0].text, 'Lavrov: Moscow to conduct more communications regarding crisis in Syria');
    assert.ok(paragraphs.every((p) => p.text.trim().length > 0 && !p.text.includes('\n')));
    assert.ok(paragraphs.some((p) => p.text === 'Check Also'));
  });

  it('joins hard-wrapped blocks separated by blank lines', () => {
    const text = 'The minister said on Monday that the talks in Geneva\nwould resume next week, after a pause of two months\nthat both sides had wanted.\n\nA second paragraph that is also wrapped over\ntwo lines of text in the file.';
    const paragraphs = splitParagraphs(text);
    assert.strictEqual(paragraphs.length, 2);
    assert.ok(paragraphs[0].text.endsWith('had wanted.'));
  });

  it('handles CRLF, a lone CR, a BOM and trailing white space', () => {
    const paragraphs = splitParagraphs('\uFEFFFirst line  \r\nSecond line\rThird line');
    assert.deepStrictEqual(paragraphs.map((p) => p.text), ['First line', 'Second line', 'Third line']);
    assert.strictEqual(paragraphs[0].start, 1);
  });

  it('reads lines that end a sentence before trailing spaces as paragraphs, not as one wrapped block (000)', () => {
    // Seed 000 with a blank line after its dateline (so blocks are read) and three spaces after every line, as scrapers leave them.
    const lines = readSeed(SEEDS.lavrovJamil).split('\n').filter((line) => line.trim());
    const text = `${lines[0]}\n\n${lines.slice(1).map((line) => `${line.trim()}   `).join('\n')}\n`;
    const paragraphs = splitParagraphs(text);
    assert.deepStrictEqual(paragraphs.map((p) => p.text), lines.map((line) => line.trim()));
  });

  it("reads lines that end with a quotation closed by '' as paragraphs, not as one wrapped block (the New York Times archive)", () => {
    const lines = ["Mr. Bernstein said, ''We finally may be seeing some wage acceleration, and that would be a very big story.''", "Mr. Garin added, ''Good economic news for the country is bad political news for the Republicans.''", "''This represents real wage growth, which has been a missing ingredient for years now.''", "Mr. Curtin said, ''The most impressive aspect has been a newfound resilience by consumers.''"];
    assert.deepStrictEqual(splitParagraphs(`Headline\n\n${lines.join('\n')}\n`).map((p) => p.text), ['Headline', ...lines]);
  });

  it('finds no paragraphs in an empty or blank document', () => {
    assert.deepStrictEqual(splitParagraphs(''), []);
    assert.deepStrictEqual(splitParagraphs(' \n\t\n'), []);
  });

  it('re-splits around an edit exactly as a fresh split does', () => {
    const wrapped = 'The minister said on Monday that the talks in Geneva\nwould resume next week, after a pause of two months\nthat both sides had wanted.';
    const pieces = ['\n', '\r\n', '\r', '\n\n', ' ', '\u3000', '\uFEFF', '.', 'x', 'Lavrov said.', wrapped, 'A short line.', '\n\u00a0\n'];
    const piece = fc.constantFrom(...pieces);
    const doc = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 40 }), insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });
    fc.assert(
      fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let split = splitParagraphsWithInfo(start);
        let text = start;
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.length));
          split = resplitParagraphs(split, text);
          assert.deepStrictEqual(split, splitParagraphsWithInfo(text));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
