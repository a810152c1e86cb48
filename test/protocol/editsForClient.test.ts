import * as assert from 'assert';
import type { CodeAction } from 'vscode-languageserver';
import { deletionEdit, forClient } from '../../server/src/lsp/edits';
import { PositionMapper } from '../../server/src/lsp/positions';

describe('code action edits for a client without documentChanges', () => {
  const text = 'First paragraph.\nFirst paragraph.\nLast one.\n';
  const uri = 'file:///a.txt';
  const action: CodeAction = { title: 'Remove duplicate paragraph', edit: deletionEdit(uri, 3, [{ start: 17, end: 34 }], new PositionMapper(text)) };

  it('gives the edits by URI as `changes` when the client cannot take `documentChanges` (they were sent anyway)', () => {
    const [plain] = forClient([action], false);
    assert.deepStrictEqual(plain.edit, { changes: { [uri]: [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }] } });
  });

  it('keeps the version-pinned `documentChanges` for a client that takes them', () => {
    assert.deepStrictEqual(forClient([action], true), [action]);
    assert.deepStrictEqual(action.edit?.documentChanges?.[0] && 'textDocument' in action.edit.documentChanges[0] ? action.edit.documentChanges[0].textDocument : undefined, { uri, version: 3 });
  });
});
