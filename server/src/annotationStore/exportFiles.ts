import { promises as fs } from 'fs';
import * as path from 'path';
import type { ExportFile } from '../core/annotations/formats/exportFiles';

/**
 * Writes an export's files (`core/annotations/formats/exportFiles.ts`) under `folder`, creating
 * subfolders; each file through a temporary file and a rename, so a reader never sees half of one.
 * Paths that would leave the folder are refused. Returns the absolute paths written.
 */
export async function writeExportFiles(folder: string, files: readonly ExportFile[]): Promise<string[]> {
  const root = path.resolve(folder);
  const written: string[] = [];
  for (const file of files) {
    const target = path.resolve(root, ...file.path.split('/'));
    if (path.relative(root, target).startsWith('..')) throw new Error(`${file.path} would be written outside ${root}`);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await fs.writeFile(temporary, file.text, 'utf8');
    await fs.rename(temporary, target);
    written.push(target);
  }
  return written;
}
