import type { Location } from 'vscode-languageserver';
import type { OffsetRange } from '../core/types';
import type { PositionMapper } from './positions';

/** Go to definition: the mention where the article introduces the actor, in the same document. */
export function definitionLocation(uri: string, introduction: OffsetRange | undefined, positions: PositionMapper): Location | null {
  return introduction ? { uri, range: positions.rangeOf(introduction) } : null;
}
