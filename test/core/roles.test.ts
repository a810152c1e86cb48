import * as assert from 'assert';
import { analyzeArticle } from '../../server/src/core/analysis';
import { roleKey, selectRoles, splitRoles, titleAwayFromName } from '../../server/src/core/roles';
import { analysePolnearTrain } from '../helpers/polnearArticles';
import { context, resources } from '../helpers/resources';
import { readSeed, SEEDS } from '../helpers/seeds';

const rolesOf = (text: string, name: string) => {
  const actor = analyzeArticle(text, context).actors.find((a) => a.name === name);
  assert.ok(actor, `${name} is an actor`);
  return actor.roles;
};

describe('roles (issue 14)', () => {
  it('one role however the article writes it (000: `Syrian Deputy Prime Minister`, `Syria’s Deputy Prime Minister`)', () => {
    assert.deepStrictEqual(rolesOf(readSeed(SEEDS.lavrovJamil), 'Qadri Jamil'), ['Syrian Deputy Prime Minister']);
    assert.deepStrictEqual(roleKey('Syria’s Deputy Prime Minister', resources.nameLexicon), roleKey('Syrian Deputy Prime Minister', resources.nameLexicon));
    assert.deepStrictEqual(roleKey('U.S. Vice President', resources.nameLexicon), roleKey('American Vice President', resources.nameLexicon));
  });

  it('one office however news words it: `of` and a possessive name before the title, a name the title is of (PolNeAR: Jeb Bush, Tom Fitton, Paul Ryan)', () => {
    const key = (role: string) => roleKey(role, resources.nameLexicon).join(' ');
    assert.strictEqual(key('Florida’s former governor'), key('former Florida governor'));
    assert.strictEqual(key('former governor of Florida'), key('former Florida governor'));
    assert.strictEqual(key('president of Judicial Watch'), key('Judicial Watch President'));
    assert.strictEqual(key('Speaker of the House'), key('House Speaker'));
    assert.strictEqual(key('former chairman of Fox News'), key('former Fox News chairman'));
    assert.strictEqual(key('Clinton’s former campaign manager'), key('former Clinton campaign manager'));
    // GOP is the Republican Party (PolNeAR: Donald Trump's `presumptive GOP presidential nominee`, 11 articles).
    assert.strictEqual(key('presumptive GOP presidential nominee'), key('presumptive Republican presidential nominee'));
    // Initials with or without full stops, and one office whatever the holder's sex (PolNeAR: James Comey, Leon
    // Panetta, Debbie Wasserman Schultz, Hope Hicks).
    assert.strictEqual(key('F.B.I. director'), key('FBI Director'));
    assert.strictEqual(key('DNC Chairwoman'), key('DNC Chairman'));
    assert.strictEqual(key('campaign spokeswoman'), key('campaign spokesman'));
    assert.notStrictEqual(key('DNC Chair'), key('DNC Vice Chair'));
    // A middle initial says nothing of the office; two initials are part of the name (PolNeAR: Paul Manafort).
    assert.strictEqual(key('campaign chairman of Donald J. Trump'), key('campaign chairman of Donald Trump'));
    assert.notStrictEqual(key('daughter of George H.W. Bush'), key('daughter of George Bush'));
    // Only a middle initial: one after a function word or a title is the name's only given name (`chairman of J. Smith`).
    assert.notStrictEqual(key('chairman of J. Smith'), key('chairman of Smith'));
    assert.notStrictEqual(key('aide to Gov. J. Smith'), key('aide to Gov. Smith'));
    // Initials with a possessive mark are the same initials (`F.B.I.'s director`).
    assert.strictEqual(key('F.B.I.’s director'), key('FBI director'));
    assert.strictEqual(key('FBI’s director'), key('FBI director'));
    // A title in capitals is the same title; `Miss` of a pageant is no honorific.
    assert.strictEqual(key('CHAIRWOMAN'), key('chair'));
    assert.notStrictEqual(key('former Miss America'), key('former America'));
    // Whose aide is whose however the name is written: `for` as `of`, a candidate's campaign, an honorific or a given
    // name before the surname (PolNeAR: Brian Fallon, 11 articles, had three roles for one office).
    assert.strictEqual(key('campaign spokesman of Hillary Clinton'), key('spokesman for the Clinton campaign'));
    assert.strictEqual(key('spokesman for the Clinton campaign'), key('Clinton campaign spokesman'));
    assert.strictEqual(key('spokesman for Mrs. Clinton'), key('Clinton spokesman'));
    assert.strictEqual(key('attorney for Pagliano'), key('Pagliano attorney'));
    // Not a given name that is no part of a person's name, nor a complement with lower-case words inside.
    assert.notStrictEqual(key('Virginia Governor'), key('Governor'));
    assert.notStrictEqual(key('adviser for strategic communications of Obama'), key('adviser of Obama'));
    // The one word an office is written with is no name the title is of.
    assert.notStrictEqual(key('Secretary of State'), key('State Secretary'));
    assert.strictEqual(key('chief of staff'), 'chief of staff');
    // One role per article, and a more specific one holds a shorter one in order (`former Secretary` in `former
    // Secretary of State`), but not across another office (`Texas Senator` is not `former Texas State Senator`'s).
    assert.deepStrictEqual(selectRoles(['former Florida Governor', 'Florida’s former governor'], resources.nameLexicon), ['former Florida Governor']);
    assert.deepStrictEqual(selectRoles(['campaign manager', 'campaign manager of Bernie Sanders'], resources.nameLexicon), ['campaign manager of Bernie Sanders']);
    assert.deepStrictEqual(selectRoles(['former Secretary', 'former Secretary of State'], resources.nameLexicon), ['former Secretary of State']);
    assert.deepStrictEqual(selectRoles(['former governor', 'former governor of Florida'], resources.nameLexicon), ['former governor of Florida']);
    assert.deepStrictEqual(selectRoles(['Texas Senator', 'former Texas State Senator'], resources.nameLexicon), ['former Texas State Senator', 'Texas Senator']);
  });

  it('a role inside a more specific one is not repeated (003: `Syrian President`, not also `President`)', () => {
    assert.deepStrictEqual(rolesOf(readSeed(SEEDS.lavrovMunich), 'Bashar al-Assad'), ['Syrian President']);
    assert.deepStrictEqual(selectRoles(['President', 'Syrian President', 'Syria’s President'], resources.nameLexicon), ['Syrian President']);
  });

  it('a role the words of a longer one of the same office hold, in order, gives way to it; another office does not', () => {
    assert.deepStrictEqual(selectRoles(['Green Party candidate', 'Green Party presidential candidate'], resources.nameLexicon), ['Green Party presidential candidate']);
    assert.deepStrictEqual(selectRoles(['Texas Senator', 'former Texas State Senator'], resources.nameLexicon), ['former Texas State Senator', 'Texas Senator']);
  });

  it('the most specific first, at most three', () => {
    const roles = selectRoles(['Senator', 'Texas Senator', 'candidate', 'Republican nominee', 'presidential candidate', 'Senate Judiciary Committee member'], resources.nameLexicon);
    assert.deepStrictEqual(roles, ['Senate Judiciary Committee member', 'Texas Senator', 'Republican nominee']);
  });

  it('a title moved after its description is written in lower case, and a role ends before the name’s initial (PolNeAR: Podesta, Eggleston)', () => {
    const text = 'Clinton campaign Chairman John Podesta spoke on Thursday. Hillary Clinton spoke later.\n';
    assert.deepStrictEqual(rolesOf(text, 'John Podesta'), ['campaign chairman of Hillary Clinton']);
    assert.deepStrictEqual(rolesOf('Officials sent White House Counsel W. Neil Eggleston to Capitol Hill for a meeting.\n', 'Neil Eggleston'), ['White House Counsel']);
    // A whole title, or none (review of stop 53: `campaign deputy Communications Director`, `former chief of Staff`).
    assert.strictEqual(titleAwayFromName('campaign Deputy Communications Director', resources.vocabulary, resources.nameLexicon), 'campaign deputy communications director');
    assert.strictEqual(titleAwayFromName('former Chief of Staff', resources.vocabulary, resources.nameLexicon), 'former chief of staff');
    assert.strictEqual(titleAwayFromName('campaign Fox News host', resources.vocabulary, resources.nameLexicon), 'campaign Fox News host');
    // A numeral or a place's letters end a role as written.
    assert.deepStrictEqual(splitRoles('veteran of World War I.', resources.vocabulary, resources.nameLexicon), ['veteran of World War I.']);
    assert.deepStrictEqual(splitRoles('president of Washington, D. C.', resources.vocabulary, resources.nameLexicon), ['president of Washington, D. C.']);
  });

  it('spells out abbreviated titles (`Ohio Gov.` → `Ohio Governor`)', () => {
    assert.deepStrictEqual(rolesOf('Ohio Gov. John Kasich spoke in Columbus on Monday.\n', 'John Kasich'), ['Ohio Governor']);
  });

  it('a description and the title after it are two roles; hyphenated qualifiers stay (PolNeAR breitbart 2016-09-25: `nominee Governor`)', () => {
    assert.deepStrictEqual(rolesOf('Republican vice-presidential nominee Gov. Mike Pence said on Sunday that he would attend.\n', 'Mike Pence'), ['Republican vice-presidential nominee', 'Governor']);
    assert.deepStrictEqual(rolesOf('GOP vice-presidential candidate Mike Pence spoke on Monday.\n', 'Mike Pence'), ['GOP vice-presidential candidate']);
    // A clause after the name is no role (PolNeAR nyt 2016-08-22): a description has no finite verb. The description
    // before the name is one (issue 48), relative to the possessor.
    assert.deepStrictEqual(rolesOf("Mrs. Clinton's opponent, Donald J. Trump, could face his own complications if he becomes president, with investments abroad.\n", 'Donald J. Trump'), ['opponent of Clinton']);
    // A title after `of` is the named person's, the one before it someone else's (PolNeAR nyt 2016-01-30).
    assert.deepStrictEqual(rolesOf("Mike Lux, a progressive activist and veteran of President Bill Clinton's administration, said so.\n", 'Bill Clinton'), ['President']);
    // A relative clause in the apposition describes its last noun: the role ends before it (PolNeAR nyt 2015-11-25),
    // and a verb inside the clause no longer hides the role (wash-post 2016-04-20: `Geoff Garin, a Democratic pollster who …`).
    assert.deepStrictEqual(rolesOf('"It is over," said Paul H. Chipok, a lawyer in Orlando who specializes in land-use issues.\n', 'Paul H. Chipok'), ['lawyer in Orlando']);
    assert.deepStrictEqual(rolesOf('"We saw it coming," said Geoff Garin, a Democratic pollster who has worked for Clinton.\n', 'Geoff Garin'), ['Democratic pollster']);
    // Two conjoined titles are two roles, each without its article (PolNeAR nyt 2016-07-05).
    assert.deepStrictEqual(rolesOf('Norton returned the rights to Mr. Hurt.\n\nMr. Hurt, a former Newsweek correspondent and the author of several nonfiction books, self-published it.\n', 'Hurt'), ['author of several nonfiction books', 'former Newsweek correspondent']);
    // A qualifier keeps its title, whatever the case it is written in.
    assert.deepStrictEqual(rolesOf('ACLU executive Director Anthony Romero said on Monday that the plan was illegal.\n', 'Anthony Romero'), ['ACLU executive Director']);
  });

  it('two descriptions joined by `and` are two roles; an `and` inside a name, or before a complement both share, is not a cut (PolNeAR train)', () => {
    // Each conjunct is headed by a word for a person, a party member or a compound of one (`hard-liner`, `mega-donor`).
    assert.deepStrictEqual(rolesOf('He was preceded at the lectern by Joe Arpaio, the Arizona sheriff and anti-immigration hard-liner, who spoke.\n', 'Joe Arpaio'), ['Arizona sheriff', 'anti-immigration hard-liner']);
    assert.deepStrictEqual(rolesOf('"Do these people read newspapers?" said Bob Mulholland, a California superdelegate and Clinton supporter.\n', 'Bob Mulholland'), ['California superdelegate', 'Clinton supporter']);
    assert.deepStrictEqual(rolesOf('"It works," said Andrew Rice, a Democrat and former Oklahoma state senator.\n', 'Andrew Rice'), ['former Oklahoma state senator', 'Democrat']);
    // Inside a name, between two capitalised words of which the first is no title, `and` joins.
    assert.deepStrictEqual(rolesOf('"It is a problem," said Faiza Patel, co-director of the Liberty and National Security Program.\n', 'Faiza Patel'), ['co-director of the Liberty and National Security Program']);
    assert.deepStrictEqual(rolesOf('"It is a problem," said Gene B. Sperling, a former top economic adviser to President Bill Clinton and President Obama.\n', 'Gene B. Sperling'), ['former top economic adviser to President Bill Clinton and President Obama']);
    // After a title it cuts (`Chairman and CEO`); a lone title before a complement shares it (`founder and chairman of …`).
    assert.deepStrictEqual(rolesOf('Fox News Chairman and CEO Roger Ailes has spoken.\n', 'Roger Ailes'), ['Fox News Chairman', 'CEO']);
    assert.deepStrictEqual(rolesOf('The founder and chairman of the Podesta Group, Tony Podesta, had ties.\n', 'Tony Podesta'), ['founder and chairman of the Podesta Group']);
    // A conjunct with no word for a person is more of the description before it, not a role (PolNeAR nyt 2016-04-26).
    assert.deepStrictEqual([...rolesOf('Barney Frank, a former Massachusetts congressman and fierce critic of Mr. Sanders and his Wall Street proposals, will be a co-chairman.\n', 'Barney Frank')].sort(), ['fierce critic of Mr. Sanders and his Wall Street proposals', 'former Massachusetts congressman']);
    // A complement that names no body is the last title's own: no lobbyist or sheriff of two books.
    assert.deepStrictEqual([...rolesOf('Tony Podesta, a lobbyist and author of two books, had ties.\n', 'Tony Podesta')].sort(), ['author of two books', 'lobbyist']);
    assert.deepStrictEqual([...rolesOf('Joe Arpaio, the sheriff and author of two books, spoke.\n', 'Joe Arpaio')].sort(), ['author of two books', 'sheriff']);
    // A body the article speaks of with a determiner or a possessive is shared too (review of stop 53).
    assert.deepStrictEqual(splitRoles('founder and CEO of a tech startup', resources.vocabulary, resources.nameLexicon), ['founder and CEO of a tech startup']);
    assert.deepStrictEqual(splitRoles('founder and president of her own consulting firm', resources.vocabulary, resources.nameLexicon), ['founder and president of her own consulting firm']);
    assert.deepStrictEqual(splitRoles('sheriff and author of a dozen books', resources.vocabulary, resources.nameLexicon), ['sheriff', 'author of a dozen books']);
  });

  it('a title after a capitalised title, or after a description and the place it is of, starts a role of its own (PolNeAR: `Committee Chair Rep.`, `candidate Texas Senator`)', () => {
    // English abbreviates a politician's title only right before the name.
    assert.deepStrictEqual([...rolesOf('Democratic National Committee Chair Rep. Debbie Wasserman Schultz said on Monday that she would stay.\n', 'Debbie Wasserman Schultz')].sort(), ['Democratic National Committee Chair', 'Representative']);
    assert.deepStrictEqual([...rolesOf('Speaker of the House Rep. Paul Ryan said the bill would pass.\n', 'Paul Ryan')].sort(), ['Representative', 'Speaker of the House']);
    assert.deepStrictEqual([...rolesOf('Republican presidential candidate Texas Sen. Ted Cruz argued that the deal was bad.\n', 'Ted Cruz')].sort(), ['Republican presidential candidate', 'Texas Senator']);
    // One title: a rank before a title, a qualifier, a place (`Lt. Gov.`, `Lieutenant Gov.`, `Ohio Gov.`), and a name
    // inside a description (`close friend of Gov. Mike Pence`).
    assert.deepStrictEqual(rolesOf('Lt. Gov. Dan Patrick said on Monday that he would run.\n', 'Dan Patrick'), ['Lieutenant Governor']);
    assert.deepStrictEqual(rolesOf('Ohio Gov. John Kasich said on Monday that he would stay in the race.\n', 'John Kasich'), ['Ohio Governor']);
    assert.deepStrictEqual(rolesOf('"He listens," said Curt Smith, a close friend of Gov. Mike Pence.\n', 'Curt Smith'), ['close friend of Governor Mike Pence']);
  });

  it('a relative role says relative to whom (001: `US counterpart of Sergei Lavrov`)', () => {
    assert.deepStrictEqual(rolesOf(readSeed(SEEDS.lavrovKerry), 'John Kerry'), ['US counterpart of Sergei Lavrov']);
    // 004: `Mohammad Jawad Zarif and his assistant for Arab and African Affairs Hossein Jaberi Ansari`.
    assert.deepStrictEqual(rolesOf(readSeed(SEEDS.lavrovSteinmeier), 'Hossein Jaberi Ansari'), ['assistant for Arab and African Affairs of Mohammad Jawad Zarif']);
    assert.deepStrictEqual(rolesOf('Hillary Clinton spoke on Monday, and Clinton’s spokesman Brian Fallon said more.\n', 'Brian Fallon'), ['spokesman of Hillary Clinton']);
    // A name right before a title in lower case owns it; not across `and` (`Hillary Clinton and former Governor Martin O'Malley`).
    assert.deepStrictEqual(rolesOf('Hillary Clinton spoke on Monday, and Clinton spokesman Jesse Ferguson said more.\n', 'Jesse Ferguson'), ['spokesman of Hillary Clinton']);
    assert.deepStrictEqual(rolesOf('Hillary Clinton and former Maryland Governor Martin O’Malley debated.\n', 'Martin O’Malley'), ['former Maryland Governor']);
    // A pronoun that `and` joins to the title is an object, no owner (PolNeAR: `former President of Hillary Clinton`).
    assert.deepStrictEqual(rolesOf('Hillary Clinton won’t be distracted by the slings he throws at her and former President Bill Clinton.\n', 'Bill Clinton'), ['former President']);
  });

  it('no roles from fragments: `chairwoman for`, `If Secretary`, `president and`, a clause after a comma', () => {
    const text =
      'Huma Abedin, vice chairwoman for Hillary Clinton’s presidential campaign, wrote to supporters.\n' +
      'If Secretary Clinton wins, the party will cheer.\n' +
      'He met the vice president and Bernie Sanders in Iowa.\n' +
      'In the Ohio poll, John Kasich, the Ohio governor earned 51 percent to her 35 percent, led.\n';
    const { actors } = analyzeArticle(text, context);
    const roles = actors.flatMap((a) => a.roles.map((r) => `${a.name}: ${r}`));
    // `Secretary Clinton` is a title; `If` is not part of it.
    assert.deepStrictEqual(roles.sort(), ['Hillary Clinton: Secretary', 'Huma Abedin: vice chairwoman for Hillary Clinton’s presidential campaign']);
  });

  it('a clause opener at a sentence\'s start is no part of a title (`As President Obama`, `He and House Judiciary Committee Chairman Bob Goodlatte`)', () => {
    const text =
      'As President Barack Obama lectured the nation on Sunday night, the room was quiet.\n' +
      'As the Hollywood columnist Louella Parsons wrote, the stars were out.\n' +
      'He and House Judiciary Committee Chairman Bob Goodlatte disagreed.\n';
    const { actors } = analyzeArticle(text, context);
    const roles = actors.flatMap((a) => a.roles.map((r) => `${a.name}: ${r}`));
    assert.deepStrictEqual(roles.sort(), ['Barack Obama: President', 'Bob Goodlatte: House Judiciary Committee Chairman', 'Louella Parsons: Hollywood columnist']);
  });

  it('a title ends before a day, a headline in capitals run into the text, `in` between two titles and an article before an honorific (PolNeAR train)', function () {
    const rolesIn = (file: string, name: string) => analysePolnearTrain(this, file).actors.find((a) => a.name === name)?.roles;
    // `Donald Trump called Wednesday for Supreme Court Justice Ruth Bader Ginsburg to resign`
    assert.deepStrictEqual(rolesIn('breitbart_2016-07-13_trump-demands-ginsburg-resign-fo.txt', 'Ruth Bader Ginsburg')?.filter((r) => /Wednesday/.test(r)), []);
    // `AT LEAST 10 KILLED IN DEADLY ISTANBUL EXPLOSION Turkish President Recep Tayyip Erdogan said …`
    assert.deepStrictEqual(rolesIn('huff-post_2016-01-12_tuesday-s-morning-email-presiden.txt', 'Recep Tayyip Erdogan'), ['Turkish President']);
    // `signed up as a Trump delegate in House Minority Leader Nancy Pelosi’s San Francisco district`
    assert.deepStrictEqual(rolesIn('politico_2016-05-09_kevin-mccarthy-signs-up-to-be-a-.txt', 'Nancy Pelosi'), ['House Minority Leader']);
    // `Vatican spokesman the Rev. Federico Lombardi told reporters`
    assert.deepStrictEqual(rolesIn('breitbart_2016-04-14_the-latest-trump-delivers-defens.txt', 'Federico Lombardi'), ['Vatican spokesman']);
    // Acronyms side by side are a title's, not a headline's.
    assert.deepStrictEqual(rolesOf('The 2012 debate between Biden and GOP VP nominee Paul Ryan was lively.\n', 'Paul Ryan'), ['GOP VP nominee']);
  });

  it('no roles from headlines', () => {
    const text = 'Obama Praises Defense Secretary Ash Carter In Farewell\nPresident Barack Obama thanked Ash Carter on Monday.\n';
    assert.deepStrictEqual(rolesOf(text, 'Ash Carter'), []);
    assert.deepStrictEqual(rolesOf(text, 'Barack Obama'), ['President']);
  });

  it('another person introduced with a title after a comma is no role (PolNeAR: Chuck Berry, the baseball player Willie Mays and …); a name after `of` says whose', () => {
    const heroes = 'The museum, Mr. Bush said, celebrated several of his heroes, including the musician Chuck Berry, the baseball player Willie Mays and the Supreme Court justice Thurgood Marshall.';
    assert.ok(!rolesOf(heroes, 'Chuck Berry').some((role) => role.includes('Willie Mays')), 'no role names another person');
    const debate = 'Donald Trump, Senator Ted Cruz of Texas, and Ohio Gov. John Kasich spoke.';
    assert.deepStrictEqual(rolesOf(debate, 'Donald Trump'), []);
    // A name before a role word is a modifier: the role stays (review).
    assert.deepStrictEqual(rolesOf('Merrick Garland, a President Obama nominee, waited for months.', 'Merrick Garland'), ['President Obama nominee']);
    const hager = 'Jenna Bush Hager, daughter of former President George W. Bush, joined the network in 2009.';
    assert.deepStrictEqual(rolesOf(hager, 'Jenna Bush Hager'), ['daughter of former President George W. Bush']);
  });

  it('a title after `and` is the second conjunct\'s, not joined to the first one\'s place (PolNeAR: `Vermont and former Maryland governor`)', () => {
    const debate = 'Sen. Bernie Sanders of Vermont and former Maryland governor Martin O’Malley debated on Saturday.\n';
    assert.deepStrictEqual(rolesOf(debate, 'Martin O’Malley'), ['former Maryland governor']);
    assert.deepStrictEqual(rolesOf('Sen. Ted Cruz of Texas and Senator Marco Rubio of Florida spoke in Houston.\n', 'Marco Rubio'), ['Senator']);
    assert.deepStrictEqual(rolesOf('There was a fight between Congress and President Barack Obama over it.\n', 'Barack Obama'), ['President']);
    // A first conjunct that describes the same person is that person's too (review), a role of its own.
    assert.deepStrictEqual(rolesOf('Texas Republican and former Governor Rick Perry endorsed him on Friday.\n', 'Rick Perry'), ['Texas Republican', 'former Governor']);
    // One organisation's title, and two titles of one person, keep their `and`.
    assert.deepStrictEqual(rolesOf('House Ways and Means Committee Chairman Kevin Brady spoke on Monday.\n', 'Kevin Brady'), ['House Ways and Means Committee Chairman']);
    assert.deepStrictEqual(rolesOf('He met Secretary of Health and Human Services Alex Azar on Monday.\n', 'Alex Azar'), ['Secretary of Health and Human Services']);
  });

  it('a clause opener is no part of a title after a colon or an opening quotation mark either (PolNeAR: `When President`)', () => {
    const text = 'Pence continued: "When President Obama became president, it was important to remember that Iraq was stable."\n';
    assert.deepStrictEqual(rolesOf(text, 'Obama'), ['President']);
  });

  it('only closed-class words are left out before a title at a sentence\'s or a quotation\'s start (PolNeAR: `Vice President Joe Biden` was `President`)', () => {
    assert.deepStrictEqual(rolesOf('Vice President Joe Biden declined to comment on Monday.\n', 'Joe Biden'), ['Vice President']);
    assert.deepStrictEqual(rolesOf('He said, "Vice President Joe Biden declined to comment."\n', 'Joe Biden'), ['Vice President']);
    assert.deepStrictEqual(rolesOf('Defense Secretary Ash Carter visited the base.\n', 'Ash Carter'), ['Defense Secretary']);
    assert.deepStrictEqual(rolesOf('Yesterday White House press secretary Josh Earnest said no.\n', 'Josh Earnest'), ['White House press secretary']);
    assert.deepStrictEqual(rolesOf('Is President Barack Obama right about it?\n', 'Barack Obama'), ['President']);
  });

  it('a place or organisation that opens the sentence keeps its first word in the title (PolNeAR: `Jersey Governor`, `York Times columnist`)', () => {
    assert.deepStrictEqual(rolesOf('New Jersey Gov. Chris Christie dropped out of the race on Wednesday.\n', 'Chris Christie'), ['New Jersey Governor']);
    assert.deepStrictEqual(rolesOf('New York Times columnist David Brooks wrote about the race.\n', 'David Brooks'), ['New York Times columnist']);
    // Not a name's first word, nor its article: left out as before.
    assert.deepStrictEqual(rolesOf('Both Senate Majority Leader Mitch McConnell and House Speaker Paul Ryan spoke.\n', 'Mitch McConnell'), ['Senate Majority Leader']);
    assert.deepStrictEqual(rolesOf('The Washington Post columnist Ruth Marcus wrote about it.\n', 'Ruth Marcus'), ['Washington Post columnist']);
  });
});

describe('roles set off by commas (issue 48)', () => {
  const allRoles = (text: string) =>
    analyzeArticle(text, context)
      .actors.filter((a) => a.type === 'person')
      .map((a) => `${a.name}: ${a.roles.join(' | ')}`)
      .sort();

  it('a description before the name and a comma, relative to a named possessor (PolNeAR: `Sanders’s campaign manager, Jeff Weaver`)', () => {
    assert.deepStrictEqual(rolesOf("Bernie Sanders spoke in Iowa. Sanders's campaign manager, Jeff Weaver, said the campaign would go on.\n", 'Jeff Weaver'), ['campaign manager of Bernie Sanders']);
    const text = "Donald Trump spoke. Mr. Trump's campaign chairman, Paul Manafort, said so. Later the chairman of the Republican National Committee, Reince Priebus, agreed.\n";
    assert.deepStrictEqual(rolesOf(text, 'Paul Manafort'), ['campaign chairman of Donald Trump']);
    // The nearest determiner that starts a description: not `the Republican National Committee`.
    assert.deepStrictEqual(rolesOf(text, 'Reince Priebus'), ['chairman of the Republican National Committee']);
    // A pronoun's person is often not the one named last: the role is given without it.
    assert.deepStrictEqual(rolesOf('Hillary Clinton spoke on Monday. Her spokesman, Brian Fallon, said more.\n', 'Brian Fallon'), ['spokesman']);
  });

  it('no description before a name that does not close it, nor one that is the apposition of the name before it', () => {
    // `Like his father, Eric Trump praised`: a fronted phrase; `the Texas senator` is Cruz's, not Rubio's.
    assert.deepStrictEqual(
      allRoles('Like his father, Eric Trump praised the crowd. Ted Cruz, the Texas senator, Marco Rubio, the Florida senator, and Jeb Bush spoke in Houston.\n'),
      ['Eric Trump: ', 'Jeb Bush: ', 'Marco Rubio: Florida senator', 'Ted Cruz: Texas senator'],
    );
    // `his wife, Betsy,` introduces Betsy: no role of Dalrymple's; and a name in a phrase before a clause's subject.
    assert.deepStrictEqual(
      allRoles("Gov. Jack Dalrymple, his wife, Betsy, and the party's candidate were not on the slate. In a fiery takedown of the businessman, Sen. Bernie Sanders (I-Vt.) called him divisive. Jane Doe, a Des Moines resident, agreed.\n"),
      ['Bernie Sanders: Senator', 'Betsy: ', 'Jack Dalrymple: Governor', 'Jane Doe: Des Moines resident'],
    );
  });

  it('an apposition after the name runs past abbreviations to the sentence’s full stop (PolNeAR: `George W. Bush.`, `A.F.L.-C.I.O.`)', () => {
    assert.deepStrictEqual(rolesOf("''The VAT is a great tax,'' said Douglas Holtz-Eakin, a former adviser to President George W. Bush.\n", 'Douglas Holtz-Eakin'), ['former adviser to President George W. Bush']);
    assert.deepStrictEqual(
      rolesOf('Steve Rosenthal, a former political director of the A.F.L.-C.I.O. and progressive political organizer, wrote in an email.\n', 'Steve Rosenthal'),
      ['former political director of the A.F.L.-C.I.O.', 'progressive political organizer'],
    );
  });

  it('an apposition is a role when its head denotes a person (`fellow`, `resident`), without its relative clause or participle', () => {
    assert.deepStrictEqual(rolesOf('Russell Wheeler, a visiting fellow at the Brookings Institution, said Trump could file a complaint.\n', 'Russell Wheeler'), ['visiting fellow at the Brookings Institution']);
    assert.deepStrictEqual(
      rolesOf("“It is a milestone,” said Marty West, an education professor at Harvard who previously worked for Sen. Lamar Alexander (R-Tenn.), one of the bill's architects.\n", 'Marty West'),
      ['education professor at Harvard'],
    );
    assert.deepStrictEqual(rolesOf('“We saw it,” said Geoff Garin, a Democratic pollster working for Priorities USA, on Monday.\n', 'Geoff Garin'), ['Democratic pollster']);
    // A title and an apposition at one mention are two roles (PolNeAR: `Rabbi Marvin Hier, the founder of …`).
    assert.deepStrictEqual(
      rolesOf('Rabbi Marvin Hier, the founder of the Simon Wiesenthal Center in Los Angeles, has said so.\n', 'Marvin Hier'),
      ['founder of the Simon Wiesenthal Center in Los Angeles', 'Rabbi'],
    );
  });

  it('no role from an apposition that is no person’s description (a clause, a list, a bare generic noun)', () => {
    assert.deepStrictEqual(
      allRoles(
        'Hillary Clinton, over the private email server she used while serving as secretary of state, spoke. ' +
          'Bill Clinton, the man who once led the state, stayed home. Christie, Kasich and Bush attacked Trump. ' +
          'Sarah Silverman, herself a Sanders supporter, laughed.\n',
      ),
      ['Bill Clinton: ', 'Christie: ', 'Hillary Clinton: ', 'Sanders: ', 'Sarah Silverman: Sanders supporter', 'Trump: '],
    );
  });

  it('a state named like a woman is a place before a title (PolNeAR: `Virginia Gov. Terry McAuliffe`, `Virginia Sen. Tim Kaine`)', () => {
    assert.deepStrictEqual(rolesOf('Virginia Gov. Terry McAuliffe on Friday announced a plan.', 'Terry McAuliffe'), ['Virginia Governor']);
    assert.deepStrictEqual(rolesOf('Her newly-announced running mate, Virginia Sen. Tim Kaine, spoke on Friday.', 'Tim Kaine'), ['Virginia Senator']);
    assert.deepStrictEqual(rolesOf('North Carolina Sen. Richard Burr said no.', 'Richard Burr'), ['North Carolina Senator']);
  });

  it('the whole office before a name: its qualifiers and a hyphened `then-` (PolNeAR: `Senate minority leader Harry Reid`, `then-lieutenant governor David Dewhurst`)', () => {
    assert.deepStrictEqual(rolesOf('Senate minority leader Harry Reid spoke on Monday.', 'Harry Reid'), ['Senate minority leader']);
    assert.deepStrictEqual(rolesOf('The race was won by then-lieutenant governor David Dewhurst last year.', 'David Dewhurst'), ['then-lieutenant governor']);
    assert.deepStrictEqual(rolesOf('He met then-Fed Chair Ben S. Bernanke on Monday.', 'Ben S. Bernanke'), ['then-Fed Chair']);
    assert.deepStrictEqual(rolesOf('Radio talk host Rush Limbaugh said so on Monday.', 'Rush Limbaugh'), ['Radio talk host']);
    assert.deepStrictEqual(rolesOf('Fight for $15 organizing director Kendall Fells spoke on Monday.', 'Kendall Fells'), ['organizing director']);
    // A qualifier that may be a verb qualifies a lower-case title only (`talk host`), not one before a name.
    assert.deepStrictEqual(rolesOf('He tried to talk Sen. Ted Cruz out of running on Monday.', 'Ted Cruz'), ['Senator']);
    assert.deepStrictEqual(rolesOf('She spent the summer managing Sen. Marco Rubio’s campaign.', 'Marco Rubio'), ['Senator']);
    // A verb is no qualifier: `polls show Sen. Bernie Sanders besting …` gives no `show Senator`.
    assert.deepStrictEqual(rolesOf('Even as some polls show Sen. Bernie Sanders besting top GOP presidential candidates, Republicans appear glad.', 'Bernie Sanders'), ['Senator']);
  });

  it('an agent noun in -ist or -ician heads a description the lists do not know (PolNeAR: `said Alan Berger, a gynecologist from Englewood`)', () => {
    assert.deepStrictEqual(rolesOf('"He said, trust me," said Alan Berger, a gynecologist from Englewood, New Jersey.', 'Alan Berger'), ['gynecologist from Englewood']);
    assert.deepStrictEqual(rolesOf('Irwin Redlener, a pediatrician and director of the National Center for Disaster Preparedness, spoke.', 'Irwin Redlener'), ['director of the National Center for Disaster Preparedness', 'pediatrician']);
    // An adjective in -ist before its noun heads nothing: one role, not two.
    assert.deepStrictEqual(rolesOf('J.J. MacNab, an expert on militias and extremist organizations in the United States, spoke.', 'J.J. MacNab'), ['expert on militias and extremist organizations in the United States']);
  });

  it('a title in the plural before a list of names is each one’s, in the singular (PolNeAR: `U.S. Reps. Ileana Ros-Lehtinen and Carlos Curbelo`)', () => {
    const text = 'The poll worried Republicans, including U.S. Reps. Ileana Ros-Lehtinen and Carlos Curbelo.';
    assert.deepStrictEqual(rolesOf(text, 'Ileana Ros-Lehtinen'), ['U.S. Representative']);
    assert.deepStrictEqual(rolesOf(text, 'Carlos Curbelo'), ['U.S. Representative']);
    const idaho = 'Take Idaho Republican Sens. Jim Risch and Mike Crapo, for example.';
    assert.deepStrictEqual(rolesOf(idaho, 'Jim Risch'), ['Idaho Republican Senator']);
    assert.deepStrictEqual(rolesOf(idaho, 'Mike Crapo'), ['Idaho Republican Senator']);
    // A singular title is the first name's alone.
    assert.deepStrictEqual(rolesOf('Sen. Ted Cruz and Marco Rubio spoke on Monday.', 'Marco Rubio'), []);
    // A title word in the plural as written, before a list of names (PolNeAR: `economists Peter Schott and Justin
    // Pierce`), without a given name among its qualifiers (`Morning Joe hosts`).
    const study = 'The finding came from a 2013 study by economists Peter Schott and Justin Pierce.';
    assert.deepStrictEqual(rolesOf(study, 'Peter Schott'), ['economist']);
    assert.deepStrictEqual(rolesOf(study, 'Justin Pierce'), ['economist']);
    assert.deepStrictEqual(rolesOf('The Morning Joe hosts Joe Scarborough and Mika Brzezinski spoke.', 'Mika Brzezinski'), ['host']);
    // Before one name it is that name's clause, no list (`House candidates Sanders had previously fundraised for`), and
    // after a verb its object (`told reporters Clinton and Sanders had lied`).
    assert.deepStrictEqual(rolesOf('House candidates Sanders had previously fundraised for did well.', 'Sanders'), []);
    assert.deepStrictEqual(rolesOf('Trump told reporters Clinton and Sanders had both lied about trade.', 'Sanders'), []);
    // A given name that names a state qualifies the title (`Virginia Sens.`, `South Carolina Sens.`).
    assert.deepStrictEqual(rolesOf('Virginia Sens. Tim Kaine and Mark Warner backed the bill.', 'Mark Warner'), ['Virginia Senator']);
    assert.deepStrictEqual(rolesOf('South Carolina Sens. Lindsey Graham and Tim Scott backed the bill.', 'Lindsey Graham'), ['South Carolina Senator']);
  });
  it('`front-runner` and `co-anchor` are titles before a name (PolNeAR: `Republican presidential front-runner Donald Trump addressed the students`)', () => {
    assert.deepStrictEqual(rolesOf('Republican presidential front-runner Donald Trump addressed the students.', 'Donald Trump'), ['Republican presidential front-runner']);
    assert.deepStrictEqual(rolesOf('Polls show GOP frontrunner Donald Trump ahead.', 'Donald Trump'), ['GOP frontrunner']);
    // A dateline before a spaced dash is no part of the title (PolNeAR: `CHARLESTON, S.C. - Democratic front-runner`).
    assert.deepStrictEqual(rolesOf('CHARLESTON, S.C. - Democratic front-runner Hillary Clinton spoke on Monday.', 'Hillary Clinton'), ['Democratic front-runner']);
    assert.deepStrictEqual(rolesOf('“She doesn’t do it that often,” CBS This Morning co-anchor DeMarco Morgan said.', 'DeMarco Morgan'), ['CBS This Morning co-anchor']);
    assert.deepStrictEqual(rolesOf('The talk was given by Microsoft co-founder Bill Gates on Monday.', 'Bill Gates'), ['Microsoft co-founder']);
  });
  it('words before `of` and a title that hold no title are what the title is of, not part of it (PolNeAR: `the presidential campaign of Sen. Ted Cruz`)', () => {
    assert.deepStrictEqual(rolesOf('Leaders are uniting around the presidential campaign of Sen. Ted Cruz.', 'Ted Cruz'), ['Senator']);
    assert.deepStrictEqual(rolesOf('He was a veteran of President Bill Clinton’s administration.', 'Bill Clinton'), ['President']);
    // A title before `of` keeps it (`Secretary of State`).
    assert.deepStrictEqual(rolesOf('They met Secretary of State John Kerry on Monday.', 'John Kerry'), ['Secretary of State']);
    assert.deepStrictEqual(rolesOf('They joined the campaign of Democratic presidential candidate Bernie Sanders.', 'Bernie Sanders'), ['Democratic presidential candidate']);
  });
  it('a relative clause that says what the person is gives the role (PolNeAR: `Katie Packer, who is chairman of Our Principles Pac said`)', () => {
    assert.deepStrictEqual(rolesOf('Katie Packer, who is chairman of Our Principles PAC said it was bad.', 'Katie Packer'), ['chairman of Our Principles PAC']);
    assert.deepStrictEqual(rolesOf('Ann Lee, who is also a professor at Yale, spoke.', 'Ann Lee'), ['professor at Yale']);
    // Up to a subordinate clause or a second predicate, and not a verb's clause.
    assert.deepStrictEqual(rolesOf('Michael Steele, who was lieutenant governor of Maryland when Perez served there, spoke.', 'Michael Steele'), ['lieutenant governor of Maryland']);
    assert.deepStrictEqual(rolesOf('Huma Abedin, who was a top adviser to Mrs. Clinton at the State Department and later worked at the foundation, spoke.', 'Huma Abedin'), ['top adviser to Mrs. Clinton at the State Department']);
    assert.deepStrictEqual(rolesOf('John Smith, who was running for office, lost.', 'John Smith'), []);
    // `and` before a plural noun goes on (`director of sales and acquisitions`).
    assert.deepStrictEqual(rolesOf('Jane Doe, who is director of sales and acquisitions at Acme, said so.', 'Jane Doe'), ['director of sales and acquisitions at Acme']);
  });
  it('nouns of a compound before a title in lower case are part of it (PolNeAR: `New York hedge fund manager Bob Mercer`, `political science professor`)', () => {
    assert.deepStrictEqual(rolesOf('Cruz’s biggest donor, New York hedge fund manager Bob Mercer, gave more.', 'Bob Mercer'), ['New York hedge fund manager']);
    assert.deepStrictEqual(rolesOf('Montclair State University political science professor Brigid Harrison said so.', 'Brigid Harrison'), ['Montclair State University political science professor']);
    assert.deepStrictEqual(rolesOf('The race drew the civil rights activist Harry Belafonte to the stage.', 'Harry Belafonte'), ['civil rights activist']);
    // Not a verb before the title (`trails front-runner`, `Voters fear front-runner`, `Clinton beat fellow candidate`,
    // `senators urge party chairman`), a possessive or a preposition (review of stop 61).
    assert.deepStrictEqual(rolesOf('Trump decided to fire campaign manager Corey Lewandowski on Monday.', 'Corey Lewandowski'), ['campaign manager']);
    assert.deepStrictEqual(rolesOf('Voters fear front-runner Donald Trump will lose.', 'Donald Trump'), ['front-runner']);
    assert.deepStrictEqual(rolesOf('Polls show front-runner Donald Trump ahead in Iowa.', 'Donald Trump'), ['front-runner']);
    assert.deepStrictEqual(rolesOf('Clinton beat fellow candidate Bernie Sanders in Nevada.', 'Bernie Sanders'), ['candidate']);
    assert.deepStrictEqual(rolesOf('The senators urge party chairman Reince Priebus to act.', 'Reince Priebus'), ['chairman']);
    assert.deepStrictEqual(rolesOf('Sanders trails front-runner Hillary Clinton by ten points.', 'Hillary Clinton'), ['front-runner']);
    assert.deepStrictEqual(rolesOf('Trump came in second place behind front-runner Ted Cruz.', 'Ted Cruz'), ['front-runner']);
  });
  it('an age opens a description, no part of it, and a participle with its own complement ends it (PolNeAR: `Dean Johnson, a 55-year-old salesman from Sumter`)', () => {
    assert.deepStrictEqual(rolesOf('Dean Johnson, a 55-year-old salesman from Sumter, voted for Trump.', 'Dean Johnson'), ['salesman from Sumter']);
    assert.deepStrictEqual(rolesOf('Audrey Scagnelli, national press secretary for the Republican committee organizing the convention, said so.', 'Audrey Scagnelli'), ['national press secretary for the Republican committee']);
    // A noun in -ing that takes no complement stays (`director of marketing at Acme`), and so does one after a
    // determiner or a preposition (`the organizer of a meeting to discuss the plan`).
    assert.deepStrictEqual(rolesOf('Ann Lee, director of marketing at Acme, said so.', 'Ann Lee'), ['director of marketing at Acme']);
    assert.deepStrictEqual(rolesOf('Ann Lee, the organizer of a meeting to discuss the plan, said so.', 'Ann Lee'), ['organizer of a meeting to discuss the plan']);
    // After an age, what a person looks like is no role (`a 22-year-old black man`); a clause after it ends the role.
    assert.deepStrictEqual(rolesOf('Kalief Browder, a 22-year-old black man, died in 2015.', 'Kalief Browder'), []);
    assert.deepStrictEqual(rolesOf('Jane Doe, a 29-year-old mother of two living in a shelter since March, said so.', 'Jane Doe'), ['mother of two']);
  });
});
