import type { Actor } from './actors';
import type { Quote } from './types';

/** Who said a quote: the actor the attribution was joined to, and how to name the speaker. */
export interface QuoteSpeaker {
  /** The actor, when the attribution names one the article's grouping knows. */
  readonly actor?: Actor;
  /** The actor's name, else the attribution's own words (`the two sides`, `a spokesman`). */
  readonly label: string;
  /** How sure the rankers are of the speaker (`Attribution.confidence`), when below {@link UNCERTAIN_SPEAKER_BELOW}: a speaker to check. */
  readonly uncertain: number | undefined;
}

/**
 * Below this confidence (`Attribution.confidence`) a speaker is shown as uncertain. Cross-validated on PolNeAR
 * train (`npm run bench:quotes`, the calibration table), speakers below 0.7 are right about three times in five by
 * our own measure (a little over half by the strict one), those the rankers gave 0.7 or more nearly nine in ten, and
 * those no ranker decided 0.96: the mark flags about a tenth of the attributed quotations, which hold nearly two
 * fifths of the wrong speakers.
 */
export const UNCERTAIN_SPEAKER_BELOW = 0.7;

/** The confidence of the quote's speaker when it is below {@link UNCERTAIN_SPEAKER_BELOW}, else undefined. */
export function uncertainConfidence(quote: Quote): number | undefined {
  const confidence = quote.attribution?.confidence;
  return confidence !== undefined && confidence < UNCERTAIN_SPEAKER_BELOW ? confidence : undefined;
}

/**
 * How a view names an uncertain speaker's confidence: `uncertain, 62 %`, the percentage rounded down, so that a
 * speaker marked below 70 % never reads `70 %`.
 */
export function uncertainty(confidence: number): string {
  return `uncertain, ${Math.floor(confidence * 100)} %`;
}

/** A speaker's name as a list writes it: `The two sides (uncertain, 57 %)` when uncertain, else the name alone. */
export function markedSpeaker(label: string, uncertain: number | undefined): string {
  return uncertain === undefined ? label : `${label} (${uncertainty(uncertain)})`;
}

/**
 * The speaker of every attributed quote of an analysis: the one definition the outline, the
 * workspace index and the CLI share, so a quote is never given to one speaker in the outline and
 * another in a hover. Quotes without an attribution (scare quotes, unattributed speech) are absent.
 */
export function quoteSpeakers(quotes: readonly Quote[], actors: readonly Actor[]): Map<Quote, QuoteSpeaker> {
  const ownerOf = new Map<Quote, Actor>();
  for (const actor of actors) for (const quote of actor.quotes) ownerOf.set(quote, actor);
  const speakers = new Map<Quote, QuoteSpeaker>();
  for (const quote of quotes) {
    const actor = ownerOf.get(quote);
    const label = actor?.name ?? quote.attribution?.resolved?.text ?? quote.attribution?.mention.text;
    if (!label) continue;
    const uncertain = uncertainConfidence(quote);
    speakers.set(quote, actor ? { actor, label, uncertain } : { actor: undefined, label, uncertain });
  }
  return speakers;
}
