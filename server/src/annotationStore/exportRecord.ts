import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { makeFolders } from '../makeFolders';

/**
 * What exports wrote into an export folder, so that running an export again (more annotations since, or
 * the same export twice) may write over its own files, and only those: `<folder>/.article-lens/exported.json`
 * holds each file's path (relative, with `/`) and a digest of what was written. A file changed since (an
 * annotator corrected the `.ann` in brat) no longer matches its digest: it is a person's work again. The
 * record sits in the tool's own hidden folder, which walks of articles skip; without `annotations/` in it,
 * that folder is no annotation store.
 */
export const EXPORT_RECORD = '.article-lens/exported.json';

/** The digest a file's content is recorded with (SHA-256 of its UTF-8 bytes). */
export function digestOf(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * The files earlier exports wrote into `folder`, with their digests. None when there is no record, or
 * one that cannot be read: then no file there counts as an export's own, which is the safe side.
 */
export async function readExportRecord(folder: string): Promise<Map<string, string>> {
  try {
    const files = (JSON.parse(await fs.readFile(recordFile(folder), 'utf8')) as { files?: unknown } | null)?.files;
    if (files !== null && typeof files === 'object') return new Map(Object.entries(files).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    // Missing or unreadable: nothing is known to be an export's own.
  }
  return new Map();
}

/** Writes the record (sorted, a final line break), through a temporary file and a rename. */
export async function writeExportRecord(folder: string, record: ReadonlyMap<string, string>): Promise<void> {
  const file = recordFile(folder);
  await makeFolders(path.dirname(file));
  const files = Object.fromEntries([...record].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, `${JSON.stringify({ files }, null, 2)}\n`, 'utf8');
  await fs.rename(temporary, file);
}

function recordFile(folder: string): string {
  return path.join(folder, ...EXPORT_RECORD.split('/'));
}
