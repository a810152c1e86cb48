/**
 * The thin client: starts the language server over IPC, shows its state in the status bar, and
 * offers restart and output commands. All analysis is in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ARTICLE_LANGUAGE_ID, ServerStatusNotification } from '../../server/src/protocol';
import { ANNOTATION_INITIALIZATION_OPTIONS, registerAnnotations } from './annotations';

let client: LanguageClient | undefined;
let statusItem: vscode.LanguageStatusItem | undefined;

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
  };
  client = new LanguageClient('articleLens', 'Article Lens', serverOptions, clientOptions);

  statusItem = vscode.languages.createLanguageStatusItem('articleLens.status', { language: ARTICLE_LANGUAGE_ID });
  statusItem.name = 'Article Lens';
  statusItem.text = 'Article Lens: starting';
  statusItem.command = { title: 'Show output', command: 'articleLens.showOutput' };
  context.subscriptions.push(statusItem, output);

  context.subscriptions.push(
    vscode.commands.registerCommand('articleLens.restartServer', async () => {
      if (statusItem) statusItem.text = 'Article Lens: restarting';
      await client?.restart();
    }),
    vscode.commands.registerCommand('articleLens.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('articleLens.files')) void applyFilePatterns();
    }),
  );
  context.subscriptions.push(
    client.onDidChangeState(({ newState }) => {
      if (statusItem) statusItem.text = newState === 2 ? 'Article Lens: ready' : newState === 3 ? 'Article Lens: starting' : 'Article Lens: stopped';
    }),
  );
  await client.start();
  context.subscriptions.push(
    client.onNotification(ServerStatusNotification, (status) => {
      if (!statusItem) return;
      statusItem.busy = status.state === 'indexing';
      statusItem.text = status.state === 'indexing' ? 'Article Lens: indexing' : `Article Lens: ${status.articles} articles`;
      statusItem.detail = status.message;
    }),
  );
  registerAnnotations(context, client);
  await applyFilePatterns();
}

/**
 * `articleLens.files` adds glob patterns of article files. VS Code maps files to languages through
 * `files.associations`, so the client writes the patterns there for this workspace.
 */
async function applyFilePatterns(): Promise<void> {
  const patterns = vscode.workspace.getConfiguration('articleLens').get<string[]>('files', []);
  if (patterns.length === 0) return;
  const associations = vscode.workspace.getConfiguration('files');
  const current = { ...(associations.get<Record<string, string>>('associations') ?? {}) };
  let changed = false;
  for (const pattern of patterns) {
    if (current[pattern] !== ARTICLE_LANGUAGE_ID) {
      current[pattern] = ARTICLE_LANGUAGE_ID;
      changed = true;
    }
  }
  if (changed && vscode.workspace.workspaceFolders?.length) await associations.update('associations', current, vscode.ConfigurationTarget.Workspace);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** The folder the server keeps its index cache in, when it is on this machine's disk. */
function storagePathOf(context: vscode.ExtensionContext): string | undefined {
  const storage = context.storageUri ?? context.globalStorageUri;
  return storage.scheme === 'file' ? storage.fsPath : undefined;
}
