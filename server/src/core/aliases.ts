import { countryCode } from './countryNames';
import type { NameLexicon } from './nameLexicon';
import { normalizeName } from './names';
import { firstOverlapping, firstStartingFrom } from './search';
import type { EntityMention, Sentence, Token } from './types';

/**
 * Aliases of organisations and places: an acronym and its long form (`OSCE` / `Organization for
 * Security and Co-operation in Europe`, `U.N.` / `UN` / `United Nations`, `UN Security Council` /
 * `United Nations Security Council`), and names kept whole (`Russian Foreign Ministry`, not `Foreign
 * Ministry`). Used within an article by the actor grouping (`actors.ts`) and across the workspace by
 * the name blocks and clusters (`workspaceIndex.ts`, `actorClusters.ts`). A one-word name that is no
 * acronym (`the Kremlin`) has no alias.
 */

/** Words an acronym skips (`Organization for Security and Co-operation in Europe` → OSCE). */
const FUNCTION_WORDS = new Set(['of', 'for', 'and', 'in', 'the', 'on', 'at', 'to', 'de', 'du', 'des', 'la', 'le', '&']);

/** The letters of an acronym (`U.N.` → `UN`, `OSCE`), or undefined when the name is not one. */
export function acronymOf(name: string): string | undefined {
  // Cheap test first (this runs on every word of every organisation's name): two capitals to begin.
  const second = name.length > 1 ? name.charCodeAt(1) : NaN;
  if (!(second === 46 || (second >= 65 && second <= 90)) || name.length > 24) {
    if (!/^\s/.test(name) && !(second > 127)) return undefined;
  }
  const trimmed = name.trim();
  if (!/^\p{Lu}(?:\.?\p{Lu})+\.?$/u.test(trimmed)) return undefined;
  return trimmed.replace(/\./g, '');
}

/** The significant words of a name: capitalised words and acronyms, function words dropped. */
function significantWords(name: string): string[] {
  const words: string[] = [];
  for (const raw of name.split(' ')) {
    const word = EDGE_PUNCTUATION.test(raw) ? raw.replace(EDGE_PUNCTUATION_ALL, '') : raw;
    if (word.length > 0 && !FUNCTION_WORDS.has(word) && !FUNCTION_WORDS.has(word.toLowerCase())) words.push(word);
  }
  return words;
}

const EDGE_PUNCTUATION = /^[("“‘']|[)"”’',;:]$|\s/;
const EDGE_PUNCTUATION_ALL = /^[("“‘'\s]+|[)"”’',;:\s]+$/g;

/** One letter per significant word, an acronym's letters for an acronym (`UN Security Council` → `UNSC`). */
export function initialsOf(name: string): string {
  let initials = '';
  for (const word of significantWords(name)) initials += acronymOf(word) ?? word.charAt(0).toUpperCase();
  return initials;
}

/** A name of two or more significant words, each capitalised (`United Nations`, `Foreign Ministry`). */
export function isLongForm(name: string): boolean {
  const words = significantWords(name);
  return words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w));
}

/**
 * The key under which the workspace looks for an organisation or place's other spellings: a country's
 * code for a country's name (`#country:US` for `U.S.`, `USA`, `America`: `countryNames.ts`), the
 * initials for an acronym or a long form (`#UN` for `UN`, `U.N.` and `United Nations`), else the
 * normalised name (`kremlin`).
 */
export function aliasKey(name: string): string {
  // A country's names share no initials (`United States`, `America`): its code is the key.
  const country = countryCode(name);
  if (country !== undefined) return `#country:${country}`;
  const acronym = acronymOf(name);
  if (acronym !== undefined || isLongForm(name)) {
    const initials = initialsOf(name);
    if (initials.length >= 2) return `#${initials}`;
  }
  // A one-word name keys on its letters in capitals, as an acronym would: a dateline's `MOSCOW` reads
  // as an acronym, and must meet the `Moscow` of other articles (one actor, one id in the views).
  const normalized = normalizeName(name);
  return normalized.length >= 2 && !normalized.includes(' ') ? `#${normalized.toUpperCase()}` : normalized;
}

/**
 * True when two spellings name one organisation or place: the same words, an acronym and the long
 * form it abbreviates, or long forms that are the same once acronyms in either are read as the
 * words of the other (`UN Security Council` / `United Nations Security Council`). Long forms that
 * only share initials (`National Rifle Association` / `National Recovery Administration`) are not.
 * A country's names are one country whatever their letters (`United States`, `USA`, `America`:
 * `countryNames.ts`), and no other name's (`U.S.` is no `Union Station`) but one of the same letters.
 */
export function sameOrganisation(a: string, b: string): boolean {
  return sameProfiles(profileOf(a), profileOf(b));
}

/**
 * {@link sameOrganisation} for many comparisons among the same spellings: each spelling's words are
 * read once. An article that lists thousands of organisations of one set of initials (`A… Bank`) compares
 * them in pairs, and reading the words again for every pair took most of that time.
 */
export function organisationMatcher(): (a: string, b: string) => boolean {
  const profiles = new Map<string, SpellingProfile>();
  const profile = (name: string) => {
    let found = profiles.get(name);
    if (!found) profiles.set(name, (found = profileOf(name)));
    return found;
  };
  return (a, b) => sameProfiles(profile(a), profile(b));
}

/** One word of a spelling as the comparison reads it. */
interface WordProfile {
  readonly normalized: string;
  /** Its letters when it is an acronym of two or more. */
  readonly acronym: string | undefined;
  readonly initial: string;
}

/** What {@link sameOrganisation} reads of a spelling. */
interface SpellingProfile {
  readonly normalized: string;
  readonly acronym: string | undefined;
  readonly initials: string;
  readonly words: readonly WordProfile[];
  /** The country it names (`countryCode`), if any. */
  readonly country: string | undefined;
}

function profileOf(name: string): SpellingProfile {
  const words = significantWords(name).map((word): WordProfile => {
    const letters = acronymOf(word);
    return { normalized: normalizeName(word), acronym: letters && letters.length > 1 ? letters : undefined, initial: word.charAt(0).toUpperCase() };
  });
  return { normalized: normalizeName(name), acronym: acronymOf(name), initials: initialsOf(name), words, country: countryCode(name) };
}

function sameProfiles(a: SpellingProfile, b: SpellingProfile): boolean {
  if (a.normalized === b.normalized) return true;
  // A country is no other name (`U.S.` is no `Union Station`, `UK` no `University of Kentucky`), unless written with the
  // same letters (`U.S` without its last stop).
  if (a.country !== undefined || b.country !== undefined) return a.country === b.country || (a.acronym !== undefined && a.acronym === b.acronym);
  if (a.acronym !== undefined && a.acronym === b.acronym) return true;
  if (a.words.length === 0 || b.words.length === 0 || a.initials !== b.initials) return false;
  return alignsWith(a.words, b.words) || alignsWith(b.words, a.words);
}

/** Every word of `a` equals the next word of `b`, or is an acronym of the next words of `b`. */
function alignsWith(a: readonly WordProfile[], b: readonly WordProfile[]): boolean {
  let j = 0;
  let expanded = false;
  for (const word of a) {
    const letters = word.acronym;
    if (letters && !(j < b.length && b[j].normalized === word.normalized)) {
      for (const letter of letters) {
        if (j >= b.length || b[j].initial !== letter) return false;
        j++;
      }
      expanded = true;
      continue;
    }
    if (j >= b.length || b[j].normalized !== word.normalized) return false;
    j++;
  }
  return j === b.length && (expanded || a.length === b.length);
}

/**
 * `entity` begun earlier. A machine entity (no person's label on it) is written out as the recogniser and entity
 * repair write theirs, so that the actor pass meets one hidden class of entity; an object spread made another.
 */
function startingAt(entity: EntityMention, start: number, text: string): EntityMention {
  if (entity.confirmed === undefined && entity.label === undefined) return { start, end: entity.end, type: entity.type, text };
  return { ...entity, start, text };
}

/**
 * The organisation mentions of an article as actors name them, kept whole: a nationality written
 * right before the name is part of it (`the Russian Foreign Ministry`), and so is a place before a
 * name ending in a head noun, with at most one lower-case word between (`Syria international Support
 * Group`); that place is then no mention of its own. The coloured entities stay as the recogniser
 * cut them (CoNLL reads `Russian | Foreign Ministry`); only the actors use these.
 */
export function wholeOrganisationNames(text: string, sentences: readonly Sentence[], entities: readonly EntityMention[], lexicon: NameLexicon): EntityMention[] {
  if (!entities.some((e) => e.type === 'organization')) return entities as EntityMention[];
  const swallowed = new Set<EntityMention>();
  const out: EntityMention[] = [];
  let s = 0;
  for (let k = 0; k < entities.length; k++) {
    const entity = entities[k];
    if (entity.type !== 'organization') {
      out.push(entity);
      continue;
    }
    while (s < sentences.length && sentences[s].end <= entity.start) s++;
    const tokens = sentences[s]?.tokens ?? [];
    let first = firstStartingFrom(tokens, entity.start);
    if (tokens[first]?.start !== entity.start) first = -1;
    let start = entity.start;
    if (first > 0) {
      const before = tokens[first - 1];
      const gap = (a: Token, b: Token) => b.start - a.end === 1 && text.charCodeAt(a.end) === 32;
      const inEntity = firstOverlapping(entities, before);
      if (!inEntity && /^\p{Lu}\p{Ll}/u.test(before.text) && lexicon.isGroupNoun(before.text) && !/s$/.test(before.text) && gap(before, tokens[first])) {
        start = before.start;
      } else {
        const between = inEntity ? undefined : before;
        const place = between && /^\p{Ll}+$/u.test(between.text) && first > 1 ? firstOverlapping(entities, tokens[first - 2]) : inEntity;
        // The head noun is asked for only after a place (most organisations have none before them).
        const headIsOrganisation = (): boolean => lexicon.headOf(entity.text.slice(entity.text.lastIndexOf(' ') + 1))?.kind === 'organization';
        if (place?.type === 'location' && headIsOrganisation() && place.end === (between ? tokens[first - 2].end : before.end) && (!between || (gap(tokens[first - 2], between) && gap(between, tokens[first])))) {
          start = place.start;
          swallowed.add(place);
        }
      }
    }
    out.push(start === entity.start ? entity : startingAt(entity, start, text.slice(start, entity.end)));
  }
  return swallowed.size === 0 ? out : out.filter((e) => !swallowed.has(e));
}
