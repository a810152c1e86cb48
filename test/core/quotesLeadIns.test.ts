/**
 * Issue 15, round 2: speakers the cue rules (`core/quotes/cues.ts`, `document.ts`, `phrases.ts`) read before a
 * quotation — a colon lead-in, a participle's subject — on sentences of PolNeAR train where the quotation had gone
 * to a phrase that cannot speak (`a snappy`, `Outside`, `Orlando`) or to an earlier speaker.
 */
import * as assert from 'assert';
import { analyseQuotes as analyse, speakerOf } from '../helpers/quoteAnalysis';

describe('quotes: colon lead-ins', () => {
  it('a speech word after `a` and an adjective is a noun (`Sanders delivered a snappy retort: “…”`)', () => {
    const text = 'Sanders delivered a snappy retort: "No one is tearing this up. We\'re going to go forward."';
    const quotes = analyse(text, { Sanders: 'person' });
    assert.strictEqual(speakerOf(quotes, 'No one is'), 'Sanders');
  });

  it('a name and a past verb touching the colon beat an earlier speech verb (`to which O\'Malley interjected: “…”`)', () => {
    const text = 'Clinton said there was "no daylight" between their plans for the banking industry. She said that experts had determined her proposals were effective and strong, to which O\'Malley interjected: "It\'s just not true."';
    const quotes = analyse(text, { Clinton: 'person', "O'Malley": 'person' });
    assert.strictEqual(speakerOf(quotes, "It's just"), "O'Malley");
  });

  it('a name after a dash before the colon (`Pollsters agree - Carl Bialik: “…”`)', () => {
    const text = 'Pollsters agree - Carl Bialik: "One of the biggest lessons was a simple one: Keep on contacting voters as late as possible."';
    const quotes = analyse(text, { 'Carl Bialik': 'person' });
    assert.strictEqual(speakerOf(quotes, 'One of the'), 'Carl Bialik');
  });
});

describe('quotes: the subject of a participle', () => {
  it('`with` and a group before the participle (`with many marchers and spectators chanting “…”`)', () => {
    const text = 'Orlando was not far from the thoughts of celebrants, with many marchers and spectators chanting "We are Orlando" and "Disarm hate."';
    const quotes = analyse(text, { Orlando: 'location' });
    assert.strictEqual(speakerOf(quotes, 'We are'), 'many marchers and spectators');
    // The second, after `and`, is theirs too; the ranker may leave it unattributed, never to the town.
    assert.notStrictEqual(speakerOf(quotes, 'Disarm'), 'Orlando');
  });

  it('a capitalised preposition opening the sentence is no subject (`Outside the sports arena …, … chanting “…”`)', () => {
    const text = 'Outside the sports arena in downtown Washington, about 200 protesters congregated in three clusters, holding anti-Trump signs and chanting "Dump Trump."';
    const quotes = analyse(text, { Washington: 'location' });
    assert.notStrictEqual(speakerOf(quotes, 'Dump'), 'Outside');
  });

  it('a document right before the participle speaks (`the newspaper’s editorial telling him to leave his “…”`)', () => {
    const text = 'Obama did visit the state, but not until the week after the newspaper’s editorial telling him to leave his “playground for the posh and well-connected” and visit the state.';
    const quotes = analyse(text, { Obama: 'person' });
    assert.notStrictEqual(speakerOf(quotes, 'playground'), 'Obama');
  });
});
