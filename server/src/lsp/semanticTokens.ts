import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { EntityMention, EntityType } from '../core/types';
import type { PositionMapper } from './positions';

/** Token types, in legend order. Declared in package.json with super types so every theme colours them. */
export const ENTITY_TOKEN_TYPES: readonly EntityType[] = ['person', 'organization', 'location', 'date', 'number'];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...ENTITY_TOKEN_TYPES],
  tokenModifiers: [],
};

const TYPE_INDEX = new Map<EntityType, number>(ENTITY_TOKEN_TYPES.map((type, index) => [type, index]));

/**
 * Encodes entity mentions as semantic tokens. Mentions arrive sorted and non-overlapping; one that
 * runs over a line break (a name wrapped in a hard-wrapped paragraph) becomes one token per line,
 * because LSP tokens cannot span lines.
 */
export function buildSemanticTokens(mentions: readonly EntityMention[], positions: PositionMapper): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  for (const mention of mentions) {
    const type = TYPE_INDEX.get(mention.type);
    if (type === undefined) continue;
    const start = positions.positionAt(mention.start);
    const end = positions.positionAt(mention.end);
    if (start.line === end.line) {
      if (end.character > start.character) builder.push(start.line, start.character, end.character - start.character, type, 0);
      continue;
    }
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : positions.lineLength(line);
      if (to > from) builder.push(line, from, to - from, type, 0);
    }
  }
  return builder.build();
}
