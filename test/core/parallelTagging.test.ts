import * as assert from 'assert';
import { createArticleService } from '../../server/src/core/languageService';
import { loadRecognizer, loadTaggerModel, SequenceTagger } from '../../server/src/core/ner';
import { Gazetteers } from '../../server/src/core/ner/gazetteer';
import type { SentenceTaggingPool, TokenSpan } from '../../server/src/core/types';
import { diskDataSource } from '../../server/src/diskData';
import { AnalysisCancelled } from '../../server/src/core/languageService';
import { AnalysisRunner } from '../../server/src/lsp/analysisRunner';
import { resources } from '../helpers/resources';
import { readSeed, SEEDS } from '../helpers/seeds';

/**
 * A large article's first analysis may hand chunks of sentences to other threads (the server's
 * tagging workers, `SentenceTaggingPool`). Here the "threads" are a second tagger in this process,
 * answering after a timer, so every way a worker can behave — late, refusing, failing, answering while
 * the text changes — is played out; the analysis must always equal the one tagged on one thread.
 */
describe('tagging a large article on several threads (recognizer + SentenceTaggingPool)', function () {
  this.timeout(120_000);
  const source = diskDataSource();
  const workerTagger = new SequenceTagger(loadTaggerModel(source), Gazetteers.load(source));
  /** The seeds, each twice: a few hundred sentences. */
  const text = Object.values(SEEDS).map(readSeed).join('\n\n').repeat(2);

  /** A pool of `threads` fake workers: `behave(n)` says what the n-th request gets. */
  function fakePool(threads: number, behave: (n: number) => 'answer' | 'refuse' | 'fail' | 'wrong' = () => 'answer') {
    let requests = 0;
    let busy = 0;
    const pool = {
      threads,
      handed: 0,
      tryTag(sentences: readonly (readonly string[])[], evidence: readonly string[]): Promise<TokenSpan[][]> | undefined {
        const how = behave(requests++);
        if (how === 'refuse' || busy >= threads) return undefined;
        busy++;
        pool.handed++;
        // Copies, as a message between threads would be.
        const tags = workerTagger.tagWithEvidence(sentences.map((s) => [...s]), [...evidence]);
        return new Promise<TokenSpan[][]>((resolve, reject) =>
          setTimeout(() => {
            busy--;
            if (how === 'fail') reject(new Error('the worker stopped'));
            else resolve(how === 'wrong' ? tags.slice(1) : tags);
          }, 5),
        );
      },
    };
    return pool satisfies SentenceTaggingPool;
  }

  /** A service whose recogniser uses pools for any size, in small chunks. */
  function serviceWith(pool: SentenceTaggingPool | undefined) {
    const recognizer = loadRecognizer(source, resources.vocabulary, { parallelMinTokens: 0 });
    return createArticleService({ ...resources, recognizer }, { tagging: pool });
  }

  /**
   * The runners here pause after every stage (a slice of 0 ms): the fake workers answer after a timer,
   * and a runner that ran its stages back to back for 10 ms (the server's slice) let no timer in
   * between, so on a fast machine the one fake worker stayed busy and the later behaviours were never
   * played out (a clean-clone CI run failed so).
   */
  const EVERY_STAGE = 0;

  const reference = createArticleService(resources).analyze({ uri: 'file:///parallel/reference.txt', version: 1, getText: () => text });

  async function analyseThroughRunner(pool: SentenceTaggingPool, document = { uri: 'file:///parallel/a.txt', version: 1, getText: () => text }) {
    const service = serviceWith(pool);
    const runner = new AnalysisRunner(service, () => document.version, EVERY_STAGE);
    await runner.ensure(document, undefined as never);
    assert.ok(service.isAnalysed(document));
    return service.analyze(document);
  }

  it('gives the same entities, quotes and actors as tagging on one thread', async () => {
    const pool = fakePool(2);
    const analysis = await analyseThroughRunner(pool);
    assert.ok(pool.handed >= 2, `chunks handed to the fake workers: ${pool.handed}`);
    assert.deepStrictEqual(analysis.entities, reference.entities);
    assert.deepStrictEqual(analysis.quotes, reference.quotes);
    assert.deepStrictEqual(analysis.actors, reference.actors);
  });

  it('tags here what workers refuse, fail or answer wrongly', async () => {
    const pool = fakePool(1, (n) => (['refuse', 'fail', 'wrong', 'answer'] as const)[n % 4]);
    const analysis = await analyseThroughRunner(pool);
    assert.ok(pool.handed >= 2);
    assert.deepStrictEqual(analysis.entities, reference.entities);
  });

  it('never uses the pool when the stages are run without waiting (finish): same result', () => {
    const pool = fakePool(2);
    const service = serviceWith(pool);
    assert.deepStrictEqual(service.analyze({ uri: 'file:///parallel/b.txt', version: 1, getText: () => text }).entities, reference.entities);
    assert.strictEqual(pool.handed, 0);
  });

  it('drops a run whose text changed while workers tagged; the next version is analysed as if fresh', async () => {
    const pool = fakePool(2);
    const service = serviceWith(pool);
    let current = text;
    let version = 1;
    const document = { uri: 'file:///parallel/c.txt', get version() { return version; }, getText: () => current };
    const runner = new AnalysisRunner(service, () => version, EVERY_STAGE);
    const first = runner.ensure(document, undefined as never);
    // The edit comes while chunks are out on the fake workers (they answer after a timer).
    for (let wait = 0; pool.handed === 0 && wait < 10_000; wait++) await new Promise((resolve) => setTimeout(resolve, 1));
    assert.ok(pool.handed >= 1, 'chunks were out when the text changed');
    const at = current.indexOf('Lavrov');
    current = `${current.slice(0, at)}Sergei Lavrov and Angela Merkel${current.slice(at + 'Lavrov'.length)}`;
    version = 2;
    await assert.rejects(first, AnalysisCancelled);
    await runner.ensure(document, undefined as never);
    const fresh = createArticleService(resources).analyze({ uri: 'file:///parallel/fresh.txt', version: 1, getText: () => current });
    assert.deepStrictEqual(service.analyze(document).entities, fresh.entities);
    assert.deepStrictEqual(service.analyze(document).actors, fresh.actors);
    assert.ok(service.analyze(document).entities.some((e) => e.text === 'Angela Merkel'));
  });

  it('keeps tagging on one thread once learned weights change what it decodes (the workers have the shipped model)', async () => {
    const pool = fakePool(2);
    const recognizer = loadRecognizer(source, resources.vocabulary, { parallelMinTokens: 0 });
    const service = createArticleService({ ...resources, recognizer }, { tagging: pool });
    const alone = loadRecognizer(source, resources.vocabulary);
    // Both learn that `Jamil` is an organisation, from the same sentences.
    const seed = readSeed(SEEDS.lavrovJamil);
    const taught = service.analyze({ uri: 'file:///parallel/teach.txt', version: 1, getText: () => seed });
    const at = seed.indexOf('Qadri Jamil');
    const corrections = [{ start: at, end: at + 'Qadri Jamil'.length, label: 'organization', fresh: true }];
    recognizer.learn(taught.sentences, corrections);
    alone.learn(taught.sentences, corrections);
    assert.ok(!recognizer.adaptation.weights.isEmpty, 'the correction changed the weights');
    const document = { uri: 'file:///parallel/learned.txt', version: 1, getText: () => text };
    await new AnalysisRunner(service, () => 1, EVERY_STAGE).ensure(document, undefined as never);
    assert.strictEqual(pool.handed, 0);
    const expected = createArticleService({ ...resources, recognizer: alone }).analyze({ ...document, uri: 'file:///parallel/learned-alone.txt' });
    assert.deepStrictEqual(service.analyze(document).entities, expected.entities);
  });
});
