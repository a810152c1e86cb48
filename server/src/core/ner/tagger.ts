import * as fs from 'fs';
import { DocumentFeatures, FEATURE_VERSION, FeatureBuffer } from './features';
import { Gazetteers } from './gazetteer';
import { TaggerModel } from './model';

/** A tagged span in token indices of one sentence, `end` exclusive, with the CoNLL type (`PER`, `ORG`, `LOC`, `MISC`). */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
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
  /** Per tag index: the type it belongs to (`PER`…) or '' for O. */
  private readonly tagType: readonly string[];
  /** Per tag index: true when the tag opens a span (B-, U-). */
  private readonly tagOpens: readonly boolean[];

  constructor(
    readonly model: TaggerModel,
    readonly gazetteers: Gazetteers,
  ) {
    if (model.header.featureVersion !== FEATURE_VERSION) {
      throw new Error(`NER model was trained with feature version ${model.header.featureVersion}, the code has ${FEATURE_VERSION}: retrain with npm run train:ner`);
    }
    this.features = new DocumentFeatures(gazetteers);
    this.tagType = model.tags.map((t) => (t === 'O' ? '' : t.slice(2)));
    this.tagOpens = model.tags.map((t) => t.startsWith('B-') || t.startsWith('U-'));
  }

  /** Loads a model file and the gazetteers. */
  static load(modelPath: string): SequenceTagger {
    return new SequenceTagger(TaggerModel.decode(fs.readFileSync(modelPath)), Gazetteers.load());
  }

  /** Tags every sentence of one document (token strings); returns the spans per sentence. */
  tagDocument(sentences: readonly (readonly string[])[]): TokenSpan[][] {
    this.features.prepare(sentences);
    const result: TokenSpan[][] = [];
    for (let s = 0; s < sentences.length; s++) result.push(this.tagPrepared(s, sentences[s]));
    return result;
  }

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
