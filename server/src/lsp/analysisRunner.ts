import { AnalysisCancelled, type ArticleDocument, type ArticleService, type CancellationSignal } from '../core/languageService';
import type { ArticleSettings } from '../core/settings';

/** One caller waiting for a run. */
interface Waiter {
  readonly token: CancellationSignal | undefined;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** A run of the staged analysis of one document version, and who waits for it. */
interface Run {
  readonly version: number;
  readonly waiters: Set<Waiter>;
}

/**
 * Runs the full analysis of open documents for the server: a stage at a time with a pause between
 * stages, so a request never holds the connection for a whole analysis (a keystroke, another request
 * or a cancellation gets in between), and one run per document version (a request that needs the
 * analysis while the background settling runs it waits for that run instead of starting another).
 * A cancelled request stops waiting at the next stage; a run nobody waits for any more stops there
 * too (what it did stays in the analysis caches), and so does a run whose document changed.
 */
export class AnalysisRunner {
  private readonly runs = new Map<string, Run>();

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
        await this.wait(running, token);
      } else {
        const stages = this.service.analyzeInStages(document, settings);
        if (stages.next().done) return;
        const run: Run = { version, waiters: new Set() };
        this.runs.set(document.uri, run);
        const waited = this.wait(run, token);
        void this.drive(document.uri, run, stages);
        await waited;
      }
      if (this.service.isAnalysed(document)) return;
      // The document changed (or closed) during the run: the answer would be for a text that is gone.
      if (this.versionOf(document.uri) !== version) throw new AnalysisCancelled();
      // Analysed with other settings meanwhile: run again, for these.
    }
  }

  private wait(run: Run, token: CancellationSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => run.waiters.add({ token, resolve, reject }));
  }

  private async drive(uri: string, run: Run, stages: Generator<void, unknown>): Promise<void> {
    try {
      for (;;) {
        // A timer, not setImmediate: the connection handles each message it read from an immediate of
        // its own, queued behind ours, so only a timer lets a keystroke that came during the stage in.
        await new Promise<void>((resolve) => setTimeout(resolve, 1));
        for (const waiter of run.waiters) {
          if (!waiter.token?.isCancellationRequested) continue;
          run.waiters.delete(waiter);
          waiter.reject(new AnalysisCancelled());
        }
        if (run.waiters.size === 0 || this.versionOf(uri) !== run.version) {
          stages.return(undefined);
          break;
        }
        if (stages.next().done) break;
      }
    } catch (error) {
      for (const waiter of run.waiters) waiter.reject(error instanceof Error ? error : new Error(String(error)));
      run.waiters.clear();
    } finally {
      if (this.runs.get(uri) === run) this.runs.delete(uri);
      for (const waiter of run.waiters) waiter.resolve();
    }
  }

  /** Forgets a closed document's run (it stops at its next stage: the version is gone). */
  delete(uri: string): void {
    this.runs.delete(uri);
  }
}
