import * as assert from 'assert';
import { reportArticle } from '../../server/src/cli/fileReport';
import { renderReport } from '../../server/src/cli/render';
import { MAX_ANALYSED_LINES } from '../../server/src/core/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { newService } from '../helpers/resources';
import { readSeed, SEEDS } from '../helpers/seeds';

describe('cli: file report', function () {
  this.timeout(120_000);

  it('a file over the size limit says that its actors and quotes were not looked for (it used to list none, as if it had none)', () => {
    const seed = readSeed(SEEDS.lavrovJamil);
    const text = `${seed}\n`.repeat(Math.ceil((DEFAULT_SETTINGS.maxFileSize + 1) / (seed.length + 1)));
    assert.ok(text.length > DEFAULT_SETTINGS.maxFileSize);
    const service = newService();
    const report = reportArticle(service, 'huge.txt', text, false);
    assert.deepStrictEqual(report.actors, []);
    const note = report.diagnostics.find((d) => d.code === 'limited-analysis');
    assert.ok(note, 'a limited-analysis note');
    assert.strictEqual(note.severity, 'information');
    assert.deepStrictEqual([note.line, note.column], [1, 1]);
    assert.match(note.message, /^This file is larger than 10,000,000 characters: entities, quotes and actors are not recognised; repeated paragraphs still are/);
    assert.ok(report.diagnostics.some((d) => d.code === 'duplicate-paragraph'), 'repeats are still reported');
    assert.match(renderReport(report, 'text'), /^huge\.txt:1:1 information limited-analysis This file is larger than 10,000,000 characters/);
    // The seed itself, within the limit, gets no such note.
    assert.ok(!reportArticle(service, 'seed.txt', seed, false).diagnostics.some((d) => d.code === 'limited-analysis'));
  });

  it('a file of more lines than VS Code analyses (a word list under the size limit) is not analysed and says so (it took 3.3 GB and 37 s)', () => {
    const seed = readSeed(SEEDS.lavrovJamil);
    // Real words of the seed, one a line: a word list of 1.6 MB, far under the size limit.
    const words = seed.split(/\s+/).filter(Boolean);
    const lines = Array.from({ length: MAX_ANALYSED_LINES + 1 }, (_, i) => words[i % words.length]);
    const service = newService();
    const report = reportArticle(service, 'words.txt', lines.join('\n'), false);
    assert.deepStrictEqual([report.actors, report.quotes], [[], []]);
    assert.deepStrictEqual(report.diagnostics.map((d) => [d.code, d.severity, d.line, d.column]), [['limited-analysis', 'information', 1, 1]]);
    assert.match(report.diagnostics[0].message, /^This file has more than 300,000 lines, so it is not analysed/);
    // One line fewer, with Windows line ends, and the same words are analysed (the limit counts lines, not characters).
    const within = reportArticle(service, 'words.txt', lines.slice(1).join('\r\n'), false);
    assert.ok(!within.diagnostics.some((d) => d.code === 'limited-analysis'), 'at the limit: analysed');
    assert.ok(within.actors.some((a) => a.name === 'Lavrov'), 'and its names are found');
  });

  it('a file name with a line break is printed quoted, so that each report line stays one line (it split the line in two)', () => {
    const report = { file: 'two\nlines.txt', diagnostics: [], actors: [], quotes: [{ line: 3, column: 1, speaker: 'Kerry', kind: 'direct', text: 'We agreed.' }] };
    const lines = renderReport(report, 'text').trimEnd().split('\n');
    assert.deepStrictEqual(lines, ['"two\\nlines.txt": actors', '"two\\nlines.txt": quotes', '  "two\\nlines.txt":3:1 Kerry: “We agreed.”']);
    assert.match(renderReport({ ...report, file: 'plain name.txt' }, 'text'), /^plain name\.txt: actors$/m, 'other names as they are');
  });

  it('shortens a long quote in the text output without splitting an emoji (half of one printed as U+FFFD)', () => {
    const quote = `${'x'.repeat(88)}😀 and more words after it to make it long`;
    const report = { file: 'a.txt', diagnostics: [], actors: [], quotes: [{ line: 1, column: 1, speaker: 'Kerry', kind: 'direct', text: quote }] };
    const line = renderReport(report, 'text').split('\n').find((l) => l.includes('xxxx'))!;
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(line), `no half character: ${JSON.stringify(line.slice(-6))}`);
    assert.ok(line.endsWith(`${'x'.repeat(88)}…”`) || line.includes(`${'x'.repeat(88)}…`), line.slice(-20));
  });
});
