import type { ExportFormat } from './index';

/** One article's export: its workspace-relative path, its text, and the format's output for it. */
export interface ExportedArticle {
  readonly path: string;
  readonly text: string;
  readonly output: string;
}

/** A file to write into the export folder: a relative POSIX path and its content. */
export interface ExportFile {
  readonly path: string;
  readonly text: string;
}

/** The combined file of the formats that hold many articles in one file. */
export const COMBINED_EXPORT_FILES: Readonly<Partial<Record<ExportFormat, string>>> = { conll: 'annotations.conll', doccano: 'annotations.jsonl' };

/**
 * The files an export writes into a folder, the same for the CLI (`--out DIR`) and the editor's
 * *Export Annotations…*: brat — per article, `<path without extension>.ann` beside a `.txt` copy of the
 * text (brat pairs them by name, and offsets count in that very text); W3C — `<path>.json` per article;
 * CoNLL and doccano — one file with every article (`-DOCSTART-` per article; a JSON line per article).
 * Article paths keep their folders, so two articles of the same name in two folders do not collide.
 */
export function exportFiles(format: ExportFormat, articles: readonly ExportedArticle[]): ExportFile[] {
  const combined = COMBINED_EXPORT_FILES[format];
  if (combined !== undefined) return articles.length === 0 ? [] : [{ path: combined, text: articles.map((a) => a.output).join('') }];
  if (format === 'w3c') return articles.map((a) => ({ path: `${a.path}.json`, text: a.output }));
  return articles.flatMap((a) => {
    const stem = a.path.replace(/\.[^./]*$/, '');
    return [
      { path: `${stem}.ann`, text: a.output },
      { path: `${stem}.txt`, text: a.text },
    ];
  });
}
