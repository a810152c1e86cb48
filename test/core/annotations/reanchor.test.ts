import * as assert from 'assert';
import * as fc from 'fast-check';
import { reanchor, reanchorOrphans } from '../../../server/src/core/annotations/reanchor';
import { findQuote } from '../../../server/src/core/annotations/quoteMatch';
import { spanAt } from '../../../server/src/core/annotations/selectors';
import { parseAnnotationCollection, serializeAnnotationCollection } from '../../../server/src/core/annotations/w3c';
import type { Annotation } from '../../../server/src/core/annotations/model';
import { findDuplicateParagraphs } from '../../../server/src/core/duplicates';
import { splitParagraphs } from '../../../server/src/core/paragraphs';
import * as fs from 'fs';
import * as path from 'path';
import { POLNEAR_DEV } from '../../helpers/actorSample';
import { readSeed, SEEDS } from '../../helpers/seeds';
import { resources } from '../../helpers/resources';
import { labelAt, labelOn, textOf } from './helpers';

/** Paragraphs (lines) of a seed, each with its line break. */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * For each offset of `text`, a key shared by the paragraphs that repeat each other (the same text, or a
 * near repeat as the duplicate-paragraph diagnostic finds it).
 */
function copyGroupsOf(text: string): (offset: number) => number {
  const paragraphs = splitParagraphs(text);
  const group = paragraphs.map((p) => p.index);
  for (const d of findDuplicateParagraphs(paragraphs, resources.knownWords)) group[d.duplicate.index] = group[d.original.index];
  return (offset) => group[paragraphs.findIndex((p) => offset >= p.start && offset <= p.end)];
}

/** Labels on every capitalised word (and name pair) of `text`. */
function labelsOnNames(text: string): Annotation[] {
  return [...text.matchAll(/\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+)?/gu)].map((m) => labelAt(text, m.index!, m.index! + m[0].length, `n${m.index}`));
}

describe('annotations: re-anchoring after the text changed outside the editor', () => {
  const jamil = readSeed(SEEDS.lavrovJamil);
  const kerry = readSeed(SEEDS.lavrovKerry);

  it('leaves everything as it is when the text did not change', () => {
    const annotations = labelsOnNames(kerry);
    const result = reanchor(annotations, kerry);
    result.annotations.forEach((a, i) => assert.strictEqual(a, annotations[i]));
    assert.ok([...result.outcomes.values()].every((o) => o === 'unchanged'));
  });

  it('follows inserted paragraphs (at the top and in the middle) exactly', () => {
    const annotations = labelsOnNames(kerry);
    const paragraphs = lines(kerry);
    const changed = ['EXCLUSIVE: this story was updated.\n', ...paragraphs.slice(0, 4), 'A new paragraph that mentions Lavrov and Kerry again.\n', ...paragraphs.slice(4)].join('');
    const result = reanchor(annotations, changed);
    result.annotations.forEach((a, i) => {
      assert.strictEqual(a.status, 'anchored', annotations[i].target[0].exact);
      assert.strictEqual(textOf(changed, a), annotations[i].target[0].exact);
    });
    // Each one is at its own paragraph's copy: the offsets moved by what was inserted before it.
    const inserted = 'EXCLUSIVE: this story was updated.\n'.length;
    const middle = paragraphs.slice(0, 4).join('').length;
    result.annotations.forEach((a, i) => {
      const old = annotations[i].target[0].start;
      assert.strictEqual(a.target[0].start, old + inserted + (old >= middle ? 'A new paragraph that mentions Lavrov and Kerry again.\n'.length : 0));
    });
  });

  it('places a span whose context got a typo, and one with a typo inside it (approximately)', () => {
    const lavrov = labelOn(kerry, 'Lavrov', 2);
    const start = lavrov.target[0].start;
    const nearTypo = kerry.slice(0, start - 6) + 'X' + kerry.slice(start - 5);
    const near = reanchor([lavrov], nearTypo);
    assert.strictEqual(textOf(nearTypo, near.annotations[0]), 'Lavrov');
    assert.strictEqual(near.annotations[0].target[0].start, start);
    const insideTypo = kerry.slice(0, start + 3) + 'orv' + kerry.slice(start + 6); // Lavrov → Lavorv
    const inside = reanchor([lavrov], insideTypo);
    assert.strictEqual(inside.outcomes.get(lavrov.id), 'approximate');
    assert.strictEqual(textOf(insideTypo, inside.annotations[0]), 'Lavorv');
    assert.strictEqual(inside.annotations[0].target[0].exact, 'Lavorv', 'the quote follows the text it was placed on');
  });

  it('follows a moved paragraph', () => {
    const paragraphs = lines(kerry);
    const moved = paragraphs[2];
    const name = moved.match(/\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/u)![0];
    const annotation = labelAt(kerry, kerry.indexOf(moved) + moved.indexOf(name), kerry.indexOf(moved) + moved.indexOf(name) + name.length);
    const changed = [...paragraphs.slice(0, 2), ...paragraphs.slice(3), moved].join('');
    const [placed] = reanchor([annotation], changed).annotations;
    assert.strictEqual(placed.status, 'anchored');
    assert.strictEqual(placed.target[0].start, changed.indexOf(moved) + moved.indexOf(name));
  });

  it('orphans a deleted span even when the same word is still elsewhere in the article', () => {
    const paragraphs = lines(kerry);
    const index = paragraphs.findIndex((p) => p.includes('Lavrov') && kerry.split('Lavrov').length > 3);
    const paragraphStart = paragraphs.slice(0, index).join('').length;
    const lavrov = labelAt(kerry, paragraphStart + paragraphs[index].indexOf('Lavrov'), paragraphStart + paragraphs[index].indexOf('Lavrov') + 6);
    const changed = [...paragraphs.slice(0, index), ...paragraphs.slice(index + 1)].join('');
    assert.ok(changed.includes('Lavrov'));
    const result = reanchor([lavrov], changed);
    assert.strictEqual(result.annotations[0].status, 'orphaned');
    assert.strictEqual(result.annotations[0].target[0].exact, 'Lavrov', 'kept with its quote');
    // Put back (an undo outside the editor): the orphan finds its place again.
    const back = reanchorOrphans(result.annotations, kerry);
    assert.strictEqual(back.annotations[0].status, 'anchored');
    assert.strictEqual(back.annotations[0].target[0].start, lavrov.target[0].start);
  });

  it('in an article with repeated paragraphs, keeps each annotation on its own copy, and orphans one that could be either', () => {
    // Seed 000 repeats paragraphs 2–10 as 11–19.
    const paragraphs = lines(jamil);
    assert.strictEqual(paragraphs[12], paragraphs[3]);
    const secondCopyStart = paragraphs.slice(0, 12).join('').length;
    const word = 'Syria';
    const onSecond = labelAt(jamil, secondCopyStart + paragraphs[12].indexOf(word), secondCopyStart + paragraphs[12].indexOf(word) + word.length, 'second');
    const firstCopyStart = paragraphs.slice(0, 3).join('').length;
    const onFirst = labelAt(jamil, firstCopyStart + paragraphs[3].indexOf(word), firstCopyStart + paragraphs[3].indexOf(word) + word.length, 'first');
    // A paragraph inserted at the top: both copies move; each annotation stays on its copy.
    const inserted = 'Updated at 10:00.\n' + jamil;
    const result = reanchor([onFirst, onSecond], inserted);
    assert.strictEqual(result.annotations[0].target[0].start, onFirst.target[0].start + 18);
    assert.strictEqual(result.annotations[1].target[0].start, onSecond.target[0].start + 18);
    // The first copy moved to the end: the text alone cannot tell which copy the annotation was on.
    const movedAway = [...paragraphs.slice(0, 3), ...paragraphs.slice(4), paragraphs[3]].join('');
    assert.strictEqual(reanchor([onFirst], movedAway).annotations[0].status, 'orphaned');
  });

  it('in an article with repeated paragraphs, orphans a name or paragraph deleted from one copy and keeps every other annotation on its own copy', () => {
    // Seed 000 repeats paragraphs 3–5 further down. Regression: the deleted span was found in the other copy,
    // the drift learned there placed the spans after it in that copy too (30 of 73 names), and the copy's own
    // annotations were orphaned.
    const names = labelsOnNames(jamil);
    const paragraph = jamil.indexOf('Lavrov said that the more than');
    const he = jamil.indexOf('He added that Russia');
    for (const [from, to] of [[paragraph, jamil.indexOf('\n', paragraph)], [he, he + 'He'.length], [jamil.lastIndexOf('He added'), jamil.lastIndexOf('He added') + 'He'.length]]) {
      const changed = jamil.slice(0, from) + jamil.slice(to);
      const result = reanchor(names, changed);
      names.forEach((before, i) => {
        const after = result.annotations[i];
        const { start, exact } = before.target[0];
        if (start >= from && start < to) return assert.strictEqual(after.status, 'orphaned', `${exact}@${start} was deleted`);
        if (after.status === 'anchored') assert.strictEqual(after.target[0].start, start < from ? start : start - (to - from), `${exact}@${start} stays on its own copy`);
      });
      const orphans = result.annotations.filter((a, i) => a.status === 'orphaned' && !(names[i].target[0].start >= from && names[i].target[0].start < to));
      assert.ok(orphans.length <= 1, `${orphans.length} intact annotations orphaned`);
    }
  });

  it('with two exact copies of a paragraph a short one apart, keeps the second copy’s annotations when the first is deleted, and both when the one between goes', () => {
    // Seed 003 prints its second paragraph twice, with a short paragraph between. Deleting the first copy
    // orphaned the 22 names of the second (never touched) and put the deleted copy's labels on their words:
    // found there, they had moved less (the short paragraph's length) than the second copy's own. Deleting
    // the short paragraph made the copies adjacent, equally near the guess of the spans before them: 41
    // names of the second copy and after it were orphaned (seed 000 likewise).
    const munich = readSeed(SEEDS.lavrovMunich);
    const names = labelsOnNames(munich);
    const paragraphs = lines(munich);
    assert.strictEqual(paragraphs[1], paragraphs[3], 'seed 003 repeats its second paragraph');
    const startOf = (i: number): number => paragraphs.slice(0, i).join('').length;
    for (const deleted of [1, 2]) {
      const [from, to] = [startOf(deleted), startOf(deleted + 1)];
      const changed = munich.slice(0, from) + munich.slice(to);
      const result = reanchor(names, changed);
      let inPlace = 0;
      let orphaned = 0;
      names.forEach((before, i) => {
        const after = result.annotations[i];
        const { start, exact } = before.target[0];
        if (start >= from && start < to) return assert.strictEqual(after.status, 'orphaned', `${exact}@${start} was deleted`);
        if (after.status === 'orphaned') return void orphaned++;
        assert.strictEqual(after.target[0].start, start < from ? start : start - (to - from), `${exact}@${start} stays on its own copy`);
        inPlace++;
      });
      // Two names at the end of the first copy, now right above the second, could be either.
      assert.ok(orphaned <= 2, `paragraph ${deleted} deleted: ${orphaned} intact annotations orphaned, ${inPlace} in place`);
    }
  });

  it('places a name when a word was written or deleted right beside it, unless that could be either of two places', () => {
    // "counterpart John Kerry" → "counterpart Secretary of State John Kerry" in a file changed on disk: the
    // stored prefix lost 19 of 32 characters to the insertion, and the label was orphaned.
    const kerryLabel = labelOn(kerry, 'John Kerry');
    const geneva = labelOn(kerry, 'Geneva');
    const written = kerry.replace('counterpart John Kerry', 'counterpart Secretary of State John Kerry');
    const [placed, other] = reanchor([kerryLabel, geneva], written).annotations;
    assert.strictEqual(placed.status, 'anchored');
    assert.strictEqual(textOf(written, placed), 'John Kerry');
    assert.strictEqual(placed.target[0].start, written.indexOf('John Kerry'));
    assert.strictEqual(textOf(written, other), 'Geneva');
    // A word deleted beside a name at a paragraph's start ("Moscow, SANA-Russian …" → "SANA-Russian …").
    const sana = labelOn(kerry, 'SANA-Russian Foreign');
    const cut = kerry.replace('Moscow, SANA', 'SANA');
    assert.strictEqual(textOf(cut, reanchor([sana], cut).annotations[0]), 'SANA-Russian Foreign');
    // A word written beside it and a letter changed in the other side's context (review: orphaned by a stricter rule).
    const plain = 'In Moscow, Sergei Lavrov met Kerry in Geneva on Monday to discuss Syria.\nThe talks went on.\n';
    const both = plain.replace('met Kerry', 'met John Kerry').replace('to discuss', 'to discus');
    assert.strictEqual(textOf(both, reanchor([labelOn(plain, 'Kerry')], both).annotations[0]), 'Kerry');
    // The name deleted, and written again in the next sentence beside other words: not that one.
    const moved = kerry.replace('counterpart John Kerry, an option', 'counterpart, an option').replace('In a statement,', 'In a statement, John Kerry and');
    assert.strictEqual(reanchor([kerryLabel], moved).annotations[0].status, 'orphaned');
  });

  it('orphans a name whose paragraph was deleted rather than put it on the same name beside other words in another (regression: `Bashar al-Assad.` → `Bashar al-Assad\'s government.`)', () => {
    // Found by the property test below beyond its 300 runs (every seed failed within 1,000): the name ended its
    // paragraph, so its context after it was the paragraph's end alone, matched once `'s government` was taken
    // out; its context before it (`… on Syrian President Bashar al-`) differs from `… with Syrian President
    // Bashar al-` in a word.
    const munich = readSeed(SEEDS.lavrovMunich);
    const labels = labelsOnNames(munich);
    const assad = labels.find((a) => a.target[0].exact === 'Assad' && munich.startsWith('Assad.\n', a.target[0].start))!;
    // The property test's counterexample: the name's paragraph and the first one deleted, the second moved down.
    const paragraphs = lines(munich);
    const kept = paragraphs.filter((p, i) => i !== 0 && !p.includes('Bashar al-Assad.\n'));
    kept.splice(3, 0, ...kept.splice(0, 1));
    const changed = kept.join('');
    assert.ok(changed.includes("Bashar al-Assad's government."), 'the other paragraph is still there');
    const placed = reanchor(labels, changed).annotations[labels.indexOf(assad)];
    assert.strictEqual(placed.status, 'orphaned', `placed on ${JSON.stringify(changed.slice(placed.target[0].start - 20, placed.target[0].end + 20))}`);
    // The same deletion with the name written beside a word in its own paragraph's neighbour: still placed when
    // one side of its context is as stored (the rule's case).
    const written = munich.replace('Bashar al-Assad.\n', 'Bashar al-Assad himself.\n');
    assert.strictEqual(textOf(written, reanchor([assad], written).annotations[0]), 'Assad');
  });

  it('places every name again after the article was re-wrapped (72 → 50 columns: line breaks moved inside paragraphs)', () => {
    // A line break ended a context: re-wrapped, nearly every context changed and 41–72 names per seed were
    // orphaned (one placed on a repeated formula's words elsewhere). Paragraphs one line each, or separated by blank lines.
    const wrap = (text: string, columns: number): string =>
      text.replace(/[^\n]+/g, (line) => {
        let width = 0;
        return line.split(' ').reduce((out, word, k) => {
          const breaks = k > 0 && width + 1 + word.length > columns;
          width = breaks || k === 0 ? word.length : width + 1 + word.length;
          return k === 0 ? word : out + (breaks ? '\n' : ' ') + word;
        }, '');
      });
    for (const separator of ['\n', '\n\n']) {
      for (const seed of Object.values(SEEDS)) {
        const text = readSeed(seed).split('\n').join(separator);
        const [wide, narrow] = [wrap(text, 72), wrap(text, 50)];
        assert.strictEqual(wide.length, narrow.length);
        const names = labelsOnNames(wide);
        const result = reanchor(names, narrow).annotations;
        const placed = result.filter((a, i) => a.status === 'anchored' && a.target[0].start === names[i].target[0].start && a.target[0].end === names[i].target[0].end).length;
        const elsewhere = result.filter((a, i) => a.status === 'anchored' && a.target[0].start !== names[i].target[0].start);
        assert.deepStrictEqual(elsewhere.map((a) => a.target[0].exact), [], `${seed}: placed on other words`);
        // Seed 003's two names at the end of a paragraph printed twice in a row could be either copy.
        assert.ok(placed >= names.length - 2, `${seed}: ${placed} of ${names.length} placed`);
      }
    }
  });

  it('counts offsets in UTF-16 around emoji and other astral characters', () => {
    const text = 'Lavrov 😀 met 𝐊𝐞𝐫𝐫𝐲 in Geneva.';
    const annotation = labelAt(text, text.indexOf('𝐊𝐞𝐫𝐫𝐲'), text.indexOf('𝐊𝐞𝐫𝐫𝐲') + '𝐊𝐞𝐫𝐫𝐲'.length);
    const changed = '🇷🇺 ' + text;
    const [placed] = reanchor([annotation], changed).annotations;
    assert.strictEqual(textOf(changed, placed), '𝐊𝐞𝐫𝐫𝐲');
    assert.strictEqual(placed.target[0].start, annotation.target[0].start + '🇷🇺 '.length);
  });

  it('places every label again, exactly, after the file was rewritten in NFD (looks the same; every label was orphaned, ASCII ones too)', () => {
    const text = 'ANKARA — Turkish Foreign Minister Mevlüt Çavuşoğlu met John Kerry in Ankara.\n\nÇavuşoğlu said the talks were useful.\n';
    const names = ['Mevlüt Çavuşoğlu', 'John Kerry', 'Ankara', 'Çavuşoğlu'];
    const annotations = names.map((name, i) => labelOn(text, name, name === 'Çavuşoğlu' ? 1 : 0, i % 2 ? 'person' : 'location'));
    const nfd = text.normalize('NFD');
    const result = reanchor(annotations, nfd);
    result.annotations.forEach((placed, i) => {
      assert.strictEqual(placed.status, 'anchored', names[i]);
      assert.strictEqual(textOf(nfd, placed), names[i].normalize('NFD'));
      assert.strictEqual(placed.target[0].exact, names[i].normalize('NFD'), 'the quote is the text as it is now');
      assert.strictEqual(placed.target[0].prefix, nfd.slice(0, placed.target[0].start).slice(-placed.target[0].prefix.length));
    });
    assert.deepStrictEqual([...result.outcomes.values()], ['moved', 'moved', 'moved', 'moved']);
    // And back: NFD quotes in an NFC text; a text and quotes in the same form are left alone.
    const back = reanchor(result.annotations, text);
    back.annotations.forEach((placed, i) => assert.deepStrictEqual(placed.target[0], annotations[i].target[0], names[i]));
    const again = reanchor(result.annotations, nfd);
    again.annotations.forEach((placed, i) => assert.strictEqual(placed, result.annotations[i]));
    assert.ok([...again.outcomes.values()].every((o) => o === 'unchanged'));
  });

  it('places a name with a typo made in an NFD rewrite approximately, on the decomposed text', () => {
    const text = 'Spanish Foreign Minister José García met John Kerry in Madrid on Monday.';
    const garcia = labelOn(text, 'José García');
    const changed = text.replace('García', 'Garcíia').normalize('NFD');
    const result = reanchor([garcia], changed);
    const [placed] = result.annotations;
    assert.strictEqual(placed.status, 'anchored');
    assert.strictEqual(result.outcomes.get(garcia.id), 'approximate');
    assert.strictEqual(textOf(changed, placed), 'José Garcíia'.normalize('NFD'));
  });

  it('places every span again after a tool only re-spaced the text (spaces at line ends trimmed, no-break spaces)', () => {
    // Scraped articles often end their lines with a space, and editors trim them on save: a name at the end
    // of a paragraph kept only ".\n" of context after it, and the space cost that side half its score.
    for (const seed of [kerry, jamil]) {
      const scraped = seed.replace(/\n/g, ' \n');
      const annotations = labelsOnNames(scraped);
      for (const respaced of [seed, scraped.replace(/ (?=of |in )/g, '\u00a0')]) {
        const result = reanchor(annotations, respaced);
        const lost = result.annotations.filter((a, i) => a.status !== 'anchored' || textOf(respaced, a).replace(/\u00a0/g, ' ') !== annotations[i].target[0].exact);
        assert.deepStrictEqual(lost.map((a) => `${a.target[0].exact}@${a.target[0].start}`), []);
      }
    }
  });

  it('ends a span where its quote ends when the stored end disagrees (a store file counted in UTF-16 around an emoji)', () => {
    const text = 'Sergei Lavrov 🇷🇺 met John Kerry in Geneva.';
    const start = text.indexOf('Lavrov');
    const annotation = labelAt(text, start, start + 'Lavrov 🇷🇺'.length, 'flagged');
    const json = JSON.parse(serializeAnnotationCollection({ path: 'a.txt', text, annotations: { reviewState: 'unreviewed', annotations: [annotation] } }));
    // The flag is two astral characters: another tool counting UTF-16 units writes an end two further on.
    json.first.items[0].target.selector[0].end += 2;
    const parsed = parseAnnotationCollection(JSON.stringify(json), text);
    assert.ok(parsed.ok);
    const result = reanchor(parsed.annotations.annotations, text);
    const [placed] = result.annotations;
    assert.strictEqual(placed.status, 'anchored');
    assert.strictEqual(textOf(text, placed), 'Lavrov 🇷🇺');
    assert.strictEqual(result.outcomes.get('flagged'), 'moved', 'the store file is written again with the end put right');
  });

  it('finds nothing for a quote whose text and context are both gone, and no junk for a short common word', () => {
    assert.deepStrictEqual(findQuote(kerry, spanAt('The talks in Vienna were cancelled.', { start: 13, end: 19 }), 100), { kind: 'none' });
    const he = labelOn(kerry, 'he', 3);
    const rewritten = kerry.replace(kerry.slice(he.target[0].start - 40, he.target[0].end + 40), 'nothing like it at all, not even close to what was said');
    assert.strictEqual(reanchor([he], rewritten).annotations[0].status, 'orphaned');
  });

  // Random external edits of the seeds, with an oracle: every original character carries its index, so the
  // true place of each annotation whose text survived whole is known. Anchored must mean the true place.
  it('property: after random paragraph inserts, moves, deletions and typos, an anchored annotation is never in a wrong place', () => {
    const seeds = [SEEDS.lavrovKerry, SEEDS.lavrovZannier, SEEDS.lavrovMunich, SEEDS.lavrovSteinmeier, SEEDS.lavrovJamil].map(readSeed);
    const change = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('New paragraph about Lavrov and Kerry.\n', 'Moscow said nothing.\n', '😀\n') }),
      fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('typo' as const), at: fc.nat(), text: fc.constantFrom('x', '', 'ee') }),
    );
    let placed = 0;
    let survived = 0;
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(change, { minLength: 1, maxLength: 4 }), (which, changes) => {
        const base = seeds[which];
        // Characters as [char, origin] paragraphs.
        const paragraphs: Array<Array<[string, number]>> = [];
        let offset = 0;
        for (const line of lines(base)) paragraphs.push(line.split('').map((unit): [string, number] => [unit, offset++]));
        for (const c of changes) {
          if (c.kind === 'insert') paragraphs.splice(c.at % (paragraphs.length + 1), 0, c.text.split('').map((ch): [string, number] => [ch, -1]));
          else if (c.kind === 'move' && paragraphs.length > 1) paragraphs.splice(c.to % paragraphs.length, 0, ...paragraphs.splice(c.from % paragraphs.length, 1));
          else if (c.kind === 'delete' && paragraphs.length > 1) paragraphs.splice(c.at % paragraphs.length, 1);
          else if (c.kind === 'typo') {
            const flat = paragraphs.flat();
            const p = paragraphs[c.at % paragraphs.length];
            const i = Math.floor(flat.length / 2) % Math.max(1, p.length);
            p.splice(i, c.text === '' ? 1 : 0, ...c.text.split('').map((ch): [string, number] => [ch, -1]));
          }
        }
        const flat = paragraphs.flat();
        const changed = flat.map(([c]) => c).join('');
        const where = new Map<number, number>();
        flat.forEach(([, o], i) => o >= 0 && where.set(o, i));
        const annotations = labelsOnNames(base);
        const result = reanchor(annotations, changed);
        const copyGroup = copyGroupsOf(base);
        annotations.forEach((before, k) => {
          const { start, end } = before.target[0];
          const first = where.get(start);
          let whole = first !== undefined;
          for (let o = start; whole && o < end; o++) whole = where.get(o) === first! + (o - start);
          const after = result.annotations[k];
          if (whole) survived++;
          if (after.status !== 'anchored') return;
          if (whole && after.target[0].start === first) {
            placed++;
            return;
          }
          const label = `${before.target[0].exact} at ${start}`;
          const origins = flat.slice(after.target[0].start, after.target[0].end).map(([, o]) => o);
          const survivors = [...Array(end - start).keys()].map((i) => where.get(start + i)).filter((p): p is number => p !== undefined);
          if (survivors.some((p) => p >= after.target[0].start && p < after.target[0].end)) {
            assert.ok(!whole, `${label}: its text survived whole but it was placed differently`);
            return; // touched, and placed on what is left of it
          }
          // Anywhere else only on the same text in a copy of its paragraph (a repeated paragraph of the seed).
          assert.strictEqual(textOf(changed, after), before.target[0].exact, `${label} went to different text`);
          assert.ok(origins.every((o) => o >= 0) && copyGroup(origins[0]) === copyGroup(start), `${label} moved to a wrong place`);
          if (whole) placed++;
        });
      }),
      { numRuns: 300, seed: 7 },
    );
    // Measured 0.974–0.982 over four seeds: what is lost is in seed 000's repeated block of paragraphs,
    // where a copy could be either and the annotation is orphaned.
    assert.ok(placed / survived > 0.96, `only ${placed} of ${survived} surviving annotations were placed`);
  });

  describe('two annotations from different places that land on one (the one whose context agrees keeps it)', () => {
    // Delete the paragraph of the first "Among" (as another editor or a git checkout would): the second
    // "Among", intact, moved up by the paragraph's length, while the first one's quote is found right at
    // its old offset, on the second's words. Distance alone kept the deleted one there and orphaned the other.
    const deleteFirstParagraph = (text: string, first: number): string => text.slice(0, first) + text.slice(text.indexOf('\n\n', first) + 2);
    const check = (text: string, first: number, second: number): void => {
      const changed = deleteFirstParagraph(text, first);
      const [lost, kept] = reanchor([labelAt(text, first, first + 5, 'lost'), labelAt(text, second, second + 5, 'kept')], changed).annotations;
      assert.strictEqual(kept.status, 'anchored', 'the annotation whose words are still there stays');
      assert.strictEqual(kept.target[0].start, second - (text.length - changed.length));
      assert.strictEqual(lost.status, 'orphaned', 'the one whose words were deleted does not take their place');
    };

    it('a short text', () => {
      const text = 'Poll results.\n\nAmong likely voters in a four-way race, Clinton leads by two.\n\nAmong likely voters in a two-way race, Clinton leads by one.\n';
      check(text, text.indexOf('Among'), text.lastIndexOf('Among'));
    });

    it('a PolNeAR dev article (a paragraph of a poll report deleted)', function () {
      const file = path.join(POLNEAR_DEV, 'politico_2016-09-25_poll-clinton-and-trump-in-dead-h.txt');
      if (!fs.existsSync(file)) this.skip(); // ../shared/data is not beside the project
      const text = fs.readFileSync(file, 'utf8');
      check(text, text.indexOf('Among likely voters in a four-way'), text.indexOf('Among likely voters in a two-way'));
    });
  });
});
