import * as assert from 'assert';
import { splitSentences, tokenize } from '../../server/src/core/tokenize';

const words = (text: string) => tokenize(text).map((t) => t.text);

describe('tokeniser and sentences', () => {
  it('splits punctuation and possessives the CoNLL way, keeping names whole', () => {
    assert.deepStrictEqual(words('Syria’s envoy, Frank-Walter Steinmeier, met al-Ja’afari.'), ['Syria', '’s', 'envoy', ',', 'Frank-Walter', 'Steinmeier', ',', 'met', 'al-Ja’afari', '.']);
  });

  it('keeps initialisms and title abbreviations with their dots', () => {
    assert.deepStrictEqual(words('U.S. Vice President and Dr. Bashar'), ['U.S.', 'Vice', 'President', 'and', 'Dr.', 'Bashar']);
  });

  it('gives offsets into the original text', () => {
    const text = 'He said “no,” twice.';
    for (const token of tokenize(text)) assert.strictEqual(text.slice(token.start, token.end), token.text);
  });

  it('splits sentences, also after a lost space (al-Khatib.This), but not after Dr. or U.S.', () => {
    const text = 'Biden met al-Khatib.This year is new. Dr. Jamil met U.S. Vice President Biden. “Fine,” he said.';
    const sentences = splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));
    assert.deepStrictEqual(sentences, ['Biden met al-Khatib.', 'This year is new.', 'Dr. Jamil met U.S. Vice President Biden.', '“Fine,” he said.']);
  });

  it('tokenises surrogate pairs and combining marks without splitting them', () => {
    const text = 'Café 😀 naïve';
    for (const token of tokenize(text)) {
      const first = token.text.charCodeAt(0);
      assert.ok(!(first >= 0xdc00 && first <= 0xdfff), `token ${JSON.stringify(token.text)} starts inside a surrogate pair`);
    }
  });
});
