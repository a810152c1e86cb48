import { createHash } from 'crypto';
import * as fs from 'fs/promises';
import * as os from 'os';
import * as path from 'path';

/**
 * The folder for index caches: the one the client gives (VS Code's workspace storage, or its global
 * storage without a workspace), else the user's cache folder: `$XDG_CACHE_HOME/article-lens`, or
 * `~/.cache/article-lens` (`%LOCALAPPDATA%\article-lens` on Windows) for a standalone server.
 */
export function cacheFolder(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (given) return given;
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'article-lens');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'article-lens');
  return path.join(os.homedir(), '.cache', 'article-lens');
}

/** The cache file of one workspace folder (by its URI): one file per folder, so folders come and go independently. */
export function cacheFileFor(folder: string, folderUri: string): string {
  return path.join(folder, `workspace-index-${createHash('sha256').update(folderUri).digest('hex').slice(0, 16)}.bin`);
}

/** Caches of folders not opened for this long are deleted (a workspace gone, a test's temporary folder). */
const STALE_MS = 30 * 24 * 3600 * 1000;

/** Deletes this folder's index caches (by their name) not written for 30 days; quietly, as housekeeping. */
export async function pruneStaleCaches(folder: string, now = Date.now()): Promise<void> {
  try {
    for (const name of await fs.readdir(folder)) {
      if (!/^workspace-index-[0-9a-f]{16}\.bin$/.test(name)) continue;
      const file = path.join(folder, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat && now - stat.mtimeMs > STALE_MS) await fs.rm(file, { force: true }).catch(() => undefined);
    }
  } catch {
    // No cache folder yet.
  }
}
