import { plainActor, sameIdentity, type SummaryCompactor } from '../core/summaryPool';
import type { ActorIdentity, ActorSummary, ArticleSummary } from '../core/workspaceIndex';
import type { ValueCodec, ValueReader, ValueWriter } from './format';

/** An actor identity as the cache file's table holds it: key, type, name, spellings, roles. */
type IdentityPart = [string, string, string, string[], string[]];

/** Numbers written per actor: identity (its place in the table), mentions, quotes, introduction, mention range. */
const ACTOR_NUMBERS = 6;
const MAX_NUMBER = 2 ** 32 - 1;

/**
 * How the index cache writes workspace summaries (`format.ts`): each distinct actor identity (key,
 * type, name, spellings, roles) once per file, in the chunk that first uses it, and an article's
 * actors as one `Uint32Array` of {@link ACTOR_NUMBERS} numbers each, the first the identity's place.
 * Why: a reopened workspace waited for the cache to be decoded and its summaries compacted by the
 * index's pool, and most of that was strings read and hashed again per actor (`Donald Trump`,
 * `person:donald trump` and his spellings in 7,000 of 10,000 articles), for about 9,000 distinct
 * identities among 230,000 actors. Read this way, every actor of one identity shares its strings and
 * lists. `isSummary` checks each summary read; with `pool` (the workspace index's), each identity of
 * the table becomes the pool's shared one as it is read, each actor is made as the index keeps it
 * with that identity, and each summary is the index's own copy: the summaries are read once, not read
 * as plain objects and compacted again actor by actor. A summary whose numbers do not fit (never one
 * `summarizeArticle` makes) is written with its actors whole.
 */
export function summaryCodec(isSummary: (value: unknown, path: string) => value is ArticleSummary, pool?: SummaryCompactor): ValueCodec<ArticleSummary> {
  return { writer: () => new SummaryWriter(), reader: () => new SummaryReader(isSummary, pool) };
}

class SummaryWriter implements ValueWriter<ArticleSummary> {
  /** Identities written so far by key: their place in the table and fields. */
  private readonly known = new Map<string, { readonly place: number; readonly identity: ActorIdentity }[]>();
  private places = 0;
  private fresh: IdentityPart[] = [];

  encode(summary: ArticleSummary): unknown {
    const numbers = new Uint32Array(summary.actors.length * ACTOR_NUMBERS);
    for (let i = 0; i < summary.actors.length; i++) {
      const actor = summary.actors[i];
      const counts = [actor.mentionCount, actor.quoteCount, actor.introOffset, actor.mentionFrom, actor.mentionTo];
      // Written whole (a kept actor writes itself through `toJSON`, which MessagePack calls).
      if (!counts.every((n) => Number.isInteger(n) && n >= 0 && n <= MAX_NUMBER)) return summary;
      numbers[i * ACTOR_NUMBERS] = this.placeOf(actor);
      numbers.set(counts, i * ACTOR_NUMBERS + 1);
    }
    return { ...summary, actors: numbers };
  }

  takeShared(): unknown[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }

  /** The identity's place in the table, added when new (the index's summaries share their lists: mostly compared by reference). */
  private placeOf(actor: ActorSummary): number {
    let sameKey = this.known.get(actor.key);
    if (!sameKey) this.known.set(actor.key, (sameKey = []));
    for (const { place, identity } of sameKey) {
      if (sameIdentity(identity, actor)) return place;
    }
    const place = this.places++;
    sameKey.push({ place, identity: { key: actor.key, type: actor.type, name: actor.name, spellings: actor.spellings, roles: actor.roles } });
    this.fresh.push([actor.key, actor.type, actor.name, [...actor.spellings], [...actor.roles]]);
    return place;
  }
}

class SummaryReader implements ValueReader<ArticleSummary> {
  private readonly table: ActorIdentity[] = [];

  constructor(
    private readonly isSummary: (value: unknown, path: string) => value is ArticleSummary,
    private readonly pool: SummaryCompactor | undefined,
  ) {}

  share(parts: readonly unknown[]): boolean {
    for (const part of parts) {
      if (!isIdentityPart(part)) return false;
      const [key, type, name, spellings, roles] = part;
      const identity: ActorIdentity = { key, type: type as ActorIdentity['type'], name, spellings, roles };
      this.table.push(this.pool ? this.pool.sharedIdentity(identity) : identity);
    }
    return true;
  }

  decode(written: unknown, path: string): ArticleSummary | undefined {
    if (typeof written !== 'object' || written === null) return undefined;
    const summary = written as { actors?: unknown };
    const numbers = summary.actors;
    if (numbers instanceof Uint32Array) {
      if (numbers.length % ACTOR_NUMBERS !== 0) return undefined;
      const actors: ActorSummary[] = [];
      for (let at = 0; at < numbers.length; at += ACTOR_NUMBERS) {
        const identity = this.table[numbers[at]];
        if (!identity) return undefined;
        actors.push(
          this.pool
            ? this.pool.keptActor(identity, numbers[at + 1], numbers[at + 2], numbers[at + 3], numbers[at + 4], numbers[at + 5])
            : plainActor({ mentionCount: numbers[at + 1], quoteCount: numbers[at + 2], introOffset: numbers[at + 3], mentionFrom: numbers[at + 4], mentionTo: numbers[at + 5] }, identity),
        );
      }
      // The decoded object is this reader's own: its numbers are replaced in place (a copy per article was garbage at once).
      summary.actors = actors;
    }
    if (!this.isSummary(summary, path)) return undefined;
    return this.pool ? this.pool.compact(summary) : summary;
  }
}

function isIdentityPart(part: unknown): part is IdentityPart {
  return Array.isArray(part) && part.length === 5 && typeof part[0] === 'string' && typeof part[1] === 'string' && typeof part[2] === 'string' && isStrings(part[3]) && isStrings(part[4]);
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
