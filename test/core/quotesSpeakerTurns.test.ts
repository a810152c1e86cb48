/**
 * Issue 15: whom a pronoun after a quotation stands for. A name with an auxiliary after it is the subject of its
 * clause (`Kaine did not see the media's point.` had ranked as no subject, and the next `he` went to the previous
 * quotation's speaker); a quotation given to a phrase that is no person (`Audiences can expect him to …`) leaves
 * no person behind for a later `he`; the subject of an embedded clause is no topic (`in the event that Clinton
 * faces …, she replied`); a title no one bears goes to the ranker, not to the nearest subject. Paragraphs from
 * PolNeAR train (west-journal_2016-09-01, huff-post_2016-08-05, breitbart_2016-03-29, politico_2015-11-19) whose
 * quotations had gone to DeMarco Morgan, `Audiences`, Clinton and De Blasio; a pronoun never stands for a name its
 * own clause puts after it (`he told Rubio`).
 */
import * as assert from 'assert';
import { subjectRank } from '../../server/src/core/quotes/coreference';
import { speakerKind } from '../../server/src/core/quotes/phrases';
import { analysePolnearTrain, quoteOpening } from '../helpers/polnearArticles';
import { analyseQuotes as analyse, quoteDoc, speakerOf } from '../helpers/quoteAnalysis';

describe('quotes: the speaker a pronoun continues', () => {
  it('a name before an auxiliary is its clause’s subject, and the `he` after it is that name', () => {
    const text =
      'Tim Kaine decried that math, saying Clinton took questions during an appearance at the joint convention of the National Association of Black Journalists last month. Kaine dubbed her appearance a “press conference.”\n\n“But that was the first time in a long time, senator,” CBS This Morning co-Anchor DeMarco Morgan said. “She doesn’t do it that often.”\n\nKaine did not see the media’s point.\n\n“I don’t see what the massive difference is between a press conference and talking to the press everywhere you go,” he said.';
    const names = { 'Tim Kaine': 'person', Kaine: 'person', Clinton: 'person', 'DeMarco Morgan': 'person', 'National Association of Black Journalists': 'organization' } as const;
    const doc = quoteDoc(text, names);
    const at = text.indexOf('Kaine did');
    assert.strictEqual(subjectRank(doc, { start: at, end: at + 5, type: 'person', text: 'Kaine' }), 1);
    assert.strictEqual(speakerOf(analyse(text, names), 'I don’t see'), 'Kaine');
  });

  it('a plural noun for people heads a group (`Audiences`), and a quotation given to it leaves no person for a later `he`', () => {
    const text =
      '“I love women, and I’ve always tried to treat them well,” Butz said.\n\nPutting the show together, Butz said, allowed him to “get in touch with the feminine within myself,” too. Audiences can expect him to approach the evening’s set with “maybe a little more recklessness than they’re used to.”\n\n“It’s straight from the heart,” he said. “I’m gonna take some risks.”';
    const names = { Butz: 'person' } as const;
    const doc = quoteDoc(text, names);
    const at = doc.tokens.findIndex((t) => t.text === 'Audiences');
    assert.strictEqual(speakerKind(doc, { from: at, to: at + 1 }), 'group');
    assert.strictEqual(speakerOf(analyse(text, names), 'It’s straight'), 'Butz');
  });

  it('the subject of an embedded clause is not the topic a later `she` continues, and a title no one bears goes to the ranker (PolNeAR train)', function () {
    // `Asked about her own vote in the event that Clinton faces Republican frontrunner Trump, …, she replied: “I don’t
    // know. …”` had gone to Clinton.
    const sarandon = analysePolnearTrain(this, 'breitbart_2016-03-29_liberal-oscar-winner-sarandon-no.txt');
    for (const opening of ['I don’t know', 'Really']) assert.strictEqual(quoteOpening(sarandon, opening).actor, 'Susan Sarandon', opening);
    // `Trump called upon Mayor Bill de Blasio … De Blasio disbanded the unit in April 2014. ¶ "There’s hatred …," the
    // Republican presidential candidate said`: the nearest subject was taken for the candidate, and the `he` after.
    const deBlasio = analysePolnearTrain(this, 'politico_2015-11-19_trump-calls-for-bringing-back-su.txt');
    for (const opening of ['There’s hatred', 'I think we ought to start']) assert.strictEqual(quoteOpening(deBlasio, opening).actor, 'Donald Trump', opening);
  });

  it('a short term that opens a sentence of the narrator continues no one’s words (audit 6; PolNeAR train)', function () {
    // `Bush: "The mission is to destroy ISIS -- not to contain it." ¶ "Containment" has been U.S. policy …` had gone
    // to Bush as the second part of his quotation; a quotation that ends its words with punctuation still continues.
    const containment = analysePolnearTrain(this, 'usa-today_2015-12-01_for-gop-a-golden-opportunity-to-.txt');
    const term = containment.quotes.find((q) => q.text === 'Containment');
    assert.ok(term, 'the quotation “Containment” is found');
    assert.strictEqual(term.kind, 'scare');
    assert.strictEqual(term.attribution, undefined);
    const names = { Obama: 'person', Clinton: 'person' } as const;
    const text = '“My name may not be on the ballot, but our progress is,” Mr. Obama said at the dinner, where Mrs. Clinton also spoke. “Tolerance.” “Containment” is a word he avoids.';
    const quotes = analyse(text, names);
    assert.strictEqual(speakerOf(quotes, 'Tolerance'), 'Mr. Obama');
    assert.strictEqual(speakerOf(quotes, 'Containment'), undefined);
  });

  it('a pronoun is not the name its own clause puts after it (`“…,” he told Rubio` had gone to Rubio; PolNeAR train)', function () {
    const rubio = analysePolnearTrain(this, 'wash-post_2015-12-20_marco-rubio-s-strategic-stances.txt');
    assert.strictEqual(quoteOpening(rubio, 'U.S. citizens').actor, 'Scott Szlachta');
  });

  it('a demonstrative `that`, or one in the sentence before, embeds no one (review: `That night, Donald Trump won …` ¶ `“…,” he said` had gone to Sanders)', () => {
    const names = { 'Bernie Sanders': 'person', 'Donald Trump': 'person', Iowa: 'location', 'Des Moines': 'location' } as const;
    const before = 'Bernie Sanders spoke to voters in Iowa in the morning.\n\n';
    for (const sentence of [
      'That night, Donald Trump won the caucus in a landslide.',
      'After that, Donald Trump held a rally in Des Moines.',
      'Polls had suggested that the race would be “a close one.” Donald Trump won the caucus in a landslide.',
    ]) {
      assert.strictEqual(speakerOf(analyse(`${before}${sentence}\n\n“We did it,” he said.`, names), 'We did it'), 'Donald Trump', sentence);
    }
  });

  it('a speaker the recogniser did not type is still a person a later `he` continues (review: `“…,” Oyelaran said` ¶ … ¶ `“…,” he said`)', () => {
    const text =
      'Governor John Smith signed the bill on Monday.\n\n“We will not leave until the ruling is overturned,” Oyelaran said.\n\nPolice watched from across the street.\n\n“This is our land,” he said.';
    assert.strictEqual(speakerOf(analyse(text, { 'John Smith': 'person' }), 'This is our land'), 'Oyelaran');
  });

  it('a possessor’s plural is a group a later `he` does not continue, and a plural head ends its phrase before an adverb (second review)', () => {
    const lawyers = 'Ted Cruz was born in Canada.\n\n“He is a natural born citizen,” Cruz’s lawyers wrote.\n\nThe court did not rule.\n\n“We will appeal,” he said.';
    assert.strictEqual(speakerOf(analyse(lawyers, { 'Ted Cruz': 'person', Cruz: 'person', Canada: 'location' }), 'We will appeal'), 'Cruz');
    assert.strictEqual(speakerOf(analyse('“We will fight,” the voters often say.', {}), 'We will fight'), 'the voters');
  });

  it('`said that,` with a clause set off after it still embeds the subject that follows (second review)', () => {
    const text = 'Bernie Sanders spoke to voters in Iowa in the morning.\n\nAides said that, as long as the field stayed divided, Donald Trump would win.\n\n“We did it,” he said.';
    assert.strictEqual(speakerOf(analyse(text, { 'Bernie Sanders': 'person', 'Donald Trump': 'person', Iowa: 'location' }), 'We did it'), 'Bernie Sanders');
  });

  it('a name after `went after` and before a comma is an object, not the subject of the participle after it (`Here’s a guy …` had gone to Bush)', () => {
    const text =
      'Republican presidential candidate Donald Trump is spending the final day of the New Hampshire primary attacking a rival who is far behind him in the polls: former Florida Gov. Jeb Bush.\n\nSpeaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff.”\n\nHe says, “Here’s a guy, honestly, if he weren’t in government, you wouldn’t hire him to do anything.”';
    const names = { 'Donald Trump': 'person', Trump: 'person', 'Jeb Bush': 'person', Bush: 'person', Salem: 'location', 'New Hampshire': 'location', Florida: 'location' } as const;
    const doc = quoteDoc(text, names);
    const at = text.indexOf('Bush, calling');
    assert.strictEqual(subjectRank(doc, { start: at, end: at + 4, type: 'person', text: 'Bush' }), 0);
    assert.strictEqual(speakerOf(analyse(text, names), 'Here’s a guy'), 'Trump');
  });
});

