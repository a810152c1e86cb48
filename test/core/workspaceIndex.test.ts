import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { annotationInput, type ActorNaming } from '../../server/src/core/annotationInput';
import { plainActor, plainSummary } from '../../server/src/core/summaryPool';
import { WorkspaceIndex, type ActorCluster, type ActorSummary, type ArticleSummary } from '../../server/src/core/workspaceIndex';
import { createWorkspaceViews } from '../../server/src/core/views/workspaceViews';
import { names, newService, resources } from '../helpers/resources';
import { ROOT } from '../helpers/seeds';

const POLNEAR_TRAIN = path.resolve(ROOT, '..', 'shared', 'data', 'polnear', 'train', 'text');
/** Articles summarised (those naming Trump or Clinton, so that clusters span many articles). */
const ARTICLES = 40;

/**
 * Issue 17: the workspace index keeps 100,000 summaries small (shared names, spellings and roles) and
 * keeps its clusters up to date article by article. What it keeps must equal what it was given, and
 * an index brought to a state by adds, edits, removals and re-adds in any order must answer exactly as
 * one built from scratch in that state: the same workspace actors, hovers and profiles.
 */
describe('workspace index on PolNeAR articles', function () {
  let summaries: ArticleSummary[] = [];
  /** The same articles where a person renamed some actors (an annotation's canonical name): `ISIS`, `ISIL` and `Daesh` the Islamic State, `U.S.` the United States, a surname alone `Obama` Barack Obama. */
  let renamedSummaries: ArticleSummary[] = [];

  before(function () {
    if (!fs.existsSync(POLNEAR_TRAIN)) {
      console.log(`      (skipped: ${POLNEAR_TRAIN} not found; the PolNeAR data lives outside the repository in ../shared/data)`);
      this.skip();
    }
    this.timeout(180000);
    const service = newService();
    // The first articles that name Trump or Clinton, then the next that writes `ISIS`: of the two among the first that
    // write it, one declares it the Islamic State itself (`also known as ISIS`), and the renames below need two that
    // write it alone. (That article also names `George HW Bush` where others write `Bush` alone: a hover during a
    // load took him into George W. Bush's articles, 9 where the index built from scratch has 1.)
    const files = fs.readdirSync(POLNEAR_TRAIN).sort();
    for (const name of files) {
      if (summaries.length >= ARTICLES) break;
      const text = fs.readFileSync(path.join(POLNEAR_TRAIN, name), 'utf8');
      if (/\b(Trump|Clinton)\b/.test(text)) summaries.push(service.summarizeArticle(`file:///ws/${name}`, text));
    }
    const after = files.indexOf(path.basename(summaries[summaries.length - 1].uri)) + 1;
    const nextIsis = files.slice(after).find((name) => /\bISIS\b/.test(fs.readFileSync(path.join(POLNEAR_TRAIN, name), 'utf8')))!;
    summaries.push(service.summarizeArticle(`file:///ws/${nextIsis}`, fs.readFileSync(path.join(POLNEAR_TRAIN, nextIsis), 'utf8')));
    const RENAMES: Record<string, string> = { ISIS: 'Islamic State', ISIL: 'Islamic State', Daesh: 'Islamic State', 'U.S.': 'United States', Obama: 'Barack Obama' };
    renamedSummaries = summaries.map((summary) => {
      const actorNames: ActorNaming[] = [];
      for (const actor of summary.actors) {
        const only = actor.spellings.length <= 1 ? (actor.spellings[0] ?? actor.name) : undefined;
        const name = only !== undefined ? RENAMES[only] : undefined;
        if (name) actorNames.push({ mention: { start: summary.mentionOffsets[actor.mentionFrom * 2], end: summary.mentionOffsets[actor.mentionFrom * 2 + 1] }, name });
      }
      if (actorNames.length === 0) return summary;
      const text = fs.readFileSync(path.join(POLNEAR_TRAIN, path.basename(summary.uri)), 'utf8');
      return service.summarizeArticle(summary.uri, text, undefined, annotationInput({ revision: 1, actorNames }));
    });
  });

  /** A copy as a scan worker's message or the cache file gives it: every string and list its own. */
  const copyAs = (summary: ArticleSummary, uri: string): ArticleSummary => structuredClone({ ...plainSummary(summary), uri });

  it('keeps every summary equal to the one it was given, with the lists that repeat across articles shared', () => {
    const index = new WorkspaceIndex(names, resources.nameLexicon);
    const copies = summaries.flatMap((s, i) => [copyAs(s, `file:///a/${i}.txt`), copyAs(s, `file:///b/${i}.txt`)]);
    for (const copy of copies) index.update(copy);
    for (const copy of copies) assert.deepStrictEqual(plainSummary(index.get(copy.uri)!), copy);
    // Field by field too, as the hovers and views read them (a kept actor reads its names through a shared identity).
    for (const copy of copies) {
      const kept = index.get(copy.uri)!;
      copy.actors.forEach((actor, i) => {
        for (const field of Object.keys(actor) as (keyof typeof actor)[]) assert.deepStrictEqual(kept.actors[i][field], actor[field], `${actor.key}: ${field}`);
      });
    }
    const first = index.get('file:///a/0.txt')!;
    const second = index.get('file:///b/0.txt')!;
    assert.ok(first.actors.length > 0);
    first.actors.forEach((actor, i) => {
      assert.strictEqual(second.actors[i].spellings, actor.spellings, `${actor.name}: one spellings list for both articles`);
      assert.strictEqual(second.actors[i].roles, actor.roles);
      assert.notStrictEqual(actor.spellings, copies[0].actors[i].spellings, 'the kept list is the pool’s, not the copy’s');
    });
    // Indexing the kept summary again keeps it as it is (the index cache hands the index its own copy).
    assert.strictEqual(index.update(first), first);
  });

  for (const [options, how] of [[{}, 'clustering groups again'], [{ patchFrom: 0 }, 'patching every group’s clusters']] as const) {
    it(`answers after adds, edits, removals and re-adds in any order exactly as an index built from scratch (${how})`, () => {
      const uriOf = (i: number) => `file:///ws/${String(i).padStart(3, '0')}.txt`;
      // The final state: each article once, and a few articles twice (as in a replicated workspace).
      const final = new Map<string, ArticleSummary>();
      summaries.forEach((s, i) => final.set(uriOf(i), copyAs(s, uriOf(i))));
      for (let i = 0; i < 10; i++) final.set(uriOf(100 + i), copyAs(summaries[i * 3], uriOf(100 + i)));
      const uris = [...final.keys()].reverse();
      const moreMentions = (summary: ArticleSummary, uri: string) => copyAs({ ...summary, actors: summary.actors.map((a) => ({ ...a, mentionCount: a.mentionCount + 1 })) }, uri);
      // A quote more for each actor, names and mentions as they were: the profiles' quote counts and rankings change.
      const moreQuotes = (summary: ArticleSummary, uri: string) => copyAs({ ...plainSummary(summary), actors: summary.actors.map((a) => ({ ...plainActor(a), quoteCount: a.quoteCount + 1 })) }, uri);

      const edited = new WorkspaceIndex(names, resources.nameLexicon, options);
      // Reverse order, each article first as another one (other actors), hovers asked in between.
      uris.forEach((uri, i) => {
        edited.update(copyAs(summaries[(i * 7) % summaries.length], uri));
        if (i % 9 === 0) hoversOf(edited);
      });
      assertAsFromScratch(edited, 'after adding every article');
      // Edits that change actors (another article's text, a mention more), no article added: the kept
      // clusters and nodes are brought up to date edit by edit.
      uris.forEach((uri, i) => {
        const summary = final.get(uri)!;
        edited.update(i % 3 === 0 ? moreMentions(summary, uri) : copyAs(summary, uri));
        if (i % 6 === 0) assertAsFromScratch(edited, `after editing ${i + 1} articles`);
      });
      // Edits that only add quotes, profiles asked for before and after (they were kept stale once).
      uris.forEach((uri, i) => {
        if (i % 4 !== 0) return;
        hoversOf(edited);
        edited.update(moreQuotes(final.get(uri)!, uri));
        if (i % 8 === 0) assertAsFromScratch(edited, `after adding quotes to ${i / 4 + 1} articles`);
      });
      for (const [i, uri] of uris.entries()) if (i % 4 === 0) edited.update(copyAs(final.get(uri)!, uri));
      assertAsFromScratch(edited, 'after taking the quotes back');
      for (const [i, uri] of uris.slice(0, 12).entries()) {
        edited.remove(uri);
        if (i % 4 === 0) assertAsFromScratch(edited, `after removing ${i + 1} articles`);
      }
      for (const uri of uris) edited.update(copyAs(final.get(uri)!, uri));
      assertAsFromScratch(edited, 'at the end');
      assert.ok(hoversOf(edited).filter((h) => h.total > 10).length > 5, 'some actors are in more than ten other articles');
      // Issue 17: an edit of one article patches the clusters of a large group (here: every group) instead of clustering it again.
      if ('patchFrom' in options) assert.ok(edited.clusterPatches > 20, `clusters patched ${edited.clusterPatches} times`);
      else assert.strictEqual(edited.clusterPatches, 0, 'groups of 40 articles are clustered again');
    });
  }

  for (const [options, how] of [[{}, 'clustering groups again'], [{ patchFrom: 0 }, 'patching every group’s clusters']] as const) {
    it(`while loading, clusters a group again only when its actors doubled, and answers exactly when the load ends (${how})`, () => {
      const uriOf = (i: number) => `file:///load/${String(i).padStart(3, '0')}.txt`;
      const count = summaries.length * 3;
      /** Adds every article, hovering every actor of the last article added after every third: how many actors groups were clustered from. */
      const fill = (index: WorkspaceIndex, check: (index: WorkspaceIndex, uri: string) => void = () => undefined): number => {
        for (let i = 0; i < count; i++) {
          index.update(copyAs(summaries[(i * 7) % summaries.length], uriOf(i)));
          if (i % 3 === 2) check(index, uriOf(i));
        }
        return index.clusteredActors;
      };
      const hoverLast = (index: WorkspaceIndex, uri: string) => {
        for (const actor of index.get(uri)!.actors) index.findFirstReferences(actor, uri, 10);
      };
      const plain = new WorkspaceIndex(names, resources.nameLexicon, options);
      const withoutLoad = fill(plain, hoverLast);

      const loaded = new WorkspaceIndex(names, resources.nameLexicon, options);
      const end = loaded.load();
      let behind = 0;
      const withLoad = fill(loaded, (index, uri) => {
        const scratch = asIndexedFromScratch(index);
        for (const actor of index.get(uri)!.actors) {
          // Meanwhile a hover names only indexed articles, each with its kept summary, and never more than without the load.
          const { references, total } = index.findFirstReferences(actor, uri, 10);
          for (const reference of references) assert.strictEqual(reference.actor, index.get(reference.uri)!.actors[index.get(reference.uri)!.actors.indexOf(reference.actor)]);
          const exact = scratch.findFirstReferences(actor, uri, 10).total;
          assert.ok(total <= exact, `${actor.name}: ${total} of ${exact}`);
          if (total < exact) behind++;
        }
      });
      assert.ok(behind > 0, 'some hover during the load left out articles added since its group was clustered');
      assert.ok(withLoad < withoutLoad / 2, `groups clustered from ${withLoad} actors in all while loading, ${withoutLoad} without`);
      // An edit and a removal during the load: the groups they touch answer for them at once.
      const edited = uriOf(count - 4);
      loaded.update(copyAs(summaries[5], edited));
      loaded.remove(uriOf(count - 2));
      for (const actor of loaded.get(edited)!.actors) {
        const cluster = loaded.clusterOf(actor, edited)!;
        assert.ok(cluster.uris.includes(edited), `${actor.name}: the edited article is in its workspace actor`);
        assert.ok(!cluster.uris.includes(uriOf(count - 2)), `${actor.name}: the removed article is not`);
      }
      end();
      assertAsFromScratch(loaded, 'when the load ends');
      // Articles added after the load are in their workspace actors at once, as before.
      loaded.update(copyAs(summaries[0], uriOf(count)));
      assertAsFromScratch(loaded, 'after an article added after the load');
    });
  }

  // A person's name for an actor (an annotation's canonical name) is the actor's name but was none of its
  // spellings: the index blocks actors by name and joins them by spellings, and a hover during a load,
  // matching an actor left out by its name, answered the Islamic State's articles for an `ISIS` named so
  // that the index built from scratch left alone (4 of 0).
  it('answers for an actor a person renamed during a load never with more than, and when it ends as, an index built from scratch', () => {
    const renamed = renamedSummaries.filter((s, i) => s !== summaries[i]);
    const isRenamed = (actor: ActorSummary) => actor.name === 'Islamic State' && !/Islamic/.test(actor.spellings[0]);
    assert.ok(renamed.filter((s) => s.actors.some(isRenamed)).length >= 2, 'ISIS, ISIL or Daesh named the Islamic State in two articles');
    const loaded = new WorkspaceIndex(names, resources.nameLexicon);
    const end = loaded.load();
    // Every other article twice, every group clustered: the renamed articles' actors are left out of them for a while.
    summaries.forEach((s, i) => {
      if (renamedSummaries[i] !== s) return;
      loaded.update(copyAs(s, `file:///rename/a/${i}.txt`));
      loaded.update(copyAs(s, `file:///rename/b/${i}.txt`));
    });
    hoversOf(loaded);
    let checked = 0;
    renamed.forEach((s, i) => {
      for (const copy of ['a', 'b']) {
        const uri = `file:///rename/${copy}/r${i}.txt`;
        loaded.update(copyAs(s, uri));
        const scratch = asIndexedFromScratch(loaded);
        for (const actor of loaded.get(uri)!.actors) {
          const { total } = loaded.findFirstReferences(actor, uri, 10);
          const exact = scratch.findFirstReferences(actor, uri, 10).total;
          assert.ok(total <= exact, `${actor.name} (${actor.spellings.join(', ')}): ${total} of ${exact}`);
          if (isRenamed(actor)) checked++;
        }
      }
    });
    assert.ok(checked >= 4);
    end();
    assertAsFromScratch(loaded, 'when the load ends');
    // The name a person gave joins the actor to the workspace actor of that name.
    const named = [...loaded.uris()].flatMap((uri) => loaded.get(uri)!.actors.filter((a) => a.name === 'Islamic State').map((a) => loaded.clusterOf(a, uri)!.id));
    assert.deepStrictEqual([...new Set(named)], ['organization:islamic state']);
    assert.ok(named.length > 6);
  });

  for (const [options, how] of [[{}, 'clustering groups again'], [{ patchFrom: 0 }, 'patching every group’s clusters']] as const) {
    it(`answers as an index built from scratch when a person renames actors and takes the names back (${how})`, () => {
      const index = new WorkspaceIndex(names, resources.nameLexicon, options);
      summaries.forEach((s, i) => index.update(copyAs(s, `file:///ws/${i}.txt`)));
      hoversOf(index);
      renamedSummaries.forEach((s, i) => {
        if (s !== summaries[i]) index.update(copyAs(s, `file:///ws/${i}.txt`));
      });
      assertAsFromScratch(index, 'after the renames');
      renamedSummaries.forEach((s, i) => {
        if (s !== summaries[i]) index.update(copyAs(summaries[i], `file:///ws/${i}.txt`));
      });
      assertAsFromScratch(index, 'after taking them back');
    });
  }

  it('while loading, a group is clustered again once the actors added since outnumber those it was clustered from', () => {
    const uriOf = (i: number) => `file:///double/${i}.txt`;
    const source = summaries.find((s) => s.actors.some((a) => a.type === 'person'))!;
    const index = new WorkspaceIndex(names, resources.nameLexicon);
    const end = index.load();
    const person = (uri: string) => index.get(uri)!.actors.find((a) => a.type === 'person')!;
    const hover = (uri: string) => index.findFirstReferences(person(uri), uri, 10).total;
    index.update(copyAs(source, uriOf(0)));
    assert.strictEqual(hover(uriOf(0)), 0, 'one article: no other');
    const clustered = index.clusteredActors;
    // A copy adds as many actors to the group as it was clustered from: its clusters stay as they were.
    index.update(copyAs(source, uriOf(1)));
    assert.strictEqual(hover(uriOf(0)), 0, 'the copy is left out for now');
    assert.strictEqual(index.clusteredActors, clustered, 'not clustered again');
    // A second copy: the actors left out now outnumber those clustered, and the group is clustered again.
    index.update(copyAs(source, uriOf(2)));
    assert.strictEqual(hover(uriOf(0)), 2, 'clustered again: the two copies');
    assert.ok(index.clusteredActors > clustered, 'clustered again');
    // A third copy is left out for now; the load's end clusters the group again at once (it was asked
    // for), so the next hover finds its clusters made.
    index.update(copyAs(source, uriOf(3)));
    assert.strictEqual(hover(uriOf(0)), 2, 'the third copy is left out for now');
    const beforeEnd = index.clusteredActors;
    end();
    const atEnd = index.clusteredActors;
    assert.ok(atEnd > beforeEnd, 'the group asked for is clustered again when the load ends');
    assert.strictEqual(hover(uriOf(0)), 3);
    assert.strictEqual(index.clusteredActors, atEnd, 'not clustered again by the next hover');
    assertAsFromScratch(index, 'when the load ends');
  });

  it('a load settled (every cached article in) answers for every article added so far, and goes on leaving later ones out for a while', () => {
    const uriOf = (i: number) => `file:///settle/${i}.txt`;
    const source = summaries.find((s) => s.actors.some((a) => a.type === 'person'))!;
    const index = new WorkspaceIndex(names, resources.nameLexicon);
    const events: string[] = [];
    index.onDidChange((change) => events.push(change.kind));
    const load = index.load();
    const person = (uri: string) => index.get(uri)!.actors.find((a) => a.type === 'person')!;
    const hover = (uri: string) => index.findFirstReferences(person(uri), uri, 10).total;
    index.update(copyAs(source, uriOf(0)));
    index.update(copyAs(source, uriOf(1)));
    assert.strictEqual(hover(uriOf(0)), 1);
    index.update(copyAs(source, uriOf(2)));
    assert.strictEqual(hover(uriOf(0)), 1, 'the third copy is left out for now');
    load.settle();
    assert.strictEqual(events.at(-1), 'regroup');
    assert.strictEqual(hover(uriOf(0)), 2, 'settled: every copy added so far');
    index.update(copyAs(source, uriOf(3)));
    assert.strictEqual(hover(uriOf(0)), 2, 'still a load: a later copy is left out for a while');
    load();
    assert.strictEqual(hover(uriOf(0)), 3);
    assertAsFromScratch(index, 'when the load ends');
  });

  it('tells its listeners when the end of a load groups actors again, so the Actors view shows what a fresh index shows', () => {
    const uriOf = (i: number) => `file:///views/${String(i).padStart(3, '0')}.txt`;
    const count = Math.min(summaries.length, 20);
    const loaded = new WorkspaceIndex(names, resources.nameLexicon);
    const views = createWorkspaceViews({ analyze: () => assert.fail('the view reads the index only'), workspace: loaded });
    const events: string[] = [];
    loaded.onDidChange((change) => events.push(change.kind));
    const end = loaded.load();
    for (let i = 0; i < count; i++) {
      loaded.update(copyAs(summaries[i], uriOf(i)));
      if (i === Math.floor(count * 0.7)) views.getActors(); // a view read mid-load clusters the groups
    }
    views.getActors(); // read after the last article, before the scan ends the load
    end();
    assert.strictEqual(events.at(-1), 'regroup');
    const fresh = new WorkspaceIndex(names, resources.nameLexicon);
    for (let i = 0; i < count; i++) fresh.update(copyAs(summaries[i], uriOf(i)));
    const freshViews = createWorkspaceViews({ analyze: () => assert.fail('the view reads the index only'), workspace: fresh });
    const top = (v: typeof views) => v.getActors().items.slice(0, 8).map((row) => `${row.name} ${row.articles} ${row.mentions}`);
    assert.deepStrictEqual(top(views), top(freshViews));
  });

  it('knows which folders hold articles, so that a deleted name costs a pass over the articles only when it was a folder with some', () => {
    const index = new WorkspaceIndex(names, resources.nameLexicon);
    index.update(copyAs(summaries[0], 'file:///ws/news/reuters.com/a.txt'));
    index.update(copyAs(summaries[1], 'file:///ws/news/reuters.com/deep/b.txt'));
    index.update(copyAs(summaries[1], 'file:///ws/news/reuters.com/deep/b.txt'));
    assert.ok(index.hasArticlesUnder('file:///ws/news/reuters.com'));
    assert.ok(index.hasArticlesUnder('file:///ws/news/reuters.com/deep/'));
    assert.ok(index.hasArticlesUnder('file:///ws'));
    assert.ok(!index.hasArticlesUnder('file:///ws/news/reuters'), 'a sibling whose name begins the same');
    assert.ok(!index.hasArticlesUnder('file:///ws/news/reuters.com/a.txt'), 'a file is no folder');
    index.remove('file:///ws/news/reuters.com/deep/b.txt');
    assert.ok(!index.hasArticlesUnder('file:///ws/news/reuters.com/deep'), 'an edit counted once, the removal forgets it');
    index.remove('file:///ws/news/reuters.com/a.txt');
    assert.ok(!index.hasArticlesUnder('file:///ws'));
  });

  it('names the most relevant articles of a profile as ranking all of its members would', () => {
    const index = new WorkspaceIndex(names, resources.nameLexicon);
    summaries.forEach((s, i) => index.update(copyAs(s, `file:///ws/${i}.txt`)));
    let compared = 0;
    for (const s of summaries) {
      for (const actor of s.actors) {
        const few = index.actorProfile(actor, s.uri, 3);
        // More than the few the index keeps ranked: all members are ranked.
        const all = index.actorProfile(actor, s.uri, 40);
        if (!few || !all) continue;
        assert.deepStrictEqual(few.relevant, all.relevant.slice(0, 3));
        if (all.relevant.length > 16) compared++;
      }
    }
    assert.ok(compared > 0, 'some actor has more relevant articles than the index keeps ranked');
  });

  /** The same articles indexed from scratch in URI order. */
  function asIndexedFromScratch(index: WorkspaceIndex): WorkspaceIndex {
    const scratch = new WorkspaceIndex(names, resources.nameLexicon);
    for (const uri of [...index.uris()].sort()) scratch.update(copyAs(index.get(uri)!, uri));
    return scratch;
  }

  /** `edited` answers as the same articles indexed from scratch would. */
  function assertAsFromScratch(edited: WorkspaceIndex, when: string): void {
    const scratch = asIndexedFromScratch(edited);
    assert.deepStrictEqual(clusterList(edited), clusterList(scratch), `workspace actors ${when}`);
    assert.deepStrictEqual(hoversOf(edited), hoversOf(scratch), `hovers ${when}`);
  }

  /** What hovers show for every actor of every article: the first references, the count, the profile. */
  function hoversOf(index: WorkspaceIndex) {
    const out: { uri: string; actor: string; total: number; references: unknown; profile: unknown }[] = [];
    for (const uri of [...index.uris()].sort()) {
      for (const actor of index.get(uri)!.actors) {
        const { references, total } = index.findFirstReferences(actor, uri, 10);
        out.push({ uri, actor: actor.key, references, total, profile: index.actorProfile(actor, uri, 3) });
      }
    }
    return out;
  }

  function clusterList(index: WorkspaceIndex) {
    const key = (c: ActorCluster) => `${c.id}\u0000${c.members[0]?.uri}\u0000${c.members[0]?.index}`;
    return index
      .clusters()
      .map((c) => ({ ...c, members: c.members.map((m) => ({ ...m })) }))
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
});

describe('workspace index: groups of blocks stay apart and whole', () => {
  /** An article whose one actor is `name` (a summary as the index keeps it, made by hand). */
  const summaryOf = (uri: string, type: 'person' | 'organization', name: string, spellings: readonly string[] = [name]): ArticleSummary =>
    ({
      uri,
      title: uri,
      actors: [{ key: `${type}:${name}`, type, name, spellings, roles: [], mentionCount: 1, quoteCount: 0, introOffset: 0, mentionFrom: 0, mentionTo: 1 }],
      mentionOffsets: Uint32Array.from([0, name.length]),
      mentionKinds: 'n',
      quotes: [],
    }) as unknown as ArticleSummary;
  const memberships = (index: WorkspaceIndex) => index.clusters().flatMap((c) => c.members.map((m) => `${m.uri}#${m.index}`));

  // Cut at the bound of 64 blocks, a chain's group depended on the block asked for first, and groups shared blocks:
  // 131 memberships of 70 people in two workspace actors, and a hover that counted 64 or 63 articles by that order.
  for (const [kind, articles] of [
    // Surnames one letter apart along a Gray code: each close to a few others, all 70 chained.
    ['close surname spellings', Array.from({ length: 70 }, (_, i) => summaryOf(`file:///p${i}.txt`, 'person', `Jan Brand${[...Array(7)].map((_, b) => (((i ^ (i >> 1)) >> b) & 1 ? 'o' : 'e')).join('')}`))],
    // Organisations whose actors each link two names, twice over (a link counts once two articles show it).
    ['alias links', Array.from({ length: 140 }, (_, i) => summaryOf(`file:///o${i}.txt`, 'organization', `Qx${Math.floor(i / 2)}o`, [`Qx${Math.floor(i / 2)}o`, `Qx${Math.floor(i / 2) + 1}o`]))],
  ] as const) {
    it(`a chain of more blocks than the bound (${kind}) groups none of them, whichever block is asked for first`, () => {
      const totals: number[] = [];
      for (const first of [0, articles.length - 1]) {
        const index = new WorkspaceIndex(names, resources.nameLexicon);
        for (const article of articles) index.update(structuredClone(article));
        index.clusterOf(articles[first].actors[0], articles[first].uri);
        const all = memberships(index);
        assert.strictEqual(all.length, new Set(all).size, `${kind}: an actor in two workspace actors`);
        assert.strictEqual(all.length, articles.length);
        totals.push(index.findFirstReferences(articles[40].actors[0], articles[40].uri, 3).total);
      }
      assert.strictEqual(totals[0], totals[1], `${kind}: the hover depends on the block asked for first`);
    });
  }
});
