import * as assert from 'assert';
import { NominalResolver } from '../../server/src/core/nominals';

/**
 * The one resolver of role descriptions (`nominals.ts`), used by actors (whole descriptions, roles from
 * roles.ts) and by the quote pass (the head is enough, titles from its token view).
 */
describe('nominals: the resolver of role descriptions', () => {
  // Lavrov (Russian foreign minister) at 0 and 300, Zarif (Iranian foreign minister) at 100, Kerry (secretary) at 200.
  const roles = new Map<string, Set<string>>([
    ['Lavrov', new Set(['russian', 'foreign', 'minister'])],
    ['Zarif', new Set(['iranian', 'foreign', 'minister'])],
    ['Kerry', new Set(['secretary', 'state'])],
    ['Nobody', new Set()],
  ]);
  const mentions = [
    { start: 0, holder: 'Lavrov' },
    { start: 100, holder: 'Zarif' },
    { start: 200, holder: 'Kerry' },
    { start: 250, holder: 'Nobody' },
    { start: 300, holder: 'Lavrov' },
  ];
  const resolver = new NominalResolver(mentions, (key) => roles.get(key));

  it('picks the holder of the head mentioned last before the description', () => {
    assert.deepStrictEqual(resolver.resolve(['minister'], 150, { wholeDescription: false }), { holder: 'Zarif', start: 100 });
    assert.deepStrictEqual(resolver.resolve(['minister'], 400, { wholeDescription: false }), { holder: 'Lavrov', start: 300 });
    assert.strictEqual(resolver.resolve(['minister'], 0, { wholeDescription: false }), undefined, 'nobody before the first mention');
  });

  it('a holder of every word wins over a more recent holder of the head alone', () => {
    assert.deepStrictEqual(resolver.resolve(['russian', 'foreign', 'minister'], 150, { wholeDescription: false }), { holder: 'Lavrov', start: 0 });
    assert.deepStrictEqual(resolver.resolve(['florida', 'minister'], 150, { wholeDescription: false }), { holder: 'Zarif', start: 100 }, 'the head is enough');
  });

  it('whole descriptions (actors) need every word among the roles', () => {
    assert.strictEqual(resolver.resolve(['florida', 'minister'], 150, { wholeDescription: true }), undefined);
    assert.deepStrictEqual(resolver.resolve(['iranian', 'foreign', 'minister'], 400, { wholeDescription: true }), { holder: 'Zarif', start: 100 });
  });

  it('a window of mentions bounds how far back it looks', () => {
    assert.deepStrictEqual(resolver.resolve(['secretary'], 400, { wholeDescription: false, maxMentions: 3 }), { holder: 'Kerry', start: 200 });
    assert.strictEqual(resolver.resolve(['secretary'], 400, { wholeDescription: false, maxMentions: 2 }), undefined, 'Kerry is three mentions back');
    assert.strictEqual(resolver.resolve(['senator'], 400, { wholeDescription: false }), undefined, 'no holder of the head');
  });
});
