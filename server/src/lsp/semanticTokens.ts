import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensDelta, type SemanticTokensEdit, type SemanticTokensLegend } from 'vscode-languageserver';
import type { EntityMention, EntityType } from '../core/types';
import type { PositionMapper } from './positions';

/**
 * Token types, in legend order. Declared in package.json with super types so every theme colours them.
 * `misc` and `userLabel` (a user label such as `claim`: entity type `custom`) come last, so the first five
 * keep their indices. `number` is VS Code's own type and is not declared again (declared with itself as its
 * super type, it made a cycle that hung VS Code's token-style matching as soon as a colour rule was set).
 */
export const ENTITY_TOKEN_TYPES: readonly string[] = ['person', 'organization', 'location', 'date', 'number', 'misc', 'userLabel'];

/**
 * Token modifiers: `suggested` on an entity the machine found and nobody reviewed yet, `confirmed` on one
 * a person labelled or accepted, so a reviewer sees what is left to check (dates and figures get neither:
 * they are not reviewed).
 */
export const ENTITY_TOKEN_MODIFIERS: readonly string[] = ['suggested', 'confirmed'];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...ENTITY_TOKEN_TYPES],
  tokenModifiers: [...ENTITY_TOKEN_MODIFIERS],
};

const TYPE_INDEX = new Map<EntityType, number>([
  ['person', 0],
  ['organization', 1],
  ['location', 2],
  ['date', 3],
  ['number', 4],
  ['misc', 5],
  ['custom', 6],
]);
const SUGGESTED = 1 << 0;
const CONFIRMED = 1 << 1;

/** The modifier bits of a mention: reviewed entities are `confirmed`, the others `suggested`. */
function modifiersOf(mention: EntityMention): number {
  if (mention.confirmed) return CONFIRMED;
  return mention.type === 'date' || mention.type === 'number' ? 0 : SUGGESTED;
}

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
    const modifiers = modifiersOf(mention);
    const start = positions.positionAt(mention.start);
    const end = positions.positionAt(mention.end);
    if (start.line === end.line) {
      if (end.character > start.character) builder.push(start.line, start.character, end.character - start.character, type, modifiers);
      continue;
    }
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : positions.lineLength(line);
      if (to > from) builder.push(line, from, to - from, type, modifiers);
    }
  }
  // Without the builder's time-based result id: ids come from SemanticTokensResults for full results,
  // and a range result needs none, so the same range gives the same answer.
  return { data: builder.build().data };
}

/**
 * The last tokens sent per document, so `semanticTokens/full/delta` can answer with the one edit
 * that turns them into the new ones: after a keystroke only the tokens after it move, and the
 * client receives a small edit instead of the whole array of a long article.
 */
export class SemanticTokensResults {
  private readonly last = new Map<string, { resultId: string; data: number[] }>();
  private counter = 0;

  /** Records `tokens` as the document's latest result and gives it a result id. */
  full(uri: string, tokens: SemanticTokens): SemanticTokens {
    const resultId = String(++this.counter);
    this.last.set(uri, { resultId, data: tokens.data });
    return { resultId, data: tokens.data };
  }

  /** The edit from the result `previousResultId` to `tokens`, or the full tokens when that result is gone. */
  delta(uri: string, previousResultId: string, tokens: SemanticTokens): SemanticTokens | SemanticTokensDelta {
    const previous = this.last.get(uri);
    const result = this.full(uri, tokens);
    if (!previous || previous.resultId !== previousResultId) return result;
    return { resultId: result.resultId, edits: diffTokens(previous.data, tokens.data) };
  }

  delete(uri: string): void {
    this.last.delete(uri);
  }
}

/** One edit replacing the differing middle of two token arrays (common prefix and suffix kept). */
export function diffTokens(before: readonly number[], after: readonly number[]): SemanticTokensEdit[] {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  if (prefix === before.length && prefix === after.length) return [];
  return [{ start: prefix, deleteCount: before.length - prefix - suffix, data: after.slice(prefix, after.length - suffix) }];
}
