import * as assert from 'assert';
import { assignStores, type StoreFit } from '../../../server/src/core/annotations/storeFit';

/** A fit of `placed` of 10 annotations, `unchanged` of them exactly where the store has them. */
const fit = (placed: number, unchanged = 0): StoreFit => ({ total: 10, placed, unchanged });

describe('stray stores assigned to articles together (storeFit.ts assignStores)', () => {
  it('twins, one deleted and one renamed: the renamed article goes to the store written on its text, never to both', () => {
    const result = assignStores([
      { store: 'deleted', article: 'renamed', fit: fit(10, 5) },
      { store: 'kept', article: 'renamed', fit: fit(10, 10) },
    ]);
    assert.deepStrictEqual(Object.fromEntries(result), { deleted: { kind: 'none' }, kept: { kind: 'one', article: 'renamed' } });
  });

  it('twins both renamed: each store gets its own text, though each fits both articles', () => {
    const result = assignStores([
      { store: 'a', article: 'a2', fit: fit(10, 10) },
      { store: 'a', article: 'b2', fit: fit(10, 4) },
      { store: 'b', article: 'a2', fit: fit(10, 4) },
      { store: 'b', article: 'b2', fit: fit(10, 10) },
    ]);
    assert.deepStrictEqual(Object.fromEntries(result), { a: { kind: 'one', article: 'a2' }, b: { kind: 'one', article: 'b2' } });
  });

  it('does not guess: a store that fits two copies stays (an old copy is as good as the renamed one edited since), two stores one text', () => {
    assert.deepStrictEqual(Object.fromEntries(assignStores([
      { store: 's', article: 'renamed-and-edited', fit: fit(10, 0) },
      { store: 's', article: 'old-copy', fit: fit(10, 10) },
    ])), { s: { kind: 'several', articles: ['renamed-and-edited', 'old-copy'] } });
    assert.deepStrictEqual(Object.fromEntries(assignStores([
      { store: 'a', article: 'renamed', fit: fit(9, 9) },
      { store: 'b', article: 'renamed', fit: fit(9, 9) },
      { store: 'c', article: 'renamed', fit: fit(7, 7) },
    ])), { a: { kind: 'contested', article: 'renamed', rivals: ['b'] }, b: { kind: 'contested', article: 'renamed', rivals: ['a'] }, c: { kind: 'none' } });
  });

  it('a store that fits nothing, or too little, is none; shares count, not numbers of annotations', () => {
    assert.deepStrictEqual(Object.fromEntries(assignStores([{ store: 's', article: 'x', fit: fit(5) }])), { s: { kind: 'none' } });
    // 4 of 4 placed beats 9 of 10.
    assert.deepStrictEqual(
      Object.fromEntries(assignStores([
        { store: 'small', article: 'x', fit: { total: 4, placed: 4, unchanged: 0 } },
        { store: 'large', article: 'x', fit: { total: 10, placed: 9, unchanged: 9 } },
      ])),
      { small: { kind: 'one', article: 'x' }, large: { kind: 'none' } },
    );
  });
});
