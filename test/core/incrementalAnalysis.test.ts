import * as assert from 'assert';
import { analyzeArticle, recognizePart } from '../../server/src/core/analysis';
import type { OffsetRange, Sentence } from '../../server/src/core/types';
import { IncrementalAnalyzer, provisionalEntitiesIn, provisionalFromAnalysis, updateProvisionalEntities } from '../../server/src/core/incrementalAnalysis';
import { context, newService } from '../helpers/resources';
import { diffTokens } from '../../server/src/lsp/semanticTokens';
import { readSeed, SEEDS } from '../helpers/seeds';

/** A small deterministic generator, so a failure names the edit that caused it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 0x100000000;
  };
}

const INSERTIONS = ['e', ' ', '\n', '\n\n', 'Lavrov', ' Sergei Lavrov said ', '“', '”', '"', 'The ', 'kerry', 'Moscow. ', '.'];

/** One random edit: an insertion, a deletion, a replacement, or a copied paragraph (a new duplicate). */
function randomEdit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  if (kind < 0.45) return text.slice(0, at) + INSERTIONS[Math.floor(next() * INSERTIONS.length)] + text.slice(at);
  if (kind < 0.75) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 12)));
  if (kind < 0.9) {
    const end = Math.min(text.length, at + Math.floor(next() * 40));
    return text.slice(0, at) + text.slice(at, end).toUpperCase() + text.slice(end);
  }
  const paragraphs = text.split('\n').filter((l) => l.trim().length > 40);
  if (paragraphs.length === 0) return text;
  return `${text}\n${paragraphs[Math.floor(next() * paragraphs.length)]}\n`;
}

describe('incremental analysis', () => {
  const recognize = (text: string, sentences: readonly Sentence[], within: OffsetRange) => recognizePart(text, sentences, context, within);
  const articles = Object.values(SEEDS).map(readSeed);

  it('equals a fresh analysis after every one of 60 random edits', function () {
    this.timeout(120_000);
    const next = random(6);
    const analyzer = new IncrementalAnalyzer('file:///incremental.article', context.resources.knownWords);
    let text = articles.slice(0, 3).join('\n\n');
    for (let edit = 0; edit < 60; edit++) {
      text = randomEdit(text, next);
      const incremental = analyzer.analyze(text, context);
      const fresh = analyzeArticle(text, context);
      assert.deepStrictEqual(incremental, fresh, `analysis differs after edit ${edit}`);
      assert.deepStrictEqual(analyzer.paragraphLayer(text), { paragraphs: fresh.paragraphs, duplicates: fresh.duplicates }, `paragraph layer differs after edit ${edit}`);
    }
  });

  it('re-tags a sentence elsewhere when an edit changes the document evidence of its words', () => {
    // "Will" is a name in one sentence; a lower-case "will" elsewhere is document evidence against it.
    const before = 'Will Smith arrived in Moscow on Monday.\n\nThe talks went on for hours.\n';
    const after = 'Will Smith arrived in Moscow on Monday.\n\nThe talks will go on for hours.\n';
    const analyzer = new IncrementalAnalyzer('file:///incremental.article', context.resources.knownWords);
    analyzer.analyze(before, context);
    assert.deepStrictEqual(analyzer.analyze(after, context), analyzeArticle(after, context));
    assert.deepStrictEqual(analyzer.analyze(before, context), analyzeArticle(before, context));
  });

  it('carries entities over an edit: unchanged paragraphs keep theirs, shifted', () => {
    const text = articles[0];
    const full = analyzeArticle(text, context);
    const at = text.indexOf('\n', Math.floor(text.length / 2));
    const edited = `${text.slice(0, at)} and more${text.slice(at)}`;
    const provisional = updateProvisionalEntities(provisionalFromAnalysis(full), edited, recognize);
    const fresh = analyzeArticle(edited, context);
    const lineStart = edited.lastIndexOf('\n', at - 1) + 1;
    const outside = (e: { start: number }) => e.start < lineStart || e.start > at + 9;
    assert.deepStrictEqual(provisional.entities.filter(outside), fresh.entities.filter(outside));
    for (const e of provisional.entities) assert.strictEqual(edited.slice(e.start, e.end), e.text);
  });

  it('shifts provisional entities lazily with the same result as shifting them at once', () => {
    let text = articles[1];
    let lazy = provisionalFromAnalysis(analyzeArticle(text, context));
    const next = random(11);
    let at = Math.floor(text.length / 2);
    for (let i = 0; i < 40; i++) {
      // Mostly typing forward, sometimes a jump or a random edit, so both tail paths are taken.
      const roll = next();
      if (roll < 0.15) at = Math.floor(next() * text.length);
      const edited = roll < 0.3 ? randomEdit(text, next) : `${text.slice(0, at)}${INSERTIONS[Math.floor(next() * INSERTIONS.length)]}${text.slice(at)}`;
      at = Math.min(edited.length, at + 1);
      // The reference: the previous entities as a plain (already shifted) array.
      const eager = updateProvisionalEntities({ text, entities: [...lazy.entities], linePerParagraph: lazy.linePerParagraph }, edited, recognize);
      lazy = updateProvisionalEntities(lazy, edited, recognize);
      text = edited;
      assert.deepStrictEqual(lazy.entities, eager.entities);
      for (const e of lazy.entities) assert.strictEqual(text.slice(e.start, e.end), e.text);
      const start = Math.floor(next() * text.length);
      const range = { start, end: start + Math.floor(next() * 3000) };
      assert.deepStrictEqual(provisionalEntitiesIn(lazy, range), lazy.entities.filter((e) => e.end > range.start && e.start < range.end));
    }
  });

  it('serves provisional entities while typing and settles on the full analysis', () => {
    const service = newService();
    let text = articles[1];
    let version = 1;
    const document = { uri: 'file:///typing.article', get version() { return version; }, getText: () => text };
    assert.strictEqual(service.getEntitiesQuickly(document).exact, true);
    const next = random(7);
    for (let i = 0; i < 20; i++) {
      text = randomEdit(text, next);
      version++;
      const quick = service.getEntitiesQuickly(document);
      assert.strictEqual(quick.exact, false);
      for (const e of quick.entities) assert.strictEqual(text.slice(e.start, e.end), e.text);
    }
    const served = service.getEntitiesQuickly(document).entities;
    const refresh = service.settle(document);
    const exact = service.getEntitiesQuickly(document);
    assert.strictEqual(exact.exact, true);
    assert.deepStrictEqual(exact.entities, analyzeArticle(text, context).entities);
    assert.strictEqual(refresh, JSON.stringify(served.map((e) => [e.start, e.end, e.type])) !== JSON.stringify(exact.entities.map((e) => [e.start, e.end, e.type])));
    assert.deepStrictEqual(service.getDuplicateParagraphs(document), analyzeArticle(text, context).duplicates);
  });

  it('settles in stages: dropped between stages after an edit, or overtaken by a request, the analysis stays right', function () {
    this.timeout(60_000);
    const service = newService();
    let text = articles.slice(0, 3).join('\n\n');
    let version = 1;
    const document = { uri: 'file:///stages.article', get version() { return version; }, getText: () => text };
    service.analyze(document);
    const next = random(11);
    for (let round = 0; round < 18; round++) {
      text = randomEdit(text, next);
      version++;
      service.getEntitiesQuickly(document);
      const stages = service.settleInStages(document);
      // Pause after `round % 6` steps (sentences, tagging, clean-up, quotes, actors), then either
      // drop the rest because the text changed, or let a request analyse this version and resume.
      let paused = true;
      for (let s = 0; s < round % 6; s++) if (stages.next().done) paused = false;
      if (round % 2 === 0) {
        stages.return(false);
        text = randomEdit(text, next);
        version++;
      } else if (paused) {
        const byRequest = service.analyze(document);
        let step = stages.next();
        while (!step.done) step = stages.next();
        assert.strictEqual(service.analyze(document), byRequest, 'the settle takes up the analysis the request made');
      }
      const fresh = analyzeArticle(text, context);
      assert.deepStrictEqual(service.analyze(document), fresh, `round ${round}`);
      assert.deepStrictEqual(service.getEntitiesQuickly(document).entities, fresh.entities);
    }
  });

  it('colours the visible paragraphs of a large document at once, then settles on the full analysis', () => {
    const service = newService();
    // Over 100,000 characters: the seeds, eight times over.
    const text = Array.from({ length: 8 }, () => articles.join('\n\n')).join('\n\n');
    assert.ok(text.length > 100_000, `${text.length} characters`);
    const document = { uri: 'file:///large.article', version: 1, getText: () => text };
    const start = text.indexOf('Sergei Lavrov', text.length >> 1);
    const range = { start, end: start + 3000 };
    const quick = service.getEntitiesQuickly(document, range);
    assert.strictEqual(quick.exact, false);
    assert.strictEqual(quick.firstPaint, true);
    assert.ok(quick.entities.length >= 5, `${quick.entities.length} entities on screen`);
    for (const e of quick.entities) {
      assert.strictEqual(text.slice(e.start, e.end), e.text);
      assert.ok(e.end > range.start && e.start < range.end, 'inside the visible range');
    }
    assert.ok(quick.entities.some((e) => e.text === 'Sergei Lavrov' && e.type === 'person'));
    assert.strictEqual(service.settle(document), true, 'the client is asked to refresh after the first paint');
    const exact = service.getEntitiesQuickly(document, range);
    assert.strictEqual(exact.exact, true);
    assert.deepStrictEqual(exact.entities, analyzeArticle(text, context).entities.filter((e) => e.end > range.start && e.start < range.end));
    assert.strictEqual(service.settle(document), false, 'nothing more to refresh');
    // A small document is analysed at once instead.
    const small = { uri: 'file:///small.article', version: 1, getText: () => articles[0] };
    assert.strictEqual(service.getEntitiesQuickly(small, { start: 0, end: 500 }).exact, true);
  });

  it('answers semantic-token deltas with one edit that rebuilds the new array', () => {
    const next = random(8);
    for (let i = 0; i < 200; i++) {
      const before = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * 4));
      const after = [...before];
      const at = Math.floor(next() * (after.length + 1));
      after.splice(at, Math.floor(next() * 3), ...Array.from({ length: Math.floor(next() * 6) }, () => Math.floor(next() * 4)));
      const rebuilt = [...before];
      for (const edit of diffTokens(before, after)) rebuilt.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
      assert.deepStrictEqual(rebuilt, after);
    }
  });
});
