import { promises as fs } from 'fs';
import * as path from 'path';
import { makeFolders } from '../makeFolders';

/**
 * A lock file beside a store file (`x.txt.json.lock`), held while a window checks that the file is as it
 * read it and writes its own. Without it two windows on one folder could both pass the check and both
 * rename over the file: the last rename won, and the other window's label was gone with no message. The
 * lock is a file created exclusively (`wx`), which every process on the machine (and most network file
 * systems) honours; one older than {@link STALE_LOCK_MS} belongs to a window that died while writing.
 */

/** A lock held longer than this is a dead writer's: a write takes milliseconds. */
const STALE_LOCK_MS = 10_000;
/** How long a writer waits for another's lock, in steps. */
const WAIT_STEP_MS = 20;
const WAIT_STEPS = 250;

/** A lock that could not be taken (another window holds it for longer than a write takes). */
export class StoreLockTimeout extends Error {}

/** Runs `write` while holding the lock of `file`. */
export async function withStoreLock<T>(file: string, write: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  await makeFolders(path.dirname(file));
  for (let step = 0; ; step++) {
    try {
      await (await fs.open(lock, 'wx')).close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = await fs.stat(lock).catch(() => undefined);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) {
        await fs.rm(lock, { force: true });
        continue;
      }
      if (step >= WAIT_STEPS) throw new StoreLockTimeout(`${file} is being written by another window (${lock} has been there for ${WAIT_STEPS * WAIT_STEP_MS / 1000} s)`);
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }
  try {
    return await write();
  } finally {
    await fs.rm(lock, { force: true });
  }
}
