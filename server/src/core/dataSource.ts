/**
 * How the core reads its data files: through a {@link DataSource} the caller passes in (see
 * `resources.ts`), so the core never touches the disk itself and runs the same in the server, the CLI,
 * a worker, a test or a browser; and a missing or stale file fails with one {@link DataFileError}.
 */

/** Reads the files of `server/data/` (shipped as `dist/data/`) by their path relative to that folder. */
export interface DataSource {
  /** The file as text; throws {@link DataFileError} when it is missing or unreadable. */
  readText(relativePath: string): string;
  /** The file as bytes; throws {@link DataFileError} when it is missing or unreadable. */
  readBytes(relativePath: string): Uint8Array;
}

/** A data file that is missing, unreadable or does not match the code (e.g. a model of another feature version). */
export class DataFileError extends Error {
  constructor(
    /** The path relative to the data folder. */
    readonly file: string,
    /** Why it cannot be used, and what to do. */
    readonly reason: string,
  ) {
    super(`Article Lens data file ${file}: ${reason}`);
    this.name = 'DataFileError';
  }
}

/**
 * The non-empty, non-comment lines of a list file (`#` starts a comment, anywhere on the line), trimmed. Every word list
 * of the data folder is read through this, so they all follow one format; a missing or unreadable file throws a
 * {@link DataFileError} naming it, whatever the source's own error.
 */
export function readListFile(source: DataSource, relativePath: string): string[] {
  const lines: string[] = [];
  const text = readOrFail(relativePath, () => source.readText(relativePath));
  // The lines as `split(/\r?\n/)` makes them, found with `indexOf` (the English words' 38,000 lines are read in every
  // process and worker at start): a line feed ends a line, with the one carriage return before it.
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end < text.length && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    // Most lines have no comment: the regular expression only for those that do (every worker reads every list at start).
    const line = (raw.indexOf('#') < 0 ? raw : raw.replace(/#.*$/, '')).trim();
    if (line) lines.push(line);
    start = end + 1;
  }
  return lines;
}

/** The entries of a list file ({@link readListFile}), lower case: the form the word lists are looked up in. */
export function readLowerCaseList(source: DataSource, relativePath: string): Set<string> {
  return new Set(readListFile(source, relativePath).map((w) => w.toLowerCase()));
}

/**
 * Reads a file through `source`, turning any failure into a {@link DataFileError} so that callers
 * see the same error whatever the source (disk, bundle, memory).
 */
export function readOrFail<T>(relativePath: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(relativePath, error instanceof Error ? error.message : String(error));
  }
}

/** A data source over files given in memory (tests, and callers that bundle the data themselves). */
export function memoryDataSource(files: Readonly<Record<string, string | Uint8Array>>, fallback?: DataSource): DataSource {
  const find = (relativePath: string): string | Uint8Array => {
    const file = files[relativePath];
    if (file !== undefined) return file;
    if (fallback) return fallback.readBytes(relativePath);
    throw new DataFileError(relativePath, 'not found');
  };
  return {
    readText(relativePath) {
      const file = files[relativePath];
      if (file === undefined && fallback) return fallback.readText(relativePath);
      const found = find(relativePath);
      return typeof found === 'string' ? found : new TextDecoder().decode(found);
    },
    readBytes(relativePath) {
      const found = find(relativePath);
      return typeof found === 'string' ? new TextEncoder().encode(found) : found;
    },
  };
}
