/**
 * What a repeat's diagnostic says, for the editor and the command line alike: an exact repeat names
 * the line of the copy kept; a near repeat also says what differs (`Near repeat of line 3 — differs:
 * "60,000" → "70,000"`), the first few differences in text order.
 */
import type { Difference } from './compare';
import type { DuplicateParagraph } from './find';

/** Differences named in a message; the rest are counted. */
const NAMED_DIFFERENCES = 2;
/** Longest quoted stretch of text in a message. */
const MAX_QUOTED = 40;

/** The message of a repeated paragraph whose kept copy starts on `keptLine` (1-based). */
export function describeRepeat(repeat: DuplicateParagraph, keptLine: number): string {
  const near = repeat.near;
  if (!near) return `Duplicate paragraph: repeats the paragraph at line ${keptLine}.`;
  // The line that split a copy is said once; a difference with nothing to show is not shown.
  const splitLine = near.split?.line.text.trim();
  const shown = near.differences.filter((d) => !(d.kind === 'inserted-line' && splitLine !== undefined && d.copy === splitLine) && (d.original || d.copy));
  const named = shown.slice(0, NAMED_DIFFERENCES).map(describeDifference);
  const more = shown.length - named.length;
  const parts = [...named, ...(more > 0 ? [`${more} more`] : [])];
  const split = near.split ? `, split in two by the line ${quote(near.split.line.text)}` : '';
  const fixAll = near.removedByFixAll ? '' : ` (${keptBecause(near.differences)}: "remove all" leaves this one to you)`;
  return `Near repeat of line ${keptLine}${split}${parts.length > 0 ? ` — ${parts.join('; ')}` : ''}.${fixAll}`;
}

/** Why "remove all" leaves a near repeat: what it may say that the kept copy does not. */
function keptBecause(differences: readonly Difference[]): string {
  if (differences.some((d) => d.kind === 'figures')) return 'figures differ';
  if (differences.some((d) => d.kind === 'words')) return 'words differ';
  if (differences.some((d) => d.kind === 'symbols')) return 'it has a symbol the other lacks';
  return 'a line is in this copy only';
}

/** One difference, read from the kept copy to this one. */
export function describeDifference(d: Difference): string {
  switch (d.kind) {
    case 'cut-short':
      return `cut short after ${quote(d.copy, true)}`;
    case 'dateline':
      if (!d.copy) return `dateline ${quote(d.original)} missing`;
      if (!d.original) return `dateline ${quote(d.copy)} added`;
      return `differs: ${quote(d.original)} → ${quote(d.copy)}`;
    case 'inserted-line':
      return d.copy ? `line ${quote(d.copy)} inserted` : `line ${quote(d.original)} missing`;
    case 'symbols':
      return d.original ? `symbols differ: ${quote(d.original)} → ${quote(d.copy)}` : `symbols ${quote(d.copy)} added`;
    case 'encoding':
      return `encoding differs: ${quote(d.original)} → ${quote(d.copy)}`;
    default:
      return `differs: ${quote(d.original)} → ${quote(d.copy)}`;
  }
}

/** Text in quotation marks, shortened to its start (or, for the end of a cut copy, its end). */
function quote(text: string, fromEnd = false): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= MAX_QUOTED) return `"${oneLine}"`;
  return fromEnd ? `"…${oneLine.slice(-MAX_QUOTED).trimStart()}"` : `"${oneLine.slice(0, MAX_QUOTED).trimEnd()}…"`;
}
