import { LOWER_RANK_WORDS } from './roles';
import { firstStartingFrom, lowerBound } from './search';
import type { EntityMention, OffsetRange, Sentence, Token } from './types';
import type { Vocabulary } from './vocabulary';

/** A definite description that may refer back to a person by role: `the foreign minister`, `The Minister`. */
export interface Nominal extends OffsetRange {
  readonly text: string;
  /** The description's words, lower case, without the article (`foreign`, `minister`). */
  readonly words: readonly string[];
}

/** At most this many words between `the` and the role head: `the US special Syria envoy`. */
const MAX_MODIFIERS = 3;

/**
 * Finds `the` + up to three modifiers + a role head word (`server/data/vocabulary/role-words.txt`) that is not an
 * apposition before a name (`the Iranian Foreign Minister Mohammad Jawad Zarif` gives a role, not a
 * reference) and does not overlap a recognised entity. The `the`s are found in the text (a token's text is the
 * text at its offsets), then their tokens by a binary search: a pass over every token of the article read two
 * objects per token, where the text is one string.
 */
export function findNominals(text: string, sentences: readonly Sentence[], entities: readonly EntityMention[], vocabulary: Vocabulary): Nominal[] {
  const nominals: Nominal[] = [];
  let entityIndex = 0;
  let s = 0;
  // The last description found, as its sentence and head token: a `the` among its modifiers opens none.
  let foundIn = -1;
  let foundHead = -1;
  let lower = text.indexOf('the');
  let upper = text.indexOf('The');
  while (lower >= 0 || upper >= 0) {
    const at = upper < 0 || (lower >= 0 && lower < upper) ? lower : upper;
    if (at === lower) lower = text.indexOf('the', at + 1);
    else upper = text.indexOf('The', at + 1);
    while (s < sentences.length && sentences[s].end <= at) s++;
    if (s >= sentences.length) break;
    const tokens = sentences[s].tokens;
    const i = tokenStartingAt(tokens, at);
    if (i < 0 || (s === foundIn && i <= foundHead) || (tokens[i].text !== 'the' && tokens[i].text !== 'The')) continue;
    let head = -1;
    for (let j = i + 1; j < tokens.length && j <= i + 1 + MAX_MODIFIERS; j++) {
      if (!/^[\p{L}][\p{L}.-]*$/u.test(tokens[j].text)) break;
      if (vocabulary.isRoleWord(tokens[j].text)) head = j;
      else if (head >= 0) break;
    }
    if (head < 0) continue;
    const next = tokens[head + 1];
    // "the foreign minister Sergei Lavrov": a title before a name, not a reference to someone earlier.
    if (next && /^\p{Lu}/u.test(next.text)) continue;
    const start = tokens[i].start;
    const end = tokens[head].end;
    while (entityIndex < entities.length && entities[entityIndex].end <= start) entityIndex++;
    const entity = entities[entityIndex];
    if (entity && entity.start < end) continue;
    const words = tokens.slice(i + 1, head + 1).map((t) => t.text.toLowerCase());
    nominals.push({ start, end, text: text.slice(start, end), words });
    foundIn = s;
    foundHead = head;
  }
  return nominals;
}

/** The index of the token that starts at `offset`, or -1. */
function tokenStartingAt(tokens: readonly Token[], offset: number): number {
  const i = firstStartingFrom(tokens, offset);
  return i < tokens.length && tokens[i].start === offset ? i : -1;
}

/** A mention of someone who may be described by role: where, and who (an actor, a surname: the caller's key). */
export interface RoleHolderMention<T> {
  readonly start: number;
  readonly holder: T;
}

/** Options of {@link NominalResolver.resolve}. */
export interface NominalOptions {
  /**
   * True: every word of the description must be among the holder's role words (`the foreign minister` needs
   * `foreign` and `minister`); false: the head is enough (`the Florida senator` → the one senator), though a
   * holder with every word still wins over one with the head only.
   */
  readonly wholeDescription: boolean;
  /** Only the holders of the last this many mentions before the description are considered. */
  readonly maxMentions?: number;
}

/**
 * The one resolver of role descriptions to the person they stand for (`the foreign minister` → `Russian Foreign
 * Minister Sergei Lavrov`): the most recently mentioned holder, before the description, of a role with the
 * description's head — titles written before a name, appositions, roles the article gives. Actors resolve
 * every description of the article through it (their roles from `roles.ts`) and the quote pass the speakers
 * it finds (titles from `quotes/document.ts`), so the two cannot disagree on who "the senator" is. Built once
 * per article; a description costs a map look-up per holder of its head and a binary search per holder.
 */
export class NominalResolver<T> {
  private readonly byRoleWord = new Map<string, T[]>();
  private readonly starts = new Map<T, number[]>();
  private readonly order: readonly RoleHolderMention<T>[];

  /**
   * @param mentions every mention of a holder, sorted by start
   * @param roleWords the lower-case words of the roles each holder is given (`russian`, `foreign`, `minister`)
   */
  constructor(
    mentions: readonly RoleHolderMention<T>[],
    private readonly roleWords: (holder: T) => ReadonlySet<string> | undefined,
    /** True when the holder's roles rule the description out though they hold its words (`the president` and a vice president). */
    private readonly rulesOut?: (holder: T, words: readonly string[]) => boolean,
  ) {
    this.order = mentions;
    for (const m of mentions) {
      let list = this.starts.get(m.holder);
      if (!list) {
        this.starts.set(m.holder, (list = []));
        for (const w of roleWords(m.holder) ?? []) {
          let holders = this.byRoleWord.get(w);
          if (!holders) this.byRoleWord.set(w, (holders = []));
          holders.push(m.holder);
        }
      }
      list.push(m.start);
    }
  }

  /** The holder a description (its words after the article, lower case) at `offset` stands for, if any. */
  resolve(words: readonly string[], offset: number, options: NominalOptions): { holder: T; start: number } | undefined {
    const head = words[words.length - 1];
    const holders = head === undefined ? undefined : this.byRoleWord.get(head);
    if (!holders) return undefined;
    // The window: holders mentioned among the last `maxMentions` mentions before the description.
    const from = options.maxMentions === undefined ? -Infinity : this.windowStart(offset, options.maxMentions);
    let best: { holder: T; start: number; whole: boolean } | undefined;
    for (const holder of holders) {
      const list = this.starts.get(holder)!;
      const k = lowerBound(list.length, (i) => list[i] >= offset) - 1;
      if (k < 0 || list[k] < from) continue;
      const roles = this.roleWords(holder)!;
      const whole = words.every((w) => roles.has(w));
      if (options.wholeDescription && !whole) continue;
      // A description of an office below the holder's (`the vice president` and `President Obama`): the head alone
      // does not make it theirs.
      if (!whole && words.some((w) => LOWER_RANK_WORDS.has(w) && !roles.has(w))) continue;
      if (this.rulesOut?.(holder, words)) continue;
      if (!best || (whole && !best.whole) || (whole === best.whole && list[k] > best.start)) best = { holder, start: list[k], whole };
    }
    return best && { holder: best.holder, start: best.start };
  }

  /** Start of the `count`-th mention before `offset` (of any holder). */
  private windowStart(offset: number, count: number): number {
    const order = this.order;
    const k = lowerBound(order.length, (i) => order[i].start >= offset) - count;
    return k <= 0 ? -Infinity : order[k].start;
  }
}
