import { lowerBound } from '../search';
import type { OffsetRange } from '../types';

/**
 * Krippendorff's unitizing α (αU), the reliability of marking stretches of a continuum with categories.
 *
 * Definition followed: K. Krippendorff, "On the reliability of unitizing continuous data", Sociological
 * Methodology 25 (1995): 47–76, in the corrected form of K. Krippendorff, Content Analysis: An Introduction
 * to Its Methodology, 2nd ed. (Sage, 2004), §11.6 (the worked example on p. 254 is a test), also given in
 * "Measuring the reliability of qualitative text analysis data", Quality & Quantity 38 (2004): 787–800.
 *
 * m coders each cut a continuum of length L into sections for a category c: units (w = 1) and the gaps
 * between them (w = 0). Section g of coder i begins at b_ig and is l_ig long. Two sections of different
 * coders differ by
 *   δ²(ig, jh) = (b_ig − b_jh)² + (b_ig + l_ig − b_jh − l_jh)²  both units, overlapping (−l_ig < b_ig − b_jh < l_jh)
 *              = l_ig²                                          unit ig lies inside gap jh (l_jh − l_ig ≥ b_ig − b_jh ≥ 0)
 *              = l_jh²                                          unit jh lies inside gap ig
 *              = 0                                              otherwise (two gaps, disjoint sections, …)
 * Observed disagreement:  D_o,c = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(ig, jh) / (m(m − 1)L²).
 * Expected disagreement, over every way the same units could lie on the continuum, N_c units in all:
 *   D_e,c = (2/L) · Σ_i Σ_g w_ig [ (N_c − 1)(2l³ − 3l² + l)/3 + l² Σ_j Σ_h (1 − w_jh)(l_jh − l + 1)[l_jh ≥ l] ]
 *           / ( mL(mL − 1) − Σ_i Σ_g w_ig l(l − 1) ),   with l = l_ig
 * (the first term: unit ig against every overlapping placement of each other unit; the second: against
 * every place it fits in a gap of any coder, itself included).
 * αU,c = 1 − D_o,c / D_e,c, and over all categories αU = 1 − Σ_c D_o,c / Σ_c D_e,c.
 *
 * Our additions, where the definition presumes what our data do not guarantee:
 * - Several continua (articles) are one continuum of their total length, but a section never crosses an
 *   article's end: a gap stops at the end of its article, so chance places a unit only where a unit
 *   could be (inside one article). Within one article this is exactly the definition.
 * - The definition needs one coder's units of one category not to overlap (they and the gaps partition
 *   the continuum). Nested places of one label (Content inside Content, PolNeAR's nested attributions)
 *   are merged into their union first; units of different categories may overlap freely, as in the
 *   definition.
 * No npm package implements αU (the one `krippendorff` package computes α for coded items only), hence
 * this file; DKPro Statistics (Java) implements the same definition and reproduces the same p. 254 figures.
 */

/** A coder's stretch of a continuum marked with a category (offsets within the continuum). */
export interface CategorizedUnit extends OffsetRange {
  readonly category: string;
}

/** One continuum (an article): its length and, per coder, the units that coder marked in it. */
export interface Continuum {
  readonly length: number;
  /** One list per coder, the same coders in the same order for every continuum. */
  readonly units: readonly (readonly CategorizedUnit[])[];
}

/** Disagreements and α of one category. */
export interface CategoryAlpha {
  readonly observed: number;
  readonly expected: number;
  /** `null` when undefined: no coder marked a unit of the category (D_e = 0). */
  readonly alpha: number | null;
}

/** αU over all categories and per category (categories in code-unit order). */
export interface UnitizedAlpha {
  readonly alpha: number | null;
  readonly categories: ReadonlyMap<string, CategoryAlpha>;
}

/** A section of one coder's partition of a continuum for one category. */
interface Section {
  readonly begin: number;
  readonly length: number;
  readonly isUnit: boolean;
}

/**
 * αU of m ≥ 2 coders over one or more continua. Units are clamped to their continuum; empty ones are
 * left out. Throws when the continua do not all have the same number of coders (at least two).
 */
export function unitizedAlpha(continua: readonly Continuum[]): UnitizedAlpha {
  const coders = continua[0]?.units.length ?? 2;
  if (coders < 2 || continua.some((c) => c.units.length !== coders)) throw new Error('unitizedAlpha: every continuum needs the same coders, at least two');
  const totalLength = continua.reduce((sum, c) => sum + c.length, 0);
  const categories = new Set<string>();
  for (const continuum of continua) for (const units of continuum.units) for (const unit of units) categories.add(unit.category);
  const result = new Map<string, CategoryAlpha>();
  let observedSum = 0;
  let expectedSum = 0;
  for (const category of [...categories].sort()) {
    // partitions[k][i]: coder i's sections of continuum k, begins relative to the whole (concatenated) continuum.
    let offset = 0;
    const partitions = continua.map((continuum) => {
      const sections = continuum.units.map((units) => partition(units, category, continuum.length, offset));
      offset += continuum.length;
      return sections;
    });
    const observed = observedDisagreement(partitions, coders, totalLength);
    const expected = expectedDisagreement(partitions.flat(), coders, totalLength);
    result.set(category, { observed, expected, alpha: expected > 0 ? 1 - observed / expected : null });
    observedSum += observed;
    expectedSum += expected;
  }
  return { alpha: expectedSum > 0 ? 1 - observedSum / expectedSum : null, categories: result };
}

/**
 * One coder's sections of a continuum for one category: the units of the category (overlapping ones
 * merged), clamped to [0, length), and the gaps between them, in order; `offset` is added to every begin.
 */
function partition(units: readonly CategorizedUnit[], category: string, length: number, offset: number): Section[] {
  const ranges = units
    .filter((u) => u.category === category)
    .map((u) => ({ start: Math.max(0, u.start), end: Math.min(length, u.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start < last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  const sections: Section[] = [];
  let position = 0;
  for (const unit of merged) {
    if (unit.start > position) sections.push({ begin: offset + position, length: unit.start - position, isUnit: false });
    sections.push({ begin: offset + unit.start, length: unit.end - unit.start, isUnit: true });
    position = unit.end;
  }
  if (length > position) sections.push({ begin: offset + position, length: length - position, isUnit: false });
  return sections;
}

/** δ²(g, h) of the definition, for sections of two different coders. */
function sectionDifference(g: Section, h: Section): number {
  const beginDifference = g.begin - h.begin;
  if (g.isUnit && h.isUnit) {
    if (-g.length < beginDifference && beginDifference < h.length) {
      const endDifference = g.begin + g.length - (h.begin + h.length);
      return beginDifference * beginDifference + endDifference * endDifference;
    }
    return 0;
  }
  if (g.isUnit && !h.isUnit) return beginDifference >= 0 && h.length - g.length >= beginDifference ? g.length * g.length : 0;
  if (!g.isUnit && h.isUnit) return -beginDifference >= 0 && g.length - h.length >= -beginDifference ? h.length * h.length : 0;
  return 0;
}

/**
 * D_o: Σ over ordered pairs of coders of δ² over their sections, / (m(m − 1)L²). Two sections that share no
 * position have δ² = 0 (neither overlapping units nor a unit inside a gap), so each pair of coders is one
 * sweep over the two partitions, pairing only sections that intersect. δ² is symmetric: each unordered
 * pair of coders counts twice.
 */
function observedDisagreement(partitions: readonly (readonly Section[][])[], coders: number, totalLength: number): number {
  if (totalLength === 0) return 0;
  let sum = 0;
  for (const continuum of partitions) {
    for (let i = 0; i < coders; i++) {
      for (let j = i + 1; j < coders; j++) {
        const [x, y] = [continuum[i], continuum[j]];
        let p = 0;
        let q = 0;
        while (p < x.length && q < y.length) {
          sum += 2 * sectionDifference(x[p], y[q]);
          const endX = x[p].begin + x[p].length;
          const endY = y[q].begin + y[q].length;
          if (endX <= endY) p++;
          if (endY <= endX) q++;
        }
      }
    }
  }
  return sum / (coders * (coders - 1) * totalLength * totalLength);
}

/**
 * D_e as defined above. The sum over gaps at least as long as a unit, Σ (l_gap − l + 1), is read from the
 * gap lengths sorted with suffix sums, so the whole is O(sections · log sections).
 */
function expectedDisagreement(partitions: readonly (readonly Section[])[], coders: number, totalLength: number): number {
  const unitLengths: number[] = [];
  const gapLengths: number[] = [];
  for (const sections of partitions) for (const s of sections) (s.isUnit ? unitLengths : gapLengths).push(s.length);
  if (unitLengths.length === 0 || totalLength === 0) return 0;
  gapLengths.sort((a, b) => a - b);
  // suffix[k] = Σ gapLengths[k..]
  const suffix = new Float64Array(gapLengths.length + 1);
  for (let k = gapLengths.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1] + gapLengths[k];
  const n = unitLengths.length;
  let numerator = 0;
  let withinUnits = 0;
  for (const l of unitLengths) {
    const firstFitting = lowerBound(gapLengths.length, (k) => gapLengths[k] >= l);
    const fitting = gapLengths.length - firstFitting;
    const placesInGaps = suffix[firstFitting] - fitting * (l - 1);
    numerator += ((n - 1) * (2 * l * l * l - 3 * l * l + l)) / 3 + l * l * placesInGaps;
    withinUnits += l * (l - 1);
  }
  const mL = coders * totalLength;
  const denominator = mL * (mL - 1) - withinUnits;
  return denominator > 0 ? ((2 / totalLength) * numerator) / denominator : 0;
}

