import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, parseSettings, type ArticleSettings } from '../core/settings';

/**
 * Pulls `articleLens` settings per document (they can differ per folder) and caches them by URI
 * until the client says the configuration changed, as vscode-eslint does. A client that cannot
 * answer `workspace/configuration` gets what it pushed instead — `initializationOptions.articleLens`, then the
 * `settings.articleLens` of each `workspace/didChangeConfiguration` (how editors without that request send a
 * server its settings) — and the defaults when it pushed none.
 */
export class SettingsCache {
  private readonly byUri = new Map<string, Promise<ArticleSettings>>();
  private supported = false;
  /** The settings the client pushed, for one that cannot be asked. */
  private pushed: ArticleSettings = DEFAULT_SETTINGS;

  constructor(private readonly connection: Connection) {}

  /** Whether the client answers `workspace/configuration`. */
  setSupported(supported: boolean): void {
    this.supported = supported;
  }

  /**
   * Settings the client sent unasked: the `articleLens` object of `initializationOptions`, or of a
   * `workspace/didChangeConfiguration`'s `settings` (anything else there, `null` included, leaves them as they were).
   */
  push(holder: unknown): void {
    const section = typeof holder === 'object' && holder !== null ? (holder as { articleLens?: unknown }).articleLens : undefined;
    if (typeof section === 'object' && section !== null) this.pushed = parseSettings(section);
  }

  get(uri: string): Promise<ArticleSettings> {
    if (!this.supported) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'articleLens' })
        .then(parseSettings, () => DEFAULT_SETTINGS);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** Forgets a closed document's settings. */
  delete(uri: string): void {
    this.byUri.delete(uri);
  }

  /** Drops everything after a configuration change. */
  clear(): void {
    this.byUri.clear();
  }
}
