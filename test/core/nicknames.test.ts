import * as assert from 'assert';
import { analyzeArticle } from '../../server/src/core/analysis';
import { analysePolnearTrain } from '../helpers/polnearArticles';
import { context } from '../helpers/resources';

const entitiesOf = (text: string) => analyzeArticle(text, context).entities.map((e) => `${e.text}/${e.type}`);
const quotesOf = (text: string) => analyzeArticle(text, context).quotes.map((q) => `${q.text} — ${q.attribution?.resolved?.text ?? q.attribution?.mention.text ?? '-'}`);

describe('a nickname in quotation marks is part of the name, not a quotation (issue 14)', () => {
  it('one person from the given name to the surname, with an initial, curly or straight marks', () => {
    // The recogniser read `Robert C` and `Bobby" Scott`, `Marcia` and `Cia` (an organisation: the CIA), `Juan`,
    // `Chico` (a place) and `Manriquez of Oakland` (an organisation); the quote pass read `“Bobby” Scott said`.
    assert.deepStrictEqual(entitiesOf('Rep. Robert C. “Bobby” Scott threw open his family’s back yard.'), ['Robert C. “Bobby” Scott/person']);
    assert.deepStrictEqual(entitiesOf('Delegate Marcia "Cia" Price shouted to the crowd.'), ['Marcia "Cia" Price/person']);
    assert.deepStrictEqual(quotesOf('Rep. Robert C. “Bobby” Scott said he was glad.'), []);
    // Initials for the given names.
    assert.deepStrictEqual(entitiesOf('His campaign was represented by Gov. C.L. "Butch" Otter, an early supporter.'), ['C.L. "Butch" Otter/person']);
  });

  it("a nickname between doubled apostrophes (the New York Times archive's marks) is part of the name too", () => {
    assert.deepStrictEqual(entitiesOf("Rep. Robert C. ''Bobby'' Scott threw open his family's back yard."), ["Robert C. ''Bobby'' Scott/person"]);
    assert.deepStrictEqual(quotesOf("Rep. Robert C. ''Bobby'' Scott said he was glad."), []);
  });

  it('a pronoun after the name is that person: the nickname is not the given name that genders it', () => {
    const text = 'Juan "Chico" Manriquez of Oakland carried one of the photos. "I pretty much cried the whole parade," he said.';
    assert.deepStrictEqual(quotesOf(text), ['I pretty much cried the whole parade, — Juan "Chico" Manriquez']);
  });

  it('no nickname after a verb, in a headline, after initials the recogniser placed, and no surname past the name (review)', () => {
    // `sue` is a given name to the lists, in lower case; title case capitalises every word; `U.S.` is a place.
    assert.deepStrictEqual(entitiesOf('Trump has vowed to sue "Crooked" Hillary Clinton over the ads.').filter((e) => e.endsWith('/person')), ['Hillary Clinton/person']);
    assert.ok(!entitiesOf('Trump Tells Paul ‘Get Out’ Of Race').some((e) => e.includes('Get Out')));
    assert.ok(entitiesOf('The U.S. "Dream" Team won gold in Rio.').includes('U.S./location'));
    assert.deepStrictEqual(entitiesOf('We met John “Tig” Tiegen Tuesday in Dallas.'), ['John “Tig” Tiegen/person', 'Tuesday/date', 'Dallas/location']);
  });

  it('leaves quoted words alone that are no nickname: no given name before them, or a sentence after an initial', () => {
    assert.deepStrictEqual(quotesOf('Trump “Won” Iowa, he said.'), ['Won — he']);
    assert.ok(!entitiesOf('HuffPollster: A ‘Seismic Shift’ Among Voters.').some((e) => e.endsWith('/person')));
    // `R-S.C.` ends its sentence before the quotation: the initial rule looks for a quoted word and a name after it.
    assert.deepStrictEqual(quotesOf('"To those who support Mr. Trump, I understand," said Sen. Lindsey Graham, R-S.C. "I get that. But if he continues this he\'s really dishonoring that support."'), [
      'To those who support Mr. Trump, I understand, — Sen. Lindsey Graham',
      'I get that. But if he continues this he\'s really dishonoring that support. — Sen. Lindsey Graham',
    ]);
  });

  it('PolNeAR: John “Tig” Tiegen is one person who speaks; “Tig” is nobody’s quotation', function () {
    const benghazi = analysePolnearTrain(this, 'west-journal_2016-07-28_obama-claims-hillary-most-qualif.txt');
    assert.ok(benghazi.entities.some((e) => e.text === 'John “Tig” Tiegen' && e.type === 'person'));
    assert.ok(!benghazi.quotes.some((q) => q.text === 'Tig'));
    assert.ok(benghazi.actors.some((a) => a.name === 'John “Tig” Tiegen' && a.quotes.length >= 3));
  });
});
