/**
 * Whether a stretch of text is a person's name, and the names a credit line gives: what tells a
 * byline (`Manal Ismael`, `By Jane Doe and John Roe`) from a heading (`Economic Scene`). A name is
 * two to four capitalised words (initials and name particles allowed: `AWR Hawkins`,
 * `Bashar al-Ja'afari`, `Jacob J. Lew`) whose first word is a known first name or an initial, and
 * none of whose words but the last is one news text writes in lower case mid-sentence. The word
 * lists are the tagger's (`ner/firstnames.txt`, `ner/lowercase-words.txt`), loaded with the other
 * resources ({@link loadFurnitureLexicon}).
 */
import { readLowerCaseList, type DataSource } from '../dataSource';

/** The word lists that tell a person's name from a heading. */
export interface FurnitureLexicon {
  /** Known first names, lower case. */
  readonly firstNames: ReadonlySet<string>;
  /** Words news text writes in lower case mid-sentence, lower case. */
  readonly lowerCaseWords: ReadonlySet<string>;
}

/** Reads the furniture lexicon through `source` (part of `loadArticleResources`). */
export function loadFurnitureLexicon(source: DataSource): FurnitureLexicon {
  return Object.freeze({ firstNames: readLowerCaseList(source, 'ner/firstnames.txt'), lowerCaseWords: readLowerCaseList(source, 'ner/lowercase-words.txt') });
}

/** Lower-case words allowed inside a name. */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'ben', 'abu', 'de', 'del', 'della', 'der', 'di', 'da', 'dos', 'du', 'la', 'le', 'van', 'von', 'ter', 'y']);

/** A word of a name: capitalised, or an initial, or a particle (`al-` joined or apart). */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*\.?|\p{Lu}\.(?:\p{Lu}\.)*|(?:al|el|bin|ibn|abu)-\p{Lu}[\p{L}\p{M}'’-]*)$/u;

/** True when `text` (trimmed, a trailing full stop allowed) reads as one person's name. */
export function isPersonName(text: string, lexicon: FurnitureLexicon): boolean {
  const words = text.trim().replace(/\.$/, '').split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  const { firstNames, lowerCaseWords } = lexicon;
  let capitalised = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const lower = word.toLowerCase().replace(/\.$/, '');
    if (PARTICLES.has(lower) && i > 0 && i < words.length - 1) continue;
    if (!NAME_WORD.test(word)) return false;
    // Words news text writes in lower case make a heading (`Economic Scene`), except as a surname (`Pam Key`).
    if (i < words.length - 1 && lowerCaseWords.has(lower) && !firstNames.has(lower)) return false;
    capitalised++;
  }
  const first = words[0].replace(/\.$/, '').toLowerCase();
  // An initial, initials in capitals (`AWR`), or a known first name.
  const initial = /^\p{Lu}{1,3}\.?$/u.test(words[0].replace(/\.$/, '')) || /^(?:\p{Lu}\.)+$/u.test(words[0]);
  return capitalised >= 2 && (initial || firstNames.has(first));
}

/**
 * The names in a list such as `Jane Doe and John Roe` or `Phillip; Gearan` (surnames alone count
 * when `surnamesToo`, as in `Wolf reported from Washington`), with their offsets in `text` from `at`.
 */
export function namesIn(text: string, at: number, lexicon: FurnitureLexicon, surnamesToo = false): { start: number; end: number; text: string }[] {
  const names: { start: number; end: number; text: string }[] = [];
  const part = /[^,;&]+/g;
  for (const match of text.matchAll(part)) {
    for (const piece of splitOnAnd(match[0], match.index)) {
      const trimmed = piece.text.trim().replace(/\.$/, '');
      if (!trimmed) continue;
      const lead = piece.text.indexOf(trimmed);
      const ok = isPersonName(trimmed, lexicon) || (surnamesToo && /^\p{Lu}[\p{L}'’-]+$/u.test(trimmed));
      if (ok) names.push({ start: at + piece.index + lead, end: at + piece.index + lead + trimmed.length, text: trimmed });
    }
  }
  return names;
}

function splitOnAnd(text: string, index: number): { text: string; index: number }[] {
  const pieces: { text: string; index: number }[] = [];
  let from = 0;
  for (const match of text.matchAll(/\s+and\s+/g)) {
    pieces.push({ text: text.slice(from, match.index), index: index + from });
    from = match.index + match[0].length;
  }
  pieces.push({ text: text.slice(from), index: index + from });
  return pieces;
}

/**
 * True when `paragraph` names the person `name` (`Aaron Kall`, or a surname alone from a credit):
 * the whole name, or its last word alone or after a title (`Mr. Kall`, `When Kall …`), not as
 * another person's (`James and Olive Kall` names someone else): a capitalised word before it that
 * is not the given name, an abbreviation or a word news text writes in lower case is another given
 * name. Whole words only (`Wolf` is not in `Wolfe`).
 */
export function namesPerson(paragraph: string, name: string, lexicon: FurnitureLexicon): boolean {
  const words = name.split(/\s+/);
  const surname = words[words.length - 1];
  const whole = (text: string, at: number, length: number) => !/[\p{L}\p{M}'’-]/u.test(text[at - 1] ?? ' ') && !/[\p{L}\p{M}-]/u.test(text[at + length] ?? ' ');
  for (let at = paragraph.indexOf(name); at >= 0; at = paragraph.indexOf(name, at + 1)) if (whole(paragraph, at, name.length)) return true;
  for (let at = paragraph.indexOf(surname); at >= 0; at = paragraph.indexOf(surname, at + 1)) {
    if (!whole(paragraph, at, surname.length)) continue;
    const before = /(?<![\p{L}'’.-])(\p{Lu}[\p{L}'’.-]*)\s+$/u.exec(paragraph.slice(Math.max(0, at - 40), at))?.[1];
    if (before === undefined || (words.length > 1 && before === words[0]) || before.endsWith('.') || lexicon.lowerCaseWords.has(before.toLowerCase())) return true;
  }
  return false;
}
