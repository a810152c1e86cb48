import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE_ID } from '../../server/src/protocol';

/** The `files.associations` entries this extension added for `articleLens.files`, per workspace. */
const ADDED_KEY = 'articleLens.addedFileAssociations';

/**
 * `articleLens.files` adds glob patterns of article files. VS Code maps files to languages through
 * `files.associations`, so the client writes each pattern there, in the workspace's settings, and
 * removes the entries it added once the setting no longer lists them. Entries the user wrote
 * themselves are never removed, and user-level associations are never copied into the workspace.
 */
export async function applyFilePatterns(context: vscode.ExtensionContext): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) return;
  const patterns = vscode.workspace.getConfiguration('articleLens').get<string[]>('files', []);
  const files = vscode.workspace.getConfiguration('files');
  const current: Record<string, string> = { ...(files.inspect<Record<string, string>>('associations')?.workspaceValue ?? {}) };
  const added = new Set(context.workspaceState.get<string[]>(ADDED_KEY, []));
  let changed = false;
  for (const pattern of patterns) {
    if (current[pattern] === ARTICLE_LANGUAGE_ID) continue;
    current[pattern] = ARTICLE_LANGUAGE_ID;
    added.add(pattern);
    changed = true;
  }
  for (const pattern of [...added]) {
    if (patterns.includes(pattern)) continue;
    added.delete(pattern);
    if (current[pattern] === ARTICLE_LANGUAGE_ID) {
      delete current[pattern];
      changed = true;
    }
  }
  await context.workspaceState.update(ADDED_KEY, [...added]);
  if (changed) await files.update('associations', Object.keys(current).length > 0 ? current : undefined, vscode.ConfigurationTarget.Workspace);
}
