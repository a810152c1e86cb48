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
import { analyseQuotes, quoteDoc, speakerOf } from '../helpers/quoteAnalysis';

describe('quotes: titles harvested for names', () => {
  it('takes titles written before a name, with name parts between, and not across a verb', () => {
    const text = 'Secretary of State John Kerry met Vice President Joe Biden. The Democratic presidential candidate blasted Trump’s call for a “deportation force.”';
    const doc = quoteDoc(text, { 'John Kerry': 'person', 'Joe Biden': 'person', Trump: 'person' });
    assert.ok(doc.titles.get('Kerry')?.has('secretary'), 'Kerry is a secretary');
    assert.ok(doc.titles.get('Biden')?.has('president') && doc.titles.get('Biden')?.has('vice'), 'Biden is a vice president');
    assert.strictEqual(doc.titles.get('Trump'), undefined, 'Trump has no title');
  });

  it('reaches a name across any of the vocabulary’s name particles (`dos`, `du`, `ibn`), and gives the description to it', () => {
    const santos = quoteDoc('President José Eduardo dos Santos flew to Lisbon on Monday.', { 'José Eduardo dos Santos': 'person' });
    assert.ok(santos.titles.get('Santos')?.has('president'), 'dos Santos is a president');
    const salman = quoteDoc('Crown Prince Mohammed ibn Salman met the king.', { 'Mohammed ibn Salman': 'person' });
    assert.ok(salman.titles.get('Salman')?.has('prince'), 'ibn Salman is a prince');
    // Without the title, `the governor` went to the nearest person, the mayor.
    const text = 'Former Delaware Governor Pete du Pont spoke first. Then Mayor Tom Smith arrived. “We will win,” the governor said.';
    const names = { 'Pete du Pont': 'person', 'Tom Smith': 'person' } as const;
    assert.ok(quoteDoc(text, names).titles.get('Pont')?.has('governor'), 'du Pont is a governor');
    assert.strictEqual(speakerOf(analyseQuotes(text, names), 'We will win'), 'Pete du Pont');
  });

  it('gives the candidate’s words to Clinton, and the vice president’s to Biden (PolNeAR train)', function () {
    const blasts = analysePolnearTrain(this, 'politico_2015-11-11_clinton-blasts-trump-over-deport.txt');
    assert.strictEqual(quoteOpening(blasts, 'absurd').actor, 'Hillary Clinton');
    const biden = analysePolnearTrain(this, 'nyt_2016-08-17_biden-calls-trump-risk-to-u-s-sa.txt');
    assert.strictEqual(quoteOpening(biden, 'I would have thrown my body').actor, 'Joseph R. Biden Jr.');
  });
});
