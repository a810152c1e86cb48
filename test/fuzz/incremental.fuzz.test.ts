import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import type { CodeAction, Diagnostic, DocumentSymbol, SemanticTokens, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { PositionMapper } from '../../server/src/lsp/positions';
import { LspTestClient } from '../helpers/lspClient';
import { countCases, counts, documentWithRepeats, fcParams, HOSTILE_PIECES, hostileDocument, REAL_PARAGRAPHS, scaledRuns } from './corpus';
import { checkRange, checkSemanticTokens, checkSymbols } from './invariants';

/**
 * Random edit sequences through incremental `didChange` against `dist/server.js --stdio`: after every
 * sequence, what the server says about the edited document (semantic tokens, diagnostics, document
 * symbols, the fix-all edit) equals what it says about a freshly opened document with the same text.
 */

/** Line starts as an LSP client computes them (`\n`, `\r\n`, a lone `\r`), written apart from the server's. */
function clientPosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n' && i + 1 < offset) continue;
    if (c === '\n' || c === '\r') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** An offset a client can name: not between the CR and LF of a CRLF (it has no position there). */
function nameable(text: string, offset: number): number {
  return text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
}

interface Edit {
  readonly at: number;
  readonly length: number;
  readonly insert: string;
  readonly batch: boolean;
  readonly probe: boolean;
}

const insertion: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '', ' ', '\n', '\r\n', '\r', '"', '“', '”', 'Lavrov', ' said Lavrov.', '😀', 'e\u0301', '\uFEFF'),
  fc.constantFrom(...HOSTILE_PIECES),
  fc.constantFrom(...REAL_PARAGRAPHS).map((p) => `\n${p}\n`),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.oneof(fc.constant(0), fc.nat({ max: 8 }), fc.nat({ max: 400 })),
  insert: insertion,
  batch: fc.boolean(),
  probe: fc.boolean(),
});

const sequence = fc.record({
  initial: fc.oneof(documentWithRepeats, hostileDocument.map((t) => t.slice(0, 4000))),
  edits: fc.array(edit, { minLength: 1, maxLength: 14 }),
  replaceAll: fc.option(documentWithRepeats, { freq: 8 }),
});

describe('fuzz: incremental edits against dist/server.js --stdio', function () {
  this.timeout(0);
  let client: LspTestClient;
  let legend: string[];
  let serial = 0;

  before(async () => {
    client = new LspTestClient();
    legend = await client.initialize();
  });

  after(async () => client.shutdown());

  /**
   * Resolves once the server has settled `version` of `uri`: it publishes diagnostics at once (from
   * the cheap paragraph layer) and again after its background full analysis, which also replaces
   * provisional semantic tokens. Call right after the change or open, before any answer can arrive.
   */
  function settled(uri: string, version: number): Promise<unknown> {
    let seen = 0;
    return client.waitForDiagnostics(uri, (p) => p.version === version && ++seen === 2, 10_000);
  }

  /** Fails, with what the server printed, when it does not answer within `ms`: a hang is a bug too. */
  function within<T>(promise: Promise<T>, what: string, ms = 20_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms (server ${client.exited ? 'exited' : 'running'}; stderr: ${client.stderr.slice(-2000)})`)), ms);
      promise.then((v) => (clearTimeout(timer), resolve(v)), (e: unknown) => (clearTimeout(timer), reject(e)));
    });
  }

  /** Everything the server says about one document version, with the URI and version taken out. */
  async function stateOf(uri: string, version: number, text: string, ready: Promise<unknown>) {
    await within(ready, `settling version ${version}`);
    const [tokens, symbols, fixAll, published] = await within(Promise.all([
      client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } }),
      client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }),
      client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      }),
      client.waitForDiagnostics(uri, (p) => p.version === version),
    ]), `requests on version ${version}`);
    const positions = new PositionMapper(text);
    checkSemanticTokens(text, positions, tokens.data, legend.length);
    checkSymbols(text, positions, symbols);
    for (const d of published.diagnostics) checkRange(text, positions, d.range, 'diagnostic');
    const normalise = (value: unknown) => JSON.parse(JSON.stringify(value).split(JSON.stringify(uri).slice(1, -1)).join('URI').replace(/"version":\d+/g, '"version":0'));
    return {
      tokens: tokens.data,
      symbols,
      diagnostics: normalise(published.diagnostics) as Diagnostic[],
      fixAll: normalise(fixAll) as CodeAction[],
    };
  }

  const runs = scaledRuns(20, 5, 300);
  it(`${runs} random edit sequences leave the server where a fresh open of the final text is`, async () => {
    await fc.assert(
      fc.asyncProperty(sequence, async ({ initial, edits, replaceAll }) => {
        const started = Date.now();
        const debug = (what: string) => process.env.ARTICLE_LENS_FUZZ_DEBUG && console.error(`        #${serial} ${what} after ${Date.now() - started} ms`);
        if (process.env.ARTICLE_LENS_FUZZ_DEBUG) fs.writeFileSync(path.join(os.tmpdir(), `article-lens-fuzz-case-${serial}.json`), JSON.stringify({ initial, edits, replaceAll }));
        countCases('protocol: incremental edit sequences');
        counts.edits += edits.length;
        const uri = client.open(`/fuzz/incremental-${serial++}.article`, initial);
        let text = initial;
        let version = 1;
        let pending: TextDocumentContentChangeEvent[] = [];
        let ready: Promise<unknown> = Promise.resolve();
        const flush = () => {
          if (pending.length > 0) {
            version = client.change(uri, pending);
            ready = settled(uri, version);
            ready.catch(() => undefined); // only the last version's wait matters
          }
          pending = [];
        };
        for (const [i, e] of edits.entries()) {
          const start = nameable(text, Math.floor(e.at * text.length));
          const end = nameable(text, Math.min(text.length, start + e.length));
          const change = { range: { start: clientPosition(text, start), end: clientPosition(text, end) }, text: e.insert };
          text = text.slice(0, start) + e.insert + text.slice(end);
          pending.push(change);
          if (!e.batch || i === edits.length - 1) flush();
          // Requests in the middle of a sequence exercise whatever the server caches per version.
          // Tokens served while typing may be provisional, but are always well-formed for the text.
          if (e.probe && pending.length === 0) {
            const provisional = await within(client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } }), 'provisional tokens');
            checkSemanticTokens(text, new PositionMapper(text), provisional.data, legend.length);
          }
          if (i === edits.length >> 1 && replaceAll !== null) {
            flush();
            text = replaceAll;
            version = client.change(uri, [{ text }]);
            ready = settled(uri, version);
            ready.catch(() => undefined);
          }
        }
        flush();
        debug(`${edits.length} edits sent, ${text.length} characters`);
        const edited = await stateOf(uri, version, text, ready);
        debug('edited state');
        const fresh = client.open(`/fuzz/fresh-${serial++}.article`, text);
        const expected = await stateOf(fresh, 1, text, settled(fresh, 1));
        debug('fresh state');
        client.close(uri);
        client.close(fresh);
        try {
          assert.deepStrictEqual(edited, expected, 'the edited document and a fresh open of its text agree');
        } catch (error) {
          counts.lostCharacters++;
          throw error;
        }
      }),
      fcParams(runs),
    );
    assert.ok(!client.exited, 'the server is still running');
  });
});
