/**
 * Closed grammatical word classes the quote pass reads (pronouns, determiners, auxiliaries, words that end a
 * noun phrase, speech-verb forms that are also nouns, time words): grammar of English, not data to extend.
 */
export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);

export const PERSON_PRONOUNS = new Set(['he', 'she', 'i']);

export const GROUP_PRONOUNS = new Set(['they', 'we']);

export const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'both', 'two', 'three',
  'four', 'several', 'many', 'some', 'other', 'another', 'each', 'every', 'all', 'one', 'most', 'few', 'no',
]);

/**
 * Words after `a` that count rather than name: a plural subject of what follows (`a few say`, `a lot think`), no body
 * a role is of (`author of a dozen books`: `roles.ts`). Quantity words, no names.
 */
/** Possessive determiners (`his son`, `its “Person of the Year”`): what follows is a noun phrase someone owns. */
export const POSSESSIVE_DETERMINERS: ReadonlySet<string> = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

export const QUANTIFIERS: ReadonlySet<string> = new Set(['few', 'lot', 'couple', 'pair', 'number', 'handful', 'majority', 'minority', 'dozen', 'hundred', 'thousand', 'million', 'bunch', 'host', 'slew', 'series', 'variety']);

/** Words that end a noun phrase when met by the chunker (prepositions, conjunctions, auxiliaries, relatives). */
export const NP_STOP = new Set([
  'in', 'on', 'at', 'during', 'to', 'from', 'with', 'by', 'about', 'after', 'before', 'while', 'when', 'as', 'into',
  'over', 'under', 'against', 'without', 'through', 'since', 'until', 'amid', 'among', 'than', 'like', 'per', 'via',
  'but', 'or', 'so', 'because', 'if', 'though', 'although', 'that', 'which', 'who', 'whom', 'whose', 'what', 'where',
  'why', 'how', 'whether', 'also', 'not', 'is', 'was', 'were', 'are', 'be', 'been', 'being', 'has', 'had', 'have',
  'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'did', 'does', 'do', 'then', 'later', 'once',
  'there', 'here', 'now', 'just', 'even', 'still', 'again', 'too', 'very', 'only', 'yet', 'ago', 'instead',
  'him', 'them', 'us', 'me', 'it', 'this', 'and', 'nor', 'for', 'of', 'up', 'out', 'off', 'down', 'upon', 'around',
  'said', 'says', 'say', 'today', 'yesterday', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'last', 'next', 'week', 'year', 'month', 'however', 'meanwhile', 'earlier', 'according',
]);

/** Auxiliaries and adverbs that may stand between a subject and its speech verb (`Lavrov has also said`). */
export const VERB_PREFIX = new Set([
  'has', 'had', 'have', 'also', 'later', 'then', 'once', 'previously', 'recently', 'repeatedly', 'again', 'was',
  'were', 'is', 'are', 'will', 'would', 'could', 'might', 'may', 'reportedly', 'further', 'simply', 'publicly',
  'privately', 'flatly', 'firmly', 'quickly', 'did', 'does', 'do', 'not', "n't", 'never', 'even', 'often', 'first',
  'famously', 'just', 'already', 'frequently', 'always', 'once', 'allegedly', 'long', 'almost', 'since', 'subsequently',
  'immediately', 'angrily', 'openly', 'wo', 'ca', "'d", '’d', "'ve", '’ve', "'ll", '’ll', 'would', 'should', 'must',
]);

/**
 * True for a lower-case word read as an adverb by its form (`openly`, `flatly`, `reportedly`): what may stand
 * between a subject and its verb, or before a participle. Five letters at least, so `only`, `fly`, `ally` are not.
 */
export function isLyAdverb(lower: string): boolean {
  return lower.endsWith('ly') && lower.length > 4;
}

/** Verbs that name something with the quoted words (`called it “a disaster”`). */
export const NAMING_VERBS = new Set(['call', 'calls', 'called', 'calling', 'dub', 'dubs', 'dubbed', 'label', 'labels', 'labeled', 'labelled', 'describe', 'describes', 'described', 'term', 'termed', 'brand', 'branded']);

/** Personal pronouns as objects (`told me that`, `called them “…”`); `it` and `you` are subjects too, and only `you` is here. */
export const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(['me', 'him', 'her', 'us', 'them', 'you']);

/**
 * Conjunctions that open a subordinate clause before its subject (`after he clinched`, `when Ms. Warren railed`): the
 * clause the quote pass reads as one the main clause follows. The one list of them; the clause openers of
 * {@link EMBEDDING_WORDS} and of `subjectRank` (`coreference.ts`) are made from it.
 */
export const SUBORDINATORS: ReadonlySet<string> = new Set(['after', 'before', 'when', 'while', 'because', 'since', 'although', 'though', 'if', 'once', 'until', 'unless', 'whereas']);

/**
 * Words that open an embedded or subordinate clause (`in the event that Clinton faces`, `when Warren railed`): the
 * {@link SUBORDINATORS}, the complementisers `that` and `whether`, and `as` and `where`. These two open phrases as
 * often as clauses (`as a senator`, `the state where`): they are no {@link SUBORDINATORS}, whose clause the pass reads
 * as one a main clause follows (`as` among those changes six PolNeAR articles' analyses), but a name right after
 * either is neither a title's nor a main clause's subject. `whereas` is left out only because it always was (adding
 * it changes nothing over PolNeAR).
 */
export const EMBEDDING_WORDS: ReadonlySet<string> = new Set([...[...SUBORDINATORS].filter((w) => w !== 'whereas'), 'that', 'whether', 'as', 'where']);

/** Words that open an indirect question or condition after a verb (`say where …`, `explain why …`, `said if …`). */
export const WH_WORDS = new Set(['where', 'what', 'why', 'how', 'whether', 'if', 'when', 'who', 'which']);

/** Words that negate the verb after them (`did not say`, `didn't explain`, `never said`). */
export const NEGATIONS = new Set(['not', "n't", 'n’t', 'never']);

/** Speech-verb forms that are also common nouns (`state`, `claims`, `talk`). */
export const NOUN_VERBS = new Set([
  'state', 'states', 'talk', 'talks', 'claim', 'claims', 'post', 'note', 'notes', 'call', 'calls', 'comment',
  'comments', 'report', 'reports', 'charge', 'charges', 'demand', 'demands', 'counter', 'counters', 'term', 'brand',
  'brands', 'label', 'labels', 'vow', 'vows', 'pledge', 'pledges', 'promise', 'promises', 'remark', 'remarks',
  'tweet', 'tweets', 'joke', 'jokes', 'quote', 'muse', 'cry', 'blast', 'blasts', 'slam', 'slams', 'mock', 'praise',
  'dub', 'fear', 'fears', 'hope', 'hopes', 'worry', 'worries', 'thought', 'feel', 'read', 'reads', 'mention',
  'mentions', 'question', 'wonder', 'repeat', 'continue', 'add', 'answer', 'reply', 'cite', 'echo', 'echoes',
  'caution', 'marvel', 'gripe', 'gripes', 'brag',
]);

/** Month names and their abbreviations, which start a date ("Dec. 8, …"). */
export const MONTHS = /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(january|february|march|april|may|june|july|august|september|october|november|december)$/;

export const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night',
]);

/** Irregular past forms that head a clause after a subject ("Trump sought to rally …"). */
export const IRREGULAR_PAST = new Set([
  'sought', 'took', 'made', 'went', 'came', 'gave', 'got', 'held', 'left', 'met', 'ran', 'saw', 'won', 'lost',
  'began', 'brought', 'found', 'kept', 'stood', 'sat', 'put', 'set', 'led', 'became', 'knew', 'heard', 'meant',
  'paid', 'sent', 'spent', 'built', 'fought', 'cut', 'hit', 'let', 'drew', 'grew', 'threw', 'wore', 'broke',
  'chose', 'rose', 'fell', 'felt', 'thought', 'taught', 'caught', 'bought', 'sold', 'struck', 'stuck', 'swore',
  'cast', 'shot', 'spoke', 'wrote', 'told', 'said', 'read', 'bit', 'hid', 'fled', 'slid', 'spun', 'won', 'sang',
  'can', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'is', 'was', 'has', 'had', 'did', 'does',
]);

/** Verbs that characterise something with the words of the quotation (`likened the rules to “…”`). */
export const COMPARE_VERBS = new Set(['liken', 'likens', 'likened', 'likening', 'compare', 'compares', 'compared', 'comparing']);

/** Participles that make `as “…”` passive or a general view (`known as`, `seen as`): nobody is quoted. */
export const AS_PASSIVE = /^(known|seen|regarded|viewed|considered|perceived|described|billed|touted|characterized|characterised|portrayed|labeled|labelled|branded|dubbed|referred|identified|listed|classified|framed|cast|treated|used|such|same)$/;
