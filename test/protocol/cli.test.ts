import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, SEEDS, seedPath } from '../helpers/seeds';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('command line (dist/cli.js)', () => {
  let scratch: string;
  before(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-cli-'))));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('prints linter-style warnings, actors and quotes for the seeds by default', () => {
    const { code, stdout, stderr } = cli();
    assert.strictEqual(code, 0, stderr);
    assert.match(stdout, /^seeds\/000_bea65045944bb13e\.txt:12:1 warning duplicate-paragraph Duplicate paragraph: repeats the paragraph at line 3\.$/m);
    assert.strictEqual(stdout.match(/ warning duplicate-paragraph /g)?.length, 11);
    assert.match(stdout, /person Sergei Lavrov — Russian Foreign Minister/);
    assert.match(stdout, /5 files, 11 warnings/);
  });

  it('lists places too, the authors a byline names (not as actors), and name variants as hints like the editor (issue 14)', () => {
    const { code, stdout, stderr } = cli('--strict', seedPath(SEEDS.lavrovKerry), seedPath(SEEDS.lavrovSteinmeier));
    assert.strictEqual(code, 0, `hints are no warnings: ${stderr}`);
    assert.match(stdout, /^ {2}place {2}Moscow · 3 mentions$/m);
    assert.match(stdout, /001_df97716ef8399177\.txt: by Manal Ismael\n/);
    assert.doesNotMatch(stdout, /person Manal Ismael/);
    assert.match(stdout, /^.*004_e992f3d333dd0b49\.txt:19:15 hint name-variant Frank-Walter Steinmeier: 'Steimeier' is also spelled 'Steinmeier' in this article\.$/m);
    assert.match(stdout, /person John Kerry — US counterpart of Sergei Lavrov/);
    assert.match(stdout, /\n2 files, 0 warnings\n$/);
  });

  it('prints JSON with --json', () => {
    const { code, stdout } = cli('--json', seedPath(SEEDS.lavrovKerry));
    assert.strictEqual(code, 0);
    const report = JSON.parse(stdout);
    assert.strictEqual(report.files.length, 1);
    assert.ok(report.files[0].quotes.some((q: { speaker: string; text: string }) => /Kerry/.test(q.speaker) && q.text.startsWith('possible steps')));
  });

  it('exits 1 with --strict when a file has warnings, 0 when none has', () => {
    assert.strictEqual(cli('--strict', seedPath(SEEDS.lavrovJamil)).code, 1);
    assert.strictEqual(cli('--strict', seedPath(SEEDS.lavrovKerry)).code, 0);
  });

  it('exits 2 with a clear message and no stack trace on bad input', () => {
    const binary = path.join(scratch, 'image.txt');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const latin1 = path.join(scratch, 'latin1.txt');
    fs.writeFileSync(latin1, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x65, 0x77, 0x73]));
    const empty = path.join(scratch, 'empty-folder');
    fs.mkdirSync(empty);
    const cases: [string, RegExp][] = [
      [path.join(scratch, 'missing.txt'), /missing\.txt: no such file or folder/],
      [binary, /binary file/],
      [latin1, /not valid UTF-8/],
      [empty, /no article files/],
      ['--bogus', /unknown option --bogus/],
    ];
    for (const [arg, message] of cases) {
      const { code, stderr, stdout } = cli(arg);
      assert.strictEqual(code, 2, `${arg}: exit code`);
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
      assert.strictEqual(stdout, '');
    }
  });

  it('--jsonl prints one object per article, the objects of --json; --sorted keeps input order; threads do not change a line', () => {
    const json = JSON.parse(cli('--json').stdout) as { files: { file: string }[] };
    const sorted = cli('--jsonl', '--sorted', '--jobs', '2');
    assert.strictEqual(sorted.code, 0, sorted.stderr);
    const lines = sorted.stdout.trimEnd().split('\n');
    assert.deepStrictEqual(lines.map((line) => JSON.parse(line)), json.files);
    const oneThread = cli('--jsonl', '--jobs', '1').stdout.trimEnd().split('\n');
    const threads = cli('--jsonl', '--jobs', '3').stdout.trimEnd().split('\n');
    assert.deepStrictEqual([...oneThread].sort(), [...lines].sort());
    assert.deepStrictEqual([...threads].sort(), [...lines].sort());
  });

  it('--jobs 99 analyses in at most twice the cores, says so on stderr, and prints the same lines', () => {
    const cores = os.availableParallelism();
    const many = cli('--jsonl', '--jobs', '99');
    assert.strictEqual(many.code, 0, many.stderr);
    if (2 * cores < 99) assert.strictEqual(many.stderr, `article-lens: warning: --jobs 99: analysing in ${2 * cores} threads, twice the ${cores} core${cores === 1 ? '' : 's'} (more only add memory)\n`);
    assert.deepStrictEqual(many.stdout.trimEnd().split('\n').sort(), cli('--jsonl', '--jobs', '1').stdout.trimEnd().split('\n').sort());
  });

  it('one missing path among good ones is named on stderr; the others are still reported, exit 2 at the end', () => {
    const { code, stdout, stderr } = cli('--jobs', '2', seedPath(SEEDS.lavrovJamil), path.join(scratch, 'missing.txt'), seedPath(SEEDS.lavrovKerry));
    assert.strictEqual(code, 2);
    assert.strictEqual(stderr, `article-lens: ${path.join(scratch, 'missing.txt')}: no such file or folder\n`);
    assert.match(stdout, /000_bea65045944bb13e\.txt: actors/);
    assert.match(stdout, /001_df97716ef8399177\.txt: actors/);
    assert.match(stdout, /\n2 files, 9 warnings, 1 path not analysed\n$/);
  });

  it('an empty or blank file reports "no content" instead of empty headings; --strict makes it a warning', () => {
    const empty = path.join(scratch, 'empty.txt');
    const blank = path.join(scratch, 'blank.article');
    fs.writeFileSync(empty, '');
    fs.writeFileSync(blank, '\uFEFF \n\t\n');
    const plain = cli(empty, blank, seedPath(SEEDS.lavrovKerry));
    assert.strictEqual(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /^.*empty\.txt: no content\n\n.*blank\.article: no content\n\n/);
    assert.doesNotMatch(plain.stdout, /(empty\.txt|blank\.article): (actors|quotes)/);
    assert.match(plain.stdout, /3 files, 0 warnings\n$/);
    const strict = cli('--strict', empty, seedPath(SEEDS.lavrovKerry));
    assert.strictEqual(strict.code, 1);
    assert.match(strict.stdout, /empty\.txt:1:1 warning empty-file No content: the file is empty\.\n.*empty\.txt: no content\n/);
    assert.match(strict.stdout, /2 files, 1 warning\n$/);
    const json = JSON.parse(cli('--json', '--strict', empty).stdout) as { files: { empty?: boolean; diagnostics: { code: string }[] }[] };
    assert.strictEqual(json.files[0].empty, true);
    assert.deepStrictEqual(json.files[0].diagnostics.map((d) => d.code), ['empty-file']);
  });

  it('runs as `npx article-lens` from the clone (the package.json bin entry)', () => {
    const npx = spawnSync('npx', ['--no-install', 'article-lens', '--json', seedPath(SEEDS.lavrovKerry)], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(npx.status, 0, npx.stderr);
    assert.strictEqual(npx.stdout, cli('--json', seedPath(SEEDS.lavrovKerry)).stdout);
  });
});
