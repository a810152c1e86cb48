/**
 * `npm run bench:annotations`: re-anchoring 1,000 annotations in a 100 KB article after each kind of
 * external edit (target ≤ 100 ms) and shifting them through keystrokes; the measurements are in
 * `reanchorBench.ts`, which `npm run bench` runs too.
 */
import { line, measureAnnotations, TARGET_MS } from './reanchorBench';

function main(): void {
  const { source, size, count, rows, all, keystrokes, keystrokesWithOrphans, orphans } = measureAnnotations();
  console.log(`Re-anchoring ${count} annotations in a ${(size / 1000).toFixed(0)} KB article (${source}), ${rows[0].times.length} runs per edit kind; target ≤ ${TARGET_MS} ms`);
  for (const row of rows) console.log(line(row.kind, row.times, `   (${row.orphaned} orphaned, ${row.approximate} approximate)`));
  const worst = Math.max(...all);
  console.log(line('all edit kinds', all, `   ${worst <= TARGET_MS ? 'within' : 'OVER'} the ${TARGET_MS} ms target`));
  console.log(line(`shift ${count} annotations, one keystroke`, keystrokes));
  console.log(line(`the same with ${orphans} orphans placed again`, keystrokesWithOrphans));
}

main();
