/**
 * The small table of the last words' answers in front of the word memos (session 66): it answers a word it was told,
 * and nothing else — not another word of its slot, not an empty word — and keeps a long word as a copy.
 */
import * as assert from 'assert';
import { RecentWords } from '../../server/src/core/recentWords';

describe('RecentWords: the last words asked, in front of a memo', () => {
  it('answers a word it was told, as the same string or an equal one', () => {
    const recent = new RecentWords<number>();
    recent.set('Minister', 5);
    assert.strictEqual(recent.get('Minister'), 5);
    assert.strictEqual(recent.get(['Mini', 'ster'].join('')), 5);
    recent.set('Minister', 0);
    assert.strictEqual(recent.get('Minister'), 0);
  });

  it('does not answer another word of the same slot, and forgets a word another took the slot of', () => {
    const recent = new RecentWords<number>();
    recent.set('Minister', 5);
    // Same length, first and last code units: the same slot.
    assert.strictEqual(recent.get('Mxxxxxxr'), undefined);
    recent.set('Mxxxxxxr', 2);
    assert.strictEqual(recent.get('Mxxxxxxr'), 2);
    assert.strictEqual(recent.get('Minister'), undefined);
  });

  it('keeps no empty word, and answers a long word cut from a longer text', () => {
    const recent = new RecentWords<string>();
    assert.strictEqual(recent.get(''), undefined);
    recent.set('', 'x');
    assert.strictEqual(recent.get(''), undefined);
    const text = 'As Arnold Schwarzenegger said';
    const name = text.slice(3, 24);
    recent.set(name, 'arnold schwarzenegger');
    assert.strictEqual(recent.get(name), 'arnold schwarzenegger');
    assert.strictEqual(recent.get('Arnold Schwarzenegger'), 'arnold schwarzenegger');
  });
});
