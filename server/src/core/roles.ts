import { MONTHS, WEEKDAYS, isCapitalisedIn } from './figures';
import type { NameLexicon } from './nameLexicon';
import { isPluralOf } from './plurals';
import { IRREGULAR_PAST, QUANTIFIERS } from './quotes/words';
import { firstStartingFrom } from './search';
import type { EntityMention, OffsetRange, Sentence, Token } from './types';
import type { Vocabulary } from './vocabulary';

const ROLE_CONNECTORS = new Set(['of', 'for', 'and', 'on', 'to', 'in', '’s', "'s", '-', 'the']);
const LEADING_NOISE = new Set(['the', 'his', 'her', 'their', 'its', 'of', 'for', 'and', 'on', 'to', 'in', '-', 'a', 'an']);
/** Possessive pronouns before a title: the title is relative to someone (`his German counterpart`). */
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'His', 'Her', 'Their']);
/** The possessive ending written as a token of its own (`Iowa` `'s`). */
export const POSSESSIVE_MARKS: ReadonlySet<string> = new Set(["'s", '’s']);
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
/** Role qualifiers that are verbs too (`talk`, `managing`, `organizing`). */
const VERB_LIKE_MODIFIER = /^(?:talk|\p{Ll}+ing)$/u;
/** Words that qualify a title rather than open a sentence (`Former Russian ambassador`). */
const TITLE_MODIFIERS = new Set(['former', 'acting', 'interim', 'incoming', 'outgoing', 'then', 'late', 'current', 'ex', 'retired', 'senior', 'top']);
/** Separates the roles found at one mention in a {@link FoundRole}'s text (`Rabbi; founder of …`); no role holds it. */
const ROLE_SEPARATOR = '; ';
/** An apposition runs at most this many tokens before its end. */
const MAX_APPOSITION = 24;
/** The articles in lower case: what opens an apposition (`, the Canadian mining company,`) and what a role's identity leaves out (`Speaker of the House`). */
export const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);
const OPENING_QUOTES = new Set(['“', "''", '``', '"']);
/** What a participle ending a role takes after it (`bidding to make history`, `organizing the convention`, `living in a shelter`). */
const TAKES_AFTER_PARTICIPLE = new Set(['to', 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'in', 'on', 'at', 'for', 'with']);
/**
 * True when token `k`, after a role's head, is a participle that takes its own complement and so ends the role
 * (`… for the Republican committee organizing the convention`). Not a noun in -ing after a determiner or a preposition
 * (`the organizer of a meeting to discuss …`, `after winning the primaries`), nor a preposition (`during`).
 */
function endsRoleAsParticiple(tokens: readonly Token[], k: number): boolean {
  const word = tokens[k].text;
  const before = tokens[k - 1].text.toLowerCase();
  if (!/^\p{Ll}+ing$/u.test(word) || PHRASE_OPENERS.has(word) || LEADING_NOISE.has(before) || OTHER_POSSESSIVES.has(before) || PHRASE_OPENERS.has(before)) return false;
  return TAKES_AFTER_PARTICIPLE.has(tokens[k + 1]?.text.toLowerCase() ?? '');
}

/** An age written as one word (`55-year-old`). */
const AGE = /^\d+-year-old$/;
/** The forms of `be` after `who` that make the relative clause say what the person is (`who is chairman of …`). */
const BE_FORMS = new Set(['is', 'was', "'s", '’s']);
/**
 * Words that open another clause after a predicate (`who was lieutenant governor of Maryland when Perez …`): the
 * subordinators of {@link PHRASE_OPENERS}, not its prepositions, which may continue a role (`director of`, `adviser to`).
 */
const SUBORDINATORS = new Set(['when', 'while', 'because', 'until', 'although', 'though', 'if', 'whether']);
/** Adverbs of time that open a second predicate (`and later worked at …`). */
const LATER_ADVERBS = new Set(['later', 'previously', 'earlier', 'subsequently', 'eventually']);
/** Adverbs of time and place around a description, no part of its role (`now a fellow at …`, `a Clinton supporter here`); lower case (`One Wisconsin Now`). */
const ADVERBS = new Set(['now', 'currently', 'formerly', 'also', 'once', 'here', 'there', 'then', 'too', 'still', 'today']);
/** Possessives of no person before a description, left out of it (`its acting chairman`, `our correspondent`). */
const OTHER_POSSESSIVES = new Set(['its', 'our', 'my', 'your']);
/** `Sarah Silverman, herself a Sanders supporter,`: left out of the description. */
const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'itself']);
/** Words that open a relative clause, which describes a noun and is no part of a role (`a pollster who …`). */
const RELATIVES = new Set(['who', 'whom', 'whose', 'which', 'that']);
const APPOSITION_ENDS = new Set([',', ';', '.', ':', '(', ')', '[', ']', '—', '–', '?', '!', '…']);
/** What may follow a name that closes a description before it (`Clinton's spokesman, Brian Fallon, said`). */
const NAME_CLOSERS = new Set([',', ';', '.', ':', '(', ')', '—', '–', '-', '?', '!', '”', '"', "'", '’']);
/** Prepositions and subordinators: they open a phrase or a clause after a name's comma, never a description (`Hillary Clinton, over the private email server …`). */
const PHRASE_OPENERS = new Set([
  'as', 'like', 'unlike', 'than', 'after', 'before', 'since', 'for', 'with', 'without', 'to', 'from', 'by', 'of', 'about', 'against',
  'despite', 'among', 'between', 'under', 'over', 'during', 'when', 'while', 'if', 'because', 'although', 'though', 'in', 'on', 'at',
  'including', 'according', 'unless', 'until', 'once', 'whether', 'upon', 'into', 'toward', 'towards', 'beyond', 'behind', 'besides',
  'except', 'via', 'given', 'amid', 'whereas', 'where', 'through', 'throughout', 'across', 'along', 'around', 'near', 'outside', 'inside',
]);
/** Comparisons that front a phrase before the clause's subject (`Like his father, Eric …`). */
const COMPARISONS = new Set(['as', 'like', 'unlike', 'than']);
/** Prepositions after a past participle that make it a modifier (`a lawyer hired by`, `a consultant based in`). */
const PARTICIPLE_PREPOSITIONS = new Set(['by', 'in', 'at', 'to', 'for', 'as', 'with', 'from', 'on', 'of', 'under', 'during', 'since', 'after']);
const FINITE_VERBS = /^(?:said|says|told|is|was|are|were|has|had|have|could|would|will|can|may|might|should|must|did|does)$/i;
/** Person nouns that describe nobody alone (`Trump, the man who …`), only with a qualifier (`a Texas man`). */
const GENERIC_HEADS = new Set(['man', 'woman', 'person', 'guy', 'lady', 'gentleman', 'boy', 'girl', 'teenager', 'child', 'kid', 'youngster', 'one', 'member', 'friend', 'figure']);
/** Compound nouns for a person by their last part (`speechwriter`, `policymaker`, `officeholder`, `anchorwoman`). */
/** Nouns in -ist and -ician denote people (`gynecologist`, `philanthropist`, `physician`), in lower case and of some length. */
const AGENT_SUFFIX = /^\p{Ll}{4,}(?:ist|ician)$/u;
/** Not agents: lists and verbs in -sist (`checklist`, `playlist`, `persist`, `consist`), `twist`. */
const NOT_AGENT_SUFFIX = /(?:list|sist|twist)$/;
const AGENT_COMPOUND = /^\p{Ll}{2,}(?:writer|teacher|delegate|maker|worker|keeper|holder|owner|leader|player|broker|dealer|watcher|goer|seeker|monger|woman|(?<!hu)man)$/u;
/** Words of a clause, never before the head of a description: pronouns, auxiliaries, subordinators, prepositions. */
const NOT_IN_DESCRIPTION = new Set([
  'he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'them', 'us', 'me', 'over', 'under', 'while', 'when', 'where', 'because', 'if',
  'although', 'though', 'during', 'about', 'against', 'between', 'among', 'through', 'into', 'amid', 'despite', 'as', 'than', 'by',
  'after', 'before', 'since', 'until', 'not', 'do', 'said', 'says', 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'did', 'does',
  'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'both', 'either', 'neither', 'each', 'every', 'all', 'any',
  'like', 'unlike', 'or', 'but', 'nor', 'so', 'yet',
]);
/** Words of a title before a name besides its capitalised ones (`Deputy Chief of Staff Jake Sullivan`). */
const TITLE_JOINERS = new Set(['of', 'for', 'and', 'the', '-', "'s", '’s']);
/** Party members and adherents that head a description (`a South Carolina Republican`), when the lexicon calls them a group noun. */
const PARTY_MEMBERS = new Set(['democrat', 'republican', 'libertarian', 'socialist', 'conservative', 'liberal', 'progressive', 'independent']);
/**
 * Nouns that denote a person, beside the role and title words of the vocabulary: occupations, positions, relations and
 * descriptions a description after or before a name is headed by (`a visiting fellow at …`, `the founder of …`, `his
 * daughter`, `a Des Moines resident`). Singular, lower case; a general list, no word of any one article.
 */
const PERSON_NOUNS = new Set([
  // Work and positions.
  'fellow', 'expert', 'specialist', 'scientist', 'lecturer', 'instructor', 'teacher', 'student', 'graduate', 'alumnus', 'alumna',
  'dean', 'provost', 'chancellor', 'owner', 'partner', 'investor', 'donor', 'fundraiser', 'bundler', 'contributor', 'businessman',
  'businesswoman', 'businessperson', 'entrepreneur', 'developer', 'banker', 'financier', 'billionaire', 'millionaire', 'mogul',
  'tycoon', 'magnate', 'industrialist', 'lobbyist', 'operative', 'pundit', 'critic', 'supporter', 'backer', 'ally', 'opponent',
  'rival', 'challenger', 'friend', 'colleague', 'confidant', 'confidante', 'protege', 'protégé', 'mentor', 'loyalist', 'surrogate',
  'volunteer', 'advocate', 'campaigner', 'staffer', 'employee', 'worker', 'contractor', 'engineer', 'doctor', 'surgeon', 'nurse',
  'psychiatrist', 'psychologist', 'dentist', 'priest', 'preacher', 'evangelist', 'evangelical', 'minister', 'missionary', 'monk',
  'nun', 'pilot', 'soldier', 'sailor', 'marine', 'veteran', 'agent', 'detective', 'investigator', 'defender', 'clerk', 'assistant',
  'intern', 'writer', 'novelist', 'poet', 'playwright', 'screenwriter', 'filmmaker', 'producer', 'actor', 'actress', 'singer',
  'musician', 'rapper', 'comedian', 'artist', 'photographer', 'blogger', 'publisher', 'biographer', 'philosopher', 'sociologist',
  'anthropologist', 'demographer', 'statistician', 'theologian', 'mediator', 'observer', 'regulator', 'administrator',
  'supervisor', 'coordinator', 'planner', 'accountant', 'auditor', 'trustee', 'regent', 'elector', 'voter', 'resident', 'native',
  'citizen', 'immigrant', 'refugee', 'farmer', 'rancher', 'miner', 'retiree', 'homemaker', 'heir', 'heiress', 'descendant',
  'survivor', 'victim', 'witness', 'plaintiff', 'defendant', 'suspect', 'inmate', 'prisoner', 'detainee', 'hostage', 'landlord',
  'tenant', 'employer', 'chef', 'athlete', 'player', 'coach', 'quarterback', 'champion', 'contender', 'hopeful', 'frontrunner',
  'front-runner', 'incumbent', 'successor', 'predecessor', 'appointee', 'holdover', 'insider', 'newcomer', 'partisan', 'centrist',
  'activist', 'hardliner', 'hard-liner', 'philanthropist', 'winner', 'economist', 'strategist', 'adviser', 'advisor', 'professor', 'analyst', 'founder', 'cofounder', 'member',
  'candidate', 'lawyer', 'attorney', 'lawmaker', 'politician', 'statesman', 'stateswoman', 'congressman', 'official', 'bureaucrat',
  'diplomat', 'officer', 'trader', 'dealer', 'broker', 'manufacturer', 'retailer', 'merchant', 'vendor', 'shopkeeper', 'cashier',
  'waiter', 'waitress', 'driver', 'mechanic', 'electrician', 'plumber', 'carpenter', 'laborer', 'labourer', 'welder', 'firefighter',
  'policeman', 'policewoman', 'cop', 'guard', 'ranger', 'paramedic', 'pharmacist', 'therapist', 'counselor', 'counsellor',
  'librarian', 'archivist', 'curator', 'designer', 'architect', 'programmer', 'technologist', 'consultant', 'pollster', 'organizer',
  'organiser', 'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'negotiator', 'boss', 'porter', 'speechwriter', 'strategist', 'envoy', 'emissary', 'delegate',
  'ambassador', 'attache', 'attaché', 'liaison', 'representative', 'commentator', 'columnist', 'editor', 'reporter', 'correspondent',
  'journalist', 'anchor', 'host', 'historian', 'scholar', 'researcher', 'physician', 'judge', 'prosecutor', 'nominee', 'leader',
  'chairman', 'chairwoman', 'chair', 'director', 'executive', 'manager', 'president', 'secretary', 'treasurer', 'head', 'chief',
  'man', 'woman', 'person', 'guy', 'lady', 'gentleman', 'boy', 'girl', 'teenager', 'child', 'kid', 'youngster', 'mom', 'dad',
  // Kinship and marriage.
  'mother', 'father', 'parent', 'wife', 'husband', 'spouse', 'widow', 'widower', 'son', 'daughter', 'brother', 'sister', 'sibling',
  'grandson', 'granddaughter', 'grandchild', 'grandmother', 'grandfather', 'grandparent', 'nephew', 'niece', 'cousin', 'uncle',
  'aunt', 'stepfather', 'stepmother', 'stepson', 'stepdaughter', 'father-in-law', 'mother-in-law', 'son-in-law', 'daughter-in-law',
  'brother-in-law', 'sister-in-law', 'girlfriend', 'boyfriend', 'fiancee', 'fiancée', 'fiance', 'fiancé', 'twin',
]);
/** At most this many roles per actor and article, the most specific first. */
export const MAX_ROLES = 3;

/** A role the article gives a person, found beside one of their mentions. */
export interface FoundRole {
  /**
   * The role as written, abbreviations spelled out (`Texas Senator`, `US counterpart`); the roles of one mention
   * (a title and an apposition: `Rabbi Marvin Hier, the founder of …`) joined by `; `, which {@link splitRoles} parts.
   */
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
 * `his German counterpart Frank-Walter Steinmeier`), a description before it set off by a comma
 * (`Sanders's campaign manager, Jeff Weaver`) or a comma apposition after it (`John Kerry, the
 * US Secretary of State,`, `Russell Wheeler, a visiting fellow at the Brookings Institution.`). Abbreviated titles are spelled out (`Sen.` → `Senator`). `isOtherPerson`
 * tells where another person's name stands, which ends a title (`Vice President Joe Biden and U.N.
 * envoy Lakhdar Brahimi` gives Brahimi `U.N. envoy`); `nameEndAt`, where the place's or organisation's name that
 * starts at an offset ends (`between Congress and President Obama`: `Congress` is a name alone). Fragments are not roles: a title must end in
 * its head or a name right before the person (`chairwoman for Clinton's campaign` gives Clinton no
 * role), and an apposition after the name must be a title with at most what it is of (`Ohio governor
 * earned 51 percent` is a clause, not a role). Without `readTitle`, the title words before the name are not read.
 */
export function roleOf(
  text: string,
  sentence: Sentence,
  mention: EntityMention,
  vocabulary: Vocabulary,
  lexicon: NameLexicon,
  isOtherPerson: (offset: number) => boolean = () => false,
  nameEndAt: (offset: number) => number | undefined = () => undefined,
  readTitle = true,
): FoundRole | undefined {
  const tokens = sentence.tokens;
  const nameStart = tokenStartingAt(tokens, mention.start);
  if (nameStart < 0) return undefined;
  const before = readTitle ? (pluralTitleBefore(text, tokens, nameStart, vocabulary, lexicon, isOtherPerson) ?? roleBefore(text, tokens, nameStart, vocabulary, lexicon, isOtherPerson, nameEndAt)) : undefined;
  // The token the mention ends with: the last one that starts inside it, if it ends with it too.
  let nameEnd = tokenStartingAt(tokens, mention.end - 1, true);
  if (nameEnd >= 0 && tokens[nameEnd].end !== mention.end) nameEnd = -1;
  // `Sanders's campaign manager, Jeff Weaver,`: a description before the name and its title, set off by a comma.
  const mirrored = nameEnd < 0 ? undefined : roleBeforeComma(text, tokens, before ? before.first : nameStart, nameEnd, vocabulary, lexicon, isOtherPerson);
  const after = nameEnd < 0 ? undefined : roleAfter(text, tokens, nameEnd, vocabulary, lexicon, isOtherPerson);
  // Each role found, in the order written. A relative role says whose for the whole text it is given with (`actors.ts`
  // adds `of <owner>` to each part): a title right before the name keeps its owner alone, as it always did, and so
  // does a named owner before the comma when no title is (`Trump's Indiana chairman, Rex Early, a former state party
  // chairman`; not `Clinton's Democratic opponent, Vermont Sen. Bernie Sanders`); else the person's own roles go
  // together (`Rabbi Marvin Hier, the founder of …`), and a relative role after the name goes alone when there is no
  // other (`Brian Fallon, Clinton's spokesman`).
  if (before?.relativeTo) return { text: before.text, relativeTo: before.relativeTo };
  if (!before && mirrored?.relativeTo?.kind === 'name') return { text: mirrored.text, relativeTo: mirrored.relativeTo };
  let found = withOwnRole(withOwnRole(withOwnRole(undefined, before), mirrored), after);
  if (!found) {
    const relative = mirrored ?? after;
    if (relative?.relativeTo) found = { text: relative.text, relativeTo: relative.relativeTo };
  }
  return found;
}

/**
 * The person's own roles found so far (`found`) with `role` after them, when it is a role of the person's own (not
 * relative to another) that they do not hold already: {@link roleOf} reads the roles before, before the comma and after
 * the name so, in that order, without a list of the three per mention.
 */
function withOwnRole(found: FoundRole | undefined, role: FoundRole | undefined): FoundRole | undefined {
  if (role === undefined || role.relativeTo) return found;
  if (!found) return { text: role.text };
  return found.text.split(ROLE_SEPARATOR).includes(role.text) ? found : { text: `${found.text}${ROLE_SEPARATOR}${role.text}` };
}

/** True when token `k` of `span` names a listed place alone or with the token before it (`Virginia`, `North Carolina`). */
function namesPlace(text: string, span: readonly Token[], k: number, lexicon: NameLexicon): boolean {
  const word = span[k].text;
  if (lexicon.isListedPlace(word) || lexicon.isStateName(word)) return true;
  if (k === 0) return false;
  const pair = text.slice(span[k - 1].start, span[k].end);
  return lexicon.isListedPlace(pair) || lexicon.isStateName(pair);
}

/**
 * A title in the plural before a list of names is each one's (`Sens. Ted Cruz and Marco Rubio`, `U.S. Reps. Ileana
 * Ros-Lehtinen and Carlos Curbelo`, `Democratic Govs. …`, `a study by economists Peter Schott and Justin Pierce`):
 * the title in the singular, with the capitalised words before it that qualify it. The walk back from a later name of
 * the list crosses the names before it (`isOtherPerson`), commas and `and`, nothing else.
 */
function pluralTitleBefore(
  text: string,
  tokens: readonly Token[],
  nameIndex: number,
  vocabulary: Vocabulary,
  lexicon: NameLexicon,
  isOtherPerson: (offset: number) => boolean,
): (FoundRole & { readonly first: number }) | undefined {
  let i = nameIndex - 1;
  while (i >= 0 && (tokens[i].text === 'and' || tokens[i].text === ',' || isOtherPerson(tokens[i].start))) i--;
  // An abbreviation spelled out (`Sens.`), or a title word in the plural as written (`economists Peter Schott and …`).
  const abbreviated = i >= 0 ? vocabulary.spelledOutTitle(tokens[i].text) : undefined;
  const plural = abbreviated ?? (i >= 0 && /^\p{Ll}+s$/u.test(tokens[i].text) ? tokens[i].text : undefined);
  if (!plural || !plural.endsWith('s') || !vocabulary.isRoleWord(plural.slice(0, -1))) return undefined;
  // A later name needs the list to begin right after the title: a name, not `and` or a comma.
  if (i + 1 < nameIndex && !isOtherPerson(tokens[i + 1].start)) return undefined;
  // A plural noun as written takes a list of names; before one name it is that name's clause (`House candidates
  // Sanders had fundraised for`, `the delegates Clinton already had`), and after a verb its object (`Trump told
  // reporters Clinton and Sanders had lied`).
  if (!abbreviated && ((i + 1 === nameIndex && !listGoesOn(tokens, nameIndex, isOtherPerson)) || (i > 0 && isVerbBeforeObject(tokens[i - 1].text)))) return undefined;
  let first = i;
  // Capitalised words, not ordinary ones (`Take Idaho Republican Sens.`: an imperative opens the sentence), nor a
  // given name (`Morning Joe hosts Joe Scarborough and …` is no `Joe host`) unless it names a place (`Virginia Sens.`,
  // `South Carolina Sens.`).
  while (
    first > 0 &&
    /^\p{Lu}/u.test(tokens[first - 1].text) &&
    !lexicon.isOrdinaryWord(tokens[first - 1].text) &&
    (!lexicon.isGivenName(tokens[first - 1].text) || namesPlace(text, tokens, first - 1, lexicon)) &&
    !isOtherPerson(tokens[first - 1].start) &&
    tokens[first].start - tokens[first - 1].end <= 1
  )
    first--;
  const qualifiers = first < i ? `${text.slice(tokens[first].start, tokens[i - 1].end)} ` : '';
  return { text: `${qualifiers}${plural.slice(0, -1)}`, first: i + 1 === nameIndex ? first : nameIndex };
}

/**
 * True when token `i` ends the predicate of `who is …`: the main clause's verb (`who is chairman of Our Principles PAC
 * said`), a subordinate clause (`… when Perez …`) or a second predicate joined by `and` (`and later worked at …`, `and
 * now serves as …`, `and resigned`). Not `and` before a plural noun (`director of sales and acquisitions`).
 */
function endsPredicate(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i].text;
  if (FINITE_VERBS.test(word) || SUBORDINATORS.has(word)) return true;
  const next = tokens[i + 1]?.text ?? '';
  return word === 'and' && (ADVERBS.has(next) || LATER_ADVERBS.has(next) || /^\p{Ll}+ed$/u.test(next));
}

/**
 * True for a lower-case word that may be a noun of a compound before a title (`political science professor`, `hedge
 * fund manager`, `real estate developer`): an English word of the lists that is no determiner or possessive, no function
 * word, no clause's word or preposition, and has no verb's or adverb's ending (`praised manager X`, `quickly`).
 */
function isCompoundNoun(word: string, lexicon: NameLexicon): boolean {
  return /^\p{Ll}{3,}$/u.test(word) && lexicon.isOrdinaryWord(word) && !/(?:ed|ing|ly)$/.test(word) && !IRREGULAR_PAST.has(word) && !LEADING_NOISE.has(word) && !OTHER_POSSESSIVES.has(word) && !FUNCTION_WORDS.has(word) && !CLAUSE_OPENERS.has(word) && !PHRASE_OPENERS.has(word) && word !== 'alongside' && !FINITE_VERBS.test(word) && !NOT_IN_DESCRIPTION.has(word);
}

/**
 * True when the compound noun at token `at` may open a noun phrase, so that its first word is no verb's: at a
 * sentence's or a clause's start, after an article, a possessive, a number, a preposition other than `to` (`to fire`),
 * or a capitalised word that names what the compound is of (`New York hedge fund manager`, `Sanford police officer`).
 * Not after a person's name or a plural noun in capitals, a clause's subject (`Clinton beat fellow candidate`, `Voters
 * fear front-runner`, `Polls show front-runner`), nor a first word that may be a verb's third person (`… trails`).
 */
function opensNounPhrase(tokens: readonly Token[], at: number, lexicon: NameLexicon, isOtherPerson: (offset: number) => boolean): boolean {
  if (at === 0) return true;
  const before = tokens[at - 1].text;
  const lower = before.toLowerCase();
  if (/^\p{P}$/u.test(before) && !isAdjacentHyphen(tokens, at - 1)) return true;
  if (ARTICLES.has(lower) || POSSESSIVE_PRONOUNS.has(before) || OTHER_POSSESSIVES.has(lower) || POSSESSIVE_MARKS.has(before) || /^\d/.test(before)) return true;
  if (PHRASE_OPENERS.has(lower) && lower !== 'to') return true;
  if (!/^\p{Lu}/u.test(before) || /s$/.test(tokens[at].text) || isOtherPerson(tokens[at - 1].start)) return false;
  return !(/s$/.test(before) && lexicon.isOrdinaryWord(lower));
}

/** True for a verb that takes an object right after it (`told`, `asked`, `thanked`): what follows is no title. */
function isVerbBeforeObject(word: string): boolean {
  return FINITE_VERBS.test(word) || /^\p{Ll}{3,}ed$/u.test(word) || /^(?:tells|asks|thanks|urges|warns|tell|ask|thank|urge|warn)$/.test(word);
}

/** True when the name starting at token `nameIndex` is followed by a comma or `and` and another person's name. */
function listGoesOn(tokens: readonly Token[], nameIndex: number, isOtherPerson: (offset: number) => boolean): boolean {
  let j = nameIndex + 1;
  while (j < tokens.length && /^\p{Lu}/u.test(tokens[j].text) && !isOtherPerson(tokens[j].start)) j++;
  if (tokens[j]?.text === ',' && tokens[j + 1]?.text === 'and') j++;
  return (tokens[j]?.text === ',' || tokens[j]?.text === 'and') && j + 1 < tokens.length && isOtherPerson(tokens[j + 1].start);
}

/**
 * Binary search over tokens sorted by offset: the index of the token starting at `offset`, or -1;
 * with `atOrBefore`, of the last token starting at or before it. (A long sentence made a linear
 * search per mention quadratic.)
 */
function tokenStartingAt(tokens: readonly Token[], offset: number, atOrBefore = false): number {
  const i = firstStartingFrom(tokens, offset);
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
): (FoundRole & { readonly first: number }) | undefined {
  let first = nameIndex;
  let owner: FoundRole['relativeTo'];
  // The run of compound nouns walked last, `[compoundFrom, compoundTo)` (`hedge fund` of `hedge fund manager`).
  let compoundFrom = -1;
  let compoundTo = -1;
  for (let i = nameIndex - 1; i >= 0; i--) {
    const word = tokens[i].text;
    if (isOtherPerson(tokens[i].start)) {
      // `Clinton's spokesman Brian Fallon`, and without the possessive, a name right before a title in lower case
      // (`Clinton spokesman Jesse Ferguson`, `Trump senior adviser Paul Manafort`): the title is relative to that person.
      const possessive = POSSESSIVE_MARKS.has(tokens[i + 1]?.text ?? '') && i + 1 <= first;
      const opener = tokens[first]?.text ?? '';
      const modifies = i + 1 === first && first < nameIndex && /^\p{Ll}/u.test(opener) && (vocabulary.isRoleWord(opener) || vocabulary.isRoleModifier(opener) || TITLE_MODIFIERS.has(opener));
      if (possessive || modifies) owner = { kind: 'name', start: tokens[i].start, end: tokens[i].end };
      break;
    }
    // A dateline agency glued to the title ("SANA-Russian Foreign Minister") is not part of it, nor a dateline before a
    // dash with spaces around it (`CHARLESTON, S.C. - Democratic front-runner Hillary Clinton`): no title holds one.
    if ((word === '-' || word === '–') && /^\p{Lu}{2,}$/u.test(tokens[i - 1]?.text ?? '')) break;
    if ((word === '-' || word === '–' || word === '—') && i > 0 && tokens[i].start > tokens[i - 1].end && tokens[i + 1].start > tokens[i].end) break;
    // A day or a month is when, not what (`Trump called Wednesday for Supreme Court Justice Ruth Bader Ginsburg`), and
    // ordinary words in capitals beside other words in capitals are a headline run into the text (`… KILLED IN DEADLY
    // ISTANBUL EXPLOSION Turkish President Recep Tayyip Erdogan said`), not acronyms of a title (`GOP VP nominee`).
    if (isDayOrMonth(tokens[i]) || (isShouted(word) && lexicon.isOrdinaryWord(word) && (isShouted(tokens[i - 1]?.text ?? '') || isShouted(tokens[i + 1].text)))) break;
    const capitalised = /^\p{Lu}/u.test(word);
    // `presidential nominee`, `campaign manager`: a qualifier of a title already found to its right.
    // A qualifier that may be a verb qualifies only a title in lower case (`talk host`, `organizing director`), not one
    // before a name (`tried to talk Sen. Ted Cruz out of it`, `managing Sen. Marco Rubio’s campaign`).
    const modifier = first < nameIndex && vocabulary.isRoleModifier(word) && (!VERB_LIKE_MODIFIER.test(word) || /^\p{Ll}/u.test(tokens[i + 1].text));
    // `then-lieutenant governor`, `then-Fed Chair`: a qualifier hyphened to the title's first word.
    const hyphened = first < nameIndex && isQualifiedTitleWord(word, vocabulary);
    // `political science professor`, `hedge fund manager`: nouns of a compound before a title's head in lower case (or
    // before another such noun, but for a plural: `civil rights activist`, not `senators urge party chairman`), never
    // across a connector or a capitalised word (`vote for former Secretary`).
    const right = tokens[i + 1].text;
    const compound =
      first < nameIndex &&
      !modifier &&
      !hyphened &&
      !vocabulary.isRoleWord(word) &&
      ((compoundFrom === i + 1 && !word.endsWith('s')) || (/^\p{Ll}/u.test(right) && vocabulary.isRoleWord(right))) &&
      isCompoundNoun(word, lexicon);
    if (compound) {
      if (compoundFrom !== i + 1) compoundTo = i + 1;
      compoundFrom = i;
    } else if (compoundFrom === i + 1 && capitalised && !opensNounPhrase(tokens, i + 1, lexicon, isOtherPerson)) {
      // A capitalised word before a run of compound nouns may be a clause's subject, and the run's first word its verb
      // (`Voters fear front-runner`): then the title starts after the run, and the walk ends. (A word the walk stops at
      // is read after the walk, below.)
      first = compoundTo;
      break;
    }
    if (capitalised || modifier || hyphened || compound || vocabulary.isRoleWord(word) || ROLE_CONNECTORS.has(word) || isAdjacentHyphen(tokens, i)) {
      // A role does not run across a gap wider than one space ("Moscow, SANA-Russian" stops at "-").
      if (tokens[i + 1].start - tokens[i].end > 1) break;
      first = i;
      continue;
    }
    // Not a pronoun an `and` joins to the title (`the slings he throws at her and former President Clinton`): an object.
    if (POSSESSIVE_PRONOUNS.has(word) && first < nameIndex && tokens[i + 1]?.text !== 'and') owner = { kind: 'pronoun', start: tokens[i].start, end: tokens[i].end };
    break;
  }
  // A compound that opens the title must open a noun phrase, or its first word is a verb's (`Clinton beat fellow
  // candidate Bernie Sanders`, `Sanders trails front-runner Hillary Clinton`): then the title starts after it.
  if (compoundFrom >= 0 && compoundFrom === first && !opensNounPhrase(tokens, first, lexicon, isOtherPerson)) first = compoundTo;
  // `… Sanders of Vermont and former …`: the words walked began with a preposition, so what follows it up to an
  // `and` is a complement of something before the title (the `and` rule below).
  const complementFirst = first < nameIndex && COMPLEMENT_PREPOSITIONS.has(tokens[first].text);
  // Words before the title that are not part of it.
  let noise = first;
  first = afterNoise(tokens, first, nameIndex);
  owner = lastPossessivePronoun(tokens, noise, first) ?? owner;
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
      noise = first;
      first = afterNoise(tokens, first, nameIndex);
      owner = lastPossessivePronoun(tokens, noise, first) ?? owner;
    }
  }
  let last = nameIndex;
  // An honorific between the title and the name (`ambassador to Russia Dr. Bashar al-Ja’afari`) is not part of the role.
  while (last > first && vocabulary.isHonorific(tokens[last - 1].text)) last--;
  if (first >= last) return undefined;
  // `adviser to Vice President Joe Biden`: the title before `to`/`for` is someone else's; Biden's is after it. So
  // with `of` when a capitalised title follows it at once (`veteran of President Bill Clinton's administration`;
  // not `Speaker of the House`), and with `in` (`a Trump delegate in House Minority Leader Nancy Pelosi's district`,
  // `a former official in President Bill Clinton's administration`).
  for (let k = last - 2; k > first; k--) {
    const connector = tokens[k].text;
    const ofTitle = connector === 'of' && /^\p{Lu}/u.test(tokens[k + 1].text) && vocabulary.isRoleWord(tokens[k + 1].text);
    if (connector !== 'to' && connector !== 'for' && connector !== 'of' && connector !== 'in') continue;
    const after = hasRoleWord(tokens, k + 1, last, vocabulary);
    const before = hasRoleWord(tokens, first, k, vocabulary);
    // Before `of` and a title, words with no title among them are no title either: what the name's title is of
    // (`the presidential campaign of Sen. Ted Cruz` gave Cruz `presidential campaign of Senator`, `the campaign of
    // Democratic presidential candidate Bernie Sanders`; not a name's `of`: `then-Department of Defense Chief of Staff`);
    // with a title, only a capitalised one after `of` is another's.
    if (after && (before ? connector !== 'of' || ofTitle : connector === 'of' && /^\p{Ll}+$/u.test(tokens[k - 1].text))) {
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
    if (hasRoleWord(tokens, first, k, vocabulary)) break;
    if (!complementFirst && nameEndAt(tokens[first].start) !== tokens[k - 1].end) break;
    first = k + 1;
    owner = undefined;
    break;
  }
  // `Vatican spokesman the Rev. Federico Lombardi`: an article after a title's head starts another description of the
  // name, an honorific; the title is the words before it.
  for (let k = first + 1; k < last; k++) {
    if (tokens[k].text !== 'the' || ROLE_CONNECTORS.has(tokens[k - 1].text) || !hasRoleWord(tokens, first, k, vocabulary)) continue;
    last = k;
    break;
  }
  if (!hasRoleWord(tokens, first, last, vocabulary)) return undefined;
  const span = tokens.slice(first, last);
  // A title ends in its head or a name, never in `for`, `and` or `of` (`chairwoman for Clinton's campaign`).
  if (ROLE_CONNECTORS.has(span[span.length - 1].text) || POSSESSIVE_MARKS.has(span[span.length - 1].text)) return undefined;
  // A given name inside is another person the tagger missed (`Kevin Bishop John Brisini`); not one that is a place's
  // name, alone or with the word before it (`Virginia Gov. Terry McAuliffe`, `North Carolina Sen. Richard Burr`).
  if (holdsAnotherGivenName(text, span, vocabulary, lexicon)) return undefined;
  let role = spelledOut(text.slice(span[0].start, span[span.length - 1].end), vocabulary);
  // "Organization for Security and Co-operation in Europe (OSCE) Secretary General": the acronym in
  // brackets names the organisation the title belongs to.
  const acronym = tokens[first - 2]?.text;
  if (tokens[first - 1]?.text === ')' && tokens[first - 3]?.text === '(' && acronym && /^\p{Lu}[\p{Lu}.&-]+$/u.test(acronym)) role = `${acronym} ${role}`;
  return owner ? { text: role, relativeTo: owner, first } : { text: role, first };
}

/*
 * The helpers below are what {@link roleBefore} wrote as closures (`tokens.slice(…).some((t) => …)`, a `skipNoise`
 * arrow that moved `first` and `owner`). A closure made inside a function keeps the variables it reads in a context
 * object allocated at every call, and those variables are then read and written there, not in registers; the walk
 * back from each person's name ran so for every mention of the article, and each test of a slice copied it first.
 */

/** True when one of `tokens[from, to)` heads a role or title ({@link Vocabulary.isRoleWord}). */
function hasRoleWord(tokens: readonly Token[], from: number, to: number, vocabulary: Vocabulary): boolean {
  for (let i = from; i < to; i++) if (vocabulary.isRoleWord(tokens[i].text)) return true;
  return false;
}

/** The first of `tokens[first, nameIndex)` after the words before a title that are no part of it (`the`, `his`, `(`, `'s`). */
function afterNoise(tokens: readonly Token[], first: number, nameIndex: number): number {
  while (first < nameIndex && (LEADING_NOISE.has(tokens[first].text) || tokens[first].text === '(' || tokens[first].text === ')' || POSSESSIVE_MARKS.has(tokens[first].text))) first++;
  return first;
}

/** The last possessive pronoun among `tokens[from, to)` as the person a title is relative to (`his German counterpart`), if any. */
function lastPossessivePronoun(tokens: readonly Token[], from: number, to: number): FoundRole['relativeTo'] {
  for (let i = to - 1; i >= from; i--) if (POSSESSIVE_PRONOUNS.has(tokens[i].text)) return { kind: 'pronoun', start: tokens[i].start, end: tokens[i].end };
  return undefined;
}

/**
 * True when a capitalised given name stands in a title's words, no title word and no place's name alone or with the
 * word before it: another person the tagger missed (`Kevin Bishop John Brisini`; not `Virginia Gov. Terry McAuliffe`).
 */
function holdsAnotherGivenName(text: string, span: readonly Token[], vocabulary: Vocabulary, lexicon: NameLexicon): boolean {
  for (let k = 0; k < span.length; k++) {
    const word = span[k].text;
    if (/^\p{Lu}/u.test(word) && lexicon.isGivenName(word) && !vocabulary.isRoleWord(word) && !namesPlace(text, span, k, lexicon)) return true;
  }
  return false;
}

/** A weekday or a month written as a name (`Wednesday`, `Dec.`; as the figures read them), but not `May`, also a surname. */
function isDayOrMonth(token: Token): boolean {
  return (isCapitalisedIn(WEEKDAYS, token) || isCapitalisedIn(MONTHS, token)) && token.text.toLowerCase() !== 'may';
}

/** A word of two letters or more, all of them capitals (`KILLED`, `GOP`; not `U.S.`). */
function isShouted(word: string): boolean {
  return word.length >= 2 && /^\p{Lu}+$/u.test(word);
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

/**
 * A comma apposition after the name (`John Kerry, the US Secretary of State,`, `Russell Wheeler, a visiting fellow at
 * the Brookings Institution.`): what runs to the next comma, semicolon, bracket or dash, or to the sentence's full stop
 * (an abbreviation's stop, `George W. Bush`, `Sen.`, `Inc.`, is part of its token and ends nothing), or up to a relative
 * clause (`a pollster who …`).
 */
function roleAfter(
  text: string,
  tokens: readonly Token[],
  nameEnd: number,
  vocabulary: Vocabulary,
  lexicon: NameLexicon,
  isOtherPerson: (offset: number) => boolean,
): FoundRole | undefined {
  if (nameEnd + 1 >= tokens.length || tokens[nameEnd + 1].text !== ',') return undefined;
  // `Jane Doe, now a fellow at …`: an adverb of time opens the description, no part of it.
  let start = nameEnd + 2;
  // `Katie Packer, who is chairman of Our Principles PAC said`: a relative clause that says what the person is holds
  // the description, up to its end or the main clause's verb.
  const predicative = tokens[start]?.text === 'who' && BE_FORMS.has(tokens[start + 1]?.text ?? '');
  if (predicative) start += 2;
  while (start < tokens.length - 1 && ADVERBS.has(tokens[start].text) && /^\p{L}/u.test(tokens[start + 1].text)) start++;
  let i = start;
  while (i < tokens.length && i - start < MAX_APPOSITION && !endsApposition(tokens, i) && !(i > start && RELATIVES.has(tokens[i].text.toLowerCase())) && !(predicative && i > start && endsPredicate(tokens, i))) i++;
  // A description ends where the sentence does (`… Congressional Budget Office.`, `… of the A.F.L.-C.I.O.` as its last
  // token), or opens a relative clause; a run of words with no end in sight is a clause.
  const closed = i < tokens.length ? endsApposition(tokens, i) || RELATIVES.has(tokens[i].text.toLowerCase()) || (predicative && endsPredicate(tokens, i)) : /\.$/.test(tokens[i - 1]?.text ?? '');
  if (!closed || i === start) return undefined;
  // "Lavrov, who made the comments …" is a relative clause, "…, or their criticism of …" a coordination, "Obama,
  // running for president," a participle clause: an apposition starts with a determiner, an adjective or a noun.
  const opener = tokens[start].text;
  const lowerOpener = opener.toLowerCase();
  if (CLAUSE_OPENERS.has(lowerOpener) || PHRASE_OPENERS.has(lowerOpener) || (FUNCTION_WORDS.has(lowerOpener) && !ARTICLES.has(lowerOpener) && !OTHER_POSSESSIVES.has(lowerOpener))) return undefined;
  if (/^\p{Ll}+(?:ing|ed)$/u.test(opener) && !vocabulary.isRoleWord(opener)) return undefined;
  // `Gov. Jack Dalrymple, his wife, Betsy, and …`: a relation followed by a name introduces that name (not so a title
  // in a list: `Ted Cruz, the Texas senator, Marco Rubio, the Florida senator, and …`).
  if (tokens[i]?.text === ',' && i + 1 < tokens.length && isOtherPerson(tokens[i + 1].start) && opensWithPossessor(tokens, start, i)) return undefined;
  // A title in quotation marks closed after the comma (`host of MSNBC's “Morning Joe,”`) is one.
  let end = i;
  let open = start;
  while (open < i && !OPENING_QUOTES.has(quoteMark(tokens, open) ?? '')) open++;
  const close = open >= i ? undefined : quoteMark(tokens, open) === '“' ? '”' : "''";
  if (close && tokens[i]?.text === ',' && quoteMark(tokens, i + 1) === close && closingQuote(tokens, open, i) < 0) end = i + 1 + (tokens[i + 1].text === "'" ? 2 : 1);
  const role = describedRole(text, tokens, start, end, vocabulary, lexicon, isOtherPerson, false);
  return role && { ...role, text: role.text.replace(/,(?=(?:”|'')$)/, '') };
}

/**
 * The mirror of {@link roleAfter}: a description set off by a comma before the name (`Sanders's campaign manager, Jeff
 * Weaver,`, `the chairman of the Republican National Committee, Reince Priebus,`, `his spokesman, Brian Fallon`), from a
 * determiner or a possessor to the comma; relative to a named possessor. `from` is the first token of the name or of
 * the title written right before it (`Trump's running mate, Indiana Gov. Mike Pence`). Not a fronted phrase (`Like his
 * father, Eric …`; `As the campaign's chairman, Manafort oversaw …`: a punctuation mark must close the name), nor the
 * apposition of a name before it (`Ted Cruz, the Texas senator, Marco Rubio …`).
 */
function roleBeforeComma(
  text: string,
  tokens: readonly Token[],
  from: number,
  nameEnd: number,
  vocabulary: Vocabulary,
  lexicon: NameLexicon,
  isOtherPerson: (offset: number) => boolean,
): FoundRole | undefined {
  let comma = from - 1;
  while (comma >= 0 && vocabulary.isHonorific(tokens[comma].text)) comma--;
  if (comma < 1 || tokens[comma].text !== ',') return undefined;
  // `the judge, Gonzalo P. Curiel of United States District Court`: what the name is of may follow it.
  // A bracket after the name (`Sen. Bernie Sanders (I-Vt.)`) is read past.
  let after = nameEnd + 1;
  if (tokens[after]?.text === '(') {
    while (after < tokens.length && tokens[after].text !== ')') after++;
    after++;
  }
  const next = tokens[after];
  if (next !== undefined && !NAME_CLOSERS.has(next.text) && !(next.text === 'of' && /^\p{Lu}/u.test(tokens[after + 1]?.text ?? ''))) return undefined;
  // The clause the description ends: back to the nearest punctuation mark.
  let boundary = comma - 1;
  while (boundary >= 0 && comma - boundary <= MAX_APPOSITION && !isBoundary(tokens, boundary)) boundary--;
  if (comma - boundary > MAX_APPOSITION) return undefined;
  // Nearest start first: `the chairman of the Republican National Committee` is no `Republican National Committee`.
  for (let j = comma - 1; j > boundary; j--) {
    const word = tokens[j].text;
    let begin = -1;
    // Not `my` or `your` (`I met your best friend, Betsy`): whose, the quotation does not say.
    if (word === 'my' || word === 'your' || word === 'our' || word === 'My' || word === 'Your' || word === 'Our') return undefined;
    if (ARTICLES.has(word.toLowerCase()) || POSSESSIVE_PRONOUNS.has(word) || word.toLowerCase() === 'its') begin = j;
    else if (isPossessiveMark(tokens, j)) {
      begin = possessorStart(tokens, j, vocabulary);
      if (begin === j) continue;
      j = begin;
    }
    if (begin < 0) continue;
    const role = describedRole(text, tokens, begin, comma, vocabulary, lexicon, isOtherPerson, true);
    if (!role) continue;
    // A comparison that opens the clause fronts it (`Like his father, Eric, …`, `As the campaign's chairman,
    // Manafort, who …`).
    if (begin === boundary + 2 && COMPARISONS.has(tokens[boundary + 1].text.toLowerCase())) return undefined;
    // The description of the name before it, in a list (`Ted Cruz, the Texas senator, Marco Rubio`).
    if (begin === boundary + 1 && tokens[boundary]?.text === ',' && boundary > 0 && isOtherPerson(tokens[boundary - 1].start)) return undefined;
    return role;
  }
  return undefined;
}

/**
 * The role in a description written from `start` to `end` (an apposition): an optional determiner or possessive
 * pronoun (left out) or possessor (`Clinton's`: relative to that person; an organisation's stays in the text,
 * `Democratic National Committee's chairwoman`), then words up to the head, which must denote a person (a role or
 * title word, a person noun — `fellow`, `professor`, `daughter`, `resident` — or a party member), then what it is of
 * (`of`, `for`, `at`, `to`, `in`, `with`, `from`, `and` …). A relative clause or a participle after the head is no
 * part of the role (`a Democratic pollster working for Priorities USA`); a finite verb makes the whole a clause (`the
 * Ohio governor earned 51 percent`); `beforeName` for a description before the name, where a past participle is one too
 * (`her father worked as a porter …, Alan C. Greenberg`).
 */
function describedRole(
  text: string,
  tokens: readonly Token[],
  start: number,
  end: number,
  vocabulary: Vocabulary,
  lexicon: NameLexicon,
  isOtherPerson: (offset: number) => boolean,
  beforeName: boolean,
): FoundRole | undefined {
  let begin = start;
  let owner: FoundRole['relativeTo'];
  const first = tokens[begin].text;
  if (ARTICLES.has(first.toLowerCase()) || OTHER_POSSESSIVES.has(first.toLowerCase()) || REFLEXIVES.has(first.toLowerCase())) begin++;
  else if (POSSESSIVE_PRONOUNS.has(first)) {
    // `his spokesman, Brian Fallon`, `Condoleezza Rice, his national security adviser`: the role is written without
    // the pronoun. Whom it refers to is often not the person named last (`as James Carville did for her husband,
    // Bill`, `Her campaign manager, Robby Mook` after a sentence on Sanders): of some 90 such roles over PolNeAR, one
    // in five went to the wrong owner.
    begin++;
  }
  // An age after the determiner says how old, not what the person is (`a 55-year-old salesman from Sumter`).
  const aged = begin < end - 1 && AGE.test(tokens[begin].text);
  if (aged) begin++;
  // A possessor right at the start (`Clinton's spokesman`, `the Clintons' lawyer`, `Mr. Trump's campaign chairman`).
  let mark = begin;
  while (mark < end && (/^\p{Lu}/u.test(tokens[mark].text) || isAdjacentHyphen(tokens, mark)) && !isPossessiveMark(tokens, mark)) mark++;
  if (mark > begin && mark < end && isPossessiveMark(tokens, mark) && !owner) {
    for (let k = begin; k < mark; k++) {
      if (!isOtherPerson(tokens[k].start)) continue;
      owner = { kind: 'name', start: tokens[k].start, end: tokens[k].end };
      begin = mark + 1;
      break;
    }
  }
  if (begin >= end) return undefined;
  // The head: the last word before what the role is of.
  let stop = begin;
  let last = end;
  for (; stop < end; stop++) {
    const word = tokens[stop].text;
    const lower = word.toLowerCase();
    // What the head is of (`chairman of`, `fellow at`, `pollster and strategist`); before the head, `and` joins
    // qualifiers (`research and policy director`, not `both former president Bushes and the party's nominee`) and a
    // preposition a name's words (`University of South Carolina political science professor`).
    if (ROLE_COMPLEMENTS.has(lower)) {
      const previous = tokens[stop - 1];
      if (stop === begin || isPersonHead(previous.text, vocabulary, lexicon)) break;
      const next = tokens[stop + 1]?.text ?? '';
      const inName = /^\p{Lu}/u.test(previous.text) && /^\p{Lu}/u.test(next);
      const joinsQualifiers = lower === 'and' && stop + 1 < end && !ARTICLES.has(next.toLowerCase()) && !POSSESSIVE_PRONOUNS.has(next) && !isOtherPerson(tokens[stop + 1].start);
      if (!inName && !joinsQualifiers) break;
      continue;
    }
    // A quotation inside the description is part of it when it closes there (`a self-styled "new-media" journalist`).
    if (quoteMark(tokens, stop) !== undefined) {
      const close = closingQuote(tokens, stop, end);
      if (close < 0) {
        last = stop;
        break;
      }
      stop = close;
      continue;
    }
    // A relative clause, or a participle with what it takes after the head: the role ends before it (`a pollster who
    // …`, `a Democratic pollster working for Priorities USA`); a past tense without it makes a clause (`the governor
    // earned 51 percent`).
    if (isRelative(tokens, stop)) {
      last = stop;
      break;
    }
    if (stop > begin && /^\p{Ll}+(?:ing|ed)$/u.test(word) && isPersonHead(tokens[stop - 1].text, vocabulary, lexicon) && !isPersonHead(word, vocabulary, lexicon)) {
      const next = tokens[stop + 1]?.text ?? '';
      const takes = (stop + 1 >= end && /ing$/.test(word)) || PARTICIPLE_PREPOSITIONS.has(next) || ARTICLES.has(next.toLowerCase()) || POSSESSIVE_PRONOUNS.has(next) || /^\p{Lu}/u.test(next);
      // `her father worked as a porter …, Alan Greenberg`: before a name, a past tense is a clause's.
      if (/ed$/.test(word) && (beforeName || !takes)) return undefined;
      // `a veteran voting rights lawyer`: a participle before a noun qualifies it.
      if (!takes) continue;
      // `the first woman nominated for president by a major party`: a generic noun keeps what says who.
      if (!GENERIC_HEADS.has(tokens[stop - 1].text.toLowerCase())) last = stop;
      break;
    }
    // Pronouns, auxiliaries, subordinators and prepositions belong to clauses, not to the words before a head (`over
    // the private email server she used while serving as secretary of state`).
    if (NOT_IN_DESCRIPTION.has(word) || (stop > begin && ARTICLES.has(word))) return undefined;
  }
  if (stop === begin) return undefined;
  const head = tokens[stop - 1].text;
  if (!isPersonHead(head, vocabulary, lexicon) && !oneOfPeople(tokens, begin, stop, last, vocabulary, lexicon)) return undefined;
  // A head that ends another person's name is no title (`John Brisini, Kevin Bishop, Kim Wellman, …`).
  if (isOtherPerson(tokens[stop - 1].start)) return undefined;
  // `the man who …`: a bare generic noun says nothing of the person, nor one after an age with what it looks like (`a
  // 22-year-old black man`, `a 45-year-old white woman`).
  if ((stop - begin === 1 || aged) && last === stop && GENERIC_HEADS.has(head.toLowerCase())) return undefined;
  // What the role is of runs to the end, but for a relative clause, a participle that takes its own complement
  // (`former secretary of state bidding to make history`) or a quotation left open.
  for (let k = stop; k < last; k++) {
    const word = tokens[k].text;
    if (isRelative(tokens, k) || (k > stop && endsRoleAsParticiple(tokens, k))) {
      last = k;
      break;
    }
    if (quoteMark(tokens, k) === undefined) continue;
    const close = closingQuote(tokens, k, last);
    if (close < 0) {
      last = k;
      break;
    }
    k = close;
  }
  // Nor does it end in a connector or an adverb (`a key Clinton supporter here`).
  while (last > stop && (ROLE_COMPLEMENTS.has(tokens[last - 1].text.toLowerCase()) || ROLE_CONNECTORS.has(tokens[last - 1].text) || isPossessiveMark(tokens, last - 1) || ADVERBS.has(tokens[last - 1].text))) last--;
  const words = tokens.slice(begin, last);
  if (words.some((t) => FINITE_VERBS.test(t.text))) return undefined;
  // A number before the head is an age, a count or a clause's (`a 45-year-old`, `earned 51 percent`); a year or an
  // ordinal qualifies (`Clinton's 2008 campaign manager`, `the 44th president`), and what the role is of may hold any.
  if (tokens.slice(begin, stop).some((t) => /\d/.test(t.text) && !/^(?:1[89]|20)\d\d$|^\d+(?:st|nd|rd|th)$/.test(t.text))) return undefined;
  // A title with another person's name after it introduces that person (`Chief of Staff Cheryl Mills, Deputy Chief of
  // Staff Jake Sullivan and …`), unlike a description that says whose the role is (`daughter of former President
  // George W. Bush`).
  for (let k = stop; k < last; k++) {
    if (!isOtherPerson(tokens[k].start) || isPossessiveMark(tokens, k + 1)) continue;
    if (tokens.slice(begin, k).every((t) => /^\p{Lu}/u.test(t.text) || TITLE_JOINERS.has(t.text))) return undefined;
    break;
  }
  const role = spelledOut(text.slice(words[0].start, words[words.length - 1].end), vocabulary);
  return owner ? { text: role, relativeTo: owner } : { text: role };
}

/** True when token `i` opens a relative clause: `who`, `which`, `that` (not a determiner after a preposition: `author of that boast`). */
function isRelative(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i].text.toLowerCase();
  if (!RELATIVES.has(word)) return false;
  return word !== 'that' || !ROLE_COMPLEMENTS.has(tokens[i - 1]?.text.toLowerCase() ?? '');
}

/** The quotation mark at token `i`: `''` too for two apostrophes written together (`''Today,''`); else undefined. */
function quoteMark(tokens: readonly Token[], i: number): string | undefined {
  const word = tokens[i]?.text;
  if (word === "'" && tokens[i + 1]?.text === "'" && tokens[i + 1].start === tokens[i].end) return "''";
  return word !== undefined && isQuote(word) ? word : undefined;
}

/** The index of the last token of the quotation mark that closes the one at `open`, before `end`; or -1. */
function closingQuote(tokens: readonly Token[], open: number, end: number): number {
  const mark = quoteMark(tokens, open);
  if (mark === undefined || mark === '”') return -1;
  const close = mark === '“' ? '”' : mark === '``' ? "''" : mark;
  for (let k = open + (tokens[open].text === "'" ? 2 : 1); k < end; k++) {
    if (quoteMark(tokens, k) !== close) continue;
    const last = tokens[k].text === "'" ? k + 1 : k;
    return last < end ? last : -1;
  }
  return -1;
}

/** True for a word that denotes a person as the head of a description: a role or title word, a person noun, a party member. */
function isPersonHead(word: string, vocabulary: Vocabulary, lexicon: NameLexicon, byForm = true): boolean {
  if (vocabulary.isRoleWord(word)) return true;
  const lower = word.toLowerCase();
  if (PERSON_NOUNS.has(lower)) return true;
  const prefixed = /^(?:co|ex|vice|deputy|under|step)-?(.+)$/.exec(lower);
  if (prefixed && (PERSON_NOUNS.has(prefixed[1]) || vocabulary.isRoleWord(prefixed[1]))) return true;
  // Compounds of an agent noun (`speechwriter`, `policymaker`, `shareholder`, `anchorman`, `talk-show host`).
  if (/^\p{Ll}/u.test(word) && (AGENT_COMPOUND.test(lower) || /-(.+)$/.test(lower) && PERSON_NOUNS.has(lower.replace(/^.*-/, '')))) return true;
  // Agent nouns by their suffix (`gynecologist`, `philanthropist`, `pediatrician`): a list names the common ones only.
  if (byForm && AGENT_SUFFIX.test(word) && !NOT_AGENT_SUFFIX.test(word)) return true;
  // `a South Carolina Republican`, `a Democrat`: one member of a party or a people.
  return /^\p{Lu}/u.test(word) && !/s$/.test(word) && PARTY_MEMBERS.has(lower) && lexicon.isGroupNoun(word);
}

/** True for `one of Twitter's founders`: `one` alone before `of` and words ending in a plural person noun. */
function oneOfPeople(tokens: readonly Token[], begin: number, stop: number, last: number, vocabulary: Vocabulary, lexicon: NameLexicon): boolean {
  if (stop !== begin + 1 || tokens[begin].text.toLowerCase() !== 'one' || tokens[stop]?.text !== 'of') return false;
  for (let k = stop + 1; k < last && !ROLE_COMPLEMENTS.has(tokens[k].text.toLowerCase()); k++) {
    const word = tokens[k].text;
    if (/^\p{Ll}+s$/u.test(word) && isPluralOf(word, (singular) => isPersonHead(singular, vocabulary, lexicon))) return true;
  }
  return false;
}

/** The first token of the possessor whose mark is at `mark` (`Mr.` `Trump` `'s`), or `mark` when no capitalised word is. */
function possessorStart(tokens: readonly Token[], mark: number, vocabulary: Vocabulary): number {
  let k = mark;
  while (k > 0 && (/^\p{Lu}/u.test(tokens[k - 1].text) || vocabulary.isHonorific(tokens[k - 1].text) || isAdjacentHyphen(tokens, k - 1))) k--;
  return k;
}

/** True when the words from `start` open with a possessive pronoun or a capitalised possessor (`his wife`, `Trump's son`). */
function opensWithPossessor(tokens: readonly Token[], start: number, end: number): boolean {
  if (POSSESSIVE_PRONOUNS.has(tokens[start].text)) return true;
  let k = ARTICLES.has(tokens[start].text.toLowerCase()) ? start + 1 : start;
  while (k < end && /^\p{Lu}/u.test(tokens[k].text)) k++;
  return k > start && k < end && isPossessiveMark(tokens, k);
}

/** True for `'s` or for an apostrophe written against a word ending in s (`Sanders'`, `the Clintons’`). */
function isPossessiveMark(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]?.text;
  if (word === undefined) return false;
  if (POSSESSIVE_MARKS.has(word)) return true;
  return (word === "'" || word === '’') && i > 0 && tokens[i - 1].end === tokens[i].start && /s$/i.test(tokens[i - 1].text);
}

function isQuote(word: string): boolean {
  return word === '“' || word === '”' || word === '"' || word === '‘' || word === "''" || word === '``';
}

/** True when token `i` ends an apposition: a comma, a semicolon, a colon, a bracket, a dash or the sentence's stop. */
function endsApposition(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i].text;
  if (APPOSITION_ENDS.has(word)) return true;
  return (word === '-' || word === '--') && !isAdjacentHyphen(tokens, i);
}

/** True when token `i` ends the clause before a description: a punctuation mark, a quotation mark or a dash. */
function isBoundary(tokens: readonly Token[], i: number): boolean {
  return endsApposition(tokens, i) || isQuote(tokens[i].text) || ((tokens[i].text === "'" || tokens[i].text === '’') && !isPossessiveMark(tokens, i));
}

/** True for a title's word with a qualifier hyphened before it, one token (`then-lieutenant`, `then-Fed`, `ex-Senate`). */
function isQualifiedTitleWord(word: string, vocabulary: Vocabulary): boolean {
  const dash = word.indexOf('-');
  if (dash <= 0 || dash === word.length - 1) return false;
  const rest = word.slice(dash + 1);
  return TITLE_MODIFIERS.has(word.slice(0, dash).toLowerCase()) && (/^\p{Lu}/u.test(rest) || vocabulary.isRoleWord(rest) || vocabulary.isRoleModifier(rest));
}

function isAdjacentHyphen(tokens: readonly Token[], i: number): boolean {
  return tokens[i].text === '-' && tokens[i - 1]?.end === tokens[i].start && tokens[i + 1]?.start === tokens[i].end;
}

/**
 * One white space between words, abbreviated titles spelled out (`Ohio Gov.` → `Ohio Governor`). An abbreviated title
 * of a politician after another title starts a role of its own (`Democratic National Committee Chair Rep.` →
 * `Democratic National Committee Chair; Representative`, `Speaker of the House Rep.`): English abbreviates a title
 * only right before the name. Not after an abbreviation or a qualifier of a title (`Lt. Gov.`, `Lieutenant Gov.`,
 * `Deputy Gov.`), nor after words that hold no title (`Republican Sen.`, `Ohio Gov.`).
 */
function spelledOut(role: string, vocabulary: Vocabulary): string {
  const words = role.split(/\s+/);
  let out = '';
  for (let k = 0; k < words.length; k++) {
    const word = words[k];
    const spelled = vocabulary.spelledOutTitle(word);
    if (k > 0) out += spelled !== undefined && TITLES_BEFORE_A_NAME.has(spelled) && endsCapitalisedTitle(words, k, vocabulary) ? ROLE_SEPARATOR : ' ';
    out += spelled ?? word;
  }
  return out;
}

/**
 * True when the words before `k` end in a capitalised title written out (`Committee Chair`, `Speaker of the House`):
 * capitalised words, with `of` and `the` inside, back to a lower-case word, one of them a role word, the last no
 * abbreviation and no qualifier of the title after it (`Lt.`, `Lieutenant`, `Deputy`).
 */
function endsCapitalisedTitle(words: readonly string[], k: number, vocabulary: Vocabulary): boolean {
  const before = words[k - 1];
  if (!/^\p{Lu}/u.test(before) || vocabulary.spelledOutTitle(before) !== undefined || vocabulary.isRoleModifier(before.toLowerCase()) || RANK_QUALIFIERS.has(before.toLowerCase())) return false;
  for (let i = k - 1; i >= 0; i--) {
    const word = words[i];
    if (/^\p{Lu}/u.test(word)) {
      if (vocabulary.isRoleWord(word)) return true;
    } else if (word !== 'of' && word !== 'the') return false;
  }
  return false;
}

/** Politicians' titles that an abbreviation before a name stands for (not ranks, which compound: `Lt. Gen.`). */
const TITLES_BEFORE_A_NAME: ReadonlySet<string> = new Set(['Senator', 'Senators', 'Representative', 'Representatives', 'Governor', 'Governors', 'Delegate', 'Ambassador']);
/** Words that make one title with the next (`Lieutenant Governor`). */
const RANK_QUALIFIERS: ReadonlySet<string> = new Set(['lieutenant', 'lt.']);

/**
 * Two titles joined by `and` are two roles (`Democratic presidential candidate and former Secretary
 * of State`); a title with `and` inside stays one (`Secretary of Health and Human Services`). So are a
 * description and the title written after it (`Republican vice-presidential nominee Gov.` → `Republican
 * vice-presidential nominee`, `Governor`): a lower-case role word followed by a capitalised one ends a role.
 */
export function splitRoles(role: string, vocabulary: Vocabulary, lexicon: NameLexicon): string[] {
  if (role.includes(ROLE_SEPARATOR)) return role.split(ROLE_SEPARATOR).flatMap((part) => splitRoles(part, vocabulary, lexicon));
  role = role.trim();
  const parts = splitAtAnd(role, vocabulary);
  // A conjunct is a role of its own when a word of it denotes a person as a description's head does (`Arizona sheriff
  // and anti-immigration hard-liner`, `GOP mega-donor and co-founder of …`, `Democrat and former Oklahoma state senator`).
  // A word in -ist is an adjective before a noun (`extremist organizations`): it heads the conjunct only before a
  // preposition or at its end.
  const hasPersonHead = (part: string) => {
    const words = part.split(/\s+/);
    return words.some((w, i) => isPersonHead(w.replace(/[,.]$/, ''), vocabulary, lexicon, i + 1 === words.length || ROLE_COMPLEMENTS.has(words[i + 1].toLowerCase())));
  };
  // Each conjunct without its article, as a role is written (`… correspondent and the author of …` → `author of …`).
  // Else a conjunct with its own article is a new one (`former C.I.A. director and a top general in the conflicts in
  // Iraq and Afghanistan`).
  const articled = role.split(/\s+and\s+(?=(?:the|a|an)\s)/i);
  // A conjunct with no such word is more of the one before it (`fierce critic of Mr. Sanders and his Wall Street
  // proposals`: what he criticises, no role).
  const described = joinedToTheirHead(parts, hasPersonHead);
  const conjuncts = described.length >= 2 ? described : articled.length >= 2 && articled.every(hasPersonHead) ? articled : [role];
  const joined = conjuncts.map((part) => part.replace(/^(?:(?:now|currently|also|formerly)\s+)?(?:the|a|an)\s+/i, ''));
  // An initial at the end is the name's, which the tagger left out (`White House Counsel W.` of `W. Neil Eggleston`);
  // not a numeral's or a place's (`veteran of World War I.`, `president of Washington, D. C.`). Only a part ending in
  // a full stop can end so: the others skip the pattern, whose look-behind is tried at every space.
  return joined.flatMap((part) => splitBeforeTitle(part.endsWith('.') ? part.replace(TRAILING_INITIAL, '') : part, vocabulary));
}

/** An initial after a capitalised word at the end of a role, and the space before it (not a numeral's `I.`, `V.`, `X.`). */
const TRAILING_INITIAL = /(?<=\p{Lu}\p{Ll}*)\s+(?![IVX]\.$)\p{Lu}\.$/u;

/** The parts from the first, each part without a head joined to the one before it; none when the first has none. */
function joinedToTheirHead(parts: readonly string[], hasHead: (part: string) => boolean): string[] {
  if (parts.length < 2 || !hasHead(parts[0])) return [];
  const out: string[] = [];
  for (const part of parts) {
    if (out.length > 0 && !hasHead(part)) out[out.length - 1] += ` and ${part}`;
    else out.push(part);
  }
  return out;
}

/**
 * A title as written before a name, moved after the description it heads (`Clinton campaign Chairman John Podesta` →
 * `campaign chairman of Hillary Clinton`, `Clinton's former Chief of Staff` → `former chief of staff`): English
 * capitalises a title only right before the name, so the capitalised words after a word in lower case are lower-cased
 * together, when each is a title's or an ordinary word (`Deputy Communications Director`), and kept as written when
 * one is a name's (`campaign Fox News host`). A title that opens the role keeps its capitals (`Foreign Minister`).
 */
export function titleAwayFromName(role: string, vocabulary: Vocabulary, lexicon: NameLexicon): string {
  const words = role.split(' ');
  for (let k = 1; k < words.length; k++) {
    if (!/^\p{Ll}/u.test(words[k - 1]) || !/^\p{Lu}/u.test(words[k])) continue;
    // The capitalised run from k, with `of`, `and` or `for` inside it (`Chief of Staff`).
    let end = k;
    while (end < words.length && (/^\p{Lu}/u.test(words[end]) || (RUN_JOINERS.has(words[end]) && /^\p{Lu}/u.test(words[end + 1] ?? '')))) end++;
    const run = words.slice(k, end).filter((word) => !RUN_JOINERS.has(word));
    if (run.some((word) => vocabulary.isRoleWord(word)) && run.every((word) => /^\p{Lu}\p{Ll}+$/u.test(word) && (vocabulary.isRoleWord(word) || lexicon.isOrdinaryWord(word)))) {
      for (let i = k; i < end; i++) words[i] = words[i].toLowerCase();
    }
    k = end;
  }
  return words.join(' ');
}

/** Words inside a capitalised title (`Chief of Staff`, `Secretary of Health and Human Services`). */
const RUN_JOINERS: ReadonlySet<string> = new Set(['of', 'and', 'for']);

/**
 * A role cut at each `and` that may join two roles: not one between capitalised words unless the first is a title
 * (`Liberty and National Security Program`, `President Bill Clinton and President Obama` are inside one role; `Fox
 * News Chairman and CEO` is two), and none after lone titles whose complement, a named body, the last role shares
 * (`founder and CEO of Iraq and Afghanistan Veterans of America` is founder of it as well). A complement that names
 * no body is the last role's own (`husband and father of four`, `lobbyist and author of two books`).
 */
function splitAtAnd(role: string, vocabulary: Vocabulary): string[] {
  const words = role.split(/\s+/);
  const parts: string[] = [];
  let from = 0;
  for (let k = 1; k < words.length - 1; k++) {
    if (words[k] !== 'and') continue;
    const before = words[k - 1];
    if (/^\p{Lu}/u.test(before) && /^\p{Lu}/u.test(words[k + 1]) && !vocabulary.isRoleWord(before)) continue;
    parts.push(words.slice(from, k).join(' '));
    from = k + 1;
  }
  parts.push(words.slice(from).join(' '));
  const lone = parts.slice(0, -1);
  if (lone.length > 0 && lone.every((part) => !part.includes(' ') && vocabulary.isRoleWord(part)) && sharesNamedComplement(parts[parts.length - 1])) return [role];
  return parts;
}

/**
 * True for a role whose complement names a body, or one the article speaks of (`chairman of the Podesta Group`,
 * `chairwoman of the bank`, `CEO of a tech startup`, `president of her own consulting firm`), which titles before it
 * may share; not a count or a bare kind (`father of four`, `author of two books`, `author of books`).
 */
function sharesNamedComplement(role: string): boolean {
  const words = role.split(' ');
  const preposition = words.findIndex((word) => COMPLEMENT_PREPOSITIONS.has(word));
  if (preposition < 1 || preposition + 1 >= words.length) return false;
  const first = words[preposition + 1];
  if (first === 'the' || /^\p{Lu}/u.test(first)) return true;
  const next = words[preposition + 2];
  return opensBodyPhrase(first.toLowerCase()) && next !== undefined && !QUANTIFIERS.has(next.toLowerCase()) && !/^\d/.test(next);
}

/** True for a determiner or possessive, in lower case, before a body a role is of (`of a tech startup`, `of her own firm`, `of this bank`). */
function opensBodyPhrase(word: string): boolean {
  return ARTICLES.has(word) || POSSESSIVE_PRONOUNS.has(word) || OTHER_POSSESSIVES.has(word) || word === 'this' || word === 'that';
}

/**
 * `nominee Gov.` → `nominee`, `Gov.`; `candidate Texas Senator` → `candidate`, `Texas Senator`: a capitalised title
 * after a lower-case role word, right after it or after a few capitalised words that qualify it (a state, a body),
 * starts another role.
 */
function splitBeforeTitle(role: string, vocabulary: Vocabulary): string[] {
  const words = role.split(/\s+/);
  for (let k = 1; k < words.length; k++) {
    const before = words[k - 1];
    // A qualifier stays with the title after it, whatever its case (`executive Director`).
    if (!/^\p{Ll}/u.test(before) || !vocabulary.isRoleWord(before) || vocabulary.isRoleModifier(before)) continue;
    for (let j = k; j < words.length && j < k + MAX_TITLE_QUALIFIERS + 1 && /^\p{Lu}/u.test(words[j]); j++) {
      if (vocabulary.isRoleWord(words[j])) return [words.slice(0, k).join(' '), ...splitBeforeTitle(words.slice(k).join(' '), vocabulary)];
    }
  }
  return [role];
}

/** Capitalised words that may qualify a title (`New York State Senator`). */
const MAX_TITLE_QUALIFIERS = 3;

/**
 * What identifies a role for comparison: lower case, articles dropped, a country's possessive and
 * its adjective made one (`Syria's Deputy Prime Minister` = `Syrian Deputy Prime Minister`, `U.S.`
 * = `US` = `American`, `GOP` = `Republican`, `F.B.I.` = `FBI`, `chairwoman` = `chairman`, no middle initial), a state or a surname one word however it is written (`Florida's` = `Florida`), and the name a title
 * is of before the title's head: news writes one office as `former Florida governor`, `Florida's former governor`
 * and `former governor of Florida`, `Judicial Watch President` and `president of Judicial Watch`, or `campaign
 * spokesman of Hillary Clinton` and `spokesman for the Clinton campaign` (whose: no honorific or given name), and a hover
 * that counts them apart says less (issue 14: roles normalised, with counts). The order of the other words is
 * kept: it tells offices apart (`Texas Senator` is not `former Texas State Senator`'s office).
 */
export function roleKey(role: string, lexicon: NameLexicon): string[] {
  // A middle initial says nothing of the office (`campaign chairman of Donald J. Trump`, `… of Donald Trump`).
  // A middle initial, an honorific and a given name before a surname say nothing of the office either: `spokesman
  // for Mrs. Clinton`, `campaign manager of Hillary Clinton` are Clinton's, as `Clinton's campaign manager` is.
  const raws = role
    .split(/\s+/)
    .filter((raw, k, all) => raw !== '' && !ARTICLES.has(raw.toLowerCase()) && !NAME_HONORIFICS.has(raw.toLowerCase()) && !isMiddleInitial(all, k))
    .filter((raw, k, all) => !isGivenNameBeforeSurname(all, k, lexicon));
  // `governor of Florida`, `president of Judicial Watch`, `spokesman for the Clinton campaign`: an `of` or `for` before
  // a name and nothing else (or a candidate's `campaign`), not before the one word a title is written with (`chief of
  // staff`, `Secretary of State`: what office, not whose).
  const complementEnd = raws[raws.length - 1] === 'campaign' ? raws.length - 1 : raws.length;
  const isComplement = (at: number) =>
    at >= 1 && at + 1 < complementEnd && raws.slice(at + 1, complementEnd).every((raw) => /^\p{Lu}/u.test(raw)) && !(at + 2 === raws.length && lexicon.isOrdinaryWord(raws[at + 1].replace(/\./g, '')));
  let of = raws.indexOf('of');
  if (!isComplement(of)) of = raws.indexOf('for');
  if (!isComplement(of)) of = -1;
  const head = of < 0 ? raws : raws.slice(0, of);
  const complement = of < 0 ? [] : raws.slice(of + 1).map((raw) => keyWord(raw, lexicon));
  const words = head.map((raw) => keyWord(raw, lexicon));
  // A possessive name first goes after the modifiers in lower case that say which holder (`Florida's former
  // governor` as `former Florida governor`), not after a title's own capitalised words (`Syria's Deputy Prime Minister`).
  const possessive = words.length > 1 && /[’']s$/.test(head[0]) ? words.shift() : undefined;
  let holder = 0;
  while (holder < words.length - 1 && HOLDER_MODIFIERS.has(words[holder])) holder++;
  // What the title is of goes there too: `former governor of Florida` as `former Florida governor`, `campaign manager
  // of Bernie Sanders` as `Bernie Sanders campaign manager`.
  words.splice(holder, 0, ...(possessive === undefined ? [] : [possessive]), ...complement);
  return words;
}

/** Honorifics before a name (`Mrs. Clinton`), which no office holds. */
const NAME_HONORIFICS: ReadonlySet<string> = new Set(['mr.', 'mrs.', 'ms.', 'mr', 'mrs', 'ms']);

/** True for `Hillary` in `Hillary Clinton`: a given name right before a surname the lexicon knows, inside a role. */
function isGivenNameBeforeSurname(words: readonly string[], k: number, lexicon: NameLexicon): boolean {
  const next = words[k + 1]?.replace(/[’']s$/, '');
  return next !== undefined && /^\p{Lu}\p{Ll}/u.test(words[k]) && lexicon.isGivenName(words[k]) && /^\p{Lu}\p{Ll}/u.test(next) && lexicon.isKnownSurname(next.toLowerCase());
}

/** True for `J.` in `Donald J. Trump`: one capital with its full stop between a given name and a surname, not after a function word (`chairman of J. Smith`). */
function isMiddleInitial(words: readonly string[], k: number): boolean {
  return k > 0 && k + 1 < words.length && /^\p{Lu}\.$/u.test(words[k]) && /^\p{Lu}\p{Ll}/u.test(words[k - 1]) && !words[k - 1].endsWith('.') && /^\p{Lu}\p{Ll}/u.test(words[k + 1]);
}

/** One word of a role as {@link roleKey} compares it. */
function keyWord(raw: string, lexicon: NameLexicon): string {
  let word = raw.toLowerCase().replace(/[’']s$/, "'s");
  const possessive = word.endsWith("'s");
  if (possessive) word = word.slice(0, -2);
  const bare = word.replace(/\./g, '');
  if (AMERICAN.has(bare)) return '@us';
  // The Grand Old Party is the Republican one (`GOP presidential nominee` = `Republican presidential nominee`).
  if (bare === 'gop') return keyWord('Republican', lexicon);
  const unisex = UNISEX_TITLES.get(word);
  if (unisex !== undefined) return unisex;
  // Initials with or without full stops, with or without a possessive mark (`F.B.I.`, `FBI`, `FBI's`).
  const written = possessive ? raw.slice(0, -2) : raw;
  if (/^(?:\p{Lu}\.){2,}$/u.test(written) || /^\p{Lu}{2,}$/u.test(written)) return bare;
  // A possessive, a country's adjective, and a state or a common surname in capitals (`Florida`, `Clinton`): what
  // a possessive before a title most often names. (The lexicon's well-known names hold title words too: `Governor`.)
  if (possessive || lexicon.isGroupNoun(word) || (/^\p{Lu}/u.test(raw) && (lexicon.isKnownSurname(bare) || lexicon.isStateName(raw)))) return `@${bare.slice(0, 4)}`;
  return word;
}

/** Words before a title that say which holder of it, not what office (`former`, `then`); as {@link roleKey} writes them. */
const HOLDER_MODIFIERS: ReadonlySet<string> = new Set(['former', 'then', 'ex', 'outgoing', 'incoming', 'late', 'current', 'acting', 'interim']);

const AMERICAN = new Set(['us', 'usa', 'american', 'america']);

/** One office whatever the holder's sex (`DNC Chairwoman` = `DNC Chair`): each title as {@link roleKey} writes it. */
const UNISEX_TITLES: ReadonlyMap<string, string> = new Map([
  ['chairman', 'chair'],
  ['chairwoman', 'chair'],
  ['chairperson', 'chair'],
  ['spokeswoman', 'spokesperson'],
  ['spokesman', 'spokesperson'],
  ['congresswoman', 'congressperson'],
  ['congressman', 'congressperson'],
  ['councilwoman', 'councilperson'],
  ['councilman', 'councilperson'],
  ['businesswoman', 'businessperson'],
  ['businessman', 'businessperson'],
]);

/**
 * The roles to show for an actor from the roles of their mentions: one per role (by
 * {@link roleKey}, preferring the adjective to the possessive: `Syrian`, not `Syria's`), none that
 * a more specific one contains (`President` inside `Syrian President`), the most specific first, at
 * most {@link MAX_ROLES}.
 */
export function selectRoles(roles: readonly string[], lexicon: NameLexicon): string[] {
  // One text, however often written (most actors with a role): it is the role, and no key need be made to compare it.
  if (roles.every((text) => text === roles[0])) return roles.length === 0 ? [] : [roles[0]];
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
  // A role the words of a longer one hold, in order, says less (`Green Party candidate` beside `Green Party presidential
  // candidate`), unless the longer one is another office (`Vice President` beside `President`).
  const kept = chosen.filter((c) => !chosen.some((other) => other !== c && other.key.length > c.key.length && (containsWords(other.key, c.key) || sameOfficeMore(other.key, c.key))));
  // The most specific first: by the words written (an `of` the key leaves out counts, as it did).
  kept.sort((a, b) => wordCount(b.text) - wordCount(a.text) || a.order - b.order);
  // A list filled by a loop: `slice().map()` gave an actor without roles (most of them) a list of another
  // elements kind than one with roles, and the code reading actors met both.
  const out: string[] = [];
  for (let i = 0; i < kept.length && i < MAX_ROLES; i++) out.push(kept[i].text);
  return out;
}

/** The words of a role but its articles (`former Secretary of State`: 4). */
function wordCount(role: string): number {
  let count = 0;
  for (const raw of role.split(/\s+/)) if (raw !== '' && !ARTICLES.has(raw.toLowerCase())) count++;
  return count;
}

/**
 * Words that make a title another office than its head's (`Vice President`, `Deputy Foreign Minister`, `former
 * Governor`): read when roles are chosen here and when a description is resolved to a holder (`actors.ts`).
 */
export const OTHER_OFFICE_WORDS: ReadonlySet<string> = new Set(['vice', 'deputy', 'assistant', 'associate', 'lieutenant', 'lt', 'under', 'former', 'ex']);

/**
 * The words of {@link OTHER_OFFICE_WORDS} that name a rank below the office (`Vice President`, `Deputy Minister`), which
 * an article writes with the title each time; not `former`, which it often leaves out (`Secretary of State Hillary
 * Clinton` in 2016, then `the former secretary`).
 */
export const LOWER_RANK_WORDS: ReadonlySet<string> = new Set([...OTHER_OFFICE_WORDS].filter((w) => w !== 'former' && w !== 'ex'));

/** True when `part`'s words appear in `whole` in order, the words between them not making another office. */
function sameOfficeMore(whole: readonly string[], part: readonly string[]): boolean {
  let k = 0;
  for (const word of whole) {
    if (k < part.length && word === part[k]) k++;
    else if (OTHER_OFFICE_WORDS.has(word)) return false;
  }
  return k === part.length;
}

/** True when `part` (a role's key) is in `whole` (a more specific one's): as consecutive words, or as {@link sameOfficeMore} says. */
export function containsWords(whole: readonly string[], part: readonly string[]): boolean {
  for (let i = 0; i + part.length <= whole.length; i++) {
    let k = 0;
    while (k < part.length && whole[i + k] === part[k]) k++;
    if (k === part.length) return true;
  }
  // Or in order with words between that make no other office (`former governor` in `former governor of Florida`,
  // whose key is `former @flor governor`; not `Texas Senator` in `former Texas State Senator`).
  return sameOfficeMore(whole, part);
}
