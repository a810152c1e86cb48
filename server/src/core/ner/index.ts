import type { EntityRecognizer } from '../types';
import { HeuristicRecognizer } from './heuristicRecognizer';

let defaultRecognizer: EntityRecognizer | undefined;

/**
 * The recogniser the analysis uses unless told otherwise. Loaded once per process.
 * (Placeholder until the trained tagger lands: the heuristic recogniser.)
 */
export function loadDefaultRecognizer(): EntityRecognizer {
  defaultRecognizer ??= new HeuristicRecognizer();
  return defaultRecognizer;
}
