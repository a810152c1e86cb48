/**
 * The file format of the persistent workspace index: a versioned binary file.
 *
 *   "article-lens index cache\n"                 magic (25 bytes, ASCII)
 *   u32 LE  format version                         FORMAT_VERSION
 *   u32 LE  header length, then the header         JSON: key, folder, entries, payload length
 *   32 bytes                                       SHA-256 of the payload
 *   payload                                        chunks: u32 LE length, MessagePack (msgpackr records)
 *                                                  of [shared parts first used here, entries]; a record
 *                                                  shape is defined in the first chunk that uses it
 *
 * Why this and not an embedded database: the index is read whole at start-up and written whole after
 * a scan, never queried on disk, so a store with its own query engine buys nothing, and SQLite
 * (better-sqlite3) or LMDB would add a native module per platform to the .vsix. Why MessagePack
 * through msgpackr rather than Node's own `v8.serialize`: summaries are many small objects of a few
 * shapes, and msgpackr's records write each shape's keys once and read objects back through code
 * generated per shape. On 10,000 PolNeAR summaries (`npm run bench:index-cache`) the file is 31 MB
 * instead of 79 MB, and decoding and checking it took 1.95 s against 4.74 s for v8.deserialize, in the
 * same run on a loaded machine (reading it is what reopening a workspace waits for).
 * msgpackr is pure JavaScript (its optional native string extractor is left out of the bundle) and
 * keeps typed arrays (`moreTypes`). The checksum makes a torn or altered file fail as a whole, never
 * half-trusted; the key in the header ties the file to the analysis that wrote it.
 *
 * Values go through a {@link ValueCodec}: the workspace summaries' (`summaryCodec.ts`) writes each
 * distinct actor identity (key, type, names, roles) once per file, in the chunk that first uses it,
 * and each article's actors as numbers referring to them; the others write values whole.
 */
import { createHash } from 'crypto';
import { Packr } from 'msgpackr';
import { isDeepStrictEqual } from 'util';
import { finish, type Staged } from '../core/stages';

const MAGIC = Buffer.from('article-lens index cache\n', 'ascii');
/**
 * Bump when the layout above, the payload's encoding or the entry shape below changes. 3: record
 * shapes are defined once per file, not once per chunk. 4: entries keep the file's change time.
 */
export const FORMAT_VERSION = 4;

/**
 * How a cache file writes its values: parts that values share (an actor named alike in 70,000
 * articles) go once per file into a table, each in the chunk that first uses it, and a value refers
 * to them. A writer and a reader are made per file.
 */
export interface ValueCodec<T> {
  writer(): ValueWriter<T>;
  reader(): ValueReader<T>;
}

/** Writes the values of one file, in order. */
export interface ValueWriter<T> {
  /** What is written for `value` (MessagePack must keep it). */
  encode(value: T): unknown;
  /** The shared parts first used by the values encoded since the last call, in order. */
  takeShared(): unknown[];
}

/** Reads the values of one file, in the order written. */
export interface ValueReader<T> {
  /** Takes the shared parts a chunk defines; false when one is not of the expected shape. */
  share(parts: readonly unknown[]): boolean;
  /** The value of the file at `path` from what was written for it; undefined when it is not one. */
  decode(written: unknown, path: string): T | undefined;
}

/** Values written whole, checked by `isValue` when read and turned into the ones to keep by `revive`. */
export function plainValues<T>(isValue: (value: unknown, path: string) => value is T, revive: (value: T) => T = (value) => value): ValueCodec<T> {
  return {
    writer: () => ({ encode: (value) => value, takeShared: () => [] }),
    reader: () => ({ share: (parts) => parts.length === 0, decode: (written, path) => (isValue(written, path) ? revive(written) : undefined) }),
  };
}

/**
 * A fresh codec per file: records are defined inside each payload, nothing is shared between files.
 * Within a file, one codec writes every chunk and one reads them back in order (`sequential`): each
 * record shape (an entry, a summary, a quote) is defined in the first chunk that uses it and only
 * referred to after. A codec per chunk defined every shape again in each of the 400 chunks of
 * 10,000 entries, and msgpackr compiled a reader function for each shape of each chunk, used for 25
 * entries: reading took 110–160 ms of CPU against 90–110 this way (issue 17: a reopen waits for it).
 * Binary values are copied when decoded (`copyBuffers`), never views of the bytes read, which the
 * reader reuses (`CacheBytes`); typed arrays and strings are copies anyway.
 */
const codec = () => new Packr({ useRecords: true, moreTypes: true, copyBuffers: true, sequential: true });

/**
 * True when `value` comes back from the payload encoding (through `values`) equal to itself. The
 * cache checks a summary with this before trusting the encoding with the workspace: a field of a type
 * MessagePack does not keep (a class instance, a Map read back as an object) turns the cache off
 * instead of corrupting it.
 */
export function survivesEncoding<T>(value: T, values: ValueCodec<T> = plainValues((_: unknown): _ is T => true), path = ''): boolean {
  try {
    const writer = values.writer();
    const written = writer.encode(value);
    const [shared, again] = codec().unpack(codec().pack([writer.takeShared(), written])) as [unknown[], unknown];
    const reader = values.reader();
    return reader.share(shared) && isDeepStrictEqual(reader.decode(again, path), value);
  } catch {
    return false;
  }
}

/**
 * Another file a value was computed from (an article's annotation store file), as it was when the
 * value was computed: its path, size and modification time; size -1 when there was none.
 */
export interface DependencyStamp {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** What the cache keeps of one file: how it looked when read, and the value computed from it. */
export interface CacheEntry<T> {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /**
   * The file's change time (ctime), which no tool sets: a file rewritten with the same size and its old
   * modification time put back (`cp -p`, `rsync -a`, `touch -r`, two articles swapped with `mv`) differs
   * here, and is checked by its hash. Absent in entries made without it (they are checked without it).
   */
  readonly ctimeMs?: number;
  /** SHA-256 of the file's bytes, hex. */
  readonly hash: string;
  /** When the file was read: a file modified within the clock's resolution of this is checked by hash. */
  readonly readAtMs: number;
  /** The other files the value depends on: any change to them and the value is computed again. */
  readonly deps: readonly DependencyStamp[];
  readonly value: T;
}

/** Which cache this is: a file for another folder or another analysis is not this cache. */
export interface CacheIdentity {
  /** The analysis key (`fingerprint.ts`): analysis version, data files, settings, probe summary. */
  readonly key: string;
  /** The workspace folder the entries belong to. */
  readonly folder: string;
}

/** A decoded cache, or why the file was not taken. */
export type DecodedCache<T> = { readonly entries: CacheEntry<T>[] } | { readonly discarded: string };

/** The dependencies of most entries (an article without an annotation store file): one list for all. */
export const NO_DEPENDENCIES: readonly DependencyStamp[] = Object.freeze([]);

/** What a scan records for an article in a folder with no annotation store (`annotationDependency.ts`). */
const NO_STORE_DEPENDENCIES: readonly DependencyStamp[] = Object.freeze([Object.freeze({ path: '', size: -1, mtimeMs: 0 })]);

/**
 * One shared list for the dependencies that nearly every entry has (none, or no annotation store),
 * instead of a list and an object per entry from each worker message or cache chunk (100,000 at the
 * end of a scan).
 */
export function sharedDependencies(deps: readonly DependencyStamp[]): readonly DependencyStamp[] {
  if (deps.length === 0) return NO_DEPENDENCIES;
  const [only] = deps;
  return deps.length === 1 && only.path === '' && only.size === -1 && only.mtimeMs === 0 ? NO_STORE_DEPENDENCIES : deps;
}

/**
 * Entries per MessagePack chunk: encoding one holds the thread, then the caller may let other work
 * in. 250 PolNeAR summaries took 27–33 ms to encode on a loaded machine (up to 159), and a hover
 * after an edit that came during one waited for it: the tail of that hover at 100,000 articles,
 * where saving runs for minutes after the scan. 25 take about 2 ms (at most 9–28); a file of them is
 * 0.4% larger and no slower to write or read in all.
 */
const CHUNK_ENTRIES = 25;

/**
 * The payload of a cache file, a chunk at a time: `u32 LE length, MessagePack of [the shared parts
 * first used in this chunk, up to CHUNK_ENTRIES entries]`. A writer hashes and writes each chunk as
 * it comes, so saving 100,000 summaries never holds the whole file in memory, and pauses between
 * chunks instead of holding its thread.
 */
export function* payloadChunks<T>(entries: readonly CacheEntry<T>[], values: ValueCodec<T>): Generator<Buffer> {
  const writer = values.writer();
  const packer = codec();
  for (let from = 0; from < entries.length; from += CHUNK_ENTRIES) {
    const written = entries.slice(from, from + CHUNK_ENTRIES).map((entry) => ({ ...entry, value: writer.encode(entry.value) }));
    const packed = packer.pack([writer.takeShared(), written]);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(packed.length, 0);
    yield Buffer.concat([length, packed]);
  }
}

/** The largest payload length the header is sized for (see {@link cacheHead}). */
const MAX_PAYLOAD_DIGITS = String(Number.MAX_SAFE_INTEGER).length;

/**
 * What comes before the payload: magic, version, header and the payload's SHA-256. Its length
 * depends only on the identity and the entry count (the header is padded with spaces, which JSON
 * allows, as if the payload length had {@link MAX_PAYLOAD_DIGITS} digits), so a writer can leave
 * room for it, write the payload, and fill it in at the end.
 */
export function cacheHead(identity: CacheIdentity, entries: number, payloadBytes: number, payloadHash: Buffer): Buffer {
  const json = (bytes: number | string) => JSON.stringify({ key: identity.key, folder: identity.folder, entries, payloadBytes: bytes });
  const room = Buffer.byteLength(json('0'.repeat(MAX_PAYLOAD_DIGITS)), 'utf8') - 2;
  const written = Buffer.from(json(payloadBytes), 'utf8');
  const header = Buffer.concat([written, Buffer.alloc(room - written.length, ' ')]);
  const numbers = Buffer.alloc(8);
  numbers.writeUInt32LE(FORMAT_VERSION, 0);
  numbers.writeUInt32LE(header.length, 4);
  return Buffer.concat([MAGIC, numbers, header, payloadHash]);
}

/**
 * Encodes entries with their identity, a chunk of entries per step ({@link payloadChunks}).
 * Returns the file's parts, to be written in order (no copy into one buffer).
 */
export function* encodeInSteps<T>(identity: CacheIdentity, entries: readonly CacheEntry<T>[], values: ValueCodec<T>): Staged<Buffer[]> {
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  for (const chunk of payloadChunks(entries, values)) {
    hash.update(chunk);
    chunks.push(chunk);
    yield;
  }
  return [cacheHead(identity, entries.length, chunks.reduce((n, c) => n + c.length, 0), hash.digest()), ...chunks];
}

/** {@link encodeInSteps} at once, as one buffer. */
export function encodeCache<T>(identity: CacheIdentity, entries: readonly CacheEntry<T>[], values: ValueCodec<T>): Buffer {
  return Buffer.concat(finish(encodeInSteps(identity, entries, values)));
}

/**
 * Where a cache file's bytes come from: a buffer, or the file itself read a piece at a time (the
 * store: a 300 MB cache of 100,000 summaries is never in memory whole). `read` may answer later.
 */
export interface CacheBytes {
  readonly length: number;
  /** The bytes at `at`: valid until the next read (a reader may reuse its buffer), so whatever is kept is copied. */
  read(at: number, length: number): Buffer | Promise<Buffer>;
}

/** The bytes of a buffer as a {@link CacheBytes}. */
export function bufferBytes(bytes: Buffer): CacheBytes {
  return { length: bytes.length, read: (at, length) => bytes.subarray(at, at + length) };
}

/**
 * Decodes a cache file for `expected`, a chunk per step, or says why it is not used: not a cache at
 * all (foreign), a cache of another format, folder or analysis, or a damaged one. Never throws;
 * `values` checks each entry's value (the checksum already rules out damage, this rules out a file
 * written by other code) and makes the one to keep, a chunk at a time (the workspace index's compact
 * summary), so the decoded copies never all live at once. The
 * payload is hashed as it is read; nothing is returned unless the whole of it matches its checksum.
 * A step may yield a promise (a read of `source`): the caller awaits it before going on.
 */
export function* decodeInSteps<T>(source: Buffer | CacheBytes, expected: CacheIdentity, values: ValueCodec<T>): Staged<DecodedCache<T>> {
  const reader = values.reader();
  const file = Buffer.isBuffer(source) ? bufferBytes(source) : source;
  let piece: Buffer = Buffer.alloc(0);
  /** Reads `length` bytes at `at` into `piece` (a step that may wait). */
  function* read(at: number, length: number): Staged<Buffer> {
    const got = file.read(at, Math.max(0, Math.min(length, file.length - at)));
    if (Buffer.isBuffer(got)) piece = got;
    else yield got.then((bytes) => void (piece = bytes));
    return piece;
  }
  const start = yield* read(0, MAGIC.length + 8);
  if (start.length < MAGIC.length + 8 || !start.subarray(0, MAGIC.length).equals(MAGIC)) return { discarded: 'not an Article Lens index cache' };
  const version = start.readUInt32LE(MAGIC.length);
  if (version !== FORMAT_VERSION) return { discarded: `cache format ${version}, this version reads ${FORMAT_VERSION}` };
  const headerLength = start.readUInt32LE(MAGIC.length + 4);
  const headerStart = MAGIC.length + 8;
  const payloadStart = headerStart + headerLength + 32;
  if (payloadStart > file.length) return { discarded: 'damaged (truncated header)' };
  const head = Buffer.from(yield* read(headerStart, headerLength + 32));
  let header: { key?: unknown; folder?: unknown; entries?: unknown; payloadBytes?: unknown };
  try {
    header = JSON.parse(head.subarray(0, headerLength).toString('utf8'));
  } catch {
    return { discarded: 'damaged (unreadable header)' };
  }
  if (typeof header !== 'object' || header === null) return { discarded: 'damaged (unreadable header)' };
  if (header.folder !== expected.folder) return { discarded: `made for another folder (${String(header.folder)})` };
  if (header.key !== expected.key) return { discarded: 'made by another analysis version, model or settings' };
  const payloadLength = file.length - payloadStart;
  if (payloadLength !== header.payloadBytes) return { discarded: `damaged (${payloadLength} bytes of data, the header says ${String(header.payloadBytes)})` };
  const hash = createHash('sha256');
  const entries: CacheEntry<T>[] = [];
  /** One for the file's chunks, in order: a record shape is defined once, in the first chunk using it. */
  const unpacker = codec();
  /** Why the payload is not taken, once known; the rest is still hashed: a damaged file says so. */
  let problem: string | undefined;
  for (let at = payloadStart; at < file.length; ) {
    const prefix = yield* read(at, 4);
    hash.update(prefix);
    const length = prefix.length === 4 ? prefix.readUInt32LE(0) : Infinity;
    if (at + 4 + length > file.length) {
      problem ??= 'damaged (a chunk runs past the end)';
      hash.update(yield* read(at + 4, file.length - at - 4));
      break;
    }
    const bytes = yield* read(at + 4, length);
    hash.update(bytes);
    at += 4 + length;
    if (problem) continue;
    let chunk: unknown;
    try {
      chunk = unpacker.unpack(bytes);
    } catch (error) {
      problem = `damaged (${error instanceof Error ? error.message : String(error)})`;
      continue;
    }
    if (!Array.isArray(chunk) || chunk.length !== 2 || !Array.isArray(chunk[0]) || !Array.isArray(chunk[1])) {
      problem = 'damaged (a chunk is not a list of entries)';
      continue;
    }
    if (!reader.share(chunk[0])) {
      problem = 'damaged (a shared part of the wrong shape)';
      continue;
    }
    for (const entry of chunk[1] as unknown[]) {
      const value = isEntry(entry) ? reader.decode(entry.value, entry.path) : undefined;
      if (value === undefined) {
        problem = 'damaged (an entry of the wrong shape)';
        break;
      }
      const { path, size, mtimeMs, ctimeMs, hash, readAtMs, deps } = entry as CacheEntry<unknown>;
      entries.push({ path, size, mtimeMs, ...(ctimeMs === undefined ? {} : { ctimeMs }), hash, readAtMs, deps: sharedDependencies(deps), value });
    }
    yield;
  }
  if (!hash.digest().equals(head.subarray(headerLength))) return { discarded: 'damaged (checksum mismatch)' };
  if (problem) return { discarded: problem };
  if (entries.length !== header.entries) return { discarded: 'damaged (entry count)' };
  return { entries };
}

/** {@link decodeInSteps} at once. */
export function decodeCache<T>(bytes: Buffer, expected: CacheIdentity, values: ValueCodec<T>): DecodedCache<T> {
  return finish(decodeInSteps(bytes, expected, values));
}

/** An entry's fields other than its value, of the right types. */
function isEntry(entry: unknown): entry is CacheEntry<unknown> {
  if (typeof entry !== 'object' || entry === null) return false;
  const e = entry as Record<string, unknown>;
  return typeof e.path === 'string' && typeof e.size === 'number' && typeof e.mtimeMs === 'number' && (e.ctimeMs === undefined || typeof e.ctimeMs === 'number') && typeof e.hash === 'string' && typeof e.readAtMs === 'number' && Array.isArray(e.deps) && e.deps.every(isStamp);
}

function isStamp(stamp: unknown): stamp is DependencyStamp {
  if (typeof stamp !== 'object' || stamp === null) return false;
  const d = stamp as Record<string, unknown>;
  return typeof d.path === 'string' && typeof d.size === 'number' && typeof d.mtimeMs === 'number';
}
