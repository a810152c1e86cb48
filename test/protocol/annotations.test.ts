import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type CodeAction, type Diagnostic, type DocumentSymbol, type Hover, type MarkupContent, type Range, type SemanticTokens } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import type { AnnotationExportResult, AnnotationListItem } from '../../server/src/protocol';
import { AnnotationFiles } from '../../server/src/annotationStore/annotationFiles';
import { labelAt } from '../core/annotations/helpers';
import { LspTestClient } from '../helpers/lspClient';
import { errorOf } from '../helpers/responseError';
import { decodeTokens as decode, rangeOf, type Token } from '../helpers/protocolText';
import { readSeed, SEEDS } from '../helpers/seeds';

/**
 * The annotation layer over the protocol, against `dist/server.js --stdio` with a real workspace folder
 * on disk: `workspace/executeCommand` adds, lists, removes, exports and imports annotations; tokens,
 * hover and the outline follow; typing shifts annotations; a file changed on disk while closed is
 * re-anchored on opening; a corrupted store file is reported and left untouched; offsets of the W3C
 * store and brat count code points while LSP counts UTF-16 units.
 */

const ADD = 'articleLens.annotation.add';
const LIST = 'articleLens.annotation.list';
const REMOVE = 'articleLens.annotation.remove';
const EXPORT = 'articleLens.annotation.export';
const IMPORT = 'articleLens.annotation.import';

describe('annotations over the protocol', function () {
  let client: LspTestClient;
  let folder: string;
  const seed = readSeed(SEEDS.lavrovKerry);
  const article = (name: string) => path.join(folder, 'news', name);
  const storeFile = (name: string) => path.join(folder, '.article-lens', 'annotations', 'news', `${name}.json`);
  const uriOf = (name: string) => URI.file(article(name)).toString();
  const run = <R>(command: string, argument: unknown) => client.request<R>('workspace/executeCommand', { command, arguments: [argument] });
  const tokens = async (uri: string) => decode((await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } })).data);

  before(async function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-annotations-'));
    fs.mkdirSync(path.join(folder, 'news'));
    client = new LspTestClient();
    // Corrections would teach the tagger, and one test's rejections change the next test's suggestions:
    // learning is tested in learning.test.ts, the annotation layer here against the shipped model.
    client.configuration = { annotation: { author: 'Test Reviewer', labels: ['claim'] }, learning: { enabled: false } };
    await client.initialize(folder, true);
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('announces the five commands', async () => {
    // The client was initialised in `before`; a second look at the capabilities through a fresh server.
    const other = new LspTestClient();
    try {
      const result = await other.request<{ capabilities: { executeCommandProvider: { commands: string[] } } }>('initialize', { processId: null, rootUri: null, capabilities: {} });
      for (const command of [ADD, LIST, REMOVE, EXPORT, IMPORT]) assert.ok(result.capabilities.executeCommandProvider.commands.includes(command), command);
    } finally {
      await other.shutdown();
    }
  });

  it('labels a word through executeCommand: the token, the hover and the store file follow', async () => {
    fs.writeFileSync(article('label.txt'), seed);
    const uri = client.open(article('label.txt'), seed);
    // “counterpart” is no entity for the machine: labelled a person, it is coloured and gets a card.
    const range = rangeOf(seed, 'counterpart');
    assert.ok(!(await tokens(uri)).some((t) => t.line === range.start.line && t.character === range.start.character), 'not a token before');
    assert.strictEqual(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: range.start }), null);
    const { id } = await run<{ id: string }>(ADD, { uri, range, label: 'person' });
    assert.match(id, /^urn:uuid:/);
    const token = (await tokens(uri)).find((t) => t.line === range.start.line && t.character === range.start.character);
    assert.deepStrictEqual(token, { ...range.start, length: 'counterpart'.length, type: 'person', modifiers: ['confirmed'] });
    const machine = (await tokens(uri)).find((t) => t.type === 'person' && t.modifiers.includes('suggested'));
    assert.ok(machine, 'machine entities are marked suggested');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: range.start });
    assert.ok(hover && (hover.contents as MarkupContent).value.includes('counterpart'), 'the labelled word has an actor card');
    const stored = JSON.parse(fs.readFileSync(storeFile('label.txt'), 'utf8'));
    assert.strictEqual(stored.type, 'AnnotationCollection');
    const item = stored.first.items[0];
    assert.strictEqual(item.id, id);
    assert.strictEqual(item.creator.name ?? item.creator, 'Test Reviewer');
    const list = await run<AnnotationListItem[]>(LIST, { uri });
    assert.deepStrictEqual(list.map((a) => [a.id, a.text, a.label, a.status, a.range]), [[id, 'counterpart', 'person', 'anchored', range]]);
  });

  it('stores a label typed as brat or CoNLL name an entity label (PER, Location) as that entity label: an export read back gives the same', async () => {
    fs.writeFileSync(article('per.txt'), seed);
    const uri = client.open(article('per.txt'), seed);
    await run(ADD, { uri, range: rangeOf(seed, 'counterpart'), label: 'PER' });
    await run(ADD, { uri, range: rangeOf(seed, 'Moscow'), label: 'Location' });
    const list = await run<AnnotationListItem[]>(LIST, { uri });
    assert.deepStrictEqual(list.map((a) => [a.text, a.label]).sort(), [['Moscow', 'location'], ['counterpart', 'person']]);
  });

  it('two windows on one folder labelling one article at the same moment keep both labels (the last write used to win, silently)', async () => {
    const other = new LspTestClient();
    other.configuration = client.configuration;
    try {
      await other.initialize(folder, true);
      const runIn = <R>(c: LspTestClient, command: string, argument: unknown) => c.request<R>('workspace/executeCommand', { command, arguments: [argument] });
      const text = 'Alice met Bob in Paris on Monday.\n';
      for (let round = 0; round < 5; round++) {
        const name = `race${round}.txt`;
        fs.writeFileSync(article(name), text);
        const uri = client.open(article(name), text);
        other.open(article(name), text);
        await Promise.all([runIn(client, ADD, { uri, range: rangeOf(text, 'Alice'), label: 'person' }), runIn(other, ADD, { uri, range: rangeOf(text, 'Bob'), label: 'person' })]);
        // Each window hears of the other's write, as the file watcher tells it.
        for (const c of [client, other]) await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(storeFile(name)).toString(), type: 2 }] });
        let stored: string[] = [];
        for (let attempt = 0; attempt < 100; attempt++) {
          stored = (JSON.parse(fs.readFileSync(storeFile(name), 'utf8')).first.items as { target: { selector: { exact?: string }[] } }[]).map((item) => item.target.selector.find((x) => x.exact)!.exact!).sort();
          if (stored.length === 2) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        assert.deepStrictEqual(stored, ['Alice', 'Bob'], `round ${round}: the store holds both labels`);
        for (const c of [client, other]) {
          let listed: string[] = [];
          for (let attempt = 0; attempt < 100 && listed.length < 2; attempt++) {
            listed = (await runIn<AnnotationListItem[]>(c, LIST, { uri })).map((a) => a.text).sort();
            if (listed.length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
          }
          assert.deepStrictEqual(listed, ['Alice', 'Bob'], `round ${round}: each window lists both`);
        }
      }
    } finally {
      await other.shutdown();
    }
  });

  it('a store written by another window keeps this window\'s orphan an orphan (read again, it moved to the other copy of a repeated paragraph)', async () => {
    const other = new LspTestClient();
    other.configuration = client.configuration;
    try {
      await other.initialize(folder, true);
      const repeated = readSeed(SEEDS.lavrovJamil);
      fs.writeFileSync(article('repeated.txt'), repeated);
      const uri = client.open(article('repeated.txt'), repeated);
      const lines = repeated.split('\n');
      const line = lines.findIndex((l) => l.startsWith('Lavrov said that the more'));
      assert.ok(line >= 0 && lines.filter((l) => l === lines[line]).length > 1, 'seed 000 repeats this paragraph');
      await run(ADD, { uri, range: { start: { line, character: 0 }, end: { line, character: 'Lavrov'.length } }, label: 'person' });
      client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 'Lavrov'.length } }, text: 'He' }]);
      const orphaned = await run<AnnotationListItem[]>(LIST, { uri });
      assert.deepStrictEqual(orphaned.map((a) => [a.text, a.status]), [['Lavrov', 'orphaned']]);
      // The other window labels another word; this one hears of the store change.
      const otherUri = other.open(article('repeated.txt'), repeated);
      await other.request('workspace/executeCommand', { command: ADD, arguments: [{ uri: otherUri, range: rangeOf(repeated, 'Jamil'), label: 'person' }] });
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(storeFile('repeated.txt')).toString(), type: 2 }] });
      let listed: AnnotationListItem[] = [];
      for (let attempt = 0; attempt < 100 && listed.length < 2; attempt++) {
        listed = await run<AnnotationListItem[]>(LIST, { uri });
        if (listed.length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.deepStrictEqual(listed.map((a) => [a.text, a.status]).sort(), [['Jamil', 'anchored'], ['Lavrov', 'orphaned']]);
    } finally {
      await other.shutdown();
    }
  });

  it('attributes a quote to another speaker: the outline follows', async () => {
    fs.writeFileSync(article('outline.txt'), seed);
    const uri = client.open(article('outline.txt'), seed);
    const before = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const lavrovBefore = before.find((s) => /Lavrov/.test(s.name))!;
    assert.ok(lavrovBefore.children!.some((c) => c.name.startsWith('“The use of force')));
    const quote = rangeOf(seed, 'The use of force');
    await run(ADD, { uri, range: { start: quote.start, end: quote.start }, speaker: { uri, range: rangeOf(seed, 'John Kerry') } });
    const after = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const kerry = after.find((s) => /Kerry/.test(s.name))!;
    assert.ok(kerry.children!.some((c) => c.name.startsWith('“The use of force')), `the quote is Kerry’s now (${after.map((s) => s.name).join(', ')})`);
    assert.ok(!after.find((s) => /Lavrov/.test(s.name))?.children?.some((c) => c.name.startsWith('“The use of force')));
  });

  it('shifts annotations through typing, orphans a deleted one with a diagnostic, and brings it back on undo', async () => {
    fs.writeFileSync(article('typing.txt'), seed);
    const uri = client.open(article('typing.txt'), seed);
    const range = rangeOf(seed, 'John Kerry');
    const { id } = await run<{ id: string }>(ADD, { uri, range, label: 'organization' });
    client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'BREAKING: 🎉\n' }]);
    const [moved] = await run<AnnotationListItem[]>(LIST, { uri });
    assert.deepStrictEqual(moved.range, { start: { line: range.start.line + 1, character: range.start.character }, end: { line: range.end.line + 1, character: range.end.character } });
    assert.strictEqual(moved.text, 'John Kerry');
    // Typing inside the span keeps the label on the edited name.
    client.change(uri, [{ range: { start: moved.range.start, end: { line: moved.range.start.line, character: moved.range.start.character + 4 } }, text: 'Johnny' }]);
    assert.strictEqual((await run<AnnotationListItem[]>(LIST, { uri }))[0].text, 'Johnny Kerry');
    // Deleting the whole name orphans it: kept, listed, and shown with its quote.
    const deleted = { start: moved.range.start, end: { line: moved.range.start.line, character: moved.range.start.character + 'Johnny Kerry'.length } };
    client.change(uri, [{ range: deleted, text: '' }]);
    const [orphan] = await run<AnnotationListItem[]>(LIST, { uri });
    assert.deepStrictEqual([orphan.id, orphan.status, orphan.text], [id, 'orphaned', 'Johnny Kerry']);
    const diagnostics = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'annotation-orphaned'));
    const diagnostic = diagnostics.diagnostics.find((d) => d.code === 'annotation-orphaned')!;
    assert.match(diagnostic.message as string, /Johnny Kerry/);
    // Undo: the text comes back, and so does the annotation.
    client.change(uri, [{ range: { start: deleted.start, end: deleted.start }, text: 'Johnny Kerry' }]);
    const [back] = await run<AnnotationListItem[]>(LIST, { uri });
    assert.deepStrictEqual([back.status, back.range], ['anchored', deleted]);
  });

  it('keeps a name deleted in a repeated paragraph orphaned rather than moving it to the other copy, and brings it back on undo', async () => {
    // Seed 000 repeats its opening paragraphs further down: the deleted "Lavrov" has the same words and
    // context in the copy, which only the edit itself tells apart (regression: the label jumped there).
    const copies = readSeed(SEEDS.lavrovJamil);
    fs.writeFileSync(article('copies.txt'), copies);
    const uri = client.open(article('copies.txt'), copies);
    const range = rangeOf(copies, 'Lavrov said that the more than');
    const name = { start: range.start, end: { line: range.start.line, character: range.start.character + 'Lavrov'.length } };
    const { id } = await run<{ id: string }>(ADD, { uri, range: name, label: 'person' });
    client.change(uri, [{ range: name, text: '' }]);
    const [orphan] = await run<AnnotationListItem[]>(LIST, { uri });
    assert.deepStrictEqual([orphan.id, orphan.status, orphan.text], [id, 'orphaned', 'Lavrov']);
    // Typing elsewhere does not move it either.
    client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    assert.strictEqual((await run<AnnotationListItem[]>(LIST, { uri }))[0].status, 'orphaned');
    client.change(uri, [{ range: { start: name.start, end: name.start }, text: 'Lavrov' }]);
    const [back] = await run<AnnotationListItem[]>(LIST, { uri });
    assert.deepStrictEqual([back.status, back.range], ['anchored', name]);
  });

  it('re-anchors after the article changed on disk while closed, and keeps what it cannot place as orphaned', async () => {
    fs.writeFileSync(article('disk.txt'), seed);
    let uri = client.open(article('disk.txt'), seed);
    await run(ADD, { uri, range: rangeOf(seed, 'Sataffan de Mistura'), label: 'person' });
    await run(ADD, { uri, range: rangeOf(seed, 'consultative meeting'), note: 'Which meeting?' });
    client.close(uri);
    const changed = 'A new first paragraph, written in another editor.\n\n' + seed.replace('consultative meeting', 'gathering');
    fs.writeFileSync(article('disk.txt'), changed);
    uri = client.open(article('disk.txt'), changed);
    const list = await run<AnnotationListItem[]>(LIST, { uri });
    const mistura = list.find((a) => a.label === 'person')!;
    assert.deepStrictEqual([mistura.status, mistura.range], ['anchored', rangeOf(changed, 'Sataffan de Mistura')]);
    const note = list.find((a) => a.note === 'Which meeting?')!;
    assert.strictEqual(note.status, 'orphaned', 'the note’s words are gone: kept as orphaned');
    const diagnostics = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'annotation-orphaned'));
    assert.ok(diagnostics.diagnostics.some((d: Diagnostic) => (d.message as string).includes('consultative meeting')));
  });

  it('moves the store file with a renamed article, and reads a store file changed on disk again', async () => {
    fs.writeFileSync(article('old-name.txt'), seed);
    let uri = client.open(article('old-name.txt'), seed);
    await run(ADD, { uri, range: rangeOf(seed, 'John Kerry'), label: 'person' });
    client.close(uri);
    fs.mkdirSync(path.join(folder, 'news', 'moved'), { recursive: true });
    fs.renameSync(article('old-name.txt'), article('moved/new-name.txt'));
    await client.connection.sendNotification('workspace/didRenameFiles', { files: [{ oldUri: uri, newUri: uriOf('moved/new-name.txt') }] });
    const moved = storeFile('moved/new-name.txt');
    for (let i = 0; i < 100 && !fs.existsSync(moved); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(fs.existsSync(moved) && !fs.existsSync(storeFile('old-name.txt')), 'the store file moved with the article');
    uri = client.open(article('moved/new-name.txt'), seed);
    assert.deepStrictEqual((await run<AnnotationListItem[]>(LIST, { uri })).map((a) => [a.text, a.label]), [['John Kerry', 'person']]);
    // Someone else empties the store (a git checkout): the open article follows.
    const stored = JSON.parse(fs.readFileSync(moved, 'utf8'));
    stored.first.items = [];
    fs.writeFileSync(moved, JSON.stringify(stored));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(moved).toString(), type: 2 }] });
    let list = await run<AnnotationListItem[]>(LIST, { uri });
    for (let i = 0; i < 100 && list.length > 0; i++) list = await run<AnnotationListItem[]>(LIST, { uri });
    assert.deepStrictEqual(list, []);
  });

  it('moves the store file with an article renamed outside the editor (a deletion and a creation), and reports once a store that fits no article', async () => {
    const shown: string[] = [];
    client.connection.onNotification('window/showMessage', (message: { message: string }) => void shown.push(message.message));
    // A store that fits no article is a warning with answers (Open Store File, Don't Warn Again): dismissed here.
    const answers: string[][] = [];
    client.connection.onRequest('window/showMessageRequest', (request: { message: string; actions?: Array<{ title: string }> }) => {
      shown.push(request.message);
      answers.push((request.actions ?? []).map((action) => action.title));
      return null;
    });
    const waitFor = async (condition: () => boolean): Promise<void> => {
      for (let i = 0; i < 250 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    fs.writeFileSync(article('outside.txt'), seed);
    let uri = client.open(article('outside.txt'), seed);
    await run(ADD, { uri, range: rangeOf(seed, 'John Kerry'), label: 'person' });
    await run(ADD, { uri, range: rangeOf(seed, 'Sergei Lavrov'), label: 'person' });
    client.close(uri);
    // `mv outside.txt renamed-outside.txt`: the watcher reports a deletion and a creation.
    fs.renameSync(article('outside.txt'), article('renamed-outside.txt'));
    const events = [{ uri, type: 3 }, { uri: uriOf('renamed-outside.txt'), type: 1 }];
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: events });
    await waitFor(() => fs.existsSync(storeFile('renamed-outside.txt')));
    assert.ok(fs.existsSync(storeFile('renamed-outside.txt')) && !fs.existsSync(storeFile('outside.txt')), 'the store file followed the article');
    await waitFor(() => shown.some((m) => m.includes('now belong to news/renamed-outside.txt')));
    assert.ok(shown.some((m) => m.includes('news/outside.txt') && m.includes('now belong to news/renamed-outside.txt')), shown.join('\n'));
    uri = client.open(article('renamed-outside.txt'), seed);
    assert.deepStrictEqual((await run<AnnotationListItem[]>(LIST, { uri })).map((a) => a.text).sort(), ['John Kerry', 'Sergei Lavrov']);
    client.close(uri);
    // Deleted for good (or renamed to a text that changed past recognition): kept, reported once, naming the file.
    fs.rmSync(article('renamed-outside.txt'));
    for (let i = 0; i < 2; i++) {
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
      await waitFor(() => shown.some((m) => m.includes('renamed-outside.txt.json')));
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
    assert.ok(fs.existsSync(storeFile('renamed-outside.txt')), 'never deleted');
    const reports = shown.filter((m) => m.includes('news/renamed-outside.txt.json'));
    assert.strictEqual(reports.length, 1, shown.join('\n'));
    assert.match(reports[0], /Re-attach Annotations/);
    assert.deepStrictEqual(answers, [['Open Store File', "Don't Warn Again"]]);
    // The person re-attaches it to an article that holds another version of the text.
    const rewritten = seed.replace(/\n/g, '\n\n');
    fs.writeFileSync(article('rewritten.txt'), rewritten);
    const target = client.open(article('rewritten.txt'), rewritten);
    const listed = await run<{ strays: Array<{ article: string }> }>('articleLens.annotation.reattach', { uri: target });
    assert.deepStrictEqual(listed.strays.map((s) => s.article), ['news/renamed-outside.txt']);
    await run('articleLens.annotation.reattach', { uri: target, from: 'news/renamed-outside.txt' });
    assert.ok(fs.existsSync(storeFile('rewritten.txt')) && !fs.existsSync(storeFile('renamed-outside.txt')));
    assert.deepStrictEqual((await run<AnnotationListItem[]>(LIST, { uri: target })).map((a) => a.text).sort(), ['John Kerry', 'Sergei Lavrov']);
    client.close(target);
  });

  it('moves the store file of an article renamed while the server was not running, at the workspace scan', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-renamed-'));
    const second = new LspTestClient();
    try {
      fs.mkdirSync(path.join(other, 'news'));
      fs.writeFileSync(path.join(other, 'news', 'a.txt'), seed);
      fs.writeFileSync(path.join(other, 'news', 'unrelated.txt'), readSeed(SEEDS.lavrovJamil));
      const files = new AnnotationFiles(other);
      await files.load('news/a.txt', seed);
      const kerry = seed.indexOf('John Kerry');
      assert.deepStrictEqual(await files.save('news/a.txt', seed, { reviewState: 'in-progress', annotations: [labelAt(seed, kerry, kerry + 'John Kerry'.length)] }), { ok: true });
      fs.renameSync(path.join(other, 'news', 'a.txt'), path.join(other, 'news', 'b.txt'));
      await second.initialize(other, true);
      const moved = path.join(other, '.article-lens', 'annotations', 'news', 'b.txt.json');
      // The scan's workers start and analyse first: under load (12 on 2 cores) that took more than 10 s, on main too.
      for (let i = 0; i < 3000 && !fs.existsSync(moved); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(fs.existsSync(moved), 'the store file followed the article');
    } finally {
      await second.shutdown();
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('reports a corrupted store file, never overwrites it, and keeps the other features working', async () => {
    fs.writeFileSync(article('broken.txt'), seed);
    fs.mkdirSync(path.dirname(storeFile('broken.txt')), { recursive: true });
    const corrupted = '{ "type": "AnnotationCollection", "first": { "items": [ oops';
    fs.writeFileSync(storeFile('broken.txt'), corrupted);
    const uri = client.open(article('broken.txt'), seed);
    const diagnostics = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'annotation-store'));
    assert.match(diagnostics.diagnostics.find((d) => d.code === 'annotation-store')!.message as string, /broken\.txt\.json.*not valid JSON/);
    const error = await errorOf(run(ADD, { uri, range: rangeOf(seed, 'Lavrov'), label: 'person' }));
    assert.match(error.message, /could not be read/);
    assert.strictEqual(fs.readFileSync(storeFile('broken.txt'), 'utf8'), corrupted, 'the file is untouched');
    assert.ok((await tokens(uri)).some((t) => t.type === 'person'), 'entities are still coloured');
  });

  it('answers bad arguments with a clear error and keeps serving', async () => {
    fs.writeFileSync(article('bad.txt'), seed);
    const uri = client.open(article('bad.txt'), seed);
    const range = rangeOf(seed, 'Lavrov');
    const cases: Array<[unknown, RegExp]> = [
      [undefined, /takes one argument/],
      [{ uri, range }, /exactly one of/],
      [{ uri, range, label: 'two words' }, /not a label/],
      [{ uri, range: { start: 1 }, label: 'person' }, /LSP range/],
      [{ uri: 'file:///nowhere.txt', range, label: 'person' }, /not open/],
      [{ uri, range, reject: 'sometimes' }, /"reject" must be/],
    ];
    for (const [argument, message] of cases) {
      const error = await errorOf(client.request('workspace/executeCommand', { command: ADD, arguments: argument === undefined ? [] : [argument] }));
      assert.strictEqual(error.code, -32602);
      assert.match(error.message, message);
    }
    assert.match((await errorOf(run(REMOVE, { uri, id: 'urn:uuid:none' }))).message, /no annotation/);
    assert.match((await errorOf(run(EXPORT, { uris: [uri], format: 'pdf' }))).message, /"format" must be one of/);
    assert.deepStrictEqual(await run(LIST, { uri }), []);
  });

  it('refuses an export out folder given as a relative path (it was written under the server process\'s working folder, wherever that was)', async () => {
    fs.writeFileSync(article('relative.txt'), seed);
    const uri = client.open(article('relative.txt'), seed);
    const relative = `article-lens-relative-out-${process.pid}`;
    try {
      const error = await errorOf(run(EXPORT, { uris: [uri], format: 'conll', out: relative }));
      assert.strictEqual(error.code, -32602);
      assert.match(error.message, /"out" must be an absolute path or a file URI/);
      assert.ok(!fs.existsSync(path.resolve(relative)), 'nothing written beside the test run');
    } finally {
      fs.rmSync(path.resolve(relative), { recursive: true, force: true });
    }
    const out = path.join(folder, 'export-here');
    await run(EXPORT, { uris: [uri], format: 'conll', out: URI.file(out).toString() });
    assert.ok(fs.existsSync(path.join(out, 'annotations.conll')), 'a file URI is taken');
    await run(EXPORT, { uris: [uri], format: 'doccano', out });
    assert.ok(fs.existsSync(path.join(out, 'annotations.jsonl')), 'an absolute path is taken');
  });

  it('rejects a machine entity here, then everywhere, and removes an annotation', async () => {
    fs.writeFileSync(article('reject.txt'), seed);
    const uri = client.open(article('reject.txt'), seed);
    const first = rangeOf(seed, 'Lavrov');
    const isLavrov = (t: Token) => seed.split('\n')[t.line].slice(t.character, t.character + t.length).endsWith('Lavrov');
    const count = async () => (await tokens(uri)).filter(isLavrov).length;
    const all = await count();
    assert.ok(all >= 3);
    const { id } = await run<{ id: string }>(ADD, { uri, range: { start: rangeOf(seed, 'Lavrov', 1).start, end: rangeOf(seed, 'Lavrov', 1).start }, reject: true });
    assert.strictEqual(await count(), all - 1);
    await run(ADD, { uri, range: { start: first.start, end: first.start }, reject: 'everywhere' });
    assert.ok((await count()) < all - 1, 'every “Sergei Lavrov” is gone');
    await run(REMOVE, { uri, id });
    assert.ok(!(await run<AnnotationListItem[]>(LIST, { uri })).some((a) => a.id === id));
  });

  it('offers the annotation actions on a selection and on a machine entity', async () => {
    fs.writeFileSync(article('actions.txt'), seed);
    const uri = client.open(article('actions.txt'), seed);
    const actionsAt = (range: Range) => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    const selection = await actionsAt(rangeOf(seed, 'bloody tail'));
    const titles = selection.map((a) => a.title);
    for (const label of ['Person', 'Organization', 'Location', 'Misc', 'claim']) assert.ok(titles.includes(`Label ‘bloody tail’ as ${label}`), `${label} in ${titles.join(' | ')}`);
    assert.ok(selection.every((a) => a.kind === 'refactor.annotate' && a.command?.command === ADD));
    const lavrov = rangeOf(seed, 'Lavrov', 1);
    const onEntity = (await actionsAt({ start: lavrov.start, end: lavrov.start })).map((a) => a.title);
    assert.ok(onEntity.includes('Accept ‘Lavrov’ as Person'), onEntity.join(' | '));
    assert.ok(onEntity.includes('Not an entity: ‘Lavrov’'), onEntity.join(' | '));
    assert.ok(onEntity.includes('Not an entity anywhere in this article: ‘Lavrov’'));
    // An action runs as it is offered.
    const accept = (await actionsAt({ start: lavrov.start, end: lavrov.start })).find((a) => a.title.startsWith('Accept'))!;
    await client.request('workspace/executeCommand', accept.command);
    const token = (await tokens(uri)).find((t) => t.line === lavrov.start.line && t.character === lavrov.start.character)!;
    assert.deepStrictEqual(token.modifiers, ['confirmed']);
  });

  it('a full-text didChange that normalises a labelled name to NFC keeps the whole name labelled (it was cut to `Jos`)', async () => {
    const text = 'MADRID — Spanish Foreign Minister Jose\u0301 Garci\u0301a met John Kerry in Madrid.\r\n\r\nKerry said the talks were useful.\r\n';
    fs.writeFileSync(article('full-sync.txt'), text);
    const uri = client.open(article('full-sync.txt'), text);
    await run(ADD, { uri, range: rangeOf(text, 'Jose\u0301 Garci\u0301a'), label: 'person' });
    const after = text.normalize('NFC').replace(/\r\n/g, '\n');
    client.change(uri, [{ text: after }]);
    const [label] = await run<AnnotationListItem[]>(LIST, { uri });
    assert.deepStrictEqual([label.status, label.text], ['anchored', 'José García']);
    assert.deepStrictEqual(label.range, rangeOf(after, 'José García'));
  });

  it('refuses a label range that starts or ends inside an emoji (half a character was stored, and exported)', async () => {
    const text = 'Kerry met 👍Sergei Lavrov in Geneva.\n';
    fs.writeFileSync(article('surrogate.txt'), text);
    const uri = client.open(article('surrogate.txt'), text);
    const whole = rangeOf(text, '👍Sergei Lavrov');
    const inside = { start: { ...whole.start, character: whole.start.character + 1 }, end: whole.end };
    assert.match((await errorOf(run(ADD, { uri, range: inside, label: 'claim' }))).message, /starts inside a character .*UTF-16 offset 11/);
    const endInside = { start: rangeOf(text, 'met').start, end: { ...whole.start, character: whole.start.character + 1 } };
    assert.match((await errorOf(run(ADD, { uri, range: endInside, label: 'claim' }))).message, /ends inside a character/);
    assert.deepStrictEqual(await run(LIST, { uri }), []);
    await run(ADD, { uri, range: whole, label: 'claim' });
    assert.deepStrictEqual((await run<AnnotationListItem[]>(LIST, { uri })).map((a) => a.text), ['👍Sergei Lavrov']);
  });

  it('says what an export left out (a CoNLL entity inside a token was tagged on the whole token, and nothing said)', async () => {
    const text = 'The Obama-Putin summit opened in Geneva on Monday.\n';
    fs.writeFileSync(article('left-out.txt'), text);
    const uri = client.open(article('left-out.txt'), text);
    await run(ADD, { uri, range: rangeOf(text, 'Obama'), label: 'person' });
    await run(ADD, { uri, range: rangeOf(text, 'Geneva'), label: 'location' });
    const [conll] = await run<AnnotationExportResult[]>(EXPORT, { uris: [uri], format: 'conll' });
    assert.match(conll.text, /^Obama-Putin -X- -X- O$/m);
    assert.match(conll.text, /^Geneva -X- -X- B-LOC$/m);
    assert.deepStrictEqual(conll.leftOut, ['1 × entity starting or ending inside a token (CoNLL tags whole tokens)']);
    const [brat] = await run<AnnotationExportResult[]>(EXPORT, { uris: [uri], format: 'brat' });
    assert.deepStrictEqual(brat.leftOut, []);
  });

  it('exports to brat and imports it back into a fresh copy: the same annotations, offsets in code points', async () => {
    const text = '🎉🎉 Party time in 𝔊eneva.\nSergei Lavrov met John Kerry in Geneva on Monday.\n';
    fs.writeFileSync(article('emoji.txt'), text);
    const uri = client.open(article('emoji.txt'), text);
    await run(ADD, { uri, range: rangeOf(text, 'John Kerry'), label: 'person' });
    await run(ADD, { uri, range: rangeOf(text, 'Geneva', 0), label: 'location' });
    await run(ADD, { uri, range: rangeOf(text, 'Monday'), note: 'Which Monday?' });
    // The W3C store counts code points: the two emoji are one character each there, two UTF-16 units here.
    const stored = JSON.parse(fs.readFileSync(storeFile('emoji.txt'), 'utf8'));
    const kerry = stored.first.items.find((i: { body: { value?: string } }) => JSON.stringify(i).includes('John Kerry'));
    const position = kerry.target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
    assert.strictEqual(position.start, [...text.slice(0, text.indexOf('John Kerry'))].length);
    const [brat] = await run<Array<{ uri: string; text: string }>>(EXPORT, { uris: [uri], format: 'brat' });
    assert.strictEqual(brat.uri, uri);
    const kerryLine = brat.text.split('\n').find((l) => l.endsWith('\tJohn Kerry'))!;
    const codePointStart = [...text.slice(0, text.indexOf('John Kerry'))].length;
    assert.match(kerryLine, new RegExp(`^T\\d+\\tPerson ${codePointStart} ${codePointStart + 10}\\tJohn Kerry$`));
    assert.ok(brat.text.includes('AnnotatorNotes') && brat.text.includes('Which Monday?'));
    // Into a fresh copy: the same places and bodies come back; a second import adds nothing.
    fs.writeFileSync(article('emoji-copy.txt'), text);
    const copy = client.open(article('emoji-copy.txt'), text);
    assert.deepStrictEqual(await run(IMPORT, { uri: copy, format: 'brat', text: brat.text }), { imported: 3, problems: [] });
    assert.deepStrictEqual((await run(IMPORT, { uri: copy, format: 'brat', text: brat.text }) as { imported: number }).imported, 0);
    const shape = (items: AnnotationListItem[]) => items.map((a) => [a.range, a.text, a.label, a.note]);
    assert.deepStrictEqual(shape(await run<AnnotationListItem[]>(LIST, { uri: copy })), shape(await run<AnnotationListItem[]>(LIST, { uri })));
    // The other formats, and a folder written with `out`.
    const out = path.join(folder, 'export');
    const [conll] = await run<Array<{ text: string }>>(EXPORT, { uris: [uri], format: 'conll', out });
    assert.match(conll.text, /^-DOCSTART-/);
    assert.match(conll.text, /John -X- -X- B-PER\nKerry -X- -X- I-PER/);
    assert.ok(fs.existsSync(path.join(out, 'annotations.conll')));
    const [doccano] = await run<Array<{ text: string }>>(EXPORT, { uris: [uri], format: 'doccano', includeSuggestions: true });
    assert.ok(JSON.parse(doccano.text).label.some(([s, , l]: [number, number, string]) => l === 'PER' && s === codePointStart));
  });
});
