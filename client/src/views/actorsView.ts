import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ActorArticlesRequest,
  ActorMentionsRequest,
  ActorsRequest,
  type ActorArticleRow,
  type ActorRow,
  type MentionItem,
  type ViewActorType,
} from '../../../server/src/protocol';
import { fileNameOf, plural } from './navigation';
import { PagedTreeProvider, type MoreNode } from './pagedTree';

interface ActorNode {
  readonly kind: 'actor';
  readonly id: string;
  row: ActorRow;
}

interface ActorArticleNode {
  readonly kind: 'article';
  readonly id: string;
  readonly actorId: string;
  row: ActorArticleRow;
}

interface MentionNode {
  readonly kind: 'mention';
  readonly id: string;
  mention: MentionItem;
}

type Node = ActorNode | ActorArticleNode | MentionNode;

/** How the view names each type, and the icon it gives it. */
export const ACTOR_TYPES: Record<ViewActorType, { label: string; icon: string }> = {
  person: { label: 'People', icon: 'person' },
  organization: { label: 'Organisations', icon: 'organization' },
  location: { label: 'Places', icon: 'location' },
};

const MENTION_KIND: Record<MentionItem['kind'], string> = { name: 'name', nominal: 'description', pronoun: 'pronoun' };

/**
 * The Actors view: the people, organisations and places of the workspace, most mentioned first,
 * with their mention counts, roles and articles; an actor expands to its articles, an article to
 * the mentions in it. Everything shown comes from the server (`articleLens/actors…`).
 */
export class ActorsTree extends PagedTreeProvider<Node> {
  private types: readonly ViewActorType[] = [];
  /** An actor revealed from the editor that is not on the fetched pages: shown first. */
  private pinned: ActorRow | undefined;

  constructor(private readonly client: LanguageClient) {
    super();
  }

  /** The types shown; empty for all. */
  get typeFilter(): readonly ViewActorType[] {
    return this.types;
  }

  setTypeFilter(types: readonly ViewActorType[]): void {
    this.types = types;
    this.pinned = undefined;
    this.refresh(true);
  }

  /** The node of an actor, shown first if it is not on the fetched pages: what `TreeView.reveal` needs. */
  async nodeFor(row: ActorRow): Promise<ActorNode> {
    const roots = await this.childrenOf(undefined);
    const found = roots.find((n): n is ActorNode => n.kind === 'actor' && n.row.id === row.id);
    if (found) return found;
    this.pinned = row;
    this.refresh();
    return (await this.childrenOf(undefined)).find((n): n is ActorNode => n.kind === 'actor' && n.row.id === row.id)!;
  }

  protected async childrenOf(node: Node | undefined): Promise<(Node | MoreNode)[]> {
    if (!node) {
      const roots = await this.paged(`actors:${this.types.join(',')}`, undefined, (offset, limit) => this.client.sendRequest(ActorsRequest, { offset, limit, types: this.types }), (row) => this.actorNode(row));
      const pinned = this.pinned;
      if (pinned && !roots.some((n) => n.kind === 'actor' && (n as ActorNode).row.id === pinned.id)) return [this.actorNode(pinned), ...roots];
      return roots;
    }
    if (node.kind === 'actor') {
      return this.paged(`articles:${node.row.id}`, node, (offset, limit) => this.client.sendRequest(ActorArticlesRequest, { id: node.row.id, offset, limit }), (row) => ({ kind: 'article', id: `${node.id}/${row.uri}`, actorId: node.row.id, row }));
    }
    if (node.kind === 'article') {
      const mentions = await this.client.sendRequest(ActorMentionsRequest, { id: node.actorId, uri: node.row.uri });
      return mentions.map((mention) => this.intern<MentionNode>({ kind: 'mention', id: `${node.id}/${mention.range.start.line}:${mention.range.start.character}`, mention }, node));
    }
    return [];
  }

  private actorNode(row: ActorRow): ActorNode {
    return this.intern<ActorNode>({ kind: 'actor', id: `actor:${row.id}`, row }, undefined);
  }

  protected itemOf(node: Node): vscode.TreeItem {
    if (node.kind === 'actor') return actorItem(node);
    if (node.kind === 'article') {
      const { row } = node;
      const item = new vscode.TreeItem(row.title || fileNameOf(row.uri), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = [plural(row.mentions, 'mention'), row.quotes > 0 ? plural(row.quotes, 'quote') : '', fileNameOf(row.uri)].filter(Boolean).join(' · ');
      item.tooltip = new vscode.MarkdownString().appendText(`${row.title}\n${fileNameOf(row.uri)}${row.roles.length ? `\nAs: ${row.roles.join('; ')}` : ''}`);
      item.resourceUri = vscode.Uri.parse(row.uri);
      item.iconPath = vscode.ThemeIcon.File;
      item.contextValue = 'actorArticle';
      item.command = { command: 'articleLens.views.openTarget', title: 'Go to the Actor', arguments: [row.introduction] };
      return item;
    }
    const { mention } = node;
    const item = new vscode.TreeItem(mention.preview, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = `line ${mention.range.start.line + 1} · ${MENTION_KIND[mention.kind]}`;
    item.iconPath = new vscode.ThemeIcon(mention.kind === 'name' ? 'symbol-text' : mention.kind === 'pronoun' ? 'symbol-key' : 'symbol-string');
    item.contextValue = 'mention';
    item.command = { command: 'articleLens.views.openLocation', title: 'Go to the Mention', arguments: [mention.uri, mention.range] };
    return item;
  }
}

function actorItem(node: ActorNode): vscode.TreeItem {
  const { row } = node;
  const item = new vscode.TreeItem(row.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  const counts = [plural(row.mentions, 'mention'), plural(row.articles, 'article'), row.quotes > 0 ? plural(row.quotes, 'quote') : ''].filter(Boolean).join(' · ');
  item.description = row.roles[0] ? `${counts} · ${row.roles[0]}` : counts;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escape(row.name)}** — ${ACTOR_TYPES[row.type as ViewActorType]?.label.replace(/s$/, '').toLowerCase() ?? row.type}\n\n`);
  if (row.roles.length) tooltip.appendMarkdown(`${row.roles.map(escape).join('; ')}\n\n`);
  tooltip.appendText(counts);
  item.tooltip = tooltip;
  item.iconPath = new vscode.ThemeIcon(ACTOR_TYPES[row.type as ViewActorType]?.icon ?? 'symbol-misc');
  item.contextValue = 'actor';
  item.accessibilityInformation = { label: `${row.name}, ${row.type}, ${counts}${row.roles[0] ? `, ${row.roles[0]}` : ''}` };
  return item;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
