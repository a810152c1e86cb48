/**
 * `article-lens export` and `article-lens import`: the annotation exchange formats without an editor.
 * Articles and their store files are found as the server finds them (the nearest
 * `.article-lens/annotations` above an article, `annotationStore/storeRoot.ts`); the conversions are the
 * core's (`core/annotations/formats/`), and `--out` writes the same files as the editor's *Export
 * Annotations…*. Bad input exits 2 with a one-line message.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { AnnotationFiles, newAnnotationId } from '../annotationStore/annotationFiles';
import { ExportClash, writeExportFiles } from '../annotationStore/exportFiles';
import { articlePathIn, storeRootOf } from '../annotationStore/storeRoot';
import { exportArticle, EXPORT_FORMATS, importBrat, type ExportFormat } from '../core/annotations/formats';
import { COMBINED_EXPORT_FILES, exportFiles, type ExportedArticle } from '../core/annotations/formats/exportFiles';
import { mergeImported } from '../core/annotations/imports';
import { EMPTY_ARTICLE_ANNOTATIONS } from '../core/annotations/model';
import { createArticleService, type ArticleService } from '../core/languageService';
import { DEFAULT_SETTINGS } from '../core/settings';
import { loadDefaultResources } from '../diskData';
import { ARTICLE_NAME, articleOfBratName, BRAT_FILE, bratArticleProblem, type BratArticle } from './bratArticle';
import { listInputFiles } from './inputFiles';
import { readArticle, UnreadableArticle } from './readArticle';

export const EXPORT_USAGE = `Usage: article-lens export --format brat|conll|doccano|w3c [--suggestions] [--out DIR] [files or folders…]
  Writes the annotations of articles (default: the articles under the current folder) in an exchange format.
  Annotations are read from the store (.article-lens/annotations/, the nearest above each article).
  --format F      brat (.ann + .txt per article), conll (CoNLL-2003 IOB2), doccano (JSONL) or w3c (the store)
  --suggestions   include the machine's entities the person left standing (the person's always win)
  --out DIR       write files into DIR (needed for brat and w3c with more than one article); else print.
                  A file there is written over only if an export wrote it and it is unchanged since
Exit codes: 0 ok, 2 bad input.`;

export const IMPORT_USAGE = `Usage: article-lens import [--article FILE] [--root DIR] FILES.ann…
  Adds the annotations of brat .ann files to the store of their articles (annotations it has already are
  not added twice; a label that contradicts the store's decision on the same span is left out, with a warning). The article of x.ann is x.txt or x.article beside it (extensions in any case; PolNeAR's
  x_<annotator>.ann too, and its text/ folder beside attributions/), or --article FILE.
  --root DIR      the folder whose .article-lens/annotations/ receives them (default: the nearest one above
                  the article, else the current folder when the article is inside it, else the article's folder)
Exit codes: 0 ok (lines that cannot be used are warnings), 2 bad input, or a file that could not be imported
(no article beside it, a store that cannot be read, none of its lines usable: the other files are still imported).`;

/** Where a command writes. */
export interface CommandOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

class UsageError extends Error {}

/** Runs `article-lens export` on its arguments (those after `export`); returns the exit code. */
export async function runExportCommand(args: readonly string[], output: CommandOutput): Promise<number> {
  return guard('export', output, async () => {
    let format: ExportFormat | undefined;
    let suggestions = false;
    let out: string | undefined;
    const paths: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      // `--` ends the options: the rest are files and folders.
      if (arg === '--') {
        paths.push(...args.slice(i + 1));
        break;
      }
      if (arg === '--format' || arg.startsWith('--format=')) format = checkFormat(arg === '--format' ? args[++i] : arg.slice('--format='.length));
      else if (arg === '--suggestions') suggestions = true;
      else if (arg === '--out' || arg.startsWith('--out=')) out = valueOf(arg === '--out' ? args[++i] : arg.slice('--out='.length), '--out needs a folder');
      else if (arg === '--help' || arg === '-h') {
        output.out(`${EXPORT_USAGE}\n`);
        return 0;
      } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg} (usage: article-lens export --format brat|conll|doccano|w3c [--suggestions] [--out DIR] [paths])`);
      else paths.push(arg);
    }
    if (!format) throw new UsageError(`--format is needed: one of ${EXPORT_FORMATS.join(', ')}`);
    const files = collectArticles(paths.length > 0 ? paths : ['.']);
    if (out === undefined && COMBINED_EXPORT_FILES[format] === undefined && files.length > 1) throw new UsageError(`${format} writes a file per article: give --out DIR for ${files.length} articles`);
    let service: ArticleService | undefined;
    const exported: ExportedArticle[] = [];
    for (const file of files) {
      const text = readArticle(file);
      const { path: articlePath, annotations } = await storedAnnotations(file, text);
      let machine;
      if (suggestions) {
        service ??= createArticleService(loadDefaultResources());
        machine = service
          .analyzeText(URI.file(path.resolve(file)).toString(), text, DEFAULT_SETTINGS)
          .recognized.filter((e) => e.type === 'person' || e.type === 'organization' || e.type === 'location' || e.type === 'misc')
          .map((e) => ({ start: e.start, end: e.end, label: e.type }));
      }
      const result = exportArticle(format, { path: articlePath, text, annotations, ...(machine ? { suggestions: machine } : {}) });
      for (const line of result.leftOut) output.err(`article-lens export: note: ${file}: not in ${format}: ${line}\n`);
      exported.push({ path: articlePath, text, output: result.text });
    }
    if (out === undefined) {
      output.out(exported.map((a) => a.output).join(''));
      return 0;
    }
    let written: string[];
    try {
      written = await writeExportFiles(out, exportFiles(format, exported), files);
    } catch (error) {
      throw error instanceof ExportClash ? new UsageError(error.message) : error;
    }
    output.err(`article-lens export: ${exported.length} article${exported.length === 1 ? '' : 's'}, ${written.length} file${written.length === 1 ? '' : 's'} written to ${out}\n`);
    return 0;
  });
}

/** Runs `article-lens import` on its arguments (those after `import`); returns the exit code. */
export async function runImportCommand(args: readonly string[], output: CommandOutput): Promise<number> {
  return guard('import', output, async () => {
    let article: string | undefined;
    let root: string | undefined;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '--') {
        files.push(...args.slice(i + 1));
        break;
      }
      if (arg === '--article' || arg.startsWith('--article=')) article = valueOf(arg === '--article' ? args[++i] : arg.slice('--article='.length), '--article needs a file');
      else if (arg === '--root' || arg.startsWith('--root=')) root = valueOf(arg === '--root' ? args[++i] : arg.slice('--root='.length), '--root needs a folder');
      else if (arg === '--help' || arg === '-h') {
        output.out(`${IMPORT_USAGE}\n`);
        return 0;
      } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg} (usage: article-lens import [--article FILE] [--root DIR] FILES.ann…)`);
      else files.push(arg);
    }
    if (files.length === 0) throw new UsageError('give the brat .ann files to import (usage: article-lens import [--article FILE] [--root DIR] FILES.ann…)');
    if (article !== undefined && files.length > 1) throw new UsageError('--article names the article of one .ann file; give one file with it');
    if (root !== undefined && !isFolder(root)) throw new UsageError(`${root}: no such folder`);
    // A name that is no .ann file is a mistake in the command: said before anything is imported.
    for (const file of files) if (!BRAT_FILE.test(file)) throw new UsageError(`${file}: not a brat .ann file`);
    const creator = osUserName();
    const how: ImportOptions = { article, root, now: new Date().toISOString(), ...(creator ? { creator } : {}) };
    let unusable = 0;
    for (const file of files) {
      try {
        if (!(await importFile(file, how, output))) unusable++;
      } catch (error) {
        // One file's problem (no article beside it, a store that cannot be read…) is said, and the files after it
        // are still imported: the exit code tells a script that one was not.
        if (!(error instanceof UsageError || error instanceof UnreadableArticle)) throw error;
        output.err(`article-lens import: ${error.message}\n`);
        unusable++;
      }
    }
    return unusable > 0 ? 2 : 0;
  });
}

/** What `import` was told besides the files. */
interface ImportOptions {
  readonly article: string | undefined;
  readonly root: string | undefined;
  readonly creator?: string;
  readonly now: string;
}

/**
 * Imports one `.ann` file into its article's store; false when none of its lines could be used. A problem
 * that stops this file (no article, a store that cannot be read or written) is thrown as a UsageError.
 */
async function importFile(file: string, how: ImportOptions, output: CommandOutput): Promise<boolean> {
  const ann = readArticle(file);
  const articleFile = how.article ?? articleOfBratFile(file);
  const text = readArticle(articleFile);
  const storeRoot = how.root ?? storeRootOf(articleFile) ?? (articlePathIn(process.cwd(), articleFile) !== undefined ? process.cwd() : path.dirname(path.resolve(articleFile)));
  const articlePath = articlePathIn(storeRoot, articleFile);
  if (articlePath === undefined) throw new UsageError(`${articleFile} is not inside ${storeRoot} (the folder given with --root)`);
  const store = new AnnotationFiles(storeRoot);
  const loaded = await store.load(articlePath, text);
  if (loaded.kind === 'invalid') throw new UsageError(`${loaded.file} could not be read (${loaded.message}); it is left as it is`);
  const current = loaded.kind === 'loaded' ? loaded.annotations : EMPTY_ARTICLE_ANNOTATIONS;
  const { annotations, problems } = importBrat(ann, text, { newId: newAnnotationId, now: how.now, ...(how.creator ? { creator: how.creator } : {}) });
  for (const problem of problems) output.err(`article-lens import: warning: ${file}: ${problem}\n`);
  if (annotations.length === 0 && problems.length > 0) {
    // Every line failed: most likely the wrong file or the wrong article, which a 0 would hide from a script.
    output.err(`article-lens import: ${file}: no line could be used (${problems.length} problem${problems.length === 1 ? '' : 's'} above); nothing imported\n`);
    return false;
  }
  const merged = mergeImported(current, annotations);
  for (const contradiction of merged.contradictions) output.err(`article-lens import: warning: ${file}: ${contradiction}\n`);
  const saved = await store.save(articlePath, text, merged.article);
  if (!saved.ok) throw new UsageError(saved.message);
  const already = annotations.length - merged.added - merged.contradictions.length;
  const notes = [...(already > 0 ? [`${already} already there`] : []), ...(merged.contradictions.length > 0 ? [`${merged.contradictions.length} contradicting the store, not imported`] : [])];
  output.out(`${file}: ${merged.added} annotation${merged.added === 1 ? '' : 's'} imported into ${store.fileOf(articlePath)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}\n`);
  return true;
}

async function guard(command: string, output: CommandOutput, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    const known = error instanceof UsageError || error instanceof UnreadableArticle;
    output.err(`article-lens ${command}: ${known ? '' : 'internal error: '}${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

function checkFormat(value: string | undefined): ExportFormat {
  if (!EXPORT_FORMATS.includes(value as ExportFormat)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}${value ? ` (not ${value})` : ''}`);
  return value as ExportFormat;
}

function valueOf(value: string | undefined, message: string): string {
  if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(message);
  return value;
}

function isFolder(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

function osUserName(): string | undefined {
  try {
    return os.userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

/** The article files named or under the folders named, in a stable order (the report's own listing). */
function collectArticles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of listInputFiles(paths)) {
    if ('problem' in input) throw new UsageError(input.problem);
    files.push(input.file);
  }
  return files;
}

/** An article's path for the export (relative to its store root, else to the current folder) and its stored annotations. */
async function storedAnnotations(file: string, text: string) {
  const root = storeRootOf(file);
  const articlePath = (root !== undefined ? articlePathIn(root, file) : undefined) ?? articlePathIn(process.cwd(), file) ?? path.basename(file);
  if (root === undefined) return { path: articlePath, annotations: EMPTY_ARTICLE_ANNOTATIONS };
  const loaded = await new AnnotationFiles(root).load(articlePathIn(root, file)!, text);
  if (loaded.kind === 'invalid') throw new UsageError(`${loaded.file} could not be read (${loaded.message})`);
  return { path: articlePath, annotations: loaded.kind === 'loaded' ? loaded.annotations : EMPTY_ARTICLE_ANNOTATIONS };
}

/**
 * `x.ann` → `x.txt`/`x.article` beside it, without a `_annotator` suffix too, or in PolNeAR's `../text/`
 * (extensions in any case: `bratArticle.ts`); a missing or ambiguous article is a usage error.
 */
function articleOfBratFile(file: string): string {
  const folder = path.dirname(file);
  let found: BratArticle;
  for (const where of [folder, path.join(folder, '..', 'text')]) {
    found = articleOfBratName(path.basename(file), articleNamesIn(where));
    if (found && 'article' in found) return path.join(where, found.article);
    if (found) break;
  }
  throw new UsageError(bratArticleProblem(file, found, 'give --article FILE'));
}

/** The names of the article files (`.txt`, `.article`, any case) in `folder`; none when it cannot be read. */
function articleNamesIn(folder: string): string[] {
  try {
    return fs.readdirSync(folder, { withFileTypes: true }).filter((entry) => !entry.isDirectory() && ARTICLE_NAME.test(entry.name)).map((entry) => entry.name);
  } catch {
    return [];
  }
}
