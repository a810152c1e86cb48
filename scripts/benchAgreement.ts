/**
 * Agreement between PolNeAR's annotators on the train articles that more than one annotator annotated
 * (`../shared/data/polnear/train`, never copied into the repository). Run: `npm run bench:agreement`.
 *
 * 1. For each such article, its first and second annotator (annotator ids in code-unit order, so the
 *    choice is fixed) go into two folders made in a temporary folder — `A/<article>.txt` with
 *    `A/<article>_<first>.ann`, `B/…_<second>.ann` — and `article-lens agree A B --labels Source,Cue,Content`
 *    runs on them, as a user would run it (the command's own code, in process), printing its table.
 * 2. The same measures pooled over every pair of annotators of each article (A = the lower id), through
 *    the core: less dependent on which two annotators happen to come first.
 * PolNeAR's `Discuss` and `Discard` marks (annotators' flags for later discussion) are left out.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { runAgreeCommand } from '../server/src/cli/agree';
import { compareAnnotators, type AnnotatedPair } from '../server/src/core/agreement/compareAnnotators';
import { spanSetOfBrat } from '../server/src/core/agreement/spanSets';
import { renderAgreementTable } from '../server/src/cli/agreementTable';

const ROOT = path.join(__dirname, '..');
const TRAIN = path.join(ROOT, '..', 'shared', 'data', 'polnear', 'train');
const LABELS = ['Source', 'Cue', 'Content'];

function main(): number {
  if (!fs.existsSync(TRAIN)) {
    process.stdout.write(`bench:agreement skipped: ${TRAIN} is absent (PolNeAR is in ../shared/data)\n`);
    return 0;
  }
  // article → its annotators, from `<article>_<annotator>.ann`.
  const annotators = new Map<string, string[]>();
  for (const file of fs.readdirSync(path.join(TRAIN, 'attributions')).sort()) {
    const match = /^(.+)_([^_]+)\.ann$/.exec(file);
    if (!match) continue;
    const list = annotators.get(match[1]) ?? [];
    list.push(match[2]);
    annotators.set(match[1], list);
  }
  const shared = [...annotators].filter(([, list]) => list.length >= 2).map(([article, list]) => ({ article, annotators: list.sort() }));
  const annotatorCounts = shared.map((s) => s.annotators.length);
  process.stdout.write(
    `PolNeAR train: ${annotators.size} annotated articles, ${shared.length} of them by more than one annotator ` +
      `(${Math.min(...annotatorCounts)}–${Math.max(...annotatorCounts)} each)\n\n`,
  );

  // 1. First against second annotator, through the command.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-agreement-'));
  try {
    for (const side of ['A', 'B']) fs.mkdirSync(path.join(scratch, side));
    for (const { article, annotators: [first, second] } of shared) {
      for (const [side, annotator] of [['A', first], ['B', second]]) {
        fs.copyFileSync(path.join(TRAIN, 'text', `${article}.txt`), path.join(scratch, side, `${article}.txt`));
        fs.copyFileSync(path.join(TRAIN, 'attributions', `${article}_${annotator}.ann`), path.join(scratch, side, `${article}_${annotator}.ann`));
      }
    }
    process.stdout.write(`1. First against second annotator of each article: article-lens agree A B --labels ${LABELS.join(',')}\n\n`);
    const started = performance.now();
    const code = runAgreeCommand([path.join(scratch, 'A'), path.join(scratch, 'B'), '--labels', LABELS.join(',')], {
      out: (text) => process.stdout.write(text.split(scratch).join('<tmp>')),
      err: (text) => process.stdout.write(text.split(scratch).join('<tmp>')),
    });
    const elapsed = performance.now() - started;
    if (code !== 0) return code;
    process.stdout.write(`\n(the command took ${elapsed.toFixed(0)} ms for ${shared.length} articles)\n\n`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  // 2. Every pair of annotators of each article, pooled.
  const pairs: AnnotatedPair[] = [];
  for (const { article, annotators: list } of shared) {
    const text = fs.readFileSync(path.join(TRAIN, 'text', `${article}.txt`), 'utf8');
    const places = list.map((annotator) => spanSetOfBrat(fs.readFileSync(path.join(TRAIN, 'attributions', `${article}_${annotator}.ann`), 'utf8'), text).places.filter((p) => LABELS.includes(p.label)));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) pairs.push({ document: `${article} ${list[i]}–${list[j]}`, text, a: places[i], b: places[j] });
    }
  }
  const report = compareAnnotators(pairs);
  const table = renderAgreementTable(report, `2. Every pair of annotators of each article, pooled: ${pairs.length} article-pairs, ${report.tokens} tokens`);
  // The per-pair rows are many; the table per label and overall is the figure.
  process.stdout.write(table.slice(0, table.indexOf('\narticle ')) + '\n');
  return 0;
}

process.exitCode = main();
