import * as assert from 'assert';
import { describeDifference, describeRepeat, duplicateFixRanges, findDuplicateParagraphs, ParagraphSignature } from '../../server/src/core/duplicates';
import { readListFile, type DataSource } from '../../server/src/core/dataSource';
import { loadArticleResources } from '../../server/src/core/resources';
import type { Paragraph } from '../../server/src/core/types';
import { diskDataSource } from '../../server/src/diskData';
import { injectInto, randomGenerator } from '../../scripts/duplicateInjection';
import { paragraphRemovalRanges } from '../../server/src/core/paragraphRemoval';
import { splitParagraphs } from '../../server/src/core/paragraphs';
import { newService, resources } from '../helpers/resources';
import { readSeed, SEEDS } from '../helpers/seeds';

function removeDuplicates(text: string, which: 'all' | number = 'all'): string {
  const paragraphs = splitParagraphs(text);
  const duplicates = findDuplicateParagraphs(paragraphs, resources.knownWords).map((d) => d.duplicate);
  const chosen = which === 'all' ? duplicates : [duplicates[which]];
  const ranges = paragraphRemovalRanges(text, paragraphs, chosen);
  let result = text;
  for (const r of [...ranges].reverse()) result = result.slice(0, r.start) + result.slice(r.end);
  return result;
}

describe('duplicate paragraphs', () => {
  it('finds the nine repeats of seed 000, each with its first copy', () => {
    const duplicates = findDuplicateParagraphs(splitParagraphs(readSeed(SEEDS.lavrovJamil)), resources.knownWords);
    assert.deepStrictEqual(duplicates.map((d) => [d.duplicate.index, d.original.index]), [[11, 2], [12, 3], [13, 4], [14, 5], [15, 6], [16, 7], [17, 8], [18, 9], [19, 10]]);
  });

  it('catches the near repeat in seed 003 and nothing in 001, 002, 004', () => {
    assert.strictEqual(findDuplicateParagraphs(splitParagraphs(readSeed(SEEDS.lavrovMunich)), resources.knownWords).length, 2);
    for (const seed of [SEEDS.lavrovKerry, SEEDS.lavrovZannier, SEEDS.lavrovSteinmeier]) {
      assert.deepStrictEqual(findDuplicateParagraphs(splitParagraphs(readSeed(seed)), resources.knownWords), [], seed);
    }
  });

  it('treats white space, punctuation, case and a lost space after a full stop as the same paragraph', () => {
    const text = 'Biden met Lavrov and al-Khatib. This year is different.\nOther news about the talks in Munich today.\nbiden  met Lavrov and al-Khatib.This year is different!';
    assert.strictEqual(findDuplicateParagraphs(splitParagraphs(text), resources.knownWords).length, 1);
  });

  it('does not flag distinct paragraphs that share a sentence', () => {
    const text = 'Lavrov met Kerry in Geneva. They spoke for an hour.\nLavrov met Kerry in Geneva. Nothing was agreed.';
    assert.deepStrictEqual(findDuplicateParagraphs(splitParagraphs(text), resources.knownWords), []);
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
    assert.deepStrictEqual(findDuplicateParagraphs(paragraphs, resources.knownWords).map((d) => [d.duplicate.index, d.original.index]), [[2, 0]]);
    assert.deepStrictEqual(findDuplicateParagraphs(paragraphs, resources.knownWords, (p) => new ParagraphSignature(p.text)).map((d) => [d.duplicate.index, d.original.index]), [[2, 0]]);
  });

  it('does not flag short repeated lines such as furniture', () => {
    assert.deepStrictEqual(findDuplicateParagraphs(splitParagraphs('Check Also\nA story.\nCheck Also'), resources.knownWords), []);
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

  it('removes a copy indented with no-break spaces with its indentation, leaving the next paragraph as it was (the spaces moved onto it)', () => {
    const text = 'The first paragraph is long enough to count.\n\u00a0\u00a0The first paragraph is long enough to count.\nThe next paragraph.\n';
    assert.strictEqual(removeDuplicates(text), 'The first paragraph is long enough to count.\nThe next paragraph.\n');
  });

  it('takes short lines inside a repeated run with the run, but not short repeats on their own', () => {
    const run = 'Then, later that month on CNN:\n"I have never said we made a\nmistake going into\nAfghanistan."';
    const text = `${run}\nSomething else happened on the same day in Iowa.\n${run}\nCheck Also\nThe end of the story is here.\nCheck Also`;
    const duplicates = findDuplicateParagraphs(splitParagraphs(text), resources.knownWords);
    assert.deepStrictEqual(duplicates.map((d) => [d.duplicate.index, d.original.index]), [[5, 0], [6, 1], [7, 2], [8, 3]]);
  });

  it('points every short repeat of a run at the first copy, the one fix-all keeps (found by the fuzz test)', () => {
    const long = 'The talks in Geneva ended on Friday without an agreement on the ceasefire, officials from both delegations said.';
    const text = `\uFEFF“He said\n\n${long}\n\n“He said\n\n${long}\n\n  “He said\n\n“He said`;
    const duplicates = findDuplicateParagraphs(splitParagraphs(text), resources.knownWords);
    assert.deepStrictEqual(duplicates.map((d) => [d.duplicate.index, d.original.index]), [[2, 0], [3, 1], [4, 0]]);
  });

  it('removing the last line of a block that follows a kept line keeps the blank line after it: the blocks do not run together', () => {
    const dup = 'Russian Foreign Minister Sergei Lavrov met Monday with his counterpart in Moscow.';
    const text = `${dup}\n\nLavrov spoke to reporters after the session.\n${dup}\n\nWashington and Moscow have\nagreed to talk again\nnext week.\n`;
    assert.strictEqual(removeDuplicates(text), `${dup}\n\nLavrov spoke to reporters after the session.\n\nWashington and Moscow have\nagreed to talk again\nnext week.\n`);
    assert.strictEqual(removeDuplicates(text.replace(/\n/g, '\r\n')), `${dup}\n\nLavrov spoke to reporters after the session.\n\nWashington and Moscow have\nagreed to talk again\nnext week.\n`.replace(/\n/g, '\r\n'));
  });

  it('fix-all keeps a repeat whose first copy is page furniture (a teaser\'s headline): one copy stays', () => {
    const lines = readSeed(SEEDS.lavrovMunich).split('\n').filter(Boolean);
    const headline = 'Lavrov, Kerry discuss Syria crisis over phone';
    const text = ['Read also', headline, lines[1], lines[2], headline, lines[3], lines[4], lines[5], lines[6], ''].join('\n');
    const service = newService();
    const document = { uri: 'file:///fix-all/news/teaser.txt', version: 1, getText: () => text };
    const analysis = service.analyze(document);
    assert.ok(analysis.furniture.some((r) => r.kind === 'teaser' && r.paragraphs.some((p) => p.text === headline)), 'the first headline is a teaser');
    assert.ok(analysis.duplicates.some((d) => d.duplicate.text === headline), 'the second repeats it');
    const fixed = applyRanges(text, service.getFixAllRemovals(document));
    assert.strictEqual(fixed.split(headline).length - 1, 1, 'one copy of the headline is left');
    assert.ok(!fixed.includes('Read also'));
  });

  it('the last line of a block removed with everything after it: one range, no overlap (VS Code refused the whole fix-all)', () => {
    const text = 'Q.\nP.\n\nN.\n';
    const paragraphs = splitParagraphs(text);
    const ranges = paragraphRemovalRanges(text, paragraphs, [paragraphs[1], paragraphs[2]]);
    for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i - 1].end < ranges[i].start, JSON.stringify(ranges));
    assert.strictEqual(applyRanges(text, ranges), 'Q.\n');
    const dup = 'Russian Foreign Minister Sergei Lavrov met Monday with his counterpart in Moscow.';
    const doc = `${dup}\n\nLavrov spoke to reporters after the session.\n${dup}\n\n${dup}\n`;
    const docParagraphs = splitParagraphs(doc);
    const all = duplicateFixRanges(doc, docParagraphs, findDuplicateParagraphs(docParagraphs, resources.knownWords), { kind: 'all' });
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].end < all[i].start, JSON.stringify(all));
    assert.strictEqual(applyRanges(doc, all), `${dup}\n\nLavrov spoke to reporters after the session.\n`);
  });

  it('lines removed across a blank line between two kept lines leave the blank line: the kept lines stay in two blocks (review of stop 46)', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['A.', 'B.', '', 'C.', 'D.'].join(eol);
      const paragraphs = splitParagraphs(text);
      assert.deepStrictEqual(paragraphs.map((p) => p.text), ['A.', 'B.', 'C.', 'D.']);
      assert.strictEqual(applyRanges(text, paragraphRemovalRanges(text, paragraphs, [paragraphs[1], paragraphs[2]])), `A.${eol}${eol}D.`);
      // A paragraph named twice is removed once (no extra blank line).
      assert.strictEqual(applyRanges(text, paragraphRemovalRanges(text, paragraphs, [paragraphs[1], paragraphs[1], paragraphs[2]])), `A.${eol}${eol}D.`);
    }
  });

  it('fix-all keeps one copy of a teaser\'s headline repeated twice in the story, and a second fix-all has nothing to do', () => {
    const lines = readSeed(SEEDS.lavrovMunich).split('\n').filter(Boolean);
    const headline = 'Lavrov, Kerry discuss Syria crisis over phone';
    const text = ['Read also', headline, lines[1], lines[2], headline, lines[3], lines[4], headline, lines[5], lines[6], ''].join('\n');
    const service = newService();
    const fixed = applyRanges(text, service.getFixAllRemovals({ uri: 'file:///fix-all/news/teaser3.txt', version: 1, getText: () => text }));
    assert.strictEqual(fixed.split(headline).length - 1, 1);
    assert.deepStrictEqual(service.getFixAllRemovals({ uri: 'file:///fix-all/news/teaser3-fixed.txt', version: 1, getText: () => fixed }), []);
  });

  it('fix-all reads again a block read line by line that loses some lines: the lines left run on as a repeat, and go (fuzz seed 91)', () => {
    for (const eol of ['\n', '\r\n']) {
      const first = 'Rubio held a stadium event in Hialeah on Sunday.';
      const last = 'The campaign said more than a thousand people came.';
      const text = [first, 'Stands empt; crowd in one end zone.', last, '', 'The senator spoke for twenty minutes.', '', first, 'Stands empty; crowd in one end', 'zone.', last, ''].join(eol);
      assert.deepStrictEqual(splitParagraphs(text).map((p) => p.text).slice(-4), [first, 'Stands empty; crowd in one end', 'zone.', last], 'the block is read line by line');
      const service = newService();
      const fixed = applyRanges(text, service.getFixAllRemovals({ uri: `file:///fix-all/block${eol.length}.txt`, version: 1, getText: () => text }));
      assert.strictEqual(fixed, [first, 'Stands empt; crowd in one end zone.', last, '', 'The senator spoke for twenty minutes.', ''].join(eol));
      assert.deepStrictEqual(service.getFixAllRemovals({ uri: `file:///fix-all/block${eol.length}-fixed.txt`, version: 1, getText: () => fixed }), []);
    }
  });

  it('fix-all is idempotent', () => {
    const once = removeDuplicates(readSeed(SEEDS.lavrovMunich));
    assert.strictEqual(removeDuplicates(once), once);
  });
});

describe('near repeats', () => {
  const original = 'Russian Foreign Minister Sergei Lavrov met Monday with Syrian Deputy Prime Minister Qadri Jamil in Moscow to try to resolve the deadly conflict in Syria.';
  const other = 'Moscow has been an ally of Damascus since the Soviet period and is seen as the linchpin to resolving the conflict.';
  /** The repeats of a text made of the original, another paragraph and `copy`, as [copy line, kept line, differences]. */
  function repeatsOf(copy: string, before = original): [number, number, string][] {
    const text = `${before}\n${other}\n${copy}`;
    return findDuplicateParagraphs(splitParagraphs(text), resources.knownWords).map((d) => [d.duplicate.index, d.original.index, d.near ? d.near.differences.map(describeDifference).join('; ') : 'exact']);
  }

  it('sees through dropped, doubled and swapped letters, naming the word', () => {
    assert.deepStrictEqual(repeatsOf(original.replace('Foreign', 'Foreing')), [[2, 0, 'differs: "Foreign" → "Foreing"']]);
    assert.deepStrictEqual(repeatsOf(original.replace('Jamil', 'Jamill')), [[2, 0, 'differs: "Jamil" → "Jamill"']]);
    assert.deepStrictEqual(repeatsOf(original.replace('the deadly', 'he deadly')), [[2, 0, 'differs: "the" → "he"']]);
  });

  it('sees through OCR confusions: rn for m, 1 for l, 0 for O', () => {
    assert.deepStrictEqual(repeatsOf(original.replace('Moscow', 'Moscovv').replace('Minister Sergei', 'Minister Sergei')), [[2, 0, 'differs: "Moscow" → "Moscovv"']]);
    assert.deepStrictEqual(repeatsOf(original.replace('Monday', 'Rnonday').replace('Rnonday', 'Monday').replace('met', 'rnet')), [[2, 0, 'differs: "met" → "rnet"']]);
    assert.deepStrictEqual(repeatsOf(original.replace('Lavrov', '1avrov')), [[2, 0, 'differs: "Lavrov" → "1avrov"']]);
  });

  it('sees through mojibake and HTML entities, naming the damaged characters', () => {
    const curly = 'Lavrov said the more than two-year-long, bloody conflict in Syria can’t be resolved through military intervention.';
    const mojibake = [...Buffer.from(curly, 'utf8')].map((b) => (b === 0x80 ? '€' : b === 0x99 ? '™' : String.fromCharCode(b))).join('');
    assert.ok(mojibake.includes('canâ€™t'));
    assert.deepStrictEqual(repeatsOf(mojibake, curly), [[2, 0, 'encoding differs: "’" → "â€™"']]);
    assert.deepStrictEqual(repeatsOf(curly.replace('’', '&#8217;'), curly), [[2, 0, 'encoding differs: "’" → "&#8217;"']]);
    assert.deepStrictEqual(repeatsOf('Café owners met &amp; talked with Lavrov and Kerry about the war in Syria and the talks in Geneva.', 'Café owners met & talked with Lavrov and Kerry about the war in Syria and the talks in Geneva.'), [[2, 0, 'encoding differs: "&" → "&amp;"']]);
  });

  it('reads a copy with decomposed accents (NFD, looks the same) as the same words: it was neither a repeat nor a near one', () => {
    const accented = 'Spanish Foreign Minister José Manuel García-Margallo met Secretary of State John Kerry in Madrid on Monday to discuss the ceasefire.';
    const decomposed = accented.replace('José', 'Jose\u0301');
    assert.deepStrictEqual(repeatsOf(decomposed, accented), [[2, 0, 'exact']]);
    assert.deepStrictEqual(repeatsOf(accented.normalize('NFD').replace('Kerry', 'Kery'), accented), [[2, 0, 'differs: "Kerry" → "Kery"']]);
    // The fix removes the copy by its own offsets, whatever form its letters are in.
    const text = `${accented}\n${other}\n${decomposed}\nThe end.`;
    assert.strictEqual(removeDuplicates(text), `${accented}\n${other}\nThe end.`);
  });

  it('sees a copy cut short mid-sentence or marked with an ellipsis, not one that ends a sentence', () => {
    assert.deepStrictEqual(repeatsOf('Russian Foreign Minister Sergei Lavrov met Monday with Syrian Deputy Prime Min'), [[2, 0, 'cut short after "Monday with Syrian Deputy Prime Min"']]);
    assert.strictEqual(repeatsOf('Russian Foreign Minister Sergei Lavrov met Monday with Syrian Deputy Prime …').length, 1);
    const twoSentences = 'Lavrov met Kerry in Geneva on Monday for the talks. They spoke for an hour about the ceasefire in Aleppo.';
    assert.deepStrictEqual(repeatsOf('Lavrov met Kerry in Geneva on Monday for the talks.', twoSentences), [], 'its first sentence alone is another paragraph');
  });

  it('keeps the complete copy when the first one is the cut-short one', () => {
    const teaser = 'Russian Foreign Minister Sergei Lavrov met Monday with Syrian Deputy Prime Minister Qadri …';
    const text = `${teaser}\n${other}\n${original}`;
    const [repeat] = findDuplicateParagraphs(splitParagraphs(text), resources.knownWords);
    assert.deepStrictEqual([repeat.duplicate.index, repeat.original.index], [0, 2], 'the teaser is the repeat, the complete paragraph is kept');
  });

  it('sees a copy with or without its dateline', () => {
    assert.deepStrictEqual(repeatsOf(`MOSCOW — ${original}`), [[2, 0, 'dateline "MOSCOW —" added']]);
    assert.deepStrictEqual(repeatsOf(original, `Moscow, SANA- ${original}`), [[2, 0, 'dateline "Moscow, SANA-" missing']]);
  });

  it('sees a copy split by a line of page furniture, both parts, and leaves the line to its own diagnostic', () => {
    const at = original.indexOf(' with');
    const text = `${original}\n${other}\n${original.slice(0, at)}\nAdvertisement\n${original.slice(at + 1)}`;
    const paragraphs = splitParagraphs(text);
    const repeats = findDuplicateParagraphs(paragraphs, resources.knownWords);
    assert.deepStrictEqual(repeats.map((d) => [d.duplicate.index, d.original.index]), [[2, 0], [4, 0]]);
    assert.strictEqual(repeats[0].near?.split?.line.text, 'Advertisement');
    assert.strictEqual(describeRepeat(repeats[0], 1), 'Near repeat of line 1, split in two by the line "Advertisement".');
    const removed = applyRanges(text, duplicateFixRanges(text, paragraphs, repeats, { kind: 'remove', start: repeats[0].duplicate.start }));
    assert.strictEqual(removed, `${original}\n${other}\nAdvertisement\n`.slice(0, -1), 'Remove takes both parts, never the line between them');
  });

  it('a split copy whose part holds a line of its own is left out of fix-all and names that line; the line that split it stays anyway', () => {
    const text = `Russian Foreign Minister Sergei Lavrov met Monday\nwith Syrian Deputy Prime Minister Qadri Jamil\nin Moscow to try to resolve the deadly conflict in Syria.\n\n${other}\n\nRussian Foreign Minister Sergei Lavrov met Monday\nBiden later denied any such meeting\nwith Syrian Deputy Prime Minister\n\nAdvertisement\n\nQadri Jamil in Moscow to try to resolve the deadly conflict in Syria.\n`;
    const paragraphs = splitParagraphs(text);
    const repeats = findDuplicateParagraphs(paragraphs, resources.knownWords);
    assert.deepStrictEqual(repeats.map((d) => [d.duplicate.index, d.original.index, d.near?.removedByFixAll]), [[2, 0, false], [4, 0, false]]);
    assert.strictEqual(describeRepeat(repeats[0], 1), 'Near repeat of line 1, split in two by the line "Advertisement" — line "Biden later denied any such meeting" inserted. (a line is in this copy only: "remove all" leaves this one to you)');
    assert.deepStrictEqual(duplicateFixRanges(text, paragraphs, repeats, { kind: 'all' }), []);
  });

  it('flags an updated copy whose figures alone changed, naming them, and leaves it out of fix-all', () => {
    const toll = 'The United Nations says at least 60,000 people have been killed since the conflict began in March 2011.';
    const repeats = findDuplicateParagraphs(splitParagraphs(`${toll}\n${other}\n${toll.replace('60,000', '70,000')}`), resources.knownWords);
    assert.strictEqual(describeRepeat(repeats[0], 1), 'Near repeat of line 1 — differs: "60,000" → "70,000". (figures differ: "remove all" leaves this one to you)');
    assert.strictEqual(repeats[0].near?.removedByFixAll, false);
  });

  it('a figure that differs only in its decimal point, separator or sign is a changed figure, not an exact repeat (fix-all deleted it)', () => {
    for (const [first, second] of [
      ['The economy grew by 1.5 percent in the last quarter, the ministry said on Tuesday in Moscow.', 'The economy grew by 15 percent in the last quarter, the ministry said on Tuesday in Moscow.'],
      ['Temperatures fell to -20 degrees overnight in the north of the country, officials said on Monday.', 'Temperatures fell to 20 degrees overnight in the north of the country, officials said on Monday.'],
      ['The tickets cost $1,500 each for the gala dinner in Washington, organisers said on Friday.', 'The tickets cost $15.00 each for the gala dinner in Washington, organisers said on Friday.'],
    ]) {
      const repeats = findDuplicateParagraphs(splitParagraphs(`${first}\n${other}\n${second}`), resources.knownWords);
      assert.strictEqual(repeats.length, 1, first);
      assert.ok(repeats[0].near, `a near repeat, not an exact one: ${describeRepeat(repeats[0], 1)}`);
      assert.strictEqual(repeats[0].near.removedByFixAll, false, describeRepeat(repeats[0], 1));
      assert.match(describeRepeat(repeats[0], 1), /figures differ/);
    }
  });

  it('a copy whose word became another real word was edited: flagged, named, and left out of fix-all (fix-all deleted "now" → "not")', () => {
    const repeats = (first: string, second: string) => findDuplicateParagraphs(splitParagraphs(`${first}\n${other}\n${second}`), resources.knownWords);
    for (const [first, second, named] of [
      ['The ministry said the talks in Geneva would now go ahead next week, despite the fighting near Aleppo.', 'The ministry said the talks in Geneva would not go ahead next week, despite the fighting near Aleppo.', '"now" → "not"'],
      ['The United Nations appealed for $2 million to feed the displaced families in the north of the country.', 'The United Nations appealed for $2 billion to feed the displaced families in the north of the country.', '"million" → "billion"'],
      ['Lavrov said Iran had a part to play in the talks on the future of Syria, according to the ministry.', 'Lavrov said Iraq had a part to play in the talks on the future of Syria, according to the ministry.', '"Iran" → "Iraq"'],
      ['He told reporters in Moscow that the ceasefire had held for a week in most parts of the country.', 'She told reporters in Moscow that the ceasefire had held for a week in most parts of the country.', '"He" → "She"'],
      ['The court ruled that the blockade of the port was legal under the treaty signed by both countries.', 'The court ruled that the blockade of the port was illegal under the treaty signed by both countries.', '"legal" → "illegal"'],
    ]) {
      const found = repeats(first, second);
      assert.strictEqual(found.length, 1, first);
      assert.strictEqual(found[0].near?.removedByFixAll, false, describeRepeat(found[0], 1));
      assert.strictEqual(describeRepeat(found[0], 1), `Near repeat of line 1 — differs: ${named}. (words differ: "remove all" leaves this one to you)`);
    }
    // Damage that makes no word stays damage, which fix-all removes.
    const damaged = repeats(original, original.replace('Foreign', 'Foreing'));
    assert.strictEqual(damaged[0].near?.removedByFixAll, true);
  });

  it('an exact repeat with a symbol its first copy lacks (an emoji, an arrow) is left out of fix-all and names it (fix-all deleted the emoji)', () => {
    const seed = readSeed(SEEDS.lavrovJamil);
    const lines = seed.split('\n');
    // Seed 000 repeats lines 3–11 as lines 12–20: give the repeat of line 3 an emoji, the repeat of line 4 another arrow.
    const withSymbols = [...lines];
    withSymbols[11] = `${lines[11]} 🎉`;
    withSymbols[3] = `${lines[3]} →`;
    withSymbols[12] = `${lines[12]} ←`;
    const text = withSymbols.join('\n');
    const repeats = findDuplicateParagraphs(splitParagraphs(text), resources.knownWords);
    assert.deepStrictEqual(repeats.map((d) => [d.duplicate.index, d.original.index]), [[11, 2], [12, 3], [13, 4], [14, 5], [15, 6], [16, 7], [17, 8], [18, 9], [19, 10]], 'the same nine repeats');
    assert.strictEqual(describeRepeat(repeats[0], 3), 'Near repeat of line 3 — symbols "🎉" added. (it has a symbol the other lacks: "remove all" leaves this one to you)');
    assert.strictEqual(describeRepeat(repeats[1], 4), 'Near repeat of line 4 — symbols differ: "→" → "←". (it has a symbol the other lacks: "remove all" leaves this one to you)');
    const fixed = applyRanges(text, duplicateFixRanges(text, splitParagraphs(text), repeats, { kind: 'all' }));
    assert.ok(fixed.includes('🎉') && fixed.includes('←'), 'fix-all keeps both symbols');
    assert.strictEqual(fixed.split('\n').length, 13, 'and removes the other seven repeats');
    // A third copy with the same emoji repeats the kept emoji copy: fix-all leaves one copy of each (found by the fuzz test).
    const thrice = `${text}\n${lines[11]} 🎉`;
    const three = findDuplicateParagraphs(splitParagraphs(thrice), resources.knownWords);
    const last = three[three.length - 1];
    assert.deepStrictEqual([last.duplicate.index, last.original.index, last.near], [20, 11, undefined], 'an exact repeat of the emoji copy');
    const fixedThrice = applyRanges(thrice, duplicateFixRanges(thrice, splitParagraphs(thrice), three, { kind: 'all' }));
    assert.strictEqual(fixedThrice.split('🎉').length - 1, 1, 'one copy with the emoji is left');
    // The other way round (the first copy has the emoji), nothing is lost by removing the repeat: an exact repeat still.
    const reversed = [...lines];
    reversed[2] = `${lines[2]} 🎉`;
    const plain = findDuplicateParagraphs(splitParagraphs(reversed.join('\n')), resources.knownWords);
    assert.strictEqual(plain[0].near, undefined);
  });

  it('the known words are the words of their lists, and the English list is read once at start-up, shared with the name lexicon (it was read twice)', () => {
    const disk = diskDataSource();
    const reads = new Map<string, number>();
    const count = (file: string) => reads.set(file, (reads.get(file) ?? 0) + 1);
    const counted: DataSource = { readText: (file) => (count(file), disk.readText(file)), readBytes: (file) => (count(file), disk.readBytes(file)) };
    const loaded = loadArticleResources(counted);
    assert.strictEqual(reads.get('vocabulary/english-words.txt'), 1);
    const files = ['vocabulary/english-words.txt', 'ner/lowercase-words.txt', 'ner/firstnames.txt', 'ner/lastnames.txt', 'ner/countries.txt', 'ner/cities.txt', 'ner/nationalities.txt'];
    const words = new Set(files.flatMap((file) => readListFile(disk, file).flatMap((entry) => entry.toLowerCase().split(/\s+/))));
    for (const word of words) assert.ok(loaded.knownWords.has(word), word);
    for (const word of ['bilion', 'milion', 'washingt0n', 'new york', 'iraqq', '']) assert.ok(!loaded.knownWords.has(word), word);
  });

  it('a copy holding a line the kept paragraph lacks is left out of fix-all: removing it would remove that line (fix-all deleted a new sentence)', () => {
    const block = 'Russian Foreign Minister Sergei Lavrov met Monday\nwith Syrian Deputy Prime Minister Qadri Jamil\nin Moscow to try to resolve the deadly conflict.';
    const copy = 'Russian Foreign Minister Sergei Lavrov met Monday\nwith Syrian Deputy Prime Minister Qadri Jamil\nBiden later denied any such meeting\nin Moscow to try to resolve the deadly conflict.';
    const text = `${block}\n\n${other}\n\n${copy}\n`;
    const paragraphs = splitParagraphs(text);
    const [repeat] = findDuplicateParagraphs(paragraphs, resources.knownWords);
    assert.ok(repeat?.near, 'still flagged as a near repeat');
    assert.strictEqual(repeat.near.removedByFixAll, false);
    assert.match(describeRepeat(repeat, 1), /line "Biden later denied any such meeting" inserted\. \(a line is in this copy only: "remove all" leaves this one to you\)$/);
    assert.deepStrictEqual(duplicateFixRanges(text, paragraphs, [repeat], { kind: 'all' }), []);
  });

  it('never flags different paragraphs that share a sentence, or a copy with figures and words changed', () => {
    const shared = 'Lavrov met Kerry in Geneva on Monday. They spoke for an hour about the ceasefire in Aleppo.';
    assert.deepStrictEqual(repeatsOf('Lavrov met Kerry in Geneva on Monday. Nothing was agreed about the humanitarian corridors.', shared), []);
    const toll = 'The United Nations says at least 60,000 people have been killed since the conflict began in March 2011.';
    assert.deepStrictEqual(repeatsOf(toll.replace('60,000', '70,000').replace('United Nations', 'Syrian Observatory'), toll), []);
    assert.deepStrictEqual(repeatsOf(original.replace('Monday', 'Thursday'), original), [], 'another word is another paragraph');
    assert.deepStrictEqual(repeatsOf(original.replace('resolve', 'not resolve'), original), [], 'a negation changes the meaning');
  });

  it('finds every injected damaged copy in the seeds, and none of the lookalikes (the benchmark generator, seeded)', () => {
    const random = randomGenerator(7);
    let copies = 0;
    for (const [i, seed] of Object.values(SEEDS).entries()) {
      const text = readSeed(seed);
      for (let round = 0; round < 4; round++) {
        const article = injectInto(text, random, { positives: 2, negatives: 2, offset: i * 8 + round * 2, linePerParagraph: round % 2 === 1, other: readSeed(Object.values(SEEDS)[(i + 1) % 5]) });
        const paragraphs = splitParagraphs(article.text);
        const repeats = findDuplicateParagraphs(paragraphs, resources.knownWords);
        const touches = (p: Paragraph, r: { start: number; end: number }) => p.start < r.end && p.end > r.start;
        for (const item of article.injected) {
          const flagged = repeats.filter((d) => touches(d.duplicate, item.inserted));
          if (item.positive) {
            copies++;
            assert.ok(flagged.length > 0, `${seed}: the ${item.kind} copy is found: ${JSON.stringify(article.text.slice(item.inserted.start, item.inserted.end))}`);
          } else {
            assert.deepStrictEqual(flagged.map((d) => d.duplicate.text), [], `${seed}: the ${item.kind} lookalike is not flagged`);
          }
        }
      }
    }
    assert.ok(copies >= 30, `${copies} copies injected`);
  });
});

function applyRanges(text: string, ranges: readonly { start: number; end: number }[]): string {
  let result = text;
  for (const r of [...ranges].reverse()) result = result.slice(0, r.start) + result.slice(r.end);
  return result;
}
