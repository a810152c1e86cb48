import type { Gazetteers } from './gazetteer';
import { affixHashes, charClass, hashCapitalised, hashLower, hashWord, mix, mix3, wordHashes } from './hash';

/**
 * Feature extraction for the entity tagger. A document (all its sentences, as token strings) is
 * prepared once: per-token hashes, list matches and document-level evidence. Then each sentence
 * yields, per token, a run of 32-bit feature hashes in a reusable buffer. Nothing in the per-feature
 * path allocates: the only strings are the tokens themselves.
 */

/** Increment when the feature set changes: the model file records it and refuses a mismatch. */
export const FEATURE_VERSION = 7;

// Template ids. Each feature is mix(template, value...); the numbers only need to be distinct.
const T_BIAS = 1, T_W = 2, T_L = 3, T_S = 4, T_PRE = 5, T_SUF = 9;
const T_L_M1 = 13, T_L_P1 = 14, T_L_M2 = 15, T_L_P2 = 16;
const T_S_M1 = 17, T_S_P1 = 18, T_S_M2 = 19, T_S_P2 = 20;
const T_S_M1_0 = 21, T_S_0_P1 = 22, T_S_M1_0_P1 = 23, T_L_M1_0 = 24, T_L_0_P1 = 25;
const T_FIRST = 26, T_CAPS_SENT = 27, T_GAZ = 28, T_GAZ_M1 = 29, T_GAZ_P1 = 30;
const T_TITLE_M1 = 31, T_TITLE_M2 = 32, T_TITLE_0 = 33, T_HYPH_LAST = 34, T_HYPH_FIRST = 35;
const T_DOC = 37, T_W_M1 = 38, T_W_P1 = 39, T_LAST = 40, T_GAZ_S = 41;
const T_CLUSTER = 42, T_C1_M1 = 43, T_C2_M1 = 44, T_C1_P1 = 45, T_C2_P1 = 46;
const T_TOPIC_S = 51, T_TOPIC_G = 52;
const T_GAZ_M1_S = 56;
const T_EMBEDDING = 60, T_E_M1 = 61, T_E_P1 = 62;

// Sentinel hashes for positions outside the sentence.
const BOS1 = 0x1b873593, BOS2 = 0x2b873593, EOS1 = 0x3b873593, EOS2 = 0x4b873593;

/** Document-level evidence bits for a capitalised word (see {@link DocumentFeatures.prepare}). */
const DOC_LOWER = 1, DOC_CAP_MID = 2, DOC_AFTER_FIRST = 4, DOC_AFTER_TITLE = 8, DOC_AFTER_IN = 16;
const DOC_BITS = 5;
const FIRSTNAME_BIT = 1 << 5;

/**
 * A word's features as somebody's neighbour, for the factored layout of {@link DocumentFeatures.extract}:
 * what it adds to the token after it (`T_L_M1`, `T_W_M1`, `T_S_M1` of its hashes, `T_C1_M1`, `T_C2_M1`
 * of its clusters and `T_E_M1` of its embedding cluster), to the token two after it (`T_L_M2`,
 * `T_S_M2`), to the token before it (`T_L_P1`, `T_W_P1`, `T_S_P1`, `T_C1_P1`, `T_C2_P1`, `T_E_P1`) and
 * to the token two before it (`T_L_P2`, `T_S_P2`). These are the sixteen context features that depend
 * on one neighbour's word alone, so a decoder can sum them once per word rather than once per token.
 */
export const NEIGHBOUR_GROUP_SIZES: readonly number[] = [6, 2, 6, 2];
export const NEIGHBOUR_FEATURES = 16;

function writeNeighbourFeatures(f: Int32Array, p: number, l: number, w: number, s: number, c1: number, c2: number, e: number): void {
  f[p] = mix(T_L_M1, l);
  f[p + 1] = mix(T_W_M1, w);
  f[p + 2] = mix(T_S_M1, s);
  f[p + 3] = mix(T_C1_M1, c1);
  f[p + 4] = mix(T_C2_M1, c2);
  f[p + 5] = mix(T_E_M1, e);
  f[p + 6] = mix(T_L_M2, l);
  f[p + 7] = mix(T_S_M2, s);
  f[p + 8] = mix(T_L_P1, l);
  f[p + 9] = mix(T_W_P1, w);
  f[p + 10] = mix(T_S_P1, s);
  f[p + 11] = mix(T_C1_P1, c1);
  f[p + 12] = mix(T_C2_P1, c2);
  f[p + 13] = mix(T_E_P1, e);
  f[p + 14] = mix(T_L_P2, l);
  f[p + 15] = mix(T_S_P2, s);
}

/**
 * The two features token `i` of a sentence shares with its neighbours' lower-cased words (`diario|16`,
 * `16|reported`, as {@link DocumentFeatures.extract} writes them): evidence about a pair of words, not
 * about either alone. The learner moves them for a word whose own weights it keeps (`ner/adaptation.ts`).
 */
export function wordPairFeatures(words: readonly string[], i: number): [number, number] {
  const l0 = hashLower(words[i]);
  const lm1 = i > 0 ? hashLower(words[i - 1]) : BOS1;
  const lp1 = i < words.length - 1 ? hashLower(words[i + 1]) : EOS1;
  return [pairWithPrevious(lm1, l0), pairWithNext(l0, lp1)];
}

/** The pair feature of a word (lower-cased hash `l0`) and the word before it (`lm1`). */
function pairWithPrevious(lm1: number, l0: number): number {
  return mix3(T_L_M1_0, lm1, l0);
}

/** The pair feature of a word (lower-cased hash `l0`) and the word after it (`lp1`). */
function pairWithNext(l0: number, lp1: number): number {
  return mix3(T_L_0_P1, l0, lp1);
}

/**
 * Feature groups that can be switched off, for ablations in training and benchmarks (the
 * analysis uses them all): word clusters, name-list matches, document evidence, role words.
 */
export interface FeatureGroups {
  readonly clusters: boolean;
  /** The embedding clusters (GloVe vectors' classes) of the lower-cased word, and of its neighbours at one level. */
  readonly embeddings: boolean;
  readonly lists: boolean;
  readonly document: boolean;
  readonly roles: boolean;
  /** The document's topic line (`SOCCER -`), with each token's shape and list matches. */
  readonly topic: boolean;
}

const ALL_GROUPS: FeatureGroups = { clusters: true, embeddings: true, lists: true, document: true, roles: true, topic: true };

/**
 * Where a token's own word is in its run of the full layout ({@link DocumentFeatures.extract}): the
 * word as written (`T_W`) and lower-cased (`T_L`), right after the bias. These are the features that
 * say something of this word alone, rather than of its shape, context or class; the learner from
 * corrections moves only them for the classes the shipped model was trained on (see `adaptation.ts`).
 */
export const WORD_IDENTITY_SLOTS: readonly number[] = [1, 2];

/** Cluster levels (of {@link WordClusters}, coarse first) a word shows its neighbours: the second and third. */
const NEIGHBOUR_LEVEL_1 = 1, NEIGHBOUR_LEVEL_2 = 2;
/** The neighbour cluster value of a word without clusters. */
const NO_CLUSTER = -1;
/** The embedding-cluster level (of {@link Gazetteers.embeddings}, coarse first; capped at the finest) a word shows its neighbours. */
const NEIGHBOUR_EMBEDDING_LEVEL = 2;

/**
 * The neighbour features of the positions outside a sentence, as four pseudo-words of
 * {@link NEIGHBOUR_FEATURES} each: one and two before the start (`BOS1`, `BOS2`), one and two past
 * the end (`EOS1`, `EOS2`). Token 0's previous word is `BOS1` and the word two before it `BOS2`;
 * token 1's word two before is `BOS1`; likewise at the end.
 */
export const BOUNDARY_NEIGHBOUR_FEATURES: Int32Array = (() => {
  const f = new Int32Array(4 * NEIGHBOUR_FEATURES);
  [BOS1, BOS2, EOS1, EOS2].forEach((h, k) => writeNeighbourFeatures(f, k * NEIGHBOUR_FEATURES, h, h, h, h, h, h));
  return f;
})();

/** Upper bound of features per token, for buffer sizing. */
export const MAX_FEATURES_PER_TOKEN = 96;

/** A growable buffer of per-token feature runs for one sentence. */
export class FeatureBuffer {
  feats = new Int32Array(4096);
  /** `offsets[i]..offsets[i+1]` are the features of token i. */
  offsets = new Int32Array(257);
  /**
   * True when the buffer holds the factored layout (see {@link DocumentFeatures.extract}): each
   * token's run holds only the features that depend on more than one word, and `wordKeys[i]` is a
   * hash of token i's word for caching what depends on the word alone.
   */
  factored = false;
  wordKeys = new Int32Array(257);

  ensure(tokens: number): void {
    if (this.offsets.length < tokens + 1) {
      this.offsets = new Int32Array((tokens + 1) * 2);
      this.wordKeys = new Int32Array((tokens + 1) * 2);
    }
    const need = tokens * MAX_FEATURES_PER_TOKEN;
    if (this.feats.length < need) this.feats = new Int32Array(need * 2);
  }
}

/** The features of a token that depend on its word alone, for a decoder that caches them per word. */
export interface WordFeatureSource {
  /**
   * Writes token `i`'s word-only features (bias, word, lower case, shape, affixes), then the
   * {@link NEIGHBOUR_FEATURES} its word gives its neighbours, into `out` from 0; returns how many
   * word-only features there are. `i` indexes the sentence last extracted in the factored layout.
   */
  wordFeatures(i: number, out: Int32Array): number;
}

/** Tokens and sentences of a document {@link DocumentFeatures} holds room for before it grows. */
const INITIAL_TOKENS = 16384, INITIAL_SENTENCES = 1024;

/** Per-document preparation and per-sentence feature extraction. Not re-entrant; reuse per thread. */
export class DocumentFeatures implements WordFeatureSource {
  private cap = 0;
  private word = new Int32Array(0);
  private lower = new Int32Array(0);
  private shape = new Int32Array(0);
  private gazBegin = new Uint8Array(0);
  private gazInside = new Uint8Array(0);
  private docFlags = new Uint8Array(0);
  /**
   * The full layout's cluster keys ({@link clusterKeyOf}) of the sentence being extracted, and its
   * tokens' classes at the two levels their neighbours see. The factored layout needs none of
   * this: a word's clusters are looked up only when the decoder's word cache misses.
   */
  private sentenceClusterKeys = new Int32Array(256);
  private sentenceClusters1 = new Int32Array(256);
  private sentenceClusters2 = new Int32Array(256);
  /** The full layout's embedding-cluster entries ({@link embeddingEntryOf}) of the sentence, and the class its neighbours see. */
  private sentenceEmbeddings = new Int32Array(256);
  private sentenceEmbeddingClasses = new Int32Array(256);
  private readonly groups: FeatureGroups;
  private readonly affixes = new Int32Array(8);
  private readonly hashes = new Int32Array(3);
  /** 1 where the token is a role word (one Set lookup per token, reused by five features). */
  private title = new Uint8Array(0);
  private sentenceStart = new Int32Array(0);
  private capsSentence = new Uint8Array(0);
  private words: readonly (readonly string[])[] = [];
  /** The sentence last given to {@link extract}, which {@link wordFeatures} reads. */
  private extracted = 0;
  /** The document's topic ({@link topicOf}), or 0. */
  private topic = 0;
  /** Lower-case word hash → document evidence bits, rebuilt per document. */
  private readonly evidence = new FlagTable();
  private readonly hashIn = hashLower('in');

  constructor(
    private readonly gazetteers: Gazetteers,
    groups: Partial<FeatureGroups> = {},
  ) {
    this.groups = { ...ALL_GROUPS, ...groups };
    // Room for a long article from the start (260 KB): growing for the first document larger than
    // those before deoptimised `prepare`, compiled before V8 had seen it grow.
    this.grow(INITIAL_TOKENS);
    this.sentenceStart = new Int32Array(INITIAL_SENTENCES + 1);
    this.capsSentence = new Uint8Array(INITIAL_SENTENCES + 1);
  }

  /**
   * Computes token hashes, list matches and document evidence for all sentences of a document. With
   * `evidenceKeys` (each sentence's {@link evidenceKey}, computed where the whole document was prepared),
   * `sentences` may be any of the document's sentences: the evidence is read from the keys, not from
   * these sentences, so they get exactly the features the whole document gives them (a tagging
   * worker prepares only its share).
   */
  prepare(sentences: readonly (readonly string[])[], evidenceKeys?: readonly string[]): void {
    let total = 0;
    for (const s of sentences) total += s.length;
    if (total > this.cap) this.grow(total * 2);
    if (this.sentenceStart.length < sentences.length + 1) {
      this.sentenceStart = new Int32Array((sentences.length + 1) * 2);
      this.capsSentence = new Uint8Array((sentences.length + 1) * 2);
    }
    this.words = sentences;
    const evidence = this.evidence;
    evidence.reset(total);
    let k = 0;
    for (let s = 0; s < sentences.length; s++) {
      const ws = sentences[s];
      this.sentenceStart[s] = k;
      let hasLower = false;
      for (let i = 0; i < ws.length; i++) {
        const w = ws[i];
        wordHashes(w, this.hashes);
        this.word[k + i] = this.hashes[0];
        this.lower[k + i] = this.hashes[1];
        this.shape[k + i] = this.hashes[2];
        this.title[k + i] = this.gazetteers.titles.has(this.lower[k + i]) ? 1 : 0;
        if (!hasLower) {
          for (let j = 0; j < w.length; j++) {
            if (charClass(w.charCodeAt(j)) === 2) {
              hasLower = true;
              break;
            }
          }
        }
      }
      this.capsSentence[s] = hasLower ? 0 : 1;
      this.gazetteers.match(ws, this.lower, this.gazBegin, this.gazInside, k);
      if (evidenceKeys) {
        const key = evidenceKeys[s];
        if (key.length !== ws.length && key.charAt(ws.length) !== TOPIC_MARK) throw new Error(`evidence of sentence ${s} has ${key.length} tokens, the sentence ${ws.length}`);
        for (let i = 0; i < ws.length; i++) this.docFlags[k + i] = key.charCodeAt(i) - 48;
        k += ws.length;
        continue;
      }
      // Document evidence: how the same word behaves elsewhere in the article.
      for (let i = 0; i < ws.length; i++) {
        const cls = charClass(ws[i].charCodeAt(0));
        const l = this.lower[k + i];
        if (cls === 2) evidence.or(l, DOC_LOWER);
        else if (cls === 1 && i > 0 && !this.capsSentence[s]) {
          let bits = DOC_CAP_MID;
          if (this.gazBegin[k + i - 1] & FIRSTNAME_BIT && charClass(ws[i - 1].charCodeAt(0)) === 1) bits |= DOC_AFTER_FIRST;
          if (this.title[k + i - 1]) bits |= DOC_AFTER_TITLE;
          if (this.lower[k + i - 1] === this.hashIn) bits |= DOC_AFTER_IN;
          evidence.or(l, bits);
        }
      }
      k += ws.length;
    }
    this.sentenceStart[sentences.length] = k;
    if (evidenceKeys) {
      this.topic = sentences.length > 0 ? topicOfKey(evidenceKeys[0], sentences[0].length) : 0;
      return;
    }
    for (let t = 0; t < k; t++) this.docFlags[t] = evidence.get(this.lower[t]);
    this.topic = this.groups.topic ? this.topicOf(sentences) : 0;
  }

  /**
   * A hash of the words of the topic line that opens a wire story's headline (`SOCCER - GLORIA
   * BISTRITA BEAT 2-1 F.C. VALLETTA .`, `RUGBY UNION - …`, `RESEARCH ALERT - …`), or 0 when the
   * first sentence has none: in a sports story two capitalised words are a club far more often than
   * a person. Read from the prepared tokens (lower-case hashes) of the first sentence.
   */
  private topicOf(sentences: readonly (readonly string[])[]): number {
    const first = sentences[0];
    if (!first) return 0;
    const dash = first.indexOf('-');
    if (dash < 1 || dash > 3) return 0;
    let topic = 0x5f356495;
    for (let i = 0; i < dash; i++) {
      if (charClass(first[i].charCodeAt(0)) !== 1) return 0;
      topic = mix(topic, this.lower[i]);
    }
    return topic;
  }

  /** Lets go of the last document's words (cut from its text, which they would keep alive). */
  release(): void {
    this.words = [];
  }

  private grow(size: number): void {
    this.cap = size;
    this.word = new Int32Array(size);
    this.lower = new Int32Array(size);
    this.shape = new Int32Array(size);
    this.gazBegin = new Uint8Array(size);
    this.gazInside = new Uint8Array(size);
    this.docFlags = new Uint8Array(size);
    this.title = new Uint8Array(size);
  }

  /**
   * Token `t`'s key into the word clusters: its entry × 2, + 1 when found only through the
   * lower-cased form, or -1 when the word has no clusters. Looked up as the word as written; an
   * all-caps word (`BRUSSELS`, a headline or dateline) as capitalised; failing those, the
   * lower-cased word (`Officials` opening a sentence), marked as such because `Bush` is not `bush`.
   */
  private clusterKeyOf(t: number, w: string): number {
    const clusters = this.gazetteers.clusters;
    if (!this.groups.clusters || clusters.levels === 0) return -1;
    let entry = clusters.entry(this.word[t]);
    if (entry < 0 && w.length > 1 && this.shapeIsUpper(w)) entry = clusters.entry(hashCapitalised(w));
    if (entry >= 0) return entry * 2;
    entry = clusters.entry(this.lower[t]);
    return entry >= 0 ? entry * 2 + 1 : -1;
  }

  /** The class at `level` (capped at the finest) of a word with cluster key `key`, or {@link NO_CLUSTER}. */
  private clusterClass(key: number, level: number): number {
    const clusters = this.gazetteers.clusters;
    return key < 0 ? NO_CLUSTER : clusters.classOf(key >> 1, Math.min(level, clusters.levels - 1));
  }

  /**
   * Token `t`'s entry in the embedding clusters, looked up lower-cased (GloVe's words are), or -1
   * when the word has none or the group is off.
   */
  private embeddingEntryOf(t: number): number {
    const embeddings = this.gazetteers.embeddings;
    return this.groups.embeddings && embeddings.levels > 0 ? embeddings.entry(this.lower[t]) : -1;
  }

  /** The embedding class a word with entry `entry` shows its neighbours, or {@link NO_CLUSTER}. */
  private neighbourEmbeddingClass(entry: number): number {
    const embeddings = this.gazetteers.embeddings;
    return entry < 0 ? NO_CLUSTER : embeddings.classOf(entry, Math.min(NEIGHBOUR_EMBEDDING_LEVEL, embeddings.levels - 1));
  }

  /** Fills the sentence's cluster keys and neighbour classes for the full layout. */
  private lookUpSentenceClusters(base: number, ws: readonly string[]): void {
    if (this.sentenceClusterKeys.length < ws.length) {
      this.sentenceClusterKeys = new Int32Array(ws.length * 2);
      this.sentenceClusters1 = new Int32Array(ws.length * 2);
      this.sentenceClusters2 = new Int32Array(ws.length * 2);
      this.sentenceEmbeddings = new Int32Array(ws.length * 2);
      this.sentenceEmbeddingClasses = new Int32Array(ws.length * 2);
    }
    for (let i = 0; i < ws.length; i++) {
      const key = this.clusterKeyOf(base + i, ws[i]);
      this.sentenceClusterKeys[i] = key;
      this.sentenceClusters1[i] = this.clusterClass(key, NEIGHBOUR_LEVEL_1);
      this.sentenceClusters2[i] = this.clusterClass(key, NEIGHBOUR_LEVEL_2);
      const entry = this.embeddingEntryOf(base + i);
      this.sentenceEmbeddings[i] = entry;
      this.sentenceEmbeddingClasses[i] = this.neighbourEmbeddingClass(entry);
    }
  }

  /** True when the word has an upper-case letter and no lower-case one. */
  private shapeIsUpper(w: string): boolean {
    let upper = false;
    for (let j = 0; j < w.length; j++) {
      const cls = charClass(w.charCodeAt(j));
      if (cls === 2) return false;
      if (cls === 1) upper = true;
    }
    return upper;
  }

  /**
   * The document evidence of sentence `s`'s tokens as a short string. With the sentence's words it
   * determines the sentence's features, so an incremental analysis can cache tags under
   * (words, evidence) and re-tag only sentences whose words or evidence changed. Keep it covering
   * every document-level input of {@link extract}.
   */
  evidenceKey(s: number): string {
    let key = '';
    for (let t = this.sentenceStart[s], end = this.sentenceStart[s + 1]; t < end; t++) key += String.fromCharCode(48 + this.docFlags[t]);
    // The story's topic after the tokens' characters, so that a worker given the keys reads it too (topicOfKey).
    return this.topic === 0 ? key : `${key}${TOPIC_MARK}${this.topic}`;
  }

  /**
   * Writes the word-only features of document token `t` (word `w`) into `f` from `p`; returns the new end.
   * The word as written and lower-cased come second and third ({@link WORD_IDENTITY_SLOTS}).
   */
  private writeWordFeatures(t: number, w: string, clusterKey: number, embeddingEntry: number, f: Int32Array, p: number): number {
    f[p++] = mix(T_BIAS, 0);
    f[p++] = mix(T_W, this.word[t]);
    f[p++] = mix(T_L, this.lower[t]);
    f[p++] = mix(T_S, this.shape[t]);
    const affixes = affixHashes(w, this.affixes);
    for (let k = 0; k < affixes; k++) {
      f[p++] = mix(T_PRE + k, this.affixes[k]);
      f[p++] = mix(T_SUF + k, this.affixes[4 + k]);
    }
    // Clusters at every level, coarse to fine (like prefixes of a Brown bit path); whether the word
    // was found as written or only lower-cased is part of the feature. No clusters is a feature too.
    if (this.groups.clusters) {
      const key = clusterKey;
      if (key < 0) f[p++] = mix(T_CLUSTER, -1);
      else {
        const clusters = this.gazetteers.clusters;
        for (let level = 0; level < clusters.levels; level++) f[p++] = mix3(T_CLUSTER, level * 2 + (key & 1), clusters.classOf(key >> 1, level));
      }
    }
    // Embedding clusters at every level, coarse to fine, of the lower-cased word (case is in the shape).
    if (this.groups.embeddings) {
      if (embeddingEntry < 0) f[p++] = mix(T_EMBEDDING, -1);
      else {
        const embeddings = this.gazetteers.embeddings;
        for (let level = 0; level < embeddings.levels; level++) f[p++] = mix3(T_EMBEDDING, level, embeddings.classOf(embeddingEntry, level));
      }
    }
    return p;
  }

  wordFeatures(i: number, out: Int32Array): number {
    const t = this.sentenceStart[this.extracted] + i;
    const w = this.words[this.extracted][i];
    const key = this.clusterKeyOf(t, w);
    const entry = this.embeddingEntryOf(t);
    const count = this.writeWordFeatures(t, w, key, entry, out, 0);
    writeNeighbourFeatures(
      out, count, this.lower[t], this.word[t], this.shape[t],
      this.clusterClass(key, NEIGHBOUR_LEVEL_1), this.clusterClass(key, NEIGHBOUR_LEVEL_2), this.neighbourEmbeddingClass(entry),
    );
    return count;
  }

  /**
   * Writes the features of sentence `s` (of the prepared document) into `out`: per token, its full
   * feature list (what training sees), or with `factored` only the features that depend on more than
   * one word. A decoder of the factored layout sums the rest once per distinct word and caches it
   * ({@link wordFeatures}): the token's word-only features, and instead of the sixteen features its
   * neighbours' words give it (`T_L_M1` of the previous word, …) the sixteen its own word gives its
   * neighbours ({@link NEIGHBOUR_GROUP_SIZES}), sentence boundaries coming from
   * {@link BOUNDARY_NEIGHBOUR_FEATURES}. Summed over a sentence, every token gets the same multiset of
   * features either way.
   */
  extract(s: number, out: FeatureBuffer, factored = false): void {
    const ws = this.words[s];
    const n = ws.length;
    const base = this.sentenceStart[s];
    out.ensure(n);
    this.extracted = s;
    const f = out.feats;
    const offsets = out.offsets;
    const W = this.word, L = this.lower, S = this.shape;
    if (!factored) this.lookUpSentenceClusters(base, ws);
    const K = this.sentenceClusterKeys, C1 = this.sentenceClusters1, C2 = this.sentenceClusters2;
    const E = this.sentenceEmbeddings, EC = this.sentenceEmbeddingClasses;
    const { lists, document, roles, embeddings } = this.groups;
    const caps = this.capsSentence[s];
    const title = this.title;
    let p = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = p;
      const t = base + i;
      const w = ws[i];
      const l0 = L[t], s0 = S[t];
      const lm1 = i > 0 ? L[t - 1] : BOS1, lm2 = i > 1 ? L[t - 2] : i > 0 ? BOS1 : BOS2;
      const lp1 = i < n - 1 ? L[t + 1] : EOS1, lp2 = i < n - 2 ? L[t + 2] : i < n - 1 ? EOS1 : EOS2;
      const sm1 = i > 0 ? S[t - 1] : BOS1, sm2 = i > 1 ? S[t - 2] : i > 0 ? BOS1 : BOS2;
      const sp1 = i < n - 1 ? S[t + 1] : EOS1, sp2 = i < n - 2 ? S[t + 2] : i < n - 1 ? EOS1 : EOS2;
      const len = w.length;
      if (factored) out.wordKeys[i] = W[t];
      else {
        p = this.writeWordFeatures(t, w, K[i], E[i], f, p);
        f[p++] = mix(T_L_M1, lm1);
        f[p++] = mix(T_L_P1, lp1);
        f[p++] = mix(T_L_M2, lm2);
        f[p++] = mix(T_L_P2, lp2);
        f[p++] = mix(T_W_M1, i > 0 ? W[t - 1] : BOS1);
        f[p++] = mix(T_W_P1, i < n - 1 ? W[t + 1] : EOS1);
        f[p++] = mix(T_S_M1, sm1);
        f[p++] = mix(T_S_P1, sp1);
        f[p++] = mix(T_S_M2, sm2);
        f[p++] = mix(T_S_P2, sp2);
        f[p++] = mix(T_C1_M1, i > 0 ? C1[i - 1] : BOS1);
        f[p++] = mix(T_C2_M1, i > 0 ? C2[i - 1] : BOS1);
        f[p++] = mix(T_C1_P1, i < n - 1 ? C1[i + 1] : EOS1);
        f[p++] = mix(T_C2_P1, i < n - 1 ? C2[i + 1] : EOS1);
        // Left out with the group off, so that an ablation trains exactly the features before the group
        // (the factored layout still has them, but a model trained without them has no weights for them).
        if (embeddings) {
          f[p++] = mix(T_E_M1, i > 0 ? EC[i - 1] : BOS1);
          f[p++] = mix(T_E_P1, i < n - 1 ? EC[i + 1] : EOS1);
        }
      }
      f[p++] = mix3(T_S_M1_0, sm1, s0);
      f[p++] = mix3(T_S_0_P1, s0, sp1);
      f[p++] = mix(mix3(T_S_M1_0_P1, sm1, s0), sp1);
      f[p++] = pairWithPrevious(lm1, l0);
      f[p++] = pairWithNext(l0, lp1);
      if (i === 0) f[p++] = mix3(T_FIRST, s0, caps);
      if (i === n - 1) f[p++] = mix(T_LAST, s0);
      if (caps) f[p++] = mix(T_CAPS_SENT, s0);
      // Lists: which lists match here, and around here.
      const gb = lists ? this.gazBegin[t] : 0, gi = lists ? this.gazInside[t] : 0;
      if (gb | gi) {
        for (let b = 0; b < 8; b++) {
          const bit = 1 << b;
          if (gb & bit) f[p++] = mix(T_GAZ, b * 2);
          if (gi & bit) f[p++] = mix(T_GAZ, b * 2 + 1);
        }
        f[p++] = mix3(T_GAZ_S, gb | (gi << 8), s0);
      }
      if (lists && i > 0) {
        const g = this.gazBegin[t - 1] | this.gazInside[t - 1];
        if (g) {
          f[p++] = mix(T_GAZ_M1, g);
          // With the token's own shape: a capitalised word after a first name (`Theresa May`) is a
          // surname, whatever its word and its classes say elsewhere (`May` the month).
          f[p++] = mix3(T_GAZ_M1_S, g, s0);
        }
      }
      if (lists && i < n - 1) {
        const g = this.gazBegin[t + 1] | this.gazInside[t + 1];
        if (g) f[p++] = mix(T_GAZ_P1, g);
      }
      // The story's topic line: `Gloria Bistrita` in a SOCCER story is a club.
      const topic = this.topic;
      if (topic !== 0) {
        f[p++] = mix3(T_TOPIC_S, topic, s0);
        if (gb | gi) f[p++] = mix3(T_TOPIC_G, topic, gb | gi);
      }
      // Role words: "Foreign Minister Sergei Lavrov", "Dr. Bashar al-Ja’afari".
      if (roles) {
        if (i > 0 && title[t - 1]) f[p++] = mix(T_TITLE_M1, s0);
        if (i > 1 && title[t - 2]) f[p++] = mix(T_TITLE_M2, s0);
        if (title[t]) f[p++] = mix(T_TITLE_0, s0);
      }
      // Transliterated names: "al-Nusra", "al-Ja’afari", "Frank-Walter".
      // `indexOf` first: V8 runs `lastIndexOf` in its runtime (a call a tenth of the feature
      // extraction cost), and most words have no hyphen at all.
      const hyphen = w.indexOf('-') < 0 ? -1 : w.lastIndexOf('-');
      if (hyphen > 0 && hyphen < len - 1) {
        f[p++] = mix(T_HYPH_LAST, hashLower(w, hyphen + 1, len));
        f[p++] = mix(T_HYPH_FIRST, hashWord(w, 0, w.indexOf('-')));
      }
      const df = document ? this.docFlags[t] : 0;
      if (df && charClass(w.charCodeAt(0)) === 1) {
        for (let b = 0; b < DOC_BITS; b++) if (df & (1 << b)) f[p++] = mix3(T_DOC, b, i === 0 ? 1 : 0);
      }
    }
    offsets[n] = p;
    out.factored = factored;
  }
}

/** Separates a sentence's evidence characters from the document's topic in an evidence key. */
const TOPIC_MARK = '|';

/** The topic a sentence's evidence key carries ({@link DocumentFeatures.evidenceKey}) after its `tokens` characters, or 0. */
function topicOfKey(key: string, tokens: number): number {
  return key.charAt(tokens) === TOPIC_MARK ? Number(key.slice(tokens + 1)) | 0 : 0;
}

/**
 * A small open-addressing table from 32-bit hash to 8 flag bits, reset per document in O(1) by a
 * generation stamp, so document evidence costs no allocation and no Set hashing.
 */
class FlagTable {
  private keys = new Int32Array(1 << 12);
  private flags = new Uint8Array(1 << 12);
  private stamps = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  private generation = 0;

  /** Empties the table, sized for up to `entries` distinct keys. */
  reset(entries: number): void {
    if (entries * 2 > this.keys.length) {
      let size = this.keys.length;
      while (size < entries * 2) size *= 2;
      this.keys = new Int32Array(size);
      this.flags = new Uint8Array(size);
      this.stamps = new Int32Array(size);
      this.mask = size - 1;
      this.generation = 0;
    }
    this.generation++;
  }

  or(key: number, bits: number): void {
    let i = key & this.mask;
    while (this.stamps[i] === this.generation && this.keys[i] !== key) i = (i + 1) & this.mask;
    if (this.stamps[i] !== this.generation) {
      this.stamps[i] = this.generation;
      this.keys[i] = key;
      this.flags[i] = bits;
    } else this.flags[i] |= bits;
  }

  get(key: number): number {
    let i = key & this.mask;
    while (this.stamps[i] === this.generation) {
      if (this.keys[i] === key) return this.flags[i];
      i = (i + 1) & this.mask;
    }
    return 0;
  }
}
