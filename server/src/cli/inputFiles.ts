import * as fs from 'fs';
import * as path from 'path';
import { isArticlePath, isToolFolder } from '../core/articleFiles';
import { linkProblem, linkTarget } from '../symbolicLinks';

/** A file to analyse. */
export interface InputFile {
  readonly file: string;
  /** What `--shard` hashes: the path relative to the folder it was found in, `/`-separated (a file named on the command line: its path as given). */
  readonly shardKey: string;
}

/** A path on the command line, or a folder under one, that yields nothing to analyse. */
export interface InputProblem {
  readonly problem: string;
}

/**
 * The article files named by the command line, lazily and in a fixed order: arguments in turn, a
 * folder walked depth-first with names in code-unit order (not the locale's, so every machine lists
 * the same order). A missing path, an unreadable folder or a folder without articles is yielded as
 * a problem and the walk goes on. Inside a folder given on the command line, every `.txt` and
 * `.article` file counts (hidden folders and `node_modules` are not walked: `isToolFolder`), and a symbolic link to one (a broken link is a problem); links to folders
 * are not followed. A file named explicitly is always taken.
 */
export function* listInputFiles(paths: readonly string[]): Generator<InputFile | InputProblem> {
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Said as the walk says it of a link inside a folder.
      const reason = code === 'ELOOP' ? linkProblem('loop') : code === 'ENOENT' && isLink(given) ? linkProblem('broken') : code === 'EACCES' ? 'permission denied' : 'no such file or folder';
      yield { problem: `${given}: ${reason}` };
      continue;
    }
    if (stat.isFile()) {
      yield { file: given, shardKey: toShardKey(path.normalize(given)) };
      continue;
    }
    if (!stat.isDirectory()) {
      yield { problem: `${given}: not a file or folder` };
      continue;
    }
    let found = 0;
    let problems = 0;
    for (const item of walk(given, given)) {
      if ('file' in item) found++;
      else problems++;
      yield item;
    }
    if (found === 0 && problems === 0) yield { problem: `${given}: no article files (.txt or .article) in this folder` };
  }
}

function* walk(root: string, folder: string): Generator<InputFile | InputProblem> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    yield { problem: `${folder}: cannot read folder` };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!isToolFolder(entry.name)) yield* walk(root, full);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      const relative = path.relative(root, full);
      if (!/\.(txt|article)$/i.test(entry.name) && !isArticlePath(relative)) continue;
      // Node decodes names as UTF-8 and puts U+FFFD for bytes that are not: that name is no path to the file, and
      // reading it said `cannot read file (ENOENT)` of a file that is there.
      if (entry.name.includes('\uFFFD') && !fs.existsSync(full)) {
        yield { problem: `${full}: the file name is not valid UTF-8 (\uFFFD stands for the bytes that are not); rename the file to read it` };
        continue;
      }
      // A link to a file is that file; links to folders are not followed (no loops): symbolicLinks.ts.
      const target = entry.isSymbolicLink() ? linkTarget(full) : 'file';
      const problem = linkProblem(target);
      if (target === 'file') yield { file: full, shardKey: toShardKey(relative) };
      else if (problem) yield { problem: `${full}: ${problem}` };
    }
  }
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function toShardKey(relative: string): string {
  return relative.split(path.sep).join('/');
}
