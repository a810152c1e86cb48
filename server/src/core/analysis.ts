import { groupActors, type Actor } from './actors';
import { findDuplicateParagraphs, type DuplicateParagraph } from './duplicateParagraphs';
import { splitParagraphs } from './paragraphs';
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
  const quotes = findQuotes(text, paragraphs, sentences, entities);
  const actors = groupActors(text, sentences, entities, quotes);
  const duplicates = findDuplicateParagraphs(paragraphs);
  return { text, paragraphs, sentences, entities, quotes, actors, duplicates };
}
