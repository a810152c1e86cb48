import { promises as fs } from 'fs';
import * as path from 'path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { QuietStrays } from '../annotationStore/quietStrays';
import { hasStoreFile, listStrayStores, matchStrayStores, type StrayStore } from '../annotationStore/strayStores';
import { STORE_FIT_SHARE } from '../core/annotations/storeFit';
import { storeFileOf } from '../core/annotations/storeLayout';
import { CommandError, type CommandHost } from './annotationCommands';
import { articleTextOf } from '../core/articleText';

/**
 * Annotations follow an article renamed or moved outside the editor. The editor's own renames arrive as
 * `workspace/didRenameFiles` (`AnnotationLayer.renamed`); a `mv`, a `git mv` or a file manager shows the
 * server only a deletion and a creation (the file watcher), or nothing at all while it was not running
 * (the next workspace scan). Then every store file whose article is gone is matched by its text to an
 * article without a store — first the articles created since the last look, then every other indexed one —
 * and moved there when exactly one fits, with a message. A store that fits nothing, or several articles,
 * is left where it is and reported once per session, naming the file and the command that re-attaches it,
 * with the answers *Open Store File* and *Don't Warn Again* (a store kept on purpose, its article deleted:
 * remembered in the workspace storage, `annotationStore/quietStrays.ts`, until the store file changes).
 */

/** What following renames needs from the server. */
export interface StrayStoresHost {
  /** Workspace folder URIs, as they are now. */
  folders(): readonly string[];
  /** Indexed article URIs (the candidates besides the files just created). */
  indexedArticles(): Iterable<string>;
  /** True while the article is open in the editor (its store is not stray, even when the file is gone). */
  isOpen(uri: string): boolean;
  /** An open document's text, else undefined (read from disk). */
  textOf(uri: string): string | undefined;
  /** Where an article's annotations are stored (the annotation layer's rule), or undefined. */
  placeOf(uri: string): { readonly root: string; readonly article: string } | undefined;
  /** Moves the article's store files to the new article, as a rename in the editor does. */
  move(oldUri: string, newUri: string): Promise<void>;
  /** A closed article whose annotations changed is indexed again. */
  reindex(uri: string): void;
  /** A message for the person. */
  tell(kind: 'info' | 'warning', message: string): void;
  /** A warning with answers: resolves with the one the person chose, or undefined (dismissed). */
  ask(message: string, answers: readonly string[]): Promise<string | undefined>;
  /** Shows a file in the editor. */
  show(file: string): void;
  log(message: string): void;
}

/** How long events are gathered before a look: a move arrives as a deletion and a creation, in either order. */
export const STRAY_LOOK_DELAY_MS = 500;

/** The command that re-attaches a stray store to an open article (named in the messages). */
export const REATTACH_COMMAND_TITLE = 'Article Lens: Re-attach Annotations to This Article…';

/** The answers to the warning about a store that fits no article (or several). */
export const OPEN_STORE_ANSWER = 'Open Store File';
export const DONT_WARN_ANSWER = "Don't Warn Again";

export class StrayStores {
  /** Article files created since the last look (absolute paths): tried first. */
  private created = new Set<string>();
  /** Store files already reported as matching nothing (once each per session): later looks try new files only. */
  private readonly reported = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: StrayStoresHost,
    /** Stores the person asked not to be warned about again. */
    private readonly quiet: QuietStrays,
    private readonly delayMs = STRAY_LOOK_DELAY_MS,
  ) {}

  /** Article files changed on disk (the watcher): a deletion or a creation may be half of a move. */
  articleEvents(changes: readonly FileEvent[]): void {
    let moved = false;
    for (const change of changes) {
      const uri = URI.parse(change.uri);
      if (uri.scheme !== 'file') continue;
      if (change.type === FileChangeType.Created) {
        this.created.add(uri.fsPath);
        moved = true;
      } else if (change.type === FileChangeType.Deleted) {
        moved = true;
      }
    }
    if (!moved) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.look();
    }, this.delayMs);
    this.timer.unref?.();
  }

  /**
   * After a workspace scan: stores left by renames while the server was not running. `analysedFiles`, the
   * files the scan read and analysed (absolute paths), are the candidates: an article renamed meanwhile is
   * new by its path, so it is among them, and the articles the index cache knew unchanged are not read
   * again at every start for a store that fits none of them (a workspace of 100,000 articles is 440 MB).
   */
  afterScan(analysedFiles: readonly string[]): Promise<void> {
    return this.look(analysedFiles);
  }

  /**
   * Looks for stray stores in every store root of the workspace and pairs them, with the files created
   * since the last look and then `candidates` (default: every indexed article). One look at a time.
   */
  look(candidates?: readonly string[]): Promise<void> {
    const next = this.running.then(() => this.lookNow(candidates)).catch((error: unknown) => this.host.log(`annotation stores of renamed articles: ${String(error)}`));
    this.running = next;
    return next;
  }

  /** Stray stores of the workspace now (for the re-attach command). */
  async strays(): Promise<StrayStore[]> {
    const all: StrayStore[] = [];
    for (const root of this.roots()) all.push(...(await listStrayStores(root, (file) => this.host.isOpen(URI.file(file).toString()))));
    return all;
  }

  private async lookNow(candidates?: readonly string[]): Promise<void> {
    const created = [...this.created];
    this.created = new Set();
    const strays = await this.strays();
    if (strays.length === 0) return;
    let indexed: string[] | undefined;
    const everyIndexed = () => (indexed ??= [...this.host.indexedArticles()].map((uri) => URI.parse(uri)).filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath));
    const inRoot = (stray: StrayStore, files: readonly string[]): string[] =>
      files.flatMap((file) => {
        const place = this.host.placeOf(URI.file(file).toString());
        return place?.root === stray.root ? [place.article] : [];
      });
    // Every indexed article was tried once already for a store reported: reading them all again at each
    // file event would cost a workspace's worth of reads, for a store that fitted none of them. A scan's
    // candidates (the files it analysed) are tried whatever was reported.
    const tiers = new Map<StrayStore, string[][]>();
    const tiersOf = (stray: StrayStore): string[][] => {
      let found = tiers.get(stray);
      if (!found) tiers.set(stray, (found = [inRoot(stray, created), inRoot(stray, candidates ?? (this.reported.has(stray.file) ? [] : everyIndexed()))]));
      return found;
    };
    // All at once: one article deleted and its twin renamed in one batch leave two stores that fit the
    // renamed one, and matched one by one the first store took it (`matchStrayStores`).
    const matches = await matchStrayStores(strays, tiersOf, (root, article) => this.read(path.join(root, ...article.split('/'))));
    for (const stray of strays) {
      const match = matches.get(stray)!;
      const oldUri = URI.file(path.join(stray.root, ...stray.article.split('/'))).toString();
      if (match.kind === 'one') {
        const newUri = URI.file(path.join(stray.root, ...match.article.split('/'))).toString();
        await this.host.move(oldUri, newUri);
        this.host.log(`annotations: ${stray.article} is gone; its store file follows ${match.article}, which holds its annotated text`);
        this.host.tell('info', `The annotations of ${stray.article} now belong to ${match.article}: the article was renamed or moved outside the editor, and its annotated text is there.`);
        if (!this.host.isOpen(newUri)) this.host.reindex(newUri);
        continue;
      }
      if (match.kind === 'contested') {
        // Said in the log whether or not the person is warned (again): why nothing was moved.
        this.host.log(`annotations: the store files of ${[stray.article, ...match.rivals].join(' and ')}, whose files are gone, fit ${match.article} equally well; neither is moved (which one belongs there is the person's answer)`);
      }
      if (this.reported.has(stray.file)) continue;
      this.reported.add(stray.file);
      const where = `${storeFileOf(stray.article)} (in ${stray.root})`;
      const message =
        match.kind === 'several'
          ? `The annotations of ${stray.article}, whose file is gone, fit several articles (${match.articles.join(', ')}): they are kept in ${where}. Open the article they belong to and run "${REATTACH_COMMAND_TITLE}".`
          : match.kind === 'contested'
            ? `The annotations of ${stray.article}, whose file is gone, fit ${match.article} exactly as well as those of ${match.rivals.join(' and ')} do: they are kept in ${where}. If ${match.article} is ${stray.article} renamed, open it and run "${REATTACH_COMMAND_TITLE}".`
            : match.unreadable !== undefined
              ? `The annotations of ${stray.article}, whose file is gone, are kept in ${where}, which could not be read (${match.unreadable}).`
              : `The annotations of ${stray.article} (${match.annotations}) are kept in ${where}, but that article is gone and no article without annotations holds ${Math.round(STORE_FIT_SHARE * 100)} % of their text. Rename the article back, or open the article they belong to and run "${REATTACH_COMMAND_TITLE}".`;
      if (await this.quiet.has(stray.file)) {
        this.host.log(`annotations: ${message} (not shown: the person asked not to be warned again about this store file)`);
        continue;
      }
      this.host.log(`annotations: ${message}`);
      // Not awaited: the look goes on while the warning waits for the person.
      void this.warn(stray.file, message);
    }
  }

  /** Shows the warning about a store and does what the person answers. */
  private async warn(storeFile: string, message: string): Promise<void> {
    const answer = await this.host.ask(message, [OPEN_STORE_ANSWER, DONT_WARN_ANSWER]).catch(() => undefined);
    if (answer === OPEN_STORE_ANSWER) this.host.show(storeFile);
    else if (answer === DONT_WARN_ANSWER) await this.quiet.add(storeFile);
  }

  private async read(file: string): Promise<string | undefined> {
    const open = this.host.textOf(URI.file(file).toString());
    if (open !== undefined) return open;
    try {
      return articleTextOf(await fs.readFile(file, 'utf8'));
    } catch {
      return undefined;
    }
  }

  /**
   * The store roots looked at: the workspace folders, and the nested ones (a subfolder with a store of its
   * own, `storeRoot.ts`) that hold indexed articles — found once per folder of articles, not per article. A
   * nested store none of whose articles is left in the index is not found: a known limit (its folder is not
   * walked for stores).
   */
  private roots(): string[] {
    const roots = new Set<string>();
    for (const uri of this.host.folders()) {
      const folder = URI.parse(uri);
      if (folder.scheme === 'file') roots.add(folder.fsPath);
    }
    // Folders by their URI's prefix: a workspace of 100,000 articles is not parsed URI by URI at each look.
    const folders = new Set<string>();
    for (const uri of this.host.indexedArticles()) {
      const folder = uri.slice(0, uri.lastIndexOf('/'));
      if (folders.has(folder)) continue;
      folders.add(folder);
      const root = this.host.placeOf(uri)?.root;
      if (root !== undefined) roots.add(root);
    }
    return [...roots].sort();
  }
}

/** The command's answer without `from`: the stray stores of the article's store root. */
export interface StrayList {
  readonly strays: Array<{ readonly article: string; readonly file: string }>;
}

/**
 * `articleLens.annotation.reattach` (`protocol.ts`): lists the stray stores beside an article, or moves one
 * to it — the person's answer where the text could not decide (an article edited past recognition, or
 * copies). The article must have no annotations of its own: two stores are never merged or overwritten.
 */
export async function reattachAnnotationsCommand(strays: StrayStores, host: Pick<CommandHost, 'storePlace'> & { readonly layer: { renamed(oldUri: string, newUri: string): Promise<void> } }, args: unknown[] | undefined): Promise<StrayList | { readonly moved: string }> {
  const where = 'articleLens.annotation.reattach';
  const [params] = args ?? [];
  const uri = (params as { uri?: unknown } | undefined)?.uri;
  const from = (params as { from?: unknown } | undefined)?.from;
  if (typeof uri !== 'string') throw new CommandError(`${where}: expected [{ uri, from? }] with the article's URI`);
  if (from !== undefined && typeof from !== 'string') throw new CommandError(`${where}: "from" must be the path of a stray store's article, as listed`);
  const place = host.storePlace(uri);
  if (!place) throw new CommandError(`${where}: ${uri} is outside every workspace folder`);
  const beside = (await strays.strays()).filter((stray) => stray.root === place.root);
  if (from === undefined) return { strays: beside.map(({ article, file }) => ({ article, file })) };
  const stray = beside.find((s) => s.article === from);
  if (!stray) throw new CommandError(`${where}: no store file of a missing article ${from} beside ${place.article}`);
  if (hasStoreFile(place.root, place.article)) throw new CommandError(`${where}: ${place.article} has annotations of its own; ${stray.file} is left as it is`);
  await host.layer.renamed(URI.file(path.join(stray.root, ...stray.article.split('/'))).toString(), uri);
  return { moved: stray.file };
}
