/**
 * What the entity repair (`core/entityRepair/`) does to the CoNLL score: eng.testa through the
 * analysis path (paragraphs, tokeniser, recogniser), scored strictly (exact span and type, conlleval)
 * without and with the repair, in one run. The repair is meant for web news (headlines, people who
 * are places); this checks it does not cost the newswire convention anything. Optionally
 * `--train` scores eng.train too (the repair is not trained, so train is fair game). The shipped model was
 * trained on eng.testa, so its testa mentions are nearly all right and the repair has little to do there;
 * `--reference` tags with the eng.train-only reference model instead (testa held out: the tagger's own mistakes).
 *
 *   npx tsx scripts/benchEntityRepair.ts [--train] [--reference]
 */
import * as fs from 'fs';
import * as path from 'path';
import { repairEntities } from '../server/src/core/entityRepair';
import { splitParagraphs } from '../server/src/core/paragraphs';
import { splitSentences, tokenize } from '../server/src/core/tokenize';
import type { Sentence } from '../server/src/core/types';
import { MODEL_FILE, loadRecognizer } from '../server/src/core/ner';
import { loadVocabulary } from '../server/src/core/vocabulary';
import { diskDataSource, loadDefaultResources } from '../server/src/diskData';
import { CONLL_DIR, documentText, mentionSpans, readConll, segmentDocuments, SpanScore } from './nerShared';
import { trainOnlyModel } from './nerReferenceModel';

function analyse(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const p of splitParagraphs(text)) sentences.push(...splitSentences(text, tokenize(text, p)));
  return sentences;
}

function score(file: string): void {
  if (!fs.existsSync(file)) throw new Error(`${file} not found (../shared/data is needed)`);
  const resources = loadDefaultResources();
  let recognizer = resources.recognizer;
  if (process.argv.includes('--reference')) {
    const model = trainOnlyModel().file;
    const source = diskDataSource();
    recognizer = loadRecognizer({ ...source, readBytes: (name) => (name === MODEL_FILE ? model : source.readBytes(name)) }, loadVocabulary(source));
  }
  const without = new SpanScore();
  const withRepair = new SpanScore();
  let changed = 0;
  for (const doc of segmentDocuments(readConll(file))) {
    const d = documentText(doc);
    const sentences = analyse(d.text);
    const machine = recognizer.recognize(d.text, sentences);
    const repaired = repairEntities(d.text, sentences, machine, resources);
    without.add(d.gold, mentionSpans(machine));
    withRepair.add(d.gold, mentionSpans(repaired));
    const key = (m: { start: number; end: number; type: string }) => `${m.start}:${m.end}:${m.type}`;
    const before = new Set(machine.map(key));
    changed += repaired.filter((m) => !before.has(key(m))).length + machine.length - repaired.filter((m) => before.has(key(m))).length;
  }
  console.log(without.format(`${path.basename(file)}: recogniser alone`));
  console.log(withRepair.format(`${path.basename(file)}: recogniser + entity repair`));
  console.log(`  mentions changed by the repair: ${changed}`);
}

score(path.join(CONLL_DIR, 'eng.testa'));
if (process.argv.includes('--train')) score(path.join(CONLL_DIR, 'eng.train'));
