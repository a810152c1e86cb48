import * as vscode from 'vscode';
import type { Page } from '../../../server/src/protocol';
import { plural } from './navigation';

/** Rows fetched per page: a tree of 10,000 articles shows its first rows at once and the rest on demand. */
export const PAGE_SIZE = 200;

/** A tree node; `id` is stable across refreshes, so expanded nodes stay expanded. */
export interface TreeNode {
  readonly kind: string;
  readonly id: string;
}

/** The last row of a list that has more rows than were fetched: *Load more…*. */
export interface MoreNode extends TreeNode {
  readonly kind: 'more';
  readonly key: string;
  readonly parent: TreeNode | undefined;
  shown: number;
  total: number;
}

type Fetch<R> = (offset: number, limit: number) => Thenable<Page<R>>;

/**
 * A tree whose lists come from the server page by page. Each list (the roots, the children of a
 * node) is fetched when first shown and kept until the workspace changes; *Load more…* fetches
 * the next page, and a refresh fetches as many rows as were shown before. Nodes are kept by id, so
 * the tree sees the same object for the same row across refreshes (reveal and expand rely on it).
 */
export abstract class PagedTreeProvider<N extends TreeNode> implements vscode.TreeDataProvider<N | MoreNode> {
  private readonly changed = new vscode.EventEmitter<N | MoreNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly lists = new Map<string, Thenable<{ rows: unknown[]; total: number }>>();
  private readonly fetchers = new Map<string, Fetch<unknown>>();
  /** How many rows of each list were shown: a refresh fetches as many again. */
  private readonly shown = new Map<string, number>();
  private readonly nodes = new Map<string, TreeNode>();
  private readonly parents = new Map<string, TreeNode | undefined>();
  /** Counts refreshes that forget the paging (a new filter): a page asked for before one is not shown after it. */
  private generation = 0;
  /** Counts every refresh: a page that was on its way during one belongs to the list before it. */
  private refreshes = 0;

  /** The tree item of one of this tree's own nodes. */
  protected abstract itemOf(node: N): vscode.TreeItem;

  /** The children of a node (the roots for `undefined`); use {@link paged} for lists from the server. */
  protected abstract childrenOf(node: N | undefined): Promise<(N | MoreNode)[]>;

  getTreeItem(node: N | MoreNode): vscode.TreeItem {
    if (node.kind !== 'more') return this.itemOf(node as N);
    const more = node as MoreNode;
    const item = new vscode.TreeItem(`Load ${Math.min(PAGE_SIZE, more.total - more.shown)} more…`, vscode.TreeItemCollapsibleState.None);
    item.id = more.id;
    item.description = `${more.shown.toLocaleString('en')} of ${plural(more.total, 'row')} shown`;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.command = { command: 'articleLens.views.loadMore', title: 'Load More', arguments: [more] };
    return item;
  }

  getChildren(node?: N | MoreNode): Promise<(N | MoreNode)[]> {
    if (node?.kind === 'more') return Promise.resolve([]);
    return this.childrenOf(node as N | undefined);
  }

  getParent(node: N | MoreNode): N | undefined {
    return this.parents.get(node.id) as N | undefined;
  }

  /** True when the *Load more…* node ends one of this tree's lists. */
  owns(more: MoreNode): boolean {
    return this.fetchers.has(more.key);
  }

  /**
   * Fetches the next page of the list a *Load more…* node ends, and shows it. The page is chained
   * onto the list itself, so a second click waits for the first and asks for the page after it. When
   * the workspace changed while the page was on its way (a refresh dropped the list), the page is
   * not appended to rows fetched before the change — its offset counts rows of the old list, so it
   * would repeat or skip some — but the list is fetched again, as long as it now is.
   */
  async loadMore(more: MoreNode): Promise<void> {
    const { key } = more;
    const fetch = this.fetchers.get(key);
    const list = this.lists.get(key);
    if (!fetch || !list) return;
    const { generation, refreshes } = this;
    // A page that fails leaves the rows shown before (the list a later click chains onto stays whole);
    // the command reports the failure.
    let failure: { error: unknown } | undefined;
    const next = list.then(async (current) => {
      try {
        const page = await fetch(current.rows.length, PAGE_SIZE);
        return { rows: [...current.rows, ...page.items], total: page.total };
      } catch (error) {
        failure = { error };
        return current;
      }
    });
    this.lists.set(key, next);
    let loaded: { rows: unknown[]; total: number };
    try {
      loaded = await next;
    } catch (error) {
      // The list itself had failed: it is fetched again when next shown.
      if (this.lists.get(key) === next) this.lists.delete(key);
      throw error;
    }
    if (failure) throw failure.error;
    // A new filter since: the list is another one, and the click meant nothing for it.
    if (generation !== this.generation) return;
    this.shown.set(key, Math.max(this.shown.get(key) ?? 0, loaded.rows.length));
    // Fetched again since with the rows shown before the click: once more, with these.
    if (refreshes !== this.refreshes) this.lists.delete(key);
    this.changed.fire(more.parent as N | undefined);
  }

  /** Drops the fetched lists (the workspace changed); `resetPaging` also forgets how many rows were shown (a new filter). */
  refresh(resetPaging = false): void {
    this.lists.clear();
    this.refreshes++;
    if (resetPaging) {
      this.shown.clear();
      this.generation++;
    }
    this.changed.fire(undefined);
  }

  /**
   * The nodes of a list from the server under `key`, children of `parent`, with a *Load more…*
   * node when the server has more rows than were fetched.
   */
  protected async paged<R>(key: string, parent: N | undefined, fetch: Fetch<R>, toNode: (row: R) => N): Promise<(N | MoreNode)[]> {
    this.fetchers.set(key, fetch as Fetch<unknown>);
    let list = this.lists.get(key);
    if (!list) {
      const pending = fetch(0, Math.max(PAGE_SIZE, this.shown.get(key) ?? 0)).then((page) => ({ rows: [...page.items] as unknown[], total: page.total }));
      this.lists.set(key, pending);
      list = pending;
      pending.then(undefined, () => this.lists.delete(key));
    }
    const { rows, total } = await list;
    const nodes: (N | MoreNode)[] = [];
    // A row the server moved between two pages (the index changed before its refresh reached the view)
    // would come twice, and a tree must not hold two items of one id.
    const ids = new Set<string>();
    for (const row of rows as R[]) {
      const node = toNode(row);
      if (ids.has(node.id)) continue;
      ids.add(node.id);
      nodes.push(this.intern(node, parent));
    }
    if (rows.length < total) nodes.push(this.intern({ kind: 'more', id: `${parent?.id ?? ''}/more:${key}`, key, parent, shown: nodes.length, total } as MoreNode, parent));
    return nodes;
  }

  /** The node with this id handed out before, updated to `node`'s fields, or `node` itself. */
  protected intern<T extends TreeNode>(node: T, parent: TreeNode | undefined): T {
    this.parents.set(node.id, parent);
    const known = this.nodes.get(node.id);
    if (known && known.kind === node.kind) return Object.assign(known, node) as T;
    if (this.nodes.size > 50_000) this.nodes.clear();
    this.nodes.set(node.id, node);
    return node;
  }
}
