import * as fs from 'fs';
import * as path from 'path';
import { AnnotationFiles } from '../annotationStore/annotationFiles';
import { articlePathIn, storeRootOf } from '../annotationStore/storeRoot';
import type { DependencyStamp } from './format';

/**
 * The annotation store file a closed article's summary depends on: the one `loadClosedArticleInput`
 * reads (the nearest store above the article), stamped by size and modification time, so that the
 * index cache computes a summary again when people's annotations of the article changed, or when a
 * store appeared above it. Store roots are looked up once per folder (a scan asks for every file).
 */
export class AnnotationDependencies {
  private readonly roots = new Map<string, string | undefined>();

  /** The store file that applies to `articleFile`, or undefined when no store is above it. */
  storeFileOf(articleFile: string): string | undefined {
    const root = this.storeRootOf(articleFile);
    const article = root === undefined ? undefined : articlePathIn(root, articleFile);
    return root === undefined || article === undefined ? undefined : new AnnotationFiles(root).fileOf(article);
  }

  /** The store root above `articleFile` (`storeRoot.ts`'s rule), or undefined: looked up once per folder. */
  storeRootOf(articleFile: string): string | undefined {
    const folder = path.dirname(path.resolve(articleFile));
    if (!this.roots.has(folder)) this.roots.set(folder, storeRootOf(articleFile));
    return this.roots.get(folder);
  }

  /** The stamps of `articleFile`'s dependencies now, synchronously (a worker; the scan, between pauses). */
  stampsOf(articleFile: string): DependencyStamp[] {
    const store = this.storeFileOf(articleFile);
    if (store === undefined) return [NO_STORE];
    try {
      const stat = fs.statSync(store);
      return [{ path: store, size: stat.size, mtimeMs: stat.mtimeMs }];
    } catch {
      return [{ path: store, size: -1, mtimeMs: 0 }];
    }
  }
}

/** No store above the article: a store created later changes this stamp (its path). */
const NO_STORE: DependencyStamp = { path: '', size: -1, mtimeMs: 0 };
