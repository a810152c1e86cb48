import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { ArticleService } from '../../server/src/core/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import type { ArticleSummary } from '../../server/src/core/workspaceIndex';
import { plainValues } from '../../server/src/indexCache/format';
import { IndexCacheStore } from '../../server/src/indexCache/store';
import { INDEX_WORKER_LIMITS, scanWorkspace, workerFileDeadlineMs } from '../../server/src/lsp/workspaceScan';

const FAKE_WORKER = path.resolve(__dirname, '..', 'helpers', 'fakeIndexWorker.js');

/**
 * Issue 17: the scan's worker threads run under memory limits (a 100,000-article scan peaked over
 * 1 GB, mostly the workers' garbage), and a worker that stops (a file whose analysis needs more than
 * that) is replaced: the file is left out with a log line, the rest is still indexed by workers.
 */
describe('workspace scan workers', () => {
  let folder: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-scan-'));
    fs.mkdirSync(path.join(folder, 'articles'));
    for (const name of ['a', 'b', 'c', 'crash', 'd', 'e', 'f', 'g']) fs.writeFileSync(path.join(folder, 'articles', `${name}.txt`), `Article ${name}.\n`);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('runs each worker under the memory limits and replaces one that stops', async () => {
    const added: ArticleSummary[] = [];
    const service = { addSummary: (summary: ArticleSummary) => (added.push(summary), summary), loadWorkspace: () => Object.assign(() => undefined, { settle: () => undefined }) } as unknown as ArticleService;
    const logged: string[] = [];
    const progress = { begin: () => undefined, report: () => undefined, done: () => undefined };
    const result = await scanWorkspace([URI.file(folder).toString()], service, DEFAULT_SETTINGS, progress, () => false, { workerScript: FAKE_WORKER, workers: 1, log: (line) => logged.push(line) });
    assert.deepStrictEqual(added.map((s) => path.basename(URI.parse(s.uri).fsPath)).sort(), ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt', 'g.txt']);
    assert.strictEqual(result.analysed, 7);
    // Every one by a worker under the limits (the files after the crash too: not on the server's thread).
    for (const summary of added) {
      const limits = JSON.parse(summary.title) as Record<string, number>;
      assert.strictEqual(limits.maxOldGenerationSizeMb, INDEX_WORKER_LIMITS.maxOldGenerationSizeMb, summary.uri);
      assert.strictEqual(limits.maxYoungGenerationSizeMb, INDEX_WORKER_LIMITS.maxYoungGenerationSizeMb, summary.uri);
    }
    assert.ok(logged.some((line) => line.includes('crash.txt') && line.includes('left out')), logged.join('\n'));
  });

  it('stops a worker whose file takes longer than its deadline, leaves that file out and indexes the rest', async () => {
    fs.writeFileSync(path.join(folder, 'articles', 'hang.txt'), 'An article whose analysis never ends.\n');
    const hangBytes = fs.statSync(path.join(folder, 'articles', 'hang.txt')).size;
    const added: ArticleSummary[] = [];
    let loads = 0;
    const service = { addSummary: (summary: ArticleSummary) => (added.push(summary), summary), loadWorkspace: () => (loads++, Object.assign(() => void loads--, { settle: () => undefined })) } as unknown as ArticleService;
    const logged: string[] = [];
    const progress = { begin: () => undefined, report: () => undefined, done: () => undefined };
    const deadlines: number[] = [];
    const result = await scanWorkspace([URI.file(folder).toString()], service, DEFAULT_SETTINGS, progress, () => false, {
      workerScript: FAKE_WORKER,
      workers: 2,
      log: (line) => logged.push(line),
      // Short for the hung file alone (and for the first look, before its size is read): a loaded machine starts workers slowly.
      fileDeadlineMs: (bytes) => (deadlines.push(bytes), bytes === 0 || bytes === hangBytes ? 300 : 60_000),
    });
    assert.deepStrictEqual(added.map((s) => path.basename(URI.parse(s.uri).fsPath)).sort(), ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt', 'g.txt']);
    assert.strictEqual(result.analysed, 7);
    assert.ok(logged.some((line) => line.includes('hang.txt') && line.includes('left out') && line.includes('no answer')), logged.join('\n'));
    assert.strictEqual(logged.filter((line) => line.includes('left out')).length, 2, logged.join('\n'));
    // The deadline was asked for the hung file's real size once it was due, and the index's load ended.
    assert.ok(deadlines.includes(fs.statSync(path.join(folder, 'articles', 'hang.txt')).size), String(deadlines));
    assert.strictEqual(loads, 0);
  });

  it('a file indexed from the cache while it waited to be read again leaves the index when its worker stops on it', async () => {
    // It may have changed (here: another size): indexed as cached until read, then lost with its worker. Its
    // old summary stayed in the index, though the log said the file was left out.
    const crash = path.join(folder, 'articles', 'crash.txt');
    const uri = URI.file(crash).toString();
    const cacheFile = path.join(folder, 'cache.bin');
    const identity = { key: 'k', folder: URI.file(folder).toString() };
    const values = plainValues((value: unknown): value is ArticleSummary => typeof value === 'object' && value !== null);
    const seeded = await IndexCacheStore.open(cacheFile, identity, values, () => undefined);
    const old = { uri, title: 'the text before', actors: [], mentionOffsets: new Uint32Array(0), mentionKinds: '', quotes: [] } as unknown as ArticleSummary;
    seeded.set(crash, { size: 1, mtimeMs: 1, hash: 'old', readAtMs: 60_000, deps: [{ path: '', size: -1, mtimeMs: 0 }] }, old);
    await seeded.save(() => undefined);
    const index = new Map<string, ArticleSummary>();
    const service = {
      addSummary: (summary: ArticleSummary) => (index.set(summary.uri, summary), summary),
      removeArticle: (removed: string) => index.delete(removed),
      compactSummary: (summary: ArticleSummary) => summary,
      loadWorkspace: () => Object.assign(() => undefined, { settle: () => undefined }),
    } as unknown as ArticleService;
    const logged: string[] = [];
    const progress = { begin: () => undefined, report: () => undefined, done: () => undefined };
    const result = await scanWorkspace([URI.file(folder).toString()], service, DEFAULT_SETTINGS, progress, () => false, {
      workerScript: FAKE_WORKER,
      workers: 1,
      log: (line) => logged.push(line),
      cacheOf: (folderUri) => IndexCacheStore.open(cacheFile, { ...identity, folder: folderUri }, values, (line) => logged.push(line)),
    });
    await result.saved;
    assert.ok(logged.some((line) => line.includes('crash.txt') && line.includes('left out')), logged.join('\n'));
    assert.strictEqual(index.has(uri), false, 'the old summary left the index');
    assert.strictEqual(index.size, 7);
  });

  it('allows a minute and half a minute per megabyte before a file counts as hung', () => {
    assert.strictEqual(workerFileDeadlineMs(0), 60_000);
    assert.strictEqual(workerFileDeadlineMs(10_000_000), 360_000);
  });
});
