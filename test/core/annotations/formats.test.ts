import * as assert from 'assert';
import { CodePointIndex } from '../../../server/src/core/annotations/codePoints';
import { effectiveEntities } from '../../../server/src/core/annotations/entityLayer';
import { conllSpansInText, exportArticle, exportConll, exportDoccano, parseConll, parseDoccano } from '../../../server/src/core/annotations/formats';
import type { Annotation, ArticleAnnotations } from '../../../server/src/core/annotations/model';
import { spanAt } from '../../../server/src/core/annotations/selectors';
import { tokenize } from '../../../server/src/core/tokenize';
import { readSeed, SEEDS } from '../../helpers/seeds';
import { annotationAt, labelAt, labelOn } from './helpers';

function article(annotations: Annotation[]): ArticleAnnotations {
  return { reviewState: 'unreviewed', annotations };
}

/**
 * Labels on every name-like run of capitalised words in a seed that starts and ends at token boundaries
 * (`inter-Syrian` is one token: a label on `Syrian` would come back as the whole token).
 */
function labelsOnNames(text: string): Annotation[] {
  const labels = ['person', 'organization', 'location', 'misc', 'claim'];
  const tokens = tokenize(text);
  const starts = new Set(tokens.map((t) => t.start));
  const ends = new Set(tokens.map((t) => t.end));
  return [...text.matchAll(/\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*/gu)]
    .filter((m) => starts.has(m.index!) && ends.has(m.index! + m[0].length))
    .map((m, i) => labelAt(text, m.index!, m.index! + m[0].length, `n${i}`, labels[i % labels.length]));
}

describe('annotations: code points and UTF-16', () => {
  it('converts both ways around emoji, flags and mathematical letters, and clamps', () => {
    const text = 'a😀b🇷🇺c𝐊d';
    const index = new CodePointIndex(text);
    assert.strictEqual(index.codePointLength, [...text].length);
    for (let cp = 0, u = 0; u <= text.length; ) {
      assert.strictEqual(index.toCodePoints(u), cp);
      assert.strictEqual(index.toUtf16(cp), u);
      const c = text.codePointAt(u);
      u += c !== undefined && c > 0xffff ? 2 : 1;
      cp++;
    }
    assert.strictEqual(index.toCodePoints(2), 2, 'between the halves of 😀: counted as passed');
    assert.strictEqual(index.toUtf16(99), text.length);
    assert.ok(new CodePointIndex('plain text').isIdentity);
  });
});

describe('annotations: entity layer (the person wins)', () => {
  const text = 'Reuters reports that Sergei Lavrov met Reuters staff in the Russian Foreign Ministry.';
  it('drops suggestions the person rejected, relabelled or covered, and keeps those inside a user label', () => {
    const at = (s: string, n = 0): { start: number; end: number } => {
      let i = -1;
      for (let k = 0; k <= n; k++) i = text.indexOf(s, i + 1);
      return { start: i, end: i + s.length };
    };
    const suggestions = [
      { ...at('Reuters'), label: 'organization' },
      { ...at('Reuters', 1), label: 'organization' },
      { ...at('Sergei Lavrov'), label: 'person' },
      { ...at('Foreign Ministry'), label: 'organization' },
    ];
    const annotations = [
      annotationAt(text, [[at('Reuters').start, at('Reuters').end]], { kind: 'reject', extent: 'everywhere' }, 'r'),
      labelAt(text, at('Russian Foreign Ministry').start, at('Russian Foreign Ministry').end, 'l', 'organization'),
      labelAt(text, 0, text.length, 'c', 'claim'),
    ];
    const result = effectiveEntities(text, annotations, suggestions).map((e) => [text.slice(e.start, e.end), e.label, e.origin]);
    assert.deepStrictEqual(result, [
      [text, 'claim', 'human'],
      ['Sergei Lavrov', 'person', 'suggested'],
      ['Russian Foreign Ministry', 'organization', 'human'],
    ]);
  });
});

describe('annotations: CoNLL-2003 export', () => {
  it('writes -DOCSTART-, one token per line, IOB2 tags and blank lines between sentences', () => {
    const text = 'Sergei Lavrov met John Kerry in Geneva. The U.N. said nothing.';
    const annotations = [labelOn(text, 'Sergei Lavrov'), labelOn(text, 'John Kerry'), labelOn(text, 'Geneva', 0, 'location'), labelOn(text, 'U.N.', 0, 'organization')];
    const { text: conll } = exportConll({ path: 'a.txt', text, annotations: article(annotations) });
    assert.strictEqual(
      conll,
      ['-DOCSTART- -X- -X- O', '', 'Sergei -X- -X- B-PER', 'Lavrov -X- -X- I-PER', 'met -X- -X- O', 'John -X- -X- B-PER', 'Kerry -X- -X- I-PER', 'in -X- -X- O', 'Geneva -X- -X- B-LOC', '. -X- -X- O', '', 'The -X- -X- O', 'U.N. -X- -X- B-ORG', 'said -X- -X- O', 'nothing -X- -X- O', '. -X- -X- O', '', ''].join('\n'),
    );
  });

  it('picks one entity of two on one span by the later decision, whatever their ids (it went by random ids)', () => {
    const text = 'Angela Merkel met Emmanuel Macron in Paris on Monday.';
    const at = (label: string, id: string, modified: string): Annotation => ({ ...labelOn(text, 'Paris', 0, label), id, modified });
    for (const [first, second] of [['urn:uuid:0', 'urn:uuid:f'], ['urn:uuid:f', 'urn:uuid:0']]) {
      const annotations = [at('organization', first, '2024-05-01T10:00:00.000Z'), at('location', second, '2024-05-02T10:00:00.000Z')];
      for (const order of [annotations, [...annotations].reverse()]) {
        const { text: conll, leftOut } = exportConll({ path: 'a.txt', text, annotations: article(order) });
        assert.match(conll, /^Paris -X- -X- B-LOC$/m, `${first} ${second}`);
        assert.deepStrictEqual(leftOut, ['1 × entity overlapping another (BIO cannot nest)']);
        const doccano = JSON.parse(exportDoccano({ path: 'a.txt', text, annotations: article(order) }).text);
        assert.deepStrictEqual(doccano.label, [[37, 42, 'LOC'], [37, 42, 'ORG']]);
      }
    }
  });

  it('counts every entity it leaves out where entities overlap (it said 1 when 3 were left out)', () => {
    const text = 'The University of Paris Medical School opened.';
    const annotations = [
      labelOn(text, 'University of Paris Medical School', 0, 'organization'),
      labelOn(text, 'Paris', 0, 'location'),
      labelOn(text, 'University of Paris', 0, 'organization'),
      labelOn(text, 'Medical', 0, 'misc'),
    ];
    const { text: conll, leftOut } = exportConll({ path: 'a.txt', text, annotations: article(annotations) });
    assert.match(conll, /^University -X- -X- B-ORG\nof -X- -X- I-ORG\nParis -X- -X- I-ORG\nMedical -X- -X- I-ORG\nSchool -X- -X- I-ORG$/m);
    assert.deepStrictEqual(leftOut, ['3 × entity overlapping another (BIO cannot nest)']);
  });

  it('leaves out and counts an entity that starts or ends inside a token (two labels in Obama-Putin were tagged as one entity, and nothing said)', () => {
    const text = 'The Obama-Putin summit opened in Geneva. Gazprom’s chief and Kerry spoke.';
    const annotations = [labelOn(text, 'Obama'), labelOn(text, 'Putin'), labelOn(text, 'enev', 0, 'location'), labelOn(text, 'Gazprom', 0, 'organization'), labelOn(text, 'Kerry')];
    const { text: conll, leftOut } = exportConll({ path: 'a.txt', text, annotations: article(annotations) });
    assert.match(conll, /^Obama-Putin -X- -X- O$/m);
    assert.match(conll, /^Geneva -X- -X- O$/m);
    assert.match(conll, /^Gazprom -X- -X- B-ORG\n’s -X- -X- O$/m, 'a label ending where a token ends is kept');
    assert.match(conll, /^Kerry -X- -X- B-PER$/m);
    assert.deepStrictEqual(leftOut, ['3 × entity starting or ending inside a token (CoNLL tags whole tokens)']);
  });

  it('keeps a label with white space selected around it or without its token’s full stop (`John Kerry `, `Acme Corp` of `Corp.`, `U.S` of `U.S.`), and leaves out one cut inside a word', () => {
    const text = 'The meeting between Lavrov and John Kerry was held at Acme Corp. in Geneva with U.S. officials.';
    const kerry = text.indexOf('John Kerry');
    const acme = text.indexOf('Acme Corp');
    const us = text.indexOf('U.S.');
    const spaced = { ...labelOn(text, 'John Kerry'), target: [spanAt(text, { start: kerry - 1, end: kerry + 'John Kerry '.length })] };
    const corp = { ...labelOn(text, 'Acme Corp', 0, 'organization'), target: [spanAt(text, { start: acme, end: acme + 'Acme Corp'.length })] };
    const country = { ...labelOn(text, 'U.S', 0, 'location'), target: [spanAt(text, { start: us, end: us + 3 })] };
    const cut = labelOn(text, 'Kerr', 0, 'person');
    const { text: conll, leftOut } = exportConll({ path: 'a.txt', text, annotations: article([spaced, corp, country, cut]) });
    assert.match(conll, /^John -X- -X- B-PER\nKerry -X- -X- I-PER\nwas -X- -X- O$/m);
    assert.match(conll, /^Acme -X- -X- B-ORG\nCorp\. -X- -X- I-ORG\nin -X- -X- O$/m);
    assert.match(conll, /^U\.S\. -X- -X- B-LOC$/m);
    assert.deepStrictEqual(leftOut, ['1 × entity starting or ending inside a token (CoNLL tags whole tokens)'], '`Kerr` of `Kerry` is cut inside the word');
  });

  it('keeps such labels on a seed: white space before or after the words, an initialism without its last dot, and reads them back as whole tokens', () => {
    const text = readSeed(SEEDS.lavrovMunich);
    const annotations = [
      labelOn(text, 'Joe Biden '),
      labelOn(text, ' Lakhdar Brahimi', 0, 'person'),
      labelOn(text, 'U.S', 0, 'location'),
      labelOn(text, 'U.N', 2, 'organization'),
      labelOn(text, 'Munich Security Conference ', 0, 'misc'),
    ];
    const { text: conll, leftOut } = exportConll({ path: 'a.txt', text, annotations: article(annotations) });
    assert.deepStrictEqual(leftOut, []);
    assert.match(conll, /^U\.S\. -X- -X- B-LOC\nVice -X- -X- O$/m);
    assert.match(conll, /^Joe -X- -X- B-PER\nBiden -X- -X- I-PER\nand -X- -X- O\nU\.N\. -X- -X- O$/m);
    assert.match(conll, /^envoy -X- -X- O\nLakhdar -X- -X- B-PER\nBrahimi -X- -X- I-PER$/m);
    assert.match(conll, /^the -X- -X- O\nU\.N\. -X- -X- B-ORG\nSecurity -X- -X- O$/m);
    assert.match(conll, /^Munich -X- -X- B-MISC\nSecurity -X- -X- I-MISC\nConference -X- -X- I-MISC\nis -X- -X- O$/m);
    const { documents } = parseConll(conll);
    const spans = conllSpansInText(documents[0], text);
    assert.ok('spans' in spans);
    assert.deepStrictEqual(spans.spans.map((s) => text.slice(s.start, s.end)), ['U.S.', 'Joe Biden', 'Lakhdar Brahimi', 'Munich Security Conference', 'U.N.']);
  });

  it('leaves out and counts an entity running over a sentence end instead of cutting it in two', () => {
    const text = 'Lavrov spoke. Kerry listened.';
    const { text: conll, leftOut } = exportConll({ path: 'a.txt', text, annotations: article([labelOn(text, 'spoke. Kerry', 0, 'claim'), labelOn(text, 'Lavrov')]) });
    assert.doesNotMatch(conll, /claim/i);
    assert.match(conll, /^Lavrov -X- -X- B-PER$/m);
    assert.deepStrictEqual(leftOut, ['1 × entity running over a sentence end (CoNLL entities are within one sentence)']);
  });

  it('reads IOB1 as CoNLL-2003 wrote it (I- starts an entity after O)', () => {
    const { documents, problems } = parseConll('-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n');
    assert.deepStrictEqual(problems, []);
    const spans = conllSpansInText(documents[0], 'EU rejects German call');
    assert.deepStrictEqual(spans, { spans: [{ start: 0, end: 2, label: 'organization' }, { start: 11, end: 17, label: 'misc' }] });
  });

  it('parses its own export of every seed back to the same spans (two articles in one file, user labels too)', () => {
    const seeds = [SEEDS.lavrovJamil, SEEDS.lavrovKerry].map(readSeed);
    const files = seeds.map((text) => ({ text, annotations: labelsOnNames(text) }));
    const conll = files.map((f) => exportConll({ path: 'a.txt', text: f.text, annotations: article(f.annotations) }).text).join('');
    const { documents, problems } = parseConll(conll);
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(documents.length, 2);
    files.forEach((f, i) => {
      const back = conllSpansInText(documents[i], f.text);
      assert.ok('spans' in back, JSON.stringify(back));
      const expected = f.annotations.map((a) => ({ start: a.target[0].start, end: a.target[0].end, label: (a.body as { label: string }).label }));
      assert.deepStrictEqual(back.spans, expected);
    });
  });
});

describe('annotations: doccano JSONL export', () => {
  it('writes code-point offsets and reads them back to the same spans, emoji included', () => {
    const text = '😀 Sergei Lavrov met 🇺🇸 John Kerry.';
    const annotations = [labelOn(text, 'Sergei Lavrov'), labelOn(text, 'John Kerry'), annotationAt(text, [[0, 2]], { kind: 'note', text: 'emoji?', resolved: false, replies: [] }, 'n')];
    const out = exportDoccano({ path: 'news/a.txt', text, annotations: article(annotations) });
    assert.deepStrictEqual(JSON.parse(out.text), { text, label: [[2, 15, 'PER'], [23, 33, 'PER']], path: 'news/a.txt' });
    assert.deepStrictEqual(out.leftOut, ['1 × note annotation (doccano sequence labels are entities only)']);
    const { documents } = parseDoccano(out.text + '\n' + out.text);
    assert.strictEqual(documents.length, 2);
    assert.deepStrictEqual(documents[0].spans, annotations.slice(0, 2).map((a) => ({ start: a.target[0].start, end: a.target[0].end, label: 'person' })));
  });

  it('says when a discontinuous label is written as one entity per fragment (doccano and CoNLL have no discontinuous spans)', () => {
    const text = 'Sergei Lavrov met John Kerry.';
    const annotations = [annotationAt(text, [[0, 6], [18, 22]], { kind: 'label', label: 'misc' }, 'd')];
    assert.deepStrictEqual(exportDoccano({ path: 'a.txt', text, annotations: article(annotations) }).leftOut, ['1 × discontinuous label (one entity per fragment: doccano has no discontinuous spans)']);
    assert.deepStrictEqual(exportConll({ path: 'a.txt', text, annotations: article(annotations) }).leftOut, ['1 × discontinuous label (one entity per fragment: CoNLL has no discontinuous spans)']);
  });

  it('reads the entities form newer doccano versions export, and reports bad lines', () => {
    const { documents, problems } = parseDoccano('{"text":"Kerry","entities":[{"id":1,"label":"PER","start_offset":0,"end_offset":5}]}\nnot json\n{"text":"x","label":[[0,9,"PER"]]}');
    assert.deepStrictEqual(documents[0].spans, [{ start: 0, end: 5, label: 'person' }]);
    assert.deepStrictEqual(problems, ['line 2: not JSON', 'line 3: span [0,9,"PER"] is not [start, end, label] inside the text']);
  });

  it('reports negative and fractional offsets instead of reading them as other places (regression: -3 read as 0)', () => {
    const { documents, problems } = parseDoccano('{"text":"Kerry met Lavrov","label":[[-3,5,"PER"],[10,15.5,"PER"],[10,16,"PER"]]}');
    assert.deepStrictEqual(documents[0].spans, [{ start: 10, end: 16, label: 'person' }]);
    assert.deepStrictEqual(problems, ['line 1: span [-3,5,"PER"] is not [start, end, label] inside the text', 'line 1: span [10,15.5,"PER"] is not [start, end, label] inside the text']);
  });
});

describe('annotations: export with machine suggestions', () => {
  it('includes suggestions only when given, and the person wins where they disagree', () => {
    const text = 'Lavrov met Kerry.';
    const annotations = article([labelOn(text, 'Kerry', 0, 'location')]);
    const suggestions = [{ start: 0, end: 6, label: 'person' }, { start: 11, end: 16, label: 'person' }];
    assert.strictEqual(exportArticle('brat', { path: 'a', text, annotations }).text, 'T1\tLocation 11 16\tKerry\n');
    assert.strictEqual(exportArticle('brat', { path: 'a', text, annotations, suggestions }).text, 'T1\tLocation 11 16\tKerry\nT2\tPerson 0 6\tLavrov\n');
    assert.ok(exportArticle('conll', { path: 'a', text, annotations, suggestions }).text.includes('Kerry -X- -X- B-LOC'));
  });
});
