import * as fs from 'fs';
import * as path from 'path';
import { analyzeArticle, type ArticleAnalysis } from '../../server/src/core/analysis';
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
