import { lowerBound } from './search';
import type { EntityMention, Sentence, Token } from './types';
import type { Vocabulary } from './vocabulary';

const ROLE_CONNECTORS = new Set(['of', 'for', 'and', 'on', 'to', 'in', '’s', "'s", '-', 'the']);
const LEADING_NOISE = new Set(['the', 'his', 'her', 'their', 'its', 'of', 'for', 'and', 'on', 'to', 'in', '-', 'a', 'an']);

/**
 * The role an article gives a person in an apposition, if any: the title words right before the
 * name (`Russian Foreign Minister Sergei Lavrov`, `UN Special Envoy for Syria Staffan De Mistura`,
 * `his German counterpart Frank-Walter Steinmeier`) or a comma apposition after it (`John Kerry, the
 * US Secretary of State,`). Returns the role text as written. `isOtherPerson` tells where another
 * person's name stands, which ends a title (`Vice President Joe Biden and U.N. envoy Lakhdar Brahimi`
 * gives Brahimi `U.N. envoy`).
 */
export function roleOf(text: string, sentence: Sentence, mention: EntityMention, vocabulary: Vocabulary, isOtherPerson: (offset: number) => boolean = () => false): string | undefined {
  const tokens = sentence.tokens;
  let index = tokenStartingAt(tokens, mention.start);
  if (index < 0) return undefined;
  const before = roleBefore(text, tokens, index, vocabulary, isOtherPerson);
  if (before) return before;
  // The token the mention ends with: the last one that starts inside it, if it ends with it too.
  index = tokenStartingAt(tokens, mention.end - 1, true);
  return index < 0 || tokens[index].end !== mention.end ? undefined : roleAfter(text, tokens, index, vocabulary);
}

/**
 * Binary search over tokens sorted by offset: the index of the token starting at `offset`, or -1;
 * with `atOrBefore`, of the last token starting at or before it. (A long sentence made a linear
 * search per mention quadratic.)
 */
function tokenStartingAt(tokens: readonly Token[], offset: number, atOrBefore = false): number {
  const i = lowerBound(tokens.length, (k) => tokens[k].start >= offset);
  if (tokens[i]?.start === offset) return i;
  return atOrBefore ? i - 1 : -1;
}

function roleBefore(text: string, tokens: readonly Token[], nameIndex: number, vocabulary: Vocabulary, isOtherPerson: (offset: number) => boolean): string | undefined {
  let first = nameIndex;
  for (let i = nameIndex - 1; i >= 0; i--) {
    const word = tokens[i].text;
    if (isOtherPerson(tokens[i].start)) break;
    // A dateline agency glued to the title ("SANA-Russian Foreign Minister") is not part of it.
    if ((word === '-' || word === '–') && /^\p{Lu}{2,}$/u.test(tokens[i - 1]?.text ?? '')) break;
    const capitalised = /^\p{Lu}/u.test(word);
    if (capitalised || vocabulary.isRoleWord(word) || ROLE_CONNECTORS.has(word) || isAdjacentHyphen(tokens, i)) {
      // A role does not run across a gap wider than one space ("Moscow, SANA-Russian" stops at "-").
      if (tokens[i + 1].start - tokens[i].end > 1) break;
      first = i;
      continue;
    }
    break;
  }
  while (first < nameIndex && (LEADING_NOISE.has(tokens[first].text) || tokens[first].text === '(' || tokens[first].text === ')')) first++;
  let last = nameIndex;
  // An honorific between the title and the name (`ambassador to Russia Dr. Bashar al-Ja’afari`) is not part of the role.
  while (last > first && vocabulary.isHonorific(tokens[last - 1].text)) last--;
  if (first >= last) return undefined;
  const span = tokens.slice(first, last);
  if (!span.some((t) => vocabulary.isRoleWord(t.text))) return undefined;
  const role = text.slice(span[0].start, span[span.length - 1].end).replace(/\s+/g, ' ');
  // "Organization for Security and Co-operation in Europe (OSCE) Secretary General": the acronym in
  // brackets names the organisation the title belongs to.
  const acronym = tokens[first - 2]?.text;
  if (tokens[first - 1]?.text === ')' && tokens[first - 3]?.text === '(' && acronym && /^\p{Lu}[\p{Lu}.&-]+$/u.test(acronym)) return `${acronym} ${role}`;
  return role;
}

function roleAfter(text: string, tokens: readonly Token[], nameEnd: number, vocabulary: Vocabulary): string | undefined {
  if (tokens[nameEnd + 1]?.text !== ',') return undefined;
  let i = nameEnd + 2;
  const start = i;
  while (i < tokens.length && tokens[i].text !== ',' && tokens[i].text !== '.' && i - start < 12) i++;
  if (tokens[i]?.text !== ',' && tokens[i]?.text !== '.') return undefined;
  const span = tokens.slice(start, i);
  if (span.length === 0 || !span.some((t) => vocabulary.isRoleWord(t.text))) return undefined;
  // "Lavrov, who made the comments …" is a relative clause, not a role.
  if (/^(who|which|that|whose|where|when|said|says)$/i.test(span[0].text)) return undefined;
  if (span.some((t) => /^(said|says|told|is|was|has|had)$/i.test(t.text))) return undefined;
  let begin = 0;
  while (begin < span.length && LEADING_NOISE.has(span[begin].text.toLowerCase())) begin++;
  if (begin >= span.length) return undefined;
  return text.slice(span[begin].start, span[span.length - 1].end).replace(/\s+/g, ' ');
}

function isAdjacentHyphen(tokens: readonly Token[], i: number): boolean {
  return tokens[i].text === '-' && tokens[i - 1]?.end === tokens[i].start && tokens[i + 1]?.start === tokens[i].end;
}
