import * as assert from 'assert';
import { analyzeArticle, authorsOf } from '../../server/src/core/analysis';
import { analysePolnearTrain, quoteOpening } from '../helpers/polnearArticles';
import { context, newService } from '../helpers/resources';
import { readSeed, SEEDS, withCursor } from '../helpers/seeds';

const actorNames = (text: string) => analyzeArticle(text, context).actors.map((a) => a.name);

describe('page furniture and actors (issue 14)', () => {
  it('a byline is the article’s author, not an actor (001: Manal Ismael; 002: Hazem Sabbagh)', () => {
    for (const [seed, author] of [[SEEDS.lavrovKerry, 'Manal Ismael'], [SEEDS.lavrovZannier, 'Hazem Sabbagh']] as const) {
      const analysis = analyzeArticle(readSeed(seed), context);
      assert.ok(!analysis.actors.some((a) => a.name === author), `${author} is no actor of ${seed}`);
      assert.deepStrictEqual(authorsOf(analysis), [author]);
    }
  });

  it('a person in a “Check Also” teaser is not in the article (002: Bashar al-Ja’afari)', () => {
    assert.ok(!actorNames(readSeed(SEEDS.lavrovZannier)).some((name) => /Ja.afari/.test(name)));
    // The teaser's words stay in the text: only the actors change.
    assert.ok(readSeed(SEEDS.lavrovZannier).includes('Bashar al-Ja’afari'));
  });

  it('the hover on a byline name says who wrote the article; other articles list their authors', () => {
    const service = newService();
    service.indexArticle('file:///seeds/001.txt', readSeed(SEEDS.lavrovKerry));
    const { text, offset } = withCursor(readSeed(SEEDS.lavrovZannier).replace('Hazem Sabbagh', 'Hazem Sab|bagh'));
    const document = { uri: 'file:///seeds/002.txt', version: 1, getText: () => text };
    assert.strictEqual(service.getActorCard(document, offset), undefined);
    assert.strictEqual(service.getAuthorAt(document, offset)?.name, 'Hazem Sabbagh');
    const lavrov = service.getActorCard(document, text.indexOf('Sergey Lavrov') + 2);
    assert.deepStrictEqual(lavrov?.profile?.relevant.map((r) => r.authors), [['Manal Ismael']]);
  });

  it('a name in page furniture is no speaker either: a picture credit is not `the 43-year-old` who asked', function () {
    // `Neilson Barnard via Getty Images.` is a credit line between the paragraph that names Serafinowicz and his quotation.
    const sketch = analysePolnearTrain(this, 'huff-post_2015-12-19_donald-trump-sounds-weirdly-soph.txt');
    assert.deepStrictEqual(quoteOpening(sketch, 'What if Donald Trump had elocution lessons'), { mention: 'the 43-year-old', actor: 'Peter Serafinowicz' });
  });

  it('a picture credit’s name is no antecedent of a description that speaks', () => {
    const text = 'Mary Smith, the mayor of Dayton, spoke to the council on Monday.\n\nTenzin Zdrowski via Getty Images.\n\n“We will fix the roads,” the 43-year-old said.';
    const quote = analyzeArticle(text, context).quotes.find((q) => q.text.startsWith('We will fix'));
    assert.strictEqual(quote?.attribution?.resolved?.text, 'Mary Smith');
  });
});
