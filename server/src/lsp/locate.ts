import type { Location } from 'vscode-languageserver';
import type { ArticleTarget } from '../core/views/rows';
import type { ArticleTexts } from './articleTexts';

/**
 * Where a place the views listed is, as a location to open: offsets into the open document's
 * text, else into the file's. Null when the article can no longer be read, or the target is not one.
 */
export async function locate(target: ArticleTarget, texts: ArticleTexts): Promise<Location | null> {
  // Offsets that are not whole numbers would come back as a range with null characters, which no client reads.
  if (typeof target?.uri !== 'string' || !Number.isSafeInteger(target.start) || !Number.isSafeInteger(target.end)) return null;
  const positions = await texts.positions(target.uri);
  // Reversed offsets are put in order (a range whose end is before its start is no range).
  const [start, end] = target.start <= target.end ? [target.start, target.end] : [target.end, target.start];
  return positions ? { uri: target.uri, range: positions.rangeOf({ start, end }) } : null;
}
