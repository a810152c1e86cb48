import { MarkupKind, type Hover } from 'vscode-languageserver';
import { ACTOR_CARD_ARTICLES, type ActorCard } from '../core/languageService';
import type { EntityType } from '../core/types';
import type { PositionMapper } from './positions';

const TYPE_LABELS: Readonly<Record<EntityType, string>> = { person: 'Person', organization: 'Organisation', location: 'Place', date: 'Date', number: 'Figure', misc: 'Other name', custom: 'Label' };
const MAX_QUOTES = 5;
/** The card carries this many (the first in URI order) and the count of all. */
const MAX_ARTICLES = ACTOR_CARD_ARTICLES;

/**
 * Renders the actor card as a Markdown hover: roles in this article, other spellings with the
 * evidence that joined them, mentions by kind, the quotes here, and the other articles (as links)
 * with the roles they give and why they are taken for the same actor.
 */
export function renderActorHover(card: ActorCard, positions: PositionMapper, uriLabel: (uri: string) => string): Hover {
  const { actor } = card;
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(actor.name)}** · ${TYPE_LABELS[actor.type]}${actor.externalId ? ` · ${escapeMarkdown(actor.externalId)}` : ''}`);
  if (card.mention.kind !== 'name') lines.push('', `*“${escapeMarkdown(card.mention.text)}” refers to ${escapeMarkdown(actor.name)}*`);
  if (actor.roles.length > 0) lines.push('', `*Role in this article:* ${actor.roles.map(escapeMarkdown).join('; ')}`);
  const others = actor.spellings.filter((s) => s !== actor.name && !actor.variants.some((v) => v.spelling === s));
  if (others.length > 0) lines.push('', `*Also spelled:* ${others.map(escapeMarkdown).join(', ')}`);
  if (actor.variants.length > 0) {
    lines.push('', '*Spelling variants here:*');
    for (const variant of actor.variants) lines.push(`- ${escapeMarkdown(variant.spelling)}: ${escapeMarkdown(variant.evidence.join('; '))}`);
  }
  const byName = actor.mentions.filter((m) => m.kind === 'name').length;
  const nominal = actor.mentions.filter((m) => m.kind === 'nominal').length;
  const pronoun = actor.mentions.length - byName - nominal;
  const kinds = nominal + pronoun > 0 ? ` (${[`${byName} by name`, nominal ? `${nominal} by role` : '', pronoun ? `${pronoun} by pronoun` : ''].filter(Boolean).join(', ')})` : '';
  lines.push('', `*Mentions in this article:* ${actor.mentions.length}${kinds}`);
  if (actor.quotes.length > 0) {
    lines.push('', `*Quotes in this article (${actor.quotes.length}):*`);
    for (const quote of actor.quotes.slice(0, MAX_QUOTES)) {
      const line = positions.positionAt(quote.start).line + 1;
      lines.push(`- “${escapeMarkdown(shorten(quote.text, 160))}” (line ${line})`);
    }
    if (actor.quotes.length > MAX_QUOTES) lines.push(`- … and ${actor.quotes.length - MAX_QUOTES} more`);
  }
  if (card.elsewhereCount > 0) {
    lines.push('', `*In other articles (${card.elsewhereCount}):*`);
    for (const reference of card.elsewhere.slice(0, MAX_ARTICLES)) {
      const spelled = reference.actor.name !== actor.name ? ` as ${escapeMarkdown(reference.actor.name)}` : '';
      const roles = reference.actor.roles.length > 0 ? ` — ${reference.actor.roles.map(escapeMarkdown).join('; ')}` : '';
      const counts = `${reference.actor.mentionCount} mention${reference.actor.mentionCount === 1 ? '' : 's'}` + (reference.actor.quoteCount ? `, ${reference.actor.quoteCount} quote${reference.actor.quoteCount === 1 ? '' : 's'}` : '');
      lines.push(`- [${escapeMarkdown(uriLabel(reference.uri))}](${reference.uri})${spelled}${roles} · ${counts}`);
      if (reference.evidence.length > 0 && reference.actor.name !== actor.name) lines.push(`  - *why the same:* ${escapeMarkdown(reference.evidence.join('; '))}`);
    }
    if (card.elsewhereCount > MAX_ARTICLES) lines.push(`- … and ${card.elsewhereCount - MAX_ARTICLES} more`);
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n') },
    range: positions.rangeOf(card.mention),
  };
}

/** Shortens long text at a word boundary with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return `${flat.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>()#+!|])/g, '\\$1');
}
