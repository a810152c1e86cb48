import { parentPort, workerData } from 'worker_threads';
import { createArticleService, type ArticleService } from '../core/languageService';
import { loadDefaultResources } from '../diskData';
import { reportArticle } from './fileReport';
import type { OutputFormat } from './options';
import { readArticle, UnreadableArticle } from './readArticle';
import { renderReport } from './render';

/** One file to analyse; `seq` is its place in the input order. */
export interface FileJob {
  readonly seq: number;
  readonly file: string;
}

/** A file's report as printed, with its warnings counted, or why it could not be analysed. */
export type FileOutcome = { readonly seq: number; readonly output: string; readonly warnings: number } | { readonly seq: number; readonly problem: string };

/** How every job of a run is rendered; the worker threads get it as their `workerData`. */
export interface JobSettings {
  readonly format: OutputFormat;
  readonly strict: boolean;
}

/** Reads, analyses and renders one file. Never throws: every failure is the file's problem. */
export function runFileJob(service: ArticleService, job: FileJob, settings: JobSettings): FileOutcome {
  try {
    const report = reportArticle(service, job.file, readArticle(job.file), settings.strict);
    return { seq: job.seq, output: renderReport(report, settings.format), warnings: report.diagnostics.filter((d) => d.severity === 'warning').length };
  } catch (error) {
    if (error instanceof UnreadableArticle) return { seq: job.seq, problem: error.message };
    return { seq: job.seq, problem: `${job.file}: internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The body of a worker thread (`dist/cli.js` started again as a worker): its own language service
 * (the model loads once per thread), jobs in, rendered outcomes out. Texts never cross threads: the
 * worker reads the file itself.
 */
export function serveFileJobs(): void {
  const settings = workerData as JobSettings;
  const service = createArticleService(loadDefaultResources());
  parentPort?.on('message', (job: FileJob) => parentPort?.postMessage(runFileJob(service, job, settings)));
}
