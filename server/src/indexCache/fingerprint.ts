import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { ANALYSIS_VERSION } from '../core/analysisVersion';
import { analysisSettingsKey, type ArticleSettings } from '../core/settings';

/**
 * A short article the key summarises: whatever changes its summary (the shape of `ArticleSummary`,
 * the pipeline's output on it) changes the key, even if nobody bumped ANALYSIS_VERSION.
 */
export const PROBE_TEXT = `Lavrov and Kerry meet in Geneva

GENEVA — Russian Foreign Minister Sergei Lavrov met his US counterpart John Kerry on Monday, the Foreign Ministry said.
"We agreed to keep talking," Lavrov told reporters. Kerry said the United Nations would host the next round.
"It was a useful meeting," he said.`;

/**
 * The key of everything a workspace summary depends on besides the file's own text: the analysis
 * version, every data file (model, gazetteers, vocabulary: by content), the settings the analysis
 * reads, and the summary of a probe article computed now. Two servers agree on the key exactly when
 * their summaries of the same text can be exchanged.
 */
export function analysisKey(dataFolder: string, settings: ArticleSettings, summarize: (uri: string, text: string) => unknown): string {
  const hash = createHash('sha256');
  hash.update(`analysis ${ANALYSIS_VERSION}\u0000settings ${analysisSettingsKey(settings)}\u0000`);
  for (const file of filesUnder(dataFolder)) {
    hash.update(`${path.relative(dataFolder, file).split(path.sep).join('/')}\u0000`);
    hash.update(fs.readFileSync(file));
  }
  hash.update(v8.serialize(summarize('article-lens:probe', PROBE_TEXT)));
  return hash.digest('hex');
}

function filesUnder(folder: string): string[] {
  const files: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(full));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}
