import * as vscode from 'vscode';
import { ANNOTATION_PROMPTS, ArticleActorsRequest, UnreviewedEntityRequest, type ArticleActorItem, type MentionLocation } from '../../../server/src/protocol';
import { targetOf, type AnnotationServer } from './server';

/**
 * The editor commands of the annotation layer (context menu *Annotate*, keybindings, code actions that
 * ask something first). Each gathers what the person chooses — a label, an actor, a name, a note — and
 * hands it to the server's `articleLens.annotation.add`; nothing is computed here.
 */
export function registerAnnotationCommands(server: AnnotationServer): vscode.Disposable[] {
  const label = (name: string) => async (argument?: unknown) => {
    const target = targetOf(server, argument);
    if (target) await server.add({ ...target, label: name });
  };
  const simple = (params: Record<string, unknown>) => async (argument?: unknown) => {
    const target = targetOf(server, argument);
    if (target) await server.add({ ...target, ...params });
  };
  return [
    vscode.commands.registerCommand('articleLens.annotate.person', label('person')),
    vscode.commands.registerCommand('articleLens.annotate.organization', label('organization')),
    vscode.commands.registerCommand('articleLens.annotate.location', label('location')),
    vscode.commands.registerCommand('articleLens.annotate.misc', label('misc')),
    vscode.commands.registerCommand('articleLens.annotate.label', async (argument?: unknown) => {
      const target = targetOf(server, argument);
      if (!target) return;
      const userLabels = vscode.workspace.getConfiguration('articleLens', vscode.Uri.parse(target.uri)).get<string[]>('annotation.labels', []);
      const picked = await vscode.window.showQuickPick(['person', 'organization', 'location', 'misc', ...userLabels], { placeHolder: 'Label the selection as…' });
      if (picked) await server.add({ ...target, label: picked });
    }),
    vscode.commands.registerCommand('articleLens.annotate.accept', simple({ accept: true })),
    vscode.commands.registerCommand('articleLens.annotate.reject', simple({ reject: 'occurrence' })),
    vscode.commands.registerCommand('articleLens.annotate.rejectEverywhere', simple({ reject: 'everywhere' })),
    vscode.commands.registerCommand('articleLens.annotate.notAQuote', simple({ quoteKind: 'not-a-quote' })),
    vscode.commands.registerCommand('articleLens.annotate.scareQuote', simple({ quoteKind: 'scare' })),
    vscode.commands.registerCommand('articleLens.annotate.nextUnreviewed', () => moveToUnreviewed(server, 'next')),
    vscode.commands.registerCommand('articleLens.annotate.previousUnreviewed', () => moveToUnreviewed(server, 'previous')),
    vscode.commands.registerCommand(ANNOTATION_PROMPTS.sameAs, async (argument?: unknown) => {
      const target = targetOf(server, argument);
      const actor = target && (await pickActor(server, target.uri, 'Same person as…'));
      if (target && actor) await server.add({ ...target, sameAs: { uri: target.uri, range: actor.range } });
    }),
    vscode.commands.registerCommand('articleLens.annotate.notSameAs', async (argument?: unknown) => {
      const target = targetOf(server, argument);
      const actor = target && (await pickActor(server, target.uri, 'Not the same person as…'));
      if (target && actor) await server.add({ ...target, differentFrom: { uri: target.uri, range: actor.range } });
    }),
    vscode.commands.registerCommand(ANNOTATION_PROMPTS.identity, async (argument?: unknown) => {
      const target = targetOf(server, argument);
      if (!target) return;
      const name = await vscode.window.showInputBox({ prompt: 'The actor’s canonical name', placeHolder: 'Sergei Lavrov', validateInput: (v) => (v.trim() ? undefined : 'A name is needed') });
      if (name === undefined) return;
      const externalId = await vscode.window.showInputBox({
        prompt: 'An external id (optional): a Wikidata QID such as Q211049, or an IRI',
        validateInput: (v) => (v.trim() === '' || /^Q\d+$/.test(v.trim()) || /^[a-z][a-z0-9+.-]*:\S+$/i.test(v.trim()) ? undefined : 'A Wikidata id (Q42) or an IRI (https://…)'),
      });
      if (externalId === undefined) return;
      await server.add({ ...target, identity: { name, ...(externalId.trim() ? { externalId: externalId.trim() } : {}) } });
    }),
    vscode.commands.registerCommand(ANNOTATION_PROMPTS.speaker, async (argument?: unknown) => {
      const target = targetOf(server, argument);
      if (!target) return;
      const nobody = { label: '$(circle-slash) Nobody', description: 'the quote has no speaker' };
      const actors = await actorItems(server, target.uri);
      const picked = await vscode.window.showQuickPick([...actors, nobody], { placeHolder: 'Attribute the quote to…', matchOnDescription: true });
      if (!picked) return;
      const speaker: MentionLocation | null = picked === nobody ? null : { uri: target.uri, range: (picked as (typeof actors)[number]).actor.range };
      await server.add({ ...target, speaker });
    }),
    vscode.commands.registerCommand(ANNOTATION_PROMPTS.note, async (argument?: unknown) => {
      const target = targetOf(server, argument);
      if (!target) return;
      const note = await vscode.window.showInputBox({ prompt: 'Note', placeHolder: 'Check this figure against the ministry’s statement', validateInput: (v) => (v.trim() ? undefined : 'A note needs some text') });
      if (note) await server.add({ ...target, note });
    }),
  ];
}

async function actorItems(server: AnnotationServer, uri: string): Promise<Array<vscode.QuickPickItem & { actor: ArticleActorItem }>> {
  const actors = await server.client.sendRequest(ArticleActorsRequest, { uri });
  return actors.map((actor) => ({
    label: actor.name,
    description: [actor.type, actor.externalId].filter(Boolean).join(' · '),
    detail: `${actor.mentions} mention${actor.mentions === 1 ? '' : 's'}${actor.roles.length ? ` — ${actor.roles.join(', ')}` : ''}`,
    actor,
  }));
}

async function pickActor(server: AnnotationServer, uri: string, placeHolder: string): Promise<ArticleActorItem | undefined> {
  const items = await actorItems(server, uri);
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Article Lens: no actor in this article yet.');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true }))?.actor;
}

/** Moves the cursor to the next (previous) entity nobody has reviewed, selecting it. */
async function moveToUnreviewed(server: AnnotationServer, direction: 'next' | 'previous'): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const position = server.asLspRange(editor.selection).start;
  const found = await server.client.sendRequest(UnreviewedEntityRequest, { uri: editor.document.uri.toString(), position, direction });
  if (!found) {
    void vscode.window.showInformationMessage('Article Lens: every entity of this article is reviewed.');
    return;
  }
  const range = server.asRange(found);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
