/**
 * Antecedent candidates of a speaker pronoun (`he`, `she`) or definite description (`the foreign minister`,
 * `his Russian counterpart`, `the newspaper`), with the features the ranker (`ranker.ts`, its `antecedent`
 * weights) scores them by: one candidate per named person (or, for an organisation head, organisation) seen
 * in the 3,000 characters before, grouped by surname, plus *nobody*. Features: how recently and how often
 * the name was mentioned, its paragraph distance, whether it stood as the subject of a speech verb or was
 * the previous speaker, gender agreement, a title or modifier shared with the description, and which name
 * the hand rules of `coreference.ts` picked. Bounded: at most 40 mentions are looked at.
 */
import { lowerBound } from '../search';
import type { EntityMention, TextSlice } from '../types';
import { genderOf, lastPersonBefore, subjectRank, type SpeakerState } from './coreference';
import { surname, tokenAt, type Doc } from './document';

/** What is being resolved. */
export type AnaphorKind = 'he' | 'she' | 'person' | 'organization';

/** One possible antecedent. */
export interface AntecedentCandidate {
  /** The latest mention of the name before the anaphor; absent for *nobody*. */
  readonly name?: TextSlice;
  readonly features: string[];
}

const WINDOW_CHARS = 3000;
const MAX_MENTIONS = 40;

interface Group {
  key: string;
  latest: EntityMention;
  /** Mentions of the name within the window. */
  count: number;
  /** The best subject rank among its two latest mentions. */
  rank: number;
  speaker: boolean;
  order: number;
}

/**
 * The candidates for the anaphor at `offset` (`np` its words, lower case; `head` its head word), the rules'
 * pick marked, *nobody* last.
 */
export function antecedentCandidates(doc: Doc, offset: number, kind: AnaphorKind, words: readonly string[], state: SpeakerState, rulePick: TextSlice | undefined): AntecedentCandidate[] {
  const groups = new Map<string, Group>();
  const list = kind === 'organization' ? organizations(doc, offset) : doc.persons;
  const start = kind === 'organization' ? list.length - 1 : lastPersonBefore(doc, offset);
  const anchorTok = Math.min(tokenAt(doc, offset), doc.tokens.length - 1);
  for (let k = start, seen = 0; k >= 0 && seen < MAX_MENTIONS; k--) {
    const m = list[k];
    if (offset - m.end > WINDOW_CHARS) break;
    const t = tokenAt(doc, m.start);
    if (t < doc.tokens.length && doc.inQuote[t]) continue;
    seen++;
    const key = surname(m.text);
    let g = groups.get(key);
    if (!g) {
      g = { key, latest: m, count: 0, rank: subjectRank(doc, m), speaker: false, order: groups.size };
      groups.set(key, g);
    } else if (g.count === 1) g.rank = Math.max(g.rank, subjectRank(doc, m));
    g.count++;
    if (state.speakers.has(m.start)) g.speaker = true;
  }
  const a = kind;
  const pickKey = rulePick ? surname(rulePick.text) : undefined;
  const lastKey = state.last ? surname(state.last.name.text) : undefined;
  const byCount = [...groups.values()].sort((x, y) => y.count - x.count || x.order - y.order);
  // Salience over the whole article so far: the person an article is about is mentioned throughout.
  const total = new Map<string, number>();
  for (const g of groups.values()) total.set(g.key, mentionsBefore(doc, g.key, offset));
  const byTotal = [...groups.values()].sort((x, y) => total.get(y.key)! - total.get(x.key)! || x.order - y.order);
  const out: AntecedentCandidate[] = [];
  for (const g of groups.values()) {
    const m = g.latest;
    const mTok = tokenAt(doc, m.start);
    const paraDist = Math.min(3, (doc.para[anchorTok] ?? 0) - (doc.para[Math.min(mTok, doc.tokens.length - 1)] ?? 0));
    const f: string[] = [
      `a=${a}`,
      `a=${a}|rec=${Math.min(g.order, 4)}`,
      `a=${a}|para=${paraDist}`,
      `a=${a}|cnt=${g.count >= 5 ? '5+' : g.count >= 3 ? '3-4' : g.count}`,
      `a=${a}|sal=${Math.min(byCount.indexOf(g), 3)}`,
      `a=${a}|gsal=${Math.min(byTotal.indexOf(g), 3)}`,
      `a=${a}|gsal=${Math.min(byTotal.indexOf(g), 3)}|rec=${Math.min(g.order, 2)}`,
      `a=${a}|subj=${g.rank}`,
      `a=${a}|rec=${Math.min(g.order, 2)}|subj=${g.rank}`,
    ];
    if (g.key === pickKey) f.push(`a=${a}|rule`, `a=${a}|rule|rec=${Math.min(g.order, 2)}`);
    if (g.speaker) f.push(`a=${a}|speaker`);
    if (g.key === lastKey) f.push(`a=${a}|last`);
    if (doc.sent[Math.min(mTok, doc.tokens.length - 1)] === doc.sent[anchorTok]) f.push(`a=${a}|sameSent`);
    if (a === 'he' || a === 'she') {
      const gender = genderOf(doc, m.text);
      f.push(`a=${a}|g=${!gender ? 'unknown' : (gender === 'f') === (a === 'she') ? 'agree' : 'disagree'}`);
    } else {
      const head = words[words.length - 1];
      if (doc.titles.get(g.key)?.has(head)) f.push(`a=${a}|titled`);
      // The description's other words next to the name ("his Russian counterpart" ~ "Russian Foreign Minister
      // Sergei Lavrov"; "the Florida senator" ~ "Florida Sen. Marco Rubio").
      const around = doc.text.slice(Math.max(0, m.start - 40), Math.min(offset, m.end + 50)).toLowerCase();
      const modifiers = words.slice(0, -1).filter((w) => w.length > 2 && !/^(the|his|her|their|its|this|that|former|latter|new|top)$/.test(w));
      if (around.includes(head)) f.push(`a=${a}|headNear`);
      if (modifiers.length > 0 && modifiers.every((w) => around.includes(w))) f.push(`a=${a}|modNear`);
    }
    out.push({ name: { start: m.start, end: m.end, text: m.text }, features: f });
  }
  if (rulePick && pickKey !== undefined && !groups.has(pickKey)) {
    // A name the rules found in the tokens (the recogniser missed it).
    out.push({ name: rulePick, features: [`a=${a}`, `a=${a}|rule`, `a=${a}|ruleOnly`] });
  }
  out.push({ features: [`a=${a}|none`, `a=${a}|none|rule=${rulePick !== undefined}`] });
  return out;
}

/** How many mentions of the surname `key` end before `offset` in the whole document (binary search). */
function mentionsBefore(doc: Doc, key: string, offset: number): number {
  let index = doc.surnameMentions;
  if (!index) {
    const built = new Map<string, number[]>();
    for (const m of doc.persons) {
      const k = surname(m.text);
      let list = built.get(k);
      if (!list) built.set(k, (list = []));
      list.push(m.end);
    }
    index = doc.surnameMentions = built;
  }
  const ends = index.get(key);
  if (!ends) return 0;
  return lowerBound(ends.length, (i) => ends[i] > offset);
}

/** Organisation mentions ending before `offset`, in document order. */
function organizations(doc: Doc, offset: number): EntityMention[] {
  const list = doc.entities;
  const out: EntityMention[] = [];
  for (let k = lowerBound(list.length, (i) => list[i].end >= offset - WINDOW_CHARS); k < list.length && list[k].end <= offset; k++) if (list[k].type === 'organization') out.push(list[k]);
  return out;
}
