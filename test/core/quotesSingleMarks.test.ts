/**
 * Quotations set in single curly marks (`core/quotes/marks.ts` `withSingleMarkQuotations`), as headlines and British
 * style set them, and a headline's quotations after `Name:` (`core/quotes/index.ts` `headlineSpeaker`). Audit 3
 * found none of the nine headlines with such quotations in its sample read: the pass knew no single marks.
 */
import * as assert from 'assert';
import { pairQuotationMarks } from '../../server/src/core/quotes/marks';
import { splitParagraphs } from '../../server/src/core/paragraphs';
import { analysePolnearTrain, quoteOpening } from '../helpers/polnearArticles';
import { analyseQuotes as analyse } from '../helpers/quoteAnalysis';

/** The quotations the marks pair in `text`, as written with their marks. */
function paired(text: string): string[] {
  return pairQuotationMarks(text, splitParagraphs(text)).map((q) => text.slice(q.start, q.end));
}

describe('quotes: single curly marks', () => {
  it('pair where no double marks quote, the apostrophe aside (`Trump’s`, `voters’`, `Lyin’`)', () => {
    assert.deepStrictEqual(paired('Graham: Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP’s Chance to Win Presidency.'), ['‘Incredibly Hateful Rhetoric’']);
    assert.deepStrictEqual(paired('‘The voters’ concerns are real,’ he said, ‘and we know it.’'), ['‘The voters’ concerns are real,’', '‘and we know it.’']);
    assert.deepStrictEqual(paired('Trump tells 3,000 in Reno NFL has gone ‘soft’ like the US, the players’ union says.'), ['‘soft’']);
    assert.deepStrictEqual(paired('He never once called his rival ‘Lyin’ Ted’ on stage.'), ['‘Lyin’ Ted’']);
    assert.deepStrictEqual(paired('Politics ‘Nasty Politics’'), ['‘Nasty Politics’']);
    // Of two such, the first (review of abf2bce).
    assert.deepStrictEqual(paired('Trump called it ‘fake news’, citing the networks’ ratings.'), ['‘fake news’']);
    assert.deepStrictEqual(paired('He answered ‘Yes’. The Democrats’ leader was silent.'), ['‘Yes’']);
  });

  it('are no quotation inside double marks, nor an elision (`rock ‘n’ roll`, `the ‘90s`), nor unclosed', () => {
    assert.deepStrictEqual(paired('“He said ‘no’ to me,” she said.'), ['“He said ‘no’ to me,”']);
    assert.deepStrictEqual(paired('rock ‘n’ roll is back'), []);
    assert.deepStrictEqual(paired('The ‘90s were good years for the party.'), []);
    // A `‘` typed for an apostrophe opens nothing, though a closing-like mark follows (review of abf2bce).
    assert.deepStrictEqual(paired('In the ‘90s, Trump’s casinos were booming, he said of his creditors’ patience.'), []);
    assert.deepStrictEqual(paired('Let ‘em go, he told the voters’ representatives.'), []);
    assert.deepStrictEqual(paired('x‘a’ and ‘unclosed'), []);
    // A paragraph of its own is read on its own: double marks in one do not stop single ones in the next.
    assert.deepStrictEqual(paired('“Yes,” he said.\n\nShe called it ‘a disgrace.’'), ['“Yes,”', '‘a disgrace.’']);
  });

  it('pair in one pass over a long text with many paragraphs and a mark only at the end', () => {
    const text = `${'A short paragraph with an apostrophe’s use.\n\n'.repeat(20000)}It was ‘a disgrace.’`;
    assert.deepStrictEqual(paired(text), ['‘a disgrace.’']);
  });
});

describe('quotes: a headline’s quotations after `Name:`', () => {
  it('are the name’s, though headline case makes them look like titles (PolNeAR: `Trump: ‘I’m the Worst Thing …’`, `Graham: Trump’s ‘Incredibly Hateful Rhetoric’ …`, `Issa: Hillary Clinton’s ‘Honesty Is In Question.’`)', function () {
    for (const [file, opening, speaker] of [
      ['breitbart_2016-01-18_trump-i-m-the-worst-thing-that-e.txt', 'I’m the Worst Thing', 'Trump'],
      ['breitbart_2015-12-03_graham-trump-s-incredibly-hatefu.txt', 'Incredibly Hateful Rhetoric', 'Graham'],
      ['breitbart_2016-01-31_issa-hillary-clinton-s-honesty-i.txt', 'Honesty Is In Question', 'Issa'],
    ]) {
      const analysis = analysePolnearTrain(this, file);
      const quote = analysis.quotes.find((q) => q.text.startsWith(opening));
      assert.ok(quote, `${file}: a quote opens with ${opening}`);
      assert.strictEqual(quote.kind, 'direct', file);
      assert.strictEqual(quote.attribution?.mention.text, speaker, file);
      assert.strictEqual(quote.attribution?.cue?.text, ':', file);
      assert.ok(quoteOpening(analysis, opening).actor?.endsWith(speaker), `${file}: shown under ${quoteOpening(analysis, opening).actor}`);
    }
  });

  it('not after a label (`The Latest:`), nor after a phrase naming two (`Donald Trump Praises … Matthew Boyle:`), nor past the first paragraph', () => {
    const latest = analyse('The Latest: Sanders declares ‘revolution,’ ignores losses.\n\nSanders spoke on Tuesday.', { 'The Latest': 'organization', Sanders: 'person' });
    assert.notStrictEqual(latest[0]?.attribution?.mention.text, 'The Latest');
    const praises = analyse('Donald Trump Praises Editor Matthew Boyle: ‘Very Good Reporter.’', { 'Donald Trump': 'person', 'Matthew Boyle': 'person' });
    assert.notStrictEqual(praises[0]?.attribution?.cue?.text, ':');
    const body = analyse('Trump spoke in Iowa.\n\nCruz: the senator called it ‘A Great Day For Iowa.’', { Trump: 'person', Cruz: 'person', Iowa: 'location' });
    assert.notStrictEqual(body[0]?.attribution?.cue?.text, ':');
    // Nor when a speech verb comes between the colon and the quotation (review of abf2bce).
    const says = analyse('Fox News: Trump Says Cruz Is ‘Desperate’', { 'Fox News': 'organization', Trump: 'person', Cruz: 'person' });
    assert.notStrictEqual(says[0]?.attribution?.mention.text, 'Fox News');
    const called = analyse('Cruz: Trump Called Me “Lyin’ Ted” Again', { Cruz: 'person', Trump: 'person' });
    assert.notStrictEqual(called[0]?.attribution?.mention.text, 'Cruz');
  });

  it('a colon the headline rule does not take leads no quotation in single marks in (`Gillibrand on Hillary Releasing Her Goldman Sachs Speech Transcripts: ‘I Think She Will.’`)', () => {
    const text = 'Gillibrand on Hillary Releasing Her Goldman Sachs Speech Transcripts: ‘I Think She Will.’\n\nSen. Kirsten Gillibrand spoke on Sunday.';
    const quotes = analyse(text, { Gillibrand: 'person', Hillary: 'person', 'Goldman Sachs': 'organization', 'Kirsten Gillibrand': 'person' });
    assert.strictEqual(quotes[0]?.attribution, undefined);
  });
});
