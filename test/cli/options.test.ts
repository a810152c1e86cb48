import * as assert from 'assert';
import { parseArguments, USAGE, UsageError } from '../../server/src/cli/options';

describe('cli: options', () => {
  it('defaults: text, the seeds, threads decided by the input (threadCount.ts), no shard', () => {
    const options = parseArguments([], 2);
    assert.deepStrictEqual(options, { format: 'text', strict: false, sorted: false, jobs: undefined, shard: undefined, paths: ['seeds'], help: false });
  });

  it('--help names every command of the command line: agree, export and import (export and import were missing)', () => {
    assert.strictEqual(parseArguments(['--help'], 2).help, true);
    for (const command of ['agree A B', 'export --format brat|conll|doccano|w3c', 'import [--article FILE]']) assert.ok(USAGE.includes(`article-lens ${command}`), command);
  });

  it('reads --jobs and --shard with a space or an equals sign', () => {
    const options = parseArguments(['--jsonl', '--sorted', '--jobs', '3', '--shard=2/5', 'corpus', '-j', '1'], 8);
    assert.strictEqual(options.format, 'jsonl');
    assert.strictEqual(options.sorted, true);
    assert.strictEqual(options.jobs, 1);
    assert.deepStrictEqual(options.shard, { index: 2, count: 5 });
    assert.deepStrictEqual(options.paths, ['corpus']);
  });

  it('caps --jobs at twice the cores, with a note saying so (--jobs 99 on 2 cores started 98 workers)', () => {
    const capped = parseArguments(['--jobs', '99'], 2);
    assert.strictEqual(capped.jobs, 4);
    assert.deepStrictEqual(capped.notes, ['--jobs 99: analysing in 4 threads, twice the 2 cores (more only add memory)']);
    const asked = parseArguments(['--jobs=4'], 2);
    assert.strictEqual(asked.jobs, 4);
    assert.strictEqual(asked.notes, undefined, 'no note when nothing was changed');
    assert.strictEqual(parseArguments(['-j', '3'], 1).jobs, 2);
    // However large: lowered as the usage says, not refused (it was above 256).
    const large = parseArguments(['--jobs', '1000'], 2);
    assert.strictEqual(large.jobs, 4);
    assert.deepStrictEqual(large.notes, ['--jobs 1000: analysing in 4 threads, twice the 2 cores (more only add memory)']);
  });

  it('takes every argument after `--` as a file or folder (a name starting with -)', () => {
    const options = parseArguments(['--jsonl', '--', '-dash.txt', '--strict'], 2);
    assert.deepStrictEqual(options.paths, ['-dash.txt', '--strict']);
    assert.strictEqual(options.strict, false);
  });

  it('refuses bad values, unknown options and --json with --jsonl, with the usage', () => {
    const cases: [string[], RegExp][] = [
      [['--jobs', '0'], /--jobs 0: expected a whole number, 1 or more/],
      [['--strict=no', 'a.txt'], /--strict takes no value \(--strict=no\)/],
      [['--json=false'], /--json takes no value/],
      [['--jobs', 'many'], /--jobs many/],
      [['--jobs'], /--jobs needs a value/],
      [['--shard', '4/3'], /--shard 4\/3: expected K\/N with 1 ≤ K ≤ N/],
      [['--json', '--jsonl'], /exclude each other/],
      [['--bogus'], /unknown option --bogus/],
    ];
    for (const [argv, message] of cases) {
      assert.throws(() => parseArguments(argv, 2), (error: Error) => error instanceof UsageError && message.test(error.message) && /Usage: article-lens/.test(error.message), argv.join(' '));
    }
  });
});
