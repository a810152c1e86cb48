/**
 * The brat standoff `.ann` syntax (https://brat.nlplab.org/standoff.html), read and written as it is,
 * without interpreting it (`brat.ts` maps it to annotations). Offsets are as in the file: characters as
 * Python counts them (code points).
 *
 * Some corpora write a span's text with its line breaks (PolNeAR does), which splits the line: a line that
 * does not start an annotation continues the one before. Lines we do not interpret (relations `R`,
 * attributes `A`/`M`, equivalences `*`) are kept as text.
 */

/** A text-bound annotation: `T1<TAB>Source 0 5;7 9<TAB>Washington Post`. */
export interface BratTextBound {
  readonly id: string;
  readonly type: string;
  /** `[start, end)` fragments in code points, in the order written. */
  readonly fragments: ReadonlyArray<readonly [number, number]>;
  readonly text: string;
}

/** An event: `E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`. */
export interface BratEvent {
  readonly id: string;
  readonly type: string;
  readonly trigger: string;
  readonly arguments: ReadonlyArray<{ readonly role: string; readonly id: string }>;
}

/** A note: `#1<TAB>AnnotatorNotes T66<TAB>text`. */
export interface BratNote {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly text: string;
}

/** A normalization: `N1<TAB>Reference T1 Wikidata:Q76<TAB>Barack Obama`. */
export interface BratNormalization {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly reference: string;
  readonly text: string;
}

/** A whole `.ann` file. */
export interface BratDocument {
  readonly textBounds: readonly BratTextBound[];
  readonly events: readonly BratEvent[];
  readonly notes: readonly BratNote[];
  readonly normalizations: readonly BratNormalization[];
  /** Lines of other kinds, as written. */
  readonly others: readonly string[];
  /** The (first) line of the file each annotation id was read from, 1-based, for messages; absent when written here. */
  readonly lineOf?: ReadonlyMap<string, number>;
}

const ANNOTATION_START = /^(?:[TERAMN#]\d+|\*)\t/;

/**
 * True when a `T` record's text is shorter than its span (in code points, fragments joined by a space): the span
 * runs over a line break, and the next line goes on with its text.
 */
function continuesSpanText(record: string): boolean {
  const [id, middle = '', ...rest] = record.split('\t');
  if (id[0] !== 'T' || rest.length === 0) return false;
  const bounds = textBoundOf(middle);
  if (!bounds) return false;
  const length = bounds.fragments.reduce((sum, [start, end]) => sum + (end - start), 0) + bounds.fragments.length - 1;
  return [...rest.join('\t')].length < length;
}

/** The type and fragments of a `T` line's middle field (`Person 0 5;7 12`), if it reads as one. */
function textBoundOf(middle: string): { type: string; fragments: Array<[number, number]> } | undefined {
  const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(middle);
  return match ? { type: match[1], fragments: match[2].split(';').map((f) => f.split(' ').map(Number) as [number, number]) } : undefined;
}

/** Reads a `.ann` file; `problems` lists each line that could not be read (1-based line numbers). */
export function parseBratStandoff(ann: string): { document: BratDocument; problems: string[] } {
  // Any line end, a lone CR (old Mac files) too: read as one line, every record after it was lost in the first.
  const lines = ann.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const records: Array<{ line: number; text: string }> = [];
  const problems: string[] = [];
  lines.forEach((line, i) => {
    const last = records[records.length - 1];
    if (ANNOTATION_START.test(line)) records.push({ line: i + 1, text: line });
    // A span's text that runs over a line break goes on on the next line (PolNeAR writes such spans so); after
    // any other record a line that starts no annotation is one that cannot be read (a remark, spaces for tabs),
    // not part of that record: glued to an event, it made the event unreadable, and the stray line was never named.
    else if (last !== undefined && continuesSpanText(last.text)) last.text += '\n' + line;
    else if (line.trim() !== '') problems.push(`line ${i + 1}: not a brat annotation (expected an id such as T1, E1 or #1, then a tab)`);
  });
  const textBounds: BratTextBound[] = [];
  const events: BratEvent[] = [];
  const notes: BratNote[] = [];
  const normalizations: BratNormalization[] = [];
  const others: string[] = [];
  const lineOf = new Map<string, number>();
  for (const { line, text } of records) {
    const [id, middle = '', ...rest] = text.split('\t');
    if (!lineOf.has(id)) lineOf.set(id, line);
    const tail = rest.join('\t');
    const bad = (what: string): void => void problems.push(`line ${line}: ${what}`);
    switch (id[0]) {
      case 'T': {
        const bounds = textBoundOf(middle);
        if (!bounds) {
          bad('expected "TYPE START END" (fragments separated by ;)');
          break;
        }
        if (bounds.fragments.some(([s, e]) => e < s)) bad('a fragment ends before it starts');
        else textBounds.push({ id, type: bounds.type, fragments: bounds.fragments, text: tail.replace(/\n+$/, '') });
        break;
      }
      case 'E': {
        const [head, ...args] = middle.trim().split(/ +/);
        const [type, trigger] = head.split(':');
        if (!type || !trigger || args.some((a) => !/^[^:]+:\S+$/.test(a))) {
          bad('expected "TYPE:TRIGGER ROLE:ID …"');
          break;
        }
        events.push({ id, type, trigger, arguments: args.map((a) => ({ role: a.slice(0, a.indexOf(':')), id: a.slice(a.indexOf(':') + 1) })) });
        break;
      }
      case '#': {
        const [type, target] = middle.split(' ');
        if (!type || !target) bad('expected "AnnotatorNotes ID"');
        else notes.push({ id, type, target, text: tail });
        break;
      }
      case 'N': {
        const [type, target, reference] = middle.split(' ');
        if (!type || !target || !reference) bad('expected "Reference ID DB:ID"');
        else normalizations.push({ id, type, target, reference, text: tail });
        break;
      }
      default:
        others.push(text);
    }
  }
  return { document: { textBounds, events, notes, normalizations, others, lineOf }, problems };
}

/**
 * What breaks a line of a `.ann` file for brat, which reads it with Python's `splitlines`: `\r`, `\n`, and also
 * VT, FF, the separators U+001C–U+001E, NEL (U+0085), LINE SEPARATOR and PARAGRAPH SEPARATOR (U+2028, U+2029);
 * and the tab, which separates fields.
 */
export const BRAT_LINE_BREAK = /\r\n|[\r\n\t\v\f\u001c-\u001e\u0085\u2028\u2029]/;
const BRAT_LINE_BREAKS = new RegExp(BRAT_LINE_BREAK.source, 'g');

/** A line break in a field would split the line (a span's text or a note over two lines for brat): written as a space. */
function oneLine(text: string): string {
  return text.replace(BRAT_LINE_BREAKS, ' ');
}

/** Writes a `.ann` file: text-bound annotations, events, normalizations, notes, other lines; a final line break. */
export function writeBratStandoff(document: BratDocument): string {
  const lines: string[] = [];
  for (const t of document.textBounds) lines.push(`${t.id}\t${t.type} ${t.fragments.map(([s, e]) => `${s} ${e}`).join(';')}\t${oneLine(t.text)}`);
  for (const e of document.events) lines.push(`${e.id}\t${[`${e.type}:${e.trigger}`, ...e.arguments.map((a) => `${a.role}:${a.id}`)].join(' ')}`);
  for (const n of document.normalizations) lines.push(`${n.id}\t${n.type} ${n.target} ${n.reference}\t${oneLine(n.text)}`);
  for (const n of document.notes) lines.push(`${n.id}\t${n.type} ${n.target}\t${oneLine(n.text)}`);
  lines.push(...document.others);
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
