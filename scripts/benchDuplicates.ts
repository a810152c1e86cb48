/**
 * Injection benchmark of repeated-paragraph detection (`server/src/core/duplicates/`) on PolNeAR train
 * and dev (`../shared/data/polnear/{train,dev}/text`, read in place, never copied). Run:
 * `npm run bench:duplicates` (add `-- --show` to print a few findings of each kind).
 *
 * Every article gets two damaged copies of its own paragraphs (`scripts/duplicateInjection.ts`: the
 * kinds in turn, so each kind is tried on about 150 train articles) and two hard negatives (paragraphs
 * that look like copies and are not), each put after its source; every other article is made one
 * paragraph per line (no blank lines), the shape of the seeds. Fixed seed: the same figures every run.
 *
 * Scoring, per flagged repeat:
 * - a true positive when it links an injected copy (each of its parts, for a copy split by a furniture
 *   line) with its source, or with a paragraph the clean article already repeated the source with;
 * - neutral when the clean article (before injection) already had that repeat;
 * - otherwise a false positive; a hard negative flagged is also counted on its own (the goal is none).
 * Recall per damage kind: copies whose every part was flagged as a repeat of its source.
 *
 * Speed: paragraph split plus detection from scratch (no cache), over all articles of a split, and
 * over one article of 1 MB (the train articles joined), in MB/s of UTF-8 per second of CPU time.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findDuplicateParagraphs, loadKnownWords, paragraphKey, type DuplicateParagraph } from '../server/src/core/duplicates';
import { diskDataSource } from '../server/src/diskData';
import { splitParagraphs } from '../server/src/core/paragraphs';
import { overlaps } from '../server/src/core/search';
import type { Paragraph } from '../server/src/core/types';
import { DAMAGE_KINDS, injectInto, NEGATIVE_KINDS, randomGenerator, type InjectedArticle } from './duplicateInjection';

const DATA = path.join(__dirname, '..', '..', 'shared', 'data', 'polnear');
const SEED = 15;
const SHOW = process.argv.includes('--show');
/** As the analysis has them: a copy whose word became another real word is an edit, left out of "remove all". */
const WORDS = loadKnownWords(diskDataSource());

/** CPU time (user + system) of a synchronous call, in milliseconds: waiting for a core is not counted. */
function cpuTime(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function texts(split: string): { name: string; text: string }[] {
  const dir = path.join(DATA, split, 'text');
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

interface Tally {
  tp: number;
  fp: number;
  neutral: number;
  negativesFlagged: number;
  negatives: Map<string, { total: number; flagged: number }>;
  kinds: Map<string, { total: number; found: number }>;
  falsePositives: string[];
  shown: Map<string, number>;
  /** Damaged copies found whose repeat "remove all" leaves to the user, per kind. */
  leftToUser: Map<string, number>;
}

function describe(d: DuplicateParagraph): string {
  const near = d.near ? d.near.differences.map((x) => `${x.kind}: "${x.original.slice(0, 40)}" → "${x.copy.slice(0, 40)}"`).join('; ') : 'exact';
  return `${JSON.stringify(d.duplicate.text.slice(0, 70))} ~ ${JSON.stringify(d.original.text.slice(0, 70))} [${near}]`;
}

function score(article: InjectedArticle, baseText: string, tally: Tally): void {
  const paragraphs = splitParagraphs(article.text);
  const duplicates = findDuplicateParagraphs(paragraphs, WORDS);
  // Repeats the clean article already had, by the texts of the paragraphs involved.
  const baseRepeats = new Set<string>();
  for (const d of findDuplicateParagraphs(splitParagraphs(baseText), WORDS)) {
    baseRepeats.add(d.duplicate.text);
    baseRepeats.add(d.original.text);
  }
  const sourceText = (r: { start: number; end: number }) => article.text.slice(r.start, r.end);
  const linksToSource = (other: Paragraph, source: { start: number; end: number }) =>
    overlaps(other, source) || paragraphKey(other.text) === paragraphKey(sourceText(source)) || (baseRepeats.has(other.text) && baseRepeats.has(sourceText(source)));
  const flaggedParts = new Map<number, boolean>();
  for (const d of duplicates) {
    const item = article.injected.find((x) => overlaps(d.duplicate, x.inserted) || overlaps(d.original, x.inserted));
    if (item) {
      const insertedSide = overlaps(d.duplicate, item.inserted) ? d.duplicate : d.original;
      const otherSide = insertedSide === d.duplicate ? d.original : d.duplicate;
      if (!item.positive) {
        tally.fp++;
        tally.negativesFlagged++;
        tally.negatives.get(item.kind)!.flagged++;
        tally.falsePositives.push(`hard negative ${item.kind}: ${describe(d)}`);
      } else if (linksToSource(otherSide, item.source)) {
        tally.tp++;
        if (d.near?.removedByFixAll === false) tally.leftToUser.set(item.kind, (tally.leftToUser.get(item.kind) ?? 0) + 1);
        flaggedParts.set(insertedSide.index, true);
        const shown = tally.shown.get(item.kind) ?? 0;
        if (SHOW && shown < 3) console.log(`  ${item.kind}: ${describe(d)}`);
        tally.shown.set(item.kind, shown + 1);
      } else {
        tally.fp++;
        tally.falsePositives.push(`${item.kind} copy linked elsewhere: ${describe(d)}`);
      }
    } else if (baseRepeats.has(d.duplicate.text) && baseRepeats.has(d.original.text)) {
      tally.neutral++;
    } else {
      tally.fp++;
      tally.falsePositives.push(`other: ${describe(d)}`);
    }
  }
  for (const item of article.injected) {
    if (!item.positive) {
      tally.negatives.get(item.kind)!.total++;
      continue;
    }
    const entry = tally.kinds.get(item.kind)!;
    entry.total++;
    // Every part of the copy (a copy split by a furniture line has two), not the furniture line itself.
    const parts = paragraphs.filter((p) => overlaps(p, item.inserted) && !(item.kind === 'furniture-line' && p.text.length < 50 && (p.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= 7));
    if (parts.length > 0 && parts.every((p) => flaggedParts.get(p.index))) entry.found++;
    else if (SHOW && (tally.shown.get(`missed ${item.kind}`) ?? 0) < 5) {
      tally.shown.set(`missed ${item.kind}`, (tally.shown.get(`missed ${item.kind}`) ?? 0) + 1);
      console.log(`  MISSED ${item.kind}: ${JSON.stringify(article.text.slice(item.inserted.start, item.inserted.end).slice(0, 160))}\n      source ${JSON.stringify(sourceText(item.source).slice(0, 160))}`);
    }
  }
}

function run(split: string): void {
  const articles = texts(split);
  if (articles.length === 0) return;
  const random = randomGenerator(SEED + (split === 'dev' ? 1 : 0));
  const tally: Tally = { tp: 0, fp: 0, neutral: 0, negativesFlagged: 0, negatives: new Map(NEGATIVE_KINDS.map((k) => [k, { total: 0, flagged: 0 }])), kinds: new Map(DAMAGE_KINDS.map((k) => [k, { total: 0, found: 0 }])), falsePositives: [], shown: new Map(), leftToUser: new Map() };
  const built: { article: InjectedArticle; base: string }[] = [];
  articles.forEach(({ text }, i) => {
    const linePerParagraph = i % 2 === 1;
    const base = linePerParagraph ? text.replace(/(\r?\n)[ \t]*(?:\r?\n[ \t]*)+/g, '$1') : text;
    const article = injectInto(text, random, { positives: 2, negatives: 2, offset: i * 2, linePerParagraph, other: articles[(i + 7) % articles.length].text });
    built.push({ article, base });
  });
  for (const { article, base } of built) score(article, base, tally);

  const precision = tally.tp / Math.max(1, tally.tp + tally.fp);
  let total = 0;
  let found = 0;
  for (const { total: t, found: f } of tally.kinds.values()) {
    total += t;
    found += f;
  }
  console.log(`\n${split}: ${articles.length} articles, ${total} damaged copies, ${[...tally.negatives.values()].reduce((n, x) => n + x.total, 0)} hard negatives`);
  console.log(`  precision ${precision.toFixed(4)} (${tally.tp} true, ${tally.fp} false, ${tally.neutral} repeats the articles already had)   [goal ≥ 0.99]`);
  console.log(`  recall    ${(found / Math.max(1, total)).toFixed(4)} (${found}/${total})   [goal ≥ 0.97]`);
  console.log(`  hard negatives flagged: ${tally.negativesFlagged}   [goal 0]`);
  for (const [kind, { total: t, found: f }] of tally.kinds) console.log(`    recall ${kind.padEnd(16)} ${(f / Math.max(1, t)).toFixed(3)} (${f}/${t})${tally.leftToUser.get(kind) ? `; ${tally.leftToUser.get(kind)} left to the user by "remove all" (a word became another word, or a line in the copy only)` : ''}`);
  for (const [kind, { total: t, flagged }] of tally.negatives) console.log(`    negatives ${kind.padEnd(18)} ${flagged} flagged of ${t}`);
  for (const line of tally.falsePositives.slice(0, 15)) console.log(`    false positive: ${line}`);

  // Speed: split + detection from scratch, the whole split twice (the first run warms up).
  const bytes = built.reduce((n, { article }) => n + Buffer.byteLength(article.text), 0);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const cpu = cpuTime(() => {
      for (const { article } of built) findDuplicateParagraphs(splitParagraphs(article.text), WORDS);
    });
    best = Math.min(best, cpu);
  }
  console.log(`  speed     ${(bytes / 1048576 / (best / 1000)).toFixed(1)} MB/s (${(bytes / 1048576).toFixed(2)} MB in ${best.toFixed(0)} ms of CPU, best of 3)   [goal ≥ 5 MB/s]`);
}

function runJoined(): void {
  const articles = texts('train');
  let joined = '';
  for (let i = 0; Buffer.byteLength(joined) < 1048576; i++) joined += `${articles[i % articles.length].text.trim()}\n\n`;
  const bytes = Buffer.byteLength(joined);
  let best = Infinity;
  let found = 0;
  for (let round = 0; round < 5; round++) best = Math.min(best, cpuTime(() => (found = findDuplicateParagraphs(splitParagraphs(joined), WORDS).length)));
  console.log(`\none article of ${(bytes / 1048576).toFixed(2)} MB (train articles joined): ${(bytes / 1048576 / (best / 1000)).toFixed(1)} MB/s (${best.toFixed(0)} ms of CPU, best of 5), ${found} repeats`);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores (a shared machine: CPU time, not wall time, is measured)`);
}

if (!fs.existsSync(DATA)) {
  console.log(`PolNeAR is absent (${DATA}): nothing to measure.`);
} else {
  run('train');
  run('dev');
  runJoined();
}
