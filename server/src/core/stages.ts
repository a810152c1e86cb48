/**
 * Work done in stages: a generator that yields between stages, so a caller can let other work in
 * (the server answers a keystroke between the stages of a large analysis) or stop when its input
 * changed. A stage may also yield a promise: work handed to another thread (the server's tagging
 * workers), which the caller awaits before going on. Only a caller that can wait asks for such work
 * (`AnalysisContext.tagging`); {@link finish} runs one to its end without pausing.
 */
export type Staged<T> = Generator<void | Promise<unknown>, T>;

/** Runs a staged computation to its end without pausing. It must not hand work to other threads. */
export function finish<T>(stages: Staged<T>): T {
  for (;;) {
    const step = stages.next();
    if (step.done) return step.value;
    if (step.value !== undefined) throw new Error('finish() cannot wait for work on other threads: drive the stages with awaits');
  }
}

