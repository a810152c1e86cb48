import type { EntityMention } from '../types';
import { overlaps } from '../search';

/**
 * What a person taught the tagger wins over the steps that rework its mentions afterwards (issue 13).
 * The entity repair (`entityRepair/`) drops or retypes mentions with the article's evidence: a
 * one-word person without a sign of being one, say. When a person labelled that name (`Zorbek` a
 * person) the tagger learns it, and the repair must not take the learned suggestion away again in the
 * next article, any more than it takes away the person's own label.
 */

/** The label a mention shows: its type, or a person's own label. */
function labelOf(mention: EntityMention): string {
  return mention.type === 'custom' ? (mention.label ?? 'custom') : mention.type;
}

/**
 * `reworked` (the recogniser's `mentions` after the repair) with every mention a person taught put back
 * as the recogniser gave it, in place of whatever the repair made of its words. `taughtLabelOf` is the
 * recogniser's (`LearningRecognizer.taughtLabelOf`). Sorted, non-overlapping, as both inputs are.
 */
export function keepTaughtMentions(mentions: readonly EntityMention[], reworked: EntityMention[], taughtLabelOf: (text: string) => string | undefined): EntityMention[] {
  const taught = mentions.filter((m) => taughtLabelOf(m.text) === labelOf(m));
  if (taught.length === 0) return reworked;
  const same = (a: EntityMention, b: EntityMention) => a.start === b.start && a.end === b.end && labelOf(a) === labelOf(b);
  const missing = taught.filter((t) => !reworked.some((r) => same(r, t)));
  if (missing.length === 0) return reworked;
  const kept = reworked.filter((r) => !missing.some((t) => overlaps(r, t)));
  return [...kept, ...missing].sort((a, b) => a.start - b.start || a.end - b.end);
}
