import { CodePointIndex } from '../codePoints';
import { effectiveEntities } from '../entityLayer';
import { conllTagOfLabel, labelOfExternalName } from '../labels';
import type { OffsetRange } from '../../types';
import { countLeftOut, type ArticleForExport, type ExportOutput } from './exchange';

/**
 * doccano's sequence-labelling JSONL: one line per article, `{"text": …, "label": [[start, end, label], …],
 * "path": …}` (doccano keeps extra keys as metadata). Offsets count code points: doccano reads them with
 * Python (doccano PR 99 moved its offsets to Python's counting). Labels are `PER`, `ORG`, `LOC`, `MISC` and
 * user labels; doccano allows overlapping spans, so all entities are written.
 */

/** The JSONL line of one article (with its line break). */
export function exportDoccano(article: ArticleForExport): ExportOutput {
  const index = new CodePointIndex(article.text);
  const leftOut: string[] = [];
  for (const a of article.annotations.annotations) {
    if (a.status === 'orphaned') leftOut.push('orphaned annotation (no place in the text)');
    else if (a.body.kind !== 'label' && a.body.kind !== 'confirm' && a.body.kind !== 'reject') leftOut.push(`${a.body.kind} annotation (doccano sequence labels are entities only)`);
    else if (a.body.kind !== 'reject' && a.target.length > 1) leftOut.push('discontinuous label (one entity per fragment: doccano has no discontinuous spans)');
  }
  const label = effectiveEntities(article.text, article.annotations.annotations, article.suggestions).map((e) => [index.toCodePoints(e.start), index.toCodePoints(e.end), conllTagOfLabel(e.label)]);
  return { text: JSON.stringify({ text: article.text, label, path: article.path }) + '\n', leftOut: countLeftOut(leftOut) };
}

/** One document of a doccano file: its text and labelled spans (UTF-16 offsets, labels in our vocabulary). */
export interface DoccanoDocument {
  readonly text: string;
  readonly spans: Array<OffsetRange & { label: string }>;
  readonly path?: string;
}

/**
 * Reads doccano JSONL: `label` as `[[start, end, label]]` (the import format), or `entities` as
 * `[{start_offset, end_offset, label}]` (what newer doccano versions export).
 */
export function parseDoccano(jsonl: string): { documents: DoccanoDocument[]; problems: string[] } {
  const documents: DoccanoDocument[] = [];
  const problems: string[] = [];
  jsonl.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    const r = record as { text?: unknown; label?: unknown; entities?: unknown; path?: unknown };
    if (typeof r.text !== 'string') {
      problems.push(`line ${i + 1}: no "text"`);
      return;
    }
    const index = new CodePointIndex(r.text);
    const raw: unknown[] = Array.isArray(r.label) ? r.label : Array.isArray(r.entities) ? r.entities : [];
    const spans: Array<OffsetRange & { label: string }> = [];
    for (const item of raw) {
      const [start, end, name] = Array.isArray(item) ? item : [(item as Record<string, unknown>)?.start_offset, (item as Record<string, unknown>)?.end_offset, (item as Record<string, unknown>)?.label];
      if (!Number.isInteger(start) || !Number.isInteger(end) || typeof name !== 'string' || start < 0 || start > end || end > index.codePointLength) {
        problems.push(`line ${i + 1}: span ${JSON.stringify(item)} is not [start, end, label] inside the text`);
        continue;
      }
      spans.push({ start: index.toUtf16(start), end: index.toUtf16(end), label: labelOfExternalName(name) });
    }
    documents.push({ text: r.text, spans, ...(typeof r.path === 'string' ? { path: r.path } : {}) });
  });
  return { documents, problems };
}
