import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnnotationFiles } from '../../server/src/annotationStore/annotationFiles';
import { articlePathIn, storeRootOf } from '../../server/src/annotationStore/storeRoot';
import { listStrayStores, matchStrayStore } from '../../server/src/annotationStore/strayStores';
import { QuietStrays, QUIET_STRAYS_FILE } from '../../server/src/annotationStore/quietStrays';
import { DONT_WARN_ANSWER, OPEN_STORE_ANSWER, StrayStores, type StrayStoresHost } from '../../server/src/lsp/strayStores';
import { URI } from 'vscode-uri';
import { fits, storeFit, type StoreFit } from '../../server/src/core/annotations/storeFit';
import { parseAnnotationCollection } from '../../server/src/core/annotations/w3c';
import type { Annotation } from '../../server/src/core/annotations/model';
import { readSeed, SEEDS } from '../helpers/seeds';
import { annotationAt, labelAt } from '../core/annotations/helpers';

/** Labels on every capitalised name of `text`. */
function labelsOnNames(text: string): Annotation[] {
  return [...text.matchAll(/\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+)?/gu)].map((m) => labelAt(text, m.index!, m.index! + m[0].length, `n${m.index}`));
}

describe('annotation stores of articles renamed outside the editor', () => {
  let folder: string;
  const seeds = Object.values(SEEDS).map((name) => readSeed(name));
  const [jamil, kerry] = seeds;
  const read = (article: string) => fs.readFile(path.join(folder, ...article.split('/')), 'utf8').catch(() => undefined);

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'article-lens-stray-'));
    await fs.mkdir(path.join(folder, 'news'));
    // Every seed is an article; only kerry.txt has annotations.
    for (const [i, text] of seeds.entries()) await fs.writeFile(path.join(folder, 'news', `seed${i}.txt`), text);
    await fs.writeFile(path.join(folder, 'news', 'kerry.txt'), kerry);
    assert.deepStrictEqual(await new AnnotationFiles(folder).load('news/kerry.txt', kerry), { kind: 'missing' });
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  const annotate = async (article: string, text: string): Promise<void> => {
    const files = new AnnotationFiles(folder);
    await files.load(article, text);
    assert.deepStrictEqual(await files.save(article, text, { reviewState: 'in-progress', annotations: labelsOnNames(text) }), { ok: true });
  };

  /**
   * The server's side of the stray look over `folder`: these article files indexed, none open, stores placed
   * by the server's rule (the nearest store root, else the folder); `overrides` record what a test watches.
   */
  const hostOf = (indexed: readonly string[], overrides: Partial<StrayStoresHost>): StrayStoresHost => ({
    folders: () => [URI.file(folder).toString()],
    indexedArticles: () => indexed.map((file) => URI.file(file).toString()),
    isOpen: () => false,
    textOf: () => undefined,
    placeOf: (uri) => {
      const file = URI.parse(uri).fsPath;
      const root = storeRootOf(file, folder, folder)!;
      return { root, article: articlePathIn(root, file)! };
    },
    move: async () => undefined,
    reindex: () => undefined,
    tell: () => undefined,
    ask: async () => undefined,
    show: () => undefined,
    log: () => undefined,
    ...overrides,
  });

  it('finds the store whose article was moved away, and the article that holds its text (also edited), not a copy made long ago', async () => {
    await fs.rm(path.join(folder, 'news', 'seed1.txt')); // kerry.txt is the only article with this text
    await annotate('news/kerry.txt', kerry);
    await fs.mkdir(path.join(folder, 'archive'));
    // `mv news/kerry.txt archive/2016-kerry.txt`, and a paragraph added on top later.
    await fs.rename(path.join(folder, 'news', 'kerry.txt'), path.join(folder, 'archive', '2016-kerry.txt'));
    await fs.writeFile(path.join(folder, 'archive', '2016-kerry.txt'), 'UPDATED with a new first paragraph.\n' + kerry);
    const strays = await listStrayStores(folder);
    assert.deepStrictEqual(strays.map((s) => s.article), ['news/kerry.txt']);
    const others = ['news/seed0.txt', 'news/seed2.txt', 'news/seed3.txt', 'news/seed4.txt'];
    assert.deepStrictEqual(await matchStrayStore(strays[0], [[], [...others, 'archive/2016-kerry.txt']], read), { kind: 'one', article: 'archive/2016-kerry.txt' });
    // Nothing else fits: the other seeds mention Lavrov and Kerry too, but not in the stored contexts.
    assert.deepStrictEqual(await matchStrayStore(strays[0], [others], read), { kind: 'none', annotations: labelsOnNames(kerry).length });
    // Two copies: nothing is moved — unless one of them just appeared (the rename) and the other is old.
    await fs.writeFile(path.join(folder, 'news', 'copy.txt'), kerry);
    assert.deepStrictEqual(await matchStrayStore(strays[0], [[], ['news/copy.txt', 'archive/2016-kerry.txt']], read), { kind: 'several', articles: ['news/copy.txt', 'archive/2016-kerry.txt'] });
    assert.deepStrictEqual(await matchStrayStore(strays[0], [['archive/2016-kerry.txt'], ['news/copy.txt']], read), { kind: 'one', article: 'archive/2016-kerry.txt' });
  });

  it('follows a store that places nothing (a review state only) by its article\'s text digest: the same text, also checked out with CR LF; not an edited one (it was never followed)', async () => {
    await fs.rm(path.join(folder, 'news', 'seed1.txt')); // kerry.txt is the only article with this text
    const files = new AnnotationFiles(folder);
    await files.load('news/kerry.txt', kerry);
    assert.deepStrictEqual(await files.save('news/kerry.txt', kerry, { reviewState: 'reviewed', annotations: [] }), { ok: true });
    const stored = await fs.readFile(files.fileOf('news/kerry.txt')!, 'utf8');
    assert.match(stored, /"textDigest": "sha256:[0-9a-f]{64}"/, 'the store keeps the digest of its text');
    await fs.mkdir(path.join(folder, 'archive'));
    await fs.rename(path.join(folder, 'news', 'kerry.txt'), path.join(folder, 'archive', '2016-kerry.txt'));
    const strays = await listStrayStores(folder);
    assert.deepStrictEqual(strays.map((s) => s.article), ['news/kerry.txt']);
    const others = ['news/seed0.txt', 'news/seed2.txt', 'news/seed3.txt', 'news/seed4.txt'];
    assert.deepStrictEqual(await matchStrayStore(strays[0], [[], [...others, 'archive/2016-kerry.txt']], read), { kind: 'one', article: 'archive/2016-kerry.txt' });
    await fs.writeFile(path.join(folder, 'archive', '2016-kerry.txt'), kerry.replace(/\r?\n/g, '\r\n'));
    assert.deepStrictEqual(await matchStrayStore(strays[0], [[], [...others, 'archive/2016-kerry.txt']], read), { kind: 'one', article: 'archive/2016-kerry.txt' }, 'CR LF line ends');
    await fs.writeFile(path.join(folder, 'archive', '2016-kerry.txt'), 'UPDATED with a new first paragraph.\n' + kerry);
    assert.deepStrictEqual(await matchStrayStore(strays[0], [[], [...others, 'archive/2016-kerry.txt']], read), { kind: 'none', annotations: 0 }, 'an edited text is not taken for it: the warning names the store');
    // The digest goes once something is placed in the text (the annotations find the article then).
    await files.load('news/seed0.txt', jamil);
    assert.deepStrictEqual(await files.save('news/seed0.txt', jamil, { reviewState: 'reviewed', annotations: labelsOnNames(jamil).slice(0, 1) }), { ok: true });
    const labelled = parseAnnotationCollection(await fs.readFile(files.fileOf('news/seed0.txt')!, 'utf8'), jamil);
    assert.ok(labelled.ok && labelled.textDigest === undefined);
  });

  it('keeps a store whose article is open in the editor, and skips articles with a store of their own', async () => {
    await annotate('news/kerry.txt', kerry);
    await annotate('news/seed1.txt', kerry);
    await fs.rm(path.join(folder, 'news', 'kerry.txt'));
    assert.deepStrictEqual(await listStrayStores(folder, (file) => file.endsWith('kerry.txt')), []);
    const [stray] = await listStrayStores(folder);
    assert.deepStrictEqual(await matchStrayStore(stray, [['news/seed1.txt']], read), { kind: 'none', annotations: labelsOnNames(kerry).length });
  });

  it('after a workspace scan, tries the files the scan analysed (new or changed), not every indexed article again', async () => {
    await annotate('news/kerry.txt', kerry);
    await fs.rm(path.join(folder, 'news', 'seed1.txt')); // kerry.txt is the only article with this text
    await fs.rename(path.join(folder, 'news', 'kerry.txt'), path.join(folder, 'news', 'renamed.txt'));
    const articles = ['seed0', 'seed2', 'seed3', 'seed4', 'renamed'].map((name) => path.join(folder, 'news', `${name}.txt`));
    const moves: string[] = [];
    const warnings: string[] = [];
    const host = hostOf(articles, {
      move: async (oldUri, newUri) => void moves.push(`${path.basename(URI.parse(oldUri).fsPath)} → ${path.basename(URI.parse(newUri).fsPath)}`),
      ask: async (message) => void warnings.push(message),
    });
    const strays = new StrayStores(host, new QuietStrays(() => undefined, () => undefined));
    // The index cache knew every article but the renamed one unchanged: the store fits none of those read.
    await strays.afterScan(articles.filter((file) => !file.endsWith('renamed.txt')));
    assert.deepStrictEqual(moves, [], 'the renamed article was not among the files analysed, so it is not read');
    assert.strictEqual(warnings.length, 1, 'the store that fitted nothing is reported');
    // A scan that analysed the renamed article (new by its path) moves the store there.
    await strays.afterScan(articles.slice(-1));
    assert.deepStrictEqual(moves, ['kerry.txt → renamed.txt']);
  });

  it('warns about a store that fits no article once per session, and never again once told not to, until the store file changes', async () => {
    await annotate('news/kerry.txt', kerry);
    await fs.rm(path.join(folder, 'news', 'kerry.txt'));
    await fs.rm(path.join(folder, 'news', 'seed1.txt')); // the one other copy of its text: now it fits nothing
    const storage = path.join(folder, 'storage');
    const asked: string[] = [];
    const logged: string[] = [];
    const shown: string[] = [];
    let answer: string | undefined;
    const host = hostOf(['seed0', 'seed2', 'seed3', 'seed4'].map((name) => path.join(folder, 'news', `${name}.txt`)), {
      move: async () => assert.fail('nothing fits: nothing is moved'),
      tell: () => assert.fail('a store that fits nothing is a warning with answers'),
      ask: async (message, answers) => {
        asked.push(message);
        assert.deepStrictEqual(answers, [OPEN_STORE_ANSWER, DONT_WARN_ANSWER]);
        return answer;
      },
      show: (file) => void shown.push(file),
      log: (message) => void logged.push(message),
    });
    const session = () => new StrayStores(host, new QuietStrays(() => storage, (message) => void logged.push(message)));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    const [stray] = await listStrayStores(folder);
    // Dismissed: asked again in the next session, not twice in one.
    let strays = session();
    await strays.look();
    await strays.look();
    assert.strictEqual(asked.length, 1);
    assert.match(asked[0], /news\/kerry\.txt/);
    // "Open Store File" shows the store file.
    answer = OPEN_STORE_ANSWER;
    await session().look();
    await settle();
    assert.deepStrictEqual(shown, [stray.file]);
    assert.strictEqual(asked.length, 2);
    // "Don't Warn Again": the next sessions only log it, and the store file is untouched.
    const before = await fs.readFile(stray.file, 'utf8');
    answer = DONT_WARN_ANSWER;
    await session().look();
    // Written after the answer, in the background: waited for (a fixed 50 ms was too short on a loaded machine).
    for (let i = 0; i < 100 && !(await fs.readdir(storage).catch(() => [] as string[])).includes(QUIET_STRAYS_FILE); i++) await settle();
    assert.ok((await fs.readdir(storage)).includes(QUIET_STRAYS_FILE));
    strays = session();
    await strays.look();
    assert.strictEqual(asked.length, 3, 'not asked after "Don\'t Warn Again"');
    assert.ok(logged.some((m) => m.includes('news/kerry.txt') && m.includes('not shown')), logged.join('\n'));
    assert.strictEqual(await fs.readFile(stray.file, 'utf8'), before, 'the store file is never touched');
    // The store file changed (restored, edited): warned again.
    answer = undefined;
    await fs.appendFile(stray.file, '\n');
    await session().look();
    assert.strictEqual(asked.length, 4, 'a changed store file is reported again');
    // A list file that is not ours is discarded with a log line, and the store is reported.
    await fs.writeFile(path.join(storage, QUIET_STRAYS_FILE), '{"version":1,"stores":"everything"}');
    await session().look();
    assert.strictEqual(asked.length, 5);
    assert.ok(logged.some((m) => m.includes(QUIET_STRAYS_FILE) && m.includes('discarded')), logged.join('\n'));
  });

  it('follows an article renamed inside a subfolder that has a store of its own (a nested store root)', async () => {
    // projects/kyiv keeps its own store; the workspace folder has one too (news/kerry.txt).
    const project = path.join(folder, 'projects', 'kyiv');
    await fs.mkdir(project, { recursive: true });
    await annotate('news/kerry.txt', kerry);
    const projectFiles = new AnnotationFiles(project);
    await projectFiles.load('lavrov.txt', jamil);
    await fs.writeFile(path.join(project, 'lavrov.txt'), jamil);
    assert.deepStrictEqual(await projectFiles.save('lavrov.txt', jamil, { reviewState: 'in-progress', annotations: labelsOnNames(jamil) }), { ok: true });
    await fs.writeFile(path.join(project, 'other.txt'), seeds[2]);
    await fs.rm(path.join(folder, 'news', 'seed0.txt')); // the workspace's other copy of that text
    // `mv projects/kyiv/lavrov.txt projects/kyiv/2016-lavrov.txt`
    await fs.rename(path.join(project, 'lavrov.txt'), path.join(project, '2016-lavrov.txt'));
    const indexed = [path.join(project, '2016-lavrov.txt'), path.join(project, 'other.txt'), path.join(folder, 'news', 'kerry.txt')];
    const moves: string[] = [];
    const host = hostOf(indexed, {
      move: async (oldUri, newUri) => void moves.push(`${path.relative(folder, URI.parse(oldUri).fsPath)} → ${path.relative(folder, URI.parse(newUri).fsPath)}`),
      ask: async (message) => assert.fail(`nothing to warn about: ${message}`),
    });
    const strays = new StrayStores(host, new QuietStrays(() => undefined, () => undefined));
    assert.deepStrictEqual((await strays.strays()).map((stray) => [stray.root, stray.article]), [[project, 'lavrov.txt']]);
    await strays.look();
    assert.deepStrictEqual(moves, [`${path.join('projects', 'kyiv', 'lavrov.txt')} → ${path.join('projects', 'kyiv', '2016-lavrov.txt')}`]);
  });

  /**
   * Twin articles (one story filed twice, a word apart): `news/first.txt` with a note of its own, and
   * `news/second.txt`. In one batch of file events the first is deleted and the second renamed; the look
   * sees both stores stray and one new article, which both fit. Returns the moves made and the messages.
   */
  const twinsOneDeletedOneRenamed = async (second: string): Promise<{ moves: string[]; asked: string[]; logged: string[] }> => {
    // The workspace's other copies of this text are gone.
    for (const copy of ['seed1.txt', 'kerry.txt']) await fs.rm(path.join(folder, 'news', copy));
    await fs.writeFile(path.join(folder, 'news', 'first.txt'), kerry);
    await fs.writeFile(path.join(folder, 'news', 'second.txt'), second);
    const files = new AnnotationFiles(folder);
    await files.load('news/first.txt', kerry);
    const note = annotationAt(kerry, [[kerry.indexOf('Moscow'), kerry.indexOf('Moscow') + 'Moscow'.length]], { kind: 'note', text: 'First filing: check the dateline', resolved: false, replies: [] }, 'note');
    assert.deepStrictEqual(await files.save('news/first.txt', kerry, { reviewState: 'in-progress', annotations: [...labelsOnNames(kerry), note] }), { ok: true });
    await annotate('news/second.txt', second);
    await fs.rm(path.join(folder, 'news', 'first.txt'));
    await fs.rename(path.join(folder, 'news', 'second.txt'), path.join(folder, 'news', 'renamed.txt'));
    const renamed = path.join(folder, 'news', 'renamed.txt');
    const moves: string[] = [];
    const asked: string[] = [];
    const logged: string[] = [];
    const indexed = ['seed0', 'seed2', 'seed3', 'seed4', 'renamed'].map((name) => path.join(folder, 'news', `${name}.txt`));
    const host = hostOf(indexed, {
      // The store file moves, as the annotation layer moves it.
      move: async (oldUri, newUri) => {
        const [from, to] = [oldUri, newUri].map((uri) => path.relative(folder, URI.parse(uri).fsPath).split(path.sep).join('/'));
        assert.deepStrictEqual(await new AnnotationFiles(folder).move(from, to), { ok: true });
        moves.push(`${path.basename(from)} → ${path.basename(to)}`);
      },
      ask: async (message) => void asked.push(message),
      log: (message) => void logged.push(message),
    });
    const strays = new StrayStores(host, new QuietStrays(() => undefined, () => undefined), 1);
    // Each store fits the renamed article on its own: that is the trap.
    const fitOf = async (article: string): Promise<StoreFit> => {
      const parsed = parseAnnotationCollection(await fs.readFile(new AnnotationFiles(folder).fileOf(article)!, 'utf8'), second);
      assert.ok(parsed.ok);
      return storeFit(parsed.annotations.annotations, second);
    };
    assert.ok(fits(await fitOf('news/first.txt')) && fits(await fitOf('news/second.txt')), 'both stores fit the renamed article');
    strays.articleEvents([
      { uri: URI.file(path.join(folder, 'news', 'first.txt')).toString(), type: 3 },
      { uri: URI.file(path.join(folder, 'news', 'second.txt')).toString(), type: 3 },
      { uri: URI.file(renamed).toString(), type: 1 },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await strays.look();
    return { moves, asked, logged };
  };

  it('twin articles, one deleted and the other renamed in one batch: the renamed one gets its own store, never the deleted one\'s note', async () => {
    // The second filing has a word changed in its second paragraph: its store's places are its own text's.
    const second = kerry.replace('an option which he said should', 'an option which he stated should');
    assert.notStrictEqual(second, kerry);
    const { moves, asked } = await twinsOneDeletedOneRenamed(second);
    assert.deepStrictEqual(moves, ['second.txt → renamed.txt']);
    assert.strictEqual(asked.length, 1, 'the deleted article\'s store is reported, not moved');
    assert.match(asked[0], /news\/first\.txt/);
  });

  it('twin articles that the stores cannot tell apart: neither store is moved, and the log says why', async () => {
    // The two filings are one text: every annotation of either store is in place in the renamed article.
    const second = kerry;
    const { moves, asked, logged } = await twinsOneDeletedOneRenamed(second);
    assert.deepStrictEqual(moves, [], 'no guess');
    assert.strictEqual(asked.length, 2, 'both stores are reported');
    assert.ok(logged.some((m) => m.includes('news/first.txt') && m.includes('news/second.txt') && m.includes('news/renamed.txt')), logged.join('\n'));
  });

  it('a store fits its own article and no other seed', () => {
    for (const [i, text] of seeds.entries()) {
      const annotations = labelsOnNames(text);
      assert.ok(fits(storeFit(annotations, text)), `seed ${i} fits itself`);
      for (const [j, other] of seeds.entries()) if (j !== i && other !== text) assert.ok(!fits(storeFit(annotations, other)), `seed ${i}'s store does not fit seed ${j}`);
    }
    assert.ok(!fits(storeFit([], jamil)), 'an empty store fits nothing');
  });
});
