/**
 * Issue 15: a speaker's phrase is made of words, on one line.
 * - Punctuation beyond ASCII is no word character: the horizontal bar `―` had been read as a word, and `… in Paris
 *   in January of last year ― Trump cast the blame …` gave the quote to `― Trump`.
 * - A line break ends a phrase: a live blog's line that lost its full stop (`… before the first Super Tuesday polls`)
 *   had become the start of the next line's subject, `polls⏎Trump`.
 * - The Unicode hyphens (U+2010, U+2011) join a word's parts as `-` does: read as punctuation, they made `well‐known
 *   anti‐war record` five words, too long for a scare quote.
 */
import * as assert from 'assert';
import { isWordChar } from '../../server/src/core/quotes/marks';
import { analysePolnearTrain, quoteOpening } from '../helpers/polnearArticles';
import { analyseQuotes } from '../helpers/quoteAnalysis';

const code = (s: string): number => s.charCodeAt(0);

describe('quotes: a speaker’s phrase is made of words, on one line', () => {
  it('punctuation beyond ASCII is no word character; letters, digits and symbols are', () => {
    for (const mark of ['―', '—', '–', '…', '•', '·', '¶', '’', '\u00a0']) assert.strictEqual(isWordChar(code(mark)), false, mark);
    for (const letter of ['é', 'ß', 'Ж', '½', '€', 'a', 'Z', '7']) assert.strictEqual(isWordChar(code(letter)), true, letter);
  });

  it('a name after a horizontal bar speaks by itself (PolNeAR train)', function () {
    const analysis = analysePolnearTrain(this, 'huff-post_2016-08-03_francois-hollande-says-donald-tr.txt');
    assert.deepStrictEqual(quoteOpening(analysis, 'Islamic terrorism'), { mention: 'Trump', actor: 'Donald Trump' });
  });

  it('a line without its full stop does not join the subject of the line after it (PolNeAR train)', function () {
    const analysis = analysePolnearTrain(this, 'breitbart_2016-03-01_the-latest-sanders-wins-minnesot.txt');
    for (const opening of ['a total lightweight', 'a basket case', 'a liar.']) {
      assert.strictEqual(quoteOpening(analysis, opening).mention, 'Trump', opening);
    }
  });

  it('Unicode hyphens inside words count as the ASCII one does', () => {
    const names = { 'Jack Reed': 'person' } as const;
    const read = (hyphen: string) =>
      [`Senator Jack Reed spoke on Tuesday. His “well${hyphen}known anti${hyphen}war record” is long.`, `Jack Reed has a “hard${hyphen}line anti${hyphen}tax pro${hyphen}growth plan” now, aides said.`].map((text) =>
        analyseQuotes(text, names).map((q) => [q.kind, q.attribution?.mention.text]),
      );
    assert.deepStrictEqual(read('-'), [[['scare', undefined]], [['direct', 'aides']]]);
    for (const hyphen of ['\u2010', '\u2011']) assert.deepStrictEqual(read(hyphen), read('-'), `U+${hyphen.charCodeAt(0).toString(16)}`);
  });
});
