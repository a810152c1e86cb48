import type { EntitySuggestion } from '../entityLayer';
import type { ArticleAnnotations } from '../model';

/** What an import needs to make annotations: ids and times come from the caller (deterministic tests). */
export interface ImportContext {
  readonly newId: () => string;
  readonly creator?: string;
  /** ISO 8601 time of the import. */
  readonly now: string;
}

/** One article to export. */
export interface ArticleForExport {
  /** Workspace-relative path (names the document in CoNLL and doccano output). */
  readonly path: string;
  readonly text: string;
  readonly annotations: ArticleAnnotations;
  /** The machine's entities, included only when asked for; the person's annotations win over them. */
  readonly suggestions?: readonly EntitySuggestion[];
}

/** An export's text and what it could not carry (for a message to the person). */
export interface ExportOutput {
  readonly text: string;
  /** One line per kind of annotation left out, with how many. */
  readonly leftOut: string[];
}

/** "3 rejections" — counts of what a format left out, in first-seen order. */
export function countLeftOut(reasons: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} × ${reason}`);
}
