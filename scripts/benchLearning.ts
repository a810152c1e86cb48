/**
 * Learning curves of the tagger's online learning from corrections (issue 13), on CoNLL-2003 eng.testa.
 *
 *   npm run bench:learning
 *   npm run bench:learning -- --margin 1 --max-step 0.1 --repeats 3   # other learning options
 *   npm run bench:learning -- --model /tmp/model.bin                    # another model than the eng.train-only reference
 *   npm run bench:learning -- --model fold.bin --documents fold.conll --curve a   # curve (a) alone, on other documents
 *   npm run bench:learning -- --recognizer-only                         # the recogniser's mentions alone, without the editor's repair
 *
 * A simulated person annotates the testa documents in order and corrects each one fully, one decision
 * at a time in text order, as in the editor: every gold entity is labelled, every suggestion that is not
 * a gold entity is rejected (gold as the person's answers). Each decision is one `learn` call of the
 * recogniser (its sentence learned with every decision made in it so far). After 0, 5, 10, 20 and 50
 * documents the suggestions are scored on the documents not seen yet, and on the documents after the
 * 50th (the same documents at every point, so the points compare like with like).
 *
 * Suggestions are what the editor shows, by the path it takes (`core/analysis.ts` `recognizeInStages`):
 * the recogniser with its post-processing, the entity repair, a taught name kept as the person taught it
 * (`learning/taughtMentions.ts`), the figures; the person rejects what of that is wrong. Until session 66
 * the bench scored and corrected the recogniser alone, which is not what a person sees or what learning
 * changes in the editor; `--recognizer-only` measures that way still (the figures before it). The
 * documents keep CoNLL's tokens and sentences, so gold and suggestions share their offsets.
 *
 * (a) the measured model (by default the eng.train-only reference model: the shipped one saw testa),
 *     PER/ORG/LOC/MISC (MISC shown from the start, as once a person labels misc);
 * (b) a label the model does not know: the model with its MISC columns removed, and MISC
 *     taught as a label of the person's own (`miscellaneous`, a new class learned from zero).
 *
 * With `--retrained`, a reference for (a): the curve of a full offline retraining instead of online
 * learning (the reference model's recipe, `npm run train:ner -- --train-only`, on eng.train plus the first N testa
 * documents with their gold labels; about half a minute per point), scored the same way. It is what the
 * corrections could teach at best with this model and features.
 *
 * Then the time of each update (one `learn` call) as p50 / p99 / max, the recognition speed with and
 * without the learned weights, and how soon a correction shows in another open article over the
 * protocol (`learningLatency.ts`). Nothing is asserted: the targets (curves rise, the new label at
 * F1 ≥ 0.6 after 50 documents, updates ≤ 50 ms, other articles follow within 1 s) are read here.
 *
 * `--documents FILE` (CoNLL) corrects and scores other documents than eng.testa, and `--curve a` prints
 * curve (a) and its update times alone: with a model trained on eng.train without those documents, a
 * learning option is tried on held-out folds of eng.train before testa is looked at.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_LEARNING, type LearningOptions } from '../server/src/core/ner/adaptation';
import { Gazetteers } from '../server/src/core/ner/gazetteer';
import { decodeModelParts, TaggerModel } from '../server/src/core/ner/model';
import { NerRecognizer } from '../server/src/core/ner/recognizer';
import { SequenceTagger } from '../server/src/core/ner/tagger';
import type { Correction, EntityMention } from '../server/src/core/types';
import { loadVocabulary } from '../server/src/core/vocabulary';
import { diskDataSource } from '../server/src/diskData';
import { editorSuggestions } from './editorSuggestions';
import { correctionLatencies } from './learningLatency';
import { modelForTestaMeasures } from './nerReferenceModel';
import { CONLL_DIR, documentText, readConll, segmentDocuments, SpanScore, type ConllSentence, type DocumentText, type TypedSpan } from './nerShared';
import { DEFAULT_TRAINING, trainingDataName, trainModel } from './nerTraining';

const CHECKPOINTS = [0, 5, 10, 20, 50];
const NEW_LABEL = 'miscellaneous';
/** Rounds of the protocol measure (a correction seen in another open article). */
const LATENCY_ROUNDS = 7;

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const options: LearningOptions = {
  margin: Number(argValue('--margin') ?? DEFAULT_LEARNING.margin),
  maxStep: Number(argValue('--max-step') ?? DEFAULT_LEARNING.maxStep),
  repeats: Number(argValue('--repeats') ?? DEFAULT_LEARNING.repeats),
  contextRate: Number(argValue('--context-rate') ?? DEFAULT_LEARNING.contextRate),
  connectorRate: Number(argValue('--connector-rate') ?? DEFAULT_LEARNING.connectorRate),
};

/** CoNLL type of each label the simulated person uses, and back. */
const LABEL_OF_TYPE: Record<string, string> = { PER: 'person', ORG: 'organization', LOC: 'location', MISC: 'misc' };
const TYPE_OF_MENTION = (m: EntityMention, newLabel: boolean): string | undefined => {
  if (m.type === 'person') return 'PER';
  if (m.type === 'organization') return 'ORG';
  if (m.type === 'location') return 'LOC';
  if (!newLabel && m.type === 'misc') return 'MISC';
  if (newLabel && m.type === 'custom' && m.label === NEW_LABEL) return 'MISC';
  return undefined;
};

function spansOf(mentions: readonly EntityMention[], newLabel: boolean): TypedSpan[] {
  const out: TypedSpan[] = [];
  for (const m of mentions) {
    const type = TYPE_OF_MENTION(m, newLabel);
    if (type) out.push({ start: m.start, end: m.end, type });
  }
  return out;
}

/** `--recognizer-only`: score and correct the recogniser's mentions alone, as the bench did before session 66. */
const RECOGNIZER_ONLY = process.argv.includes('--recognizer-only');

/** What the simulated person sees in a document: the editor's suggestions (`editorSuggestions.ts`), or with `--recognizer-only` the recogniser's mentions. */
function suggestionsOf(recognizer: NerRecognizer, doc: DocumentText): EntityMention[] {
  return RECOGNIZER_ONLY ? recognizer.recognize(doc.text, doc.sentences) : editorSuggestions(recognizer, doc.text, doc.sentences);
}

function score(recognizer: NerRecognizer, docs: readonly DocumentText[], newLabel: boolean): SpanScore {
  const result = new SpanScore(['PER', 'ORG', 'LOC', 'MISC']);
  for (const doc of docs) result.add(doc.gold, spansOf(suggestionsOf(recognizer, doc), newLabel));
  return result;
}

/**
 * The person corrects one document: in text order, each gold entity is labelled and each suggestion
 * that is no gold entity is rejected, one decision per `learn` call. Returns the time of each call (ms).
 */
function correctDocument(recognizer: NerRecognizer, doc: DocumentText, newLabel: boolean): number[] {
  const suggested = spansOf(suggestionsOf(recognizer, doc), newLabel);
  const goldKeys = new Set(doc.gold.map((g) => `${g.start}:${g.end}:${g.type}`));
  const decisions: Correction[] = [
    ...doc.gold.map((g) => ({ start: g.start, end: g.end, label: newLabel && g.type === 'MISC' ? NEW_LABEL : LABEL_OF_TYPE[g.type] })),
    ...suggested.filter((s) => !goldKeys.has(`${s.start}:${s.end}:${s.type}`) && !doc.gold.some((g) => g.start === s.start && g.end === s.end)).map((s) => ({ start: s.start, end: s.end })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  const times: number[] = [];
  const made: Correction[] = [];
  for (const decision of decisions) {
    const start = process.hrtime.bigint();
    recognizer.learn(doc.sentences, [...made, { ...decision, fresh: true }]);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    made.push(decision);
  }
  return times;
}

const pct = (x: number) => (100 * x).toFixed(2).padStart(6);

/**
 * One checkpoint's line of a curve: F1 per type and overall on the documents not seen yet (from
 * `checkpoint` on) and on the fixed tail (the documents after the last checkpoint).
 */
function checkpointRow(checkpoint: number, recognizer: NerRecognizer, docs: readonly DocumentText[], newLabel: boolean, types: readonly string[]): string {
  const row = (s: SpanScore) => [...types.map((t) => pct(s.prf(t).f1)), pct(types.length === 4 ? s.prf().f1 : fOf(s, types))].join(' ');
  const unseen = score(recognizer, docs.slice(checkpoint), newLabel);
  const fixed = score(recognizer, docs.slice(Math.max(...CHECKPOINTS)), newLabel);
  return `  ${String(checkpoint).padStart(9)} │ ${row(unseen)} │ ${row(fixed)}`;
}

function curve(title: string, recognizer: NerRecognizer, docs: readonly DocumentText[], newLabel: boolean, types: readonly string[]): number[] {
  console.log(`\n${title}`);
  console.log(`  docs seen │ F1 on the documents not seen yet: ${types.join(' / ')} / overall │ F1 on documents ${Math.max(...CHECKPOINTS) + 1}–${docs.length} (fixed): ${types.join(' / ')} / overall`);
  const times: number[] = [];
  let seen = 0;
  for (const checkpoint of CHECKPOINTS) {
    for (; seen < checkpoint; seen++) times.push(...correctDocument(recognizer, docs[seen], newLabel));
    console.log(checkpointRow(checkpoint, recognizer, docs, newLabel, types));
  }
  const taught = recognizer.adaptation.weights;
  console.log(`  learned: ${taught.size.toLocaleString('en-US')} features, tags ${taught.tags.length} (${taught.learnedTags.join(', ') || 'none new'})`);
  return times;
}

/**
 * The reference curve for (a): the reference model's training recipe run again on eng.train plus the first
 * N testa documents (gold labels), scored like {@link curve} at each checkpoint.
 */
function retrainedCurve(trainDocs: readonly ConllSentence[][], testaDocs: readonly ConllSentence[][], docs: readonly DocumentText[], shippedFile: Buffer, gazetteers: Gazetteers, vocabulary: ReturnType<typeof loadVocabulary>): void {
  const types = ['PER', 'ORG', 'LOC', 'MISC'];
  console.log(`
(a, reference) retrained offline on eng.train + the first N testa documents (npm run train:ner -- --train-only's recipe, ${JSON.stringify(DEFAULT_TRAINING)})`);
  for (const checkpoint of CHECKPOINTS) {
    const started = Date.now();
    let file = shippedFile;
    if (checkpoint > 0) {
      file = trainModel([...trainDocs, ...testaDocs.slice(0, checkpoint)], gazetteers, DEFAULT_TRAINING, `${trainingDataName(false)}; + the first ${checkpoint} eng.testa documents`).file;
    }
    const recognizer = new NerRecognizer(new SequenceTagger(TaggerModel.decode(file), gazetteers), vocabulary);
    recognizer.adaptation.teach('MISC');
    const took = checkpoint > 0 ? ` (${((Date.now() - started) / 1000).toFixed(0)} s)` : ' (the measured model)';
    console.log(`${checkpointRow(checkpoint, recognizer, docs, false, types)}${took}`);
  }
}

/** Micro F1 over some types only. */
function fOf(s: SpanScore, types: readonly string[]): number {
  let tp = 0, fp = 0, fn = 0;
  for (const t of types) {
    const c = s.prf(t);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function printTimes(label: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`  ${label}: ${times.length} updates, p50 ${percentile(sorted, 0.5).toFixed(2)} ms, p99 ${percentile(sorted, 0.99).toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms`);
}

/** The shipped model with the columns of some tags removed (a class it never learned). */
function modelWithout(file: Buffer, dropped: (tag: string) => boolean): TaggerModel {
  const { header, keys, weights, transitions } = decodeModelParts(file);
  const keep = header.tags.map((t, i) => [t, i] as const).filter(([t]) => !dropped(t)).map(([, i]) => i);
  const T = header.tags.length;
  const K = keep.length;
  const kept = new Int16Array(keys.length * K);
  for (let r = 0; r < keys.length; r++) keep.forEach((t, j) => (kept[r * K + j] = weights[r * T + t]));
  const keptTransitions = new Float32Array((K + 1) * K);
  const rows = [...keep, T];
  rows.forEach((a, i) => keep.forEach((b, j) => (keptTransitions[i * K + j] = transitions[a * T + b])));
  return new TaggerModel({ ...header, tags: keep.map((t) => header.tags[t]) }, keys, kept, keptTransitions);
}

async function main(): Promise<void> {
  // Other documents are scored only by a model that did not learn from them: the reference model saw all of
  // eng.train, and the retrained reference would train on eng.train again.
  if (argValue('--documents') !== undefined && (argValue('--model') === undefined || process.argv.includes('--retrained'))) {
    console.error('bench:learning: --documents needs --model (a model trained without those documents), and not --retrained');
    process.exit(2);
  }
  const testa = argValue('--documents') ?? path.join(CONLL_DIR, 'eng.testa');
  if (!fs.existsSync(testa)) {
    console.log(`bench:learning: the learning curves are skipped: ${testa} is missing (../shared/data)`);
    return printLatency();
  }
  const testaDocs = segmentDocuments(readConll(testa));
  const docs = testaDocs.map(documentText);
  const source = diskDataSource();
  const vocabulary = loadVocabulary(source);
  const gazetteers = Gazetteers.load(source);
  // The shipped model was trained on testa: the curves need one that was not (scripts/nerReferenceModel.ts).
  const file = modelForTestaMeasures(argValue('--model'));
  console.log(`${path.basename(testa)}: ${docs.length} documents; learning options ${JSON.stringify(options)}; corrections one decision at a time, in text order; ${RECOGNIZER_ONLY ? 'the recogniser alone (--recognizer-only)' : "the editor's suggestions (recogniser, entity repair, taught names kept)"}`);

  const shipped = new NerRecognizer(new SequenceTagger(TaggerModel.decode(file), gazetteers), vocabulary, { learning: options });
  shipped.adaptation.teach('MISC');
  const timesA = curve('(a) the measured model, corrections of PER/ORG/LOC/MISC', shipped, docs, false, ['PER', 'ORG', 'LOC', 'MISC']);

  if (process.argv.includes('--retrained')) {
    retrainedCurve(segmentDocuments(readConll(path.join(CONLL_DIR, 'eng.train'))), testaDocs, docs, file, gazetteers, vocabulary);
  }

  if (argValue('--curve') === 'a') return printTimes('(a)', timesA);
  const withoutMisc = new NerRecognizer(new SequenceTagger(modelWithout(file, (t) => t.endsWith('-MISC')), gazetteers), vocabulary, { learning: options });
  const timesB = curve(`(b) a new label: the model without MISC, MISC taught as the person's label '${NEW_LABEL}' (F1 of MISC is the new label's)`, withoutMisc, docs, true, ['PER', 'ORG', 'LOC', 'MISC']);

  console.log('\nUpdate time (one learn call: one decision, its sentence learned; wall-clock)');
  printTimes('(a)', timesA);
  printTimes('(b)', timesB);

  // What the overlay costs the tagging of every article: the same documents, rounds interleaved so
  // the machine's load falls on both alike.
  const plain = new NerRecognizer(new SequenceTagger(TaggerModel.decode(file), gazetteers), vocabulary);
  const tokens = docs.reduce((n, d) => n + d.tokens, 0);
  const runs = { plain: [] as number[], learned: [] as number[] };
  const timeAll = (recognizer: NerRecognizer) => {
    const start = process.hrtime.bigint();
    for (const doc of docs) recognizer.recognize(doc.text, doc.sentences);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (let round = 0; round < 5; round++) {
    runs.plain.push(timeAll(plain));
    runs.learned.push(timeAll(shipped));
  }
  const speed = (times: number[]) => Math.round(tokens / (percentile([...times].sort((a, b) => a - b), 0.5) / 1000));
  const [without, withLearned] = [speed(runs.plain), speed(runs.learned)];
  console.log(`\nRecognition speed on eng.testa (median of 5 interleaved rounds): the measured model ${without.toLocaleString('en-US')} tokens/s; with the weights learned in (a) (${shipped.adaptation.weights.size.toLocaleString('en-US')} features) ${withLearned.toLocaleString('en-US')} tokens/s (${(withLearned / without).toFixed(2)}×)`);

  await printLatency();
}

/** The protocol measure: a correction seen in another open article. */
async function printLatency(): Promise<void> {
  const { times, openArticles } = await correctionLatencies(LATENCY_ROUNDS);
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`\nA correction seen in another open article, over the protocol (dist/server.js, ${openArticles} open articles; label sent → the other article's semantic tokens show it): ${times.length} rounds, median ${percentile(sorted, 0.5).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms (each: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
