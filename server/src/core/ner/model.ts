import * as zlib from 'zlib';
import type { FeatureBuffer } from './features';

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

/** At most this many words keep a cached feature sum (about 2 MB); the cache starts over when full. */
const PREFIX_CACHE_WORDS = 32768;
/** Words of this length or more are not cached (see {@link TaggerModel.decodeWords}). */
const CACHED_WORD_LENGTH = 13;

/** A loaded model: an open-addressing table from feature hash to weight row, and Viterbi decoding. */
export class TaggerModel {
  readonly tags: readonly string[];
  readonly nTags: number;
  readonly header: ModelHeader;
  /** Open addressing, interleaved `[key, row + 1]` pairs (0 = empty) so a probe touches one cache line. */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** Row-major `features × tags`, quantised; real weight = value × `scale`. 16 bits halve the cache footprint of the hot loop. */
  private readonly weights: Int16Array;
  private readonly scale: number;
  private readonly transitions: Float32Array;
  /** 1 where tag `b` may follow tag `a` (row `nTags` = sentence start). */
  private readonly allowed: Uint8Array;
  /** 1 where a sentence may end on the tag. */
  private readonly allowedEnd: Uint8Array;
  private emission = new Float32Array(0);
  private readonly accumulator: Int32Array;
  private score = new Float32Array(0);
  private back = new Int32Array(0);
  /** Per tag `t`: its allowed predecessors are `predTag[predStart[t]..predStart[t + 1])`, ascending, with their transition weights in `predTrans`. */
  private readonly predStart: Int32Array;
  private readonly predTag: Int32Array;
  private readonly predTrans: Float32Array;
  /** Word → offset in `prefixSums` of the summed weights of its word-only features (see {@link decodeWords}). */
  private readonly prefixCache = new Map<string, number>();
  private prefixSums = new Int32Array(0);

  constructor(header: ModelHeader, keys: Int32Array, weights: Int16Array, transitions: Float32Array) {
    this.header = header;
    this.tags = header.tags;
    this.nTags = header.tags.length;
    this.weights = weights;
    this.scale = header.scale;
    this.transitions = transitions;
    let size = 1024;
    while (size < keys.length * 2) size *= 2;
    this.mask = size - 1;
    this.table = new Int32Array(size * 2);
    for (let row = 0; row < keys.length; row++) {
      const h = keys[row];
      let i = h & this.mask;
      while (this.table[2 * i + 1] !== 0) i = (i + 1) & this.mask;
      this.table[2 * i] = h;
      this.table[2 * i + 1] = row + 1;
    }
    [this.allowed, this.allowedEnd] = transitionConstraints(this.tags);
    this.accumulator = new Int32Array(this.nTags);
    // Most tag bigrams are forbidden (I-/L- only continue their own type): Viterbi visits only the allowed ones.
    const T = this.nTags;
    this.predStart = new Int32Array(T + 1);
    const predTag: number[] = [];
    const predTrans: number[] = [];
    for (let t = 0; t < T; t++) {
      this.predStart[t] = predTag.length;
      for (let s = 0; s < T; s++) {
        if (!this.allowed[s * T + t]) continue;
        predTag.push(s);
        predTrans.push(transitions[s * T + t]);
      }
    }
    this.predStart[T] = predTag.length;
    this.predTag = Int32Array.from(predTag);
    this.predTrans = Float32Array.from(predTrans);
  }

  /** Parses a model file. */
  static decode(file: Buffer): TaggerModel {
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
    return new TaggerModel(header, keys, weights, transitions);
  }

  /** Row of a feature hash, or -1 when the model has no weights for it. */
  row(h: number): number {
    const table = this.table, mask = this.mask;
    let i = h & mask;
    for (;;) {
      const r = table[2 * i + 1];
      if (r === 0) return -1;
      if (table[2 * i] === h) return r - 1;
      i = (i + 1) & mask;
    }
  }

  /**
   * Best tag sequence for `n` tokens whose features are `feats[offsets[i]..offsets[i+1])`.
   * Writes tag indices to `out`.
   */
  decode(feats: Int32Array, offsets: Int32Array, n: number, out: Int32Array): void {
    const T = this.nTags;
    if (this.emission.length < n * T) {
      this.emission = new Float32Array(n * T * 2);
      this.score = new Float32Array(n * T * 2);
      this.back = new Int32Array(n * T * 2);
    }
    const em = this.emission;
    const acc = this.accumulator;
    const w = this.weights;
    const table = this.table, mask = this.mask, scale = this.scale;
    for (let i = 0; i < n; i++) {
      const base = i * T;
      // Integer sums of the 16-bit weights (exact, and cheaper than float adds), scaled once per token.
      acc.fill(0);
      for (let k = offsets[i], end = offsets[i + 1]; k < end; k++) {
        // Inlined row(): this loop is the tagger's hot path.
        const h = feats[k];
        let j = h & mask;
        let r = table[2 * j + 1];
        while (r !== 0 && table[2 * j] !== h) {
          j = (j + 1) & mask;
          r = table[2 * j + 1];
        }
        if (r === 0) continue;
        const wb = (r - 1) * T;
        for (let t = 0; t < T; t++) acc[t] += w[wb + t];
      }
      for (let t = 0; t < T; t++) em[base + t] = acc[t] * scale;
    }
    this.viterbiAllowed(n, out);
  }

  /**
   * {@link decode} for features from {@link FeatureBuffer} with the tokens' words: the sum of the
   * word-only features (`offsets[i]..prefixEnd[i]`) is cached per word across calls. The sums are
   * integers, so the result is exactly that of {@link decode}.
   */
  decodeWords(buffer: Pick<FeatureBuffer, 'feats' | 'offsets' | 'prefixEnd'>, words: readonly string[], n: number, out: Int32Array): void {
    const T = this.nTags;
    if (this.emission.length < n * T) {
      this.emission = new Float32Array(n * T * 2);
      this.score = new Float32Array(n * T * 2);
      this.back = new Int32Array(n * T * 2);
    }
    const feats = buffer.feats, offsets = buffer.offsets, prefixEnd = buffer.prefixEnd;
    const em = this.emission;
    const acc = this.accumulator;
    const w = this.weights;
    const table = this.table, mask = this.mask, scale = this.scale;
    const cache = this.prefixCache;
    for (let i = 0; i < n; i++) {
      const base = i * T;
      const word = words[i];
      // Only short words are cached: V8 may keep a longer token as a slice of the whole document's
      // text, and a cache entry would keep that text alive.
      const cacheable = word.length < CACHED_WORD_LENGTH;
      let slot = cacheable ? cache.get(word) : undefined;
      if (slot === undefined) {
        if (cache.size >= PREFIX_CACHE_WORDS) cache.clear();
        // An uncacheable word uses the slot after the cached ones, as scratch.
        slot = cache.size * T;
        if (this.prefixSums.length < slot + T) {
          const grown = new Int32Array(Math.min(PREFIX_CACHE_WORDS, Math.max(1024, cache.size * 2)) * T);
          grown.set(this.prefixSums.subarray(0, Math.min(this.prefixSums.length, grown.length)));
          this.prefixSums = grown;
        }
        const sums = this.prefixSums;
        for (let t = 0; t < T; t++) sums[slot + t] = 0;
        for (let k = offsets[i], end = prefixEnd[i]; k < end; k++) {
          const h = feats[k];
          let j = h & mask;
          let r = table[2 * j + 1];
          while (r !== 0 && table[2 * j] !== h) {
            j = (j + 1) & mask;
            r = table[2 * j + 1];
          }
          if (r === 0) continue;
          const wb = (r - 1) * T;
          for (let t = 0; t < T; t++) sums[slot + t] += w[wb + t];
        }
        if (cacheable) cache.set(word, slot);
      }
      const sums = this.prefixSums;
      for (let t = 0; t < T; t++) acc[t] = sums[slot + t];
      for (let k = prefixEnd[i], end = offsets[i + 1]; k < end; k++) {
        const h = feats[k];
        let j = h & mask;
        let r = table[2 * j + 1];
        while (r !== 0 && table[2 * j] !== h) {
          j = (j + 1) & mask;
          r = table[2 * j + 1];
        }
        if (r === 0) continue;
        const wb = (r - 1) * T;
        for (let t = 0; t < T; t++) acc[t] += w[wb + t];
      }
      for (let t = 0; t < T; t++) em[base + t] = acc[t] * scale;
    }
    this.viterbiAllowed(n, out);
  }

  /**
   * {@link viterbi} over the emission buffer, visiting only allowed bigrams, in the same order (so ties
   * resolve identically and the result is the same).
   */
  private viterbiAllowed(n: number, out: Int32Array): void {
    if (n === 0) return;
    const T = this.nTags;
    const em = this.emission, trans = this.transitions, allowed = this.allowed, allowedEnd = this.allowedEnd;
    const score = this.score, back = this.back;
    const predStart = this.predStart, predTag = this.predTag, predTrans = this.predTrans;
    const NEG = -1e30;
    const startRow = T * T;
    for (let t = 0; t < T; t++) score[t] = allowed[startRow + t] ? em[t] + trans[startRow + t] : NEG;
    for (let i = 1; i < n; i++) {
      const prev = (i - 1) * T;
      const cur = i * T;
      for (let t = 0; t < T; t++) {
        let best = NEG;
        let arg = 0;
        for (let k = predStart[t], end = predStart[t + 1]; k < end; k++) {
          const s = predTag[k];
          const v = score[prev + s] + predTrans[k];
          if (v > best) {
            best = v;
            arg = s;
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
}

/**
 * Viterbi over `n × T` emission scores with transitions `(T + 1) × T` (last row: start) and hard
 * constraints. Shared with the trainer so training and run time decode identically.
 */
export function viterbi(
  em: Float32Array,
  trans: Float32Array,
  allowed: Uint8Array,
  allowedEnd: Uint8Array,
  n: number,
  T: number,
  score: Float32Array,
  back: Int32Array,
  out: Int32Array,
): void {
  if (n === 0) return;
  const NEG = -1e30;
  const startRow = T * T;
  for (let t = 0; t < T; t++) score[t] = allowed[startRow + t] ? em[t] + trans[startRow + t] : NEG;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * T;
    const cur = i * T;
    for (let t = 0; t < T; t++) {
      let best = NEG;
      let arg = 0;
      for (let s = 0; s < T; s++) {
        if (!allowed[s * T + t]) continue;
        const v = score[prev + s] + trans[s * T + t];
        if (v > best) {
          best = v;
          arg = s;
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

/**
 * Valid tag bigrams for BIO or BILOU tag names (`B-PER`, `I-PER`, `L-PER`, `U-PER`, `O`): an inside
 * or last tag only continues a span of the same type; a span must be closed before a new one (BILOU).
 */
export function transitionConstraints(tags: readonly string[]): [Uint8Array, Uint8Array] {
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
  return [allowed, allowedEnd];
}
