/**
 * Issue 15, partial quotations inside reported speech: the words belong to the subject of the speech verb that
 * reports them, not to a name inside the reported clause (`McCaskill … said Sanders has pushed her to be a
 * “stronger” candidate`). Also: a title before a name is no candidate of its own; speech verbs the lexicon lacked
 * (`answered`, `barked`, `interjected`); `responded by attacking` is no passive. Sentences from PolNeAR train where
 * the quotation had gone to someone else or to no one, and the review's counter-examples.
 */
import * as assert from 'assert';
import { collectSpeakerCandidates } from '../../server/src/core/quotes';
import { subjectRank } from '../../server/src/core/quotes/coreference';
import { isSentenceEnd } from '../../server/src/core/quotes/document';
import { analyseQuotes as analyse, quoteDoc, quoteLayers, speakerOf } from '../helpers/quoteAnalysis';
import { context, resources } from '../helpers/resources';
import { analyzeArticle } from '../../server/src/core/analysis';

describe('quotes: a partial quotation inside reported speech', () => {
  const mccaskill =
    'Speaking later on the same show, Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said Sanders has pushed the former secretary of state to be a "stronger" and "more aggressive" candidate.';

  it('goes to the subject of the reporting verb, not to a name inside the reported clause', () => {
    const quotes = analyse(mccaskill, { 'Claire McCaskill': 'person', Clinton: 'person', Sanders: 'person' });
    assert.strictEqual(speakerOf(quotes, 'stronger'), 'Sen. Claire McCaskill');
    assert.strictEqual(speakerOf(quotes, 'more aggressive'), 'Sen. Claire McCaskill');
  });

  it('reads `…, said Sanders has pushed` as a reported clause whose subject is Sanders, not an inverted `said Sanders`', () => {
    const doc = quoteDoc(mccaskill, { 'Claire McCaskill': 'person', Clinton: 'person', Sanders: 'person' });
    const at = mccaskill.indexOf('Sanders');
    assert.strictEqual(subjectRank(doc, { start: at, end: at + 7, type: 'person', text: 'Sanders' }), 0);
    const inverted = '“We will win,” said Sanders, who spoke in Iowa.';
    const invertedDoc = quoteDoc(inverted, { Sanders: 'person', Iowa: 'location' });
    const s = inverted.indexOf('Sanders');
    assert.strictEqual(subjectRank(invertedDoc, { start: s, end: s + 7, type: 'person', text: 'Sanders' }), 2);
    // An adverb after the name (`later`, `again`) is no verb of a reported clause.
    const later = '“We will not back down,” said Smith later. “Never,” said Jones again on Monday.';
    const laterDoc = quoteDoc(later, { Smith: 'person', Jones: 'person' });
    for (const name of ['Smith', 'Jones']) {
      const at = later.indexOf(name);
      assert.strictEqual(subjectRank(laterDoc, { start: at, end: at + name.length, type: 'person', text: name }), 2, name);
    }
  });
});

describe('quotes: the subject behind a role and its modifiers', () => {
  it('a name after `Republican presidential front-runner` is the subject of its verb (it had ranked as no subject), and speaks', () => {
    const text =
      'Republican presidential front-runner Donald Trump is questioning whether President Barack Obama would have attended Supreme Court Justice Antonin Scalia’s funeral Mass “if it were held in a mosque.”';
    const names = { 'Donald Trump': 'person', 'Barack Obama': 'person', 'Antonin Scalia': 'person' } as const;
    const doc = quoteDoc(text, names);
    const at = text.indexOf('Donald Trump');
    assert.strictEqual(subjectRank(doc, { start: at, end: at + 12, type: 'person', text: 'Donald Trump' }), 1);
    assert.strictEqual(speakerOf(analyse(text, names), 'if it were'), 'Donald Trump');
    const said = 'Democratic presidential candidate Hillary Clinton said she would win.';
    const saidAt = said.indexOf('Hillary Clinton');
    assert.strictEqual(subjectRank(quoteDoc(said, { 'Hillary Clinton': 'person' }), { start: saidAt, end: saidAt + 15, type: 'person', text: 'Hillary Clinton' }), 2);
  });
});

describe('quotes: sentence ends as the splitter reads them', () => {
  it('goes on after `!` or `?` in brackets before a comma or a lower-case word (`Jeb Bush (Jeb!), who …`), as `splitSentences` does', () => {
    const text = 'Former Florida governor Jeb Bush (Jeb!), who trails in the polls, told reporters that the plan was “a disaster.” He left (why?) and she stayed. It ended (finally!). Then it rained.';
    const doc = quoteDoc(text, { 'Jeb Bush': 'person' });
    const ends = doc.tokens.map((t, i) => (isSentenceEnd(doc, i) ? t.text : '')).filter((t) => t !== '');
    // The `!` of `(Jeb!),` and the `?` of `(why?) and` end nothing (nor the `.` inside the quotation); `stayed.`,
    // `(finally!).` (both marks) and `rained.` do.
    assert.deepStrictEqual(ends, ['.', '!', '.', '.']);
  });
});

describe('quotes: speech verbs the lexicon lacked', () => {
  it('`barked` and `interjected` report the words next to them (the whole pipeline: they were scare quotes)', () => {
    const text =
      "“Go back to Univision,” Trump barked and a guard escorted Ramos out.\n\n“Only Rosie O'Donnell,” Trump interjected from the other lectern.";
    const { quotes } = analyzeArticle(text, context);
    assert.strictEqual(speakerOf(quotes, 'Go back'), 'Trump');
    assert.strictEqual(speakerOf(quotes, 'Only Rosie'), 'Trump');
  });

  it('leaves out forms that are nouns as often (`answers`, `barks`) and `continues to`', () => {
    const text = 'Voters want answers on the “crisis.” The senator continues to push for the “skinny repeal” this week.';
    const quotes = analyse(text, { Voters: 'organization' });
    assert.strictEqual(speakerOf(quotes, 'crisis'), undefined);
    assert.strictEqual(speakerOf(quotes, 'skinny repeal'), undefined);
  });

  it('reads `responded by attacking` as no passive: the gerund is not the agent', () => {
    const quotes = analyse('Clinton responded by attacking Trump for his "reckless" talk about nuclear weapons.', { Clinton: 'person', Trump: 'person' });
    assert.notStrictEqual(speakerOf(quotes, 'reckless'), 'attacking Trump for');
  });
});

describe('quotes: a title right before a name is part of the name’s phrase', () => {
  const text =
    'The new investment comes amid signs that Trump’s poll numbers may be improving.\n\nTrump senior communications adviser Jason Miller said in a statement that the billionaire businessman’s “positive message of economic opportunity is working and we see the polls all moving in the right direction.”';
  const names = { 'Jason Miller': 'person', Trump: 'person' } as const;

  it('is no speaker candidate of its own (`senior communications adviser Jason Miller`), nor is a modifier of it (`Trump senior`)', () => {
    const { paragraphs, sentences, mentions } = quoteLayers(text, names);
    const { quotes } = collectSpeakerCandidates(text, paragraphs, sentences, mentions, resources.quotes);
    const spans = quotes[0].spans.map((s) => s?.text);
    assert.ok(spans.includes('Jason Miller'), JSON.stringify(spans));
    assert.ok(!spans.some((s) => s !== undefined && /senior|adviser/.test(s)), JSON.stringify(spans));
  });

  it('leaves the quotation to the named person, not to an organisation inside the title (`retired Air Force general John Allen said`)', () => {
    assert.match(speakerOf(analyse(text, names), 'positive message') ?? '', /Jason Miller$/);
    const general = 'Clinton unveiled a list of endorsements from retired generals on Wednesday.\n\nClinton "is the only candidate with the temperament to keep America safe," retired Air Force general John Allen said.';
    assert.match(speakerOf(analyse(general, { Clinton: 'person', 'Air Force': 'organization', 'John Allen': 'person', America: 'location' }), 'is the only') ?? '', /John Allen$/);
  });

  it('is a candidate when a verb follows its head (`The governor met protesters`)', () => {
    const met = 'The governor met protesters outside the capitol on Monday. “This bill is a disgrace to the state.”';
    const { paragraphs, sentences, mentions } = quoteLayers(met, {});
    const spans = collectSpeakerCandidates(met, paragraphs, sentences, mentions, resources.quotes).quotes[0].spans.map((x) => x?.text);
    assert.ok(spans.includes('The governor'), JSON.stringify(spans));
  });
});

describe('quotes: a speech verb after `and` goes on with the main clause, past a subordinate one', () => {
  it('`McConnell was quick to embrace the mogul after he clinched the nomination and said …` is McConnell’s (PolNeAR train; had gone to `he`, then to the previous speaker)', () => {
    const text =
      'Rep. Tom Cole said the meeting went well. “It was a good start,” Cole said.\n\n' +
      'McConnell was quick to embrace the mogul after he clinched the nomination and said this week that Trump is looking like he’ll be “very competitive” in November.';
    const quotes = analyse(text, { 'Tom Cole': 'person', Cole: 'person', McConnell: 'person', Trump: 'person' });
    assert.strictEqual(speakerOf(quotes, 'very competitive'), 'McConnell');
  });

  it('the subordinate clause’s subject when the main clause has none before it (`After he clinched the nomination and said …`)', () => {
    const text = 'After he clinched the nomination and said he would be “very competitive,” the party rallied behind Trump.';
    const quotes = analyse(text, { Trump: 'person' });
    assert.strictEqual(quotes.find((q) => q.text.startsWith('very competitive'))?.attribution?.mention.text, 'he');
  });

  it('a name that opens the subordinate clause is the subject of both (`Ryan was stunned when Trump phoned him and said`; review of 54d3c31)', () => {
    const text = 'Ryan was stunned when Trump phoned him on Tuesday and said the party was “a disaster.”';
    assert.strictEqual(speakerOf(analyse(text, { Ryan: 'person', Trump: 'person' }), 'a disaster'), 'Trump');
    const network = 'Fox News cut away when Trump took the stage and said the network was “biased.”';
    assert.strictEqual(speakerOf(analyse(network, { 'Fox News': 'organization', Trump: 'person' }), 'biased'), 'Trump');
  });

  it('a coordinated verb in a main clause keeps its subject (`Cruz knocked Rubio on trade and called him …`)', () => {
    const text = 'Cruz knocked Rubio on trade and called him a “Washington insider.”';
    assert.strictEqual(speakerOf(analyse(text, { Cruz: 'person', Rubio: 'person' }), 'Washington insider'), 'Cruz');
  });
});
