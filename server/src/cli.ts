/**
 * The main job without an editor: `node dist/cli.js [files or folders]` (default `seeds/`) prints,
 * linter-style, each article's diagnostics, its actors with roles and its quotes with speakers.
 * `--json` prints the same as JSON; `--strict` exits 1 when a file has warnings; bad input exits 2
 * with a one-line message and no stack trace.
 */
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { IGNORED_FOLDERS, isArticlePath } from './core/articleFiles';
import { describeRepeat } from './core/duplicates';
import { createArticleService, looksBinary, type ArticleService } from './core/languageService';
import { loadDefaultResources } from './diskData';
import { PositionMapper } from './lsp/positions';
import { runAgreeCommand } from './cli/agree';
import { runExportCommand, runImportCommand } from './cli/annotationExchange';

interface Options {
  json: boolean;
  strict: boolean;
  paths: string[];
}

class UsageError extends Error {}

const USAGE = `Usage: article-lens [--json] [--strict] [files or folders…]
  Analyses news articles (default: ./seeds): duplicate paragraphs, actors and roles, quotes and speakers.
  --json    print JSON instead of text
  --strict  exit with code 1 when any file has warnings
Exit codes: 0 ok, 1 warnings with --strict, 2 bad input.`;

function parseArguments(argv: readonly string[]): Options {
  const options: Options = { json: false, strict: false, paths: [] };
  for (const arg of argv) {
    if (arg === '--json') options.json = true;
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) options.paths.push('seeds');
  return options;
}

/** Expands folders into the article files inside them; a file named explicitly is always taken. */
function collectFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      throw new UsageError(`${given}: no such file or folder`);
    }
    if (stat.isFile()) {
      files.push(given);
      continue;
    }
    if (!stat.isDirectory()) throw new UsageError(`${given}: not a file or folder`);
    const found: string[] = [];
    const walk = (folder: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
      } catch {
        throw new UsageError(`${folder}: cannot read folder`);
      }
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && !IGNORED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
        // Inside a folder given on the command line, every .txt and .article file counts.
        else if (entry.isFile() && (/\.(txt|article)$/i.test(entry.name) || isArticlePath(path.relative(given, full)))) found.push(full);
      }
    };
    walk(given);
    if (found.length === 0) throw new UsageError(`${given}: no article files (.txt or .article) in this folder`);
    files.push(...found);
  }
  return files;
}

/** Reads a file as UTF-8 text, refusing binary files and invalid UTF-8 with a clear message. */
function readArticle(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot read file${code ? ` (${code})` : ''}`);
  }
  if (bytes.includes(0)) throw new UsageError(`${file}: binary file (contains NUL bytes), not an article`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file}: not valid UTF-8 text`);
  }
  if (looksBinary(text)) throw new UsageError(`${file}: binary file (control characters), not an article`);
  return text;
}

interface FileReport {
  file: string;
  diagnostics: { line: number; column: number; severity: 'warning'; code: string; message: string; firstLine: number }[];
  actors: { name: string; type: string; roles: string[]; spellings: string[]; mentions: number; quotes: number }[];
  quotes: { line: number; column: number; speaker: string | null; kind: string; text: string }[];
}

function analyseFile(service: ArticleService, file: string, text: string): FileReport {
  const document = { uri: URI.file(path.resolve(file)).toString(), version: 1, getText: () => text };
  const analysis = service.analyze(document);
  const positions = new PositionMapper(text);
  const outline = service.getQuoteOutline(document);
  const speakerOf = new Map<object, string>();
  for (const group of outline.speakers) for (const quote of group.quotes) speakerOf.set(quote, group.label);
  return {
    file,
    diagnostics: analysis.duplicates.map((repeat) => {
      const at = positions.positionAt(repeat.duplicate.start);
      const firstLine = positions.positionAt(repeat.original.start).line + 1;
      return { line: at.line + 1, column: at.character + 1, severity: 'warning', code: 'duplicate-paragraph', message: describeRepeat(repeat, firstLine), firstLine };
    }),
    actors: analysis.actors
      .filter((a) => a.type === 'person' || a.type === 'organization')
      .map((a) => ({ name: a.name, type: a.type, roles: [...a.roles], spellings: [...a.spellings], mentions: a.mentions.length, quotes: a.quotes.length })),
    quotes: analysis.quotes.map((q) => {
      const at = positions.positionAt(q.start);
      return { line: at.line + 1, column: at.character + 1, speaker: speakerOf.get(q) ?? null, kind: q.kind, text: q.text };
    }),
  };
}

function printText(reports: readonly FileReport[]): void {
  const out: string[] = [];
  for (const report of reports) {
    for (const d of report.diagnostics) out.push(`${report.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
    out.push(`${report.file}: actors`);
    for (const actor of report.actors) {
      const roles = actor.roles.length ? ` — ${actor.roles.join('; ')}` : '';
      const spellings = actor.spellings.length > 1 ? ` (also ${actor.spellings.filter((s) => s !== actor.name).join(', ')})` : '';
      out.push(`  ${actor.type === 'person' ? 'person' : 'org   '} ${actor.name}${roles}${spellings} · ${actor.mentions} mention${actor.mentions === 1 ? '' : 's'}${actor.quotes ? `, ${actor.quotes} quote${actor.quotes === 1 ? '' : 's'}` : ''}`);
    }
    out.push(`${report.file}: quotes`);
    for (const quote of report.quotes) {
      const who = quote.speaker ?? (quote.kind === 'scare' ? '(scare quote)' : '(no speaker found)');
      const text = quote.text.length > 90 ? `${quote.text.slice(0, 89)}…` : quote.text;
      out.push(`  ${report.file}:${quote.line}:${quote.column} ${who}: “${text.replace(/\s+/g, ' ')}”`);
    }
    out.push('');
  }
  const warnings = reports.reduce((n, r) => n + r.diagnostics.length, 0);
  out.push(`${reports.length} file${reports.length === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function main(): number {
  // `article-lens agree A B [--json]`: agreement between two annotators, a command of its own (cli/agree.ts).
  if (process.argv[2] === 'agree') return runAgreeCommand(process.argv.slice(3), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) });
  try {
    const options = parseArguments(process.argv.slice(2));
    const files = collectFiles(options.paths);
    const texts = files.map((file) => ({ file, text: readArticle(file) }));
    const service = createArticleService(loadDefaultResources());
    // Index every file first, so each actor's "other articles" are known as in the editor.
    for (const { file, text } of texts) service.indexArticle(URI.file(path.resolve(file)).toString(), text);
    const reports = texts.map(({ file, text }) => analyseFile(service, file, text));
    if (options.json) process.stdout.write(`${JSON.stringify({ files: reports }, null, 2)}\n`);
    else printText(reports);
    return options.strict && reports.some((r) => r.diagnostics.length > 0) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`article-lens: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`article-lens: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

/** `article-lens export …` and `article-lens import …`: annotation exchange formats, commands of their own (cli/annotationExchange.ts). */
const exchange = { export: runExportCommand, import: runImportCommand }[process.argv[2] as 'export' | 'import'];
if (exchange) void exchange(process.argv.slice(3), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) }).then((code) => (process.exitCode = code));
else process.exitCode = main();
