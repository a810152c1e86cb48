import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Hover, InlayHint, Location, SemanticTokens } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import type { ActorArticleRow, ActorMap, ActorRow, ArticleRow, MentionItem, Page, QuoteRow, SpeakerRow } from '../../server/src/protocol';
import { eventually } from '../helpers/eventually';
import { LspTestClient } from '../helpers/lspClient';
import { readSeed, ROOT, SEEDS, seedPath } from '../helpers/seeds';

const SEED_NAMES = Object.values(SEEDS);
const seedUri = (name: string) => URI.file(seedPath(name)).toString();
const nameOf = (uri: string) => path.basename(URI.parse(uri).fsPath);

/** The text a range covers in a seed (ranges of these requests are on one line). */
function textAt(name: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return readSeed(name).split('\n')[range.start.line].slice(range.start.character, range.end.character);
}

/** Protocol tests of the requests behind the Actors, Quotes and Articles views and the actor map, on the five seeds. */
describe('workspace views over stdio, on the seed articles', function () {
  let client: LspTestClient;
  let lavrov: ActorRow;

  before(async function () {
    client = new LspTestClient();
    const ready = client.whenReady();
    await client.initialize(path.join(ROOT, 'seeds'), true);
    assert.strictEqual(await ready, 5);
    const actors = await client.request<Page<ActorRow>>('articleLens/actors', { types: ['person'], query: 'lavrov' });
    lavrov = actors.items[0];
  });

  after(async () => client.shutdown());

  it('lists Sergei Lavrov among the actors with his five articles, mentions, quotes and role', async () => {
    assert.strictEqual(lavrov.name, 'Sergei Lavrov');
    assert.strictEqual(lavrov.articles, 5);
    assert.ok(lavrov.quotes >= 9, `quotes: ${lavrov.quotes}`);
    assert.ok(lavrov.mentions >= 30, `mentions: ${lavrov.mentions}`);
    assert.strictEqual(lavrov.roles[0], 'Russian Foreign Minister');
    const all = await client.request<Page<ActorRow>>('articleLens/actors', {});
    const people = all.items.filter((a) => a.type === 'person').map((a) => a.name);
    assert.strictEqual(people[0], 'Sergei Lavrov', 'the most mentioned person comes first');
    for (const name of ['John Kerry', 'Frank-Walter Steinmeier']) assert.ok(people.includes(name), `${name} in ${people.join(', ')}`);
    assert.ok(all.items.some((a) => a.type === 'location' && a.name === 'Moscow' && a.articles === 5), 'places are listed too');
    for (let i = 1; i < all.items.length; i++) assert.ok(all.items[i - 1].mentions >= all.items[i].mentions, 'most mentioned first');
  });

  it('filters by type and pages through the list without losing or repeating an actor', async () => {
    const all = await client.request<Page<ActorRow>>('articleLens/actors', {});
    const organisations = await client.request<Page<ActorRow>>('articleLens/actors', { types: ['organization'] });
    assert.ok(organisations.total > 0 && organisations.items.every((a) => a.type === 'organization'));
    const paged: ActorRow[] = [];
    for (let offset = 0; offset < all.total; offset += 7) {
      const page = await client.request<Page<ActorRow>>('articleLens/actors', { offset, limit: 7 });
      assert.strictEqual(page.total, all.total);
      assert.strictEqual(page.offset, offset);
      paged.push(...page.items);
    }
    assert.deepStrictEqual(paged.map((a) => a.id), all.items.map((a) => a.id));
    assert.strictEqual(new Set(paged.map((a) => a.id)).size, all.total);
  });

  it('gives the five articles of Lavrov, each with a target that locates his introduction', async () => {
    const articles = await client.request<Page<ActorArticleRow>>('articleLens/actorArticles', { id: lavrov.id });
    assert.deepStrictEqual(articles.items.map((a) => nameOf(a.uri)), SEED_NAMES);
    assert.strictEqual(articles.items.reduce((n, a) => n + a.mentions, 0), lavrov.mentions);
    const first = articles.items.find((a) => nameOf(a.uri) === SEEDS.lavrovJamil)!;
    const location = await client.request<Location>('articleLens/locate', first.introduction);
    assert.strictEqual(location.uri, seedUri(SEEDS.lavrovJamil));
    assert.strictEqual(textAt(SEEDS.lavrovJamil, location.range), 'Sergei Lavrov');
    assert.strictEqual(location.range.start.line, 1);
  });

  it('lists his mentions in one article with their lines, names, descriptions and pronouns', async () => {
    const mentions = await client.request<MentionItem[]>('articleLens/actorMentions', { id: lavrov.id, uri: seedUri(SEEDS.lavrovJamil) });
    const row = (await client.request<Page<ActorArticleRow>>('articleLens/actorArticles', { id: lavrov.id })).items.find((a) => nameOf(a.uri) === SEEDS.lavrovJamil)!;
    assert.strictEqual(mentions.length, row.mentions);
    for (const m of mentions) {
      const text = textAt(SEEDS.lavrovJamil, m.range);
      if (m.kind === 'name') assert.match(text, /^(Sergei )?Lavrov$/);
      assert.ok(m.preview.includes(text), `the preview shows the mention: ${m.preview} / ${text}`);
    }
    assert.ok(mentions.some((m) => m.kind !== 'name'), 'a description or pronoun is among them');
    for (let i = 1; i < mentions.length; i++) assert.ok(mentions[i - 1].range.start.line <= mentions[i].range.start.line, 'document order');
  });

  it('finds the workspace actor under the cursor (for revealing it in the view)', async () => {
    const uri = client.open(seedPath(SEEDS.lavrovJamil));
    const line = readSeed(SEEDS.lavrovJamil).split('\n')[2];
    const found = await client.request<ActorRow | null>('articleLens/actorAt', { textDocument: { uri }, position: { line: 2, character: line.indexOf('Lavrov') + 2 } });
    assert.strictEqual(found?.id, lavrov.id);
    const nothing = await client.request<ActorRow | null>('articleLens/actorAt', { textDocument: { uri }, position: { line: 2, character: line.indexOf('said') } });
    assert.strictEqual(nothing, null);
    client.close(uri);
  });

  it('groups the quotes by speaker, filters them by words and by speaker, and locates each', async () => {
    const speakers = await client.request<Page<SpeakerRow>>('articleLens/quoteSpeakers', {});
    assert.deepStrictEqual(speakers.items[0], { id: lavrov.id, name: 'Sergei Lavrov', type: 'person', quotes: lavrov.quotes });
    assert.ok(speakers.items.some((s) => s.name === 'John Kerry'));
    const quotes = await client.request<Page<QuoteRow>>('articleLens/speakerQuotes', { id: lavrov.id });
    assert.strictEqual(quotes.total, lavrov.quotes);
    assert.ok(quotes.items.every((q) => /^Serge[iy] Lavrov$/.test(q.speaker ?? '')), JSON.stringify(quotes.items.map((q) => q.speaker)));
    const futile = quotes.items.find((q) => q.text.startsWith('The use of force'))!;
    assert.strictEqual(nameOf(futile.uri), SEEDS.lavrovKerry);
    const location = await client.request<Location>('articleLens/locate', { uri: futile.uri, start: futile.start, end: futile.end });
    assert.match(textAt(SEEDS.lavrovKerry, location.range), /^“The use of force to solve the crisis in Syria would be futile,”$/);

    const byWords = await client.request<Page<SpeakerRow>>('articleLens/quoteSpeakers', { text: 'FUTILE' });
    assert.deepStrictEqual(byWords.items.map((s) => [s.name, s.quotes]), [['Sergei Lavrov', 1]]);
    const bySpeaker = await client.request<Page<SpeakerRow>>('articleLens/quoteSpeakers', { speaker: 'kerry' });
    assert.deepStrictEqual(bySpeaker.items.map((s) => s.name), ['John Kerry']);
    const none = await client.request<Page<SpeakerRow>>('articleLens/quoteSpeakers', { text: 'no such words in any quote' });
    assert.strictEqual(none.total, 0);
  });

  it('lists every article with its counts of problems by the severities set', async () => {
    const articles = await client.request<Page<ArticleRow>>('articleLens/articles', {});
    assert.deepStrictEqual(articles.items.map((a) => nameOf(a.uri)), SEED_NAMES);
    const byName = new Map(articles.items.map((a) => [nameOf(a.uri), a]));
    assert.deepStrictEqual(byName.get(SEEDS.lavrovJamil)!.problems, { error: 0, warning: 9, information: 0, hint: 0 });
    assert.ok(byName.get(SEEDS.lavrovSteinmeier)!.problems.hint >= 1, 'Steinmeier / Steimeier is a name-variant hint');
    assert.ok(articles.items.every((a) => a.actors > 0 && a.reviewState === 'unreviewed'), 'no store file: unreviewed');
    // Each article's counts are what the Problems panel shows once it is opened and analysed.
    const SEVERITY = ['', 'error', 'warning', 'information', 'hint'] as const;
    for (const name of SEED_NAMES) {
      const uri = client.open(seedPath(name));
      const expected = JSON.stringify(byName.get(name)!.problems);
      let published = '';
      await client.waitForDiagnostics(uri, (p) => {
        const counts = { error: 0, warning: 0, information: 0, hint: 0 };
        for (const d of p.diagnostics) counts[SEVERITY[d.severity ?? 1] as keyof typeof counts]++;
        published = JSON.stringify(counts);
        return published === expected;
      }).catch(() => assert.fail(`${name}: the Articles view counts ${expected}, the diagnostics published are ${published}`));
      client.close(uri);
    }

    client.configuration = { duplicateParagraphs: { severity: 'error' }, nameVariants: { severity: 'off' }, pageFurniture: { severity: 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const strict = await client.request<Page<ArticleRow>>('articleLens/articles', {});
    const strictByName = new Map(strict.items.map((a) => [nameOf(a.uri), a]));
    assert.deepStrictEqual(strictByName.get(SEEDS.lavrovJamil)!.problems, { error: 9, warning: 0, information: 0, hint: 0 });
    assert.strictEqual(strictByName.get(SEEDS.lavrovSteinmeier)!.problems.hint, 0);
    client.configuration = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });

  it('draws the actor map: Lavrov, Kerry and Steinmeier, lines for shared articles and from speakers to whom they quote about', async () => {
    const map = await client.request<ActorMap>('articleLens/actorMap', {});
    const id = (name: string) => map.nodes.find((n) => n.name === name)?.id;
    for (const name of ['Sergei Lavrov', 'John Kerry', 'Frank-Walter Steinmeier']) assert.ok(id(name), `${name} is on the map`);
    const lavrovNode = map.nodes.find((n) => n.id === lavrov.id)!;
    assert.strictEqual(lavrovNode.articles, 5);
    const together = (a: string, b: string) => map.edges.find((e) => e.kind === 'together' && ((e.source === a && e.target === b) || (e.source === b && e.target === a)));
    assert.ok(together(lavrov.id, id('Moscow')!)?.weight === 5, 'Lavrov and Moscow share five articles');
    assert.ok(together(lavrov.id, id('John Kerry')!), 'Lavrov and Kerry share an article');
    const quoting = map.edges.filter((e) => e.kind === 'quotes' && e.source === lavrov.id);
    assert.ok(quoting.some((e) => e.target === id('Syria')), `Lavrov's quotes name Syria: ${JSON.stringify(quoting)}`);
    const ids = new Set(map.nodes.map((n) => n.id));
    assert.ok(map.edges.every((e) => ids.has(e.source) && ids.has(e.target)), 'every line joins two nodes of the map');
    assert.ok(map.nodes.every((n) => n.firstDate === undefined), 'the seeds carry no dates');

    const small = await client.request<ActorMap>('articleLens/actorMap', { maxNodes: 3 });
    assert.strictEqual(small.nodes.length, 3);
    assert.strictEqual(small.totalActors, map.totalActors);
    assert.deepStrictEqual(small.nodes.map((n) => n.id), map.nodes.slice(0, 3).map((n) => n.id));
  });

  it('tells the client when an article changes its actors, and the views follow', async () => {
    const changed = new Promise<{ revision: number; actorsChanged: boolean }>((resolve) =>
      client.connection.onNotification('articleLens/workspaceChanged', (notice: { revision: number; actorsChanged: boolean }) => {
        if (notice.actorsChanged) resolve(notice);
      }),
    );
    const uri = client.open(seedPath(SEEDS.lavrovKerry), `${readSeed(SEEDS.lavrovKerry)}\nLater, Ban Ki-moon said the talks were useful.\n`);
    const notice = await changed;
    assert.ok(notice.revision > 0);
    const ban = await eventually('Ban Ki-moon among the actors', () => client.request<Page<ActorRow>>('articleLens/actors', { query: 'ban ki' }), (page) => page.total > 0);
    assert.deepStrictEqual(ban.items.map((a) => [a.name, a.articles]), [['Ban Ki-moon', 1]]);
    client.close(uri);
  });
});

describe('feature switches and index settings over stdio', function () {
  let folder: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-switches-'));
    fs.mkdirSync(path.join(folder, 'news', 'archive'), { recursive: true });
    fs.copyFileSync(seedPath(SEEDS.lavrovJamil), path.join(folder, 'news', 'a.txt'));
    fs.copyFileSync(seedPath(SEEDS.lavrovKerry), path.join(folder, 'news', 'archive', 'b.txt'));
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** A server on `folder` with these settings, indexed; `run` gets it and the URI of the open a.txt. */
  async function withServer(configuration: unknown, run: (client: LspTestClient, uri: string) => Promise<void>): Promise<void> {
    const client = new LspTestClient();
    client.configuration = configuration;
    try {
      const ready = client.whenReady();
      await client.initialize(folder, true);
      await ready;
      const uri = client.open(path.join(folder, 'news', 'a.txt'));
      await client.waitForDiagnostics(uri);
      await run(client, uri);
    } finally {
      await client.shutdown();
    }
  }

  const lavrovAt = { line: 2, character: 2 };

  it('with every switch on, hover, tokens, outline, hints and definition answer', async () => {
    await withServer({}, async (client, uri) => {
      assert.ok(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: lavrovAt }));
      assert.ok((await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } })).data.length > 0);
      assert.ok(await client.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: lavrovAt }));
      const articles = await client.request<Page<ArticleRow>>('articleLens/articles', {});
      assert.deepStrictEqual(articles.items.map((a) => path.basename(URI.parse(a.uri).fsPath)).sort(), ['a.txt', 'b.txt']);
    });
  });

  it('each switch turns its feature off, and nothing else', async () => {
    const off = { enabled: false };
    await withServer({ hover: off, entityHighlighting: off, outline: off, inlayHints: off, navigation: off }, async (client, uri) => {
      assert.strictEqual(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: lavrovAt }), null);
      assert.deepStrictEqual((await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } })).data, []);
      assert.deepStrictEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      assert.deepStrictEqual(await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } } }), []);
      assert.strictEqual(await client.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: lavrovAt }), null);
      assert.deepStrictEqual(await client.request('workspace/symbol', { query: 'Lavrov' }), []);
      // Diagnostics and the workspace views are not among the switched-off features.
      const diagnostics = await client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
      assert.strictEqual(diagnostics.diagnostics.length, 9);
      assert.ok((await client.request<Page<ActorRow>>('articleLens/actors', {})).total > 0);
    });
  });

  it('articleLens.index.exclude leaves matching files out of the index', async () => {
    await withServer({ index: { exclude: ['**/archive/**'] } }, async (client) => {
      const articles = await client.request<Page<ArticleRow>>('articleLens/articles', {});
      assert.deepStrictEqual(articles.items.map((a) => path.basename(URI.parse(a.uri).fsPath)), ['a.txt']);
    });
  });

  it('with the workspace index off, only open articles are known, and turning it on scans the rest', async () => {
    await withServer({ workspaceIndex: { enabled: false } }, async (client) => {
      // a.txt is open: it is indexed once analysed; b.txt is never read
      const articles = await eventually('a.txt indexed', () => client.request<Page<ArticleRow>>('articleLens/articles', {}), (page) => page.total > 0);
      assert.deepStrictEqual(articles.items.map((a) => path.basename(URI.parse(a.uri).fsPath)), ['a.txt']);
      const ready = client.whenReady();
      client.configuration = {};
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      assert.strictEqual(await ready, 2);
      assert.strictEqual((await client.request<Page<ArticleRow>>('articleLens/articles', {})).total, 2);
    });
  });
});
