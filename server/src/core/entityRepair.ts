import { TITLE_CASE_LOWER, headlineSentences, isTitleCaseWord, wordCase } from './headlines';
import type { NameLexicon } from './nameLexicon';
import { normalizeName } from './names';
import { lowerBound } from './search';
import { ACTOR_TYPES, type EntityMention, type EntityType, type Sentence, type Token } from './types';
import type { Vocabulary } from './vocabulary';

/** What the repair reads besides the text: the name lexicon, the shared vocabulary, the speech verbs. */
export interface RepairResources {
  readonly nameLexicon: NameLexicon;
  readonly vocabulary: Vocabulary;
  readonly quotes: { readonly speechVerbs: ReadonlySet<string> };
}

/** Tokens after which a word is capitalised by position, as at the start of a sentence. */
const OPENERS = new Set(['“', '‘', '"', "'", "''", '``', '(', '[', '—', '–', '-', ':', '«', '…', '―']);
/** Hyphenated suffixes that make a name into a modifier (`Warren-style`, `Saudi-led`): cut off. */
const MODIFIER_SUFFIX = /-(?:style|led|backed|era|like|based|linked|allied|type|esque|friendly|inspired|owned|funded|controlled)$/i;
/** What makes a surname into another word (`Obamacare`, `Clintonism`, `Reaganomics`, `Trumpian`). */
const DERIVED_SUFFIXES = ['care', 'ism', 'isms', 'ist', 'ists', 'ite', 'ites', 'ian', 'ians', 'esque', 'mania', 'nomics', 'omics', 'gate', 'world', 'land', 'ville'];
/**
 * The suffixes of those that make no place or organisation either: a law, a doctrine, a scandal (`Obamacare`,
 * `Reaganomics`, `Trumpism`, `Bridgegate`), which the tagger also takes for a place or an organisation. Not
 * `land`, `ville`, `world` (`Disneyland`) nor the adjectives' `ite`, `ian`.
 */
const DERIVED_NON_NAME_SUFFIXES = ['care', 'ism', 'isms', 'mania', 'nomics', 'omics', 'gate'];
/** How close another person's name must stand to count as a list of people. */
const NEIGHBOUR_TOKENS = 2;
/** A name particle glued to a surname (`al-Khatib`, `el-Sisi`): lower case, but part of the name. */
const GLUED_PARTICLE = /^(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu|abd)-/;
/** Characters never found in a person's name (`C2I`, `Moore & Van Allen`, `@HillaryClinton`). */
const NOT_IN_A_NAME = /[\d&@#/]/;
/** The sides of a legislature whose leaders' titles follow its name (`Senate Majority Leader`). */
const CHAMBER_SIDES: ReadonlySet<string> = new Set(['Majority', 'Minority']);
/** A party's initial and a state (`R-Fla`, `D-N` of `D-N.J.`, `I-Vt`), as in the tags after US politicians' names. */
const PARTY_TAG = /^[DRI]-\p{Lu}/u;

/** A mention being repaired: its tokens in its sentence, `[first, last)`. */
interface Work {
  readonly sentence: number;
  first: number;
  last: number;
  type: EntityType;
  /** Dropped: not an entity after all. */
  dropped: boolean;
  readonly headline: boolean;
  readonly original: EntityMention;
}

/**
 * Repairs the recogniser's mentions with evidence from the whole article, after recognition and
 * before figures and people's input (`analysis.ts`). A person is a person:
 * - **headlines**: in a title-case line (`headlines.ts`) a person is kept only as far as the body of
 *   the article names that person (`Barack Obama Just` → `Barack Obama`, `Clinton Hid` → `Clinton`,
 *   `Reveals` → nothing);
 * - **words capitalised by position** are not names: a sentence-initial word (or one right after an
 *   opening quote) that the article writes in lower case elsewhere, or an ordinary English word it
 *   never capitalises mid-sentence, is cut off (`Sadly`, `Take`, `Do` of `Don't`); so are a leading
 *   group word (`Libertarian Gary Johnson`), a plural title (`Senators Charles E. Grassley`), a lower-case
 *   word (`no. Rasmussen`), a modifier suffix (`Warren-style`) and anything from a bracket on;
 * - **groups, places, events, organisations** are not people: names of groups of people (`Muslims`,
 *   `Hispanic`, `Reagan Democrats`, `the Clintons`), names ending in a head noun (`Trauma Center` →
 *   organisation, `Capitol Hill` → place, `Super Tuesday` → no entity), names made of ordinary words
 *   only (`Fancy Bear`), an ordinary word alone (`Times`, `Patriot`) with no title before it and no
 *   full name of the article containing it, a word made from a person's surname (`Obamacare`), a
 *   name followed by a state (`Charlotte, N.C.` → place, and `Charlotte` elsewhere in the article too),
 *   handles (`@HillaryClinton`), names with digits or `&`, and party tags (`(D-Va.)`, `(Ky.)`); a law or
 *   doctrine made from a surname is no place or organisation either (`Obamacare`, `Reaganomics`), nor is a law, a
 *   document or an era named with its head noun (`Freedom of Information Act`, `Constitution`, `Great Recession`);
 * - **the article's own types**: a one-word "person" the article gives no sign of being one is
 *   dropped (`Theranos`), and one that begins a longer organisation or place takes its type
 *   (`Peabody` beside `Peabody Energy`).
 * Returns mentions sorted, non-overlapping, each with `text === text.slice(start, end)`.
 */
export function repairEntities(text: string, sentences: readonly Sentence[], mentions: readonly EntityMention[], resources: RepairResources): EntityMention[] {
  if (mentions.length === 0) return [];
  const lexicon = resources.nameLexicon;
  const headline = headlineSentences(text, sentences, lexicon);
  const work = locate(sentences, mentions, headline);
  const evidence = new DocumentEvidence(sentences, headline, work);
  const placeNames = new Set<string>();
  dropHeadlineWordsTakenForNames(sentences, work, lexicon);
  findPeopleInHeadlineNames(sentences, work, lexicon);
  cutHeadlineNamesToKnownParts(sentences, work, lexicon);
  // A law or a doctrine named after a person (`Obamacare` read as a place): no entity of any type, in a headline too
  // (the word says so, not its capital).
  const namedAfterPerson = (item: Work) =>
    (item.type === 'location' || item.type === 'organization') && item.last - item.first === 1 && madeFromSurname(sentences[item.sentence].tokens[item.first].text, DERIVED_NON_NAME_SUFFIXES, evidence, lexicon);
  for (const item of work) {
    if (item.headline) {
      if (namedAfterPerson(item)) item.dropped = true;
      continue;
    }
    const before = sentences[item.sentence].tokens[item.first - 1];
    // Handles and hashtags (`@HillaryClinton`, `@NolteNC`, `#NeverTrump`): an account or a topic, not a name.
    if (ACTOR_TYPES.has(item.type) && before && (before.text === '@' || before.text === '#') && before.end === sentences[item.sentence].tokens[item.first].start) item.dropped = true;
    else if (item.type === 'person') {
      const verdict = repairPerson(sentences, item, evidence, resources, placeNames);
      if (verdict === 'drop') item.dropped = true;
      else if (verdict !== undefined) item.type = verdict;
    }
    // A party tag or a title read as a place or an organisation (`(R-Fla.)`, `Sens.`): no entity of any type.
    else if (item.last - item.first === 1 && isTagOrTitle(sentences[item.sentence].tokens[item.first].text, resources.vocabulary)) item.dropped = true;
    else if (namedAfterPerson(item)) item.dropped = true;
    // A family read as an organisation or a place (`the Khans`, `The Ebelings`): people, not a body; as for a person mention.
    else if ((item.type === 'organization' || item.type === 'location') && item.last - item.first === 1 && evidence.isFamilyName(sentences[item.sentence].tokens[item.first].text)) item.dropped = true;
    // A law, a document or an era read as an organisation (`Freedom of Information Act`, the `Constitution`, `Great
    // Recession`): CoNLL's miscellaneous names, which the analysis reports as no actor. Not `Revolution`: `Our Revolution`
    // is a body, `New England Revolution` a club.
    else if (item.type === 'organization' && namesDocument(sentences[item.sentence].tokens, item, lexicon)) item.dropped = true;
    // An organisation the lists know and no place list names, read as a place after `on`, `to` or `in` (`on Twitter`,
    // `posted on Facebook`, `told Politico`): the tagger's list feature lost to the preposition; the name is no place.
    else if (item.type === 'location' && lexicon.isListedOrganisation(item.original.text)) item.type = 'organization';
    // The tagger may have read the placed mention itself as a place already: the text places the name all the same.
    else if (item.type === 'location' && item.last - item.first === 1 && followedByState(sentences[item.sentence].tokens, item.last, lexicon)) {
      placeNames.add(sentences[item.sentence].tokens[item.first].text);
    }
  }
  for (const item of work) {
    if (!item.dropped && item.type === 'organization') leaveChamberTitle(sentences[item.sentence].tokens, item);
  }
  joinHeadOfPlace(sentences, work, lexicon);
  joinBodiesToWhatTheyServe(sentences, work, headline, evidence, resources);
  splitBodiesJoinedByAnd(sentences, work, lexicon);
  repairPoliticalActionCommittees(sentences, work, evidence, lexicon);
  dropNamesEndingTitles(sentences, work, evidence, resources);
  // A name the article places (`Charlotte, N.C.`) is a place wherever it stands alone.
  if (placeNames.size > 0) {
    for (const item of work) {
      if (!item.dropped && item.type === 'person' && item.last - item.first === 1 && placeNames.has(sentences[item.sentence].tokens[item.first].text)) item.type = 'location';
    }
  }
  peopleTakenForOrganisations(sentences, work, resources);
  givenNamesTakenForOrganisations(sentences, work, lexicon);
  dropNamesWithoutEvidence(sentences, work, evidence, resources);
  followLongerNames(sentences, work, resources.vocabulary);
  repairNamesInContext(text, sentences, work, lexicon);
  oneTypePerName(text, sentences, work, lexicon);
  const out: EntityMention[] = [];
  for (const item of work) {
    if (item.dropped || item.first >= item.last) continue;
    const tokens = sentences[item.sentence].tokens;
    const start = tokens[item.first].start;
    let end = tokens[item.last - 1].end;
    const last = tokens[item.last - 1].text;
    const suffix = item.type === 'person' && last.includes('-') ? MODIFIER_SUFFIX.exec(last) : null;
    if (suffix) end -= suffix[0].length;
    // Most mentions come through unchanged: keep the recogniser's object.
    const original = item.original;
    if (original.start === start && original.end === end && original.type === item.type) {
      out.push(original);
      continue;
    }
    out.push({ start, end, type: item.type, text: text.slice(start, end) });
  }
  return out;
}

/**
 * Whether an organisation's name ends in the head noun of a law, a document or an era (`name-heads.tsv`, `document`),
 * and is not a body's name that goes on with what it deals with (`Committee on the Constitution`: a body's head noun
 * before the link). Events are left alone: `convention` ends bodies' names too (`National Baptist Convention`).
 */
function namesDocument(tokens: readonly Token[], item: Work, lexicon: NameLexicon): boolean {
  const head = tokens[item.last - 1].text;
  // An acronym is no head noun (`ACT`, the testing body); a name the lists know as an organisation is one.
  if (lexicon.headOf(head)?.document !== true || head === head.toUpperCase() || lexicon.isListedOrganisation(item.original.text)) return false;
  for (let i = item.first + 1; i < item.last - 1; i++) {
    if (LINK_WORDS.has(tokens[i].text) && lexicon.headOf(tokens[i - 1].text)?.kind === 'organization') return false;
  }
  return true;
}

/** The words a body's name goes on with to what it serves or deals with. */
const LINK_WORDS: ReadonlySet<string> = new Set(['of', 'for', 'on']);

/** Finds each mention's tokens; mentions that do not fall on token boundaries are kept as they are (figures, labels). */
/**
 * An organisation or a place in a headline made only of words title case capitalises (`A Sign Of Leadership`,
 * `To Die On The Street`, `Trade Deal Backfire`) is no name unless the article's body names it too or the
 * tagger's lists know it (`Middle East`, `World Bank`): in a title-case line the capitals that are the
 * tagger's evidence of a name are there for every word. People in headlines have their own rule
 * ({@link repairNamesInContext}).
 */
function dropHeadlineWordsTakenForNames(sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon): void {
  let bodyNames: string[] | undefined;
  for (const item of work) {
    if (!item.headline || (item.type !== 'organization' && item.type !== 'location')) continue;
    const tokens = sentences[item.sentence].tokens;
    let wordsOnly = true;
    for (let i = item.first; i < item.last && wordsOnly; i++) wordsOnly = isTitleCaseWord(tokens[i], lexicon);
    if (!wordsOnly || hasNameHead(tokens, item.first, item.last, lexicon)) continue;
    const name = nameKey(tokens, item.first, item.last);
    if (lexicon.isListedName(name)) continue;
    // Names the body gives (any type: a headline may call a person's foundation what the body calls the person's).
    if (!bodyNames) {
      bodyNames = [];
      for (const other of work) if (!other.headline) bodyNames.push(` ${nameKey(sentences[other.sentence].tokens, other.first, other.last)} `);
    }
    // The body's name, or for a name of several words a longer one holding it word for word (`Supreme Court` of
    // `U.S. Supreme Court`; a word alone, `News`, is no name for being part of `Fox News`).
    const words = ` ${name} `;
    const several = item.last - item.first >= 2;
    if (!bodyNames.some((body) => (several ? body.includes(words) : body === words))) item.dropped = true;
  }
}

/**
 * A headline's organisation or place that neither the lists nor the body name, holding at one end a name they do, is
 * that name with headline words glued on (`ESPN Fires`, `NFL Legend`, `Washington Post Assembles`): in a title-case line
 * the tagger runs a name on into the capitalised words beside it. Cut to the longest such part (a body name of an
 * organisation or a place; a person's name was read before, `findPeopleInHeadlineNames`).
 */
function cutHeadlineNamesToKnownParts(sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon): void {
  let bodyNames: Set<string> | undefined;
  const known = (tokens: readonly Token[], first: number, last: number) => {
    const name = nameKey(tokens, first, last);
    if (lexicon.isListedName(name)) return true;
    if (!bodyNames) {
      bodyNames = new Set();
      for (const other of work) {
        if (!other.headline && !other.dropped && (other.type === 'organization' || other.type === 'location')) bodyNames.add(nameKey(sentences[other.sentence].tokens, other.first, other.last));
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
function findPeopleInHeadlineNames(sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon): void {
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
      if (isTitleCaseWord(tokens[i], lexicon)) glue++;
      else glued = bodyWords.has(tokens[i].text.toLowerCase());
    }
    if (!glued || glue === 0) continue;
    item.first = best.from;
    item.last = best.to;
    item.type = 'person';
  }
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
    names.add(nameKey(tokens, other.first, other.last));
    if (other.last - other.first >= 2) names.add(tokens[other.last - 1].text.toLowerCase());
  }
  return names;
}

/**
 * True when a name of several words is built as organisations and places are: on a head noun (`Black Caucus
 * Foundation`, `Kent County`) or a head noun before `of` (`Department Of Homeland Security`). A head noun alone
 * (`Institute`) is a word.
 */
function hasNameHead(tokens: readonly Token[], first: number, last: number, lexicon: NameLexicon): boolean {
  if (last - first < 2) return false;
  const isHead = (i: number) => {
    const kind = lexicon.headOf(tokens[i].text)?.kind;
    return kind === 'organization' || kind === 'location';
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

/** The words of a mention, lower case, one space between them: `Department Of Homeland Security` is `department of homeland security`. */
function nameKey(tokens: readonly Token[], first: number, last: number): string {
  let key = tokens[first].text.toLowerCase();
  for (let i = first + 1; i < last; i++) key += ' ' + tokens[i].text.toLowerCase();
  return key;
}

function locate(sentences: readonly Sentence[], mentions: readonly EntityMention[], headline: Uint8Array): Work[] {
  const work: Work[] = [];
  let s = 0;
  for (const mention of mentions) {
    while (s < sentences.length && sentences[s].end <= mention.start) s++;
    if (s >= sentences.length) break;
    const tokens = sentences[s].tokens;
    const first = lowerBound(tokens.length, (k) => tokens[k].start >= mention.start);
    let last = first;
    while (last < tokens.length && tokens[last].end <= mention.end) last++;
    if (first >= last || tokens[first].start !== mention.start || tokens[last - 1].end !== mention.end) continue;
    work.push({ sentence: s, first, last, type: mention.type, dropped: false, headline: headline[s] === 1, original: mention });
  }
  return work;
}

/** What the article says about its words: how it writes them, and which are parts of people's names. */
class DocumentEvidence {
  /** Words of multi-word person names outside headlines, lower-cased (`hillary`, `clinton`). */
  readonly fullNameWords = new Set<string>();
  /** Last words of multi-word person names outside headlines, as written (`Clinton`, `Obama`). */
  readonly surnames = new Set<string>();
  /**
   * True for the plural of a surname of the article's people (`Khans` where Khizr Khan is named, `Rickettses`):
   * a family, which names several people and no body.
   */
  isFamilyName(word: string): boolean {
    return (word.endsWith('s') && this.surnames.has(word.slice(0, -1))) || (word.endsWith('es') && this.surnames.has(word.slice(0, -2)));
  }

  /** How the article writes its words, read on first use (most articles never ask). */
  private cases: { readonly lowerCase: ReadonlySet<string>; readonly capitalisedMid: ReadonlySet<string> } | undefined;

  constructor(
    private readonly sentences: readonly Sentence[],
    private readonly headline: Uint8Array,
    private readonly work: readonly Work[],
  ) {
    for (const item of work) {
      if (item.type !== 'person' || item.headline || item.last - item.first < 2) continue;
      const tokens = sentences[item.sentence].tokens;
      for (let i = item.first; i < item.last; i++) this.fullNameWords.add(tokens[i].text.toLowerCase());
      this.surnames.add(tokens[item.last - 1].text);
    }
  }

  /**
   * A word capitalised only by its position: never capitalised mid-sentence here, not a given name,
   * and alone (`Sadly`, `Keepin`) an ordinary English word or one the article writes in lower case;
   * before a full name an ordinary word (`Libertarian`); before one more word an ordinary word the
   * article also writes in lower case (`Given Obama`, but not `Tiger Woods`, nor `Bill Maher` where
   * `Bill` is a name).
   */
  capitalisedByPosition(word: string, lexicon: NameLexicon, alone: boolean, fullNameAfter: boolean): boolean {
    const lower = word.toLowerCase();
    const { lowerCase, capitalisedMid } = this.casesOf();
    if (capitalisedMid.has(lower) || lexicon.isGivenName(word)) return false;
    if (alone) return lexicon.isOrdinaryWord(word) || lowerCase.has(lower);
    // Before one more word only when the article also writes it in lower case (`Given Obama`, not `Tiger Woods`).
    return lexicon.isOrdinaryWord(word) && (fullNameAfter || lowerCase.has(lower));
  }

  /**
   * Words the article writes in lower case, and words it capitalises where position does not
   * (mid-sentence, outside headlines), both lower-cased.
   */
  private casesOf(): NonNullable<DocumentEvidence['cases']> {
    if (this.cases) return this.cases;
    // Only the words that can be asked about (people's names that begin a sentence) are looked for,
    // as written and in lower case: one pass of two set lookups per token, nothing lower-cased.
    const asked = new Map<string, string>();
    for (const item of this.work) {
      const tokens = this.sentences[item.sentence].tokens;
      if (item.type !== 'person' || item.headline || !isInitial(tokens, item.first)) continue;
      const word = tokens[item.first].text;
      asked.set(word, word.toLowerCase());
    }
    const lowered = new Set(asked.values());
    const lowerCase = new Set<string>();
    const capitalisedMid = new Set<string>();
    // The set look-ups hash each token's text: the first character and the length of the words
    // looked for rule out most tokens first (a pass over every token of the article).
    // A long article asks about words of most initials: a table of first code units, not a list to search.
    const words = [...asked.keys(), ...lowered];
    const firstCodes = FIRST_CODES;
    let lengths = 0;
    for (const word of words) {
      firstCodes[word.charCodeAt(0)] = 1;
      lengths |= 1 << Math.min(word.length, 31);
    }
    try {
      this.sentences.forEach((sentence, s) => {
        const tokens = sentence.tokens;
        for (let i = 0; i < tokens.length; i++) {
          const text = tokens[i].text;
          if ((lengths & (1 << Math.min(text.length, 31))) === 0 || firstCodes[text.charCodeAt(0)] === 0) continue;
          if (lowered.has(text)) lowerCase.add(text);
          else if (asked.has(text) && !this.headline[s] && !isInitial(tokens, i)) capitalisedMid.add(asked.get(text)!);
        }
      });
    } finally {
      for (const word of words) firstCodes[word.charCodeAt(0)] = 0;
    }
    this.cases = { lowerCase, capitalisedMid };
    return this.cases;
  }

  /** The recogniser's mention a token is part of, if any (mentions are in document order). */
  mentionAt(sentence: number, index: number): Work | undefined {
    const work = this.work;
    const k = lowerBound(work.length, (i) => work[i].sentence > sentence || (work[i].sentence === sentence && work[i].last > index));
    const found = work[k];
    return found && found.sentence === sentence && found.first <= index && index < found.last ? found : undefined;
  }
}

/**
 * The table of first code units {@link DocumentEvidence} marks the words it looks for in, one for the process and
 * left all zero after each use: a fresh 64 KB table per article (an array buffer, allocated outside the heap and
 * zeroed) was most of the repair's time when many articles are repaired one after another.
 */
const FIRST_CODES = new Uint8Array(65536);

function isInitial(tokens: readonly Token[], i: number): boolean {
  return i === 0 || OPENERS.has(tokens[i - 1].text);
}

/**
 * What a person mention is after all: `drop` (no entity), another type, or undefined (a person, its words
 * `[first, last)` cut to the name here). The drop or the new type is returned, not applied: each of the many rare exits is then a constant,
 * which V8 compiles without the type feedback a call or a store needs (each such exit taken for the first time
 * threw away this function's optimised code and compiled it again).
 */
function repairPerson(sentences: readonly Sentence[], item: Work, evidence: DocumentEvidence, resources: RepairResources, placeNames: Set<string>): 'drop' | EntityType | undefined {
  const { nameLexicon: lexicon, vocabulary } = resources;
  const tokens = sentences[item.sentence].tokens;
  const before = tokens[item.first - 1];
  // Party tags (`(D-Va.)`, `(Ky.)`); handles and hashtags went before (`repairEntities`).
  const only = tokens[item.first].text;
  if (item.last - item.first === 1 && (PARTY_TAG.test(only) || (before?.text === '(' && (lexicon.isStateAbbreviation(only) || lexicon.isStateAbbreviation(`${only}.`))))) return 'drop';
  // A name ends where a bracket opens (`Scott (D-Va`).
  for (let i = item.first; i < item.last; i++) {
    if (tokens[i].text === '(' || tokens[i].text === ')') {
      item.last = i;
      break;
    }
  }
  for (let i = item.first; i < item.last; i++) if (NOT_IN_A_NAME.test(tokens[i].text)) return 'drop';
  // Words in front of the name that are not part of it. A capitalised word is cut only where a full
  // name stays after it (`Libertarian Gary Johnson`), or alone (`Sadly`): `Tiger Woods`, `Christian Arrue`.
  while (item.last - item.first > 0) {
    const word = tokens[item.first].text;
    const alone = item.last - item.first === 1;
    const nameAfter = item.last - item.first > 2;
    const leading =
      (wordCase(tokens[item.first]) === 'lower' && !vocabulary.isNameParticle(word) && !GLUED_PARTICLE.test(word)) ||
      (isInitial(tokens, item.first) && evidence.capitalisedByPosition(word, lexicon, alone, nameAfter)) ||
      (nameAfter && lexicon.isGroupNoun(word) && !lexicon.isGivenName(word)) ||
      (!alone && /s$/.test(word) && vocabulary.isRoleWord(word.slice(0, -1)));
    if (!leading) break;
    item.first++;
  }
  const n = item.last - item.first;
  if (n === 0) return 'drop';
  const words: string[] = [];
  for (let i = item.first; i < item.last; i++) words.push(tokens[i].text);
  if (words[n - 1].includes('-')) words[n - 1] = words[n - 1].replace(MODIFIER_SUFFIX, '');
  const last = words[n - 1];
  // Groups of people: `Muslims`, `Reagan Democrats`, the `Clintons`; but `Mark Cuban` is a person.
  const givenNameFirst = n > 1 && words.slice(0, -1).some((w) => lexicon.isGivenName(w));
  if (lexicon.isGroupNoun(last) && !(givenNameFirst && !/s$/.test(last))) return 'drop';
  if (evidence.isFamilyName(last)) return 'drop';
  // A name followed by a head noun the tagger left out (`Steve Harvey Morning` `Show`) names that thing.
  const next = tokens[item.last];
  const nextHead = next && next.start === tokens[item.last - 1].end + 1 && wordCase(next) === 'capitalised' ? lexicon.headOf(next.text) : undefined;
  if (nextHead && nextHead.kind !== 'event' && !(givenNameFirst && nextHead.kind !== 'organization')) {
    // The head may be a mention of its own (`Show` read as a person): it becomes part of this one.
    const own = evidence.mentionAt(item.sentence, item.last);
    if (!own || own.last - own.first === 1) {
      if (own) own.dropped = true;
      item.last++;
      return nextHead.kind;
    }
  }
  const head = lexicon.headOf(last);
  if (head && n > 1) {
    // After a given name a place or calendar word is a surname (`Michael Bay`, `Kristen Day`); an
    // organisation's head only when it is a common surname too (`Emily Post`, not `Charlotte Observer`).
    if (!(givenNameFirst && (head.kind !== 'organization' || head.surname))) return head.kind === 'event' ? 'drop' : head.kind;
  }
  if (head && n === 1 && !isTitled(tokens, item.first, vocabulary)) {
    if (head.kind === 'event') return 'drop';
    // `Healthcare`, `the Times`, `Awards Fund` (a name cut short); but `Hill said` is Mr. Hill.
    const previous = item.first > 0 ? tokens[item.first - 1] : undefined;
    const surnameToo = head.kind !== 'organization' || head.surname;
    if (!surnameToo || (previous && (previous.text === 'the' || previous.text === 'The' || wordCase(previous) === 'capitalised'))) return head.kind;
  }
  if (n > 1 && words.every((w) => lexicon.isOrdinaryWord(w) || lexicon.headOf(w)?.kind === 'event')) return 'drop';
  // An ordinary word after ordinary words or a surname is not a name (`Zero Hedge`, `Trump Rally`,
  // `Sanders Is`); after a given name or an unknown word it may be one (`Samantha Power`, `Butch Otter`).
  const surnameOrWord = (w: string) => lexicon.isOrdinaryWord(w) || lexicon.isKnownSurname(w) || evidence.surnames.has(w);
  if (n > 1 && lexicon.isOrdinaryWord(last) && !givenNameFirst && words.slice(0, -1).every(surnameOrWord)) return 'drop';
  if (n === 1) {
    if (!isTitled(tokens, item.first, vocabulary) && lexicon.isOrdinaryWord(last) && !evidence.fullNameWords.has(last.toLowerCase())) return 'drop';
    // A word made from a surname (`Obamacare`, `Clintonite`, `Reaganomics`).
    if (madeFromSurname(last, DERIVED_SUFFIXES, evidence, lexicon)) return 'drop';
  }
  // A name followed by a state is a place (`Charlotte, N.C.`, `Everett, Wash.`), but not one in a
  // list followed by a state's politician (`Chris Christie, Ohio Gov. John Kasich`).
  if (followedByState(tokens, item.last, lexicon)) {
    if (n === 1) placeNames.add(tokens[item.first].text);
    return 'location';
  }
  return undefined;
}

/** True for a word made of a surname (of the article or the lists) and one of `suffixes`, unless it is a given name itself. */
function madeFromSurname(word: string, suffixes: readonly string[], evidence: DocumentEvidence, lexicon: NameLexicon): boolean {
  for (const suffix of suffixes) {
    if (word.length < suffix.length + 3 || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if ((evidence.surnames.has(stem) || lexicon.isKnownSurname(stem)) && !lexicon.isGivenName(word)) return true;
  }
  return false;
}

/** `, N.C.`, `, Wash.,` or `, Ohio.` at `index`: a comma, a state, then no capitalised word. */
function followedByState(tokens: readonly Token[], index: number, lexicon: NameLexicon): boolean {
  const state = tokens[index + 1];
  if (tokens[index]?.text !== ',' || !state) return false;
  let next = index + 2;
  let abbreviation = lexicon.isStateAbbreviation(state.text) && state.text.endsWith('.');
  if (!abbreviation && tokens[next]?.text === '.' && tokens[next].start === state.end && lexicon.isStateAbbreviation(`${state.text}.`)) {
    abbreviation = true;
    next++;
  }
  if (!abbreviation && !lexicon.isStateAbbreviation(state.text)) return false;
  return next >= tokens.length || wordCase(tokens[next]) !== 'capitalised';
}

/**
 * A party tag (`R-Fla` of `(R-Fla.)`, `D-N` of `(D-N.J.)`: party, hyphen, state) or a title (`Sens` of `Sens. Jeff
 * Merkley`), which the tagger may read as a place or an organisation; a person so read is repaired by
 * {@link repairPerson}.
 */
function isTagOrTitle(word: string, vocabulary: Vocabulary): boolean {
  return PARTY_TAG.test(word) || vocabulary.isRoleWord(word) || vocabulary.isHonorific(word);
}

/**
 * A chamber's name read with the first word of its leaders' title (`Senate Majority` of `Senate Majority Leader
 * Mitch McConnell`, `House Minority` of `House Minority Whip`): the organisation is the chamber.
 */
function leaveChamberTitle(tokens: readonly Token[], item: Work): void {
  const next = tokens[item.last];
  if (item.last - item.first >= 2 && next && CHAMBER_SIDES.has(tokens[item.last - 1].text) && (next.text === 'Leader' || next.text === 'Whip')) item.last--;
}

/**
 * A person or an organisation that ends a longer title-case name the tagger cut (`State of the` `Union`, `Star of`
 * `David`, `Day of the` `Donald`): the name is a title, a show or an event, CoNLL's miscellaneous, and what it ends
 * names no actor. Read where an ordinary word is capitalised before `of` or `of the` in the body (in a title-case line
 * every word is) and not at the start of a sentence, nor a role (`Speaker of the House`), a group (`Supporters of
 * Hillary Clinton`) or a head noun that begins a body's or a place's name (`University of`, `District of`). Places are
 * left alone: `Horn of Africa` is still somewhere.
 */
function dropNamesEndingTitles(sentences: readonly Sentence[], work: readonly Work[], evidence: DocumentEvidence, resources: RepairResources): void {
  const lexicon = resources.nameLexicon;
  for (const item of work) {
    if (item.dropped || item.headline || (item.type !== 'person' && item.type !== 'organization')) continue;
    const tokens = sentences[item.sentence].tokens;
    let of = item.first - 1;
    if (tokens[of]?.text === 'the') of--;
    if (of < 2 || tokens[of].text !== 'of') continue;
    const word = tokens[of - 1];
    if (word.end + 1 !== tokens[of].start || wordCase(word) !== 'capitalised') continue;
    // At the start of a sentence or a quotation the capital says nothing (`“Because of Bernie Sanders`), unless the
    // quotation is the name itself, closing right after it (`CNN’s “State of the Union,”`).
    if (isInitial(tokens, of - 1) && !(QUOTE_OPENERS.has(tokens[of - 2]?.text) && closesQuote(tokens, item.last))) continue;
    // A plural heads a group of people or things, or a body (`Fans of Bradley Cooper`, `Generals of the USFL`, `Friends of
    // the Earth Action`).
    if (/[^s]s$/.test(word.text)) continue;
    if (!lexicon.isOrdinaryWord(word.text) || lexicon.isGroupNoun(word.text) || resources.vocabulary.isRoleWord(word.text) || resources.vocabulary.isHonorific(word.text)) continue;
    const head = lexicon.headOf(word.text);
    if ((head && head.kind !== 'event') || evidence.mentionAt(item.sentence, of - 1)) continue;
    item.dropped = true;
  }
}

/** The acronym of a political action committee as US news writes it, the head noun of the body's name (`Conservative Solutions PAC`). */
const PAC = /^PACs?$/;

/** Lower-case words that join the words of a committee's name (`Keep the Promise PAC`, `Ready for Hillary PAC`). */
const NAME_JOINERS: ReadonlySet<string> = new Set(['the', 'for', 'of', 'and', '&']);

/**
 * Political action committees, which US campaign news names in nearly every article about money (about 170 mentions
 * over PolNeAR train + dev). `PAC` is a common noun as often as a name: `super PAC`, `a PAC`, `PACs` name no body (no
 * entity), `the PAC` does (the short form of the article's one committee, `actors.ts`). A name the tagger cut before
 * `PAC` takes it in (`House Majority` `PAC`), a `PAC` after capitalised words takes them in (`Ready` `PAC`, `Keep the
 * Promise` `PAC`), and a name ending in `PAC` is an organisation (`Our Principles PAC` was read as a place).
 */
function repairPoliticalActionCommittees(sentences: readonly Sentence[], work: readonly Work[], evidence: DocumentEvidence, lexicon: NameLexicon): void {
  for (const item of work) {
    if (item.dropped || item.headline) continue;
    const tokens = sentences[item.sentence].tokens;
    const next = tokens[item.last];
    // The common noun before a committee's name is no part of it (`super PAC` `Priorities USA Action`), nor a sentence's
    // opening word (`As Purple PAC's Crane said`).
    if (item.last - item.first > 1 && PAC.test(tokens[item.first].text) && tokens[item.first - 1]?.text.toLowerCase() === 'super') item.first++;
    if (item.last - item.first > 1 && isInitial(tokens, item.first) && CLAUSE_OPENING_WORDS.has(tokens[item.first].text) && PAC.test(tokens[item.last - 1].text)) item.first++;
    if (!PAC.test(tokens[item.last - 1].text)) {
      if (!next || !PAC.test(next.text) || next.start !== tokens[item.last - 1].end + 1) continue;
      const own = evidence.mentionAt(item.sentence, item.last);
      if (own && own.last - own.first !== 1) continue;
      if (own) own.dropped = true;
      item.last++;
      // `Ready for` `Hillary` `PAC`: the words before the name the tagger found are the committee's too.
      item.first = committeeNameStart(tokens, item, evidence, lexicon);
      item.type = 'organization';
      continue;
    }
    const words = item.last - item.first;
    const before = tokens[item.first - 1];
    const superPac = words === 2 && tokens[item.first].text.toLowerCase() === 'super';
    if (words === 1 || superPac) {
      // `super PAC`, `PACs`, `a PAC`, `leadership PAC`: the common noun.
      if (superPac || tokens[item.last - 1].text === 'PACs' || (before && before.text.toLowerCase() === 'super') || (before && wordCase(before) === 'lower' && before.text !== 'the')) {
        item.dropped = true;
        continue;
      }
    }
    const start = committeeNameStart(tokens, item, evidence, lexicon);
    // `a Republican PAC`: a kind of committee, not one.
    const determiner = tokens[start - 1]?.text.toLowerCase();
    if (words === 1 && start < item.first && (determiner === 'a' || determiner === 'an')) {
      item.dropped = true;
      continue;
    }
    item.first = start;
    item.type = 'organization';
  }
}

/**
 * Where the name of a committee ending at `item` begins: the capitalised words before it and the lower-case words
 * joining them (`Keep the Promise PAC`), not an article, another mention, nor a sentence's first word capitalised by its
 * position alone (`As Purple PAC's Crane said`).
 */
function committeeNameStart(tokens: readonly Token[], item: Work, evidence: DocumentEvidence, lexicon: NameLexicon): number {
  const capitalised = (token: Token) => wordCase(token) === 'capitalised' && !ARTICLE_WORDS.has(token.text);
  let start = item.first;
  for (let i = item.first - 1; i >= 0; i--) {
    const token = tokens[i];
    if (evidence.mentionAt(item.sentence, i) || CLAUSE_OPENING_WORDS.has(token.text)) break;
    if (isInitial(tokens, i) && evidence.capitalisedByPosition(token.text, lexicon, false, false)) break;
    if (capitalised(token)) start = i;
    else if (!(NAME_JOINERS.has(token.text) && i > 0 && capitalised(tokens[i - 1]))) break;
  }
  return start;
}

/** Words that open a sentence or a clause and never a committee's name (`As Purple PAC's Crane said`). */
const CLAUSE_OPENING_WORDS: ReadonlySet<string> = new Set(['As', 'But', 'And', 'Or', 'When', 'While', 'If', 'Since', 'After', 'Before', 'Because', 'Although', 'Though', 'So', 'Yet', 'Then']);

/** Capitalised articles: the start of a sentence, not of a name. */
const ARTICLE_WORDS: ReadonlySet<string> = new Set(['The', 'A', 'An']);

/** The quotation marks that open a title (`“State of the Union”`). */
const QUOTE_OPENERS: ReadonlySet<string> = new Set(['“', '‘', '"', "'", "''", '``']);

/** True when a quotation closes at `index`, after a comma or a full stop maybe (`Union,”`). */
function closesQuote(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index]?.text === ',' || tokens[index]?.text === '.' ? tokens[index + 1] : tokens[index];
  return next !== undefined && (next.text === '”' || next.text === '’' || next.text === '"' || next.text === "'" || next.text === "''");
}

/** A title or honorific right before the word (`President Obama`, `Mr. Young`, `Gov. Kasich`). */
function isTitled(tokens: readonly Token[], index: number, vocabulary: Vocabulary): boolean {
  const previous = tokens[index - 1]?.text;
  return previous !== undefined && (vocabulary.isHonorific(previous) || vocabulary.isRoleWord(previous));
}

/**
 * A one-word "person" the article gives no sign of being one is dropped (`Theranos`, `Instagram`,
 * `Jukebox`): a sign is a given name (`Bernie`), a known surname or name (`Obama`, `Yeltsin`), a
 * surname of a full name of the article, a title or honorific before it (`Pope Francis`), a speech
 * verb beside it (`Gearan said`, `said Gearan`), or another person's name beside it (a list) at any
 * of its mentions.
 */
function dropNamesWithoutEvidence(sentences: readonly Sentence[], work: readonly Work[], evidence: DocumentEvidence, resources: RepairResources): void {
  const { nameLexicon: lexicon, vocabulary, quotes } = resources;
  const speech = (token: Token | undefined) => token !== undefined && quotes.speechVerbs.has(token.text.toLowerCase());
  const signed = new Set<string>();
  const candidates: Work[] = [];
  const besidePerson = personBesideTest(work);
  for (const item of work) {
    if (item.dropped || item.type !== 'person' || item.headline || item.last - item.first !== 1) continue;
    const tokens = sentences[item.sentence].tokens;
    const word = tokens[item.first].text;
    if (signed.has(word)) continue;
    const known = lexicon.isGivenName(word) || lexicon.isKnownSurname(word) || lexicon.isKnownName(word) || evidence.fullNameWords.has(word.toLowerCase());
    if (known || isTitled(tokens, item.first, vocabulary) || speech(item.first + 1 < tokens.length ? tokens[item.first + 1] : undefined) || speech(item.first > 0 ? tokens[item.first - 1] : undefined) || besidePerson(item)) signed.add(word);
    else candidates.push(item);
  }
  for (const item of candidates) if (!signed.has(sentences[item.sentence].tokens[item.first].text)) item.dropped = true;
}

/**
 * One name, one type in an article ("one sense per discourse"): where the tagger gave the same name two
 * types of actor (`Politico` an organisation in one sentence, a place after `according to`; `Facebook`, `Planned
 * Parenthood`), every mention takes the type most of them have, so the article has one actor, not two. A tie
 * goes the way the name says when its lists or its head noun do (`Greenpeace`, `Polk County`), and else leaves the
 * mentions as they are: there is no evidence which is right, and a name may be two things (`Cleveland` the city and
 * the team).
 */
function oneTypePerName(text: string, sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon): void {
  const votes = new Map<string, { person: number; organization: number; location: number }>();
  const names: (string | undefined)[] = [];
  let mixed = false;
  for (const item of work) {
    let name: string | undefined;
    if (!item.dropped && item.first < item.last && ACTOR_TYPES.has(item.type)) {
      const tokens = sentences[item.sentence].tokens;
      name = text.slice(tokens[item.first].start, tokens[item.last - 1].end);
      let count = votes.get(name);
      if (!count) votes.set(name, (count = { person: 0, organization: 0, location: 0 }));
      else if (count[item.type as ActorType] === 0) mixed = true;
      count[item.type as ActorType]++;
    }
    names.push(name);
  }
  if (!mixed) return;
  work.forEach((item, i) => {
    const name = names[i];
    if (name === undefined) return;
    const count = votes.get(name)!;
    const best = VOTED_TYPES.reduce((a, b) => (count[b] > count[a] ? b : a));
    const tied = VOTED_TYPES.filter((type) => count[type] === count[best]);
    if (tied.length === 1) item.type = best;
    else {
      // A tie the name itself decides: a name the lists know only as an organisation (`Greenpeace`, `MSNBC`), or a
      // head noun of one kind (`Polk County`, `Fifth Avenue`, `Capitol Hill`).
      const kind = lexicon.isListedOrganisation(name) ? 'organization' : nameHeadKind(name, lexicon);
      if (kind !== undefined && tied.includes(kind)) item.type = kind;
    }
  });
}

/** The kind of name a name's last word heads, when it is an organisation's or a place's (`County` → location). */
function nameHeadKind(name: string, lexicon: NameLexicon): 'organization' | 'location' | undefined {
  const space = name.lastIndexOf(' ');
  if (space < 0) return undefined;
  const kind = lexicon.headOf(name.slice(space + 1))?.kind;
  return kind === 'organization' || kind === 'location' ? kind : undefined;
}

/** The types an actor may have, in the order a vote between them reads them. */
const VOTED_TYPES = ['person', 'organization', 'location'] as const;
type ActorType = (typeof VOTED_TYPES)[number];

/**
 * Whether another person's name stands within {@link NEIGHBOUR_TOKENS} of a mention: a list or a score line
 * (`Dharmasena , Vaas , Muralitharan`, `c Vaas b Chandana`, `Charlie Sheen and Bill Cosby`). The people
 * of each sentence, as typed when the test is made, are indexed on its first use (most articles never ask).
 */
function personBesideTest(work: readonly Work[]): (item: Work) => boolean {
  let peopleBySentence: Map<number, Work[]> | undefined;
  return (item) => {
    if (!peopleBySentence) {
      peopleBySentence = new Map();
      for (const w of work) {
        if (w.dropped || w.type !== 'person') continue;
        const list = peopleBySentence.get(w.sentence);
        if (list) list.push(w);
        else peopleBySentence.set(w.sentence, [w]);
      }
    }
    return (peopleBySentence.get(item.sentence) ?? []).some((other) => other !== item && (Math.abs(other.first - item.last) <= NEIGHBOUR_TOKENS || Math.abs(item.first - other.last) <= NEIGHBOUR_TOKENS));
  };
}

/**
 * An "organisation" that has the form of a person's name and that the article treats as a person is a
 * person. The tagger learned some surnames as organisations (in its 1996 Reuters training text `Trump` is
 * a company), so the family of a person of the article comes out as one: `Ivanka Trump` and `Melania Trump`
 * beside `Donald Trump`, and sometimes the person too. The form: two or three capitalised words, none in
 * capitals, the first neither an ordinary word nor a group noun unless it is a given name (not `Team Trump`,
 * `Stop Trump`, `Republican Trump`), the last no head noun of an organisation, a place or an event unless a
 * surname may be one (`Pacific Command`, `Marine Corps`). The sign, at any mention of the name outside
 * headlines: its last word is the surname of a person the tagger found in the article (`Trump` of `Donald
 * Trump`); or, when the first word is a given name, a title, honorific or role word before it
 * (`candidate Donald Trump`, `Rep. Hakeem Jeffries`, `leader, Marine Le Pen`) or another person beside it
 * (`Charlie Sheen and Bill Cosby`). Every organisation mention of the name then becomes a person, and an
 * organisation such as `Al Qaeda` or `Morgan Stanley`, with a given name's form but no such sign, stays one.
 */
function peopleTakenForOrganisations(sentences: readonly Sentence[], work: readonly Work[], resources: RepairResources): void {
  const { nameLexicon: lexicon, vocabulary } = resources;
  const nameOf = (item: Work) => {
    const tokens = sentences[item.sentence].tokens;
    let name = tokens[item.first].text;
    for (let i = item.first + 1; i < item.last; i++) name += ` ${tokens[i].text}`;
    return name;
  };
  const besidePerson = personBesideTest(work);
  // The surnames of the people left after the repair of person mentions (not the tagger's `Pacific Command`).
  const surnames = new Set<string>();
  for (const item of work) {
    if (!item.dropped && item.type === 'person' && !item.headline && item.last - item.first >= 2) surnames.add(sentences[item.sentence].tokens[item.last - 1].text);
  }
  const people = new Set<string>();
  const others = new Set<string>();
  for (const item of work) {
    if (item.dropped || item.type !== 'organization' || item.headline) continue;
    const n = item.last - item.first;
    if (n < 2 || n > 3) continue;
    const tokens = sentences[item.sentence].tokens;
    const name = nameOf(item);
    if (people.has(name) || others.has(name)) continue;
    if (!hasPersonNameForm(tokens, item, lexicon)) {
      others.add(name);
      continue;
    }
    const given = lexicon.isGivenName(tokens[item.first].text);
    const before = tokens[item.first - 1];
    const roleBefore = isTitled(tokens, item.first, vocabulary) || (before?.text === ',' && vocabulary.isRoleWord(tokens[item.first - 2]?.text ?? ''));
    if (surnames.has(tokens[item.last - 1].text) || (given && (roleBefore || besidePerson(item)))) people.add(name);
  }
  if (people.size === 0) return;
  // The name's short forms go with it (`Le Pen` of `Marine Le Pen`, `Trump` of `Melania Trump`): one person, not a person and an organisation.
  for (const name of [...people]) {
    for (let space = name.indexOf(' '); space >= 0; space = name.indexOf(' ', space + 1)) people.add(name.slice(space + 1));
  }
  for (const item of work) {
    if (!item.dropped && item.type === 'organization' && item.last - item.first <= 3 && people.has(nameOf(item))) item.type = 'person';
  }
}

/** Articles: a given name after one is no person (`the Blaze`, `a Bill`). */
const ARTICLES = new Set(['the', 'a', 'an']);
/** What joins the names of a list of people (`Bill, Hillary, and Chelsea`, `Bill & Melinda`). */
const COORDINATORS = new Set([',', 'and', 'or', '&']);

/**
 * A given name alone read as an organisation is a person of the article: the tagger learned `Bill` as one
 * (a bill before a parliament, in its 1996 Reuters text), so `Bill, Hillary, and Chelsea`, `not me, not Bill,
 * nobody` and `the Bill Clinton years` put an organisation `Bill` among the article's actors. Right before a
 * person's name the given name begins it (`Bill` | `Clinton` → `Bill Clinton`); elsewhere the sign is a person
 * of the article with that given name, or another person joined to it by `and`, `or`, `&` or a comma (`Steph
 * Curry and Carlton`; not `The Blaze’s Matt Walsh`, nor a name before a lower-case word it qualifies, `Mark Kennedy
 * and Chelsea defender Terry Phelan`: a club). A name after an article (`the Blaze`), in capitals, in a headline, or
 * in the tagger's list of organisations stays.
 */
function givenNamesTakenForOrganisations(sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon): void {
  const isGivenNameAlone = (item: Work): boolean => {
    if (item.dropped || item.headline || item.type !== 'organization' || item.last - item.first !== 1) return false;
    const token = sentences[item.sentence].tokens[item.first];
    return wordCase(token) === 'capitalised' && lexicon.isGivenName(token.text) && !lexicon.isListedOrganisation(token.text);
  };
  const afterArticle = (item: Work): boolean => item.first > 0 && ARTICLES.has(sentences[item.sentence].tokens[item.first - 1].text.toLowerCase());
  /** Before a lower-case word other than a coordinator the name may qualify it (`Chelsea defender`), as a club's or a firm's does. */
  const qualifies = (item: Work): boolean => {
    const after = sentences[item.sentence].tokens[item.last]?.text;
    return after !== undefined && /^\p{Ll}/u.test(after) && !COORDINATORS.has(after);
  };
  // Most articles have none: nothing else is read then.
  if (!work.some(isGivenNameAlone)) return;
  // People named in full or by a given name: a list of places may hold one the tagger took for a person (`Dewsbury`).
  const people = work.filter((w) => !w.dropped && w.type === 'person' && (w.last - w.first >= 2 || lexicon.isGivenName(sentences[w.sentence].tokens[w.first].text)));
  /** Another person joined to `item` by coordinators and commas only (`Bill, Hillary, and Chelsea`). */
  const coordinatedWithPerson = (item: Work): boolean => {
    const tokens = sentences[item.sentence].tokens;
    const joined = (from: number, to: number) => {
      if (to <= from || to - from > 3) return false;
      for (let i = from; i < to; i++) if (!COORDINATORS.has(tokens[i].text.toLowerCase())) return false;
      return true;
    };
    return people.some((other) => other !== item && other.sentence === item.sentence && (joined(item.last, other.first) || joined(other.last, item.first)));
  };
  const givenNames = new Set<string>();
  for (const item of work) {
    if (!item.dropped && !item.headline && item.type === 'person' && item.last - item.first >= 2) givenNames.add(sentences[item.sentence].tokens[item.first].text);
  }
  for (let k = 0; k < work.length; k++) {
    const item = work[k];
    if (!isGivenNameAlone(item)) continue;
    const next = work[k + 1];
    if (next && !next.dropped && next.type === 'person' && next.sentence === item.sentence && next.first === item.last) {
      next.first = item.first;
      item.dropped = true;
    } else if (!afterArticle(item) && (givenNames.has(sentences[item.sentence].tokens[item.first].text) || (!qualifies(item) && coordinatedWithPerson(item)))) item.type = 'person';
  }
}

/** Two or three capitalised words that can be a person's name (see {@link peopleTakenForOrganisations}). */
function hasPersonNameForm(tokens: readonly Token[], item: Work, lexicon: NameLexicon): boolean {
  for (let i = item.first; i < item.last; i++) {
    if (wordCase(tokens[i]) !== 'capitalised' || NOT_IN_A_NAME.test(tokens[i].text)) return false;
  }
  for (let i = item.first; i < item.last - 1; i++) {
    const word = tokens[i].text;
    if (!lexicon.isGivenName(word) && (lexicon.isOrdinaryWord(word) || lexicon.isGroupNoun(word) || lexicon.headOf(word) !== undefined)) return false;
  }
  const last = tokens[item.last - 1].text;
  // An ordinary word at the end leaves it a thing's name, if not always (`Samantha Power`): an organisation stays one.
  if (lexicon.isGroupNoun(last) || lexicon.isOrdinaryWord(last)) return false;
  // As for a person's name (`repairPerson`): after a given name a place word or a surname-like organisation word is a surname (`Anita Hill`).
  const head = lexicon.headOf(last);
  return head === undefined || (lexicon.isGivenName(tokens[item.first].text) && head.kind !== 'event' && (head.kind !== 'organization' || head.surname));
}

/**
 * A one-word "person" that begins an organisation or a place of the article and is no part of a
 * person's full name there takes that type: `Peabody` where the article has `Peabody Energy`,
 * `Walter` beside `Walter Energy` (the tagger's type for the longer name, applied to its short form).
 */
function followLongerNames(sentences: readonly Sentence[], work: readonly Work[], vocabulary: Vocabulary): void {
  const typeOfFirstWord = new Map<string, EntityType>();
  for (const item of work) {
    if (!item.dropped && item.last - item.first >= 2 && (item.type === 'organization' || item.type === 'location')) typeOfFirstWord.set(sentences[item.sentence].tokens[item.first].text, item.type);
  }
  if (typeOfFirstWord.size === 0) return;
  const candidates = work.filter((item) => !item.dropped && item.type === 'person' && item.last - item.first === 1 && typeOfFirstWord.has(sentences[item.sentence].tokens[item.first].text));
  if (candidates.length === 0) return;
  const personWords = new Set<string>();
  for (const item of work) {
    if (item.dropped || item.type !== 'person' || item.last - item.first < 2) continue;
    const tokens = sentences[item.sentence].tokens;
    for (let i = item.first; i < item.last; i++) personWords.add(tokens[i].text);
  }
  for (const item of candidates) {
    const tokens = sentences[item.sentence].tokens;
    const word = tokens[item.first].text;
    if (!personWords.has(word) && !isTitled(tokens, item.first, vocabulary)) item.type = typeOfFirstWord.get(word)!;
  }
}

/**
 * An organisation's head word read apart from the place it is `of` is one name with it (`University` + `New
 * Hampshire` → `University of New Hampshire`, `Bank of America`, `Times of India`): the tagger, which has seen few
 * such names, stops at `of`, and the place left alone puts a university among the article's places.
 */
function joinHeadOfPlace(sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon): void {
  for (let k = 0; k + 1 < work.length; k++) {
    const head = work[k];
    const place = work[k + 1];
    if (head.dropped || place.dropped || head.sentence !== place.sentence || head.last - head.first !== 1) continue;
    if (place.type !== 'location' || (head.type !== 'organization' && head.type !== 'location')) continue;
    const tokens = sentences[head.sentence].tokens;
    if (place.first !== head.last + 1 || tokens[head.last].text !== 'of') continue;
    if (lexicon.headOf(tokens[head.first].text)?.kind !== 'organization') continue;
    head.last = place.last;
    head.type = 'organization';
    place.dropped = true;
  }
}

/**
 * A body's name goes on with `of`, `for` or `on` and what the body serves or deals with (`Committee for a Responsible
 * Federal Budget`, `Brennan Center for Justice`, `Council on Foreign Relations`, `Institute for the Study of Labor`):
 * the recogniser joins such a name only when it found both halves as names with at most `the` between
 * (`joinInstitutionNames` in ner/recognizer.ts), and the tagger often leaves the field unnamed (`Justice`, `Foreign
 * Relations`), reads the head as a place (`Washington Center`) or stops at `a`, so the body came out as `Center`, a
 * place, or `Responsible Federal Budget`. The evidence here is the text's capitals: a capitalised head noun of an
 * institution (`name-heads.tsv`, `institution`; `topic` for `on`) outside a title-case line, the link (`the`, after
 * `for` also `a` or `an`), then capitalised words, with `of` (and `the`) or `and` between them (`Center on Budget and
 * Policy Priorities`; not before a name of its own the tagger found). The whole is one organisation, from the first
 * word of the head's mention, or of the capitalised words before an unnamed head. Guards:
 * - no person in it or right after it (`Committee for Trump`, `Campaign of Donald Trump`), and no title, honorific,
 *   calendar word or number ends the head's words (`Council on Tuesday`, `Committee on May 5`, `Office of the
 *   Secretary of State` is left as it was);
 * - no possessive after it (`thanked the Democratic Party for Iowa's support`);
 * - after `for`, not another body (`Monmouth University for the Asbury Park Press`, `left the Oversight Committee for
 *   the Judiciary Committee`): a name the lists know, one ending in an institution's head, or one ending in another
 *   head noun that holds a word no dictionary has (`Asbury`); a field's words are ordinary (`Public Opinion
 *   Research`);
 * - after `for`, not a law (`College for All Act`), unless the document is what the field is of (`Office for the
 *   Protection of the Constitution`);
 * - after `on`, a subject: none of the words named apart as a place or a listed name (`Security Council on Syria`,
 *   `Intelligence Committee on CNN`).
 */
function joinBodiesToWhatTheyServe(sentences: readonly Sentence[], work: Work[], headline: Uint8Array, evidence: DocumentEvidence, resources: RepairResources): void {
  const lexicon = resources.nameLexicon;
  for (let s = 0; s < sentences.length; s++) {
    if (headline[s]) continue;
    const tokens = sentences[s].tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      const link = tokens[i + 1].text;
      if (link !== 'of' && link !== 'for' && link !== 'on') continue;
      if (wordCase(tokens[i]) !== 'capitalised') continue;
      const head = lexicon.headOf(tokens[i].text);
      if (head?.kind !== 'organization' || !(link === 'on' ? head.topic : head.institution)) continue;
      const joined = bodyAndField(sentences, s, i, work, evidence, resources);
      if (!joined) continue;
      const { first, last } = joined;
      // The mentions inside become the one organisation: the first of them is kept (an unnamed name gets a new one).
      let kept: Work | undefined;
      for (let k = 0; k < work.length; k++) {
        const item = work[k];
        if (item.dropped || item.sentence !== s || item.last <= first || item.first >= last) continue;
        if (!kept) kept = item;
        else item.dropped = true;
      }
      if (kept) {
        kept.first = first;
        kept.last = last;
        kept.type = 'organization';
      } else {
        // In document order, as the output and `mentionAt` read the list; no recogniser's mention to keep (`original`).
        const at = lowerBound(work.length, (k) => work[k].sentence > s || (work[k].sentence === s && work[k].first >= last));
        work.splice(at, 0, { sentence: s, first, last, type: 'organization', dropped: false, headline: false, original: { start: -1, end: -1, type: 'organization', text: '' } });
      }
      i = last - 1;
    }
  }
}

/**
 * The tokens `[first, last)` of a body's name whose head noun is token `head`, before `of`, `for` or `on`, with what the
 * body serves (see {@link joinBodiesToWhatTheyServe}), or undefined when the words after the link are no part of it.
 */
function bodyAndField(sentences: readonly Sentence[], s: number, head: number, work: readonly Work[], evidence: DocumentEvidence, resources: RepairResources): { first: number; last: number } | undefined {
  const { nameLexicon: lexicon, vocabulary } = resources;
  const tokens = sentences[s].tokens;
  const link = tokens[head + 1].text;
  const own = evidence.mentionAt(s, head);
  // The head ends the name the tagger found (a name it already took on, `Center for Media`, is left as it is); a person
  // or another kind of entity is not a body.
  if (own && (own.dropped || own.last !== head + 1 || (own.type !== 'organization' && own.type !== 'location'))) return undefined;
  const mentionOf = (k: number) => {
    const found = evidence.mentionAt(s, k);
    return found && !found.dropped ? found : undefined;
  };
  let first = own ? own.first : head;
  if (!own) {
    // An unnamed head takes the capitalised words before it (`Annenberg Institute`), not an article, a title, or a
    // sentence's first word capitalised by its position alone; and a place or a body named right before them, which
    // the tagger read apart (`Rhode Island` `School of Design`).
    while (first > 0) {
      const word = tokens[first - 1];
      const kind = wordCase(word);
      if ((kind !== 'capitalised' && kind !== 'upper') || ARTICLE_WORDS.has(word.text)) break;
      const before = mentionOf(first - 1);
      if (before) {
        if (before.type === 'organization' || before.type === 'location') first = before.first;
        break;
      }
      if (vocabulary.isRoleWord(word.text) || vocabulary.isHonorific(word.text) || NOT_IN_A_NAME.test(word.text)) break;
      if (isInitial(tokens, first - 1) && evidence.capitalisedByPosition(word.text, lexicon, false, false)) break;
      first--;
    }
  }
  // A court case (`Brown v. Board of Education`, `Fisher v. University of Texas`) names no body: the recogniser leaves
  // the parties out, and so does this.
  if (/^vs?\.?$/.test(tokens[first - 1]?.text ?? '')) return undefined;
  let start = head + 2;
  const article = tokens[start]?.text;
  if (article === 'the' || (link === 'for' && (article === 'a' || article === 'an'))) start++;
  /** A person's name begins within three capitalised words from `k` (`President Richard Haass`, `Vice President Joe Biden`). */
  const personAhead = (k: number) => {
    for (let j = k; j < k + 3 && tokens[j] && wordCase(tokens[j]) !== 'lower'; j++) if (mentionOf(j)?.type === 'person') return true;
    return false;
  };
  /**
   * A word of the field's name: capitalised, no calendar word or number, in no person; a title or an honorific only
   * when no person follows it (`Brennan Center for Justice`, not `Council on Foreign Relations President Richard Haass`).
   */
  const fieldWord = (k: number) => {
    const word = tokens[k];
    if (!word) return false;
    const kind = wordCase(word);
    if ((kind !== 'capitalised' && kind !== 'upper') || NOT_IN_A_NAME.test(word.text)) return false;
    if ((vocabulary.isRoleWord(word.text) || vocabulary.isHonorific(word.text)) && personAhead(k + 1)) return false;
    const wordHead = lexicon.headOf(word.text);
    if (wordHead?.kind === 'event' && !wordHead.document) return false;
    const mention = mentionOf(k);
    return !mention || mention.type === 'organization' || mention.type === 'location';
  };
  const isNameOfItsOwn = (other: Work): boolean => {
    const otherTokens = sentences[other.sentence].tokens;
    const key = nameKey(otherTokens, other.first, other.last);
    if (other.type === 'person' || lexicon.headOf(otherTokens[other.last - 1].text)?.kind === 'organization' || lexicon.isListedName(key)) return true;
    return work.some((w) => w !== other && !w.dropped && w.last - w.first === other.last - other.first && sentences[w.sentence].tokens[w.first - 1]?.text !== 'and' && nameKey(sentences[w.sentence].tokens, w.first, w.last) === key);
  };
  let last = start;
  for (let k = start; fieldWord(k); ) {
    last = ++k;
    const joiner = tokens[k]?.text;
    if (joiner === 'of' || joiner === 'and') {
      let next = k + 1;
      if (joiner === 'of' && tokens[next]?.text === 'the') next++;
      // After `and`, a name the tagger found apart may be another body (`Center for American Progress and Media
      // Matters`): one ending in a head noun of its own, one the lists know, or one the article names elsewhere not
      // after `and`. The rest of a field (`Center on Budget and` `Policy Priorities`) is named nowhere else.
      const other = joiner === 'and' ? mentionOf(next) : undefined;
      const apart = other !== undefined && other !== mentionOf(k - 1) && isNameOfItsOwn(other);
      if (fieldWord(next) && !apart) k = next;
    }
  }
  if (last === start) return undefined;
  // Cut by a title before a person, one word is more often the title's first (`Awami League of Prime Minister Sheikh
  // Hasina`, CoNLL eng.train: the league of the person) than a field (`Council on Foreign Relations President`).
  if (last - start === 1 && (vocabulary.isRoleWord(tokens[last]?.text ?? '') || vocabulary.isHonorific(tokens[last]?.text ?? '')) && personAhead(last + 1)) return undefined;
  const after = tokens[last];
  // A person or a number right after the words (`Committee for Hillary Clinton`, `Committee on May 5`), a possessive.
  if (after) {
    const mention = mentionOf(last);
    if ((mention && mention.type === 'person') || /^\d/.test(after.text) || POSSESSIVE_ENDING.test(after.text)) return undefined;
  }
  // Every mention in the field lies inside it, and none is a person.
  for (let k = start; k < last; k++) {
    const mention = mentionOf(k);
    if (mention && (mention.first < start || mention.last > last)) return undefined;
  }
  const fieldName = nameKey(tokens, start, last);
  const lastHead = lexicon.headOf(tokens[last - 1].text);
  if (link === 'for') {
    if (lexicon.isListedName(fieldName) || lastHead?.institution) return undefined;
    if (lastHead?.kind === 'organization') {
      for (let k = start; k < last; k++) if (wordCase(tokens[k]) === 'capitalised' && !lexicon.isOrdinaryWord(tokens[k].text) && tokens[k].text !== tokens[last - 1].text) return undefined;
    }
    if (lastHead?.document) {
      let ofBefore = false;
      for (let k = start; k < last && !ofBefore; k++) ofBefore = tokens[k].text === 'of';
      if (!ofBefore) return undefined;
    }
  }
  if (link === 'on') {
    if (lexicon.isListedName(fieldName)) return undefined;
    for (let k = start; k < last; k++) if (mentionOf(k)?.type === 'location') return undefined;
  }
  return { first, last };
}

/**
 * Two bodies joined by `and` read as one organisation (`Twitter and Facebook`, `Urban Institute and Brookings
 * Institution`, `Ithaca College and Cornell University`) are two: the tagger runs a list of names together as it does
 * the words of one name. Split only where both sides are names by themselves, as the lists know them, as the article
 * names them elsewhere (as an organisation or a place), or as a head noun ends them after a capitalised word; an
 * `and` inside a name joins words that are no names alone (`Securities and Exchange Commission`, `Office of
 * Management and Budget`, `Centers for Disease Control and Prevention`, `Labor and Pensions Committee`). A single
 * ordinary word is never a name alone here (`Labor`), an acronym always is (`IRS`), and before a name built on a head
 * noun a first name without one may share it (`Parks and Recreation Department`), unless the lists know it as an
 * organisation or an acronym, which stands for a whole name (`IRS and Drug Enforcement Administration`).
 */
function splitBodiesJoinedByAnd(sentences: readonly Sentence[], work: Work[], lexicon: NameLexicon): void {
  let named: Set<string> | undefined;
  /**
   * `known`: the lists, the article or the form of an acronym name it; `proper`: a head noun builds it on a word no
   * dictionary has (`Cornell University`); `form`: a head noun builds it on ordinary words (`Telecommunications
   * Administration`, which may be a description); else none.
   */
  const evidenceOf = (tokens: readonly Token[], first: number, last: number): 'known' | 'proper' | 'form' | undefined => {
    if (last <= first) return undefined;
    const opening = wordCase(tokens[first]);
    if (opening !== 'capitalised' && opening !== 'upper') return undefined;
    const key = nameKey(tokens, first, last);
    // An acronym is a name by its form (`IRS`).
    if (lexicon.isListedName(key) || isAcronym(tokens, first, last)) return 'known';
    if (last - first === 1 && lexicon.isOrdinaryWord(tokens[first].text)) return undefined;
    if (!named) {
      named = new Set();
      for (const other of work) {
        if (!other.dropped && (other.type === 'organization' || other.type === 'location')) named.add(nameKey(sentences[other.sentence].tokens, other.first, other.last));
      }
    }
    if (named.has(key)) return 'known';
    if (!endsInHead(tokens, first, last) || wordCase(tokens[last - 2]) === 'lower') return undefined;
    // Head nouns alone build no name (`Holdings Ltd`, `Bank Group`): the end of the first side's name, shared.
    let built = false;
    for (let i = first; i < last - 1; i++) {
      if (lexicon.headOf(tokens[i].text) !== undefined) continue;
      built = true;
      if (!lexicon.isOrdinaryWord(tokens[i].text)) return 'proper';
    }
    return built ? 'form' : undefined;
  };
  const isAcronym = (tokens: readonly Token[], first: number, last: number): boolean => last - first === 1 && /^\p{Lu}{2,}$/u.test(tokens[first].text);
  const endsInHead = (tokens: readonly Token[], first: number, last: number): boolean => {
    const kind = lexicon.headOf(tokens[last - 1].text)?.kind;
    return last - first >= 2 && (kind === 'organization' || kind === 'location');
  };
  for (let k = 0; k < work.length; k++) {
    const item = work[k];
    if (item.dropped || item.headline || item.type !== 'organization' || item.last - item.first < 3) continue;
    const tokens = sentences[item.sentence].tokens;
    for (let and = item.first + 1; and < item.last - 1; and++) {
      if (tokens[and].text !== 'and') continue;
      const second = tokens[and + 1].text === 'the' ? and + 2 : and + 1;
      // A firm named for its founders and their partners is one (`Arthur Yates and Co Ltd`, CoNLL eng.train).
      if (FIRM_PARTNERS.test(tokens[second].text)) break;
      // Both sides names, one at least known or both built on proper names (`Ithaca College and Cornell University`):
      // a head noun after ordinary words may describe what the whole name's body does (`Guangdong Post and
      // Telecommunications Administration`, CoNLL testa: one body).
      const before = evidenceOf(tokens, item.first, and);
      const after = before && evidenceOf(tokens, second, item.last);
      if (!after || (before !== 'known' && after !== 'known' && (before !== 'proper' || after !== 'proper'))) continue;
      // Before a second name built on a head noun, a first without one may share that head (`Parks and Recreation
      // Department`, the department of both): only a name the lists know as an organisation's is one alone there.
      if (endsInHead(tokens, second, item.last) && !endsInHead(tokens, item.first, and) && !isAcronym(tokens, item.first, and) && !lexicon.isListedOrganisation(nameKey(tokens, item.first, and))) continue;
      // The second body is a mention of its own, right after the first in document order.
      work.splice(k + 1, 0, { sentence: item.sentence, first: second, last: item.last, type: item.type, dropped: false, headline: false, original: { start: -1, end: -1, type: item.type, text: '' } });
      item.last = and;
      break;
    }
  }
}

/** What follows `and` in the name of a firm of partners (`Arthur Yates and Co`, `Smith and Sons`). */
const FIRM_PARTNERS = /^(?:Co\.?|Company|Sons|Partners|Associates)$/;

/** A possessive ending written as a token of its own (`Iowa` `'s`). */
const POSSESSIVE_ENDING = /^['’]s$/;

/**
 * An ordinary word glued after a name that the article writes elsewhere on its own is cut off
 * (`Hillary Clinton Goes` where the article has `Hillary Clinton`; a word before a name is left, as
 * `Tiger` of `Tiger Woods` is one). People in headlines are kept only as far as
 * the body names them: the longest part of the mention that is a person's name outside headlines,
 * or its surname (`Clinton` in `Clinton Hid`), or for a one-word mention its given name (`Hillary`).
 */
function repairNamesInContext(text: string, sentences: readonly Sentence[], work: Work[], lexicon: NameLexicon): void {
  const names = new Set<string>();
  const surnames = new Set<string>();
  const firstWords = new Set<string>();
  const nameOf = (item: Work, first = item.first, last = item.last) => {
    const tokens = sentences[item.sentence].tokens;
    return normalizeName(text.slice(tokens[first].start, tokens[last - 1].end));
  };
  // Most articles have neither a glued word nor a person in a headline: nothing to read then.
  const glued = work.filter((item) => {
    if (item.headline || item.dropped || item.type !== 'person' || item.last - item.first < 2) return false;
    const last = sentences[item.sentence].tokens[item.last - 1].text;
    return lexicon.isOrdinaryWord(last) && !lexicon.isGivenName(last);
  });
  if (glued.length === 0 && !work.some((item) => item.headline && !item.dropped && item.type === 'person')) return;
  for (const item of work) {
    if (item.headline || item.dropped || item.type !== 'person') continue;
    names.add(nameOf(item));
    surnames.add(normalizeName(sentences[item.sentence].tokens[item.last - 1].text));
    firstWords.add(normalizeName(sentences[item.sentence].tokens[item.first].text));
  }
  for (const item of glued) if (names.has(nameOf(item, item.first, item.last - 1))) item.last--;
  // An article that is all headline (a one-line note) has no body to tell its names by.
  if (names.size === 0) return;
  for (const item of work) {
    if (!item.headline || item.dropped || item.type !== 'person') continue;
    const tokens = sentences[item.sentence].tokens;
    let best: [number, number] | undefined;
    // Longest first: the first part found at this length wins.
    for (let length = item.last - item.first; length >= 1 && !best; length--) {
      for (let from = item.first; from + length <= item.last; from++) {
        const slice = normalizeName(text.slice(tokens[from].start, tokens[from + length - 1].end));
        // A given name alone only for a one-word mention (`Hillary`), never cut out of a full name (`John` of `John Nolte`).
        if (names.has(slice) || (length === 1 && (surnames.has(slice) || (item.last - item.first === 1 && firstWords.has(slice))))) {
          best = [from, from + length];
          break;
        }
      }
    }
    if (best) [item.first, item.last] = best;
    else item.dropped = true;
  }
}
