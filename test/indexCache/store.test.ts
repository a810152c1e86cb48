import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { plainValues } from '../../server/src/indexCache/format';
import { readForIndex } from '../../server/src/indexCache/fileSnapshot';
import { IndexCacheStore } from '../../server/src/indexCache/store';

const identity = { key: 'k', folder: 'file:///ws' };
const isText = (value: unknown): value is string => typeof value === 'string';

describe('index cache: store', () => {
  let scratch: string;
  let file: string;
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-store-'));
    file = path.join(scratch, 'nested', 'workspace-index-0123456789abcdef.bin');
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  const open = (logs: string[] = []) => IndexCacheStore.open<string>(file, identity, plainValues(isText), (m) => logs.push(m));

  it('a file of the same size and modification time whose change time differs is checked by its hash (cp -p, touch -r, rsync -a)', async () => {
    const store = await open();
    store.set('/ws/a.txt', { size: 10, mtimeMs: 1000, ctimeMs: 1000, hash: 'h-a', readAtMs: 60_000, deps: [] }, 'summary of a');
    await store.save(() => undefined);
    const again = await open();
    assert.deepStrictEqual(again.check('/ws/a.txt', 10, 1000, [], 1000), { state: 'fresh', value: 'summary of a' });
    assert.deepStrictEqual(again.check('/ws/a.txt', 10, 1000, [], 90_000), { state: 'verify', hash: 'h-a', value: 'summary of a' });
  });

  it('opening a cache marks it used, so that housekeeping (by modification time) keeps a cache opened every day', async () => {
    const store = await open();
    store.set('/ws/a.txt', { size: 10, mtimeMs: 1000, hash: 'h-a', readAtMs: 60_000, deps: [] }, 'summary of a');
    await store.save(() => undefined);
    const longAgo = new Date(Date.now() - 29 * 24 * 3600 * 1000);
    fs.utimesSync(file, longAgo, longAgo);
    const again = await open();
    assert.strictEqual(again.size, 1);
    assert.ok(Date.now() - fs.statSync(file).mtimeMs < 60_000, 'modification time set to now');
  });

  it('a missing file is an empty cache, silently; what is saved is read back', async () => {
    const logs: string[] = [];
    const store = await open(logs);
    assert.strictEqual(store.size, 0);
    assert.strictEqual(logs.length, 0);
    store.set('/ws/a.txt', { size: 10, mtimeMs: 1000, hash: 'h-a', readAtMs: 10_000, deps: [] }, 'summary of a');
    await store.save((m) => logs.push(m));
    assert.deepStrictEqual(logs, []);
    assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), [path.basename(file)], 'no temporary file left');
    const again = await open();
    assert.deepStrictEqual(again.check('/ws/a.txt', 10, 1000), { state: 'fresh', value: 'summary of a' });
  });

  it('reads back a file larger than it reads ahead at once (4 MB), chunk lengths and chunks across its windows, and a chunk larger than a window', async () => {
    const store = await open();
    // 300 values of 20–60 KB (12 MB in about a dozen 25-entry chunks of 0.5–1.5 MB), and one of 5 MB.
    const values = new Map<string, string>();
    for (let i = 0; i < 300; i++) values.set(`/ws/${i}.txt`, `${i}:`.padEnd(20_000 + ((i * 7919) % 40_000), String.fromCharCode(97 + (i % 26))));
    values.set('/ws/huge.txt', 'h'.repeat(5 * 1024 * 1024));
    for (const [filePath, value] of values) store.set(filePath, { size: value.length, mtimeMs: 1000, hash: `h-${filePath}`, readAtMs: 60_000, deps: [] }, value);
    const logs: string[] = [];
    await store.save((m) => logs.push(m));
    assert.ok(fs.statSync(file).size > 12 * 1024 * 1024);
    const again = await open(logs);
    assert.deepStrictEqual(logs, []);
    assert.strictEqual(again.size, values.size);
    for (const [filePath, value] of values) assert.deepStrictEqual(again.check(filePath, value.length, 1000), { state: 'fresh', value }, filePath);
  });

  it('reads binary values back intact across its read windows (the reader reuses one buffer: what is kept is a copy)', async () => {
    type Blobs = { bytes: Uint8Array; offsets: Uint32Array };
    const isBlobs = (value: unknown): value is Blobs => typeof value === 'object' && value !== null && (value as Blobs).bytes instanceof Uint8Array;
    const blobs = new Map<string, Blobs>();
    // 120 values of 100 KB: 12 MB, three read windows; each value's bytes are its own pattern.
    for (let i = 0; i < 120; i++) {
      // A Buffer: msgpackr copies typed arrays anyway, but decodes a Buffer as a view of its input
      // unless told to copy (`copyBuffers`), a view the reused read buffer would overwrite.
      const bytes = Buffer.from(new Uint8Array(80_000).map((_, j) => (i * 31 + j) & 0xff));
      blobs.set(`/ws/${i}.txt`, { bytes, offsets: new Uint32Array(5_000).map((_, j) => i * 100_000 + j) });
    }
    const store = await IndexCacheStore.open<Blobs>(file, identity, plainValues(isBlobs), () => undefined);
    for (const [filePath, value] of blobs) store.set(filePath, { size: 1, mtimeMs: 1000, hash: `h-${filePath}`, readAtMs: 60_000, deps: [] }, value);
    await store.save(() => undefined);
    const again = await IndexCacheStore.open<Blobs>(file, identity, plainValues(isBlobs), () => undefined);
    assert.strictEqual(again.size, blobs.size);
    for (const [filePath, value] of blobs) {
      const check = again.check(filePath, 1, 1000);
      assert.ok(check.state === 'fresh', filePath);
      assert.ok(Buffer.from(check.value.bytes).equals(Buffer.from(value.bytes)), `${filePath}: bytes`);
      assert.deepStrictEqual([...check.value.offsets], [...value.offsets], `${filePath}: offsets`);
    }
  });

  it('trusts size and time only for a file read well after its last change; otherwise asks for its hash', async () => {
    const store = await open();
    store.set('/ws/old.txt', { size: 5, mtimeMs: 1000, hash: 'h-old', readAtMs: 1000 + 60_000, deps: [] }, 'old');
    store.set('/ws/racy.txt', { size: 5, mtimeMs: 1000, hash: 'h-racy', readAtMs: 1000 + 500, deps: [] }, 'racy');
    await store.save(() => undefined);
    const again = await open();
    assert.deepStrictEqual(again.check('/ws/old.txt', 5, 1000), { state: 'fresh', value: 'old' });
    assert.deepStrictEqual(again.check('/ws/racy.txt', 5, 1000), { state: 'verify', hash: 'h-racy', value: 'racy' });
    assert.deepStrictEqual(again.check('/ws/old.txt', 6, 1000), { state: 'verify', hash: 'h-old', value: 'old' }, 'another size');
    assert.deepStrictEqual(again.check('/ws/old.txt', 5, 2000), { state: 'verify', hash: 'h-old', value: 'old' }, 'another time');
    assert.deepStrictEqual(again.check('/ws/new.txt', 5, 1000), { state: 'unknown' });
  });

  it('a value whose dependency (an annotation store file) changed, appeared or just changed is computed again, not verified by hash', async () => {
    const store = await open();
    const annotations = { path: '/ws/.article-lens/annotations/a.txt.json', size: 300, mtimeMs: 5000 };
    store.set('/ws/a.txt', { size: 5, mtimeMs: 1000, hash: 'h-a', readAtMs: 60_000, deps: [annotations] }, 'with annotations');
    store.set('/ws/b.txt', { size: 5, mtimeMs: 1000, hash: 'h-b', readAtMs: 60_000, deps: [{ path: '', size: -1, mtimeMs: 0 }] }, 'no store');
    store.set('/ws/c.txt', { size: 5, mtimeMs: 1000, hash: 'h-c', readAtMs: 60_000, deps: [{ ...annotations, mtimeMs: 59_000 }] }, 'store written just before');
    await store.save(() => undefined);
    const again = await open();
    assert.deepStrictEqual(again.check('/ws/a.txt', 5, 1000, [annotations]), { state: 'fresh', value: 'with annotations' });
    assert.deepStrictEqual(again.check('/ws/a.txt', 5, 1000, [{ ...annotations, size: 301 }]), { state: 'verify', value: 'with annotations' }, 'annotations edited');
    assert.deepStrictEqual(again.check('/ws/a.txt', 6, 1000, [{ ...annotations, mtimeMs: 7000 }]), { state: 'verify', value: 'with annotations' }, 'both changed: no hash shortcut');
    assert.deepStrictEqual(again.check('/ws/b.txt', 5, 1000, [{ path: '', size: -1, mtimeMs: 0 }]), { state: 'fresh', value: 'no store' });
    assert.deepStrictEqual(again.check('/ws/b.txt', 5, 1000, [{ path: '/ws/.article-lens/annotations/b.txt.json', size: -1, mtimeMs: 0 }]), { state: 'verify', value: 'no store' }, 'a store appeared above it');
    assert.deepStrictEqual(again.check('/ws/c.txt', 5, 1000, [{ ...annotations, mtimeMs: 59_000 }]), { state: 'verify', value: 'store written just before' }, 'racy store file');
  });

  it('a save keeps only the files this session confirmed or read: deleted files leave the cache', async () => {
    const store = await open();
    store.set('/ws/kept.txt', { size: 1, mtimeMs: 1, hash: 'k', readAtMs: 100_000, deps: [] }, 'kept');
    store.set('/ws/gone.txt', { size: 1, mtimeMs: 1, hash: 'g', readAtMs: 100_000, deps: [] }, 'gone');
    await store.save(() => undefined);
    const second = await open();
    assert.strictEqual(second.size, 2);
    second.check('/ws/kept.txt', 1, 1);
    await second.save(() => undefined);
    const third = await open();
    assert.strictEqual(third.size, 1);
    assert.deepStrictEqual(third.check('/ws/gone.txt', 1, 1), { state: 'unknown' });
  });

  it('a save that cannot be written is a log line, not an exception, and leaves no temporary file', async () => {
    fs.writeFileSync(path.join(scratch, 'nested'), 'a file where the folder should be');
    const store = await open();
    store.set('/ws/a.txt', { size: 1, mtimeMs: 1, hash: 'a', readAtMs: 100_000, deps: [] }, 'a');
    const logs: string[] = [];
    await store.save((m) => logs.push(m));
    assert.strictEqual(logs.length, 1);
    assert.match(logs[0], /^index cache .* not saved: /);
    assert.deepStrictEqual(fs.readdirSync(scratch), ['nested']);
  });

  it('a save under a folder that cannot be made (/proc) is a log line at once (Node\'s recursive mkdir spun a thread there for ever: the idle server used most of a core)', async function () {
    if (!fs.existsSync('/proc/self')) this.skip();
    const store = await IndexCacheStore.open<string>('/proc/article-lens-cache/workspace-index-0123456789abcdef.bin', identity, plainValues(isText), () => undefined);
    store.set('/ws/a.txt', { size: 1, mtimeMs: 1, hash: 'a', readAtMs: 100_000, deps: [] }, 'a');
    const logs: string[] = [];
    let timer: NodeJS.Timeout | undefined;
    const settled = await Promise.race([store.save((m) => logs.push(m)).then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 10_000)))]);
    clearTimeout(timer);
    assert.ok(settled, 'the save settled within 10 s');
    assert.strictEqual(logs.length, 1);
    assert.match(logs[0], /^index cache \/proc\/article-lens-cache\/.* not saved: ENOENT/);
  });

  it('a file that cannot be read (a folder in its place) is an empty cache with a log line', async () => {
    fs.mkdirSync(file, { recursive: true });
    const logs: string[] = [];
    const store = await open(logs);
    assert.strictEqual(store.size, 0);
    assert.match(logs[0], /^index cache .* not read: /);
  });
});

describe('index cache: reading a file for the index', () => {
  let scratch: string;
  beforeEach(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-read-'))));
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('keeps the known summary only when the text and its annotation store are as they were checked', () => {
    const file = path.join(scratch, 'a.txt');
    fs.writeFileSync(file, 'Sergei Lavrov met John Kerry.\n');
    const store = { path: path.join(scratch, 'store.json'), size: 300, mtimeMs: 5000 };
    const first = readForIndex(file, 1e6, () => [store])!;
    assert.ok(first.text !== undefined);
    assert.strictEqual(readForIndex(file, 1e6, () => [store], first.snapshot.hash, [store])!.text, undefined, 'unchanged');
    // The store written between the check and the read (a git pull during a long scan): analysed again.
    const written = { ...store, size: 420, mtimeMs: 9000 };
    assert.strictEqual(readForIndex(file, 1e6, () => [written], first.snapshot.hash, [store])!.text, 'Sergei Lavrov met John Kerry.\n');
  });
});
