import * as assert from 'assert';
import { articleDate } from '../../server/src/core/views/articleDate';
import { problemCounts } from '../../server/src/core/views/articleFacts';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import type { EntityType } from '../../server/src/core/types';
import { UNATTRIBUTED_SPEAKER } from '../../server/src/core/views/workspaceViews';
import { newService } from '../helpers/resources';
import { readSeed, SEEDS } from '../helpers/seeds';

describe('article dates (the actor map time axis)', () => {
  it('reads an ISO date from the file name, as PolNeAR names its files', () => {
    assert.strictEqual(articleDate('file:///c/polnear/breitbart_2016-03-11_activists-brick-up.txt', 'No date in the text.'), '2016-03-11');
  });

  it('reads a date from the first lines: month first, day first, or ISO', () => {
    assert.strictEqual(articleDate('file:///a.txt', 'Talks resume\nWASHINGTON, March 11, 2016 — Secretary of State John Kerry said…'), '2016-03-11');
    assert.strictEqual(articleDate('file:///a.txt', 'GENEVA, 3 Sept. 2015 (Reuters) - Talks…'), '2015-09-03');
    assert.strictEqual(articleDate('file:///a.txt', 'Published 2014-11-30\nText'), '2014-11-30');
  });

  it('gives no date for weekdays, impossible days, or a date deep in the text', () => {
    assert.strictEqual(articleDate('file:///a.txt', readSeed(SEEDS.lavrovJamil)), undefined);
    assert.strictEqual(articleDate('file:///report_2016-02-30.txt', 'February 30, 2016'), undefined);
    assert.strictEqual(articleDate('file:///a.txt', `${'Long opening paragraph. '.repeat(40)}March 11, 2016`), undefined);
  });

  it('reads a file name with a stray % (a client that does not escape it) without failing: decoding it threw, and the article got no hovers and never reached the index', () => {
    assert.strictEqual(articleDate('file:///ws/bad-100%.article', 'WASHINGTON, March 11, 2016 — Talks.'), '2016-03-11');
  });

  it('prefers the file name to the text', () => {
    assert.strictEqual(articleDate('file:///x/2016-05-01-talks.txt', 'March 11, 2016'), '2016-05-01');
  });
});

describe('problem counts of the Articles view', () => {
  it('counts each kind by the severity the settings give it, and nothing for off', () => {
    const issues = { duplicateParagraphs: 3, nameVariants: 2 };
    assert.deepStrictEqual(problemCounts(issues, DEFAULT_SETTINGS), { error: 0, warning: 3, information: 0, hint: 2 });
    assert.deepStrictEqual(problemCounts(issues, { duplicateParagraphs: { severity: 'off' }, nameVariants: { severity: 'error' }, pageFurniture: { severity: 'hint' } }), { error: 2, warning: 0, information: 0, hint: 0 });
    assert.deepStrictEqual(problemCounts(undefined, DEFAULT_SETTINGS), { error: 0, warning: 0, information: 0, hint: 0 });
  });
});

describe('workspace view queries', () => {
  /** The five seeds indexed under dated file names (two days), and one article with an unattributed quote. */
  function datedWorkspace() {
    const service = newService();
    Object.values(SEEDS).forEach((name, i) => service.indexArticle(`file:///news/2016-03-1${i < 3 ? 1 : 4}_${name}`, readSeed(name)));
    service.indexArticle('file:///news/note.txt', 'A note.\n“Nobody knows who said this,” the text goes on.\n');
    return service;
  }

  it('dates the actors on the map from their articles: first and last', () => {
    const map = datedWorkspace().getActorMap({});
    const lavrov = map.nodes.find((n) => n.name === 'Sergei Lavrov')!;
    assert.strictEqual(lavrov.firstDate, '2016-03-11');
    assert.strictEqual(lavrov.lastDate, '2016-03-14');
    const steinmeier = map.nodes.find((n) => n.name === 'Frank-Walter Steinmeier')!;
    assert.deepStrictEqual([steinmeier.firstDate, steinmeier.lastDate], ['2016-03-14', '2016-03-14']);
  });

  it('a filter with a comma in one type does not share a cached answer with two types (the malformed one answered 0 for both until the index changed)', () => {
    const service = datedWorkspace();
    const two = service.getActors({ types: ['person', 'location'] }).total;
    assert.ok(two > 10);
    assert.strictEqual(service.getActors({ types: ['person,location' as EntityType] }).total, 0);
    assert.strictEqual(service.getActors({ types: ['person', 'location'] }).total, two);
    const nodes = service.getActorMap({ types: ['person', 'location'] }).nodes.length;
    service.getActorMap({ types: ['person,location' as EntityType] });
    assert.strictEqual(service.getActorMap({ types: ['person', 'location'] }).nodes.length, nodes);
  });

  it('pages within bounds: a page past the end is empty, a huge limit is capped', () => {
    const service = datedWorkspace();
    const all = service.getActors({ limit: 100_000 });
    assert.ok(all.items.length === Math.min(all.total, 1000));
    const past = service.getActors({ offset: all.total + 10 });
    assert.deepStrictEqual([past.items.length, past.total, past.offset], [0, all.total, all.total]);
    assert.strictEqual(service.getActors({ limit: 0 }).items.length, 1, 'at least one row');
    // Not numbers (a client's mistake): as if not given, not an empty page at offset null.
    const garbage = service.getActors({ offset: 'a', limit: 'b' } as unknown as { offset: number; limit: number });
    assert.deepStrictEqual([garbage.items.length, garbage.offset], [Math.min(all.total, 200), 0]);
    assert.strictEqual(service.getActors({ offset: NaN, limit: Infinity }).offset, 0);
  });

  it('lists quotes nobody is known to have said last, under their own group', () => {
    const speakers = datedWorkspace().getQuoteSpeakers({}).items;
    assert.strictEqual(speakers[speakers.length - 1].id, UNATTRIBUTED_SPEAKER);
    const quotes = datedWorkspace().getSpeakerQuotes(UNATTRIBUTED_SPEAKER).items;
    assert.ok(quotes.some((q) => q.uri === 'file:///news/note.txt' && q.text.startsWith('Nobody knows')), JSON.stringify(quotes));
  });

  it('keeps the answers until the index changes, then reflects the change', () => {
    const service = datedWorkspace();
    const before = service.getActors({ query: 'lavrov' }).items[0];
    assert.strictEqual(service.getActors({ query: 'lavrov' }).items[0], before, 'the same row object while nothing changed');
    service.removeArticle(`file:///news/2016-03-11_${SEEDS.lavrovJamil}`);
    const after = service.getActors({ query: 'lavrov' }).items[0];
    assert.strictEqual(after.articles, 4);
  });
});
