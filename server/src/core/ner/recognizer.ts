import { finish, type Staged } from '../stages';
import { packedMap } from '../packedMap';
import type { Correction, EntityMention, EntityType, LearningRecognizer, LearningReport, OffsetRange, Sentence, SentenceTaggingPool } from '../types';
import { charClass, hashLower } from './hash';
import { LIST_BIT, MAX_PHRASE, type Gazetteers } from './gazetteer';
import { SentenceTagCache, type SequenceTagger, type TaggingPlan, type TokenSpan } from './tagger';
import { labelOfClass, TaggerAdaptation, type LearningOptions } from './adaptation';
import type { Vocabulary } from '../vocabulary';
import { mayHoldFormatCharacters, withoutFormatCharacters } from '../formatCharacters';
import { foldApostrophes } from '../apostrophes';

const OUTPUT_TYPES: Readonly<Record<string, EntityType | undefined>> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'location',
  // MISC (nationalities, events, …) is a training class only: it keeps `Russian` out of the other
  // types, but the editor does not colour it.
};

/** Options of the post-processing, switchable for benchmarks and ablations. */
export interface RecognizerOptions {
  /** Make a document's mentions agree (same string → same type; surnames inherit full names). Default true. */
  readonly documentConsistency?: boolean;
  /** How learning from corrections steps (`adaptation.ts`; the default is what the editor uses). */
  readonly learning?: LearningOptions;
  /** Fewest tokens to decode for which a tagging pool is used (default {@link PARALLEL_MIN_TOKENS}; tests use 0: and small chunks). */
  readonly parallelMinTokens?: number;
}

interface DocSpan {
  sentence: number;
  start: number;
  end: number;
  type: string;
  key: string;
}

/**
 * The trained recogniser: the sequence tagger plus document-level clean-up. Mentions come back
 * sorted, non-overlapping, with `text.slice(start, end) === text`.
 */
export class NerRecognizer implements LearningRecognizer {
  readonly name = 'perceptron';
  private readonly consistency: boolean;
  /**
   * Per document: the tags of each sentence the last recognition decoded, keyed by the sentence's
   * words and their document evidence. An edit re-decodes only the sentences it changed, or whose
   * words' evidence elsewhere in the article changed; the result is what decoding all would give.
   */
  private readonly sentenceCaches = new Map<string, SentenceTagCache>();
  /** What the person's corrections taught the tagger (`adaptation.ts`): nothing until they correct something. */
  readonly adaptation: TaggerAdaptation;
  /** The learned weights' revision the sentence caches were filled under. */
  private cachedRevision = 0;

  constructor(
    readonly tagger: SequenceTagger,
    private readonly vocabulary: Vocabulary,
    options: RecognizerOptions = {},
  ) {
    this.consistency = options.documentConsistency ?? true;
    this.parallelMinTokens = options.parallelMinTokens ?? PARALLEL_MIN_TOKENS;
    this.adaptation = new TaggerAdaptation(tagger, options.learning);
  }

  /** Changes whenever learning changed what the recogniser finds in a text. */
  get revision(): number {
    return this.adaptation.revision;
  }

  /**
   * Learns from a person's decisions about one document (`sentences`: all of them, tokenised as the
   * analysis does): see `TaggerAdaptation.learn`. The next recognition of every document reflects it.
   */
  learn(sentences: readonly Sentence[], corrections: readonly Correction[]): LearningReport {
    return this.adaptation.learn(sentences, this.truecase(wordsOf(sentences)), corrections);
  }

  resetLearning(): void {
    this.adaptation.reset();
  }

  /** Takes back what removed decisions taught (`removed`: where they were in the document): see `TaggerAdaptation.unlearn`. */
  unlearn(sentences: readonly Sentence[], corrections: readonly Correction[], removed: readonly OffsetRange[]): number {
    return this.adaptation.unlearn(sentences, this.truecase(wordsOf(sentences)), corrections, removed);
  }

  taughtLabelOf(text: string): string | undefined {
    return this.adaptation.taughtLabelOf(text);
  }

  get hasTaughtNames(): boolean {
    return this.adaptation.hasTaughtNames;
  }

  saveLearning(extra?: Record<string, unknown>): Uint8Array {
    return this.adaptation.save(extra);
  }

  loadLearning(file: Uint8Array): Record<string, unknown> {
    return this.adaptation.load(file);
  }

  private readonly parallelMinTokens: number;

  recognize(text: string, sentences: readonly Sentence[], document?: string): EntityMention[] {
    return finish(this.recognizeInStages(text, sentences, document));
  }

  /**
   * {@link recognize} in two steps, tagging then the document-level clean-up, pausing between. With
   * `document`, the sentences are the whole document and the tags are cached for its next version.
   * With a `tagging` pool and many sentences to decode, they are shared between this thread and the
   * pool's: each sentence goes with its document evidence, so its tags are what tagging here gives.
   */
  *recognizeInStages(text: string, sentences: readonly Sentence[], document?: string, tagging?: SentenceTaggingPool): Staged<EntityMention[]> {
    // Packed arrays in every tier (packedMap.ts): every tagging stage below reads these lists.
    const words = wordsOf(sentences, text);
    // Tags decoded with weights learning has changed since are stale.
    if (this.cachedRevision !== this.revision) {
      this.sentenceCaches.clear();
      this.cachedRevision = this.revision;
    }
    let cache: SentenceTagCache | undefined;
    if (document !== undefined) {
      cache = new SentenceTagCache(this.sentenceCaches.get(document));
      this.sentenceCaches.set(document, cache);
    }
    // Workers tag with the shipped model: not while learned weights change what this one decodes.
    const parallel = tagging !== undefined && tagging.threads > 0 && this.adaptation.weights.isEmpty && tokenCount(words) >= this.parallelMinTokens;
    const plan = this.tagger.plan(this.truecase(words), cache, cache !== undefined || parallel);
    if (parallel && plan.pendingTokens >= this.parallelMinTokens && plan.pending.length > 1) yield* this.tagAcrossThreads(plan, tagging);
    else this.tagger.tagPending(plan, plan.pending);
    const tagged = plan.result();
    // The plan is done: the tagger keeps none of this text's words (a closed file read again and indexed, a scan).
    this.tagger.release();
    // The tagging step read the previous version's tags; keep only what this version used.
    cache?.seal();
    yield;
    let spans: DocSpan[] = [];
    tagged.forEach((list: TokenSpan[], s) => {
      for (const span of list) spans.push({ sentence: s, start: span.start, end: span.end, type: span.type, key: '' });
    });
    spans = joinListedOrganisations(joinInstitutionNames(this.cleanSpans(spans, words), words, this.tagger.gazetteers), words, this.tagger.gazetteers);
    for (const span of spans) span.key = spanKey(words[span.sentence], span.start, span.end);
    if (this.consistency) spans = makeConsistent(spans, words, this.tagger.gazetteers, this.vocabulary);
    const nonEntities = this.tagger.gazetteers.nonEntities;
    const mentions: EntityMention[] = [];
    for (const span of spans) {
      const output = this.outputOf(span.type);
      if (!output) continue;
      if (nonEntities.has(span.key.toLowerCase()) && !isAcronym(span.key)) continue;
      // Again after consistency, which labels a word as its other mentions are (`Wade` of `Roe v. Wade` beside
      // `Henry Wade`, the district attorney).
      if (citesCase(words[span.sentence], span.start, span.end)) continue;
      const tokens = sentences[span.sentence].tokens;
      const start = tokens[span.start].start;
      const end = tokens[span.end - 1].end;
      // Written out rather than spread from `output`: a spread copy has a hidden class of its own, which every
      // later reader of the article's entities (repair, quotes, actors) would meet beside the literal one
      // that entity repair and figures make; the fields and their order are the same.
      const mentionText = text.slice(start, end);
      mentions.push(output.label === undefined ? { start, end, type: output.type, text: mentionText } : { start, end, type: output.type, label: output.label, text: mentionText });
    }
    mentions.sort((a, b) => a.start - b.start);
    return mentions;
  }

  /**
   * The entity a span of a tagger class becomes: the shipped classes PER, ORG, LOC always; a class a
   * person taught (their own label, or MISC once they labelled something misc) as that label.
   */
  private outputOf(type: string): { type: EntityType; label?: string } | undefined {
    const shipped = OUTPUT_TYPES[type];
    if (shipped) return { type: shipped };
    if (!this.adaptation.taughtClasses.has(type)) return undefined;
    const label = labelOfClass(type);
    if (label === undefined) return undefined;
    return label === 'misc' ? { type: 'misc' } : { type: 'custom', label };
  }

  /**
   * Decodes the plan's pending sentences on this thread and the pool's at once. The sentences are cut
   * into chunks, several per thread: this thread tags them from the front, pausing after each (a
   * worker that became free gets the next chunk from the back, and a keystroke gets in); workers that
   * are still loading, busy or gone simply get none. Then it waits for the chunks out on workers; a
   * chunk whose worker failed is tagged here, so a lost worker costs time, never tags.
   */
  private *tagAcrossThreads(plan: TaggingPlan, pool: SentenceTaggingPool): Staged<void> {
    const chunkTokens = Math.max(Math.min(MIN_CHUNK_TOKENS, Math.max(1, this.parallelMinTokens)), Math.ceil(plan.pendingTokens / (CHUNKS_PER_THREAD * (pool.threads + 1))));
    const chunks = chunksByTokens(plan.pending, plan.sentences, chunkTokens);
    const handed: { share: number[]; answer: { spans?: TokenSpan[][]; failed?: true }; done: Promise<void> }[] = [];
    let front = 0;
    let back = chunks.length;
    while (front < back) {
      while (front < back) {
        const share = chunks[back - 1];
        const promised = pool.tryTag(share.map((s) => plan.sentences[s]), share.map((s) => plan.evidence[s]));
        if (!promised) break;
        back--;
        const answer: { spans?: TokenSpan[][]; failed?: true } = {};
        const done = promised.then(
          (spans) => {
            if (spans.length === share.length) answer.spans = spans;
            else answer.failed = true;
          },
          () => {
            answer.failed = true;
          },
        );
        handed.push({ share, answer, done });
      }
      if (front < back) this.tagger.tagPending(plan, chunks[front++]);
      if (front < back) yield;
    }
    for (const { share, answer, done } of handed) {
      while (!answer.spans && !answer.failed) yield done;
      if (answer.spans) share.forEach((s, k) => this.tagger.record(plan, s, answer.spans![k]));
      else this.tagger.tagPending(plan, share);
    }
  }

  /** Drops the sentence tags kept for a document (it was closed). */
  forget(document: string): void {
    this.sentenceCaches.delete(document);
    this.tagger.release();
  }

  /**
   * What the tagger reads: the words, except that ordinary words capitalised only by position are
   * lower-cased. CoNLL taught the tagger that a capital is strong evidence, and it has seen ALL-CAPS
   * headlines but not Title Case ones ("Visa Program Up for Renewal Amid Allegations of Fraud") nor
   * rare sentence openers ("Absolutely", "Additional reporting by"). A word is ordinary when news text
   * writes it in lower case (`lowercase-words.txt`), no name list has it, and this document never
   * capitalises it mid-sentence outside headlines. Offsets are untouched: only the tagger's input changes.
   */
  private truecase(words: string[][]): string[][] {
    const gazetteers = this.tagger.gazetteers;
    // Hash-based throughout: this runs on every sentence opener, and allocates nothing.
    const ordinary = (w: string): boolean => {
      if (w.length < 2 || !isCapitalised(w) || !hasLowerCase(w)) return false;
      return gazetteers.lowercaseWords.has(hashLower(w)) && gazetteers.lookupWord(w) === 0;
    };
    const headline = packedMap(words, (ws) => {
      // Every longer word capitalised (cheap test first), and at least three of them ordinary words.
      let long = 0;
      for (const w of ws) {
        const cls = charClass(w.charCodeAt(0));
        if (w.length < 4 || (cls !== 1 && cls !== 2)) continue;
        if (cls === 2) return false;
        long++;
      }
      if (long < 4) return false;
      let common = 0;
      for (const w of ws) if (w.length >= 4 && ordinary(w)) common++;
      return common >= 3;
    });
    // Built on first use: most documents never need it.
    let capitalisedMid: Set<number> | undefined;
    const seenCapitalisedMid = (w: string): boolean => {
      if (!capitalisedMid) {
        const set = new Set<number>();
        words.forEach((ws, s) => {
          if (headline[s]) return;
          for (let i = 1; i < ws.length; i++) if (isCapitalised(ws[i]) && hasLowerCase(ws[i])) set.add(hashLower(ws[i]));
        });
        capitalisedMid = set;
      }
      return capitalisedMid.has(hashLower(w));
    };
    const lowerIfOrdinary = (w: string): string => (ordinary(w) && !seenCapitalisedMid(w) ? w.toLowerCase() : w);
    return packedMap(words, (ws, s) => {
      if (headline[s]) return packedMap(ws, lowerIfOrdinary);
      if (ws.length > 1 && ws[0].length >= 4 && !isCapitalised(ws[1])) {
        const first = lowerIfOrdinary(ws[0]);
        if (first !== ws[0]) {
          // A copy of the same kind of array as the others (see packedMap.ts).
          const copy = ws.slice();
          copy[0] = first;
          return copy;
        }
      }
      return ws;
    });
  }

  /**
   * Span clean-up for web articles, before document consistency. Role words are never part of a name
   * (CoNLL leaves titles outside): a person span does not start with one ("Dr.", "Minister"), an
   * organisation does not end with one ("UN Special Envoy" → "UN"), and a span of role words only
   * ("Head") is dropped. Also: edge punctuation, honorifics, roles of places, a place glued to a name,
   * court cases (`Roe v. Wade`) and conferences named after cities (each rule commented below).
   */
  private cleanSpans(spans: DocSpan[], words: readonly (readonly string[])[]): DocSpan[] {
    const gazetteers = this.tagger.gazetteers;
    const titles = gazetteers.titles;
    const isTitle = (w: string) => titles.has(hashLower(w));
    const out: DocSpan[] = [];
    for (const span of spans) {
      const ws = words[span.sentence];
      // Punctuation never starts or ends a name ("Head …"), except a closing bracket of the name
      // itself (CoNLL's "Mladost ( L )").
      while (span.end > span.start && !/[\p{L}\p{N}]/u.test(ws[span.start])) span.start++;
      while (span.end > span.start && !/[\p{L}\p{N}]/u.test(ws[span.end - 1]) && !(ws[span.end - 1] === ')' && ws.slice(span.start, span.end).includes('('))) span.end--;
      if (span.end === span.start) continue;
      // A court case (`Roe v. Wade`, `Plessy v. Ferguson`) or a party in its name is the case, not an actor: left out
      // before document consistency, which would otherwise give `Ferguson` the city the case's type.
      if (citesCase(ws, span.start, span.end)) continue;
      // "Mr. Leahy" is a person whatever the tagger thought.
      if (span.end - span.start > 1 && isCapitalised(ws[span.start]) && this.vocabulary.isHonorific(ws[span.start])) span.type = 'PER';
      // A place's initials before a title are the title's too: `D.C. Del. Eleanor Holmes Norton`, `N.Y. Sen. …`.
      if (span.type === 'PER' && span.end - span.start > 2 && /^(?:\p{Lu}\.)+$/u.test(ws[span.start]) && isTitle(ws[span.start + 1])) span.start++;
      while (span.type === 'PER' && span.end - span.start > 1 && isTitle(ws[span.start])) span.start++;
      if (span.type !== 'PER') {
        let end = span.end;
        while (end - span.start > 1 && isTitle(ws[end - 1])) end--;
        // Keep "Office of the President" whole: never leave a span ending on a function word.
        if (end < span.end && isCapitalised(ws[end - 1])) span.end = end;
      }
      // "Head of Dagestan", "President of Russia": a role of a place is not an organisation; keep the place.
      if (span.type !== 'PER' && span.end - span.start > 2 && isTitle(ws[span.start]) && (ws[span.start + 1] === 'of' || ws[span.start + 1] === 'for')) {
        const rest = ws.slice(span.start + 2, span.end);
        if (gazetteers.typeOf(rest) === 'LOC') {
          span.start += 2;
          span.type = 'LOC';
        }
      }
      // "Envoy for Syria Staffan de Mistura": a known place glued to a following name of two or more
      // words is two mentions, the place and a person.
      // Phrases longer than the lists' longest are not looked up: a place run on for thousands of words
      // (`Iowa Iowa …`, a scraped list) made this quadratic.
      if (span.type === 'LOC' && span.end - span.start >= 3 && !(span.end - span.start <= MAX_PHRASE && gazetteers.lookup(ws.slice(span.start, span.end)) !== 0)) {
        for (let k = Math.min(span.end - 2, span.start + MAX_PHRASE); k > span.start; k--) {
          const rest = ws[k];
          if (!(isCapitalised(rest) || rest === 'de' || /^(?:al|el)-/.test(rest)) || !isCapitalised(ws[span.end - 1])) continue;
          if (gazetteers.typeOf(ws.slice(span.start, k)) !== 'LOC') continue;
          out.push({ sentence: span.sentence, start: span.start, end: k, type: 'LOC', key: '' });
          span.start = k;
          span.type = 'PER';
          break;
        }
      }
      // "occupied Syrian Golan", "Jewish West Bank settlements": a nationality adjective before a
      // known place is a MISC word of its own and the place keeps its type (CoNLL tags eng.testa's
      // example B-MISC B-LOC I-LOC). The tagger, which has seen "Syrian" open many MISC names
      // ("French Open"), may run the two together as one MISC span, hiding the place.
      if (span.type === 'MISC' && span.end - span.start >= 2 && isCapitalised(ws[span.start])) {
        for (let k = span.start + 1; k < span.end && k - span.start <= MAX_PHRASE; k++) {
          if (span.end - k > MAX_PHRASE || !(gazetteers.lookup(ws.slice(span.start, k)) & LIST_BIT.nationalities)) continue;
          if (gazetteers.typeOf(ws.slice(k, span.end)) !== 'LOC') continue;
          out.push({ sentence: span.sentence, start: span.start, end: k, type: 'MISC', key: '' });
          span.start = k;
          span.type = 'LOC';
          break;
        }
      }
      // "recourse to Geneva 1 or …", "the Geneva II talks": a city with a sequence number names a
      // conference (an event, MISC in CoNLL terms), not an organisation.
      if (span.type === 'ORG' && span.end - span.start === 1 && span.start > 0 && span.end < ws.length && EVENT_NUMBERS.has(ws[span.end]) &&
        EVENT_LEAD.has(ws[span.start - 1].toLowerCase()) && !(span.end + 1 < ws.length && isCapitalised(ws[span.end + 1])) &&
        gazetteers.lookup([ws[span.start]]) & LIST_BIT.cities) continue;
      let allTitles = true;
      for (let k = span.start; k < span.end && allTitles; k++) allTitles = isTitle(ws[k]);
      if (!allTitles) out.push(span);
    }
    return out;
  }
}

/**
 * `Public Policy Institute of California`, `Select Committee on Benghazi`, `American Federation of Teachers`: a
 * body's name goes on with `of`, `for` or `on` (and `the`) and the place, body or field it serves. The tagger,
 * sure of the place, often cuts the name there and reads two names (`Public Policy Institute`, `California`).
 * CoNLL-2003 writes such names whole (93 of the 94 in eng.train and eng.testa whose head noun comes before the
 * link), and so do the news: an organisation span whose last word is an institution's head noun
 * (`name-heads.tsv`), followed by a link and at once by a place, an organisation or another name, is one
 * organisation with it. Not a person after the link (`the Committee for Trump`), nor a company's or a paper's
 * name (`Edison Research for the Associated Press`: `research` is no institution); `on` only after a body that
 * sits on a subject (`Committee on Taxation`, not `Hofstra University on Long Island`). The entity repair joins
 * a one-word head the tagger read apart from a place in the same way (`Times of India`; entityRepair/bodyNames.ts joinHeadOfPlace).
 */
function joinInstitutionNames(spans: DocSpan[], words: readonly (readonly string[])[], heads: Gazetteers): DocSpan[] {
  const out: DocSpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && last.sentence === span.sentence && last.type === 'ORG' && span.type !== 'PER' && joinsInstitution(words[span.sentence], last, span, heads)) {
      last.end = span.end;
      continue;
    }
    out.push(span);
  }
  return out;
}

/**
 * Whether `next` follows `body` after a link word (and `the`), and `body` ends in a head noun that takes it. After
 * `for` the name goes on with a field or a place (`Center for American Progress`, `Institute for the Study of Labor`,
 * `Alternative for Germany`), not with another body, which is a client or a destination (`Monmouth University for
 * the Asbury Park Press`, `left the House Oversight Committee for the Judiciary Committee`: an organisation ending in
 * a head noun of its own), nor with a possessor (`thanked the Democratic Party for Iowa's support`).
 */
function joinsInstitution(ws: readonly string[], body: DocSpan, next: DocSpan, heads: Gazetteers): boolean {
  const link = body.end;
  if (link >= ws.length || (next.start !== link + 1 && !(next.start === link + 2 && ws[link + 1] === 'the'))) return false;
  const head = ws[body.end - 1];
  if (!isCapitalised(head)) return false;
  const word = ws[link];
  if (word === 'of') return heads.institutionHeads.has(hashLower(head));
  if (word === 'for') {
    const body = next.type === 'ORG' && heads.organizationHeads.has(hashLower(ws[next.end - 1]));
    return !body && !POSSESSIVE.test(ws[next.end] ?? '') && heads.institutionHeads.has(hashLower(head));
  }
  return word === 'on' && heads.topicHeads.has(hashLower(head));
}

/**
 * `USA TODAY`, `Fox News Channel`: a name the tagger cut short, when it and the capitalised words after it are the
 * whole name of an organisation or agency in the lists (and of no place), is that organisation. The tagger reads such a
 * name word by word, and a first word that is a place on its own (`USA`) or a word news text writes in lower case
 * (`today`, which truecasing gives the tagger) keeps it from running on; the lists name the whole. The longest listed
 * name wins; the words added must be capitalised as written (`USA today` is a day), and a name found after the cut
 * (`TODAY` as its own span) is taken in only whole. A person's name is never extended: a list's company named after
 * its founder is no reason to rename the person.
 */
function joinListedOrganisations(spans: DocSpan[], words: readonly (readonly string[])[], gazetteers: Gazetteers): DocSpan[] {
  const ORGANISATION = LIST_BIT.organizations | LIST_BIT.agencies;
  const PLACE = LIST_BIT.countries | LIST_BIT.cities;
  const out: DocSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    out.push(span);
    if (span.type === 'PER') continue;
    const ws = words[span.sentence];
    let capitalisedEnd = span.end;
    while (capitalisedEnd < ws.length && capitalisedEnd - span.start < MAX_PHRASE && isCapitalised(ws[capitalisedEnd])) capitalisedEnd++;
    for (let end = capitalisedEnd; end > span.end; end--) {
      const bits = gazetteers.lookup(ws.slice(span.start, end));
      if (!(bits & ORGANISATION) || bits & PLACE) continue;
      // Spans after this one that the name takes in must lie inside it.
      let next = i + 1;
      while (next < spans.length && spans[next].sentence === span.sentence && spans[next].start < end) next++;
      if (next > i + 1 && spans[next - 1].end > end) break;
      span.end = end;
      span.type = 'ORG';
      i = next - 1;
      break;
    }
  }
  return out;
}

/** A possessive ending written as a token of its own (`Iowa` `'s`). */
const POSSESSIVE = /^['’]s$/;

/**
 * Below this many tokens to decode, tagging stays on the calling thread: handing sentences to a
 * worker costs a copy each way, worth it for a large article (about 50 KB and up), not for a paragraph.
 */
const PARALLEL_MIN_TOKENS = 10_000;

/**
 * The token texts of each sentence, as the tagger reads them: packed arrays in every tier (packedMap.ts), and without
 * the format characters a word may hold (`Stein\u00admeier` is read as `Steinmeier`: its features, lists and clusters
 * are the clean word's; `formatCharacters.ts`). With the document's `text`, a text without any (nearly every one) is
 * scanned once instead of each word tested.
 */
function wordsOf(sentences: readonly Sentence[], text?: string): string[][] {
  if (text !== undefined && (sentences.length === 0 || !mayHoldFormatCharacters(text, sentences[0].start, sentences[sentences.length - 1].end))) {
    return packedMap(sentences, (sentence) => packedMap(sentence.tokens, (token) => token.text));
  }
  return packedMap(sentences, (sentence) => packedMap(sentence.tokens, (token) => withoutFormatCharacters(token.text)));
}

function tokenCount(words: readonly (readonly string[])[]): number {
  let n = 0;
  for (const ws of words) n += ws.length;
  return n;
}

/** A chunk handed to a worker has at least this many tokens (a message each way per chunk). */
const MIN_CHUNK_TOKENS = 4_000;
/** Chunks per thread taking part: enough for the threads to end together when one starts late or runs slow. */
const CHUNKS_PER_THREAD = 8;

/** `sentences` (indexes, in order) cut into runs of about `tokens` tokens each. */
function chunksByTokens(sentences: readonly number[], words: readonly (readonly string[])[], tokens: number): number[][] {
  const chunks: number[][] = [];
  let chunk: number[] = [];
  let size = 0;
  for (const s of sentences) {
    chunk.push(s);
    size += words[s].length;
    if (size >= tokens) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Sequence numbers of conferences named after cities (`Geneva II`). */
const EVENT_NUMBERS = new Set(['1', '2', '3', 'I', 'II', 'III']);
/** Words that introduce such a conference name (`to Geneva 1`, `the Geneva II talks`). */
const EVENT_LEAD = new Set(['to', 'the', 'of', 'at', 'in', 'from', 'after', 'before']);

/** The span's words, typographic apostrophes folded, for comparing mentions across a document. */
function spanKey(words: readonly string[], start: number, end: number): string {
  return foldApostrophes(end - start === 1 ? words[start] : words.slice(start, end).join(' '));
}

function isAcronym(key: string): boolean {
  return key.length > 1 && /^[\p{Lu}.]+$/u.test(key);
}

/** Cheap pre-test of `/^(?:al|el)-/`: the word starts with `a` or `e`. */
function startsWithAOrE(word: string): boolean {
  const c = word.charCodeAt(0);
  return c === 97 || c === 101;
}

function isCapitalised(word: string): boolean {
  return charClass(word.charCodeAt(0)) === 1;
}

function hasLowerCase(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (charClass(word.charCodeAt(i)) === 2) return true;
  return false;
}

/**
 * Which words of a sentence {@link makeConsistent} has given to a name: one buffer for every sentence of every
 * document, cleared per sentence (a fresh array per sentence was GC work, and one per document is still an array
 * buffer allocated outside the heap for each article).
 */
let coveredBuffer = new Uint8Array(256);

/** The type with the most votes, its count, and whether another type has as many. */
function mostVoted(votes: ReadonlyMap<string, number>): { best: string | undefined; bestCount: number; tie: boolean } {
  let best: string | undefined;
  let bestCount = 0;
  let tie = false;
  for (const [type, count] of votes) {
    if (count > bestCount) {
      best = type;
      bestCount = count;
      tie = false;
    } else if (count === bestCount) tie = true;
  }
  return { best, bestCount, tie };
}

/**
 * Document-level agreement, the second pass the tagger's features cannot do alone:
 * - the same string gets the type it has most often in the document;
 * - a surname (`Lavrov`, `al-Khatib`, `Assad` of `Bashar al-Assad`) inherits the person type of the
 *   full name, tagged or not;
 * - untagged repetitions of a multi-word name found elsewhere (`Munich Security Conference`) are added.
 */
function makeConsistent(spans: DocSpan[], words: readonly (readonly string[])[], gazetteers: Gazetteers, vocabulary: Vocabulary): DocSpan[] {
  const votes = new Map<string, Map<string, number>>();
  const surnames = new Set<string>();
  /** "de Mistura" of "Staffan de Mistura": a surname with its particle. */
  const particleSurnames = new Set<string>();
  for (const span of spans) {
    let v = votes.get(span.key);
    if (!v) votes.set(span.key, (v = new Map()));
    v.set(span.type, (v.get(span.type) ?? 0) + 1);
    if (span.type === 'PER' && span.end - span.start >= 2) {
      const last = foldApostrophes(words[span.sentence][span.end - 1]);
      if (isCapitalised(last) || /^(al|el|ad|as|ash|an|ar|at|az)-/i.test(last)) {
        surnames.add(last);
        const bare = /^(?:al|el)-(\p{Lu}.*)$/u.exec(last);
        if (bare) surnames.add(bare[1]);
        const particle = words[span.sentence][span.end - 2];
        if (span.end - span.start >= 3 && vocabulary.isNameParticle(particle)) particleSurnames.add(`${particle} ${last}`);
      }
    }
  }
  // The votes are final from here on: each key's majority is counted once.
  const majorities = new Map<string, string | undefined>();
  const majority = (key: string): string | undefined => {
    if (majorities.has(key)) return majorities.get(key);
    const m = countMajority(key);
    majorities.set(key, m);
    return m;
  };
  const countMajority = (key: string): string | undefined => {
    const v = votes.get(key);
    if (!v) return undefined;
    const { best, bestCount, tie } = mostVoted(v);
    // A tie goes to place only for a country ("US" once a place, once an organisation). Cities stay
    // unresolved: on sports pages "Leicestershire" is a team in one sentence and a county in the next.
    if (!tie) return best;
    if (v.has('LOC') && gazetteers.isCountry(key.split(' '))) return 'LOC';
    // A name of several words goes the way its last word goes alone, when one of the tied types wins there
    // (`Kellyanne Conway` once a place, once a person, and `Conway` four times a person; `Western Europe`).
    const space = key.lastIndexOf(' ');
    if (space < 0) return undefined;
    const alone = votes.get(key.slice(space + 1));
    if (!alone) return undefined;
    const lastWord = mostVoted(alone);
    // Not a word's own type as a modifier: `Cuban` alone is a nationality, `Mark Cuban` a person.
    return !lastWord.tie && lastWord.best !== 'MISC' && v.get(lastWord.best!) === bestCount ? lastWord.best : undefined;
  };
  for (const span of spans) {
    if (span.end - span.start === 1 && surnames.has(span.key) && span.type !== 'PER') span.type = 'PER';
    else {
      const m = majority(span.key);
      if (m) span.type = m;
    }
  }
  // Multi-word names by first word, longest first, for adding untagged repetitions.
  const multi = new Map<string, { words: string[]; type: string }[]>();
  for (const [key] of votes) {
    // A one-word key (most) is no multi-word name: not split.
    if (key.indexOf(' ') < 0) continue;
    const type = majority(key);
    if (!type) continue;
    const ws = key.split(' ');
    let list = multi.get(ws[0]);
    if (!list) multi.set(ws[0], (list = []));
    list.push({ words: ws, type });
  }
  for (const list of multi.values()) list.sort((a, b) => b.words.length - a.words.length);
  const added: DocSpan[] = [];
  const bySentence = new Map<number, DocSpan[]>();
  for (const span of spans) {
    let list = bySentence.get(span.sentence);
    if (!list) bySentence.set(span.sentence, (list = []));
    list.push(span);
  }
  /** Spans taken into a longer name of the article (see below), dropped at the end. */
  const merged = new Set<DocSpan>();
  words.forEach((ws, s) => {
    if (coveredBuffer.length < ws.length) coveredBuffer = new Uint8Array(ws.length * 2);
    // Only indices below ws.length are read or written.
    const covered = coveredBuffer;
    covered.fill(0, 0, ws.length);
    // No shared empty list for a sentence without spans, nor for a word that starts no longer name: an empty
    // literal is a list of another elements kind than the filled ones, and the loops over them were compiled
    // again when an article first brought one after the other.
    const inSentence = bySentence.get(s);
    if (inSentence !== undefined) {
      for (const span of inSentence) covered.fill(1, span.start, span.end);
      for (const span of inSentence) {
        if (span.type !== 'PER' || span.end - span.start !== 1) continue;
        const start = withParticle(ws, covered, particleSurnames, span.start);
        if (start === span.start) continue;
        span.start = start;
        span.key = spanKey(ws, span.start, span.end);
        covered[start] = 1;
      }
      // A name tagged only in part ("Jabhat" of "Jabhat al-Nusra", named in full elsewhere in the
      // article) takes the rest of the words of the article's longer name of its type that follow it here,
      // untagged or tagged misc ("al-Nusra"): misc spans lying wholly in the words taken are merged. Only
      // a person, organisation or place grows, and it never swallows another of those.
      for (const span of inSentence) {
        if (span.type === 'MISC' || merged.has(span)) continue;
        const longer = multi.get(foldApostrophes(ws[span.start]));
        if (longer === undefined) continue;
        for (const cand of longer) {
          const end = span.start + cand.words.length;
          if (cand.type !== span.type || end <= span.end || end > ws.length) continue;
          let ok = true;
          for (let k = 1; k < cand.words.length && ok; k++) ok = foldApostrophes(ws[span.start + k]) === cand.words[k];
          if (!ok) continue;
          const inside = inSentence.filter((other) => other !== span && other.start < end && other.end > span.end);
          if (inside.some((other) => other.type !== 'MISC' || other.start < span.end || other.end > end)) continue;
          for (const other of inside) merged.add(other);
          covered.fill(1, span.end, end);
          span.end = end;
          span.key = cand.words.join(' ');
          break;
        }
      }
    }
    for (let i = 0; i < ws.length; i++) {
      if (covered[i] || !(isCapitalised(ws[i]) || (startsWithAOrE(ws[i]) && /^(?:al|el)-\p{Lu}/u.test(ws[i])))) continue;
      const w = foldApostrophes(ws[i]);
      let matched = false;
      const longer = multi.get(w);
      if (longer !== undefined) {
        for (const cand of longer) {
          const end = i + cand.words.length;
          if (end > ws.length) continue;
          let ok = true;
          for (let k = 1; k < cand.words.length && ok; k++) ok = !covered[i + k] && foldApostrophes(ws[i + k]) === cand.words[k];
          if (!ok) continue;
          added.push({ sentence: s, start: i, end, type: cand.type, key: cand.words.join(' ') });
          covered.fill(1, i, end);
          i = end - 1;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      if (surnames.has(w) && !(i + 1 < ws.length && isCapitalised(ws[i + 1]) && !covered[i + 1])) {
        const start = withParticle(ws, covered, particleSurnames, i);
        added.push({ sentence: s, start, end: i + 1, type: 'PER', key: spanKey(ws, start, i + 1) });
        covered.fill(1, start, i + 1);
      }
    }
  });
  const kept = merged.size === 0 ? spans : spans.filter((span) => !merged.has(span));
  if (added.length === 0) return kept;
  return kept.concat(added).sort((a, b) => a.sentence - b.sentence || a.start - b.start);
}

/**
 * Where a surname at word `start` begins with its particle: a surname found without it (`Mistura` in `de Mistura’s
 * initiative`) takes it back when the article names someone with that particle and surname (`particleSurnames`) and
 * no span covers the particle. A function of its own, not an arrow made for each sentence of {@link makeConsistent}:
 * the arrow kept the sentence's words in a context allocated per sentence.
 */
function withParticle(ws: readonly string[], covered: Uint8Array, particleSurnames: ReadonlySet<string>, start: number): number {
  return start > 0 && !covered[start - 1] && particleSurnames.has(`${ws[start - 1]} ${foldApostrophes(ws[start])}`) ? start - 1 : start;
}

/**
 * True when the span holds or touches a court case's `v.` between two capitalised words (`Roe v. Wade`, `United
 * States v. Texas`). Legal citation writes the bare `v.`; a contest between actors is `vs.` (`Trump vs. Clinton`) and
 * sports results write `v` without a dot (CoNLL's `Glamorgan v Kent`, two teams).
 */
function citesCase(ws: readonly string[], start: number, end: number): boolean {
  for (let i = Math.max(1, start - 1); i <= end && i < ws.length - 1; i++) {
    if (ws[i] === 'v.' && isCapitalised(ws[i - 1]) && isCapitalised(ws[i + 1])) return true;
  }
  return false;
}
