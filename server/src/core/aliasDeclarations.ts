import { acronymOf, initialsOf } from './aliases';
import type { EntityMention } from './types';

/**
 * Names an article says are one organisation or place: `the Islamic State, also known as ISIS or ISIL`, `HLN, once
 * known as CNN Headline News`, `X, a.k.a. Y`, and an acronym after `, or` that begins with the initials of the name
 * before it and goes on (`the self-described Islamic State, or ISIS,`: `IS…`). Such names share no initials and no
 * words, so the alias passes that compare spellings (`aliases.ts`) cannot join them; the article's own words can.
 * The actor grouping joins them (`actors.ts`), and the workspace then joins the articles that write either name alone
 * (`aliasLinks.ts`), once two articles have said so.
 *
 * The reading is narrow, because one wrong join merges two actors: an alias is a whole name, closed by punctuation
 * (`Lagos, known as Nigeria’s commercial capital` declares nothing: `Nigeria` begins a description); `called` is the
 * verb unless a word before it makes it a name (`also called`); a list of aliases goes on past the first only with
 * acronyms and only when a conjunction closes it (`also known as ISIL, the Nusra Front and the Khorasan Group` lists
 * other groups); a bare `or` between names is an alternative (`the European Union, or NATO,`), and an acronym in
 * brackets that extends the name's initials is as often a body of the name's (`the United Nations (UNHCR)`). People
 * are left out: a person's other names are told by the name lists and the surname logic.
 */

/** Words before `known as` or `called` that say the name is another of the same thing. */
const QUALIFIERS = 'also|sometimes|commonly|widely|better|more commonly|formerly|previously|once|now|officially';

/**
 * What may stand between a name and the first alias it declares: a comma or an opening bracket (after a closing one:
 * `the Islamic State (ISIS), also known as ISIL`), then the declaring words.
 */
const DECLARATION = new RegExp(
  String.raw`^\s*\)?\s*(?:,|\()\s*(?:(?:${QUALIFIERS})\s+)?(?:known as|referred to as|nicknamed)\s+(?:the\s+)?$` +
    // `called` only after a word that makes it a name (`also called`): after a bare comma it is the verb (`the
    // Orthodox Union, called the AIPAC speech…`).
    String.raw`|^\s*\)?\s*(?:,|\()\s*(?:${QUALIFIERS})\s+called\s+(?:the\s+)?$` +
    String.raw`|^\s*\)?\s*(?:,|\()\s*(?:a\.k\.a\.?|aka)\s+(?:the\s+)?$`,
  'i',
);

/** What may stand before an acronym that abbreviates a longer form of the name before it (`, or ISIS`). */
const ACRONYM_LEAD = /^\s*,\s*or\s+$/;

/** What joins the aliases of one declaration: a conjunction, which ends the list (`ISIL or ISIS`, `ISIL, and ISIS`)… */
const LAST_JOIN = /^\s*,?\s*(?:and|or)\s+$/i;
/** …or a comma, which must be followed by such a conjunction later (`ISIS, ISIL or IS`). */
const COMMA_JOIN = /^\s*,\s*$/;

/** What closes an alias: punctuation that ends the phrase, or the end of the text. A possessive or a word does not. */
const CLOSED = /^\s*(?:$|[,.;:)!?”"]|['’](?!s\b))/;

/** Whether punctuation or the end of the text closes the name `mention` ({@link CLOSED}). */
function closedAfter(text: string, mention: EntityMention): boolean {
  return CLOSED.test(text.slice(mention.end, mention.end + 3));
}

/** A gap longer than this holds no declaration. */
const MAX_GAP = 40;

/** Entity types whose names an article may declare aliases of. */
function declarable(entity: EntityMention): boolean {
  return entity.type === 'organization' || entity.type === 'location';
}

/**
 * An acronym after `, or` that abbreviates a longer form of `name`: its letters begin with the name's initials and go
 * on (`ISIS`, `ISIL` of `Islamic State`). One with the same letters is an acronym of the name itself, which the alias
 * pass joins already.
 */
function extendsInitials(name: string, alias: string): boolean {
  const letters = acronymOf(alias);
  if (letters === undefined) return false;
  const initials = initialsOf(name);
  return initials.length >= 2 && letters.length > initials.length && letters.startsWith(initials);
}

/** One name and an alias the text declares it to have. */
export interface DeclaredAlias {
  readonly name: EntityMention;
  readonly alias: EntityMention;
  /** The alias is a name it had before (`once known as`, `formerly called`): the actor is named by the other. */
  readonly former: boolean;
}

/** Qualifiers that make the alias a former name. */
const FORMER = /\b(?:formerly|previously|once)\s/i;

/**
 * The aliases the text declares organisations and places to have, in text order. `entities` are sorted and do not
 * overlap.
 */
export function declaredAliases(text: string, entities: readonly EntityMention[]): DeclaredAlias[] {
  const pairs: DeclaredAlias[] = [];
  const sameKind = (name: EntityMention, alias: EntityMention) => declarable(alias) && alias.type === name.type;
  for (let i = 0; i + 1 < entities.length; i++) {
    const name = entities[i];
    if (!declarable(name)) continue;
    const first = entities[i + 1];
    if (first.start - name.end > MAX_GAP || !sameKind(name, first)) continue;
    const gap = text.slice(name.end, first.start);
    if (DECLARATION.test(gap)) {
      const list = moreAliases(text, entities, i + 1, (alias) => sameKind(name, alias));
      if (list.length === 0 && !closedAfter(text, first)) continue;
      const former = FORMER.test(gap);
      pairs.push({ name, alias: first, former });
      for (const alias of list) pairs.push({ name, alias, former });
    } else if (ACRONYM_LEAD.test(gap) && extendsInitials(name.text, first.text) && closedAfter(text, first)) {
      pairs.push({ name, alias: first, former: false });
    }
  }
  return pairs;
}

/**
 * The aliases listed after the first (`entities[first]`): acronyms joined by commas and closed by a conjunction
 * before the last (`ISIS, ISIL or IS`, `ISIL or ISIS`), the last closed by punctuation; none when the list is not
 * such a list throughout (`ISIL, the Nusra Front and the Khorasan Group`, `Daesh, Hezbollah and Hamas`).
 */
function moreAliases(text: string, entities: readonly EntityMention[], first: number, sameKind: (alias: EntityMention) => boolean): EntityMention[] {
  const listed: EntityMention[] = [];
  for (let k = first + 1; k < entities.length; k++) {
    const alias = entities[k];
    const join = text.slice(entities[k - 1].end, alias.start);
    if (join.length > MAX_GAP || !sameKind(alias) || acronymOf(alias.text) === undefined) return [];
    if (COMMA_JOIN.test(join)) {
      listed.push(alias);
      continue;
    }
    // `, and` closes a list of two or more (`ISIS, ISIL, and IS`); after a single alias it closes the declaration.
    if (!LAST_JOIN.test(join) || (join.includes(',') && listed.length === 0)) return [];
    listed.push(alias);
    return closedAfter(text, alias) ? listed : [];
  }
  return [];
}
