import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnnotationDependencies } from '../../server/src/indexCache/annotationDependency';

/**
 * The store an article's cached summary depends on is the one its annotations are read from: the nearest
 * above it, not above its workspace folder (`storeRoot.ts`). The scan's workers took a store above the
 * workspace folder, which the server's own thread, the file watcher and open articles do not: an article's
 * labels came and went with the thread that read it.
 */
describe('index cache: annotation store dependencies', () => {
  let scratch: string;
  beforeEach(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-deps-'))));
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('a store above the workspace folder does not apply to its articles; one inside it does', () => {
    const corpus = path.join(scratch, 'corpus');
    const workspace = path.join(corpus, 'ws');
    fs.mkdirSync(path.join(corpus, '.article-lens', 'annotations'), { recursive: true });
    fs.mkdirSync(workspace);
    const article = path.join(workspace, 'a.txt');
    fs.writeFileSync(article, 'Sergei Lavrov met John Kerry.\n');
    const dependencies = new AnnotationDependencies();
    assert.strictEqual(dependencies.storeRootOf(article, workspace), undefined);
    assert.deepStrictEqual(dependencies.stampsOf(article, workspace), [{ path: '', size: -1, mtimeMs: 0 }]);
    // Without a boundary (the command line), the nearest store above applies.
    assert.strictEqual(dependencies.storeRootOf(article), corpus);
    fs.mkdirSync(path.join(workspace, '.article-lens', 'annotations'), { recursive: true });
    assert.strictEqual(new AnnotationDependencies().storeRootOf(article, workspace), workspace);
  });
});
