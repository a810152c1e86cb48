import * as assert from 'assert';
import { constants } from 'buffer';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readArticle, UnreadableArticle } from '../../server/src/cli/readArticle';
import { readSeed, SEEDS } from '../helpers/seeds';

describe('cli: reading an article', function () {
  this.timeout(120_000);
  let folder: string;
  beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-read-'))));
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('valid UTF-8 longer than the longest string is "too large", not "not valid UTF-8" as it was', function () {
    // Half a gigabyte on disk and about twice that in memory for a moment.
    if (os.freemem() < 3 * 1024 ** 3) this.skip();
    const file = path.join(folder, 'corpus-dump.txt');
    const block = Buffer.from(`${readSeed(SEEDS.lavrovJamil)}\n`.repeat(300));
    const fd = fs.openSync(file, 'w');
    let size = 0;
    while (size <= constants.MAX_STRING_LENGTH) size += fs.writeSync(fd, block);
    fs.closeSync(fd);
    assert.throws(
      () => readArticle(file),
      (error: Error) => error instanceof UnreadableArticle && /corpus-dump\.txt: too large to read as one text \([\d,]+ bytes; the most is 536,870,888 characters\)/.test(error.message),
    );
  });

  it('invalid UTF-8 is still named so', () => {
    const file = path.join(folder, 'latin1.txt');
    fs.writeFileSync(file, Buffer.from([0x43, 0x61, 0x66, 0xe9]));
    assert.throws(() => readArticle(file), /latin1\.txt: not valid UTF-8 text/);
  });
});
