import * as assert from 'assert';
import { pairAcrossFolders } from '../../server/src/cli/agree';

describe('agree: pairing the two annotators\' articles (cli/agree.ts pairAcrossFolders)', () => {
  it('pairs the same path, else the one path differing in case alone', () => {
    const pairs = pairAcrossFolders(['news/Cruz.TXT', 'news/kasich.txt', 'only-a.txt'], ['news/cruz.txt', 'news/kasich.txt', 'only-b.txt']);
    assert.deepStrictEqual([...pairs], [['news/Cruz.TXT', 'news/cruz.txt'], ['news/kasich.txt', 'news/kasich.txt']]);
  });

  it('does not guess where the case leaves two choices, or where the other folder has the exact twin', () => {
    // Two B paths A's could mean.
    assert.deepStrictEqual([...pairAcrossFolders(['x.TXT'], ['x.txt', 'X.txt'])], []);
    // Two A paths that could both mean one B path.
    assert.deepStrictEqual([...pairAcrossFolders(['x.TXT', 'X.txt'], ['x.txt'])], []);
    // B's x.txt has its exact twin in A: A's X.TXT does not take it.
    assert.deepStrictEqual([...pairAcrossFolders(['x.txt', 'X.TXT'], ['x.txt'])], [['x.txt', 'x.txt']]);
  });
});
