import { promises as fs } from 'fs';
import * as path from 'path';

/**
 * `mkdir -p`, one level at a time from the deepest folder that exists. Node's own recursive mkdir never
 * returns, spinning a thread of its pool at full CPU, when a missing folder's parent exists but cannot
 * hold it (any path under /proc, where mkdir answers ENOENT): a cache folder or an export folder there
 * would burn a core for good. A failure is thrown as mkdir throws it (ENOENT, EACCES, ENOTDIR…).
 */
export async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let dir = path.resolve(folder); !(await exists(dir)); dir = path.dirname(dir)) {
    missing.push(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of missing.reverse()) {
    try {
      await fs.mkdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** False only when nothing is at `file` (another failure to stat is left to the mkdir or write that follows). */
async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}
