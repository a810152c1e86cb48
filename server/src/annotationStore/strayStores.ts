import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { assignStores, digestFit, storeFit, type StoreFit } from '../core/annotations/storeFit';
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
  if (!parsed.ok) return { total: 0, placed: 0, unchanged: 0 };
  const fit = storeFit(parsed.annotations.annotations, text);
  // A store that places nothing (a review state, notes on the whole article) fits the text it keeps the digest of.
  if (fit.total === 0 && parsed.textDigest !== undefined) return digestFit(parsed.textDigest, text);
  return fit;
}

/**
 * Where a stray store belongs: one article; several that fit (copies: nothing is moved); one that other
 * stray stores (`rivals`, their articles) fit exactly as well (twins: nothing is moved either); or none.
 */
export type StrayMatch =
  | { readonly kind: 'one'; readonly article: string }
  | { readonly kind: 'several'; readonly articles: string[] }
  | { readonly kind: 'contested'; readonly article: string; readonly rivals: string[] }
  | { readonly kind: 'none'; readonly annotations: number; readonly unreadable?: string };

/**
 * The article (a path in the stray's root) a stray store belongs to, tried tier by tier: see
 * {@link matchStrayStores}, for this store alone.
 */
export async function matchStrayStore(stray: StrayStore, tiers: ReadonlyArray<readonly string[]>, textOf: (article: string) => Promise<string | undefined>): Promise<StrayMatch> {
  return (await matchStrayStores([stray], () => tiers, (_root, article) => textOf(article))).get(stray)!;
}

/**
 * The articles (paths in each stray's root) the stray stores of one look belong to, decided together
 * (`assignStores`): never two stores to one article, and where the text cannot tell two stores apart,
 * neither is moved. Tried tier by tier (`tiersOf`: the tiers of each store's candidates): a store that
 * fits an article of a tier is decided in that tier (articles that appeared just now, before every other
 * article without a store: a copy made long ago must not make a fresh rename ambiguous); one that fits
 * none there, or lost all it fitted to stores that fit them better, goes on to the next. Articles that
 * have a store of their own are skipped, and so are those given to a store of this look; `textOf` reads
 * a candidate (undefined: unreadable, skipped).
 */
export async function matchStrayStores(
  strays: readonly StrayStore[],
  tiersOf: (stray: StrayStore) => ReadonlyArray<readonly string[]>,
  textOf: (root: string, article: string) => Promise<string | undefined>,
): Promise<Map<StrayStore, StrayMatch>> {
  const matches = new Map<StrayStore, StrayMatch>();
  const contents = new Map<StrayStore, { content: string; annotations: number }>();
  for (const stray of strays) {
    let content: string;
    try {
      content = await fs.readFile(stray.file, 'utf8');
    } catch (error) {
      matches.set(stray, { kind: 'none', annotations: 0, unreadable: (error as Error).message });
      continue;
    }
    const probe = parseAnnotationCollection(content, '');
    if (!probe.ok) matches.set(stray, { kind: 'none', annotations: 0, unreadable: probe.message });
    else contents.set(stray, { content, annotations: probe.annotations.annotations.length });
  }
  // Articles by their root too: two store roots may hold articles of one relative path.
  const key = (root: string, article: string): string => `${root}\0${article}`;
  const given = new Set<string>();
  const tried = new Map<StrayStore, Set<string>>();
  const tiers = Math.max(0, ...[...contents.keys()].map((stray) => tiersOf(stray).length));
  for (let tier = 0; tier < tiers; tier++) {
    const candidates: Array<{ store: StrayStore; article: string; fit: StoreFit }> = [];
    for (const [stray, { content }] of contents) {
      if (matches.has(stray)) continue;
      const seen = tried.get(stray) ?? tried.set(stray, new Set()).get(stray)!;
      for (const article of tiersOf(stray)[tier] ?? []) {
        if (seen.has(article) || article === stray.article || given.has(key(stray.root, article))) continue;
        seen.add(article);
        if (hasStoreFile(stray.root, article)) continue;
        const text = await textOf(stray.root, article);
        if (text !== undefined) candidates.push({ store: stray, article: key(stray.root, article), fit: strayFit(content, text) });
      }
    }
    const pathOf = (keyed: string): string => keyed.slice(keyed.indexOf('\0') + 1);
    for (const [stray, assignment] of assignStores(candidates)) {
      if (assignment.kind === 'none') continue;
      if (assignment.kind === 'one') {
        given.add(assignment.article);
        matches.set(stray, { kind: 'one', article: pathOf(assignment.article) });
      } else if (assignment.kind === 'several') {
        matches.set(stray, { kind: 'several', articles: assignment.articles.map(pathOf) });
      } else {
        matches.set(stray, { kind: 'contested', article: pathOf(assignment.article), rivals: assignment.rivals.map((rival) => rival.article) });
      }
    }
  }
  for (const [stray, { annotations }] of contents) if (!matches.has(stray)) matches.set(stray, { kind: 'none', annotations });
  return matches;
}
