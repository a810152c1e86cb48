/**
 * Issue 15, "a quoted term with no speech around it stays a scare quote": titles of books, songs and shows, and
 * slogans, that the phrase around them makes names (`core/quotes/titles.ts`). Sentences from PolNeAR train and dev
 * where such a title had been given to a speaker (`Mr. Cruz: “A Time for Truth”`), and the sentences where a title
 * is part of the words a speech verb reports and keeps its speaker.
 */
import * as assert from 'assert';
import { analyseQuotes as analyse, speakerOf } from '../helpers/quoteAnalysis';
import type { Quote } from '../../server/src/core/types';

/** The quotation starting with `prefix`. */
function quote(quotes: readonly Quote[], prefix: string): Quote {
  const q = quotes.find((x) => x.text.startsWith(prefix));
  assert.ok(q, `no quotation starting with ${JSON.stringify(prefix)}`);
  return q;
}

/** Asserts the quotation is a name: no speaker, a scare quote. */
function assertNamed(quotes: readonly Quote[], prefix: string): void {
  const q = quote(quotes, prefix);
  assert.strictEqual(q.attribution, undefined, `${prefix} was given to ${q.attribution?.mention.text}`);
  assert.strictEqual(q.kind, 'scare', prefix);
}

describe('quotes: a title the phrase around it makes a name has no speaker', () => {
  it('after the noun it is the title of (`his 2002 book, “…,”`, `the civil rights anthem “…”`, `a memo titled “…”`)', () => {
    const cruz = analyse("In his autobiography, ''A Time for Truth,'' published in 2015, Mr. Cruz described how, growing up, Rafael turned into Rafaelito and then Felito.", { Cruz: 'person', Rafael: 'person' });
    assertNamed(cruz, 'A Time for Truth');
    const mckinley = analyse("In his 2002 book, ''Make Your Kid a Millionaire,'' Mr. McKinley suggested looking at the things on your credit or debit card statement.", { McKinley: 'person' });
    assertNamed(mckinley, 'Make Your Kid');
    const labelle = analyse("The loudest roar came when, at the end of her emotional rendition of the civil rights anthem ''A Change Is Gonna Come,'' Patti LaBelle added the words, ''Hillary Clinton.''", { 'Patti LaBelle': 'person', 'Hillary Clinton': 'person' });
    assertNamed(labelle, 'A Change Is');
    const mook = analyse('Clinton campaign manager Robby Mook released a memo titled "The Facts on Where the Race Stands." He writes that Clinton has "built a nearly insurmountable lead."', { 'Robby Mook': 'person', Clinton: 'person' });
    assertNamed(mook, 'The Facts on');
    assert.strictEqual(speakerOf(mook, 'built a nearly'), 'Robby Mook');
  });

  it('before the noun it modifies, after a possessive, as the one told, and as the subject of a verb', () => {
    const hewlett = analyse('Fiorina and other HP leaders penned a series of excoriating "Dear Walter" letters that called him an "academic and musician."', { Fiorina: 'person', HP: 'organization' });
    assertNamed(hewlett, 'Dear Walter');
    const merkel = analyse('Time Magazine chose German Chancellor Angela Merkel as its “Person of the Year” for 2015.', { 'Time Magazine': 'organization', 'Angela Merkel': 'person' });
    assertNamed(merkel, 'Person of the Year');
    const fiorina = analyse('"Of course Bill Clinton’s fair game. He’s a former president," Fiorina told "Fox and Friends," reminding the co-hosts that Trump has frequently denounced former President George W. Bush.', { 'Bill Clinton': 'person', Fiorina: 'person', Trump: 'person', 'George W. Bush': 'person' });
    assert.strictEqual(speakerOf(fiorina, 'Of course'), 'Fiorina');
    assertNamed(fiorina, 'Fox and Friends');
    const play = analyse('"We laugh at our tragedies," said German Ortega, one of the stars of the play.\n\n"Sons of Trump" is an adaptation of a show called "Brokers," written by a Spanish comedy troupe.', { 'German Ortega': 'person' });
    assert.strictEqual(speakerOf(play, 'We laugh'), 'German Ortega');
    assertNamed(play, 'Sons of Trump');
  });
});

describe('quotes: titles named by the noun they modify, `entitled`, `, which`, and no speaker from a lead-in', () => {
  it("names the title before a noun of a work, a sign or a body (`a “Party of Trump” campaign`, `''Girl Power'' signs`)", () => {
    const dscc = analyse('The Democratic Senatorial Campaign Committee has rolled out a "Party of Trump" campaign dubbing GOP candidates as "Retrumplicans."', { 'Democratic Senatorial Campaign Committee': 'organization', GOP: 'organization' });
    assertNamed(dscc, 'Party of Trump');
    const warren = analyse("Supporters in the crowd of about 2,600 waved ''Girl Power'' signs in hopes of seeing the duo together on the ticket in the fall.", {});
    assertNamed(warren, 'Girl Power');
  });

  it('names the title after `entitled` and before `, which`, and gives it no speaker of the quotation before it', () => {
    const ad = analyse('The ad, entitled “Nuestra Historia (Our History),” features five Hispanic-Americans with varying national heritage speaking in Spanish.', { 'Hispanic-Americans': 'organization' });
    assertNamed(ad, 'Nuestra Historia');
    const sherry = analyse(
      "''It's easy to bash Wall Street, and we hear a lot of it,'' she said. ''I also wanted to make clear to the reader the good that banks do as well as the bad.''\n\n''Opening Belle,'' which will be in bookstores on Tuesday, is a twist on a subgenre of contemporary women's fiction.",
      { 'Wall Street': 'location' },
    );
    assertNamed(sherry, 'Opening Belle');
  });

  it('gives a named title no speaker from the paragraph before it (a lead-in)', () => {
    const carter = analyse('Carter said that the book mattered to him.\n\n"The Art of the Deal," which he wrote in 1987, sold well.', { Carter: 'person' });
    assertNamed(carter, 'The Art of the Deal');
  });

  it('names a title after the verb that reports an earlier quotation (`“…,” said Cuban, who … the TV show “Shark Tank.”`)', () => {
    const cuban = analyse('"It\'s too early to tell," said Cuban, who is also a host on the TV show "Shark Tank."', { Cuban: 'person' });
    assert.strictEqual(speakerOf(cuban, "It's too early"), 'Cuban');
    assertNamed(cuban, 'Shark Tank');
  });
});

describe('quotes: numbers are part of a title', () => {
  it('names a title with a number in it (`“American Skin (41 Shots)” was written`, `the sign “Hispanics 4 Trump”`)', () => {
    const blige = analyse(
      '“Promise mama you’ll keep your hands in sight,” Blige sings to Clinton before asking her, “I just want to know, where do we go from here?”\n\n“American Skin (41 Shots)” was written by Springsteen after the 1999 shooting death of Amadou Diallo.',
      { Blige: 'person', Clinton: 'person', Springsteen: 'person', 'Amadou Diallo': 'person' },
    );
    assert.strictEqual(speakerOf(blige, 'I just want'), 'Blige');
    assertNamed(blige, 'American Skin');
    const weiner = analyse('Weiner opened a consulting firm and acted in the Syfy movie “Sharknado 3: Oh Hell No!” This past spring, his escapades were the subject of a film.', { Weiner: 'person', Syfy: 'organization' });
    assertNamed(weiner, 'Sharknado 3');
    const chatwal = analyse('In fact, Chatwal was the founder of “Indian Americans for Hillary 2008.” Chatwal also pleaded to witness tampering.', { Chatwal: 'person' });
    assertNamed(chatwal, 'Indian Americans');
  });

  it('keeps a title after a preposition named in a phrase that opens the sentence, whatever closes it (`Asked … on CBS’s “Face the Nation,” Ryan said no.`)', () => {
    assertNamed(analyse('Asked about the wall on CBS’s “Face the Nation,” Ryan said no.', { Ryan: 'person', CBS: 'organization' }), 'Face the Nation');
    assertNamed(analyse('In an interview on “Face the Nation,” Ryan said so.', { Ryan: 'person' }), 'Face the Nation');
    assertNamed(analyse('Speaking at “Road to Majority,” Trump said so.', { Trump: 'person' }), 'Road to Majority');
  });

  it('keeps a title after a preposition named when the speaker after it is the subject of a relative clause', () => {
    const serafinowicz = analyse('Serafinowicz, who’s starred in “Parks and Recreation” and “Guardians of the Galaxy,” posted the clip to YouTube on Thursday.', { Serafinowicz: 'person' });
    assertNamed(serafinowicz, 'Parks and');
    assertNamed(serafinowicz, 'Guardians');
  });
});

describe('quotes: title case that is said keeps its speaker', () => {
  it('before the speaker and verb, after a verb that touches it, and after a verb with its object', () => {
    const cases: [string, Record<string, 'person'>, string, string][] = [
      ['“We Will Not Back Down,” officials said Tuesday.', {}, 'We Will Not', 'officials'],
      ['Clinton said “Love Trumps Hate,” which became the motto of her campaign.', { Clinton: 'person' }, 'Love Trumps', 'Clinton'],
      ['In a statement, “Enough Is Enough,” Cruz said on Tuesday.', { Cruz: 'person' }, 'Enough Is', 'Cruz'],
      ['“Lock Her Up” has become a rallying cry, Flynn said on Monday.', { Flynn: 'person' }, 'Lock Her Up', 'Flynn'],
      ['Then Trump told her “Get Out of My Office.”', { Trump: 'person' }, 'Get Out', 'Trump'],
      ['Trump told her “Go Home” and walked away.', { Trump: 'person' }, 'Go Home', 'Trump'],
      ['Trump asked her “Where Is the Money?” and left.', { Trump: 'person' }, 'Where Is', 'Trump'],
    ];
    for (const [text, names, prefix, speaker] of cases) assert.strictEqual(speakerOf(analyse(text, names), prefix), speaker, text);
  });
});

describe('quotes: a title inside the words a speech verb reports keeps the speaker', () => {
  it('after the verb, in its clause, and before a speaker and verb that close the sentence', () => {
    const zimmerman = analyse('In his listing, Zimmerman  claimed that the "Smithsonian Museum" in Washington, D.C., had expressed interest in buying the firearm.', { Zimmerman: 'person', 'Washington, D.C.': 'location' });
    assert.strictEqual(speakerOf(zimmerman, 'Smithsonian Museum'), 'Zimmerman');
    const jones = analyse('That could help sail him through the initial primaries in February and into the "Super Tuesday" primary on March 1 that includes Texas, which he\'s expected to win, Jones said.', { Jones: 'person', Texas: 'location' });
    assert.strictEqual(speakerOf(jones, 'Super Tuesday'), 'Jones');
    const oppenheim = analyse("His first segment involved ''a painful chest-waxing incident,'' well before Steve Carell made that gag famous in ''The 40-Year-Old Virgin,'' Mr. Oppenheim noted.", { 'Steve Carell': 'person', Oppenheim: 'person' });
    assert.strictEqual(speakerOf(oppenheim, 'a painful'), 'Mr. Oppenheim');
    assert.strictEqual(speakerOf(oppenheim, 'The 40-Year-Old'), 'Mr. Oppenheim');
    const madden = analyse("(The French, it turns out, are big fans of ''Prison Break,'' Mr. Madden said.)", { Madden: 'person' });
    assert.strictEqual(speakerOf(madden, 'Prison Break'), 'Mr. Madden');
    const swanson = analyse('Swanson made the remarks on Monday’s installment of his weekly radio show, “Generations with Kevin Swanson,” Right Wing Watch first reported.', { Swanson: 'person', 'Kevin Swanson': 'person', 'Right Wing Watch': 'organization' });
    assert.strictEqual(speakerOf(swanson, 'Generations'), 'Right Wing Watch');
  });
});
