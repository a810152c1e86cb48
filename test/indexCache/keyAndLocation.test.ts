import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { dataFolder } from '../../server/src/diskData';
import { analysisKey } from '../../server/src/indexCache/fingerprint';
import { cacheFileFor, cacheFolder, pruneStaleCaches } from '../../server/src/indexCache/location';
import { parseIndexCacheOptions } from '../../server/src/indexCache/initializationOptions';
import { newService } from '../helpers/resources';

describe('index cache: key and location', () => {
  const service = newService();
  const summarize = (uri: string, text: string) => service.summarizeArticle(uri, text);
  let scratch: string;
  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-key-'));
    fs.cpSync(dataFolder(), path.join(scratch, 'data'), { recursive: true });
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('the key is stable, and changes with any data file (the model), the settings the analysis reads, and the probe summary', () => {
    const data = path.join(scratch, 'data');
    const key = analysisKey(data, DEFAULT_SETTINGS, summarize);
    assert.match(key, /^[0-9a-f]{64}$/);
    assert.strictEqual(analysisKey(data, DEFAULT_SETTINGS, summarize), key);
    assert.strictEqual(analysisKey(dataFolder(), DEFAULT_SETTINGS, summarize), key, 'the same data elsewhere');
    assert.notStrictEqual(analysisKey(data, { ...DEFAULT_SETTINGS, maxFileSize: 1000 }, summarize), key);
    // A summary of another shape (a field added to ArticleSummary) or other content changes the key.
    assert.notStrictEqual(analysisKey(data, DEFAULT_SETTINGS, (uri, text) => ({ ...summarize(uri, text), added: true })), key);
    const model = path.join(data, 'ner', 'model.bin');
    const bytes = fs.readFileSync(model);
    bytes[bytes.length - 1] ^= 1;
    fs.writeFileSync(model, bytes);
    assert.notStrictEqual(analysisKey(data, DEFAULT_SETTINGS, summarize), key, 'a retrained model');
  });

  it('caches live in the client storage folder, else under XDG_CACHE_HOME or ~/.cache, one file per workspace folder', () => {
    assert.strictEqual(cacheFolder('/storage/ws', { XDG_CACHE_HOME: '/xdg' }), '/storage/ws');
    assert.strictEqual(cacheFolder(undefined, { XDG_CACHE_HOME: '/xdg' }), path.join('/xdg', 'article-lens'));
    assert.strictEqual(cacheFolder(undefined, {}), path.join(os.homedir(), '.cache', 'article-lens'));
    const a = cacheFileFor('/c', 'file:///work/a');
    assert.match(path.basename(a), /^workspace-index-[0-9a-f]{16}\.bin$/);
    assert.strictEqual(cacheFileFor('/c', 'file:///work/a'), a);
    assert.notStrictEqual(cacheFileFor('/c', 'file:///work/b'), a);
  });

  it('reads storagePath and indexCache from the initialization options, ignoring the rest', () => {
    assert.deepStrictEqual(parseIndexCacheOptions(undefined), { enabled: true });
    assert.deepStrictEqual(parseIndexCacheOptions({ storagePath: '/s', other: 1 }), { enabled: true, storagePath: '/s' });
    assert.deepStrictEqual(parseIndexCacheOptions({ storagePath: 42, indexCache: false }), { enabled: false });
  });

  it('housekeeping deletes only our cache files not written for 30 days', async () => {
    const folder = path.join(scratch, 'caches');
    fs.mkdirSync(folder);
    const old = path.join(folder, 'workspace-index-0000000000000000.bin');
    const recent = path.join(folder, 'workspace-index-1111111111111111.bin');
    const other = path.join(folder, 'notes.txt');
    for (const f of [old, recent, other]) fs.writeFileSync(f, 'x');
    const longAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    fs.utimesSync(old, longAgo, longAgo);
    fs.utimesSync(other, longAgo, longAgo);
    await pruneStaleCaches(folder);
    assert.deepStrictEqual(fs.readdirSync(folder).sort(), [path.basename(other), path.basename(recent)].sort());
  });

  it('housekeeping deletes the temporary files of saves that never finished (a server that exited while saving), not a save under way', async () => {
    const folder = path.join(scratch, 'saves');
    fs.mkdirSync(folder);
    const left = path.join(folder, 'workspace-index-0000000000000000.bin.4242.0a1b2c3d.tmp');
    const saving = path.join(folder, 'workspace-index-0000000000000000.bin.4343.0a1b2c3e.tmp');
    for (const f of [left, saving]) fs.writeFileSync(f, 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    fs.utimesSync(left, twoHoursAgo, twoHoursAgo);
    await pruneStaleCaches(folder);
    assert.deepStrictEqual(fs.readdirSync(folder), [path.basename(saving)]);
  });
});
