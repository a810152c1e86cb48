import * as os from 'os';
import * as path from 'path';
import type { Range } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { newAnnotationId } from '../annotationStore/annotationFiles';
import { articlePathIn } from '../annotationStore/storeRoot';
import { withDecision } from '../core/annotations/decisions';
import { isValidLabel, labelOfExternalName } from '../core/annotations/labels';
import { placeText, type AnchoredSpan, type Annotation, type AnnotationBody, type MentionRef } from '../core/annotations/model';
import { addReply, changeReply, createAnnotation, editNote, removeAnnotation, setNoteResolved, type Actor, type Outcome } from '../core/annotations/operations';
import { spanAt } from '../core/annotations/selectors';
import { overlaps } from '../core/search';
import { splitsSurrogatePair } from '../core/surrogates';
import { actorAt } from '../core/actors';
import type { ArticleAnalysis } from '../core/analysis';
import type { ArticleSettings } from '../core/settings';
import type { EntityMention, OffsetRange } from '../core/types';
import { ANNOTATION_COMMANDS, type AnnotationAddParams, type AnnotationListItem, type MentionLocation, type NoteUpdateParams } from '../protocol';
import type { AnnotationLayer } from './annotations';
import type { PositionMapper } from './positions';

/**
 * The annotation commands of `workspace/executeCommand` (names and shapes in `protocol.ts`): arguments
 * checked with a message for every mistake, positions turned into offsets, the places an empty range
 * means found in the analysis (the entity, actor mention or quote under the cursor), then the pure
 * operations of `core/annotations/` applied through the annotation layer, which saves them.
 */

/** A mistake in a command's arguments: the server answers it as an `InvalidParams` error with this message. */
export class CommandError extends Error {}

/** What the commands need from the server. */
export interface CommandHost {
  readonly layer: AnnotationLayer;
  /** The open document's version and text, or undefined. */
  document(uri: string): { readonly version: number; getText(): string } | undefined;
  positionsOf(uri: string): PositionMapper | undefined;
  /** The open document's full analysis of its current version (run if needed). */
  analysis(uri: string): Promise<ArticleAnalysis | undefined>;
  settingsFor(uri: string): Promise<ArticleSettings>;
  /** Line table and text of another article (open, else on disk), for a mention in it. */
  otherArticle(uri: string): Promise<{ text: string; positions: PositionMapper } | undefined>;
  /** The store root and path of an article, as the annotation layer files it. */
  storePlace(uri: string): { root: string; article: string } | undefined;
}

/** The OS user name, the author when the setting is empty. */
function osUserName(): string | undefined {
  try {
    return os.userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

/** Who makes an annotation now: the author setting, else the OS user name. */
export async function actorFor(host: CommandHost, uri: string): Promise<Actor> {
  const author = (await host.settingsFor(uri)).annotation.author;
  const creator = author || osUserName();
  return { ...(creator ? { creator } : {}), now: new Date().toISOString() };
}

// ---- Argument checks --------------------------------------------------------------------------

function fail(message: string): never {
  throw new CommandError(message);
}

/** The one argument object of a command (`arguments: [{ … }]`). */
export function argumentObject(command: string, args: unknown[] | undefined): Record<string, unknown> {
  const first = args?.[0];
  if (typeof first !== 'object' || first === null || Array.isArray(first)) fail(`${command} takes one argument, an object: [{ uri, … }]`);
  return first as Record<string, unknown>;
}

export function stringField(object: Record<string, unknown>, key: string, where: string, optional?: false): string;
export function stringField(object: Record<string, unknown>, key: string, where: string, optional: true): string | undefined;
export function stringField(object: Record<string, unknown>, key: string, where: string, optional = false): string | undefined {
  const value = object[key];
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || (!optional && value === '')) fail(`${where}: "${key}" must be a string`);
  return value;
}

function isPosition(value: unknown): value is Range['start'] {
  const p = value as Range['start'];
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;
}

export function rangeField(object: Record<string, unknown>, key: string, where: string): Range {
  const value = object[key] as Range;
  if (typeof value !== 'object' || value === null || !isPosition(value.start) || !isPosition(value.end)) fail(`${where}: "${key}" must be an LSP range { start: { line, character }, end: { line, character } }`);
  return { start: value.start, end: value.end };
}

function locationField(object: Record<string, unknown>, key: string, where: string): MentionLocation {
  const value = object[key];
  if (typeof value !== 'object' || value === null) fail(`${where}: "${key}" must be { uri, range }`);
  const location = value as Record<string, unknown>;
  return { uri: stringField(location, 'uri', `${where}.${key}`), range: rangeField(location, 'range', `${where}.${key}`) };
}

/** The open document's line table, or a clear refusal. */
function openArticle(host: CommandHost, uri: string, where: string): { text: string; version: number; positions: PositionMapper } {
  const document = host.document(uri);
  const positions = host.positionsOf(uri);
  if (!document || !positions) fail(`${where}: ${uri} is not open: open the article first`);
  return { text: document.getText(), version: document.version, positions };
}

// ---- Places an empty range stands for -------------------------------------------------------------

function touches(range: OffsetRange, offsets: OffsetRange): boolean {
  return offsets.start === offsets.end ? range.start <= offsets.start && offsets.start <= range.end : overlaps(range, offsets);
}

/** The entity under the cursor or most overlapping the selection. */
export function entityAt(entities: readonly EntityMention[], offsets: OffsetRange): EntityMention | undefined {
  let best: EntityMention | undefined;
  let bestOverlap = -1;
  for (const entity of entities) {
    if (entity.start > offsets.end) break;
    if (!touches(entity, offsets)) continue;
    const overlap = Math.min(entity.end, offsets.end) - Math.max(entity.start, offsets.start);
    if (overlap > bestOverlap) [best, bestOverlap] = [entity, overlap];
  }
  return best;
}

/** The selection, or the entity under an empty one. */
function spanOrEntity(analysis: ArticleAnalysis | undefined, offsets: OffsetRange, what: string): OffsetRange {
  if (offsets.start < offsets.end) return offsets;
  const entity = analysis && entityAt(analysis.entities, offsets);
  if (!entity) fail(`nothing is selected and there is no entity at the cursor to ${what}`);
  return { start: entity.start, end: entity.end };
}

/** The actor mention under the cursor (a name, a nominal, a pronoun), the entity, or the selection. */
function mentionAt(analysis: ArticleAnalysis | undefined, offsets: OffsetRange, what: string): OffsetRange {
  if (offsets.start === offsets.end && analysis) {
    const hit = actorAt(analysis.actors, offsets.start);
    if (hit) return { start: hit.mention.start, end: hit.mention.end };
  }
  return spanOrEntity(analysis, offsets, what);
}

/** The quote under the cursor or overlapping the selection; a selection that is no quote stands as it is. */
function quoteAt(analysis: ArticleAnalysis | undefined, offsets: OffsetRange): OffsetRange {
  const quote = analysis?.quotes.find((q) => touches(q, offsets));
  if (quote) return { start: quote.start, end: quote.end };
  if (offsets.start < offsets.end) return offsets;
  fail('there is no quotation at the cursor: select the quoted words');
}

/** The word under an empty cursor (for a note on a word), else the selection. */
function wordAt(text: string, offsets: OffsetRange): OffsetRange {
  if (offsets.start < offsets.end) return offsets;
  let start = offsets.start;
  let end = offsets.start;
  while (start > 0 && /[\p{L}\p{N}'’-]/u.test(text[start - 1])) start--;
  while (end < text.length && /[\p{L}\p{N}'’-]/u.test(text[end])) end++;
  if (start === end) fail('nothing is selected and there is no word at the cursor to attach a note to');
  return { start, end };
}

/**
 * The range, refused when an end falls between the two halves of a character outside the Basic Multilingual Plane
 * (an emoji, `𝐊`): the annotation would store half a character, which no file format can write. Refused rather
 * than widened to the whole character: an editor's selection never ends there, so such a range
 * was counted wrongly (in code points or bytes, say) and anything placed from it would be somewhere else than meant.
 */
function wholeCharacters(text: string, offsets: OffsetRange, where: string): OffsetRange {
  for (const [side, at] of [['starts', offsets.start], ['ends', offsets.end]] as const) {
    if (splitsSurrogatePair(text, at)) fail(`${where}: the range ${side} inside a character (between the two halves of ${JSON.stringify(text.slice(at - 1, at + 1))}, UTF-16 offset ${at}): give positions in UTF-16 code units at character boundaries`);
  }
  return offsets;
}

// ---- The commands ------------------------------------------------------------------------------------

const BODY_FIELDS = ['label', 'accept', 'reject', 'note', 'speaker', 'sameAs', 'differentFrom', 'identity', 'quoteKind'] as const;

/** `articleLens.annotation.add`: returns the new annotation's id. */
export async function addAnnotationCommand(host: CommandHost, args: unknown[] | undefined): Promise<{ id: string }> {
  const where = ANNOTATION_COMMANDS.add;
  const params = argumentObject(where, args) as Record<string, unknown> & Partial<AnnotationAddParams>;
  const uri = stringField(params, 'uri', where);
  const range = rangeField(params, 'range', where);
  const given = BODY_FIELDS.filter((field) => params[field] !== undefined);
  if (given.length !== 1) fail(`${where}: give exactly one of ${BODY_FIELDS.join(', ')} (got ${given.length === 0 ? 'none' : given.join(', ')})`);
  const field = given[0];
  const { text, version, positions } = openArticle(host, uri, where);
  const offsets = wholeCharacters(text, positions.offsetsOf(range), where);
  if (offsets.start >= text.length && text.length > 0 && offsets.start === offsets.end) fail(`${where}: the range is at the end of the text, where there is nothing to annotate`);
  const analysis = await host.analysis(uri);
  const { target, body } = await bodyOf(host, uri, field, params, offsets, text, analysis);
  const actor = await actorFor(host, uri);
  const id = newAnnotationId();
  const outcome = await host.layer.update(uri, (article, current) => {
    if (host.document(uri)?.version !== version) return { ok: false, message: 'the article changed while the annotation was being made: try again' };
    const made = createAnnotation(current, [target], body, id, actor);
    return made.ok ? { ok: true, value: withDecision(article, made.value) } : made;
  });
  if (!outcome.ok) fail(outcome.message);
  return { id };
}

async function bodyOf(
  host: CommandHost,
  uri: string,
  field: (typeof BODY_FIELDS)[number],
  params: Record<string, unknown>,
  offsets: OffsetRange,
  text: string,
  analysis: ArticleAnalysis | undefined,
): Promise<{ target: OffsetRange; body: AnnotationBody }> {
  const where = ANNOTATION_COMMANDS.add;
  switch (field) {
    case 'label': {
      const label = stringField(params, 'label', where);
      if (!isValidLabel(label)) fail(`${where}: "${label}" is not a label: one word of letters, digits, _ . -`);
      // `PER`, `Person`, `LOCATION` are the entity labels as brat and CoNLL name them: stored as those, so an
      // export read back gives the same labels.
      return { target: spanOrEntity(analysis, offsets, 'label'), body: { kind: 'label', label: labelOfExternalName(label) } };
    }
    case 'accept': {
      if (params.accept !== true) fail(`${where}: "accept" must be true`);
      const entity = analysis && entityAt(analysis.recognized, offsets);
      if (!entity || entity.type === 'date' || entity.type === 'number') fail('there is no machine entity here to accept');
      return { target: { start: entity.start, end: entity.end }, body: { kind: 'confirm', label: entity.label ?? entity.type } };
    }
    case 'reject': {
      const reject = params.reject;
      if (reject !== true && reject !== 'occurrence' && reject !== 'everywhere') fail(`${where}: "reject" must be true, "occurrence" or "everywhere"`);
      const entity = analysis && (entityAt(analysis.entities, offsets) ?? entityAt(analysis.recognized, offsets));
      const target = entity && (offsets.start === offsets.end || (entity.start <= offsets.start && offsets.end <= entity.end)) ? entity : offsets.start < offsets.end ? offsets : undefined;
      if (!target) fail('there is no entity here to reject');
      return { target: { start: target.start, end: target.end }, body: { kind: 'reject', extent: reject === 'everywhere' ? 'everywhere' : 'occurrence' } };
    }
    case 'note': {
      const note = stringField(params, 'note', where);
      if (note.trim() === '') fail(`${where}: a note needs some text`);
      return { target: wordAt(text, spanOrEntityOrNothing(analysis, offsets)), body: { kind: 'note', text: note, resolved: false, replies: [] } };
    }
    case 'speaker': {
      const target = quoteAt(analysis, offsets);
      if (params.speaker === null) return { target, body: { kind: 'speaker' } };
      const speaker = await mentionRef(host, uri, locationField(params, 'speaker', where), analysis);
      return { target, body: { kind: 'speaker', speaker } };
    }
    case 'sameAs':
    case 'differentFrom': {
      const other = await mentionRef(host, uri, locationField(params, field, where), analysis);
      const target = mentionAt(analysis, offsets, 'link');
      if (other.article === undefined && other.spans[0].start === target.start && other.spans[0].end === target.end) fail(`${where}: a mention cannot be linked to itself`);
      return { target, body: field === 'sameAs' ? { kind: 'sameAs', other } : { kind: 'differentFrom', other } };
    }
    case 'identity': {
      const identity = params.identity as Record<string, unknown> | null;
      if (typeof identity !== 'object' || identity === null) fail(`${where}: "identity" must be { name, externalId? }`);
      const name = stringField(identity, 'name', `${where}.identity`);
      const externalId = stringField(identity, 'externalId', `${where}.identity`, true)?.trim() || undefined;
      return { target: mentionAt(analysis, offsets, 'name'), body: { kind: 'identity', canonicalName: name.trim(), ...(externalId ? { externalId } : {}) } };
    }
    case 'quoteKind': {
      const kind = params.quoteKind;
      if (kind !== 'not-a-quote' && kind !== 'scare') fail(`${where}: "quoteKind" must be "not-a-quote" or "scare"`);
      return { target: quoteAt(analysis, offsets), body: { kind: 'quoteKind', quoteKind: kind } };
    }
  }
}

function spanOrEntityOrNothing(analysis: ArticleAnalysis | undefined, offsets: OffsetRange): OffsetRange {
  if (offsets.start < offsets.end || !analysis) return offsets;
  const entity = entityAt(analysis.entities, offsets);
  return entity ? { start: entity.start, end: entity.end } : offsets;
}

/** A mention in this article or in another one of the same store. */
async function mentionRef(host: CommandHost, uri: string, location: MentionLocation, analysis: ArticleAnalysis | undefined): Promise<MentionRef> {
  if (location.uri === uri) {
    const { text, positions } = openArticle(host, uri, 'the mention');
    const offsets = mentionAt(analysis, wholeCharacters(text, positions.offsetsOf(location.range), 'the mention'), 'refer to');
    return { spans: [spanAt(text, offsets)] };
  }
  const here = host.storePlace(uri);
  const there = host.storePlace(location.uri);
  if (!here || !there || here.root !== there.root) fail(`${location.uri} is not in the same workspace store as ${uri}: a link needs both articles in one store`);
  const other = await host.otherArticle(location.uri);
  if (!other) fail(`${location.uri} cannot be read`);
  const offsets = wholeCharacters(other.text, other.positions.offsetsOf(location.range), 'the mention in the other article');
  if (offsets.start === offsets.end) fail('select the mention in the other article');
  return { spans: [spanAt(other.text, offsets)], article: articlePathIn(there.root, URI.parse(location.uri).fsPath) ?? there.article };
}

/** `articleLens.annotation.list`: every annotation of an open article, orphans included, in text order. */
export async function listAnnotationsCommand(host: CommandHost, args: unknown[] | undefined): Promise<AnnotationListItem[]> {
  const where = ANNOTATION_COMMANDS.list;
  const uri = stringField(argumentObject(where, args), 'uri', where);
  openArticle(host, uri, where);
  const state = await host.layer.stateOf(uri);
  const positions = host.positionsOf(uri);
  if (!state || !positions) fail(`${where}: ${uri} is not open: open the article first`);
  const locate = (ref: MentionRef): MentionLocation & { text: string } => {
    const text = placeText(ref.spans);
    if (ref.article === undefined) return { uri, range: rangeOfSpans(positions, ref.spans), text };
    const place = host.storePlace(uri);
    const otherUri = place ? URI.file(path.join(place.root, ...ref.article.split('/'))).toString() : ref.article;
    // Another article's offsets are its own: shown as line 0 unless it is open.
    const otherPositions = host.positionsOf(otherUri);
    return { uri: otherUri, range: otherPositions ? rangeOfSpans(otherPositions, ref.spans) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text };
  };
  return [...state.annotations.annotations]
    .sort((a, b) => a.target[0].start - b.target[0].start || a.id.localeCompare(b.id))
    .map((annotation) => listItem(annotation, rangeOfSpans(positions, annotation.target), locate));
}

function rangeOfSpans(positions: PositionMapper, spans: readonly AnchoredSpan[]): Range {
  return positions.rangeOf({ start: spans[0].start, end: spans[spans.length - 1].end });
}

function listItem(annotation: Annotation, range: Range, locate: (ref: MentionRef) => MentionLocation & { text: string }): AnnotationListItem {
  const body = annotation.body;
  const base = {
    id: annotation.id,
    range,
    text: placeText(annotation.target),
    status: annotation.status,
    kind: body.kind,
    ...(annotation.creator !== undefined ? { creator: annotation.creator } : {}),
    created: annotation.created,
    modified: annotation.modified,
  };
  switch (body.kind) {
    case 'label':
    case 'confirm':
      return { ...base, label: body.label };
    case 'reject':
      return { ...base, reject: body.extent };
    case 'note':
      return { ...base, note: body.text, resolved: body.resolved, replies: body.replies.map((r) => ({ id: r.id, text: r.text, modified: r.modified, ...(r.creator !== undefined ? { creator: r.creator } : {}) })) };
    case 'speaker':
      return { ...base, speaker: body.speaker ? locate(body.speaker) : null };
    case 'sameAs':
      return { ...base, sameAs: locate(body.other) };
    case 'differentFrom':
      return { ...base, differentFrom: locate(body.other) };
    case 'identity':
      return { ...base, identity: { name: body.canonicalName, ...(body.externalId ? { externalId: body.externalId } : {}) } };
    case 'quoteKind':
      return { ...base, quoteKind: body.quoteKind };
  }
}

/** `articleLens.annotation.remove`: removes one annotation (an orphan too: only the person removes it). */
export async function removeAnnotationCommand(host: CommandHost, args: unknown[] | undefined): Promise<null> {
  const where = ANNOTATION_COMMANDS.remove;
  const params = argumentObject(where, args);
  const uri = stringField(params, 'uri', where);
  const id = stringField(params, 'id', where);
  openArticle(host, uri, where);
  const outcome = await host.layer.update(uri, (article) => removeAnnotation(article, id));
  if (!outcome.ok) fail(outcome.message);
  return null;
}

/** `articleLens.annotation.updateNote`: edit, resolve or reopen a note, or add, edit or delete a reply. */
export async function updateNoteCommand(host: CommandHost, args: unknown[] | undefined): Promise<{ replyId?: string }> {
  const where = ANNOTATION_COMMANDS.updateNote;
  const params = argumentObject(where, args) as Record<string, unknown> & Partial<NoteUpdateParams>;
  const uri = stringField(params, 'uri', where);
  const id = stringField(params, 'id', where);
  const text = stringField(params, 'text', where, true);
  const reply = stringField(params, 'reply', where, true);
  const replyId = stringField(params, 'replyId', where, true);
  if (params.resolved !== undefined && typeof params.resolved !== 'boolean') fail(`${where}: "resolved" must be true or false`);
  if (params.deleteReply !== undefined && (params.deleteReply !== true || replyId === undefined)) fail(`${where}: "deleteReply" must be true, with "replyId"`);
  const changes = [text, params.resolved, reply ?? (params.deleteReply ? true : undefined)].filter((v) => v !== undefined).length;
  if (changes !== 1) fail(`${where}: give exactly one of text, resolved, reply (with replyId to edit one), deleteReply with replyId`);
  openArticle(host, uri, where);
  const actor = await actorFor(host, uri);
  const newReply = reply !== undefined && replyId === undefined ? newAnnotationId() : undefined;
  const outcome = await host.layer.update(uri, (article): Outcome<typeof article> => {
    if (text !== undefined) return editNote(article, id, text, actor);
    if (params.resolved !== undefined) return setNoteResolved(article, id, params.resolved, actor);
    if (newReply) return addReply(article, id, newReply, reply!, actor);
    return changeReply(article, id, replyId!, params.deleteReply ? undefined : reply, actor);
  });
  if (!outcome.ok) fail(outcome.message);
  return newReply ? { replyId: newReply } : {};
}
