import { serializeAnnotationCollection } from '../w3c';
import { exportBrat } from './brat';
import { exportConll } from './conll';
import { exportDoccano } from './doccano';
import type { ArticleForExport, ExportOutput } from './exchange';

/** The export formats, by their protocol names. */
export const EXPORT_FORMATS = ['brat', 'conll', 'doccano', 'w3c'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * One article in `format`. CoNLL and doccano output of several articles is their outputs concatenated
 * (each CoNLL article starts with `-DOCSTART-`; doccano is one line per article).
 */
export function exportArticle(format: ExportFormat, article: ArticleForExport): ExportOutput {
  switch (format) {
    case 'brat':
      return exportBrat(article);
    case 'conll':
      return exportConll(article);
    case 'doccano':
      return exportDoccano(article);
    case 'w3c':
      // The store itself; machine suggestions are not annotations and are not written.
      return { text: serializeAnnotationCollection(article), leftOut: [] };
  }
}

export { exportBrat, importBrat } from './brat';
export { exportConll, parseConll, conllEntities, conllSpansInText } from './conll';
export { exportDoccano, parseDoccano } from './doccano';
export type { ArticleForExport, ExportOutput, ImportContext } from './exchange';
