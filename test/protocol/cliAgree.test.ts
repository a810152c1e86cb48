import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { serializeAnnotationCollection } from '../../server/src/core/annotations/w3c';
import { readSeed, ROOT, SEEDS } from '../helpers/seeds';
import { annotationAt, labelOn } from '../core/annotations/helpers';

function agree(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'agree', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const TEXT = 'Ted Cruz said he would win.\nGraham said nothing.\n';

function write(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

describe('command line: article-lens agree A B (dist/cli.js)', () => {
  let scratch: string;
  beforeEach(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-agree-'))));
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  /** Two brat folders in PolNeAR's naming: `cruz.txt` with `cruz_4b22.ann` in A and `cruz_ef2d.ann` in B. */
  function bratPair(): { a: string; b: string } {
    const a = path.join(scratch, 'A');
    const b = path.join(scratch, 'B');
    write(path.join(a, 'cruz.txt'), TEXT);
    write(path.join(b, 'cruz.txt'), TEXT);
    write(path.join(a, 'cruz_4b22.ann'), ['T1\tSource 0 8\tTed Cruz', 'T2\tCue 9 13\tsaid', 'T3\tContent 14 26\the would win', 'E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1', ''].join('\n'));
    write(path.join(b, 'cruz_ef2d.ann'), ['T1\tSource 4 8\tCruz', 'T2\tCue 9 13\tsaid', 'T3\tContent 14 27\the would win.', 'E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1', ''].join('\n'));
    return { a, b };
  }

  it('prints F1, κ and αU per label and overall, and F1 per article, for brat files named <article>_<annotator>.ann', () => {
    const { a, b } = bratPair();
    const { code, stdout, stderr } = agree(a, b);
    assert.strictEqual(code, 0, stderr);
    assert.strictEqual(stderr, '');
    assert.match(stdout, /^Agreement of B \(.*B\) with A \(.*A\) as the reference: 1 article, 11 tokens$/m);
    assert.match(stdout, /^label\s+spans A\s+spans B\s+F1 exact\s+F1 overlap\s+κ tokens\s+αU$/m);
    // Hand-computed in test/core/agreement/spanSets.test.ts for the first sentence; the second is O for both
    // (4 more agreeing tokens): Cue κ = 1, F1 exact overall 1/3, overlap 1.
    assert.match(stdout, /^Cue\s+1\s+1\s+1\.000\s+1\.000\s+1\.000\s+1\.000$/m);
    assert.match(stdout, /^overall\s+3\s+3\s+0\.333\s+1\.000\s+\d\.\d{3}\s+\d\.\d{3}$/m);
    assert.match(stdout, /^cruz\.txt\s+3\s+3\s+0\.333\s+1\.000$/m);
  });

  it('pairs x_<annotator>.ann with x.TXT, extensions in any case (seed 000)', () => {
    const seed = readSeed(SEEDS.lavrovJamil);
    const source = seed.indexOf('Sergei Lavrov');
    const cue = seed.indexOf('said', source);
    const a = path.join(scratch, 'A');
    const b = path.join(scratch, 'B');
    write(path.join(a, 'LAVROV.TXT'), seed);
    write(path.join(b, 'LAVROV.TXT'), seed);
    write(path.join(a, 'LAVROV_4b22.ANN'), `T1\tSource ${source} ${source + 13}\tSergei Lavrov\nT2\tCue ${cue} ${cue + 4}\tsaid\n`);
    write(path.join(b, 'lavrov_ef2d.ann'), `T1\tSource ${source + 7} ${source + 13}\tLavrov\nT2\tCue ${cue} ${cue + 4}\tsaid\n`);
    const { code, stdout, stderr } = agree(a, b);
    assert.strictEqual(code, 0, stderr);
    assert.match(stdout, /: 1 article, \d+ tokens$/m);
    assert.match(stdout, /^Cue\s+1\s+1\s+1\.000\s+1\.000/m);
    assert.match(stdout, /^LAVROV\.TXT\s+2\s+2\s+0\.500\s+1\.000$/m);
  });

  it('pairs A/x.TXT with B/x.txt (the same article, its name in another case), and says unpaired ones', () => {
    const seed = readSeed(SEEDS.lavrovJamil);
    const cue = seed.indexOf('said', seed.indexOf('Sergei Lavrov'));
    const a = path.join(scratch, 'A');
    const b = path.join(scratch, 'B');
    write(path.join(a, 'Lavrov.TXT'), seed);
    write(path.join(b, 'lavrov.txt'), seed);
    write(path.join(a, 'Lavrov_4b22.ann'), `T1\tCue ${cue} ${cue + 4}\tsaid\n`);
    write(path.join(b, 'lavrov_ef2d.ann'), `T1\tCue ${cue} ${cue + 4}\tsaid\n`);
    write(path.join(b, 'other.txt'), TEXT);
    write(path.join(b, 'other_ef2d.ann'), 'T1\tCue 9 13\tsaid\n');
    const { code, stdout, stderr } = agree(a, b);
    assert.strictEqual(code, 0, stderr);
    assert.match(stdout, /: 1 article, \d+ tokens; not compared, annotated on one side only: 0 in A, 1 in B$/m);
    assert.match(stdout, /^Cue\s+1\s+1\s+1\.000\s+1\.000/m);
  });

  it('prints the JSON contract with --json', () => {
    const { a, b } = bratPair();
    const { code, stdout } = agree('--json', a, b);
    assert.strictEqual(code, 0);
    const report = JSON.parse(stdout);
    assert.deepStrictEqual(Object.keys(report.labels), ['Content', 'Cue', 'Source']);
    for (const key of ['f1Exact', 'f1Overlap', 'kappa']) assert.strictEqual(typeof report.labels.Source[key], 'number');
    for (const key of ['f1Exact', 'f1Overlap', 'kappa', 'alphaU']) assert.strictEqual(typeof report.overall[key], 'number');
    // "Graham said nothing." adds 4 tokens both leave O: Source κ over 11 tokens, A S S O…, B O S O…:
    // p_o = 10/11, p_e = (2·1 + 9·10)/121 = 92/121 → κ = (110 − 92)/(121 − 92) = 18/29.
    assert.ok(Math.abs(report.labels.Source.kappa - 18 / 29) < 1e-9);
    assert.deepStrictEqual(report.documents, [{ document: 'cruz.txt', spansA: 3, spansB: 3, f1Exact: 1 / 3, f1Overlap: 1 }]);
  });

  it('names a --labels label that neither folder has (a typo printed a table of dashes without a word)', () => {
    const { a, b } = bratPair();
    const { code, stdout, stderr } = agree('--labels', 'source,Cue', a, b);
    assert.strictEqual(code, 0, stderr);
    assert.strictEqual(stderr, 'article-lens agree: warning: --labels source: neither folder has it (labels: Content, Cue, Source)\n');
    assert.match(stdout, /^Cue\s+1\s+1\s+1\.000/m);
  });

  it("compares our store's annotations with a brat file, and keeps only the labels asked for", () => {
    const { b } = bratPair();
    const store = path.join(scratch, 'store');
    write(path.join(store, 'cruz.txt'), TEXT);
    const quote = TEXT.indexOf('he would win');
    const annotations = [
      labelOn(TEXT, 'Graham'),
      annotationAt(TEXT, [[quote, quote + 'he would win.'.length]], { kind: 'speaker', speaker: { spans: [labelOn(TEXT, 'Cruz').target[0]] }, cue: { spans: [labelOn(TEXT, 'said').target[0]] } }, 'q1'),
    ];
    write(path.join(store, '.article-lens', 'annotations', 'cruz.txt.json'), serializeAnnotationCollection({ path: 'cruz.txt', text: TEXT, annotations: { reviewState: 'reviewed', annotations } }));
    const all = JSON.parse(agree('--json', store, b).stdout);
    assert.deepStrictEqual(Object.keys(all.labels), ['Content', 'Cue', 'Source', 'person']);
    const some = agree('--json', '--labels', 'Source,Cue,Content', store, b);
    assert.strictEqual(some.code, 0, some.stderr);
    const report = JSON.parse(some.stdout);
    assert.deepStrictEqual(Object.keys(report.labels), ['Content', 'Cue', 'Source']);
    // The store's attribution is B's exactly: everything agrees.
    assert.deepStrictEqual([report.overall.f1Exact, report.overall.kappa, report.overall.alphaU], [1, 1, 1]);
  });

  it('skips a store file whose article was deleted (stores are kept on purpose) with a warning, and compares the rest (it refused the folder)', () => {
    const a = path.join(scratch, 'A');
    const b = path.join(scratch, 'B');
    const store = (folder: string, article: string) =>
      write(path.join(folder, '.article-lens', 'annotations', `${article}.json`), serializeAnnotationCollection({ path: article, text: TEXT, annotations: { reviewState: 'reviewed', annotations: [labelOn(TEXT, 'Ted Cruz'), labelOn(TEXT, 'Graham')] } }));
    for (const folder of [a, b]) {
      write(path.join(folder, 'cruz.txt'), TEXT);
      store(folder, 'cruz.txt');
    }
    store(a, 'deleted.txt');
    const { code, stdout, stderr } = agree(a, b);
    assert.strictEqual(code, 0, stderr);
    assert.strictEqual(stderr, `article-lens agree: warning: ${path.join(a, '.article-lens', 'annotations', 'deleted.txt.json')}: its article deleted.txt is not in the folder (a store kept after its article was deleted?): skipped\n`);
    assert.match(stdout, /: 1 article, 11 tokens$/m);
    assert.match(stdout, /^overall\s+2\s+2\s+1\.000/m);
  });

  it('exits 2 with a one-line message on bad input', () => {
    const { a, b } = bratPair();
    const missing = path.join(scratch, 'missing');
    const lonely = path.join(scratch, 'lonely');
    write(path.join(lonely, 'other_4b22.ann'), 'T1\tSource 0 3\tTed\n');
    const twice = path.join(scratch, 'twice');
    write(path.join(twice, 'cruz.txt'), TEXT);
    write(path.join(twice, 'cruz_4b22.ann'), '');
    write(path.join(twice, 'cruz_ef2d.ann'), '');
    const changed = path.join(scratch, 'changed');
    write(path.join(changed, 'cruz.txt'), TEXT.replace('Ted', 'Rafael'));
    write(path.join(changed, 'cruz.ann'), 'T1\tSource 0 6\tRafael\n');
    const unrelated = path.join(scratch, 'unrelated');
    write(path.join(unrelated, 'other.txt'), TEXT);
    write(path.join(unrelated, 'other.ann'), 'T1\tSource 0 3\tTed\n');
    const badStore = path.join(scratch, 'bad-store');
    write(path.join(badStore, 'cruz.txt'), TEXT);
    write(path.join(badStore, '.article-lens', 'annotations', 'cruz.txt.json'), '{ not json');
    const binary = path.join(scratch, 'binary');
    write(path.join(binary, 'cruz.txt'), '\u0000\u0001PNG');
    write(path.join(binary, 'cruz.ann'), 'T1\tSource 0 3\tTed\n');
    const cases: [string[], RegExp][] = [
      [[a, binary], /cruz\.txt: binary file/],
      [[a], /give two folders, A and B .*got 1/],
      [[a, b, '--html'], /unknown option --html/],
      [[a, missing], /missing: no such folder/],
      [[a, path.join(a, 'cruz.txt')], /cruz\.txt: not a folder/],
      [[a, lonely], /other_4b22\.ann: no article beside it/],
      [[a, twice], /cruz\.txt: two annotation files, cruz_4b22\.ann and cruz_ef2d\.ann/],
      [[a, changed], /cruz\.txt: the text in .* differs/],
      [[a, unrelated], /no article is annotated in both/],
      [[a, badStore], /cruz\.txt\.json: not valid JSON/],
      [[a, b, '--labels'], /--labels needs a comma-separated list/],
      [[a, b, '--labels', '--json'], /--labels needs a comma-separated list of labels before --json/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = agree(...args);
      assert.strictEqual(code, 2, `${args.join(' ')}: ${stderr}`);
      assert.strictEqual(stdout, '');
      assert.match(stderr, message);
      assert.match(stderr, /^article-lens agree: [^\n]*\n$/, `one line: ${stderr}`);
    }
  });

  it('reads articles and annotation files that are symbolic links, as the report does (it said "no article beside it")', () => {
    const { a, b } = bratPair();
    const linked = path.join(scratch, 'linked');
    fs.mkdirSync(linked);
    fs.symlinkSync(path.join(a, 'cruz.txt'), path.join(linked, 'cruz.txt'));
    fs.symlinkSync(path.join(a, 'cruz_4b22.ann'), path.join(linked, 'cruz_4b22.ann'));
    const { code, stdout, stderr } = agree(linked, b, '--json');
    assert.strictEqual(code, 0, stderr);
    assert.deepStrictEqual(JSON.parse(stdout).documents.map((d: { document: string }) => d.document), ['cruz.txt']);
  });

  it('names a stray line of an annotation file (a remark after an event) and still reads the event (it was glued to the event, which was lost)', () => {
    const { a, b } = bratPair();
    fs.appendFileSync(path.join(a, 'cruz_4b22.ann'), 'reviewed by JB\n');
    const { code, stderr, stdout } = agree(a, b, '--json');
    assert.strictEqual(code, 0);
    assert.match(stderr, /cruz_4b22\.ann: line 5: not a brat annotation/);
    assert.doesNotMatch(stderr, /line 4/);
    const labels = Object.keys(JSON.parse(stdout).labels).sort();
    assert.deepStrictEqual(labels, ['Content', 'Cue', 'Source'], 'no stray "Attribution" label');
  });

  it('warns about lines of an annotation file it cannot use, and still compares the rest', () => {
    const { a, b } = bratPair();
    fs.appendFileSync(path.join(b, 'cruz_ef2d.ann'), 'T9\tSource 500 510\tfar away\n');
    const { code, stderr, stdout } = agree(a, b);
    assert.strictEqual(code, 0);
    assert.match(stderr, /warning: .*cruz_ef2d\.ann: line \d+: T9: offsets beyond the end of the text/);
    assert.match(stdout, /^cruz\.txt\s+3\s+3 /m);
  });
});
