import { randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { makeFolders } from '../makeFolders';

/**
 * A lock file beside a store file (`x.txt.json.lock`), held while a window checks that the file is as it
 * read it and writes its own. Without it two windows on one folder could both pass the check and both
 * rename over the file: the last rename won, and the other window's label was gone with no message. The
 * lock is a file created exclusively (`wx`), which every process on the machine (and most network file
 * systems) honours, holding a token of its writer: a writer removes only its own lock. One older than
 * {@link STALE_LOCK_MS} belongs to a window that died while writing, and is broken.
 *
 * A live window can look dead: one whose event loop is blocked for longer than that (a long analysis, a
 * machine that slept) loses its lock to a waiter, and both would write. So a writer checks, right before
 * the rename that puts its file in place, that the lock is still its own ({@link HeldLock.check}), and
 * writes nothing when it is not. (Between that check and the rename a few microseconds remain, not
 * seconds.) A store folder moved meanwhile (an article folder renamed in the editor) takes the lock with
 * it: the writer finds no lock of its own at the old path and writes nothing there either. The lock that
 * travelled is then nobody's; it is left where it went, and the next writer of that store waits until
 * it is stale (10 s) and breaks it: removing it with the move could remove the lock of a writer at the
 * new path, and a wait is all it costs.
 */

/** A lock held longer than this is a dead writer's: a write takes milliseconds. */
const STALE_LOCK_MS = 10_000;
/** How long a writer waits for another's lock, in steps: longer than a dead writer's lock lasts. */
const WAIT_STEP_MS = 20;
const WAIT_STEPS = Math.ceil((STALE_LOCK_MS * 1.5) / WAIT_STEP_MS);

/** A lock that could not be taken (another window holds it for longer than a write takes). */
export class StoreLockTimeout extends Error {}

/** A lock that is no longer its writer's (taken as stale by another, or moved away with its folder). */
export class StoreLockLost extends Error {}

/** The lock, while `write` runs. */
export interface HeldLock {
  /** Throws {@link StoreLockLost} unless the lock is still this writer's: call it right before writing. */
  check(): Promise<void>;
}

/** Runs `write` while holding the lock of `file`. */
export async function withStoreLock<T>(file: string, write: (lock: HeldLock) => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  const token = `${process.pid} ${randomUUID()}`;
  await makeFolders(path.dirname(file));
  for (let step = 0; ; step++) {
    try {
      await fs.writeFile(lock, token, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = await fs.stat(lock).catch(() => undefined);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) {
        // Moved aside under a name of our own, then removed: two writers breaking it at once do not both win.
        const aside = `${lock}.${randomUUID()}.stale`;
        if (await fs.rename(lock, aside).then(() => true, () => false)) await fs.rm(aside, { force: true });
        continue;
      }
      if (step >= WAIT_STEPS) throw new StoreLockTimeout(`${file} is being written by another window (${lock} has been there for ${Math.round((WAIT_STEPS * WAIT_STEP_MS) / 1000)} s)`);
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }
  const ours = async (): Promise<boolean> => (await fs.readFile(lock, 'utf8').catch(() => undefined)) === token;
  const held: HeldLock = {
    check: async () => {
      if (!(await ours())) {
        throw new StoreLockLost(
          `${file} was not written: this window's lock on it (${path.basename(lock)}) is gone — taken by another window after this one was held up for more than ${STALE_LOCK_MS / 1000} s, or moved away with its folder — so another window may be writing it`,
        );
      }
    },
  };
  try {
    return await write(held);
  } finally {
    // Only our own: a lock broken as stale meanwhile may be another writer's now.
    if (await ours()) await fs.rm(lock, { force: true });
  }
}
