import { declaredAliases } from './aliasDeclarations';
import { acronymOf, initialsOf, organisationMatcher, wholeOrganisationNames } from './aliases';
import { countryCode } from './countryNames';
import { hasActorInput, NO_ANNOTATIONS, type AnnotationInput } from './annotationInput';
import { withoutFormatCharacters } from './formatCharacters';
import { namesBodyByFirstWord } from './genericBodyWords';
import { capitalsLast, normalizeName, SurnameIndex, type PersonNames } from './names';
import { findNominals, NominalResolver, type Nominal } from './nominals';
import { quotedTitleStarts } from './quotedTitles';
import type { ArticleResources } from './resources';
import { headlineSentences } from './headlines';
import type { NameLexicon } from './nameLexicon';
import { OTHER_OFFICE_WORDS, roleOf, selectRoles, splitRoles, titleAwayFromName } from './roles';
import { ONLY_OWNERS, speakerEntity } from './sourceHead';
import { firstOverlapping, lowerBound, overlaps, rangeContaining } from './search';
import type { EntityMention, EntityType, OffsetRange, Quote, Sentence, TextSlice } from './types';
import { SurnameReferents } from './surnameReferents';

/**
 * How an actor is mentioned: by `name` (full name, surname alone or a variant spelling; these are
 * the recogniser's entity mentions), by a `nominal` description (`the foreign minister`), or by a
 * `pronoun` in a quote attribution (`he said`). Only `name` mentions are coloured as entities;
 * all kinds are counted and navigable.
 */
export type ActorMentionKind = 'name' | 'nominal' | 'pronoun';

/** One mention of an actor; `type` is the actor's type. */
export interface ActorMention extends EntityMention {
  readonly kind: ActorMentionKind;
}

/** A role the article gives an actor, and the mention it is attached to. */
export interface ActorRole {
  readonly text: string;
  readonly mention: ActorMention;
}

/** A spelling that was joined to an actor although it differs from the actor's name, and why. */
export interface SpellingVariant {
  readonly spelling: string;
  /** The spelling it was compared with. */
  readonly of: string;
  /** Why the two were taken for one person: `surname 1 edit apart (Steimeier / Steinmeier)…`. */
  readonly evidence: readonly string[];
}

/** An entity of the article with every mention of it: a person, organisation or place. */
export interface Actor {
  /**
   * The actor's id in the article: its type and canonical name (`person:sergei lavrov`,
   * `organization:kremlin`), and only when two actors of the article share those, a short hash of the
   * sentence that introduces each (`person:smith~k3x9a`). It survives edits anywhere else in the text
   * (an earlier namesake does not renumber it), so views, annotations and caches can hold on to it.
   */
  readonly key: string;
  readonly type: EntityType;
  /** The canonical name: a person's choice (an annotation), else the fullest spelling in the article (`Sergei Lavrov` rather than `Lavrov`). */
  readonly name: string;
  /** An id in an external knowledge base a person gave (e.g. a Wikidata QID `Q57185`). */
  readonly externalId?: string;
  /** Full spellings found, in order of appearance (`Sergei Lavrov`, `Sergey Lavrov`). */
  readonly spellings: readonly string[];
  /**
   * Roles the article gives in appositions and titles, normalised (`Sen.` → `Senator`, `Syria's` =
   * `Syrian`), none contained in another (`President` in `Syrian President`), the most specific
   * first, at most three; relative ones say whose (`US counterpart of Sergei Lavrov`).
   */
  readonly roles: readonly string[];
  /** Each role with the mention it is attached to, in document order. */
  readonly roleMentions: readonly ActorRole[];
  /** Every mention of this actor (names, nominals, pronouns in attributions), in document order. */
  readonly mentions: readonly ActorMention[];
  /** Where the article introduces the actor: the first mention given a role, else the first mention. */
  readonly introduction: ActorMention;
  /** Spellings that differ from the name and were joined to it, with the evidence. */
  readonly variants: readonly SpellingVariant[];
  /** Quotes attributed to this actor. */
  readonly quotes: readonly Quote[];
}

const NO_SURNAMES: ReadonlySet<string> = new Set();

/** A word of kinship across generations right before a name, as apposition writes it (`his father, `, `son of `). */
const KINSHIP_BEFORE = /\b(?:father|son|dad|grandfather|grandson|namesake)(?:,\s*|\s+of\s+|\s+)$/i;

/** Pronouns that refer to one person. */
const PERSON_PRONOUN = /^(he|she|him|her|his)$/i;

/**
 * Groups entity mentions into actors. A surname alone joins the full name that shares it
 * (`Lavrov` → `Sergei Lavrov`, `Assad` → `Bashar al-Assad`), a given name alone the one full name
 * that begins with it (`Hillary` → `Hillary Clinton`), close spellings of one person join
 * (`Sergei` / `Sergey`, `Steimeier` / `Steinmeier`) with the evidence kept, organisations and places
 * join on their normalised text. Quotes join the actor their attribution names (resolved through
 * pronouns, which become `pronoun` mentions); `the foreign minister` joins the most recently
 * mentioned person whose role has those words. Lookups go through maps keyed by surname and role
 * word, so the pass is near-linear in the number of mentions.
 */
export function groupActors(
  text: string,
  sentences: readonly Sentence[],
  recognized: readonly EntityMention[],
  quotes: readonly Quote[],
  resources: Pick<ArticleResources, 'names' | 'vocabulary' | 'nameLexicon' | 'quotes'>,
  input: AnnotationInput = NO_ANNOTATIONS,
  furniture: readonly OffsetRange[] = [],
): Actor[] {
  const { names, vocabulary, nameLexicon } = resources;
  const personHeads = resources.quotes.personHeads;
  // Names in page furniture are no actors of the article (a byline's are its authors); organisations
  // keep their whole names (`Russian Foreign Ministry`).
  const outsideFurniture = furniture.length === 0 ? recognized : recognized.filter((e) => !rangeContaining(furniture, e.start));
  // Titles of works in quotation marks (`“Fox & Friends”`) are not actors either (quotedTitles.ts).
  const titles = quotedTitleStarts(text, outsideFurniture, quotes);
  const inArticle = titles.size === 0 ? outsideFurniture : outsideFurniture.filter((e) => !titles.has(e.start));
  const entities = wholeOrganisationNames(text, sentences, inArticle, nameLexicon);
  const builders: ActorBuilder[] = [];
  const byKey = new Map<string, ActorBuilder>();
  const bySurname = new SurnameIndex<ActorBuilder>();
  const ownerOf = new Map<number, ActorBuilder>();

  // Full names first, so that surname-only mentions earlier in the text still join them.
  const fullNames: EntityMention[] = [];
  const others: EntityMention[] = [];
  for (const e of entities) (e.type === 'person' && names.isFullName(e.text) ? fullNames : others).push(e);
  // Headline sentences (title-case lines), read on first use: a title there is no evidence, nor a role.
  let headline: Uint8Array | undefined;
  const sentenceIndex = (offset: number) => lowerBound(sentences.length, (k) => sentences[k].end > offset);
  const inHeadline = (offset: number) => (headline ??= headlineSentences(text, sentences, nameLexicon))[sentenceIndex(offset)] === 1;
  const referents = new SurnameReferents<ActorBuilder>(
    text,
    resources.quotes,
    vocabulary,
    others.filter((e) => e.type === 'person' && isOneWord(e.text)),
    inHeadline,
  );
  // A given name alone (`Hillary`, `Bernie`) is the one person of the article with that first name; with two
  // (`Bill Clinton`, `Bill de Blasio`) it is neither. `null` marks a first name shared by two people.
  const byFirstName = new Map<string, ActorBuilder | null>();
  /** People named by a given name before another's full name (`Charles` of `Charles and David Koch`), by that full name. */
  const bySharedSurname = new Map<string, ActorBuilder>();
  const generationsNamed = surnamesOfTwoGenerations(text, fullNames, names);
  for (const mention of fullNames) {
    const builder = findFullName(bySurname, mention, names, generationsNamed) ?? newActor(builders, byKey, mention, names);
    bySurname.add(names.bareSurname(mention.text), builder);
    builder.addName(mention, true);
    ownerOf.set(mention.start, builder);
    const first = firstNameKey(mention.text);
    const known = byFirstName.get(first);
    if (known === undefined) byFirstName.set(first, builder);
    else if (known !== builder) byFirstName.set(first, null);
  }
  for (const mention of others) {
    let builder: ActorBuilder | undefined;
    if (mention.type === 'person') {
      builder = findSurname(bySurname, mention, names, referents);
      // A given name before another's full name that shares its surname (`Charles and David Koch`): that surname's
      // person when the article names them in full, else the article's one person of that given name (`Hillary and
      // Huma Abedin` is Hillary Clinton), else a person of that full name.
      let shared = builder || !isOneWord(mention.text) ? undefined : sharedSurnameName(text, mention, entities, names);
      if (shared) builder = findFullName(bySurname, { ...mention, text: shared }, names);
      // Not a surname (`Obama and Hillary Clinton`): a given name, or a full name the article writes.
      if (shared && !builder && !nameLexicon.isGivenName(mention.text)) shared = undefined;
      if (!builder && isOneWord(mention.text)) builder = byFirstName.get(firstNameKey(mention.text)) ?? undefined;
      if (!builder && shared) {
        // Keyed apart from the surname's key, which the person named in full after it holds.
        const known = bySharedSurname.get(normalizeName(shared));
        if (known) builder = known;
        else bySharedSurname.set(normalizeName(shared), (builder = newActor(builders, byKey, mention, names)));
        builder.standardName ??= shared;
      } else if (!builder) {
        const key = actorKey('person', mention.text, names);
        const known = byKey.get(key);
        // `Ms. Trump` where Donald Trump is the one Trump named in full: someone else, under a key of their own.
        if (known && !referents.rulesOut(known, mention)) builder = known;
        else referents.madeFor((builder = newActor(builders, byKey, mention, names, key)), mention);
        bySurname.add(names.bareSurname(mention.text), builder);
      }
    } else {
      // A state written as news abbreviates it (`San Bernardino, Calif.`, `Sen. Ted Cruz (Tex.)`) is that state: the
      // actor the article names whole, or one named so (the workspace joins it with the state's other articles).
      const state = mention.type === 'location' ? abbreviatedState(text, mention, nameLexicon) : undefined;
      const key = actorKey(mention.type, state ?? mention.text, names);
      builder = byKey.get(key) ?? newActor(builders, byKey, mention, names, key);
      if (state) builder.standardName ??= state;
    }
    builder.addName(mention, builder.type !== 'person');
    // The state's name is a spelling of its actor from here on, so that the alias pass below compares it too (`freeze`
    // puts an actor's name among its spellings in any case, for the workspace).
    if (builder.standardName !== undefined && !builder.spellings.includes(builder.standardName)) builder.spellings.push(builder.standardName);
    ownerOf.set(mention.start, builder);
  }

  // One organisation or place however the article writes it (`OSCE` / `Organization for Security …`, `the Post`).
  const aliasesMerged = mergeAliases(text, builders, nameLexicon);
  if (mergeShortForms(text, builders, nameLexicon) || aliasesMerged) refreshOwners(builders, ownerOf);
  // Names the article says are one (`the Islamic State, also known as ISIS`), which no spelling rule relates.
  if (mergeDeclaredAliases(text, entities, ownerOf)) refreshOwners(builders, ownerOf);

  const sentenceAt = sentenceLocator(sentences);
  const persons: EntityMention[] = [];
  for (const e of entities) if (e.type === 'person') persons.push(e);
  // The roles' tests of the words around a name, made once per article: `roleStart` is the start of the mention whose
  // role is read (tests written per mention were two closures and a context per person mention). The name at an offset
  // is the one whose range holds its character (`rangeContaining`: no range object per word the walk crosses).
  let roleStart = -1;
  const isOtherPerson = (offset: number): boolean => {
    const other = rangeContaining(persons, offset);
    return other !== undefined && other.start !== roleStart;
  };
  const nameEndAt = (offset: number): number | undefined => {
    const name = rangeContaining(entities, offset);
    return name !== undefined && name.start === offset && name.type !== 'person' ? name.end : undefined;
  };
  // No roles from headlines (`inHeadline`): a title-case line glues words that are no title to names (the entity repair
  // read the lines of these sentences already: its answer is kept for them).
  for (const builder of builders) {
    builder.mentions.sort((a, b) => a.start - b.start);
    if (builder.type !== 'person') continue;
    for (const mention of builder.mentions) {
      const index = sentenceIndex(mention.start);
      const sentence = sentences[index];
      if (!sentence || sentence.start > mention.start) continue;
      headline ??= headlineSentences(text, sentences, nameLexicon);
      if (headline[index]) continue;
      roleStart = mention.start;
      const role = roleOf(
        text,
        sentence,
        mention,
        vocabulary,
        nameLexicon,
        isOtherPerson,
        nameEndAt,
        // Nor a title before a surname that several people share, where nothing told them apart: a title is what
        // tells such people apart, so there the choice is most often wrong, and the title would go to the wrong one.
        !referents.guessed(mention.start),
      );
      if (!role) continue;
      // A relative title says whose (`his US counterpart` → `US counterpart of Sergei Lavrov`).
      const owner = role.relativeTo && (role.relativeTo.kind === 'name' ? ownerAt(ownerOf, entities, role.relativeTo) : personBefore(persons, ownerOf, role.relativeTo.start, builder));
      for (const part of splitRoles(role.text, vocabulary, nameLexicon)) builder.roleMentions.push({ text: owner && owner !== builder ? `${titleAwayFromName(part, vocabulary, nameLexicon)} of ${owner.fullestName()}` : part, mention });
    }
  }

  const extra = new Map<number, { builder: ActorBuilder; mention: ActorMention }>();
  for (const quote of quotes) {
    const attribution = quote.attribution;
    const source = attribution?.resolved ?? attribution?.mention;
    if (!attribution || !source) continue;
    // The name that speaks, not a possessor (`Hillary Clinton’s campaign manager Robby Mook`: sourceHead.ts).
    const speaker = speakerEntity(text, entities, source, (word) => personHeads.has(word));
    let owner =
      speaker === ONLY_OWNERS
        ? undefined
        : (speaker && ownerOf.get(speaker.start)) ?? (attribution.sourceKind === 'person' || attribution.resolved ? findSurname(bySurname, source, names, referents) : undefined);
    if (!owner) continue;
    // `She says …` resolved to a bare `Trump` that several people share: the pronoun's gender chooses among them.
    if (attribution.resolved && owner.type === 'person' && speaker !== ONLY_OWNERS && isOneWord((speaker ?? source).text)) {
      const surname = names.bareSurname((speaker ?? source).text);
      const candidates = surname ? bySurname.get(surname) : [];
      if (candidates.length > 1) owner = referents.forPronoun(owner, candidates, attribution.mention.text);
    }
    owner.quotes.push(quote);
    const words = attribution.mention;
    if (attribution.resolved && !ownerOf.has(words.start) && !extra.has(words.start) && owner.type === 'person') {
      const kind: ActorMentionKind = PERSON_PRONOUN.test(words.text) ? 'pronoun' : 'nominal';
      extra.set(words.start, { builder: owner, mention: actorMention(words.start, words.end, owner.type, words.text, kind) });
    }
  }
  const taken: ActorMention[] = [];
  for (const e of extra.values()) taken.push(e.mention);
  taken.sort((a, b) => a.start - b.start);
  for (const { nominal, builder } of resolveNominals(findNominals(text, sentences, entities, vocabulary), builders)) {
    if (extra.has(nominal.start) || firstOverlapping(taken, nominal)) continue;
    extra.set(nominal.start, { builder, mention: actorMention(nominal.start, nominal.end, 'person', nominal.text, 'nominal') });
  }
  for (const { builder, mention } of extra.values()) builder.mentions.push(mention);
  if (hasActorInput(input)) applyActorInput(text, builders, byKey, input, names);

  const actors: Actor[] = [];
  for (const builder of builders) if (builder.mentions.length > 0) actors.push(builder.freeze(names, nameLexicon));
  actors.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  return withStableKeys(text, actors, sentenceAt);
}

/**
 * People's corrections of the grouping: *same person as* merges the actor of the second mention
 * into the first's (a mention no actor has, such as a description, joins as a nominal), *not the
 * same person* moves the second mention (and the quotes attributed to it) to an actor of its own,
 * and a canonical name or external id is given to the actor of a mention.
 */
function applyActorInput(text: string, builders: ActorBuilder[], byKey: Map<string, ActorBuilder>, input: AnnotationInput, names: PersonNames): void {
  const ownerOf = (range: OffsetRange): { builder: ActorBuilder; mention: ActorMention } | undefined => {
    for (const builder of builders) {
      const mention = builder.mentions.find((m) => overlaps(m, range));
      if (mention) return { builder, mention };
    }
    return undefined;
  };
  for (const { first, second } of input.sameActor) {
    const target = ownerOf(first)?.builder;
    if (!target) continue;
    const source = ownerOf(second);
    if (source?.builder === target) continue;
    if (source) {
      target.absorb(source.builder);
    } else if (second.start < second.end && second.end <= text.length) {
      target.mentions.push(actorMention(second.start, second.end, target.type, text.slice(second.start, second.end), 'nominal'));
    }
  }
  for (const { first, second } of input.differentActor) {
    const a = ownerOf(first);
    const b = ownerOf(second);
    if (!a || !b || a.builder !== b.builder || a.mention === b.mention) continue;
    const split = newActor(builders, byKey, b.mention, names);
    a.builder.moveMention(b.mention, split);
  }
  for (const naming of input.actorNames) {
    const owner = ownerOf(naming.mention)?.builder;
    if (!owner) continue;
    if (naming.name?.trim()) owner.canonicalName = naming.name.trim().replace(/\s+/g, ' ');
    if (naming.externalId?.trim()) owner.externalId = naming.externalId.trim();
  }
}

/**
 * Gives each actor its id: type and normalised canonical name, and where two actors of the article
 * share that, a hash of the sentence (normalised) that introduces each, so the id depends on the
 * actor's own text and never on the order of actors (the old `#2` numbering).
 */
function withStableKeys(text: string, actors: Actor[], sentenceAt: (offset: number) => Sentence | undefined): Actor[] {
  const bases: string[] = [];
  const counts = new Map<string, number>();
  for (const actor of actors) {
    const base = baseKey(actor);
    bases.push(base);
    counts.set(base, (counts.get(base) ?? 0) + 1);
  }
  const used = new Set<string>();
  const keyed: Actor[] = [];
  for (let i = 0; i < actors.length; i++) {
    const actor = actors[i];
    const base = bases[i];
    let key = base;
    if (counts.get(base)! > 1) {
      const sentence = sentenceAt(actor.introduction.start);
      const context = sentence ? text.slice(sentence.start, sentence.end) : text.slice(Math.max(0, actor.introduction.start - 60), actor.introduction.end + 60);
      key = `${base}~${shortHash(normalizeName(context))}`;
      // The same sentence introducing two namesakes: the mention's place in it tells them apart.
      for (let n = 2; used.has(key); n++) key = `${base}~${shortHash(`${normalizeName(context)}\u0000${actor.introduction.start - (sentence?.start ?? 0)}`)}${n > 2 ? n : ''}`;
    }
    used.add(key);
    keyed.push(key === actor.key ? actor : frozenActor(key, actor));
  }
  return keyed;
}

/**
 * An actor as the article's analysis hands it out, made here only: a copy of another actor with a new key was
 * an object spread (a hidden class of its own, met by every reader of actors after the first article with two
 * namesakes). The literal names every field, in the output's order; `externalId` only when there is one.
 */
function frozenActor(key: string, fields: Omit<Actor, 'key'>): Actor {
  const { type, name, spellings, roles, roleMentions, mentions, introduction, variants, quotes, externalId } = fields;
  return Object.freeze(
    externalId
      ? { key, type, name, spellings, roles, roleMentions, mentions, introduction, variants, quotes, externalId }
      : { key, type, name, spellings, roles, roleMentions, mentions, introduction, variants, quotes },
  );
}

function baseKey(actor: Actor): string {
  return `${actor.type}:${normalizeName(actor.name)}`;
}

/** FNV-1a of a string, in base 36: short, stable across runs and platforms. */
function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The actor that has a mention covering `offset` (of any kind). */
export function actorAt(actors: readonly Actor[], offset: number): { actor: Actor; mention: ActorMention } | undefined {
  for (const actor of actors) {
    for (const mention of actor.mentions) {
      if (mention.start <= offset && offset <= mention.end) return { actor, mention };
      if (mention.start > offset) break;
    }
  }
  return undefined;
}

/** The workspace join key of an actor: type plus surname for people, normalised text otherwise. */
export function actorKey(type: EntityType, name: string, names: PersonNames): string {
  return `${type}:${type === 'person' ? names.surnameOf(name) : normalizeName(name)}`;
}

/** White space that `replace(/\s+/g, ' ')` would change. */
const ODD_WHITE_SPACE = /[^\S ]|\s\s/;

/**
 * A name mention's text as a spelling of its actor: single spaces, no format characters (`Frank-Walter
 * Stein\u00admeier` is spelled `Frank-Walter Steinmeier`, and named so). Most names need no new string.
 */
function spellingOf(mentionText: string): string {
  const text = withoutFormatCharacters(mentionText);
  return ODD_WHITE_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

class ActorBuilder {
  readonly mentions: ActorMention[] = [];
  readonly spellings: string[] = [];
  readonly roleMentions: ActorRole[] = [];
  readonly quotes: Quote[] = [];
  readonly variants: SpellingVariant[] = [];
  /** A person's choice of name (an annotation), over the fullest spelling. */
  canonicalName: string | undefined;
  /** The name an abbreviation stands for (`California` for `Calif.`), over spellings shorter than it. */
  standardName: string | undefined;
  /** Names the article says it had before (`HLN, once known as CNN Headline News`): not its name while it has another. */
  formerNames: Set<string> | undefined;
  externalId: string | undefined;
  /** The actor that took this one's mentions ({@link absorb}), for a join that names this one after it was emptied. */
  absorbedInto: ActorBuilder | undefined;
  /** Starts of full-name mentions, in document order (they are added in order). */
  readonly fullStarts: number[] = [];
  private readonly seen = new Set<string>();
  constructor(
    readonly key: string,
    readonly type: EntityType,
    private readonly names: PersonNames,
  ) {}

  /** Adds a name mention; a new spelling of a person is kept with the evidence that joined it. */
  addName(mention: EntityMention, asSpelling: boolean): void {
    // Written out: an object spread was the most expensive line of the actor pass.
    this.mentions.push(actorMention(mention.start, mention.end, mention.type, mention.text, 'name'));
    const clean = spellingOf(mention.text);
    if (this.type === 'person' && !this.seen.has(clean)) {
      this.seen.add(clean);
      const reference = this.spellings[0];
      if (reference && this.names.isVariantSpelling(reference, clean)) {
        const evidence = this.names.spellingEvidence(clean, reference);
        // A surname alone is joined to a close full name only when no other person is that close.
        if (!this.names.isFullName(clean)) evidence.push(`the only person in the article with a surname this close (${reference})`);
        this.variants.push({ spelling: clean, of: reference, evidence });
      }
    }
    if (asSpelling && !this.spellings.includes(clean)) this.spellings.push(clean);
    if (asSpelling && this.type === 'person') this.fullStarts.push(mention.start);
  }

  /** Takes every mention, spelling, role and quote of another actor (a person said they are one). */
  absorb(other: ActorBuilder): void {
    for (const m of other.mentions) this.mentions.push(actorMention(m.start, m.end, this.type, m.text, m.kind));
    for (const spelling of other.spellings) if (!this.spellings.includes(spelling)) this.spellings.push(spelling);
    this.roleMentions.push(...other.roleMentions);
    this.quotes.push(...other.quotes);
    this.fullStarts.push(...other.fullStarts);
    this.fullStarts.sort((a, b) => a - b);
    this.canonicalName ??= other.canonicalName;
    this.standardName ??= other.standardName;
    this.externalId ??= other.externalId;
    if (other.formerNames) for (const name of other.formerNames) (this.formerNames ??= new Set()).add(name);
    other.mentions.length = 0;
    other.absorbedInto = this;
  }

  /** Moves one mention, its role and the quotes attributed to it, to another actor (a person said it is someone else). */
  moveMention(mention: ActorMention, to: ActorBuilder): void {
    this.mentions.splice(this.mentions.indexOf(mention), 1);
    to.mentions.push(mention);
    for (let i = this.roleMentions.length - 1; i >= 0; i--) {
      if (this.roleMentions[i].mention === mention) to.roleMentions.push(...this.roleMentions.splice(i, 1));
    }
    for (let i = this.quotes.length - 1; i >= 0; i--) {
      const source = this.quotes[i].attribution?.resolved ?? this.quotes[i].attribution?.mention;
      if (source && overlaps(source, mention)) to.quotes.push(...this.quotes.splice(i, 1));
    }
    if (mention.kind === 'name' && !to.spellings.includes(spellingOf(mention.text))) to.spellings.push(spellingOf(mention.text));
    // Spellings no mention of this actor uses any more leave it.
    for (let i = this.spellings.length - 1; i >= 0; i--) {
      if (!this.mentions.some((m) => spellingOf(m.text) === this.spellings[i])) this.spellings.splice(i, 1);
    }
  }

  /** The spelling with the most characters (an organisation's long form). */
  longestSpelling(): string {
    return this.spellings.reduce((a, b) => (b.length > a.length ? b : a), this.spellings[0] ?? withoutFormatCharacters(this.mentions[0]?.text ?? ''));
  }

  /**
   * The canonical name: a person's choice, else the fullest spelling (`Sergei Lavrov` rather than
   * `Lavrov`), and of equally full ones a spelling in ordinary case: a dateline or headline writes
   * `MOSCOW` in capitals by typographic convention, and the capitals would make it read as an acronym
   * (a different alias key) across the workspace.
   */
  fullestName(): string {
    if (this.canonicalName === undefined && this.standardName !== undefined && !this.spellings.some((s) => s.length > this.standardName!.length)) return this.standardName;
    if (this.canonicalName === undefined) {
      const country = this.mostWrittenCountryName();
      if (country !== undefined) return country;
    }
    // A person's name with the given name written out before one with an initial for it (`Eddie Mannix`, not `E. J.
    // Mannix`, which has more words).
    const initial = (spelling: string) => (this.type === 'person' && this.names.givenNameAsInitial(spelling) ? 1 : 0);
    // A former name comes after every present one, however full (`HLN`, not `CNN Headline News`).
    const former = (spelling: string) => (this.formerNames?.has(spelling) ? 1 : 0);
    return (
      this.canonicalName ??
      [...this.spellings].sort((a, b) => former(a) - former(b) || initial(a) - initial(b) || this.names.nameParts(b).length - this.names.nameParts(a).length || capitalsLast(a) - capitalsLast(b))[0] ??
      withoutFormatCharacters(this.mentions[0].text)
    );
  }

  /**
   * A country's name as the article writes it most often, of equally frequent ones the fullest (`Syria`, not the
   * `Syrian Arab Republic` of one mention; `U.S.` over `United States` in an article that writes `U.S.` throughout): most
   * of a country's names share no words (`countryNames.ts`), and the fullest is often an official name news uses once.
   * Undefined for anything else, or a country named one way.
   */
  private mostWrittenCountryName(): string | undefined {
    if (this.type === 'person' || this.spellings.length < 2 || countryCode(this.spellings[0]) === undefined) return undefined;
    // Counted by the name's letters, so that a dateline's `MEXICO` counts for `Mexico`, which is then preferred (as
    // capitals are by `fullestName`).
    const written = new Map<string, number>();
    for (const mention of this.mentions) {
      const name = normalizeName(mention.text);
      written.set(name, (written.get(name) ?? 0) + 1);
    }
    const count = (spelling: string) => written.get(normalizeName(spelling)) ?? 0;
    return [...this.spellings].sort((a, b) => count(b) - count(a) || capitalsLast(a) - capitalsLast(b) || b.length - a.length)[0];
  }

  freeze(names: PersonNames, lexicon: NameLexicon): Actor {
    const fullest = this.fullestName();
    // Copies made by loops into fresh lists rather than spreads, `map` or `filter`: those make an empty list of
    // another kind than a full one (V8's elements kinds), and the first article to bring one to code compiled
    // for the other threw that code away.
    // Most lists are in order already (the grouping sorts the name mentions; roles and quotes come in text order).
    const mentions = copyOf(this.mentions);
    if (!inOrder(mentions, (m) => m.start)) mentions.sort((a, b) => a.start - b.start);
    const roleMentions = copyOf(this.roleMentions);
    if (!inOrder(roleMentions, (r) => r.mention.start)) roleMentions.sort((a, b) => a.mention.start - b.mention.start);
    const roleTexts: string[] = [];
    for (const r of roleMentions) roleTexts.push(r.text);
    const roles = selectRoles(roleTexts, lexicon);
    const introduction = roleMentions.length > 0 ? roleMentions[0].mention : firstName(mentions);
    const variants: SpellingVariant[] = [];
    for (const v of this.variants) if (v.spelling !== fullest) variants.push(v);
    const quotes = copyOf(this.quotes);
    if (!inOrder(quotes, (q) => q.start)) quotes.sort((a, b) => a.start - b.start);
    // The name is one of the spellings (when there are any): the workspace index keys an actor by its name and joins
    // actors by their spellings, and a name a person gave (`Islamic State` for `ISIS`) or a state's read from its
    // abbreviation that no spelling had answered a hover during a load otherwise than the index built from scratch.
    const spellings = copyOf(this.spellings);
    if (spellings.length > 0 && !spellings.includes(fullest)) spellings.push(fullest);
    return frozenActor(this.key, {
      type: this.type,
      name: fullest,
      spellings: Object.freeze(spellings),
      roles: Object.freeze(roles),
      roleMentions: Object.freeze(roleMentions),
      mentions: Object.freeze(mentions),
      introduction: introduction ?? mentions[0],
      variants: Object.freeze(variants),
      quotes: Object.freeze(quotes),
      externalId: this.externalId,
    });
  }
}

/**
 * An actor's mention, made here only. A name lists its type before its text, a pronoun or description its text
 * first (the output's order since they were written, kept so that output stays byte for byte the same): two
 * hidden classes, where spread copies (an organisation's aliases merged, a person's correction) made more.
 */
function actorMention(start: number, end: number, type: EntityType, text: string, kind: ActorMentionKind): ActorMention {
  return kind === 'name' ? { start, end, type, text, kind } : { start, end, text, type, kind };
}

/** The first name mention (not a pronoun or description), if any. */
function firstName(mentions: readonly ActorMention[]): ActorMention | undefined {
  for (const m of mentions) if (m.kind === 'name') return m;
  return undefined;
}

/** True when the items' starts never decrease: a stable sort by start would leave them as they are. */
function inOrder<T>(items: readonly T[], startOf: (item: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (startOf(items[i - 1]) > startOf(items[i])) return false;
  return true;
}

/** A new list of the same items (see `freeze`). */
function copyOf<T>(items: readonly T[]): T[] {
  const copy: T[] = [];
  for (const item of items) copy.push(item);
  return copy;
}

/** A new actor for a mention, under its key (`base`, the mention's {@link actorKey}, when the caller has it). */
function newActor(builders: ActorBuilder[], byKey: Map<string, ActorBuilder>, mention: EntityMention, names: PersonNames, base = actorKey(mention.type, mention.text, names)): ActorBuilder {
  let key = base;
  for (let n = 2; byKey.has(key); n++) key = `${base}#${n}`;
  const builder = new ActorBuilder(key, mention.type, names);
  builders.push(builder);
  byKey.set(key, builder);
  return builder;
}

/**
 * The surnames (bare) of which the article names two generations: two suffixes (`Charles Elliott III` and `Charles
 * Elliott Jr.`, `Brent Bozell III` and `Brent Bozell, Jr.`), or a full name right after a word of kinship across
 * generations (`His father, Joseph P. Kennedy,` beside `Joseph P. Kennedy Jr.`). There a name of that surname without
 * a suffix may be any of them, or another, and joins none (`PersonNames.similarPersonNames`).
 */
function surnamesOfTwoGenerations(text: string, fullNames: readonly EntityMention[], names: PersonNames): ReadonlySet<string> {
  const generationOf = new Map<string, string>();
  const two = new Set<string>();
  for (const mention of fullNames) {
    const generation = names.generationOf(mention.text);
    const surname = names.bareSurname(mention.text);
    if (KINSHIP_BEFORE.test(text.slice(Math.max(0, mention.start - 16), mention.start))) two.add(surname);
    if (generation === '') continue;
    const seen = generationOf.get(surname);
    if (seen === undefined) generationOf.set(surname, generation);
    else if (seen !== generation) two.add(surname);
  }
  return two;
}

/**
 * A person already seen under a plausible spelling of this full name (`Sergey` / `Sergei Lavrov`), or of this name
 * with or without a generational suffix (`Joseph R. Biden, Jr.` / `Joe Biden`), unless the article names two
 * generations of the surname (`generationsNamed`).
 */
function findFullName(bySurname: SurnameIndex<ActorBuilder>, mention: EntityMention, names: PersonNames, generationsNamed: ReadonlySet<string> = NO_SURNAMES): ActorBuilder | undefined {
  const surname = names.bareSurname(mention.text);
  const apart = generationsNamed.has(surname);
  const generationsApart = () => apart;
  const fits = (b: ActorBuilder) => b.spellings.some((s) => names.similarPersonNames(s, mention.text, generationsApart));
  const exact = bySurname.get(surname).find(fits);
  if (exact) return exact;
  for (const { values } of bySurname.similar(surname)) {
    const found = values.find(fits);
    if (found) return found;
  }
  return undefined;
}

/**
 * The person a surname alone (or a close misspelling of one) refers to. With several people of one
 * surname, the `referents` choose (`surnameReferents.ts`): the one named in full first, unless an honorific
 * says otherwise.
 */
function findSurname(bySurname: SurnameIndex<ActorBuilder>, mention: TextSlice, names: PersonNames, referents: SurnameReferents<ActorBuilder>): ActorBuilder | undefined {
  const surname = names.bareSurname(mention.text);
  if (!surname) return undefined;
  const exact = bySurname.get(surname);
  if (exact.length > 0) return referents.choose(exact, mention);
  // A typo is joined only when exactly one person is that close: two candidates mean no evidence.
  let found: ActorBuilder | undefined;
  for (const { values } of bySurname.similar(surname)) {
    for (const value of values) {
      if (value.spellings.length === 0) continue;
      if (found && found !== value) return undefined;
      found = value;
    }
  }
  return found;
}

/**
 * The full name a given name alone has from the full name coordinated right after it (`Charles` of `Charles and David
 * Koch` → `Charles Koch`): English writes two people of one family with the surname once. Undefined when no person's
 * full name follows `and` or `&`.
 */
function sharedSurnameName(text: string, mention: EntityMention, entities: readonly EntityMention[], names: PersonNames): string | undefined {
  const link = /^[ \t\u00a0]+(?:and|&)[ \t\u00a0]+/.exec(text.slice(mention.end, mention.end + 8));
  if (!link) return undefined;
  const at = mention.end + link[0].length;
  const next = firstOverlapping(entities, { start: at, end: at + 1 });
  if (!next || next.start !== at || next.type !== 'person' || !names.isFullName(next.text)) return undefined;
  return `${mention.text} ${names.shortNameOf(next.text)}`;
}

/** The first word of a person's name, as the given-name index keys it (`Hillary` of `Hillary Rodham Clinton`). */
function firstNameKey(name: string): string {
  const space = name.search(/\s/);
  return normalizeName(space < 0 ? name : name.slice(0, space));
}

function isOneWord(name: string): boolean {
  return !/\s/.test(name);
}

/** The actor that owns the name mention at or around a slice. */
function ownerAt(ownerOf: ReadonlyMap<number, ActorBuilder>, entities: readonly EntityMention[], slice: OffsetRange): ActorBuilder | undefined {
  const direct = ownerOf.get(slice.start);
  if (direct) return direct;
  // The attribution may cut a name differently from the recogniser.
  const entity = firstOverlapping(entities, slice);
  return entity && ownerOf.get(entity.start);
}

/**
 * Resolves each nominal to the most recently mentioned person whose role contains all its words
 * (`the foreign minister` → `Russian Foreign Minister Sergei Lavrov`), through the resolver of role
 * descriptions the quote pass uses too (`nominals.ts`), with the roles of `roles.ts`.
 */
function resolveNominals(nominals: readonly Nominal[], builders: readonly ActorBuilder[]): { nominal: Nominal; builder: ActorBuilder }[] {
  if (nominals.length === 0) return [];
  const roleWords = new Map<ActorBuilder, Set<string>>();
  const roleWordLists = new Map<ActorBuilder, string[][]>();
  const mentions: { start: number; holder: ActorBuilder }[] = [];
  for (const builder of builders) {
    if (builder.type !== 'person' || builder.roleMentions.length === 0) continue;
    const words = new Set<string>();
    const lists: string[][] = [];
    for (const role of builder.roleMentions) {
      const list = role.text.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 0);
      lists.push(list);
      for (const w of list) words.add(w);
    }
    roleWords.set(builder, words);
    roleWordLists.set(builder, lists);
    for (const m of builder.mentions) mentions.push({ start: m.start, holder: builder });
  }
  mentions.sort((a, b) => a.start - b.start);
  // A description names the holder of the office itself, not a deputy or a former holder: `the president` is no vice
  // president (Joe Biden took 9 of them), `the minister` no deputy minister, unless another of the holder's roles with
  // the description's head has no such word, or the description says it (`the vice president`, `the former leader`).
  const rulesOut = (builder: ActorBuilder, words: readonly string[]) => {
    const head = words[words.length - 1];
    const withHead = roleWordLists.get(builder)!.filter((list) => list.includes(head));
    return withHead.length > 0 && withHead.every((list) => list.some((w) => OTHER_OFFICE_WORDS.has(w) && !words.includes(w)));
  };
  const resolver = new NominalResolver(mentions, (builder) => roleWords.get(builder), rulesOut);
  const resolved: { nominal: Nominal; builder: ActorBuilder }[] = [];
  for (const nominal of nominals) {
    const hit = resolver.resolve(nominal.words, nominal.start, { wholeDescription: true });
    if (hit) resolved.push({ nominal, builder: hit.holder });
  }
  return resolved;
}

/**
 * Joins the organisations and places of an article that are one: an acronym and its long form, long
 * forms equal once acronyms are read (`sameOrganisation`), and a shorter name that ends one longer
 * name of the article (`Foreign Ministry` after `Russian Foreign Ministry`; with two such longer
 * names it stays apart; not a place the longer one serves, `New York` of `Port Authority of New
 * York`). Candidates are bucketed by initials and last word, so this stays near-linear. True when
 * anything was joined.
 */
function mergeAliases(text: string, builders: readonly ActorBuilder[], lexicon: NameLexicon): boolean {
  let merged = false;
  // A one-word name that is neither an acronym nor a country's (`Kremlin`, `Moscow`) has no alias and ends no longer
  // name; a country's names, which mostly share no letters (`Syria`, `Syrian Arab Republic`), meet under its code.
  const countryOf = (b: ActorBuilder) => countryCode(b.spellings[0]);
  const live = builders.filter(
    (b) => b.type !== 'person' && b.spellings.length > 0 && (b.spellings.length > 1 || /\s/.test(b.spellings[0]) || acronymOf(b.spellings[0]) !== undefined || countryOf(b) !== undefined),
  );
  const byInitials = new Map<string, ActorBuilder[]>();
  const sameOrganisation = organisationMatcher();
  for (const builder of live) {
    const country = countryOf(builder);
    const key = `${builder.type}\u0000${country !== undefined ? `#country:${country}` : initialsOf(builder.spellings[0])}`;
    const bucket = byInitials.get(key);
    if (!bucket) {
      byInitials.set(key, [builder]);
      continue;
    }
    const same = bucket.find((other) => other.spellings.some((a) => builder.spellings.some((b) => sameOrganisation(a, b))));
    if (same) {
      absorbInto(same, builder);
      merged = true;
    } else bucket.push(builder);
  }
  const byLastWord = new Map<string, ActorBuilder[]>();
  // Each name's words are read once (a bucket compares every pair), and again for an actor that took another's spellings.
  const wordsOf = new Map<ActorBuilder, readonly string[]>();
  const words = (b: ActorBuilder): readonly string[] => {
    let found = wordsOf.get(b);
    if (!found) wordsOf.set(b, (found = normalizeName(b.longestSpelling()).split(' ')));
    return found;
  };
  for (const builder of live) {
    if (builder.mentions.length === 0) continue;
    const w = words(builder);
    const key = `${builder.type}\u0000${w[w.length - 1]}`;
    const bucket = byLastWord.get(key);
    if (bucket) bucket.push(builder);
    else byLastWord.set(key, [builder]);
  }
  for (const bucket of byLastWord.values()) {
    if (bucket.length < 2) continue;
    for (const short of bucket) {
      const w = words(short);
      if (w.length < 2 || short.mentions.length === 0) continue;
      const longer = bucket.filter(
        (b) =>
          b !== short &&
          b.mentions.length > 0 &&
          endsWithWords(words(b), w) &&
          !servedPlace(words(b), w, lexicon) &&
          !(stateBranch(words(b), w, lexicon) && !saysWhose(text, short)) &&
          // Two countries are two (`South Sudan` is no longer `Sudan`).
          !(countryOf(short) !== undefined && countryOf(b) !== undefined && countryOf(short) !== countryOf(b)),
      );
      if (longer.length === 1) {
        absorbInto(longer[0], short);
        wordsOf.delete(longer[0]);
        merged = true;
      }
    }
  }
  return merged;
}

/** What follows a one-word organisation that is not the body a longer name of the article names: see `mergeShortForms`. */
const AFTER_ANOTHER = /^(?:\s+(?:network|broadcast)\b|\s*,\s*who\b|\s+(?:said|says)\s+(?:he|she)\b)/i;

/** A name's normalised words without a leading article (`The Washington Post` → `washington`, `post`). */
function wordsWithoutArticle(name: string): string[] {
  const words = normalizeName(name).split(' ');
  return words.length > 1 && words[0] === 'the' ? words.slice(1) : words;
}

/**
 * The one-word short forms of an organisation's name join it (`the Post` of `The Washington Post`, `Senate` of `U.S.
 * Senate`, `Fox` of `Fox News`, `NBC` of `NBC News`): a body named by its place and its head noun is named by the head
 * alone (an acronym too: `the PAC` of `Ready for Hillary PAC`), and a body's name followed only by words such as `News`
 * or `Inc.` by its first word. Only when one longer name of the article ends or begins with the word (with `The New
 * York Times` and `Financial Times`, `the Times` is neither), a placed body's only after its full name, and never a
 * head after a word that is not a place (`House` is no short form of `White House`). True when anything was joined.
 */
function mergeShortForms(text: string, builders: readonly ActorBuilder[], lexicon: NameLexicon): boolean {
  const short = new Map<string, ActorBuilder[]>();
  // A state's chamber (`state Senate races`) or the broadcast network (`the Fox network`) is another body; a name said of
  // as of a person (`Johnson, who founded the firm`, `Trump said he`) is the person the tagger took for a body.
  const another = (builder: ActorBuilder) =>
    builder.mentions.some((m) => /\bstate(?:'s|’s)?\s+$/i.test(text.slice(Math.max(0, m.start - 9), m.start)) || AFTER_ANOTHER.test(text.slice(m.end, m.end + 16)));
  const longer: { builder: ActorBuilder; words: string[] }[] = [];
  for (const builder of builders) {
    if (builder.type !== 'organization' || builder.mentions.length === 0) continue;
    for (const spelling of builder.spellings) {
      const words = wordsWithoutArticle(spelling);
      if (words.length >= 2) longer.push({ builder, words });
    }
    const words = builder.spellings.map(wordsWithoutArticle);
    if (words.length > 0 && words.every((w) => w.length === 1 && w[0] === words[0][0]) && !another(builder)) {
      const found = short.get(words[0][0]);
      if (found) found.push(builder);
      else short.set(words[0][0], [builder]);
    }
  }
  if (short.size === 0 || longer.length === 0) return false;
  let merged = false;
  for (const [word, shortForms] of short) {
    // Each longer name that fits, and whether it is a place and a head (`U.S. Senate`) rather than a name and generic words.
    // Any other name that ends or begins with the word competes (`Financial Times` beside `New York Times`).
    const fits = new Map<ActorBuilder, boolean>();
    const competitors = new Set<ActorBuilder>();
    const acronymHeads = shortForms.every((b) => b.spellings.every((spelling) => acronymOf(spelling.replace(/^the\s+/i, '')) !== undefined));
    for (const { builder, words } of longer) {
      const last = words.length - 1;
      if (words[last] === word) {
        competitors.add(builder);
        const place = words.slice(0, last).join(' ');
        // Or an acronym that heads the name (`the PAC` of `Ready for Hillary PAC`).
        if (lexicon.isListedPlace(place) || acronymHeads) fits.set(builder, true);
      } else if (words[0] === word) {
        competitors.add(builder);
        if (namesBodyByFirstWord(words)) fits.set(builder, fits.get(builder) ?? false);
      }
    }
    if (fits.size !== 1 || competitors.size !== 1) continue;
    const [[into, placed]] = fits;
    for (const from of shortForms) {
      // A head is the placed body's short form when the full name comes first (`Wisconsin Senate candidate Russ Feingold`
      // after five `Senate` is no name of that Senate); `Pfizer` in a headline before `Pfizer Inc.` is Pfizer all the same.
      if (from === into || (placed && firstStart(into) > firstStart(from))) continue;
      absorbInto(into, from);
      merged = true;
    }
  }
  return merged;
}

/**
 * The state a place mention abbreviates, with its full stop, where it stands as news writes one: after a comma
 * (`Hialeah, Fla.`), a bracket or a party letter (`(Tex.)`, `(D-Vt.)`), at a line's start, before a state official's
 * title (`former Fla. Gov.`), or elsewhere unless the abbreviation is a word too (not a church's `funeral Mass`,
 * us-states.txt `word`); `W. Va.` is West Virginia, whose `Va` the tagger may read alone.
 */
function abbreviatedState(text: string, mention: EntityMention, lexicon: NameLexicon): string | undefined {
  const written = text[mention.end] === '.' && !mention.text.endsWith('.') ? `${mention.text}.` : mention.text;
  const west = /W\.\s?$/.exec(text.slice(Math.max(0, mention.start - 3), mention.start));
  const state = lexicon.stateNamed(west ? `W.${written}` : written);
  if (state === undefined || !written.endsWith('.')) return undefined;
  const start = mention.start - (west ? west[0].length : 0);
  const before = text.slice(Math.max(0, start - 4), start);
  const end = mention.end + (written === mention.text ? 0 : 1);
  if (/(?:,\s*|\(|[DRI]\s?-\s?|^|\n\s*)$/.test(before) || STATE_TITLE_AFTER.test(text.slice(end, end + 16))) return state;
  // Elsewhere an abbreviation that is also a word is that word (`funeral Mass`), where `sue Ariz.` is the state still.
  return lexicon.isStateAlsoWord(written) ? undefined : state;
}

/** A state official's title after the state (`Fla. Gov. Jeb Bush`, `N.J. Sen.`). */
const STATE_TITLE_AFTER = /^\s*(?:(?:Gov|Sen|Rep|Lt|Atty)\.|(?:Governor|Senator|Attorney|Secretary|Congressman|Congresswoman|Democrat|Republican)\b)/;

/** Where an actor's first mention starts. */
function firstStart(builder: ActorBuilder): number {
  let first = Infinity;
  for (const mention of builder.mentions) if (mention.start < first) first = mention.start;
  return first;
}

/** The words after which a body's name goes on with what it serves (`Port Authority of New York`). */
const SERVED_LINKS = new Set(['of', 'for', 'on']);

/** True when `whole` has more words than `tail` and ends with them. */
function endsWithWords(whole: readonly string[], tail: readonly string[]): boolean {
  if (whole.length <= tail.length) return false;
  const offset = whole.length - tail.length;
  for (let i = 0; i < tail.length; i++) if (whole[offset + i] !== tail[i]) return false;
  return true;
}

/**
 * True when `tail`, which ends `whole`, is a place that `whole` serves: `New York` in `Port Authority of New
 * York` is no short form of it (a dateline's `NEW YORK` became the Port Authority), where `Homeland Security`
 * is one of `Department of Homeland Security`.
 */
/**
 * True when the longer name is the shorter one with a US state's name before it (`Arizona Democratic Party`, `Texas
 * Supreme Court`): the state's body, and the short name in news the national one (`The Democratic Party and the
 * presidential campaign … sued`, beside `the Arizona Democratic Party`). The nation's own (`U.S. Supreme Court`) is
 * the short name's.
 */
function stateBranch(whole: readonly string[], tail: readonly string[], lexicon: NameLexicon): boolean {
  return whole.length > tail.length && STATE_BODY_HEADS.has(tail[tail.length - 1]) && lexicon.isStateName(whole.slice(0, whole.length - tail.length).join(' '));
}

/**
 * Heads of the bodies a state has its own of, beside the nation's (a party, a court, a chamber): `New York Daily News`
 * and `Daily News` are one paper.
 */
const STATE_BODY_HEADS: ReadonlySet<string> = new Set(['party', 'court', 'senate', 'house', 'assembly', 'legislature', 'government']);

/** True when a mention of the short name says whose it is (`the state's Democratic Party`, `New York's State Supreme Court`). */
function saysWhose(text: string, builder: ActorBuilder): boolean {
  return builder.mentions.some((m) => /['’]s\s+(?:the\s+)?$/.test(text.slice(Math.max(0, m.start - 8), m.start)));
}

function servedPlace(whole: readonly string[], tail: readonly string[], lexicon: NameLexicon): boolean {
  const offset = whole.length - tail.length;
  const before = whole[offset - 1];
  if (!(SERVED_LINKS.has(before) || (before === 'the' && offset >= 2 && SERVED_LINKS.has(whole[offset - 2])))) return false;
  const name = tail.join(' ');
  return lexicon.isListedPlace(name);
}

/** Which actor holds each name mention (by its start), again after actors were joined. */
function refreshOwners(builders: readonly ActorBuilder[], ownerOf: Map<number, ActorBuilder>): void {
  ownerOf.clear();
  for (const builder of builders) for (const mention of builder.mentions) ownerOf.set(mention.start, builder);
}

/**
 * Joins the organisations and places the article declares to be one (`aliasDeclarations.ts`): the actor of the
 * name takes the alias's. True when anything was joined.
 */
function mergeDeclaredAliases(text: string, entities: readonly EntityMention[], ownerOf: ReadonlyMap<number, ActorBuilder>): boolean {
  let merged = false;
  for (const { name, alias, former } of declaredAliases(text, entities)) {
    let into = ownerOf.get(name.start);
    let from = ownerOf.get(alias.start);
    // An earlier join may have emptied either: follow it to the actor that holds the mention now.
    while (into && into.mentions.length === 0 && into.absorbedInto) into = into.absorbedInto;
    while (from && from.mentions.length === 0 && from.absorbedInto) from = from.absorbedInto;
    if (!into || !from || into === from || into.type !== from.type || into.type === 'person') continue;
    absorbInto(into, from);
    if (former) (into.formerNames ??= new Set()).add(spellingOf(alias.text));
    merged = true;
  }
  return merged;
}

/** `into` takes `from`'s mentions; the longer name stays the actor's name. */
function absorbInto(into: ActorBuilder, from: ActorBuilder): void {
  into.absorb(from);
}

/** The actor of the last person's name before `offset` other than `self` (whom `his` in `his counterpart` refers to). */
function personBefore(persons: readonly EntityMention[], ownerOf: ReadonlyMap<number, ActorBuilder>, offset: number, self: ActorBuilder): ActorBuilder | undefined {
  for (let i = lowerBound(persons.length, (k) => persons[k].start >= offset) - 1; i >= 0; i--) {
    const owner = ownerOf.get(persons[i].start);
    if (owner && owner !== self) return owner;
  }
  return undefined;
}

/** The sentence containing an offset. */
function sentenceLocator(sentences: readonly Sentence[]): (offset: number) => Sentence | undefined {
  return (offset) => rangeContaining(sentences, offset);
}
