import * as v8 from 'v8';

/** How far the old generation may grow past what the last full collection kept, while the index loads. */
const LOADING_GROWTH_PERCENT = 20;

/** Scans under way: the setting is V8's, for the whole process, so it is put back when the last one ends. */
let loading = 0;
/** Whether the setting is on. */
let tight = false;

/**
 * The heap in use (V8's `used_heap_size`) from which a load tightens the growth: about 2.5 times what
 * a 10,000-article index holds (about 56 MB with its cache), a tenth of a 100,000-article one.
 */
const TIGHT_FROM_BYTES = 128 * 1024 * 1024;
/** How often a load looks at the heap in use until it tightens the growth. */
const CHECK_MS = 100;

/**
 * Runs `load` (a workspace scan, which fills the index) with V8's old generation growing by a fifth at
 * most between full collections once the heap in use reaches `fromBytes`, then lets V8 choose again
 * (up to 4× while the program allocates fast). The index is the server's bulk (about 500 MB at
 * 100,000 articles), and while it loads, the hovers of an open article re-cluster its actor's group
 * over the growing index: in a process that decoded a 100,000-article cache, indexed it and answered
 * 80 hovers meanwhile, the peak was 1,030–1,372 MB with V8's choice and 809–819 MB with this. Only
 * while loading: the tighter heap means more full collections, whose pauses (up to a second there)
 * fell into the hovers after edits when it stayed on (p99 50–157 ms against 26–38 ms in the
 * 10,000-article bench). Only from `fromBytes`: a small heap grown by a fifth at a time is collected
 * again and again for nothing (reopening 10,000 articles from the cache, the server's thread spent
 * 0.3 s of its 1.9 s of CPU more with the tight heap from the start, for 6 MB less at the peak).
 */
export async function withTightHeap<T>(load: () => Promise<T>, fromBytes = TIGHT_FROM_BYTES): Promise<T> {
  loading++;
  const check = () => {
    if (tight || v8.getHeapStatistics().used_heap_size < fromBytes) return;
    tight = true;
    v8.setFlagsFromString(`--heap-growing-percent=${LOADING_GROWTH_PERCENT}`);
  };
  check();
  const watch = tight ? undefined : setInterval(check, CHECK_MS);
  watch?.unref();
  try {
    return await load();
  } finally {
    if (watch) clearInterval(watch);
    // 0 is V8's default: the growing factor chosen from the collector's speed.
    if (--loading === 0 && tight) {
      tight = false;
      v8.setFlagsFromString('--heap-growing-percent=0');
    }
  }
}
