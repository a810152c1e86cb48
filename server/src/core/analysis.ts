import { groupActors, type Actor } from './actors';
import { findDuplicateParagraphs, type DuplicateParagraph } from './duplicateParagraphs';
import { splitParagraphs } from './paragraphs';
import { finish, type Staged } from './stages';
import { findQuotes } from './quotes';
import { splitSentences, tokenize } from './tokenize';
import type { EntityMention, EntityRecognizer, Paragraph, Quote, Sentence } from './types';

/** Everything the features need to know about one article, computed once per document version. */
export interface ArticleAnalysis {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly entities: readonly EntityMention[];
  readonly quotes: readonly Quote[];
  readonly actors: readonly Actor[];
  readonly duplicates: readonly DuplicateParagraph[];
}

/** Runs the whole analysis pipeline over one article text. */
export function analyzeArticle(text: string, recognizer: EntityRecognizer): ArticleAnalysis {
  const paragraphs = splitParagraphs(text);
  const sentences: Sentence[] = [];
  for (const paragraph of paragraphs) {
    for (const sentence of splitSentences(text, tokenize(text, paragraph))) sentences.push(sentence);
  }
  const entities = recognizer.recognize(text, sentences);
  return completeAnalysis({ text, paragraphs, sentences, entities, duplicates: findDuplicateParagraphs(paragraphs) });
}

/** The per-paragraph and per-sentence layers, which `incrementalAnalysis.ts` can reuse across edits. */
export type ArticleLayers = Pick<ArticleAnalysis, 'text' | 'paragraphs' | 'sentences' | 'entities' | 'duplicates'>;

/**
 * The document-level rest of the pipeline, shared by the fresh and the incremental analysis so both
 * stay identical: add new whole-article stages here.
 */
export function completeAnalysis(layers: ArticleLayers): ArticleAnalysis {
  return finish(completeAnalysisInStages(layers));
}

/**
 * {@link completeAnalysis} one stage per step: the generator pauses (yields) between stages, so a
 * caller can let other work in, or give up when the text changed meanwhile.
 */
export function* completeAnalysisInStages(layers: ArticleLayers): Staged<ArticleAnalysis> {
  const { text, paragraphs, sentences, entities } = layers;
  const quotes = findQuotes(text, paragraphs, sentences, entities);
  yield;
  const actors = groupActors(text, sentences, entities, quotes);
  return { ...layers, quotes, actors };
}

