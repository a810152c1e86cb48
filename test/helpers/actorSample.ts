/**
 * The hand-labelled sample of person actors over the PolNeAR dev articles (issue 14's precision
 * measure): how the sample is drawn, and how the labels in `test/data/person-actor-sample.tsv` are
 * read. Shared by the regression test (`test/core/actorPrecision.test.ts`) and the script that
 * prints the sample for labelling and scores it (`scripts/actorSample.ts`).
 *
 * The draw is a bottom-k sample: each person actor gets a hash of a fixed seed, its article's file
 * name and its id (`person:hillary clinton`), and the actors with the smallest hashes are taken. So
 * the draw is deterministic, and a change that removes or renames a few actors changes only those
 * places of the sample (the next actors in hash order come in), not the whole of it: labels of the
 * rest still apply. Only ids and labels are committed, never the texts.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Actor } from '../../server/src/core/actors';
import { analyzeArticle, type AnalysisContext } from '../../server/src/core/analysis';
import { ROOT } from './seeds';

/** Where the PolNeAR dev texts are (outside the repository). */
export const POLNEAR_DEV = path.resolve(ROOT, '..', 'shared', 'data', 'polnear', 'dev', 'text');
/** The committed labels. */
export const SAMPLE_LABELS = path.join(ROOT, 'test', 'data', 'person-actor-sample.tsv');
/** The size of the measured sample. */
export const SAMPLE_SIZE = 200;
const SEED = 'person-actor-sample-1';

/**
 * What a reader decided about an actor: `person`, a real person named in the article under a name
 * that is theirs; `not-person` (a place, event, group, organisation, title or ordinary word);
 * `wrong-name`, a real person under a name with a word glued on or cut short (`Barack Obama Just`).
 * Only `person` counts as correct.
 */
export type ActorLabel = 'person' | 'not-person' | 'wrong-name';

/** One drawn actor. */
export interface SampledActor {
  readonly file: string;
  readonly actor: Actor;
  readonly hash: number;
}

/** The person actors of every dev article, each with its sampling hash, in hash order. */
export function personActorsInHashOrder(context: AnalysisContext, folder = POLNEAR_DEV): SampledActor[] {
  const all: SampledActor[] = [];
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    for (const actor of analyzeArticle(text, context).actors) {
      if (actor.type === 'person') all.push({ file, actor, hash: sampleHash(`${SEED}\u0000${file}\u0000${actor.key}`) });
    }
  }
  return all.sort((a, b) => a.hash - b.hash || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.actor.key < b.actor.key ? -1 : 1));
}

/** `file<TAB>key` → label, from the committed file (`#` starts a comment). */
export function readLabels(file = SAMPLE_LABELS): Map<string, ActorLabel> {
  const labels = new Map<string, ActorLabel>();
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [article, key, label] = line.split('\t');
    if (label !== 'person' && label !== 'not-person' && label !== 'wrong-name') throw new Error(`${file}: bad label in "${line}"`);
    labels.set(labelKey(article, key), label);
  }
  return labels;
}

/** The key of an actor in the labels map. */
export function labelKey(file: string, key: string): string {
  return `${file}\t${key}`;
}

/** Precision over the labelled part of a sample, and which drawn actors have no label yet. */
export function scoreSample(sample: readonly SampledActor[], labels: ReadonlyMap<string, ActorLabel>): { precision: number; correct: number; labelled: number; unlabelled: SampledActor[]; wrong: { item: SampledActor; label: ActorLabel }[] } {
  let correct = 0;
  let labelled = 0;
  const unlabelled: SampledActor[] = [];
  const wrong: { item: SampledActor; label: ActorLabel }[] = [];
  for (const item of sample) {
    const label = labels.get(labelKey(item.file, item.actor.key));
    if (!label) {
      unlabelled.push(item);
      continue;
    }
    labelled++;
    if (label === 'person') correct++;
    else wrong.push({ item, label });
  }
  return { precision: labelled === 0 ? NaN : correct / labelled, correct, labelled, unlabelled, wrong };
}

/** FNV-1a, 32 bits: stable across runs and platforms. */
function sampleHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
