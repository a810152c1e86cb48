import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ArticlesRequest, type ArticleRow } from '../../../server/src/protocol';
import { fileNameOf, plural } from './navigation';
import { PagedTreeProvider, type MoreNode } from './pagedTree';

interface ArticleNode {
  readonly kind: 'article';
  readonly id: string;
  row: ArticleRow;
}

/**
 * The Articles view: each indexed article with its counts of problems, actors and quotes (and,
 * once issue 13 adds review, its review state). Problems are counted with the severities set now.
 */
export class ArticlesTree extends PagedTreeProvider<ArticleNode> {
  constructor(private readonly client: LanguageClient) {
    super();
  }

  protected childrenOf(node: ArticleNode | undefined): Promise<(ArticleNode | MoreNode)[]> {
    if (node) return Promise.resolve([]);
    return this.paged('articles', undefined, (offset, limit) => this.client.sendRequest(ArticlesRequest, { offset, limit }), (row) => ({ kind: 'article', id: `article:${row.uri}`, row }));
  }

  protected itemOf(node: ArticleNode): vscode.TreeItem {
    const { row } = node;
    const { error, warning, information, hint } = row.problems;
    const item = new vscode.TreeItem(row.title || fileNameOf(row.uri), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    const problems = [error ? plural(error, 'error') : '', warning ? plural(warning, 'warning') : '', information ? plural(information, 'note') : ''].filter(Boolean).join(', ');
    item.description = [problems || 'no warnings', row.reviewState ?? '', fileNameOf(row.uri)].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${row.title}\n${fileNameOf(row.uri)}${row.date ? ` · ${row.date}` : ''}\n`);
    tooltip.appendText(`${plural(row.actors, 'actor')}, ${plural(row.quotes, 'quote')}; ${problems || 'no warnings'}${hint ? `, ${plural(hint, 'hint')}` : ''}`);
    if (row.reviewState) tooltip.appendText(`\nReview: ${row.reviewState}`);
    item.tooltip = tooltip;
    item.resourceUri = vscode.Uri.parse(row.uri);
    item.iconPath = new vscode.ThemeIcon(error ? 'error' : warning ? 'warning' : 'file-text', error ? new vscode.ThemeColor('problemsErrorIcon.foreground') : warning ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
    item.contextValue = 'article';
    item.command = { command: 'vscode.open', title: 'Open the Article', arguments: [vscode.Uri.parse(row.uri)] };
    return item;
  }
}
