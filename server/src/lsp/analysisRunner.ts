import { AnalysisCancelled, type ArticleDocument, type ArticleService, type CancellationSignal } from '../core/languageService';
import type { ArticleSettings } from '../core/settings';

/**
 * Runs the full analysis of open documents for the server: a stage at a time with a pause between
 * stages, so a request never holds the connection for a whole analysis (a keystroke, another request
 * or a cancellation gets in between), and one run per document version (a request that needs the
 * analysis while the background settling runs it waits for that run instead of starting another).
 * A run stops when its document changed (the result would be stale); a waiter stops when its request
 * is cancelled.
 */
export class AnalysisRunner {
  private readonly runs = new Map<string, { readonly version: number; readonly done: Promise<void> }>();

  constructor(
    private readonly service: ArticleService,
    /** The document's current version, or undefined once it closed. */
    private readonly versionOf: (uri: string) => number | undefined,
  ) {}

  /**
   * Resolves once the document's version is analysed with these settings; throws `AnalysisCancelled`
   * when `token` fires or the document changes first. Already analysed: resolves at once.
   */
  async ensure(document: ArticleDocument, settings: ArticleSettings, token?: CancellationSignal): Promise<void> {
    for (;;) {
      if (token?.isCancellationRequested) throw new AnalysisCancelled();
      // Documents are updated in place: the version is read once per attempt, the run is for that one.
      const version = document.version;
      const running = this.runs.get(document.uri);
      if (running?.version === version) {
        await running.done;
      } else {
        const stages = this.service.analyzeInStages(document, settings);
        const first = stages.next();
        if (first.done) return;
        const done = this.drive(document.uri, version, stages);
        this.runs.set(document.uri, { version, done });
        try {
          await done;
        } finally {
          if (this.runs.get(document.uri)?.done === done) this.runs.delete(document.uri);
        }
      }
      if (this.service.isAnalysed(document)) return;
      // The document changed (or closed) during the run: the answer would be for a text that is gone.
      if (this.versionOf(document.uri) !== version) throw new AnalysisCancelled();
      // Analysed with other settings meanwhile: run again, for these.
    }
  }

  private async drive(uri: string, version: number, stages: Generator<void, unknown>): Promise<void> {
    for (;;) {
      // A timer, not setImmediate: the connection handles each message it read from an immediate of
      // its own, queued behind ours, so only a timer lets a keystroke that came during the stage in.
      await new Promise<void>((resolve) => setTimeout(resolve, 1));
      if (this.versionOf(uri) !== version) {
        stages.return(undefined);
        return;
      }
      if (stages.next().done) return;
    }
  }

  /** Forgets a closed document's run (it stops at its next stage: the version is gone). */
  delete(uri: string): void {
    this.runs.delete(uri);
  }
}
