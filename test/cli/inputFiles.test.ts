import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listInputFiles } from '../../server/src/cli/inputFiles';
import { SEEDS, seedPath } from '../helpers/seeds';

describe('cli: input files', () => {
  let folder: string;
  beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-inputs-'))));
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('a folder walk takes symbolic links to articles (they were skipped without a word), reports broken ones, and follows no link to a folder', () => {
    fs.copyFileSync(seedPath(SEEDS.lavrovJamil), path.join(folder, 'a.txt'));
    fs.symlinkSync(seedPath(SEEDS.lavrovKerry), path.join(folder, 'b.txt'));
    fs.symlinkSync(path.join(folder, 'nowhere.txt'), path.join(folder, 'c.txt'));
    fs.symlinkSync(seedPath(SEEDS.lavrovKerry), path.join(folder, 'not-an-article.md'));
    fs.mkdirSync(path.join(folder, 'sub'));
    fs.symlinkSync(folder, path.join(folder, 'sub', 'loop'));
    fs.symlinkSync(path.dirname(seedPath(SEEDS.lavrovKerry)), path.join(folder, 'seeds.txt'));
    // Two links to each other: a loop, not a missing file.
    fs.symlinkSync(path.join(folder, 'e.txt'), path.join(folder, 'd.txt'));
    fs.symlinkSync(path.join(folder, 'd.txt'), path.join(folder, 'e.txt'));
    const listed = [...listInputFiles([folder])];
    assert.deepStrictEqual(listed, [
      { file: path.join(folder, 'a.txt'), shardKey: 'a.txt' },
      { file: path.join(folder, 'b.txt'), shardKey: 'b.txt' },
      { problem: `${path.join(folder, 'c.txt')}: broken symbolic link` },
      { problem: `${path.join(folder, 'd.txt')}: symbolic link in a loop` },
      { problem: `${path.join(folder, 'e.txt')}: symbolic link in a loop` },
    ]);
    assert.strictEqual(fs.readFileSync((listed[1] as { file: string }).file, 'utf8'), fs.readFileSync(seedPath(SEEDS.lavrovKerry), 'utf8'));
  });

  it('names a file whose name is not valid UTF-8 as such (it was "cannot read file (ENOENT)" of a file that is there)', function () {
    const badName = Buffer.concat([Buffer.from(folder + '/bad_'), Buffer.from([0xff]), Buffer.from('_name.txt')]);
    try {
      fs.writeFileSync(badName, 'Sergei Lavrov said.');
    } catch {
      this.skip(); // a file system that refuses such names cannot hold the case
    }
    fs.copyFileSync(seedPath(SEEDS.lavrovJamil), path.join(folder, 'a.txt'));
    const listed = [...listInputFiles([folder])];
    assert.deepStrictEqual(listed[0], { file: path.join(folder, 'a.txt'), shardKey: 'a.txt' });
    assert.strictEqual(listed.length, 2);
    assert.match((listed[1] as { problem: string }).problem, /bad_\uFFFD_name\.txt: the file name is not valid UTF-8/);
  });
});
