import * as assert from 'assert';
import * as path from 'path';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, MarkupContent, SemanticTokens } from 'vscode-languageserver-protocol';
import { applyEdits, decodeSemanticTokens, LspTestClient } from '../helpers/lspClient';
import { readSeed, ROOT, SEEDS, seedPath } from '../helpers/seeds';

/** Protocol tests: the bundled server over stdio, on the seed articles, as any LSP editor would use it. */
describe('language server over stdio, on the seed articles', function () {
  let client: LspTestClient;
  let legend: string[];

  before(async function () {
    client = new LspTestClient();
    legend = await client.initialize(path.join(ROOT, 'seeds'));
  });

  after(async () => client.shutdown());

  function tokensOf(uri: string) {
    return client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } }).then((t) => decodeSemanticTokens(t.data, legend));
  }

  /** The words each semantic token covers, with its type. */
  async function entityWords(name: string): Promise<Map<string, string>> {
    const text = readSeed(name);
    const lines = text.split(/\r?\n/);
    const uri = client.open(seedPath(name));
    const tokens = await tokensOf(uri);
    return new Map(tokens.map((t) => [lines[t.line].slice(t.character, t.character + t.length), t.type]));
  }

  it('colours people, organisations and places in 000', async () => {
    const words = await entityWords(SEEDS.lavrovJamil);
    assert.strictEqual(words.get('Sergei Lavrov'), 'person', 'Sergei Lavrov is one person token');
    assert.strictEqual(words.get('Lavrov'), 'person');
    assert.strictEqual(words.get('Qadri Jamil'), 'person');
    assert.strictEqual(words.get('Kremlin'), 'organization');
    assert.strictEqual(words.get('Moscow'), 'location');
    assert.strictEqual(words.get('Syria'), 'location');
    assert.strictEqual(words.get('United Nations Security Council'), 'organization');
    for (const notEntity of ['He', 'The', 'MOSCOW —']) assert.ok(!words.has(notEntity), `${notEntity} is not an entity`);
  });

  it('does not colour page furniture or sentence-initial words (002, 003, 004)', async () => {
    for (const seed of [SEEDS.lavrovZannier, SEEDS.lavrovMunich, SEEDS.lavrovSteinmeier]) {
      const words = await entityWords(seed);
      for (const notEntity of ['Check Also', 'English Bulletin', 'Post a Comment', 'Post', 'Comment', 'Both', 'Meanwhile', 'He', 'The']) {
        assert.ok(!words.has(notEntity), `${notEntity} is not an entity in ${seed}`);
      }
    }
  });

  it('hover on Lavrov in 000 names Sergei Lavrov and his role', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovJamil));
    const line = readSeed(SEEDS.lavrovJamil).split('\n')[2];
    assert.ok(line.startsWith('Lavrov said'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /Sergei Lavrov/);
    assert.match(value, /Foreign Minister/);
    assert.deepStrictEqual(hover.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
  });

  it('hover on an ordinary word gives nothing', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovJamil));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 9 } });
    assert.strictEqual(hover, null);
  });

  it('warns on the nine repeated paragraphs of 000, each pointing at the first copy', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovJamil));
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.strictEqual(diagnostics.length, 9);
    diagnostics.forEach((d: Diagnostic, i) => {
      assert.strictEqual(d.code, 'duplicate-paragraph');
      assert.strictEqual(d.source, 'article-lens');
      assert.strictEqual(d.severity, 2);
      assert.strictEqual(d.range.start.line, 11 + i);
      assert.strictEqual(d.relatedInformation?.[0].location.range.start.line, 2 + i);
      assert.strictEqual(d.relatedInformation?.[0].location.uri, uri);
    });
  });

  it('warns twice in 003 (a near repeat without a space after a full stop) and never in 001, 002, 004', async () => {
    const munich = client.open(seedPath(SEEDS.lavrovMunich));
    const found = await client.waitForDiagnostics(munich);
    // Only the duplicate-paragraph warnings: 004 also gets a name-variant hint (navigation.test.ts).
    const duplicatesOf = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.filter((d) => d.code === 'duplicate-paragraph');
    assert.deepStrictEqual(duplicatesOf(found).map((d) => d.range.start.line), [3, 4]);
    for (const seed of [SEEDS.lavrovKerry, SEEDS.lavrovZannier, SEEDS.lavrovSteinmeier]) {
      const uri = client.open(seedPath(seed));
      const published = await client.waitForDiagnostics(uri);
      assert.deepStrictEqual(duplicatesOf(published), [], seed);
    }
  });

  it('quick fixes remove one repeated paragraph, or all of them, and nothing else', async () => {
    const text = readSeed(SEEDS.lavrovJamil);
    const lines = text.split('\n');
    const uri = client.open(seedPath(SEEDS.lavrovJamil));
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 9);
    // The quick fixes (the annotation actions offered on a selection are another kind).
    const actions = (await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    })).filter((a) => a.kind === 'quickfix');
    assert.deepStrictEqual(actions.map((a) => a.title), ['Remove duplicate paragraph', 'Remove all duplicate paragraphs']);
    const editsOf = (action: CodeAction) => {
      const change = action.edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: { range: never; newText: string }[] };
      assert.deepStrictEqual(change.textDocument, { uri, version: 1 }, 'edits are pinned to the version they were computed for');
      return change.edits;
    };
    const one = applyEdits(text, editsOf(actions[0]));
    assert.strictEqual(one, [...lines.slice(0, 11), ...lines.slice(12)].join('\n'));
    const all = applyEdits(text, editsOf(actions[1]));
    assert.strictEqual(all, lines.slice(0, 11).join('\n'), 'fix-all leaves lines 1–11 exactly as they were');

    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.strictEqual(fixAll.length, 1);
    assert.strictEqual(fixAll[0].kind, 'source.fixAll.articleLens');
    assert.strictEqual(applyEdits(text, editsOf(fixAll[0])), lines.slice(0, 11).join('\n'));
  });

  it('outlines the quotes of 001 under their speakers', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovKerry));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const lavrov = symbols.find((s) => /Lavrov/.test(s.name));
    const kerry = symbols.find((s) => /Kerry/.test(s.name));
    assert.ok(lavrov, `a Lavrov speaker symbol among ${symbols.map((s) => s.name).join(', ')}`);
    assert.ok(kerry, 'a Kerry speaker symbol');
    assert.ok(lavrov.children!.some((c) => c.name.startsWith('“The use of force')));
    assert.ok(kerry.children!.some((c) => c.name.startsWith('“possible steps')));
    assert.ok(kerry.children!.some((c) => c.name.startsWith('“We agreed')), 'the quote after "he said" is Kerry’s');
  });

  it('outlines the quotes of 004 under Lavrov, with the scare-free group quote apart', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovSteinmeier));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const lavrov = symbols.find((s) => /Lavrov/.test(s.name));
    assert.ok(lavrov, `a Lavrov speaker symbol among ${symbols.map((s) => s.name).join(', ')}`);
    const quotes = lavrov.children!.map((c) => c.name);
    for (const start of ['“We believe', '“We told', '“This envisages', '“It’s alarming', '“We hope']) {
      assert.ok(quotes.some((q) => q.startsWith(start)), `${start}… is attributed to Lavrov (got ${quotes.join(' | ')})`);
    }
    assert.ok(!quotes.some((q) => q.startsWith('“It can only')), 'the two sides’ statement is not Lavrov’s');
    for (const child of lavrov.children!) assert.strictEqual(child.detail, lavrov.name);
  });

  it('keeps serving after requests for unknown documents', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///nowhere.txt' }, position: { line: 0, character: 0 } });
    assert.strictEqual(hover, null);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.txt' } });
    assert.deepStrictEqual(symbols, []);
    assert.ok(!client.exited);
  });
});
