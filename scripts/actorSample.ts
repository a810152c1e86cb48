/**
 * The hand-labelled precision sample of person actors over the PolNeAR dev articles (issue 14).
 *
 *   npx tsx scripts/actorSample.ts                 precision of the current analysis over the sample
 *   npx tsx scripts/actorSample.ts --print=260     the first 260 actors of the draw, with context, for labelling
 *                                                  (`?` marks those without a label in test/data/person-actor-sample.tsv)
 *   npx tsx scripts/actorSample.ts --save=FILE     also writes the drawn actors and their mentions (JSON, outside the repo)
 *   npx tsx scripts/actorSample.ts --removed=FILE  of a saved draw's real people (labelled `person`), how many the
 *                                                  current analysis no longer has as a person (the recall cost of a change)
 *
 * Reads `../shared/data/polnear/dev/text` in place; prints figures, commits nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeArticle, plainContext } from '../server/src/core/analysis';
import { loadDefaultResources } from '../server/src/diskData';
import { overlaps } from '../server/src/core/search';
import { labelKey, personActorsInHashOrder, POLNEAR_DEV, readLabels, SAMPLE_SIZE, scoreSample } from '../test/helpers/actorSample';

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

interface SavedActor {
  file: string;
  key: string;
  name: string;
  mentions: { start: number; end: number; kind: string }[];
}

function main(): void {
  if (!fs.existsSync(POLNEAR_DEV)) throw new Error(`${POLNEAR_DEV} not found: the sample needs ../shared/data/polnear`);
  const context = plainContext(loadDefaultResources());
  const ordered = personActorsInHashOrder(context);
  const labels = fs.existsSync(path.join(__dirname, '..', 'test', 'data', 'person-actor-sample.tsv')) ? readLabels() : new Map();
  const print = Number(arg('print') ?? 0);
  for (const item of ordered.slice(0, print)) {
    const text = fs.readFileSync(path.join(POLNEAR_DEV, item.file), 'utf8');
    const label = labels.get(labelKey(item.file, item.actor.key)) ?? '?';
    const names = item.actor.mentions.filter((m) => m.kind === 'name').slice(0, 2);
    const contexts = names.map((m) => `…${text.slice(Math.max(0, m.start - 60), m.start)}⟦${m.text}⟧${text.slice(m.end, m.end + 40)}…`.replace(/\s+/g, ' '));
    console.log(`${item.file}\t${item.actor.key}\t${label}\t${item.actor.name} (${item.actor.mentions.length})\n    ${contexts.join('\n    ')}`);
  }
  const sample = ordered.slice(0, SAMPLE_SIZE);
  const score = scoreSample(sample, labels);
  console.log(`person actors in dev: ${ordered.length}; sample ${sample.length}; labelled ${score.labelled}; correct ${score.correct}; precision ${score.precision.toFixed(3)}`);
  for (const { item, label } of score.wrong) console.log(`  ${label}\t${item.file}\t${item.actor.key}`);
  for (const item of score.unlabelled) console.log(`  unlabelled\t${item.file}\t${item.actor.key}`);
  const save = arg('save');
  if (save) {
    const saved: SavedActor[] = sample.map(({ file, actor }) => ({ file, key: actor.key, name: actor.name, mentions: actor.mentions.map((m) => ({ start: m.start, end: m.end, kind: m.kind })) }));
    fs.writeFileSync(save, JSON.stringify(saved));
  }
  const removed = arg('removed');
  if (removed) reportRemoved(JSON.parse(fs.readFileSync(removed, 'utf8')) as SavedActor[], labels, context);
}

/**
 * A saved actor is removed when none of its name mentions overlaps a name mention of a person actor
 * of the current analysis (a name trimmed or joined to another spelling still counts as kept).
 */
function reportRemoved(saved: readonly SavedActor[], labels: ReadonlyMap<string, string>, context: ReturnType<typeof plainContext>): void {
  const byFile = new Map<string, { start: number; end: number }[]>();
  let people = 0;
  const lost: SavedActor[] = [];
  for (const item of saved) {
    if (labels.get(labelKey(item.file, item.key)) !== 'person') continue;
    people++;
    let names = byFile.get(item.file);
    if (!names) {
      const text = fs.readFileSync(path.join(POLNEAR_DEV, item.file), 'utf8');
      names = analyzeArticle(text, context).actors.filter((a) => a.type === 'person').flatMap((a) => a.mentions.filter((m) => m.kind === 'name'));
      byFile.set(item.file, names);
    }
    const kept = item.mentions.some((m) => m.kind === 'name' && names!.some((n) => overlaps(n, m)));
    if (!kept) lost.push(item);
  }
  console.log(`real people in the saved draw: ${people}; no longer person actors: ${lost.length} (${((100 * lost.length) / Math.max(1, saved.length)).toFixed(1)}% of the draw)`);
  for (const item of lost) console.log(`  removed\t${item.file}\t${item.key}`);
}

main();
