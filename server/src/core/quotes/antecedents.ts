/**
 * Antecedent candidates of a speaker that names nobody — a pronoun (`he`, `she`, `they`) or a definite
 * description (`the foreign minister`, `his Russian counterpart`, `the newspaper`, `the statement`) — with the
 * features the antecedent ranker (`ranker.ts`, its `antecedents` weights) scores them by: a mention-ranking
 * model over the entities named before the anaphor.
 *
 * Candidates: one per entity (people grouped by surname, organisations by name) mentioned outside quotations
 * in the 3,000 characters before the anaphor, plus speakers of earlier quotations the recogniser did not
 * type, plus *nobody*. Features, each for the anaphor's kind and shared across kinds: how recently the entity
 * was mentioned (entities in between, sentences, paragraphs), its grammatical role there (subject of a speech
 * verb, subject, possessor, object of a preposition), how salient it is (mentions in the window and in the
 * article), the topic of the paragraph (its first subject), the speakers of earlier quotations (the previous
 * one, how often), whether the quotation itself names the entity (people rarely name themselves), gender
 * agreement from first names and honorifics, the entity's type, for a description its title and the words
 * around the name, and which entity the hand rules of `coreference.ts` picked. Bounded: at most 40 mentions are
 * looked at and 12 entities kept.
 */
import { lowerBound, rangeContaining } from '../search';
import type { EntityMention, TextSlice } from '../types';
import { genderOf, lastPersonBefore, subjectRank, tokenBeforePersonPhrase, type SpeakerState } from './coreference';
import { isCapitalized, isCue, isPunct, isSentenceEnd, personKeys, personStartingAt, personTokens, surname, tokenAt, verbLike, type Doc, stripPossessive } from './document';
import { featureNames, featuresNamed, type Feature } from './featureNames';
import { DETERMINERS, EMBEDDING_WORDS, OBJECT_PRONOUNS, TIME_WORDS, VERB_PREFIX } from './words';

/** What is being resolved: a pronoun by its person, a description by what its head names (`other`: a head no list knows). */
export type AnaphorKind = 'he' | 'she' | 'they' | 'person' | 'organization' | 'document' | 'other';

/** A speaker mention to resolve, with the quotation attributed to it. */
export interface Anaphor {
  readonly kind: AnaphorKind;
  /** A description's words after its determiner, lower case (`florida`, `senator`); empty for a pronoun. */
  readonly words: readonly string[];
  /** Where the search looks back from: the earlier of the mention and the quotation. */
  readonly offset: number;
  readonly mention: TextSlice;
  /** The quotation (from its opening to its closing mark). */
  readonly quote: { readonly start: number; readonly end: number };
  /**
   * A description of a person the article brought in as someone new ({@link isNewcomer}): read once where the anaphor
   * is made, for both that ask it, the candidates' agreement and {@link describesSomeoneElse}.
   */
  readonly newcomer: boolean;
}

/** One possible antecedent (a class: *nobody* and the named ones have one hidden class, as the ranker reads them). */
export class AntecedentCandidate {
  constructor(
    /** The latest mention of the entity before the anaphor; undefined for *nobody*. */
    readonly name: TextSlice | undefined,
    /** The ranker sums their weights. */
    readonly rankerFeatures: Feature[],
    /**
     * False where the entity cannot be what the description stands for: a person for a description of an
     * organisation that does not carry the person's name (`the editorial board`, `the group`), anything it does
     * not name for one with a name in it (`the Clinton campaign`). The quote pass picks among the others; training
     * sees every candidate, with the strict gold (the nearest named Source, often a person there) as it is.
     */
    readonly agrees = true,
  ) {}

  /** The feature names, as training reads them. */
  get features(): string[] {
    return featureNames(this.rankerFeatures);
  }
}

/** A quotation already attributed to a named entity, as the resolution of later anaphors reads it. */
export interface SpeakerTurn {
  /** The entity's key (`surname` of a person, lower-case name of an organisation). */
  readonly key: string;
  readonly name: TextSlice;
  /** Paragraph of the quotation. */
  readonly paragraph: number;
  /** End of the quotation (its closing mark). */
  readonly end: number;
  /**
   * The speaker is a person a later `he` or `she` may stand for (`speaksAsPerson` in index.ts). Not `Audiences can
   * expect him to …` or `Clinton’s track record`.
   */
  readonly person: boolean;
}

const WINDOW_CHARS = 3000;
const MAX_MENTIONS = 40;
const MAX_ENTITIES = 12;

/** How a mention stands in its sentence. */
type Role = 'speech' | 'subject' | 'embedded' | 'poss' | 'prep' | 'other';

const PREPOSITIONS = new Set(['to', 'with', 'by', 'for', 'of', 'at', 'from', 'on', 'about', 'against', 'in', 'into', 'over', 'than', 'like', 'between', 'among', 'toward', 'towards', 'under', 'after', 'before', 'during', 'behind', 'beside', 'including']);

interface Group {
  readonly key: string;
  readonly type: 'person' | 'organization';
  latest: EntityMention;
  latestRole: Role;
  /** The strongest role among its mentions in the window (speech > subject > other). */
  bestRank: number;
  /** Start of its latest mention as a subject (of any verb, of a speech verb), or -1. */
  subjectAt: number;
  speechAt: number;
  count: number;
  readonly order: number;
}

/** The key an entity is grouped by: a person's surname, an organisation's lower-case name. */
export function entityKey(text: string, type: 'person' | 'organization'): string {
  return type === 'person' ? surname(text) : stripPossessive(text.toLowerCase().replace(/^the\s+/, ''));
}

/**
 * The candidates for `anaphor`: the entities named before it, the rules' pick marked, *nobody* last.
 * `rulePick` is what the hand rules of `coreference.ts` resolved it to, if anything.
 */
export function antecedentCandidates(doc: Doc, anaphor: Anaphor, state: SpeakerState, rulePick: TextSlice | undefined): AntecedentCandidate[] {
  const { kind, offset } = anaphor;
  const withOrganizations = kind !== 'he' && kind !== 'she' && kind !== 'person';
  const gendered = kind === 'he' || kind === 'she';
  const n = doc.tokens.length;
  const anchorTok = Math.min(tokenAt(doc, offset), n - 1);
  const anchorSent = doc.sent[anchorTok] ?? 0;
  const anchorPara = doc.para[anchorTok] ?? 0;

  const groups = new Map<string, Group>();
  // The first subject of the anaphor's paragraph and of the one before: the topic the paragraph is about.
  const topic: (string | undefined)[] = [undefined, undefined];
  // A person's first token and key are the document's (`personTokens`, `personKeys`); an organisation's are found here.
  const consider = (m: EntityMention, type: 'person' | 'organization', t: number, knownKey: string | undefined): boolean => {
    if (t >= n || doc.inQuote[t]) return false;
    const key = knownKey ?? entityKey(m.text, type);
    if (key.length === 0) return false;
    const role = roleOf(doc, m, t);
    const rank = role === 'speech' ? 2 : role === 'subject' || role === 'embedded' ? 1 : 0;
    const pd = anchorPara - doc.para[t];
    if (rank > 0 && role !== 'embedded' && (pd === 0 || pd === 1)) topic[pd] = key; // walking backwards: the last one set is the first
    // For `he` and `she`, the full names of a family's surname are each their own candidate (`Rachel Berg` and her
    // husband `Milton Berg`; `Bill Clinton` and `Hillary Clinton`): `she` is Rachel Berg, and her latest mention, its
    // recency and role are hers, even when Milton was named last. Their lone surname stays the family's (below), and
    // so do the features read by surname (`g.key`): the article's mentions of it, the earlier quotations' speakers.
    const groupKey = gendered && type === 'person' ? personGroupKey(doc, m, key) : key;
    let g = groups.get(groupKey);
    if (!g) {
      if (groups.size >= MAX_ENTITIES) return true;
      g = { key, type, latest: m, latestRole: role, bestRank: rank, subjectAt: -1, speechAt: -1, count: 0, order: groups.size };
      groups.set(groupKey, g);
    } else if (rank > g.bestRank) g.bestRank = rank;
    if (rank >= 1 && role !== 'embedded' && g.subjectAt < 0) g.subjectAt = m.start;
    if (rank === 2 && g.speechAt < 0) g.speechAt = m.start;
    g.count++;
    return true;
  };
  // People and (for anaphors that may stand for one) organisations, newest first, merged by position.
  const persons = doc.persons;
  const keys = personKeys(doc);
  const tokens = personTokens(doc);
  const organizations = withOrganizations ? organizationsBefore(doc, offset) : [];
  // A person the recogniser found that the document does not count as one (a lone surname seen only at the
  // start of sentences, `Cruz openly admitted …`), when the rules pick it, is walked with the others, so that it
  // is scored by the same recency, role and agreement as they are.
  const pickKey = rulePick ? surname(rulePick.text) : undefined;
  let unlisted = rulePick && (kind === 'he' || kind === 'she' || kind === 'person') && rulePick.end <= offset && isUncountedPerson(doc, rulePick) ? rulePick : undefined;
  let p = lastPersonBefore(doc, offset);
  let o = organizations.length - 1;
  for (let seen = 0; seen < MAX_MENTIONS && (p >= 0 || o >= 0 || unlisted); ) {
    const personStart = p >= 0 ? persons[p].start : -1;
    const organizationStart = o >= 0 ? organizations[o].start : -1;
    if (unlisted && unlisted.start > personStart && unlisted.start > organizationStart) {
      if (offset - unlisted.end > WINDOW_CHARS) break;
      if (consider({ start: unlisted.start, end: unlisted.end, type: 'person', text: unlisted.text }, 'person', tokenAt(doc, unlisted.start), pickKey)) seen++;
      unlisted = undefined;
      continue;
    }
    const takePerson = o < 0 || (p >= 0 && personStart > organizationStart);
    const m = takePerson ? persons[p] : organizations[o];
    if (offset - m.end > WINDOW_CHARS) break;
    if (takePerson ? consider(m, 'person', tokens[p], keys[p]) : consider(m, 'organization', tokenAt(doc, m.start), undefined)) seen++;
    if (takePerson) p--;
    else o--;
  }

  // Speakers of earlier quotations: how often each spoke, and who spoke last.
  const turns = state.turns;
  const spoke = new Map<string, number>();
  for (let i = turns.length - 1, k = 0; i >= 0 && k < 30; i--, k++) spoke.set(turns[i].key, (spoke.get(turns[i].key) ?? 0) + 1);
  const previous = turns.length > 0 ? turns[turns.length - 1] : undefined;
  for (let i = turns.length - 1, k = 0; i >= 0 && k < 4; i--, k++) {
    const turn = turns[i];
    // A speaker the recogniser did not type (found by the cue rules in the tokens).
    if (turn.person && !hasEntity(groups, turn.key) && groups.size < MAX_ENTITIES && offset - turn.name.end <= WINDOW_CHARS && turn.name.end <= offset) {
      const m: EntityMention = { start: turn.name.start, end: turn.name.end, type: 'person', text: turn.name.text };
      groups.set(turn.key, { key: turn.key, type: 'person', latest: m, latestRole: 'speech', bestRank: 2, subjectAt: m.start, speechAt: m.start, count: 1, order: groups.size });
    }
  }

  // People the quotation itself names are usually talked about, not talking.
  const named = namedInside(doc, anaphor.quote.start, anaphor.quote.end);
  const salience: { g: Group; total: number }[] = [];
  for (const g of groups.values()) salience.push({ g, total: g.type === 'person' ? mentionsBefore(doc, g.key, offset) : g.count });
  salience.sort((x, y) => y.total - x.total || x.g.order - y.g.order);
  const salienceRank = new Map<Group, number>();
  for (let i = 0; i < salience.length; i++) salienceRank.set(salience[i].g, i);
  const lastKey = state.last ? surname(state.last.name.text) : undefined;
  const head = anaphor.words[anaphor.words.length - 1];
  const modifiers: string[] = [];
  for (let i = 0; i < anaphor.words.length - 1; i++) {
    const w = anaphor.words[i];
    if (w.length > 2 && !/^(the|his|her|their|its|this|that|former|latter|new|top)$/.test(w)) modifiers.push(w);
  }

  // Order among the entities last seen as the subject of a speech verb, and of any verb: people quoted in
  // news are introduced with a speech verb, and the one who spoke last usually speaks on.
  const speechOrder = orderBy(groups, (g) => g.speechAt);
  const subjectOrder = orderBy(groups, (g) => g.subjectAt);
  const inMention = anaphor.mention.text.toLowerCase();
  // Someone introduced as a subject since the previous quotation takes the floor from its speaker.
  const sincePrevious = (g: Group): boolean => previous !== undefined && g.subjectAt > previous.end;
  let interrupted = false;
  for (const g of groups.values()) if (previous && g.key !== previous.key && sincePrevious(g)) interrupted = true;

  // "the editorial board", "the group", "the commission": a description of an organisation by what it is stands
  // for an organisation, or for a person only when it carries the name ("the Clinton campaign"). Not so a
  // possessive one ("his campaign" speaks for the one "his" stands for), nor a person's head word ("the Senate
  // minority leader").
  const organizationOnly =
    kind === 'organization' && head !== undefined && !doc.lex.personHeads.has(head) && !doc.lex.titleForms.has(head) && !/^(his|her|their)\s/i.test(anaphor.mention.text);
  // "the Clinton campaign", "the Mexican government", "the Heritage Foundation website": a description with a name
  // in it speaks for what it names, or for no one named before.
  const namesOwner = organizationOnly && /\s\p{Lu}/u.test(anaphor.mention.text);
  const namedAfterPronoun = gendered ? personsLaterInClause(doc, anaphor.mention) : NO_KEYS;
  const out: AntecedentCandidate[] = [];
  const a = F['a='].and(kind);
  for (const [groupKey, g] of groups) {
    const m = g.latest;
    const mTok = Math.min(tokenAt(doc, m.start), n - 1);
    const sd = anchorSent - doc.sent[mTok];
    const pd = anchorPara - doc.para[mTok];
    const atoms: Feature[] = [
      F['t='].and(g.type),
      F['rec='].and(Math.min(g.order, 4)),
      F['sd='].and(sd <= 2 ? sd : sd <= 4 ? '3-4' : '5+'),
      F['pd='].and(Math.min(pd, 3)),
      F['role='].and(g.latestRole),
      F['best='].and(g.bestRank),
      F['rec='].and(Math.min(g.order, 2)).and('|role=').and(g.latestRole),
      F['pd='].and(Math.min(pd, 2)).and('|best=').and(g.bestRank),
      F['cnt='].and(g.count >= 5 ? '5+' : g.count >= 3 ? '3-4' : g.count),
      F['gsal='].and(Math.min(salienceRank.get(g)!, 3)),
      F['gsal='].and(Math.min(salienceRank.get(g)!, 2)).and('|rec=').and(Math.min(g.order, 2)),
    ];
    const turnsOf = spoke.get(g.key) ?? 0;
    atoms.push(F['spoke='].and(turnsOf >= 4 ? '4+' : turnsOf >= 2 ? '2-3' : turnsOf));
    if (previous && previous.key === g.key) atoms.push(F['prevTurn'], F['prevTurn|pd='].and(Math.min(anchorPara - previous.paragraph, 2)), F['prevTurn|interrupted='].and(interrupted));
    if (sincePrevious(g)) atoms.push(F['sinceTurn'], F['sinceTurn|role='].and(g.bestRank));
    if (g.key === lastKey) atoms.push(F['last']);
    if (topic[0] === g.key) atoms.push(F['topic=0']);
    if (topic[1] === g.key) atoms.push(F['topic=1']);
    if (named.has(g.key)) atoms.push(F['namedInQuote'], F['namedInQuote|rec='].and(Math.min(g.order, 2)));
    if (g.key === pickKey) atoms.push(F['rule'], F['rule|rec='].and(Math.min(g.order, 2)));
    const speech = speechOrder.get(g);
    atoms.push(F['speechRec='].and(speech === undefined ? '-' : Math.min(speech, 2)), F['subjRec='].and(subjectOrder.has(g) ? Math.min(subjectOrder.get(g)!, 2) : '-'));
    if (speech !== undefined) atoms.push(F['speechRec='].and(Math.min(speech, 2)).and('|pd=').and(Math.min(pd, 2)));
    if (g.subjectAt >= 0) {
      const st = Math.min(tokenAt(doc, g.subjectAt), n - 1);
      atoms.push(F['subjSd='].and(Math.min(anchorSent - doc.sent[st], 3)), F['subjPd='].and(Math.min(anchorPara - doc.para[st], 2)).and('|subjRec=').and(Math.min(subjectOrder.get(g)!, 1)));
    }
    // "the Clinton campaign" may speak for Clinton; "the senior Cruz adviser" does not.
    const inTheMention = head !== undefined && inMention.includes(g.key.toLowerCase());
    if (inTheMention) atoms.push(F['inMention']);
    if (kind === 'he' || kind === 'she') {
      // Binding: a name after the pronoun in its own clause is someone else (`“…,” he told Rubio`, `he said of Cruz`).
      if (namedAfterPronoun.has(groupKey)) continue;
      const gender = genderOf(doc, m.text) ?? honorificGenderBefore(doc, m);
      // Agreement is grammar, not a preference: "she" is never Bernie Sanders (the strict gold, blind to
      // gender, would teach otherwise).
      if (gender && (gender === 'f') !== (kind === 'she')) continue;
      if (gender) atoms.push(F['g=agree']);
      else if (g.type === 'person' && doc.surnameGender.get(g.key) === 'x') {
        // A surname full names of both genders share (`Donald Trump`, `Melania Trump`; `Bill Clinton`, `Hillary
        // Clinton`): the lone surname is not of unknown gender but one of theirs, most likely the one last named
        // in full.
        const latest = latestFullNameGender(doc, g.key, offset);
        atoms.push(latest === undefined ? F['g=shared'] : (latest === 'f') === (kind === 'she') ? F['g=sharedAgree'] : F['g=sharedOther']);
      } else atoms.push(F['g=unknown']);
    } else if (head !== undefined) {
      if (g.type === 'person' && doc.titles.get(g.key)?.has(head)) atoms.push(F['titled']);
      // The description's other words next to the name ("his Russian counterpart" ~ "Russian Foreign Minister
      // Sergei Lavrov"; "the Florida senator" ~ "Florida Sen. Marco Rubio"), its head as the name's possession
      // ("Clinton's statement … The statement said").
      const around = doc.text.slice(Math.max(0, m.start - 40), Math.min(offset, m.end + 50)).toLowerCase();
      if (around.includes(head)) atoms.push(F['headNear']);
      if (modifiers.length > 0 && modifiers.every((w) => around.includes(w))) atoms.push(F['modNear']);
      if (ownsHead(doc, g, head, offset)) atoms.push(F['owns']);
    }
    const f: Feature[] = [a];
    // Shared across kinds (a pronoun and a description follow the same recency and role preferences), but for
    // the type, recency and the rules' pick, which differ by kind (a description of an organisation, "she").
    for (const atom of atoms) f.push(atom);
    const aBar = a.and('|');
    f.push(aBar.and(atoms[0]), aBar.and(atoms[1]), aBar.and(atoms[4]));
    if (g.key === pickKey) f.push(a.and('|rule'));
    const agrees =
      (!organizationOnly || inTheMention || (g.type !== 'person' && !namesOwner)) &&
      !(inTheMention && g.type === 'person' && placesAnother(doc, anaphor)) &&
      !anaphor.newcomer;
    out.push(new AntecedentCandidate({ start: m.start, end: m.end, text: m.text }, f, agrees));
  }
  if (rulePick && pickKey !== undefined && !hasEntity(groups, pickKey)) {
    // A name the rules found in the tokens (the recogniser missed it).
    out.push(new AntecedentCandidate(rulePick, [a, F['rule'], a.and('|rule'), F['ruleOnly'], a.and('|ruleOnly')]));
  }
  out.push(new AntecedentCandidate(undefined, [F['none'], a.and('|none'), a.and('|none').and('|rule=').and(rulePick !== undefined), F['none|cands='].and(Math.min(groups.size, 3))]));
  return out;
}

/**
 * True when the description of a person `anaphor` cannot stand for `name`, whoever picked it (the hand rules of
 * `coreference.ts` or the ranker): the article brought the description in as someone new ({@link isNewcomer}), or
 * it names the person only to place someone else ({@link placesAnother}: `the Christie supporter` is not Christie).
 */
export function describesSomeoneElse(doc: Doc, anaphor: Anaphor, name: TextSlice): boolean {
  if (anaphor.newcomer) return true;
  const key = surname(name.text).toLowerCase();
  return key.length > 0 && placesAnother(doc, anaphor) && anaphor.mention.text.toLowerCase().includes(key);
}

/**
 * True when the anaphor is a description of a person (its head a word for people or a title, `the Christie
 * supporter`, `the Cruz aide`): a person named inside it is the one it is placed by, someone else. Inside a
 * description of a thing the name is whose it is (`the Trump campaign's website`).
 */
function placesAnother(doc: Doc, anaphor: Anaphor): boolean {
  const head = anaphor.words[anaphor.words.length - 1];
  return (anaphor.kind === 'person' || anaphor.kind === 'other') && head !== undefined && isPersonWord(doc, anaphor.kind, head);
}

/**
 * True for a word for a person: one of the lists of people and titles, or (for a description no list knows) an
 * agent noun (`designer`, `organizer`, `protester`), not a document (`letter`).
 */
function isPersonWord(doc: Doc, kind: AnaphorKind, head: string): boolean {
  if (doc.lex.personHeads.has(head) || doc.lex.titleForms.has(head)) return true;
  return (kind === 'person' || kind === 'other') && !doc.lex.documentHeads.has(head) && !doc.lex.organizationHeads.has(head) && AGENT_NOUN.test(head);
}
const AGENT_NOUN = /\p{Ll}{3}(?:er|or|ist|ian|ant|ent)$/u;

/**
 * `One man in Manchester, responding to Sanders’ description …: “…,” the man shouted`: a description of a person
 * whose head the article brought in with an indefinite article names that newcomer, whom no earlier name stands
 * for. (Not so a thing: `a resolution … the resolution said` is the resolution, and speaks for whoever passed it.)
 * Read for {@link Anaphor.newcomer} by whoever makes the anaphor, of its kind, words and offset.
 */
export function isNewcomer(doc: Doc, kind: AnaphorKind, words: readonly string[], offset: number): boolean {
  const head = words[words.length - 1];
  if (head === undefined || (kind !== 'person' && kind !== 'other') || !isPersonWord(doc, kind, head)) return false;
  const at = Math.min(tokenAt(doc, offset), doc.tokens.length - 1);
  return introducedIndefinitely(doc, head, at, offset);
}

/** How far back (characters) a description's head is looked for after an indefinite article. */
const INDEFINITE_WINDOW_CHARS = 600;
const INDEFINITES = new Set(['a', 'an', 'one', 'another']);

/** Words before an indefinite phrase that make it say what someone named is, not bring in someone new. */
const PREDICATING = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'became', 'becomes', 'as', 'like', 'remains', 'remained']);
/** Words that may stand between a name or a predicating word and the indefinite (`John Smith, now a senior aide`). */
const BETWEEN = new Set(['now', 'long', 'once', 'also', 'still', 'then', 'not', 'never', 'himself', 'herself']);
/** Punctuation that sets an apposition off from its name (`John Smith — a senior aide —`, `John Smith (a senior aide)`). */
const APPOSITION_MARKS = new Set([',', '—', '–', '-', '(', '--']);

/**
 * True when the description's head (`man`) comes after an indefinite article, right after it or past one
 * lower-case word (`one man`, `an elderly man`), outside quotations in the {@link INDEFINITE_WINDOW_CHARS} before the
 * description at token `at`. Not an indefinite that describes someone named: an apposition after a name (`Donald
 * Trump, a businessman,`, `John Smith — a senior aide —`) or before one (`An aide, John Smith,`), a predicate (`Trump
 * is not a typical businessman`, `as a businessman`), a possessive (`a billionaire’s nightmare`), `the one candidate`.
 */
function introducedIndefinitely(doc: Doc, head: string, at: number, offset: number): boolean {
  const n = doc.tokens.length;
  for (let k = at - 1; k >= 1 && offset - doc.tokens[k].start <= INDEFINITE_WINDOW_CHARS; k--) {
    if (doc.lower[k] !== head || doc.inQuote[k]) continue;
    const article = INDEFINITES.has(doc.lower[k - 1]) ? k - 1 : k >= 2 && INDEFINITES.has(doc.lower[k - 2]) && /^\p{Ll}+$/u.test(doc.tokens[k - 1].text) ? k - 2 : -1;
    if (article < 0) continue;
    if (k + 1 < n && /^['’]s?$/.test(doc.lower[k + 1])) continue;
    let before = article - 1;
    if (before >= 0 && doc.lower[article] === 'one' && DETERMINERS.has(doc.lower[before])) continue;
    if (before >= 0 && BETWEEN.has(doc.lower[before])) before--;
    if (before >= 0 && (PREDICATING.has(doc.lower[before]) || (APPOSITION_MARKS.has(doc.tokens[before].text) && before > 0 && endsName(doc, before - 1)))) continue;
    // The name right after the phrase is who it is (`An aide, John Smith, said`).
    let after = k + 1;
    if (after < n && APPOSITION_MARKS.has(doc.tokens[after].text)) after++;
    if (after < n && personStartingAt(doc, after)) continue;
    return true;
  }
  return false;
}

/** True when token `k` ends a person or organisation mention the recogniser found. */
function endsName(doc: Doc, k: number): boolean {
  const e = rangeContaining(doc.entities, doc.tokens[k].start);
  return e !== undefined && e.end === doc.tokens[k].end && (e.type === 'person' || e.type === 'organization');
}

/** The features and name parts of the antecedent ranker, by name. */
const F = featuresNamed([
  'a=', 't=', 'rec=', 'sd=', 'pd=', 'role=', 'best=', 'cnt=', 'gsal=', 'spoke=', 'prevTurn', 'prevTurn|pd=', 'prevTurn|interrupted=', 'sinceTurn', 'sinceTurn|role=',
  'last', 'topic=0', 'topic=1', 'namedInQuote', 'namedInQuote|rec=', 'rule', 'rule|rec=', 'speechRec=', 'subjRec=', 'subjSd=', 'subjPd=', 'inMention',
  'g=agree', 'g=unknown', 'g=shared', 'g=sharedAgree', 'g=sharedOther', 'titled', 'headNear', 'modNear', 'owns', 'ruleOnly', 'none', 'none|cands=',
]);

/** Each group's rank among those with a position (`at(g)` ≥ 0), latest first. */
function orderBy(groups: ReadonlyMap<string, Group>, at: (g: Group) => number): Map<Group, number> {
  const ranked: Group[] = [];
  for (const g of groups.values()) if (at(g) >= 0) ranked.push(g);
  ranked.sort((x, y) => at(y) - at(x));
  const order = new Map<Group, number>();
  for (let i = 0; i < ranked.length; i++) order.set(ranked[i], i);
  return order;
}

/** The role of a person or organisation mention at token `t` (cached per document). */
function roleOf(doc: Doc, m: EntityMention, t: number): Role {
  const cache = (doc.mentionRoles ??= new Map());
  const hit = cache.get(m.start);
  if (hit) return hit as Role;
  const rank = subjectRank(doc, m);
  let role: Role = rank === 2 ? 'speech' : rank === 1 ? 'subject' : 'other';
  // "Asked about her own vote in the event that Clinton faces …, she replied": the subject of an embedded clause is
  // what the sentence is about less than its main subject.
  if (role === 'subject' && isEmbeddedSubject(doc, t)) role = 'embedded';
  if (role === 'other') {
    const after = tokenAt(doc, m.end);
    const next = after < doc.tokens.length ? doc.lower[after] : '';
    let before = t - 1;
    while (before >= 0 && before > t - 4 && /^(the|a|an)$/.test(doc.lower[before])) before--;
    if (next === "'s" || next === '’s' || /['’]s?$/.test(m.text)) role = 'poss';
    else if (before >= 0 && PREPOSITIONS.has(doc.lower[before]) && !isSentenceEnd(doc, before) && !isPunct(doc.tokens[before].text)) role = 'prep';
  }
  cache.set(m.start, role);
  return role;
}

/**
 * True when the subject whose phrase starts at token `t` is that of an embedded clause: an embedding word right
 * before the phrase (`in the event that Clinton faces`, `when Warren railed`), or, earlier in its sentence, a `that`
 * or `whether` that opens a clause after a verb or a noun of saying and thinking (`He declared that as long as the
 * field remained divided, Donald Trump would have …`). Not a demonstrative or pronoun `that` (`That night, Trump
 * won`, `After that, Trump held a rally`), nor one in the sentence before.
 */
function isEmbeddedSubject(doc: Doc, t: number): boolean {
  const before = tokenBeforePersonPhrase(doc, t);
  if (before < 0) return false;
  if (EMBEDDING_WORDS.has(doc.lower[before])) return true;
  const sentence = doc.sent[t];
  for (let k = before, n = 0; k > 0 && n < 40 && doc.sent[k] === sentence; k--, n++) {
    if (!doc.inQuote[k] && (doc.lower[k] === 'that' || doc.lower[k] === 'whether') && opensClause(doc, k)) return true;
  }
  return false;
}

/** Nouns a `that` clause completes (`the fact that`, `in the event that`, `the claim that`). */
const CLAUSE_NOUNS: ReadonlySet<string> = new Set(['event', 'fact', 'idea', 'claim', 'claims', 'notion', 'belief', 'hope', 'fear', 'fears', 'possibility', 'news', 'argument', 'suggestion', 'assertion', 'sense', 'view', 'concern', 'concerns', 'warning', 'promise', 'pledge', 'assurance', 'evidence', 'statement', 'report', 'reports', 'question']);

/** Adjectives a `that` clause completes (`it is clear that`, `confident that`). */
const CLAUSE_ADJECTIVES: ReadonlySet<string> = new Set(['clear', 'sure', 'confident', 'convinced', 'aware', 'certain', 'likely', 'possible', 'true', 'obvious', 'worried', 'afraid', 'hopeful']);


/**
 * True when the `that` or `whether` at token `k` opens a clause: after a verb (past a time word, an object pronoun or
 * a name: `said Monday that`, `told me that`, `told CNN that`), a clause noun or adjective (`the fact that`, `clear
 * that`), and before no sentence end; a comma may follow it after a verb (`said that, if elected, …`). Not after an
 * auxiliary (`Trump did that, Clinton said`) or in a phrase (`That night`, `After that,`).
 */
function opensClause(doc: Doc, k: number): boolean {
  const next = doc.tokens[k + 1]?.text;
  if (next === undefined || isSentenceEnd(doc, k + 1)) return false;
  let prev = k - 1;
  for (let n = 0; n < 3 && prev > 0 && !doc.inQuote[prev] && (TIME_WORDS.has(doc.lower[prev]) || OBJECT_PRONOUNS.has(doc.lower[prev]) || (isCapitalized(doc.tokens[prev].text) && !isSentenceEnd(doc, prev - 1))); n++) prev--;
  if (prev < 0 || doc.inQuote[prev]) return false;
  const l = doc.lower[prev];
  const verb = !VERB_PREFIX.has(l) && (isCue(doc, prev) || verbLike(doc, prev));
  if (next === ',') return verb;
  return verb || CLAUSE_NOUNS.has(l) || CLAUSE_ADJECTIVES.has(l);
}

const NO_KEYS: ReadonlySet<string> = new Set();

/** Tokens looked at after a pronoun for names in its clause. */
const CLAUSE_AFTER_PRONOUN = 12;

/**
 * The group keys (`antecedentCandidates`) of the people named after the pronoun `mention` in its clause, up to a
 * comma, a quotation or the sentence's end: `he told Rubio`, `he said of Cruz`, `she said Clinton would win`. A
 * pronoun never stands for a name its own clause puts after it (binding: `he` there would be `himself`, or someone
 * else).
 */
function personsLaterInClause(doc: Doc, mention: TextSlice): ReadonlySet<string> {
  const n = doc.tokens.length;
  const from = tokenAt(doc, mention.end);
  let to = from;
  while (to < n && to - from < CLAUSE_AFTER_PRONOUN && !doc.inQuote[to] && doc.tokens[to].text !== ',' && !isSentenceEnd(doc, to)) to++;
  if (to === from) return NO_KEYS;
  const keys = personKeys(doc);
  const end = doc.tokens[to - 1].end;
  let found: Set<string> | undefined;
  for (let k = lowerBound(doc.persons.length, (i) => doc.persons[i].start >= mention.end); k < doc.persons.length && doc.persons[k].start < end; k++) {
    // Keyed as the candidates are: a surname a family shares by the named member (`Hillary Clinton’s “public option”`
    // after `He made the criticism` rules out Hillary, not Bill).
    (found ??= new Set()).add(personGroupKey(doc, doc.persons[k], keys[k]));
  }
  return found ?? NO_KEYS;
}

/** Mentions looked back over for the latest full name of a shared surname. */
const MAX_FULL_NAME_LOOKBACK = 60;

/** The gender of the latest mention before `offset` of the surname `key` whose own words give one (a full name, an honorific), if any. */
function latestFullNameGender(doc: Doc, key: string, offset: number): 'f' | 'm' | undefined {
  const keys = personKeys(doc);
  for (let k = lastPersonBefore(doc, offset), seen = 0; k >= 0 && seen < MAX_FULL_NAME_LOOKBACK; k--, seen++) {
    if (keys[k] !== key) continue;
    const m = doc.persons[k];
    const gender = genderOf(doc, m.text) ?? honorificGenderBefore(doc, m);
    if (gender) return gender;
  }
  return undefined;
}

/** True when the recogniser found `name` as a person but it is not one of the document's person mentions (`doc.persons`). */
function isUncountedPerson(doc: Doc, name: TextSlice): boolean {
  const persons = doc.persons;
  const k = lowerBound(persons.length, (i) => persons[i].start >= name.start);
  if (k < persons.length && persons[k].start === name.start) return false;
  const entity = rangeContaining(doc.entities, name.start);
  return entity !== undefined && entity.start === name.start && entity.end === name.end && entity.type === 'person';
}

/** Keys of the people named inside `[start, end)`. */
function namedInside(doc: Doc, start: number, end: number): Set<string> {
  const keys = new Set<string>();
  const persons = doc.persons;
  const personKeyOf = personKeys(doc);
  for (let k = lowerBound(persons.length, (i) => persons[i].start >= start); k < persons.length && persons[k].end <= end && keys.size < 8; k++) keys.add(personKeyOf[k]);
  return keys;
}

/** True when an entity of `key` is among the groups (a family's people are grouped apart, under longer keys). */
function hasEntity(groups: ReadonlyMap<string, Group>, key: string): boolean {
  for (const g of groups.values()) if (g.key === key) return true;
  return false;
}

/**
 * The group a person mention is a candidate in for `he` or `she`: its surname `key`, or for a surname full names of
 * both genders share, the family member the mention names ({@link familyMemberKey}).
 */
function personGroupKey(doc: Doc, m: EntityMention, key: string): string {
  return doc.surnameGender.get(key) === 'x' ? familyMemberKey(doc, m, key) : key;
}

/** The key of one of a family's people: the surname and the mention's gender, or the surname alone when it has none. */
function familyMemberKey(doc: Doc, m: EntityMention, key: string): string {
  const gender = genderOf(doc, m.text) ?? honorificGenderBefore(doc, m);
  return gender === undefined ? key : `${key}|${gender}`;
}

/** `Mrs. Clinton`: the gender of an honorific written right before a mention. */
function honorificGenderBefore(doc: Doc, m: EntityMention): 'f' | 'm' | undefined {
  const t = tokenAt(doc, m.start);
  if (t === 0) return undefined;
  let k = t - 1;
  if (doc.tokens[k].text === '.' && k > 0) k--;
  return doc.lex.vocabulary.honorificGender(doc.tokens[k].text);
}

/** True when a mention of the entity before `offset` possesses the description's head (`Clinton's … statement`). */
function ownsHead(doc: Doc, g: Group, head: string, offset: number): boolean {
  const m = g.latest;
  const after = doc.text.slice(m.end, Math.min(offset, m.end + 40)).toLowerCase();
  const possessive = /['’]s?$/.test(m.text) ? /^\s/.test(after) : /^['’]s?\s/.test(after);
  if (!possessive) return false;
  const words = after.replace(/^['’]s?/, '').trim().split(/\s+/, 3);
  return words.some((w) => w.replace(/[^\p{L}]/gu, '') === head);
}

/** How many mentions of the surname `key` end before `offset` in the whole document (binary search). */
function mentionsBefore(doc: Doc, key: string, offset: number): number {
  let index = doc.surnameMentions;
  if (!index) {
    const built = new Map<string, number[]>();
    const keys = personKeys(doc);
    for (let i = 0; i < doc.persons.length; i++) {
      const m = doc.persons[i];
      const k = keys[i];
      let list = built.get(k);
      if (!list) built.set(k, (list = []));
      list.push(m.end);
    }
    index = doc.surnameMentions = built;
  }
  const ends = index.get(key);
  if (!ends) return 0;
  return lowerBound(ends.length, (i) => ends[i] > offset);
}

/** Organisation mentions ending before `offset` within the window, in document order. */
function organizationsBefore(doc: Doc, offset: number): EntityMention[] {
  const list = doc.entities;
  const out: EntityMention[] = [];
  for (let k = lowerBound(list.length, (i) => list[i].end >= offset - WINDOW_CHARS); k < list.length && list[k].end <= offset; k++) if (list[k].type === 'organization') out.push(list[k]);
  return out;
}
