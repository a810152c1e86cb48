import * as assert from 'assert';
import { KappaTable } from '../../../server/src/core/agreement/cohensKappa';

const close = (actual: number | null, expected: number): void => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

function table(a: string, b: string): KappaTable {
  const t = new KappaTable();
  for (let i = 0; i < a.length; i++) t.add(a[i], b[i]);
  return t;
}

describe("agreement: Cohen's κ", () => {
  it('is (p_o − p_e)/(1 − p_e) on a hand-counted table', () => {
    // A: L L L O O O O O O O
    // B: L L O L O O O O O O
    // Agreeing: items 1, 2 and 5–10 = 8 of 10 → p_o = 0.8.
    // p_A(L) = p_B(L) = 3/10, p_A(O) = p_B(O) = 7/10 → p_e = 0.09 + 0.49 = 0.58.
    // κ = (0.8 − 0.58)/(1 − 0.58) = 0.22/0.42 = 0.5238095…
    const t = table('LLLOOOOOOO', 'LLOLOOOOOO');
    close(t.observed(), 0.8);
    close(t.expected(), 0.58);
    close(t.kappa(), 0.22 / 0.42);
  });

  it("reproduces Krippendorff's (1995) example A, digitised (κ = 0.385)", () => {
    // Bertha: 0 0|1 1 1 1 1 1 1 1|0 0 0 0|1 1 1 1 1 1|0 0 0 0
    // Bill:   0 0 0 0|1 1 1 1|0 0 0 0 0 0 0|1 1|0 0 0 0 0 0 0
    // Pairs: (0,0) 10, (1,0) 8, (1,1) 6 → p_o = 16/24. Bertha 14 ones, 10 zeros; Bill 6 ones, 18 zeros:
    // p_e = (14·6 + 10·18)/24² = 264/576. κ = (16/24 − 264/576)/(1 − 264/576) = 120/312 = 0.3846…
    const t = table('001111111100001111110000', '000011110000000110000000');
    close(t.kappa(), 120 / 312);
  });

  it('is 1 for identical categories and undefined when there is no variation', () => {
    close(table('LLOOC', 'LLOOC').kappa(), 1);
    // Both put every item in one category: p_e = 1, κ = 0/0.
    assert.strictEqual(table('OOOO', 'OOOO').kappa(), null);
    assert.strictEqual(new KappaTable().kappa(), null);
  });

  it('is 0 for agreement at chance level and negative below it', () => {
    // A: L L O O; B: L O L O → p_o = 2/4, p_e = (2·2 + 2·2)/16 = 0.5 → κ = 0.
    close(table('LLOO', 'LOLO').kappa(), 0);
    // A: L O; B: O L → p_o = 0, p_e = 0.5 → κ = −1.
    close(table('LO', 'OL').kappa(), -1);
  });
});
