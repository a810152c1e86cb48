import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { describeBody, shortQuote } from '../core/annotations/describe';
import { placeText } from '../core/annotations/model';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { unwritable, type OpenAnnotations } from './annotations';
import type { PositionMapper } from './positions';

/** Stable diagnostic codes of the annotation layer. */
export const ANNOTATION_STORE_CODE = 'annotation-store';
export const ORPHANED_ANNOTATION_CODE = 'annotation-orphaned';
export const APPROXIMATE_ANNOTATION_CODE = 'annotation-approximate';

/**
 * What a person must know about an article's annotations: a store file that could not be read (a
 * warning at the top: nothing is saved until it is fixed), each orphaned annotation with its quote (it is
 * kept, and shown where its text last was), and each annotation placed where the text differs a little
 * from its quote (worth a look).
 */
export function annotationDiagnostics(state: OpenAnnotations | undefined, positions: PositionMapper): Diagnostic[] {
  if (!state) return [];
  const diagnostics: Diagnostic[] = [];
  if (state.storeError) {
    diagnostics.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: ANNOTATION_STORE_CODE,
      message: `Annotations not loaded: ${unwritable(state)}.`,
    });
  }
  for (const annotation of state.annotations.annotations) {
    const range = positions.rangeOf({ start: annotation.target[0].start, end: annotation.target[annotation.target.length - 1].end });
    if (annotation.status === 'orphaned') {
      diagnostics.push({
        range,
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        code: ORPHANED_ANNOTATION_CODE,
        message: `Orphaned annotation (${describeBody(annotation.body)}): ${shortQuote(placeText(annotation.target))} is no longer in the text where it can be placed with confidence. It is kept; remove it if it is no longer wanted.`,
        data: { id: annotation.id },
      });
    } else if (state.outcomes.get(annotation.id) === 'approximate') {
      diagnostics.push({
        range,
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        code: APPROXIMATE_ANNOTATION_CODE,
        message: `Annotation (${describeBody(annotation.body)}) placed where the text differs a little from the text it was made on: check it.`,
        data: { id: annotation.id },
      });
    }
  }
  return diagnostics;
}
