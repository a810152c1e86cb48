import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { compareAnnotators } from '../../../server/src/core/agreement/compareAnnotators';
import { spanSetOfBrat, spanSetOfStore, type LabeledPlace } from '../../../server/src/core/agreement/spanSets';
import { serializeAnnotationCollection } from '../../../server/src/core/annotations/w3c';
import { ROOT } from '../../helpers/seeds';
import { annotationAt, labelOn } from '../annotations/helpers';

const POLNEAR_TRAIN = path.join(ROOT, '..', 'shared', 'data', 'polnear', 'train');

/** `Label start-end[;start-end]` per place, for short assertions. */
function describePlaces(places: readonly LabeledPlace[]): string[] {
  return places.map((p) => `${p.label} ${p.fragments.map((f) => `${f.start}-${f.end}`).join(';')}`);
}

describe('agreement: span sets from brat files and from the store', () => {
  const text = 'Ted Cruz said he would win. Cruz added that it was over, aides said.';

  it('reads PolNeAR-style attributions as Source, Cue and Content places, each once', () => {
    const ann = [
      'T1\tSource 0 8\tTed Cruz',
      'T2\tCue 9 13\tsaid',
      'T3\tContent 14 26\the would win',
      'T4\tAttribution 9 13\tsaid',
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
      'T5\tCue 33 38\tadded',
      'T6\tContent 44 56\tit was over,',
      'T7\tAttribution 33 38\tadded',
      // The second event shares its Source with the first one (T1): one Source place, not two.
      'E2\tAttribution:T7 Content:T6 Cue:T5 Source:T1',
      'T8\tDiscuss 57 67\taides said',
      'T9\tSource 28 32;57 62\tCruz aides',
      '',
    ].join('\n');
    const { places, problems } = spanSetOfBrat(ann, text);
    assert.deepStrictEqual(problems, []);
    // The Attribution triggers (T4, T7) repeat the cues and are not places of their own.
    assert.deepStrictEqual(describePlaces(places), ['Source 0-8', 'Cue 9-13', 'Content 14-26', 'Source 28-32;57-62', 'Cue 33-38', 'Content 44-56', 'Discuss 57-67']);
  });

  it("reads a PolNeAR event's second Content as Content", () => {
    const ann = ['T1\tCue 9 13\tsaid', 'T2\tContent 14 26\the would win', 'T3\tContent 28 32\tCruz', 'E1\tAttribution-no-source:T1 Content:T2 Cue:T1 Content2:T3', ''].join('\n');
    assert.deepStrictEqual(describePlaces(spanSetOfBrat(ann, text).places), ['Cue 9-13', 'Content 14-26', 'Content 28-32']);
  });

  it('reads labels and attributions from a store file, placing them by their quotes', () => {
    const quote = text.indexOf('he would win');
    const annotations = [
      labelOn(text, 'Ted Cruz'),
      annotationAt(text, [[quote, quote + 'he would win'.length]], { kind: 'speaker', speaker: { spans: [labelOn(text, 'Ted Cruz').target[0]] }, cue: { spans: [labelOn(text, 'said').target[0]] } }, 'q1'),
      annotationAt(text, [[0, 3]], { kind: 'note', text: 'check', resolved: false, replies: [] }, 'n1'),
      annotationAt(text, [[28, 32]], { kind: 'reject', extent: 'occurrence' }, 'r1'),
    ];
    const json = serializeAnnotationCollection({ path: 'a.txt', text, annotations: { reviewState: 'reviewed', annotations } });
    const read = spanSetOfStore(json, text);
    assert.ok(!('invalid' in read));
    // Notes and rejections label nothing.
    assert.deepStrictEqual(describePlaces(read.places), ['Source 0-8', 'person 0-8', 'Cue 9-13', 'Content 14-26']);
    // The article gained a line at the top since: every place follows its quote.
    const moved = spanSetOfStore(json, `Update.\n${text}`);
    assert.ok(!('invalid' in moved));
    assert.deepStrictEqual(describePlaces(moved.places), ['Source 8-16', 'person 8-16', 'Cue 17-21', 'Content 22-34']);
    assert.deepStrictEqual(spanSetOfStore('{"type": "Nothing"}', text), { invalid: 'the file: expected "type": "AnnotationCollection"' });
  });
});

describe('agreement: comparing two annotators', () => {
  const text = 'Ted Cruz said he would win.';
  const place = (label: string, start: number, end: number): LabeledPlace => ({ label, fragments: [{ start, end }] });

  it('computes F1 and κ over tokens by hand on one sentence', () => {
    // Tokens: Ted Cruz said he would win .   (7)
    // A: Source "Ted Cruz", Cue "said", Content "he would win"   → S S C Ct Ct Ct O
    // B: Source "Cruz", Cue "said", Content "he would win."      → O S C Ct Ct Ct Ct
    const a = [place('Source', 0, 8), place('Cue', 9, 13), place('Content', 14, 26)];
    const b = [place('Source', 4, 8), place('Cue', 9, 13), place('Content', 14, 27)];
    const report = compareAnnotators([{ document: 'cruz.txt', text, a, b }]);
    assert.strictEqual(report.tokens, 7);
    // Overall κ: agreeing tokens 5 of 7 (Cruz … win) → p_o = 5/7. A: Source 2, Cue 1, Content 3, O 1;
    // B: Source 1, Cue 1, Content 4, O 1 → p_e = (2·1 + 1·1 + 3·4 + 1·1)/49 = 16/49.
    // κ = (35/49 − 16/49)/(33/49) = 19/33.
    assert.ok(Math.abs(report.overall.kappa! - 19 / 33) < 1e-9);
    // Source against O: A S S O O O O O, B O S O O O O O: p_o = 6/7, p_e = (2·1 + 5·6)/49 = 32/49 → κ = 10/17.
    assert.ok(Math.abs(report.labels.Source.kappa! - 10 / 17) < 1e-9);
    // Content: A has 3 tokens, B 4 (the full stop): p_o = 6/7, p_e = (3·4 + 4·3)/49 = 24/49 → κ = 18/25.
    assert.ok(Math.abs(report.labels.Content.kappa! - 18 / 25) < 1e-9);
    assert.strictEqual(report.labels.Cue.kappa, 1);
    // F1 exact: only the Cue: 2·1/(3 + 3) = 1/3; overlap: all three pairs → 1.
    assert.ok(Math.abs(report.overall.f1Exact! - 1 / 3) < 1e-9);
    assert.strictEqual(report.overall.f1Overlap, 1);
    assert.strictEqual(report.labels.Cue.alphaU, 1);
    assert.deepStrictEqual(report.documents, [{ document: 'cruz.txt', spansA: 3, spansB: 3, f1Exact: 2 / 6, f1Overlap: 1 }]);
  });

  it('gives 1 everywhere for identical annotations and "undefined" where nobody marked anything', () => {
    const same = [place('Source', 0, 8), place('Cue', 9, 13), place('Content', 14, 26)];
    const report = compareAnnotators([
      { document: 'a.txt', text, a: same, b: same },
      { document: 'empty.txt', text, a: [], b: [] },
    ]);
    for (const measures of [report.overall, ...Object.values(report.labels)]) {
      assert.deepStrictEqual([measures.f1Exact, measures.f1Overlap, measures.kappa, measures.alphaU], [1, 1, 1, 1]);
    }
    assert.deepStrictEqual(report.documents[1], { document: 'empty.txt', spansA: 0, spansB: 0, f1Exact: null, f1Overlap: null });
    const nothing = compareAnnotators([{ document: 'empty.txt', text, a: [], b: [] }]);
    assert.deepStrictEqual(nothing.labels, {});
    assert.deepStrictEqual([nothing.overall.f1Exact, nothing.overall.kappa, nothing.overall.alphaU], [null, null, null]);
  });

  it('agrees perfectly with itself on a PolNeAR article, and less with another annotator', function () {
    if (!fs.existsSync(POLNEAR_TRAIN)) {
      this.skip(); // ../shared/data/polnear is absent (a fresh clone): nothing to read
      return;
    }
    const article = 'nyt_2016-06-07_china-rebuts-american-criticism-';
    const articleText = fs.readFileSync(path.join(POLNEAR_TRAIN, 'text', `${article}.txt`), 'utf8');
    const files = fs.readdirSync(path.join(POLNEAR_TRAIN, 'attributions')).filter((f) => f.startsWith(`${article}_`)).sort();
    assert.ok(files.length >= 2, `${article} has ${files.length} annotators`);
    const [first, second] = files.map((f) => spanSetOfBrat(fs.readFileSync(path.join(POLNEAR_TRAIN, 'attributions', f), 'utf8'), articleText));
    assert.ok(first.places.length > 10);
    const self = compareAnnotators([{ document: article, text: articleText, a: first.places, b: first.places }]);
    assert.deepStrictEqual([self.overall.f1Exact, self.overall.f1Overlap, self.overall.kappa, self.overall.alphaU], [1, 1, 1, 1]);
    const other = compareAnnotators([{ document: article, text: articleText, a: first.places, b: second.places }]);
    for (const value of [other.overall.f1Exact!, other.overall.kappa!, other.overall.alphaU!]) assert.ok(value < 1 && value > 0, String(value));
    assert.ok(other.overall.f1Overlap! >= other.overall.f1Exact!);
  });
});
