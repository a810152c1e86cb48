import type { FileReport } from './fileReport';
import { markedSpeaker, UNCERTAIN_SPEAKER_BELOW } from '../core/quoteSpeakers';
import type { OutputFormat } from './options';

/** How an actor line names the actor's type, padded to one width. */
const TYPE_LABELS: Readonly<Record<string, string>> = { person: 'person', organization: 'org   ', location: 'place ' };

/**
 * One report as printed, a self-contained piece of the output: linter-style lines and a blank line
 * (text), an element of the `files` array indented as `JSON.stringify(document, null, 2)` would
 * indent it (json), or one line (jsonl). Rendered where the file was analysed (a worker thread), so
 * the main thread only writes.
 */
export function renderReport(report: FileReport, format: OutputFormat): string {
  if (format === 'jsonl') return `${JSON.stringify(report)}\n`;
  if (format === 'json') return `    ${JSON.stringify(report, null, 2).replace(/\n/g, '\n    ')}`;
  const out: string[] = [];
  const file = printableName(report.file);
  for (const d of report.diagnostics) out.push(`${file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
  if (report.empty) {
    out.push(`${file}: no content`);
  } else {
    if (report.authors?.length) out.push(`${file}: by ${report.authors.join(', ')}`);
    out.push(`${file}: actors`);
    for (const actor of report.actors) {
      const roles = actor.roles.length ? ` — ${actor.roles.join('; ')}` : '';
      const spellings = actor.spellings.length > 1 ? ` (also ${actor.spellings.filter((s) => s !== actor.name).join(', ')})` : '';
      out.push(`  ${TYPE_LABELS[actor.type] ?? actor.type} ${actor.name}${roles}${spellings} · ${actor.mentions} mention${actor.mentions === 1 ? '' : 's'}${actor.quotes ? `, ${actor.quotes} quote${actor.quotes === 1 ? '' : 's'}` : ''}`);
    }
    out.push(`${file}: quotes`);
    for (const quote of report.quotes) {
      // The printed (cut) confidence decides, as `reportedConfidence` keeps it below the threshold exactly when the editor's is.
      const uncertain = quote.confidence !== undefined && quote.confidence < UNCERTAIN_SPEAKER_BELOW ? quote.confidence : undefined;
      const who = quote.speaker === null ? (quote.kind === 'scare' ? '(scare quote)' : '(no speaker found)') : markedSpeaker(quote.speaker, uncertain);
      const text = quote.text.length > 90 ? `${shortened(quote.text, 89)}…` : quote.text;
      out.push(`  ${file}:${quote.line}:${quote.column} ${who}: “${text.replace(/\s+/g, ' ')}”`);
    }
  }
  return `${out.join('\n')}\n\n`;
}

/**
 * A file name as a text report prints it: as it is, or quoted with escapes (`"a\nb.txt"`, as git quotes
 * paths) when it holds a line break or another control character, which split a report line in two.
 */
function printableName(name: string): string {
  return /[\u0000-\u001f\u007f\u2028\u2029]/.test(name) ? JSON.stringify(name).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`) : name;
}

/** What goes around the rendered reports: the JSON document's brackets, the text's summary line. */
export interface OutputFrame {
  /** Before the first report. */
  readonly head: string;
  /** Between two reports. */
  readonly separator: string;
  /** After the last report. */
  tail(files: number, warnings: number, unanalysed: number): string;
  /** All that is printed when no file was analysed: nothing, but JSON is still one document to parse. */
  readonly empty: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The frame of a format. Together with {@link renderReport} the JSON output is exactly `JSON.stringify({ files }, null, 2)`. */
export function outputFrame(format: OutputFormat): OutputFrame {
  if (format === 'json') return { head: '{\n  "files": [\n', separator: ',\n', tail: () => '\n  ]\n}\n', empty: `${JSON.stringify({ files: [] }, null, 2)}\n` };
  if (format === 'jsonl') return { head: '', separator: '', tail: () => '', empty: '' };
  return {
    head: '',
    separator: '',
    empty: '',
    tail: (files, warnings, unanalysed) => `${plural(files, 'file')}, ${plural(warnings, 'warning')}${unanalysed ? `, ${plural(unanalysed, 'path')} not analysed` : ''}\n`,
  };
}

/** The first `length` UTF-16 units of `text`, one fewer when the cut would split a character (an emoji: printed as U+FFFD). */
function shortened(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
