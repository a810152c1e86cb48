import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers/seeds';

/**
 * `--shard K/N` for distributed runs. "Equal" is defined as README says: the shards' JSONL lines
 * together are the single run's lines, each byte for byte (so the sorted lines are equal), every file
 * in exactly one shard; with `--sorted`, a shard's output is the single run's `--sorted` output
 * restricted to that shard's files.
 */

const TRAIN = path.resolve(ROOT, '..', 'shared', 'data', 'polnear', 'train', 'text');

function cli(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.strictEqual(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const linesOf = (output: string) => output.split('\n').filter((line) => line !== '');
const fileOf = (line: string) => (JSON.parse(line) as { file: string }).file;

describe('command line (dist/cli.js): --shard', function () {
  this.timeout(300_000);
  let scratch: string;
  before(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-shards-'))));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('shards 1/3, 2/3 and 3/3 cover every file exactly once (nested folders, the seeds in 30 variants)', () => {
    const corpus = path.join(scratch, 'corpus');
    const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'));
    for (let i = 0; i < 30; i++) {
      const text = fs.readFileSync(path.join(ROOT, 'seeds', seeds[i % seeds.length]), 'utf8');
      // Each variant drops some paragraphs, so reports differ as well as names.
      const paragraphs = text.split('\n').filter((_, p) => (p + i) % 4 !== 0);
      const file = path.join(corpus, `folder-${i % 3}`, i % 2 ? 'deeper' : '', `article-${i}.txt`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, paragraphs.join('\n'));
    }
    const single = linesOf(cli(['--jsonl', '--sorted', corpus]));
    assert.strictEqual(single.length, 30);
    const shards = [1, 2, 3].map((k) => linesOf(cli(['--jsonl', '--sorted', '--jobs', '1', '--shard', `${k}/3`, corpus])));
    const seen = new Map<string, number>();
    for (const shard of shards) for (const line of shard) seen.set(fileOf(line), (seen.get(fileOf(line)) ?? 0) + 1);
    assert.deepStrictEqual([...seen.keys()].sort(), single.map(fileOf).sort(), 'every file in some shard');
    assert.deepStrictEqual([...seen.values()].filter((n) => n !== 1), [], 'no file in two shards');
    assert.ok(shards.every((shard) => shard.length > 0), `every shard has files: ${shards.map((s) => s.length).join(', ')}`);
    assert.deepStrictEqual(shards.flat().sort(), [...single].sort(), 'the same lines, byte for byte');
  });

  it('on 120 PolNeAR articles: the shards (one thread each) print the lines of the single run (two threads); sorted shards are the sorted run restricted', function () {
    if (!fs.existsSync(TRAIN)) {
      console.log(`      skipped: ${TRAIN} is absent (the shared PolNeAR data)`);
      this.skip();
    }
    const corpus = path.join(scratch, 'polnear');
    fs.mkdirSync(corpus);
    for (const name of fs.readdirSync(TRAIN).sort().slice(0, 120)) fs.copyFileSync(path.join(TRAIN, name), path.join(corpus, name));
    const single = linesOf(cli(['--jsonl', '--sorted', '--jobs', '2', 'polnear'], scratch));
    assert.strictEqual(single.length, 120);
    const shards = [1, 2, 3].map((k) => linesOf(cli(['--jsonl', '--sorted', '--jobs', '1', '--shard', `${k}/3`, 'polnear'], scratch)));
    assert.deepStrictEqual(shards.flat().sort(), [...single].sort());
    for (const shard of shards) {
      const files = new Set(shard.map(fileOf));
      assert.deepStrictEqual(shard, single.filter((line) => files.has(fileOf(line))));
    }
  });

  it("README's GNU parallel recipe, run on this machine as the host: the gathered lines are the single run's", function () {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- tested by test\/protocol\/cliShards\.test\.ts[^>]*-->\n```sh\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'README keeps the recipe under its marker');
    const recipe = block[1].trim();
    assert.match(recipe, /> all\.jsonl$/);
    if (spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status !== 0) {
      console.log('      skipped: GNU parallel is not installed (apt-get install parallel; .ci/run installs it)');
      this.skip();
    }
    const gathered = path.join(scratch, 'all.jsonl');
    const run = spawnSync('bash', ['-c', recipe.replace(/> all\.jsonl$/, `> ${JSON.stringify(gathered)}`)], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr);
    const lines = linesOf(fs.readFileSync(gathered, 'utf8'));
    const single = linesOf(cli(['--jsonl', '--sorted', 'seeds']));
    assert.deepStrictEqual([...lines].sort(), [...single].sort());
  });
});
