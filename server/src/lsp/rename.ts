import type { Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { newNameProblem, type ArticleRename } from '../core/actorNavigation';
import type { OffsetRange } from '../core/types';
import { CommandError } from './annotationCommands';
import type { ArticleTexts } from './articleTexts';
import type { PositionMapper } from './positions';

/** `textDocument/prepareRename`: the name under the cursor and its text as the placeholder. */
export function prepareRenameResult(found: { range: OffsetRange; placeholder: string } | undefined, positions: PositionMapper): { range: Range; placeholder: string } | null {
  return found ? { range: positions.rangeOf(found.range), placeholder: found.placeholder } : null;
}

/**
 * Refuses a new name that would delete or garble the mentions (empty, a line break, a control
 * character): the rename request fails with the reason as its message (`InvalidParams`), which the
 * editor shows, instead of an empty edit that says nothing.
 */
export function refuseUnusableNewName(newName: unknown): void {
  const problem = typeof newName === 'string' ? newNameProblem(newName) : 'The new name is missing.';
  if (problem !== undefined) throw new CommandError(problem);
}

/**
 * One workspace edit for a rename across articles. With `documentChanges`, open documents are
 * pinned to the version the edit was computed for (a client whose document moved on rejects it)
 * and files that are not open carry `version: null`.
 */
export async function renameWorkspaceEdit(renames: readonly ArticleRename[], texts: ArticleTexts, documentChanges: boolean): Promise<WorkspaceEdit> {
  const changes: Record<string, TextEdit[]> = {};
  const edits: TextDocumentEdit[] = [];
  for (const rename of renames) {
    const positions = await texts.positions(rename.uri);
    if (!positions) continue;
    const textEdits = rename.edits.map((e): TextEdit => ({ range: positions.rangeOf(e.range), newText: e.newText }));
    if (documentChanges) edits.push({ textDocument: { uri: rename.uri, version: rename.version ?? null }, edits: textEdits });
    else changes[rename.uri] = textEdits;
  }
  return documentChanges ? { documentChanges: edits } : { changes };
}
