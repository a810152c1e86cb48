import * as v8 from 'v8';
import { runInNewContext } from 'vm';

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

/** V8's full collection (`gc()`), made available on first use (the server is not started with `--expose-gc`). */
let fullCollection: (() => void) | undefined;

/**
 * Collects the whole heap now, young and old generations, in one pause. V8 offers no call for it
 * but the `gc()` of `--expose-gc`, which a context created after the flag is set has.
 */
export function collectGarbage(): void {
  if (!fullCollection) {
    v8.setFlagsFromString('--expose-gc');
    fullCollection = runInNewContext('gc') as () => void;
  }
  fullCollection();
}

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
 * When the last load ends, the whole heap is collected once (`collect`), tightened or not.
 */
export async function withTightHeap<T>(load: () => Promise<T>, fromBytes = TIGHT_FROM_BYTES, collect: () => void = collectGarbage): Promise<T> {
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
    if (--loading === 0) {
      // 0 is V8's default: the growing factor chosen from the collector's speed.
      if (tight) {
        tight = false;
        v8.setFlagsFromString('--heap-growing-percent=0');
      }
      // What the load left is collected now, in one pause before the scan reports ready, rather than
      // by V8 under the first requests after it (issue 17). In 9 of 10 traced 10,000-article scans a
      // full collection came 0.4–2.7 s after the scan's end: its incremental marking steps (20–47 ms
      // of this thread) and final pause (4–22 ms) among the hovers after edits of an article opened
      // at once; and the first scavenges after the scan, of the young generation it left, took
      // 10–26 ms. This collection takes 70–120 ms at 10,000 articles; after it the next full one
      // came 1.1–1.7 s later or not at all, and the scavenges among those hovers took 5–12 ms.
      collect();
    }
  }
}
