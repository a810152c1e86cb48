import * as assert from 'assert';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, LspTestClient } from '../helpers/lspClient';
import { readSeed, SEEDS } from '../helpers/seeds';

/**
 * Near repeats (damaged or updated copies) and page furniture through the bundled server: what the
 * diagnostics say, and that each fix removes exactly the paragraphs it names.
 */
describe('language server over stdio: near repeats and page furniture', function () {
  let client: LspTestClient;
  let serial = 0;

  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });

  after(async () => client.shutdown());

  const editsOf = (action: CodeAction, uri: string) => {
    const change = action.edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: { range: never; newText: string }[] };
    assert.deepStrictEqual(change.textDocument, { uri, version: 1 }, 'edits are pinned to the version they were computed for');
    return change.edits;
  };
  // The fixes of the diagnostic (annotation actions are offered on the same range too, under their own kind).
  const actionsAt = async (uri: string, diagnostic: Diagnostic, only?: string[]) =>
    (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], ...(only ? { only } : {}) } })).filter((a) => a.kind === 'quickfix' || a.kind?.startsWith('source.'));
  const fixAllOf = (uri: string) =>
    client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });

  it('names the figures that differ in an updated copy, and offers both ways out; fix-all leaves it to the user', async () => {
    // Seed 003 with its line 12 repeated later with another death toll.
    const text = readSeed(SEEDS.lavrovMunich);
    const lines = text.split('\n');
    const updated = [...lines.slice(0, 13), lines[11].replace('60,000', '70,000'), ...lines.slice(13)].join('\n');
    const uri = client.open(`/tmp/near-${serial++}.article`, updated);
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'duplicate-paragraph' && d.range.start.line === 13));
    const near = diagnostics.find((d) => d.range.start.line === 13)!;
    assert.strictEqual(near.message, 'Near repeat of line 12 — differs: "60,000" → "70,000". (figures differ: "remove all" leaves this one to you)');
    assert.strictEqual(near.relatedInformation?.[0].location.range.start.line, 11);
    const actions = await actionsAt(uri, near);
    assert.deepStrictEqual(actions.map((a) => a.title), ['Remove duplicate paragraph', 'Keep this copy instead', 'Remove all duplicate paragraphs']);
    assert.strictEqual(applyEdits(updated, editsOf(actions[0], uri)), text, 'Remove takes the updated copy and nothing else');
    const kept = applyEdits(updated, editsOf(actions[1], uri));
    assert.strictEqual(kept, [...lines.slice(0, 11), lines[12], lines[11].replace('60,000', '70,000'), ...lines.slice(13)].join('\n'), 'Keep this copy instead takes the first copy and nothing else');
    // Fix-all removes 003's two exact repeats and its comment lines, not the copy whose figures differ.
    const [fixAll] = await fixAllOf(uri);
    const fixed = applyEdits(updated, editsOf(fixAll, uri));
    assert.ok(fixed.includes('70,000') && fixed.includes('60,000'), 'both figures stay');
    assert.ok(!fixed.includes('Post a Comment'), 'page furniture goes with fix-all');
  });

  it('names the damage in a copy that lost a letter, and Remove takes that copy only', async () => {
    const text = readSeed(SEEDS.lavrovJamil).split('\n').slice(0, 11).join('\n');
    const damaged = `${text}\n${text.split('\n')[4].replace('Syria’s', 'Syra’s')}\n`;
    const uri = client.open(`/tmp/near-${serial++}.article`, damaged);
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepStrictEqual(diagnostics.map((d) => [d.range.start.line, d.message]), [[11, 'Near repeat of line 5 — differs: "Syria’s" → "Syra’s".']]);
    const actions = await actionsAt(uri, diagnostics[0]);
    assert.strictEqual(applyEdits(damaged, editsOf(actions[0], uri)), `${text}\n`);
    const [fixAll] = await fixAllOf(uri);
    assert.strictEqual(applyEdits(damaged, editsOf(fixAll, uri)), `${text}\n`, 'fix-all keeps the first copy');
  });

  it('hints at the byline and the "Check Also" teaser of 002, and removes exactly them', async () => {
    const text = readSeed(SEEDS.lavrovZannier);
    const lines = text.split('\n');
    const uri = client.open(`/tmp/furniture-${serial++}.article`, text);
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'page-furniture'));
    const furniture = diagnostics.filter((d) => d.code === 'page-furniture');
    assert.deepStrictEqual(
      furniture.map((d) => [d.range.start.line, d.range.end.line, d.severity, d.source, d.message]),
      [
        [16, 16, 4, 'article-lens', 'Page furniture: byline (author: Hazem Sabbagh), not part of the story.'],
        [18, 22, 4, 'article-lens', 'Page furniture: teaser for another article, not part of the story.'],
      ],
    );
    const teaser = await actionsAt(uri, furniture[1]);
    assert.deepStrictEqual(teaser.map((a) => a.title), ['Remove page furniture', 'Remove all page furniture']);
    assert.strictEqual(applyEdits(text, editsOf(teaser[0], uri)), lines.slice(0, 17).join('\n'), 'the teaser goes with the blank line before it, nothing else');
    assert.strictEqual(applyEdits(text, editsOf(teaser[1], uri)), lines.slice(0, 15).join('\n'), 'byline and teaser go');
    const [fixAll] = await fixAllOf(uri);
    assert.strictEqual(fixAll.title, 'Remove all duplicate paragraphs and page furniture');
    assert.strictEqual(applyEdits(text, editsOf(fixAll, uri)), lines.slice(0, 15).join('\n'));
  });

  it('follows articleLens.pageFurniture.severity, and fix-all leaves furniture alone when it is off', async () => {
    const configured = new LspTestClient();
    try {
      configured.configuration = { pageFurniture: { severity: 'off' } };
      await configured.initialize(undefined, true);
      const text = readSeed(SEEDS.lavrovKerry);
      const uri = configured.open('/tmp/furniture-off.article', text);
      const published = await configured.waitForDiagnostics(uri);
      assert.deepStrictEqual(published.diagnostics.filter((d) => d.code === 'page-furniture'), []);
      const fixAll = await configured.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.deepStrictEqual(fixAll, [], 'nothing to fix in 001 with furniture off');
    } finally {
      await configured.shutdown();
    }
  });
});
