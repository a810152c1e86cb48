import type { OffsetRange } from '../types';
import { describeBody } from './describe';
import { extentOf, isLabelling, placeText, type AnnotationKind, type ArticleAnnotations, type ReviewState } from './model';

/**
 * What the workspace index keeps of one article's annotations: its review state and one small entry
 * per annotation, enough for the Annotations view to group, count and list them, and to go to each,
 * without the article being open. It travels with the article's `AnnotationInput` (made in
 * `toAnnotationInput`, the one conversion from the store model), so the open editor's annotations and
 * a closed article's store file reach the index by the same path.
 */
export interface AnnotationDigest {
  readonly reviewState: ReviewState;
  /** The annotations in text order (orphans at their last place). */
  readonly entries: readonly AnnotationEntry[];
}

/** One annotation as the index keeps it: where (the extent of its target), what, and whether it is placed. */
export interface AnnotationEntry extends OffsetRange {
  readonly id: string;
  readonly kind: AnnotationKind;
  /** The label of a label or an accepted entity (`person`, `claim`). */
  readonly label?: string;
  /** The annotated text (an orphan: its last text), shortened. */
  readonly text: string;
  /** What the annotation says, in a few words (`label Person`, `note “check the date”`). */
  readonly description: string;
  /** True when its text could not be found: `start`/`end` are where it last was. */
  readonly orphaned?: true;
}

/** At most this many characters of an annotated text in an entry. */
const TEXT_LENGTH = 80;

/** The digest of an article's annotations (text order; the store keeps them so already). */
export function digestAnnotations(article: ArticleAnnotations): AnnotationDigest {
  const entries = article.annotations.map((a): AnnotationEntry => {
    const { start, end } = extentOf(a.target);
    const text = placeText(a.target).replace(/\s+/g, ' ').trim();
    return {
      id: a.id,
      kind: a.body.kind,
      ...(isLabelling(a.body) ? { label: a.body.label } : {}),
      start,
      end,
      text: text.length > TEXT_LENGTH ? `${text.slice(0, TEXT_LENGTH - 1)}…` : text,
      description: describeBody(a.body),
      ...(a.status === 'orphaned' ? { orphaned: true as const } : {}),
    };
  });
  entries.sort((a, b) => a.start - b.start || a.end - b.end);
  return { reviewState: article.reviewState, entries };
}
