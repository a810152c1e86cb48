import { promises as fs } from 'fs';
import * as path from 'path';

/**
 * Stray store files (annotations whose article is gone, `strayStores.ts`) the person asked not to be warned
 * about again. Without it, a store left on purpose (an article deleted, its annotations kept for the record)
 * brought the same warning back at every start of the server.
 *
 * Kept in the extension's workspace storage, not in the workspace's annotation folder: it is this person's
 * preference on this machine, not annotation data that colleagues share, and the store file itself is never
 * touched. A store stays quiet while it is the same file (path, size and modification time): one that
 * changes — edited, restored from version control, copied over — is reported again, since it may now be
 * what someone wants re-attached. A file that cannot be read as this list is discarded with a log line.
 */

/** The list's file in the storage folder. */
export const QUIET_STRAYS_FILE = 'quiet-stray-stores.json';
const VERSION = 1;

interface QuietStore {
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export class QuietStrays {
  private stores: Map<string, QuietStore> | undefined;
  private loading: Promise<Map<string, QuietStore>> | undefined;

  constructor(
    /** The storage folder, once known (undefined: no storage, the list lasts the session). */
    private readonly storageFolder: () => string | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /** True when the person asked not to be warned about this store file as it is now. */
  async has(storeFile: string): Promise<boolean> {
    const quiet = (await this.load()).get(storeFile);
    if (!quiet) return false;
    const now = await identity(storeFile);
    return now !== undefined && now.size === quiet.size && now.mtimeMs === quiet.mtimeMs;
  }

  /** Remembers the store file as it is now; kept on disk when there is a storage folder. */
  async add(storeFile: string): Promise<void> {
    const stores = await this.load();
    const now = await identity(storeFile);
    if (!now) return; // gone meanwhile: nothing left to warn about
    stores.set(storeFile, now);
    const folder = this.storageFolder();
    if (folder === undefined) return;
    try {
      await fs.mkdir(folder, { recursive: true });
      const file = path.join(folder, QUIET_STRAYS_FILE);
      const partial = `${file}.${process.pid}.tmp`;
      await fs.writeFile(partial, JSON.stringify({ version: VERSION, stores: [...stores.values()] }));
      await fs.rename(partial, file);
    } catch (error) {
      this.log(`stray annotation stores: could not keep the list of stores not to warn about (${(error as Error).message}); it lasts this session`);
    }
  }

  private load(): Promise<Map<string, QuietStore>> {
    if (this.stores) return Promise.resolve(this.stores);
    this.loading ??= this.read().then((stores) => (this.stores = stores));
    return this.loading;
  }

  private async read(): Promise<Map<string, QuietStore>> {
    const folder = this.storageFolder();
    const stores = new Map<string, QuietStore>();
    if (folder === undefined) return stores;
    const file = path.join(folder, QUIET_STRAYS_FILE);
    let content: string;
    try {
      content = await fs.readFile(file, 'utf8');
    } catch {
      return stores; // never asked for yet
    }
    const parsed = parseList(content);
    if (!parsed) {
      this.log(`stray annotation stores: ${file} is not a list of stores not to warn about (version ${VERSION}); discarded`);
      return stores;
    }
    for (const store of parsed) stores.set(store.file, store);
    return stores;
  }
}

/** A store file's path, size and modification time, or undefined when it is gone. */
async function identity(file: string): Promise<QuietStore | undefined> {
  try {
    const stat = await fs.stat(file);
    return { file, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return undefined;
  }
}

/** The stores of a list file, or undefined when the content is not such a list. */
function parseList(content: string): QuietStore[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return undefined;
  }
  const list = value as { version?: unknown; stores?: unknown };
  if (!list || list.version !== VERSION || !Array.isArray(list.stores)) return undefined;
  const stores: QuietStore[] = [];
  for (const item of list.stores as unknown[]) {
    const store = item as Partial<QuietStore> | null;
    if (!store || typeof store.file !== 'string' || typeof store.size !== 'number' || typeof store.mtimeMs !== 'number') return undefined;
    stores.push({ file: store.file, size: store.size, mtimeMs: store.mtimeMs });
  }
  return stores;
}
