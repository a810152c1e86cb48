import { TextDocumentEdit, type CodeAction, type Command, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
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

/**
 * Code actions as a client can apply them: a client that does not take `documentChanges` (its
 * `workspace.workspaceEdit.documentChanges` capability unset) gets their edits as `changes` by URI, without the
 * version pin it cannot read (such a client ignored or refused the edit). Edits with file operations are left as
 * they are (none of ours has any).
 */
export function forClient<T extends CodeAction | Command>(actions: readonly T[], documentChanges: boolean): T[] {
  if (documentChanges) return [...actions];
  return actions.map((action) => {
    const edit = 'edit' in action ? action.edit : undefined;
    if (!edit?.documentChanges || !edit.documentChanges.every((change) => TextDocumentEdit.is(change))) return action;
    const changes: Record<string, TextEdit[]> = {};
    for (const change of edit.documentChanges as TextDocumentEdit[]) (changes[change.textDocument.uri] ??= []).push(...(change.edits as TextEdit[]));
    return { ...action, edit: { changes } };
  });
}
