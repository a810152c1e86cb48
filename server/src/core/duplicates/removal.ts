/**
 * Which paragraphs the duplicate fixes remove: one repeat ("Remove"), the copy it repeats instead
 * ("Keep this copy instead"), or every repeat that fix-all may remove. The ranges to delete come
 * from `paragraphRemoval.ts`, which takes nothing but those paragraphs and their separators.
 */
import { paragraphRemovalRanges } from '../paragraphRemoval';
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
  // for repeats; the editor asks for fix-all only when the user does (lsp/codeActions.ts).
  if (removed.length === 0 && removedElsewhere.size === 0) return removed;
  const gone = new Set([...removedElsewhere, ...removed.map((p) => p.index)]);
  // Each pass reads the paragraphs left: their signatures are those the caller already has (`knownSignature`: the
  // ones `duplicates` was found with), else made once here, not again in every pass.
  const signatures = new Map<Paragraph, ParagraphSignature>();
  const signatureOf = (p: Paragraph): ParagraphSignature => {
    let signature = signatures.get(p);
    if (!signature) signatures.set(p, (signature = knownSignature?.(p) ?? new ParagraphSignature(p.text)));
    return signature;
  };
  for (;;) {
    const more = repeatsRemovedByFixAll(findDuplicateParagraphs(paragraphs.filter((p) => !gone.has(p.index)), words, signatureOf));
    if (more.length === 0) return removed.sort((a, b) => a.index - b.index);
    for (const p of more) {
      gone.add(p.index);
      removed.push(p);
    }
  }
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
