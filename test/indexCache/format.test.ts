import * as assert from 'assert';
import { URI } from 'vscode-uri';
import type { ArticleSummary } from '../../server/src/core/workspaceIndex';
import { createHash } from 'crypto';
import { decodeCache, encodeCache, FORMAT_VERSION, survivesEncoding, type CacheEntry } from '../../server/src/indexCache/format';
import { summaryCodec } from '../../server/src/indexCache/summaryCodec';
import { plainSummary } from '../../server/src/core/summaryPool';
import { newService } from '../helpers/resources';
import { readSeed, seedPath, SEEDS } from '../helpers/seeds';

const identity = { key: 'analysis-key-1', folder: 'file:///work/articles' };
const isSummaryOf = (value: unknown, path: string): value is ArticleSummary =>
  typeof value === 'object' && value !== null && (value as ArticleSummary).uri === URI.file(path).toString() && (value as ArticleSummary).mentionOffsets instanceof Uint32Array;
/** How the server writes and reads summaries. */
const values = summaryCodec(isSummaryOf);

/** The seeds' real summaries as cache entries. */
function seedEntries(): CacheEntry<ArticleSummary>[] {
  const service = newService();
  return Object.values(SEEDS).map((name, i) => {
    const path = seedPath(name);
    return { path, size: 1000 + i, mtimeMs: 1_700_000_000_000 + i, hash: 'ab'.repeat(32), readAtMs: 1_700_000_100_000, deps: [], value: service.summarizeArticle(URI.file(path).toString(), readSeed(name)) };
  });
}

describe('index cache: file format', () => {
  it('round-trips real summaries, typed arrays included', () => {
    const entries = seedEntries();
    const decoded = decodeCache(encodeCache(identity, entries, values), identity, values);
    assert.ok('entries' in decoded, JSON.stringify(decoded));
    assert.deepStrictEqual(decoded.entries, entries);
    assert.ok(decoded.entries[0].value.mentionOffsets instanceof Uint32Array);
    assert.ok(decoded.entries.some((e) => e.value.actors.some((a) => a.name === 'Sergei Lavrov')));
  });

  it('writes summaries as the workspace index keeps them (shared actor identities, offsets in shared chunks) as the summaries they came from', () => {
    const entries = seedEntries();
    const service = newService();
    // What the cache holds after a scan: the index's compact copies, whose actors read their names
    // through a shared identity and whose offsets are views of a larger buffer.
    // Seed 001's `reach a peaceful …` has a speaker the ranker is unsure of, which the kept copy keeps too.
    assert.ok(entries.some((e) => e.value.quotes.some((q) => q.uncertain !== undefined)), 'a quote with an uncertain speaker');
    const kept = entries.map((entry) => ({ ...entry, value: service.addSummary(structuredClone(entry.value)) }));
    assert.ok(kept.some((e) => e.value.mentionOffsets.byteOffset > 0), 'offsets are views into a shared chunk');
    assert.notDeepStrictEqual(Object.keys(kept[0].value.actors[0]), Object.keys(entries[0].value.actors[0]), 'kept actors are not plain copies');
    const decoded = decodeCache(encodeCache(identity, kept, values), identity, values);
    assert.ok('entries' in decoded, JSON.stringify(decoded));
    assert.deepStrictEqual(decoded.entries, entries);
  });

  it('writes each actor identity once per file, and reads the actors of one identity with the same lists', () => {
    const copies = [0, 1, 2].flatMap((copy) =>
      seedEntries().map((entry) => {
        const path = entry.path.replace(/\.txt$/, `-${copy}.txt`);
        return { ...entry, path, value: { ...entry.value, uri: URI.file(path).toString() } };
      }),
    );
    const writer = values.writer();
    for (const entry of copies) writer.encode(entry.value);
    const identities = new Set(copies.flatMap((e) => e.value.actors.map((a) => JSON.stringify([a.key, a.type, a.name, a.spellings, a.roles]))));
    assert.strictEqual(writer.takeShared().length, identities.size, 'one table part per distinct identity');
    assert.deepStrictEqual(writer.takeShared(), [], 'given once');
    const decoded = decodeCache(encodeCache(identity, copies, values), identity, values);
    assert.ok('entries' in decoded, JSON.stringify(decoded));
    assert.deepStrictEqual(decoded.entries, copies);
    const perCopy = copies.length / 3;
    const [first, third] = [decoded.entries[0].value, decoded.entries[2 * perCopy].value];
    assert.ok(first.actors.length > 0);
    first.actors.forEach((actor, i) => {
      assert.strictEqual(third.actors[i].spellings, actor.spellings, `${actor.name}: one spellings list`);
      assert.strictEqual(third.actors[i].roles, actor.roles);
    });
  });

  it('reads through the index’s pool the summaries the index keeps: equal to those written, each identity the pool’s, indexed as they are', () => {
    const entries = [0, 1].flatMap((copy) =>
      seedEntries().map((entry) => {
        const path = entry.path.replace(/\.txt$/, `-${copy}.txt`);
        return { ...entry, path, value: { ...entry.value, uri: URI.file(path).toString() } };
      }),
    );
    const service = newService();
    const pooled = summaryCodec(isSummaryOf, service.summaryCompactor());
    const decoded = decodeCache(encodeCache(identity, entries, values), identity, pooled);
    assert.ok('entries' in decoded, JSON.stringify(decoded));
    assert.deepStrictEqual(decoded.entries.map((e) => plainSummary(e.value)), entries.map((e) => e.value));
    // What the index keeps is what it would have made of the summaries themselves (the same pool, the same shared lists).
    const fresh = newService();
    const perCopy = entries.length / 2;
    decoded.entries.forEach((entry, i) => {
      const own = fresh.compactSummary(structuredClone(entries[i].value));
      assert.deepStrictEqual(plainSummary(entry.value), plainSummary(own));
      assert.notDeepStrictEqual(Object.keys(entry.value.actors[0] ?? {}), Object.keys(entries[i].value.actors[0] ?? {}), 'kept actors, not plain copies');
      // Two copies of an article: one identity object per actor, as the pool shares it.
      const other = decoded.entries[(i + perCopy) % entries.length].value;
      entry.value.actors.forEach((actor, a) => assert.strictEqual(other.actors[a].spellings, actor.spellings));
    });
    // Handed to the index, a summary read so is kept as it is, not copied again.
    for (const entry of decoded.entries) assert.strictEqual(service.addSummary(entry.value), entry.value);
    assert.ok(service.indexedArticles().length === entries.length);
  });

  it('reads the dependencies most entries have (no annotation store) as one shared list', () => {
    const noStore = () => [{ path: '', size: -1, mtimeMs: 0 }];
    const entries = seedEntries().map((entry, i) => ({ ...entry, deps: i === 0 ? [{ path: '/work/.article-lens/a.json', size: 10, mtimeMs: 1 }] : noStore() }));
    const decoded = decodeCache(encodeCache(identity, entries, values), identity, values);
    assert.ok('entries' in decoded, JSON.stringify(decoded));
    assert.deepStrictEqual(decoded.entries, entries);
    assert.strictEqual(decoded.entries[1].deps, decoded.entries[2].deps);
    assert.notStrictEqual(decoded.entries[0].deps, decoded.entries[1].deps);
  });

  it('says why a file is not taken: foreign, another format, folder or analysis, damaged', () => {
    const bytes = encodeCache(identity, seedEntries(), values);
    const discarded = (b: Buffer, expected = identity) => {
      const decoded = decodeCache(b, expected, values);
      return 'discarded' in decoded ? decoded.discarded : 'taken';
    };
    assert.strictEqual(discarded(Buffer.from('{"files": []}')), 'not an Article Lens index cache');
    assert.strictEqual(discarded(Buffer.alloc(0)), 'not an Article Lens index cache');
    const otherFormat = Buffer.from(bytes);
    otherFormat.writeUInt32LE(FORMAT_VERSION + 1, 25);
    assert.strictEqual(discarded(otherFormat), `cache format ${FORMAT_VERSION + 1}, this version reads ${FORMAT_VERSION}`);
    assert.strictEqual(discarded(bytes, { ...identity, folder: 'file:///elsewhere' }), 'made for another folder (file:///work/articles)');
    assert.strictEqual(discarded(bytes, { ...identity, key: 'analysis-key-2' }), 'made by another analysis version, model or settings');
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 10] ^= 1;
    assert.strictEqual(discarded(flipped), 'damaged (checksum mismatch)');
    assert.match(discarded(bytes.subarray(0, bytes.length - 1)), /^damaged \(\d+ bytes of data, the header says \d+\)$/);
    assert.strictEqual(discarded(bytes.subarray(0, 40)), 'damaged (truncated header)');
    assert.strictEqual(discarded(bytes), 'taken');
  });

  it('refuses a well-formed file whose entries are not what the reader expects (written by other code)', () => {
    const entries = seedEntries().map((e) => ({ ...e, value: { ...e.value, uri: 'file:///somewhere/else.txt' } }));
    const decoded = decodeCache(encodeCache(identity, entries, values), identity, values);
    assert.deepStrictEqual(decoded, { discarded: 'damaged (an entry of the wrong shape)' });
    const noHash = seedEntries().map(({ hash: _hash, ...rest }) => rest) as unknown as CacheEntry<ArticleSummary>[];
    assert.deepStrictEqual(decodeCache(encodeCache(identity, noHash, values), identity, values), { discarded: 'damaged (an entry of the wrong shape)' });
  });

  it('a payload of garbage under a matching checksum (written by other code) is discarded, never thrown', () => {
    const bytes = encodeCache(identity, seedEntries(), values);
    const payloadStart = bytes.length - (JSON.parse(bytes.subarray(33, 33 + bytes.readUInt32LE(29)).toString()) as { payloadBytes: number }).payloadBytes;
    const forged = Buffer.from(bytes);
    for (let i = payloadStart; i < forged.length; i++) forged[i] = (i * 131) & 0xff;
    createHash('sha256').update(forged.subarray(payloadStart)).digest().copy(forged, payloadStart - 32);
    const decoded = decodeCache(forged, identity, values);
    assert.ok('discarded' in decoded && /^damaged \(/.test(decoded.discarded), JSON.stringify(decoded));
  });

  it('knows which values survive the encoding: a summary and a Map do, a class instance or a function does not', () => {
    assert.ok(survivesEncoding(seedEntries()[0].value));
    assert.ok(survivesEncoding({ actors: new Map([['a', 1]]), offsets: new Uint32Array([1, 2]) }));
    assert.ok(!survivesEncoding({ format: () => 'x' }));
    class Span {
      constructor(readonly start: number) {}
    }
    assert.ok(!survivesEncoding({ span: new Span(3) }));
  });
});
