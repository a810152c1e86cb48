/**
 * Issue 15, speakers the cue rules read in the clause around the verb (`core/quotes/cues.ts`, `phrases.ts`): an
 * absolute phrase's name (`– Ryan saying …, and Trump calling it a “…”`), the teller in `X told him she …`, and a
 * person placed by a preposition before a place and its state (`a woman in Worcester, Massachusetts, told`).
 * Sentences of PolNeAR train where the quotation had gone to the wrong person, run through the whole pipeline.
 */
import * as assert from 'assert';
import { analyzeArticle } from '../../server/src/core/analysis';
import { context } from '../helpers/resources';
import { analyseQuotes as analyse, speakerOf } from '../helpers/quoteAnalysis';

describe('quotes: the name that opens an absolute phrase speaks its participle', () => {
  const statement =
    'Ryan and Trump met on Thursday. And soon after it was over, both men issued a statement expressing optimism about working together – Ryan saying he was “very encouraged” and Trump calling it a “great meeting.”';

  it('after a dash and after `and`, each name is its own participle’s speaker (the second had gone to Ryan)', () => {
    const { quotes } = analyzeArticle(statement, context);
    assert.strictEqual(speakerOf(quotes, 'very encouraged'), 'Ryan');
    assert.strictEqual(speakerOf(quotes, 'great meeting'), 'Trump');
  });

  it('a gerund with its subject after a preposition (`reminds me of Abraham Lincoln saying that`, `from George H.W. Bush calling … “voodoo economics”`)', () => {
    const lincoln = 'Trump reminds me of Abraham Lincoln saying that "You can fool some of the people all of the time."';
    assert.strictEqual(speakerOf(analyse(lincoln, { Trump: 'person', 'Abraham Lincoln': 'person' }), 'You can fool'), 'Abraham Lincoln');
    const bush = 'It was no different, he said, from George H.W. Bush calling Ronald Reagan’s policies “voodoo economics” before becoming his pick.';
    assert.strictEqual(speakerOf(analyse(bush, { 'George H.W. Bush': 'person', 'Ronald Reagan': 'person' }), 'voodoo economics'), 'George H.W. Bush');
    // Not after `to`: the recipient of a letter is not its asking.
    const letter = 'Phoenix Mayor Greg Stanton wrote a letter to Attorney General Loretta E. Lynch asking the Justice Department to investigate the "fiasco."';
    assert.notStrictEqual(speakerOf(analyse(letter, { 'Greg Stanton': 'person', 'Loretta E. Lynch': 'person', 'Justice Department': 'organization' }), 'fiasco'), 'Loretta E. Lynch');
  });

  it('not a name that is the object of a verb before the participle (`praised Trump, calling him …` keeps its subject)', () => {
    const text = 'Christie praised Trump on Monday, calling him “a great leader.”';
    const quotes = analyse(text, { Christie: 'person', Trump: 'person' });
    assert.strictEqual(speakerOf(quotes, 'a great leader'), 'Christie');
  });
});

describe('quotes: `X told him she …` is the words of X, whoever `she` is', () => {
  it('the teller, not the woman named before (`she` had gone to Nikki Haley)', () => {
    const text =
      'In South Carolina, he’s also picked up high-profile nods from Gov. Nikki Haley, Sen. Tim Scott and Rep. Trey Gowdy.\n\n___.\n\n4:15 p.m.\n\nJohn Kasich is assuring voters he’s tough enough to be president after a woman in Worcester, Massachusetts, told him she worries he’s “too nice” to fend off his GOP rivals and world leaders like Vladimir Putin.\n\nKasich is trumpeting a positive-only message on the campaign trail, refusing to attack his rivals.';
    const { quotes } = analyzeArticle(text, context);
    assert.strictEqual(speakerOf(quotes, 'too nice'), 'a woman');
  });

  it('a named teller too, and `told reporters` is no hearer pronoun (the pronoun then is the subject again)', () => {
    const named = 'Cruz told him he was “a liar.”';
    assert.strictEqual(speakerOf(analyse(named, { Cruz: 'person' }), 'a liar'), 'Cruz');
  });
});

describe('quotes: a person placed by `in` / `from` before a place and its state is the subject, not the place', () => {
  it('`A voter from Ames, Iowa, told reporters: “…”` (had gone to Ames)', () => {
    const text = 'A voter from Ames, Iowa, told reporters: “We are tired of it.”';
    const quotes = analyse(text, { Ames: 'location', Iowa: 'location' });
    assert.strictEqual(speakerOf(quotes, 'We are tired'), 'A voter');
  });

  it('an inserted phrase with a place still leaves the subject before it (`Clinton, during a town hall meeting in Columbus, Ohio, said`)', () => {
    const text = 'Clinton, during a town hall meeting in Columbus, Ohio, said she was “ready.”';
    const quotes = analyse(text, { Clinton: 'person', Columbus: 'location', Ohio: 'location' });
    assert.strictEqual(speakerOf(quotes, 'ready'), 'Clinton');
  });
});

describe('quotes: the subject of a participle with no speech verb before it', () => {
  it('after an opening phrase that ends in a place and its state (`At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton …, saying`; had gone to Iowa)', () => {
    const text =
      "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on her earlier statement, saying that the United States should play a leadership role and ''be rallying our partners and allies, pulling countries off the sidelines.''";
    const quotes = analyse(text, { Clinton: 'person', Ames: 'location', Iowa: 'location', 'United States': 'location' });
    assert.strictEqual(speakerOf(quotes, 'be rallying'), 'Mrs. Clinton');
  });

  it('a chain of participles goes back to the name before its first one (`Jimmy Carter going on TV …, declaring …, and telling Americans that`; had gone to `I`)', () => {
    const text =
      "I'm old enough to remember President Jimmy Carter going on TV on April 18, 1977, declaring a ''moral equivalent of war'' against dependence on foreign oil, and telling Americans that ''we need to shift to plentiful coal.''";
    const quotes = analyse(text, { 'Jimmy Carter': 'person' });
    assert.strictEqual(speakerOf(quotes, 'moral equivalent'), 'Jimmy Carter');
    assert.strictEqual(speakerOf(quotes, 'we need to shift'), 'Jimmy Carter');
  });

  it('not a name before a preposition in -ing (`shunned Jimmy Carter during his recent trips …, claiming`)', () => {
    const text = 'Israeli leaders shunned Jimmy Carter during his recent trips to Israel, claiming that the former president is "anti-Israel."';
    const quotes = analyse(text, { 'Jimmy Carter': 'person', Israel: 'location' });
    assert.strictEqual(speakerOf(quotes, 'anti-Israel'), 'Israeli leaders');
  });
});
