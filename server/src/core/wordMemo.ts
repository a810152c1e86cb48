import { ownString } from './ownStrings';

/**
 * The answers of a pure function of a word (`Vocabulary` and `NameLexicon` classes, `normalizeName`,
 * `PersonNames.info`), remembered: the analysis asks about the same few thousand words and names again and again (a
 * profile hot spot each time it was computed afresh). At most {@link MAX_REMEMBERED_WORDS}, forgotten all at once
 * when full; each key a string of its own, so no article's text is kept alive by a word cut from it. The last words
 * asked are answered by {@link RecentWords} before the map. A table of each article's words with their answers (word
 * ids) would save it little: 92 % of the map's look-ups ask a word for the first time in its article, which such a
 * table must ask too, and the repeats are mostly the recent table's hits already (ARCHITECTURE.md, "A table of word
 * ids").
 */
export class WordMemo<V extends NonNullable<unknown>> {
  private readonly remembered = new Map<string, V>();
  private readonly recent = new RecentWords<V>();

  /** `compute`: the function remembered; made once by the owner (a closure per call would allocate in hot paths). */
  constructor(private readonly compute: (word: string) => V) {}

  /** `compute(word)`, remembered. */
  get(word: string): V {
    const recent = this.recent.get(word);
    if (recent !== undefined) return recent;
    let value = this.remembered.get(word);
    if (value === undefined) {
      if (this.remembered.size >= MAX_REMEMBERED_WORDS) this.remembered.clear();
      value = this.compute(word);
      this.remembered.set(ownString(word), value);
    }
    this.recent.set(word, value);
    return value;
  }
}

/** How many words a {@link WordMemo} remembers before it starts again. */
const MAX_REMEMBERED_WORDS = 50_000;

/**
 * What a pure function of a word answered for the words asked last, in front of its memo, a map of tens of thousands
 * of words ({@link WordMemo}): a look-up there misses the processor's caches about as often as it is made, and most words asked were asked shortly before, often as the same token's string,
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
