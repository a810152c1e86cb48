import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, writtenRanges, type TextEdit } from '../server/src/core/annotations/editShift';
import type { Annotation } from '../server/src/core/annotations/model';
import { reanchor, reanchorOrphansWhereWritten } from '../server/src/core/annotations/reanchor';
import { labelAt } from '../test/core/annotations/helpers';
import { POLNEAR_DEV } from '../test/helpers/actorSample';
import { readSeed, SEEDS } from '../test/helpers/seeds';

/**
 * The annotation layer's promise measured over real text: labels on every capitalised name of the seeds and
 * the PolNeAR dev texts (when ../shared/data is beside the project), then edits made in turn, and each label
 * counted as in place, orphaned or misplaced (anchored on other characters than its own). Edits:
 * - `delete paragraph (closed)`: each paragraph deleted in turn, the article re-anchored as on opening it;
 * - `delete paragraph + typo (editor reload)`: the same with a typo in the last paragraph, as an open editor
 *   reloading the changed file sends it — one edit from the first to the last change — shifted and the
 *   orphans placed again where the edit wrote (`reanchorOrphansWhereWritten`);
 * - `word before a name (closed)`: in each paragraph, "new " inserted before its first name not at its start;
 * - `re-wrap 72 → 50 (closed)`: every paragraph wrapped at 72 columns, then at 50 (line breaks moved only).
 * A label whose words a deletion removed counts apart: orphaned (right) or placed (on other words).
 * Run: `npx tsx scripts/sweepAnnotations.ts`.
 */

interface Counts {
  inPlace: number;
  orphaned: number;
  misplaced: number;
  deletedOrphaned: number;
  deletedPlaced: number;
}

const empty = (): Counts => ({ inPlace: 0, orphaned: 0, misplaced: 0, deletedOrphaned: 0, deletedPlaced: 0 });

function texts(): Array<{ name: string; text: string }> {
  const all: Array<{ name: string; text: string }> = Object.values(SEEDS).map((name) => ({ name, text: readSeed(name) }));
  if (fs.existsSync(POLNEAR_DEV)) {
    for (const name of fs.readdirSync(POLNEAR_DEV).sort()) if (name.endsWith('.txt')) all.push({ name, text: fs.readFileSync(path.join(POLNEAR_DEV, name), 'utf8') });
  } else console.log(`(${POLNEAR_DEV} is missing: the seeds only)`);
  return all;
}

function labelsOnNames(text: string): Annotation[] {
  return [...text.matchAll(/\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+)?/gu)].map((m) => labelAt(text, m.index!, m.index! + m[0].length, `n${m.index}`));
}

/** Paragraphs: non-empty lines, as `[start, end)` without the line break. */
function paragraphsOf(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/[^\n]+/g)) if (m[0].trim()) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** Counts each label of `before` after one edit `[a, b) → inserted` of the text, placed as `after`. */
function count(into: Counts, before: readonly Annotation[], after: readonly Annotation[], a: number, b: number, inserted: number, map?: (offset: number) => number): void {
  const delta = inserted - (b - a);
  before.forEach((old, i) => {
    const { start: s, end: e } = old.target[0];
    const now = after[i];
    if (s >= a && e <= b && b > a) {
      if (now.status === 'orphaned') into.deletedOrphaned++;
      else into.deletedPlaced++;
      return;
    }
    if (s < b && e > a && b > a) return; // partly deleted: either outcome is fair
    const expected = map ? map(s) : s >= b ? s + delta : s;
    const expectedEnd = map ? map(e - 1) + 1 : e >= b ? e + delta : e;
    if (now.status === 'orphaned') into.orphaned++;
    else if (now.target[0].start === expected && now.target[0].end === expectedEnd) into.inPlace++;
    else into.misplaced++;
  });
}

function wrap(text: string, columns: number): string {
  return text.replace(/[^\n]+/g, (line) => {
    const words = line.split(' ');
    let out = '';
    let width = 0;
    for (const [k, word] of words.entries()) {
      if (k > 0) {
        if (width + 1 + word.length > columns) {
          out += '\n';
          width = 0;
        } else {
          out += ' ';
          width++;
        }
      }
      out += word;
      width += word.length;
    }
    return out;
  });
}

function main(): void {
  const totals = new Map<string, Counts>();
  const add = (kind: string): Counts => totals.get(kind) ?? (totals.set(kind, empty()), totals.get(kind)!);
  for (const { text: raw } of texts()) {
    const text = raw.replace(/\r\n/g, '\n');
    const labels = labelsOnNames(text);
    const paragraphs = paragraphsOf(text);
    for (const p of paragraphs) {
      // The paragraph and its line break.
      const a = p.start;
      const b = Math.min(text.length, p.end + 1);
      const changed = text.slice(0, a) + text.slice(b);
      count(add('delete paragraph (closed)'), labels, reanchor(labels, changed).annotations, a, b, 0);

      const last = paragraphs[paragraphs.length - 1];
      if (last.start > b) {
        // A typo: the last paragraph's first letter doubled, in the same reload.
        const typoAt = last.start - (b - a);
        const reloaded = changed.slice(0, typoAt) + changed[typoAt] + changed.slice(typoAt);
        const edit: TextEdit = { start: a, end: last.start + 1, text: reloaded.slice(a, typoAt + 2) };
        let after = applyEdits(labels, [edit], reloaded).annotations;
        after = reanchorOrphansWhereWritten(after, reloaded, writtenRanges([edit])).annotations;
        // Labels in the typo'd stretch are expected shifted by the deletion, and the last paragraph's by one more.
        const map = (offset: number): number => (offset < a ? offset : offset < b ? -1 : offset <= last.start ? offset - (b - a) : offset - (b - a) + 1);
        const counts = add('delete paragraph + typo (editor reload)');
        labels.forEach((old, i) => {
          const { start: s, end: e } = old.target[0];
          const now = after[i];
          if (s >= a && e <= b) return void (now.status === 'orphaned' ? counts.deletedOrphaned++ : counts.deletedPlaced++);
          if (s <= last.start && e > last.start) return;
          if (now.status === 'orphaned') counts.orphaned++;
          else if (now.target[0].start === map(s) && now.target[0].end === map(e - 1) + 1) counts.inPlace++;
          else counts.misplaced++;
        });
      }

      const name = labels.find((l) => l.target[0].start > p.start && l.target[0].end <= p.end && text[l.target[0].start - 1] === ' ');
      if (name) {
        const at = name.target[0].start;
        const inserted = text.slice(0, at) + 'new ' + text.slice(at);
        count(add('word before a name (closed)'), labels, reanchor(labels, inserted).annotations, at, at, 4);
      }
    }
    const wrapped = wrap(text, 72);
    const wrappedLabels = labelsOnNames(wrapped).filter((l) => !l.target[0].exact.includes('\n'));
    count(add('re-wrap 72 → 50 (closed)'), wrappedLabels, reanchor(wrappedLabels, wrap(text, 50)).annotations, 0, 0, 0);
  }
  console.log('edit | in place | orphaned | misplaced | deleted: orphaned | deleted: placed elsewhere');
  for (const [kind, c] of totals) console.log(`${kind} | ${c.inPlace} | ${c.orphaned} | ${c.misplaced} | ${c.deletedOrphaned} | ${c.deletedPlaced}`);
}

main();
