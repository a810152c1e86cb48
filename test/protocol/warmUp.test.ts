import * as assert from 'assert';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { AnalysisRunner } from '../../server/src/lsp/analysisRunner';
import { diskDataSource } from '../../server/src/diskData';
import { WARM_UP_ARTICLE, warmUp } from '../../server/src/lsp/warmUp';
import { newService } from '../helpers/resources';
import { readSeed, SEEDS } from '../helpers/seeds';

/**
 * The server warms its thread's compiled code by analysing a text of its own in quiet moments: it
 * must run the analysis (actors, quotes), keep and index nothing, change no later analysis, and let
 * requests in between its stages.
 */
describe('warm-up of the server thread (lsp/warmUp.ts)', () => {
  const WARM_UP_TEXT = diskDataSource().readText(WARM_UP_ARTICLE);

  it('analyses its article in full and after an edit, a stage at a time, keeping and indexing nothing', () => {
    const service = newService();
    // What the warm-up runs through is a news article's analysis: people, quotes, organisations.
    const analysis = newService().analyzeText('file:///warm/text.article', WARM_UP_TEXT, DEFAULT_SETTINGS);
    assert.ok(analysis.actors.filter((a) => a.type === 'person').length >= 5, 'people to group');
    assert.ok(analysis.quotes.length >= 6, 'quotes to attribute');
    assert.ok(analysis.actors.some((a) => a.type === 'organization'));
    let stages = 0;
    for (const step = service.warmUpInStages(WARM_UP_TEXT); !step.next().done; ) stages++;
    assert.ok(stages >= 8, `two analyses, a stage at a time (${stages} steps)`);
    assert.strictEqual(service.workspaceSize, 0);
    const document = { uri: 'file:///warm/seed.article', version: 1, getText: () => readSeed(SEEDS.lavrovKerry) };
    const fresh = newService().analyze({ ...document, uri: 'file:///warm/fresh.article' });
    assert.deepStrictEqual(service.analyze(document).actors, fresh.actors);
    assert.deepStrictEqual(service.analyze(document).quotes, fresh.quotes);
  });

  it('waits for quiet moments: a request that comes meanwhile is analysed before the warm-up ends', async () => {
    const service = newService();
    const runner = new AnalysisRunner(service, () => 1);
    const document = { uri: 'file:///warm/request.article', version: 1, getText: () => readSeed(SEEDS.lavrovKerry) };
    const order: string[] = [];
    const warming = warmUp(service, runner, WARM_UP_TEXT, 3).then(() => order.push('warm-up'));
    // The request comes as a message does, in a later turn of the event loop: one that the warm-up
    // held up to its end (its stages chained without letting timers or messages in) would come last.
    const request = new Promise<void>((resolve) => setTimeout(() => void runner.ensure(document, undefined as never).then(() => {
      order.push('request');
      resolve();
    }), 0));
    await Promise.all([request, warming]);
    assert.deepStrictEqual(order, ['request', 'warm-up']);
    assert.strictEqual(service.workspaceSize, 1, 'only the request’s article is indexed');
  });

  it('goes on while the editor asks for something every 50 ms, a stage in each gap', async () => {
    const service = newService();
    const runner = new AnalysisRunner(service, () => 1);
    // An editor in use: demand every 50 ms (the bench asks for document symbols so while the
    // workspace is indexed). With the 100 ms quiet the index cache's saving waits for, each stage
    // would wait out its 2 s of patience: the two rounds below (some 20 stages) would take 40 s.
    const demand = setInterval(() => runner.noteDemand(), 50);
    let ticks = 0;
    const counter = setInterval(() => ticks++, 50);
    try {
      runner.noteDemand();
      await warmUp(service, runner, WARM_UP_TEXT, 2);
    } finally {
      clearInterval(demand);
      clearInterval(counter);
    }
    assert.ok(ticks < 100, `the warm-up took ${ticks} demand periods of 50 ms`);
  });
});
