import * as assert from 'assert';
import { analyzeArticle } from '../../server/src/core/analysis';
import { PositionMapper } from '../../server/src/lsp/positions';
import { pageFurnitureActions, pageFurnitureDiagnostics } from '../../server/src/lsp/pageFurniture';
import { context, newService } from '../helpers/resources';
import { readSeed, SEEDS } from '../helpers/seeds';

/**
 * Inputs that made a stage super-linear (an adversarial test, each a text a scraper can produce). These
 * are guards against a hang, not speed measurements: each input took 5–40 s (the share bar: over a
 * minute from 14 items) and now takes well under a second, so the timeouts leave a wide margin on a
 * loaded machine. Speed itself is measured by `npm run bench`.
 */
describe('pathological inputs finish: no stage backtracks or compares all pairs', () => {
  const seed = readSeed(SEEDS.lavrovKerry);

  it('a share bar of twenty networks at the end of an article (a picture-credit pattern backtracked exponentially)', function () {
    this.timeout(10_000);
    const networks = ['Facebook', 'LinkedIn', 'Reddit', 'Email', 'WhatsApp', 'Pinterest', 'Tumblr', 'Telegram', 'Pocket', 'Flipboard', 'Print', 'Copy Link', 'Mix', 'Digg', 'Skype', 'Viber', 'Line', 'Xing', 'Gab', 'Parler'];
    const analysis = analyzeArticle(`${seed}\n\nTwitter / ${networks.join(' / ')} / More (12)\n`, context);
    assert.ok(analysis.actors.some((a) => a.name === 'Sergei Lavrov'));
  });

  it('a near repeat whose damaged word is glued to 95,000 exclamation marks (the message stripped them with a quadratic pattern)', function () {
    // About 11 s before, under a second now (more marks and the paragraphs are no longer compared at all).
    this.timeout(5_000);
    const base = 'Russian Foreign Minister Sergei Lavrov met Monday with Syrian Deputy Prime Minister Qadri Jamil in Moscow';
    const marks = '!'.repeat(95_000);
    const analysis = analyzeArticle(`${base} ${marks}Washington on Tuesday afternoon.\n\nThe talks in Geneva went on for hours.\n\n${base} ${marks}Washingt0n on Tuesday afternoon.\n`, context);
    assert.strictEqual(analysis.duplicates.length, 1);
  });

  it('a place name repeated 40,000 times in a row (the entity clean-up looked up every prefix of the span)', function () {
    this.timeout(10_000);
    const analysis = analyzeArticle('Iowa '.repeat(40_000), context);
    assert.ok(analysis.entities.length > 0);
  });

  it('the fixes of 40,000 bylines asked for at once (a whole document selected: each fix scanned every region)', function () {
    this.timeout(10_000);
    const text = 'By John Smith\n\n'.repeat(40_000);
    const service = newService();
    const document = { uri: 'file:///pathological/news/bylines.txt', version: 1, getText: () => text };
    const regions = service.getPageFurniture(document);
    assert.ok(regions.length > 1000);
    const positions = new PositionMapper(text);
    const diagnostics = pageFurnitureDiagnostics(regions, positions, 'hint');
    const actions = pageFurnitureActions(document.uri, document.version, { start: 0, end: text.length }, undefined, diagnostics, regions, (start) => service.getFurnitureRemovals(document, start), positions);
    assert.strictEqual(actions.length, regions.length + 1);
  });
});
