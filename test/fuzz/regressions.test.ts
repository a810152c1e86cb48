import * as assert from 'assert';
import { findDuplicateParagraphs } from '../../server/src/core/duplicates';
import { paragraphRemovalRanges } from '../../server/src/core/paragraphRemoval';
import type { ArticleService } from '../../server/src/core/languageService';
import { splitParagraphs } from '../../server/src/core/paragraphs';
import { newService, resources } from '../helpers/resources';

/** Regression tests for bugs the fuzz and robustness tests found, each named after its bug. */

function fixAll(text: string): string {
  const paragraphs = splitParagraphs(text);
  const ranges = paragraphRemovalRanges(text, paragraphs, findDuplicateParagraphs(paragraphs, resources.knownWords).map((d) => d.duplicate));
  let result = text;
  for (const r of [...ranges].reverse()) result = result.slice(0, r.start) + result.slice(r.end);
  return result;
}

/** The text after the language service's fix-all (repeats and page furniture), as an editor applies it. */
function removeAll(service: ArticleService, text: string, uri: string): string {
  const ranges = service.getFixAllRemovals({ uri, version: 1, getText: () => text });
  let result = text;
  for (const r of [...ranges].sort((a, b) => b.start - a.start)) result = result.slice(0, r.start) + result.slice(r.end);
  return result;
}

/** Wraps text at `width` characters, as narrow newspaper columns are. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

describe('regressions found by fuzzing', () => {
  const service = newService();
  const paragraph = 'Russian Foreign Minister Sergei Lavrov met Monday with Syrian Deputy Prime Minister Qadri Jamil.';

  it('fix-all dropped the final line break when the last paragraph was a repeat', () => {
    assert.strictEqual(fixAll(`Title\n${paragraph}\n${paragraph}\n`), `Title\n${paragraph}\n`);
    assert.strictEqual(fixAll(`Title\r\n${paragraph}\r\n${paragraph}\r\n`), `Title\r\n${paragraph}\r\n`);
    assert.strictEqual(fixAll(`Title\r${paragraph}\r${paragraph}\r`), `Title\r${paragraph}\r`);
    assert.strictEqual(fixAll(`Title\n\n${paragraph}\n\n${paragraph}\n\n`), `Title\n\n${paragraph}\n`);
    // Without a final line break none is added, as before.
    assert.strictEqual(fixAll(`Title\n${paragraph}\n${paragraph}`), `Title\n${paragraph}`);
  });

  it('an article hard-wrapped in narrow columns was read line by line, so fix-all removed lines, not blocks', () => {
    const blocks = [
      paragraph,
      'He added that Russia is very concerned about the situation in Syria and that Moscow is convinced that a military solution does not exist.',
      'The two men discussed the conference planned in Geneva and the delivery of humanitarian aid to the besieged areas of the country.',
    ].map((b) => wrap(b, 28));
    const text = [...blocks, blocks[0]].join('\n\n');
    assert.deepStrictEqual(splitParagraphs(text).map((p) => p.text), [...blocks, blocks[0]], 'one paragraph per block');
    const once = fixAll(text);
    assert.strictEqual(once, blocks.join('\n\n'), 'the repeated block goes, whole');
    assert.strictEqual(fixAll(once), once, 'and a second fix-all has nothing to do');
  });

  it('removing the last two lines of a block took the blank line after them, and the next block ran on as lines of this one (fuzz seed 70)', () => {
    const other = 'He added that Russia is very concerned about the situation in Syria and that Moscow is convinced that a military solution does not exist.';
    const next = 'The two men discussed the conference planned in Geneva and the delivery of humanitarian aid to the besieged areas of the country.';
    for (const eol of ['\n', '\r\n']) {
      const text = [paragraph, other, paragraph, other].join(eol) + eol + eol + next + eol;
      assert.deepStrictEqual(splitParagraphs(text).map((p) => p.text), [paragraph, other, paragraph, other, next], 'one paragraph per line');
      assert.strictEqual(fixAll(text), [paragraph, other].join(eol) + eol + eol + next + eol);
    }
  });

  it('fix-all left a repeat for a second fix-all: a copy kept because the paragraph it repeats went with a Related: list also repeats an earlier damaged copy', () => {
    const damaged = paragraph.replace('Foreign', 'Foregn');
    const text = [
      'Lavrov meets Jamil',
      damaged,
      'He added that Russia is very concerned about the situation in Syria and that Moscow is convinced that a military solution does not exist.',
      'Related:',
      // The emoji keeps this copy from matching the damaged one; the plain copy below repeats this one.
      `${paragraph} \u{1F600}`,
      'The two men discussed the conference planned in Geneva and the delivery of humanitarian aid to the besieged areas of the country, Lavrov said.',
      paragraph,
    ].join('\n\n') + '\n';
    const once = removeAll(service, text, 'file:///regressions/related-once.txt');
    // The list goes as page furniture, and the plain copy as a repeat of the damaged one, which stays.
    assert.strictEqual(once, [text.split('\n\n').slice(0, 3).join('\n\n'), text.split('\n\n')[5]].join('\n\n') + '\n');
    assert.strictEqual(removeAll(service, once, 'file:///regressions/related-twice.txt'), once, 'a second fix-all has nothing to do');
  });

  it('fix-all left a repeat for a second fix-all: the whole copy a copy cut short is kept for also repeats an earlier damaged copy (fuzz seed 51)', () => {
    const quoted = '“Damascus should just do whatever it wants to do,” Lavrov said.';
    // The copy cut short matches the whole copy (its letters are the same), not the damaged one before it.
    const blocks = ['Lavrov meets Jamil', '“Damascus should just do whatever it want …', quoted.replace('whatever', 'whatver'), quoted, paragraph];
    const text = blocks.join('\n\n') + '\n';
    const once = removeAll(service, text, 'file:///regressions/cut-short-once.txt');
    // The copy cut short goes, and the whole copy as a repeat of the damaged one, which stays (fix-all keeps the first).
    assert.strictEqual(once, [blocks[0], blocks[2], blocks[4]].join('\n\n') + '\n');
    assert.strictEqual(removeAll(service, once, 'file:///regressions/cut-short-twice.txt'), once, 'a second fix-all has nothing to do');
  });

  it('fix-all left a repeat for a second fix-all: two copies of a headline read as one copy split by the third copy between them, left as a split copy with a line of its own (fuzz seed 54)', () => {
    const headline = 'Stunning Pictures Of The\rCandidate’s Rally Are Going\rViral';
    // The original; a copy with a damaged apostrophe; a copy written with an entity and wrapped otherwise; a copy with a dateline.
    const blocks = [headline, headline.replace('’', 'â'), 'Stunning Pictures Of The\rCandidate&#8217;s Rally Are\rGoing Viral', `MOSCOW — ${headline}`];
    const text = blocks.join('\r\r');
    const once = removeAll(service, text, 'file:///regressions/split-once.txt');
    // The original stays; the entity copy and the dateline copy go (the damaged copy may go or stay: not this test's matter).
    assert.ok(once.startsWith(blocks[0]) && !once.includes(blocks[2]) && !once.includes(blocks[3]), JSON.stringify(once));
    assert.strictEqual(removeAll(service, once, 'file:///regressions/split-twice.txt'), once, 'a second fix-all has nothing to do');
  });

  it('a near repeat of a copy cut short, before the complete copy, was said to repeat the complete copy by what differed from the cut one, though it came first (fuzz seed 75)', () => {
    const whole = 'The ministry said the talks in Geneva would resume next week, and that both delegations had agreed on an agenda. On Tuesday, the envoy said he expected no breakthrough.';
    const cut = whole.slice(0, whole.indexOf(' On Tuesday'));
    // A teaser cut short with its mark; a copy cut a word later (no mark) split by a share line; the whole paragraph.
    const lines = ['Talks to resume', `${cut} O …`, `${cut} On`, 'Share this:', 'Tuesday, the envoy said he expected no breakthrough.', whole];
    const text = lines.join('\n') + '\n';
    const duplicates = findDuplicateParagraphs(splitParagraphs(text), resources.knownWords);
    const kept = text.indexOf(whole, text.indexOf('Share this:'));
    const repeats = duplicates.map((d) => ({ line: text.slice(0, d.duplicate.start).split('\n').length - 1, kept: d.original.start, kinds: d.near?.differences.map((x) => x.kind) }));
    // Both cut copies repeat the whole paragraph, each as cut short (not the second as the first with a letter more).
    assert.deepStrictEqual(repeats.filter((r) => r.line === 1 || r.line === 2), [
      { line: 1, kept, kinds: ['cut-short'] },
      { line: 2, kept, kinds: ['cut-short'] },
    ]);
  });
});
