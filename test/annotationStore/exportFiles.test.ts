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
