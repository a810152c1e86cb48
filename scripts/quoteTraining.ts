/**
 * The speaker ranker's examples and its cross-validation on PolNeAR train, shared by `npm run train:quotes`
 * (`trainQuotes.ts`, which also picks the L2 strength and writes the model) and `npm run bench:quotes`
 * (`benchQuotes.ts`, which prints the cross-validated figure of the shipped settings beside train and dev).
 *
 * Examples: every quotation the quote pass finds in a train article, with its speaker candidates
 * (`collectSpeakerCandidates`). Gold: the candidates overlapping the Source span of the attribution whose
 * Content holds the quotation (for a `previous` candidate, the repeated mention); a quotation outside every
 * Content span has gold *no speaker*; a quotation whose Source is not among its candidates teaches nothing
 * and is counted. Antecedent examples: see `prepare`. Entities come from the shipped tagger, as at run time.
 */
import { analyzeArticle, plainContext } from '../server/src/core/analysis';
import { splitParagraphs } from '../server/src/core/paragraphs';
import { overlaps } from '../server/src/core/search';
import type { ArticleResources } from '../server/src/core/resources';
import { loadDefaultResources } from '../server/src/diskData';
import {
  collectSpeakerCandidates,
  findQuotes,
  trainSpeakerModel,
  type RankingExample,
  type ReportedPronoun,
  type SpeakerModel,
} from '../server/src/core/quotes';
import { splitSentences, tokenize } from '../server/src/core/tokenize';
import type { EntityMention, Paragraph, Sentence } from '../server/src/core/types';
import { countActorSpeakers, countSpeakers, namesSomeone, sharesNameWord, strictGold, trainingResources, type ActorCounts, type Article, type CalibrationCount, type SpeakerCounts } from './quoteGold';

/** Folds of the cross-validation: article index mod 5. */
export const FOLDS = 5;

const lexicon = trainingResources.lexicon;

/** A train article read once: its text views, entities and the rankers' examples. */
export interface Prepared {
  readonly article: Article;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly entities: readonly EntityMention[];
  readonly examples: RankingExample[];
  readonly antecedentExamples: RankingExample[];
}

/** What preparing the examples found (printed by training). */
export interface Stats {
  quotes: number;
  none: number;
  missed: number;
  skipped: number;
  resolutions: number;
  antecedentExamples: number;
  /** Resolutions whose strict gold is not among the candidates, by anaphor kind. */
  absent: Map<string, number>;
}

/** Stats with nothing counted yet. */
export function emptyStats(): Stats {
  return { quotes: 0, none: 0, missed: 0, skipped: 0, resolutions: 0, antecedentExamples: 0, absent: new Map() };
}

/** Whether the latest subject agreeing with a pronoun is gold besides the strict gold (see below); `QUOTES_STRICT_ONLY=1` for the strict gold alone. */
const ACCEPT_LATEST_SUBJECT = process.env.QUOTES_STRICT_ONLY !== '1';

/** Reads an article and makes its speaker and antecedent examples. */
export function prepare(article: Article, recognize: (text: string, sentences: readonly Sentence[]) => EntityMention[], stats: Stats): Prepared {
  const { text } = article;
  const paragraphs = splitParagraphs(text);
  const sentences: Sentence[] = [];
  for (const p of paragraphs) for (const s of splitSentences(text, tokenize(text, p))) sentences.push(s);
  const entities = recognize(text, sentences);
  const contents = article.attrs.flatMap((a) => a.content);
  const examples: RankingExample[] = [];
  // Pronoun Sources of attributions without a quoted string: reported speech (`Ryan said he …`), resolved as
  // extra examples of the antecedent ranker (twice the pronouns to learn from).
  const quotedAttrs = new Set(article.gold.map((g) => g.attr));
  const reported: ReportedPronoun[] = article.attrs
    .filter((a) => a.source && !quotedAttrs.has(a) && /^(he|she)$/i.test(a.source.text.trim()) && a.content.length > 0)
    .map((a) => ({ mention: { start: a.source!.start, end: a.source!.end, text: a.source!.text }, content: { start: a.content[0].start, end: a.content[0].end } }))
    .sort((x, y) => x.mention.start - y.mention.start);
  const collected = collectSpeakerCandidates(text, paragraphs, sentences, entities, lexicon, reported);
  for (const q of collected.quotes) {
    stats.quotes++;
    // The gold string this quotation covers (the innermost attribution's, as the benchmark reads it).
    const g = article.gold.find((x) => q.contentStart <= x.start + 1 && q.contentEnd >= x.end - 1);
    const noneIndex = q.candidates.length - 1;
    if (!g) {
      const inContent = contents.some((c) => c.start < q.contentEnd && q.contentStart < c.end);
      if (inContent) stats.skipped++;
      else {
        examples.push({ candidates: q.candidates, gold: [noneIndex] });
        stats.none++;
      }
      continue;
    }
    const source = g.attr.source;
    if (!source) {
      stats.skipped++;
      continue;
    }
    const gold: number[] = [];
    q.spans.forEach((span, i) => {
      if (span && source.fragments.some(([s, e]) => overlaps(span, { start: s, end: e }))) gold.push(i);
    });
    if (gold.length === 0) stats.missed++;
    else examples.push({ candidates: q.candidates, gold });
  }
  // Antecedents: gold = the candidates sharing a name word with the strict gold speaker of the quotation
  // (the nearest earlier Source naming someone: PolNeAR has no coreference layer), when the mention being
  // resolved is the annotated Source.
  const antecedentExamples: RankingExample[] = [];
  for (const { anaphor, candidates } of collected.antecedents) {
    stats.resolutions++;
    // The gold string that opens right after the quotation's opening mark; for reported speech, the pronoun.
    const g = article.gold.find((x) => x.start > anaphor.quote.start && x.start <= anaphor.quote.start + 2);
    const isReported = reported.some((r) => r.mention.start === anaphor.mention.start && r.content.start === anaphor.quote.start);
    const source = isReported ? article.sources.find((x) => x.start === anaphor.mention.start) : g?.attr.source;
    if (!source || namesSomeone(source.text) || !source.fragments.some(([s, e]) => overlaps(anaphor.mention, { start: s, end: e }))) continue;
    const named = strictGold(source, article.sources);
    if (!namesSomeone(named.text)) continue;
    const gold: number[] = [];
    candidates.forEach((c, i) => {
      if (c.name && sharesNameWord(c.name.text, named.text)) gold.push(i);
    });
    // The one named is not among the candidates (the recogniser missed the name, or the strict gold names
    // someone the pronoun cannot stand for): nothing to learn. (Teaching *nobody* here cost 0.01 strict in
    // cross-validation.)
    if (gold.length === 0) {
      const kind = `absent ${anaphor.kind}`;
      stats.absent.set(kind, (stats.absent.get(kind) ?? 0) + 1);
      continue;
    }
    // The strict gold of `he` / `she` is the nearest earlier named Source, most often the previous quotation's
    // speaker even where the sentence before names someone else as its subject (`Carson defied the question. “…,” he
    // said.`: gold Cruz). The person of the pronoun's gender who is the latest subject in its sentence or the one
    // before is an answer the gold may miss: it is gold too, so the ranker is not taught to pass it over.
    if (ACCEPT_LATEST_SUBJECT && (anaphor.kind === 'he' || anaphor.kind === 'she')) {
      candidates.forEach((c, i) => {
        if (!c.name || gold.includes(i)) return;
        const f = c.features;
        if (f.includes('subjRec=0') && (f.includes('subjSd=0') || f.includes('subjSd=1')) && (f.includes('g=agree') || f.includes('g=sharedAgree'))) gold.push(i);
      });
    }
    antecedentExamples.push({ candidates, gold });
    stats.antecedentExamples++;
  }
  return { article, paragraphs, sentences, entities, examples, antecedentExamples };
}

/** Speaker figures of `model` (the hand rules when absent) over the articles. */
export function evaluate(items: readonly Prepared[], model: SpeakerModel | undefined, misses?: string[], calibration?: Map<string, CalibrationCount>): SpeakerCounts {
  const counts: SpeakerCounts = { withSource: 0, own: 0, strict: 0, outsideContent: 0, outsideLeft: 0, misses, calibration };
  for (const p of items) countSpeakers(p.article, findQuotes(p.article.text, p.paragraphs, p.sentences, p.entities, lexicon, model), counts);
  return counts;
}

/** Per fold, the strict and our own speaker accuracy of a model trained on the other folds, and, when asked for, the speaker actor accuracy. */
export interface CrossValidation {
  readonly strict: number[];
  readonly own: number[];
  readonly actor: number[];
  /** The held-out attributed quotations of all folds by the ranker's confidence (`confidenceBand`). */
  readonly calibration: Map<string, CalibrationCount>;
}

/**
 * Cross-validation by article: for each fold, both rankers are trained on the other folds' examples with the
 * L2 strength `l2` and scored on the fold's articles (`evaluate`, the whole quote pass).
 */
export function crossValidate(items: readonly Prepared[], l2: number, actors = false): CrossValidation {
  const out: CrossValidation = { strict: [], own: [], actor: [], calibration: new Map() };
  for (let fold = 0; fold < FOLDS; fold++) {
    const training = items.filter((_, i) => i % FOLDS !== fold);
    const model = trainSpeakerModel(training.flatMap((p) => p.examples), training.flatMap((p) => p.antecedentExamples), { l2 });
    const heldOut = items.filter((_, i) => i % FOLDS === fold);
    const counts = evaluate(heldOut, model, undefined, out.calibration);
    out.strict.push(counts.strict / counts.withSource);
    out.own.push(counts.own / counts.withSource);
    if (actors) {
      // The whole analysis with this fold's ranker, as the editor would run it: the actor each quote is given to.
      const context = plainContext({ ...shippedResources(), speakers: model });
      const actorCounts: ActorCounts = { named: 0, right: 0, none: 0 };
      for (const p of heldOut) countActorSpeakers(p.article, analyzeArticle(p.article.text, context), actorCounts);
      out.actor.push(actorCounts.right / actorCounts.named);
    }
  }
  return out;
}

let resources: ArticleResources | undefined;
/** The shipped data files, loaded once (the cross-validation swaps in each fold's ranker). */
function shippedResources(): ArticleResources {
  return (resources ??= loadDefaultResources());
}

/** The mean of the numbers (of the folds' figures). */
export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** `mean ± sd` of the numbers, three decimals. */
export function meanSd(xs: readonly number[]): string {
  const m = mean(xs);
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return `${m.toFixed(3)} ± ${sd.toFixed(3)}`;
}
