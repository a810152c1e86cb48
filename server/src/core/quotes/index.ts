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
import { type SpeakerState, personStartIn, resolveNominal, resolvePronoun } from './coreference';
import { AFTER_WINDOW, type Found, findAfter, findAsComplement, findBefore, findBylineParagraph, findLeadIn, findSentenceFinal } from './cues';
import { type Doc, buildDoc, hasCapital, headLower, isCapitalized, isCue, isSentenceEnd, overlapsEntity, slice, tokenAt } from './document';
import { type QuoteLexicon, TITLE_FORMS } from './lexicon';
import { type RawQuote, isWordChar, pairQuotationMarks } from './marks';
import { speakerKind } from './phrases';
import type { Attribution, EntityMention, Paragraph, Quote, Sentence, TextSlice } from '../types';

/** Counts words (runs of letters/digits) in `[from, to)`, stopping early past `cap`. */
function wordCount(text: string, from: number, to: number, cap: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const w: boolean = isWordChar(text.charCodeAt(i)) || (inWord && (text[i] === '’' || text[i] === "'" || text[i] === '-'));
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

/** Longest title-case quotation taken for a title rather than speech. */
const TITLE_MAX_WORDS = 7;

const TITLE_FUNCTION_WORDS = /^(of|the|a|an|and|in|on|with|for|to|is|at|by|or|from|are|be|vs\.?)$/;

/** True for "New Day", "Orange is the New Black": every word capitalised or a short function word, two capitals at least. */
function isTitleCase(text: string, from: number, to: number): boolean {
  const words = text.slice(from, to).match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  if (!words || words.length > TITLE_MAX_WORDS) return false;
  let capitals = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (/^\p{Lu}/u.test(w)) capitals++;
    else if (i === 0 || !TITLE_FUNCTION_WORDS.test(w)) return false;
  }
  // A sentence of one capitalised word ("No.") or all-capitals shouting is not a title.
  return capitals >= 2 && words.some((w) => /\p{Ll}/u.test(w));
}

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
 * @returns quotations sorted by `start`; `kind` is `scare` for a short quoted term with no speaker
 */
export function findQuotes(
  text: string,
  paragraphs: readonly Paragraph[],
  sentences: readonly Sentence[],
  entities: readonly EntityMention[],
  lexicon: QuoteLexicon,
): Quote[] {
  const raws = pairQuotationMarks(text, paragraphs);
  if (raws.length === 0) return [];
  const doc = buildDoc(text, paragraphs, sentences, entities, raws, lexicon);
  const state: SpeakerState = { speakers: new Set<number>() };
  const quotes: Quote[] = [];
  let previous: { raw: RawQuote; attribution?: Attribution; closeTok: number } | undefined;
  for (const raw of raws) {
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
    if (label && label[1].length > 1) {
      const ls = raw.contentStart + label.index + label[0].indexOf(label[1]);
      const mention = { start: ls, end: ls + label[1].length, text: label[1] };
      const attribution: Attribution = { mention, sourceKind: 'person' };
      quotes.push({ start: raw.start, end: raw.end, contentStart: raw.contentStart, contentEnd: raw.contentEnd, text: text.slice(raw.contentStart, raw.contentEnd), kind: 'direct', attribution });
      previous = { raw, attribution, closeTok };
      continue;
    }
    let found = findAfter(doc, closeTok, afterLimit);
    const before = findBefore(doc, openTok, prevParaEndsWithColon);
    if (!found || (before && before.strength > found.strength)) found = before ?? found;
    // "Jeb Bush called Trump “unhinged.” Sen. Marco Rubio called the statement …": a quotation that closes its
    // sentence belongs to the tight cue before it rather than to the next sentence's subject.
    if (found && before && found !== before && before.strength >= 2 && found.strength <= before.strength && found.np.from === closeTok && closeTok < doc.tokens.length && isCapitalized(doc.tokens[closeTok].text) && doc.tokens[closeTok - 2]?.text === '.' && !(openTok > 0 && isSentenceEnd(doc, openTok - 1))) {
      found = before;
    }
    // "“…,” Mr. Obama said …, where Mrs. Clinton also spoke. “Tolerance is …”": a quotation opening a new
    // sentence right after a quotation of the same paragraph continues it; the verb of the sentence between
    // does not introduce it.
    if (found && found === before && previous?.attribution && previous.raw.lastParagraph === raw.paragraph && openTok > 0 && isSentenceEnd(doc, openTok - 1) && doc.tokens[openTok - 1].text !== ';' && (found.cue?.from ?? 0) > previous.closeTok) {
      found = undefined;
    }
    if (!found) found = findSentenceFinal(doc, closeTok);
    if (!found) found = findAsComplement(doc, openTok);
    // Short quotations need a tight pattern or a clause-level cue that reports words; else they are scare quotes.
    if (found && short && found.strength < SHORT_MIN_STRENGTH) found = undefined;
    // Titles of shows, books and slogans ("New Day", "Orange is the New Black", "Gang of Eight") are named,
    // not said, unless a speech verb touches them ("he said, “Make America Great Again”").
    const title = words <= TITLE_MAX_WORDS + 1 && isTitleCase(text, raw.contentStart, raw.contentEnd);
    if (title && found && found.strength < 1) found = undefined;
    let attribution: Attribution | undefined;
    if (found) {
      attribution = makeAttribution(doc, found, raw.start, state);
    } else if (previous?.attribution && startsSentence(doc, openTok, previous.closeTok, raw)) {
      // Second part of a split quotation ("“…,” he said. “…”") or a quotation paragraph following one:
      // the same speaker.
      attribution = previous.attribution;
    } else if (!short && openTok > 0 && doc.para[openTok - 1] !== doc.para[openTok]) {
      // A quotation paragraph after a paragraph whose last sentence reports someone ("Carter said that …
      // ¶ “That’s because …”", "Howard continued his scathing remarks. ¶ “…”").
      const lead = findLeadIn(doc, openTok - 1);
      if (lead) attribution = makeAttribution(doc, lead, raw.start, state);
    }
    if (!attribution && !short) {
      // A byline paragraph right after the quotation ("“…” ¶ - Sanders.", "¶ —Michelle Marks, Philadelphia.").
      const byline = findBylineParagraph(doc, closeTok);
      if (byline) attribution = makeAttribution(doc, byline, raw.start, state);
    }
    const kind: Quote['kind'] = attribution || (!short && !title) ? 'direct' : 'scare';
    quotes.push({
      start: raw.start,
      end: raw.end,
      contentStart: raw.contentStart,
      contentEnd: raw.contentEnd,
      text: text.slice(raw.contentStart, raw.contentEnd),
      kind,
      ...(attribution ? { attribution } : {}),
    });
    if (kind === 'direct') previous = { raw, attribution, closeTok };
  }
  inheritWithinSentence(doc, quotes);
  return quotes;
}

/**
 * `Guns are “the ultimate public health crisis” and “stunt children’s growth,” Howard Dean said`: a quotation
 * left without a speaker takes the speaker found after a later quotation of the same sentence. One backward
 * pass; the tokens between neighbours are looked at once, within a bound.
 */
function inheritWithinSentence(doc: Doc, quotes: Quote[]): void {
  for (let i = quotes.length - 2; i >= 0; i--) {
    const q = quotes[i];
    const next = quotes[i + 1];
    const a = next.attribution;
    if (q.attribution || !a || !a.cue || a.cue.start < next.end) continue;
    const from = tokenAt(doc, q.end);
    const to = tokenAt(doc, next.start);
    if (to - from > 12 || from >= doc.tokens.length || doc.para[from] !== doc.para[Math.min(to, doc.tokens.length - 1)]) continue;
    let ok = true;
    for (let k = from; k < to; k++) if (isSentenceEnd(doc, k) || doc.inQuote[k] || isCue(doc, k)) ok = false;
    // The quotation must not end its sentence inside its marks ("“No.” “Yes,” he said" are two sentences).
    if (!ok || /[.!?]\s*$/.test(q.text)) continue;
    quotes[i] = { ...q, kind: 'direct', attribution: a };
  }
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
  return isSentenceEnd(doc, b) || (doc.inQuote[b] === 1 && /[.!?]/.test(doc.tokens[b - 1]?.text ?? '')) || doc.tokens[b].text === ':';
}

function makeAttribution(doc: Doc, found: Found, quoteStart: number, state: SpeakerState): Attribution {
  const mention = slice(doc, found.np.from, found.np.to);
  const kind = speakerKind(doc, found.np);
  const l = doc.lower[found.np.from];
  let resolved: TextSlice | undefined;
  const single = found.np.to - found.np.from === 1;
  if (single && (l === 'he' || l === 'she')) {
    resolved = resolvePronoun(doc, Math.min(mention.start, quoteStart), l, state);
    if (resolved) state.last = { name: resolved, at: mention.start, pronoun: l };
  } else if (single && l === 'i') {
    // "I" outside a quotation is the writer (first-person journalism, op-eds): nobody to resolve to.
  } else if (!hasCapital(doc, found.np.from, found.np.to) || (l === 'the' && TITLE_FORMS.has(headLower(doc, found.np)) && !isCapitalized(doc.tokens[found.np.to - 1].text))) {
    // "the foreign minister", "The Democratic frontrunner": a role nominal.
    resolved = resolveNominal(doc, found.np, Math.min(mention.start, quoteStart));
    if (resolved && kind === 'person') state.last = { name: resolved, at: mention.start };
  } else {
    const personStart = personStartIn(doc, mention);
    state.speakers.add(personStart ?? mention.start);
    // A capitalised speaker the recogniser did not type is most often a person in news text.
    if (kind === 'person' || (kind === 'unknown' && !overlapsEntity(doc, found.np.from, found.np.to, 'location'))) {
      state.last = { name: mention, at: mention.start };
    }
  }
  return {
    mention,
    ...(resolved ? { resolved } : {}),
    ...(found.cue ? { cue: slice(doc, found.cue.from, found.cue.to) } : {}),
    sourceKind: kind,
  };
}

export { loadQuoteLexicon, type QuoteLexicon } from './lexicon';
