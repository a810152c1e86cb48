/**
 * Training of the entity tagger, shared by `npm run train:ner` (scripts/trainNer.ts) and the
 * cross-validation of `npm run bench:ner -- --cv` (scripts/benchNer.ts).
 *
 * Model: averaged structured perceptron (Collins 2002) over hashed features
 * (`server/src/core/ner/features.ts`), first-order transitions, Viterbi restricted to valid tag
 * sequences. Several runs that differ only in their sentence order are trained side by side and
 * their averaged weights averaged again: still one linear model, with less of one run's variance.
 *
 * The update step ({@link AveragedPerceptron.learn}) works on one sentence given as feature rows and
 * gold tags, so it can be reused for learning from a user's corrections (issue 13): what that needs
 * from the model file is noted in server/data/ner/README.md.
 */
import { DocumentFeatures, FEATURE_VERSION, FeatureBuffer, type FeatureGroups } from '../server/src/core/ner/features';
import { CLUSTER_FILE, EMBEDDING_CLUSTER_FILE, type Gazetteers } from '../server/src/core/ner/gazetteer';
import { encodeModel, transitionConstraints, viterbi, TaggerModel, type TagConstraints } from '../server/src/core/ner/model';
import { NerRecognizer } from '../server/src/core/ner/recognizer';
import { SequenceTagger } from '../server/src/core/ner/tagger';
import type { Vocabulary } from '../server/src/core/vocabulary';
import { convertTags, documentText, mentionSpans, SpanScore, tagSpans, type ConllSentence, type DocumentText, type TypedSpan } from './nerShared';
import { seededRandom } from '../server/src/core/random';

/**
 * Training choices. Defaults are what `npm run train:ner` uses. Epochs: 5-fold cross-validation
 * (`npm run train:ner -- --cv 5 --epochs 15`) is flat from 8 epochs on (90.91–90.97 F1); 9 is the
 * fewest within 0.05 of the best, and fewer epochs leave fewer features worth keeping.
 */
export interface TrainingOptions {
  readonly epochs: number;
  readonly scheme: 'BIO' | 'BILOU';
  /** Features whose largest averaged weight (absolute) is below this are dropped from the file. */
  readonly prune: number;
  readonly seed: number;
  readonly runs: number;
  /** Feature groups switched off, for ablations (all on by default, as at run time). */
  readonly groups?: Partial<FeatureGroups>;
}

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 9, scheme: 'BIO', prune: 0.5, seed: 20260422, runs: 4 };

/** The entity types; MISC is trained (it keeps `Russian` out of the others) but not output. */
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

export function tagNames(scheme: 'BIO' | 'BILOU'): string[] {
  const prefixes = scheme === 'BILOU' ? ['B', 'I', 'L', 'U'] : ['B', 'I'];
  return ['O', ...TYPES.flatMap((t) => prefixes.map((p) => `${p}-${t}`))];
}

/** A growable Int32Array. */
class IntList {
  data = new Int32Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Documents as feature-row ids: token t's features are `rows[tokenStart[t]..tokenStart[t+1])`,
 * sentence s's tokens `sentStart[s]..sentStart[s+1]`, document d's sentences `docStart[d]..docStart[d+1]`.
 * `keys[r]` is the feature hash of row r.
 */
export interface EncodedCorpus {
  readonly rows: Int32Array;
  readonly tokenStart: Int32Array;
  readonly sentStart: Int32Array;
  readonly docStart: Int32Array;
  readonly gold: Int32Array;
  readonly sentences: readonly ConllSentence[];
  readonly keys: Int32Array;
  readonly tags: readonly string[];
}

/** Extracts the features of every document (full layout, as the decoder's reference sees them). */
export function encodeCorpus(docs: readonly (readonly ConllSentence[])[], gazetteers: Gazetteers, options: TrainingOptions): EncodedCorpus {
  const features = new DocumentFeatures(gazetteers, options.groups);
  const tags = tagNames(options.scheme);
  const tagIndex = new Map(tags.map((t, i) => [t, i] as [string, number]));
  const rowOf = new Map<number, number>();
  const keys = new IntList();
  const buffer = new FeatureBuffer();
  const rows = new IntList();
  const tokenStart = new IntList();
  const sentStart = new IntList();
  const docStart = new IntList();
  const gold = new IntList();
  const sentences: ConllSentence[] = [];
  for (const doc of docs) {
    docStart.push(sentences.length);
    features.prepare(doc.map((s) => s.words));
    doc.forEach((sentence, s) => {
      sentStart.push(tokenStart.length);
      sentences.push(sentence);
      features.extract(s, buffer);
      const converted = convertTags(sentence.tags, options.scheme);
      for (let i = 0; i < sentence.words.length; i++) {
        tokenStart.push(rows.length);
        gold.push(tagIndex.get(converted[i])!);
        for (let k = buffer.offsets[i]; k < buffer.offsets[i + 1]; k++) {
          const h = buffer.feats[k];
          let r = rowOf.get(h);
          if (r === undefined) {
            r = keys.length;
            rowOf.set(h, r);
            keys.push(h);
          }
          rows.push(r);
        }
      }
    });
  }
  docStart.push(sentences.length);
  sentStart.push(tokenStart.length);
  tokenStart.push(rows.length);
  return {
    rows: rows.done(), tokenStart: tokenStart.done(), sentStart: sentStart.done(), docStart: docStart.done(),
    gold: gold.done(), sentences, keys: keys.done(), tags,
  };
}

/** Linear weights: `weights[row * T + tag]` and `(T + 1) × T` transitions (last row: start). */
export interface Weights {
  readonly weights: Float32Array;
  readonly transitions: Float32Array;
}

/** Viterbi over one encoded sentence with float weights (the trainer's decoder). */
export class SentenceDecoder {
  private em: Float32Array;
  private score: Float32Array;
  private back: Int32Array;
  readonly pred: Int32Array;
  private readonly constraints: TagConstraints;

  constructor(private readonly corpus: EncodedCorpus) {
    const T = corpus.tags.length;
    let maxLen = 1;
    for (let s = 0; s + 1 < corpus.sentStart.length; s++) maxLen = Math.max(maxLen, corpus.sentStart[s + 1] - corpus.sentStart[s]);
    this.em = new Float32Array(maxLen * T);
    this.score = new Float32Array(maxLen * T);
    this.back = new Int32Array(maxLen * T);
    this.pred = new Int32Array(maxLen);
    this.constraints = transitionConstraints(corpus.tags);
  }

  /** Decodes sentence `s` into {@link pred}; returns its length. */
  decode(s: number, w: Weights): number {
    const { rows, tokenStart, sentStart } = this.corpus;
    const T = this.corpus.tags.length;
    const first = sentStart[s];
    const n = sentStart[s + 1] - first;
    const em = this.em;
    em.fill(0, 0, n * T);
    for (let i = 0; i < n; i++) {
      const base = i * T;
      for (let k = tokenStart[first + i], end = tokenStart[first + i + 1]; k < end; k++) {
        const wb = rows[k] * T;
        for (let t = 0; t < T; t++) em[base + t] += w.weights[wb + t];
      }
    }
    viterbi(em, w.transitions, this.constraints, n, T, this.score, this.back, this.pred);
    return n;
  }
}

/**
 * One averaged structured perceptron. {@link learn} is the whole update step: decode, compare with
 * the gold tags, move the weights of the features of wrong tokens and the wrong transitions.
 */
export class AveragedPerceptron {
  readonly w: Float32Array;
  /** Sum of c · update, so the average is w − u / c (the averaging trick of Daumé's thesis). */
  private readonly u: Float64Array;
  readonly tw: Float32Array;
  private readonly tu: Float64Array;
  private c = 1;

  constructor(
    private readonly corpus: EncodedCorpus,
    private readonly decoder: SentenceDecoder,
  ) {
    const T = corpus.tags.length;
    this.w = new Float32Array(corpus.keys.length * T);
    this.u = new Float64Array(corpus.keys.length * T);
    this.tw = new Float32Array((T + 1) * T);
    this.tu = new Float64Array((T + 1) * T);
  }

  /** One training step on sentence `s`; returns true when it was tagged wrong (and the weights moved). */
  learn(s: number): boolean {
    const { rows, tokenStart, sentStart, gold } = this.corpus;
    const T = this.corpus.tags.length;
    const n = this.decoder.decode(s, { weights: this.w, transitions: this.tw });
    const pred = this.decoder.pred;
    const first = sentStart[s];
    let wrong = false;
    for (let i = 0; i < n; i++) if (pred[i] !== gold[first + i]) wrong = true;
    if (wrong) {
      const c = this.c;
      for (let i = 0; i < n; i++) {
        const g = gold[first + i];
        const p = pred[i];
        const gPrev = i === 0 ? T : gold[first + i - 1];
        const pPrev = i === 0 ? T : pred[i - 1];
        if (g !== p) {
          for (let k = tokenStart[first + i], end = tokenStart[first + i + 1]; k < end; k++) {
            const r = rows[k] * T;
            this.w[r + g] += 1;
            this.u[r + g] += c;
            this.w[r + p] -= 1;
            this.u[r + p] -= c;
          }
        }
        if (g !== p || gPrev !== pPrev) {
          this.tw[gPrev * T + g] += 1;
          this.tu[gPrev * T + g] += c;
          this.tw[pPrev * T + p] -= 1;
          this.tu[pPrev * T + p] -= c;
        }
      }
    }
    this.c++;
    return wrong;
  }

  /** Adds `share` × the averaged weights to `into`. */
  addAveraged(into: Weights, share: number): void {
    const c = this.c;
    for (let i = 0; i < this.w.length; i++) into.weights[i] += share * (this.w[i] - this.u[i] / c);
    for (let i = 0; i < this.tw.length; i++) into.transitions[i] += share * (this.tw[i] - this.tu[i] / c);
  }
}

/**
 * Trains `options.runs` perceptrons on the given sentences for `options.epochs` epochs, side by side,
 * and after each epoch hands the average of their averaged weights to `onEpoch` (for learning
 * curves). Returns the weights after the last epoch.
 */
export function trainPerceptron(
  corpus: EncodedCorpus,
  sentences: readonly number[],
  options: TrainingOptions,
  onEpoch?: (epoch: number, weights: Weights, errors: number) => void,
): Weights {
  const decoder = new SentenceDecoder(corpus);
  const T = corpus.tags.length;
  const runs = Array.from({ length: options.runs }, (_, r) => ({
    perceptron: new AveragedPerceptron(corpus, decoder),
    random: seededRandom(options.seed + r),
    order: sentences.slice(),
  }));
  let result: Weights = { weights: new Float32Array(0), transitions: new Float32Array(0) };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    let errors = 0;
    for (const run of runs) {
      const order = run.order;
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(run.random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const s of order) if (run.perceptron.learn(s)) errors++;
    }
    result = { weights: new Float32Array(corpus.keys.length * T), transitions: new Float32Array((T + 1) * T) };
    for (const run of runs) run.perceptron.addAveraged(result, 1 / runs.length);
    onEpoch?.(epoch, result, errors / runs.length);
  }
  return result;
}

/** Token-level span score (no post-processing) of sentences under float weights. */
export function scoreSentences(corpus: EncodedCorpus, sentences: Iterable<number>, w: Weights, decoder = new SentenceDecoder(corpus)): SpanScore {
  const score = new SpanScore();
  for (const s of sentences) {
    const n = decoder.decode(s, w);
    const predicted: string[] = [];
    for (let i = 0; i < n; i++) predicted.push(corpus.tags[decoder.pred[i]]);
    score.add(tagSpans(convertTags(corpus.sentences[s].tags, 'BIO')), tagSpans(predicted));
  }
  return score;
}

/** Prunes, quantises and serialises weights into a model file (format in model.ts). */
export function modelFile(corpus: EncodedCorpus, w: Weights, options: TrainingOptions, training: Record<string, unknown>): { file: Buffer; kept: number } {
  const T = corpus.tags.length;
  const keep: number[] = [];
  for (let r = 0; r < corpus.keys.length; r++) {
    let m = 0;
    for (let t = 0; t < T; t++) m = Math.max(m, Math.abs(w.weights[r * T + t]));
    if (m >= options.prune) keep.push(r);
  }
  const keys = new Int32Array(keep.length);
  const weights = new Float32Array(keep.length * T);
  keep.forEach((r, i) => {
    keys[i] = corpus.keys[r];
    weights.set(w.weights.subarray(r * T, r * T + T), i * T);
  });
  const file = encodeModel({ header: { tags: corpus.tags, featureVersion: FEATURE_VERSION, training }, keys, weights, transitions: w.transitions });
  return { file, kept: keep.length };
}

/**
 * The training data as a model file's header names it. `bench:ner` and `bench:learning` read it to tell
 * whether a model saw eng.testa; the train-only wording is the one models before the testa recipe carry.
 */
export function trainingDataName(withTesta: boolean): string {
  return `CoNLL-2003 eng.train${withTesta ? ' and eng.testa' : ''}; epochs chosen by 5-fold cross-validation on eng.train`;
}

/** True when a model file's header says it was trained on eng.testa. */
export function sawTesta(header: { readonly training: Record<string, unknown> }): boolean {
  return String(header.training.data ?? '').includes('eng.testa');
}

/** A model file trained by {@link trainModel}. */
export interface TrainedModel {
  readonly file: Buffer;
  /** Features kept after pruning, of {@link features} seen in training. */
  readonly kept: number;
  readonly features: number;
}

/**
 * The whole training of a model file (`npm run train:ner`'s steps 2–4): features of `docs`, `options.runs`
 * perceptrons for `options.epochs` epochs, pruned and quantised. `data` names the training data in the
 * file's header (`bench:ner` and `bench:learning` read it to tell whether testa was seen). Deterministic.
 */
export function trainModel(
  docs: readonly (readonly ConllSentence[])[],
  gazetteers: Gazetteers,
  options: TrainingOptions,
  data: string,
  log: (line: string) => void = () => {},
  embeddingClusters = EMBEDDING_CLUSTER_FILE,
): TrainedModel {
  const t0 = Date.now();
  const corpus = encodeCorpus(docs, gazetteers, options);
  log(`features: ${corpus.keys.length} distinct, ${corpus.rows.length} occurrences; encoded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const all = Array.from({ length: corpus.sentences.length }, (_, s) => s);
  const weights = trainPerceptron(corpus, all, options, (epoch, _w, errors) => log(`epoch ${epoch}: ${errors} sentences wrong per run`));
  const { file, kept } = modelFile(corpus, weights, options, {
    algorithm: 'averaged structured perceptron, first-order Viterbi',
    data,
    epochs: options.epochs,
    scheme: options.scheme,
    seed: options.seed,
    runs: options.runs,
    prune: options.prune,
    featuresBeforePruning: corpus.keys.length,
    clusters: CLUSTER_FILE,
    clusterWords: gazetteers.clusters.size,
    clustersChecksum: gazetteers.clusters.checksum,
    embeddingClusters,
    embeddingClusterWords: gazetteers.embeddings.size,
    embeddingClustersChecksum: gazetteers.embeddings.checksum,
  });
  return { file, kept, features: corpus.keys.length };
}

/** Scores a model file through the run-time recogniser (quantised weights, post-processing) on documents. */
export function scoreRecognizer(
  file: Buffer,
  gazetteers: Gazetteers,
  vocabulary: Vocabulary,
  docs: readonly DocumentText[],
  options: { documentConsistency?: boolean; groups?: Partial<FeatureGroups> } = {},
  /** Also scores, into `unseen.score`, only the mentions (gold and found) none of whose words is in `unseen.known`. */
  unseen?: { readonly known: ReadonlySet<string>; readonly score: SpanScore },
): SpanScore {
  const recognizer = new NerRecognizer(new SequenceTagger(TaggerModel.decode(file), gazetteers, options.groups), vocabulary, { documentConsistency: options.documentConsistency });
  const score = new SpanScore();
  for (const d of docs) {
    const found = mentionSpans(recognizer.recognize(d.text, d.sentences));
    score.add(d.gold, found);
    if (!unseen) continue;
    const isUnseen = (span: TypedSpan) => d.text.slice(span.start, span.end).split(/\s+/).every((w) => !unseen.known.has(w.toLowerCase()));
    unseen.score.add(d.gold.filter(isUnseen), found.filter(isUnseen));
  }
  return score;
}

/** Figures of one fold at one epoch. */
export interface FoldResult {
  readonly fold: number;
  readonly epoch: number;
  /** Through the recogniser (post-processing on), quantised and pruned as shipped. */
  readonly recognizer: SpanScore;
  /**
   * As {@link recognizer}, only the mentions none of whose words (lower-cased) occurs in the training
   * folds: names the model never saw, which a later test set (CoNLL test B) has more of.
   */
  readonly unseen: SpanScore;
  /** Tagger alone, float weights, no post-processing. */
  readonly tokens: SpanScore;
}

/**
 * k-fold cross-validation over documents: fold f holds out the f-th contiguous block of documents
 * (Reuters files run in date order, so a block is later or earlier news than the rest, as a test
 * set is), trains on the others, and scores the held-out block after each epoch in `epochs`.
 * `alwaysTrain` documents (eng.testa for the shipped recipe, `npm run train:ner`) are added to
 * every fold's training data and never scored: the folds measure that recipe on news it did not see.
 */
export function crossValidate(
  docs: readonly (readonly ConllSentence[])[],
  gazetteers: Gazetteers,
  vocabulary: Vocabulary,
  options: TrainingOptions,
  folds: number,
  epochs: readonly number[],
  log: (line: string) => void = () => {},
  recognizer: { documentConsistency?: boolean } = {},
  alwaysTrain: readonly (readonly ConllSentence[])[] = [],
): FoldResult[] {
  const all = [...docs, ...alwaysTrain];
  const corpus = encodeCorpus(all, gazetteers, options);
  const texts = docs.map((d) => documentText(d));
  const results: FoldResult[] = [];
  const maxEpoch = Math.max(...epochs);
  for (let f = 0; f < folds; f++) {
    const from = Math.floor((f * docs.length) / folds);
    const to = Math.floor(((f + 1) * docs.length) / folds);
    const train: number[] = [];
    const held: number[] = [];
    const isHeld = (d: number) => d >= from && d < to;
    for (let d = 0; d < all.length; d++) {
      for (let s = corpus.docStart[d]; s < corpus.docStart[d + 1]; s++) (isHeld(d) ? held : train).push(s);
    }
    const heldTexts = texts.slice(from, to);
    const known = new Set<string>();
    for (let d = 0; d < all.length; d++) if (!isHeld(d)) for (const sentence of all[d]) for (const w of sentence.words) known.add(w.toLowerCase());
    const t0 = Date.now();
    trainPerceptron(corpus, train, { ...options, epochs: maxEpoch }, (epoch, w) => {
      if (!epochs.includes(epoch)) return;
      const { file } = modelFile(corpus, w, options, {});
      const unseen = new SpanScore();
      const result: FoldResult = {
        fold: f,
        epoch,
        recognizer: scoreRecognizer(file, gazetteers, vocabulary, heldTexts, { ...recognizer, groups: options.groups }, { known, score: unseen }),
        unseen,
        tokens: scoreSentences(corpus, held, w),
      };
      results.push(result);
      log(`  fold ${f + 1}/${folds}, epoch ${epoch}: F1 ${(100 * result.recognizer.prf().f1).toFixed(2)} (tagger alone ${(100 * result.tokens.prf().f1).toFixed(2)}) ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    });
  }
  return results;
}

/** Mean and sample standard deviation. */
export function meanSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd };
}

/** A table of per-class F1 (and P, R overall) over folds: mean ± sd, and each fold's figure. */
export function formatFolds(label: string, scores: readonly SpanScore[]): string {
  const pct = (x: number) => (100 * x).toFixed(2);
  const lines = [label];
  for (const type of ['PER', 'ORG', 'LOC', undefined]) {
    const f1 = scores.map((s) => s.prf(type).f1);
    const p = scores.map((s) => s.prf(type).p);
    const r = scores.map((s) => s.prf(type).r);
    const m = meanSd(f1);
    lines.push(
      `  ${(type ?? 'overall').padEnd(8)} F1 ${pct(m.mean)} ± ${pct(m.sd)}  (P ${pct(meanSd(p).mean)}, R ${pct(meanSd(r).mean)}; folds ${f1.map(pct).join(' ')})`,
    );
  }
  return lines.join('\n');
}
