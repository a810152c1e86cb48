import * as fs from 'fs';
import * as path from 'path';
import { spanSetOfBrat, spanSetOfStore, type LabeledPlace } from '../core/agreement/spanSets';
import { ANNOTATION_FOLDER, articleOfStoreFile } from '../core/annotations/storeLayout';
import { isToolFolder } from '../core/articleFiles';
import { linkTarget } from '../symbolicLinks';
import { ARTICLE_NAME, articleOfBratName, BRAT_FILE, bratArticleProblem } from './bratArticle';
import { readArticle } from './readArticle';

/**
 * One annotator's folder for `article-lens agree`: articles (`.txt`, `.article`) with their annotations,
 * either in our store (`.article-lens/annotations/<article>.json`) or as brat `.ann` files beside them —
 * `x.ann` for `x.txt`, or PolNeAR's `x_<annotator>.ann` (the part after the last `_` names the annotator);
 * the pairing rule, extensions in any case, is `bratArticle.ts`'s.
 * Articles are named by their path relative to the folder, so the two folders' articles pair by name.
 */

/** A folder that cannot be compared; the message names the file and says why, in one line. */
export class AnnotatedFolderError extends Error {}

/** One annotated article of a folder. */
export interface AnnotatedArticle {
  /** Path relative to the folder, with `/`. */
  readonly article: string;
  readonly text: string;
  /** The annotation file, relative to the folder. */
  readonly annotationFile: string;
  readonly places: readonly LabeledPlace[];
  /** What could not be read in the annotation file (the rest is used). */
  readonly problems: readonly string[];
}

/** An annotator's folder as read: its annotated articles, and what was skipped (one warning each). */
export interface AnnotatedFolder {
  /** By article path (articles without annotations are not listed). */
  readonly articles: Map<string, AnnotatedArticle>;
  readonly warnings: readonly string[];
}

/**
 * The annotated articles of `folder`. A store file whose article is not in the folder is skipped with a
 * warning: the editor keeps such stores on purpose (an article deleted, its annotations kept), so one is no
 * reason to refuse the annotator's whole folder.
 */
export function readAnnotatedFolder(folder: string): AnnotatedFolder {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new AnnotatedFolderError(`${folder}: no such folder`);
  }
  if (!stat.isDirectory()) throw new AnnotatedFolderError(`${folder}: not a folder (give the folders of two annotators)`);
  const { articles, bratFiles, storeFiles } = listFiles(folder);
  const annotationOf = new Map<string, { file: string; kind: 'brat' | 'store' }>();
  const claim = (article: string, file: string, kind: 'brat' | 'store'): void => {
    const other = annotationOf.get(article);
    if (other) throw new AnnotatedFolderError(`${path.join(folder, article)}: two annotation files, ${other.file} and ${file} (a folder holds one annotator's work)`);
    annotationOf.set(article, { file, kind });
  };
  const namesIn = articleNamesByFolder(articles);
  for (const file of bratFiles) {
    const slash = file.lastIndexOf('/');
    const found = articleOfBratName(file.slice(slash + 1), namesIn.get(file.slice(0, slash + 1)) ?? []);
    if (!found || !('article' in found)) throw new AnnotatedFolderError(bratArticleProblem(path.join(folder, file), found));
    claim(file.slice(0, slash + 1) + found.article, file, 'brat');
  }
  const warnings: string[] = [];
  for (const file of storeFiles) {
    const article = articleOfStoreFile(file);
    if (article === undefined) continue;
    if (!articles.has(article)) warnings.push(`${path.join(folder, file)}: its article ${article} is not in the folder (a store kept after its article was deleted?): skipped`);
    else claim(article, file, 'store');
  }
  const result = new Map<string, AnnotatedArticle>();
  for (const [article, { file, kind }] of [...annotationOf].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const text = readArticle(path.join(folder, article));
    const content = readArticle(path.join(folder, file));
    const set = kind === 'brat' ? spanSetOfBrat(content, text) : spanSetOfStore(content, text);
    if ('invalid' in set) throw new AnnotatedFolderError(`${path.join(folder, file)}: ${set.invalid}`);
    result.set(article, { article, text, annotationFile: file, places: set.places, problems: set.problems });
  }
  return { articles: result, warnings };
}

/** Every article, `.ann` file and store file under `folder` (relative paths with `/`). */
function listFiles(folder: string): { articles: Set<string>; bratFiles: string[]; storeFiles: string[] } {
  const articles = new Set<string>();
  const bratFiles: string[] = [];
  const storeFiles: string[] = [];
  const walk = (relative: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(folder, relative), { withFileTypes: true });
    } catch {
      throw new AnnotatedFolderError(`${path.join(folder, relative)}: cannot read folder`);
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (child === ANNOTATION_FOLDER || ANNOTATION_FOLDER.startsWith(`${child}/`) || !isToolFolder(entry.name)) walk(child);
      } else if (entry.isFile() || (entry.isSymbolicLink() && linkTarget(path.join(folder, child)) === 'file')) {
        // A link to a file is that file, as in the report's walk (symbolicLinks.ts).
        if (child.startsWith(`${ANNOTATION_FOLDER}/`)) {
          if (child.endsWith('.json')) storeFiles.push(child);
        } else if (BRAT_FILE.test(child)) bratFiles.push(child);
        else if (ARTICLE_NAME.test(child)) articles.add(child);
      }
    }
  };
  walk('');
  return { articles, bratFiles, storeFiles };
}

/** The article file names of each folder (keyed by the folder's relative path with its final `/`, `''` at the top). */
function articleNamesByFolder(articles: ReadonlySet<string>): Map<string, string[]> {
  const byFolder = new Map<string, string[]>();
  for (const article of articles) {
    const slash = article.lastIndexOf('/');
    const folder = article.slice(0, slash + 1);
    let names = byFolder.get(folder);
    if (!names) byFolder.set(folder, (names = []));
    names.push(article.slice(slash + 1));
  }
  return byFolder;
}
