import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs/promises';
import * as path from 'path';
import type { Staged } from '../core/stages';
import { makeFolders } from '../makeFolders';
import { cacheHead, decodeInSteps, payloadChunks, sharedDependencies, type CacheBytes, type CacheEntry, type DecodedCache, type CacheIdentity, type DependencyStamp, type ValueCodec } from './format';

/**
 * A file modified this close to the moment it was read may have changed again within the file
 * system's time resolution (a second or two on some): its entry is checked by content hash, as git
 * checks "racily clean" files.
 */
const RACY_MS = 2000;

/** What the cache says of a file as it is on disk now. */
export type CacheCheck<T> =
  /** Same size and modification time, read long enough after its last change: the value stands. */
  | { readonly state: 'fresh'; readonly value: T }
  /**
   * Known, but the file may have changed: read it, and if its content hash is `hash`, the value stands.
   * Without a hash, a file it depends on changed: the value is out of date (until computed again, the
   * best there is).
   */
  | { readonly state: 'verify'; readonly hash?: string; readonly value: T }
  | { readonly state: 'unknown' };

/** How a file, and those its value depends on, looked when it was read for its value. */
export interface FileSnapshot {
  readonly size: number;
  readonly mtimeMs: number;
  /** The change time ({@link CacheEntry.ctimeMs}). */
  readonly ctimeMs?: number;
  readonly hash: string;
  readonly readAtMs: number;
  readonly deps: readonly DependencyStamp[];
}

/**
 * One workspace folder's persistent cache: the entries of the last session (read once, trusted only
 * after the format's checks) and those of this one. A file's entry is carried over only when this
 * session confirms or replaces it, so a save keeps exactly the files seen now: deleted files leave.
 * Writes are atomic (a temporary file renamed over the old one), so a crash or a second server
 * writing at the same time leaves one complete file, never a mix.
 */
export class IndexCacheStore<T> {
  private readonly current = new Map<string, CacheEntry<T>>();
  /** Whether this session read, replaced or dropped an entry: if not, the file on disk is already right. */
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly identity: CacheIdentity,
    private readonly values: ValueCodec<T>,
    private readonly previous: ReadonlyMap<string, CacheEntry<T>>,
  ) {}

  /**
   * Opens the cache file for `identity`: its entries when it is one and valid, else an empty cache
   * (a missing file silently; a foreign, outdated or damaged one with a line to `log`, and it is
   * replaced at the next save). `values` writes values, and checks each value read and makes the one
   * to keep (`format.ts`).
   */
  static async open<T>(file: string, identity: CacheIdentity, values: ValueCodec<T>, log: (message: string) => void): Promise<IndexCacheStore<T>> {
    let decoded: DecodedCache<T>;
    try {
      // Read a chunk at a time as it is decoded: a 300 MB file is never in memory whole.
      const handle = await fs.open(file, 'r');
      try {
        decoded = await inSteps(decodeInSteps(fileBytes(handle, (await handle.stat()).size), identity, values));
      } finally {
        await handle.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`index cache ${file} not read: ${(error as Error).message}`);
      return new IndexCacheStore<T>(file, identity, values, new Map());
    }
    if ('discarded' in decoded) {
      log(`index cache ${file} discarded: ${decoded.discarded}`);
      return new IndexCacheStore<T>(file, identity, values, new Map());
    }
    const store = new IndexCacheStore<T>(file, identity, values, new Map(decoded.entries.map((entry) => [entry.path, entry])));
    // Marked used: housekeeping deletes caches by their modification time, and a session that changes
    // nothing does not write the file (a workspace opened every day lost its cache after 30 days).
    // Gone meanwhile (another server's housekeeping), it is written again at the save.
    const now = new Date();
    await fs.utimes(file, now, now).catch(() => void (store.changed = true));
    return store;
  }

  /** Entries read from disk at open. */
  get size(): number {
    return this.previous.size;
  }

  /**
   * What is known of `filePath`, which now has this size, modification time and change time (when
   * known), and whose dependencies now look like `deps` (in the order they were recorded).
   */
  check(filePath: string, size: number, mtimeMs: number, deps: readonly DependencyStamp[] = [], ctimeMs?: number): CacheCheck<T> {
    const entry = this.previous.get(filePath);
    if (!entry) return { state: 'unknown' };
    if (!sameDependencies(entry, deps)) return { state: 'verify', value: entry.value };
    // Equal is enough: a change made just after the read, with the modification time put back, sets a later change time.
    const sameChangeTime = entry.ctimeMs === undefined || ctimeMs === undefined || entry.ctimeMs === ctimeMs;
    if (entry.size === size && entry.mtimeMs === mtimeMs && entry.readAtMs - mtimeMs >= RACY_MS && sameChangeTime) {
      this.current.set(filePath, entry);
      return { state: 'fresh', value: entry.value };
    }
    return { state: 'verify', hash: entry.hash, value: entry.value };
  }

  /** Records the value of a file as it was read (`snapshot`). */
  set(filePath: string, snapshot: FileSnapshot, value: T): void {
    this.changed = true;
    this.current.set(filePath, { path: filePath, size: snapshot.size, mtimeMs: snapshot.mtimeMs, ...(snapshot.ctimeMs === undefined ? {} : { ctimeMs: snapshot.ctimeMs }), hash: snapshot.hash, readAtMs: snapshot.readAtMs, deps: sharedDependencies(snapshot.deps), value });
  }

  /** Forgets a file (deleted, or no longer indexed). */
  delete(filePath: string): void {
    this.changed ||= this.current.has(filePath);
    this.current.delete(filePath);
  }

  /** Entries this session will save. */
  get entries(): number {
    return this.current.size;
  }

  /**
   * Writes this session's entries atomically, encoding a chunk at a time with pauses between (the
   * server answers requests meanwhile; before each chunk it awaits `pace`, which the server resolves
   * when the editor is quiet, so the save waits for the editor, never the other way round); skipped when every entry on disk was confirmed and none was
   * added. A failure is logged, never thrown: the cache is a convenience.
   */
  async save(log: (message: string) => void, pace: () => Promise<void> = async () => undefined): Promise<void> {
    if (!this.changed && this.current.size === this.previous.size) return;
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await makeFolders(path.dirname(this.file));
      const handle = await fs.open(temporary, 'w');
      try {
        await writeCache(handle, this.identity, [...this.current.values()], this.values, pace);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, this.file);
    } catch (error) {
      log(`index cache ${this.file} not saved: ${error instanceof Error ? error.message : String(error)}`);
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}

/** True when the dependencies look as they did when the entry was made, and had not just changed then. */
function sameDependencies(entry: CacheEntry<unknown>, now: readonly DependencyStamp[]): boolean {
  return (
    entry.deps.length === now.length &&
    entry.deps.every((was, i) => was.path === now[i].path && was.size === now[i].size && was.mtimeMs === now[i].mtimeMs && (was.size < 0 || entry.readAtMs - was.mtimeMs >= RACY_MS))
  );
}

/**
 * Writes a cache file chunk by chunk (`format.ts`): room for its head, the payload as it is encoded
 * (a chunk in memory at a time, the event loop let in between), then the head with the payload's
 * length and hash.
 */
async function writeCache<T>(handle: fs.FileHandle, identity: CacheIdentity, entries: readonly CacheEntry<T>[], values: ValueCodec<T>, pace: () => Promise<void>): Promise<void> {
  const room = cacheHead(identity, entries.length, 0, Buffer.alloc(32)).length;
  const hash = createHash('sha256');
  let position = room;
  const chunks = payloadChunks(entries, values);
  for (;;) {
    // Before encoding a chunk (the step that holds the thread): the caller may hold the save back.
    await pace();
    const next = chunks.next();
    if (next.done) break;
    hash.update(next.value);
    await writeAt(handle, next.value, position);
    position += next.value.length;
  }
  await writeAt(handle, cacheHead(identity, entries.length, position - room, hash.digest()), 0);
}

/** Writes all of `bytes` at `position` (a write may take fewer bytes than it is given). */
async function writeAt(handle: fs.FileHandle, bytes: Buffer, position: number): Promise<void> {
  for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done, bytes.length - done, position + done)).bytesWritten;
}

/** Runs staged work to its end, letting the event loop in between steps. */
async function inSteps<T>(steps: Staged<T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    // A step that waits for a read hands its promise; the others pause for the event loop.
    if (step.value) await step.value;
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Bytes read ahead of the decoder at once. The decoder asks for each chunk's length, then its bytes:
 * read one by one through the thread pool, a file of 4,000 chunks (100,000 entries) cost 8,000 round
 * trips, which on a loaded machine doubled the time to reopen it.
 */
const READ_AHEAD = 4 * 1024 * 1024;

/** A file's bytes read where the decoder asks, through an open handle, a few megabytes ahead. */
function fileBytes(handle: fs.FileHandle, length: number): CacheBytes {
  let window = Buffer.alloc(0);
  let windowAt = 0;
  // One buffer for every window (the bytes of a read are valid until the next one, `CacheBytes`):
  // a new 4 MB buffer per window left 77 of them (a 300 MB file) to the garbage collector, which
  // freed them late — 90 MB of the peak when reopening 100,000 articles, in a process that did only that.
  let space = Buffer.alloc(0);
  return {
    length,
    read(at, wanted) {
      if (at >= windowAt && at + wanted <= windowAt + window.length) return window.subarray(at - windowAt, at - windowAt + wanted);
      return (async () => {
        const size = Math.max(0, Math.min(Math.max(wanted, READ_AHEAD), length - at));
        if (space.length < size) space = Buffer.alloc(size);
        const bytes = space.subarray(0, size);
        let done = 0;
        while (done < bytes.length) {
          const { bytesRead } = await handle.read(bytes, done, bytes.length - done, at + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        window = bytes.subarray(0, done);
        windowAt = at;
        return window.subarray(0, Math.min(wanted, done));
      })();
    },
  };
}
