/**
 * Repeated paragraphs: exact, normalised and near repeats (damaged or updated copies), and the
 * deletions that remove them. One concern per file:
 *
 *   repair.ts      undoes encoding damage (HTML entities, mojibake) before comparing
 *   signature.ts   per paragraph text: the exact key, word tokens and winnowed fingerprints
 *   candidates.ts  fingerprint index: which earlier paragraphs are worth comparing
 *   compare.ts     token alignment and what differs (letters, words, figures, dateline, cut, inserted line)
 *   knownWords.ts  real words, which damage seldom makes: a word turned into one is an edit
 *   dateline.ts    where a paragraph's dateline ends
 *   find.ts        the search: exact repeats, then near repeats, each with the copy kept
 *   symbols.ts     symbols (emoji, arrows) an exact repeat has that its kept copy lacks
 *   describe.ts    what a repeat's diagnostic says
 *   removal.ts     which paragraphs each fix removes
 */
export { findDuplicateParagraphs, type DuplicateParagraph, type NearRepeat } from './find';
export type { Difference, DifferenceKind } from './compare';
export { loadKnownWords, type KnownWords } from './knownWords';
export { ParagraphSignature, paragraphKey } from './signature';
export { symbolSet } from './symbols';
export { describeDifference, describeRepeat } from './describe';
export { repairText } from './repair';
export { duplicateFixRanges, repeatsRemovedBesides, repeatsRemovedByFixAll, repeatsRemovedWith, type DuplicateFix } from './removal';
