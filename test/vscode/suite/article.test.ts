/**
 * The e2e checks of test/e2e/drive.ts, through the VS Code API instead of the screen: runs inside the extension
 * host of a real VS Code, with a workspace holding a copy of seeds/ and a notes.txt outside it
 * (prepared by ../runFromMocha.test.ts).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';

const FILE_000 = '000_bea65045944bb13e.txt';
const FILE_004 = '004_e992f3d333dd0b49.txt';

function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Polls `probe` until `ok` holds (language server answers arrive asynchronously). */
async function until<T>(what: string, probe: () => T | PromiseLike<T>, ok: (v: T) => boolean, timeoutMs = 20000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (ok(last)) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function open(...segments: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(doc);
}

function positionOf(doc: vscode.TextDocument, word: string, line: number): vscode.Position {
  const col = doc.lineAt(line).text.indexOf(word);
  assert.ok(col >= 0, `"${word}" on line ${line + 1}`);
  return new vscode.Position(line, col + 1);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

const duplicateWarnings = (uri: vscode.Uri): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'article-lens' && String(typeof d.code === 'object' ? d.code.value : d.code) === 'duplicate-paragraph');

describe('Article Lens in VS Code', () => {
  const original000 = fs.readFileSync(workspaceUri('seeds', FILE_000).fsPath, 'utf8');

  it('1. opens seeds/*.txt as Article and colours Lavrov as a person', async () => {
    const editor = await open('seeds', FILE_000);
    assert.strictEqual(editor.document.languageId, 'article');
    const legend = await until('semantic token legend', () =>
      vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', editor.document.uri), (l) => !!l);
    const tokens = await until('semantic tokens', () =>
      vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', editor.document.uri), (t) => !!t && t.data.length > 0);
    // decode (deltaLine, deltaStart, length, type, modifiers) and find the token at "Lavrov" on line 3
    const at = positionOf(editor.document, 'Lavrov', 2);
    let line = 0, start = 0;
    let type: string | undefined;
    for (let i = 0; i < tokens!.data.length; i += 5) {
      line += tokens!.data[i];
      start = tokens!.data[i] === 0 ? start + tokens!.data[i + 1] : tokens!.data[i + 1];
      if (line === at.line && start <= at.character && at.character < start + tokens!.data[i + 2]) type = legend!.tokenTypes[tokens!.data[i + 3]];
    }
    assert.strictEqual(type, 'person');
  });

  it('2. hover on Lavrov names Sergei Lavrov, Foreign Minister', async () => {
    const editor = await open('seeds', FILE_000);
    const hovers = await until('hover', () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider',
      editor.document.uri, positionOf(editor.document, 'Lavrov', 2)), (h) => /Sergei Lavrov/.test(hoverText(h ?? [])));
    assert.match(hoverText(hovers), /Foreign Minister/);
  });

  it('3. nine duplicate-paragraph warnings at lines 12-20, pointing at the first copy', async () => {
    const editor = await open('seeds', FILE_000);
    const diags = await until('nine warnings', () => duplicateWarnings(editor.document.uri), (d) => d.length === 9);
    diags.sort((a, b) => a.range.start.line - b.range.start.line);
    diags.forEach((d, i) => {
      const firstLine = 3 + i; // 1-based line of the first copy
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.strictEqual(d.range.start.line, 11 + i);
      assert.match(d.message, new RegExp(`\\bline ${firstLine}\\b`));
      assert.ok(d.relatedInformation?.some((r) => r.location.uri.toString() === editor.document.uri.toString() && r.location.range.start.line === firstLine - 1),
        `related information of the warning at line ${12 + i} points at line ${firstLine}`);
    });
  });

  it('4. quick fixes remove the duplicates; the saved file is the first 11 lines', async () => {
    const editor = await open('seeds', FILE_000);
    const uri = editor.document.uri;
    await until('nine warnings', () => duplicateWarnings(uri), (d) => d.length === 9);
    const actionsAt = (line: number) => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
      uri, new vscode.Range(line, 0, line, 0), vscode.CodeActionKind.QuickFix.value);
    const apply = async (action: vscode.CodeAction | undefined) => {
      assert.ok(action, 'the code action is offered');
      if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), 'edit applied');
      if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    };
    const lines = original000.split('\n');
    await apply((await actionsAt(11)).find((a) => a.title === 'Remove duplicate paragraph'));
    assert.strictEqual(editor.document.getText(), [...lines.slice(0, 11), ...lines.slice(12)].join('\n'));
    await until('eight warnings', () => duplicateWarnings(uri), (d) => d.length === 8);
    await apply((await until('"Remove all" offered', () => actionsAt(11), (a) => a.some((x) => x.title === 'Remove all duplicate paragraphs')))
      .find((a) => a.title === 'Remove all duplicate paragraphs'));
    const expected = lines.slice(0, 11).join('\n');
    assert.strictEqual(editor.document.getText(), expected);
    await until('no warnings', () => duplicateWarnings(uri), (d) => d.length === 0);
    assert.ok(await editor.document.save(), 'saved');
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), expected);
  });

  it('5. outline of 004 lists quotes under Lavrov', async () => {
    const editor = await open('seeds', FILE_004);
    const symbols = await until('document symbols', () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider',
      editor.document.uri), (s) => !!s && s.some((x) => /Serge[iy] Lavrov/.test(x.name)));
    const lavrov = symbols.find((x) => /Serge[iy] Lavrov/.test(x.name))!;
    assert.ok(lavrov.children.length > 0, 'Lavrov has quote children');
    for (const q of lavrov.children) {
      // the symbol's selection starts at the quote it names (at the opening mark or at the first word)
      const probe = q.name.replace(/^[\s“”"'‘’«»]+/, '').replace(/(…|\.\.\.)\s*$/, '').slice(0, 20);
      const at = editor.document.getText(new vscode.Range(q.selectionRange.start, q.selectionRange.start.translate(0, probe.length + 1)));
      assert.ok(at.replace(/^[“"]/, '').startsWith(probe), `quote "${q.name}" selects its own text (found "${at}")`);
    }
  });

  it('6. notes.txt outside seeds/ is plain text without article features', async () => {
    const editor = await open('notes.txt');
    assert.strictEqual(editor.document.languageId, 'plaintext');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'Lavrov', 2));
    assert.doesNotMatch(hoverText(hovers ?? []), /Foreign Minister/);
    // nothing to wait for when a feature is absent: watch for three seconds
    const end = Date.now() + 3000;
    while (Date.now() < end) {
      assert.strictEqual(duplicateWarnings(editor.document.uri).length, 0);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it('7. articleLens.files adds its files.associations entries, and removes them once the setting no longer lists them', async () => {
    const associations = () => vscode.workspace.getConfiguration('files').inspect<Record<string, string>>('associations')?.workspaceValue ?? {};
    const articleLens = vscode.workspace.getConfiguration('articleLens');
    await articleLens.update('files', ['**/drafts/*.txt', '**/wire/*.txt'], vscode.ConfigurationTarget.Workspace);
    await until('both patterns associated with article', associations, (a) => a['**/drafts/*.txt'] === 'article' && a['**/wire/*.txt'] === 'article');
    await articleLens.update('files', ['**/wire/*.txt'], vscode.ConfigurationTarget.Workspace);
    await until('drafts no longer associated', associations, (a) => !('**/drafts/*.txt' in a) && a['**/wire/*.txt'] === 'article');
    await articleLens.update('files', undefined, vscode.ConfigurationTarget.Workspace);
    await until('no association left', associations, (a) => !('**/wire/*.txt' in a));
  });

  it('8. every command the manifest declares is registered', async () => {
    const extension = vscode.extensions.all.find((e) => e.packageJSON?.name === 'article-lens');
    assert.ok(extension, 'the extension is installed');
    await extension.activate();
    const declared = (extension.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const commands = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(declared.filter((command) => !commands.has(command)), [], 'declared but not registered');
  });
});
