/**
 * Shallow noun-phrase chunking over the token view: the phrase ending at a token (read leftwards), the phrase
 * starting at a token (read rightwards), the subject of a verb (over appositives, party labels and relative
 * clauses), the subject of a sentence (past datelines and introductory phrases), and what kind of speaker a
 * phrase names (person, organisation, group, unknown).
 */
import { type Doc, type NounPhrase, hasCapital, headLower, isCapitalized, isCue, isPunct, isSentenceEnd, onlyDeterminers, overlapsEntity, personStartingAt, prevOutside, sentenceEndFrom, tokenAt, verbLike, stripPossessive } from './document';
import { lowerBound } from '../search';
import { DETERMINERS, GROUP_PRONOUNS, IRREGULAR_PAST, MONTHS, NOUN_VERBS, NP_STOP, PERSON_PRONOUNS, SUBJECT_PRONOUNS, SUBORDINATORS, TIME_WORDS, VERB_PREFIX, isLyAdverb } from './words';
import type { Attribution } from '../types';

/** True for a token that can be part of a noun phrase. */
export function npToken(doc: Doc, i: number): boolean {
  const t = doc.tokens[i].text;
  const l = doc.lower[i];
  if (doc.inQuote[i]) return false;
  // The dot of an initial ("George W. Bush", "Harry M. Reid").
  if (t === '.' && i > 0 && doc.tokens[i - 1].text.length === 1 && isCapitalized(doc.tokens[i - 1].text) && doc.tokens[i - 1].end === doc.tokens[i].start && i + 1 < doc.tokens.length && isCapitalized(doc.tokens[i + 1].text)) return true;
  if (l === "'s" || l === '’s') return true;
  // The possessive mark of a plural, glued to it, before a word: `the teachers’ union said`.
  if ((t === '’' || t === "'") && i > 0 && i + 1 < doc.tokens.length && isPluralPossessor(doc, i - 1) && doc.tokens[i + 1].start > doc.tokens[i].end && /^\p{Ll}/u.test(doc.tokens[i + 1].text)) return true;
  if (isPunct(t)) return t === '.' ? false : t === '&';
  if (/^\p{N}/u.test(t)) return true;
  if (isCapitalized(t)) {
    // After a determiner or `of` a capitalised word is a name's or a modifier's, whatever else it may be: `a State
    // Department official`, `Secretary of State`, `a Wednesday editorial`.
    if (i > 0 && (DETERMINERS.has(doc.lower[i - 1]) || doc.lower[i - 1] === 'of') && !doc.inQuote[i - 1] && !DETERMINERS.has(l)) return true;
    // Sentence-initial function words ("But Kelly") are not part of a name; "Will" and "May" may be names.
    if (NP_STOP.has(l) && l !== 'will' && l !== 'may' && !DETERMINERS.has(l)) return false;
    // A capitalised speech verb at the start of a sentence ("Said Lavrov") is still a verb; not inside a name the
    // recogniser found (`Ohio State University`), nor where it reads a person's name from it on (`Trump campaign
    // spokeswoman Hope Hicks said`).
    return !(doc.verbs.has(l) && !DETERMINERS.has(l)) || l === 'post' || l === 'report' || startsPersonName(doc, i) || insideName(doc, i);
  }
  if (DETERMINERS.has(l)) return true;
  if (NP_STOP.has(l) || SUBJECT_PRONOUNS.has(l)) return false;
  if (doc.verbs.has(l)) return afterArticle(doc, i) || nounBeforeHead(doc, i, doc.tokens.length);
  if (isLyAdverb(l)) return false;
  return true;
}

/**
 * Articles and possessives, after which a word that may be a verb is a noun (`according to the report`, `his
 * statement said`). Not the quantifiers and demonstratives, which stand alone as subjects (`many say`, `this says`),
 * nor `her`, an object as often (`heard her say`).
 */
const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'their', 'its', 'our', 'my', 'your']);

/** Prepositions that tie a person to a place (`a voter from Ames, Iowa`); `of` joins the phrase itself. */
const PLACE_LINKS = new Set(['in', 'from', 'at']);

/** True when token `i` follows an article or a possessive outside quotation marks. */
function afterArticle(doc: Doc, i: number): boolean {
  return i > 0 && NOUN_DETERMINERS.has(doc.lower[i - 1]) && !doc.inQuote[i - 1];
}

/** True for a lower-case word in -s that a possessive mark follows, glued to it (`teachers’`, `workers'`). */
function isPluralPossessor(doc: Doc, i: number): boolean {
  const w = doc.tokens[i];
  return w.end === doc.tokens[i + 1].start && w.text.length > 3 && w.text.endsWith('s') && /^\p{Ll}+$/u.test(w.text) && !doc.inQuote[i];
}

/** Noun phrase ending at token `end` (inclusive), read leftwards. */
export function npLeftOf(doc: Doc, end: number, lowest: number): NounPhrase | undefined {
  if (end < lowest || end < 0) return undefined;
  const l = doc.lower[end];
  if (doc.inQuote[end]) return undefined;
  if (SUBJECT_PRONOUNS.has(l)) return { from: end, to: end + 1 };
  if (!npToken(doc, end) || DETERMINERS.has(l)) return undefined;
  let from = end;
  while (from - 1 >= lowest && end - from < 9) {
    const j = from - 1;
    const lj = doc.lower[j];
    if (DETERMINERS.has(lj)) {
      // "the two sides": a run of determiners starts the phrase.
      from = j;
      while (from - 1 >= lowest && DETERMINERS.has(doc.lower[from - 1]) && !doc.inQuote[from - 1]) from--;
      break;
    }
    // "the leader of the group", "spokesman for the campaign": keep the link when a name-ish word precedes.
    if ((lj === 'of' || lj === 'for') && j - 1 >= lowest && npToken(doc, j - 1) && from < end + 1) {
      from = j;
      continue;
    }
    if (lj === 'and' && j - 1 >= lowest && isCapitalized(doc.tokens[j - 1].text) && isCapitalized(doc.tokens[from].text)) {
      from = j;
      continue;
    }
    if (!npToken(doc, j)) break;
    from = j;
  }
  // Do not start with a link word.
  while (from < end && (doc.lower[from] === 'of' || doc.lower[from] === 'for' || doc.lower[from] === 'and')) from++;
  // A phrase of only lower-case words longer than four tokens is more likely a clause than a subject.
  if (end - from > 4 && !hasCapital(doc, from, end + 1) && !DETERMINERS.has(doc.lower[from])) from = end - 1;
  return { from, to: end + 1 };
}

export function leadsToHead(doc: Doc, i: number, limit: number): boolean {
  if (doc.lower[i] === "'s" || doc.lower[i] === '’s') return true; // "Twitter's Adam Sharp"
  for (let k = i; k < Math.min(limit, i + 3); k++) {
    const l = doc.lower[k];
    // A determiner starts another phrase: "Martin Andanar released a statement" is a name and its verb.
    if (DETERMINERS.has(l)) return false;
    if (doc.lex.personHeads.has(l) || doc.lex.organizationHeads.has(l) || doc.lex.groupHeads.has(l) || doc.lex.documentHeads.has(l)) return true;
    // Their plurals too: `the Koch brothers said`, `Clinton campaign aides said`.
    if (isPluralHead(doc, k)) return true;
    // A name the words before it modify (`Clinton ally James Carville`, `Montclair State University political
    // scientist Brigid Harrison`): the phrase goes on to the person it names, past words that are no verb forms
    // (`Sanders beat Clinton`, `Trump won Iowa` stop at the verb).
    if (k > i && startsPersonName(doc, k)) {
      for (let j = i; j < k; j++) if (verbLike(doc, j) || doc.lower[j].endsWith('ing')) return false;
      return true;
    }
    if (!npToken(doc, k) || isCapitalized(doc.tokens[k].text)) return false;
  }
  return false;
}

/** True when token `i` is inside a mention of the recogniser that starts before it (`State` of `Ohio State University`). */
function insideName(doc: Doc, i: number): boolean {
  const m = overlapsEntity(doc, i, i + 1, 'person') ?? overlapsEntity(doc, i, i + 1, 'organization') ?? overlapsEntity(doc, i, i + 1, 'location');
  return m !== undefined && m.start < doc.tokens[i].start;
}

/** True when a capitalised token `i` starts a person mention of the recogniser that goes on past it (`Hope Hicks`). */
function startsPersonName(doc: Doc, i: number): boolean {
  if (!isCapitalized(doc.tokens[i].text) || i + 1 >= doc.tokens.length) return false;
  const m = personStartingAt(doc, i);
  return m !== undefined && m.end > doc.tokens[i].end;
}

/** Noun phrase starting at token `start`, read rightwards, not beyond `limit` (exclusive). */
export function npRightOf(doc: Doc, start: number, limit: number): NounPhrase | undefined {
  if (start >= limit) return undefined;
  const l = doc.lower[start];
  if (doc.inQuote[start]) return undefined;
  if (SUBJECT_PRONOUNS.has(l)) return { from: start, to: start + 1 };
  if (!npToken(doc, start)) return undefined;
  let to = start + 1;
  while (to < limit && to - start < 10) {
    const lt = doc.lower[to];
    if ((lt === 'of' || lt === 'for') && to + 1 < limit && npToken(doc, to + 1) && (DETERMINERS.has(doc.lower[to + 1]) || isCapitalized(doc.tokens[to + 1].text))) {
      // "Mr. Morgan of the Sierra Club": the link word and the determiners after it belong to the phrase.
      to++;
      while (to + 1 < limit && DETERMINERS.has(doc.lower[to]) && npToken(doc, to + 1)) to++;
      continue;
    }
    // "chief of staff", "secretary of state", "director of communications": a role's complement.
    // A complement that is also a speech verb is one when a name follows it (`said former secretary of state
    // Hillary Clinton`: `state`).
    if (lt === 'of' && to + 1 < limit && (doc.lex.personHeads.has(doc.lower[to - 1]) || doc.lex.titleForms.has(doc.lower[to - 1])) && ((npToken(doc, to + 1) && !doc.verbs.has(doc.lower[to + 1])) || (doc.verbs.has(doc.lower[to + 1]) && !isCapitalized(doc.tokens[to + 1].text) && !doc.inQuote[to + 1] && to + 2 < limit && isCapitalized(doc.tokens[to + 2].text) && npToken(doc, to + 2)))) {
      to += 2;
      continue;
    }
    if (lt === 'and' && to + 1 < limit && isCapitalized(doc.tokens[to + 1].text) && isCapitalized(doc.tokens[to - 1].text) && !doc.verbs.has(doc.lower[to + 1])) {
      to++;
      continue;
    }
    // "the Florida senator and Republican presidential candidate": two roles of one person (no determiner after
    // "and"; "the senator and the governor" are two people).
    if (lt === 'and' && to + 1 < limit && doc.lex.personHeads.has(doc.lower[to - 1]) && !DETERMINERS.has(doc.lower[to + 1]) && npToken(doc, to + 1)) {
      let r = to + 1;
      while (r < limit && r < to + 5 && npToken(doc, r) && !doc.lex.personHeads.has(doc.lower[r])) r++;
      if (r < limit && doc.lex.personHeads.has(doc.lower[r])) {
        to = r + 1;
        continue;
      }
    }
    // "the recently released playbook", "a newly formed group": a word in -ly between the determiners and the lower-case
    // words it modifies belongs to the phrase (an adverb, or a noun such as `family` of `the family spokesman`).
    if (isLyAdverb(lt) && onlyDeterminers(doc, start, to) && to + 1 < limit && npToken(doc, to + 1) && /^\p{Ll}/u.test(doc.tokens[to + 1].text) && !DETERMINERS.has(doc.lower[to + 1])) {
      to++;
      continue;
    }
    // A determiner after the head starts a new phrase ("said Lavrov the …"); "the two sides" stays whole.
    if (!npToken(doc, to) || (DETERMINERS.has(lt) && lt !== 'both' && !onlyDeterminers(doc, start, to))) break;
    // After a name, a lower-case word is a verb ("Trump shot back") unless a nominal head follows within two
    // words ("the Senate minority leader").
    if (!isCapitalized(doc.tokens[to].text) && isCapitalized(doc.tokens[to - 1].text) && !/^\p{N}/u.test(doc.tokens[to].text) && !leadsToHead(doc, to, limit)) break;
    // A capitalised day name or month after a name ends the phrase ("said Lavrov Monday"); after a determiner
    // it modifies the head ("a Wednesday editorial").
    if (NP_STOP.has(lt) && !(isCapitalized(doc.tokens[to].text) && onlyDeterminers(doc, start, to))) break;
    // After a lower-case head a verb form starts the predicate ("The Florida senator sought …", "The email goes"),
    // unless a singular head is followed by a bare noun that is also a verb and leads on to another head: a
    // modifier ("conservative talk radio host Rush Limbaugh"; a singular subject would take "talks").
    // The plural of a head, or a plural head (`journalists`), before a clear verb: a past tense or a speech verb
    // (`Cruz’s lawyers relied on …`, `the lawyers say`); a word in -s after it is as likely a noun of a compound (`the
    // workers rights group`, `the journalists rights group`).
    const pluralHead = isPluralHead(doc, to - 1) || (isPhraseHead(doc, to - 1) && /[^s]s$/.test(doc.lower[to - 1]));
    if (!pluralHead && isPhraseHead(doc, to - 1) && !isPhraseHead(doc, to) && !isCapitalized(doc.tokens[to].text) && verbLike(doc, to) && !nounBeforeHead(doc, to, limit)) break;
    // An adverb of the predicate or a verb form not in -s ends it too (`the officials never tired`, `the voters often
    // say`, `the students walked`).
    if (pluralHead && !isPhraseHead(doc, to) && !isCapitalized(doc.tokens[to].text) && (clearVerb(doc, to) || VERB_PREFIX.has(lt) || (verbLike(doc, to) && !/[^s]s$/.test(lt)))) break;
    to++;
  }
  // An article or a possessive alone names no one (`according to the “Medicare for all” document`: the phrase goes on
  // past a quotation); a quantifier alone is a pronoun (`many say`, `tweeted another`).
  return to === start + 1 && NOUN_DETERMINERS.has(l) ? undefined : { from: start, to };
}

/**
 * True when token `i`, a speech verb that is also a noun, is a modifier in a noun phrase: its bare form, after a word
 * that no verb could follow in that form (not a plural, a pronoun, an auxiliary or `to`), leading on to a head
 * (`talk` of `conservative talk radio host Rush Limbaugh`, `a talk show host`; `they talk`, `will talk` stay verbs).
 */
function nounBeforeHead(doc: Doc, i: number, limit: number): boolean {
  const l = doc.lower[i];
  if (i === 0 || !NOUN_VERBS.has(l) || l.endsWith('s') || l.endsWith('ed') || doc.inQuote[i - 1]) return false;
  const before = doc.lower[i - 1];
  if (before.endsWith('s') || isPunct(doc.tokens[i - 1].text) || SUBJECT_PRONOUNS.has(before) || VERB_PREFIX.has(before) || (NP_STOP.has(before) && !DETERMINERS.has(before))) return false;
  return leadsToHead(doc, i + 1, limit);
}

/** True for a lower-case word heading a person, organisation, group or document phrase (`senator`, `email`). */
function isPhraseHead(doc: Doc, i: number): boolean {
  const l = doc.lower[i];
  const lex = doc.lex;
  return !isCapitalized(doc.tokens[i].text) && (lex.personHeads.has(l) || lex.organizationHeads.has(l) || lex.groupHeads.has(l) || lex.documentHeads.has(l));
}

/** True for the plural of a lower-case person, organisation or document head (`lawyers`, `groups`' kin `agencies`, `memos`). */
function isPluralHead(doc: Doc, i: number): boolean {
  const l = doc.lower[i];
  if (l.length < 4 || !l.endsWith('s') || isCapitalized(doc.tokens[i].text)) return false;
  const one = l.slice(0, -1);
  const lex = doc.lex;
  return lex.personHeads.has(one) || lex.organizationHeads.has(one) || lex.documentHeads.has(one);
}

/** True for a word that can only be a verb after a noun: a past tense (`relied`, `granted`, `told`) or a speech verb (`say`). */
function clearVerb(doc: Doc, i: number): boolean {
  const l = doc.lower[i];
  return doc.verbs.has(l) || (l.endsWith('ed') && l.length > 4) || IRREGULAR_PAST.has(l);
}

/** Skips auxiliaries and adverbs leftwards from `i` (inclusive); returns the new index. */
export function skipVerbPrefixLeft(doc: Doc, i: number, lowest: number): number {
  for (;;) {
    if (i < lowest) return i;
    const l = doc.lower[i];
    if (VERB_PREFIX.has(l) || (isLyAdverb(l) && !isCapitalized(doc.tokens[i].text))) {
      i--;
    } else if ((l === "'s" || l === '’s') && i - 1 >= lowest && SUBJECT_PRONOUNS.has(doc.lower[i - 1])) {
      i--; // "he's said": the clitic is "has"
    } else if (TIME_WORDS.has(l)) {
      // "Trump on Friday described", "Lavrov last week said"
      i--;
      while (i >= lowest && /^(on|last|this|next|early|late|earlier|later)$/.test(doc.lower[i])) i--;
    } else {
      return i;
    }
  }
}

/**
 * The noun phrase with the description before it that the phrase is the owner of: `A senior aide to Mike Pence`,
 * `Another source familiar with Cruz's thinking`, `A representative for the Ivanka Trump brand` (the chunker read
 * leftwards from the verb and stopped at the link: the name was the speaker). Unchanged unless a link (`to`, `for`,
 * `of`, or `with` after `familiar`, `to` after `close`) and a lower-case person or title word stand before it.
 */
function withOwnedDescriptionBefore(doc: Doc, np: NounPhrase, lowest: number): NounPhrase {
  const link = np.from - 1;
  if (link - 1 < lowest || doc.inQuote[link]) return np;
  const l = doc.lower[link];
  let head = link - 1;
  if ((l === 'to' && doc.lower[head] === 'close') || (l === 'with' && doc.lower[head] === 'familiar')) head--;
  else if (!OWNER_LINKS.has(l)) return np;
  if (head < lowest || isCapitalized(doc.tokens[head].text) || !(doc.lex.personHeads.has(doc.lower[head]) || doc.lex.titleForms.has(doc.lower[head]))) return np;
  const description = npLeftOf(doc, head, lowest);
  return description ? { from: description.from, to: np.to } : np;
}

/** Subject of the verb at token `v`: the noun phrase before it, passing over an appositive between commas. */
export function subjectOf(doc: Doc, v: number, lowest: number): NounPhrase | undefined {
  const np = subjectPhrase(doc, v, lowest);
  return np ? withOwnedDescriptionBefore(doc, np, lowest) : undefined;
}

function subjectPhrase(doc: Doc, v: number, lowest: number): NounPhrase | undefined {
  let j = skipVerbPrefixLeft(doc, v - 1, lowest);
  if (j < lowest) return undefined;
  if (doc.tokens[j].text === ')') {
    // "Harry M. Reid (D-Nev.) told reporters"
    let k = j - 1;
    while (k > lowest && k > j - 8 && doc.tokens[k].text !== '(') k--;
    // (A bracket that is the text's first token has nothing before it: `) said “…”`.)
    if (k >= lowest && doc.tokens[k].text === '(' && k - 1 >= lowest) j = k - 1;
  }
  // "critics who say …": the relative pronoun stands for the phrase before it.
  if ((doc.lower[j] === 'who' || doc.lower[j] === 'which') && j - 1 >= lowest) {
    let h = j - 1;
    if (doc.tokens[h].text === ',') h--;
    return h >= lowest ? npLeftOf(doc, h, lowest) : undefined;
  }
  if (doc.tokens[j].text === ',') {
    // "Lavrov, the foreign minister, said" / "Trump, who …, said": the subject precedes the first comma.
    let k = j - 1;
    while (k >= lowest && j - k < 20 && doc.tokens[k].text !== ',' && !isSentenceEnd(doc, k) && !doc.inQuote[k]) k--;
    if (k >= lowest && doc.tokens[k].text === ',' && k - 1 >= lowest) {
      let h = k - 1;
      if (doc.tokens[h].text === ')') {
        // "Rep. Zoe Lofgren (D-Calif.), who …, said"
        while (h > lowest && h > k - 8 && doc.tokens[h].text !== '(') h--;
        if (doc.tokens[h].text === '(') h--;
        else h = k - 1;
      }
      const np = h >= lowest ? npLeftOf(doc, h, lowest) : undefined;
      // "Her campaign manager, Robby Mook, suggested": the name in the appositive is the better mention.
      if (np && !hasCapital(doc, np.from, np.to) && j - k - 1 <= 4 && j - k - 1 >= 1 && isCapitalized(doc.tokens[k + 1].text)) {
        const name = npRightOf(doc, k + 1, j);
        if (name && name.to === j && hasCapital(doc, name.from, name.to)) return name;
      }
      // "The presumptive GOP presidential nominee, Donald Trump, tweeted": also after a description with capitals.
      const apposed = np && np.to === k ? apposedName(doc, np, j + 1) : undefined;
      if (apposed && apposed.to === j) return apposed;
      // "…, Gov. John Kasich (R-OH), said": a named person between the commas is the subject when the phrase
      // before them is not one ("after winning Ohio in the primary, Gov. John Kasich (R-OH), said").
      if (np && speakerKind(doc, np) !== 'person' && k + 1 < j && isCapitalized(doc.tokens[k + 1].text)) {
        let e = j;
        if (doc.tokens[e - 1].text === ')') {
          let o = e - 1;
          while (o > k + 1 && o > e - 8 && doc.tokens[o].text !== '(') o--;
          if (doc.tokens[o].text === '(') e = o;
        }
        const name = npRightOf(doc, k + 1, e);
        if (name && name.to === e && speakerKind(doc, name) === 'person' && isCapitalized(doc.tokens[e - 1].text)) return name;
      }
      // "Clinton, during a town hall meeting in Columbus, Ohio, said": a place (or a time) before the comma is
      // part of the inserted phrase; the subject precedes an earlier comma.
      if (np && (overlapsEntity(doc, np.from, np.to, 'location') || TIME_WORDS.has(headLower(doc, np)))) {
        // "a woman in Worcester, Massachusetts, told him": the place says where the person before it is from.
        const placed = speakerBeforePlace(doc, np.from, lowest, PLACE_LINKS);
        if (placed && isClauseInitial(doc, placed, lowest)) return placed;
        let c = np.from - 1;
        for (let n = 0; c >= lowest && n < 2; n++) {
          while (c >= lowest && k - c < 30 && doc.tokens[c].text !== ',' && !isSentenceEnd(doc, c) && !doc.inQuote[c]) c--;
          if (c < lowest || doc.tokens[c].text !== ',' || c - 1 < lowest) break;
          const outer = npLeftOf(doc, c - 1, lowest);
          if (outer && (speakerKind(doc, outer) === 'person' || speakerKind(doc, outer) === 'organization') && !overlapsEntity(doc, outer.from, outer.to, 'location')) {
            // Only a clause-initial phrase: "Clinton, during …", not "… told Clinton, in Ohio, …".
            if (isClauseInitial(doc, outer, lowest)) return outer;
            break;
          }
          c--;
        }
      }
      if (np && isSpeakerLike(doc, np)) return np;
    }
    return undefined;
  }
  const np = npLeftOf(doc, j, lowest);
  // "Stacy Baker of Columbia, South Carolina says": a state after a comma ends the place of the person before it.
  const placed = np ? personBeforeCityAndState(doc, np, lowest) : undefined;
  if (placed) return placed;
  // "Trump in his announcement speech called …": the phrase is a complement; the subject precedes it.
  if (np && np.from - 1 > lowest && /^(in|during|at|on|with|after|before|over|via|through|from)$/.test(doc.lower[np.from - 1]) && !hasCapital(doc, np.from, np.to)) {
    const outer = npLeftOf(doc, np.from - 2, lowest);
    if (outer && isSpeakerLike(doc, outer) && doc.lower[outer.from] !== 'it') return outer;
  }
  // "Another intelligence source speaking to Fox News said", "a White House official who spoke anonymously to
  // discuss internal strategy said": a reduced or relative clause stands between the subject and the verb.
  if (np && np.from - 1 > lowest && /^(to|with)$/.test(doc.lower[np.from - 1])) {
    for (let k = np.from - 2; k > lowest && k > np.from - 16 && !isSentenceEnd(doc, k) && !doc.inQuote[k]; k--) {
      const l = doc.lower[k];
      if ((l === 'who' || (l.endsWith('ing') && l.length > 4 && !isCapitalized(doc.tokens[k].text))) && npToken(doc, k - 1)) {
        const outer = npLeftOf(doc, k - 1, lowest);
        if (outer && speakerKind(doc, outer) !== 'unknown') return outer;
        break;
      }
    }
  }
  return np;
}

/**
 * The speaker before a {@link CITY_LINKS} word and a city whose state follows after a comma, right before the
 * verb (`Stacy Baker of Columbia, South Carolina says`, `Voters in Columbia, South Carolina say`): the subject, where
 * the state alone had been read as one.
 */
function personBeforeCityAndState(doc: Doc, state: NounPhrase, lowest: number): NounPhrase | undefined {
  const comma = state.from - 1;
  if (comma - 1 < lowest || doc.tokens[comma].text !== ',') return undefined;
  // The phrase is the state and nothing more: `Iowa Gov. Terry Branstad` after `in Des Moines,` is the subject.
  const place = overlapsEntity(doc, state.from, state.to, 'location');
  if (!place || place.start !== doc.tokens[state.from].start || place.end !== doc.tokens[state.to - 1].end) return undefined;
  const city = overlapsEntity(doc, comma - 1, comma, 'location');
  if (!city) return undefined;
  const person = speakerBeforePlace(doc, tokenAt(doc, city.start), lowest, CITY_LINKS);
  // Only a phrase that opens its clause: in `After campaigning with Trump in Des Moines, Iowa …` Trump is an object.
  return person && isClauseInitial(doc, person, lowest) ? person : undefined;
}

/** {@link PLACE_LINKS} and `of`, which joins a person to a city (`Stacy Baker of Columbia`). */
const CITY_LINKS = new Set([...PLACE_LINKS, 'of']);

/**
 * The speaker-like phrase (no place) right before one of `links` and the place starting at token `place` (`a woman in`
 * Worcester, `Stacy Baker of` Columbia); undefined when there is none.
 */
function speakerBeforePlace(doc: Doc, place: number, lowest: number, links: ReadonlySet<string>): NounPhrase | undefined {
  const link = place - 1;
  if (link - 1 < lowest || !links.has(doc.lower[link])) return undefined;
  const speaker = npLeftOf(doc, link - 1, lowest);
  return speaker && speakerKind(doc, speaker) !== 'unknown' && !overlapsEntity(doc, speaker.from, speaker.to, 'location') ? speaker : undefined;
}

/**
 * True when the phrase opens its clause: at the start of the window or the sentence, after punctuation or a conjunction
 * (`Clinton, during …, said`, `after a woman in Worcester, Massachusetts, told`; not `… with Bernie Sanders in
 * Portsmouth, New Hampshire, said`, a preposition's object).
 */
function isClauseInitial(doc: Doc, np: NounPhrase, lowest: number): boolean {
  const before = np.from - 1;
  return before < lowest || isSentenceEnd(doc, before) || isPunct(doc.tokens[before].text) || CLAUSE_CONJUNCTIONS.has(doc.lower[before]);
}

/** Conjunctions after which a noun phrase is a clause's subject (`after a woman … told him`). */
const CLAUSE_CONJUNCTIONS = new Set(['and', 'but', 'as', 'while', 'when', 'that', 'after', 'before', 'because', 'since', 'until', 'although', 'though', 'if', 'once']);

/** True when the phrase ends in a lower-case word for a person or a title (`the bureau's director`, `founder`). */
function endsInPersonWord(doc: Doc, np: NounPhrase): boolean {
  const last = np.to - 1;
  return !isCapitalized(doc.tokens[last].text) && (doc.lex.personHeads.has(doc.lower[last]) || doc.lex.titleForms.has(doc.lower[last]));
}

/**
 * True when the phrase says whose the person is inside it (`a spokesman for the governor`, `the wife of the late
 * senator`): a link and a determiner or a capital after a word; a name apposed to it is the owner's, not the
 * speaker's. A role's own complement (`the secretary of state`) is no owner.
 */
function hasOwnerInside(doc: Doc, np: NounPhrase): boolean {
  for (let i = np.from + 1; i + 1 < np.to; i++) {
    if (OWNER_LINKS.has(doc.lower[i]) && (DETERMINERS.has(doc.lower[i + 1]) || isCapitalized(doc.tokens[i + 1].text))) return true;
  }
  return false;
}

/**
 * The person's name in apposition to a description of them, `the bureau's director, James B. Comey,` or `his wife,
 * Gabriela Violeta Lazar, wrote`: the better mention (as {@link subjectOf} takes it before a verb). Left alone, the
 * description was resolved to whoever the article named last (`the presumptive GOP presidential nominee` to Obama,
 * with Donald Trump apposed). Undefined unless `np` ends in a lower-case person or title word, says no owner inside it
 * (`a spokesman for the governor, Greg Abbott,`: Abbott is the governor) and a comma follows, then a name the
 * recogniser typed a person, closed by a comma, a bracket or `stop`.
 */
export function apposedName(doc: Doc, np: NounPhrase, stop: number): NounPhrase | undefined {
  const comma = np.to;
  if (comma + 1 >= stop || doc.tokens[comma].text !== ',' || !isCapitalized(doc.tokens[comma + 1].text)) return undefined;
  if (!endsInPersonWord(doc, np) || hasOwnerInside(doc, np)) return undefined;
  const name = npRightOf(doc, comma + 1, stop);
  if (!name || !isCapitalized(doc.tokens[name.to - 1].text) || !overlapsEntity(doc, name.from, name.to, 'person')) return undefined;
  return name.to >= stop || doc.tokens[name.to].text === ',' || doc.tokens[name.to].text === '(' ? name : undefined;
}

/**
 * The person's name that a description stands in apposition to, written before it: `said Geert Wilders, founder of
 * the right-wing Dutch Party for Freedom.`, `Rep. Elijah Cummings (D-Md.), chair of the Platform Committee, said`.
 * The description is the same person; given the quotation, it showed the role and no one (the ranker had picked it
 * over the name). Undefined unless `np` ends in a lower-case person or title word; the description, with its owner
 * phrase ({@link withOwnerPhrase}), is followed by a comma, a full stop or its sentence's end (a verb right after it
 * makes it a subject: `Clinton, a top aide said, “…”`); and right before it stand a comma and a name the recogniser
 * typed a person (with a bracket, `(D-Md.)`) that opens its clause: a name ending a phrase put first is no speaker
 * (`Asked about Clinton, a senior aide, who …, said`).
 */
export function nameBeforeApposition(doc: Doc, np: NounPhrase): NounPhrase | undefined {
  if (!endsInPersonWord(doc, np)) return undefined;
  const to = withOwnerPhrase(doc, np, sentenceEndFrom(doc, np.to)).to;
  const closed = to >= doc.tokens.length || doc.tokens[to].text === ',' || isSentenceEnd(doc, to);
  const comma = np.from - 1;
  if (!closed || comma < 1 || doc.tokens[comma].text !== ',' || doc.inQuote[comma - 1]) return undefined;
  let end = comma;
  if (doc.tokens[end - 1].text === ')') {
    let o = end - 2;
    while (o > 0 && o > end - 8 && doc.tokens[o].text !== '(') o--;
    if (o < 1 || doc.tokens[o].text !== '(') return undefined;
    end = o;
  }
  // The one person mention that ends at `end`.
  const persons = doc.persons;
  const endOffset = doc.tokens[end - 1].end;
  const k = lowerBound(persons.length, (i) => persons[i].end >= endOffset);
  if (k >= persons.length || persons[k].end !== endOffset) return undefined;
  let from = end - 1;
  while (from > 0 && doc.tokens[from - 1].start >= persons[k].start) from--;
  // Titles before the name belong to its clause's subject (`Rep. Elijah Cummings`, `Sen. Elizabeth Warren`).
  let opening = from;
  while (opening > 0 && isCapitalized(doc.tokens[opening - 1].text) && (doc.lex.titleOfForm.has(doc.lower[opening - 1].replace(/\.$/, '')) || doc.lex.vocabulary.isHonorific(doc.tokens[opening - 1].text))) opening--;
  return opensClause(doc, opening) ? { from, to: end } : undefined;
}

/**
 * True when token `i` starts its clause: the first of its paragraph or sentence, after a quotation (`“…,” Geert
 * Wilders, founder …, said`), or right after an inverted speech verb (`said Geert Wilders, founder of …`).
 */
function opensClause(doc: Doc, i: number): boolean {
  if (i === 0 || doc.para[i - 1] !== doc.para[i] || isSentenceEnd(doc, i - 1) || doc.inQuote[i - 1] || isCue(doc, i - 1)) return true;
  return doc.tokens[i - 1].text === ',' && i >= 2 && doc.inQuote[i - 2] === 1;
}

/** Links after a person word that say whose the person is (`an aide to`, `a spokesman for`, `the director of`). */
const OWNER_LINKS = new Set(['to', 'for', 'of']);

/**
 * A description of a person with the phrase after it that says whose the person is: `a longtime adviser to Trump`,
 * `a spokesman for committee Democrats`, `a strategist for one of these candidates`. The chunker stops before the
 * link, and a speaker named by no one else was shown as `a longtime adviser`. Only the links the actors read the
 * same way (`sourceHead.ts`: the names after them own the person, never speak): not `from` (`a staffer from Trump's
 * campaign` would be Trump's words there). `np` unchanged unless it ends in a lower-case person or title word and a
 * phrase that is no time or duration (`a spokesman for Monday`, `a prosecutor for 20 years`) follows the link before
 * `limit`.
 */
export function withOwnerPhrase(doc: Doc, np: NounPhrase, limit: number): NounPhrase {
  let to = np.to;
  if (!endsInPersonWord(doc, np) || to + 1 >= limit || !OWNER_LINKS.has(doc.lower[to])) return np;
  const owner = npRightOf(doc, to + 1, limit);
  if (!owner || isTimePhrase(doc, owner)) return np;
  to = owner.to;
  // "a strategist for one of these candidates"
  if (to + 1 < limit && doc.lower[to] === 'of') to = npRightOf(doc, to + 1, limit)?.to ?? to;
  // "executive director of the American Civil Liberties Union in Ohio": where the owner is.
  if (to + 1 < limit && doc.lower[to] === 'in' && overlapsEntity(doc, to + 1, to + 2, 'location')) to = npRightOf(doc, to + 1, limit)?.to ?? to;
  return { from: np.from, to };
}

/** A time or a duration (`Monday`, `years`, `20 years`, `the past decade`), not whose someone is. */
function isTimePhrase(doc: Doc, np: NounPhrase): boolean {
  const head = headLower(doc, np);
  const singular = head.endsWith('s') ? head.slice(0, -1) : head;
  return TIME_WORDS.has(head) || TIME_WORDS.has(singular) || singular === 'decade' || singular === 'hour' || /^\p{N}/u.test(doc.tokens[np.from].text) || overlapsEntity(doc, np.from, np.to, 'date') !== undefined;
}

/** Rough test that a noun phrase can be a speaker: a pronoun, a name, or a person/organisation/group head. */
export function isSpeakerLike(doc: Doc, np: NounPhrase): boolean {
  return speakerKind(doc, np) !== 'unknown' || hasCapital(doc, np.from, np.to) || doc.lex.documentHeads.has(headLower(doc, np));
}

export function speakerKind(doc: Doc, whole: NounPhrase): Attribution['sourceKind'] {
  // "Mr. Morgan of the Sierra Club", "a spokesman for the campaign": the phrase before the link is the head.
  let np = whole;
  for (let i = whole.from + 1; i < whole.to - 1; i++) {
    const l = doc.lower[i];
    if (l === 'of' || l === 'for' || l === 'at' || l === 'from') {
      if (doc.lex.personHeads.has(doc.lower[i - 1]) || (isCapitalized(doc.tokens[i - 1].text) && overlapsEntity(doc, i - 1, i, 'person'))) np = { from: whole.from, to: i };
      break;
    }
  }
  const first = doc.lower[np.from];
  if (np.to - np.from === 1 && PERSON_PRONOUNS.has(first)) return 'person';
  if (np.to - np.from === 1 && GROUP_PRONOUNS.has(first)) return 'group';
  const head = headLower(doc, np);
  for (let i = np.from; i < np.to; i++) {
    if (doc.lower[i] === 'and' && isCapitalized(doc.tokens[np.from].text)) return 'group';
  }
  if (doc.lex.groupHeads.has(head) || first === 'both') return 'group';
  // The entity recogniser knows names; the head word knows nominals ("the foreign minister").
  const endsWithName = isCapitalized(doc.tokens[np.to - 1].text);
  if (endsWithName && overlapsEntity(doc, np.to - 1, np.to, 'person')) return 'person';
  if (overlapsEntity(doc, np.from, np.to, 'organization')) return 'organization';
  if (doc.lex.organizationHeads.has(head)) return 'organization';
  if (doc.lex.personHeads.has(head)) return 'person';
  // A lower-case plural head is a group, whoever owns it (`Cruz’s lawyers`, `the Koch brothers`).
  if (head.endsWith('s') && !head.endsWith('ss') && !isCapitalized(doc.tokens[np.to - 1].text) && head.length > 3) return 'group';
  if (overlapsEntity(doc, np.from, np.to, 'person')) return 'person';
  // A name the recogniser missed: a known first name, or a surname seen with a first name or a title.
  if (endsWithName) {
    const words = doc.text.slice(doc.tokens[np.from].start, doc.tokens[np.to - 1].end).split(/\s+/);
    const last = stripPossessive(words[words.length - 1]);
    if (words.some((w) => doc.lex.firstNames.has(w)) || doc.surnameGender.has(last) || doc.titles.has(last)) return 'person';
  }
  return 'unknown';
}

/**
 * Subject of a verb coordinated with an earlier one ("Cruz knocked Rubio on trade and called him …",
 * "he supported Obama over Clinton and said …"): the nearest earlier subject–verb pair in the sentence.
 */
export function coordinatedSubject(doc: Doc, v: number, lowest: number): NounPhrase | undefined {
  if (v - 1 < lowest || doc.lower[v - 1] !== 'and') return undefined;
  // "Lazar said he welcomed extradition … and added, “…”": the speaker of an earlier speech verb first.
  for (let k = prevOutside(doc, v - 1), n = 0; k >= lowest && n < 40; k = prevOutside(doc, k), n++) {
    if (!isCue(doc, k) || doc.lower[k].endsWith('ing')) continue;
    const np = subjectOf(doc, k, lowest);
    if (np && speakerKind(doc, np) !== 'unknown' && !SUBJECT_PRONOUNS.has(doc.lower[np.from])) return np;
  }
  // "McConnell was quick to embrace the mogul after he clinched the nomination and said …": a pronoun that opens a
  // subordinate clause (`after he`) is that clause's subject; the verb after `and` goes on the main clause, whose
  // subject (a person) comes before it. A name there is the subject of both (`Ryan was stunned when Trump phoned him
  // and said`), and the pronoun stays the answer when the main clause has no person the chunker finds.
  let subordinate: NounPhrase | undefined;
  for (let k = v - 2, n = 0; k > lowest && n < 25; k = prevOutside(doc, k), n++) {
    if (!verbLike(doc, k)) continue;
    const j = skipVerbPrefixLeft(doc, k - 1, lowest);
    if (j < lowest) continue;
    const np = npLeftOf(doc, j, lowest);
    if (np && (speakerKind(doc, np) === 'person' || speakerKind(doc, np) === 'organization' || SUBJECT_PRONOUNS.has(doc.lower[np.from]))) {
      if (subordinate === undefined && np.to - np.from === 1 && SUBJECT_PRONOUNS.has(doc.lower[np.from]) && np.from - 1 >= lowest && SUBORDINATORS.has(doc.lower[np.from - 1])) {
        subordinate = np;
        k = np.from;
        continue;
      }
      return subordinate === undefined || speakerKind(doc, np) === 'person' ? np : subordinate;
    }
  }
  return subordinate;
}

/** Conjunctions that join a sentence to the one before (`But Obama …`, `And then …`). */
const SENTENCE_CONJUNCTIONS = new Set(['but', 'and', 'or', 'so', 'yet', 'nor']);

/**
 * The token after a dateline opening a sentence, or `start` when there is none: a place, a date after a comma, a
 * news agency in brackets, then a dash (`WASHINGTON, Dec. 8 (UPI) —`, `Washington (AFP) –`, `ST. LOUIS, Mo. (AP) —`,
 * `WASHINGTON —`), or a place in capitals and a comma (`MOSCOW, SANA-`). A place in ordinary case needs a known
 * agency (`ner/agencies.txt`) or the date: `Trump — who …`, `The Environmental Protection Agency (EPA) — long a
 * target … —` and `Sen. Ted Cruz (R-Texas) — …` open an aside, not a dateline.
 */
function afterDateline(doc: Doc, start: number, to: number): number {
  const text = (k: number): string => doc.tokens[k].text;
  let k = start;
  // In capitals: every word of the place (`ST. LOUIS`), not an initial of a name (`Michael J. Petrilli`).
  let capitals = true;
  while (k < to && k - start < 5 && (/^\p{Lu}/u.test(text(k)) || (k > start && text(k) === '.'))) {
    if (/\p{Ll}/u.test(text(k)) || /^\p{Lu}\.?$/u.test(text(k))) capitals = false;
    k++;
  }
  if (k === start || k >= to) return start;
  const placeEnd = k;
  let dated = false;
  if (text(k) === ',') {
    // After the comma: a state or a date (`Mo.`, `Dec. 8`), up to four tokens.
    let j = k + 1;
    while (j < to && j - k <= 4 && (/^\p{Lu}/u.test(text(j)) || text(j) === '.' || /^\d{1,2}$/.test(text(j)))) {
      if (j + 1 < to && MONTHS.test(doc.lower[j]) && /^\d{1,2}$/.test(text(j + 1))) dated = true;
      j++;
    }
    k = j;
  }
  let agency = false;
  if (k + 2 < to && text(k) === '(' && /^\p{Lu}/u.test(text(k + 1))) {
    let close = k + 2;
    while (close < to && close - k <= 3 && text(close) !== ')') close++;
    if (close < to && text(close) === ')') {
      agency = doc.lex.agencies.has(doc.lower.slice(k + 1, close).join(' '));
      k = close + 1;
    }
  }
  if (k < to && /^[—–-]$|^--$/.test(text(k)) && (capitals || agency || dated)) return k + 1;
  // "MOSCOW, Russian Foreign Minister …": a place in capitals and a comma.
  if (capitals && text(placeEnd) === ',') return placeEnd + 1;
  return start;
}

/**
 * Prepositions the chunker does not stop at (they can modify a noun: `the outside world`) that open an introductory
 * phrase at the head of a sentence (`Outside the sports arena …, about 200 protesters …`): capitalised there, the
 * word itself had been read as a name and the sentence's subject.
 */
const OPENING_PREPOSITIONS = new Set(['outside', 'inside', 'despite', 'beyond', 'across', 'behind', 'near', 'around', 'along', 'throughout', 'beside', 'besides', 'within', 'upon', 'unlike', 'toward', 'towards', 'between', 'following', 'amongst', 'underneath', 'beneath', 'atop']);

/** First noun phrase of a clause, skipping an introductory phrase that ends with a comma. */
export function sentenceSubject(doc: Doc, from: number, to: number): NounPhrase | undefined {
  let start = from;
  while (start < to && (isPunct(doc.tokens[start].text) || doc.inQuote[start])) start++;
  // A dateline ("WASHINGTON —", "MOSCOW, SANA-", "Washington (AFP) –") is not the subject.
  start = afterDateline(doc, start, to);
  while (start < to && isPunct(doc.tokens[start].text)) start++;
  // "At a news conference in Geneva, Kerry said …", "On Thursday, after remaining neutral …, Warren
  // appeared …": skip introductory phrases, each ending with a comma.
  for (let intro = 0; intro < 3; intro++) {
    // "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton …": after a phrase ending in a place, the state after
    // the comma ends that place (not so a list of places after `On Monday,`).
    if (intro > 0 && start - 2 >= from && start < to && overlapsEntity(doc, start - 2, start - 1, 'location')) {
      const place = overlapsEntity(doc, start, start + 1, 'location');
      let after = start;
      while (place && after < to && doc.tokens[after].start < place.end) after++;
      if (place && doc.tokens[start].start === place.start && doc.tokens[after]?.text === ',') start = after + 1;
    }
    // "But Obama, making it clear that …, stood beside …": a conjunction opening the sentence before a name or a
    // determiner joins the sentence to the one before; it opens no introductory phrase (which had skipped the
    // subject up to its comma). Before another word it may (`But at the rally, Trump …`, `So far, …`).
    if (start + 1 < to && SENTENCE_CONJUNCTIONS.has(doc.lower[start]) && (isCapitalized(doc.tokens[start + 1].text) || DETERMINERS.has(doc.lower[start + 1]))) start++;
    const first = doc.lower[start];
    if (first === undefined || !((NP_STOP.has(first) && !DETERMINERS.has(first)) || OPENING_PREPOSITIONS.has(first) || (first.endsWith('ing') && first.length > 5) || first.endsWith('ly'))) break;
    let k = start;
    while (k < to && doc.tokens[k].text !== ',') k++;
    if (k >= to) return undefined;
    start = k + 1;
  }
  let np = npRightOf(doc, start, to);
  // "Hours later, Trump …", "Last week, Lavrov …": a time phrase before a comma is introductory.
  if (np && np.to + 2 < to && (TIME_WORDS.has(headLower(doc, np)) || MONTHS.test(doc.lower[np.from]) || /^(later|ago|earlier)$/.test(doc.lower[np.to]))) {
    let k = np.to;
    if (doc.tokens[k].text !== ',') k++;
    if (doc.tokens[k].text === ',') np = npRightOf(doc, k + 1, to);
  }
  return np && isSpeakerLike(doc, np) ? np : undefined;
}
