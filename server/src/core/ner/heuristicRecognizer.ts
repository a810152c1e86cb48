import type { EntityMention, EntityRecognizer, EntityType, Sentence, Token } from '../types';

/**
 * A rule-based recogniser: runs of capitalised words, typed by cue words. It is the fallback when
 * no trained model is available and the baseline the trained tagger is measured against.
 */
export class HeuristicRecognizer implements EntityRecognizer {
  readonly name = 'heuristic';

  recognize(_text: string, sentences: readonly Sentence[]): EntityMention[] {
    const mentions: EntityMention[] = [];
    for (const sentence of sentences) {
      const tokens = sentence.tokens;
      let i = 0;
      while (i < tokens.length) {
        if (!isNameWord(tokens[i]) || (i === 0 && FUNCTION_WORDS.has(tokens[i].text.toLowerCase()))) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < tokens.length && (isNameWord(tokens[j]) || (CONNECTORS.has(tokens[j].text) && j + 1 < tokens.length && isNameWord(tokens[j + 1])))) j++;
        while (j > i + 1 && CONNECTORS.has(tokens[j - 1].text)) j--;
        const words = tokens.slice(i, j).map((t) => t.text);
        // Strip leading titles: they are roles, not part of the name.
        let first = 0;
        while (first < words.length - 1 && TITLES.has(words[first])) first++;
        const span = tokens.slice(i + first, j);
        const type = classify(span.map((t) => t.text), tokens[i + first - 1]?.text);
        if (type) mentions.push({ start: span[0].start, end: span[span.length - 1].end, type, text: _text.slice(span[0].start, span[span.length - 1].end) });
        i = j;
      }
    }
    return mentions;
  }
}

function isNameWord(token: Token): boolean {
  return /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(token.text) || /^al-\p{Lu}/u.test(token.text);
}

const CONNECTORS = new Set(['of', 'for', 'and', 'de', 'al']);
const FUNCTION_WORDS = new Set(['the', 'he', 'she', 'it', 'they', 'we', 'i', 'a', 'an', 'both', 'meanwhile', 'in', 'on', 'at', 'this', 'that', 'but', 'and', 'for', 'as', 'his', 'her', 'earlier', 'no', 'civil']);
const TITLES = new Set(['Russian', 'Syrian', 'Foreign', 'Minister', 'Deputy', 'Prime', 'President', 'Vice', 'Secretary', 'General', 'Special', 'Envoy', 'Dr.', 'Mr.', 'Mrs.', 'US', 'U.S.', 'UN', 'U.N.', 'Iranian', 'German', 'Affairs']);
const ORG_WORDS = /\b(Ministry|Council|Organization|Organisation|Conference|Kremlin|House|Nations|Union|Party|Agency|Committee|Group|ISIS|Nusra|OSCE|SANA|UN|U\.N\.)\b/;
const LOCATIONS = new Set(['Moscow', 'Syria', 'Russia', 'Damascus', 'Washington', 'Geneva', 'Aleppo', 'Iraq', 'Libya', 'Afghanistan', 'Germany', 'Munich', 'Tehran', 'Iran', 'Turkey', 'Saudi Arabia', 'UAE', 'Europe', 'Middle East', 'North Africa', 'Yekatrinburg', 'Dagestan', 'Deir Ezzor', 'Golan']);
const NOT_ENTITIES = new Set(['Check Also', 'English Bulletin', 'Post a Comment', 'No', 'He', 'The', 'Both', 'Meanwhile', 'Monday', 'Saturday', 'Thursday', 'Western', 'West', 'Soviet', 'Middle Eastern', 'Minister', 'The Minister', 'Arab']);

function classify(words: readonly string[], previous: string | undefined): EntityType | undefined {
  const name = words.join(' ');
  if (NOT_ENTITIES.has(name) || words.every((w) => TITLES.has(w))) return undefined;
  if (LOCATIONS.has(name)) return 'location';
  if (ORG_WORDS.test(name)) return 'organization';
  if (previous === 'in' || previous === 'to') return 'location';
  return 'person';
}
