import type { CodeAction, Command, Range } from 'vscode-languageserver';
import { bratTypeOfLabel, ENTITY_LABELS } from '../core/annotations/labels';
import { actorAt, type Actor } from '../core/actors';
import type { EntityMention, OffsetRange, Quote } from '../core/types';
import { ANNOTATION_COMMANDS, ANNOTATION_PROMPTS as PROMPT_COMMANDS, type AnnotationAddParams } from '../protocol';
import { entityAt } from './annotationCommands';
import type { PositionMapper } from './positions';

/** The code action kind of the annotation actions (the lightbulb lists them; *Refactor…* too). */
export const ANNOTATE_KIND = 'refactor.annotate';


/** What the annotation actions read at the requested place. */
export interface ActionContext {
  readonly uri: string;
  readonly text: string;
  /** The selection (or cursor), as offsets. */
  readonly requested: OffsetRange;
  /** The entities shown (people's labels applied): `confirmed` marks the person's. */
  readonly entities: readonly EntityMention[];
  /** Quotes and actors, when this version's full analysis exists (never forced: actions are asked on every cursor move). */
  readonly quotes?: readonly Quote[];
  readonly actors?: readonly Actor[];
  /** User labels of `articleLens.annotation.labels`. */
  readonly userLabels: readonly string[];
  /** The client has the prompt commands. */
  readonly prompts: boolean;
  readonly only?: readonly string[];
}

const REVIEWED_TYPES = new Set(['person', 'organization', 'location', 'misc']);

/**
 * The annotation actions at a selection or cursor: *Label as …* (the four entity labels and the user's),
 * *Accept* and *Not an entity* (here, or everywhere) on an entity, *Same person as…*, *Not the same
 * person* and *Set the actor's name…* on an actor's mention, *Attribute quote to…*, *Not a quote* and
 * *Scare quote* in a quotation, and *Add note…*. Each is a command (nothing is edited in the text): the
 * server's `articleLens.annotation.add`, or a client prompt that ends in it (`ANNOTATION_PROMPTS`, offered
 * only to a client that said it has them).
 */
export function annotationActions(context: ActionContext, positions: PositionMapper): CodeAction[] {
  if (context.only && !context.only.some((o) => ANNOTATE_KIND === o || ANNOTATE_KIND.startsWith(`${o}.`))) return [];
  const { uri, requested } = context;
  const actions: CodeAction[] = [];
  const add = (title: string, params: Omit<AnnotationAddParams, 'uri'>): void => {
    actions.push(action(title, { title, command: ANNOTATION_COMMANDS.add, arguments: [{ uri, ...params }] }));
  };
  const prompt = (title: string, command: string, range: Range): void => {
    if (context.prompts) actions.push(action(title, { title, command, arguments: [{ uri, range }] }));
  };
  const selection = requested.start < requested.end;
  const entity = entityAt(context.entities, requested);
  const onEntity = entity && (!selection || (entity.start === requested.start && entity.end === requested.end));
  const target = onEntity ? entity : selection ? requested : undefined;
  const quoted = (range: OffsetRange): string => `‘${shorten(context.text.slice(range.start, range.end))}’`;

  if (target) {
    const range = positions.rangeOf(target);
    const current = onEntity ? entity.label ?? entity.type : undefined;
    for (const label of [...ENTITY_LABELS, ...context.userLabels]) {
      if (label === current && entity?.confirmed) continue;
      add(`Label ${quoted(target)} as ${bratTypeOfLabel(label)}`, { range, label });
    }
  }
  if (onEntity && (REVIEWED_TYPES.has(entity.type) || entity.type === 'custom')) {
    const range = positions.rangeOf(entity);
    if (!entity.confirmed) add(`Accept ${quoted(entity)} as ${bratTypeOfLabel(entity.label ?? entity.type)}`, { range, accept: true });
    add(`Not an entity: ${quoted(entity)}`, { range, reject: 'occurrence' });
    add(`Not an entity anywhere in this article: ${quoted(entity)}`, { range, reject: 'everywhere' });
  }

  const cursor = selection ? undefined : requested.start;
  const hit = context.actors && (cursor !== undefined ? actorAt(context.actors, cursor) : undefined);
  if (hit) {
    const range = positions.rangeOf(hit.mention);
    prompt(`Same person as…`, PROMPT_COMMANDS.sameAs, range);
    const other = hit.actor.mentions.find((m) => m.kind === 'name' && m.text !== hit.mention.text);
    if (other) add(`Not the same person as ${quoted(other)}`, { range, differentFrom: { uri, range: positions.rangeOf(other) } });
    prompt(`Set the name of ${hit.actor.name}…`, PROMPT_COMMANDS.identity, range);
  }

  const quote = context.quotes?.find((q) => q.start <= requested.start && requested.end <= q.end);
  if (quote) {
    const range = positions.rangeOf(quote);
    prompt('Attribute quote to…', PROMPT_COMMANDS.speaker, range);
    add('Not a quote', { range, quoteKind: 'not-a-quote' });
    if (quote.kind === 'direct') add('Scare quote (no speaker)', { range, quoteKind: 'scare' });
  }

  if (target || selection) prompt('Add note…', PROMPT_COMMANDS.note, positions.rangeOf(target ?? requested));
  return actions;
}

function action(title: string, command: Command): CodeAction {
  return { title, kind: ANNOTATE_KIND, command };
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= 40 ? line : `${line.slice(0, 39)}…`;
}
