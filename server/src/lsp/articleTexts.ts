import * as fs from 'fs';
import { URI } from 'vscode-uri';
import { PositionMapper } from './positions';
import { articleTextOf } from '../core/articleText';

/**
 * Texts and line tables of articles that are not open, read from disk for cross-article features
 * (references, rename, workspace symbols). One instance per request: what it read stays consistent
 * for that request and is dropped after it.
 */
export class ArticleTexts {
  private readonly texts = new Map<string, string | undefined>();
  private readonly mappers = new Map<string, PositionMapper>();

  /** @param openPositions line tables of open documents, which win over the disk. */
  constructor(private readonly openPositions: (uri: string) => PositionMapper | undefined) {}

  /** The text of a file on disk, or undefined when it cannot be read. */
  readSync(uri: string): string | undefined {
    if (!this.texts.has(uri)) this.texts.set(uri, readFileSync(uri));
    return this.texts.get(uri);
  }

  /** The line table of an open document, else of the file on disk. */
  async positions(uri: string): Promise<PositionMapper | undefined> {
    const open = this.openPositions(uri);
    if (open) return open;
    let mapper = this.mappers.get(uri);
    if (mapper) return mapper;
    if (!this.texts.has(uri)) this.texts.set(uri, await readFile(uri));
    const text = this.texts.get(uri);
    if (text === undefined) return undefined;
    mapper = new PositionMapper(text);
    this.mappers.set(uri, mapper);
    return mapper;
  }
}

function readFileSync(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? articleTextOf(fs.readFileSync(parsed.fsPath, 'utf8')) : undefined;
  } catch {
    return undefined;
  }
}

async function readFile(uri: string): Promise<string | undefined> {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? articleTextOf(await fs.promises.readFile(parsed.fsPath, 'utf8')) : undefined;
  } catch {
    return undefined;
  }
}
