import { DocumentFeatures, FEATURE_VERSION, FeatureBuffer, type FeatureGroups } from './features';
import { DataFileError } from '../dataSource';
import { CLUSTER_FILE, EMBEDDING_CLUSTER_FILE, Gazetteers } from './gazetteer';
import { TaggerModel } from './model';
import { packedMap } from '../packedMap';

import type { TokenSpan } from '../types';
export type { TokenSpan } from '../types';

/**
 * One document prepared for tagging ({@link SequenceTagger.plan}): the tags its cache already had,
 * and the sentences still to decode, here ({@link SequenceTagger.tagPending}) or on other threads
 * with their {@link evidence} ({@link SequenceTagger.record} keeps what comes back).
 */
export class TaggingPlan {
  /** Per sentence, its spans once known. */
  readonly tagged: (TokenSpan[] | undefined)[];
  /** Sentences still to decode, in document order. */
  readonly pending: number[] = [];
  /** How many tokens the pending sentences have. */
  pendingTokens = 0;

  constructor(
    /** The document's sentences as the tagger reads them. */
    readonly sentences: readonly (readonly string[])[],
    /**
     * Per sentence, its document evidence (`DocumentFeatures.evidenceKey`): computed when the plan
     * caches tags or may send sentences to other threads, else empty.
     */
    readonly evidence: readonly string[],
    readonly cache: SentenceTagCache | undefined,
  ) {
    this.tagged = new Array<TokenSpan[] | undefined>(sentences.length);
    this.keys = new Array<string | undefined>(sentences.length);
  }

  /**
   * Per sentence, its key in {@link cache} once looked up: made once, for the look-up and the entry
   * that follows (a key joins every word of the sentence: a new string to build and to hash).
   */
  private readonly keys: (string | undefined)[];

  /** Sentence `s`'s key in {@link cache}. */
  keyOf(s: number): string {
    return (this.keys[s] ??= cacheKey(this.sentences[s], this.evidence[s]));
  }

  /** True when every sentence has its tags. */
  get complete(): boolean {
    return this.pending.every((s) => this.tagged[s] !== undefined);
  }

  /** The spans per sentence, once {@link complete}. */
  result(): TokenSpan[][] {
    return packedMap(this.tagged, (spans, s) => {
      if (!spans) throw new Error(`sentence ${s} was not tagged`);
      return spans;
    });
  }
}

/**
 * The statistical tagger: features, model and decoding, over token strings. It knows nothing about
 * character offsets or post-processing; {@link NerRecognizer} adds those.
 */
export class SequenceTagger {
  /** The document being tagged: prepared once per document, then read sentence by sentence. */
  protected readonly features: DocumentFeatures;
  private readonly buffer = new FeatureBuffer();
  private tagOut = new Int32Array(256);
  /** Per tag index of the scored tags: the type it belongs to (`PER`…) or '' for O. */
  private tagType: readonly string[] = [];
  /** Per tag index: true when the tag opens a span (B-, U-). */
  private tagOpens: readonly boolean[] = [];
  /** The tag list the two above were read from (a learned overlay may add tags). */
  private tagsRead: readonly string[] | undefined;

  /** `groups` switches feature groups off, for ablations only: a model is trained with the same groups. */
  constructor(
    readonly model: TaggerModel,
    readonly gazetteers: Gazetteers,
    groups: Partial<FeatureGroups> = {},
  ) {
    if (model.header.featureVersion !== FEATURE_VERSION) {
      throw new Error(`NER model was trained with feature version ${model.header.featureVersion}, the code has ${FEATURE_VERSION}: retrain with npm run train:ner`);
    }
    const clusters = model.header.training.clustersChecksum;
    if (clusters !== undefined && clusters !== gazetteers.clusters.checksum) {
      throw new DataFileError(`ner/${CLUSTER_FILE}`, `the NER model was trained with other word clusters (checksum ${clusters}, this file's is ${gazetteers.clusters.checksum}): retrain with npm run train:ner`);
    }
    const embeddings = model.header.training.embeddingClustersChecksum;
    if (embeddings !== undefined && embeddings !== gazetteers.embeddings.checksum) {
      throw new DataFileError(
        `ner/${EMBEDDING_CLUSTER_FILE}`,
        `the NER model was trained with other embedding clusters (checksum ${embeddings}, this file's is ${gazetteers.embeddings.checksum}): retrain with npm run train:ner`,
      );
    }
    this.features = new DocumentFeatures(gazetteers, groups);
    this.groups = groups;
  }

  private readonly groups: Partial<FeatureGroups>;

  /**
   * Tags every sentence of one document (token strings); returns the spans per sentence. With a
   * cache, a sentence whose words and document evidence were decoded in the previous version is not
   * decoded again: its features are a function of exactly those, so the cached tags are what
   * decoding would give. The returned arrays may be the cached ones: callers copy before changing.
   */
  tagDocument(sentences: readonly (readonly string[])[], cache?: SentenceTagCache): TokenSpan[][] {
    const plan = this.plan(sentences, cache);
    this.tagPending(plan, plan.pending);
    return plan.result();
  }

  /**
   * Prepares a document for tagging: its features' document evidence, and the tags of every sentence
   * the cache has under the same words and evidence. The other sentences are {@link TaggingPlan.pending}.
   */
  plan(sentences: readonly (readonly string[])[], cache?: SentenceTagCache, withEvidence = cache !== undefined): TaggingPlan {
    this.features.prepare(sentences);
    this.prepared = sentences;
    const evidence = withEvidence ? sentences.map((_, s) => this.features.evidenceKey(s)) : [];
    const plan = new TaggingPlan(sentences, evidence, cache);
    for (let s = 0; s < sentences.length; s++) {
      const words = sentences[s];
      if (words.length === 0) {
        plan.tagged[s] = [];
        continue;
      }
      const known = cache?.get(plan.keyOf(s));
      if (known) this.record(plan, s, known);
      else {
        plan.pending.push(s);
        plan.pendingTokens += words.length;
      }
    }
    return plan;
  }

  /**
   * Calls `visit` with the features of sentences `which` of a document (all its sentences, as token
   * strings) in the full layout, what training reads (`DocumentFeatures.extract`): for learning from a
   * person's corrections. It has its own feature extractor, so tagging is never disturbed.
   */
  visitFeatures(sentences: readonly (readonly string[])[], which: readonly number[], visit: (s: number, buffer: FeatureBuffer) => void): void {
    this.learningFeatures ??= new DocumentFeatures(this.gazetteers, this.groups);
    this.learningFeatures.prepare(sentences);
    for (const s of which) {
      if (sentences[s].length === 0) continue;
      this.learningFeatures.extract(s, this.learningBuffer);
      visit(s, this.learningBuffer);
    }
    // Learned from: its words (cut from the article's text) are not kept.
    this.learningFeatures.release();
  }

  private learningFeatures: DocumentFeatures | undefined;
  private readonly learningBuffer = new FeatureBuffer();

  /** Decodes sentences `which` of the plan on this thread. */
  tagPending(plan: TaggingPlan, which: readonly number[]): void {
    // Another document may have been prepared since (an analysis paused while workers tagged): the
    // plan's sentences are its whole document, so preparing them again gives the same evidence.
    if (this.prepared !== plan.sentences) {
      this.features.prepare(plan.sentences);
      this.prepared = plan.sentences;
    }
    for (const s of which) this.record(plan, s, this.tagPrepared(s, plan.sentences[s]));
  }

  /** Keeps the tags of sentence `s` of the plan (decoded here or elsewhere), in the plan's cache too. */
  record(plan: TaggingPlan, s: number, spans: TokenSpan[]): void {
    plan.tagged[s] = spans;
    if (plan.cache) plan.cache.set(plan.keyOf(s), spans);
  }

  /**
   * Tags some sentences of a document given with their evidence keys (computed by {@link plan} where
   * the whole document is): what a tagging worker does with its share. The same tags as tagging the
   * whole document, since a sentence's features depend on its words and its evidence alone.
   */
  tagWithEvidence(sentences: readonly (readonly string[])[], evidence: readonly string[]): TokenSpan[][] {
    this.features.prepare(sentences, evidence);
    this.prepared = undefined;
    return sentences.map((words, s) => this.tagPrepared(s, words));
  }

  /**
   * Lets go of the last document prepared (a closed document's words would keep its text alive). A plan
   * still being tagged prepares its sentences again in {@link tagPending}, with the same features.
   */
  release(): void {
    this.prepared = undefined;
    this.features.release();
  }

  /** The sentences `features` was last prepared with by {@link plan} (their evidence is the whole document's). */
  private prepared: readonly (readonly string[])[] | undefined;

  /** Tags sentence `s` (its words) of the document last given to `features.prepare`. */
  protected tagPrepared(s: number, words: readonly string[]): TokenSpan[] {
    const n = words.length;
    if (n === 0) return [];
    this.features.extract(s, this.buffer, true);
    if (this.tagOut.length < n) this.tagOut = new Int32Array(n * 2);
    this.model.decodeWords(this.buffer, words, n, this.tagOut, this.features);
    return this.spans(this.tagOut, n);
  }

  /** Turns a valid tag sequence into spans. */
  private spans(tags: Int32Array, n: number): TokenSpan[] {
    const scored = this.model.scoredTags;
    if (scored !== this.tagsRead) {
      this.tagsRead = scored;
      this.tagType = scored.map((t) => (t === 'O' ? '' : t.slice(2)));
      this.tagOpens = scored.map((t) => t.startsWith('B-') || t.startsWith('U-'));
    }
    const spans: TokenSpan[] = [];
    let i = 0;
    while (i < n) {
      const type = this.tagType[tags[i]];
      if (!type) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && this.tagType[tags[j]] === type && !this.tagOpens[tags[j]]) j++;
      spans.push({ start: i, end: j, type });
      i = j;
    }
    return spans;
  }
}

/** A sentence's key in a {@link SentenceTagCache}: its words and their document evidence. */
function cacheKey(words: readonly string[], evidence: string): string {
  return `${words.join('\u0001')}\u0000${evidence}`;
}

/**
 * The tags of one document's sentences across two versions: lookups read this version's and the
 * previous version's entries, and once sealed only what this version used is kept, so the cache
 * follows the document, not its history.
 */
export class SentenceTagCache {
  private used = new Map<string, TokenSpan[]>();
  private previous: ReadonlyMap<string, TokenSpan[]>;

  constructor(previous?: SentenceTagCache) {
    this.previous = previous?.used ?? new Map();
  }

  get(key: string): TokenSpan[] | undefined {
    return this.used.get(key) ?? this.previous.get(key);
  }

  set(key: string, spans: TokenSpan[]): void {
    this.used.set(key, spans);
  }

  /** Forgets what the previous version had and this one did not use. */
  seal(): void {
    this.previous = new Map();
  }
}
