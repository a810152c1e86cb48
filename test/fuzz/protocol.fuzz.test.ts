import * as assert from 'assert';
import fc from 'fast-check';
import type { CodeAction, DocumentSymbol, Hover, PublishDiagnosticsParams, SemanticTokens } from 'vscode-languageserver-protocol';
import { PositionMapper } from '../../server/src/lsp/positions';
import { LspTestClient } from '../helpers/lspClient';
import { countCases, extremeDocuments, fcParams, hostileDocument, scaledRuns } from './corpus';
import { checkRange, checkSemanticTokens, checkSymbols, codePointBoundary } from './invariants';

/**
 * The hostile documents through the protocol: `dist/server.js --stdio` answers every request on
 * them with well-formed results (ranges inside the document, tokens sorted and within their lines)
 * and is still running afterwards. Fewer cases than the core tests: each costs a round trip.
 */
describe('fuzz: hostile documents through dist/server.js --stdio', function () {
  this.timeout(0);
  let client: LspTestClient;
  let legend: string[];
  let serial = 0;

  before(async () => {
    client = new LspTestClient();
    legend = await client.initialize();
  });

  after(async () => client.shutdown());

  async function checkThroughServer(text: string, probes: readonly number[]): Promise<void> {
    const uri = client.open(`/fuzz/protocol-${serial++}.article`, text);
    const positions = new PositionMapper(text);
    const published: PublishDiagnosticsParams = await client.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
    for (const d of published.diagnostics) checkRange(text, positions, d.range, `diagnostic ${String(d.code)}`);
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    checkSemanticTokens(text, positions, tokens.data, legend.length);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    checkSymbols(text, positions, symbols);
    for (const probe of probes) {
      const position = positions.positionAt(codePointBoundary(text, Math.floor(probe * text.length)));
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      if (hover?.range) checkRange(text, positions, hover.range, 'hover');
      const range = { start: positions.positionAt(0), end: position };
      const inRange = await client.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range });
      checkSemanticTokens(text, positions, inRange.data, legend.length);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: published.diagnostics } });
      for (const action of actions) {
        for (const change of (action.edit?.documentChanges ?? []) as { edits?: { range: never }[] }[]) {
          for (const edit of change.edits ?? []) checkRange(text, positions, edit.range, `edit of ${action.title}`);
        }
      }
    }
    client.close(uri);
    assert.ok(!client.exited, 'the server is still running');
  }

  const runs = scaledRuns(60, 10, 3000);
  it(`${runs} random hostile documents: every answer well-formed`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileDocument, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }), async (text, probes) => {
        countCases('protocol: hostile documents');
        await checkThroughServer(text, probes);
      }),
      fcParams(runs),
    );
  });

  it('the extreme documents: every answer well-formed, none hangs', async () => {
    for (const { name, text } of extremeDocuments()) {
      countCases('protocol: extreme documents');
      const started = Date.now();
      try {
        await checkThroughServer(text, [0, 0.5, 1]);
      } catch (error) {
        throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      assert.ok(Date.now() - started < 60_000, `${name}: answered in ${Date.now() - started} ms`);
    }
  });
});
