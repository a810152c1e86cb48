import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readOtherAnnotations } from '../../server/src/annotationStore/otherAnnotator';

describe("another annotator's annotations (Compare with Annotations in…)", () => {
  let folder: string;
  beforeEach(async () => (folder = await fs.mkdtemp(path.join(os.tmpdir(), 'article-lens-other-'))));
  afterEach(async () => fs.rm(folder, { recursive: true, force: true }));

  it("reads an export's brat file of an article whose name differs from another's only in its extension (review: it read the other's)", async () => {
    const text = 'Kerry met Lavrov in Geneva.\n';
    // As `export --format brat --out` lays out a.txt and a.article of one folder (formats/exportFiles.ts).
    await fs.writeFile(path.join(folder, 'a.ann'), 'T1\tLocation 20 26\tGeneva\n');
    await fs.writeFile(path.join(folder, 'a.txt'), text);
    await fs.writeFile(path.join(folder, 'a.article.ann'), 'T1\tPerson 0 5\tKerry\n');
    await fs.writeFile(path.join(folder, 'a.article.txt'), text);
    const label = (found: Awaited<ReturnType<typeof readOtherAnnotations>>) =>
      found.kind === 'found' ? found.annotations.map((a) => `${a.body.kind === 'label' ? a.body.label : a.body.kind}:${a.target[0].exact}`) : found.kind;
    assert.deepStrictEqual(label(await readOtherAnnotations(folder, 'a.article', text)), ['person:Kerry']);
    assert.deepStrictEqual(label(await readOtherAnnotations(folder, 'a.txt', text)), ['location:Geneva']);
  });
});
