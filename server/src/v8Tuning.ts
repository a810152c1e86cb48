/**
 * V8 settings of the command line (`dist/cli.js`), applied before any of the analysis runs: imported
 * first by its entry point. Flags are process-wide, so the CLI's worker threads (this same script
 * started again) share them; they do not set them again (`isMainThread`), so no thread rewrites a flag
 * while another compiles.
 *
 * Less inlining into one optimised function: V8 lets an optimised function inline up to 920 bytes of
 * bytecode in all by default. The analysis has many large functions (the quote pass's document
 * builder and candidate searches, actor grouping, entity repair) that inline dozens of helpers each,
 * and V8 compiles each of them again after every deoptimisation, so in a run of a few megabytes the
 * optimising compiler costs about as much CPU as the analysis itself and competes with it for the
 * cores. At 300 the compiles are smaller: over the 840 PolNeAR train articles on 2 cores, 2 jobs,
 * 4.15–4.48 → 3.88–4.11 s wall; the same folder four times over 7.83–7.87 → 6.99–7.31 s; warm passes
 * over the folder in one process 2–3 % slower (ARCHITECTURE.md, "The command line at scale").
 *
 * A longer wait before V8 optimises a function: a function is optimised once it has run about
 * `--interrupt-budget` bytes of bytecode (V8's default 66 KB, tuned for web pages that must get fast within
 * a second). The analysis's large functions then reach the optimising compiler after a handful of
 * articles, before their rarer branches ever ran; the first article that takes one deoptimises them,
 * and they are compiled again (`--trace-deopt` over the PolNeAR train folder: most deoptimisations are
 * "insufficient type feedback"). Sixteen times the default lets a batch run collect that feedback first:
 * fewer, later compilations, which matters most when two threads' compilers share two cores.
 *
 * Not set by the language server: the editor runs it under VS Code's Electron, whose V8 may refuse a
 * flag changed after start (a fatal check, not an exception), and its benchmarks showed no gain.
 */
import { setFlagsFromString } from 'v8';
import { isMainThread } from 'worker_threads';

/** Bytes of bytecode V8 may inline into one optimised function, in all (V8's default: 920). */
export const MAX_INLINED_BYTECODE_CUMULATIVE = 300;

/** Bytes of bytecode a function runs before V8 considers optimising it (V8's default: 67,584). */
export const INTERRUPT_BUDGET = 1024 * 1024;

if (isMainThread) {
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${MAX_INLINED_BYTECODE_CUMULATIVE}`);
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
