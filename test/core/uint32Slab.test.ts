import * as assert from 'assert';
import { Uint32Slab } from '../../server/src/core/uint32Slab';

describe('Uint32Slab (mention offsets of the workspace index in shared chunks)', () => {
  it('gives back equal values in views of shared chunks, a new chunk when one is full, and long arrays their own buffer', () => {
    const slab = new Uint32Slab();
    const arrays = Array.from({ length: 40 }, (_, i) => Uint32Array.from({ length: 30_000 + i }, (_, j) => (i * 7919 + j * 31) >>> 0));
    const copies = arrays.map((a) => slab.copy(a));
    copies.forEach((copy, i) => assert.deepStrictEqual(copy, arrays[i], `array ${i}`));
    const buffers = new Set(copies.map((c) => c.buffer));
    // 40 arrays of about 30,000 values: more than one chunk of 2^20, far fewer than one buffer each.
    assert.ok(buffers.size > 1 && buffers.size < 5, `${buffers.size} chunks`);
    // Writing into a chunk after it is full never touches the views already given.
    copies.forEach((copy, i) => assert.strictEqual(copy[copy.length - 1], arrays[i][arrays[i].length - 1]));
    const long = new Uint32Array(200_000).fill(7);
    const own = slab.copy(long);
    assert.notStrictEqual(own, long);
    assert.strictEqual(own.byteLength, own.buffer.byteLength, 'a long array keeps a buffer of its own size');
    assert.deepStrictEqual(own, long);
    assert.strictEqual(slab.copy(new Uint32Array(0)).length, 0);
  });
});
