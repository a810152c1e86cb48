/**
 * Core types of the article analysis. Every position in the core is a character offset into the
 * document text (a JavaScript string index, i.e. a UTF-16 code unit), `end` exclusive. Nothing here
 * knows about LSP or VS Code: `server/src/lsp/positions.ts` is the one place that converts offsets.
 */

/** A half-open range of character offsets `[start, end)`. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** A word or punctuation token. `text` is the exact source slice. */
export interface Token extends OffsetRange {
  readonly text: string;
}

/** A sentence: its range and the tokens inside it, in order. */
export interface Sentence extends OffsetRange {
  readonly tokens: readonly Token[];
}

/**
 * A paragraph of the article. Articles come either as one paragraph per line or as blocks separated
 * by blank lines; `paragraphs.ts` decides which per document.
 */
export interface Paragraph extends OffsetRange {
  /** Position of the paragraph in document order, from 0. */
  readonly index: number;
  /** The paragraph text without its trailing line break. */
  readonly text: string;
}

/**
 * Entity types we recognise and colour. People, organisations and places are actors; `date` and
 * `number` are figures (what fact-checkers check); `misc` and `custom` come from people's labels
 * (`custom` carries the label a user declared, e.g. `claim`).
 */
export type EntityType = 'person' | 'organization' | 'location' | 'date' | 'number' | 'misc' | 'custom';

/** The entity types that name actors (grouped into actors, navigable, indexed across the workspace). */
export const ACTOR_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['person', 'organization', 'location']);

/** One mention of an entity in the text: a machine suggestion, unless a person confirmed or labelled it. */
export interface EntityMention extends OffsetRange {
  readonly type: EntityType;
  readonly text: string;
  /** A person labelled or accepted this mention (it is no longer a machine suggestion). */
  readonly confirmed?: true;
  /** For `custom` mentions: the label the person gave. */
  readonly label?: string;
}

/**
 * The one interface every entity recogniser implements. It receives the tokenised document (all
 * sentences in order) so that it can use document-level evidence (a string tagged as a person in one
 * place is the same entity elsewhere), and returns mentions sorted by `start`, non-overlapping.
 *
 * Staging and caching are part of the contract: {@link recognizeInStages} pauses between stages
 * (tagging, clean-up) so the server can answer a keystroke in between, and a `document` identity
 * lets the recogniser keep per-document caches across versions (the result must equal a fresh
 * recognition), released by {@link forget}. Without `document` the call keeps nothing.
 */
export interface EntityRecognizer {
  /** Short identifier shown in benchmarks and logs. */
  readonly name: string;
  recognize(text: string, sentences: readonly Sentence[], document?: string): EntityMention[];
  /**
   * {@link recognize}, yielding between stages; a caller may drop it between any two. With a
   * `tagging` pool it may hand sentences to other threads and yield the promise of their tags
   * (`core/stages.ts`): only a caller that awaits yielded promises passes one. The result is the same.
   */
  recognizeInStages(text: string, sentences: readonly Sentence[], document?: string, tagging?: SentenceTaggingPool): Generator<void | Promise<unknown>, EntityMention[]>;
  /** Drops whatever is kept for the document (it was closed or removed). */
  forget(document: string): void;
  /**
   * Changes whenever what the recogniser finds in a text may change without the text changing (it
   * learned from corrections): part of every cached analysis's key. Absent: it never changes.
   */
  readonly revision?: number;
}

/** What a person decided about a place of a text, as a recogniser that learns reads it. */
export interface Correction extends OffsetRange {
  /**
   * The label: `person`, `organization`, `location`, `misc`, or a label of the person's own (learned
   * as a new class). Undefined: not an entity.
   */
  readonly label?: string;
  /** A new decision, learned now; the document's older decisions only say what else its sentences hold. */
  readonly fresh?: boolean;
}

/** What learning from one document's corrections did. */
export interface LearningReport {
  /** Sentences learned from (holding a fresh correction). */
  readonly sentences: number;
  /** Of those, the ones the weights had to move for. */
  readonly updated: number;
  /** Classes added for labels the recogniser did not know. */
  readonly newClasses: readonly string[];
}

/**
 * A recogniser that learns from people's corrections (the trained tagger, `ner/adaptation.ts`): what
 * it learned is its own state beside the shipped data, which it can save, load and forget.
 */
export interface LearningRecognizer extends EntityRecognizer {
  readonly revision: number;
  /** Learns from the decisions people made in one document; `sentences` are all of its sentences. */
  learn(sentences: readonly Sentence[], corrections: readonly Correction[]): LearningReport;
  /** Forgets everything learned: the shipped model's answers again, exactly. */
  resetLearning(): void;
  /** Takes back what decisions a person removed taught (`removed`: where they were), learning the rest of their sentences again; returns the sentences taken back. */
  unlearn(sentences: readonly Sentence[], corrections: readonly Correction[], removed: readonly OffsetRange[]): number;
  /**
   * The label a person last gave this name (`person`, `organization`, `location`, `misc` or their own),
   * undefined when none: a mention of it with that label is left as it is by the steps after
   * recognition (the entity repair), so what a person taught shows in every article.
   */
  taughtLabelOf(text: string): string | undefined;
  /** False while no name has a taught label ({@link taughtLabelOf} is undefined for every name): nothing to ask per mention. */
  readonly hasTaughtNames: boolean;
  /** What was learned, as a file, with the caller's facts kept in it. */
  saveLearning(extra?: Record<string, unknown>): Uint8Array;
  /** Replaces what was learned with a file of {@link saveLearning}; returns the caller's facts. Throws when it cannot be used. */
  loadLearning(file: Uint8Array): Record<string, unknown>;
}

/** True for a recogniser that learns from corrections. */
export function canLearn(recognizer: EntityRecognizer): recognizer is LearningRecognizer {
  return typeof (recognizer as Partial<LearningRecognizer>).learn === 'function';
}

/** A tagged span in token indices of one sentence, `end` exclusive, with the tagger's type (`PER`, `ORG`, `LOC`, `MISC`). */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/**
 * Threads that tag sentences for a recogniser while its staged recognition waits (the server's
 * tagging workers, `server/src/tagging/`): the first full analysis of a large article uses every core.
 * Each sentence comes with its document evidence (`DocumentFeatures.evidenceKey`), so a worker that
 * sees only some sentences computes exactly the features the whole document gives them.
 */
export interface SentenceTaggingPool {
  /** How many threads beside the caller's may tag (started, ready or still loading; 0: none). */
  readonly threads: number;
  /**
   * Hands `sentences` (token strings, as the tagger reads them) with their evidence keys to a thread
   * that is free now, and promises per sentence its spans; undefined when no thread is free (the
   * caller tags them itself). The promise fails when the thread does: the caller tags them then too.
   */
  tryTag(sentences: readonly (readonly string[])[], evidence: readonly string[]): Promise<TokenSpan[][]> | undefined;
}

/** A span of text with its exact source slice. */
export interface TextSlice extends OffsetRange {
  readonly text: string;
}

/** Who a quotation is attributed to, as found in the text around it. */
export interface Attribution {
  /** The words in the attribution that name the source: `Lavrov`, `he`, `the Russian Foreign Ministry`. */
  readonly mention: TextSlice;
  /**
   * When `mention` is a pronoun or a nominal (`he`, `the foreign minister`), the named mention it
   * refers to (`Sergei Lavrov`); otherwise undefined.
   */
  readonly resolved?: TextSlice;
  /** The speech verb or cue (`said`, `stressed`, `according to`). */
  readonly cue?: TextSlice;
  /** What kind of source speaks. */
  readonly sourceKind: 'person' | 'organization' | 'group' | 'unknown';
  /** A person assigned this speaker (an annotation), rather than the attribution rules. */
  readonly assigned?: true;
  /**
   * How sure the trained rankers are of who speaks, 0–1 (`quotes/ranker.ts`): the speaker ranker's probability for
   * the phrase it chose among the quotation's candidates (*no speaker* among them; 1 when the rules chose it),
   * times the antecedent ranker's for the person it resolved a pronoun or description to. Absent when no ranker
   * decided anything (a name next to a speech verb, a dash byline) and for assigned speakers. A quotation the rules
   * link to the one before carries that one's; one the ranker gives the previous speaker multiplies in that one's.
   */
  readonly confidence?: number;
}

/** A direct quotation (`“…”` or `"…"`) and, when it has one, its attribution. */
export interface Quote extends OffsetRange {
  /** Offsets of the quoted words, without the quotation marks. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** The quoted words. */
  readonly text: string;
  /** `direct` for reported speech; `scare` for a short quoted term with no speaker. */
  readonly kind: 'direct' | 'scare';
  readonly attribution?: Attribution;
}
