import * as assert from 'assert';
import { findDuplicateParagraphs, paragraphRemovalRanges } from '../../server/src/core/duplicateParagraphs';
import { splitParagraphs } from '../../server/src/core/paragraphs';

/** Regression tests for bugs the fuzz and robustness tests found, each named after its bug. */

function fixAll(text: string): string {
  const paragraphs = splitParagraphs(text);
  const ranges = paragraphRemovalRanges(text, paragraphs, findDuplicateParagraphs(paragraphs).map((d) => d.duplicate));
  let result = text;
  for (const r of [...ranges].reverse()) result = result.slice(0, r.start) + result.slice(r.end);
  return result;
}

describe('regressions found by fuzzing', () => {
  const paragraph = 'Russian Foreign Minister Sergei Lavrov met Monday with Syrian Deputy Prime Minister Qadri Jamil.';

  it('fix-all dropped the final line break when the last paragraph was a repeat', () => {
    assert.strictEqual(fixAll(`Title\n${paragraph}\n${paragraph}\n`), `Title\n${paragraph}\n`);
    assert.strictEqual(fixAll(`Title\r\n${paragraph}\r\n${paragraph}\r\n`), `Title\r\n${paragraph}\r\n`);
    assert.strictEqual(fixAll(`Title\r${paragraph}\r${paragraph}\r`), `Title\r${paragraph}\r`);
    assert.strictEqual(fixAll(`Title\n\n${paragraph}\n\n${paragraph}\n\n`), `Title\n\n${paragraph}\n`);
    // Without a final line break none is added, as before.
    assert.strictEqual(fixAll(`Title\n${paragraph}\n${paragraph}`), `Title\n${paragraph}`);
  });
});
