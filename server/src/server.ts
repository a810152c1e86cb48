/**
 * Connection wiring only: every feature lives in `lsp/<feature>.ts` over the pure core in `core/`.
 * Started by the VS Code client over IPC, or standalone with `node dist/server.js --stdio`.
 */
import { promises as fsPromises } from 'fs';
import * as path from 'path';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  type InitializeError,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  CancellationToken,
  type Disposable,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DataFileError } from './core/dataSource';
import { AnalysisCancelled, createArticleService, type ArticleService } from './core/languageService';
import { DEFAULT_SETTINGS, type ArticleSettings, type FeatureSwitchName } from './core/settings';
import { dataFolder, diskDataSource, loadDefaultResources } from './diskData';
import { ServiceStartup } from './serviceStartup';
import { TaggingPool, taggingThreads } from './tagging/taggingPool';
import { parseIndexCacheOptions, type IndexCacheOptions } from './indexCache/initializationOptions';
import { summaryCaches } from './indexCache/summaryCache';
import { AnalysisRunner, DocumentChanged } from './lsp/analysisRunner';
import { paragraphCodeActions, CODE_ACTION_KINDS } from './lsp/codeActions';
import { forClient } from './lsp/edits';
import { computeDiagnostics, DiagnosticsScheduler } from './lsp/documentDiagnostics';
import { renderActorHover, renderAuthorHover } from './lsp/hover';
import { WARM_UP_ARTICLE, warmUp } from './lsp/warmUp';
import { withTightHeap } from './lsp/heapGrowth';
import { buildSemanticTokens, SEMANTIC_TOKENS_LEGEND, SemanticTokensResults } from './lsp/semanticTokens';
import { SettingsCache } from './lsp/settings';
import { quoteOutlineSymbols } from './lsp/symbols';
import { scanWorkspace } from './lsp/workspaceScan';
import { ArticleTexts } from './lsp/articleTexts';
import { OpenDocuments } from './lsp/openDocuments';
import { definitionLocation } from './lsp/definition';
import { actorHighlights } from './lsp/documentHighlight';
import { speakerInlayHints } from './lsp/inlayHints';
import { nameVariantActions } from './lsp/nameVariants';
import { referenceLocations } from './lsp/references';
import { prepareRenameResult, refuseUnusableNewName, renameWorkspaceEdit } from './lsp/rename';
import { extraArticleWatchers, WatchedArticles } from './lsp/watchedFiles';
import { WORKSPACE_SYMBOL_LIMIT, workspaceSymbols } from './lsp/workspaceSymbols';
import {
  ActorArticlesRequest,
  ActorAtRequest,
  ActorMapRequest,
  ActorMentionsRequest,
  ActorRequest,
  ActorsRequest,
  AnnotatedArticlesRequest,
  AnnotationGroupsRequest,
  AnnotationsRequest,
  ANNOTATION_COMMANDS,
  AnnotationsChangedNotification,
  ArticleActorsRequest,
  ArticlesRequest,
  LocateRequest,
  QuoteSpeakersRequest,
  ServerStatusNotification,
  SpeakerQuotesRequest,
  UnreviewedEntityRequest,
  WorkspaceChangedNotification,
} from './protocol';
import { mentionItems } from './lsp/actorMentions';
import { locate } from './lsp/locate';
import { ViewRefresh } from './lsp/viewRefresh';
import { loadClosedArticleInput } from './annotationStore/storeRoot';
import { ANNOTATION_FOLDER } from './core/annotations/storeLayout';
import { annotationActions, ANNOTATE_KIND } from './lsp/annotationActions';
import { FirstColours } from './lsp/firstColours';
import { AnnotationLayer } from './lsp/annotations';
import { QuietStrays } from './annotationStore/quietStrays';
import { reattachAnnotationsCommand, StrayStores } from './lsp/strayStores';
import { addAnnotationCommand, CommandError, listAnnotationsCommand, removeAnnotationCommand, updateNoteCommand } from './lsp/annotationCommands';
import { annotationDiagnostics } from './lsp/annotationDiagnostics';
import { exportAnnotationsCommand, importAnnotationsCommand, type ExchangeHost } from './lsp/annotationExchange';
import { articleActorItems, unreviewedEntity } from './lsp/annotationRequests';
import { PositionMapper } from './lsp/positions';
// Review, learning from corrections and curation (issue 13).
import { REVIEW_COMMANDS, ReviewSummaryNotification, ReviewSummaryRequest } from './protocol';
import { CorrectionLearning } from './lsp/learning';
import { Curation } from './lsp/curation';
import { acceptAllCommand, reviewSummary, ReviewNotices, setReviewStateCommand } from './lsp/review';
import { articleTextOf } from './core/articleText';

const connection = createConnection(ProposedFeatures.all);
// A promise nobody awaited that fails (a client that answers a request of ours with an error, say) is
// logged: Node would otherwise end the process, and every open article with it.
process.on('unhandledRejection', (reason) => connection.console.error(`Article Lens: unexpected failure: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

/**
 * Open documents. Before a change is applied, the annotation layer sees it with the text it applies to:
 * annotations shift exactly through each content change (`lsp/annotations.ts`).
 */
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update: (document, changes, version) => {
    annotations.willChange(document.uri, document.getText(), changes, positionsOf(document));
    return TextDocument.update(document, changes, version);
  },
});

/**
 * Worker threads that tag a large article's sentences during its first full analysis, so that it uses
 * every core (`tagging/`): started with `initialize`, each loads the model and warms up meanwhile.
 */
const tagging = new TaggingPool({ script: path.join(__dirname, 'taggingWorker.js'), threads: taggingThreads(), log: (message) => connection.console.log(message) });
/**
 * The data files, loaded once, right after the answer to `initialize` (`serviceStartup.ts`): a
 * message that comes earlier waits for them. A missing or stale file is a broken installation: the
 * server shows it to the user and every request answers with it, instead of failing mid-request.
 */
const startup = new ServiceStartup(() => createArticleService(loadDefaultResources(), { tagging }));
const service = startup.service;
/** Everything kept per open document, released in one call when it closes. */
const open = new OpenDocuments();
const settings = open.register(new SettingsCache(connection));
const analyses = open.register(new AnalysisRunner(service, (uri) => documents.get(uri)?.version));
let workspaceFolders: string[] = [];
/** Where the workspace index persists (`indexCache/`), from the client's `initializationOptions`. */
let indexCacheOptions: IndexCacheOptions = { enabled: true };

function positionsOf(document: TextDocument) {
  return open.positionsOf(document);
}
let canRegisterConfiguration = false;
let supportsDocumentChanges = false;
let supportsFolderChanges = false;
let canRegisterWatchers = false;
let canRefreshSemanticTokens = false;
let canRefreshInlayHints = false;
/** The client opens a document when asked (`window.showDocument`). */
let canShowDocument = false;
/** The client has the annotation prompts (quick picks, input boxes): the code actions may name them. */
let clientHasAnnotationPrompts = false;

/**
 * Asks the client to re-fetch semantic tokens, only when it said it can: a client without
 * `refreshSupport` answers MethodNotFound, and that rejection, unhandled, used to end the server.
 */
function refreshSemanticTokens(): void {
  if (canRefreshSemanticTokens) connection.languages.semanticTokens.refresh().catch(() => undefined);
}

/** Texts and line tables for cross-article requests: open documents first, then the disk. */
function articleTexts(): ArticleTexts {
  return new ArticleTexts((uri) => {
    const document = documents.get(uri);
    return document && positionsOf(document);
  });
}

/** The first workspace folder's settings: workspace-wide features (the scan, the views, workspace symbols) follow them. */
function folderSettings(): Promise<ArticleSettings> {
  return workspaceFolders.length > 0 ? settings.get(workspaceFolders[0]) : Promise.resolve(DEFAULT_SETTINGS);
}

/** Runs a request handler; cancellation and unexpected errors become LSP errors, never a crash. */
function guarded<T>(name: string, token: CancellationToken | undefined, handler: () => Promise<T> | T, fallback: T): Promise<T | ResponseError<void>> {
  // A request and its answer both mean the editor is in use: background work waits for a quiet moment.
  analyses.noteDemand();
  return Promise.resolve()
    .then(() => (token?.isCancellationRequested ? new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Request cancelled') : handler()))
    .catch((error: unknown) => {
      // Asked of a version the document no longer has: LSP's ContentModified, which clients drop quietly.
      if (error instanceof DocumentChanged) return new ResponseError<void>(LSPErrorCodes.ContentModified, 'The document changed: ask again for its new version');
      if (error instanceof AnalysisCancelled) return new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
      // A mistake in a command's arguments is the caller's to fix: said plainly, not logged as a failure.
      if (error instanceof CommandError) return new ResponseError<void>(ErrorCodes.InvalidParams, error.message);
      // A broken installation (a data file missing or stale): the user was told once, at start-up.
      if (error instanceof DataFileError) return new ResponseError<void>(ErrorCodes.InternalError, error.message);
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    })
    .finally(() => analyses.noteDemand());
}

/**
 * {@link guarded} for a request of ours (`protocol.ts`): parameters that are not an object (null, a
 * string) are the caller's mistake, answered as such; they were read as if they were one, and the
 * TypeError logged as a failure of the server.
 */
function guardedRequest<T>(name: string, params: unknown, token: CancellationToken | undefined, handler: () => Promise<T> | T, fallback: T): Promise<T | ResponseError<void>> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return Promise.resolve(new ResponseError<void>(ErrorCodes.InvalidParams, `articleLens/${name}: its parameters must be an object`));
  return guarded(name, token, handler, fallback);
}

connection.onInitialize((params): InitializeResult => {
  tagging.start();
  const capabilities = params.capabilities;
  settings.setSupported(!!capabilities.workspace?.configuration);
  settings.push(params.initializationOptions);
  canShowDocument = !!capabilities.window?.showDocument?.support;
  canRegisterConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
  supportsDocumentChanges = !!capabilities.workspace?.workspaceEdit?.documentChanges;
  supportsFolderChanges = !!capabilities.workspace?.workspaceFolders;
  canRegisterWatchers = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  canRefreshSemanticTokens = !!capabilities.workspace?.semanticTokens?.refreshSupport;
  canRefreshInlayHints = !!capabilities.workspace?.inlayHint?.refreshSupport;
  clientHasAnnotationPrompts = (params.initializationOptions as { annotationPrompts?: unknown } | undefined)?.annotationPrompts === true;
  indexCacheOptions = parseIndexCacheOptions(params.initializationOptions);
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Quotes' },
      codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS, ANNOTATE_KIND], resolveProvider: false },
      executeCommandProvider: { commands: [...Object.values(ANNOTATION_COMMANDS), ...Object.values(REVIEW_COMMANDS)] },
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: true },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      workspaceSymbolProvider: true,
      inlayHintProvider: true,
      workspace: {
        workspaceFolders: { supported: true, changeNotifications: true },
        // Renames in the editor move the articles' store files with them.
        fileOperations: { didRename: { filters: [{ scheme: 'file', pattern: { glob: '**/*' } }] } },
      },
    },
    serverInfo: { name: 'article-lens', version: '0.1.0' },
  };
});

/**
 * A message for the person, as a notification: `window/showErrorMessage` is a request, and a client that
 * does not answer it (or answers with an error) would leave a rejected promise that ends the server.
 */
function tellUser(type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(() => undefined);
}

connection.onInitialized(() => {
  const dataError = startup.load();
  if (dataError) {
    connection.console.error(dataError.message);
    tellUser(MessageType.Error, `Article Lens cannot analyse articles: ${dataError.message}`);
    return;
  }
  // The first scan's articles known to the index cache are in the index (or the scan ended without them).
  let cachedIn!: () => void;
  const cachedArticles = new Promise<void>((resolve) => (cachedIn = resolve));
  // A server with a workspace lives long and is hovered across articles: its thread is warmed in quiet
  // moments, once the index cache has been read into the index. Before that it took 70–240 ms of
  // the thread from reopening 10,000 articles (issue 17), whose cross-article hovers wait for the
  // whole cache, while the warm-up serves hovers after edits, which come later.
  if (workspaceFolders.length > 0) {
    void cachedArticles
      .then(() => warmUp(service, analyses, diskDataSource().readText(WARM_UP_ARTICLE)))
      .catch((error: unknown) => connection.console.error(`warm-up: ${error instanceof Error ? error.message : String(error)}`));
  }
  if (canRegisterConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: 'articleLens' }).catch(() => undefined);
  if (supportsFolderChanges) {
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
      for (const folder of removed) {
        service.removeArticlesUnder(folder.uri);
        indexedWith.delete(folder.uri);
      }
      workspaceFolders = [...workspaceFolders.filter((f) => !removed.some((r) => r.uri === f)), ...added.map((f) => f.uri)];
      if (added.length > 0) void indexWorkspace(added.map((f) => f.uri));
    });
  }
  void indexWorkspace(workspaceFolders, () => false, cachedIn).finally(cachedIn);
  void watchExtraArticleFiles();
  void learning.load();
  // Store files changed outside the server (git, another window) are read again.
  if (canRegisterWatchers) connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${ANNOTATION_FOLDER}/**` }] }).catch(() => undefined);
});

/**
 * What each workspace folder was last indexed with, recorded when its scan ends: which files
 * (`indexedFilesKey`: `files`, `index.exclude`, `workspaceIndex.enabled`) and `maxFileSize`. A folder
 * not here was never scanned to the end (its first scan is queued, or failed): a settings change
 * leaves it to that scan.
 */
const indexedWith = new Map<string, { readonly files: string; readonly maxFileSize: number }>();
let extraWatchers: Promise<Disposable | undefined> = Promise.resolve(undefined);

/** Files matched by `articleLens.files` only: asks the client to report their changes too (again, when the patterns change). */
async function watchExtraArticleFiles(): Promise<void> {
  if (!canRegisterWatchers || workspaceFolders.length === 0) return;
  const watchers = extraArticleWatchers(await settings.get(workspaceFolders[0]));
  const previous = extraWatchers;
  extraWatchers = (async () => {
    (await previous)?.dispose();
    return watchers.length > 0 ? connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }) : undefined;
  })().catch(() => undefined);
  await extraWatchers;
}

/**
 * A settings change that alters `articleLens.files` (or the index's exclusions, or turns the index
 * on or off) changes which files the index covers: files no longer covered leave the index, newly
 * covered ones are scanned in, and the watchers follow. A new `articleLens.maxFileSize` changes what
 * the index holds of the largest files (a file over the limit is not indexed, one under it is) and the
 * index cache's key: every file of the folder is read again, in the background, as at a first start.
 * Per folder (both settings may be set per folder), in the scan queue, so it compares with what the
 * scans that ran applied, not with one still waiting.
 */
function followIndexSettings(): Promise<void> {
  return queueScan(async () => {
    const changed: { folder: string; files: boolean; limit: boolean }[] = [];
    for (const folder of workspaceFolders) {
      const was = indexedWith.get(folder);
      if (!was) continue;
      const now = await settings.get(folder);
      const files = indexedFilesKey(now) !== was.files;
      const limit = now.maxFileSize !== was.maxFileSize;
      if (files || limit) changed.push({ folder, files, limit });
    }
    if (changed.length === 0) return;
    if (changed.some((c) => c.files)) {
      await watchedArticles.forgetFilesNoLongerArticles();
      await watchExtraArticleFiles();
    }
    const indexed = new Set(service.indexedArticles());
    for (const { folder, limit } of changed) await scanNow([folder], limit ? () => false : (uri) => indexed.has(uri));
  });
}

/**
 * Scans run one at a time, in the order asked. Two at once (a settings change or an added folder
 * during the first scan of a large workspace) raced over the same articles: the older scan's
 * summaries, read under the settings before, could land after the newer one's.
 */
let scans: Promise<void> = Promise.resolve();
function queueScan(run: () => Promise<void>): Promise<void> {
  const next = scans.then(run);
  scans = next.catch(() => undefined);
  return next;
}

/**
 * Indexes the articles under `folders`, except open documents and those `skip` names; `cachedIn` is
 * called once the articles the index cache vouches for are in the index (not at all without a scan).
 * Queued behind a scan that is running.
 */
function indexWorkspace(folders: readonly string[] = workspaceFolders, skip: (uri: string) => boolean = () => false, cachedIn?: () => void): Promise<void> {
  return queueScan(() => scanNow(folders, skip, cachedIn));
}

/** {@link indexWorkspace} now: only from the scan queue. */
async function scanNow(asked: readonly string[], skip: (uri: string) => boolean, cachedIn?: () => void): Promise<void> {
  // A folder removed while its scan waited in the queue is not scanned (its articles would stay).
  const folders = asked.filter((folder) => workspaceFolders.includes(folder));
  if (folders.length === 0) return;
  // (vscode-languageserver asks only a client that said it shows progress, `window.workDoneProgress`.)
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  const workspaceSettings = await settings.get(folders[0]);
  const applied = { files: indexedFilesKey(workspaceSettings), maxFileSize: workspaceSettings.maxFileSize };
  if (!workspaceSettings.workspaceIndex.enabled) {
    for (const folder of folders) indexedWith.set(folder, applied);
    void connection.sendNotification(ServerStatusNotification, { state: 'ready', articles: service.workspaceSize, message: 'Workspace index off: open articles only (articleLens.workspaceIndex.enabled)' });
    return;
  }
  const cacheOf = indexCacheOptions.enabled
    ? summaryCaches({ storagePath: indexCacheOptions.storagePath, dataFolder: dataFolder(), settings: workspaceSettings, summarize: (uri, text) => service.summarizeArticle(uri, text, workspaceSettings), pool: service.summaryCompactor(), log: (message) => connection.console.log(message) })
    : undefined;
  const scan = await withTightHeap(() => scanWorkspace(folders, service, workspaceSettings, {
    begin: (total) => {
      progress?.begin('Article Lens: indexing articles', 0, `0/${total}`, false);
      void connection.sendNotification(ServerStatusNotification, { state: 'indexing', articles: 0, message: `Indexing ${total} articles` });
    },
    report: (done, total) => {
      progress?.report(Math.round((done / Math.max(total, 1)) * 100), `${done}/${total}`);
      void connection.sendNotification(ServerStatusNotification, { state: 'indexing', articles: service.workspaceSize, message: `Indexing articles: ${done}/${total}` });
    },
    done: () => progress?.done(),
  }, (uri) => documents.get(uri) !== undefined || skip(uri), { workerScript: path.join(__dirname, 'indexWorker.js'), annotationInput: closedArticleInput, cacheOf, cachedIn, log: (message) => connection.console.log(message), pace: () => analyses.quiet() }));
  for (const folder of folders) {
    if (workspaceFolders.includes(folder)) indexedWith.set(folder, applied);
    // Removed while this scan ran: what it indexed there leaves again.
    else service.removeArticlesUnder(folder);
  }
  // Articles renamed or moved while the server was not running left their store files under the old names.
  void strayStores.afterScan(scan.analysedFiles);
  void connection.sendNotification(ServerStatusNotification, { state: 'ready', articles: service.workspaceSize, message: `${scan.files} article files indexed${cacheOf ? ` (${scan.fromCache + scan.unchanged} from the index cache, ${scan.analysed} analysed)` : ''}` });
  if (cacheOf) connection.console.log(`workspace index: ${scan.files} article files, ${scan.fromCache} from the index cache, ${scan.unchanged} read again and unchanged, ${scan.analysed} analysed`);
}

function indexedFilesKey(folderSettings: ArticleSettings): string {
  return JSON.stringify([folderSettings.files, folderSettings.index.exclude, folderSettings.workspaceIndex.enabled]);
}

/**
 * A scheduled job on the document's current version: it runs with the document and its settings,
 * and is dropped when the document changed or closed while the settings were fetched.
 */
function onCurrentVersion(job: string, run: (document: TextDocument, documentSettings: ArticleSettings) => Promise<void> | void): (uri: string) => Promise<void> {
  return async (uri) => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    try {
      const documentSettings = await settings.get(uri);
      if (documents.get(uri)?.version !== version) return;
      await run(document, documentSettings);
    } catch (error) {
      connection.console.error(`${job} failed for ${uri}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

const diagnostics = open.register(new DiagnosticsScheduler(
  onCurrentVersion('diagnostics', (document, documentSettings) => {
    const positions = positionsOf(document);
    const all = [...computeDiagnostics(service, document, documentSettings, positions), ...annotationDiagnostics(annotations.peek(document.uri), positions), ...curation.diagnostics(document.uri, positions)];
    return connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: all });
  }),
));

/**
 * The full analysis after the user pauses: typing is served from cheaper layers (paragraphs for
 * diagnostics, provisional entities for semantic tokens); this settles them, updates the workspace
 * index, and asks the client to re-fetch tokens when the provisional ones were wrong. It runs a
 * stage at a time, letting queued messages in between: a keystroke that comes while a large article
 * is being analysed waits for one stage, and the rest is dropped (its own settling follows).
 */
const settling = open.register(
  new DiagnosticsScheduler(
    onCurrentVersion('analysis', async (document, documentSettings) => {
      try {
        await analyses.ensure(document, documentSettings);
      } catch (error) {
        if (error instanceof AnalysisCancelled) return; // the document changed: its own settling follows
        throw error;
      }
      if (service.settle(document, documentSettings)) refreshSemanticTokens();
      // Diagnostics that need actors (name variants) can go out now that the analysis exists.
      diagnostics.schedule(document.uri, true);
      sendReviewSummary(document.uri);
    }),
    300,
  ),
);
const tokenResults = open.register(new SemanticTokensResults());
/** The service's per-document state (analysis caches, the recogniser's sentence cache). */
open.register({ delete: (uri) => service.forget(uri) });

/** The annotations of a closed article, from its store file, for the index (undefined when it has none). */
function closedArticleInput(file: string, text: string) {
  const folder = workspaceFolders.map((f) => URI.parse(f)).find((f) => f.scheme === 'file' && !path.relative(f.fsPath, file).startsWith('..'));
  return loadClosedArticleInput(file, text, folder?.fsPath);
}

/** Tells the client (at most a few times a second) that an article's annotations changed: comment threads follow. */
const annotationNotices = open.register(new DiagnosticsScheduler(async (uri) => {
  await connection.sendNotification(AnnotationsChangedNotification, { uri });
}, 150));

/** Human annotations of open articles (`lsp/annotations.ts`), released at close. */
const annotations = open.register(new AnnotationLayer({
  service,
  folders: () => workspaceFolders,
  textOf: (uri) => documents.get(uri)?.getText(),
  changed: (uri, byEdit) => {
    annotationNotices.schedule(uri);
    if (byEdit) return;
    learning.annotationsChanged(uri);
    // A new label or correction changes tokens, hovers, the outline and hints without a text change.
    refreshSemanticTokens();
    if (canRefreshInlayHints) connection.languages.inlayHint.refresh().catch(() => undefined);
    diagnostics.schedule(uri, true);
    settling.schedule(uri);
  },
  warn: (message) => tellUser(MessageType.Warning, `Article Lens: ${message}`),
}));

/**
 * From this many characters, a just-opened article's first diagnostics wait for its entities: the
 * colours come first, and the repeated-paragraph and furniture search (a second of CPU on a megabyte)
 * does not hold them up.
 */
const COLOURS_FIRST_MIN_LENGTH = 100_000;

/** Large articles just opened, by URI, with the version whose first diagnostics wait for its entities. */
const coloursFirst = new Map<string, number>();

documents.onDidOpen((event) => {
  const document = event.document;
  annotations.open(document.uri);
  void annotations.stateOf(document.uri).then(() => curation.opened(document.uri));
  if (document.getText().length < COLOURS_FIRST_MIN_LENGTH) {
    diagnostics.schedule(document.uri, true);
    return;
  }
  coloursFirst.set(document.uri, document.version);
  void (async () => {
    try {
      await analyses.ensure(document, await settings.get(document.uri), undefined, 'entities');
    } catch {
      // Changed meanwhile (its own diagnostics follow the change), closed, or failed: diagnostics anyway.
    }
    if (coloursFirst.get(document.uri) === document.version) coloursFirst.delete(document.uri);
    diagnostics.schedule(document.uri, true);
  })();
});
documents.onDidSave((event) => void annotations.saved(event.document.uri));
documents.onDidChangeContent((event) => {
  analyses.noteDemand();
  // Also fired for the text a document opens with: a large one's diagnostics wait for its entities (above).
  if (coloursFirst.get(event.document.uri) !== event.document.version) diagnostics.schedule(event.document.uri);
  settling.schedule(event.document.uri);
});
documents.onDidClose((event) => {
  coloursFirst.delete(event.document.uri);
  open.close(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  // The index holds the editor's text, perhaps unsaved: the file on disk is the truth again.
  void watchedArticles.reindex(event.document.uri);
});

connection.onDidChangeConfiguration((change) => {
  settings.push(change?.settings);
  settings.clear();
  for (const document of documents.all()) diagnostics.schedule(document.uri, true);
  refreshSemanticTokens();
  // `articleLens.inlayHints.enabled` may have changed: hints are pulled, so ask for them again.
  if (canRefreshInlayHints) connection.languages.inlayHint.refresh().catch(() => undefined);
  void followIndexSettings().catch((error) => connection.console.error(`re-indexing after a settings change failed: ${error instanceof Error ? error.message : String(error)}`));
});

const watchedArticles = new WatchedArticles({
  service,
  folders: () => workspaceFolders,
  settingsFor: (uri) => settings.get(uri),
  isOpen: (uri) => documents.get(uri) !== undefined,
  annotationInput: closedArticleInput,
});

/** Store files of articles renamed or moved outside the editor follow them (`lsp/strayStores.ts`). */
const strayStores = new StrayStores({
  folders: () => workspaceFolders,
  indexedArticles: () => service.indexedArticles(),
  isOpen: (uri) => documents.get(uri) !== undefined,
  textOf: (uri) => documents.get(uri)?.getText(),
  placeOf: (uri) => annotations.placeOf(uri),
  move: (oldUri, newUri) => annotations.renamed(oldUri, newUri),
  reindex: (uri) => void watchedArticles.apply([{ uri, type: FileChangeType.Changed }]).catch(() => undefined),
  tell: (kind, message) => tellUser(kind === 'info' ? MessageType.Info : MessageType.Warning, `Article Lens: ${message}`),
  ask: async (message, answers) => (await connection.window.showWarningMessage(`Article Lens: ${message}`, ...answers.map((title) => ({ title }))))?.title,
  // A client that cannot show a document (`window.showDocument`) is told where the file is.
  show: (file) =>
    canShowDocument
      ? void connection.window.showDocument({ uri: URI.file(file).toString(), takeFocus: true }).catch(() => undefined)
      : tellUser(MessageType.Info, `Article Lens: the store file is ${file}`),
  log: (message) => connection.console.log(message),
}, new QuietStrays(() => (workspaceFolders.length > 0 ? indexCacheOptions.storagePath : undefined), (message) => connection.console.log(message)));

connection.onDidChangeWatchedFiles(({ changes }) => {
  const storeFiles = changes.filter((change) => change.uri.includes(`/${ANNOTATION_FOLDER}/`));
  const articles = changes.filter((change) => !storeFiles.includes(change));
  void watchedArticles.apply(articles).catch((error: unknown) => connection.console.error(`watched files: ${String(error)}`));
  // A deletion and a creation may be an article renamed or moved outside the editor: its store follows.
  strayStores.articleEvents(articles);
  // A store file changed: its open article reads it again, a closed one is indexed again with it.
  for (const change of storeFiles) {
    void annotations
      .storeFileChanged(change.uri)
      .then((article) => (article && !documents.get(article) ? watchedArticles.apply([{ uri: article, type: FileChangeType.Changed }]) : undefined))
      .catch((error: unknown) => connection.console.error(`annotation store: ${String(error)}`));
  }
});

connection.workspace.onDidRenameFiles(({ files }) => {
  void (async () => {
    for (const file of files) await annotations.renamed(file.oldUri, file.newUri);
  })().catch((error: unknown) => connection.console.error(`renamed files: ${String(error)}`));
});

/**
 * The open document and its settings, with its full analysis run first a stage at a time (see
 * `AnalysisRunner`): a request handler then reads the analysis, never computes it in one piece.
 */
async function analysedDocument(uri: string, token: CancellationToken, feature?: FeatureSwitchName): Promise<{ document: TextDocument; documentSettings: ArticleSettings } | undefined> {
  const document = documents.get(uri);
  if (!document) return undefined;
  // The version the request was made for: its positions are in that text (a later edit answers ContentModified).
  const version = document.version;
  const documentSettings = await settings.get(uri);
  // A feature switched off for the document: nothing analysed, an empty answer.
  if (feature && !documentSettings[feature].enabled) return undefined;
  await analyses.ensure(document, documentSettings, token, 'analysis', version);
  return { document, documentSettings };
}

/** Every open document analysed with its own settings (references and rename read them all). */
async function analyseOpenDocuments(token: CancellationToken): Promise<void> {
  for (const document of documents.all()) await analysedDocument(document.uri, token);
}

connection.onHover((params, token) =>
  guarded('hover', token, async () => {
    const found = await analysedDocument(params.textDocument.uri, token, 'hover');
    if (!found) return null;
    const { document, documentSettings } = found;
    const positions = positionsOf(document);
    const offset = positions.offsetAt(params.position);
    const card = service.getActorCard(document, offset, documentSettings, token);
    if (card) return renderActorHover(card, positions, (uri) => path.basename(URI.parse(uri).path), document.uri);
    const author = service.getAuthorAt(document, offset, documentSettings, token);
    return author ? renderAuthorHover(author, positions) : null;
  }, null),
);

/** An article's first colours wait for its store file and the learned corrections (`lsp/firstColours.ts`). */
const firstColours = open.register(new FirstColours((uri) => annotations.stateOf(uri), () => learning.ready()));

/**
 * The entities of the whole document for semantic tokens: while typing, the provisional ones; for a
 * document nothing was analysed of yet (just opened), its staged analysis is awaited up to its
 * entities (tagged on every core for a large article), never run in one piece in the handler.
 */
async function documentEntities(document: TextDocument, documentSettings: ArticleSettings, token: CancellationToken) {
  await firstColours.ready(document.uri);
  if (service.entitiesNeedAnalysis(document, documentSettings)) await analyses.ensure(document, documentSettings, token, 'entities');
  return service.getEntitiesQuickly(document, undefined, documentSettings, token).entities;
}

connection.languages.semanticTokens.on((params, token) =>
  guarded('semanticTokens', token, async () => {
    const document = documents.get(params.textDocument.uri);
    const documentSettings = document && (await settings.get(document.uri));
    if (!document || !documentSettings?.entityHighlighting.enabled) return { data: [] };
    const entities = await documentEntities(document, documentSettings, token);
    return tokenResults.full(document.uri, buildSemanticTokens(entities, positionsOf(document)));
  }, { data: [] }),
);

connection.languages.semanticTokens.onDelta((params, token) =>
  guarded('semanticTokens/full/delta', token, async () => {
    const document = documents.get(params.textDocument.uri);
    const documentSettings = document && (await settings.get(document.uri));
    if (!document || !documentSettings?.entityHighlighting.enabled) return { data: [] };
    const entities = await documentEntities(document, documentSettings, token);
    return tokenResults.delta(document.uri, params.previousResultId, buildSemanticTokens(entities, positionsOf(document)));
  }, { data: [] }),
);

connection.languages.semanticTokens.onRange((params, token) =>
  guarded('semanticTokens/range', token, async () => {
    const document = documents.get(params.textDocument.uri);
    const documentSettings = document && (await settings.get(document.uri));
    if (!document || !documentSettings?.entityHighlighting.enabled) return { data: [] };
    await firstColours.ready(document.uri);
    const positions = positionsOf(document);
    const { entities, firstPaint } = service.getEntitiesQuickly(document, positions.offsetsOf(params.range), documentSettings, token);
    // Shown before the full analysis: have it run (settling refreshes the client's tokens after).
    if (firstPaint) settling.schedule(document.uri);
    return buildSemanticTokens(entities, positions);
  }, { data: [] }),
);

/** LSP symbols by the outline they were converted from (the outline is cached per analysis). */
const symbolCache = new WeakMap<object, ReturnType<typeof quoteOutlineSymbols>>();

connection.onDocumentSymbol((params, token) =>
  guarded('documentSymbol', token, async () => {
    const found = await analysedDocument(params.textDocument.uri, token, 'outline');
    if (!found) return [];
    const { document, documentSettings } = found;
    const outline = service.getQuoteOutline(document, documentSettings, token);
    // Converted once per outline: a long article has thousands of quotes, and the outline view asks often.
    const known = symbolCache.get(outline);
    if (known) return known;
    const symbols = quoteOutlineSymbols(outline, positionsOf(document));
    symbolCache.set(outline, symbols);
    return symbols;
  }, []),
);

connection.onCodeAction((params, token) =>
  guarded('codeAction', token, async () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const documentSettings = await settings.get(document.uri);
    const positions = positionsOf(document);
    const requested = positions.offsetsOf(params.range);
    if (token.isCancellationRequested) return [];
    // Code actions are asked for on every cursor move: offer variant fixes once the version is analysed
    // (its name-variant diagnostics exist only then), never force a full analysis here.
    const variants = nameVariantActions(document.uri, document.version, service.getNameVariantsIfAnalysed(document) ?? [], requested, params.context.only, params.context.diagnostics, positions, document.getText());
    const analysed = service.isAnalysed(document) ? service.analyze(document) : undefined;
    // A file past the size limit or binary has no entities: nothing to annotate there either.
    const annotate = service.getLimitedReason(document, documentSettings) ? [] : annotationActions({
      uri: document.uri,
      text: document.getText(),
      requested,
      // Widened by one: a cursor at a name's first or last character touches it.
      entities: service.getEntitiesQuickly(document, { start: Math.max(0, requested.start - 1), end: requested.end + 1 }, documentSettings, token).entities,
      ...(analysed ? { quotes: analysed.quotes, actors: analysed.actors } : {}),
      userLabels: documentSettings.annotation.labels,
      prompts: clientHasAnnotationPrompts,
      only: params.context.only,
    }, positions);
    const actions = [...variants, ...annotate, ...curation.actions(document.uri, params.context.diagnostics, params.context.only), ...paragraphCodeActions(service, document, documentSettings, requested, params.context.only, params.context.diagnostics, positions)];
    return forClient(actions, supportsDocumentChanges);
  }, []),
);

connection.onDefinition((params, token) =>
  guarded('definition', token, async () => {
    const found = await analysedDocument(params.textDocument.uri, token, 'navigation');
    if (!found) return null;
    const { document, documentSettings } = found;
    const positions = positionsOf(document);
    const introduction = service.getDefinition(document, positions.offsetAt(params.position), documentSettings, token);
    return definitionLocation(document.uri, introduction, positions);
  }, null),
);

connection.onReferences((params, token) =>
  guarded('references', token, async () => {
    const found = await analysedDocument(params.textDocument.uri, token, 'navigation');
    if (!found) return [];
    const { document, documentSettings } = found;
    await analyseOpenDocuments(token);
    const offset = positionsOf(document).offsetAt(params.position);
    const references = service.getReferences(document, offset, documents.all(), params.context.includeDeclaration, documentSettings, token);
    return referenceLocations(references, articleTexts());
  }, []),
);

connection.onDocumentHighlight((params, token) =>
  guarded('documentHighlight', token, async () => {
    const found = await analysedDocument(params.textDocument.uri, token, 'navigation');
    if (!found) return [];
    const { document, documentSettings } = found;
    const positions = positionsOf(document);
    return actorHighlights(service.getDocumentHighlights(document, positions.offsetAt(params.position), documentSettings, token), positions);
  }, []),
);

connection.onPrepareRename((params, token) =>
  guarded('prepareRename', token, async () => {
    const found = await analysedDocument(params.textDocument.uri, token, 'navigation');
    if (!found) return null;
    const { document, documentSettings } = found;
    const positions = positionsOf(document);
    return prepareRenameResult(service.prepareRename(document, positions.offsetAt(params.position), documentSettings, token), positions);
  }, null),
);

connection.onRenameRequest((params, token) =>
  guarded('rename', token, async () => {
    refuseUnusableNewName(params.newName);
    const found = await analysedDocument(params.textDocument.uri, token, 'navigation');
    if (!found) return null;
    const { document, documentSettings } = found;
    await analyseOpenDocuments(token);
    const texts = articleTexts();
    const offset = positionsOf(document).offsetAt(params.position);
    const renames = service.getRenameEdits(document, offset, params.newName, documents.all(), (uri) => texts.readSync(uri), documentSettings, token);
    return renameWorkspaceEdit(renames, texts, supportsDocumentChanges);
  }, null),
);

connection.onWorkspaceSymbol((params, token) =>
  guarded('workspaceSymbol', token, async () => {
    if (!(await folderSettings()).navigation.enabled) return [];
    return workspaceSymbols(service.searchWorkspace(params.query, WORKSPACE_SYMBOL_LIMIT), articleTexts(), (uri) => path.basename(URI.parse(uri).path));
  }, []),
);

connection.languages.inlayHint.on((params, token) =>
  guarded('inlayHint', token, async () => {
    const found = await analysedDocument(params.textDocument.uri, token, 'inlayHints');
    if (!found) return [];
    const { document, documentSettings } = found;
    const positions = positionsOf(document);
    return speakerInlayHints(service.getSpeakerHints(document, positions.offsetsOf(params.range), documentSettings, token), positions);
  }, []),
);

/** What the annotation commands read and write through: open documents, the analysis, the store, the disk. */
const annotationHost: ExchangeHost = {
  layer: annotations,
  document: (uri) => documents.get(uri),
  positionsOf: (uri) => {
    const document = documents.get(uri);
    return document && positionsOf(document);
  },
  analysis: async (uri) => {
    const found = await analysedDocument(uri, CancellationToken.None);
    return found && service.analyze(found.document, found.documentSettings);
  },
  settingsFor: (uri) => settings.get(uri),
  otherArticle: async (uri) => {
    const document = documents.get(uri);
    if (document) return { text: document.getText(), positions: positionsOf(document) };
    const text = await readArticle(uri);
    return text === undefined ? undefined : { text, positions: new PositionMapper(text) };
  },
  storePlace: (uri) => annotations.placeOf(uri),
  articlesUnder: (folderUri) => {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    return service.indexedArticles().filter((uri) => uri.startsWith(prefix)).sort();
  },
  readText: readArticle,
  machineEntities: async (uri, text) => {
    const document = documents.get(uri);
    if (document) return (await annotationHost.analysis(uri))?.recognized ?? [];
    return service.analyzeText(uri, text, await settings.get(uri)).recognized;
  },
};

async function readArticle(uri: string): Promise<string | undefined> {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return undefined;
  try {
    return articleTextOf(await fsPromises.readFile(parsed.fsPath, 'utf8'));
  } catch {
    return undefined;
  }
}

const annotationCommands: Record<string, (args: unknown[] | undefined) => Promise<unknown>> = {
  [ANNOTATION_COMMANDS.add]: (args) => addAnnotationCommand(annotationHost, args),
  [ANNOTATION_COMMANDS.list]: (args) => listAnnotationsCommand(annotationHost, args),
  [ANNOTATION_COMMANDS.remove]: (args) => removeAnnotationCommand(annotationHost, args),
  [ANNOTATION_COMMANDS.export]: (args) => exportAnnotationsCommand(annotationHost, args),
  [ANNOTATION_COMMANDS.import]: (args) => importAnnotationsCommand(annotationHost, args),
  [ANNOTATION_COMMANDS.updateNote]: (args) => updateNoteCommand(annotationHost, args),
  [ANNOTATION_COMMANDS.reattach]: (args) => reattachAnnotationsCommand(strayStores, annotationHost, args),
  [REVIEW_COMMANDS.acceptAll]: (args) => acceptAllCommand(annotationHost, args),
  [REVIEW_COMMANDS.setReviewState]: (args) => setReviewStateCommand(annotationHost, args),
  [REVIEW_COMMANDS.compare]: (args) => curation.compareCommand(args),
  [REVIEW_COMMANDS.resolveDisagreement]: (args) => curation.resolveCommand(args),
  [REVIEW_COMMANDS.resetLearning]: async () => {
    await learning.reset();
    return null;
  },
};

connection.onExecuteCommand((params, token) =>
  guarded(`command ${params.command}`, token, () => {
    const run = annotationCommands[params.command];
    if (!run) throw new CommandError(`unknown command ${params.command}`);
    return run(params.arguments);
  }, null),
);

connection.onRequest(ArticleActorsRequest, (params, token) =>
  guardedRequest('articleActors', params, token, async () => {
    const found = await analysedDocument(params.uri, token);
    if (!found) return [];
    return articleActorItems(service.analyze(found.document, found.documentSettings, token).actors, positionsOf(found.document));
  }, []),
);

connection.onRequest(UnreviewedEntityRequest, (params, token) =>
  guardedRequest('unreviewedEntity', params, token, async () => {
    const found = await analysedDocument(params.uri, token);
    if (!found) return null;
    const positions = positionsOf(found.document);
    const { entities } = service.analyze(found.document, found.documentSettings, token);
    return unreviewedEntity(entities, positions.offsetAt(params.position), params.direction === 'previous' ? 'previous' : 'next', positions);
  }, null),
);

// Workspace views and the actor map (issue 16): the requests of protocol.ts, answered from core/views/workspaceViews.ts.
const EMPTY_PAGE = { items: [], total: 0, offset: 0 };
connection.onRequest(ActorsRequest, (params, token) => guardedRequest('actors', params, token, () => service.getActors(params), EMPTY_PAGE));
connection.onRequest(ActorRequest, (params, token) => guardedRequest('actor', params, token, () => service.getActor(params.id) ?? null, null));
connection.onRequest(ActorArticlesRequest, (params, token) => guardedRequest('actorArticles', params, token, () => service.getActorArticles(params.id, params), EMPTY_PAGE));
connection.onRequest(ActorMentionsRequest, (params, token) => guardedRequest('actorMentions', params, token, () => mentionItems(service.getActorMentions(params.id, params.uri), articleTexts()), []));
connection.onRequest(ActorAtRequest, (params, token) =>
  guardedRequest('actorAt', params, token, async () => {
    const found = await analysedDocument(params.textDocument.uri, token);
    return found ? (service.getViewActorAt(found.document, positionsOf(found.document).offsetAt(params.position), found.documentSettings, token) ?? null) : null;
  }, null),
);
connection.onRequest(QuoteSpeakersRequest, (params, token) => guardedRequest('quoteSpeakers', params, token, () => service.getQuoteSpeakers(params), EMPTY_PAGE));
connection.onRequest(SpeakerQuotesRequest, (params, token) => guardedRequest('speakerQuotes', params, token, () => service.getSpeakerQuotes(params.id, params), EMPTY_PAGE));
connection.onRequest(ArticlesRequest, (params, token) => guardedRequest('articles', params, token, async () => service.getArticles(params, await folderSettings()), EMPTY_PAGE));
connection.onRequest(AnnotationGroupsRequest, (params, token) => guardedRequest('annotationGroups', params, token, () => service.getAnnotationGroups(params), EMPTY_PAGE));
connection.onRequest(AnnotatedArticlesRequest, (params, token) => guardedRequest('annotatedArticles', params, token, () => service.getAnnotatedArticles(params), EMPTY_PAGE));
connection.onRequest(AnnotationsRequest, (params, token) => guardedRequest('annotations', params, token, () => service.getAnnotations(params), EMPTY_PAGE));
connection.onRequest(LocateRequest, (params, token) => guardedRequest('locate', params, token, () => locate(params, articleTexts()), null));
connection.onRequest(ActorMapRequest, (params, token) => guardedRequest('actorMap', params, token, () => service.getActorMap(params), { nodes: [], edges: [], totalActors: 0, revision: -1 }));
const viewRefresh = new ViewRefresh((actorsChanged) => void connection.sendNotification(WorkspaceChangedNotification, { revision: service.viewsRevision(), articles: service.workspaceSize, actorsChanged }));
startup.onCreated((created) => created.onWorkspaceChange((change) => viewRefresh.changed(change.actorsChanged)));
connection.onShutdown(() => {
  viewRefresh.dispose();
  tagging.dispose();
});

// ---- Review, learning from corrections and curation (issue 13) ----------------------------------

/** Corrections teach the tagger (`lsp/learning.ts`); what they taught is read at start-up. */
const learning = new CorrectionLearning({
  service,
  // The client's storage folder (the index cache's too), when the window has a workspace: a window without
  // one gets VS Code's global storage, shared by every such window, so what it learns stays in the session.
  get storage() {
    return workspaceFolders.length > 0 ? indexCacheOptions.storagePath : undefined;
  },
  article: async (uri) => {
    const state = await annotations.stateOf(uri);
    const text = documents.get(uri)?.getText();
    return state && text !== undefined ? { text, annotations: state.annotations } : undefined;
  },
  enabled: async (uri) => (await settings.get(uri)).learning.enabled,
  learned: () => reanalyseAfterLearning(),
  annotationIds: async () => {
    const ids = new Set(service.workspaceAnnotationIds());
    for (const document of documents.all()) for (const annotation of (await annotations.stateOf(document.uri))?.annotations.annotations ?? []) ids.add(annotation.id);
    return ids;
  },
  log: (message) => connection.console.log(message),
});

/** *Compare with Annotations in…*: disagreements with another annotator as diagnostics with quick fixes. */
const curation = open.register(new Curation({
  ...annotationHost,
  openArticles: () => documents.all().map((d) => d.uri),
  changed: (uri) => diagnostics.schedule(uri, true),
}));

const reviewNotices = open.register(new ReviewNotices((summary) => void connection.sendNotification(ReviewSummaryNotification, summary)));

/** Tells the client an open article's review counts and state, when it is analysed and they changed. */
function sendReviewSummary(uri: string): void {
  const document = documents.get(uri);
  const state = annotations.peek(uri);
  if (!document || !state || !service.isAnalysed(document)) return;
  reviewNotices.update(reviewSummary(uri, service.analyze(document), service.annotationInputOf(uri), state.annotations));
}

let reanalysing: Promise<void> | undefined;
let reanalyseAgain = false;

/**
 * Learning changed what the tagger suggests: every open article is analysed again (a stage at a time,
 * as always), then the client refreshes tokens and hints, and diagnostics and review counts follow.
 */
function reanalyseAfterLearning(): void {
  reanalyseAgain = true;
  reanalysing ??= (async () => {
    while (reanalyseAgain) {
      reanalyseAgain = false;
      for (const document of documents.all()) {
        try {
          await analyses.ensure(document, await settings.get(document.uri));
        } catch (error) {
          if (!(error instanceof AnalysisCancelled)) throw error;
        }
        sendReviewSummary(document.uri);
        diagnostics.schedule(document.uri, true);
      }
      refreshSemanticTokens();
      if (canRefreshInlayHints) connection.languages.inlayHint.refresh().catch(() => undefined);
    }
  })()
    .catch((error: unknown) => connection.console.error(`analysis after learning failed: ${String(error)}`))
    .finally(() => (reanalysing = undefined));
}

connection.onRequest(ReviewSummaryRequest, (params, token) =>
  guardedRequest('reviewSummary', params, token, async () => {
    const found = await analysedDocument(params.uri, token);
    const state = await annotations.stateOf(params.uri);
    if (!found || !state) return null;
    return reviewSummary(params.uri, service.analyze(found.document, found.documentSettings, token), service.annotationInputOf(params.uri), state.annotations);
  }, null),
);

connection.onShutdown(() => learning.flush());

documents.listen(connection);
connection.listen();
