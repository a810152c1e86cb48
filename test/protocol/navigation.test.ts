import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Diagnostic, DocumentHighlight, Hover, InlayHint, Location, MarkupContent, SymbolInformation, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { applyEdits, LspTestClient } from '../helpers/lspClient';
import { errorOf } from '../helpers/responseError';
import { readSeed, ROOT, SEEDS, seedPath } from '../helpers/seeds';

const SEED_NAMES = Object.values(SEEDS);
const seedUri = (name: string) => URI.file(seedPath(name)).toString();

/** Resolves when the server says the workspace scan is done, so cross-article answers are complete. */
function whenIndexed(client: LspTestClient): Promise<void> {
  return new Promise((resolve) => {
    client.connection.onNotification('articleLens/status', (status: { state: string }) => {
      if (status.state === 'ready') resolve();
    });
  });
}

/** Every whole-word occurrence of `word` in `text`, as 0-based line and character. */
function occurrences(text: string, word: string): { line: number; character: number }[] {
  const found: { line: number; character: number }[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'gu'))) found.push({ line: index, character: match.index! });
  });
  return found;
}

/** Protocol tests of the actor navigation features, on the five seeds indexed as a workspace folder. */
describe('actor navigation over stdio, on the seed articles', function () {
  let client: LspTestClient;

  before(async function () {
    client = new LspTestClient();
    const indexed = whenIndexed(client);
    const result = (await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{ uri: URI.file(path.join(ROOT, 'seeds')).toString(), name: 'seeds' }],
      capabilities: { workspace: { configuration: false, workspaceEdit: { documentChanges: true } } },
    })) as { capabilities: Record<string, unknown> };
    for (const provider of ['definitionProvider', 'referencesProvider', 'documentHighlightProvider', 'renameProvider', 'workspaceSymbolProvider', 'inlayHintProvider']) {
      assert.ok(result.capabilities[provider], `${provider} is announced`);
    }
    await client.connection.sendNotification('initialized', {});
    await indexed;
  });

  after(async () => client.shutdown());

  it('goes from Lavrov in 000 to Sergei Lavrov on line 2, where he is introduced with his role', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovJamil));
    const location = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: { line: 2, character: 3 } });
    const line = readSeed(SEEDS.lavrovJamil).split('\n')[1];
    assert.strictEqual(location.uri, uri);
    assert.deepStrictEqual(location.range, { start: { line: 1, character: line.indexOf('Sergei Lavrov') }, end: { line: 1, character: line.indexOf('Sergei Lavrov') + 13 } });
  });

  it('finds every mention of Lavrov in all five seeds, with the nominal and the pronoun', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovJamil));
    const locations = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 2, character: 3 }, context: { includeDeclaration: true } });
    for (const name of SEED_NAMES) {
      const text = readSeed(name);
      const starts = locations.filter((l) => l.uri === seedUri(name)).map((l) => `${l.range.start.line}:${l.range.start.character}:${l.range.end.character}`);
      for (const at of occurrences(text, 'Lavrov')) {
        // A surname mention covers the word; a full-name mention ends where the word ends.
        assert.ok(starts.some((s) => s.startsWith(`${at.line}:`) && s.endsWith(`:${at.character + 6}`)), `Lavrov at ${name} ${at.line + 1}:${at.character + 1} is a reference`);
      }
    }
    const lines000 = readSeed(SEEDS.lavrovJamil).split('\n');
    assert.ok(locations.some((l) => l.uri === uri && lines000[l.range.start.line].slice(l.range.start.character, l.range.end.character) === 'The foreign minister'), 'the nominal in 000');
    const lines004 = readSeed(SEEDS.lavrovSteinmeier).split('\n');
    assert.ok(locations.some((l) => l.uri === seedUri(SEEDS.lavrovSteinmeier) && lines004[l.range.start.line].slice(l.range.start.character, l.range.end.character) === 'he' && lines004[l.range.start.line].includes('he affirmed')), 'the pronoun of “he affirmed” in 004');
  });

  it('highlights Lavrov’s mentions in the open document', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovJamil));
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri }, position: { line: 2, character: 3 } });
    // Lines 6 and 15: "He also called on … to expel all "terrorists and extremists"": the partial quotation is
    // Lavrov's, so its "He" is one of his mentions.
    assert.deepStrictEqual(highlights.map((h) => h.range.start.line), [1, 2, 4, 5, 6, 11, 13, 14, 15]);
  });

  it('renames Lavrov to Lavrova in every mention of every seed, full names keeping their given names', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovJamil));
    const prepared = await client.request<{ placeholder: string; range: unknown }>('textDocument/prepareRename', { textDocument: { uri }, position: { line: 2, character: 3 } });
    assert.strictEqual(prepared.placeholder, 'Lavrov');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 3 }, newName: 'Lavrova' });
    const changes = edit.documentChanges as TextDocumentEdit[];
    assert.deepStrictEqual(changes.map((c) => c.textDocument.uri).sort(), SEED_NAMES.map(seedUri).sort());
    for (const change of changes) {
      const name = SEED_NAMES.find((n) => seedUri(n) === change.textDocument.uri)!;
      assert.strictEqual(change.textDocument.version, change.textDocument.uri === uri ? 1 : null, 'open documents are pinned to their version');
      const text = readSeed(name);
      assert.strictEqual(applyEdits(text, change.edits as TextEdit[]), text.replace(/(?<!\p{L})Lavrov(?!\p{L})/gu, 'Lavrova'), name);
    }
    const renamedAll = changes.map((c) => applyEdits(readSeed(SEED_NAMES.find((n) => seedUri(n) === c.textDocument.uri)!), c.edits as TextEdit[])).join('\n');
    assert.match(renamedAll, /Sergei Lavrova/);
    assert.match(renamedAll, /Sergey Lavrova/);
    assert.match(renamedAll, /he affirmed/, 'pronouns stay');
  });

  it('renames Sergei Lavrov to Sergei as typed: full names and surnames become Sergei, never Sergei Sergei', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovJamil));
    const line = readSeed(SEEDS.lavrovJamil).split('\n')[1];
    const position = { line: 1, character: line.indexOf('Sergei Lavrov') + 8 };
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position });
    assert.strictEqual(prepared.placeholder, 'Sergei Lavrov');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: 'Sergei' });
    const changes = edit.documentChanges as TextDocumentEdit[];
    assert.ok(changes.length >= 5, 'every seed mentions him');
    const here = applyEdits(readSeed(SEEDS.lavrovJamil), changes.find((c) => c.textDocument.uri === uri)!.edits as TextEdit[]);
    assert.strictEqual(here.split('\n')[1], line.replace('Sergei Lavrov', 'Sergei'), 'the mention renamed reads as typed');
    for (const change of changes) {
      const name = SEED_NAMES.find((n) => seedUri(n) === change.textDocument.uri)!;
      const renamed = applyEdits(readSeed(name), change.edits as TextEdit[]);
      assert.doesNotMatch(renamed, /Sergei Sergei|Sergey Sergei/, name);
      assert.doesNotMatch(renamed, /(?<!\p{L})Lavrov(?!\p{L})/u, `${name}: no Lavrov left`);
    }
  });

  it('refuses an empty, blank or multi-line new name with a message, and leaves other people alone on a clash', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovKerry));
    const text = readSeed(SEEDS.lavrovKerry);
    const position = { line: 1, character: text.split('\n')[1].indexOf('Lavrov said') + 2 };
    for (const [newName, reason] of [['', /empty/], ['   ', /empty/], ['Sergei\nLavrova', /line break/], ['Lav\trova', /control character/]] as const) {
      const error = await errorOf(client.request('textDocument/rename', { textDocument: { uri }, position, newName }));
      assert.strictEqual(error.code, -32602, `InvalidParams for ${JSON.stringify(newName)}`);
      assert.match(error.message, reason);
    }
    // "Kerry" is another person of 001 (John Kerry): the rename touches Lavrov's mentions only.
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: 'Kerry' });
    const change = (edit.documentChanges as TextDocumentEdit[]).find((c) => c.textDocument.uri === uri)!;
    const lines = text.split('\n');
    for (const e of change.edits as TextEdit[]) assert.match(lines[e.range.start.line].slice(e.range.start.character, e.range.end.character), /Lavrov/);
    assert.strictEqual(applyEdits(text, change.edits as TextEdit[]).split('John Kerry').length, text.split('John Kerry').length, 'John Kerry stays');
  });

  it('refuses to rename a pronoun', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovKerry));
    const line = readSeed(SEEDS.lavrovKerry).split('\n')[10];
    const prepared = await client.request<unknown>('textDocument/prepareRename', { textDocument: { uri }, position: { line: 10, character: line.lastIndexOf(' he said') + 1 } });
    assert.strictEqual(prepared, null);
  });

  it('hints that “he said” in 001 is Kerry', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovKerry));
    const lines = readSeed(SEEDS.lavrovKerry).split('\n');
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } });
    const after = { line: 10, character: lines[10].lastIndexOf(' he said') + 3 };
    const hint = hints.find((h) => h.position.line === after.line && h.position.character === after.character);
    assert.ok(hint, `a hint after “he” in “he said” among ${JSON.stringify(hints.map((h) => [h.position, h.label]))}`);
    assert.strictEqual(hint.label, '(Kerry)');
  });

  it('hints 004’s Steimeier as a variant of Steinmeier, with fixes for either spelling', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovSteinmeier));
    const text = readSeed(SEEDS.lavrovSteinmeier);
    const lines = text.split('\n');
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'name-variant'));
    const variants = diagnostics.filter((d: Diagnostic) => d.code === 'name-variant');
    assert.strictEqual(variants.length, 1);
    const [hint] = variants;
    assert.strictEqual(hint.source, 'article-lens');
    assert.strictEqual(hint.severity, 4, 'a hint by default');
    assert.strictEqual(lines[hint.range.start.line].slice(hint.range.start.character, hint.range.end.character), 'Steimeier');
    assert.strictEqual(lines[hint.relatedInformation![0].location.range.start.line].slice(hint.relatedInformation![0].location.range.start.character, hint.relatedInformation![0].location.range.end.character), 'Steinmeier');
    // The quick fixes (the annotation actions offered on every entity are another kind).
    const actions = (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: hint.range, context: { diagnostics: [hint] } })).filter((a) => a.kind === 'quickfix');
    assert.deepStrictEqual(actions.map((a) => a.title), ["Use 'Steinmeier' throughout", "Use 'Steimeier' throughout"]);
    const editOf = (action: CodeAction) => (action.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
    assert.strictEqual(applyEdits(text, editOf(actions[0])), text.replace('Steimeier', 'Steinmeier'));
    assert.strictEqual(applyEdits(text, editOf(actions[1])), text.replace('Frank-Walter Steinmeier', 'Frank-Walter Steimeier'));
  });

  it('gives no name-variant hint where each person has one spelling (000, 001)', async () => {
    for (const seed of [SEEDS.lavrovJamil, SEEDS.lavrovKerry]) {
      const uri = client.open(seedPath(seed));
      // The hint joins once the full analysis has run: a hover forces it, then the diagnostics settle.
      await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      const { diagnostics } = await client.waitForDiagnostics(uri);
      assert.ok(!diagnostics.some((d) => d.code === 'name-variant'), seed);
    }
  });

  it('hover says why spellings in other articles are the same person', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovJamil));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
    // Markdown escapes brackets; read the text as the user sees it.
    const value = (hover.contents as MarkupContent).value.replace(/\\(.)/g, '$1');
    assert.match(value, /In other articles \(4\)/);
    assert.match(value, /as Sergey Lavrov/);
    assert.match(value, /given name 1 edit apart \(Sergei \/ Sergey\)/);
    assert.match(value, /by role/, 'the nominal mentions are counted');
  });

  it('finds actors and quotes as workspace symbols', async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'Lavrov' });
    const lavrovFiles = new Set(symbols.filter((s) => /Lavrov/.test(s.name)).map((s) => s.location.uri));
    assert.deepStrictEqual([...lavrovFiles].sort(), SEED_NAMES.map(seedUri).sort());
    const quotes = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'use of force' });
    assert.ok(quotes.some((s) => s.name.startsWith('“The use of force') && s.location.uri === seedUri(SEEDS.lavrovKerry)), JSON.stringify(quotes.map((q) => q.name)));
  });
});

describe('workspace index kept up to date over stdio', function () {
  let client: LspTestClient;
  let folder: string;

  before(async function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-watch-'));
    fs.mkdirSync(path.join(folder, 'news'));
    fs.mkdirSync(path.join(folder, 'drafts'));
    fs.writeFileSync(path.join(folder, 'news', 'a.txt'), 'Russian Foreign Minister Sergei Lavrov met reporters in Moscow.\n');
    client = new LspTestClient();
    client.configuration = { files: ['**/drafts/*.md'] };
    const indexed = whenIndexed(client);
    await client.initialize(folder, true);
    await indexed;
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const symbolFiles = async (query: string) =>
    (await client.request<SymbolInformation[]>('workspace/symbol', { query })).filter((s) => s.name === query).map((s) => path.basename(URI.parse(s.location.uri).fsPath)).sort();

  /** Waits until a workspace symbol query gives the expected files (the server reads files asynchronously). */
  async function eventually(query: string, expected: string[]): Promise<void> {
    let last: string[] = [];
    for (let attempt = 0; attempt < 200; attempt++) {
      last = await symbolFiles(query);
      if (JSON.stringify(last) === JSON.stringify(expected)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.deepStrictEqual(last, expected);
  }

  it('indexes created files, articleLens.files patterns included, re-reads changed ones and forgets deleted ones', async () => {
    await eventually('Sergei Lavrov', ['a.txt']);
    const b = path.join(folder, 'news', 'b.txt');
    const draft = path.join(folder, 'drafts', 'c.md');
    const ignored = path.join(folder, 'notes.txt');
    fs.writeFileSync(b, 'Later, Sergei Lavrov spoke again.\n');
    fs.writeFileSync(draft, 'A draft about Sergei Lavrov.\n');
    fs.writeFileSync(ignored, 'Sergei Lavrov in a file that is not an article.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [b, draft, ignored].map((f) => ({ uri: URI.file(f).toString(), type: 1 })) });
    await eventually('Sergei Lavrov', ['a.txt', 'b.txt', 'c.md']);

    fs.writeFileSync(b, 'Later, Joe Biden spoke.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(b).toString(), type: 2 }] });
    await eventually('Sergei Lavrov', ['a.txt', 'c.md']);

    fs.rmSync(draft);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(draft).toString(), type: 3 }] });
    await eventually('Sergei Lavrov', ['a.txt']);

    fs.rmSync(path.join(folder, 'news'), { recursive: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(folder, 'news')).toString(), type: 3 }] });
    await eventually('Sergei Lavrov', []);
  });

  /** The files of the Articles view (the index's own list: workspace/symbol leaves out a file it cannot read). */
  const indexedFiles = async () =>
    (await client.request<{ items: { uri: string }[] }>('articleLens/articles', { offset: 0, limit: 100 })).items.map((i) => path.relative(folder, URI.parse(i.uri).fsPath).split(path.sep).join('/')).sort();

  it('forgets the articles of a deleted folder whose name has a dot (reuters.com), as of any other', async () => {
    // Judged by its extension, `reuters.com` was taken for a file: its articles stayed in the index.
    const dotted = path.join(folder, 'news', 'reuters.com');
    fs.mkdirSync(dotted, { recursive: true });
    fs.writeFileSync(path.join(dotted, 'story.txt'), 'Sergei Lavrov spoke in Geneva.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(dotted, 'story.txt')).toString(), type: 1 }] });
    await eventually('Sergei Lavrov', ['story.txt']);
    assert.ok((await indexedFiles()).includes('news/reuters.com/story.txt'));
    fs.rmSync(dotted, { recursive: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(dotted).toString(), type: 3 }] });
    let files = await indexedFiles();
    for (let attempt = 0; attempt < 200 && files.some((f) => f.startsWith('news/reuters.com/')); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      files = await indexedFiles();
    }
    assert.deepStrictEqual(files.filter((f) => f.startsWith('news/reuters.com/')), []);
  });

  it('forgets a file that grew past the size limit (its old summary used to stay in the index)', async () => {
    const grown = path.join(folder, 'articles', 'grown.txt');
    fs.mkdirSync(path.dirname(grown), { recursive: true });
    fs.writeFileSync(grown, 'Secretary of State John Kerry arrived.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(grown).toString(), type: 1 }] });
    await eventually('John Kerry', ['grown.txt']);
    const previous = client.configuration;
    client.configuration = { ...(previous as object), maxFileSize: 1000 };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    try {
      fs.writeFileSync(grown, `Secretary of State John Kerry arrived.\n${'More news about the talks in Geneva. '.repeat(200)}\n`);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(grown).toString(), type: 2 }] });
      await eventually('John Kerry', []);
    } finally {
      client.configuration = previous;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      fs.rmSync(grown);
    }
  });

  it('applies a new articleLens.maxFileSize to the index at once: a file over the new limit leaves it, and comes back when the limit is raised', async () => {
    // Before, the limit reached the index only at the next start: a lowered limit left the large
    // article's actors in every hover and view, a raised one kept it out.
    const large = path.join(folder, 'articles', 'large.txt');
    fs.mkdirSync(path.dirname(large), { recursive: true });
    const small = path.join(folder, 'articles', 'small.txt');
    fs.writeFileSync(large, `Secretary of State John Kerry arrived.\n${'More news about the talks in Geneva. '.repeat(120)}\n`);
    fs.writeFileSync(small, 'Secretary of State John Kerry left.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [large, small].map((file) => ({ uri: URI.file(file).toString(), type: 1 })) });
    await eventually('John Kerry', ['large.txt', 'small.txt']);
    const previous = client.configuration;
    try {
      client.configuration = { ...(previous as object), maxFileSize: 1000 };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await eventually('John Kerry', ['small.txt']);
      assert.deepStrictEqual((await indexedFiles()).filter((f) => f.startsWith('articles/')), ['articles/small.txt']);
      client.configuration = previous;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await eventually('John Kerry', ['large.txt', 'small.txt']);
    } finally {
      client.configuration = previous;
      for (const file of [large, small]) fs.rmSync(file);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [large, small].map((file) => ({ uri: URI.file(file).toString(), type: 3 })) });
    }
  });

  it('follows a change of articleLens.files: new matches indexed, old ones forgotten, watchers replaced', async () => {
    const draft = path.join(folder, 'drafts', 'e.md');
    fs.mkdirSync(path.join(folder, 'extra'), { recursive: true });
    fs.writeFileSync(draft, 'A draft about Sergei Lavrov.\n');
    fs.writeFileSync(path.join(folder, 'extra', 'd.md'), 'Sergei Lavrov in an extra file.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(draft).toString(), type: 1 }] });
    await eventually('Sergei Lavrov', ['e.md']);
    // Besides the annotation store's own watcher, registered once.
    const articleWatchers = () => client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles' && !JSON.stringify(r.registerOptions).includes('.article-lens'));
    assert.deepStrictEqual(articleWatchers().map((r) => r.registerOptions), [{ watchers: [{ globPattern: '**/drafts/*.md' }] }]);

    client.configuration = { files: ['**/extra/*.md'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await eventually('Sergei Lavrov', ['d.md']);
    assert.strictEqual(client.unregistrations, 1, 'the old watcher is withdrawn');
    assert.deepStrictEqual(client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').map((r) => r.registerOptions).slice(-1), [{ watchers: [{ globPattern: '**/extra/*.md' }] }]);
  });
});

describe('workspace folders added and removed over stdio', function () {
  let client: LspTestClient;
  let first: string;
  let second: string;

  before(async function () {
    first = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-a-'));
    second = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-b-'));
    fs.mkdirSync(path.join(first, 'news'));
    fs.mkdirSync(path.join(second, 'articles'));
    fs.writeFileSync(path.join(first, 'news', 'one.txt'), 'Russian Foreign Minister Sergei Lavrov met reporters.\n');
    fs.writeFileSync(path.join(second, 'articles', 'two.txt'), 'Later, Sergei Lavrov spoke again in Moscow.\n');
    client = new LspTestClient();
    const indexed = whenIndexed(client);
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{ uri: URI.file(first).toString(), name: 'a' }],
      capabilities: { workspace: { configuration: false, workspaceFolders: true } },
    });
    await client.connection.sendNotification('initialized', {});
    await indexed;
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(first, { recursive: true, force: true });
    fs.rmSync(second, { recursive: true, force: true });
  });

  async function filesWith(query: string): Promise<string[]> {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query });
    return symbols.filter((s) => s.name === query).map((s) => path.basename(URI.parse(s.location.uri).fsPath)).sort();
  }

  it('indexes an added folder and forgets a removed one', async () => {
    assert.deepStrictEqual(await filesWith('Sergei Lavrov'), ['one.txt']);
    const indexed = whenIndexed(client);
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: URI.file(second).toString(), name: 'b' }], removed: [] } });
    await indexed;
    assert.deepStrictEqual(await filesWith('Sergei Lavrov'), ['one.txt', 'two.txt']);
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: URI.file(first).toString(), name: 'a' }] } });
    let files: string[] = [];
    for (let attempt = 0; attempt < 200 && JSON.stringify(files) !== '["two.txt"]'; attempt++) {
      files = await filesWith('Sergei Lavrov');
      if (JSON.stringify(files) !== '["two.txt"]') await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.deepStrictEqual(files, ['two.txt']);
  });
  it('never indexes a folder removed before its scan ran, nor keeps what a scan indexed there while it was being removed', async () => {
    // Scans run one at a time: the scan of a folder added and removed at once used to run anyway (or
    // ran on while the folder was removed) and left its articles in the index until a restart.
    const third = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-c-'));
    const fourth = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-d-'));
    try {
      fs.mkdirSync(path.join(third, 'news'));
      fs.mkdirSync(path.join(fourth, 'news'));
      fs.writeFileSync(path.join(third, 'news', 'three.txt'), 'Sergei Lavrov spoke in Geneva on Friday.\n');
      fs.writeFileSync(path.join(fourth, 'news', 'four.txt'), 'Sergei Lavrov spoke in Vienna on Saturday.\n');
      const folderOf = (dir: string, name: string) => ({ uri: URI.file(dir).toString(), name });
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folderOf(third, 'c')], removed: [] } });
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folderOf(third, 'c')] } });
      const indexed = whenIndexed(client);
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folderOf(fourth, 'd')], removed: [] } });
      await indexed;
      let files: string[] = [];
      for (let attempt = 0; attempt < 40 && !files.includes('four.txt'); attempt++) {
        files = await filesWith('Sergei Lavrov');
        if (!files.includes('four.txt')) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      assert.deepStrictEqual(files, ['four.txt', 'two.txt']);
    } finally {
      fs.rmSync(third, { recursive: true, force: true });
      fs.rmSync(fourth, { recursive: true, force: true });
    }
  });
});

describe('a closed article saved with a byte-order mark (dist/server.js)', function () {
  // Editors leave a UTF-8 byte-order mark out of the document; the server read closed files with it,
  // so every offset on their first line was one character ahead: a rename edited `SSergei Lavrovahas`.
  let client: LspTestClient;
  let folder: string;
  const closedText = readSeed(SEEDS.lavrovMunich);
  let closedUri: string;

  before(async function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-bom-'));
    fs.mkdirSync(path.join(folder, 'news'));
    fs.writeFileSync(path.join(folder, 'news', 'open.txt'), readSeed(SEEDS.lavrovKerry));
    fs.writeFileSync(path.join(folder, 'news', 'closed.txt'), `\uFEFF${closedText}`);
    closedUri = URI.file(path.join(folder, 'news', 'closed.txt')).toString();
    client = new LspTestClient();
    const indexed = whenIndexed(client);
    await client.initialize(folder, true);
    await indexed;
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('renames in it at the right places, and references point at the name', async () => {
    const openPath = path.join(folder, 'news', 'open.txt');
    const uri = client.open(openPath);
    const text = readSeed(SEEDS.lavrovKerry);
    const position = { line: 1, character: text.split('\n')[1].indexOf('Lavrov said') + 2 };
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: 'Lavrova' });
    const closed = (edit.documentChanges as TextDocumentEdit[]).find((c) => c.textDocument.uri === closedUri);
    assert.ok(closed, 'the closed article is renamed too');
    assert.strictEqual(applyEdits(closedText, closed.edits as TextEdit[]), closedText.replace(/(?<!\p{L})Lavrov(?!\p{L})/gu, 'Lavrova'));
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    const lines = closedText.split('\n');
    const inClosed = references.filter((r) => r.uri === closedUri);
    assert.ok(inClosed.some((r) => r.range.start.line === 0), 'a mention on the first line');
    for (const r of inClosed) {
      // Whole words (a name, a pronoun), not one character off.
      const line = lines[r.range.start.line];
      const found = line.slice(r.range.start.character, r.range.end.character);
      assert.match(found, /^\p{L}(.*\p{L})?$/u, `${found} on line ${r.range.start.line}`);
      assert.doesNotMatch(line.charAt(r.range.start.character - 1) + line.charAt(r.range.end.character), /\p{L}/u, `${found} on line ${r.range.start.line}`);
    }
    assert.ok(inClosed.some((r) => lines[r.range.start.line].slice(r.range.start.character, r.range.end.character) === 'Sergei Lavrov'));
  });
});
