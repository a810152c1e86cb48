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
 * Article paths keep their folders, so two articles of the same name in two folders do not collide, and two
 * articles of one folder whose names differ only in their extension get brat files of their own (`bratStems`).
 * Two articles can still have one path (each relative to its own store: `x/a.txt` and `y/a.txt` under two
 * stores are both `a.txt`): the second is numbered (`a.txt~2.json`), never written over the first.
 */
export function exportFiles(format: ExportFormat, articles: readonly ExportedArticle[]): ExportFile[] {
  const combined = COMBINED_EXPORT_FILES[format];
  if (combined !== undefined) return articles.length === 0 ? [] : [{ path: combined, text: articles.map((a) => a.output).join('') }];
  if (format === 'w3c') {
    const names = numberedApart(articles.map((a) => a.path));
    return articles.map((a, i) => ({ path: `${names[i]}.json`, text: a.output }));
  }
  const stems = bratStems(articles.map((a) => a.path));
  return articles.flatMap((a, i) => [
    { path: `${stems[i]}.ann`, text: a.output },
    { path: `${stems[i]}.txt`, text: a.text },
  ]);
}

/**
 * The name each article's brat files take, without `.ann` / `.txt`: its path without its extension, unless
 * another article of the export has that stem too (`a.txt` and `a.article` in one folder, whose files would
 * overwrite each other's): then each of them but a `.txt` one keeps its whole name (`a.article.ann` beside
 * `a.article.txt`). Stems are compared without case, as a folder on macOS or Windows would; in the rare case
 * that the whole names collide too, a number tells them apart (`a.article~2`).
 */
function bratStems(paths: readonly string[]): string[] {
  const short = paths.map((p) => p.replace(/\.[^./]*$/, ''));
  const fold = (stem: string): string => stem.toLowerCase();
  const sharing = new Map<string, number>();
  for (const stem of short) sharing.set(fold(stem), (sharing.get(fold(stem)) ?? 0) + 1);
  const txtKeeps = new Set<string>();
  const stems = paths.map((p, i) => {
    if (sharing.get(fold(short[i]))! === 1) return short[i];
    // One `.txt` article of the group keeps the pair brat expects (`a.ann` beside the article's own name).
    if (/\.txt$/i.test(p) && !txtKeeps.has(fold(short[i]))) {
      txtKeeps.add(fold(short[i]));
      return short[i];
    }
    return p;
  });
  return numberedApart(stems);
}

/**
 * The names with a number added to each that an earlier one already has (`a.txt`, `a.txt~2`), compared
 * without case, as a folder on macOS or Windows compares them.
 */
function numberedApart(names: readonly string[]): string[] {
  const fold = (name: string): string => name.toLowerCase();
  const taken = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let n = 2; taken.has(fold(unique)); n++) unique = `${name}~${n}`;
    taken.add(fold(unique));
    return unique;
  });
}
