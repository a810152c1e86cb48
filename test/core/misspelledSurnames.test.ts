/**
 * Issue 14, "a person actor is a person" and one actor per person: a surname the article misspells (`McLenney` for
 * Tyresha McClenney) was an organisation or a place, an actor of its own, and a pronoun after it went to someone else
 * (`entityRepair/misspelledSurnames.ts`). Passages from PolNeAR dev and train, and the names the repair must leave alone.
 */
import * as assert from 'assert';
import { analyzeArticle } from '../../server/src/core/analysis';
import { repairEntities } from '../../server/src/core/entityRepair';
import { splitParagraphs } from '../../server/src/core/paragraphs';
import { splitSentences, tokenize } from '../../server/src/core/tokenize';
import type { EntityMention, EntityType } from '../../server/src/core/types';
import { context, resources } from '../helpers/resources';

/** The repair of what a recogniser said (`organization:McLenney`), as `type:text` strings. */
function repaired(text: string, said: readonly string[]): string[] {
  const sentences = splitParagraphs(text).flatMap((p) => splitSentences(text, tokenize(text, p)));
  let from = 0;
  const mentions: EntityMention[] = said.map((item) => {
    const [type, name] = item.split(/:(.*)/s);
    const start = text.indexOf(name, from);
    assert.ok(start >= 0, `${name} in the text`);
    from = start + name.length;
    return { start, end: start + name.length, type: type as EntityType, text: name };
  });
  return repairEntities(text, sentences, mentions, resources).map((m) => `${m.type}:${m.text}`);
}

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

  it('retypes a one-word organisation or place a letter or two from one full name’s surname (`Keidis`, `Brazille`)', () => {
    const text = 'Anthony Kiedis, the band’s singer, was in the hospital. Keidis continued to recover on Monday.\n\nDonna Brazile takes over. Brazille will chair the convention.\n';
    assert.deepStrictEqual(repaired(text, ['person:Anthony Kiedis', 'organization:Keidis', 'person:Donna Brazile', 'location:Brazille']), [
      'person:Anthony Kiedis',
      'person:Keidis',
      'person:Donna Brazile',
      'person:Brazille',
    ]);
  });

  it('leaves alone a place the lists know, an abbreviation, and a word as close to two surnames as to one', () => {
    // `Florida` is a letter or two from Fiorina, `Conn.` from Cohn: a place the lists know, an abbreviation.
    const places = 'Carly Fiorina campaigned in Florida. Gary Cohn lives in Bridgeport, Conn., with his family.\n';
    assert.deepStrictEqual(repaired(places, ['person:Carly Fiorina', 'location:Florida', 'person:Gary Cohn', 'location:Bridgeport', 'location:Conn']), [
      'person:Carly Fiorina',
      'location:Florida',
      'person:Gary Cohn',
      'location:Bridgeport',
      'location:Conn',
    ]);
    // `Janson` is as close to Jansen as to Jansson: no one in particular.
    const two = 'Mark Jansen and Erik Jansson spoke. Janson said nothing.\n';
    assert.deepStrictEqual(repaired(two, ['person:Mark Jansen', 'person:Erik Jansson', 'organization:Janson']), ['person:Mark Jansen', 'person:Erik Jansson', 'organization:Janson']);
  });
});
