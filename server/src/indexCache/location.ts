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

/**
 * Caches of folders not opened for this long are deleted (a workspace gone, a test's temporary folder).
 * Opening a cache marks it used (`IndexCacheStore.open` sets its modification time).
 */
const STALE_MS = 30 * 24 * 3600 * 1000;

/**
 * A save's temporary file (`<cache>.<pid>.<random>.tmp`) not written to for this long was left by a server
 * that exited during the save: a save writes a chunk at a time, so a live one's file is younger.
 */
const STALE_SAVE_MS = 3600 * 1000;

/**
 * Deletes this folder's index caches (by their name) not used for 30 days, and temporary files of saves
 * that never finished; quietly, as housekeeping.
 */
export async function pruneStaleCaches(folder: string, now = Date.now()): Promise<void> {
  try {
    for (const name of await fs.readdir(folder)) {
      const cache = /^workspace-index-[0-9a-f]{16}\.bin$/.test(name);
      if (!cache && !/^workspace-index-[0-9a-f]{16}\.bin\.\d+\.[0-9a-f]+\.tmp$/.test(name)) continue;
      const file = path.join(folder, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat && now - stat.mtimeMs > (cache ? STALE_MS : STALE_SAVE_MS)) await fs.rm(file, { force: true }).catch(() => undefined);
    }
  } catch {
    // No cache folder yet.
  }
}
