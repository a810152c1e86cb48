import type { Annotation, ArticleAnnotations } from '../annotations/model';
import type { Correction } from '../types';
import { wholeWordOccurrences } from '../annotations/wholeWords';

/**
 * A person's annotations of one article as corrections for a recogniser that learns (`types.ts`
 * `LearningRecognizer`): labels and acceptances say what a span is, rejections that it is no entity.
 * Notes, links, identities and quote decisions teach the tagger nothing. Orphans have no place.
 */

/** True for an annotation that teaches the tagger: an anchored label, acceptance or rejection. */
export function teaches(annotation: Annotation): boolean {
  const kind = annotation.body.kind;
  return annotation.status === 'anchored' && (kind === 'label' || kind === 'confirm' || kind === 'reject');
}

/**
 * Every correction of an article in `text`, each `fresh` when its annotation has not taught yet
 * (`learned` says which have), and the fresh annotations. A rejection of every occurrence covers
 * each whole-word occurrence of its text; a discontinuous target counts by each fragment.
 */
export function correctionsOf(article: ArticleAnnotations, text: string, learned: (annotation: Annotation) => boolean): { corrections: Correction[]; fresh: Annotation[] } {
  const corrections: Correction[] = [];
  const fresh: Annotation[] = [];
  for (const annotation of article.annotations) {
    if (!teaches(annotation)) continue;
    const isFresh = !learned(annotation);
    if (isFresh) fresh.push(annotation);
    const body = annotation.body;
    const flag = isFresh ? { fresh: true as const } : {};
    if (body.kind === 'label' || body.kind === 'confirm') {
      for (const span of annotation.target) corrections.push({ start: span.start, end: span.end, label: body.label, ...flag });
    } else if (body.kind === 'reject' && body.extent === 'everywhere') {
      for (const exact of new Set(annotation.target.map((span) => span.exact))) {
        for (const start of wholeWordOccurrences(text, exact)) corrections.push({ start, end: start + exact.length, ...flag });
      }
    } else {
      for (const span of annotation.target) corrections.push({ start: span.start, end: span.end, ...flag });
    }
  }
  return { corrections: corrections.sort((a, b) => a.start - b.start || a.end - b.end), fresh };
}
