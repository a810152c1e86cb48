import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeArticle, type ArticleAnalysis } from '../../server/src/core/analysis';
import { quoteSpeakers } from '../../server/src/core/quoteSpeakers';
import { context } from './resources';
import { ROOT } from './seeds';

/** PolNeAR's train articles in the shared data folder beside the clone (never copied into the repository). */
export const POLNEAR_TRAIN_TEXT = path.resolve(ROOT, '..', 'shared', 'data', 'polnear', 'train', 'text');

/**
 * The shipped analysis of one PolNeAR train article, for tests that assert behaviour on real news; the test is
 * skipped, saying why, when ../shared is absent (a user's fresh clone).
 */
export function analysePolnearTrain(test: Mocha.Context, file: string): ArticleAnalysis {
  if (!fs.existsSync(POLNEAR_TRAIN_TEXT)) {
    console.log(`      skipped: ${POLNEAR_TRAIN_TEXT} is absent`);
    test.skip();
  }
  return analyzeArticle(fs.readFileSync(path.join(POLNEAR_TRAIN_TEXT, file), 'utf8'), context);
}

/** The quote whose words open with `opening`: its source phrase as written and the actor it is shown under. */
export function quoteOpening(analysis: ArticleAnalysis, opening: string): { mention: string | undefined; actor: string | undefined } {
  const quote = analysis.quotes.find((q) => q.text.startsWith(opening));
  assert.ok(quote, `a quote opens with “${opening}”`);
  return { mention: quote.attribution?.mention.text, actor: quoteSpeakers(analysis.quotes, analysis.actors).get(quote)?.actor?.name };
}
