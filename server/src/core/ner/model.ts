import * as zlib from 'zlib';
import { BOUNDARY_NEIGHBOUR_FEATURES, MAX_FEATURES_PER_TOKEN, NEIGHBOUR_FEATURES, NEIGHBOUR_GROUP_SIZES, type FeatureBuffer, type WordFeatureSource } from './features';

/**
 * The trained tagger's parameters and decoding: a linear model over hashed features (one weight per
 * feature and tag), tag-to-tag transition weights, and Viterbi search restricted to valid tag
 * sequences. The file format is a small JSON header followed by a deflated binary payload:
 *
 *   "ALNR" | u32 format | u32 header length | header JSON (utf-8) | deflate(payload)
 *   payload = keys: i32[n] (delta-coded varints, sorted) | weights: i16[n * tags] | transitions: f32[(tags + 1) * tags]
 *
 * Weights are quantised to 16 bits with one scale (`header.scale`); transitions stay float.
 */

const MAGIC = 0x524e4c41; // "ALNR" little-endian
const FORMAT = 2;

/** What the model file's header records. */
export interface ModelHeader {
  /** Tag names in index order, e.g. `O`, `B-PER`, `I-PER`, … */
  readonly tags: readonly string[];
  /** Feature extractor version the weights belong to. */
  readonly featureVersion: number;
  /** Number of stored features. */
  readonly features: number;
  /** Multiply a stored i16 weight by this to get the real weight. */
  readonly scale: number;
  /** Free-form training facts (epochs, data, date, dev F1). */
  readonly training: Record<string, unknown>;
}

/** Parameters as the trainer produces them, before quantisation. */
export interface RawModel {
  readonly header: Omit<ModelHeader, 'features' | 'scale'>;
  /** Feature hashes, one per row of `weights`. */
  readonly keys: Int32Array;
  /** Row-major `keys.length × tags` weights. */
  readonly weights: Float32Array;
  /** `(tags + 1) × tags`: row `tags` holds the start weights. */
  readonly transitions: Float32Array;
}

/**
 * Weights added to a model's at scoring time, keyed by the same feature hashes: the corrections a
 * person's annotations taught (`adaptation.ts`). Generic over what the features are, so it holds
 * whatever `features.ts` extracts. It may add tags (a label the model was not trained for).
 */
export interface WeightOverlay {
  /** The tags scored: the model's own, in their order, then the overlay's new ones. */
  readonly tags: readonly string[];
  /** Transitions over {@link tags}, `(tags + 1) × tags` (last row: start), used instead of the model's. */
  readonly transitions: Float32Array;
  readonly constraints: TagConstraints;
  /** Changes whenever a weight or a tag changes: sums cached under another revision are stale. */
  readonly revision: number;
  /** Adds the overlay's weights of features `feats[from..to)` to `out[at..at + tags.length)`. */
  addWeights(feats: Int32Array, from: number, to: number, out: Float32Array, at: number): void;
}

/** Serialises a model to the compact file format. */
export function encodeModel(raw: RawModel): Buffer {
  const nTags = raw.header.tags.length;
  const n = raw.keys.length;
  let max = 0;
  for (let i = 0; i < raw.weights.length; i++) max = Math.max(max, Math.abs(raw.weights[i]));
  const scale = max > 0 ? max / 32767 : 1;
  // Sort rows by key (as unsigned) so keys delta-code into short varints.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (raw.keys[a] >>> 0) - (raw.keys[b] >>> 0));
  const keyBytes = Buffer.alloc(n * 5);
  let kp = 0;
  let prev = 0;
  const weights = new Int16Array(n * nTags);
  order.forEach((row, i) => {
    const key = raw.keys[row] >>> 0;
    let delta = key - prev;
    prev = key;
    while (delta >= 0x80) {
      keyBytes[kp++] = (delta & 0x7f) | 0x80;
      delta = Math.floor(delta / 128);
    }
    keyBytes[kp++] = delta;
    // Weights stored tag-major (all rows' tag 0, then tag 1, …): runs of zeros deflate better.
    for (let t = 0; t < nTags; t++) weights[t * n + i] = Math.round(raw.weights[row * nTags + t] / scale);
  });
  const payload = Buffer.concat([
    keyBytes.subarray(0, kp),
    Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength),
    Buffer.from(raw.transitions.buffer, raw.transitions.byteOffset, raw.transitions.byteLength),
  ]);
  const header: ModelHeader = { ...raw.header, features: n, scale };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(12);
  prefix.writeUInt32LE(MAGIC, 0);
  prefix.writeUInt32LE(FORMAT, 4);
  prefix.writeUInt32LE(headerBytes.length, 8);
  return Buffer.concat([prefix, headerBytes, zlib.deflateRawSync(payload, { level: 9 })]);
}

/** At most this many words keep cached feature sums (5.9 MB with 9 tags); the cache starts over when full. */
const WORD_CACHE_SIZE = 32768;
/** Vectors per cached word: its own features, then its four groups as a neighbour. */
const WORD_VECTORS = 1 + NEIGHBOUR_GROUP_SIZES.length;
/** Entries 0–3 of the word cache: the pseudo-words BOS1, BOS2, EOS1, EOS2 (see features.ts). */
const BOUNDARY_WORDS = 4;
const BOS1_ENTRY = 0, BOS2_ENTRY = 1, EOS1_ENTRY = 2, EOS2_ENTRY = 3;
/** A slot of the word cache's table ({@link TaggerModel.cacheSlots}): generation stamp, word hash, entry, unused. */
const SLOT_WORDS = 4;

/**
 * A loaded model: the features' weights in one open-addressing table, and Viterbi decoding.
 *
 * Each slot of the table is a record `[key, weight of tag 0, …, weight of tag T-1]`: the key as one
 * 32-bit integer, the quantised weights as 16-bit integers right after it, so a feature found costs
 * one cache line rather than a probe in an index and a second read in a weight matrix. Summing the
 * features of 200,000 tokens is the tagger's hot path and is bound by these memory reads.
 */
export class TaggerModel {
  readonly tags: readonly string[];
  readonly nTags: number;
  readonly header: ModelHeader;
  /** Size of a record in 32-bit words: the key and the 16-bit weights, rounded up. */
  private readonly recordWords: number;
  /** The table's records, as 32-bit words (keys) … */
  private readonly keys: Int32Array;
  /** … and as 16-bit words (weights) over the same memory. */
  private readonly weights: Int16Array;
  /** Slots minus one (a power of two); a slot's key 0 marks it empty. */
  private readonly mask: number;
  /** Bit `h >>> 12` is set for every feature hash `h` of the model (128 KB): a quick "not in the model". */
  private readonly present = new Int32Array(1 << 15);
  /** Record of the feature whose hash is 0 (it cannot live in the table, where 0 means empty), or -1. */
  private readonly zeroRecord: number;
  private readonly scale: number;
  /** The model's own transitions, `(tags + 1) × tags` (last row: start); an overlay's replace them in scoring. */
  readonly transitions: Float32Array;
  /** Which tag sequences are valid (see {@link transitionConstraints}). */
  private readonly constraints: TagConstraints;
  private emission = new Float32Array(0);
  private readonly accumulator: Int32Array;
  private score = new Float32Array(0);
  private back = new Int32Array(0);
  /**
   * The word cache of {@link decodeWords}: open addressing from the word's feature hash to an entry;
   * entry `e` holds the word's characters in `wordChars[wordStart[e - BOUNDARY_WORDS]…wordStart[e - BOUNDARY_WORDS + 1])`
   * (compared in full, so hash collisions cannot mix two words) and at `wordSums[e * WORD_VECTORS * nTags…]`
   * its summed weights: of its word-only features, then of each group of its features as a neighbour
   * ({@link NEIGHBOUR_GROUP_SIZES}). Entries 0–3 are the pseudo-words outside a sentence. A slot is
   * {@link SLOT_WORDS} integers side by side (its generation stamp, the word's hash, its entry), so a
   * probe reads one cache line; entries are valid while the stamp is the current generation, so
   * emptying the cache is one increment.
   */
  private readonly cacheSlots: Int32Array;
  /** Most words the cache holds; its table has twice as many slots, so a probe always ends. */
  private readonly cacheWords: number;
  private cacheGeneration = 1;
  /** How many words the cache holds. */
  private cachedCount = 0;
  /**
   * The cached words' characters end to end: copies rather than the token strings, so an entry
   * keeps no document's text alive, and a hit compares characters in one flat array instead of
   * calling the runtime's string comparison on a string somewhere in the heap.
   */
  private wordChars: Uint16Array;
  private readonly wordStart: Int32Array;
  private wordSums: Int32Array;
  private readonly wordFeatureScratch = new Int32Array(MAX_FEATURES_PER_TOKEN);
  /** Per token of the sentence being decoded: its entry in the word cache. */
  private tokenEntry = new Int32Array(256);
  /** Learned weights scored on top of the model's ({@link setOverlay}); undefined: the model alone. */
  private overlay: WeightOverlay | undefined;
  /** The overlay revision the word cache's overlay sums belong to. */
  private overlayRevision = -1;
  /** As `wordSums`, the overlay's sums per cache entry, over the overlay's tags (floats: they are not quantised). */
  private overlaySums = new Float32Array(0);

  /** `wordCacheSize` (a power of two) is for tests that exercise a full cache. */
  constructor(header: ModelHeader, keys: Int32Array, weights: Int16Array, transitions: Float32Array, wordCacheSize = WORD_CACHE_SIZE) {
    this.header = header;
    this.cacheWords = wordCacheSize;
    this.cacheSlots = new Int32Array(wordCacheSize * 2 * SLOT_WORDS);
    this.wordStart = new Int32Array(wordCacheSize + 1);
    this.tags = header.tags;
    this.nTags = header.tags.length;
    this.scale = header.scale;
    this.transitions = transitions;
    const T = this.nTags;
    this.recordWords = 1 + Math.ceil(T / 2);
    let size = 1024;
    while (size < keys.length * 2) size *= 2;
    this.mask = size - 1;
    // One extra record past the table for the feature hashed to 0.
    const buffer = new ArrayBuffer((size + 1) * this.recordWords * 4);
    this.keys = new Int32Array(buffer);
    this.weights = new Int16Array(buffer);
    let zeroRecord = -1;
    for (let row = 0; row < keys.length; row++) {
      const h = keys[row];
      let slot: number;
      if (h === 0) slot = zeroRecord = size;
      else {
        slot = h & this.mask;
        while (this.keys[slot * this.recordWords] !== 0) slot = (slot + 1) & this.mask;
        this.keys[slot * this.recordWords] = h;
        this.present[h >>> 17] |= 1 << ((h >>> 12) & 31);
      }
      const at = slot * this.recordWords * 2 + 2;
      for (let t = 0; t < T; t++) this.weights[at + t] = weights[row * T + t];
    }
    this.zeroRecord = zeroRecord;
    // The word cache at its full size from the start (and room for a sentence of 256 tokens), rather
    // than grown as words come: until written the memory is the system's untouched zero pages, where
    // each growth copied the sums into new ones (a first touch of a page costs about 10 µs on the 2-core
    // VM), and the first growth after V8 had optimised `decodeWords` deoptimised it, to be compiled
    // again (`--trace-deopt`, a first pass over the PolNeAR train texts: two deoptimisations with the
    // command line's V8 flags, three without, none now).
    this.wordSums = new Int32Array((BOUNDARY_WORDS + wordCacheSize) * WORD_VECTORS * T);
    this.wordChars = new Uint16Array(Math.max(1 << 16, wordCacheSize * 8));
    this.ensureCapacity(256, T);
    for (let b = 0; b < BOUNDARY_WORDS; b++) this.sumNeighbourGroups(BOUNDARY_NEIGHBOUR_FEATURES, b * NEIGHBOUR_FEATURES, b);
    this.constraints = transitionConstraints(this.tags);
    this.accumulator = new Int32Array(T);
  }

  /** Parses a model file. */
  static decode(file: Buffer, wordCacheSize = WORD_CACHE_SIZE): TaggerModel {
    const { header, keys, weights, transitions } = decodeModelParts(file);
    return new TaggerModel(header, keys, weights, transitions, wordCacheSize);
  }

  /**
   * Scores with `overlay`'s weights added to the model's, over its tags (undefined: the model alone).
   * The overlay may change its weights afterwards: its revision tells the word cache to start over.
   */
  setOverlay(overlay: WeightOverlay | undefined): void {
    this.overlay = overlay;
    this.overlayRevision = -1;
  }

  /** The tags decoding chooses from: the model's, then those an overlay adds. */
  get scoredTags(): readonly string[] {
    return this.overlay?.tags ?? this.tags;
  }

  /** The transitions decoding uses over {@link scoredTags}: `(tags + 1) × tags`, last row the start. */
  get scoredTransitions(): Float32Array {
    return this.overlay?.transitions ?? this.transitions;
  }

  /** Which sequences of {@link scoredTags} are valid. */
  get scoredConstraints(): TagConstraints {
    return this.overlay?.constraints ?? this.constraints;
  }

  /**
   * Before decoding: when the overlay changed since the word cache summed its weights, the cache
   * starts over (the model's own sums would still do, but entries hold both). Returns the number of
   * scored tags.
   */
  private syncOverlay(): number {
    const overlay = this.overlay;
    if (!overlay) return this.nTags;
    const TT = overlay.tags.length;
    if (overlay.revision !== this.overlayRevision) {
      this.overlayRevision = overlay.revision;
      this.cacheGeneration++;
      this.cachedCount = 0;
      this.overlaySums = new Float32Array((this.wordSums.length / this.nTags) * TT);
      for (let b = 0; b < BOUNDARY_WORDS; b++) this.sumOverlayGroups(BOUNDARY_NEIGHBOUR_FEATURES, b * NEIGHBOUR_FEATURES, b);
    }
    return TT;
  }

  /** The overlay's part of {@link sumNeighbourGroups}. */
  private sumOverlayGroups(feats: Int32Array, from: number, entry: number): void {
    const overlay = this.overlay!;
    const TT = overlay.tags.length;
    let k = from;
    for (let g = 0; g < NEIGHBOUR_GROUP_SIZES.length; g++) {
      const at = (entry * WORD_VECTORS + 1 + g) * TT;
      this.overlaySums.fill(0, at, at + TT);
      overlay.addWeights(feats, k, k + NEIGHBOUR_GROUP_SIZES[g], this.overlaySums, at);
      k += NEIGHBOUR_GROUP_SIZES[g];
    }
  }

  /**
   * Adds the weights of features `feats[from..to)` to `acc[at..at + nTags)`. Inlined by V8 into
   * the loops below: this is the tagger's hot path.
   */
  private addWeights(feats: Int32Array, from: number, to: number, acc: Int32Array, at: number): void {
    const keys = this.keys, w = this.weights, mask = this.mask, R = this.recordWords, T = this.nTags;
    const present = this.present;
    for (let k = from; k < to; k++) {
      const h = feats[k];
      let wb: number;
      if (h === 0) {
        if (this.zeroRecord < 0) continue;
        wb = this.zeroRecord * R * 2 + 2;
      } else {
        // Most features a text produces are not in the model: a bit per hash in a table small enough
        // for the core's own cache rules them out before the big table is touched.
        const bit = h >>> 12;
        if ((present[bit >>> 5] & (1 << (bit & 31))) === 0) continue;
        let slot = h & mask;
        let key = keys[slot * R];
        while (key !== h && key !== 0) {
          slot = (slot + 1) & mask;
          key = keys[slot * R];
        }
        if (key === 0) continue;
        wb = slot * R * 2 + 2;
      }
      for (let t = 0; t < T; t++) acc[at + t] += w[wb + t];
    }
  }

  private ensureCapacity(n: number, T: number): void {
    if (this.emission.length < n * T) {
      this.emission = new Float32Array(n * T * 2);
      this.score = new Float32Array(n * T * 2);
      this.back = new Int32Array(n * T * 2);
    }
  }

  /**
   * Best tag sequence for `n` tokens whose features are `feats[offsets[i]..offsets[i+1])` (the full
   * layout, as training sees it). Writes tag indices to `out`. The analysis decodes with
   * {@link decodeWords}; this plain form is the reference a test holds it to.
   */
  decode(feats: Int32Array, offsets: Int32Array, n: number, out: Int32Array): void {
    const TT = this.syncOverlay();
    this.ensureCapacity(n, TT);
    this.scoreTokens(feats, offsets, n, this.emission);
    viterbi(this.emission, this.scoredTransitions, this.scoredConstraints, n, TT, this.score, this.back, out);
  }

  /**
   * The emission scores of `n` tokens whose features are `feats[offsets[i]..offsets[i+1])` (the full
   * layout) over {@link scoredTags}, the overlay's weights included: `out[i * tags + t]`. What
   * {@link decode} maximises with {@link scoredTransitions}; a learner reads it to compare sequences.
   */
  scoreTokens(feats: Int32Array, offsets: Int32Array, n: number, out: Float32Array): void {
    const T = this.nTags;
    const overlay = this.overlay;
    const TT = overlay ? overlay.tags.length : T;
    const acc = this.accumulator;
    const scale = this.scale;
    for (let i = 0; i < n; i++) {
      const base = i * TT;
      // Integer sums of the 16-bit weights (exact, and cheaper than float adds), scaled once per token.
      acc.fill(0);
      this.addWeights(feats, offsets[i], offsets[i + 1], acc, 0);
      for (let t = 0; t < T; t++) out[base + t] = acc[t] * scale;
      if (!overlay) continue;
      out.fill(0, base + T, base + TT);
      overlay.addWeights(feats, offsets[i], offsets[i + 1], out, base);
    }
  }

  /** Sums a word's neighbour features, `feats[from…from + NEIGHBOUR_FEATURES)`, into its cache entry's group vectors. */
  private sumNeighbourGroups(feats: Int32Array, from: number, entry: number): void {
    const T = this.nTags;
    const sums = this.wordSums;
    let k = from;
    for (let g = 0; g < NEIGHBOUR_GROUP_SIZES.length; g++) {
      const at = (entry * WORD_VECTORS + 1 + g) * T;
      // A loop V8 compiles inline rather than a call of `fill`: every word new to the cache empties five vectors.
      for (let t = 0; t < T; t++) sums[at + t] = 0;
      this.addWeights(feats, k, k + NEIGHBOUR_GROUP_SIZES[g], sums, at);
      k += NEIGHBOUR_GROUP_SIZES[g];
    }
    if (this.overlay) this.sumOverlayGroups(feats, from, entry);
  }

  /** Fills a cache entry from token `i`'s word-only and neighbour features. */
  private sumWord(source: WordFeatureSource, i: number, entry: number): void {
    const T = this.nTags;
    const at = entry * WORD_VECTORS * T;
    const count = source.wordFeatures(i, this.wordFeatureScratch);
    const sums = this.wordSums;
    for (let t = 0; t < T; t++) sums[at + t] = 0;
    this.addWeights(this.wordFeatureScratch, 0, count, sums, at);
    if (this.overlay) {
      const TT = this.overlay.tags.length;
      const overlayAt = entry * WORD_VECTORS * TT;
      this.overlaySums.fill(0, overlayAt, overlayAt + TT);
      this.overlay.addWeights(this.wordFeatureScratch, 0, count, this.overlaySums, overlayAt);
    }
    this.sumNeighbourGroups(this.wordFeatureScratch, count, entry);
  }

  /**
   * Where the touch passes below leave what they read, so that V8 cannot drop the reads. Decoding a
   * sentence reads the word cache's slots (1 MB), its sums (5.9 MB) and the model's records (3 MB) at
   * places only the sentence decides: in the analysis of an article, whose other stages have filled
   * the caches with their own data since the last sentence, each is a miss. Probing feature by feature,
   * the processor meets those misses one after another: a probe's branches depend on what the miss
   * brings, and each mispredicted one throws away the reads begun after it. A pass of independent reads
   * without branches first has the misses overlap, and the probes then find the memory at hand. The 840
   * PolNeAR train texts analysed in full, four passes per process after one to warm up, with the command
   * line's V8 flags, four processes each way in turns: the tagging stage's median pass 564–627 → 500–549 ms,
   * its fastest 521–587 → 452–498 ms (the whole analysis unchanged within the machine's noise).
   */
  private touched = 0;

  /** Reads the word-cache slot each of the `n` words (their hashes `wordKeys`) probes first. */
  private touchSlots(wordKeys: Int32Array, n: number, slotMask: number): void {
    const slots = this.cacheSlots;
    let x = 0;
    for (let i = 0; i < n; i++) x ^= slots[(wordKeys[i] & slotMask) * SLOT_WORDS + 1];
    this.touched = x;
  }

  /**
   * Reads the first record each of `feats[0..to)` probes in the model's table, for the features the
   * `present` bits let through (the others read record 0, without a branch).
   */
  private touchRecords(feats: Int32Array, to: number): void {
    const keys = this.keys, mask = this.mask, R = this.recordWords, present = this.present;
    let x = 0;
    for (let k = 0; k < to; k++) {
      const h = feats[k];
      const bit = h >>> 12;
      const through = -((present[bit >>> 5] >>> (bit & 31)) & 1);
      x ^= keys[(h & mask & through) * R];
    }
    this.touched = x;
  }

  /** Reads the cache lines of the word-cache entries `entries[0..n)` (`E` sums each). */
  private touchEntries(entries: Int32Array, n: number, E: number): void {
    const sums = this.wordSums;
    let x = 0;
    for (let i = 0; i < n; i++) {
      const at = entries[i] * E;
      x ^= sums[at] ^ sums[at + 16] ^ sums[at + 32] ^ sums[at + E - 1];
    }
    this.touched = x;
  }

  /** Appends a word's characters to the cache's as its next entry. */
  private keepWord(word: string): void {
    const from = this.wordStart[this.cachedCount];
    const to = from + word.length;
    if (to > this.wordChars.length) {
      const grown = new Uint16Array(Math.max(to, this.wordChars.length * 2));
      grown.set(this.wordChars);
      this.wordChars = grown;
    }
    const chars = this.wordChars;
    for (let j = 0; j < word.length; j++) chars[from + j] = word.charCodeAt(j);
    this.wordStart[++this.cachedCount] = to;
  }

  /**
   * {@link decode} for one sentence's features in the factored layout (`extract(s, buffer, true)`)
   * with the tokens' words. Everything a token's features owe to single words (its own word-only
   * features, and the sixteen each neighbouring word gives it) is asked of `source` once per distinct
   * word, summed and cached across calls; per token only the features of word pairs, lists and the
   * document remain. The sums are integers, so the result is exactly that of {@link decode} on the
   * full layout.
   */
  decodeWords(buffer: Pick<FeatureBuffer, 'feats' | 'offsets' | 'wordKeys' | 'factored'>, words: readonly string[], n: number, out: Int32Array, source: WordFeatureSource): void {
    if (!buffer.factored) throw new Error('decodeWords reads the factored feature layout: extract(s, buffer, true)');
    const T = this.nTags;
    const E = WORD_VECTORS * T;
    const TT = this.syncOverlay();
    this.ensureCapacity(n, TT);
    if (this.tokenEntry.length < n) this.tokenEntry = new Int32Array(n * 2);
    // The sentence's entries must stay valid until it is decoded: a cache that would fill up
    // mid-sentence starts over first, and a word met when it is full anyway (a sentence longer than
    // the cache) is not cached. Uncached words take scratch entries after the cached ones.
    if (this.cachedCount + n > this.cacheWords && this.cachedCount > 0) {
      this.cacheGeneration++;
      this.cachedCount = 0;
    }
    const needed = (BOUNDARY_WORDS + this.cachedCount + n) * E;
    if (this.wordSums.length < needed) {
      const grown = new Int32Array(Math.max(needed, Math.min(this.wordSums.length * 2, (BOUNDARY_WORDS + this.cacheWords) * E)));
      grown.set(this.wordSums);
      this.wordSums = grown;
    }
    if (this.overlay && this.overlaySums.length < (this.wordSums.length / T) * TT) {
      const grown = new Float32Array((this.wordSums.length / T) * TT);
      grown.set(this.overlaySums);
      this.overlaySums = grown;
    }
    const feats = buffer.feats, offsets = buffer.offsets, wordKeys = buffer.wordKeys;
    const slots = this.cacheSlots;
    const slotMask = slots.length / SLOT_WORDS - 1;
    const wrap = slots.length - 1;
    const generation = this.cacheGeneration;
    const entries = this.tokenEntry;
    const wordStart = this.wordStart;
    let uncacheable = 0;
    // Memory first, in passes of independent reads (see `touched`): the slots the sentence's words
    // probe in the word cache, and the model's records of its tokens' own features.
    this.touchSlots(wordKeys, n, slotMask);
    this.touchRecords(feats, offsets[n]);
    for (let i = 0; i < n; i++) {
      const word = words[i];
      if (this.cachedCount >= this.cacheWords) {
        entries[i] = -1;
        uncacheable++;
        continue;
      }
      // The cache's key is a hash of the word, checked against the word itself.
      const h = wordKeys[i];
      let slot = (h & slotMask) * SLOT_WORDS;
      let entry = -1;
      while (slots[slot] === generation) {
        if (slots[slot + 1] === h) {
          const cached = slots[slot + 2] - BOUNDARY_WORDS;
          if (sameCharacters(this.wordChars, wordStart[cached], wordStart[cached + 1], word)) {
            entry = cached + BOUNDARY_WORDS;
            break;
          }
        }
        slot = (slot + SLOT_WORDS) & wrap;
      }
      if (entry < 0) {
        entry = BOUNDARY_WORDS + this.cachedCount;
        this.keepWord(word);
        slots[slot] = generation;
        slots[slot + 1] = h;
        slots[slot + 2] = entry;
        this.sumWord(source, i, entry);
      }
      entries[i] = entry;
    }
    if (uncacheable > 0) {
      let scratch = BOUNDARY_WORDS + this.cachedCount;
      for (let i = 0; i < n; i++) {
        if (entries[i] >= 0) continue;
        entries[i] = scratch;
        this.sumWord(source, i, scratch++);
      }
    }
    const em = this.emission;
    const acc = this.accumulator;
    const sums = this.wordSums;
    const scale = this.scale;
    const overlay = this.overlay;
    const overlaySums = this.overlaySums;
    const OE = WORD_VECTORS * TT;
    this.touchEntries(entries, n, E);
    for (let i = 0; i < n; i++) {
      const own = entries[i] * E;
      // Each neighbour's (or pseudo-word's) vector for this position: as previous word, as the word
      // two before, as next word, as the word two after.
      const previous = (i > 0 ? entries[i - 1] : BOS1_ENTRY) * E + T;
      const beforePrevious = (i > 1 ? entries[i - 2] : i === 1 ? BOS1_ENTRY : BOS2_ENTRY) * E + 2 * T;
      const next = (i < n - 1 ? entries[i + 1] : EOS1_ENTRY) * E + 3 * T;
      const afterNext = (i < n - 2 ? entries[i + 2] : i === n - 2 ? EOS1_ENTRY : EOS2_ENTRY) * E + 4 * T;
      for (let t = 0; t < T; t++) acc[t] = sums[own + t] + sums[previous + t] + sums[beforePrevious + t] + sums[next + t] + sums[afterNext + t];
      this.addWeights(feats, offsets[i], offsets[i + 1], acc, 0);
      const base = i * TT;
      for (let t = 0; t < T; t++) em[base + t] = acc[t] * scale;
      if (!overlay) continue;
      // The overlay's sums of the same five vectors (entry, then vector within it, over its own tags),
      // then its weights of the token's pair, list and document features.
      const ownO = entries[i] * OE;
      const previousO = ((previous - T) / E) * OE + TT;
      const beforePreviousO = ((beforePrevious - 2 * T) / E) * OE + 2 * TT;
      const nextO = ((next - 3 * T) / E) * OE + 3 * TT;
      const afterNextO = ((afterNext - 4 * T) / E) * OE + 4 * TT;
      for (let t = 0; t < TT; t++) {
        em[base + t] = (t < T ? em[base + t] : 0) + overlaySums[ownO + t] + overlaySums[previousO + t] + overlaySums[beforePreviousO + t] + overlaySums[nextO + t] + overlaySums[afterNextO + t];
      }
      overlay.addWeights(feats, offsets[i], offsets[i + 1], em, base);
    }
    viterbi(this.emission, this.scoredTransitions, this.scoredConstraints, n, TT, this.score, this.back, out);
  }
}

/** The parts of a model file: header, feature hashes, quantised weights (row-major, row × tag) and transitions. */
export function decodeModelParts(file: Buffer): { header: ModelHeader; keys: Int32Array; weights: Int16Array; transitions: Float32Array } {
  if (file.readUInt32LE(0) !== MAGIC) throw new Error('Not an Article Lens NER model file');
  const format = file.readUInt32LE(4);
  if (format !== FORMAT) throw new Error(`Unsupported NER model format ${format} (expected ${FORMAT})`);
  const headerLength = file.readUInt32LE(8);
  const header = JSON.parse(file.toString('utf8', 12, 12 + headerLength)) as ModelHeader;
  const payload = zlib.inflateRawSync(file.subarray(12 + headerLength));
  const n = header.features;
  const nTags = header.tags.length;
  const keys = new Int32Array(n);
  let p = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    let value = 0;
    let mul = 1;
    let byte: number;
    do {
      byte = payload[p++];
      value += (byte & 0x7f) * mul;
      mul *= 128;
    } while (byte & 0x80);
    prev += value;
    keys[i] = prev | 0;
  }
  const stored = new Int16Array(payload.buffer.slice(payload.byteOffset + p, payload.byteOffset + p + n * nTags * 2));
  p += n * nTags * 2;
  const transitions = new Float32Array(payload.buffer.slice(payload.byteOffset + p, payload.byteOffset + p + (nTags + 1) * nTags * 4));
  const weights = new Int16Array(n * nTags);
  for (let t = 0; t < nTags; t++) {
    const from = t * n;
    for (let i = 0; i < n; i++) weights[i * nTags + t] = stored[from + i];
  }
  return { header, keys, weights, transitions };
}

/**
 * Viterbi over `n × T` emission scores with transitions `(T + 1) × T` (last row: start) under the
 * hard constraints, visiting only allowed bigrams (most are forbidden: I- and L- only continue their
 * own type). Shared with the trainer so training and run time decode identically.
 */
export function viterbi(
  em: Float32Array,
  trans: Float32Array,
  constraints: TagConstraints,
  n: number,
  T: number,
  score: Float32Array,
  back: Int32Array,
  out: Int32Array,
): void {
  if (n === 0) return;
  const { allowed, allowedEnd, predStart, predTag, predRow } = constraints;
  // The weight of each allowed bigram, in the order the search visits them (per tag, its
  // predecessors): read in sequence, rather than found in the transition matrix at every token.
  // Copied per call since a learner changes its transitions between calls.
  if (bigramScratch.length < predTag.length) bigramScratch = new Float32Array(predTag.length);
  const bigram = bigramScratch;
  for (let t = 0, k = 0; t < T; t++) for (const end = predStart[t + 1]; k < end; k++) bigram[k] = trans[predRow[k] + t];
  const NEG = -1e30;
  const startRow = T * T;
  for (let t = 0; t < T; t++) score[t] = allowed[startRow + t] ? em[t] + trans[startRow + t] : NEG;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * T;
    const cur = i * T;
    let k = 0;
    for (let t = 0; t < T; t++) {
      let best = NEG;
      let arg = 0;
      const end = predStart[t + 1];
      if (end - k === T) {
        // Any tag may precede this one (O, B-): the predecessors are 0…T-1 in order, read without
        // `predTag`, the same sums compared in the same order. Most of the search's steps are these.
        for (let s = 0; s < T; s++, k++) {
          const v = score[prev + s] + bigram[k];
          if (v > best) {
            best = v;
            arg = s;
          }
        }
      } else {
        for (; k < end; k++) {
          const s = predTag[k];
          const v = score[prev + s] + bigram[k];
          if (v > best) {
            best = v;
            arg = s;
          }
        }
      }
      score[cur + t] = best + em[cur + t];
      back[cur + t] = arg;
    }
  }
  const last = (n - 1) * T;
  let best = NEG;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (allowedEnd[t] && score[last + t] > best) {
      best = score[last + t];
      arg = t;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]];
}

/** {@link viterbi}'s allowed bigram weights in visiting order, grown to the largest tag set seen. */
let bigramScratch = new Float32Array(0);

/** The valid tag sequences, as {@link transitionConstraints} finds them. */
export interface TagConstraints {
  /** 1 where tag `b` may follow tag `a`, at `a * T + b` (row `T` = sentence start). */
  readonly allowed: Uint8Array;
  /** 1 where a sentence may end on the tag. */
  readonly allowedEnd: Uint8Array;
  /** Per tag `t`: the tags that may precede it are `predTag[predStart[t]..predStart[t + 1])`, ascending. */
  readonly predStart: Int32Array;
  readonly predTag: Int32Array;
  /** `predTag[k] * T`: where the predecessor's row of transitions starts. */
  readonly predRow: Int32Array;
}

/**
 * Valid tag bigrams for BIO or BILOU tag names (`B-PER`, `I-PER`, `L-PER`, `U-PER`, `O`): an inside
 * or last tag only continues a span of the same type; a span must be closed before a new one (BILOU).
 */
export function transitionConstraints(tags: readonly string[]): TagConstraints {
  const T = tags.length;
  const allowed = new Uint8Array((T + 1) * T);
  const allowedEnd = new Uint8Array(T);
  const bilou = tags.some((t) => t.startsWith('L-') || t.startsWith('U-'));
  const parse = (t: string): [string, string] => (t === 'O' ? ['O', ''] : [t[0], t.slice(2)]);
  for (let b = 0; b < T; b++) {
    const [pb, tb] = parse(tags[b]);
    const continues = pb === 'I' || pb === 'L';
    allowedEnd[b] = bilou ? (pb === 'B' || pb === 'I' ? 0 : 1) : 1;
    for (let a = 0; a <= T; a++) {
      const [pa, ta] = a === T ? ['O', ''] : parse(tags[a]);
      const open = bilou ? pa === 'B' || pa === 'I' : pa === 'B' || pa === 'I';
      let ok: boolean;
      if (continues) ok = open && ta === tb;
      else ok = bilou ? !open : true;
      allowed[a * T + b] = ok ? 1 : 0;
    }
  }
  const predStart = new Int32Array(T + 1);
  const predTag: number[] = [];
  for (let t = 0; t < T; t++) {
    predStart[t] = predTag.length;
    for (let a = 0; a < T; a++) if (allowed[a * T + t]) predTag.push(a);
  }
  predStart[T] = predTag.length;
  return { allowed, allowedEnd, predStart, predTag: Int32Array.from(predTag), predRow: Int32Array.from(predTag, (a) => a * T) };
}

/** True when `chars[from, to)` are the characters of `word`. */
function sameCharacters(chars: Uint16Array, from: number, to: number, word: string): boolean {
  if (to - from !== word.length) return false;
  for (let j = 0; j < word.length; j++) if (chars[from + j] !== word.charCodeAt(j)) return false;
  return true;
}
