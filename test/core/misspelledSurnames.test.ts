/**
 * Issue 14, "a person actor is a person" and one actor per person: a surname the article misspells (`McLenney` for
 * Tyresha McClenney) was an organisation or a place, an actor of its own, and a pronoun after it went to someone else
 * (`entityRepair/misspelledSurnames.ts`). Passages from PolNeAR dev and train, and the names the repair must leave alone.
 */
import * as assert from 'assert';
import { analyzeArticle } from '../../server/src/core/analysis';
import { repaired } from '../helpers/entityRepair';
import { context } from '../helpers/resources';

const MCCLENNEY =
  'Still, the lack of enthusiasm for Clinton en masse among black voters seems to be a real issue for her campaign, as encapsulated by two first-name voters, Tyresha McClenney and Bryan Anderson, who saw Clinton’s running mate Tim Kaine speak at a recent rally.\n\n' +
  'McLenney said Clinton doesn’t show consistency in her concern for racial issues.\n\n' +
  '“It’s not something that she continuously says, it’s only like when the media gets a video of a black person getting shot,” she said.\n\n' +
  'She continued, “When the media dies down on that, and she’s still saying it … that would help have more trust in her and believe in what she says.”\n\n' +
  'Anderson largely agreed with McLenny and seemed to think the outreach to black voters was somewhat phony.\n';

describe('entity repair: a misspelled surname is the person it names', () => {
  it('joins `McLenney` and `McLenny` to Tyresha McClenney, whose words the quotations after them are', () => {
    const { actors, quotes } = analyzeArticle(MCCLENNEY, context);
    const mcclenney = actors.find((a) => a.name === 'Tyresha McClenney');
    assert.ok(mcclenney, 'Tyresha McClenney is an actor');
    assert.deepStrictEqual(mcclenney.mentions.filter((m) => m.kind === 'name').map((m) => m.text), ['Tyresha McClenney', 'McLenney', 'McLenny']);
    assert.deepStrictEqual(mcclenney.variants.map((v) => v.spelling), ['McLenney', 'McLenny']);
    assert.ok(!actors.some((a) => a.type !== 'person' && /^McLenn/.test(a.name)), 'no organisation named by a typo');
    for (const q of quotes) assert.strictEqual(q.attribution?.resolved?.text, 'McLenney', q.text);
  });

  it('retypes a one-word organisation or place a letter or two from one full name’s surname, read as a person’s (`Keidis continued`)', () => {
    const text = 'Anthony Kiedis, the band’s singer, was in the hospital. “We kind of already wrote the songs,” Keidis continued.\n\nDonna Brazile takes over. Brazille said she would chair the convention. Democrats agreed with Brazille.\n';
    assert.deepStrictEqual(repaired(text, ['person:Anthony Kiedis', 'organization:Keidis', 'person:Donna Brazile', 'location:Brazille', 'location:Brazille']), [
      'person:Anthony Kiedis',
      'person:Keidis',
      'person:Donna Brazile',
      'person:Brazille',
      'person:Brazille',
    ]);
  });

  it('leaves alone a place the text places or reads as one (`a rally in Durham, N.C.` beside Lena Dunham), and a word with no sign of a person', () => {
    const durham = 'Actress Lena Dunham campaigned for Hillary Clinton at a rally in Durham, N.C., on Tuesday. Durham said it would host the next one.\n';
    assert.deepStrictEqual(repaired(durham, ['person:Lena Dunham', 'person:Hillary Clinton', 'location:Durham', 'location:Durham']), ['person:Lena Dunham', 'person:Hillary Clinton', 'location:Durham', 'location:Durham']);
    const stanford = 'Rep. Mark Sanford spoke to students at Stanford on Monday. Stanford is home to many of them.\n';
    assert.deepStrictEqual(repaired(stanford, ['person:Mark Sanford', 'organization:Stanford', 'organization:Stanford']), ['person:Mark Sanford', 'organization:Stanford', 'organization:Stanford']);
    // No sign: `At Brazille’s direction` could be a place's as well as a person's.
    const brazile = 'Donna Brazile takes over. At Brazille’s direction, the committee apologized.\n';
    assert.deepStrictEqual(repaired(brazile, ['person:Donna Brazile', 'location:Brazille']), ['person:Donna Brazile', 'location:Brazille']);
  });

  it('leaves alone a place the lists know, an ordinary word, a person’s own surname, and a word as close to two surnames', () => {
    // `Florida` is a letter or two from Fiorina: a place the lists know.
    const florida = 'Carly Fiorina campaigned in Florida. Florida said it would count the votes again.\n';
    assert.deepStrictEqual(repaired(florida, ['person:Carly Fiorina', 'location:Florida', 'location:Florida']), ['person:Carly Fiorina', 'location:Florida', 'location:Florida']);
    // `Times` is an ordinary word, however close to Timms.
    const times = 'Mark Timms spoke first. Times said it would print the letter.\n';
    assert.deepStrictEqual(repaired(times, ['person:Mark Timms', 'organization:Times']), ['person:Mark Timms', 'organization:Times']);
    // `Sanders` is Bernie Sanders's name, not a misspelling of Sarah Sandes's.
    const sanders = 'Bernie Sanders and Sarah Sandes met. Sanders said the plan would work.\n';
    assert.deepStrictEqual(repaired(sanders, ['person:Bernie Sanders', 'person:Sarah Sandes', 'organization:Sanders']), ['person:Bernie Sanders', 'person:Sarah Sandes', 'organization:Sanders']);
    // `Janson` is as close to Jansen as to Jansson: no one in particular.
    const two = 'Mark Jansen and Erik Jansson spoke. Janson said nothing.\n';
    assert.deepStrictEqual(repaired(two, ['person:Mark Jansen', 'person:Erik Jansson', 'organization:Janson']), ['person:Mark Jansen', 'person:Erik Jansson', 'organization:Janson']);
  });
});
