/**
 * Direct quotations and their speakers: the pipeline entry (`findQuotes`).
 *
 * The pass has three steps, each linear in the size of the document:
 * 1. pair quotation marks paragraph by paragraph (`marks.ts`);
 * 2. for each quotation, look for an attribution in a bounded window of tokens after it (`“…,” Lavrov said`,
 *    `“…,” said Lavrov`) and then before it (`Lavrov said “…”`, `…, saying “…”`, `according to X, “…”`)
 *    (`cues.ts`, over the noun phrases of `phrases.ts` and the token view of `document.ts`);
 * 3. resolve pronouns and role nominals (`he`, `the foreign minister`) to a preceding person mention
 *    (`coreference.ts`), inherit the speaker for the second part of a split quotation, and call short
 *    unattributed quotations `scare`.
 *
 * Windows are bounded (a fixed number of tokens, paragraphs or candidate mentions) so that no quotation can
 * make the pass quadratic, whatever the input. To find the step that made a wrong call: a wrong quotation
 * range is `marks.ts`; a wrong mention (`the minister` where `Lavrov` was meant) is `cues.ts`/`phrases.ts`;
 * a wrong name behind a right pronoun or nominal is `coreference.ts`; direct/scare and split quotations are
 * decided here.
 */
import { type SpeakerState, clauseSubject, personStartIn, resolveNominal, resolvePronoun } from './coreference';
import { AFTER_WINDOW, type Found, makeFound, namedByParticiple, weakCue, findAfter, findAsComplement, findBefore, findBylineParagraph, findLeadIn, findSentenceFinal, withSpeakerPhrase } from './cues';
import { type Doc, type NounPhrase, lastInsideTok, buildDoc, endsWithSentenceMark, hasCapital, headLower, isCapitalized, isCue, isSentenceEnd, overlapsEntity, sentenceEndFrom, slice, tokenAt, stripPossessive } from './document';
import type { QuoteLexicon } from './lexicon';
import { cueNear, speakerCandidates, type RuleSignals, type SpeakerCandidate } from './candidates';
import { rankedChoice, type SpeakerModel } from './ranker';
import { antecedentCandidates, describesSomeoneElse, entityKey, isNewcomer, type Anaphor, type AnaphorKind, type AntecedentCandidate } from './antecedents';
import { type RawQuote, LEFT_SINGLE, isWordChar, pairQuotationMarks } from './marks';
import { nameBeforeApposition, speakerKind, withOwnerPhrase } from './phrases';
import type { Attribution, EntityMention, Paragraph, Quote, Sentence, TextSlice } from '../types';
import { rangeContaining } from '../search';
import { TITLE_MAX_WORDS, closedByItsSpeaker, isCryOrQuestion, isTitleCase, namedAfterPreposition, namedByItsPhrase } from './titles';

/** Counts words (runs of letters/digits) in `[from, to)`, stopping early past `cap`. */
function wordCount(text: string, from: number, to: number, cap: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // Apostrophes and hyphens inside a word (compared as code units: `text[i]` made a string of each).
    const w: boolean = isWordChar(c) || (inWord && (c === 0x2019 || c === 0x27 || c === 0x2d));
    if (w && !inWord) {
      n++;
      if (n > cap) return n;
    }
    inWord = w;
  }
  return n;
}

/** Largest quotation, in words, still taken for a scare quote when nothing attributes it. */
const SCARE_MAX_WORDS = 4;

/** Pattern strength a short quotation needs to be reported speech: a tight pattern or a `that` clause. */
const SHORT_MIN_STRENGTH = 0.5;

/**
 * Finds every quotation of the document, in document order, with its speaker when the text names one.
 *
 * A quotation continued over paragraphs (opening mark, no closing mark, next paragraph opening again) is one
 * `Quote` from its first opening mark to its last closing mark; its `text` then includes the paragraph break
 * and the repeated opening mark. Unbalanced marks never throw: a stray closing mark is ignored, an opening
 * mark left open at the end of its paragraph (and not continued) yields no quotation. Short quotations (up to
 * four words) with no speech verb attributing them are `scare` quotes without attribution. Every window the
 * attribution looks at is bounded, so the pass is linear in the size of the document.
 *
 * @param text the document
 * @param paragraphs from `splitParagraphs(text)`
 * @param sentences all sentences in order (`splitSentences` over each paragraph's tokens)
 * @param entities from the entity recogniser, sorted by `start`
 * @param lexicon the pass's word lists, from `loadQuoteLexicon(source)` (loaded once, shared by every call)
 * @returns quotations sorted by `start`; `kind` is `scare` for a short quoted term with no speaker
 */
export function findQuotes(
  text: string,
  paragraphs: readonly Paragraph[],
  sentences: readonly Sentence[],
  entities: readonly EntityMention[],
  lexicon: QuoteLexicon,
  model?: SpeakerModel,
): Quote[] {
  return attributeQuotes(text, paragraphs, sentences, entities, lexicon, model);
}

/** A quotation's speaker candidates, as training reads them (`scripts/trainQuotes.ts`). */
export interface QuoteCandidates {
  /** The quotation (offsets of its marks and of its content). */
  readonly start: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly candidates: readonly SpeakerCandidate[];
  /** Per candidate, the text it stands for: the phrase, or the repeated mention for `previous`; none for `none`. */
  readonly spans: readonly (TextSlice | undefined)[];
}

/** A pronoun or description being resolved, with its antecedent candidates, as training reads them. */
export interface AntecedentChoice {
  readonly anaphor: Anaphor;
  readonly candidates: readonly AntecedentCandidate[];
}

/**
 * A pronoun outside any quotation the pass attributes that training resolves too (`Ryan said he …`, an
 * annotated Source of reported speech): more examples for the antecedent ranker, read in the same state.
 */
export interface ReportedPronoun {
  /** The pronoun (`he`, `she`). */
  readonly mention: TextSlice;
  /** What it said (the reported words), read as the quotation of the anaphor. */
  readonly content: { readonly start: number; readonly end: number };
}

/** Receives the candidates of each decision (training). */
interface Collector {
  speaker(doc: Doc, raw: RawQuote, candidates: SpeakerCandidate[]): void;
  antecedent(anaphor: Anaphor, candidates: AntecedentCandidate[]): void;
  /** Pronouns of reported speech to resolve as the pass reaches them, sorted by offset. */
  readonly reported?: readonly ReportedPronoun[];
}

/**
 * The candidates of every decision the rankers would take, with their features; meanwhile the quotations are
 * attributed by the hand rules (so `previous` is the rules' previous speaker).
 */
export function collectSpeakerCandidates(
  text: string,
  paragraphs: readonly Paragraph[],
  sentences: readonly Sentence[],
  entities: readonly EntityMention[],
  lexicon: QuoteLexicon,
  reported: readonly ReportedPronoun[] = [],
): { quotes: QuoteCandidates[]; antecedents: AntecedentChoice[] } {
  const quotes: QuoteCandidates[] = [];
  const antecedents: AntecedentChoice[] = [];
  attributeQuotes(text, paragraphs, sentences, entities, lexicon, undefined, {
    reported,
    speaker(doc, raw, candidates) {
      const spans = candidates.map((c) => (c.np ? slice(doc, c.np.from, c.np.to) : c.inherited?.mention));
      quotes.push({ start: raw.start, contentStart: raw.contentStart, contentEnd: raw.contentEnd, candidates, spans });
    },
    antecedent(anaphor, candidates) {
      antecedents.push({ anaphor, candidates });
    },
  });
  return { quotes, antecedents };
}

function attributeQuotes(
  text: string,
  paragraphs: readonly Paragraph[],
  sentences: readonly Sentence[],
  entities: readonly EntityMention[],
  lexicon: QuoteLexicon,
  model: SpeakerModel | undefined,
  collect?: Collector,
): Quote[] {
  const raws = outsidePersonNames(pairQuotationMarks(text, paragraphs), entities);
  // The list returned is made at one place even when empty (an empty literal of its own kept another elements kind).
  const quotes: Quote[] = [];
  if (raws.length === 0) return quotes;
  const doc = buildDoc(text, paragraphs, sentences, entities, raws, lexicon);
  const state: SpeakerState = { speakers: new Set<number>(), turns: [], antecedents: model && model.antecedents.size > 0 ? model.antecedents : undefined, collectAntecedents: collect?.antecedent };
  let previous: { raw: RawQuote; attribution?: Attribution; closeTok: number } | undefined;
  /** Quotations that name a show, a work or a nickname (`named` below): no later speaker is theirs. */
  const names = new Set<Quote>();
  /** Where the last such quotation ends: a title joined to it by `and` or a comma is one too. */
  let lastNameEnd = -1;
  let nextReported = 0;
  const reported = collect?.reported ?? [];
  const headlineColon = isHeadline(paragraphs) ? headlineColonAt(text, paragraphs[0]) : -1;
  const headline = headlineColon >= 0 ? headlineSpeaker(text, paragraphs[0], headlineColon, entities) : undefined;
  for (const raw of raws) {
    // Training: the pronouns of reported speech before this quotation, resolved in the state the pass is in.
    for (; nextReported < reported.length && reported[nextReported].mention.start < raw.start; nextReported++) resolveReported(doc, reported[nextReported], state);
    const openTok = tokenAt(doc, raw.start);
    const closeTok = tokenAt(doc, raw.end);
    const words = wordCount(text, raw.contentStart, raw.contentEnd, TITLE_MAX_WORDS + 1);
    const short = words <= SCARE_MAX_WORDS;
    const afterLimit = Math.min(doc.tokens.length, closeTok + AFTER_WINDOW + 4);
    const prevParaEndsWithColon = raw.paragraph > 0 && openTok > 0 && doc.para[openTok - 1] === raw.paragraph - 1 && doc.tokens[openTok - 1].text === ':';
    // Transcripts: "PENCE: Well, look, …" — the speaker label opens the quoted words.
    const c0 = text.charCodeAt(raw.contentStart);
    const c1 = text.charCodeAt(raw.contentStart + 1);
    const label =
      c0 >= 65 && c0 <= 90 && c1 >= 65 && c1 <= 90 // two capitals first: only then is a label possible
        ? /^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s/.exec(text.slice(raw.contentStart, Math.min(raw.contentEnd, raw.contentStart + 40)))
        : null;
    // "Graham: Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP’s Chance": a headline's quotations after a
    // name and a colon are that name's, though headline case makes them look like titles. Not when a name and a
    // speech verb come between (`Cruz: Trump Called Me “Lyin’ Ted”`, `Fox News: Trump Says Cruz Is ‘Desperate’`):
    // the quotation is that verb's subject's. The headline's speaker is no previous speaker for the text.
    if (headline && raw.paragraph === 0 && raw.start >= headline.cue.end && !cueBetween(doc, tokenAt(doc, headline.cue.end), openTok)) {
      const attribution = attributionOf(headline.mention, undefined, headline.cue, headline.kind, undefined);
      quotes.push(makeQuote(raw, text.slice(raw.contentStart, raw.contentEnd), 'direct', attribution));
      continue;
    }
    if (label && label[1].length > 1) {
      const ls = raw.contentStart + label.index + label[0].indexOf(label[1]);
      const mention = { start: ls, end: ls + label[1].length, text: label[1] };
      const attribution = attributionOf(mention, undefined, undefined, 'person', undefined);
      quotes.push(makeQuote(raw, text.slice(raw.contentStart, raw.contentEnd), 'direct', attribution));
      previous = { raw, attribution, closeTok };
      continue;
    }
    const after = withSpeakerPhrase(doc, findAfter(doc, closeTok, afterLimit));
    const before = withSpeakerPhrase(doc, findBefore(doc, openTok, prevParaEndsWithColon));
    let found = after;
    if (!found || (before && before.strength > found.strength)) found = before ?? found;
    // "Jeb Bush called Trump “unhinged.” Sen. Marco Rubio called the statement …", "Clinton, exasperated, famously
    // responded: “What difference … does it make?” Her critics cited it …": a quotation that closes its sentence
    // belongs to the tight cue before it rather than to the next sentence's subject.
    if (found && before && found !== before && before.strength >= 2 && found.strength <= before.strength && found.np.from === closeTok && closeTok < doc.tokens.length && isCapitalized(doc.tokens[closeTok].text) && endsWithSentenceMark(doc, closeTok) && !(openTok > 0 && isSentenceEnd(doc, openTok - 1))) {
      found = before;
    }
    // "“…,” Mr. Obama said …, where Mrs. Clinton also spoke. “Tolerance is …”": a quotation opening a new
    // sentence right after a quotation of the same paragraph continues it; the verb of the sentence between
    // does not introduce it.
    if (found && found === before && previous?.attribution && previous.raw.lastParagraph === raw.paragraph && openTok > 0 && isSentenceEnd(doc, openTok - 1) && doc.tokens[openTok - 1].text !== ';' && (found.cue?.from ?? 0) > previous.closeTok) {
      found = undefined;
    }
    // The ranker reads every pattern; the rules alone stop at the first that fires.
    const ranking = model !== undefined || collect !== undefined;
    // A speech verb closing the sentence reports all of it, a weak cue inside it too (`But Mrs. Clinton would do
    // well to begin “building bridges” to Mr. Sanders, said David Axelrod`).
    const weakBefore = found !== undefined && found === before && before.strength <= 1;
    const final = found && !ranking && !weakBefore ? undefined : findSentenceFinal(doc, closeTok);
    if (!found || (weakBefore && final)) found = final;
    const complement = found && !ranking ? undefined : findAsComplement(doc, openTok);
    if (!found) found = complement;
    // Short quotations need a tight pattern or a clause-level cue that reports words; else they are scare quotes.
    if (found && short && found.strength < SHORT_MIN_STRENGTH) found = undefined;
    // Titles of shows, books and slogans ("New Day", "Orange is the New Black", "Gang of Eight") are named,
    // not said, unless a speech verb touches them ("he said, “Make America Great Again”").
    const title = words <= TITLE_MAX_WORDS + 1 && isTitleCase(text, raw.contentStart, raw.contentEnd);
    // Capitalised words after a preposition or a possessive name a show, a piece or a nickname even when a speech
    // verb follows ("On this weekend’s broadcast of “Fox News Sunday,” Mike Pence said", "on CBS's “Face the
    // Nation,” Ryan said", "visited NBC’s “Today”"): the verb reports what was said there, not the name. A cry is
    // said even there ("chants of “Feel the Bern!”").
    // So is one joined to such a name ("starred in “Parks and Recreation” and “Guardians of the Galaxy,” posted").
    const content = text.slice(raw.contentStart, raw.contentEnd);
    // So is a title the phrase around it makes a name (`his 2002 book, “…”`, `the “Dear Walter” letters`, `Fiorina told
    // “Fox and Friends”`), outside the words a speech verb reports (`titles.ts`). No speaker comes to a name from
    // the quotation before it, a lead-in or a byline either.
    const named =
      (words <= TITLE_MAX_WORDS + 1 &&
        (namedAfterPreposition(doc, openTok) || (lastNameEnd >= 0 && /^\s*(?:,|,?\s*(?:and|or))\s*$/.test(text.slice(lastNameEnd, raw.start)))) &&
        isTitleCase(text, raw.contentStart, raw.contentEnd, 1) &&
        !isCryOrQuestion(content) &&
        !closedByItsSpeaker(doc, [after, final], closeTok, openTok)) ||
      (title && namedByItsPhrase(doc, raw, openTok, closeTok, before, [after, final])) ||
      // A short term a participle names (`the tax loophole called an “inversion”`), unless a speaker closes the
      // sentence (`… could be termed "influence peddling," The Washington Post reported`).
      (short && namedByParticiple(doc, openTok) && !closedByItsSpeaker(doc, [after, final], closeTok, openTok));
    if (found && (named || (title && found.strength < 1))) found = undefined;
    // A short term that opens a sentence of the narrator's (`“Containment” has been U.S. policy …`) continues no one's
    // words: a quotation that does ends its words with punctuation or its sentence with the closing mark.
    const continues = previous?.attribution !== undefined && startsSentence(doc, openTok, previous.closeTok, raw) && (!short || endsUtterance(doc, raw, closeTok));
    const paraInitial = openTok > 0 && doc.para[openTok - 1] !== doc.para[openTok];
    // A quotation paragraph after a paragraph whose last sentence reports someone ("Carter said that …
    // ¶ “That’s because …”", "Howard continued his scathing remarks. ¶ “…”").
    const leadIn = paraInitial && (ranking || (!found && !continues && !short)) ? findLeadIn(doc, openTok - 1) : undefined;
    let pick: Found | undefined = found;
    let via = found ? (found === after ? 'after' : found === before ? 'before' : found === final ? 'final' : 'complement') : 'none';
    if (!found && continues && !named) via = 'previous';
    else if (!found && !short && !named && leadIn) {
      pick = leadIn;
      via = 'leadin';
    }
    // A byline paragraph right after the quotation ("“…” ¶ - Sanders.", "¶ —Michelle Marks, Philadelphia.").
    const byline = ranking || (via === 'none' && !short) ? findBylineParagraph(doc, closeTok) : undefined;
    if (via === 'none' && !short && !named && byline) {
      pick = byline;
      via = 'byline';
    }
    let attribution: Attribution | undefined;
    // A speech verb touching the quotation ("“…,” Lavrov said", "said Lavrov: “…”"), a dash byline ("“…” ― Pamela
    // Padilla") and the second part of a split quotation are not second-guessed (cross-validation: the ranker does no better there); titles of
    // shows and slogans keep the rules' reading too (named unless a speech verb touches them). The ranker
    // decides the rest, about half of the quotations: faster, and trained where the rules hesitate.
    const bylined = pick !== undefined && !pick.cue && (via === 'after' || via === 'byline');
    // A short quoted term whose only speech verb does not report it ("refused to say where “…” is") is named,
    // not said: a scare quote, as the rules read it.
    const weakOnly = short && before?.cue !== undefined && before.strength === 0 && weakCue(doc, before.cue.from) === 'unsaid' && !after && !final && !complement;
    const tight = (pick !== undefined && pick.strength >= 2 && (via === 'after' || via === 'before')) || bylined || via === 'previous' || title || named || weakOnly;
    if (ranking && !tight) {
      const nearPrevious = previous?.attribution && previous.raw.lastParagraph >= raw.paragraph - 1 ? previous.attribution : undefined;
      const rules: RuleSignals = { after, before, final, complement, leadIn, byline, pick, pickVia: via, previous: nearPrevious, continues, short, title };
      const candidates = speakerCandidates(doc, raw, openTok, closeTok, rules);
      collect?.speaker(doc, raw, candidates);
      if (model) {
        const choice = rankedChoice(model.speakers, candidates);
        const chosen = candidates[choice.index];
        // The ranker's own estimate goes with the reading it picked: the outline, the views and the command line
        // mark the speakers it is unsure of (`quoteSpeakers.ts`), a fact-checker's first ones to check.
        // The previous speaker again: as sure as this pick and that speaker together.
        if (chosen.kind === 'previous') attribution = chosen.inherited && withConfidence(chosen.inherited, choice.probability * (chosen.inherited.confidence ?? 1));
        else if (chosen.kind !== 'none' && chosen.np) attribution = makeAttribution(doc, chosen.found ?? cueNear(doc, chosen.np), raw, state, choice.probability);
      }
    }
    if (!model || tight) {
      if (via === 'previous') attribution = previous?.attribution;
      else if (pick && via !== 'none') attribution = makeAttribution(doc, pick, raw, state);
    }
    // A headline's colon that the headline rule did not take leads no quotation in single marks in: `Gillibrand on
    // Hillary Releasing Her Goldman Sachs Speech Transcripts: ‘I Think She Will.’` is not said by `Her Goldman Sachs
    // Speech Transcripts`. (Double marks keep what they had before single ones were read.)
    if (attribution && headlineColon >= 0 && raw.paragraph === 0 && raw.start > headlineColon && text.startsWith(LEFT_SINGLE, raw.start) && attribution.mention.end <= headlineColon && text.slice(attribution.mention.end, headlineColon).trim() === '') {
      attribution = undefined;
    }
    const kind: Quote['kind'] = attribution || (!short && !title && !named) ? 'direct' : 'scare';
    const quote = makeQuote(raw, content, kind, attribution);
    quotes.push(quote);
    if (named) {
      names.add(quote);
      lastNameEnd = raw.end;
    }
    if (kind === 'direct') previous = { raw, attribution, closeTok };
    if (attribution) recordTurn(doc, state, attribution, raw);
  }
  for (; nextReported < reported.length; nextReported++) resolveReported(doc, reported[nextReported], state);
  inheritWithinSentence(doc, quotes, names);
  extendUnresolvedDescriptions(doc, quotes);
  return quotes;
}

/** The quotations but those inside a person's name: a nickname (`Robert C. “Bobby” Scott`, `core/nicknames.ts`) is no quotation. */
function outsidePersonNames(raws: RawQuote[], entities: readonly EntityMention[]): RawQuote[] {
  let kept: RawQuote[] | undefined;
  for (let r = 0; r < raws.length; r++) {
    const raw = raws[r];
    const entity = rangeContaining(entities, raw.start);
    const inside = entity !== undefined && raw.end <= entity.end && entity.type === 'person';
    if (inside && !kept) kept = raws.slice(0, r);
    else if (!inside && kept) kept.push(raw);
  }
  return kept ?? raws;
}

/**
 * A quotation as the pass hands it out, made here only (two hidden classes: with and without a speaker). Spreads
 * made others (a conditional spread of the attribution, a copy given the speaker of a later quotation), and every
 * reader of quotes (actors, speakers, hovers) met them one article at a time. The fields and their order are
 * those of the output.
 */
function makeQuote(at: { readonly start: number; readonly end: number; readonly contentStart: number; readonly contentEnd: number }, text: string, kind: Quote['kind'], attribution: Attribution | undefined): Quote {
  const { start, end, contentStart, contentEnd } = at;
  return attribution ? { start, end, contentStart, contentEnd, text, kind, attribution } : { start, end, contentStart, contentEnd, text, kind };
}

/** Offers a reported-speech pronoun to the antecedent collector (training only; the state is not changed). */
function resolveReported(doc: Doc, pronoun: ReportedPronoun, state: SpeakerState): void {
  const l = pronoun.mention.text.toLowerCase();
  if (l !== 'he' && l !== 'she') return;
  const offset = Math.min(pronoun.mention.start, pronoun.content.start);
  // A pronoun is never a newcomer (`isNewcomer` reads descriptions only).
  rankAntecedents(doc, { kind: l, words: [], offset, mention: pronoun.mention, quote: pronoun.content, newcomer: false }, state, resolvePronoun(doc, offset, l, state));
}

/**
 * `Guns are “the ultimate public health crisis” and “stunt children’s growth,” Howard Dean said`: a quotation
 * left without a speaker takes the speaker found after a later quotation of the same sentence, unless it names a
 * show or a work (`names`). One backward pass; the tokens between neighbours are looked at once, within a bound.
 */
function inheritWithinSentence(doc: Doc, quotes: Quote[], names: ReadonlySet<Quote>): void {
  for (let i = quotes.length - 2; i >= 0; i--) {
    const q = quotes[i];
    const next = quotes[i + 1];
    const a = next.attribution;
    if (q.attribution || names.has(q) || !a || !a.cue || a.cue.start < next.end) continue;
    const from = tokenAt(doc, q.end);
    const to = tokenAt(doc, next.start);
    if (to - from > 12 || from >= doc.tokens.length || doc.para[from] !== doc.para[Math.min(to, doc.tokens.length - 1)]) continue;
    let ok = true;
    for (let k = from; k < to; k++) if (isSentenceEnd(doc, k) || doc.inQuote[k] || isCue(doc, k)) ok = false;
    // The quotation must not end its sentence inside its marks ("“No.” “Yes,” he said" are two sentences).
    if (!ok || /[.!?]\s*$/.test(q.text)) continue;
    quotes[i] = makeQuote(q, q.text, 'direct', a);
  }
}

/**
 * True when a quotation's words end with punctuation (`“Tolerance.”`, `“Yes,”`: its last token inside the marks, read
 * as {@link endsWithSentenceMark} reads it) or its closing mark ends its sentence.
 */
function endsUtterance(doc: Doc, raw: RawQuote, closeTok: number): boolean {
  if (/[.!?,;:…—–-]$/.test(doc.tokens[lastInsideTok(doc, closeTok)]?.text ?? '')) return true;
  return closeTok >= doc.tokens.length || isSentenceEnd(doc, closeTok) || doc.para[closeTok] !== raw.lastParagraph;
}

/**
 * True when the quotation opens its sentence and follows the previous direct quotation closely: in the same
 * paragraph, or at the start of the next paragraph.
 */
function startsSentence(doc: Doc, openTok: number, prevClose: number, raw: RawQuote): boolean {
  const para = raw.paragraph;
  const prevPara = prevClose > 0 ? doc.para[prevClose - 1] : -1;
  if (prevPara !== para && prevPara !== para - 1) return false;
  if (openTok === 0) return false;
  const b = openTok - 1;
  if (doc.para[b] !== para) return prevPara === para - 1;
  return isSentenceEnd(doc, b) || (doc.inQuote[b] === 1 && /[.!?]/.test(doc.tokens[lastInsideTok(doc, b + 1)]?.text ?? '')) || doc.tokens[b].text === ':';
}

function makeAttribution(doc: Doc, chosen: Found, raw: RawQuote, state: SpeakerState, confidence?: number): Attribution {
  // "said Geert Wilders, founder of …": the name the description is apposed to.
  const named = speakerKind(doc, chosen.np) === 'person' ? nameBeforeApposition(doc, chosen.np) : undefined;
  const found = named ? makeFound(named, chosen.cue, chosen.strength) : chosen;
  const mention = slice(doc, found.np.from, found.np.to);
  const kind = speakerKind(doc, found.np);
  const l = doc.lower[found.np.from];
  let resolved: TextSlice | undefined;
  const single = found.np.to - found.np.from === 1;
  const at = Math.min(mention.start, raw.start);
  // How sure the ranker is of whom `resolved` means, when a ranker decided it.
  let resolutionConfidence: number | undefined;
  const anaphor = (k: AnaphorKind, words: readonly string[]): Anaphor => ({ kind: k, words, offset: at, mention, quote: { start: raw.start, end: raw.end }, newcomer: isNewcomer(doc, k, words, at) });
  if (single && (l === 'he' || l === 'she')) {
    resolved = clauseSubject(doc, mention.start, l);
    if (!resolved) ({ name: resolved, probability: resolutionConfidence } = rankAntecedents(doc, anaphor(l, []), state, resolvePronoun(doc, at, l, state)));
    if (resolved) state.last = { name: resolved, at: mention.start, pronoun: l };
  } else if (single && (l === 'they' || l === 'we')) {
    // "they said": an organisation or the people of one; the rules leave it as it is.
    ({ name: resolved, probability: resolutionConfidence } = rankAntecedents(doc, anaphor('they', []), state, undefined));
  } else if (single && l === 'i') {
    // "I" outside a quotation is the writer (first-person journalism, op-eds): nobody to resolve to.
  } else if (!hasCapital(doc, found.np.from, found.np.to) || isDescription(doc, found.np)) {
    // "the foreign minister", "The Democratic frontrunner", "his Russian counterpart": a description.
    const nominal = resolveNominal(doc, found.np, at);
    resolved = nominal?.person;
    // Definite descriptions refer back ("the newspaper", "the gambling tycoon", "the statement"); indefinite
    // ones ("a man", "one voter") introduce someone new and stay as they are.
    const head = headLower(doc, found.np);
    // A singular head no list knows ("the gambling tycoon", "the 46-year-old", "the column") is an epithet or a
    // text all the same; plural ones ("the protesters", "the two lawmakers") are groups and stay as they are.
    const described: AnaphorKind | undefined =
      kind === 'person' || kind === 'organization' ? kind : doc.lex.documentHeads.has(head) ? 'document' : kind === 'unknown' && !isPlural(head) ? 'other' : undefined;
    if (DEFINITE.has(l) && found.np.to - found.np.from >= 2 && described) {
      const words: string[] = [];
      for (let i = found.np.from + 1; i < found.np.to; i++) words.push(doc.lower[i]);
      // The rules' title and description matches are precise; the ranker decides when they find no one. Neither
      // may take a newcomer or someone a description names only to place another (`antecedents.ts`).
      const description = anaphor(described, words);
      const ranked = rankAntecedents(doc, description, state, resolved);
      // The nearest subject the rules fall back on when no one bears the title is a guess the ranker weighs (it is
      // one of its features), not a match: `the Republican presidential candidate said` after `Trump called upon
      // Mayor Bill de Blasio … De Blasio disbanded the unit` is Trump.
      if (nominal?.guessed) resolved = undefined;
      if (resolved && describesSomeoneElse(doc, description, resolved)) resolved = undefined;
      // The rules' pick keeps the probability the ranker gives it, also where the ranker preferred another.
      if (resolved) resolutionConfidence = ranked.ruleProbability;
      else ({ name: resolved, probability: resolutionConfidence } = ranked);
      // "the editorial board", "the network", "the Clinton campaign": an organisation described by what it is speaks
      // for no person the article named before, unless it carries that person's name ("the Trump campaign": Trump).
      // (A person's head word keeps its person: "the Senate minority leader" is Harry M. Reid.)
      if (resolved && described === 'organization' && l === 'the' && !doc.lex.personHeads.has(head) && !doc.lex.titleForms.has(head) && namesOtherPerson(doc, found.np, resolved)) resolved = undefined;
    }
    if (resolved && kind === 'person') state.last = { name: resolved, at: mention.start };
  } else {
    const personStart = personStartIn(doc, mention);
    state.speakers.add(personStart ?? mention.start);
    // A capitalised speaker the recogniser did not type is most often a person in news text.
    if (kind === 'person' || (kind === 'unknown' && !overlapsEntity(doc, found.np.from, found.np.to, 'location'))) {
      state.last = { name: mention, at: mention.start };
    }
  }
  // Who speaks is as sure as the phrase's pick and, when the antecedent ranker weighed whom the phrase (a pronoun, a
  // description) means, that too; a phrase the rules chose counts as sure. Cross-validated, the product predicts the
  // speaker's being right better than the phrase's pick alone (`npm run bench:quotes`), and a pronoun the rules took
  // (`“…,” he said`) is then marked when the ranker hesitated over whom it means.
  const sure = resolved !== undefined && resolutionConfidence !== undefined ? (confidence ?? 1) * resolutionConfidence : confidence;
  return attributionOf(mention, resolved, found.cue ? slice(doc, found.cue.from, found.cue.to) : undefined, kind, sure);
}

/**
 * True when a name and a speech verb after it (capitalised too, as headline case writes it: `Trump Says`, `Trump
 * Called Me`) lie in tokens `[from, to)` outside quotations; not a participle (`Hillary Asking Moderator …`).
 */
function cueBetween(doc: Doc, from: number, to: number): boolean {
  for (let k = from + 1; k < to && k < doc.tokens.length; k++) {
    if (doc.inQuote[k] || !doc.verbs.has(doc.lower[k]) || doc.lower[k].endsWith('ing')) continue;
    if (overlapsEntity(doc, k - 1, k, 'person') || overlapsEntity(doc, k - 1, k, 'organization')) return true;
  }
  return false;
}

/** Longest headline read for a speaker before a colon; longer first paragraphs are text. */
const HEADLINE_MAX_CHARS = 200;

/** The first colon of the paragraph with a space after it (`Trump: ‘…’`), or -1. */
function headlineColonAt(text: string, first: Paragraph): number {
  const colon = text.indexOf(':', first.start);
  return colon >= 0 && colon < first.end && /\s/.test(text[colon + 1] ?? '') ? colon : -1;
}

/** True when the first paragraph is short enough to be a headline. */
function isHeadline(paragraphs: readonly Paragraph[]): boolean {
  const first = paragraphs[0];
  return first !== undefined && first.end - first.start <= HEADLINE_MAX_CHARS;
}

/** Words before a headline's colon at most (`Former Mexico leader Calderon:` has four). */
const HEADLINE_SPEAKER_MAX_WORDS = 5;

/**
 * The speaker of a headline of the form `Name: …` (`Trump: ‘I’m the Worst Thing …’`, `Issa: Hillary Clinton’s ‘Honesty
 * Is In Question.’`), the news convention whose colon says the rest is that person's: the first paragraph, short,
 * with one colon-ended phrase of a few capitalised words that ends with the only person or organisation named in it
 * (`Dr. Ben Carson:`; not `Donald Trump Praises … Matthew Boyle:`, where the first name speaks, nor `The Latest:`).
 * `colon` is the headline's first colon ({@link headlineColonAt}).
 */
function headlineSpeaker(text: string, first: Paragraph, colon: number, entities: readonly EntityMention[]): { mention: TextSlice; cue: TextSlice; kind: Attribution['sourceKind'] } | undefined {
  const before = text.slice(first.start, colon).trim();
  const words = before.split(/\s+/);
  if (words.length > HEADLINE_SPEAKER_MAX_WORDS || !words.every((w) => /^[\p{Lu}\d]/u.test(w))) return undefined;
  let named: EntityMention | undefined;
  for (const e of entities) {
    if (e.start >= colon) break;
    if (e.start < first.start || (e.type !== 'person' && e.type !== 'organization')) continue;
    if (named) return undefined;
    named = e;
  }
  // `The Latest:` (the AP's live blogs) is a label, whatever the recogniser made of it.
  if (!named || text.slice(named.end, colon).trim() !== '' || /^the\s/i.test(named.text)) return undefined;
  return {
    mention: { start: named.start, end: named.end, text: named.text },
    cue: { start: colon, end: colon + 1, text: ':' },
    kind: named.type === 'person' ? 'person' : 'organization',
  };
}

/**
 * A speaker that nothing resolves is shown by its description, which takes in whose or where the person is (`a
 * longtime adviser to Trump`, `a spokesman for committee Democrats`: {@link withOwnerPhrase}). Done after the pass,
 * so that what later quotations resolve to (the turns, the previous speaker) is the phrase as the chunker cut it:
 * words such as `Democrats` in it are no speaker's name. A quotation that shares its attribution with another
 * (continued, split) shares the longer one too.
 */
function extendUnresolvedDescriptions(doc: Doc, quotes: Quote[]): void {
  const longer = new Map<Attribution, Attribution>();
  for (let i = 0; i < quotes.length; i++) {
    const a = quotes[i].attribution;
    if (!a || a.resolved || a.sourceKind !== 'person') continue;
    let b = longer.get(a);
    if (!b) {
      b = a;
      const from = tokenAt(doc, a.mention.start);
      const to = tokenAt(doc, a.mention.end);
      // Only a mention the tokens delimit (not a transcript label inside the quotation).
      if (from < to && doc.tokens[from].start === a.mention.start && doc.tokens[to - 1].end === a.mention.end) {
        const whole = withOwnerPhrase(doc, { from, to }, a.cue && a.cue.start >= a.mention.end ? tokenAt(doc, a.cue.start) : sentenceEndFrom(doc, to));
        if (whole.to > to) b = attributionOf(slice(doc, from, whole.to), undefined, a.cue, a.sourceKind, a.confidence);
      }
      longer.set(a, b);
    }
    if (b !== a) quotes[i] = makeQuote(quotes[i], quotes[i].text, quotes[i].kind, b);
  }
}

/**
 * An attribution with the fields it has, in the output's order: object literals, one per combination, rather than
 * conditional spreads (each spread-built combination was a hidden class apart from the literal ones). `confidence`
 * is always a field, undefined when the rules decided (JSON leaves it out): a field present or not would double
 * the combinations.
 */
function attributionOf(mention: TextSlice, resolved: TextSlice | undefined, cue: TextSlice | undefined, sourceKind: Attribution['sourceKind'], confidence: number | undefined): Attribution {
  if (resolved) return cue ? { mention, resolved, cue, sourceKind, confidence } : { mention, resolved, sourceKind, confidence };
  return cue ? { mention, cue, sourceKind, confidence } : { mention, sourceKind, confidence };
}

/** The attribution with the ranker's confidence in it (a speaker the ranker took from the quotation before). */
function withConfidence(a: Attribution, confidence: number): Attribution {
  return attributionOf(a.mention, a.resolved, a.cue, a.sourceKind, confidence);
}

/** True when `resolved` is a person the phrase `np` does not name (none of its capitalised words is in the name). */
function namesOtherPerson(doc: Doc, np: NounPhrase, resolved: TextSlice): boolean {
  const t = tokenAt(doc, resolved.start);
  if (t >= doc.tokens.length || !overlapsEntity(doc, t, t + 1, 'person')) return false;
  const name = new Set(resolved.text.split(/\s+/).map(stripPossessive));
  for (let i = np.from; i < np.to; i++) if (isCapitalized(doc.tokens[i].text) && name.has(stripPossessive(doc.tokens[i].text))) return false;
  return true;
}

/**
 * A plural head (`protesters`, `lawmakers`, `chairmen`): a group, not one speaker. Read by its form, unlike
 * `isPluralOf` (`plurals.ts`), which needs the singular in a list; wider than `speakerKind`'s test of a lower-case head
 * in -s (it takes `chairmen`, `people`), which it does not replace: that one makes a speaker a group, this one only
 * keeps a head no list knows from being read as an epithet.
 */
function isPlural(head: string): boolean {
  return (head.endsWith('s') && !head.endsWith('ss') && !head.endsWith('us')) || head.endsWith('men') || head === 'people';
}

/** Remembers who spoke (a name, or what a pronoun or description was resolved to) for later resolutions. */
function recordTurn(doc: Doc, state: SpeakerState, attribution: Attribution, raw: RawQuote): void {
  const name = attribution.resolved ?? (hasCapitalText(attribution.mention.text) ? attribution.mention : undefined);
  if (!name) return;
  const type = attribution.sourceKind === 'organization' && !attribution.resolved ? 'organization' : 'person';
  state.turns.push({ key: entityKey(name.text, type), name, paragraph: raw.lastParagraph, end: raw.end, person: speaksAsPerson(doc, attribution) });
}

/**
 * True when the speaker of `attribution` is a person a later `he` or `she` may stand for: a person's phrase, a name
 * the recogniser did not type (`“…,” Oyelaran said`: one capitalised word that is no place or body), or a pronoun or
 * description resolved to such a name. Not a group, a body (`the newspaper` resolved to The Advocate), nor a phrase
 * ending in a common noun (`Clinton’s track record`).
 */
function speaksAsPerson(doc: Doc, attribution: Attribution): boolean {
  const { resolved, mention, sourceKind } = attribution;
  if (!resolved && sourceKind !== 'unknown') return sourceKind === 'person';
  const name = resolved ?? mention;
  const first = tokenAt(doc, name.start);
  const last = tokenAt(doc, name.end) - 1;
  if (last < first || last >= doc.tokens.length) return false;
  if (overlapsEntity(doc, last, last + 1, 'person')) return true;
  // A lone capitalised word the recogniser did not type is most often a surname; several are as often a body's name
  // (`Right Wing Watch first reported`).
  return first === last && isCapitalized(doc.tokens[last].text) && !overlapsEntity(doc, first, last + 1, 'location') && !overlapsEntity(doc, first, last + 1, 'organization');
}

function hasCapitalText(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/^(He|She|They|We|I|It)$/.test(s);
}

/**
 * "The Democratic frontrunner", "his Russian counterpart", "the Clinton campaign", "The Rove ad": a definite
 * phrase with capitals that still describes rather than names (its head is a role, organisation or document
 * word in lower case).
 */
function isDescription(doc: Doc, np: NounPhrase): boolean {
  const last = doc.tokens[np.to - 1].text;
  if (!DEFINITE.has(doc.lower[np.from]) || isCapitalized(last)) return false;
  const head = headLower(doc, np);
  return doc.lex.titleForms.has(head) || doc.lex.personHeads.has(head) || doc.lex.organizationHeads.has(head) || doc.lex.documentHeads.has(head);
}

/** Determiners of a description that refers back to someone already named. */
const DEFINITE = new Set(['the', 'his', 'her', 'their', 'its']);

/** Whom an anaphor means, and how sure the antecedent ranker is of it. */
interface Resolution {
  readonly name: TextSlice | undefined;
  /** The ranker's probability for `name`; undefined when no ranker decided (no model). */
  readonly probability: number | undefined;
  /** The probability the ranker gives the rules' pick, when that pick is among its candidates. */
  readonly ruleProbability: number | undefined;
}

/**
 * The antecedent the trained ranker picks among the candidates of `antecedents.ts` (the hand rules' pick
 * is one of its features), or the rules' pick when no model is given.
 */
function rankAntecedents(doc: Doc, anaphor: Anaphor, state: SpeakerState, rulePick: TextSlice | undefined): Resolution {
  if (!state.antecedents && !state.collectAntecedents) return { name: rulePick, probability: undefined, ruleProbability: undefined };
  const candidates = antecedentCandidates(doc, anaphor, state, rulePick);
  state.collectAntecedents?.(anaphor, candidates);
  if (!state.antecedents) return { name: rulePick, probability: undefined, ruleProbability: undefined };
  // Only the candidates that agree with the description (`AntecedentCandidate.agrees`; *nobody* always does).
  const agreeing = candidates.every((c) => c.agrees) ? candidates : candidates.filter((c) => c.agrees);
  const choice = rankedChoice(state.antecedents, agreeing);
  // "his wife", "the spokesman", "the woman" name someone by a relation or a role: the one meant is a person the
  // article describes that way (a title, the description's words next to the name), not whoever is salient.
  const rule = rulePick ? agreeing.findIndex((c) => c.name !== undefined && c.name.start === rulePick.start && c.name.end === rulePick.end) : -1;
  return { name: agreeing[choice.index].name, probability: choice.probability, ruleProbability: rule >= 0 ? choice.probabilities[rule] : undefined };
}

export { loadQuoteLexicon, QUOTE_LEXICON_FILES, type QuoteLexicon } from './lexicon';
export { bestCandidate, loadSpeakerModel, parseSpeakerModel, serializeSpeakerModel, SPEAKER_MODEL_FILE, type SpeakerModel, type RankingExample } from './ranker';
export { trainSpeakerModel, trainSoftmaxRanker } from './training';
export type { SpeakerCandidate, CandidateKind } from './candidates';
export type { AntecedentCandidate, AnaphorKind, Anaphor } from './antecedents';
