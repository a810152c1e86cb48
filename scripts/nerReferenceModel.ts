/**
 * The tagger trained on eng.train alone: the reference model for measures on eng.testa. The shipped
 * model (`npm run train:ner`) is trained on eng.train and eng.testa, so a curve or score on testa
 * documents needs a model that never saw them (`bench:learning`; `npm run train:ner -- --train-only`
 * writes the same file where you ask).
 *
 * Built on first use with the shipped recipe's code and options minus testa (deterministic: the same
 * code and data give the same bytes), and cached under `node_modules/.cache/article-lens/`, keyed by a
 * hash of everything the training reads: eng.train, the tagger's data files (not `model.bin`), the
 * shared vocabulary, the feature and training code and the options. A change to any of them builds a
 * new file (about a minute alone, several on a shared machine); nothing else is ever reused.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { FEATURE_VERSION } from '../server/src/core/ner/features';
import { Gazetteers } from '../server/src/core/ner/gazetteer';
import { MODEL_FILE } from '../server/src/core/ner';
import { TaggerModel } from '../server/src/core/ner/model';
import { dataFolder, diskDataSource } from '../server/src/diskData';
import { CONLL_DIR, readConll, segmentDocuments } from './nerShared';
import { DEFAULT_TRAINING, sawTesta, trainingDataName, trainModel } from './nerTraining';

/** The repository root, from `scripts/` (tsx) and `dist/` (the benchmark bundles) alike. */
const ROOT = path.resolve(__dirname, '..');

/** The data folders the training reads, under the data folder it reads them from: taken whole (sorted), except {@link NOT_INPUTS}. */
const DATA_INPUTS = ['ner', 'vocabulary'];

/** The code the training runs, relative to {@link ROOT} (a benchmark bundle is built from these files just before it runs). */
const CODE_INPUTS = [
  'server/src/core/ner/features.ts',
  'server/src/core/ner/gazetteer.ts',
  'server/src/core/ner/clusters.ts',
  'server/src/core/ner/hash.ts',
  'server/src/core/ner/model.ts',
  'server/src/core/tokenize.ts',
  'server/src/core/random.ts',
  // The gazetteers read the title words from the vocabulary and every list through the data source's comment stripping.
  'server/src/core/vocabulary.ts',
  'server/src/core/dataSource.ts',
  'scripts/nerTraining.ts',
  'scripts/nerShared.ts',
];

/** Files of the data folder that are outputs or prose, not training inputs. */
const NOT_INPUTS = new Set([path.basename(MODEL_FILE), 'README.md']);

/** A train-only model file and where it is cached. */
export interface ReferenceModel {
  readonly file: Buffer;
  readonly path: string;
  /** True when this call trained it (no cached file matched the inputs). */
  readonly built: boolean;
}

/** Hash of everything {@link trainOnlyModel}'s training reads. */
function inputsHash(trainFile: string): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ recipe: 'eng.train only', options: DEFAULT_TRAINING, featureVersion: FEATURE_VERSION }));
  const add = (file: string) => {
    hash.update(`\0${path.basename(path.dirname(file))}/${path.basename(file)}\0`);
    hash.update(fs.readFileSync(file));
  };
  add(trainFile);
  for (const folder of DATA_INPUTS) {
    const full = path.join(dataFolder(), folder);
    for (const name of fs.readdirSync(full).sort()) if (!NOT_INPUTS.has(name)) add(path.join(full, name));
  }
  for (const file of CODE_INPUTS) add(path.join(ROOT, file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The tagger trained on eng.train only (the shipped recipe without eng.testa), from the cache or
 * trained now. `log` hears where it comes from and, when training, the training's progress.
 */
export function trainOnlyModel(log: (line: string) => void = (line) => console.log(line)): ReferenceModel {
  const trainFile = path.join(CONLL_DIR, 'eng.train');
  const cached = path.join(ROOT, 'node_modules', '.cache', 'article-lens', `ner-train-only-${inputsHash(trainFile)}.bin`);
  if (fs.existsSync(cached)) return { file: fs.readFileSync(cached), path: cached, built: false };
  log(`training the eng.train-only reference model (npm run train:ner's recipe without eng.testa) into ${cached} …`);
  const started = Date.now();
  const { file } = trainModel(segmentDocuments(readConll(trainFile)), Gazetteers.load(diskDataSource()), DEFAULT_TRAINING, trainingDataName(false), (line) => log(`  ${line}`));
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  // Written whole under another name first: an interrupted run never leaves a truncated model behind.
  const partial = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(partial, file);
  fs.renameSync(partial, cached);
  log(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { file, path: cached, built: true };
}

/**
 * The model a measure on eng.testa documents uses (`bench:learning`): the file given (`--model`), or
 * else the {@link trainOnlyModel}. Says on `log` which model it is, and warns when a given file's
 * header says it was trained on eng.testa (the shipped model is): its figures would be of seen documents.
 */
export function modelForTestaMeasures(given: string | undefined, log: (line: string) => void = (line) => console.log(line)): Buffer {
  if (given === undefined) {
    const reference = trainOnlyModel(log);
    log(`model: the eng.train-only reference model, ${reference.built ? 'built now' : 'cached'} (${reference.path}); --model FILE for another`);
    return reference.file;
  }
  const file = fs.readFileSync(path.resolve(given));
  log(`model: ${path.resolve(given)} (--model)`);
  if (sawTesta(TaggerModel.decode(file).header)) {
    log('NOTE: this model was trained on eng.testa too (the shipped recipe): it has seen the documents corrected and scored here;');
    log('      leave out --model for the eng.train-only reference model.');
  }
  return file;
}
