/**
 * What an open article's colours wait for before they are first computed: its store file read (its labels
 * and rejections) and what corrections taught read at start-up — file reads, done in milliseconds.
 *
 * Why: colours computed before them were corrected a moment later through a refresh, and after a window
 * reload VS Code sometimes went on showing neither answer (the server's later answers were right; the
 * editor kept a stored label uncoloured until the article was reopened). With the wait the first answer is
 * the right one and the refreshes after it change nothing.
 *
 * The wait happens once per opened article, never again for its later requests (typing), and lasts
 * {@link FIRST_INPUTS_PATIENCE_MS} at most: a store on a disk that does not answer, or one that cannot be
 * read, does not hold the colours (they go out as they are; the refresh follows as before).
 */

/** How long an article's first colours wait at most. */
export const FIRST_INPUTS_PATIENCE_MS = 3000;

export class FirstColours {
  private readonly waits = new Map<string, Promise<void>>();

  constructor(
    /** Resolves when the article's own inputs (its store file) are read. */
    private readonly articleInputs: (uri: string) => Promise<unknown>,
    /** Resolves when what is shared by every article (the learned corrections) is read. */
    private readonly sharedInputs: () => Promise<unknown>,
    private readonly patienceMs = FIRST_INPUTS_PATIENCE_MS,
  ) {}

  /** Resolves when the article's first colours may be computed; at once after the first time. */
  ready(uri: string): Promise<void> {
    let wait = this.waits.get(uri);
    if (!wait) {
      let timer: NodeJS.Timeout | undefined;
      const patience = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.patienceMs)));
      // A read that fails is the store's own message to the person (lsp/annotations.ts), not the colours'.
      const inputs = Promise.all([this.articleInputs(uri), this.sharedInputs()]).then(
        () => undefined,
        () => undefined,
      );
      wait = Promise.race([inputs, patience]).finally(() => clearTimeout(timer));
      this.waits.set(uri, wait);
    }
    return wait;
  }

  /** The article closed: reopened, it waits for its store file again. */
  delete(uri: string): void {
    this.waits.delete(uri);
  }
}
