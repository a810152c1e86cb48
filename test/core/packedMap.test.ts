/**
 * packedMap (issue 17): the tagger's word lists and the per-paragraph lists of duplicates and page furniture
 * are packed arrays whichever tier of V8 made them; `Array.prototype.map` made them packed while its caller ran
 * unoptimised and holey once optimised, and every stage reading them was compiled again on meeting the other
 * kind. V8's own intrinsics (`--allow-natives-syntax`, switched on here only for functions made below) tell the
 * kinds apart.
 */
import * as assert from 'assert';
import * as v8 from 'v8';
import { packedMap } from '../../server/src/core/packedMap';

v8.setFlagsFromString('--allow-natives-syntax');
const isHoley = new Function('a', 'return %HasHoleyElements(a)') as (array: unknown[]) => boolean;
/** Calls `make` unoptimised, then optimised by V8's optimising compiler, and returns both results. */
const inBothTiers = new Function(
  'make',
  'input',
  `const before = make(input); %PrepareFunctionForOptimization(make); make(input); make(input); %OptimizeFunctionOnNextCall(make); const after = make(input);
   return { before, after };`,
) as <T>(make: (input: T) => unknown[], input: T) => { before: unknown[]; after: unknown[] };

describe('packedMap', () => {
  const tokens = [{ text: 'Sergei' }, { text: 'Lavrov' }, { text: 'said' }];

  it('makes packed arrays in both tiers, where Array.prototype.map makes a holey one once optimised', () => {
    const byMap = inBothTiers((input: typeof tokens) => input.map((t) => t.text), tokens);
    const byPackedMap = inBothTiers((input: typeof tokens) => packedMap(input, (t) => t.text), tokens);
    // What the helper is for, and the proof that the second call ran optimised: V8 changes the kind of map's
    // result with the tier (if this stops holding, packedMap can go).
    assert.deepStrictEqual([isHoley(byMap.before), isHoley(byMap.after)], [false, true]);
    assert.deepStrictEqual([isHoley(byPackedMap.before), isHoley(byPackedMap.after)], [false, false]);
    assert.deepStrictEqual(byPackedMap.after, ['Sergei', 'Lavrov', 'said']);
  });

  it('passes the index, as map does', () => {
    assert.deepStrictEqual(packedMap(['a', 'b'], (item, index) => `${item}${index}`), ['a0', 'b1']);
  });
});
