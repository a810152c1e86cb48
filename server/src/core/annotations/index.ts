/**
 * The human annotation layer (issue 12), pure: data model, shifting through edits, re-anchoring by quote,
 * the W3C store format and the exchange formats. No file access here: `server/src/annotationStore/`
 * reads and writes the store files.
 */
export * from './model';
export * from './labels';
export { CodePointIndex } from './codePoints';
export { spanAt, respan, quoteFitsAt } from './selectors';
export { applyEdits, shiftRange, type TextEdit, type EditShiftResult } from './editShift';
export { findQuote, type QuoteMatch } from './quoteMatch';
export { reanchor, reanchorOrphans, reanchorOrphansWhereWritten, type ReanchorOutcome, type ReanchorResult } from './reanchor';
export { serializeAnnotationCollection, parseAnnotationCollection, isValidExternalId, type StoredArticle, type ParseResult } from './w3c';
export { ANNOTATION_FOLDER, storeFileOf, articleOfStoreFile } from './storeLayout';
export * from './operations';
export { effectiveEntities, withoutOverlaps, type EntitySuggestion, type LabeledSpan } from './entityLayer';
export * from './formats';
export { toAnnotationInput, affectsAnalysis } from './analysisInput';
export { digestAnnotations, type AnnotationDigest, type AnnotationEntry } from './digest';
