/**
 * Issue 15: which clause a speech verb reports from. A quotation that closes its sentence keeps the cue before it
 * over the next sentence's (`… responded: “…?” Her critics cited it`, `… did not “use it that much.” According to
 * F.A.A. records, …`); a sentence's opening `But` is no introductory phrase; a passive's subject is not who spoke
 * (`Guccifer 2.0 was branded “in homage to” Lazar, Song wrote`); a subordinate clause closed before the quotation
 * does not report it. Sentences from PolNeAR train that had gone to the wrong phrase, with counter-examples the
 * rules must keep.
 */
import * as assert from 'assert';
import { analyseQuotes as analyse, speakerOf } from '../helpers/quoteAnalysis';

describe('quotes: clause boundaries around a speech verb', () => {
  it('a quotation closed by `?` belongs to the colon lead-in before it, not to the next sentence’s subject', () => {
    const text = 'Clinton, exasperated, famously responded: "What difference - at this point, what difference does it make?" Her critics cited it as evidence that she did not care.';
    assert.strictEqual(speakerOf(analyse(text, { Clinton: 'person' }), 'What difference'), 'Clinton');
    // A name and its verb after the question still report it.
    const after = 'The crowd was loud. "What difference does it make?" Clinton said.';
    assert.strictEqual(speakerOf(analyse(after, { Clinton: 'person' }), 'What difference'), 'Clinton');
  });

  it('a capitalised `According to` after a quotation that closed its sentence sources the next sentence', () => {
    const text = "Mr. Trump said that he was aware of the Boeing's limitations and that he did not ''use it that much.'' According to F.A.A. records, the Boeing has flown about 30 hours.";
    assert.strictEqual(speakerOf(analyse(text, { Trump: 'person', 'F.A.A.': 'organization', Boeing: 'organization' }), 'use it'), 'Mr. Trump');
    const comma = 'The plan is "a disaster in the making," according to Senator Jane Smith.';
    assert.strictEqual(speakerOf(analyse(comma, { 'Jane Smith': 'person' }), 'a disaster'), 'Senator Jane Smith');
  });

  it('`But` opening the sentence is no introductory phrase: the subject after it speaks through a later `and described`', () => {
    const text =
      "But Obama, making it clear that security trumped other concerns in the Horn of Africa, stood beside Meles's successor, Prime Minister Hailemariam Desalegn, and described the government as being ''democratically elected.''";
    const names = { Obama: 'person', Meles: 'person', 'Hailemariam Desalegn': 'person', 'Horn of Africa': 'location' } as const;
    assert.strictEqual(speakerOf(analyse(text, names), 'democratically'), 'Obama');
  });

  it('the subject of a passive speech verb is not its speaker; `is quoted as saying` still reports its subject', () => {
    const text = 'The online publication led to a resignation in July. Guccifer 2.0 was branded "in homage to" Lazar, Song wrote.';
    assert.strictEqual(speakerOf(analyse(text, { 'Guccifer 2.0': 'person', Lazar: 'person', Song: 'person' }), 'in homage'), 'Song');
    const quoted = 'The campaign wants a balanced universe, and Braynard is quoted as saying, "Because we don\'t have to dig deep, we win."';
    assert.strictEqual(speakerOf(analyse(quoted, { Braynard: 'person' }), 'Because we'), 'Braynard');
  });

  it('a verb in a subordinate clause closed before the quotation does not report it; one whose clause holds it does', () => {
    const text = "Mrs. Clinton said that when Ms. Warren railed against Wall Street and corporate excesses from her perch in the Senate, ''she is speaking for all of us.''";
    assert.strictEqual(speakerOf(analyse(text, { Clinton: 'person', Warren: 'person', 'Wall Street': 'organization', Senate: 'organization' }), 'she is speaking'), 'Mrs. Clinton');
    // The comma of `Salem, New Hampshire` closes no clause: the quotation is in the `after` clause, Trump's.
    const place = 'McCain issued a statement after Republican contender Donald Trump told a town hall in Salem, New Hampshire on Monday that waterboarding is “peanuts,” compared to what Islamic State militants are doing.';
    const names = { McCain: 'person', 'Donald Trump': 'person', Salem: 'location', 'New Hampshire': 'location', 'Islamic State': 'organization' } as const;
    assert.strictEqual(speakerOf(analyse(place, names), 'peanuts'), 'Republican contender Donald Trump');
  });
});
