import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { sentencesOf } from '../../server/src/core/analysis';
import type { Annotation, ArticleAnnotations } from '../../server/src/core/annotations/model';
import { correctionsOf } from '../../server/src/core/learning/corrections';
import { LearningLedger } from '../../server/src/core/learning/ledger';
import { createArticleService } from '../../server/src/core/languageService';
import { loadRecognizer, MODEL_FILE, type NerRecognizer } from '../../server/src/core/ner';
import { DocumentFeatures } from '../../server/src/core/ner/features';
import { Gazetteers } from '../../server/src/core/ner/gazetteer';
import { LearnedWeights } from '../../server/src/core/ner/learnedWeights';
import { TaggerModel } from '../../server/src/core/ner/model';
import { NerRecognizer as Recognizer } from '../../server/src/core/ner/recognizer';
import { SequenceTagger } from '../../server/src/core/ner/tagger';
import { loadArticleResources } from '../../server/src/core/resources';
import type { Correction, EntityMention } from '../../server/src/core/types';
import { loadVocabulary } from '../../server/src/core/vocabulary';
import { dataFolder, diskDataSource } from '../../server/src/diskData';
import { editorSuggestions } from '../../scripts/editorSuggestions';
import { CONLL_DIR, readConll, segmentDocuments } from '../../scripts/nerShared';
import { annotationAt } from './annotations/helpers';
import { assertDecodersAgree } from '../helpers/decoders';
import { readSeed, SEEDS } from '../helpers/seeds';

/**
 * Learning from corrections (issue 13): the tagger's weights move in an overlay beside the shipped
 * model. Each test loads its own recogniser: learning changes it, and the shared resources of the
 * other tests must stay the shipped model.
 */
const source = diskDataSource();
const vocabulary = loadVocabulary(source);
const freshRecognizer = (): NerRecognizer => loadRecognizer(source, vocabulary);

/** What the recogniser shows in a text, as `type:text` (`custom/law:…` for a person's own label). */
function shown(recognizer: NerRecognizer, text: string): string[] {
  return recognizer.recognize(text, sentencesOf(text)).map(asShown);
}

function asShown(m: EntityMention): string {
  return `${m.type}${m.label ? `/${m.label}` : ''}:${m.text}`;
}

/**
 * What the recogniser showed in `text` before (`before`, its mentions) with the mentions over the first
 * occurrence of `words` replaced by `replacement` (`type:text`, or nothing): what a correction of those
 * words should leave, whatever the shipped model read there, the rest of the sentence unchanged.
 */
function corrected(before: readonly EntityMention[], text: string, words: string, replacement?: string): string[] {
  const start = text.indexOf(words);
  const end = start + words.length;
  const rest = before.filter((m) => m.end <= start || m.start >= end).map((m) => ({ start: m.start, shown: asShown(m) }));
  if (replacement) rest.push({ start, shown: replacement });
  return rest.sort((a, b) => a.start - b.start).map((m) => m.shown);
}

/** The mentions the recogniser finds in `text`. */
function mentionsIn(recognizer: NerRecognizer, text: string): EntityMention[] {
  return recognizer.recognize(text, sentencesOf(text));
}

/** A correction of the first occurrence of `words` in `text`. */
function on(text: string, words: string, label?: string): Correction {
  const start = text.indexOf(words);
  assert.ok(start >= 0, `"${words}" in "${text}"`);
  return { start, end: start + words.length, ...(label ? { label } : {}), fresh: true };
}

const KASSIOUN = 'Kassioun said the talks had failed.';
const LAW = 'Lawmakers debated the Magnitsky Act on Monday.';
const SEED_TEXTS = Object.values(SEEDS).map((name) => readSeed(name));

describe('learning from corrections: the recogniser', () => {
  it('learns a correction: the sentence follows it at once, and so does the same name in another article', () => {
    const recognizer = freshRecognizer();
    const other = 'Kassioun said the ceasefire had collapsed.';
    assert.deepStrictEqual(shown(recognizer, KASSIOUN), ['person:Kassioun'], 'the mistake the correction fixes');
    assert.deepStrictEqual(shown(recognizer, other), ['person:Kassioun']);
    const revision = recognizer.revision;
    const report = recognizer.learn(sentencesOf(KASSIOUN), [on(KASSIOUN, 'Kassioun', 'organization')]);
    assert.deepStrictEqual(report, { sentences: 1, updated: 1, newClasses: [] });
    assert.ok(recognizer.revision > revision, 'the revision tells caches the answers changed');
    assert.deepStrictEqual(shown(recognizer, KASSIOUN), ['organization:Kassioun']);
    assert.deepStrictEqual(shown(recognizer, other), ['organization:Kassioun']);
  });

  it('a removed correction takes back what it taught: the other article answers as before, the sentence\'s other decisions stay', () => {
    // Before, removing the label left the tagger taught: only Reset undid it, and that forgot everything else too.
    const recognizer = freshRecognizer();
    const other = 'Kassioun said the ceasefire had collapsed.';
    const both = 'Kassioun told Lavrov the talks had failed.';
    recognizer.learn(sentencesOf(both), [on(both, 'Kassioun', 'organization'), on(both, 'Lavrov', 'organization')]);
    assert.deepStrictEqual(shown(recognizer, other), ['organization:Kassioun']);
    const lavrov = on(both, 'Lavrov', 'organization');
    const taken = recognizer.unlearn(sentencesOf(both), [lavrov], [{ start: 0, end: 'Kassioun'.length }]);
    assert.strictEqual(taken, 1);
    assert.deepStrictEqual(shown(recognizer, other), ['person:Kassioun'], 'as the shipped model says');
    assert.ok(shown(recognizer, both).includes('organization:Lavrov'), 'the decision still there is learned again');
    assert.strictEqual(recognizer.taughtLabelOf('Kassioun'), undefined, 'the name is forgotten');
  });

  it('learns a label of the person\'s own as a new class, and shows it as that label', () => {
    const recognizer = freshRecognizer();
    const again = 'Senators debated the Magnitsky Act on Tuesday.';
    // Whatever the shipped model makes of the name (nothing, or an organisation), it has no class `law`.
    const before = mentionsIn(recognizer, LAW);
    const beforeAgain = mentionsIn(recognizer, again);
    assert.ok(![...before, ...beforeAgain].some((m) => m.type === 'custom'), 'no label of the person\'s own before they gave one');
    const report = recognizer.learn(sentencesOf(LAW), [on(LAW, 'Magnitsky Act', 'law')]);
    assert.deepStrictEqual(report.newClasses, ['@law']);
    assert.deepStrictEqual(recognizer.adaptation.weights.learnedTags, ['B-@law', 'I-@law']);
    assert.deepStrictEqual(shown(recognizer, LAW), corrected(before, LAW, 'Magnitsky Act', 'custom/law:Magnitsky Act'));
    assert.deepStrictEqual(shown(recognizer, again), corrected(beforeAgain, again, 'Magnitsky Act', 'custom/law:Magnitsky Act'));
  });

  it('learns a rejection: what the person said is no entity is not suggested there again', () => {
    const recognizer = freshRecognizer();
    const text = 'The Hmeimim base was attacked.';
    // The shipped model suggests the name (as a person or an organisation: the type does not matter here).
    const before = mentionsIn(recognizer, text);
    assert.deepStrictEqual(before.map((m) => m.text), ['Hmeimim'], 'the suggestion the rejection takes back');
    recognizer.learn(sentencesOf(text), [on(text, 'Hmeimim')]);
    assert.deepStrictEqual(shown(recognizer, text), corrected(before, text, 'Hmeimim'));
  });

  it('a reversed decision takes back what the earlier one taught: label, reject, label again answers as the first label', () => {
    const once = freshRecognizer();
    once.learn(sentencesOf(KASSIOUN), [on(KASSIOUN, 'Kassioun', 'organization')]);
    const changed = freshRecognizer();
    changed.learn(sentencesOf(KASSIOUN), [on(KASSIOUN, 'Kassioun', 'organization')]);
    changed.learn(sentencesOf(KASSIOUN), [on(KASSIOUN, 'Kassioun')]);
    const other = 'Kassioun said the ceasefire had collapsed.';
    assert.ok(!shown(changed, other).includes('organization:Kassioun'), 'the rejection taught the other article too');
    changed.learn(sentencesOf(KASSIOUN), [on(KASSIOUN, 'Kassioun', 'organization')]);
    for (const text of [KASSIOUN, other, ...SEED_TEXTS]) assert.deepStrictEqual(shown(changed, text), shown(once, text));
  });

  it('a correction of a shipped class teaches about the words corrected: every seed sentence without them is tagged as before', () => {
    const recognizer = freshRecognizer();
    // A person labels "Kassioun" (read as a person) an organisation and rejects "Lavrov" in one sentence each.
    const taught = [
      { text: KASSIOUN, correction: on(KASSIOUN, 'Kassioun', 'organization') },
      { text: 'Lavrov said at the conference that such a condition is not acceptable.', correction: on('Lavrov said at the conference that such a condition is not acceptable.', 'Lavrov') },
    ];
    const sentencesWithout = (text: string) => sentencesOf(text).filter((s) => !s.tokens.some((t) => t.text === 'Kassioun' || t.text === 'Lavrov'));
    const inSentences = (text: string) => {
      const mentions = recognizer.recognize(text, sentencesOf(text));
      return sentencesWithout(text).map((s) => mentions.filter((m) => m.start >= s.start && m.end <= s.end).map(asShown));
    };
    const before = SEED_TEXTS.map(inSentences);
    assert.ok(before.flat(2).length > 100, 'the seeds have many mentions in sentences without the corrected words');
    for (const { text, correction } of taught) recognizer.learn(sentencesOf(text), [correction]);
    assert.deepStrictEqual(shown(recognizer, KASSIOUN), ['organization:Kassioun'], 'the correction is learned');
    assert.deepStrictEqual(SEED_TEXTS.map(inSentences), before);
    // The corrected words themselves follow the person elsewhere.
    assert.deepStrictEqual(shown(recognizer, 'Kassioun reported the strikes.'), ['organization:Kassioun']);
  });

  it('a label over a name with joining words (`of`) teaches the name, not the joining word: other names do not run on through `of`', () => {
    const recognizer = freshRecognizer();
    const probe = 'The mediators of the Minsk Group of countries met again.';
    assert.deepStrictEqual(shown(recognizer, probe), ['organization:Minsk Group']);
    const taught = [
      { text: 'Diplomats from the Friends of Syria group met in Paris.', words: 'Friends of Syria', label: 'organization' },
      { text: 'Fishermen sailed into the Gulf of Sidra at dawn.', words: 'Gulf of Sidra', label: 'location' },
    ];
    for (const { text, words, label } of taught) recognizer.learn(sentencesOf(text), [on(text, words, label)]);
    for (const { text, words, label } of taught) assert.ok(shown(recognizer, text).includes(`${label}:${words}`), `learned: ${words}`);
    // When `of` itself learned from these labels (as every corrected word did before), it ran on here: `Minsk Group of countries`.
    assert.deepStrictEqual(shown(recognizer, probe), ['organization:Minsk Group']);
  });

  it('a label over a name with a number (`Diario 16`) teaches the pair, not the number: scores and sections do not run on into names', () => {
    const recognizer = freshRecognizer();
    const probes = ['Crystal Palace 3 Arsenal 1 was the score.', 'Troops moved into Sector 7 of the city.'];
    const before = probes.map((probe) => shown(recognizer, probe));
    assert.deepStrictEqual(before[0], ['organization:Crystal Palace', 'organization:Arsenal']);
    const taught = [
      { text: 'The Madrid daily Diario 16 reported the deal.', words: 'Diario 16', label: 'organization' },
      { text: 'He watched the show on Channel 4 last night.', words: 'Channel 4', label: 'organization' },
      { text: 'The crew of Apollo 11 landed in 1969.', words: 'Apollo 11', label: 'misc' },
    ];
    for (const { text, words, label } of taught) recognizer.learn(sentencesOf(text), [on(text, words, label)]);
    // Each correction shows at once in its sentence, number included.
    for (const { text, words, label } of taught) assert.ok(shown(recognizer, text).includes(`${label}:${words}`), `learned: ${words}`);
    // When the numbers themselves learned from these labels: `Crystal Palace 3`, `Arsenal 1`, `Sector 7`.
    assert.deepStrictEqual(probes.map((probe) => shown(recognizer, probe)), before);
  });

  it('learns only sentences with a fresh correction; older ones only constrain their sentence', () => {
    const recognizer = freshRecognizer();
    const text = `${KASSIOUN}\n${LAW}`;
    const older = { ...on(text, 'Kassioun', 'organization'), fresh: false };
    const report = recognizer.learn(sentencesOf(text), [older, on(text, 'Magnitsky Act', 'law')]);
    assert.strictEqual(report.sentences, 1);
    assert.deepStrictEqual(shown(recognizer, KASSIOUN), ['person:Kassioun'], 'the older decision was not learned again');
  });

  it('reset restores the shipped tags exactly', () => {
    const recognizer = freshRecognizer();
    const before = SEED_TEXTS.map((text) => shown(recognizer, text));
    recognizer.learn(sentencesOf(KASSIOUN), [on(KASSIOUN, 'Kassioun', 'organization')]);
    recognizer.learn(sentencesOf(LAW), [on(LAW, 'Magnitsky Act', 'law')]);
    const seed = SEED_TEXTS[1];
    recognizer.learn(sentencesOf(seed), [on(seed, 'Lavrov', 'organization'), on(seed, 'SANA')]);
    const learned = SEED_TEXTS.map((text) => shown(recognizer, text));
    assert.notDeepStrictEqual(learned, before, 'learning changed what the seeds show');
    const revision = recognizer.revision;
    recognizer.resetLearning();
    assert.ok(recognizer.revision > revision);
    assert.deepStrictEqual(SEED_TEXTS.map((text) => shown(recognizer, text)), before);
    assert.ok(recognizer.adaptation.weights.isEmpty);
    assert.deepStrictEqual(recognizer.adaptation.weights.tags, recognizer.tagger.model.tags);
  });

  it('updates are deterministic: the same corrections in the same order give the same bytes', () => {
    const teach = (recognizer: NerRecognizer): Uint8Array => {
      recognizer.learn(sentencesOf(KASSIOUN), [on(KASSIOUN, 'Kassioun', 'organization')]);
      recognizer.learn(sentencesOf(LAW), [on(LAW, 'Magnitsky Act', 'law')]);
      const seed = SEED_TEXTS[2];
      recognizer.learn(sentencesOf(seed), [on(seed, 'Zannier', 'organization'), on(seed, 'ISIS')]);
      return recognizer.saveLearning({ note: 'same' });
    };
    const first = teach(freshRecognizer());
    const second = teach(freshRecognizer());
    assert.ok(first.length > 100);
    assert.ok(Buffer.from(first).equals(Buffer.from(second)));
  });

  it('saves and loads what it learned: a fresh recogniser answers the same; a file of another model is refused', () => {
    const teacher = freshRecognizer();
    teacher.learn(sentencesOf(KASSIOUN), [on(KASSIOUN, 'Kassioun', 'organization')]);
    teacher.learn(sentencesOf(LAW), [on(LAW, 'Magnitsky Act', 'law')]);
    const file = teacher.saveLearning({ ledger: { learned: ['a1'] } });
    const student = freshRecognizer();
    assert.deepStrictEqual(student.loadLearning(file), { ledger: { learned: ['a1'] }, taught: ['@law', 'ORG'], names: [['Kassioun', 'organization'], ['MagnitskyAct', 'law']] });
    for (const text of [KASSIOUN, LAW, ...SEED_TEXTS]) assert.deepStrictEqual(shown(student, text), shown(teacher, text));
    // A file that is not one, or was learned over another model: refused, and what was learned is forgotten.
    const other = freshRecognizer();
    other.learn(sentencesOf(KASSIOUN), [on(KASSIOUN, 'Kassioun', 'person')]);
    const garbled = Buffer.from(file);
    garbled.write('XXXX', 0);
    assert.throws(() => other.loadLearning(garbled), /not a learned-weights file/);
    assert.ok(other.adaptation.weights.isEmpty, 'a file that cannot be used leaves the shipped model');
    const header = Buffer.from(file);
    const json = header.toString('utf8', 12, 12 + header.readUInt32LE(8)).replace(/"model":"[^"]*"/, (m) => m.replace(/:\d/, ':9'));
    const tampered = withChecksum(Buffer.concat([header.subarray(0, 8), uint32(Buffer.byteLength(json)), Buffer.from(json), header.subarray(12 + header.readUInt32LE(8), header.length - 32)]));
    assert.throws(() => student.loadLearning(tampered), /another version of the shipped model/);
    assert.deepStrictEqual(shown(student, KASSIOUN), ['person:Kassioun']);
  });

  it('refuses a damaged file (a bit flipped anywhere, weights that are not numbers) instead of tagging with it', () => {
    // Raw deflate has no checksum: of 606 single-bit flips in the table, 426 loaded, some tagging every word an
    // organisation or no entity at all, in every article, with "learned corrections read" in the log.
    const teacher = freshRecognizer();
    teacher.learn(sentencesOf(KASSIOUN), [on(KASSIOUN, 'Kassioun', 'organization')]);
    const file = Buffer.from(teacher.saveLearning({ ledger: { learned: ['a1'] } }));
    for (let at = 0; at < file.length; at += 7) {
      const flipped = Buffer.from(file);
      flipped[at] ^= 1 << (at % 8);
      const student = freshRecognizer();
      assert.throws(() => student.loadLearning(flipped), /damaged|not a learned-weights file|format/, `bit ${at % 8} of byte ${at}`);
      assert.ok(student.adaptation.weights.isEmpty);
    }
    // Numbers that are not numbers, under a checksum that fits (written so by a faulty tool): refused too.
    const headerEnd = 12 + file.readUInt32LE(8);
    const table = zlib.inflateRawSync(file.subarray(headerEnd, file.length - 32));
    table.writeFloatLE(NaN, table.length - 4);
    const poisoned = withChecksum(Buffer.concat([file.subarray(0, headerEnd), zlib.deflateRawSync(table)]));
    assert.throws(() => freshRecognizer().loadLearning(poisoned), /not a number/);
  });

  it('decodes with learned weights exactly as the full feature layout does (word cache of 64)', function () {
    this.timeout(60000);
    const gazetteers = Gazetteers.load(source);
    const model = TaggerModel.decode(fs.readFileSync(path.join(dataFolder(), MODEL_FILE)), 64);
    const recognizer = new Recognizer(new SequenceTagger(model, gazetteers), vocabulary);
    for (const text of SEED_TEXTS.slice(0, 3)) {
      const mentions = recognizer.recognize(text, sentencesOf(text));
      recognizer.learn(sentencesOf(text), mentions.slice(0, 6).map((m, i) => ({ start: m.start, end: m.end, label: i % 3 === 0 ? 'event' : i % 3 === 1 ? 'organization' : undefined, fresh: true })));
    }
    assert.ok(!recognizer.adaptation.weights.isEmpty);
    const documents = SEED_TEXTS.map((text) => sentencesOf(text).map((s) => s.tokens.map((t) => t.text)));
    const testa = path.join(CONLL_DIR, 'eng.testa');
    if (fs.existsSync(testa)) for (const doc of segmentDocuments(readConll(testa)).slice(0, 40)) documents.push(doc.map((s) => s.words));
    let learnedTags = 0;
    assertDecodersAgree(model, new DocumentFeatures(gazetteers), documents, (_, tags) => {
      for (const tag of tags) if (tag >= model.nTags) learnedTags++;
    });
    assert.ok(learnedTags > 0, 'the comparison covers a learned class');
  });
});

describe('learning from corrections: the learned weights', () => {
  it('keep every weight added, also the one whose feature made the table grow, and the zero hash', () => {
    const weights = new LearnedWeights(freshRecognizer().tagger.model);
    // Thousands of new features: the table (1024 slots at first, grown at half full) doubles several times.
    const features = Array.from({ length: 3000 }, (_, i) => i * 7919 - 1_000_000);
    const expected = (h: number) => ((Math.abs(h) % 13) + 1) / 4;
    for (const h of features) weights.addToWeight(h, 1, expected(h));
    weights.changed();
    const out = new Float32Array(weights.tags.length);
    for (const h of features) {
      out.fill(0);
      weights.addWeights(Int32Array.of(h), 0, 1, out, 0);
      assert.deepStrictEqual([out[0], out[1], out[2]], [0, expected(h), 0], `feature ${h}`);
    }
    weights.addToWeight(0, 2, 0.5);
    weights.changed();
    out.fill(0);
    weights.addWeights(Int32Array.of(0), 0, 1, out, 0);
    assert.strictEqual(out[2], 0.5);
    assert.strictEqual(weights.size, features.length + 1);
  });
});

describe('learning from corrections: the language service', () => {
  it('an analysis after learning reflects it, in every document, without a text change', () => {
    const service = createArticleService(loadArticleResources(source));
    const first = { uri: 'file:///ws/a.txt', version: 1, getText: () => KASSIOUN };
    const second = { uri: 'file:///ws/b.txt', version: 1, getText: () => 'Kassioun said the ceasefire had collapsed.' };
    assert.deepStrictEqual(service.analyze(second).entities.map(asShown), ['person:Kassioun']);
    assert.ok(service.isAnalysed(second));
    const report = service.learnFromCorrections(first.getText(), [on(KASSIOUN, 'Kassioun', 'organization')]);
    assert.strictEqual(report?.updated, 1);
    assert.ok(!service.isAnalysed(second), 'the cached analysis is out of date');
    assert.strictEqual(service.getEntitiesQuickly(second).exact, false, 'until the analysis settles, the earlier entities are provisional');
    assert.deepStrictEqual(service.analyze(second).entities.map(asShown), ['organization:Kassioun']);
    service.resetLearning();
    assert.deepStrictEqual(service.analyze(second).entities.map(asShown), ['person:Kassioun']);
  });

  it('the entity repair does not undo what a person taught: a name labelled a person stays one in the next article', () => {
    const service = createArticleService(loadArticleResources(source));
    const labelled = 'The report by Zorbek was published on Monday.';
    const next = { uri: 'file:///ws/next.txt', version: 1, getText: () => 'Another report by Zorbek came out in March.' };
    // The tagger says person; the repair drops a one-word person the article gives no sign of being one.
    assert.deepStrictEqual(service.analyze(next).recognized.map(asShown), [], 'the repair drops the tagger’s suggestion');
    const report = service.learnFromCorrections(labelled, [on(labelled, 'Zorbek', 'person')]);
    assert.strictEqual(report?.updated, 0, 'the tagger already said person: nothing to learn in its weights');
    assert.ok(!service.isAnalysed(next), 'what was taught still changes the answers');
    assert.deepStrictEqual(service.analyze(next).entities.map(asShown), ['person:Zorbek']);
    // A rejection of the name since, or a reset, hands it back to the repair: no person any more (what
    // the tagger makes of it after learning "not a person", nothing or another type, is its own reading).
    service.learnFromCorrections(labelled, [on(labelled, 'Zorbek')]);
    assert.ok(!service.analyze(next).entities.map(asShown).includes('person:Zorbek'), 'the rejection took the person back');
    // Labelled a person again: the later decision overrides the rejection (what the rejection taught is
    // taken back), so the next article shows a person again, as after the first label.
    service.learnFromCorrections(labelled, [on(labelled, 'Zorbek', 'person')]);
    assert.deepStrictEqual(service.analyze(next).entities.map(asShown), ['person:Zorbek']);
    const file = service.saveLearning();
    service.resetLearning();
    assert.deepStrictEqual(service.analyze(next).entities.map(asShown), []);
    service.loadLearning(file!);
    assert.deepStrictEqual(service.analyze(next).entities.map(asShown), ['person:Zorbek'], 'the taught names are kept in the learned file');
  });
});

describe('learning from corrections: what bench:learning scores', () => {
  it('the editor\'s suggestions, as the analysis makes them: the repair drops a one-word person the recogniser alone shows, until a person taught it', () => {
    const resources = loadArticleResources(source);
    const recognizer = freshRecognizer();
    const next = 'Another report by Zorbek came out in March.';
    assert.deepStrictEqual(mentionsIn(recognizer, next).map(asShown), ['person:Zorbek'], 'the recogniser alone');
    assert.deepStrictEqual(editorSuggestions(recognizer, next, sentencesOf(next), resources).map(asShown), [], 'the repair drops it');
    const labelled = 'The report by Zorbek was published on Monday.';
    recognizer.learn(sentencesOf(labelled), [on(labelled, 'Zorbek', 'person')]);
    assert.deepStrictEqual(editorSuggestions(recognizer, next, sentencesOf(next), resources).map(asShown), ['person:Zorbek'], 'a taught name is kept');
  });

  it('are the machine entities of the full analysis of a seed article, with a recogniser that learned', () => {
    const resources = loadArticleResources(source);
    const recognizer = freshRecognizer();
    recognizer.learn(sentencesOf(KASSIOUN), [on(KASSIOUN, 'Kassioun', 'organization')]);
    const service = createArticleService({ ...resources, recognizer });
    for (const [i, text] of SEED_TEXTS.slice(0, 3).entries()) {
      const analysed = service.analyze({ uri: `file:///ws/seed${i}.txt`, version: 1, getText: () => text }).recognized;
      assert.deepStrictEqual(editorSuggestions(recognizer, text, sentencesOf(text), resources), analysed);
    }
  });
});

describe('learning from corrections: annotations as corrections', () => {
  const text = 'SANA reported that Kassioun met SANA editors. Lavrov spoke.';
  const at = (words: string, occurrence = 0): [number, number] => {
    let start = -1;
    for (let i = 0; i <= occurrence; i++) start = text.indexOf(words, start + 1);
    return [start, start + words.length];
  };
  const article: ArticleAnnotations = {
    reviewState: 'in-progress',
    annotations: [
      annotationAt(text, [at('Kassioun')], { kind: 'label', label: 'organization' }, 'label'),
      annotationAt(text, [at('Lavrov')], { kind: 'confirm', label: 'person' }, 'confirm'),
      annotationAt(text, [at('SANA')], { kind: 'reject', extent: 'everywhere' }, 'everywhere'),
      annotationAt(text, [at('editors')], { kind: 'note', text: 'check', resolved: false, replies: [] }, 'note'),
      { ...annotationAt(text, [at('spoke')], { kind: 'label', label: 'misc' }, 'orphan'), status: 'orphaned' },
    ],
  };

  it('labels, acceptances and rejections teach (each occurrence of a rejected-everywhere text); notes and orphans do not', () => {
    const { corrections, fresh } = correctionsOf(article, text, () => false);
    assert.deepStrictEqual(
      corrections.map((c) => [text.slice(c.start, c.end), c.label ?? '-', c.fresh]),
      [['SANA', '-', true], ['Kassioun', 'organization', true], ['SANA', '-', true], ['Lavrov', 'person', true]],
    );
    assert.deepStrictEqual(fresh.map((a) => a.id), ['label', 'confirm', 'everywhere']);
  });

  it('the ledger says which taught: learned ones, and those in the workspace at a reset, are not fresh; one that arrives later is', () => {
    const ledger = new LearningLedger();
    ledger.add([article.annotations[0]]);
    let { fresh } = correctionsOf(article, text, (a) => ledger.hasLearned(a));
    assert.deepStrictEqual(fresh.map((a) => a.id), ['confirm', 'everywhere']);
    // Reset with the article's annotations in the workspace: none teaches again.
    ledger.reset(article.annotations.map((a) => a.id));
    ({ fresh } = correctionsOf(article, text, (a) => ledger.hasLearned(a)));
    assert.deepStrictEqual(fresh, [], 'in the workspace at the reset: not learned again');
    // A colleague's, made before the reset but pulled after it, teaches (a reset kept only its time, and it never did).
    const pulled: Annotation = { ...article.annotations[0], id: 'pulled', modified: '2020-01-01T00:00:00.000Z' };
    assert.ok(!ledger.hasLearned(pulled));
    const copy = LearningLedger.fromJSON(JSON.parse(JSON.stringify(ledger.toJSON())));
    assert.deepStrictEqual(copy.toJSON(), { learned: [], forgotten: ['confirm', 'everywhere', 'label', 'note', 'orphan'] });
    assert.ok(copy.hasLearned(article.annotations[1]) && !copy.hasLearned(pulled));
    // A reset an earlier version recorded by its time alone still holds.
    const older = LearningLedger.fromJSON({ learned: [], since: '2024-05-01T10:00:00.000Z' });
    assert.ok(older.hasLearned({ ...pulled, modified: '2024-04-30T00:00:00.000Z' }) && !older.hasLearned({ ...pulled, modified: '2024-05-02T00:00:00.000Z' }));
    assert.deepStrictEqual(LearningLedger.fromJSON('nonsense').toJSON(), { learned: [] });
  });
});

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value, 0);
  return buffer;
}

/** A learned-weights file's body with the SHA-256 that ends it. */
function withChecksum(body: Buffer): Buffer {
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}
