import { DataFileError } from './core/dataSource';
import type { ArticleService } from './core/languageService';

/**
 * The language service, created after the server has answered `initialize`: loading the data files
 * takes a few hundred milliseconds of one core, and the editor should not wait for them to get its
 * answer. {@link service} stands in for it from the start; its first use loads the data, so a
 * message that comes before the load simply waits for it. A missing or stale data file cannot go
 * into the answer to `initialize` any more: {@link load} returns it (the server shows it to the
 * user), and every later use of the service throws it (requests answer with its message).
 */
export class ServiceStartup {
  private created: ArticleService | undefined;
  private failure: DataFileError | undefined;
  private readonly listeners: ((service: ArticleService) => void)[] = [];

  constructor(private readonly create: () => ArticleService) {}

  /** The service, loaded on first use. */
  readonly service: ArticleService = new Proxy(Object.create(null) as ArticleService, {
    get: (_, key) => Reflect.get(this.instance(), key),
  });

  /** Loads the data now if not done yet; the data file that could not be loaded, if any. */
  load(): DataFileError | undefined {
    try {
      this.instance();
      return undefined;
    } catch (error) {
      if (error instanceof DataFileError) return error;
      throw error;
    }
  }

  /** Calls `listener` with the service once it exists (at once if it does). */
  onCreated(listener: (service: ArticleService) => void): void {
    if (this.created) listener(this.created);
    else this.listeners.push(listener);
  }

  private instance(): ArticleService {
    if (this.created) return this.created;
    if (this.failure) throw this.failure;
    try {
      this.created = this.create();
    } catch (error) {
      if (error instanceof DataFileError) this.failure = error;
      throw error;
    }
    for (const listener of this.listeners.splice(0)) listener(this.created);
    return this.created;
  }
}
