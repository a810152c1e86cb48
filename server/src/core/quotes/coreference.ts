/**
 * Coreference for speakers: which named person a pronoun (`he`, `she`) or a role nominal (`the foreign
 * minister`) stands for — gender agreement from first names and honorifics, the subject position of
 * earlier mentions, the previous quotation's speaker, and titles given to a name anywhere in the article.
 */
import { withoutFormatCharacters } from '../formatCharacters';
import { NominalResolver } from '../nominals';
import { lowerBound } from '../search';
import { type Doc, type NounPhrase, derivedGivenNameGender, givenNameIndex, hasCapital, headLower, isCapitalized, isInitial, isCue, isPunct, isSentenceEnd, noteGender, overlapsEntity, personKeys, personTokens, prevOutside, slice, stripPossessive, surname, tokenAt, verbLike } from './document';
import { npRightOf, npToken, speakerKind, subjectOf } from './phrases';
import { DETERMINERS, EMBEDDING_WORDS, SUBJECT_PRONOUNS, VERB_PREFIX, isLyAdverb } from './words';
import type { EntityMention, TextSlice } from '../types';
import type { Anaphor, AntecedentCandidate, SpeakerTurn } from './antecedents';
import type { Weights } from './ranker';

export const RESOLVE_CHARS = 3000;

/** Index of the last person mention ending at or before `offset`. */
export function lastPersonBefore(doc: Doc, offset: number): number {
  const persons = doc.persons;
  return lowerBound(persons.length, (i) => persons[i].end > offset) - 1;
}

export function isInsideQuote(doc: Doc, offset: number): boolean {
  const t = tokenAt(doc, offset);
  return t < doc.tokens.length && doc.tokens[t].start === offset && doc.inQuote[t] === 1;
}

/**
 * The named person a pronoun refers to: the nearest preceding person mention outside quotations that stands
 * as a subject (sentence-initial, before a verb, or a known speaker); else the nearest person mention.
 */
export function resolvePronoun(doc: Doc, offset: number, pronoun: string, state: SpeakerState): TextSlice | undefined {
  // "Kerry said that he spoke …": the named subject of a speech verb earlier in the same sentence.
  const pt = tokenAt(doc, offset);
  for (let v = pt - 1, n = 0; v >= 0 && n < 30 && doc.para[v] === doc.para[pt] && !isSentenceEnd(doc, v); v--, n++) {
    if (!isCue(doc, v)) continue;
    const np = subjectOf(doc, v, Math.max(0, v - 12));
    if (np && hasCapital(doc, np.from, np.to) && !SUBJECT_PRONOUNS.has(doc.lower[np.from]) && speakerKind(doc, np) === 'person' && genderAgrees(doc, slice(doc, np.from, np.to).text, pronoun)) {
      return slice(doc, np.from, np.to);
    }
    break;
  }
  let fallback: EntityMention | undefined;
  let subject: EntityMention | undefined;
  let speaker: EntityMention | undefined;
  let seen = 0;
  const para = doc.para[Math.min(pt, doc.tokens.length - 1)] ?? 0;
  for (let k = lastPersonBefore(doc, offset); k >= 0 && seen < 15; k--) {
    const m = doc.persons[k];
    if (offset - m.end > RESOLVE_CHARS) break;
    if (isInsideQuote(doc, m.start)) continue;
    seen++;
    if (!genderAgrees(doc, m.text, pronoun)) continue;
    fallback ??= m;
    const rank = state.speakers.has(m.start) ? 2 : subjectRank(doc, m);
    if (rank === 1) subject ??= m;
    if (rank === 2) {
      speaker = m;
      break;
    }
  }
  // People quoted in news are introduced with a speech verb: the subject of the nearest speech verb in this or
  // the previous paragraph beats a more recent subject of another verb ("Westmacott also said that Obama
  // shows … ¶ “…,” he said").
  // A named speaker the recogniser missed ("campaign chairman John Podesta told …", "according to a post from
  // Arianna Huffington"): the nearest speech verb with a capitalised subject, found in the tokens themselves.
  const named = namedSpeakerBefore(doc, pt, pronoun);
  if (named && (!speaker || named.start > speaker.start) && (!subject || named.start > subject.start || doc.para[tokenAt(doc, named.start)] === doc.para[tokenAt(doc, subject.start)])) {
    speaker = named;
  }
  // Only when they compete in one paragraph: a plain subject in a later paragraph has taken over the topic.
  const mp = speaker ? doc.para[tokenAt(doc, speaker.start)] : -1;
  const sp = subject ? doc.para[tokenAt(doc, subject.start)] : -1;
  if (speaker && (!subject || (para - mp <= 1 && sp === mp))) subject = speaker;
  // The speaker of the previous quotation keeps the floor ("“…,” Lavrov said. … “…,” he added") unless a
  // person was introduced as a subject since, or the pronoun's gender contradicts the one used for them.
  const last = state.last;
  if (last && offset - last.at < RESOLVE_CHARS && (!subject || last.at >= subject.start) && (!last.pronoun || last.pronoun === pronoun) && genderAgrees(doc, last.name.text, pronoun)) {
    return last.name;
  }
  const m = subject ?? fallback;
  return m ? { start: m.start, end: m.end, text: m.text } : undefined;
}

/**
 * The person the pronoun's own sentence is about, when the pronoun follows it there: the named subject of the
 * nearest verb before it (`Secretary General Ban Ki-moon condemned what he called a “brazen breach”`, `Sanders told
 * reporters he …`), if that subject is a person of the pronoun's gender. Binding within a sentence is grammar; the
 * antecedent ranker, trained on a gold that takes the nearest earlier *quoted* person, gave such pronouns to the
 * previous speaker. Undefined when the nearest verb has no such subject, or a quotation comes between.
 */
export function clauseSubject(doc: Doc, offset: number, pronoun: string): TextSlice | undefined {
  const pt = tokenAt(doc, offset);
  for (let v = pt - 1, n = 0; v >= 0 && n < 20 && doc.para[v] === doc.para[pt] && !isSentenceEnd(doc, v) && !doc.inQuote[v]; v--, n++) {
    if (!verbLike(doc, v) || VERB_PREFIX.has(doc.lower[v])) continue;
    const np = subjectOf(doc, v, Math.max(0, v - 12));
    if (!np || SUBJECT_PRONOUNS.has(doc.lower[np.from])) return undefined;
    // The name the recogniser found at the phrase's end (`Secretary General Ban Ki-moon` → `Ban Ki-moon`).
    const last = doc.tokens[np.to - 1];
    const k = lastPersonBefore(doc, last.end);
    const person = k >= 0 ? doc.persons[k] : undefined;
    if (!person || person.end < last.end || person.start < doc.tokens[np.from].start) return undefined;
    return genderAgrees(doc, person.text, pronoun) ? { start: person.start, end: person.end, text: person.text } : undefined;
  }
  return undefined;
}

/**
 * The nearest capitalised subject of a speech verb (or object of "according to") before token `pt`, within
 * this and the previous paragraph and a bounded number of tokens; as a mention-like slice.
 */
export function namedSpeakerBefore(doc: Doc, pt: number, pronoun: string): EntityMention | undefined {
  const para = doc.para[Math.min(pt, doc.tokens.length - 1)] ?? 0;
  // At most a few speech verbs are examined: a run of "he said" must not make every quotation pay for all.
  for (let v = prevOutside(doc, pt), n = 0, cues = 0; v >= 0 && n < 80 && cues < 4 && para - doc.para[v] <= 1; v = prevOutside(doc, v), n++) {
    let np: NounPhrase | undefined;
    if (doc.lower[v] === 'according' && doc.lower[v + 1] === 'to') np = npRightOf(doc, v + 2, Math.min(doc.tokens.length, v + 12));
    else if (isCue(doc, v) && !doc.lower[v].endsWith('ing')) {
      cues++;
      np = subjectOf(doc, v, Math.max(0, v - 15));
    }
    if (!np || SUBJECT_PRONOUNS.has(doc.lower[np.from]) || !isCapitalized(doc.tokens[np.to - 1].text)) continue;
    const kind = speakerKind(doc, np);
    if (kind === 'organization' || kind === 'group' || overlapsEntity(doc, np.from, np.to, 'location')) continue;
    // The name itself: the capitalised tail of the phrase ("campaign chairman John Podesta" → "John Podesta").
    let from = np.to - 1;
    while (from - 1 >= np.from && isCapitalized(doc.tokens[from - 1].text) && !DETERMINERS.has(doc.lower[from - 1])) from--;
    const m = slice(doc, from, np.to);
    if (!genderAgrees(doc, m.text, pronoun)) continue;
    return { start: m.start, end: m.end, type: 'person', text: m.text };
  }
  return undefined;
}

/** Gender of a person name, from its first name or from the document's use of the surname. */
export function genderOf(doc: Doc, written: string): 'f' | 'm' | undefined {
  // Read without format characters, as its surname is (`surname`): `John \u00adKerry` is John Kerry.
  const name = withoutFormatCharacters(written).trim();
  // The same names are asked about by every pronoun and candidate near them: read once per document.
  let g = doc.genders.get(name);
  if (g === undefined) doc.genders.set(name, (g = nameGender(doc, name) ?? ''));
  return g === '' ? undefined : g;
}

function nameGender(doc: Doc, name: string): 'f' | 'm' | undefined {
  const bare = stripPossessive(name);
  // A noun for the person before the name in the article (`widow Terry Strada`), or in the phrase itself.
  const named = doc.namedGender.size > 0 ? doc.namedGender.get(bare) : undefined;
  if (named === 'f' || named === 'm') return named;
  const words = name.split(/\s+/);
  const last = words.length - 1;
  // The hand-written first names for every word but the surname (`Scott`, `Thomas` are men's first names and many
  // women's surnames), honorifics and gendered nouns (lower case) for any.
  for (let i = 0; i <= last; i++) {
    const w = words[i];
    const g = (i < last || (last === 0 && !isSurnameHere(doc, w)) ? doc.lex.firstNames.get(w) : undefined) ?? doc.lex.vocabulary.honorificGender(w) ?? (isCapitalized(w) ? undefined : doc.lex.vocabulary.nounGender(w));
    if (g) return g;
  }
  // The derived given names only for the word before the surname (`derivedGivenNameGender`).
  const given = derivedGivenNameGender(doc.lex, words);
  if (given) return given;
  if (last > 0 && hasUnknownGivenName(doc, words)) return pronounGender(doc, bare);
  const g = doc.surnameGender.get(stripPossessive(words[last]));
  // Full names of both genders share the surname (`Donald Trump`, `Melania Trump`): a lone `Trump` is either.
  return g === 'f' || g === 'm' ? g : g === 'x' ? undefined : pronounGender(doc, bare);
}

/** Pronouns that, right after a clause's named subject, stand for it (`Rubio sold his house`, `Rubio thinks he`). */
const SUBJECT_BOUND_PRONOUNS: ReadonlyMap<string, 'f' | 'm'> = new Map([['he', 'm'], ['his', 'm'], ['himself', 'm'], ['she', 'f'], ['herself', 'f']]);

/**
 * Words after which a pronoun may stand for someone else: object pronouns (`praised her`), relative pronouns
 * (`whom he appointed`), and the subordinators that open a clause of its own (`sued the landlord after he refused`).
 */
const PRONOUN_WALK_STOPS: ReadonlySet<string> = new Set([
  'him', 'her', 'they', 'them', 'who', 'whom', 'whose', 'which', 'where', 'when', 'while', 'after', 'before', 'until',
  'as', 'because', 'if', 'since', 'though', 'although', 'unless', 'once', 'than',
]);

/**
 * The gender the article's own pronouns give a name that no first name, honorific or noun genders (read by
 * `nameGender` when nothing else tells): the subject of a clause followed in its sentence by `his`, `he`,
 * `himself`, `she` or `herself` with only lower-case words between that bring in no one else (`Rubio has used
 * his …`, `X quietly sold his house`). The walk stops at a speech verb (`Melania Trump tells supporters that
 * he loves you`: reported speech is about others), a determiner or a capitalised word (another noun phrase or name
 * the pronoun may stand for: `hugged the victim as he wept`, `worked for GE until he`), punctuation, and the words of
 * {@link PRONOUN_WALK_STOPS}. Evidence from a full name reaches its lone surname only when no full name of another
 * given name shares the surname (`Tenzin Zdrowski` and `Kesi Zdrowski`). `x` where the evidence conflicts.
 */
function pronounGender(doc: Doc, name: string): 'f' | 'm' | undefined {
  let genders = doc.pronounGenders;
  if (!genders) genders = doc.pronounGenders = pronounGenders(doc);
  const g = genders.get(name);
  return g === 'f' || g === 'm' ? g : undefined;
}

function pronounGenders(doc: Doc): Map<string, 'f' | 'm' | 'x'> {
  const genders = new Map<string, 'f' | 'm' | 'x'>();
  const persons = doc.persons;
  const tokens = personTokens(doc);
  const keys = personKeys(doc);
  const n = doc.tokens.length;
  // The given names each surname comes with: a surname of two people is either.
  const givenNames = new Map<string, string>();
  for (let k = 0; k < persons.length; k++) {
    const text = persons[k].text;
    const space = text.indexOf(' ');
    if (space < 0) continue;
    const given = text.slice(0, space);
    const seen = givenNames.get(keys[k]);
    if (seen === undefined) givenNames.set(keys[k], given);
    else if (seen !== given) noteGender(genders, keys[k], 'x');
  }
  for (let k = 0; k < persons.length; k++) {
    const m = persons[k];
    const t = tokens[k];
    if (t >= n || doc.inQuote[t] || subjectRank(doc, m) === 0) continue;
    for (let i = tokenAt(doc, m.end); i < n && i < t + 12 && doc.sent[i] === doc.sent[t] && !doc.inQuote[i]; i++) {
      const w = doc.lower[i];
      if (isCue(doc, i)) break;
      const g = SUBJECT_BOUND_PRONOUNS.get(w);
      if (g) {
        noteGender(genders, stripPossessive(m.text), g);
        if (m.text.indexOf(' ') >= 0) noteGender(genders, keys[k], g);
        break;
      }
      const word = doc.tokens[i].text;
      if (PRONOUN_WALK_STOPS.has(w) || DETERMINERS.has(w) || isPunct(word) || isCapitalized(word) || doc.lex.personHeads.has(w) || doc.lex.vocabulary.nounGender(w)) break;
    }
  }
  return genders;
}

/** True when a lone word is the surname of a person this article names in full (`Thomas` after `Mattie Thomas`). */
function isSurnameHere(doc: Doc, word: string): boolean {
  if (!doc.fullNameSurnames) {
    doc.fullNameSurnames = new Set();
    const keys = personKeys(doc);
    doc.persons.forEach((m, k) => {
      if (/\s/.test(m.text)) doc.fullNameSurnames!.add(keys[k]);
    });
  }
  return doc.fullNameSurnames.has(stripPossessive(word));
}

/**
 * True when a word that is neither an initial nor a title stands before the surname (`Rakeyia Scott`): a given name of
 * unknown gender, so the name is not the surname's known bearer (`Keith Scott`, in the same article) but maybe a relative.
 */
function hasUnknownGivenName(doc: Doc, words: readonly string[]): boolean {
  const w = words[givenNameIndex(words)];
  return !isInitial(w) && !doc.lex.titleOfForm.has(w.toLowerCase().replace(/\.$/, ''));
}

/** False only when the name is known to take the other pronoun. */
export function genderAgrees(doc: Doc, name: string, pronoun: string): boolean {
  const g = genderOf(doc, name);
  if (!g) return true;
  return pronoun === 'she' ? g === 'f' : pronoun === 'he' ? g === 'm' : true;
}

/** What the attribution pass remembers from one quotation to the next. */
export interface SpeakerState {
  /** Starts of person mentions already seen as speakers. */
  readonly speakers: Set<number>;
  /** The last named person speaker: the name, where it was last referred to, and the pronoun used then. */
  last?: { name: TextSlice; at: number; pronoun?: string };
  /** The quotations attributed so far to a named (or resolved) speaker, in order. */
  readonly turns: SpeakerTurn[];
  /** The antecedent ranker's weights (`ranker.ts`); without them the hand rules below resolve alone. */
  readonly antecedents?: Weights;
  /** Training: receives the candidates of every resolution, with the mention and the quotation's start. */
  readonly collectAntecedents?: (anaphor: Anaphor, candidates: AntecedentCandidate[]) => void;
}

/**
 * How a person mention stands in its sentence: 2 = the subject (or inverted agent) of a speech verb,
 * 1 = the subject of another verb, 0 = not a subject (an object, a possessor, inside a prepositional phrase).
 */
export function subjectRank(doc: Doc, m: EntityMention): 0 | 1 | 2 {
  const t = tokenAt(doc, m.start);
  const e0 = tokenAt(doc, m.end);
  if (t >= doc.tokens.length) return 0;
  // The same mention is asked about by the candidates of neighbouring quotations, the antecedents and the
  // pronoun rules: its rank is read once, kept by its first token with its end token (`(e0 + 1) << 2 | rank`).
  const ranks = doc.subjectRanks;
  const known = ranks[t];
  if (known >> 2 === e0 + 1) return (known & 3) as 0 | 1 | 2;
  const rank = subjectRankAt(doc, t, e0);
  ranks[t] = ((e0 + 1) << 2) | rank;
  return rank;
}

/** Finite auxiliaries and the copula (`is selling`, `was asked`, `has been`), clitics included. */
const AUXILIARIES: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'might', 'may', 'should', 'must', 'did', 'does', 'do', 'wo', 'ca', "'d", '’d', "'ve", '’ve', "'ll", '’ll', "'s", '’s']);

/**
 * True when a verb of its own follows a name ending before token `k`, past adverbs: `…, said Sanders has pushed`,
 * `said Sanders supporters` (a plural noun reads as a verb, and the name is no agent there either), but not `…,
 * said Smith later.` (`later`, `again`, `publicly` are among the words `verbLike` takes for verbs).
 */
export function verbFollows(doc: Doc, k: number): boolean {
  const n = doc.tokens.length;
  let j = k;
  while (j < n && j < k + 3 && !AUXILIARIES.has(doc.lower[j]) && (VERB_PREFIX.has(doc.lower[j]) || isLyAdverb(doc.lower[j]))) j++;
  if (j >= n || doc.inQuote[j]) return false;
  const l = doc.lower[j];
  if (l === "'s" || l === '’s') return false;
  return AUXILIARIES.has(l) || (verbLike(doc, j) && !VERB_PREFIX.has(l) && !isLyAdverb(l));
}

/** Dashes that set off an apposition (`Name – a description – said`). */
const DASHES: ReadonlySet<string> = new Set(['—', '–', '--', '―']);

/**
 * The token before the phrase of the person mention starting at token `t`, past titles, determiners, lower-case role
 * words and their modifiers (`councilmember Mark Levine`, `Republican presidential front-runner Donald Trump`); -1 at
 * the text's start.
 */
export function tokenBeforePersonPhrase(doc: Doc, t: number): number {
  let pb = t - 1;
  while (
    pb >= 0 && pb > t - 6 && doc.para[pb] === doc.para[t] && !doc.inQuote[pb] &&
    (DETERMINERS.has(doc.lower[pb]) || isCapitalized(doc.tokens[pb].text) || doc.lex.personHeads.has(doc.lower[pb]) || doc.lex.vocabulary.isRoleModifier(doc.lower[pb]) || /^\p{N}/u.test(doc.tokens[pb].text) || doc.lower[pb] === "'s" || doc.lower[pb] === '’s') &&
    !isPunct(doc.tokens[pb].text) &&
    // A capitalised conjunction opening the sentence is no title (`When Donald Trump arrived`).
    !EMBEDDING_WORDS.has(doc.lower[pb])
  ) pb--;
  return pb;
}

/**
 * What a clause's subject may come right after (`, Trump said`, `and Trump said`, `because Trump said`): punctuation
 * within a sentence, the coordinators, and the {@link EMBEDDING_WORDS} but `whether`, `once`, `until` and `unless`.
 * Those four were never in this list (`whether` in it reads one PolNeAR article otherwise, the others none).
 */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  ',', ';', ':', '—', '–', '--', 'and', 'but', 'so', 'then',
  ...[...EMBEDDING_WORDS].filter((w) => w !== 'whether' && w !== 'once' && w !== 'until' && w !== 'unless'),
]);

/**
 * Words that open a clause or a prepositional phrase (`after Trump won`, `went after Bush`): a property of their own,
 * not one more list of clause openers. `until` is no {@link CLAUSE_OPENERS} member, so it decides nothing here as yet.
 */
const PREPOSITION_OR_CONJUNCTION: ReadonlySet<string> = new Set(['after', 'before', 'since', 'as', 'until']);

/** {@link subjectRank} of the mention of tokens `t` … `e0 - 1`. */
function subjectRankAt(doc: Doc, t: number, e0: number): 0 | 1 | 2 {
  const pb = tokenBeforePersonPhrase(doc, t);
  // "“…,” said Grant Green" / ", said Grant Green": the agent of an inverted speech verb.
  // Not a possessor ("…, said Ivanka Trump's statement didn't …"), nor the subject of the reported clause ("…, said
  // Sanders has pushed …"): the agent ends its clause.
  if (pb >= 0 && isCue(doc, pb) && pb - 1 >= 0 && (doc.inQuote[pb - 1] || doc.tokens[pb - 1].text === ',')) {
    const after = doc.lower[e0] ?? '';
    if (after !== "'s" && after !== '’s' && !verbFollows(doc, e0)) return 2;
  }
  const prevWord = pb >= 0 && doc.para[pb] === doc.para[t] ? doc.lower[pb] : '';
  // A subject starts a clause: sentence start, after a comma, a conjunction or a complementiser. After a
  // preposition or a verb the name is an object ("terminating Trump contracts", "He said Mateen …").
  // "Then there's Axelrod.": a presentational sentence introduces its subject.
  if ((prevWord === "'s" || prevWord === '’s' || prevWord === 'is') && pb - 1 >= 0 && doc.lower[pb - 1] === 'there') return 1;
  const clauseStart = prevWord === '' || isSentenceEnd(doc, pb) || doc.inQuote[pb] === 1 || CLAUSE_OPENERS.has(prevWord);
  if (!clauseStart) return 0;
  // "Trump went after Bush, calling him “a total stiff”": a word that is a preposition as often as a conjunction,
  // before a name and a comma, took the name for a clause's subject and the participle after the comma for its verb.
  if (PREPOSITION_OR_CONJUNCTION.has(prevWord) && doc.tokens[e0]?.text === ',') return 0;
  // After the mention: an auxiliary, a speech verb, a past or present verb form; or an appositive first.
  let e = e0;
  if (doc.tokens[e]?.text === '(') {
    // "Sen. David Perdue (R-Ga.) said"
    let k = e + 1;
    while (k < doc.tokens.length && k < e + 8 && doc.tokens[k].text !== ')') k++;
    if (k < doc.tokens.length && doc.tokens[k].text === ')') e = k + 1;
  }
  // "Governor Chris Christie – a Dallas Cowboys fan – gave": an apposition set off by dashes, passed over to the
  // verb after the closing dash (within the sentence; a dash that closes nothing ends the look).
  if (DASHES.has(doc.tokens[e]?.text ?? '')) {
    const lim = Math.min(doc.tokens.length, e + 16);
    let k = e + 1;
    while (k < lim && !DASHES.has(doc.tokens[k].text) && !isSentenceEnd(doc, k) && !doc.inQuote[k]) k++;
    if (k < lim && DASHES.has(doc.tokens[k].text)) e = k + 1;
  }
  // "Obama himself seemed", "Trump himself was delighted": an intensifying reflexive stands with the name.
  if (/^(himself|herself|themselves|itself)$/.test(doc.lower[e] ?? '')) e++;
  // "Herman Cain, the pizza maven …, was asked", "Woodrow Benford, 58, who lives …, says", "Sen. Dianne
  // Feinstein of California, the ranking Democrat …, who said": a verb right after a later comma (or after
  // "who") makes the name the subject of the sentence.
  if (doc.tokens[e]?.text === ',') return rankAfterApposition(doc, e, false);
  if (doc.lower[e] === 'of' || doc.lower[e] === 'at' || doc.lower[e] === 'from') {
    // "Jeffrey Lewis of the James Martin Center wrote"
    const lim = Math.min(doc.tokens.length, e + 12);
    let k = e + 1;
    while (k < lim && (npToken(doc, k) || /^(of|at|for|in|and|from)$/.test(doc.lower[k]))) k++;
    e = k;
    // "Rep. Lee Zeldin of New York, a Trump supporter, said": the speech verb after both. Only a speech verb,
    // the case seen: counting another verb there too changed no attribution over PolNeAR train + dev.
    if (doc.tokens[e]?.text === ',') return rankAfterApposition(doc, e, true);
  }
  // "Cruz openly admitted", "Christie's been making the case": adverbs and a clitic auxiliary first.
  let auxiliary = false;
  while (e < doc.tokens.length && !isCapitalized(doc.tokens[e].text) && (isLyAdverb(doc.lower[e]) || VERB_PREFIX.has(doc.lower[e]) || ((doc.lower[e] === "'s" || doc.lower[e] === '’s') && /^(been|not|got|going|said|told|\w+ed|\w+ing)$/.test(doc.lower[e + 1] ?? '')))) {
    if (isCue(doc, e + 1)) return 2;
    if (AUXILIARIES.has(doc.lower[e])) auxiliary = true;
    e++;
  }
  if (e >= doc.tokens.length) return 0;
  if (isCue(doc, e)) return 2;
  // A finite auxiliary or the copula right after the name makes it the subject, whatever follows (`George Zimmerman
  // is selling the gun`, `Kaine did not see the media's point`, `Trump will win`, `Rubio was ready`); else a verb
  // form (a form in -ing alone is no `verbLike` word: `the man selling guns`).
  return auxiliary || verbLike(doc, e) ? 1 : 0;
}

/**
 * How a name stands when an apposition follows it (a comma at token `comma`): the subject of the verb right
 * after a later comma or `, who` (2 for a speech verb), else no subject. `speechOnly`: only a speech verb counts.
 */
function rankAfterApposition(doc: Doc, comma: number, speechOnly: boolean): 0 | 1 | 2 {
  const lim = Math.min(doc.tokens.length, comma + 40);
  for (let k = comma + 1; k < lim && !isSentenceEnd(doc, k) && !doc.inQuote[k]; k++) {
    if (doc.tokens[k - 1].text !== ',' && !(doc.lower[k - 1] === 'who' && doc.tokens[k - 2]?.text === ',')) continue;
    // "…, who say …" is a side remark about the person: a subject, not the main speaker.
    if (isCue(doc, k)) return doc.lower[k - 1] === 'who' ? (speechOnly ? 0 : 1) : 2;
    if (!speechOnly && k > comma + 1 && verbLike(doc, k) && doc.tokens[k - 1].text === ',') return 1;
  }
  return 0;
}

/**
 * The person a description stands for (`the foreign minister` of `Foreign Minister Sergei Lavrov` or `Lavrov, the
 * foreign minister`; `his Russian counterpart`; `the latter`). `guessed` when no one bears the title and the person
 * is only the nearest subject: a guess the ranker weighs, not a match.
 */
export function resolveNominal(doc: Doc, np: NounPhrase, offset: number): { person: TextSlice; guessed: boolean } | undefined {
  const head = headLower(doc, np);
  const det = doc.lower[np.from];
  const matched = (person: TextSlice | undefined) => (person ? { person, guessed: false } : undefined);
  if (det === 'the' && np.to - np.from === 2 && (head === 'latter' || head === 'former')) return matched(latterOrFormer(doc, offset, head));
  // "his Russian counterpart": a person the article gives the description's other words to.
  if ((det === 'his' || det === 'her' || det === 'their') && doc.lex.personHeads.has(head)) return matched(describedPerson(doc, np, offset));
  // Only titles single out one person; "the source", "the aide" could be anybody.
  if (!doc.lex.titleForms.has(head) || det !== 'the') return undefined;
  // A person given this title anywhere in the article ("Sen. Ted Cruz" early on, "Cruz" since), or in an
  // appositive ("Lavrov, the Russian foreign minister,"): the shared resolver of role descriptions.
  const words: string[] = [];
  for (let i = np.from + 1; i < np.to; i++) words.push(doc.lower[i]);
  const hit = nominalResolver(doc).resolve(words, offset, { wholeDescription: false, maxMentions: 40 });
  if (hit) {
    const m = doc.persons[lowerBound(doc.persons.length, (i) => doc.persons[i].start >= hit.start)];
    return matched({ start: m.start, end: m.end, text: m.text });
  }
  // No one carries the title: the person the text is about, i.e. the nearest subject in this or the
  // previous paragraph ("Hillary Clinton wants … ¶ The Democratic frontrunner wrote …").
  const para = doc.para[Math.min(tokenAt(doc, offset), doc.tokens.length - 1)] ?? 0;
  for (let k = lastPersonBefore(doc, offset), n = 0; k >= 0 && n < 8; k--, n++) {
    const m = doc.persons[k];
    if (para - doc.para[tokenAt(doc, m.start)] > 1) break;
    if (!isInsideQuote(doc, m.start) && subjectRank(doc, m) > 0) return { person: { start: m.start, end: m.end, text: m.text }, guessed: true };
  }
  return undefined;
}


/** The document's resolver of role descriptions: its people (by surname) with the titles the article gives them. */
function nominalResolver(doc: Doc): NominalResolver<string> {
  if (!doc.nominals) {
    const keys = personKeys(doc);
    doc.nominals = new NominalResolver(
      doc.persons.map((m, i) => ({ start: m.start, holder: keys[i] })),
      (key) => doc.titles.get(key),
    );
  }
  return doc.nominals;
}

/**
 * "the latter" / "the former": the last, or the one before the last, person named in the sentence before
 * the description or earlier in its own (distinct names, outside quotations).
 */
function latterOrFormer(doc: Doc, offset: number, which: 'latter' | 'former'): TextSlice | undefined {
  const at = Math.min(tokenAt(doc, offset), doc.tokens.length - 1);
  const names: EntityMention[] = [];
  for (let k = lastPersonBefore(doc, offset); k >= 0 && names.length < 2; k--) {
    const m = doc.persons[k];
    const t = tokenAt(doc, m.start);
    if (doc.sent[at] - doc.sent[Math.min(t, doc.tokens.length - 1)] > 1) break;
    if (doc.inQuote[t] || names.some((n) => surname(n.text) === surname(m.text))) continue;
    names.push(m);
  }
  const m = which === 'latter' ? names[0] : names.length === 2 ? names[1] : undefined;
  return m ? { start: m.start, end: m.end, text: m.text } : undefined;
}

/**
 * A possessive description ("his Russian counterpart", "her Republican rival"): the nearest person outside
 * quotations whose surroundings carry every other word of it ("Russian Foreign Minister Sergei Lavrov"),
 * outside the description's own sentence (where the one "his" stands for is named).
 */
function describedPerson(doc: Doc, np: NounPhrase, offset: number): TextSlice | undefined {
  const words: string[] = [];
  for (let i = np.from + 1; i < np.to - 1; i++) if (doc.lower[i].length > 2) words.push(doc.lower[i]);
  if (words.length === 0) return undefined;
  const at = Math.min(tokenAt(doc, offset), doc.tokens.length - 1);
  for (let k = lastPersonBefore(doc, offset), seen = 0; k >= 0 && seen < 40; k--, seen++) {
    const m = doc.persons[k];
    if (offset - m.end > RESOLVE_CHARS) break;
    const t = tokenAt(doc, m.start);
    // A person of the description's own sentence is the one "his" stands for, not the one described.
    if (doc.inQuote[t] || doc.sent[t] === doc.sent[at]) continue;
    const around = doc.text.slice(Math.max(0, m.start - 40), Math.min(offset, m.end + 50)).toLowerCase();
    if (words.every((w) => around.includes(w))) return { start: m.start, end: m.end, text: m.text };
  }
  return undefined;
}

export function personStartIn(doc: Doc, s: TextSlice): number | undefined {
  const k = lastPersonBefore(doc, s.end);
  const m = doc.persons[k];
  return m && m.start >= s.start ? m.start : undefined;
}
