import * as assert from 'assert';
import { parseShard, shardOf } from '../../server/src/cli/shard';

describe('cli: --shard K/N', () => {
  it('parses K/N with 1 ≤ K ≤ N and refuses anything else', () => {
    assert.deepStrictEqual(parseShard('2/8'), { index: 2, count: 8 });
    assert.deepStrictEqual(parseShard(' 1/1 '), { index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1/0', '3', '1/2/3', 'a/b', '-1/3', '1.5/3', '']) assert.strictEqual(parseShard(bad), undefined, bad);
  });

  it('is the first four bytes of the MD5 of the key, big-endian, modulo N, plus one (as README says, so other tools can compute it)', () => {
    // md5('x') = 9dd4e461…, md5('') = d41d8cd9…, md5('seeds/a.txt') is whatever it is, but stable.
    assert.strictEqual(shardOf('x', 10), (0x9dd4e461 % 10) + 1);
    assert.strictEqual(shardOf('', 7), (0xd41d8cd9 % 7) + 1);
    assert.strictEqual(shardOf('x', 1), 1);
    assert.strictEqual(shardOf('a/b.txt', 3), shardOf('a/b.txt', 3));
  });

  it('spreads 3,000 article paths evenly over 3 shards (each within 10% of a third)', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[shardOf(`polnear/train/text/${String(i).padStart(5, '0')}_article.txt`, 3) - 1]++;
    for (const count of counts) assert.ok(Math.abs(count - 1000) <= 100, `counts ${counts.join(', ')}`);
  });
});
