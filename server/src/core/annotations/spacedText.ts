/**
 * A text with every run of white space (line breaks included) written as one space, and the way back to
 * the text's own offsets. Re-anchoring looks up a quote with its context here when the text may only have
 * been re-spaced: an article wrapped at another width (72 → 50 columns) keeps its words and moves every line
 * break, so the quote's stored context is nowhere character for character — and, worse, the same words with
 * a line break at the same place by chance may be somewhere else, a different occurrence.
 */
export class SpacedText {
  /** The text with white space runs as one space. */
  readonly text: string;
  /** For each run (in order): where it starts in {@link text} and where it ends in the original text. */
  private readonly runStarts: number[] = [];
  private readonly runRawEnds: number[] = [];

  constructor(raw: string) {
    let out = '';
    let from = 0;
    for (const run of raw.matchAll(/\s+/g)) {
      out += raw.slice(from, run.index);
      this.runStarts.push(out.length);
      this.runRawEnds.push(run.index! + run[0].length);
      out += ' ';
      from = run.index! + run[0].length;
    }
    this.text = out + raw.slice(from);
  }

  /** The original offset of a character of {@link text} that is not a run's space. */
  rawOffset(offset: number): number {
    let low = 0;
    let high = this.runStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.runStarts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    // runStarts[low - 1] is the last run before `offset`: its original end plus the characters since.
    return low === 0 ? offset : this.runRawEnds[low - 1] + (offset - this.runStarts[low - 1] - 1);
  }

  /**
   * Where `exact` with its context occurs in the text, compared with white space runs as one space: the
   * original offset of `exact` when it occurs exactly once, else undefined (nowhere, or more than once).
   */
  onlyOccurrence(prefix: string, exact: string, suffix: string): number | undefined {
    if (exact.length === 0 || /^\s|\s$/.test(exact)) return undefined;
    const before = spaced(prefix);
    const whole = before + spaced(exact) + spaced(suffix);
    const first = this.text.indexOf(whole);
    if (first < 0 || this.text.indexOf(whole, first + 1) >= 0) return undefined;
    return this.rawOffset(first + before.length);
  }

  /** True when `prefix + exact + suffix`, compared so, occurs more than once. */
  occursMoreThanOnce(prefix: string, exact: string, suffix: string): boolean {
    const whole = spaced(prefix + exact + suffix);
    const first = this.text.indexOf(whole);
    return first >= 0 && this.text.indexOf(whole, first + 1) >= 0;
  }
}

function spaced(text: string): string {
  return text.replace(/\s+/g, ' ');
}
