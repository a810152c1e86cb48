import * as path from 'path';

/**
 * Where an article's annotations are stored: `.article-lens/annotations/<article path>.json`, inside the
 * workspace folder, mirroring the article's path relative to that folder. A sidecar folder rather than a
 * file beside each article: the article folders stay as they are (no second file matched by article
 * globs, nothing new in a listing of articles), every annotation of a workspace is in one place to commit,
 * review, back up or ignore, and the mirrored path makes the pairing plain to a person and to scripts.
 * Paths here are POSIX paths relative to the workspace folder.
 */

/** The folder of the store, relative to the workspace folder. */
export const ANNOTATION_FOLDER = '.article-lens/annotations';

const SUFFIX = '.json';

/** A workspace-relative POSIX path that stays inside the folder, or `undefined`. */
function normalized(relative: string): string | undefined {
  const posix = relative.replace(/\\/g, '/');
  if (posix === '' || path.posix.isAbsolute(posix)) return undefined;
  const clean = path.posix.normalize(posix);
  return clean === '.' || clean === '..' || clean.startsWith('../') ? undefined : clean;
}

/**
 * The store file of an article, both relative to the workspace folder; `undefined` for a path outside the
 * folder or inside the store itself.
 */
export function storeFileOf(articlePath: string): string | undefined {
  const clean = normalized(articlePath);
  if (clean === undefined || clean === ANNOTATION_FOLDER || clean.startsWith(ANNOTATION_FOLDER + '/')) return undefined;
  return `${ANNOTATION_FOLDER}/${clean}${SUFFIX}`;
}

/** The article a store file belongs to (relative paths), or `undefined` for any other file. */
export function articleOfStoreFile(storePath: string): string | undefined {
  const clean = normalized(storePath);
  if (clean === undefined || !clean.startsWith(ANNOTATION_FOLDER + '/') || !clean.endsWith(SUFFIX)) return undefined;
  const article = clean.slice(ANNOTATION_FOLDER.length + 1, -SUFFIX.length);
  return article === '' ? undefined : article;
}
