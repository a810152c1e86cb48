import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers/seeds';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** What `vsce` puts in the .vsix (it reads .vscodeignore): the files, relative, with forward slashes. */
function packagedFiles(): string[] {
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  return execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .sort();
}

/** Every file the manifest points to. */
function manifestFiles(): string[] {
  const c = manifest.contributes;
  return [
    manifest.main.replace(/^\.\//, ''),
    manifest.icon,
    ...c.languages.map((l: { configuration: string }) => l.configuration.replace(/^\.\//, '')),
    ...c.grammars.map((g: { path: string }) => g.path.replace(/^\.\//, '')),
    ...c.viewsContainers.activitybar.map((v: { icon: string }) => v.icon),
    ...c.walkthroughs.flatMap((w: { steps: { media: { markdown?: string; image?: string } }[] }) => w.steps.map((s) => s.media.markdown ?? s.media.image)),
  ];
}

/** The anchor GitHub and the marketplace give a heading: lower case, punctuation dropped, spaces to dashes. */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-');

describe('the packaged extension', function () {
  let files: string[];

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) throw new Error('dist/ is missing: run `npm run build` first');
    files = packagedFiles();
  });

  it('ships only what the extension uses: bundles, data, grammar, icons, walkthrough, sample, manifest and docs', () => {
    const allowed = [
      /^dist\/(extension|server|indexWorker|taggingWorker)\.js$/,
      /^dist\/data\//,
      /^dist\/webview\/actorMap\.(js|css)$/,
      /^syntaxes\/[^/]+\.json$/,
      /^language-configuration\.json$/,
      /^(package\.json|README\.md|CHANGELOG\.md|LICENSE)$/,
      /^images\/(icon\.png|activity\.svg)$/,
      /^media\/walkthrough\/[^/]+\.md$/,
      /^samples\/geneva-talks\.article$/,
    ];
    const stray = files.filter((f) => !allowed.some((pattern) => pattern.test(f)));
    assert.deepStrictEqual(stray, [], 'nothing else is packaged (sources, tests, maps, node_modules, the CLI)');
    assert.ok(!files.some((f) => f.endsWith('.map') || f.endsWith('.ts')), 'no source maps or sources');
  });

  it('ships every file the manifest and the client point to', () => {
    for (const file of [...manifestFiles(), 'dist/server.js', 'dist/indexWorker.js', 'dist/taggingWorker.js', 'dist/webview/actorMap.js', 'dist/webview/actorMap.css', 'dist/data/ner/model.bin', 'dist/data/warm-up/article.txt']) {
      assert.ok(files.includes(file), `${file} is packaged`);
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} exists`);
    }
    const client = fs.readdirSync(path.join(ROOT, 'client', 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(ROOT, 'client', 'src', f), 'utf8')).join('\n');
    const sample = /const SAMPLE = \['samples', '([^']+)'\]/.exec(client);
    assert.ok(sample && files.includes(`samples/${sample[1]}`), 'the sample article the walkthrough opens is packaged');
  });

  it('has a README whose links all resolve inside the package (files) or the README itself (anchors)', () => {
    const anchors = new Set([...readme.matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1])));
    const prose = readme.replace(/^```[\s\S]*?^```/gm, '');
    const targets = [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)[^)]*\)/g), ...prose.matchAll(/<(?:img|a)\s[^>]*(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    for (const target of targets) {
      if (/^https?:/.test(target)) {
        // Links out cannot be checked offline; the README has none, and any added must at least be https.
        assert.match(target, /^https:\/\//, `${target} is https`);
      } else if (target.startsWith('#')) {
        assert.ok(anchors.has(target.slice(1)), `anchor ${target} names a heading of README.md`);
      } else if (!/^(command|vscode):/.test(target)) {
        const file = target.split('#')[0].replace(/^\.\//, '');
        assert.ok(files.includes(file), `README links to ${file}, which the package does not hold`);
      }
    }
  });
});

describe('the manifest', () => {
  it('has an icon of 128×128 pixels', () => {
    const png = fs.readFileSync(path.join(ROOT, manifest.icon));
    assert.strictEqual(png.toString('ascii', 1, 4), 'PNG');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('names no placeholder repository, homepage or bug tracker, and packages without one while it has none', () => {
    for (const field of ['repository', 'homepage', 'bugs']) {
      const value = manifest[field];
      if (value === undefined) continue;
      const url = typeof value === 'string' ? value : value.url;
      assert.match(url, /^https:\/\//, `${field} is an https URL`);
      assert.doesNotMatch(url, /example\.|your-?(org|name)|TODO|placeholder|localhost/i, `${field} is no placeholder`);
    }
    if (manifest.repository === undefined) assert.match(manifest.scripts.package, /--allow-missing-repository/);
  });

  it('requires Node 20, as README says, and names marketplace categories and keywords', () => {
    assert.strictEqual(manifest.engines.node, '>=20');
    assert.match(readme, /Node\.js 20/);
    const categories = ['Programming Languages', 'Snippets', 'Linters', 'Themes', 'Debuggers', 'Formatters', 'Keymaps', 'SCM Providers', 'Other', 'Extension Packs', 'Language Packs', 'Data Science', 'Machine Learning', 'Visualization', 'Notebooks', 'Education', 'Testing'];
    for (const category of manifest.categories) assert.ok(categories.includes(category), `${category} is a marketplace category`);
    assert.ok(manifest.keywords.length > 0 && manifest.keywords.length <= 30, 'between 1 and 30 keywords');
  });

  it('declares each command once, and offers article commands in articles only', () => {
    const c = manifest.contributes;
    const declared: string[] = c.commands.map((command: { command: string }) => command.command);
    assert.strictEqual(new Set(declared).size, declared.length);
    // That the client registers each of them is checked in VS Code (test/vscode/suite, "commands are registered").
    const used = ([...Object.values(c.menus).flat(), ...c.keybindings] as { command?: string; when?: string }[]).filter((e): e is { command: string; when?: string } => !!e.command);
    for (const entry of used) assert.ok(declared.includes(entry.command), `${entry.command} (menus, keybindings) is declared`);
    for (const article of ['articleLens.revealActor', 'articleLens.showQuotesOfActor']) {
      const entries = used.filter((e) => e.command === article);
      assert.ok(entries.length >= 2, `${article} is in the palette and a menu or key`);
      for (const entry of entries) assert.match(entry.when ?? '', /editorLangId == article/, `${article}: when ${entry.when}`);
    }
    const contextMenu = c.menus['editor/context'] as { command?: string; submenu?: string; group: string; when: string }[];
    const ours = contextMenu.filter((e) => e.command?.startsWith('articleLens.'));
    assert.ok(ours.length >= 2 && ours.every((e) => e.group.startsWith('articleLens@')), 'the Article Lens actions are one group of the editor context menu');
    assert.ok(contextMenu.every((e) => /editorLangId == article/.test(e.when)), 'every entry of ours in the editor context menu is offered in articles only');
  });

  it('documents every keybinding and every setting in README', () => {
    const shown = readme.toLowerCase();
    for (const binding of manifest.contributes.keybindings) {
      // A chord (`ctrl+alt+a p`) is written as its first keys, then the letter: `Ctrl+Alt+A` then `P`.
      for (const part of binding.key.split(' ')) assert.ok(shown.includes(`\`${part}\``), `README shows ${binding.key} (${part})`);
    }
    for (const setting of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`\`${setting}\``), `README documents ${setting}`);
  });
});
