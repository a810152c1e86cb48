import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { QuoteSpeakersRequest, SpeakerQuotesRequest, type QuoteRow, type SpeakerRow, type ViewActorType } from '../../../server/src/protocol';
import { ACTOR_TYPES } from './actorsView';
import { fileNameOf, plural } from './navigation';
import { PagedTreeProvider, type MoreNode } from './pagedTree';

interface SpeakerNode {
  readonly kind: 'speaker';
  readonly id: string;
  row: SpeakerRow;
}

interface QuoteNode {
  readonly kind: 'quote';
  readonly id: string;
  row: QuoteRow;
}

type Node = SpeakerNode | QuoteNode;

/** What the Quotes view is filtered by: words of the quotes, words of the speaker's name. */
export interface QuoteFilter {
  readonly text?: string;
  readonly speaker?: string;
}

/**
 * The Quotes view: every quote of the workspace under its speaker, most quoted speakers first,
 * filtered by words of the quote and of the speaker's name; a quote opens where it is.
 */
export class QuotesTree extends PagedTreeProvider<Node> {
  private current: QuoteFilter = {};

  constructor(private readonly client: LanguageClient) {
    super();
  }

  get filter(): QuoteFilter {
    return this.current;
  }

  setFilter(filter: QuoteFilter): void {
    this.current = { ...(filter.text?.trim() ? { text: filter.text.trim() } : {}), ...(filter.speaker?.trim() ? { speaker: filter.speaker.trim() } : {}) };
    this.refresh(true);
  }

  /** The speakers now shown (fetched): to expand the one a command asked for. */
  async speakers(): Promise<SpeakerNode[]> {
    return (await this.childrenOf(undefined)).filter((n): n is SpeakerNode => n.kind === 'speaker');
  }

  protected async childrenOf(node: Node | undefined): Promise<(Node | MoreNode)[]> {
    const { text, speaker } = this.current;
    const filterKey = `${text ?? ''}\u0000${speaker ?? ''}`;
    if (!node) {
      return this.paged(`speakers:${filterKey}`, undefined, (offset, limit) => this.client.sendRequest(QuoteSpeakersRequest, { offset, limit, text, speaker }), (row) => ({ kind: 'speaker', id: `speaker:${row.id}`, row }));
    }
    if (node.kind === 'speaker') {
      return this.paged(`quotes:${node.row.id}:${filterKey}`, node, (offset, limit) => this.client.sendRequest(SpeakerQuotesRequest, { id: node.row.id, offset, limit, text }), (row) => ({ kind: 'quote', id: `${node.id}/${row.uri}#${row.start}`, row }));
    }
    return [];
  }

  protected itemOf(node: Node): vscode.TreeItem {
    if (node.kind === 'speaker') {
      const { row } = node;
      const item = new vscode.TreeItem(row.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = plural(row.quotes, 'quote');
      item.iconPath = new vscode.ThemeIcon(row.type ? (ACTOR_TYPES[row.type as ViewActorType]?.icon ?? 'symbol-misc') : 'question');
      item.contextValue = row.type ? 'speaker' : 'noSpeaker';
      return item;
    }
    const { row } = node;
    const item = new vscode.TreeItem(`“${row.text}”`, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    // A speaker the server's rankers are unsure of says so beside the file: the first quotes to check.
    const uncertain = row.uncertainty === undefined ? undefined : `speaker ${row.uncertainty}`;
    item.description = uncertain ? `${fileNameOf(row.uri)} · ${uncertain}` : fileNameOf(row.uri);
    item.tooltip = new vscode.MarkdownString().appendText(`“${row.text}”\n— ${row.speaker ?? 'no speaker found'}${uncertain ? ` (${uncertain})` : ''}, in ${row.title || fileNameOf(row.uri)}`);
    item.iconPath = new vscode.ThemeIcon('quote');
    item.contextValue = 'quote';
    item.command = { command: 'articleLens.views.openTarget', title: 'Go to the Quote', arguments: [{ uri: row.uri, start: row.start, end: row.end }] };
    return item;
  }
}
