import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { OffsetRange } from '../core/types';
import type { PositionMapper } from './positions';

/** A versioned edit deleting `ranges`: a client whose document moved on rejects it rather than delete the wrong text. */
export function deletionEdit(uri: string, version: number, ranges: readonly OffsetRange[], positions: PositionMapper): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri, version }, edits: ranges.map((r): TextEdit => ({ range: positions.rangeOf(r), newText: '' })) }] };
}

/** True when a code action of `kind` is wanted by the request's `only` filter. */
export function wantsKind(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}
