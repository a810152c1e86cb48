import type { MentionTarget } from '../core/views/rows';
import type { MentionItem } from '../protocol';
import type { ArticleTexts } from './articleTexts';

/** How much of a mention's line the Actors view shows around it. */
const PREVIEW_BEFORE = 30;
const PREVIEW_LENGTH = 110;

/** The mentions of an actor in one article as the Actors view lists them: a range and the words around it. */
export async function mentionItems(mentions: readonly MentionTarget[], texts: ArticleTexts): Promise<MentionItem[]> {
  if (mentions.length === 0) return [];
  const positions = await texts.positions(mentions[0].uri);
  if (!positions) return [];
  return mentions.map((mention) => {
    const range = positions.rangeOf(mention);
    return { uri: mention.uri, range, kind: mention.kind, preview: previewOf(positions.lineText(range.start.line), range.start.character) };
  });
}

/** The line around `column`, shortened to a readable length with ellipses where it was cut. */
function previewOf(line: string, column: number): string {
  const leading = line.length - line.trimStart().length;
  const from = Math.max(leading, column - PREVIEW_BEFORE);
  const text = line.slice(from, from + PREVIEW_LENGTH).trim();
  return `${from > leading ? '…' : ''}${text}${from + PREVIEW_LENGTH < line.trimEnd().length ? '…' : ''}`;
}
