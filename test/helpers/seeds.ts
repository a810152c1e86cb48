import * as fs from 'fs';
import * as path from 'path';

/**
 * The project root: the nearest folder above this file with a package.json. Found rather than fixed
 * because this helper also runs bundled into dist/bench.js, one level below the root instead of two.
 */
export const ROOT = findRoot(__dirname);

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** Seed article file names, in order. */
export const SEEDS = {
  lavrovJamil: '000_bea65045944bb13e.txt',
  lavrovKerry: '001_df97716ef8399177.txt',
  lavrovZannier: '002_4dc12a91d0b3cd92.txt',
  lavrovMunich: '003_293dd51d06a938cd.txt',
  lavrovSteinmeier: '004_e992f3d333dd0b49.txt',
} as const;

/** Absolute path of a seed article. */
export function seedPath(name: string): string {
  return path.join(ROOT, 'seeds', name);
}

/** Text of a seed article. */
export function readSeed(name: string): string {
  return fs.readFileSync(seedPath(name), 'utf8');
}

/**
 * Splits inline test text at a `|` cursor marker (as css-languageservice tests do):
 * `Sergei La|vrov` → the text without the marker and the marker's offset.
 */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker in test text');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
