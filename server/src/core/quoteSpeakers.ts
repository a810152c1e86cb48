import type { Actor } from './actors';
import type { Quote } from './types';

/** Who said a quote: the actor the attribution was joined to, and how to name the speaker. */
export interface QuoteSpeaker {
  /** The actor, when the attribution names one the article's grouping knows. */
  readonly actor?: Actor;
  /** The actor's name, else the attribution's own words (`the two sides`, `a spokesman`). */
  readonly label: string;
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
    if (label) speakers.set(quote, actor ? { actor, label } : { label });
  }
  return speakers;
}
