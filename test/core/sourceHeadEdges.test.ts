import * as assert from 'assert';
import { ONLY_OWNERS, speakerEntity } from '../../server/src/core/sourceHead';
import type { EntityMention, EntityType, OffsetRange } from '../../server/src/core/types';
import { resources } from '../helpers/resources';

const isPersonHead = (word: string) => resources.quotes.personHeads.has(word);

/** Entities written in order into `text` (each the next occurrence of its words). */
function mentions(text: string, spec: readonly [string, EntityType][]): EntityMention[] {
  let from = 0;
  return spec.map(([words, type]) => {
    const start = text.indexOf(words, from);
    assert.ok(start >= 0, `${words} is in the text`);
    from = start + words.length;
    return { start, end: from, text: words, type } as EntityMention;
  });
}

/** The speaker's words, `ONLY_OWNERS` or `undefined`, for a phrase (the whole text unless a slice is given). */
function speaker(text: string, spec: readonly [string, EntityType][], slice: OffsetRange = { start: 0, end: text.length }): string | null | undefined {
  const found = speakerEntity(text, mentions(text, spec), slice, isPersonHead);
  return found === ONLY_OWNERS ? ONLY_OWNERS : found?.text;
}

describe('sourceHead: any slice the server may be asked about answers without throwing (review 15)', () => {
  it('an empty text, an empty slice, a slice past the end or reversed, one inside a name', () => {
    assert.strictEqual(speaker('', []), undefined);
    assert.strictEqual(speaker('a', []), undefined);
    assert.strictEqual(speaker('Trump said', [['Trump', 'person']], { start: 0, end: 0 }), undefined);
    assert.strictEqual(speaker('Trump said', [['Trump', 'person']], { start: 20, end: 10 }), undefined);
    assert.strictEqual(speaker('Trump said', [['Trump', 'person']], { start: 3, end: 50 }), 'Trump');
    assert.strictEqual(speaker('Hillary Clinton said', [['Hillary Clinton', 'person']], { start: 2, end: 9 }), 'Hillary Clinton');
  });

  it('a name cut by the slice’s end still speaks; its owner written with a straight, curly or bare plural apostrophe', () => {
    assert.strictEqual(speaker('RNC spokesman Sean Spicer', [['RNC', 'organization'], ['Sean Spicer', 'person']], { start: 0, end: 18 }), 'Sean Spicer');
    assert.strictEqual(speaker("Sanders' campaign manager Jeff Weaver", [['Sanders', 'person'], ['Jeff Weaver', 'person']]), 'Jeff Weaver');
    assert.strictEqual(speaker('Sanders’ campaign manager', [['Sanders', 'person']]), ONLY_OWNERS);
    assert.strictEqual(speaker('Trump’s words', [['Trump', 'person']]), 'Trump');
  });

  it('a 100 KB phrase of words before or after the name is read whole (no exception, the same answer as a short one)', () => {
    const words = 'the big spokesman '.repeat(6000);
    assert.strictEqual(speaker(`a ${words}for Paul Ryan`, [['Paul Ryan', 'person']]), ONLY_OWNERS);
    assert.strictEqual(speaker(`${words}x. Paul Ryan`, [['Paul Ryan', 'person']]), 'Paul Ryan');
    assert.strictEqual(speaker(`Paul Ryan ${words}`, [['Paul Ryan', 'person']]), ONLY_OWNERS);
  });
});

describe('sourceHead: a title holding `of` after a possessor is the title of the name after it (review 15)', () => {
  it('`Clinton’s chief of staff Cheryl Mills` is Mills, `Bush’s secretary of state Colin Powell` Powell; a place after `of` still ends the run', () => {
    assert.strictEqual(speaker('Clinton’s chief of staff Cheryl Mills', [['Clinton', 'person'], ['Cheryl Mills', 'person']]), 'Cheryl Mills');
    assert.strictEqual(speaker("Bush's secretary of state Colin Powell", [['Bush', 'person'], ['Colin Powell', 'person']]), 'Colin Powell');
    assert.strictEqual(speaker('Obama’s director of the budget office Shaun Donovan', [['Obama', 'person'], ['Shaun Donovan', 'person']]), 'Shaun Donovan');
    // Not a possessor: `of` links the names (`Stacy Baker of Columbia`), and without a title after `of` the owner stays.
    assert.strictEqual(speaker('Stacy Baker of Columbia', [['Stacy Baker', 'person'], ['Columbia', 'location']]), 'Stacy Baker');
    assert.strictEqual(speaker('Rick Perry of Texas and Ted Cruz', [['Rick Perry', 'person'], ['Texas', 'location'], ['Ted Cruz', 'person']]), 'Rick Perry');
  });

  it('`the Director of National Intelligence James Clapper` is Clapper; `a spokesman for House Speaker Paul Ryan` stays nobody named', () => {
    assert.strictEqual(speaker('the Director of National Intelligence James Clapper', [['National Intelligence', 'organization'], ['James Clapper', 'person']]), 'James Clapper');
    assert.strictEqual(speaker('The Director of National Intelligence James Clapper', [['National Intelligence', 'organization'], ['James Clapper', 'person']]), 'James Clapper');
    assert.strictEqual(speaker('a spokesman for House Speaker Paul Ryan', [['House', 'organization'], ['Paul Ryan', 'person']]), ONLY_OWNERS);
    assert.strictEqual(speaker('the spokesman for House Speaker Paul Ryan', [['House', 'organization'], ['Paul Ryan', 'person']]), ONLY_OWNERS);
  });

  it('titles joined by `and` run on to the person they are of (`Trump adviser and Fox host Sean Hannity`); with no person at the end the run stops at the `and`', () => {
    assert.strictEqual(speaker('Trump adviser and Fox host Sean Hannity', [['Trump', 'person'], ['Fox', 'organization'], ['Sean Hannity', 'person']]), 'Sean Hannity');
    assert.strictEqual(speaker('Pennsylvania Gov. and Democratic National Committee', [['Pennsylvania', 'location'], ['Democratic National Committee', 'organization']]), ONLY_OWNERS);
    // Two people joined by `and` stay two: the first speaks, as before (no title before the `and`).
    assert.strictEqual(speaker('Sen. Bernie Sanders and Gov. Jerry Brown', [['Bernie Sanders', 'person'], ['Jerry Brown', 'person']]), 'Bernie Sanders');
  });
});
