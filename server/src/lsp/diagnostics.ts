import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { describeRepeat, type DuplicateParagraph } from '../core/duplicates';
import { limitedAnalysisMessage, type LimitedReason } from '../core/languageService';
import type { DiagnosticSeverityName } from '../core/settings';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import type { PositionMapper } from './positions';

/** Stable diagnostic codes; each doubles as its settings key. */
export const DUPLICATE_PARAGRAPH_CODE = 'duplicate-paragraph';
export const LIMITED_ANALYSIS_CODE = 'limited-analysis';

/** LSP severities of the severity setting values; `off` publishes nothing. */
export const SEVERITIES: Record<Exclude<DiagnosticSeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * One diagnostic per repeated paragraph, on the repeat, pointing at the copy kept. A near repeat says
 * what differs; each part of a copy split by an inserted line gets its own.
 */
export function duplicateParagraphDiagnostics(
  duplicates: readonly DuplicateParagraph[],
  positions: PositionMapper,
  uri: string,
  severity: DiagnosticSeverityName,
): Diagnostic[] {
  if (severity === 'off') return [];
  return duplicates.map((repeat) => {
    const originalRange = positions.rangeOf(repeat.original);
    return {
      range: positions.rangeOf(repeat.duplicate),
      severity: SEVERITIES[severity],
      source: DIAGNOSTIC_SOURCE,
      code: DUPLICATE_PARAGRAPH_CODE,
      message: describeRepeat(repeat, originalRange.start.line + 1),
      relatedInformation: [{ location: { uri, range: originalRange }, message: repeat.original.start < repeat.duplicate.start ? 'First occurrence' : 'Complete copy (kept)' }],
    };
  });
}

/** Tells the user why a file got only part of the analysis, so nothing is silently skipped. */
export function limitedAnalysisDiagnostic(reason: LimitedReason, maxFileSize: number): Diagnostic {
  const message = `Article Lens: ${limitedAnalysisMessage(reason, `articleLens.maxFileSize (${maxFileSize.toLocaleString('en')} characters)`)}`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: LIMITED_ANALYSIS_CODE,
    message,
  };
}
