import * as assert from 'assert';
import { toAnnotationInput } from '../../server/src/core/annotations/analysisInput';
import { digestAnnotations } from '../../server/src/core/annotations/digest';
import { EMPTY_ARTICLE_ANNOTATIONS, type AnnotationBody, type ArticleAnnotations, type ReviewState } from '../../server/src/core/annotations/model';
import { addAnnotation, createAnnotation } from '../../server/src/core/annotations/operations';
import { reanchor } from '../../server/src/core/annotations/reanchor';
import { NO_ANNOTATIONS } from '../../server/src/core/annotationInput';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { newService } from '../helpers/resources';
import { readSeed, SEEDS } from '../helpers/seeds';

/**
 * The Annotations view's queries (core/views/annotationGroups.ts through the language service) on the
 * seeds: annotations made as the store model makes them, indexed as a closed article's store file is
 * (re-anchored to the text on disk, then `toAnnotationInput`) or as an open article's are.
 */

const ACTOR = { creator: 'Test Reviewer', now: '2024-01-01T00:00:00.000Z' };
let ids = 0;

/** The article's annotations with one more, on the `nth` occurrence of `words`. */
function annotate(article: ArticleAnnotations, text: string, words: string, body: AnnotationBody, nth = 0): ArticleAnnotations {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
  assert.ok(at >= 0, `${words} is in the text`);
  const created = createAnnotation(text, [{ start: at, end: at + words.length }], body, `urn:uuid:test-${++ids}`, ACTOR);
  assert.ok(created.ok);
  const added = addAnnotation(article, created.value);
  assert.ok(added.ok);
  return added.value;
}

const label = (name: string): AnnotationBody => ({ kind: 'label', label: name });
const note = (text: string): AnnotationBody => ({ kind: 'note', text, resolved: false, replies: [] });
const kerry = readSeed(SEEDS.lavrovKerry);
const zannier = readSeed(SEEDS.lavrovZannier);
const munich = readSeed(SEEDS.lavrovMunich);
const uri = (name: string) => `file:///news/${name}`;

/**
 * Three annotated seeds: 001 unreviewed (a person label, a claim, a note, and a note orphaned by an edit
 * made on disk while it was closed), 002 reviewed (a person label and *not an entity*), 003 in progress
 * (a location label); 000 and 004 without annotations.
 */
function annotatedWorkspace() {
  const service = newService();
  let first = annotate(EMPTY_ARTICLE_ANNOTATIONS, kerry, 'counterpart', label('person'));
  first = annotate(first, kerry, 'The use of force to solve the crisis in Syria would be futile', label('claim'));
  first = annotate(first, kerry, 'Sataffan de Mistura', note('Staffan de Mistura?'));
  first = annotate(first, kerry, 'consultative meeting', note('Which meeting?'));
  // The article changed on disk: the meeting's words are gone, so that note cannot be placed.
  const edited = kerry.replace('consultative meeting', 'gathering');
  const placed = reanchor(first.annotations, edited);
  service.indexArticle(uri('001.txt'), edited, DEFAULT_SETTINGS, toAnnotationInput({ ...first, annotations: placed.annotations }, 1));
  let second = annotate(EMPTY_ARTICLE_ANNOTATIONS, zannier, 'Lamberto Zannier', label('person'));
  second = annotate(second, zannier, 'OSCE', { kind: 'reject', extent: 'occurrence' });
  service.indexArticle(uri('002.txt'), zannier, DEFAULT_SETTINGS, toAnnotationInput({ ...second, reviewState: 'reviewed' }, 1));
  const third = annotate({ ...EMPTY_ARTICLE_ANNOTATIONS, reviewState: 'in-progress' }, munich, 'Munich', label('location'));
  service.indexArticle(uri('003.txt'), munich, DEFAULT_SETTINGS, toAnnotationInput(third, 1));
  service.indexArticle(uri('000.txt'), readSeed(SEEDS.lavrovJamil));
  service.indexArticle(uri('004.txt'), readSeed(SEEDS.lavrovSteinmeier));
  return { service, edited };
}

describe('the Annotations view', () => {
  it('groups by label, then corrections, then notes, with counts of annotations, orphans, articles to review', () => {
    const { service } = annotatedWorkspace();
    const groups = service.getAnnotationGroups();
    assert.deepStrictEqual(
      groups.items.map((g) => [g.id, g.name, g.annotations, g.orphaned, g.unreviewed, g.articles]),
      [
        ['label:person', 'Person', 2, 0, 1, 2],
        ['label:location', 'Location', 1, 0, 1, 1],
        ['label:claim', 'claim', 1, 0, 1, 1],
        ['kind:reject', 'Not an entity', 1, 0, 0, 1],
        ['kind:note', 'Notes', 2, 1, 2, 1],
      ],
    );
    assert.strictEqual(groups.total, 5);
  });

  it('lists the articles still to review first, with their review state and counts; articles without annotations are left out', () => {
    const { service } = annotatedWorkspace();
    const articles = service.getAnnotatedArticles();
    assert.deepStrictEqual(
      articles.items.map((a) => [a.uri, a.reviewState, a.annotations, a.orphaned]),
      [
        [uri('001.txt'), 'unreviewed', 4, 1],
        [uri('003.txt'), 'in-progress', 1, 0],
        [uri('002.txt'), 'reviewed', 2, 0],
      ],
    );
    assert.match(articles.items[0].title, /^Moscow, SANA-Russian Foreign Minister/);
  });

  it('lists a group’s annotations, articles still to review first, each with its text, what it says and a target on that text', () => {
    const { service, edited } = annotatedWorkspace();
    const people = service.getAnnotations({ group: 'label:person' });
    assert.deepStrictEqual(people.items.map((a) => [a.uri, a.text, a.description, a.orphaned, a.reviewState]), [
      [uri('001.txt'), 'counterpart', 'label Person', false, 'unreviewed'],
      [uri('002.txt'), 'Lamberto Zannier', 'label Person', false, 'reviewed'],
    ]);
    const [counterpart] = people.items;
    assert.strictEqual(edited.slice(counterpart.start, counterpart.end), 'counterpart');
    const claim = service.getAnnotations({ group: 'label:claim' }).items[0];
    assert.strictEqual(claim.text, 'The use of force to solve the crisis in Syria would be futile');
    assert.strictEqual(claim.label, 'claim');
  });

  it('flags an orphaned annotation with its last text and place, and lists orphans alone on request', () => {
    const { service } = annotatedWorkspace();
    const notes = service.getAnnotations({ group: 'kind:note' }).items;
    assert.deepStrictEqual(notes.map((n) => [n.text, n.orphaned, n.description]), [
      ['consultative meeting', true, 'note “Which meeting?”'],
      ['Sataffan de Mistura', false, 'note “Staffan de Mistura?”'],
    ]);
    const orphan = notes[0];
    assert.strictEqual(kerry.slice(orphan.start, orphan.end), 'consultative meeting', 'where its text was');
    assert.deepStrictEqual(service.getAnnotationGroups({ orphanedOnly: true }).items.map((g) => [g.id, g.annotations]), [['kind:note', 1]]);
    assert.deepStrictEqual(service.getAnnotatedArticles({ orphanedOnly: true }).items.map((a) => [a.uri, a.annotations]), [[uri('001.txt'), 1]]);
    assert.deepStrictEqual(service.getAnnotations({ orphanedOnly: true }).items.map((a) => a.id), [orphan.id]);
  });

  it('lists an article’s annotations in text order, and gives the Articles view each article’s review state', () => {
    const { service } = annotatedWorkspace();
    const first = service.getAnnotations({ uri: uri('001.txt') }).items;
    assert.deepStrictEqual(first.map((a) => a.group), ['label:claim', 'label:person', 'kind:note', 'kind:note']);
    for (let i = 1; i < first.length; i++) assert.ok(first[i - 1].start <= first[i].start, 'text order');
    assert.deepStrictEqual(service.getAnnotations({ uri: uri('001.txt'), group: 'label:person' }).items.map((a) => a.text), ['counterpart']);
    const states = Object.fromEntries(service.getArticles({}, DEFAULT_SETTINGS).items.map((a) => [a.uri.slice(-7), a.reviewState]));
    assert.deepStrictEqual(states, { '000.txt': 'unreviewed', '001.txt': 'unreviewed', '002.txt': 'reviewed', '003.txt': 'in-progress', '004.txt': 'unreviewed' });
  });

  it('follows an open article: a new annotation, a review state, a removal', () => {
    const { service } = annotatedWorkspace();
    const open = { uri: uri('004.txt'), version: 1, getText: () => readSeed(SEEDS.lavrovSteinmeier) };
    service.analyze(open);
    assert.strictEqual(service.getAnnotations({ uri: open.uri }).total, 0);
    const text = open.getText();
    let annotations = annotate(EMPTY_ARTICLE_ANNOTATIONS, text, 'Steinmeier', label('person'));
    service.setAnnotationInput(open.uri, toAnnotationInput(annotations, 7));
    service.analyze(open);
    assert.deepStrictEqual(service.getAnnotations({ uri: open.uri }).items.map((a) => [a.text, a.group]), [['Steinmeier', 'label:person']]);
    assert.strictEqual(service.getAnnotationGroups().items[0].annotations, 3, 'the person group counts it');
    annotations = { ...annotations, reviewState: 'reviewed' as ReviewState };
    service.setAnnotationInput(open.uri, toAnnotationInput(annotations, 8));
    service.analyze(open);
    assert.strictEqual(service.getAnnotatedArticles().items.at(-1)!.uri, open.uri, 'reviewed: listed last');
    service.setAnnotationInput(open.uri, NO_ANNOTATIONS);
    service.analyze(open);
    assert.strictEqual(service.getAnnotations({ uri: open.uri }).total, 0);
    assert.strictEqual(service.getAnnotationGroups().items[0].annotations, 2);
  });

  it('keeps a reviewed article with no annotation in the index as reviewed', () => {
    const service = newService();
    service.indexArticle(uri('000.txt'), readSeed(SEEDS.lavrovJamil), DEFAULT_SETTINGS, toAnnotationInput({ ...EMPTY_ARTICLE_ANNOTATIONS, reviewState: 'reviewed' }, 1));
    assert.strictEqual(service.getArticles({}, DEFAULT_SETTINGS).items[0].reviewState, 'reviewed');
    assert.strictEqual(service.getAnnotatedArticles().total, 0, 'nothing to list in the Annotations view');
  });

  it('pages through thousands of annotations without losing or repeating one', () => {
    const service = newService();
    const text = 'Sergei Lavrov met John Kerry in Geneva.\n'.repeat(600);
    let annotations: ArticleAnnotations = EMPTY_ARTICLE_ANNOTATIONS;
    for (let line = 0; line < 600; line++) {
      annotations = annotate(annotations, text, 'Sergei Lavrov', label('person'), line);
      annotations = annotate(annotations, text, 'Geneva', label('location'), line);
      annotations = annotate(annotations, text, 'Kerry', note(`line ${line}`), line);
    }
    service.indexArticle(uri('long.txt'), text, DEFAULT_SETTINGS, toAnnotationInput(annotations, 1));
    assert.deepStrictEqual(service.getAnnotationGroups().items.map((g) => [g.id, g.annotations]), [['label:person', 600], ['label:location', 600], ['kind:note', 600]]);
    const seen: string[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = service.getAnnotations({ offset, limit: 200 });
      assert.strictEqual(page.total, 1800);
      if (page.items.length === 0) break;
      seen.push(...page.items.map((a) => a.id));
    }
    assert.strictEqual(seen.length, 1800);
    assert.strictEqual(new Set(seen).size, 1800);
  });
});

describe('the annotation digest the index keeps', () => {
  it('holds every annotation in text order with its label, text, description and status, and the review state', () => {
    let article = annotate(EMPTY_ARTICLE_ANNOTATIONS, kerry, 'John Kerry', { kind: 'identity', canonicalName: 'John Forbes Kerry', externalId: 'Q22316' });
    article = annotate(article, kerry, 'Lavrov', { kind: 'confirm', label: 'person' });
    const digest = digestAnnotations({ ...article, reviewState: 'in-progress' });
    assert.strictEqual(digest.reviewState, 'in-progress');
    assert.deepStrictEqual(digest.entries.map((e) => [e.kind, e.label, e.text, e.description, e.orphaned]), [
      ['confirm', 'person', 'Lavrov', 'accepted Person', undefined],
      ['identity', undefined, 'John Kerry', 'actor “John Forbes Kerry” (Q22316)', undefined],
    ]);
  });
});
