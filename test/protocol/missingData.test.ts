import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ResponseError, type SemanticTokens } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';
import { readSeed, ROOT, SEEDS, seedPath } from '../helpers/seeds';

/**
 * A server whose data folder lost a file (a broken install, a half-copied extension folder). The data
 * loads after the answer to `initialize` (serviceStartup.ts), so the missing file cannot be in that
 * answer: the person is told once, by an error message that names the file, and every request answers
 * with that message instead of crashing the server or hanging.
 */
describe('a missing data file, over stdio', function () {
  this.timeout(60000);
  let folder: string;
  let client: LspTestClient;
  const shown: { type: number; message: string }[] = [];

  before(async () => {
    // A copy of the built server beside a data folder without the tagger's model.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-nodata-'));
    for (const file of fs.readdirSync(path.join(ROOT, 'dist'))) {
      if (file.endsWith('.js')) fs.copyFileSync(path.join(ROOT, 'dist', file), path.join(folder, file));
    }
    fs.cpSync(path.join(ROOT, 'dist', 'data'), path.join(folder, 'data'), { recursive: true });
    fs.rmSync(path.join(folder, 'data', 'ner', 'model.bin'));
    client = new LspTestClient(path.join(folder, 'server.js'));
    client.connection.onNotification('window/showMessage', (message: { type: number; message: string }) => void shown.push(message));
    await client.initialize();
  });

  after(async () => {
    await client?.shutdown();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('says which file is missing, once, as an error', async () => {
    for (let i = 0; i < 100 && shown.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.strictEqual(shown.length, 1, JSON.stringify(shown));
    assert.strictEqual(shown[0].type, 1, 'an error message');
    assert.match(shown[0].message, /Article Lens cannot analyse articles: .*ner\/model\.bin/);
  });

  it('answers every request with that message and keeps running', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovKerry), readSeed(SEEDS.lavrovKerry));
    for (const [method, params] of [
      ['textDocument/semanticTokens/full', { textDocument: { uri } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 30 } }],
      ['textDocument/documentSymbol', { textDocument: { uri } }],
    ] as const) {
      const answer = await client.request<SemanticTokens>(method, params).then(
        () => undefined,
        (error: unknown) => error,
      );
      assert.ok(answer instanceof ResponseError, `${method} answers with an error`);
      assert.match(answer.message, /ner\/model\.bin/, `${method}: ${answer.message}`);
    }
    // Still alive: a second round is answered the same way.
    const again = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 30 } }).catch((error: unknown) => error);
    assert.ok(again instanceof ResponseError);
  });
});
