import * as assert from 'assert';
import { PositionMapper } from '../../server/src/lsp/positions';

describe('position mapping', () => {
  it('maps offsets to UTF-16 positions across LF, CRLF and a lone CR', () => {
    const text = 'ab\r\ncd\ref\ngh';
    const positions = new PositionMapper(text);
    assert.deepStrictEqual(positions.positionAt(text.indexOf('c')), { line: 1, character: 0 });
    assert.deepStrictEqual(positions.positionAt(text.indexOf('e')), { line: 2, character: 0 });
    assert.deepStrictEqual(positions.positionAt(text.indexOf('h')), { line: 3, character: 1 });
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
      assert.strictEqual(positions.offsetAt(positions.positionAt(offset)), offset);
    }
  });

  it('counts a surrogate pair as two characters, as LSP does', () => {
    const positions = new PositionMapper('😀 Lavrov');
    assert.deepStrictEqual(positions.positionAt(3), { line: 0, character: 3 });
  });

  it('clamps positions past the end of a line or of the document', () => {
    const positions = new PositionMapper('abc\ndef');
    assert.strictEqual(positions.offsetAt({ line: 0, character: 99 }), 3);
    assert.strictEqual(positions.offsetAt({ line: 9, character: 0 }), 7);
    assert.deepStrictEqual(positions.positionAt(99), { line: 1, character: 3 });
    assert.deepStrictEqual(positions.offsetsOf({ start: { line: 1, character: 1 }, end: { line: 0, character: 1 } }), { start: 1, end: 5 });
  });
});
