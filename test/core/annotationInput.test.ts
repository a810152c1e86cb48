import * as assert from 'assert';
import { analyzeArticle, plainContext } from '../../server/src/core/analysis';
import { annotationInput, applyEntityInput, NO_ANNOTATIONS } from '../../server/src/core/annotationInput';
import type { EntityMention } from '../../server/src/core/types';
import { newService, resources } from '../helpers/resources';
import { readSeed, SEEDS } from '../helpers/seeds';

/**
 * People's input is applied once, in the shared pipeline: a label fed to the service shows in every
 * output that reads the analysis (tokens, hover, actors, outline, navigation, the workspace index),
 * on a real seed and the trained tagger.
 */
describe('annotation input: one label, every output', () => {
  const text = readSeed(SEEDS.lavrovSteinmeier);
  const uri = 'file:///ws/seeds/004.txt';
  const group = 'Syria international Support Group';
  const groupStart = text.indexOf(group);
  const lavrov = { start: text.indexOf('Sergey Lavrov'), end: text.indexOf('Sergey Lavrov') + 'Sergey Lavrov'.length };
  const twoSidesQuote = text.indexOf('It can only be solved');

  it('without input, the tagger cuts the name short and the last quote has no named speaker (the mistakes the input corrects)', () => {
    const plain = analyzeArticle(text, plainContext(resources));
    assert.ok(plain.entities.some((e) => e.text === 'Support Group'), 'the tagger finds only "Support Group"');
    assert.ok(!plain.entities.some((e) => e.text === group));
    const quote = plain.quotes.find((q) => q.contentStart <= twoSidesQuote && twoSidesQuote < q.contentEnd);
    assert.strictEqual(quote?.attribution?.mention.text, 'the two sides');
  });

  it('a label, a rejection and a speaker reach tokens, hover, actors, outline, navigation and the index', () => {
    const service = newService();
    const document = { uri, version: 1, getText: () => text };
    service.analyze(document);
    service.setAnnotationInput(
      uri,
      annotationInput({
        revision: 1,
        labels: [{ start: groupStart, end: groupStart + group.length, label: 'organization' }],
        rejectedTexts: ['SANA'],
        speakers: [{ quote: { start: twoSidesQuote, end: twoSidesQuote + 5 }, speaker: lavrov }],
      }),
    );

    // Semantic tokens (the quick path re-applies the input to the cached machine entities at once).
    const quick = service.getEntitiesQuickly(document);
    const labelled = quick.entities.find((e) => e.start === groupStart);
    assert.deepStrictEqual(labelled && [labelled.text, labelled.type, labelled.confirmed], [group, 'organization', true]);
    assert.ok(!quick.entities.some((e) => e.text === 'Support Group' || e.text === 'SANA'));
    // The full analysis agrees.
    const analysis = service.analyze(document);
    assert.deepStrictEqual(analysis.entities, quick.entities);
    assert.ok(analysis.recognized.some((e) => e.text === 'SANA'), 'the machine suggestions are kept beside');

    // Actors and hover.
    const actor = analysis.actors.find((a) => a.name === group);
    assert.strictEqual(actor?.type, 'organization');
    assert.ok(!analysis.actors.some((a) => a.name === 'SANA' || a.name === 'Support Group'));
    assert.strictEqual(service.getActorCard(document, groupStart + 3)?.actor.name, group);

    // The outline: the quote moves from "the two sides" to Lavrov.
    const outline = service.getQuoteOutline(document);
    const lavrovQuotes = outline.speakers.find((s) => s.label === 'Sergey Lavrov')?.quotes ?? [];
    assert.ok(lavrovQuotes.some((q) => q.text.startsWith('It can only be solved')), JSON.stringify(outline.speakers.map((s) => s.label)));
    assert.ok(!outline.speakers.some((s) => s.label === 'the two sides'));

    // Navigation.
    assert.deepStrictEqual(service.getDefinition(document, groupStart + 3), { start: groupStart, end: groupStart + group.length });
    const highlights = service.getDocumentHighlights(document, groupStart + 3);
    assert.deepStrictEqual(highlights.map((m) => m.text), [group]);

    // The workspace index: another article naming the group finds this one; search finds the actor.
    service.indexArticle('file:///ws/seeds/other.txt', `Diplomats of the ${group} met in Vienna on Friday.`);
    const other = { uri: 'file:///ws/seeds/other.txt', version: 1, getText: () => `Diplomats of the ${group} met in Vienna on Friday.` };
    service.setAnnotationInput(other.uri, annotationInput({ revision: 1, labels: [{ start: 17, end: 17 + group.length, label: 'organization' }] }));
    const card = service.getActorCard(other, 20);
    assert.deepStrictEqual(card?.elsewhere.map((r) => r.uri), [uri]);
    assert.ok(service.searchWorkspace('support group').some((h) => h.uri === uri && h.name === group));
  });

  it('taking the input back restores the machine result', () => {
    const service = newService();
    const document = { uri, version: 1, getText: () => text };
    const before = service.analyze(document);
    service.setAnnotationInput(uri, annotationInput({ revision: 1, rejectedTexts: ['Lavrov', 'Sergey Lavrov'] }));
    assert.ok(!service.analyze(document).actors.some((a) => a.name === 'Sergey Lavrov'));
    service.setAnnotationInput(uri, annotationInput({ revision: 2 }));
    assert.deepStrictEqual(service.analyze(document).entities, before.entities);
  });
});

describe('annotation input: entity rules', () => {
  const text = 'Kremlin aides met Sergei Lavrov in Moscow.';
  const machine: EntityMention[] = [
    { start: 0, end: 7, type: 'location', text: 'Kremlin' },
    { start: 18, end: 31, type: 'person', text: 'Sergei Lavrov' },
    { start: 35, end: 41, type: 'location', text: 'Moscow' },
  ];
  const shipped = resources.shippedLabels;

  it('applies the shipped tier (Kremlin → organization) under no input at all', () => {
    assert.strictEqual(applyEntityInput(text, machine, NO_ANNOTATIONS, shipped)[0].type, 'organization');
  });

  it('a label replaces every machine entity it overlaps, and a person’s text label wins over the shipped one', () => {
    const input = annotationInput({ revision: 3, labels: [{ start: 8, end: 31, label: 'claim' }], textLabels: new Map([['Kremlin', 'location']]) });
    const out = applyEntityInput(text, machine, input, shipped);
    assert.deepStrictEqual(
      out.map((e) => [e.text, e.type, e.label ?? '', e.confirmed ?? false]),
      [
        ['Kremlin', 'location', '', false],
        ['aides met Sergei Lavrov', 'custom', 'claim', true],
        ['Moscow', 'location', '', false],
      ],
    );
  });

  it('rejects one occurrence by range, confirms another, and adds labels only within the part recognised', () => {
    const input = annotationInput({ revision: 4, rejected: [{ start: 35, end: 41 }], confirmed: [{ start: 18, end: 31 }], labels: [{ start: 0, end: 7, label: 'person' }] });
    const out = applyEntityInput(text, machine, input, shipped);
    assert.deepStrictEqual(out.map((e) => [e.text, e.type, e.confirmed ?? false]), [
      ['Kremlin', 'person', true],
      ['Sergei Lavrov', 'person', true],
    ]);
    const part = applyEntityInput(text, machine.slice(1), input, shipped, { start: 10, end: text.length });
    assert.deepStrictEqual(part.map((e) => e.text), ['Sergei Lavrov'], 'the label outside the part is left to the part that holds it');
  });
});
