import * as fs from 'fs/promises';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { IGNORED_FOLDERS, isArticlePath } from '../core/articleFiles';
import type { ArticleService } from '../core/languageService';
import type { ArticleSettings } from '../core/settings';

/** How the scan reports progress; the server maps it to LSP work-done progress. */
export interface ScanProgress {
  begin(total: number): void;
  report(done: number, total: number): void;
  done(): void;
}

/**
 * Indexes every article file under the workspace folders in the background. Files are read one at
 * a time and the scan yields to the event loop after each, so editor requests are answered while it
 * runs. Unreadable files and files over the size limit are skipped quietly: they are not open, and
 * the index is a convenience, never a gate.
 */
export async function scanWorkspace(
  folders: readonly string[],
  service: ArticleService,
  settings: ArticleSettings,
  progress: ScanProgress,
  isOpen: (uri: string) => boolean,
): Promise<number> {
  const files: string[] = [];
  for (const folder of folders) {
    const root = URI.parse(folder);
    if (root.scheme !== 'file') continue;
    await collect(root.fsPath, root.fsPath, settings, files);
  }
  progress.begin(files.length);
  let done = 0;
  for (const file of files) {
    const uri = URI.file(file).toString();
    if (!isOpen(uri)) {
      try {
        const stat = await fs.stat(file);
        if (stat.size <= settings.maxFileSize * 4) service.indexArticle(uri, await fs.readFile(file, 'utf8'), settings);
      } catch {
        // Deleted or unreadable between listing and reading: nothing to index.
      }
    }
    done++;
    if (done % 20 === 0 || done === files.length) progress.report(done, files.length);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  progress.done();
  return files.length;
}

async function collect(root: string, folder: string, settings: ArticleSettings, into: string[]): Promise<void> {
  let entries: import('fs').Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!IGNORED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await collect(root, full, settings, into);
    } else if (entry.isFile() && isArticlePath(path.relative(root, full), settings.files)) {
      into.push(full);
    }
  }
}
