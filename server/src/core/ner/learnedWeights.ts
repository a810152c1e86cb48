import { createHash } from 'crypto';
import * as zlib from 'zlib';
import { transitionConstraints, type TagConstraints, type TaggerModel, type WeightOverlay } from './model';

/**
 * The weights a person's corrections taught, kept beside the shipped model and never in it: an overlay
 * of float weights keyed by the same feature hashes the model uses (whatever `features.ts` extracts:
 * nothing here knows what a feature means), with room for tags the model was not trained for (a
 * label the person declared, e.g. `law`). Scoring adds these weights to the model's
 * (`TaggerModel.setOverlay`); the shipped file is untouched, so forgetting what was learned is
 * dropping the overlay.
 *
 * Weights live in one open-addressing table: slot `s` holds a feature hash in `keys[s]` and its
 * weights at `weights[s * tags …]`. A bit per hash (`present`) rules out most features of a text,
 * which are not in the overlay, before the table is probed: scoring reads this once per feature.
 */

const MAGIC = 0x574c4c41; // "ALLW" little-endian
/** 2: the file ends with the SHA-256 of what comes before it (raw deflate has no checksum: a flipped bit loaded). */
const FORMAT = 2;
/** Bits of the quick "not in the overlay" test (a 2^16-bit map, 8 KB). */
const PRESENT_SHIFT = 16;
/** At most this many tags (the model's and learned ones): a learner keys a feature's tag in a byte. */
export const MAX_TAGS = 255;

/** What a learned-weights file records about itself besides the weights. */
export interface LearnedHeader {
  /** Identifies the shipped model the weights were learned over ({@link modelIdentity}). */
  readonly model: string;
  /** Every scored tag: the model's, then the learned ones. */
  readonly tags: readonly string[];
  /** Free-form facts the owner keeps with the weights (which annotations were learned, when reset). */
  readonly extra: Record<string, unknown>;
}

/** A short identity of a model: weights learned over another model mean nothing over this one. */
export function modelIdentity(model: TaggerModel): string {
  const h = model.header;
  return `${h.featureVersion}:${h.features}:${h.scale}:${h.tags.join(',')}:${String(h.training.clustersChecksum ?? '')}:${String(h.training.featuresBeforePruning ?? '')}`;
}

/** Learned weights over one model: a {@link WeightOverlay} the model scores with. */
export class LearnedWeights implements WeightOverlay {
  tags: readonly string[];
  transitions: Float32Array;
  constraints: TagConstraints;
  revision = 0;
  /** The model's own tag count: tags from here on are learned classes. */
  readonly modelTags: number;
  private keys: Int32Array;
  /** Per slot the feature's weights, one per tag. */
  private rows: Float32Array;
  /** The row of the feature hashed to 0 (0 marks an empty slot). */
  private zeroRow: Float32Array | undefined;
  private present = new Int32Array(1 << (PRESENT_SHIFT - 5));
  private mask = 0;
  private used = 0;

  constructor(private readonly model: TaggerModel) {
    this.modelTags = model.tags.length;
    this.tags = model.tags;
    this.transitions = new Float32Array(0);
    this.constraints = transitionConstraints(this.tags);
    this.keys = new Int32Array(0);
    this.rows = new Float32Array(0);
    this.clear();
    this.revision = 0;
  }

  /** Features with learned weights. */
  get size(): number {
    return this.used + (this.zeroRow ? 1 : 0);
  }

  /** True when nothing was learned: scoring with the overlay equals scoring without it. */
  get isEmpty(): boolean {
    return this.size === 0 && this.tags.length === this.modelTags && this.transitions.every((v, i) => v === this.model.transitions[i]);
  }

  /** The tags learned beyond the model's. */
  get learnedTags(): readonly string[] {
    return this.tags.slice(this.modelTags);
  }

  /** Forgets everything learned: the model's own scores again. */
  clear(): void {
    this.tags = this.model.tags;
    this.constraints = transitionConstraints(this.tags);
    this.transitions = Float32Array.from(this.model.transitions);
    this.mask = 1023;
    this.keys = new Int32Array(1024);
    this.rows = new Float32Array(1024 * this.tags.length);
    this.zeroRow = undefined;
    this.present.fill(0);
    this.used = 0;
    this.revision++;
  }

  /** Index of a tag among {@link tags}, or -1. */
  tagIndex(tag: string): number {
    return this.tags.indexOf(tag);
  }

  /**
   * Adds the tags `B-type` and `I-type` for a class the model was not trained for (no-op when they
   * exist). Their weights and transitions start at 0: the class is learned from corrections alone.
   */
  addClass(type: string): void {
    if (this.tags.includes(`B-${type}`)) return;
    const T = this.tags.length;
    const tags = [...this.tags, `B-${type}`, `I-${type}`];
    const TT = tags.length;
    if (TT > MAX_TAGS) throw new Error(`at most ${(MAX_TAGS - this.modelTags) / 2} labels of a person's own can be learned`);
    const rows = new Float32Array(this.keys.length * TT);
    for (let s = 0; s < this.keys.length; s++) rows.set(this.rows.subarray(s * T, s * T + T), s * TT);
    this.rows = rows;
    if (this.zeroRow) {
      const zero = new Float32Array(TT);
      zero.set(this.zeroRow);
      this.zeroRow = zero;
    }
    // Transitions: rows and columns of the old tags keep their values, the start row moves to the end.
    const transitions = new Float32Array((TT + 1) * TT);
    for (let a = 0; a <= T; a++) {
      const row = a === T ? TT : a;
      for (let b = 0; b < T; b++) transitions[row * TT + b] = this.transitions[a * T + b];
    }
    this.transitions = transitions;
    this.tags = tags;
    this.constraints = transitionConstraints(tags);
    this.revision++;
  }

  addWeights(feats: Int32Array, from: number, to: number, out: Float32Array, at: number): void {
    if (this.used === 0 && !this.zeroRow) return;
    const TT = this.tags.length;
    const keys = this.keys, rows = this.rows, mask = this.mask, present = this.present;
    for (let k = from; k < to; k++) {
      const h = feats[k];
      if (h === 0) {
        const zero = this.zeroRow;
        if (zero) for (let t = 0; t < TT; t++) out[at + t] += zero[t];
        continue;
      }
      const bit = h >>> PRESENT_SHIFT;
      if ((present[bit >>> 5] & (1 << (bit & 31))) === 0) continue;
      let slot = h & mask;
      let key = keys[slot];
      while (key !== h && key !== 0) {
        slot = (slot + 1) & mask;
        key = keys[slot];
      }
      if (key === 0) continue;
      const wb = slot * TT;
      for (let t = 0; t < TT; t++) out[at + t] += rows[wb + t];
    }
  }

  /** Adds `amount` to feature `h`'s weight for tag `tag` (the feature is added when new). */
  addToWeight(h: number, tag: number, amount: number): void {
    // The row first: making it may grow the table (or make the zero feature's row), and the sum must
    // go to the array that holds the row afterwards, not the one read before (a lost update per growth).
    const at = this.rowOf(h) + tag;
    this.rowArray(h)[at] += amount;
  }

  /** Adds `amount` to the transition from tag `from` (`tags.length`: the start) to tag `to`. */
  addToTransition(from: number, to: number, amount: number): void {
    this.transitions[from * this.tags.length + to] += amount;
  }

  /** Call after a batch of changes: scoring drops what it cached from the previous weights. */
  changed(): void {
    this.revision++;
  }

  private rowArray(h: number): Float32Array {
    return h === 0 ? this.zeroRow! : this.rows;
  }

  /** Where feature `h`'s row starts (in {@link rowArray}), made when missing. */
  private rowOf(h: number): number {
    if (h === 0) {
      this.zeroRow ??= new Float32Array(this.tags.length);
      return 0;
    }
    let slot = h & this.mask;
    while (this.keys[slot] !== h && this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
    if (this.keys[slot] === h) return slot * this.tags.length;
    if ((this.used + 1) * 2 > this.keys.length) {
      this.grow();
      return this.rowOf(h);
    }
    this.keys[slot] = h;
    this.used++;
    const bit = h >>> PRESENT_SHIFT;
    this.present[bit >>> 5] |= 1 << (bit & 31);
    return slot * this.tags.length;
  }

  private grow(): void {
    const R = this.tags.length;
    const oldKeys = this.keys;
    const oldRows = this.rows;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.rows = new Float32Array(this.keys.length * R);
    this.mask = this.keys.length - 1;
    this.used = 0;
    for (let s = 0; s < oldKeys.length; s++) {
      if (oldKeys[s] === 0) continue;
      this.rows.set(oldRows.subarray(s * R, s * R + R), this.rowOf(oldKeys[s]));
    }
  }

  /** The file of these weights: a small JSON header and the deflated table (format in {@link decode}). */
  encode(extra: Record<string, unknown> = {}): Buffer {
    const R = this.tags.length;
    const slots: number[] = [];
    for (let s = 0; s < this.keys.length; s++) if (this.keys[s] !== 0) slots.push(s);
    // Sorted by key, so the same weights always make the same bytes.
    slots.sort((a, b) => this.keys[a] - this.keys[b]);
    const n = slots.length + (this.zeroRow ? 1 : 0);
    const keys = new Int32Array(n);
    const rows = new Float32Array(n * R);
    let i = 0;
    if (this.zeroRow) rows.set(this.zeroRow, R * i++);
    for (const s of slots) {
      keys[i] = this.keys[s];
      rows.set(this.rows.subarray(s * R, s * R + R), R * i++);
    }
    const header: LearnedHeader & { features: number } = { model: modelIdentity(this.model), tags: this.tags, extra, features: n };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const prefix = Buffer.alloc(12);
    prefix.writeUInt32LE(MAGIC, 0);
    prefix.writeUInt32LE(FORMAT, 4);
    prefix.writeUInt32LE(headerBytes.length, 8);
    const payload = Buffer.concat([bytesOf(keys), bytesOf(rows), bytesOf(this.transitions)]);
    const body = Buffer.concat([prefix, headerBytes, zlib.deflateRawSync(payload)]);
    return Buffer.concat([body, createHash('sha256').update(body).digest()]);
  }

  /**
   * Reads a file written by {@link encode} into these weights (replacing them) and returns its extra
   * facts. Throws with a message saying why when the file is not one, or was learned over another
   * model (its weights would mean something else); the weights are then left empty.
   *
   *   "ALLW" | u32 format | u32 header length | header JSON | deflate(keys i32[n] | weights f32[n × tags] | transitions f32[(tags + 1) × tags]) | SHA-256 of all before
   *
   * A file whose checksum or numbers are wrong (a bit flipped on disk: one in the compressed table tagged
   * every word an organisation, or no entity at all) is refused as damaged, never half-trusted.
   */
  decode(file: Uint8Array): Record<string, unknown> {
    this.clear();
    const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    if (bytes.length < 12 || bytes.readUInt32LE(0) !== MAGIC) throw new Error('not a learned-weights file');
    const format = bytes.readUInt32LE(4);
    if (format !== FORMAT) throw new Error(`learned-weights format ${format}, this version reads ${FORMAT}`);
    const body = bytes.subarray(0, Math.max(0, bytes.length - CHECKSUM_BYTES));
    if (bytes.length < 12 + CHECKSUM_BYTES || !createHash('sha256').update(body).digest().equals(bytes.subarray(body.length))) throw new Error('damaged (checksum mismatch)');
    const headerLength = bytes.readUInt32LE(8);
    if (12 + headerLength > body.length) throw new Error('damaged (header length)');
    const header = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as LearnedHeader & { features: number };
    if (header.model !== modelIdentity(this.model)) throw new Error('learned over another version of the shipped model');
    const model = this.model.tags;
    if (header.tags.length < model.length || model.some((t, i) => header.tags[i] !== t)) throw new Error("its tags do not extend the model's");
    const payload = zlib.inflateRawSync(body.subarray(12 + headerLength));
    const n = header.features;
    const TT = header.tags.length;
    const R = TT;
    const transitionsSize = (TT + 1) * TT;
    if (payload.length !== 4 * (n + n * R + transitionsSize)) throw new Error('truncated');
    const floats = (from: number, count: number) => new Float32Array(payload.buffer.slice(payload.byteOffset + from * 4, payload.byteOffset + (from + count) * 4));
    const keys = new Int32Array(payload.buffer.slice(payload.byteOffset, payload.byteOffset + n * 4));
    const rows = floats(n, n * R);
    const transitions = floats(n + n * R, transitionsSize);
    if (!rows.every(Number.isFinite) || !transitions.every(Number.isFinite)) throw new Error('damaged (a weight that is not a number)');
    for (const tag of header.tags.slice(model.length)) if (tag.startsWith('B-')) this.addClass(tag.slice(2));
    if (this.tags.length !== TT || this.tags.some((t, i) => header.tags[i] !== t)) throw new Error('its learned tags are not B-/I- pairs');
    for (let i = 0; i < n; i++) {
      const row = this.rowOf(keys[i]);
      this.rowArray(keys[i]).set(rows.subarray(i * R, i * R + R), row);
    }
    this.transitions = transitions;
    this.revision++;
    return header.extra ?? {};
  }
}

/** Length of the SHA-256 that ends a learned-weights file. */
const CHECKSUM_BYTES = 32;

function bytesOf(array: Int32Array | Float32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}
