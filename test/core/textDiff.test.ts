import * as assert from 'assert';
import * as fc from 'fast-check';
import { changedRange, replacementsBetween, type TextReplacement } from '../../server/src/core/textDiff';
import { splitsSurrogatePair } from '../../server/src/core/surrogates';

function applied(text: string, replacements: readonly TextReplacement[]): string {
  let out = '';
  let at = 0;
  for (const r of replacements) {
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  return out + text.slice(at);
}

describe('textDiff: the replacements between two texts', () => {
  it('finds each change of a text replaced whole, not one from the first to the last (a full-text didChange cut a label to `Jos`)', () => {
    const before = 'Minister Jose\u0301 Garci\u0301a met Kerry.\r\n\r\nKerry said so.\r\n';
    const after = before.normalize('NFC').replace(/\r\n/g, '\n');
    const replacements = replacementsBetween(before, after)!;
    assert.strictEqual(applied(before, replacements), after);
    assert.deepStrictEqual(replacements.map((r) => [before.slice(r.start, r.end), r.text]), [['e\u0301', 'é'], ['i\u0301', 'í'], ['\r', ''], ['\r', ''], ['\r', '']]);
  });

  it('property: the replacements, in order and apart, turn one text into the other', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'é'), maxLength: 40 });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const replacements = replacementsBetween(before, after)!;
        assert.strictEqual(applied(before, replacements), after);
        for (let i = 1; i < replacements.length; i++) assert.ok(replacements[i - 1].end < replacements[i].start, 'apart');
        for (const r of replacements) assert.ok(r.end > r.start || r.text.length > 0, 'each changes something');
      }),
      { numRuns: 2000 },
    );
  });

  it('never cuts a character outside the BMP in half: emoji sharing a high half are replaced whole', () => {
    // `😀` and `😃` are \uD83D\uDE00 and \uD83D\uDE03: a diff of code units replaced the low half alone.
    const before = 'Kerry 😀 said 🇺🇸 so.';
    const after = 'Kerry 😃 said 🇺🇦 so.';
    const replacements = replacementsBetween(before, after)!;
    assert.strictEqual(applied(before, replacements), after);
    assert.deepStrictEqual(replacements.map((r) => [before.slice(r.start, r.end), r.text]), [['😀', '😃'], ['🇸', '🇦']]);
    assert.deepStrictEqual(changedRange(before, after), { start: 6, end: 18, text: after.slice(6, 18) });
  });

  it('property: no replacement starts or ends inside a character, in either text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '😀', '😃', '𝐊', 'é'), maxLength: 30 });
    fc.assert(
      fc.property(text, text, (before, after) => {
        for (const replacements of [replacementsBetween(before, after)!, [changedRange(before, after)]]) {
          assert.strictEqual(applied(before, replacements), after);
          for (let i = 1; i < replacements.length; i++) assert.ok(replacements[i - 1].end < replacements[i].start, 'apart');
          let shift = 0;
          for (const r of replacements) {
            assert.ok(!splitsSurrogatePair(before, r.start) && !splitsSurrogatePair(before, r.end), `cuts ${JSON.stringify(before)} at ${r.start}–${r.end}`);
            const startAfter = r.start + shift;
            assert.ok(!splitsSurrogatePair(after, startAfter) && !splitsSurrogatePair(after, startAfter + r.text.length), `cuts ${JSON.stringify(after)}`);
            shift += r.text.length - (r.end - r.start);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('gives up within its budget on a long text changed throughout, and diffs one changed in a few places', () => {
    const long = 'Lorem ipsum dolor sit amet. '.repeat(40000);
    const started = performance.now();
    assert.strictEqual(replacementsBetween(long, long.replace(/dolor/g, 'dolour')), undefined);
    const throughout = long.split('');
    for (let i = 0; i < 600; i++) throughout[Math.floor(((i + 0.5) * long.length) / 600)] = 'Q';
    assert.strictEqual(replacementsBetween(long, throughout.join('')), undefined);
    const few = long.slice(0, 1000) + 'X' + long.slice(1000, 900000) + 'YY' + long.slice(900001);
    assert.deepStrictEqual(replacementsBetween(long, few), [{ start: 1000, end: 1000, text: 'X' }, { start: 900000, end: 900001, text: 'YY' }]);
    assert.ok(performance.now() - started < 2000, `${performance.now() - started} ms`);
  });
});
