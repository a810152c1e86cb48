import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { OffsetRange } from '../core/types';
import type { PositionMapper } from './positions';
import { DUPLICATE_PARAGRAPH_CODE } from './diagnostics';

export const REMOVE_DUPLICATE_TITLE = 'Remove duplicate paragraph';
export const REMOVE_ALL_DUPLICATES_TITLE = 'Remove all duplicate paragraphs';

/** Code action kinds the server offers; `source.fixAll.articleLens` runs on "Fix all" and on save when enabled. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.articleLens`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND];

/** What the code-action feature needs from the language service. */
export interface DuplicateRemovals {
  /** Deletions for the duplicate starting at `paragraphStart`, or for all duplicates when undefined. */
  removals(paragraphStart?: number): OffsetRange[];
  /** Start offsets of the repeated paragraphs that touch the requested range. */
  duplicatesIn(range: OffsetRange): number[];
  /** Number of repeated paragraphs in the document. */
  readonly count: number;
}

/**
 * Quick fixes for repeated paragraphs. Every edit is pinned to the document version it was
 * computed for (a versioned `documentChanges` edit), so a client whose document has moved on
 * rejects it instead of deleting the wrong text.
 */
export function duplicateParagraphActions(
  uri: string,
  version: number,
  requested: OffsetRange,
  only: readonly string[] | undefined,
  diagnostics: readonly Diagnostic[],
  duplicates: DuplicateRemovals,
  positions: PositionMapper,
): CodeAction[] {
  if (duplicates.count === 0) return [];
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const edit = (ranges: OffsetRange[]) => ({
    documentChanges: [{ textDocument: { uri, version }, edits: ranges.map((r): TextEdit => ({ range: positions.rangeOf(r), newText: '' })) }],
  });
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const start of duplicates.duplicatesIn(requested)) {
      const ranges = duplicates.removals(start);
      if (ranges.length === 0) continue;
      const line = positions.positionAt(start).line;
      const matching = diagnostics.filter((d) => d.code === DUPLICATE_PARAGRAPH_CODE && d.range.start.line === line);
      actions.push({ title: REMOVE_DUPLICATE_TITLE, kind: CodeActionKind.QuickFix, diagnostics: matching, isPreferred: true, edit: edit(ranges) });
    }
    if (actions.length > 0 && duplicates.count > 1) {
      actions.push({ title: REMOVE_ALL_DUPLICATES_TITLE, kind: CodeActionKind.QuickFix, edit: edit(duplicates.removals()) });
    }
  }
  // Source actions only when asked for by kind (Source Action menu, fix-all on save), so the
  // lightbulb does not list "Remove all" twice.
  if (only && wants(FIX_ALL_KIND)) {
    actions.push({ title: REMOVE_ALL_DUPLICATES_TITLE, kind: FIX_ALL_KIND, edit: edit(duplicates.removals()) });
  }
  return actions;
}
