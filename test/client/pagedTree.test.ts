import * as assert from 'assert';
import { useVscodeStub } from '../helpers/vscodeStub';

useVscodeStub();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PagedTreeProvider, PAGE_SIZE } = require('../../client/src/views/pagedTree') as typeof import('../../client/src/views/pagedTree');
type MoreNode = import('../../client/src/views/pagedTree').MoreNode;

interface RowNode {
  readonly kind: 'row';
  readonly id: string;
}

/** A server list whose answers the test releases one by one, so that a refresh can come between. */
class Server {
  rows: string[];
  private gates: (() => void)[] = [];
  held = false;
  constructor(count: number, prefix = 'row') {
    this.rows = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  }
  fetch = (offset: number, limit: number) => {
    const answer = () => ({ items: this.rows.slice(offset, offset + limit), total: this.rows.length, offset });
    if (!this.held) return Promise.resolve(answer());
    // The rows are read when the answer is released, as a server answers from its index at that time.
    return new Promise<ReturnType<typeof answer>>((resolve) => this.gates.push(() => resolve(answer())));
  };
  async releaseAll(): Promise<void> {
    while (this.gates.length > 0) {
      this.gates.shift()!();
      await new Promise((r) => setImmediate(r));
    }
  }
}

class RowsTree extends PagedTreeProvider<RowNode> {
  constructor(public server: Server) {
    super();
  }
  protected itemOf(): never {
    throw new Error('not used');
  }
  protected childrenOf(node: RowNode | undefined) {
    if (node) return Promise.resolve([]);
    return this.paged('rows', undefined, (offset, limit) => this.server.fetch(offset, limit), (id: string): RowNode => ({ kind: 'row', id }));
  }
}

const settle = () => new Promise((r) => setTimeout(r, 5));
const ids = (nodes: readonly { kind: string; id: string }[]) => nodes.filter((n) => n.kind === 'row').map((n) => n.id);
const moreOf = (nodes: readonly { kind: string }[]) => nodes.find((n) => n.kind === 'more') as MoreNode;

/** client/src/views/pagedTree.ts: the views' *Load more…* when the workspace changes between pages. */
describe('the views: lists fetched page by page', () => {
  it('a page on its way while the index changed (a refresh came between) is fetched again from the new list: no row twice, none skipped', async () => {
    const server = new Server(700);
    const tree = new RowsTree(server);
    const first = await tree.getChildren();
    assert.strictEqual(ids(first).length, PAGE_SIZE);
    server.held = true;
    const loading = tree.loadMore(moreOf(first));
    await settle();
    // Twenty articles were indexed ahead of the first page's rows, and the view was told to refresh.
    server.rows = [...Array.from({ length: 20 }, (_, i) => `new${i}`), ...server.rows];
    tree.refresh();
    const refreshed = tree.getChildren();
    await server.releaseAll();
    await refreshed;
    await loading;
    server.held = false;
    const shown = ids(await tree.getChildren());
    assert.deepStrictEqual(shown, server.rows.slice(0, 2 * PAGE_SIZE), 'the first two pages of the list as it is now');
  });

  it('two quick clicks on Load more load two pages, one after the other', async () => {
    const server = new Server(700);
    const tree = new RowsTree(server);
    const more = moreOf(await tree.getChildren());
    server.held = true;
    const clicks = [tree.loadMore(more), tree.loadMore(more)];
    await settle();
    await server.releaseAll();
    await Promise.all(clicks);
    server.held = false;
    const nodes = await tree.getChildren();
    assert.deepStrictEqual(ids(nodes), server.rows.slice(0, 3 * PAGE_SIZE));
    assert.strictEqual(moreOf(nodes).shown, 3 * PAGE_SIZE);
  });

  it('a row the index moved between two pages before the refresh arrived is shown once (tree ids are unique)', async () => {
    const server = new Server(700);
    const tree = new RowsTree(server);
    const more = moreOf(await tree.getChildren());
    server.rows = ['new0', ...server.rows];
    await tree.loadMore(more);
    const shown = ids(await tree.getChildren());
    assert.strictEqual(new Set(shown).size, shown.length, 'no id twice');
    assert.ok(shown.includes('row199') && shown.includes('row398'));
  });

  it('a page asked for before a new filter is not added to the filtered list, nor makes it longer', async () => {
    const server = new Server(700);
    const tree = new RowsTree(server);
    const more = moreOf(await tree.getChildren());
    server.held = true;
    const loading = tree.loadMore(more);
    await settle();
    tree.server = new Server(700, 'filtered');
    tree.refresh(true);
    await server.releaseAll();
    await loading;
    const shown = ids(await tree.getChildren());
    assert.deepStrictEqual(shown, tree.server.rows.slice(0, PAGE_SIZE));
  });

  it('two quick clicks of which the first fails: the second loads its page, and the list stays usable', async () => {
    const server = new Server(700);
    const tree = new RowsTree(server);
    const more = moreOf(await tree.getChildren());
    const fetch = server.fetch;
    let calls = 0;
    server.fetch = (offset: number, limit: number) => (calls++ === 0 ? Promise.reject(new Error('server gone')) : fetch(offset, limit));
    const [first, second] = await Promise.allSettled([tree.loadMore(more), tree.loadMore(more)]);
    assert.strictEqual(first.status, 'rejected');
    assert.strictEqual(second.status, 'fulfilled');
    assert.deepStrictEqual(ids(await tree.getChildren()), server.rows.slice(0, 2 * PAGE_SIZE));
  });

  it('a page that fails leaves the rows shown before', async () => {
    const server = new Server(700);
    const tree = new RowsTree(server);
    const more = moreOf(await tree.getChildren());
    const fetch = server.fetch;
    server.fetch = () => Promise.reject(new Error('server gone'));
    await assert.rejects(tree.loadMore(more), /server gone/);
    server.fetch = fetch;
    assert.deepStrictEqual(ids(await tree.getChildren()), server.rows.slice(0, PAGE_SIZE));
  });
});
