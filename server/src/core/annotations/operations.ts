import { isValidLabel } from './labels';
import { placeText, type Annotation, type AnnotationBody, type ArticleAnnotations, type NoteReply, type ReviewState } from './model';
import { spanAt } from './selectors';
import { isValidExternalId } from './w3c';
import type { OffsetRange } from '../types';

/**
 * The operations on one article's annotations, as pure functions: each returns a new
 * `ArticleAnnotations` (or a message saying why it cannot), leaving the old one as it was, so that the
 * caller can compare, undo or write it.
 */

/** Who acts and when: ids and times come from the caller, which keeps these functions deterministic. */
export interface Actor {
  readonly creator?: string;
  /** ISO 8601 time. */
  readonly now: string;
}

/** A result, or a message for the person. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const no = <T>(message: string): Outcome<T> => ({ ok: false, message });

/** Why a body cannot be stored, or `undefined` when it can. */
export function bodyProblem(body: AnnotationBody): string | undefined {
  switch (body.kind) {
    case 'label':
    case 'confirm':
      return isValidLabel(body.label) ? undefined : `"${body.label}" is not a label: one word of letters, digits, _ . -`;
    case 'identity':
      if (body.canonicalName.trim() === '') return 'a canonical name is needed';
      return body.externalId === undefined || isValidExternalId(body.externalId) ? undefined : `"${body.externalId}" is neither a Wikidata id (Q42) nor an IRI`;
    case 'note':
      return body.text.trim() === '' ? 'a note needs some text' : undefined;
    default:
      return undefined;
  }
}

/**
 * A new annotation on `ranges` of `text` (one range, or the fragments of a discontinuous one). Ranges
 * must be inside the text and not empty.
 */
export function createAnnotation(text: string, ranges: readonly OffsetRange[], body: AnnotationBody, id: string, actor: Actor): Outcome<Annotation> {
  if (ranges.length === 0) return no('nothing selected');
  for (const r of ranges) {
    if (!(r.start >= 0 && r.end <= text.length && r.start < r.end)) return no(`the range ${r.start}–${r.end} is empty or outside the text`);
  }
  const problem = bodyProblem(body);
  if (problem) return no(problem);
  return ok({
    id,
    ...(actor.creator !== undefined ? { creator: actor.creator } : {}),
    created: actor.now,
    modified: actor.now,
    target: ranges.map((r) => spanAt(text, r)),
    body,
    status: 'anchored',
  });
}

/** The article with `annotation` added (its id must be new). */
export function addAnnotation(article: ArticleAnnotations, annotation: Annotation): Outcome<ArticleAnnotations> {
  if (article.annotations.some((a) => a.id === annotation.id)) return no(`an annotation ${annotation.id} exists already`);
  return ok({ ...article, annotations: [...article.annotations, annotation] });
}

/** The article without annotation `id`. */
export function removeAnnotation(article: ArticleAnnotations, id: string): Outcome<ArticleAnnotations> {
  if (!article.annotations.some((a) => a.id === id)) return no(`no annotation ${id} in this article`);
  return ok({ ...article, annotations: article.annotations.filter((a) => a.id !== id) });
}

/** The article with annotation `id`'s body replaced (its place stays). */
export function replaceBody(article: ArticleAnnotations, id: string, body: AnnotationBody, actor: Actor): Outcome<ArticleAnnotations> {
  const problem = bodyProblem(body);
  if (problem) return no(problem);
  return update(article, id, (a) => ok({ ...a, body, modified: actor.now }));
}

function update(article: ArticleAnnotations, id: string, change: (a: Annotation) => Outcome<Annotation>): Outcome<ArticleAnnotations> {
  const index = article.annotations.findIndex((a) => a.id === id);
  if (index < 0) return no(`no annotation ${id} in this article`);
  const changed = change(article.annotations[index]);
  if (!changed.ok) return changed;
  const annotations = [...article.annotations];
  annotations[index] = changed.value;
  return ok({ ...article, annotations });
}

function updateNote(article: ArticleAnnotations, id: string, change: (a: Annotation & { body: { kind: 'note' } }) => Outcome<Annotation>): Outcome<ArticleAnnotations> {
  return update(article, id, (a) => (a.body.kind === 'note' ? change(a as Annotation & { body: { kind: 'note' } }) : no(`annotation ${id} is not a note`)));
}

/** The note's text changed (VS Code Comments: edit). */
export function editNote(article: ArticleAnnotations, id: string, text: string, actor: Actor): Outcome<ArticleAnnotations> {
  if (text.trim() === '') return no('a note needs some text');
  return updateNote(article, id, (a) => ok({ ...a, modified: actor.now, body: { ...a.body, text } }));
}

/** The note resolved or reopened. */
export function setNoteResolved(article: ArticleAnnotations, id: string, resolved: boolean, actor: Actor): Outcome<ArticleAnnotations> {
  return updateNote(article, id, (a) => ok({ ...a, modified: actor.now, body: { ...a.body, resolved } }));
}

/** A reply added to the note's thread. */
export function addReply(article: ArticleAnnotations, noteId: string, replyId: string, text: string, actor: Actor): Outcome<ArticleAnnotations> {
  if (text.trim() === '') return no('a reply needs some text');
  const reply: NoteReply = { id: replyId, ...(actor.creator !== undefined ? { creator: actor.creator } : {}), created: actor.now, modified: actor.now, text };
  return updateNote(article, noteId, (a) => ok({ ...a, modified: actor.now, body: { ...a.body, replies: [...a.body.replies, reply] } }));
}

/** A reply's text changed, or (`text` undefined) the reply deleted. */
export function changeReply(article: ArticleAnnotations, noteId: string, replyId: string, text: string | undefined, actor: Actor): Outcome<ArticleAnnotations> {
  if (text !== undefined && text.trim() === '') return no('a reply needs some text');
  return updateNote(article, noteId, (a) => {
    if (!a.body.replies.some((r) => r.id === replyId)) return no(`no reply ${replyId} in note ${noteId}`);
    const replies = text === undefined ? a.body.replies.filter((r) => r.id !== replyId) : a.body.replies.map((r) => (r.id === replyId ? { ...r, text, modified: actor.now } : r));
    return ok({ ...a, modified: actor.now, body: { ...a.body, replies } });
  });
}

/** The article's review state set. */
export function setReviewState(article: ArticleAnnotations, reviewState: ReviewState): ArticleAnnotations {
  return article.reviewState === reviewState ? article : { ...article, reviewState };
}

/** The text an annotation's target covers, fragments joined by a space (its quote: an orphan's last text). */
export function annotationText(annotation: Annotation): string {
  return placeText(annotation.target);
}
