import * as assert from 'assert';
import { analysePolnearTrain, quoteOpening } from '../helpers/polnearArticles';

/**
 * The New York Times archive writes every quotation between doubled apostrophes (`''…''`): 116 of PolNeAR's 120 train
 * articles from it. The quote pass found none of their quotations, so their speakers went unlisted in the editor and
 * the command line alike (issue 15).
 */
describe('quotes: an article of the New York Times archive, its quotations between doubled apostrophes (PolNeAR train)', () => {
  it('nyt_2015-11-09: each quotation is found and given to the economist or pollster who said it', function () {
    const analysis = analysePolnearTrain(this, 'nyt_2015-11-09_jobs-report-gives-democrats-a-li.txt');
    assert.ok(analysis.quotes.length >= 10, `${analysis.quotes.length} quotations`);
    assert.deepStrictEqual(quoteOpening(analysis, 'We finally may be seeing some wage acceleration'), { mention: 'the economist Jared Bernstein', actor: 'Jared Bernstein' });
    assert.deepStrictEqual(quoteOpening(analysis, 'Good economic news for the country'), { mention: 'Geoff Garin', actor: 'Geoff Garin' });
    assert.strictEqual(quoteOpening(analysis, 'We should not take the continued strength').actor, 'Lael Brainard');
    assert.strictEqual(quoteOpening(analysis, 'The most impressive aspect').actor, 'Richard Curtin');
  });
});
