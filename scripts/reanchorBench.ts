/**
 * The measurements of `npm run bench:annotations` (printed by `benchAnnotations.ts`; `npm run bench` shows
 * them as rows too). Benchmark of re-anchoring (`server/src/core/annotations/reanchor.ts`): 1,000 annotations in a 100 KB
 * article after an external edit (the article changed outside the editor), target ≤ 100 ms, and of
 * shifting them through one keystroke in the editor. Run: `npm run bench:annotations` (bundled, as the
 * server runs). The article is PolNeAR dev text (../shared/data, never copied into the repository) cut at
 * 100 KB; without it, the seeds, numbered per copy (their repeats make more orphans, fewer exact places).
 *
 * Edit kinds: none; a paragraph inserted at the top; one in the middle; a paragraph moved from the middle
 * to the end; a paragraph deleted; 20 typos spread over the text (some inside annotated words); all of
 * these at once; the article copied above itself; rewritten in NFD. Each kind is timed over several runs; p50 / p99 / max are printed per kind and over all.
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { applyEdits, writtenRanges, type TextEdit } from '../server/src/core/annotations/editShift';
import { reanchor, reanchorOrphansWhereWritten } from '../server/src/core/annotations/reanchor';
import { spanAt } from '../server/src/core/annotations/selectors';
import type { Annotation } from '../server/src/core/annotations/model';

/** The target for re-anchoring 1,000 annotations in 100 KB after an external edit. */
export const TARGET_MS = 100;
const SIZE = 100_000;
const ANNOTATIONS = 1000;
const RUNS = 25;
const ROOT = path.join(__dirname, '..');
const POLNEAR = path.join(ROOT, '..', 'shared', 'data', 'polnear', 'dev', 'text');

function article(): { text: string; source: string } {
  let text = '';
  if (fs.existsSync(POLNEAR)) {
    for (const file of fs.readdirSync(POLNEAR).sort()) {
      if (text.length >= SIZE) break;
      text += fs.readFileSync(path.join(POLNEAR, file), 'utf8').trim() + '\n';
    }
    return { text: text.slice(0, text.lastIndexOf('\n', SIZE) + 1), source: 'PolNeAR dev texts' };
  }
  const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).sort().map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));
  for (let copy = 1; text.length < SIZE; copy++) for (const seed of seeds) text += `Copy ${copy}.\n${seed.trim()}\n`;
  return { text: text.slice(0, text.lastIndexOf('\n', SIZE) + 1), source: 'seeds (PolNeAR absent)' };
}

/** 1,000 annotations on words spread evenly over the text. */
function annotate(text: string): Annotation[] {
  const words = [...text.matchAll(/\p{L}[\p{L}’'-]{2,}/gu)];
  const step = words.length / ANNOTATIONS;
  return Array.from({ length: ANNOTATIONS }, (_, i) => {
    const w = words[Math.floor(i * step)];
    return { id: `a${i}`, created: '2024-01-01T00:00:00Z', modified: '2024-01-01T00:00:00Z', target: [spanAt(text, { start: w.index!, end: w.index! + w[0].length })], body: { kind: 'label', label: 'person' }, status: 'anchored' };
  });
}

function paragraphs(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function typos(text: string, count: number): string {
  let out = text;
  for (let i = 1; i <= count; i++) {
    const at = Math.floor((out.length * i) / (count + 1));
    out = out.slice(0, at) + (i % 2 ? 'x' : '') + out.slice(at + (i % 3 === 0 ? 1 : 0));
  }
  return out;
}

function edits(text: string): Array<[string, string]> {
  const p = paragraphs(text);
  const middle = Math.floor(p.length / 2);
  const withParagraph = (at: number): string => [...p.slice(0, at), 'An editor added this paragraph after the article was annotated.\n', ...p.slice(at)].join('');
  const moved = [...p.slice(0, middle), ...p.slice(middle + 1), p[middle]].join('');
  const deleted = [...p.slice(0, middle), ...p.slice(middle + 1)].join('');
  const all = typos([...p.slice(0, 1), 'Inserted at the top.\n', ...p.slice(1, middle), ...p.slice(middle + 2), p[middle]].join(''), 20);
  return [
    ['none', text],
    ['paragraph inserted at the top', withParagraph(0)],
    ['paragraph inserted in the middle', withParagraph(middle)],
    ['paragraph moved to the end', moved],
    ['paragraph deleted', deleted],
    ['20 typos', typos(text, 20)],
    ['all of these', all],
    // A page saved twice over (a scraper's accident): every annotated name has a copy of its words and context
    // at its old offset, which re-anchoring takes (the nearer copy; its doubts are bounded: `reanchor.ts`).
    ['the article copied above itself', text + text],
    // Saved by a tool that writes decomposed Unicode (it looks the same): quotes are compared in NFC (`normalizedText.ts`).
    ['the article rewritten in NFD', text.normalize('NFD')],
  ];
}

export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export function line(label: string, times: number[], extra = ''): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `${label.padEnd(36)} p50 ${quantile(sorted, 0.5).toFixed(2).padStart(7)} ms   p99 ${quantile(sorted, 0.99).toFixed(2).padStart(7)} ms   max ${sorted[sorted.length - 1].toFixed(2).padStart(7)} ms${extra}`;
}

/** One measured row: what, its times, and the orphans and approximate placements of its first run. */
export interface ReanchorRow {
  readonly kind: string;
  readonly times: number[];
  readonly orphaned?: number;
  readonly approximate?: number;
}

/**
 * 500 keystrokes spread over the text, each as the server takes a `didChange`: every annotation shifted,
 * then the orphans, if any, placed again where the keystroke wrote (`reanchorOrphansWhereWritten`).
 */
function typeThrough(annotations: readonly Annotation[], text: string): number[] {
  const keystrokes: number[] = [];
  let current = annotations;
  let currentText = text;
  for (let i = 0; i < 500; i++) {
    const at = Math.floor((currentText.length * ((i * 37) % 100)) / 100);
    const edit = { start: at, end: at, text: 'x' };
    currentText = currentText.slice(0, at) + 'x' + currentText.slice(at);
    const start = performance.now();
    current = applyEdits(current, [edit], currentText).annotations;
    if (current.some((a) => a.status === 'orphaned')) current = reanchorOrphansWhereWritten(current, currentText, writtenRanges([edit])).annotations;
    keystrokes.push(performance.now() - start);
  }
  return keystrokes;
}

/** Every measurement: re-anchoring per edit kind, then shifting through keystrokes, without and with orphans. */
export function measureAnnotations(): { source: string; size: number; count: number; rows: ReanchorRow[]; all: number[]; keystrokes: number[]; keystrokesWithOrphans: number[]; orphans: number } {
  const { text, source } = article();
  const annotations = annotate(text);
  const rows: ReanchorRow[] = [];
  const all: number[] = [];
  for (const [kind, changed] of edits(text)) {
    const times: number[] = [];
    let orphaned = 0;
    let approximate = 0;
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const result = reanchor(annotations, changed);
      times.push(performance.now() - start);
      if (run === 0) {
        orphaned = result.annotations.filter((a) => a.status === 'orphaned').length;
        approximate = [...result.outcomes.values()].filter((o) => o === 'approximate').length;
      }
    }
    all.push(...times);
    rows.push({ kind, times, orphaned, approximate });
  }
  // A keystroke in the editor: every annotation shifted through one didChange (no search)...
  const keystrokes = typeThrough(annotations, text);
  // ... and with 10 orphans: the words of every 100th annotation deleted first (the last first, so that the
  // offsets of the others hold), as the person would in the editor.
  const deletions: TextEdit[] = annotations.filter((_, i) => i % 100 === 50).reverse().map((a) => ({ start: a.target[0].start, end: a.target[0].end, text: '' }));
  let orphanedText = text;
  for (const d of deletions) orphanedText = orphanedText.slice(0, d.start) + orphanedText.slice(d.end);
  const withOrphans = applyEdits(annotations, deletions, orphanedText).annotations;
  const keystrokesWithOrphans = typeThrough(withOrphans, orphanedText);
  return { source, size: text.length, count: annotations.length, rows, all, keystrokes, keystrokesWithOrphans, orphans: withOrphans.filter((a) => a.status === 'orphaned').length };
}
