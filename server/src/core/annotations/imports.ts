import type { Annotation, ArticleAnnotations } from './model';

/**
 * Adds imported annotations to an article's, leaving out those it already has (importing the same
 * file twice adds nothing): two annotations are the same when their places and bodies are, whatever
 * their ids, authors and times.
 */
export function mergeImported(article: ArticleAnnotations, imported: readonly Annotation[]): { article: ArticleAnnotations; added: number } {
  const known = new Set(article.annotations.map(sameness));
  const fresh = imported.filter((a) => {
    const key = sameness(a);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  return { article: fresh.length === 0 ? article : { ...article, annotations: [...article.annotations, ...fresh] }, added: fresh.length };
}

/** Place and body, with every span reduced to its offsets (quotes and context left out). */
function sameness(annotation: Annotation): string {
  return JSON.stringify({ target: annotation.target, body: annotation.body }, (key, value: unknown) => {
    if (key === 'exact' || key === 'prefix' || key === 'suffix' || key === 'id' || key === 'created' || key === 'modified' || key === 'creator') return undefined;
    return value;
  });
}
