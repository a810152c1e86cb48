/** The entity repair alone on a short text, for tests of its passes (`core/entityRepair/`). */
import * as assert from 'assert';
import { repairEntities } from '../../server/src/core/entityRepair';
import { splitParagraphs } from '../../server/src/core/paragraphs';
import { splitSentences, tokenize } from '../../server/src/core/tokenize';
import type { EntityMention, EntityType, Sentence } from '../../server/src/core/types';
import { resources } from './resources';

/** The sentences of a text, paragraph by paragraph, as the analysis splits them. */
export function sentencesOf(text: string): Sentence[] {
  return splitParagraphs(text).flatMap((p) => splitSentences(text, tokenize(text, p)));
}

/**
 * The repair of what a recogniser said, given as `type:text` strings in text order (`person:Barack Obama Just`, each
 * the next occurrence of its text), as `type:text` strings.
 */
export function repaired(text: string, said: readonly string[]): string[] {
  let from = 0;
  const mentions: EntityMention[] = said.map((item) => {
    const [type, name] = item.split(/:(.*)/s);
    const start = text.indexOf(name, from);
    assert.ok(start >= 0, `${name} in the text`);
    from = start + name.length;
    return { start, end: start + name.length, type: type as EntityType, text: name };
  });
  return repairEntities(text, sentencesOf(text), mentions, resources).map((m) => `${m.type}:${m.text}`);
}
