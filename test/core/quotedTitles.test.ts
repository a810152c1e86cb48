import * as assert from 'assert';
import { quotedTitleStarts } from '../../server/src/core/quotedTitles';
import { analysePolnearTrain } from '../helpers/polnearArticles';

const SHOW = 'huff-post_2016-08-05_bloodline-star-norbert-leo-butz-.txt';

describe('titles of works in quotation marks are not actors (issue 14)', () => {
  it('a show or an alias named only in quotation marks is no actor, and stays an entity (“Mercy Street,” “Fox & Friends” “Richard Windsor,”)', function () {
    const cases: [string, string][] = [
      [SHOW, 'Mercy Street'],
      ['politico_2016-07-06_lewandowski-fbi-director-acted-a.txt', 'Fox & Friends'],
      ['wash-post_2016-01-07_ig-report-state-was-inaccurate-o.txt', 'Richard Windsor'],
    ];
    for (const [file, title] of cases) {
      const analysis = analysePolnearTrain(this, file);
      assert.ok(analysis.entities.some((e) => e.text === title), `${title} is still an entity of ${file}`);
      assert.ok(!analysis.actors.some((a) => a.name === title || a.mentions.some((m) => m.text === title)), `${title} is no actor of ${file}`);
      assert.ok(analysis.actors.length > 3, `${file} keeps its other actors`);
    }
  });

  it('names joined by `and` that make up a quoted title are no actors (PolNeAR: `star of cult classic “Thelma and Louise,”`)', function () {
    const analysis = analysePolnearTrain(this, 'breitbart_2016-03-29_liberal-oscar-winner-sarandon-no.txt');
    assert.ok(analysis.text.includes('“Thelma and Louise,”'), 'the article names the film');
    for (const name of ['Thelma', 'Louise']) assert.ok(!analysis.actors.some((a) => a.name === name), `${name} is no actor`);
    // Names joined by more than a title's joiner stay: other words between them (`“Trump beat Clinton”` names two
    // actors), a chant of one name, a choice between two (review of cfec94a).
    const titleStartsIn = (text: string, names: readonly string[]): number[] => {
      const entities = [];
      let from = 0;
      for (const name of names) {
        const start = text.indexOf(name, from);
        entities.push({ start, end: start + name.length, type: 'person' as const, text: name });
        from = start + name.length;
      }
      const open = text.indexOf('“');
      const close = text.indexOf('”');
      const quotes = [{ start: open, end: close + 1, contentStart: open + 1, contentEnd: close, text: text.slice(open + 1, close), kind: 'scare' as const }];
      return [...quotedTitleStarts(text, entities, quotes)];
    };
    assert.deepStrictEqual(titleStartsIn('The crowd chanted “Trump beat Clinton” on Monday.', ['Trump', 'Clinton']), []);
    assert.deepStrictEqual(titleStartsIn('The crowd chanted “Bernie, Bernie” as he took the stage.', ['Bernie', 'Bernie']), []);
    assert.deepStrictEqual(titleStartsIn('Signs read “Trump or Cruz” outside the hall.', ['Trump', 'Cruz']), []);
    assert.deepStrictEqual(titleStartsIn('Signs read “Clinton vs. Sanders” outside the hall.', ['Clinton', 'Sanders']), []);
    // And a title's joiners are read whatever their case (`“Thelma And Louise”`).
    assert.strictEqual(titleStartsIn('She starred in “Thelma And Louise” in 1991.', ['Thelma', 'Louise']).length, 2);
  });

  it('a name the article also writes plainly stays an actor (“Hamas” beside Hamas; “Ted Cruz” chanted, Ted Cruz named)', function () {
    for (const [file, name] of [
      ['politico_2015-12-03_trump-carson-flop-with-jewish-re.txt', 'Hamas'],
      ['breitbart_2016-07-21_trump-fever-infects-convention-f.txt', 'Ted Cruz'],
    ]) {
      const analysis = analysePolnearTrain(this, file);
      assert.ok(analysis.quotes.some((q) => q.kind === 'scare' && q.text.replace(/[,.]$/, '') === name), `${file} has the scare quote “${name}”`);
      assert.ok(analysis.actors.some((a) => a.name === name), `${name} is an actor of ${file}`);
    }
  });

  it('a title a person labelled or accepted is kept', function () {
    const analysis = analysePolnearTrain(this, SHOW);
    const title = analysis.entities.find((e) => e.text === 'Mercy Street')!;
    assert.deepStrictEqual([...quotedTitleStarts(analysis.text, analysis.entities, analysis.quotes)], [title.start]);
    const confirmed = analysis.entities.map((e) => (e === title ? { ...e, confirmed: true as const } : e));
    assert.deepStrictEqual([...quotedTitleStarts(analysis.text, confirmed, analysis.quotes)], []);
  });
});
