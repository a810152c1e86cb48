import * as assert from 'assert';
import type { ArticleAnalysis } from '../../server/src/core/analysis';
import { quoteSpeakers } from '../../server/src/core/quoteSpeakers';
import { speakerEntity } from '../../server/src/core/sourceHead';
import type { EntityMention } from '../../server/src/core/types';
import { analyzeArticle } from '../../server/src/core/analysis';
import { analysePolnearTrain, quoteOpening } from '../helpers/polnearArticles';
import { context } from '../helpers/resources';

/** Who each quote whose source phrase is `phrase` (or, `orLonger`, begins with it) is given to: the actor's name, or the label with no actor. */
function speakersOf(analysis: ArticleAnalysis, phrase: string, orLonger = false): string[] {
  const speakers = quoteSpeakers(analysis.quotes, analysis.actors);
  const out: string[] = [];
  for (const quote of analysis.quotes) {
    const source = quote.attribution?.resolved ?? quote.attribution?.mention;
    if (!source || (source.text !== phrase && !(orLonger && source.text.startsWith(`${phrase} `)))) continue;
    const speaker = speakers.get(quote);
    out.push(speaker?.actor ? speaker.actor.name : `(no actor) ${speaker?.label}`);
  }
  assert.ok(out.length > 0, `a quote is attributed to “${phrase}”`);
  return out;
}

describe('a quote is given to the name heading its source phrase, not to a modifier or possessor (issue 15)', () => {
  it('a possessor followed by a name: the name speaks (Breitbart’s Joel Pollak, Clinton’s top foreign policy aide Jake Sullivan)', function () {
    const pollak = analysePolnearTrain(this, 'breitbart_2015-12-04_san-bernardino-terror-suspect-na.txt');
    assert.deepStrictEqual(new Set(speakersOf(pollak, 'Breitbart’s Joel Pollak')), new Set(['Joel Pollak']));
    const sullivan = analysePolnearTrain(this, 'breitbart_2016-07-27_obama-to-frame-election-as-comma.txt');
    assert.deepStrictEqual(new Set(speakersOf(sullivan, 'Clinton’s top foreign policy aide Jake Sullivan')), new Set(['Jake Sullivan']));
    assert.ok(!sullivan.actors.find((a) => a.name === 'Hillary Clinton')?.quotes.some((q) => q.attribution?.mention.text.includes('Sullivan')), 'Clinton is not given Sullivan’s quotes');
  });

  it('two titles joined by `and` are one person’s (former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell)', function () {
    const rendell = analysePolnearTrain(this, 'politico_2016-07-08_clinton-unleashes-democratic-dre.txt');
    assert.deepStrictEqual(speakersOf(rendell, 'former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell'), ['Ed Rendell', 'Ed Rendell']);
  });

  it('names before the speaker’s own modify it (Florida Sen. Marco Rubio, RNC spokesman Sean Spicer, White House press secretary Josh Earnest)', function () {
    const rubio = analysePolnearTrain(this, 'breitbart_2016-01-05_the-latest-cruz-to-give-away-eng.txt');
    assert.deepStrictEqual(new Set(speakersOf(rubio, 'Florida Sen. Marco Rubio')), new Set(['Marco Rubio']));
    assert.deepStrictEqual(new Set(speakersOf(rubio, 'House Speaker Paul Ryan')), new Set(['Paul Ryan']));
    const spicer = analysePolnearTrain(this, 'politico_2016-06-22_trump-s-stumbles-fuel-convention.txt');
    assert.deepStrictEqual(new Set(speakersOf(spicer, 'RNC spokesman Sean Spicer')), new Set(['Sean Spicer']));
    const earnest = analysePolnearTrain(this, 'breitbart_2016-06-08_ready-to-back-clinton-obama-work.txt');
    assert.deepStrictEqual(new Set(speakersOf(earnest, 'White House spokesman Josh Earnest')), new Set(['Josh Earnest']));
  });

  it('a spokesman for someone is not that someone (a spokesman for House Speaker Paul Ryan)', function () {
    const analysis = analysePolnearTrain(this, 'west-journal_2016-01-04_texas-gov-hears-about-obama-s-gu.txt');
    assert.deepStrictEqual(new Set(speakersOf(analysis, 'a spokesman for House Speaker Paul Ryan')), new Set(['(no actor) a spokesman for House Speaker Paul Ryan']));
  });

  it('a person of a place or a principal is not the place or the principal (a Nevada Democrat, Attorneys for Clinton)', function () {
    const insiders = analysePolnearTrain(this, 'politico_2016-02-04_insiders-trump-will-rebound-in-n.txt');
    assert.deepStrictEqual(new Set(speakersOf(insiders, 'a Nevada Democrat')), new Set(['(no actor) a Nevada Democrat']));
    const attorneys = analysePolnearTrain(this, 'wash-post_2016-07-13_after-review-clinton-s-emails-mi.txt');
    assert.deepStrictEqual(new Set(speakersOf(attorneys, 'Attorneys for Clinton')), new Set(['(no actor) Attorneys for Clinton']));
  });

  it('a possessor’s role set off by an apposition: the apposition speaks (Clinton’s campaign chairman, John Podesta; Santilli’s attorney, Thomas Coan)', function () {
    // The quote pass names the apposed person as the source (`apposedName`); the actor was his before as well.
    const podesta = analysePolnearTrain(this, 'wash-post_2016-07-22_republican-assails-elites-as-he-.txt');
    assert.deepStrictEqual(quoteOpening(podesta, 'Tonight, Donald Trump painted'), { mention: 'John Podesta', actor: 'John Podesta' });
    const coan = analysePolnearTrain(this, 'wash-post_2016-02-21_oregon-occupier-uses-st-amendmen.txt');
    assert.deepStrictEqual(quoteOpening(coan, 'shock jock'), { mention: 'Thomas Coan', actor: 'Thomas Coan' });
  });

  it('a relative of someone, set off by an apposition with a title, is the apposition, not the relative (Scott’s niece, state Del. Marcia Price)', function () {
    const analysis = analyzeArticle('Bobby Scott spoke first.\n\n“It is over,” Bobby Scott’s niece, Marcia Price, shouted to the crowd.\n\n“We won,” his brother, Sen. Tim Scott, said.\n', context);
    assert.deepStrictEqual(quoteOpening(analysis, 'It is over'), { mention: 'Marcia Price', actor: 'Marcia Price' });
    assert.deepStrictEqual(quoteOpening(analysis, 'We won').actor, 'Tim Scott');
    // As a Washington Post article wrote it: the niece was Bobby Scott’s (before the delegate’s `Del.` was read, `Del`’s, a place).
    const post = analyzeArticle('Scott spoke to several hundred guests.\n\n"This is a big year for our potential United States senator, Bobby Scott!" Scott\'s niece, state Del. Marcia "Cia" Price (D-Newport News), shouted to the crowd.\n', context);
    assert.deepStrictEqual(quoteOpening(post, 'This is a big year').actor, 'Marcia "Cia" Price');
  });

  it('the plural of a head word ends its phrase before a verb: Cruz’s lawyers are no Cruz (PolNeAR train: Cruz’s lawyers relied on …)', function () {
    // The phrase ran on into the verb, `Cruz’s lawyers relied`, whose last word is no person: the owner, Ted Cruz, spoke.
    const analysis = analyzeArticle('Ted Cruz is a natural-born citizen, an election board ruled.\n\nIn response to the filings, Cruz’s lawyers relied on Supreme Court precedent, legal history and articles from noted constitutional scholars to defend the view that he is in fact “natural born” within the meaning of the Constitution.\n', context);
    assert.deepStrictEqual(quoteOpening(analysis, 'natural born'), { mention: 'Cruz’s lawyers', actor: undefined });
  });

  it('after a role and its owner, a titled name set off is the owner’s, not the speaker (review: a spokesman for the governor, Gov. Andrew Cuomo)', function () {
    const cuomo = analyzeArticle('“We are reviewing the bill,” said a spokesman for the governor, Gov. Andrew Cuomo.\n', context);
    assert.strictEqual(quoteOpening(cuomo, 'We are reviewing').actor, undefined);
    const flynn = analyzeArticle('“He will cooperate,” said a lawyer for the former national security adviser, Mr. Flynn.\n', context);
    assert.strictEqual(quoteOpening(flynn, 'He will cooperate').actor, undefined);
  });

  it('a place’s initials and a title before a name are no part of it (review: said D.C. Del. Eleanor Holmes Norton)', function () {
    const analysis = analyzeArticle('“We will fight,” said D.C. Del. Eleanor Holmes Norton.\n', context);
    assert.strictEqual(quoteOpening(analysis, 'We will fight').actor, 'Eleanor Holmes Norton');
  });

  it('a present-tense verb in -s after a head is a verb, and a plural head before a noun in -s goes on (review: Clinton’s aide posts a message; the workers rights group)', function () {
    const posts = analyzeArticle('Clinton’s aide posts a message calling Trump “unfit.”\n', context);
    assert.strictEqual(quoteOpening(posts, 'unfit').actor, undefined);
    const group = analyzeArticle('“We will sue,” said the workers rights group Jobs With Justice.\n', context);
    assert.notStrictEqual(quoteOpening(group, 'We will sue').mention, 'the workers');
    // So after a plural group head (review: `the journalists rights group said` had lost its speaker).
    const journalists = analyzeArticle('“We oppose the plan,” the journalists rights group said.\n', context);
    assert.strictEqual(quoteOpening(journalists, 'We oppose').mention, 'the journalists rights group');
    // A plural head after a name is the phrase's head, as a singular one is (review: the quote had no speaker).
    const koch = analyzeArticle('“We feel betrayed,” the Koch brothers said.\n', context);
    assert.deepStrictEqual(quoteOpening(koch, 'We feel betrayed'), { mention: 'the Koch brothers', actor: undefined });
    // The possessive mark of a plural is part of the phrase (review: `the teachers’ union said` had no speaker).
    const union = analyzeArticle('“We are ready,” the teachers’ union said.\n', context);
    assert.deepStrictEqual(quoteOpening(union, 'We are ready'), { mention: 'the teachers’ union', actor: undefined });
  });

  it('a delegate’s `Del.` is a title before the speaker’s name (said Del. Stacey Plaskett)', function () {
    const analysis = analyzeArticle('Republicans pressed on.\n\n"It is destroying this committee," said Del. Stacey Plaskett of the Virgin Islands. The vote was 19 to 15.\n', context);
    assert.deepStrictEqual(quoteOpening(analysis, 'It is destroying').actor, 'Stacey Plaskett');
    assert.ok(!analysis.entities.some((e) => e.text === 'Del'), 'no place `Del`');
  });

  it('a possessor’s role with a speech verb in it is read whole, and its apposition speaks (Trump’s Virginia state director, Mike Rubino)', function () {
    // `state` is a speech verb: the phrase was `Trump’s Virginia`, and the quote was Donald Trump’s.
    const analysis = analysePolnearTrain(this, 'politico_2016-01-05_trump-quietly-builds-a-data-jugg.txt');
    assert.deepStrictEqual(quoteOpening(analysis, 'We want to utilize this ASAP'), { mention: 'Trump’s Virginia state director', actor: 'Mike Rubino' });
  });

  it('a role the quote pass cut before its name is that name’s (White House press secretary | Josh Earnest)', function () {
    // Here the ranker may take the role alone or the role with the name: either way the quote is Earnest's.
    const analysis = analysePolnearTrain(this, 'wash-post_2015-12-04_a-killing-and-video-test-emanuel.txt');
    const earnest = quoteOpening(analysis, 'quite directly');
    assert.ok(earnest.mention?.startsWith('White House press secretary'), earnest.mention);
    assert.strictEqual(earnest.actor, 'Josh Earnest');
    const fallon = analysePolnearTrain(this, 'breitbart_2016-08-08_exclusive-roger-stone-don-t-trus.txt');
    assert.deepStrictEqual(new Set(speakersOf(fallon, 'Clinton campaign spokesman', true)), new Set(['Brian Fallon']));
  });

  it('a role phrase after a name and a comma is that name’s (Christine Link, executive director of …), but not a clause’s subject', function () {
    const analysis = analysePolnearTrain(this, 'wash-post_2016-06-07_cleveland-shakes-off-rust-before.txt');
    // The quote pass now names her too (`nameBeforeApposition`): the source was the role, `executive director`.
    assert.deepStrictEqual(quoteOpening(analysis, 'candidate who is a lightning rod'), { mention: 'Christine Link', actor: 'Christine Link' });
  });

  it('a possessor’s role with no name: no actor, the phrase itself is the label (Clinton’s campaign manager)', function () {
    const analysis = analysePolnearTrain(this, 'west-journal_2016-07-27_clinton-campaign-manager-laughs-.txt');
    assert.deepStrictEqual(new Set(speakersOf(analysis, 'Clinton’s campaign manager')), new Set(['(no actor) Clinton’s campaign manager']));
  });

  it('the possessor of what is not a person speaks through it, even after a place (New Hampshire Sen. Kelly Ayotte’s campaign)', function () {
    const analysis = analysePolnearTrain(this, 'politico_2016-05-05_paul-ryan-says-he-s-not-ready-to.txt');
    assert.deepStrictEqual(new Set(speakersOf(analysis, 'New Hampshire Sen. Kelly Ayotte’s campaign')), new Set(['Kelly Ayotte']));
  });

  it('a possessor of what is not a person speaks through it (Clinton’s website)', function () {
    const analysis = analysePolnearTrain(this, 'huff-post_2016-01-28_bernie-sanders-and-hillary-clint.txt');
    const clinton = analysis.actors.find((a) => a.name === 'Hillary Clinton');
    assert.ok(clinton, 'Hillary Clinton is an actor');
    assert.ok(
      clinton.quotes.some((q) => q.text.startsWith('defend the Affordable Care Act')),
      'the website’s “defend the Affordable Care Act …” stays Clinton’s',
    );
  });

  it('a place owning a name the recogniser missed is no speaker (opined Cleveland’s Plain Dealer)', function () {
    const analysis = analysePolnearTrain(this, 'usa-today_2016-07-29_oops-gunplay-didn-t-disrupt-gop-.txt');
    assert.deepStrictEqual(speakersOf(analysis, 'Cleveland\'s Plain Dealer'), ["(no actor) Cleveland's Plain Dealer"]);
    // A place owning a lower-case thing still speaks through it, as any owner does.
    const isPerson = (w: string) => w === 'spokesman';
    const text = 'Germany’s foreign ministry said “no.” Ohio’s Toledo Blade wrote “yes.”';
    const germany: EntityMention = { start: 0, end: 7, type: 'location', text: 'Germany' };
    const ohio: EntityMention = { start: text.indexOf('Ohio'), end: text.indexOf('Ohio') + 4, type: 'location', text: 'Ohio' };
    const entities = [germany, ohio];
    assert.strictEqual(speakerEntity(text, entities, { start: 0, end: text.indexOf(' said') }, isPerson), germany);
    assert.strictEqual(speakerEntity(text, entities, { start: ohio.start, end: text.indexOf(' wrote') }, isPerson), null);
  });

  it('a name before a comma is not the speaker of a clause that follows it (Clinton, a top aide said, …)', () => {
    const isPerson = (w: string) => w === 'aide' || w === 'director';
    const at = (text: string, name: string): EntityMention => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, type: 'person', text: name });
    const slice = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const clause = 'Clinton, a top aide said, “is very confident.”';
    assert.strictEqual(speakerEntity(clause, [at(clause, 'Clinton')], slice(clause, 'a top aide'), isPerson), undefined);
    const appositive = 'said Christine Link, executive director of the ACLU.';
    const link = at(appositive, 'Christine Link');
    assert.strictEqual(speakerEntity(appositive, [link], slice(appositive, 'executive director'), isPerson), link);
    // Someone close to or familiar with a name is that name's person, not the name (`a person close to the Clintons`).
    const close = 'said a person close to the Clintons.';
    assert.strictEqual(speakerEntity(close, [at(close, 'Clintons')], slice(close, 'a person close to the Clintons'), (w) => w === 'person'), null);
    const familiar = 'Another source familiar with Cruz’s thinking said';
    assert.strictEqual(speakerEntity(familiar, [at(familiar, 'Cruz')], slice(familiar, 'Another source familiar with Cruz’s thinking'), (w) => w === 'source'), null);
    // The apposition after a possessor's role speaks (the quote pass now names Podesta itself; this is the actors' own rule).
    const after = "Clinton's campaign chairman, John Podesta, said in a statement:";
    const podesta = at(after, 'John Podesta');
    assert.strictEqual(speakerEntity(after, [at(after, 'Clinton'), podesta], slice(after, "Clinton's campaign chairman"), (w) => w === 'chairman'), podesta);
  });

  it('a name and its verb before a determiner are subject and predicate, not one phrase (Martin Andanar released a statement saying …; Black Lives Matter issued a statement saying …)', function () {
    // The phrase reader let a lower-case word after a name run on when a head followed within two words;
    // `released a statement` has one, after a determiner that starts another phrase. Read as one phrase,
    // its first name (the office) spoke.
    const andanar = analysePolnearTrain(this, 'wash-post_2016-08-10_philippine-lawmaker-wants-trump-.txt');
    assert.deepStrictEqual(speakersOf(andanar, 'Philippine Presidential Communications Office Secretary Martin Andanar'), ['Martin Andanar', 'Martin Andanar']);
    // `the group said` two sentences later: the group that issued the statement.
    const blm = analysePolnearTrain(this, 'usa-today_2016-06-27_orlando-shootings-temper-lgbt-pr.txt');
    assert.deepStrictEqual(quoteOpening(blm, 'For us, celebrating Pride'), { mention: 'the group', actor: 'Black Lives Matter' });
  });

  it('a name with a post-modifier and an apposition is the subject of the verb after them (Rep. Lee Zeldin of New York, a Trump supporter, said …)', function () {
    // `Ryan told a news conference` is now read as Ryan speaking; the later `he said` is still Zeldin's,
    // the subject of the speech verb after `of New York, a Trump supporter,`.
    const analysis = analysePolnearTrain(this, 'breitbart_2016-05-12_trump-ryan-pledge-to-work-togeth.txt');
    assert.deepStrictEqual(quoteOpening(analysis, 'I don’t think it’s do or die'), { mention: 'he', actor: 'Lee Zeldin' });
  });

  it('a member of Congress with a party tag whose state is an initialism speaks (Rep. Hakeem Jeffries (D-N.Y.) …, saying), not the tag’s letter `Y`', function () {
    // The splitter ended a sentence at the dot of `D-N.` and the quote pass took `Y` for the subject.
    const jeffries = analysePolnearTrain(this, 'huff-post_2016-05-12_george-zimmerman-auctioning-off-.txt');
    assert.deepStrictEqual(quoteOpening(jeffries, 'Trayvon Martin’s cold-blooded'), { mention: 'Rep. Hakeem Jeffries', actor: 'Hakeem Jeffries' });
  });

  it('a capitalised word after a determiner or `of` belongs to the phrase, though it could be a speech verb or a day (a State Department official, Secretary of State John F. Kerry)', function () {
    // `State` is also a speech verb and the phrase reader stopped at it: the source was `a` (no actor, and the
    // outline labelled the quote `a`), or `Department`.
    const official = analysePolnearTrain(this, 'politico_2015-12-31_more-than-clinton-emails-now-dee.txt');
    assert.strictEqual(quoteOpening(official, 'Secret').mention, 'a State Department official');
    const department = analysePolnearTrain(this, 'wash-post_2016-01-31_state-calls-emails-of-clinton-to.txt');
    assert.ok(department.quotes.some((q) => q.attribution?.mention.text === 'The State Department'), 'The State Department is a source whole');
    assert.ok(!department.quotes.some((q) => q.attribution?.mention.text === 'Department'), 'no source is cut to `Department`');
    const kerry = analysePolnearTrain(this, 'wash-post_2015-11-10_opposition-appears-to-win-landsl.txt');
    assert.deepStrictEqual(speakersOf(kerry, 'Secretary of State John F. Kerry'), ['John F. Kerry', 'John F. Kerry']);
  });

  it('a dateline with a date or a news agency is not the subject of the lead sentence (WASHINGTON, Dec. 8 (UPI) —; Washington (AFP) –)', function () {
    // The participle's subject is the lead sentence's first phrase, past the dateline and an introductory phrase:
    // it was `Dec. 8` and `Washington` (a place given a quote).
    const upi = analysePolnearTrain(this, 'breitbart_2015-12-07_clinton-camp-trump-s-islamaphobi.txt');
    assert.strictEqual(quoteOpening(upi, 'We have to be ready to stop him').mention, 'Hillary Clinton’s right-hand woman');
    const afp = analysePolnearTrain(this, 'breitbart_2016-06-26_clinton-swipes-at-trump-over-bre.txt');
    assert.deepStrictEqual(quoteOpening(afp, 'bombastic comments'), { mention: 'Democrat Hillary Clinton', actor: 'Hillary Clinton' });
  });

  it('an acronym or a party tag in brackets before a dash is no dateline: the name before it stays the subject', () => {
    const source = (text: string) => analyzeArticle(text, context).quotes[0]?.attribution?.mention.text;
    assert.strictEqual(source('The Environmental Protection Agency (EPA) — long a target of Republicans — defended the rule on Monday, saying that “the science is clear.”\n'), 'The Environmental Protection Agency');
    assert.strictEqual(source('Sen. Ted Cruz (R-Texas) — a longtime critic of the deal — blasted it on Monday, saying: “This is a disaster for the country.”\n'), 'Sen. Ted Cruz');
  });
});
