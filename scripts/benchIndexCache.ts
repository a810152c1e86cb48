/**
 * The persistent workspace index's costs, piece by piece (issue 17): `npm run bench:index-cache`.
 * Summarises the PolNeAR texts (`../shared/data/polnear/{train,dev}/text`, read in place) and
 * replicates the summaries to 10,000 articles (`--articles=N`), each its own copy as a scan makes
 * them, then times, in turns over several rounds (`--runs=N`, default 3; the median is printed):
 * encoding and decoding the cache file (MessagePack records, `indexCache/format.ts`) beside Node's
 * `v8.serialize` of the same entries (the alternative the format's comment weighs), and adding the
 * decoded summaries to a workspace index (what a reopened server does before its first hover).
 * msgpackr's optional native string extractor is switched off (the npm script sets
 * MSGPACKR_NATIVE_ACCELERATION_DISABLED), as in the bundled server. Figures, not tests.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as v8 from 'v8';
import { finish } from '../server/src/core/stages';
import { createArticleService } from '../server/src/core/languageService';
import type { ArticleSummary } from '../server/src/core/workspaceIndex';
import { loadDefaultResources } from '../server/src/diskData';
import { decodeInSteps, encodeInSteps, type CacheEntry } from '../server/src/indexCache/format';
import { summaryCodec } from '../server/src/indexCache/summaryCodec';

const ROOT = path.resolve(__dirname, '..');
const POLNEAR = path.resolve(ROOT, '..', 'shared', 'data', 'polnear');
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ARTICLES = Number(arg('articles') ?? 10_000);
const RUNS = Number(arg('runs') ?? 3);
const MB = 1024 * 1024;

function main(): void {
  const files: string[] = [];
  for (const split of ['train', 'dev']) {
    const dir = path.join(POLNEAR, split, 'text');
    if (fs.existsSync(dir)) for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.txt')) files.push(path.join(dir, name));
  }
  if (files.length === 0) {
    console.error(`PolNeAR not found under ${POLNEAR}: the benchmark needs ../shared/data/polnear.`);
    process.exit(2);
  }
  const resources = loadDefaultResources();
  const service = createArticleService(resources);
  const summaries = files.map((file) => service.summarizeArticle(`file://${file}`, fs.readFileSync(file, 'utf8')));
  const entries: CacheEntry<ArticleSummary>[] = Array.from({ length: ARTICLES }, (_, i) => {
    const file = `/workspace/articles/${String(i).padStart(6, '0')}.txt`;
    return { path: file, size: 4000, mtimeMs: 1_700_000_000_000, hash: 'ab'.repeat(32), readAtMs: 1_700_000_100_000, deps: [], value: structuredClone({ ...summaries[i % summaries.length], uri: `file://${file}` }) };
  });
  const identity = { key: 'bench', folder: 'file:///workspace' };
  const values = summaryCodec((_value: unknown): _value is ArticleSummary => true);
  const times = new Map<string, number[]>();
  const time = <T>(what: string, fn: () => T): T => {
    const t0 = performance.now();
    const value = fn();
    (times.get(what) ?? times.set(what, []).get(what)!).push(performance.now() - t0);
    return value;
  };
  let cacheBytes = 0;
  let v8Bytes = 0;
  for (let r = 0; r < RUNS; r++) {
    const parts = time('cache file: encode (MessagePack records, chunked)', () => finish(encodeInSteps(identity, entries, values)));
    const file = Buffer.concat(parts);
    cacheBytes = file.length;
    const decoded = time('cache file: decode and check', () => finish(decodeInSteps(file, identity, values)));
    if (!('entries' in decoded)) throw new Error(`the cache did not decode: ${decoded.discarded}`);
    const serialized = time('v8.serialize of the same entries', () => v8.serialize(entries));
    v8Bytes = serialized.length;
    time('v8.deserialize', () => v8.deserialize(serialized));
    const index = createArticleService(resources);
    time(`add ${ARTICLES.toLocaleString('en')} decoded summaries to a workspace index`, () => {
      for (const entry of decoded.entries) index.addSummary(entry.value);
    });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
  console.log(`\nArticle Lens index cache benchmark — ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`${ARTICLES.toLocaleString('en')} summaries (of ${files.length} PolNeAR articles); cache file ${(cacheBytes / MB).toFixed(1)} MB, v8.serialize ${(v8Bytes / MB).toFixed(1)} MB; median of ${RUNS} runs\n`);
  for (const [what, values] of times) console.log(`  ${what.padEnd(60)} ${median(values).toFixed(0).padStart(6)} ms   (${values.map((v) => v.toFixed(0)).join(', ')})`);
}

main();
