import { URI } from 'vscode-uri';
import type { ArticleSettings } from '../core/settings';
import type { SummaryCompactor } from '../core/summaryPool';
import type { ArticleSummary } from '../core/workspaceIndex';
import { analysisKey, PROBE_TEXT } from './fingerprint';
import { survivesEncoding } from './format';
import { summaryCodec } from './summaryCodec';
import { cacheFileFor, cacheFolder, pruneStaleCaches } from './location';
import { IndexCacheStore } from './store';

/** Where and how the workspace summaries persist. */
export interface SummaryCacheOptions {
  /** The client's storage folder (`initializationOptions.storagePath`); absent for a standalone server. */
  readonly storagePath?: string;
  /** The data folder whose files the key hashes (`diskData.dataFolder()`). */
  readonly dataFolder: string;
  readonly settings: ArticleSettings;
  /** Summarises a text as the index does (`service.summarizeArticle`), for the key's probe. */
  summarize(uri: string, text: string): ArticleSummary;
  /** The workspace index's pool (`service.summaryCompactor()`): what is read from the cache becomes the summaries the index keeps, so the cache and the index hold one copy. */
  readonly pool?: SummaryCompactor;
  log(message: string): void;
}

/**
 * Opens the persistent caches of workspace summaries, one per workspace folder, under the key of the
 * analysis that runs now: caches of another analysis, model or settings are discarded on opening.
 * Undefined (no cache, a log line) when the key cannot be computed.
 * The store is generic; this is where it learns what a summary is, only as far as telling one apart
 * from something else (the key already guarantees the shape).
 */
export function summaryCaches(options: SummaryCacheOptions): ((folderUri: string) => Promise<IndexCacheStore<ArticleSummary>>) | undefined {
  const folder = cacheFolder(options.storagePath);
  let key: string;
  try {
    // The probe analysed once for both (an analysis on a thread that has not analysed yet: a reopen waits for it).
    const probe = options.summarize('article-lens:probe', PROBE_TEXT);
    key = analysisKey(options.dataFolder, options.settings, () => probe);
    if (!survivesEncoding(probe, summaryCodec((value): value is ArticleSummary => typeof value === 'object' && value !== null), 'article-lens:probe')) {
      options.log('index cache off: a summary does not come back equal from the cache encoding (a new field of a type MessagePack does not keep?)');
      return undefined;
    }
  } catch (error) {
    options.log(`index cache off: its key could not be computed (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
  // Housekeeping first: run beside the opening, it could delete a cache being read (not used for 30 days
  // until this very opening), and the session, finding nothing changed, would not write it again.
  const pruned = pruneStaleCaches(folder);
  const values = summaryCodec(isSummaryOf, options.pool);
  return async (folderUri) => {
    await pruned;
    return IndexCacheStore.open(cacheFileFor(folder, folderUri), { key, folder: folderUri }, values, options.log);
  };
}

/** A summary of the file at `path`: its URI is the file's, with the fields every summary has. */
function isSummaryOf(value: unknown, path: string): value is ArticleSummary {
  if (typeof value !== 'object' || value === null) return false;
  const summary = value as Partial<ArticleSummary>;
  return summary.uri === URI.file(path).toString() && typeof summary.title === 'string' && Array.isArray(summary.actors) && Array.isArray(summary.quotes) && summary.mentionOffsets instanceof Uint32Array;
}
