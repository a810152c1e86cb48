import type { AnnotationEntry } from '../annotations/digest';
import { bratTypeOfLabel, ENTITY_LABELS } from '../annotations/labels';
import type { AnnotationKind, ReviewState } from '../annotations/model';
import type { ArticleSummary } from '../workspaceIndex';
import { compareText, type AnnotatedArticleRow, type AnnotationGroupRow, type AnnotationRow } from './rows';

/**
 * The Annotations view as queries over the workspace index: every article's annotations (the digest
 * its summary carries, from the editor or the store file) grouped by label and by article, articles
 * not yet reviewed first, orphans counted and flagged.
 */

/** One annotation of the workspace with its article. */
export interface WorkspaceAnnotation {
  readonly article: ArticleSummary;
  readonly entry: AnnotationEntry;
}

/** The review state of an indexed article: `unreviewed` when it has no store file. */
export function reviewStateOf(article: ArticleSummary): ReviewState {
  return article.annotations?.reviewState ?? 'unreviewed';
}

/** Articles still to review (unreviewed or in progress) before reviewed ones. */
function reviewRank(article: ArticleSummary): number {
  return reviewStateOf(article) === 'reviewed' ? 1 : 0;
}

/**
 * Every annotation of the workspace (only orphans with `orphanedOnly`): articles still to review first,
 * then in the order `articles` are given (URI order), each article's in text order.
 */
export function workspaceAnnotations(articles: readonly ArticleSummary[], orphanedOnly = false): WorkspaceAnnotation[] {
  const annotated = articles.filter((a) => a.annotations && a.annotations.entries.length > 0);
  // A stable sort: URI order stays within each rank.
  annotated.sort((a, b) => reviewRank(a) - reviewRank(b));
  const all: WorkspaceAnnotation[] = [];
  for (const article of annotated) {
    for (const entry of article.annotations!.entries) if (!orphanedOnly || entry.orphaned) all.push({ article, entry });
  }
  return all;
}

/** The kinds of correction, in the order the view lists their groups, with the groups' names. */
const CORRECTION_GROUPS: ReadonlyMap<AnnotationKind, string> = new Map<AnnotationKind, string>([
  ['reject', 'Not an entity'],
  ['sameAs', 'Same actor'],
  ['differentFrom', 'Different actors'],
  ['identity', 'Actor names'],
  ['speaker', 'Speakers'],
  ['quoteKind', 'Quote kinds'],
]);
const KIND_ORDER = [...CORRECTION_GROUPS.keys(), 'note'];

/** The group an annotation is listed under: its label (labels and accepted entities), or its kind. */
export function groupOf(entry: AnnotationEntry): Pick<AnnotationGroupRow, 'id' | 'name' | 'kind'> {
  if (entry.label !== undefined) return { id: `label:${entry.label}`, name: bratTypeOfLabel(entry.label), kind: 'label' };
  if (entry.kind === 'note') return { id: 'kind:note', name: 'Notes', kind: 'note' };
  return { id: `kind:${entry.kind}`, name: CORRECTION_GROUPS.get(entry.kind) ?? entry.kind, kind: 'correction' };
}

/**
 * The groups of the annotations given, with their counts: labels first (the four entity labels in their
 * usual order, then the user's labels by name), then the corrections, then the notes.
 */
export function annotationGroups(annotations: readonly WorkspaceAnnotation[]): AnnotationGroupRow[] {
  const groups = new Map<string, { row: Pick<AnnotationGroupRow, 'id' | 'name' | 'kind'>; annotations: number; orphaned: number; unreviewed: number; articles: Set<string> }>();
  for (const { article, entry } of annotations) {
    const row = groupOf(entry);
    let group = groups.get(row.id);
    if (!group) groups.set(row.id, (group = { row, annotations: 0, orphaned: 0, unreviewed: 0, articles: new Set() }));
    group.annotations++;
    if (entry.orphaned) group.orphaned++;
    if (reviewRank(article) === 0) group.unreviewed++;
    group.articles.add(article.uri);
  }
  const rank = (row: Pick<AnnotationGroupRow, 'id' | 'kind'>): number => {
    if (row.kind !== 'label') return 100 + KIND_ORDER.indexOf(row.id.slice('kind:'.length));
    const entity = (ENTITY_LABELS as readonly string[]).indexOf(row.id.slice('label:'.length));
    return entity >= 0 ? entity : ENTITY_LABELS.length;
  };
  return [...groups.values()]
    .map((g): AnnotationGroupRow => ({ ...g.row, annotations: g.annotations, orphaned: g.orphaned, unreviewed: g.unreviewed, articles: g.articles.size }))
    .sort((a, b) => rank(a) - rank(b) || compareText(a.name, b.name));
}

/** The articles of the annotations given, in their order (still to review first), with their counts. */
export function annotatedArticles(annotations: readonly WorkspaceAnnotation[]): AnnotatedArticleRow[] {
  const rows: AnnotatedArticleRow[] = [];
  for (let i = 0; i < annotations.length; ) {
    const { article } = annotations[i];
    let count = 0;
    let orphaned = 0;
    for (; i < annotations.length && annotations[i].article === article; i++) {
      count++;
      if (annotations[i].entry.orphaned) orphaned++;
    }
    rows.push({ uri: article.uri, title: article.title, reviewState: reviewStateOf(article), annotations: count, orphaned });
  }
  return rows;
}

/** The row of one annotation. */
export function annotationRow({ article, entry }: WorkspaceAnnotation): AnnotationRow {
  return {
    id: entry.id,
    uri: article.uri,
    title: article.title,
    start: entry.start,
    end: entry.end,
    group: groupOf(entry).id,
    kind: entry.kind,
    ...(entry.label !== undefined ? { label: entry.label } : {}),
    text: entry.text,
    description: entry.description,
    orphaned: entry.orphaned === true,
    reviewState: reviewStateOf(article),
  };
}
