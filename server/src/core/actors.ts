import { nameParts, normalizeName, similarNameWord, similarPersonNames, surnameOf } from './names';
import { roleOf } from './roles';
import type { EntityMention, EntityType, Quote, Sentence, TextSlice } from './types';

/** An entity of the article with every mention of it: a person, organisation or place. */
export interface Actor {
  /** Stable within the article; `person:lavrov`, `organization:kremlin`. Also the workspace join key. */
  readonly key: string;
  readonly type: EntityType;
  /** The fullest spelling in the article (`Sergei Lavrov` rather than `Lavrov`). */
  readonly name: string;
  /** Full spellings found, in order of appearance (`Sergei Lavrov`, `Sergey Lavrov`). */
  readonly spellings: readonly string[];
  /** Roles the article gives in appositions, in order, without repeats. */
  readonly roles: readonly string[];
  /** Every entity mention of this actor, in document order. */
  readonly mentions: readonly EntityMention[];
  /** Quotes attributed to this actor. */
  readonly quotes: readonly Quote[];
}

/**
 * Groups entity mentions into actors. A surname alone joins the full name that shares it
 * (`Lavrov` → `Sergei Lavrov`), close spellings of one person join (`Sergei` / `Sergey`,
 * `Steimeier` / `Steinmeier`), organisations and places join on their normalised text.
 * Quotes join the actor whose mention their attribution names (resolved through pronouns).
 */
export function groupActors(text: string, sentences: readonly Sentence[], entities: readonly EntityMention[], quotes: readonly Quote[]): Actor[] {
  const builders: ActorBuilder[] = [];
  const byKey = new Map<string, ActorBuilder>();
  const people = entities.filter((e) => e.type === 'person');
  // Full names first, so that surname-only mentions earlier in the text still join them.
  const ordered = [...people.filter((e) => nameParts(e.text).length > 1), ...entities.filter((e) => e.type !== 'person' || nameParts(e.text).length <= 1)];
  for (const mention of ordered) {
    const builder = findActor(builders, byKey, mention) ?? newActor(builders, byKey, mention);
    builder.mentions.push(mention);
    if (nameParts(mention.text).length > 1 || builder.type !== 'person') builder.addSpelling(mention.text);
  }
  const sentenceAt = sentenceLocator(sentences);
  for (const builder of builders) {
    builder.mentions.sort((a, b) => a.start - b.start);
    if (builder.type !== 'person') continue;
    for (const mention of builder.mentions) {
      const sentence = sentenceAt(mention.start);
      const role = sentence && roleOf(text, sentence, mention);
      if (role && !builder.roles.includes(role)) builder.roles.push(role);
    }
  }
  for (const quote of quotes) {
    const source = quote.attribution?.resolved ?? quote.attribution?.mention;
    if (!source) continue;
    const owner = builders.find((b) => b.mentions.some((m) => overlaps(m, source))) ?? builders.find((b) => b.type === 'person' && matchesSurname(b, source));
    owner?.quotes.push(quote);
  }
  return builders
    .filter((b) => b.mentions.length > 0)
    .map((b) => b.freeze())
    .sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}

/** The actor that has a mention covering `offset`. */
export function actorAt(actors: readonly Actor[], offset: number): { actor: Actor; mention: EntityMention } | undefined {
  for (const actor of actors) {
    for (const mention of actor.mentions) {
      if (mention.start <= offset && offset <= mention.end) return { actor, mention };
    }
  }
  return undefined;
}

class ActorBuilder {
  readonly mentions: EntityMention[] = [];
  readonly spellings: string[] = [];
  readonly roles: string[] = [];
  readonly quotes: Quote[] = [];
  constructor(
    readonly key: string,
    readonly type: EntityType,
  ) {}

  addSpelling(spelling: string): void {
    const clean = spelling.replace(/\s+/g, ' ');
    if (!this.spellings.some((s) => s === clean)) this.spellings.push(clean);
  }

  freeze(): Actor {
    const fullest = [...this.spellings].sort((a, b) => nameParts(b).length - nameParts(a).length)[0] ?? this.mentions[0].text;
    return Object.freeze({
      key: this.key,
      type: this.type,
      name: fullest,
      spellings: Object.freeze([...this.spellings]),
      roles: Object.freeze([...this.roles]),
      mentions: Object.freeze([...this.mentions]),
      quotes: Object.freeze([...this.quotes].sort((a, b) => a.start - b.start)),
    });
  }
}

function newActor(builders: ActorBuilder[], byKey: Map<string, ActorBuilder>, mention: EntityMention): ActorBuilder {
  const base = actorKey(mention.type, mention.text);
  let key = base;
  for (let n = 2; byKey.has(key); n++) key = `${base}#${n}`;
  const builder = new ActorBuilder(key, mention.type);
  builders.push(builder);
  byKey.set(key, builder);
  return builder;
}

function findActor(builders: readonly ActorBuilder[], byKey: Map<string, ActorBuilder>, mention: EntityMention): ActorBuilder | undefined {
  if (mention.type !== 'person') return byKey.get(actorKey(mention.type, mention.text));
  const parts = nameParts(mention.text);
  const people = builders.filter((b) => b.type === 'person');
  if (parts.length > 1) return people.find((b) => b.spellings.some((s) => similarPersonNames(s, mention.text)));
  // A single word: a surname (or a close misspelling of one) of a known full name, else itself.
  return people.find((b) => matchesSurname(b, mention)) ?? byKey.get(actorKey('person', mention.text));
}

function matchesSurname(builder: ActorBuilder, mention: TextSlice): boolean {
  const word = surnameOf(mention.text);
  if (!word) return false;
  return builder.spellings.some((s) => similarNameWord(surnameOf(s), word)) || builder.mentions.some((m) => normalizeName(m.text) === normalizeName(mention.text));
}

/** The workspace join key of an actor: type plus surname for people, normalised text otherwise. */
export function actorKey(type: EntityType, name: string): string {
  return `${type}:${type === 'person' ? surnameOf(name) : normalizeName(name)}`;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Binary search over sentences by offset. */
function sentenceLocator(sentences: readonly Sentence[]): (offset: number) => Sentence | undefined {
  return (offset) => {
    let low = 0;
    let high = sentences.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const s = sentences[mid];
      if (offset < s.start) high = mid - 1;
      else if (offset >= s.end) low = mid + 1;
      else return s;
    }
    return undefined;
  };
}
