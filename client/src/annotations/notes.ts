import * as vscode from 'vscode';
import { ANNOTATION_COMMANDS, ARTICLE_LANGUAGE_ID, AnnotationsChangedNotification, type AnnotationListItem } from '../../../server/src/protocol';
import type { AnnotationServer } from './server';

/**
 * Notes as VS Code comment threads (a thread per note: reply, edit, resolve, delete; the Comments panel
 * lists them). The server holds the notes and their places: VS Code moves a thread's range as the person
 * types but never reports it back, so threads are placed from the server's list whenever it says an
 * article's annotations changed. A thread started from the gutter's "+" becomes a note when submitted.
 */

/** One comment of a thread: the note itself or a reply. */
class NoteComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  /** The text before an edit began (restored by Cancel). */
  private saved: string | vscode.MarkdownString;

  constructor(
    public body: string | vscode.MarkdownString,
    readonly author: vscode.CommentAuthorInformation,
    readonly contextValue: 'note' | 'reply',
    readonly noteId: string,
    readonly replyId: string | undefined,
    readonly timestamp: Date | undefined,
    public parent: vscode.CommentThread,
  ) {
    this.saved = body;
  }

  startEditing(): void {
    this.saved = this.body;
    this.mode = vscode.CommentMode.Editing;
  }

  cancelEditing(): void {
    this.body = this.saved;
    this.mode = vscode.CommentMode.Preview;
  }

  get text(): string {
    return typeof this.body === 'string' ? this.body : this.body.value;
  }
}

const CONTROLLER_ID = 'articleLens.notes';

export class NoteThreads implements vscode.Disposable {
  private readonly controller = vscode.comments.createCommentController(CONTROLLER_ID, 'Article Lens notes');
  /** Threads by article URI, then by note id. */
  private readonly threads = new Map<string, Map<string, vscode.CommentThread>>();
  private readonly disposables: vscode.Disposable[] = [this.controller];

  constructor(private readonly server: AnnotationServer) {
    // Any line of an article can take a note: the "+" in the gutter starts one.
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (document) => (document.languageId === ARTICLE_LANGUAGE_ID ? [new vscode.Range(0, 0, Math.max(0, document.lineCount - 1), 0)] : []),
    };
    this.controller.options = { placeHolder: 'Write a note…', prompt: 'Add a note' };
    this.disposables.push(
      server.client.onNotification(AnnotationsChangedNotification, ({ uri }) => void this.refresh(uri)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri.toString())),
      vscode.commands.registerCommand('articleLens.note.reply', (reply: vscode.CommentReply) => this.reply(reply)),
      vscode.commands.registerCommand('articleLens.note.edit', (comment: NoteComment) => this.setMode(comment, () => comment.startEditing())),
      vscode.commands.registerCommand('articleLens.note.cancel', (comment: NoteComment) => this.setMode(comment, () => comment.cancelEditing())),
      vscode.commands.registerCommand('articleLens.note.save', (comment: NoteComment) => this.save(comment)),
      vscode.commands.registerCommand('articleLens.note.delete', (target: NoteComment | vscode.CommentThread) => this.delete(target)),
      vscode.commands.registerCommand('articleLens.note.resolve', (thread: vscode.CommentThread) => this.setResolved(thread, true)),
      vscode.commands.registerCommand('articleLens.note.reopen', (thread: vscode.CommentThread) => this.setResolved(thread, false)),
    );
    for (const document of vscode.workspace.textDocuments) if (document.languageId === ARTICLE_LANGUAGE_ID) void this.refresh(document.uri.toString());
    this.disposables.push(vscode.workspace.onDidOpenTextDocument((document) => document.languageId === ARTICLE_LANGUAGE_ID && void this.refresh(document.uri.toString())));
  }

  /** Places the article's threads as the server lists its notes: new ones made, gone ones removed. */
  async refresh(uri: string): Promise<void> {
    const notes = (await this.server.list(uri)).filter((a) => a.kind === 'note');
    const known = this.threads.get(uri) ?? new Map<string, vscode.CommentThread>();
    this.threads.set(uri, known);
    const documentUri = vscode.Uri.parse(uri);
    for (const note of notes) {
      let thread = known.get(note.id);
      if (!thread) {
        thread = this.controller.createCommentThread(documentUri, this.server.asRange(note.range), []);
        known.set(note.id, thread);
      }
      this.fill(thread, note);
    }
    for (const [id, thread] of known) {
      if (notes.some((n) => n.id === id)) continue;
      thread.dispose();
      known.delete(id);
    }
  }

  private fill(thread: vscode.CommentThread, note: AnnotationListItem): void {
    thread.range = this.server.asRange(note.range);
    (thread as vscode.CommentThread & { noteId?: string }).noteId = note.id;
    thread.label = note.status === 'orphaned' ? `Note (orphaned: “${note.text}” is no longer in the text)` : `Note on “${note.text.length > 40 ? `${note.text.slice(0, 39)}…` : note.text}”`;
    thread.contextValue = note.resolved ? 'resolved' : 'open';
    thread.state = note.resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
    thread.canReply = true;
    // A comment being edited keeps its text until the person saves or cancels.
    if (thread.comments.some((c) => c.mode === vscode.CommentMode.Editing)) return;
    thread.comments = [
      new NoteComment(note.note ?? '', { name: note.creator ?? 'you' }, 'note', note.id, undefined, new Date(note.modified), thread),
      ...(note.replies ?? []).map((r) => new NoteComment(r.text, { name: r.creator ?? 'you' }, 'reply', note.id, r.id, new Date(r.modified), thread)),
    ];
  }

  private noteIdOf(thread: vscode.CommentThread): string | undefined {
    return (thread as vscode.CommentThread & { noteId?: string }).noteId;
  }

  /** A reply typed in a thread; in a thread started from the gutter, the note itself. */
  private async reply({ thread, text }: vscode.CommentReply): Promise<void> {
    const uri = thread.uri.toString();
    const noteId = this.noteIdOf(thread);
    if (noteId === undefined) {
      const range = thread.range ?? new vscode.Range(0, 0, 0, 0);
      const made = await this.server.add({ uri, range: this.server.asLspRange(range), note: text });
      // The server's list makes the real thread; this draft goes.
      thread.dispose();
      if (made) await this.refresh(uri);
      return;
    }
    await this.server.run(ANNOTATION_COMMANDS.updateNote, { uri, id: noteId, reply: text });
    await this.refresh(uri);
  }

  private setMode(comment: NoteComment, change: () => void): void {
    change();
    comment.parent.comments = [...comment.parent.comments];
  }

  private async save(comment: NoteComment): Promise<void> {
    const uri = comment.parent.uri.toString();
    const text = comment.text;
    comment.mode = vscode.CommentMode.Preview;
    comment.parent.comments = [...comment.parent.comments];
    const update = comment.replyId === undefined ? { text } : { replyId: comment.replyId, reply: text };
    await this.server.run(ANNOTATION_COMMANDS.updateNote, { uri, id: comment.noteId, ...update });
    await this.refresh(uri);
  }

  /** Deletes a reply, or a whole note (from the thread's title or the note's own comment). */
  private async delete(target: NoteComment | vscode.CommentThread): Promise<void> {
    const thread = target instanceof NoteComment ? target.parent : target;
    const uri = thread.uri.toString();
    const noteId = target instanceof NoteComment ? target.noteId : this.noteIdOf(thread);
    if (noteId === undefined) return thread.dispose();
    if (target instanceof NoteComment && target.replyId !== undefined) {
      await this.server.run(ANNOTATION_COMMANDS.updateNote, { uri, id: noteId, replyId: target.replyId, deleteReply: true });
    } else {
      await this.server.run(ANNOTATION_COMMANDS.remove, { uri, id: noteId });
    }
    await this.refresh(uri);
  }

  private async setResolved(thread: vscode.CommentThread, resolved: boolean): Promise<void> {
    const noteId = this.noteIdOf(thread);
    if (noteId === undefined) return;
    const uri = thread.uri.toString();
    await this.server.run(ANNOTATION_COMMANDS.updateNote, { uri, id: noteId, resolved });
    await this.refresh(uri);
  }

  private forget(uri: string): void {
    for (const thread of this.threads.get(uri)?.values() ?? []) thread.dispose();
    this.threads.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.threads.keys()]) this.forget(uri);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
