import * as vscode from 'vscode';
import { ANNOTATION_COMMANDS, ARTICLE_LANGUAGE_ID, type AnnotationExportParams, type AnnotationExportResult } from '../../../server/src/protocol';
import type { AnnotationServer } from './server';

const FORMATS: Array<vscode.QuickPickItem & { format: AnnotationExportParams['format'] }> = [
  { label: 'brat', description: 'standoff .ann beside a .txt copy of each article', format: 'brat' },
  { label: 'CoNLL-2003', description: 'IOB2 tags PER, ORG, LOC, MISC, one file', format: 'conll' },
  { label: 'doccano', description: 'JSONL, one line per article', format: 'doccano' },
  { label: 'W3C Web Annotation', description: 'the store itself, one .json per article', format: 'w3c' },
];

/**
 * *Export Annotations…* (format, this article or the workspace, with or without the machine's
 * suggestions, a folder) and *Import Annotations…* (a brat .ann file into the active article): the
 * server converts and writes; this asks.
 */
export function registerExchangeCommands(server: AnnotationServer): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('articleLens.annotate.export', async () => {
      const format = await vscode.window.showQuickPick(FORMATS, { placeHolder: 'Export annotations as…' });
      if (!format) return;
      const editor = vscode.window.activeTextEditor;
      const article = editor?.document.languageId === ARTICLE_LANGUAGE_ID ? editor.document.uri : undefined;
      const scopes = [
        ...(article ? [{ label: 'This article', description: vscode.workspace.asRelativePath(article), uris: [article.toString()] }] : []),
        ...(vscode.workspace.workspaceFolders?.length ? [{ label: 'Every article of the workspace', uris: vscode.workspace.workspaceFolders.map((f) => f.uri.toString()) }] : []),
      ];
      const scope = scopes.length === 1 ? scopes[0] : await vscode.window.showQuickPick(scopes, { placeHolder: 'Which articles?' });
      if (!scope) return;
      const suggestions = await vscode.window.showQuickPick(
        [
          { label: 'Your annotations only', include: false },
          { label: 'With the machine’s entities', description: 'those you did not reject; yours always win', include: true },
        ],
        { placeHolder: 'Include the machine’s suggestions?' },
      );
      if (!suggestions) return;
      const [folder] =
        (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export here', defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri })) ?? [];
      if (!folder) return;
      const params: AnnotationExportParams = { uris: scope.uris, format: format.format, includeSuggestions: suggestions.include, out: folder.toString() };
      const result = await server.run<AnnotationExportResult[]>(ANNOTATION_COMMANDS.export, params);
      if (!result) return;
      const exported = `Article Lens: ${result.length} article${result.length === 1 ? '' : 's'} exported as ${format.label} to ${folder.fsPath}`;
      // What the format could not carry is said, not dropped (a label inside a CoNLL token, a note in doccano).
      const leftOut = result.flatMap((r) => (r.leftOut ?? []).map((line) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(r.uri))}: ${line}`));
      if (leftOut.length === 0) void vscode.window.showInformationMessage(exported);
      else void vscode.window.showWarningMessage(`${exported}. Not in ${format.label}: ${leftOut.slice(0, 3).join('; ')}${leftOut.length > 3 ? ` … (${leftOut.length - 3} more)` : ''}`);
    }),
    vscode.commands.registerCommand('articleLens.annotate.import', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== ARTICLE_LANGUAGE_ID) {
        void vscode.window.showInformationMessage('Article Lens: open the article the annotations belong to, then import.');
        return;
      }
      const [file] = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'brat standoff': ['ann'] }, openLabel: 'Import' })) ?? [];
      if (!file) return;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      const result = await server.run<{ imported: number; problems: string[] }>(ANNOTATION_COMMANDS.import, { uri: editor.document.uri.toString(), format: 'brat', text });
      if (!result) return;
      const problems = result.problems.length > 0 ? ` ${result.problems.length} line${result.problems.length === 1 ? '' : 's'} could not be used: ${result.problems[0]}${result.problems.length > 1 ? ' …' : ''}` : '';
      void vscode.window.showInformationMessage(`Article Lens: ${result.imported} annotation${result.imported === 1 ? '' : 's'} imported.${problems}`);
    }),
    // A store file left by an article renamed or moved outside the editor, when its text could not say where it goes.
    vscode.commands.registerCommand('articleLens.annotate.reattach', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== ARTICLE_LANGUAGE_ID) {
        void vscode.window.showInformationMessage('Article Lens: open the article the annotations belong to, then re-attach them.');
        return;
      }
      const uri = editor.document.uri.toString();
      const listed = await server.run<{ strays: Array<{ article: string; file: string }> }>(ANNOTATION_COMMANDS.reattach, { uri });
      if (!listed) return;
      if (listed.strays.length === 0) {
        void vscode.window.showInformationMessage('Article Lens: every store file of this workspace belongs to an article that exists.');
        return;
      }
      const picked = await vscode.window.showQuickPick(
        listed.strays.map((stray) => ({ label: stray.article, description: vscode.workspace.asRelativePath(stray.file) })),
        { placeHolder: 'The annotations of which missing article belong to this one?' },
      );
      if (!picked) return;
      if (await server.run(ANNOTATION_COMMANDS.reattach, { uri, from: picked.label })) void vscode.window.showInformationMessage(`Article Lens: the annotations of ${picked.label} now belong to this article.`);
    }),
  ];
}
