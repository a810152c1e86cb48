import type { Annotation, ArticleAnnotations } from './model';

/**
 * A person's changes that are not on disk yet (a write failed: a full disk, a read-only folder) merged into
 * a store file that changed meanwhile (a `git pull`, another window), instead of being dropped when the
 * file is read again. Three-way, by annotation id, against `base` — the annotations as last read from or
 * written to the file:
 * - an annotation the person added (not in `base`) is added;
 * - one the person removed (in `base`, not in ours) is removed, unless the file changed it meanwhile (then
 *   theirs stays: a removal does not win over someone's edit);
 * - one the person changed (its body, or its time: every operation sets it) replaces the file's; if the file changed it too, ours
 *   wins and the annotation is named among the conflicts; if the file removed it, it is kept, a conflict too;
 * - the review state the person set wins over the file's.
 * Everything else is the file's. Only content counts as a change: typing moves spans without changing an
 * annotation, and the file's annotations are already placed in the current text.
 */

/** What {@link mergeUnsaved} made. */
export interface MergeResult {
  readonly annotations: ArticleAnnotations;
  /** How many of the person's changes (additions, removals, edits, the review state) were carried over. */
  readonly carried: number;
  /** Ids of annotations both sides changed (ours kept). */
  readonly conflicts: string[];
}

/** True when the person changed something since `base` (beyond spans moved by typing). */
export function hasUnsavedChanges(base: ArticleAnnotations, ours: ArticleAnnotations): boolean {
  if (base.reviewState !== ours.reviewState || base.annotations.length !== ours.annotations.length) return true;
  const byId = new Map(base.annotations.map((a) => [a.id, a]));
  return ours.annotations.some((a) => {
    const old = byId.get(a.id);
    return old === undefined || changed(old, a);
  });
}

/** `theirs` (the file as it is now, placed in the current text) with the person's changes since `base` on top. */
export function mergeUnsaved(base: ArticleAnnotations, ours: ArticleAnnotations, theirs: ArticleAnnotations): MergeResult {
  const baseById = new Map(base.annotations.map((a) => [a.id, a]));
  const oursById = new Map(ours.annotations.map((a) => [a.id, a]));
  const theirsById = new Map(theirs.annotations.map((a) => [a.id, a]));
  let carried = 0;
  const conflicts: string[] = [];
  const merged: Annotation[] = [];
  for (const their of theirs.annotations) {
    const old = baseById.get(their.id);
    const our = oursById.get(their.id);
    if (old === undefined) {
      // New in the file; ours too when both added the same id (a copy): ours is the one on screen.
      if (our !== undefined && changed(their, our)) {
        conflicts.push(their.id);
        merged.push(our);
        carried++;
      } else merged.push(their);
      continue;
    }
    const theyChanged = changed(old, their);
    if (our === undefined) {
      if (theyChanged) merged.push(their);
      else carried++; // removed by the person
      continue;
    }
    if (!changed(old, our)) {
      merged.push(their);
      continue;
    }
    if (theyChanged && changed(their, our)) conflicts.push(their.id);
    merged.push(our);
    carried++;
  }
  for (const our of ours.annotations) {
    if (theirsById.has(our.id)) continue;
    const old = baseById.get(our.id);
    if (old === undefined) {
      merged.push(our); // added by the person
      carried++;
    } else if (old.modified !== our.modified) {
      // Changed by the person, removed from the file meanwhile: an edit is not lost to a removal (as a removal
      // does not win over an edit the other way round); named among the conflicts. Only an operation of the
      // person's counts here, which sets the time: typing moves the spans inside a speaker's body, which is
      // no edit and must not bring back what the file removed.
      merged.push(our);
      conflicts.push(our.id);
      carried++;
    }
  }
  const reviewState = ours.reviewState !== base.reviewState ? ours.reviewState : theirs.reviewState;
  if (ours.reviewState !== base.reviewState) carried++;
  // What the file holds about itself (another tool's label, its context) is the file's: the person never edits it.
  return { annotations: { ...theirs, reviewState, annotations: merged }, carried, conflicts };
}

/**
 * The annotation's content differs: its body or its modification time (every operation sets it). Its spans
 * do not count — typing moves them, orphans them or takes an edit into a quote — nor does its status.
 */
function changed(a: Annotation, b: Annotation): boolean {
  if (a === b) return false;
  return a.modified !== b.modified || JSON.stringify(a.body) !== JSON.stringify(b.body);
}
