import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import type { Range as LspRange } from 'vscode-languageserver-protocol';
import { ANNOTATION_COMMANDS, ARTICLE_LANGUAGE_ID, type AnnotationAddParams, type AnnotationListItem, type MentionLocation } from '../../../server/src/protocol';

/**
 * The client's side of the annotation commands: every change is made by the server
 * (`workspace/executeCommand`), which answers a mistake with a message shown here as it is.
 */
export class AnnotationServer {
  constructor(readonly client: LanguageClient) {}

  /** Runs a server command; a refusal is shown to the person, and `undefined` returned. */
  async run<T>(command: string, argument: unknown): Promise<T | undefined> {
    try {
      return (await this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [argument] })) as T;
    } catch (error) {
      void vscode.window.showErrorMessage(`Article Lens: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  add(params: AnnotationAddParams): Promise<{ id: string } | undefined> {
    return this.run(ANNOTATION_COMMANDS.add, params);
  }

  async list(uri: string): Promise<AnnotationListItem[]> {
    try {
      return (await this.client.sendRequest(ExecuteCommandRequest.type, { command: ANNOTATION_COMMANDS.list, arguments: [{ uri }] })) as AnnotationListItem[];
    } catch {
      // Not open on the server (yet): nothing to show.
      return [];
    }
  }

  asRange(range: LspRange): vscode.Range {
    return this.client.protocol2CodeConverter.asRange(range);
  }

  asLspRange(range: vscode.Range): LspRange {
    return this.client.code2ProtocolConverter.asRange(range);
  }
}

/**
 * Where a command acts: the `{ uri, range }` a code action passed, else the active article editor's
 * selection (a cursor inside an entity or quote stands for it: the server finds it).
 */
export function targetOf(server: AnnotationServer, argument: unknown): MentionLocation | undefined {
  const given = argument as Partial<MentionLocation> | undefined;
  if (given && typeof given.uri === 'string' && given.range) return { uri: given.uri, range: given.range };
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== ARTICLE_LANGUAGE_ID) {
    void vscode.window.showInformationMessage('Article Lens: open an article and select the text to annotate.');
    return undefined;
  }
  return { uri: editor.document.uri.toString(), range: server.asLspRange(editor.selection) };
}
