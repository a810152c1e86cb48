import type { Annotation } from '../annotations/model';

/**
 * Which annotations have taught the recogniser, kept with what it learned: their ids, and when what
 * was learned was last forgotten (*Reset Learned Corrections*): an annotation made before that does
 * not teach again when its article is opened, so a reset stays a reset.
 */
export class LearningLedger {
  private readonly learned = new Set<string>();
  /** ISO time of the last reset, if any. */
  private since: string | undefined;

  /** True when the annotation has taught already, or was made before the last reset. */
  hasLearned(annotation: Annotation): boolean {
    return this.learned.has(annotation.id) || (this.since !== undefined && annotation.modified <= this.since);
  }

  /** Records that these annotations taught. */
  add(annotations: readonly Annotation[]): void {
    for (const annotation of annotations) this.learned.add(annotation.id);
  }

  /** Forgets every id; annotations made until `now` teach nothing any more. */
  reset(now: string): void {
    this.learned.clear();
    this.since = now;
  }

  /** How many annotations taught. */
  get size(): number {
    return this.learned.size;
  }

  /** Plain data to keep in the learned-weights file (ids sorted: the same ledger, the same bytes). */
  toJSON(): { learned: string[]; since?: string } {
    return { learned: [...this.learned].sort(), ...(this.since !== undefined ? { since: this.since } : {}) };
  }

  /** A ledger from {@link toJSON}'s data; anything else gives an empty one. */
  static fromJSON(data: unknown): LearningLedger {
    const ledger = new LearningLedger();
    const value = data as { learned?: unknown; since?: unknown } | undefined;
    if (Array.isArray(value?.learned)) for (const id of value.learned) if (typeof id === 'string') ledger.learned.add(id);
    if (typeof value?.since === 'string') ledger.since = value.since;
    return ledger;
  }
}
