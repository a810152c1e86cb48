import * as assert from 'assert';
import type { ArticleAnalysis } from '../../server/src/core/analysis';
import { analyzeArticle } from '../../server/src/core/analysis';
import { analysePolnearTrain } from '../helpers/polnearArticles';
import { context } from '../helpers/resources';

/** The actor of the article named `name`, by any of its mentions. */
function actorNamed(analysis: ArticleAnalysis, name: string) {
  return analysis.actors.find((a) => a.name === name || a.mentions.some((m) => m.text === name));
}

/** The name of the actor each quotation of the article is given to, by the quotation's start. */
function speakersByQuote(analysis: ArticleAnalysis): Map<number, string> {
  const speakers = new Map<number, string>();
  for (const actor of analysis.actors) for (const quote of actor.quotes) speakers.set(quote.start, actor.name);
  return speakers;
}

describe('people the tagger took for organisations (issue 14: a person actor is a person)', () => {
  it('a given name of the birth registers that the name lists leave out, after a role word, is a person’s (PolNeAR: `tea-party backed candidate Art Halvorson`)', function () {
    const analysis = analysePolnearTrain(this, 'politico_2016-04-18_outside-gop-group-goes-in-big-fo.txt');
    const halvorson = analysis.actors.filter((a) => /Halvorson/.test(a.name));
    assert.deepStrictEqual(halvorson.map((a) => [a.name, a.type]), [['Art Halvorson', 'person']]);
    assert.strictEqual(halvorson[0].mentions.length, 7);
    // A register's name that is also a city's, beside a person, is no sign: `Houston Astros fans` are a team's.
    const astros = analyzeArticle('Brad Pitt and Houston Astros fans cheered on Monday.', context);
    assert.strictEqual(astros.entities.find((e) => e.text === 'Houston Astros')?.type, 'organization');
  });

  it('a given name after a possessive and a noun of kinship is a person (PolNeAR: `following the death of his son Beau`, `her sister Victoria`)', () => {
    for (const [text, name] of [
      ['Biden spoke in Scranton following the death of his son Beau last year.', 'Beau'],
      ['“I believe it,” said Jillian Soto, who lost her sister Victoria at Sandy Hook.', 'Victoria'],
    ]) {
      const analysis = analyzeArticle(text, context);
      assert.strictEqual(analysis.entities.find((e) => e.text === name)?.type, 'person', text);
    }
  });

  it('the family of a person of the article is people, and is given their quotes (Ivanka Trump, Melania Trump beside Donald Trump)', function () {
    const ivanka = analysePolnearTrain(this, 'wash-post_2016-08-09_ivanka-trump-champions-some-work.txt');
    const actor = actorNamed(ivanka, 'Ivanka Trump');
    assert.strictEqual(actor?.type, 'person');
    assert.ok(!ivanka.actors.some((a) => a.type === 'organization' && /Ivanka|^Trump$/.test(a.name)), 'no organisation named Ivanka or Trump is left');
    // “Policies that allow women with children to thrive …,” she said (after `Ivanka Trump strode across the stage`).
    const speakers = speakersByQuote(ivanka);
    const first = ivanka.quotes.find((q) => q.text.startsWith('Policies that allow women'))!;
    assert.strictEqual(speakers.get(first.start), 'Ivanka Trump');
    // “Me and my peers, we're working really hard …,” Trump told Vogue: the article's Trump here is Ivanka, not her father.
    const vogue = ivanka.quotes.find((q) => q.text.startsWith('Me and my peers'))!;
    assert.strictEqual(speakers.get(vogue.start), 'Ivanka Trump');

    const melania = analysePolnearTrain(this, 'wash-post_2016-07-20_beyond-plagiarism-a-bigger-issue.txt');
    assert.strictEqual(actorNamed(melania, 'Melania Trump')?.type, 'person');
  });

  it('a given name alone is a person of the article, not an organisation (Bill of Bill, Hillary, and Chelsea; the Bill Clinton years)', function () {
    const organisationsNamed = (analysis: ArticleAnalysis, name: string) => analysis.entities.filter((e) => e.type === 'organization' && e.text === name).length;
    // “… the prosecution of Bill, Hillary, and Chelsea”: a list of people.
    const stone = analysePolnearTrain(this, 'breitbart_2016-08-08_exclusive-roger-stone-don-t-trus.txt');
    assert.strictEqual(organisationsNamed(stone, 'Bill'), 0);
    assert.ok(stone.entities.some((e) => e.type === 'person' && e.text === 'Bill'));
    // “the story of how Bill and Hillary Clinton fell in love.”
    const love = analysePolnearTrain(this, 'usa-today_2016-01-19_clinton-media-strategy-follows-b.txt');
    assert.strictEqual(organisationsNamed(love, 'Bill'), 0);
    // “an oral history of the Bill Clinton years”: the given name begins the person's name.
    const years = analysePolnearTrain(this, 'nyt_2016-06-08_durability-carries-clinton-to-he.txt');
    const start = years.text.indexOf('Bill Clinton years');
    assert.ok(years.entities.some((e) => e.type === 'person' && e.start === start && e.text === 'Bill Clinton'));
    // “not me, not Bill, nobody”, in an article that names Bill Clinton: his actor.
    const obama = analysePolnearTrain(this, 'nyt_2016-07-29_obama-lays-out-stakes-for-a-divi.txt');
    assert.strictEqual(organisationsNamed(obama, 'Bill'), 0);
    assert.ok(actorNamed(obama, 'Bill Clinton')?.mentions.some((m) => m.text === 'Bill'), 'Bill is among Bill Clinton’s mentions');
    // A club before the role it qualifies stays one, though `and` joins it to a person.
    const club = analyzeArticle('Liverpool striker Mark Kennedy and Chelsea defender Terry Phelan were both injured on Saturday.\n', context);
    assert.ok(club.entities.some((e) => e.type === 'organization' && e.text === 'Chelsea'), club.entities.map((e) => `${e.type}:${e.text}`).join(', '));
    // An outlet after an article stays one, with its host beside it (`The Blaze’s Matt Walsh`).
    const blaze = analysePolnearTrain(this, 'huff-post_2016-05-11_sanders-told-a-female-reporter-n.txt');
    assert.ok(organisationsNamed(blaze, 'Blaze') > 0);
  });

  it('a name with a role word or another person beside it is a person, and its short form goes with it (Marine Le Pen, Bill Cosby)', function () {
    const lePen = analysePolnearTrain(this, 'huff-post_2016-08-31_france-s-marine-le-pen-backs-tru.txt');
    const people = lePen.actors.filter((a) => a.mentions.some((m) => /Le Pen$/.test(m.text)) && !/Backs/.test(a.name));
    assert.deepStrictEqual(people.map((a) => [a.name, a.type]), [['Marine Le Pen', 'person']], 'one person, `Le Pen` among her mentions');
    assert.ok(people[0].mentions.length >= 4 && people[0].quotes.length > 0);

    const cosby = analysePolnearTrain(this, 'nyt_2016-01-18_a-one-person-job-now-divided-amo.txt');
    assert.strictEqual(actorNamed(cosby, 'Bill Cosby')?.type, 'person');
  });

  it('organisations with the form of a name and no sign of a person stay organisations (Morgan Stanley, Eli Lilly; Stop Trump, Team Trump)', function () {
    for (const [file, name] of [
      ['nyt_2016-01-07_personal-touch-helps-boutique-ba.txt', 'Morgan Stanley'],
      ['west-journal_2016-07-01_leaked-documents-reveal-democrat.txt', 'Eli Lilly'],
      ['politico_2016-04-04_anti-trump-super-pac-does-wiscon.txt', 'Stop Trump'],
      ['breitbart_2016-06-29_donald-trump-denies-mike-tyson-i.txt', 'Team Trump'],
    ]) {
      const analysis = analysePolnearTrain(this, file);
      const mentions = analysis.entities.filter((e) => e.text === name);
      assert.ok(mentions.length > 0, `${name} is an entity of ${file}`);
      assert.ok(mentions.every((e) => e.type === 'organization'), `${name} stays an organisation in ${file}`);
    }
  });
});
