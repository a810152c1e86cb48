import { acronymOf, initialsOf } from './aliases';
import type { EntityMention } from './types';

/**
 * Names an article says are one organisation or place: `the Islamic State, also known as ISIS, ISIL and Daesh`,
 * `X, a.k.a. Y`, `X (formerly known as Y)`, and an acronym given after `or` or in brackets that begins with the
 * initials of the name before it (`the Islamic State, or ISIS,`: `IS…`). Such names share no initials and no words,
 * so the alias passes that compare spellings (`aliases.ts`) cannot join them; the article's own words can. The actor
 * grouping joins them (`actors.ts`), and the workspace then joins the articles that write either name alone
 * (`workspaceIndex.ts`), as the article that declared them one shows.
 *
 * Only a phrase that declares a name does: a bare `or` joins alternatives (`the United States, or NATO,`), so it
 * counts only before an acronym that abbreviates a longer form of the name; people are left out (a nickname or a
 * former name of a person is told by the name lists and the surname logic, and `X, known as Y` of a person is as
 * often a description).
 */

/** Words before `known as` or `called` that say the name is another of the same thing. */
const QUALIFIERS = 'also|sometimes|commonly|widely|better|more commonly|formerly|previously|once|now|officially';

/** What may stand between a name and the first alias it declares, after a comma or an opening bracket. */
const DECLARATION = new RegExp(
  String.raw`^\s*(?:,|\()\s*(?:(?:${QUALIFIERS})\s+)?(?:known as|referred to as|nicknamed)\s+(?:the\s+)?$` +
    // `called` only after a word that makes it a name (`also called`): after a bare comma it is the verb (`the
    // Orthodox Union, called the AIPAC speech…`).
    String.raw`|^\s*(?:,|\()\s*(?:${QUALIFIERS})\s+called\s+(?:the\s+)?$` +
    String.raw`|^\s*(?:,|\()\s*(?:a\.k\.a\.?|aka)\s+(?:the\s+)?$`,
  'i',
);

/** What may stand before an acronym that abbreviates a longer form of the name before it (`, or ISIS`, `(ISIS`). */
const ACRONYM_LEAD = /^\s*(?:,\s*or|\()\s*$/;

/** What joins the aliases of one declaration: a conjunction, which ends the list (`ISIL or ISIS`, `ISIL, and Daesh`)… */
const LAST_JOIN = /^\s*,?\s*(?:and|or)\s+(?:the\s+)?$/i;
/** …or a comma, which must be followed by such a conjunction later (`ISIS, ISIL and Daesh`). */
const COMMA_JOIN = /^\s*,\s*(?:the\s+)?$/;

/** A gap longer than this holds no declaration. */
const MAX_GAP = 40;

/** Entity types whose names an article may declare aliases of. */
function declarable(entity: EntityMention): boolean {
  return entity.type === 'organization' || entity.type === 'location';
}

/**
 * An acronym after `or` or in brackets that abbreviates a longer form of `name`: its letters begin with the name's
 * initials and go on (`ISIS`, `ISIL` of `Islamic State`). One with the same letters is an acronym of the name itself,
 * which the alias pass joins already.
 */
function extendsInitials(name: string, alias: string): boolean {
  const letters = acronymOf(alias);
  if (letters === undefined) return false;
  const initials = initialsOf(name);
  return initials.length >= 2 && letters.length > initials.length && letters.startsWith(initials);
}

/**
 * The pairs of mentions the text declares to name one organisation or place, each as (the name, an alias), in text
 * order. `entities` are sorted and do not overlap.
 */
export function declaredAliases(text: string, entities: readonly EntityMention[]): [EntityMention, EntityMention][] {
  const pairs: [EntityMention, EntityMention][] = [];
  for (let i = 0; i + 1 < entities.length; i++) {
    const name = entities[i];
    if (!declarable(name)) continue;
    const next = entities[i + 1];
    if (next.start - name.end > MAX_GAP || !declarable(next) || next.type !== name.type) continue;
    const gap = text.slice(name.end, next.start);
    if (DECLARATION.test(gap)) {
      pairs.push([name, next]);
      // The list that follows. Names after commas count only once a conjunction closes the list: in `also known as
      // ISIS, the Pentagon said` the comma closes the declaration, and so does `, and` after a single alias (`ISIS,
      // and al-Nusra`), where a list of aliases writes `ISIS, ISIL, and Daesh`.
      const listed: EntityMention[] = [];
      for (let k = i + 2; k < entities.length; k++) {
        const alias = entities[k];
        const join = text.slice(entities[k - 1].end, alias.start);
        if (join.length > MAX_GAP || !declarable(alias) || alias.type !== name.type) break;
        if (COMMA_JOIN.test(join)) {
          listed.push(alias);
          continue;
        }
        if (!LAST_JOIN.test(join) || (join.includes(',') && listed.length === 0)) break;
        for (const item of listed) pairs.push([name, item]);
        pairs.push([name, alias]);
        break;
      }
    } else if (ACRONYM_LEAD.test(gap) && extendsInitials(name.text, next.text)) {
      pairs.push([name, next]);
    }
  }
  return pairs;
}
