import { localSpans, type Annotation } from './model';
import { reanchor } from './reanchor';
import { textDigest } from './w3c';

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
  /** Of those placed, how many where the store has them (offsets, quote and context as written). */
  readonly unchanged: number;
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
  if (total === 0) return { total, placed: 0, unchanged: 0 };
  const needed = Math.ceil(total * STORE_FIT_SHARE);
  let present = 0;
  for (const annotation of spanned) if (localSpans(annotation).every((span) => span.exact.length > 0 && text.includes(span.exact))) present++;
  if (present < needed) return { total, placed: present, unchanged: 0 };
  const { annotations: placed, outcomes } = reanchor(spanned, text);
  return { total, placed: placed.filter((a) => a.status === 'anchored').length, unchanged: [...outcomes.values()].filter((o) => o === 'unchanged').length };
}

/**
 * How a store that places nothing fits `text`: by the digest of its article's text it keeps (`w3c.ts`
 * {@link textDigest}), the same text or not — one "annotation", placed exactly where it was or not at all.
 */
export function digestFit(digest: string, text: string): StoreFit {
  return digest === textDigest(text) ? { total: 1, placed: 1, unchanged: 1 } : { total: 1, placed: 0, unchanged: 0 };
}

/**
 * Which stray store goes to which article, decided for all of them at once. A store whose article is
 * gone may fit more than one article (copies), and one article may be fitted by more than one store
 * (twin articles: one story filed twice, one deleted and the other renamed in a single batch); matched
 * one by one, whichever store came first took the renamed article, and with it perhaps the deleted
 * twin's notes. An article is led by the store(s) that fit it best ({@link compareFits}: more of their
 * annotations placed, then more of them exactly where the store has them). A store gets an article when
 * it alone leads it and leads no other; taking that pair out can settle others (twins both renamed:
 * each store leads its own text), so this repeats until nothing changes. Nothing is guessed: a store
 * leading several articles (copies of one text: an old copy is as good as the renamed one, and better
 * than one edited since) is `several`; one whose one article is led as well by other stores is
 * `contested`, with them; one that leads nothing (every article it fits went to, or is fitted better
 * by, another store) is `none`: its article is gone, and it may fit another tier's.
 */
export function assignStores<S, A>(candidates: ReadonlyArray<{ readonly store: S; readonly article: A; readonly fit: StoreFit }>): Map<S, StoreAssignment<S, A>> {
  const fitting = candidates.filter((c) => fits(c.fit));
  const assigned = new Map<S, A>();
  const taken = new Set<A>();
  /** For each article still free, the stores still unassigned that fit it best (one: it claims it). */
  const leaders = (): Map<A, S[]> => {
    const best = new Map<A, Array<(typeof fitting)[number]>>();
    for (const c of fitting) {
      if (assigned.has(c.store) || taken.has(c.article)) continue;
      const top = best.get(c.article);
      const order = top === undefined ? 1 : compareFits(c.fit, top[0].fit);
      if (order > 0) best.set(c.article, [c]);
      else if (order === 0) top!.push(c);
    }
    return new Map([...best].map(([article, top]) => [article, top.map((c) => c.store)]));
  };
  /** The free articles a store fits that no other store fits better. */
  const leading = (store: S, lead: Map<A, S[]>): A[] => [...lead].filter(([, stores]) => stores.includes(store)).map(([article]) => article);
  const stores = [...new Set(fitting.map((c) => c.store))];
  for (;;) {
    const lead = leaders();
    const pairs: Array<[S, A]> = [];
    for (const store of stores) {
      if (assigned.has(store)) continue;
      const mine = leading(store, lead);
      if (mine.length === 1 && lead.get(mine[0])!.length === 1) pairs.push([store, mine[0]]);
    }
    if (pairs.length === 0) break;
    for (const [store, article] of pairs) {
      assigned.set(store, article);
      taken.add(article);
    }
  }
  const lead = leaders();
  const result = new Map<S, StoreAssignment<S, A>>();
  for (const store of new Set(candidates.map((c) => c.store))) {
    const article = assigned.get(store);
    const mine = leading(store, lead);
    if (article !== undefined) result.set(store, { kind: 'one', article });
    else if (mine.length > 1) result.set(store, { kind: 'several', articles: mine });
    else if (mine.length === 1) result.set(store, { kind: 'contested', article: mine[0], rivals: lead.get(mine[0])!.filter((s) => s !== store) });
    else result.set(store, { kind: 'none' });
  }
  return result;
}

/** Where {@link assignStores} puts one store. */
export type StoreAssignment<S, A> =
  | { readonly kind: 'one'; readonly article: A }
  | { readonly kind: 'several'; readonly articles: A[] }
  | { readonly kind: 'contested'; readonly article: A; readonly rivals: S[] }
  | { readonly kind: 'none' };

/**
 * Which of two stores fits one article better (> 0: `a`): the larger share of its annotations placed,
 * then the larger share placed exactly where the store has them (a store written on this very text has
 * every place as written; its twin's places are off where the texts differ). Shares, not counts: the
 * stores hold different numbers of annotations.
 */
export function compareFits(a: StoreFit, b: StoreFit): number {
  return Math.sign(a.placed * b.total - b.placed * a.total) || Math.sign(a.unchanged * b.total - b.unchanged * a.total);
}
