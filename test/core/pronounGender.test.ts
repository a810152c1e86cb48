import * as assert from 'assert';
import { analysePolnearTrain, quoteOpening } from '../helpers/polnearArticles';
import { derivedGivenNameGender } from '../../server/src/core/quotes/document';
import { resources } from '../helpers/resources';

describe('a pronoun agrees with the given names of the birth registers, not only the hand-written ones (issue 15)', () => {
  it('reads the derived list for gender only: the hand-written list wins, and it adds no names to the name lists', () => {
    const lexicon = resources.quotes;
    // From the SSA counts (`given-name-genders.tsv`): names the hand-written list lacks.
    assert.strictEqual(lexicon.givenNameGenders.get('Gilda'), 'f');
    assert.strictEqual(lexicon.givenNameGenders.get('Lance'), 'm');
    assert.strictEqual(lexicon.firstNames.get('Gilda'), undefined, 'the hand-written list is unchanged');
    // The hand-written list wins: the registers call `Lindsey` a girl's name, Lindsey Graham is a man.
    assert.strictEqual(lexicon.givenNameGenders.get('Lindsey'), 'm');
    // Ambiguous names are left out rather than guessed.
    for (const name of ['Pat', 'Kim', 'Lee', 'Jordan']) assert.strictEqual(lexicon.givenNameGenders.get(name), undefined, name);
  });

  it('“she said” after a woman the hand-written list did not know goes to her, not to a man named before (Gilda Cobb-Hunter, Colleen Deacon, Wendy Sherman)', function () {
    const iowa = analysePolnearTrain(this, 'huff-post_2016-02-01_here-s-why-winning-iowa-could-br.txt');
    assert.deepStrictEqual(quoteOpening(iowa, 'South Carolina’s black vote is not a monolith'), { mention: 'she', actor: 'Gilda Cobb-Hunter' });
    const deacon = analysePolnearTrain(this, 'wash-post_2016-06-27_the-revolutionary-s-next-tactic-.txt');
    assert.deepStrictEqual(quoteOpening(deacon, 'By coming to town'), { mention: 'she', actor: 'Colleen Deacon' });
    const emails = analysePolnearTrain(this, 'politico_2016-02-19_more-hillary-clinton-emails-rele.txt');
    assert.deepStrictEqual(quoteOpening(emails, 'Tunis plane wheels up'), { mention: 'she', actor: 'Wendy Sherman' });
  });

  it('“he said” after a man the hand-written list did not know goes to him, not to a woman named before (Lance Beebe)', function () {
    const beebe = analysePolnearTrain(this, 'usa-today_2016-01-05_bill-is-back-hillary-s-husband-o.txt');
    assert.deepStrictEqual(quoteOpening(beebe, 'I ask my wife'), { mention: 'he', actor: 'Lance Beebe' });
  });

  it('“she said” after a woman whose husband of the same surname was named after her goes to her (Rachel Berg, Milton Berg)', function () {
    // The surname is the family's: `Milton Berg` named last had made the whole Berg family a man, and `she` went
    // to Ari Fleischer, quoted earlier in the article.
    const berg = analysePolnearTrain(this, 'politico_2015-12-03_trump-carson-flop-with-jewish-re.txt');
    assert.deepStrictEqual(quoteOpening(berg, 'I feel bad to say it'), { mention: 'she', actor: 'Rachel Berg' });
    assert.deepStrictEqual(quoteOpening(berg, 'special person'), { mention: 'She', actor: 'Rachel Berg' });
  });

  it('a lone surname that the registers also know as a given name takes no gender from them (Deacon, Clinton)', function () {
    // Read as given names, `Deacon` would be a man and `Clinton` (Hillary) a man too.
    assert.strictEqual(resources.quotes.givenNameGenders.get('Deacon'), 'm');
    assert.strictEqual(resources.quotes.givenNameGenders.get('Clinton'), 'm');
    const deacon = analysePolnearTrain(this, 'wash-post_2016-06-27_the-revolutionary-s-next-tactic-.txt');
    assert.strictEqual(quoteOpening(deacon, 'By coming to town').actor, 'Colleen Deacon', '“Deacon had nothing bad to say … she said”');
    const beebe = analysePolnearTrain(this, 'usa-today_2016-01-05_bill-is-back-hillary-s-husband-o.txt');
    assert.notStrictEqual(quoteOpening(beebe, 'I ask my wife').actor, 'Hillary Clinton', '“he said” is not the lone `Clinton` before it');
  });

  it('reads the given name before the surname, past middle initials, and not a place or a title before it', () => {
    const lexicon = resources.quotes;
    assert.strictEqual(lexicon.givenNameGenders.get('Houston'), 'm', 'the registers call Houston a boy’s name');
    assert.strictEqual(derivedGivenNameGender(lexicon, ['Houston', 'Mayor', 'Gilda', 'Parker']), 'f');
    assert.strictEqual(derivedGivenNameGender(lexicon, ['Wendy', 'R.', 'Sherman']), 'f');
    assert.strictEqual(derivedGivenNameGender(lexicon, ['Colleen', 'Deacon']), 'f');
    assert.strictEqual(derivedGivenNameGender(lexicon, ['Deacon']), undefined, 'a lone surname is no given name');
  });
});
