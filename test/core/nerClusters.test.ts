import * as assert from 'assert';
import * as fs from 'fs';
import { WordClusters } from '../../server/src/core/ner/clusters';
import { CLUSTER_FILE, EMBEDDING_CLUSTER_FILE, Gazetteers } from '../../server/src/core/ner/gazetteer';
import { DocumentFeatures, FeatureBuffer } from '../../server/src/core/ner/features';
import { hashCapitalised, hashLower, hashWord } from '../../server/src/core/ner/hash';
import { MODEL_FILE, SequenceTagger } from '../../server/src/core/ner';
import { dataFolder, diskDataSource } from '../../server/src/diskData';
import * as path from 'path';
import { TaggerModel } from '../../server/src/core/ner/model';
import { exchangeCluster, hierarchicalExchange } from '../../scripts/exchangeClustering';
import { hierarchicalKMeans, normaliseRows } from '../../scripts/embeddingClustering';

/** A corpus of two kinds of sentence: "the <animal> ran" and "in <city> today", ids by word. */
function toyCorpus(): { ids: Int32Array; vocabulary: number; words: string[] } {
  const animals = ['dog', 'cat', 'horse', 'cow'];
  const cities = ['Paris', 'Rome', 'Oslo', 'Lima'];
  const words = ['<s>', 'the', 'ran', 'in', 'today', ...animals, ...cities];
  const id = new Map(words.map((w, i) => [w, i] as [string, number]));
  const ids: number[] = [0];
  for (let k = 0; k < 40; k++) {
    ids.push(id.get('the')!, id.get(animals[k % 4])!, id.get('ran')!, 0);
    ids.push(id.get('in')!, id.get(cities[(k * 3) % 4])!, id.get('today')!, 0);
  }
  return { ids: Int32Array.from(ids), vocabulary: words.length, words };
}

describe('word clusters (exchange clustering)', () => {
  it('puts words that share contexts in one class and the others apart', () => {
    const corpus = toyCorpus();
    const order = Array.from({ length: corpus.vocabulary }, (_, i) => i);
    const classes = exchangeCluster(corpus, 6, order);
    const classOf = (w: string) => classes[corpus.words.indexOf(w)];
    for (const w of ['cat', 'horse', 'cow']) assert.strictEqual(classOf(w), classOf('dog'), w);
    for (const w of ['Rome', 'Oslo', 'Lima']) assert.strictEqual(classOf(w), classOf('Paris'), w);
    assert.notStrictEqual(classOf('dog'), classOf('Paris'));
    assert.notStrictEqual(classOf('the'), classOf('dog'));
  });

  it('is deterministic, and each coarse class is a union of finer classes', () => {
    const corpus = toyCorpus();
    const order = Array.from({ length: corpus.vocabulary }, (_, i) => i);
    const a = hierarchicalExchange(corpus, [2, 6], order);
    const b = hierarchicalExchange(corpus, [2, 6], order);
    assert.deepStrictEqual(a, b);
    const coarseOfFine = new Map<number, number>();
    for (let w = 0; w < corpus.vocabulary; w++) {
      const fine = a[1][w];
      if (coarseOfFine.has(fine)) assert.strictEqual(a[0][w], coarseOfFine.get(fine), `word ${corpus.words[w]}`);
      coarseOfFine.set(fine, a[0][w]);
    }
    assert.ok(new Set(a[0]).size <= 2);
  });

  it('parses the file format and finds words by their case-kept hash', () => {
    const clusters = WordClusters.parse('# comment\nMonday\t1\t7\nFriday\t1\t7\nMoscow\t0\t3\n#tag\t0\t4\n');
    assert.strictEqual(clusters.levels, 2);
    assert.strictEqual(clusters.size, 4);
    const monday = clusters.entry(hashWord('Monday'));
    assert.ok(monday >= 0);
    assert.strictEqual(clusters.classOf(monday, 1), 7);
    assert.strictEqual(clusters.classOf(clusters.entry(hashWord('#tag')), 1), 4, 'a hashtag is a word, not a comment');
    assert.strictEqual(clusters.entry(hashWord('monday')), -1, 'case is kept');
    assert.strictEqual(clusters.entry(hashCapitalised('MOSCOW')), clusters.entry(hashWord('Moscow')));
    assert.throws(() => WordClusters.parse('Monday\t1\t7\nFriday\t1\n'), /expected a word and 2 classes/);
    assert.notStrictEqual(WordClusters.parse('Monday\t1\t7\n').checksum, WordClusters.parse('Monday\t1\t8\n').checksum, 'a class number changes the checksum');
  });

  it('reads Windows line ends, a last line without one, and class fields as numbers', () => {
    const clusters = WordClusters.parse('Monday\t1\t7\r\nFriday\t012\t 3\r\nMoscow\t1234567890\t\n\nParis\t0\t5');
    assert.strictEqual(clusters.levels, 2);
    assert.strictEqual(clusters.size, 4);
    assert.strictEqual(clusters.classOf(clusters.entry(hashWord('Monday')), 1), 7, 'no carriage return in the last class');
    const friday = clusters.entry(hashWord('Friday'));
    assert.deepStrictEqual([clusters.classOf(friday, 0), clusters.classOf(friday, 1)], [12, 3], 'leading zeros and spaces read as Number() reads them');
    const moscow = clusters.entry(hashWord('Moscow'));
    assert.deepStrictEqual([clusters.classOf(moscow, 0), clusters.classOf(moscow, 1)], [1234567890, 0], 'a long number, and an empty field as 0');
    assert.strictEqual(clusters.classOf(clusters.entry(hashWord('Paris')), 1), 5);
    assert.throws(() => WordClusters.parse('Monday\t1\t7\r\n\r\nFriday\t1\t2\r\n'), /expected a word and 2 classes/, 'a blank line of a Windows file is malformed, as it always was');
  });

  it('reads a file from its UTF-8 bytes exactly as from its text (parseBytes, what the tagger loads)', () => {
    /** Everything a WordClusters holds, to compare two. */
    const contents = (clusters: WordClusters) => {
      const inside = clusters as unknown as { slots: Int32Array; slotKeys: Int32Array; classes: Int32Array };
      return { levels: clusters.levels, size: clusters.size, checksum: clusters.checksum, slots: [...inside.slots], slotKeys: [...inside.slotKeys], classes: [...inside.classes] };
    };
    const outcome = (read: () => WordClusters) => {
      try {
        return contents(read());
      } catch (error) {
        return { error: (error as Error).message };
      }
    };
    for (const file of [CLUSTER_FILE, EMBEDDING_CLUSTER_FILE]) {
      const bytes = fs.readFileSync(path.join(dataFolder(), 'ner', file));
      assert.ok(bytes.some((b) => b >= 0x80) || file === CLUSTER_FILE, `${file} has words beyond ASCII, read through the decoder`);
      assert.deepStrictEqual(outcome(() => WordClusters.parseBytes(bytes)), outcome(() => WordClusters.parse(bytes.toString('utf8'))), file);
    }
    const texts = [
      '# comment\nMonday\t1\t7\nFriday\t1\t7\nMoscow\t0\t3\n#tag\t0\t4\n',
      'Monday\t1\t7\r\nFriday\t012\t 3\r\nMoscow\t1234567890\t\n\nParis\t0\t5',
      'Monday\t1\t7\r\n\r\nFriday\t1\t2\r\n',
      'Monday\t1\t7\nFriday\t1\n',
      'Monday\t1\t7\nFriday\t1\t2\t\n',
      'Mönday\t1\t7\nFriéday\t1\t2\n\t3\t4\nZürich\t5\n',
      'a\t1\nb\t2\r',
      'a\t1\n\r',
      '#\nx\t1',
      '\uFEFFa\t1\nb\t2',
      'a\t99999999999\nb\t-1\nc\t1e3\nd\t0x10\n',
      '',
      '\n\n',
    ];
    for (const text of texts) {
      assert.deepStrictEqual(outcome(() => WordClusters.parseBytes(new TextEncoder().encode(text))), outcome(() => WordClusters.parse(text)), JSON.stringify(text));
    }
    // More lines than its first guess of their number (a sixteenth of the bytes): the arrays grow.
    const short = Array.from({ length: 3000 }, (_, i) => `w${i}\t${i % 7}\n`).join('');
    assert.deepStrictEqual(outcome(() => WordClusters.parseBytes(new TextEncoder().encode(short))), outcome(() => WordClusters.parse(short)));
  });

  it('refuses a model trained with other clusters or other embedding clusters', () => {
    const model = TaggerModel.decode(fs.readFileSync(path.join(dataFolder(), MODEL_FILE)));
    const gazetteers = Gazetteers.load(diskDataSource());
    assert.doesNotThrow(() => new SequenceTagger(model, gazetteers));
    const shipped = gazetteers.clusters;
    gazetteers.clusters = WordClusters.parse('Monday\t1\t7\n');
    assert.throws(() => new SequenceTagger(model, gazetteers), /other word clusters/);
    gazetteers.clusters = shipped;
    gazetteers.embeddings = WordClusters.parse('monday\t1\t7\n');
    assert.throws(() => new SequenceTagger(model, gazetteers), /other embedding clusters/);
  });

  it('ships clusters learned from news: weekdays together, places together, apart from each other', () => {
    const clusters = Gazetteers.load(diskDataSource()).clusters;
    assert.ok(fs.existsSync(path.join(dataFolder(), 'ner', CLUSTER_FILE)));
    assert.ok(clusters.size > 5000, `${clusters.size} words`);
    const fine = (w: string) => clusters.classOf(clusters.entry(hashWord(w)), clusters.levels - 1);
    const coarse = (w: string) => clusters.classOf(clusters.entry(hashWord(w)), 1);
    assert.strictEqual(fine('Monday'), fine('Friday'));
    assert.strictEqual(coarse('Moscow'), coarse('Beijing'));
    assert.notStrictEqual(coarse('Monday'), coarse('said'));
  });
});

describe('embedding clusters (GloVe vectors, spherical k-means)', () => {
  it('groups vectors by direction, each coarser level a union of finer classes, the same for the same seed', () => {
    // Three directions in 3-d, two points near each.
    const rows = [[1, 0.05, 0], [1, -0.05, 0.02], [0, 1, 0.05], [0.04, 1, 0], [0, 0.03, 1], [0.02, 0, 1]];
    const data = Float32Array.from(rows.flat());
    normaliseRows(data, 3);
    const points = { data, count: rows.length, dimensions: 3 };
    const [coarse, fine] = hierarchicalKMeans(points, [2, 3], 7);
    assert.strictEqual(fine[0], fine[1]);
    assert.strictEqual(fine[2], fine[3]);
    assert.strictEqual(fine[4], fine[5]);
    assert.strictEqual(new Set(fine).size, 3);
    for (let i = 0; i < rows.length; i++) for (let j = 0; j < rows.length; j++) if (fine[i] === fine[j]) assert.strictEqual(coarse[i], coarse[j], 'a fine class lies within one coarse class');
    assert.strictEqual(new Set(coarse).size, 2);
    assert.deepStrictEqual(hierarchicalKMeans(points, [2, 3], 7), [coarse, fine]);
  });

  it('ships embedding clusters of lower-cased words: politicians, capitals, clubs each together, apart from each other', () => {
    const embeddings = Gazetteers.load(diskDataSource()).embeddings;
    assert.ok(fs.existsSync(path.join(dataFolder(), 'ner', EMBEDDING_CLUSTER_FILE)));
    assert.ok(embeddings.size >= 50000, `${embeddings.size} words`);
    const classOf = (w: string, level: number) => embeddings.classOf(embeddings.entry(hashLower(w)), level);
    const finest = embeddings.levels - 1;
    assert.strictEqual(classOf('Monday', finest), classOf('friday', finest));
    assert.strictEqual(classOf('Yeltsin', finest), classOf('CHERNOMYRDIN', finest));
    assert.strictEqual(classOf('Paris', finest), classOf('London', finest));
    assert.strictEqual(classOf('Ajax', finest), classOf('Feyenoord', finest));
    assert.strictEqual(classOf('Ajax', 1), classOf('Juventus', 1), 'football clubs of two countries, one coarser class');
    assert.notStrictEqual(classOf('Yeltsin', 1), classOf('Paris', 1));
    assert.notStrictEqual(classOf('Paris', 1), classOf('Ajax', 1));
    assert.strictEqual(embeddings.entry(hashLower('Xqzvbrt')), -1);
  });

  it('reads a word\'s embedding classes lower-cased as its features; a word without a vector has one feature for that', () => {
    const gazetteers = Gazetteers.load(diskDataSource());
    /** The features the embedding group adds to token i of the sentence. */
    const added = (words: string[], i: number): number[] => {
      const run = (embeddings: boolean) => {
        const features = new DocumentFeatures(gazetteers, { embeddings });
        const buffer = new FeatureBuffer();
        features.prepare([words]);
        features.extract(0, buffer);
        return Array.from(buffer.feats.subarray(buffer.offsets[i], buffer.offsets[i + 1]));
      };
      const without = new Set(run(false));
      return run(true).filter((f) => !without.has(f));
    };
    const levels = gazetteers.embeddings.levels;
    // The word's classes at every level, and one class each of the words before and after.
    const monday = added(['on', 'Monday', 'night'], 1);
    assert.strictEqual(monday.length, levels + 2);
    assert.deepStrictEqual(added(['on', 'FRIDAY', 'night'], 1).slice(0, levels), monday.slice(0, levels), 'Monday and FRIDAY: the same classes, read lower-cased');
    assert.deepStrictEqual(added(['on', 'Monday', 'night'], 1), added(['on', 'monday', 'night'], 1));
    assert.notDeepStrictEqual(added(['in', 'Moscow', 'today'], 1).slice(0, levels), monday.slice(0, levels));
    assert.strictEqual(added(['on', 'Xqzvbrt', 'night'], 1).length, 1 + 2, 'no vector: one feature, besides the neighbours\' classes');
  });
});
