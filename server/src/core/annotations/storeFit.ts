import { localSpans, type Annotation } from './model';
import { reanchor } from './reanchor';

/**
 * Whether a store file whose article is gone belongs to another article: an article renamed or moved
 * outside the editor (`mv`, `git mv`, a file manager) leaves its store under the old name, and the only
 * trace of the pairing is the text. A store fits a text when its annotations re-anchor there, each with its
 * quote and both sides of its stored context (re-anchoring's own test, strict enough that a different
 * article mentioning the same names does not pass it: a place needs 85 % of 32 characters each side).
 */

/** How a store's annotations fit one article's text. */
export interface StoreFit {
  /** Annotations with at least one span (the ones that can say anything). */
  readonly total: number;
  /** Of those, how many re-anchor in the text. */
  readonly placed: number;
}

/**
 * The share of a store's annotations that must re-anchor in a text for the store to be taken for its
 * article: most of them (an article renamed and edited a little still fits), never a few.
 */
export const STORE_FIT_SHARE = 0.6;

/** True when `fit` says the store belongs to the text. */
export function fits(fit: StoreFit): boolean {
  return fit.total > 0 && fit.placed >= Math.max(1, Math.ceil(fit.total * STORE_FIT_SHARE));
}

/**
 * How the annotations of a store fit `text`. A text in which too few of the quotes occur at all is
 * turned down without re-anchoring (a workspace's other articles are tried: most share no quote).
 */
export function storeFit(annotations: readonly Annotation[], text: string): StoreFit {
  const spanned = annotations.filter((a) => localSpans(a).length > 0);
  const total = spanned.length;
  if (total === 0) return { total, placed: 0 };
  const needed = Math.ceil(total * STORE_FIT_SHARE);
  let present = 0;
  for (const annotation of spanned) if (localSpans(annotation).every((span) => span.exact.length > 0 && text.includes(span.exact))) present++;
  if (present < needed) return { total, placed: present };
  const placed = reanchor(spanned, text).annotations.filter((a) => a.status === 'anchored').length;
  return { total, placed };
}

/**
 * Of candidate articles (each with its {@link StoreFit}), the one a store belongs to: the only one that
 * fits. Several that fit (copies of one article) are ambiguous: nothing is moved.
 */
export function articleForStore<T>(candidates: ReadonlyArray<{ readonly article: T; readonly fit: StoreFit }>): { readonly kind: 'one'; readonly article: T } | { readonly kind: 'none' } | { readonly kind: 'several'; readonly articles: T[] } {
  const fitting = candidates.filter((c) => fits(c.fit));
  if (fitting.length === 1) return { kind: 'one', article: fitting[0].article };
  if (fitting.length === 0) return { kind: 'none' };
  return { kind: 'several', articles: fitting.map((c) => c.article) };
}
