/**
 * Common prefix and suffix of two versions of a document, found a chunk at a time by native string
 * comparison and then character by character inside the first differing chunk: a keystroke in a
 * 1 MB article costs a few native compares rather than two million `charCodeAt` calls.
 */
import { isHighSurrogate, isLowSurrogate } from './surrogates';

const CHUNK = 4096;

/** Length of the longest common prefix of `a` and `b`. */
export function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p + CHUNK <= n && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** Length of the longest common suffix of `a` and `b`, at most `max`. */
export function commonSuffixLength(a: string, b: string, max: number): number {
  let s = 0;
  while (s + CHUNK <= max && a.slice(a.length - s - CHUNK, a.length - s) === b.slice(b.length - s - CHUNK, b.length - s)) s += CHUNK;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

/** One replacement: `[start, end)` of the first text becomes `text`. */
export interface TextReplacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Steps (diagonals tried plus characters compared) and differences the diff of {@link replacementsBetween}
 * may take: a few milliseconds. Its cost is O((N+M)·D) and its memory O(D²) for D differences, so a text
 * rewritten throughout (every line's `\r\n` made `\n` in a long article) is not diffed.
 */
export const DIFF_STEP_BUDGET = 2_000_000;
export const DIFF_MAX_DIFFERENCES = 1000;

/**
 * The replacements that turn `before` into `after`, in order and apart, from the fewest characters deleted
 * and inserted (Myers 1986, on UTF-16 code units, between the common prefix and suffix); `undefined` when
 * that would cost more than the budget. A text replaced at once (an editor's full-text change, a file
 * reloaded) becomes its actual changes: `e` + U+0301 made `é` inside a name is one replacement inside it,
 * not one running from there to the last change of the article.
 */
export function replacementsBetween(before: string, after: string, stepBudget = DIFF_STEP_BUDGET, maxDifferences = DIFF_MAX_DIFFERENCES): TextReplacement[] | undefined {
  const prefix = commonPrefixLength(before, after);
  const suffix = commonSuffixLength(before, after, Math.min(before.length, after.length) - prefix);
  const a = before.slice(prefix, before.length - suffix);
  const b = after.slice(prefix, after.length - suffix);
  if (a.length === 0 && b.length === 0) return [];
  if (a.length === 0 || b.length === 0) return onWholeCharacters(before, after, [{ start: prefix, end: prefix + a.length, text: b }]);
  const n = a.length;
  const m = b.length;
  // At least |n - m| characters are deleted or inserted.
  if (Math.abs(n - m) > maxDifferences) return undefined;
  const limit = Math.min(maxDifferences, n + m);
  const middle = limit + 1;
  const furthest = new Int32Array(2 * limit + 3);
  // furthest[k] before each round d, for the way back: rounds' copies of diagonals -d-1 … d+1.
  const rounds: Int32Array[] = [];
  let steps = 0;
  let found = -1;
  for (let d = 0; d <= limit && found < 0; d++) {
    rounds.push(furthest.slice(middle - d - 1, middle + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && furthest[middle + k - 1] < furthest[middle + k + 1]) ? furthest[middle + k + 1] : furthest[middle + k - 1] + 1;
      const run = commonRunLength(a, x, b, x - k);
      steps += 1 + run.steps;
      x += run.length;
      const y = x - k;
      furthest[middle + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    if (steps > stepBudget) return undefined;
  }
  if (found < 0) return undefined;
  // The way back marks the characters deleted from `a` and inserted from `b`.
  const deleted = new Uint8Array(n);
  const inserted = new Uint8Array(m);
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const round = rounds[d];
    const at = (k: number): number => round[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    // Back along the snake to the step of round d: an insertion (down) or a deletion (right).
    if (down) inserted[previousY] = 1;
    else deleted[previousX] = 1;
    x = previousX;
    y = previousY;
  }
  const replacements: TextReplacement[] = [];
  for (let i = 0, j = 0; i < n || j < m; ) {
    if (i < n && j < m && !deleted[i] && !inserted[j]) {
      i++;
      j++;
      continue;
    }
    const from = i;
    const to = j;
    while ((i < n && deleted[i]) || (j < m && inserted[j])) {
      while (i < n && deleted[i]) i++;
      while (j < m && inserted[j]) j++;
    }
    replacements.push({ start: prefix + from, end: prefix + i, text: b.slice(to, j) });
  }
  return onWholeCharacters(before, after, replacements);
}

/**
 * The replacements, each widened to whole characters and merged where they then meet. The diff compares
 * UTF-16 code units, so two emoji that share their high half (`😀` → `😃`) differ in the low half alone; an
 * annotation moved through that replacement could end between the halves and store half a character,
 * which no file format can write. The character widened over is the same in both texts (it is outside
 * every replacement), so widening takes it from `after` unchanged.
 */
export function onWholeCharacters(before: string, after: string, replacements: readonly TextReplacement[]): TextReplacement[] {
  const widened: Array<{ start: number; end: number; startAfter: number; endAfter: number }> = [];
  let shift = 0;
  for (const r of replacements) {
    let start = r.start;
    let end = r.end;
    let startAfter = r.start + shift;
    let endAfter = startAfter + r.text.length;
    shift += r.text.length - (r.end - r.start);
    if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) {
      start--;
      startAfter--;
    }
    if (end < before.length && isLowSurrogate(before.charCodeAt(end))) {
      end++;
      endAfter++;
    }
    const last = widened[widened.length - 1];
    if (last && start <= last.end) {
      last.end = end;
      last.endAfter = endAfter;
    } else widened.push({ start, end, startAfter, endAfter });
  }
  return widened.map((w) => ({ start: w.start, end: w.end, text: after.slice(w.startAfter, w.endAfter) }));
}

/**
 * The one replacement from the first difference of `before` and `after` to the last, on whole characters:
 * what a change too large to diff becomes.
 */
export function changedRange(before: string, after: string): TextReplacement {
  const prefix = commonPrefixLength(before, after);
  const suffix = commonSuffixLength(before, after, Math.min(before.length, after.length) - prefix);
  return onWholeCharacters(before, after, [{ start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) }])[0];
}

/** Characters `a` from `x` and `b` from `y` have in common, and the steps it took: long runs go by native compares of chunks. */
function commonRunLength(a: string, x: number, b: string, y: number): { length: number; steps: number } {
  const n = Math.min(a.length - x, b.length - y);
  let run = 0;
  let steps = 0;
  while (run < n && run < 32 && a.charCodeAt(x + run) === b.charCodeAt(y + run)) run++;
  steps += run;
  if (run === 32) {
    while (run + RUN_CHUNK <= n && a.slice(x + run, x + run + RUN_CHUNK) === b.slice(y + run, y + run + RUN_CHUNK)) {
      run += RUN_CHUNK;
      steps += 16;
    }
    const before = run;
    while (run < n && a.charCodeAt(x + run) === b.charCodeAt(y + run)) run++;
    steps += run - before;
  }
  return { length: run, steps };
}

const RUN_CHUNK = 1024;
