import type { Annotation, AnnotationBody } from '../../../server/src/core/annotations/model';
import { spanAt } from '../../../server/src/core/annotations/selectors';

/** A label annotation on `[start, end)` of `text`, with a fixed id and times. */
export function labelAt(text: string, start: number, end: number, id = `a${start}-${end}`, label = 'person'): Annotation {
  return annotationAt(text, [[start, end]], { kind: 'label', label }, id);
}

/** An annotation whose target is the given fragments of `text`. */
export function annotationAt(text: string, fragments: Array<[number, number]>, body: AnnotationBody, id: string): Annotation {
  return {
    id,
    creator: 'Test Annotator',
    created: '2024-05-01T10:00:00.000Z',
    modified: '2024-05-01T10:00:00.000Z',
    target: fragments.map(([start, end]) => spanAt(text, { start, end })),
    body,
    status: 'anchored',
  };
}

/** A label on the `occurrence`-th (from 0) occurrence of `word` in `text`. */
export function labelOn(text: string, word: string, occurrence = 0, label = 'person'): Annotation {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(word, at + 1);
    if (at < 0) throw new Error(`"${word}" occurs fewer than ${occurrence + 1} times`);
  }
  return labelAt(text, at, at + word.length, `${word}#${occurrence}`, label);
}

/** The text an annotation's first target span covers in `text`. */
export function textOf(text: string, annotation: Annotation): string {
  return text.slice(annotation.target[0].start, annotation.target[0].end);
}
