import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { FurnitureKind, FurnitureRegion } from '../core/pageFurniture';
import type { DiagnosticSeverityName } from '../core/settings';
import type { OffsetRange } from '../core/types';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { deletionEdit, wantsKind } from './edits';
import { SEVERITIES } from './diagnostics';
import type { PositionMapper } from './positions';

/** Stable diagnostic code; doubles as its settings key (`articleLens.pageFurniture.severity`). */
export const PAGE_FURNITURE_CODE = 'page-furniture';
export const REMOVE_FURNITURE_TITLE = 'Remove page furniture';
export const REMOVE_ALL_FURNITURE_TITLE = 'Remove all page furniture';

/** How the diagnostic names each kind. */
const KIND_NAMES: Record<FurnitureKind, string> = {
  byline: 'byline',
  'author-bio': 'note on the author',
  teaser: 'teaser for another article',
  related: 'list of related stories',
  share: 'share or follow line',
  comments: 'comments section',
  media: 'picture credit or video pointer',
  credit: 'credit line',
  advertisement: 'advertisement',
  label: 'section label',
};

/** The diagnostic message of a furniture region. */
export function furnitureMessage(region: FurnitureRegion): string {
  const authors = region.authors.map((a) => a.text);
  const by = authors.length > 0 ? ` (author${authors.length > 1 ? 's' : ''}: ${authors.join(', ')})` : '';
  return `Page furniture: ${KIND_NAMES[region.kind]}${by}, not part of the story.`;
}

/** One diagnostic per furniture region, over its paragraphs. */
export function pageFurnitureDiagnostics(regions: readonly FurnitureRegion[], positions: PositionMapper, severity: DiagnosticSeverityName): Diagnostic[] {
  if (severity === 'off') return [];
  return regions.map((region) => ({
    range: positions.rangeOf(region),
    severity: SEVERITIES[severity],
    source: DIAGNOSTIC_SOURCE,
    code: PAGE_FURNITURE_CODE,
    message: furnitureMessage(region),
  }));
}

/**
 * Quick fixes for the furniture touching the requested range: remove this region (exactly its
 * paragraphs and their separators) and, when there is more than one, remove all. Pinned to the version.
 */
export function pageFurnitureActions(
  uri: string,
  version: number,
  requested: OffsetRange,
  only: readonly string[] | undefined,
  diagnostics: readonly Diagnostic[],
  regions: readonly FurnitureRegion[],
  removals: (regionStart?: number) => OffsetRange[],
  positions: PositionMapper,
): CodeAction[] {
  if (regions.length === 0 || !wantsKind(only, CodeActionKind.QuickFix)) return [];
  const actions: CodeAction[] = [];
  // The furniture diagnostics by line, once: a whole document selected asks for every region's fix.
  const byLine = new Map<number, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.code !== PAGE_FURNITURE_CODE) continue;
    const list = byLine.get(d.range.start.line);
    if (list) list.push(d);
    else byLine.set(d.range.start.line, [d]);
  }
  for (const region of regions) {
    if (region.start > requested.end || region.end < requested.start) continue;
    const ranges = removals(region.start);
    if (ranges.length === 0) continue;
    const line = positions.positionAt(region.start).line;
    const matching = byLine.get(line) ?? [];
    actions.push({ title: REMOVE_FURNITURE_TITLE, kind: CodeActionKind.QuickFix, diagnostics: matching, isPreferred: true, edit: deletionEdit(uri, version, ranges, positions) });
  }
  if (actions.length > 0 && regions.length > 1) actions.push({ title: REMOVE_ALL_FURNITURE_TITLE, kind: CodeActionKind.QuickFix, edit: deletionEdit(uri, version, removals(), positions) });
  return actions;
}
