/**
 * Trains the Article Lens named-entity tagger and writes `server/data/ner/model.bin`; or
 * cross-validates it over eng.train.
 *
 *   npm run train:ner                           # train on eng.train + eng.testa, write the shipped model (about two minutes)
 *   npm run train:ner -- --cv 5                 # 5-fold CV over eng.train, testa added to every training fold, epochs 1…--epochs (no model written)
 *   npm run train:ner -- --ablate               # cross-validated contribution of each feature group and name list
 *   npm run train:ner -- --epochs 10 --runs 4 --scheme BIO --prune 0.5 --seed 20260422 --out /tmp/model.bin
 *   npm run train:ner -- --cv 5 --off topic,clusters   # feature groups switched off (names of FeatureGroups in features.ts)
 *   npm run train:ner -- --cv 5 --without cities.txt,people.txt   # name lists (or cluster files) left out of the CV
 *   npm run train:ner -- --cv 5 --embeddings /tmp/embedding-clusters.tsv   # other embedding clusters than the committed ones
 *   npm run train:ner -- --train-only --out /tmp/model.bin   # eng.train alone: testa stays a held-out look, printed at the end
 *   npm run train:ner -- --train-only --hold-out 450-663 --out /tmp/foldB.bin   # without eng.train documents 450–662, written to /tmp/foldB.conll
 *
 * `--hold-out FROM-TO` leaves eng.train's pseudo-documents FROM … TO − 1 out of the training and writes them
 * as CoNLL beside the model (`--out` with `.conll`, required: the shipped model is never a fold): the held-out
 * folds on which `bench:learning --model FOLD.bin --documents FOLD.conll --curve a` simulates corrections.
 *
 * The shipped recipe trains on eng.train and eng.testa: cross-validation showed a quarter more labelled
 * news to be worth +0.50 ± 0.15 F1 and +0.99 ± 0.41 ORG (server/data/ner/README.md, round 4), more than
 * any feature tried. testa is then no final look: the recipe is measured by cross-validation over
 * eng.train with testa added to every training fold, and `--train-only` gives the model whose testa
 * score is the held-out reference (also what `bench:learning` measures, scripts/nerReferenceModel.ts).
 *
 * Steps of a training: (1) regenerate `lowercase-words.txt` from PolNeAR text statistics (skipped when
 * PolNeAR is absent); (2) extract features for eng.train (and eng.testa); (3) train `--runs` averaged perceptrons that
 * differ only in their shuffling seed for `--epochs` epochs (a number picked by cross-validation on
 * eng.train, never on testa) and average them (scripts/nerTraining.ts); (4) prune, quantise and write
 * `server/data/ner/model.bin`; (5) with `--train-only`, reload the written file and print testa P/R/F1
 * through the run-time recogniser: a final look, not a tuning signal.
 *
 * The word clusters (`clusters.tsv`) are an input: `npm run train:clusters` makes them; so are the
 * embedding clusters (`embedding-clusters.tsv`, `npm run train:embedding-clusters`).
 *
 * Cross-validation holds out contiguous blocks of pseudo-documents (the files have no -DOCSTART-
 * lines; documents are recovered from datelines, see nerShared.ts). Nothing from the data is written
 * except learned weights and the word list of step 1. The run is deterministic: the same code and
 * data give the same model file byte for byte.
 *
 * Pruning: features whose largest averaged weight (absolute) is below `--prune` are dropped, then
 * weights are quantised to 16 bits (format in model.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { FeatureGroups } from '../server/src/core/ner/features';
import { EMBEDDING_CLUSTER_FILE, GAZETTEER_FILES, Gazetteers } from '../server/src/core/ner/gazetteer';
import { WordClusters } from '../server/src/core/ner/clusters';
import { loadVocabulary } from '../server/src/core/vocabulary';
import { diskDataSource } from '../server/src/diskData';
import { writeLowercaseLexicon } from './lowercaseLexicon';
import { CONLL_DIR, SHARED_DATA, documentText, readConll, segmentDocuments, type ConllSentence } from './nerShared';
import { crossValidate, DEFAULT_TRAINING, formatFolds, meanSd, scoreRecognizer, trainingDataName, trainModel, type TrainingOptions } from './nerTraining';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Options extends Mutable<TrainingOptions> {
  out: string;
  cv: number;
  ablate: boolean;
  /** An embedding-clusters file to use instead of the committed one (to pick its settings by cross-validation). */
  embeddings?: string;
  /** Name lists or cluster files left out (`--without a.txt,b.txt`), for a cross-validated comparison. */
  without?: string[];
  /**
   * Train on eng.testa as well as eng.train (the shipped recipe; `--train-only` turns it off): a
   * quarter more labelled news, at the price of testa as a final look. With `--cv`/`--ablate`, testa
   * is added to every training fold and only eng.train folds are scored.
   */
  withTesta: boolean;
  /** eng.train pseudo-documents [from, to) left out of the training and written as CoNLL beside `out`. */
  holdOut?: { from: number; to: number };
}

function parseArgs(): Options {
  const opts: Options = { ...DEFAULT_TRAINING, cv: 0, ablate: false, withTesta: true, out: path.resolve(__dirname, '..', 'server', 'data', 'ner', 'model.bin') };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--epochs': opts.epochs = Number(value); i++; break;
      case '--scheme': opts.scheme = value === 'BILOU' ? 'BILOU' : 'BIO'; i++; break;
      case '--prune': opts.prune = Number(value); i++; break;
      case '--seed': opts.seed = Number(value); i++; break;
      case '--runs': opts.runs = Number(value); i++; break;
      case '--out': opts.out = path.resolve(value); i++; break;
      case '--cv': opts.cv = Number(value); i++; break;
      case '--ablate': opts.ablate = true; break;
      case '--train-only': opts.withTesta = false; break;
      case '--embeddings': opts.embeddings = path.resolve(value); i++; break;
      case '--without': opts.without = value.split(','); i++; break;
      case '--off': opts.groups = Object.fromEntries(value.split(',').map((group) => [group, false])); i++; break;
      case '--hold-out': {
        const [from, to] = value.split('-').map(Number);
        if (!(from >= 0 && to > from)) throw new Error(`--hold-out FROM-TO: documents FROM … TO − 1 of eng.train, e.g. 450-663 (got ${value})`);
        opts.holdOut = { from, to };
        i++;
        break;
      }
      default: throw new Error(`Unknown argument ${argv[i]}`);
    }
  }
  if (opts.holdOut && !argv.includes('--out')) throw new Error('--hold-out needs --out: a model trained without some documents is never the shipped one');
  return opts;
}

const pct = (x: number) => (100 * x).toFixed(2);

/** The name lists and clusters, with the embedding clusters of `--embeddings` when given. */
function loadGazetteers(opts: Options, without?: readonly string[]): Gazetteers {
  const gazetteers = Gazetteers.load(diskDataSource(), { without });
  if (opts.embeddings && !without?.includes(EMBEDDING_CLUSTER_FILE)) gazetteers.embeddings = WordClusters.parse(fs.readFileSync(opts.embeddings, 'utf8'));
  return gazetteers;
}

/** What every training fold adds to its eng.train folds: eng.testa in the shipped recipe, nothing with `--train-only`. */
interface Folds {
  readonly train: ConllSentence[][];
  readonly alwaysTrain: ConllSentence[][];
}

const foldsTitle = (folds: Folds, k: number) =>
  `${k}-fold cross-validation over eng.train (${folds.train.length} pseudo-documents)${folds.alwaysTrain.length ? `, eng.testa (${folds.alwaysTrain.length}) added to every training fold` : ', eng.train only'}`;

/** Cross-validation at every epoch up to `--epochs`: the learning curve that picks the number of epochs. */
function crossValidateEpochs(folds: Folds, opts: Options): void {
  const gazetteers = loadGazetteers(opts, opts.without);
  const epochs = Array.from({ length: opts.epochs }, (_, i) => i + 1);
  const results = crossValidate(folds.train, gazetteers, loadVocabulary(diskDataSource()), opts, opts.cv, epochs, (line) => console.log(line), {}, folds.alwaysTrain);
  console.log(`\n${foldsTitle(folds, opts.cv)}, PER/ORG/LOC F1 by epoch, mean ± sd over folds:`);
  for (const epoch of epochs) {
    const at = results.filter((r) => r.epoch === epoch);
    const rec = meanSd(at.map((r) => r.recognizer.prf().f1));
    const tok = meanSd(at.map((r) => r.tokens.prf().f1));
    console.log(`  epoch ${String(epoch).padStart(2)}: recogniser ${pct(rec.mean)} ± ${pct(rec.sd)}   tagger alone ${pct(tok.mean)} ± ${pct(tok.sd)}`);
  }
  const last = results.filter((r) => r.epoch === opts.epochs);
  console.log(`\n${formatFolds(`epoch ${opts.epochs}, through the recogniser (quantised, pruned, post-processed):`, last.map((r) => r.recognizer))}`);
  console.log(formatFolds(`epoch ${opts.epochs}, tagger alone:`, last.map((r) => r.tokens)));
  console.log(formatFolds(`epoch ${opts.epochs}, through the recogniser, unseen names only (no word in the training folds):`, last.map((r) => r.unseen)));
}

/**
 * Cross-validated contribution of each feature group, name list and the document-consistency pass:
 * each variant is trained and scored on the same folds with one part left out.
 */
function ablate(folds: Folds, opts: Options): void {
  const variants: { name: string; groups?: Partial<FeatureGroups>; without?: string[]; consistency?: boolean }[] = [
    { name: 'all features (as shipped)' },
    { name: 'without word clusters', groups: { clusters: false } },
    { name: 'without embedding clusters', groups: { embeddings: false } },
    { name: 'without name lists (all of them)', groups: { lists: false } },
    { name: 'without document evidence features', groups: { document: false } },
    { name: 'without role-word features', groups: { roles: false } },
    { name: 'without the topic line', groups: { topic: false } },
    ...GAZETTEER_FILES.map((file) => ({ name: `without ${file}`, without: [file] })),
    { name: 'without document consistency (post-processing)', consistency: false },
  ];
  const rows: string[] = [];
  let base: number[] | undefined;
  for (const v of variants) {
    const gazetteers = loadGazetteers(opts, v.without);
    const t0 = Date.now();
    const log = (line: string) => console.log(`${line} (${v.name})`);
    const results = crossValidate(folds.train, gazetteers, loadVocabulary(diskDataSource()), { ...opts, groups: v.groups }, opts.cv, [opts.epochs], log, {
      documentConsistency: v.consistency,
    }, folds.alwaysTrain).map((r) => r.recognizer);
    const f1 = results.map((s) => s.prf().f1);
    const org = results.map((s) => s.prf('ORG').f1);
    base ??= f1;
    const delta = meanSd(f1.map((x, i) => x - base![i]));
    const row = `  ${v.name.padEnd(50)} F1 ${pct(meanSd(f1).mean)} ± ${pct(meanSd(f1).sd)}  ORG ${pct(meanSd(org).mean)}  Δ ${delta.mean >= 0 ? '+' : ''}${pct(delta.mean)} ± ${pct(delta.sd)} (paired over folds)  ${((Date.now() - t0) / 1000).toFixed(0)} s`;
    console.log(row);
    rows.push(row);
  }
  console.log(`\nAblation, ${foldsTitle(folds, opts.cv)}, ${opts.epochs} epochs, PER/ORG/LOC through the recogniser:\n${rows.join('\n')}`);
}

/** Writes held-out documents as CoNLL (word, two unused columns, tag; a blank line after each sentence). */
function writeHeldOut(docs: readonly (readonly ConllSentence[])[], file: string): void {
  const sentences = docs.flat().map((s) => s.words.map((w, i) => `${w} X X ${s.tags[i]}`).join('\n'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, sentences.join('\n\n') + '\n');
  console.log(`held out: ${docs.length} eng.train pseudo-documents, ${sentences.length} sentences -> ${file}`);
}

function main(): void {
  const opts = parseArgs();
  const t0 = Date.now();
  const train = readConll(path.join(CONLL_DIR, 'eng.train'));
  const allTrainDocs = segmentDocuments(train);
  const trainDocs = opts.holdOut ? [...allTrainDocs.slice(0, opts.holdOut.from), ...allTrainDocs.slice(opts.holdOut.to)] : allTrainDocs;
  if (opts.holdOut) writeHeldOut(allTrainDocs.slice(opts.holdOut.from, opts.holdOut.to), opts.out.replace(/(\.bin)?$/, '.conll'));
  const dev = readConll(path.join(CONLL_DIR, 'eng.testa'));
  const devDocs = segmentDocuments(dev);
  const folds: Folds = { train: trainDocs, alwaysTrain: opts.withTesta ? devDocs : [] };
  if (opts.ablate) {
    opts.cv ||= 5;
    ablate(folds, opts);
    return;
  }
  if (opts.cv > 0) {
    crossValidateEpochs(folds, opts);
    console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return;
  }
  // A fold model reads the committed word list, as the shipped model does (regenerating it would change that file).
  if (!opts.holdOut) writeLowercaseLexicon();
  console.log(`train: ${trainDocs.reduce((n, d) => n + d.length, 0)} sentences, ${trainDocs.length} pseudo-documents; testa: ${dev.length} sentences, ${devDocs.length} pseudo-documents${opts.withTesta ? ' (trained on)' : ' (held out)'}`);
  const gazetteers = loadGazetteers(opts);
  const vocabulary = loadVocabulary(diskDataSource());
  const { file, kept, features } = trainModel(
    opts.withTesta ? [...trainDocs, ...devDocs] : trainDocs,
    gazetteers,
    opts,
    trainingDataName(opts.withTesta),
    (line) => console.log(line),
    opts.embeddings ? path.basename(opts.embeddings) : EMBEDDING_CLUSTER_FILE,
  );
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, file);
  console.log(`kept ${kept} of ${features} features; wrote ${opts.out} (${(file.length / 1024 / 1024).toFixed(2)} MB)`);
  if (opts.withTesta) {
    console.log('testa was training data: no final look here (the recipe is measured by --cv; --train-only gives the held-out testa reference)');
    console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return;
  }
  // A final look at testa through the run-time path (quantised weights, post-processing).
  const devTexts = devDocs.map((d) => documentText(d));
  console.log(scoreRecognizer(file, gazetteers, vocabulary, devTexts, { documentConsistency: false }).format('testa, saved model, no document consistency:'));
  console.log(scoreRecognizer(file, gazetteers, vocabulary, devTexts).format('testa, saved model, with document consistency:'));
  console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
