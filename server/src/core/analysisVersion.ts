/**
 * The version of what the analysis produces for a given text, model and data: part of the key of
 * the persistent workspace index (`indexCache/`), so summaries stored by an older analysis are
 * discarded rather than mixed with new ones.
 *
 * Bump it when a change of code makes `summarizeArticle` give a different summary for the same text,
 * settings and data files: the tokeniser, the sentence splitter, the recogniser's decoding, the
 * entity clean-up, quotes and attribution, actor grouping, roles, the summary's own fields. Not
 * needed for changes of the data files (the model, gazetteers, vocabulary: the key hashes them) or
 * of `analysisSettingsKey` (the key includes it); the key also holds a summary of a fixed probe
 * text, which catches most forgotten bumps, but only for what that text exercises.
 */
// 3: summaries no longer keep each actor's `firstOffset` (read by nothing; 8 bytes × 2 million actors at 100,000 articles).
// 4: a sentence goes on after a closing bracket or quote when a lower-case word follows (`(I-Vt.) on Saturday`).
// 5: the recogniser splits a nationality adjective off a misc name before a known place (`Syrian Golan` → `Golan`, a place).
// 6: a name that is only ever the whole of a scare quote (a show, a book, an alias: `“Fox & Friends,”`) is no actor.
// 7: a quote's speaker is the name heading its source phrase (`RNC spokesman Sean Spicer` → Spicer, not the RNC).
// 8: the entity repair reads people typed as organisations (`Ivanka Trump` beside `Donald Trump`), party tags, titles,
//    handles and chamber titles (`(R-Fla.)`, `Sens.`, `@NolteNC`, `Senate Majority`), one type per name; a given name
//    alone joins its person (`Hillary`); roles lose a sentence's opening word (`As President`).
// 9: a place named whole in the organisations list and in no place list is an organisation (`on Twitter`); an
//    organisation head and the place it is `of` are one name (`University of New Hampshire`).
// 10: a title holding `of` after a possessive belongs to the next name (`Clinton’s chief of staff Cheryl Mills` → Mills),
//     and so does a capitalised title after `the` (`the Director of National Intelligence James Clapper`).
// 11: an `and` between two titles runs on to the person they are of (`former … Gov. and DNC Chairman Ed Rendell`).
// 12: a name's lower-case verb followed by a determiner ends the name's phrase (`Martin Andanar released a statement
//     saying` → Andanar); a name with an `of …` post-modifier and an apposition is the subject of the speech verb
//     after them (`Lee Zeldin of New York, a Trump supporter, said`).
// 13: no sentence ends inside a party tag whose state is an initialism (`Rep. Gregory Meeks (D-N.Y.) said`).
// 14: a capitalised word after a determiner or `of` belongs to the source phrase though it may be a speech verb or a
//     day (`a State Department official`, `Secretary of State John F. Kerry`, `a Wednesday editorial`).
// 15: a letter garbled by a wrong decoding stays inside its word (`PeÃ±a`); a compound surname without its given name
//     is that person (`Wasserman Schultz` of `Debbie Wasserman Schultz`).
// 16: a garbled `Â` pair or no-break space joins no word (`Â«`, `TrumpÂ` + no-break space); an initial is no compound
//     surname (`W. Bush` is not `George H. W. Bush`).
// 17: `he`/`she` agree with about 5,000 more given names (SSA birth counts, `quotes/given-name-genders.tsv`), read
//     only before a surname (`Gilda Cobb-Hunter … she said`, not a lone `Clinton`).
// 18: a dateline with a date or an agency is not a lead sentence's subject (`WASHINGTON, Dec. 8 (UPI) —`,
//     `Washington (AFP) –`).
// 19: a law or doctrine made from a surname is no place or organisation (`Obamacare`, typed a place by the tagger).
// 20: no sentence ends at a court case's `v.`, and a case or a party its name cites is no entity (`Roe v. Wade`).
// 21: review fixes: only a known agency in brackets makes a dateline of a place in ordinary case; a capital `V.`
//     may end a sentence; a case party stays out after document consistency; the derived given names are read for
//     the word before the surname only.
// 22: a wh-clause after a speech verb reports (`explained why Indiana is “weird”`, `said if …, “…”`); only a refused
//     or negated infinitive leaves a short quoted term unsaid.
// 23: a surname gives no gender from the first-name list (`Rakeyia Scott`, `Mattie Thomas` are not men), and a name
//     with a given name of unknown gender does not take the gender of the surname's other bearer (`Keith Scott`).
// 24: a person's name apposed to a description is the speaker (`said the bureau's director, James B. Comey,`,
//     `the presumptive GOP presidential nominee, Donald Trump, tweeted`).
// 25: a description after a name and a comma, closed, is that name (`said Geert Wilders, founder of …`); a speaker
//     nothing resolves keeps whose or where it is (`a longtime adviser to Trump`).
// 26: a gendered noun before a name gives its gender (`9/11 widow Terry Strada`, `his wife, Melania`), over the first
//     name's (vocabulary/gendered-nouns.tsv).
// 27: a speech verb that is also a noun, bare, between a word and a head, is part of the speaker phrase
//     (`conservative talk radio host Rush Limbaugh`, `Trump’s Virginia state director`).
// 28: an organisation described by what it is (`the editorial board`, `the network`) resolves to no person the
//     article named before, unless it carries the name (`the Trump campaign`) or a person word heads it.
// 29: a pronoun after its sentence's named subject is that subject (`Ban Ki-moon condemned what he called …`).
// 30: review fixes: a name before a description opens its clause; no apposed name after a description that names its
//     owner; no owner phrase after `from` or of a duration; a negated verb before a wh-clause reports nothing; a lone
//     surname of a full name in the article takes no gender from the first-name list.
// 31: a subject read leftwards takes in the description it is the owner of (`A senior aide to Mike Pence said`,
//     `Another source familiar with Cruz's thinking said`); the actors read `close to`/`familiar with` as owners.
// 32: a name no list genders takes the gender its own clause's `his`/`he`/`she`/`himself`/`herself` gives it; a
//     lone person the rules pick that is not among the counted mentions is ranked like the others.
// 33: names in page furniture (picture credits, bylines, teasers) are no speakers or antecedents in the quote pass.
// 34: a quoted nickname inside a name is one person mention and no quotation (`nicknames.ts`); the tokeniser keeps an
//     initial whole before a quoted word and a name (`Robert C. “Bobby” Scott`).
// 35: initials for the given names before a nickname (`C.L. "Butch" Otter`); `‘s` typed for the possessive is one.
// 36: after a quotation a comma leaves open, a chain of appositives between the subject and its speech verb
//     (`Harry Bond, 30, of Raleigh, N.C., who …, said`).
// 37: an apposition whose title runs into another person's name is no role of the person before it.
// 38: review fixes: no nickname after a lower-case word, in a headline or after placed initials; the surname stops at
//     a day or month; appositive chains for person subjects only; a name before a role word is a modifier.
// 39: `Del.` before a name is a delegate's title and `No.` keeps its dot before a figure only (tokenize.ts); a
//     relative is a person head, and an apposed name may follow an abbreviated title (sourceHead.ts).
// 40: a lone lower-case verb form is no speaker (`“…,” giving states more power`; quotes/cues.ts withSpeakerPhrase).
// 41: a lone clitic is no speaker; the plural of a head word ends its phrase before a verb (quotes/phrases.ts).
// 42: review fixes: `Del.` a title only before a name; `No.` before a no-break space; a place's initials before a
//     title left out of a person; no titled apposition after a role's owner; a plural head only before a clear verb.
// 43: after a name, a plural head word leads the phrase on (`the Koch brothers said`; quotes/phrases.ts leadsToHead).
// 44: the possessive mark of a lower-case plural is part of a phrase (`the teachers’ union said`; quotes/phrases.ts).
// 45: roles: a title after `and` is the second conjunct's (`Vermont and former Maryland governor`); a clause opener
//     after a colon or an opening quotation mark is no part of a title; a place's or organisation's first word at a
//     sentence's start stays in it (`New Jersey Governor`, was `Jersey Governor`; core/roles.ts).
// 46: review fixes: only closed-class words are left out before a title at a clause's start (`Vice President`, was
//     `President`); the `and` rule only after a preposition's complement or a name alone (core/roles.ts).
// 47: a figure's marks are part of a paragraph's repeat key (`1.5` ≠ `15`, `-20` ≠ `20`), and a near repeat whose
//     figures differ only in such a mark is a changed figure, left out of fix-all (core/duplicates).
// 48: an article file read from disk leaves out a UTF-8 byte-order mark, as editors do (core/articleText.ts): the
//     summaries of such files had every offset one character ahead.
// 49: page furniture a sentence of the story can take the form of must show what furniture has (core/pageFurniture):
//     a credit's place and nothing after it, a call's channel, a notice at its sentence's start, a picture credit's
//     supplier; a line that reports speech is no furniture; a note on the author describes the writer (authorBio.ts).
// 50: name variants are only spellings a letter or two apart (`Hillary` alone is no spelling of `Clinton`, nor
//     `Wasserman` of `Schultz`), words without their possessive (core/nameVariants.ts): the summaries' variant counts.
// 51: Chinese and Japanese characters are tokens of their own (core/tokenize.ts), apart from a Latin-script name
//     beside them; Turkish `İ` is a capital to the tagger (core/ner/hash.ts): the summaries of such articles.
// 52: an agency's picture-credit line reads as before it was made linear-time (core/pageFurniture/lines.ts
//     agencyCreditLine: parts of 2 to 40 letters, full stops and spaces), and a platform's name over posts signed by
//     handles is no picture credit (pageFurniture/find.ts: `TWITTER.` of letters pages).
// 53: the items of a list the story introduces at its end (`The Republicans who voted for it:` over names alone) are
//     no bylines, nor is a short quotation in ASCII single quotes (`'It's over.'`) a label (pageFurniture/lines.ts
//     CLOSED): furniture, authors, actors; a live blog's comment widget glued to the next entry's heading is furniture
//     up to the widget's time stamp only, and a widget inside a block of the story's lines is none (pageFurniture/lines.ts);
//     a note on co-writers names each as an author (pageFurniture/authorBio.ts); `Facebook/Leaders’ College.` is a
//     picture credit (lines.ts PLATFORM_CREDIT), and the name in it no actor.
// 54: a Chinese or Japanese character after a figure is a token of its own (`2016年`; core/tokenize.ts
//     NUMBER_SUFFIX_LETTER): main's caches at 53 were computed before it.
// 55: a headline's organisation or place made only of words title case capitalises needs the body, the lists or a
//     head noun (core/entityRepair/headlineNames.ts), a live blog's heading after a comment widget is a headline (headlines.ts), a
//     widget opening a long line is furniture (pageFurniture/lines.ts); format characters inside a word stay in it and
//     are read without (core/formatCharacters.ts; a zero-width space breaks words); an exact repeat with a symbol its
//     first copy lacks is a near repeat (duplicates/symbols.ts); a file of more than 300,000 lines is not analysed.
// 56: review fixes: a headline name of several words inside a longer body name stays (`Supreme Court` of `U.S. Supreme
//     Court`; core/entityRepair/headlineNames.ts), and a comment widget ends at its own time stamp, after the date (pageFurniture/lines.ts).
// 57: capitalised words quoted after a preposition or a possessive name a show or a work (`on CBS's “Face the Nation,”
//     Ryan said`, `NBC’s “Today”`), not the speaker's words, unless a cry (core/quotes/index.ts namedAfterPreposition); the
//     workspace summaries copy their strings (core/ownStrings.ts), with no change to what they hold.
// 58: head nouns of public bodies and regions (`court`, `guard`, `service`, `command`, `senate`, `belt`, …) in
//     vocabulary/name-heads.tsv: `U.S. Senate` one organisation, `Pacific Command` no person, `Rust Belt` in a headline;
//     a headline organisation that is a body person with headline words glued on is that person (`Donald Trump
//     Rampages`; core/entityRepair/headlineNames.ts findPeopleInHeadlineNames).
// 59: that person may have another of the body's names glued on as well (`Donald Trump Praises Breitbart`).
// 60: roles: a description and the title written after it are two roles (`Republican vice-presidential nominee Gov.`
//     → `Republican vice-presidential nominee`, `Governor`; core/roles.ts splitRoles), and a hyphenated qualifier made
//     of qualifiers qualifies (`vice-presidential`; core/vocabulary.ts isRoleModifier).
// 61: a body's name goes on with `of`, `for` or `on` and what it serves (`Public Policy Institute of California`;
//     core/ner/recognizer.ts joinInstitutionNames, `institution` and `topic` in vocabulary/name-heads.tsv), and a
//     place it serves is no short form of it (`New York` of `Port Authority of New York`; core/actors.ts servedPlace).
// 62: a given name alone read as an organisation is a person of the article (`Bill, Hillary, and Chelsea`; `the Bill
//     Clinton years` → `Bill Clinton`; core/entityRepair/peopleAsOrganisations.ts givenNamesTakenForOrganisations).
// 63: quotations joined by `and`, `or` or a comma share their speaker (`called her “Miss Piggy” and “Miss
//     Housekeeping”`; core/quotes/index.ts JOINED_QUOTATIONS).
// 64: after `which` a form that is only a verb is a speech verb (`the department which reported “…”`;
//     core/quotes/document.ts readsAsCue).
// 65: 63 withdrawn (a joined quotation took on a speaker the ranker had chosen wrongly, and titles became speech).
// 66: after `for` a body's name does not take another body or a possessor (`Monmouth University for the Asbury Park
//     Press`; `press` a head noun in vocabulary/name-heads.tsv); a given name before a word it qualifies stays an
//     organisation when only `and` joins it to a person (`Chelsea defender Terry Phelan`).
// 67: a name typed two ways as often goes the way its last word goes alone (`Kellyanne Conway`;
//     core/ner/recognizer.ts makeConsistent); the speaker model retrained on the current code.
// 68: a line that ends a sentence before trailing spaces ends it (a block of such lines is not one
//     wrapped paragraph), and lines are measured without them (three headline-and-deck blocks of
//     PolNeAR train are two paragraphs now); a listed organisation cut short at a place is read whole
//     (`USA TODAY`, `Russia Today`; core/ner/recognizer.ts joinListedOrganisations); a surname several people share
//     goes to the one named first unless an honorific says otherwise (core/surnameReferents.ts); a law,
//     a document or an era read as an organisation is no entity (`Freedom of Information Act`; name-heads.tsv `document`).
// 69: a family is no organisation or place (`the Khans`); a person or an organisation ending a title-case name is no
//     entity (`State of the` `Union`, `Star of` `David`; core/entityRepair/miscellaneousNames.ts dropNamesEndingTitles); an honorific
//     ending a line ended by a lone carriage return is read (core/surnameReferents.ts).
// 70: a one-word short form of an organisation joins the one full name it shortens (`the Post` → `The Washington
//     Post`, `Fox` → `Fox News`; core/actors.ts mergeShortForms).
// 71: `super PAC`, `a PAC`, `PACs` are no entities; a committee's name takes in its `PAC` and the capitalised words
//     before it and is an organisation (`Ready for Hillary PAC`; core/entityRepair/committees.ts repairPoliticalActionCommittees);
//     an acronym heading the one name of the article that ends with it is its short form (`the PAC`, `IG`).
// 72: a state written as news abbreviates it is that state's actor (`Hialeah, Fla.` → Florida; vocabulary/us-states.txt
//     names them; core/actors.ts).
// 73: a person's surname is read past a generational suffix (`Joseph R. Biden Jr.` joins `Biden`), and two generations
//     of a name are two people (`Brent Bozell III`, his father `Brent Bozell, Jr.`; core/names.ts).
// 74: a name typed two ways as often goes the way its head noun or the lists say (`Polk County`, `Twitter`;
//     core/entityRepair/oneTypePerName.ts).
// 75: from review: a state abbreviation is the state where a state stands (`W. Va.` West Virginia; not a `funeral
//     Mass`; us-states.txt `word`); `state Senate` and `the Fox network` are no short forms; a committee's name loses a
//     sentence's opening word and a leading `PAC` after `super`; a plural before `of` keeps the name after it.
// 76: roles set off by commas: a description before the name (`Sanders's campaign manager, Jeff Weaver` → `campaign
//     manager of Bernie Sanders`), an apposition after it that runs past abbreviations to the sentence's full stop,
//     headed by a person noun (`a visiting fellow at …`), without its relative clause; a title and an apposition at
//     one mention are both roles (core/roles.ts).
// 77: a description names the holder of the office, not a deputy or a former holder (`the president` is no Vice
//     President; core/actors.ts resolveNominals).
// 78: a possessive pronoun that `and` joins to a title is no owner of it (`at her and former President Clinton`).
// 79: a name right before a title in lower case owns it (`Clinton spokesman Jesse Ferguson` → `spokesman of Hillary
//     Clinton`; core/roles.ts roleBefore).
// 80: a role whose words a longer role of the same office holds in order gives way to it (`Green Party candidate`).
// 81: a headline organisation or place with ordinary headline words glued on is the name the lists or the body know
//     (`ESPN Fires` → `ESPN`; core/entityRepair/headlineNames.ts cutHeadlineNamesToKnownParts).
// 82: two people whose names only look alike are two actors: middle names that cannot be the same (`George W.` /
//     `George H.W. Bush`) or given names of a man and a woman (`Eric` / `Erica Garner`; core/names.ts).
// 83: the speaker model is the mean of rankers trained in five orders of the examples (core/quotes/ranker.ts TRAINING_ORDERS).
// 84: a title before a shared surname names the person the article gave that title with the full name (`President
//     Clinton` beside `President Bill Clinton`; core/surnameReferents.ts).
// 85: a body's name goes on with `for`, `of` or `on` and the capitalised words of what it serves (`Committee for a
//     Responsible Federal Budget`, `Brennan Center for Justice`, `Council on Foreign Relations`; core/entityRepair/
//     bodyNames.ts joinBodiesToWhatTheyServe); two bodies joined by `and` are two (`Urban Institute and Brookings Institution`).
// 86: a state's party, court or chamber is not the one its short name names (`Arizona Democratic Party` / `the
//     Democratic Party`), unless the article says whose (`the state's Democratic Party`; core/actors.ts stateBranch).
// 87: given names coordinated before what they share (core/entityRepair/coordinatedNames.ts): a body named after
//     people (`Bill and Melinda Gates Foundation`) is one name; `Khizr` of `Khizr and Ghazala Khan` is a person, and
//     the actor of a given name takes the surname after it (`Charles and David Koch` → Charles Koch; core/actors.ts).
// 88: a short form of a given name and its full name are one name (`Chuck` / `Charles E. Grassley`;
//     vocabulary/hypocorisms.tsv): five articles of PolNeAR train + dev join two actors.
// 89: an epithet before a given name the article gives a person of in full is cut (`Crooked Hillary` → `Hillary`,
//     Hillary Clinton's; core/entityRepair/person.ts isEpithet).
// 90: the object pronouns `us`, `him`, `them`, `me` are never entities (ner/nonentities.txt; `Telling Us What To Do`
//     of a title-case headline was a place; `US` in capitals stays the United States).
// 91: two given names the lists know, a consonant apart, are two people (`Ivana` / `Ivanka Trump`; core/names.ts).
// 92: a politician's abbreviated title after a capitalised title is a role of its own (`Committee Chair Rep.` →
//     `Committee Chair`, `Representative`), and a capitalised title after a description and the place it is of
//     (`candidate Texas Senator` → `candidate`, `Texas Senator`; core/roles.ts).
// 93: quote speakers (issue 15): a quotation that ends its sentence is not the next sentence's when that sentence's cue goes
//     on to a quotation of its own (core/quotes/cues.ts afterStrength); a subject past an apposition between dashes, an
//     intensifying reflexive (`Obama himself`) or an auxiliary and a participle in -ing (core/quotes/coreference.ts);
//     a lone surname full names of both genders share has the gender of the one last named in full for the antecedent
//     ranker (core/quotes/antecedents.ts); `said former secretary of state Hillary Clinton` (core/quotes/phrases.ts).
// 94: a speaker phrase goes on past lower-case words that are no verb forms to the person they modify (`said Clinton
//     ally James Carville`, `Trump campaign spokeswoman Hope Hicks said`), and a capitalised speech verb inside a
//     recognised name is a name word (`Ohio State University`, `Hope Hicks`; core/quotes/phrases.ts).
// 95: given names are not joined to the body named after them when a mention that begins before them runs into the
//     list (`Microsoft Bill` of `Microsoft Bill and Melinda Gates Foundation`): the joined name overlapped it.
// 96: a person's name goes on over a generational suffix the tagger left out (`Joseph R. Biden Jr.` ending a line,
//     `William F. Buckley, Jr.`, `Donald Trump, Jr., 38`; core/entityRepair/person.ts takeGenerationalSuffixes).
// 97: a title before a surname several people of the article share, where nothing told them apart, is no role of the
//     one chosen (`Secretary Clinton` → Bill Clinton named first; core/surnameReferents.ts guessed).
// 98: a title before a name ends before a weekday or month, ordinary words in capitals beside others (a headline run
//     into the text), an article after its head (`Vatican spokesman the Rev.`), and starts after `in` between two
//     titles (`a Trump delegate in House Minority Leader Nancy Pelosi's district`; core/roles.ts roleBefore).
// 99: one role however news words it (`former governor of Florida` = `Florida's former governor` = `former Florida
//     governor`; core/roles.ts roleKey), and a more specific role holds a shorter one in order (`former governor`).
// 100: title-case lines with contractions, capitalised pronouns and modals are headlines (core/headlines.ts); headline
//      names that run over a clause are the known names in them, headline words the article writes in lower case are
//      no names, a person written as a person's name stays (core/entityRepair/headlineNames.ts, namesInContext.ts).
// 101: descriptions joined by `and` are two roles when each has a person's head word (`Arizona sheriff and
//      anti-immigration hard-liner`); no cut inside a name or before a complement both share (core/roles.ts splitRoles).
// 102: `GOP` in a role is `Republican`, `F.B.I.` is `FBI`, a chairwoman's office a chairman's, a middle initial is
//      left out (core/roles.ts roleKey): the workspace counts one office.
// 103: one person with and without a generational suffix on a formal full name or a short given name
//      (`Joe Biden` / `Joseph R. Biden, Jr.`, core/names.ts sameButForGeneration, core/actors.ts); a person's name ends
//      before a word no name has inside it (`Carson two Pinocchios`, core/entityRepair/person.ts); `Alderman` a title.
// 104: a description of an organisation by what it is picks among organisations (`the group` is the foundation named
//      before it, not nobody), one with a name in it that name or no one (core/quotes/antecedents.ts agrees).
// 105: titles before a shared complement stay one role only when it names a body (`lobbyist and author of two books`
//      is two roles); a role's key drops only a middle initial, and initials with a possessive mark are the initials.
// 106: a conjunct of a role with no word for a person is more of the one before (`fierce critic of Mr. Sanders and his
//      Wall Street proposals`), a title moved after its description is lower-cased, a name's initial ends no role.
// 107: a speaker after a quotation whose words before the name the chunker cut short (`his nephew Michery el Soheil
//      added`), a verb before a colon with no subject before it (`explained CBS moderator Nancy Cordes:`), and a question
//      or exclamation that ends its sentence before a new subject (core/quotes/cues.ts); speaker model retrained.
// 108: review of stop 53: a question's attribution with a long clause stays its own (`“Why now?” Clinton asked reporters
//      on Tuesday`), no inverted colon reading after a subject or of `told X:`; roles: a body with a determiner is shared
//      (`founder and CEO of a tech startup`), whole titles lower-cased, no numeral or place letters cut; retrained.
// 109: speaker phrases before a quotation that cannot speak are no longer taken (`a snappy retort:` reads `retort` as a
//      noun, `Outside the arena, …` opens no subject), a name and past verb before a colon (`O'Malley interjected:`),
//      a name after a dash before a colon, and a participle's subject right before it (`with many marchers and
//      spectators chanting`, `the newspaper's editorial telling`) (core/quotes/cues.ts); speaker model retrained.
// 110: organisations and places an article declares to be one (`the Islamic State, also known as ISIL or ISIS`,
//      `HLN, once known as CNN Headline News`, `the Islamic State, or ISIS,`) are one actor (core/aliasDeclarations.ts).
// 111: the quote rankers are softmax models with an L2 penalty fitted by L-BFGS instead of averaged perceptrons
//      (core/quotes/training.ts): the same weights whatever the order of the examples; speaker model retrained.
// 112: a title before a shared surname that no full name was given goes to the namesake given no title when another
//      was given a different one (`Secretary Clinton` beside `President Bill Clinton`), and is read as a role there.
// 113: a body's first word alone that the tagger read as a place is that body when the article names it with generic
//      words after it (`Valeant` beside `Valeant Pharmaceuticals International`); company designators are generic words.
// 114: a name the article describes as a body (`Tinder, the mobile dating application,`, `the retailer Amazon`) is an
//      organisation at every mention (core/entityRepair/describedNames.ts).
// 115: a name written right before `virus` or `disease` is no actor at any mention (`Zika virus`, `fund Zika`).
// 116: a name of a person's form with a given name that the sentence describes as a person (`, who`, `, an RNC member`,
//      `MSNBC's Megyn Kelly`) is one where the tagger read an organisation or a place.
// 117: a singular group word alone read as a place is no actor (`a wise Latina.`, `Mormon loathing`).
// 118: a description is read by its lower-case head before any preposition; placed, described-as-place and titled names
//      keep their type; an untitled namesake takes a title only when named first; `Johnson, who` joins no firm.
// 119: a plan or an agreement read as an organisation is no actor (`Clean Power Plan`; name-heads.tsv `document`).
// 120: `assistant` is a role word (`his assistant for Arab and African Affairs Hossein Jaberi Ansari`, seed 004).
// 121: the speaker model retrained on the candidates these repairs move (no attribution of PolNeAR train + dev changes).
// 122: the short forms of a law the article names in full are no actors (`Glass-Steagall`, `ACA` of the `Affordable Care Act`).
// 123: a person's apposition is read up to its first preposition, as a body's is (`appositionWords`): the same on PolNeAR
//      train + dev and CoNLL, but it may differ elsewhere (`X, the wife of the senator`).
// 124: a title before a surname that names none of the people named in full goes to the namesake an honorific shows
//      (`President Obama` where the article writes `Mr. Obama` beside Michelle Obama).
// 125: a name before a place's head noun in lower case stays a place, whatever body the article describes by it or its
//      other mentions vote for (`the Amazon rainforest` beside `the retailer Amazon`); `rainforest`, `forest`, `jungle`
//      and `basin` head places' names.
// 126: three names of a person's form with a middle name are a person whatever type the tagger gave them, and their
//      short forms with them (`Ruth Bader Ginsburg` an organisation, `Ginsburg` a place).
// 127: one list of quantity words for the quote pass and the roles (`a pair say`; `author of a majority …` reads no body):
//      the PolNeAR dump identical, other texts may differ.
// 128: a country's names are one place in an article and across the workspace (`countryNames.ts`: `USA`, `America`,
//      `United States`; `Syria`, `Syrian Arab Republic`), named as the article writes it most; `aliasKey` of a country is
//      its code.
// 129: review of 124–126: a title names the honorific's namesake only before every full name and where each is
//      described otherwise, never in a headline; only natural features' nouns keep a described body's name a place,
//      and such places do not vote against the body; a name with a middle name is no person before a head noun, when
//      described as a body, and its short form stays a place the article places. The PolNeAR dump identical.
// 130: review of 128: a name that ends another country's name (`Republic of Korea` of North Korea's), `Holland` and
//      `Macedonia` are no country's; a country joins a non-country name of the same letters only (`U.S` / `U.S.`).
// 131: a description holds a title only as a word of its own (`presidential` is no `President`).
// 132: `''…''` and ` ``…'' ` are quotations (the New York Times archive's marks); the speaker ranker retrained
//      with PolNeAR's New York Times quotations among its examples.
// 133: a definite description that goes on from a person the article brought in without a name (`a committee aide …
//      the aide said`) stays that unnamed person; the speaker ranker retrained.
// 134: review of 132: a closing `''` is two tokens to the cue rules; seconds and inches (`6'2''`) and an empty `''`
//      are no marks; doubled marks are a family of their own (nest in curly ones, close none); `''Bobby''` is a
//      nickname; lines ending in `.''` end paragraphs; the speaker ranker retrained.
// 135: the anonymous-source rule of 133 taken out again (its review: descriptions named later or set off by an age or a
//      parenthesis lost their speaker); a doubled closing mark closes a curly or straight quotation, and only `= ''`
//      or `(''` is an empty string; the speaker ranker retrained.
// 136: a comma or semicolon after a closing bracket or quotation mark goes on with the sentence (`McCaskill (D-Mo.),
//      who …`); a name right after a speech verb and before a verb of its own is the subject of the reported clause,
//      not the verb's inverted agent (`…, said Sanders has pushed …`), and phrases inside a reported clause are marked
//      for the ranker; a title right before a person's name, or a person word before more of its phrase's nouns, is
//      no speaker candidate (`White House press secretary Josh Earnest`, `senior communications adviser`), and a
//      rule's phrase goes to the name it heads or runs into; `responded by attacking` is no passive; `answered`,
//      `interject(s/ed/ing)` and `barked` are speech verbs; the speaker ranker retrained.
// 137: the quote pass reads `!` or `?` before a closing bracket and a comma or a lower-case word as no sentence end
//      (`Jeb Bush (Jeb!), who …`), as the sentence splitter of 136 does.
// 138: a title-case quotation the phrase around it makes a name (`his 2002 book, “…”`, `the “Dear Walter” letters`,
//      `Fiorina told “Fox and Friends”`) has no speaker, outside the words a speech verb reports (`quotes/titles.ts`);
//      the speaker model is retrained.
// 139: a one-word organisation or place a letter or two from exactly one full name's surname, read as a person's
//      somewhere and never as a place's, is that person, misspelled (`McLenney said` beside Tyresha McClenney;
//      `entityRepair/misspelledSurnames.ts`).
// 140: a party member of a place read as an organisation (`Democrat of Vermont` after Patrick J. Leahy) is no actor;
//      the place stays a place (`entityRepair/miscellaneousNames.ts` `partyMemberPlace`).
// 141: a place owning a capitalised name the recogniser missed (`Cleveland's Plain Dealer`) is no quote's speaker
//      (`sourceHead.ts`).
// 142: for `he` and `she`, a family's people are each their own antecedent (`Rachel Berg` and her husband `Milton
//      Berg`); a number is part of a title-case quotation (`“American Skin (41 Shots)”`); a title after a preposition
//      in words a speaker closing the sentence reports keeps that speaker; the speaker model is retrained.
// 143: a speaker's noun phrase reads a word that may be a verb as a noun after an article or a possessive (`according
//      to the report`), keeps an adverb in -ly after its determiner (`the recently released playbook`), and an article
//      or possessive alone is none (`the`); the speaker model is retrained.
// 144: roles: a state named like a woman is a place before a title (`Virginia Gov. Terry McAuliffe`), a qualifier hyphened
//      to a title's word is part of it (`then-lieutenant governor`), and more office qualifiers (`minority`, `radio`).
// 145: a body read with the first word of its officer's title is the body (`Breitbart News Executive` of `… Executive
//      Chairman Stephen K. Bannon`; `entityRepair/bodyNames.ts` `leaveTitleAfterBody`, was the chamber's alone), and so is
//      one read with the title and `of` before it (`CEO of Washington Restaurant Association`, `leaveTitleBeforeBody`).
// 146: a name of a person's form the tagger typed an organisation or a place takes the given names of the birth registers
//      too (`candidate Art Halvorson`; `entityRepair/peopleAsOrganisations.ts`).
// 147: roles: a noun in -ist or -ician heads a description of a person (`a gynecologist from Englewood`, `physicist`).
// 148: `Sens.`, `Reps.`, `Govs.` keep their dot and end no sentence; a title in the plural before a list of names is
//      each one's (`U.S. Reps. Ileana Ros-Lehtinen and Carlos Curbelo`); review guards on 142–147 (a title in an opening
//      phrase stays named, verb-like qualifiers, bodies ending in a title's word, register names that are places).
// 149: a given name after a possessive and a noun of kinship is a person (`his son Beau`, `her sister Victoria`;
//      `entityRepair/peopleAsOrganisations.ts` `relativesTakenForBodiesOrPlaces`).
// 150: stop 61 — quotes: an absolute phrase's or a gerund's name speaks its participle (`– Ryan saying …`, `of Abraham
//      Lincoln saying that`), `X told him she …` is X's, a chain of participles goes back to its name, a person placed
//      before `Place, State` is the subject; roles: `front-runner`, `co-anchor`, plural title words before a list,
//      `who is <role>`, no `campaign of Senator`; entity repair: `a company called X`, `Khizr and Ghazala Khan` with `Mr.`
//      and `Ms. Khan`, `Republican Trump`; the speaker model is retrained.
// 151: roles: nouns of a compound before a title in lower case (`New York hedge fund manager`), a plain `of` after
//      lower-case words before a title (`the campaign of Democratic presidential candidate`), an age before a
//      description (`a 55-year-old salesman from Sumter`), a participle with its own complement ends a role.
// 152: quotes: a person of a city whose state follows after a comma is the subject (`Stacy Baker of Columbia, South
//      Carolina says`); roles: review guards on 151 (no verb in a compound, no race or sex after an age, participles
//      after a determiner or a preposition are nouns); the speaker model is retrained.
// 153: names joined by `and`, `&` or `of` that make up a quoted title are no actors (`“Thelma and Louise”`).
// 154: review of 152–153: a state that is the whole phrase and a person opening its clause only (`in Des Moines, Iowa
//      Gov. Terry Branstad said` stays Branstad's); the state's verb is found past `also` and before a later comma;
//      a quoted title's names are joined by one `and`, `&`, `of` or `of the` (not a comma, `or`, `vs.`).
// 155: a description of a person brought in with an indefinite article is a newcomer (`One man … the man shouted`),
//      a person named inside a person's description is someone else (`the Christie supporter`); a speech verb after
//      `and` goes on with the main clause past a subordinate one (`… after he clinched the nomination and said`); the
//      speaker model is retrained.
// 156: quotations in single curly marks where no double marks quote (headlines, British style), and a headline's
//      quotations after `Name:` are the name's.
// 157: the speaker model is retrained with the latest subject agreeing with a pronoun as gold beside the strict gold.
// 158: quotes: a quotation closed by `?` or `!` keeps the strong cue before it over the next sentence's subject; a
//      capitalised `According to` after a quotation that closed its sentence sources the next sentence; `But` opening
//      a sentence before a name is no introductory phrase; a passive speech verb's subject is not its speaker; the
//      verb of a subordinate clause closed by a comma before the quotation does not report it; a speech verb through
//      an infinitive (`to begin “…”`) is no tight cue; the speaker model is retrained.
// 159: quotes: a name behind a role word's lower-case modifiers (`Republican presidential front-runner Donald Trump
//      is questioning …`) is the subject of its verb; the speaker model is retrained.
// 160: review of 158: the comma introducing a quotation closes a subordinate clause only when the quotation ends the
//      sentence (`when she told the crowd, “I'm with you,” the room erupted` is hers), an earlier comma only before a
//      verb; a passive going on with `of`/`for` and a gerund reports its subject (`was accused of calling`); a speech
//      verb closing the sentence beats a weak cue inside it (`… to begin “building bridges” …, said David Axelrod`);
//      the speaker model is retrained.
// 161: quotes: a name with an auxiliary or the copula after it is its clause's subject (`Kaine did not see …`); a
//      quotation's speaker that is no person (`Audiences can expect him to …`) is no candidate for a later `he` or
//      `she`; more plural nouns for people head groups (`audiences`, `workers`, `economists`); the speaker model is
//      retrained.
// 162: quotes: the subject of an embedded clause (after `that`, `when` …, or `that`/`whether` earlier in the
//      sentence) is no topic and no latest subject for a later pronoun; a title no one bears is the ranker's to
//      resolve, not the nearest subject's; `workers`, `immigrants` and other nouns that modify (`the workers rights
//      group`) are no group heads; the speaker model is retrained.
// 163: quotes: a `he` or `she` never stands for a person its own clause names after it (`“…,” he told Rubio`, `He
//      calls Christie’s endorsement “…”`); the speaker model is retrained.
// 164: review of 161–163: only a `that`/`whether` opening a clause after a verb or a clause noun, in the same
//      sentence, embeds a subject (not `That night, Trump won`); a capitalised sentence-initial conjunction is no
//      title (`When Donald Trump arrived`); a lone capitalised word the recogniser did not type, or a pronoun resolved
//      to a person, is a person a later pronoun continues (`“…,” Oyelaran said`), a body resolved from a description is
//      not; a plural head before a noun in -s goes on (`the journalists rights group`); people nouns whose singular is
//      a person head are no group heads; a title's nearest-subject guess is marked as such by resolveNominal; the
//      speaker model is retrained.
// 165: second review of 164: a lower-case plural head is a group whoever owns it (`Cruz’s lawyers`), and ends its
//      phrase before an adverb or a verb form not in -s (`the voters often say`); a clause-opening `that` is found
//      past a time word, an object pronoun or a name after its verb, after a clause adjective, and before a comma after
//      a verb (`said that, if elected, …`); the speaker model is retrained.
// 166: quotes: a name after `after`, `before`, `since`, `as` or `until` and before a comma is no clause's subject
//      (`Trump went after Bush, calling him “a total stiff.”`); the speaker model is retrained.
// 167: quotes: a short quoted term that opens a sentence of the narrator's continues no quotation before it
//      (`“Containment” has been U.S. policy …`); the speaker model is retrained.
// 168: quotes: a paragraph continues an open quotation only when it opens with a mark of the quotation's own family
//      (a straight-quoted block and a curly-quoted paragraph after it are two quotations); a short term a participle
//      names right before it (`called an “inversion”`) is a scare quote; the speaker model is retrained.
// 169: quotes: a title is harvested for a name only when the words between them are parts of a name (`The Democratic
//      presidential candidate blasted Trump's call` gives Trump no title); a description of an office below the
//      holder's (`the vice president`) is not President Obama's; the speaker model is retrained.
// 170: quotes: punctuation beyond ASCII (the horizontal bar `―`, bullets) is no word character, and a line break ends
//      a speaker's phrase (`… polls⏎Trump, in Kentucky, said` is Trump's, not `polls Trump`'s); the speaker model is
//      retrained.
// 171: 170's line-break rule taken back (in a hard-wrapped paragraph a line break is a wrap: `a spokeswoman for the
//      Democratic National⏎Committee` had become `Committee`); the Unicode hyphens U+2010 and U+2011 join words as
//      `-` does; the speaker model is retrained.
// 172: quotes: a title reaches a name across any of the vocabulary's name particles (`President José Eduardo dos
//      Santos`, `Governor Pete du Pont`), not a shorter list of its own; the speaker model is unchanged.
// 173: a quotation whose speaker a trained ranker decided (the phrase, or whom a pronoun or description means) carries
//      the rankers' confidence (`Attribution.confidence`); the workspace's quote summaries keep it below 0.7. The
//      quote pass reads people's names without format characters (a soft-hyphenated `Bra\u00adhimi` is `Brahimi`).
export const ANALYSIS_VERSION = 173;
