import * as fs from 'fs/promises';
import * as path from 'path';
import { FileChangeType, type FileEvent, type FileSystemWatcher } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { IGNORED_FOLDERS, isArticlePath, isExcludedPath } from '../core/articleFiles';
import type { AnnotationInput } from '../core/annotationInput';
import type { ArticleService } from '../core/languageService';
import { maxFileBytes, type ArticleSettings } from '../core/settings';
import { articleTextOf } from '../core/articleText';

/**
 * True when a file under a workspace folder is an article. Patterns are tried against the path
 * relative to the folder and against the path including the folder's own name, because editors
 * match the `seeds` folder pattern against the whole path: a workspace opened on `seeds/` itself still
 * holds articles. `exclude` (`articleLens.index.exclude`) leaves files out of the index.
 */
export function isWorkspaceArticle(rootFsPath: string, fsPath: string, patterns: readonly string[], exclude: readonly string[] = []): boolean {
  return isArticleByRelativePaths(path.relative(rootFsPath, fsPath), path.relative(path.dirname(rootFsPath), fsPath), patterns, exclude);
}

/**
 * {@link isWorkspaceArticle} for a file inside the folder, given by its path relative to the folder:
 * what the workspace scan knows of each file it lists, so that it need not work out two relative paths
 * per file (10,000 files: about a tenth of the scan's listing time on a cold thread).
 */
export function isArticleInFolder(rootFsPath: string, relative: string, patterns: readonly string[], exclude: readonly string[] = []): boolean {
  const folderName = path.basename(rootFsPath);
  return isArticleByRelativePaths(relative, folderName ? folderName + path.sep + relative : relative, patterns, exclude);
}

function isArticleByRelativePaths(relative: string, withFolderName: string, patterns: readonly string[], exclude: readonly string[]): boolean {
  if (relative.split(/[\\/]/).some((part) => IGNORED_FOLDERS.has(part))) return false;
  if (exclude.length > 0 && isExcludedPath(relative, exclude)) return false;
  return isArticlePath(relative, patterns) || isArticlePath(withFolderName, patterns);
}

/**
 * File watchers the server asks the client for: the `articleLens.files` patterns, which the VS Code
 * client's own watcher (`*.txt`, `*.article`) does not cover.
 */
export function extraArticleWatchers(settings: ArticleSettings): FileSystemWatcher[] {
  return settings.files.map((globPattern) => ({ globPattern }));
}

/** What keeping the index fresh needs from the server. */
export interface WatchedFilesHost {
  readonly service: ArticleService;
  /** The workspace folder URIs, as they are now. */
  folders(): readonly string[];
  /** The settings that apply to a URI (`articleLens.files` can differ per folder). */
  settingsFor(uri: string): Promise<ArticleSettings>;
  /** Open documents are indexed from their editor text, not from disk. */
  isOpen(uri: string): boolean;
  /** People's annotations of a closed article (its store file), indexed with it. */
  annotationInput?(file: string, text: string): Promise<AnnotationInput | undefined>;
}

/**
 * Keeps the workspace index up to date with files created, changed and deleted on disk, using the
 * same rule as the scan (default article patterns plus `articleLens.files` of the file's folder).
 * Reads are asynchronous, so a generation counter per URI drops a read that a later event for the
 * same file overtook (a change, then a delete, must not leave the old text indexed).
 */
export class WatchedArticles {
  private readonly generations = new Map<string, number>();

  constructor(private readonly host: WatchedFilesHost) {}

  /** Applies `workspace/didChangeWatchedFiles` events. */
  async apply(changes: readonly FileEvent[]): Promise<void> {
    await Promise.all(changes.map((change) => this.applyOne(change.uri, change.type)));
  }

  /**
   * After `articleLens.files`, `articleLens.index.exclude` or `articleLens.workspaceIndex.enabled`
   * changed: forgets indexed files the index no longer covers (files it now covers are the scan's to add). Open documents stay: the editor decides their language.
   */
  async forgetFilesNoLongerArticles(): Promise<void> {
    for (const uri of this.host.service.indexedArticles()) {
      if (this.host.isOpen(uri)) continue;
      const parsed = URI.parse(uri);
      const folder = parsed.scheme === 'file' ? this.folderOf(parsed.fsPath) : undefined;
      if (!folder) continue;
      const settings = await this.host.settingsFor(folder.uri);
      if (!indexes(settings, folder.fsPath, parsed.fsPath)) this.host.service.removeArticle(uri);
    }
  }

  /** Re-reads a file from disk: after its document closes, the disk is the truth again. */
  reindex(uri: string): Promise<void> {
    return this.applyOne(uri, FileChangeType.Changed);
  }

  private async applyOne(uri: string, type: FileChangeType): Promise<void> {
    const generation = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, generation);
    try {
      await this.update(uri, type, generation);
    } finally {
      // Only events in flight are remembered, so closing 10,000 documents leaves nothing behind.
      if (this.generations.get(uri) === generation) this.generations.delete(uri);
    }
  }

  private async update(uri: string, type: FileChangeType, generation: number): Promise<void> {
    const parsed = URI.parse(uri);
    if (this.host.isOpen(uri)) return;
    // Only a file on disk can come back: a closed untitled or virtual document is gone for good.
    if (parsed.scheme !== 'file') {
      this.host.service.removeArticle(uri);
      return;
    }
    if (type === FileChangeType.Deleted) {
      this.host.service.removeArticle(uri);
      // A deleted folder arrives as one event for the folder, and any name may be one (`reuters.com`,
      // `2016.03`: judged by an extension, they kept their articles indexed). Whether articles lie under
      // it is asked of the index's folders, so many deleted files cost no pass over the articles each.
      this.host.service.removeArticlesUnder(uri);
      return;
    }
    const folder = this.folderOf(parsed.fsPath);
    if (!folder) {
      this.host.service.removeArticle(uri);
      return;
    }
    // The folder's settings: asking per file would cache settings for every file ever closed.
    const settings = await this.host.settingsFor(folder.uri);
    if (!indexes(settings, folder.fsPath, parsed.fsPath)) {
      this.host.service.removeArticle(uri);
      return;
    }
    if (await this.linksToWorkspaceArticle(parsed.fsPath)) {
      // The same text as that article's, which the index holds under its real path: not a second article.
      if (this.generations.get(uri) === generation && !this.host.isOpen(uri)) this.host.service.removeArticle(uri);
      return;
    }
    let text: string;
    try {
      const stat = await fs.stat(parsed.fsPath);
      if (!stat.isFile() || stat.size > maxFileBytes(settings)) {
        // Grown past the size limit (or no longer a file): its old summary must not stay in the index.
        if (this.generations.get(uri) === generation && !this.host.isOpen(uri)) this.host.service.removeArticle(uri);
        return;
      }
      text = articleTextOf(await fs.readFile(parsed.fsPath, 'utf8'));
    } catch {
      // Gone (an unsaved document closed, a file deleted meanwhile): nothing of it stays indexed.
      if (this.generations.get(uri) === generation && !this.host.isOpen(uri)) this.host.service.removeArticle(uri);
      return;
    }
    const input = await this.host.annotationInput?.(parsed.fsPath, text);
    if (this.generations.get(uri) !== generation || this.host.isOpen(uri)) return;
    this.host.service.indexArticle(uri, text, settings, input);
  }

  /**
   * Whether `fsPath` is a symbolic link to an article the index keeps under its real path, in one of
   * the workspace folders: one text is one article (the scan leaves such links out in the same way,
   * `leaveOutSecondCopies` in workspaceScan.ts), or hovers and views would count it twice.
   */
  private async linksToWorkspaceArticle(fsPath: string): Promise<boolean> {
    let real: string;
    try {
      if (!(await fs.lstat(fsPath)).isSymbolicLink()) return false;
      real = await fs.realpath(fsPath);
    } catch {
      return false;
    }
    for (const folder of this.host.folders()) {
      const root = URI.parse(folder);
      if (root.scheme !== 'file') continue;
      // The folder as the real path reads it (the folder itself may be reached through a link).
      const realRoot = await fs.realpath(root.fsPath).catch(() => root.fsPath);
      const relative = path.relative(realRoot, real);
      if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      return indexes(await this.host.settingsFor(folder), root.fsPath, path.join(root.fsPath, relative));
    }
    return false;
  }

  /** The workspace folder that holds a file, or undefined outside every folder. */
  private folderOf(fsPath: string): { uri: string; fsPath: string } | undefined {
    for (const folder of this.host.folders()) {
      const root = URI.parse(folder);
      if (root.scheme !== 'file') continue;
      const relative = path.relative(root.fsPath, fsPath);
      if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return { uri: folder, fsPath: root.fsPath };
    }
    return undefined;
  }
}

/** True when the workspace index keeps this file: the index is on, the file is an article, and not excluded. */
function indexes(settings: ArticleSettings, rootFsPath: string, fsPath: string): boolean {
  return settings.workspaceIndex.enabled && isWorkspaceArticle(rootFsPath, fsPath, settings.files, settings.index.exclude);
}
