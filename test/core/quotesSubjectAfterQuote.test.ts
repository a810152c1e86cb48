/**
 * Issue 15, named speakers with the wrong words: the speaker phrase the cue rules read next to a quotation
 * (`core/quotes/cues.ts`), on sentences of PolNeAR train where the quotation had gone to someone else — the
 * previous speaker, the sentence before, or the subject of the next sentence.
 */
import * as assert from 'assert';
import { analyseQuotes as analyse, speakerOf } from '../helpers/quoteAnalysis';

describe('quotes: the subject after a quotation, past words before the name the chunker cuts short', () => {
  it('an owner and a name particle in lower case (`his nephew Michery el Soheil added`)', () => {
    const text = 'The professor was headed to Cairo for a conference, the Guardian reported. “We had called him just before he boarded and everything was fine,” his nephew Michery el Soheil added.';
    const quotes = analyse(text, { 'Michery el Soheil': 'person', Guardian: 'organization', Cairo: 'location' });
    assert.strictEqual(speakerOf(quotes, 'We had called'), 'Michery el Soheil');
  });

  it('a role with a preposition and a figure in it (`Fight for $15 organizing director Kendall Fells told`)', () => {
    const text = 'The union-backed “Fight for $15” movement plans to protest the debate, the Daily Caller reports.\n\n“They have to decide whether to feed themselves or their kids,” Fight for $15 organizing director Kendall Fells told Fox News 6 in Milwaukee. “They care about two things.”';
    const quotes = analyse(text, { 'Kendall Fells': 'person', 'Daily Caller': 'organization', 'Fox News': 'organization', Milwaukee: 'location' });
    assert.strictEqual(speakerOf(quotes, 'They have to'), 'Kendall Fells');
    assert.strictEqual(speakerOf(quotes, 'They care'), 'Kendall Fells');
  });

  it('a name after a clause is no subject of the quotation (`“…” until Haley said she was backing …`)', () => {
    const text = 'Sims says he was “kind of riding the fence” until Haley said she was backing the Florida senator.';
    const quotes = analyse(text, { Sims: 'person', Haley: 'person' });
    assert.notStrictEqual(speakerOf(quotes, 'kind of'), 'Haley');
  });
});

describe('quotes: a verb before a colon with no subject before it', () => {
  it('`In other words, explained CBS moderator Nancy Cordes: “…”` is the moderator, not the previous speaker', () => {
    const text = '“I have never seen a candidate do that until now,” wrote Andy Grewal, a law professor.\n\nIn other words, explained CBS moderator Nancy Cordes: “What does that have to do with taking big donations?”';
    const quotes = analyse(text, { 'Andy Grewal': 'person', 'Nancy Cordes': 'person', CBS: 'organization' });
    assert.strictEqual(speakerOf(quotes, 'What does that'), 'CBS moderator Nancy Cordes');
  });

  it('not a verb with its subject before an interrupting phrase, nor the one spoken to (`Trump, in an interview on Tuesday, told CNN:`)', () => {
    const told = analyse('Pence spoke on Monday. Trump, in an interview on Tuesday, told CNN: “We will build the wall.”', { Pence: 'person', Trump: 'person', CNN: 'organization' });
    assert.strictEqual(speakerOf(told, 'We will build'), 'Trump');
    const voters = analyse('Pence spoke on Monday. Clinton, speaking in Des Moines, told Iowa voters: “We will win this state.”', { Pence: 'person', Clinton: 'person', 'Des Moines': 'location', Iowa: 'location' });
    assert.strictEqual(speakerOf(voters, 'We will win'), 'Clinton');
  });
});

describe('quotes: a question or an exclamation that ends its sentence', () => {
  it('is attributed by the name and verb right after it, however long the clause goes on (`“Why now?” Clinton asked reporters on Tuesday in Ohio.`)', () => {
    // English attributes a question or an exclamation with no comma; the review of stop 53 found these taken from
    // their speaker when any capitalised word after `?”` was read as a new sentence. (`“…?” Her critics cited it as
    // evidence …` is therefore Her critics again, as on main.)
    const asked = analyse('Trump spoke first at the debate on Monday. “Why now?” Clinton asked reporters on Tuesday in Ohio.', { Trump: 'person', Clinton: 'person' });
    assert.strictEqual(speakerOf(asked, 'Why now'), 'Clinton');
    const shouted = analyse('Trump spoke at length, Reuters said. “We will win!” Sanders shouted to the crowd in Des Moines.', { Trump: 'person', Sanders: 'person', Reuters: 'organization', 'Des Moines': 'location' });
    assert.strictEqual(speakerOf(shouted, 'We will win'), 'Sanders');
  });

  it('so does a name that goes on to a quotation of its own (`“Why now? …?” Mills then writes back, “…”`)', () => {
    const text = 'Clinton responds to Mills with, “Why now? That was on my way to Libya?” Mills then writes back, “You look cute.”';
    const quotes = analyse(text, { Clinton: 'person', Mills: 'person' });
    assert.strictEqual(speakerOf(quotes, 'Why now?'), 'Clinton');
    assert.strictEqual(speakerOf(quotes, 'You look cute'), 'Mills');
  });

  it('a speech verb that a comma closes still attributes the exclamation before it (`"All the way!" Dawson shouted, shorthand for …`)', () => {
    const text = 'Dawson smiled and lifted a sign of her own.\n\n“I am still Sanders,” it read.\n\n“All the way!” Dawson shouted, shorthand for taking the pro-Sanders fight all the way to the Democratic convention.';
    const quotes = analyse(text, { Dawson: 'person', Sanders: 'person' });
    assert.strictEqual(speakerOf(quotes, 'All the way'), 'Dawson');
  });
});
