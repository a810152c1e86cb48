import * as assert from 'assert';
import type { ArticleAnalysis } from '../../server/src/core/analysis';
import { analysePolnearTrain } from '../helpers/polnearArticles';

/** The actor holding the name mention that starts where `phrase` starts in the article. */
function actorAt(analysis: ArticleAnalysis, phrase: string) {
  const start = analysis.text.indexOf(phrase);
  assert.ok(start >= 0, `"${phrase}" is in the article`);
  return analysis.actors.find((a) => a.mentions.some((m) => m.start === start));
}

function entitiesAt(analysis: ArticleAnalysis, phrase: string) {
  const start = analysis.text.indexOf(phrase);
  assert.ok(start >= 0, `"${phrase}" is in the article`);
  return analysis.entities.filter((e) => e.start < start + phrase.length && start < e.end).map((e) => `${e.type}:${e.text}`);
}

describe('given names coordinated before what they share (issue 14: actors that hold up on real news)', () => {
  it('a body named after people by their given names is one organisation, with no person or organisation of a given name alone', function () {
    const clintons = analysePolnearTrain(this, 'nyt_2016-08-22_foundation-and-donors-complicate.txt');
    assert.deepStrictEqual(entitiesAt(clintons, 'Bill, Hillary and Chelsea Clinton Foundation'), ['organization:Bill, Hillary and Chelsea Clinton Foundation']);
    const hewlett = analysePolnearTrain(this, 'nyt_2016-08-31_the-human-face-of-coal-power.txt');
    assert.deepStrictEqual(entitiesAt(hewlett, 'William and Flora Hewlett Foundation'), ['organization:William and Flora Hewlett Foundation']);
    assert.ok(!hewlett.actors.some((a) => a.name === 'William'));
    const gates = analysePolnearTrain(this, 'usa-today_2016-07-28_the-hillary-speech-we-d-like-to-.txt');
    assert.deepStrictEqual(entitiesAt(gates, 'Bill and Melinda Gates Foundation'), ['organization:Bill and Melinda Gates Foundation']);
  });

  it('a given name before a full name is a person of that surname, whatever type the tagger gave it, when the article writes the two together', function () {
    // `Khizr and Ghazala Khan` (the tagger: a place) beside `Khizr Khan` elsewhere in the article.
    const widow = analysePolnearTrain(this, 'west-journal_2016-08-05_benghazi-widow-dorothy-woods-def.txt');
    assert.deepStrictEqual(entitiesAt(widow, 'Khizr and Ghazala Khan'), ['person:Khizr', 'person:Ghazala Khan']);
    assert.strictEqual(actorAt(widow, 'Khizr and Ghazala')?.name, 'Khizr Khan');
    // `brothers Ammon and Ryan Bundy` (the tagger: an organisation) beside `Ammon Bundy`.
    const bundy = analysePolnearTrain(this, 'wash-post_2016-02-21_oregon-occupier-uses-st-amendmen.txt');
    assert.strictEqual(actorAt(bundy, 'Ammon and Ryan')?.name, 'Ammon Bundy');
    // Without that sign a place stays a place: `Georgia and John Boozman`.
    const senators = analysePolnearTrain(this, 'politico_2016-05-31_cruz-looks-to-ease-bad-blood-wit.txt');
    assert.ok(entitiesAt(senators, 'Georgia and John Boozman').includes('location:Georgia'));
  });

  it('a given name alone takes the surname of the full name coordinated after it, unless the article has a person of that given name', function () {
    // `Charles and David Koch`: Charles Koch, and David Koch stays himself.
    const kochs = analysePolnearTrain(this, 'huff-post_2016-08-15_this-democrat-isn-t-challenging-.txt');
    assert.strictEqual(actorAt(kochs, 'Charles and David Koch')?.name, 'Charles Koch');
    assert.ok(actorAt(kochs, 'Charles and David Koch')?.spellings.includes('Charles Koch'), 'the workspace joins it by that spelling');
    assert.strictEqual(actorAt(kochs, 'David Koch')?.name, 'David Koch');
    const reversed = analysePolnearTrain(this, 'usa-today_2016-05-09_teaches-graduates-the-wrong-less.txt');
    assert.strictEqual(actorAt(reversed, 'David and Charles Koch')?.name, 'David Koch');
    // `Bill and Hillary Clinton` with no full name of Bill in the article.
    const love = analysePolnearTrain(this, 'usa-today_2016-01-19_clinton-media-strategy-follows-b.txt');
    assert.strictEqual(actorAt(love, 'Bill and Hillary Clinton')?.name, 'Bill Clinton');
    // The article's Hillary is Hillary Clinton, not `Hillary Abedin`.
    const abedin = analysePolnearTrain(this, 'breitbart_2016-01-31_issa-hillary-clinton-s-honesty-i.txt');
    assert.strictEqual(actorAt(abedin, 'Hillary and Huma Abedin')?.name, 'Hillary Clinton');
    // A surname is no given name: `Obama and Hillary Clinton` leaves Obama himself.
    const cash = analysePolnearTrain(this, 'usa-today_2015-11-20_campaign-cash-tied-to-turkish-gr.txt');
    assert.strictEqual(actorAt(cash, 'Obama and Hillary Clinton')?.name, 'Obama');
  });
});
