import * as assert from 'assert';
import type { FileReport } from '../../server/src/cli/fileReport';
import { renderReport } from '../../server/src/cli/render';
import { ReportOutput } from '../../server/src/cli/reportOutput';

const report = (file: string, warnings = 0): FileReport => ({
  file,
  diagnostics: Array.from({ length: warnings }, (_, i) => ({ line: i + 1, column: 1, severity: 'warning' as const, code: 'duplicate-paragraph', message: 'Duplicate paragraph: repeats the paragraph at line 1.', firstLine: 1 })),
  actors: [{ name: 'Sergei Lavrov', type: 'person', roles: ['Russian Foreign Minister'], spellings: ['Sergei Lavrov'], mentions: 2, quotes: 1 }],
  quotes: [{ line: 2, column: 5, speaker: 'Sergei Lavrov', kind: 'direct', text: 'no' }],
});

function collect(format: 'text' | 'json' | 'jsonl', ordered: boolean) {
  let stdout = '';
  const problems: string[] = [];
  const output = new ReportOutput(format, ordered, (text) => (stdout += text), (message) => problems.push(message));
  return { output, problems, stdout: () => stdout };
}

describe('cli: report output', () => {
  it('writes outcomes that arrive out of order in input order when ordered, as they come otherwise', () => {
    const reports = ['a.txt', 'b.txt', 'c.txt'].map((f) => report(f));
    for (const ordered of [true, false]) {
      const { output, stdout } = collect('jsonl', ordered);
      for (const seq of [2, 0, 1]) output.accept({ seq, output: renderReport(reports[seq], 'jsonl'), warnings: 0 });
      output.finish();
      const files = stdout().trim().split('\n').map((line) => JSON.parse(line).file);
      assert.deepStrictEqual(files, ordered ? ['a.txt', 'b.txt', 'c.txt'] : ['c.txt', 'a.txt', 'b.txt']);
    }
  });

  it('--json output is exactly JSON.stringify({ files }, null, 2), problems in between left out', () => {
    const reports = [report('a.txt', 2), report('b.txt')];
    const { output, stdout, problems } = collect('json', true);
    output.accept({ seq: 1, problem: 'bad.txt: binary file' });
    output.accept({ seq: 2, output: renderReport(reports[1], 'json'), warnings: 0 });
    output.accept({ seq: 0, output: renderReport(reports[0], 'json'), warnings: 2 });
    assert.deepStrictEqual(output.finish(), { reports: 2, warnings: 2, problems: 1 });
    assert.strictEqual(stdout(), `${JSON.stringify({ files: reports }, null, 2)}\n`);
    assert.deepStrictEqual(problems, ['bad.txt: binary file']);
  });

  it('prints nothing on stdout when no file was analysed (only problems)', () => {
    const { output, stdout } = collect('text', true);
    output.reportProblem('missing.txt: no such file or folder');
    output.accept({ seq: 0, problem: 'bad.txt: not valid UTF-8 text' });
    assert.deepStrictEqual(output.finish(), { reports: 0, warnings: 0, problems: 2 });
    assert.strictEqual(stdout(), '');
  });

  it('--json prints one document even when no file was analysed (an empty shard used to print nothing, which no JSON parser takes)', () => {
    for (const problem of [false, true]) {
      const { output, stdout } = collect('json', true);
      if (problem) output.reportProblem('missing.txt: no such file or folder');
      output.finish();
      assert.deepStrictEqual(JSON.parse(stdout()), { files: [] });
      assert.strictEqual(stdout(), `${JSON.stringify({ files: [] }, null, 2)}\n`);
    }
    const { output, stdout } = collect('jsonl', true);
    output.finish();
    assert.strictEqual(stdout(), '', 'JSON lines: no line');
  });

  it('text ends with the counts, naming the paths not analysed', () => {
    const { output, stdout } = collect('text', true);
    output.accept({ seq: 0, output: renderReport(report('a.txt', 1), 'text'), warnings: 1 });
    output.reportProblem('missing.txt: no such file or folder');
    output.finish();
    assert.match(stdout(), /^a\.txt:1:1 warning duplicate-paragraph /);
    assert.match(stdout(), /\n\n1 file, 1 warning, 1 path not analysed\n$/);
  });

  it('ordered: holds back job starts more than 256 past the first unfinished one', () => {
    const { output } = collect('jsonl', true);
    assert.ok(output.mayStart(255));
    assert.ok(!output.mayStart(256));
    output.accept({ seq: 0, output: '', warnings: 0 });
    assert.ok(output.mayStart(256));
    assert.ok(collect('jsonl', false).output.mayStart(1_000_000), 'unordered output never waits');
  });
});
