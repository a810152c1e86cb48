import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { QuoteOutline } from '../core/languageService';
import { markedSpeaker, uncertainConfidence } from '../core/quoteSpeakers';
import type { Quote } from '../core/types';
import { shorten } from './hover';
import type { PositionMapper } from './positions';

const QUOTE_NAME_LENGTH = 60;

/**
 * The quote outline: one symbol per speaker (a person, an organisation, or the attribution's own
 * words such as "the two sides"), the speaker's quotes as children, a speaker the ranker is unsure of marked
 * on the quote (`Lavrov (uncertain, 62 %)`); then quotes without a speaker, with scare quotes marked as such.
 */
export function quoteOutlineSymbols(outline: QuoteOutline, positions: PositionMapper): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  for (const group of outline.speakers) {
    const children = group.quotes.map((q) => quoteSymbol(q, positions, markedSpeaker(group.label, uncertainConfidence(q))));
    const first = group.actor?.mentions[0] ?? group.quotes[0];
    const range = positions.rangeOf({ start: Math.min(first.start, group.quotes[0].start), end: Math.max(...group.quotes.map((q) => q.end)) });
    symbols.push({
      name: group.label,
      detail: `${group.quotes.length} quote${group.quotes.length === 1 ? '' : 's'}`,
      kind: group.actor?.type === 'organization' ? SymbolKind.Namespace : group.actor ? SymbolKind.Class : SymbolKind.Object,
      range,
      selectionRange: positions.rangeOf(group.quotes[0]),
      children,
    });
  }
  for (const quote of outline.unattributed) {
    symbols.push(quoteSymbol(quote, positions, quote.kind === 'scare' ? 'scare quote' : 'no speaker found'));
  }
  return symbols;
}

function quoteSymbol(quote: Quote, positions: PositionMapper, detail: string): DocumentSymbol {
  const range = positions.rangeOf(quote);
  return {
    name: `“${shorten(quote.text, QUOTE_NAME_LENGTH) || ' '}”`,
    detail,
    kind: SymbolKind.String,
    range,
    selectionRange: range,
  };
}
