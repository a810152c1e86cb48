import { lowerBound } from './search';
import type { EntityMention, OffsetRange } from './types';

/**
 * Which name in a quote's source phrase is the one speaking.
 *
 * The quote pass attributes a quote to a phrase (`RNC spokesman Sean Spicer`, `Hillary Clinton’s campaign manager
 * Robby Mook`, `the Washington Post’s Ishaan Tharoor`, `Clinton's campaign chairman`), and its first name is not
 * always the speaker: an English noun phrase ends in its head, and the names before it only say whose spokesman,
 * manager or reporter the speaker is. Giving the quote to such a modifier puts words in the mouth of someone who
 * did not say them, the one mistake a fact-checker cannot let through. So:
 *
 * - names that modify the next one (`ACLU executive Director Anthony Romero`, `Obama adviser David Axelrod`,
 *   `Germany’s Chancellor Angela Merkel`: nothing between them but words and a possessive mark) give way to it;
 *   a place does not take over (`Trump’s Virginia …` is no place speaking), and a comma, a bracket or a
 *   linking word (`and`, `of`, `who`, …) ends the run (`David Albright and Serena Kelleher-Vergantini` →
 *   Albright; `Stacy Baker of Columbia` → Baker), except an `of` inside a title after a possessive (`Clinton’s
 *   chief of staff Cheryl Mills` → Mills) and an `and` between two titles of the person the run ends in (`former
 *   Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell` → Rendell);
 * - when the phrase goes on after its last name and ends in a word for a person (`Clinton's campaign chairman`, `a
 *   Trump spokeswoman`, `a Nevada Democrat`), the name is whose or where that person is, not the speaker: the person set off right after the
 *   phrase as its apposition speaks (`…, John Podesta,`), else nobody, and the quote keeps the phrase's own
 *   words as its speaker's label;
 * - a phrase that opens with a role and gives its owner after `for`, `to` or `of` (`a spokesman for House
 *   Speaker Paul Ryan`, `an aide to Clinton`, `Attorneys for Clinton`) is the same: the apposition, else nobody;
 * - a name that owns anything else speaks through it (`Trump's words`, `Clinton’s website`, `New Hampshire Sen.
 *   Kelly Ayotte’s campaign`): the last possessive of the run, else the first name (`the Clinton campaign`); but a
 *   place that owns a name the recogniser missed (`Cleveland's Plain Dealer`) only says where it is: nobody.
 */

/** The outcome for a phrase that names the speaker as someone else's person (spokesman, aide, voter) and by no name. */
export const ONLY_OWNERS = null;

/** What ends a run of names modifying one another: punctuation that sets off, and linking words. */
const RUN_BREAK = /[,;:()[\]"“”]|\s[-–—]+\s|\b(?:and|or|nor|but|of|from|at|in|for|who|whom|whose|which|that|with|to|on|by|about|as|than|said|says|told)\b/i;

/** A title word, and `and` before the next name (` Gov. and `): two titles of the person the run ends in. */
const TITLE_AND = /^\s+(\p{L}+)\.?\s+and\s+$/u;

/**
 * A possessive and a title holding `of` between two names (`Clinton’s chief of staff Cheryl Mills`, `Bush’s
 * secretary of state Colin Powell`): the `of` is the title's own, not a link to the next name, so the run goes on.
 */
const POSSESSED_TITLE_OF = /^['’]s?\s+(?:\p{L}[\p{L}-]*\s+){1,3}of\s+(?:the\s+)?(?:\p{L}[\p{L}-]*\s+){1,2}$/u;

/**
 * The entity naming the speaker of a source phrase `slice`; `undefined` when no entity overlaps it and none
 * follows it as the name of the person it describes (the caller may look the words up otherwise), `ONLY_OWNERS` when the phrase is someone's role with no name and
 * no apposition. `entities` are sorted and do not overlap; `isPersonHead` tells lower-case nouns naming a person:
 * role words and heads such as `woman`, `voter`, `Democrat` (`manager`, `aide`).
 */
export function speakerEntity(
  text: string,
  entities: readonly EntityMention[],
  slice: OffsetRange,
  isPersonHead: (word: string) => boolean,
): EntityMention | undefined | typeof ONLY_OWNERS {
  const from = lowerBound(entities.length, (k) => entities[k].end > slice.start);
  const first = entities[from];
  if (!first || first.start >= slice.end) {
    // No name inside (`Republican presidential nominee`, cut by the quote pass before `Donald Trump`).
    const words = text.slice(slice.start, slice.end).toLowerCase().match(/\p{L}+/gu);
    // After a role and its owner (`a lawyer for the former national security adviser, Mr. Flynn`) a titled name is the owner's.
    return words && endsInPerson(words, isPersonHead) ? apposition(text, entities, slice, !/\b(?:for|to|of)\b/.test(words.join(' '))) : undefined;
  }
  // `a spokesman for House Speaker Paul Ryan`, `an aide to Clinton`: the names say whose the speaker is.
  // (A title before the apposed name is the owner's there: `a lawyer for the former adviser, Mr. Flynn`.)
  if (ownedFromTheStart(text.slice(slice.start, first.start), isPersonHead)) return apposition(text, entities, slice, false) ?? ONLY_OWNERS;
  let head = first;
  // The last name of the run written as a possessive: the owner of what the phrase ends in.
  let owner = isPossessive(text, first) ? first : undefined;
  // Where the run went on over an `and` between two titles, and what it was before: kept only if a person ends it.
  let beforeTitles: { head: EntityMention; owner: EntityMention | undefined } | undefined;
  for (let i = from + 1; i < entities.length && entities[i].start < slice.end; i++) {
    const next = entities[i];
    const between = text.slice(head.end, next.start);
    if (next.type === 'location') break;
    if (RUN_BREAK.test(between) && !(next.type === 'person' && POSSESSED_TITLE_OF.test(between))) {
      // `former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell`: one person's two titles.
      const titles = TITLE_AND.exec(between);
      if (!titles || !isPersonHead(titles[1].toLowerCase())) break;
      beforeTitles ??= { head, owner };
    }
    head = next;
    if (isPossessive(text, next)) owner = next;
  }
  if (beforeTitles && head.type !== 'person') ({ head, owner } = beforeTitles);
  // The words after the run's last name, up to the phrase's end or what sets them off.
  const after = text.slice(head.end, Math.max(head.end, slice.end));
  const cut = RUN_BREAK.exec(after);
  const rest = (cut ? after.slice(0, cut.index) : after).replace(/^['’]s?/, '');
  const words = rest.toLowerCase().match(/\p{L}+/gu);
  if (!words) return head;
  // A place owning a name the recogniser missed (`Cleveland's Plain Dealer`, `Ohio's Toledo Blade`) is where that
  // paper or body is, not a speaker: the phrase's own words are the label.
  if (owner?.type === 'location' && owner === head && /^['’]s?\s+\p{Lu}/u.test(after) && capitalisedWords(rest)) return ONLY_OWNERS;
  if (!endsInPerson(words, isPersonHead)) return owner ?? first;
  return apposition(text, entities, slice) ?? ONLY_OWNERS;
}

/** A role noun and `for`/`to`/`of` before the first name, after a determiner (`a spokeswoman for`, `one aide to`, `a
 * person close to`, `another source familiar with`) or in the plural (`Attorneys for`): a capitalised singular title
 * is a name's own (`Director of National Intelligence James Clapper`). */
const OWNED_LEAD = /^((?:a|an|the|one|another|two|three|several|some)\s+)?(?:[\p{L}-]+\s+)*?([\p{L}]+)\s+(?:(?:close|familiar)\s+)?(?:for|to|of|with)\s+(?:the\s+)?$/iu;

/** True when the phrase opens with someone's people and the names come after (`a spokesman for …`). */
function ownedFromTheStart(lead: string, isPersonHead: (word: string) => boolean): boolean {
  const m = OWNED_LEAD.exec(lead);
  if (!m) return false;
  const head = m[2].toLowerCase();
  // `the Director of National Intelligence James Clapper`: a capitalised title after `the` is a name's own title.
  if (m[1] !== undefined && /^the\s/i.test(m[1]) && /^\p{Lu}/u.test(m[2])) return false;
  return m[1] !== undefined ? endsInPerson([head], isPersonHead) : head.endsWith('s') && isPersonHead(head.slice(0, -1));
}

/** True when the name is written as a possessive (`Ayotte’s`, `Sanders’ campaign`). */
function isPossessive(text: string, e: EntityMention): boolean {
  return /^['’](?:s\b|\s)/.test(text.slice(e.end, e.end + 3)) && (text.charAt(e.end + 1) !== ' ' || /s$/.test(e.text));
}

/** True when every word is capitalised (a name: `Plain Dealer`), small linking words aside (`Post and Courier`). */
function capitalisedWords(words: string): boolean {
  const all = words.match(/\p{L}[\p{L}'’-]*/gu);
  return all !== null && all.every((w) => /^\p{Lu}/u.test(w) || /^(?:and|of|the|for)$/.test(w)) && /^\p{Lu}/u.test(all[all.length - 1]);
}

/** True when the last word names a person, singular or plural (`manager`, `biographers`, `Democrat`). */
function endsInPerson(words: readonly string[], isPersonHead: (word: string) => boolean): boolean {
  const last = words[words.length - 1];
  return isPersonHead(last) || (last.endsWith('s') && isPersonHead(last.slice(0, -1)));
}

/**
 * What may stand between a phrase and the name set off after it: a comma, or nothing, and an abbreviated title the
 * person span leaves out, after `former`, `state` or `then` (`Scott's niece, state Del. Marcia Price`, `his brother,
 * Sen. Ted Cruz`, `her husband, former Gov. Jeb Bush`).
 */
const APPOSITION_LEAD = /^\s*,?\s*(?:(?:(?:former|state|then)\s+)?\p{Lu}\p{Ll}{1,4}\.\s+)?$/u;
/** A comma or nothing: the lead of an apposition where a title would be the owner's (`a spokesman for the governor, Gov. Cuomo`). */
const PLAIN_APPOSITION_LEAD = /^\s*,?\s*$/;
/** The most characters {@link APPOSITION_LEAD} spans (`, former Gov. `). */
const APPOSITION_GAP = 20;

/**
 * The person the phrase stands in apposition to: named right after it, behind a comma (`…, John Podesta,`, `…, Sen.
 * Ted Cruz,`) or
 * nothing (`Clinton campaign spokesman` + `Brian Fallon`, when the quote pass's phrase stopped before the name),
 * or right before it behind a comma (`Christine Link, executive director of the ACLU in Ohio`), if any. `titled`: the name
 * may follow an abbreviated title ({@link APPOSITION_LEAD}); not after a phrase that names its owner first.
 */
function apposition(text: string, entities: readonly EntityMention[], slice: OffsetRange, titled = true): EntityMention | undefined {
  const i = lowerBound(entities.length, (k) => entities[k].start >= slice.end);
  const next = entities[i];
  if (next && next.type === 'person' && next.start - slice.end <= APPOSITION_GAP && (titled ? APPOSITION_LEAD : PLAIN_APPOSITION_LEAD).test(text.slice(slice.end, next.start))) return next;
  const before = lowerBound(entities.length, (k) => entities[k].end > slice.start) - 1;
  const previous = entities[before];
  // Set off on both sides, or going on with a preposition (`Christine Link, executive director of the ACLU`,
  // `Carl Anthony, historian at …`): a phrase after a comma and before a verb is a clause's subject instead
  // (`Clinton, a top aide said, …`; `As Trump attacked Clinton, the attendees chanted`), and so is left alone
  // even when a writer dropped the closing comma (`Robby Mook, Clinton’s campaign manager was asked`).
  if (previous && previous.type === 'person' && slice.start - previous.end <= 4 && /^\s*,\s*$/.test(text.slice(previous.end, slice.start)) && /^\s*(?:[,.;:!?]|(?:of|at|for|to|in|with|from|on)\s)/.test(text.slice(slice.end, slice.end + 7))) return previous;
  return undefined;
}
