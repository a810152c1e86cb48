import * as v8 from 'v8';

/** How far the old generation may grow past what the last full collection kept, while the index loads. */
const LOADING_GROWTH_PERCENT = 20;

/** Scans under way: the setting is V8's, for the whole process, so it is put back when the last one ends. */
let loading = 0;

/**
 * Runs `load` (a workspace scan, which fills the index) with V8's old generation growing by a fifth at
 * most between full collections, then lets V8 choose again (up to 4× while the program allocates
 * fast). The index is the server's bulk (about 500 MB at 100,000 articles), and while it loads, the
 * hovers of an open article re-cluster its actor's group over the growing index each time: in a
 * process that decoded a 100,000-article cache, indexed it and answered 80 hovers meanwhile, the peak
 * was 1,030–1,372 MB with V8's choice and 809–819 MB with this. Only while loading: the tighter heap
 * means more full collections, whose pauses (up to a second there) fell into the hovers after edits
 * when it stayed on (p99 50–157 ms against 26–38 ms in the 10,000-article bench).
 */
export async function withTightHeap<T>(load: () => Promise<T>): Promise<T> {
  if (loading++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${LOADING_GROWTH_PERCENT}`);
  try {
    return await load();
  } finally {
    // 0 is V8's default: the growing factor chosen from the collector's speed.
    if (--loading === 0) v8.setFlagsFromString('--heap-growing-percent=0');
  }
}
