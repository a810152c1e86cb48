import type { ArticleService } from '../core/languageService';
import type { AnalysisRunner } from './analysisRunner';

/**
 * The warm-up's article, in the data folder: written for it (not from any corpus), with people with
 * titles and appositions, organisations with acronyms, places, dates, figures, direct quotes with
 * their speakers, pronouns — what the analysis of a news article runs through.
 */
export const WARM_UP_ARTICLE = 'warm-up/article.txt';

/**
 * Warm-up rounds: an analysis of the article and one of an edit of it each, about 1 s of CPU in all.
 * Measured in a process holding a 100,000-article index read from the cache (nothing analysed on its
 * thread before): the CPU of the hover after an edit, median of 30, 24–27 ms without, 20 ms after 20
 * rounds, 17–19 ms after 60, 15 ms after 200 (2.7 s of CPU).
 */
export const WARM_UP_ROUNDS = 60;

/**
 * Warms the server thread's compiled analysis code in quiet moments. The scan workers analyse the
 * workspace, not this thread, which analyses only what is opened: V8 runs that code mostly
 * unoptimised for dozens of analyses, and the hover after an edit took about four times what it
 * takes on a thread that has analysed many articles (26 ms against 6 ms of wall time, in process).
 * Each stage lets queued messages in and then waits until no analysis runs and no request asked for
 * one lately (`AnalysisRunner.quiet`), so a request never waits for more than one stage of it; nothing
 * is kept or indexed (`ArticleService.warmUpInStages`).
 */
export async function warmUp(service: ArticleService, runner: AnalysisRunner, text: string, rounds = WARM_UP_ROUNDS): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const stages = service.warmUpInStages(text);
    for (;;) {
      // `quiet` lets queued messages (or the scan's start) in first: when nothing runs it resolves at
      // once, and promises alone would chain every stage of every round.
      await runner.quiet();
      if (stages.next().done) break;
    }
  }
}
