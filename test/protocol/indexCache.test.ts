import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { serializeAnnotationCollection } from '../../server/src/core/annotations/w3c';
import { labelOn } from '../core/annotations/helpers';
import { LspTestClient } from '../helpers/lspClient';
import { readSeed, SEEDS } from '../helpers/seeds';

/**
 * The persistent workspace index through the protocol: a server restarted on the same workspace
 * takes unchanged articles from the cache the first one wrote (in the storage folder the client
 * passes), reads only what changed, and never trusts a damaged or foreign cache file.
 */

interface Started {
  client: LspTestClient;
  /** The `workspace index: …` log line of the scan. */
  summary: string;
  logs: string[];
}

/** Starts a server on `folder` with `storagePath`, and waits until its scan is done. */
async function start(folder: string, storagePath: string, configuration: unknown = {}): Promise<Started> {
  const client = new LspTestClient();
  client.configuration = configuration;
  const logs: string[] = [];
  const summary = new Promise<string>((resolve) => {
    client.connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
      logs.push(message);
      if (message.startsWith('workspace index:')) resolve(message);
    });
  });
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: URI.file(folder).toString(),
    workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'ws' }],
    capabilities: { workspace: { configuration: true } },
    initializationOptions: { storagePath },
  });
  await client.connection.sendNotification('initialized', {});
  return { client, summary: await summary, logs };
}

/** The one cache file in the storage folder, once written (the scan saves it after answering). */
async function cacheFile(storage: string): Promise<string> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    const files = fs.existsSync(storage) ? fs.readdirSync(storage).filter((f) => /^workspace-index-[0-9a-f]{16}\.bin$/.test(f)) : [];
    if (files.length === 1) return path.join(storage, files[0]);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no index cache written in ${storage}`);
}

/** Names of the workspace symbols matching `query`, with the file they are in (quotes left out with `actorsOnly`). */
async function symbols(client: LspTestClient, query: string, actorsOnly = false): Promise<string[]> {
  const found = await client.request<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query });
  return found.filter((s) => !actorsOnly || !s.name.startsWith('“')).map((s) => `${s.name} @ ${path.basename(URI.parse(s.location.uri).fsPath)}`).sort();
}

describe('persistent workspace index (dist/server.js)', function () {
  this.timeout(120_000);
  let scratch: string;
  let workspace: string;
  let storage: string;
  const clients: LspTestClient[] = [];
  const started = async (...args: Parameters<typeof start>) => {
    const s = await start(...args);
    clients.push(s.client);
    return s;
  };

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-index-cache-'));
    workspace = path.join(scratch, 'workspace');
    storage = path.join(scratch, 'storage');
    const articles = path.join(workspace, 'articles');
    fs.mkdirSync(articles, { recursive: true });
    // Twelve articles, last changed an hour ago: old enough to be trusted on size and time alone.
    const seeds = Object.values(SEEDS);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (let i = 0; i < 12; i++) {
      const file = path.join(articles, `article-${String(i).padStart(2, '0')}.txt`);
      fs.writeFileSync(file, readSeed(seeds[i % seeds.length]));
      fs.utimesSync(file, anHourAgo, anHourAgo);
    }
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.shutdown()));
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('a restart takes unchanged articles from the cache, re-reads a touched one, analyses only the changed and new ones', async () => {
    const first = await started(workspace, storage);
    assert.strictEqual(first.summary, 'workspace index: 12 article files, 0 from the index cache, 0 read again and unchanged, 12 analysed');
    const file = await cacheFile(storage);
    await first.client.shutdown();
    const firstSave = fs.statSync(file).ino;

    const articles = path.join(workspace, 'articles');
    // Changed: a new person in article 03. Touched but the same: article 04. Deleted: article 05. New: article 12.
    fs.appendFileSync(path.join(articles, 'article-03.txt'), '\n\nZebulon Quartermaine, a spokesman, said "we will see".\n');
    const now = new Date();
    fs.utimesSync(path.join(articles, 'article-04.txt'), now, now);
    fs.rmSync(path.join(articles, 'article-05.txt'));
    fs.writeFileSync(path.join(articles, 'article-12.txt'), 'Talks resume\n\nHortensia Vandersloot said "the talks resume on Monday".\n');

    const second = await started(workspace, storage);
    assert.strictEqual(second.summary, 'workspace index: 12 article files, 9 from the index cache, 1 read again and unchanged, 2 analysed');
    // Cross-article answers come from the cache and the fresh reads alike, and the deleted file is gone.
    assert.deepStrictEqual(await symbols(second.client, 'Zebulon Quartermaine'), ['Zebulon Quartermaine @ article-03.txt']);
    assert.deepStrictEqual(await symbols(second.client, 'Hortensia Vandersloot'), ['Hortensia Vandersloot @ article-12.txt']);
    const lavrov = await symbols(second.client, 'Sergei Lavrov');
    assert.ok(lavrov.length >= 5, lavrov.join(', '));
    assert.ok(!lavrov.some((s) => s.endsWith('article-05.txt')), 'the deleted article left the index');
    assert.ok(lavrov.some((s) => s.endsWith('article-00.txt')), 'an article taken from the cache is searchable');

    // The cache written after the second scan knows the new state: a third start reads nothing.
    await waitForRewrite(file, firstSave);
    await second.client.shutdown();
    const third = await started(workspace, storage);
    // The three files written just before the second scan are checked by hash (changed within 2 s of being read).
    const [, fresh, reread] = /^workspace index: 12 article files, (\d+) from the index cache, (\d+) read again and unchanged, 0 analysed$/.exec(third.summary) ?? [];
    assert.strictEqual(Number(fresh) + Number(reread), 12, third.summary);
  });

  it("a closed article whose annotations changed is analysed again, the others stay cached (a store appearing above them counts as a change)", async () => {
    const first = await started(workspace, storage);
    assert.match(first.summary, /12 analysed$/);
    const file = await cacheFile(storage);
    await first.client.shutdown();
    const anHourAgo = new Date(Date.now() - 3_600_000);
    const article = path.join(workspace, 'articles', 'article-07.txt');
    const text = fs.readFileSync(article, 'utf8');
    const store = path.join(workspace, '.article-lens', 'annotations', 'articles', 'article-07.txt.json');
    const label = (word: string) => {
      fs.mkdirSync(path.dirname(store), { recursive: true });
      fs.writeFileSync(store, serializeAnnotationCollection({ path: 'articles/article-07.txt', text, annotations: { reviewState: 'in-progress', annotations: [labelOn(text, word, 0, 'organization')] } }));
    };
    label('crisis');
    fs.utimesSync(store, anHourAgo, anHourAgo);

    let before = fs.statSync(file).ino;
    const second = await started(workspace, storage);
    // The new store is above every article: each may have annotations now, so each is read and analysed again.
    assert.strictEqual(second.summary, 'workspace index: 12 article files, 0 from the index cache, 0 read again and unchanged, 12 analysed');
    assert.deepStrictEqual(await symbols(second.client, 'crisis', true), ['crisis @ article-07.txt'], 'the label of the store file is in the index');
    await waitForRewrite(file, before);
    await second.client.shutdown();

    label('communications');
    const halfAnHourAgo = new Date(Date.now() - 1_800_000);
    fs.utimesSync(store, halfAnHourAgo, halfAnHourAgo);
    before = fs.statSync(file).ino;
    const third = await started(workspace, storage);
    assert.strictEqual(third.summary, 'workspace index: 12 article files, 11 from the index cache, 0 read again and unchanged, 1 analysed');
    assert.deepStrictEqual(await symbols(third.client, 'communications', true), ['communications @ article-07.txt']);
    assert.deepStrictEqual(await symbols(third.client, 'crisis', true), [], 'the old label left with the old summary');
  });

  it('a damaged cache (one byte changed, or cut short) is discarded with a log line, and everything is analysed again', async () => {
    const first = await started(workspace, storage);
    const file = await cacheFile(storage);
    await first.client.shutdown();
    const bytes = fs.readFileSync(file);
    const firstSave = fs.statSync(file).ino;
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 100] ^= 0x55;
    fs.writeFileSync(file, flipped);
    const second = await started(workspace, storage);
    assert.ok(second.logs.some((l) => l === `index cache ${file} discarded: damaged (checksum mismatch)`), second.logs.join('\n'));
    assert.match(second.summary, /0 from the index cache, 0 read again and unchanged, 12 analysed$/);
    await waitForRewrite(file, firstSave);
    await second.client.shutdown();

    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, bytes.length >> 1));
    const third = await started(workspace, storage);
    assert.ok(third.logs.some((l) => /^index cache .* discarded: damaged \(/.test(l)), third.logs.join('\n'));
    assert.match(third.summary, /12 analysed$/);
  });

  it('a foreign file where the cache should be is discarded with a log line, never read as summaries', async () => {
    const first = await started(workspace, storage);
    const file = await cacheFile(storage);
    await first.client.shutdown();
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 7)]));
    const second = await started(workspace, storage);
    assert.ok(second.logs.includes(`index cache ${file} discarded: not an Article Lens index cache`), second.logs.join('\n'));
    assert.match(second.summary, /12 analysed$/);
  });

  it('a cache of another analysis (here: another maxFileSize, which the key holds like the model and the analysis version) is discarded', async () => {
    const first = await started(workspace, storage);
    const file = await cacheFile(storage);
    await first.client.shutdown();
    const second = await started(workspace, storage, { maxFileSize: 5_000_000 });
    assert.ok(second.logs.includes(`index cache ${file} discarded: made by another analysis version, model or settings`), second.logs.join('\n'));
    assert.match(second.summary, /0 from the index cache, 0 read again and unchanged, 12 analysed$/);
  });
});

/** Waits until the cache file is written again after `since` (the scan saves after it answers). */
/**
 * Waits until the cache file is written again: a save renames a new file over it (another inode); its
 * modification time says nothing, since opening a cache sets it (marked used).
 */
async function waitForRewrite(file: string, inode: number): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    if (fs.existsSync(file) && fs.statSync(file).ino !== inode) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
