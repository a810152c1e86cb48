import * as assert from 'assert';
import { hasUnsavedChanges, mergeUnsaved } from '../../../server/src/core/annotations/merge';
import type { Annotation, ArticleAnnotations } from '../../../server/src/core/annotations/model';
import { readSeed, SEEDS } from '../../helpers/seeds';
import { annotationAt, labelOn } from './helpers';

describe('annotations: unsaved changes merged into a store file that changed on disk', () => {
  const text = readSeed(SEEDS.lavrovKerry);
  const lavrov = labelOn(text, 'Sergei Lavrov');
  const kerry = labelOn(text, 'John Kerry');
  const relabel = (a: Annotation, label: string, at: string): Annotation => ({ ...a, body: { kind: 'label', label }, modified: at });
  const of = (...annotations: Annotation[]): ArticleAnnotations => ({ reviewState: 'in-progress', annotations });

  it('ours wins where both changed one annotation (named as a conflict); a removal does not win over their edit', () => {
    const base = of(lavrov, kerry);
    const ours = of(relabel(lavrov, 'organization', '2024-06-01T00:00:00.000Z'));
    const theirs = of(relabel(lavrov, 'location', '2024-06-02T00:00:00.000Z'), relabel(kerry, 'misc', '2024-06-02T00:00:00.000Z'));
    const merged = mergeUnsaved(base, ours, theirs);
    assert.deepStrictEqual(merged.annotations.annotations.map((a) => [a.target[0].exact, a.body.kind === 'label' ? a.body.label : '']), [['Sergei Lavrov', 'organization'], ['John Kerry', 'misc']]);
    assert.deepStrictEqual(merged.conflicts, [lavrov.id]);
  });

  it('an edit of the person\'s is kept when the file removed the annotation meanwhile (named as a conflict; it was lost)', () => {
    const base = of(lavrov, kerry);
    const ours = of(relabel(lavrov, 'organization', '2024-06-01T00:00:00.000Z'), kerry);
    const merged = mergeUnsaved(base, ours, of(kerry));
    assert.deepStrictEqual(merged.annotations.annotations.map((a) => [a.target[0].exact, a.body.kind === 'label' ? a.body.label : '']), [['John Kerry', 'person'], ['Sergei Lavrov', 'organization']]);
    assert.deepStrictEqual(merged.conflicts, [lavrov.id]);
    assert.strictEqual(merged.carried, 1);
    // Not edited by the person: the file's removal stands.
    assert.deepStrictEqual(mergeUnsaved(base, of(lavrov, kerry), of(kerry)).annotations.annotations.map((a) => a.id), [kerry.id]);
    // Typing moved the spans inside a speaker's body (no operation of the person's, its time unchanged): not an edit
    // that brings back what the file removed (review).
    const quote = annotationAt(text, [[kerry.target[0].start, kerry.target[0].end]], { kind: 'speaker', speaker: { spans: [lavrov.target[0]] } }, 'q1');
    const typed: Annotation = { ...quote, body: { kind: 'speaker', speaker: { spans: [{ ...lavrov.target[0], start: lavrov.target[0].start + 4, end: lavrov.target[0].end + 4 }] } } };
    const afterTyping = mergeUnsaved(of(quote, kerry), of(typed, kerry), of(kerry));
    assert.deepStrictEqual(afterTyping.annotations.annotations.map((a) => a.id), [kerry.id]);
    assert.deepStrictEqual(afterTyping.conflicts, []);
  });

  it('keeps what the file holds about itself (another tool\'s label and context) in the merged result', () => {
    const store = { label: 'Desk B, first pass', context: ['http://www.w3.org/ns/anno.jsonld', { dcterms: 'http://purl.org/dc/terms/' }] };
    const merged = mergeUnsaved(of(lavrov), of(lavrov, kerry), { ...of(lavrov), store });
    assert.deepStrictEqual(merged.annotations.store, store);
  });

  it('typing that moved or orphaned a span is not a change of the person’s', () => {
    const moved: Annotation = { ...lavrov, status: 'orphaned', target: [{ ...lavrov.target[0], start: 0, end: 5, exact: 'Serge' }] };
    assert.ok(!hasUnsavedChanges(of(lavrov, kerry), of(moved, kerry)));
    assert.ok(hasUnsavedChanges(of(lavrov, kerry), { ...of(lavrov, kerry), reviewState: 'reviewed' }));
  });
});
