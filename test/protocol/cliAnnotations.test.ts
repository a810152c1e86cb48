import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { serializeAnnotationCollection } from '../../server/src/core/annotations/w3c';
import { readSeed, ROOT, SEEDS } from '../helpers/seeds';
import { annotationAt, labelOn } from '../core/annotations/helpers';

/** `article-lens export` and `article-lens import` through the built CLI (dist/cli.js), in a scratch folder. */
function cli(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

describe('command line: article-lens export / import (dist/cli.js)', () => {
  let scratch: string;
  const text = readSeed(SEEDS.lavrovKerry);
  const emoji = '🎉 Sergei Lavrov met John Kerry in Geneva.\n';
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-exchange-'));
    write(path.join(scratch, 'news', 'kerry.txt'), text);
    write(path.join(scratch, 'news', 'emoji.txt'), emoji);
    const stored = (article: string, body: string, annotations: ReturnType<typeof labelOn>[]) =>
      write(path.join(scratch, '.article-lens', 'annotations', 'news', `${article}.json`), serializeAnnotationCollection({ path: `news/${article}`, text: body, annotations: { reviewState: 'in-progress', annotations } }));
    stored('kerry.txt', text, [labelOn(text, 'John Kerry'), annotationAt(text, [[text.indexOf('bloody tail'), text.indexOf('bloody tail') + 11]], { kind: 'note', text: 'Metaphor', resolved: false, replies: [] }, 'n1')]);
    stored('emoji.txt', emoji, [labelOn(emoji, 'Geneva', 0, 'location')]);
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('exports the store as brat, counting code points, and prints CoNLL with the machine’s suggestions when asked', () => {
    const brat = cli(scratch, 'export', '--format', 'brat', 'news/emoji.txt');
    assert.strictEqual(brat.code, 0, brat.stderr);
    const start = [...emoji.slice(0, emoji.indexOf('Geneva'))].length;
    assert.strictEqual(brat.stdout, `T1\tLocation ${start} ${start + 6}\tGeneva\n`);
    const plain = cli(scratch, 'export', '--format', 'conll', 'news/kerry.txt');
    assert.match(plain.stdout, /^-DOCSTART-/);
    assert.match(plain.stdout, /John -X- -X- B-PER\nKerry -X- -X- I-PER/);
    assert.doesNotMatch(plain.stdout, /B-LOC/, 'without --suggestions, only the person’s annotations');
    const suggested = cli(scratch, 'export', '--format', 'conll', '--suggestions', 'news/kerry.txt');
    assert.match(suggested.stdout, /Moscow -X- -X- B-LOC/);
  });

  it('writes brat files with --out and imports them into a fresh folder: the same spans come back', () => {
    const out = path.join(scratch, 'out');
    const exported = cli(scratch, 'export', '--format', 'brat', '--out', out);
    assert.strictEqual(exported.code, 0, exported.stderr);
    assert.deepStrictEqual(fs.readdirSync(path.join(out, 'news')).sort(), ['emoji.ann', 'emoji.txt', 'kerry.ann', 'kerry.txt']);
    assert.strictEqual(fs.readFileSync(path.join(out, 'news', 'kerry.txt'), 'utf8'), text);
    const ann = fs.readFileSync(path.join(out, 'news', 'kerry.ann'), 'utf8');
    assert.match(ann, /\tAnnotatorNotes T\d+\tMetaphor/);
    // Into a folder of its own: the .txt beside the .ann is the article; the store is made there.
    const imported = cli(out, 'import', 'news/kerry.ann');
    assert.strictEqual(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /2 annotations imported/);
    assert.match(cli(out, 'import', 'news/kerry.ann').stdout, /0 annotations imported .*\(2 already there\)/);
    const again = cli(out, 'export', '--format', 'brat', 'news/kerry.txt');
    assert.strictEqual(again.stdout, ann);
  });

  it('writes a file of its own for each of two articles with one path under two stores (W3C wrote one over the other and said 2 files)', () => {
    const merkel = 'Angela Merkel spoke in Berlin.\n';
    const johnson = 'Boris Johnson spoke in London.\n';
    for (const [folder, body, name] of [['x', merkel, 'Angela Merkel'], ['y', johnson, 'Boris Johnson']]) {
      write(path.join(scratch, folder, 'a.txt'), body);
      write(path.join(scratch, folder, '.article-lens', 'annotations', 'a.txt.json'), serializeAnnotationCollection({ path: 'a.txt', text: body, annotations: { reviewState: 'unreviewed', annotations: [labelOn(body, name)] } }));
    }
    for (const format of ['w3c', 'brat']) {
      const out = path.join(scratch, `out-${format}`);
      const exported = cli(scratch, 'export', '--format', format, '--out', out, 'x/a.txt', 'y/a.txt');
      assert.strictEqual(exported.code, 0, exported.stderr);
      const files = fs.readdirSync(out).filter((f) => !f.startsWith('.')).sort();
      assert.match(exported.stderr, new RegExp(`2 articles, ${files.length} files written`), format);
      const written = files.map((f) => fs.readFileSync(path.join(out, f), 'utf8')).join('');
      for (const name of ['Angela Merkel', 'Boris Johnson']) assert.ok(written.includes(name), `${format}: ${name} in ${files.join(', ')}`);
      assert.strictEqual(files.length, format === 'w3c' ? 2 : 4, files.join(', '));
    }
  });

  it('never writes an export over a file it did not write (brat wrote its .txt copy of a.article over the article a.txt beside it)', () => {
    const folder = path.join(scratch, 'mixed');
    const merkel = 'Angela Merkel spoke in Berlin.\n';
    const other = 'A different article about Boris Johnson.\n';
    write(path.join(folder, 'a.article'), merkel);
    write(path.join(folder, 'a.txt'), other);
    write(path.join(folder, '.article-lens', 'annotations', 'a.article.json'), serializeAnnotationCollection({ path: 'a.article', text: merkel, annotations: { reviewState: 'unreviewed', annotations: [labelOn(merkel, 'Angela Merkel')] } }));
    const refused = cli(folder, 'export', '--format', 'brat', '--out', '.', 'a.article');
    assert.strictEqual(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /^article-lens export: .*a\.txt would be written over .*nothing written[^\n]*\n$/);
    assert.strictEqual(fs.readFileSync(path.join(folder, 'a.txt'), 'utf8'), other);
    assert.ok(!fs.existsSync(path.join(folder, 'a.ann')), 'nothing written');
    // Into a folder of its own, again and again as the annotations grow: its own files are written over.
    const out = path.join(scratch, 'out');
    assert.strictEqual(cli(folder, 'export', '--format', 'brat', '--out', out, 'a.article').code, 0);
    write(path.join(folder, '.article-lens', 'annotations', 'a.article.json'), serializeAnnotationCollection({ path: 'a.article', text: merkel, annotations: { reviewState: 'unreviewed', annotations: [labelOn(merkel, 'Angela Merkel'), labelOn(merkel, 'Berlin', 0, 'location')] } }));
    const again = cli(folder, 'export', '--format', 'brat', '--out', out, 'a.article');
    assert.strictEqual(again.code, 0, again.stderr);
    assert.match(fs.readFileSync(path.join(out, 'a.ann'), 'utf8'), /Location .*Berlin/);
  });

  it('pairs x.ann with its article whatever the case of the extensions, and a name differing in case alone when it is the only one', () => {
    const seed = readSeed(SEEDS.lavrovJamil);
    const at = seed.indexOf('Sergei Lavrov');
    const ann = `T1\tPerson ${at} ${at + 13}\tSergei Lavrov\n`;
    const folder = path.join(scratch, 'upper');
    write(path.join(folder, 'lavrov.TXT'), seed);
    write(path.join(folder, 'lavrov.ann'), ann);
    write(path.join(folder, 'jamil.Article'), seed);
    write(path.join(folder, 'jamil.ANN'), ann);
    write(path.join(folder, 'moscow.txt'), seed);
    write(path.join(folder, 'MOSCOW.ann'), ann);
    for (const [file, store] of [['lavrov.ann', 'lavrov.TXT.json'], ['jamil.ANN', 'jamil.Article.json'], ['MOSCOW.ann', 'moscow.txt.json']]) {
      const imported = cli(folder, 'import', file);
      assert.strictEqual(imported.code, 0, `${file}: ${imported.stderr}`);
      assert.match(imported.stdout, new RegExp(`^${file}: 1 annotation imported into .*${store.replace('.', '\\.')}`), file);
    }
    // Two articles that differ in case alone: which one is meant cannot be told.
    write(path.join(folder, 'kerry.txt'), seed);
    write(path.join(folder, 'Kerry.TXT'), seed);
    write(path.join(folder, 'KERRY.ann'), ann);
    const ambiguous = cli(folder, 'import', 'KERRY.ann');
    assert.strictEqual(ambiguous.code, 2);
    assert.match(ambiguous.stderr, /^article-lens import: KERRY\.ann: (kerry\.txt and Kerry\.TXT|Kerry\.TXT and kerry\.txt) differ only in case .*give --article FILE\)\n$/);
  });

  it('exits 2 when no line of a .ann file can be used, and still imports the other files', () => {
    const seed = readSeed(SEEDS.lavrovJamil);
    const folder = path.join(scratch, 'unusable');
    write(path.join(folder, 'lavrov.txt'), seed);
    write(path.join(folder, 'wrong.txt'), seed);
    // Offsets past the end of the article: a .ann made for another text.
    write(path.join(folder, 'wrong.ann'), `T1\tPerson ${seed.length + 10} ${seed.length + 23}\tSergei Lavrov\nT2\tPerson 5 3\tbackwards\n`);
    const at = seed.indexOf('Qadri Jamil');
    write(path.join(folder, 'lavrov.ann'), `T1\tPerson ${at} ${at + 11}\tQadri Jamil\n`);
    write(path.join(folder, 'empty.txt'), seed);
    write(path.join(folder, 'empty.ann'), '');
    const result = cli(folder, 'import', 'wrong.ann', 'lavrov.ann', 'empty.ann');
    assert.strictEqual(result.code, 2, result.stderr);
    assert.match(result.stderr, /^article-lens import: wrong\.ann: no line could be used \(2 problems above\); nothing imported$/m);
    assert.match(result.stdout, /^lavrov\.ann: 1 annotation imported/m);
    assert.match(result.stdout, /^empty\.ann: 0 annotations imported/m, 'an empty .ann is an article nobody annotated, not an error');
    assert.ok(!fs.existsSync(path.join(folder, '.article-lens', 'annotations', 'wrong.txt.json')), 'no store file for nothing');
    assert.strictEqual(cli(folder, 'import', 'lavrov.ann', 'empty.ann').code, 0);
  });

  it('names a .ann file without its article and still imports the files after it, exiting 2 (they were silently never imported)', () => {
    const folder = path.join(scratch, 'several');
    const merkel = 'Angela Merkel spoke.\n';
    write(path.join(folder, 'a.txt'), merkel);
    write(path.join(folder, 'c.txt'), merkel);
    for (const name of ['a', 'b', 'c']) write(path.join(folder, `${name}.ann`), 'T1\tPerson 0 13\tAngela Merkel\n');
    const result = cli(folder, 'import', 'a.ann', 'b.ann', 'c.ann');
    assert.strictEqual(result.code, 2, result.stderr);
    assert.match(result.stderr, /^article-lens import: b\.ann: no article beside it .*\n$/);
    assert.match(result.stdout, /^a\.ann: 1 annotation imported/m);
    assert.match(result.stdout, /^c\.ann: 1 annotation imported/m);
    // The nearest store above the articles is the scratch folder's.
    assert.deepStrictEqual(fs.readdirSync(path.join(scratch, '.article-lens', 'annotations', 'several')).sort(), ['a.txt.json', 'c.txt.json']);
    // A name that is no .ann file is a mistake in the command itself: nothing is imported.
    const mistake = cli(folder, 'import', 'a.ann', 'c.txt');
    assert.strictEqual(mistake.code, 2);
    assert.strictEqual(mistake.stdout, '');
    assert.match(mistake.stderr, /^article-lens import: c\.txt: not a brat \.ann file\n$/);
  });

  it('leaves out an imported label that contradicts the store on the same span, with a warning (Paris became both Organization and Location)', () => {
    const folder = path.join(scratch, 'contradiction');
    write(path.join(folder, 'a.txt'), 'Angela Merkel met Emmanuel Macron in Paris on Monday.\n');
    write(path.join(folder, 'mine.ann'), 'T1\tOrganization 37 42\tParis\n');
    write(path.join(folder, 'theirs.ann'), 'T1\tLocation 37 42\tParis\nT2\tPerson 18 33\tEmmanuel Macron\n');
    assert.strictEqual(cli(folder, 'import', '--article', 'a.txt', 'mine.ann').code, 0);
    const theirs = cli(folder, 'import', '--article', 'a.txt', 'theirs.ann');
    assert.strictEqual(theirs.code, 0, theirs.stderr);
    assert.strictEqual(theirs.stderr, 'article-lens import: warning: theirs.ann: “Paris”: label Location not imported: the article has label Organization there (one entity decision per span; remove that one first to take this one)\n');
    assert.match(theirs.stdout, /^theirs\.ann: 1 annotation imported into .* \(1 contradicting the store, not imported\)$/m);
    assert.match(cli(folder, 'export', '--format', 'conll', 'a.txt').stdout, /^Paris -X- -X- B-ORG$/m);
  });

  it('exits 2 with one line on bad input, and never overwrites an unreadable store', () => {
    const broken = path.join(scratch, '.article-lens', 'annotations', 'news', 'kerry.txt.json');
    fs.writeFileSync(broken, '{ not json');
    const cases: Array<[string[], RegExp]> = [
      [['export'], /--format is needed/],
      [['export', '--format', 'pdf'], /--format must be one of/],
      [['export', '--format', 'brat', 'news'], /give --out DIR/],
      [['export', '--format', 'conll', 'missing.txt'], /missing\.txt: no such file/],
      [['export', '--format', 'conll', 'news/kerry.txt'], /kerry\.txt\.json could not be read/],
      [['export', '--format', 'brat', '--out', '.', 'news/emoji.txt'], /holds the articles themselves/],
      [['import'], /give the brat \.ann files/],
      [['import', 'news/kerry.txt'], /not a brat \.ann file/],
      [['import', '--bogus', 'x.ann'], /unknown option --bogus/],
    ];
    write(path.join(scratch, 'lost.ann'), 'T1\tPerson 0 4\tJohn\n');
    cases.push([['import', 'lost.ann'], /no article beside it/]);
    write(path.join(scratch, 'news', 'kerry.ann'), 'T1\tPerson 0 6\tMoscow\n');
    cases.push([['import', 'news/kerry.ann'], /could not be read .*left as it is/]);
    for (const [args, message] of cases) {
      const { code, stderr } = cli(scratch, ...args);
      assert.strictEqual(code, 2, args.join(' '));
      assert.match(stderr, message, args.join(' '));
      assert.strictEqual(stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}`);
    }
    assert.strictEqual(fs.readFileSync(broken, 'utf8'), '{ not json');
    assert.deepStrictEqual(fs.readdirSync(path.join(scratch, 'news')).sort(), ['emoji.txt', 'kerry.ann', 'kerry.txt'], 'nothing written beside the articles');
  });
});
