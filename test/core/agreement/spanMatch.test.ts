import * as assert from 'assert';
import { exactMatches } from '../../../server/src/core/agreement/exactMatch';
import { f1Of, precisionOf, recallOf } from '../../../server/src/core/agreement/matchCounts';
import { overlapMatches } from '../../../server/src/core/agreement/overlapMatch';
import type { LabeledPlace } from '../../../server/src/core/agreement/spanSets';

/** A place of one or more [start, end) fragments. */
function at(label: string, ...fragments: [number, number][]): LabeledPlace {
  return { label, fragments: fragments.map(([start, end]) => ({ start, end })) };
}

const close = (actual: number | null, expected: number): void => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

describe('agreement: pairwise F1 with exact and with overlapping spans', () => {
  it('counts exact and overlapping matches of one attribution (A as the reference)', () => {
    // "Ted Cruz refuses to disavow Lindsey Graham Endorsement …"
    const a = [at('Source', [0, 8]), at('Cue', [9, 27]), at('Content', [28, 54])];
    const b = [at('Source', [0, 8]), at('Cue', [9, 18]), at('Content', [28, 54]), at('Content', [60, 70])];
    // Exact: Source and Content match, B's shorter Cue does not, B's second Content has no partner.
    //   matched 2, |A| 3, |B| 4: precision 2/4 = 0.5, recall 2/3, F1 = 2·2/(3+4) = 4/7.
    const exact = exactMatches(a, b);
    assert.deepStrictEqual(exact, { a: 3, b: 4, matched: 2 });
    close(precisionOf(exact), 0.5);
    close(recallOf(exact), 2 / 3);
    close(f1Of(exact), 4 / 7);
    // Overlap: the Cues [9,27) and [9,18) share "Refuses t": matched 3, F1 = 2·3/7 = 6/7.
    const overlap = overlapMatches(a, b);
    assert.deepStrictEqual(overlap, { a: 3, b: 4, matched: 3 });
    close(f1Of(overlap), 6 / 7);
  });

  it('never matches places of different labels', () => {
    // Same characters, Source against Cue: 0 matched, F1 = 0/(1+1) = 0.
    assert.deepStrictEqual(exactMatches([at('Source', [0, 8])], [at('Cue', [0, 8])]), { a: 1, b: 1, matched: 0 });
    assert.strictEqual(f1Of(overlapMatches([at('Source', [0, 8])], [at('Cue', [0, 8])])), 0);
  });

  it('matches overlapping spans one to one: one long span over three short ones is one pair', () => {
    // A: Content [0,30); B: [0,10) [12,20) [22,30), each overlapping A's. One pair: F1 = 2·1/(1+3) = 0.5.
    const overlap = overlapMatches([at('Content', [0, 30])], [at('Content', [0, 10]), at('Content', [12, 20]), at('Content', [22, 30])]);
    assert.deepStrictEqual(overlap, { a: 1, b: 3, matched: 1 });
    close(f1Of(overlap), 0.5);
  });

  it('finds the largest one-to-one pairing, not the first one found', () => {
    // A: x [0,10), y [8,12); B: p [9,11) overlaps x and y, q [0,5) overlaps x only.
    // Taking x–p first would leave y alone; the maximum is x–q and y–p: matched 2, F1 = 4/4 = 1.
    const a = [at('Source', [0, 10]), at('Source', [8, 12])];
    const b = [at('Source', [9, 11]), at('Source', [0, 5])];
    assert.deepStrictEqual(overlapMatches(a, b), { a: 2, b: 2, matched: 2 });
  });

  it('compares nested places label by label', () => {
    // A: Content [0,50) with a Source [10,15) inside it; B: the same Content, Source [10,16).
    // Exact: Content only → F1 = 2·1/(2+2) = 0.5. Overlap: Content–Content and Source–Source → 1.
    const a = [at('Content', [0, 50]), at('Source', [10, 15])];
    const b = [at('Content', [0, 50]), at('Source', [10, 16])];
    close(f1Of(exactMatches(a, b)), 0.5);
    close(f1Of(overlapMatches(a, b)), 1);
  });

  it('gives F1 = 0 for disjoint spans and when one side is empty, and no F1 when both are', () => {
    // Disjoint: [0,5) against [10,15): 0 matched of 1 + 1 → 0.
    assert.strictEqual(f1Of(overlapMatches([at('Source', [0, 5])], [at('Source', [10, 15])])), 0);
    // B marked nothing: 2·0/(2+0) = 0; precision 0/0 undefined, recall 0/2 = 0.
    const oneSided = exactMatches([at('Source', [0, 5]), at('Cue', [6, 9])], []);
    assert.strictEqual(f1Of(oneSided), 0);
    assert.strictEqual(precisionOf(oneSided), null);
    assert.strictEqual(recallOf(oneSided), 0);
    // Nobody marked anything: 0/0, undefined rather than a perfect 1.
    assert.strictEqual(f1Of(exactMatches([], [])), null);
    assert.strictEqual(f1Of(overlapMatches([], [])), null);
  });

  it('matches a discontinuous place exactly only with the same fragments, by overlap through any fragment', () => {
    // A: Source "Ted … Cruz" [0,3)+[7,11); B: Source [7,11) only. Exact 0, overlap 1.
    const a = [at('Source', [0, 3], [7, 11])];
    const b = [at('Source', [7, 11])];
    assert.strictEqual(exactMatches(a, b).matched, 0);
    assert.strictEqual(overlapMatches(a, b).matched, 1);
    assert.strictEqual(exactMatches(a, [at('Source', [0, 3], [7, 11])]).matched, 1);
  });

  it('counts a place repeated on one side once', () => {
    // Two events sharing one Source give the same place twice: |A| = 1, matched 1, F1 = 1.
    assert.deepStrictEqual(exactMatches([at('Source', [0, 8]), at('Source', [0, 8])], [at('Source', [0, 8])]), { a: 1, b: 1, matched: 1 });
    assert.deepStrictEqual(overlapMatches([at('Source', [0, 8]), at('Source', [0, 8])], [at('Source', [0, 8])]), { a: 1, b: 1, matched: 1 });
  });
});
