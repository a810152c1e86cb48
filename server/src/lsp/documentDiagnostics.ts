import type { Diagnostic } from 'vscode-languageserver';
import type { ArticleDocument, ArticleService } from '../core/languageService';
import type { ArticleSettings } from '../core/settings';
import { duplicateParagraphDiagnostics, limitedAnalysisDiagnostic } from './diagnostics';
import type { PositionMapper } from './positions';

/** Every diagnostic of a document: duplicate paragraphs, and a note when analysis was limited. */
export function computeDiagnostics(service: ArticleService, document: ArticleDocument, settings: ArticleSettings, positions: PositionMapper): Diagnostic[] {
  const analysis = service.analyze(document, settings);
  const diagnostics = duplicateParagraphDiagnostics(analysis.duplicates, positions, document.uri, settings.duplicateParagraphs.severity);
  const reason = service.getLimitedReason(document, settings);
  if (reason) diagnostics.push(limitedAnalysisDiagnostic(reason, settings.maxFileSize));
  return diagnostics;
}

/**
 * Debounces diagnostics per document: a burst of keystrokes produces one analysis after the user
 * pauses, while opening a file publishes at once. A run whose document changed meanwhile is dropped.
 */
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly run: (uri: string) => Promise<void>,
    private readonly delayMs = 120,
  ) {}

  schedule(uri: string, immediate = false): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(
        () => {
          this.timers.delete(uri);
          void this.run(uri);
        },
        immediate ? 0 : this.delayMs,
      ),
    );
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
