/**
 * Custom protocol messages between the Article Lens client and server, imported by both sides
 * (as vscode-eslint and rust-analyzer's lsp_ext.ts do), so names and payloads cannot drift apart.
 */
import { NotificationType } from 'vscode-languageserver-protocol';

/** The server's state, shown in the client's status bar item. */
export interface ServerStatusParams {
  /** `ready` when idle, `indexing` while the workspace scan runs. */
  readonly state: 'ready' | 'indexing';
  /** Articles in the workspace index. */
  readonly articles: number;
  /** Human-readable detail for the tooltip. */
  readonly message?: string;
}

export const ServerStatusNotification = new NotificationType<ServerStatusParams>('articleLens/status');

/** The language id articles open with. */
export const ARTICLE_LANGUAGE_ID = 'article';

/** Diagnostic source shown in the Problems panel. */
export const DIAGNOSTIC_SOURCE = 'article-lens';
