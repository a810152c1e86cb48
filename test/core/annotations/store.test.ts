import * as assert from 'assert';
import { toAnnotationInput } from '../../../server/src/core/annotations/analysisInput';
import { addAnnotation, addReply, changeReply, createAnnotation, editNote, removeAnnotation, setNoteResolved, setReviewState } from '../../../server/src/core/annotations/operations';
import { articleOfStoreFile, storeFileOf } from '../../../server/src/core/annotations/storeLayout';
import { parseAnnotationCollection, serializeAnnotationCollection } from '../../../server/src/core/annotations/w3c';
import { spanAt } from '../../../server/src/core/annotations/selectors';
import type { Annotation, ArticleAnnotations } from '../../../server/src/core/annotations/model';
import { readSeed, SEEDS } from '../../helpers/seeds';
import { annotationAt, labelOn } from './helpers';

const actor = { creator: 'Ana', now: '2024-05-02T09:30:00.000Z' };

/** One annotation of every kind on seed 001. */
function everyKind(text: string): Annotation[] {
  const span = (s: string, n = 0): [number, number] => {
    let i = -1;
    for (let k = 0; k <= n; k++) i = text.indexOf(s, i + 1);
    return [i, i + s.length];
  };
  const ref = (s: string, n = 0) => ({ spans: [spanAt(text, { start: span(s, n)[0], end: span(s, n)[1] })] });
  const quote = text.indexOf('The use of force');
  return [
    labelOn(text, 'Sergei Lavrov'),
    annotationAt(text, [span('John Kerry')], { kind: 'confirm', label: 'person' }, 'urn:uuid:confirm'),
    annotationAt(text, [span('SANA')], { kind: 'reject', extent: 'everywhere' }, 'urn:uuid:reject'),
    annotationAt(text, [span('Lavrov', 1)], { kind: 'sameAs', other: ref('Sergei Lavrov') }, 'urn:uuid:same'),
    annotationAt(text, [span('Kerry', 1)], { kind: 'differentFrom', other: { spans: ref('Lavrov').spans, article: 'seeds/000.txt' } }, 'urn:uuid:different'),
    annotationAt(text, [span('Sergei Lavrov')], { kind: 'identity', canonicalName: 'Sergey Lavrov', externalId: 'Q28651' }, 'urn:uuid:identity'),
    annotationAt(text, [[quote, quote + 60], [quote + 70, quote + 80]], { kind: 'speaker', speaker: ref('Lavrov', 1), cue: ref('said'), brat: { eventType: 'Attribution', arguments: [{ role: 'Content2', ref: ref('Syria') }] } }, 'urn:uuid:speaker'),
    annotationAt(text, [span('Syria')], { kind: 'quoteKind', quoteKind: 'scare' }, 'urn:uuid:scare'),
    {
      ...annotationAt(text, [span('Moscow')], { kind: 'note', text: 'Dateline?\nCheck.', resolved: true, replies: [{ id: 'urn:uuid:reply', creator: 'Bo', created: actor.now, modified: actor.now, text: 'Yes.' }] }, 'urn:uuid:note'),
      status: 'orphaned',
    },
  ];
}

describe('annotations: the W3C store format', () => {
  const text = readSeed(SEEDS.lavrovKerry);

  it('reads back exactly what it wrote, for every kind of annotation', () => {
    const stored: ArticleAnnotations = { reviewState: 'in-progress', annotations: everyKind(text) };
    const json = serializeAnnotationCollection({ path: 'seeds/001.txt', text, annotations: stored });
    const back = parseAnnotationCollection(json, text);
    assert.ok(back.ok, back.ok ? '' : back.message);
    assert.strictEqual(back.annotations.reviewState, 'in-progress');
    const byId = (list: readonly Annotation[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    assert.deepStrictEqual(byId(back.annotations.annotations), byId(stored.annotations));
  });

  it('writes deterministic, diff-friendly JSON: text order, fixed keys, a final line break, W3C shapes', () => {
    const annotations = everyKind(text);
    const one = serializeAnnotationCollection({ path: 'seeds/001.txt', text, annotations: { reviewState: 'unreviewed', annotations } });
    const shuffled = serializeAnnotationCollection({ path: 'seeds/001.txt', text, annotations: { reviewState: 'unreviewed', annotations: [...annotations].reverse() } });
    assert.strictEqual(one, shuffled);
    assert.ok(one.endsWith('}\n'));
    const json = JSON.parse(one);
    assert.strictEqual(json.type, 'AnnotationCollection');
    assert.strictEqual(json.total, annotations.length + 1, 'the reply is an annotation of its own');
    const items = json.first.items;
    const starts = items.filter((i: { motivation: string }) => i.motivation !== 'replying').map((i: { target: { selector?: Array<{ start: number }>; items?: Array<{ selector: Array<{ start: number }> }> } }) => (i.target.selector ?? i.target.items![0].selector)[0].start);
    assert.deepStrictEqual(starts, [...starts].sort((a, b) => a - b));
    const label = items.find((i: { motivation: string }) => i.motivation === 'tagging');
    assert.deepStrictEqual(Object.keys(label), ['id', 'type', 'motivation', 'creator', 'created', 'modified', 'target', 'body']);
    assert.deepStrictEqual(label.body, { type: 'TextualBody', purpose: 'tagging', value: 'person' });
    assert.deepStrictEqual(label.target.selector[1], { type: 'TextQuoteSelector', exact: 'Sergei Lavrov', prefix: label.target.selector[1].prefix, suffix: label.target.selector[1].suffix });
    const reply = items[items.findIndex((i: { id: string }) => i.id === 'urn:uuid:note') + 1];
    assert.deepStrictEqual([reply.motivation, reply.target], ['replying', 'urn:uuid:note']);
    const identity = items.find((i: { motivation: string }) => i.motivation === 'identifying');
    assert.strictEqual(identity.body[1].source, 'http://www.wikidata.org/entity/Q28651');
  });

  it('counts TextPositionSelector offsets in code points, and reads them back into UTF-16', () => {
    const astral = '🇷🇺 Moscow — 😀 Sergei Lavrov met 𝐉𝐨𝐡𝐧 Kerry.';
    const annotation = labelOn(astral, 'Sergei Lavrov');
    const json = serializeAnnotationCollection({ path: 'a.txt', text: astral, annotations: { reviewState: 'unreviewed', annotations: [annotation] } });
    const selector = JSON.parse(json).first.items[0].target.selector;
    assert.deepStrictEqual(selector[0], { type: 'TextPositionSelector', start: [...'🇷🇺 Moscow — 😀 '].length, end: [...'🇷🇺 Moscow — 😀 Sergei Lavrov'].length });
    const back = parseAnnotationCollection(json, astral);
    assert.ok(back.ok);
    assert.deepStrictEqual(back.annotations.annotations[0].target[0], annotation.target[0]);
  });

  it('refuses a file with fields or parts it does not read (a newer version’s, a hand edit) rather than dropping them when it writes the file again', () => {
    const written = serializeAnnotationCollection({ path: 'news/kerry.txt', text, annotations: { reviewState: 'in-progress', annotations: everyKind(text) } });
    assert.ok(parseAnnotationCollection(written, text).ok, 'every field it writes, it reads');
    const item = (json: any, id: string) => json.first.items.find((i: { id: string }) => i.id === id);
    const cases: Array<[(json: any) => void, string]> = [
      [(json) => (json.formatVersion = 2), 'the file: "formatVersion" is not a field this version of Article Lens reads'],
      [(json) => (json.first.next = { type: 'AnnotationPage', items: [] }), '"first": "next" is not a field'],
      [(json) => (item(json, 'urn:uuid:confirm').confidence = 0.9), '(urn:uuid:confirm): "confidence" is not a field'],
      [(json) => (item(json, 'urn:uuid:confirm').creator.email = 'ana@example.org'), '"creator": "email" is not a field'],
      [(json) => item(json, 'urn:uuid:confirm').target.selector.push({ type: 'XPathSelector', value: '/p[2]' }), 'a selector this version does not read'],
      [(json) => (item(json, 'urn:uuid:confirm').target.selector[1].language = 'en'), 'TextQuoteSelector: "language" is not a field'],
      [(json) => (item(json, 'urn:uuid:confirm').body[0].language = 'en'), 'body 1: "language" is not a field'],
      [(json) => item(json, 'urn:uuid:confirm').body.push({ type: 'TextualBody', purpose: 'describing', value: 'why' }), '3 body parts where this version reads 2'],
      [(json) => (item(json, 'urn:uuid:reply').rights = 'CC-BY'), '(urn:uuid:reply): "rights" is not a field'],
    ];
    for (const [change, message] of cases) {
      const json = JSON.parse(written);
      change(json);
      const result = parseAnnotationCollection(JSON.stringify(json), text);
      assert.ok(!result.ok, message);
      assert.ok(result.message.includes(message), `${result.message} should include ${message}`);
    }
  });

  it('keeps what another tool wrote that it reads: an extra @context term, the collection\'s label, a Software creator, a note in text/html (a save changed them all)', () => {
    const written = serializeAnnotationCollection({ path: 'news/kerry.txt', text, annotations: { reviewState: 'in-progress', annotations: everyKind(text) } });
    const item = (json: any, id: string) => json.first.items.find((i: { id: string }) => i.id === id);
    const theirs = JSON.parse(written);
    theirs['@context'][1].dcterms = 'http://purl.org/dc/terms/';
    theirs['@context'].push('https://example.org/desk-context.jsonld');
    theirs.label = 'Geneva talks, desk B';
    item(theirs, 'urn:uuid:confirm').creator = { type: 'Software', name: 'NER bot 2.1' };
    item(theirs, 'urn:uuid:reject').creator = { name: 'Desk B' };
    item(theirs, 'urn:uuid:scare').creator = 'https://example.org/people/ana';
    item(theirs, 'urn:uuid:note').body.format = 'text/html';
    item(theirs, 'urn:uuid:note').body.value = '<p>Dateline?</p>';
    item(theirs, 'urn:uuid:reply').body.format = 'text/markdown';
    item(theirs, 'urn:uuid:reply').creator = { type: 'Organization', name: 'Desk B' };
    item(theirs, 'Sergei Lavrov#0').body.format = 'text/plain';
    const file = JSON.stringify(theirs, null, 2) + '\n';
    const read = parseAnnotationCollection(file, text);
    assert.ok(read.ok, read.ok ? '' : read.message);
    // Saved again as read: the same bytes.
    assert.strictEqual(serializeAnnotationCollection({ path: 'news/kerry.txt', text, annotations: read.annotations }), file);
    // Saved after a change of the person's: only that changes.
    const added = addAnnotation(read.annotations, labelOn(text, 'Moscow', 0, 'location'));
    assert.ok(added.ok);
    const again = JSON.parse(serializeAnnotationCollection({ path: 'news/kerry.txt', text, annotations: added.value }));
    const moscow = again.first.items.find((i: { id: string }) => i.id === 'Moscow#0');
    assert.deepStrictEqual(again, { ...theirs, total: theirs.total + 1, first: { ...theirs.first, items: again.first.items.map((i: { id: string }) => (i.id === 'Moscow#0' ? i : item(theirs, i.id))) } });
    assert.deepStrictEqual(moscow.creator, { type: 'Person', name: 'Test Annotator' }, 'what Article Lens writes itself is as always');
  });

  it('writes the @context terms it needs into a file whose context lacks them, the label of a moved article\'s own path, and refuses a term of its own given another meaning', () => {
    const written = JSON.parse(serializeAnnotationCollection({ path: 'news/kerry.txt', text, annotations: { reviewState: 'in-progress', annotations: [labelOn(text, 'Sergei Lavrov')] } }));
    const bare = { ...written, '@context': 'http://www.w3.org/ns/anno.jsonld' };
    const read = parseAnnotationCollection(JSON.stringify(bare), text);
    assert.ok(read.ok);
    assert.deepStrictEqual(JSON.parse(serializeAnnotationCollection({ path: 'news/kerry.txt', text, annotations: read.annotations }))['@context'], written['@context']);
    const moved = parseAnnotationCollection(JSON.stringify(written), text);
    assert.ok(moved.ok);
    assert.strictEqual(JSON.parse(serializeAnnotationCollection({ path: 'archive/kerry.txt', text, annotations: moved.annotations })).label, 'Annotations of archive/kerry.txt');
    const other = structuredClone(written);
    other['@context'][1].status = 'http://example.org/workflow#status';
    const refused = parseAnnotationCollection(JSON.stringify(other), text);
    assert.ok(!refused.ok);
    assert.match(refused.message, /"@context".*"status"/);
  });

  it('says clearly what is wrong with an unreadable or invalid file', () => {
    const cases: Array<[string, string]> = [
      ['{"type": "AnnotationCollection", "first": {', 'not valid JSON'],
      ['[]', 'the file: expected an object'],
      ['{"type": "AnnotationPage"}', 'the file: expected "type": "AnnotationCollection"'],
      ['{"type": "AnnotationCollection", "reviewState": "done"}', '"reviewState" must be one of unreviewed, in-progress, reviewed'],
      ['{"type":"AnnotationCollection","first":{"items":[{"id":"x","type":"Annotation","motivation":"tagging","created":"t","target":{"type":"SpecificResource","source":"a","selector":[{"type":"TextPositionSelector","start":0,"end":1}]},"body":{"type":"TextualBody","purpose":"tagging","value":"person"}}]}}', 'annotation 1 (x): target: no TextQuoteSelector'],
      ['{"type":"AnnotationCollection","first":{"items":[{"id":"x","type":"Annotation","motivation":"bookmarking","created":"t","target":{"type":"SpecificResource","source":"a","selector":[{"type":"TextPositionSelector","start":0,"end":1},{"type":"TextQuoteSelector","exact":"a"}]}}]}}', 'annotation 1 (x): unknown "motivation" "bookmarking"'],
      ['{"type":"AnnotationCollection","first":{"items":[{"id":"r","type":"Annotation","motivation":"replying","created":"t","target":"missing","body":{"type":"TextualBody","value":"hi"}}]}}', 'annotation 1 (r): a reply to missing, which is not a note in this file'],
    ];
    for (const [json, message] of cases) {
      const result = parseAnnotationCollection(json, text);
      assert.ok(!result.ok, json);
      assert.ok(result.message.includes(message), `${result.message} should include ${message}`);
    }
  });
});

describe('annotations: store layout', () => {
  it('mirrors the article path under .article-lens/annotations, and refuses paths outside the workspace', () => {
    assert.strictEqual(storeFileOf('news/2024/lavrov.txt'), '.article-lens/annotations/news/2024/lavrov.txt.json');
    assert.strictEqual(storeFileOf('news\\lavrov.txt'), '.article-lens/annotations/news/lavrov.txt.json');
    assert.strictEqual(storeFileOf('../elsewhere.txt'), undefined);
    assert.strictEqual(storeFileOf('/abs/path.txt'), undefined);
    assert.strictEqual(storeFileOf('.article-lens/annotations/x.txt.json'), undefined);
    assert.strictEqual(articleOfStoreFile('.article-lens/annotations/news/2024/lavrov.txt.json'), 'news/2024/lavrov.txt');
    assert.strictEqual(articleOfStoreFile('news/lavrov.txt'), undefined);
  });
});

describe('annotations: operations', () => {
  const text = 'Lavrov met Kerry in Geneva.';

  it('adds, edits, replies to, resolves and removes a note thread, and sets the review state', () => {
    const note = createAnnotation(text, [{ start: 11, end: 16 }], { kind: 'note', text: 'Which Kerry?', resolved: false, replies: [] }, 'n1', actor);
    assert.ok(note.ok);
    let article: ArticleAnnotations = { reviewState: 'unreviewed', annotations: [] };
    const step = (r: { ok: true; value: ArticleAnnotations } | { ok: false; message: string }): void => {
      assert.ok(r.ok, r.ok ? '' : r.message);
      article = r.value;
    };
    step(addAnnotation(article, note.value));
    step(editNote(article, 'n1', 'Which Kerry is this?', actor));
    step(addReply(article, 'n1', 'r1', 'John Kerry.', { creator: 'Bo', now: actor.now }));
    step(changeReply(article, 'n1', 'r1', 'John Kerry, the US Secretary of State.', actor));
    step(setNoteResolved(article, 'n1', true, actor));
    const body = article.annotations[0].body;
    assert.ok(body.kind === 'note' && body.resolved && body.text === 'Which Kerry is this?' && body.replies[0].text.startsWith('John Kerry,'));
    step(changeReply(article, 'n1', 'r1', undefined, actor));
    assert.ok(article.annotations[0].body.kind === 'note' && article.annotations[0].body.replies.length === 0);
    article = setReviewState(article, 'reviewed');
    assert.strictEqual(article.reviewState, 'reviewed');
    step(removeAnnotation(article, 'n1'));
    assert.deepStrictEqual(article.annotations, []);
  });

  it('refuses bad input with a message', () => {
    const no = (r: { ok: boolean; message?: string }) => (r.ok ? 'ok' : r.message);
    assert.strictEqual(no(createAnnotation(text, [{ start: 5, end: 5 }], { kind: 'label', label: 'person' }, 'x', actor)), 'the range 5–5 is empty or outside the text');
    assert.strictEqual(no(createAnnotation(text, [{ start: 0, end: 6 }], { kind: 'label', label: 'two words' }, 'x', actor)), '"two words" is not a label: one word of letters, digits, _ . -');
    assert.strictEqual(no(createAnnotation(text, [{ start: 0, end: 6 }], { kind: 'identity', canonicalName: 'Lavrov', externalId: 'lavrov' }, 'x', actor)), '"lavrov" is neither a Wikidata id (Q42) nor an IRI');
    assert.strictEqual(no(removeAnnotation({ reviewState: 'unreviewed', annotations: [] }, 'x')), 'no annotation x in this article');
  });
});

describe('annotations: as the analysis input', () => {
  it('turns anchored labels, rejections, links, speakers and quote kinds into the AnnotationInput; orphans and notes give nothing', () => {
    const text = 'Reuters: Lavrov met Kerry. “No deal,” he said. Kerry called it a “pause”.';
    const at = (s: string, n = 0): [number, number] => {
      let i = -1;
      for (let k = 0; k <= n; k++) i = text.indexOf(s, i + 1);
      return [i, i + s.length];
    };
    const ref = (s: string, n = 0) => ({ spans: [spanAt(text, { start: at(s, n)[0], end: at(s, n)[1] })] });
    const annotations: Annotation[] = [
      annotationAt(text, [at('Lavrov')], { kind: 'label', label: 'person' }, 'l'),
      annotationAt(text, [at('Kerry')], { kind: 'confirm', label: 'person' }, 'c'),
      annotationAt(text, [at('Reuters')], { kind: 'reject', extent: 'everywhere' }, 'r'),
      annotationAt(text, [at('Kerry', 1)], { kind: 'sameAs', other: ref('Kerry') }, 's'),
      annotationAt(text, [at('Lavrov')], { kind: 'identity', canonicalName: 'Sergey Lavrov', externalId: 'Q28651' }, 'i'),
      annotationAt(text, [at('No deal,')], { kind: 'speaker', speaker: ref('Lavrov') }, 'q'),
      annotationAt(text, [at('pause')], { kind: 'quoteKind', quoteKind: 'scare' }, 'k'),
      annotationAt(text, [at('he')], { kind: 'note', text: 'who?', resolved: false, replies: [] }, 'n'),
      { ...annotationAt(text, [at('met')], { kind: 'label', label: 'misc' }, 'o'), status: 'orphaned' },
    ];
    const input = toAnnotationInput({ reviewState: 'unreviewed', annotations }, 7);
    const r = (s: string, n = 0) => ({ start: at(s, n)[0], end: at(s, n)[1] });
    assert.strictEqual(input.revision, 7);
    assert.deepStrictEqual(input.labels, [{ ...r('Lavrov'), label: 'person' }]);
    assert.deepStrictEqual(input.confirmed, [r('Kerry')]);
    assert.deepStrictEqual(input.rejectedTexts, ['Reuters']);
    assert.deepStrictEqual(input.sameActor, [{ first: r('Kerry', 1), second: r('Kerry') }]);
    assert.deepStrictEqual(input.actorNames, [{ mention: r('Lavrov'), name: 'Sergey Lavrov', externalId: 'Q28651' }]);
    assert.deepStrictEqual(input.speakers, [{ quote: r('No deal,'), speaker: r('Lavrov') }]);
    assert.deepStrictEqual(input.quoteKinds, [{ quote: r('pause'), kind: 'scare' }]);
  });
});
