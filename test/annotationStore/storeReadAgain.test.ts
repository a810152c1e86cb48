import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { AnnotationFiles } from '../../server/src/annotationStore/annotationFiles';
import type { Annotation, ArticleAnnotations } from '../../server/src/core/annotations/model';
import { addAnnotation } from '../../server/src/core/annotations/operations';
import { spanAt } from '../../server/src/core/annotations/selectors';
import type { ArticleService } from '../../server/src/core/languageService';
import { AnnotationLayer } from '../../server/src/lsp/annotations';
import { readSeed, SEEDS } from '../helpers/seeds';
import { labelOn } from '../core/annotations/helpers';

/**
 * The annotation layer of an open article (`lsp/annotations.ts`) reading its store file again after
 * someone else wrote it, with nothing of its own unsaved: which annotations keep this window's places.
 */
describe('a store file read again while its article is open', () => {
  let folder: string;
  const text = readSeed(SEEDS.lavrovKerry);
  const article = 'news/kerry.txt';
  let layer: AnnotationLayer;
  let uri: string;
  let files: AnnotationFiles;

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'article-lens-read-again-'));
    await fs.mkdir(path.join(folder, 'news'));
    await fs.writeFile(path.join(folder, ...article.split('/')), text);
    // The store holds a label on the first "Lavrov" of the article.
    const seeded = new AnnotationFiles(folder);
    await seeded.load(article, text);
    await seeded.save(article, text, { reviewState: 'in-progress', annotations: [labelOn(text, 'Lavrov')] });
    uri = URI.file(path.join(folder, ...article.split('/'))).toString();
    layer = new AnnotationLayer({
      service: { setAnnotationInput: () => undefined } as unknown as ArticleService,
      folders: () => [URI.file(folder).toString()],
      textOf: (u) => (u === uri ? text : undefined),
      changed: () => undefined,
      warn: () => undefined,
    });
    layer.open(uri);
    files = layer.placeOf(uri)!.files;
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  /** A colleague rewrites the store file's one annotation with `change` (its id, body and times kept). */
  const theyRewrite = async (change: (annotation: Annotation) => Annotation): Promise<void> => {
    const theirs = new AnnotationFiles(folder);
    const loaded = await theirs.load(article, text);
    assert.ok(loaded.kind === 'loaded');
    assert.deepStrictEqual(await theirs.save(article, text, { ...loaded.annotations, annotations: loaded.annotations.annotations.map(change) }), { ok: true });
    await layer.storeFileChanged(URI.file(files.fileOf(article)!).toString());
  };
  const onDisk = async (): Promise<ArticleAnnotations> => {
    const loaded = await new AnnotationFiles(folder).load(article, text);
    assert.ok(loaded.kind === 'loaded');
    return loaded.annotations;
  };
  const places = (annotations: ArticleAnnotations): Array<[string, number]> => annotations.annotations.map((a) => [a.target[0].exact, a.target[0].start]);

  for (const [what, place] of [
    ['moved the label to another "Lavrov" (a place change does not touch `modified`)', (): { start: number; end: number } => ({ start: text.indexOf('Lavrov', text.indexOf('Lavrov') + 1), end: text.indexOf('Lavrov', text.indexOf('Lavrov') + 1) + 'Lavrov'.length })],
    ['widened the label to "Sergei Lavrov" (the quote changed, not the time)', (): { start: number; end: number } => ({ start: text.indexOf('Sergei Lavrov'), end: text.indexOf('Sergei Lavrov') + 'Sergei Lavrov'.length })],
  ] as const) {
    it(`takes the file's place when a colleague ${what}, and never writes this window's older place over it`, async () => {
      await layer.stateOf(uri);
      const theirs = place();
      await theyRewrite((a) => ({ ...a, target: [spanAt(text, theirs)] }));
      const state = (await layer.stateOf(uri))!;
      assert.deepStrictEqual(places(state.annotations), [[text.slice(theirs.start, theirs.end), theirs.start]], 'the file\'s place is shown');
      assert.strictEqual(state.dirty, false, 'the file holds what is shown: nothing to write on save');
      // A later command of this window writes the whole file: the colleague's place stays in it.
      const added = await layer.update(uri, (annotations) => addAnnotation(annotations, labelOn(text, 'John Kerry')));
      assert.ok(added.ok);
      assert.deepStrictEqual(places(await onDisk()).sort(), [['John Kerry', text.indexOf('John Kerry')], [text.slice(theirs.start, theirs.end), theirs.start]].sort());
    });
  }
});
