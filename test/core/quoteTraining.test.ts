import * as assert from 'assert';
import { parseSpeakerModel, serializeSpeakerModel, trainSoftmaxRanker, trainSpeakerModel, type RankingExample } from '../../server/src/core/quotes';
import { minimize, penalisedLoss } from '../../server/src/core/quotes/training';

/** Quotations whose speaker is the candidate carrying feature `cue`, among distractors; deterministic. */
function syntheticExamples(count: number): RankingExample[] {
  const examples: RankingExample[] = [];
  for (let i = 0; i < count; i++) {
    const gold = i % 3;
    // `cue` marks the speaker in four examples of five, so the weights stay finite without the penalty too.
    const cue = i % 5 === 0 ? (gold + 1) % 3 : gold;
    const candidates = [0, 1, 2].map((c) => ({ features: [`near=${(c + i) % 3}`, ...(c === cue ? ['cue'] : []), `side=${(c * 7 + i) % 2}`, 'any'] }));
    // Every fourth quotation has two gold candidates (two mentions of the speaker).
    examples.push({ candidates, gold: i % 4 === 0 ? [gold, (gold + 2) % 3] : [gold] });
  }
  return examples;
}

describe('quotes: training the rankers (softmax with an L2 penalty)', () => {
  it('is deterministic: the same examples give the same model file', () => {
    const examples = syntheticExamples(300);
    const a = serializeSpeakerModel(trainSpeakerModel(examples, examples, { l2: 1 }));
    const b = serializeSpeakerModel(trainSpeakerModel(examples, examples, { l2: 1 }));
    assert.strictEqual(a, b);
  });

  it('learns the signal: the feature marking the speaker gets a positive weight, which survives the model file', () => {
    const model = trainSpeakerModel(syntheticExamples(300), [], { l2: 1 });
    assert.ok((model.speakers.get('cue') ?? 0) > 1, `cue: ${model.speakers.get('cue')}`);
    assert.ok(parseSpeakerModel(serializeSpeakerModel(model)).speakers.get('cue')! > 1);
  });

  it('the weights hang on the examples, not on their order (issue 15: the perceptron moved with each shuffle)', () => {
    const examples = syntheticExamples(300);
    const forward = trainSoftmaxRanker(examples, { l2: 1 });
    const reversed = trainSoftmaxRanker([...examples].reverse(), { l2: 1 });
    for (const [name, w] of forward) assert.ok(Math.abs(w - (reversed.get(name) ?? 0)) < 1e-5, `${name}: ${w} against ${reversed.get(name)}`);
  });

  it('the weights are the optimum: λ w equals the gold minus the expected feature counts, summed over the examples', () => {
    const examples = syntheticExamples(200);
    const l2 = 2;
    const weights = trainSoftmaxRanker(examples, { l2 });
    // The stationarity condition of the penalised log-likelihood, computed here from its definition.
    const residual = new Map<string, number>();
    const add = (features: readonly string[], x: number): void => {
      for (const f of features) residual.set(f, (residual.get(f) ?? 0) + x);
    };
    for (const ex of examples) {
      const exp = ex.candidates.map((c) => Math.exp(c.features.reduce((s, f) => s + (weights.get(f) ?? 0), 0)));
      const all = exp.reduce((a, b) => a + b, 0);
      const good = ex.gold.reduce((s, g) => s + exp[g], 0);
      ex.candidates.forEach((c, i) => add(c.features, (ex.gold.includes(i) ? exp[i] / good : 0) - exp[i] / all));
    }
    for (const [f, r] of residual) assert.ok(Math.abs(r - l2 * (weights.get(f) ?? 0)) < 1e-4, `${f}: ${r} against λw ${l2 * (weights.get(f) ?? 0)}`);
    // A feature every candidate has tells no candidate from another: no weight.
    assert.ok(Math.abs(weights.get('any') ?? 0) < 1e-6);
  });

  it('a stronger penalty gives smaller weights', () => {
    const examples = syntheticExamples(300);
    const norm = (l2: number): number => [...trainSoftmaxRanker(examples, { l2 }).values()].reduce((s, w) => s + w * w, 0);
    assert.ok(norm(10) < norm(1) && norm(1) < norm(0.1), `${norm(10)} < ${norm(1)} < ${norm(0.1)}`);
  });

  it('the optimiser finds the minimum of an ill-conditioned quadratic and of the Rosenbrock function', () => {
    const target = [3, -1, 0.5, 10];
    const scale = [1, 100, 0.01, 10];
    const quadratic = minimize(
      (x, g) => {
        let f = 0;
        for (let i = 0; i < x.length; i++) {
          f += 0.5 * scale[i] * (x[i] - target[i]) ** 2;
          g[i] = scale[i] * (x[i] - target[i]);
        }
        return f;
      },
      4,
      500,
    );
    quadratic.forEach((x, i) => assert.ok(Math.abs(x - target[i]) < 1e-6, `x${i} = ${x}`));
    const rosenbrock = minimize(
      (x, g) => {
        g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]);
        g[1] = 200 * (x[1] - x[0] * x[0]);
        return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] * x[0]) ** 2;
      },
      2,
      1000,
    );
    assert.ok(Math.abs(rosenbrock[0] - 1) < 1e-4 && Math.abs(rosenbrock[1] - 1) < 1e-4, `${rosenbrock[0]}, ${rosenbrock[1]}`);
  });

  // A review's cases: each of these trained an all-zero model without an error (the loss was NaN or infinite where
  // the optimiser started, which it read as nothing left to gain).
  it('refuses what it cannot train on: a bad λ, a gold index outside the candidates, no candidates', () => {
    const examples = syntheticExamples(20);
    for (const l2 of [0, -1, Number.NaN, undefined as unknown as number]) assert.throws(() => trainSoftmaxRanker(examples, { l2 }), /L2 strength/);
    for (const bad of [{ candidates: examples[0].candidates, gold: [3] }, { candidates: examples[0].candidates, gold: [-1] }, { candidates: [], gold: [0] }]) {
      assert.throws(() => trainSoftmaxRanker([...examples, bad], { l2: 1 }), /ranking example/);
    }
    // Gold repeated is one gold candidate, not all of them: the example still teaches.
    const repeated: RankingExample = { candidates: [{ features: ['a'] }, { features: ['b'] }], gold: [0, 0] };
    assert.ok((trainSoftmaxRanker([repeated], { l2: 1 }).get('a') ?? 0) > 0);
  });

  it('gold candidates far behind the best keep a finite loss (their sum is taken from their own best score)', () => {
    // With `b` at 800 and the gold candidate `a` at 0, e^(0 − 800) is 0 in floating point: the loss was infinite.
    const examples: RankingExample[] = [{ candidates: [{ features: ['a'] }, { features: ['b'] }], gold: [0] }];
    const loss = penalisedLoss(examples, new Map([['b', 800]]), 0.001);
    assert.ok(Math.abs(loss - (800 + 0.5 * 0.001 * 800 * 800)) < 1e-6, `loss ${loss}`);
  });

  it('a model file with junk for weights is refused with the file named', () => {
    for (const bad of ['{"featureVersion":6,"speakers":{"a":"1e3"},"antecedents":{}}', '{"featureVersion":6,"speakers":{"a":null},"antecedents":{}}', '{"featureVersion":6,"speakers":{},"antecedents":[1,2]}', '{"featureVersion":6}', 'null']) {
      assert.throws(() => parseSpeakerModel(bad), /speaker-model\.json/, bad);
    }
  });
});
