/**
 * The two small helpers stop 65 made one of each (`wordScreen.ts`, `plurals.ts`), tested on their own: the screen may
 * only rule words out (a marked word is never ruled out, whatever its length or first code unit), and the regular
 * plural reads both endings of a listed singular (`Democrats`, `Joneses`, `heroes`) and nothing else.
 */
import * as assert from 'assert';
import { isPluralOf } from '../../server/src/core/plurals';
import { WordScreen } from '../../server/src/core/wordScreen';

describe('WordScreen: a first-code-unit and length screen before a look-up', () => {
  it('never rules out a word it marked, and rules out words of another first letter or length', () => {
    const screen = new WordScreen(128);
    const marked = ['Trump', 'Clinton', 'Ng', 'Schwarzenegger-Shriver-Kennedy-Onassis', 'a'];
    for (const word of marked) screen.mark(word);
    for (const word of marked) assert.strictEqual(screen.mayHold(word), true, word);
    // Same first letter, another length; another first letter; case is told apart.
    assert.strictEqual(screen.mayHold('Trumps'), false);
    assert.strictEqual(screen.mayHold('Obama'), false);
    assert.strictEqual(screen.mayHold('trump'), false);
    // Same first letter and length: let through, for the look-up to decide.
    assert.strictEqual(screen.mayHold('Tramp'), true);
    // Every length from 31 on shares one bit: a long word is let through beside another long one.
    assert.strictEqual(screen.mayHold('S' + 'x'.repeat(40)), true);
  });

  it('lets through what its table cannot tell (an empty word, a first code unit past the table)', () => {
    const screen = new WordScreen(128);
    assert.strictEqual(screen.mayHold(''), true);
    assert.strictEqual(screen.mayHold('Öcalan'), true);
    const wide = new WordScreen(65536);
    wide.mark('Öcalan');
    assert.strictEqual(wide.mayHold('Öcalan'), true);
    assert.strictEqual(wide.mayHold('Ömer'), false);
  });

  it('forgets a word by its first code unit, so one screen serves caller after caller', () => {
    const screen = new WordScreen(128);
    screen.mark('Lavrov');
    screen.mark('Lamberto');
    screen.forget('Lavrov');
    assert.strictEqual(screen.mayHold('Lavrov'), false);
    assert.strictEqual(screen.mayHold('Lamberto'), false, 'every word of that first code unit is forgotten');
    screen.mark('Kerry');
    assert.strictEqual(screen.mayHold('Kerry'), true);
  });
});

describe('isPluralOf: the regular plural of a listed singular', () => {
  const listed = new Set(['democrat', 'jones', 'hero', 'khan', 'bus']);
  const isListed = (singular: string) => listed.has(singular);

  it('reads -s and -es', () => {
    for (const word of ['democrats', 'joneses', 'heroes', 'khans', 'buses']) assert.strictEqual(isPluralOf(word, isListed), true, word);
  });

  it('is no plural of a word not listed, nor the singular itself', () => {
    for (const word of ['democrat', 'republicans', 'jone', 'democratss', 's', '']) assert.strictEqual(isPluralOf(word, isListed), false, word);
  });
});
