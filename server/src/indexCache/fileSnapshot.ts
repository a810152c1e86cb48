import { createHash } from 'crypto';
import * as fs from 'fs';
import type { DependencyStamp } from './format';
import type { FileSnapshot } from './store';
import { articleTextOf } from '../core/articleText';

/** An article file read for the index: how it looked, and its text unless it was unchanged. */
export interface ReadForIndex {
  readonly snapshot: FileSnapshot;
  /** Absent when the content hash equals the one the cache knew: the cached summary stands, no analysis needed. */
  readonly text?: string;
}

/**
 * Reads a file for the workspace index: its size and modification time and those of its
 * dependencies (`dependencies`, taken before reading, so a change during the read shows up as a
 * mismatch next time), the SHA-256 of its bytes, and its text. Undefined when it is over `maxBytes`
 * (not indexed) or cannot be read. When the hash is `knownHash` (a file touched but not changed, a
 * checkout that rewrote it), the text is not decoded.
 */
export function readForIndex(file: string, maxBytes: number, dependencies: (file: string) => DependencyStamp[], knownHash?: string, knownDeps?: readonly DependencyStamp[]): ReadForIndex | undefined {
  try {
    const readAtMs = Date.now();
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    const deps = dependencies(file);
    const bytes = fs.readFileSync(file);
    const snapshot: FileSnapshot = { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, hash: createHash('sha256').update(bytes).digest('hex'), readAtMs, deps };
    // The known summary stands only if what it was made from is unchanged: the text (by hash) and the
    // dependencies as they were checked (a store file written between the check and this read, a git pull
    // during a long scan, made it stale, yet it was recorded under the new store's stamp and trusted).
    return snapshot.hash === knownHash && sameStamps(deps, knownDeps) ? { snapshot } : { snapshot, text: articleTextOf(bytes.toString('utf8')) };
  } catch {
    // Deleted or unreadable between listing and reading: nothing to index.
    return undefined;
  }
}

/** True when two lists of dependency stamps are the same (no list known: nothing to compare, true). */
function sameStamps(now: readonly DependencyStamp[], known: readonly DependencyStamp[] | undefined): boolean {
  return known === undefined || (now.length === known.length && now.every((stamp, i) => stamp.path === known[i].path && stamp.size === known[i].size && stamp.mtimeMs === known[i].mtimeMs));
}
