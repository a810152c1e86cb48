import { promises as fs } from 'fs';
import * as path from 'path';
import { importBrat } from '../core/annotations/formats/brat';
import type { Annotation } from '../core/annotations/model';
import { reanchor } from '../core/annotations/reanchor';
import { AnnotationFiles } from './annotationFiles';

/**
 * Another annotator's annotations of an article, read from their folder (their copy of the workspace,
 * or a folder of brat files) and placed in this article's text: for *Compare with Annotations in…*.
 * Looked for, in order: their store (`.article-lens/annotations/<article>.json`, under the folder, by
 * the article's path, then by its file name); a brat file by the article's path or file name
 * (`x.ann`, or PolNeAR's `x_<annotator>.ann`) with its text beside it. Their annotations are placed by
 * their quotes, so their copy of the text may differ a little from this one.
 */

/** What was found: their annotations placed in this text, and which file they came from; or why not. */
export type OtherAnnotations =
  | { readonly kind: 'found'; readonly file: string; readonly annotations: readonly Annotation[]; readonly problems: readonly string[] }
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly file: string; readonly message: string };

/** Ids and times do not matter for a comparison: fixed ones keep it deterministic. */
const READ_CONTEXT = { newId: ((n = 0) => () => `urn:compare:${++n}`)(), now: '1970-01-01T00:00:00.000Z' };

export async function readOtherAnnotations(folder: string, articlePath: string, text: string): Promise<OtherAnnotations> {
  const base = path.posix.basename(articlePath);
  for (const candidate of unique([articlePath, base])) {
    const store = new AnnotationFiles(folder);
    const loaded = await store.load(candidate, text);
    if (loaded.kind === 'invalid') return { kind: 'invalid', file: loaded.file, message: loaded.message };
    if (loaded.kind === 'loaded') return { kind: 'found', file: store.fileOf(candidate)!, annotations: loaded.annotations.annotations, problems: orphans(loaded.annotations.annotations) };
  }
  // The whole name first: an export gives an article whose name differs from another's only in its extension
  // brat files under its whole name (`a.article.ann` beside `a.txt`'s `a.ann`: formats/exportFiles.ts).
  for (const stem of unique([articlePath, articlePath.replace(/\.[^./]+$/, ''), base, base.replace(/\.[^./]+$/, '')])) {
    const ann = await bratFileOf(path.join(folder, ...stem.split('/')));
    if (!ann) continue;
    const theirs = (await readText(path.join(folder, ...articlePath.split('/')))) ?? (await readText(`${path.join(folder, ...stem.split('/'))}.txt`)) ?? text;
    const content = await readText(ann);
    if (content === undefined) return { kind: 'invalid', file: ann, message: 'cannot be read' };
    const imported = importBrat(content, theirs, READ_CONTEXT);
    const placed = theirs === text ? imported.annotations : reanchor(imported.annotations, text).annotations;
    return { kind: 'found', file: ann, annotations: placed, problems: [...imported.problems, ...orphans(placed)] };
  }
  return { kind: 'missing' };
}

/** `x.ann` for the stem `x`, else the first `x_<annotator>.ann` beside it (in name order). */
async function bratFileOf(stem: string): Promise<string | undefined> {
  if (await isFile(`${stem}.ann`)) return `${stem}.ann`;
  let names: string[];
  try {
    names = await fs.readdir(path.dirname(stem));
  } catch {
    return undefined;
  }
  const prefix = `${path.basename(stem)}_`;
  const match = names.filter((name) => name.startsWith(prefix) && name.endsWith('.ann')).sort()[0];
  return match && path.join(path.dirname(stem), match);
}

function orphans(annotations: readonly Annotation[]): string[] {
  const count = annotations.filter((a) => a.status === 'orphaned').length;
  return count > 0 ? [`${count} of their annotations could not be placed in this text (left out)`] : [];
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
