/**
 * The main job without an editor: `article-lens [files or folders]` (default `seeds/`) prints,
 * linter-style, each article's diagnostics, its actors with roles and its quotes with speakers;
 * `--json` prints one JSON document, `--jsonl` one object per article as it finishes. Files are
 * analysed in worker threads (`--jobs`, this same script started as a worker) and streamed out, so
 * memory stays flat however many there are; `--shard K/N` takes a share for distributed runs. A bad
 * path or file is reported in one line and the others are still analysed: exit code 2 at the end.
 * See `cli/` for the parts.
 */
// First: the CLI's V8 settings, in place before any analysis code is compiled.
import './v8Tuning';
import { availableParallelism } from 'os';
import { isMainThread } from 'worker_threads';
import { createArticleService, type ArticleService } from './core/languageService';
import { loadDefaultResources } from './diskData';
import { runAgreeCommand } from './cli/agree';
import { runExportCommand, runImportCommand } from './cli/annotationExchange';
import { runFileJob, serveFileJobs, type FileJob, type JobSettings } from './cli/fileJobs';
import { listInputFiles } from './cli/inputFiles';
import { parseArguments, USAGE, UsageError, type CliOptions } from './cli/options';
import { ReportOutput } from './cli/reportOutput';
import { shardOf } from './cli/shard';
import { takeFirstJobs } from './cli/threadCount';
import { runInWorkers } from './cli/workerPool';

/**
 * Commands of their own: `agree A B` (agreement between two annotators, cli/agree.ts), `export …` and
 * `import …` (annotation exchange formats, cli/annotationExchange.ts).
 */
const SUBCOMMANDS: Record<string, ((args: readonly string[], output: { out(text: string): void; err(text: string): void }) => number | Promise<number>) | undefined> = {
  agree: runAgreeCommand,
  export: runExportCommand,
  import: runImportCommand,
};

async function main(): Promise<number> {
  const command = SUBCOMMANDS[process.argv[2]];
  if (command) return command(process.argv.slice(3), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) });
  let options: CliOptions;
  const cores = availableParallelism();
  try {
    options = parseArguments(process.argv.slice(2), cores);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`article-lens: ${error.message}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  for (const note of options.notes ?? []) process.stderr.write(`article-lens: warning: ${note}\n`);
  const output = new ReportOutput(options.format, options.format !== 'jsonl' || options.sorted, (text) => process.stdout.write(text), (message) => {
    process.stderr.write(`article-lens: ${message}\n`);
    // Known now, not only at the end: a reader that leaves early (`| head`) still gets exit code 2.
    process.exitCode = 2;
  });
  const settings: JobSettings = { format: options.format, strict: options.strict };
  const jobs = fileJobs(options, output);
  // A look at the first files decides how many threads are worth starting: never more threads than files,
  // and by default none beside this one for a small input (each costs the analysis's compilation again).
  const { first, threads } = takeFirstJobs(jobs, options.jobs, cores);
  const all = (function* () {
    yield* first;
    yield* jobs;
  })();
  // This thread analyses files in every case: alone, or as one of the N beside N − 1 workers (each worker
  // compiles the analysis again). Made on its first file, after the workers were started, so that its data
  // load overlaps theirs (it was made first, and each worker began loading only once this thread had:
  // about half a second of one core idle at the start); a data file that cannot be read still ends the
  // run with its message (outside `runFileJob`, which would make it one file's problem).
  let service: ArticleService | undefined;
  const runHere = (job: FileJob) => runFileJob((service ??= createArticleService(loadDefaultResources())), job, settings);
  if (threads >= 2) {
    await runInWorkers(all, { script: __filename, workers: threads - 1, settings, local: runHere, mayStart: (seq) => output.mayStart(seq), done: (outcome) => output.accept(outcome) });
  } else {
    for (const job of all) output.accept(runHere(job));
  }
  const { warnings, problems } = output.finish();
  return problems > 0 ? 2 : options.strict && warnings > 0 ? 1 : 0;
}

/** The input files of this run (of this shard), numbered in input order; paths that name nothing are reported on the way. */
function* fileJobs(options: CliOptions, output: ReportOutput): Generator<FileJob> {
  let seq = 0;
  for (const input of listInputFiles(options.paths)) {
    if ('problem' in input) output.reportProblem(input.problem);
    else if (!options.shard || shardOf(input.shardKey, options.shard.count) === options.shard.index) yield { seq: seq++, file: input.file };
  }
}

if (isMainThread) {
  // `article-lens … | head`: the reader left; stop quietly rather than with a stack trace. Any other
  // failure to write (a full disk under `> out.jsonl`) loses output: one line, and exit code 2, not a
  // stack trace and exit code 1, which `--strict` uses for warnings.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`article-lens: cannot write the output: ${error.message}\n`);
    process.exit(2);
  });
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`article-lens: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
} else {
  serveFileJobs();
}
