import { bratTypeOfLabel } from './labels';
import { placeText, type AnnotationBody } from './model';

/** At most this many characters of a note or a quote in a one-line description. */
const SHORT = 60;

function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= SHORT ? line : `${line.slice(0, SHORT - 1)}…`;
}

/**
 * What an annotation says, in a few words for a message or a list (`label Person`, `not an entity`,
 * `speaker “Lavrov”`, `note “check the date”`).
 */
export function describeBody(body: AnnotationBody): string {
  switch (body.kind) {
    case 'label':
      return `label ${bratTypeOfLabel(body.label)}`;
    case 'confirm':
      return `accepted ${bratTypeOfLabel(body.label)}`;
    case 'reject':
      return body.extent === 'everywhere' ? 'not an entity (every occurrence)' : 'not an entity';
    case 'sameAs':
      return `same actor as “${short(placeText(body.other.spans))}”`;
    case 'differentFrom':
      return `not the same actor as “${short(placeText(body.other.spans))}”`;
    case 'identity':
      return `actor “${short(body.canonicalName)}”${body.externalId ? ` (${body.externalId})` : ''}`;
    case 'speaker':
      return body.speaker ? `speaker “${short(placeText(body.speaker.spans))}”` : 'no speaker';
    case 'quoteKind':
      return body.quoteKind === 'scare' ? 'scare quote' : 'not a quote';
    case 'note':
      return `note “${short(body.text)}”`;
  }
}

/** A quote shortened for a one-line message. */
export function shortQuote(text: string): string {
  return `“${short(text)}”`;
}
