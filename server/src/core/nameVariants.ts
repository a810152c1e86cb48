import type { Actor } from './actors';
import { normalizeName, similarNameWord, type PersonNames } from './names';
import type { OffsetRange } from './types';

/** One way a name word is written in the article, and where. */
export interface WordSpelling {
  readonly text: string;
  readonly ranges: readonly OffsetRange[];
}

/**
 * One person whose surname (or first given name) is written two or more ways in one article
 * (`Steinmeier` / `Steimeier`). `spellings[0]` is the usual one: the most frequent, then the first.
 */
export interface NameVariant {
  readonly actorKey: string;
  readonly actorName: string;
  readonly part: 'surname' | 'given name';
  readonly spellings: readonly WordSpelling[];
}

/** What the `name-variant` diagnostic says of one less usual spelling, in the editor and the CLI alike. */
export function nameVariantMessage(variant: NameVariant, other: WordSpelling): string {
  return `${variant.actorName}: '${other.text}' is also spelled '${variant.spellings[0].text}' in this article.`;
}

/**
 * The spelling variants within one article, from the actors' name mentions. Case and a dropped
 * article (`Assad` / `al-Assad`) are not variants: both are ordinary in news text. Only spellings a
 * letter or two apart are variants of one another (`similarNameWord`): a given name alone (`Hillary`
 * beside `Clinton`), the first word of a compound surname (`Wasserman Schultz`, `Vander Plaats`) or a
 * nickname (`Rahm`) is another word, and a fix wrote it over the person's name. Linear in the number of
 * mentions (a person has few spellings).
 */
export function findNameVariants(actors: readonly Actor[], names: PersonNames): NameVariant[] {
  const variants: NameVariant[] = [];
  for (const actor of actors) {
    if (actor.type !== 'person' || actor.variants.length === 0) continue;
    const surnames = new Map<string, { text: string; ranges: OffsetRange[]; first: number }[]>();
    const given = new Map<string, { text: string; ranges: OffsetRange[]; first: number }[]>();
    for (const mention of actor.mentions) {
      if (mention.kind !== 'name') continue;
      const words = wordsOf(mention.text, mention.start);
      if (words.length === 0) continue;
      const last = words[words.length - 1];
      add(surnames, names.bareSurname(last.text), last);
      // The first given name, after an honorific the recogniser may have kept (`Dr. Bashar al-Ja’afari`).
      const first = words.find((w) => !names.vocabulary.isHonorific(w.text));
      if (first && first !== last && names.isFullName(mention.text)) add(given, normalizeName(first.text), first);
    }
    for (const [part, groups] of [['surname', surnames], ['given name', given]] as const) {
      if (groups.size < 2) continue;
      const spellings = [...groups.entries()]
        .map(([key, forms]) => {
          const all = forms.flatMap((f) => f.ranges).sort((a, b) => a.start - b.start);
          const usual = [...forms].sort((a, b) => b.ranges.length - a.ranges.length || a.first - b.first)[0];
          return { key, text: usual.text, ranges: all, first: all[0].start };
        })
        .sort((a, b) => b.ranges.length - a.ranges.length || a.first - b.first);
      // Spellings grouped around the most frequent one they are close to.
      const clusters: (typeof spellings)[] = [];
      for (const spelling of spellings) {
        const near = clusters.find((c) => similarNameWord(c[0].key, spelling.key));
        if (near) near.push(spelling);
        else clusters.push([spelling]);
      }
      for (const cluster of clusters) {
        if (cluster.length < 2) continue;
        variants.push({ actorKey: actor.key, actorName: actor.name, part, spellings: cluster.map(({ text, ranges }) => ({ text, ranges })) });
      }
    }
  }
  return variants;
}


/**
 * The replacements that write one spelling of a variant everywhere: every range of the other
 * spellings becomes `chosen`, as that range wrote its word: with or without its article (`al-`) and in
 * capitals when it was (`ASSAD MEETS`). `text` is the article's. Empty when `chosen` is not one of the
 * spellings.
 */
export function useSpellingEdits(variant: NameVariant, chosen: string, text: string): { range: OffsetRange; newText: string }[] {
  if (!variant.spellings.some((s) => s.text === chosen)) return [];
  return variant.spellings
    .filter((s) => s.text !== chosen)
    .flatMap((s) => s.ranges.map((range) => ({ range, newText: spelledAs(chosen, text.slice(range.start, range.end)) })))
    .filter((edit) => edit.newText !== text.slice(edit.range.start, edit.range.end));
}

/** `chosen` with the article and capitals of `written`. */
function spelledAs(chosen: string, written: string): string {
  const article = /^(?:al|el)-/i;
  const writtenArticle = article.exec(written)?.[0];
  let out = chosen.replace(article, '');
  if (writtenArticle) out = writtenArticle + out;
  return written === written.toUpperCase() && written !== written.toLowerCase() ? out.toUpperCase() : out;
}

function add(groups: Map<string, { text: string; ranges: OffsetRange[]; first: number }[]>, key: string, word: { text: string; start: number; end: number }): void {
  if (!key) return;
  let forms = groups.get(key);
  if (!forms) groups.set(key, (forms = []));
  let form = forms.find((f) => f.text === word.text);
  if (!form) forms.push((form = { text: word.text, ranges: [], first: word.start }));
  form.ranges.push({ start: word.start, end: word.end });
}

/**
 * The words of a mention with their offsets, without the marks and possessive around them (a mention a
 * person labelled may be `Steinmeier’s`: its `’s` is no part of the name, and a fix deleted it).
 */
function wordsOf(text: string, start: number): { text: string; start: number; end: number }[] {
  const words: { text: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(/[\p{L}\p{M}](?:[\p{L}\p{M}.'’-]*[\p{L}\p{M}.])?/gu)) {
    const word = match[0].replace(/['’]s$/u, '');
    if (word) words.push({ text: word, start: start + match.index!, end: start + match.index! + word.length });
  }
  return words;
}
