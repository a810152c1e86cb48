/**
 * Connection wiring only: every feature lives in `lsp/<feature>.ts` over the pure core in `core/`.
 * Started by the VS Code client over IPC, or standalone with `node dist/server.js --stdio`.
 */
import * as path from 'path';
import {
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { isArticlePath } from './core/articleFiles';
import { AnalysisCancelled, createArticleService } from './core/languageService';
import { DEFAULT_SETTINGS } from './core/settings';
import { duplicateParagraphActions, CODE_ACTION_KINDS } from './lsp/codeActions';
import { computeDiagnostics, DiagnosticsScheduler } from './lsp/documentDiagnostics';
import { renderActorHover } from './lsp/hover';
import { PositionMapper } from './lsp/positions';
import { buildSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './lsp/semanticTokens';
import { SettingsCache } from './lsp/settings';
import { quoteOutlineSymbols } from './lsp/symbols';
import { scanWorkspace } from './lsp/workspaceScan';
import { ServerStatusNotification } from './protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = createArticleService();
const settings = new SettingsCache(connection);
let workspaceFolders: string[] = [];
/** Line tables per document version: building one is linear in the text, requests reuse it. */
const positionCache = new Map<string, { version: number; positions: PositionMapper }>();

function positionsOf(document: TextDocument): PositionMapper {
  const cached = positionCache.get(document.uri);
  if (cached && cached.version === document.version) return cached.positions;
  const positions = new PositionMapper(document.getText());
  positionCache.set(document.uri, { version: document.version, positions });
  return positions;
}
let canRegisterConfiguration = false;

/** Runs a request handler; cancellation and unexpected errors become LSP errors, never a crash. */
function guarded<T>(name: string, token: CancellationToken | undefined, handler: () => Promise<T> | T, fallback: T): Promise<T | ResponseError<void>> {
  return Promise.resolve()
    .then(() => (token?.isCancellationRequested ? new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Request cancelled') : handler()))
    .catch((error: unknown) => {
      if (error instanceof AnalysisCancelled) return new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    });
}

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  settings.setSupported(!!capabilities.workspace?.configuration);
  canRegisterConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Quotes' },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'article-lens', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'articleLens' });
  void indexWorkspace();
});

async function indexWorkspace(): Promise<void> {
  if (workspaceFolders.length === 0) return;
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  const workspaceSettings = await settings.get(workspaceFolders[0]);
  const count = await scanWorkspace(workspaceFolders, service, workspaceSettings, {
    begin: (total) => {
      progress?.begin('Article Lens: indexing articles', 0, `0/${total}`, false);
      void connection.sendNotification(ServerStatusNotification, { state: 'indexing', articles: 0, message: `Indexing ${total} articles` });
    },
    report: (done, total) => progress?.report(Math.round((done / Math.max(total, 1)) * 100), `${done}/${total}`),
    done: () => progress?.done(),
  }, (uri) => documents.get(uri) !== undefined);
  void connection.sendNotification(ServerStatusNotification, { state: 'ready', articles: service.workspaceSize, message: `${count} article files indexed` });
}

const diagnostics = new DiagnosticsScheduler(async (uri) => {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  try {
    const documentSettings = await settings.get(uri);
    if (documents.get(uri)?.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics: computeDiagnostics(service, document, documentSettings, positionsOf(document)) });
  } catch (error) {
    connection.console.error(`diagnostics failed for ${uri}: ${error instanceof Error ? error.message : String(error)}`);
  }
});

documents.onDidOpen((event) => diagnostics.schedule(event.document.uri, true));
documents.onDidChangeContent((event) => diagnostics.schedule(event.document.uri));
documents.onDidClose((event) => {
  diagnostics.cancel(event.document.uri);
  service.forget(event.document.uri);
  positionCache.delete(event.document.uri);
  settings.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  for (const document of documents.all()) diagnostics.schedule(document.uri, true);
  connection.languages.semanticTokens.refresh();
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  for (const change of changes) {
    if (documents.get(change.uri)) continue;
    const uri = URI.parse(change.uri);
    if (uri.scheme !== 'file') continue;
    if (change.type === FileChangeType.Deleted) {
      service.removeArticle(change.uri);
      continue;
    }
    const folder = workspaceFolders.map((f) => URI.parse(f).fsPath).find((f) => uri.fsPath.startsWith(f));
    if (!folder || !isArticlePath(path.relative(folder, uri.fsPath), DEFAULT_SETTINGS.files)) continue;
    void import('fs/promises').then((fs) => fs.readFile(uri.fsPath, 'utf8')).then((text) => service.indexArticle(change.uri, text), () => undefined);
  }
});

connection.onHover((params, token) =>
  guarded('hover', token, async () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const documentSettings = await settings.get(document.uri);
    const positions = positionsOf(document);
    const card = service.getActorCard(document, positions.offsetAt(params.position), documentSettings, token);
    return card ? renderActorHover(card, positions, (uri) => path.basename(URI.parse(uri).path)) : null;
  }, null),
);

connection.languages.semanticTokens.on((params, token) =>
  guarded('semanticTokens', token, async () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { data: [] };
    const entities = service.getEntities(document, undefined, await settings.get(document.uri), token);
    return buildSemanticTokens(entities, positionsOf(document));
  }, { data: [] }),
);

connection.languages.semanticTokens.onRange((params, token) =>
  guarded('semanticTokens/range', token, async () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { data: [] };
    const positions = positionsOf(document);
    const entities = service.getEntities(document, positions.offsetsOf(params.range), await settings.get(document.uri), token);
    return buildSemanticTokens(entities, positions);
  }, { data: [] }),
);

connection.onDocumentSymbol((params, token) =>
  guarded('documentSymbol', token, async () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const outline = service.getQuoteOutline(document, await settings.get(document.uri), token);
    return quoteOutlineSymbols(outline, positionsOf(document));
  }, []),
);

connection.onCodeAction((params, token) =>
  guarded('codeAction', token, async () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const documentSettings = await settings.get(document.uri);
    const positions = positionsOf(document);
    const requested = positions.offsetsOf(params.range);
    const duplicates = service.getDuplicateParagraphs(document, documentSettings, token);
    return duplicateParagraphActions(document.uri, document.version, requested, params.context.only, params.context.diagnostics, {
      count: duplicates.length,
      removals: (start) => service.getDuplicateRemovals(document, start, documentSettings),
      duplicatesIn: (range) => duplicates.filter((d) => d.duplicate.start <= range.end && d.duplicate.end >= range.start).map((d) => d.duplicate.start),
    }, positions);
  }, []),
);

documents.listen(connection);
connection.listen();
