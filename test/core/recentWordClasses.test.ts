/**
 * The small table of the last words' classes in front of the word-class memos (session 66): it answers a word it was
 * told, and nothing else — not another word of its slot, not an empty word, not a word too long to keep.
 */
import * as assert from 'assert';
import { RecentWordClasses } from '../../server/src/core/recentWordClasses';

describe('RecentWordClasses: the last words asked, in front of a memo', () => {
  it('answers a word it was told, as the same string or an equal one', () => {
    const recent = new RecentWordClasses();
    recent.set('Minister', 5);
    assert.strictEqual(recent.get('Minister'), 5);
    assert.strictEqual(recent.get(['Mini', 'ster'].join('')), 5);
    recent.set('Minister', 0);
    assert.strictEqual(recent.get('Minister'), 0);
  });

  it('does not answer another word of the same slot, and forgets a word another took the slot of', () => {
    const recent = new RecentWordClasses();
    recent.set('Minister', 5);
    // Same length, first and last code units: the same slot.
    assert.strictEqual(recent.get('Mxxxxxxr'), -1);
    recent.set('Mxxxxxxr', 2);
    assert.strictEqual(recent.get('Mxxxxxxr'), 2);
    assert.strictEqual(recent.get('Minister'), -1);
  });

  it('keeps no empty word and no word of 13 code units or more', () => {
    const recent = new RecentWordClasses();
    assert.strictEqual(recent.get(''), -1);
    recent.set('', 3);
    assert.strictEqual(recent.get(''), -1);
    recent.set('Schwarzenegger', 3);
    assert.strictEqual(recent.get('Schwarzenegger'), -1);
    recent.set('Schwarzenegg', 3);
    assert.strictEqual(recent.get('Schwarzenegg'), 3);
  });
});
