/**
 * Benchmark of direct-quote detection and speaker attribution (`server/src/core/quotes.ts`) on PolNeAR
 * train and dev (`../shared/data/polnear`, never copied into the repository). Run: `npm run bench:quotes`.
 *
 * Gold quoted strings: inside every annotated Content span (widened to take in quotation marks that sit just
 * outside it), quotation marks are paired left to right — curly marks by glyph, straight marks alternately —
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
 * (resolved) Source; otherwise the nearest preceding Source in the article that contains a capitalised
 * word and is not itself a pronoun. PolNeAR has no coreference layer, so this is an approximation.
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
import { loadDefaultRecognizer } from '../server/src/core/ner';
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
        const opens = ch === '“' || ch === '„' || (ch === '"' && straight % 2 === 0);
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

function isNamed(s: string): boolean {
  return !isPronoun(s) && /\b\p{Lu}/u.test(s.replace(/^(The|A|An)\b/, ''));
}

/** Resolves a pronoun Source to the named source it stands for (see the header). */
function resolveGold(src: Span, attrs: readonly Attr[], sources: readonly Span[], depth = 0): Span {
  if (!isPronoun(src.text) || depth > 3) return src;
  if (FIRST_PERSON.has(src.text.trim().toLowerCase())) {
    let best: Attr | undefined;
    for (const a of attrs) {
      if (!a.source || a.source === src) continue;
      if (a.content.some((c) => c.start <= src.start && src.end <= c.end)) {
        if (!best || a.content[0].end - a.content[0].start < best.content[0].end - best.content[0].start) best = a;
      }
    }
    if (best?.source) return resolveGold(best.source, attrs, sources, depth + 1);
  }
  let found: Span | undefined;
  for (const s of sources) {
    if (s.start >= src.start) break;
    if (isNamed(s.text)) found = s;
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
  if (ca.length === 0 && cb.length === 0) {
    const la = a.toLowerCase().match(/[\p{L}]+/gu) ?? [];
    const lb = b.toLowerCase().match(/[\p{L}]+/gu) ?? [];
    return la.length > 0 && lb.length > 0 && la[la.length - 1] === lb[lb.length - 1];
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
  const recognizer = loadDefaultRecognizer();
  const t: Totals = {
    docs: 0, bytes: 0, gold: 0, found: 0, foundDirect: 0, exact: 0, withSource: 0, speakerDenom: 0, speakerOk: 0,
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
    const quotes = findQuotes(text, paragraphs, sentences, entities);
    const q1 = performance.now();
    t.quoteMs += q1 - q0;
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
      const resolved = resolveGold(src, attrs, sources);
      const ok = !!match && match.kind === 'direct' && speakerMatches(match, src, resolved);
      if (match && match.kind === 'direct' && match.attribution) t.speakerDenom++;
      if (ok) t.speakerOk++;
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
    ] as const) {
      const paragraphs = splitParagraphs(text);
      const sentences: Sentence[] = [];
      for (const p of paragraphs) for (const s of splitSentences(text, tokenize(text, p))) sentences.push(s);
      const t0 = performance.now();
      const quotes = findQuotes(text, paragraphs, sentences, []);
      const ms = performance.now() - t0;
      console.log(`  stress ${name.padEnd(16)} ${(text.length / 1e6).toFixed(2)} M chars: ${quotes.length} quotes in ${ms.toFixed(0)} ms`);
    }
  }
}

function main(): void {
  const verbose = process.argv.includes('--errors');
  if (!fs.existsSync(DATA)) {
    console.log(`PolNeAR not found at ${DATA}: benchmark skipped.`);
    return;
  }
  console.log(`Quote benchmark on PolNeAR (recogniser: ${loadDefaultRecognizer().name})`);
  for (const split of ['train', 'dev']) {
    const t = runSplit(split, verbose);
    console.log(`\n[${split}] ${t.docs} articles, ${(t.bytes / 1e6).toFixed(2)} MB, ${t.gold} gold quoted strings in Content spans (${t.withSource} with a Source)`);
    console.log(`  detection recall (any kind) : ${pct(t.found, t.gold)}`);
    console.log(`  detection recall (direct)   : ${pct(t.foundDirect, t.gold)}`);
    console.log(`  exact boundaries            : ${pct(t.exact, t.gold)}`);
    console.log(`  precision-like (direct in Content): ${pct(t.predDirectInContent, t.predDirect)}; scare quotes: ${t.predScare}`);
    console.log(`  speaker accuracy (found, attributed): ${pct(t.speakerOk, t.speakerDenom)}`);
    console.log(`  speaker accuracy (all with Source)  : ${pct(t.speakerOk, t.withSource)}`);
    console.log(
      `  timing: quote pass ${t.quoteMs.toFixed(0)} ms = ${(t.bytes / 1e6 / (t.quoteMs / 1000)).toFixed(1)} MB/s, ${Math.round(t.predQuotes / (t.quoteMs / 1000))} quotes/s, ${(t.quoteMs / (t.bytes / 1e6)).toFixed(1)} ms/MB; full pipeline (split+tokenise+NER+quotes) ${t.pipelineMs.toFixed(0)} ms`,
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
