import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LocateRequest, type ArticleTarget } from '../../../server/src/protocol';

/**
 * Opens an article at a place the views listed. The server says where the place is now (its
 * offsets are into the text it indexed), so the client never counts characters itself.
 */
export async function openTarget(client: LanguageClient, target: ArticleTarget, preview = true): Promise<void> {
  const location = await client.sendRequest(LocateRequest, target);
  if (!location) {
    void vscode.window.showWarningMessage(`Article Lens: ${vscode.Uri.parse(target.uri).fsPath} can no longer be read.`);
    return;
  }
  const converted = client.protocol2CodeConverter.asLocation(location);
  await showRange(converted.uri, converted.range, preview);
}

/** Opens a document with `range` selected and in view. */
export async function showRange(uri: vscode.Uri, range: vscode.Range, preview = true): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preview, selection: new vscode.Range(range.start, range.start) });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The file name of an article URI, for labels. */
export function fileNameOf(uri: string): string {
  const path = vscode.Uri.parse(uri).path;
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `1 quote`, `2 quotes`. */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? word : words}`;
}
