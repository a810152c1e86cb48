import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Location, Range } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import type { AnnotatedArticleRow, AnnotationGroupRow, AnnotationRow, ArticleRow, Page } from '../../server/src/protocol';
import { eventually } from '../helpers/eventually';
import { LspTestClient } from '../helpers/lspClient';
import { readSeed, SEEDS } from '../helpers/seeds';

/**
 * The requests behind the Annotations view (`articleLens/annotationGroups`, `annotatedArticles`,
 * `annotations`) against `dist/server.js --stdio`, on seeds annotated through
 * `articleLens.annotation.add` in a workspace folder on disk: what an open article's annotations and a
 * closed one's store file put in the index, an orphan after the article changed on disk, a review state
 * written into a store file by someone else, a removal, and a new server that reads it all from the store.
 */

const ADD = 'articleLens.annotation.add';
const REMOVE = 'articleLens.annotation.remove';

/** The range of the first occurrence of `words` in `text`. */
function rangeOf(text: string, words: string): Range {
  const at = text.indexOf(words);
  assert.ok(at >= 0, `${words} is in the text`);
  const before = text.slice(0, at).split('\n');
  const line = before.length - 1;
  return { start: { line, character: before[line].length }, end: { line, character: before[line].length + words.length } };
}

describe('the Annotations view over stdio, on annotated seeds', function () {
  let folder: string;
  let client: LspTestClient;
  const kerry = readSeed(SEEDS.lavrovKerry);
  const zannier = readSeed(SEEDS.lavrovZannier);
  const article = (name: string) => path.join(folder, 'news', name);
  const uriOf = (name: string) => URI.file(article(name)).toString();
  const storeFile = (name: string) => path.join(folder, '.article-lens', 'annotations', 'news', `${name}.json`);
  const run = <R>(command: string, argument: unknown) => client.request<R>('workspace/executeCommand', { command, arguments: [argument] });
  const groups = (params: object = {}) => client.request<Page<AnnotationGroupRow>>('articleLens/annotationGroups', params);
  const articles = (params: object = {}) => client.request<Page<AnnotatedArticleRow>>('articleLens/annotatedArticles', params);
  const annotations = (params: object = {}) => client.request<Page<AnnotationRow>>('articleLens/annotations', params);
  const counts = (page: Page<AnnotationGroupRow>) => page.items.map((g) => `${g.id} ${g.annotations}/${g.orphaned}`).join(', ');

  async function startServer(): Promise<void> {
    client = new LspTestClient();
    const ready = client.whenReady();
    await client.initialize(folder, true);
    assert.strictEqual(await ready, 3);
  }

  before(async function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-annotations-view-'));
    fs.mkdirSync(path.join(folder, 'news'));
    fs.writeFileSync(article('kerry.txt'), kerry);
    fs.writeFileSync(article('zannier.txt'), zannier);
    fs.writeFileSync(article('plain.txt'), readSeed(SEEDS.lavrovJamil));
    await startServer();
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('lists what is added in an open article, by label and by article, each going to its words', async () => {
    assert.strictEqual((await groups()).total, 0, 'nothing annotated yet');
    const uri = client.open(article('kerry.txt'), kerry);
    await run(ADD, { uri, range: rangeOf(kerry, 'counterpart'), label: 'person' });
    await run(ADD, { uri, range: rangeOf(kerry, 'Sataffan de Mistura'), label: 'person' });
    await run(ADD, { uri, range: rangeOf(kerry, 'consultative meeting'), note: 'Which meeting?' });
    const listed = await eventually('the three annotations', () => groups(), (page) => counts(page) === 'label:person 2/0, kind:note 1/0');
    assert.deepStrictEqual(listed.items.map((g) => [g.name, g.articles, g.unreviewed]), [['Person', 1, 2], ['Notes', 1, 1]]);
    assert.deepStrictEqual((await articles()).items.map((a) => [a.uri, a.reviewState, a.annotations, a.orphaned]), [[uri, 'unreviewed', 3, 0]]);
    const people = await annotations({ group: 'label:person' });
    assert.deepStrictEqual(people.items.map((a) => [a.text, a.description, a.orphaned]), [['counterpart', 'label Person', false], ['Sataffan de Mistura', 'label Person', false]]);
    const location = await client.request<Location | null>('articleLens/locate', people.items[0]);
    assert.deepStrictEqual(location, { uri, range: rangeOf(kerry, 'counterpart') });
    client.close(uri);
  });

  it('flags the note whose words were deleted on disk while the article was closed, at the place they were', async () => {
    const uri = uriOf('kerry.txt');
    const changed = kerry.replace('consultative meeting', 'gathering');
    fs.writeFileSync(article('kerry.txt'), changed);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    const orphans = await eventually('an orphaned note', () => annotations({ orphanedOnly: true }), (page) => page.total === 1);
    const [orphan] = orphans.items;
    assert.deepStrictEqual([orphan.text, orphan.description, orphan.orphaned, orphan.group], ['consultative meeting', 'note “Which meeting?”', true, 'kind:note']);
    assert.deepStrictEqual(counts(await groups()), 'label:person 2/0, kind:note 1/1');
    assert.deepStrictEqual((await articles({ orphanedOnly: true })).items.map((a) => [a.uri, a.annotations, a.orphaned]), [[uri, 1, 1]]);
    // Where its words were: the position they had, in the text as it is now.
    const location = await client.request<Location | null>('articleLens/locate', orphan);
    assert.deepStrictEqual(location?.range.start, rangeOf(kerry, 'consultative meeting').start);
    const people = await annotations({ group: 'label:person' });
    assert.ok(people.items.every((a) => !a.orphaned), 'the other annotations are placed in the changed text');
  });

  it('follows a store file changed on disk: a reviewed article is listed after those still to review', async () => {
    const uri = client.open(article('zannier.txt'), zannier);
    await run(ADD, { uri, range: rangeOf(zannier, 'Lamberto Zannier'), label: 'person' });
    client.close(uri);
    await eventually('Zannier’s article listed', () => articles(), (page) => page.total === 2);
    const stored = JSON.parse(fs.readFileSync(storeFile('zannier.txt'), 'utf8'));
    stored.reviewState = 'reviewed';
    fs.writeFileSync(storeFile('zannier.txt'), `${JSON.stringify(stored, null, 2)}\n`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(storeFile('zannier.txt')).toString(), type: 2 }] });
    const listed = await eventually('reviewed last', () => articles(), (page) => page.items.at(-1)?.reviewState === 'reviewed');
    assert.deepStrictEqual(listed.items.map((a) => [path.basename(URI.parse(a.uri).fsPath), a.reviewState]), [['kerry.txt', 'unreviewed'], ['zannier.txt', 'reviewed']]);
    const people = await annotations({ group: 'label:person' });
    assert.deepStrictEqual(people.items.map((a) => [a.text, a.reviewState]), [['counterpart', 'unreviewed'], ['Sataffan de Mistura', 'unreviewed'], ['Lamberto Zannier', 'reviewed']]);
    assert.strictEqual((await groups()).items[0].unreviewed, 2, 'the reviewed article’s label is not counted as still to review');
    const rows = await client.request<Page<ArticleRow>>('articleLens/articles', {});
    assert.deepStrictEqual(rows.items.map((a) => a.reviewState), ['unreviewed', 'unreviewed', 'reviewed']);
  });

  it('drops a removed orphan from the view', async () => {
    const [orphan] = (await annotations({ orphanedOnly: true })).items;
    const uri = client.open(article('kerry.txt'));
    await run(REMOVE, { uri, id: orphan.id });
    await eventually('no orphan left', () => annotations({ orphanedOnly: true }), (page) => page.total === 0);
    assert.strictEqual(counts(await groups()), 'label:person 3/0');
    client.close(uri);
  });

  it('reads it all from the store files when a new server scans the workspace', async () => {
    await client.shutdown();
    await startServer();
    assert.strictEqual(counts(await groups()), 'label:person 3/0');
    assert.deepStrictEqual((await articles()).items.map((a) => [path.basename(URI.parse(a.uri).fsPath), a.reviewState, a.annotations]), [['kerry.txt', 'unreviewed', 2], ['zannier.txt', 'reviewed', 1]]);
  });
});
