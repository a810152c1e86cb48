import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnnotationFiles, newAnnotationId } from '../../server/src/annotationStore/annotationFiles';
import type { ArticleAnnotations } from '../../server/src/core/annotations/model';
import { readSeed, SEEDS } from '../helpers/seeds';
import { labelOn } from '../core/annotations/helpers';

describe('annotation store files', () => {
  let folder: string;
  const text = readSeed(SEEDS.lavrovKerry);
  const article = 'news/kerry.txt';
  const storeFile = (): string => path.join(folder, '.article-lens', 'annotations', 'news', 'kerry.txt.json');
  const one: ArticleAnnotations = { reviewState: 'in-progress', annotations: [labelOn(text, 'Sergei Lavrov')] };

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'article-lens-store-'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('writes atomically (no temporary file left), reads back, and re-anchors after the article changed on disk', async () => {
    const files = new AnnotationFiles(folder);
    assert.deepStrictEqual(await files.load(article, text), { kind: 'missing' });
    assert.deepStrictEqual(await files.save(article, text, one), { ok: true });
    assert.deepStrictEqual(await fs.readdir(path.dirname(storeFile())), ['kerry.txt.json']);
    const changed = 'UPDATED: a paragraph added on top.\n' + text;
    const loaded = await new AnnotationFiles(folder).load(article, changed);
    assert.ok(loaded.kind === 'loaded');
    assert.strictEqual(loaded.annotations.reviewState, 'in-progress');
    const span = loaded.annotations.annotations[0].target[0];
    assert.strictEqual(changed.slice(span.start, span.end), 'Sergei Lavrov');
    assert.strictEqual(loaded.outcomes.get(one.annotations[0].id), 'moved');
  });

  it('two windows saving one store at the same moment: one writes, the other is told the file changed (both used to pass the check, and the last rename won)', async () => {
    const windowA = new AnnotationFiles(folder);
    const windowB = new AnnotationFiles(folder);
    await windowA.load(article, text);
    await windowB.load(article, text);
    const theirs: ArticleAnnotations = { reviewState: 'in-progress', annotations: [labelOn(text, 'John Kerry')] };
    // The first rename waits a little, as a busy disk would, so the other window's check comes between.
    const rename = fs.rename;
    let first = true;
    fs.rename = async (from, to) => {
      if (first) {
        first = false;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return rename(from, to);
    };
    let results;
    try {
      results = await Promise.all([windowA.save(article, text, one), windowB.save(article, text, theirs)]);
    } finally {
      fs.rename = rename;
    }
    assert.deepStrictEqual(results.map((r) => (r.ok ? 'ok' : r.reason)).sort(), ['changed', 'ok']);
    const written = results[0].ok ? 'Sergei Lavrov' : 'John Kerry';
    assert.ok((await fs.readFile(storeFile(), 'utf8')).includes(written), 'the file holds what the window told "ok" wrote');
    assert.deepStrictEqual((await fs.readdir(path.dirname(storeFile()))).sort(), ['kerry.txt.json'], 'no lock or temporary file left');
  });

  it('the lock: a dead writer\'s lock is broken, no lock is left, and an empty save without a store touches nothing', async () => {
    const files = new AnnotationFiles(folder);
    await files.load(article, text);
    assert.deepStrictEqual(await files.save(article, text, { reviewState: 'unreviewed', annotations: [] }), { ok: true });
    await assert.rejects(fs.stat(path.join(folder, '.article-lens')), 'no store folder made for nothing');
    await fs.mkdir(path.dirname(storeFile()), { recursive: true });
    await fs.writeFile(`${storeFile()}.lock`, 'a window that died');
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(`${storeFile()}.lock`, old, old);
    assert.deepStrictEqual(await files.save(article, text, one), { ok: true });
    assert.deepStrictEqual((await fs.readdir(path.dirname(storeFile()))).sort(), ['kerry.txt.json']);
  });

  it('a writer held up past the stale-lock limit, its lock taken by another window meanwhile, does not write over that window\'s file (both wrote, the last rename won)', async () => {
    const windowA = new AnnotationFiles(folder);
    const windowB = new AnnotationFiles(folder);
    await windowA.load(article, text);
    await windowB.load(article, text);
    const theirs: ArticleAnnotations = { reviewState: 'in-progress', annotations: [labelOn(text, 'John Kerry')] };
    const lock = `${storeFile()}.lock`;
    // Window A's event loop is blocked (a long analysis) between taking its lock and writing: its lock ages
    // past the limit, and window B, waiting, takes it for a dead window's, writes and lets go.
    const writeFile = fs.writeFile;
    let blocked = false;
    let second: Awaited<ReturnType<AnnotationFiles['save']>> | undefined;
    fs.writeFile = (async (file: Parameters<typeof writeFile>[0], ...rest: unknown[]) => {
      if (!blocked && String(file).endsWith('.tmp')) {
        blocked = true;
        const old = new Date(Date.now() - 11_000);
        await fs.utimes(lock, old, old);
        second = await windowB.save(article, text, theirs);
      }
      return (writeFile as (...args: unknown[]) => Promise<void>)(file, ...rest);
    }) as typeof writeFile;
    let first;
    try {
      first = await windowA.save(article, text, one);
    } finally {
      fs.writeFile = writeFile;
    }
    assert.deepStrictEqual(second, { ok: true }, 'window B wrote');
    assert.ok(!first.ok && first.reason === 'io', JSON.stringify(first));
    assert.match(first.message, /lock/);
    const onDisk = await fs.readFile(storeFile(), 'utf8');
    assert.ok(onDisk.includes('John Kerry') && !onDisk.includes('Sergei Lavrov'), 'window B\'s file stands');
    assert.deepStrictEqual((await fs.readdir(path.dirname(storeFile()))).sort(), ['kerry.txt.json'], 'no lock or temporary file left');
    // Window A's change is not lost: read again, the file is B's, and A may write on top of it.
    const again = await windowA.load(article, text);
    assert.ok(again.kind === 'loaded');
    assert.deepStrictEqual(await windowA.save(article, text, { ...again.annotations, annotations: [...again.annotations.annotations, ...one.annotations] }), { ok: true });
  });

  it('a folder moved while a store in it is being written: the store is not written back at the old path (a stray store came back there)', async () => {
    const files = new AnnotationFiles(folder);
    await files.load(article, text);
    assert.deepStrictEqual(await files.save(article, text, one), { ok: true });
    const readFile = fs.readFile;
    const [from, to] = ['news', 'archive'].map((name) => path.join(folder, '.article-lens', 'annotations', name));
    let moved = false;
    // Right after the writer, holding its lock, checked the file: `mv news archive` (with the store folder, as the editor moves it).
    fs.readFile = (async (file: Parameters<typeof readFile>[0], ...rest: unknown[]) => {
      const content = await (readFile as (...args: unknown[]) => Promise<unknown>)(file, ...rest);
      if (!moved && String(file) === storeFile() && (await fs.stat(`${storeFile()}.lock`).then(() => true, () => false))) {
        moved = true;
        assert.deepStrictEqual(await new AnnotationFiles(folder).moveFolder('news', 'archive'), { ok: true });
      }
      return content;
    }) as typeof readFile;
    let saved;
    try {
      saved = await files.save(article, text, { ...one, reviewState: 'reviewed' });
    } finally {
      fs.readFile = readFile;
    }
    assert.ok(moved);
    assert.ok(!saved.ok && saved.reason === 'io', JSON.stringify(saved));
    await assert.rejects(fs.stat(from), 'nothing at the old path');
    assert.ok((await fs.readFile(path.join(to, 'kerry.txt.json'), 'utf8')).includes('"reviewState": "in-progress"'), 'the moved store is as it was');
  });

  it('never overwrites a file it could not read, and says why', async () => {
    await fs.mkdir(path.dirname(storeFile()), { recursive: true });
    await fs.writeFile(storeFile(), '{ "type": "AnnotationCollection", oops');
    const files = new AnnotationFiles(folder);
    const loaded = await files.load(article, text);
    assert.ok(loaded.kind === 'invalid' && loaded.message.startsWith('not valid JSON'));
    const saved = await files.save(article, text, one);
    assert.ok(!saved.ok && saved.message.includes('is not overwritten because it could not be read: not valid JSON'));
    assert.strictEqual(await fs.readFile(storeFile(), 'utf8'), '{ "type": "AnnotationCollection", oops');
  });

  it('refuses a file that is not UTF-8 (a note saved as Latin-1 elsewhere) and never rewrites it; a byte-order mark is read past', async () => {
    const files = new AnnotationFiles(folder);
    await files.load(article, text);
    await files.save(article, text, { ...one, annotations: [{ ...one.annotations[0], body: { kind: 'note', text: 'Café', resolved: false, replies: [] } }] });
    const utf8 = await fs.readFile(storeFile());
    const latin1 = Buffer.from(utf8.toString('utf8').replace('Café', 'Caf\u00e9'), 'latin1');
    await fs.writeFile(storeFile(), latin1);
    const refused = new AnnotationFiles(folder);
    const loaded = await refused.load(article, text);
    assert.ok(loaded.kind === 'invalid' && /^is not UTF-8 text \(byte 0xE9 at offset \d+\)/.test(loaded.message), JSON.stringify(loaded));
    assert.ok(!(await refused.save(article, text, { ...one, reviewState: 'reviewed' })).ok);
    assert.deepStrictEqual(await fs.readFile(storeFile()), latin1, 'the bytes are kept');
    // Notepad's byte-order mark before the JSON: read, and the next save writes the file without it.
    await fs.writeFile(storeFile(), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]));
    const withMark = new AnnotationFiles(folder);
    const read = await withMark.load(article, text);
    assert.ok(read.kind === 'loaded' && read.annotations.annotations.length === 1, JSON.stringify(read));
    assert.deepStrictEqual(await withMark.save(article, text, { ...one, reviewState: 'reviewed' }), { ok: true });
    assert.notStrictEqual((await fs.readFile(storeFile()))[0], 0xef);
  });

  it('never rewrites a file with a field it does not read (a newer version wrote it), and says which', async () => {
    const files = new AnnotationFiles(folder);
    await files.load(article, text);
    await files.save(article, text, one);
    const newer = (await fs.readFile(storeFile(), 'utf8')).replace('"type": "Annotation",', '"type": "Annotation",\n      "confidence": 0.9,');
    await fs.writeFile(storeFile(), newer);
    const loaded = await new AnnotationFiles(folder).load(article, text);
    assert.ok(loaded.kind === 'invalid' && loaded.message.includes('"confidence" is not a field this version of Article Lens reads'), JSON.stringify(loaded));
    const again = new AnnotationFiles(folder);
    await again.load(article, text);
    assert.ok(!(await again.save(article, text, { ...one, reviewState: 'reviewed' })).ok);
    assert.strictEqual(await fs.readFile(storeFile(), 'utf8'), newer);
  });

  it('keeps what another tool wrote in the fields it reads through a load and a save after the article changed (a Software creator, a note in text/html, a label, a context term)', async () => {
    const files = new AnnotationFiles(folder);
    await files.load(article, text);
    await files.save(article, text, { reviewState: 'in-progress', annotations: [labelOn(text, 'Sergei Lavrov'), { ...labelOn(text, 'Moscow'), body: { kind: 'note', text: 'x', resolved: false, replies: [] } }] });
    const theirs = JSON.parse(await fs.readFile(storeFile(), 'utf8'));
    theirs['@context'][1].dcterms = 'http://purl.org/dc/terms/';
    theirs.label = 'Desk B, first pass';
    theirs.first.items[1].creator = { type: 'Software', name: 'NER bot 2.1' };
    const note = theirs.first.items.find((i: { motivation: string }) => i.motivation === 'commenting');
    note.body = { ...note.body, value: '<p>Dateline?</p>', format: 'text/html' };
    await fs.writeFile(storeFile(), JSON.stringify(theirs, null, 2) + '\n');
    // The article gained a paragraph on top: every place moves, so the file is written anew.
    const changed = 'A new first paragraph.\n' + text;
    const again = new AnnotationFiles(folder);
    const loaded = await again.load(article, changed);
    assert.ok(loaded.kind === 'loaded');
    assert.deepStrictEqual(await again.save(article, changed, { ...loaded.annotations, annotations: [...loaded.annotations.annotations, labelOn(changed, 'John Kerry')] }), { ok: true });
    const saved = JSON.parse(await fs.readFile(storeFile(), 'utf8'));
    assert.deepStrictEqual(saved['@context'], theirs['@context']);
    assert.strictEqual(saved.label, 'Desk B, first pass');
    assert.deepStrictEqual(saved.first.items.find((i: { id: string }) => i.id === theirs.first.items[1].id).creator, { type: 'Software', name: 'NER bot 2.1' });
    assert.deepStrictEqual(saved.first.items.find((i: { motivation: string }) => i.motivation === 'commenting').body, note.body);
  });

  it('does not overwrite a file changed on disk since it was read, nor write one never read', async () => {
    const files = new AnnotationFiles(folder);
    assert.ok(!(await files.save(article, text, one)).ok, 'not read yet');
    await files.load(article, text);
    await files.save(article, text, one);
    await fs.writeFile(storeFile(), (await fs.readFile(storeFile(), 'utf8')).replace('in-progress', 'reviewed'));
    const saved = await files.save(article, text, { ...one, reviewState: 'unreviewed' });
    assert.ok(!saved.ok && saved.message.includes('changed on disk since it was read'));
    assert.ok((await fs.readFile(storeFile(), 'utf8')).includes('"reviewState": "reviewed"'));
  });

  it('moves the store file with a renamed article, refuses to overwrite, and removes the file when nothing is left', async () => {
    const files = new AnnotationFiles(folder);
    await files.load(article, text);
    await files.save(article, text, one);
    assert.deepStrictEqual(await files.move(article, 'archive/2024/kerry.txt'), { ok: true });
    const moved = await files.load('archive/2024/kerry.txt', text);
    assert.ok(moved.kind === 'loaded' && moved.annotations.annotations.length === 1);
    assert.deepStrictEqual(await files.move('news/none.txt', 'news/other.txt'), { ok: true }, 'nothing to move');
    await files.load('news/b.txt', text);
    await files.save('news/b.txt', text, one);
    const clash = await files.move('news/b.txt', 'archive/2024/kerry.txt');
    assert.ok(!clash.ok && clash.message.includes('exists already'));
    assert.deepStrictEqual(await files.save('archive/2024/kerry.txt', text, { reviewState: 'unreviewed', annotations: [] }), { ok: true });
    await assert.rejects(fs.access(path.join(folder, '.article-lens', 'annotations', 'archive', '2024', 'kerry.txt.json')));
    assert.match(newAnnotationId(), /^urn:uuid:[0-9a-f-]{36}$/);
  });
});
