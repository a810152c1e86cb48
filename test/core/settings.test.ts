import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/core/settings';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/lsp/semanticTokens';
import { ROOT } from '../helpers/seeds';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('settings and manifest', () => {
  it('package.json declares every server setting with the same default', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.strictEqual(properties['articleLens.duplicateParagraphs.severity'].default, DEFAULT_SETTINGS.duplicateParagraphs.severity);
    assert.deepStrictEqual(properties['articleLens.duplicateParagraphs.severity'].enum, ['error', 'warning', 'information', 'hint', 'off']);
    assert.strictEqual(properties['articleLens.nameVariants.severity'].default, DEFAULT_SETTINGS.nameVariants.severity);
    assert.deepStrictEqual(properties['articleLens.nameVariants.severity'].enum, ['error', 'warning', 'information', 'hint', 'off']);
    assert.deepStrictEqual(properties['articleLens.files'].default, DEFAULT_SETTINGS.files);
    assert.strictEqual(properties['articleLens.maxFileSize'].default, DEFAULT_SETTINGS.maxFileSize);
    assert.ok(properties['articleLens.trace.server'], 'the client trace setting is declared');
  });

  it('ignores values of the wrong type', () => {
    assert.deepStrictEqual(parseSettings({ duplicateParagraphs: { severity: 'loud' }, files: 'x', maxFileSize: -1 }), DEFAULT_SETTINGS);
    assert.strictEqual(parseSettings({ duplicateParagraphs: { severity: 'off' } }).duplicateParagraphs.severity, 'off');
    assert.strictEqual(parseSettings({ nameVariants: { severity: 'warning' } }).nameVariants.severity, 'warning');
    assert.strictEqual(parseSettings({ nameVariants: { severity: 'loud' } }).nameVariants.severity, 'hint');
    assert.deepStrictEqual(parseSettings(null), DEFAULT_SETTINGS);
  });

  it('declares every semantic token type the server sends, with a super type and scopes', () => {
    const declared = manifest.contributes.semanticTokenTypes.map((t: { id: string }) => t.id);
    const scopes = manifest.contributes.semanticTokenScopes[0].scopes;
    for (const type of SEMANTIC_TOKENS_LEGEND.tokenTypes) {
      assert.ok(declared.includes(type), `${type} declared`);
      assert.ok(manifest.contributes.semanticTokenTypes.find((t: { id: string; superType?: string }) => t.id === type).superType, `${type} has a super type`);
      assert.ok(scopes[type]?.length > 0, `${type} has TextMate scopes`);
    }
  });

  it('keeps engines.vscode at or below the tested VS Code and @types/vscode no newer', () => {
    assert.match(manifest.engines.vscode, /^\^1\.100\.0$/);
    assert.match(manifest.devDependencies['@types/vscode'], /1\.100\./);
  });
});
