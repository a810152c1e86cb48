/**
 * One name, one type in an article: after the other passes, every mention of a name the tagger gave two types of actor
 * takes the type most of its mentions have (`Politico` an organisation, not also a place after `according to`). The
 * last pass, so it votes on the names and types the others left.
 */

import type { NameLexicon } from '../nameLexicon';
import { ACTOR_TYPES, type Sentence } from '../types';
import { keyOf, namesPlaceFeature, type Work } from './work';

/**
 * One name, one type in an article ("one sense per discourse"): where the tagger gave the same name two
 * types of actor (`Politico` an organisation in one sentence, a place after `according to`; `Facebook`, `Planned
 * Parenthood`), every mention takes the type most of them have, so the article has one actor, not two. A tie
 * goes the way the name says when its lists or its head noun do (`Greenpeace`, `Polk County`), and else leaves the
 * mentions as they are: there is no evidence which is right, and a name may be two things (`Cleveland` the city and
 * the team). A place the text names as one (`the Amazon rainforest`: `namesPlaceFeature`) stays a place, and votes
 * unless the article describes a body of that name (`describedBodies`, from `describedNames.ts`).
 */
export function oneTypePerName(text: string, sentences: readonly Sentence[], work: readonly Work[], lexicon: NameLexicon, describedBodies: ReadonlySet<string> = NO_NAMES): void {
  const votes = new Map<string, { person: number; organization: number; location: number }>();
  const names: (string | undefined)[] = [];
  let mixed = false;
  for (const item of work) {
    let name: string | undefined;
    const tokens = sentences[item.sentence].tokens;
    // A place the text names as one (`the Amazon rainforest`) votes for its name as a place, unless the article says
    // the name is a body's (`the retailer Amazon`): there it stays a place and leaves the body's mentions alone.
    const placeOfABody = item.type === 'location' && namesPlaceFeature(tokens, item.last) && describedBodies.size > 0 && describedBodies.has(keyOf(sentences, item));
    if (!item.dropped && item.first < item.last && ACTOR_TYPES.has(item.type) && !placeOfABody) {
      name = text.slice(tokens[item.first].start, tokens[item.last - 1].end);
      let count = votes.get(name);
      if (!count) votes.set(name, (count = { person: 0, organization: 0, location: 0 }));
      else if (count[item.type as ActorType] === 0) mixed = true;
      count[item.type as ActorType]++;
    }
    names.push(name);
  }
  if (!mixed) return;
  // The vote is final: each name's outcome is read once (undefined where a tie leaves its mentions as they are).
  const outcomes = new Map<string, ActorType | undefined>();
  const outcomeOf = (name: string): ActorType | undefined => {
    const count = votes.get(name)!;
    const best = VOTED_TYPES.reduce((a, b) => (count[b] > count[a] ? b : a));
    const tied = VOTED_TYPES.filter((type) => count[type] === count[best]);
    if (tied.length === 1) return best;
    // A tie the name itself decides: a name the lists know only as an organisation (`Greenpeace`, `MSNBC`), or a
    // head noun of one kind (`Polk County`, `Fifth Avenue`, `Capitol Hill`).
    const kind = lexicon.isListedOrganisation(name) ? 'organization' : nameHeadKind(name, lexicon);
    return kind !== undefined && tied.includes(kind) ? kind : undefined;
  };
  work.forEach((item, i) => {
    const name = names[i];
    if (name === undefined) return;
    let outcome = outcomes.get(name);
    if (outcome === undefined && !outcomes.has(name)) outcomes.set(name, (outcome = outcomeOf(name)));
    // A place the text names as one (`the Amazon rainforest` beside `the retailer Amazon`) stays a place.
    if (outcome !== undefined && !(item.type === 'location' && namesPlaceFeature(sentences[item.sentence].tokens, item.last))) item.type = outcome;
  });
}

/** The kind of name a name's last word heads, when it is an organisation's or a place's (`County` → location). */
function nameHeadKind(name: string, lexicon: NameLexicon): 'organization' | 'location' | undefined {
  const space = name.lastIndexOf(' ');
  if (space < 0) return undefined;
  const kind = lexicon.headOf(name.slice(space + 1))?.kind;
  return kind === 'organization' || kind === 'location' ? kind : undefined;
}

/** The types an actor may have, in the order a vote between them reads them. */
const VOTED_TYPES = ['person', 'organization', 'location'] as const;
type ActorType = (typeof VOTED_TYPES)[number];

/** No name described as a body. */
const NO_NAMES: ReadonlySet<string> = new Set();
