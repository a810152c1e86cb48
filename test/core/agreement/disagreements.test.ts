import * as assert from 'assert';
import { findDisagreements } from '../../../server/src/core/agreement/disagreements';
import type { LabeledPlace } from '../../../server/src/core/agreement/spanSets';

const text = 'Foreign Minister Sergei Lavrov met John Kerry of the State Department in Geneva.';

/** A place on the first occurrence of `words` (or of each part of a `|`-separated discontinuous place). */
function place(label: string, words: string): LabeledPlace {
  return { label, fragments: words.split('|').map((w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length })) };
}

const show = (places: readonly LabeledPlace[]) => places.map((p) => `${p.label}:${p.fragments.map((f) => text.slice(f.start, f.end)).join('|')}`);

describe('agreement: disagreements for curation', () => {
  it('leaves out what both marked the same, and groups what overlaps into one disagreement', () => {
    const mine = [place('person', 'Sergei Lavrov'), place('person', 'John Kerry'), place('organization', 'State Department')];
    const theirs = [place('person', 'Lavrov'), place('misc', 'Sergei'), place('person', 'John Kerry'), place('location', 'Geneva')];
    const found = findDisagreements(mine, theirs);
    assert.deepStrictEqual(
      found.map((d) => [text.slice(d.start, d.end), show(d.mine), show(d.theirs)]),
      [
        ['Sergei Lavrov', ['person:Sergei Lavrov'], ['misc:Sergei', 'person:Lavrov']],
        ['State Department', ['organization:State Department'], []],
        ['Geneva', [], ['location:Geneva']],
      ],
    );
  });

  it('a label of another type on the same words is a disagreement; ids are stable and tell disagreements apart', () => {
    const first = findDisagreements([place('person', 'Geneva')], [place('location', 'Geneva')]);
    const again = findDisagreements([place('person', 'Geneva')], [place('location', 'Geneva')]);
    assert.strictEqual(first.length, 1);
    assert.strictEqual(first[0].id, again[0].id);
    const other = findDisagreements([place('organization', 'Geneva')], [place('location', 'Geneva')]);
    assert.notStrictEqual(other[0].id, first[0].id);
  });

  it('ids stay the same when text is typed above the disagreements (Keep mine stayed settled only until then), and tell alike ones apart', () => {
    const shifted = (places: LabeledPlace[], by: number) => places.map((p) => ({ ...p, fragments: p.fragments.map((f) => ({ start: f.start + by, end: f.end + by })) }));
    const mine = [place('person', 'Sergei Lavrov'), place('organization', 'State Department')];
    const theirs = [place('person', 'Lavrov'), place('location', 'Geneva')];
    const before = findDisagreements(mine, theirs).map((d) => d.id);
    assert.deepStrictEqual(findDisagreements(shifted(mine, 7), shifted(theirs, 7)).map((d) => d.id), before);
    // Two disagreements alike (the same labels on words of one length) at two places: two ids.
    const twice = findDisagreements([place('person', 'Sergei'), place('person', 'Geneva')], [place('misc', 'Sergei'), place('misc', 'Geneva')]);
    assert.strictEqual(new Set(twice.map((d) => d.id)).size, 2);
  });

  it('nothing to settle when both agree, or neither marked anything', () => {
    assert.deepStrictEqual(findDisagreements([place('person', 'John Kerry')], [place('person', 'John Kerry')]), []);
    assert.deepStrictEqual(findDisagreements([], []), []);
  });

  it('a discontinuous place overlaps through any of its fragments', () => {
    const found = findDisagreements([place('person', 'Sergei|Lavrov')], [place('person', 'Lavrov')]);
    assert.deepStrictEqual(found.map((d) => [show(d.mine), show(d.theirs)]), [[['person:Sergei|Lavrov'], ['person:Lavrov']]]);
  });
});
