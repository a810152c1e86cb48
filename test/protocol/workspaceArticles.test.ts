import * as assert from 'assert';
import * as path from 'path';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { isArticleInFolder, isWorkspaceArticle } from '../../server/src/lsp/watchedFiles';
import { articleTest } from '../../server/src/lsp/workspaceScan';

/**
 * The workspace scan asks whether a file it listed is an article by its path relative to the folder
 * (`isArticleInFolder`); file events ask by the full path (`isWorkspaceArticle`). Both must answer alike.
 */
describe('which workspace files are articles (lsp/watchedFiles.ts)', () => {
  const roots = ['/work/seeds', '/work/project', '/work/news/2016', '/'];
  const relatives = ['a.txt', 'seeds/000.txt', 'articles/2016/x.txt', 'node_modules/seeds/a.txt', 'news/a.article', 'x.article', 'notes.txt', 'Seeds/X.TXT', 'seeds/draft/y.txt', 'docs/readme.md', '.git/seeds/z.txt'];
  const settings: [readonly string[], readonly string[]][] = [[[], []], [['**/*.md'], []], [[], ['**/draft/**']], [['docs/*.md', '*.txt'], ['**/articles/**']]];

  it('answers for a listed file as for its full path, under every root and setting', () => {
    let articles = 0;
    for (const root of roots) {
      for (const [patterns, exclude] of settings) {
        for (const relative of relatives) {
          const native = relative.split('/').join(path.sep);
          const expected = isWorkspaceArticle(root, path.join(root, native), patterns, exclude);
          assert.strictEqual(isArticleInFolder(root, native, patterns, exclude), expected, `${root} + ${relative} (${patterns.join(' ')} / ${exclude.join(' ')})`);
          if (expected) articles++;
        }
      }
    }
    // Both answers occur: seeds/ and articles/ files are articles, others only by the settings, node_modules never.
    assert.ok(articles > 20 && articles < roots.length * settings.length * relatives.length, `${articles} articles`);
    assert.strictEqual(isArticleInFolder('/work/seeds', 'a.txt', []), true, 'a workspace opened on seeds/ itself');
    assert.strictEqual(isArticleInFolder('/work/project', 'a.txt', []), false);
    assert.strictEqual(isArticleInFolder('/work/project', path.join('node_modules', 'seeds', 'a.txt'), ['**/*.txt']), false);
  });

  it('the scan’s listing, which answers once per kind of name under the default patterns, answers every name as isArticleInFolder', () => {
    // Names of one folder in an order where each kind of name comes after another of its kind.
    // A back slash is legal in a Linux or macOS name and a separator to isArticleInFolder (`news\a.txt` is under news/).
    const names = ['news\\a.txt', 'plain.txt', 'node_modules\\articles\\b.txt', 'a.txt', 'B.TXT', 'c.Txt', '.hidden.txt', '.x.txt', 'x.article', 'Y.ARTICLE', 'a.txt.bak', 'txt', 'a.', 'a.text', 'node_modules', 'dist', 'out', 'a.md', 'seeds', 'ü.txt', 'ß.ARTİCLE', 'a.artİcle', 'a.ſtxt', 'a.tẋt'];
    const folders = ['', 'seeds/', 'seeds/2016/', 'articles/', 'news/x/', 'docs/', 'node_modules/seeds/', 'Seeds/'];
    const cases: [readonly string[], readonly string[]][] = [[[], []], [['**/*.md'], []], [[], ['**/a.*']]];
    let articles = 0;
    for (const root of ['/work/project', '/work/seeds', '/work/news']) {
      for (const folder of folders) {
        const relativePrefix = folder.split('/').join(path.sep);
        for (const [files, exclude] of cases) {
          const settings = { ...DEFAULT_SETTINGS, files, index: { exclude } };
          const isArticle = articleTest(root, relativePrefix, settings);
          for (const name of [...names, ...names]) {
            const expected = isArticleInFolder(root, relativePrefix + name, files, exclude);
            assert.strictEqual(isArticle(name), expected, `${root} ${folder}${name} (${files.join(' ')} / ${exclude.join(' ')})`);
            if (expected) articles++;
          }
        }
      }
    }
    assert.ok(articles > 50, `${articles} articles`);
  });
});
