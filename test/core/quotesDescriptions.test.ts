/**
 * Issue 15, speakers given by a description of a person (`the man`, `the Christie supporter`) and what they resolve
 * to (`core/quotes/antecedents.ts`): a description the article brought in with an indefinite article is that
 * newcomer, and a person named inside a description of a person is someone else. Sentences of PolNeAR train where
 * the quotation had gone to a person named nearby (audit 3), with the cases the rules must keep.
 */
import * as assert from 'assert';
import type { Quote } from '../../server/src/core/types';
import { analyseQuotes as analyse } from '../helpers/quoteAnalysis';
import { analysePolnearTrain, quoteOpening } from '../helpers/polnearArticles';

/** The quotation starting with `prefix`: its speaker's words, and what they were resolved to (if anything). */
function attributionOf(quotes: readonly Quote[], prefix: string): { mention?: string; resolved?: string } {
  const q = quotes.find((x) => x.text.startsWith(prefix));
  assert.ok(q, `no quotation starts with ${prefix}`);
  return { mention: q.attribution?.mention.text, resolved: q.attribution?.resolved?.text };
}

describe('quotes: a description of a person resolves to someone the article names only when it can be them', () => {
  it('a description brought in with an indefinite article is a newcomer (`One man in Manchester … the man shouted` had gone to Sanders)', () => {
    const text =
      'Bernie Sanders is drawing animated crowds in the final hours before voting begins in New Hampshire.\n\n' +
      'One man in Manchester, responding to Sanders’ description of the Bush administration’s role in the economic recession, interrupted the candidate:\n\n' +
      '“They stole the country,” the man shouted, using an expletive to describe the Bush administration.';
    const names = { 'Bernie Sanders': 'person', Sanders: 'person', 'New Hampshire': 'location', Manchester: 'location', Bush: 'person' } as const;
    assert.deepStrictEqual(attributionOf(analyse(text, names), 'They stole'), { mention: 'the man', resolved: undefined });
    // `a young woman asked Mrs. Clinton …`, `greeted by an organizer …`: the same.
    const woman = 'At a town hall in Iowa, a young woman asked Mrs. Clinton about the accusations.\n\n“You say that all victims should be believed,” the woman said.';
    assert.deepStrictEqual(attributionOf(analyse(woman, { Clinton: 'person', Iowa: 'location' }), 'You say'), { mention: 'the woman', resolved: undefined });
  });

  it('not an indefinite that says what someone named is: an apposition or a predicate (`Donald Trump, a billionaire businessman, … the businessman said`)', () => {
    const names = { 'Donald Trump': 'person', Iowa: 'location' } as const;
    for (const text of [
      'Donald Trump, a billionaire businessman, spoke in Iowa on Monday. “We will win,” the businessman said.',
      'Donald Trump is a businessman who spoke in Iowa on Monday. “We will win,” the businessman said.',
      // Negated, or set off by a dash (review of a9dac12).
      'Donald Trump is not a typical businessman, and he spoke in Iowa on Monday. “We will win,” the businessman said.',
      'Donald Trump — a billionaire businessman — spoke in Iowa on Monday. “We will win,” the businessman said.',
    ]) {
      assert.deepStrictEqual(attributionOf(analyse(text, names), 'We will win'), { mention: 'the businessman', resolved: 'Donald Trump' }, text);
    }
    // An indefinite with the name after it (`An aide, John Smith,`) is that person.
    const aide = 'An aide, John Smith, spoke to reporters in Iowa on Monday. “We will win Iowa,” the aide said.';
    assert.strictEqual(attributionOf(analyse(aide, { 'John Smith': 'person', Iowa: 'location' }), 'We will win').resolved, 'John Smith');
  });

  it('the hand rules’ pick obeys the same (`A spokesman for the state party … the spokesman said` had gone to Trump, `the Trump spokesman` to Trump)', () => {
    const names = { 'Donald Trump': 'person', Trump: 'person', Iowa: 'location' } as const;
    const spokesman = 'Donald Trump spoke in Iowa on Monday. A spokesman for the state party was less sure. “We will lose,” the spokesman said.';
    assert.deepStrictEqual(attributionOf(analyse(spokesman, names), 'We will lose'), { mention: 'the spokesman', resolved: undefined });
    const trumps = 'Donald Trump spoke in Iowa on Monday. “We will win,” the Trump spokesman said.';
    assert.notStrictEqual(attributionOf(analyse(trumps, names), 'We will win').resolved, 'Donald Trump');
  });

  it('a person named inside a description of a person is someone else (`the Christie supporter retorted` had gone to Christie)', () => {
    const text =
      'A woman attending a town hall for New Jersey Gov. Chris Christie had a reply.\n\n' +
      'At the town hall meeting in Hudson on Monday, the Christie supporter retorted: “There is a special place in hell for women who vote for women just because they’re women.”';
    const quotes = analyse(text, { 'Chris Christie': 'person', Christie: 'person', 'New Jersey': 'location', Hudson: 'location' });
    const { mention, resolved } = attributionOf(quotes, 'There is a special');
    assert.strictEqual(mention, 'the Christie supporter');
    assert.notStrictEqual(resolved, 'Chris Christie');
  });

  it('a thing is not a newcomer (`a resolution … the resolution said`)', () => {
    const resolution = 'The St. Paul City Council met on Wednesday. The council voted 6-1 for a resolution. The resolution said the city “condemns anti-Muslim speech.”';
    const passed = attributionOf(analyse(resolution, { 'St. Paul City Council': 'organization' }), 'condemns');
    assert.strictEqual(passed.mention, 'The resolution');
    assert.strictEqual(passed.resolved, 'St. Paul City Council');
  });
});

describe('quotes: a pronoun after the sentence whose subject is someone else than the previous speaker', () => {
  it('is that subject’s (PolNeAR: `Trump eased his defiant tone … he said Ryan. “I would say Paul …,” he said.` had gone to Ryan; `Ted Cruz … is calling for some of his rivals to drop out … He asked them “prayerfully consider”` to Kasich)', function () {
    const ryan = analysePolnearTrain(this, 'breitbart_2016-05-12_trump-ryan-pledge-to-work-togeth.txt');
    for (const opening of ['I would say Paul', 'We can always have differences']) assert.strictEqual(quoteOpening(ryan, opening).actor, 'Donald Trump', opening);
    const cruz = analysePolnearTrain(this, 'breitbart_2016-03-01_the-latest-sanders-wins-minnesot.txt');
    for (const opening of ['prayerfully consider', 'a total disaster']) assert.strictEqual(quoteOpening(cruz, opening).actor, 'Ted Cruz', opening);
  });
});
