import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, parseSettings, type ArticleSettings } from '../core/settings';

/**
 * Pulls `articleLens` settings per document (they can differ per folder) and caches them by URI
 * until the client says the configuration changed, as vscode-eslint does. Clients that cannot
 * answer `workspace/configuration` get the defaults.
 */
export class SettingsCache {
  private readonly byUri = new Map<string, Promise<ArticleSettings>>();
  private supported = false;

  constructor(private readonly connection: Connection) {}

  /** Whether the client answers `workspace/configuration`. */
  setSupported(supported: boolean): void {
    this.supported = supported;
  }

  get(uri: string): Promise<ArticleSettings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
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
