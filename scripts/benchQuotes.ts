/**
 * Benchmark of direct-quote detection and speaker attribution (`server/src/core/quotes.ts`) on PolNeAR
 * train and dev (`../shared/data/polnear`, never copied into the repository). Run: `npm run bench:quotes`.
 *
 * Gold quoted strings: inside every annotated Content span (widened to take in quotation marks that sit just
 * outside it), quotation marks are paired left to right — curly marks by glyph, straight marks by the
 * characters around them (after a space: opening; before a space or punctuation: closing; else alternately) —
 * and the text between a pair is a gold quoted string. A string inside several Content spans (nested
 * attributions) belongs to the innermost one. Articles annotated by several annotators: the annotation with
 * the most attributions is used (ties: first by file name).
 *
 * Figures:
 * - detection recall: share of gold strings covered by a predicted quotation (its content contains the gold
 *   string, one character of slack at each end); `direct` recall counts only quotations of kind `direct`;
 * - precision-like: share of predicted `direct` quotations whose content lies (≥ 50 %) in some Content span;
 * - speaker accuracy: over gold strings whose attribution has a Source, the share whose predicted speaker
 *   (`attribution.resolved` if present, else `attribution.mention`) matches the gold source. Reported over
 *   the strings found as direct quotations with an attribution, and over all of them (missing = wrong).
 *
 * Gold source resolution: a pronoun Source (`he`, `she`, `they`, `I`, `we`, …) is replaced by the named
 * source it stands for — for `I`/`we`/`me` inside another attribution's Content, that attribution's
 * (resolved) Source; otherwise the nearest preceding named Source in the article (its head ends with a
 * capitalised word), skipping, for he/she, sources whose first name (`server/data/quotes/first-names.tsv`)
 * says the other gender; a relative pronoun Source (`who`, `which`) is replaced by the capitalised name
 * right before it (`Mike Lee, who declared …`). A first-person Source outside any Content (the writer) stays as it is. PolNeAR has
 * no coreference layer, so this is an approximation: a share of the "errors" on pronoun sources are errors
 * of this resolution.
 *
 * Mention accuracy (also printed) skips resolution on both sides: the predicted `attribution.mention` must
 * overlap the annotated Source span or agree with it by head word.
 *
 * When the gold Source is an unresolved nominal (`the senator`, neither a name nor a pronoun), our resolution
 * cannot be checked, so our mention is compared with it instead.
 *
 * Matching rule: predicted and gold sources match when their spans overlap (predicted mention or resolved
 * against the gold Source or its resolution), or when their head words agree — the last capitalised word
 * (a surname: `Lavrov` ~ `Sergei Lavrov`) of one occurs as a word in the other, or, for phrases without
 * capitals, the last word is the same (`the campaign` ~ `his campaign`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { splitParagraphs } from '../server/src/core/paragraphs';
import { splitSentences, tokenize } from '../server/src/core/tokenize';
import { loadDefaultResources } from '../server/src/diskData';
import { findQuotes } from '../server/src/core/quotes';
import type { Quote, Sentence } from '../server/src/core/types';

const DATA = path.join(__dirname, '..', '..', 'shared', 'data', 'polnear');

interface Span {
  id: string;
  type: string;
  fragments: Array<[number, number]>;
  start: number;
  end: number;
  text: string;
}

interface Attr {
  content: Span[];
  source?: Span;
}

interface GoldQuote {
  start: number;
  end: number;
  attr: Attr;
  contentLength: number;
}

function parseAnn(ann: string): { spans: Map<string, Span>; attrs: Attr[] } {
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

const QUOTE_RE = /["“”„]/g;

function goldQuotes(text: string, attrs: readonly Attr[]): GoldQuote[] {
  const byKey = new Map<string, GoldQuote>();
  for (const attr of attrs) {
    for (const c of attr.content) {
      // Widen to adjacent quotation marks (content spans often leave the marks out).
      let s = c.start;
      let e = c.end;
      let k = s - 1;
      while (k >= 0 && k >= c.start - 3 && /[\s]/.test(text[k])) k--;
      if (k >= 0 && /["“„]/.test(text[k])) s = k;
      k = e;
      while (k < text.length && k < c.end + 3 && /[\s,.]/.test(text[k])) k++;
      if (k < text.length && /["”]/.test(text[k])) e = k + 1;
      const region = text.slice(s, e);
      let open = -1;
      let straight = 0;
      QUOTE_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = QUOTE_RE.exec(region)) !== null) {
        const ch = m[0];
        const at = s + m.index;
        // Straight marks: open after white space or a bracket/dash and before a non-space, close otherwise
        // (parity inside a Content span that starts mid-quotation would pair the wrong marks).
        const before = at > 0 ? text[at - 1] : ' ';
        const after = at + 1 < text.length ? text[at + 1] : ' ';
        const straightOpens = /[\s(\[—–-]/.test(before) && !/\s/.test(after) ? true : /[\s(\[—–-]/.test(before) === /\s|[.,;:!?)]/.test(after) ? straight % 2 === 0 : false;
        const opens = ch === '“' || ch === '„' || (ch === '"' && straightOpens);
        if (ch === '"') straight++;
        if (opens) open = at;
        else if (open >= 0) {
          const gs = open + 1;
          const ge = at;
          if (/[\p{L}\p{N}]/u.test(text.slice(gs, ge))) {
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

function isPronoun(s: string): boolean {
  return PRONOUNS.has(s.trim().toLowerCase());
}

/**
 * A Source that names someone: its head (the words before a comma, `of`, `from`, `at`, `who`) ends with a
 * capitalised word (`Republican Rep. Lee Zeldin of New York` yes; `a headline from the Wall Street Journal` no).
 */
function isNamed(s: string): boolean {
  if (isPronoun(s)) return false;
  const head = s.trim().split(/,|\s(?:of|from|at|who|for|in)\s/)[0].trim().replace(/['’]s$/, '');
  const words = head.split(/\s+/);
  return /^\p{Lu}/u.test(words[words.length - 1] ?? '');
}

const FIRST_NAMES = new Map<string, string>(
  fs
    .readFileSync(path.join(__dirname, '..', 'server', 'data', 'quotes', 'first-names.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t') as [string, string]),
);

/** Gender of a named source from its first name, or from an earlier source with the same surname. */
function sourceGender(text: string, sources: readonly Span[]): string | undefined {
  const words = text.split(/[\s,]+/).filter((w) => /^\p{Lu}/u.test(w));
  for (const w of words) if (FIRST_NAMES.has(w)) return FIRST_NAMES.get(w);
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
function resolveGold(src: Span, attrs: readonly Attr[], sources: readonly Span[], text: string, depth = 0): Span {
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

function capitalWords(s: string): string[] {
  return (s.match(/\p{Lu}[\p{L}\p{M}'’.-]*/gu) ?? []).map((w) => w.replace(/['’]s$/, '').replace(/[.]$/, '')).filter((w) => !TITLE_WORDS.has(w) && w.length > 1);
}

function headMatch(a: string, b: string): boolean {
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

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function speakerMatches(q: Quote, gold: Span, goldResolved: Span): boolean {
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

function pickAnnotations(dir: string): Map<string, string> {
  const byArticle = new Map<string, { file: string; count: number }>();
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.ann')).sort()) {
    const base = f.replace(/_[0-9a-f]+\.ann$/, '');
    const count = (fs.readFileSync(path.join(dir, f), 'utf8').match(/^E/gm) ?? []).length;
    const prev = byArticle.get(base);
    if (!prev || count > prev.count) byArticle.set(base, { file: f, count });
  }
  return new Map([...byArticle].map(([k, v]) => [k, v.file]));
}

interface Totals {
  docs: number;
  bytes: number;
  gold: number;
  found: number;
  foundDirect: number;
  exact: number;
  withSource: number;
  speakerDenom: number;
  speakerOk: number;
  mentionOk: number;
  longDenom: number;
  longOk: number;
  longWithSource: number;
  predDirect: number;
  predDirectInContent: number;
  predScare: number;
  predQuotes: number;
  quoteMs: number;
  pipelineMs: number;
  errors: string[];
}

function runSplit(split: string, verbose: boolean): Totals {
  const textDir = path.join(DATA, split, 'text');
  const annDir = path.join(DATA, split, 'attributions');
  const picks = pickAnnotations(annDir);
  const resources = loadDefaultResources();
  const recognizer = resources.recognizer;
  const t: Totals = {
    docs: 0, bytes: 0, gold: 0, found: 0, foundDirect: 0, exact: 0, withSource: 0, speakerDenom: 0, speakerOk: 0, mentionOk: 0, longDenom: 0, longOk: 0, longWithSource: 0,
    predDirect: 0, predDirectInContent: 0, predScare: 0, predQuotes: 0, quoteMs: 0, pipelineMs: 0, errors: [],
  };
  for (const [base, annFile] of picks) {
    const textPath = path.join(textDir, `${base}.txt`);
    if (!fs.existsSync(textPath)) continue;
    const text = fs.readFileSync(textPath, 'utf8');
    const { attrs } = parseAnn(fs.readFileSync(path.join(annDir, annFile), 'utf8'));
    const sources = attrs.map((a) => a.source).filter((s): s is Span => s !== undefined).sort((a, b) => a.start - b.start);
    const gold = goldQuotes(text, attrs);
    const p0 = performance.now();
    const paragraphs = splitParagraphs(text);
    const sentences: Sentence[] = [];
    for (const p of paragraphs) for (const s of splitSentences(text, tokenize(text, p))) sentences.push(s);
    const entities = recognizer.recognize(text, sentences);
    const q0 = performance.now();
    const quotes = findQuotes(text, paragraphs, sentences, entities, resources.quotes);
    const q1 = performance.now();
    // The quote pass is timed as the best of three runs: the machine is shared, and a single run measures
    // the neighbours' load as much as the code.
    let best = q1 - q0;
    for (let r = 0; r < 2; r++) {
      const r0 = performance.now();
      findQuotes(text, paragraphs, sentences, entities, resources.quotes);
      best = Math.min(best, performance.now() - r0);
    }
    t.quoteMs += best;
    t.pipelineMs += q1 - p0;
    t.docs++;
    t.bytes += Buffer.byteLength(text, 'utf8');
    t.predQuotes += quotes.length;
    const contents = attrs.flatMap((a) => a.content);
    for (const q of quotes) {
      if (q.kind === 'scare') {
        t.predScare++;
        continue;
      }
      t.predDirect++;
      const len = q.contentEnd - q.contentStart;
      let inside = 0;
      for (const c of contents) {
        const ov = Math.min(c.end, q.contentEnd) - Math.max(c.start, q.contentStart);
        if (ov > inside) inside = ov;
      }
      if (inside >= len * 0.5) t.predDirectInContent++;
    }
    let qi = 0;
    for (const g of gold) {
      t.gold++;
      while (qi < quotes.length && quotes[qi].contentEnd < g.start) qi++;
      let match: Quote | undefined;
      for (let k = qi; k < quotes.length && quotes[k].contentStart <= g.start + 1; k++) {
        if (quotes[k].contentStart <= g.start + 1 && quotes[k].contentEnd >= g.end - 1) {
          match = quotes[k];
          break;
        }
      }
      if (match) {
        t.found++;
        if (match.kind === 'direct') t.foundDirect++;
        if (match.contentStart === g.start && match.contentEnd === g.end) t.exact++;
      }
      const src = g.attr.source;
      if (!src) continue;
      t.withSource++;
      const resolved = resolveGold(src, attrs, sources, text);
      const ok = !!match && match.kind === 'direct' && speakerMatches(match, src, resolved);
      if (match && match.kind === 'direct' && match.attribution) t.speakerDenom++;
      if (ok) t.speakerOk++;
      // Breakdown for full-sentence quotations (five words or more), the ones a reader calls "quotes".
      if ((text.slice(g.start, g.end).match(/[\p{L}\p{N}]+/gu) ?? []).length >= 5) {
        t.longWithSource++;
        if (match && match.kind === 'direct' && match.attribution) t.longDenom++;
        if (ok) t.longOk++;
      }
      // Mention accuracy: the words naming the source in the text are the annotated Source (no resolution).
      if (match?.attribution && match.kind === 'direct' && (overlaps(match.attribution.mention, src) || headMatch(match.attribution.mention.text, src.text))) t.mentionOk++;
      if (!ok && verbose) {
        const a = match?.attribution;
        t.errors.push(
          `${base}\n  quote: ${text.slice(g.start, Math.min(g.end, g.start + 70)).replace(/\n/g, ' ')}\n  gold: ${src.text}${resolved !== src ? ` => ${resolved.text}` : ''}\n  pred: ${match ? `${match.kind} ${a ? `${a.mention.text}${a.resolved ? ` => ${a.resolved.text}` : ''} [${a.cue?.text}]` : '-'}` : 'NOT FOUND'}\n  ctx: ${text.slice(Math.max(0, g.start - 120), g.end + 60).replace(/\n/g, ' ¶ ')}`,
        );
      }
    }
  }
  return t;
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${(n / d).toFixed(3)} (${n}/${d})`;
}

function stress(): void {
  const sizes = [1 << 20];
  for (const n of sizes) {
    for (const [name, text] of [
      ['only " marks', '"'.repeat(n)],
      ['only “ marks', '“'.repeat(n)],
      ['"a" pairs', '"a" '.repeat(n / 4)],
      ['“x,” he said. ', '“We will win,” he said. '.repeat(Math.floor(n / 24))],
      ['short paragraphs, one mark at the end', 'Word.\n'.repeat(Math.floor(n / 6)) + '"'],
    ] as const) {
      const paragraphs = splitParagraphs(text);
      const sentences: Sentence[] = [];
      for (const p of paragraphs) for (const s of splitSentences(text, tokenize(text, p))) sentences.push(s);
      let ms = Infinity;
      let quotes: Quote[] = [];
      for (let r = 0; r < 3; r++) {
        const t0 = performance.now();
        quotes = findQuotes(text, paragraphs, sentences, [], loadDefaultResources().quotes);
        ms = Math.min(ms, performance.now() - t0);
      }
      console.log(`  stress ${name.padEnd(38)} ${(text.length / 1e6).toFixed(2)} M chars: ${quotes.length} quotes in ${ms.toFixed(0)} ms`);
    }
  }
}

function main(): void {
  const verbose = process.argv.includes('--errors');
  if (!fs.existsSync(DATA)) {
    console.log(`PolNeAR not found at ${DATA}: benchmark skipped.`);
    return;
  }
  console.log(`Quote benchmark on PolNeAR (recogniser: ${loadDefaultResources().recognizer.name})`);
  for (const split of ['train', 'dev']) {
    const t = runSplit(split, verbose);
    console.log(`\n[${split}] ${t.docs} articles, ${(t.bytes / 1e6).toFixed(2)} MB, ${t.gold} gold quoted strings in Content spans (${t.withSource} with a Source)`);
    console.log(`  detection recall (any kind) : ${pct(t.found, t.gold)}`);
    console.log(`  detection recall (direct)   : ${pct(t.foundDirect, t.gold)}`);
    console.log(`  exact boundaries            : ${pct(t.exact, t.gold)}`);
    console.log(`  precision-like (direct in Content): ${pct(t.predDirectInContent, t.predDirect)}; scare quotes: ${t.predScare}`);
    console.log(`  speaker accuracy (found, attributed): ${pct(t.speakerOk, t.speakerDenom)}`);
    console.log(`  speaker accuracy (all with Source)  : ${pct(t.speakerOk, t.withSource)}`);
    console.log(`  speaker accuracy, quotes of 5+ words: ${pct(t.longOk, t.longDenom)} (found, attributed); ${pct(t.longOk, t.longWithSource)} (all with Source)`);
    console.log(`  mention accuracy (found, attributed): ${pct(t.mentionOk, t.speakerDenom)}  (source words in the text = annotated Source span, no pronoun resolution)`);
    console.log(
      `  timing (best of 3 per article): quote pass ${t.quoteMs.toFixed(0)} ms = ${(t.bytes / 1e6 / (t.quoteMs / 1000)).toFixed(1)} MB/s, ${Math.round(t.predQuotes / (t.quoteMs / 1000))} quotes/s, ${(t.quoteMs / (t.bytes / 1e6)).toFixed(1)} ms/MB; full pipeline (split+tokenise+NER+quotes) ${t.pipelineMs.toFixed(0)} ms`,
    );
    if (verbose) {
      const out = path.join(require('os').tmpdir(), `quotes-errors-${split}.txt`);
      fs.writeFileSync(out, t.errors.join('\n'));
      console.log(`  errors written to ${out}`);
    }
  }
  console.log('\nHostile inputs (quote pass only):');
  stress();
}

main();
