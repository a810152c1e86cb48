import * as assert from 'assert';
import { DocumentFeatures, FeatureBuffer, WORD_IDENTITY_SLOTS } from '../../server/src/core/ner/features';
import { Gazetteers } from '../../server/src/core/ner/gazetteer';
import { diskDataSource } from '../../server/src/diskData';

describe('document-level features of the tagger', () => {
  const gazetteers = Gazetteers.load(diskDataSource());
  const keyOf = (doc: string[][], s: number): string => {
    const features = new DocumentFeatures(gazetteers);
    features.prepare(doc);
    return features.evidenceKey(s);
  };
  const featureCount = (doc: string[][], s: number, i: number): number => {
    const features = new DocumentFeatures(gazetteers);
    const buffer = new FeatureBuffer();
    features.prepare(doc);
    features.extract(s, buffer);
    return buffer.offsets[i + 1] - buffer.offsets[i];
  };
  const won = ['Brann', 'won', '5-2', 'on', 'aggregate', '.'];

  it('keeps a token\'s own word in the slots the learner moves (WORD_IDENTITY_SLOTS), whatever its context', () => {
    const doc = [['Lavrov', 'said', 'on', 'Monday', '.'], ['Sergei', 'Lavrov', 'met', 'Kerry', '.'], ['LAVROV', 'ARRIVES']];
    const features = new DocumentFeatures(gazetteers);
    const buffer = new FeatureBuffer();
    features.prepare(doc);
    const slots = (s: number, i: number): number[] => {
      features.extract(s, buffer);
      return WORD_IDENTITY_SLOTS.map((slot) => buffer.feats[buffer.offsets[i] + slot]);
    };
    const [written, lower] = slots(0, 0);
    assert.deepStrictEqual(slots(1, 1), [written, lower], 'the same word in another sentence and position');
    const [upperWritten, upperLower] = slots(2, 0);
    assert.notStrictEqual(upperWritten, written, 'the word as written differs in capitals');
    assert.strictEqual(upperLower, lower, 'lower-cased, it is the same word');
    assert.ok(!slots(1, 3).includes(written) && !slots(1, 3).includes(lower), 'another word has other features there');
    features.extract(0, buffer);
    const others = Array.from(buffer.feats.subarray(buffer.offsets[0], buffer.offsets[1])).filter((_, k) => !WORD_IDENTITY_SLOTS.includes(k));
    features.extract(1, buffer);
    const othersThere = Array.from(buffer.feats.subarray(buffer.offsets[1], buffer.offsets[2])).filter((_, k) => !WORD_IDENTITY_SLOTS.includes(k));
    assert.notDeepStrictEqual(othersThere, others, 'the other features of the word read its context');
  });

  it('reads the topic line of a wire headline (SOCCER -) into every sentence', () => {
    const story = (topic: string[]) => [[...topic, '-', 'BRANN', 'BEAT', 'SHELBOURNE', '.'], won];
    assert.notStrictEqual(keyOf(story(['SOCCER']), 1), keyOf(story(['CRICKET']), 1));
    assert.ok(featureCount(story(['SOCCER']), 1, 0) > featureCount([won], 0, 0), 'a token of a story with a topic line has topic features');
    const headline = (topic: string[]) => [[...topic, '-', 'Brann', 'beat', 'Shelbourne', '.'], won];
    assert.strictEqual(keyOf(headline(['RUGBY', 'UNION']), 1), keyOf(headline(['Rugby', 'Union']), 1), 'the topic is read lower-cased');
    assert.strictEqual(keyOf([['Brann', 'beat', 'Shelbourne', '-', 'report'], won], 1), keyOf([['Brann', 'beat', 'Shelbourne', 'today'], won], 1), 'a dash further on is no topic line');
  });

  it('gives a sentence prepared alone with its evidence key (a tagging worker\'s share) the topic of its story', () => {
    const story = [['SOCCER', '-', 'BRANN', 'BEAT', 'SHELBOURNE', '.'], won];
    const whole = new FeatureBuffer();
    const document = new DocumentFeatures(gazetteers);
    document.prepare(story);
    const key = document.evidenceKey(1);
    document.extract(1, whole);
    const share = new FeatureBuffer();
    const worker = new DocumentFeatures(gazetteers);
    worker.prepare([won], [key]);
    worker.extract(0, share);
    const featuresOf = (b: FeatureBuffer) => Array.from(b.feats.subarray(0, b.offsets[won.length]));
    assert.deepStrictEqual(featuresOf(share), featuresOf(whole));
    assert.strictEqual(worker.evidenceKey(0), key);
    assert.ok(featureCount(story, 1, 0) > featureCount([won], 0, 0), 'the topic is among those features');
  });
});

describe('document-level features of a long document', () => {
  it('are the same whether or not the tables had to grow for it', () => {
    // Over 2,000 tokens with some 400 capitalised words: the first prepare() grows the evidence table.
    const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vo', 'zu', 'pe', 'di', 'go', 'ha', 'fi', 'bu', 'jo', 'ye', 'wa', 'xi', 'qu'];
    const name = (i: number) => `${syllables[i % 20].toUpperCase()[0]}${syllables[i % 20][1]}${syllables[Math.floor(i / 20) % 20]}n`;
    const doc = Array.from({ length: 400 }, (_, i) => [name(i), 'met', name(i + 1), 'in', 'the', 'city', '.']);
    const features = new DocumentFeatures(Gazetteers.load(diskDataSource()));
    features.prepare(doc);
    const first = doc.map((_, s) => features.evidenceKey(s));
    features.prepare(doc);
    assert.deepStrictEqual(doc.map((_, s) => features.evidenceKey(s)), first);
  });
});
