import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { looksBinary } from '../../server/src/core/languageService';

describe('binary text (looksBinary)', () => {
  it('passes articles, tabs, form feeds and Windows line ends; a NUL or many control characters in the first 8 KB mark a binary file', () => {
    const seeds = path.join(__dirname, '..', '..', 'seeds');
    for (const name of fs.readdirSync(seeds)) assert.strictEqual(looksBinary(fs.readFileSync(path.join(seeds, name), 'utf8')), false, name);
    assert.strictEqual(looksBinary('Lavrov said:\r\n\tno.\f\r\n'), false, 'tab, form feed, carriage return and line feed are text');
    assert.strictEqual(looksBinary(''), false);
    assert.strictEqual(looksBinary('Lavrov said no.\u0000'), true, 'a NUL');
    // Control characters count as a share of the first 8 KB: 1 in 10 is text, 2 in 10 is not.
    assert.strictEqual(looksBinary('\u0001abcdefghi'.repeat(10)), false);
    assert.strictEqual(looksBinary('\u0001\u001fabcdefgh'.repeat(10)), true);
    // Only the first 8 KB are read: what comes after never makes a file binary.
    assert.strictEqual(looksBinary('a'.repeat(8192) + '\u0000'), false);
    assert.strictEqual(looksBinary('a'.repeat(8191) + '\u0000'), true);
  });
});
