/**
 * Names in title-case headlines, where every word has the capital that is the tagger's evidence of a name: an
 * organisation or a place that runs over a clause is the names the body or the lists know in it (`U.S. Flexes Muscles
 * As Asia Worries …` → `U.S.`, `Asia`, …), one made of headline words only is dropped unless the body or the lists name
 * it (`A Sign Of Leadership`, `‘Boasters’` where the body writes `boasters`), one holding a person the body names is
 * that person (`Donald Trump Rampages` → `Donald Trump`), and one holding a name the body or the lists know is cut to
 * it (`ESPN Fires` → `ESPN`). People in headlines are cut to the body's names later (`namesInContext.ts`).
 */

import { FUNCTION_WORDS, NEGATION, TITLE_CASE_LOWER, isTitleCaseWord, wordCase } from '../headlines';
import type { NameLexicon } from '../nameLexicon';
import type { EntityType, Sentence, Token } from '../types';
import type { DocumentEvidence } from './evidence';
import { LINK_WORDS, keyOf, nameKey, newWork, noOriginal, type Work } from './work';

/**
 * A headline's organisation or place that runs over a word that joins clauses, never names (`As`, `About`, `Is`, `If`,
 * `Why`, `He`, `Can’t`, a colon): `U.S. Flexes Muscles As Asia Worries About South China Sea Row`, `On Why Blacks,
 * Latinos Can’t Fail On TV`. In a title-case line the tagger reads the capitals of a whole clause as one name; what
 * is left of names in it is what the body or the tagger's lists name, each a mention of its own with the type the body
 * gives it (`U.S.`, `Asia`, `China`), and the run is no name when it holds none (`Don’t Trust the Voting Machines`).
 * Runs first of the headline passes, so that the others read the names found.
 */
export function splitHeadlineNamesAtClauses(sentences: readonly Sentence[], work: Work[], lexicon: NameLexicon): void {
  let bodyTypes: Map<string, EntityType> | undefined;
  for (let k = 0; k < work.length; k++) {
    const item = work[k];
    if (!item.headline || item.dropped || (item.type !== 'organization' && item.type !== 'location') || item.last - item.first < 2) continue;
    const tokens = sentences[item.sentence].tokens;
    let clause = false;
    for (let i = item.first; i < item.last && !clause; i++) clause = joinsClauses(tokens, i);
    if (!clause) continue;
    if (!bodyTypes) {
      bodyTypes = new Map();
      for (const other of work) {
        if (other.headline || other.dropped) continue;
        const key = keyOf(sentences, other);
        if (!bodyTypes.has(key)) bodyTypes.set(key, other.type);
      }
    }
    // The names inside, longest first from each word on, none across a clause word.
    const parts: { first: number; last: number; type: EntityType }[] = [];
    for (let from = item.first; from < item.last; ) {
      let to = from;
      while (to < item.last && !joinsClauses(tokens, to)) to++;
      let found: (typeof parts)[number] | undefined;
      for (let end = to; end > from && !found; end--) {
        const key = nameKey(tokens, from, end);
        const type = bodyTypes.get(key) ?? (lexicon.isListedName(key) ? (lexicon.isListedOrganisation(key) ? 'organization' : item.type) : undefined);
        if (type) found = { first: from, last: end, type };
      }
      if (found) parts.push(found);
      from = found ? found.last : from + 1;
    }
    if (parts.length === 0) {
      item.dropped = true;
      continue;
    }
    [item.first, item.last, item.type] = [parts[0].first, parts[0].last, parts[0].type];
    // The others are mentions of their own, right after it in document order (no recogniser's mention to keep).
    const more = parts.slice(1).map((part) => newWork(item.sentence, part.first, part.last, part.type, true, noOriginal(part.type)));
    work.splice(k + 1, 0, ...more);
    k += more.length;
  }
}

/**
 * Title case's lower-case words that join clauses and stand inside no name (`the`, `of`, `and`, `for`, `on`, `to` do:
 * `Right to Life`, `Bank of America`).
 */
const CLAUSE_LINKS: ReadonlySet<string> = new Set(['as', 'is', 'are', 'be', 'but', 'if', 'so', 'than', 'that', 'it', 'its', 'not', 'after', 'about', 'amid', 'upon', 'via', 'vs', 'vs.', 'nor']);

/** Punctuation that ends a clause, or sets a title's words apart. */
const CLAUSE_MARKS = /^[:;?!—–]$/;

/**
 * Whether token `i` joins clauses and stands inside no name: a clause link ({@link CLAUSE_LINKS}), a closed-class word
 * (`He`, `Why`, `Can`), a negation and the auxiliary before it (`Ca` `n’t`), or a colon, a dash, a question mark.
 */
function joinsClauses(tokens: readonly Token[], i: number): boolean {
  const text = tokens[i].text;
  const lower = text.toLowerCase();
  return CLAUSE_LINKS.has(lower) || FUNCTION_WORDS.has(lower) || NEGATION.test(text) || (i + 1 < tokens.length && NEGATION.test(tokens[i + 1].text)) || CLAUSE_MARKS.test(text);
}

/** Words of the longest run {@link wordRuns} keeps: a headline's name is a few words; a longer one is searched for. */
const MAX_RUN_WORDS = 8;

/**
 * Every substring of the `names` (each with a space before and after) that begins and ends with a space and holds at
 * most {@link MAX_RUN_WORDS} words (` news `, ` fox news `): a string that begins and ends with a space, of that many
 * words at most, is in one of the names exactly when it is in this set. Bounded, because a title-case run can be
 * read as one name of a thousand words, whose runs of every length would be cubic in it.
 */
function wordRuns(names: Iterable<string>): Set<string> {
  const runs = new Set<string>();
  for (const name of names) {
    for (let from = name.indexOf(' '); from >= 0; from = name.indexOf(' ', from + 1)) {
      let words = 0;
      for (let to = name.indexOf(' ', from + 1); to >= 0 && words < MAX_RUN_WORDS; to = name.indexOf(' ', to + 1), words++) runs.add(name.slice(from, to + 1));
    }
  }
  return runs;
}

/** The number of words of a name with a space before and after (` fox news ` → 2). */
function spacedWordCount(spaced: string): number {
  let spaces = 0;
  for (let i = spaced.indexOf(' '); i >= 0; i = spaced.indexOf(' ', i + 1)) spaces++;
  return spaces - 1;
}

/**
 * An organisation or a place in a headline made only of words title case capitalises (`A Sign Of Leadership`,
 * `To Die On The Street`, `Trade Deal Backfire`) is no name unless the article's body names it too or the
 * tagger's lists know it (`Middle East`, `World Bank`): in a title-case line the capitals that are the
 * tagger's evidence of a name are there for every word. People in headlines have their own rule
 * ({@link repairNamesInContext}).
 */
export function dropHeadlineWordsTakenForNames(sentences: readonly Sentence[], work: readonly Work[], evidence: DocumentEvidence, lexicon: NameLexicon): void {
  // The body's names, each with a space before and after (` fox news `), and every run of whole words in them
  // (` fox `, ` news `, ` fox news `): what `includes` of a spaced name could find in one of them, looked up in a set
  // rather than searched for in every body name per headline name (quadratic in a long article).
  let bodyNames: Set<string> | undefined;
  let bodyNameParts: Set<string> | undefined;
  for (const item of work) {
    if (!item.headline || (item.type !== 'organization' && item.type !== 'location')) continue;
    const tokens = sentences[item.sentence].tokens;
    let wordsOnly = true;
    for (let i = item.first; i < item.last && wordsOnly; i++) wordsOnly = isHeadlineWord(tokens[i], evidence, lexicon);
    // A head noun the article writes as a common noun builds no name here (`Economic Policy`, `Offensive Post`,
    // `Dissolution Of Secret Club` where the body has `policy`, `post`, `club`): only the body or the lists make one.
    if (!wordsOnly || hasNameHead(tokens, item.first, item.last, lexicon, evidence.lowerCaseWords)) continue;
    const name = nameKey(tokens, item.first, item.last);
    if (lexicon.isListedName(name)) continue;
    // Names the body gives (any type: a headline may call a person's foundation what the body calls the person's).
    if (!bodyNames) {
      bodyNames = new Set();
      for (const other of work) if (!other.headline) bodyNames.add(` ${keyOf(sentences, other)} `);
    }
    // The body's name, or for a name of several words a longer one holding it word for word (`Supreme Court` of
    // `U.S. Supreme Court`; a word alone, `News`, is no name for being part of `Fox News`).
    const words = ` ${name} `;
    if (item.last - item.first >= 2) {
      if (spacedWordCount(words) > MAX_RUN_WORDS) {
        let held = false;
        for (const bodyName of bodyNames) if ((held = bodyName.includes(words))) break;
        if (!held) item.dropped = true;
      } else {
        bodyNameParts ??= wordRuns(bodyNames);
        if (!bodyNameParts.has(words)) item.dropped = true;
      }
    } else if (!bodyNames.has(words)) item.dropped = true;
  }
}

/**
 * A headline's organisation or place that neither the lists nor the body name, holding at one end a name they do, is
 * that name with headline words glued on (`ESPN Fires`, `NFL Legend`, `Washington Post Assembles`): in a title-case line
 * the tagger runs a name on into the capitalised words beside it. Cut to the longest such part (a body name of an
 * organisation or a place; a person's name was read before, `findPeopleInHeadlineNames`).
 */
export function cutHeadlineNamesToKnownParts(sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon): void {
  let bodyNames: Set<string> | undefined;
  const known = (tokens: readonly Token[], first: number, last: number) => {
    const name = nameKey(tokens, first, last);
    if (lexicon.isListedName(name)) return true;
    if (!bodyNames) {
      bodyNames = new Set();
      for (const other of work) {
        if (!other.headline && !other.dropped && (other.type === 'organization' || other.type === 'location')) bodyNames.add(keyOf(sentences, other));
      }
    }
    return bodyNames.has(name);
  };
  for (const item of work) {
    if (!item.headline || item.dropped || item.last - item.first < 2 || (item.type !== 'organization' && item.type !== 'location')) continue;
    const tokens = sentences[item.sentence].tokens;
    if (known(tokens, item.first, item.last)) continue;
    // Only ordinary words glue on: not a head noun that makes another name (`NY Post`, `Washington Post`, `U.S. Court`),
    // nor a link inside one (`State Of The Union`).
    const glued = (from: number, to: number) => {
      for (let i = from; i < to; i++) if (lexicon.headOf(tokens[i].text) !== undefined || LINK_WORDS.has(tokens[i].text.toLowerCase())) return false;
      return true;
    };
    for (let length = item.last - item.first - 1; length >= 1; length--) {
      if (known(tokens, item.first, item.first + length) && glued(item.first + length, item.last)) {
        item.last = item.first + length;
        break;
      }
      if (known(tokens, item.last - length, item.last) && glued(item.first, item.last - length)) {
        item.first = item.last - length;
        break;
      }
    }
  }
}

/**
 * A headline's organisation or place that is a person the body names with headline words glued on (`Donald Trump
 * Rampages`, `Exploits Trump`, `Conservative Icon Morton Blackwell Endorses`) is that person: in a title-case line the
 * verb and the description are capitalised like the name, and the tagger took the run for one name. Only when the
 * other words are words title case capitalises (an ordinary or a function word; one at least) or words of the body's
 * other names (`Donald Trump Praises Breitbart`), and no head noun builds the name (`Trump University` stays). The
 * longest of the body's person names inside is kept (`Donald Trump` before `Trump`).
 */
export function findPeopleInHeadlineNames(sentences: readonly Sentence[], work: readonly Work[], evidence: DocumentEvidence, lexicon: NameLexicon): void {
  let people: Set<string> | undefined;
  let bodyWords: Set<string> | undefined;
  for (const item of work) {
    if (!item.headline || item.dropped || (item.type !== 'organization' && item.type !== 'location') || item.last - item.first < 2) continue;
    const tokens = sentences[item.sentence].tokens;
    if (hasNameHead(tokens, item.first, item.last, lexicon) || lexicon.isListedName(nameKey(tokens, item.first, item.last))) continue;
    people ??= bodyPersonNames(sentences, work);
    let best: { from: number; to: number } | undefined;
    for (let from = item.first; from < item.last; from++) {
      for (let to = item.last; to > from; to--) {
        if (best && to - from <= best.to - best.from) break;
        if (people.has(nameKey(tokens, from, to))) best = { from, to };
      }
    }
    if (!best || best.to - best.from === item.last - item.first) continue;
    // The other words: words title case capitalises, at least one (the glue), and words of the body's other names
    // (`Donald Trump Praises Breitbart`, `Marine Le Pen Backs Trump And Denounces`).
    bodyWords ??= bodyNameWords(sentences, work);
    let glue = 0;
    let glued = true;
    for (let i = item.first; i < item.last && glued; i++) {
      if (i >= best.from && i < best.to) continue;
      if (isHeadlineWord(tokens[i], evidence, lexicon)) glue++;
      else glued = bodyWords.has(tokens[i].text.toLowerCase());
    }
    if (!glued || glue === 0) continue;
    item.first = best.from;
    item.last = best.to;
    item.type = 'person';
  }
}

/**
 * True for a word whose capital in a headline says nothing of a name: one title case capitalises whatever it is (an
 * ordinary or a function word, {@link isTitleCaseWord}), or one the article writes in lower case elsewhere. The word
 * lists lack inflections, coinages and words that are also names (`Boasters`, `Dealmaker`, `Battle`, `White`, `Fields`):
 * where the article's prose writes `boasters`, `the dealmaker`, `white people`, `coal fields`, its headline's capital is
 * the headline's. A given name stays a name (`Bill` where the article writes `the bill`).
 */
function isHeadlineWord(token: Token, evidence: DocumentEvidence, lexicon: NameLexicon): boolean {
  if (isTitleCaseWord(token, lexicon)) return true;
  return wordCase(token) === 'capitalised' && !lexicon.isGivenName(token.text) && evidence.lowerCaseWords.has(token.text.toLowerCase());
}

/** The words of the body's names of any type, lower case. */
function bodyNameWords(sentences: readonly Sentence[], work: readonly Work[]): Set<string> {
  const words = new Set<string>();
  for (const other of work) {
    if (other.headline || other.dropped) continue;
    const tokens = sentences[other.sentence].tokens;
    for (let i = other.first; i < other.last; i++) words.add(tokens[i].text.toLowerCase());
  }
  return words;
}

/** The body's person names, lower case (`donald trump`), and the last words of those of several words (`trump`). */
function bodyPersonNames(sentences: readonly Sentence[], work: readonly Work[]): Set<string> {
  const names = new Set<string>();
  for (const other of work) {
    if (other.headline || other.dropped || other.type !== 'person') continue;
    const tokens = sentences[other.sentence].tokens;
    names.add(keyOf(sentences, other));
    if (other.last - other.first >= 2) names.add(tokens[other.last - 1].text.toLowerCase());
  }
  return names;
}

/**
 * True when a name of several words is built as organisations and places are: on a head noun (`Black Caucus
 * Foundation`, `Kent County`) or a head noun before `of` (`Department Of Homeland Security`). A head noun alone
 * (`Institute`) is a word; so is one among `commonNouns` (the words an article writes in lower case, when given).
 */
function hasNameHead(tokens: readonly Token[], first: number, last: number, lexicon: NameLexicon, commonNouns?: ReadonlySet<string>): boolean {
  if (last - first < 2) return false;
  const isHead = (i: number) => {
    const kind = lexicon.headOf(tokens[i].text)?.kind;
    return (kind === 'organization' || kind === 'location') && !commonNouns?.has(tokens[i].text.toLowerCase());
  };
  // A head noun needs a word of the name beside it: `The Street` is a head noun and an article.
  const isFunctionWord = (i: number) => TITLE_CASE_LOWER.has(tokens[i].text.toLowerCase());
  if (isHead(last - 1)) {
    for (let i = first; i < last - 1; i++) if (!isFunctionWord(i)) return true;
    return false;
  }
  for (let i = first + 1; i < last - 1; i++) if (tokens[i].text.toLowerCase() === 'of' && isHead(i - 1)) return true;
  return false;
}
