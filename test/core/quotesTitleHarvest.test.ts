/**
 * Issue 15 (audit 6): which titles an article gives a person, as the quote pass reads them to resolve a description
 * (`the Democratic presidential candidate`, `the vice president`). A title stands before a name with only parts of a
 * name between (`Secretary of State John Kerry`); a lower-case verb between makes it a clause's (`The Democratic
 * presidential candidate blasted Trump's call` had given Trump the title `candidate`, and the description then went
 * to him). A description of an office below the holder's (`the vice president`) is not the holder's when the article
 * never writes the lower office for them (`President Obama`).
 */
import * as assert from 'assert';
import { analysePolnearTrain, quoteOpening } from '../helpers/polnearArticles';
import { quoteDoc } from '../helpers/quoteAnalysis';

describe('quotes: titles harvested for names', () => {
  it('takes titles written before a name, with name parts between, and not across a verb', () => {
    const text = 'Secretary of State John Kerry met Vice President Joe Biden. The Democratic presidential candidate blasted Trump’s call for a “deportation force.”';
    const doc = quoteDoc(text, { 'John Kerry': 'person', 'Joe Biden': 'person', Trump: 'person' });
    assert.ok(doc.titles.get('Kerry')?.has('secretary'), 'Kerry is a secretary');
    assert.ok(doc.titles.get('Biden')?.has('president') && doc.titles.get('Biden')?.has('vice'), 'Biden is a vice president');
    assert.strictEqual(doc.titles.get('Trump'), undefined, 'Trump has no title');
  });

  it('gives the candidate’s words to Clinton, and the vice president’s to Biden (PolNeAR train)', function () {
    const blasts = analysePolnearTrain(this, 'politico_2015-11-11_clinton-blasts-trump-over-deport.txt');
    assert.strictEqual(quoteOpening(blasts, 'absurd').actor, 'Hillary Clinton');
    const biden = analysePolnearTrain(this, 'nyt_2016-08-17_biden-calls-trump-risk-to-u-s-sa.txt');
    assert.strictEqual(quoteOpening(biden, 'I would have thrown my body').actor, 'Joseph R. Biden Jr.');
  });
});
