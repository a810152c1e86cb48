import { promises as fs } from 'fs';
import * as path from 'path';
import type { Annotation, ArticleAnnotations } from '../core/annotations/model';
import { findQuote } from '../core/annotations/quoteMatch';
import type { ArticleService } from '../core/languageService';
import { correctionsOf, teaches } from '../core/learning/corrections';
import { LearningLedger } from '../core/learning/ledger';
import { makeFolders } from '../makeFolders';
import type { Correction } from '../core/types';

/**
 * Corrections teach the tagger (issue 13). When an open article's annotations change (a command, the
 * article opened with annotations it has not learned from, the store file changed), the labels,
 * acceptances and rejections that have not taught yet are learned, off the typing path (a job after
 * the command, each taking milliseconds); the server then analyses the open articles again and
 * refreshes what shows suggestions.
 *
 * What was learned lives in the extension's workspace storage (`initializationOptions.storagePath`, as
 * the index cache; private to this machine), not in the workspace: it is derived from the annotations, which do travel with the
 * workspace (and teach any machine that opens their articles); binary weights in git would conflict on
 * every merge of two annotators' work, and they belong to one version of the shipped model. Without a
 * storage folder (an editor that gives none), it is kept for the session only. The file holds the
 * weights and the ledger of which annotations taught, so a reset stays a reset across restarts.
 */

/** The file of what was learned, in the storage folder. */
export const LEARNED_FILE = 'learned-tagger.bin';

/** What the learning needs from the server. */
export interface LearningHost {
  readonly service: ArticleService;
  /** The storage folder, or undefined: kept in memory for the session. */
  readonly storage: string | undefined;
  /** An open article's text and annotations, once its store file was read; undefined when it is not open. */
  article(uri: string): Promise<{ readonly text: string; readonly annotations: ArticleAnnotations } | undefined>;
  /** Whether corrections in this article teach (the `articleLens.learning.enabled` setting). */
  enabled(uri: string): Promise<boolean>;
  /** What the tagger suggests changed: analyse the open articles again and refresh what shows them. */
  learned(): void;
  /** The ids of every annotation in the workspace: open articles' and, from the index, closed ones'. */
  annotationIds(): Promise<Iterable<string>>;
  log(message: string): void;
}

/** Pause after a change before learning, so a burst of changes (Accept All, a reload) is one job. */
const LEARN_DELAY = 20;
/** Pause after learning before the file is written (writes are cheap, but one per burst will do). */
const SAVE_DELAY = 1000;

export class CorrectionLearning {
  private ledger = new LearningLedger();
  private readonly pending = new Set<string>();
  private learnTimer: NodeJS.Timeout | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private loaded: Promise<void> = Promise.resolve();
  /**
   * Per open article, the annotations that taught or were found taught when it was last learned from: one
   * gone since (the person removed it) has what it taught taken back.
   */
  private readonly teaching = new Map<string, ReadonlyMap<string, Annotation>>();
  /** Milliseconds of each learning update of this session (for the log). */
  readonly updateTimes: number[] = [];

  constructor(private readonly host: LearningHost) {}

  /** Reads what was learned before (at start-up; the shipped model serves until it is read). */
  load(): Promise<void> {
    this.loaded = this.read();
    return this.loaded;
  }

  /** Resolves once what was learned before has been read (or found missing or unusable). */
  ready(): Promise<void> {
    return this.loaded;
  }

  private async read(): Promise<void> {
    const file = this.file();
    if (!file) return;
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.host.log(`learned corrections not read (${(error as Error).message}): starting from the shipped model`);
      return;
    }
    try {
      const extra = this.host.service.loadLearning(bytes);
      this.ledger = LearningLedger.fromJSON(extra.ledger);
      this.host.log(`learned corrections read from ${file} (${this.ledger.size} annotations)`);
      this.host.learned();
    } catch (error) {
      // Learned over another version of the model, or damaged: the annotations teach again as their articles open.
      this.host.log(`learned corrections in ${file} not used (${(error as Error).message}): starting from the shipped model`);
    }
  }

  /** An open article's annotations changed: its new corrections teach, shortly. */
  annotationsChanged(uri: string): void {
    this.pending.add(uri);
    this.learnTimer ??= setTimeout(() => {
      this.learnTimer = undefined;
      void this.learnPending().catch((error: unknown) => this.host.log(`learning failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    }, LEARN_DELAY);
  }

  private async learnPending(): Promise<void> {
    await this.loaded;
    const uris = [...this.pending];
    this.pending.clear();
    let changed = false;
    for (const uri of uris) {
      const article = await this.host.article(uri);
      if (!article || !(await this.host.enabled(uri))) continue;
      const { corrections, fresh } = correctionsOf(article.annotations, article.text, (a) => this.ledger.hasLearned(a));
      const before = this.teaching.get(uri);
      const now = new Map(article.annotations.annotations.filter(teaches).map((a) => [a.id, a]));
      this.teaching.set(uri, now);
      const present = new Set(article.annotations.annotations.map((a) => a.id));
      if (before && this.unlearnRemoved(uri, article.text, corrections, [...before.values()].filter((a) => !present.has(a.id)))) changed = true;
      if (fresh.length === 0) continue;
      const start = process.hrtime.bigint();
      const report = this.host.service.learnFromCorrections(article.text, corrections);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (!report) return;
      this.updateTimes.push(ms);
      this.ledger.add(fresh);
      changed = true;
      const added = report.newClasses.length > 0 ? `, new classes ${report.newClasses.join(', ')}` : '';
      this.host.log(`learned ${fresh.length} correction${fresh.length === 1 ? '' : 's'} of ${path.basename(uri)}: ${report.updated} of ${report.sentences} sentences updated in ${ms.toFixed(1)} ms${added}`);
    }
    if (!changed) return;
    this.host.learned();
    this.scheduleSave();
  }

  /**
   * Takes back what `removed` (annotations a person deleted from an open article) taught, found again in
   * `text` by their quotes (the text may have changed since they taught): true when something was taken back.
   */
  private unlearnRemoved(uri: string, text: string, corrections: readonly Correction[], removed: readonly Annotation[]): boolean {
    const places = removed.flatMap((annotation) => annotation.target.flatMap((span) => {
      const found = findQuote(text, span, span.start);
      return found.kind === 'found' && found.exact ? [{ start: found.start, end: found.end }] : [];
    }));
    if (places.length === 0) return false;
    const taken = this.host.service.unlearnCorrections(text, corrections, places);
    if (!taken) return false;
    this.host.log(`took back what ${removed.length} removed correction${removed.length === 1 ? '' : 's'} of ${path.basename(uri)} taught: ${taken} sentence${taken === 1 ? '' : 's'}`);
    return true;
  }

  /** Forgets what corrections taught; the annotations in the workspace now do not teach again (those that arrive later do). */
  async reset(): Promise<void> {
    await this.loaded;
    const present = await this.host.annotationIds();
    this.host.service.resetLearning();
    this.ledger.reset(present);
    this.host.log('learned corrections reset: the shipped model again');
    this.host.learned();
    this.scheduleSave(0);
  }

  /** Writes what was learned now (the server is shutting down, or a test waits for it). */
  flush(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      this.saving = this.saving.then(() => this.write());
    }
    return this.saving;
  }

  private scheduleSave(delay = SAVE_DELAY): void {
    if (!this.file()) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.saving = this.saving.then(() => this.write());
    }, delay);
  }

  /** Writes the file atomically: a temporary file renamed over the old one. */
  private async write(): Promise<void> {
    const file = this.file();
    const bytes = this.host.service.saveLearning({ ledger: this.ledger.toJSON() });
    if (!file || !bytes) return;
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await makeFolders(path.dirname(file));
      await fs.writeFile(temporary, bytes);
      await fs.rename(temporary, file);
    } catch (error) {
      this.host.log(`learned corrections not written to ${file}: ${(error as Error).message}`);
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  }

  private file(): string | undefined {
    return this.host.storage === undefined ? undefined : path.join(this.host.storage, LEARNED_FILE);
  }
}
