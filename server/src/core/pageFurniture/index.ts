/**
 * Page furniture: bylines, teasers for other articles, related-story lists, share and comment lines,
 * picture credits, advertisements — what a scraper keeps of the page around the story. One concern
 * per file:
 *
 *   names.ts   whether text is a person's name; the names of a credit line
 *   lines.ts   what one paragraph is, read on its own
 *   authorBio.ts  whether the last paragraph is a note on the writer, from the rest of the article
 *   find.ts    the regions, with what their place in the article makes of their neighbours
 *
 * The actor grouping can keep furniture names out of an article's actors with {@link furnitureAt},
 * and show the `authors` of bylines as the article's authors.
 */
export { FurnitureCache, findPageFurniture, furnitureAt, isPartOfParagraph, type FurnitureRegion } from './find';
export { furnitureRemovalRanges } from './removal';
export type { FurnitureKind } from './lines';
export { loadFurnitureLexicon, type FurnitureLexicon } from './names';
