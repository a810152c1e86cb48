/**
 * `Vocabulary`'s role words and honorifics as written (any case, with or without a full stop), which a screen of first
 * letters and lengths answers for most words before the remembered classes are looked up (session 66): the screen may
 * only rule out words that have no class, whatever their case, full stop or characters.
 */
import * as assert from 'assert';
import { Vocabulary } from '../../server/src/core/vocabulary';

function vocabulary(): Vocabulary {
  return new Vocabulary({
    honorifics: new Map([
      ['mr', 'm'],
      ['dr', undefined],
    ]),
    nameParticles: ['de'],
    roleWords: ['minister', 'envoy', 'ñandú', 'i\u0307mam', 'hakki\u0307m', 'undersecretary'],
  });
}

describe('Vocabulary: role words and honorifics as written', () => {
  it('reads a listed word in any case, with or without its full stop', () => {
    const v = vocabulary();
    for (const word of ['minister', 'Minister', 'MINISTER', 'minister.', 'Envoy.', 'eNVOY']) assert.strictEqual(v.isRoleWord(word), true, word);
    for (const word of ['Mr', 'Mr.', 'MR.', 'mr', 'Dr.', 'DR']) assert.strictEqual(v.isHonorific(word), true, word);
    assert.strictEqual(v.honorificGender('MR.'), 'm');
    assert.strictEqual(v.honorificGender('Dr.'), undefined);
  });

  it('rules out other words, whether or not they share a first letter or a length', () => {
    const v = vocabulary();
    for (const word of ['ministers', 'Ministerial', 'Mister', 'minister..', 'envoys', 'the', 'Obama', '', '.', 'Mrs.']) {
      assert.strictEqual(v.isRoleWord(word), false, word);
      assert.strictEqual(v.isHonorific(word), false, word);
    }
  });

  it('reads words whose first letter is not ASCII, and a listed word that lower-cases from a shorter one (`İ`)', () => {
    const v = vocabulary();
    assert.strictEqual(v.isRoleWord('Ñandú'), true);
    assert.strictEqual(v.isRoleWord('ÑANDÚ.'), true);
    // `İmam` (4 code units) lower-cases to `i̇mam` (5).
    assert.strictEqual(v.isRoleWord('İmam'), true);
    assert.strictEqual(v.isRoleWord('İMAM.'), true);
    // The same inside an ASCII-initial word, which the screen does read: `HAKKİM` (6) is the listed `hakki̇m` (7).
    assert.strictEqual(v.isRoleWord('HAKKİM'), true);
    assert.strictEqual(v.isRoleWord('Hakkİm.'), true);
  });

  it('answers a word asked again, and another word of the same length and first and last letters, as the first time', () => {
    const v = vocabulary();
    // `Mxxxxxxr` shares the remembered slot of `Minister`, `Uxxxxxxxxxxxxy` that of `Undersecretary` (a word of 13 code
    // units or more, kept as a copy).
    for (let round = 0; round < 3; round++) {
      assert.strictEqual(v.isRoleWord('Undersecretary'), true);
      assert.strictEqual(v.isRoleWord('Uxxxxxxxxxxxxy'), false);
      assert.strictEqual(v.isRoleWord('The Undersecretary'.slice(4)), true);
      assert.strictEqual(v.isRoleWord('Minister'), true);
      assert.strictEqual(v.isRoleWord('Mxxxxxxr'), false);
      assert.strictEqual(v.isRoleWord('Minister'.slice(0)), true);
      assert.strictEqual(v.isHonorific('Mr.'), true);
      assert.strictEqual(v.isRoleWord('Mr.'), false);
      assert.strictEqual(v.isRoleWord('M' + 'x'.repeat(20)), false);
    }
  });
});
