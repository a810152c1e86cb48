import type { Location } from 'vscode-languageserver';
import type { ArticleRanges } from '../core/actorNavigation';
import type { ArticleTexts } from './articleTexts';

/**
 * Find all references: every mention of the actor in every article, as locations. Articles that
 * are not open are read once each for their line tables; one that cannot be read is skipped.
 */
export async function referenceLocations(articles: readonly ArticleRanges[], texts: ArticleTexts): Promise<Location[]> {
  const locations: Location[] = [];
  for (const article of articles) {
    if (article.ranges.length === 0) continue;
    const positions = await texts.positions(article.uri);
    if (!positions) continue;
    for (const range of article.ranges) locations.push({ uri: article.uri, range: positions.rangeOf(range) });
  }
  return locations;
}
