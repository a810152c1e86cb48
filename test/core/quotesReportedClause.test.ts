/**
 * Issue 15, partial quotations inside reported speech: the words belong to the subject of the speech verb that
 * reports them, not to a name inside the reported clause (`McCaskill … said Sanders has pushed her to be a
 * “stronger” candidate`); a title before a name is no candidate of its own; and speech verbs the lexicon lacked (`answered`, `barked`, `interjected`). Sentences
 * from PolNeAR train where the quotation had gone to someone else or to no one.
 */
import * as assert from 'assert';
import { collectSpeakerCandidates } from '../../server/src/core/quotes';
import { subjectRank } from '../../server/src/core/quotes/coreference';
import { analyseQuotes as analyse, quoteDoc, quoteLayers, speakerOf } from '../helpers/quoteAnalysis';
import { resources } from '../helpers/resources';

describe('quotes: a partial quotation inside reported speech', () => {
  const mccaskill =
    'Speaking later on the same show, Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said Sanders has pushed the former secretary of state to be a "stronger" and "more aggressive" candidate.';

  it('goes to the subject of the reporting verb, not to a name inside the reported clause', () => {
    const quotes = analyse(mccaskill, { 'Claire McCaskill': 'person', Clinton: 'person', Sanders: 'person' });
    assert.strictEqual(speakerOf(quotes, 'stronger'), 'Sen. Claire McCaskill');
    assert.strictEqual(speakerOf(quotes, 'more aggressive'), 'Sen. Claire McCaskill');
  });

  it('reads `…, said Sanders has pushed` as a reported clause whose subject is Sanders, not an inverted `said Sanders`', () => {
    const doc = quoteDoc(mccaskill, { 'Claire McCaskill': 'person', Clinton: 'person', Sanders: 'person' });
    const at = mccaskill.indexOf('Sanders');
    assert.strictEqual(subjectRank(doc, { start: at, end: at + 7, type: 'person', text: 'Sanders' }), 0);
    const inverted = '“We will win,” said Sanders, who spoke in Iowa.';
    const invertedDoc = quoteDoc(inverted, { Sanders: 'person', Iowa: 'location' });
    const s = inverted.indexOf('Sanders');
    assert.strictEqual(subjectRank(invertedDoc, { start: s, end: s + 7, type: 'person', text: 'Sanders' }), 2);
  });
});

describe('quotes: speech verbs the lexicon lacked', () => {
  it('`answered`, `barked`, `interjected` report the words next to them', () => {
    const text =
      "Ms. Abedin worked at the State Department.\n\n''It's jeff feltman,'' Ms. Abedin answered, referring to Jeffrey D. Feltman.\n\n“Go back to Univision,” Trump barked and a guard escorted Ramos out.\n\n“Only Rosie O'Donnell,” Trump interjected.";
    const quotes = analyse(text, { 'Ms. Abedin': 'person', Abedin: 'person', 'Jeffrey D. Feltman': 'person', 'State Department': 'organization', Trump: 'person', Ramos: 'person', Univision: 'organization' });
    assert.strictEqual(speakerOf(quotes, "It's jeff"), 'Ms. Abedin');
    assert.strictEqual(speakerOf(quotes, 'Go back'), 'Trump');
    assert.strictEqual(speakerOf(quotes, 'Only Rosie'), 'Trump');
  });
});

describe('quotes: a title right before a name is part of the name’s phrase', () => {
  const text =
    'The new investment comes amid signs that Trump’s poll numbers may be improving.\n\nTrump senior communications adviser Jason Miller said in a statement that the billionaire businessman’s “positive message of economic opportunity is working and we see the polls all moving in the right direction.”';
  const names = { 'Jason Miller': 'person', Trump: 'person' } as const;

  it('is no speaker candidate of its own (`senior communications adviser Jason Miller`), nor is a modifier of it (`Trump senior`)', () => {
    const { paragraphs, sentences, mentions } = quoteLayers(text, names);
    const { quotes } = collectSpeakerCandidates(text, paragraphs, sentences, mentions, resources.quotes);
    const spans = quotes[0].spans.map((s) => s?.text);
    assert.ok(spans.includes('Jason Miller'), JSON.stringify(spans));
    assert.ok(!spans.some((s) => s !== undefined && /senior|adviser/.test(s)), JSON.stringify(spans));
  });

  it('leaves the quotation to the named person', () => {
    assert.match(speakerOf(analyse(text, names), 'positive message') ?? '', /Jason Miller$/);
  });
});
