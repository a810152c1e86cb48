import * as assert from 'assert';
import { splitParagraphs } from '../../server/src/core/paragraphs';
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

  it('finds no paragraphs in an empty or blank document', () => {
    assert.deepStrictEqual(splitParagraphs(''), []);
    assert.deepStrictEqual(splitParagraphs(' \n\t\n'), []);
  });
});
