import * as assert from 'assert';
import { analyzeArticle } from '../../server/src/core/analysis';
import { context, newService } from '../helpers/resources';

/** The organisations and places of a text as `name [spellings] (mentions)`. */
const bodies = (text: string) =>
  analyzeArticle(text, context)
    .actors.filter((a) => a.type !== 'person')
    .map((a) => `${a.name} [${[...a.spellings].sort().join(', ')}] (${a.mentions.length})`);

describe('aliases an article declares (issue 14)', () => {
  it('`X, also known as Y or Z` makes one actor of the three names; a list goes on only with acronyms', () => {
    const found = bodies('Trump vowed to bomb the Islamic State, also known as ISIL or ISIS, in Syria. ISIS has lost ground.');
    assert.deepStrictEqual(found.filter((b) => /Islamic|ISIS|ISIL/.test(b)), ['Islamic State [ISIL, ISIS, Islamic State] (4)'], found.join('; '));
    // `Daesh` is no acronym: the list may be one of other groups (`also known as Daesh, Hezbollah and Hamas`).
    const daesh = bodies('Clinton urged the coalition to increase its efforts against the Islamic State, also known as ISIS, ISIL and Daesh.');
    assert.ok(daesh.includes('Islamic State [ISIS, Islamic State] (2)') && daesh.some((b) => b.startsWith('ISIL [ISIL]')), daesh.join('; '));
    const others = bodies('The strikes targeted the Islamic State, also known as ISIL, the Nusra Front and the Khorasan Group.');
    assert.ok(others.includes('Islamic State [ISIL, Islamic State] (2)') && others.some((b) => b.startsWith('Nusra Front [Nusra Front]')), others.join('; '));
  });

  it('a former name (`once known as`), a bare `or` before an acronym that abbreviates a longer form, a declaration after a bracket', () => {
    const hln = bodies('Zucker remarked on CNN’s sister network, HLN. HLN, once known as CNN Headline News, parted ways in late November with its chief.');
    // Named by its present name, not the longer former one.
    assert.ok(hln.includes('HLN [CNN Headline News, HLN] (3)'), hln.join('; '));
    const or = bodies('She claimed that the self-described Islamic State, or ISIS, has used Donald Trump in its recruitment videos.');
    assert.ok(or.includes('Islamic State [ISIS, Islamic State] (2)'), or.join('; '));
    const bracket = bodies('Officials said the Islamic State (ISIS), also known as ISIL, claimed the attack.');
    assert.ok(bracket.some((b) => b.startsWith('ISIS [ISIL, ISIS]')), bracket.join('; '));
  });

  it('joins nothing that is not declared: a verb `called`, a name after the declaration closes, alternatives after `or`', () => {
    const verb = bodies('Nathan Diament, executive director of advocacy for the Orthodox Union, called the AIPAC speech a critical moment for Trump.');
    assert.ok(verb.some((b) => b.startsWith('Orthodox Union [Orthodox Union]')) && verb.some((b) => b.startsWith('AIPAC [AIPAC]')), verb.join('; '));
    const closed = bodies('Jets struck the Islamic State, also known as ISIS, and the Nusra Front near Aleppo.');
    assert.ok(closed.some((b) => b.startsWith('Nusra Front [Nusra Front]')), closed.join('; '));
    const alternatives = bodies('Neither the European Union, or NATO, would send troops to Libya.');
    assert.ok(alternatives.some((b) => b.startsWith('NATO [NATO]')) && alternatives.some((b) => b.startsWith('European Union [European Union]')), alternatives.join('; '));
    // A name that begins a description is no alias (a reviewer's cases).
    for (const [text, name] of [
      ['Lagos, known as Nigeria’s commercial capital, has 20 million people.', 'Nigeria'],
      ['Detroit, known as America’s Motor City, is recovering.', 'America'],
    ]) {
      const found = bodies(text);
      assert.ok(found.some((b) => b.startsWith(`${name} [${name}]`)), found.join('; '));
    }
    // An acronym in brackets that extends the name's initials is as often a body of it.
    const agency = bodies('Aid from the United Nations (UNHCR) reached the camp.');
    assert.ok(agency.some((b) => b.startsWith('UNHCR [UNHCR]')), agency.join('; '));
  });

  it('across the workspace, the articles that write either name alone meet once two articles declared them one', () => {
    const declaring = 'Clinton urged the coalition to increase its efforts against the Islamic State, also known as ISIS.';
    const declaringToo = 'Officials said the self-described Islamic State, or ISIS, has used Trump in its videos.';
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
    // One article's word is not enough to join every article of two names (one read wrongly would merge two actors).
    assert.deepStrictEqual(organisations(s), ['ISIS 1', 'Islamic State 2']);
    s.indexArticle('file:///declaring-too.txt', declaringToo);
    assert.deepStrictEqual(organisations(s), ['Islamic State 4']);
    // A declaring article edited so that it no longer declares them one: apart again.
    s.indexArticle('file:///declaring.txt', 'Clinton urged the coalition to increase its efforts in Syria.');
    assert.deepStrictEqual(organisations(s), ['ISIS 1', 'Islamic State 2']);
    s.indexArticle('file:///declaring.txt', declaring);
    assert.deepStrictEqual(organisations(s), ['Islamic State 4']);
    s.removeArticle('file:///declaring-too.txt');
    assert.deepStrictEqual(organisations(s), ['ISIS 1', 'Islamic State 2']);
  });
});
