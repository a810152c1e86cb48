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
 */

/** A lock held longer than this is a dead writer's: a write takes milliseconds. */
const STALE_LOCK_MS = 10_000;
/** How long a writer waits for another's lock, in steps: longer than a dead writer's lock lasts. */
const WAIT_STEP_MS = 20;
const WAIT_STEPS = Math.ceil((STALE_LOCK_MS * 1.5) / WAIT_STEP_MS);

/** A lock that could not be taken (another window holds it for longer than a write takes). */
export class StoreLockTimeout extends Error {}

/** Runs `write` while holding the lock of `file`. */
export async function withStoreLock<T>(file: string, write: () => Promise<T>): Promise<T> {
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
  try {
    return await write();
  } finally {
    // Only our own: a lock broken as stale meanwhile may be another writer's now.
    if ((await fs.readFile(lock, 'utf8').catch(() => undefined)) === token) await fs.rm(lock, { force: true });
  }
}
