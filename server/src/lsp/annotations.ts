import * as path from 'path';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { AnnotationFiles, type StoreLoad, type StoreWrite } from '../annotationStore/annotationFiles';
import { articlePathIn, storeRootOf } from '../annotationStore/storeRoot';
import { toAnnotationInput } from '../core/annotations/analysisInput';
import { applyEdits, writtenRanges } from '../core/annotations/editShift';
import { EMPTY_ARTICLE_ANNOTATIONS, type ArticleAnnotations } from '../core/annotations/model';
import { hasUnsavedChanges, mergeUnsaved } from '../core/annotations/merge';
import type { Outcome } from '../core/annotations/operations';
import { reanchor, reanchorOrphansWhereWritten, type ReanchorOutcome } from '../core/annotations/reanchor';
import { articleOfStoreFile } from '../core/annotations/storeLayout';
import { sameInStore } from '../core/annotations/w3c';
import { NO_ANNOTATIONS } from '../core/annotationInput';
import type { ArticleService } from '../core/languageService';
import { offsetEditsOf, type PositionMapper } from './positions';

/**
 * The human annotations of open articles, kept in step with the editor: loaded from the store when an
 * article opens (re-anchored by quote to its current text), shifted exactly through every `didChange`,
 * written after each command and on save, reloaded when the store file changes on disk, moved with a
 * renamed article. Each change goes to the analysis as a new `AnnotationInput` (with a new revision), so
 * tokens, hovers, actors and the outline follow.
 *
 * Nothing is lost: an annotation that cannot be placed stays, orphaned; a store file that cannot be read
 * is never written (every change is refused with the reason, and the article's other features work);
 * a store file changed on disk since it was read is read again before a change is written over it.
 */

/** What the layer needs from the server. */
export interface AnnotationHost {
  readonly service: ArticleService;
  /** Workspace folder URIs, as they are now. */
  folders(): readonly string[];
  /** The open document's current text, or undefined when it is not open. */
  textOf(uri: string): string | undefined;
  /**
   * The annotations of an open article changed and the analysis has its new input: refresh what shows
   * them. `byEdit`: only moved by typing (the editor's own refresh follows the keystroke anyway).
   */
  changed(uri: string, byEdit: boolean): void;
  /** A message for the person (a write that failed, a store file reloaded). */
  warn(message: string): void;
}

/** Where an article's annotations are stored: its store root, the files there, and its path in it. */
export interface StorePlace {
  readonly root: string;
  readonly files: AnnotationFiles;
  readonly article: string;
}

/** One open article's annotations. */
export interface OpenAnnotations {
  readonly uri: string;
  /** The store root and the article's path in it; undefined for a document outside every workspace folder. */
  readonly place?: StorePlace;
  annotations: ArticleAnnotations;
  /** The store file could not be read: its message; every change is refused until it is fixed. */
  storeError?: { readonly file: string; readonly message: string };
  /** How re-anchoring placed each annotation when the article was opened (approximate ones get a diagnostic). */
  outcomes: ReadonlyMap<string, ReanchorOutcome>;
  /** Changed (shifted by typing) since the store file was written. */
  dirty: boolean;
  /**
   * The annotations as last read from the store file (as it holds them, before they were placed in the
   * text) or written to it (undefined before the first read, or when it could not be read): what the
   * person's unsaved changes are measured against when the file changes, and what tells an annotation
   * someone else rewrote from one the file holds as this window left it.
   */
  stored?: ArticleAnnotations;
  /** Resolves once the store file has been read. */
  ready: Promise<void>;
}

/** Why the article's annotations cannot be changed now, or undefined. */
export function unwritable(state: OpenAnnotations): string | undefined {
  if (state.storeError) return `${state.storeError.file} could not be read (${state.storeError.message}); it is left as it is and no annotation is saved until it is fixed or removed`;
  if (!state.place) return `${URI.parse(state.uri).fsPath || state.uri} is outside every workspace folder: annotations are stored in the workspace (.article-lens/annotations)`;
  return undefined;
}

export class AnnotationLayer {
  private readonly states = new Map<string, OpenAnnotations>();
  private readonly stores = new Map<string, AnnotationFiles>();
  /** One store operation at a time per article (a write, a reload, a command). */
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Every input gets a new revision, never reused (the analysis caches by it). */
  private revision = 0;

  constructor(private readonly host: AnnotationHost) {}

  /** The state of an open article, once its store file has been read; undefined when it is not open. */
  async stateOf(uri: string): Promise<OpenAnnotations | undefined> {
    const state = this.states.get(uri);
    if (state) await state.ready;
    return this.states.get(uri) === state ? state : undefined;
  }

  /** The state as it is now (possibly still loading), for synchronous readers (diagnostics, code actions). */
  peek(uri: string): OpenAnnotations | undefined {
    return this.states.get(uri);
  }

  /** An article opened: read its store file. */
  open(uri: string): void {
    const state: OpenAnnotations = { uri, place: this.placeOf(uri), annotations: EMPTY_ARTICLE_ANNOTATIONS, outcomes: new Map(), dirty: false, ready: Promise.resolve() };
    this.states.set(uri, state);
    state.ready = this.serial(uri, () => this.load(state));
  }

  /** Released when the document closes: the store file holds what was written; the analysis forgets the input. */
  delete(uri: string): void {
    if (!this.states.delete(uri)) return;
    this.host.service.setAnnotationInput(uri, NO_ANNOTATIONS);
  }

  /**
   * The document is about to take `changes` (called before they are applied, with its current text):
   * every annotation shifts exactly; orphans whose text these changes brought back (an undo) are placed again.
   */
  willChange(uri: string, text: string, changes: readonly TextDocumentContentChangeEvent[], positions?: PositionMapper): void {
    const state = this.states.get(uri);
    if (!state || state.annotations.annotations.length === 0) return;
    const { edits, text: newText } = offsetEditsOf(text, changes, positions);
    const before = state.annotations.annotations;
    let after = applyEdits(before, edits, newText).annotations;
    if (after.some((a) => a.status === 'orphaned')) after = reanchorOrphansWhereWritten(after, newText, writtenRanges(edits)).annotations;
    if (after.every((a, i) => a === before[i])) return;
    state.dirty = true;
    this.publish(state, { ...state.annotations, annotations: after }, true);
  }

  /** The article was saved: its shifted annotations are written too. */
  saved(uri: string): Promise<void> {
    const state = this.states.get(uri);
    if (!state || !state.dirty) return Promise.resolve();
    return this.serial(uri, async () => {
      if (this.states.get(uri) !== state || !state.dirty || unwritable(state)) return;
      const written = await this.write(state);
      if (!written.ok && written.reason === 'changed') {
        // Someone else wrote the store: theirs is read and placed in the text; typing only moved ours.
        this.host.warn(`${written.message}. Article Lens read it again.`);
        await this.load(state);
      } else if (!written.ok) {
        this.host.warn(`The annotations of ${path.basename(URI.parse(uri).path)} were not saved: ${written.message}`);
      }
    });
  }

  /**
   * Changes an open article's annotations with `change` (given them and the current text), publishes
   * the result and writes it. When the store file changed on disk meanwhile, it is read again and the
   * change made on what it holds. A failed write keeps the change in memory and says so.
   */
  update(uri: string, change: (annotations: ArticleAnnotations, text: string) => Outcome<ArticleAnnotations>): Promise<Outcome<ArticleAnnotations>> {
    return this.serial(uri, async (): Promise<Outcome<ArticleAnnotations>> => {
      const state = await this.stateOf(uri);
      if (!state) return { ok: false, message: `${uri} is not open: open the article to annotate it` };
      for (let attempt = 0; ; attempt++) {
        const problem = unwritable(state);
        if (problem) return { ok: false, message: problem };
        const text = this.host.textOf(uri) ?? '';
        const before = state.annotations;
        const result = change(before, text);
        if (!result.ok) return result;
        this.publish(state, result.value, false);
        state.dirty = true;
        const written = await this.write(state);
        if (written.ok) return result;
        if (written.reason === 'changed' && attempt === 0) {
          // The change is made again on the file as it is now; earlier unsaved changes are merged into it.
          state.annotations = before;
          await this.load(state);
          continue;
        }
        this.host.warn(`The annotation is kept in memory but not saved: ${written.message}`);
        return result;
      }
    });
  }

  /**
   * A store file changed on disk (file watcher): an open article whose store it is reads it again,
   * unless it is what the server itself wrote. Returns the article's URI (the caller re-indexes a
   * closed article), or undefined for a file that is not a store file.
   */
  async storeFileChanged(storeUri: string): Promise<string | undefined> {
    const parsed = URI.parse(storeUri);
    if (parsed.scheme !== 'file') return undefined;
    const found = this.articleOfStoreFile(parsed.fsPath);
    if (!found) return undefined;
    const state = this.states.get(found.uri);
    if (state?.place && (await state.place.files.changedOnDisk(state.place.article))) {
      await this.serial(found.uri, () => (this.states.get(found.uri) === state ? this.load(state) : undefined));
    }
    return found.uri;
  }

  /**
   * A file or folder was renamed or moved in the editor (`workspace/didRenameFiles`): its store files
   * follow, and an article open under the new name reads them.
   */
  async renamed(oldUri: string, newUri: string): Promise<void> {
    const [from, to] = [URI.parse(oldUri), URI.parse(newUri)];
    if (from.scheme !== 'file' || to.scheme !== 'file') return;
    const root = this.rootOf(from.fsPath);
    if (!root || root !== this.rootOf(to.fsPath)) return;
    const [fromPath, toPath] = [articlePathIn(root, from.fsPath), articlePathIn(root, to.fsPath)];
    if (fromPath === undefined || toPath === undefined) return;
    const files = this.storeAt(root);
    // A folder arrives as the folder alone: one with no store file of its own is taken for a folder.
    const file = await files.move(fromPath, toPath);
    const folder = file.ok ? await files.moveFolder(fromPath, toPath) : file;
    if (!folder.ok) this.host.warn(`The annotations did not follow the rename: ${folder.message}`);
    const prefix = newUri.endsWith('/') ? newUri : `${newUri}/`;
    for (const [uri, state] of this.states) {
      if (uri === newUri || uri.startsWith(prefix)) await this.serial(uri, () => (this.states.get(uri) === state ? this.load(state) : undefined));
    }
  }

  /** Reads the store file again and places its annotations in the current text. */
  private async load(state: OpenAnnotations): Promise<void> {
    if (!state.place) return;
    const text = this.host.textOf(state.uri);
    if (text === undefined) return;
    const loaded = await state.place.files.load(state.place.article, text);
    if (this.states.get(state.uri) !== state) return;
    // Changes of the person's that a failed write left in memory are merged, not dropped.
    const base = state.stored;
    const unsaved = base !== undefined && hasUnsavedChanges(base, state.annotations) ? state.annotations : undefined;
    state.storeError = undefined;
    state.dirty = false;
    state.stored = loaded.kind === 'loaded' ? loaded.read : loaded.kind === 'missing' ? EMPTY_ARTICLE_ANNOTATIONS : undefined;
    if (unsaved && base) {
      if (loaded.kind === 'invalid') {
        state.storeError = { file: loaded.file, message: loaded.message };
        state.stored = base; // merged once the file can be read again
        this.host.warn(`${loaded.file} changed on disk and cannot be read (${loaded.message}); your unsaved annotations are kept in memory, not written over it`);
        return;
      }
      await this.mergeIntoStore(state, base, unsaved, loaded.kind === 'loaded' ? loaded : undefined, text);
      return;
    }
    if (loaded.kind === 'invalid') {
      state.storeError = { file: loaded.file, message: loaded.message };
      state.outcomes = new Map();
      this.publish(state, EMPTY_ARTICLE_ANNOTATIONS, false);
      return;
    }
    if (loaded.kind === 'missing') {
      state.outcomes = new Map();
      this.publish(state, EMPTY_ARTICLE_ANNOTATIONS, false);
      return;
    }
    const inMemory = state.annotations;
    let annotations = loaded.annotations;
    let outcomes = loaded.outcomes;
    // Typed while the file was read: placed again in the text as it is now.
    const now = this.host.textOf(state.uri);
    if (now !== undefined && now !== text) {
      const placed = reanchor(annotations.annotations, now);
      annotations = { ...annotations, annotations: placed.annotations };
      outcomes = placed.outcomes;
    }
    // An annotation the file holds exactly as this window last read or wrote it (another window changed
    // others) keeps the place the edits gave it, orphaned or not. Placed again by its quote, a label whose
    // words were deleted from one copy of a repeated paragraph moved to the other copy. One whose place
    // someone changed in the file is theirs: a place change does not touch `modified`.
    ({ annotations, outcomes } = keepUnchangedPlacements(annotations, outcomes, inMemory, base, loaded.read));
    // The file is written again when what is shown differs from what it holds (quotes found elsewhere,
    // places the person's typing moved).
    state.dirty = differsFromFile(annotations, loaded.read);
    state.outcomes = outcomes;
    this.publish(state, annotations, false);
  }

  /**
   * The store file changed on disk while the person's changes were only in memory (a write had failed):
   * theirs, placed in the text, with ours on top (`core/annotations/merge.ts`), published and written.
   */
  private async mergeIntoStore(state: OpenAnnotations, base: ArticleAnnotations, ours: ArticleAnnotations, loaded: Extract<StoreLoad, { kind: 'loaded' }> | undefined, text: string): Promise<void> {
    let theirs = loaded?.annotations ?? EMPTY_ARTICLE_ANNOTATIONS;
    const now = this.host.textOf(state.uri);
    if (loaded && now !== undefined && now !== text) theirs = { ...theirs, annotations: reanchor(theirs.annotations, now).annotations };
    const merged = mergeUnsaved(base, ours, theirs);
    state.outcomes = loaded?.outcomes ?? new Map();
    state.dirty = true;
    this.publish(state, merged.annotations, false);
    const file = state.place?.files.fileOf(state.place.article) ?? state.uri;
    const conflicts = merged.conflicts.length > 0 ? ` ${merged.conflicts.length} annotation${merged.conflicts.length === 1 ? ' was' : 's were'} changed on both sides: yours kept.` : '';
    const written = await this.write(state);
    this.host.warn(
      written.ok
        ? `${file} changed on disk while ${merged.carried} change${merged.carried === 1 ? '' : 's'} of yours were not saved: they were merged into it and saved.${conflicts}`
        : `${file} changed on disk while ${merged.carried} change${merged.carried === 1 ? '' : 's'} of yours were not saved: they were merged into it, and are kept in memory but not saved (${written.message}).${conflicts}`,
    );
  }

  private publish(state: OpenAnnotations, annotations: ArticleAnnotations, byEdit: boolean): void {
    state.annotations = annotations;
    // An article with nothing stored has no input; one reviewed with no annotation still has its review state in the index.
    const input = annotations.annotations.length === 0 && annotations.reviewState === 'unreviewed' ? NO_ANNOTATIONS : toAnnotationInput(annotations, ++this.revision);
    this.host.service.setAnnotationInput(state.uri, input);
    this.host.changed(state.uri, byEdit);
  }

  private async write(state: OpenAnnotations): Promise<StoreWrite> {
    const text = this.host.textOf(state.uri);
    if (!state.place || text === undefined) return { ok: false, message: unwritable(state) ?? 'the article is not open', reason: 'outside' };
    const annotations = state.annotations;
    const written = await state.place.files.save(state.place.article, text, annotations);
    if (written.ok) state.stored = annotations;
    // Typed while it was written: those shifts are written on the next save.
    if (written.ok && state.annotations === annotations) state.dirty = false;
    return written;
  }

  /** Runs `job` after every earlier store operation of the article. */
  private serial<T>(uri: string, job: () => Promise<T> | T): Promise<T> {
    const previous = this.queues.get(uri) ?? Promise.resolve();
    const next = previous.then(job, job);
    const tail = next.catch(() => undefined);
    this.queues.set(uri, tail);
    void tail.then(() => {
      if (this.queues.get(uri) === tail) this.queues.delete(uri);
    });
    return next;
  }

  /** Where the annotations of an article (open or not) are stored; undefined outside every workspace folder. */
  placeOf(uri: string): StorePlace | undefined {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const root = this.rootOf(parsed.fsPath);
    const article = root === undefined ? undefined : articlePathIn(root, parsed.fsPath);
    return root === undefined || article === undefined ? undefined : { root, files: this.storeAt(root), article };
  }

  /** The store root of a file: see `storeRootOf` (bounded by, and defaulting to, its workspace folder). */
  private rootOf(fsPath: string): string | undefined {
    const folder = this.folderOf(fsPath);
    return folder === undefined ? undefined : storeRootOf(fsPath, folder, folder);
  }

  private folderOf(fsPath: string): string | undefined {
    let best: string | undefined;
    for (const uri of this.host.folders()) {
      const folder = URI.parse(uri);
      if (folder.scheme !== 'file') continue;
      const relative = path.relative(folder.fsPath, fsPath);
      if (relative && !relative.startsWith('..') && !path.isAbsolute(relative) && (!best || folder.fsPath.length > best.length)) best = folder.fsPath;
    }
    return best;
  }

  private storeAt(root: string): AnnotationFiles {
    let files = this.stores.get(root);
    if (!files) this.stores.set(root, (files = new AnnotationFiles(root)));
    return files;
  }

  /** The article a store file belongs to: its URI, found under the workspace folder that holds the file. */
  private articleOfStoreFile(fsPath: string): { uri: string } | undefined {
    for (const uri of this.host.folders()) {
      const folder = URI.parse(uri);
      if (folder.scheme !== 'file') continue;
      // The store may sit in a subfolder (the nearest store root): try each level up to the folder.
      let root = path.dirname(fsPath);
      while (root.startsWith(folder.fsPath)) {
        const article = articleOfStoreFile(path.relative(root, fsPath).split(path.sep).join('/'));
        if (article !== undefined) return { uri: URI.file(path.join(root, ...article.split('/'))).toString() };
        const parent = path.dirname(root);
        if (parent === root) break;
        root = parent;
      }
    }
    return undefined;
  }
}

/**
 * `loaded` (a store file read again, its annotations placed by their quotes) with each annotation that the
 * file (`read`, as it holds them) holds exactly as `stored` (what this window last read or wrote: places,
 * quotes and status included) as memory has it: its place follows the person's edits exactly, which a
 * quote cannot (a repeated paragraph), and an orphan stays one. Any other annotation is the file's: someone
 * changed it, and its place in memory is older than theirs.
 */
function keepUnchangedPlacements(
  loaded: ArticleAnnotations,
  outcomes: ReadonlyMap<string, ReanchorOutcome>,
  inMemory: ArticleAnnotations,
  stored: ArticleAnnotations | undefined,
  read: ArticleAnnotations,
): { annotations: ArticleAnnotations; outcomes: Map<string, ReanchorOutcome> } {
  const mine = new Map(inMemory.annotations.map((a) => [a.id, a]));
  const last = new Map((stored?.annotations ?? []).map((a) => [a.id, a]));
  const inFile = new Map(read.annotations.map((a) => [a.id, a]));
  const kept = new Map(outcomes);
  const annotations = loaded.annotations.map((a) => {
    const known = mine.get(a.id);
    const was = last.get(a.id);
    const now = inFile.get(a.id);
    if (!known || !was || !now || !sameInStore(now, was)) return a;
    kept.set(a.id, 'unchanged');
    return known;
  });
  return { annotations: { ...loaded, annotations }, outcomes: kept };
}

/** True when the store would write `shown` otherwise than the file (`read`) holds it. */
function differsFromFile(shown: ArticleAnnotations, read: ArticleAnnotations): boolean {
  const inFile = new Map(read.annotations.map((a) => [a.id, a]));
  return shown.annotations.some((a) => {
    const held = inFile.get(a.id);
    return held === undefined || !sameInStore(a, held);
  });
}
