import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileChangeType } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { WatchedArticles } from '../../server/src/lsp/watchedFiles';
import { scanWorkspace } from '../../server/src/lsp/workspaceScan';
import { newService } from '../helpers/resources';
import { readSeed, SEEDS, seedPath } from '../helpers/seeds';

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

/**
 * A symbolic link to an article that the scan also finds under its real path (a corpus that links
 * "latest" to a dated file, a second folder of links into the first) is one article, not two: indexed
 * once, under the real file, so a hover's "in other articles (N)" and the Actors view's article counts
 * do not count one text twice. Two links to one file outside the workspace keep the first link.
 */
describe('workspace scan: a linked article is counted once', () => {
  let folder: string;
  beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-scan-twice-'))));
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const progress = { begin: () => undefined, report: () => undefined, done: () => undefined };
  const relativeUris = (uris: readonly string[]) => uris.map((uri) => path.relative(folder, URI.parse(uri).fsPath)).sort();

  it('indexes the real file, not a link to it in the workspace, and one link of two to a file outside', async () => {
    const articles = path.join(folder, 'articles');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-outside-'));
    try {
      fs.mkdirSync(path.join(articles, 'latest'), { recursive: true });
      fs.copyFileSync(seedPath(SEEDS.lavrovJamil), path.join(articles, 'a.txt'));
      fs.copyFileSync(seedPath(SEEDS.lavrovKerry), path.join(articles, 'c.txt'));
      // Sorted before its target, in a folder listed before it, and by a relative path: the real file still wins.
      fs.symlinkSync('../a.txt', path.join(articles, 'latest', 'a.txt'));
      fs.symlinkSync(path.join(articles, 'a.txt'), path.join(articles, 'b.txt'));
      fs.copyFileSync(seedPath(SEEDS.lavrovZannier), path.join(outside, 'z.txt'));
      fs.symlinkSync(path.join(outside, 'z.txt'), path.join(articles, 'x.txt'));
      fs.symlinkSync(path.join(outside, 'z.txt'), path.join(articles, 'y.txt'));
      const service = newService();
      const logged: string[] = [];
      const result = await scanWorkspace([URI.file(folder).toString()], service, DEFAULT_SETTINGS, progress, () => false, { log: (line) => logged.push(line) });
      assert.deepStrictEqual(relativeUris(service.indexedArticles()), [path.join('articles', 'a.txt'), path.join('articles', 'c.txt'), path.join('articles', 'x.txt')]);
      assert.strictEqual(result.files, 3);
      // Lavrov of c.txt (seed 001) is in two other articles (a.txt, and x.txt → seed 002), not four.
      const text = readSeed(SEEDS.lavrovKerry);
      const card = service.getActorCard({ uri: URI.file(path.join(articles, 'c.txt')).toString(), version: 1, getText: () => text }, text.indexOf('Lavrov'));
      assert.strictEqual(card?.actor.name.endsWith('Lavrov'), true, card?.actor.name);
      assert.deepStrictEqual(relativeUris(card.elsewhere.map((r) => r.uri)), [path.join('articles', 'a.txt'), path.join('articles', 'x.txt')]);
      assert.strictEqual(card.elsewhereCount, 2);
      const lavrov = service.getActors({ types: ['person'] }).items.find((row) => row.name.endsWith('Lavrov'));
      assert.strictEqual(lavrov?.articles, 3, 'the Actors view counts a.txt, c.txt and x.txt');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('indexes one of two workspace folders’ copies: a link in the second folder to an article of the first', async () => {
    const first = path.join(folder, 'first', 'articles');
    const second = path.join(folder, 'second', 'articles');
    fs.mkdirSync(first, { recursive: true });
    fs.mkdirSync(second, { recursive: true });
    fs.copyFileSync(seedPath(SEEDS.lavrovJamil), path.join(first, 'a.txt'));
    fs.symlinkSync(path.join(first, 'a.txt'), path.join(second, 'a.txt'));
    const service = newService();
    await scanWorkspace([URI.file(path.join(folder, 'second')).toString(), URI.file(path.join(folder, 'first')).toString()], service, DEFAULT_SETTINGS, progress, () => false);
    assert.deepStrictEqual(relativeUris(service.indexedArticles()), [path.join('first', 'articles', 'a.txt')]);
  });
});

describe('watched files: a link to a workspace article', () => {
  let folder: string;
  beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-watch-link-'))));
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('leaves a link made later to an indexed article out of the index, and indexes a link to a file outside', async () => {
    const articles = path.join(folder, 'articles');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-watch-outside-'));
    try {
      fs.mkdirSync(articles);
      fs.copyFileSync(seedPath(SEEDS.lavrovJamil), path.join(articles, 'a.txt'));
      fs.copyFileSync(seedPath(SEEDS.lavrovKerry), path.join(outside, 'k.txt'));
      const service = newService();
      const watched = new WatchedArticles({ service, folders: () => [URI.file(folder).toString()], settingsFor: async () => DEFAULT_SETTINGS, isOpen: () => false });
      await watched.apply([{ uri: URI.file(path.join(articles, 'a.txt')).toString(), type: FileChangeType.Created }]);
      fs.symlinkSync('a.txt', path.join(articles, 'latest.txt'));
      fs.symlinkSync(path.join(outside, 'k.txt'), path.join(articles, 'k.txt'));
      await watched.apply(['latest.txt', 'k.txt'].map((name) => ({ uri: URI.file(path.join(articles, name)).toString(), type: FileChangeType.Created })));
      assert.deepStrictEqual(service.indexedArticles().map((uri) => path.basename(URI.parse(uri).fsPath)).sort(), ['a.txt', 'k.txt']);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
