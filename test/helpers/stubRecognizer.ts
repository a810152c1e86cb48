import { finish } from '../../server/src/core/stages';
import type { EntityMention, EntityRecognizer, EntityType, Sentence } from '../../server/src/core/types';

/**
 * A recogniser that tags exactly the listed strings (longest first, whole words), so that tests of
 * the layers after recognition (actors, quotes, navigation) pin those layers, not the trained tagger.
 * Only mentions inside the given sentences are returned, as a real recogniser does.
 */
export function stubRecognizer(names: Partial<Record<EntityType, readonly string[]>>): EntityRecognizer {
  const listed = Object.entries(names).flatMap(([type, list]) => (list ?? []).map((name) => ({ name, type: type as EntityType })));
  listed.sort((a, b) => b.name.length - a.name.length);
  function* recognizeInStages(text: string, sentences: readonly Sentence[]): Generator<void, EntityMention[]> {
    const inside = (start: number, end: number) => sentences.length === 0 || sentences.some((s) => s.start <= start && end <= s.end);
    const taken: EntityMention[] = [];
    for (const { name, type } of listed) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
      for (const match of text.matchAll(pattern)) {
        const start = match.index!;
        const end = start + name.length;
        if (!inside(start, end) || taken.some((t) => t.start < end && start < t.end)) continue;
        taken.push({ start, end, type, text: name });
      }
    }
    return taken.sort((a, b) => a.start - b.start);
  }
  return {
    name: 'stub',
    recognizeInStages,
    recognize: (text, sentences) => finish(recognizeInStages(text, sentences)),
    forget: () => undefined,
  };
}
