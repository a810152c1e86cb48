/**
 * The speaker's noun phrase (`core/quotes/phrases.ts` `npRightOf`, `npToken`): a word that may be a verb is a noun
 * after an article or a possessive, an adverb in -ly between the determiner and its words belongs to the phrase, and
 * determiners alone are no speaker. Sentences from PolNeAR train, where the speaker had been the bare `the` or `a`.
 */
import * as assert from 'assert';
import { npRightOf } from '../../server/src/core/quotes/phrases';
import { analyseQuotes as analyse, quoteDoc } from '../helpers/quoteAnalysis';

/** The words of the noun phrase `npRightOf` reads from the first token of `from` in `text`, or undefined. */
function phraseFrom(text: string, from: string): string | undefined {
  const doc = quoteDoc(text, {});
  const start = doc.tokens.findIndex((t) => t.start === text.indexOf(from));
  assert.ok(start >= 0, from);
  const np = npRightOf(doc, start, doc.tokens.length);
  return np ? text.slice(doc.tokens[np.from].start, doc.tokens[np.to - 1].end) : undefined;
}

describe('quotes: the speaker’s noun phrase', () => {
  it('reads a word that may be a verb as the noun after an article or a possessive (`the report`, `his statement`)', () => {
    assert.strictEqual(phraseFrom('The witness said the hush order was to “avoid it,” according to the report.', 'the report'), 'the report');
    assert.strictEqual(phraseFrom('as his statement said', 'his statement'), 'his statement');
    // Quantifiers and demonstratives stand alone as subjects: `many say` is a subject and its verb.
    assert.strictEqual(phraseFrom('Many say it will pass.', 'Many'), 'Many');
  });

  it('keeps an adverb in -ly between the determiner and its words (`the recently court-released … playbook`)', () => {
    const text = 'According to the recently released playbook, his salespersons were told, "You don\'t sell products."';
    assert.strictEqual(phraseFrom(text, 'the recently'), 'the recently released playbook');
  });

  it('gives no quotation to a bare determiner', () => {
    const quotes = analyse('The plan would cost about $1.38 trillion a year, according to the "Medicare for all" document he released.', {});
    const q = quotes.find((x) => x.text.includes('Medicare'));
    assert.ok(q);
    // Was said by `the`: the phrase goes on past the quotation (`… document he released`), and a title has no speaker.
    assert.strictEqual(q.attribution, undefined);
    const report = analyse('The witness said the hush order was to “avoid effecting the outcome of Chairman Gruenberg’s confirmation,” according to the report.', { Gruenberg: 'person' });
    assert.strictEqual(report.find((x) => x.text.includes('avoid'))?.attribution?.mention.text, 'the report');
  });
});
