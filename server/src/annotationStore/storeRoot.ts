import { existsSync } from 'fs';
import * as path from 'path';
import { toAnnotationInput } from '../core/annotations/analysisInput';
import { ANNOTATION_FOLDER } from '../core/annotations/storeLayout';
import type { AnnotationInput } from '../core/annotationInput';
import { AnnotationFiles } from './annotationFiles';

/**
 * Which folder's store holds an article's annotations, and the annotations of articles that are not
 * open (the workspace scan, the file watcher, the CLI). One rule everywhere: the nearest folder above the
 * article that has a store (`.article-lens/annotations`), not above `boundary` (the workspace folder,
 * for the server); without one, `fallback` (the server: the workspace folder, where a first annotation
 * creates the store; the CLI: the current folder). The usual case is a store at the workspace folder's
 * root, where all three agree.
 */
export function storeRootOf(articleFile: string, boundary?: string, fallback?: string): string | undefined {
  const stop = boundary === undefined ? undefined : path.resolve(boundary);
  let folder = path.dirname(path.resolve(articleFile));
  for (;;) {
    if (existsSync(path.join(folder, ...ANNOTATION_FOLDER.split('/')))) return folder;
    const parent = path.dirname(folder);
    if (folder === stop || parent === folder) return fallback;
    folder = parent;
  }
}

/** The article's path relative to its store root, in POSIX form. */
export function articlePathIn(root: string, articleFile: string): string | undefined {
  const relative = path.relative(root, path.resolve(articleFile));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/**
 * The annotation input of an article that is not open, read from its store file and placed in `text`
 * (re-anchored by quote, as on opening it), with every annotation and the review state in its `digest`
 * (the workspace index's Annotations view). `undefined` when it has no store file, one with nothing in it,
 * or an unreadable one (the article is then indexed as the machine sees it; opening it shows the store's
 * problem).
 */
export async function loadClosedArticleInput(articleFile: string, text: string, boundary?: string): Promise<AnnotationInput | undefined> {
  return loadClosedArticleInputIn(storeRootOf(articleFile, boundary), articleFile, text);
}

/** {@link loadClosedArticleInput} with the store root already found (`root`; undefined when none is above the article). */
export async function loadClosedArticleInputIn(root: string | undefined, articleFile: string, text: string): Promise<AnnotationInput | undefined> {
  const article = root === undefined ? undefined : articlePathIn(root, articleFile);
  if (root === undefined || article === undefined) return undefined;
  const loaded = await new AnnotationFiles(root).load(article, text);
  if (loaded.kind !== 'loaded' || (loaded.annotations.annotations.length === 0 && loaded.annotations.reviewState === 'unreviewed')) return undefined;
  // Any revision will do: these inputs go to one-off analyses, whose results are not cached by it.
  return toAnnotationInput(loaded.annotations, 1);
}
