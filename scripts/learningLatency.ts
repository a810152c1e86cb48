/**
 * How soon a correction shows in another open article, over the protocol (issue 13: "the next
 * suggestions in every open article reflect an update within 1 s"), for `npm run bench:learning`.
 *
 * `dist/server.js --stdio` on a workspace folder with the five seeds and two short articles, all open
 * (the server analyses every open article again after learning). Each round labels "Kassioun" an
 * organisation in the first article (the shipped model calls it a person) and polls the second
 * article's semantic tokens until its "Kassioun" is an organisation; the time from sending the command
 * to that answer is the figure. Then the label is removed and the learned corrections reset, and the
 * next round starts once the second article shows a person again.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import type { SemanticTokens } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../test/helpers/lspClient';
import { decodeTokens, rangeOf } from '../test/helpers/protocolText';
import { readSeed, SEEDS } from '../test/helpers/seeds';

const FIRST = 'Kassioun said the talks in Geneva had failed.\nForeign Minister Ahmet Davutoglu met officials of the United Nations in Ankara on Monday.\n';
const SECOND = 'Kassioun said the ceasefire had collapsed.\nForeign Minister Ahmet Davutoglu met officials of the United Nations in Ankara on Tuesday.\n';

/** Milliseconds from each correction sent to the other article's tokens showing it, one per round. */
export async function correctionLatencies(rounds: number): Promise<{ times: number[]; openArticles: number }> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-learning-latency-'));
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-learning-storage-'));
  const client = new LspTestClient();
  try {
    const texts = new Map<string, string>([['first.txt', FIRST], ['second.txt', SECOND]]);
    Object.values(SEEDS).forEach((seed, i) => texts.set(`seed-${i}.txt`, readSeed(seed)));
    for (const [name, text] of texts) fs.writeFileSync(path.join(folder, name), text);
    const ready = client.whenReady();
    await client.initialize(folder, true, { storagePath: storage });
    await ready;
    const uris = new Map([...texts].map(([name, text]) => [name, client.open(path.join(folder, name), text)]));
    const [first, second] = [uris.get('first.txt')!, uris.get('second.txt')!];
    const run = <R>(command: string, argument: unknown) => client.request<R>('workspace/executeCommand', { command, arguments: [argument] });
    const kassioun = rangeOf(SECOND, 'Kassioun').start;
    const typeInSecond = async () =>
      decodeTokens((await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: second } })).data).find((t) => t.line === kassioun.line && t.character === kassioun.character)?.type;
    const waitFor = async (type: string) => {
      const deadline = performance.now() + 20000;
      while ((await typeInSecond()) !== type) {
        if (performance.now() > deadline) throw new Error(`"Kassioun" in the second article did not become ${type} within 20 s`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    await waitFor('person');
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      const added = await run<{ id: string }>('articleLens.annotation.add', { uri: first, range: rangeOf(FIRST, 'Kassioun'), label: 'organization' });
      await waitFor('organization');
      times.push(performance.now() - start);
      await run('articleLens.annotation.remove', { uri: first, id: added.id });
      await run('articleLens.learning.reset', {});
      await waitFor('person');
    }
    return { times, openArticles: uris.size };
  } finally {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  }
}
