/**
 * Work done in stages: a generator that yields between stages, so a caller can let other work in
 * (the server answers a keystroke between the stages of a large analysis) or stop when its input
 * changed. {@link finish} runs one to its end without pausing.
 */
export type Staged<T> = Generator<void, T>;

/** Runs a staged computation to its end without pausing. */
export function finish<T>(stages: Staged<T>): T {
  for (;;) {
    const step = stages.next();
    if (step.done) return step.value;
  }
}
