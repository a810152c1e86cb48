import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerAnnotationCommands } from './commands';
import { registerExchangeCommands } from './exchange';
import { NoteThreads } from './notes';
import { AnnotationServer } from './server';

/**
 * The annotation layer's client side (issue 12): commands that ask and then call the server, note threads
 * through the Comments API, export and import. Everything is computed and stored by the server.
 */
export function registerAnnotations(context: vscode.ExtensionContext, client: LanguageClient): void {
  const server = new AnnotationServer(client);
  context.subscriptions.push(...registerAnnotationCommands(server), ...registerExchangeCommands(server), new NoteThreads(server));
  // The walkthrough's "Annotate" step shows once annotating is possible.
  void vscode.commands.executeCommand('setContext', 'articleLens.annotationsAvailable', true);
}

/** What the server is told at start: this client has the prompts the annotation code actions name. */
export const ANNOTATION_INITIALIZATION_OPTIONS = { annotationPrompts: true } as const;
