/** Uint32 values in a chunk, 4 MB each: large enough that few chunks exist, small enough that a freed one is not missed. */
const CHUNK_VALUES = 1 << 20;
/** Arrays longer than this keep their own buffer (an article with 30,000 mentions is rare and would waste a chunk's tail). */
const MAX_SHARED = CHUNK_VALUES >>> 4;

const EMPTY = new Uint32Array(0);

/**
 * Copies small Uint32 arrays into shared chunks and hands back views of them (issue 17: 100,000
 * articles in ≤ 1 GB). Each article's summary arrives with its own typed array (from a scan
 * worker's message or the index cache file), and a buffer of its own costs far more than its few
 * hundred bytes: the buffer object, its backing store and the allocator's bookkeeping (about 2 KB per
 * article measured over 20,000 PolNeAR summaries, against 0.5 KB of offsets). A view costs only its
 * object. A view keeps its whole chunk alive: a chunk is freed when no view of it is left, so a
 * replaced summary's values stay until their chunk's other views go too. What is lost that way is at
 * most the replaced summaries' values among live ones (an edited article's earlier versions), and
 * whole chunks go once every summary in them is replaced.
 */
export class Uint32Slab {
  /** Allocated at the first copy (an index of a few open articles needs none). */
  private chunk = EMPTY;
  private used = 0;

  /** A view of a shared chunk holding `values`' values (or a copy of its own when long). */
  copy(values: Uint32Array): Uint32Array {
    const length = values.length;
    if (length === 0) return EMPTY;
    if (length > MAX_SHARED) return values.slice();
    if (this.used + length > this.chunk.length) {
      this.chunk = new Uint32Array(CHUNK_VALUES);
      this.used = 0;
    }
    const at = this.used;
    this.chunk.set(values, at);
    this.used += length;
    return this.chunk.subarray(at, at + length);
  }
}
