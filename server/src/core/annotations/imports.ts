import { decisionOnSameSpan, sameEntityAnswer } from './decisions';
import { describeBody, shortQuote } from './describe';
import { placeText, type Annotation, type ArticleAnnotations } from './model';

/** The result of {@link mergeImported}. */
export interface ImportMerge {
  readonly article: ArticleAnnotations;
  /** How many imported annotations were added. */
  readonly added: number;
  /** One message per imported annotation left out because it contradicts the article's decision there. */
  readonly contradictions: string[];
}

/**
 * Adds imported annotations to an article's, leaving out those it already has (importing the same
 * file twice adds nothing): two annotations are the same when their places and bodies are, whatever
 * their ids, authors and times. An article holds one decision per span about what it is
 * (`decisions.ts`): an imported label, acceptance or rejection on a span that already has one is left out
 * too — silently when it says the same (`label Person` where Person was accepted), with a message when it
 * contradicts it (`Paris` a place in the file, an organisation in the article). The article's decision is
 * kept, as the person's own; an import never removes annotations.
 */
export function mergeImported(article: ArticleAnnotations, imported: readonly Annotation[]): ImportMerge {
  const known = new Set(article.annotations.map(sameness));
  const kept = [...article.annotations];
  const contradictions: string[] = [];
  let added = 0;
  for (const a of imported) {
    const key = sameness(a);
    if (known.has(key)) continue;
    known.add(key);
    const earlier = decisionOnSameSpan(kept, a);
    if (earlier && !sameEntityAnswer(earlier.body, a.body)) {
      contradictions.push(`${shortQuote(placeText(a.target))}: ${describeBody(a.body)} not imported: the article has ${describeBody(earlier.body)} there (one entity decision per span; remove that one first to take this one)`);
    }
    if (earlier) continue;
    kept.push(a);
    added++;
  }
  return { article: added === 0 ? article : { ...article, annotations: kept }, added, contradictions };
}

/** Place and body, with every span reduced to its offsets (quotes and context left out). */
function sameness(annotation: Annotation): string {
  return JSON.stringify({ target: annotation.target, body: annotation.body }, (key, value: unknown) => {
    if (key === 'exact' || key === 'prefix' || key === 'suffix' || key === 'id' || key === 'created' || key === 'modified' || key === 'creator') return undefined;
    return value;
  });
}
