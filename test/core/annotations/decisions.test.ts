import * as assert from 'assert';
import { withDecision } from '../../../server/src/core/annotations/decisions';
import { exportFiles } from '../../../server/src/core/annotations/formats/exportFiles';
import { mergeImported } from '../../../server/src/core/annotations/imports';
import type { ArticleAnnotations } from '../../../server/src/core/annotations/model';
import { offsetEditsOf, PositionMapper } from '../../../server/src/lsp/positions';
import { annotationAt, labelAt, labelOn } from './helpers';

const text = 'Russian Foreign Ministry spokeswoman Maria Zakharova said “no comment” on Monday.';
const article = (...annotations: ArticleAnnotations['annotations']): ArticleAnnotations => ({ reviewState: 'unreviewed', annotations });
const bodies = (a: ArticleAnnotations) => a.annotations.map((x) => `${x.body.kind}:${'label' in x.body ? x.body.label : ''}:${x.target[0].exact}`);

describe('annotations: a new decision replaces the old answer to the same question', () => {
  it('relabelling a span, or an overlapping entity span, replaces the label; a user label over a sentence does not', () => {
    const ministry = labelOn(text, 'Foreign Ministry', 0, 'organization');
    const claim = annotationAt(text, [[0, text.length]], { kind: 'label', label: 'claim' }, 'claim');
    const whole = { ...labelOn(text, 'Russian Foreign Ministry', 0, 'organization'), id: 'whole' };
    const result = withDecision(article(ministry, claim), whole);
    assert.deepStrictEqual(bodies(result), ['label:claim:' + text, 'label:organization:Russian Foreign Ministry']);
    const asPerson = { ...labelOn(text, 'Russian Foreign Ministry', 0, 'person'), id: 'again' };
    assert.deepStrictEqual(bodies(withDecision(result, asPerson)), ['label:claim:' + text, 'label:person:Russian Foreign Ministry']);
  });

  it('a rejection replaces a label on the same span; notes and orphans are never replaced', () => {
    const label = labelOn(text, 'Maria Zakharova');
    const note = annotationAt(text, [[36, 51]], { kind: 'note', text: 'spelling?', resolved: false, replies: [] }, 'note');
    const orphan = { ...labelOn(text, 'Maria Zakharova', 0, 'organization'), id: 'orphan', status: 'orphaned' as const };
    const reject = annotationAt(text, [[36, 51]], { kind: 'reject', extent: 'occurrence' }, 'reject');
    assert.deepStrictEqual(withDecision(article(label, note, orphan), reject).annotations.map((a) => a.id), ['note', 'orphan', 'reject']);
  });

  it('a quote kind replaces a speaker on the same quote, and a speaker a quote kind', () => {
    const quote: [number, number] = [text.indexOf('“'), text.indexOf('”') + 1];
    const speaker = annotationAt(text, [quote], { kind: 'speaker', speaker: { spans: [labelOn(text, 'Maria Zakharova').target[0]] } }, 'speaker');
    const scare = annotationAt(text, [quote], { kind: 'quoteKind', quoteKind: 'scare' }, 'scare');
    assert.deepStrictEqual(withDecision(article(speaker), scare).annotations.map((a) => a.id), ['scare']);
    assert.deepStrictEqual(withDecision(article(scare), speaker).annotations.map((a) => a.id), ['speaker']);
  });

  it('same / not the same person for one pair, either way round, replace each other', () => {
    const zakharova = labelOn(text, 'Maria Zakharova').target[0];
    const spokeswoman = labelOn(text, 'spokeswoman').target[0];
    const same = annotationAt(text, [[zakharova.start, zakharova.end]], { kind: 'sameAs', other: { spans: [spokeswoman] } }, 'same');
    const different = annotationAt(text, [[spokeswoman.start, spokeswoman.end]], { kind: 'differentFrom', other: { spans: [zakharova] } }, 'different');
    assert.deepStrictEqual(withDecision(article(same), different).annotations.map((a) => a.id), ['different']);
  });
});

describe('annotations: imports and export files', () => {
  it('an import adds only what the article does not have yet', () => {
    const label = labelOn(text, 'Maria Zakharova');
    const again = { ...labelOn(text, 'Maria Zakharova'), id: 'other-id', creator: 'someone else' };
    const fresh = labelOn(text, 'Monday', 0, 'misc');
    const merged = mergeImported(article(label), [again, fresh]);
    assert.strictEqual(merged.added, 1);
    assert.deepStrictEqual(merged.article.annotations.map((a) => a.id), [label.id, fresh.id]);
  });

  it('an import leaves out a label that contradicts the article\'s decision on the same span, and says so (Paris was both Organization and Location)', () => {
    const paris = 'Angela Merkel met Emmanuel Macron in Paris on Monday.\n';
    const organization = { ...labelOn(paris, 'Paris', 0, 'organization'), id: 'mine' };
    const location = { ...labelOn(paris, 'Paris', 0, 'location'), id: 'theirs' };
    const macron = { ...labelOn(paris, 'Emmanuel Macron'), id: 'macron' };
    const merged = mergeImported(article(organization), [location, macron]);
    assert.strictEqual(merged.added, 1);
    assert.deepStrictEqual(merged.article.annotations.map((a) => a.id), ['mine', 'macron']);
    assert.deepStrictEqual(merged.contradictions, ['“Paris”: label Location not imported: the article has label Organization there (one entity decision per span; remove that one first to take this one)']);
    // Two lines of one file that contradict each other: the first is imported, the second said.
    const within = mergeImported(article(), [location, organization]);
    assert.deepStrictEqual([within.added, within.article.annotations.map((a) => a.id), within.contradictions.length], [1, ['theirs'], 1]);
    // A rejection answers the same question; labels on overlapping spans, or a user label over a sentence, do not.
    const rejected = mergeImported(article(annotationAt(paris, [[37, 42]], { kind: 'reject', extent: 'occurrence' }, 'no')), [location]);
    assert.deepStrictEqual([rejected.added, rejected.contradictions.length], [0, 1]);
    const nested = mergeImported(article(labelOn(paris, 'Paris on Monday', 0, 'misc'), labelAt(paris, 0, paris.length - 1, 'claim', 'claim')), [location]);
    assert.deepStrictEqual([nested.added, nested.contradictions], [1, []]);
  });

  it('lays out the files of each format: brat .ann beside a .txt copy, W3C per article, CoNLL and doccano in one file', () => {
    const articles = [
      { path: 'news/a.txt', text: 'A', output: 'T1\n' },
      { path: 'news/b.article', text: 'B', output: 'T2\n' },
    ];
    assert.deepStrictEqual(exportFiles('brat', articles), [
      { path: 'news/a.ann', text: 'T1\n' },
      { path: 'news/a.txt', text: 'A' },
      { path: 'news/b.ann', text: 'T2\n' },
      { path: 'news/b.txt', text: 'B' },
    ]);
    assert.deepStrictEqual(exportFiles('w3c', articles).map((f) => f.path), ['news/a.txt.json', 'news/b.article.json']);
    assert.deepStrictEqual(exportFiles('conll', articles), [{ path: 'annotations.conll', text: 'T1\nT2\n' }]);
    assert.deepStrictEqual(exportFiles('doccano', []), []);
  });

  it('gives brat files of their own to two articles whose names differ only in the extension (one overwrote the other)', () => {
    const articles = [
      { path: 'news/a.txt', text: 'A', output: 'T1\n' },
      { path: 'news/a.article', text: 'B', output: 'T2\n' },
      { path: 'news/A.md', text: 'C', output: 'T3\n' },
      { path: 'news/a.article.txt', text: 'D', output: 'T4\n' },
    ];
    const files = exportFiles('brat', articles);
    assert.deepStrictEqual(files.map((f) => f.path), [
      'news/a.ann', 'news/a.txt',
      'news/a.article.ann', 'news/a.article.txt',
      'news/A.md.ann', 'news/A.md.txt',
      'news/a.article~2.ann', 'news/a.article~2.txt',
    ]);
    assert.strictEqual(new Set(files.map((f) => f.path.toLowerCase())).size, files.length, 'no two files at one path, whatever the case');
  });

  it('numbers the files of two articles with one path (two store roots, or articles outside the current folder): W3C wrote one over the other', () => {
    // x/a.txt and y/a.txt, each under a store of its own, are both `a.txt` to the export.
    const articles = [
      { path: 'a.txt', text: 'Angela Merkel spoke.\n', output: '{"merkel"}\n' },
      { path: 'a.txt', text: 'Boris Johnson spoke.\n', output: '{"johnson"}\n' },
      { path: 'A.TXT', text: 'Emmanuel Macron spoke.\n', output: '{"macron"}\n' },
    ];
    assert.deepStrictEqual(exportFiles('w3c', articles), [
      { path: 'a.txt.json', text: '{"merkel"}\n' },
      { path: 'a.txt~2.json', text: '{"johnson"}\n' },
      { path: 'A.TXT~3.json', text: '{"macron"}\n' },
    ]);
    for (const format of ['brat', 'w3c'] as const) {
      const paths = exportFiles(format, articles).map((f) => f.path.toLowerCase());
      assert.strictEqual(new Set(paths).size, paths.length, `${format}: no two files at one path, whatever the case`);
    }
  });
});

describe('content changes as offset edits (positions.ts)', () => {
  it('reads each change against the text the previous one left, and a whole-text change as the part that differs', () => {
    const before = 'one\r\ntwo 🎉\nthree';
    const changes = [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'TWO' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'zero\n' },
      { text: 'zero\none\r\nTWO 🎉\nthree!' },
    ];
    const { edits, text } = offsetEditsOf(before, changes, new PositionMapper(before));
    assert.strictEqual(text, 'zero\none\r\nTWO 🎉\nthree!');
    assert.deepStrictEqual(edits, [
      { start: 5, end: 8, text: 'TWO' },
      { start: 0, end: 0, text: 'zero\n' },
      { start: text.length - 1, end: text.length - 1, text: '!' },
    ]);
  });
});
