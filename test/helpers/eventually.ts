/**
 * Asks again until the answer is as expected (at most 10 s): the server indexes and analyses in the
 * background, so a protocol test waits for the index to follow rather than sleeping a fixed time.
 */
export async function eventually<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  let last: T | undefined;
  for (let attempt = 0; attempt < 400; attempt++) {
    last = await probe();
    if (ok(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${what}: last answer ${JSON.stringify(last)?.slice(0, 500)}`);
}
