import { groupActors, type Actor } from './actors';
import { applyEntityInput, applyQuoteInput, NO_ANNOTATIONS, type AnnotationInput } from './annotationInput';
import { findDuplicateParagraphs, type DuplicateParagraph } from './duplicates';
import { repairEntities } from './entityRepair';
import { findFigures, mergeFigures } from './figures';
import { keepTaughtMentions } from './learning/taughtMentions';
import { joinQuotedNicknames } from './nicknames';
import { findPageFurniture, furnitureAt, type FurnitureRegion } from './pageFurniture';
import { splitParagraphs } from './paragraphs';
import { findQuotes } from './quotes';
import type { ArticleResources } from './resources';
import { finish, type Staged } from './stages';
import { splitSentences, tokenize } from './tokenize';
import { ACTOR_TYPES, canLearn, type EntityMention, type OffsetRange, type Paragraph, type Quote, type Sentence, type SentenceTaggingPool } from './types';

/** Everything the features need to know about one article, computed once per document version. */
export interface ArticleAnalysis {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  /**
   * What the machine found (the recogniser's entities and the figures), before people's input:
   * what exports "with suggestions" and the review counts read.
   */
  readonly recognized: readonly EntityMention[];
  /** The entities every feature shows: {@link recognized} with people's labels and rejections applied. */
  readonly entities: readonly EntityMention[];
  readonly quotes: readonly Quote[];
  readonly actors: readonly Actor[];
  readonly duplicates: readonly DuplicateParagraph[];
  /** Page furniture (bylines, teasers, share lines …): its names are not the article's actors; a byline's are its authors. */
  readonly furniture: readonly FurnitureRegion[];
}

/** The article's authors: the names its page furniture credits (bylines, `X contributed reporting`), each once. */
export function authorsOf(analysis: Pick<ArticleAnalysis, 'furniture'>): string[] {
  const authors: string[] = [];
  for (const region of analysis.furniture) for (const author of region.authors) if (!authors.includes(author.text)) authors.push(author.text);
  return authors;
}

/** What an analysis reads besides the text: the loaded data, and people's input for this article. */
export interface AnalysisContext {
  readonly resources: ArticleResources;
  readonly input: AnnotationInput;
  /**
   * Threads that may tag a large article's sentences meanwhile (the server's tagging workers). Only
   * for staged analyses driven by a caller that awaits the promises the stages yield (`stages.ts`).
   */
  readonly tagging?: SentenceTaggingPool;
}

/** The context of an article nobody has annotated. */
export function plainContext(resources: ArticleResources): AnalysisContext {
  return { resources, input: NO_ANNOTATIONS };
}

/** Runs the whole analysis pipeline over one article text. */
export function analyzeArticle(text: string, context: AnalysisContext): ArticleAnalysis {
  const paragraphs = splitParagraphs(text);
  const sentences = sentencesOf(text, paragraphs);
  const { recognized, entities } = finish(recognizeInStages(text, sentences, context));
  return completeAnalysis({ text, paragraphs, sentences, recognized, entities, duplicates: findDuplicateParagraphs(paragraphs, context.resources.knownWords) }, context);
}

/** The sentences of a text (of its paragraphs, split when not given), as every analysis tokenises it. */
export function sentencesOf(text: string, paragraphs: readonly Paragraph[] = splitParagraphs(text)): Sentence[] {
  const sentences: Sentence[] = [];
  for (const paragraph of paragraphs) {
    for (const sentence of splitSentences(text, tokenize(text, paragraph))) sentences.push(sentence);
  }
  return sentences;
}

/**
 * The light analysis of a document too large for the rest (over `maxFileSize`): its paragraphs and
 * repeated paragraphs, nothing that tokenises the text, so a 20 MB file costs a scan, not gigabytes.
 */
export function lightAnalysis(text: string, paragraphs: readonly Paragraph[], duplicates: readonly DuplicateParagraph[], furniture: readonly FurnitureRegion[] = []): ArticleAnalysis {
  return { text, paragraphs, sentences: [], recognized: [], entities: [], quotes: [], actors: [], duplicates, furniture };
}

/**
 * The entities of some sentences, the one way every path gets them (the full analysis, the
 * incremental one, the provisional entities while typing, the first paint of a large file): the
 * recogniser's mentions repaired with the article's own evidence (`entityRepair/`) except those a
 * person taught it, the figures, then people's input. `document` lets the recogniser cache
 * per document (only when `sentences` are the whole document); `within` is the part of the text the
 * sentences cover when they are not the whole document (only labels inside it are added).
 */
export function* recognizeInStages(text: string, sentences: readonly Sentence[], context: AnalysisContext, document?: string, within?: OffsetRange): Staged<{ recognized: EntityMention[]; entities: EntityMention[] }> {
  const recognizer = context.resources.recognizer;
  const machine = yield* recognizer.recognizeInStages(text, sentences, document, context.tagging);
  // The repair never undoes what a person taught the tagger (core/learning/taughtMentions.ts). Until a person taught a
  // name (most sessions, and the command line), no mention is asked about: a look-up per mention that found nothing.
  const repaired = joinQuotedNicknames(text, sentences, repairEntities(text, sentences, machine, context.resources), context.resources.nameLexicon);
  const kept = canLearn(recognizer) && recognizer.hasTaughtNames ? keepTaughtMentions(machine, repaired, (name) => recognizer.taughtLabelOf(name)) : repaired;
  const recognized = mergeFigures(kept, findFigures(text, sentences));
  return { recognized, entities: applyEntityInput(text, recognized, context.input, context.resources.shippedLabels, within) };
}

/** {@link recognizeInStages} for part of a document, without pausing and without caching. */
export function recognizePart(text: string, sentences: readonly Sentence[], context: AnalysisContext, within: OffsetRange): EntityMention[] {
  return sentences.length === 0 ? [] : finish(recognizeInStages(text, sentences, context, undefined, within)).entities;
}

/** The per-paragraph and per-sentence layers, which `incrementalAnalysis.ts` can reuse across edits. */
export type ArticleLayers = Pick<ArticleAnalysis, 'text' | 'paragraphs' | 'sentences' | 'recognized' | 'entities' | 'duplicates'>;

/**
 * The document-level rest of the pipeline, shared by the fresh and the incremental analysis so both
 * stay identical: add new whole-article stages here.
 */
export function completeAnalysis(layers: ArticleLayers, context: AnalysisContext): ArticleAnalysis {
  return finish(completeAnalysisInStages(layers, context));
}

/**
 * {@link completeAnalysis} one stage per step: the generator pauses (yields) between stages, so a
 * caller can let other work in, or give up when the text changed meanwhile. People's input is
 * applied right after the stage it corrects (quote kinds and speakers after the quotes; actor
 * constraints inside the grouping), so every later stage sees the corrected result.
 */
export function* completeAnalysisInStages(layers: ArticleLayers, context: AnalysisContext): Staged<ArticleAnalysis> {
  const { text, paragraphs, sentences, entities } = layers;
  const { resources, input } = context;
  const furniture = findPageFurniture(paragraphs, resources.furniture);
  // Figures and labels of other kinds are entities to colour, not actors or speakers.
  const named = entities.some((e) => !ACTOR_TYPES.has(e.type)) ? entities.filter((e) => ACTOR_TYPES.has(e.type)) : entities;
  // Nor can they say anything in it: a picture credit (`Neilson Barnard via Getty Images.`) or a byline is no
  // antecedent of `the 43-year-old asked`.
  // Regions are in text order and never overlap: the one holding an entity's start is the only one that may hold it.
  const speakers = furniture.length > 0 ? named.filter((e) => !((furnitureAt(furniture, e.start)?.end ?? -1) >= e.end)) : named;
  const quotes = applyQuoteInput(text, findQuotes(text, paragraphs, sentences, speakers, resources.quotes, resources.speakers), input, named);
  yield;
  // Names in page furniture (a byline, a teaser for another article) are not the article's actors.
  const actors = groupActors(text, sentences, named, quotes, resources, input, furniture);
  // Written out, in the layers' order, rather than spread: a spread followed by new properties takes V8's slow path.
  return { text, paragraphs, sentences, recognized: layers.recognized, entities, duplicates: layers.duplicates, furniture, quotes, actors };
}

