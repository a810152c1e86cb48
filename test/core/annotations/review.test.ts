import * as assert from 'assert';
import { annotationInput, NO_ANNOTATIONS } from '../../../server/src/core/annotationInput';
import { analyzeArticle } from '../../../server/src/core/analysis';
import { acceptableSuggestions, reviewCounts } from '../../../server/src/core/annotations/review';
import type { EntityMention } from '../../../server/src/core/types';
import { resources } from '../../helpers/resources';
import { readSeed, SEEDS } from '../../helpers/seeds';

describe('annotations: review counts and Accept All', () => {
  const text = readSeed(SEEDS.lavrovKerry);
  const plain = analyzeArticle(text, { resources, input: NO_ANNOTATIONS });
  const reviewable = plain.entities.filter((e) => e.type !== 'date' && e.type !== 'number');
  const at = (words: string): { start: number; end: number } => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

  it('counts an article nobody reviewed: everything suggested (dates and figures are not reviewed)', () => {
    assert.ok(plain.entities.some((e) => e.type === 'date' || e.type === 'number'), 'the seed has figures to leave out');
    assert.deepStrictEqual(reviewCounts(plain, NO_ANNOTATIONS), { confirmed: 0, suggested: reviewable.length, rejected: 0 });
  });

  it('counts labels and acceptances as confirmed, each mention a rejection removed as rejected', () => {
    const lavrovMentions = plain.recognized.filter((e) => e.text === 'Lavrov').length;
    assert.ok(lavrovMentions >= 3);
    const input = annotationInput({
      revision: 1,
      confirmed: [at('Sergei Lavrov')],
      labels: [{ ...at('counterpart'), label: 'person' }],
      rejected: [at('SANA')],
      rejectedTexts: ['Lavrov'],
    });
    const analysis = analyzeArticle(text, { resources, input });
    assert.deepStrictEqual(reviewCounts(analysis, input), { confirmed: 2, suggested: reviewable.length - 2 - lavrovMentions, rejected: 1 + lavrovMentions });
  });

  it('counts a rejection the tagger has learned (it no longer suggests the name) as rejected; it fell to 0', () => {
    const input = annotationInput({ revision: 1, rejected: [at('SANA')] });
    const learned = { ...plain, recognized: plain.recognized.filter((e) => e.text !== 'SANA'), entities: plain.entities.filter((e) => e.text !== 'SANA') };
    assert.strictEqual(reviewCounts(learned, input).rejected, 1);
  });

  it('a name rejected everywhere and then labelled at one place counts there as confirmed, not also as rejected', () => {
    const everywhere = annotationInput({ revision: 1, rejectedTexts: ['Lavrov'] });
    const second = text.indexOf('Lavrov', text.indexOf('Lavrov') + 1);
    const labelled = annotationInput({ revision: 2, rejectedTexts: ['Lavrov'], labels: [{ start: second, end: second + 'Lavrov'.length, label: 'person' }] });
    const before = reviewCounts(analyzeArticle(text, { resources, input: everywhere }), everywhere);
    const after = reviewCounts(analyzeArticle(text, { resources, input: labelled }), labelled);
    assert.deepStrictEqual([after.confirmed - before.confirmed, after.rejected - before.rejected], [1, -1]);
  });

  it('Accept All takes the suggestions inside the range, not the confirmed ones, dates or figures', () => {
    const paragraph = plain.paragraphs[1];
    const inside = acceptableSuggestions(plain.entities, paragraph);
    assert.deepStrictEqual(inside, reviewable.filter((e) => e.start >= paragraph.start && e.end <= paragraph.end));
    assert.ok(inside.length >= 3);
    const confirmed: EntityMention[] = plain.entities.map((e) => (e.text === 'Syria' ? { ...e, confirmed: true } : e));
    assert.ok(!acceptableSuggestions(confirmed).some((e) => e.text === 'Syria'));
    assert.strictEqual(acceptableSuggestions(plain.entities).length, reviewable.length);
  });

});
