import * as assert from 'assert';
import * as path from 'path';
import type { SemanticTokens } from 'vscode-languageserver-protocol';
import { DUPLICATE_PARAGRAPH_CODE } from '../../server/src/lsp/diagnostics';
import { LspTestClient } from '../helpers/lspClient';
import { readSeed, ROOT, SEEDS } from '../helpers/seeds';

/**
 * A large article opened in a fresh server (`server.ts` onDidOpen, `lsp/analysisRunner.ts`): its
 * colours come first — the full semantic tokens answer as soon as the entities are final, before its
 * first diagnostics (the repeated-paragraph search waits for them) — and they are the tokens of the
 * finished analysis. Needs `npm run build`.
 */
describe('a large article just opened (dist/server.js)', function () {
  this.timeout(120_000);
  /** About 150 KB: over the size from which diagnostics wait for the entities. */
  const large = Object.values(SEEDS).map(readSeed).join('\n\n').repeat(10);

  it('answers full semantic tokens before its first diagnostics, with the tokens of the full analysis', async () => {
    const client = new LspTestClient(undefined, { ARTICLE_LENS_TAGGING_THREADS: '0' });
    try {
      await client.initialize();
      const events: string[] = [];
      const uri = client.open(path.join(ROOT, 'cold-open-test', 'large.txt'), large);
      const diagnostics = client.waitForDiagnostics(uri, () => true, 100_000).then((p) => (events.push('diagnostics'), p));
      const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
      events.push('tokens');
      const published = await diagnostics;
      assert.deepStrictEqual(events, ['tokens', 'diagnostics']);
      assert.ok(published.diagnostics.some((d) => d.code === DUPLICATE_PARAGRAPH_CODE), 'the repeated seeds are flagged');
      // After the full analysis (the outline waits for it), the same tokens.
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      const settled = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
      assert.ok(tokens.data.length > 0);
      assert.deepStrictEqual(settled.data, tokens.data);
    } finally {
      await client.shutdown();
    }
  });
});
