import { ownString } from './ownStrings';

/**
 * What a pure function of a word answered for the words asked last, in front of its memo, a map of tens of thousands
 * of words (`Vocabulary` and `NameLexicon` classes, `normalizeName`, `PersonNames.info`): a look-up there misses the processor's caches
 * about as often as it is made, and most words asked were asked shortly before, often as the same token's string,
 * which compares without reading its characters. Direct-mapped by length and first and last code units; a word that
 * takes another's slot replaces it. A word of {@link SHORT_WORD} code units or more is kept as a copy: V8 copies a
 * shorter slice of a string but makes a longer one a view of it, which would keep an article's text alive.
 */
export class RecentWords<V extends NonNullable<unknown>> {
  private readonly words: string[] = new Array<string>(SLOTS).fill('');
  private readonly values: (V | undefined)[] = new Array<V | undefined>(SLOTS).fill(undefined);

  /** What was remembered for `word`, or undefined (never a value: the type's bound). */
  get(word: string): V | undefined {
    const n = word.length;
    if (n === 0) return undefined;
    const slot = slotOf(word, n);
    return this.words[slot] === word ? this.values[slot] : undefined;
  }

  /** Remembers `value` for `word` (not for an empty word). */
  set(word: string, value: V): void {
    const n = word.length;
    if (n === 0) return;
    const slot = slotOf(word, n);
    this.words[slot] = n < SHORT_WORD ? word : ownString(word);
    this.values[slot] = value;
  }
}

/** Slots of the table (a power of two). */
const SLOTS = 512;
/** V8's shortest slice that is a view of its string (`SlicedString::kMinLength`): shorter ones are copies. */
const SHORT_WORD = 13;

function slotOf(word: string, n: number): number {
  return (n * 961 + word.charCodeAt(0) * 31 + word.charCodeAt(n - 1)) & (SLOTS - 1);
}
