import * as assert from 'assert';
import * as fs from 'fs';
import { LOWERCASE_LEXICON_FILE, lowercaseLexicon } from '../../scripts/lowercaseLexicon';

describe('lowercase-words.txt', () => {
  it('is the list npm run train:ner makes from the PolNeAR text with today’s tokeniser (it had drifted twice unseen)', function () {
    this.timeout(120000);
    const made = lowercaseLexicon();
    assert.ok(made !== undefined, 'the PolNeAR text is in ../shared/data/polnear');
    const committed = fs.readFileSync(LOWERCASE_LEXICON_FILE, 'utf8');
    const words = (text: string) => new Set(text.split('\n').filter((line) => line !== '' && !line.startsWith('#')));
    const [have, want] = [words(committed), words(made)];
    const extra = [...have].filter((w) => !want.has(w));
    const missing = [...want].filter((w) => !have.has(w));
    assert.deepStrictEqual({ extra, missing }, { extra: [], missing: [] }, 'run npm run train:ner (or write lowercaseLexicon() to the file) and commit the list');
    assert.strictEqual(committed, made);
  });
});
