import * as assert from 'assert';
import { goldQuotes, headSurname, nameWords, namesSomeone, parseAnn, sharesNameWord, strictGold, strictMatch, type Span } from '../../scripts/quoteGold';
import type { Quote } from '../../server/src/core/types';

/**
 * The strict speaker measure of issue 15 (`scripts/quoteGold.ts`): gold = the annotated Source; for a pronoun or
 * a description, the nearest earlier named Source; a found quotation counts when its speaker shares a name word
 * with the gold one. These pin the readings of "named", "name word" and "description" the benchmark uses.
 */
describe('strict speaker measure', () => {
  const span = (text: string, start: number): Span => ({ id: `T${start}`, type: 'Source', fragments: [[start, start + text.length]], start, end: start + text.length, text });
  const direct = (speaker: string, resolved?: string): Quote => ({
    start: 0, end: 1, contentStart: 0, contentEnd: 1, text: '', kind: 'direct',
    attribution: { mention: { start: 0, end: speaker.length, text: speaker }, ...(resolved ? { resolved: { start: 0, end: resolved.length, text: resolved } } : {}), sourceKind: 'person' },
  });

  it('a Source names someone when it holds a name, even followed by an appositive or as a bare possessive', () => {
    for (const named of ['Sen. Ted Cruz', 'Jeff Weaver, Sanders’ campaign manager,', 'Christie, New Jersey’s sitting governor,', 'Clinton’s', 'Cruz himself', 'Mr. Morgan of the Sierra Club']) {
      assert.ok(namesSomeone(named), named);
    }
    for (const description of ['he', 'The Florida senator', 'Trump\'s campaign', 'Sanders’ campaign', 'the Heritage Foundation website', 'a man', 'the statement']) {
      assert.ok(!namesSomeone(description), description);
    }
  });

  it('titles, honorifics and role words are not name words ("Sen." with its full stop included)', () => {
    assert.deepStrictEqual(nameWords('Sen. Ted Cruz’s'), ['Ted', 'Cruz']);
    // Capitalised modifiers stay (the measure does not tell a proper adjective from a name): a shared `Foreign`
    // between two foreign ministers would count; the shipped lists make `Minister` a title.
    assert.deepStrictEqual(nameWords('Russian Foreign Minister Sergei Lavrov'), ['Russian', 'Foreign', 'Sergei', 'Lavrov']);
    assert.ok(!sharesNameWord('Sen. Marco Rubio', 'Sen. Ted Cruz'), 'two senators share a title, not a name');
    assert.ok(sharesNameWord('Lavrov', 'Foreign Minister Sergei Lavrov'));
  });

  it('a pronoun or a description takes the nearest earlier Source that names someone', () => {
    const sources = [span('Sen. Ted Cruz', 0), span('Jeff Weaver, Sanders’ campaign manager,', 100), span('the statement', 200), span('he', 300)];
    assert.strictEqual(strictGold(sources[2], sources).text, 'Jeff Weaver, Sanders’ campaign manager,');
    assert.strictEqual(strictGold(sources[3], sources).text, 'Jeff Weaver, Sanders’ campaign manager,');
    assert.strictEqual(strictGold(sources[0], sources), sources[0]);
    assert.ok(strictMatch(direct('the statement', 'Jeff Weaver'), strictGold(sources[2], sources)));
    assert.ok(!strictMatch(direct('the statement'), strictGold(sources[2], sources)), 'an unresolved description names nobody');
    assert.ok(!strictMatch({ ...direct('Weaver'), kind: 'scare' }, sources[1]), 'a scare quote has no speaker');
  });

  it('quoted attribute values of markup left in the text are not gold quotations', () => {
    const text = 'Republicans tweeted: <tweet author="JebBush">Praying for the victims.</tweet> Bush said "we pray" too.';
    const ann = `T1\tSource 0 11\tRepublicans\nT2\tContent 21 ${text.length}\t${text.slice(21)}\nE1\tAttribution:T2 Source:T1 Content:T2\n`;
    const gold = goldQuotes(text, parseAnn(ann).attrs);
    assert.deepStrictEqual(gold.map((g) => text.slice(g.start, g.end)), ['we pray']);
  });

  it("doubled apostrophes are gold quotation marks too (the New York Times archive's ''…'', with an inner quotation beside one)", () => {
    const text = "''We are sorry,'' Mr. Garin said. ''She said, 'You weren't in line,''' Ms. Compton recalled.";
    const content = (from: string, to: string): string => `T2\tContent ${text.indexOf(from)} ${text.indexOf(to) + to.length}\t${text.slice(text.indexOf(from), text.indexOf(to) + to.length)}`;
    const ann = [`T1\tSource ${text.indexOf('Mr. Garin')} ${text.indexOf('Mr. Garin') + 9}\tMr. Garin`, content('We are', 'sorry,'), 'E1\tAttribution:T2 Source:T1 Content:T2', `T3\tSource ${text.indexOf('Ms. Compton')} ${text.indexOf('Ms. Compton') + 11}\tMs. Compton`, content('She said', "line,'").replace('T2', 'T4'), 'E2\tAttribution:T4 Source:T3 Content:T4', ''].join('\n');
    const gold = goldQuotes(text, parseAnn(ann).attrs);
    assert.deepStrictEqual(gold.map((g) => text.slice(g.start, g.end)), ['We are sorry,', "She said, 'You weren't in line,'"]);
  });

  it("a Content span that starts or ends between the two apostrophes of a doubled mark still has its gold string (31 New York Times spans)", () => {
    const text = "''We are sorry,'' Mr. Garin said.";
    const ann = `T1\tSource 18 27\tMr. Garin\nT2\tContent 1 16\t${text.slice(1, 16)}\nE1\tAttribution:T2 Source:T1 Content:T2\n`;
    assert.deepStrictEqual(goldQuotes(text, parseAnn(ann).attrs).map((g) => text.slice(g.start, g.end)), ['We are sorry,']);
  });

  it('the speaker actor measure reads the surname heading a Source, not a modifier, possessor or post-modifier', () => {
    const cases: [string, string | undefined][] = [
      ['RNC spokesman Sean Spicer', 'spicer'],
      ['White House press secretary Josh Earnest', 'earnest'],
      ['Hillary Clinton’s campaign manager Robby Mook', 'mook'],
      ['Jeff Weaver, Sanders’ campaign manager,', 'weaver'],
      ['A top strategist, John Weaver,', 'weaver'],
      ['Mr. Morgan of the Sierra Club', 'morgan'],
      ['New York Mayor Bill de Blasio', 'blasio'],
      ['Secretary of State John F. Kerry', 'kerry'],
      ['Speaker of the House Rep. Paul Ryan (R-WI)', 'ryan'],
      ['RNC Chief of Staff Katie Walsh', 'walsh'],
      ['Michael Brown of Washington, D.C.,', 'brown'],
      ['Sen. Richard Blumenthal (D-Conn.)', 'blumenthal'],
      ['Clinton’s campaign manager', undefined],
      // A particle is a word of its own, not the end of one (`aide`, `presidential`, `general` are no `de`, `al`).
      ['Her chief policy aide, Jake Sullivan,', 'sullivan'],
      ['her personal lawyer, David E. Kendall', 'kendall'],
      ['Syrian President Bashar al Assad', 'assad'],
    ];
    for (const [source, surname] of cases) assert.strictEqual(headSurname(source), surname, source);
  });
});
