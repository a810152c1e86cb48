import { promises as fs } from 'fs';
import * as path from 'path';
import type { ExportFile } from '../core/annotations/formats/exportFiles';
import { makeFolders } from '../makeFolders';

/**
 * An export that cannot go where it was asked — outside its folder, over an exported article, into a
 * file that is not a folder, or a folder that cannot be made or written: refused with this message.
 */
export class ExportClash extends Error {}

/**
 * Writes an export's files (`core/annotations/formats/exportFiles.ts`) under `folder`, creating
 * subfolders; each file through a temporary file and a rename, so a reader never sees half of one.
 * Paths that would leave the folder are refused, and so is an export that would write over one of the
 * exported articles (`articles`, absolute paths: brat's `.txt` copy of an article exported into its own
 * folder): nothing is written then. Returns the absolute paths written.
 */
export async function writeExportFiles(folder: string, files: readonly ExportFile[], articles: readonly string[] = []): Promise<string[]> {
  const root = path.resolve(folder);
  const sources = new Set(articles.map((a) => path.resolve(a)));
  const targets = files.map((file) => path.resolve(root, ...file.path.split('/')));
  const clash = targets.find((target) => sources.has(target));
  if (clash) throw new ExportClash(`${root} holds the articles themselves (${clash} would be written over): export into another folder`);
  // The layout gives every file a name of its own; should it ever fail to, one file is not silently written over another.
  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(target.toLowerCase())) throw new ExportClash(`two exported files would both be ${target}: nothing written`);
    seen.add(target.toLowerCase());
  }
  const written: string[] = [];
  for (const [i, file] of files.entries()) {
    const target = targets[i];
    if (path.relative(root, target).startsWith('..')) throw new ExportClash(`${file.path} would be written outside ${root}`);
    try {
      await makeFolders(path.dirname(target));
      const temporary = `${target}.${process.pid}.tmp`;
      await fs.writeFile(temporary, file.text, 'utf8');
      await fs.rename(temporary, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === undefined) throw error;
      throw new ExportClash(code === 'ENOTDIR' || code === 'EEXIST' ? `${root}: not a folder (or a file stands in the way of ${target})` : `${target} cannot be written (${code})`);
    }
    written.push(target);
  }
  return written;
}
