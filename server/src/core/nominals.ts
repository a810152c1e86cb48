import type { EntityMention, OffsetRange, Sentence } from './types';
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
 * reference) and does not overlap a recognised entity. Linear in the number of tokens.
 */
export function findNominals(text: string, sentences: readonly Sentence[], entities: readonly EntityMention[], vocabulary: Vocabulary): Nominal[] {
  const nominals: Nominal[] = [];
  let entityIndex = 0;
  for (const sentence of sentences) {
    const tokens = sentence.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].text !== 'the' && tokens[i].text !== 'The') continue;
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
      i = head;
    }
  }
  return nominals;
}
