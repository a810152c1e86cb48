import { DataFileError, readOrFail, type DataSource } from '../dataSource';
import type { Vocabulary } from '../vocabulary';
import { FEATURE_VERSION } from './features';
import { Gazetteers } from './gazetteer';
import { TaggerModel } from './model';
import { NerRecognizer, type RecognizerOptions } from './recognizer';
import { SequenceTagger } from './tagger';

export { NerRecognizer } from './recognizer';
export type { RecognizerOptions } from './recognizer';
export { SentenceTagCache, SequenceTagger } from './tagger';
export type { TokenSpan } from './tagger';

/** Path of the committed model under the data folder (written by `npm run train:ner`). */
export const MODEL_FILE = 'ner/model.bin';

/**
 * Reads a model file. One that was trained for another feature version is stale: it throws a
 * `DataFileError` saying to retrain, rather than tagging with weights that mean something else.
 */
export function loadTaggerModel(source: DataSource, file: string = MODEL_FILE): TaggerModel {
  const model = readOrFail(file, () => TaggerModel.decode(Buffer.from(source.readBytes(file))));
  if (model.header.featureVersion !== FEATURE_VERSION) {
    throw new DataFileError(file, `trained with feature version ${model.header.featureVersion}, the code has ${FEATURE_VERSION}: retrain with npm run train:ner`);
  }
  return model;
}

/** The trained recogniser: the model and the name lists, read through `source`. */
export function loadRecognizer(source: DataSource, vocabulary: Vocabulary, options: RecognizerOptions & { readonly modelFile?: string } = {}): NerRecognizer {
  return new NerRecognizer(new SequenceTagger(loadTaggerModel(source, options.modelFile), Gazetteers.load(source)), vocabulary, options);
}
