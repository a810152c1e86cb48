import * as assert from 'assert';
import { analyzeArticle } from '../../server/src/core/analysis';
import { analysePolnearTrain } from '../helpers/polnearArticles';
import { context, names, newService } from '../helpers/resources';
import { readSeed, SEEDS, withCursor } from '../helpers/seeds';

const analyze = (text: string) => analyzeArticle(text, context);
const personNames = (text: string) => analyze(text).actors.filter((a) => a.type === 'person').map((a) => a.name);
const doc = (uri: string, text: string) => ({ uri, version: 1, getText: () => text });

describe('actors', () => {
  it('joins a surname alone with the full name and keeps the apposition role (000)', () => {
    const { actors } = analyze(readSeed(SEEDS.lavrovJamil));
    const lavrov = actors.find((a) => a.name === 'Sergei Lavrov');
    assert.ok(lavrov, `Sergei Lavrov among ${actors.map((a) => a.name).join(', ')}`);
    assert.strictEqual(lavrov.type, 'person');
    assert.ok(lavrov.mentions.length >= 5, 'full name and four surname mentions');
    assert.ok(lavrov.roles.includes('Russian Foreign Minister'), `roles: ${lavrov.roles.join('; ')}`);
    const jamil = actors.find((a) => a.name === 'Qadri Jamil');
    assert.ok(jamil?.roles.some((r) => /Deputy Prime Minister/.test(r)));
  });

  it('joins a given name alone with the one person of the article who has it (`Bill` → Bill Clinton, `Hillary` → Hillary Clinton), without a name-variant hint', function () {
    const analysis = analysePolnearTrain(this, 'usa-today_2016-01-05_bill-is-back-hillary-s-husband-o.txt');
    const people = analysis.actors.filter((a) => a.type === 'person').map((a) => a.name);
    assert.ok(!people.includes('Bill') && !people.includes('Hillary'), people.join(', '));
    const bill = analysis.actors.find((a) => a.name === 'Bill Clinton')!;
    const hillary = analysis.actors.find((a) => a.name === 'Hillary Clinton')!;
    assert.ok(bill.mentions.some((m) => m.text === 'Bill') && hillary.mentions.some((m) => m.text === 'Hillary'));
    assert.deepStrictEqual([...bill.variants, ...hillary.variants], [], 'a given name alone is no variant spelling');
  });

  it('one person written with and without a generational suffix, a middle name or a short given name is one actor (`William F. Buckley` / `William F. Buckley, Jr.`, `Joe Biden` / `Joseph R. Biden, Jr.`, `Sandy` / `Sandra Paradis`)', function () {
    const buckley = analysePolnearTrain(this, 'breitbart_2016-01-19_long-time-leaders-of-conservativ.txt').actors.filter((a) => a.type === 'person');
    const names = buckley.map((a) => a.name);
    assert.ok(names.includes('William F. Buckley, Jr.') && !names.includes('William F. Buckley'), names.join(', '));
    // Two suffixes are two generations, father and son (`Brent Bozell III` and his father `Brent Bozell, Jr.`).
    assert.ok(names.includes('Brent Bozell III') && names.includes('Brent Bozell, Jr.'), names.join(', '));
    const hill = analysePolnearTrain(this, 'west-journal_2016-02-17_woman-reveals-stunning-thing-tru.txt').actors.filter((a) => a.type === 'person');
    assert.ok(hill.some((a) => a.name === 'Leonard Dozier Hill III' && a.mentions.some((m) => m.text === 'Leonard Hill')), hill.map((a) => a.name).join(', '));
    const paradis = analysePolnearTrain(this, 'huff-post_2016-02-12_the-unlikely-friendship-of-a-tru.txt').actors.filter((a) => a.type === 'person');
    assert.ok(paradis.some((a) => a.name === 'Sandra Paradis' && a.mentions.some((m) => m.text === 'Sandy Paradis')), paradis.map((a) => a.name).join(', '));
    // PolNeAR dev huff-post 2016-09-10.
    const biden =
      'Several Democrats came around only after strenuous lobbying by Joe Biden, who was the bill’s floor manager.\n\nMichael Haltzel, former foreign policy advisor to Vice President (then-Senator) Joseph R. Biden, Jr., is Senior Fellow at the Center for Transatlantic Relations.\n';
    assert.deepStrictEqual(personNames(biden), ['Joseph R. Biden, Jr.', 'Michael Haltzel']);
  });

  it('a father and a son of one name stay two actors: `Sr.` beside the name without it, a suffix on a name without a middle name, a kinship word (`Duncan Hunter Sr.`, `Donald Trump Jr.`, `his father, Joseph P. Kennedy`)', function () {
    const hunter = analysePolnearTrain(this, 'huff-post_2016-02-24_donald-trump-picks-up-his-first-.txt').actors.map((a) => a.name);
    assert.ok(hunter.includes('Duncan Hunter') && hunter.includes('Duncan Hunter Sr.'), hunter.join(', '));
    const clay = analysePolnearTrain(this, 'breitbart_2016-06-05_the-latest-mourners-say-ali-s-de.txt').actors.map((a) => a.name);
    assert.ok(clay.includes('Cassius Clay') && clay.includes('Cassius Clay Sr.') && clay.includes('Charles Elliott III') && clay.includes('Charles Elliott Jr.'), clay.join(', '));
    assert.deepStrictEqual(personNames('Donald J. Trump accepted the nomination. Donald Trump Jr. spoke before him.\n'), ['Donald J. Trump', 'Donald Trump Jr.']);
    assert.deepStrictEqual(personNames('Joseph P. Kennedy Jr. was killed in the war. His father, Joseph P. Kennedy, had been ambassador in London.\n'), ['Joseph P. Kennedy Jr.', 'Joseph P. Kennedy']);
  });

  it('an initial with its full stop before a name written out is no other given name of that letter (PolNeAR: `C. Rick Martin` is not `Carmel Martin` of another article)', () => {
    assert.strictEqual(names.similarPersonNames('C. Rick Martin', 'Carmel Martin'), false);
  });

  it('leaves a given name alone that two people of the article share (`Bill` beside Bill Clinton and Bill de Blasio)', () => {
    const text = 'Bill Clinton and Bill de Blasio met in Harlem. Bill said the city had changed.\n';
    const people = analyze(text).actors.filter((a) => a.type === 'person');
    assert.deepStrictEqual(people.map((a) => a.name).sort(), ['Bill', 'Bill Clinton', 'Bill de Blasio']);
  });

  it('reads multi-word roles with "for" (UN Special Envoy for Syria)', () => {
    const { actors } = analyze(readSeed(SEEDS.lavrovSteinmeier));
    const envoy = actors.find((a) => /Mistura/.test(a.name));
    assert.ok(envoy, 'Staffan De Mistura is an actor');
    assert.ok(envoy.roles.includes('UN Special Envoy for Syria'), `roles: ${envoy.roles.join('; ')}`);
  });

  it('joins a misspelled surname with the full name in context (Steimeier / Steinmeier)', () => {
    const { actors } = analyze(readSeed(SEEDS.lavrovSteinmeier));
    const steinmeier = actors.find((a) => a.name === 'Frank-Walter Steinmeier');
    assert.ok(steinmeier, 'Frank-Walter Steinmeier is an actor');
    assert.ok(steinmeier.mentions.some((m) => m.text === 'Steimeier'), 'Steimeier is one of his mentions');
  });

  it('tells spelling variants of one person from different people', () => {
    assert.ok(names.similarPersonNames('Sergei Lavrov', 'Sergey Lavrov'));
    assert.ok(names.similarPersonNames('Sataffan de Mistura', 'Staffan De Mistura'));
    assert.ok(!names.similarPersonNames('Bashar al-Assad', 'Rifaat al-Assad'));
    assert.ok(!names.similarPersonNames('Joe Biden', 'Hunter Bidon'));
    assert.strictEqual(names.surnameOf('Staffan de Mistura'), 'mistura');
  });

  it('tells people apart by middle names that cannot be the same, and by a man’s and a woman’s given name (George W. / H.W. Bush, Eric / Erica Garner)', function () {
    assert.ok(!names.similarPersonNames('George W. Bush', 'George H.W. Bush'));
    assert.ok(!names.similarPersonNames('George W. Bush', 'George P. Bush'));
    assert.ok(!names.similarPersonNames('George W. Bush', 'George HW Bush'));
    assert.ok(names.similarPersonNames('George H. W. Bush', 'George HW Bush'));
    assert.ok(names.similarPersonNames('George W. Bush', 'George Bush'), 'no middle name contradicts none');
    assert.ok(names.similarPersonNames('George Herbert Walker Bush', 'George H.W. Bush'));
    assert.ok(names.similarPersonNames('Hillary Rodham Clinton', 'Hillary Diane Rodham Clinton'), 'a full name shortened to the middle name one goes by');
    assert.ok(names.similarPersonNames('Hillary R. Clinton', 'Hillary Rodham Clinton'));
    assert.ok(!names.similarPersonNames('Eric Garner', 'Erica Garner'));
    assert.ok(names.similarPersonNames('Melanne Verveer', 'Melanie Verveer'), 'a name the lists do not know is left to the spelling');
    assert.ok(names.similarPersonNames('Kirsten Gillibrand', 'Kristen Gillibrand'));
    // In an article that names father and son, and one that names Eric Garner and his daughter.
    const historians = analysePolnearTrain(this, 'usa-today_2016-08-10_historians-clinton-obama-linked-.txt');
    const bushes = historians.actors.filter((a) => a.type === 'person' && /^George .*Bush$/.test(a.name)).map((a) => a.name).sort();
    assert.deepStrictEqual(bushes, ['George H.W. Bush', 'George W. Bush']);
    const garners = analysePolnearTrain(this, 'wash-post_2016-02-17_sanders-and-clinton-see-black-vo.txt').actors.filter((a) => /Garner/.test(a.name));
    assert.deepStrictEqual(garners.map((a) => a.name).sort(), ['Eric Garner', 'Erica Garner']);
  });

  it('a compound surname without its given name is the same person (Wasserman Schultz, Peña Nieto, Suu Kyi); a given name and surname are not a tail (Ted Cruz)', function () {
    assert.ok(names.similarPersonNames('Wasserman Schultz', 'Debbie Wasserman Schultz'));
    assert.ok(names.similarPersonNames('Enrique Peña Nieto', 'Peña Nieto'));
    assert.ok(names.similarPersonNames('Suu Kyi', 'Aung San Suu Kyi'));
    // A headline word glued to a name (`Conflates Ted Cruz`) must not take Ted Cruz's mentions and name him.
    assert.ok(!names.similarPersonNames('Ted Cruz', 'Conflates Ted Cruz'));
    // An initial is no compound surname: the son is not the father, one Kennedy not every Kennedy.
    assert.ok(!names.similarPersonNames('W. Bush', 'George H. W. Bush'));
    assert.ok(!names.similarPersonNames('F. Kennedy', 'Robert F. Kennedy'));
    assert.deepStrictEqual(names.spellingEvidence('Wasserman Schultz', 'Debbie Wasserman Schultz'), ['same surname (Schultz)', 'one spelling is a compound surname without its given name (Wasserman Schultz)']);
    const article = analysePolnearTrain(this, 'politico_2016-08-30_wasserman-schultz-survives-spiri.txt');
    const people = article.actors.filter((a) => a.type === 'person' && /Wasserman Schultz/.test(a.name));
    assert.deepStrictEqual(people.map((a) => a.name), ['Debbie Wasserman Schultz']);
    assert.ok(people[0].mentions.length >= 10, `her mentions: ${people[0].mentions.length}`);
  });

  it('a name garbled by a wrong decoding is one actor, whole (Enrique PeÃ±a Nieto, not `Enrique PeÃ` and a place `Nieto`)', function () {
    const article = analysePolnearTrain(this, 'usa-today_2016-09-01_trump-didn-t-need-to-meet-with-p.txt');
    const named = article.actors.map((a) => `${a.type}:${a.name.normalize('NFC')}`).filter((name) => /Nieto|PeÃ/.test(name));
    assert.deepStrictEqual(named, ['person:Enrique PeÃ±a Nieto']);
  });

  it('across the workspace a compound surname joins the full name another article gives (Wasserman Schultz)', () => {
    const service = newService();
    service.indexArticle('file:///a.txt', 'Rep. Debbie Wasserman Schultz said on Monday that the party would stay united.\n');
    service.indexArticle('file:///b.txt', 'Wasserman Schultz said the convention would open on time.\n');
    const { text, offset } = withCursor('Wasser|man Schultz said the convention would open on time.\n');
    const card = service.getActorCard(doc('file:///b.txt', text), offset);
    assert.ok(card, 'an actor under the cursor');
    assert.deepStrictEqual(card.elsewhere.map((r) => r.uri), ['file:///a.txt']);
  });

  it('hover card lists the other workspace articles that mention the actor, across spellings', () => {
    const service = newService();
    for (const [name, seed] of Object.entries(SEEDS)) service.indexArticle(`file:///seeds/${name}.txt`, readSeed(seed));
    const { text, offset } = withCursor(readSeed(SEEDS.lavrovJamil).replace('Lavrov said that', 'La|vrov said that'));
    const card = service.getActorCard(doc('file:///seeds/lavrovJamil.txt', text), offset);
    assert.ok(card, 'an actor under the cursor');
    assert.strictEqual(card.actor.name, 'Sergei Lavrov');
    const others = card.elsewhere.map((r) => r.uri).sort();
    assert.deepStrictEqual(others, ['file:///seeds/lavrovKerry.txt', 'file:///seeds/lavrovMunich.txt', 'file:///seeds/lavrovSteinmeier.txt', 'file:///seeds/lavrovZannier.txt']);
    assert.ok(card.elsewhere.some((r) => r.actor.name === 'Sergey Lavrov'), 'the Sergey spelling is found too');
  });

  it('the card follows the workspace: an article added or removed after a hover shows in the next one', () => {
    // Hovers over one name repeat; the index keeps their answers until it changes.
    const service = newService();
    service.indexArticle('file:///seeds/lavrovKerry.txt', readSeed(SEEDS.lavrovKerry));
    const { text, offset } = withCursor(readSeed(SEEDS.lavrovJamil).replace('Lavrov said that', 'La|vrov said that'));
    let version = 1;
    let edited = text;
    const hover = () => service.getActorCard({ uri: 'file:///seeds/lavrovJamil.txt', version, getText: () => edited }, offset)?.elsewhere.map((r) => r.uri).sort();
    assert.deepStrictEqual(hover(), ['file:///seeds/lavrovKerry.txt']);
    assert.deepStrictEqual(hover(), ['file:///seeds/lavrovKerry.txt'], 'asked again');
    // Typing in the hovered article re-indexes it; what the rest of the workspace says is unchanged.
    edited = `${text}\nLavrov, Russia's foreign minister, said the talks would go on.\n`;
    version = 2;
    assert.deepStrictEqual(hover(), ['file:///seeds/lavrovKerry.txt'], 'after an edit of the hovered article');
    service.indexArticle('file:///seeds/lavrovMunich.txt', readSeed(SEEDS.lavrovMunich));
    assert.deepStrictEqual(hover(), ['file:///seeds/lavrovKerry.txt', 'file:///seeds/lavrovMunich.txt']);
    service.removeArticle('file:///seeds/lavrovKerry.txt');
    assert.deepStrictEqual(hover(), ['file:///seeds/lavrovMunich.txt']);
  });

  it('gives no card on a word that is not an actor', () => {
    const { text, offset } = withCursor('Lavrov said that the con|flict must end.');
    assert.strictEqual(newService().getActorCard(doc('file:///a.txt', text), offset), undefined);
  });
});
