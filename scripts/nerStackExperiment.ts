/**
 * Experiment (not shipped; server/data/ner/README.md, round 6, records its figures): a second tagging
 * pass that reads the first pass's labels of the other mentions in the document (Krishnan & Manning
 * 2006; Ratinov & Roth 2009's prediction history). Cross-validated over eng.train folds (eng.testa
 * added to every training fold), first-pass labels of the training folds jackknifed. Two variants of
 * the second pass:
 *   full:   a whole model retrained with the history features (and, unless `--no-own`, the token's
 *           own first-pass label) added to every token's features;
 *   frozen: the first pass's emission scores kept, plus weights of the history features only and
 *           learned changes of the transition weights.
 * Scored on the held-out eng.train fold with float weights, tagger alone; `full` also through the
 * recogniser's post-processing (the same tags fed to `NerRecognizer` by a lookup tagger).
 *
 *   npx tsx scripts/nerStackExperiment.ts [--folds 5] [--inner 4] [--inner-runs 2] [--only full|frozen] [--no-own]
 */
import * as path from 'path';
import { Gazetteers } from '../server/src/core/ner/gazetteer';
import { mix, mix3 } from '../server/src/core/ner/hash';
import { transitionConstraints, viterbi } from '../server/src/core/ner/model';
import { diskDataSource } from '../server/src/diskData';
import { seededRandom } from '../server/src/core/random';
import { CONLL_DIR, convertTags, readConll, segmentDocuments, SpanScore, tagSpans } from './nerShared';
import * as fs from 'fs';
import { NerRecognizer } from '../server/src/core/ner/recognizer';
import { SequenceTagger, type TokenSpan } from '../server/src/core/ner/tagger';
import { TaggerModel } from '../server/src/core/ner/model';
import { loadVocabulary } from '../server/src/core/vocabulary';
import { documentText, mentionSpans } from './nerShared';
import { DEFAULT_TRAINING, encodeCorpus, meanSd, SentenceDecoder, trainPerceptron, type EncodedCorpus, type Weights } from './nerTraining';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const FOLDS = arg('--folds', 5), INNER = arg('--inner', 4), INNER_RUNS = arg('--inner-runs', 2);
const WITH_OWN = !argv.includes('--no-own');
const ONLY = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : 'both';

const T_HIST_TOKEN = 901, T_HIST_ENTITY = 902, T_HIST_SUPER = 903, T_OWN = 904, T_HIST_NONE = 905;

/** Per token of the corpus, the first pass's tag index. */
type Labels = Int32Array;

/** Emission scores of every token of `sentences` under `w`, and the Viterbi labels, written into `em`/`labels`. */
function firstPass(corpus: EncodedCorpus, sentences: Iterable<number>, w: Weights, em: Float32Array, labels: Labels): void {
  const T = corpus.tags.length;
  const constraints = transitionConstraints(corpus.tags);
  const { rows, tokenStart, sentStart } = corpus;
  let score = new Float32Array(0), back = new Int32Array(0), out = new Int32Array(0);
  for (const s of sentences) {
    const first = sentStart[s], n = sentStart[s + 1] - first;
    for (let i = 0; i < n; i++) {
      const base = (first + i) * T;
      em.fill(0, base, base + T);
      for (let k = tokenStart[first + i]; k < tokenStart[first + i + 1]; k++) {
        const wb = rows[k] * T;
        for (let t = 0; t < T; t++) em[base + t] += w.weights[wb + t];
      }
    }
    if (score.length < n * T) { score = new Float32Array(n * T * 2); back = new Int32Array(n * T * 2); out = new Int32Array(n * 2); }
    viterbi(em.subarray(first * T, (first + n) * T), w.transitions, constraints, n, T, score, back, out);
    for (let i = 0; i < n; i++) labels[first + i] = out[i];
  }
}

const typeOf = (tag: string) => (tag === 'O' ? 'O' : tag.slice(2));
const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);

/** History features per token (corpus token index → hashes), from the first pass's labels of each document. */
function historyFeatures(corpus: EncodedCorpus, labels: Labels, withOwn: boolean): number[][] {
  const typeIndex = new Map<string, number>([['O', 0], ['PER', 1], ['ORG', 2], ['LOC', 3], ['MISC', 4]]);
  const tagType = corpus.tags.map((t) => typeIndex.get(typeOf(t))!);
  const opens = corpus.tags.map((t) => t.startsWith('B-'));
  const out: number[][] = Array.from({ length: corpus.gold.length }, () => []);
  for (let d = 0; d + 1 < corpus.docStart.length; d++) {
    const sFrom = corpus.docStart[d], sTo = corpus.docStart[d + 1];
    const tFrom = corpus.sentStart[sFrom], tTo = corpus.sentStart[sTo];
    const word = (t: number) => wordsOf[t];
    // Per capitalised word: counts of first-pass types.
    const counts = new Map<string, Int32Array>();
    for (let t = tFrom; t < tTo; t++) {
      const w = word(t);
      if (!isCapitalised(w)) continue;
      let c = counts.get(w);
      if (!c) counts.set(w, (c = new Int32Array(5)));
      c[tagType[labels[t]]]++;
    }
    // First-pass spans per text.
    const spans: { from: number; to: number; type: number; text: string }[] = [];
    for (let s = sFrom; s < sTo; s++) {
      const a = corpus.sentStart[s], b = corpus.sentStart[s + 1];
      let i = a;
      while (i < b) {
        const ty = tagType[labels[i]];
        if (ty === 0) { i++; continue; }
        let j = i + 1;
        while (j < b && tagType[labels[j]] === ty && !opens[labels[j]]) j++;
        const text = Array.from({ length: j - i }, (_, k) => word(i + k)).join(' ');
        spans.push({ from: i, to: j, type: ty, text });
        i = j;
      }
    }
    const entityTypes = new Map<string, Int32Array>();
    for (const sp of spans) {
      let c = entityTypes.get(sp.text);
      if (!c) entityTypes.set(sp.text, (c = new Int32Array(5)));
      c[sp.type]++;
    }
    const spanAt = new Map<number, (typeof spans)[number]>();
    for (const sp of spans) for (let t = sp.from; t < sp.to; t++) spanAt.set(t, sp);
    for (let t = tFrom; t < tTo; t++) {
      const f = out[t];
      const own = labels[t];
      if (withOwn) f.push(mix(T_OWN, own));
      const w = word(t);
      if (isCapitalised(w)) {
        const c = counts.get(w)!;
        const others = c.slice();
        others[tagType[own]]--;
        const total = others.reduce((x, y) => x + y, 0);
        if (total === 0) f.push(mix(T_HIST_NONE, 1));
        else {
          for (let ty = 0; ty < 5; ty++) {
            if (!others[ty]) continue;
            const share = others[ty] / total;
            const bin = share === 1 ? 3 : share > 0.5 ? 2 : 1;
            f.push(mix3(T_HIST_TOKEN, ty, bin));
          }
        }
      }
      const sp = spanAt.get(t);
      if (sp) {
        const c = entityTypes.get(sp.text)!.slice();
        c[sp.type]--;
        let best = -1, arg = 0;
        for (let ty = 1; ty < 5; ty++) if (c[ty] > best) { best = c[ty]; arg = ty; }
        if (best > 0) f.push(mix3(T_HIST_ENTITY, arg, sp.to - sp.from > 1 ? 1 : 0));
        // A longer first-pass span elsewhere that holds this one's text.
        const sup = new Int32Array(5);
        for (const other of spans) if (other.to - other.from > sp.to - sp.from && (' ' + other.text + ' ').includes(' ' + sp.text + ' ')) sup[other.type]++;
        let sb = 0, sa = 0;
        for (let ty = 1; ty < 5; ty++) if (sup[ty] > sb) { sb = sup[ty]; sa = ty; }
        if (sb > 0) f.push(mix3(T_HIST_SUPER, sa, t === sp.from ? 1 : 0));
      }
    }
  }
  return out;
}

/** Every token's word, in corpus token order. */
let wordsOf: string[] = [];

/** A copy of `corpus` whose tokens have `extra` features added (new rows after the base ones). */
function withExtraFeatures(corpus: EncodedCorpus, extra: readonly number[][], keepBase: boolean): EncodedCorpus {
  const rowOf = new Map<number, number>();
  const keys: number[] = keepBase ? Array.from(corpus.keys) : [];
  const rows: number[] = [];
  const tokenStart: number[] = [];
  for (let t = 0; t + 1 < corpus.tokenStart.length; t++) {
    tokenStart.push(rows.length);
    if (keepBase) for (let k = corpus.tokenStart[t]; k < corpus.tokenStart[t + 1]; k++) rows.push(corpus.rows[k]);
    for (const h of extra[t]) {
      let r = rowOf.get(h);
      if (r === undefined) { r = keys.length; rowOf.set(h, r); keys.push(h); }
      rows.push(r);
    }
  }
  tokenStart.push(rows.length);
  return { ...corpus, rows: Int32Array.from(rows), tokenStart: Int32Array.from(tokenStart), keys: Int32Array.from(keys) };
}

/** Sentence `s`'s emission scores into `em`: the first pass's, plus `weights` of its extra features; returns its length. */
function frozenEmissions(corpus: EncodedCorpus, baseEm: Float32Array, weights: Float32Array, s: number, em: Float32Array): number {
  const T = corpus.tags.length;
  const first = corpus.sentStart[s], n = corpus.sentStart[s + 1] - first;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < T; t++) em[i * T + t] = baseEm[(first + i) * T + t];
    for (let k = corpus.tokenStart[first + i]; k < corpus.tokenStart[first + i + 1]; k++) {
      const wb = corpus.rows[k] * T;
      for (let t = 0; t < T; t++) em[i * T + t] += weights[wb + t];
    }
  }
  return n;
}

/** Second pass with frozen first-pass emissions: perceptron over the extra features and transition deltas. */
function trainFrozen(corpus: EncodedCorpus, baseEm: Float32Array, baseTrans: Float32Array, train: readonly number[], epochs: number, runs: number, seed: number): Weights {
  const T = corpus.tags.length;
  const constraints = transitionConstraints(corpus.tags);
  const K = corpus.keys.length;
  const total = { weights: new Float32Array(K * T), transitions: new Float32Array((T + 1) * T) };
  const maxLen = 400;
  const em = new Float32Array(maxLen * T), score = new Float32Array(maxLen * T), back = new Int32Array(maxLen * T), pred = new Int32Array(maxLen);
  const trans = new Float32Array((T + 1) * T);
  const useful = train.filter((s) => corpus.tokenStart[corpus.sentStart[s + 1]] > corpus.tokenStart[corpus.sentStart[s]]);
  for (let r = 0; r < runs; r++) {
    const w = new Float32Array(K * T), u = new Float64Array(K * T), tw = new Float32Array((T + 1) * T), tu = new Float64Array((T + 1) * T);
    let c = 1;
    const random = seededRandom(seed + r);
    const order = useful.slice();
    for (let e = 0; e < epochs; e++) {
      for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
      for (const s of order) {
        const first = corpus.sentStart[s], n = frozenEmissions(corpus, baseEm, w, s, em);
        for (let k = 0; k < trans.length; k++) trans[k] = baseTrans[k] + tw[k];
        viterbi(em, trans, constraints, n, T, score, back, pred);
        for (let i = 0; i < n; i++) {
          const g = corpus.gold[first + i], p = pred[i];
          const gPrev = i === 0 ? T : corpus.gold[first + i - 1], pPrev = i === 0 ? T : pred[i - 1];
          if (g !== p) {
            for (let k = corpus.tokenStart[first + i]; k < corpus.tokenStart[first + i + 1]; k++) {
              const rb = corpus.rows[k] * T;
              w[rb + g] += 1; u[rb + g] += c; w[rb + p] -= 1; u[rb + p] -= c;
            }
          }
          if (g !== p || gPrev !== pPrev) {
            tw[gPrev * T + g] += 1; tu[gPrev * T + g] += c; tw[pPrev * T + p] -= 1; tu[pPrev * T + p] -= c;
          }
        }
        c++;
      }
    }
    for (let i = 0; i < w.length; i++) total.weights[i] += (w[i] - u[i] / c) / runs;
    for (let i = 0; i < tw.length; i++) total.transitions[i] += (tw[i] - tu[i] / c) / runs;
  }
  return total;
}

function scoreFrozen(corpus: EncodedCorpus, baseEm: Float32Array, baseTrans: Float32Array, w: Weights, held: readonly number[]): SpanScore {
  const T = corpus.tags.length;
  const constraints = transitionConstraints(corpus.tags);
  const score = new SpanScore();
  const em = new Float32Array(400 * T), sc = new Float32Array(400 * T), back = new Int32Array(400 * T), pred = new Int32Array(400);
  const trans = new Float32Array((T + 1) * T);
  for (let k = 0; k < trans.length; k++) trans[k] = baseTrans[k] + w.transitions[k];
  for (const s of held) {
    const n = frozenEmissions(corpus, baseEm, w.weights, s, em);
    viterbi(em, trans, constraints, n, T, sc, back, pred);
    score.add(tagSpans(convertTags(corpus.sentences[s].tags, 'BIO')), tagSpans(Array.from(pred.subarray(0, n), (p) => corpus.tags[p])));
  }
  return score;
}

function scoreLabels(corpus: EncodedCorpus, labels: Labels, held: readonly number[]): SpanScore {
  const score = new SpanScore();
  for (const s of held) {
    const a = corpus.sentStart[s], b = corpus.sentStart[s + 1];
    score.add(tagSpans(convertTags(corpus.sentences[s].tags, 'BIO')), tagSpans(Array.from(labels.subarray(a, b), (p) => corpus.tags[p])));
  }
  return score;
}

/** A tagger that answers with tags decided beforehand (per document, per sentence): to put them through the recogniser's post-processing. */
class LookupTagger extends SequenceTagger {
  answers: TokenSpan[][] = [];
  protected override tagPrepared(s: number): TokenSpan[] {
    return this.answers[s];
  }
}

function spansOf(tags: ArrayLike<number>, names: readonly string[]): TokenSpan[] {
  return tagSpans(Array.from(tags, (t) => names[t])).map((x) => ({ start: x.start, end: x.end, type: x.type }));
}

/** Recogniser-level score of per-token tag indices (`tagsOf(s)` for corpus sentence s) over the held documents. */
function scoreThroughRecognizer(corpus: EncodedCorpus, heldDocs: readonly number[], tagsOf: (s: number) => ArrayLike<number>, tagger: LookupTagger, recognizer: NerRecognizer): SpanScore {
  const score = new SpanScore();
  for (const d of heldDocs) {
    const doc = corpus.sentences.slice(corpus.docStart[d], corpus.docStart[d + 1]);
    tagger.answers = doc.map((_, k) => spansOf(tagsOf(corpus.docStart[d] + k), corpus.tags));
    const text = documentText(doc);
    score.add(text.gold, mentionSpans(recognizer.recognize(text.text, text.sentences)));
  }
  return score;
}

function sentencesOf(corpus: EncodedCorpus, docs: Iterable<number>): number[] {
  const out: number[] = [];
  for (const d of docs) for (let s = corpus.docStart[d]; s < corpus.docStart[d + 1]; s++) out.push(s);
  return out;
}

function main(): void {
  const t0 = Date.now();
  const train = segmentDocuments(readConll(path.join(CONLL_DIR, 'eng.train')));
  const testa = segmentDocuments(readConll(path.join(CONLL_DIR, 'eng.testa')));
  const all = [...train, ...testa];
  const gazetteers = Gazetteers.load(diskDataSource());
  const options = DEFAULT_TRAINING;
  const corpus = encodeCorpus(all, gazetteers, options);
  wordsOf = corpus.sentences.flatMap((s) => s.words);
  const T = corpus.tags.length;
  console.log(`encoded ${corpus.gold.length} tokens in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const rows: { fold: number; base: SpanScore; full?: SpanScore; frozen?: SpanScore; recBase?: SpanScore; recFull?: SpanScore }[] = [];
  const lookup = new LookupTagger(TaggerModel.decode(fs.readFileSync(path.resolve(__dirname, '..', 'server', 'data', 'ner', 'model.bin'))), gazetteers);
  const recognizer = new NerRecognizer(lookup, loadVocabulary(diskDataSource()));
  for (let f = 0; f < FOLDS; f++) {
    const from = Math.floor((f * train.length) / FOLDS), to = Math.floor(((f + 1) * train.length) / FOLDS);
    const trainDocs: number[] = [];
    const heldDocs: number[] = [];
    for (let d = 0; d < all.length; d++) (d >= from && d < to ? heldDocs : trainDocs).push(d);
    const heldS = sentencesOf(corpus, heldDocs);
    const em = new Float32Array(corpus.gold.length * T);
    const labels = new Int32Array(corpus.gold.length);
    // Jackknife: first-pass labels of the training documents from models that did not see them.
    for (let k = 0; k < INNER; k++) {
      const inner = trainDocs.filter((_, i) => i % INNER === k);
      const innerSet = new Set(inner);
      const w = trainPerceptron(corpus, sentencesOf(corpus, trainDocs.filter((d) => !innerSet.has(d))), { ...options, runs: INNER_RUNS });
      firstPass(corpus, sentencesOf(corpus, inner), w, em, labels);
    }
    const trainS = sentencesOf(corpus, trainDocs);
    const outer = trainPerceptron(corpus, trainS, options);
    firstPass(corpus, heldS, outer, em, labels);
    const base = scoreLabels(corpus, labels, heldS);
    const row: (typeof rows)[number] = { fold: f, base };
    if (ONLY !== 'frozen') {
      const full = withExtraFeatures(corpus, historyFeatures(corpus, labels, WITH_OWN), true);
      const w2 = trainPerceptron(full, trainS, options);
      const decoder = new SentenceDecoder(full);
      row.full = new SpanScore();
      const second = new Int32Array(corpus.gold.length);
      for (const s of heldS) {
        const n = decoder.decode(s, w2);
        second.set(decoder.pred.subarray(0, n), corpus.sentStart[s]);
        row.full.add(tagSpans(convertTags(corpus.sentences[s].tags, 'BIO')), tagSpans(Array.from(decoder.pred.subarray(0, n), (p) => corpus.tags[p])));
      }
      const range = (arr: Int32Array) => (s: number) => arr.subarray(corpus.sentStart[s], corpus.sentStart[s + 1]);
      row.recBase = scoreThroughRecognizer(corpus, heldDocs.filter((d) => d < train.length), range(labels), lookup, recognizer);
      row.recFull = scoreThroughRecognizer(corpus, heldDocs.filter((d) => d < train.length), range(second), lookup, recognizer);
    }
    if (ONLY !== 'full') {
      const extraOnly = withExtraFeatures(corpus, historyFeatures(corpus, labels, false), false);
      // Training emissions are the jackknifed ones; the transitions the outer model's.
      const w3 = trainFrozen(extraOnly, em, outer.transitions, trainS, options.epochs, options.runs, options.seed);
      row.frozen = scoreFrozen(extraOnly, em, outer.transitions, w3, heldS);
    }
    rows.push(row);
    const p = (s?: SpanScore, ty?: string) => (s ? (100 * s.prf(ty).f1).toFixed(2) : '-');
    console.log(`  through the recogniser: first pass ${p(row.recBase)} (ORG ${p(row.recBase, 'ORG')}), full ${p(row.recFull)} (ORG ${p(row.recFull, 'ORG')})`);
    console.log(`fold ${f + 1}: first pass ${p(base)} (ORG ${p(base, 'ORG')}), full ${p(row.full)} (ORG ${p(row.full, 'ORG')}), frozen ${p(row.frozen)} (ORG ${p(row.frozen, 'ORG')})  ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  for (const variant of ['full', 'frozen', 'recFull'] as const) {
    if (!rows[0][variant]) continue;
    for (const ty of [undefined, 'PER', 'ORG', 'LOC']) {
      const b = rows.map((r) => (variant === 'recFull' ? r.recBase! : r.base).prf(ty).f1 * 100), v = rows.map((r) => r[variant]!.prf(ty).f1 * 100);
      const d = meanSd(v.map((x, i) => x - b[i]));
      console.log(`${variant} ${ty ?? 'overall'}: ${meanSd(v).mean.toFixed(2)} vs first pass ${meanSd(b).mean.toFixed(2)}, Δ ${d.mean >= 0 ? '+' : ''}${d.mean.toFixed(2)} ± ${d.sd.toFixed(2)} (folds ${v.map((x, i) => (x - b[i]).toFixed(2)).join(' ')})`);
    }
  }
  console.log(`total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

main();
