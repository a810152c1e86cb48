import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseSpeakerModel, serializeSpeakerModel, trainSpeakerModel } from '../../server/src/core/quotes';
import { DATA, loadArticles, trainingResources } from '../../scripts/quoteGold';
import { SEED, emptyStats, prepare } from '../../scripts/quoteTraining';
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
    const info = JSON.parse(shipped) as { trainedOn: string; examples: number; antecedentExamples: number; epochs: number; orders: number; seed: number; cvStrict: number };
    assert.strictEqual(info.seed, SEED);
    const recognizer = trainingResources.recognizer;
    const items = loadArticles('train').map((a) => prepare(a, (text, sentences) => recognizer.recognize(text, sentences), emptyStats()));
    const examples = items.flatMap((p) => p.examples);
    const antecedents = items.flatMap((p) => p.antecedentExamples);
    assert.deepStrictEqual(
      { examples: examples.length, antecedentExamples: antecedents.length },
      { examples: info.examples, antecedentExamples: info.antecedentExamples },
      'the training examples differ from those the shipped model was trained on: run `npm run train:quotes`',
    );
    // The epochs and the cross-validated figure are the training script's choice, read from the shipped file and not
    // chosen again here (that takes the script's minutes of cross-validation): the weights follow from them.
    const retrained = serializeSpeakerModel(trainSpeakerModel(examples, antecedents, { epochs: info.epochs, seed: SEED, orders: info.orders }), {
      trainedOn: info.trainedOn,
      examples: info.examples,
      antecedentExamples: info.antecedentExamples,
      epochs: info.epochs,
      orders: info.orders,
      seed: info.seed,
      cvStrict: info.cvStrict,
    });
    assert.ok(retrained === shipped, 'the shipped weights are not those the current code trains: run `npm run train:quotes`');
    assert.ok(parseSpeakerModel(retrained).speakers.size > 0);
  });
});
