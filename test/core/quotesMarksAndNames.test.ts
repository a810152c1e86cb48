/**
 * Issue 15 (audit 6): which marks make a quotation, and a quotation that a participle names.
 * - A paragraph continues an open quotation only when it opens with a mark of the same family: a block quoted in
 *   straight marks followed by a paragraph that quotes someone in curly ones had become one quotation, closed at the
 *   curly `”`, whose cue was the inner speaker's (`“I don’t want to talk …,” Earnest said."`: the Breitbart block
 *   went to Earnest and his own words were lost).
 * - A naming participle right before the quotation (`the tax loophole called an “inversion”`) names it, and an
 *   earlier verb of the sentence (`They slammed …`) does not report it; after a coordinator or before an object
 *   pronoun (`but called it a “…”`, `called him “…”`) the verb is finite, said by its subject.
 */
import * as assert from 'assert';
import { splitParagraphs } from '../../server/src/core/paragraphs';
import { pairQuotationMarks } from '../../server/src/core/quotes/marks';
import { analysePolnearTrain, quoteOpening } from '../helpers/polnearArticles';
import { analyseQuotes as analyse, speakerOf } from '../helpers/quoteAnalysis';

/** The words of each quotation the marks pair in `text`. */
function quotedWords(text: string): string[] {
  return pairQuotationMarks(text, splitParagraphs(text)).map((q) => text.slice(q.contentStart, q.contentEnd));
}

describe('quotes: a quotation continued over paragraphs, and quotations a participle names', () => {
  it('a paragraph opening with a mark of another family starts a quotation of its own', () => {
    const text = [
      'As the paper reported:',
      '"The administration is still reluctant to call the attack terrorism.',
      '"Reporters questioned the press secretary about the shooters.',
      '“I don’t want to talk about the situation,” Earnest said."',
      'We’ve seen this before.',
    ].join('\n\n');
    assert.deepStrictEqual(quotedWords(text), [
      'The administration is still reluctant to call the attack terrorism.\n\n"Reporters questioned the press secretary about the shooters.',
      'I don’t want to talk about the situation,',
    ]);
    // The same family continues the quotation, as the news convention writes it.
    const continued = '“The first part.\n\n“The second part,” she said.';
    assert.deepStrictEqual(quotedWords(continued), ['The first part.\n\n“The second part,']);
  });

  it('the Breitbart block and Earnest’s words inside it are two quotations with their own speakers (PolNeAR train)', function () {
    const analysis = analysePolnearTrain(this, 'breitbart_2015-12-04_san-bernardino-terror-suspect-na.txt');
    const block = analysis.quotes.find((q) => q.text.startsWith('The Obama administration is still reluctant'));
    const earnest = analysis.quotes.find((q) => q.text.startsWith('I don’t want to talk'));
    assert.ok(block && earnest, 'both quotations are found');
    assert.ok(block.end <= earnest.start, 'the block ends before Earnest’s words');
    assert.strictEqual(quoteOpening(analysis, 'I don’t want to talk').mention, 'Earnest');
    assert.notStrictEqual(quoteOpening(analysis, 'The Obama administration').mention, 'Earnest');
    // `King said` is the cue of King's words, not of the CNN block before them.
    assert.strictEqual(quoteOpening(analysis, 'He (Petraeus)').mention, 'King');
    assert.notStrictEqual(quoteOpening(analysis, 'The hearing was closed').mention, 'King');
  });

  it('a participle right before the quotation names it, and the earlier verb does not report it', () => {
    const names = { Allergan: 'organization', Pfizer: 'organization', 'Jack Reed': 'person', Kasich: 'person' } as const;
    const inversion = analyse('Pfizer will merge with Allergan. They slammed the tax loophole called an “inversion,” which lets a company move abroad.', names);
    const term = inversion.find((q) => q.text.startsWith('inversion'));
    assert.ok(term);
    assert.strictEqual(term.kind, 'scare');
    assert.strictEqual(term.attribution, undefined);
    // A finite verb after `but`, or before its object pronoun, reports its subject's words.
    const reed = analyse('Hill Democrats were vague. Sen. Jack Reed said that he hadn’t read the plan, but called it a “starting point for our deliberations.”', names);
    assert.match(speakerOf(reed, 'starting point') ?? '', /Jack Reed$/);
    const grownup = analyse('Kasich is coming off a strong debate, when many commentators called him “the grownup on the stage” amid the food fight.', names);
    assert.strictEqual(speakerOf(grownup, 'the grownup'), 'many commentators');
  });
});
