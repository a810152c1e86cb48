import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PositionMapper } from './positions';

/** Something the server keeps per open document, released when the document closes. */
export interface PerDocument {
  /** Drops what is kept for `uri`. */
  delete(uri: string): void;
}

/**
 * What the server keeps for each open document — its line table, its last semantic tokens, its
 * settings, its scheduled jobs, the service's analysis state — registered once here, so that closing a
 * document releases all of it in one call ({@link close}) and a new kind of per-document state cannot
 * be forgotten at close: it is registered where it is created.
 */
export class OpenDocuments {
  private readonly parts: PerDocument[] = [];
  /** Line tables per document version: building one is linear in the text, requests reuse it. */
  private readonly positions = new Map<string, { version: number; mapper: PositionMapper }>();

  constructor() {
    this.parts.push(this.positions);
  }

  /** Registers per-document state to release on close; returns it, for use at the declaration. */
  register<T extends PerDocument>(part: T): T {
    this.parts.push(part);
    return part;
  }

  /** The line table of the document's current version. */
  positionsOf(document: TextDocument): PositionMapper {
    const cached = this.positions.get(document.uri);
    if (cached && cached.version === document.version) return cached.mapper;
    const mapper = new PositionMapper(document.getText());
    this.positions.set(document.uri, { version: document.version, mapper });
    return mapper;
  }

  /** Releases everything kept for a document that closed. */
  close(uri: string): void {
    for (const part of this.parts) part.delete(uri);
  }
}
