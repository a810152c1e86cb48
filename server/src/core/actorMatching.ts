import { acronymOf, sameOrganisation } from './aliases';
import { countryCode } from './countryNames';
import { normalizeName, similarNameWord, type GenerationsApart, type PersonNames } from './names';
import type { EntityType } from './types';
import type { Vocabulary } from './vocabulary';

/** What matching two actors of different articles looks at. */
export interface ActorIdentity {
  readonly type: EntityType;
  readonly name: string;
  readonly spellings: readonly string[];
  readonly roles: readonly string[];
}

/**
 * Why `other` (in another article) is the same actor as `actor`, or undefined when it is not.
 * People match on a plausible spelling of the full name (or on the surname when either article
 * gives the surname only); when the surnames differ (a typo), the roles must agree too.
 */
export function matchEvidence(actor: ActorIdentity, other: ActorIdentity, names: PersonNames, generationsApart?: GenerationsApart): string[] | undefined {
  if (actor.type !== other.type) return undefined;
  if (actor.type !== 'person') return organisationEvidence(actor, other);
  const spellings = actor.spellings.length > 0 ? actor.spellings : [actor.name];
  const others = other.spellings.length > 0 ? other.spellings : [other.name];
  let pair: [string, string] | undefined;
  // A surname-only actor in either article matches any full name with that surname.
  if (!spellings.some((n) => names.isFullName(n)) || !others.some((n) => names.isFullName(n))) {
    if (similarNameWord(names.bareSurname(actor.name), names.bareSurname(other.name))) pair = [actor.name, other.name];
  } else {
    pair = exactPair(spellings, others) ?? firstPair(spellings, others, names, generationsApart);
  }
  if (!pair) return undefined;
  const [a, b] = pair;
  const evidence = a === b ? [`same spelling (${a})`] : [`spelled ${b} there, ${a} here`, ...names.spellingEvidence(a, b)];
  const roles = roleAgreement(actor.roles, other.roles, names.vocabulary);
  if (roles) evidence.push(roles);
  // A different surname is a typo only when the context agrees.
  if (names.bareSurname(a) !== names.bareSurname(b) && !roles && normalizeName(a.split(/\s+/)[0]) !== normalizeName(b.split(/\s+/)[0])) return undefined;
  return evidence;
}

function exactPair(names: readonly string[], others: readonly string[]): [string, string] | undefined {
  for (const a of names) for (const b of others) if (normalizeName(a) === normalizeName(b)) return [a, b];
  return undefined;
}

function firstPair(spellings: readonly string[], others: readonly string[], names: PersonNames, generationsApart?: GenerationsApart): [string, string] | undefined {
  for (const a of spellings) for (const b of others) if (names.similarPersonNames(a, b, generationsApart)) return [a, b];
  return undefined;
}

const ROLE_STOP = new Set(['of', 'the', 'for', 'and', 'to', 'in', 'on', 's']);

/** `same role: X`, or `roles agree: X / Y` when they share a title word (`minister`), else undefined. */
function roleAgreement(a: readonly string[], b: readonly string[], vocabulary: Vocabulary): string | undefined {
  for (const x of a) for (const y of b) if (normalizeName(x) === normalizeName(y)) return `same role (${x})`;
  for (const x of a) {
    const words = new Set(normalizeName(x).split(/[^\p{L}]+/u).filter((w) => w && !ROLE_STOP.has(w)));
    for (const y of b) {
      const shared = normalizeName(y).split(/[^\p{L}]+/u).filter((w) => words.has(w));
      if (shared.some((w) => vocabulary.isRoleWord(w)) && shared.length >= 2) return `roles agree (${x} / ${y})`;
    }
  }
  return undefined;
}

/** Why two organisations or places are one: the same name, or an acronym or another spelling of it (`U.N.` / `United Nations`). */
function organisationEvidence(actor: ActorIdentity, other: ActorIdentity): string[] | undefined {
  if (normalizeName(actor.name) === normalizeName(other.name)) return [actor.name === other.name ? 'same name' : 'same name up to case'];
  const mine = actor.spellings.length > 0 ? actor.spellings : [actor.name];
  const theirs = other.spellings.length > 0 ? other.spellings : [other.name];
  for (const a of mine) {
    for (const b of theirs) {
      if (!sameOrganisation(a, b)) continue;
      if (normalizeName(a) === normalizeName(b)) return [`same name (${a})`];
      const country = countryCode(a);
      if (country !== undefined && country === countryCode(b)) return [`names of one country (${b} / ${a})`];
      const acronym = acronymOf(a) !== undefined || acronymOf(b) !== undefined;
      return [acronym && acronymOf(a) !== acronymOf(b) ? `acronym and long form (${b} / ${a})` : `the same name written two ways (${b} / ${a})`];
    }
  }
  return undefined;
}
