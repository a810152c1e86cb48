/**
 * Prints how often a bare surname that several people of a PolNeAR article share goes to the person meant, over
 * the hand-labelled sample (`test/data/surname-referent-sample.tsv`), by draw (`a`: the items the rule was chosen
 * on; `b`: held out), with the misses. `npx tsx scripts/surnameSample.ts`
 */
import { loadDefaultResources } from '../server/src/diskData';
import { plainContext } from '../server/src/core/analysis';
import { readSurnameItems, scoreSurnames } from '../test/helpers/surnameSample';

const context = plainContext(loadDefaultResources());
const items = readSurnameItems();
for (const draw of ['a', 'b']) {
  const score = scoreSurnames(context, items.filter((i) => i.draw === draw));
  console.log(`draw ${draw}: ${score.correct}/${score.scored} = ${(score.correct / score.scored).toFixed(3)}`);
  for (const miss of score.misses) console.log(`  ${miss.item.file}@${miss.item.offset} ${miss.item.surname}: ${miss.item.person}, got ${miss.got ?? 'no actor'}`);
}
const all = scoreSurnames(context, items);
console.log(`all: ${all.correct}/${all.scored} = ${(all.correct / all.scored).toFixed(3)}`);
