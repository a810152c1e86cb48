import * as assert from 'assert';
import * as fc from 'fast-check';
import { NormalizedText } from '../../../server/src/core/annotations/normalizedText';

describe('annotations: a text in NFC and its way back to the original offsets', () => {
  it('maps offsets between characters exactly, both ways, and one inside a decomposed letter outward', () => {
    const text = 'Mevlu\u0308t C\u0327avus\u0327og\u0306lu met 한국 Kerry';
    const view = NormalizedText.of(text)!;
    assert.strictEqual(view.text, text.normalize('NFC'));
    const name = 'Mevlüt Çavuşoğlu';
    assert.strictEqual(view.toOriginal(name.length, 'end'), 'Mevlu\u0308t C\u0327avus\u0327og\u0306lu'.length);
    assert.strictEqual(view.fromOriginal(text.indexOf('met'), 'start'), view.text.indexOf('met'));
    assert.strictEqual(view.fromOriginal(5, 'start'), 4, 'between u and its diaeresis: the letter’s start');
    assert.strictEqual(view.fromOriginal(5, 'end'), 5, 'between u and its diaeresis: the letter’s end');
    assert.strictEqual(NormalizedText.of('already NFC: Çavuşoğlu'), undefined);
  });

  it('property: every boundary between characters of the NFC text maps to the original one that has the same text before it in NFC', () => {
    const unit = fc.constantFrom('a', 'e', 'u', ' ', '\u0301', '\u0308', '\u0327', 'é', 'ü', '\u1100', '\u1161', '\u11a8', '가', '\u212b', '😀');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
        const text = units.join('');
        const view = NormalizedText.of(text);
        if (!view) return;
        for (let i = 0; i <= view.text.length; i++) {
          const start = view.toOriginal(i, 'start');
          const end = view.toOriginal(i, 'end');
          assert.ok(start <= end && start >= 0 && end <= text.length);
          // A boundary that exists in both texts maps to it exactly.
          if (start === end) {
            assert.strictEqual(text.slice(0, start).normalize('NFC'), view.text.slice(0, i));
            assert.strictEqual(view.fromOriginal(start, 'start'), i, 'and back');
          }
        }
        assert.strictEqual(view.toOriginal(view.text.length, 'end'), text.length);
        assert.strictEqual(view.fromOriginal(text.length, 'end'), view.text.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the same across the chunks a long text is read in (each mapped when first needed), and as a whole', () => {
    const unit = fc.constantFrom('a', ' ', '\u0301', '\u0308', 'é', '\u1100', '\u1161', '\u11a8', '가', '\u212b', '😀', '\n');
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 40 }), fc.array(unit, { maxLength: 40 }), (repeated, tail) => {
        const text = repeated.join('').repeat(Math.ceil(10_000 / repeated.join('').length)) + tail.join('');
        const view = NormalizedText.of(text);
        if (!view) return;
        assert.strictEqual(view.text, text.normalize('NFC'));
        const checked = new Set<number>();
        for (const around of [0, 4096, 8192, 12288, view.text.length]) for (let i = Math.max(0, around - 12); i <= Math.min(view.text.length, around + 12); i++) checked.add(i);
        for (const i of checked) {
          const start = view.toOriginal(i, 'start');
          const end = view.toOriginal(i, 'end');
          assert.ok(start <= end && start >= 0 && end <= text.length);
          if (start === end) {
            assert.strictEqual(text.slice(0, start).normalize('NFC').length, i);
            assert.strictEqual(view.fromOriginal(start, 'start'), i, 'and back');
          }
        }
        assert.strictEqual(view.toOriginal(view.text.length, 'end'), text.length);
        assert.strictEqual(view.fromOriginal(text.length, 'end'), view.text.length);
      }),
      { numRuns: 150 },
    );
  });
});
