import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spanSetOfBrat } from '../../../server/src/core/agreement/spanSets';
import { exportBrat, importBrat } from '../../../server/src/core/annotations/formats/brat';
import { parseBratStandoff } from '../../../server/src/core/annotations/formats/bratStandoff';
import type { ImportContext } from '../../../server/src/core/annotations/formats/exchange';
import { EMPTY_ARTICLE_ANNOTATIONS, type Annotation } from '../../../server/src/core/annotations/model';
import { spanAt } from '../../../server/src/core/annotations/selectors';
import { readSeed, ROOT, SEEDS } from '../../helpers/seeds';
import { annotationAt, labelOn } from './helpers';

const POLNEAR_DEV = path.join(ROOT, '..', 'shared', 'data', 'polnear', 'dev');

function context(): ImportContext {
  let n = 0;
  return { newId: () => `urn:test:${++n}`, creator: 'importer', now: '2024-05-01T10:00:00.000Z' };
}

/** Type and fragments of each text-bound annotation, as a sorted list (ids ignored). */
function spanKeys(ann: string): string[] {
  return parseBratStandoff(ann).document.textBounds.map((t) => `${t.type} ${t.fragments.map((f) => f.join(' ')).join(';')}`).sort();
}

describe('annotations: brat standoff', () => {
  it('writes entities, a PolNeAR-style attribution and a note, and reads them back', () => {
    const text = 'Kerry met Lavrov in Geneva. “We agreed on nothing,” Lavrov said.';
    const quoteStart = text.indexOf('We agreed');
    const annotations: Annotation[] = [
      labelOn(text, 'Kerry'),
      labelOn(text, 'Geneva', 0, 'location'),
      annotationAt(text, [[quoteStart, quoteStart + 'We agreed on nothing,'.length]], { kind: 'speaker', speaker: { spans: [labelOn(text, 'Lavrov', 1).target[0]] }, cue: { spans: [labelOn(text, 'said').target[0]] } }, 'q1'),
      annotationAt(text, [[0, 5]], { kind: 'note', text: 'Check the title', resolved: false, replies: [] }, 'n1'),
      annotationAt(text, [[10, 16]], { kind: 'reject', extent: 'occurrence' }, 'r1'),
    ];
    const { text: ann, leftOut } = exportBrat({ path: 'a.txt', text, annotations: { reviewState: 'unreviewed', annotations } });
    assert.strictEqual(
      ann,
      [
        'T1\tPerson 0 5\tKerry',
        'T2\tLocation 20 26\tGeneva',
        'T3\tContent 29 50\tWe agreed on nothing,',
        'T4\tCue 59 63\tsaid',
        'T5\tSource 52 58\tLavrov',
        'T6\tAttribution 59 63\tsaid',
        'E1\tAttribution:T6 Content:T3 Cue:T4 Source:T5',
        '#1\tAnnotatorNotes T1\tCheck the title',
        '',
      ].join('\n'),
    );
    assert.deepStrictEqual(leftOut, ['1 × rejection (brat has no "not an entity")']);
    const back = importBrat(ann, text, context());
    assert.deepStrictEqual(back.problems, []);
    assert.deepStrictEqual(
      back.annotations.map((a) => [a.body.kind, a.target.map((s) => s.exact).join(' ')]),
      [['speaker', 'We agreed on nothing,'], ['label', 'Kerry'], ['label', 'Geneva'], ['note', 'Kerry']],
    );
    const speaker = back.annotations[0].body;
    assert.ok(speaker.kind === 'speaker' && speaker.speaker?.spans[0].exact === 'Lavrov' && speaker.brat === undefined);
  });

  it('reads a note or a reference on a span of its own back without a label on it (regression: a "Note" label appeared)', () => {
    const text = 'Talks resumed on Monday in Geneva.';
    const annotations: Annotation[] = [
      annotationAt(text, [[17, 23]], { kind: 'note', text: 'Which Monday?', resolved: false, replies: [] }, 'n1'),
      annotationAt(text, [[27, 33]], { kind: 'identity', canonicalName: 'Geneva', externalId: 'Q71' }, 'i1'),
    ];
    const { text: ann } = exportBrat({ path: 'a.txt', text, annotations: { reviewState: 'unreviewed', annotations } });
    assert.match(ann, /^T1\tNote 17 23\tMonday$/m);
    const back = importBrat(ann, text, context());
    assert.deepStrictEqual(back.annotations.map((a) => [a.body.kind, a.target[0].exact]), [['note', 'Monday'], ['identity', 'Geneva']]);
  });

  it('keeps a user label named like an anchor ("Note", "Mention") under a note or a reference (regression: the label was lost)', () => {
    const text = 'Talks resumed on Monday in Geneva.';
    const annotations: Annotation[] = [
      labelOn(text, 'Monday', 0, 'Note'),
      annotationAt(text, [[17, 23]], { kind: 'note', text: 'Which Monday?', resolved: false, replies: [] }, 'n1'),
      labelOn(text, 'Geneva', 0, 'Mention'),
      annotationAt(text, [[27, 33]], { kind: 'identity', canonicalName: 'Geneva', externalId: 'Q71' }, 'i1'),
    ];
    const { text: ann } = exportBrat({ path: 'a.txt', text, annotations: { reviewState: 'unreviewed', annotations } });
    const back = importBrat(ann, text, context());
    assert.deepStrictEqual(back.problems, []);
    const key = (a: Annotation) => JSON.stringify([a.target.map((s) => [s.start, s.end]), a.body]);
    assert.deepStrictEqual(back.annotations.map(key).sort(), annotations.map(key).sort());
  });

  it('reads a file made on the article with LF line breaks into a CRLF copy of it, and the other way round', () => {
    // git's autocrlf gives a Windows checkout CRLF: counted as the file was made, every offset after the first
    // line landed one character short per line (regression: labels on " Lavro", "that L").
    const lf = readSeed(SEEDS.lavrovKerry);
    const crlf = lf.replace(/\n/g, '\r\n');
    for (const [made, copy, counting] of [[lf, crlf, 'LF'], [crlf, lf, 'CRLF']]) {
      const annotations = ['Lavrov', 'Kerry', 'Geneva', 'Syria'].flatMap((word) => [0, 1].map((k) => labelOn(made, word, k)));
      const { text: ann } = exportBrat({ path: 'a.txt', text: made, annotations: { reviewState: 'unreviewed', annotations } });
      const back = importBrat(ann, copy, context());
      assert.deepStrictEqual(back.problems, [`the offsets count ${counting === 'LF' ? 'one character' : 'two characters'} per line break (${counting}), not as this copy of the article writes them: read as counted`]);
      const placed = (a: Annotation, text: string) => `${text.slice(a.target[0].start, a.target[0].end)}@${text.slice(0, a.target[0].start).split('\n').length}`;
      assert.deepStrictEqual(back.annotations.map((a) => placed(a, copy)).sort(), annotations.map((a) => placed(a, made)).sort());
    }
  });

  it('says what a note loses on its one line: the replies of its thread and its line breaks', () => {
    const text = 'Talks resumed on Monday in Geneva.';
    const reply = { id: 'r1', creator: 'Bo', created: 't', modified: 't', text: 'Yes.' };
    const annotations = [annotationAt(text, [[17, 23]], { kind: 'note', text: 'Which Monday?\nCheck.', resolved: false, replies: [reply] }, 'n1')];
    const { text: ann, leftOut } = exportBrat({ path: 'a.txt', text, annotations: { reviewState: 'unreviewed', annotations } });
    assert.match(ann, /^#1\tAnnotatorNotes T1\tWhich Monday\? Check\. \| Bo: Yes\.$/m);
    assert.deepStrictEqual(leftOut, ['1 × note thread written as one note (replies joined with " | ")', '1 × line breaks or tabs in a note (written as spaces)']);
  });

  it('keeps each annotation on one line for brat, which also breaks lines at VT, FF, NEL, U+2028 and U+2029 (Python splitlines)', () => {
    const text = 'The talks\u2028were useful, Kerry said. Mr.\u0085Lavrov agreed.\u000bJohn\u000cKerry left.\u2029End.';
    const annotations = [
      labelOn(text, 'talks\u2028were', 0, 'claim'),
      labelOn(text, 'Mr.\u0085Lavrov', 0, 'claim'),
      labelOn(text, 'agreed.\u000bJohn\u000cKerry', 0, 'claim'),
      annotationAt(text, [[text.indexOf('End'), text.indexOf('End') + 3]], { kind: 'note', text: 'One\u2028two\u001ethree', resolved: false, replies: [] }, 'n1'),
    ];
    const { text: ann, leftOut } = exportBrat({ path: 'a.txt', text, annotations: { reviewState: 'unreviewed', annotations } });
    const pythonLines = ann.split(/\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]/).filter((l) => l !== '');
    assert.strictEqual(pythonLines.length, 5, JSON.stringify(ann));
    assert.ok(pythonLines.every((l) => /^[T#]\d+\t/.test(l)), JSON.stringify(pythonLines));
    assert.match(ann, /\tOne two three$/m);
    assert.deepStrictEqual(leftOut, ['1 × line breaks or tabs in a note (written as spaces)']);
    const back = importBrat(ann, text, context());
    assert.deepStrictEqual(back.problems, []);
    assert.deepStrictEqual(back.annotations.filter((a) => a.body.kind === 'label').map((a) => text.slice(a.target[0].start, a.target[0].end)), ['talks\u2028were', 'Mr.\u0085Lavrov', 'agreed.\u000bJohn\u000cKerry']);
  });

  it('counts offsets in code points, as brat (Python) does, around emoji', () => {
    const text = '🇺🇸 Kerry and 😀 Lavrov';
    const annotations = [labelOn(text, 'Kerry'), labelOn(text, 'Lavrov')];
    const { text: ann } = exportBrat({ path: 'a.txt', text, annotations: { reviewState: 'unreviewed', annotations } });
    // 🇺🇸 is two code points (four UTF-16 units); 😀 one (two units).
    assert.deepStrictEqual(spanKeys(ann), ['Person 15 21', 'Person 3 8']);
    const back = importBrat(ann, text, context());
    assert.deepStrictEqual(back.annotations.map((a) => text.slice(a.target[0].start, a.target[0].end)), ['Kerry', 'Lavrov']);
  });

  it('reads a span whose text runs over a line break (the line continues), and a discontinuous span', () => {
    const text = 'He said: “Yes.\n\nNo.” And left.';
    const ann = 'T1\tContent 10 19\tYes.\n\nNo.\nT2\tSource 0 2;3 7\tHe said\n';
    const { annotations, problems } = importBrat(ann, text, context());
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(annotations.map((a) => a.target.map((s) => [s.start, s.end])), [[[10, 19]], [[0, 2], [3, 7]]]);
  });

  it('says which lines it could not use, and keeps going', () => {
    const { annotations, problems } = importBrat('T1\tPerson 0 5\tKerry\nT2\tPerson 5\tbroken\nE1\tAttribution:T9 Source:T1\nR1\tSameAs Arg1:T1 Arg2:T1\n#1\tAnnotatorNotes T7\tlost\nT3\tPerson 6 6\t\n', 'Kerry met Lavrov.', context());
    assert.strictEqual(annotations.length, 1);
    assert.deepStrictEqual(problems, [
      'line 2: expected "TYPE START END" (fragments separated by ;)',
      'line 6: T3: an empty span (6 6) is not imported',
      'line 3: E1: refers to T9, which is missing or unreadable',
      'line 5: #1: a note on T7, which is missing',
      'line 4: R1: not imported (SameAs lines have no counterpart here)',
    ]);
  });

  it('imports no line of an id two lines share (two files joined): one line\'s label is not put on the other\'s words', () => {
    const { annotations, problems } = importBrat('T1\tPerson 0 5\tKerry\nT1\tLocation 20 26\tGeneva\nT2\tPerson 10 16\tLavrov\n', 'Kerry met Lavrov in Geneva.', context());
    assert.deepStrictEqual(annotations.map((a) => [a.body.kind === 'label' && a.body.label, a.target[0].exact]), [['person', 'Lavrov']]);
    assert.deepStrictEqual(problems, ['T1: 2 lines have this id (two files joined?): none of them is imported']);
  });

  it('puts a line whose words are not at its offsets on those words nearby, on the offsets when a few letters changed, else nowhere', () => {
    const text = readSeed(SEEDS.lavrovKerry);
    const ann = exportBrat({ path: 'a.txt', text, annotations: { reviewState: 'unreviewed', annotations: [labelOn(text, 'Lavrov'), labelOn(text, 'Kerry', 1)] } }).text;
    // Counted in a copy without the line added on top since: each found where its words now are.
    const added = 'UPDATED on Friday.\n' + text;
    const moved = importBrat(ann, added, context());
    assert.deepStrictEqual(moved.annotations.map((a) => [a.target[0].exact, a.target[0].start]), [['Lavrov', text.indexOf('Lavrov') + 19], ['Kerry', text.indexOf('Kerry', text.indexOf('Kerry') + 1) + 19]]);
    assert.ok(moved.problems.every((p) => p.endsWith('placed on "Lavrov" 19 characters later') || p.endsWith('placed on "Kerry" 19 characters later')), moved.problems.join('\n'));
    // A typo fixed in the name since: still its words; but one letter of a short name makes another name (review).
    const fixed = importBrat('T1\tPerson 10 32\tFrank-Walter Steinmeir\n', 'Kerry met Frank-Walter Steinmeier in Geneva.', context());
    assert.deepStrictEqual(fixed.annotations.map((a) => a.target[0].exact), ['Frank-Walter Steinmeier']);
    assert.deepStrictEqual(importBrat('T1\tPerson 0 5\tOsama\n', 'Obama spoke.', context()).annotations, []);
    // No text column, or the text written with HTML entities: the offsets, as before.
    const bare = importBrat('T1\tPerson 0 5\nT2\tOrganization 10 14\tAT&amp;T\n', 'Kerry met AT&T people.', context());
    assert.deepStrictEqual(bare.annotations.map((a) => a.target[0].exact), ['Kerry', 'AT&T']);
    assert.deepStrictEqual(bare.problems, []);
    // A span of thousands of words that moved: no crash (review: the search's pattern overflowed the stack), found
    // where it moved to by the alignment beside its offsets.
    const long = Array.from({ length: 5001 }, (_, i) => `w${i % 7}`).join(' ');
    const longMoved = importBrat(`T1\tContent 0 ${long.length}\t${long}\n`, `Added.\n${long}`, context());
    assert.deepStrictEqual(longMoved.annotations.map((a) => [a.target[0].start, a.target[0].end]), [[7, 7 + long.length]]);
    // Made for another text: nothing is put on other words.
    const other = importBrat('T1\tPerson 0 5\tKerry\nT2\tPerson 10 16\tLavrov\n', 'Completely different words here, nothing alike at all.\n', context());
    assert.deepStrictEqual(other.annotations, []);
    assert.deepStrictEqual(other.problems, [
      'line 1: T1: the file says "Kerry" but the text has "Compl" there, and "Kerry" is not near: not imported',
      'line 2: T2: the file says "Lavrov" but the text has " diffe" there, and "Lavrov" is not near: not imported',
    ]);
  });

  it('never puts a line on other words that are a few letters off ("Hillary Clinton" was placed on "Bill Clinton", "Donald Trump" on "Donald Tusk")', () => {
    const iowa = 'Yesterday Bill Clinton spoke in Iowa about the economy.\n';
    const hillary = importBrat('T1\tPerson 10 25\tHillary Clinton\n', iowa, context());
    assert.deepStrictEqual(hillary.annotations, []);
    assert.deepStrictEqual(hillary.problems, ['line 1: T1: the file says "Hillary Clinton" but the text has "Bill Clinton sp" there, and "Hillary Clinton" is not near: not imported']);
    assert.deepStrictEqual(importBrat('T1\tPerson 0 12\tDonald Trump\n', 'Donald Tusk met the press in Brussels.\n', context()).annotations, []);
    // `agree` reads brat files through the same code: no place for B that A never marked.
    assert.deepStrictEqual(spanSetOfBrat('T1\tPerson 10 25\tHillary Clinton\n', iowa).places, []);
    // Damage that leaves the words as they are is still read: other quotation marks, a letter inside a long word.
    const quoted = 'Kerry said: “We agreed on nothing,” and left.';
    const marks = importBrat('T1\tContent 12 35\t"We agreed on nothing,"\n', quoted, context());
    assert.deepStrictEqual(marks.annotations.map((a) => a.target[0].start), [12]);
    assert.match(marks.annotations[0].target[0].exact, /^“We agreed on nothing,/);
    const letter = importBrat('T1\tOrganization 10 35\tDepartmant of Agriculture\n', 'Kerry met Department of Agriculture staff.', context());
    assert.deepStrictEqual(letter.annotations.map((a) => a.target[0].exact), ['Department of Agriculture']);
  });

  it('reads offsets counted with a byte-order mark as the first character, as brat counts them', () => {
    const { annotations, problems } = importBrat('T1\tPerson 1 6\tKerry\nT2\tPerson 11 17\tLavrov\nT3\tLocation 21 27\tGeneva\n', 'Kerry met Lavrov in Geneva.\n', context());
    assert.deepStrictEqual(annotations.map((a) => a.target[0].exact), ['Kerry', 'Lavrov', 'Geneva']);
    assert.deepStrictEqual(problems, ['the offsets count a byte-order mark before the text as its first character (as brat does): read as counted']);
  });

  it('keeps a person\'s labels named like an attribution\'s roles (`Source`, `Content`, `Cue`) on its words (regression: lost in the event\'s lines)', () => {
    const text = 'Kerry said: "We agree."';
    const quote = annotationAt(text, [[12, 23]], { kind: 'speaker', speaker: { spans: [labelOn(text, 'Kerry').target[0]] }, cue: { spans: [labelOn(text, 'said').target[0]] } }, 'q1');
    const annotations: Annotation[] = [quote, labelOn(text, 'Kerry', 0, 'Source'), annotationAt(text, [[12, 23]], { kind: 'label', label: 'Content' }, 'l2'), labelOn(text, 'said', 0, 'Cue')];
    const { text: ann } = exportBrat({ path: 'a.txt', text, annotations: { reviewState: 'unreviewed', annotations } });
    const back = importBrat(ann, text, context());
    assert.deepStrictEqual(back.problems, []);
    const key = (a: Annotation) => JSON.stringify([a.target.map((s) => [s.start, s.end]), a.body]);
    assert.deepStrictEqual(back.annotations.map(key).sort(), annotations.map(key).sort());
  });

  it('leaves out the parts of an attribution that are in another article, and says how many (a speaker in b.txt was written at this article\'s offsets)', () => {
    const text = 'The weather was cold. "We will win," the chancellor said later.';
    const other = 'Chancellor Angela Merkel arrived in Washington on Monday.\n';
    const merkel = spanAt(other, { start: other.indexOf('Angela Merkel'), end: other.indexOf('Angela Merkel') + 13 });
    const quote = text.indexOf('We will win,');
    const said = labelOn(text, 'said').target[0];
    const annotations: Annotation[] = [
      annotationAt(text, [[quote, quote + 12]], { kind: 'speaker', speaker: { article: 'b.txt', spans: [merkel] }, cue: { spans: [said] } }, 'q1'),
      annotationAt(text, [[quote, quote + 12]], { kind: 'speaker', speaker: { spans: [labelOn(text, 'the chancellor').target[0]] }, cue: { article: 'b.txt', spans: [merkel] }, brat: { arguments: [{ role: 'Content2', ref: { article: 'b.txt', spans: [merkel] } }] } }, 'q2'),
    ];
    const { text: ann, leftOut } = exportBrat({ path: 'a.txt', text, annotations: { reviewState: 'unreviewed', annotations } });
    assert.deepStrictEqual(spanKeys(ann), ['Attribution 23 35', 'Attribution-no-source 52 56', 'Content 23 35', 'Cue 52 56', 'Source 37 51']);
    for (const t of parseBratStandoff(ann).document.textBounds) assert.strictEqual(t.text, text.slice(t.fragments[0][0], t.fragments[0][1]));
    assert.deepStrictEqual(leftOut.sort(), [
      '1 × Content2 of an attribution, in another article (brat marks this article only)',
      '1 × cue of an attribution, in another article (brat marks this article only)',
      '1 × speaker of an attribution, in another article (brat marks this article only)',
    ]);
    const back = importBrat(ann, text, context());
    assert.deepStrictEqual(back.problems, []);
    assert.deepStrictEqual(back.annotations.map((a) => (a.body.kind === 'speaker' ? a.body.speaker?.spans[0].exact ?? null : a.body.kind)), [null, 'the chancellor']);
  });

  it('names what brat cannot hold of a note or an accepted suggestion', () => {
    const text = 'Talks resumed on Monday in Geneva.';
    const annotations: Annotation[] = [
      annotationAt(text, [[17, 23]], { kind: 'note', text: 'Which Monday?', resolved: true, replies: [] }, 'n1'),
      annotationAt(text, [[27, 33]], { kind: 'confirm', label: 'location' }, 'c1'),
    ];
    const { leftOut } = exportBrat({ path: 'a.txt', text, annotations: { reviewState: 'unreviewed', annotations } });
    assert.deepStrictEqual(leftOut.sort(), ['1 × acceptance of a suggestion (written as a label)', '1 × resolved state of a note (read back as open)']);
  });

  it('reads lines ended by a lone CR, and names a line that starts no annotation instead of gluing it to the one before', () => {
    const text = 'Ted Cruz met Jeb Bush in Iowa.\n';
    const crOnly = importBrat('T1\tPerson 0 8\tTed Cruz\rT2\tPerson 13 21\tJeb Bush\rT3\tLocation 25 29\tIowa\r', text, context());
    assert.deepStrictEqual(crOnly.annotations.map((a) => a.target[0].exact), ['Ted Cruz', 'Jeb Bush', 'Iowa']);
    assert.deepStrictEqual(crOnly.problems, []);
    // Spaces for tabs: each such line is named, not read as the text of the line before.
    const spaces = importBrat('T1\tPerson 0 8\tTed Cruz\nT2 Person 13 21 Jeb Bush\nT3\tLocation 25 29\tIowa\n', text, context());
    assert.deepStrictEqual(spaces.annotations.map((a) => a.target[0].exact), ['Ted Cruz', 'Iowa']);
    assert.deepStrictEqual(spaces.problems, ['line 2: not a brat annotation (expected an id such as T1, E1 or #1, then a tab)']);
    // A span over a line break still goes on on the next line (as PolNeAR writes it).
    const over = importBrat('T1\tContent 0 12\tTed Cruz\nmet\n', 'Ted Cruz\nmet Jeb.', context());
    assert.deepStrictEqual(over.annotations.map((a) => a.target[0].exact), ['Ted Cruz\nmet']);
    assert.deepStrictEqual(over.problems, []);
  });

  it('exports nothing for an article without annotations', () => {
    assert.strictEqual(exportBrat({ path: 'a.txt', text: 'x', annotations: EMPTY_ARTICLE_ANNOTATIONS }).text, '');
  });

  it('round trip over every PolNeAR dev attribution file: each span has the text at its offsets, and export gives the same spans', function () {
    if (!fs.existsSync(POLNEAR_DEV)) {
      console.log(`      (skipped: ${POLNEAR_DEV} is absent — PolNeAR lives in ../shared/data, outside the repository)`);
      this.skip();
    }
    const files = fs.readdirSync(path.join(POLNEAR_DEV, 'attributions')).filter((f) => f.endsWith('.ann'));
    assert.ok(files.length > 90);
    let spans = 0;
    for (const file of files) {
      const article = file.replace(/_[0-9a-f]{4}\.ann$/, '');
      const text = fs.readFileSync(path.join(POLNEAR_DEV, 'text', `${article}.txt`), 'utf8');
      const ann = fs.readFileSync(path.join(POLNEAR_DEV, 'attributions', file), 'utf8');
      const imported = importBrat(ann, text, context());
      assert.deepStrictEqual(imported.problems, [], file);
      for (const a of imported.annotations) {
        for (const s of a.target) assert.strictEqual(text.slice(s.start, s.end), s.exact, `${file} ${a.id}`);
        spans += a.target.length;
      }
      const exported = exportBrat({ path: article, text, annotations: { reviewState: 'unreviewed', annotations: imported.annotations } });
      assert.deepStrictEqual(exported.leftOut, [], file);
      assert.deepStrictEqual(spanKeys(exported.text), spanKeys(ann), file);
      // And the written text of each span is the article's text there (line breaks written as spaces).
      for (const t of parseBratStandoff(exported.text).document.textBounds) {
        assert.strictEqual(t.text, t.fragments.map(([s, e]) => text.slice(s, e)).join(' ').replace(/\r\n|\r|\n|\t/g, ' '));
      }
    }
    assert.ok(spans > 2500, `${spans} spans`);
  });
});
