import { randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseAnnotationCollection, serializeAnnotationCollection } from '../core/annotations/w3c';
import { reanchor, type ReanchorOutcome } from '../core/annotations/reanchor';
import { storeFileOf } from '../core/annotations/storeLayout';
import { makeFolders } from '../makeFolders';
import { StoreLockLost, withStoreLock, type HeldLock } from './storeLock';
import { NotUtf8StoreError, readStoreText } from './storeText';
import type { ArticleAnnotations } from '../core/annotations/model';

/**
 * The store files of one workspace folder on disk (layout: `core/annotations/storeLayout.ts`). The one
 * place that reads and writes them, with three promises:
 * - a write is atomic: a temporary file beside the target, then a rename, so a crash leaves the old file
 *   or the new one, never half of one;
 * - a file that could not be read (bad JSON, an invalid annotation) is never overwritten: saving refuses
 *   with the reason until the person fixes the file and it is read again;
 * - a file changed on disk since it was read (a git pull, another window) is not overwritten either:
 *   saving refuses, and the caller reads it again; windows check and write under a lock file
 *   (`storeLock.ts`), so two of them never both pass the check, and a writer that lost its lock meanwhile
 *   (held up past the stale limit) writes nothing: an `io` failure, its change kept by the caller.
 * Paths given to it are article paths relative to the workspace folder (POSIX or native separators).
 */

/** What {@link AnnotationFiles.load} found. */
export type StoreLoad =
  | { readonly kind: 'missing' }
  | {
      readonly kind: 'loaded';
      /** Placed in the text the caller gave. */
      readonly annotations: ArticleAnnotations;
      readonly outcomes: ReadonlyMap<string, ReanchorOutcome>;
      /** As the file holds them, before they were placed (what a reader compares with what it last read or wrote). */
      readonly read: ArticleAnnotations;
    }
  | { readonly kind: 'invalid'; readonly file: string; readonly message: string };

/**
 * A failure to write, with a message for the person and why: `invalid` (the file could not be read, so
 * it is kept as it is), `changed` (it changed on disk since it was read: read it again), `unread` (never
 * read), `io` (the disk refused), `outside` (a path outside the folder), `exists` (a move found a file).
 */
export type StoreWrite = { readonly ok: true } | { readonly ok: false; readonly message: string; readonly reason: 'invalid' | 'changed' | 'unread' | 'io' | 'outside' | 'exists' };

/** What is known of a store file: the content last read or written, or why it cannot be used. */
type Known = { readonly content: string | undefined } | { readonly invalid: string };

export class AnnotationFiles {
  private readonly known = new Map<string, Known>();

  constructor(private readonly workspaceFolder: string) {}

  /** Absolute path of an article's store file, or `undefined` for a path outside the workspace folder. */
  fileOf(articlePath: string): string | undefined {
    const relative = storeFileOf(articlePath);
    return relative === undefined ? undefined : path.join(this.workspaceFolder, ...relative.split('/'));
  }

  /** Reads an article's annotations and places them in its current `text` (re-anchoring by quote). */
  async load(articlePath: string, text: string): Promise<StoreLoad> {
    const file = this.fileOf(articlePath);
    if (file === undefined) return { kind: 'missing' };
    let content: string;
    try {
      content = await readStoreText(file);
    } catch (error) {
      if (error instanceof NotUtf8StoreError) return this.invalid(file, error.message);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.known.set(file, { content: undefined });
        return { kind: 'missing' };
      }
      return this.invalid(file, `cannot be read (${(error as Error).message})`);
    }
    const parsed = parseAnnotationCollection(content, text);
    if (!parsed.ok) return this.invalid(file, parsed.message);
    this.known.set(file, { content });
    const placed = reanchor(parsed.annotations.annotations, text);
    return { kind: 'loaded', annotations: { ...parsed.annotations, annotations: placed.annotations }, outcomes: placed.outcomes, read: parsed.annotations };
  }

  private invalid(file: string, message: string): StoreLoad {
    this.known.set(file, { invalid: message });
    return { kind: 'invalid', file, message };
  }

  /**
   * Writes an article's annotations (offsets taken against `text`); an article with none and not reviewed
   * has its file removed. Refuses, without touching the disk, when the file could not be read or changed
   * on disk since.
   */
  async save(articlePath: string, text: string, annotations: ArticleAnnotations): Promise<StoreWrite> {
    const file = this.fileOf(articlePath);
    if (file === undefined) return { ok: false, message: `${articlePath} is outside the workspace folder`, reason: 'outside' };
    // A file never read or unreadable is refused before the lock: nothing on disk is touched.
    const known = this.known.get(file);
    if (known === undefined || 'invalid' in known) return { ok: false, ...(await this.refusal(file))! };
    // Nothing to remove: no lock either (an empty save of an article without a store, a read-only folder).
    if (annotations.annotations.length === 0 && annotations.reviewState === 'unreviewed' && known.content === undefined && !(await exists(file))) return { ok: true };
    try {
      // The check that the file is as it was read and the write are one step for every window.
      return await withStoreLock(file, (lock) => this.saveLocked(file, articlePath, text, annotations, lock));
    } catch (error) {
      return { ok: false, message: `${file} could not be written (${(error as Error).message})`, reason: 'io' };
    }
  }

  private async saveLocked(file: string, articlePath: string, text: string, annotations: ArticleAnnotations, lock: HeldLock): Promise<StoreWrite> {
    const refusal = await this.refusal(file);
    if (refusal) return { ok: false, ...refusal };
    if (annotations.annotations.length === 0 && annotations.reviewState === 'unreviewed') {
      try {
        await lock.check();
      } catch (error) {
        return { ok: false, message: (error as Error).message, reason: 'io' };
      }
      await fs.rm(file, { force: true });
      this.known.set(file, { content: undefined });
      return { ok: true };
    }
    const content = serializeAnnotationCollection({ path: articlePath.replace(/\\/g, '/'), text, annotations });
    // The folder is there: the lock was made in it. Not made again: one moved away meanwhile (a folder
    // renamed in the editor) would be made anew at the old path, and a stray store written into it.
    const temporary = `${file}.${randomUUID()}.tmp`;
    try {
      await fs.writeFile(temporary, content, 'utf8');
      // Writing took time (a blocked event loop): the lock may be another window's by now.
      await lock.check();
      await fs.rename(temporary, file);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      if (error instanceof StoreLockLost) return { ok: false, message: error.message, reason: 'io' };
      // Failed because the folder moved away (no folder for the temporary file): said as a lost lock.
      const lost = await lock.check().then(() => undefined, (checked: Error) => checked);
      return { ok: false, message: lost?.message ?? `${file} could not be written (${(error as Error).message})`, reason: 'io' };
    }
    this.known.set(file, { content });
    return { ok: true };
  }

  /** Why `file` must not be written now, or `undefined`. */
  private async refusal(file: string): Promise<{ message: string; reason: 'invalid' | 'changed' | 'unread' | 'io' } | undefined> {
    const known = this.known.get(file);
    if (known === undefined) return { message: `${file} has not been read yet: load the article's annotations first`, reason: 'unread' };
    if ('invalid' in known) return { message: `${file} is not overwritten because it could not be read: ${known.invalid}`, reason: 'invalid' };
    let current: string | undefined;
    try {
      current = await readStoreText(file);
    } catch (error) {
      if (error instanceof NotUtf8StoreError) return { message: `${file} changed on disk since it was read and ${error.message}`, reason: 'changed' };
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { message: `${file} cannot be read (${(error as Error).message})`, reason: 'io' };
    }
    return current === known.content ? undefined : { message: `${file} changed on disk since it was read: load it again`, reason: 'changed' };
  }

  /**
   * True when the article's store file on disk is not what was last read or written here (someone else
   * wrote it): the server's own writes come back as file events, and need no reload.
   */
  async changedOnDisk(articlePath: string): Promise<boolean> {
    const file = this.fileOf(articlePath);
    if (file === undefined) return false;
    const known = this.known.get(file);
    let current: string | undefined;
    try {
      current = await readStoreText(file);
    } catch {
      current = undefined;
    }
    return known === undefined || 'invalid' in known || known.content !== current;
  }

  /**
   * Moves an article's store file with the article (a rename or move in the editor). Nothing to move is
   * fine; an existing store file at the new path is not overwritten.
   */
  async move(fromArticle: string, toArticle: string): Promise<StoreWrite> {
    const from = this.fileOf(fromArticle);
    const to = this.fileOf(toArticle);
    if (from === undefined || to === undefined) return { ok: false, message: 'both articles must be inside the workspace folder', reason: 'outside' };
    const moved = await moveWithoutOverwriting(from, to);
    if (!moved.ok) return moved;
    const known = this.known.get(from);
    this.known.delete(from);
    if (known !== undefined) this.known.set(to, known);
    return { ok: true };
  }

  /**
   * Moves the store files of every article under a folder with the folder (a folder renamed or moved in
   * the editor reports the folder alone). Nothing to move is fine; an existing folder is not overwritten.
   */
  async moveFolder(fromFolder: string, toFolder: string): Promise<StoreWrite> {
    const from = this.fileOf(fromFolder);
    const to = this.fileOf(toFolder);
    if (from === undefined || to === undefined) return { ok: false, message: 'both folders must be inside the workspace folder', reason: 'outside' };
    const [fromDir, toDir] = [from, to].map((file) => file.slice(0, -'.json'.length));
    const moved = await moveWithoutOverwriting(fromDir, toDir);
    if (!moved.ok) return moved;
    for (const [file, known] of [...this.known]) {
      if (!file.startsWith(fromDir + path.sep)) continue;
      this.known.delete(file);
      this.known.set(toDir + file.slice(fromDir.length), known);
    }
    return { ok: true };
  }
}

/** Renames `from` to `to` unless something is at `to`; a missing `from` is nothing to do. */
async function moveWithoutOverwriting(from: string, to: string): Promise<StoreWrite> {
  try {
    await fs.access(to);
    return { ok: false, message: `${to} exists already: the annotations stay in ${from}`, reason: 'exists' };
  } catch {
    // The usual case: nothing at the new path.
  }
  try {
    await fs.access(from);
  } catch {
    return { ok: true };
  }
  try {
    await makeFolders(path.dirname(to));
    await fs.rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true };
    return { ok: false, message: `${from} could not be moved (${(error as Error).message})`, reason: 'io' };
  }
  return { ok: true };
}

/** A new annotation id: a UUID URN, as W3C annotation ids are IRIs. */
export function newAnnotationId(): string {
  return `urn:uuid:${randomUUID()}`;
}

/** True when `file` is there now. */
async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(() => true, () => false);
}
