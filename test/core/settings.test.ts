import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/core/settings';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/lsp/semanticTokens';
import { ROOT } from '../helpers/seeds';
import { parseUserLabels } from '../../server/src/core/annotations/labels';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Semantic token types VS Code defines itself (a subset: those the server sends). */
const VSCODE_STANDARD_TYPES = new Set(['number']);

/** Settings only the client reads (the server never sees them). */
const CLIENT_ONLY_SETTINGS = ['articleLens.trace.server', 'articleLens.views.revealActorUnderCursor'];

/** `DEFAULT_SETTINGS` as dotted setting names (`articleLens.hover.enabled`) and their defaults. */
function flatten(value: object, prefix = 'articleLens'): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, inner] of Object.entries(value)) {
    const name = `${prefix}.${key}`;
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) for (const [k, v] of flatten(inner, name)) leaves.set(k, v);
    else leaves.set(name, inner);
  }
  return leaves;
}

describe('settings and manifest', () => {
  it('package.json declares every server setting with the same default', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.strictEqual(properties['articleLens.duplicateParagraphs.severity'].default, DEFAULT_SETTINGS.duplicateParagraphs.severity);
    assert.deepStrictEqual(properties['articleLens.duplicateParagraphs.severity'].enum, ['error', 'warning', 'information', 'hint', 'off']);
    assert.strictEqual(properties['articleLens.nameVariants.severity'].default, DEFAULT_SETTINGS.nameVariants.severity);
    assert.deepStrictEqual(properties['articleLens.nameVariants.severity'].enum, ['error', 'warning', 'information', 'hint', 'off']);
    assert.strictEqual(properties['articleLens.pageFurniture.severity'].default, DEFAULT_SETTINGS.pageFurniture.severity);
    assert.deepStrictEqual(properties['articleLens.pageFurniture.severity'].enum, ['error', 'warning', 'information', 'hint', 'off']);
    assert.deepStrictEqual(properties['articleLens.files'].default, DEFAULT_SETTINGS.files);
    assert.strictEqual(properties['articleLens.maxFileSize'].default, DEFAULT_SETTINGS.maxFileSize);
    assert.ok(properties['articleLens.trace.server'], 'the client trace setting is declared');
  });

  it('declares every setting of core/settings.ts with its default, and no server setting the core lacks', () => {
    const properties: Record<string, { default: unknown; type: string; description?: string; markdownDescription?: string }> = manifest.contributes.configuration.properties;
    const defaults = flatten(DEFAULT_SETTINGS);
    for (const [name, value] of defaults) {
      assert.ok(properties[name], `${name} is declared in package.json`);
      assert.deepStrictEqual(properties[name].default, value, `${name}: package.json's default is the core's`);
      assert.strictEqual(properties[name].type, Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string', `${name}: type`);
    }
    for (const [name, property] of Object.entries(properties)) {
      assert.ok(defaults.has(name) || CLIENT_ONLY_SETTINGS.includes(name), `${name} is declared but core/settings.ts does not know it`);
      assert.ok(property.description ?? property.markdownDescription, `${name} has a description`);
    }
  });

  it('reads each feature switch and the index exclusions, keeping the defaults for values of the wrong type', () => {
    const off = parseSettings({ hover: { enabled: false }, inlayHints: { enabled: false }, workspaceIndex: { enabled: false }, index: { exclude: ['**/archive/**', 3] } });
    assert.strictEqual(off.hover.enabled, false);
    assert.strictEqual(off.inlayHints.enabled, false);
    assert.strictEqual(off.workspaceIndex.enabled, false);
    assert.strictEqual(off.outline.enabled, true, 'a switch not given stays on');
    assert.deepStrictEqual(off.index.exclude, ['**/archive/**']);
    assert.strictEqual(parseSettings({ hover: { enabled: 'no' } }).hover.enabled, true);
    assert.deepStrictEqual(parseSettings({ index: { exclude: '**/x' } }).index.exclude, []);
  });

  it('ignores values of the wrong type', () => {
    assert.deepStrictEqual(parseSettings({ duplicateParagraphs: { severity: 'loud' }, files: 'x', maxFileSize: -1 }), DEFAULT_SETTINGS);
    assert.strictEqual(parseSettings({ duplicateParagraphs: { severity: 'off' } }).duplicateParagraphs.severity, 'off');
    assert.strictEqual(parseSettings({ nameVariants: { severity: 'warning' } }).nameVariants.severity, 'warning');
    assert.strictEqual(parseSettings({ nameVariants: { severity: 'loud' } }).nameVariants.severity, 'hint');
    assert.strictEqual(parseSettings({ pageFurniture: { severity: 'warning' } }).pageFurniture.severity, 'warning');
    assert.strictEqual(parseSettings({ pageFurniture: { severity: 7 } }).pageFurniture.severity, 'hint');
    assert.deepStrictEqual(parseSettings(null), DEFAULT_SETTINGS);
  });

  it('declares every semantic token type the server sends, with a super type and scopes', () => {
    const declared = manifest.contributes.semanticTokenTypes.map((t: { id: string }) => t.id);
    const scopes = manifest.contributes.semanticTokenScopes[0].scopes;
    for (const type of SEMANTIC_TOKENS_LEGEND.tokenTypes) {
      // VS Code's own types are not declared again: `number` declared with itself as super type made a
      // cycle that hung VS Code's matching of colour rules (regression: no entity was coloured).
      if (VSCODE_STANDARD_TYPES.has(type)) {
        assert.ok(!declared.includes(type), `${type} is VS Code's own type: not declared again`);
      } else {
        assert.ok(declared.includes(type), `${type} declared`);
        const superType = manifest.contributes.semanticTokenTypes.find((t: { id: string; superType?: string }) => t.id === type).superType;
        assert.ok(superType && superType !== type, `${type} has a super type other than itself`);
      }
      assert.ok(scopes[type]?.length > 0, `${type} has TextMate scopes`);
    }
    const declaredModifiers = (manifest.contributes.semanticTokenModifiers ?? []).map((m: { id: string }) => m.id);
    for (const modifier of SEMANTIC_TOKENS_LEGEND.tokenModifiers) assert.ok(declaredModifiers.includes(modifier), `modifier ${modifier} declared`);
  });

  it('declares the annotation settings with the same defaults', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.strictEqual(properties['articleLens.annotation.author'].default, DEFAULT_SETTINGS.annotation.author);
    assert.deepStrictEqual(properties['articleLens.annotation.labels'].default, DEFAULT_SETTINGS.annotation.labels);
    assert.deepStrictEqual(parseSettings({ annotation: { author: ' Ann ', labels: ['claim', 'two words', 'claim', 'person', 3] } }).annotation, { author: 'Ann', labels: ['claim'] });
    // Labels that brat, CoNLL or doccano give an entity label would come back from an export as that label.
    assert.deepStrictEqual(parseSettings({ annotation: { labels: ['PER', 'Location', 'ORGANIZATION', 'Misc', 'law', 'Per'] } }).annotation.labels, ['law', 'Per']);
    const problems = parseUserLabels(['PER', 'Location']).problems;
    assert.strictEqual(problems.length, 2);
    assert.match(problems[0], /"PER" left out: brat and CoNLL call the entity label person so/);
    assert.strictEqual(properties['articleLens.learning.enabled'].default, DEFAULT_SETTINGS.learning.enabled);
    assert.strictEqual(parseSettings({ learning: { enabled: false } }).learning.enabled, false);
    assert.strictEqual(parseSettings({ learning: { enabled: 'no' } }).learning.enabled, true);
  });

  it('keeps engines.vscode at or below the tested VS Code and @types/vscode no newer', () => {
    assert.match(manifest.engines.vscode, /^\^1\.100\.0$/);
    assert.match(manifest.devDependencies['@types/vscode'], /1\.100\./);
  });
});
