/**
 * Page furniture regions of an article: each furniture line (`lines.ts`) with what its place makes of
 * its neighbours. A teaser's heading takes the headline and cut-off lead after it; a related-stories
 * heading takes the headlines after it; at the end of the article, below the last paragraph of the
 * story, a name alone is a byline, a short label (`English Bulletin`) is furniture, and the last
 * paragraph may be a note on the author. Near the top, a name alone under the headline is a byline.
 */
import { rangeContaining } from '../search';
import type { OffsetRange, Paragraph, TextSlice } from '../types';
import { readAuthorBio } from './authorBio';
import { closesSentence, readLine, type FurnitureKind, type LineReading } from './lines';
import { namesPerson, type FurnitureLexicon } from './names';
import { packedMap } from '../packedMap';

/**
 * A stretch of page furniture: one paragraph, or a heading with the lines it introduces, or the start of one
 * paragraph whose end is the story's (see {@link isPartOfParagraph}).
 */
export interface FurnitureRegion extends OffsetRange {
  readonly kind: FurnitureKind;
  /** The paragraphs the region covers, in document order (a teaser: its heading, headline and lead). */
  readonly paragraphs: readonly Paragraph[];
  /**
   * Names the furniture credits as the article's authors (a byline, `X contributed reporting`,
   * `Follow X on Twitter`, a note on the author), each with its offsets; empty for other furniture.
   * Names in a teaser or a list of related stories are not authors (nor actors of the article).
   */
  readonly authors: readonly TextSlice[];
}

/** True when the region is the start of its one paragraph only: removing it deletes exactly its range. */
export function isPartOfParagraph(region: FurnitureRegion): boolean {
  return region.end < region.paragraphs[region.paragraphs.length - 1].end;
}

/** Lines a teaser takes after its heading: a headline and the start of the other article's text. */
const TEASER_LINES = 2;
/** Headlines a related-stories list takes after its heading, at most. */
const RELATED_LINES = 12;
/** Paragraphs under the headline that a name alone is taken as the byline in. */
const HEAD_ZONE = 3;
/** A headline in a list: at most this many words. */
const HEADLINE_WORDS = 25;
/** Paragraphs after a platform's name that its first post is signed within: an introduction, the post, the handle. */
const POST_LINES = 4;
/** The heading of a byline (`Written by:`, `Authors:`): the names under it are the writers, not a list of the story. */
const LIST_OF_AUTHORS = /(?:\bby|^(?:authors?|contributors?|reporters?|writers?))\s*:$/iu;

/**
 * Page furniture of an article, in document order, from its paragraphs (`splitParagraphs`) and the
 * name lists (`resources.furniture`); `cache` keeps each paragraph's reading for the next version of
 * the same document. Regions cover whole paragraphs, or the start of one ({@link isPartOfParagraph}), and never
 * overlap.
 */
export function findPageFurniture(paragraphs: readonly Paragraph[], lexicon: FurnitureLexicon, cache?: FurnitureCache): FurnitureRegion[] {
  const count = paragraphs.length;
  // Packed in every tier (packedMap.ts): the loops below are compiled for one kind of array.
  const readings: (LineReading | undefined)[] = packedMap(paragraphs, (p) => (cache ? cache.read(p.text, p.start, lexicon) : readLine(p.text, p.start, lexicon)));
  cache?.keepOnlyUsed();
  const regionAt: (FurnitureRegion | undefined)[] = new Array(count);
  const claimed = new Uint8Array(count);
  const add = (first: number, last: number, kind: FurnitureKind, authors: readonly TextSlice[] = []) => {
    const covered = paragraphs.slice(first, last + 1);
    regionAt[first] = { kind, start: covered[0].start, end: covered[covered.length - 1].end, paragraphs: covered, authors };
    for (let i = first; i <= last; i++) claimed[i] = 1;
  };
  const isLineFurniture = (reading: LineReading | undefined) => reading !== undefined && reading.kind !== 'name' && reading.kind !== 'short' && reading.kind !== 'signature';

  for (let i = 0; i < count; i++) {
    if (claimed[i]) continue;
    const reading = readings[i];
    if (!reading) continue;
    if (reading.kind === 'teaser-heading') {
      let last = i;
      while (last + 1 < count && last - i < TEASER_LINES && !isLineFurniture(readings[last + 1]) && teaserLine(paragraphs[last + 1].text)) last++;
      add(i, last, 'teaser');
    } else if (reading.kind === 'related-heading') {
      let last = i;
      while (last + 1 < count && last - i < RELATED_LINES && !isLineFurniture(readings[last + 1]) && headlineLike(paragraphs[last + 1].text)) last++;
      add(i, last, 'related');
    } else if (reading.kind === 'signature') {
      // `- Bernie Sanders.` under a quotation signs the quotation: part of the story.
      if (i === 0 || !/^["“‘'].*["”’']\.?$/su.test(paragraphs[i - 1].text.trim())) add(i, i, 'byline', reading.authors);
    } else if (reading.kind === 'reporters') {
      // A credit names the reporters, who are not people of the story: `Lavrov reported from Moscow.`
      // in an article about Lavrov is a sentence of it.
      const named = (a: TextSlice) => paragraphs.some((q, j) => j !== i && readings[j] === undefined && namesPerson(q.text, a.text, lexicon));
      if (!reading.authors.some(named)) add(i, i, 'byline', reading.authors);
    } else if (reading.kind === 'platform') {
      // `TWITTER.` over readers' posts signed by their handles heads a section of the story; under a picture it credits it.
      if (!headsSignedPosts(paragraphs, i)) add(i, i, 'media');
    } else if ('storyFrom' in reading && reading.storyFrom !== undefined) {
      // Only the line's start is furniture: the heading after it is the story's.
      const p = paragraphs[i];
      regionAt[i] = { kind: reading.kind, start: p.start, end: p.start + reading.storyFrom, paragraphs: [p], authors: reading.authors };
      claimed[i] = 1;
    } else if ('authors' in reading) {
      add(i, i, reading.kind, reading.authors);
    }
  }

  // A note on the author describes the writer: someone the story does not name (its paragraphs that
  // are neither furniture nor a name alone, which may be the byline under the headline) — see authorBio.ts.
  const authorBioAt = (at: number) =>
    readAuthorBio(
      paragraphs[at].text,
      paragraphs[at].start,
      {
        story: () => paragraphs.filter((q, j) => j !== at && !claimed[j] && readings[j]?.kind !== 'name').map((q) => q.text),
        bylines: () => regionAt.flatMap((r) => (r?.kind === 'byline' ? r.authors.map((a) => a.text) : [])),
      },
      lexicon,
    );

  // The end of the article: what comes after the story's last paragraph. A name alone there is the
  // byline, unless names alone sign paragraphs all through the article (readers' letters, quotes):
  // then the last one signs the last letter.
  let namesInBody = 0;
  let storyAfter = false;
  for (let i = count - 1; i > HEAD_ZONE; i--) {
    if (readings[i]?.kind === 'name' && storyAfter) namesInBody++;
    if (!claimed[i] && readings[i] === undefined) storyAfter = true;
  }
  // The paragraph above the last run of names and short lines read (see aboveListItems).
  let aboveItems = count;
  for (let i = count - 1; i >= 0; i--) {
    if (claimed[i]) continue;
    const reading = readings[i];
    const p = paragraphs[i];
    if (reading?.kind === 'name' && namesInBody > 0) break;
    // `The Republicans who voted for it:` over names or short items: a list of the story, not bylines and
    // labels. Read once per run of items (40,000 names alone must not be walked back from each).
    if ((reading?.kind === 'name' || reading?.kind === 'short') && i <= aboveItems) {
      aboveItems = aboveListItems(readings, claimed, i);
      if (introducesStoryList(paragraphs, readings, claimed, aboveItems)) break;
    }
    if (reading?.kind === 'name') add(i, i, 'byline', [{ start: p.start + p.text.indexOf(p.text.trim()), end: p.start + p.text.indexOf(p.text.trim()) + p.text.trim().replace(/\.$/, '').length, text: p.text.trim().replace(/\.$/, '') }]);
    else if (reading?.kind === 'short' && i < count - 1) add(i, i, 'label');
    else {
      const bio = i > 0 ? authorBioAt(i) : undefined;
      if (bio) add(i, i, 'author-bio', bio);
      break;
    }
  }

  // Under the headline (and a sub-headline or furniture line): a name alone is the byline.
  for (let i = 1; i <= Math.min(HEAD_ZONE, count - 2); i++) {
    const p = paragraphs[i];
    if (i > 1 && !claimed[i - 1] && paragraphs[i - 1].text.split(/\s+/).length > 12) break;
    if (claimed[i] || readings[i]?.kind !== 'name') continue;
    const name = p.text.trim().replace(/\.$/, '');
    const start = p.start + p.text.indexOf(name);
    add(i, i, 'byline', [{ start, end: start + name.length, text: name }]);
  }

  // Pushed, not filtered: the same kind of array whichever tier runs this (see packedMap.ts).
  const regions: FurnitureRegion[] = [];
  for (const region of regionAt) if (region !== undefined) regions.push(region);
  return regions;
}

/**
 * What each paragraph text reads as on its own, kept from one version of a document to the next:
 * a keystroke then reads one paragraph again, not the thousands of a long article. Keeps only the
 * texts of the last version.
 */
export class FurnitureCache {
  private previous = new Map<string, LineReading | null>();
  private used = new Map<string, LineReading | null>();

  /** {@link readLine} of a paragraph, from the cache when its text was read before. */
  read(text: string, start: number, lexicon: FurnitureLexicon): LineReading | undefined {
    let reading = this.used.get(text) ?? this.previous.get(text);
    if (reading === undefined) reading = readLine(text, 0, lexicon) ?? null;
    this.used.set(text, reading);
    if (reading === null) return undefined;
    // Cached at offset 0: the authors move to where the paragraph is now.
    if (!('authors' in reading) || reading.authors.length === 0 || start === 0) return reading;
    return { ...reading, authors: reading.authors.map((a) => ({ start: a.start + start, end: a.end + start, text: a.text })) } as LineReading;
  }

  /** Forgets the texts the last call did not read. */
  keepOnlyUsed(): void {
    this.previous = this.used;
    this.used = new Map();
  }
}

/** The furniture region holding `offset`, if any (regions sorted, as {@link findPageFurniture} returns them). */
export function furnitureAt(regions: readonly FurnitureRegion[], offset: number): FurnitureRegion | undefined {
  return rangeContaining(regions, offset);
}

/** The paragraph above the run of names and short lines alone (not yet furniture) that paragraph `at` ends: -1 when none is. */
function aboveListItems(readings: readonly (LineReading | undefined)[], claimed: Uint8Array, at: number): number {
  let above = at - 1;
  while (above >= 0 && !claimed[above] && (readings[above]?.kind === 'name' || readings[above]?.kind === 'short')) above--;
  return above;
}

/**
 * True when paragraph `at` is the story's and introduces a list, ending with a colon, so that the
 * names and short lines under it are its items: `The Republicans who voted for it:`, `Susan Collins`,
 * `Mark Kirk`. A byline's own heading (`Written by:`) introduces no list.
 */
function introducesStoryList(paragraphs: readonly Paragraph[], readings: readonly (LineReading | undefined)[], claimed: Uint8Array, at: number): boolean {
  if (at < 0 || claimed[at] || readings[at] !== undefined) return false;
  const intro = paragraphs[at].text.trim();
  return intro.endsWith(':') && !LIST_OF_AUTHORS.test(intro);
}

/**
 * True when a handle alone (`@jdoe_41.`) signs one of the {@link POST_LINES} paragraphs after
 * paragraph `at`: the platform named there heads the posts quoted from it (`TWITTER.`, `We asked our
 * followers …`, a post, `@jdoe_41.`), which the story is made of. A picture's credit has the story
 * going on after it.
 */
function headsSignedPosts(paragraphs: readonly Paragraph[], at: number): boolean {
  for (let i = at + 1; i < paragraphs.length && i <= at + POST_LINES; i++) if (HANDLE_ALONE.test(paragraphs[i].text.trim())) return true;
  return false;
}

/** A handle alone, signing a post: `@jdoe_41.`, `@rally.goer`. */
const HANDLE_ALONE = /^@\w[\w.]{0,29}$/u;

/** A headline or the cut-off start of another article's text. */
function teaserLine(text: string): boolean {
  const line = text.trim();
  return line.length <= 400 && (headlineLike(line) || /(?:…|\.\.\.)\s*$/.test(line));
}

/**
 * A headline: a few words, in Title Case or without a full stop at the end (`Rand Paul Scores Direct
 * Hit On Donald Trump.`, `Assistant of the Head of Dagestan offers condolences to Syria`).
 */
function headlineLike(text: string): boolean {
  const line = text.trim();
  const words = line.split(/\s+/);
  if (words.length === 0 || words.length > HEADLINE_WORDS) return false;
  if (!closesSentence(line)) return /^["“‘']?\p{Lu}/u.test(line);
  const long = words.filter((w) => /^["“‘']?\p{L}{4,}/u.test(w));
  const capitalised = long.filter((w) => /^["“‘']?\p{Lu}/u.test(w));
  return long.length > 0 && capitalised.length / long.length >= 0.7;
}
