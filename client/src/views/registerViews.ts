import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ActorAtRequest, ARTICLE_LANGUAGE_ID, WorkspaceChangedNotification, type ActorRow, type ArticleTarget, type ServerStatusParams, type ViewActorType, type WorkspaceChangedParams } from '../../../server/src/protocol';
import { ACTOR_TYPES, ActorsTree } from './actorsView';
import { AnnotationsTree, removeAnnotationOf, type AnnotationGrouping } from './annotationsView';
import { ArticlesTree } from './articlesView';
import { openTarget, showRange } from './navigation';
import type { MoreNode, PagedTreeProvider, TreeNode } from './pagedTree';
import { QuotesTree } from './quotesView';

const VIEW_IDS = { actors: 'articleLens.actors', quotes: 'articleLens.quotes', articles: 'articleLens.articles', annotations: 'articleLens.annotations' } as const;
/** How long the cursor rests before the Actors view follows it. */
const FOLLOW_CURSOR_MS = 400;

/** The Article Lens views, as the actor map and the commands use them. */
export interface ArticleLensViews {
  /** Selects an actor in the Actors view (showing the view). */
  revealActor(row: ActorRow, focus: boolean): Promise<void>;
  /** Filters the Quotes view to one speaker and expands them. */
  showQuotesOf(row: ActorRow): Promise<void>;
  /** Called when the indexed articles changed. */
  onDidChangeWorkspace: vscode.Event<WorkspaceChangedParams>;
  /** The server's state (`articleLens/status`): the views show the scan's progress. */
  serverStatus(status: ServerStatusParams): void;
  /** True while the workspace scan runs. */
  readonly indexing: boolean;
  /** Called when the workspace scan finished. */
  onDidFinishIndexing: vscode.Event<void>;
}

/**
 * Creates the Actors, Quotes, Articles and Annotations views and their commands. The trees refresh when the
 * server says the index changed (at most twice a second) and show the scan's progress; the Actors
 * view follows the cursor onto the actor under it.
 */
export function registerViews(context: vscode.ExtensionContext, client: LanguageClient): ArticleLensViews {
  const actors = new ActorsTree(client);
  const quotes = new QuotesTree(client);
  const articles = new ArticlesTree(client);
  const actorsView = vscode.window.createTreeView(VIEW_IDS.actors, { treeDataProvider: actors, showCollapseAll: true });
  const quotesView = vscode.window.createTreeView(VIEW_IDS.quotes, { treeDataProvider: quotes, showCollapseAll: true });
  const articlesView = vscode.window.createTreeView(VIEW_IDS.articles, { treeDataProvider: articles });
  const annotations = new AnnotationsTree(client);
  const annotationsView = vscode.window.createTreeView(VIEW_IDS.annotations, { treeDataProvider: annotations, showCollapseAll: true });
  const trees: PagedTreeProvider<TreeNode>[] = [actors, quotes, articles, annotations] as PagedTreeProvider<TreeNode>[];
  const workspaceChanged = new vscode.EventEmitter<WorkspaceChangedParams>();
  const finishedIndexing = new vscode.EventEmitter<void>();

  const describeFilters = () => {
    const types = actors.typeFilter;
    actorsView.description = types.length ? types.map((t) => ACTOR_TYPES[t].label).join(', ') : undefined;
    const { text, speaker } = quotes.filter;
    quotesView.description = [text ? `“${text}”` : '', speaker ? `speaker: ${speaker}` : ''].filter(Boolean).join(' · ') || undefined;
    void vscode.commands.executeCommand('setContext', 'articleLens.actors.filtered', types.length > 0);
    void vscode.commands.executeCommand('setContext', 'articleLens.quotes.filtered', !!(text || speaker));
    annotationsView.description = [annotations.grouping === 'article' ? 'by article' : 'by label', annotations.orphanedOnly ? 'orphaned only' : ''].filter(Boolean).join(' · ');
    void vscode.commands.executeCommand('setContext', 'articleLens.annotations.byArticle', annotations.grouping === 'article');
    void vscode.commands.executeCommand('setContext', 'articleLens.annotations.orphanedOnly', annotations.orphanedOnly);
  };
  const groupAnnotations = (grouping: AnnotationGrouping) => () => {
    annotations.setGrouping(grouping);
    describeFilters();
  };
  const showOrphans = (orphanedOnly: boolean) => () => {
    annotations.setOrphanedOnly(orphanedOnly);
    describeFilters();
  };

  const views: ArticleLensViews = {
    async revealActor(row, focus) {
      const node = await actors.nodeFor(row);
      await actorsView.reveal(node, { select: true, focus, expand: focus });
    },
    async showQuotesOf(row) {
      quotes.setFilter({ speaker: row.name });
      describeFilters();
      const speaker = (await quotes.speakers()).find((s) => s.row.id === row.id) ?? (await quotes.speakers())[0];
      if (speaker) await quotesView.reveal(speaker, { select: true, focus: true, expand: true });
      else await vscode.commands.executeCommand(`${VIEW_IDS.quotes}.focus`);
    },
    onDidChangeWorkspace: workspaceChanged.event,
    serverStatus: (status) => (status.state === 'indexing' ? showIndexing(status.message) : indexingDone()),
    get indexing() {
      return indexing !== undefined;
    },
    onDidFinishIndexing: finishedIndexing.event,
  };

  /** The workspace actor under the editor's cursor, if the editor shows an article. */
  const actorUnderCursor = async (editor: vscode.TextEditor | undefined): Promise<ActorRow | undefined> => {
    if (!editor || editor.document.languageId !== ARTICLE_LANGUAGE_ID) return undefined;
    const row = await client.sendRequest(ActorAtRequest, client.code2ProtocolConverter.asTextDocumentPositionParams(editor.document, editor.selection.active));
    return row ?? undefined;
  };

  let followTimer: NodeJS.Timeout | undefined;
  let followed: string | undefined;
  const follow = (editor: vscode.TextEditor) => {
    if (followTimer) clearTimeout(followTimer);
    if (!actorsView.visible || !vscode.workspace.getConfiguration('articleLens').get<boolean>('views.revealActorUnderCursor', true)) return;
    followTimer = setTimeout(async () => {
      const row = await actorUnderCursor(editor).catch(() => undefined);
      if (!row || row.id === followed) return;
      followed = row.id;
      await views.revealActor(row, false).catch(() => undefined);
    }, FOLLOW_CURSOR_MS);
  };

  let indexing: { resolve: () => void } | undefined;
  const showIndexing = (message: string | undefined) => {
    for (const view of [actorsView, quotesView, articlesView, annotationsView]) view.message = message;
    if (indexing) return;
    const done = new Promise<void>((resolve) => (indexing = { resolve }));
    for (const id of Object.values(VIEW_IDS)) void vscode.window.withProgress({ location: { viewId: id } }, () => done);
  };
  const indexingDone = () => {
    for (const view of [actorsView, quotesView, articlesView, annotationsView]) view.message = undefined;
    if (!indexing) return;
    indexing.resolve();
    indexing = undefined;
    finishedIndexing.fire();
  };

  context.subscriptions.push(
    actorsView,
    quotesView,
    articlesView,
    annotationsView,
    workspaceChanged,
    finishedIndexing,
    client.onNotification(WorkspaceChangedNotification, (change) => {
      for (const tree of trees) tree.refresh();
      workspaceChanged.fire(change);
    }),
    { dispose: indexingDone },
    vscode.window.onDidChangeTextEditorSelection((event) => follow(event.textEditor)),
    actorsView.onDidChangeVisibility(({ visible }) => {
      if (visible && vscode.window.activeTextEditor) follow(vscode.window.activeTextEditor);
    }),
    vscode.commands.registerCommand('articleLens.views.loadMore', (more: MoreNode) => trees.find((tree) => tree.owns(more))?.loadMore(more)),
    vscode.commands.registerCommand('articleLens.views.openTarget', (target: ArticleTarget) => openTarget(client, target)),
    vscode.commands.registerCommand('articleLens.views.openLocation', (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
      showRange(vscode.Uri.parse(uri), client.protocol2CodeConverter.asRange(range)),
    ),
    vscode.commands.registerCommand('articleLens.views.refresh', () => {
      for (const tree of trees) tree.refresh();
    }),
    vscode.commands.registerCommand('articleLens.actors.filterByType', async () => {
      const current = new Set(actors.typeFilter);
      const picked = await vscode.window.showQuickPick(
        (Object.keys(ACTOR_TYPES) as ViewActorType[]).map((type) => ({ label: ACTOR_TYPES[type].label, type, picked: current.size === 0 || current.has(type), iconPath: new vscode.ThemeIcon(ACTOR_TYPES[type].icon) })),
        { canPickMany: true, title: 'Article Lens: Show Actors of Type', placeHolder: 'The types the Actors view lists' },
      );
      if (!picked) return;
      actors.setTypeFilter(picked.length === Object.keys(ACTOR_TYPES).length ? [] : picked.map((p) => p.type));
      describeFilters();
    }),
    vscode.commands.registerCommand('articleLens.quotes.filter', async () => {
      const choice = await vscode.window.showQuickPick(
        [
          { label: 'Quotes containing…', field: 'text' as const, description: quotes.filter.text },
          { label: 'Speakers named…', field: 'speaker' as const, description: quotes.filter.speaker },
        ],
        { title: 'Article Lens: Filter Quotes' },
      );
      if (!choice) return;
      const value = await vscode.window.showInputBox({
        title: choice.label,
        value: quotes.filter[choice.field] ?? '',
        prompt: choice.field === 'text' ? 'Words the quotes contain (case and accents ignored); empty for all' : 'Words of the speaker’s name; empty for all',
      });
      if (value === undefined) return;
      quotes.setFilter({ ...quotes.filter, [choice.field]: value });
      describeFilters();
    }),
    vscode.commands.registerCommand('articleLens.views.clearFilter', () => {
      actors.setTypeFilter([]);
      quotes.setFilter({});
      describeFilters();
    }),
    vscode.commands.registerCommand('articleLens.revealActor', async () => {
      const row = await actorUnderCursor(vscode.window.activeTextEditor);
      if (!row) return void vscode.window.showInformationMessage('Article Lens: no person, organisation or place under the cursor.');
      followed = row.id;
      await views.revealActor(row, true);
    }),
    // The actor hover's "Show in Actors view" link: the actor at a position of a document, not the cursor's.
    vscode.commands.registerCommand('articleLens.showActor', async (uri: string, position: { line: number; character: number }) => {
      const row = await client.sendRequest(ActorAtRequest, { textDocument: { uri }, position });
      if (!row) return void vscode.window.showInformationMessage('Article Lens: that actor is no longer in the workspace index.');
      followed = row.id;
      await views.revealActor(row, true);
    }),
    vscode.commands.registerCommand('articleLens.showQuotesOfActor', async () => {
      const row = await actorUnderCursor(vscode.window.activeTextEditor);
      if (!row) return void vscode.window.showInformationMessage('Article Lens: no person, organisation or place under the cursor.');
      await views.showQuotesOf(row);
    }),
    vscode.commands.registerCommand('articleLens.views.showQuotes', (node: { row: ActorRow }) => views.showQuotesOf(node.row)),
    vscode.commands.registerCommand('articleLens.annotations.groupByArticle', groupAnnotations('article')),
    vscode.commands.registerCommand('articleLens.annotations.groupByLabel', groupAnnotations('label')),
    vscode.commands.registerCommand('articleLens.annotations.showOrphaned', showOrphans(true)),
    vscode.commands.registerCommand('articleLens.annotations.showAll', showOrphans(false)),
    vscode.commands.registerCommand('articleLens.annotations.remove', (node?: Parameters<typeof removeAnnotationOf>[1]) => removeAnnotationOf(client, node)),
  );
  describeFilters();
  return views;
}
