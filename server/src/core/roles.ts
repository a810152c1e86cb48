import type { NameLexicon } from './nameLexicon';
import { lowerBound } from './search';
import type { EntityMention, OffsetRange, Sentence, Token } from './types';
import type { Vocabulary } from './vocabulary';

const ROLE_CONNECTORS = new Set(['of', 'for', 'and', 'on', 'to', 'in', '’s', "'s", '-', 'the']);
const LEADING_NOISE = new Set(['the', 'his', 'her', 'their', 'its', 'of', 'for', 'and', 'on', 'to', 'in', '-', 'a', 'an']);
/** Possessive pronouns before a title: the title is relative to someone (`his German counterpart`). */
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'His', 'Her', 'Their']);
const POSSESSIVE_MARKS = new Set(["'s", '’s']);
/** Words after a title's head that start what it is of (`Secretary of State`, `spokesman for Sanders`). */
const ROLE_COMPLEMENTS = new Set(['of', 'for', 'at', 'to', 'in', 'on', 'with', 'from', 'and']);
/**
 * Words that open a clause or a coordination after a comma, never an apposition (`Clinton, or their criticism of …`);
 * nor the start of a title at a sentence's start (`As President Obama appears set to veto`: closed-class words,
 * which the word lists do not all call ordinary).
 */
const CLAUSE_OPENERS = new Set([
  'who', 'which', 'that', 'whose', 'whom', 'where', 'when', 'said', 'says', 'or', 'and', 'but', 'nor', 'as', 'so', 'while', 'because', 'if',
  'though', 'although', 'even', 'like', 'unlike', 'with', 'without', 'for', 'from', 'to', 'in', 'on', 'at', 'by', 'than', 'after', 'before',
  'since', 'until', 'including', 'likely', 'probably', 'perhaps', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'this', 'these', 'those', 'not',
  'just', 'only', 'then', 'now', 'still', 'also', 'too', 'however', 'meanwhile', 'instead',
]);
/**
 * Closed-class words that open a sentence or a quotation before a title but are never part of one (`Neither Speaker
 * Ryan`, `Is President Obama`, `Yesterday White House press secretary`): quantifiers, auxiliaries and adverbs of
 * time, beside {@link CLAUSE_OPENERS}. A closed list, not "any ordinary word": `Vice`, `Prime`, `Press`, `Defense`,
 * `New` are ordinary words too, and open titles and names (`Vice President`, `New Jersey Governor`).
 */
const FUNCTION_WORDS = new Set([
  'neither', 'either', 'both', 'each', 'every', 'many', 'most', 'some', 'several', 'few', 'all', 'any', 'no', 'is', 'was', 'are',
  'were', 'has', 'have', 'had', 'did', 'does', 'do', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'today',
  'yesterday', 'tomorrow', 'tonight', 'here', 'there', 'yet', 'already', 'later', 'earlier', 'indeed', 'maybe', 'never', 'ever',
  'once', 'again', 'thus', 'otherwise', 'besides', 'moreover', 'nevertheless', 'nonetheless', 'why', 'how', 'what', 'whether',
  'asked', 'according', 'under', 'over', 'during', 'about', 'against', 'between', 'among', 'through', 'into', 'amid', 'despite',
  'unlike', 'our', 'my', 'your', 'its', 'an', 'a', 'yes', 'well', 'oh', 'thanks', 'thank',
]);
/** Prepositions whose complement may stand before a title's `and` (`of Vermont and former Maryland governor`). */
const COMPLEMENT_PREPOSITIONS = new Set(['of', 'to', 'in', 'for', 'on']);
/** Words that qualify a title rather than open a sentence (`Former Russian ambassador`). */
const TITLE_MODIFIERS = new Set(['former', 'acting', 'interim', 'incoming', 'outgoing', 'then', 'late', 'current', 'ex', 'retired', 'senior', 'top']);
/** At most this many roles per actor and article, the most specific first. */
export const MAX_ROLES = 3;

/** A role the article gives a person, found beside one of their mentions. */
export interface FoundRole {
  /** The role as written, abbreviations spelled out (`Texas Senator`, `US counterpart`). */
  readonly text: string;
  /**
   * For a relative role (`his German counterpart`, `Clinton's spokesman`), the words that say whose:
   * a possessive pronoun to resolve, or a name.
   */
  readonly relativeTo?: { readonly kind: 'pronoun' | 'name' } & OffsetRange;
}

/**
 * The role an article gives a person in an apposition, if any: the title words right before the
 * name (`Russian Foreign Minister Sergei Lavrov`, `UN Special Envoy for Syria Staffan De Mistura`,
 * `his German counterpart Frank-Walter Steinmeier`) or a comma apposition after it (`John Kerry, the
 * US Secretary of State,`). Abbreviated titles are spelled out (`Sen.` → `Senator`). `isOtherPerson`
 * tells where another person's name stands, which ends a title (`Vice President Joe Biden and U.N.
 * envoy Lakhdar Brahimi` gives Brahimi `U.N. envoy`); `nameEndAt`, where the place's or organisation's name that
 * starts at an offset ends (`between Congress and President Obama`: `Congress` is a name alone). Fragments are not roles: a title must end in
 * its head or a name right before the person (`chairwoman for Clinton's campaign` gives Clinton no
 * role), and an apposition after the name must be a title with at most what it is of (`Ohio governor
 * earned 51 percent` is a clause, not a role).
 */
export function roleOf(
  text: string,
  sentence: Sentence,
  mention: EntityMention,
  vocabulary: Vocabulary,
  lexicon: NameLexicon,
  isOtherPerson: (offset: number) => boolean = () => false,
  nameEndAt: (offset: number) => number | undefined = () => undefined,
): FoundRole | undefined {
  const tokens = sentence.tokens;
  let index = tokenStartingAt(tokens, mention.start);
  if (index < 0) return undefined;
  const before = roleBefore(text, tokens, index, vocabulary, lexicon, isOtherPerson, nameEndAt);
  if (before) return before;
  // The token the mention ends with: the last one that starts inside it, if it ends with it too.
  index = tokenStartingAt(tokens, mention.end - 1, true);
  if (index < 0 || tokens[index].end !== mention.end) return undefined;
  const after = roleAfter(text, tokens, index, vocabulary, isOtherPerson);
  return after ? { text: after } : undefined;
}

/**
 * Binary search over tokens sorted by offset: the index of the token starting at `offset`, or -1;
 * with `atOrBefore`, of the last token starting at or before it. (A long sentence made a linear
 * search per mention quadratic.)
 */
function tokenStartingAt(tokens: readonly Token[], offset: number, atOrBefore = false): number {
  const i = lowerBound(tokens.length, (k) => tokens[k].start >= offset);
  if (i < tokens.length && tokens[i].start === offset) return i;
  return atOrBefore ? i - 1 : -1;
}

function roleBefore(
  text: string,
  tokens: readonly Token[],
  nameIndex: number,
  vocabulary: Vocabulary,
  lexicon: NameLexicon,
  isOtherPerson: (offset: number) => boolean,
  nameEndAt: (offset: number) => number | undefined,
): FoundRole | undefined {
  let first = nameIndex;
  let owner: FoundRole['relativeTo'];
  for (let i = nameIndex - 1; i >= 0; i--) {
    const word = tokens[i].text;
    if (isOtherPerson(tokens[i].start)) {
      // `Clinton's spokesman Brian Fallon`: the title is relative to that person.
      if (POSSESSIVE_MARKS.has(tokens[i + 1]?.text ?? '') && i + 1 <= first) owner = { kind: 'name', start: tokens[i].start, end: tokens[i].end };
      break;
    }
    // A dateline agency glued to the title ("SANA-Russian Foreign Minister") is not part of it.
    if ((word === '-' || word === '–') && /^\p{Lu}{2,}$/u.test(tokens[i - 1]?.text ?? '')) break;
    const capitalised = /^\p{Lu}/u.test(word);
    // `presidential nominee`, `campaign manager`: a qualifier of a title already found to its right.
    const modifier = first < nameIndex && vocabulary.isRoleModifier(word);
    if (capitalised || modifier || vocabulary.isRoleWord(word) || ROLE_CONNECTORS.has(word) || isAdjacentHyphen(tokens, i)) {
      // A role does not run across a gap wider than one space ("Moscow, SANA-Russian" stops at "-").
      if (tokens[i + 1].start - tokens[i].end > 1) break;
      first = i;
      continue;
    }
    if (POSSESSIVE_PRONOUNS.has(word) && first < nameIndex) owner = { kind: 'pronoun', start: tokens[i].start, end: tokens[i].end };
    break;
  }
  // `… Sanders of Vermont and former …`: the words walked began with a preposition, so what follows it up to an
  // `and` is a complement of something before the title (the `and` rule below).
  const complementFirst = first < nameIndex && COMPLEMENT_PREPOSITIONS.has(tokens[first].text);
  // Words before the title that are not part of it.
  const skipNoise = () => {
    while (first < nameIndex && (LEADING_NOISE.has(tokens[first].text) || tokens[first].text === '(' || tokens[first].text === ')' || POSSESSIVE_MARKS.has(tokens[first].text))) {
      if (POSSESSIVE_PRONOUNS.has(tokens[first].text)) owner = { kind: 'pronoun', start: tokens[first].start, end: tokens[first].end };
      first++;
    }
  };
  skipNoise();
  // A sentence-initial word that is no title (`If Secretary Clinton`, `Neither Speaker Ryan`, `As President Obama`),
  // and the noise after it (`As the Hollywood columnist`); so too the first word of a quotation or after a colon
  // (`Pence continued: "When President Obama became president, …`).
  if (first < nameIndex && (first === firstWordIndex(tokens) || opensClause(tokens, first))) {
    const word = tokens[first].text.toLowerCase();
    const possessive = POSSESSIVE_PRONOUNS.has(tokens[first].text);
    if (CLAUSE_OPENERS.has(word) || FUNCTION_WORDS.has(word) || word === 'the' || possessive) {
      // `His German counterpart Frank-Walter Steinmeier`: relative, as in the middle of a sentence.
      if (possessive) owner = { kind: 'pronoun', start: tokens[first].start, end: tokens[first].end };
      first++;
      skipNoise();
    }
  }
  let last = nameIndex;
  // An honorific between the title and the name (`ambassador to Russia Dr. Bashar al-Ja’afari`) is not part of the role.
  while (last > first && vocabulary.isHonorific(tokens[last - 1].text)) last--;
  if (first >= last) return undefined;
  // `adviser to Vice President Joe Biden`: the title before `to`/`for` is someone else's; Biden's is after it. So
  // with `of` when a capitalised title follows it at once (`veteran of President Bill Clinton's administration`;
  // not `Speaker of the House`).
  for (let k = last - 2; k > first; k--) {
    const connector = tokens[k].text;
    const ofTitle = connector === 'of' && /^\p{Lu}/u.test(tokens[k + 1].text) && vocabulary.isRoleWord(tokens[k + 1].text);
    if (connector !== 'to' && connector !== 'for' && !ofTitle) continue;
    const after = tokens.slice(k + 1, last).some((t) => vocabulary.isRoleWord(t.text));
    const before = tokens.slice(first, k).some((t) => vocabulary.isRoleWord(t.text));
    if (after && before) {
      first = k + 1;
      owner = undefined;
      break;
    }
  }
  // `Sen. Bernie Sanders of Vermont and former Maryland governor Martin O’Malley`, `a pivot to Asia and Secretary
  // Clinton`, `between Congress and President Obama`: a title after `and` is the second of two conjuncts when the
  // first is someone else's place or organisation — the complement of a preposition before it, or one place's or
  // organisation's name and nothing else — and holds no title word. Only a title word or a qualifier right after `and`
  // opens a new conjunct (`House Ways and Means Committee Chairman` is one organisation's title); `Texas Republican
  // and former Governor Rick Perry` describes Perry in both (neither a complement nor a name alone), and
  // `President and CEO` keeps both (a title before `and`).
  for (let k = last - 2; k > first; k--) {
    if (tokens[k].text !== 'and') continue;
    const opener = tokens[k + 1].text;
    if (!vocabulary.isRoleWord(opener) && !TITLE_MODIFIERS.has(opener.toLowerCase())) continue;
    if (tokens.slice(first, k).some((t) => vocabulary.isRoleWord(t.text))) break;
    if (!complementFirst && nameEndAt(tokens[first].start) !== tokens[k - 1].end) break;
    first = k + 1;
    owner = undefined;
    break;
  }
  const span = tokens.slice(first, last);
  if (!span.some((t) => vocabulary.isRoleWord(t.text))) return undefined;
  // A title ends in its head or a name, never in `for`, `and` or `of` (`chairwoman for Clinton's campaign`).
  if (ROLE_CONNECTORS.has(span[span.length - 1].text) || POSSESSIVE_MARKS.has(span[span.length - 1].text)) return undefined;
  // A given name inside is another person the tagger missed (`Kevin Bishop John Brisini`).
  if (span.some((t) => /^\p{Lu}/u.test(t.text) && lexicon.isGivenName(t.text) && !vocabulary.isRoleWord(t.text))) return undefined;
  let role = spelledOut(text.slice(span[0].start, span[span.length - 1].end), vocabulary);
  // "Organization for Security and Co-operation in Europe (OSCE) Secretary General": the acronym in
  // brackets names the organisation the title belongs to.
  const acronym = tokens[first - 2]?.text;
  if (tokens[first - 1]?.text === ')' && tokens[first - 3]?.text === '(' && acronym && /^\p{Lu}[\p{Lu}.&-]+$/u.test(acronym)) role = `${acronym} ${role}`;
  return owner ? { text: role, relativeTo: owner } : { text: role };
}

/**
 * True when token `i` opens a clause inside its sentence: right after a colon, or after an opening quotation
 * mark (written against the word it opens, which a closing mark is not).
 */
function opensClause(tokens: readonly Token[], i: number): boolean {
  const previous = tokens[i - 1];
  if (previous === undefined) return false;
  if (previous.text === ':') return true;
  return (previous.text === '“' || previous.text === '"' || previous.text === '‘') && previous.end === tokens[i].start;
}

function firstWordIndex(tokens: readonly Token[]): number {
  let i = 0;
  while (i < tokens.length && !/^\p{L}/u.test(tokens[i].text)) i++;
  return i;
}

function roleAfter(text: string, tokens: readonly Token[], nameEnd: number, vocabulary: Vocabulary, isOtherPerson: (offset: number) => boolean): string | undefined {
  if (nameEnd + 1 >= tokens.length || tokens[nameEnd + 1].text !== ',') return undefined;
  let i = nameEnd + 2;
  const start = i;
  while (i < tokens.length && tokens[i].text !== ',' && tokens[i].text !== '.' && i - start < 12) i++;
  if (tokens[i]?.text !== ',' && tokens[i]?.text !== '.') return undefined;
  // A relative clause inside the apposition describes the last noun, not the person: the role ends before it
  // (`senior official with the Broadcasting Board of Governors that oversees them`).
  let relative = start + 1;
  while (relative < i && !/^(?:that|which|who|whom|whose)$/i.test(tokens[relative].text)) relative++;
  const span = tokens.slice(start, relative);
  if (span.length === 0) return undefined;
  // "Lavrov, who made the comments …" is a relative clause, "…, or their criticism of …" a
  // coordination: an apposition starts with a determiner, an adjective or a noun.
  if (CLAUSE_OPENERS.has(span[0].text.toLowerCase())) return undefined;
  // "Obama, running for president," is a participle clause.
  if (/^\p{Ll}+(?:ing|ed)$/u.test(span[0].text) && !vocabulary.isRoleWord(span[0].text)) return undefined;
  // A finite verb makes it a clause, not a description (`Donald J. Trump, could face his own complications if he becomes president,`).
  if (span.some((t) => /^(said|says|told|is|was|are|were|has|had|have|could|would|will|can|may|might|should|must|did|does)$/i.test(t.text) || /\d/.test(t.text))) return undefined;
  // The title's head comes before anything but what it is of: `the US Secretary of State`, `a
  // spokesman for Sanders`; not `Ohio governor earned 51 percent`.
  const head = span.findIndex((t) => vocabulary.isRoleWord(t.text));
  if (head < 0) return undefined;
  let end = head + 1;
  // A title with another person's name right after it introduces that person: `Chuck Berry, the baseball player
  // Willie Mays and …` is a list, not Berry's role. Unless `of`, `for` or `to` comes before the title's head (the
  // name says whose the role is: `daughter of former President George W. Bush`), or a role word follows the name
  // (it is a modifier: `Merrick Garland, a President Obama nominee,`).
  const ownerLinkBeforeHead = span.slice(0, head).some((t) => /^(?:of|for|to)$/i.test(t.text));
  while (end < span.length && (vocabulary.isRoleWord(span[end].text) || /^\p{Lu}/u.test(span[end].text) || span[end].text === '-')) {
    if (!ownerLinkBeforeHead && isOtherPerson(span[end].start) && !beforeRoleNoun(span, end, vocabulary)) return undefined;
    end++;
  }
  if (end < span.length && !ROLE_COMPLEMENTS.has(span[end].text.toLowerCase())) return undefined;
  let begin = 0;
  while (begin < span.length && LEADING_NOISE.has(span[begin].text.toLowerCase())) begin++;
  if (begin >= span.length) return undefined;
  return spelledOut(text.slice(span[begin].start, span[span.length - 1].end), vocabulary);
}

/** True when the capitalised words from `from` on are followed by a lower-case role word (`President Obama nominee`). */
function beforeRoleNoun(span: readonly Token[], from: number, vocabulary: Vocabulary): boolean {
  let j = from;
  while (j < span.length && /^\p{Lu}/u.test(span[j].text)) j++;
  return j < span.length && /^\p{Ll}/u.test(span[j].text) && vocabulary.isRoleWord(span[j].text);
}

function isAdjacentHyphen(tokens: readonly Token[], i: number): boolean {
  return tokens[i].text === '-' && tokens[i - 1]?.end === tokens[i].start && tokens[i + 1]?.start === tokens[i].end;
}

/** One white space between words, abbreviated titles spelled out (`Ohio Gov.` → `Ohio Governor`). */
function spelledOut(role: string, vocabulary: Vocabulary): string {
  return role
    .split(/\s+/)
    .map((word) => vocabulary.spelledOutTitle(word) ?? word)
    .join(' ');
}

/**
 * Two titles joined by `and` are two roles (`Democratic presidential candidate and former Secretary
 * of State`); a title with `and` inside stays one (`Secretary of Health and Human Services`). So are a
 * description and the title written after it (`Republican vice-presidential nominee Gov.` → `Republican
 * vice-presidential nominee`, `Governor`): a lower-case role word followed by a capitalised one ends a role.
 */
export function splitRoles(role: string, vocabulary: Vocabulary): string[] {
  const parts = role.split(/\s+and\s+/);
  const hasTitle = (part: string) => part.split(/\s+/).some((w) => vocabulary.isRoleWord(w));
  // Each conjunct without its article, as a role is written (`… correspondent and the author of …` → `author of …`).
  const joined = parts.length >= 2 && parts.every(hasTitle) ? parts.map((part) => part.replace(/^(?:the|a|an)\s+/i, '')) : [role];
  return joined.flatMap((part) => splitBeforeTitle(part, vocabulary));
}

/** `nominee Gov.` → `nominee`, `Gov.`: a capitalised title right after a lower-case role word starts another role. */
function splitBeforeTitle(role: string, vocabulary: Vocabulary): string[] {
  const words = role.split(/\s+/);
  for (let k = 1; k < words.length; k++) {
    const before = words[k - 1];
    const word = words[k];
    // A qualifier stays with the title after it, whatever its case (`executive Director`).
    if (/^\p{Ll}/u.test(before) && vocabulary.isRoleWord(before) && !vocabulary.isRoleModifier(before) && /^\p{Lu}/u.test(word) && vocabulary.isRoleWord(word)) {
      return [words.slice(0, k).join(' '), ...splitBeforeTitle(words.slice(k).join(' '), vocabulary)];
    }
  }
  return [role];
}

/**
 * What identifies a role for comparison: lower case, articles dropped, a country's possessive and
 * its adjective made one (`Syria's Deputy Prime Minister` = `Syrian Deputy Prime Minister`, `U.S.`
 * = `US` = `American`).
 */
export function roleKey(role: string, lexicon: NameLexicon): string[] {
  const words: string[] = [];
  for (const raw of role.split(/\s+/)) {
    let word = raw.toLowerCase().replace(/[’']s$/, "'s");
    if (word === 'the' || word === 'a' || word === 'an') continue;
    const possessive = word.endsWith("'s");
    if (possessive) word = word.slice(0, -2);
    const bare = word.replace(/\./g, '');
    if (AMERICAN.has(bare)) word = '@us';
    else if (possessive || lexicon.isGroupNoun(word)) word = `@${bare.slice(0, 4)}`;
    words.push(word);
  }
  return words;
}

const AMERICAN = new Set(['us', 'usa', 'american', 'america']);

/**
 * The roles to show for an actor from the roles of their mentions: one per role (by
 * {@link roleKey}, preferring the adjective to the possessive: `Syrian`, not `Syria's`), none that
 * a more specific one contains (`President` inside `Syrian President`), the most specific first, at
 * most {@link MAX_ROLES}.
 */
export function selectRoles(roles: readonly string[], lexicon: NameLexicon): string[] {
  const chosen: { text: string; key: string[]; order: number }[] = [];
  const byKey = new Map<string, { text: string }>();
  // An actor named with its title at each mention has one role many times over: a text met again changes nothing
  // (it was chosen, or gave way to a text without a possessive, or kept one).
  const seen = new Set<string>();
  for (const text of roles) {
    if (seen.has(text)) continue;
    seen.add(text);
    const key = roleKey(text, lexicon);
    const joined = key.join(' ');
    const same = byKey.get(joined);
    if (same) {
      if (/[’']s\b/.test(same.text) && !/[’']s\b/.test(text)) same.text = text;
      continue;
    }
    const role = { text, key, order: chosen.length };
    chosen.push(role);
    byKey.set(joined, role);
  }
  const kept = chosen.filter((c) => !chosen.some((other) => other !== c && other.key.length > c.key.length && containsWords(other.key, c.key)));
  kept.sort((a, b) => b.key.length - a.key.length || a.order - b.order);
  // A list filled by a loop: `slice().map()` gave an actor without roles (most of them) a list of another
  // elements kind than one with roles, and the code reading actors met both.
  const out: string[] = [];
  for (let i = 0; i < kept.length && i < MAX_ROLES; i++) out.push(kept[i].text);
  return out;
}

/** True when `part` appears in `whole` as consecutive words. */
export function containsWords(whole: readonly string[], part: readonly string[]): boolean {
  for (let i = 0; i + part.length <= whole.length; i++) {
    let k = 0;
    while (k < part.length && whole[i + k] === part[k]) k++;
    if (k === part.length) return true;
  }
  return false;
}
