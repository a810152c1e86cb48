import { createHash } from 'crypto';
import { CodePointIndex } from './codePoints';
import { localSpans, REVIEW_STATES, type AnchoredSpan, type Annotation, type AnnotationBody, type ArticleAnnotations, type CreatorForm, type MentionRef, type NoteReply, type ReviewState, type StoreExtras } from './model';

/**
 * The store format: one article's annotations as a W3C Web Annotation `AnnotationCollection` (JSON-LD),
 * written deterministically — annotations in text order (then by id), keys in a fixed order, two-space
 * indentation, a final line break — so that a change to one annotation is a small diff in git.
 *
 * Offsets: TextPositionSelector counts code points (W3C: "characters"), the editor UTF-16 code units;
 * both directions convert with the article's text at hand. Our own terms (review state, orphaned status,
 * the extent of a rejection, roles of attribution parts, …) are declared in a second `@context` object.
 *
 * A place is one `SpecificResource` (source + [TextPositionSelector, TextQuoteSelector]); a discontinuous
 * place is a `List` of them. Replies to a note are annotations of motivation `replying` whose target is the
 * note's id, written right after it.
 *
 * What another tool wrote in a field this reads is written back as it was, not as Article Lens would write
 * it (an annotation tool must not change others' data behind their back): the file's `@context` with its
 * own terms (Article Lens's are added where missing), the collection's `label`, a creator that is not a
 * `Person` (a `Software` agent) or is a plain string, a body's `format` (a note in `text/html`). A field
 * this does not read refuses the file instead (see `knownFieldsOnly`).
 */

const LENS = 'urn:article-lens:';

/** The JSON-LD context of every store file. */
export const STORE_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  {
    lens: LENS,
    reviewState: 'lens:reviewState',
    status: 'lens:status',
    resolved: 'lens:resolved',
    extent: 'lens:extent',
    role: 'lens:role',
    relation: 'lens:relation',
    bratEventType: 'lens:bratEventType',
    noContent: 'lens:noContent',
    textDigest: 'lens:textDigest',
  },
] as const;

/** The W3C annotation context, as Article Lens writes it and as it may be written (https). */
const ANNOTATION_CONTEXTS = ['http://www.w3.org/ns/anno.jsonld', 'https://www.w3.org/ns/anno.jsonld'];

/** Article Lens's own terms, as its context declares them. */
const OWN_TERMS: Readonly<Record<string, string>> = STORE_CONTEXT[1];

/** The media type each body part's text has when the file says nothing else (by purpose). */
const DEFAULT_FORMATS: Readonly<Record<string, string>> = { commenting: 'text/plain', replying: 'text/plain' };

const WIKIDATA_ENTITY = 'http://www.wikidata.org/entity/';

/** One article's annotations, as the store holds them. */
export interface StoredArticle {
  /** Workspace-relative path of the article (POSIX separators): the `source` of every target. */
  readonly path: string;
  readonly text: string;
  readonly annotations: ArticleAnnotations;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The store file's text for one article. */
export function serializeAnnotationCollection(article: StoredArticle): string {
  const index = new CodePointIndex(article.text);
  const items: JsonObject[] = [];
  for (const annotation of sortedForStore(article.annotations.annotations)) {
    items.push(annotationToJson(annotation, article.path, index));
    if (annotation.body.kind === 'note') {
      for (const reply of annotation.body.replies) items.push(replyToJson(reply, annotation.id));
    }
  }
  // A store with nothing placed in the text (a review state, notes on the whole article) has only the text's
  // digest to be found again by when its article is renamed outside the editor (`storeFit.ts`).
  const placesNothing = !article.annotations.annotations.some((a) => localSpans(a).length > 0);
  const collection: JsonObject = {
    '@context': contextToWrite(article.annotations.store?.context),
    type: 'AnnotationCollection',
    label: article.annotations.store?.label ?? ownLabel(article.path),
    reviewState: article.annotations.reviewState,
    ...(placesNothing ? { textDigest: textDigest(article.text) } : {}),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}

/**
 * The digest a store of nothing placed keeps of its article's text: SHA-256 of the text with its line ends read
 * as LF (a checkout may change them), `sha256:` and hex.
 */
export function textDigest(text: string): string {
  return `sha256:${createHash('sha256').update(text.replace(/\r\n?/g, '\n')).digest('hex')}`;
}

/** Annotations in the store's order: by the first span's start and end, then id. */
export function sortedForStore(annotations: readonly Annotation[]): Annotation[] {
  const key = (a: Annotation): [number, number] => {
    const first = localSpans(a)[0];
    return first ? [first.start, first.end] : [Number.MAX_SAFE_INTEGER, 0];
  };
  return [...annotations].sort((a, b) => {
    const [as, ae] = key(a);
    const [bs, be] = key(b);
    return as - bs || ae - be || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/** The collection's label as Article Lens writes it. */
function ownLabel(path: string): string {
  return `Annotations of ${path}`;
}

/**
 * The `@context` to write: the file's as it was, with any of Article Lens's terms it lacks added (to its
 * object that declares Article Lens's others, else as an object of their own), so that every term the
 * file uses is declared; without one of its own, Article Lens's.
 */
function contextToWrite(kept: unknown): Json {
  if (kept === undefined) return STORE_CONTEXT as unknown as Json;
  const entries = (Array.isArray(kept) ? [...kept] : [kept]) as Json[];
  const declares = (entry: Json, term: string): boolean => isObject(entry) && entry[term] !== undefined;
  const missing = Object.keys(OWN_TERMS).filter((term) => !entries.some((entry) => declares(entry, term)));
  const annotationContext = entries.some((entry) => typeof entry === 'string' && ANNOTATION_CONTEXTS.includes(entry));
  if (missing.length === 0 && annotationContext) return kept as Json;
  if (!annotationContext) entries.unshift(STORE_CONTEXT[0]);
  if (missing.length > 0) {
    const added: JsonObject = Object.fromEntries(missing.map((term) => [term, OWN_TERMS[term]]));
    let at = -1;
    entries.forEach((entry, i) => {
      if (Object.keys(OWN_TERMS).some((term) => declares(entry, term))) at = i;
    });
    if (at >= 0) entries[at] = { ...(entries[at] as JsonObject), ...added };
    else entries.push(added);
  }
  return entries.length === 1 ? entries[0] : entries;
}

function creatorJson(name: string | undefined, form: CreatorForm | undefined): JsonObject {
  if (name === undefined) return {};
  if (form === 'string') return { creator: name };
  if (form !== undefined) return { creator: { ...(form.type !== undefined ? { type: form.type as Json } : {}), name } };
  return { creator: { type: 'Person', name } };
}

function spanToJson(span: AnchoredSpan, source: string, index: CodePointIndex | undefined): JsonObject {
  const start = index ? index.toCodePoints(span.start) : span.start;
  const end = index ? index.toCodePoints(span.end) : span.end;
  return {
    type: 'SpecificResource',
    source,
    selector: [
      { type: 'TextPositionSelector', start, end },
      { type: 'TextQuoteSelector', exact: span.exact, prefix: span.prefix, suffix: span.suffix },
    ],
  };
}

function placeToJson(spans: readonly AnchoredSpan[], source: string, index: CodePointIndex | undefined, extra: JsonObject = {}): JsonObject {
  if (spans.length === 1) return { ...extra, ...spanToJson(spans[0], source, index) };
  return { ...extra, type: 'List', items: spans.map((span) => spanToJson(span, source, index)) };
}

/** A mention; one in another article keeps its offsets as they are (UTF-16 hints: that text is not at hand). */
function refToJson(ref: MentionRef, path: string, index: CodePointIndex | undefined, extra: JsonObject): JsonObject {
  return ref.article === undefined ? placeToJson(ref.spans, path, index, extra) : placeToJson(ref.spans, ref.article, undefined, extra);
}

/** A textual body part; `format` as the file had it, else the purpose's own (a note's text is plain). */
function textualJson(purpose: string, value: string, format: string | undefined, extra: JsonObject = {}): JsonObject {
  const written = format ?? DEFAULT_FORMATS[purpose];
  return { type: 'TextualBody', purpose, value, ...(written !== undefined ? { format: written } : {}), ...extra };
}

function bodyToJson(body: AnnotationBody, path: string, index: CodePointIndex | undefined, formats?: Readonly<Record<string, string>>): { motivation: string; body?: Json } {
  const textual = (purpose: string, value: string, extra: JsonObject = {}): JsonObject => textualJson(purpose, value, formats?.[purpose], extra);
  switch (body.kind) {
    case 'label':
      return { motivation: 'tagging', body: textual('tagging', body.label) };
    case 'confirm':
      return { motivation: 'assessing', body: [textual('tagging', body.label), textual('assessing', 'accepted')] };
    case 'reject':
      return { motivation: 'assessing', body: textual('assessing', 'not-an-entity', { extent: body.extent }) };
    case 'sameAs':
    case 'differentFrom':
      return { motivation: 'linking', body: refToJson(body.other, path, index, { purpose: 'linking', relation: body.kind }) };
    case 'identity': {
      const parts: Json[] = [textual('identifying', body.canonicalName)];
      if (body.externalId !== undefined) parts.push({ type: 'SpecificResource', purpose: 'identifying', source: externalIdToIri(body.externalId) });
      return { motivation: 'identifying', body: parts };
    }
    case 'speaker': {
      const marker: JsonObject = textual('classifying', 'attribution');
      if (body.brat?.eventType !== undefined) marker.bratEventType = body.brat.eventType;
      if (body.brat?.noContent) marker.noContent = true;
      const parts: Json[] = [marker];
      if (body.speaker) parts.push(refToJson(body.speaker, path, index, { role: 'speaker' }));
      if (body.cue) parts.push(refToJson(body.cue, path, index, { role: 'cue' }));
      if (body.brat?.trigger) parts.push(refToJson(body.brat.trigger, path, index, { role: 'trigger' }));
      for (const argument of body.brat?.arguments ?? []) parts.push(refToJson(argument.ref, path, index, { role: `argument:${argument.role}` }));
      return { motivation: 'linking', body: parts };
    }
    case 'quoteKind':
      return { motivation: 'classifying', body: textual('classifying', body.quoteKind === 'scare' ? 'scare-quote' : 'not-a-quote') };
    case 'note':
      return { motivation: 'commenting', body: textual('commenting', body.text) };
  }
}

function annotationToJson(annotation: Annotation, path: string, index: CodePointIndex | undefined): JsonObject {
  const { motivation, body } = bodyToJson(annotation.body, path, index, annotation.formats);
  const json: JsonObject = {
    id: annotation.id,
    type: 'Annotation',
    motivation,
    ...creatorJson(annotation.creator, annotation.creatorForm),
    created: annotation.created,
    modified: annotation.modified,
  };
  if (annotation.status === 'orphaned') json.status = 'orphaned';
  if (annotation.body.kind === 'note' && annotation.body.resolved) json.resolved = true;
  json.target = placeToJson(annotation.target, path, index);
  if (body !== undefined) json.body = body;
  return json;
}

/**
 * True when the store would write `a` and `b` alike: everything it keeps of an annotation, its places
 * (offsets, quotes, status) included. Offsets are compared as they are (no text converts them).
 */
export function sameInStore(a: Annotation, b: Annotation): boolean {
  if (a === b) return true;
  if (a.body.kind === 'note' && b.body.kind === 'note' && JSON.stringify(a.body.replies.map((r) => replyToJson(r, a.id))) !== JSON.stringify(b.body.replies.map((r) => replyToJson(r, b.id)))) return false;
  return JSON.stringify(annotationToJson(a, '', undefined)) === JSON.stringify(annotationToJson(b, '', undefined));
}

function replyToJson(reply: NoteReply, parent: string): JsonObject {
  return {
    id: reply.id,
    type: 'Annotation',
    motivation: 'replying',
    ...creatorJson(reply.creator, reply.creatorForm),
    created: reply.created,
    modified: reply.modified,
    target: parent,
    body: textualJson('replying', reply.text, reply.format),
  };
}

/** A Wikidata QID as its entity IRI; an IRI as it is. */
export function externalIdToIri(id: string): string {
  return /^Q\d+$/.test(id) ? WIKIDATA_ENTITY + id : id;
}

/** True for what an identity may carry as external id: a Wikidata QID or an absolute IRI. */
export function isValidExternalId(id: string): boolean {
  return /^Q\d+$/.test(id) || /^[a-z][a-z0-9+.-]*:\S+$/i.test(id);
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/** The outcome of {@link parseAnnotationCollection}: the annotations, or why the file cannot be used. */
export type ParseResult =
  | {
      readonly ok: true;
      readonly annotations: ArticleAnnotations;
      /** The digest of the article's text the file keeps when it places nothing ({@link textDigest}). */
      readonly textDigest?: string;
    }
  | { readonly ok: false; readonly message: string };

class Invalid extends Error {}

function fail(where: string, what: string): never {
  throw new Invalid(`${where}: ${what}`);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: unknown, where: string): JsonObject {
  if (!isObject(value)) fail(where, 'expected an object');
  return value;
}

function stringAt(object: JsonObject, key: string, where: string, optional = false): string {
  const value = object[key];
  if (value === undefined && optional) return undefined as unknown as string;
  if (typeof value !== 'string') fail(where, `"${key}" must be a string`);
  return value;
}

// The fields this version reads, by kind of object: any other field would be lost when the file is written
// again (a newer version's, or one added by hand), so the file is refused instead, as an unreadable one is.
const COLLECTION_FIELDS = ['@context', 'type', 'label', 'reviewState', 'textDigest', 'total', 'first'];
const PAGE_FIELDS = ['type', 'startIndex', 'items'];
const ANNOTATION_FIELDS = ['id', 'type', 'motivation', 'creator', 'created', 'modified', 'status', 'resolved', 'target', 'body'];
const REPLY_FIELDS = ['id', 'type', 'motivation', 'creator', 'created', 'modified', 'target', 'body'];
const CREATOR_FIELDS = ['type', 'name'];
const RESOURCE_FIELDS = ['type', 'source', 'selector'];
const LIST_FIELDS = ['type', 'items'];
const POSITION_FIELDS = ['type', 'start', 'end'];
const QUOTE_FIELDS = ['type', 'exact', 'prefix', 'suffix'];
const TEXTUAL_FIELDS = ['type', 'purpose', 'value', 'format', 'extent', 'bratEventType', 'noContent'];
const EXTERNAL_ID_FIELDS = ['type', 'purpose', 'source'];
/** Fields a place carries as a part of a body: a link's purpose and relation, an attribution part's role. */
const REF_FIELDS = ['purpose', 'relation', 'role'];

/** Refuses an object with a field not in `fields`: writing the file again would drop it. */
function knownFieldsOnly(object: JsonObject, fields: readonly string[], where: string): void {
  const unknown = Object.keys(object).find((key) => !fields.includes(key));
  if (unknown !== undefined) {
    fail(where, `"${unknown}" is not a field this version of Article Lens reads (written by a newer version, or by hand); the file is left as it is rather than written again without it`);
  }
}

function numberAt(object: JsonObject, key: string, where: string): number {
  const value = object[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(where, `"${key}" must be a whole number ≥ 0`);
  return value;
}

/**
 * Reads a store file. `text` is the article's current text, used to convert code points to UTF-16
 * offsets: when the article changed since the file was written, the offsets are hints for re-anchoring
 * (`reanchor.ts`), which the caller runs next. Anything unexpected makes the whole file invalid, with a
 * message naming the annotation and the field: a file we cannot read fully is never rewritten.
 */
export function parseAnnotationCollection(json: string, text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { ok: false, message: `not valid JSON (${(error as Error).message})` };
  }
  try {
    const annotations = readCollection(raw, new CodePointIndex(text));
    const digest = (raw as JsonObject).textDigest;
    if (digest === undefined) return { ok: true, annotations };
    if (typeof digest !== 'string') fail('the file', '"textDigest" must be a string');
    return { ok: true, annotations, textDigest: digest };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: error.message };
    throw error;
  }
}

function readCollection(raw: unknown, index: CodePointIndex): ArticleAnnotations {
  const collection = objectAt(raw, 'the file');
  if (collection.type !== 'AnnotationCollection') fail('the file', 'expected "type": "AnnotationCollection"');
  knownFieldsOnly(collection, COLLECTION_FIELDS, 'the file');
  const context = readContext(collection['@context']);
  const label = collection.label === undefined ? undefined : stringAt(collection, 'label', 'the file');
  const reviewState = (collection.reviewState ?? 'unreviewed') as ReviewState;
  if (!REVIEW_STATES.includes(reviewState)) fail('the file', `"reviewState" must be one of ${REVIEW_STATES.join(', ')}`);
  const page = objectAt(collection.first ?? { type: 'AnnotationPage', items: [] }, '"first"');
  knownFieldsOnly(page, PAGE_FIELDS, '"first"');
  if (!Array.isArray(page.items)) fail('"first"', '"items" must be a list');
  const annotations: Annotation[] = [];
  const sources = new Set<string>();
  const replies: Array<{ parent: string; reply: NoteReply; where: string }> = [];
  const ids = new Set<string>();
  page.items.forEach((item, i) => {
    const where = `annotation ${i + 1}`;
    const object = objectAt(item, where);
    const id = stringAt(object, 'id', where);
    const named = `${where} (${id})`;
    if (ids.has(id)) fail(named, 'the id is used twice');
    ids.add(id);
    if (object.type !== 'Annotation') fail(named, 'expected "type": "Annotation"');
    if (object.motivation === 'replying') {
      replies.push({ parent: stringAt(object, 'target', named), reply: readReply(object, named), where: named });
    } else {
      const read = readAnnotation(object, named, index);
      annotations.push(read.annotation);
      sources.add(read.source);
    }
  });
  const byId = new Map(annotations.map((a, i) => [a.id, i]));
  for (const { parent, reply, where } of replies) {
    const at = byId.get(parent);
    const note = at === undefined ? undefined : annotations[at];
    if (!note || note.body.kind !== 'note') fail(where, `a reply to ${parent}, which is not a note in this file`);
    annotations[at!] = { ...note, body: { ...note.body, replies: [...note.body.replies, reply] } };
  }
  // Article Lens's own label names the article, which a move changes: written anew, with the new path.
  const own = label === undefined || [...sources].some((source) => label === ownLabel(source)) || (sources.size === 0 && label.startsWith(ownLabel('')));
  const store: StoreExtras = { ...(context !== undefined ? { context } : {}), ...(!own ? { label } : {}) };
  return { reviewState, annotations, ...(Object.keys(store).length > 0 ? { store } : {}) };
}

/**
 * The file's `@context`, kept when it is not Article Lens's own (undefined when it is, or absent). One
 * that gives a term of Article Lens's another meaning is refused: the file would be read otherwise than
 * its writer meant it.
 */
function readContext(value: Json | undefined): Json | undefined {
  if (value === undefined) return undefined;
  for (const entry of Array.isArray(value) ? value : [value]) {
    if (typeof entry === 'string') continue;
    if (!isObject(entry)) fail('the file', '"@context" must hold IRIs and objects of terms');
    for (const [term, meaning] of Object.entries(OWN_TERMS)) {
      if (entry[term] !== undefined && entry[term] !== meaning) {
        fail('the file', `"@context" gives "${term}" another meaning (${JSON.stringify(entry[term])}) than Article Lens reads it with (${meaning}); the file is left as it is rather than read as its writer did not mean it`);
      }
    }
  }
  return JSON.stringify(value) === JSON.stringify(STORE_CONTEXT) ? undefined : value;
}

/** The creator's name, and its form when Article Lens would write it otherwise (to write it as it was). */
function readCreator(object: JsonObject, where: string): { creator?: string; creatorForm?: CreatorForm } {
  const creator = object.creator;
  if (creator === undefined) return {};
  if (typeof creator === 'string') return { creator, creatorForm: 'string' };
  const agent = objectAt(creator, `${where}: "creator"`);
  knownFieldsOnly(agent, CREATOR_FIELDS, `${where}: "creator"`);
  const name = stringAt(agent, 'name', `${where}: "creator"`);
  const type = agent.type;
  if (type === 'Person') return { creator: name };
  if (type !== undefined && typeof type !== 'string' && !(Array.isArray(type) && type.every((t) => typeof t === 'string'))) fail(`${where}: "creator"`, '"type" must be a string or a list of strings');
  return { creator: name, creatorForm: type === undefined ? {} : { type: type as string | string[] } };
}

/** A textual body part's `format` when it is not the one Article Lens writes for its purpose, else undefined. */
function readFormat(part: JsonObject, where: string): string | undefined {
  if (part.format === undefined) return undefined;
  const format = stringAt(part, 'format', where);
  return format === DEFAULT_FORMATS[typeof part.purpose === 'string' ? part.purpose : ''] ? undefined : format;
}

function readTimes(object: JsonObject, where: string): { created: string; modified: string } {
  const created = stringAt(object, 'created', where);
  const modified = stringAt(object, 'modified', where, true) ?? created;
  return { created, modified };
}

function readReply(object: JsonObject, where: string): NoteReply {
  knownFieldsOnly(object, REPLY_FIELDS, where);
  const body = objectAt(object.body, `${where}: "body"`);
  knownFieldsOnly(body, TEXTUAL_FIELDS, `${where}: "body"`);
  const format = readFormat({ ...body, purpose: 'replying' }, `${where}: "body"`);
  return { id: stringAt(object, 'id', where), ...readCreator(object, where), ...readTimes(object, where), text: stringAt(body, 'value', `${where}: "body"`), ...(format !== undefined ? { format } : {}) };
}

function readSpan(value: Json, where: string, fields: readonly string[]): { source: string; span: AnchoredSpan } {
  const resource = objectAt(value, where);
  if (resource.type !== 'SpecificResource') fail(where, 'expected a "SpecificResource"');
  knownFieldsOnly(resource, fields, where);
  const source = stringAt(resource, 'source', where);
  const selectors = Array.isArray(resource.selector) ? resource.selector : [resource.selector];
  const position = selectors.find((s) => isObject(s) && s.type === 'TextPositionSelector') as JsonObject | undefined;
  const quote = selectors.find((s) => isObject(s) && s.type === 'TextQuoteSelector') as JsonObject | undefined;
  if (!quote) fail(where, 'no TextQuoteSelector (the quote is what re-anchors an annotation)');
  if (!position) fail(where, 'no TextPositionSelector');
  if (selectors.length > 2) fail(where, 'a selector this version does not read besides its TextPositionSelector and TextQuoteSelector; the file is left as it is rather than written again without it');
  knownFieldsOnly(position, POSITION_FIELDS, `${where}: TextPositionSelector`);
  knownFieldsOnly(quote, QUOTE_FIELDS, `${where}: TextQuoteSelector`);
  const exact = stringAt(quote, 'exact', `${where}: TextQuoteSelector`);
  const prefix = stringAt(quote, 'prefix', `${where}: TextQuoteSelector`, true) ?? '';
  const suffix = stringAt(quote, 'suffix', `${where}: TextQuoteSelector`, true) ?? '';
  const start = numberAt(position, 'start', `${where}: TextPositionSelector`);
  const end = numberAt(position, 'end', `${where}: TextPositionSelector`);
  if (end < start) fail(`${where}: TextPositionSelector`, '"end" is before "start"');
  return { source, span: { start, end, exact, prefix, suffix } };
}

/** A place as written: its source and its spans with offsets in code points (not converted yet). */
function readPlace(value: Json | undefined, where: string, extraFields: readonly string[] = []): { source: string; spans: AnchoredSpan[] } {
  const object = objectAt(value, where);
  const list = object.type === 'List';
  if (list) knownFieldsOnly(object, [...LIST_FIELDS, ...extraFields], where);
  const parts = list ? (Array.isArray(object.items) ? object.items : fail(where, '"items" must be a list')) : [object];
  if (parts.length === 0) fail(where, 'an empty list');
  const fields = list ? RESOURCE_FIELDS : [...RESOURCE_FIELDS, ...extraFields];
  const read = parts.map((part, i) => readSpan(part, parts.length > 1 ? `${where} ${i + 1}` : where, fields));
  if (read.some((r) => r.source !== read[0].source)) fail(where, 'the parts of a list are in different articles');
  return { source: read[0].source, spans: read.map((r) => r.span) };
}

function readRef(value: Json, where: string, index: CodePointIndex, targetSource: string): MentionRef {
  const { source, spans } = readPlace(value, where, REF_FIELDS);
  if (source === targetSource) return { spans: spans.map((s) => toUtf16(s, index)) };
  return { spans, article: source };
}

/** A span of the article itself, its code-point offsets converted. */
function toUtf16(span: AnchoredSpan, index: CodePointIndex): AnchoredSpan {
  return index.isIdentity ? span : { ...span, start: index.toUtf16(span.start), end: index.toUtf16(span.end) };
}

function bodies(object: JsonObject, where: string): JsonObject[] {
  const body = object.body;
  if (body === undefined) return [];
  return (Array.isArray(body) ? body : [body]).map((b, i) => objectAt(b, `${where}: body ${i + 1}`));
}

function textualValue(parts: JsonObject[], purpose: string, where: string): string | undefined {
  const part = parts.find((p) => p.type === 'TextualBody' && p.purpose === purpose);
  return part === undefined ? undefined : stringAt(part, 'value', `${where}: ${purpose} body`);
}

/** An annotation, and the source its target names (the article's path as the file was written). */
function readAnnotation(object: JsonObject, where: string, index: CodePointIndex): { annotation: Annotation; source: string } {
  knownFieldsOnly(object, ANNOTATION_FIELDS, where);
  const target = readPlace(object.target, `${where}: target`);
  const targetSpans = target.spans.map((s) => toUtf16(s, index));
  const parts = bodies(object, where);
  const formats: Record<string, string> = {};
  parts.forEach((part, i) => {
    if (part.type === 'TextualBody') {
      knownFieldsOnly(part, TEXTUAL_FIELDS, `${where}: body ${i + 1}`);
      const format = readFormat(part, `${where}: body ${i + 1}`);
      if (format !== undefined && typeof part.purpose === 'string') formats[part.purpose] = format;
    } else if (part.type === 'SpecificResource' && part.purpose === 'identifying') knownFieldsOnly(part, EXTERNAL_ID_FIELDS, `${where}: body ${i + 1}`);
  });
  const body = readBody(object, parts, where, index, target.source);
  if (parts.length !== partsWritten(body)) {
    fail(where, `${parts.length} body parts where this version reads ${partsWritten(body)}; the file is left as it is rather than written again without the others`);
  }
  const status = object.status === undefined ? 'anchored' : object.status === 'orphaned' ? 'orphaned' : fail(where, '"status" must be "orphaned" when present');
  const annotation: Annotation = {
    id: stringAt(object, 'id', where),
    ...readCreator(object, where),
    ...(Object.keys(formats).length > 0 ? { formats } : {}),
    ...readTimes(object, where),
    target: targetSpans,
    body,
    status,
  };
  return { annotation, source: target.source };
}

/** How many body parts the store writes for `body` (to tell whether a file had parts that were not read). */
function partsWritten(body: AnnotationBody): number {
  const written = bodyToJson(body, '', new CodePointIndex('')).body;
  return written === undefined ? 0 : Array.isArray(written) ? written.length : 1;
}

function readBody(object: JsonObject, parts: JsonObject[], where: string, index: CodePointIndex, source: string): AnnotationBody {
  const motivation = object.motivation;
  switch (motivation) {
    case 'tagging': {
      const label = textualValue(parts, 'tagging', where) ?? fail(where, 'a tagging annotation needs a tagging body');
      return { kind: 'label', label };
    }
    case 'assessing': {
      const assessment = textualValue(parts, 'assessing', where);
      if (assessment === 'accepted') return { kind: 'confirm', label: textualValue(parts, 'tagging', where) ?? fail(where, 'an accepted entity needs its label') };
      if (assessment === 'not-an-entity') {
        const extent = parts.find((p) => p.purpose === 'assessing')!.extent ?? 'occurrence';
        if (extent !== 'occurrence' && extent !== 'everywhere') fail(where, '"extent" must be "occurrence" or "everywhere"');
        return { kind: 'reject', extent };
      }
      return fail(where, 'an assessing body must say "accepted" or "not-an-entity"');
    }
    case 'linking': {
      if (textualValue(parts, 'classifying', where) === 'attribution') return readAttribution(parts, where, index, source);
      const link = parts.find((p) => p.relation === 'sameAs' || p.relation === 'differentFrom') ?? fail(where, 'a linking body needs "relation": "sameAs" or "differentFrom"');
      return { kind: link.relation as 'sameAs' | 'differentFrom', other: readRef(link, `${where}: body`, index, source) };
    }
    case 'identifying': {
      const canonicalName = textualValue(parts, 'identifying', where) ?? fail(where, 'an identity needs its canonical name');
      const external = parts.find((p) => p.type === 'SpecificResource' && p.purpose === 'identifying');
      if (!external) return { kind: 'identity', canonicalName };
      const iri = stringAt(external, 'source', `${where}: external id`);
      return { kind: 'identity', canonicalName, externalId: iri.startsWith(WIKIDATA_ENTITY) ? iri.slice(WIKIDATA_ENTITY.length) : iri };
    }
    case 'classifying': {
      const value = textualValue(parts, 'classifying', where);
      if (value === 'scare-quote') return { kind: 'quoteKind', quoteKind: 'scare' };
      if (value === 'not-a-quote') return { kind: 'quoteKind', quoteKind: 'not-a-quote' };
      return fail(where, 'a classifying body must say "scare-quote" or "not-a-quote"');
    }
    case 'commenting':
      return { kind: 'note', text: textualValue(parts, 'commenting', where) ?? fail(where, 'a note needs a commenting body'), resolved: object.resolved === true, replies: [] };
    default:
      return fail(where, `unknown "motivation" ${JSON.stringify(motivation)}`);
  }
}

function readAttribution(parts: JsonObject[], where: string, index: CodePointIndex, source: string): AnnotationBody {
  const marker = parts.find((p) => p.purpose === 'classifying')!;
  const roleRef = (role: string): MentionRef | undefined => {
    const part = parts.find((p) => p.role === role);
    return part && readRef(part, `${where}: ${role}`, index, source);
  };
  const speaker = roleRef('speaker');
  const cue = roleRef('cue');
  const trigger = roleRef('trigger');
  const args = parts
    .filter((p) => typeof p.role === 'string' && p.role.startsWith('argument:'))
    .map((p) => ({ role: (p.role as string).slice('argument:'.length), ref: readRef(p, `${where}: ${p.role as string}`, index, source) }));
  const eventType = typeof marker.bratEventType === 'string' ? marker.bratEventType : undefined;
  const brat = {
    ...(eventType !== undefined ? { eventType } : {}),
    ...(trigger ? { trigger } : {}),
    ...(args.length > 0 ? { arguments: args } : {}),
    ...(marker.noContent === true ? { noContent: true as const } : {}),
  };
  return { kind: 'speaker', ...(speaker ? { speaker } : {}), ...(cue ? { cue } : {}), ...(Object.keys(brat).length > 0 ? { brat } : {}) };
}
