/**
 * Shared by the NER training script, benchmark and tests: reading CoNLL-2003 files from
 * `../shared/data`, cutting them into pseudo-documents, turning them back into text with offsets, and
 * conlleval-style span scoring. Nothing here is shipped in the extension.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { EntityMention, Sentence, Token } from '../server/src/core/types';

/** `../shared/data` seen from the repository root. */
export const SHARED_DATA = path.resolve(__dirname, '..', '..', 'shared', 'data');
export const CONLL_DIR = path.join(SHARED_DATA, 'conll2003');

/** One CoNLL sentence: words and their IOB1 NER tags. */
export interface ConllSentence {
  readonly words: string[];
  readonly tags: string[];
}

/** A span in token indices of a sentence, or in characters of a text; `end` exclusive. */
export interface TypedSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** Reads a CoNLL-2003 file (`word POS chunk NER` per line, blank line between sentences). */
export function readConll(file: string): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('-DOCSTART-')) {
      if (words.length) sentences.push({ words, tags });
      words = [];
      tags = [];
      continue;
    }
    const parts = trimmed.split(' ');
    words.push(parts[0]);
    tags.push(parts[parts.length - 1]);
  }
  if (words.length) sentences.push({ words, tags });
  return sentences;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A Reuters byline (`Peter Blackburn`, `Hassan Hafidh`): a few capitalised words, no full stop. */
function isByline(s: ConllSentence): boolean {
  return s.words.length <= 4 && s.words.every((w) => /^\p{Lu}[\p{L}'.-]*$/u.test(w)) && !s.words[s.words.length - 1].endsWith('.');
}

/**
 * The files carry no document markers, so documents are recovered from Reuters datelines
 * (`BRUSSELS 1996-08-22`): a story is its headline (`EU rejects German call to boycott British
 * lamb .`), sometimes a byline, then the dateline and the body, so a document starts at the sentence
 * before the dateline, or two before it when that one is a byline. Document-level features and
 * consistency need this; a wrong cut only weakens them.
 */
export function segmentDocuments(sentences: readonly ConllSentence[]): ConllSentence[][] {
  const starts: number[] = [0];
  for (let i = 1; i < sentences.length; i++) {
    const w = sentences[i].words;
    if (w.length > 8 || !DATE.test(w[w.length - 1]) || !/^\p{Lu}/u.test(w[0])) continue;
    const last = starts[starts.length - 1];
    let start = i;
    // The first story's headline is the file's first sentence (`last` itself): no new document then.
    if (start - 1 >= last && isByline(sentences[start - 1])) start--;
    if (start - 1 >= last) start--;
    if (start > last) starts.push(start);
  }
  const docs: ConllSentence[][] = [];
  for (let d = 0; d < starts.length; d++) docs.push(sentences.slice(starts[d], starts[d + 1] ?? sentences.length));
  return docs;
}

/** Spans of an IOB1, BIO or BILOU tag sequence (`I-` and `L-` continue a span of their type). */
export function tagSpans(tags: readonly string[]): TypedSpan[] {
  const spans: TypedSpan[] = [];
  let i = 0;
  while (i < tags.length) {
    if (tags[i] === 'O') {
      i++;
      continue;
    }
    const type = tags[i].slice(2);
    let j = i + 1;
    while (j < tags.length && (tags[j] === `I-${type}` || tags[j] === `L-${type}`)) j++;
    spans.push({ start: i, end: j, type });
    i = j;
  }
  return spans;
}

/** IOB1 tags to BIO or BILOU. */
export function convertTags(tags: readonly string[], scheme: 'BIO' | 'BILOU'): string[] {
  const out: string[] = tags.map(() => 'O');
  for (const span of tagSpans(tags)) {
    for (let k = span.start; k < span.end; k++) {
      let prefix = k === span.start ? 'B' : 'I';
      if (scheme === 'BILOU') {
        if (span.end - span.start === 1) prefix = 'U';
        else if (k === span.end - 1) prefix = 'L';
      }
      out[k] = `${prefix}-${span.type}`;
    }
  }
  return out;
}

/** A CoNLL document as text (tokens joined by spaces, one sentence per line) with gold character spans. */
export interface DocumentText {
  readonly text: string;
  /** Sentences with the gold tokenisation and absolute offsets. */
  readonly sentences: Sentence[];
  readonly gold: TypedSpan[];
  readonly tokens: number;
}

/** Rebuilds the raw text of a document and its gold mentions in characters. */
export function documentText(doc: readonly ConllSentence[]): DocumentText {
  let text = '';
  const sentences: Sentence[] = [];
  const gold: TypedSpan[] = [];
  let count = 0;
  for (const s of doc) {
    if (text) text += '\n';
    const tokens: Token[] = [];
    s.words.forEach((w, i) => {
      if (i > 0) text += ' ';
      tokens.push({ start: text.length, end: text.length + w.length, text: w });
      text += w;
    });
    for (const span of tagSpans(s.tags)) gold.push({ start: tokens[span.start].start, end: tokens[span.end - 1].end, type: span.type });
    sentences.push({ start: tokens[0].start, end: tokens[tokens.length - 1].end, tokens });
    count += tokens.length;
  }
  return { text, sentences, gold, tokens: count };
}

/** Entity type names of the recogniser mapped to CoNLL's. */
export const CONLL_TYPE: Readonly<Record<string, string>> = { person: 'PER', organization: 'ORG', location: 'LOC' };

/** Mentions of a recogniser as CoNLL-typed character spans (other types dropped). */
export function mentionSpans(mentions: readonly EntityMention[]): TypedSpan[] {
  const out: TypedSpan[] = [];
  for (const m of mentions) {
    const type = CONLL_TYPE[m.type];
    if (type) out.push({ start: m.start, end: m.end, type });
  }
  return out;
}

/** True-positive, false-positive and false-negative counts per type. */
export class SpanScore {
  readonly counts = new Map<string, { tp: number; fp: number; fn: number }>();

  constructor(readonly types: readonly string[] = ['PER', 'ORG', 'LOC']) {
    for (const t of types) this.counts.set(t, { tp: 0, fp: 0, fn: 0 });
  }

  /** Adds one document: exact span and type matches count (conlleval). Types outside `types` are ignored. */
  add(gold: readonly TypedSpan[], predicted: readonly TypedSpan[]): void {
    const key = (s: TypedSpan) => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.filter((s) => this.counts.has(s.type)).map(key));
    const predKeys = new Set(predicted.filter((s) => this.counts.has(s.type)).map(key));
    for (const k of predKeys) {
      const c = this.counts.get(k.split(':')[2])!;
      if (goldKeys.has(k)) c.tp++;
      else c.fp++;
    }
    for (const k of goldKeys) if (!predKeys.has(k)) this.counts.get(k.split(':')[2])!.fn++;
  }

  /** Precision, recall and F1 of one type, or overall when `type` is omitted. */
  prf(type?: string): { p: number; r: number; f1: number; tp: number; fp: number; fn: number } {
    let tp = 0, fp = 0, fn = 0;
    for (const [t, c] of this.counts) {
      if (type && t !== type) continue;
      tp += c.tp;
      fp += c.fp;
      fn += c.fn;
    }
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, fp, fn };
  }

  /** A conlleval-like table. */
  format(label: string): string {
    const row = (name: string, s: ReturnType<SpanScore['prf']>) =>
      `  ${name.padEnd(8)} P ${(100 * s.p).toFixed(2).padStart(6)}  R ${(100 * s.r).toFixed(2).padStart(6)}  F1 ${(100 * s.f1).toFixed(2).padStart(6)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
    return [label, ...this.types.map((t) => row(t, this.prf(t))), row('overall', this.prf())].join('\n');
  }
}
