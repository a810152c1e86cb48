/**
 * What the editor suggests in a text with a given recogniser, for benchmarks that simulate a person
 * correcting suggestions (`benchLearning.ts`): the machine's entities of the analysis, by the one path
 * every analysis takes (`core/analysis.ts` `recognizeInStages`: the recogniser and its post-processing,
 * the entity repair, a name a person taught kept as taught, the figures), before anyone's annotations
 * are applied. Scoring the recogniser alone measured something a person never sees: the repair drops
 * and retypes some of its mentions, and keeps those a person taught.
 */
import { plainContext, recognizeInStages } from '../server/src/core/analysis';
import { loadResourcesBesideRecognizer, type ResourcesBesideRecognizer } from '../server/src/core/resources';
import { finish } from '../server/src/core/stages';
import type { EntityMention, EntityRecognizer, Sentence } from '../server/src/core/types';
import { diskDataSource } from '../server/src/diskData';

let shippedResources: ResourcesBesideRecognizer | undefined;

/**
 * The shipped resources but the recogniser, loaded once: every call brings its own recogniser, so the shipped
 * tagger model that `loadDefaultResources` would decode is never used here.
 */
function shippedBesideRecognizer(): ResourcesBesideRecognizer {
  shippedResources ??= loadResourcesBesideRecognizer(diskDataSource());
  return shippedResources;
}

/**
 * The entities the editor suggests in `text` (tokenised as `sentences`) when `recognizer` is its
 * recogniser; `resources` give everything else the analysis reads (by default the shipped ones).
 */
export function editorSuggestions(recognizer: EntityRecognizer, text: string, sentences: readonly Sentence[], resources: ResourcesBesideRecognizer = shippedBesideRecognizer()): EntityMention[] {
  return finish(recognizeInStages(text, sentences, plainContext({ ...resources, recognizer }))).recognized;
}
