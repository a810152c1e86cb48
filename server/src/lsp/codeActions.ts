import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { ArticleDocument, ArticleService } from '../core/languageService';
import type { ArticleSettings } from '../core/settings';
import type { OffsetRange } from '../core/types';
import type { PositionMapper } from './positions';
import { DUPLICATE_PARAGRAPH_CODE } from './diagnostics';
import { deletionEdit, wantsKind } from './edits';
import { pageFurnitureActions } from './pageFurniture';

export const REMOVE_DUPLICATE_TITLE = 'Remove duplicate paragraph';
export const KEEP_THIS_COPY_TITLE = 'Keep this copy instead';
export const REMOVE_ALL_DUPLICATES_TITLE = 'Remove all duplicate paragraphs';
export const FIX_ALL_TITLE = 'Remove all duplicate paragraphs and page furniture';

/** Code action kinds the server offers; `source.fixAll.articleLens` runs on "Fix all" and on save when enabled. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.articleLens`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND];

/** A repeated paragraph as the code actions see it. */
export interface RepeatAt {
  readonly start: number;
  /** A near repeat (a damaged or updated copy): "Keep this copy instead" is offered too. */
  readonly near: boolean;
}

/** What the duplicate code actions need from the language service. */
export interface DuplicateRemovals {
  /** Deletions for the duplicate starting at `paragraphStart`, or for all duplicates fix-all removes when undefined. */
  removals(paragraphStart?: number): OffsetRange[];
  /** Deletions that keep the repeat starting at `paragraphStart` and remove the copy it repeats instead. */
  keepInstead(paragraphStart: number): OffsetRange[];
  /** The repeated paragraphs that touch the requested range. */
  duplicatesIn(range: OffsetRange): readonly RepeatAt[];
  /** Number of repeated paragraphs in the document. */
  readonly count: number;
}

/**
 * Quick fixes for repeated paragraphs: remove this copy (preferred), for a near repeat keep this
 * copy and remove the other instead, and remove all. Every edit is pinned to the document version it
 * was computed for.
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
  if (duplicates.count === 0 || !wantsKind(only, CodeActionKind.QuickFix)) return [];
  const actions: CodeAction[] = [];
  for (const { start, near } of duplicates.duplicatesIn(requested)) {
    const ranges = duplicates.removals(start);
    if (ranges.length === 0) continue;
    const line = positions.positionAt(start).line;
    const matching = diagnostics.filter((d) => d.code === DUPLICATE_PARAGRAPH_CODE && d.range.start.line === line);
    actions.push({ title: REMOVE_DUPLICATE_TITLE, kind: CodeActionKind.QuickFix, diagnostics: matching, isPreferred: true, edit: deletionEdit(uri, version, ranges, positions) });
    const other = near ? duplicates.keepInstead(start) : [];
    if (other.length > 0) actions.push({ title: KEEP_THIS_COPY_TITLE, kind: CodeActionKind.QuickFix, diagnostics: matching, edit: deletionEdit(uri, version, other, positions) });
  }
  if (actions.length > 0 && duplicates.count > 1) {
    const all = duplicates.removals();
    if (all.length > 0) actions.push({ title: REMOVE_ALL_DUPLICATES_TITLE, kind: CodeActionKind.QuickFix, edit: deletionEdit(uri, version, all, positions) });
  }
  return actions;
}

/**
 * The fix-all source action: every repeat fix-all removes and all page furniture, in one edit. Only
 * when asked for by kind (Source Action menu, fix-all on save), so the lightbulb does not list it; and
 * `ranges` is asked only then: fix-all may look for repeats a second time over a large article
 * (`core/duplicates/removal.ts`), which the lightbulb's requests at every cursor move must not pay for.
 */
export function fixAllAction(uri: string, version: number, only: readonly string[] | undefined, ranges: () => readonly OffsetRange[], positions: PositionMapper): CodeAction[] {
  if (!only || !wantsKind(only, FIX_ALL_KIND)) return [];
  const removals = ranges();
  if (removals.length === 0) return [];
  return [{ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: deletionEdit(uri, version, removals, positions) }];
}

/** The duplicate fixes of one document, from the language service. */
export function duplicateRemovalsOf(service: ArticleService, document: ArticleDocument, settings: ArticleSettings): DuplicateRemovals {
  const duplicates = service.getDuplicateParagraphs(document, settings);
  return {
    count: duplicates.length,
    removals: (start) => service.getDuplicateRemovals(document, start, settings),
    keepInstead: (start) => service.getDuplicateFix(document, { kind: 'keep', start }, settings),
    duplicatesIn: (range) => duplicates.filter((d) => d.duplicate.start <= range.end && d.duplicate.end >= range.start).map((d) => ({ start: d.duplicate.start, near: d.near !== undefined })),
  };
}

/**
 * Every code action on paragraphs for a request: duplicate and page-furniture quick fixes touching
 * the range, and fix-all. Costs the paragraph layer, never a full analysis.
 */
export function paragraphCodeActions(
  service: ArticleService,
  document: ArticleDocument,
  settings: ArticleSettings,
  requested: OffsetRange,
  only: readonly string[] | undefined,
  diagnostics: readonly Diagnostic[],
  positions: PositionMapper,
): CodeAction[] {
  const { uri, version } = document;
  return [
    ...duplicateParagraphActions(uri, version, requested, only, diagnostics, duplicateRemovalsOf(service, document, settings), positions),
    ...pageFurnitureActions(uri, version, requested, only, diagnostics, service.getPageFurniture(document, settings), (start) => service.getFurnitureRemovals(document, start, settings), positions),
    ...fixAllAction(uri, version, only, () => service.getFixAllRemovals(document, settings), positions),
  ];
}
