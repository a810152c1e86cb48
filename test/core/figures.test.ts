import * as assert from 'assert';
import { findFigures, mergeFigures } from '../../server/src/core/figures';
import { splitParagraphs } from '../../server/src/core/paragraphs';
import { splitSentences, tokenize } from '../../server/src/core/tokenize';
import type { EntityMention } from '../../server/src/core/types';
import { readSeed, SEEDS } from '../helpers/seeds';

function figures(text: string): [string, string][] {
  const sentences = splitParagraphs(text).flatMap((p) => splitSentences(text, tokenize(text, p)));
  return findFigures(text, sentences).map((f) => [f.text, f.type]);
}

describe('dates and figures', () => {
  it('finds dates: weekdays, month dates, years, ISO dates, decades', () => {
    assert.deepStrictEqual(figures('On Tuesday, March 1, 2016, voters in the 1990s and on 2016-03-01 met. In June 2015 and on 3 March 2016 too.'), [
      ['Tuesday, March 1, 2016', 'date'],
      ['1990s', 'date'],
      ['2016-03-01', 'date'],
      ['June 2015', 'date'],
      ['3 March 2016', 'date'],
    ]);
  });

  it('finds figures with their currency, scale and percent', () => {
    assert.deepStrictEqual(figures('It cost $2.5 billion, 35 percent more; 60,000 people and 12 % of 7.5 per cent.'), [
      ['$2.5 billion', 'number'],
      ['35 percent', 'number'],
      ['60,000', 'number'],
      ['12 %', 'number'],
      ['7.5 per cent', 'number'],
    ]);
  });

  it('leaves "may" and "March" alone when they are not dates, and a count written with a comma is not a year', () => {
    assert.deepStrictEqual(figures('They may March on, said May. It had 2,016 people.'), [['2,016', 'number']]);
  });

  it('finds the dates and figures a fact-checker would check in seed 004', () => {
    const found = figures(readSeed(SEEDS.lavrovSteinmeier));
    assert.ok(found.some(([t, type]) => t === 'Monday' && type === 'date'), JSON.stringify(found));
    assert.ok(found.some(([t, type]) => t === '2012' && type === 'date'), JSON.stringify(found));
  });

  it('gives way to a named entity it overlaps', () => {
    const entities: EntityMention[] = [{ start: 0, end: 13, type: 'misc', text: 'Super Tuesday' }];
    const merged = mergeFigures(entities, [{ start: 6, end: 13, type: 'date', text: 'Tuesday' }, { start: 20, end: 24, type: 'date', text: '2016' }]);
    assert.deepStrictEqual(merged.map((m) => m.text), ['Super Tuesday', '2016']);
  });
});
