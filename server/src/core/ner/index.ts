import * as fs from 'fs';
import * as path from 'path';
import type { EntityRecognizer } from '../types';
import { resolveDataFile } from '../dataFiles';
import { HeuristicRecognizer } from './heuristicRecognizer';
import { NerRecognizer } from './recognizer';
import { SequenceTagger } from './tagger';

export { NerRecognizer } from './recognizer';
export type { RecognizerOptions } from './recognizer';
export { SequenceTagger } from './tagger';
export type { TokenSpan } from './tagger';

/** File name of the committed model under `server/data/ner/` (written by `npm run train:ner`). */
export const MODEL_FILE = 'ner/model.bin';

let defaultRecognizer: EntityRecognizer | undefined;

/** Path of the committed model, or undefined when it is missing (e.g. a checkout before training). */
export function findModelFile(): string | undefined {
  try {
    return resolveDataFile(MODEL_FILE);
  } catch {
    return undefined;
  }
}

/** Loads the trained recogniser from a model file (uncached). */
export function loadRecognizer(modelPath: string): NerRecognizer {
  return new NerRecognizer(SequenceTagger.load(modelPath));
}

/**
 * The recogniser the analysis uses: the trained tagger from `server/data/ner/model.bin`, loaded once
 * per process. If the model file is missing the rule-based {@link HeuristicRecognizer} stands in, with
 * a warning on stderr (stdout may be the language server's channel), so a broken build is visible but
 * the editor still highlights something.
 */
export function loadDefaultRecognizer(): EntityRecognizer {
  if (defaultRecognizer) return defaultRecognizer;
  const modelPath = findModelFile();
  if (modelPath && fs.existsSync(modelPath)) {
    defaultRecognizer = loadRecognizer(modelPath);
  } else {
    console.error(
      `Article Lens: NER model ${path.join('server/data', MODEL_FILE)} not found; falling back to the heuristic recogniser. Run npm run train:ner.`,
    );
    defaultRecognizer = new HeuristicRecognizer();
  }
  return defaultRecognizer;
}
