import * as assert from 'assert';
import * as path from 'path';
import type { DocumentSymbol, PublishDiagnosticsParams, SemanticTokens } from 'vscode-languageserver-protocol';
import { Gazetteers } from '../../server/src/core/ner/gazetteer';
import { loadTaggerModel, SequenceTagger } from '../../server/src/core/ner';
import { diskDataSource } from '../../server/src/diskData';
import { TaggingPool } from '../../server/src/tagging/taggingPool';
import { LspTestClient } from '../helpers/lspClient';
import { readSeed, ROOT, SEEDS } from '../helpers/seeds';

/**
 * The server's tagging workers (`server/src/tagging/`, dist/taggingWorker.js) against the server
 * tagging on its own thread: a large article edited while the workers tag it ends with the analysis a
 * one-thread server gives the final text; a worker that dies is started again and its sentences are
 * tagged anyway. Needs `npm run build`.
 */
describe('tagging workers (dist/taggingWorker.js)', function () {
  this.timeout(180_000);
  /** About 90 KB and 18,000 tokens: above the size from which the workers take part. */
  const large = Object.values(SEEDS).map(readSeed).join('\n\n').repeat(6);
  const WORKER_SCRIPT = path.join(ROOT, 'dist', 'taggingWorker.js');

  /** A server with `threads` tagging workers (and `env`), initialized, its log lines collected. */
  async function startServer(threads: number, env: Record<string, string> = {}) {
    const client = new LspTestClient(undefined, { ARTICLE_LENS_TAGGING_THREADS: String(threads), ...env });
    const log: string[] = [];
    client.connection.onNotification('window/logMessage', (params: { message: string }) => {
      log.push(params.message);
    });
    await client.initialize();
    const logged = async (pattern: RegExp, count = 1) => {
      for (let wait = 0; log.filter((line) => pattern.test(line)).length < count; wait++) {
        if (wait > 1200) assert.fail(`no ${count} log lines ${pattern} within 60 s; the log:\n${log.join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    return { client, log, logged };
  }

  /** What the user sees of a document once its full analysis is out: diagnostics, tokens, outline. */
  async function finalView(client: LspTestClient, uri: string, version: number) {
    const diagnostics = await client.waitForDiagnostics(uri, (p: PublishDiagnosticsParams) => p.version === version, 120_000);
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    return { diagnostics: diagnostics.diagnostics, tokens: tokens.data, symbols };
  }

  it('a large article edited while two workers tag it ends as a one-thread server analyses the final text', async () => {
    const workers = await startServer(2);
    const alone = await startServer(0);
    try {
      await workers.logged(/^tagging worker \d ready$/, 2);
      const uri = workers.client.open(path.join(ROOT, 'tagging-test', 'large.txt'), large);
      // The first analysis starts with this request; the edits come while its chunks are out.
      const first = workers.client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 30));
      const at = large.indexOf('Lavrov said');
      let text = `${large.slice(0, at)}Angela Merkel and ${large.slice(at)}`;
      workers.client.change(uri, [{ text }]);
      text = `Prime Minister Nguyen Tan Dung arrived.\n\n${text}`;
      const version = workers.client.change(uri, [{ text }]);
      await first;
      const edited = await finalView(workers.client, uri, version);
      const aloneUri = alone.client.open(path.join(ROOT, 'tagging-test', 'large.txt'), text);
      const reference = await finalView(alone.client, aloneUri, 1);
      assert.deepStrictEqual(edited.tokens, reference.tokens);
      assert.deepStrictEqual(edited.symbols, reference.symbols);
      assert.deepStrictEqual(edited.diagnostics, reference.diagnostics);
      // The last edit's first line: `Nguyen Tan Dung`, the first token of the document.
      assert.deepStrictEqual(edited.tokens.slice(0, 3), [0, 15, 'Nguyen Tan Dung'.length]);
      assert.ok(!workers.log.some((line) => /tagging worker .*(failed|stopped)/.test(line)), workers.log.join('\n'));
    } finally {
      await workers.client.shutdown();
      await alone.client.shutdown();
    }
  });

  it('a worker that dies while tagging is started again; its sentences are tagged on the server thread meanwhile', async () => {
    // The first worker started ends its thread on its first request (ARTICLE_LENS_TEST_TAGGING_WORKER_EXIT).
    const server = await startServer(1, { ARTICLE_LENS_TEST_TAGGING_WORKER_EXIT: '1' });
    const alone = await startServer(0);
    try {
      await server.logged(/^tagging worker 0 ready$/);
      const uri = server.client.open(path.join(ROOT, 'tagging-test', 'dies.txt'), large);
      const tokens = await server.client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
      await server.logged(/^tagging worker stopped \(exit code 1\); started again$/);
      await server.logged(/^tagging worker 1 ready$/);
      const aloneUri = alone.client.open(path.join(ROOT, 'tagging-test', 'dies.txt'), large);
      const reference = await alone.client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: aloneUri } });
      assert.deepStrictEqual(tokens.data, reference.data);
      // The new worker serves the next large article.
      const other = `${large.slice(large.length / 2)}\n\n${large.slice(0, large.length / 2)}`;
      const otherUri = server.client.open(path.join(ROOT, 'tagging-test', 'after.txt'), other);
      const again = await finalView(server.client, otherUri, 1);
      const otherReference = await finalView(alone.client, alone.client.open(path.join(ROOT, 'tagging-test', 'after.txt'), other), 1);
      assert.deepStrictEqual(again, otherReference);
      assert.ok(!server.client.exited);
      assert.strictEqual(server.log.filter((line) => /stopped/.test(line)).length, 1, server.log.join('\n'));
    } finally {
      await server.client.shutdown();
      await alone.client.shutdown();
    }
  });

  it('the pool: a request whose worker dies fails, the worker is started again and tags like the server thread', async () => {
    const source = diskDataSource();
    const tagger = new SequenceTagger(loadTaggerModel(source), Gazetteers.load(source));
    const log: string[] = [];
    const pool = new TaggingPool({ script: WORKER_SCRIPT, threads: 1, log: (line) => log.push(line), env: { ...process.env, ARTICLE_LENS_TEST_TAGGING_WORKER_EXIT: '1' } });
    const ready = async (index: number) => {
      for (let wait = 0; !log.includes(`tagging worker ${index} ready`); wait++) {
        if (wait > 1200) assert.fail(`worker ${index} not ready: ${log.join('; ')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      pool.start();
      assert.strictEqual(pool.threads, 1);
      assert.strictEqual(pool.tryTag([['Lavrov']], ['0']), undefined, 'a worker still loading takes nothing');
      await ready(0);
      const sentences = readSeed(SEEDS.lavrovJamil).split(/(?<=\.)\s+/).map((s) => s.split(/\s+|(?=[.,])/).filter(Boolean));
      const { evidence } = tagger.plan(sentences, undefined, true);
      await assert.rejects(pool.tryTag(sentences, evidence)!, /stopped \(exit code 1\)/);
      await ready(1);
      assert.strictEqual(pool.threads, 1);
      const answered = pool.tryTag(sentences, evidence)!;
      assert.strictEqual(pool.tryTag(sentences, evidence), undefined, 'a busy worker takes nothing more');
      assert.deepStrictEqual(await answered, tagger.tagWithEvidence(sentences, evidence));
      assert.ok((await answered).some((spans) => spans.length > 0));
    } finally {
      pool.dispose();
    }
  });
});
