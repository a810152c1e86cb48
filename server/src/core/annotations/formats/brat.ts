import approximateSearch from 'approx-string-match';
import { decodeHTML } from 'entities';
import { CodePointIndex } from '../codePoints';
import { effectiveEntities } from '../entityLayer';
import { bratTypeOfLabel, labelOfExternalName } from '../labels';
import type { AnchoredSpan, Annotation, AnnotationBody, BratEventDetail, MentionRef, SpeakerBody } from '../model';
import { maxErrorsFor } from '../quoteMatch';
import { spanAt } from '../selectors';
import { isValidExternalId, sortedForStore } from '../w3c';
import { countLeftOut, type ArticleForExport, type ExportOutput, type ImportContext } from './exchange';
import { lineBreakVariant } from './lineBreakCounting';
import { sameWordsDamaged } from './sameWords';
import { BRAT_LINE_BREAK, parseBratStandoff, writeBratStandoff, type BratEvent, type BratNormalization, type BratNote, type BratTextBound } from './bratStandoff';

/**
 * brat standoff ↔ annotations. Entities are `T` lines typed `Person`, `Organization`, `Location`, `Misc`
 * or a user label; quote attributions are PolNeAR-style — Source, Cue and Content spans and an
 * `Attribution` event (`Attribution-no-source` without a Source) whose trigger is the cue span; notes are
 * `#` AnnotatorNotes lines; an identity with an external id is an `N` Reference line (`Wikidata:Q42`).
 * Importing a PolNeAR file and exporting it again writes the same spans (tested on all of PolNeAR dev):
 * what PolNeAR does that we would not (a trigger that is not the cue, `Content2`, an event without
 * Content) is kept in `SpeakerBody.brat`.
 */

const CONTENT = 'Content';
const SOURCE = 'Source';
const CUE = 'Cue';
/** Types of the spans written for a note or a reference on a place that has no other span. */
const NOTE_ANCHOR = 'Note';
const MENTION_ANCHOR = 'Mention';
const ANCHOR_TYPES = new Set([NOTE_ANCHOR, MENTION_ANCHOR]);
/** What the spans of attribution events are registered as in {@link TextBounds}: apart from labels of the same type. */
const EVENT_ROLE = 'event';
/** The role types of an attribution event; an event with one of them, or of a type `Attribution…`, is one. */
const ATTRIBUTION_ROLES = new Set([CONTENT, SOURCE, CUE]);

/** The result of {@link importBrat}. */
export interface BratImport {
  readonly annotations: Annotation[];
  /** Lines that could not be read or used, one message each. */
  readonly problems: string[];
}

/** White space, and the other line breaks brat's reader knows (NEL, U+001C–U+001E: not `\s` in JavaScript), written as spaces. */
const SPACE = '[\\s\\u0085\\u001c-\\u001e]';
const SPACES = new RegExp(`${SPACE}+`, 'g');

/** Whitespace-insensitive comparison of a span's stored text with the article's. */
function sameText(a: string, b: string): boolean {
  const squash = (s: string): string => s.replace(SPACES, ' ').trim();
  return squash(a) === squash(b);
}

/** Annotations from a `.ann` file for the article `text`. */
export function importBrat(ann: string, text: string, context: ImportContext): BratImport {
  const parsed = parseBratStandoff(ann);
  const { document } = parsed;
  // Messages name the line an annotation was read from: `line 3: T2: …`.
  const at = (id: string): string => (document.lineOf?.has(id) ? `line ${document.lineOf.get(id)}: ${id}` : id);
  let read = readTextBounds(document.textBounds, text, text, (offset) => offset, at);
  // A file made on the article with its line breaks written the other way (LF ↔ CRLF) is read as it was counted.
  const variant = read.mismatches > 0 ? lineBreakVariant(text) : undefined;
  if (variant) {
    const other = readTextBounds(document.textBounds, text, variant.text, variant.toArticle, at);
    if (other.mismatches < read.mismatches) {
      read = other;
      read.problems.unshift(`the offsets count ${variant.counting === 'LF' ? 'one character' : 'two characters'} per line break (${variant.counting}), not as this copy of the article writes them: read as counted`);
    }
  }
  // brat reads a file's byte-order mark as its first character; editors (and this reader) leave it out, so a file
  // annotated in brat counts every offset one more.
  if (read.mismatches > 0 && !text.startsWith(BYTE_ORDER_MARK)) {
    const counted = readTextBounds(document.textBounds, text, BYTE_ORDER_MARK + text, (offset) => Math.max(0, offset - 1), at);
    if (counted.mismatches < read.mismatches) {
      read = counted;
      read.problems.unshift('the offsets count a byte-order mark before the text as its first character (as brat does): read as counted');
    }
  }
  const { spansById } = read;
  const problems = [...parsed.problems, ...read.problems];
  const make = (target: AnchoredSpan[], body: AnnotationBody): Annotation => ({
    id: context.newId(),
    ...(context.creator !== undefined ? { creator: context.creator } : {}),
    created: context.now,
    modified: context.now,
    target,
    body,
    status: 'anchored',
  });
  const annotations: Annotation[] = [];
  const used = new Set<string>();
  for (const event of document.events) {
    const isAttribution = event.type.startsWith('Attribution') || event.arguments.some((a) => ATTRIBUTION_ROLES.has(a.role));
    const missing = [event.trigger, ...event.arguments.map((a) => a.id)].filter((id) => !spansById.has(id));
    if (!isAttribution) problems.push(`${at(event.id)}: events of type ${event.type} are not imported`);
    else if (missing.length > 0) {
      problems.push(`${at(event.id)}: refers to ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} missing or unreadable`);
      // Its spans typed as its parts (`Attribution`, `Cue`) belong to the attribution that was reported, not labels
      // of their own; one typed otherwise (`Person`) is still that label.
      const typeOf = new Map(document.textBounds.map((t) => [t.id, t.type]));
      for (const id of [event.trigger, ...event.arguments.map((a) => a.id)]) {
        const type = typeOf.get(id);
        if (type !== undefined && (ATTRIBUTION_ROLES.has(type.replace(/\d+$/, '')) || type.startsWith('Attribution'))) used.add(id);
      }
    } else {
      const { target, body } = attributionOf(event, spansById);
      annotations.push(make(target, body));
      used.add(event.trigger);
      for (const a of event.arguments) used.add(a.id);
    }
  }
  // A span written only to carry a note or a reference (type `Note` / `Mention`, see exportBrat) is no label.
  const anchorsOnly = new Set([...document.notes, ...document.normalizations].map((n) => n.target));
  for (const t of document.textBounds) {
    if (ANCHOR_TYPES.has(t.type) && anchorsOnly.has(t.id)) continue;
    if (!used.has(t.id) && spansById.has(t.id)) annotations.push(make(spansById.get(t.id)!, { kind: 'label', label: labelOfExternalName(t.type) }));
  }
  const eventSpans = new Map(document.events.filter((e) => spansById.has(e.trigger)).map((e) => [e.id, contentOrTrigger(e, spansById)]));
  const targetOf = (id: string): AnchoredSpan[] | undefined => spansById.get(id) ?? eventSpans.get(id);
  for (const note of document.notes) {
    const target = targetOf(note.target);
    if (!target) problems.push(`${at(note.id)}: a note on ${note.target}, which is missing`);
    else if (note.text.trim() === '') problems.push(`${at(note.id)}: an empty note`);
    else annotations.push(make(target, { kind: 'note', text: note.text, resolved: false, replies: [] }));
  }
  for (const n of document.normalizations) {
    const target = targetOf(n.target);
    const externalId = n.reference.startsWith('Wikidata:') ? n.reference.slice('Wikidata:'.length) : n.reference;
    if (!target) problems.push(`${at(n.id)}: a reference for ${n.target}, which is missing`);
    else if (!isValidExternalId(externalId)) problems.push(`${at(n.id)}: ${n.reference} is not an id we can keep`);
    else annotations.push(make(target, { kind: 'identity', canonicalName: n.text.trim() || target.map((s) => s.exact).join(' '), externalId }));
  }
  for (const line of document.others) problems.push(`${at(line.split('\t')[0])}: not imported (${line.split('\t')[1]?.split(' ')[0] ?? ''} lines have no counterpart here)`);
  return { annotations, problems };
}

/**
 * The text-bound annotations placed in the article `text`, their offsets read as code points of `counted`
 * (the article itself, or as another tool counted its line breaks) and brought back by `toArticle`.
 */
function readTextBounds(textBounds: readonly BratTextBound[], text: string, counted: string, toArticle: (offset: number) => number, at: (id: string) => string) {
  const index = new CodePointIndex(counted);
  const spansById = new Map<string, AnchoredSpan[]>();
  const problems: string[] = [];
  let mismatches = 0;
  // An id given to two lines (two files joined, say) cannot say which of them an event or a note means, nor
  // whose label is whose: none of them is imported, rather than one line's label put on the other's words.
  const lines = new Map<string, number>();
  for (const t of textBounds) lines.set(t.id, (lines.get(t.id) ?? 0) + 1);
  for (const [id, count] of lines) if (count > 1) problems.push(`${id}: ${count} lines have this id (two files joined?): none of them is imported`);
  for (const t of textBounds) {
    if (lines.get(t.id)! > 1) continue;
    if (t.fragments.some(([, end]) => end > index.codePointLength)) {
      problems.push(`${at(t.id)}: offsets beyond the end of the text (${index.codePointLength} characters)`);
      mismatches++;
      continue;
    }
    if (t.fragments.some(([start, end]) => start === end)) {
      // An empty span marks nothing a person could see (and a CoNLL export would tag the word around it).
      problems.push(`${at(t.id)}: an empty span (${t.fragments.map(([start, end]) => `${start} ${end}`).join(';')}) is not imported`);
      mismatches++;
      continue;
    }
    const spans = t.fragments.map(([s, e]) => spanAt(text, { start: toArticle(index.toUtf16(s)), end: toArticle(index.toUtf16(e)) }));
    const actual = spans.map((s) => s.exact).join(' ');
    // A line without its text (other tools leave it out) has only its offsets to go by; one whose text was written
    // with HTML entities (`AT&amp;T`) says the same words.
    if (t.text.trim() === '' || (t.text.includes('&') && sameText(actual, decodeHTML(t.text)))) {
      spansById.set(t.id, spans);
      continue;
    }
    if (!sameText(actual, t.text)) {
      mismatches++;
      // The words the line gives are what the annotator marked; its offsets only say where. Counted in another
      // copy of the text (one with a byte-order mark, a line added), they are found near there; found nowhere
      // near, or in two places alike, the line is left out rather than put on other words.
      const found = t.fragments.length === 1 ? nearestOccurrence(text, t.text, spans[0].start) : undefined;
      if (found === undefined) {
        // A few letters changed where the offsets point (a typo fixed since, other quotation marks): still its words.
        const near = t.fragments.length === 1 ? nearlyAt(text, t.text, spans[0].start, spans[0].end) : undefined;
        if (near) {
          problems.push(`${at(t.id)}: the file says ${JSON.stringify(t.text)} but the text has ${JSON.stringify(actual)} there: placed on ${JSON.stringify(text.slice(near.start, near.end))} (a few letters differ)`);
          spansById.set(t.id, [spanAt(text, near)]);
        } else problems.push(`${at(t.id)}: the file says ${JSON.stringify(t.text)} but the text has ${JSON.stringify(actual)} there, and ${JSON.stringify(t.text)} is not near: not imported`);
        continue;
      }
      problems.push(`${at(t.id)}: the file says ${JSON.stringify(t.text)} but the text has ${JSON.stringify(actual)} there: placed on ${JSON.stringify(text.slice(found.start, found.end))} ${describeShift(found.start - spans[0].start)}`);
      spansById.set(t.id, [spanAt(text, found)]);
      continue;
    }
    spansById.set(t.id, spans);
  }
  return { spansById, problems, mismatches };
}

const BYTE_ORDER_MARK = '\uFEFF';

/** Characters each side of a line's offsets where its words are looked for when the offsets do not hold them. */
const NEAR_OFFSETS = 20_000;

/** The most words of a line's text looked for near its offsets ({@link nearestOccurrence}). */
const MAX_SEARCHED_WORDS = 500;

/** How much nearer the nearest occurrence must be than the next one to be taken (as the store's search does). */
const NEAREST_RATIO = 4;

/**
 * The place of `words` (white space matching any white space: brat writes a line break inside a span as a
 * space) nearest `offset` within {@link NEAR_OFFSETS}, when it is clearly the nearest; otherwise `undefined`.
 */
function nearestOccurrence(text: string, words: string, offset: number): { start: number; end: number } | undefined {
  const parts = words.replace(SPACES, ' ').trim().split(' ').filter((part) => part.length > 0);
  // A span of thousands of words (a whole quotation) is looked for no further: its pattern would overflow the
  // regular-expression engine's stack, and such a line is left out with its message.
  if (parts.length === 0 || parts.length > MAX_SEARCHED_WORDS) return undefined;
  const pattern = new RegExp(parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(`${SPACE}+`), 'g');
  const from = Math.max(0, offset - NEAR_OFFSETS);
  const window = text.slice(from, Math.min(text.length, offset + NEAR_OFFSETS + words.length));
  const places: Array<{ start: number; end: number }> = [];
  for (let m = pattern.exec(window); m !== null; m = pattern.exec(window)) {
    places.push({ start: from + m.index, end: from + m.index + m[0].length });
    if (m[0].length === 0) pattern.lastIndex++;
  }
  if (places.length === 0) return undefined;
  const distance = (p: { start: number }): number => Math.abs(p.start - offset);
  places.sort((a, b) => distance(a) - distance(b));
  if (places.length > 1 && distance(places[0]) * NEAREST_RATIO >= distance(places[1])) return undefined;
  return places[0];
}

/**
 * Where `stored` is, with a few letters changed (as many as the store's quote search allows), at the offsets
 * `[start, end)` or as many characters beside them: the closest alignment (fewest changes, then nearest) that
 * still has the same words (`sameWords.ts`: other quotation marks, a letter inside a long word; never another
 * word, `Bill Clinton` for `Hillary Clinton`). Only for a text long enough for that to be a typo.
 */
function nearlyAt(text: string, stored: string, start: number, end: number): { start: number; end: number } | undefined {
  const errors = maxErrorsFor(stored.length);
  if (stored.length < MIN_NEARLY_SAME) return undefined;
  const from = Math.max(0, start - errors);
  const matches = approximateSearch(text.slice(from, Math.min(text.length, end + errors)), stored, errors);
  // Of equal cost, one that starts and ends at word boundaries (`Steinmeir` → `Steinmeier`, not `Steinmei`), then
  // the nearest.
  const wordChar = /[\p{L}\p{N}]/u;
  const cut = (i: number): number => (i > 0 && i < text.length && wordChar.test(text[i - 1]) && wordChar.test(text[i]) ? 1 : 0);
  let best: { start: number; end: number; errors: number; cuts: number } | undefined;
  for (const m of matches) {
    const place = { start: from + m.start, end: from + m.end, errors: m.errors, cuts: 0 };
    if (!sameWordsDamaged(stored, text.slice(place.start, place.end))) continue;
    place.cuts = cut(place.start) + cut(place.end);
    const better =
      !best ||
      place.errors < best.errors ||
      (place.errors === best.errors && (place.cuts < best.cuts || (place.cuts === best.cuts && Math.abs(place.start - start) < Math.abs(best.start - start))));
    if (better) best = place;
  }
  return best && { start: best.start, end: best.end };
}

/** Characters a line's text needs for {@link nearlyAt} to read a difference as a typo. */
const MIN_NEARLY_SAME = 8;

/** `1 character later`, `12 characters earlier`. */
function describeShift(shift: number): string {
  const n = Math.abs(shift);
  return `${n.toLocaleString('en')} character${n === 1 ? '' : 's'} ${shift > 0 ? 'later' : 'earlier'}`;
}

function contentOrTrigger(event: BratEvent, spansById: ReadonlyMap<string, AnchoredSpan[]>): AnchoredSpan[] {
  const content = event.arguments.find((a) => a.role === CONTENT);
  return spansById.get(content?.id ?? event.trigger)!;
}

function sameSpans(a: readonly AnchoredSpan[], b: readonly AnchoredSpan[]): boolean {
  return a.length === b.length && a.every((s, i) => s.start === b[i].start && s.end === b[i].end);
}

/** The target and body of an attribution event. */
function attributionOf(event: BratEvent, spansById: ReadonlyMap<string, AnchoredSpan[]>): { target: AnchoredSpan[]; body: SpeakerBody } {
  const ref = (id: string): MentionRef => ({ spans: spansById.get(id)! });
  const firstOf = (role: string): number => event.arguments.findIndex((a) => a.role === role);
  const [contentAt, sourceAt, cueAt] = [firstOf(CONTENT), firstOf(SOURCE), firstOf(CUE)];
  const idAt = (at: number): string | undefined => (at >= 0 ? event.arguments[at].id : undefined);
  const [content, source, cue] = [idAt(contentAt), idAt(sourceAt), idAt(cueAt)];
  const others = event.arguments.filter((_, i) => i !== contentAt && i !== sourceAt && i !== cueAt);
  const trigger = spansById.get(event.trigger)!;
  const brat: { -readonly [K in keyof BratEventDetail]: BratEventDetail[K] } = {};
  if (event.type !== (source ? 'Attribution' : 'Attribution-no-source')) brat.eventType = event.type;
  if (content === undefined) brat.noContent = true;
  else if (!(cue !== undefined && sameSpans(trigger, spansById.get(cue)!))) brat.trigger = ref(event.trigger);
  if (others.length > 0) brat.arguments = others.map((a) => ({ role: a.role, ref: ref(a.id) }));
  const body: SpeakerBody = {
    kind: 'speaker',
    ...(source ? { speaker: ref(source) } : {}),
    ...(cue ? { cue: ref(cue) } : {}),
    ...(Object.keys(brat).length > 0 ? { brat } : {}),
  };
  return { target: content !== undefined ? spansById.get(content)! : trigger, body };
}

/** Registers text-bound annotations once per type and fragments, numbering them T1, T2, … */
class TextBounds {
  readonly lines: BratTextBound[] = [];
  private readonly byKey = new Map<string, string>();
  /** Ids of the spans written only to carry a note or a reference. */
  private readonly anchors = new Set<string>();
  constructor(private readonly text: string, private readonly index: CodePointIndex) {}

  private fragments(spans: readonly AnchoredSpan[]): Array<[number, number]> {
    return spans.map((s) => [this.index.toCodePoints(s.start), this.index.toCodePoints(s.end)]);
  }

  /** The id of a `type` annotation on `spans` (of a `role`: anchors apart from labels), made if new. */
  id(type: string, spans: readonly AnchoredSpan[], role = ''): string {
    const fragments = this.fragments(spans);
    const key = `${role}|${type}|${JSON.stringify(fragments)}`;
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = `T${this.lines.length + 1}`;
      this.byKey.set(key, id);
      this.lines.push({ id, type, fragments, text: spans.map((s) => this.text.slice(s.start, s.end)).join(' ') });
    }
    return id;
  }

  /**
   * The id of any annotation on exactly `spans`, or of a new one of type `fallback` (an anchor type). A
   * label that is itself named like an anchor (a user label `Note`) is not used: read back, a span of an
   * anchor type that a note points at is taken for an anchor only, and the label would be lost.
   */
  anyOn(spans: readonly AnchoredSpan[], fallback: string): string {
    const wanted = JSON.stringify(this.fragments(spans));
    const found = this.lines.find((t) => JSON.stringify(t.fragments) === wanted && (!ANCHOR_TYPES.has(t.type) || this.anchors.has(t.id)));
    if (found) return found.id;
    const id = this.id(fallback, spans, 'anchor');
    this.anchors.add(id);
    return id;
  }
}

/** The `.ann` file of an article (offsets in code points, as brat counts them). */
export function exportBrat(article: ArticleForExport): ExportOutput {
  const { text } = article;
  const bounds = new TextBounds(text, new CodePointIndex(text));
  const events: BratEvent[] = [];
  const notes: BratNote[] = [];
  const normalizations: BratNormalization[] = [];
  const leftOut: string[] = [];
  const ordered = sortedForStore(article.annotations.annotations);
  const anchored = ordered.filter((a) => {
    if (a.status === 'orphaned') leftOut.push('orphaned annotation (no place in the text)');
    return a.status === 'anchored';
  });
  // Entities and attributions first, so that notes and references can point at their spans.
  for (const a of anchored) {
    const body = a.body;
    if (body.kind === 'label' || body.kind === 'confirm') bounds.id(bratTypeOfLabel(body.label), a.target);
    // brat has labels only: an accepted suggestion is read back as the person's own label.
    if (body.kind === 'confirm') leftOut.push('acceptance of a suggestion (written as a label)');
    else if (body.kind === 'speaker') events.push(attributionEvent(a.target, body, bounds, events.length + 1, leftOut));
  }
  for (const e of effectiveEntities(text, anchored, article.suggestions)) {
    if (e.origin === 'suggested') bounds.id(bratTypeOfLabel(e.label), [spanAt(text, e)]);
  }
  for (const a of anchored) {
    const body = a.body;
    if (body.kind === 'note') {
      const thread = [body.text, ...body.replies.map((r) => (r.creator ? `${r.creator}: ${r.text}` : r.text))].join(' | ');
      // A note is one line of a .ann file: what does not survive that is said, as for what is left out.
      if (body.replies.length > 0) leftOut.push('note thread written as one note (replies joined with " | ")');
      if (BRAT_LINE_BREAK.test(thread)) leftOut.push('line breaks or tabs in a note (written as spaces)');
      if (body.resolved) leftOut.push('resolved state of a note (read back as open)');
      notes.push({ id: `#${notes.length + 1}`, type: 'AnnotatorNotes', target: bounds.anyOn(a.target, NOTE_ANCHOR), text: thread });
    } else if (body.kind === 'identity' && body.externalId !== undefined) {
      const reference = /^Q\d+$/.test(body.externalId) ? `Wikidata:${body.externalId}` : body.externalId;
      normalizations.push({ id: `N${normalizations.length + 1}`, type: 'Reference', target: bounds.anyOn(a.target, MENTION_ANCHOR), reference, text: body.canonicalName });
    } else if (body.kind === 'identity') {
      leftOut.push('identity without an external id');
    } else if (body.kind === 'reject') {
      leftOut.push('rejection (brat has no "not an entity")');
    } else if (body.kind === 'sameAs' || body.kind === 'differentFrom') {
      leftOut.push('same/different actor link');
    } else if (body.kind === 'quoteKind') {
      leftOut.push('quote kind');
    }
  }
  const ann = writeBratStandoff({ textBounds: bounds.lines, events, notes, normalizations, others: [] });
  return { text: ann, leftOut: countLeftOut(leftOut) };
}

/**
 * The event (and its spans) of one attribution annotation. A part in another article (a speaker named in an
 * earlier article) is left out and said in `leftOut`: a `.ann` file marks its own article's text, where its
 * offsets would mark other words. An attribution whose speaker is elsewhere is written as one without a source.
 */
function attributionEvent(target: readonly AnchoredSpan[], body: SpeakerBody, bounds: TextBounds, number: number, leftOut: string[]): BratEvent {
  const here = (part: string, ref: MentionRef | undefined): MentionRef | undefined => {
    if (ref?.article === undefined) return ref;
    leftOut.push(`${part} of an attribution, in another article (brat marks this article only)`);
    return undefined;
  };
  const [speaker, cue, trigger] = [here('speaker', body.speaker), here('cue', body.cue), here('trigger', body.brat?.trigger)];
  const eventType = body.brat?.eventType ?? (speaker ? 'Attribution' : 'Attribution-no-source');
  // The event's spans are lines of their own, apart from labels: read back, a line an event uses is no label, so a
  // person's label named like a role (`Source`, `Content`, `Cue`) on the same words would be lost in the event's.
  const role = (type: string, spans: readonly AnchoredSpan[]): string => bounds.id(type, spans, EVENT_ROLE);
  const args: Array<{ role: string; id: string }> = [];
  if (!body.brat?.noContent) args.push({ role: CONTENT, id: role(CONTENT, target) });
  if (cue) args.push({ role: CUE, id: role(CUE, cue.spans) });
  if (speaker) args.push({ role: SOURCE, id: role(SOURCE, speaker.spans) });
  for (const a of body.brat?.arguments ?? []) if (here(a.role, a.ref)) args.push({ role: a.role, id: role(a.role.replace(/\d+$/, ''), a.ref.spans) });
  // The trigger is the cue, as in PolNeAR; without one, the quotation itself.
  const triggerSpans = trigger?.spans ?? cue?.spans ?? target;
  return { id: `E${number}`, type: eventType, trigger: role(eventType, triggerSpans), arguments: args };
}
