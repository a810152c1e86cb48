import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { AnnotationFiles } from '../../server/src/annotationStore/annotationFiles';
import type { ArticleAnnotations } from '../../server/src/core/annotations/model';
import { addAnnotation, removeAnnotation } from '../../server/src/core/annotations/operations';
import type { ArticleService } from '../../server/src/core/languageService';
import { AnnotationLayer } from '../../server/src/lsp/annotations';
import { readSeed, SEEDS } from '../helpers/seeds';
import { labelOn } from '../core/annotations/helpers';

/**
 * The annotation layer of open articles (`lsp/annotations.ts`) when a write fails (a full disk, a read-only
 * folder) and the store file then changes on disk (a `git pull`, another window): the person's change,
 * kept in memory, must not be dropped by reading the file again.
 */
describe('annotation changes that could not be written, when the store file changes on disk', () => {
  let folder: string;
  const text = readSeed(SEEDS.lavrovKerry);
  const article = 'news/kerry.txt';
  let layer: AnnotationLayer;
  let warnings: string[];
  let uri: string;
  let files: AnnotationFiles;

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'article-lens-unsaved-'));
    await fs.mkdir(path.join(folder, 'news'));
    await fs.writeFile(path.join(folder, ...article.split('/')), text);
    // The store holds one label, as a colleague committed it.
    const seeded = new AnnotationFiles(folder);
    await seeded.load(article, text);
    await seeded.save(article, text, { reviewState: 'in-progress', annotations: [labelOn(text, 'Sergei Lavrov')] });
    warnings = [];
    uri = URI.file(path.join(folder, ...article.split('/'))).toString();
    layer = new AnnotationLayer({
      service: { setAnnotationInput: () => undefined } as unknown as ArticleService,
      folders: () => [URI.file(folder).toString()],
      textOf: (u) => (u === uri ? text : undefined),
      changed: () => undefined,
      warn: (message) => void warnings.push(message),
    });
    layer.open(uri);
    files = layer.placeOf(uri)!.files;
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  /** The next write of the layer's store fails as a full disk would make it. */
  const failNextWrite = (): void => {
    const save = files.save.bind(files);
    files.save = async (...args) => {
      files.save = save;
      return { ok: false, message: 'ENOSPC: no space left on device', reason: 'io' };
    };
  };
  /** Someone else writes the store file: the colleague's label on "John Kerry" is added to what they had. */
  const theyAddKerry = async (): Promise<void> => {
    const theirs = new AnnotationFiles(folder);
    const loaded = await theirs.load(article, text);
    assert.ok(loaded.kind === 'loaded');
    await theirs.save(article, text, { ...loaded.annotations, annotations: [...loaded.annotations.annotations, labelOn(text, 'John Kerry')] });
  };
  const onDisk = async (): Promise<ArticleAnnotations> => {
    const loaded = await new AnnotationFiles(folder).load(article, text);
    assert.ok(loaded.kind === 'loaded');
    return loaded.annotations;
  };
  const exacts = (annotations: ArticleAnnotations): string[] => annotations.annotations.map((a) => a.target[0].exact).sort();

  it('keeps a label added while the disk refused it, merges it into the changed file and saves it', async () => {
    await layer.stateOf(uri);
    failNextWrite();
    const added = await layer.update(uri, (annotations) => addAnnotation(annotations, labelOn(text, 'Moscow', 0, 'location')));
    assert.ok(added.ok);
    assert.match(warnings.join('\n'), /kept in memory but not saved/);
    await theyAddKerry();
    await layer.storeFileChanged(URI.file(files.fileOf(article)!).toString());
    const state = (await layer.stateOf(uri))!;
    assert.deepStrictEqual(exacts(state.annotations), ['John Kerry', 'Moscow', 'Sergei Lavrov'], 'ours and theirs');
    assert.deepStrictEqual(exacts(await onDisk()), ['John Kerry', 'Moscow', 'Sergei Lavrov'], 'and saved');
    assert.match(warnings[warnings.length - 1], /merged into it and saved/);
  });

  it('keeps a removal made while the disk refused it, and the file’s own change', async () => {
    const state = (await layer.stateOf(uri))!;
    failNextWrite();
    const removed = await layer.update(uri, (annotations) => removeAnnotation(annotations, state.annotations.annotations[0].id));
    assert.ok(removed.ok);
    await theyAddKerry();
    await layer.storeFileChanged(URI.file(files.fileOf(article)!).toString());
    assert.deepStrictEqual(exacts((await layer.stateOf(uri))!.annotations), ['John Kerry']);
    assert.deepStrictEqual(exacts(await onDisk()), ['John Kerry']);
  });

  it('keeps a label whose write lost its lock (the window was held up past the stale-lock limit) and merges it into the other window\'s file', async () => {
    await layer.stateOf(uri);
    // While this window is blocked after taking its lock, a colleague's window breaks it as stale and writes.
    const writeFile = fs.writeFile;
    let blocked = false;
    fs.writeFile = (async (file: Parameters<typeof writeFile>[0], ...rest: unknown[]) => {
      if (!blocked && String(file).endsWith('.tmp')) {
        blocked = true;
        const old = new Date(Date.now() - 11_000);
        await fs.utimes(`${files.fileOf(article)!}.lock`, old, old);
        await theyAddKerry();
      }
      return (writeFile as (...args: unknown[]) => Promise<void>)(file, ...rest);
    }) as typeof writeFile;
    try {
      const added = await layer.update(uri, (annotations) => addAnnotation(annotations, labelOn(text, 'Moscow', 0, 'location')));
      assert.ok(added.ok);
    } finally {
      fs.writeFile = writeFile;
    }
    assert.match(warnings.join('\n'), /kept in memory but not saved: .*lock/);
    assert.deepStrictEqual(exacts(await onDisk()), ['John Kerry', 'Sergei Lavrov'], 'their file stands');
    await layer.storeFileChanged(URI.file(files.fileOf(article)!).toString());
    assert.deepStrictEqual(exacts((await layer.stateOf(uri))!.annotations), ['John Kerry', 'Moscow', 'Sergei Lavrov']);
    assert.deepStrictEqual(exacts(await onDisk()), ['John Kerry', 'Moscow', 'Sergei Lavrov'], 'ours merged into theirs and saved');
  });

  it('reads the file again as before when nothing of ours is unsaved', async () => {
    await layer.stateOf(uri);
    await theyAddKerry();
    await layer.storeFileChanged(URI.file(files.fileOf(article)!).toString());
    assert.deepStrictEqual(exacts((await layer.stateOf(uri))!.annotations), ['John Kerry', 'Sergei Lavrov']);
    assert.deepStrictEqual(warnings, []);
  });
});
