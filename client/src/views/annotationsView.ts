import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import {
  ANNOTATION_COMMANDS,
  AnnotatedArticlesRequest,
  AnnotationGroupsRequest,
  AnnotationsRequest,
  type AnnotatedArticleRow,
  type AnnotationGroupRow,
  type AnnotationRow,
} from '../../../server/src/protocol';
import { fileNameOf, openTarget, plural } from './navigation';
import { PagedTreeProvider, type MoreNode } from './pagedTree';

interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  row: AnnotationGroupRow;
}

interface ArticleNode {
  readonly kind: 'article';
  readonly id: string;
  row: AnnotatedArticleRow;
}

interface AnnotationNode {
  readonly kind: 'annotation';
  readonly id: string;
  row: AnnotationRow;
  /** Listed under its article: the article's name need not be repeated. */
  readonly underArticle: boolean;
}

type Node = GroupNode | ArticleNode | AnnotationNode;

/** How the Annotations view groups: by label (and kind of correction), or by article. */
export type AnnotationGrouping = 'label' | 'article';

const GROUP_ICONS: Record<AnnotationGroupRow['kind'], string> = { label: 'tag', correction: 'edit', note: 'comment' };
const REVIEW_ICONS: Record<AnnotatedArticleRow['reviewState'], string> = { unreviewed: 'circle-large-outline', 'in-progress': 'circle-large-filled', reviewed: 'pass' };

/**
 * The Annotations view: the workspace's human annotations by label or by article (the server groups,
 * counts and orders them: articles still to review first), orphans flagged with the words they had;
 * an annotation opens where it is (an orphan: where its words were), and can be removed from here.
 */
export class AnnotationsTree extends PagedTreeProvider<Node> {
  private mode: AnnotationGrouping = 'label';
  private orphans = false;

  constructor(private readonly client: LanguageClient) {
    super();
  }

  get grouping(): AnnotationGrouping {
    return this.mode;
  }

  get orphanedOnly(): boolean {
    return this.orphans;
  }

  setGrouping(grouping: AnnotationGrouping): void {
    this.mode = grouping;
    this.refresh(true);
  }

  setOrphanedOnly(orphanedOnly: boolean): void {
    this.orphans = orphanedOnly;
    this.refresh(true);
  }

  protected childrenOf(node: Node | undefined): Promise<(Node | MoreNode)[]> {
    const orphanedOnly = this.orphans;
    const filter = orphanedOnly ? 'orphans' : 'all';
    if (!node && this.mode === 'label') {
      return this.paged(`groups:${filter}`, undefined, (offset, limit) => this.client.sendRequest(AnnotationGroupsRequest, { offset, limit, orphanedOnly }), (row) => ({ kind: 'group', id: `group:${row.id}`, row }));
    }
    if (!node) {
      return this.paged(`articles:${filter}`, undefined, (offset, limit) => this.client.sendRequest(AnnotatedArticlesRequest, { offset, limit, orphanedOnly }), (row) => ({ kind: 'article', id: `article:${row.uri}`, row }));
    }
    if (node.kind === 'annotation') return Promise.resolve([]);
    const scope = node.kind === 'group' ? { group: node.row.id } : { uri: node.row.uri };
    return this.paged(`annotations:${node.id}:${filter}`, node, (offset, limit) => this.client.sendRequest(AnnotationsRequest, { offset, limit, orphanedOnly, ...scope }), (row) => ({
      kind: 'annotation',
      id: `${node.id}/${row.id}`,
      row,
      underArticle: node.kind === 'article',
    }));
  }

  protected itemOf(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const { row } = node;
      const item = new vscode.TreeItem(row.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = [plural(row.annotations, 'annotation'), row.orphaned ? `${row.orphaned.toLocaleString('en')} orphaned` : '', plural(row.articles, 'article')].filter(Boolean).join(' · ');
      item.tooltip = `${row.name}: ${plural(row.annotations, 'annotation')} in ${plural(row.articles, 'article')}, ${row.unreviewed.toLocaleString('en')} in articles still to review${row.orphaned ? `, ${row.orphaned.toLocaleString('en')} orphaned` : ''}`;
      item.iconPath = row.orphaned ? orphanIcon() : new vscode.ThemeIcon(GROUP_ICONS[row.kind]);
      item.contextValue = 'annotationGroup';
      return item;
    }
    if (node.kind === 'article') {
      const { row } = node;
      const item = new vscode.TreeItem(row.title || fileNameOf(row.uri), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = [plural(row.annotations, 'annotation'), row.orphaned ? `${row.orphaned.toLocaleString('en')} orphaned` : '', row.reviewState, fileNameOf(row.uri)].filter(Boolean).join(' · ');
      item.tooltip = new vscode.MarkdownString().appendText(`${row.title}\n${fileNameOf(row.uri)}\nReview: ${row.reviewState}; ${plural(row.annotations, 'annotation')}${row.orphaned ? `, ${row.orphaned} orphaned` : ''}`);
      item.resourceUri = vscode.Uri.parse(row.uri);
      item.iconPath = row.orphaned ? orphanIcon() : new vscode.ThemeIcon(REVIEW_ICONS[row.reviewState] ?? 'file-text');
      item.contextValue = 'annotatedArticle';
      return item;
    }
    const { row } = node;
    const item = new vscode.TreeItem(`“${row.text}”`, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = [row.orphaned ? 'orphaned' : '', row.description, node.underArticle ? '' : fileNameOf(row.uri)].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString().appendText(`“${row.text}”: ${row.description}\n${row.title || fileNameOf(row.uri)} (${row.reviewState})`);
    if (row.orphaned) tooltip.appendText('\nOrphaned: these words are no longer in the article. Click to go where they were; remove the annotation if it is no longer needed.');
    item.tooltip = tooltip;
    item.iconPath = row.orphaned ? orphanIcon() : new vscode.ThemeIcon(row.kind === 'note' ? 'comment' : row.label !== undefined ? 'tag' : 'edit');
    item.contextValue = row.orphaned ? 'annotation.orphaned' : 'annotation';
    item.command = { command: 'articleLens.views.openTarget', title: row.orphaned ? 'Go to Where It Was' : 'Go to the Annotation', arguments: [{ uri: row.uri, start: row.start, end: row.end }] };
    return item;
  }
}

function orphanIcon(): vscode.ThemeIcon {
  return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
}

/**
 * Removes the annotation of a view row, after asking: the server changes only open articles, so the
 * article is opened first (at the annotation), then `articleLens.annotation.remove` is sent.
 */
export async function removeAnnotationOf(client: LanguageClient, node: { row: AnnotationRow } | undefined): Promise<void> {
  const row = node?.row;
  if (!row) return;
  const remove = 'Remove';
  const answer = await vscode.window.showWarningMessage(`Remove the annotation “${row.text}” (${row.description}) from ${fileNameOf(row.uri)}?`, { modal: true }, remove);
  if (answer !== remove) return;
  await openTarget(client, { uri: row.uri, start: row.start, end: row.end });
  try {
    await client.sendRequest(ExecuteCommandRequest.type, { command: ANNOTATION_COMMANDS.remove, arguments: [{ uri: row.uri, id: row.id }] });
  } catch (error) {
    void vscode.window.showErrorMessage(`Article Lens: ${error instanceof Error ? error.message : String(error)}`);
  }
}
