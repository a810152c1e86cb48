import * as assert from 'assert';
import { analyzeArticle } from '../../server/src/core/analysis';
import { quoteSpeakers } from '../../server/src/core/quoteSpeakers';
import { analysePolnearTrain, quoteOpening } from '../helpers/polnearArticles';
import { context } from '../helpers/resources';

/**
 * A definite description that goes on from a person the article brought in without a name (`a Republican committee
 * aide … the aide said`) is that unnamed person, not the named one whose role its words match best
 * (`quotes/anonymousSources.ts`; issue 15).
 */
describe('quotes: an anonymous source stays anonymous (issue 15)', () => {
  it('a committee aide, a senior adviser, a second CIA officer and an organiser are not the chairman, a senator, the base chief or the candidate (PolNeAR train)', function () {
    const gowdy = analysePolnearTrain(this, 'wash-post_2016-02-19_gowdy-promises-benghazi-panel-re.txt');
    assert.deepStrictEqual(quoteOpening(gowdy, 'Their deceptive announcement'), { mention: 'the aide', actor: undefined });
    const cruz = analysePolnearTrain(this, 'politico_2016-05-31_cruz-looks-to-ease-bad-blood-wit.txt');
    assert.deepStrictEqual(quoteOpening(cruz, 'I think politicians are practical people'), { mention: 'the senior Cruz adviser', actor: undefined });
    const benghazi = analysePolnearTrain(this, 'wash-post_2016-01-16_ex-cia-chief-in-benghazi-breaks-.txt');
    assert.deepStrictEqual(quoteOpening(benghazi, 'when asked if the security team'), { mention: 'the officer', actor: undefined });
    const organiser = analysePolnearTrain(this, 'politico_2016-01-31_clinton-rolls-out-special-charac.txt');
    assert.deepStrictEqual(quoteOpening(organiser, 'You guys are gonna be'), { mention: 'the organizer', actor: undefined });
  });

  it('a description whose person is named beside the indefinite, or is a title before a name, still resolves', () => {
    const speakerOf = (text: string, opening: string): string | undefined => {
      const analysis = analyzeArticle(text, context);
      const quote = analysis.quotes.find((q) => q.text.startsWith(opening));
      assert.ok(quote, `a quote opens with “${opening}”`);
      return quoteSpeakers(analysis.quotes, analysis.actors).get(quote)?.actor?.name;
    };
    const apposed = 'The committee met on Tuesday. Trey Gowdy, a Republican congressman from South Carolina, led it.\n\n“We will finish the work,” the congressman said.';
    assert.strictEqual(speakerOf(apposed, 'We will finish'), 'Trey Gowdy');
    const titled = 'A storm hit the city. New York Mayor Bill de Blasio spoke to reporters on Saturday.\n\n“We do not see a link to terrorism,” the mayor said.';
    assert.strictEqual(speakerOf(titled, 'We do not see'), 'Bill de Blasio');
  });
});
