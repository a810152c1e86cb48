import type { FileOutcome } from './fileJobs';
import type { OutputFormat } from './options';
import { outputFrame, type OutputFrame } from './render';

/**
 * How far ahead of the first unfinished file an ordered run may start others: bounds what waits in
 * memory behind a slow file (a few hundred rendered reports) while keeping every worker busy.
 */
const ORDERED_WINDOW = 256;

/**
 * Writes outcomes as they come: in completion order, or, when ordered, in input order through a
 * small reorder buffer. Reports go to `write` inside the format's frame (opened at the first report,
 * so a run that analysed nothing prints nothing, or with `--json` an empty `files` list); problems go to
 * `problem`. Counts what it wrote.
 */
export class ReportOutput {
  private readonly frame: OutputFrame;
  private readonly early = new Map<number, FileOutcome>();
  private next = 0;
  private reports = 0;
  private warnings = 0;
  private problems = 0;

  constructor(
    format: OutputFormat,
    private readonly ordered: boolean,
    private readonly write: (text: string) => void,
    private readonly problem: (message: string) => void,
  ) {
    this.frame = outputFrame(format);
  }

  /** False when starting job `seq` now would hold too much behind the first unfinished one. */
  mayStart(seq: number): boolean {
    return !this.ordered || seq < this.next + ORDERED_WINDOW;
  }

  accept(outcome: FileOutcome): void {
    if (!this.ordered) return this.emit(outcome);
    this.early.set(outcome.seq, outcome);
    for (let ready = this.early.get(this.next); ready; ready = this.early.get(this.next)) {
      this.early.delete(this.next);
      this.next++;
      this.emit(ready);
    }
  }

  /** A problem that is not a job's (a path that names nothing), reported at once. */
  reportProblem(message: string): void {
    this.problems++;
    this.problem(message);
  }

  /** Closes the frame (or prints the format's empty output); returns the counts for the exit code. */
  finish(): { reports: number; warnings: number; problems: number } {
    if (this.reports > 0) this.write(this.frame.tail(this.reports, this.warnings, this.problems));
    else if (this.frame.empty) this.write(this.frame.empty);
    return { reports: this.reports, warnings: this.warnings, problems: this.problems };
  }

  private emit(outcome: FileOutcome): void {
    if ('problem' in outcome) return this.reportProblem(outcome.problem);
    this.write(this.reports === 0 ? `${this.frame.head}${outcome.output}` : `${this.frame.separator}${outcome.output}`);
    this.reports++;
    this.warnings += outcome.warnings;
  }
}
