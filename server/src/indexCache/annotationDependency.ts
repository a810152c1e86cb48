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

  /**
   * The store file that applies to `articleFile`, or undefined when no store is above it. `boundary` is the
   * workspace folder the article was found in: a store above it does not apply (`storeRoot.ts`), as for an
   * open article and the scan on the server's own thread.
   */
  storeFileOf(articleFile: string, boundary?: string): string | undefined {
    const root = this.storeRootOf(articleFile, boundary);
    const article = root === undefined ? undefined : articlePathIn(root, articleFile);
    return root === undefined || article === undefined ? undefined : new AnnotationFiles(root).fileOf(article);
  }

  /** The store root above `articleFile` and not above `boundary` (`storeRoot.ts`'s rule), or undefined: looked up once per folder. */
  storeRootOf(articleFile: string, boundary?: string): string | undefined {
    const folder = path.dirname(path.resolve(articleFile));
    const key = boundary === undefined ? folder : `${folder}\0${path.resolve(boundary)}`;
    if (!this.roots.has(key)) this.roots.set(key, storeRootOf(articleFile, boundary));
    return this.roots.get(key);
  }

  /** The stamps of `articleFile`'s dependencies now, synchronously (a worker; the scan, between pauses). */
  stampsOf(articleFile: string, boundary?: string): DependencyStamp[] {
    const store = this.storeFileOf(articleFile, boundary);
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
