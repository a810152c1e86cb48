/**
 * The thin client: starts the language server over IPC, shows its state in the status bar, and
 * registers the views, the actor map and the commands. All analysis is in the server; the views
 * and the map draw what it computes.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ARTICLE_LANGUAGE_ID, ServerStatusNotification } from '../../server/src/protocol';
import { ActorMapPanel } from './actorMap/panel';
import { ANNOTATION_INITIALIZATION_OPTIONS, registerAnnotations } from './annotations';
import { applyFilePatterns } from './fileAssociations';
import { registerViews } from './views/registerViews';
import { registerReview } from './review';

let client: LanguageClient | undefined;
let statusItem: vscode.LanguageStatusItem | undefined;

/** The sample article the walkthrough opens (shipped in the .vsix). */
const SAMPLE = ['samples', 'geneva-talks.article'];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Article Lens', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: ARTICLE_LANGUAGE_ID }],
    outputChannel: output,
    traceOutputChannel: output,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{txt,article}') },
    // Annotation prompts, and the folder where the workspace index persists (the extension's storage).
    initializationOptions: { ...ANNOTATION_INITIALIZATION_OPTIONS, storagePath: storagePathOf(context) },
    // The actor hover links to Find All References and the Actors view; only these commands run from it.
    markdown: { isTrusted: { enabledCommands: ['editor.action.findReferences', 'articleLens.showActor'] } },
  };
  const languageClient = new LanguageClient('articleLens', 'Article Lens', serverOptions, clientOptions);
  client = languageClient;

  statusItem = vscode.languages.createLanguageStatusItem('articleLens.status', { language: ARTICLE_LANGUAGE_ID });
  statusItem.name = 'Article Lens';
  statusItem.text = 'Article Lens: starting';
  statusItem.command = { title: 'Show output', command: 'articleLens.showOutput' };
  context.subscriptions.push(statusItem, output);

  const views = registerViews(context, languageClient);
  context.subscriptions.push(
    vscode.commands.registerCommand('articleLens.restartServer', async () => {
      if (statusItem) statusItem.text = 'Article Lens: restarting';
      await client?.restart();
    }),
    vscode.commands.registerCommand('articleLens.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('articleLens.showActorMap', () => ActorMapPanel.show(context, languageClient, views, output)),
    vscode.commands.registerCommand('articleLens.views.showOnMap', (node: { row: { id: string } }) => ActorMapPanel.show(context, languageClient, views, output, node.row.id)),
    vscode.commands.registerCommand('articleLens.openSample', async () => {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...SAMPLE)));
      const document = await vscode.workspace.openTextDocument({ language: ARTICLE_LANGUAGE_ID, content: text });
      await vscode.window.showTextDocument(document);
    }),
    vscode.commands.registerCommand('articleLens.openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#gettingStarted`, false),
    ),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('articleLens.files')) void applyFilePatterns(context);
    }),
  );
  context.subscriptions.push(
    languageClient.onDidChangeState(({ newState }) => {
      if (statusItem) statusItem.text = newState === 2 ? 'Article Lens: ready' : newState === 3 ? 'Article Lens: starting' : 'Article Lens: stopped';
    }),
  );
  // Registered before start: the scan's first progress messages come right after initialisation.
  context.subscriptions.push(
    languageClient.onNotification(ServerStatusNotification, (status) => {
      views.serverStatus(status);
      if (!statusItem) return;
      statusItem.busy = status.state === 'indexing';
      statusItem.text = status.state === 'indexing' ? 'Article Lens: indexing' : `Article Lens: ${status.articles} articles`;
      statusItem.detail = status.message;
    }),
  );
  await languageClient.start();
  registerAnnotations(context, languageClient);
  registerReview(context, languageClient);
  await applyFilePatterns(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** The folder the server keeps its index cache in, when it is on this machine's disk. */
function storagePathOf(context: vscode.ExtensionContext): string | undefined {
  const storage = context.storageUri ?? context.globalStorageUri;
  return storage.scheme === 'file' ? storage.fsPath : undefined;
}
