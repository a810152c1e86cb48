import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { scanWorkspace } from '../../server/src/lsp/workspaceScan';
import { newService } from '../helpers/resources';
import { SEEDS, seedPath } from '../helpers/seeds';

/**
 * The editor's workspace scan reads symbolic links as the command line does (`symbolicLinks.ts`): a
 * link to an article file is indexed (it was skipped: `article-lens` reported an article the editor's
 * hovers and views never knew), a link to a folder is not followed, and a broken link or a loop of
 * links is logged once and never waited on.
 */
describe('workspace scan: symbolic links', () => {
  let folder: string;
  beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-scan-links-'))));
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('indexes links to article files like the CLI, follows no link to a folder, and logs broken links and loops once', async () => {
    const articles = path.join(folder, 'articles');
    fs.mkdirSync(path.join(articles, 'sub'), { recursive: true });
    fs.copyFileSync(seedPath(SEEDS.lavrovJamil), path.join(articles, 'a.txt'));
    fs.symlinkSync(seedPath(SEEDS.lavrovKerry), path.join(articles, 'b.txt'));
    fs.symlinkSync(path.join(articles, 'nowhere.txt'), path.join(articles, 'c.txt'));
    fs.symlinkSync(path.join(articles, 'e.txt'), path.join(articles, 'd.txt'));
    fs.symlinkSync(path.join(articles, 'd.txt'), path.join(articles, 'e.txt'));
    fs.symlinkSync(path.dirname(seedPath(SEEDS.lavrovKerry)), path.join(articles, 'seeds.txt'));
    fs.symlinkSync(folder, path.join(articles, 'sub', 'loop'));
    const service = newService();
    const logged: string[] = [];
    const progress = { begin: () => undefined, report: () => undefined, done: () => undefined };
    const result = await scanWorkspace([URI.file(folder).toString()], service, DEFAULT_SETTINGS, progress, () => false, { log: (line) => logged.push(line) });
    assert.deepStrictEqual(service.indexedArticles().map((uri) => path.relative(folder, URI.parse(uri).fsPath)).sort(), [path.join('articles', 'a.txt'), path.join('articles', 'b.txt')]);
    assert.strictEqual(result.files, 2);
    assert.ok(service.searchWorkspace('John Kerry').some((hit) => hit.kind === 'actor' && hit.uri.endsWith('/articles/b.txt')), 'the linked seed 001 is analysed');
    assert.deepStrictEqual(logged.filter((line) => line.includes('symbolic link')).sort(), [
      `workspace index: ${path.join(articles, 'c.txt')}: broken symbolic link (not indexed)`,
      `workspace index: ${path.join(articles, 'd.txt')}: symbolic link in a loop (not indexed)`,
      `workspace index: ${path.join(articles, 'e.txt')}: symbolic link in a loop (not indexed)`,
    ]);
  });
});
