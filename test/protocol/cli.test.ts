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
});
