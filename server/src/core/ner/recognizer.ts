import type { EntityMention, EntityRecognizer, EntityType, Sentence } from '../types';
import { charClass, hashLower } from './hash';
import type { SequenceTagger, TokenSpan } from './tagger';

const OUTPUT_TYPES: Readonly<Record<string, EntityType | undefined>> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'location',
  // MISC (nationalities, events, …) is a training class only: it keeps `Russian` out of the other
  // types, but the editor does not colour it.
};

/** Options of the post-processing, switchable for benchmarks and ablations. */
export interface RecognizerOptions {
  /** Make a document's mentions agree (same string → same type; surnames inherit full names). Default true. */
  readonly documentConsistency?: boolean;
}

interface DocSpan {
  sentence: number;
  start: number;
  end: number;
  type: string;
  key: string;
}

/**
 * The trained recogniser: the sequence tagger plus document-level clean-up. Mentions come back
 * sorted, non-overlapping, with `text.slice(start, end) === text`.
 */
export class NerRecognizer implements EntityRecognizer {
  readonly name = 'perceptron';
  private readonly consistency: boolean;

  constructor(
    readonly tagger: SequenceTagger,
    options: RecognizerOptions = {},
  ) {
    this.consistency = options.documentConsistency ?? true;
  }

  recognize(text: string, sentences: readonly Sentence[]): EntityMention[] {
    const words = sentences.map((s) => s.tokens.map((t) => t.text));
    const tagged = this.tagger.tagDocument(words);
    let spans: DocSpan[] = [];
    tagged.forEach((list: TokenSpan[], s) => {
      for (const span of list) spans.push({ sentence: s, start: span.start, end: span.end, type: span.type, key: '' });
    });
    spans = this.trimTitles(spans, words);
    for (const span of spans) span.key = spanKey(words[span.sentence], span.start, span.end);
    if (this.consistency) spans = makeConsistent(spans, words);
    const overrides = this.tagger.gazetteers.overrides;
    for (const span of spans) span.type = overrides.get(span.key) ?? span.type;
    const nonEntities = this.tagger.gazetteers.nonEntities;
    const mentions: EntityMention[] = [];
    for (const span of spans) {
      const type = OUTPUT_TYPES[span.type];
      if (!type) continue;
      if (nonEntities.has(span.key.toLowerCase()) && !isAcronym(span.key)) continue;
      const tokens = sentences[span.sentence].tokens;
      const start = tokens[span.start].start;
      const end = tokens[span.end - 1].end;
      mentions.push({ start, end, type, text: text.slice(start, end) });
    }
    mentions.sort((a, b) => a.start - b.start);
    return mentions;
  }

  /**
   * Role words are never part of a name (CoNLL leaves titles outside): a person span does not start
   * with one ("Dr.", "Minister"), an organisation does not end with one ("UN Special Envoy" → "UN"),
   * and a span that is only role words ("Head") is dropped.
   */
  private trimTitles(spans: DocSpan[], words: readonly (readonly string[])[]): DocSpan[] {
    const titles = this.tagger.gazetteers.titles;
    const isTitle = (w: string) => titles.has(hashLower(w));
    const out: DocSpan[] = [];
    for (const span of spans) {
      const ws = words[span.sentence];
      while (span.type === 'PER' && span.end - span.start > 1 && isTitle(ws[span.start])) span.start++;
      if (span.type !== 'PER') {
        let end = span.end;
        while (end - span.start > 1 && isTitle(ws[end - 1])) end--;
        // Keep "Office of the President" whole: never leave a span ending on a function word.
        if (end < span.end && isCapitalised(ws[end - 1])) span.end = end;
      }
      let allTitles = true;
      for (let k = span.start; k < span.end && allTitles; k++) allTitles = isTitle(ws[k]);
      if (!allTitles) out.push(span);
    }
    return out;
  }
}

/** The span's words, typographic apostrophes folded, for comparing mentions across a document. */
function spanKey(words: readonly string[], start: number, end: number): string {
  return words.slice(start, end).join(' ').replace(/[’‘]/g, "'");
}

function isAcronym(key: string): boolean {
  return key.length > 1 && /^[\p{Lu}.]+$/u.test(key);
}

function isCapitalised(word: string): boolean {
  return charClass(word.charCodeAt(0)) === 1;
}

/**
 * Document-level agreement, the second pass the tagger's features cannot do alone:
 * - the same string gets the type it has most often in the document;
 * - a surname (`Lavrov`, `al-Khatib`, `Assad` of `Bashar al-Assad`) inherits the person type of the
 *   full name, tagged or not;
 * - untagged repetitions of a multi-word name found elsewhere (`Munich Security Conference`) are added.
 */
function makeConsistent(spans: DocSpan[], words: readonly (readonly string[])[]): DocSpan[] {
  const votes = new Map<string, Map<string, number>>();
  const surnames = new Set<string>();
  for (const span of spans) {
    let v = votes.get(span.key);
    if (!v) votes.set(span.key, (v = new Map()));
    v.set(span.type, (v.get(span.type) ?? 0) + 1);
    if (span.type === 'PER' && span.end - span.start >= 2) {
      const last = words[span.sentence][span.end - 1].replace(/[’‘]/g, "'");
      if (isCapitalised(last) || /^(al|el|ad|as|ash|an|ar|at|az)-/i.test(last)) {
        surnames.add(last);
        const bare = /^(?:al|el)-(\p{Lu}.*)$/u.exec(last);
        if (bare) surnames.add(bare[1]);
      }
    }
  }
  const majority = (key: string): string | undefined => {
    const v = votes.get(key);
    if (!v) return undefined;
    let best: string | undefined;
    let bestCount = 0;
    let tie = false;
    for (const [type, count] of v) {
      if (count > bestCount) {
        best = type;
        bestCount = count;
        tie = false;
      } else if (count === bestCount) tie = true;
    }
    return tie ? undefined : best;
  };
  for (const span of spans) {
    if (span.end - span.start === 1 && surnames.has(span.key) && span.type !== 'PER') span.type = 'PER';
    else {
      const m = majority(span.key);
      if (m) span.type = m;
    }
  }
  // Multi-word names by first word, longest first, for adding untagged repetitions.
  const multi = new Map<string, { words: string[]; type: string }[]>();
  for (const [key] of votes) {
    const type = majority(key);
    const ws = key.split(' ');
    if (!type || ws.length < 2) continue;
    let list = multi.get(ws[0]);
    if (!list) multi.set(ws[0], (list = []));
    list.push({ words: ws, type });
  }
  for (const list of multi.values()) list.sort((a, b) => b.words.length - a.words.length);
  const added: DocSpan[] = [];
  const bySentence = new Map<number, DocSpan[]>();
  for (const span of spans) {
    let list = bySentence.get(span.sentence);
    if (!list) bySentence.set(span.sentence, (list = []));
    list.push(span);
  }
  words.forEach((ws, s) => {
    const covered = new Uint8Array(ws.length);
    for (const span of bySentence.get(s) ?? []) covered.fill(1, span.start, span.end);
    for (let i = 0; i < ws.length; i++) {
      if (covered[i] || !(isCapitalised(ws[i]) || /^(?:al|el)-\p{Lu}/u.test(ws[i]))) continue;
      const w = ws[i].replace(/[’‘]/g, "'");
      let matched = false;
      for (const cand of multi.get(w) ?? []) {
        const end = i + cand.words.length;
        if (end > ws.length) continue;
        let ok = true;
        for (let k = 1; k < cand.words.length && ok; k++) ok = !covered[i + k] && ws[i + k].replace(/[’‘]/g, "'") === cand.words[k];
        if (!ok) continue;
        added.push({ sentence: s, start: i, end, type: cand.type, key: cand.words.join(' ') });
        covered.fill(1, i, end);
        i = end - 1;
        matched = true;
        break;
      }
      if (matched) continue;
      if (surnames.has(w) && !(i + 1 < ws.length && isCapitalised(ws[i + 1]) && !covered[i + 1])) {
        added.push({ sentence: s, start: i, end: i + 1, type: 'PER', key: w });
        covered[i] = 1;
      }
    }
  });
  if (added.length === 0) return spans;
  return spans.concat(added).sort((a, b) => a.sentence - b.sentence || a.start - b.start);
}
