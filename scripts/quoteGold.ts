/**
 * PolNeAR gold for the quote benchmark and the speaker ranker's training (see benchQuotes.ts for the
 * conventions): annotations, gold quoted strings, gold speakers and the two speaker measures.
 */
import * as fs from 'fs';
import * as path from 'path';
import { diskDataSource } from '../server/src/diskData';
import { loadRecognizer } from '../server/src/core/ner';
import { loadQuoteLexicon, type QuoteLexicon } from '../server/src/core/quotes';
import type { ArticleAnalysis } from '../server/src/core/analysis';
import { quoteSpeakers } from '../server/src/core/quoteSpeakers';
import { overlaps } from '../server/src/core/search';
import type { EntityRecognizer, Quote } from '../server/src/core/types';
import { loadVocabulary, type Vocabulary } from '../server/src/core/vocabulary';

/**
 * What training and the benchmark read besides the corpus — the recogniser and the quote lexicon — loaded
 * without the speaker model (training must run when the model file is stale or missing).
 */
export const trainingResources: { readonly recognizer: EntityRecognizer; readonly lexicon: QuoteLexicon; readonly vocabulary: Vocabulary } = (() => {
  const source = diskDataSource();
  const vocabulary = loadVocabulary(source);
  return { recognizer: loadRecognizer(source, vocabulary), lexicon: loadQuoteLexicon(source, vocabulary), vocabulary };
})();
const lexicon = trainingResources.lexicon;
/** PolNeAR in the shared data folder (never copied into the repository). */
export const DATA = path.join(__dirname, '..', '..', 'shared', 'data', 'polnear');

export interface Span {
  id: string;
  type: string;
  fragments: Array<[number, number]>;
  start: number;
  end: number;
  text: string;
}

export interface Attr {
  content: Span[];
  source?: Span;
}

export interface GoldQuote {
  start: number;
  end: number;
  attr: Attr;
  contentLength: number;
}

export function parseAnn(ann: string): { spans: Map<string, Span>; attrs: Attr[] } {
  const spans = new Map<string, Span>();
  const attrs: Attr[] = [];
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    if (line.startsWith('T')) {
      const [id, info, text] = line.split('\t');
      if (!info) continue;
      const sp = info.indexOf(' ');
      const type = info.slice(0, sp);
      const fragments = info
        .slice(sp + 1)
        .split(';')
        .map((f) => f.trim().split(/\s+/).map(Number) as [number, number]);
      if (fragments.some((f) => f.length !== 2 || f.some((n) => Number.isNaN(n)))) continue;
      spans.set(id, { id, type, fragments, start: Math.min(...fragments.map((f) => f[0])), end: Math.max(...fragments.map((f) => f[1])), text: text ?? '' });
    } else if (line.startsWith('E')) events.push(line);
  }
  for (const e of events) {
    const args = (e.split('\t')[1] ?? '').trim().split(/\s+/);
    const attr: Attr = { content: [] };
    for (const a of args) {
      const [role, ref] = a.split(':');
      const span = spans.get(ref);
      if (!span) continue;
      if (role.startsWith('Content')) attr.content.push(span);
      else if (role === 'Source') attr.source = span;
    }
    if (attr.content.length > 0) attrs.push(attr);
  }
  return { spans, attrs };
}

/** Quotation marks: straight, curly, and the doubled `''` / ` `` ` of the New York Times archive and Penn Treebank-style text. */
const QUOTE_RE = /["“”„]|''+|``/g;

export function goldQuotes(text: string, attrs: readonly Attr[]): GoldQuote[] {
  const byKey = new Map<string, GoldQuote>();
  for (const attr of attrs) {
    for (const c of attr.content) {
      // Widen to adjacent quotation marks (content spans often leave the marks out).
      let s = c.start;
      let e = c.end;
      let k = s - 1;
      while (k >= 0 && k >= c.start - 3 && /[\s]/.test(text[k])) k--;
      if (k >= 1 && (text[k] === "'" || text[k] === '`') && text[k - 1] === text[k]) s = k - 1;
      else if (k >= 0 && /["“„]/.test(text[k])) s = k;
      // A Content span that starts between the two characters of a doubled mark (`'|'He said`).
      else if (s >= 1 && (text[s] === "'" || text[s] === '`') && text[s - 1] === text[s] && text[s - 2] !== text[s]) s -= 1;
      k = e;
      while (k < text.length && k < c.end + 3 && /[\s,.]/.test(text[k])) k++;
      if (k + 1 < text.length && text[k] === "'" && text[k + 1] === "'") e = k + 2;
      else if (k < text.length && /["”]/.test(text[k])) e = k + 1;
      // One that ends between them (`beat Hillary,'|' he told`).
      else if (e >= 1 && text[e - 1] === "'" && text[e] === "'" && text[e + 1] !== "'") e += 1;
      const region = text.slice(s, e);
      let open = -1;
      let openLength = 1;
      let straight = 0;
      QUOTE_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = QUOTE_RE.exec(region)) !== null) {
        let ch = m[0];
        let at = s + m.index;
        if (ch.length > 3) continue;
        if (ch === "'''") {
          // An inner single mark beside the double one: `,''' he said` closes both, `'''Sir` opens both.
          if (at > 0 && !/\s/.test(text[at - 1])) at += 1;
          ch = "''";
        }
        const length = ch.length;
        // Straight marks: open after white space or a bracket/dash and before a non-space, close otherwise
        // (parity inside a Content span that starts mid-quotation would pair the wrong marks). Doubled
        // apostrophes open and close as straight marks do; doubled backquotes only open.
        const before = at > 0 ? text[at - 1] : ' ';
        const after = at + length < text.length ? text[at + length] : ' ';
        const straightOpens = /[\s(\[—–-]/.test(before) && !/\s/.test(after) ? true : /[\s(\[—–-]/.test(before) === /\s|[.,;:!?)]/.test(after) ? straight % 2 === 0 : false;
        const opens = ch === '“' || ch === '„' || ch === '``' || ((ch === '"' || ch === "''") && straightOpens);
        if (ch === '"' || ch === "''") straight++;
        if (opens) {
          open = at;
          openLength = length;
        } else if (open >= 0) {
          const gs = open + openLength;
          const ge = at;
          // `author="MartinOMalley"`: an attribute value of markup left in the text, not a quotation.
          if (/[\p{L}\p{N}]/u.test(text.slice(gs, ge)) && text[open - 1] !== '=') {
            const key = `${gs}:${ge}`;
            const len = c.end - c.start;
            const prev = byKey.get(key);
            if (!prev || len < prev.contentLength) byKey.set(key, { start: gs, end: ge, attr, contentLength: len });
          }
          open = -1;
        }
      }
    }
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start);
}

const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'him', 'her', 'you', 'me', 'us', 'them', 'his', 'their', 'our', 'my']);
const FIRST_PERSON = new Set(['i', 'we', 'me', 'us', 'my', 'our']);

export function isPronoun(s: string): boolean {
  return PRONOUNS.has(s.trim().toLowerCase());
}

/**
 * A Source that names someone: its head (the words before a comma, `of`, `from`, `at`, `who`) ends with a
 * capitalised word (`Republican Rep. Lee Zeldin of New York` yes; `a headline from the Wall Street Journal` no).
 */
export function isNamed(s: string): boolean {
  if (isPronoun(s)) return false;
  const head = s.trim().split(/,|\s(?:of|from|at|who|for|in)\s/)[0].trim().replace(/['’]s$/, '');
  const words = head.split(/\s+/);
  return /^\p{Lu}/u.test(words[words.length - 1] ?? '');
}

const FIRST_NAMES: ReadonlyMap<string, string> = lexicon.firstNames;

/**
 * Gender of a named source from its first name, or from an earlier source with the same surname. The last word of
 * a name of several is its surname, not a first name (`Rakeyia Scott`, `Mattie Thomas` are no men), as in the quote
 * pass (`coreference.ts`).
 */
function sourceGender(text: string, sources: readonly Span[]): string | undefined {
  const words = text.split(/[\s,]+/).filter((w) => /^\p{Lu}/u.test(w));
  for (let i = 0; i < words.length; i++) if ((i < words.length - 1 || words.length === 1) && FIRST_NAMES.has(words[i])) return FIRST_NAMES.get(words[i]);
  const last = words[words.length - 1];
  if (!last) return undefined;
  for (const s of sources) {
    const ws = s.text.split(/[\s,]+/);
    const i = ws.indexOf(last);
    if (i > 0 && FIRST_NAMES.has(ws[i - 1])) return FIRST_NAMES.get(ws[i - 1]);
  }
  return undefined;
}

/** Resolves a pronoun Source to the named source it stands for (see the header). */
export function resolveGold(src: Span, attrs: readonly Attr[], sources: readonly Span[], text: string, depth = 0): Span {
  // A relative pronoun ("Mike Lee, who declared …") stands for the name right before it.
  if (/^(who|which|that)$/i.test(src.text.trim())) {
    const before = text.slice(Math.max(0, src.start - 80), src.start);
    const m = /((?:\p{Lu}[\p{L}\p{M}.'’-]*\s+){0,3}\p{Lu}[\p{L}\p{M}.'’-]*)[\s,]*$/u.exec(before);
    if (m) {
      const start = src.start - before.length + m.index;
      return { id: src.id, type: 'Source', fragments: [[start, start + m[1].length]], start, end: start + m[1].length, text: m[1] };
    }
    return src;
  }
  if (!isPronoun(src.text) || depth > 3) return src;
  if (FIRST_PERSON.has(src.text.trim().toLowerCase())) {
    let best: Attr | undefined;
    for (const a of attrs) {
      if (!a.source || a.source === src) continue;
      if (a.content.some((c) => c.start <= src.start && src.end <= c.end)) {
        if (!best || a.content[0].end - a.content[0].start < best.content[0].end - best.content[0].start) best = a;
      }
    }
    if (best?.source) return resolveGold(best.source, attrs, sources, text, depth + 1);
    return src; // the writer
  }
  // he/she: the nearest preceding named Source whose (known) gender agrees with the pronoun.
  const p = src.text.trim().toLowerCase();
  const want = p === 'she' || p === 'her' ? 'f' : p === 'he' || p === 'him' || p === 'his' ? 'm' : undefined;
  let found: Span | undefined;
  for (const s of sources) {
    if (s.start >= src.start) break;
    if (!isNamed(s.text)) continue;
    if (want) {
      const g = sourceGender(s.text, sources);
      if (g && g !== want) continue;
    }
    found = s;
  }
  return found ?? src;
}

const TITLE_WORDS = new Set(['The', 'A', 'An', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Sen.', 'Rep.', 'Gov.', 'President', 'Secretary', 'Senator', 'He', 'She', 'They', 'We', 'I', 'It']);

export function capitalWords(s: string): string[] {
  return (s.match(/\p{Lu}[\p{L}\p{M}'’.-]*/gu) ?? []).map((w) => w.replace(/['’]s$/, '').replace(/[.]$/, '')).filter((w) => !TITLE_WORDS.has(w) && w.length > 1);
}

export function headMatch(a: string, b: string): boolean {
  const ca = capitalWords(a);
  const cb = capitalWords(b);
  if (ca.length > 0 && cb.length > 0) {
    return cb.includes(ca[ca.length - 1]) || ca.includes(cb[cb.length - 1]);
  }
  if (ca.length === 0) {
    // A nominal ("the campaign", "a source close to …"): its head word occurs in the gold phrase.
    const la: string[] = a.toLowerCase().match(/[\p{L}]+/gu) ?? [];
    const lb: string[] = b.toLowerCase().split(',')[0].match(/[\p{L}]+/gu) ?? [];
    return la.length > 0 && lb.includes(la[la.length - 1]) && !/^(the|a|an|of|to)$/.test(la[la.length - 1]);
  }
  return false;
}

export function speakerMatches(q: Quote, gold: Span, goldResolved: Span): boolean {
  const a = q.attribution;
  if (!a) return false;
  const pred = a.resolved ?? a.mention;
  if (overlaps(pred, goldResolved) || overlaps(a.mention, gold) && (!a.resolved || overlaps(a.resolved, goldResolved))) return true;
  if (headMatch(pred.text, goldResolved.text)) return true;
  // A gold nominal ("the senator") has no resolution to check ours against: the mention must match it.
  if (goldResolved === gold && !isNamed(gold.text) && !isPronoun(gold.text)) {
    return overlaps(a.mention, gold) || headMatch(a.mention.text, gold.text);
  }
  return false;
}

export function pickAnnotations(dir: string): Map<string, string> {
  const byArticle = new Map<string, { file: string; count: number }>();
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.ann')).sort()) {
    const base = f.replace(/_[0-9a-f]+\.ann$/, '');
    const count = (fs.readFileSync(path.join(dir, f), 'utf8').match(/^E/gm) ?? []).length;
    const prev = byArticle.get(base);
    if (!prev || count > prev.count) byArticle.set(base, { file: f, count });
  }
  return new Map([...byArticle].map(([k, v]) => [k, v.file]));
}


/**
 * The strict gold speaker (issue 15): the annotated Source when it names someone; for a pronoun or a
 * description, the nearest earlier named Source of the article's annotations (no gender, no guessing).
 */
export function strictGold(src: Span, sources: readonly Span[]): Span {
  if (namesSomeone(src.text)) return src;
  let found: Span | undefined;
  for (const s of sources) {
    if (s.start >= src.start) break;
    if (namesSomeone(s.text)) found = s;
  }
  return found ?? src;
}

/** Lower-case words that may follow a name inside a Source (`Mr. Morgan of the Sierra Club`, `Lee, who …`, `Cruz himself`). */
const AFTER_NAME = /^(of|from|at|in|who|which|and|for|with|on|to|said|says|himself|herself|themselves|itself)$/;

/** A word written as a possessive: `Trump's`, `Clinton’s`, `Sanders’`. */
const POSSESSIVE = /(['’]s|s['’])$/;

/**
 * True when a Source contains a name: a run of capitalised words (`Sen. Ted Cruz`, `John Weaver`) that is not
 * a modifier of a lower-case head (`The Florida senator`, `the Heritage Foundation website`, `Trump's
 * campaign`). Such a Source is its own strict gold; any other (a pronoun, a description) is replaced by the
 * nearest earlier Source that names someone. A name ends at a comma (`Jeff Weaver, Sanders’ campaign
 * manager,` names Jeff Weaver: the appositive after the comma describes him) and a possessive that ends the
 * Source names its possessor (`Clinton’s`, annotated without what she owns).
 */
export function namesSomeone(source: string): boolean {
  if (isPronoun(source)) return false;
  const words = source.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    if (!/^\p{Lu}/u.test(words[i]) || capitalWords(words[i]).length === 0) continue;
    let j = i;
    while (j + 1 < words.length && /^\p{Lu}/u.test(words[j + 1]) && !/[,;:—–)]$/.test(words[j])) j++;
    const last = words[j];
    const next = words[j + 1];
    // `Trump's campaign`: a possessive name modifies the head that follows.
    if (POSSESSIVE.test(last) && next !== undefined) {
      i = j;
      continue;
    }
    if (next === undefined || /[,;:—–)]$/.test(last) || !/^\p{Ll}/u.test(next) || AFTER_NAME.test(next)) return true;
    i = j;
  }
  return false;
}

/** Honorifics, title forms and role words: capitalised before a name (`Sen.`, `Foreign Minister`), never one of its words. */
const TITLE_LIKE: ReadonlySet<string> = (() => {
  const words = new Set<string>();
  for (const forms of lexicon.titleForms.values()) for (const f of forms) words.add(f);
  for (const role of lexicon.titleForms.keys()) words.add(role);
  return words;
})();

function isTitleLike(word: string): boolean {
  const w = word.toLowerCase();
  return TITLE_LIKE.has(w) || lexicon.vocabulary.isHonorific(w) || lexicon.vocabulary.isRoleWord(w);
}

/**
 * Name words of a speaker: capitalised words without titles, honorifics, role words and pronouns (`Sen. Ted
 * Cruz's` → Ted, Cruz; `Foreign Minister Sergei Lavrov` → Sergei, Lavrov).
 */
export function nameWords(s: string): string[] {
  return capitalWords(s).filter((w) => !isTitleLike(w));
}

/** True when two speakers share a name word (the strict measure's test). */
export function sharesNameWord(a: string, b: string): boolean {
  const words = new Set(nameWords(a));
  return nameWords(b).some((w) => words.has(w));
}

/**
 * The strict match: the predicted speaker (resolved mention, else mention) shares a name word with the strict
 * gold; when the gold names nobody (an unresolvable description), its last word must be the predicted head.
 */
export function strictMatch(q: Quote | undefined, gold: Span): boolean {
  const a = q?.kind === 'direct' ? q.attribution : undefined;
  if (!a) return false;
  const pred = (a.resolved ?? a.mention).text;
  const g = nameWords(gold.text);
  if (g.length > 0) {
    const p = new Set(nameWords(pred));
    return g.some((w) => p.has(w));
  }
  const lg = gold.text.toLowerCase().split(',')[0].match(/\p{L}+/gu) ?? [];
  const lp = pred.toLowerCase().match(/\p{L}+/gu) ?? [];
  return lg.length > 0 && lp.length > 0 && lg[lg.length - 1] === lp[lp.length - 1];
}

/** A capitalised word or a name particle, and runs of them (`Josh Earnest`, `Bill de Blasio`). */
const NAME_RUN = /(?:\p{Lu}[\p{L}\p{M}.'’-]*|\b(?:de|van|von|al|bin|la|le|del|da|di)\b)(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|(?:de|van|von|al|bin|la|le|del|da|di)\b))*/gu;

/**
 * The surname of the person a named Source is about, read as English noun phrases are: in the first
 * comma-separated part that has one, the last name before a post-modifier (`of the`, `from`, `who`, …, or `of`
 * after a full name), not a possessive, brackets and titles aside (`White House press secretary Josh Earnest` →
 * `earnest`; `Hillary Clinton’s campaign manager Robby Mook` → `mook`; `Secretary of State John F. Kerry` →
 * `kerry`; `Michael Brown of Washington, D.C.` → `brown`; `Sen. Richard Blumenthal (D-Conn.)` → `blumenthal`;
 * `A top strategist, John Weaver,` → `weaver`). Lower case; undefined when the Source names nobody that way
 * (`Clinton’s campaign manager`).
 */
export function headSurname(source: string): string | undefined {
  const { vocabulary } = trainingResources;
  const isTitle = (w: string) => vocabulary.isRoleWord(w) || vocabulary.isHonorific(w);
  for (const part of source.replace(/\([^)]*\)?/g, ' ').split(',')) {
    // A determiner or possessive pronoun opening the part is capitalised by position, not a name (`Her campaign manager`).
    const body = part.replace(/^\s*(?:the|an?|his|her|their|its|our|my|one|two|three|another)\s+/i, '');
    let last: string | undefined;
    let lastWords = 0;
    let previousEnd = 0;
    for (const m of body.matchAll(NAME_RUN)) {
      const gap = body.slice(previousEnd, m.index);
      if (last && (/\s(?:of\s+the|from|at|in|who|with|for)\s/i.test(gap) || (lastWords >= 2 && /\sof\s/i.test(gap)))) break;
      previousEnd = m.index + m[0].length;
      if (/['’]s?$/.test(m[0]) || /^['’]/.test(body.slice(previousEnd))) continue;
      const words = m[0].replace(/[.,]$/, '').split(/\s+/).filter((w) => !isTitle(w));
      if (words.length === 0) continue;
      last = words[words.length - 1].toLowerCase();
      lastWords = words.length;
    }
    if (last) return last;
  }
  return undefined;
}

/** One PolNeAR article with its gold. */
export interface Article {
  readonly base: string;
  readonly text: string;
  readonly attrs: readonly Attr[];
  /** Every Source span, sorted by offset. */
  readonly sources: readonly Span[];
  readonly gold: readonly GoldQuote[];
}

/** The articles of a split (`train`, `dev`), one annotation each (see `pickAnnotations`), sorted by name. */
export function loadArticles(split: string): Article[] {
  const textDir = path.join(DATA, split, 'text');
  const annDir = path.join(DATA, split, 'attributions');
  const out: Article[] = [];
  for (const [base, annFile] of [...pickAnnotations(annDir)].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const textPath = path.join(textDir, `${base}.txt`);
    if (!fs.existsSync(textPath)) continue;
    const text = fs.readFileSync(textPath, 'utf8');
    const { attrs } = parseAnn(fs.readFileSync(path.join(annDir, annFile), 'utf8'));
    const sources = attrs.map((a) => a.source).filter((s): s is Span => s !== undefined).sort((a, b) => a.start - b.start);
    out.push({ base, text, attrs, sources, gold: goldQuotes(text, attrs) });
  }
  return out;
}

/** The predicted quotation covering a gold quoted string (one character of slack at each end). */
export function matchGold(quotes: readonly Quote[], g: GoldQuote): Quote | undefined {
  for (const q of quotes) if (q.contentStart <= g.start + 1 && q.contentEnd >= g.end - 1) return q;
  return undefined;
}

/** Speaker figures over gold strings with a Source: own measure (`speakerMatches`) and strict, missing = wrong. */
export interface SpeakerCounts {
  withSource: number;
  own: number;
  strict: number;
  /**
   * Quotations found outside every Content span (no one's words as the annotators read them: scare quotes, titles,
   * terms) and how many of them the pass leaves without a speaker. The strict measure counts only quotations with
   * a Source, so it never sees a speaker given to a term; this does.
   */
  outsideContent: number;
  outsideLeft: number;
  /** When given, each strict miss is described here (`--errors`): its kind and the text around it. */
  misses?: string[];
  /** When given, the attributed quotations by the ranker's confidence (`confidenceBand`): how many, how many right. */
  calibration?: Map<string, CalibrationCount>;
}

/** Attributed quotations of one confidence band, and how many of them the strict and our own measure accept. */
export interface CalibrationCount {
  quotes: number;
  strict: number;
  own: number;
  /** Σ confidence, for the band's mean confidence beside the share right. */
  confidenceSum: number;
  /** Σ (confidence − right by our own measure)², for the Brier score of the ranker's confidences. */
  squaredError: number;
}

/** The bands of `Attribution.confidence` that the calibration tables print, lowest first; `rules` when absent. */
export const CONFIDENCE_BANDS = ['< 0.5', '0.5–0.7', '0.7–0.9', '≥ 0.9', 'rules'] as const;

/** The band of an attribution's confidence. */
export function confidenceBand(confidence: number | undefined): string {
  if (confidence === undefined) return 'rules';
  return confidence < 0.5 ? '< 0.5' : confidence < 0.7 ? '0.5–0.7' : confidence < 0.9 ? '0.7–0.9' : '≥ 0.9';
}

/** Adds one attributed quotation to its band. */
function calibrate(counts: SpeakerCounts, confidence: number | undefined, strict: boolean, own: boolean): void {
  if (!counts.calibration) return;
  const band = confidenceBand(confidence);
  let c = counts.calibration.get(band);
  if (!c) counts.calibration.set(band, (c = { quotes: 0, strict: 0, own: 0, confidenceSum: 0, squaredError: 0 }));
  c.quotes++;
  if (confidence !== undefined) {
    c.confidenceSum += confidence;
    c.squaredError += (confidence - (own ? 1 : 0)) ** 2;
  }
  if (strict) c.strict++;
  if (own) c.own++;
}

/** The calibration table's lines: per band, quotations and the share each measure accepts. */
export function calibrationLines(calibration: ReadonlyMap<string, CalibrationCount>): string[] {
  const lines = CONFIDENCE_BANDS.filter((band) => calibration.has(band)).map((band) => {
    const c = calibration.get(band)!;
    const mean = band === 'rules' ? '' : `mean confidence ${(c.confidenceSum / c.quotes).toFixed(3)}, `;
    return `    ${band.padEnd(8)} ${String(c.quotes).padStart(5)} quotations: ${mean}right by strict ${(c.strict / c.quotes).toFixed(3)}, by own ${(c.own / c.quotes).toFixed(3)}`;
  });
  const ranked = [...calibration].filter(([band]) => band !== 'rules').map(([, c]) => c);
  const quotes = ranked.reduce((n, c) => n + c.quotes, 0);
  if (quotes > 0) lines.push(`    Brier score of the ranker's confidences against our own measure: ${(ranked.reduce((n, c) => n + c.squaredError, 0) / quotes).toFixed(4)} over ${quotes} quotations`);
  return lines;
}

/** The speaker actor measure's counts: gold strings with a named strict gold, how many carry its head surname, how many have no actor. */
export interface ActorCounts {
  named: number;
  right: number;
  none: number;
}

/**
 * Counts, for each gold string whose strict gold Source names someone by a head name (`headSurname`), whether
 * the actor the full analysis gives the quote (`quoteSpeakers`: what the editor, the outline and the CLI show)
 * carries that surname. `RNC spokesman Sean Spicer` is right only as Spicer, not as the RNC.
 */
export function countActorSpeakers(article: Article, analysis: Pick<ArticleAnalysis, 'quotes' | 'actors'>, counts: ActorCounts): void {
  const speakers = quoteSpeakers(analysis.quotes, analysis.actors);
  for (const g of article.gold) {
    const src = g.attr.source;
    if (!src) continue;
    const strict = strictGold(src, article.sources);
    const surname = namesSomeone(strict.text) ? headSurname(strict.text) : undefined;
    if (!surname) continue;
    counts.named++;
    const q = matchGold(analysis.quotes, g);
    const actor = q?.kind === 'direct' ? speakers.get(q)?.actor : undefined;
    if (!actor) counts.none++;
    else if (actor.name.toLowerCase().split(/\s+/).includes(surname)) counts.right++;
  }
}

/**
 * What kind of strict miss a quotation is: the annotated Source (a name, a pronoun, a description) and what
 * went wrong (not found, read as a scare quote, no speaker, our words are the Source but resolve elsewhere,
 * our words are elsewhere).
 */
export function strictMissKind(q: Quote | undefined, source: Span): string {
  const kind = namesSomeone(source.text) ? 'named' : isPronoun(source.text) ? 'pronoun' : 'description';
  if (!q) return `${kind}/not found`;
  if (q.kind !== 'direct') return `${kind}/scare`;
  const a = q.attribution;
  if (!a) return `${kind}/no speaker`;
  return `${kind}/${overlaps(a.mention, source) ? 'right words, ' + (a.resolved ? 'wrong resolution' : 'unresolved') : 'wrong words'}`;
}

/** True when the quotation's words overlap no Content span of the article: no one's words to the annotators. */
export function outsideEveryContent(attrs: readonly Attr[], q: Pick<Quote, 'contentStart' | 'contentEnd'>): boolean {
  return !attrs.some((a) => a.content.some((c) => c.start < q.contentEnd && q.contentStart < c.end));
}

/** Adds an article's speaker figures to `counts`. */
export function countSpeakers(article: Article, quotes: readonly Quote[], counts: SpeakerCounts): void {
  for (const q of quotes) {
    if (!outsideEveryContent(article.attrs, q)) continue;
    counts.outsideContent++;
    if (!q.attribution) counts.outsideLeft++;
    // A speaker given to words nobody said in the annotation (a term, a title): wrong by both measures.
    else if (q.kind === 'direct') calibrate(counts, q.attribution.confidence, false, false);
  }
  for (const g of article.gold) {
    const src = g.attr.source;
    if (!src) continue;
    counts.withSource++;
    const q = matchGold(quotes, g);
    const own = !!q && q.kind === 'direct' && speakerMatches(q, src, resolveGold(src, article.attrs, article.sources, article.text));
    if (own) counts.own++;
    const gold = strictGold(src, article.sources);
    const strict = strictMatch(q, gold);
    if (q?.attribution && q.kind === 'direct') calibrate(counts, q.attribution.confidence, strict, own);
    if (strict) counts.strict++;
    else if (counts.misses) {
      const a = q?.attribution;
      const { text } = article;
      counts.misses.push(
        `${article.base} [${strictMissKind(q, src)}]\n  quote: ${text.slice(g.start, Math.min(g.end, g.start + 70)).replace(/\n/g, ' ')}\n  gold: ${src.text}${gold !== src ? ` => ${gold.text}` : ''}\n` +
          `  pred: ${q ? `${q.kind} ${a ? `${a.mention.text}${a.resolved ? ` => ${a.resolved.text}` : ''} [${a.cue?.text ?? ''}]` : '-'}` : 'NOT FOUND'}\n  ctx: ${text.slice(Math.max(0, g.start - 200), g.end + 60).replace(/\n/g, ' ¶ ')}`,
      );
    }
  }
}
