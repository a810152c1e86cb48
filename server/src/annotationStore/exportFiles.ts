import { promises as fs } from 'fs';
import * as path from 'path';
import type { ExportFile } from '../core/annotations/formats/exportFiles';
import { makeFolders } from '../makeFolders';
import { digestOf, readExportRecord, writeExportRecord } from './exportRecord';

/**
 * An export that cannot go where it was asked — outside its folder, over an exported article, over a file
 * no export wrote there, into a file that is not a folder, or a folder that cannot be made or written:
 * refused with this message.
 */
export class ExportClash extends Error {}

/**
 * Writes an export's files (`core/annotations/formats/exportFiles.ts`) under `folder`, creating
 * subfolders; each file through a temporary file and a rename, so a reader never sees half of one.
 * A file is never written over unless an earlier export wrote it there and nobody changed it since
 * (`exportRecord.ts`), or it holds exactly what would be written: running an export again into its folder
 * works, while an unrelated article or another annotator's `.ann` that happens to have the name stays as it
 * is. Refused, with nothing written: such a file, paths that would leave the folder, and an export that would
 * write over one of the exported articles (`articles`, absolute paths: brat's `.txt` copy of an article
 * exported into its own folder). Returns the absolute paths written.
 */
export async function writeExportFiles(folder: string, files: readonly ExportFile[], articles: readonly string[] = []): Promise<string[]> {
  const root = path.resolve(folder);
  const sources = new Set(articles.map((a) => path.resolve(a)));
  const targets = files.map((file) => path.resolve(root, ...file.path.split('/')));
  const outside = files.find((_, i) => path.relative(root, targets[i]).startsWith('..'));
  if (outside) throw new ExportClash(`${outside.path} would be written outside ${root}`);
  const clash = targets.find((target) => sources.has(target));
  if (clash) throw new ExportClash(`${root} holds the articles themselves (${clash} would be written over): export into another folder`);
  // The layout gives every file a name of its own; should it ever fail to, one file is not silently written over another.
  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(target.toLowerCase())) throw new ExportClash(`two exported files would both be ${target}: nothing written`);
    seen.add(target.toLowerCase());
  }
  const relative = (target: string): string => path.relative(root, target).split(path.sep).join('/');
  const record = await readExportRecord(root);
  const notOurs: string[] = [];
  for (const [i, file] of files.entries()) {
    const existing = await contentAt(targets[i]);
    if (existing === undefined || existing.equals(Buffer.from(file.text, 'utf8')) || record.get(relative(targets[i])) === digestOf(existing)) continue;
    notOurs.push(relative(targets[i]));
  }
  if (notOurs.length > 0) {
    const named = notOurs.length > 3 ? `${notOurs.slice(0, 3).join(', ')} and ${notOurs.length - 3} more` : notOurs.join(', ');
    const [them, were] = notOurs.length === 1 ? ['it', 'it was not written by an export, or was changed since'] : ['them', 'they were not written by an export, or were changed since'];
    throw new ExportClash(`${root}: ${named} would be written over (${were}): nothing written; export into another folder, or move ${them} away`);
  }
  const written: string[] = [];
  for (const [i, file] of files.entries()) {
    const target = targets[i];
    try {
      await makeFolders(path.dirname(target));
      const temporary = `${target}.${process.pid}.tmp`;
      await fs.writeFile(temporary, file.text, 'utf8');
      await fs.rename(temporary, target);
      record.set(relative(target), digestOf(file.text));
    } catch (error) {
      throw writeFailure(error, root, target);
    }
    written.push(target);
  }
  try {
    await writeExportRecord(root, record);
  } catch (error) {
    throw writeFailure(error, root, root);
  }
  return written;
}

/** The bytes of the file at `target`; undefined when nothing is there (or a file stands where a folder would). */
async function contentAt(target: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    // A folder of that name, or a file that cannot be read: whatever it is, it is not written over.
    throw new ExportClash(code === 'EISDIR' ? `${target} is a folder: nothing written` : `${target} cannot be read (${code}): nothing written`);
  }
}

function writeFailure(error: unknown, root: string, target: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return error;
  return new ExportClash(code === 'ENOTDIR' || code === 'EEXIST' ? `${root}: not a folder (or a file stands in the way of ${target})` : `${target} cannot be written (${code})`);
}
