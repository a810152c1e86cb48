import * as assert from 'assert';
import { analyzeArticle } from '../../server/src/core/analysis';
import { context, newService } from '../helpers/resources';

/** The organisations and places of a text as `name [spellings] (mentions)`. */
const bodies = (text: string) =>
  analyzeArticle(text, context)
    .actors.filter((a) => a.type !== 'person')
    .map((a) => `${a.name} [${[...a.spellings].sort().join(', ')}] (${a.mentions.length})`);

describe('aliases an article declares (issue 14)', () => {
  it('`X, also known as Y, Z and W` makes one actor of the four names', () => {
    const found = bodies('Clinton urged the coalition to increase its efforts against the Islamic State, also known as ISIS, ISIL and Daesh. ISIS has lost ground.');
    assert.deepStrictEqual(found.filter((b) => /Islamic|ISIS|ISIL|Daesh/.test(b)), ['Islamic State [Daesh, ISIL, ISIS, Islamic State] (5)'], found.join('; '));
  });

  it('a former name (`once known as`), a bare `or` before an acronym that abbreviates a longer form, and `or` inside the list', () => {
    const hln = bodies('Zucker remarked on CNN’s sister network, HLN. HLN, once known as CNN Headline News, parted ways in late November with its chief.');
    assert.ok(hln.includes('CNN Headline News [CNN Headline News, HLN] (3)'), hln.join('; '));
    const or = bodies('She claimed that the self-described Islamic State, or ISIS, has used Donald Trump in its recruitment videos.');
    assert.ok(or.includes('Islamic State [ISIS, Islamic State] (2)'), or.join('; '));
    const list = bodies('Trump vowed to bomb the Islamic State, also known as ISIL or ISIS, in Syria.');
    assert.ok(list.some((b) => b.startsWith('Islamic State [ISIL, ISIS, Islamic State] (3)')), list.join('; '));
  });

  it('joins nothing that is not declared: a verb `called`, a name after the declaration closes, alternatives after `or`', () => {
    const verb = bodies('Nathan Diament, executive director of advocacy for the Orthodox Union, called the AIPAC speech a critical moment for Trump.');
    assert.ok(verb.some((b) => b.startsWith('Orthodox Union [Orthodox Union]')) && verb.some((b) => b.startsWith('AIPAC [AIPAC]')), verb.join('; '));
    const closed = bodies('Jets struck the Islamic State, also known as ISIS, and the Nusra Front near Aleppo.');
    assert.ok(closed.some((b) => b.startsWith('Nusra Front [Nusra Front]')), closed.join('; '));
    const alternatives = bodies('Neither the European Union, or NATO, would send troops to Libya.');
    assert.ok(alternatives.some((b) => b.startsWith('NATO [NATO]')) && alternatives.some((b) => b.startsWith('European Union [European Union]')), alternatives.join('; '));
  });

  it('across the workspace, the articles that write either name alone meet through the one that declared them one', () => {
    const declaring = 'Clinton urged the coalition to increase its efforts against the Islamic State, also known as ISIS, ISIL and Daesh.';
    const acronym = 'ISIS claimed responsibility for the attack in Paris on Friday.';
    const longForm = 'The Islamic State has lost territory in Iraq this year.';
    const organisations = (s: ReturnType<typeof newService>) =>
      s
        .getActors({ types: ['organization'] })
        .items.map((a) => `${a.name} ${a.articles}`)
        .sort();
    const without = newService();
    without.indexArticle('file:///acronym.txt', acronym);
    without.indexArticle('file:///long.txt', longForm);
    assert.deepStrictEqual(organisations(without), ['ISIS 1', 'Islamic State 1']);
    const s = newService();
    s.indexArticle('file:///acronym.txt', acronym);
    s.indexArticle('file:///long.txt', longForm);
    s.indexArticle('file:///declaring.txt', declaring);
    assert.deepStrictEqual(organisations(s), ['Islamic State 3']);
    // The declaring article edited so that it no longer declares them one: apart again.
    s.indexArticle('file:///declaring.txt', 'Clinton urged the coalition to increase its efforts in Syria.');
    assert.deepStrictEqual(organisations(s), ['ISIS 1', 'Islamic State 1']);
    s.indexArticle('file:///declaring.txt', declaring);
    assert.deepStrictEqual(organisations(s), ['Islamic State 3']);
    s.removeArticle('file:///declaring.txt');
    assert.deepStrictEqual(organisations(s), ['ISIS 1', 'Islamic State 1']);
  });
});
