/**
 * Figures for the workspace views and the actor map (issue 16) at 1,000 and 10,000 articles: how
 * long the view requests take in the language service, as the server answers them. Run:
 * `npm run bench:views` (builds first; `-- --articles=1000` for one size). Figures, not tests.
 *
 * The workspace is PolNeAR (`../shared/data/polnear/{train,dev}/text`, read in place): each text is
 * analysed once, and its summary is added to the index under as many file names as needed (the
 * original name, with its date, behind a number), so 10,000 articles cost 924 analyses, not 10,000.
 * The index and the views then hold 10,000 articles of real actors, quotes and dates.
 *
 * Measured for each size: the first request after the index changed (it rebuilds what the views
 * derive from the index: actors, speakers, articles in order), the same request again (kept), pages
 * further down, filters, the children of the most mentioned actor, the quotes of the most quoted
 * speaker, the Annotations view's groups, articles and a page of annotations (every article carries a
 * few synthetic annotations), the actor map at 300, 1,000 and 3,000 actors (and its JSON size), and the
 * first request after one article changed (typing in an open article, say).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import type { AnnotationDigest, AnnotationEntry } from '../server/src/core/annotations/digest';
import type { ArticleSummary } from '../server/src/core/workspaceIndex';
import { newService } from '../test/helpers/resources';

const ROOT = path.resolve(__dirname, '..');
const POLNEAR = path.resolve(ROOT, '..', 'shared', 'data', 'polnear');
const SIZES = (process.argv.find((a) => a.startsWith('--articles='))?.slice(11) ?? '1000,10000').split(',').map(Number);
const REPEATS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Median milliseconds of `run` over `times` runs (each after `before`, when given): CPU time of this
 * process (user + system), which a machine shared with other jobs inflates less than wall time; the
 * wall time's median is kept beside it.
 */
function time(run: () => unknown, times = REPEATS, before?: () => void): number {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < times; i++) {
    before?.();
    const t = performance.now();
    const c = process.cpuUsage();
    run();
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - t);
  }
  lastWall = median(wall);
  return median(cpu);
}

/** The wall-clock median of the last {@link time}. */
let lastWall = 0;

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));

function main(): void {
  const folders = ['train', 'dev'].map((split) => path.join(POLNEAR, split, 'text')).filter((f) => fs.existsSync(f));
  if (folders.length === 0) {
    console.log(`SKIPPED: no PolNeAR texts under ${POLNEAR} (the shared data is absent)`);
    return;
  }
  const files = folders.flatMap((folder) => fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(folder, f)));
  console.error(`analysing ${files.length} PolNeAR articles once…`);
  const service = newService();
  const t0 = performance.now();
  const summaries = files.map((file) => service.summarizeArticle(`file:///polnear/${path.basename(file)}`, fs.readFileSync(file, 'utf8')));
  console.error(`  ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  console.log(`workspace views and the actor map: median CPU ms of ${REPEATS} runs (wall ms in brackets); Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  console.log('articles | request | figure');
  for (const size of SIZES) {
    const views = newService();
    const uriOf = (i: number) => `file:///bench/${String(i).padStart(5, '0')}_${fileNameOf(summaries[i % summaries.length])}`;
    const added: ArticleSummary[] = [];
    for (let i = 0; i < size; i++) {
      added.push({ ...summaries[i % summaries.length], uri: uriOf(i), annotations: syntheticAnnotations(summaries[i % summaries.length], i) });
      views.addSummary(added[i]);
    }
    const say = (what: string, figure: string) => console.log(`${size.toLocaleString('en')} | ${what} | ${figure.replace(/ ms/, ` ms (${ms(lastWall)})`)}`);

    // The first request after a change brings the views up to date. Two kinds of change: an article
    // whose actors stay (typing: only places moved), and one replaced by another text (new actors).
    let edits = 0;
    const typed = () => {
      const i = edits++ % size;
      views.addSummary((added[i] = { ...added[i] }));
    };
    const touch = () => {
      const i = edits++ % size;
      views.addSummary((added[i] = { ...summaries[(i + 7) % summaries.length], uri: uriOf(i) }));
    };
    views.getActors({ limit: 200 });
    say('actors, first page after typing in an article (its actors kept)', `${ms(time(() => views.getActors({ limit: 200 }), REPEATS, typed))} ms`);
    say('actors, first page after an article was replaced (new actors)', `${ms(time(() => views.getActors({ limit: 200 }), 5, touch))} ms`);
    say('actors, first page again (kept)', `${ms(time(() => views.getActors({ limit: 200 })))} ms`);
    const total = views.getActors({ limit: 1 }).total;
    say(`actors, page at offset ${Math.floor(total / 2).toLocaleString('en')} of ${total.toLocaleString('en')}`, `${ms(time(() => views.getActors({ offset: Math.floor(total / 2), limit: 200 })))} ms`);
    let filter = 0;
    say('actors, people only, a new filter each time', `${ms(time(() => views.getActors({ types: ['person'], query: ['a', 'e', 'o', 'i', 'u'][filter++ % 5] + String(filter) })))} ms`);
    const top = views.getActors({ types: ['person'], limit: 1 }).items[0];
    // Measured on fresh views (an article changed, the actors listed again), as after a refresh.
    const refreshed = () => {
      touch();
      views.getActors({ limit: 200 });
    };
    say(`articles of the most mentioned person (${top.name}, ${top.articles.toLocaleString('en')} articles), first page`, `${ms(time(() => views.getActorArticles(top.id, { limit: 200 }), 5, refreshed))} ms`);
    say(`mentions of ${top.name} in one article`, `${ms(time(() => views.getActorMentions(top.id, views.getActorArticles(top.id, { limit: 1 }).items[0].uri)))} ms`);
    const speakers = views.getQuoteSpeakers({ limit: 200 });
    say(`quote speakers, first page (${speakers.total.toLocaleString('en')} speakers)`, `${ms(time(() => views.getQuoteSpeakers({ limit: 200 })))} ms`);
    let words = 0;
    // A filter never asked before (the words, then a number): every quote of the workspace is searched.
    say('quote speakers filtered by words, a new filter each time', `${ms(time(() => views.getQuoteSpeakers({ text: `${['the', 'we', 'said', 'not', 'will'][words % 5]} ${words++}` })))} ms`);
    const speaker = speakers.items[0];
    say(`quotes of ${speaker.name} (${speaker.quotes.toLocaleString('en')}), first page`, `${ms(time(() => views.getSpeakerQuotes(speaker.id, { limit: 200, text: String(words++) })))} ms`);
    say('articles, a page of 200 with problem counts', `${ms(time(() => views.getArticles({ offset: 100, limit: 200 }, DEFAULT_SETTINGS)))} ms`);
    const groups = views.getAnnotationGroups();
    const annotationCount = groups.items.reduce((n, g) => n + g.annotations, 0);
    say(`annotation groups after typing in an article (${annotationCount.toLocaleString('en')} annotations, ${groups.total} groups)`, `${ms(time(() => views.getAnnotationGroups(), REPEATS, typed))} ms`);
    say('annotated articles, first page after typing in an article', `${ms(time(() => views.getAnnotatedArticles({ limit: 200 }), REPEATS, typed))} ms`);
    const biggest = groups.items[0];
    say(`annotations of “${biggest.name}” (${biggest.annotations.toLocaleString('en')}), first page after typing`, `${ms(time(() => views.getAnnotations({ group: biggest.id, limit: 200 }), REPEATS, typed))} ms`);
    say(`annotations of “${biggest.name}”, page at offset ${Math.floor(biggest.annotations / 2).toLocaleString('en')} (kept)`, `${ms(time(() => views.getAnnotations({ group: biggest.id, offset: Math.floor(biggest.annotations / 2), limit: 200 })))} ms`);
    say('orphaned annotations only, groups after typing', `${ms(time(() => views.getAnnotationGroups({ orphanedOnly: true }), REPEATS, typed))} ms`);
    for (const nodes of [300, 1000, 3000]) {
      let map = views.getActorMap({ maxNodes: nodes });
      const figure = time(() => (map = views.getActorMap({ maxNodes: nodes })), 5, typed);
      const dated = map.nodes.filter((n) => n.firstDate).length;
      say(`actor map, ${nodes.toLocaleString('en')} actors`, `${ms(figure)} ms; ${map.nodes.length} nodes (${dated} dated), ${map.edges.length} lines, ${(JSON.stringify(map).length / 1024).toFixed(0)} KB as JSON`);
    }
  }
}

/**
 * Annotations as a reviewer might leave them, for the Annotations view: the first mention of up to four
 * actors labelled with their type, a note on every fifth article (orphaned on every twentieth), a third of
 * the articles reviewed and a seventh in progress.
 */
function syntheticAnnotations(summary: ArticleSummary, i: number): AnnotationDigest {
  const entries: AnnotationEntry[] = summary.actors.slice(0, 4).map((actor, k) => {
    const start = summary.mentionOffsets[actor.mentionFrom * 2];
    return { id: `urn:uuid:bench-${i}-${k}`, kind: 'label', label: actor.type, start, end: start + actor.name.length, text: actor.name, description: `label ${actor.type}` };
  });
  if (i % 5 === 0) entries.push({ id: `urn:uuid:bench-${i}-note`, kind: 'note', start: 0, end: 10, text: summary.title.slice(0, 10), description: 'note “check this”', ...(i % 20 === 0 ? { orphaned: true as const } : {}) });
  return { reviewState: i % 3 === 0 ? 'reviewed' : i % 7 === 0 ? 'in-progress' : 'unreviewed', entries };
}

/** The file name of a summary's URI. */
function fileNameOf(summary: ArticleSummary): string {
  return summary.uri.slice(summary.uri.lastIndexOf('/') + 1);
}

main();
