import { actorAt, type Actor } from './actors';
import { analyzeArticle, type ArticleAnalysis } from './analysis';
import { paragraphRemovalRanges, type DuplicateParagraph } from './duplicateParagraphs';
import { loadDefaultRecognizer } from './ner';
import { DEFAULT_SETTINGS, type ArticleSettings } from './settings';
import type { EntityMention, EntityRecognizer, OffsetRange, Quote } from './types';
import { summarizeArticle, WorkspaceIndex, type ArticleReference } from './workspaceIndex';

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
  /** The mention under the cursor. */
  readonly mention: EntityMention;
  /** Other articles of the workspace that mention the actor. */
  readonly elsewhere: readonly ArticleReference[];
}

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

  /** Full analysis, or the light one for oversized files, or none at all for binary files. */
  function analyzeWithin(text: string, settings: ArticleSettings): ArticleAnalysis {
    const reason = limitedReason(text, settings);
    if (reason === 'binary') return { text, paragraphs: [], sentences: [], entities: [], quotes: [], actors: [], duplicates: [] };
    return analyzeArticle(text, reason === 'too-large' ? NO_ENTITIES : recognizer);
  }

  function analyze(document: ArticleDocument, settings: ArticleSettings = DEFAULT_SETTINGS, token: CancellationSignal = NEVER_CANCELLED): ArticleAnalysis {
    const cached = cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    if (token.isCancellationRequested) throw new AnalysisCancelled();
    const text = document.getText();
    const analysis = analyzeWithin(text, settings);
    cache.set(document.uri, { version: document.version, analysis });
    workspace.update(summarizeArticle(document.uri, text, analysis.actors));
    return analysis;
  }

  return Object.freeze({
    analyze,

    /** Drops the cached analysis of a closed document; its workspace summary stays while the file exists. */
    forget(uri: string): void {
      cache.delete(uri);
    },

    /** Indexes an article that is not open (workspace scan), without keeping its full analysis. */
    indexArticle(uri: string, text: string, settings: ArticleSettings = DEFAULT_SETTINGS): void {
      const analysis = analyzeWithin(text, settings);
      workspace.update(summarizeArticle(uri, text, analysis.actors));
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

    /** The actor under the cursor, with what the workspace knows of them. */
    getActorCard(document: ArticleDocument, offset: number, settings?: ArticleSettings, token?: CancellationSignal): ActorCard | undefined {
      const { actors } = analyze(document, settings, token);
      const hit = actorAt(actors, offset);
      if (!hit) return undefined;
      return { actor: hit.actor, mention: hit.mention, elsewhere: workspace.findReferences(hit.actor, document.uri) };
    },

    /** Repeated paragraphs, each with the first copy. */
    getDuplicateParagraphs(document: ArticleDocument, settings?: ArticleSettings, token?: CancellationSignal): readonly DuplicateParagraph[] {
      return analyze(document, settings, token).duplicates;
    },

    /**
     * The deletions that remove repeated paragraphs: the one starting at `paragraphStart`, or all of
     * them when it is undefined. Empty when the offset names no repeated paragraph.
     */
    getDuplicateRemovals(document: ArticleDocument, paragraphStart?: number, settings?: ArticleSettings): OffsetRange[] {
      const analysis = analyze(document, settings);
      const chosen = analysis.duplicates.filter((d) => paragraphStart === undefined || d.duplicate.start === paragraphStart).map((d) => d.duplicate);
      if (chosen.length === 0) return [];
      return paragraphRemovalRanges(analysis.text, analysis.paragraphs, chosen);
    },

    /** The quotes grouped by speaker, in order of each speaker's first quote. */
    getQuoteOutline(document: ArticleDocument, settings?: ArticleSettings, token?: CancellationSignal): QuoteOutline {
      const { quotes, actors } = analyze(document, settings, token);
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
      return { speakers: [...groups.values()], unattributed };
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
