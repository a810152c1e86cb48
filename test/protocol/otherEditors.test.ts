import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { storeFileOf } from '../../server/src/core/annotations/storeLayout';
import { serializeAnnotationCollection } from '../../server/src/core/annotations/w3c';
import { OPEN_STORE_ANSWER } from '../../server/src/lsp/strayStores';
import { LspTestClient } from '../helpers/lspClient';
import { readSeed, SEEDS } from '../helpers/seeds';

/**
 * Editors other than VS Code (Neovim, Helix, Emacs, Sublime) declare fewer client capabilities: the server asks
 * them nothing they did not say they answer, and takes the settings they push when they cannot be asked.
 */
describe('the standalone server with clients of fewer capabilities', function () {
  this.timeout(60_000);
  let folder: string;
  const clients: LspTestClient[] = [];
  const started = () => {
    const client = new LspTestClient();
    clients.push(client);
    return client;
  };

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-editors-'));
    fs.mkdirSync(path.join(folder, 'articles'));
    for (const [name, seed] of Object.entries(SEEDS)) fs.writeFileSync(path.join(folder, 'articles', `${name}.txt`), readSeed(seed));
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('names a stray store file in a message to a client that cannot open documents, rather than asking it to (window/showDocument)', async () => {
    // The store of an article that is gone, found at the workspace scan's end: a warning with "Open Store File".
    const store = path.join(folder, ...storeFileOf('articles/gone.txt')!.split('/'));
    fs.mkdirSync(path.dirname(store), { recursive: true });
    const text = readSeed(SEEDS.lavrovJamil).replace(/Lavrov/g, 'Larvov');
    fs.writeFileSync(store, serializeAnnotationCollection({ path: 'articles/gone.txt', text, annotations: { reviewState: 'reviewed', annotations: [] } }));
    const client = started();
    const messages: string[] = [];
    let showDocument = 0;
    client.connection.onRequest('window/showMessageRequest', (request: { actions?: Array<{ title: string }> }) => request.actions?.find((a) => a.title === OPEN_STORE_ANSWER) ?? null);
    client.connection.onRequest('window/showDocument', () => {
      showDocument++;
      return { success: true };
    });
    client.connection.onNotification('window/showMessage', (message: { message: string }) => void messages.push(message.message));
    await client.initialize(folder);
    // The warning comes at the end of the workspace scan (seconds on a loaded machine).
    for (let i = 0; i < 2000 && !messages.some((m) => m.includes('store file is')); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(messages.some((m) => m.includes(`the store file is ${store}`)), messages.join('\n'));
    assert.strictEqual(showDocument, 0, 'no window/showDocument');
  });

  it('takes the settings a client without workspace/configuration pushes: in initializationOptions, then in didChangeConfiguration (they were ignored)', async () => {
    const client = started();
    await client.initialize(undefined, false, { articleLens: { maxFileSize: 1000 } });
    const text = readSeed(SEEDS.lavrovJamil);
    assert.ok(text.length > 1000);
    const uri = client.open(path.join(folder, 'articles', 'jamil.article'), text);
    const limited = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'limited-analysis'));
    assert.match(String(limited.diagnostics.find((d: Diagnostic) => d.code === 'limited-analysis')!.message), /articleLens\.maxFileSize \(1,000 characters\)/);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { articleLens: { maxFileSize: 10_000_000, duplicateParagraphs: { severity: 'off' } } } });
    const full = await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'limited-analysis'));
    assert.deepStrictEqual(full.diagnostics.filter((d: Diagnostic) => d.code === 'duplicate-paragraph'), [], 'the pushed severity applies too');
    // A push without an articleLens object leaves the settings as they were.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.ok(tokens.data.length > 0, 'analysed in full still');
  });

  it('asks a client with workspace/configuration, whatever it pushed', async () => {
    const client = started();
    client.configuration = {};
    await client.initialize(undefined, true, { articleLens: { maxFileSize: 1000 } });
    const uri = client.open(path.join(folder, 'articles', 'jamil.article'), readSeed(SEEDS.lavrovJamil));
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.ok(!diagnostics.some((d: Diagnostic) => d.code === 'limited-analysis'), 'the answer to workspace/configuration wins');
  });
});
