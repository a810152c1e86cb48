import * as path from 'path';
import { URI } from 'vscode-uri';
import { AnnotationFiles, newAnnotationId } from '../annotationStore/annotationFiles';
import { ExportClash, writeExportFiles } from '../annotationStore/exportFiles';
import { articlePathIn, storeRootOf } from '../annotationStore/storeRoot';
import { EMPTY_ARTICLE_ANNOTATIONS, type ArticleAnnotations } from '../core/annotations/model';
import { exportArticle, EXPORT_FORMATS, importBrat, type ExportFormat } from '../core/annotations/formats';
import { exportFiles } from '../core/annotations/formats/exportFiles';
import { mergeImported } from '../core/annotations/imports';
import type { EntitySuggestion } from '../core/annotations/entityLayer';
import type { EntityMention } from '../core/types';
import { ANNOTATION_COMMANDS, type AnnotationExportResult } from '../protocol';
import { actorFor, argumentObject, CommandError, stringField, type CommandHost } from './annotationCommands';

/** What export and import need besides the commands' host. */
export interface ExchangeHost extends CommandHost {
  /** Indexed articles under a folder URI (a URI given to export that names a folder). */
  articlesUnder(folderUri: string): string[];
  /** The text of a closed article on disk. */
  readText(uri: string): Promise<string | undefined>;
  /** The machine's entities of an article (the open document's analysis, else a one-off analysis). */
  machineEntities(uri: string, text: string): Promise<readonly EntityMention[]>;
}

/** One article of an export. */
interface Gathered {
  readonly uri: string;
  readonly path: string;
  readonly text: string;
  readonly annotations: ArticleAnnotations;
}

function fail(message: string): never {
  throw new CommandError(message);
}

/** Machine entity types a suggestion can have (dates and figures are not entities of these formats). */
const SUGGESTED_TYPES = new Set(['person', 'organization', 'location', 'misc']);

/**
 * `articleLens.annotation.export`: `[{ uri, text, leftOut }]` per article (`leftOut`: what the format could not
 * carry, counted, as the CLI prints it), and the files written when `out` is given.
 */
export async function exportAnnotationsCommand(host: ExchangeHost, args: unknown[] | undefined): Promise<AnnotationExportResult[]> {
  const where = ANNOTATION_COMMANDS.export;
  const params = argumentObject(where, args);
  const format = params.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) fail(`${where}: "format" must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!Array.isArray(params.uris) || params.uris.length === 0 || params.uris.some((u) => typeof u !== 'string')) fail(`${where}: "uris" must be a list of article (or folder) URIs`);
  if (params.includeSuggestions !== undefined && typeof params.includeSuggestions !== 'boolean') fail(`${where}: "includeSuggestions" must be true or false`);
  const out = stringField(params, 'out', where, true);
  const uris = [...new Set((params.uris as string[]).flatMap((uri) => (host.document(uri) ? [uri] : host.articlesUnder(uri).length > 0 ? host.articlesUnder(uri) : [uri])))];
  const results: Array<{ uri: string; text: string; leftOut: string[]; path: string; articleText: string }> = [];
  for (const uri of uris) {
    const article = await gather(host, uri);
    let suggestions: EntitySuggestion[] | undefined;
    if (params.includeSuggestions) {
      suggestions = (await host.machineEntities(uri, article.text))
        .filter((e) => SUGGESTED_TYPES.has(e.type))
        .map((e) => ({ start: e.start, end: e.end, label: e.type }));
    }
    const output = exportArticle(format, { path: article.path, text: article.text, annotations: article.annotations, ...(suggestions ? { suggestions } : {}) });
    results.push({ uri, text: output.text, leftOut: output.leftOut, path: article.path, articleText: article.text });
  }
  if (out !== undefined) {
    const folder = out.includes('://') ? URI.parse(out).fsPath : out;
    // The server's working folder is nobody's choice (in VS Code, often `/`): a relative path would put the files where no one looks.
    if (!path.isAbsolute(folder)) fail(`${where}: "out" must be an absolute path or a file URI (got ${out})`);
    const articles = uris.map((uri) => URI.parse(uri)).filter((u) => u.scheme === 'file').map((u) => u.fsPath);
    try {
      await writeExportFiles(folder, exportFiles(format, results.map((r) => ({ path: r.path, text: r.articleText, output: r.text }))), articles);
    } catch (error) {
      if (error instanceof ExportClash) fail(`${where}: ${error.message}`);
      throw error;
    }
  }
  return results.map(({ uri, text, leftOut }) => ({ uri, text, leftOut }));
}

/** An article's text and annotations: the open document's, else the file's and its store's. */
async function gather(host: ExchangeHost, uri: string): Promise<Gathered> {
  const document = host.document(uri);
  if (document) {
    const state = await host.layer.stateOf(uri);
    if (state?.storeError) fail(`cannot export ${uri}: ${state.storeError.file} could not be read (${state.storeError.message})`);
    const place = host.storePlace(uri);
    return { uri, path: place?.article ?? path.posix.basename(URI.parse(uri).path), text: document.getText(), annotations: state?.annotations ?? EMPTY_ARTICLE_ANNOTATIONS };
  }
  const text = await host.readText(uri);
  if (text === undefined) fail(`cannot export ${uri}: it cannot be read`);
  const fsPath = URI.parse(uri).fsPath;
  const place = host.storePlace(uri);
  const root = place?.root ?? storeRootOf(fsPath);
  const article = place?.article ?? (root !== undefined ? articlePathIn(root, fsPath) : undefined);
  if (root === undefined || article === undefined) return { uri, path: path.basename(fsPath), text, annotations: EMPTY_ARTICLE_ANNOTATIONS };
  const loaded = await new AnnotationFiles(root).load(article, text);
  if (loaded.kind === 'invalid') fail(`cannot export ${uri}: ${loaded.file} could not be read (${loaded.message})`);
  return { uri, path: article, text, annotations: loaded.kind === 'loaded' ? loaded.annotations : EMPTY_ARTICLE_ANNOTATIONS };
}

/** `articleLens.annotation.import`: a brat file's annotations added to an open article; `{ imported, problems }`. */
export async function importAnnotationsCommand(host: ExchangeHost, args: unknown[] | undefined): Promise<{ imported: number; problems: string[] }> {
  const where = ANNOTATION_COMMANDS.import;
  const params = argumentObject(where, args);
  const uri = stringField(params, 'uri', where);
  if (params.format !== 'brat') fail(`${where}: "format" must be "brat" (the only format imported so far)`);
  const ann = stringField(params, 'text', where, true);
  if (ann === undefined) fail(`${where}: "text" must be the content of a brat .ann file`);
  const document = host.document(uri);
  if (!document) fail(`${where}: ${uri} is not open: open the article first`);
  const actor = await actorFor(host, uri);
  const version = document.version;
  let imported = 0;
  let problems: string[] = [];
  const outcome = await host.layer.update(uri, (article, text) => {
    if (host.document(uri)?.version !== version) return { ok: false, message: 'the article changed during the import: try again' };
    const result = importBrat(ann, text, { newId: newAnnotationId, now: actor.now, ...(actor.creator ? { creator: actor.creator } : {}) });
    const merged = mergeImported(article, result.annotations);
    problems = [...result.problems, ...merged.contradictions];
    imported = merged.added;
    return { ok: true, value: merged.article };
  });
  if (!outcome.ok) fail(outcome.message);
  return { imported, problems };
}
