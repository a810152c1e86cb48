import type { Annotation } from '../annotations/model';

/**
 * Which annotations have taught the recogniser, kept with what it learned: their ids, and the ids of the
 * annotations that were in the workspace when what was learned was last forgotten (*Reset Learned
 * Corrections*). Those do not teach again when their article is opened, so a reset stays a reset; an
 * annotation that arrives later (a colleague's, after a `git pull`) teaches when its article opens, however
 * long ago it was made. A reset recorded by an earlier version kept only its time: annotations modified
 * until then do not teach.
 */
export class LearningLedger {
  private readonly learned = new Set<string>();
  /** Ids of annotations in the workspace at a reset. */
  private readonly forgotten = new Set<string>();
  /** ISO time of a reset an earlier version recorded (without ids), if any. */
  private since: string | undefined;

  /** True when the annotation has taught already, or was in the workspace at a reset. */
  hasLearned(annotation: Annotation): boolean {
    return this.learned.has(annotation.id) || this.forgotten.has(annotation.id) || (this.since !== undefined && annotation.modified <= this.since);
  }

  /** Records that these annotations taught. */
  add(annotations: readonly Annotation[]): void {
    for (const annotation of annotations) this.learned.add(annotation.id);
  }

  /** Forgets what taught: those annotations, and `present` (the ids of every annotation in the workspace now), teach nothing any more. */
  reset(present: Iterable<string>): void {
    for (const id of this.learned) this.forgotten.add(id);
    for (const id of present) this.forgotten.add(id);
    this.learned.clear();
  }

  /** How many annotations taught. */
  get size(): number {
    return this.learned.size;
  }

  /** Plain data to keep in the learned-weights file (ids sorted: the same ledger, the same bytes). */
  toJSON(): { learned: string[]; forgotten?: string[]; since?: string } {
    return {
      learned: [...this.learned].sort(),
      ...(this.forgotten.size > 0 ? { forgotten: [...this.forgotten].sort() } : {}),
      ...(this.since !== undefined ? { since: this.since } : {}),
    };
  }

  /** A ledger from {@link toJSON}'s data; anything else gives an empty one. */
  static fromJSON(data: unknown): LearningLedger {
    const ledger = new LearningLedger();
    const value = data as { learned?: unknown; forgotten?: unknown; since?: unknown } | undefined;
    if (Array.isArray(value?.learned)) for (const id of value.learned) if (typeof id === 'string') ledger.learned.add(id);
    if (Array.isArray(value?.forgotten)) for (const id of value.forgotten) if (typeof id === 'string') ledger.forgotten.add(id);
    if (typeof value?.since === 'string') ledger.since = value.since;
    return ledger;
  }
}
