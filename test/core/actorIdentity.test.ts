import * as assert from 'assert';
import { analyzeArticle, plainContext } from '../../server/src/core/analysis';
import { matchEvidence } from '../../server/src/core/actorMatching';
import { annotationInput } from '../../server/src/core/annotationInput';
import { summarizeArticle, WorkspaceIndex, type IndexChange } from '../../server/src/core/workspaceIndex';
import { names, resources } from '../helpers/resources';
import { stubRecognizer } from '../helpers/stubRecognizer';

/**
 * Actor ids that survive edits elsewhere, and workspace actors clustered transitively. Entities come
 * from a stub recogniser (these tests pin identity and clustering, not the tagger).
 */
const recognizer = stubRecognizer({
  person: ['Sergei Lavrov', 'Sergey Lavrov', 'Sergey Lavrof', 'Ivan Lavrov', 'Lavrov', 'John Kerry', 'John Kery', 'Kerry', 'Hillary Clinton', 'Bill Clinton', 'Clinton'],
  organization: ['OSCE'],
});
const stubbed = { ...resources, recognizer };
const analyze = (text: string, input = plainContext(stubbed).input) => analyzeArticle(text, { resources: stubbed, input });

describe('actor ids', () => {
  it('are the type and the canonical name, not an order number', () => {
    const { actors } = analyze('Russian Foreign Minister Sergei Lavrov met John Kerry. Lavrov said little.');
    assert.deepStrictEqual(actors.map((a) => a.key), ['person:sergei lavrov', 'person:john kerry']);
  });

  it('survive an earlier namesake and edits elsewhere in the text (the old #2 numbering did not)', () => {
    const text = 'Russian Foreign Minister Sergei Lavrov met John Kerry on Monday.';
    const before = analyze(text).actors.find((a) => a.name === 'Sergei Lavrov')!.key;
    const edited = `Ivan Lavrov, a farmer, was not there. ${text.replace('on Monday', 'on Tuesday in Geneva')}`;
    const after = analyze(edited).actors;
    assert.strictEqual(after.find((a) => a.name === 'Sergei Lavrov')!.key, before);
    assert.strictEqual(after.find((a) => a.name === 'Ivan Lavrov')!.key, 'person:ivan lavrov');
  });

  it('tell two actors of one name apart by the sentence that introduces each, stably', () => {
    // A person said the second "Sergei Lavrov" is someone else: two actors with one canonical name.
    const text = 'Sergei Lavrov spoke in Moscow. Later a farmer named Sergei Lavrov spoke in Omsk.';
    const second = text.lastIndexOf('Sergei Lavrov');
    const split = annotationInput({ revision: 1, differentActor: [{ first: { start: 0, end: 13 }, second: { start: second, end: second + 13 } }] });
    const keys = analyze(text, split).actors.map((a) => a.key);
    assert.strictEqual(keys.length, 2);
    assert.notStrictEqual(keys[0], keys[1]);
    for (const key of keys) assert.match(key, /^person:sergei lavrov~[0-9a-z]+$/);
    const shifted = `Breaking news. ${text}`;
    const input = annotationInput({ revision: 2, differentActor: [{ first: { start: 15, end: 28 }, second: { start: second + 15, end: second + 28 } }] });
    assert.deepStrictEqual(analyze(shifted, input).actors.map((a) => a.key), keys, 'an edit before both leaves their ids alone');
  });

  it('follow a canonical name and external id a person gave', () => {
    const input = annotationInput({ revision: 1, actorNames: [{ mention: { start: 0, end: 6 }, name: 'Sergey Viktorovich Lavrov', externalId: 'Q2072' }] });
    const [actor] = analyze('Lavrov spoke. Sergei Lavrov left.', input).actors;
    assert.deepStrictEqual([actor.name, actor.externalId, actor.key], ['Sergey Viktorovich Lavrov', 'Q2072', 'person:sergey viktorovich lavrov']);
  });

  it('merge two actors a person said are one', () => {
    const text = 'John Kerry arrived. The top US diplomat, Sergei Lavrov said, was late.';
    const input = annotationInput({ revision: 1, sameActor: [{ first: { start: 0, end: 10 }, second: { start: text.indexOf('The top US diplomat'), end: text.indexOf('The top US diplomat') + 19 } }] });
    const kerry = analyze(text, input).actors.find((a) => a.name === 'John Kerry')!;
    assert.deepStrictEqual(kerry.mentions.map((m) => [m.text, m.kind]), [
      ['John Kerry', 'name'],
      ['The top US diplomat', 'nominal'],
    ]);
  });
});

describe('workspace actors', () => {
  function indexOf(articles: Record<string, string>): WorkspaceIndex {
    const index = new WorkspaceIndex(names);
    for (const [uri, text] of Object.entries(articles)) {
      const a = analyze(text);
      index.update(summarizeArticle(uri, text, a.actors, a.quotes));
    }
    return index;
  }

  it('join transitively: a chain of close spellings is one actor from any of its articles', () => {
    const index = indexOf({
      'file:///a.txt': 'Sergei Lavrov spoke.',
      'file:///b.txt': 'Russian Foreign Minister Sergey Lavrov spoke.',
      'file:///c.txt': 'Russian Foreign Minister Sergey Lavrof spoke.',
      'file:///d.txt': 'Lavrov spoke.',
    });
    const a = analyze('Sergei Lavrov spoke.').actors[0];
    const c = analyze('Russian Foreign Minister Sergey Lavrof spoke.').actors[0];
    // a and c do not match each other directly (two spellings apart, no role in a) …
    assert.strictEqual(matchEvidence(a, c, names), undefined);
    // … yet each finds the other through b.
    assert.deepStrictEqual(index.findReferences(a, 'file:///a.txt').map((r) => r.uri), ['file:///b.txt', 'file:///c.txt', 'file:///d.txt']);
    assert.deepStrictEqual(index.findReferences(c, 'file:///c.txt').map((r) => r.uri), ['file:///a.txt', 'file:///b.txt', 'file:///d.txt']);
    const cluster = index.clusterOf(a, 'file:///a.txt')!;
    assert.strictEqual(cluster, index.clusterOf(c, 'file:///c.txt'));
    assert.strictEqual(cluster.id, `person:${cluster.name.toLowerCase()}`);
  });

  it('a surname close to one of a group already asked for joins that group (Lavrof after Lavrov was hovered)', () => {
    const texts: [string, string][] = [
      ['file:///a.txt', 'Sergei Lavrov spoke.'],
      ['file:///b.txt', 'Russian Foreign Minister Sergey Lavrov spoke.'],
      ['file:///m.txt', 'Angela Merkel spoke.'],
      ['file:///c.txt', 'Russian Foreign Minister Sergey Lavrof spoke.'],
    ];
    const a = analyze(texts[0][1]).actors[0];
    for (const loading of [false, true]) {
      const index = new WorkspaceIndex(names);
      const end = loading ? index.load() : () => undefined;
      for (const [uri, text] of texts) {
        const analysed = analyze(text);
        // Asked for before each article comes: the Lavrov group is known when the Lavrof block is made.
        index.findReferences(a, 'file:///a.txt');
        index.update(summarizeArticle(uri, text, analysed.actors, analysed.quotes));
      }
      end();
      assert.deepStrictEqual(index.findReferences(a, 'file:///a.txt').map((r) => r.uri), ['file:///b.txt', 'file:///c.txt'], loading ? 'in a load' : 'one by one');
    }
  });

  it('answer alike whichever spelling is asked for first, a short surname (Kery, four letters) included', () => {
    const texts: Record<string, string> = { 'file:///a.txt': 'John Kery spoke.', 'file:///b.txt': 'John Kerry spoke.' };
    const answers = new Set<string>();
    for (const first of ['file:///a.txt', 'file:///b.txt']) {
      const index = indexOf(texts);
      const ask = (uri: string) => index.findReferences(analyze(texts[uri]).actors[0], uri).map((r) => r.uri);
      ask(first);
      answers.add(JSON.stringify({ a: ask('file:///a.txt'), b: ask('file:///b.txt') }));
    }
    // Surnames under five letters join no group of close spellings (too many namesakes one letter apart): each
    // spelling is its own actor, asked for first or not. (Kerry asked for first once took Kery into its group.)
    assert.deepStrictEqual([...answers], [JSON.stringify({ a: [], b: [] })]);
  });

  it('keep two people of one surname apart, and a surname alone that fits both on its own', () => {
    const index = indexOf({
      'file:///h.txt': 'Hillary Clinton spoke.',
      'file:///b.txt': 'Bill Clinton spoke.',
      'file:///c.txt': 'Clinton spoke.',
    });
    const hillary = index.clusterOf(analyze('Hillary Clinton spoke.').actors[0], 'file:///h.txt')!;
    assert.deepStrictEqual(hillary.uris, ['file:///h.txt']);
    const alone = index.clusterOf(analyze('Clinton spoke.').actors[0], 'file:///c.txt')!;
    assert.deepStrictEqual([alone.uris, alone.ambiguous], [['file:///c.txt'], true]);
  });

  it('give a surname alone to the clearly dominant person of that surname', () => {
    const articles: Record<string, string> = { 'file:///b.txt': 'Bill Clinton spoke.', 'file:///c.txt': 'Clinton spoke.' };
    for (let i = 0; i < 5; i++) articles[`file:///h${i}.txt`] = 'Hillary Clinton spoke. Hillary Clinton left.';
    const index = indexOf(articles);
    const alone = index.clusterOf(analyze('Clinton spoke.').actors[0], 'file:///c.txt')!;
    assert.strictEqual(alone.name, 'Hillary Clinton');
    assert.ok(!alone.ambiguous);
  });

  it('tell subscribers what changed, and whether actors changed or only moved', () => {
    const index = indexOf({ 'file:///a.txt': 'Sergei Lavrov spoke.' });
    const changes: IndexChange[] = [];
    const subscription = index.onDidChange((change) => changes.push(change));
    const moved = 'Today, Sergei Lavrov spoke.';
    const a = analyze(moved);
    index.update(summarizeArticle('file:///a.txt', moved, a.actors, a.quotes));
    const renamed = 'Sergei Lavrov and John Kerry spoke.';
    const b = analyze(renamed);
    index.update(summarizeArticle('file:///a.txt', renamed, b.actors, b.quotes));
    index.remove('file:///a.txt');
    subscription.dispose();
    index.remove('file:///a.txt');
    assert.deepStrictEqual(changes, [
      { uri: 'file:///a.txt', kind: 'update', actorsChanged: false },
      { uri: 'file:///a.txt', kind: 'update', actorsChanged: true },
      { uri: 'file:///a.txt', kind: 'remove', actorsChanged: true },
    ]);
  });
});
