import * as assert from 'assert';
import { findDuplicateParagraphs, paragraphRemovalRanges } from '../../server/src/core/duplicateParagraphs';
import { splitParagraphs } from '../../server/src/core/paragraphs';
import { readSeed, SEEDS } from '../helpers/seeds';

function removeDuplicates(text: string, which: 'all' | number = 'all'): string {
  const paragraphs = splitParagraphs(text);
  const duplicates = findDuplicateParagraphs(paragraphs).map((d) => d.duplicate);
  const chosen = which === 'all' ? duplicates : [duplicates[which]];
  const ranges = paragraphRemovalRanges(text, paragraphs, chosen);
  let result = text;
  for (const r of [...ranges].reverse()) result = result.slice(0, r.start) + result.slice(r.end);
  return result;
}

describe('duplicate paragraphs', () => {
  it('finds the nine repeats of seed 000, each with its first copy', () => {
    const duplicates = findDuplicateParagraphs(splitParagraphs(readSeed(SEEDS.lavrovJamil)));
    assert.deepStrictEqual(duplicates.map((d) => [d.duplicate.index, d.original.index]), [[11, 2], [12, 3], [13, 4], [14, 5], [15, 6], [16, 7], [17, 8], [18, 9], [19, 10]]);
  });

  it('catches the near repeat in seed 003 and nothing in 001, 002, 004', () => {
    assert.strictEqual(findDuplicateParagraphs(splitParagraphs(readSeed(SEEDS.lavrovMunich))).length, 2);
    for (const seed of [SEEDS.lavrovKerry, SEEDS.lavrovZannier, SEEDS.lavrovSteinmeier]) {
      assert.deepStrictEqual(findDuplicateParagraphs(splitParagraphs(readSeed(seed))), [], seed);
    }
  });

  it('treats white space, punctuation, case and a lost space after a full stop as the same paragraph', () => {
    const text = 'Biden met Lavrov and al-Khatib. This year is different.\nOther news about the talks in Munich today.\nbiden  met Lavrov and al-Khatib.This year is different!';
    assert.strictEqual(findDuplicateParagraphs(splitParagraphs(text)).length, 1);
  });

  it('does not flag distinct paragraphs that share a sentence', () => {
    const text = 'Lavrov met Kerry in Geneva. They spoke for an hour.\nLavrov met Kerry in Geneva. Nothing was agreed.';
    assert.deepStrictEqual(findDuplicateParagraphs(splitParagraphs(text)), []);
  });

  it('compares keys, not only their hashes: two different paragraphs with colliding key hashes stay apart', () => {
    // Keys are compared by length and a 32-bit hash first; find two different keys of one length
    // whose hashes collide (FNV-1a, as duplicateParagraphs.ts computes it) and check they are not
    // taken for repeats, on either path (keys built here, or passed in as an incremental analysis does).
    const hash = (key: string) => {
      let h = 0x811c9dc5 | 0;
      for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
      return h;
    };
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let n = 0; !pair && n < 2_000_000; n++) {
      const key = `thesecretaryofstatesaid${n.toString(36).padStart(6, '0')}`;
      const other = seen.get(hash(key));
      if (other !== undefined) pair = [other, key];
      else seen.set(hash(key), key);
    }
    assert.ok(pair, 'no collision found');
    const text = `${pair[0]}\n${pair[1]}\n${pair[0]}\n`;
    const paragraphs = splitParagraphs(text);
    assert.deepStrictEqual(findDuplicateParagraphs(paragraphs).map((d) => [d.duplicate.index, d.original.index]), [[2, 0]]);
    assert.deepStrictEqual(findDuplicateParagraphs(paragraphs, (p) => p.text).map((d) => [d.duplicate.index, d.original.index]), [[2, 0]]);
  });

  it('does not flag short repeated lines such as furniture', () => {
    assert.deepStrictEqual(findDuplicateParagraphs(splitParagraphs('Check Also\nA story.\nCheck Also')), []);
  });

  it('fix-all on seed 000 leaves lines 1–11 exactly as they were', () => {
    const text = readSeed(SEEDS.lavrovJamil);
    assert.strictEqual(removeDuplicates(text), text.split('\n').slice(0, 11).join('\n'));
  });

  it('removing one repeat takes its line break and nothing else', () => {
    const text = readSeed(SEEDS.lavrovJamil);
    const lines = text.split('\n');
    assert.strictEqual(removeDuplicates(text, 0), [...lines.slice(0, 11), ...lines.slice(12)].join('\n'));
    assert.strictEqual(removeDuplicates(text, 8), lines.slice(0, 19).join('\n'), 'the last paragraph takes the line break before it');
  });

  it('removes a block paragraph with its blank line in blank-line separated articles, keeping CRLF', () => {
    const text = 'Title line\r\n\r\nThe first paragraph is long enough to count.\r\n\r\nA second paragraph.\r\n\r\nThe first paragraph is long enough to count.\r\n\r\nThe end paragraph.\r\n';
    assert.strictEqual(removeDuplicates(text), 'Title line\r\n\r\nThe first paragraph is long enough to count.\r\n\r\nA second paragraph.\r\n\r\nThe end paragraph.\r\n');
  });

  it('keeps a BOM and indentation of the following paragraph', () => {
    const text = '\uFEFFThe first paragraph is long enough to count.\n  The first paragraph is long enough to count.\n  Indented last paragraph.';
    assert.strictEqual(removeDuplicates(text), '\uFEFFThe first paragraph is long enough to count.\n  Indented last paragraph.');
  });

  it('takes short lines inside a repeated run with the run, but not short repeats on their own', () => {
    const run = 'Then, later that month on CNN:\n"I have never said we made a\nmistake going into\nAfghanistan."';
    const text = `${run}\nSomething else happened on the same day in Iowa.\n${run}\nCheck Also\nThe end of the story is here.\nCheck Also`;
    const duplicates = findDuplicateParagraphs(splitParagraphs(text));
    assert.deepStrictEqual(duplicates.map((d) => [d.duplicate.index, d.original.index]), [[5, 0], [6, 1], [7, 2], [8, 3]]);
  });

  it('fix-all is idempotent', () => {
    const once = removeDuplicates(readSeed(SEEDS.lavrovMunich));
    assert.strictEqual(removeDuplicates(once), once);
  });
});
