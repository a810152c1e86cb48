import * as assert from 'assert';
import { unitizedAlpha, type CategorizedUnit } from '../../../server/src/core/agreement/unitizedAlpha';

const close = (actual: number | null | undefined, expected: number, tolerance = 1e-9): void =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

function unit(start: number, end: number, category = 'c'): CategorizedUnit {
  return { start, end, category };
}

describe("agreement: Krippendorff's unitized α (αU)", () => {
  it('computes D_o, D_e and α of a small continuum by hand', () => {
    // L = 10, m = 2. A: unit [2,5); B: unit [3,5).
    // Sections  A: gap [0,2) l=2 | unit [2,5) l=3 | gap [5,10) l=5
    //           B: gap [0,3) l=3 | unit [3,5) l=2 | gap [5,10) l=5
    // δ²: the two units overlap: (2−3)² + (5−5)² = 1; no unit lies inside a gap of the other; gaps 0.
    // D_o = (1 + 1 for the pair in both orders) / (m(m−1)L²) = 2/200 = 0.01.
    // D_e: N = 2 units; gaps of both coders: 2, 5, 3, 5; mL = 20; Σ l(l−1) = 3·2 + 2·1 = 8.
    //   unit l=3: (N−1)(2·27 − 3·9 + 3)/3 = 30/3 = 10; gaps ≥ 3: 5, 3, 5 → (3 + 1 + 3)·9 = 63; → 73
    //   unit l=2: (2·8 − 3·4 + 2)/3 = 6/3 = 2;         gaps ≥ 2: 2, 5, 3, 5 → (1 + 4 + 2 + 4)·4 = 44; → 46
    //   D_e = (2/L)·(73 + 46)/(20·19 − 8) = 0.2·119/372 = 23.8/372 = 0.0639785…
    // α = 1 − 0.01/(23.8/372) = 1 − 3.72/23.8 = 0.8436974…
    const result = unitizedAlpha([{ length: 10, units: [[unit(2, 5)], [unit(3, 5)]] }]);
    const c = result.categories.get('c')!;
    close(c.observed, 0.01);
    close(c.expected, 23.8 / 372);
    close(c.alpha, 1 - 3.72 / 23.8);
    close(result.alpha, 1 - 3.72 / 23.8);
  });

  it("reproduces Krippendorff's (2004, p. 254) worked example", () => {
    // Content Analysis, 2nd ed., p. 254: a continuum from 150 to 450 (L = 300), two observers, categories
    // c and k (shifted here to start at 0). Published: D_o,c = 0.0144, D_e,c = 0.0532, α_c = 0.7286;
    // α_k = 1 (identical units); α over both = 0.8591.
    // By hand for c: δ² of i's (225,70) and j's (220,80) = 5² + 5² = 50; of i's (370,30) and j's (355,20)
    // = 15² + 25² = 850; j's (400,20) lies in i's gap [400,450): 20² = 400. D_o = 2·1300/(2·300²) = 0.014444.
    const shift = (b: number, l: number, category: string): CategorizedUnit => unit(b - 150, b - 150 + l, category);
    const i = [shift(225, 70, 'c'), shift(370, 30, 'c'), shift(180, 60, 'k'), shift(300, 50, 'k')];
    const j = [shift(220, 80, 'c'), shift(355, 20, 'c'), shift(400, 20, 'c'), shift(180, 60, 'k'), shift(300, 50, 'k')];
    const result = unitizedAlpha([{ length: 300, units: [i, j] }]);
    const c = result.categories.get('c')!;
    close(c.observed, 2600 / 180000);
    close(c.expected, 0.0532, 0.00005);
    close(c.alpha, 0.7286, 0.00005);
    assert.strictEqual(result.categories.get('k')!.observed, 0);
    close(result.categories.get('k')!.expected, 0.049, 0.00005);
    close(result.categories.get('k')!.alpha, 1);
    // The book takes α from the rounded figures, 1 − 0.0144/(0.0532 + 0.0490) = 0.8591; unrounded it is 0.8587.
    close(result.alpha, 0.8591, 0.0005);
    close(result.alpha, 1 - c.observed / (c.expected + result.categories.get('k')!.expected));
  });

  it('is 1 for identical unitizations and undefined without units', () => {
    const same = [unit(0, 4, 'Source'), unit(5, 9, 'Cue'), unit(10, 30, 'Content')];
    close(unitizedAlpha([{ length: 40, units: [same, same] }]).alpha, 1);
    const none = unitizedAlpha([{ length: 40, units: [[], []] }]);
    assert.strictEqual(none.alpha, null);
    assert.strictEqual(none.categories.size, 0);
  });

  it('is negative when one coder marks what the other does not', () => {
    // L = 10. A: unit [2,5); B: nothing (one gap [0,10)).
    // δ²: A's unit lies inside B's gap: 3² = 9. D_o = 2·9/200 = 0.09.
    // D_e: N = 1: first term 0; gaps 2, 5 (A) and 10 (B), those ≥ 3: (5−3+1) + (10−3+1) = 11 → 9·11 = 99;
    //   D_e = 0.2·99/(20·19 − 3·2) = 19.8/374. α = 1 − 0.09·374/19.8 = 1 − 1.7 = −0.7.
    close(unitizedAlpha([{ length: 10, units: [[unit(2, 5)], []] }]).alpha, -0.7);
  });

  it('is below 0 for disjoint units', () => {
    // L = 10. A: [0,2); B: [5,7).
    // A: unit [0,2) | gap [2,10);  B: gap [0,5) | unit [5,7) | gap [7,10).
    // δ²: A's unit in B's gap [0,5): 4; B's unit in A's gap [2,10): 4. D_o = 2·8/200 = 0.08.
    // D_e: N = 2, each l = 2: (1)(16 − 12 + 2)/3 = 2; gaps 8, 5, 3: (7 + 4 + 2)·4 = 52 → 54 per unit, 108;
    //   denominator 20·19 − 2 − 2 = 376. D_e = 0.2·108/376 = 21.6/376. α = 1 − 0.08·376/21.6 = −0.3925926…
    close(unitizedAlpha([{ length: 10, units: [[unit(0, 2)], [unit(5, 7)]] }]).alpha, 1 - (0.08 * 376) / 21.6);
  });

  it("merges one coder's nested units of one category, and lets categories overlap", () => {
    // A: c [0,6) and c [2,4) nested → one unit [0,6); B: c [0,6). Identical after merging: α = 1.
    close(unitizedAlpha([{ length: 10, units: [[unit(0, 6), unit(2, 4)], [unit(0, 6)]] }]).alpha, 1);
    // Content with a Source inside, the same for both coders: α = 1 for each category.
    const nested = [unit(0, 8, 'Content'), unit(2, 4, 'Source')];
    const result = unitizedAlpha([{ length: 10, units: [nested, nested] }]);
    close(result.categories.get('Content')!.alpha, 1);
    close(result.categories.get('Source')!.alpha, 1);
  });

  it('keeps each gap inside its article when several articles form the continuum', () => {
    // Article 1 (length 4): A and B both mark [0,2). Article 2 (length 6): A nothing, B [1,3).
    // L = 10; in the whole continuum B's second unit is [5,7).
    // D_o: article 1 identical, 0; B's [5,7) lies in A's gap [4,10): 2² = 4. D_o = 2·4/200 = 0.04.
    // D_e: units 2 (A), 2, 2 (B): N = 3. Gaps, cut at the article end: A: 2 ([2,4)), 6 ([4,10));
    //   B: 2 ([2,4)), 1 ([4,5)), 3 ([7,10)). Per unit (l = 2): (N−1)·6/3 = 4; gaps ≥ 2: 2, 6, 2, 3 →
    //   (1 + 5 + 1 + 2)·4 = 36; → 40, for three units 120. Denominator 20·19 − 3·2 = 374.
    //   D_e = 0.2·120/374 = 24/374. α = 1 − 0.04·374/24 = 0.3766667…
    // (Gaps joined across the article end — A: 8; B: 2, 3, 3 — would give another value.)
    const result = unitizedAlpha([
      { length: 4, units: [[unit(0, 2)], [unit(0, 2)]] },
      { length: 6, units: [[], [unit(1, 3)]] },
    ]);
    close(result.alpha, 1 - (0.04 * 374) / 24);
  });

  it('refuses continua with different numbers of coders', () => {
    assert.throws(() => unitizedAlpha([{ length: 5, units: [[]] }]));
    assert.throws(() => unitizedAlpha([{ length: 5, units: [[], []] }, { length: 5, units: [[], [], []] }]));
  });
});
