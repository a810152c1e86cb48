import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { bestCandidate, parseSpeakerModel, serializeSpeakerModel, trainSpeakerModel } from '../../server/src/core/quotes';
import { DATA, loadArticles, trainingResources } from '../../scripts/quoteGold';
import { emptyStats, prepare, type Prepared } from '../../scripts/quoteTraining';
import { ROOT } from '../helpers/seeds';

const SHIPPED = path.join(ROOT, 'server', 'data', 'quotes', 'speaker-model.json');

/**
 * The shipped speaker model is what `npm run train:quotes` writes from the code beside it. A model trained on
 * an earlier release's candidates (other entities, other cue rules) still loads, since its features keep their
 * names, but it scores candidates the code no longer makes the way it made them: stop 45 shipped such a model
 * (dev strict 0.851, which the code it was shipped with could not reproduce: retrained, 0.844).
 */
describe('quotes: the shipped speaker model', () => {
  it('is the one training on PolNeAR train gives with the current code (run `npm run train:quotes` after a change that moves candidates)', function () {
    if (!fs.existsSync(path.join(DATA, 'train'))) {
      console.log(`      skipped: ${DATA} is absent`);
      this.skip();
    }
    this.timeout(180_000);
    const shipped = fs.readFileSync(SHIPPED, 'utf8');
    const info = JSON.parse(shipped) as { trainedOn: string; examples: number; antecedentExamples: number; l2: number; cvStrict: number };
    const items = trainItems();
    const examples = items.flatMap((p) => p.examples);
    const antecedents = items.flatMap((p) => p.antecedentExamples);
    assert.deepStrictEqual(
      { examples: examples.length, antecedentExamples: antecedents.length },
      { examples: info.examples, antecedentExamples: info.antecedentExamples },
      'the training examples differ from those the shipped model was trained on: run `npm run train:quotes`',
    );
    // The L2 strength and the cross-validated figure are the training script's choice, read from the shipped file and
    // not chosen again here (that takes the script's minute of cross-validation): the weights follow from them.
    const retrained = serializeSpeakerModel(trainSpeakerModel(examples, antecedents, { l2: info.l2 }), {
      trainedOn: info.trainedOn,
      examples: info.examples,
      antecedentExamples: info.antecedentExamples,
      l2: info.l2,
      cvStrict: info.cvStrict,
    });
    assert.ok(retrained === shipped, 'the shipped weights are not those the current code trains: run `npm run train:quotes`');
    assert.ok(parseSpeakerModel(retrained).speakers.size > 0);
  });

  it('hardly moves when 1% of the train articles are left out of training (issue 15: the perceptron moved a hundred quotations)', function () {
    if (!fs.existsSync(path.join(DATA, 'train'))) this.skip();
    this.timeout(180_000);
    const l2 = (JSON.parse(fs.readFileSync(SHIPPED, 'utf8')) as { l2: number }).l2;
    const items = trainItems();
    const train = (kept: readonly Prepared[]) => trainSpeakerModel(kept.flatMap((p) => p.examples), kept.flatMap((p) => p.antecedentExamples), { l2 });
    const all = train(items);
    const fewer = train(items.filter((_, i) => i % 100 !== 37));
    // Every speaker and antecedent choice of train, by both models. The averaged perceptron (five orders, three
    // epochs), trained the same two ways, changed 78 of these 4,330 choices (67 and 91 leaving out other articles,
    // i % 100 = 71 or 5); this model changes 14 (13 and 2).
    const examples = items.flatMap((p) => [...p.examples.map((e) => ({ e, w: 'speakers' as const })), ...p.antecedentExamples.map((e) => ({ e, w: 'antecedents' as const }))]);
    const changed = examples.filter(({ e, w }) => bestCandidate(all[w], e.candidates) !== bestCandidate(fewer[w], e.candidates)).length;
    assert.ok(changed <= examples.length * 0.005, `${changed} of ${examples.length} choices changed`);
    // And it is a model: an empty or vanishing one (a bad λ, a malformed example) changes nothing either. The shipped
    // recipe picks a gold candidate for 87% of these choices (3,782 of 4,330).
    const right = examples.filter(({ e, w }) => e.gold.includes(bestCandidate(all[w], e.candidates))).length;
    assert.ok(right >= examples.length * 0.8, `${right} of ${examples.length} choices are gold candidates`);
  });
});

let prepared: Prepared[] | undefined;
/** PolNeAR train's examples, made once for both tests (half a minute). */
function trainItems(): Prepared[] {
  const recognizer = trainingResources.recognizer;
  return (prepared ??= loadArticles('train').map((a) => prepare(a, (text, sentences) => recognizer.recognize(text, sentences), emptyStats())));
}
