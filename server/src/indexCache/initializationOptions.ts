/** How the client configures the persistent index (`initializationOptions` of `initialize`). */
export interface IndexCacheOptions {
  /** False when the client asks for no cache (`indexCache: false`). */
  readonly enabled: boolean;
  /** The client's storage folder (`storagePath`): VS Code's workspace storage, or its global storage. */
  readonly storagePath?: string;
}

/**
 * Reads `{ storagePath?: string, indexCache?: boolean }` from the initialization options, ignoring
 * anything else or of the wrong type: a client that sends nothing gets the standalone cache folder.
 */
export function parseIndexCacheOptions(options: unknown): IndexCacheOptions {
  const given = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
  const storagePath = typeof given.storagePath === 'string' && given.storagePath.length > 0 ? given.storagePath : undefined;
  return { enabled: given.indexCache !== false, ...(storagePath ? { storagePath } : {}) };
}
