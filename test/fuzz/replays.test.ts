import fc from 'fast-check';
import { newService } from '../helpers/resources';
import { documentWithRepeats, POLNEAR_COUNT, POLNEAR_NOTE } from './corpus';
import { checkDocument } from './invariants';

/**
 * Counterexamples of the fuzz tests' documents with repeats, replayed by their seed and case (fast-check's
 * `path`): each failed once, and every check of `checkDocument` holds for it now. They are built from the
 * seeds and PolNeAR train texts read in place (corpus.ts), so they are skipped when ../shared is absent.
 */
const REPLAYED_CASES: readonly { seed: number; path: string; what: string }[] = [
  { seed: 54, path: '1502', what: 'a headline’s copies read as one copy split by a third copy between them' },
  { seed: 63, path: '222', what: 'a copy cut short was read as a repeat only once fix-all had removed the others: it matches the copy left for the user (an emoji line of its own)' },
  { seed: 64, path: '1383', what: 'the same, with a damaged original and a copy wrapped with double spaces' },
  { seed: 70, path: '1553', what: 'removing the last two lines of a block took the blank line after them, so the next block was read line by line' },
  { seed: 75, path: '485', what: 'a near repeat of a copy cut short, before the complete copy, kept the difference from the cut copy (a letter) and so read as a whole copy kept after its repeat' },
  { seed: 84, path: '349', what: 'a damaged short line left alone once the line before it went was then read as the second part of a copy split by the line it repeats: fix-all now reads repeats to its fixed point whenever it removes anything' },
  { seed: 91, path: '6', what: 'the first and last lines of a block read line by line went as exact repeats, and the two lines left between them then ran on as one paragraph, a damaged copy of another: fix-all now reads such a block again' },
];

describe('fuzz counterexamples of documents with repeats, replayed', () => {
  const service = newService();
  for (const { seed, path, what } of REPLAYED_CASES) {
    it(`seed ${seed}, case ${path}: ${what}`, function () {
      if (POLNEAR_COUNT === 0) {
        console.log(`      skipped: ${POLNEAR_NOTE}`);
        this.skip();
      }
      fc.assert(
        fc.property(documentWithRepeats, (text) => checkDocument(service, text, `file:///fuzz/replay-${seed}-${path}.txt`, { probes: [0.25, 0.75] })),
        { seed, path, numRuns: 1, endOnFailure: true },
      );
    });
  }
});
