import * as fs from 'fs';
import { resolveDataFile } from './dataFiles';
import type { EntityMention, Sentence, Token } from './types';

let roleHeads: Set<string> | undefined;

/** The role head words from `server/data/roles.txt`, loaded once. */
function loadRoleHeads(): Set<string> {
  if (!roleHeads) {
    const lines = fs.readFileSync(resolveDataFile('roles.txt'), 'utf8').split(/\r?\n/);
    roleHeads = new Set(lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
  }
  return roleHeads;
}

/** True when the word heads a role (`Minister`, `envoy`, `counterpart`). */
export function isRoleWord(word: string): boolean {
  return loadRoleHeads().has(word.toLowerCase());
}

const ROLE_CONNECTORS = new Set(['of', 'for', 'and', 'on', 'to', 'in', '’s', "'s", '-', 'the']);
const LEADING_NOISE = new Set(['the', 'his', 'her', 'their', 'its', 'of', 'for', 'and', 'on', 'to', 'in', '-', 'a', 'an']);

/**
 * The role an article gives a person in an apposition, if any: the title words right before the
 * name (`Russian Foreign Minister Sergei Lavrov`, `UN Special Envoy for Syria Staffan De Mistura`,
 * `his German counterpart Frank-Walter Steinmeier`) or a comma apposition after it (`John Kerry, the
 * US Secretary of State,`). Returns the role text as written.
 */
export function roleOf(text: string, sentence: Sentence, mention: EntityMention): string | undefined {
  const tokens = sentence.tokens;
  let index = tokens.findIndex((t) => t.start === mention.start);
  if (index < 0) return undefined;
  const before = roleBefore(text, tokens, index);
  if (before) return before;
  index = tokens.findIndex((t) => t.end === mention.end);
  return index < 0 ? undefined : roleAfter(text, tokens, index);
}

function roleBefore(text: string, tokens: readonly Token[], nameIndex: number): string | undefined {
  let first = nameIndex;
  for (let i = nameIndex - 1; i >= 0; i--) {
    const word = tokens[i].text;
    const capitalised = /^\p{Lu}/u.test(word);
    if (capitalised || isRoleWord(word) || ROLE_CONNECTORS.has(word) || isAdjacentHyphen(tokens, i)) {
      // A role does not run across a gap wider than one space ("Moscow, SANA-Russian" stops at "-").
      if (tokens[i + 1].start - tokens[i].end > 1) break;
      first = i;
      continue;
    }
    break;
  }
  while (first < nameIndex && (LEADING_NOISE.has(tokens[first].text) || tokens[first].text === '(' || tokens[first].text === ')')) first++;
  if (first === nameIndex) return undefined;
  const span = tokens.slice(first, nameIndex);
  if (!span.some((t) => isRoleWord(t.text))) return undefined;
  // Cut a lead-in that is not part of the title: keep from the last word that cannot start a role.
  return text.slice(span[0].start, span[span.length - 1].end).replace(/\s+/g, ' ');
}

function roleAfter(text: string, tokens: readonly Token[], nameEnd: number): string | undefined {
  if (tokens[nameEnd + 1]?.text !== ',') return undefined;
  let i = nameEnd + 2;
  const start = i;
  while (i < tokens.length && tokens[i].text !== ',' && tokens[i].text !== '.' && i - start < 12) i++;
  if (tokens[i]?.text !== ',' && tokens[i]?.text !== '.') return undefined;
  const span = tokens.slice(start, i);
  if (span.length === 0 || !span.some((t) => isRoleWord(t.text))) return undefined;
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
