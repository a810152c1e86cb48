import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { articleForStore, storeFit, type StoreFit } from '../core/annotations/storeFit';
import { ANNOTATION_FOLDER, articleOfStoreFile, storeFileOf } from '../core/annotations/storeLayout';
import { parseAnnotationCollection } from '../core/annotations/w3c';

/**
 * Store files whose article is gone ("stray" stores): the article was renamed, moved or deleted outside
 * the editor (`mv`, `git mv`, a file manager), which says nothing to the server but a deletion and a
 * creation. Found by listing a store root's store folder; paired again with an article by their text
 * (`core/annotations/storeFit.ts`). Never deleted here: a store that fits nothing stays where it is.
 */

/** A store file whose article does not exist. */
export interface StrayStore {
  /** The store root (the folder holding `.article-lens/annotations`). */
  readonly root: string;
  /** The article's path in the root (POSIX), as the store file names it. */
  readonly article: string;
  /** The store file's absolute path. */
  readonly file: string;
}

/** Store files under `root` whose article file is missing, except those `keep` says to leave (open in the editor). */
export async function listStrayStores(root: string, keep: (articleFile: string) => boolean = () => false): Promise<StrayStore[]> {
  const strays: StrayStore[] = [];
  const folder = path.join(root, ...ANNOTATION_FOLDER.split('/'));
  const walk = async (dir: string): Promise<void> => {
    let entries: import('fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return; // no store folder, or it went away meanwhile
    }
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(file);
        continue;
      }
      if (!entry.isFile()) continue;
      const article = articleOfStoreFile(path.relative(root, file).split(path.sep).join('/'));
      if (article === undefined) continue;
      const articleFile = path.join(root, ...article.split('/'));
      if (!existsSync(articleFile) && !keep(articleFile)) strays.push({ root, article, file });
    }
  };
  await walk(folder);
  return strays.sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : 0));
}

/** True when an article in `root` has a store file. */
export function hasStoreFile(root: string, article: string): boolean {
  const relative = storeFileOf(article);
  return relative !== undefined && existsSync(path.join(root, ...relative.split('/')));
}

/** How a stray store fits one article's text; a store that cannot be read fits nothing. */
export function strayFit(content: string, text: string): StoreFit {
  const parsed = parseAnnotationCollection(content, text);
  if (!parsed.ok) return { total: 0, placed: 0 };
  return storeFit(parsed.annotations.annotations, text);
}

/** Where a stray store belongs: one article, several that fit (copies: nothing is moved), or none. */
export type StrayMatch = { readonly kind: 'one'; readonly article: string } | { readonly kind: 'several'; readonly articles: string[] } | { readonly kind: 'none'; readonly annotations: number; readonly unreadable?: string };

/**
 * The article (a path in the stray's root) a stray store belongs to, tried tier by tier: the first tier
 * where one article fits decides (articles that appeared just now, before every other article without a
 * store: a copy made long ago must not make a fresh rename ambiguous). Articles that have a store of their
 * own are skipped; `textOf` reads a candidate (undefined: unreadable, skipped).
 */
export async function matchStrayStore(stray: StrayStore, tiers: ReadonlyArray<readonly string[]>, textOf: (article: string) => Promise<string | undefined>): Promise<StrayMatch> {
  let content: string;
  try {
    content = await fs.readFile(stray.file, 'utf8');
  } catch (error) {
    return { kind: 'none', annotations: 0, unreadable: (error as Error).message };
  }
  const probe = parseAnnotationCollection(content, '');
  const annotations = probe.ok ? probe.annotations.annotations.length : 0;
  if (!probe.ok) return { kind: 'none', annotations, unreadable: probe.message };
  const tried = new Set<string>();
  for (const tier of tiers) {
    const candidates: Array<{ article: string; fit: StoreFit }> = [];
    for (const article of tier) {
      if (tried.has(article) || article === stray.article) continue;
      tried.add(article);
      if (hasStoreFile(stray.root, article)) continue;
      const text = await textOf(article);
      if (text !== undefined) candidates.push({ article, fit: strayFit(content, text) });
    }
    const match = articleForStore(candidates);
    if (match.kind !== 'none') return match;
  }
  return { kind: 'none', annotations };
}
