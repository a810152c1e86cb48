import { counts } from './corpus';

/** Prints what the fuzz run generated and found, whichever fuzz files ran. */
after(function () {
  if (counts.cases.size === 0) return;
  const total = [...counts.cases.values()].reduce((a, b) => a + b, 0);
  const lines = [...counts.cases].map(([group, n]) => `    ${group}: ${n.toLocaleString('en')}${group.includes('edit sequences') ? ` (${counts.edits.toLocaleString('en')} edits)` : ''}`);
  console.log(`\n  fuzz summary (seed ${process.env.ARTICLE_LENS_FUZZ_SEED ?? 'default'}):\n${lines.join('\n')}\n    total generated cases: ${total.toLocaleString('en')}; crashes: ${counts.crashes}; lost characters or mismatched states: ${counts.lostCharacters}${counts.blankLinesGone ? `; fixed texts left without a blank line (read line by line, idempotence not checked): ${counts.blankLinesGone}` : ''}${counts.blocksReread ? `; blocks read afresh after a furniture line inside them went (idempotence not checked): ${counts.blocksReread}` : ''}`);
});
