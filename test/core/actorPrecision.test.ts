import * as assert from 'assert';
import * as fs from 'fs';
import { personActorsInHashOrder, POLNEAR_DEV, readLabels, SAMPLE_SIZE, scoreSample } from '../helpers/actorSample';
import { context } from '../helpers/resources';

/**
 * Issue 14: a person actor is a person. 200 person actors of the PolNeAR dev articles, drawn by a
 * seeded hash and labelled by hand (`test/data/person-actor-sample.tsv`, ids only), must be real
 * people named under their own names at least 97% of the time. Before the entity repair the same
 * draw scored 165/200 = 0.825 (`npx tsx scripts/actorSample.ts` prints the figure and the misses).
 */
describe('person-actor precision on the hand-labelled PolNeAR dev sample', function () {
  const THRESHOLD = 0.97;
  /** Some drawn actors may be new (a retrained tagger names them differently): label them when there are more than this. */
  const MAX_UNLABELLED = 0.1;

  it(`is at least ${THRESHOLD}`, function () {
    if (!fs.existsSync(POLNEAR_DEV)) {
      console.log(`      (skipped: ${POLNEAR_DEV} not found; the PolNeAR data lives outside the repository in ../shared/data)`);
      this.skip();
    }
    this.timeout(180000);
    const sample = personActorsInHashOrder(context).slice(0, SAMPLE_SIZE);
    const score = scoreSample(sample, readLabels());
    const unlabelled = score.unlabelled.map((u) => `${u.file}\t${u.actor.key}`);
    assert.ok(score.unlabelled.length <= MAX_UNLABELLED * SAMPLE_SIZE, `label these drawn actors in test/data/person-actor-sample.tsv (npx tsx scripts/actorSample.ts --print=${SAMPLE_SIZE + 20}):\n${unlabelled.join('\n')}`);
    const misses = score.wrong.map((w) => `${w.label}\t${w.item.file}\t${w.item.actor.key}`);
    assert.ok(score.precision >= THRESHOLD, `precision ${score.precision.toFixed(3)} (${score.correct}/${score.labelled}); not people:\n${misses.join('\n')}`);
  });
});
