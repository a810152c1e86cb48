/**
 * The data folder on disk, for the processes that run the core (server, CLI, index workers, scripts,
 * tests): the core itself reads data only through the `DataSource` it is given.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DataFileError, type DataSource } from './core/dataSource';
import { loadArticleResources, type ArticleResources } from './core/resources';

/**
 * Where `server/data/` is: beside the bundle (`dist/data/`, copied by esbuild.js) when running
 * `dist/*.js`, else the source folder (tests and scripts run the TypeScript sources).
 */
export function dataFolder(): string {
  const candidates = [path.join(__dirname, 'data'), path.join(__dirname, '..', 'data')];
  return candidates.find((candidate) => fs.existsSync(path.join(candidate, 'vocabulary'))) ?? candidates[0];
}

/** Reads data files from a folder (by default {@link dataFolder}). */
export function diskDataSource(folder: string = dataFolder()): DataSource {
  const read = (relativePath: string): Buffer => {
    try {
      return fs.readFileSync(path.join(folder, relativePath));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new DataFileError(relativePath, code === 'ENOENT' ? `not found in ${folder} (a broken installation: reinstall, or run npm run build)` : `cannot be read (${code ?? String(error)})`);
    }
  };
  return {
    readText: (relativePath) => read(relativePath).toString('utf8'),
    readBytes: (relativePath) => read(relativePath),
  };
}

let defaultResources: ArticleResources | undefined;

/** The resources from the installed data folder, loaded once per process (they are immutable). */
export function loadDefaultResources(): ArticleResources {
  defaultResources ??= loadArticleResources(diskDataSource());
  return defaultResources;
}
