/**
 * The classes (small integers) of the words asked about last, in front of a word-class memo that is a map of tens of
 * thousands of words (`Vocabulary`, `NameLexicon`): a look-up there misses the processor's caches about as often as it
 * is made, and most words asked were asked shortly before, often as the same token's string, which compares without
 * reading its characters. Direct-mapped by length and first and last code units; a word that takes another's slot
 * replaces it. Only words shorter than {@link SHORT_WORD} are kept: V8 copies a shorter slice of a string, so a slot
 * never keeps an article's text alive (the memos keep `ownString` copies for the same reason).
 */
export class RecentWordClasses {
  private readonly words: string[] = new Array<string>(SLOTS).fill('');
  private readonly classes = new Int32Array(SLOTS);

  /** The classes remembered for `word`, or -1. */
  get(word: string): number {
    const n = word.length;
    if (n === 0 || n >= SHORT_WORD) return -1;
    const slot = slotOf(word, n);
    return this.words[slot] === word ? this.classes[slot] : -1;
  }

  /** Remembers `word`'s classes (a non-negative number), unless the word is empty or too long to keep. */
  set(word: string, classes: number): void {
    const n = word.length;
    if (n === 0 || n >= SHORT_WORD) return;
    const slot = slotOf(word, n);
    this.words[slot] = word;
    this.classes[slot] = classes;
  }
}

/** Slots of the table (a power of two). */
const SLOTS = 512;
/** V8's shortest slice that is a view of its string (`SlicedString::kMinLength`): shorter ones are copies. */
const SHORT_WORD = 13;

function slotOf(word: string, n: number): number {
  return (n * 961 + word.charCodeAt(0) * 31 + word.charCodeAt(n - 1)) & (SLOTS - 1);
}
