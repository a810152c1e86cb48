import type { ArticleService } from '../core/languageService';
import type { AnalysisRunner } from './analysisRunner';

/**
 * The warm-up's article, in the data folder: written for it (not from any corpus), with people with
 * titles and appositions, organisations with acronyms, places, dates, figures, direct quotes with
 * their speakers, pronouns — what the analysis of a news article runs through.
 */
export const WARM_UP_ARTICLE = 'warm-up/article.txt';

/**
 * Warm-up rounds: an analysis of the article and one of an edit of it each, about 2.5–3 s of process CPU
 * in all (measured 2.8 s at load 5; 60 rounds: 1.1 s), most of it in the first rounds, while V8 compiles. The hover after an edit keeps
 * getting cheaper long after 60 rounds: in the 10,000-article bench (three alternating pairs, load 4–6),
 * the server thread's run per hover, median of 30, 5.8–7.6 ms after the 2–3 rounds the old pacing let
 * in before the hovers, 3.1–4.2 ms after 300 rounds; in one process with no index or server, the
 * analysis of an edit of a PolNeAR article, median of 130, after the warm-up's article was analysed
 * (and edited) 0, 60 and 300 times: 15, 8.0 and 4.1 ms.
 */
export const WARM_UP_ROUNDS = 300;

/**
 * How long without demand counts as quiet for a warm-up stage. Short, because a stage is short (a
 * millisecond or two once compiled, some tens during the first rounds) and a request that comes
 * meanwhile waits for one stage at most; with the 100 ms that saving the index cache waits for, an
 * editor asking something every 50 ms (the bench asks for document symbols while the workspace is
 * indexed) left the warm-up one stage per 2 s of patience: 2–3 of its rounds had run when the hovers
 * came, 25–50 s later.
 */
export const WARM_UP_QUIET_MS = 20;

/**
 * Warms the server thread's compiled analysis code in quiet moments. The scan workers analyse the
 * workspace, not this thread, which analyses only what is opened: V8 runs that code mostly
 * unoptimised for dozens of analyses, and the hover after an edit took about four times what it
 * takes on a thread that has analysed many articles (26 ms against 6 ms of wall time, in process).
 * Each stage lets queued messages in and then waits until no analysis runs and no demand came in
 * the last {@link WARM_UP_QUIET_MS} (`AnalysisRunner.quiet`), so a request never waits for more than
 * one stage of it; nothing is kept or indexed (`ArticleService.warmUpInStages`).
 */
export async function warmUp(service: ArticleService, runner: AnalysisRunner, text: string, rounds = WARM_UP_ROUNDS): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const stages = service.warmUpInStages(text);
    for (;;) {
      // `quiet` lets queued messages (or the scan's start) in first: when nothing runs it resolves at
      // once, and promises alone would chain every stage of every round.
      await runner.quiet(WARM_UP_QUIET_MS);
      if (stages.next().done) break;
    }
  }
}
