import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { ROOT } from './seeds';

let cacheHome: string | undefined;

/** One cache folder for the servers of this test run, removed when it ends. */
function testCacheHome(): string {
  if (!cacheHome) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-test-cache-'));
    process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
    cacheHome = folder;
  }
  return cacheHome;
}

/**
 * Starts the bundled server (`dist/server.js --stdio`) as another editor would, and speaks LSP to
 * it. Diagnostics are collected per URI, and tests wait for them to change rather than sleep.
 */
export class LspTestClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void; predicate: (p: PublishDiagnosticsParams) => boolean }[] = [];
  private readonly versions = new Map<string, number>();
  stderr = '';

  /** `server`: another build's server (a benchmark's baseline); `env`: added to the server's environment. */
  constructor(server = path.join(ROOT, 'dist', 'server.js'), env: Record<string, string> = {}) {
    if (!fs.existsSync(server)) throw new Error(`${path.relative(ROOT, server)} is missing: run \`npm run build\` first`);
    // The standalone index cache goes to a folder of this test run, not the user's ~/.cache.
    this.process = spawn(process.execPath, [...(process.env.ARTICLE_LENS_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, XDG_CACHE_HOME: testCacheHome(), ...env } });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.configuration));
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      for (const r of params.registrations) this.registrations.push(r);
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', (params: { unregisterations: { method: string }[] }) => {
      this.unregistrations += params.unregisterations.length;
      return null;
    });
    this.connection.listen();
  }

  /** Capabilities the server registered (`client/registerCapability`), in order. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** How many registrations the server withdrew. */
  unregistrations = 0;

  /** What the client answers to `workspace/configuration` for `articleLens`. */
  configuration: unknown = {};

  get exited(): boolean {
    return this.process.exitCode !== null || this.process.signalCode !== null;
  }

  /** Initializes the server; resolves with the semantic-token types of its legend, in legend order. */
  async initialize(workspaceFolder?: string, withConfiguration = false, initializationOptions?: unknown): Promise<string[]> {
    const result = await this.connection.sendRequest<{ capabilities: { semanticTokensProvider: { legend: { tokenTypes: string[] } } } }>('initialize', {
      processId: process.pid,
      ...(initializationOptions !== undefined ? { initializationOptions } : {}),
      rootUri: workspaceFolder ? URI.file(workspaceFolder).toString() : null,
      workspaceFolders: workspaceFolder ? [{ uri: URI.file(workspaceFolder).toString(), name: 'ws' }] : null,
      capabilities: {
        // As VS Code says it: edits pinned to a document version (`documentChanges`) are understood.
        workspace: { configuration: withConfiguration, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
        textDocument: { semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] } },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result.capabilities.semanticTokensProvider.legend.tokenTypes;
  }

  /** Opens a document and returns its URI. */
  open(filePath: string, text = fs.readFileSync(filePath, 'utf8'), languageId = 'article'): string {
    const uri = URI.file(filePath).toString();
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the first diagnostics for `uri` that satisfy `predicate` (already received or later). */
  waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 20000): Promise<PublishDiagnosticsParams> {
    const current = this.diagnostics.get(uri);
    if (current && predicate(current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, predicate, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** Resolves when the server next says it is `ready` (the workspace scan done), with the article count it gives. */
  whenReady(): Promise<number> {
    return new Promise((resolve) => {
      const subscription = this.connection.onNotification('articleLens/status', (status: { state: string; articles: number }) => {
        if (status.state !== 'ready') return;
        subscription.dispose();
        resolve(status.articles);
      });
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async shutdown(): Promise<void> {
    if (this.exited) return;
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the kill below covers it.
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const timer = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve();
      }, 3000);
      this.process.once('exit', () => (clearTimeout(timer), resolve()));
    });
    this.connection.dispose();
  }
}

/** Decodes LSP relative semantic tokens into absolute (line, character, length, type) tuples. */
export function decodeSemanticTokens(data: readonly number[], legend: readonly string[]): { line: number; character: number; length: number; type: string }[] {
  const tokens: { line: number; character: number; length: number; type: string }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    tokens.push({ line, character, length: data[i + 2], type: legend[data[i + 3]] });
  }
  return tokens;
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    if (text[i] === '\n' || text[i] === '\r') lineStarts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }) => (p.line >= lineStarts.length ? text.length : Math.min(lineStarts[p.line] + p.character, text.length));
  const sorted = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
