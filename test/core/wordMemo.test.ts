/**
 * The word memo shared by the vocabulary, the name lexicon and name handling: it computes a word's answer once and
 * gives it again, however the word is asked (session 66). In front of its map, the small table of the last words'
 * answers answers a word it was told, and nothing else — not another word of its slot, not an empty word.
 */
import * as assert from 'assert';
import { RecentWords, WordMemo } from '../../server/src/core/wordMemo';

describe('WordMemo: a function of a word, remembered', () => {
  it('computes each word once, and answers it again past the recent table (a word of the same slot in between)', () => {
    const asked: string[] = [];
    const memo = new WordMemo<string>((word) => {
      asked.push(word);
      return word.toLowerCase();
    });
    assert.strictEqual(memo.get('Minister'), 'minister');
    assert.strictEqual(memo.get('Mxxxxxxr'), 'mxxxxxxr');
    assert.strictEqual(memo.get(['Mini', 'ster'].join('')), 'minister');
    assert.strictEqual(memo.get('Mxxxxxxr'), 'mxxxxxxr');
    assert.deepStrictEqual(asked, ['Minister', 'Mxxxxxxr']);
  });

  it('remembers a falsy answer as an answer', () => {
    let calls = 0;
    const memo = new WordMemo<number>(() => (calls++, 0));
    for (let i = 0; i < 3; i++) assert.strictEqual(memo.get('the'), 0);
    assert.strictEqual(calls, 1);
  });
});

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
