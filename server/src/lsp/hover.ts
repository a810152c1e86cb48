import { decodeUriComponentLeniently } from '../core/uriComponent';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { type ActorCard } from '../core/languageService';
import { uncertainConfidence, uncertainty } from '../core/quoteSpeakers';
import type { EntityType, OffsetRange } from '../core/types';
import type { ArticleReference } from '../core/workspaceIndex';
import type { PositionMapper } from './positions';

const TYPE_LABELS: Readonly<Record<EntityType, string>> = { person: 'Person', organization: 'Organisation', location: 'Place', date: 'Date', number: 'Figure', misc: 'Other name', custom: 'Label' };
/** Quotes of this article shown on the card (the rest are counted). */
const MAX_QUOTES = 3;
/** Spelling variants of this article shown on the card. */
const MAX_VARIANTS = 3;
/** An article in the list shows its first role, this long at most. */
const ROLE_LENGTH = 60;
/** The command that shows a workspace actor in the Actors view (registered by the client; arguments: document URI, LSP position). */
export const SHOW_ACTOR_COMMAND = 'articleLens.showActor';
/** VS Code's own Find All References, run from a command link at the hovered mention. */
const FIND_REFERENCES_COMMAND = 'editor.action.findReferences';

/**
 * Renders the actor card as a Markdown hover that answers *who is this* at a glance and keeps the
 * same size in a workspace of any size: the roles the workspace gives most (with the number of
 * articles), how many articles and quotes, commands to see all (Find All References, the Actors
 * view), this article's roles, mentions and first quotes, and the few most relevant other articles
 * (those that quote the actor most, then the newest) with why they are taken for the same actor.
 */
export function renderActorHover(card: ActorCard, positions: PositionMapper, uriLabel: (uri: string) => string, documentUri?: string): Hover {
  const { actor, profile } = card;
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(actor.name)}** · ${TYPE_LABELS[actor.type]}${actor.externalId ? ` · ${escapeMarkdown(actor.externalId)}` : ''}`);
  if (card.mention.kind !== 'name') lines.push('', `*“${escapeMarkdown(card.mention.text)}” refers to ${escapeMarkdown(actor.name)}*`);
  if (profile && profile.roles.length > 0) lines.push('', `*Across the workspace:* ${profile.roles.map((r) => `${escapeMarkdown(r.role)} (${r.articles})`).join(' · ')}`);
  if (profile) {
    const links = [documentUri ? commandLink('Find All References', FIND_REFERENCES_COMMAND, [marshalledUri(documentUri), vscodePosition(positions, card.mention.start)]) : '', documentUri ? commandLink('Show in Actors view', SHOW_ACTOR_COMMAND, [documentUri, positions.positionAt(card.mention.start)]) : ''].filter(Boolean);
    lines.push(`*In ${plural(profile.articleCount, 'article')}, ${plural(profile.quoteCount, 'quote')}* · ${links.join(' · ')}`);
  }
  if (actor.roles.length > 0) lines.push('', `*Role in this article:* ${actor.roles.map(escapeMarkdown).join('; ')}`);
  const others = actor.spellings.filter((s) => s !== actor.name && !actor.variants.some((v) => v.spelling === s));
  if (others.length > 0) lines.push('', `*Also spelled:* ${others.slice(0, MAX_VARIANTS).map(escapeMarkdown).join(', ')}`);
  if (actor.variants.length > 0) {
    lines.push('', '*Spelling variants here:*');
    for (const variant of actor.variants.slice(0, MAX_VARIANTS)) lines.push(`- ${escapeMarkdown(variant.spelling)}: ${escapeMarkdown(variant.evidence.join('; '))}`);
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
      const uncertain = uncertainConfidence(quote);
      lines.push(`- “${escapeMarkdown(shorten(quote.text, 160))}” (line ${line}${uncertain === undefined ? '' : `, speaker ${uncertainty(uncertain)}`})`);
    }
    if (actor.quotes.length > MAX_QUOTES) lines.push(`- … and ${actor.quotes.length - MAX_QUOTES} more`);
  }
  const relevant = profile?.relevant ?? card.elsewhere.slice(0, 3);
  if (card.elsewhereCount > 0) {
    lines.push('', `*In other articles (${card.elsewhereCount}), the most relevant:*`);
    for (const reference of relevant) lines.push(...articleLines(reference, actor.name, uriLabel));
    if (card.elsewhereCount > relevant.length) lines.push(`- … and ${card.elsewhereCount - relevant.length} more`);
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n') },
    range: positions.rangeOf(card.mention),
  };
}

/** The hover on a name the page furniture credits (a byline): the article's author, not one of its actors. */
export function renderAuthorHover(author: { readonly name: string; readonly range: OffsetRange }, positions: PositionMapper): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: `**${escapeMarkdown(author.name)}** · Author of this article\n\n*Named in the byline or credits: not one of the article's actors.*` },
    range: positions.rangeOf(author.range),
  };
}

/** One other article: its link, date, how it spells and quotes the actor, and why it is the same actor. */
function articleLines(reference: ArticleReference, name: string, uriLabel: (uri: string) => string): string[] {
  const spelled = reference.actor.name !== name ? ` · as ${escapeMarkdown(reference.actor.name)}` : '';
  const date = reference.date ? ` · ${reference.date}` : '';
  // Date, spelling, role, quotes: ` · 2016-02-20 · as Hillary Clinton — Secretary of State · 13 quotes`.
  const roles = reference.actor.roles.length > 0 ? ` — ${escapeMarkdown(shorten(reference.actor.roles[0], ROLE_LENGTH))}` : '';
  const quotes = reference.actor.quoteCount ? ` · ${plural(reference.actor.quoteCount, 'quote')}` : '';
  const by = reference.authors && reference.authors.length > 0 ? ` · by ${authorList(reference.authors)}` : '';
  const label = reference.title || uriLabel(reference.uri);
  const lines = [`- [${escapeMarkdown(label)}](${reference.uri})${date}${by}${spelled}${roles}${quotes}`];
  if (reference.evidence.length > 0 && reference.actor.name !== name) lines.push(`  - *why the same:* ${escapeMarkdown(reference.evidence.join('; '))}`);
  return lines;
}

/** At most this many authors are named on an article's line (a file of many joined articles credits dozens). */
const MAX_AUTHORS = 3;

/** `A, B, C and 26 others`. */
function authorList(authors: readonly string[]): string {
  const named = authors.slice(0, MAX_AUTHORS).map(escapeMarkdown).join(', ');
  return authors.length > MAX_AUTHORS ? `${named} and ${authors.length - MAX_AUTHORS} others` : named;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}

/** A Markdown command link (the client trusts these two commands in hovers). */
function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** A URI as VS Code revives it from a command link's arguments (`$mid` 1 is a URI). */
function marshalledUri(uri: string): Record<string, unknown> {
  const parsed = /^([a-z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i.exec(uri);
  if (!parsed) return { $mid: 1, scheme: 'file', path: uri };
  const [, scheme, authority = '', path, query = '', fragment = ''] = parsed;
  return { $mid: 1, scheme, authority, path: decodeUriComponentLeniently(path), query, fragment };
}

/** VS Code's 1-based editor position of an offset, for `editor.action.findReferences`. */
function vscodePosition(positions: PositionMapper, offset: number): { lineNumber: number; column: number } {
  const at = positions.positionAt(offset);
  return { lineNumber: at.line + 1, column: at.character + 1 };
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
