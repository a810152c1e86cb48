import { parseShard, type Shard } from './shard';
import { BYTES_PER_EXTRA_THREAD } from './threadCount';

/** How reports are printed: linter-style text, one JSON document, or one JSON object per line. */
export type OutputFormat = 'text' | 'json' | 'jsonl';

/** The command line, parsed. */
export interface CliOptions {
  readonly format: OutputFormat;
  /** Warnings (and, here, empty files) make the exit code 1. */
  readonly strict: boolean;
  /** JSONL in input order rather than as articles finish (text and JSON are always in input order). */
  readonly sorted: boolean;
  /**
   * Threads that analyse files, as `--jobs` asked (1: the main thread alone). Absent: the run decides
   * from the size of its input (`threadCount.ts`).
   */
  readonly jobs: number | undefined;
  /** Only this share of the input files, when given. */
  readonly shard?: Shard;
  readonly paths: readonly string[];
  readonly help: boolean;
  /** What was changed from the command line as given, one line each for stderr (`--jobs` lowered). */
  readonly notes?: readonly string[];
}

/**
 * At most this many threads per core, whatever `--jobs` asks: the analysis is CPU work, so threads
 * beyond the cores only add memory (about 30 MB each) and the analysis's compilation once more each
 * (`--jobs 99` on 2 cores started 98 workers). Twice, not once, leaves room for a file system that
 * makes threads wait on reads.
 */
export const MAX_JOBS_PER_CORE = 2;

/** A wrong command line: the message is printed with the usage, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: article-lens [--json | --jsonl [--sorted]] [--strict] [--jobs N] [--shard K/N] [--] [files or folders…]
       article-lens agree A B [--json] [--labels …]   (agreement between two annotators' folders; see README)
       article-lens export --format brat|conll|doccano|w3c [--suggestions] [--out DIR] [files or folders…]
       article-lens import [--article FILE] [--root DIR] FILES.ann…   (each of these three: --help for more)
  Analyses news articles (default: ./seeds): duplicate paragraphs, actors and roles, quotes and speakers.
  --json       print one JSON document ({"files": […]}) instead of text
  --jsonl      print one JSON object per article, as each finishes
  --sorted     with --jsonl: in input order (arguments, then folders in code-unit order of names)
  --strict     exit with code 1 when any file has warnings; an empty file counts as one
  --jobs N     analyse in N threads (at most twice the cores and one per file; default: one, and one more
               per ${BYTES_PER_EXTRA_THREAD / 2 ** 20} MB of input, up to the number of cores)
  --shard K/N  analyse only share K of N (1 ≤ K ≤ N), chosen by a hash of each file's relative path
  --           the end of the options: every argument after it is a file or folder (a name starting with -)
Exit codes: 0 ok, 1 warnings with --strict, 2 bad input (the other files are still analysed).`;

/** Parses `argv` (without node and the script); `cores` bounds `--jobs`. */
export function parseArguments(argv: readonly string[], cores: number): CliOptions {
  let json = false;
  let jsonl = false;
  let strict = false;
  let sorted = false;
  let help = false;
  let jobs: number | undefined;
  let shard: Shard | undefined;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // `--` ends the options: what follows is files and folders, even a name starting with `-`.
    if (arg === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    // `--jobs 4` and `--jobs=4` alike.
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const given = inline ?? argv[++i];
      if (given === undefined) throw new UsageError(`${name} needs a value\n${USAGE}`);
      return given;
    };
    // A switch takes no value: `--strict=no` is refused rather than read as `--strict`.
    const flag = () => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value (${arg})\n${USAGE}`);
      return true;
    };
    if (name === '--json') json = flag();
    else if (name === '--jsonl') jsonl = flag();
    else if (name === '--strict') strict = flag();
    else if (name === '--sorted') sorted = flag();
    else if (name === '--help' || name === '-h') help = flag();
    else if (name === '--jobs' || name === '-j') jobs = parseJobs(value());
    else if (name === '--shard') {
      const text = value();
      shard = parseShard(text);
      if (!shard) throw new UsageError(`--shard ${text}: expected K/N with 1 ≤ K ≤ N, e.g. --shard 2/8\n${USAGE}`);
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    else paths.push(arg);
  }
  if (json && jsonl) throw new UsageError(`--json and --jsonl exclude each other\n${USAGE}`);
  if (paths.length === 0) paths.push('seeds');
  const notes: string[] = [];
  const maxJobs = MAX_JOBS_PER_CORE * Math.max(1, cores);
  if (jobs !== undefined && jobs > maxJobs) {
    notes.push(`--jobs ${jobs}: analysing in ${maxJobs} threads, twice the ${cores} core${cores === 1 ? '' : 's'} (more only add memory)`);
    jobs = maxJobs;
  }
  return { format: jsonl ? 'jsonl' : json ? 'json' : 'text', strict, sorted, jobs, shard, paths, help, ...(notes.length > 0 ? { notes } : {}) };
}

/** A whole number of threads, 1 or more; a large one is lowered by {@link parseArguments}, with a note. */
function parseJobs(text: string): number {
  const jobs = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(jobs >= 1 && Number.isSafeInteger(jobs))) throw new UsageError(`--jobs ${text}: expected a whole number, 1 or more\n${USAGE}`);
  return jobs;
}
