import * as assert from 'assert';
import { NameBlock } from '../../server/src/core/nameBlock';

/** What a block holds, as a plain object (URI → indexes), in the order its map gives them. */
const contents = (block: NameBlock) => Object.fromEntries([...block.entries()].map(([uri, indexes]) => [uri, typeof indexes === 'number' ? indexes : [...indexes]]));

/**
 * Issue 17: a name block takes additions in plain lists and puts them into its map only when read,
 * so a reopened workspace adds 230,000 actors without a `Map.set` each. What it answers must be what
 * the map filled at once answers.
 */
describe('name block of the workspace index', () => {
  it('answers after additions, deletions and reads in any order as a map filled at once', () => {
    const block = new NameBlock();
    block.add('file:///a.txt', 0);
    block.add('file:///b.txt', 2);
    // Two actors of one article in the block: their indexes in order.
    block.add('file:///c.txt', 1);
    block.add('file:///c.txt', 4);
    assert.strictEqual(block.size, 3);
    assert.deepStrictEqual(contents(block), { 'file:///a.txt': 0, 'file:///b.txt': 2, 'file:///c.txt': [1, 4] });
    // Added after a read, then a third actor of one article, and one re-added after its deletion.
    block.add('file:///d.txt', 0);
    block.add('file:///d.txt', 3);
    block.add('file:///d.txt', 5);
    block.delete('file:///a.txt');
    block.add('file:///a.txt', 7);
    assert.deepStrictEqual(block.get('file:///d.txt'), [0, 3, 5]);
    assert.strictEqual(block.get('file:///a.txt'), 7);
    assert.strictEqual(block.get('file:///e.txt'), undefined);
    assert.deepStrictEqual([...block.values()].map((v) => (typeof v === 'number' ? v : [...v])), [2, [1, 4], [0, 3, 5], 7]);
    block.delete('file:///b.txt');
    block.delete('file:///c.txt');
    block.delete('file:///d.txt');
    block.delete('file:///a.txt');
    assert.strictEqual(block.size, 0);
  });
});
