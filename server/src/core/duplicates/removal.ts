/**
 * Which paragraphs the duplicate fixes remove: one repeat ("Remove"), the copy it repeats instead
 * ("Keep this copy instead"), or every repeat that fix-all may remove. The ranges to delete come
 * from `paragraphRemoval.ts`, which takes nothing but those paragraphs and their separators.
 */
import { lineBreaks, paragraphRemovalRanges } from '../paragraphRemoval';
import { blockParagraph, hasBlankLines } from '../paragraphs';
import type { OffsetRange, Paragraph } from '../types';
import { findDuplicateParagraphs, type DuplicateParagraph } from './find';
import type { KnownWords } from './knownWords';
import { ParagraphSignature } from './signature';

/** What to remove. */
export type DuplicateFix =
  /** The repeat starting at `start` (with the other part of a split copy). */
  | { readonly kind: 'remove'; readonly start: number }
  /** The paragraph the repeat starting at `start` repeats, so that this copy stays instead. */
  | { readonly kind: 'keep'; readonly start: number }
  /** Every repeat fix-all may remove (not the near repeats that may say something else: `removedByFixAll`). */
  | { readonly kind: 'all' };

/** The repeats fix-all removes: all but the near repeats that may say something else (figures or words differ, a line in the copy only). */
export function repeatsRemovedByFixAll(duplicates: readonly DuplicateParagraph[]): Paragraph[] {
  return duplicates.filter((d) => d.near?.removedByFixAll !== false).map((d) => d.duplicate);
}

/**
 * The repeats fix-all removes when it also removes the paragraphs `removedElsewhere` (page furniture):
 * those of {@link repeatsRemovedByFixAll}, except the first repeat of a paragraph removed elsewhere (a
 * teaser's headline, then the story's own), with the other part of a split copy — removing both would
 * leave no copy at all. Its further repeats go, as repeats of it.
 */
export function repeatsRemovedBesides(duplicates: readonly DuplicateParagraph[], removedElsewhere: ReadonlySet<number>): Paragraph[] {
  const firstOf = new Set<number>();
  const stays = new Set<number>();
  for (const d of duplicates) {
    if (!removedElsewhere.has(d.original.index) || firstOf.has(d.original.index)) continue;
    firstOf.add(d.original.index);
    stays.add(d.duplicate.index);
    const other = d.near?.split?.otherPart;
    if (other) stays.add(other.index);
  }
  return repeatsRemovedByFixAll(duplicates).filter((p) => !stays.has(p.index));
}

/**
 * Every repeat fix-all removes along with the paragraphs `removedElsewhere` (page furniture): those of
 * {@link repeatsRemovedBesides}, and those that only show once these are gone. Each repeat names one kept
 * copy, so a copy kept because the paragraph it repeats goes as furniture (a `Related:` list's copy of a
 * paragraph) may itself repeat another paragraph that stays (a damaged copy earlier on), a relation found
 * only without the first: fix-all removed the list, and the next fix-all that copy (fuzz seed 17). So may
 * the whole copy a copy cut short is kept for (seed 51), and a repeat fix-all leaves for the user, read anew
 * without the others (seeds 54, 63, 64), and more (below). Repeats are found again among the paragraphs
 * left until none is new, so fix-all leaves nothing for a second fix-all.
 */
export function repeatsRemovedWith(
  text: string,
  paragraphs: readonly Paragraph[],
  duplicates: readonly DuplicateParagraph[],
  removedElsewhere: ReadonlySet<number>,
  words: KnownWords,
  knownSignature?: (paragraph: Paragraph) => ParagraphSignature | undefined,
): Paragraph[] {
  const removed = repeatsRemovedBesides(duplicates, removedElsewhere);
  // Removing paragraphs changes what the rest read as: a repeat of a removed paragraph stays; a copy cut short keeps a
  // later, whole copy, which is then never read as a repeat of an earlier copy of its own (`“… whatever she want …” ¶
  // “… whatver she wants …” ¶ “… whatever she wants …”`); a repeat fix-all leaves for the user (a line or a figure of
  // its own) may be read otherwise, or let another be read, once the others are gone (a headline's two copies read as
  // one copy split by a third between them, fuzz seed 54; a copy cut short that only matches the copy left, seeds 63
  // and 64); and lines once next to repeats read otherwise without them (a damaged short line left after the line it
  // followed went, then read as the second part of a copy split by the line it repeats, seed 84). Rather than name
  // each case, fix-all is read to its fixed point whenever it removes anything. This look costs about a second search
  // for repeats; the editor asks for fix-all only when the user does (lsp/codeActions.ts). Each pass reads the text
  // fix-all leaves, not only its paragraphs: a block read line by line that loses some lines is read again, and the
  // lines left may run on as one paragraph, itself a repeat (seed 91: the first and last lines of a block went as
  // exact repeats, and the two left between them were a damaged copy of a paragraph, wrapped: `paragraphsLeft`).
  if (removed.length === 0 && removedElsewhere.size === 0) return removed;
  const gone = new Set([...removedElsewhere, ...removed.map((p) => p.index)]);
  const blockOf = blocksOf(text, paragraphs);
  // Each pass reads the paragraphs left: their signatures are those the caller already has (`knownSignature`: the
  // ones `duplicates` was found with), else made once here, not again in every pass.
  const signatures = new Map<Paragraph, ParagraphSignature>();
  const signatureOf = (p: Paragraph): ParagraphSignature => {
    let signature = signatures.get(p);
    if (!signature) signatures.set(p, (signature = knownSignature?.(p) ?? new ParagraphSignature(p.text)));
    return signature;
  };
  for (;;) {
    const { left, partsOf } = paragraphsLeft(text, paragraphs, blockOf, gone);
    // A repeat read from lines that run on once others went is removed as those lines.
    const more = repeatsRemovedByFixAll(findDuplicateParagraphs(left, words, signatureOf)).flatMap((p) => partsOf.get(p) ?? [p]);
    if (more.length === 0) return removed.sort((a, b) => a.index - b.index);
    for (const p of more) {
      gone.add(p.index);
      removed.push(p);
    }
  }
}

/**
 * The block of each paragraph (`paragraphs.ts` reads a text by blocks, runs of non-blank lines): the index of the block's
 * first paragraph. A block read line by line holds several paragraphs, one line break apart; any other paragraph is a
 * block of its own.
 */
function blocksOf(text: string, paragraphs: readonly Paragraph[]): Int32Array {
  const first = new Int32Array(paragraphs.length);
  for (let i = 1; i < paragraphs.length; i++) first[i] = lineBreaks(text, paragraphs[i - 1].end, paragraphs[i].start) === 1 ? first[i - 1] : i;
  return first;
}

/**
 * The paragraphs the text reads as once the paragraphs `gone` are removed as fix-all removes them
 * (`paragraphRemovalRanges`): those left, except that a block read line by line that lost some of its lines is read
 * again (`blockParagraph`), as the next analysis reads it, and its lines left may run on as one paragraph. Such a
 * paragraph is made here, its `text` that of the lines left (the lines removed between them out of it: not always a
 * slice of `text`), and `partsOf` gives the lines it is made of, which fix-all removes if it is a repeat.
 */
function paragraphsLeft(text: string, paragraphs: readonly Paragraph[], blockOf: Int32Array, gone: ReadonlySet<number>): { left: Paragraph[]; partsOf: Map<Paragraph, Paragraph[]> } {
  const partsOf = new Map<Paragraph, Paragraph[]>();
  const left = paragraphs.filter((p) => !gone.has(p.index));
  // The blocks read line by line that lost a line and keep two or more.
  const reread: Paragraph[][] = [];
  for (const block of new Set([...gone].map((i) => blockOf[i]))) {
    const lines: Paragraph[] = [];
    for (let i = block; i < paragraphs.length && blockOf[i] === block; i++) if (!gone.has(i)) lines.push(paragraphs[i]);
    if (lines.length >= 2) reread.push(lines);
  }
  if (reread.length === 0) return { left, partsOf };
  const removals = paragraphRemovalRanges(text, paragraphs, [...gone].map((i) => paragraphs[i]));
  // A text left without a blank line is read line by line throughout: its blocks are no longer read one by one.
  if (!hasBlankLines(without(text, 0, text.length, removals))) return { left, partsOf };
  const merged = new Map<Paragraph, Paragraph>();
  for (const lines of reread) {
    const first = lines[0];
    const last = lines[lines.length - 1];
    let from = first.start;
    while (from > 0 && text[from - 1] !== '\n' && text[from - 1] !== '\r') from--;
    let to = last.end;
    while (to < text.length && text[to] !== '\n' && text[to] !== '\r') to++;
    const block = without(text, from, to, removals);
    // Its lines left, one line break apart: what the removals leave of a block (else it is read as it was).
    if (lineBreaks(block, 0, block.length) !== lines.length - 1) continue;
    const span = blockParagraph(block);
    if (!span) continue;
    const paragraph: Paragraph = { index: first.index, start: first.start, end: last.end, text: block.slice(span.start, span.end) };
    partsOf.set(paragraph, lines);
    merged.set(first, paragraph);
  }
  if (merged.size === 0) return { left, partsOf };
  const parts = new Set([...partsOf.values()].flat());
  return { left: left.flatMap((p) => merged.get(p) ?? (parts.has(p) ? [] : [p])), partsOf };
}

/** `text[from, to)` without the (sorted, disjoint) `ranges`. */
function without(text: string, from: number, to: number, ranges: readonly OffsetRange[]): string {
  let result = '';
  let at = from;
  for (const r of ranges) {
    if (r.end <= at) continue;
    if (r.start >= to) break;
    if (r.start > at) result += text.slice(at, r.start);
    at = Math.max(at, r.end);
  }
  return at < to ? result + text.slice(at, to) : result;
}

/** The deletions of a duplicate fix; empty when `start` names no repeat. */
export function duplicateFixRanges(text: string, paragraphs: readonly Paragraph[], duplicates: readonly DuplicateParagraph[], fix: DuplicateFix): OffsetRange[] {
  let chosen: Paragraph[];
  if (fix.kind === 'all') {
    chosen = repeatsRemovedByFixAll(duplicates);
  } else {
    const repeat = duplicates.find((d) => d.duplicate.start === fix.start);
    if (!repeat) return [];
    if (fix.kind === 'remove') {
      const other = repeat.near?.split?.otherPart;
      chosen = other ? [repeat.duplicate, other] : [repeat.duplicate];
    } else {
      chosen = [repeat.original];
    }
  }
  return chosen.length === 0 ? [] : paragraphRemovalRanges(text, paragraphs, chosen);
}
