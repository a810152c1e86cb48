/**
 * Cohen's κ (Cohen 1960, "A coefficient of agreement for nominal scales", Educational and Psychological
 * Measurement 20(1): 37–46) over items that both annotators categorised:
 *   κ = (p_o − p_e) / (1 − p_e),
 * p_o the share of items on which they agree, p_e = Σ_k p_A(k)·p_B(k) the agreement expected if each
 * chose categories at random with their own frequencies. Kept as counts (agreeing items, each annotator's
 * category totals), so the counts of many articles add up before κ is taken (pooled, not an average of per-article κ).
 */
export class KappaTable {
  private readonly ofA = new Map<string, number>();
  private readonly ofB = new Map<string, number>();
  private agreeing = 0;
  private total = 0;

  /** Counts `count` items that A put in `categoryA` and B in `categoryB`. */
  add(categoryA: string, categoryB: string, count = 1): void {
    if (count <= 0) return;
    this.total += count;
    if (categoryA === categoryB) this.agreeing += count;
    this.ofA.set(categoryA, (this.ofA.get(categoryA) ?? 0) + count);
    this.ofB.set(categoryB, (this.ofB.get(categoryB) ?? 0) + count);
  }

  /** Items counted. */
  get items(): number {
    return this.total;
  }

  /** Observed agreement p_o; `null` without items. */
  observed(): number | null {
    return this.total === 0 ? null : this.agreeing / this.total;
  }

  /** Chance agreement p_e; `null` without items. */
  expected(): number | null {
    if (this.total === 0) return null;
    let sum = 0;
    for (const [category, countA] of this.ofA) sum += countA * (this.ofB.get(category) ?? 0);
    return sum / (this.total * this.total);
  }

  /**
   * κ, or `null` when it is undefined: no items, or p_e = 1 (both annotators used one and the same
   * category for every item, so there is no variation to agree on: 0/0).
   */
  kappa(): number | null {
    const po = this.observed();
    const pe = this.expected();
    if (po === null || pe === null || pe >= 1) return null;
    return (po - pe) / (1 - pe);
  }
}
