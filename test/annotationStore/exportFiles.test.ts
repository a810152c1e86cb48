import * as assert from 'assert';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExportClash, writeExportFiles } from '../../server/src/annotationStore/exportFiles';
import { readSeed, SEEDS } from '../helpers/seeds';

/** Resolves with what the promise settled to, or fails after `ms` (a promise that never settles). */
function within<T>(promise: Promise<T>, ms: number): Promise<{ value?: T; error?: unknown }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve({ value })),
      (error: unknown) => (clearTimeout(timer), resolve({ error })),
    );
  });
}

describe('export files', () => {
  let folder: string;
  const text = readSeed(SEEDS.lavrovKerry);
  const files = [
    { path: 'news/kerry.ann', text: 'T1\tPerson 0 4\tJohn\n' },
    { path: 'news/kerry.txt', text },
  ];

  beforeEach(async () => (folder = await fs.mkdtemp(path.join(os.tmpdir(), 'article-lens-export-'))));
  afterEach(async () => fs.rm(folder, { recursive: true, force: true }));

  it('writes the files under the folder, making the folders they need', async () => {
    const out = path.join(folder, 'a', 'b');
    const written = await writeExportFiles(out, files);
    assert.deepStrictEqual(written, [path.join(out, 'news', 'kerry.ann'), path.join(out, 'news', 'kerry.txt')]);
    assert.strictEqual(await fs.readFile(written[1], 'utf8'), text);
    assert.deepStrictEqual((await fs.readdir(path.join(out, 'news'))).sort(), ['kerry.ann', 'kerry.txt'], 'no temporary file left');
  });

  it('refuses to write over a file no export wrote there (an unrelated article, another annotator\'s .ann): nothing written', async () => {
    const out = path.join(folder, 'out');
    await fs.mkdir(path.join(out, 'news'), { recursive: true });
    const theirs = 'T1\tPerson 10 15\tKerry\n';
    await fs.writeFile(path.join(out, 'news', 'kerry.ann'), theirs);
    const { error } = await within(writeExportFiles(out, files), 10_000);
    assert.ok(error instanceof ExportClash, `an ExportClash, got ${String(error)}`);
    assert.match(error.message, /news\/kerry\.ann .*would be written over/);
    assert.strictEqual(await fs.readFile(path.join(out, 'news', 'kerry.ann'), 'utf8'), theirs);
    assert.deepStrictEqual(await fs.readdir(path.join(out, 'news')), ['kerry.ann'], 'not even the .txt copy was written');
  });

  it('writes again over what an earlier export wrote (a second run with more annotations), and over a file that holds what it would write; not over one changed since', async () => {
    const out = path.join(folder, 'out');
    await fs.mkdir(path.join(out, 'news'), { recursive: true });
    // The article's copy is there already, as it would be written (a folder copied from elsewhere): nothing lost.
    await fs.writeFile(path.join(out, 'news', 'kerry.txt'), text);
    await writeExportFiles(out, files);
    const more = [{ path: 'news/kerry.ann', text: 'T1\tPerson 0 4\tJohn\nT2\tPerson 5 10\tKerry\n' }, files[1]];
    await writeExportFiles(out, more);
    assert.strictEqual(await fs.readFile(path.join(out, 'news', 'kerry.ann'), 'utf8'), more[0].text);
    // An annotator corrected the exported file in brat since: their work is not written over.
    await fs.writeFile(path.join(out, 'news', 'kerry.ann'), 'T1\tLocation 0 4\tJohn\n');
    const { error } = await within(writeExportFiles(out, files), 10_000);
    assert.ok(error instanceof ExportClash, `an ExportClash, got ${String(error)}`);
    assert.strictEqual(await fs.readFile(path.join(out, 'news', 'kerry.ann'), 'utf8'), 'T1\tLocation 0 4\tJohn\n');
  });

  it('an out folder that is a file is refused with a message saying so (it used to fail with ENOTDIR as an internal error)', async () => {
    const file = path.join(folder, 'notes.txt');
    await fs.writeFile(file, 'not a folder');
    const { error } = await within(writeExportFiles(file, files), 10_000);
    assert.ok(error instanceof ExportClash, `an ExportClash, got ${String(error)}`);
    assert.match(error.message, /notes\.txt: not a folder/);
    assert.strictEqual(await fs.readFile(file, 'utf8'), 'not a folder');
  });

  it('an out folder that cannot be made under /proc is refused at once (Node\'s recursive mkdir spun there for ever)', async function () {
    if (!existsSync('/proc/self')) this.skip();
    const { error } = await within(writeExportFiles('/proc/article-lens-export', files), 10_000);
    assert.ok(error instanceof ExportClash, `an ExportClash, got ${String(error)}`);
    assert.match(error.message, /\/proc\/article-lens-export\/news\/kerry\.ann cannot be written \(ENOENT\)/);
  });
});
