import * as assert from 'assert';
import { HashTable } from '../../server/src/core/ner/hashTable';

describe('the name lists’ hash table (ner/hashTable.ts)', () => {
  it('finds every key it holds, signed or unsigned as written, and none it does not, across growth', () => {
    const table = new HashTable();
    const keys: number[] = [];
    // Hashes as the lists make them: 32-bit, half of them above 2^31 when read unsigned.
    for (let i = 0; i < 5000; i++) keys.push(Math.imul(i + 1, 0x9e3779b1) >>> 0);
    keys.forEach((key, i) => table.set(key, (i % 7) + 1));
    assert.strictEqual(table.size, 5000);
    keys.forEach((key, i) => {
      assert.strictEqual(table.get(key), (i % 7) + 1, `unsigned ${key}`);
      assert.strictEqual(table.get(key | 0), (i % 7) + 1, `signed ${key | 0}`);
    });
    for (let i = 5000; i < 6000; i++) assert.ok(!table.has(Math.imul(i + 1, 0x9e3779b1) >>> 0));
    table.add(0);
    assert.ok(table.has(0), 'a key of 0 is a key like any other');
    assert.throws(() => table.set(5, 0));
  });
});
