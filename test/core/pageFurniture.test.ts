import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findPageFurniture, furnitureAt, type FurnitureRegion } from '../../server/src/core/pageFurniture';
import { splitParagraphs } from '../../server/src/core/paragraphs';
import { resources } from '../helpers/resources';
import { readSeed, ROOT, SEEDS } from '../helpers/seeds';

/** Furniture of a text as [kind, text of the region, authors]. */
function furnitureOf(text: string): [string, string, string[]][] {
  return findPageFurniture(splitParagraphs(text), resources.furniture).map((r) => [r.kind, text.slice(r.start, r.end), r.authors.map((a) => a.text)]);
}

const story = [
  'Moscow, SANA – Russian Foreign Minister Sergey Lavrov stressed the need to launch a political process in Syria as soon as possible.',
  'He said that Moscow held a series of communications recently with various regional sides that have influence over the crisis.',
  'The Minister noted that Russia can sense that Washington is becoming more aware of the threat of terrorism.',
];

describe('page furniture', () => {
  it('finds the bylines of 001 and 002 with their authors', () => {
    assert.deepStrictEqual(furnitureOf(readSeed(SEEDS.lavrovKerry)), [['byline', 'Manal Ismael', ['Manal Ismael']]]);
    const zannier = furnitureOf(readSeed(SEEDS.lavrovZannier));
    assert.deepStrictEqual(zannier[0], ['byline', 'Hazem Sabbagh', ['Hazem Sabbagh']]);
  });

  it('takes the "Check Also" teaser of 002 whole, so Bashar al-Ja’afari in it is furniture, not the story', () => {
    const text = readSeed(SEEDS.lavrovZannier);
    const regions = findPageFurniture(splitParagraphs(text), resources.furniture);
    const teaser = regions.find((r) => r.kind === 'teaser')!;
    assert.ok(text.slice(teaser.start, teaser.end).startsWith('Check Also\n\nAssistant of the Head of Dagestan'));
    assert.strictEqual(teaser.end, text.trimEnd().length, 'to the end of the article');
    assert.deepStrictEqual(teaser.authors, [], 'names in a teaser are not authors');
    const jaafari = text.indexOf('Bashar al-Ja’afari');
    assert.strictEqual(furnitureAt(regions, jaafari), teaser);
    assert.strictEqual(furnitureAt(regions, text.indexOf('Lamberto Zannier')), undefined, 'the story is not furniture');
  });

  it('finds the comment lines of 003 and the label and teaser of 004, and nothing in 000', () => {
    assert.deepStrictEqual(furnitureOf(readSeed(SEEDS.lavrovMunich)).map((r) => r.slice(0, 2)), [['comments', 'No comments:'], ['comments', 'Post a Comment']]);
    const steinmeier = furnitureOf(readSeed(SEEDS.lavrovSteinmeier));
    assert.deepStrictEqual(steinmeier.map((r) => r[0]), ['label', 'teaser']);
    assert.strictEqual(steinmeier[0][1], 'English Bulletin');
    assert.deepStrictEqual(furnitureOf(readSeed(SEEDS.lavrovJamil)), []);
  });

  it('reads bylines: "By" lines, signatures, credits of who reported, names under the headline', () => {
    assert.deepStrictEqual(furnitureOf(['Lavrov meets Kerry', 'By Jane Doe and John Roe, Reuters', ...story].join('\n')), [['byline', 'By Jane Doe and John Roe, Reuters', ['Jane Doe', 'John Roe']]]);
    assert.deepStrictEqual(furnitureOf(['Lavrov meets Kerry', 'Elise Viebeck', ...story].join('\n'))[0], ['byline', 'Elise Viebeck', ['Elise Viebeck']]);
    assert.deepStrictEqual(furnitureOf([...story, '- Elise Viebeck.'].join('\n')), [['byline', '- Elise Viebeck.', ['Elise Viebeck']]]);
    assert.deepStrictEqual(furnitureOf([...story, 'Phillip reported from Oakland, Calif.; Gearan, from Washington.'].join('\n'))[0][2], ['Phillip', 'Gearan']);
    assert.deepStrictEqual(furnitureOf([...story, 'Associated Press writer Jill Colvin contributed to this report.'].join('\n'))[0][2], ['Jill Colvin']);
  });

  it('reads share, follow, subscribe, comment, credit and advertisement lines', () => {
    const lines = ['Share this:', 'Follow Pam Key on Twitter @pamkeyNEN.', 'Sign up for our daily newsletter', 'Post a Comment', 'Scott Olson via Getty Images.', 'Watch the full interview below:', '(h/t Mediaite.)', 'Advertisement', 'Read the rest of the story here.'];
    const found = furnitureOf([story[0], ...lines.flatMap((l) => [l, story[1]])].join('\n'));
    assert.deepStrictEqual(found.map((r) => [r[0], r[1]]), [['share', lines[0]], ['share', lines[1]], ['share', lines[2]], ['comments', lines[3]], ['media', lines[4]], ['media', lines[5]], ['credit', lines[6]], ['advertisement', lines[7]], ['related', lines[8]]]);
    assert.deepStrictEqual(found[1][2], ['Pam Key'], 'whom to follow is the author');
  });

  it('takes a related-stories heading with the headlines under it, and stops at the story', () => {
    const text = ['Related:', 'Rand Paul Scores Direct Hit On Donald Trump.', 'GOP Candidates Reject The Idea Of A Minimum Wage Hike.', story[1]].join('\n\n');
    assert.deepStrictEqual(furnitureOf(text).map((r) => r[1]), [text.slice(0, text.indexOf(story[1])).trimEnd()]);
  });

  it('leaves the story alone: a sentence that opens with "By", a quotation signed by its speaker, a name heading inside the story, a section heading', () => {
    assert.deepStrictEqual(furnitureOf([...story, 'By contrast, Daniel Hamermesh, a labor economist, predicted otherwise.', story[0]].join('\n')), []);
    assert.deepStrictEqual(furnitureOf([story[0], '"Almost all new income goes to the top one percent."', '- Bernie Sanders.', ...story].join('\n\n')), []);
    assert.deepStrictEqual(furnitureOf(['Title of the piece', story[0], story[1], story[2], 'Hillary Clinton.', ...story].join('\n\n')), []);
    assert.deepStrictEqual(furnitureOf(['Economic Scene.', ...story].join('\n')), [], 'a column name is no byline');
    assert.deepStrictEqual(furnitureOf([...story, 'Economic Scene'].join('\n')), [], 'a short last line alone is no label');
  });

  it('leaves readers’ signatures alone when names sign paragraphs all through the article', () => {
    const letters = ['Your say: readers on the debate', story[0], 'Jane Doe.', story[1], 'John Roe.', story[2], 'Mary Major.', story[0], 'Richard Miles.'].join('\n\n');
    assert.deepStrictEqual(furnitureOf(letters), []);
  });

  it('finds a note on the author in the last paragraph only', () => {
    const bio = 'Zach Carter is a co-host of the HuffPost Politics podcast.';
    assert.deepStrictEqual(furnitureOf([...story, bio].join('\n')), [['author-bio', bio, ['Zach Carter']]]);
    assert.deepStrictEqual(furnitureOf([story[0], bio, story[1]].join('\n')), []);
  });

  it('agrees with the hand-labelled sample of PolNeAR train and dev (test/core/fixtures/page-furniture-sample.tsv)', function () {
    const data = path.resolve(ROOT, '..', 'shared', 'data', 'polnear');
    if (!fs.existsSync(data)) {
      console.log(`      skipped: ${data} is absent`);
      this.skip();
    }
    const rows = fs
      .readFileSync(path.join(ROOT, 'test', 'core', 'fixtures', 'page-furniture-sample.tsv'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t'));
    const byFile = new Map<string, { index: number; kind: string }[]>();
    for (const [split, file, index, kind] of rows) {
      const key = path.join(data, split, 'text', file);
      if (!byFile.has(key)) byFile.set(key, []);
      byFile.get(key)!.push({ index: Number(index), kind });
    }
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const wrong: string[] = [];
    for (const [file, labels] of byFile) {
      const regions: FurnitureRegion[] = findPageFurniture(splitParagraphs(fs.readFileSync(file, 'utf8')), resources.furniture);
      const found = new Map(regions.flatMap((r) => r.paragraphs.map((p) => [p.index, r.kind] as const)));
      for (const { index, kind } of labels) {
        const got = found.get(index);
        if (kind === '-' && got) falsePositives++;
        else if (kind !== '-' && !got) falseNegatives++;
        else if (kind !== '-') truePositives++;
        if ((kind === '-') !== (got === undefined)) wrong.push(`${path.basename(file)} ${index}: labelled ${kind}, found ${got ?? 'nothing'}`);
      }
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    console.log(`      sample: ${rows.length} paragraphs; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    assert.ok(precision >= 0.97 && recall >= 0.95, wrong.join('\n'));
  });
});
