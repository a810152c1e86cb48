/**
 * The messages between the server and its tagging workers (`taggingPool.ts`, `taggingWorker.ts`):
 * sentences go as one string and lengths, spans come back as integers, so a megabyte of text crosses
 * threads as a few buffers rather than two hundred thousand small strings.
 */
import type { TokenSpan } from '../core/types';

/** Sentences to tag, with their document evidence. */
export interface TagRequest {
  readonly id: number;
  /** Every word, one after the other. */
  readonly words: string;
  /** The length of each word in `words`. */
  readonly wordLengths: Uint32Array;
  /** How many words each sentence has. */
  readonly sentenceLengths: Uint32Array;
  /** The sentences' evidence keys, one after the other (one character per word). */
  readonly evidence: string;
}

/** The spans of a request's sentences, or why there are none. */
export type TagResponse =
  | { readonly id: number; readonly spans: Int32Array; readonly types: readonly string[] }
  | { readonly id: number; readonly error: string };

/** Sent once by a worker when its tagger is loaded and warmed up. */
export interface WorkerReady {
  readonly ready: true;
}

/** Packs sentences and their evidence keys into a {@link TagRequest}. */
export function encodeRequest(id: number, sentences: readonly (readonly string[])[], evidence: readonly string[]): TagRequest {
  let count = 0;
  for (const words of sentences) count += words.length;
  const wordLengths = new Uint32Array(count);
  const sentenceLengths = new Uint32Array(sentences.length);
  const parts: string[] = [];
  let w = 0;
  sentences.forEach((words, s) => {
    sentenceLengths[s] = words.length;
    for (const word of words) {
      wordLengths[w++] = word.length;
      parts.push(word);
    }
  });
  return { id, words: parts.join(''), wordLengths, sentenceLengths, evidence: evidence.join('') };
}

/** The sentences and evidence keys of a request. */
export function decodeRequest(request: TagRequest): { sentences: string[][]; evidence: string[] } {
  const sentences: string[][] = [];
  const evidence: string[] = [];
  let at = 0;
  let w = 0;
  let e = 0;
  for (const length of request.sentenceLengths) {
    const words: string[] = new Array(length);
    for (let k = 0; k < length; k++) {
      const end = at + request.wordLengths[w++];
      words[k] = request.words.slice(at, end);
      at = end;
    }
    sentences.push(words);
    evidence.push(request.evidence.slice(e, e + length));
    e += length;
  }
  return { sentences, evidence };
}

/** Spans per sentence as `[count, (start, end, type index) × count]` per sentence, and the type names. */
export function encodeSpans(id: number, tagged: readonly (readonly TokenSpan[])[]): TagResponse {
  const types: string[] = [];
  let size = tagged.length;
  for (const spans of tagged) size += spans.length * 3;
  const packed = new Int32Array(size);
  let p = 0;
  for (const spans of tagged) {
    packed[p++] = spans.length;
    for (const span of spans) {
      let type = types.indexOf(span.type);
      if (type < 0) type = types.push(span.type) - 1;
      packed[p++] = span.start;
      packed[p++] = span.end;
      packed[p++] = type;
    }
  }
  return { id, spans: packed, types };
}

/** The spans per sentence of a response (`sentences` of them), or undefined when it does not add up. */
export function decodeSpans(packed: Int32Array, types: readonly string[], sentences: number): TokenSpan[][] | undefined {
  const tagged: TokenSpan[][] = [];
  let p = 0;
  for (let s = 0; s < sentences; s++) {
    const count = packed[p++];
    if (count === undefined || p + count * 3 > packed.length) return undefined;
    const spans: TokenSpan[] = new Array(count);
    for (let k = 0; k < count; k++) {
      const type = types[packed[p + 2]];
      if (type === undefined) return undefined;
      spans[k] = { start: packed[p], end: packed[p + 1], type };
      p += 3;
    }
    tagged.push(spans);
  }
  return p === packed.length ? tagged : undefined;
}
