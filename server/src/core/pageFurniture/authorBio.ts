/**
 * A note on the author at the end of an article (`Zach Carter is a co-host of …`, `Glenn Harlan
 * Reynolds, a University of Tennessee law professor, is a member of USA TODAY's Board of
 * Contributors.`). It has the shape of a story's closing sentence about a person, `X, …, is a former
 * president of …`, and removing it deletes the paragraph, so the note must describe the article's
 * writer, not someone the story is about:
 *
 * - the person is named nowhere in the story (a person the story is about is: `Podesta said …`);
 * - the note says the person writes (a columnist, a contributor, the author of a book, a podcast's
 *   co-host, `Follow him on Twitter`), or the name is a byline's; an occupation alone (`is president
 *   of …`, `is a historian`) says so only when the article speaks in its writer's own voice, the first
 *   person outside quotation marks, as a guest column does and a news report does not.
 */
import type { TextSlice } from '../types';
import { MAX_LINE, reportsSpeech } from './lines';
import { isPersonName, namesPerson, type FurnitureLexicon } from './names';

/** Cues that the person writes: the note of a writer, whatever the article. */
const WRITER_CUE =
  /\b(?:editor|columnist|contributor|contributing (?:writer|editor)|correspondent|reporter|writer|author of|co-?host|podcast|board of contributors|opinions are (?:his|her|their) own|follow (?:him|her|them) on twitter|tweets (?:at )?@)\b/iu;
/** Cues of an occupation: a note on a guest writer, or a story's sentence about anyone. */
const OCCUPATION_CUE = /\b(?:professor|lecturer|historian|fellow at|director of|president of|founder of)\b/iu;
/** The name that opens the note, before what the person is or does. */
const OPENING = /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})(?:,\s[^,]{3,120},)?\s+(?:is|was|writes|edits|chairs|teaches)\b/u;
/** The first person: `I`, `my`, `we`, `our`, `us` (lower case, so `US` is the country). */
const FIRST_PERSON = /(?<![\p{L}'’])(?:I|I['’](?:m|ve|d|ll)|me|my|myself|[Ww]e|[Oo]ur|ours|us|ourselves)(?![\p{L}'’])/u;
/** A quotation in a paragraph: paired marks, or an opening mark left open to the paragraph's end. */
const QUOTATION = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/gu;

/** What the note on the author opens with, and whether it says the person writes. */
interface NoteReading {
  readonly name: TextSlice;
  readonly writes: boolean;
}

/** The note's name and cue, read from the paragraph alone (`start` is its offset in the document). */
function readNote(text: string, start: number, lexicon: FurnitureLexicon): NoteReading | undefined {
  const line = text.trim();
  if (line.length > MAX_LINE || reportsSpeech(line)) return undefined;
  const writes = WRITER_CUE.test(line);
  if (!writes && !OCCUPATION_CUE.test(line)) return undefined;
  const opening = OPENING.exec(line);
  if (!opening || !isPersonName(opening[1], lexicon)) return undefined;
  const offset = start + text.indexOf(line);
  return { name: { start: offset, end: offset + opening[1].length, text: opening[1] }, writes };
}

/** Where a sentence after the first may start: after a full stop (a quotation's closing mark) and white space. */
const NEXT_SENTENCE = /[.!?]["”’)]?\s+(?=\p{Lu})/gu;

/**
 * The co-writers a note names after its first sentence, each opening a sentence of its own as the first does
 * (`Gina Glantz is founder of GenderAvenger.com. Julie Burton is president of the Women's Media Center.`).
 */
function coWriters(text: string, first: TextSlice, start: number, lexicon: FurnitureLexicon): TextSlice[] {
  const found: TextSlice[] = [];
  for (const boundary of text.matchAll(NEXT_SENTENCE)) {
    const at = boundary.index! + boundary[0].length;
    if (start + at <= first.start) continue;
    const opening = OPENING.exec(text.slice(at));
    if (opening && isPersonName(opening[1], lexicon) && !found.some((n) => n.text === opening[1]) && opening[1] !== first.text) {
      found.push({ start: start + at, end: start + at + opening[1].length, text: opening[1] });
    }
  }
  return found;
}

/** The rest of the article, asked for only when a paragraph reads as a note. */
export interface ArticleContext {
  /** The texts of the article's other paragraphs that are not furniture. */
  readonly story: () => readonly string[];
  /** The authors its bylines name. */
  readonly bylines: () => readonly string[];
}

/**
 * The names of the writers that paragraph `text` (the article's last paragraph of text, at offset `start`)
 * is the note on, the first first (a note on co-writers names each in a sentence of its own), or undefined
 * when it is no note on the writers.
 */
export function readAuthorBio(text: string, start: number, article: ArticleContext, lexicon: FurnitureLexicon): TextSlice[] | undefined {
  const note = readNote(text, start, lexicon);
  if (!note) return undefined;
  const name = note.name.text;
  const story = article.story();
  if (story.some((paragraph) => namesPerson(paragraph, name, lexicon))) return undefined;
  const isNote = note.writes || article.bylines().includes(name) || story.some((paragraph) => FIRST_PERSON.test(paragraph.replace(QUOTATION, ' ')));
  if (!isNote) return undefined;
  // A name the story has is someone it is about, not a co-writer (`… is a columnist. Hillary Clinton is …`).
  return [note.name, ...coWriters(text, note.name, start, lexicon).filter((other) => !story.some((paragraph) => namesPerson(paragraph, other.text, lexicon)))];
}
