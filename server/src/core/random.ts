/**
 * A small seeded generator (mulberry32): numbers in [0, 1), the same sequence for the same seed on every
 * platform. Enough for shuffling training examples deterministically; not for anything that needs to be
 * unpredictable.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
