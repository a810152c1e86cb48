/**
 * Issue 15: a speaker's phrase is made of words.
 * - Punctuation beyond ASCII is no word character: the horizontal bar `―` had been read as a word, and `… in Paris
 *   in January of last year ― Trump cast the blame …` gave the quote to `― Trump`.
 * - The Unicode hyphens (U+2010, U+2011) join a word's parts as `-` does: read as punctuation, they cut a speaker's
 *   phrase at the hyphen (`war activist Jane Doe`) and made `well‐known anti‐war record` five words, too long for a
 *   scare quote.
 * - A line break inside a hard-wrapped paragraph is a wrap, not the end of a phrase: a rule that cut phrases at line
 *   breaks (for a live blog's line that had lost its full stop) gave `Committee` the words of `a spokeswoman for the
 *   Democratic National⏎Committee`, and was taken back.
 */
import * as assert from 'assert';
import { analyzeArticle } from '../../server/src/core/analysis';
import { isWordChar } from '../../server/src/core/quotes/marks';
import { analysePolnearTrain, quoteOpening } from '../helpers/polnearArticles';
import { analyseQuotes } from '../helpers/quoteAnalysis';
import { context } from '../helpers/resources';

const code = (s: string): number => s.charCodeAt(0);

describe('quotes: a speaker’s phrase is made of words', () => {
  it('punctuation beyond ASCII is no word character; letters, digits, symbols and the Unicode hyphens are', () => {
    for (const mark of ['―', '—', '–', '…', '•', '·', '¶', '’', '‘', '\u00a0']) assert.strictEqual(isWordChar(code(mark)), false, mark);
    for (const letter of ['é', 'ß', 'Ж', '½', '€', 'a', 'Z', '7', '\u2010', '\u2011']) assert.strictEqual(isWordChar(code(letter)), true, letter);
  });

  it('a name after a horizontal bar speaks by itself (PolNeAR train)', function () {
    const analysis = analysePolnearTrain(this, 'huff-post_2016-08-03_francois-hollande-says-donald-tr.txt');
    assert.deepStrictEqual(quoteOpening(analysis, 'Islamic terrorism'), { mention: 'Trump', actor: 'Donald Trump' });
  });

  it('Unicode hyphens inside words read as the ASCII one: in a speaker’s phrase and in a quotation’s word count', () => {
    const names = { 'Jack Reed': 'person', 'Jane Doe': 'person' } as const;
    const read = (hyphen: string) =>
      [
        `Anti${hyphen}war activist Jane Doe said: “We will be back next year.”`,
        `Senator Jack Reed spoke on Tuesday. His “well${hyphen}known anti${hyphen}war record” is long.`,
        `Jack Reed has a “hard${hyphen}line anti${hyphen}tax pro${hyphen}growth plan” now, aides said.`,
      ].map((text) => analyseQuotes(text, names).map((q) => [q.kind, q.attribution?.mention.text]));
    assert.deepStrictEqual(read('-'), [[['direct', 'Anti-war activist Jane Doe']], [['scare', undefined]], [['direct', 'aides']]]);
    for (const hyphen of ['\u2010', '\u2011']) {
      const expected = read('-').map((quotes) => quotes.map(([kind, mention]) => [kind, mention?.replace('-', hyphen)]));
      assert.deepStrictEqual(read(hyphen), expected, `U+${hyphen.charCodeAt(0).toString(16)}`);
    }
  });

  it('a speaker’s phrase goes on over the line breaks of a hard-wrapped paragraph', () => {
    const text = [
      'The convention opened on Monday in Philadelphia, and the party hoped to put the',
      'primary behind it. “We are one party again,” a spokeswoman for the Democratic National',
      'Committee said on Monday, as delegates filed into the arena for the first session of',
      'the week.',
      '',
      'Delegates from Vermont were still unhappy with the platform, and some of them said so.',
    ].join('\n');
    const analysis = analyzeArticle(text, context);
    assert.strictEqual(analysis.paragraphs.length, 2, 'the wrapped block is one paragraph');
    const quote = analysis.quotes.find((q) => q.text.startsWith('We are one party'));
    assert.strictEqual(quote?.attribution?.mention.text, 'a spokeswoman for the Democratic National\nCommittee');
  });
});
