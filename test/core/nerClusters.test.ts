import * as assert from 'assert';
import * as fs from 'fs';
import { WordClusters } from '../../server/src/core/ner/clusters';
import { CLUSTER_FILE, Gazetteers } from '../../server/src/core/ner/gazetteer';
import { hashCapitalised, hashWord } from '../../server/src/core/ner/hash';
import { MODEL_FILE, SequenceTagger } from '../../server/src/core/ner';
import { dataFolder, diskDataSource } from '../../server/src/diskData';
import * as path from 'path';
import { TaggerModel } from '../../server/src/core/ner/model';
import { exchangeCluster, hierarchicalExchange } from '../../scripts/exchangeClustering';

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

  it('refuses a model trained with other clusters', () => {
    const model = TaggerModel.decode(fs.readFileSync(path.join(dataFolder(), MODEL_FILE)));
    const gazetteers = Gazetteers.load(diskDataSource());
    assert.doesNotThrow(() => new SequenceTagger(model, gazetteers));
    gazetteers.clusters = WordClusters.parse('Monday\t1\t7\n');
    assert.throws(() => new SequenceTagger(model, gazetteers), /other word clusters/);
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
