import { annotationInput, type AnnotationInput, type MentionPair, type QuoteKindCorrection, type SpeakerAssignment } from '../annotationInput';
import { digestAnnotations } from './digest';
import { extentOf as extent, type AnchoredSpan, type Annotation, type ArticleAnnotations } from './model';
import type { OffsetRange } from '../types';

/**
 * A person's annotations of one article as the analysis reads them (`core/annotationInput.ts`). Only
 * anchored annotations count (an orphan's offsets are stale). A discontinuous target counts by each
 * fragment for labels and rejections, by its whole extent where a single range is asked for (a quote, a
 * mention). Links to mentions in other articles are left to the workspace (the article's analysis only
 * sees its own text). Notes carry nothing for the analysis. Every annotation, with the review state, is
 * also in the input's `digest`, for the workspace index (the Annotations view).
 */
export function toAnnotationInput(article: ArticleAnnotations, revision: number): AnnotationInput {
  const labels: Array<OffsetRange & { label: string }> = [];
  const confirmed: OffsetRange[] = [];
  const rejected: OffsetRange[] = [];
  const rejectedTexts: string[] = [];
  const sameActor: MentionPair[] = [];
  const differentActor: MentionPair[] = [];
  const actorNames: Array<{ mention: OffsetRange; name?: string; externalId?: string }> = [];
  const speakers: SpeakerAssignment[] = [];
  const quoteKinds: QuoteKindCorrection[] = [];
  for (const a of article.annotations) {
    if (a.status !== 'anchored') continue;
    const body = a.body;
    const whole = extent(a.target);
    switch (body.kind) {
      case 'label':
        for (const s of a.target) labels.push({ start: s.start, end: s.end, label: body.label });
        break;
      case 'confirm':
        for (const s of a.target) confirmed.push(range(s));
        break;
      case 'reject':
        if (body.extent === 'everywhere') rejectedTexts.push(...new Set(a.target.map((s) => s.exact)));
        else for (const s of a.target) rejected.push(range(s));
        break;
      case 'sameAs':
      case 'differentFrom':
        if (body.other.article === undefined) (body.kind === 'sameAs' ? sameActor : differentActor).push({ first: whole, second: extent(body.other.spans) });
        break;
      case 'identity':
        actorNames.push({ mention: whole, name: body.canonicalName, ...(body.externalId !== undefined ? { externalId: body.externalId } : {}) });
        break;
      case 'speaker':
        if (!body.brat?.noContent) speakers.push({ quote: whole, ...(body.speaker && body.speaker.article === undefined ? { speaker: extent(body.speaker.spans) } : {}) });
        break;
      case 'quoteKind':
        quoteKinds.push({ quote: whole, kind: body.quoteKind === 'scare' ? 'scare' : 'none' });
        break;
      case 'note':
        break;
    }
  }
  return annotationInput({ revision, labels, confirmed, rejected, rejectedTexts, sameActor, differentActor, actorNames, speakers, quoteKinds, digest: digestAnnotations(article) });
}

function range(span: AnchoredSpan): OffsetRange {
  return { start: span.start, end: span.end };
}


/** True when the annotation changes what the analysis computes (everything but notes). */
export function affectsAnalysis(annotation: Annotation): boolean {
  return annotation.body.kind !== 'note';
}
