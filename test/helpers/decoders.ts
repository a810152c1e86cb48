import * as assert from 'assert';
import { DocumentFeatures, FeatureBuffer } from '../../server/src/core/ner/features';
import type { TaggerModel } from '../../server/src/core/ner/model';

/**
 * Tags every sentence of `documents` (words per sentence) both ways the model can, with the full
 * feature layout (`decode`) and with per-word cached sums (`decodeWords`), asserts that they agree, and
 * hands each sentence's tags to `visit`.
 */
export function assertDecodersAgree(model: TaggerModel, features: DocumentFeatures, documents: readonly string[][][], visit: (words: readonly string[], tags: Int32Array) => void): void {
  const full = new FeatureBuffer();
  const factored = new FeatureBuffer();
  for (const doc of documents) {
    features.prepare(doc);
    doc.forEach((words, s) => {
      const n = words.length;
      if (n === 0) return;
      const expected = new Int32Array(n);
      const actual = new Int32Array(n);
      features.extract(s, full);
      model.decode(full.feats, full.offsets, n, expected);
      features.extract(s, factored, true);
      model.decodeWords(factored, words, n, actual, features);
      assert.deepStrictEqual(Array.from(actual), Array.from(expected), `sentence ${s}: ${words.join(' ')}`);
      visit(words, expected);
    });
  }
}
