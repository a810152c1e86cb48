import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { splitParagraphs } from '../../server/src/core/paragraphs';
import { splitSentences, tokenize } from '../../server/src/core/tokenize';
import { resources } from '../helpers/resources';
import { findQuotes } from '../../server/src/core/quotes';
import type { Quote, Sentence } from '../../server/src/core/types';

/** Runs the whole pipeline the way the language server does. */
function analyse(text: string): Quote[] {
  const paragraphs = splitParagraphs(text);
  const sentences: Sentence[] = [];
  for (const p of paragraphs) for (const s of splitSentences(text, tokenize(text, p))) sentences.push(s);
  const entities = resources.recognizer.recognize(text, sentences);
  return findQuotes(text, paragraphs, sentences, entities, resources.quotes);
}

/** The quotation whose words start with `prefix`. */
function quote(quotes: readonly Quote[], prefix: string): Quote {
  const q = quotes.find((x) => x.text.startsWith(prefix));
  assert.ok(q, `no quotation starting with ${JSON.stringify(prefix)}; got ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
}

/** The speaker as a reader would name it: the resolved mention if any, else the mention. */
function speaker(q: Quote): string | undefined {
  return (q.attribution?.resolved ?? q.attribution?.mention)?.text;
}

/**
 * Cursor-marker style: `|` marks the positions where quotation ranges must start and end (`|“…”|`). The
 * markers are removed before analysis; the assertion compares the offsets.
 */
function marked(src: string): { text: string; marks: number[] } {
  const marks: number[] = [];
  let text = '';
  for (const ch of src) {
    if (ch === '|') marks.push(text.length);
    else text += ch;
  }
  return { text, marks };
}

function readSeed(prefix: string): string {
  const dir = path.join(__dirname, '..', '..', 'seeds');
  const file = fs.readdirSync(dir).find((f) => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix} missing`);
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

describe('quotes: seeds', () => {
  it('001: Lavrov, the ministry report, the two sides, Kerry and "he said"', () => {
    const qs = analyse(readSeed('001'));
    const force = quote(qs, 'The use of force');
    assert.strictEqual(force.kind, 'direct');
    assert.strictEqual(force.attribution?.mention.text, 'Lavrov');
    assert.strictEqual(force.attribution?.cue?.text, 'said');
    assert.strictEqual(force.attribution?.sourceKind, 'person');
    assert.match(speaker(quote(qs, 'who bear the bulk')) ?? '', /Lavrov/);
    const reach = quote(qs, 'reach a peaceful');
    assert.ok(reach.kind === 'scare' || reach.attribution?.sourceKind === 'group', 'the two sides (group) or a scare quote');
    assert.match(speaker(quote(qs, 'possible steps')) ?? '', /Kerry/);
    const agreed = quote(qs, 'We agreed');
    assert.strictEqual(agreed.attribution?.mention.text, 'he');
    assert.match(agreed.attribution?.resolved?.text ?? '', /Kerry/);
  });

  it('004: the four Lavrov constructions and the two sides', () => {
    const qs = analyse(readSeed('004'));
    for (const prefix of ['We believe', 'We told our German friends', 'This envisages', 'It’s alarming', 'We hope']) {
      assert.match(speaker(quote(qs, prefix)) ?? '', /Lavrov/, prefix);
    }
    assert.strictEqual(quote(qs, 'It’s alarming').attribution?.mention.text, 'he');
    assert.strictEqual(quote(qs, 'It’s alarming').attribution?.cue?.text, 'affirmed');
    assert.strictEqual(quote(qs, 'We told our German friends').attribution?.cue?.text, 'saying');
    const last = quote(qs, 'It can only be solved');
    assert.ok(['group', 'organization'].includes(last.attribution?.sourceKind ?? ''), JSON.stringify(last.attribution));
  });

  it('003: Biden, then "he said" → Lavrov across a paragraph, and the split quotation', () => {
    const qs = analyse(readSeed('003'));
    for (const prefix of ['no longer fit', 'must go']) {
      const q = quote(qs, prefix);
      assert.ok(q.kind === 'scare' || speaker(q) === 'Biden', `${prefix}: ${JSON.stringify(q.attribution)}`);
    }
    const corridors = quote(qs, 'On the humanitarian corridors');
    assert.strictEqual(corridors.attribution?.mention.text, 'he');
    assert.match(corridors.attribution?.resolved?.text ?? '', /Lavrov/);
    assert.match(speaker(quote(qs, 'Any use of force')) ?? '', /Lavrov/);
  });

  it('000 and 002: scare quotes', () => {
    const a = analyse(readSeed('000')).filter((q) => q.text === 'terrorists and extremists');
    assert.ok(a.length > 0);
    for (const q of a) {
      assert.strictEqual(q.kind, 'scare');
      assert.strictEqual(q.attribution, undefined);
    }
    const b = quote(analyse(readSeed('002')), 'moderate non-terrorist opposition');
    assert.strictEqual(b.kind, 'scare');
    assert.strictEqual(b.attribution, undefined);
  });
});

describe('quotes: constructions', () => {
  it('ranges include the marks; content excludes them', () => {
    const { text, marks } = marked('Lavrov said |“We will |win|.”| Then he left.');
    const [q] = analyse(text);
    assert.deepStrictEqual([q.start, q.contentStart, q.end], [marks[0], marks[0] + 1, marks[3]]);
    assert.strictEqual(q.contentEnd, marks[3] - 1);
    assert.strictEqual(q.text, 'We will win.');
    assert.strictEqual(text.slice(q.contentStart, q.contentEnd), q.text);
  });

  it('speaker after: “…,” Lavrov said / said Lavrov / he affirmed', () => {
    const text =
      'Russian Foreign Minister Sergei Lavrov met Kerry.\n“The talks were useful and we will continue them,” Lavrov said.\n' +
      '“There is no military solution to this conflict,” said Lavrov.\n“We are ready to work with everyone on this,” he affirmed.';
    const qs = analyse(text);
    assert.strictEqual(quote(qs, 'The talks').attribution?.mention.text, 'Lavrov');
    assert.strictEqual(quote(qs, 'There is no').attribution?.mention.text, 'Lavrov');
    assert.strictEqual(quote(qs, 'There is no').attribution?.cue?.text, 'said');
    const he = quote(qs, 'We are ready');
    assert.strictEqual(he.attribution?.mention.text, 'he');
    assert.strictEqual(he.attribution?.cue?.text, 'affirmed');
    assert.match(he.attribution?.resolved?.text ?? '', /Lavrov/);
  });

  it('speaker before: Lavrov stated “…”, X said: “…”, …, saying “…”', () => {
    const text =
      'Sergei Lavrov stated “We hope the situation of the civilian population will improve soon.”\n' +
      'John Kerry said: "We need a political solution and we need it now."\n' +
      'Angela Merkel criticised the plan, saying “This will not bring peace to the region at all.”';
    const qs = analyse(text);
    assert.match(speaker(quote(qs, 'We hope')) ?? '', /Lavrov/);
    assert.match(speaker(quote(qs, 'We need a political')) ?? '', /Kerry/);
    assert.match(speaker(quote(qs, 'This will not')) ?? '', /Merkel/);
  });

  it('split quotation: the second part takes the same speaker', () => {
    const text = 'Angela Merkel spoke in Berlin.\n“We did our part,” she said. “Now the others must do theirs as well.”';
    const qs = analyse(text);
    assert.match(speaker(quote(qs, 'We did our part')) ?? '', /Merkel/);
    assert.match(speaker(quote(qs, 'Now the others')) ?? '', /Merkel/);
  });

  it('indirect frame: Kerry said that he spoke … about “…”', () => {
    const text = 'Kerry said that he spoke with his Russian counterpart about “possible steps to find common ground on Syria.”';
    assert.match(speaker(quote(analyse(text), 'possible steps')) ?? '', /Kerry/);
  });

  it('organisations, groups and according to', () => {
    const text =
      'The Russian Foreign Ministry said “the talks will continue next week in Geneva as planned.”\n' +
      'The two sides affirmed “there is no military solution to the crisis in Syria.”\n' +
      '“Civilians must be protected at all costs and without delay,” according to the United Nations.';
    const qs = analyse(text);
    const ministry = quote(qs, 'the talks will continue');
    assert.match(ministry.attribution?.mention.text ?? '', /Russian Foreign Ministry/);
    assert.strictEqual(ministry.attribution?.sourceKind, 'organization');
    const sides = quote(qs, 'there is no military');
    assert.strictEqual(sides.attribution?.mention.text, 'The two sides');
    assert.strictEqual(sides.attribution?.sourceKind, 'group');
    const un = quote(qs, 'Civilians must');
    assert.match(un.attribution?.mention.text ?? '', /United Nations/);
    assert.strictEqual(un.attribution?.cue?.text, 'according to');
  });

  it('nominal: “…,” the foreign minister said → the minister named earlier', () => {
    const text = 'Foreign Minister Sergei Lavrov arrived in Geneva on Monday.\n“We came here to work, not to argue with anyone,” the foreign minister said.';
    const q = quote(analyse(text), 'We came here');
    assert.strictEqual(q.attribution?.mention.text, 'the foreign minister');
    assert.match(q.attribution?.resolved?.text ?? '', /Lavrov/);
  });

  it('a quotation continued over a paragraph break (opening mark, no closing mark)', () => {
    const text = 'Lavrov spoke at length.\n“We will not allow terrorism to win in Syria.\n“Nor will we abandon the political process,” Lavrov said.';
    const qs = analyse(text);
    assert.strictEqual(qs.length, 1);
    assert.ok(qs[0].text.startsWith('We will not') && qs[0].text.endsWith('political process,'));
    assert.strictEqual(speaker(qs[0]), 'Lavrov');
  });

  it('straight quotes pair by position; apostrophes are not quotes', () => {
    const text = `Trump's aide said "it's over" and "we won't go back to the old ways again," he added.`;
    const qs = analyse(text);
    assert.deepStrictEqual(
      qs.map((q) => q.text),
      ["it's over", "we won't go back to the old ways again,"],
    );
  });

  it('before: According to X, “…”; a colon after a name; a lead-in paragraph', () => {
    const text =
      'According to Sergei Lavrov, “the talks in Geneva will resume next week without preconditions.”\n' +
      'Michael McDonald: “At long last the nomination contests have finally started this year.”\n' +
      'Ashton Carter said that critics had long predicted a withdrawal from the region.\n' +
      '“That is not going to happen, because this region matters more than any other.”';
    const qs = analyse(text);
    assert.match(speaker(quote(qs, 'the talks in Geneva')) ?? '', /Lavrov/);
    assert.strictEqual(quote(qs, 'the talks in Geneva').attribution?.cue?.text, 'According to');
    assert.match(speaker(quote(qs, 'At long last')) ?? '', /McDonald/);
    assert.match(speaker(quote(qs, 'That is not going')) ?? '', /Carter/);
  });

  it('after: parenthetical party labels, appositives, possessives, unlisted verbs', () => {
    const text =
      '“It reminds us how important this election is,” Sen. Marco Rubio (R-Fla.) said on Saturday.\n' +
      '“We are going to win this state and then the next one,” Ted Cruz, the Texas senator, told reporters.\n' +
      '“What stuns me is how little the field shifts from week to week,” Twitter’s Adam Sharp said.\n' +
      '“Jeb wants to be a tough guy tonight,” Trump shot back.';
    const qs = analyse(text);
    assert.match(speaker(quote(qs, 'It reminds us')) ?? '', /Rubio/);
    assert.match(speaker(quote(qs, 'We are going to win')) ?? '', /Cruz/);
    assert.match(speaker(quote(qs, 'What stuns me')) ?? '', /Adam Sharp/);
    assert.match(speaker(quote(qs, 'Jeb wants')) ?? '', /Trump/);
  });

  it('pronouns agree in gender and prefer the last speaker', () => {
    const text =
      'Hillary Clinton met Bernie Sanders in Brooklyn.\n“We agree on far more than we disagree on,” Sanders said.\n' +
      '“I respect him and I respect his voters a great deal,” she said.\n“The debate was useful for both of us,” he added.';
    const qs = analyse(text);
    assert.match(quote(qs, 'I respect him').attribution?.resolved?.text ?? '', /Clinton/);
    assert.match(quote(qs, 'The debate was').attribution?.resolved?.text ?? '', /Sanders/);
  });

  it('transcripts: a capitalised speaker label opens the quotation', () => {
    const q = quote(analyse('"PENCE: Well, look, this is serious business for the American people."'), 'PENCE');
    assert.strictEqual(q.attribution?.mention.text, 'PENCE');
  });

  it('nested quotations of the other family stay inside; a dash byline names the speaker', () => {
    const text =
      '“He told me \"no way\" and walked out of the room before the vote,” Ted Cruz said.\n' +
      '“Trump must stop portraying Latinos as dangerous gangsters when most of us work hard.” ― Carla Sanchez';
    const qs = analyse(text);
    assert.strictEqual(qs.length, 2);
    assert.match(speaker(quote(qs, 'He told me')) ?? '', /Cruz/);
    assert.match(speaker(quote(qs, 'Trump must stop')) ?? '', /Carla Sanchez/);
  });

  it('titles of shows and slogans are scare quotes unless a speech verb touches them', () => {
    const qs = analyse('“We are winning,” Sanders said in an interview aired Monday on CNN’s “New Day.”\nHe went and championed a bill as part of the “Gang of Eight,” a bipartisan group.');
    assert.strictEqual(quote(qs, 'We are winning').kind, 'direct');
    assert.strictEqual(quote(qs, 'New Day').kind, 'scare');
    assert.strictEqual(quote(qs, 'Gang of Eight').kind, 'scare');
  });

  it('speakers named with "of", objects before a colon, and sentences between parts of a quotation', () => {
    const text =
      '"It was the least bad outcome," Mr. Morgan of the Sierra Club said.\n' +
      'Senate Majority Leader Mitch McConnell delivered a blunt message to Trump: "It is time to quit attacking people and get on message."\n' +
      '"My name may not be on the ballot, but our progress is," Mr. Obama said at the dinner, where Mrs. Clinton also spoke. "Tolerance is on the ballot."\n' +
      'Economist Aparna Mathur, who studies tax policy at the institute, said Ivanka Trump\'s statement did not clarify the matter.\n' +
      '"I don\'t see details about who is left out, who is eligible," she said.';
    const qs = analyse(text);
    assert.match(speaker(quote(qs, 'It was the least')) ?? '', /Morgan/);
    assert.strictEqual(quote(qs, 'It was the least').attribution?.sourceKind, 'person');
    assert.match(speaker(quote(qs, 'It is time to quit')) ?? '', /McConnell/);
    assert.match(speaker(quote(qs, 'Tolerance')) ?? '', /Obama/);
    assert.match(speaker(quote(qs, "I don't see")) ?? '', /Mathur/);
  });

  it('short quotations in a characterising complement are the subject\'s words; passives stay scare quotes', () => {
    const text =
      'Trump openly admires Russian President Vladimir Putin as a “strong leader,” comparing him favorably to Obama.\n' +
      'Former Florida Gov. Jeb Bush called Trump “unhinged.” Sen. Marco Rubio called the statement “offensive and outlandish.”\n' +
      'The businessman was known as “the Donald” in New York.';
    const qs = analyse(text);
    assert.strictEqual(quote(qs, 'strong leader').kind, 'direct');
    assert.match(speaker(quote(qs, 'strong leader')) ?? '', /Trump/);
    assert.match(speaker(quote(qs, 'unhinged')) ?? '', /Jeb Bush/);
    assert.match(speaker(quote(qs, 'offensive and')) ?? '', /Rubio/);
    assert.strictEqual(quote(qs, 'the Donald').kind, 'scare');
  });

  it('a byline paragraph, a speaker named after a later quotation of the sentence, manner verbs', () => {
    const text =
      '"The idea that I would dismantle health care in America is just not accurate at all."\n\n- Bernie Sanders.\n\n' +
      'Guns are "the ultimate public health crisis" and "stunt the growth of our children," Howard Dean said on Monday.\n\n' +
      '"If they were serious about making progress on this, they would have gone to that bill," Toomey fumed on Tuesday.';
    const qs = analyse(text);
    assert.match(speaker(quote(qs, 'The idea that')) ?? '', /Sanders/);
    assert.strictEqual(quote(qs, 'the ultimate').kind, 'direct');
    assert.match(speaker(quote(qs, 'the ultimate')) ?? '', /Dean/);
    assert.match(speaker(quote(qs, 'stunt the')) ?? '', /Dean/);
    assert.match(speaker(quote(qs, 'If they were')) ?? '', /Toomey/);
  });

  it('scare quotes: short, no speech verb', () => {
    const qs = analyse('The alliance refused to say where “moderate non-terrorist opposition” is operating in Syria.');
    assert.strictEqual(qs.length, 1);
    assert.strictEqual(qs[0].kind, 'scare');
  });
});

describe('quotes: hostile inputs', () => {
  it('empty text and text without quotes', () => {
    assert.deepStrictEqual(findQuotes('', [], [], [], resources.quotes), []);
    assert.deepStrictEqual(analyse('No quotes here at all.'), []);
  });

  it('unbalanced marks never throw and produce well-formed ranges', () => {
    for (const text of ['“', '”', '"', '“ ” “', '"a', 'a"', '“Open and never closed', 'closed”” only', '"""', '“”', '" x " y " z', '“\n“\n“', '”\n“']) {
      const qs = analyse(text);
      for (const q of qs) {
        assert.ok(q.start <= q.contentStart && q.contentStart <= q.contentEnd && q.contentEnd <= q.end && q.end <= text.length);
        assert.strictEqual(q.text, text.slice(q.contentStart, q.contentEnd));
      }
    }
  });

  it('a megabyte of quotation marks is linear', () => {
    for (const ch of ['"', '“', '”', '" a ']) {
      const text = ch.repeat(Math.ceil((1 << 20) / ch.length));
      const paragraphs = splitParagraphs(text);
      const sentences: Sentence[] = [];
      for (const p of paragraphs) for (const s of splitSentences(text, tokenize(text, p))) sentences.push(s);
      const t0 = Date.now();
      const qs = findQuotes(text, paragraphs, sentences, [], resources.quotes);
      const ms = Date.now() - t0;
      assert.ok(ms < 2000, `${JSON.stringify(ch)}: ${ms} ms`);
      for (let i = 1; i < qs.length; i++) assert.ok(qs[i - 1].start < qs[i].start);
    }
  });

  it('many paragraphs without marks and one mark at the end stay linear', () => {
    const text = 'Word.\n'.repeat(200000) + '"';
    const paragraphs = splitParagraphs(text);
    const sentences: Sentence[] = [];
    for (const p of paragraphs) for (const s of splitSentences(text, tokenize(text, p))) sentences.push(s);
    const t0 = Date.now();
    assert.deepStrictEqual(findQuotes(text, paragraphs, sentences, [], resources.quotes), []);
    assert.ok(Date.now() - t0 < 1000);
  });

  it('random mixtures of marks, words and line breaks: well-formed, ordered, no throw', () => {
    const alphabet = ['"', '“', '”', '‘', '’', "'", ' ', '\n', '\n\n', 'he said', 'Lavrov', ',', '.', 'word', ':', '—', '«', '»', '„'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        const qs = analyse(text);
        for (let i = 0; i < qs.length; i++) {
          const q = qs[i];
          assert.ok(q.start < q.contentStart || q.start === q.contentStart);
          assert.ok(q.contentStart <= q.contentEnd && q.contentEnd <= q.end && q.end <= text.length);
          assert.strictEqual(q.text, text.slice(q.contentStart, q.contentEnd));
          if (i > 0) assert.ok(qs[i - 1].end <= q.start);
          if (q.attribution) {
            const m = q.attribution.mention;
            assert.strictEqual(m.text, text.slice(m.start, m.end));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('quotes are returned in document order without overlap', () => {
    const text = readSeed('004') + '\n' + readSeed('001');
    const qs = analyse(text);
    for (let i = 1; i < qs.length; i++) assert.ok(qs[i - 1].end <= qs[i].start);
  });
});
