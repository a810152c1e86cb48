import { AnalysisCancelled, type ArticleDocument, type ArticleService, type CancellationSignal } from '../core/languageService';
import type { ArticleSettings } from '../core/settings';

/**
 * Turns of `setImmediate` a message whose bytes came during the caller's work takes to its handler:
 * the event loop's poll phase reads the bytes (in the next turn when the caller ran in the timers or
 * poll phase, as a timer's or an I/O callback's continuation), the connection's reader passes the
 * message on from an immediate of its own (its read lock), and the connection handles it from another.
 * Each turn costs microseconds (the poll does not wait while an immediate is pending).
 */
const MESSAGE_TURNS = 4;

/**
 * Lets the connection's messages (a keystroke, a request, a cancellation) in before the caller goes
 * on, including one whose bytes came while the caller worked, without putting the thread to sleep:
 * {@link MESSAGE_TURNS} turns of `setImmediate`, each queued behind what the previous turn's poll and
 * immediates queued. A resolved promise lets nothing in. A timer (what this was) lets messages in
 * too, but not always one that came during the work (the timer may fire before the connection's
 * immediate), and the thread sleeps for its least delay, a millisecond, and on a loaded machine then
 * waits for a core again: measured per hover after an edit in a 10,000-article workspace (load 5),
 * those pauses cost 0.4–1.3 ms of wall time in the median and 9–19 ms in the slowest tenth.
 */
export async function letMessagesIn(): Promise<void> {
  for (let turn = 0; turn < MESSAGE_TURNS; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A request's document changed before its analysis was there: the answer would be for a text the
 * client no longer has. The server answers it with LSP's `ContentModified`, as the protocol asks of a
 * result made invalid by a change (the client asks again for the new version if it still wants one).
 * An `AnalysisCancelled`, so that callers that drop a cancelled analysis drop this one too.
 */
export class DocumentChanged extends AnalysisCancelled {}

/** What a caller waits for: the whole analysis, or only its entities (semantic tokens need no more). */
export type AnalysisNeed = 'analysis' | 'entities';

/** One caller waiting for a run. */
interface Waiter {
  readonly token: CancellationSignal | undefined;
  readonly need: AnalysisNeed;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** A run of the staged analysis of one document version, and who waits for it. */
interface Run {
  readonly version: number;
  readonly document: ArticleDocument;
  readonly waiters: Set<Waiter>;
  /** Someone was served from this run (its entities): it goes on to the end even when nobody waits. */
  served: boolean;
}

/** How long without a request asking for an analysis counts as the editor not in use ({@link AnalysisRunner.quiet}). */
const QUIET_MS = 100;
/** Background work waits for a quiet moment this long at most per step. */
const PATIENCE_MS = 2000;
/**
 * A run holds the thread this long at most before it lets queued messages in (then between every two
 * stages, as a large article's stages each take longer). An article of a few kilobytes is analysed in
 * one slice: a pause between its stages cost at least a millisecond each (a timer's least delay), five
 * of them on a hover after an edit that otherwise takes 6–10 ms, and a keystroke that comes meanwhile
 * waits this long and one stage at most.
 */
const SLICE_MS = 10;

/**
 * Runs the full analysis of open documents for the server: a stage at a time, with a pause between
 * stages once a run has held the thread for {@link SLICE_MS}, so a request never holds the connection
 * for a whole analysis of a large article (a keystroke, another request
 * or a cancellation gets in between), and one run per document version (a request that needs the
 * analysis while the background settling runs it waits for that run instead of starting another).
 * A stage that handed work to other threads (the tagging workers) yields its promise: the run awaits
 * it, and the connection is served meanwhile. A caller that needs only the entities is answered as
 * soon as they are final. A cancelled request stops waiting at the next stage; a run nobody waits for
 * any more stops there too (what it did stays in the analysis caches), unless it already served
 * someone; a run whose document changed always stops.
 */
export class AnalysisRunner {
  private readonly runs = new Map<string, Run>();
  /**
   * Documents whose last run was stopped by a change of their text: edited while analysed (a large
   * article being typed in). A request for one lets queued edits in before it starts a run, so only
   * the newest version is analysed. Cleared when a run of the document ends.
   */
  private readonly changedWhileRunning = new Set<string>();
  /** Who waits for a moment with no run ({@link idle}). */
  private idleWaiters: (() => void)[] = [];
  /**
   * When a request last asked for an analysis, came or was answered, or the text last changed
   * ({@link noteDemand}): the editor is in use.
   */
  private lastDemand = 0;

  constructor(
    private readonly service: ArticleService,
    /** The document's current version, or undefined once it closed. */
    private readonly versionOf: (uri: string) => number | undefined,
    /** How long a run may hold the thread before it lets queued messages in ({@link SLICE_MS}). */
    private readonly sliceMs = SLICE_MS,
  ) {}

  /**
   * Resolves once the document's version is analysed with these settings (with `need` 'entities':
   * once its entities are final); throws `AnalysisCancelled` when `token` fires or the document
   * changes first. Already there: resolves at once. `forVersion`, the version a request was made
   * for: when the document has another, the request is not run but answered `DocumentChanged`.
   *
   * Versions are coalesced: a run stops at its next stage when the text changes, and while a
   * document is edited during its analysis (`changedWhileRunning`: a large article, whose stages take
   * a second each), a request lets the edits already sent in before it starts a run, so that a run is
   * started for the newest version only — a hover sent after each keystroke no longer starts a run
   * that the next keystroke stops, while the newest version's analysis waits behind them.
   */
  async ensure(document: ArticleDocument, settings: ArticleSettings, token?: CancellationSignal, need: AnalysisNeed = 'analysis', forVersion?: number): Promise<void> {
    this.lastDemand = Date.now();
    for (;;) {
      if (token?.isCancellationRequested) throw new AnalysisCancelled();
      if (forVersion !== undefined && document.version !== forVersion) throw new DocumentChanged();
      // Documents are updated in place: the version is read once per attempt, the run is for that one.
      const version = document.version;
      const running = this.runs.get(document.uri);
      if (running?.version === version) {
        await this.wait(running, token, need);
      } else if ((running || this.changedWhileRunning.has(document.uri)) && !this.satisfied(document, need) && (await this.changesQueued(document, version))) {
        // A newer version came in: this attempt's version is gone (the loop answers or goes on with the newest).
        continue;
      } else if (this.runs.get(document.uri)?.version === version) {
        // Started by another request while the edits were let in.
        continue;
      } else {
        const sliceStart = performance.now();
        const stages = this.service.analyzeInStages(document, settings, { mayWait: true });
        const first = stages.next();
        if (first.done) {
          this.changedWhileRunning.delete(document.uri);
          return;
        }
        const run: Run = { version, document, waiters: new Set(), served: false };
        this.runs.set(document.uri, run);
        const waited = this.wait(run, token, need);
        void this.drive(document.uri, run, stages, first.value, sliceStart);
        await waited;
      }
      if (this.satisfied(document, need)) return;
      // The document changed (or closed) during the run: the answer would be for a text that is gone.
      if (this.versionOf(document.uri) !== version) throw new DocumentChanged();
      // Analysed with other settings meanwhile: run again, for these.
    }
  }

  /** Lets the messages already sent in, and says whether they changed the document from `version`. */
  private async changesQueued(document: ArticleDocument, version: number): Promise<boolean> {
    await letMessagesIn();
    return document.version !== version;
  }

  /**
   * Resolves when no analysis runs (at once when none does). Background work of the server (saving
   * the index cache) waits for this between its steps, so that it never stands between a request and
   * the analysis it waits for.
   */
  idle(): Promise<void> {
    if (this.runs.size === 0) return Promise.resolve();
    return new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * The editor is in use now: a request came or was answered, or a document's text changed. The
   * server notes both ends of every request: counted from when a request asked for an analysis only,
   * a hover that took longer than {@link QUIET_MS} (the first one after opening an article clusters
   * its actor over the workspace: 130 ms at 10,000 articles) left the editor "quiet" at its answer,
   * and the index cache's saving and a warm-up stage took the thread for 15–230 ms just as the next
   * edit and hover came (the bench's first hover after an edit, each run).
   */
  noteDemand(): void {
    this.lastDemand = Date.now();
  }

  /**
   * Resolves when no analysis runs and the editor was not in use ({@link noteDemand}) in the last
   * `quietMs` (the user is not hovering or typing), or after `patienceMs` at the latest: background
   * work that takes the thread a few milliseconds at a time (saving the index cache, the warm-up)
   * steps aside while the editor is in use, and still ends while it always is. Messages that came
   * meanwhile are let in first: a request already sent counts, rather than waiting behind the work.
   */
  async quiet(quietMs = QUIET_MS, patienceMs = PATIENCE_MS): Promise<void> {
    const deadline = Date.now() + patienceMs;
    for (;;) {
      await letMessagesIn();
      await this.idle();
      const now = Date.now();
      const calm = now - this.lastDemand;
      if (calm >= quietMs || now >= deadline) return;
      await new Promise<void>((resolve) => setTimeout(resolve, Math.min(quietMs - calm, deadline - now)));
    }
  }

  private wakeIdleWaiters(): void {
    if (this.runs.size > 0 || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private satisfied(document: ArticleDocument, need: AnalysisNeed): boolean {
    return this.service.isAnalysed(document) || (need === 'entities' && this.service.hasEntities(document));
  }

  private wait(run: Run, token: CancellationSignal | undefined, need: AnalysisNeed): Promise<void> {
    if (need === 'entities' && this.service.hasEntities(run.document)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => run.waiters.add({ token, need, resolve, reject }));
  }

  private async drive(uri: string, run: Run, stages: Generator<void | Promise<unknown>, unknown>, handed: void | Promise<unknown>, sliceStart: number): Promise<void> {
    /** A waiter was answered: its caller goes on before the next stage. */
    let answered = false;
    try {
      for (;;) {
        // Work on other threads: wait for it (the connection is served meanwhile). Otherwise, once the
        // slice is used up, a keystroke that came during the stage gets in. (`ensure` ran the first
        // stage and calls this at once: the slice began there.)
        if (handed || answered || performance.now() - sliceStart >= this.sliceMs) {
          if (handed) await handed;
          else await letMessagesIn();
          sliceStart = performance.now();
        }
        answered = false;
        for (const waiter of run.waiters) {
          if (waiter.token?.isCancellationRequested) {
            run.waiters.delete(waiter);
            waiter.reject(new AnalysisCancelled());
          } else if (waiter.need === 'entities' && this.service.hasEntities(run.document)) {
            run.waiters.delete(waiter);
            run.served = true;
            answered = true;
            waiter.resolve();
          }
        }
        if ((run.waiters.size === 0 && !run.served) || this.versionOf(uri) !== run.version) {
          if (this.versionOf(uri) !== undefined && this.versionOf(uri) !== run.version) this.changedWhileRunning.add(uri);
          stages.return(undefined);
          break;
        }
        if (answered) {
          // The caller answers (semantic tokens go out) before the next stage takes the thread.
          handed = undefined;
          continue;
        }
        const step = stages.next();
        if (step.done) {
          this.changedWhileRunning.delete(uri);
          break;
        }
        handed = step.value;
      }
    } catch (error) {
      for (const waiter of run.waiters) waiter.reject(error instanceof Error ? error : new Error(String(error)));
      run.waiters.clear();
    } finally {
      if (this.runs.get(uri) === run) this.runs.delete(uri);
      for (const waiter of run.waiters) waiter.resolve();
      this.wakeIdleWaiters();
    }
  }

  /** Forgets a closed document's run (it stops at its next stage: the version is gone). */
  delete(uri: string): void {
    this.runs.delete(uri);
    this.changedWhileRunning.delete(uri);
    this.wakeIdleWaiters();
  }
}
