import * as assert from 'assert';
import * as path from 'path';
import { isArticleInFolder, isWorkspaceArticle } from '../../server/src/lsp/watchedFiles';

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
});
