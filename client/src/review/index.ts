import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ARTICLE_LANGUAGE_ID,
  REVIEW_COMMANDS,
  ReviewSummaryNotification,
  ReviewSummaryRequest,
  type AcceptAllParams,
  type ArticleReviewState,
  type CompareResult,
  type ReviewSummary,
} from '../../../server/src/protocol';
import { AnnotationServer } from '../annotations/server';

/**
 * Review, learning and curation in VS Code (issue 13): the review status item (counts and state of the
 * active article, computed by the server), *Accept All Suggestions in Paragraph / Article*, the review
 * state commands, *Compare with Annotations in…* and *Reset Learned Corrections*. Each command asks what
 * it must and calls the server.
 */
export function registerReview(context: vscode.ExtensionContext, client: LanguageClient): void {
  const server = new AnnotationServer(client);
  const status = new ReviewStatus(client);
  const active = (): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === ARTICLE_LANGUAGE_ID) return editor;
    void vscode.window.showInformationMessage('Article Lens: open an article first.');
    return undefined;
  };
  const acceptAll = (scope: AcceptAllParams['scope']) => async () => {
    const editor = active();
    if (!editor) return;
    const params: AcceptAllParams = { uri: editor.document.uri.toString(), scope, ...(scope === 'paragraph' ? { position: server.asLspRange(editor.selection).start } : {}) };
    const result = await server.run<{ accepted: number }>(REVIEW_COMMANDS.acceptAll, params);
    if (result) vscode.window.setStatusBarMessage(`Article Lens: ${result.accepted} suggestion${result.accepted === 1 ? '' : 's'} accepted`, 4000);
  };
  const setState = (state: ArticleReviewState) => async () => {
    const editor = active();
    if (editor) await server.run(REVIEW_COMMANDS.setReviewState, { uri: editor.document.uri.toString(), state });
  };
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand('articleLens.review.acceptAllInParagraph', acceptAll('paragraph')),
    vscode.commands.registerCommand('articleLens.review.acceptAllInArticle', acceptAll('article')),
    vscode.commands.registerCommand('articleLens.review.markUnreviewed', setState('unreviewed')),
    vscode.commands.registerCommand('articleLens.review.markInProgress', setState('in-progress')),
    vscode.commands.registerCommand('articleLens.review.markReviewed', setState('reviewed')),
    vscode.commands.registerCommand('articleLens.review.setState', async () => {
      const editor = active();
      if (!editor) return;
      const states: Array<vscode.QuickPickItem & { state: ArticleReviewState }> = [
        { label: '$(circle-large-outline) Unreviewed', state: 'unreviewed' },
        { label: '$(circle-large-filled) In progress', state: 'in-progress' },
        { label: '$(pass-filled) Reviewed', state: 'reviewed' },
      ];
      const picked = await vscode.window.showQuickPick(states, { placeHolder: 'Review state of this article' });
      if (picked) await setState(picked.state)();
    }),
    vscode.commands.registerCommand('articleLens.review.compare', async () => {
      const folders = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Compare', title: 'Another annotator’s annotations (their workspace copy, or brat files)' });
      if (!folders?.[0]) return;
      const result = await server.run<CompareResult>(REVIEW_COMMANDS.compare, { folder: folders[0].toString() });
      if (!result) return;
      const problems = result.problems.length > 0 ? ` ${result.problems.length} file(s) could not be read: ${result.problems[0]}` : '';
      void vscode.window.showInformationMessage(`Article Lens: ${result.disagreements} disagreement${result.disagreements === 1 ? '' : 's'} in ${result.articles} open article${result.articles === 1 ? '' : 's'} (see Problems; quick fixes: Keep mine / Take theirs).${problems}`);
    }),
    vscode.commands.registerCommand('articleLens.review.stopComparing', () => server.run(REVIEW_COMMANDS.compare, { folder: null })),
    vscode.commands.registerCommand('articleLens.learning.resetLearnedCorrections', async () => {
      const reset = 'Reset';
      const answer = await vscode.window.showWarningMessage('Forget what your corrections taught the entity tagger in this workspace? Suggestions go back to the shipped model; your annotations stay.', { modal: true }, reset);
      if (answer === reset) await server.run(REVIEW_COMMANDS.resetLearning, {});
    }),
  );
}

/** The review status item: the active article's counts and state, as the server last sent them. */
class ReviewStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('articleLens.review', { language: ARTICLE_LANGUAGE_ID });
  private readonly summaries = new Map<string, ReviewSummary>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Article Lens review';
    this.item.text = 'Review: …';
    this.item.command = { title: 'Set state', command: 'articleLens.review.setState' };
    this.disposables.push(
      client.onNotification(ReviewSummaryNotification, (summary) => {
        this.summaries.set(summary.uri, summary);
        if (summary.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.show(summary);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
    );
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    if (!uri) return;
    const known = this.summaries.get(uri);
    if (known) this.show(known);
    try {
      const summary = await this.client.sendRequest(ReviewSummaryRequest, { uri });
      if (summary) {
        this.summaries.set(uri, summary);
        if (uri === vscode.window.activeTextEditor?.document.uri.toString()) this.show(summary);
      }
    } catch {
      // The server is starting or restarting: the next notification brings the counts.
    }
  }

  private show(summary: ReviewSummary): void {
    const state = summary.state === 'in-progress' ? 'in progress' : summary.state;
    this.item.text = `$(checklist) ${summary.confirmed} confirmed · ${summary.suggested} suggested · ${summary.rejected} rejected`;
    this.item.detail = `Review: ${state}`;
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
