import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver';
import type { ActorMention } from '../core/actors';
import type { PositionMapper } from './positions';

/**
 * Highlights every mention of the actor under the cursor. Names are `Text`; nominals and pronouns
 * (`the foreign minister`, `he said`) are `Read`, so themes can show them apart.
 */
export function actorHighlights(mentions: readonly ActorMention[], positions: PositionMapper): DocumentHighlight[] {
  return mentions.map((m) => ({ range: positions.rangeOf(m), kind: m.kind === 'name' ? DocumentHighlightKind.Text : DocumentHighlightKind.Read }));
}
