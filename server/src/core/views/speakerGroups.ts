import { normalizeName } from '../names';
import type { EntityType } from '../types';
import type { ArticleSummary, QuoteSummary } from '../workspaceIndex';
import type { ActorTable } from './actorTable';
import { compareText } from './rows';

/** The Quotes view's group of quotes no actor is known to have said. */
export const UNATTRIBUTED_SPEAKER = 'unattributed';

/** A speaker of the workspace and their quotes, in URI order. */
export interface SpeakerGroup {
  readonly id: string;
  readonly name: string;
  readonly type?: EntityType;
  readonly quotes: readonly { readonly article: ArticleSummary; readonly quote: QuoteSummary }[];
}

/**
 * The workspace's quotes by speaker, most quoted first, the quotes without a speaker last. A
 * quote's speaker is the workspace actor of the article's actor it is attributed to (so `Sergey
 * Lavrov` here and `Sergei Lavrov` there are one speaker); without an actor, the attribution's own
 * words (`the two sides`), joined across articles.
 */
export function speakerGroups(articles: readonly ArticleSummary[], actors: ActorTable): SpeakerGroup[] {
  const groups = new Map<string, { id: string; name: string; type?: EntityType; quotes: { article: ArticleSummary; quote: QuoteSummary }[] }>();
  const unattributed: SpeakerGroup = { id: UNATTRIBUTED_SPEAKER, name: 'No speaker found', quotes: [] };
  for (const article of articles) {
    if (article.quotes.length === 0) continue;
    const workspaceActors = actors.actorsOf(article.uri);
    const byName = new Map<string, number>();
    article.actors.forEach((actor, index) => {
      if (!byName.has(actor.name)) byName.set(actor.name, index);
    });
    for (const quote of article.quotes) {
      if (quote.speaker === undefined) {
        (unattributed.quotes as { article: ArticleSummary; quote: QuoteSummary }[]).push({ article, quote });
        continue;
      }
      const index = byName.get(quote.speaker);
      const actor = index !== undefined ? workspaceActors?.get(index) : undefined;
      const id = actor?.id ?? `label:${normalizeName(quote.speaker)}`;
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { id, name: actor?.row.name ?? quote.speaker, ...(actor ? { type: actor.row.type } : {}), quotes: [] }));
      group.quotes.push({ article, quote });
    }
  }
  const sorted: SpeakerGroup[] = [...groups.values()].sort((a, b) => b.quotes.length - a.quotes.length || compareText(a.name, b.name));
  if (unattributed.quotes.length > 0) sorted.push(unattributed);
  return sorted;
}
