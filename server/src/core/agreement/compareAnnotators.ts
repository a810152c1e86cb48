import { tokenize } from '../tokenize';
import { KappaTable } from './cohensKappa';
import { exactMatches } from './exactMatch';
import { addCounts, f1Of, NO_MATCHES, type MatchCounts } from './matchCounts';
import { overlapMatches } from './overlapMatch';
import { byLabel, type LabeledPlace } from './spanSets';
import { OUTSIDE, tokenCategory, tokenLabels } from './tokenLabels';
import { unitizedAlpha, type CategorizedUnit } from './unitizedAlpha';

/**
 * Agreement between two annotators A and B over the articles both annotated: pairwise F1 (A as the
 * reference) with exact and with overlapping spans, Cohen's κ over tokens, Krippendorff's αU; per label,
 * overall, and F1 per article. Counts are pooled over the articles (micro-averages), not averaged per
 * article, so a long article weighs more than a short one.
 */

/** One article as both annotators marked it. */
export interface AnnotatedPair {
  /** The article's name (its path relative to the folders compared). */
  readonly document: string;
  readonly text: string;
  readonly a: readonly LabeledPlace[];
  readonly b: readonly LabeledPlace[];
}

/** The measures of one label. `null` where a measure is undefined (0/0: nothing to agree on). */
export interface LabelAgreement {
  /** Places of the label in A and in B. */
  readonly spansA: number;
  readonly spansB: number;
  readonly f1Exact: number | null;
  readonly f1Overlap: number | null;
  /** κ over tokens, the label against everything else (`O`). */
  readonly kappa: number | null;
  /** αU of the label (its own category of Krippendorff's definition). */
  readonly alphaU: number | null;
}

/** The measures over all labels: F1 micro-averaged, κ over each token's label set, αU over all categories. */
export type OverallAgreement = LabelAgreement;

/** F1 of one article over all its labels. */
export interface DocumentAgreement {
  readonly document: string;
  readonly spansA: number;
  readonly spansB: number;
  readonly f1Exact: number | null;
  readonly f1Overlap: number | null;
}

/** The whole comparison. */
export interface AgreementReport {
  /** Per label, in code-unit order. */
  readonly labels: Readonly<Record<string, LabelAgreement>>;
  readonly overall: OverallAgreement;
  /** Per article, in the order given. */
  readonly documents: readonly DocumentAgreement[];
  /** Tokens over which κ was taken. */
  readonly tokens: number;
}

/** Compares A's and B's places in every article. */
export function compareAnnotators(pairs: readonly AnnotatedPair[]): AgreementReport {
  const labels = [...new Set(pairs.flatMap((p) => [...p.a, ...p.b].map((place) => place.label)))].sort();
  const exact = new Map(labels.map((l) => [l, NO_MATCHES]));
  const overlap = new Map(labels.map((l) => [l, NO_MATCHES]));
  const kappaOf = new Map(labels.map((l) => [l, new KappaTable()]));
  const overallKappa = new KappaTable();
  const documents: DocumentAgreement[] = [];
  for (const pair of pairs) {
    const groupsA = byLabel(pair.a);
    const groupsB = byLabel(pair.b);
    let documentExact: MatchCounts = NO_MATCHES;
    let documentOverlap: MatchCounts = NO_MATCHES;
    for (const label of labels) {
      const placesA = groupsA.get(label) ?? [];
      const placesB = groupsB.get(label) ?? [];
      const e = exactMatches(placesA, placesB);
      const o = overlapMatches(placesA, placesB);
      exact.set(label, addCounts(exact.get(label)!, e));
      overlap.set(label, addCounts(overlap.get(label)!, o));
      documentExact = addCounts(documentExact, e);
      documentOverlap = addCounts(documentOverlap, o);
    }
    documents.push({ document: pair.document, spansA: documentExact.a, spansB: documentExact.b, f1Exact: f1Of(documentExact), f1Overlap: f1Of(documentOverlap) });
    countTokens(pair, labels, kappaOf, overallKappa);
  }
  const alpha = unitizedAlpha(pairs.map((p) => ({ length: p.text.length, units: [unitsOf(p.a), unitsOf(p.b)] })));
  const labelResults: Record<string, LabelAgreement> = {};
  for (const label of labels) {
    const e = exact.get(label)!;
    labelResults[label] = { spansA: e.a, spansB: e.b, f1Exact: f1Of(e), f1Overlap: f1Of(overlap.get(label)!), kappa: kappaOf.get(label)!.kappa(), alphaU: alpha.categories.get(label)?.alpha ?? null };
  }
  const allExact = [...exact.values()].reduce(addCounts, NO_MATCHES);
  const allOverlap = [...overlap.values()].reduce(addCounts, NO_MATCHES);
  return {
    labels: labelResults,
    overall: { spansA: allExact.a, spansB: allExact.b, f1Exact: f1Of(allExact), f1Overlap: f1Of(allOverlap), kappa: overallKappa.kappa(), alphaU: alpha.alpha },
    documents,
    tokens: overallKappa.items,
  };
}

/** Adds each token of the article to the per-label tables (label or `O`) and to the overall one (label set). */
function countTokens(pair: AnnotatedPair, labels: readonly string[], kappaOf: ReadonlyMap<string, KappaTable>, overall: KappaTable): void {
  const tokens = tokenize(pair.text);
  const ofA = tokenLabels(pair.text, tokens, pair.a);
  const ofB = tokenLabels(pair.text, tokens, pair.b);
  for (let t = 0; t < tokens.length; t++) {
    overall.add(tokenCategory(ofA[t]), tokenCategory(ofB[t]));
    for (const label of labels) kappaOf.get(label)!.add(ofA[t].includes(label) ? label : OUTSIDE, ofB[t].includes(label) ? label : OUTSIDE);
  }
}

/** An annotator's places as αU units: each fragment is a unit of its label. */
function unitsOf(places: readonly LabeledPlace[]): CategorizedUnit[] {
  return places.flatMap((place) => place.fragments.map((f) => ({ start: f.start, end: f.end, category: place.label })));
}
