import { ownString } from '../ownStrings';
import { overlaps } from '../search';
import type { Correction, LearningReport, OffsetRange, Sentence } from '../types';
import { LearnedWeights } from './learnedWeights';
import { viterbi, type TaggerModel } from './model';
import { WORD_IDENTITY_SLOTS, wordPairFeatures } from './features';
import { hashLower } from './hash';
import type { SequenceTagger } from './tagger';
import { withoutFormatCharacters } from '../formatCharacters';

/**
 * Learning from a person's corrections (issue 13): the tagger's weights move online, one corrected
 * sentence at a time, in an overlay beside the shipped model ({@link LearnedWeights}).
 *
 * A person says little about a sentence: this span is a `law`, that one is not an entity. Those are
 * constraints, not a full tag sequence, so each update compares two decodings under the current
 * weights (Tsuboi et al. 2008, partial annotations): the best sequence, and the best sequence that
 * obeys every constraint. When they differ the weights move from the first towards the second by a
 * passive-aggressive step (Crammer et al. 2006, PA-I): the smallest change that makes the constrained
 * sequence win by a margin proportional to the tokens it corrects, capped. A strong shipped model
 * thus changes only as much as a correction needs, and a label the model never saw (a new class,
 * whose weights start at zero) is learned from the corrections alone. The steps are repeated until
 * the sentence is tagged as the person said (or a few times at most), so the correction shows at once.
 *
 * For the classes the shipped model was trained on, a correction moves only the corrected words' own
 * weights (the word as written and lower-cased, {@link WORD_IDENTITY_SLOTS}): the model learned its
 * generalisations — shapes, contexts, word classes, name lists, tag order — from a corpus, and one
 * person's correction is evidence about the words they corrected. Moving those too let a correction
 * reach far (rejecting `Lavrov` in one sentence untagged `Kassioun said` in another article) and lost
 * the shipped classes 0.5 F1 on CoNLL testa after 50 corrected documents. Nor do the joining words
 * inside a name (`of`, {@link LearningOptions.connectorRate}). A class a person declared
 * learns with every feature, since it has nothing to keep ({@link LearningOptions.contextRate}).
 * Everything is deterministic: the same corrections in the same order give the same weights.
 */

/** How the learner steps; {@link DEFAULT_LEARNING} is what the editor uses (chosen by `npm run bench:learning`). */
export interface LearningOptions {
  /** Score margin the corrected sequence must win by, per corrected token. */
  readonly margin: number;
  /** Largest step of one update (PA-I's aggressiveness C). */
  readonly maxStep: number;
  /** Updates of one sentence at most, until it is tagged as the person said. */
  readonly repeats: number;
  /**
   * How freely a correction moves the weights of the shipped classes other than the corrected words'
   * own ({@link WORD_IDENTITY_SLOTS}): shapes, contexts, word classes, name lists, tag transitions.
   * 0 keeps them as shipped, 1 moves them like the words'. A class a person declared learns with every
   * feature at rate 1 either way (it has nothing to keep).
   */
  readonly contextRate: number;
  /**
   * How freely a correction moves the own weights of a word written in lower case that news text
   * writes in lower case (`of`, `and`, `de`: the words that join a name's parts). Such a word's weights
   * were learned from thousands of occurrences, and a person who labels `Lawrence of Arabia` says
   * nothing new about `of`: at rate 1 a few such labels taught `of` to continue any name
   * (`Dini of`, `Minsk Group of countries`). 0 keeps them as shipped, like the context's.
   */
  readonly connectorRate: number;
}

/**
 * Chosen with `npm run bench:learning` (its figures are in server/data/ner/README.md): a correction of a
 * shipped class moves the corrected words alone (`contextRate` 0), with steps large enough (`maxStep` 1)
 * for the words to outweigh a confident context within the repeats, so a correction shows at once, in
 * its sentence and for the same words in every article. Moving the other features as well (rate 1,
 * small steps: the learner before) lost 0.5 F1 on the shipped classes over 50 corrected documents; rates
 * between (0.01, 0.05) and other step sizes moved the curve by less than 0.15 either way. Confidence-
 * weighted steps (AROW), averaging, replaying earlier corrections and a learned name list did no better.
 */
export const DEFAULT_LEARNING: LearningOptions = { margin: 3, maxStep: 1, repeats: 30, contextRate: 0, connectorRate: 0 };

/**
 * The sentences of a session whose updates are kept to be taken back when a person reverses a decision
 * there (a few hundred numbers each): the most recently learned ones, so a long session's memory stays bounded.
 */
const MAX_REMEMBERED_SENTENCES = 5000;

/** A word with a letter of any script; one without (a number, a bracket) joins a name's parts like `of`. */
const HAS_LETTER = /\p{L}/u;

/**
 * The connectors of a sentence ({@link LearningOptions.connectorRate}): `flags[i]` is 1 for a connector;
 * `pairs[2i]`, `pairs[2i + 1]` are its pair features with the words before and after it.
 */
interface Connectors {
  readonly flags: Uint8Array;
  readonly pairs: Int32Array;
}

/** A labelled span of more tokens than this is not an entity (a claim, a quote): it teaches nothing. */
export const MAX_ENTITY_TOKENS = 10;

/** The recogniser's names for the entity labels; a person's own label `x` is the class `@x`. */
const TYPE_OF_LABEL: Readonly<Record<string, string>> = { person: 'PER', organization: 'ORG', location: 'LOC', misc: 'MISC' };

/** The tagger's class of a label (`organization` → `ORG`, `law` → `@law`). */
export function classOfLabel(label: string): string {
  return TYPE_OF_LABEL[label] ?? `@${label}`;
}

/** The label of a tagger class, for a class a person taught (`@law` → `law`, `MISC` → `misc`); undefined for others. */
export function labelOfClass(type: string): string | undefined {
  if (type.startsWith('@')) return type.slice(1);
  for (const [label, cls] of Object.entries(TYPE_OF_LABEL)) if (cls === type) return label;
  return undefined;
}

/**
 * What the updates of one sentence added to the learned weights, so that they can be taken back:
 * per feature and tag (`feature * 256 + tag`, the feature as unsigned) and per transition
 * (`from * 4096 + to`, `from` -1 for the start, which moves when classes are added).
 */
export interface SentenceDelta {
  readonly weights: Map<number, number>;
  readonly transitions: Map<number, number>;
}

/**
 * The online update step over one sentence given in the full feature layout, on weights overlaid on a
 * model (see the file's comment for the method).
 */
export class OnlineLearner {
  private em = new Float32Array(0);
  private constrained = new Float32Array(0);
  private score = new Float32Array(0);
  private back = new Int32Array(0);
  private predicted = new Int32Array(0);
  private gold = new Int32Array(0);

  constructor(
    private readonly model: TaggerModel,
    private readonly weights: LearnedWeights,
    private readonly options: LearningOptions = DEFAULT_LEARNING,
  ) {}

  /**
   * Learns from one sentence of `n` tokens (features `feats[offsets[i]..offsets[i+1])`): `forced[i]`
   * is the tag index token i must have, or -1 when the person said nothing about it. Returns how many
   * updates it took (0: already tagged as the person said). What the updates add is also added to `record`.
   */
  learnSentence(feats: Int32Array, offsets: Int32Array, n: number, forced: Int32Array, record?: SentenceDelta, connectors?: Connectors): number {
    let updates = 0;
    for (let round = 0; round < this.options.repeats; round++) {
      if (!this.decodeBoth(feats, offsets, n, forced)) break;
      this.step(feats, offsets, n, record, connectors);
      updates++;
    }
    return updates;
  }

  /**
   * Decodes under the constraints (the person's answer, `gold`) and freely with the margin added to
   * every tag the person ruled out (loss-augmented, `predicted`); true when they differ, i.e. when the
   * person's answer does not win by the margin yet.
   */
  private decodeBoth(feats: Int32Array, offsets: Int32Array, n: number, forced: Int32Array): boolean {
    const tags = this.weights.tags;
    const TT = tags.length;
    if (this.em.length < n * TT) {
      this.em = new Float32Array(n * TT * 2);
      this.constrained = new Float32Array(n * TT * 2);
      this.score = new Float32Array(n * TT * 2);
      this.back = new Int32Array(n * TT * 2);
    }
    if (this.predicted.length < n) {
      this.predicted = new Int32Array(n * 2);
      this.gold = new Int32Array(n * 2);
    }
    const em = this.em;
    this.model.scoreTokens(feats, offsets, n, em);
    // The constrained decoding: every tag but the forced one is ruled out, and so is continuing a
    // forced span past its end (a label names the whole entity).
    const c = this.constrained;
    c.set(em.subarray(0, n * TT));
    const RULED_OUT = -1e9;
    for (let i = 0; i < n; i++) {
      const f = forced[i];
      if (f >= 0) {
        for (let t = 0; t < TT; t++) if (t !== f) c[i * TT + t] = RULED_OUT;
      } else if (i > 0 && forced[i - 1] >= 0 && tags[forced[i - 1]] !== 'O') {
        const inside = tags.indexOf(`I-${tags[forced[i - 1]].slice(2)}`);
        if (inside >= 0) c[i * TT + inside] = RULED_OUT;
      }
    }
    viterbi(c, this.weights.transitions, this.weights.constraints, n, TT, this.score, this.back, this.gold);
    // The loss-augmented decoding, on the same buffer: at every token the person decided, each other tag gets the margin.
    c.set(em.subarray(0, n * TT));
    const margin = this.options.margin;
    for (let i = 0; i < n; i++) {
      if (forced[i] < 0) continue;
      for (let t = 0; t < TT; t++) if (t !== this.gold[i]) c[i * TT + t] += margin;
    }
    viterbi(c, this.weights.transitions, this.weights.constraints, n, TT, this.score, this.back, this.predicted);
    for (let i = 0; i < n; i++) if (this.predicted[i] !== this.gold[i]) return true;
    return false;
  }

  /**
   * One PA-I step from the predicted sequence towards the constrained one, in the metric where moving a
   * weight of the shipped classes other than a word's own costs 1 / `contextRate` (see {@link LearningOptions.contextRate}).
   */
  private step(feats: Int32Array, offsets: Int32Array, n: number, record?: SentenceDelta, connectors?: Connectors): void {
    const TT = this.weights.tags.length;
    const start = TT;
    const em = this.em, trans = this.weights.transitions, pred = this.predicted, gold = this.gold;
    const contextRate = this.options.contextRate;
    const shipped = this.weights.modelTags;
    const learnedTag = (tag: number) => tag >= shipped && tag !== start;
    // The feature difference φ(gold) − φ(predicted), aggregated (a feature may occur at several tokens),
    // with each weight's rate: 1 for a word's own features and for classes a person declared, else contextRate.
    const delta = new Map<number, number>();
    const rates = new Map<number, number>();
    const bump = (key: number, by: number, rate: number) => {
      if (rate === 0) return;
      delta.set(key, (delta.get(key) ?? 0) + by);
      rates.set(key, rate);
    };
    const transitionDelta = new Map<number, number>();
    const transitionRates = new Map<number, number>();
    const bumpTransition = (from: number, to: number, by: number) => {
      const rate = learnedTag(from) || learnedTag(to) ? 1 : contextRate;
      if (rate === 0) return;
      const key = from * TT + to;
      transitionDelta.set(key, (transitionDelta.get(key) ?? 0) + by);
      transitionRates.set(key, rate);
    };
    let scoreDifference = 0;
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const g = gold[i], p = pred[i];
      const gPrevious = i === 0 ? start : gold[i - 1];
      const pPrevious = i === 0 ? start : pred[i - 1];
      scoreDifference += em[i * TT + g] - em[i * TT + p] + trans[gPrevious * TT + g] - trans[pPrevious * TT + p];
      if (g !== p) {
        loss++;
        const connector = connectors?.flags[i] === 1;
        const ownRate = connector ? this.options.connectorRate : 1;
        for (let k = offsets[i]; k < offsets[i + 1]; k++) {
          // Keys pair the feature (as unsigned) with the tag; below 2^53, so exact as numbers.
          const key = (feats[k] >>> 0) * 256;
          const rate = WORD_IDENTITY_SLOTS.includes(k - offsets[i]) ? ownRate
            : connector && (feats[k] === connectors.pairs[2 * i] || feats[k] === connectors.pairs[2 * i + 1]) ? 1
            : contextRate;
          bump(key + g, 1, learnedTag(g) ? 1 : rate);
          bump(key + p, -1, learnedTag(p) ? 1 : rate);
        }
      }
      if (g !== p || gPrevious !== pPrevious) {
        bumpTransition(gPrevious, g, 1);
        bumpTransition(pPrevious, p, -1);
      }
    }
    let norm = 0;
    for (const [key, v] of delta) norm += rates.get(key)! * v * v;
    for (const [key, v] of transitionDelta) norm += transitionRates.get(key)! * v * v;
    const tau = Math.min(this.options.maxStep, (this.options.margin * loss - scoreDifference) / norm);
    if (norm === 0 || !(tau > 0)) return;
    for (const [key, v] of delta) {
      if (v === 0) continue;
      const tag = key % 256;
      const by = tau * rates.get(key)! * v;
      this.weights.addToWeight(((key - tag) / 256) | 0, tag, by);
      if (record) record.weights.set(key, (record.weights.get(key) ?? 0) + by);
    }
    for (const [key, v] of transitionDelta) {
      if (v === 0) continue;
      const from = Math.floor(key / TT), to = key % TT;
      const by = tau * transitionRates.get(key)! * v;
      this.weights.addToTransition(from, to, by);
      if (record) {
        const at = (from === start ? -1 : from) * 4096 + to;
        record.transitions.set(at, (record.transitions.get(at) ?? 0) + by);
      }
    }
    this.weights.changed();
  }

  /** Takes back what {@link learnSentence} recorded in `record`. */
  withdraw(record: SentenceDelta): void {
    for (const [key, v] of record.weights) {
      const tag = key % 256;
      this.weights.addToWeight(((key - tag) / 256) | 0, tag, -v);
    }
    for (const [key, v] of record.transitions) {
      const to = ((key % 4096) + 4096) % 4096;
      const from = (key - to) / 4096;
      this.weights.addToTransition(from < 0 ? this.weights.tags.length : from, to, -v);
    }
    this.weights.changed();
  }
}

/** The decisions a sentence was last learned with (its forced tags) and what learning it added. */
interface LearnedSentence {
  forced: Int32Array;
  readonly delta: SentenceDelta;
}

/**
 * A tagger that learns: its model scores with an overlay of learned weights (installed only once
 * something was learned, so the shipped model runs untouched until then), corrections in character
 * offsets become constraints on the sentences' tokens, and {@link OnlineLearner} moves the weights.
 */
export class TaggerAdaptation {
  readonly weights: LearnedWeights;
  private readonly learner: OnlineLearner;

  constructor(
    private readonly tagger: SequenceTagger,
    private readonly options: LearningOptions = DEFAULT_LEARNING,
  ) {
    this.weights = new LearnedWeights(tagger.model);
    this.learner = new OnlineLearner(tagger.model, this.weights, options);
  }

  /** Changes whenever the learned weights or the taught names change (0: nothing learned since the start). */
  get revision(): number {
    return this.weights.revision + this.namesRevision;
  }

  /** The classes learned for labels of the person's own (`@law`) and the shipped classes the person taught (`MISC`). */
  get taughtClasses(): ReadonlySet<string> {
    return this.taught;
  }

  private taught = new Set<string>();
  /**
   * Per sentence learned in this session (keyed by its words), the decisions it was learned with and
   * what that added to the weights. When a person reverses a decision there (rejects what they had
   * labelled, labels what they had rejected, or labels it otherwise), what the earlier decision taught
   * is taken back before the sentence is learned again: the weights follow the person's present answer,
   * not the sum of every answer they gave. Without this, a rejection that had to overcome a confident
   * model (a large step) outweighs the later label, which only needs to win in its own sentence (a small
   * one), and the name reads as something else in the next article. Not kept in the learned file: a
   * decision reversed after a restart adds to what was learned before it.
   */
  private sentences = new Map<string, LearnedSentence>();
  /** The label a person last gave each name (its tokens' text run together), for {@link taughtLabelOf}. */
  private names = new Map<string, string>();
  private namesRevision = 0;

  /**
   * The label a person gave this name when they last labelled it (`person`, `organization`, …, or a
   * label of their own), undefined when they never did or rejected it since. The steps after
   * recognition that rework the tagger's mentions (the entity repair) leave such a mention as the
   * person taught it: what the tagger learned from a person must show, as their own label does.
   */
  taughtLabelOf(text: string): string | undefined {
    return this.names.size === 0 ? undefined : this.names.get(nameKey(text));
  }

  /** True once some name has a taught label ({@link taughtLabelOf}). */
  get hasTaughtNames(): boolean {
    return this.names.size > 0;
  }

  /** Shows the spans of a class the shipped recogniser keeps to itself (MISC), as learning does once a person labels one. */
  teach(type: string): void {
    this.taught.add(type);
  }

  /**
   * Learns from the corrections of one document: `sentences` are all of its sentences (the document
   * evidence of the features reads them all), `words` the tagger's input for them (the recogniser's
   * true-cased words), `corrections` every decision the person made in it. Only sentences holding a
   * fresh correction are learned from, each with every decision that falls in it.
   */
  learn(sentences: readonly Sentence[], words: readonly (readonly string[])[], corrections: readonly Correction[]): LearningReport {
    const fresh = corrections.some((c) => c.fresh) ? corrections.filter((c) => c.fresh) : corrections;
    const chosen: number[] = [];
    for (let s = 0; s < sentences.length; s++) if (fresh.some((c) => overlaps(c, sentences[s]))) chosen.push(s);
    const newClasses: string[] = [];
    for (const c of corrections) {
      if (c.label === undefined) continue;
      const cls = classOfLabel(c.label);
      if (cls.startsWith('@') && !this.weights.tags.includes(`B-${cls}`)) {
        this.weights.addClass(cls);
        newClasses.push(cls);
      }
    }
    const updated = this.learnSentences(sentences, words, chosen, corrections);
    for (const c of fresh) if (c.label !== undefined) this.taught.add(classOfLabel(c.label));
    this.rememberNames(sentences, fresh);
    this.install();
    return { sentences: chosen.length, updated, newClasses };
  }

  /**
   * Learns the sentences `chosen` (indices into `sentences`) with every decision that falls in each; returns
   * how many needed an update.
   */
  private learnSentences(sentences: readonly Sentence[], words: readonly (readonly string[])[], chosen: readonly number[], corrections: readonly Correction[]): number {
    let updated = 0;
    if (chosen.length === 0) return updated;
    // The learner must score with the weights it moves, even while they are still empty: with the
    // model alone it would not see its own steps and take all its repeats at the largest step (a
    // first correction, or a rejection after a label that taught nothing, learned ten times too hard).
    this.tagger.model.setOverlay(this.weights);
    this.tagger.visitFeatures(words, chosen, (s, buffer) => {
      const forced = this.forcedTags(sentences[s], corrections);
      if (!forced) return;
      const connectors = this.connectorsOf(words[s]);
      if (this.learner.learnSentence(buffer.feats, buffer.offsets, sentences[s].tokens.length, forced, this.recordOf(words[s], forced), connectors) > 0) updated++;
    });
    return updated;
  }

  /**
   * Takes back what decisions a person removed taught (`removed`: where they were in this text). Each
   * sentence holding one that was learned in this session has its updates withdrawn and is learned again
   * with the decisions still in it (`corrections`); a name such a decision labelled is forgotten. A
   * sentence learned before a restart keeps its updates (they are not remembered, as for a decision
   * reversed after a restart): *Reset Learned Corrections* undoes those. Returns the sentences taken back.
   */
  unlearn(sentences: readonly Sentence[], words: readonly (readonly string[])[], corrections: readonly Correction[], removed: readonly OffsetRange[]): number {
    const again: number[] = [];
    let withdrawn = 0;
    for (let s = 0; s < sentences.length; s++) {
      if (!removed.some((r) => overlaps(r, sentences[s]))) continue;
      const key = words[s].join('\u0000');
      const earlier = this.sentences.get(key);
      if (!earlier) continue;
      this.learner.withdraw(earlier.delta);
      this.sentences.delete(key);
      withdrawn++;
      if (corrections.some((c) => overlaps(c, sentences[s]))) again.push(s);
    }
    this.learnSentences(sentences, words, again, corrections);
    for (const range of removed) {
      const key = nameKeyAt(sentences, range);
      if (key !== undefined && this.names.delete(key)) this.namesRevision++;
    }
    this.install();
    return withdrawn;
  }

  /**
   * Which words of a sentence are connectors ({@link LearningOptions.connectorRate}): written in lower
   * case, and so written in news — or without a letter (`16`, `(`, `&`). A label over `Diario 16` says
   * nothing new about `16`: when numbers learned from such labels, scores and sections ran on into names
   * (`Crystal Palace 3`, `Arsenal 1`, `Sector 7`), and 50 corrected CoNLL documents cost up to 1.55 F1 on
   * held-out folds of eng.train (issue 13). What such a label says is about the pair (`16` after
   * `Diario`, `of` after `Bank`): every connector's pair features learn instead of its own weights
   * ({@link Connectors.pairs}), so the label still shows at once in its sentence.
   */
  private connectorsOf(words: readonly string[]): Connectors {
    const lowercaseWords = this.tagger.gazetteers.lowercaseWords;
    const flags = new Uint8Array(words.length);
    const pairs = new Int32Array(2 * words.length);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (HAS_LETTER.test(w) && (w !== w.toLowerCase() || !lowercaseWords.has(hashLower(w)))) continue;
      flags[i] = 1;
      const [before, after] = wordPairFeatures(words, i);
      pairs[2 * i] = before;
      pairs[2 * i + 1] = after;
    }
    return { flags, pairs };
  }

  /**
   * Where the updates of a sentence about to be learned with `forced` are recorded; when a decision the
   * sentence was learned with before is now a different one, what it taught is taken back first.
   */
  private recordOf(words: readonly string[], forced: Int32Array): SentenceDelta {
    const key = words.join('\u0000');
    const earlier = this.sentences.get(key);
    if (earlier && earlier.forced.length === forced.length && !earlier.forced.some((tag, i) => tag >= 0 && tag !== forced[i])) {
      earlier.forced = forced;
      this.sentences.delete(key);
      this.sentences.set(key, earlier);
      return earlier.delta;
    }
    if (earlier) this.learner.withdraw(earlier.delta);
    const learned: LearnedSentence = { forced, delta: { weights: new Map(), transitions: new Map() } };
    this.sentences.delete(key);
    this.sentences.set(key, learned);
    // A long session keeps the sentences learned last (a Map iterates in insertion order): a decision
    // reversed in an older one adds to what it taught, as after a restart.
    if (this.sentences.size > MAX_REMEMBERED_SENTENCES) this.sentences.delete(this.sentences.keys().next().value!);
    return learned.delta;
  }

  /** Records the names the fresh corrections labelled, and forgets those they rejected. */
  private rememberNames(sentences: readonly Sentence[], fresh: readonly Correction[]): void {
    for (const c of fresh) {
      const key = nameKeyAt(sentences, c);
      if (key === undefined) continue;
      if (c.label !== undefined ? this.names.get(key) === c.label : !this.names.has(key)) continue;
      // Kept as long as the name is taught: a one-word name cut from an article would keep the whole text.
      if (c.label !== undefined) this.names.set(ownString(key), c.label);
      else this.names.delete(key);
      this.namesRevision++;
    }
  }

  /**
   * Per token of the sentence: the tag index the corrections force, or -1. Labels win over rejections
   * (a person who rejected `Kerry` then labelled `John Kerry` meant the longer name). Undefined when
   * nothing in the sentence constrains a token (a label across sentences or too long to be an entity).
   */
  private forcedTags(sentence: Sentence, corrections: readonly Correction[]): Int32Array | undefined {
    const forced = new Int32Array(sentence.tokens.length).fill(-1);
    const tokensOf = (c: Correction) => tokenSpanOf(sentence, c);
    let any = false;
    const outside = this.weights.tagIndex('O');
    for (const c of corrections) {
      if (c.label !== undefined) continue;
      const span = tokensOf(c);
      if (!span) continue;
      forced.fill(outside, span[0], span[1]);
      any = true;
    }
    for (const c of corrections) {
      if (c.label === undefined) continue;
      const span = tokensOf(c);
      if (!span || span[1] - span[0] > MAX_ENTITY_TOKENS) continue;
      const cls = classOfLabel(c.label);
      const begin = this.weights.tagIndex(`B-${cls}`);
      const inside = this.weights.tagIndex(`I-${cls}`);
      if (begin < 0 || inside < 0) continue;
      forced[span[0]] = begin;
      forced.fill(inside, span[0] + 1, span[1]);
      any = true;
    }
    return any ? forced : undefined;
  }

  /** Forgets everything learned: the shipped model's tags again, exactly. */
  reset(): void {
    this.weights.clear();
    this.sentences = new Map();
    this.taught = new Set();
    if (this.names.size > 0) this.namesRevision++;
    this.names = new Map();
    this.install();
  }

  /** The learned state as a file (see `LearnedWeights.encode`), with the owner's facts. */
  save(extra: Record<string, unknown> = {}): Buffer {
    return this.weights.encode({ ...extra, taught: [...this.taught].sort(), names: [...this.names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) });
  }

  /** Reads a file of {@link save}; returns the owner's facts. Throws (and keeps the model alone) when it cannot be used. */
  load(file: Uint8Array): Record<string, unknown> {
    try {
      const extra = this.weights.decode(file);
      this.sentences = new Map();
      this.taught = new Set(Array.isArray(extra.taught) ? extra.taught.filter((t): t is string => typeof t === 'string') : []);
      const names = Array.isArray(extra.names) ? extra.names.filter((n): n is [string, string] => Array.isArray(n) && typeof n[0] === 'string' && typeof n[1] === 'string') : [];
      this.names = new Map(names);
      this.namesRevision++;
      this.install();
      return extra;
    } catch (error) {
      this.reset();
      throw error;
    }
  }

  /** The overlay scores only once it holds something: until then the shipped model runs as it was. */
  private install(): void {
    this.tagger.model.setOverlay(this.weights.isEmpty ? undefined : this.weights);
  }
}

/**
 * A name as {@link TaggerAdaptation.taughtLabelOf} keys it: its text without white space (line breaks in a name do not
 * matter) nor format characters (`Stein\u00admeier` is `Steinmeier`, as the tagger reads it).
 */
function nameKey(text: string): string {
  return withoutFormatCharacters(text.replace(/\s+/g, ''));
}

/** The tokens `[first, end)` of the sentence a correction covers (any token it touches); undefined when it is not inside the sentence. */
/**
 * The name key ({@link nameKey}) of the tokens `range` covers in one of `sentences`; undefined when it spans
 * sentences, covers no token, or is too long to be a name ({@link MAX_ENTITY_TOKENS}).
 */
function nameKeyAt(sentences: readonly Sentence[], range: OffsetRange): string | undefined {
  const sentence = sentences.find((s) => s.start <= range.start && range.end <= s.end);
  const span = sentence && tokenSpanOf(sentence, range);
  if (!span || span[1] - span[0] > MAX_ENTITY_TOKENS) return undefined;
  return nameKey(sentence.tokens.slice(span[0], span[1]).map((t) => t.text).join(''));
}

function tokenSpanOf(sentence: Sentence, c: OffsetRange): [number, number] | undefined {
  if (c.start < sentence.start || c.end > sentence.end) return undefined;
  const tokens = sentence.tokens;
  let first = -1;
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].end <= c.start || tokens[i].start >= c.end) continue;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? undefined : [first, last + 1];
}
