/**
 * Speaker candidates of one quotation, with the features the ranker (`ranker.ts`) scores them by.
 *
 * Candidates are the phrases that could be the quotation's source, taken from the quotation's sentence, the
 * sentence before and after it, and (for a quotation opening its paragraph) the paragraph before: named
 * people and organisations from the recogniser, subject pronouns, and nominals headed by a person,
 * organisation, group or document word (`the foreign minister`, `his Russian counterpart`, `officials`, `the
 * statement`); plus the phrases the cue rules of `cues.ts` found, the previous quotation's speaker (a split
 * quotation continues), and *no speaker*. The features are the rules' signals: which rule picked the phrase
 * and how tightly, a speech verb right before or after it, subject position, a colon lead-in, sentence and
 * token distance, a paragraph-initial quotation, the previous speaker, title words. Windows are bounded, so
 * a quotation costs a bounded number of candidates whatever the text.
 */
import { lowerBound } from '../search';
import type { Attribution } from '../types';
import { makeFound, reportedClauseStart, type Found } from './cues';
import { headLower, isCapitalized, isCue, isPunct, isSentenceEnd, personStartingAt, verbLike, type Doc, type NounPhrase, stripPossessive, surname } from './document';
import type { RawQuote } from './marks';
import { subjectRank, verbFollows } from './coreference';
import { feature, featureNames, featuresNamed, type Feature } from './featureNames';
import { npLeftOf } from './phrases';
import { NP_STOP, VERB_PREFIX, isLyAdverb } from './words';

/** What a candidate is; the ranker learns a weight for each. */
export type CandidateKind = 'name' | 'org' | 'he' | 'she' | 'they' | 'we' | 'i' | 'nominal' | 'group' | 'document' | 'other' | 'previous' | 'none';

/**
 * One possible speaker of a quotation. A class, so that every candidate has one hidden class whatever its
 * kind: literals with and without `np`, `found` set on some later and `inherited` on others made the
 * candidate code and the ranker's scoring see several, and V8 compiled them again for each new one.
 */
export class SpeakerCandidate {
  constructor(
    readonly kind: CandidateKind,
    /** The phrase (token indices); undefined for `previous` and `none`. */
    readonly np: NounPhrase | undefined,
    /** For `previous`: the attribution the quotation repeats. */
    readonly inherited: Attribution | undefined,
    /** The ranker sums their weights. */
    readonly rankerFeatures: Feature[],
  ) {}

  /** The cue pattern to attribute with, when a rule found this phrase (else a cue found next to it). */
  found: Found | undefined = undefined;
  /** Features of the rules that found this phrase (`via=after`, …), gathered before the features. */
  readonly vias: Feature[] = [];

  /** The feature names, as training reads them. */
  get features(): string[] {
    return featureNames(this.rankerFeatures);
  }
}

/** What the cue rules of `cues.ts` said about the quotation: each pattern's phrase, and the rules' own choice. */
export interface RuleSignals {
  readonly after?: Found;
  readonly before?: Found;
  readonly final?: Found;
  readonly complement?: Found;
  readonly leadIn?: Found;
  readonly byline?: Found;
  /** The phrase the hand rules attribute the quotation to, if any (`via` names the rule). */
  readonly pick?: Found;
  readonly pickVia: string;
  /** The previous direct quotation's attribution, when that quotation is near (same or previous paragraph). */
  readonly previous?: Attribution;
  /** The quotation opens a sentence right after the previous quotation (the rules' split-quotation test). */
  readonly continues: boolean;
  /** At most four words (scare-quote sized); title case (a show, a slogan). */
  readonly short: boolean;
  readonly title: boolean;
}

/** Tokens looked at before the opening mark and after the closing mark. */
const WINDOW_BEFORE = 80;
const WINDOW_AFTER = 50;
/** At most this many phrase candidates per quotation (nearest first). */
const MAX_CANDIDATES = 24;
const PREPOSITIONS = new Set(['to', 'with', 'by', 'for', 'of', 'at', 'from', 'on', 'about', 'against', 'in', 'into', 'over', 'than', 'like', 'between', 'among', 'toward', 'towards', 'under', 'after', 'before', 'during']);

/**
 * The candidates of the quotation `raw` (tokens `openTok` … `closeTok - 1`), each with its features, the
 * `none` candidate last. Linear in the window size.
 */
export function speakerCandidates(doc: Doc, raw: RawQuote, openTok: number, closeTok: number, rules: RuleSignals): SpeakerCandidate[] {
  const n = doc.tokens.length;
  const paraInitial = openTok === 0 || doc.para[openTok - 1] !== doc.para[Math.min(openTok, n - 1)];
  const sentenceInitial = paraInitial || isSentenceEnd(doc, openTok - 1) || doc.tokens[openTok - 1].text === ':';
  const openSent = openTok < n ? doc.sent[openTok] : doc.sent[n - 1] + 1;
  const closeSent = closeTok > 0 ? doc.sent[closeTok - 1] : 0;
  let lo = openTok;
  while (lo - 1 >= 0 && openTok - (lo - 1) <= WINDOW_BEFORE) {
    const k = lo - 1;
    const inWindow = doc.sent[k] >= openSent - 1 || (paraInitial && doc.para[k] === raw.paragraph - 1);
    if (!inWindow || doc.para[k] < raw.paragraph - 1) break;
    lo = k;
  }
  let hi = closeTok;
  while (hi < n && hi - closeTok < WINDOW_AFTER && doc.sent[hi] <= closeSent + 1 && doc.para[hi] <= raw.lastParagraph) hi++;

  const spans: { np: NounPhrase; kind: CandidateKind }[] = [];
  collectSpans(doc, lo, openTok, spans);
  collectSpans(doc, closeTok, hi, spans);
  // Nearest first, so that the cap keeps the likely ones.
  const distance = (np: NounPhrase): number => (np.to <= openTok ? openTok - np.to : np.from - closeTok);
  spans.sort((a, b) => distance(a.np) - distance(b.np));
  if (spans.length > MAX_CANDIDATES) spans.length = MAX_CANDIDATES;

  const candidates: SpeakerCandidate[] = [];
  for (const span of spans) candidates.push(new SpeakerCandidate(span.kind, span.np, undefined, []));
  const attach = (found: Found | undefined, via: string): void => {
    if (!found) return;
    // The candidate the rule's phrase stands for: the nearest one it overlaps, but a person's name that heads the
    // phrase or that its title word runs into (`retired Air Force general John Allen said`) rather than an
    // organisation inside the title (`Air Force`), which took the rule's pick once the title was no candidate.
    let c: SpeakerCandidate | undefined;
    let named: SpeakerCandidate | undefined;
    const titled = headKind(doc, found.np.to - 1) === PERSON_HEAD;
    for (const other of candidates) {
      const np = other.np;
      if (np === undefined) continue;
      if (np.from < found.np.to && found.np.from < np.to) c ??= other;
      if (other.kind === 'name' && (np.to === found.np.to || (titled && np.from === found.np.to))) named ??= other;
    }
    if (named) c = named;
    if (!c) {
      c = new SpeakerCandidate(kindOf(doc, found.np), found.np, undefined, []);
      candidates.push(c);
    }
    c.found ??= found;
    const v = VIA.and(via);
    c.vias.push(v, v.and(strengthName(found.strength)));
    if (found === rules.pick) {
      c.found = found;
      c.vias.push(PICK, PICK_VIA.and(rules.pickVia));
    }
  };
  attach(rules.after, 'after');
  attach(rules.before, 'before');
  attach(rules.final, 'final');
  attach(rules.complement, 'complement');
  attach(rules.leadIn, 'leadin');
  attach(rules.byline, 'byline');

  const quoteFeatures = [
    rules.short ? QUOTE['|short=true'] : QUOTE['|short=false'],
    rules.title ? QUOTE['|title=true'] : QUOTE['|title=false'],
    paraInitial ? QUOTE['|paraInit=true'] : QUOTE['|paraInit=false'],
    sentenceInitial ? QUOTE['|sentInit=true'] : QUOTE['|sentInit=false'],
    rules.continues ? QUOTE['|cont=true'] : QUOTE['|cont=false'],
    QUOTE_PICK_VIA.and(rules.pickVia),
  ];
  // "McCaskill said Sanders has pushed her to be a “stronger” candidate": the phrases between a speech verb whose
  // subject comes before it and the quotation it introduces are inside the reported clause, what the speaker talks
  // about rather than who speaks — when nothing between starts another clause (`, but Jones remains “hopeful”`).
  const reported = rules.before?.cue !== undefined && rules.before.np.to <= rules.before.cue.from ? reportedClauseStart(doc, rules.before.cue.to, openTok) : -1;
  const previousMention = rules.previous?.mention;
  const sideRank = { L: 0, R: 0 };
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    const np = c.np!;
    const left = np.to <= openTok;
    const side = left ? 'L' : 'R';
    const dist = bucket(distance(np));
    const sd = SENTENCE_DISTANCE[Math.min(left ? openSent - doc.sent[np.to - 1] : doc.sent[np.from] - closeSent, 2)];
    const sideAtom = left ? ATOM['side=L'] : ATOM['side=R'];
    const atoms: Feature[] = [sideAtom, dist, sd, NEAR[Math.min(sideRank[side]++, 2)]];
    cueAtoms(doc, np, openTok, closeTok, atoms);
    if (doc.para[np.from] !== doc.para[Math.min(left ? openTok : closeTok - 1, n - 1)]) atoms.push(ATOM['otherPara']);
    if (doc.lex.titleForms.has(headLower(doc, np))) atoms.push(ATOM['titleHead']);
    // Subject position of a name near the quotation: 2 = subject of a speech verb, 1 = of another verb.
    if (c.kind === 'name' && np.to - np.from <= 4) atoms.push(SUBJECT[subjectRank(doc, { start: doc.tokens[np.from].start, end: doc.tokens[np.to - 1].end, type: 'person', text: '' })]);
    if (reported >= 0 && np.from >= reported && np.to <= openTok) atoms.push(ATOM['inReported']);
    if (previousMention && doc.tokens[np.from].start < previousMention.end && previousMention.start < doc.tokens[np.to - 1].end) atoms.push(ATOM['prevMention']);
    else if (rules.previous && sameName(doc, np, rules.previous)) atoms.push(ATOM['prevName']);
    const f = c.rankerFeatures;
    const k = KIND.and(c.kind);
    const kBar = k.and('|');
    f.push(k);
    for (const a of atoms) f.push(a, kBar.and(a));
    const kSideBar = kBar.and(sideAtom).and('|');
    f.push(kSideBar.and(dist), kSideBar.and(sd));
    for (const q of quoteFeatures) f.push(k.and(q));
    f.push(kSideBar.and(sd).and(quoteFeatures[3]));
    for (const v of c.vias) f.push(v, kBar.and(v), v.and(quoteFeatures[0]));
    if (c.vias.length === 0) f.push(NO_RULE, NO_RULE_BAR.and(kBar.and(sideAtom)));
  }
  if (rules.previous) {
    const features = [PREVIOUS];
    for (const q of quoteFeatures) features.push(PREVIOUS.and(q));
    features.push(rules.pick ? PREVIOUS_RULE_PICK : PREVIOUS_NO_RULE_PICK);
    candidates.push(new SpeakerCandidate('previous', undefined, rules.previous, features));
  }
  const features = [NONE];
  for (const q of quoteFeatures) features.push(NONE.and(q));
  features.push((rules.pick ? NONE_PICK : NONE_NO_PICK).and(quoteFeatures[0]));
  candidates.push(new SpeakerCandidate('none', undefined, undefined, features));
  return candidates;
}

const KIND = feature('k=');
const VIA = feature('via=');
const PICK = feature('pick');
const PICK_VIA = feature('pick=');
const QUOTE_PICK_VIA = feature('|pickVia=');
const NO_RULE = feature('noRule');
const NO_RULE_BAR = feature('noRule|');
const PREVIOUS = feature('k=previous');
const PREVIOUS_RULE_PICK = feature('k=previous|rulePick');
const PREVIOUS_NO_RULE_PICK = feature('k=previous|noRulePick');
const NONE = feature('k=none');
const NONE_PICK = feature('k=none|pick');
const NONE_NO_PICK = feature('k=none|noPick');

/** Properties of the quotation, shared by its candidates. */
const QUOTE = featuresNamed(['|short=true', '|short=false', '|title=true', '|title=false', '|paraInit=true', '|paraInit=false', '|sentInit=true', '|sentInit=false', '|cont=true', '|cont=false']);

/** Properties of a candidate phrase. */
const ATOM = featuresNamed([
  'side=L', 'side=R', 'otherPara', 'titleHead', 'prevMention', 'prevName', 'inReported',
  'cueAfter=ing', 'cueAfter=end', 'cueAfter', 'commaAfter', 'cueBefore', 'cueBeforeClause', 'accordingTo', 'afterPrep', 'clauseStart', 'afterQuote', 'possessive', 'colonLead', 'touchAfter', 'touchBefore',
]);

/** A pattern's strength as a feature part (a plain branch: a table keyed by 0.25 and 1 read one of them as a named property, the other as an element). */
function strengthName(strength: number): string {
  return strength === 0 ? '|s=0' : strength === 0.25 ? '|s=0.25' : strength === 0.5 ? '|s=0.5' : strength === 1 ? '|s=1' : strength === 1.5 ? '|s=1.5' : strength === 2 ? '|s=2' : '|s=?';
}
const SENTENCE_DISTANCE = ['sd=0', 'sd=1', 'sd=2'].map(feature);
const NEAR = ['near=0', 'near=1', 'near=2'].map(feature);
const SUBJECT = ['subj=0', 'subj=1', 'subj=2'].map(feature);

/** Named mentions, pronouns and head-word nominals in tokens `[from, to)` outside quotations. */
function collectSpans(doc: Doc, from: number, to: number, out: { np: NounPhrase; kind: CandidateKind }[]): void {
  // Nothing to read (a quotation at the edge of its window): returning here also keeps the entity search's
  // offsets small integers (an `Infinity` there once deoptimised it).
  if (from >= to || from >= doc.tokens.length) return;
  const ents = doc.entities;
  let e = firstEntityEndingAfter(doc, doc.tokens[from].start);
  for (let k = from; k < to; k++) {
    if (doc.inQuote[k]) continue;
    const t = doc.tokens[k];
    while (e < ents.length && ents[e].end <= t.start) e++;
    const ent = e < ents.length && ents[e].start <= t.start ? ents[e] : undefined;
    if (ent && (ent.type === 'person' || ent.type === 'organization')) {
      let end = k + 1;
      while (end < to && doc.tokens[end].start < ent.end && !doc.inQuote[end]) end++;
      out.push({ np: { from: k, to: end }, kind: ent.type === 'person' ? 'name' : 'org' });
      k = end - 1;
      continue;
    }
    const l = doc.lower[k];
    if (l === 'he' || l === 'she' || l === 'they' || l === 'we' || l === 'i') {
      out.push({ np: { from: k, to: k + 1 }, kind: l });
      continue;
    }
    if (ent || isCapitalized(t.text)) continue;
    const kind = HEAD_KINDS[headKind(doc, k)];
    if (!kind) continue;
    // The phrase ends at its head: "the foreign minister", "his Russian counterpart", "officials"; a word for
    // people before more of the phrase's nouns is a modifier ("senior communications adviser").
    if (headFollows(doc, k, to)) continue;
    // A title right before a person's name is part of the name's phrase, not someone else ("White House press
    // secretary Josh Earnest said"). As a candidate of its own, the title could win over the name, and the
    // quotation went to "White House press secretary" with no name.
    if (kind === 'nominal' && k + 1 < to && !doc.inQuote[k + 1] && personStartingAt(doc, k + 1)) continue;
    const np = npLeftOf(doc, k, from);
    out.push({ np: np ?? { from: k, to: k + 1 }, kind });
  }
}

/** Kinds of the phrases a word heads, by `headKind` (0: none of them). */
const HEAD_KINDS: readonly (CandidateKind | undefined)[] = [undefined, 'nominal', 'group', 'org', 'document'];
const PERSON_HEAD = 1;
const GROUP_HEAD = 2;

/**
 * What kind of phrase token `i`'s word heads, as an index of `HEAD_KINDS` (the first of the lists that has it),
 * read once a token: neighbouring quotations' windows overlap.
 */
function headKind(doc: Doc, i: number): number {
  const known = doc.headKinds[i];
  if (known !== 0) return known - 1;
  const l = doc.lower[i];
  const lex = doc.lex;
  const kind = lex.personHeads.has(l) ? 1 : lex.groupHeads.has(l) ? 2 : lex.organizationHeads.has(l) ? 3 : lex.documentHeads.has(l) ? 4 : 0;
  doc.headKinds[i] = kind + 1;
  return kind;
}

/**
 * True when a word for people or a group comes within three words after token `k`, with only lower-case nouns and
 * modifiers between (no verb, punctuation or name): the phrase goes on to that head (`senior communications adviser`).
 */
function headFollows(doc: Doc, k: number, to: number): boolean {
  for (let j = k + 1; j < to && j <= k + 3 && !doc.inQuote[j]; j++) {
    const head = headKind(doc, j);
    if (head === PERSON_HEAD || head === GROUP_HEAD) return true;
    const t = doc.tokens[j].text;
    // A verb ends the phrase (`The governor met protesters`); a plural noun, which `verbLike` reads as one by its
    // `-s` (`communications`), does not.
    const l = doc.lower[j];
    if (isCapitalized(t) || isPunct(t) || NP_STOP.has(l) || VERB_PREFIX.has(l) || isCue(doc, j) || (verbLike(doc, j) && !/[^s]s$/.test(l))) return false;
  }
  return false;
}

function firstEntityEndingAfter(doc: Doc, offset: number): number {
  const list = doc.entities;
  return lowerBound(list.length, (i) => list[i].end > offset);
}

/** The kind of a phrase a rule found that no candidate covers. */
function kindOf(doc: Doc, np: NounPhrase): CandidateKind {
  if (np.to - np.from === 1) {
    const l = doc.lower[np.from];
    if (l === 'he' || l === 'she' || l === 'they' || l === 'we' || l === 'i') return l;
  }
  const head = headLower(doc, np);
  if (isCapitalized(doc.tokens[np.to - 1].text)) return 'name';
  if (doc.lex.personHeads.has(head)) return 'nominal';
  if (doc.lex.groupHeads.has(head)) return 'group';
  if (doc.lex.organizationHeads.has(head)) return 'org';
  if (doc.lex.documentHeads.has(head)) return 'document';
  return 'other';
}

/** Speech verbs and colons around the phrase: the signals of the cue rules, seen from the candidate. */
function cueAtoms(doc: Doc, np: NounPhrase, openTok: number, closeTok: number, atoms: Feature[]): void {
  const n = doc.tokens.length;
  // A speech verb after the phrase, past auxiliaries and adverbs ("Lavrov has also said").
  let k = np.to;
  while (k < n && k - np.to < 3 && !doc.inQuote[k] && (VERB_PREFIX.has(doc.lower[k]) || isLyAdverb(doc.lower[k]))) k++;
  // A speech verb closing its sentence ("…, where Mrs. Clinton also spoke.") introduces no later quotation.
  if (k < n && isCue(doc, k)) atoms.push(doc.lower[k].endsWith('ing') ? ATOM['cueAfter=ing'] : k + 1 < n && k + 1 < openTok && isSentenceEnd(doc, k + 1) ? ATOM['cueAfter=end'] : ATOM['cueAfter']);
  else if (k < n && doc.tokens[k].text === ',') atoms.push(ATOM['commaAfter']);
  // Inverted ("said Lavrov") or "according to X".
  const b = np.from - 1;
  if (b >= 0 && !doc.inQuote[b]) {
    // "said Lavrov" is inverted; "said Sanders has pushed …" opens the reported clause, whose subject is not the speaker.
    if (isCue(doc, b)) atoms.push(verbFollows(doc, np.to) ? ATOM['cueBeforeClause'] : ATOM['cueBefore']);
    else if (doc.lower[b] === 'to' && b > 0 && doc.lower[b - 1] === 'according') atoms.push(ATOM['accordingTo']);
    else if (PREPOSITIONS.has(doc.lower[b])) atoms.push(ATOM['afterPrep']);
    else if (isSentenceEnd(doc, b) || doc.tokens[b].text === ',' || doc.lower[b] === 'and' || doc.lower[b] === 'but' || doc.lower[b] === 'that') atoms.push(ATOM['clauseStart']);
  } else if (b >= 0) atoms.push(ATOM['afterQuote']);
  else atoms.push(ATOM['clauseStart']);
  if (np.to < n && (doc.lower[np.to] === "'s" || doc.lower[np.to] === '’s')) atoms.push(ATOM['possessive']);
  if (np.to < n && doc.tokens[np.to].text === ':' && np.to + 1 >= openTok && np.to < openTok) atoms.push(ATOM['colonLead']);
  if (np.from === closeTok || (np.from === closeTok + 1 && /^[,—–-]$/.test(doc.tokens[closeTok].text))) atoms.push(ATOM['touchAfter']);
  if (np.to === openTok || (np.to + 1 === openTok && /^[,:—–-]$/.test(doc.tokens[np.to].text))) atoms.push(ATOM['touchBefore']);
}

/** True when the phrase's last word is the last word of the previous speaker's name. */
function sameName(doc: Doc, np: NounPhrase, previous: Attribution): boolean {
  const name = (previous.resolved ?? previous.mention).text;
  const last = surname(name);
  const head = stripPossessive(doc.tokens[np.to - 1].text);
  return !!last && last.length > 1 && head === last;
}

function bucket(d: number): Feature {
  return d <= 0 ? DISTANCE[0] : d === 1 ? DISTANCE[1] : d === 2 ? DISTANCE[2] : d <= 4 ? DISTANCE[3] : d <= 8 ? DISTANCE[4] : d <= 16 ? DISTANCE[5] : d <= 32 ? DISTANCE[6] : DISTANCE[7];
}
const DISTANCE = ['d=0', 'd=1', 'd=2', 'd=3-4', 'd=5-8', 'd=9-16', 'd=17-32', 'd=33+'].map(feature);

/** The pattern to attribute a candidate no rule found: its phrase and a speech verb right after or before it. */
export function cueNear(doc: Doc, np: NounPhrase): Found {
  const n = doc.tokens.length;
  let k = np.to;
  while (k < n && k - np.to < 3 && !doc.inQuote[k] && (VERB_PREFIX.has(doc.lower[k]) || isLyAdverb(doc.lower[k]))) k++;
  if (k < n && isCue(doc, k)) return makeFound(np, { from: k, to: k + 1 }, 1);
  if (np.from - 1 >= 0 && isCue(doc, np.from - 1)) return makeFound(np, { from: np.from - 1, to: np.from }, 1);
  return makeFound(np, undefined, 1);
}
