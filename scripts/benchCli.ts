/**
 * Corpus throughput of the command line (issue 17): `npm run bench:cli` (builds first). Runs
 * `dist/cli.js` over the PolNeAR train texts (`../shared/data/polnear/train/text`, read in place) as a
 * user would, end to end: process start, model load, reading, analysis, output to a file. Prints,
 * per configuration, the median wall time of several runs (taken in turns, so a burst of load on this
 * shared machine hits every configuration alike), MB/s (2^20 bytes, as `npm run bench`), the CPU time
 * (user + system, all threads) and the peak resident memory (VmHWM) of the process tree. Figures,
 * not tests: nothing fails on a threshold.
 *
 * Options: `--runs=N` (default 5); `--baseline=path/to/old/cli.js` adds the same run with another
 * build (for before/after in one run); `--folder=…` another corpus.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { measure, type Run } from './processMeasure';

const ROOT = path.resolve(__dirname, '..');
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const FOLDER = path.resolve(arg('folder') ?? path.join(ROOT, '..', 'shared', 'data', 'polnear', 'train', 'text'));
const RUNS = Number(arg('runs') ?? 5);
const BASELINE = arg('baseline');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const MB = 1024 * 1024;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

async function main(): Promise<void> {
  if (!fs.existsSync(FOLDER)) {
    console.error(`No corpus at ${FOLDER}: the benchmark needs ../shared/data/polnear/train/text (or --folder=…).`);
    process.exit(2);
  }
  if (!fs.existsSync(CLI)) {
    console.error('dist/cli.js is missing: run `node esbuild.js` first (npm run bench:cli does).');
    process.exit(2);
  }
  const files = fs.readdirSync(FOLDER).filter((f) => /\.(txt|article)$/i.test(f));
  const bytes = files.reduce((n, f) => n + fs.statSync(path.join(FOLDER, f)).size, 0);
  const cores = os.availableParallelism();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-bench-cli-'));
  const quoted = JSON.stringify(FOLDER);
  const configurations: { what: string; command: string; target?: boolean }[] = [
    ...(BASELINE ? [{ what: `before: ${path.relative(ROOT, BASELINE) || BASELINE} (text)`, command: `node ${JSON.stringify(path.resolve(BASELINE))} ${quoted}` }] : []),
    { what: 'text, --jobs 1', command: `node dist/cli.js --jobs 1 ${quoted}` },
    { what: 'text, default jobs', command: `node dist/cli.js ${quoted}` },
    { what: '--jsonl, default jobs', command: `node dist/cli.js --jsonl ${quoted}`, target: true },
    { what: `--jsonl, --jobs ${cores}`, command: `node dist/cli.js --jsonl --jobs ${cores} ${quoted}` },
    { what: '--jsonl --sorted, default jobs', command: `node dist/cli.js --jsonl --sorted ${quoted}` },
    { what: '--json, default jobs', command: `node dist/cli.js --json ${quoted}` },
    { what: `${cores} shards at once, --jobs 1 each (as GNU parallel runs them)`, command: Array.from({ length: cores }, (_, k) => `node dist/cli.js --jsonl --jobs 1 --shard ${k + 1}/${cores} ${quoted} > ${tmp}/shard-${k + 1}.jsonl`).join(' & ') + ' & wait' },
  ];
  const runs = configurations.map(() => [] as Run[]);
  try {
    console.error(`CLI throughput over ${files.length} files (${(bytes / MB).toFixed(2)} MB) in ${FOLDER}, ${RUNS} runs each, in turns`);
    for (let r = 0; r < RUNS; r++) {
      for (let c = 0; c < configurations.length; c++) {
        const run = await measure(configurations[c].command, path.join(tmp, `out-${c}`), ROOT);
        runs[c].push(run);
        console.error(`  run ${r + 1} | ${configurations[c].what} | ${(run.wallMs / 1000).toFixed(2)} s, ${(run.peakRss / MB).toFixed(0)} MB`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\nArticle Lens CLI benchmark — ${new Date().toISOString()}, node ${process.version}, ${cores} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`Corpus: ${files.length} files, ${(bytes / MB).toFixed(2)} MB (${bytes.toLocaleString('en')} bytes); median of ${RUNS} runs (min–max wall)\n`);
  const header = ['Configuration', 'Wall', 'MB/s', 'CPU', 'Peak RSS', 'Target'];
  const body = configurations.map((c, i) => {
    // A configuration that failed measured nothing: said, not printed as a speed.
    const failed = runs[i].find((r) => r.code !== 0);
    if (failed) return [c.what, `failed (exit code ${failed.code})`, '', '', '', c.target ? 'NOT met' : ''];
    const wall = median(runs[i].map((r) => r.wallMs));
    const peak = Math.max(...runs[i].map((r) => r.peakRss));
    const mbps = bytes / MB / (wall / 1000);
    const walls = runs[i].map((r) => r.wallMs / 1000);
    return [
      c.what,
      `${(wall / 1000).toFixed(2)} s (${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)})`,
      mbps.toFixed(2),
      `${(median(runs[i].map((r) => r.cpuMs)) / 1000).toFixed(2)} s`,
      `${(peak / MB).toFixed(0)} MB`,
      c.target ? `≥ 2 MB/s ${mbps >= 2 ? 'met' : 'NOT met'}, ≤ 250 MB ${peak <= 250 * MB ? 'met' : 'NOT met'}` : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
