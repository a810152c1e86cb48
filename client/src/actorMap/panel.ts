import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ActorMapRequest, ActorRequest, SpeakerQuotesRequest } from '../../../server/src/protocol';
import type { ArticleLensViews } from '../views/registerViews';
import { openTarget } from '../views/navigation';
import { actorMapHtml } from './html';
import type { FromMap, ToMap } from './messages';

/** Actors drawn at first; the map's own control asks for more (the server gives up to 5,000). */
const DEFAULT_NODES = 300;
/** Quotes listed beside the map for the selected actor. */
const QUOTES_LISTED = 50;

/**
 * The *Actor Map* webview: the workspace's actors as a network, drawn by the bundled script
 * `dist/webview/actorMap.js` from what the server computes (`articleLens/actorMap`). Everything
 * it loads comes from the extension's own folder, under a Content-Security-Policy that allows
 * only this panel's nonce-tagged script and styles: no remote resources, no inline script.
 */
export class ActorMapPanel {
  private static current: ActorMapPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private limit = DEFAULT_NODES;
  /** The map on screen was drawn while the workspace scan ran: it is drawn again when the scan ends. */
  private drawnWhileIndexing = false;
  /** The index revision of the map on screen. */
  private drawnRevision = -1;

  /** Shows the map (creating it once), optionally selecting an actor. */
  static show(context: vscode.ExtensionContext, client: LanguageClient, views: ArticleLensViews, output: vscode.LogOutputChannel, selectId?: string): void {
    if (!ActorMapPanel.current) ActorMapPanel.current = new ActorMapPanel(context, client, views, output);
    else ActorMapPanel.current.panel.reveal(undefined, false);
    if (selectId) ActorMapPanel.current.post({ type: 'select', id: selectId });
  }

  private readonly panel: vscode.WebviewPanel;

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly views: ArticleLensViews,
    private readonly output: vscode.LogOutputChannel,
  ) {
    const scripts = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel('articleLens.actorMap', 'Actor Map', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [scripts],
      retainContextWhenHidden: true,
    });
    this.panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'images', 'icon.png');
    this.panel.webview.html = this.html(scripts);
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((message: FromMap) => void this.receive(message).catch((error: unknown) => this.output.error(`actor map: ${String(error)}`))),
      views.onDidChangeWorkspace(({ revision, actorsChanged }) => {
        if (actorsChanged && revision > this.drawnRevision) this.post({ type: 'stale', indexing: this.drawnWhileIndexing });
      }),
      views.onDidFinishIndexing(() => {
        if (this.drawnWhileIndexing) void this.draw().catch((error: unknown) => this.output.error(`actor map: ${String(error)}`));
      }),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  private async receive(message: FromMap): Promise<void> {
    switch (message.type) {
      case 'ready':
      case 'load': {
        if (message.type === 'load') this.limit = message.limit;
        await this.draw();
        return;
      }
      case 'selected': {
        const [row, quotes] = await Promise.all([
          this.client.sendRequest(ActorRequest, { id: message.id }),
          this.client.sendRequest(SpeakerQuotesRequest, { id: message.id, limit: QUOTES_LISTED }),
        ]);
        this.post({ type: 'quotes', id: message.id, quotes: quotes.items, total: quotes.total });
        if (row) await this.views.revealActor(row, false);
        return;
      }
      case 'open':
        await openTarget(this.client, message.target, false);
        return;
      case 'export':
        await this.savePicture(message.format === 'png' ? { extension: 'png', name: 'PNG image', bytes: Buffer.from(message.dataUrl.slice(message.dataUrl.indexOf(',') + 1), 'base64') } : { extension: 'svg', name: 'SVG image', bytes: Buffer.from(message.svg, 'utf8') });
        return;
      case 'rendered':
        this.output.info(`actor map: ${message.nodes} actors, ${message.edges} lines, laid out in ${message.ms} ms`);
        return;
      case 'cspViolation':
        this.output.error(`actor map: the Content-Security-Policy blocked ${message.blocked} (${message.directive})`);
        return;
    }
  }

  private async draw(): Promise<void> {
    this.drawnWhileIndexing = this.views.indexing;
    const map = await this.client.sendRequest(ActorMapRequest, { maxNodes: this.limit });
    this.drawnRevision = map.revision;
    this.post({ type: 'map', map, limit: this.limit });
  }

  private async savePicture(picture: { extension: 'png' | 'svg'; name: string; bytes: Uint8Array }): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: 'Export Actor Map',
      filters: { [picture.name]: [picture.extension] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `actor-map.${picture.extension}`) } : {}),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, picture.bytes);
    this.post({ type: 'exported', message: `Saved ${target.fsPath}` });
  }

  private post(message: ToMap): void {
    void this.panel.webview.postMessage(message);
  }

  private html(scripts: vscode.Uri): string {
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(scripts, 'actorMap.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(scripts, 'actorMap.css'));
    return actorMapHtml({ nonce, cspSource: webview.cspSource, script: script.toString(), style: style.toString() });
  }

  private dispose(): void {
    ActorMapPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
  }
}
