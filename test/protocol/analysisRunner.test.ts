import * as assert from 'assert';
import * as net from 'net';
import { createProtocolConnection, SocketMessageReader, SocketMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { AnalysisCancelled } from '../../server/src/core/languageService';
import { AnalysisRunner, DocumentChanged, letMessagesIn } from '../../server/src/lsp/analysisRunner';
import { newService } from '../helpers/resources';
import { readSeed, SEEDS } from '../helpers/seeds';

/**
 * The server's requests read an analysis the runner made a stage at a time: never one computed in one
 * piece inside a handler. A cancelled request stops waiting; two requests share one run.
 */
describe('analysis runner (lsp/analysisRunner.ts)', () => {
  const text = Object.values(SEEDS).map(readSeed).join('\n\n').repeat(4);

  it('runs the analysis in stages, letting timers in between once a slice is used up', async () => {
    const service = newService();
    const document = { uri: 'file:///runner/a.article', version: 1, getText: () => text };
    const runner = new AnalysisRunner(service, () => 1, 0);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      await runner.ensure(document, undefined as never);
    } finally {
      clearInterval(timer);
    }
    assert.ok(service.isAnalysed(document));
    assert.ok(ticks >= 2, `other work ran ${ticks} times during the analysis`);
  });

  it('runs the stages of one slice without a pause: a small article is analysed at once', async () => {
    const service = newService();
    const document = { uri: 'file:///runner/slice.article', version: 1, getText: () => readSeed(SEEDS.lavrovKerry) };
    const runner = new AnalysisRunner(service, () => 1, Number.POSITIVE_INFINITY);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const analysed = runner.ensure(document, undefined as never);
      // Analysed before `ensure` returned its promise: no timer, no other message, could come first.
      assert.ok(service.isAnalysed(document));
      await analysed;
    } finally {
      clearInterval(timer);
    }
    assert.strictEqual(ticks, 0);
    assert.deepStrictEqual(service.analyze(document).actors, newService().analyze({ ...document, uri: 'file:///runner/slice-fresh.article' }).actors);
  });

  it('stops a cancelled request at the next stage, and the next request finishes the analysis right', async () => {
    const service = newService();
    const document = { uri: 'file:///runner/b.article', version: 1, getText: () => text };
    const runner = new AnalysisRunner(service, () => 1, 0);
    const token = { isCancellationRequested: false };
    const waiting = runner.ensure(document, undefined as never, token);
    token.isCancellationRequested = true;
    await assert.rejects(waiting, AnalysisCancelled);
    await runner.ensure(document, undefined as never);
    assert.deepStrictEqual(service.analyze(document).entities, newService().analyze({ ...document, uri: 'file:///runner/fresh.article' }).entities);
  });

  it('shares one run between two requests for the same version', async () => {
    const service = newService();
    const document = { uri: 'file:///runner/c.article', version: 1, getText: () => text };
    let started = 0;
    const counting = { ...service, analyzeInStages: (...args: Parameters<typeof service.analyzeInStages>) => (started++, service.analyzeInStages(...args)) };
    const runner = new AnalysisRunner(counting as typeof service, () => 1);
    await Promise.all([runner.ensure(document, undefined as never), runner.ensure(document, undefined as never)]);
    assert.strictEqual(started, 1);
  });

  it('lets background work wait until no analysis runs and nothing asked for one lately, or its patience ends', async () => {
    const service = newService();
    const document = { uri: 'file:///runner/e.article', version: 1, getText: () => text };
    const runner = new AnalysisRunner(service, () => 1);
    const order: string[] = [];
    const analysed = runner.ensure(document, undefined as never).then(() => order.push('analysed'));
    const quiet = runner.quiet(50, 60_000).then(() => order.push('quiet'));
    await Promise.all([analysed, quiet]);
    assert.deepStrictEqual(order, ['analysed', 'quiet']);
    // A request answered at once (analysed already) still means the editor is in use: quiet waits.
    await runner.ensure(document, undefined as never);
    const t0 = Date.now();
    await runner.quiet(200, 60_000);
    assert.ok(Date.now() - t0 >= 150, `quiet came after ${Date.now() - t0} ms`);
    // With requests that never stop, patience ends the wait.
    const busy = setInterval(() => void runner.ensure(document, undefined as never), 5);
    try {
      const t1 = Date.now();
      await runner.quiet(100, 300);
      assert.ok(Date.now() - t1 < 2000);
    } finally {
      clearInterval(busy);
    }
  });

  it('gives up when the document changes during the run', async () => {
    const service = newService();
    let version = 1;
    const document = { uri: 'file:///runner/d.article', get version() { return version; }, getText: () => text };
    const runner = new AnalysisRunner(service, () => version, 0);
    const waiting = runner.ensure(document, undefined as never);
    version = 2;
    await assert.rejects(waiting, AnalysisCancelled);
  });

  it('answers a request for a version the document no longer has with DocumentChanged, and runs nothing for it', async () => {
    const service = newService();
    const started: number[] = [];
    const counting = { ...service, analyzeInStages: (...args: Parameters<typeof service.analyzeInStages>) => (started.push(args[0].version), service.analyzeInStages(...args)) };
    const document = { uri: 'file:///runner/pinned.article', version: 2, getText: () => text };
    const runner = new AnalysisRunner(counting as typeof service, () => document.version, 0);
    await assert.rejects(runner.ensure(document, undefined as never, undefined, 'analysis', 1), DocumentChanged);
    assert.deepStrictEqual(started, []);
  });

  it('coalesces the versions of a document edited while it is analysed: a request lets queued edits in first, and only the newest version is run', async () => {
    const service = newService();
    const started: number[] = [];
    const counting = { ...service, analyzeInStages: (...args: Parameters<typeof service.analyzeInStages>) => (started.push(args[0].version), service.analyzeInStages(...args)) };
    const document = { uri: 'file:///runner/typed.article', version: 1, text, getText() { return this.text; } };
    const edit = (version: number) => Object.assign(document, { version, text: `${document.text}x` });
    const runner = new AnalysisRunner(counting as typeof service, () => document.version, 0);
    // A hover on version 1, then a keystroke: the run stops at its next stage, the hover gets DocumentChanged.
    const first = runner.ensure(document, undefined as never, undefined, 'analysis', 1);
    edit(2);
    await assert.rejects(first, DocumentChanged);
    // The hover sent after keystroke 2 comes while keystroke 3 is already queued (it is let in within the
    // message turns): nothing is run for version 2.
    setImmediate(() => edit(3));
    await assert.rejects(runner.ensure(document, undefined as never, undefined, 'analysis', 2), DocumentChanged);
    await runner.ensure(document, undefined as never, undefined, 'analysis', 3);
    assert.ok(service.isAnalysed(document));
    assert.deepStrictEqual(started, [1, 3], 'runs started, by version');
  });

  it('answers a caller that needs only the entities once they are final, then finishes the analysis', async () => {
    const service = newService();
    const document = { uri: 'file:///runner/e.article', version: 1, getText: () => text };
    const runner = new AnalysisRunner(service, () => 1, 0);
    assert.ok(service.entitiesNeedAnalysis(document));
    await runner.ensure(document, undefined as never, undefined, 'entities');
    assert.ok(service.hasEntities(document));
    assert.ok(!service.isAnalysed(document), 'quotes and actors were still to come');
    const quickly = service.getEntitiesQuickly(document);
    assert.ok(quickly.exact);
    for (let wait = 0; !service.isAnalysed(document) && wait < 10_000; wait++) await new Promise((resolve) => setTimeout(resolve, 1));
    assert.ok(service.isAnalysed(document), 'the run went on to the end with nobody waiting');
    assert.deepStrictEqual(quickly.entities, newService().analyze({ ...document, uri: 'file:///runner/fresh-e.article' }).entities);
  });

  /** A message as it goes over the wire, for writing straight into a socket as another process would. */
  const framed = (message: object): string => {
    const body = JSON.stringify(message);
    return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  };

  /**
   * A server connection and the client's socket over a real TCP socket: the server's messages come
   * through the event loop's poll phase, as from VS Code's pipe. `setUp` registers the server's handlers.
   */
  async function overSocket<T>(setUp: (server: ProtocolConnection, clientSocket: net.Socket) => void, use: (client: ProtocolConnection, clientSocket: net.Socket) => Promise<T>): Promise<T> {
    let server: ProtocolConnection | undefined;
    let socket: net.Socket | undefined;
    const listener = net.createServer((incoming) => {
      server = createProtocolConnection(new SocketMessageReader(incoming), new SocketMessageWriter(incoming));
      setUp(server, socket!);
      server.listen();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    socket = net.connect((listener.address() as net.AddressInfo).port, '127.0.0.1');
    await new Promise<void>((resolve) => socket!.once('connect', resolve));
    for (let wait = 0; !server && wait < 5000; wait++) await new Promise((resolve) => setTimeout(resolve, 1));
    const client = createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    client.listen();
    try {
      return await use(client, socket);
    } finally {
      client.dispose();
      server?.dispose();
      socket.destroy();
      listener.close();
    }
  }

  /**
   * A request whose handler works in stages with `letMessagesIn` between them, and a notification
   * sent before it starts or written while its first stage runs. One turn of `setImmediate` would
   * not let it in (the connection's own immediates are queued behind it).
   */
  function stagesAndMessage(sendDuringFirstStage: boolean): Promise<string[]> {
    const events: string[] = [];
    return overSocket(
      (server, clientSocket) => {
        server.onNotification('test/ping', () => void events.push('message'));
        server.onRequest('test/work', async () => {
          for (let stage = 0; stage < 3; stage++) {
            const start = Date.now();
            while (Date.now() - start < 3) {
              // a stage's work: the thread is busy
            }
            events.push(`stage ${stage}`);
            // Written to the socket at once, as another process would (the connection's writer waits a turn).
            if (stage === 0 && sendDuringFirstStage) clientSocket.write(framed({ jsonrpc: '2.0', method: 'test/ping' }));
            await letMessagesIn();
          }
          return events;
        });
      },
      async (client) => {
        const work = client.sendRequest<string[]>('test/work');
        if (!sendDuringFirstStage) void client.sendNotification('test/ping');
        return work;
      },
    );
  }

  it('lets a message in between two stages without a timer: one queued before the work, one that came during a stage', async () => {
    assert.deepStrictEqual(await stagesAndMessage(false), ['stage 0', 'message', 'stage 1', 'stage 2']);
    assert.deepStrictEqual(await stagesAndMessage(true), ['stage 0', 'message', 'stage 1', 'stage 2']);
  });

  it('counts the editor in use from the last demand noted (a request that came or was answered, an edit), not only from a request for an analysis', async () => {
    const runner = new AnalysisRunner(newService(), () => 1);
    // Nothing asked for anything: quiet at once.
    const t0 = Date.now();
    await runner.quiet(200, 60_000);
    assert.ok(Date.now() - t0 < 150, `quiet came after ${Date.now() - t0} ms`);
    // A request answered just now (it may have asked for its analysis long before): quiet waits.
    runner.noteDemand();
    const t1 = Date.now();
    await runner.quiet(200, 60_000);
    assert.ok(Date.now() - t1 >= 150, `quiet came after ${Date.now() - t1} ms`);
  });

  it('lets a request that is already waiting in before it says the editor is quiet', async () => {
    const runner = new AnalysisRunner(newService(), () => 1);
    const waited = await overSocket(
      (server) => server.onNotification('test/edit', () => runner.noteDemand()),
      async (_client, clientSocket) => {
        const start = Date.now();
        // The edit is written while the thread is busy: it waits unread in the socket when background
        // work asks whether it may go on.
        clientSocket.write(framed({ jsonrpc: '2.0', method: 'test/edit' }));
        while (Date.now() - start < 10) {
          // busy
        }
        await runner.quiet(200, 60_000);
        return Date.now() - start;
      },
    );
    assert.ok(waited >= 150, `quiet came after ${waited} ms: the edit waiting in the socket was not counted`);
  });
});
