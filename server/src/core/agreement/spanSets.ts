import { importBrat } from '../annotations/formats/brat';
import type { Annotation, AnchoredSpan } from '../annotations/model';
import { reanchor } from '../annotations/reanchor';
import { parseAnnotationCollection } from '../annotations/w3c';
import { overlaps } from '../search';
import type { OffsetRange } from '../types';

/**
 * What one annotator marked in one article, as the agreement measures see it: labelled places. A place is
 * one span, or the fragments of a discontinuous one (brat's `T1 Source 0 5;7 9`). Whatever the input —
 * our store or a brat `.ann` file — it is first read into annotations by the annotation core, so both
 * give the same spans for the same marks.
 */

/** One labelled place of an article (UTF-16 offsets, fragments in text order, none empty). */
export interface LabeledPlace {
  readonly label: string;
  readonly fragments: readonly OffsetRange[];
}

/** The labels of a quote attribution's parts, as PolNeAR names them. */
export const ATTRIBUTION_LABELS = { content: 'Content', source: 'Source', cue: 'Cue' } as const;

/** An annotator's places in one article, with what could not be read (one message per problem). */
export interface SpanSet {
  readonly places: readonly LabeledPlace[];
  readonly problems: readonly string[];
}

function fragmentsOf(spans: readonly AnchoredSpan[]): OffsetRange[] {
  return spans
    .filter((s) => s.end > s.start)
    .map((s) => ({ start: s.start, end: s.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A key equal for two places exactly when they have the same label and the same fragments. */
export function placeKey(place: LabeledPlace): string {
  return `${place.label}\u0000${place.fragments.map((f) => `${f.start}:${f.end}`).join(';')}`;
}

/**
 * The labelled places of annotations, each once: labels and confirmations give their label; a quote
 * attribution gives its parts as `Content` (the target), `Source` (the speaker), `Cue`, and further
 * arguments by their role without a trailing number (PolNeAR's `Content2` is `Content`). The brat event
 * trigger is not a place of its own (in PolNeAR it repeats the cue). Orphaned annotations have no place;
 * notes, rejections, identities and links label nothing. The same label on the same fragments counts
 * once, so two attributions sharing one source (two events on one `T` line in brat) do not count it twice.
 * Sorted by first fragment, then label.
 */
export function labeledPlaces(annotations: readonly Annotation[]): LabeledPlace[] {
  const places = new Map<string, LabeledPlace>();
  const add = (label: string, spans: readonly AnchoredSpan[]): void => {
    const fragments = fragmentsOf(spans);
    if (fragments.length === 0) return;
    const place = { label, fragments };
    places.set(placeKey(place), place);
  };
  for (const annotation of annotations) {
    if (annotation.status !== 'anchored') continue;
    const body = annotation.body;
    if (body.kind === 'label' || body.kind === 'confirm') add(body.label, annotation.target);
    else if (body.kind === 'speaker') {
      if (!body.brat?.noContent) add(ATTRIBUTION_LABELS.content, annotation.target);
      if (body.speaker && body.speaker.article === undefined) add(ATTRIBUTION_LABELS.source, body.speaker.spans);
      if (body.cue && body.cue.article === undefined) add(ATTRIBUTION_LABELS.cue, body.cue.spans);
      for (const argument of body.brat?.arguments ?? []) if (argument.ref.article === undefined) add(argument.role.replace(/\d+$/, ''), argument.ref.spans);
    }
  }
  return [...places.values()].sort((a, b) => a.fragments[0].start - b.fragments[0].start || a.fragments[0].end - b.fragments[0].end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** Ids and times are not compared: fixed ones keep reading deterministic. */
const READ_CONTEXT = { newId: ((n = 0) => () => `urn:agreement:${++n}`)(), now: '1970-01-01T00:00:00.000Z' };

/** The places of a brat `.ann` file for the article `text`; lines that cannot be used are problems. */
export function spanSetOfBrat(ann: string, text: string): SpanSet {
  const { annotations, problems } = importBrat(ann, text, READ_CONTEXT);
  return { places: labeledPlaces(annotations), problems };
}

/**
 * The places of one of our store files (`.article-lens/annotations/<article>.json`) for the article
 * `text`, placed again by their quotes as the editor does (the text may have changed since). A file that
 * cannot be read is `{ invalid: message }`: agreement over a part of someone's annotations would mislead.
 */
export function spanSetOfStore(json: string, text: string): SpanSet | { readonly invalid: string } {
  const parsed = parseAnnotationCollection(json, text);
  if (!parsed.ok) return { invalid: parsed.message };
  const placed = reanchor(parsed.annotations.annotations, text);
  const orphaned = placed.annotations.filter((a) => a.status === 'orphaned').length;
  return {
    places: labeledPlaces(placed.annotations),
    problems: orphaned > 0 ? [`${orphaned} annotation${orphaned === 1 ? '' : 's'} no longer found in the text (left out)`] : [],
  };
}

/** True when some fragment of `a` and some fragment of `b` share a character. */
export function placesOverlap(a: LabeledPlace, b: LabeledPlace): boolean {
  return a.fragments.some((f) => b.fragments.some((g) => overlaps(f, g)));
}

/** The places grouped by label (labels in code-unit order). */
export function byLabel(places: readonly LabeledPlace[]): Map<string, LabeledPlace[]> {
  const groups = new Map<string, LabeledPlace[]>();
  for (const place of places) {
    let group = groups.get(place.label);
    if (!group) groups.set(place.label, (group = []));
    group.push(place);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
