/** The quote pass alone on a short text, for tests of the cue rules (`core/quotes/cues.ts`) on real sentences. */
import * as assert from 'assert';
import { splitParagraphs } from '../../server/src/core/paragraphs';
import { splitSentences, tokenize } from '../../server/src/core/tokenize';
import { findQuotes } from '../../server/src/core/quotes';
import { buildDoc, type Doc } from '../../server/src/core/quotes/document';
import { pairQuotationMarks } from '../../server/src/core/quotes/marks';
import { resources } from './resources';
import type { EntityMention, EntityType, Quote, Sentence } from '../../server/src/core/types';

/** The quote pass with the shipped lexicon and model, every occurrence of each given name a mention of its type. */
export function analyseQuotes(text: string, names: Readonly<Record<string, EntityType>>): Quote[] {
  const { paragraphs, sentences, mentions } = quoteLayers(text, names);
  return findQuotes(text, paragraphs, sentences, mentions, resources.quotes, resources.speakers);
}

/**
 * The quote pass's view of the text (tokens, sentences, quotations, mentions), for tests of its grammar helpers. Every
 * pair of marks is a quotation here: the pass's own step that drops nicknames inside a name (`outsidePersonNames`) is
 * not run.
 */
export function quoteDoc(text: string, names: Readonly<Record<string, EntityType>>): Doc {
  const { paragraphs, sentences, mentions } = quoteLayers(text, names);
  return buildDoc(text, paragraphs, sentences, mentions, pairQuotationMarks(text, paragraphs), resources.quotes);
}

/** Paragraphs, sentences and the mentions of `names` (each occurrence), as the quote pass takes them. */
export function quoteLayers(text: string, names: Readonly<Record<string, EntityType>>) {
  const paragraphs = splitParagraphs(text);
  const sentences: Sentence[] = [];
  for (const p of paragraphs) for (const s of splitSentences(text, tokenize(text, p))) sentences.push(s);
  const mentions: EntityMention[] = [];
  for (const name of Object.keys(names)) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) mentions.push({ start: at, end: at + name.length, type: names[name], text: name });
  }
  mentions.sort((a, b) => a.start - b.start);
  return { paragraphs, sentences, mentions };
}

/** Who speaks the quotation starting with `prefix` (the resolved mention if any, else the mention); undefined for none. */
export function speakerOf(quotes: readonly Quote[], prefix: string): string | undefined {
  const q = quotes.find((x) => x.text.startsWith(prefix));
  assert.ok(q, `no quotation starting with ${JSON.stringify(prefix)}`);
  return (q.attribution?.resolved ?? q.attribution?.mention)?.text;
}
