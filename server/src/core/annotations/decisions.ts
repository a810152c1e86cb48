import { isEntityLabel } from './labels';
import type { AnchoredSpan, Annotation, AnnotationBody, ArticleAnnotations, MentionRef } from './model';
import { overlaps } from '../search';

/**
 * A person changing their mind: a new annotation replaces the earlier ones it contradicts, so that an
 * article holds one decision per question (`Lavrov` is a person, then an organisation: one label, not
 * two that fight). What counts as the same question:
 * - what entity a span is (label, acceptance, rejection): the same span; for an entity label, any entity
 *   label or acceptance it overlaps too (relabelling `Foreign Ministry` as `Russian Foreign Ministry`);
 *   a user label (`claim`) only replaces one on the same span;
 * - the actor's name of a mention (identity): the same mention;
 * - who said a quote, and what kind of quote it is (a scare quote has no speaker; a quote given a
 *   speaker is reported speech): the same quote (overlapping);
 * - whether two mentions are one actor (same / not the same): the same pair, either way round.
 * Notes never replace anything. Orphans are never replaced: they wait for the person, who removes them.
 */
export function withDecision(article: ArticleAnnotations, annotation: Annotation): ArticleAnnotations {
  const kept = article.annotations.filter((old) => old.status === 'orphaned' || !contradicts(annotation, old));
  return { ...article, annotations: [...kept, annotation] };
}

/** The annotations `annotation` would replace (see {@link withDecision}). */
export function replacedBy(article: ArticleAnnotations, annotation: Annotation): Annotation[] {
  return article.annotations.filter((old) => old.status !== 'orphaned' && contradicts(annotation, old));
}

/**
 * The article's decision about what the span of `annotation` is, when `annotation` is such a decision too (a
 * label, an acceptance or a rejection) and one is already there on exactly its span: the question the editor
 * answers once per span ({@link withDecision}). An import, which is not the person deciding, keeps the
 * article's (`imports.ts`). Labels on overlapping spans (nested entities of a brat file) are other questions.
 */
export function decisionOnSameSpan(annotations: readonly Annotation[], annotation: Annotation): Annotation | undefined {
  if (!isEntityDecision(annotation.body)) return undefined;
  return annotations.find((old) => old.status === 'anchored' && isEntityDecision(old.body) && sameSpans(annotation.target, old.target));
}

/** True when two entity decisions give the same answer (a label and an acceptance of that label; two rejections). */
export function sameEntityAnswer(a: AnnotationBody, b: AnnotationBody): boolean {
  const answer = (body: AnnotationBody): string | undefined => (body.kind === 'reject' ? '' : body.kind === 'label' || body.kind === 'confirm' ? body.label : undefined);
  return answer(a) !== undefined && answer(a) === answer(b);
}

type EntityBody = Extract<AnnotationBody, { kind: 'label' | 'confirm' | 'reject' }>;

function isEntityDecision(body: AnnotationBody): body is EntityBody {
  return body.kind === 'label' || body.kind === 'confirm' || body.kind === 'reject';
}

/** True when `fresh` answers the question `old` answered. */
function contradicts(fresh: Annotation, old: Annotation): boolean {
  const a = fresh.body;
  const b = old.body;
  if (isEntityDecision(a) && isEntityDecision(b)) {
    if (sameSpans(fresh.target, old.target)) return true;
    return isEntitySpan(a) && isEntitySpan(b) && targetsOverlap(fresh.target, old.target);
  }
  if (a.kind === 'identity' && b.kind === 'identity') return targetsOverlap(fresh.target, old.target);
  // A scare quote or a non-quote has no speaker; a quote given a speaker is reported speech.
  if ((a.kind === 'speaker' || a.kind === 'quoteKind') && (b.kind === 'speaker' || b.kind === 'quoteKind')) return targetsOverlap(fresh.target, old.target);
  if ((a.kind === 'sameAs' || a.kind === 'differentFrom') && (b.kind === 'sameAs' || b.kind === 'differentFrom')) {
    return samePair(fresh.target, a.other, old.target, b.other);
  }
  return false;
}

/** An entity label, an acceptance or a rejection: decisions about one entity, not a user label's stretch. */
function isEntitySpan(body: EntityBody): boolean {
  return body.kind !== 'label' || isEntityLabel(body.label);
}

function sameSpans(a: readonly AnchoredSpan[], b: readonly AnchoredSpan[]): boolean {
  return a.length === b.length && a.every((span, i) => span.start === b[i].start && span.end === b[i].end);
}

/** True when a span of one target shares an offset with a span of the other. */
function targetsOverlap(a: readonly AnchoredSpan[], b: readonly AnchoredSpan[]): boolean {
  return a.some((x) => b.some((y) => overlaps(x, y)));
}

function samePair(target: readonly AnchoredSpan[], other: MentionRef, oldTarget: readonly AnchoredSpan[], oldOther: MentionRef): boolean {
  if (other.article !== oldOther.article) return false;
  return (sameSpans(target, oldTarget) && sameSpans(other.spans, oldOther.spans)) || (other.article === undefined && sameSpans(target, oldOther.spans) && sameSpans(other.spans, oldTarget));
}
