import { createActorNavigation } from './actorNavigation';
import { actorAt, type Actor, type ActorMention } from './actors';
import { analyzeArticle, type ArticleAnalysis } from './analysis';
import { paragraphRemovalRanges, type DuplicateParagraph } from './duplicateParagraphs';
import { entitiesOfParagraphsIn, IncrementalAnalyzer, provisionalEntitiesIn, provisionalFromAnalysis, updateProvisionalEntities, type ParagraphLayer, type ProvisionalEntities } from './incrementalAnalysis';
import { loadDefaultRecognizer } from './ner';
import { DEFAULT_SETTINGS, type ArticleSettings } from './settings';
import { finish, type Staged } from './stages';
import type { EntityMention, EntityRecognizer, OffsetRange, Quote } from './types';
import { summarizeArticle, WorkspaceIndex, type ArticleReference, type ArticleSummary } from './workspaceIndex';

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
}

/** At most this many other articles on an actor card (the hover lists ten and counts the rest). */
export const ACTOR_CARD_ARTICLES = 10;

/** A speaker and the quotes attributed to them, for the outline. */
export interface SpeakerQuotes {
  /** The actor, when the attribution names one we recognised. */
  readonly actor?: Actor;
  /** How the outline names the speaker: the actor's name or the attribution's words (`the two sides`). */
  readonly label: string;
  readonly quotes: readonly Quote[];
}

/** Why a document got only the light analyses. */
export type LimitedReason = 'binary' | 'too-large';

/** The quote outline: attributed quotes by speaker, then quotes without a speaker. */
export interface QuoteOutline {
  readonly speakers: readonly SpeakerQuotes[];
  readonly unattributed: readonly Quote[];
}

export interface ArticleServiceOptions {
  readonly recognizer?: EntityRecognizer;
}

const NEVER_CANCELLED: CancellationSignal = { isCancellationRequested: false };

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
 * Creates the article language service: every feature as a function of (document, offset?, settings?),
 * with the analysis of each document version cached and a workspace index of actors. It has no
 * connection and no `vscode` import, so tests and the CLI use it as the server does.
 */
export function createArticleService(options: ArticleServiceOptions = {}) {
  const recognizer = options.recognizer ?? loadDefaultRecognizer();
  const cache = new Map<string, { version: number; analysis: ArticleAnalysis }>();
  const workspace = new WorkspaceIndex();
  /** Per open document: caches by paragraph and sentence that survive edits (`incrementalAnalysis.ts`). */
  const analyzers = new Map<string, IncrementalAnalyzer>();
  /** Quote outlines by the analysis they were grouped from. */
  const outlines = new WeakMap<ArticleAnalysis, QuoteOutline>();
  /** Per open document: entities of a version typed since the last full analysis. */
  const provisional = new Map<string, { version: number; entities: ProvisionalEntities }>();
  /** Per open document: the version whose visible paragraphs were shown before its full analysis (see getEntitiesQuickly). */
  const firstPaints = new Map<string, number>();

  function analyzerFor(uri: string): IncrementalAnalyzer {
    let analyzer = analyzers.get(uri);
    if (!analyzer) analyzers.set(uri, (analyzer = new IncrementalAnalyzer(recognizer)));
    return analyzer;
  }

  /** Full analysis, or the light one for oversized files, or none at all for binary files. */
  function analyzeWithin(text: string, settings: ArticleSettings, analyzer?: IncrementalAnalyzer): ArticleAnalysis {
    const reason = limitedReason(text, settings);
    if (reason === 'binary') return { text, paragraphs: [], sentences: [], entities: [], quotes: [], actors: [], duplicates: [] };
    if (reason === undefined && analyzer) return analyzer.analyze(text);
    return analyzeArticle(text, reason === 'too-large' ? NO_ENTITIES : recognizer);
  }

  /** Paragraphs and duplicates of the document version, without the rest of the analysis. */
  function paragraphLayer(document: ArticleDocument, settings: ArticleSettings = DEFAULT_SETTINGS): ParagraphLayer {
    const cached = cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const text = document.getText();
    if (limitedReason(text, settings) === 'binary') return { paragraphs: [], duplicates: [] };
    return analyzerFor(document.uri).paragraphLayer(text);
  }

  function analyze(document: ArticleDocument, settings: ArticleSettings = DEFAULT_SETTINGS, token: CancellationSignal = NEVER_CANCELLED): ArticleAnalysis {
    const cached = cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    if (token.isCancellationRequested) throw new AnalysisCancelled();
    return finish(analyzeInStages(document, settings));
  }

  /**
   * {@link analyze} pausing between its stages. A request that analyses the same version while this
   * is paused (synchronously, with {@link analyze}) is taken up: the rest is not done twice.
   */
  function* analyzeInStages(document: ArticleDocument, settings: ArticleSettings = DEFAULT_SETTINGS): Staged<ArticleAnalysis> {
    const { uri, version } = document;
    const cached = cache.get(uri);
    if (cached && cached.version === version) return cached.analysis;
    const text = document.getText();
    let analysis: ArticleAnalysis;
    if (limitedReason(text, settings) === undefined) {
      const stages = analyzerFor(uri).analyzeInStages(text);
      for (;;) {
        const step = stages.next();
        if (step.done) {
          analysis = step.value;
          break;
        }
        yield;
        const meanwhile = cache.get(uri);
        if (meanwhile && meanwhile.version === version) return meanwhile.analysis;
      }
    } else {
      analysis = analyzeWithin(text, settings);
    }
    cache.set(uri, { version, analysis });
    workspace.update(summarizeArticle(uri, text, analysis.actors, analysis.quotes));
    return analysis;
  }

  function* settleInStages(document: ArticleDocument, settings?: ArticleSettings): Staged<boolean> {
    const { uri, version } = document;
    const served = provisional.get(uri);
    const { entities } = yield* analyzeInStages(document, settings);
    // Provisional entities of a newer version (typed while this was paused) stay.
    if (provisional.get(uri)?.version === served?.version) provisional.delete(uri);
    // Tokens shown from the visible paragraphs alone: the client fetches the exact ones.
    const painted = firstPaints.delete(uri);
    if (!served || served.version !== version) return painted;
    const guess = served.entities.entities;
    return guess.length !== entities.length || guess.some((e, i) => e.start !== entities[i].start || e.end !== entities[i].end || e.type !== entities[i].type);
  }

  return Object.freeze({
    analyze,
    // Definition, references, highlights, rename, workspace symbols, speaker hints, name variants.
    ...createActorNavigation({ analyze, workspace, isAnalysed: (d) => cache.get(d.uri)?.version === d.version }),

    /** Drops the cached analysis of a closed document; its workspace summary stays while the file exists. */
    forget(uri: string): void {
      cache.delete(uri);
      analyzers.delete(uri);
      provisional.delete(uri);
      firstPaints.delete(uri);
    },

    /** Indexes an article that is not open (workspace scan), without keeping its full analysis. */
    indexArticle(uri: string, text: string, settings: ArticleSettings = DEFAULT_SETTINGS): void {
      const analysis = analyzeWithin(text, settings);
      workspace.update(summarizeArticle(uri, text, analysis.actors, analysis.quotes));
    },

    /** The workspace summary of an article, without indexing it (a scan worker computes it off the main thread). */
    summarizeArticle(uri: string, text: string, settings: ArticleSettings = DEFAULT_SETTINGS): ArticleSummary {
      const analysis = analyzeWithin(text, settings);
      return summarizeArticle(uri, text, analysis.actors, analysis.quotes);
    },

    /** Adds a summary computed elsewhere (by {@link summarizeArticle} in a scan worker) to the workspace index. */
    addSummary(summary: ArticleSummary): void {
      workspace.update(summary);
    },

    /** Removes a deleted article from the workspace index. */
    removeArticle(uri: string): void {
      cache.delete(uri);
      workspace.remove(uri);
    },

    /** Why the document gets only the light analyses, if it does. */
    getLimitedReason(document: ArticleDocument, settings: ArticleSettings = DEFAULT_SETTINGS): LimitedReason | undefined {
      return limitedReason(document.getText(), settings);
    },

    /** Entity mentions to colour, optionally only those touching `range`. */
    getEntities(document: ArticleDocument, range?: OffsetRange, settings?: ArticleSettings, token?: CancellationSignal): readonly EntityMention[] {
      const { entities } = analyze(document, settings, token);
      if (!range) return entities;
      return entities.filter((e) => e.end > range.start && e.start < range.end);
    },

    /**
     * Entities to colour while the user types: exact when this version is analysed, otherwise the
     * previous version's entities carried over the edit with the edited paragraphs recognised again
     * (`exact: false`; {@link settle} later says whether the full analysis disagreed). Costs one
     * paragraph, not the document, so a range request right after a keystroke stays fast.
     */
    getEntitiesQuickly(document: ArticleDocument, range?: OffsetRange, settings: ArticleSettings = DEFAULT_SETTINGS, token?: CancellationSignal): { entities: readonly EntityMention[]; exact: boolean; firstPaint?: boolean } {
      const cached = cache.get(document.uri);
      const base = provisional.get(document.uri);
      const inRange = (entities: readonly EntityMention[]) => (range ? entities.filter((e) => e.end > range.start && e.start < range.end) : entities);
      if (cached?.version === document.version) return { entities: inRange(cached.analysis.entities), exact: true };
      if (base?.version === document.version) return { entities: provisionalEntitiesIn(base.entities, range), exact: false };
      if (token?.isCancellationRequested) throw new AnalysisCancelled();
      const text = document.getText();
      const from = cached && (!base || cached.version > base.version) ? provisionalFromAnalysis(cached.analysis) : base?.entities;
      const limited = limitedReason(text, settings);
      if (!from && range && limited === undefined && text.length >= FIRST_PAINT_MIN_LENGTH) {
        // A large document just opened: colour what is on screen now, from its own paragraphs; the
        // full analysis follows (settle), and the client is asked to refresh when it is there.
        firstPaints.set(document.uri, document.version);
        const { paragraphs } = analyzerFor(document.uri).paragraphLayer(text);
        return { entities: inRange(entitiesOfParagraphsIn(text, paragraphs, range, recognizer)), exact: false, firstPaint: true };
      }
      if (!from || limited !== undefined) return { entities: inRange(analyze(document, settings, token).entities), exact: true };
      const entities = updateProvisionalEntities(from, text, recognizer);
      provisional.set(document.uri, { version: document.version, entities });
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
      return { actor: hit.actor, mention: hit.mention, elsewhere: references, elsewhereCount: total };
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
      const layer = paragraphLayer(document, settings);
      const chosen = layer.duplicates.filter((d) => paragraphStart === undefined || d.duplicate.start === paragraphStart).map((d) => d.duplicate);
      if (chosen.length === 0) return [];
      return paragraphRemovalRanges(document.getText(), layer.paragraphs, chosen);
    },

    /** The quotes grouped by speaker, in order of each speaker's first quote. */
    getQuoteOutline(document: ArticleDocument, settings?: ArticleSettings, token?: CancellationSignal): QuoteOutline {
      const analysis = analyze(document, settings, token);
      // The outline is asked for again and again (outline view, breadcrumbs): once per analysis.
      const known = outlines.get(analysis);
      if (known) return known;
      const { quotes, actors } = analysis;
      const ownerOf = new Map<Quote, Actor>();
      for (const actor of actors) for (const quote of actor.quotes) ownerOf.set(quote, actor);
      const groups = new Map<string, { actor?: Actor; label: string; quotes: Quote[] }>();
      const unattributed: Quote[] = [];
      for (const quote of quotes) {
        const actor = ownerOf.get(quote);
        const label = actor?.name ?? quote.attribution?.resolved?.text ?? quote.attribution?.mention.text;
        if (!label) {
          unattributed.push(quote);
          continue;
        }
        const groupKey = actor?.key ?? `label:${label.toLowerCase()}`;
        let group = groups.get(groupKey);
        if (!group) groups.set(groupKey, (group = { actor, label, quotes: [] }));
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

/** A recogniser that finds nothing: the light analysis of binary or oversized files. */
const NO_ENTITIES: EntityRecognizer = { name: 'none', recognize: () => [] };

function limitedReason(text: string, settings: ArticleSettings): LimitedReason | undefined {
  if (looksBinary(text)) return 'binary';
  if (text.length > settings.maxFileSize) return 'too-large';
  return undefined;
}

/** A NUL in the first 8 KB, or many other control characters, marks a binary file. */
export function looksBinary(text: string): boolean {
  const sample = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return sample > 0 && control / sample > 0.1;
}
