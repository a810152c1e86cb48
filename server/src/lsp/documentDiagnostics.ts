import type { Diagnostic } from 'vscode-languageserver';
import type { ArticleDocument, ArticleService } from '../core/languageService';
import type { ArticleSettings } from '../core/settings';
import { duplicateParagraphDiagnostics, limitedAnalysisDiagnostic } from './diagnostics';
import { nameVariantDiagnostics } from './nameVariants';
import { pageFurnitureDiagnostics } from './pageFurniture';
import type { PositionMapper } from './positions';

/**
 * Every diagnostic of a document: duplicate paragraphs, page furniture and a note when analysis was
 * limited, from the paragraph layer alone (no entities, quotes or actors), so fresh diagnostics after a keystroke cost a
 * paragraph split with cached keys, not a full analysis; and name variants, which need actors, only
 * once the full analysis of this version exists.
 */
export function computeDiagnostics(service: ArticleService, document: ArticleDocument, settings: ArticleSettings, positions: PositionMapper): Diagnostic[] {
  const duplicates = service.getDuplicateParagraphs(document, settings);
  const diagnostics = duplicateParagraphDiagnostics(duplicates, positions, document.uri, settings.duplicateParagraphs.severity);
  diagnostics.push(...pageFurnitureDiagnostics(service.getPageFurniture(document, settings), positions, settings.pageFurniture.severity));
  const reason = service.getLimitedReason(document, settings);
  if (reason) diagnostics.push(limitedAnalysisDiagnostic(reason, settings.maxFileSize));
  // Name variants need actors, so they join once the full analysis of this version exists (the
  // server re-publishes after it settles); until then the cheap diagnostics go out alone.
  const variants = service.getNameVariantsIfAnalysed(document);
  if (variants) diagnostics.push(...nameVariantDiagnostics(variants, positions, document.uri, settings.nameVariants.severity));
  return diagnostics;
}

/**
 * Debounces work per document: a burst of keystrokes produces one run after the user pauses, while
 * opening a file runs at once. A run whose document changed meanwhile is dropped. Diagnostics use a
 * short delay (they are cheap); the server's background full analysis a longer one.
 */
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly run: (uri: string) => Promise<void>,
    private readonly delayMs = 40,
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

  /** Drops a closed document's pending run. */
  delete(uri: string): void {
    this.cancel(uri);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
