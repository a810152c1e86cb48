import { createActorNavigation } from './actorNavigation';
import { actorAt, type Actor, type ActorMention } from './actors';
import { analyzeArticle, authorsOf, lightAnalysis, recognizePart, sentencesOf, type AnalysisContext, type ArticleAnalysis } from './analysis';
import { applyEntityInput, NO_ANNOTATIONS, type AnnotationInput } from './annotationInput';
import { articleFacts } from './views/articleFacts';
import { duplicateFixRanges, findDuplicateParagraphs, repeatsRemovedWith, type DuplicateFix, type DuplicateParagraph, type KnownWords } from './duplicates';
import { FurnitureCache, findPageFurniture, furnitureAt, furnitureRemovalRanges, isPartOfParagraph, type FurnitureRegion } from './pageFurniture';
import { entitiesOfParagraphsIn, IncrementalAnalyzer, provisionalEntitiesIn, provisionalFromAnalysis, updateProvisionalEntities, type ParagraphLayer, type PartRecognizer, type ProvisionalEntities } from './incrementalAnalysis';
import { hasMoreLineBreaks } from './lineBreaks';
import { withOwnStrings } from './ownStrings';
import { splitParagraphs } from './paragraphs';
import { findNameVariants, type NameVariant } from './nameVariants';
import { quoteSpeakers } from './quoteSpeakers';
import type { ArticleResources } from './resources';
import { overlaps } from './search';
import { analysisSettingsKey, DEFAULT_SETTINGS, type ArticleSettings } from './settings';
import { finish, type Staged } from './stages';
import { canLearn, type Correction, type EntityMention, type LearningReport, type OffsetRange, type Paragraph, type Quote, type SentenceTaggingPool } from './types';
import { summarizeArticle, WorkspaceIndex, type ActorProfile, type ArticleReference, type ArticleSummary, type IndexLoad } from './workspaceIndex';
import type { SummaryCompactor } from './summaryPool';
import { createWorkspaceViews } from './views/workspaceViews';

/** Structural twin of LSP's CancellationToken, so the core needs no protocol import. */
export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
}

/** The document as the core sees it: identity, version and text. */
export interface ArticleDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** What the hover shows about an actor. */
export interface ActorCard {
  readonly actor: Actor;
  /** The mention under the cursor (a name, a nominal or a pronoun). */
  readonly mention: ActorMention;
  /** Other articles of the workspace that mention the actor, in URI order: the first {@link ACTOR_CARD_ARTICLES} only. */
  readonly elsewhere: readonly ArticleReference[];
  /** How many other articles mention the actor in all. */
  readonly elsewhereCount: number;
  /** Who the actor is across the workspace: roles with counts, articles, quotes, the most relevant articles. */
  readonly profile?: ActorProfile;
}

/** At most this many other articles on an actor card (the hover lists ten and counts the rest). */
export const ACTOR_CARD_ARTICLES = 10;
/** The most relevant articles a card names (the hover stays this size in a workspace of any size). */
export const ACTOR_CARD_RELEVANT = 3;

/** A speaker and the quotes attributed to them, for the outline. */
export interface SpeakerQuotes {
  /** The actor, when the attribution names one we recognised. */
  readonly actor?: Actor;
  /** How the outline names the speaker: the actor's name or the attribution's words (`the two sides`). */
  readonly label: string;
  readonly quotes: readonly Quote[];
}

/**
 * Why a document got only the light analyses: `binary` and `too-many-lines` get none (only the note that says
 * why), `too-large` its paragraphs and their repeats.
 */
export type LimitedReason = 'binary' | 'too-large' | 'too-many-lines';

/**
 * The most lines a document may have to be analysed, whatever its size: VS Code turns off its own language
 * features at this many lines (`editor.largeFileOptimizations`). The analysis keeps a few objects per paragraph,
 * so a file of millions of one-word lines under `maxFileSize` (a word list, a log) took 3.3 GB and 37 s.
 */
export const MAX_ANALYSED_LINES = 300_000;

/** The quote outline: attributed quotes by speaker, then quotes without a speaker. */
export interface QuoteOutline {
  readonly speakers: readonly SpeakerQuotes[];
  readonly unattributed: readonly Quote[];
}

/**
 * From this length on, a range request on a document not analysed yet is answered from the
 * paragraphs in the range alone (a full analysis takes over ~50 ms; 1 MB takes 0.3–0.9 s).
 */
const FIRST_PAINT_MIN_LENGTH = 100_000;

/** Thrown when a request's cancellation signal fires during the analysis. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('Analysis cancelled');
  }
}

/**
 * Everything the service keeps for one document it has analysed (an open document, or a file the
 * CLI reads), in one object with one {@link dispose}: closing a document used to take seven
 * separate clean-ups, and forgetting one of them kept stale results.
 *
 * Every cached result carries the key of what it was computed from — the document version, the
 * settings the analysis reads, and the revision of people's annotations — so a settings change or a
 * new label is never hidden by a result computed before it.
 */
class DocumentState {
  /** Paragraph and sentence caches that survive edits (`incrementalAnalysis.ts`). */
  readonly analyzer: IncrementalAnalyzer;
  /** The settings this document's own requests last used: what other documents' requests analyse it with. */
  settings: ArticleSettings = DEFAULT_SETTINGS;
  analysis: { readonly key: string; readonly version: number; readonly analysis: ArticleAnalysis } | undefined;
  /** The final entities of a version whose analysis is still under way (quotes and actors to come). */
  entities: { readonly key: string; readonly entities: readonly EntityMention[] } | undefined;
  /** Entities of a version typed since the last full analysis (see `getEntitiesQuickly`). */
  provisional: { readonly key: string; readonly version: number; readonly entities: ProvisionalEntities } | undefined;
  /** The key whose visible paragraphs were shown before its full analysis existed. */
  firstPaint: string | undefined;
  /** What each paragraph text reads as, for page furniture (a keystroke reads one paragraph again). */
  readonly furniture = new FurnitureCache();
  /**
   * Whether a version has more lines than are analysed: requests ask again and again of the same version,
   * and counting a 10 MB text's lines takes milliseconds. The count, not the text, is kept.
   */
  lineCount: { readonly version: number; readonly length: number; readonly tooMany: boolean } | undefined;

  constructor(
    readonly uri: string,
    private readonly onDispose: (uri: string) => void,
    words: KnownWords,
  ) {
    this.analyzer = new IncrementalAnalyzer(uri, words);
  }

  dispose(): void {
    this.analysis = undefined;
    this.entities = undefined;
    this.provisional = undefined;
    this.firstPaint = undefined;
    this.lineCount = undefined;
    this.onDispose(this.uri);
  }
}

/** What a service may use besides the data files. */
export interface ArticleServiceOptions {
  /**
   * Threads that tag a large article's sentences during its staged analysis, when the caller of
   * {@link ArticleService.analyzeInStages} awaits what the stages yield (the server's runner does).
   */
  readonly tagging?: SentenceTaggingPool;
}

/** How a staged analysis may run. */
export interface StagedAnalysisOptions {
  /** The caller awaits promises the stages yield: the analysis may hand work to other threads. */
  readonly mayWait?: boolean;
}

/**
 * Creates the article language service: every feature as a function of (document, offset?, settings?),
 * with each document's analysis cached and a workspace index of actors. It has no connection and no
 * `vscode` import, so tests and the CLI use it as the server does. `resources` are the loaded data
 * files (`loadArticleResources`); the service reads nothing from disk itself.
 */
export function createArticleService(resources: ArticleResources, options: ArticleServiceOptions = {}) {
  const workspace = new WorkspaceIndex(resources.names, resources.nameLexicon);
  const states = new Map<string, DocumentState>();
  /** People's annotations per article (open or not), as the analysis reads them. */
  const inputs = new Map<string, AnnotationInput>();
  /** Quote outlines by the analysis they were grouped from. */
  const outlines = new WeakMap<ArticleAnalysis, QuoteOutline>();

  function stateOf(uri: string): DocumentState {
    let state = states.get(uri);
    if (!state) states.set(uri, (state = new DocumentState(uri, (gone) => resources.recognizer.forget(gone), resources.knownWords)));
    return state;
  }

  function disposeState(uri: string): void {
    states.get(uri)?.dispose();
    states.delete(uri);
  }

  function contextOf(uri: string): AnalysisContext {
    return { resources, input: inputs.get(uri) ?? NO_ANNOTATIONS };
  }

  /** The key of everything an analysis of this document reads besides its text (what the recogniser learned too). */
  function keyOf(document: ArticleDocument, settings: ArticleSettings): string {
    return `${document.version}\u0000${analysisSettingsKey(settings)}\u0000${inputs.get(document.uri)?.revision ?? 0}\u0000${resources.recognizer.revision ?? 0}`;
  }

  /** Explicit settings become the document's own; without them, the document's last ones are used. */
  function settingsFor(document: ArticleDocument, settings: ArticleSettings | undefined): ArticleSettings {
    if (!settings) return states.get(document.uri)?.settings ?? DEFAULT_SETTINGS;
    stateOf(document.uri).settings = settings;
    return settings;
  }

  /** {@link limitedReason} of an open document's version, its line count kept with the document's state. */
  function limitedReasonOf(document: ArticleDocument, text: string, settings: ArticleSettings): LimitedReason | undefined {
    const state = states.get(document.uri);
    if (!state) return limitedReason(text, settings);
    return limitedReason(text, settings, () => {
      const known = state.lineCount;
      if (known?.version === document.version && known.length === text.length) return known.tooMany;
      const tooMany = hasTooManyLines(text);
      state.lineCount = { version: document.version, length: text.length, tooMany };
      return tooMany;
    });
  }

  const recognizeIn = (uri: string): PartRecognizer => {
    const context = contextOf(uri);
    return (text, sentences, within) => recognizePart(text, sentences, context, within);
  };

  /** The analysis of a document over the size limit or binary: paragraphs and duplicates at most. */
  function limitedAnalysis(text: string, reason: LimitedReason, analyzer?: IncrementalAnalyzer): ArticleAnalysis {
    if (reason !== 'too-large') return lightAnalysis(text, [], []);
    const layer = analyzer ? analyzer.paragraphLayer(text) : paragraphsOf(text, resources.knownWords);
    return lightAnalysis(text, layer.paragraphs, layer.duplicates, findPageFurniture(layer.paragraphs, resources.furniture));
  }

  /**
   * The index's summary of an analysed article, with the facts the workspace views count, its authors
   * and the annotations (`input.digest`) the analysis was given.
   */
  function summarize(uri: string, text: string, analysis: ArticleAnalysis, input: AnnotationInput | undefined): ArticleSummary {
    const digest = input?.digest;
    const annotated = digest && (digest.entries.length > 0 || digest.reviewState !== 'unreviewed');
    // The summary outlives the analysis: its strings (title, names, quotes) must not keep the text alive.
    const summary = withOwnStrings({ ...summarizeArticle(uri, text, analysis.actors, analysis.quotes, authorsOf(analysis)), ...articleFacts(uri, text, analysis, resources.names) });
    return annotated ? { ...summary, annotations: digest } : summary;
  }

  /**
   * A one-off analysis of a text that is not an open document (the workspace scan). `input`: the
   * article's annotations read from its store, when the article is not open (nothing is kept of it).
   */
  function analyzeText(uri: string, text: string, settings: ArticleSettings, input?: AnnotationInput): ArticleAnalysis {
    const reason = limitedReason(text, settings);
    return reason ? limitedAnalysis(text, reason) : analyzeArticle(text, input ? { resources, input } : contextOf(uri));
  }

  /** Paragraphs and duplicates of the document version, without the rest of the analysis. */
  function paragraphLayer(document: ArticleDocument, settings?: ArticleSettings): ParagraphLayer {
    const effective = settingsFor(document, settings);
    const state = stateOf(document.uri);
    if (state.analysis?.key === keyOf(document, effective)) return state.analysis.analysis;
    const text = document.getText();
    const reason = limitedReasonOf(document, text, effective);
    if (reason !== undefined && reason !== 'too-large') return { paragraphs: [], duplicates: [] };
    return state.analyzer.paragraphLayer(text);
  }

  /** The repeats fix-all removes, by the duplicates of a document version, with the furniture paragraphs they were found beside. */
  const fixAllRepeats = new WeakMap<readonly DuplicateParagraph[], { key: string; repeats: readonly Paragraph[] }>();

  /** Page furniture by the paragraph split it was found in (one split per document version). */
  const furnitureBySplit = new WeakMap<readonly Paragraph[], readonly FurnitureRegion[]>();

  /** Page furniture of the document version, from its paragraphs alone (as cheap as the duplicates). */
  function furnitureOf(document: ArticleDocument, settings?: ArticleSettings): { layer: ParagraphLayer; furniture: readonly FurnitureRegion[] } {
    const layer = paragraphLayer(document, settings);
    if ('furniture' in layer) return { layer, furniture: (layer as ArticleAnalysis).furniture };
    let furniture = furnitureBySplit.get(layer.paragraphs);
    if (!furniture) furnitureBySplit.set(layer.paragraphs, (furniture = findPageFurniture(layer.paragraphs, resources.furniture, stateOf(document.uri).furniture)));
    return { layer, furniture };
  }

  /**
   * The full analysis of the document's version, one stage per step (sentences, tagging, entity
   * clean-up, quotes, actors): the server runs it with a pause between steps, so a keystroke or a
   * cancellation gets in. An analysis of the same version finished meanwhile by another caller is
   * taken up: the rest is not done twice. Without `settings`, the document's own last settings.
   */
  function* analyzeInStages(document: ArticleDocument, settings?: ArticleSettings, staged: StagedAnalysisOptions = {}): Staged<ArticleAnalysis> {
    const effective = settingsFor(document, settings);
    const state = stateOf(document.uri);
    const key = keyOf(document, effective);
    if (state.analysis?.key === key) return state.analysis.analysis;
    const text = document.getText();
    const reason = limitedReasonOf(document, text, effective);
    // The input this analysis reads, whose annotations the summary lists (a newer one may come meanwhile).
    const context = contextOf(document.uri);
    let analysis: ArticleAnalysis;
    if (reason === undefined) {
      // The server's runner awaits what a stage hands to other threads: only it gets the tagging pool.
      const stages = state.analyzer.analyzeInStages(text, staged.mayWait && options.tagging ? { ...context, tagging: options.tagging } : context, ({ entities }) => {
        if (states.get(document.uri) === state) state.entities = { key, entities };
      });
      for (;;) {
        const step = stages.next();
        if (step.done) {
          analysis = step.value;
          break;
        }
        yield step.value;
        if (state.analysis?.key === key) return state.analysis.analysis;
      }
    } else {
      analysis = limitedAnalysis(text, reason, state.analyzer);
    }
    // A state disposed while this ran (the document closed) is not brought back.
    if (states.get(document.uri) === state) {
      state.analysis = { key, version: document.version, analysis };
      state.entities = undefined;
    }
    workspace.update(summarize(document.uri, text, analysis, context.input));
    return analysis;
  }

  /**
   * {@link analyzeInStages} run to its end. The signal is checked between stages; a request handler
   * that must not hold the thread runs the stages itself (the server's analysis runner), and then
   * finds the result here.
   */
  function analyze(document: ArticleDocument, settings?: ArticleSettings, token?: CancellationSignal): ArticleAnalysis {
    if (token?.isCancellationRequested) throw new AnalysisCancelled();
    const stages = analyzeInStages(document, settings);
    for (;;) {
      const step = stages.next();
      if (step.done) return step.value;
      if (token?.isCancellationRequested) {
        stages.return(undefined as never);
        throw new AnalysisCancelled();
      }
    }
  }

  function isAnalysed(document: ArticleDocument): boolean {
    const state = states.get(document.uri);
    return !!state?.analysis && state.analysis.key === keyOf(document, state.settings);
  }

  /** True when the document's version has its final entities (its analysis may still be under way). */
  function hasEntities(document: ArticleDocument): boolean {
    const state = states.get(document.uri);
    if (!state) return false;
    const key = keyOf(document, state.settings);
    return state.analysis?.key === key || state.entities?.key === key;
  }

  function* settleInStages(document: ArticleDocument, settings?: ArticleSettings): Staged<boolean> {
    const state = stateOf(document.uri);
    const served = state.provisional;
    const { entities } = yield* analyzeInStages(document, settings);
    // Provisional entities of a newer version (typed while this was paused) stay.
    if (state.provisional === served) state.provisional = undefined;
    // Tokens shown from the visible paragraphs alone: the client fetches the exact ones.
    const painted = state.firstPaint !== undefined;
    state.firstPaint = undefined;
    if (!served || served.key !== state.analysis?.key) return painted;
    const guess = served.entities.entities;
    return guess.length !== entities.length || guess.some((e, i) => !sameMention(e, entities[i]));
  }

  return Object.freeze({
    analyze,
    analyzeInStages,
    /** A one-off analysis of a text that is not an open document: nothing is kept or indexed (the CLI, one file after another). */
    analyzeText,
    isAnalysed,
    hasEntities,
    // Definition, references, highlights, rename, workspace search, speaker hints, name variants.
    ...createActorNavigation({ analyze, workspace, names: resources.names, isAnalysed }),
    // The Actors, Quotes and Articles views and the actor map: queries over the workspace index.
    ...createWorkspaceViews({ analyze, workspace }),

    /** Drops what is kept for a closed document; its workspace summary stays while the file exists. */
    forget(uri: string): void {
      disposeState(uri);
    },

    /**
     * Sets people's annotations of an article (open or not): the next analysis applies them, and
     * every cached result of that article is out of date (its key has the input's revision).
     */
    setAnnotationInput(uri: string, input: AnnotationInput): void {
      if (input.revision === 0 && input === NO_ANNOTATIONS) inputs.delete(uri);
      else inputs.set(uri, input);
    },

    /**
     * Teaches the recogniser the decisions people made in one article (`text` as it is now): the
     * next analysis of every document reflects it (the recogniser's revision is part of every key).
     * Undefined when the recogniser does not learn.
     */
    learnFromCorrections(text: string, corrections: readonly Correction[]): LearningReport | undefined {
      const recognizer = resources.recognizer;
      if (!canLearn(recognizer)) return undefined;
      return recognizer.learn(sentencesOf(text), corrections);
    },

    /**
     * Takes back what decisions people removed from one article taught (`removed`: where they were in
     * `text`), the article's remaining decisions being `corrections`; the sentences taken back, or
     * undefined when the recogniser does not learn.
     */
    unlearnCorrections(text: string, corrections: readonly Correction[], removed: readonly OffsetRange[]): number | undefined {
      const recognizer = resources.recognizer;
      return canLearn(recognizer) ? recognizer.unlearn(sentencesOf(text), corrections, removed) : undefined;
    },

    /** What the recogniser learned, as a file to keep (undefined when it does not learn), and the caller's facts in it. */
    saveLearning(extra?: Record<string, unknown>): Uint8Array | undefined {
      const recognizer = resources.recognizer;
      return canLearn(recognizer) ? recognizer.saveLearning(extra) : undefined;
    },

    /** Replaces what the recogniser learned with a file of {@link saveLearning}; returns the caller's facts. Throws when the file cannot be used (nothing learned then). */
    loadLearning(file: Uint8Array): Record<string, unknown> {
      const recognizer = resources.recognizer;
      if (!canLearn(recognizer)) throw new Error('the recogniser does not learn');
      return recognizer.loadLearning(file);
    },

    /** Forgets what the recogniser learned: the shipped model's suggestions again. */
    resetLearning(): void {
      const recognizer = resources.recognizer;
      if (canLearn(recognizer)) recognizer.resetLearning();
    },

    /** The annotation input the analysis of an article reads. */
    annotationInputOf(uri: string): AnnotationInput {
      return inputs.get(uri) ?? NO_ANNOTATIONS;
    },

    /**
     * Indexes an article that is not open (workspace scan), without keeping its full analysis; `input`
     * is what its store file says people decided about it.
     */
    indexArticle(uri: string, text: string, settings: ArticleSettings = DEFAULT_SETTINGS, input?: AnnotationInput): void {
      const analysis = analyzeText(uri, text, settings, input);
      workspace.update(summarize(uri, text, analysis, input ?? contextOf(uri).input));
    },

    /**
     * Analyses `text` as an open document is analysed — in full, then again after an edit in its
     * middle (the incremental path: paragraphs reused, sentences shifted, tags from the sentence
     * cache) — and summarises it as the index would, keeping and indexing nothing. A server runs it
     * in quiet moments to warm its thread's compiled code (`lsp/warmUp.ts`).
     */
    *warmUpInStages(text: string): Staged<void> {
      const uri = 'article-lens:warm-up';
      const analyzer = new IncrementalAnalyzer(uri, resources.knownWords);
      const context = { resources, input: NO_ANNOTATIONS };
      try {
        const middle = text.indexOf(' ', text.length >> 1);
        for (const version of [text, middle < 0 ? `${text} ` : `${text.slice(0, middle)} again${text.slice(middle)}`]) {
          const analysis = yield* analyzer.analyzeInStages(version, context);
          summarize(uri, version, analysis, undefined);
          yield;
        }
      } finally {
        resources.recognizer.forget(uri);
      }
    },

    /** The workspace summary of an article, without indexing it (a scan worker computes it off the main thread). */
    summarizeArticle(uri: string, text: string, settings: ArticleSettings = DEFAULT_SETTINGS, input?: AnnotationInput): ArticleSummary {
      const analysis = analyzeText(uri, text, settings, input);
      return summarize(uri, text, analysis, input ?? contextOf(uri).input);
    },

    /**
     * Adds a summary computed elsewhere (by {@link summarizeArticle} in a scan worker) to the workspace
     * index; returns the copy the index keeps (its repeated names shared with other articles'), the one
     * to keep elsewhere (the index cache) too.
     */
    addSummary(summary: ArticleSummary): ArticleSummary {
      return workspace.update(summary);
    },

    /** Marks a load of many articles into the workspace index (a scan) until the returned function is called (`WorkspaceIndex.load`). */
    loadWorkspace(): IndexLoad {
      return workspace.load();
    },

    /** A summary as the workspace index keeps it, without indexing it (the index cache compacts what it reads with this). */
    compactSummary(summary: ArticleSummary): ArticleSummary {
      return workspace.compact(summary);
    },

    /** The workspace index's pool: the index cache's reader makes the summaries the index keeps with it (`SummaryCompactor`). */
    summaryCompactor(): SummaryCompactor {
      return workspace.compactor;
    },

    /** The ids of the annotations of every indexed article (from their digests). */
    *workspaceAnnotationIds(): Generator<string> {
      for (const uri of workspace.uris()) for (const entry of workspace.get(uri)?.annotations?.entries ?? []) yield entry.id;
    },

    /** Removes a deleted article from the workspace index, with everything kept for it. */
    removeArticle(uri: string): void {
      workspace.remove(uri);
      disposeState(uri);
    },

    /**
     * Forgets every indexed article under a folder URI (a deleted or removed folder: file watchers
     * report the folder, not each file in it), with everything kept for them. Returns how many.
     */
    removeArticlesUnder(folderUri: string): number {
      const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
      // Asked for every deleted name (any may be a folder): a pass over the articles only when one lies under it.
      const gone = workspace.hasArticlesUnder(folderUri) ? [...workspace.uris()].filter((uri) => uri.startsWith(prefix)) : [];
      for (const uri of gone) workspace.remove(uri);
      for (const uri of [...states.keys()]) if (uri.startsWith(prefix)) disposeState(uri);
      return gone.length;
    },

    /** Why the document gets only the light analyses, if it does. */
    getLimitedReason(document: ArticleDocument, settings?: ArticleSettings): LimitedReason | undefined {
      return limitedReasonOf(document, document.getText(), settingsFor(document, settings));
    },

    /** Entity mentions to colour, optionally only those touching `range`. */
    getEntities(document: ArticleDocument, range?: OffsetRange, settings?: ArticleSettings, token?: CancellationSignal): readonly EntityMention[] {
      const { entities } = analyze(document, settings, token);
      if (!range) return entities;
      return entities.filter((e) => overlaps(e, range));
    },

    /**
     * True when {@link getEntitiesQuickly} of the whole document would have to run the full analysis
     * (nothing of this document analysed yet): a server awaits the staged analysis instead, up to its
     * entities (`hasEntities`), rather than running it in one piece in a request handler.
     */
    entitiesNeedAnalysis(document: ArticleDocument, settings?: ArticleSettings): boolean {
      const effective = settingsFor(document, settings);
      const state = states.get(document.uri);
      if (!state) return limitedReasonOf(document, document.getText(), effective) === undefined;
      const key = keyOf(document, effective);
      if (state.analysis || state.entities?.key === key || state.provisional) return false;
      return limitedReasonOf(document, document.getText(), effective) === undefined;
    },

    /**
     * Entities to colour while the user types: exact when this version is analysed, otherwise the
     * previous version's entities carried over the edit with the edited paragraphs recognised again
     * (`exact: false`; {@link settle} later says whether the full analysis disagreed). Costs one
     * paragraph, not the document, so a range request right after a keystroke stays fast.
     */
    getEntitiesQuickly(document: ArticleDocument, range?: OffsetRange, settings?: ArticleSettings, token?: CancellationSignal): { entities: readonly EntityMention[]; exact: boolean; firstPaint?: boolean } {
      const effective = settingsFor(document, settings);
      const state = stateOf(document.uri);
      const key = keyOf(document, effective);
      const cached = state.analysis;
      const base = state.provisional;
      const inRange = (entities: readonly EntityMention[]) => (range ? entities.filter((e) => overlaps(e, range)) : entities);
      if (cached?.key === key) return { entities: inRange(cached.analysis.entities), exact: true };
      if (state.entities?.key === key) return { entities: inRange(state.entities.entities), exact: true };
      if (base?.key === key) return { entities: provisionalEntitiesIn(base.entities, range), exact: false };
      if (token?.isCancellationRequested) throw new AnalysisCancelled();
      const text = document.getText();
      const limited = limitedReasonOf(document, text, effective);
      if (limited !== undefined) return { entities: inRange(analyze(document, effective, token).entities), exact: true };
      let entities: ProvisionalEntities;
      if (cached && cached.analysis.text === text) {
        // Same text, other annotations or settings: the machine's entities stand, people's input is
        // applied again. (After learning they are the earlier model's until the full analysis settles.)
        const input = contextOf(document.uri).input;
        entities = provisionalFromAnalysis({ ...cached.analysis, entities: applyEntityInput(text, cached.analysis.recognized, input, resources.shippedLabels) });
      } else {
        const from = cached && (!base || cached.version > base.version) ? provisionalFromAnalysis(cached.analysis) : base?.entities;
        if (!from) {
          if (range && text.length >= FIRST_PAINT_MIN_LENGTH) {
            // A large document just opened: colour what is on screen now, from its own paragraphs; the
            // full analysis follows (settle), and the client is asked to refresh when it is there.
            state.firstPaint = key;
            const { paragraphs } = state.analyzer.paragraphLayer(text);
            return { entities: inRange(entitiesOfParagraphsIn(text, paragraphs, range, recognizeIn(document.uri))), exact: false, firstPaint: true };
          }
          return { entities: inRange(analyze(document, effective, token).entities), exact: true };
        }
        entities = updateProvisionalEntities(from, text, recognizeIn(document.uri));
      }
      state.provisional = { key, version: document.version, entities };
      return { entities: provisionalEntitiesIn(entities, range), exact: false };
    },

    /**
     * Runs the full analysis of the document's version (if not done yet) and drops the provisional
     * entities. True when entities served provisionally for this very version differ from the full
     * analysis, i.e. when the client's semantic tokens need a refresh.
     */
    settle(document: ArticleDocument, settings?: ArticleSettings, token?: CancellationSignal): boolean {
      if (token?.isCancellationRequested) throw new AnalysisCancelled();
      return finish(settleInStages(document, settings));
    },

    /**
     * {@link settle}, pausing between the analysis's stages (sentences, tagging, entity clean-up,
     * quotes, actors) so the caller can answer a keystroke in between, and drop the rest when the
     * document changed: a large article's full analysis then holds the editor for one stage at a
     * time, not for all.
     */
    settleInStages,

    /** The actor under the cursor, with what the workspace knows of them. */
    getActorCard(document: ArticleDocument, offset: number, settings?: ArticleSettings, token?: CancellationSignal): ActorCard | undefined {
      const { actors } = analyze(document, settings, token);
      const hit = actorAt(actors, offset);
      if (!hit) return undefined;
      const { references, total } = workspace.findFirstReferences(hit.actor, document.uri, ACTOR_CARD_ARTICLES);
      const profile = workspace.actorProfile(hit.actor, document.uri, ACTOR_CARD_RELEVANT);
      return { actor: hit.actor, mention: hit.mention, elsewhere: references, elsewhereCount: total, ...(profile ? { profile } : {}) };
    },

    /** One person spelled two ways in an analysis (the CLI's `name-variant` lines), without keeping anything. */
    nameVariantsOf(analysis: Pick<ArticleAnalysis, 'actors'>): NameVariant[] {
      return findNameVariants(analysis.actors, resources.names);
    },

    /**
     * The author credited at `offset` (a byline name, `X contributed reporting`): not an actor of the
     * article, the hover says who wrote it.
     */
    getAuthorAt(document: ArticleDocument, offset: number, settings?: ArticleSettings, token?: CancellationSignal): { readonly name: string; readonly range: OffsetRange } | undefined {
      const { furniture } = analyze(document, settings, token);
      for (const region of furniture) {
        if (offset < region.start || offset > region.end) continue;
        const author = region.authors.find((a) => a.start <= offset && offset <= a.end);
        if (author) return { name: author.text, range: { start: author.start, end: author.end } };
      }
      return undefined;
    },

    /** Repeated paragraphs, each with the first copy. */
    getDuplicateParagraphs(document: ArticleDocument, settings?: ArticleSettings, token?: CancellationSignal): readonly DuplicateParagraph[] {
      if (token?.isCancellationRequested) throw new AnalysisCancelled();
      return paragraphLayer(document, settings).duplicates;
    },

    /**
     * The deletions that remove repeated paragraphs: the one starting at `paragraphStart`, or all of
     * them when it is undefined. Empty when the offset names no repeated paragraph.
     */
    getDuplicateRemovals(document: ArticleDocument, paragraphStart?: number, settings?: ArticleSettings): OffsetRange[] {
      return this.getDuplicateFix(document, paragraphStart === undefined ? { kind: 'all' } : { kind: 'remove', start: paragraphStart }, settings);
    },

    /**
     * The deletions of a duplicate fix: remove one repeat, keep it and remove the copy it repeats
     * instead, or remove every repeat fix-all may remove. Empty when the offset names no repeat.
     */
    getDuplicateFix(document: ArticleDocument, fix: DuplicateFix, settings?: ArticleSettings): OffsetRange[] {
      const layer = paragraphLayer(document, settings);
      return duplicateFixRanges(document.getText(), layer.paragraphs, layer.duplicates, fix);
    },

    /**
     * Page furniture of the document: bylines (with their authors), teasers, related-story lists,
     * share and comment lines, credits. Found from the paragraphs alone, so diagnostics can show it
     * while the user types.
     */
    getPageFurniture(document: ArticleDocument, settings?: ArticleSettings, token?: CancellationSignal): readonly FurnitureRegion[] {
      if (token?.isCancellationRequested) throw new AnalysisCancelled();
      return furnitureOf(document, settings).furniture;
    },

    /**
     * The deletions that remove page furniture: the region starting at `regionStart`, or all of it
     * when undefined. Exactly the furniture paragraphs go, with their separators, nothing else (of a region
     * that is the start of its paragraph, exactly that start: `pageFurniture/removal.ts`).
     */
    getFurnitureRemovals(document: ArticleDocument, regionStart?: number, settings?: ArticleSettings): OffsetRange[] {
      const { layer, furniture } = furnitureOf(document, settings);
      // One region by a binary search (regions are in text order): a code action over a whole document of
      // thousands of bylines asks for each one's removal, and a scan per region made that quadratic.
      const region = regionStart === undefined ? undefined : furnitureAt(furniture, regionStart);
      const regions = regionStart === undefined ? furniture : region?.start === regionStart ? [region] : [];
      return furnitureRemovalRanges(document.getText(), layer.paragraphs, regions, new Map());
    },

    /**
     * The deletions of "fix all": every repeat fix-all may remove and all page furniture, each only
     * while its diagnostic is on, as one set of edits (two sets would conflict: the second would be
     * computed for a text the first has changed).
     */
    getFixAllRemovals(document: ArticleDocument, settings: ArticleSettings = DEFAULT_SETTINGS): OffsetRange[] {
      const { layer, furniture } = furnitureOf(document, settings);
      const regions = settings.pageFurniture.severity !== 'off' ? furniture : [];
      // Repeats first: a repeated paragraph goes whole, even when its start is furniture.
      const repeats = new Map<number, Paragraph>();
      if (settings.duplicateParagraphs.severity !== 'off') {
        const wholeFurniture = new Set(regions.filter((r) => !isPartOfParagraph(r)).flatMap((r) => r.paragraphs.map((p) => p.index)));
        // Asked at every code-action request: the repeats are found again once per version (and furniture).
        const key = [...wholeFurniture].join(',');
        let known = fixAllRepeats.get(layer.duplicates);
        if (known?.key !== key) fixAllRepeats.set(layer.duplicates, (known = { key, repeats: repeatsRemovedWith(document.getText(), layer.paragraphs, layer.duplicates, wholeFurniture, resources.knownWords, (p) => stateOf(document.uri).analyzer.signatureOf(p)) }));
        for (const p of known.repeats) repeats.set(p.index, p);
      }
      return furnitureRemovalRanges(document.getText(), layer.paragraphs, regions, repeats);
    },

    /** The quotes grouped by speaker, in order of each speaker's first quote. */
    getQuoteOutline(document: ArticleDocument, settings?: ArticleSettings, token?: CancellationSignal): QuoteOutline {
      const analysis = analyze(document, settings, token);
      // The outline is asked for again and again (outline view, breadcrumbs): once per analysis.
      const known = outlines.get(analysis);
      if (known) return known;
      const speakers = quoteSpeakers(analysis.quotes, analysis.actors);
      const groups = new Map<string, { actor?: Actor; label: string; quotes: Quote[] }>();
      const unattributed: Quote[] = [];
      for (const quote of analysis.quotes) {
        const speaker = speakers.get(quote);
        if (!speaker) {
          unattributed.push(quote);
          continue;
        }
        const groupKey = speaker.actor?.key ?? `label:${speaker.label.toLowerCase()}`;
        let group = groups.get(groupKey);
        if (!group) groups.set(groupKey, (group = { actor: speaker.actor, label: speaker.label, quotes: [] }));
        group.quotes.push(quote);
      }
      const outline = { speakers: [...groups.values()], unattributed };
      outlines.set(analysis, outline);
      return outline;
    },

    /** Articles known to the workspace index. */
    get workspaceSize(): number {
      return workspace.size;
    },
  });
}

/** The language service's type, for the LSP layer. */
export type ArticleService = ReturnType<typeof createArticleService>;

/**
 * Why a text gets only part of the analysis (binary, too many lines, or longer than `maxFileSize`), if it
 * does. `tooManyLines`: a cached count of the same text's lines (an open document's), if there is one.
 */
export function limitedReason(text: string, settings: ArticleSettings, tooManyLines: (text: string) => boolean = hasTooManyLines): LimitedReason | undefined {
  if (looksBinary(text)) return 'binary';
  if (tooManyLines(text)) return 'too-many-lines';
  if (text.length > settings.maxFileSize) return 'too-large';
  return undefined;
}

/** More lines than {@link MAX_ANALYSED_LINES}, counted as editors count them: one more than the line breaks. */
export function hasTooManyLines(text: string): boolean {
  return text.length >= MAX_ANALYSED_LINES && hasMoreLineBreaks(text, MAX_ANALYSED_LINES - 1);
}

/**
 * What a partial analysis leaves out, said the same way by the editor and the command line; `limit` names
 * the size limit as the reader knows it (the setting in the editor, the figure on the command line).
 */
export function limitedAnalysisMessage(reason: LimitedReason, limit: string): string {
  if (reason === 'binary') return 'this file looks binary (it contains NUL or control characters), so it is not analysed.';
  if (reason === 'too-many-lines') return `this file has more than ${MAX_ANALYSED_LINES.toLocaleString('en')} lines, so it is not analysed (VS Code turns off its own language features at that many lines too).`;
  return `this file is larger than ${limit}: entities, quotes and actors are not recognised; repeated paragraphs still are.`;
}

/** A C0 control character other than tab, line feed, form feed and carriage return (NUL included). */
const CONTROL_CHARACTER = /[\x00-\x08\x0B\x0E-\x1F]/;

/** A NUL in the first 8 KB, or many other control characters, marks a binary file. */
export function looksBinary(text: string): boolean {
  const sample = Math.min(text.length, 8192);
  // Almost every article has none of the control characters counted below: one scan by the regular
  // expression engine says so. (The loop alone, its `control` branch never taken, was optimised and
  // thrown away again on nearly every call: 230 deoptimisations over the 840 PolNeAR train articles.)
  if (!CONTROL_CHARACTER.test(sample === text.length ? text : text.slice(0, sample))) return false;
  let control = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return sample > 0 && control / sample > 0.1;
}

/** Paragraphs and repeated paragraphs of a text, for a one-off analysis. */
function paragraphsOf(text: string, words: KnownWords): ParagraphLayer {
  const paragraphs = splitParagraphs(text);
  return { paragraphs, duplicates: findDuplicateParagraphs(paragraphs, words) };
}

/** Two mentions that colour the same: same range, type, and review state. */
function sameMention(a: EntityMention, b: EntityMention): boolean {
  return a.start === b.start && a.end === b.end && a.type === b.type && a.confirmed === b.confirmed && a.label === b.label;
}
