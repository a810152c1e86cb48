import * as assert from 'assert';
import { reportArticle } from '../../server/src/cli/fileReport';
import { renderReport } from '../../server/src/cli/render';
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
});
