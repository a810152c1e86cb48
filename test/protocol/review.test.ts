import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type CodeAction, type Diagnostic, type SemanticTokens } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { createAnnotation } from '../../server/src/core/annotations/operations';
import { serializeAnnotationCollection } from '../../server/src/core/annotations/w3c';
import type { Annotation } from '../../server/src/core/annotations/model';
import { LEARNED_FILE } from '../../server/src/lsp/learning';
import {
  DISAGREEMENT_CODE,
  REVIEW_COMMANDS,
  ReviewSummaryNotification,
  ReviewSummaryRequest,
  type AnnotatedArticleRow,
  type AnnotationListItem,
  type ArticleRow,
  type CompareResult,
  type Page,
  type ReviewSummary,
} from '../../server/src/protocol';
import { eventually } from '../helpers/eventually';
import { LspTestClient } from '../helpers/lspClient';
import { errorOf } from '../helpers/responseError';
import { decodeTokens, rangeOf } from '../helpers/protocolText';
import { readSeed, SEEDS } from '../helpers/seeds';

/**
 * Issue 13 over the protocol, against `dist/server.js --stdio` with workspace folders on disk: a
 * correction in one article changes the suggestion in another open one, what was learned is kept in
 * the storage folder the client names and read at start-up, and a reset goes back to the shipped model;
 * the review counts and state; *Accept All*; *Compare with Annotations in…* as diagnostics with quick
 * fixes that write the curated set.
 */

const ADD = 'articleLens.annotation.add';
const LIST = 'articleLens.annotation.list';

/** A workspace folder with a `news` folder, and helpers over a client of it. */
function workspace(prefix: string) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.mkdirSync(path.join(folder, 'news'));
  const article = (name: string) => path.join(folder, 'news', name);
  return {
    folder,
    article,
    write: (name: string, text: string) => fs.writeFileSync(article(name), text),
    storeFile: (name: string) => path.join(folder, '.article-lens', 'annotations', 'news', `${name}.json`),
  };
}

function helpers(client: () => LspTestClient) {
  const run = <R>(command: string, argument: unknown) => client().request<R>('workspace/executeCommand', { command, arguments: [argument] });
  const tokens = async (uri: string) => decodeTokens((await client().request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } })).data);
  /** The type of the token at the `nth` occurrence of `word`, or undefined when it is no entity. */
  const typeAt = async (uri: string, text: string, word: string, nth = 0) => {
    const { start } = rangeOf(text, word, nth);
    return (await tokens(uri)).find((t) => t.line === start.line && t.character === start.character)?.type;
  };
  return { run, tokens, typeAt };
}

describe('learning from corrections over the protocol', function () {
  this.timeout(60000);
  const ws = workspace('article-lens-learning-');
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-storage-'));
  const first = 'Kassioun said the talks had failed.\n';
  const second = 'Kassioun said the ceasefire had collapsed.\n';
  let client: LspTestClient;
  const logs: string[] = [];
  const { run, typeAt } = helpers(() => client);
  const start = async () => {
    client = new LspTestClient();
    client.connection.onNotification('window/logMessage', (params: { message: string }) => {
      logs.push(params.message);
    });
    await client.initialize(ws.folder, true, { storagePath: storage });
  };

  before(async () => {
    ws.write('first.txt', first);
    ws.write('second.txt', second);
    await start();
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(ws.folder, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('a label in one article changes the suggestion in a second open article, and is kept in the storage folder', async () => {
    const a = client.open(ws.article('first.txt'), first);
    const b = client.open(ws.article('second.txt'), second);
    assert.strictEqual(await typeAt(b, second, 'Kassioun'), 'person', 'the shipped model’s mistake');
    await run(ADD, { uri: a, range: rangeOf(first, 'Kassioun'), label: 'organization' });
    assert.strictEqual(await typeAt(a, first, 'Kassioun'), 'organization', 'the label itself');
    await eventually('the second article follows', () => typeAt(b, second, 'Kassioun'), (type) => type === 'organization');
    assert.ok(logs.some((line) => /^learned 1 correction of first\.txt: 1 of 1 sentences updated in [\d.]+ ms$/.test(line)), logs.join('\n'));
    await eventually('the learned file is written', async () => fs.existsSync(path.join(storage, LEARNED_FILE)), Boolean);
    assert.ok(!fs.existsSync(path.join(ws.folder, '.article-lens', LEARNED_FILE)), 'nothing learned is written into the workspace');
  });

  it('reads what was learned at start-up; Reset goes back to the shipped model and stays reset after a restart', async () => {
    await client.shutdown();
    await start();
    const b = client.open(ws.article('second.txt'), second);
    await eventually('the learned corrections are read', () => typeAt(b, second, 'Kassioun'), (type) => type === 'organization');
    await run(REVIEW_COMMANDS.resetLearning, {});
    await eventually('the shipped model is back', () => typeAt(b, second, 'Kassioun'), (type) => type === 'person');
    await client.shutdown();
    logs.length = 0;
    await start();
    const a = client.open(ws.article('first.txt'), first);
    const b2 = client.open(ws.article('second.txt'), second);
    // The first article's label, made before the reset, does not teach again when it opens.
    await client.request<ReviewSummary>(ReviewSummaryRequest.method, { uri: a });
    assert.strictEqual(await typeAt(a, first, 'Kassioun'), 'organization', 'the person’s label still shows');
    assert.strictEqual(await typeAt(b2, second, 'Kassioun'), 'person');
    assert.ok(!logs.some((line) => /^learned \d+ correction/.test(line)), logs.join('\n'));

    // A label made now teaches; removing it takes back what it taught (before, only Reset undid it, and all else with it).
    for (const old of await run<AnnotationListItem[]>(LIST, { uri: a })) await run('articleLens.annotation.remove', { uri: a, id: old.id });
    await run(ADD, { uri: a, range: rangeOf(first, 'Kassioun'), label: 'organization' });
    await eventually('the second article follows the new label', () => typeAt(b2, second, 'Kassioun'), (type) => type === 'organization');
    const [label] = await run<AnnotationListItem[]>(LIST, { uri: a });
    await run('articleLens.annotation.remove', { uri: a, id: label.id });
    await eventually('the second article answers as the shipped model again', () => typeAt(b2, second, 'Kassioun'), (type) => type === 'person');
    assert.ok(logs.some((line) => /^took back what 1 removed correction of first\.txt taught: 1 sentence$/.test(line)), logs.join('\n'));
  });
});

describe('review over the protocol: counts, Accept All, review state', function () {
  this.timeout(60000);
  const ws = workspace('article-lens-review-');
  const seed = readSeed(SEEDS.lavrovKerry);
  let client: LspTestClient;
  const summaries: ReviewSummary[] = [];
  const { run, tokens } = helpers(() => client);
  const summaryOf = (uri: string) => client.request<ReviewSummary | null>(ReviewSummaryRequest.method, { uri });

  before(async () => {
    client = new LspTestClient();
    client.connection.onNotification(ReviewSummaryNotification.method, (summary: ReviewSummary) => {
      summaries.push(summary);
    });
    client.configuration = { learning: { enabled: false } };
    await client.initialize(ws.folder, true);
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(ws.folder, { recursive: true, force: true });
  });

  it('counts confirmed, suggested and rejected entities, and sends them when they change', async () => {
    ws.write('counts.txt', seed);
    const uri = client.open(ws.article('counts.txt'), seed);
    const before = await summaryOf(uri);
    assert.ok(before && before.suggested > 10, JSON.stringify(before));
    assert.deepStrictEqual({ ...before, suggested: 0 }, { uri, state: 'unreviewed', confirmed: 0, suggested: 0, rejected: 0 });
    const sanaTokens = (await tokens(uri)).filter((t) => seed.split('\n')[t.line].slice(t.character, t.character + t.length) === 'SANA').length;
    assert.strictEqual(sanaTokens, 1);
    await run(ADD, { uri, range: { start: rangeOf(seed, 'Sergei Lavrov').start, end: rangeOf(seed, 'Sergei Lavrov').start }, accept: true });
    await run(ADD, { uri, range: { start: rangeOf(seed, 'SANA').start, end: rangeOf(seed, 'SANA').start }, reject: true });
    const after = await summaryOf(uri);
    assert.deepStrictEqual(after, { uri, state: 'unreviewed', confirmed: 1, suggested: before.suggested - 2, rejected: 1 });
    await eventually('the client is told', async () => summaries.some((s) => s.uri === uri && s.confirmed === 1 && s.rejected === 1), Boolean);
    assert.strictEqual(await summaryOf('file:///not/open.txt'), null);
  });

  it('accepts every suggestion of the paragraph at the cursor, then of the article', async () => {
    ws.write('accept.txt', seed);
    const uri = client.open(ws.article('accept.txt'), seed);
    const reviewed = (t: { type: string }) => ['person', 'organization', 'location', 'misc'].includes(t.type);
    const line = 1;
    const inLine = (await tokens(uri)).filter((t) => t.line === line && reviewed(t));
    assert.ok(inLine.length >= 3, 'the second paragraph has several suggestions');
    const { accepted } = await run<{ accepted: number }>(REVIEW_COMMANDS.acceptAll, { uri, scope: 'paragraph', position: { line, character: 5 } });
    assert.strictEqual(accepted, inLine.length);
    const now = await tokens(uri);
    assert.ok(now.filter((t) => t.line === line && reviewed(t)).every((t) => t.modifiers.includes('confirmed')));
    assert.ok(now.filter((t) => t.line !== line && reviewed(t)).every((t) => !t.modifiers.includes('confirmed')), 'other paragraphs untouched');
    const stored = await run<AnnotationListItem[]>(LIST, { uri });
    assert.deepStrictEqual(new Set(stored.map((a) => a.kind)), new Set(['confirm']));
    const rest = await run<{ accepted: number }>(REVIEW_COMMANDS.acceptAll, { uri, scope: 'article' });
    const summary = await summaryOf(uri);
    assert.strictEqual(summary?.suggested, 0);
    assert.strictEqual(summary?.confirmed, accepted + rest.accepted);
    assert.deepStrictEqual(await run(REVIEW_COMMANDS.acceptAll, { uri, scope: 'article' }), { accepted: 0 });
    assert.match((await errorOf(run(REVIEW_COMMANDS.acceptAll, { uri, scope: 'paragraph' }))).message, /"position"/);
    assert.match((await errorOf(run(REVIEW_COMMANDS.acceptAll, { uri, scope: 'everything' }))).message, /"scope" must be/);
  });

  it('sets the review state, stores it with the annotations, and the views that list articles show it', async () => {
    ws.write('state.txt', seed);
    const uri = client.open(ws.article('state.txt'), seed);
    await run(ADD, { uri, range: rangeOf(seed, 'counterpart'), label: 'person' });
    await run(REVIEW_COMMANDS.setReviewState, { uri, state: 'reviewed' });
    assert.strictEqual(JSON.parse(fs.readFileSync(ws.storeFile('state.txt'), 'utf8')).reviewState, 'reviewed');
    assert.strictEqual((await summaryOf(uri))?.state, 'reviewed');
    // One review state: the one the command stored reaches the Articles and Annotations views through the index.
    const stateIn = async <R extends { uri: string; reviewState?: string }>(request: string) => (await client.request<Page<R>>(request, {})).items.find((row) => row.uri === uri)?.reviewState;
    await eventually('the Articles view shows it', () => stateIn<ArticleRow>('articleLens/articles'), (state) => state === 'reviewed');
    await eventually('the Annotations view lists it with its label', () => stateIn<AnnotatedArticleRow>('articleLens/annotatedArticles'), (state) => state === 'reviewed');
    await run(REVIEW_COMMANDS.setReviewState, { uri, state: 'in-progress' });
    await eventually('the Articles view follows a change', () => stateIn<ArticleRow>('articleLens/articles'), (state) => state === 'in-progress');
    assert.match((await errorOf(run(REVIEW_COMMANDS.setReviewState, { uri, state: 'done' }))).message, /"state" must be one of unreviewed, in-progress, reviewed/);
  });
});

describe('curation over the protocol: Compare with Annotations in…', function () {
  this.timeout(60000);
  const ws = workspace('article-lens-curation-');
  const theirs = workspace('article-lens-theirs-');
  const seed = readSeed(SEEDS.lavrovKerry);
  let client: LspTestClient;
  const { run } = helpers(() => client);

  /** A label annotation of theirs on the first occurrence of `words`. */
  const theirLabel = (words: string, label: string, id: string): Annotation => {
    const start = seed.indexOf(words);
    const made = createAnnotation(seed, [{ start, end: start + words.length }], { kind: 'label', label }, id, { creator: 'Other', now: '2024-06-01T00:00:00.000Z' });
    assert.ok(made.ok);
    return made.value;
  };

  before(async () => {
    theirs.write('compare.txt', seed);
    fs.mkdirSync(path.dirname(theirs.storeFile('compare.txt')), { recursive: true });
    const annotations = [theirLabel('Sergei Lavrov', 'person', 't1'), theirLabel('SANA', 'location', 't2'), theirLabel('John Kerry', 'person', 't3')];
    fs.writeFileSync(theirs.storeFile('compare.txt'), serializeAnnotationCollection({ path: 'news/compare.txt', text: seed, annotations: { reviewState: 'reviewed', annotations } }));
    // A brat file for a second article, in PolNeAR's naming (<article>_<annotator>.ann).
    theirs.write('brat.txt', seed);
    const kerry = seed.indexOf('John Kerry');
    fs.writeFileSync(path.join(theirs.folder, 'news', 'brat_4b22.ann'), `T1\tOrganization ${kerry} ${kerry + 10}\tJohn Kerry\n`);
    client = new LspTestClient();
    client.configuration = { learning: { enabled: false } };
    await client.initialize(ws.folder, true);
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(ws.folder, { recursive: true, force: true });
    fs.rmSync(theirs.folder, { recursive: true, force: true });
  });

  const disagreements = (uri: string, count: number) =>
    client.waitForDiagnostics(uri, (p) => p.diagnostics.filter((d) => d.code === DISAGREEMENT_CODE).length === count).then((p) => p.diagnostics.filter((d) => d.code === DISAGREEMENT_CODE));

  it('shows each disagreement as an Information diagnostic; Take theirs and Keep mine settle them into my store', async () => {
    ws.write('compare.txt', seed);
    const uri = client.open(ws.article('compare.txt'), seed);
    await run(ADD, { uri, range: rangeOf(seed, 'Sergei Lavrov'), label: 'person' });
    await run(ADD, { uri, range: rangeOf(seed, 'SANA'), label: 'organization' });
    const result = await run<CompareResult>(REVIEW_COMMANDS.compare, { folder: URI.file(theirs.folder).toString() });
    assert.deepStrictEqual({ ...result, folder: path.resolve(result.folder!) }, { folder: path.resolve(theirs.folder), articles: 1, disagreements: 2, problems: [] });
    const [sana, kerry] = await disagreements(uri, 2);
    assert.deepStrictEqual(sana.range, rangeOf(seed, 'SANA'));
    assert.strictEqual(sana.severity, 3);
    assert.match(String(sana.message), /^Annotators disagree: yours Organization “SANA”; theirs Location “SANA”/);
    assert.match(String(kerry.message), /^Annotators disagree: yours nothing; theirs Person “John Kerry”/);
    const fixes = async (diagnostic: Diagnostic) => (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } })).filter((a) => a.diagnostics?.[0]?.code === DISAGREEMENT_CODE);
    const sanaFixes = await fixes(sana);
    assert.deepStrictEqual(sanaFixes.map((a) => [a.title, a.kind]), [['Keep mine', 'quickfix'], ['Take theirs', 'quickfix']]);
    await client.request('workspace/executeCommand', sanaFixes[1].command);
    const labels = (await run<AnnotationListItem[]>(LIST, { uri })).map((a) => `${a.text}:${a.label}`);
    assert.deepStrictEqual(labels.sort(), ['SANA:location', 'Sergei Lavrov:person']);
    const [left] = await disagreements(uri, 1);
    assert.match(String(left.message), /John Kerry/);
    const kerryFixes = await fixes(left);
    await client.request('workspace/executeCommand', kerryFixes.find((a) => a.title === 'Keep mine')!.command);
    await disagreements(uri, 0);
    assert.strictEqual((await run<AnnotationListItem[]>(LIST, { uri })).length, 2, 'keeping mine adds nothing');
  });

  it('Take theirs leaves one decision per entity: their label replaces my rejection, and an entity we both labelled is not rejected', async () => {
    // Before: my rejection of SANA stayed beside their label (confirmed 1, rejected 1 on one name), and taking
    // their "nothing" over my claim rejected every suggestion inside it, John Kerry too, which both labelled.
    const text = 'Sergei Lavrov told John Kerry in Geneva, SANA reported.\n';
    theirs.write('decided.txt', text);
    const theirsOf = (words: string, label: string, id: string) => createAnnotation(text, [{ start: text.indexOf(words), end: text.indexOf(words) + words.length }], { kind: 'label', label }, id, { creator: 'Other', now: '2024-06-01T00:00:00.000Z' });
    const made = [theirsOf('SANA', 'location', 't4'), theirsOf('John Kerry', 'person', 't5')].map((m) => (assert.ok(m.ok), m.value));
    fs.writeFileSync(theirs.storeFile('decided.txt'), serializeAnnotationCollection({ path: 'news/decided.txt', text, annotations: { reviewState: 'reviewed', annotations: made } }));
    const previous = client.configuration;
    client.configuration = { ...(previous as object), annotation: { labels: ['claim'] } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    try {
      ws.write('decided.txt', text);
      const uri = client.open(ws.article('decided.txt'), text);
      const sana = rangeOf(text, 'SANA');
      await run(ADD, { uri, range: { start: sana.start, end: sana.start }, reject: true });
      await run(ADD, { uri, range: rangeOf(text, 'John Kerry'), label: 'person' });
      await run(ADD, { uri, range: rangeOf(text, text.trimEnd()), label: 'claim' });
      await run(REVIEW_COMMANDS.compare, { folder: URI.file(theirs.folder).toString() });
      // One disagreement: my claim over the sentence against their labels in it.
      const [claim] = await disagreements(uri, 1);
      await run(REVIEW_COMMANDS.resolveDisagreement, { uri, id: (claim.data as { id: string }).id, take: 'theirs' });
      await disagreements(uri, 0);
      const decisions = (await run<AnnotationListItem[]>(LIST, { uri })).map((a) => `${a.kind}:${a.label ?? ''}:${a.text}`).sort();
      assert.deepStrictEqual(decisions, ['label:location:SANA', 'label:person:John Kerry']);
    } finally {
      client.configuration = previous;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }
  });

  it('compares with brat files too, and stops comparing', async () => {
    ws.write('brat.txt', seed);
    const uri = client.open(ws.article('brat.txt'), seed);
    await run(ADD, { uri, range: rangeOf(seed, 'John Kerry'), label: 'person' });
    const [kerry] = await disagreements(uri, 1);
    assert.match(String(kerry.message), /yours Person “John Kerry”; theirs Organization “John Kerry” \(.*brat_4b22\.ann\)/);
    await run(REVIEW_COMMANDS.compare, { folder: null });
    await disagreements(uri, 0);
    assert.match((await errorOf(run(REVIEW_COMMANDS.compare, { folder: path.join(theirs.folder, 'nowhere') }))).message, /is not a folder/);
    // A URI whose escapes do not decode named the root, and the whole file system was compared.
    assert.match((await errorOf(run(REVIEW_COMMANDS.compare, { folder: 'file://%%%' }))).message, /is not a valid file URI/);
    assert.match((await errorOf(run(REVIEW_COMMANDS.resolveDisagreement, { uri, id: 'x', take: 'theirs' }))).message, /no such disagreement/);
  });
});
