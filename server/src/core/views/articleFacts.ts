import type { ArticleAnalysis } from '../analysis';
import { articleDate } from './articleDate';
import { findNameVariants } from '../nameVariants';
import type { PersonNames } from '../names';
import type { ArticleSettings, DiagnosticSeverityName } from '../settings';
import type { ArticleSummary } from '../workspaceIndex';

/**
 * What the workspace views need to know of an article beyond its actors and quotes, taken when it
 * is summarised for the index: how many diagnostics of each kind it has (the Articles view counts
 * them without analysing 10,000 articles again) and its date (the actor map's time axis).
 */
export type ArticleFacts = Pick<ArticleSummary, 'issues' | 'date'>;

/** The settings keys of the diagnostics an article can have; each has a `severity` setting. */
export type IssueKind = 'duplicateParagraphs' | 'nameVariants' | 'pageFurniture';

/** Counts of an article's diagnostics as the Problems panel would show them, by severity. */
export interface ProblemCounts {
  readonly error: number;
  readonly warning: number;
  readonly information: number;
  readonly hint: number;
}

/** The facts of one analysed article. */
export function articleFacts(uri: string, text: string, analysis: Pick<ArticleAnalysis, 'duplicates' | 'actors' | 'furniture'>, names: PersonNames): ArticleFacts {
  const issues: Record<IssueKind, number> = {
    duplicateParagraphs: analysis.duplicates.length,
    nameVariants: findNameVariants(analysis.actors, names).length,
    pageFurniture: analysis.furniture.length,
  };
  const date = articleDate(uri, text);
  return { issues, ...(date ? { date } : {}) };
}

/** An article's diagnostics by the severity `settings` gives each kind; kinds set to `off` count nowhere. */
export function problemCounts(issues: ArticleSummary['issues'], settings: Pick<ArticleSettings, IssueKind>): ProblemCounts {
  const counts: Record<DiagnosticSeverityName, number> = { error: 0, warning: 0, information: 0, hint: 0, off: 0 };
  for (const [kind, count] of Object.entries(issues ?? {})) {
    const severity = settings[kind as IssueKind]?.severity;
    if (severity) counts[severity] += count;
  }
  return { error: counts.error, warning: counts.warning, information: counts.information, hint: counts.hint };
}
