import { newAnnotationId } from '../annotationStore/annotationFiles';
import type { AnnotationInput } from '../core/annotationInput';
import type { ArticleAnalysis } from '../core/analysis';
import { withDecision } from '../core/annotations/decisions';
import { REVIEW_STATES, type ArticleAnnotations, type ReviewState } from '../core/annotations/model';
import { createAnnotation, setReviewState, type Outcome } from '../core/annotations/operations';
import { acceptableSuggestions, reviewCounts } from '../core/annotations/review';
import { REVIEW_COMMANDS, type ReviewSummary } from '../protocol';
import { actorFor, argumentObject, CommandError, stringField, type CommandHost } from './annotationCommands';

/**
 * Review (issue 13): an article's counts and state for the status item, *Accept All Suggestions in
 * Paragraph / Article*, and the review state command (the views that list articles show the state the
 * command stores: it reaches the workspace index in the article's annotation digest).
 */

/** The review summary of an open article from its analysis, the input it applied and its annotations. */
export function reviewSummary(uri: string, analysis: Pick<ArticleAnalysis, 'text' | 'entities'>, input: AnnotationInput, annotations: ArticleAnnotations): ReviewSummary {
  return { uri, state: annotations.reviewState, ...reviewCounts(analysis, input) };
}

function fail(message: string): never {
  throw new CommandError(message);
}

/** `articleLens.annotation.acceptAll`: confirms the suggestions of the article or of the paragraph at `position`; returns how many. */
export async function acceptAllCommand(host: CommandHost, args: unknown[] | undefined): Promise<{ accepted: number }> {
  const where = REVIEW_COMMANDS.acceptAll;
  const params = argumentObject(where, args);
  const uri = stringField(params, 'uri', where);
  const scope = params.scope;
  if (scope !== 'article' && scope !== 'paragraph') fail(`${where}: "scope" must be "article" or "paragraph"`);
  const document = host.document(uri);
  const positions = host.positionsOf(uri);
  if (!document || !positions) fail(`${where}: ${uri} is not open: open the article first`);
  const version = document.version;
  const analysis = await host.analysis(uri);
  if (!analysis) fail(`${where}: ${uri} is not open: open the article first`);
  let within: { start: number; end: number } | undefined;
  if (scope === 'paragraph') {
    const position = params.position as { line?: unknown; character?: unknown } | undefined;
    if (!position || !Number.isInteger(position.line) || !Number.isInteger(position.character)) fail(`${where}: "position" { line, character } is needed for the paragraph scope`);
    const offset = positions.offsetAt(position as { line: number; character: number });
    within = analysis.paragraphs.find((p) => p.start <= offset && offset <= p.end);
    if (!within) return { accepted: 0 };
  }
  const suggestions = acceptableSuggestions(analysis.entities, within);
  if (suggestions.length === 0) return { accepted: 0 };
  const actor = await actorFor(host, uri);
  const outcome = await host.layer.update(uri, (article, text): Outcome<ArticleAnnotations> => {
    if (host.document(uri)?.version !== version) return { ok: false, message: 'the article changed while its suggestions were being accepted: try again' };
    let next = article;
    for (const entity of suggestions) {
      const made = createAnnotation(text, [entity], { kind: 'confirm', label: entity.label ?? entity.type }, newAnnotationId(), actor);
      if (!made.ok) return made;
      next = withDecision(next, made.value);
    }
    return { ok: true, value: next };
  });
  if (!outcome.ok) fail(outcome.message);
  return { accepted: suggestions.length };
}

/** `articleLens.annotation.setReviewState`. */
export async function setReviewStateCommand(host: CommandHost, args: unknown[] | undefined): Promise<null> {
  const where = REVIEW_COMMANDS.setReviewState;
  const params = argumentObject(where, args);
  const uri = stringField(params, 'uri', where);
  const state = params.state as ReviewState;
  if (!REVIEW_STATES.includes(state)) fail(`${where}: "state" must be one of ${REVIEW_STATES.join(', ')}`);
  if (!host.document(uri)) fail(`${where}: ${uri} is not open: open the article first`);
  const outcome = await host.layer.update(uri, (article) => ({ ok: true, value: setReviewState(article, state) }));
  if (!outcome.ok) fail(outcome.message);
  return null;
}

/**
 * The review summaries last sent for open articles: a summary goes to the client only when it changed
 * (every settled analysis would send one otherwise). Registered with the open documents, released at close.
 */
export class ReviewNotices {
  private readonly sent = new Map<string, string>();

  constructor(private readonly send: (summary: ReviewSummary) => void) {}

  /** Sends the summary if it differs from the last one sent for its article. */
  update(summary: ReviewSummary): void {
    const key = JSON.stringify(summary);
    if (this.sent.get(summary.uri) === key) return;
    this.sent.set(summary.uri, key);
    this.send(summary);
  }

  delete(uri: string): void {
    this.sent.delete(uri);
  }
}
