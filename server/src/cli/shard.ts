import { createHash } from 'crypto';

/** Share `index` (1-based) of `count`: `--shard 2/8`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** `K/N` with 1 ≤ K ≤ N, or undefined. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count && count <= 1_000_000 ? { index, count } : undefined;
}

/**
 * The share (1 … count) a file belongs to: the first four bytes of the MD5 of its shard key (the
 * path relative to the folder it was found in, `/`-separated, UTF-8) as an unsigned big-endian
 * number, modulo `count`, plus one. A function of the key alone, so every machine of a distributed
 * run agrees without talking to the others, wherever the corpus is mounted; MD5 because any
 * language computes it the same way (here it spreads keys evenly, it guards nothing).
 */
export function shardOf(key: string, count: number): number {
  return (createHash('md5').update(key, 'utf8').digest().readUInt32BE(0) % count) + 1;
}
