import type { Range } from 'vscode-languageserver';
import type { Actor } from '../core/actors';
import type { EntityMention } from '../core/types';
import type { ArticleActorItem } from '../protocol';
import type { PositionMapper } from './positions';

/** The article's actors for a picker (*Same person as…*, *Attribute quote to…*): most mentioned first, then by name. */
export function articleActorItems(actors: readonly Actor[], positions: PositionMapper): ArticleActorItem[] {
  return [...actors]
    .filter((actor) => actor.mentions.some((m) => m.kind === 'name'))
    .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name))
    .map((actor) => ({
      key: actor.key,
      name: actor.name,
      type: actor.type,
      ...(actor.externalId ? { externalId: actor.externalId } : {}),
      roles: actor.roles,
      mentions: actor.mentions.length,
      range: positions.rangeOf(actor.mentions.find((m) => m.kind === 'name' && m.start === actor.introduction.start) ?? actor.mentions.find((m) => m.kind === 'name') ?? actor.introduction),
    }));
}

/** Entity types a person reviews (dates and figures are not). */
const REVIEWED = new Set(['person', 'organization', 'location', 'misc']);

/**
 * The next entity after `offset` (or the previous one before it) that nobody has accepted or labelled,
 * wrapping around the article as *Go to Next Problem* does; undefined when every entity is reviewed.
 */
export function unreviewedEntity(entities: readonly EntityMention[], offset: number, direction: 'next' | 'previous', positions: PositionMapper): Range | null {
  const open = entities.filter((e) => REVIEWED.has(e.type) && !e.confirmed);
  if (open.length === 0) return null;
  const found = direction === 'next' ? (open.find((e) => e.start > offset) ?? open[0]) : ([...open].reverse().find((e) => e.start < offset) ?? open[open.length - 1]);
  return positions.rangeOf(found);
}
