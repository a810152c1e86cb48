import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { nameVariantMessage, useSpellingEdits, type NameVariant } from '../core/nameVariants';
import type { DiagnosticSeverityName } from '../core/settings';
import type { OffsetRange } from '../core/types';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { SEVERITIES } from './diagnostics';
import type { PositionMapper } from './positions';

/** Stable diagnostic code; doubles as its settings key (`articleLens.nameVariants.severity`). */
export const NAME_VARIANT_CODE = 'name-variant';


/** The title of the quick fix that writes one spelling everywhere. */
export function useSpellingTitle(spelling: string): string {
  return `Use '${spelling}' throughout`;
}

/**
 * One diagnostic on each occurrence of a less usual spelling of a person's name in the article
 * (`Steimeier` where `Steinmeier` is also written), pointing at the usual one.
 */
export function nameVariantDiagnostics(variants: readonly NameVariant[], positions: PositionMapper, uri: string, severity: DiagnosticSeverityName): Diagnostic[] {
  if (severity === 'off') return [];
  const diagnostics: Diagnostic[] = [];
  for (const variant of variants) {
    const usual = variant.spellings[0];
    for (const other of variant.spellings.slice(1)) {
      for (const range of other.ranges) {
        diagnostics.push({
          range: positions.rangeOf(range),
          severity: SEVERITIES[severity],
          source: DIAGNOSTIC_SOURCE,
          code: NAME_VARIANT_CODE,
          message: nameVariantMessage(variant, other),
          relatedInformation: usual.ranges.slice(0, 3).map((r) => ({ location: { uri, range: positions.rangeOf(r) }, message: `Spelled '${usual.text}'` })),
        });
      }
    }
  }
  return diagnostics;
}

/**
 * Quick fixes for the variants touching the requested range: "Use 'X' throughout" for each
 * spelling, the usual one preferred. Edits are pinned to the document version.
 */
export function nameVariantActions(
  uri: string,
  version: number,
  variants: readonly NameVariant[],
  requested: OffsetRange,
  only: readonly string[] | undefined,
  diagnostics: readonly Diagnostic[],
  positions: PositionMapper,
  text: string,
): CodeAction[] {
  if (only && !only.some((o) => CodeActionKind.QuickFix === o || CodeActionKind.QuickFix.startsWith(`${o}.`))) return [];
  const actions: CodeAction[] = [];
  for (const variant of variants) {
    const touched = variant.spellings.some((s) => s.ranges.some((r) => r.start <= requested.end && r.end >= requested.start));
    if (!touched) continue;
    const matching = diagnostics.filter((d) => d.code === NAME_VARIANT_CODE && variant.spellings.some((s) => s.ranges.some((r) => rangeEquals(positions.rangeOf(r), d.range))));
    variant.spellings.forEach((spelling, index) => {
      const edits = useSpellingEdits(variant, spelling.text, text).map((e): TextEdit => ({ range: positions.rangeOf(e.range), newText: e.newText }));
      actions.push({
        title: useSpellingTitle(spelling.text),
        kind: CodeActionKind.QuickFix,
        diagnostics: matching,
        isPreferred: index === 0,
        edit: { documentChanges: [{ textDocument: { uri, version }, edits }] },
      });
    });
  }
  return actions;
}

function rangeEquals(a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: typeof a): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
